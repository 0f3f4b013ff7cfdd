/*
 * test_compaction.c - 3.10 compaction: a fragmented zone with plenty of
 * free memory but no order-4 block gets one, the owners follow their
 * pages, the counters and tracepoints add up; fragmentation_index and the
 * deferral rules against numbers worked by hand from mm/vmstat.c and
 * include/linux/compaction.h.
 *
 * The test machine has one 32 MiB Normal zone starting at pfn 0x1000: a
 * zone starting at pfn 0 would meet 3.10's quirk that its never-set
 * cached scanner positions (0, 0) look valid, so its first runs stop at
 * once (test_zone_at_pfn_0 shows it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "boot.h"

static const char *const machine_text =
	"arch x86_64\ncpus 2\n"
	"zone Normal start_pfn=0x1000 pages=0x2000\n"
	"slab none\n";

#define NOWAIT (GFP_NOWAIT | __GFP_NOWARN | __GFP_NO_KSWAPD)


#define CHECK(m)                                                         \
	do {                                                             \
		int rc_ = mm_check(m);                                   \
		if (rc_)                                                 \
			print_message("mm_check: %s\n", (m)->err);      \
		assert_int_equal(rc_, 0);                                \
	} while (0)

static struct zone *normal(struct mm_machine *m)
{
	struct zone *z = mm_zone_by_name(m, "Normal");

	assert_non_null(z);
	return z;
}

static unsigned long ev(struct mm_machine *m, enum vm_event_item i)
{
	return m->vm_events[i];
}

/* free blocks of order >= o in the zone */
static unsigned long blocks_from(struct zone *z, int o)
{
	unsigned long n = 0;

	for (; o < MAX_ORDER; o++)
		n += z->free_area[o].nr_free;
	return n;
}

/* munmap of one page: the pte goes, the page is freed */
static void unmap_page(struct mm_machine *m, struct task *t, unsigned long vpn)
{
	unsigned long pfn = t->pte[vpn] & ~PTE_PRESENT;

	page_zone(m, pfn)->vm_stat[NR_ANON_PAGES]--;
	t->pte[vpn] = PTE_NONE;
	t->rss_anon--;
	put_page_free(m, pfn);
}

/* truncate of one page cache page */
static void drop_cache_page(struct mm_machine *m, unsigned long index)
{
	unsigned long pfn = m->work.file.pages[index] - 1;

	delete_from_page_cache(m, pfn);
	put_page_free(m, pfn);
}

/* keep(pfn) says which pages stay */
typedef int (*keep_fn)(unsigned long pfn);

static int keep_even(unsigned long pfn)
{
	return !(pfn & 1);
}

static int keep_upper_half_of_16(unsigned long pfn)
{
	return (pfn & 15) >= 8;
}

/*
 * Fill the zone with anonymous pages (half) and page cache (the rest), with
 * the watermarks at 0 so that nothing is left, then free the pages keep()
 * rejects and whatever free block of order >= 4 is still around.
 */
static struct task *fragment(struct mm_machine *m, keep_fn keep)
{
	struct zone *z = normal(m);
	int saved = m->min_free_kbytes;
	unsigned long added, half;
	struct task *t;
	struct mm_alloc_result r;

	assert_int_equal(mm_set_min_free_kbytes(m, 0), 0);
	half = zone_page_state(z, NR_FREE_PAGES) / 2;
	assert_int_equal(task_spawn(m, "frag", half, GFP_HIGHUSER_MOVABLE, &t), 0);
	mm_pagecache_add(m, 1UL << 20, 0, &added); /* until it fails */
	assert_true(added > half / 2);
	CHECK(m);
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++)
		if ((t->pte[vpn] & PTE_PRESENT) && !keep(t->pte[vpn] & ~PTE_PRESENT))
			unmap_page(m, t, vpn);
	for (unsigned long i = 0; i < m->work.file.nr; i++)
		if (m->work.file.pages[i] && !keep(m->work.file.pages[i] - 1))
			drop_cache_page(m, i);
	drain_all_pages(m);
	/* what the pcp lists held at the end may have merged: pin it */
	while (blocks_from(z, 4))
		assert_int_equal(mm_alloc_pages(m, 0, GFP_HIGHUSER_MOVABLE, 4,
						MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(mm_set_min_free_kbytes(m, saved), 0);
	CHECK(m);
	return t;
}

/* every present pte and cache slot names a page that names it back */
static void check_owners(struct mm_machine *m, struct task *t)
{
	unsigned long lru = 0;
	struct zone *z = normal(m);

	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++) {
		struct page *p;

		if (!(t->pte[vpn] & PTE_PRESENT))
			continue;
		p = &m->mem_map[t->pte[vpn] & ~PTE_PRESENT];
		assert_int_equal(p->owner, MM_OWNER(OWNER_ANON, t->pid));
		assert_int_equal(p->private, vpn);
		assert_true(p->flags & PG_lru);
		assert_true(p->flags & PG_swapbacked);
	}
	for (unsigned long i = 0; i < m->work.file.nr; i++) {
		struct page *p;

		if (!m->work.file.pages[i])
			continue;
		p = &m->mem_map[m->work.file.pages[i] - 1];
		assert_int_equal(p->owner, MM_OWNER(OWNER_PAGECACHE, 0));
		assert_int_equal(p->private, i);
		assert_true(p->flags & PG_lru);
	}
	for (int l = 0; l < NR_LRU_LISTS; l++) {
		assert_int_equal(m->lists[z->lru[l]].nr, zone_page_state(z, NR_LRU_BASE + l));
		lru += m->lists[z->lru[l]].nr;
	}
	assert_int_equal(lru, t->rss_anon + m->work.file.nrpages);
	assert_int_equal(zone_page_state(z, NR_ANON_PAGES), t->rss_anon);
	assert_int_equal(zone_page_state(z, NR_FILE_PAGES), m->work.file.nrpages);
	assert_int_equal(z->vm_stat[NR_ISOLATED_ANON], 0);
	assert_int_equal(z->vm_stat[NR_ISOLATED_FILE], 0);
}

/* where each page is now: [0, nr_pte) the task's, then the cache's */
static unsigned long *snapshot(struct mm_machine *m, struct task *t, unsigned long *n)
{
	unsigned long *s;

	*n = t->nr_pte + m->work.file.nr;
	s = calloc(*n, sizeof(*s));
	assert_non_null(s);
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++)
		s[vpn] = t->pte[vpn] & PTE_PRESENT ? t->pte[vpn] & ~PTE_PRESENT : MM_NOPFN;
	for (unsigned long i = 0; i < m->work.file.nr; i++)
		s[t->nr_pte + i] = m->work.file.pages[i] ? m->work.file.pages[i] - 1 : MM_NOPFN;
	return s;
}

/* ---- the issue: an order-4 block out of a fragmented zone ------------------------ */

/* observer: tracepoint sums and stage nesting */
struct watch {
	unsigned long mig_scanned, mig_taken, free_scanned, free_taken, migrated, failed;
	int depth, max_depth, enters, exits;
	int suitable_seen;
	char suitable[160];
};

static void watch_event(struct mm_machine *m, const struct mm_event *e, void *ctx)
{
	struct watch *w = ctx;

	(void)m;
	switch (e->type) {
	case MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES:
		w->mig_scanned += e->nr_scanned;
		w->mig_taken += e->nr_taken;
		break;
	case MM_EV_COMPACTION_ISOLATE_FREEPAGES:
		w->free_scanned += e->nr_scanned;
		w->free_taken += e->nr_taken;
		break;
	case MM_EV_COMPACTION_MIGRATEPAGES:
		w->migrated += e->nr_migrated;
		w->failed += e->nr_failed;
		break;
	case MM_EV_STAGE_ENTER:
		assert_int_equal(e->depth, w->depth);
		w->depth++;
		w->enters++;
		if (w->depth > w->max_depth)
			w->max_depth = w->depth;
		break;
	case MM_EV_STAGE_EXIT:
		w->depth--;
		w->exits++;
		assert_int_equal(e->depth, w->depth);
		if (e->func == FN_compaction_suitable && !w->suitable_seen++)
			mm_reason_format(e->reason, w->suitable, sizeof(w->suitable));
		break;
	default:
		break;
	}
}

static void test_direct_compaction_makes_order4(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	struct zone *z = normal(m);
	struct task *t;
	struct watch w = { 0 };
	unsigned long before[NR_VM_EVENT_ITEMS], *old, *now, n, moved = 0, free0;
	int contended = 1, fi;
	unsigned long rc;
	struct mm_alloc_result r;

	(void)state;
	t = fragment(m, keep_even);
	free0 = zone_page_state(z, NR_FREE_PAGES);
	fi = fragmentation_index(z, 4);
	print_message("fragmented: %lu free pages in %lu blocks (%lu of order 0); fragindex(4) %d\n",
		      free0, blocks_from(z, 0), z->free_area[0].nr_free, fi);
	/* plenty free, nothing of order 4, and the index blames fragmentation */
	assert_true(free0 > z->watermark[WMARK_LOW] + 1000);
	assert_int_equal(blocks_from(z, 4), 0);
	assert_true(fi > 900);
	/* GFP_NOWAIT: no slow path worth the name, no compaction */
	assert_int_not_equal(mm_alloc_pages(m, 0, NOWAIT, 4, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	CHECK(m);
	assert_int_equal(compaction_suitable(m, z, 4), COMPACT_CONTINUE);

	old = snapshot(m, t, &n);
	memcpy(before, m->vm_events, sizeof(before));
	mm_set_observer(m, watch_event, &w, MM_EV_ALL_TRACEPOINTS | MM_EV_STAGES);
	m->this_cpu = 0;
	rc = try_to_compact_pages(m, 4, GFP_KERNEL, 0, &contended);
	mm_set_observer(m, NULL, NULL, 0);
	CHECK(m);
	assert_true(rc == COMPACT_PARTIAL || rc == COMPACT_COMPLETE);
	assert_int_equal(contended, 0);

	/* the slow path drains this cpu's pcp lists before it retries */
	drain_pages(m, 0);
	CHECK(m);
	print_message("after async compaction (%s): order>=4 blocks %lu, fragindex(4) %d, "
		      "migrated %lu, scanned %lu+%lu, isolated %lu\n",
		      rc == COMPACT_PARTIAL ? "COMPACT_PARTIAL" : "COMPACT_COMPLETE",
		      blocks_from(z, 4), fragmentation_index(z, 4),
		      ev(m, PGMIGRATE_SUCCESS) - before[PGMIGRATE_SUCCESS],
		      ev(m, COMPACTMIGRATE_SCANNED) - before[COMPACTMIGRATE_SCANNED],
		      ev(m, COMPACTFREE_SCANNED) - before[COMPACTFREE_SCANNED],
		      ev(m, COMPACTISOLATED) - before[COMPACTISOLATED]);
	assert_true(blocks_from(z, 4) > 0);
	assert_int_equal(fragmentation_index(z, 4), -1000);

	/* the owners' maps point at the new pages */
	check_owners(m, t);
	now = snapshot(m, t, &n);
	for (unsigned long i = 0; i < n; i++) {
		assert_true((old[i] == MM_NOPFN) == (now[i] == MM_NOPFN));
		if (old[i] != now[i]) {
			moved++;
			/* moved up, to the free scanner's side */
			assert_true(now[i] > old[i]);
		}
	}
	free(old);
	free(now);

	/* counters */
	assert_int_equal(ev(m, COMPACTSTALL) - before[COMPACTSTALL], 1);
	assert_int_equal(ev(m, PGMIGRATE_SUCCESS) - before[PGMIGRATE_SUCCESS], moved);
	assert_int_equal(ev(m, PGMIGRATE_FAIL) - before[PGMIGRATE_FAIL], 0);
	assert_true(moved > 0);
	assert_true(ev(m, COMPACTISOLATED) - before[COMPACTISOLATED] >= 2 * moved);
	assert_int_equal(ev(m, COMPACTSUCCESS), before[COMPACTSUCCESS]);
	/* the tracepoints say the same */
	assert_int_equal(w.mig_scanned, ev(m, COMPACTMIGRATE_SCANNED) - before[COMPACTMIGRATE_SCANNED]);
	assert_int_equal(w.free_scanned, ev(m, COMPACTFREE_SCANNED) - before[COMPACTFREE_SCANNED]);
	assert_int_equal(w.mig_taken + w.free_taken, ev(m, COMPACTISOLATED) - before[COMPACTISOLATED]);
	assert_int_equal(w.mig_taken, moved);
	assert_int_equal(w.migrated, moved);
	assert_int_equal(w.failed, 0);
	/* stage points nest and close */
	assert_int_equal(w.depth, 0);
	assert_int_equal(w.enters, w.exits);
	assert_true(w.max_depth >= 4);
	print_message("compaction_suitable said: %s\n", w.suitable);
	assert_true(strncmp(w.suitable, "compaction: COMPACT_CONTINUE (fragindex ", 40) == 0);

	/* and now the order-4 request succeeds without compacting */
	assert_int_equal(mm_alloc_pages(m, 0, NOWAIT, 4, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	CHECK(m);
	mm_machine_destroy(m);
}

/* pageblocks of the zone with PB_migrate_skip (bit 3 of the flags byte) */
static int skip_hints(struct mm_machine *m, struct zone *z)
{
	int n = 0;

	for (unsigned long pfn = z->zone_start_pfn; pfn < zone_end_pfn(z); pfn += m->pageblock_nr_pages)
		n += !!(m->pageblock_flags[pfn >> m->pageblock_order] & 8);
	return n;
}

/* echo 1 > /proc/sys/vm/compact_memory: the whole zone, skip hints */
static void test_compact_memory(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	struct zone *z = normal(m);
	struct task *t;
	unsigned long migrated, top;

	(void)state;
	t = fragment(m, keep_even);
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	drain_all_pages(m);
	CHECK(m);
	check_owners(m, t);
	migrated = ev(m, PGMIGRATE_SUCCESS);
	top = 0;
	for (int o = 0; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			top = (unsigned long)o;
	print_message("compact_memory: %lu pages migrated, largest free block order %lu, "
		      "%lu blocks of order >= 4, stall %lu\n",
		      migrated, top, blocks_from(z, 4), ev(m, COMPACTSTALL));
	assert_true(migrated > 1000);
	assert_true(top >= 9);
	assert_int_equal(ev(m, COMPACTSTALL), 0); /* only direct compaction stalls */
	/* the run was complete: kswapd is asked to clear the skip hints */
	assert_int_equal(z->compact_blockskip_flush, 1);
	assert_true(skip_hints(m, z) > 0);

	/* a second run finds little left to do */
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	print_message("second run: %lu pages migrated, %d blocks with the skip hint\n",
		      ev(m, PGMIGRATE_SUCCESS) - migrated, skip_hints(m, z));
	assert_true(ev(m, PGMIGRATE_SUCCESS) - migrated < migrated / 10);
	/* kswapd going to sleep clears the hints and the cached positions */
	reset_isolation_suitable(m);
	assert_int_equal(z->compact_blockskip_flush, 0);
	assert_int_equal(skip_hints(m, z), 0);
	assert_int_equal(z->compact_cached_migrate_pfn, z->zone_start_pfn);
	assert_int_equal(z->compact_cached_free_pfn, zone_end_pfn(z));
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	drain_all_pages(m);
	CHECK(m);
	check_owners(m, t);
	mm_machine_destroy(m);
}

/* free memory in half-size blocks: the index blames lack of memory */
static void test_suitable_skips_low_memory(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	struct zone *z = normal(m);
	int contended, fi;
	unsigned long before;

	(void)state;
	fragment(m, keep_upper_half_of_16);
	fi = fragmentation_index(z, 4);
	print_message("order-3 blocks only: %lu free, fragindex(4) %d\n",
		      zone_page_state(z, NR_FREE_PAGES), fi);
	assert_true(fi >= 0 && fi <= 500);
	assert_int_equal(compaction_suitable(m, z, 4), COMPACT_SKIPPED);
	before = ev(m, COMPACTMIGRATE_SCANNED);
	assert_int_equal(try_to_compact_pages(m, 4, GFP_KERNEL, 1, &contended), COMPACT_SKIPPED);
	assert_int_equal(ev(m, COMPACTMIGRATE_SCANNED), before);
	assert_int_equal(ev(m, COMPACTSTALL), 1);
	/* order 3 is there already */
	assert_int_equal(compaction_suitable(m, z, 3), COMPACT_PARTIAL);
	CHECK(m);
	mm_machine_destroy(m);
}

static void test_skipped(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	struct zone *z = normal(m);
	int contended;
	unsigned long free;

	(void)state;
	/* order 0, or no __GFP_FS / __GFP_IO: not even a stall */
	assert_int_equal(try_to_compact_pages(m, 0, GFP_KERNEL, 1, &contended), COMPACT_SKIPPED);
	assert_int_equal(try_to_compact_pages(m, 4, GFP_NOFS, 1, &contended), COMPACT_SKIPPED);
	assert_int_equal(try_to_compact_pages(m, 4, GFP_NOIO, 1, &contended), COMPACT_SKIPPED);
	assert_int_equal(try_to_compact_pages(m, 4, GFP_ATOMIC, 1, &contended), COMPACT_SKIPPED);
	assert_int_equal(ev(m, COMPACTSTALL), 0);
	/* a fresh zone has the block already */
	assert_int_equal(compaction_suitable(m, z, 4), COMPACT_PARTIAL);
	assert_int_equal(try_to_compact_pages(m, 4, GFP_KERNEL, 1, &contended), COMPACT_PARTIAL);
	assert_int_equal(ev(m, COMPACTSTALL), 1);
	assert_int_equal(ev(m, COMPACTMIGRATE_SCANNED), 0);
	/* order -1 always runs */
	assert_int_equal(compaction_suitable(m, z, -1), COMPACT_CONTINUE);
	/* below low + 2<<order: no room to migrate into */
	free = zone_page_state(z, NR_FREE_PAGES);
	assert_int_equal(mm_set_min_free_kbytes(m, (long)(free - 16) * 4 * 4 / 5), 0);
	assert_true(free > z->watermark[WMARK_LOW] && free <= z->watermark[WMARK_LOW] + 32);
	assert_int_equal(compaction_suitable(m, z, 4), COMPACT_SKIPPED);
	assert_int_equal(compaction_suitable(m, z, 2), COMPACT_PARTIAL);
	CHECK(m);
	mm_machine_destroy(m);
}

/* pages under writeback: async leaves them, sync takes them and fails */
static void test_writeback(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	struct task *t;
	unsigned long wb = 0, *old, *now, n, fail0;
	int contended;

	(void)state;
	t = fragment(m, keep_even);
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn += 3)
		if (t->pte[vpn] & PTE_PRESENT) {
			m->mem_map[t->pte[vpn] & ~PTE_PRESENT].flags |= PG_writeback;
			wb++;
		}
	old = snapshot(m, t, &n);
	fail0 = ev(m, PGMIGRATE_FAIL);
	try_to_compact_pages(m, 4, GFP_KERNEL, 0, &contended);
	CHECK(m);
	assert_int_equal(ev(m, PGMIGRATE_FAIL), fail0);
	now = snapshot(m, t, &n);
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn += 3)
		assert_int_equal(old[vpn], now[vpn]);
	free(now);
	/* sync: isolated, then -EBUSY, back on the LRU where they were */
	normal(m)->compact_blockskip_flush = 1;
	reset_isolation_suitable(m);
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	CHECK(m);
	check_owners(m, t);
	print_message("%lu pages under writeback, sync compaction failed %lu\n", wb,
		      ev(m, PGMIGRATE_FAIL) - fail0);
	assert_true(ev(m, PGMIGRATE_FAIL) > fail0);
	now = snapshot(m, t, &n);
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn += 3)
		assert_int_equal(old[vpn], now[vpn]);
	free(old);
	free(now);
	mm_machine_destroy(m);
}

/* 3.10 never sets the cached positions: (0, 0) is "valid" in a zone at pfn 0 */
static void test_zone_at_pfn_0(void **state)
{
	struct mm_machine *m = boot_text("preset tiny\nslab none\n");
	struct zone *z = normal(m);

	(void)state;
	assert_int_equal(z->zone_start_pfn, 0);
	fragment(m, keep_even);
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	assert_int_equal(ev(m, PGMIGRATE_SUCCESS), 0);
	assert_int_equal(ev(m, COMPACTMIGRATE_SCANNED), 0);
	assert_int_equal(z->compact_blockskip_flush, 1);
	/* kswapd going to sleep sets them up */
	reset_isolation_suitable(m);
	assert_int_equal(mm_compact_memory(m, 0), MM_OK);
	assert_true(ev(m, PGMIGRATE_SUCCESS) > 0);
	drain_all_pages(m);
	assert_true(blocks_from(z, 4) > 0);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- fragmentation_index (mm/vmstat.c) ------------------------------------------- */

static int fragindex(const unsigned long nr_free[MAX_ORDER], unsigned int order)
{
	struct zone z;

	memset(&z, 0, sizeof(z));
	for (int o = 0; o < MAX_ORDER; o++)
		z.free_area[o].nr_free = nr_free[o];
	return fragmentation_index(&z, order);
}

static void test_fragmentation_index(void **state)
{
	/* 1000 - (1000 + free_pages * 1000 / 2^order) / free_blocks_total */
	static const struct {
		unsigned long nr_free[MAX_ORDER];
		unsigned int order;
		int index;
	} v[] = {
		{ { 0 }, 4, 0 },                       /* nothing free */
		{ { 4000 }, 4, 938 },                  /* 1000 - 251000 / 4000 */
		{ { 4000 }, 1, 500 },                  /* 1000 - 2001000 / 4000 */
		{ { 10, 5 }, 2, 600 },                 /* 20 pages: 1000 - 6000 / 15 */
		{ { 0, 0, 0, 512 }, 4, 499 },          /* 1000 - 257000 / 512 */
		{ { 0, 0, 0, 2 }, 4, 0 },              /* 1000 - 2000 / 2 */
		{ { 0, 0, 0, 1 }, 4, -500 },           /* one half-size block: below 0 */
		{ { 100, 0, 0, 0, 0, 1 }, 4, -1000 },  /* an order-5 block would do */
		{ { 0, 0, 0, 0, 1 }, 4, -1000 },
		{ { 1000, 1000, 1000 }, 10, 998 },     /* 7000 pages: 1000 - 7835 / 3000 */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		int got = fragindex(v[i].nr_free, v[i].order);

		if (got != v[i].index)
			print_message("vector %zu: got %d, want %d\n", i, got, v[i].index);
		assert_int_equal(got, v[i].index);
	}
}

/* ---- deferral (include/linux/compaction.h) ------------------------------------------ */

static void test_deferral(void **state)
{
	struct zone z;

	(void)state;
	memset(&z, 0, sizeof(z));
	/* 3.10 zone init leaves compact_order_failed 0: every order counts */
	assert_int_equal(compaction_deferred(&z, 4), 0);
	assert_int_equal(z.compact_considered, 1);

	/* each failure doubles the attempts skipped: 1, 3, 7, ... 63 */
	for (unsigned int shift = 1; shift <= 8; shift++) {
		unsigned int limit = 1u << (shift > COMPACT_MAX_DEFER_SHIFT ? COMPACT_MAX_DEFER_SHIFT : shift);

		defer_compaction(&z, 4);
		assert_int_equal(z.compact_considered, 0);
		assert_int_equal(z.compact_defer_shift, shift > 6 ? 6 : shift);
		assert_int_equal(z.compact_order_failed, 0); /* min(0, 4) */
		for (unsigned int i = 1; i < limit; i++)
			assert_int_equal(compaction_deferred(&z, 4), 1);
		assert_int_equal(compaction_deferred(&z, 9), 0); /* the limit-th: run */
		assert_int_equal(compaction_deferred(&z, 4), 0); /* capped, runs again */
		assert_int_equal(z.compact_considered, limit);
	}

	/* success at order 4 (the slow path): reset, failed order above it */
	z.compact_considered = 0;
	z.compact_defer_shift = 0;
	z.compact_order_failed = 5;
	defer_compaction(&z, 6); /* a failure above leaves it */
	assert_int_equal(z.compact_order_failed, 5);
	assert_int_equal(z.compact_defer_shift, 1);
	/* below compact_order_failed nothing is deferred or counted */
	assert_int_equal(compaction_deferred(&z, 4), 0);
	assert_int_equal(z.compact_considered, 0);
	assert_int_equal(compaction_deferred(&z, 5), 1);
	assert_int_equal(z.compact_considered, 1);
	/* a failure at order 3 lowers it */
	defer_compaction(&z, 3);
	assert_int_equal(z.compact_order_failed, 3);
	assert_int_equal(z.compact_defer_shift, 2);
	assert_int_equal(compaction_deferred(&z, 3), 1);
}

/* ---- random work with compaction in between, checked after every step ---------------- */

static void test_random(void **state)
{
	struct mm_machine *m = boot_text(machine_text);
	const char *env = getenv("MM_TEST_OPS");
	long ops = env ? atol(env) / 500 : 2000;
	unsigned long seed = 12345;
	int contended;

	(void)state;
	for (long i = 0; i < ops; i++) {
		unsigned long r;
		struct task *t;
		unsigned long added;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		r = seed >> 33;
		switch (r % 8) {
		case 0:
		case 1:
			task_spawn(m, "w", 1 + r % 300, 0, &t);
			break;
		case 2:
			mm_pagecache_add(m, 1 + r % 200, (r >> 8) & 1, &added);
			break;
		case 3:
			for (t = m->work.tasks; t; t = t->next)
				if ((r >> 10) % 3 == 0) {
					task_exit(m, t);
					break;
				}
			break;
		case 4:
			for (unsigned long j = r % 7; j < m->work.file.nr; j += 5)
				if (m->work.file.pages[j])
					drop_cache_page(m, j);
			break;
		case 5:
			try_to_compact_pages(m, 1 + (int)(r % 9), (r >> 12) & 1 ? GFP_KERNEL : GFP_HIGHUSER_MOVABLE,
					     (int)((r >> 13) & 1), &contended);
			break;
		case 6:
			if ((r >> 14) % 4 == 0)
				mm_compact_memory(m, 0);
			else
				reset_isolation_suitable(m);
			break;
		case 7:
			drain_all_pages(m);
			break;
		}
		CHECK(m);
	}
	for (struct task *t = m->work.tasks; t; t = t->next) {
		for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++)
			if (t->pte[vpn] & PTE_PRESENT)
				assert_int_equal(m->mem_map[t->pte[vpn] & ~PTE_PRESENT].owner,
						 MM_OWNER(OWNER_ANON, t->pid));
	}
	print_message("random: %lu pages migrated, %lu compaction stalls\n",
		      ev(m, PGMIGRATE_SUCCESS), ev(m, COMPACTSTALL));
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragmentation_index),
		cmocka_unit_test(test_deferral),
		cmocka_unit_test(test_skipped),
		cmocka_unit_test(test_direct_compaction_makes_order4),
		cmocka_unit_test(test_compact_memory),
		cmocka_unit_test(test_suitable_skips_low_memory),
		cmocka_unit_test(test_writeback),
		cmocka_unit_test(test_zone_at_pfn_0),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
