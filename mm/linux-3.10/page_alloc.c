/*
 * page_alloc.c - the zoned buddy allocator of Linux 3.10 (mm/page_alloc.c).
 *
 * Free memory sits in zone->free_area[order].free_list[migratetype] as
 * naturally aligned blocks of 2^order pages; only the head page of a block
 * carries PG_buddy and its order.  Order-0 pages also sit on per-cpu lists
 * (zone->pageset[cpu].pcp.lists[migratetype]), which the buddy allocator
 * does not count as free: NR_FREE_PAGES and nr_free exclude them.
 * NR_FREE_PAGES moves with the free lists themselves (free_list_add/del),
 * so it equals what the lists hold at every stage point; over a whole
 * call it changes exactly as the kernel's callers change it.
 *
 * Allocation: __alloc_pages_nodemask -> get_page_from_freelist (walk the
 * zonelist, check the watermark) -> buffered_rmqueue (order 0 through the
 * pcp list, refilled batch pages at a time by rmqueue_bulk; higher orders
 * straight from __rmqueue) -> __rmqueue_smallest / expand, else
 * __rmqueue_fallback (steal from another type, largest block first), else
 * MIGRATE_RESERVE.
 *
 * Free: __free_pages -> free_hot_cold_page (order 0: onto the pcp list,
 * hot at the head, cold at the tail, free_pcppages_bulk once count reaches
 * high) or __free_pages_ok -> __free_one_page, which merges with free
 * buddies: the buddy of the block at pfn P of order o is at P ^ (1 << o),
 * e.g. order 3 at 0x1008 has its buddy at 0x1000, and the merged order-4
 * block starts at 0x1008 & 0x1000 = 0x1000.
 *
 * When the fast path fails at the low watermark, __alloc_pages_slowpath
 * wakes kswapd and tries again at min (lowered for __GFP_HIGH and for
 * callers that cannot sleep; no watermark at all for PF_MEMALLOC, TIF_MEMDIE
 * and __GFP_MEMALLOC).  A caller that can sleep goes on to direct compaction
 * (async, order > 0), direct reclaim, the OOM killer when reclaim freed
 * nothing (__GFP_FS, not __GFP_NORETRY), another round while
 * should_alloc_retry says so, and a last sync compaction.  Where it sleeps
 * (wait_iff_congested, an OOM victim's exit) a request's coroutine stops
 * until the clock gets there (step.c); a call outside a request advances the
 * clock itself and gives up after MAX_SYNC_WAITS such waits, where the
 * kernel would go on retrying.  A failure logs warn_alloc_failed's report
 * (printk events) and leaves in res->why which watermark stopped the last
 * attempt.
 *
 * tests/unit/test_heuristics.c pins each placement heuristic (which list,
 * head or tail, which pageblock) with a test that fails without it.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* 3.10 fallbacks[] without CMA; MIGRATE_RESERVE ends each row */
static const int fallbacks[MIGRATE_TYPES][3] = {
	[MIGRATE_UNMOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE, MIGRATE_RESERVE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE, MIGRATE_RESERVE },
	[MIGRATE_MOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_RESERVE },
	[MIGRATE_RESERVE] = { MIGRATE_RESERVE },
	[MIGRATE_ISOLATE] = { MIGRATE_RESERVE },
};

/* ---- small lookups ---------------------------------------------------------- */

/* page_zone (mm.h) of a pageblock two zones share: ask the zones */
struct zone *page_zone_mixed(struct mm_machine *m, unsigned long pfn)
{
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (populated_zone(z) && zone_spans_pfn(z, pfn))
			return z;
	}
	return NULL;
}

/*
 * Does zone z count the pageblock holding pfn?  /proc/pagetypeinfo walks a
 * zone from zone_start_pfn a pageblock at a time and counts the block of
 * each pfn it visits that is valid (vmstat.c says why a block shared by
 * two zones counts in both): so a block is the zone's if its visited pfn
 * (the block's start plus the zone's offset into a block) lies in the zone.
 */
int zone_counts_pageblock(struct mm_machine *m, const struct zone *z, unsigned long pfn)
{
	unsigned long nr = m->pageblock_nr_pages;
	unsigned long probe = (pfn & ~(nr - 1)) + (z->zone_start_pfn & (nr - 1));

	return populated_zone(z) && probe >= z->zone_start_pfn && probe < zone_end_pfn(z) &&
	       pfn_valid(m, probe);
}

/* the zones' pageblock counts from scratch (boot; the checker compares) */
void count_zone_pageblocks(struct mm_machine *m, struct zone *z, unsigned long *count)
{
	memset(count, 0, sizeof(z->nr_pageblocks));
	for (unsigned long pfn = z->zone_start_pfn; pfn < zone_end_pfn(z); pfn += m->pageblock_nr_pages)
		if (pfn_valid(m, pfn)) {
			int mt = get_pageblock_migratetype(m, pfn);

			if (mt < MIGRATE_TYPES)
				count[mt]++;
		}
}

void set_pageblock_migratetype(struct mm_machine *m, unsigned long pfn, int mt)
{
	/* bits 0-2 the type (PB_migrate), bit 3 compaction's skip hint */
	uint8_t *f = &m->pageblock_flags[pfn >> m->pageblock_order];
	int old = *f & 7;

	check_dirty(m, pfn);
	/* with grouping off every block is stored as UNMOVABLE (3.10) */
	if (unlikely(m->page_group_by_mobility_disabled))
		mt = MIGRATE_UNMOVABLE;
	*f = (uint8_t)((*f & ~7u) | (unsigned)mt);
	/* during boot (no totalram yet) the counts are made once at its end */
	if (old == mt || !m->totalram_pages)
		return;
	/* the one pageblock counter: what /proc/pagetypeinfo and the screen show */
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (zone_counts_pageblock(m, z, pfn)) {
			if (old < MIGRATE_TYPES)
				z->nr_pageblocks[old]--;
			if (mt < MIGRATE_TYPES)
				z->nr_pageblocks[mt]++;
		}
	}
}

/* __mod_zone_freepage_state: ISOLATE pages are not counted as free */
static void mod_zone_freepage_state(struct zone *z, long nr, int mt)
{
	if (mt != MIGRATE_ISOLATE)
		z->vm_stat[NR_FREE_PAGES] += nr;
}

/* ---- watermarks ------------------------------------------------------------- */

static const char *const wmark_names[NR_WMARK] = { "min", "low", "high" };

/*
 * __zone_watermark_ok: free pages above the mark plus the lowmem reserve,
 * and for order > 0 enough of them in blocks of at least each lower order,
 * requiring half as many per order (3.10).  If why is given, say which
 * test decided.
 */
/* the verdict's reason: "zone Normal: free 1020 - 0 <= min 1200 + ..." */
static void watermark_reason(struct mm_reason *why, const struct zone *z, long free0, int order,
			     const char *mname, unsigned long mark, long min, long reserve, int ok)
{
	if (min != (long)mark && ok)
		mm_reason_capture(why, "zone %s: free %ld - %ld > %s %lu (reduced to %ld) + lowmem_reserve %ld -> ok",
				  z->name, free0, (1L << order) - 1, mname, mark, min, reserve);
	else if (min != (long)mark)
		mm_reason_capture(why, "zone %s: free %ld - %ld <= %s %lu (reduced to %ld) + lowmem_reserve %ld -> fail",
				  z->name, free0, (1L << order) - 1, mname, mark, min, reserve);
	else if (ok)
		mm_reason_capture(why, "zone %s: free %ld - %ld > %s %lu + lowmem_reserve %ld -> ok",
				  z->name, free0, (1L << order) - 1, mname, mark, reserve);
	else
		mm_reason_capture(why, "zone %s: free %ld - %ld <= %s %lu + lowmem_reserve %ld -> fail",
				  z->name, free0, (1L << order) - 1, mname, mark, reserve);
}

static inline int watermark_ok_why(struct zone *z, int order, unsigned long mark,
			    int classzone_idx, int alloc_flags, long free_pages,
			    const char *mname, struct mm_reason *why)
{
	long min = (long)mark;
	long reserve = (long)z->lowmem_reserve[classzone_idx];
	long free0 = free_pages, min0;

	free_pages -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	min0 = min;
	if (free_pages <= min + reserve) {
		if (why)
			watermark_reason(why, z, free0, order, mname, mark, min0, reserve, 0);
		return 0;
	}
	for (int o = 0; o < order; o++) {
		free_pages -= (long)(z->free_area[o].nr_free << o);
		min >>= 1;
		if (free_pages <= min) {
			if (why)
				mm_reason_capture(why, "zone %s: %ld free pages in blocks of order >= %d <= %ld -> fail",
						  z->name, free_pages, o + 1, min);
			return 0;
		}
	}
	if (why)
		watermark_reason(why, z, free0, order, mname, mark, min0, reserve, 1);
	return 1;
}

int __zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
			unsigned long mark, int classzone_idx, int alloc_flags,
			long free_pages)
{
	(void)m;
	return watermark_ok_why(z, order, mark, classzone_idx, alloc_flags,
				free_pages, "mark", NULL);
}

int zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
		      unsigned long mark, int classzone_idx, int alloc_flags)
{
	return __zone_watermark_ok(m, z, order, mark, classzone_idx, alloc_flags,
				   (long)zone_page_state(z, NR_FREE_PAGES));
}

int mm_zone_take_changes(struct mm_machine *m, int zone, uint8_t out[MAX_ORDER])
{
	struct zone *z;

	if (zone < 0 || zone >= m->node.nr_zones)
		return -1;
	z = &m->node.node_zones[zone];
	memcpy(out, z->changed, sizeof(z->changed));
	memset(z->changed, 0, sizeof(z->changed));
	return 0;
}

/* ---- taking blocks off the free lists --------------------------------------- */

static void free_list_add(struct mm_machine *m, struct zone *z, unsigned long pfn,
			  int order, int mt)
{
	mod_zone_freepage_state(z, 1L << order, mt);
	list_add_id(m, pfn, free_list_id(z, order, mt));
	set_page_order(&m->mem_map[pfn], order);
	z->free_area[order].nr_free++;
	mark_changed(z, order, mt);
}

static void free_list_add_tail(struct mm_machine *m, struct zone *z,
			       unsigned long pfn, int order, int mt)
{
	mod_zone_freepage_state(z, 1L << order, mt);
	list_add_tail_id(m, pfn, free_list_id(z, order, mt));
	set_page_order(&m->mem_map[pfn], order);
	z->free_area[order].nr_free++;
	mark_changed(z, order, mt);
}

/* list_del + rmv_page_order + nr_free--, wherever the block sits */
static void free_list_del(struct mm_machine *m, struct zone *z, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	int order = (int)p->private;
	uint32_t id = p->list;
	int mt = (int)((id - free_list_id(z, 0, 0)) % MIGRATE_TYPES);

	MM_BUG_ON(!(p->flags & PG_buddy));
	mark_changed(z, order, mt);
	mod_zone_freepage_state(z, -(1L << order), mt);
	list_del_page(m, pfn);
	rmv_page_order(p);
	z->free_area[order].nr_free--;
}

/* bad_range (CONFIG_DEBUG_VM): pfn is no page of zone z */
static int bad_range(struct mm_machine *m, struct zone *z, unsigned long pfn)
{
	return !zone_spans_pfn(z, pfn) || !pfn_valid(m, pfn) || page_zone(m, pfn) != z;
}

/*
 * expand: split the block at pfn of order high down to order low, putting
 * the upper halves on the lists (largest first) and keeping the lowest
 * 2^low pages.  Splitting order 3 at P for order 0 frees P+4 (order 2),
 * P+2 (order 1) and P+1 (order 0), each at the head of its list.
 */
static void expand(struct mm_machine *m, struct zone *z, unsigned long pfn,
		   int low, int high, int mt)
{
	unsigned long size = 1UL << high;

	int split = high > low;

	if (STAGES(m) && split)
		stage_enter(m, FN_expand, "split order %d at 0x%lx down to %d", high, pfn, low);
	while (high > low) {
		high--;
		size >>= 1;
		MM_BUG_ON(bad_range(m, z, pfn + size));
		free_list_add(m, z, pfn + size, high, mt);
		if (INFLIGHT_HELD(m))
			inflight_set(m, pfn, pfn, high);
		if (STAGES(m))
			stage_note(m, FN_expand, "upper half 0x%lx order %d -> head of %s free list",
				   pfn + size, high, migratetype_names[mt]);
	}
	if (STAGES(m) && split)
		stage_exit(m, FN_expand, "keep 0x%lx order %d", pfn, low);
}

static unsigned long __rmqueue_smallest(struct mm_machine *m, struct zone *z,
					int order, int mt)
{
	for (int cur = order; cur < MAX_ORDER; cur++) {
		uint32_t id = free_list_id(z, cur, mt);
		unsigned long pfn;

		if (list_empty_id(m, id))
			continue;
		pfn = m->lists[id].head;
		free_list_del(m, z, pfn);
		if (INFLIGHT(m))
			inflight_add(m, pfn, cur);
		if (STAGES(m))
			stage_note(m, FN___rmqueue_smallest, "%s order %d list: take 0x%lx",
				   migratetype_names[mt], cur, pfn);
		expand(m, z, pfn, order, cur, mt);
		if (STAGES(m))
			stage_exit(m, FN___rmqueue_smallest, "page 0x%lx", pfn);
		return pfn;
	}
	if (STAGES(m))
		stage_exit(m, FN___rmqueue_smallest, "no %s block of order >= %d",
			   migratetype_names[mt], order);
	return MM_NOPFN;
}

/*
 * move_freepages: move every free block whose head lies in [start, end] to
 * the head of the list of type mt; return the number of pages moved.
 */
static int move_freepages(struct mm_machine *m, struct zone *z, unsigned long start,
			  unsigned long end, int mt)
{
	int moved = 0;

	MM_BUG_ON(page_zone(m, start) != page_zone(m, end));
	for (unsigned long pfn = start; pfn <= end;) {
		struct page *p = &m->mem_map[pfn];
		int order;

		if (!(p->flags & PG_buddy)) {
			pfn++;
			continue;
		}
		order = (int)p->private;
		free_list_del(m, z, pfn);
		free_list_add(m, z, pfn, order, mt);
		p->index = (uint8_t)mt;
		pfn += 1UL << order;
		moved += 1 << order;
	}
	return moved;
}

int move_freepages_block(struct mm_machine *m, struct zone *z, unsigned long pfn, int mt)
{
	unsigned long start = pageblock_start(m, pfn);
	unsigned long end = start + m->pageblock_nr_pages - 1;

	/* never cross the zone's edges */
	if (!zone_spans_pfn(z, start))
		start = pfn;
	if (!zone_spans_pfn(z, end))
		return 0;
	return move_freepages(m, z, start, end, mt);
}

/*
 * split_free_page (__isolate_free_page + split_page): compaction's free
 * scanner takes the free block at pfn off its list as an allocation would,
 * refused (0) when that leaves the zone at or below low + 2^order, and
 * cuts it into 2^order order-0 pages it holds (OWNER_INFLIGHT).  A block
 * of half a pageblock or more turns its pageblocks MOVABLE.
 */
int split_free_page(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, pfn);
	int order = (int)p->private, mt = get_pageblock_migratetype(m, pfn);
	unsigned long n = 1UL << order;

	if (mt != MIGRATE_ISOLATE) {
		if (!zone_watermark_ok(m, z, 0, z->watermark[WMARK_LOW] + n, 0, 0))
			return 0;
	}
	free_list_del(m, z, pfn);
	if (order >= m->pageblock_order - 1)
		for (unsigned long b = pfn; b < pfn + n - 1; b += m->pageblock_nr_pages)
			if (get_pageblock_migratetype(m, b) != MIGRATE_ISOLATE)
				set_pageblock_migratetype(m, b, MIGRATE_MOVABLE);
	for (unsigned long i = 0; i < n; i++) {
		p[i].flags |= PG_head;
		p[i]._count = 1;
		p[i].alloc_order = 0;
		p[i].alloc_cpu = (uint8_t)m->this_cpu;
		p[i].owner = MM_OWNER(OWNER_INFLIGHT, m->this_cpu);
	}
	return (int)n;
}

static void change_pageblock_range(struct mm_machine *m, unsigned long pfn,
				   int start_order, int mt)
{
	int n = 1 << (start_order - m->pageblock_order);

	while (n--) {
		set_pageblock_migratetype(m, pfn, mt);
		pfn += m->pageblock_nr_pages;
	}
}

static void trace_extfrag(struct mm_machine *m, unsigned long pfn, int order,
			  int fallback_order, int start_mt, int fallback_mt)
{
	struct mm_event ev = {
		.type = MM_EV_PAGE_ALLOC_EXTFRAG, .cpu = m->this_cpu, .pfn = pfn,
		.order = order, .migratetype = start_mt,
		.fallback_order = fallback_order, .fallback_mt = fallback_mt,
		.change_ownership = start_mt == fallback_mt,
	};
	mm_emit(m, &ev);
}

/* Steal the whole pageblock's free pages if the block is large enough. */
static int steal_pageblock(struct mm_machine *m, struct zone *z, unsigned long pfn,
			   int cur, int start_mt)
{
	int pages;

	if (!(cur >= m->pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	      m->page_group_by_mobility_disabled))
		return 0;
	pages = move_freepages_block(m, z, pfn, start_mt);
	/* claim the block if over half of it was free */
	if (pages >= (1 << (m->pageblock_order - 1)) ||
	    m->page_group_by_mobility_disabled)
		set_pageblock_migratetype(m, pfn, start_mt);
	if (STAGES(m))
		stage_note(m, FN___rmqueue_fallback, "moved %d free pages of pageblock 0x%lx to %s%s",
			   pages, pageblock_start(m, pfn), migratetype_names[start_mt],
			   get_pageblock_migratetype(m, pfn) == start_mt ? ", claimed it" : "");
	return 1;
}

/* __rmqueue_fallback: the largest block of another type, in fallbacks order */
static unsigned long __rmqueue_fallback(struct mm_machine *m, struct zone *z,
					int order, int start_mt)
{
	for (int cur = MAX_ORDER - 1; cur >= order; cur--) {
		for (int i = 0;; i++) {
			int mt = fallbacks[start_mt][i];
			uint32_t id;
			unsigned long pfn;

			if (mt == MIGRATE_RESERVE)
				break;
			id = free_list_id(z, cur, mt);
			if (list_empty_id(m, id))
				continue;
			pfn = m->lists[id].head;
			if (STAGES(m))
				stage_note(m, FN___rmqueue_fallback, "take order-%d %s block 0x%lx",
					   cur, migratetype_names[mt], pfn);
			if (steal_pageblock(m, z, pfn, cur, start_mt))
				mt = start_mt;
			free_list_del(m, z, pfn);
			if (INFLIGHT(m))
				inflight_add(m, pfn, cur);
			if (cur >= m->pageblock_order)
				change_pageblock_range(m, pfn, cur, start_mt);
			expand(m, z, pfn, order, cur, start_mt);
			trace_extfrag(m, pfn, order, cur, start_mt, mt);
			if (STAGES(m))
				stage_exit(m, FN___rmqueue_fallback, "page 0x%lx", pfn);
			return pfn;
		}
	}
	if (STAGES(m))
		stage_exit(m, FN___rmqueue_fallback, "no block of order >= %d on any fallback list", order);
	return MM_NOPFN;
}

static void trace_zone_locked(struct mm_machine *m, unsigned long pfn, int order, int mt)
{
	struct mm_event ev = {
		.type = MM_EV_PAGE_ALLOC_ZONE_LOCKED, .cpu = m->this_cpu, .pfn = pfn,
		.order = order, .migratetype = mt, .percpu_refill = order == 0,
	};
	mm_emit(m, &ev);
}

static unsigned long __rmqueue(struct mm_machine *m, struct zone *z, int order, int mt)
{
	unsigned long pfn;

	if (STAGES(m))
		stage_enter(m, FN___rmqueue, "zone %s order %d %s", z->name, order,
			    migratetype_names[mt]);
	for (;;) {
		if (STAGES(m))
			stage_enter(m, FN___rmqueue_smallest, "%s lists from order %d",
				    migratetype_names[mt], order);
		pfn = __rmqueue_smallest(m, z, order, mt);
		if (pfn != MM_NOPFN || mt == MIGRATE_RESERVE)
			break;
		if (STAGES(m))
			stage_enter(m, FN___rmqueue_fallback, "steal for %s, largest block first",
				    migratetype_names[mt]);
		pfn = __rmqueue_fallback(m, z, order, mt);
		if (pfn != MM_NOPFN)
			break;
		/* MIGRATE_RESERVE rather than fail */
		mt = MIGRATE_RESERVE;
	}
	if (tracing(m, MM_EV_PAGE_ALLOC_ZONE_LOCKED))
		trace_zone_locked(m, pfn, order, mt);
	if (STAGES(m))
		stage_exit(m, FN___rmqueue, pfn == MM_NOPFN ? "no page" : "page 0x%lx", pfn);
	return pfn;
}

/* ---- per-cpu lists ------------------------------------------------------------ */

static struct per_cpu_pages *zone_pcp(struct zone *z, int cpu)
{
	return &z->pageset[cpu].pcp;
}

static void pcp_del(struct mm_machine *m, unsigned long pfn)
{
	list_del_page(m, pfn);
	m->mem_map[pfn].flags &= ~PG_pcp;
}

/*
 * rmqueue_bulk: refill an empty pcp list with count order-0 pages.  Each
 * page goes right after (hot) or before (cold) the previous one, so either
 * way the first page taken from the buddy lists is handed out first.
 */
static int rmqueue_bulk(struct mm_machine *m, struct zone *z, int count,
			struct per_cpu_pages *pcp, uint32_t list, int mt, int cold)
{
	unsigned long prev = MM_NOPFN;
	int i;

	if (unlikely(m->running))
		zone_lock(m, z);
	if (STAGES(m))
		stage_enter(m, FN_rmqueue_bulk, "refill %d %s pages%s", count,
			    migratetype_names[mt], cold ? " (cold)" : "");
	for (i = 0; i < count; i++) {
		unsigned long pfn = __rmqueue(m, z, 0, mt);

		if (pfn == MM_NOPFN)
			break;
		if (prev == MM_NOPFN)
			list_add_id(m, pfn, list);
		else if (!cold)
			list_add_after(m, pfn, prev);
		else
			list_add_before(m, pfn, prev);
		m->mem_map[pfn].flags |= PG_pcp;
		m->mem_map[pfn].index = (uint8_t)mt;
		pcp->count++; /* the kernel's caller adds the total: same sum, kept exact */
		if (INFLIGHT_HELD(m))
			inflight_del(m, pfn);
		prev = pfn;
	}
	if (STAGES(m))
		stage_exit(m, FN_rmqueue_bulk, "%d pages", i);
	if (unlikely(m->running))
		zone_unlock(m, z);
	return i;
}

/* prep_new_page: the block becomes an allocation headed by pfn */
static void prep_new_page(struct mm_machine *m, unsigned long pfn, int order,
			  gfp_t gfp, int cpu, uint32_t owner)
{
	struct page *p = &m->mem_map[pfn];
	unsigned long n = 1UL << order;

	if (INFLIGHT_HELD(m))
		inflight_del(m, pfn);
	p->private = 0;
	p->_count = 1;
	p->flags = (p->flags & ~(PG_zeroed | PG_pfmemalloc)) | PG_head |
		   ((gfp & __GFP_ZERO) ? PG_zeroed : 0);
	p->alloc_order = (uint8_t)order;
	p->alloc_cpu = (uint8_t)cpu;
	p->owner = owner;
	for (unsigned long i = 1; i < n; i++) {
		p[i].flags |= PG_tail;
		p[i].owner = owner;
	}
}

static unsigned long buffered_rmqueue(struct mm_machine *m, struct zone *z,
				      int cpu, int order, gfp_t gfp, int mt)
{
	int cold = !!(gfp & __GFP_COLD);
	unsigned long pfn;

	if (STAGES(m))
		stage_enter(m, FN_buffered_rmqueue, "zone %s order %d%s", z->name,
			    order, order == 0 ? (cold ? " via cpu pcp (cold: tail)" : " via cpu pcp (hot: head)") : "");
	if (unlikely(m->running))
		local_irq_save(m);
	if (likely(order == 0)) {
		struct per_cpu_pages *pcp = zone_pcp(z, cpu);
		uint32_t list = pcp->lists[mt];

		if (list_empty_id(m, list)) {
			rmqueue_bulk(m, z, pcp->batch, pcp, list, mt, cold);
			if (unlikely(list_empty_id(m, list)))
				goto failed;
		}
		pfn = cold ? m->lists[list].tail : m->lists[list].head;
		pcp_del(m, pfn);
		pcp->count--;
		if (INFLIGHT(m))
			inflight_add(m, pfn, 0);
	} else {
		if (unlikely(m->running))
			zone_lock(m, z);
		pfn = __rmqueue(m, z, order, mt);
		if (unlikely(m->running))
			zone_unlock(m, z);
		if (pfn == MM_NOPFN)
			goto failed;
	}
	MM_BUG_ON(bad_range(m, z, pfn));
	count_vm_events(m, PGALLOC + z->idx, 1UL << order);
	if (unlikely(m->running))
		local_irq_restore(m);
	if (STAGES(m))
		stage_exit(m, FN_buffered_rmqueue, "page 0x%lx", pfn);
	return pfn;
failed:
	if (unlikely(m->running))
		local_irq_restore(m);
	if (STAGES(m))
		stage_exit(m, FN_buffered_rmqueue, "no page");
	return MM_NOPFN;
}

/*
 * get_page_from_freelist: the first zone in zonelist order that meets the
 * watermark and has a block.  No zone_reclaim on a UMA machine: a zone below
 * its mark is simply skipped.
 */
static unsigned long get_page_from_freelist(struct mm_machine *m, int cpu, gfp_t gfp,
					    int order, int high_zoneidx, int alloc_flags,
					    struct zone *preferred, int mt,
					    struct mm_alloc_result *res)
{
	int classzone_idx = preferred->idx;
	struct mm_reason why;
	size_t used = 0;

	if (STAGES(m))
		stage_enter(m, FN_get_page_from_freelist, "order %d, %s watermark, classzone %s",
			    order, (alloc_flags & ALLOC_NO_WATERMARKS) ? "no" :
			    wmark_names[alloc_flags & ALLOC_WMARK_MASK], preferred->name);
	for (int *zi = m->node.zonelist; *zi >= 0; zi++) {
		struct zone *z = &m->node.node_zones[*zi];
		unsigned long pfn;

		if (z->idx > high_zoneidx)
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
			unsigned long mark = z->watermark[alloc_flags & ALLOC_WMARK_MASK];
			long free = (long)zone_page_state(z, NR_FREE_PAGES);
			const char *mname = wmark_names[alloc_flags & ALLOC_WMARK_MASK];
			int ok = watermark_ok_why(z, order, mark, classzone_idx, alloc_flags,
						  free, mname, NULL);

			/* the reason is only worth taking when someone reads it */
			if ((!ok && res) || STAGES(m))
				watermark_ok_why(z, order, mark, classzone_idx, alloc_flags,
						 free, mname, &why);
			if (STAGES(m)) {
				stage_enter(m, FN_zone_watermark_ok, "zone %s order %d mark %s %lu",
					    z->name, order, wmark_names[alloc_flags & ALLOC_WMARK_MASK], mark);
				stage_exit_reason(m, FN_zone_watermark_ok, &why);
			}
			if (!ok) {
				if (res && used < sizeof(res->why)) {
					char text[256];

					mm_reason_format(&why, text, sizeof(text));
					used += (size_t)snprintf(res->why + used, sizeof(res->why) - used,
								 "%s%s", used ? "; " : "", text);
				}
				continue;
			}
		}
		pfn = buffered_rmqueue(m, z, cpu, order, gfp, mt);
		if (pfn != MM_NOPFN) {
			if (alloc_flags & ALLOC_NO_WATERMARKS)
				m->mem_map[pfn].flags |= PG_pfmemalloc;
			if (STAGES(m))
				stage_exit(m, FN_get_page_from_freelist, "page 0x%lx from zone %s", pfn, z->name);
			return pfn;
		}
		if (res && used < sizeof(res->why))
			used += (size_t)snprintf(res->why + used, sizeof(res->why) - used,
						 "%szone %s: no free block of order >= %d", used ? "; " : "",
						 z->name, order);
	}
	if (STAGES(m))
		stage_exit(m, FN_get_page_from_freelist, "no zone could give a page");
	return MM_NOPFN;
}

/* gfp_zone() mapped to this machine's zone_idx; -1 for GFP_ZONE_BAD */
static int gfp_zone(const struct mm_machine *m, gfp_t gfp)
{
	int kind = gfp_zone_kind(gfp);

	return kind < 0 ? -1 : m->zone_of_type[kind];
}

static struct zone *first_zones_zonelist(struct mm_machine *m, int high_zoneidx)
{
	for (int *zi = m->node.zonelist; *zi >= 0; zi++)
		if (*zi <= high_zoneidx)
			return &m->node.node_zones[*zi];
	return NULL;
}

static void trace_page_alloc(struct mm_machine *m, int cpu, unsigned long pfn,
			     int order, gfp_t gfp, int mt)
{
	struct mm_event ev = {
		.type = MM_EV_PAGE_ALLOC, .cpu = cpu, .pfn = pfn, .order = order,
		.migratetype = mt, .gfp = gfp,
	};
	mm_emit(m, &ev);
}

/* the arguments the kernel's callers get right; *high_zoneidx = gfp_zone() */
static int check_alloc_args(struct mm_machine *m, int cpu, gfp_t gfp, unsigned order,
			    int *high_zoneidx)
{
	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	if (order >= MAX_ORDER)
		return mm_error(m, MM_EINVAL, "order %u >= MAX_ORDER (%d)", order, MAX_ORDER);
	if (gfp & ~__GFP_BITS_MASK)
		return mm_error(m, MM_EINVAL, "gfp 0x%x has bits above __GFP_BITS_MASK", gfp);
	if ((gfp & (__GFP_MOVABLE | __GFP_RECLAIMABLE)) == (__GFP_MOVABLE | __GFP_RECLAIMABLE))
		return mm_error(m, MM_EINVAL, "gfp 0x%x: __GFP_MOVABLE and __GFP_RECLAIMABLE together name no migratetype", gfp);
	if ((*high_zoneidx = gfp_zone(m, gfp)) < 0)
		return mm_error(m, MM_EINVAL, "gfp 0x%x: invalid zone modifier combination (GFP_ZONE_BAD)", gfp);
	return MM_OK;
}

/* ---- the slow path (3.10 __alloc_pages_slowpath) ------------------------------ */

struct alloc_context {
	int cpu;
	gfp_t gfp;
	int order;
	int high_zoneidx;
	int mt;
	struct zone *preferred;
	struct mm_alloc_result *res;
};

/* the flags of the task the allocation runs for; the command line is a kernel thread */
static unsigned int *current_flags(struct mm_machine *m)
{
	return m->work.current ? &m->work.current->flags : &m->work.kthread_flags;
}

static unsigned long try_freelist(struct mm_machine *m, struct alloc_context *ac, gfp_t gfp,
				  int alloc_flags, int why)
{
	if (why)
		ac->res->why[0] = '\0';
	return get_page_from_freelist(m, ac->cpu, gfp, ac->order, ac->high_zoneidx, alloc_flags,
				      ac->preferred, ac->mt, why ? ac->res : NULL);
}

static void decode_alloc_flags(int f, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", wmark_names[f & ALLOC_WMARK_MASK],
		 (f & ALLOC_HIGH) ? "|ALLOC_HIGH" : "", (f & ALLOC_HARDER) ? "|ALLOC_HARDER" : "",
		 (f & ALLOC_NO_WATERMARKS) ? "|ALLOC_NO_WATERMARKS" : "",
		 (f & ALLOC_CPUSET) ? "|ALLOC_CPUSET" : "");
}

/*
 * gfp_to_alloc_flags: the min watermark, lowered by half for __GFP_HIGH and
 * by another quarter for requests that cannot sleep; no watermarks at all
 * for a task that is reclaiming or dying.  (3.10.0: atomic is !__GFP_WAIT.)
 */
static int gfp_to_alloc_flags(struct mm_machine *m, gfp_t gfp)
{
	int alloc_flags = ALLOC_WMARK_MIN | ALLOC_CPUSET;

	alloc_flags |= (int)(gfp & __GFP_HIGH);
	if (!(gfp & __GFP_WAIT)) {
		if (!(gfp & __GFP_NOMEMALLOC))
			alloc_flags |= ALLOC_HARDER;
		alloc_flags &= ~ALLOC_CPUSET;
	}
	if (!(gfp & __GFP_NOMEMALLOC)) {
		if (gfp & __GFP_MEMALLOC)
			alloc_flags |= ALLOC_NO_WATERMARKS;
		else if (*current_flags(m) & (PF_MEMALLOC | TIF_MEMDIE))
			alloc_flags |= ALLOC_NO_WATERMARKS;
	}
	if (STAGES(m)) {
		char buf[96];

		decode_alloc_flags(alloc_flags, buf, sizeof(buf));
		stage_enter(m, FN_gfp_to_alloc_flags, "gfp 0x%x", gfp);
		stage_exit(m, FN_gfp_to_alloc_flags, "%s", buf);
	}
	return alloc_flags;
}

static void wake_all_kswapd(struct mm_machine *m, struct alloc_context *ac)
{
	if (STAGES(m))
		stage_enter(m, FN_wake_all_kswapd, "order %d, every zone <= %s", ac->order,
			    m->node.node_zones[ac->high_zoneidx].name);
	for (int *zi = m->node.zonelist; *zi >= 0; zi++)
		if (*zi <= ac->high_zoneidx)
			wakeup_kswapd(m, &m->node.node_zones[*zi], ac->order, ac->preferred->idx);
	if (STAGES(m))
		stage_exit(m, FN_wake_all_kswapd, "done");
}

static unsigned long __alloc_pages_high_priority(struct mm_machine *m, struct alloc_context *ac)
{
	unsigned long pfn;

	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_high_priority, "ALLOC_NO_WATERMARKS");
	do {
		pfn = try_freelist(m, ac, ac->gfp, ALLOC_NO_WATERMARKS, 0);
		if (pfn == MM_NOPFN && (ac->gfp & __GFP_NOFAIL))
			mm_sleep(m, HZ / 50, "wait_iff_congested");
	} while (pfn == MM_NOPFN && (ac->gfp & __GFP_NOFAIL) && !mm_give_up(m));
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_high_priority, pfn == MM_NOPFN ? "no page" : "page 0x%lx", pfn);
	return pfn;
}

static const char *const compact_names[] = { "COMPACT_SKIPPED", "COMPACT_CONTINUE",
					      "COMPACT_PARTIAL", "COMPACT_COMPLETE" };

static unsigned long __alloc_pages_direct_compact(struct mm_machine *m, struct alloc_context *ac,
						  int alloc_flags, int sync, int *contended,
						  int *deferred, unsigned long *progress)
{
	struct zone *pz = ac->preferred;
	unsigned long pfn = MM_NOPFN;

	if (!ac->order)
		return MM_NOPFN;
	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_direct_compact, "order %d, %s", ac->order,
			    sync ? "sync" : "async");
	if (compaction_deferred(pz, ac->order)) {
		*deferred = 1;
		if (STAGES(m))
			stage_exit(m, FN___alloc_pages_direct_compact, "deferred (%u of %u attempts skipped)",
				   pz->compact_considered, 1u << pz->compact_defer_shift);
		return MM_NOPFN;
	}
	*current_flags(m) |= PF_MEMALLOC;
	*progress = try_to_compact_pages(m, ac->order, ac->gfp, sync, contended);
	*current_flags(m) &= ~PF_MEMALLOC;
	if (*progress != COMPACT_SKIPPED) {
		drain_pages(m, ac->cpu);
		pfn = try_freelist(m, ac, ac->gfp, alloc_flags & ~ALLOC_NO_WATERMARKS, 0);
		if (pfn != MM_NOPFN) {
			pz->compact_blockskip_flush = 0;
			pz->compact_considered = 0;
			pz->compact_defer_shift = 0;
			if (ac->order >= pz->compact_order_failed)
				pz->compact_order_failed = ac->order + 1;
			count_vm_events(m, COMPACTSUCCESS, 1);
		} else {
			count_vm_events(m, COMPACTFAIL, 1);
			if (sync)
				defer_compaction(pz, ac->order);
		}
	}
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_direct_compact, "%s: %s", compact_names[*progress & 3],
			   pfn == MM_NOPFN ? "no page" : "page");
	return pfn;
}

static unsigned long __alloc_pages_direct_reclaim(struct mm_machine *m, struct alloc_context *ac,
						  int alloc_flags, unsigned long *progress)
{
	unsigned long pfn = MM_NOPFN;
	int drained = 0;

	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_direct_reclaim, "order %d", ac->order);
	*current_flags(m) |= PF_MEMALLOC;
	*progress = try_to_free_pages(m, ac->order, ac->gfp);
	*current_flags(m) &= ~PF_MEMALLOC;
	if (*progress) {
		for (;;) {
			pfn = try_freelist(m, ac, ac->gfp, alloc_flags & ~ALLOC_NO_WATERMARKS, 0);
			if (pfn != MM_NOPFN || drained)
				break;
			drain_all_pages(m); /* pages may sit on other cpus' lists */
			drained = 1;
		}
	}
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_direct_reclaim, "%lu pages reclaimed, %s", *progress,
			   pfn == MM_NOPFN ? "no page" : "page");
	return pfn;
}

static unsigned long __alloc_pages_may_oom(struct mm_machine *m, struct alloc_context *ac)
{
	unsigned long pfn = MM_NOPFN;
	int kind = m->node.node_zones[ac->high_zoneidx].type;

	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_may_oom, "order %d", ac->order);
	if (!try_set_zonelist_oom(m, ac->high_zoneidx)) {
		mm_sleep(m, 1, "another OOM kill is in progress");
		if (STAGES(m))
			stage_exit(m, FN___alloc_pages_may_oom, "zonelist OOM-locked by someone else");
		return MM_NOPFN;
	}
	/* a kill elsewhere may already have freed enough: try at the high mark */
	pfn = try_freelist(m, ac, ac->gfp | __GFP_HARDWALL, ALLOC_WMARK_HIGH | ALLOC_CPUSET, 0);
	if (pfn == MM_NOPFN &&
	    ((ac->gfp & __GFP_NOFAIL) ||
	     (ac->order <= PAGE_ALLOC_COSTLY_ORDER && kind >= ZONE_NORMAL && !(ac->gfp & __GFP_THISNODE))))
		out_of_memory(m, ac->gfp, ac->order);
	clear_zonelist_oom(m, ac->high_zoneidx);
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_may_oom, pfn == MM_NOPFN ? "no page" : "page 0x%lx", pfn);
	return pfn;
}

static int should_alloc_retry(gfp_t gfp, int order, unsigned long progress,
			      unsigned long pages_reclaimed)
{
	if (gfp & __GFP_NORETRY)
		return 0;
	if (gfp & __GFP_NOFAIL)
		return 1;
	(void)progress; /* only pm_suspended_storage() looks at it; no suspend here */
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return 1; /* small orders retry forever */
	if ((gfp & __GFP_REPEAT) && pages_reclaimed < (1UL << order))
		return 1;
	return 0;
}

#define NOPAGE(reason) do { why = (reason); goto nopage; } while (0)

static unsigned long __alloc_pages_slowpath(struct mm_machine *m, struct alloc_context *ac)
{
	const char *why = "should_alloc_retry: no";
	gfp_t gfp = ac->gfp;
	int wait = !!(gfp & __GFP_WAIT), sync = 0, deferred = 0, contended = 0, alloc_flags;
	unsigned long pfn, progress = 0, pages_reclaimed = 0;
	int kind = m->node.node_zones[ac->high_zoneidx].type;

	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_slowpath, "order %d, gfp 0x%x", ac->order, gfp);
restart:
	if (!(gfp & __GFP_NO_KSWAPD))
		wake_all_kswapd(m, ac);
	alloc_flags = gfp_to_alloc_flags(m, gfp);
rebalance:
	pfn = try_freelist(m, ac, gfp, alloc_flags & ~ALLOC_NO_WATERMARKS, 1);
	if (pfn != MM_NOPFN)
		goto got_pg;
	if (alloc_flags & ALLOC_NO_WATERMARKS) {
		pfn = __alloc_pages_high_priority(m, ac);
		if (pfn != MM_NOPFN)
			goto got_pg;
	}
	if (!wait)
		NOPAGE("atomic: cannot sleep");
	if (*current_flags(m) & PF_MEMALLOC)
		NOPAGE("PF_MEMALLOC: already reclaiming");
	if ((*current_flags(m) & TIF_MEMDIE) && !(gfp & __GFP_NOFAIL))
		NOPAGE("TIF_MEMDIE: the task is dying");
	pfn = __alloc_pages_direct_compact(m, ac, alloc_flags, sync, &contended, &deferred, &progress);
	if (pfn != MM_NOPFN)
		goto got_pg;
	sync = 1;
	if ((deferred || contended) && (gfp & __GFP_NO_KSWAPD))
		NOPAGE("compaction deferred for a THP request");
	pfn = __alloc_pages_direct_reclaim(m, ac, alloc_flags, &progress);
	if (pfn != MM_NOPFN)
		goto got_pg;
	if (!progress && (gfp & __GFP_FS) && !(gfp & __GFP_NORETRY)) {
		unsigned long panics = m->work.nr_oom_panics;

		pfn = __alloc_pages_may_oom(m, ac);
		if (pfn != MM_NOPFN)
			goto got_pg;
		/* the kernel would have stopped here; the model fails the request */
		if (m->work.nr_oom_panics != panics)
			NOPAGE("the OOM killer found nothing to kill (the kernel panics)");
		if (!(gfp & __GFP_NOFAIL)) {
			if (ac->order > PAGE_ALLOC_COSTLY_ORDER)
				NOPAGE("costly order: no OOM kill for it");
			if (kind < ZONE_NORMAL)
				NOPAGE("a DMA request: no OOM kill for it");
		}
		m->work.sync_waits++; /* the OOM victim gets a moment to exit */
		if (mm_give_up(m))
			NOPAGE("gave up: no request context to wait in");
		goto restart;
	}
	pages_reclaimed += progress;
	if (should_alloc_retry(gfp, ac->order, progress, pages_reclaimed)) {
		if (STAGES(m))
			stage_note(m, FN___alloc_pages_slowpath, "should_alloc_retry: yes (%lu pages reclaimed)",
				   pages_reclaimed);
		mm_sleep(m, HZ / 50, "wait_iff_congested");
		if (mm_give_up(m))
			NOPAGE("gave up: no request context to wait in");
		goto rebalance;
	}
	pfn = __alloc_pages_direct_compact(m, ac, alloc_flags, sync, &contended, &deferred, &progress);
	if (pfn != MM_NOPFN)
		goto got_pg;
nopage:
	warn_alloc_failed(m, gfp, ac->order);
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_slowpath, "nopage: %s", why);
	return MM_NOPFN;
got_pg:
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_slowpath, "page 0x%lx", pfn);
	return pfn;
}

/* __alloc_pages_nodemask: the fast path at the low watermark, then the slow path */
int mm_alloc_pages(struct mm_machine *m, int cpu, gfp_t gfp, unsigned int order,
		   uint32_t owner, struct mm_alloc_result *res)
{
	struct alloc_context ac = { .cpu = cpu, .gfp = gfp, .order = (int)order, .res = res };
	unsigned long pfn = MM_NOPFN;
	int rc;

	res->pfn = MM_NOPFN;
	res->why[0] = '\0';
	rc = check_alloc_args(m, cpu, gfp, order, &ac.high_zoneidx);
	if (rc || (rc = mm_busy(m)))
		return rc;
	m->work.sync_waits = 0;
	ac.mt = allocflags_to_migratetype(m, gfp);
	m->this_cpu = cpu;
	if (STAGES(m))
		stage_enter(m, FN___alloc_pages_nodemask, "order %u, gfp 0x%x, %s, zones <= %s",
			    order, gfp, migratetype_names[ac.mt], m->node.node_zones[ac.high_zoneidx].name);
	ac.preferred = first_zones_zonelist(m, ac.high_zoneidx);
	if (!ac.preferred) {
		snprintf(res->why, sizeof(res->why), "no populated zone at or below %s",
			 m->node.node_zones[ac.high_zoneidx].name);
	} else {
		pfn = try_freelist(m, &ac, gfp | __GFP_HARDWALL, ALLOC_WMARK_LOW | ALLOC_CPUSET, 1);
		if (pfn == MM_NOPFN)
			pfn = __alloc_pages_slowpath(m, &ac);
		m->this_cpu = cpu;
		if (pfn != MM_NOPFN) {
			prep_new_page(m, pfn, (int)order, gfp, cpu, owner);
			res->zone_idx = page_zone(m, pfn)->idx;
		}
		if (tracing(m, MM_EV_PAGE_ALLOC))
			trace_page_alloc(m, cpu, pfn, (int)order, gfp, ac.mt);
	}
	if (STAGES(m))
		stage_exit(m, FN___alloc_pages_nodemask, pfn == MM_NOPFN ? "NULL" : "page 0x%lx", pfn);
	res->pfn = pfn;
	res->order = (int)order;
	res->migratetype = ac.mt;
	if (pfn == MM_NOPFN)
		return mm_error(m, MM_ENOMEM, "page allocation failure: order:%u, mode:0x%x", order, gfp);
	return MM_OK;
}

/* ---- the free path ------------------------------------------------------------- */

/*
 * page_is_buddy: the buddy is a free block head of the same order in the
 * same zone.  Holes and reserved pages never carry PG_buddy.
 */
static int page_is_buddy(struct mm_machine *m, struct zone *z, unsigned long buddy,
			 int order)
{
	struct page *b;

	if (!zone_spans_pfn(z, buddy) || !pfn_valid(m, buddy))
		return 0;
	b = &m->mem_map[buddy];
	return (b->flags & PG_buddy) && (int)b->private == order;
}

/*
 * __free_one_page: merge with free buddies as far as possible, then put the
 * block at the head of its list - or at the tail if the buddy of the merged
 * block is itself free one order up, since then it is likely to merge soon.
 */
static void __free_one_page(struct mm_machine *m, struct zone *z, unsigned long pfn,
			    int order, int mt)
{
	unsigned long buddy = pfn;
	int o0 = order;

	MM_BUG_ON(mt < 0 || mt >= MIGRATE_TYPES);
	MM_BUG_ON(pfn & ((1UL << order) - 1));
	MM_BUG_ON(bad_range(m, z, pfn));
	if (STAGES(m))
		stage_enter(m, FN___free_one_page, "0x%lx order %d to %s", pfn, order,
			    migratetype_names[mt]);
	while (order < MAX_ORDER - 1) {
		buddy = pfn ^ (1UL << order);
		if (!page_is_buddy(m, z, buddy, order))
			break;
		free_list_del(m, z, buddy);
		if (INFLIGHT_HELD(m))
			inflight_set(m, pfn, pfn & buddy, order + 1);
		pfn &= buddy;
		order++;
	}
	if (STAGES(m))
		stage_note(m, FN___free_one_page, order > o0 ? "merged up to order %d at 0x%lx" :
			   "order %d at 0x%lx: buddy not free", order, pfn);
	if (order < MAX_ORDER - 2 && pfn_valid(m, buddy)) {
		unsigned long higher = pfn & buddy;
		unsigned long higher_buddy = higher ^ (1UL << (order + 1));

		if (page_is_buddy(m, z, higher_buddy, order + 1)) {
			free_list_add_tail(m, z, pfn, order, mt);
			if (INFLIGHT_HELD(m))
				inflight_del(m, pfn);
			if (STAGES(m))
				stage_exit(m, FN___free_one_page, "tail of %s order %d list (buddy 0x%lx of order %d is free)",
					   migratetype_names[mt], order, higher_buddy, order + 1);
			return;
		}
	}
	free_list_add(m, z, pfn, order, mt);
	if (INFLIGHT_HELD(m))
		inflight_del(m, pfn);
	if (STAGES(m))
		stage_exit(m, FN___free_one_page, "head of %s order %d list",
			   migratetype_names[mt], order);
}

static void free_one_page(struct mm_machine *m, struct zone *z, unsigned long pfn,
			  int order, int mt)
{
	if (unlikely(m->running))
		zone_lock(m, z);
	z->all_unreclaimable = 0;
	z->pages_scanned = 0;
	__free_one_page(m, z, pfn, order, mt);
	if (unlikely(m->running))
		zone_unlock(m, z);
}

static void trace_pcpu_drain(struct mm_machine *m, int cpu, unsigned long pfn, int mt)
{
	struct mm_event ev = {
		.type = MM_EV_PAGE_PCPU_DRAIN, .cpu = cpu, .pfn = pfn, .order = 0,
		.migratetype = mt,
	};
	mm_emit(m, &ev);
}

/*
 * free_pcppages_bulk: give count pages back to the buddy lists, coldest
 * (tail) first, round-robin over the lists starting after UNMOVABLE; every
 * empty list passed makes the next non-empty one give up more pages.
 */
static void free_pcppages_bulk(struct mm_machine *m, struct zone *z, int count,
			       struct per_cpu_pages *pcp, int cpu)
{
	int mt = 0, batch_free = 0, to_free = count < pcp->count ? count : pcp->count;

	if (unlikely(m->running))
		zone_lock(m, z);
	if (STAGES(m))
		stage_enter(m, FN_free_pcppages_bulk, "cpu%d zone %s: %d of %d pages back to the buddy lists",
			    cpu, z->name, count, pcp->count);
	z->all_unreclaimable = 0;
	z->pages_scanned = 0;
	while (to_free) {
		uint32_t list;

		do {
			batch_free++;
			if (++mt == MIGRATE_PCPTYPES)
				mt = 0;
			list = pcp->lists[mt];
		} while (list_empty_id(m, list));
		if (batch_free == MIGRATE_PCPTYPES)
			batch_free = to_free; /* the only non-empty list */
		do {
			unsigned long pfn = m->lists[list].tail;
			int page_mt = m->mem_map[pfn].index;

			pcp_del(m, pfn);
			pcp->count--; /* the kernel's caller subtracts the total */
			if (INFLIGHT(m))
				inflight_add(m, pfn, 0);
			__free_one_page(m, z, pfn, 0, page_mt);
			if (tracing(m, MM_EV_PAGE_PCPU_DRAIN))
				trace_pcpu_drain(m, cpu, pfn, page_mt);
		} while (--to_free && --batch_free && !list_empty_id(m, list));
	}
	if (STAGES(m))
		stage_exit(m, FN_free_pcppages_bulk, "done");
	if (unlikely(m->running))
		zone_unlock(m, z);
}

static void trace_page_free(struct mm_machine *m, int cpu, unsigned long pfn, int order)
{
	struct mm_event ev = { .type = MM_EV_PAGE_FREE, .cpu = cpu, .pfn = pfn, .order = order };

	mm_emit(m, &ev);
}

/* free_pages_prepare: the allocation's pages become plain free pages */
static inline void free_pages_prepare(struct mm_machine *m, int cpu, unsigned long pfn, int order)
{
	struct page *p = &m->mem_map[pfn];
	unsigned long n = 1UL << order;

	if (tracing(m, MM_EV_PAGE_FREE))
		trace_page_free(m, cpu, pfn, order);
	if (INFLIGHT(m))
		inflight_add(m, pfn, order);
	p->flags &= ~(PG_head | PG_zeroed | PG_pfmemalloc | PG_dirty | PG_referenced | PG_swapbacked);
	p->_count = 0;
	p->owner = 0;
	p->alloc_order = 0;
	for (unsigned long i = 1; i < n; i++) {
		p[i].flags &= ~PG_tail;
		p[i].owner = 0;
	}
}

static void free_hot_cold_page(struct mm_machine *m, int cpu, unsigned long pfn, int cold)
{
	struct zone *z = page_zone(m, pfn);
	struct per_cpu_pages *pcp;
	int mt;

	free_pages_prepare(m, cpu, pfn, 0);
	mt = get_pageblock_migratetype(m, pfn);
	m->mem_map[pfn].index = (uint8_t)mt;
	if (unlikely(m->running))
		local_irq_save(m);
	count_vm_events(m, PGFREE, 1);
	if (STAGES(m))
		stage_enter(m, FN_free_hot_cold_page, "0x%lx to cpu%d %s pcp list %s", pfn, cpu,
			    migratetype_names[mt >= MIGRATE_PCPTYPES ? MIGRATE_MOVABLE : mt],
			    cold ? "tail (cold)" : "head (hot)");
	if (mt >= MIGRATE_PCPTYPES) {
		if (unlikely(mt == MIGRATE_ISOLATE)) {
			free_one_page(m, z, pfn, 0, mt);
			goto out;
		}
		mt = MIGRATE_MOVABLE; /* RESERVE pages ride the movable list */
	}
	pcp = zone_pcp(z, cpu);
	if (cold)
		list_add_tail_id(m, pfn, pcp->lists[mt]);
	else
		list_add_id(m, pfn, pcp->lists[mt]);
	m->mem_map[pfn].flags |= PG_pcp;
	if (INFLIGHT_HELD(m))
		inflight_del(m, pfn);
	pcp->count++;
	if (pcp->count >= pcp->high) {
		free_pcppages_bulk(m, z, pcp->batch, pcp, cpu);
	}
out:
	if (STAGES(m))
		stage_exit(m, FN_free_hot_cold_page, "pcp count %d", zone_pcp(z, cpu)->count);
	if (unlikely(m->running))
		local_irq_restore(m);
}

static void __free_pages_ok(struct mm_machine *m, int cpu, unsigned long pfn, int order)
{
	int mt;

	free_pages_prepare(m, cpu, pfn, order);
	if (unlikely(m->running))
		local_irq_save(m);
	count_vm_events(m, PGFREE, 1UL << order);
	mt = get_pageblock_migratetype(m, pfn);
	m->mem_map[pfn].index = (uint8_t)mt;
	free_one_page(m, page_zone(m, pfn), pfn, order, mt);
	if (unlikely(m->running))
		local_irq_restore(m);
}

static void __free_pages(struct mm_machine *m, int cpu, unsigned long pfn, int order)
{
	if (order == 0)
		free_hot_cold_page(m, cpu, pfn, 0);
	else
		__free_pages_ok(m, cpu, pfn, order);
}

/* Boot frees go through the same path on cpu 0's boot pageset. */
void __free_pages_boot(struct mm_machine *m, unsigned long pfn, int order)
{
	page_zone(m, pfn)->managed_pages += 1UL << order;
	m->mem_map[pfn].flags |= PG_head;
	m->mem_map[pfn]._count = 1;
	m->mem_map[pfn].alloc_order = (uint8_t)order;
	__free_pages(m, 0, pfn, order);
}

/*
 * The sum of freeing an aligned MAX_ORDER block chunk by chunk at boot:
 * every buddy merge happens inside the block, the intermediate blocks all
 * disappear, and the last chunk's merge puts the whole block at the head
 * of its order-10 list under the last chunk's pageblock type.  Doing it in
 * one step spares touching 15 of every 16 chunk heads.
 */
void __free_max_order_block_boot(struct mm_machine *m, unsigned long pfn)
{
	unsigned long n = MAX_ORDER_NR_PAGES;
	unsigned long last = pfn + n - (unsigned long)m->bits_per_long;
	struct zone *z = page_zone(m, pfn);
	int mt = get_pageblock_migratetype(m, last);

	z->managed_pages += n;
	count_vm_events(m, PGFREE, n);
	z->all_unreclaimable = 0;
	z->pages_scanned = 0;
	free_list_add(m, z, pfn, MAX_ORDER - 1, mt);
	m->mem_map[pfn].index = (uint8_t)mt;
}

/* Find the free block or allocation an interior pfn belongs to. */
static unsigned long find_block_head(struct mm_machine *m, unsigned long pfn,
				     uint32_t flag, int *order)
{
	for (int o = 1; o < MAX_ORDER; o++) {
		unsigned long h = pfn & ~((1UL << o) - 1);
		struct page *p = &m->mem_map[h];

		if (flag == PG_buddy && (p->flags & PG_buddy) && (int)p->private >= o) {
			*order = (int)p->private;
			return h;
		}
		if (flag == PG_head && (p->flags & PG_head) && p->alloc_order >= o) {
			*order = p->alloc_order;
			return h;
		}
	}
	return MM_NOPFN;
}

static int bad_page(struct mm_machine *m, int cpu, unsigned long pfn, const char *why)
{
	struct mm_event ev = { .type = MM_EV_BAD_PAGE, .cpu = cpu, .pfn = pfn };

	mm_error(m, MM_EBADPAGE, "BUG: Bad page state in process mmscope  pfn:%05lx: %s", pfn, why);
	ev.text = m->err;
	mm_emit(m, &ev);
	return MM_EBADPAGE;
}

/* order -1 frees with the allocation's order; any other must be it */
static int free_order_check(struct mm_machine *m, unsigned long pfn, const struct page *p, int *order)
{
	if (*order < 0)
		*order = p->alloc_order;
	else if (unlikely(*order != p->alloc_order))
		return mm_error(m, MM_EINVAL, "pfn 0x%lx was allocated with order %d, not %d",
				pfn, p->alloc_order, *order);
	return MM_OK;
}

/* Refuse what the kernel would catch (free_pages_check, bad_page). */
static int free_pages_check(struct mm_machine *m, int cpu, unsigned long pfn, int *order)
{
	struct page *p;
	char why[128];
	int o = 0;
	unsigned long h;

	if (!pfn_valid(m, pfn) || !page_zone(m, pfn))
		return mm_error(m, MM_EINVAL, "pfn 0x%lx: no such page (outside every zone)", pfn);
	p = &m->mem_map[pfn];
	/* the usual case first: the head of an allocation nobody maps */
	if (likely((p->flags & (PG_nomem | PG_reserved | PG_buddy | PG_pcp | PG_slab | PG_tail | PG_head)) ==
		   PG_head && MM_OWNER_KIND(p->owner) != OWNER_ANON &&
		   MM_OWNER_KIND(p->owner) != OWNER_PAGECACHE))
		return free_order_check(m, pfn, p, order);
	if (p->flags & PG_nomem)
		return bad_page(m, cpu, pfn, "not RAM (a hole in the memory map)");
	if (p->flags & PG_reserved)
		return bad_page(m, cpu, pfn, "PageReserved: never given to the buddy allocator");
	if (p->flags & PG_buddy) {
		snprintf(why, sizeof(why), "page is already free (PageBuddy, order %u)", p->private);
		return bad_page(m, cpu, pfn, why);
	}
	if (p->flags & PG_pcp) {
		snprintf(why, sizeof(why), "page is already free (on a per-cpu list)");
		return bad_page(m, cpu, pfn, why);
	}
	if (p->flags & PG_slab)
		return mm_error(m, MM_EINVAL, "pfn 0x%lx belongs to the slab allocator (use kfree)", pfn);
	if (MM_OWNER_KIND(p->owner) == OWNER_ANON || MM_OWNER_KIND(p->owner) == OWNER_PAGECACHE) {
		snprintf(why, sizeof(why), "page is mapped (%s page of %s %u, on an LRU list)",
			 MM_OWNER_KIND(p->owner) == OWNER_ANON ? "an anonymous" : "a page cache",
			 MM_OWNER_KIND(p->owner) == OWNER_ANON ? "task" : "file", MM_OWNER_ID(p->owner));
		return bad_page(m, cpu, pfn, why);
	}
	if (p->flags & PG_tail) {
		h = find_block_head(m, pfn, PG_head, &o);
		return mm_error(m, MM_EINVAL, "pfn 0x%lx is not the head of an allocation (page %lu of the order-%d block at 0x%lx)",
				pfn, pfn - h, o, h);
	}
	if (!(p->flags & PG_head)) {
		h = find_block_head(m, pfn, PG_buddy, &o);
		snprintf(why, sizeof(why), "page is already free (inside the free order-%d block at 0x%lx)", o, h);
		return bad_page(m, cpu, pfn, why);
	}
	return free_order_check(m, pfn, p, order);
}

int mm_free_pages(struct mm_machine *m, int cpu, unsigned long pfn, int order)
{
	int rc;

	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	if (order >= MAX_ORDER)
		return mm_error(m, MM_EINVAL, "order %d >= MAX_ORDER (%d)", order, MAX_ORDER);
	rc = free_pages_check(m, cpu, pfn, &order);
	if (rc || (rc = mm_busy(m)))
		return rc;
	m->this_cpu = cpu;
	if (STAGES(m))
		stage_enter(m, FN___free_pages, "0x%lx order %d", pfn, order);
	__free_pages(m, cpu, pfn, order);
	if (STAGES(m))
		stage_exit(m, FN___free_pages, "done");
	return MM_OK;
}

/* free_hot_cold_page_list: order-0 pages freed as a batch, e.g. by reclaim */
int mm_free_pages_list(struct mm_machine *m, int cpu, const unsigned long *pfns,
		       int n, int cold)
{
	int order = 0;

	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	for (int i = 0; i < n; i++) {
		int rc;

		order = 0;
		rc = free_pages_check(m, cpu, pfns[i], &order);
		if (rc)
			return rc;
		for (int j = 0; j < i; j++)
			if (pfns[j] == pfns[i])
				return bad_page(m, cpu, pfns[i], "page is on the list twice");
	}
	if (mm_busy(m))
		return MM_EBUSY;
	for (int i = 0; i < n; i++) {
		if (tracing(m, MM_EV_PAGE_FREE_BATCHED)) {
			struct mm_event ev = { .type = MM_EV_PAGE_FREE_BATCHED, .cpu = cpu,
					       .pfn = pfns[i], .cold = cold };
			mm_emit(m, &ev);
		}
		free_hot_cold_page(m, cpu, pfns[i], cold);
	}
	return MM_OK;
}

/* drain_pages runs on cpu itself (an IPI from drain_all_pages), interrupts off */
void drain_pages(struct mm_machine *m, int cpu)
{
	if (unlikely(m->running))
		ipi_start(m, cpu);
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		struct per_cpu_pages *pcp;

		if (!populated_zone(z))
			continue;
		pcp = zone_pcp(z, cpu);
		if (pcp->count) {
			free_pcppages_bulk(m, z, pcp->count, pcp, cpu);
		}
	}
	if (unlikely(m->running))
		ipi_done(m, cpu);
}

int mm_drain_all_pages(struct mm_machine *m)
{
	int rc = mm_busy(m);

	if (!rc)
		drain_all_pages(m);
	return rc;
}

void drain_all_pages(struct mm_machine *m)
{
	if (STAGES(m))
		stage_enter(m, FN_drain_all_pages, "every cpu with pages on a pcp list");
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		drain_pages(m, cpu);
	if (STAGES(m))
		stage_exit(m, FN_drain_all_pages, "done");
}

/* ---- setup: pagesets, watermarks, reserves ----------------------------------------- */

static unsigned long rounddown_pow_of_two(unsigned long n)
{
	unsigned long r = 1;

	while (r * 2 <= n)
		r *= 2;
	return r;
}

int zone_batchsize(const struct zone *z)
{
	unsigned long batch = z->managed_pages / 1024;

	if (batch * PAGE_SIZE > 512 * 1024)
		batch = (512 * 1024) / PAGE_SIZE;
	batch /= 4;
	if (batch < 1)
		batch = 1;
	/* 2^n - 1 avoids cache aliasing between batches */
	return (int)(rounddown_pow_of_two(batch + batch / 2) - 1);
}

void setup_pageset(struct per_cpu_pageset *p, unsigned long batch)
{
	p->pcp.count = 0;
	p->pcp.high = (int)(6 * batch);
	p->pcp.batch = batch > 1 ? (int)batch : 1;
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (sizeof(long) * 8 - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/* Sum of managed - high over zones <= offset (nr_free_zone_pages). */
unsigned long nr_free_zone_pages(struct mm_machine *m, int offset)
{
	unsigned long sum = 0;

	for (int *zi = m->node.zonelist; *zi >= 0; zi++) {
		struct zone *z = &m->node.node_zones[*zi];

		if (*zi > offset)
			continue;
		if (z->managed_pages > z->watermark[WMARK_HIGH])
			sum += z->managed_pages - z->watermark[WMARK_HIGH];
	}
	return sum;
}

unsigned long nr_free_buffer_pages(struct mm_machine *m)
{
	return nr_free_zone_pages(m, gfp_zone(m, GFP_USER));
}

unsigned long nr_free_pagecache_pages(struct mm_machine *m)
{
	return nr_free_zone_pages(m, gfp_zone(m, GFP_HIGHUSER_MOVABLE));
}

static int pageblock_is_reserved(struct mm_machine *m, unsigned long start, unsigned long end)
{
	for (unsigned long pfn = start; pfn < end; pfn++)
		if (!pfn_valid(m, pfn) || (m->mem_map[pfn].flags & PG_reserved))
			return 1;
	return 0;
}

/*
 * setup_zone_migrate_reserve: the first MOVABLE pageblocks without reserved
 * pages become MIGRATE_RESERVE, as many as the min watermark covers but at
 * most two; reserve blocks beyond that go back to MOVABLE.
 */
static void setup_zone_migrate_reserve(struct mm_machine *m, struct zone *z)
{
	unsigned long nr = m->pageblock_nr_pages;
	unsigned long start = (z->zone_start_pfn + nr - 1) & ~(nr - 1);
	unsigned long end = zone_end_pfn(z);
	long reserve = (long)(((z->watermark[WMARK_MIN] + nr - 1) & ~(nr - 1)) >> m->pageblock_order);

	if (reserve > 2)
		reserve = 2;
	for (unsigned long pfn = start; pfn < end; pfn += nr) {
		int bmt;

		if (!pfn_valid(m, pfn))
			continue;
		bmt = get_pageblock_migratetype(m, pfn);
		if (reserve > 0) {
			unsigned long bend = pfn + nr < end ? pfn + nr : end;

			if (pageblock_is_reserved(m, pfn, bend))
				continue;
			if (bmt == MIGRATE_RESERVE) {
				reserve--;
				continue;
			}
			if (bmt == MIGRATE_MOVABLE) {
				set_pageblock_migratetype(m, pfn, MIGRATE_RESERVE);
				move_freepages_block(m, z, pfn, MIGRATE_RESERVE);
				reserve--;
				continue;
			}
		}
		if (bmt == MIGRATE_RESERVE) {
			set_pageblock_migratetype(m, pfn, MIGRATE_MOVABLE);
			move_freepages_block(m, z, pfn, MIGRATE_MOVABLE);
		}
	}
}

static void calculate_totalreserve_pages(struct mm_machine *m)
{
	unsigned long total = 0;

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long max = 0;

		for (int j = i; j < m->node.nr_zones; j++)
			if (z->lowmem_reserve[j] > max)
				max = z->lowmem_reserve[j];
		max += z->watermark[WMARK_HIGH];
		if (max > z->managed_pages)
			max = z->managed_pages;
		total += max;
		z->dirty_balance_reserve = max;
	}
	m->totalreserve_pages = total;
}

/* __setup_per_zone_wmarks: min_free_kbytes shared by managed size */
void setup_per_zone_wmarks(struct mm_machine *m)
{
	unsigned long pages_min = (unsigned long)m->min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (z->type != ZONE_HIGHMEM)
			lowmem_pages += z->managed_pages;
	}
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long tmp = lowmem_pages ?
			(unsigned long)((unsigned long long)pages_min * z->managed_pages / lowmem_pages) : 0;

		if (z->type == ZONE_HIGHMEM) {
			/* highmem needs only a small pool for __GFP_HIGH */
			unsigned long min_pages = z->managed_pages / 1024;

			if (min_pages < SWAP_CLUSTER_MAX)
				min_pages = SWAP_CLUSTER_MAX;
			if (min_pages > 128)
				min_pages = 128;
			z->watermark[WMARK_MIN] = min_pages;
		} else {
			z->watermark[WMARK_MIN] = tmp;
		}
		z->watermark[WMARK_LOW] = z->watermark[WMARK_MIN] + (tmp >> 2);
		z->watermark[WMARK_HIGH] = z->watermark[WMARK_MIN] + (tmp >> 1);
		setup_zone_migrate_reserve(m, z);
	}
	calculate_totalreserve_pages(m);
}

void setup_per_zone_lowmem_reserve(struct mm_machine *m)
{
	int n = m->node.nr_zones;

	for (int j = 0; j < n; j++) {
		struct zone *z = &m->node.node_zones[j];
		unsigned long managed = z->managed_pages;

		z->lowmem_reserve[j] = 0;
		for (int idx = j - 1; idx >= 0; idx--) {
			struct zone *lower = &m->node.node_zones[idx];

			if (m->lowmem_reserve_ratio[idx] < 1)
				m->lowmem_reserve_ratio[idx] = 1;
			lower->lowmem_reserve[j] = managed / (unsigned long)m->lowmem_reserve_ratio[idx];
			managed += lower->managed_pages;
		}
	}
	calculate_totalreserve_pages(m);
}

static int fls_ul(unsigned long x)
{
	int r = 0;

	while (x) {
		r++;
		x >>= 1;
	}
	return r;
}

void refresh_zone_stat_thresholds(struct mm_machine *m)
{
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long mem = z->managed_pages >> (27 - PAGE_SHIFT);
		int threshold;

		if (!populated_zone(z))
			continue;
		threshold = 2 * fls_ul((unsigned long)m->nr_cpus) * (1 + fls_ul(mem));
		if (threshold > 125)
			threshold = 125;
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			z->pageset[cpu].stat_threshold = (int8_t)threshold;
	}
}

void setup_per_zone_inactive_ratio(struct mm_machine *m)
{
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long gb = z->managed_pages >> (30 - PAGE_SHIFT);

		z->inactive_ratio = gb ? (unsigned int)int_sqrt(10 * gb) : 1;
	}
}

/* init_per_zone_wmark_min with min_free_kbytes given or computed */
void init_per_zone_wmark_min(struct mm_machine *m, long user_kbytes)
{
	if (user_kbytes >= 0) {
		m->min_free_kbytes = (int)user_kbytes;
	} else {
		unsigned long lowmem_kbytes = nr_free_buffer_pages(m) * (PAGE_SIZE >> 10);
		unsigned long v = int_sqrt(lowmem_kbytes * 16);

		m->min_free_kbytes = (int)(v < 128 ? 128 : v > 65536 ? 65536 : v);
	}
	setup_per_zone_wmarks(m);
	refresh_zone_stat_thresholds(m);
	setup_per_zone_lowmem_reserve(m);
	setup_per_zone_inactive_ratio(m);
}

/* set_recommended_min_free_kbytes: THP wants free pageblocks around */
void set_recommended_min_free_kbytes(struct mm_machine *m)
{
	unsigned long nr_zones = 0, rec;

	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]))
			nr_zones++;
	rec = m->pageblock_nr_pages * nr_zones * 2;
	rec += m->pageblock_nr_pages * nr_zones * MIGRATE_PCPTYPES * MIGRATE_PCPTYPES;
	if (rec > nr_free_buffer_pages(m) / 20)
		rec = nr_free_buffer_pages(m) / 20;
	rec <<= PAGE_SHIFT - 10;
	if (rec > (unsigned long)m->min_free_kbytes) {
		m->min_free_kbytes = (int)rec;
		setup_per_zone_wmarks(m);
	}
}

/* sysctl vm.min_free_kbytes: min_free_kbytes_sysctl_handler */
int mm_set_min_free_kbytes(struct mm_machine *m, long kbytes)
{
	if (kbytes < 0 || kbytes > 0x7fffffff)
		return mm_error(m, MM_EINVAL, "vm.min_free_kbytes: invalid value %ld", kbytes);
	if (mm_busy(m))
		return MM_EBUSY;
	m->min_free_kbytes = (int)kbytes;
	setup_per_zone_wmarks(m);
	return MM_OK;
}
