/*
 * view.c - the read-only view of the model (view.h).
 *
 * Each function copies a few fields out of the model into a reader's
 * struct.  Some of the model's lookups (page_zone, mm_page_info, the
 * lock holders) take a non-const machine because the model's own paths
 * call them; they only read, so the view casts the const away for them
 * and for nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "view.h"

/* the model's readers that are not declared const; they never write */
static struct mm_machine *rd(const struct mm_machine *m)
{
	return (struct mm_machine *)(uintptr_t)m;
}

/* the same for a task: oom_badness reads, it does not write */
static struct task *rd_task(const struct task *t)
{
	return (struct task *)(uintptr_t)t;
}

/* ---- the machine ------------------------------------------------------------- */

void mm_view_machine(const struct mm_machine *m, struct mm_machine_view *v)
{
	memset(v, 0, sizeof(*v));
	v->name = m->desc.name;
	v->profile = m->profile->name;
	v->slab_allocator = slab_ops(m) ? slab_ops(m)->name : "none";
	v->arch = m->arch == ARCH_I386 ? "i386" : "x86_64";
	v->nr_cpus = m->nr_cpus;
	v->nr_nodes = 1;
	v->nr_zones = m->node.nr_zones;
	v->max_order = MAX_ORDER;
	v->nr_migratetypes = MIGRATE_TYPES;
	v->pageblock_order = m->pageblock_order;
	v->pageblock_nr_pages = m->pageblock_nr_pages;
	v->max_pfn = m->max_pfn;
	v->totalram_pages = m->totalram_pages;
	v->jiffies = m->clock;
	v->hz = HZ;
	v->min_free_kbytes = m->min_free_kbytes;
	v->page_group_by_mobility_disabled = m->page_group_by_mobility_disabled;
	v->cur_cpu = m->cur_cpu;
	v->swap_pages = m->work.swap.pages;
	v->next_pid = m->work.next_pid;
	v->page_offset = mm_page_offset(m);
}

const char *mm_view_error(const struct mm_machine *m)
{
	return m->err;
}

int mm_view_cur_cpu(const struct mm_machine *m)
{
	return m->cur_cpu;
}

int mm_view_nr_cpus(const struct mm_machine *m)
{
	return m->nr_cpus;
}

unsigned long mm_view_max_pfn(const struct mm_machine *m)
{
	return m->max_pfn;
}

/* ---- zones --------------------------------------------------------------------- */

int mm_view_zone(const struct mm_machine *m, int idx, struct mm_zone_view *v)
{
	const struct zone *z;

	if (idx < 0 || idx >= m->node.nr_zones)
		return -1;
	z = &m->node.node_zones[idx];
	memset(v, 0, sizeof(*v));
	v->idx = idx;
	v->node = m->node.node_id;
	v->name = z->name;
	v->type = (int)z->type;
	v->populated = populated_zone(z);
	v->zone_start_pfn = z->zone_start_pfn;
	v->spanned_pages = z->spanned_pages;
	v->present_pages = z->present_pages;
	v->managed_pages = z->managed_pages;
	memcpy(v->watermark, z->watermark, sizeof(v->watermark));
	memcpy(v->lowmem_reserve, z->lowmem_reserve, sizeof(v->lowmem_reserve));
	v->free_pages = zone_page_state(z, NR_FREE_PAGES);
	for (int o = 0; o < MAX_ORDER; o++) {
		v->nr_free[o] = z->free_area[o].nr_free;
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			v->nr_free_mt[o][mt] = m->lists[free_list_id(z, o, mt)].nr;
	}
	memcpy(v->nr_pageblocks, z->nr_pageblocks, sizeof(v->nr_pageblocks));
	v->pages_scanned = z->pages_scanned;
	v->all_unreclaimable = z->all_unreclaimable;
	return 0;
}

long mm_view_zone_stat(const struct mm_machine *m, int idx, int item)
{
	if (idx < 0 || idx >= m->node.nr_zones || item < 0 || item >= NR_VM_ZONE_STAT_ITEMS)
		return 0;
	return (long)zone_page_state(&m->node.node_zones[idx], (enum zone_stat_item)item);
}

int mm_view_pfn_valid(const struct mm_machine *m, unsigned long pfn)
{
	return pfn < m->max_pfn && pfn_valid(m, pfn);
}

const char *mm_view_zone_name(const struct mm_machine *m, int idx)
{
	return idx >= 0 && idx < m->node.nr_zones ? m->node.node_zones[idx].name : NULL;
}

int mm_view_zone_find(const struct mm_machine *m, const char *name)
{
	const struct zone *z = mm_zone_by_name(rd(m), name);

	return z ? z->idx : -1;
}

int mm_view_pfn_zone(const struct mm_machine *m, unsigned long pfn)
{
	const struct zone *z;

	if (pfn >= m->max_pfn || !pfn_valid(m, pfn))
		return -1;
	z = page_zone(rd(m), pfn);
	return z ? z->idx : -1;
}

/* ---- pageblocks ---------------------------------------------------------------- */

int mm_view_pageblock_mt(const struct mm_machine *m, unsigned long pfn)
{
	if (pfn >= m->max_pfn || !pfn_valid(m, pfn))
		return -1;
	return get_pageblock_migratetype(m, pfn);
}

/* ---- pages --------------------------------------------------------------------- */

const struct mm_pageflag_name mm_pageflag_names[] = {
	{ PG_buddy, "buddy" },         { PG_reserved, "reserved" },   { PG_nomem, "nomem" },
	{ PG_head, "head" },           { PG_tail, "tail" },           { PG_pcp, "pcp" },
	{ PG_slab, "slab" },           { PG_lru, "lru" },             { PG_pfmemalloc, "pfmemalloc" },
	{ PG_dirty, "dirty" },         { PG_zeroed, "zeroed" },       { PG_active, "active" },
	{ PG_referenced, "referenced" }, { PG_swapbacked, "swapbacked" },
	{ PG_writeback, "writeback" }, { PG_reclaim, "reclaim" },
};
const size_t mm_nr_pageflag_names = sizeof(mm_pageflag_names) / sizeof(mm_pageflag_names[0]);

size_t mm_pageflags_format(uint32_t flags, const char *prefix, char *buf, size_t len)
{
	size_t used = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	for (size_t i = 0; i < mm_nr_pageflag_names; i++) {
		int n;

		if (!(flags & mm_pageflag_names[i].bit) || used >= len)
			continue;
		n = snprintf(buf + used, len - used, "%s%s%s", used ? "|" : "", prefix ? prefix : "",
			     mm_pageflag_names[i].name);
		used += n > 0 ? (size_t)n : 0;
	}
	if (!used)
		used = (size_t)snprintf(buf, len, "none");
	return used < len ? used : len - 1;
}

const char *const mm_owner_kind_names[] = {
	[OWNER_NONE] = "none",       [OWNER_KERNEL] = "kernel", [OWNER_ANON] = "anon",
	[OWNER_PAGECACHE] = "pagecache", [OWNER_SLAB] = "slab", [OWNER_PAGETABLE] = "pagetable",
	[OWNER_INFLIGHT] = "inflight",
};
const size_t mm_nr_owner_kinds = sizeof(mm_owner_kind_names) / sizeof(mm_owner_kind_names[0]);

int mm_view_page(const struct mm_machine *m, unsigned long pfn, struct mm_page_view *v)
{
	struct mm_page_info pi;
	const struct page *p;

	memset(v, 0, sizeof(*v));
	v->pfn = pfn;
	v->zone = v->pageblock_mt = v->cpu = -1;
	v->head_pfn = MM_NOPFN;
	if (pfn >= m->max_pfn)
		return -1;
	mm_page_info(rd(m), pfn, &pi);
	v->state = pi.state;
	if (pi.state == PS_NONE)
		return 0;
	p = &m->mem_map[pfn];
	v->flags = p->flags;
	v->zone = pi.zone_idx;
	v->pageblock_mt = pi.pageblock_mt;
	v->head_pfn = pi.head_pfn;
	v->order = pi.order;
	v->migratetype = pi.migratetype;
	v->cpu = pi.cpu;
	v->refcount = p->_count;
	if (pi.state == PS_ALLOCATED) {
		const struct page *h = &m->mem_map[pi.head_pfn];

		v->owner_kind = (int)MM_OWNER_KIND(h->owner);
		v->owner_id = MM_OWNER_ID(h->owner);
		v->migratetype = h->index;
		v->cpu = h->alloc_cpu;
		if (v->owner_kind == OWNER_ANON || v->owner_kind == OWNER_PAGECACHE)
			v->index = h->private;
	}
	return 0;
}

int mm_view_page_cell(const struct mm_machine *m, unsigned long pfn, struct mm_page_cell *c)
{
	const struct page *p;

	memset(c, 0, sizeof(*c));
	if (!pfn_valid(m, pfn))
		return -1;
	p = &m->mem_map[pfn];
	c->flags = p->flags;
	if (p->flags & PG_buddy)
		c->order = (int)p->private;
	else if (p->flags & PG_head)
		c->order = p->alloc_order;
	c->owner_kind = (int)MM_OWNER_KIND(p->owner); /* freeing clears it */
	c->owner_id = MM_OWNER_ID(p->owner);
	return 0;
}

int mm_view_alloc_migratetype(const struct mm_machine *m, unsigned long pfn)
{
	const struct page *h;
	const struct task *t;
	const struct kmem_cache *c;

	if (!pfn_valid(m, pfn) || !(m->mem_map[pfn].flags & PG_head))
		return -1;
	h = &m->mem_map[pfn];
	switch (MM_OWNER_KIND(h->owner)) {
	case OWNER_ANON:
		t = mm_task_find(rd(m), (int)MM_OWNER_ID(h->owner));
		return t ? allocflags_to_migratetype(m, t->gfp) : MIGRATE_MOVABLE;
	case OWNER_PAGECACHE:
		return MIGRATE_MOVABLE;
	case OWNER_SLAB:
		c = mm_kmem_cache_by_id(rd(m), (int)MM_OWNER_ID(h->owner));
		return c && (c->flags & SLAB_RECLAIM_ACCOUNT) ? MIGRATE_RECLAIMABLE : MIGRATE_UNMOVABLE;
	case OWNER_PAGETABLE:
		return MIGRATE_UNMOVABLE;
	case OWNER_KERNEL:
		/* only an order-0 page came off a pcp list, whose type index keeps */
		if (h->alloc_order)
			return -1;
		return h->index >= MIGRATE_PCPTYPES ? MIGRATE_MOVABLE : h->index;
	default:
		return -1;
	}
}

/* ---- lists --------------------------------------------------------------------- */

unsigned long mm_view_list_first(const struct mm_machine *m, uint32_t list)
{
	if (!list || list >= m->nr_lists || m->lists[list].head == MM_NIL)
		return MM_NOPFN;
	return m->lists[list].head;
}

unsigned long mm_view_list_next(const struct mm_machine *m, unsigned long pfn)
{
	if (pfn >= m->max_pfn || m->mem_map[pfn].next == MM_NIL)
		return MM_NOPFN;
	return m->mem_map[pfn].next;
}

unsigned long mm_view_list_last(const struct mm_machine *m, uint32_t list)
{
	if (!list || list >= m->nr_lists || m->lists[list].tail == MM_NIL)
		return MM_NOPFN;
	return m->lists[list].tail;
}

unsigned long mm_view_list_prev(const struct mm_machine *m, unsigned long pfn)
{
	if (pfn >= m->max_pfn || m->mem_map[pfn].prev == MM_NIL)
		return MM_NOPFN;
	return m->mem_map[pfn].prev;
}

unsigned long mm_view_list_count(const struct mm_machine *m, uint32_t list)
{
	return list && list < m->nr_lists ? m->lists[list].nr : 0;
}

uint32_t mm_view_free_list(const struct mm_machine *m, int zone, int order, int mt)
{
	if (zone < 0 || zone >= m->node.nr_zones || order < 0 || order >= MAX_ORDER || mt < 0 ||
	    mt >= MIGRATE_TYPES)
		return 0;
	return free_list_id(&m->node.node_zones[zone], order, mt);
}

uint32_t mm_view_pcp_list(const struct mm_machine *m, int cpu, int zone, int mt)
{
	if (zone < 0 || zone >= m->node.nr_zones || cpu < 0 || cpu >= m->nr_cpus || mt < 0 ||
	    mt >= MIGRATE_PCPTYPES || !m->node.node_zones[zone].pageset)
		return 0;
	return m->node.node_zones[zone].pageset[cpu].pcp.lists[mt];
}

int mm_view_pcp(const struct mm_machine *m, int cpu, int zone, struct mm_pcp_view *v)
{
	const struct per_cpu_pages *pcp;

	memset(v, 0, sizeof(*v));
	if (zone < 0 || zone >= m->node.nr_zones || cpu < 0 || cpu >= m->nr_cpus ||
	    !m->node.node_zones[zone].pageset)
		return -1;
	pcp = &m->node.node_zones[zone].pageset[cpu].pcp;
	v->cpu = cpu;
	v->zone = zone;
	v->count = pcp->count;
	v->high = pcp->high;
	v->batch = pcp->batch;
	v->nr_lists = MIGRATE_PCPTYPES;
	for (int t = 0; t < MIGRATE_PCPTYPES; t++) {
		v->list[t] = pcp->lists[t];
		v->list_count[t] = (int)m->lists[pcp->lists[t]].nr;
	}
	return 0;
}

/* ---- slab caches --------------------------------------------------------------- */

int mm_view_cache(const struct mm_machine *m, int id, struct mm_cache_view *v)
{
	memset(v, 0, sizeof(*v));
	v->id = -1;
	return slab_ops(m) ? slab_ops(m)->view_cache(m, id, v) : -1;
}

int mm_view_cache_next(const struct mm_machine *m, int prev_id)
{
	const struct kmem_cache *c;

	if (prev_id < 0)
		c = mm_slab_caches(rd(m));
	else
		c = (c = mm_kmem_cache_by_id(rd(m), prev_id)) ? c->next : NULL;
	return c ? c->id : -1;
}

int mm_view_cache_find(const struct mm_machine *m, const char *name)
{
	const struct kmem_cache *c = mm_kmem_cache_find(rd(m), name);

	return c ? c->id : -1;
}

const char *mm_view_object_cache(const struct mm_machine *m, unsigned long addr)
{
	struct mm_obj_info oi;

	if (!m->slab || mm_obj_info(rd(m), addr, &oi) < 0 || !oi.cache)
		return NULL;
	return oi.cache->name;
}

/* the slab with that id; NULL if none, also on a machine without SLAB */
static const struct slab *slab_of(const struct mm_machine *m, unsigned int id)
{
	return m->slab ? mm_slab_by_id(rd(m), id) : NULL;
}

unsigned int mm_view_slab_first(const struct mm_machine *m, int cache_id, int list)
{
	const struct kmem_cache *c = mm_kmem_cache_by_id(rd(m), cache_id);

	if (!c || !c->node || list < SLABS_PARTIAL || list > SLABS_FREE)
		return 0;
	return c->node->slabs[list].head; /* the model's lists end in id 0 too */
}

unsigned int mm_view_slab_next(const struct mm_machine *m, unsigned int slab_id)
{
	const struct slab *sl = slab_of(m, slab_id);

	return sl ? sl->next : 0;
}

int mm_view_slab(const struct mm_machine *m, unsigned int slab_id, struct mm_slab_view *v)
{
	const struct slab *sl = slab_of(m, slab_id);

	memset(v, 0, sizeof(*v));
	if (!sl)
		return -1;
	v->id = sl->id;
	v->cache_id = sl->cache ? sl->cache->id : -1;
	v->list = sl->list;
	v->pfn = sl->pfn;
	v->colouroff = sl->colouroff;
	v->s_mem = sl->s_mem;
	v->desc = sl->desc;
	v->inuse = sl->inuse;
	v->free = sl->free;
	v->num = sl->cache ? sl->cache->num : 0;
	v->obj_state = sl->state;
	return 0;
}

unsigned int mm_view_page_slab(const struct mm_machine *m, unsigned long pfn)
{
	if (!m->slab || !pfn_valid(m, pfn) || !(m->mem_map[pfn].flags & PG_slab))
		return 0;
	return slab_of(m, m->mem_map[pfn].private) ? m->mem_map[pfn].private : 0;
}

int mm_view_array(const struct mm_machine *m, int cache_id, int cpu, struct mm_array_view *v)
{
	const struct kmem_cache *c = mm_kmem_cache_by_id(rd(m), cache_id);
	const struct array_cache *ac = NULL;

	memset(v, 0, sizeof(*v));
	if (c && cpu < 0)
		ac = c->node ? c->node->shared : NULL;
	else if (c && cpu < m->nr_cpus && c->array)
		ac = c->array[cpu];
	if (!ac)
		return -1;
	v->avail = ac->avail;
	v->limit = ac->limit;
	v->batchcount = ac->batchcount;
	v->touched = (int)ac->touched;
	v->entry = ac->entry;
	return 0;
}

int mm_view_object(const struct mm_machine *m, unsigned long addr, struct mm_object_view *v)
{
	struct mm_obj_info oi;

	memset(v, 0, sizeof(*v));
	v->cache_id = -1;
	if (!m->slab || mm_obj_info(rd(m), addr, &oi) < 0 || !oi.cache || !oi.slab)
		return -1;
	v->cache_id = oi.cache->id;
	v->slab_id = oi.slab->id;
	v->index = oi.index;
	v->obj = oi.obj;
	v->state = oi.state;
	v->where_cpu = oi.where_cpu;
	return 0;
}

const char *mm_view_cache_name(const struct mm_machine *m, int id)
{
	const struct kmem_cache *c = mm_kmem_cache_by_id(rd(m), id);

	return c ? c->name : NULL;
}

/* ---- tasks --------------------------------------------------------------------- */

int mm_view_task_next(const struct mm_machine *m, int prev_pid)
{
	const struct task *t = m->work.tasks;

	if (prev_pid) {
		while (t && t->pid != prev_pid)
			t = t->next;
		t = t ? t->next : NULL;
	}
	return t ? t->pid : 0;
}

int mm_view_task(const struct mm_machine *m, int pid, struct mm_task_view *v)
{
	const struct task *t = m->work.tasks;

	memset(v, 0, sizeof(*v));
	while (t && t->pid != pid)
		t = t->next;
	if (!t)
		return -1;
	v->pid = t->pid;
	v->comm = t->comm;
	v->oom_score_adj = t->oom_score_adj;
	v->nr_pte = t->nr_pte;
	v->rss = t->rss_anon;
	v->swapents = t->swapents;
	v->exiting = !!(t->flags & PF_EXITING);
	v->memdie = !!(t->flags & TIF_MEMDIE);
	v->badness = mm_oom_badness(rd(m), rd_task(t));
	v->oom_score = mm_oom_score(rd(m), rd_task(t));
	return 0;
}

/* ---- requests ------------------------------------------------------------------ */

int mm_view_request(const struct mm_machine *m, int cpu, struct mm_request_view *v)
{
	const struct mm_request *r = mm_request_of(rd(m), cpu);

	memset(v, 0, sizeof(*v));
	v->cache_id = v->waiting_holder = -1;
	if (!r)
		return -1;
	v->id = r->id;
	v->cpu = cpu;
	v->kind = r->spec.kind;
	v->stepping = r->spec.stepping;
	v->pfn = r->spec.pfn;
	v->cache_name = r->spec.kind == REQ_KMEM_CACHE_ALLOC && r->cache ? r->cache->name : NULL;
	v->state = r->state;
	v->gfp = r->spec.gfp;
	v->order = r->spec.order;
	v->size = r->spec.size;
	v->cache_id = r->cache ? r->cache->id : -1;
	v->depth = r->depth;
	mm_request_where(r, v->where, sizeof(v->where));
	v->stage_kind = !r->stage_type ? "" : r->stage_type == MM_EV_STAGE_ENTER ? "enter" :
			r->stage_type == MM_EV_STAGE_EXIT ? "exit" : "note";
	v->stage_func = r->stage_fn >= 0 && r->stage_fn < MM_NR_FUNCS ? mm_func_names[r->stage_fn] : NULL;
	v->reason_values = r->reason;
	mm_reason_format(&r->reason, v->reason, sizeof(v->reason));
	v->nr_holds = mm_request_holds(rd(m), cpu, v->holds, MM_VIEW_MAX_LOCKS);
	if (r->state == RQ_WAITING) {
		v->waiting_for = r->waiting_for;
		v->waiting_holder = mm_lock_holder(rd(m), &r->waiting_for);
	}
	v->wake_at = r->wake_at;
	v->hit_breakpoint = r->hit_breakpoint;
	return 0;
}

int mm_view_running(const struct mm_machine *m, struct mm_running_view *v)
{
	const struct mm_request *r = m->running;

	v->cpu = r ? r->spec.cpu : -1;
	v->id = r ? r->id : 0;
	v->stepping = r ? r->spec.stepping : 0;
	return r ? 0 : -1;
}

int mm_view_frame_func(const struct mm_machine *m, int cpu, int i)
{
	const struct mm_request *r = mm_request_of(rd(m), cpu);

	return r && i >= 0 && i < r->depth ? (int)r->frames[i].fn : -1;
}

const char *const mm_req_kind_names[] = {
	[REQ_ALLOC_PAGES] = "alloc_pages", [REQ_FREE_PAGES] = "free_pages",
	[REQ_KMEM_CACHE_ALLOC] = "kmem_cache_alloc", [REQ_KMALLOC] = "kmalloc",
};
const char *const mm_req_state_names[] = {
	[RQ_RUNNING] = "running", [RQ_PAUSED] = "stopped", [RQ_SLEEPING] = "sleeping",
	[RQ_WAITING] = "waiting", [RQ_DONE] = "done",
};

int mm_view_request_state(const struct mm_machine *m, int cpu)
{
	const struct mm_request *r = mm_request_of(rd(m), cpu);

	return r ? (int)r->state : -1;
}

int mm_view_frame(const struct mm_machine *m, int cpu, int i, const char **fn, char *args, size_t len)
{
	const struct mm_reason *a = mm_view_frame_args(m, cpu, i);

	if (!a)
		return -1;
	*fn = mm_func_names[mm_request_of(rd(m), cpu)->frames[i].fn];
	if (args)
		mm_reason_format(a, args, len < 128 ? len : 128); /* the kernel's frame text is short */
	return 0;
}

const struct mm_reason *mm_view_frame_args(const struct mm_machine *m, int cpu, int i)
{
	const struct mm_request *r = mm_request_of(rd(m), cpu);

	if (!r || i < 0 || i >= r->depth)
		return NULL;
	return &r->frames[i].args;
}

int mm_view_nr_requests(const struct mm_machine *m)
{
	return m->nr_requests;
}

void mm_view_request_status(const struct mm_machine *m, const struct mm_request *r,
			    struct mm_request_status_view *v)
{
	(void)m;
	v->id = r->id;
	v->cpu = r->spec.cpu;
	v->kind = r->spec.kind;
	v->state = r->state;
	v->stepping = r->spec.stepping;
	v->hit_breakpoint = r->hit_breakpoint;
	v->gfp = r->spec.gfp;
	v->order = r->spec.order;
	v->pfn = r->spec.pfn;
	v->rc = r->rc;
	v->result = r->result;
	v->res = &r->res;
	v->err = r->err;
}

/* ---- the clock and background work ---------------------------------------------- */

void mm_view_kswapd(const struct mm_machine *m, struct mm_kswapd_view *v)
{
	const struct kswapd_state *k = &m->work.kswapd;

	memset(v, 0, sizeof(*v));
	v->started = k->started;
	v->state = k->state;
	v->woken = k->woken;
	v->cz = k->cz;
	v->max_order = k->max_order;
	v->classzone_idx = k->classzone_idx;
	v->nr_passes = k->nr_passes;
	v->nr_reclaimed = k->nr_reclaimed;
	v->order = k->order;
	v->nap_end = k->nap_end;
}

int mm_view_lru(const struct mm_machine *m, int zone, struct mm_lru_view *v)
{
	const struct zone *z;

	memset(v, 0, sizeof(*v));
	if (zone < 0 || zone >= m->node.nr_zones)
		return -1;
	z = &m->node.node_zones[zone];
	v->zone = zone;
	for (int lru = 0; lru < NR_LRU_LISTS; lru++) {
		v->list[lru] = z->lru[lru];
		v->nr[lru] = mm_list_head(m, z->lru[lru])->nr;
	}
	v->inactive_ratio = z->inactive_ratio;
	for (int i = 0; i < 2; i++) {
		v->recent_scanned[i] = z->reclaim_stat.recent_scanned[i];
		v->recent_rotated[i] = z->reclaim_stat.recent_rotated[i];
	}
	return 0;
}

unsigned long mm_view_global_stat(const struct mm_machine *m, int item)
{
	return item >= 0 && item < NR_VM_ZONE_STAT_ITEMS ? global_page_state(m, item) : 0;
}

void mm_view_reclaim(const struct mm_machine *m, struct mm_reclaim_view *v)
{
	const struct mm_workload *w = &m->work;

	memset(v, 0, sizeof(*v));
	v->pagecache_pages = w->file.nrpages;
	v->pagecache_length = w->file.nr;
	v->swap_pages = w->swap.pages;
	v->swap_inuse = w->swap.inuse;
	v->swappiness = w->vm_swappiness;
	v->drop_caches = w->sysctl_drop_caches;
	v->writeback_nr = w->writeback.nr;
	v->writeback_queue = NR_WRITEBACK_QUEUE;
	if (w->writeback.nr)
		v->writeback_next_done = w->writeback.e[w->writeback.head].done;
}

unsigned long mm_view_pagecache_page(const struct mm_machine *m, unsigned long index)
{
	const struct address_space *as = &m->work.file;

	return index < as->nr && as->pages[index] ? as->pages[index] - 1 : MM_NOPFN;
}

unsigned long mm_view_vm_event(const struct mm_machine *m, int item)
{
	return item >= 0 && item < NR_VM_EVENT_ITEMS_MAX ? m->vm_events[item] : 0;
}
