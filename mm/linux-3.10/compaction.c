/*
 * compaction.c - memory compaction of Linux 3.10 (mm/compaction.c), with
 * fragmentation_index from mm/vmstat.c and the deferral rules of
 * include/linux/compaction.h.
 *
 * Compaction makes high-order blocks out of scattered free pages by moving
 * in-use movable pages out of the way.  Two scanners walk a zone in
 * pageblock steps: the migrate scanner upward from the zone start (or
 * where it stopped last time, zone->compact_cached_migrate_pfn) taking
 * LRU pages off their lists, at most COMPACT_CLUSTER_MAX (32) per batch;
 * the free scanner downward from the zone end (compact_cached_free_pfn)
 * taking free buddy blocks, split to order-0 pages, out of MOVABLE blocks
 * (or out of any block that is wholly free).  Each batch is migrated into
 * the free pages (mm_migrate_page: the owner's pte or page cache slot
 * follows the page, the old page is freed), so used pages pile up at the
 * top of the zone and free ones merge at the bottom.  A run ends when the
 * scanners meet (COMPACT_COMPLETE) or, for an allocation, as soon as a
 * block of its order sits on a suitable free list (COMPACT_PARTIAL).
 *
 * The lists of the kernel's struct compact_control are stacks here: both
 * kernel lists are built with list_add and consumed from the head, so
 * the last page isolated is the first used.  Isolated free pages are
 * order-0 allocations owned by OWNER_INFLIGHT; isolated migrate pages are
 * off their LRU list and counted in NR_ISOLATED_ANON/FILE, as in the
 * kernel, so the checker sees every page accounted for at any stage point.
 * Nothing stays isolated when a run returns.  A page that changed hands
 * while a paused run held it (its owner let it go) is left alone.
 *
 * Pageblocks where a full scan isolated nothing get the PB_migrate_skip
 * hint, kept in bit 3 of the pageblock's flags byte (the kernel's bit
 * number; bits 0-2 are the migratetype), until kswapd goes to sleep after
 * a direct compactor finished a full run (reset_isolation_suitable) or
 * compaction restarts after deferring as long as it can.
 *
 * Not modelled: lock contention and need_resched (an async run is never
 * "contended"), page locks (trylock_page always succeeds, so migration
 * never retries), THP and balloon pages (the model has neither).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define COMPACT_CLUSTER_MAX SWAP_CLUSTER_MAX
#define PB_migrate_skip 3 /* bit in a pageblock's flags byte */

/* sysctl vm.extfrag_threshold (default; not settable in the model) */
static const int sysctl_extfrag_threshold = 500;

enum migrate_mode { MIGRATE_ASYNC, MIGRATE_SYNC_LIGHT, MIGRATE_SYNC };
static const char *const migrate_mode_names[] = { "MIGRATE_ASYNC", "MIGRATE_SYNC_LIGHT",
						  "MIGRATE_SYNC" };

static const char *const compact_names[] = { "COMPACT_SKIPPED", "COMPACT_CONTINUE",
					     "COMPACT_PARTIAL", "COMPACT_COMPLETE" };

typedef enum { ISOLATE_ABORT, ISOLATE_NONE, ISOLATE_SUCCESS } isolate_migrate_t;

/* a page the migrate scanner took: what it was, to check it still is */
struct isolated_page {
	unsigned long pfn;
	uint32_t owner;
	int lru;  /* the LRU list it came from, for putback */
	int anon; /* counted in NR_ISOLATED_ANON, else NR_ISOLATED_FILE */
};

/*
 * One run over one zone.  A free block of the largest order can be
 * isolated whole after up to 31 pages, which bounds the free stack.
 */
struct compact_control {
	struct mm_machine *m;
	struct zone *zone;
	unsigned long free_pfn;    /* where the free scanner continues */
	unsigned long migrate_pfn; /* where the migrate scanner continues */
	uint32_t freepages[MAX_ORDER_NR_PAGES + 2 * COMPACT_CLUSTER_MAX];
	int nr_freepages;
	struct isolated_page migratepages[COMPACT_CLUSTER_MAX];
	int nr_migratepages;
	int order;       /* -1: the whole zone (vm.compact_memory) */
	int migratetype; /* of the allocation compaction works for */
	int sync;        /* MIGRATE_SYNC_LIGHT, else MIGRATE_ASYNC */
	int kswapd;      /* current_is_kswapd() */
	int cpu;         /* the cpu it runs on: its isolated free pages carry it */
	int contended;
	int finished_update_free, finished_update_migrate;
	unsigned long nr_migrated, nr_failed; /* for the reasons */
};

/* ---- fragmentation index (mm/vmstat.c) --------------------------------------- */

struct contig_page_info {
	unsigned long free_pages;
	unsigned long free_blocks_total;
	unsigned long free_blocks_suitable;
};

static void fill_contig_page_info(const struct zone *z, unsigned int suitable_order,
				  struct contig_page_info *info)
{
	info->free_pages = 0;
	info->free_blocks_total = 0;
	info->free_blocks_suitable = 0;
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long blocks = z->free_area[o].nr_free;

		info->free_blocks_total += blocks;
		info->free_pages += blocks << o;
		if (o >= suitable_order)
			info->free_blocks_suitable += blocks << (o - suitable_order);
	}
}

/*
 * 0 .. 1000: how much an order-N failure would be due to fragmentation
 * rather than to lack of memory; -1000 when a block of the order is free.
 * E.g. 4000 free pages in 4000 order-0 blocks, order 4:
 * 1000 - (1000 + 4000 * 1000 / 16) / 4000 = 1000 - 62 = 938.
 */
int fragmentation_index(struct zone *z, unsigned int order)
{
	struct contig_page_info info;
	unsigned long long requested = 1ULL << order;

	fill_contig_page_info(z, order, &info);
	if (!info.free_blocks_total)
		return 0;
	if (info.free_blocks_suitable)
		return -1000;
	return 1000 - (int)((1000 + info.free_pages * 1000ULL / requested) /
			    info.free_blocks_total);
}

/* ---- deferral (include/linux/compaction.h) ------------------------------------ */

/* after a failure: skip the next 1, 2, 4 ... 64 attempts at this order or above */
void defer_compaction(struct zone *z, int order)
{
	z->compact_considered = 0;
	z->compact_defer_shift++;
	if (order < z->compact_order_failed)
		z->compact_order_failed = order;
	if (z->compact_defer_shift > COMPACT_MAX_DEFER_SHIFT)
		z->compact_defer_shift = COMPACT_MAX_DEFER_SHIFT;
}

/* 1 if compaction should be skipped this time (counts the attempt) */
int compaction_deferred(struct zone *z, int order)
{
	unsigned int limit = 1u << z->compact_defer_shift;

	if (order < z->compact_order_failed)
		return 0;
	if (++z->compact_considered > limit)
		z->compact_considered = limit;
	return z->compact_considered < limit;
}

/* deferred as long as possible and now trying again */
static int compaction_restarting(const struct zone *z, int order)
{
	if (order < z->compact_order_failed)
		return 0;
	return z->compact_defer_shift == COMPACT_MAX_DEFER_SHIFT &&
	       z->compact_considered >= 1u << z->compact_defer_shift;
}

/* ---- pageblock skip hints -------------------------------------------------- */

static int get_pageblock_skip(const struct mm_machine *m, unsigned long pfn)
{
	return m->pageblock_flags[pfn >> m->pageblock_order] & (1u << PB_migrate_skip);
}

static void set_pageblock_skip(struct mm_machine *m, unsigned long pfn)
{
	m->pageblock_flags[pfn >> m->pageblock_order] |= 1u << PB_migrate_skip;
}

static void clear_pageblock_skip(struct mm_machine *m, unsigned long pfn)
{
	m->pageblock_flags[pfn >> m->pageblock_order] &= (uint8_t)~(1u << PB_migrate_skip);
}

static int isolation_suitable(const struct compact_control *cc, unsigned long pfn)
{
	return !get_pageblock_skip(cc->m, pfn);
}

/* forget the hints and the cached scanner positions of a zone */
static void __reset_isolation_suitable(struct mm_machine *m, struct zone *z)
{
	unsigned long start = z->zone_start_pfn, end = zone_end_pfn(z);

	z->compact_cached_migrate_pfn = start;
	z->compact_cached_free_pfn = end;
	z->compact_blockskip_flush = 0;
	for (unsigned long pfn = start; pfn < end; pfn += m->pageblock_nr_pages)
		if (pfn_valid(m, pfn) && page_zone(m, pfn) == z)
			clear_pageblock_skip(m, pfn);
}

void reset_isolation_suitable(struct mm_machine *m)
{
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (populated_zone(z) && z->compact_blockskip_flush)
			__reset_isolation_suitable(m, z);
	}
}

/*
 * A fully scanned block that gave nothing is skipped from now on, and the
 * cached scanner position moves past it while the run has isolated nothing
 * yet, so the next run starts beyond it.
 */
static void update_pageblock_skip(struct compact_control *cc, unsigned long pfn,
				  unsigned long nr_isolated, int migrate_scanner)
{
	struct zone *z = cc->zone;

	if (pfn == MM_NOPFN || nr_isolated)
		return;
	set_pageblock_skip(cc->m, pfn);
	if (migrate_scanner) {
		if (!cc->finished_update_migrate && pfn > z->compact_cached_migrate_pfn)
			z->compact_cached_migrate_pfn = pfn;
	} else {
		if (!cc->finished_update_free && pfn < z->compact_cached_free_pfn)
			z->compact_cached_free_pfn = pfn;
	}
}

/* ---- small predicates ---------------------------------------------------------- */

static unsigned long align_up(unsigned long pfn, unsigned long n)
{
	return (pfn + n - 1) & ~(n - 1);
}

/* the task compaction runs for was chosen by the OOM killer (SIGKILL) */
static int fatal_signal_pending(const struct mm_machine *m)
{
	const struct task *t = m->work.current;

	return t && (t->flags & (TIF_MEMDIE | PF_EXITING));
}

/* a block the free scanner may take pages from */
static int suitable_migration_target(const struct mm_machine *m, unsigned long pfn)
{
	const struct page *p = &m->mem_map[pfn];
	int mt = get_pageblock_migratetype(m, pfn);

	/* neither the min_free_kbytes blocks nor blocks being isolated */
	if (mt == MIGRATE_RESERVE || mt == MIGRATE_ISOLATE)
		return 0;
	/* a free block of a whole pageblock or more may go anywhere */
	if ((p->flags & PG_buddy) && (int)p->private >= m->pageblock_order)
		return 1;
	return mt == MIGRATE_MOVABLE;
}

/* reclaim and compaction together have isolated half the zone's LRU pages */
static int too_many_isolated(const struct zone *z)
{
	unsigned long inactive = zone_page_state(z, NR_INACTIVE_FILE) +
				 zone_page_state(z, NR_INACTIVE_ANON);
	unsigned long active = zone_page_state(z, NR_ACTIVE_FILE) +
			       zone_page_state(z, NR_ACTIVE_ANON);
	unsigned long isolated = zone_page_state(z, NR_ISOLATED_FILE) +
				 zone_page_state(z, NR_ISOLATED_ANON);

	return isolated > (inactive + active) / 2;
}

static int page_lru_index(const struct zone *z, const struct page *p)
{
	for (int l = 0; l < NR_LRU_LISTS; l++)
		if (z->lru[l] == p->list)
			return l;
	return -1;
}

/* still the isolated free page we took (nobody freed it while we paused) */
static int freepage_is_ours(const struct compact_control *cc, unsigned long pfn)
{
	const struct page *p = &cc->m->mem_map[pfn];

	return (p->flags & PG_head) && !(p->flags & (PG_buddy | PG_pcp | PG_lru)) &&
	       p->alloc_order == 0 && p->owner == MM_OWNER(OWNER_INFLIGHT, cc->cpu);
}

/* still the page we took off its LRU list, not freed by its owner since */
static int migratepage_is_ours(const struct mm_machine *m, const struct isolated_page *ip)
{
	const struct page *p = &m->mem_map[ip->pfn];

	return (p->flags & PG_head) && !(p->flags & (PG_buddy | PG_pcp | PG_lru)) &&
	       p->alloc_order == 0 && p->owner == ip->owner;
}

static void trace_compaction(struct mm_machine *m, enum mm_event_type type,
			     unsigned long a, unsigned long b)
{
	struct mm_event ev = { .type = type, .cpu = m->this_cpu, .pfn = MM_NOPFN };

	if (type == MM_EV_COMPACTION_MIGRATEPAGES) {
		ev.nr_migrated = a;
		ev.nr_failed = b;
	} else {
		ev.nr_scanned = a;
		ev.nr_taken = b;
	}

	mm_emit(m, &ev);
}

/* ---- the free scanner ------------------------------------------------------------ */

/*
 * isolate_freepages_block: every free block in [blockpfn, end_pfn) goes
 * onto the free stack as order-0 pages, unless the zone's watermark
 * refuses it (split_free_page).  A free block of a pageblock or more can
 * reach past end_pfn; then the block does not count as fully scanned.
 */
static unsigned long isolate_freepages_block(struct compact_control *cc,
					     unsigned long blockpfn, unsigned long end_pfn)
{
	struct mm_machine *m = cc->m;
	unsigned long nr_scanned = 0, total_isolated = 0, valid = MM_NOPFN;

	for (; blockpfn < end_pfn; blockpfn++) {
		int isolated;

		nr_scanned++;
		if (!pfn_valid(m, blockpfn))
			continue;
		if (valid == MM_NOPFN)
			valid = blockpfn;
		if (!(m->mem_map[blockpfn].flags & PG_buddy))
			continue;
		/* cannot happen: at most 31 + one largest block per call */
		if (cc->nr_freepages + (1 << m->mem_map[blockpfn].private) >
		    (int)(sizeof(cc->freepages) / sizeof(cc->freepages[0])))
			break;
		/* a large free block made the block suitable; this one may not */
		if (!suitable_migration_target(m, blockpfn))
			break;
		isolated = split_free_page(m, blockpfn);
		for (int i = 0; i < isolated; i++)
			cc->freepages[cc->nr_freepages++] = (uint32_t)(blockpfn + (unsigned long)i);
		total_isolated += (unsigned long)isolated;
		if (isolated)
			blockpfn += (unsigned long)isolated - 1;
	}
	if (tracing(m, MM_EV_COMPACTION_ISOLATE_FREEPAGES))
		trace_compaction(m, MM_EV_COMPACTION_ISOLATE_FREEPAGES, nr_scanned, total_isolated);
	if (blockpfn == end_pfn)
		update_pageblock_skip(cc, valid, total_isolated, 0);
	count_vm_events(m, COMPACTFREE_SCANNED, nr_scanned);
	if (total_isolated)
		count_vm_events(m, COMPACTISOLATED, total_isolated);
	return total_isolated;
}

/*
 * isolate_freepages: from the free scanner's pageblock down to the one
 * above the migrate scanner, until there are as many free pages as pages
 * to migrate.  The scanner restarts at the highest block that gave pages
 * (migration frees pages behind it), or stays below the migrate scanner
 * once it crossed it so that compact_finished sees them meet.
 */
static void isolate_freepages(struct compact_control *cc)
{
	struct mm_machine *m = cc->m;
	struct zone *z = cc->zone;
	unsigned long pb = m->pageblock_nr_pages;
	unsigned long pfn = cc->free_pfn & ~(pb - 1);
	unsigned long low_pfn = align_up(cc->migrate_pfn + 1, pb);
	unsigned long high_pfn = low_pfn < pfn ? low_pfn : pfn;
	unsigned long z_end = zone_end_pfn(z);
	int before = cc->nr_freepages;

	if (STAGES(m))
		stage_enter(m, FN_isolate_freepages, "zone %s: pageblocks 0x%lx down to 0x%lx, for %d pages",
			    z->name, pfn, low_pfn, cc->nr_migratepages - cc->nr_freepages);
	for (; pfn >= low_pfn && cc->nr_migratepages > cc->nr_freepages; pfn -= pb) {
		unsigned long end_pfn, isolated;

		if (!pfn_valid(m, pfn) || page_zone(m, pfn) != z)
			continue;
		if (!suitable_migration_target(m, pfn)) {
			if (STAGES(m))
				stage_note(m, FN_isolate_freepages, "pageblock 0x%lx: %s, not a target",
					   pfn, migratetype_names[get_pageblock_migratetype(m, pfn)]);
			continue;
		}
		if (!isolation_suitable(cc, pfn)) {
			if (STAGES(m))
				stage_note(m, FN_isolate_freepages, "pageblock 0x%lx: skip hint set", pfn);
			continue;
		}
		end_pfn = pfn + pb < z_end ? pfn + pb : z_end;
		isolated = isolate_freepages_block(cc, pfn, end_pfn);
		if (STAGES(m))
			stage_note(m, FN_isolate_freepages, "pageblock 0x%lx: %lu free pages isolated",
				   pfn, isolated);
		if (isolated) {
			cc->finished_update_free = 1;
			if (pfn > high_pfn)
				high_pfn = pfn;
		}
	}
	if (pfn < low_pfn)
		cc->free_pfn = pfn > z->zone_start_pfn ? pfn : z->zone_start_pfn;
	else
		cc->free_pfn = high_pfn;
	if (STAGES(m))
		stage_exit(m, FN_isolate_freepages, "%d free pages isolated, free scanner at 0x%lx",
			   cc->nr_freepages - before, cc->free_pfn);
}

/* compaction_alloc: the next isolated free page, isolating more if none is left */
static unsigned long compaction_alloc(struct compact_control *cc)
{
	for (;;) {
		unsigned long pfn;

		if (!cc->nr_freepages) {
			isolate_freepages(cc);
			if (!cc->nr_freepages)
				return MM_NOPFN;
		}
		pfn = cc->freepages[--cc->nr_freepages];
		if (freepage_is_ours(cc, pfn))
			return pfn;
	}
}

/* release_freepages: isolated free pages not used go back as __free_page does */
static unsigned long release_freepages(struct compact_control *cc)
{
	unsigned long count = 0;

	while (cc->nr_freepages) {
		unsigned long pfn = cc->freepages[--cc->nr_freepages];

		if (freepage_is_ours(cc, pfn)) {
			mm_free_pages(cc->m, cc->cpu, pfn, 0);
			count++;
		}
	}
	return count;
}

/* ---- the migrate scanner ---------------------------------------------------------- */

/*
 * __isolate_lru_page for compaction: LRU pages only, never unevictable
 * ones, and async compaction leaves pages under writeback alone (dirty
 * pages are fine: file systems have a ->migratepage).
 */
static int __isolate_lru_page(struct compact_control *cc, const struct page *p)
{
	int lru = page_lru_index(cc->zone, p);

	if (!(p->flags & PG_lru) || lru < 0 || lru == LRU_UNEVICTABLE)
		return -1;
	if (!cc->sync && (p->flags & PG_writeback))
		return -1;
	return 0;
}

static void isolate_page(struct compact_control *cc, unsigned long pfn)
{
	struct page *p = &cc->m->mem_map[pfn];
	struct isolated_page *ip = &cc->migratepages[cc->nr_migratepages++];

	ip->pfn = pfn;
	ip->owner = p->owner;
	ip->lru = page_lru_index(cc->zone, p);
	ip->anon = !!(p->flags & PG_swapbacked);
	del_page_from_lru(cc->m, pfn);
	/* acct_isolated */
	cc->zone->vm_stat[ip->anon ? NR_ISOLATED_ANON : NR_ISOLATED_FILE]++;
}

static void unaccount_isolated(struct compact_control *cc, const struct isolated_page *ip)
{
	cc->zone->vm_stat[ip->anon ? NR_ISOLATED_ANON : NR_ISOLATED_FILE]--;
}

/* putback_lru_page: back to the head of the list it came from */
static void putback_lru_page(struct compact_control *cc, const struct isolated_page *ip)
{
	unaccount_isolated(cc, ip);
	lru_cache_add(cc->m, ip->pfn, (enum lru_list)ip->lru);
}

/* putback_movable_pages: whatever is still isolated goes back */
static void putback_movable_pages(struct compact_control *cc)
{
	for (int i = 0; i < cc->nr_migratepages; i++) {
		if (migratepage_is_ours(cc->m, &cc->migratepages[i]))
			putback_lru_page(cc, &cc->migratepages[i]);
		else
			unaccount_isolated(cc, &cc->migratepages[i]);
	}
	cc->nr_migratepages = 0;
}

/*
 * isolate_migratepages_range: take LRU pages off their lists from low_pfn
 * up to end_pfn (one pageblock), at most COMPACT_CLUSTER_MAX of them.
 * Returns the pfn to continue from, 0 to abort.  Async compaction looks
 * only at MOVABLE pageblocks (it gives up on a block at the first page
 * that is not free, except in pageblock 0: last_pageblock_nr starts at 0).
 */
static unsigned long isolate_migratepages_range(struct compact_control *cc,
						unsigned long low_pfn, unsigned long end_pfn)
{
	struct mm_machine *m = cc->m;
	struct zone *z = cc->zone;
	unsigned long last_pageblock_nr = 0, pageblock_nr = 0;
	unsigned long nr_scanned = 0, nr_isolated = 0, valid = MM_NOPFN;

	if (too_many_isolated(z)) {
		if (!cc->sync) {
			if (STAGES(m))
				stage_note(m, FN_isolate_migratepages, "too many pages isolated: async gives up");
			return 0;
		}
		if (STAGES(m))
			stage_note(m, FN_isolate_migratepages,
				   "too many pages isolated: congestion_wait (the model goes on)");
	}
	for (; low_pfn < end_pfn; low_pfn++) {
		struct page *p;

		if (!(low_pfn & (MAX_ORDER_NR_PAGES - 1)) && !pfn_valid(m, low_pfn)) {
			low_pfn += MAX_ORDER_NR_PAGES - 1;
			continue;
		}
		if (!pfn_valid(m, low_pfn))
			continue;
		nr_scanned++;
		if (page_zone(m, low_pfn) != z)
			continue;
		if (valid == MM_NOPFN)
			valid = low_pfn;
		pageblock_nr = low_pfn >> m->pageblock_order;
		if (!isolation_suitable(cc, low_pfn))
			goto next_pageblock;
		p = &m->mem_map[low_pfn];
		if (p->flags & PG_buddy)
			continue;
		if (!cc->sync && last_pageblock_nr != pageblock_nr &&
		    get_pageblock_migratetype(m, low_pfn) != MIGRATE_MOVABLE) {
			cc->finished_update_migrate = 1;
			goto next_pageblock;
		}
		if (!(p->flags & PG_lru) || !(p->flags & PG_head) || p->alloc_order)
			continue;
		if (fatal_signal_pending(m))
			break;
		if (__isolate_lru_page(cc, p))
			continue;
		isolate_page(cc, low_pfn);
		cc->finished_update_migrate = 1;
		nr_isolated++;
		if (cc->nr_migratepages == COMPACT_CLUSTER_MAX) {
			++low_pfn;
			break;
		}
		continue;
next_pageblock:
		low_pfn = align_up(low_pfn + 1, m->pageblock_nr_pages) - 1;
		last_pageblock_nr = pageblock_nr;
	}
	if (low_pfn == end_pfn)
		update_pageblock_skip(cc, valid, nr_isolated, 1);
	if (tracing(m, MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES))
		trace_compaction(m, MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES, nr_scanned, nr_isolated);
	count_vm_events(m, COMPACTMIGRATE_SCANNED, nr_scanned);
	if (nr_isolated)
		count_vm_events(m, COMPACTISOLATED, nr_isolated);
	return low_pfn;
}

/* isolate_migratepages: one pageblock's worth, never past the free scanner */
static isolate_migrate_t isolate_migratepages(struct compact_control *cc)
{
	struct mm_machine *m = cc->m;
	struct zone *z = cc->zone;
	unsigned long low_pfn = cc->migrate_pfn > z->zone_start_pfn ? cc->migrate_pfn : z->zone_start_pfn;
	unsigned long end_pfn = align_up(low_pfn + 1, m->pageblock_nr_pages);
	unsigned long next;

	if (STAGES(m))
		stage_enter(m, FN_isolate_migratepages, "zone %s: 0x%lx-0x%lx", z->name, low_pfn, end_pfn - 1);
	if (end_pfn > cc->free_pfn || !pfn_valid(m, low_pfn)) {
		cc->migrate_pfn = end_pfn;
		if (STAGES(m))
			stage_exit(m, FN_isolate_migratepages, end_pfn > cc->free_pfn ?
				   "the block reaches the free scanner at 0x%lx: nothing to do" :
				   "not memory: nothing to do", cc->free_pfn);
		return ISOLATE_NONE;
	}
	next = isolate_migratepages_range(cc, low_pfn, end_pfn);
	if (!next || cc->contended) {
		if (STAGES(m))
			stage_exit(m, FN_isolate_migratepages, "abort");
		return ISOLATE_ABORT;
	}
	cc->migrate_pfn = next;
	if (STAGES(m))
		stage_exit(m, FN_isolate_migratepages, "%d pages isolated, migrate scanner at 0x%lx",
			   cc->nr_migratepages, next);
	return ISOLATE_SUCCESS;
}

/* ---- migration ------------------------------------------------------------------------ */

enum { MIGRATE_OK, MIGRATE_EBUSY };

/*
 * unmap_and_move: move one isolated page into new_pfn.  A page under
 * writeback fails unless the mode is MIGRATE_SYNC (compaction never is);
 * a page its owner let go meanwhile counts as done.  Either way a new
 * page that was not used is freed.
 */
static int unmap_and_move(struct compact_control *cc, const struct isolated_page *ip,
			  unsigned long new_pfn, enum migrate_mode mode)
{
	struct mm_machine *m = cc->m;
	struct page *p = &m->mem_map[ip->pfn];

	if (!migratepage_is_ours(m, ip)) {
		unaccount_isolated(cc, ip);
		mm_free_pages(m, cc->cpu, new_pfn, 0);
		count_vm_events(m, PGMIGRATE_SUCCESS, 1);
		return MIGRATE_OK;
	}
	if ((p->flags & PG_writeback) && mode != MIGRATE_SYNC) {
		putback_lru_page(cc, ip);
		mm_free_pages(m, cc->cpu, new_pfn, 0);
		return MIGRATE_EBUSY;
	}
	/* mm_migrate_page moves the page's LRU place: give it back first */
	putback_lru_page(cc, ip);
	if (mm_migrate_page(m, ip->pfn, new_pfn) != MM_OK) {
		mm_free_pages(m, cc->cpu, new_pfn, 0);
		return MIGRATE_EBUSY;
	}
	return MIGRATE_OK;
}

/*
 * migrate_pages: the isolated pages, last isolated first, each into a page
 * from compaction_alloc.  Returns MM_ENOMEM when free pages ran out (the
 * rest stay isolated), else the number that failed.
 */
static int migrate_pages(struct compact_control *cc, enum migrate_mode mode)
{
	struct mm_machine *m = cc->m;
	int nr_succeeded = 0, nr_failed = 0, rc = 0;

	if (STAGES(m))
		stage_enter(m, FN_migrate_pages, "%d pages, %s", cc->nr_migratepages,
			    migrate_mode_names[mode]);
	while (cc->nr_migratepages) {
		struct isolated_page *ip = &cc->migratepages[cc->nr_migratepages - 1];
		unsigned long new_pfn = compaction_alloc(cc);
		unsigned long old_pfn = ip->pfn;

		if (new_pfn == MM_NOPFN) {
			rc = MM_ENOMEM;
			break;
		}
		cc->nr_migratepages--;
		if (unmap_and_move(cc, ip, new_pfn, mode) == MIGRATE_OK) {
			nr_succeeded++;
			if (STAGES(m))
				stage_note(m, FN_migrate_pages, "0x%lx -> 0x%lx", old_pfn, new_pfn);
		} else {
			nr_failed++;
			if (STAGES(m))
				stage_note(m, FN_migrate_pages, "0x%lx: under writeback, put back", old_pfn);
		}
	}
	if (nr_failed)
		count_vm_events(m, PGMIGRATE_FAIL, (unsigned long)nr_failed);
	cc->nr_migrated += (unsigned long)nr_succeeded;
	cc->nr_failed += (unsigned long)nr_failed;
	if (STAGES(m))
		stage_exit(m, FN_migrate_pages, "%d migrated, %d failed%s", nr_succeeded, nr_failed,
			   rc ? ", no free page left" : "");
	return rc ? rc : nr_failed;
}

/* ---- one zone ------------------------------------------------------------------------------ */

static int compact_finished(struct compact_control *cc, char *why, size_t len)
{
	struct mm_machine *m = cc->m;
	struct zone *z = cc->zone;
	unsigned long watermark;

	if (fatal_signal_pending(m)) {
		snprintf(why, len, "fatal signal pending");
		return COMPACT_PARTIAL;
	}
	if (cc->free_pfn <= cc->migrate_pfn) {
		/* kswapd clears the skip hints when it next goes to sleep */
		if (!cc->kswapd)
			z->compact_blockskip_flush = 1;
		snprintf(why, len, "scanners met (free 0x%lx <= migrate 0x%lx)",
			 cc->free_pfn, cc->migrate_pfn);
		return COMPACT_COMPLETE;
	}
	if (cc->order == -1)
		return COMPACT_CONTINUE;
	watermark = z->watermark[WMARK_LOW] + (1UL << cc->order);
	if (!zone_watermark_ok(m, z, cc->order, watermark, 0, 0))
		return COMPACT_CONTINUE;
	for (int o = cc->order; o < MAX_ORDER; o++) {
		struct free_area *area = &z->free_area[o];

		if (!list_empty_id(m, area->free_list[cc->migratetype])) {
			snprintf(why, len, "an order-%d %s block is free", o,
				 migratetype_names[cc->migratetype]);
			return COMPACT_PARTIAL;
		}
		if (o >= m->pageblock_order && area->nr_free) {
			snprintf(why, len, "an order-%d block (a whole pageblock) is free", o);
			return COMPACT_PARTIAL;
		}
	}
	return COMPACT_CONTINUE;
}

/*
 * compaction_suitable: SKIPPED when the zone has too little free memory to
 * migrate into or when an order-N failure would be due to lack of memory
 * (fragmentation index <= 500), PARTIAL when the allocation could succeed
 * already, else CONTINUE.
 */
unsigned long compaction_suitable(struct mm_machine *m, struct zone *z, int order)
{
	unsigned long watermark, free = zone_page_state(z, NR_FREE_PAGES);
	unsigned long ret;
	int fragindex = 0;
	char why[160];

	if (STAGES(m))
		stage_enter(m, FN_compaction_suitable, "zone %s order %d", z->name, order);
	if (order == -1) {
		ret = COMPACT_CONTINUE;
		snprintf(why, sizeof(why), "order -1: the whole zone");
		goto out;
	}
	/* migration needs room for copies: 2 << order above the low mark */
	watermark = z->watermark[WMARK_LOW] + (2UL << order);
	if (!zone_watermark_ok(m, z, 0, watermark, 0, 0)) {
		ret = COMPACT_SKIPPED;
		snprintf(why, sizeof(why), "free %lu <= low %lu + %lu: no room to migrate into",
			 free, z->watermark[WMARK_LOW], 2UL << order);
		goto out;
	}
	fragindex = fragmentation_index(z, (unsigned int)order);
	if (fragindex >= 0 && fragindex <= sysctl_extfrag_threshold) {
		ret = COMPACT_SKIPPED;
		snprintf(why, sizeof(why), "fragindex %d <= %d: short of memory, not fragmented",
			 fragindex, sysctl_extfrag_threshold);
	} else if (fragindex == -1000 && zone_watermark_ok(m, z, order, watermark, 0, 0)) {
		ret = COMPACT_PARTIAL;
		snprintf(why, sizeof(why), "fragindex -1000: an order-%d block is free already", order);
	} else {
		ret = COMPACT_CONTINUE;
		if (fragindex == -1000)
			snprintf(why, sizeof(why), "fragindex -1000 but the order-%d watermark fails", order);
		else
			snprintf(why, sizeof(why), "fragindex %d > %d", fragindex, sysctl_extfrag_threshold);
	}
out:
	if (STAGES(m))
		stage_exit(m, FN_compaction_suitable, "compaction: %s (%s)", compact_names[ret], why);
	return ret;
}

static int compact_zone(struct compact_control *cc)
{
	struct mm_machine *m = cc->m;
	struct zone *z = cc->zone;
	unsigned long start_pfn = z->zone_start_pfn, end_pfn = zone_end_pfn(z);
	enum migrate_mode mode = cc->sync ? MIGRATE_SYNC_LIGHT : MIGRATE_ASYNC;
	char why[128] = "";
	int ret;

	if (STAGES(m))
		stage_enter(m, FN_compact_zone, "zone %s order %d, %s", z->name, cc->order,
			    migrate_mode_names[mode]);
	ret = (int)compaction_suitable(m, z, cc->order);
	if (ret != COMPACT_CONTINUE) {
		if (STAGES(m))
			stage_exit(m, FN_compact_zone, "%s: not run", compact_names[ret]);
		return ret;
	}
	if (compaction_restarting(z, cc->order) && !cc->kswapd) {
		__reset_isolation_suitable(m, z);
		if (STAGES(m))
			stage_note(m, FN_compact_zone, "restarting after maximal deferral: skip hints cleared");
	}
	/*
	 * The cached positions, unless outside the zone.  Boot leaves them 0,
	 * which a zone starting at pfn 0 takes as valid: its runs end at once
	 * ("scanners met") until kswapd resets them, as in 3.10.
	 */
	cc->migrate_pfn = z->compact_cached_migrate_pfn;
	cc->free_pfn = z->compact_cached_free_pfn;
	if (cc->free_pfn < start_pfn || cc->free_pfn > end_pfn) {
		cc->free_pfn = end_pfn & ~(m->pageblock_nr_pages - 1);
		z->compact_cached_free_pfn = cc->free_pfn;
	}
	if (cc->migrate_pfn < start_pfn || cc->migrate_pfn > end_pfn) {
		cc->migrate_pfn = start_pfn;
		z->compact_cached_migrate_pfn = cc->migrate_pfn;
	}
	if (STAGES(m))
		stage_note(m, FN_compact_zone, "migrate scanner from 0x%lx up, free scanner from 0x%lx down",
			   cc->migrate_pfn, cc->free_pfn);
	while ((ret = compact_finished(cc, why, sizeof(why))) == COMPACT_CONTINUE) {
		int nr_migrate, err;

		switch (isolate_migratepages(cc)) {
		case ISOLATE_ABORT:
			ret = COMPACT_PARTIAL;
			snprintf(why, sizeof(why), "isolation aborted");
			putback_movable_pages(cc);
			goto out;
		case ISOLATE_NONE:
			continue;
		case ISOLATE_SUCCESS:
			break;
		}
		nr_migrate = cc->nr_migratepages;
		err = migrate_pages(cc, mode);
		/* as 3.10 counts: pages that failed for good are off the list,
		 * so "failed" is only what was left when free pages ran out */
		if (tracing(m, MM_EV_COMPACTION_MIGRATEPAGES))
			trace_compaction(m, MM_EV_COMPACTION_MIGRATEPAGES,
					 (unsigned long)(nr_migrate - cc->nr_migratepages),
					 (unsigned long)cc->nr_migratepages);
		if (err) {
			putback_movable_pages(cc);
			/* out of free pages before the scanners met */
			if (err == MM_ENOMEM && cc->free_pfn > cc->migrate_pfn) {
				ret = COMPACT_PARTIAL;
				snprintf(why, sizeof(why), "no free pages left to migrate into");
				goto out;
			}
		}
	}
out:
	release_freepages(cc);
	if (STAGES(m))
		stage_exit(m, FN_compact_zone, "%s: %s; %lu pages migrated, %lu failed",
			   compact_names[ret], why, cc->nr_migrated, cc->nr_failed);
	return ret;
}

static void compact_control_init(struct compact_control *cc, struct mm_machine *m,
				 int order, int migratetype, int sync, int kswapd)
{
	cc->m = m;
	cc->zone = NULL;
	cc->nr_freepages = cc->nr_migratepages = 0;
	cc->order = order;
	cc->migratetype = migratetype;
	cc->sync = sync;
	cc->kswapd = kswapd;
	cc->cpu = m->this_cpu;
	cc->contended = 0;
	cc->finished_update_free = cc->finished_update_migrate = 0;
	cc->nr_migrated = cc->nr_failed = 0;
}

static unsigned long compact_zone_order(struct mm_machine *m, struct zone *z, int order,
					gfp_t gfp, int sync, int *contended)
{
	struct compact_control cc;
	int ret;

	compact_control_init(&cc, m, order, allocflags_to_migratetype(m, gfp), sync, 0);
	cc.zone = z;
	if (STAGES(m))
		stage_enter(m, FN_compact_zone_order, "zone %s order %d for a %s allocation",
			    z->name, order, migratetype_names[cc.migratetype]);
	ret = compact_zone(&cc);
	*contended = cc.contended;
	if (STAGES(m))
		stage_exit(m, FN_compact_zone_order, "%s", compact_names[ret]);
	return (unsigned long)ret;
}

/*
 * try_to_compact_pages: direct compaction for a failed order-N allocation.
 * Every zone the allocation may use, in zonelist order, until one meets
 * its low watermark at order N; the best result wins.  Needs __GFP_FS and
 * __GFP_IO (migration may have to write pages) and an order above 0.
 */
unsigned long try_to_compact_pages(struct mm_machine *m, int order, gfp_t gfp, int sync,
				   int *contended)
{
	int kind = gfp_zone_kind(gfp);
	int high_zoneidx = kind < 0 ? -1 : m->zone_of_type[kind];
	unsigned long rc = COMPACT_SKIPPED;

	*contended = 0;
	if (STAGES(m))
		stage_enter(m, FN_try_to_compact_pages, "order %d, gfp 0x%x, %s", order, gfp,
			    sync ? "sync" : "async");
	if (!order || !(gfp & __GFP_FS) || !(gfp & __GFP_IO)) {
		if (STAGES(m))
			stage_exit(m, FN_try_to_compact_pages, "compaction: COMPACT_SKIPPED (%s)",
				   !order ? "order 0" : "gfp lacks __GFP_FS or __GFP_IO");
		return rc;
	}
	count_vm_events(m, COMPACTSTALL, 1);
	for (int *zi = m->node.zonelist; *zi >= 0; zi++) {
		struct zone *z = &m->node.node_zones[*zi];
		unsigned long status;

		if (*zi > high_zoneidx || !populated_zone(z))
			continue;
		status = compact_zone_order(m, z, order, gfp, sync, contended);
		if (status > rc)
			rc = status;
		/* a normal allocation would succeed now */
		if (zone_watermark_ok(m, z, order, z->watermark[WMARK_LOW], 0, 0)) {
			if (STAGES(m))
				stage_note(m, FN_try_to_compact_pages, "zone %s meets its low watermark at order %d: stop",
					   z->name, order);
			break;
		}
	}
	if (STAGES(m))
		stage_exit(m, FN_try_to_compact_pages, "compaction: %s", compact_names[rc]);
	return rc;
}

/* ---- whole nodes: kswapd and vm.compact_memory ------------------------------------------- */

/*
 * __compact_pgdat: every populated zone, lowest first, sharing one
 * compact_control as the kernel does (its update flags carry over).  For
 * an order, a zone that now meets its low watermark raises
 * compact_order_failed; a sync run that did not get there defers.
 */
static void __compact_pgdat(struct compact_control *cc)
{
	struct mm_machine *m = cc->m;

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z))
			continue;
		cc->nr_freepages = cc->nr_migratepages = 0;
		cc->zone = z;
		if (cc->order == -1 || !compaction_deferred(z, cc->order))
			compact_zone(cc);
		else if (STAGES(m))
			stage_note(m, cc->kswapd ? FN_compact_pgdat : FN_compact_node,
				   "zone %s: deferred (%u of %u attempts skipped)", z->name,
				   z->compact_considered, 1u << z->compact_defer_shift);
		if (cc->order > 0) {
			int ok = zone_watermark_ok(m, z, cc->order, z->watermark[WMARK_LOW], 0, 0);

			if (ok && cc->order >= z->compact_order_failed)
				z->compact_order_failed = cc->order + 1;
			else if (!ok && cc->sync)
				defer_compaction(z, cc->order);
		}
	}
}

/* kswapd after balancing a node for an order > 0: async, no deferring */
void compact_pgdat(struct mm_machine *m, int order)
{
	struct compact_control cc;

	compact_control_init(&cc, m, order, MIGRATE_UNMOVABLE, 0, 1);
	if (STAGES(m))
		stage_enter(m, FN_compact_pgdat, "node %d order %d", m->node.node_id, order);
	__compact_pgdat(&cc);
	if (STAGES(m))
		stage_exit(m, FN_compact_pgdat, "%lu pages migrated, %lu failed", cc.nr_migrated,
			   cc.nr_failed);
}

/*
 * echo 1 > /proc/sys/vm/compact_memory: compact_nodes -> compact_node,
 * every zone as a whole (order -1), MIGRATE_SYNC_LIGHT.  The value written
 * does not matter.  Freed pages go to the current cpu's pcp lists.
 */
int mm_compact_memory(struct mm_machine *m, int cpu)
{
	struct compact_control cc;

	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	if (mm_busy(m))
		return MM_EBUSY;
	m->this_cpu = cpu;
	compact_control_init(&cc, m, -1, MIGRATE_UNMOVABLE, 1, 0);
	if (STAGES(m))
		stage_enter(m, FN_compact_node, "node %d: every zone, order -1", m->node.node_id);
	__compact_pgdat(&cc);
	if (STAGES(m))
		stage_exit(m, FN_compact_node, "%lu pages migrated, %lu failed", cc.nr_migrated,
			   cc.nr_failed);
	return MM_OK;
}

/* ---- /sys/kernel/debug/extfrag (mm/vmstat.c's extfrag_debug_init) ------------------------ */

/* how much of the free memory is in blocks too small for the order: 0 .. 1000 */
static int unusable_free_index(unsigned int order, const struct contig_page_info *info)
{
	if (!info->free_pages)
		return 1000;
	return (int)((info->free_pages - (info->free_blocks_suitable << order)) * 1000ULL /
		     info->free_pages);
}

/*
 * extfrag_index and unusable_index: per populated zone, one index per
 * order printed as "%d.%03d " (-1000, "a block is free", as -1.000).  The
 * text belongs with vmstat.c's /proc files; it lives next to
 * fragmentation_index until that table takes it.
 */
int mm_extfrag_show(struct mm_machine *m, const char *name, struct mm_buf *out)
{
	int extfrag = !strcmp(name, "extfrag_index");

	if (!extfrag && strcmp(name, "unusable_index"))
		return MM_ENOENT;
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z))
			continue;
		mm_buf_printf(out, "Node %d, zone %8s ", m->node.node_id, z->name);
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			struct contig_page_info info;
			int index;

			fill_contig_page_info(z, order, &info);
			index = extfrag ? fragmentation_index(z, order) : unusable_free_index(order, &info);
			mm_buf_printf(out, "%d.%03d ", index / 1000, index % 1000);
		}
		mm_buf_printf(out, "\n");
	}
	return MM_OK;
}
