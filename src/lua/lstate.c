/*
 * lstate.c - the model's state as plain tables, for scripts to read and
 * assert on.  Nothing here changes the model, so these work inside event
 * callbacks too.
 *
 * Numbering: what the kernel numbers from 0 is keyed by that number
 * (free_area[order] for orders 0..10, pcp[cpu] for cpus 0..N-1); lists of
 * things are ordinary 1-based arrays (zones(), slabinfo(), pfns on a pcp
 * list, head first).  Migrate types and zones are named as /proc names
 * them ("Unmovable", "Normal").
 *
 * slabinfo() and vmstat() read the /proc text the core formats, so a
 * script sees exactly the numbers `cat` shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *const state_names[] = {
	[PS_NONE] = "none", [PS_HOLE] = "hole", [PS_RESERVED] = "reserved",
	[PS_FREE] = "free", [PS_PCP] = "pcp", [PS_ALLOCATED] = "allocated",
};
static const char *const owner_names[] = {
	[OWNER_NONE] = "none", [OWNER_KERNEL] = "kernel", [OWNER_ANON] = "anon",
	[OWNER_PAGECACHE] = "pagecache", [OWNER_SLAB] = "slab", [OWNER_PAGETABLE] = "pagetable",
	[OWNER_INFLIGHT] = "inflight",
};
static const struct {
	uint32_t bit;
	const char *name;
} page_flags[] = {
	{ PG_buddy, "buddy" }, { PG_reserved, "reserved" }, { PG_nomem, "nomem" },
	{ PG_head, "head" }, { PG_tail, "tail" }, { PG_pcp, "pcp" }, { PG_slab, "slab" },
	{ PG_lru, "lru" }, { PG_pfmemalloc, "pfmemalloc" }, { PG_dirty, "dirty" },
	{ PG_zeroed, "zeroed" }, { PG_active, "active" }, { PG_referenced, "referenced" },
	{ PG_swapbacked, "swapbacked" }, { PG_writeback, "writeback" }, { PG_reclaim, "reclaim" },
};
static const char *const req_state_names[] = { "running", "stopped", "sleeping", "waiting",
					       "done" };
static const char *const req_kind_names[] = { "alloc_pages", "free_pages", "kmem_cache_alloc",
					      "kmalloc" };

const char *lh_mt_name(int mt)
{
	return mt >= 0 && mt < MIGRATE_TYPES ? migratetype_names[mt] : "?";
}

int lh_mt_by_name(const char *s)
{
	int mt;

	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		if (strcasecmp(s, migratetype_names[mt]) == 0)
			return mt;
	return -1;
}

static void set_int(lua_State *L, const char *key, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, key);
}

static void set_str(lua_State *L, const char *key, const char *v)
{
	lua_pushstring(L, v);
	lua_setfield(L, -2, key);
}

static void set_bool(lua_State *L, const char *key, int v)
{
	lua_pushboolean(L, v);
	lua_setfield(L, -2, key);
}

/* ---- zones ------------------------------------------------------------------------- */

static void push_free_area(lua_State *L, struct mm_machine *m, struct zone *z)
{
	int order, mt;

	lua_createtable(L, 0, MAX_ORDER);
	for (order = 0; order < MAX_ORDER; order++) {
		struct free_area *fa = &z->free_area[order];

		lua_createtable(L, 0, MIGRATE_TYPES + 1);
		set_int(L, "nr_free", (lua_Integer)fa->nr_free);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			set_int(L, migratetype_names[mt], mm_list_head(m, fa->free_list[mt])->nr);
		lua_rawseti(L, -2, order);
	}
}

static int add_pfn(struct mm_machine *m, unsigned long pfn, void *data)
{
	lua_State *L = data;

	(void)m;
	lua_pushinteger(L, (lua_Integer)pfn);
	lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
	return 0;
}

static void push_pcp(lua_State *L, struct mm_machine *m, struct zone *z)
{
	int cpu, mt;

	lua_createtable(L, 0, m->nr_cpus);
	for (cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct per_cpu_pages *pcp = &z->pageset[cpu].pcp;

		lua_createtable(L, 0, 4);
		set_int(L, "count", pcp->count);
		set_int(L, "high", pcp->high);
		set_int(L, "batch", pcp->batch);
		lua_createtable(L, 0, MIGRATE_PCPTYPES);
		for (mt = 0; mt < MIGRATE_PCPTYPES; mt++) {
			lua_createtable(L, (int)mm_list_head(m, pcp->lists[mt])->nr, 0);
			mm_walk_list(m, pcp->lists[mt], add_pfn, L);
			lua_setfield(L, -2, migratetype_names[mt]);
		}
		lua_setfield(L, -2, "lists");
		lua_rawseti(L, -2, cpu);
	}
}

static void push_zone(lua_State *L, struct mm_machine *m, struct zone *z)
{
	int j;

	lua_createtable(L, 0, 16);
	set_str(L, "name", z->name);
	set_int(L, "idx", z->idx);
	set_int(L, "start_pfn", (lua_Integer)z->zone_start_pfn);
	set_int(L, "spanned", (lua_Integer)z->spanned_pages);
	set_int(L, "present", (lua_Integer)z->present_pages);
	set_int(L, "managed", (lua_Integer)z->managed_pages);
	set_int(L, "free", (lua_Integer)zone_page_state(z, NR_FREE_PAGES));
	set_int(L, "min", (lua_Integer)z->watermark[WMARK_MIN]);
	set_int(L, "low", (lua_Integer)z->watermark[WMARK_LOW]);
	set_int(L, "high", (lua_Integer)z->watermark[WMARK_HIGH]);
	lua_createtable(L, 0, m->node.nr_zones);
	for (j = 0; j < m->node.nr_zones; j++)
		set_int(L, m->node.node_zones[j].name, (lua_Integer)z->lowmem_reserve[j]);
	lua_setfield(L, -2, "lowmem_reserve");
	push_free_area(L, m, z);
	lua_setfield(L, -2, "free_area");
	if (z->pageset) {
		push_pcp(L, m, z);
		lua_setfield(L, -2, "pcp");
	}
}

/* zones() -> { {name=, free=, min=, ..., free_area={[0..10]}, pcp={[cpu]}}, ... } */
static int l_zones(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	int i;

	lua_createtable(L, m->node.nr_zones, 0);
	for (i = 0; i < m->node.nr_zones; i++) {
		push_zone(L, m, &m->node.node_zones[i]);
		lua_rawseti(L, -2, i + 1);
	}
	return 1;
}

/* zone(name) -> one zone's table, or nil */
static int l_zone(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct zone *z = mm_zone_by_name(m, lh_checkstr(L, 1, "zone"));

	if (!z)
		lua_pushnil(L);
	else
		push_zone(L, m, z);
	return 1;
}

/* ---- a page ---------------------------------------------------------------------------- */

static void push_flags(lua_State *L, uint32_t flags)
{
	size_t i;
	int n = 0;

	lua_createtable(L, 4, 0);
	for (i = 0; i < sizeof(page_flags) / sizeof(page_flags[0]); i++)
		if (flags & page_flags[i].bit) {
			lua_pushstring(L, page_flags[i].name);
			lua_rawseti(L, -2, ++n);
		}
}

static void push_owner(lua_State *L, uint32_t owner)
{
	uint32_t kind = MM_OWNER_KIND(owner);

	lua_createtable(L, 0, 2);
	set_str(L, "kind", kind < sizeof(owner_names) / sizeof(owner_names[0]) ? owner_names[kind] : "?");
	set_int(L, "id", MM_OWNER_ID(owner));
}

/* page(pfn) -> {pfn=, state=, head=, order=, flags={...}, owner={kind=, id=}, ...} */
static int l_page(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	lua_Integer v = lh_checkint(L, 1, "page");
	struct mm_page_info pi;
	const struct page *pg;
	unsigned long pfn;

	if (v < 0 || (unsigned long)v >= m->max_pfn)
		return lh_argerror(L, 1, "page", "pfn must be 0..0x%lx", m->max_pfn - 1);
	pfn = (unsigned long)v;
	pg = pfn_to_page(m, pfn);
	mm_page_info(m, pfn, &pi);
	lua_createtable(L, 0, 12);
	set_int(L, "pfn", (lua_Integer)pfn);
	set_str(L, "state", state_names[pi.state]);
	if (pi.state == PS_FREE || pi.state == PS_PCP || pi.state == PS_ALLOCATED) {
		set_int(L, "head", (lua_Integer)pi.head_pfn);
		set_int(L, "order", pi.order);
	}
	if (pi.state == PS_FREE || pi.state == PS_PCP)
		set_str(L, "migratetype", lh_mt_name(pi.migratetype));
	if (pi.state == PS_PCP)
		set_int(L, "cpu", pi.cpu);
	if (pi.zone_idx >= 0 && pi.zone_idx < m->node.nr_zones)
		set_str(L, "zone", m->node.node_zones[pi.zone_idx].name);
	if (pi.state != PS_NONE)
		set_str(L, "pageblock", lh_mt_name(pi.pageblock_mt));
	set_int(L, "count", pg->_count);
	push_flags(L, pg->flags);
	lua_setfield(L, -2, "flags");
	if (pi.state == PS_ALLOCATED) {
		push_owner(L, pfn_to_page(m, pi.head_pfn)->owner);
		lua_setfield(L, -2, "owner");
	}
	return 1;
}

/* ---- SLAB ------------------------------------------------------------------------------ */

static const char *const slabinfo_fields[] = {
	"active_objs", "num_objs", "objsize", "objperslab", "pagesperslab", "limit",
	"batchcount", "sharedfactor", "active_slabs", "num_slabs", "sharedavail", NULL,
};

/* one /proc/slabinfo row as a table; 0 if the line is not a row */
static int push_slabinfo_row(lua_State *L, const char *line)
{
	unsigned long v[11];
	char name[64];
	int i;

	if (sscanf(line, "%63s %lu %lu %lu %lu %lu : tunables %lu %lu %lu : slabdata %lu %lu %lu",
		   name, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9],
		   &v[10]) != 12)
		return 0;
	lua_createtable(L, 0, 12);
	set_str(L, "name", name);
	for (i = 0; slabinfo_fields[i]; i++)
		set_int(L, slabinfo_fields[i], (lua_Integer)v[i]);
	return 1;
}

/* calls fn(L, row) for each /proc/slabinfo row; the row table is on top */
static int each_slabinfo_row(lua_State *L, struct mm_machine *m,
			     int (*fn)(lua_State *L, void *arg), void *arg)
{
	struct mm_buf b;
	const char *line, *nl;
	int stop = 0;

	mm_buf_init(&b);
	if (mm_proc_show(m, "slabinfo", &b) < 0 || !b.s) {
		mm_buf_free(&b);
		return -1;
	}
	for (line = b.s; *line && !stop; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		if (line[0] == '#' || !push_slabinfo_row(L, line))
			continue;
		stop = fn(L, arg);
	}
	mm_buf_free(&b);
	return 0;
}

static int append_row(lua_State *L, void *arg)
{
	(void)arg;
	lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
	return 0;
}

/* slabinfo() -> the rows of /proc/slabinfo, in its order */
static int l_slabinfo(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;

	if (!m->slab) {
		lua_pushnil(L);
		lua_pushliteral(L, "the slab allocator is off on this machine (slab none)");
		return 2;
	}
	lua_newtable(L);
	each_slabinfo_row(L, m, append_row, NULL);
	return 1;
}

/* copy the fields of the row named arg into the table under it; stop */
static int merge_row(lua_State *L, void *arg)
{
	int i;

	lua_getfield(L, -1, "name");
	if (strcmp(lua_tostring(L, -1), arg) != 0) {
		lua_pop(L, 2);
		return 0;
	}
	lua_pop(L, 1);
	for (i = 0; slabinfo_fields[i]; i++) {
		lua_getfield(L, -1, slabinfo_fields[i]);
		lua_setfield(L, -3, slabinfo_fields[i]);
	}
	lua_pop(L, 1);
	return 1;
}

static void push_array_cache(lua_State *L, const struct array_cache *ac)
{
	lua_createtable(L, 0, 4);
	set_int(L, "avail", ac->avail);
	set_int(L, "limit", ac->limit);
	set_int(L, "batchcount", ac->batchcount);
	set_int(L, "touched", ac->touched);
}

static void cache_geometry(lua_State *L, const struct kmem_cache *k)
{
	unsigned long bytes = PAGE_SIZE << k->gfporder;
	unsigned long used = (unsigned long)k->num * k->size;
	int off = (k->flags & CFLGS_OFF_SLAB) != 0;
	char flags[256];

	if (!off)
		used += k->slab_size;
	set_str(L, "name", k->name);
	set_int(L, "id", k->id);
	set_int(L, "object_size", k->object_size);
	set_int(L, "size", k->size);
	set_int(L, "align", k->align);
	set_int(L, "num", k->num);
	set_int(L, "gfporder", k->gfporder);
	set_int(L, "pages_per_slab", 1L << k->gfporder);
	set_bool(L, "off_slab", off);
	set_int(L, "slab_size", k->slab_size);
	set_int(L, "left_over", (lua_Integer)(bytes >= used ? bytes - used : 0));
	set_int(L, "colour", k->colour);
	set_int(L, "colour_off", k->colour_off);
	mm_slab_flags_format(k->flags & ~CFLGS_OFF_SLAB, flags, sizeof(flags));
	set_str(L, "flags", flags);
	set_bool(L, "ctor", k->ctor);
	set_bool(L, "shrinker", k->shrinker != NULL);
}

/* cache:info() and caches(): geometry, tunables, lists, arrays, the slabinfo row */
int lh_cache_info(lua_State *L, struct lhost *h, const struct kmem_cache *k)
{
	struct mm_machine *m = h->c->m;
	const struct kmem_cache_node *n = k->node;
	int cpu;

	lua_createtable(L, 0, 40);
	cache_geometry(L, k);
	set_int(L, "limit", k->limit);
	set_int(L, "batchcount", k->batchcount);
	set_int(L, "shared", k->shared);
	set_int(L, "nr_grown", (lua_Integer)k->nr_grown);
	set_int(L, "nr_reaped", (lua_Integer)k->nr_reaped);
	set_int(L, "nr_ctor_calls", (lua_Integer)k->nr_ctor_calls);
	if (n) {
		set_int(L, "free_limit", n->free_limit);
		set_int(L, "free_objects", (lua_Integer)n->free_objects);
		set_int(L, "colour_next", n->colour_next);
		lua_createtable(L, 0, 3);
		set_int(L, "full", n->slabs[SLABS_FULL].nr);
		set_int(L, "partial", n->slabs[SLABS_PARTIAL].nr);
		set_int(L, "free", n->slabs[SLABS_FREE].nr);
		lua_setfield(L, -2, "slabs");
		if (n->shared) {
			push_array_cache(L, n->shared);
			lua_setfield(L, -2, "shared_array");
		}
	}
	lua_createtable(L, 0, m->nr_cpus);
	for (cpu = 0; k->array && cpu < m->nr_cpus; cpu++)
		if (k->array[cpu]) {
			push_array_cache(L, k->array[cpu]);
			lua_rawseti(L, -2, cpu);
		}
	lua_setfield(L, -2, "array");
	each_slabinfo_row(L, m, merge_row, (void *)k->name);
	return 1;
}

/* caches() -> every cache's info, newest first (slab_caches order) */
static int l_caches(lua_State *L)
{
	struct lhost *h = lh_host(L);
	struct kmem_cache *k;
	int i = 0;

	lua_newtable(L);
	if (!h->c->m->slab)
		return 1;
	for (k = mm_slab_caches(h->c->m); k; k = k->next) {
		lh_cache_info(L, h, k);
		lua_rawseti(L, -2, ++i);
	}
	return 1;
}

/* ---- counters, the machine, tasks ----------------------------------------------------- */

/* vmstat() -> { nr_free_pages = N, pgalloc_normal = N, ... } */
static int l_vmstat(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct mm_buf b;
	const char *line, *nl;
	char name[64];
	long long v;

	mm_buf_init(&b);
	mm_proc_show(m, "vmstat", &b);
	lua_newtable(L);
	for (line = b.s; line && *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		if (sscanf(line, "%63s %lld", name, &v) == 2)
			set_int(L, name, v);
	}
	mm_buf_free(&b);
	return 1;
}

static int l_machine(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	int i;

	lua_createtable(L, 0, 16);
	set_str(L, "name", m->desc.name);
	set_str(L, "arch", m->arch == ARCH_I386 ? "i386" : "x86_64");
	set_int(L, "cpus", m->nr_cpus);
	set_int(L, "cpu", m->cur_cpu);
	set_int(L, "pages", (lua_Integer)m->totalram_pages);
	set_int(L, "max_pfn", (lua_Integer)m->max_pfn);
	set_int(L, "page_size", (lua_Integer)PAGE_SIZE);
	set_int(L, "max_order", MAX_ORDER - 1);
	set_int(L, "pageblock_order", m->pageblock_order);
	set_int(L, "jiffies", (lua_Integer)m->clock);
	set_int(L, "hz", HZ);
	set_int(L, "min_free_kbytes", m->min_free_kbytes);
	set_int(L, "swap_pages", (lua_Integer)m->work.swap.pages);
	set_bool(L, "slab", m->slab != NULL);
	set_int(L, "page_offset", (lua_Integer)mm_page_offset(m));
	lua_createtable(L, m->node.nr_zones, 0);
	for (i = 0; i < m->node.nr_zones; i++) {
		lua_pushstring(L, m->node.node_zones[i].name);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "zones");
	return 1;
}

/* tasks() -> { {pid=, name=, rss=, swap=, oom_score_adj=, badness=, oom_score=}, ... } */
static int l_tasks(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct task *t;
	int i = 0;

	lua_newtable(L);
	for (t = m->work.tasks; t; t = t->next) {
		if (t->flags & PF_EXITING)
			continue;
		lua_createtable(L, 0, 7);
		set_int(L, "pid", t->pid);
		set_str(L, "name", t->comm);
		set_int(L, "rss", (lua_Integer)get_mm_rss(t));
		set_int(L, "swap", (lua_Integer)t->swapents);
		set_int(L, "oom_score_adj", t->oom_score_adj);
		set_int(L, "badness", (lua_Integer)mm_oom_badness(m, t));
		set_int(L, "oom_score", (lua_Integer)mm_oom_score(m, t));
		lua_rawseti(L, -2, ++i);
	}
	return 1;
}

/* ---- where a request stands ------------------------------------------------------------ */

static void push_frames(lua_State *L, const struct mm_request *r)
{
	int i, n = 0;

	lua_createtable(L, r->depth, 0);
	for (i = r->depth - 1; i >= 0; i--) {
		lua_createtable(L, 0, 2);
		set_str(L, "func", mm_func_names[r->frames[i].fn]);
		set_str(L, "args", r->frames[i].args);
		lua_rawseti(L, -2, ++n);
	}
}

/* "-> zone_watermark_ok: zone Normal ..." -> func and reason */
static void split_where(lua_State *L, const char *where)
{
	const char *f = where, *colon;

	if (!strncmp(f, "-> ", 3) || !strncmp(f, "<- ", 3) || !strncmp(f, ".. ", 3))
		f += 3;
	colon = strstr(f, ": ");
	if (colon) {
		lua_pushlstring(L, f, (size_t)(colon - f));
		lua_setfield(L, -2, "func");
		set_str(L, "reason", colon + 2);
	} else {
		set_str(L, "reason", f);
	}
	if (!strncmp(where, "-> ", 3))
		set_str(L, "kind", "enter");
	else if (!strncmp(where, "<- ", 3))
		set_str(L, "kind", "exit");
	else
		set_str(L, "kind", "note");
}

int lh_push_stage(lua_State *L, struct lhost *h, int cpu)
{
	struct mm_request *r = mm_request_of(h->c->m, cpu);

	if (!r) {
		lua_pushnil(L);
		return 1;
	}
	lua_createtable(L, 0, 12);
	set_int(L, "cpu", r->cpu);
	set_str(L, "request", req_kind_names[r->kind]);
	set_str(L, "state", req_state_names[r->state]);
	set_int(L, "gfp", r->gfp);
	set_int(L, "order", r->order);
	set_int(L, "depth", r->depth);
	set_str(L, "where", r->where);
	split_where(L, r->where);
	if (r->depth > 0 && !lua_getfield(L, -1, "func")) {
		lua_pop(L, 1);
		set_str(L, "func", mm_func_names[r->frames[r->depth - 1].fn]);
	} else if (r->depth > 0) {
		lua_pop(L, 1);
	}
	if (r->hit_breakpoint)
		set_int(L, "breakpoint", r->hit_breakpoint);
	push_frames(L, r);
	lua_setfield(L, -2, "frames");
	return 1;
}

/* stage([cpu]) -> where cpu's request stands, or nil if it has none */
static int l_stage(lua_State *L)
{
	struct lhost *h = lh_host(L);
	struct mm_machine *m = h->c->m;
	lua_Integer cpu = lh_optint(L, 1, "stage", m->cur_cpu);

	if (cpu < 0 || cpu >= m->nr_cpus)
		return lh_argerror(L, 1, "stage", "cpu must be 0..%d", m->nr_cpus - 1);
	return lh_push_stage(L, h, (int)cpu);
}

/* breakpoints() -> { {id=, func=, min_order=, hits=}, ... } */
static int l_breakpoints(lua_State *L)
{
	const struct mm_breakpoint *bp;
	int i, n = mm_break_list(lh_host(L)->c->m, &bp);

	lua_createtable(L, n > 0 ? n : 0, 0);
	for (i = 0; i < n; i++) {
		lua_createtable(L, 0, 4);
		set_int(L, "id", bp[i].id);
		set_str(L, "func", mm_func_names[bp[i].fn]);
		if (bp[i].min_order >= 0)
			set_int(L, "min_order", bp[i].min_order);
		set_int(L, "hits", (lua_Integer)bp[i].hits);
		lua_rawseti(L, -2, i + 1);
	}
	return 1;
}

const luaL_Reg lh_state_fns[] = {
	{ "zones", l_zones },
	{ "zone", l_zone },
	{ "page", l_page },
	{ "slabinfo", l_slabinfo },
	{ "caches", l_caches },
	{ "vmstat", l_vmstat },
	{ "machine", l_machine },
	{ "tasks", l_tasks },
	{ "stage", l_stage },
	{ "breakpoints", l_breakpoints },
	{ NULL, NULL },
};
