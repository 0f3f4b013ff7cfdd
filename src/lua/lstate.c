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

static void push_free_area(lua_State *L, const struct mm_zone_view *z)
{
	int order, mt;

	lua_createtable(L, 0, MAX_ORDER);
	for (order = 0; order < MAX_ORDER; order++) {
		lua_createtable(L, 0, MIGRATE_TYPES + 1);
		set_int(L, "nr_free", (lua_Integer)z->nr_free[order]);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			set_int(L, migratetype_names[mt], (lua_Integer)z->nr_free_mt[order][mt]);
		lua_rawseti(L, -2, order);
	}
}

/* the pcp lists of a zone; 0, or -1 if it has none */
static int push_pcp(lua_State *L, struct mm_machine *m, int nr_cpus, int zone)
{
	struct mm_pcp_view pv;
	int cpu, mt;

	if (mm_view_pcp(m, 0, zone, &pv))
		return -1;
	lua_createtable(L, 0, nr_cpus);
	for (cpu = 0; cpu < nr_cpus && mm_view_pcp(m, cpu, zone, &pv) == 0; cpu++) {
		lua_createtable(L, 0, 4);
		set_int(L, "count", pv.count);
		set_int(L, "high", pv.high);
		set_int(L, "batch", pv.batch);
		lua_createtable(L, 0, MIGRATE_PCPTYPES);
		for (mt = 0; mt < pv.nr_lists; mt++) {
			lua_Integer n = 0;

			lua_createtable(L, pv.list_count[mt], 0);
			for (unsigned long pfn = mm_view_list_first(m, pv.list[mt]); pfn != MM_NOPFN;
			     pfn = mm_view_list_next(m, pfn)) {
				lua_pushinteger(L, (lua_Integer)pfn);
				lua_rawseti(L, -2, ++n);
			}
			lua_setfield(L, -2, migratetype_names[mt]);
		}
		lua_setfield(L, -2, "lists");
		lua_rawseti(L, -2, cpu);
	}
	return 0;
}

static void push_zone(lua_State *L, struct mm_machine *m, int idx)
{
	struct mm_machine_view mv;
	struct mm_zone_view z, other;
	int j;

	mm_view_machine(m, &mv);
	mm_view_zone(m, idx, &z);
	lua_createtable(L, 0, 16);
	set_str(L, "name", z.name);
	set_int(L, "idx", z.idx);
	set_int(L, "start_pfn", (lua_Integer)z.zone_start_pfn);
	set_int(L, "spanned", (lua_Integer)z.spanned_pages);
	set_int(L, "present", (lua_Integer)z.present_pages);
	set_int(L, "managed", (lua_Integer)z.managed_pages);
	set_int(L, "free", (lua_Integer)z.free_pages);
	set_int(L, "min", (lua_Integer)z.watermark[WMARK_MIN]);
	set_int(L, "low", (lua_Integer)z.watermark[WMARK_LOW]);
	set_int(L, "high", (lua_Integer)z.watermark[WMARK_HIGH]);
	lua_createtable(L, 0, mv.nr_zones);
	for (j = 0; j < mv.nr_zones && mm_view_zone(m, j, &other) == 0; j++)
		set_int(L, other.name, (lua_Integer)z.lowmem_reserve[j]);
	lua_setfield(L, -2, "lowmem_reserve");
	push_free_area(L, &z);
	lua_setfield(L, -2, "free_area");
	if (push_pcp(L, m, mv.nr_cpus, idx) == 0)
		lua_setfield(L, -2, "pcp");
}

/* zones() -> { {name=, free=, min=, ..., free_area={[0..10]}, pcp={[cpu]}}, ... } */
static int l_zones(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct mm_machine_view mv;
	int i;

	mm_view_machine(m, &mv);
	lua_createtable(L, mv.nr_zones, 0);
	for (i = 0; i < mv.nr_zones; i++) {
		push_zone(L, m, i);
		lua_rawseti(L, -2, i + 1);
	}
	return 1;
}

/* zone(name) -> one zone's table, or nil */
static int l_zone(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	int z = mm_view_zone_find(m, lh_checkstr(L, 1, "zone"));

	if (z < 0)
		lua_pushnil(L);
	else
		push_zone(L, m, z);
	return 1;
}

/* ---- a page ---------------------------------------------------------------------------- */

/* the flag names of the view's one table, in its order */
static void push_flags(lua_State *L, uint32_t flags)
{
	int n = 0;

	lua_createtable(L, 4, 0);
	for (size_t i = 0; i < mm_nr_pageflag_names; i++)
		if (flags & mm_pageflag_names[i].bit) {
			lua_pushstring(L, mm_pageflag_names[i].name);
			lua_rawseti(L, -2, ++n);
		}
}

/* page(pfn) -> {pfn=, state=, head=, order=, flags={...}, owner={kind=, id=}, ...} */
static int l_page(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	lua_Integer v = lh_checkint(L, 1, "page");
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	struct mm_page_view pv;

	mm_view_machine(m, &mv);
	if (v < 0 || (unsigned long)v >= mv.max_pfn)
		return lh_argerror(L, 1, "page", "pfn must be 0..0x%lx", mv.max_pfn - 1);
	mm_view_page(m, (unsigned long)v, &pv);
	lua_createtable(L, 0, 12);
	set_int(L, "pfn", (lua_Integer)pv.pfn);
	set_str(L, "state", state_names[pv.state]);
	if (pv.state == PS_FREE || pv.state == PS_PCP || pv.state == PS_ALLOCATED) {
		set_int(L, "head", (lua_Integer)pv.head_pfn);
		set_int(L, "order", pv.order);
	}
	if (pv.state == PS_FREE || pv.state == PS_PCP)
		set_str(L, "migratetype", lh_mt_name(pv.migratetype));
	if (pv.state == PS_PCP)
		set_int(L, "cpu", pv.cpu);
	if (mm_view_zone(m, pv.zone, &zv) == 0)
		set_str(L, "zone", zv.name);
	if (pv.state != PS_NONE)
		set_str(L, "pageblock", lh_mt_name(pv.pageblock_mt));
	set_int(L, "count", pv.refcount);
	push_flags(L, pv.flags);
	lua_setfield(L, -2, "flags");
	if (pv.state == PS_ALLOCATED) {
		lua_createtable(L, 0, 2);
		set_str(L, "kind", (size_t)pv.owner_kind < mm_nr_owner_kinds ? mm_owner_kind_names[pv.owner_kind] : "?");
		set_int(L, "id", pv.owner_id);
		lua_setfield(L, -2, "owner");
	}
	return 1;
}

/* ---- SLAB ------------------------------------------------------------------------------ */

/* the /proc/slabinfo row of a cache, from the view, into the table on top */
static void set_slabinfo_fields(lua_State *L, const struct mm_cache_view *v)
{
	set_int(L, "active_objs", (lua_Integer)v->active_objs);
	set_int(L, "num_objs", (lua_Integer)v->num_objs);
	set_int(L, "objsize", v->size);
	set_int(L, "objperslab", v->objs_per_slab);
	set_int(L, "pagesperslab", 1L << v->order);
	set_int(L, "limit", v->limit);
	set_int(L, "batchcount", v->batchcount);
	set_int(L, "sharedfactor", v->shared);
	set_int(L, "active_slabs", (lua_Integer)v->active_slabs);
	set_int(L, "num_slabs", (lua_Integer)v->num_slabs);
	set_int(L, "sharedavail", (lua_Integer)v->shared_avail);
}

/* slabinfo() -> the rows of /proc/slabinfo, in its order */
static int l_slabinfo(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct mm_machine_view mv;
	struct mm_cache_view v;
	int i = 0;

	mm_view_machine(m, &mv);
	if (!strcmp(mv.slab_allocator, "none")) {
		lua_pushnil(L);
		lua_pushliteral(L, "the slab allocator is off on this machine (slab none)");
		return 2;
	}
	lua_newtable(L);
	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id)) {
		mm_view_cache(m, id, &v);
		lua_createtable(L, 0, 12);
		set_str(L, "name", v.name);
		set_slabinfo_fields(L, &v);
		lua_rawseti(L, -2, ++i);
	}
	return 1;
}

static void push_array(lua_State *L, unsigned avail, unsigned limit, unsigned batchcount, int touched)
{
	lua_createtable(L, 0, 4);
	set_int(L, "avail", avail);
	set_int(L, "limit", limit);
	set_int(L, "batchcount", batchcount);
	set_int(L, "touched", touched);
}

/* cache:info() and caches(): geometry, tunables, lists, arrays, the slabinfo row */
int lh_cache_info(lua_State *L, struct lhost *h, int id)
{
	struct mm_machine *m = h->c->m;
	struct mm_machine_view mv;
	struct mm_cache_view v;
	char flags[256];

	mm_view_cache(m, id, &v);
	lua_createtable(L, 0, 40);
	set_str(L, "name", v.name);
	set_int(L, "id", v.id);
	set_int(L, "object_size", v.object_size);
	set_int(L, "size", v.size);
	set_int(L, "align", v.align);
	set_int(L, "num", v.objs_per_slab);
	set_int(L, "gfporder", v.order);
	set_int(L, "pages_per_slab", 1L << v.order);
	set_bool(L, "off_slab", v.slab.off_slab);
	set_int(L, "slab_size", v.slab.slab_size);
	set_int(L, "left_over", (lua_Integer)v.slab.left_over);
	set_int(L, "colour", v.slab.colour);
	set_int(L, "colour_off", v.slab.colour_off);
	mm_slab_flags_format(v.flags & ~CFLGS_OFF_SLAB, flags, sizeof(flags));
	set_str(L, "flags", flags);
	set_bool(L, "ctor", v.slab.ctor);
	set_bool(L, "shrinker", v.slab.has_shrinker);
	set_int(L, "limit", v.limit);
	set_int(L, "batchcount", v.batchcount);
	set_int(L, "shared", v.shared);
	set_int(L, "nr_grown", (lua_Integer)v.slab.nr_grown);
	set_int(L, "nr_reaped", (lua_Integer)v.slab.nr_reaped);
	set_int(L, "nr_ctor_calls", (lua_Integer)v.slab.nr_ctor_calls);
	set_int(L, "free_limit", v.slab.free_limit);
	set_int(L, "free_objects", (lua_Integer)v.slab.free_objects);
	set_int(L, "colour_next", v.slab.colour_next);
	lua_createtable(L, 0, 3);
	set_int(L, "full", (lua_Integer)v.slab.nr_slabs[SLABS_FULL]);
	set_int(L, "partial", (lua_Integer)v.slab.nr_slabs[SLABS_PARTIAL]);
	set_int(L, "free", (lua_Integer)v.slab.nr_slabs[SLABS_FREE]);
	lua_setfield(L, -2, "slabs");
	if (v.slab.has_shared) {
		push_array(L, (unsigned)v.shared_avail, v.slab.shared_limit, v.slab.shared_batchcount,
			   v.slab.shared_touched);
		lua_setfield(L, -2, "shared_array");
	}
	mm_view_machine(m, &mv);
	lua_createtable(L, 0, mv.nr_cpus);
	for (int cpu = 0; cpu < mv.nr_cpus && cpu < MM_VIEW_MAX_CPUS; cpu++)
		if (v.slab.array_limit[cpu]) {
			push_array(L, v.slab.avail[cpu], v.slab.array_limit[cpu], v.slab.array_batchcount[cpu],
				   v.slab.touched[cpu]);
			lua_rawseti(L, -2, cpu);
		}
	lua_setfield(L, -2, "array");
	set_slabinfo_fields(L, &v);
	return 1;
}

/* caches() -> every cache's info, newest first (slab_caches order) */
static int l_caches(lua_State *L)
{
	struct lhost *h = lh_host(L);
	int i = 0;

	lua_newtable(L);
	for (int id = mm_view_cache_next(h->c->m, -1); id >= 0; id = mm_view_cache_next(h->c->m, id)) {
		lh_cache_info(L, h, id);
		lua_rawseti(L, -2, ++i);
	}
	return 1;
}

/* ---- counters, the machine, tasks ----------------------------------------------------- */

/* vmstat() -> { nr_free_pages = N, pgalloc_normal = N, ... }: the /proc/vmstat rows */
static int l_vmstat(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	const char *name;
	unsigned long v;

	lua_newtable(L);
	for (int i = 0; mm_view_vmstat(m, i, &name, &v) == 0; i++)
		set_int(L, name, (lua_Integer)v);
	return 1;
}

static int l_machine(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	int i;

	mm_view_machine(m, &mv);
	lua_createtable(L, 0, 16);
	set_str(L, "name", mv.name);
	set_str(L, "arch", mv.arch);
	set_int(L, "cpus", mv.nr_cpus);
	set_int(L, "cpu", mv.cur_cpu);
	set_int(L, "pages", (lua_Integer)mv.totalram_pages);
	set_int(L, "max_pfn", (lua_Integer)mv.max_pfn);
	set_int(L, "page_size", (lua_Integer)PAGE_SIZE);
	set_int(L, "max_order", mv.max_order - 1);
	set_int(L, "pageblock_order", mv.pageblock_order);
	set_int(L, "jiffies", (lua_Integer)mv.jiffies);
	set_int(L, "hz", mv.hz);
	set_int(L, "min_free_kbytes", mv.min_free_kbytes);
	set_int(L, "swap_pages", (lua_Integer)mv.swap_pages);
	set_bool(L, "slab", strcmp(mv.slab_allocator, "none") != 0);
	set_int(L, "page_offset", (lua_Integer)mv.page_offset);
	lua_createtable(L, mv.nr_zones, 0);
	for (i = 0; i < mv.nr_zones && mm_view_zone(m, i, &zv) == 0; i++) {
		lua_pushstring(L, zv.name);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "zones");
	return 1;
}

/* tasks() -> { {pid=, name=, rss=, swap=, oom_score_adj=, badness=, oom_score=}, ... } */
static int l_tasks(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	struct mm_task_view t;
	int i = 0;

	lua_newtable(L);
	for (int pid = mm_view_task_next(m, 0); pid; pid = mm_view_task_next(m, pid)) {
		if (mm_view_task(m, pid, &t) || t.exiting)
			continue;
		lua_createtable(L, 0, 7);
		set_int(L, "pid", t.pid);
		set_str(L, "name", t.comm);
		set_int(L, "rss", (lua_Integer)t.rss);
		set_int(L, "swap", (lua_Integer)t.swapents);
		set_int(L, "oom_score_adj", t.oom_score_adj);
		set_int(L, "badness", (lua_Integer)t.badness);
		set_int(L, "oom_score", (lua_Integer)t.oom_score);
		lua_rawseti(L, -2, ++i);
	}
	return 1;
}

/* ---- where a request stands ------------------------------------------------------------ */

int lh_push_stage(lua_State *L, struct lhost *h, int cpu)
{
	struct mm_machine *m = h->c->m;
	struct mm_request_view r;
	const char *fn;
	char args[128];
	int n = 0;

	if (mm_view_request(m, cpu, &r) < 0) {
		lua_pushnil(L);
		return 1;
	}
	lua_createtable(L, 0, 12);
	set_int(L, "cpu", r.cpu);
	set_str(L, "request", mm_req_kind_names[r.kind]);
	set_str(L, "state", mm_req_state_names[r.state]);
	set_int(L, "gfp", r.gfp);
	set_int(L, "order", r.order);
	set_int(L, "depth", r.depth);
	set_str(L, "where", r.where);
	set_str(L, "kind", r.stage_kind[0] ? r.stage_kind : "note");
	set_str(L, "reason", r.reason);
	if (r.stage_func)
		set_str(L, "func", r.stage_func);
	if (r.hit_breakpoint)
		set_int(L, "breakpoint", r.hit_breakpoint);
	lua_createtable(L, r.depth, 0);
	for (int i = r.depth - 1; i >= 0; i--)
		if (mm_view_frame(m, cpu, i, &fn, args, sizeof(args)) == 0) {
			lua_createtable(L, 0, 2);
			set_str(L, "func", fn);
			set_str(L, "args", args);
			lua_rawseti(L, -2, ++n);
		}
	lua_setfield(L, -2, "frames");
	return 1;
}

/* stage([cpu]) -> where cpu's request stands, or nil if it has none */
static int l_stage(lua_State *L)
{
	struct lhost *h = lh_host(L);
	struct mm_machine_view mv;
	lua_Integer cpu;

	mm_view_machine(h->c->m, &mv);
	cpu = lh_optint(L, 1, "stage", mv.cur_cpu);
	if (cpu < 0 || cpu >= mv.nr_cpus)
		return lh_argerror(L, 1, "stage", "cpu must be 0..%d", mv.nr_cpus - 1);
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
