/*
 * test_heuristics.c - one test per placement heuristic of the 3.10 buddy
 * allocator, so that taking any of them out of mm/page_alloc.c turns a test
 * red.  Each test names the heuristic and the kernel function it lives in,
 * and checks what it decides: which pfn an allocation gets, which list a
 * block lands on and where on it, which pageblock changes type.
 *
 * Most tests run on the tiny preset: one Normal zone 0x0-0x3fff, 0x0-0x3ff
 * reserved, so boot leaves fifteen order-10 blocks 0x400 ... 0x3c00.  The
 * one at 0x400 is MIGRATE_RESERVE (the min watermark, 247 pages, rounds up
 * to one pageblock); the fourteen others are MOVABLE, freed in ascending
 * order, so 0x3c00 heads the order-10 list.  Its pcp batch is 3, high 18.
 * The pcp drain tests need a batch above 3 and use a 128 MiB zone (batch 7,
 * high 42).  pageblock_order is 9 (x86_64), so the steal threshold
 * pageblock_order / 2 is 4.  Orders 1 and up bypass the pcp lists, which
 * keeps the buddy-list tests free of refill batches.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h"
#include "boot.h"

#define MOVABLE GFP_HIGHUSER_MOVABLE

static const char *const big_text =
	"arch x86_64\ncpus 2\n"
	"zone Normal start_pfn=0x0 pages=0x8000\n"
	"reserved 0x0-0x3ff\nslab none\n";

#define CHECK(m)                                                    \
	do {                                                        \
		int rc_ = mm_check(m);                              \
		if (rc_)                                            \
			print_message("mm_check: %s\n", (m)->err); \
		assert_int_equal(rc_, 0);                           \
	} while (0)

static struct mm_machine *boot_tiny(void)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_preset(&d, "tiny"), 0);
	d.slab = 0; /* the page allocator alone */
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	/* what every test below builds on */
	assert_int_equal(m->pageblock_order, 9);
	assert_int_equal(m->page_group_by_mobility_disabled, 0);
	assert_int_equal(get_pageblock_migratetype(m, 0x400), MIGRATE_RESERVE);
	assert_int_equal(get_pageblock_migratetype(m, 0x600), MIGRATE_MOVABLE);
	return m;
}

static struct zone *normal(struct mm_machine *m)
{
	struct zone *z = mm_zone_by_name(m, "Normal");

	assert_non_null(z);
	return z;
}

static unsigned long alloc(struct mm_machine *m, gfp_t gfp, unsigned order)
{
	struct mm_alloc_result r;
	int rc = mm_alloc_pages(m, 0, gfp, order, MM_OWNER(OWNER_KERNEL, 0), &r);

	if (rc)
		print_message("alloc order %u gfp 0x%x: %s (%s)\n", order, gfp, m->err, r.why);
	assert_int_equal(rc, 0);
	return r.pfn;
}

static void free_pages(struct mm_machine *m, unsigned long pfn, int order)
{
	assert_int_equal(mm_free_pages(m, 0, pfn, order), 0);
}

static void free_cold(struct mm_machine *m, unsigned long pfn)
{
	assert_int_equal(mm_free_pages_list(m, 0, &pfn, 1, 1), 0);
}

/* the free list zone->free_area[order].free_list[mt] */
static const struct mm_list *fl(struct mm_machine *m, int order, int mt)
{
	return mm_list_head(m, normal(m)->free_area[order].free_list[mt]);
}

static uint32_t fl_id(struct mm_machine *m, int order, int mt)
{
	return normal(m)->free_area[order].free_list[mt];
}

static struct per_cpu_pages *pcp0(struct mm_machine *m)
{
	return &normal(m)->pageset[0].pcp;
}

struct pfns {
	unsigned long v[64];
	int n;
};

static int collect(struct mm_machine *m, unsigned long pfn, void *data)
{
	struct pfns *p = data;

	(void)m;
	if (p->n < 64)
		p->v[p->n++] = pfn;
	return 0;
}

/* the list, head first, against what it should hold */
static void assert_list(struct mm_machine *m, uint32_t id, const unsigned long *want, int n)
{
	struct pfns got = { .n = 0 };

	mm_walk_list(m, id, collect, &got);
	if (got.n != n)
		print_message("list has %d pages, expected %d\n", got.n, n);
	assert_int_equal(got.n, n);
	for (int i = 0; i < n; i++) {
		if (got.v[i] != want[i])
			print_message("list[%d] = 0x%lx, expected 0x%lx\n", i, got.v[i], want[i]);
		assert_int_equal(got.v[i], want[i]);
	}
}

static int on_pcp(struct mm_machine *m, unsigned long pfn)
{
	return !!(m->mem_map[pfn].flags & PG_pcp);
}

/* pages of free blocks on the lists of one migratetype */
static unsigned long free_of_type(struct mm_machine *m, int mt)
{
	unsigned long n = 0;

	for (int o = 0; o < MAX_ORDER; o++)
		n += (unsigned long)fl(m, o, mt)->nr << o;
	return n;
}

/*
 * Allocate every MOVABLE order-10 block but the last one (0x800), highest
 * first: thirteen of them.  What stays free is 0x800-0xbff (MOVABLE) and
 * the MIGRATE_RESERVE block at 0x400.
 */
static void take_movable_but_0x800(struct mm_machine *m)
{
	for (unsigned long pfn = 0x3c00; pfn > 0x800; pfn -= 0x400)
		assert_int_equal(alloc(m, MOVABLE, 10), pfn);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->nr, 1);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->head, 0x800);
}

/* ---- __free_one_page ------------------------------------------------------ */

/*
 * __free_one_page, the tail placement: a merged block below order
 * MAX_ORDER-2 whose buddy one order up (the buddy of the block it would
 * merge into) is free goes to the TAIL of its free list, so that it is
 * split last and can merge up soon; otherwise to the head.
 */
static void test_free_one_page_tail_if_higher_buddy_free(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	/* order-1 blocks 0x3c00 ... 0x3c08 out of the order-10 block 0x3c00 */
	for (unsigned long pfn = 0x3c00; pfn <= 0x3c08; pfn += 2)
		assert_int_equal(alloc(m, MOVABLE, 1), pfn);
	/* what the splits left: 0x3c0a (order 1), 0x3c0c (order 2), ... */
	assert_list(m, fl_id(m, 1, MIGRATE_MOVABLE), (unsigned long[]){ 0x3c0a }, 1);
	/* 0x3c04: no merge (0x3c06 is allocated) and 0x3c00 is no free
	 * order-2 block: the head */
	free_pages(m, 0x3c04, 1);
	assert_list(m, fl_id(m, 1, MIGRATE_MOVABLE), (unsigned long[]){ 0x3c04, 0x3c0a }, 2);
	/* 0x3c06 merges with it into 0x3c04 order 2; 0x3c08 order 3 is
	 * allocated: the head */
	free_pages(m, 0x3c06, 1);
	assert_list(m, fl_id(m, 1, MIGRATE_MOVABLE), (unsigned long[]){ 0x3c0a }, 1);
	assert_int_equal(fl(m, 2, MIGRATE_MOVABLE)->head, 0x3c04);
	/* 0x3c02 cannot merge (0x3c00 is allocated), but the buddy of the
	 * order-2 block it belongs to, 0x3c04, is a free order-2 block: the tail */
	free_pages(m, 0x3c02, 1);
	assert_list(m, fl_id(m, 1, MIGRATE_MOVABLE), (unsigned long[]){ 0x3c0a, 0x3c02 }, 2);
	/* so the next order-1 request splits nothing and leaves 0x3c02 be */
	assert_int_equal(alloc(m, MOVABLE, 1), 0x3c0a);
	assert_int_equal(alloc(m, MOVABLE, 1), 0x3c02);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * __free_one_page, the tail placement's bound: only blocks below order
 * MAX_ORDER-2 (order 8 and lower) go to the tail.  An order-9 block whose
 * order-10 buddy is free still goes to the head.
 */
static void test_free_one_page_no_tail_at_order_9(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3c00);
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3e00);
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3800);
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3a00);
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3400);
	/* 0x3800 + 0x3a00 merge back into a free order-10 block */
	free_pages(m, 0x3800, 9);
	free_pages(m, 0x3a00, 9);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->head, 0x3800);
	assert_list(m, fl_id(m, 9, MIGRATE_MOVABLE), (unsigned long[]){ 0x3600 }, 1);
	/* 0x3c00 (its buddy 0x3e00 allocated) next to the free order-10
	 * 0x3800: the tail rule would apply, but order 9 is too high */
	free_pages(m, 0x3c00, 9);
	assert_list(m, fl_id(m, 9, MIGRATE_MOVABLE), (unsigned long[]){ 0x3c00, 0x3600 }, 2);
	assert_int_equal(alloc(m, MOVABLE, 9), 0x3c00);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- free_hot_cold_page and buffered_rmqueue: hot and cold pcp pages ------ */

/* six UNMOVABLE pages 0x3c00-0x3c05 allocated, cpu 0's pcp lists empty */
static void six_unmovable_pages(struct mm_machine *m)
{
	for (unsigned long pfn = 0x3c00; pfn < 0x3c06; pfn++)
		assert_int_equal(alloc(m, GFP_KERNEL, 0), pfn);
	assert_int_equal(pcp0(m)->count, 0);
}

/*
 * free_hot_cold_page: a hot free (__free_pages) goes to the HEAD of the
 * pcp list, the next page handed out; a cold free (free_hot_cold_page_list
 * with cold, as reclaim frees) goes to the TAIL.
 */
static void test_free_hot_cold_page_cold_to_tail(void **state)
{
	struct mm_machine *m = boot_tiny();
	uint32_t u = pcp0(m)->lists[MIGRATE_UNMOVABLE];

	(void)state;
	six_unmovable_pages(m);
	free_pages(m, 0x3c00, 0);
	free_pages(m, 0x3c01, 0);
	free_cold(m, 0x3c02);
	free_cold(m, 0x3c03);
	free_pages(m, 0x3c04, 0);
	assert_list(m, u, (unsigned long[]){ 0x3c04, 0x3c01, 0x3c00, 0x3c02, 0x3c03 }, 5);
	/* the hot allocation takes the last hot free */
	assert_int_equal(alloc(m, GFP_KERNEL, 0), 0x3c04);
	assert_int_equal(alloc(m, GFP_KERNEL, 0), 0x3c01);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * buffered_rmqueue: an order-0 request with __GFP_COLD takes the TAIL of
 * the pcp list (list->prev), a hot one the head.
 */
static void test_buffered_rmqueue_cold_from_tail(void **state)
{
	struct mm_machine *m = boot_tiny();
	uint32_t u = pcp0(m)->lists[MIGRATE_UNMOVABLE];

	(void)state;
	six_unmovable_pages(m);
	free_pages(m, 0x3c00, 0);
	free_pages(m, 0x3c01, 0);
	free_pages(m, 0x3c02, 0);
	assert_list(m, u, (unsigned long[]){ 0x3c02, 0x3c01, 0x3c00 }, 3);
	assert_int_equal(alloc(m, GFP_KERNEL | __GFP_COLD, 0), 0x3c00);
	assert_int_equal(alloc(m, GFP_KERNEL, 0), 0x3c02);
	assert_list(m, u, (unsigned long[]){ 0x3c01 }, 1);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * rmqueue_bulk, the refill order: a hot refill puts each page right after
 * the previous one ([p1, p2, p3] from the head), a cold one right before
 * it ([p3, p2, p1]): either way the request gets p1, the first page taken
 * from the buddy lists, and the next ones follow in physical order.
 */
static void test_rmqueue_bulk_refill_order(void **state)
{
	struct mm_machine *m = boot_tiny();
	uint32_t mv = pcp0(m)->lists[MIGRATE_MOVABLE];

	(void)state;
	/* the buddy lists give 0x3c00, 0x3c01, 0x3c02 in that order */
	assert_int_equal(alloc(m, MOVABLE, 0), 0x3c00);
	assert_list(m, mv, (unsigned long[]){ 0x3c01, 0x3c02 }, 2);
	assert_int_equal(alloc(m, MOVABLE, 0), 0x3c01);
	assert_int_equal(alloc(m, MOVABLE, 0), 0x3c02);
	/* empty again: a cold refill gives 0x3c03, 0x3c04, 0x3c05 */
	assert_int_equal(alloc(m, MOVABLE | __GFP_COLD, 0), 0x3c03);
	assert_list(m, mv, (unsigned long[]){ 0x3c05, 0x3c04 }, 2);
	assert_int_equal(alloc(m, MOVABLE | __GFP_COLD, 0), 0x3c04);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- __rmqueue: MIGRATE_RESERVE ------------------------------------------- */

/* all fourteen MOVABLE blocks allocated: only the RESERVE block is free */
static void take_all_but_reserve(struct mm_machine *m)
{
	take_movable_but_0x800(m);
	assert_int_equal(alloc(m, MOVABLE, 10), 0x800);
	assert_int_equal(free_of_type(m, MIGRATE_UNMOVABLE), 0);
	assert_int_equal(free_of_type(m, MIGRATE_RECLAIMABLE), 0);
	assert_int_equal(free_of_type(m, MIGRATE_MOVABLE), 0);
	assert_int_equal(free_of_type(m, MIGRATE_RESERVE), 1024);
	assert_int_equal(fl(m, 10, MIGRATE_RESERVE)->head, 0x400);
}

/*
 * __rmqueue, the MIGRATE_RESERVE fallback: when neither the requested
 * type's lists nor __rmqueue_fallback's steal find a block, the request
 * is served from the MIGRATE_RESERVE lists rather than failing; the split
 * remainders stay on the RESERVE lists.
 */
static void test_rmqueue_reserve_fallback(void **state)
{
	struct mm_machine *m = boot_tiny();
	struct mm_alloc_result r;

	(void)state;
	take_all_but_reserve(m);
	assert_int_equal(mm_alloc_pages(m, 0, GFP_ATOMIC, 1, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(r.pfn, 0x400);
	assert_int_equal(r.migratetype, MIGRATE_UNMOVABLE);
	assert_int_equal(fl(m, 1, MIGRATE_RESERVE)->head, 0x402);
	assert_int_equal(fl(m, 9, MIGRATE_RESERVE)->head, 0x600);
	assert_int_equal(get_pageblock_migratetype(m, 0x400), MIGRATE_RESERVE);
	assert_int_equal(free_of_type(m, MIGRATE_UNMOVABLE), 0);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * free_hot_cold_page, RESERVE pages: a page of a MIGRATE_RESERVE pageblock
 * (which has no pcp list) is freed onto the MOVABLE pcp list, but keeps
 * its pageblock's type as its cached migratetype, so free_pcppages_bulk
 * hands it back to the RESERVE free list.
 */
static void test_free_hot_cold_page_reserve_rides_movable(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	take_all_but_reserve(m);
	/* one refill of three from the reserve block, all three handed out */
	assert_int_equal(alloc(m, GFP_ATOMIC, 0), 0x400);
	assert_int_equal(alloc(m, GFP_ATOMIC, 0), 0x401);
	assert_int_equal(alloc(m, GFP_ATOMIC, 0), 0x402);
	assert_int_equal(pcp0(m)->count, 0);
	free_pages(m, 0x400, 0);
	assert_list(m, pcp0(m)->lists[MIGRATE_MOVABLE], (unsigned long[]){ 0x400 }, 1);
	assert_int_equal(m->mem_map[0x400].index, MIGRATE_RESERVE);
	drain_pages(m, 0);
	/* 0x401 is allocated: no merge, and 0x400 sits on the RESERVE list */
	assert_false(on_pcp(m, 0x400));
	assert_list(m, fl_id(m, 0, MIGRATE_RESERVE), (unsigned long[]){ 0x400, 0x403 }, 2);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- __rmqueue_fallback ---------------------------------------------------- */

/*
 * __rmqueue_fallback, the fallbacks[] table: an UNMOVABLE request tries
 * RECLAIMABLE before MOVABLE.  An order-10 block of each is free; the
 * RECLAIMABLE one is taken.
 */
static void test_fallback_order_unmovable(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	/* a reclaimable page steals 0x3c00; freed, it is a RECLAIMABLE order-10 block */
	assert_int_equal(alloc(m, GFP_TEMPORARY, 0), 0x3c00);
	free_pages(m, 0x3c00, 0);
	drain_pages(m, 0);
	assert_int_equal(fl(m, 10, MIGRATE_RECLAIMABLE)->head, 0x3c00);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->head, 0x3800);
	assert_int_equal(alloc(m, GFP_KERNEL, 1), 0x3c00);
	assert_int_equal(get_pageblock_migratetype(m, 0x3c00), MIGRATE_UNMOVABLE);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->head, 0x3800);
	CHECK(m);
	mm_machine_destroy(m);
}

/* __rmqueue_fallback, the fallbacks[] table: RECLAIMABLE tries UNMOVABLE before MOVABLE */
static void test_fallback_order_reclaimable(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	assert_int_equal(alloc(m, GFP_KERNEL, 0), 0x3c00);
	free_pages(m, 0x3c00, 0);
	drain_pages(m, 0);
	assert_int_equal(fl(m, 10, MIGRATE_UNMOVABLE)->head, 0x3c00);
	assert_int_equal(fl(m, 10, MIGRATE_MOVABLE)->head, 0x3800);
	assert_int_equal(alloc(m, GFP_TEMPORARY, 1), 0x3c00);
	assert_int_equal(get_pageblock_migratetype(m, 0x3c00), MIGRATE_RECLAIMABLE);
	CHECK(m);
	mm_machine_destroy(m);
}

/* __rmqueue_fallback, the fallbacks[] table: MOVABLE tries RECLAIMABLE before UNMOVABLE */
static void test_fallback_order_movable(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	/* 0x3c00 becomes an UNMOVABLE order-10 block, 0x3800 a RECLAIMABLE one */
	assert_int_equal(alloc(m, GFP_KERNEL, 0), 0x3c00);
	assert_int_equal(alloc(m, GFP_TEMPORARY, 0), 0x3800);
	free_pages(m, 0x3c00, 0);
	free_pages(m, 0x3800, 0);
	drain_pages(m, 0);
	assert_int_equal(fl(m, 10, MIGRATE_UNMOVABLE)->head, 0x3c00);
	assert_int_equal(fl(m, 10, MIGRATE_RECLAIMABLE)->head, 0x3800);
	/* the twelve MOVABLE blocks 0x3400 ... 0x800 go, and with them every
	 * MOVABLE free page */
	for (unsigned long pfn = 0x3400; pfn >= 0x800; pfn -= 0x400)
		assert_int_equal(alloc(m, MOVABLE, 10), pfn);
	assert_int_equal(free_of_type(m, MIGRATE_MOVABLE), 0);
	assert_int_equal(alloc(m, MOVABLE, 1), 0x3800);
	assert_int_equal(fl(m, 10, MIGRATE_UNMOVABLE)->head, 0x3c00);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * __rmqueue_fallback, largest block first: the steal starts at order
 * MAX_ORDER-1 and works down, so it takes a whole order-10 block (and its
 * pageblocks) rather than a small block that would fit.
 */
static void test_fallback_largest_first(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	/* MOVABLE blocks of every order 3 ... 9 out of 0x3c00 */
	assert_int_equal(alloc(m, MOVABLE, 3), 0x3c00);
	assert_int_equal(fl(m, 3, MIGRATE_MOVABLE)->head, 0x3c08);
	assert_int_equal(alloc(m, GFP_KERNEL, 1), 0x3800);
	assert_int_equal(get_pageblock_migratetype(m, 0x3800), MIGRATE_UNMOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x3a00), MIGRATE_UNMOVABLE);
	assert_int_equal(fl(m, 3, MIGRATE_MOVABLE)->head, 0x3c08);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * The pageblock 0x800-0x9ff cut into 64 allocated order-3 blocks, and
 * everything else but the RESERVE block allocated too (0xa00 as one
 * order-9 block).  The caller frees what the test needs.
 */
static void fragment_pageblock_0x800(struct mm_machine *m)
{
	take_movable_but_0x800(m);
	/* smallest block first: the order-3 requests walk up through 0x800-0x9ff */
	for (unsigned long pfn = 0x800; pfn < 0xa00; pfn += 8)
		assert_int_equal(alloc(m, MOVABLE, 3), pfn);
	assert_int_equal(alloc(m, MOVABLE, 9), 0xa00);
	assert_int_equal(free_of_type(m, MIGRATE_MOVABLE), 0);
}

/*
 * __rmqueue_fallback, no steal below pageblock_order/2: a non-reclaimable
 * request that falls back to a block of order < 4 takes that block only;
 * the pageblock's other free blocks stay where they are and the pageblock
 * stays MOVABLE, although half of it is free.  (The split remainder still
 * goes to the requested type's lists, as 3.10's expand(start_migratetype).)
 */
static void test_fallback_no_steal_below_half_pageblock_order(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	fragment_pageblock_0x800(m);
	/* every other order-3 block: 32 x 8 = 256 pages, none can merge */
	for (unsigned long pfn = 0x800; pfn < 0xa00; pfn += 16)
		free_pages(m, pfn, 3);
	assert_int_equal(fl(m, 3, MIGRATE_MOVABLE)->nr, 32);
	assert_int_equal(fl(m, 3, MIGRATE_MOVABLE)->head, 0x9f0);
	assert_int_equal(alloc(m, GFP_KERNEL, 1), 0x9f0);
	assert_int_equal(get_pageblock_migratetype(m, 0x800), MIGRATE_MOVABLE);
	assert_int_equal(fl(m, 3, MIGRATE_MOVABLE)->nr, 31);
	assert_int_equal(fl(m, 3, MIGRATE_UNMOVABLE)->nr, 0);
	assert_int_equal(fl(m, 2, MIGRATE_UNMOVABLE)->head, 0x9f4);
	assert_int_equal(fl(m, 1, MIGRATE_UNMOVABLE)->head, 0x9f2);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * __rmqueue_fallback, stealing the whole pageblock: from order
 * pageblock_order/2 = 4 up, the fallback moves every free block of the
 * pageblock to the requested type (move_freepages_block) and, with at
 * least half the pageblock free, claims the pageblock for it.
 */
static void test_fallback_steals_pageblock_from_half_order(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	fragment_pageblock_0x800(m);
	/* every other 16-page block, as two order-3 frees merging: 16 x 16 = 256 pages */
	for (unsigned long pfn = 0x800; pfn < 0xa00; pfn += 32) {
		free_pages(m, pfn, 3);
		free_pages(m, pfn + 8, 3);
	}
	assert_int_equal(fl(m, 4, MIGRATE_MOVABLE)->nr, 16);
	assert_int_equal(fl(m, 4, MIGRATE_MOVABLE)->head, 0x9e0);
	assert_int_equal(alloc(m, GFP_KERNEL, 1), 0x9e0);
	assert_int_equal(get_pageblock_migratetype(m, 0x800), MIGRATE_UNMOVABLE);
	assert_int_equal(fl(m, 4, MIGRATE_MOVABLE)->nr, 0);
	assert_int_equal(fl(m, 4, MIGRATE_UNMOVABLE)->nr, 15);
	assert_int_equal(free_of_type(m, MIGRATE_UNMOVABLE), 15 * 16 + 8 + 4 + 2);
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * __rmqueue_fallback, claiming the pageblock only when at least half of it
 * (1 << (pageblock_order-1) = 256 pages) was free: with 240 free pages the
 * steal still moves them all to the requested type's lists, but the
 * pageblock stays MOVABLE.
 */
static void test_fallback_claims_pageblock_only_if_half_free(void **state)
{
	struct mm_machine *m = boot_tiny();

	(void)state;
	fragment_pageblock_0x800(m);
	/* fifteen 16-page blocks: 240 pages */
	for (unsigned long pfn = 0x800; pfn < 0x9e0; pfn += 32) {
		free_pages(m, pfn, 3);
		free_pages(m, pfn + 8, 3);
	}
	assert_int_equal(fl(m, 4, MIGRATE_MOVABLE)->nr, 15);
	assert_int_equal(alloc(m, GFP_KERNEL, 1), 0x9c0);
	assert_int_equal(get_pageblock_migratetype(m, 0x800), MIGRATE_MOVABLE);
	assert_int_equal(fl(m, 4, MIGRATE_MOVABLE)->nr, 0);
	assert_int_equal(fl(m, 4, MIGRATE_UNMOVABLE)->nr, 14);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- expand ------------------------------------------------------------------ */

/*
 * expand: splitting a block keeps its lowest 2^order pages for the request
 * and puts each upper half back on the free list of its order: an order-2
 * request from the order-10 block at 0x3c00 returns 0x3c00 and frees
 * 0x3e00 (order 9), 0x3d00 (8), ... 0x3c04 (2).
 */
static void test_expand_returns_upper_halves(void **state)
{
	struct mm_machine *m = boot_tiny();
	long free0 = normal(m)->vm_stat[NR_FREE_PAGES];

	(void)state;
	assert_int_equal(alloc(m, MOVABLE, 2), 0x3c00);
	for (int o = 2; o < MAX_ORDER - 1; o++)
		assert_list(m, fl_id(m, o, MIGRATE_MOVABLE),
			    (unsigned long[]){ 0x3c00 + (1UL << o) }, 1);
	assert_int_equal(fl(m, 1, MIGRATE_MOVABLE)->nr, 0);
	assert_int_equal(fl(m, 0, MIGRATE_MOVABLE)->nr, 0);
	assert_int_equal(normal(m)->vm_stat[NR_FREE_PAGES], free0 - 4);
	/* the next order-2 request takes the upper half left at order 2 */
	assert_int_equal(alloc(m, MOVABLE, 2), 0x3c04);
	CHECK(m);
	mm_machine_destroy(m);
}

/* ---- free_pcppages_bulk ------------------------------------------------------- */

/*
 * n pages of each type (gfp 0 skips a type) allocated on cpu 0 of the
 * 128 MiB machine, then freed hot in the order UNMOVABLE, RECLAIMABLE,
 * MOVABLE, each type in ascending pfn order: the tail of each pcp list is
 * its lowest page.  The last free fills the lists to high (42) and drains
 * one batch (7).
 */
static void fill_pcp_to_high(struct mm_machine *m, const gfp_t *gfps, int ntypes, int n,
			     unsigned long base[])
{
	struct per_cpu_pages *pcp = pcp0(m);

	assert_int_equal(pcp->batch, 7);
	assert_int_equal(pcp->high, 42);
	assert_int_equal(ntypes * n, 42);
	for (int t = 0; t < ntypes; t++) {
		base[t] = alloc(m, gfps[t], 0);
		for (int i = 1; i < n; i++)
			assert_int_equal(alloc(m, gfps[t], 0), base[t] + (unsigned long)i);
	}
	assert_int_equal(pcp->count, 0);
	for (int t = 0; t < ntypes; t++)
		for (int i = 0; i < n; i++)
			free_pages(m, base[t] + (unsigned long)i, 0);
	assert_int_equal(pcp->count, 42 - 7);
}

/* the first k pages of [base, base + n) went back to the buddy lists */
static void assert_drained(struct mm_machine *m, unsigned long base, int n, int k)
{
	for (int i = 0; i < n; i++) {
		if (on_pcp(m, base + (unsigned long)i) != (i >= k))
			print_message("0x%lx: %s, expected %s\n", base + (unsigned long)i,
				      on_pcp(m, base + (unsigned long)i) ? "on the pcp list" : "drained",
				      i >= k ? "on the pcp list" : "drained");
		assert_int_equal(on_pcp(m, base + (unsigned long)i), i >= k);
	}
}

/*
 * free_pcppages_bulk, round-robin: a drain of batch pages visits the
 * lists RECLAIMABLE, MOVABLE, UNMOVABLE, RECLAIMABLE, ... taking one page
 * per visit from the tail (the coldest page): 7 pages from three full
 * lists are R, M, U, R, M, U, R.
 */
static void test_free_pcppages_bulk_round_robin(void **state)
{
	struct mm_machine *m = boot_text(big_text);
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_TEMPORARY, MOVABLE };
	unsigned long base[3];

	(void)state;
	fill_pcp_to_high(m, gfps, 3, 14, base);
	assert_drained(m, base[0], 14, 2); /* UNMOVABLE */
	assert_drained(m, base[1], 14, 3); /* RECLAIMABLE */
	assert_drained(m, base[2], 14, 2); /* MOVABLE */
	CHECK(m);
	mm_machine_destroy(m);
}

/*
 * free_pcppages_bulk, batch_free: every list a visit passes (empty ones
 * included) adds one to the pages the next non-empty list gives up, so
 * with RECLAIMABLE empty MOVABLE gives two per round and UNMOVABLE one:
 * M, M, U, M, M, U, M.
 */
static void test_free_pcppages_bulk_batch_free_grows(void **state)
{
	struct mm_machine *m = boot_text(big_text);
	static const gfp_t gfps[] = { GFP_KERNEL, MOVABLE };
	unsigned long base[2];

	(void)state;
	fill_pcp_to_high(m, gfps, 2, 21, base);
	assert_drained(m, base[0], 21, 2); /* UNMOVABLE */
	assert_drained(m, base[1], 21, 5); /* MOVABLE */
	CHECK(m);
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_one_page_tail_if_higher_buddy_free),
		cmocka_unit_test(test_free_one_page_no_tail_at_order_9),
		cmocka_unit_test(test_free_hot_cold_page_cold_to_tail),
		cmocka_unit_test(test_buffered_rmqueue_cold_from_tail),
		cmocka_unit_test(test_rmqueue_bulk_refill_order),
		cmocka_unit_test(test_rmqueue_reserve_fallback),
		cmocka_unit_test(test_free_hot_cold_page_reserve_rides_movable),
		cmocka_unit_test(test_fallback_order_unmovable),
		cmocka_unit_test(test_fallback_order_reclaimable),
		cmocka_unit_test(test_fallback_order_movable),
		cmocka_unit_test(test_fallback_largest_first),
		cmocka_unit_test(test_fallback_no_steal_below_half_pageblock_order),
		cmocka_unit_test(test_fallback_steals_pageblock_from_half_order),
		cmocka_unit_test(test_fallback_claims_pageblock_only_if_half_free),
		cmocka_unit_test(test_expand_returns_upper_halves),
		cmocka_unit_test(test_free_pcppages_bulk_round_robin),
		cmocka_unit_test(test_free_pcppages_bulk_batch_free_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
