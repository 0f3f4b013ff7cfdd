/*
 * test_vmscan.c - reclaim against 3.10's rules (mm/vmscan.c): what direct
 * reclaim frees and what it leaves, kswapd over time, writeback, swap-out,
 * get_scan_count's anon/file split and the slab shrinkers.  The invariant
 * checker runs after every step.
 *
 * The tiny preset has one Normal zone of 15360 managed pages with
 * watermarks min 247, low 308, high 370; counts below are worked from
 * those by the 3.10 formulas (lru_size >> priority, SWAP_CLUSTER_MAX).
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

static struct mm_machine *boot(const char *text)
{
	struct mm_machine *m = boot_text(text);

	assert_int_equal(mm_check(m), 0);
	return m;
}

/*
 * What reclaim must keep true besides mm_check: the LRU counters match the
 * lists and the flags, every mapped or cached page points back at its pte
 * or file slot, each queued write holds one NR_WRITEBACK (and an anon one
 * its swap slot), and dirty counts match PG_dirty.
 */
static void consistent(struct mm_machine *m)
{
	unsigned long lru[MAX_NR_ZONES][NR_LRU_LISTS] = { { 0 } }, writeback = 0, dirty = 0;
	unsigned long nr_wb = 0, nr_dirty = 0, anon = 0, rss = 0, swapents = 0, cached = 0;
	const struct writeback_queue *q = &m->work.writeback;
	unsigned long queued_slots = 0;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = &m->mem_map[pfn];
		struct zone *z;

		if (!(p->flags & PG_lru))
			continue;
		z = page_zone(m, pfn);
		assert_non_null(z);
		assert_int_equal(p->list, z->lru[page_lru(p)]);
		lru[z->idx][page_lru(p)]++;
		writeback += !!(p->flags & PG_writeback);
		dirty += !!(p->flags & PG_dirty);
		if (MM_OWNER_KIND(p->owner) == OWNER_PAGECACHE) {
			assert_int_equal(m->work.file.pages[p->private], pfn + 1);
		} else {
			struct task *t = mm_task_find(m, (int)MM_OWNER_ID(p->owner));

			assert_int_equal(MM_OWNER_KIND(p->owner), OWNER_ANON);
			assert_non_null(t);
			assert_int_equal(t->pte[p->private], PTE_PRESENT | pfn);
			anon++;
		}
	}
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		for (int l = 0; l < NR_LRU_LISTS; l++) {
			assert_int_equal(zone_page_state(z, NR_LRU_BASE + l), lru[i][l]);
			assert_int_equal(m->lists[z->lru[l]].nr, lru[i][l]);
		}
		assert_int_equal(z->vm_stat[NR_ISOLATED_ANON], 0);
		assert_int_equal(z->vm_stat[NR_ISOLATED_FILE], 0);
		nr_wb += zone_page_state(z, NR_WRITEBACK);
		nr_dirty += zone_page_state(z, NR_FILE_DIRTY);
	}
	for (unsigned i = 0; i < q->nr; i++)
		queued_slots += q->e[(q->head + i) % NR_WRITEBACK_QUEUE].slot != 0;
	assert_int_equal(nr_wb, q->nr);
	assert_true(writeback <= q->nr);
	assert_int_equal(nr_dirty, dirty);
	for (struct task *t = m->work.tasks; t; t = t->next) {
		rss += t->rss_anon;
		swapents += t->swapents;
	}
	assert_int_equal(rss, anon);
	assert_int_equal(m->work.swap.inuse, swapents + queued_slots);
	for (unsigned long i = 0; i < m->work.file.nr; i++)
		cached += m->work.file.pages[i] != 0;
	assert_int_equal(cached, m->work.file.nrpages);
}

static void check(struct mm_machine *m)
{
	if (mm_check(m))
		fail_msg("mm_check: %s", m->err);
	consistent(m);
}

static struct zone *normal(struct mm_machine *m)
{
	struct zone *z = mm_zone_by_name(m, "Normal");

	assert_non_null(z);
	return z;
}

static unsigned long stat(struct zone *z, enum zone_stat_item i)
{
	return zone_page_state(z, i);
}

static unsigned long ev(struct mm_machine *m, int item)
{
	return m->vm_events[item];
}

static void pagecache(struct mm_machine *m, unsigned long n, int dirty)
{
	unsigned long added;

	assert_int_equal(mm_pagecache_add(m, n, dirty, &added), 0);
	assert_int_equal(added, n);
	check(m);
}

/* page cache until the zone has about `left` free pages (above low: fast path only) */
static void fill_pagecache(struct mm_machine *m, unsigned long left, int dirty)
{
	struct zone *z = normal(m);

	pagecache(m, stat(z, NR_FREE_PAGES) - left, dirty);
}

static void tick(struct mm_machine *m, unsigned long n)
{
	while (n--) {
		mm_tick(m, 1);
		check(m);
	}
}

/* ---- direct reclaim -------------------------------------------------------------- */

/*
 * 4000 clean inactive file pages: priority 12 scans 4000 >> 12 = 0, then
 * 1, 3, 7, 15 (26 < 32) and 31 at priority 7: 57 reclaimed, and it stops.
 */
static void test_direct_reclaim_clean_pagecache(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);
	unsigned long free0, nr;

	(void)state;
	pagecache(m, 4000, 0);
	free0 = stat(z, NR_FREE_PAGES);
	nr = try_to_free_pages(m, 0, GFP_KERNEL);
	check(m);
	assert_int_equal(nr, 57);
	assert_int_equal(ev(m, PGSTEAL_DIRECT + z->idx), 57);
	assert_int_equal(ev(m, PGSCAN_DIRECT + z->idx), 57);
	assert_int_equal(ev(m, ALLOCSTALL), 1);
	assert_int_equal(ev(m, PGSTEAL_KSWAPD + z->idx), 0);
	assert_int_equal(m->work.file.nrpages, 4000 - 57);
	assert_int_equal(stat(z, NR_FILE_PAGES), 4000 - 57);
	assert_int_equal(stat(z, NR_INACTIVE_FILE), 4000 - 57);
	/* freed cold to cpu0's pcp list, which spills batches to the buddy lists:
	 * free_pcppages_bulk clears pages_scanned */
	assert_int_equal(z->pages_scanned, 0);
	assert_true(stat(z, NR_FREE_PAGES) > free0);
	/* the oldest pages went: the first 57 of the file */
	for (unsigned long i = 0; i < 57; i++)
		assert_int_equal(m->work.file.pages[i], 0);
	assert_int_not_equal(m->work.file.pages[57], 0);
	mm_machine_destroy(m);
}

/* no anon pages go without swap; nothing reclaimable left still returns 1 */
static void test_return_value_rule(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);
	struct task *t;

	(void)state;
	assert_int_equal(task_spawn(m, "hog", 2000, 0, &t), 0);
	assert_int_equal(try_to_free_pages(m, 0, GFP_KERNEL), 1);
	check(m);
	assert_int_equal(t->rss_anon, 2000);
	assert_int_equal(ev(m, PSWPOUT), 0);
	assert_int_equal(ev(m, PGSCAN_DIRECT + z->idx), 0);
	assert_int_equal(stat(z, NR_ACTIVE_ANON), 2000);
	/* kswapd gave the zone up: now direct reclaim lets the OOM killer in */
	z->all_unreclaimable = 1;
	assert_int_equal(try_to_free_pages(m, 0, GFP_KERNEL), 0);
	assert_int_equal(ev(m, ALLOCSTALL), 2);
	/* a free resets it (free_pcppages_bulk / free_one_page) */
	assert_int_equal(task_exit(m, t), 0);
	assert_int_equal(z->all_unreclaimable, 0);
	check(m);
	mm_machine_destroy(m);
}

static int memalloc_seen, memalloc_missing;

static void memalloc_observer(struct mm_machine *m, const struct mm_event *e, void *ctx)
{
	(void)ctx;
	if (e->type == MM_EV_STAGE_ENTER && e->func == FN_shrink_zone) {
		if (m->work.current->flags & PF_MEMALLOC)
			memalloc_seen++;
		else
			memalloc_missing++;
	}
}

static void test_pf_memalloc(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct task *t;

	(void)state;
	assert_int_equal(task_spawn(m, "reader", 1, 0, &t), 0);
	pagecache(m, 4000, 0);
	mm_set_observer(m, memalloc_observer, NULL, MM_EV_STAGES);
	m->work.current = t;
	assert_int_equal(try_to_free_pages(m, 0, GFP_KERNEL), 57);
	m->work.current = NULL;
	mm_set_observer(m, NULL, NULL, 0);
	assert_true(memalloc_seen > 0);
	assert_int_equal(memalloc_missing, 0);
	assert_int_equal(t->flags & PF_MEMALLOC, 0);
	/* without a task (the command line) there is no flag to set */
	assert_int_equal(try_to_free_pages(m, 0, GFP_KERNEL), 56); /* 1+3+7+15+30 of 3943 */
	check(m);
	mm_machine_destroy(m);
}

/*
 * Dirty page cache, no swap: direct reclaim writes no file page (3.10: only
 * kswapd does), it marks them PG_reclaim (nr_vmscan_immediate_reclaim).
 * kswapd, below the low watermark, writes them from priority 9 on; when the
 * writes complete they rotate to the inactive tail and the next passes free
 * them until the zone is at its high watermark; then kswapd naps and sleeps.
 */
static void test_dirty_pagecache_kswapd(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);
	struct kswapd_state *ks = &m->work.kswapd;
	unsigned long nr_file, nr, t;
	int napped = 0;

	(void)state;
	fill_pagecache(m, 380, 1);
	nr_file = m->work.file.nrpages;
	assert_int_equal(stat(z, NR_FILE_DIRTY), nr_file);

	nr = try_to_free_pages(m, 0, GFP_KERNEL);
	check(m);
	assert_int_equal(nr, 1); /* nothing freed, but the zone is reclaimable */
	assert_int_equal(m->work.file.nrpages, nr_file);
	assert_int_equal(ev(m, PGSTEAL_DIRECT + z->idx), 0);
	assert_int_equal(stat(z, NR_WRITEBACK), 0);
	assert_int_equal(stat(z, NR_VMSCAN_WRITE), 0);
	assert_int_equal(stat(z, NR_VMSCAN_IMMEDIATE), ev(m, PGSCAN_DIRECT + z->idx));
	assert_true(stat(z, NR_VMSCAN_IMMEDIATE) > 0);
	assert_int_equal(z->all_unreclaimable, 0);

	/* above low: kswapd stays asleep */
	wakeup_kswapd(m, z, 0, z->idx);
	assert_int_equal(ks->woken, 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 1600), 0); /* min 400 low 500 high 600 */
	assert_int_equal(z->watermark[WMARK_HIGH], 600);
	wakeup_kswapd(m, z, 0, z->idx);
	assert_int_equal(ks->woken, 1);

	tick(m, 1);
	assert_int_equal(ks->state, KSWAPD_RUNNING);
	assert_true(stat(z, NR_WRITEBACK) > 0);
	assert_int_equal(stat(z, NR_WRITEBACK), stat(z, NR_VMSCAN_WRITE));
	assert_int_equal(stat(z, NR_FILE_DIRTY) + stat(z, NR_WRITEBACK), nr_file);
	assert_int_equal(ev(m, PGPGOUT), 8 * stat(z, NR_WRITEBACK));
	assert_int_equal(ev(m, PGSTEAL_KSWAPD + z->idx), 0);
	assert_int_equal(m->work.file.nrpages, nr_file);

	for (t = 0; t < 200 && ks->state != KSWAPD_ASLEEP; t++) {
		tick(m, 1);
		napped |= ks->state == KSWAPD_NAPPING;
	}
	assert_true(napped);
	assert_int_equal(ks->state, KSWAPD_ASLEEP);
	assert_true(stat(z, NR_FREE_PAGES) > 600);
	assert_true(ev(m, PGSTEAL_KSWAPD + z->idx) > 0);
	assert_int_equal(m->work.file.nrpages, nr_file - ev(m, PGSTEAL_KSWAPD + z->idx));
	assert_true(stat(z, NR_WRITTEN) > 0);
	assert_true(ev(m, PGROTATED) > 0);
	assert_true(ev(m, PAGEOUTRUN) > 1);
	assert_true(ev(m, PGSCAN_KSWAPD + z->idx) >= ev(m, PGSTEAL_KSWAPD + z->idx));
	/* every write that completed was counted */
	assert_int_equal(stat(z, NR_WRITTEN) + stat(z, NR_WRITEBACK), stat(z, NR_VMSCAN_WRITE));
	mm_machine_destroy(m);
}

/* clean page cache: kswapd frees ~53 pages a jiffy (3+7+14+29) until high */
static void test_kswapd_clean(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);
	struct kswapd_state *ks = &m->work.kswapd;
	unsigned long steal = 0;

	(void)state;
	fill_pagecache(m, 380, 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 1600), 0);
	wakeup_kswapd(m, z, 0, z->idx);
	wakeup_kswapd(m, z, 0, z->idx); /* a second wake changes nothing */
	assert_int_equal(ks->state, KSWAPD_ASLEEP);
	assert_int_equal(ks->woken, 1);
	tick(m, 1);
	assert_int_equal(ev(m, PAGEOUTRUN), 1);
	assert_int_equal(ev(m, PGSTEAL_KSWAPD + z->idx), 53);
	assert_int_equal(ev(m, PGSCAN_KSWAPD + z->idx), 53);
	/* running: a wake-up finds no one waiting */
	wakeup_kswapd(m, z, 0, z->idx);
	assert_int_equal(ks->woken, 0);
	while (ks->state == KSWAPD_RUNNING) {
		steal = ev(m, PGSTEAL_KSWAPD + z->idx);
		tick(m, 1);
		assert_true(ev(m, PGSTEAL_KSWAPD + z->idx) > steal);
	}
	assert_int_equal(ks->state, KSWAPD_NAPPING);
	assert_true(stat(z, NR_FREE_PAGES) > 600);
	assert_true(zone_watermark_ok(m, z, 0, z->watermark[WMARK_HIGH], 0, 0));
	/* the nap is HZ/10; balanced after it, kswapd sleeps for good */
	tick(m, HZ / 10 - 1);
	assert_int_equal(ks->state, KSWAPD_NAPPING);
	tick(m, 1);
	assert_int_equal(ks->state, KSWAPD_ASLEEP);
	assert_int_equal(ev(m, KSWAPD_LOW_WMARK_HIT_QUICKLY), 0);
	assert_int_equal(ev(m, KSWAPD_HIGH_WMARK_HIT_QUICKLY), 0);
	tick(m, 50);
	assert_int_equal(ks->state, KSWAPD_ASLEEP);
	mm_machine_destroy(m);
}

/* woken during its nap: a premature sleep, counted as low_wmark_hit_quickly */
static void test_kswapd_premature_wake(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);
	struct kswapd_state *ks = &m->work.kswapd;
	unsigned long added;

	(void)state;
	fill_pagecache(m, 380, 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 1600), 0);
	wakeup_kswapd(m, z, 0, z->idx);
	while (ks->state != KSWAPD_NAPPING)
		tick(m, 1);
	tick(m, 2);
	/* eat the zone back under low (the slow path's wake-up) */
	mm_pagecache_add(m, stat(z, NR_FREE_PAGES) - 450, 0, &added);
	check(m);
	wakeup_kswapd(m, z, 0, z->idx);
	assert_int_equal(ks->woken, 1);
	tick(m, 1);
	assert_int_equal(ev(m, KSWAPD_LOW_WMARK_HIT_QUICKLY), 1);
	assert_int_equal(ks->state, KSWAPD_RUNNING);
	mm_machine_destroy(m);
}

/* ---- anonymous memory and swap --------------------------------------------------------- */

static unsigned long count_ptes(const struct task *t, uint32_t kind)
{
	unsigned long n = 0;

	for (unsigned long v = 0; v < t->nr_pte; v++)
		n += (t->pte[v] & kind) != 0;
	return n;
}

/*
 * With swap, anon pages are deactivated, get a slot and are written; when
 * the writes complete the ptes become swap entries and the pages are free.
 * Touching them again reads them back in.
 */
static void test_anon_swapout(void **state)
{
	struct mm_machine *m = boot("preset tiny\nswap 64M\n");
	struct zone *z = normal(m);
	unsigned long written, free0, nr;
	struct task *t;

	(void)state;
	assert_int_equal(task_spawn(m, "hog", 8000, 0, &t), 0);
	check(m);
	/* file + free under high: get_scan_count goes for anon only */
	assert_int_equal(mm_set_min_free_kbytes(m, 20000), 0); /* high 7500 */
	assert_true(stat(z, NR_FREE_PAGES) < z->watermark[WMARK_HIGH]);

	nr = try_to_free_pages(m, 0, GFP_KERNEL);
	check(m);
	assert_int_equal(nr, 1); /* written, not yet freed */
	written = ev(m, PSWPOUT);
	assert_true(written > 0);
	assert_int_equal(stat(z, NR_WRITEBACK), written);
	assert_int_equal(stat(z, NR_VMSCAN_WRITE), written);
	assert_int_equal(m->work.swap.inuse, written);
	assert_int_equal(t->rss_anon, 8000); /* still mapped while being written */
	assert_true(ev(m, PGDEACTIVATE) >= written);
	assert_int_equal(ev(m, PGPGOUT), 8 * written);

	free0 = stat(z, NR_FREE_PAGES);
	tick(m, m->work.writeback_ticks - 1);
	assert_int_equal(t->swapents, 0);
	tick(m, 1);
	assert_int_equal(stat(z, NR_WRITEBACK), 0);
	assert_int_equal(stat(z, NR_WRITTEN), written);
	assert_int_equal(t->swapents, written);
	assert_int_equal(t->rss_anon, 8000 - written);
	assert_int_equal(count_ptes(t, PTE_SWAP), written);
	assert_int_equal(count_ptes(t, PTE_PRESENT), 8000 - written);
	assert_int_equal(stat(z, NR_ANON_PAGES), 8000 - written);
	assert_int_equal(stat(z, NR_ACTIVE_ANON) + stat(z, NR_INACTIVE_ANON), 8000 - written);
	assert_true(stat(z, NR_FREE_PAGES) > free0);

	/* swap them back in */
	assert_int_equal(task_touch(m, t, 8000), 0);
	check(m);
	assert_int_equal(ev(m, PSWPIN), written);
	assert_int_equal(t->swapents, 0);
	assert_int_equal(m->work.swap.inuse, 0);
	assert_int_equal(t->rss_anon, 8000);
	mm_machine_destroy(m);
}

/* a task that exits while its pages are written gives the slots back */
static void test_exit_during_writeback(void **state)
{
	struct mm_machine *m = boot("preset tiny\nswap 64M\n");
	struct zone *z = normal(m);
	struct task *t;

	(void)state;
	assert_int_equal(task_spawn(m, "hog", 8000, 0, &t), 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 20000), 0);
	try_to_free_pages(m, 0, GFP_KERNEL);
	assert_true(stat(z, NR_WRITEBACK) > 0);
	assert_int_equal(task_exit(m, t), 0);
	tick(m, m->work.writeback_ticks);
	assert_int_equal(stat(z, NR_WRITEBACK), 0);
	assert_int_equal(m->work.swap.inuse, 0);
	assert_int_equal(stat(z, NR_ANON_PAGES), 0);
	mm_machine_destroy(m);
}

/* a page touched while it is being written stays mapped */
static void test_touch_during_writeback(void **state)
{
	struct mm_machine *m = boot("preset tiny\nswap 64M\n");
	struct zone *z = normal(m);
	struct task *t;
	unsigned long written;

	(void)state;
	assert_int_equal(task_spawn(m, "hog", 8000, 0, &t), 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 20000), 0);
	try_to_free_pages(m, 0, GFP_KERNEL);
	written = stat(z, NR_WRITEBACK);
	assert_true(written > 0);
	assert_int_equal(task_touch(m, t, 8000), 0); /* every page young again */
	tick(m, m->work.writeback_ticks);
	assert_int_equal(stat(z, NR_WRITTEN), written);
	assert_int_equal(t->swapents, 0);
	assert_int_equal(t->rss_anon, 8000);
	assert_int_equal(m->work.swap.inuse, 0);
	assert_int_equal(ev(m, PGROTATED), written);
	mm_machine_destroy(m);
}

/* ---- get_scan_count ------------------------------------------------------------------- */

static char scan_note[256];

static void scan_observer(struct mm_machine *m, const struct mm_event *e, void *ctx)
{
	char text[256];

	(void)m;
	(void)ctx;
	if (e->type != MM_EV_STAGE_NOTE || e->func != FN_shrink_zone || scan_note[0])
		return;
	mm_reason_format(e->reason, text, sizeof(text));
	if (strstr(text, "get_scan_count"))
		snprintf(scan_note, sizeof(scan_note), "%s", text);
}

/*
 * Anon and file on one zone, the inactive file list low: anon and file are
 * scanned in proportion swappiness : 200 - swappiness (with recent_scanned
 * and recent_rotated cleared).  On x86_64-4g the Normal zone holds 100000
 * active anon, 50000 inactive and 100000 active file pages; priority 12
 * scans 24, 12 and 24 of them before the split.
 */
static void scan_count(int swappiness, const char *expect)
{
	struct mm_machine *m = boot("preset x86_64-4g\nswap 1G\n");
	struct zone *z = normal(m);
	struct task *t;
	unsigned long first;

	assert_int_equal(mm_set_swappiness(m, swappiness), 0);
	assert_int_equal(task_spawn(m, "anon", 100000, 0, &t), 0);
	first = m->work.file.nr;
	pagecache(m, 150000, 0);
	for (unsigned long i = 0; i < 100000; i++) {
		unsigned long pfn = m->work.file.pages[first + i] - 1;

		mark_page_accessed(m, pfn);
		mark_page_accessed(m, pfn);
	}
	assert_int_equal(stat(z, NR_ACTIVE_ANON), 100000);
	assert_int_equal(stat(z, NR_INACTIVE_FILE), 50000);
	assert_int_equal(stat(z, NR_ACTIVE_FILE), 100000);
	/* as if recently nothing was scanned: the split is swappiness alone */
	memset(&z->reclaim_stat, 0, sizeof(z->reclaim_stat));
	scan_note[0] = '\0';
	mm_set_observer(m, scan_observer, NULL, MM_EV_STAGES);
	try_to_free_pages(m, 0, GFP_KERNEL);
	mm_set_observer(m, NULL, NULL, 0);
	check(m);
	assert_string_equal(scan_note, expect);
	mm_machine_destroy(m);
}

static void test_get_scan_count_swappiness(void **state)
{
	(void)state;
	/* 24 * 60 / 201 = 7; 12 * 140 / 201 = 8; 24 * 140 / 201 = 16 */
	scan_count(60, "get_scan_count (fract, swappiness 60): inactive_anon 0 active_anon 7 "
		       "inactive_file 8 active_file 16");
	scan_count(100, "get_scan_count (fract, swappiness 100): inactive_anon 0 active_anon 11 "
			"inactive_file 5 active_file 11");
	scan_count(0, "get_scan_count (fract, swappiness 0): inactive_anon 0 active_anon 0 "
		      "inactive_file 11 active_file 23");
}

/* no swap: file only, whatever swappiness says */
static void test_get_scan_count_no_swap(void **state)
{
	struct mm_machine *m = boot("preset x86_64-4g\n");
	struct task *t;

	(void)state;
	assert_int_equal(mm_set_swappiness(m, 100), 0);
	assert_int_equal(task_spawn(m, "anon", 100000, 0, &t), 0);
	pagecache(m, 150000, 0);
	scan_note[0] = '\0';
	mm_set_observer(m, scan_observer, NULL, MM_EV_STAGES);
	try_to_free_pages(m, 0, GFP_KERNEL);
	mm_set_observer(m, NULL, NULL, 0);
	assert_string_equal(scan_note, "get_scan_count (file, swappiness 100): inactive_anon 0 "
				       "active_anon 0 inactive_file 36 active_file 0");
	assert_int_equal(mm_set_swappiness(m, 101), MM_EINVAL);
	assert_int_equal(mm_set_swappiness(m, -1), MM_EINVAL);
	assert_int_equal(m->work.vm_swappiness, 100);
	mm_machine_destroy(m);
}

/* ---- shrinkers --------------------------------------------------------------------------- */

static struct kmem_cache *shrinker_cache(struct mm_machine *m, const char *name)
{
	struct kmem_cache *c;

	assert_int_equal(kmem_cache_create(m, name, 192, 0,
					      SLAB_HWCACHE_ALIGN | SLAB_RECLAIM_ACCOUNT, 0, &c), 0);
	assert_int_equal(register_shrinker(m, c), 0);
	return c;
}

static void alloc_objects(struct mm_machine *m, struct kmem_cache *c, int n)
{
	for (int i = 0; i < n; i++) {
		unsigned long a;

		assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a), 0);
	}
	check(m);
}

/*
 * drop_slab: shrink_slab(1000, 1000): delta = 4 * 1000 / 2 * 1000 / 1001 =
 * 1998 for 1000 objects, capped at 2 * 1000: 15 batches of 128 are scanned
 * (slabs_scanned 1920) and every object goes, oldest first.
 */
static void test_shrinker_drop_slab(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct kmem_cache *c, *plain;
	unsigned long first, a;

	(void)state;
	c = shrinker_cache(m, "dentry");
	assert_int_equal(register_shrinker(m, c), MM_EINVAL); /* once */
	assert_int_equal(kmem_cache_create(m, "plain", 64, 0, 0, 0, &plain), 0);
	assert_int_equal(register_shrinker(m, plain), MM_EINVAL);
	assert_null(plain->shrinker);

	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &first), 0);
	alloc_objects(m, c, 999);
	assert_int_equal(c->shrinker->nr, 1000);
	assert_int_equal(c->shrinker->objs[c->shrinker->head], first);
	/* a free by its user takes the object off the shrinker's list */
	assert_int_equal(kmem_cache_free(m, 0, c, first), 0);
	assert_int_equal(c->shrinker->nr, 999);
	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a), 0);

	assert_int_equal(mm_drop_slab(m), 1000);
	check(m);
	assert_int_equal(c->shrinker->nr, 0);
	assert_int_equal(c->shrinker->nr_freed, 1000);
	assert_int_equal(ev(m, SLABS_SCANNED), 1920);
	/* the cache can go now, and its shrinker with it */
	assert_int_equal(kmem_cache_destroy(m, c), 0);
	assert_null(m->work.shrinkers);
	check(m);
	mm_machine_destroy(m);
}

/* fewer than 64 objects never make a batch: 3.10's drop_slab leaves them */
static void test_shrinker_small_cache(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct kmem_cache *c = shrinker_cache(m, "dentry");

	(void)state;
	alloc_objects(m, c, 30);
	/* delta 59 < 128: carried in nr_in_batch, nothing freed, drop_slab stops */
	assert_int_equal(mm_drop_slab(m), 0);
	assert_int_equal(c->shrinker->nr, 30);
	assert_int_equal(c->shrinker->nr_in_batch, 59);
	/* 59 + 59 is capped at twice the objects, 60: never a batch of 128 */
	assert_int_equal(mm_drop_caches(m, 2), MM_OK);
	assert_int_equal(c->shrinker->nr_in_batch, 60);
	assert_int_equal(mm_drop_caches(m, 2), MM_OK);
	assert_int_equal(c->shrinker->nr, 30);
	assert_int_equal(ev(m, SLABS_SCANNED), 0);
	/* 70 objects: 60 + 139 capped at 140, one batch frees all */
	alloc_objects(m, c, 40);
	assert_int_equal(mm_drop_slab(m), 70);
	assert_int_equal(c->shrinker->nr, 0);
	assert_int_equal(c->shrinker->nr_in_batch, 140 - 128);
	assert_int_equal(ev(m, SLABS_SCANNED), 128);
	assert_int_equal(mm_drop_caches(m, 0), MM_EINVAL);
	assert_int_equal(mm_drop_caches(m, 4), MM_EINVAL);
	assert_int_equal(m->work.sysctl_drop_caches, 2);
	check(m);
	mm_machine_destroy(m);
}

/* direct reclaim ages the slab by the share of the LRU it scanned */
static void test_shrinker_in_reclaim(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct kmem_cache *c = shrinker_cache(m, "dentry");
	unsigned long nr;

	(void)state;
	alloc_objects(m, c, 4000);
	pagecache(m, 1000, 1); /* dirty: direct reclaim scans everything, frees nothing */
	/* GFP_NOFS: the shrinker refuses, nothing is scanned */
	try_to_free_pages(m, 0, GFP_NOFS);
	check(m);
	assert_int_equal(c->shrinker->nr, 4000);
	assert_int_equal(ev(m, SLABS_SCANNED), 0);
	nr = try_to_free_pages(m, 0, GFP_KERNEL);
	check(m);
	assert_true(ev(m, SLABS_SCANNED) > 0);
	assert_true(c->shrinker->nr < 4000);
	assert_int_equal(c->shrinker->nr_freed, 4000 - c->shrinker->nr);
	assert_true(nr >= 1);
	mm_machine_destroy(m);
}

/* ---- drop_caches ------------------------------------------------------------------------ */

static void test_drop_caches(void **state)
{
	struct mm_machine *m = boot("preset tiny\n");
	struct zone *z = normal(m);

	(void)state;
	pagecache(m, 100, 0);
	pagecache(m, 50, 1);
	assert_int_equal(mm_drop_caches(m, 1), MM_OK);
	check(m);
	assert_int_equal(m->work.file.nrpages, 50); /* dirty pages stay */
	assert_int_equal(stat(z, NR_FILE_DIRTY), 50);
	assert_int_equal(m->work.sysctl_drop_caches, 1);
	mm_machine_destroy(m);
}

/* ---- everything at once ------------------------------------------------------------------- */

static unsigned long rnd(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return *s >> 33;
}

static void test_random_ops(void **state)
{
	struct mm_machine *m = boot("preset tiny\nswap 16M\n");
	struct kmem_cache *c = shrinker_cache(m, "dentry");
	const char *env = getenv("MM_TEST_OPS");
	/* MM_TEST_OPS counts page allocator ops (1M by default); these are heavier */
	unsigned long seed = 42, ops = env ? strtoul(env, NULL, 0) / 333 : 3000, added, a;
	struct task *t;

	(void)state;
	for (unsigned long i = 0; i < ops; i++) {
		unsigned long r = rnd(&seed) % 100;
		struct zone *z = normal(m);

		if (r < 15) {
			mm_pagecache_add(m, rnd(&seed) % 400, (int)(rnd(&seed) & 1), &added);
		} else if (r < 25) {
			if (task_spawn(m, "t", rnd(&seed) % 1000, 0, &t) == MM_OK && (rnd(&seed) & 1))
				task_exit(m, t);
		} else if (r < 35) {
			for (t = m->work.tasks; t && (rnd(&seed) % 3); t = t->next)
				;
			if (t)
				task_touch(m, t, t->nr_pte);
		} else if (r < 45) {
			t = m->work.tasks;
			if (t && (rnd(&seed) & 1))
				task_exit(m, t);
		} else if (r < 55) {
			try_to_free_pages(m, (int)(rnd(&seed) % 4), (rnd(&seed) & 1) ? GFP_KERNEL : GFP_NOFS);
		} else if (r < 65) {
			wakeup_kswapd(m, z, 0, z->idx);
		} else if (r < 80) {
			mm_tick(m, 1 + rnd(&seed) % 5);
		} else if (r < 88) {
			if (kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a) == MM_OK && c->shrinker->nr > 1)
				kmem_cache_free(m, 0, c, c->shrinker->objs[(c->shrinker->head + 1) %
									       c->shrinker->cap]);
		} else if (r < 92) {
			mm_drop_caches(m, 1 + (int)(rnd(&seed) % 3));
		} else if (r < 96) {
			mm_set_swappiness(m, (int)(rnd(&seed) % 101));
		} else {
			mm_set_min_free_kbytes(m, 991 + (long)(rnd(&seed) % 4000));
		}
		mm_reap_tasks(m);
		if (mm_check(m))
			fail_msg("op %lu: %s", i, m->err);
		consistent(m);
	}
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direct_reclaim_clean_pagecache),
		cmocka_unit_test(test_return_value_rule),
		cmocka_unit_test(test_pf_memalloc),
		cmocka_unit_test(test_dirty_pagecache_kswapd),
		cmocka_unit_test(test_kswapd_clean),
		cmocka_unit_test(test_kswapd_premature_wake),
		cmocka_unit_test(test_anon_swapout),
		cmocka_unit_test(test_exit_during_writeback),
		cmocka_unit_test(test_touch_during_writeback),
		cmocka_unit_test(test_get_scan_count_swappiness),
		cmocka_unit_test(test_get_scan_count_no_swap),
		cmocka_unit_test(test_shrinker_drop_slab),
		cmocka_unit_test(test_shrinker_small_cache),
		cmocka_unit_test(test_shrinker_in_reclaim),
		cmocka_unit_test(test_drop_caches),
		cmocka_unit_test(test_random_ops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
