/*
 * test_page_alloc.c - the buddy allocator against the kernel's numbers.
 *
 * Expected values come from spec/page-alloc.md §14's worked example for the
 * x86_64-4g preset and from working the 3.10 rules by hand for small cases.
 * The random test runs a million mixed operations (MM_TEST_OPS overrides)
 * with the invariant checker after every one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "mm.h"
#include "boot.h"


static struct mm_machine *boot_preset(const char *name)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_preset(&d, name), 0);
	d.slab = 0; /* the page allocator alone: its pfns are what §14 predicts */
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	assert_int_equal(mm_check(m), 0);
	return m;
}

static unsigned long alloc(struct mm_machine *m, int cpu, gfp_t gfp, unsigned order)
{
	struct mm_alloc_result r;

	assert_int_equal(mm_alloc_pages(m, cpu, gfp, order, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	return r.pfn;
}

static struct zone *zone(struct mm_machine *m, const char *name)
{
	struct zone *z = mm_zone_by_name(m, name);

	assert_non_null(z);
	return z;
}

static uint32_t head_of(struct mm_machine *m, uint32_t id)
{
	return m->lists[id].head;
}

/* §14: watermarks, protection, pcp, buddyinfo of the 4 GiB machine */
static void test_boot_x86_64_4g(void **state)
{
	struct mm_machine *m = boot_preset("x86_64-4g");
	struct zone *dma = zone(m, "DMA"), *dma32 = zone(m, "DMA32"), *normal = zone(m, "Normal");
	static const unsigned long dma_buddy[MAX_ORDER] = { 2, 2, 2, 2, 2, 1, 1, 0, 1, 1, 3 };

	(void)state;
	assert_int_equal(m->min_free_kbytes, 8159);
	assert_int_equal(m->page_group_by_mobility_disabled, 0);
	assert_int_equal(dma->watermark[WMARK_MIN], 7);
	assert_int_equal(dma->watermark[WMARK_LOW], 8);
	assert_int_equal(dma->watermark[WMARK_HIGH], 10);
	assert_int_equal(dma32->watermark[WMARK_MIN], 1517);
	assert_int_equal(dma32->watermark[WMARK_LOW], 1896);
	assert_int_equal(dma32->watermark[WMARK_HIGH], 2275);
	assert_int_equal(normal->watermark[WMARK_MIN], 513);
	assert_int_equal(normal->watermark[WMARK_LOW], 641);
	assert_int_equal(normal->watermark[WMARK_HIGH], 769);
	assert_int_equal(dma->lowmem_reserve[1], 3024);
	assert_int_equal(dma->lowmem_reserve[2], 4048);
	assert_int_equal(dma->lowmem_reserve[3], 4048);
	assert_int_equal(dma32->lowmem_reserve[2], 1024);
	assert_int_equal(dma->pageset[0].pcp.batch, 1);
	assert_int_equal(dma->pageset[0].pcp.high, 0);
	assert_int_equal(normal->pageset[1].pcp.batch, 31);
	assert_int_equal(normal->pageset[1].pcp.high, 186);
	assert_int_equal(dma->managed_pages, 3998);
	assert_int_equal(dma32->managed_pages, 774144);
	for (int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(dma->free_area[o].nr_free, dma_buddy[o]);
	assert_int_equal(dma32->free_area[10].nr_free, 756);
	assert_int_equal(normal->free_area[10].nr_free, 256);
	/* MIGRATE_RESERVE: the first movable blocks without reserved pages */
	assert_int_equal(get_pageblock_migratetype(m, 0x0), MIGRATE_UNMOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x200), MIGRATE_RESERVE);
	assert_int_equal(get_pageblock_migratetype(m, 0x400), MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x1000), MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x3000), MIGRATE_RESERVE);
	assert_int_equal(get_pageblock_migratetype(m, 0x3200), MIGRATE_RESERVE);
	assert_int_equal(get_pageblock_migratetype(m, 0x3400), MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x100000), MIGRATE_RESERVE);
	assert_int_equal(get_pageblock_migratetype(m, 0x100200), MIGRATE_RESERVE);
	assert_int_equal(head_of(m, normal->free_area[10].free_list[MIGRATE_RESERVE]), 0x100000);
	assert_int_equal(head_of(m, normal->free_area[10].free_list[MIGRATE_MOVABLE]), 0x13fc00);
	mm_machine_destroy(m);
}

/* §14: the first GFP_KERNEL page steals the highest movable block */
static void test_first_allocations(void **state)
{
	struct mm_machine *m = boot_preset("x86_64-4g");
	struct zone *normal = zone(m, "Normal");
	struct per_cpu_pages *pcp = &normal->pageset[0].pcp;

	(void)state;
	assert_int_equal(alloc(m, 0, GFP_KERNEL, 0), 0x13fc00);
	/* the refill took 31 pages in ascending order; 30 remain, head first */
	assert_int_equal(pcp->count, 30);
	assert_int_equal(head_of(m, pcp->lists[MIGRATE_UNMOVABLE]), 0x13fc01);
	assert_int_equal(m->lists[pcp->lists[MIGRATE_UNMOVABLE]].tail, 0x13fc1e);
	assert_int_equal(alloc(m, 0, GFP_KERNEL, 0), 0x13fc01);
	/* both pageblocks of the stolen order-10 block now belong to UNMOVABLE */
	assert_int_equal(get_pageblock_migratetype(m, 0x13fc00), MIGRATE_UNMOVABLE);
	assert_int_equal(get_pageblock_migratetype(m, 0x13fe00), MIGRATE_UNMOVABLE);
	/* movable requests keep to movable blocks: the next highest one */
	assert_int_equal(alloc(m, 0, GFP_HIGHUSER_MOVABLE, 0), 0x13f800);
	/* another cpu has its own list */
	assert_int_equal(alloc(m, 1, GFP_KERNEL, 0), 0x13fc1f);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

static const char *const small =
	"arch x86_64\ncpus 2\n"
	"zone DMA start_pfn=0x1 pages=0x3ff\n"
	"zone Normal start_pfn=0x400 pages=0xc00\n"
	"hole 0x9f-0xff\nreserved 0x400-0x43f\nslab none\n";

/* expand keeps the low half and frees the upper halves, largest first */
static void test_split_and_merge(void **state)
{
	struct mm_machine *m = boot_text(small);
	struct zone *z = zone(m, "Normal");
	unsigned long blocks[MAX_ORDER], p;

	(void)state;
	for (int o = 0; o < MAX_ORDER; o++)
		blocks[o] = z->free_area[o].nr_free;
	p = alloc(m, 0, GFP_HIGHUSER_MOVABLE, 3);
	/* the order-3 request split the smallest movable block >= 3 */
	assert_int_equal(p & 7, 0);
	assert_int_equal(mm_check(m), 0);
	assert_int_equal(mm_free_pages(m, 0, p, 3), 0);
	for (int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(z->free_area[o].nr_free, blocks[o]);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/*
 * expand keeps the lowest pages and puts the upper halves at the head of
 * their lists; a merged block whose buddy one order up is free goes to
 * the tail of its list (it is likely to merge again soon).
 */
static void test_expand_and_tail_rule(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct zone *z = zone(m, "Normal");
	uint32_t *fl3 = z->free_area[3].free_list, *fl2 = z->free_area[2].free_list;

	(void)state;
	/* order 3 from the order-10 block at 0x3c00: 0x3e00 (9) ... 0x3c08 (3) */
	assert_int_equal(alloc(m, 0, GFP_HIGHUSER_MOVABLE, 3), 0x3c00);
	assert_int_equal(head_of(m, z->free_area[9].free_list[MIGRATE_MOVABLE]), 0x3e00);
	assert_int_equal(head_of(m, z->free_area[4].free_list[MIGRATE_MOVABLE]), 0x3c10);
	assert_int_equal(head_of(m, fl3[MIGRATE_MOVABLE]), 0x3c08);
	/* order 1 splits 0x3c08: 0x3c0c (2) and 0x3c0a (1) go back, 0x3c08 is ours */
	assert_int_equal(alloc(m, 0, GFP_HIGHUSER_MOVABLE, 1), 0x3c08);
	assert_int_equal(head_of(m, fl2[MIGRATE_MOVABLE]), 0x3c0c);
	assert_int_equal(head_of(m, z->free_area[1].free_list[MIGRATE_MOVABLE]), 0x3c0a);
	assert_int_equal(m->lists[fl3[MIGRATE_MOVABLE]].nr, 0);
	/* freeing it merges back to order 3; 0x3c10 (order 4) is free: tail */
	assert_int_equal(mm_free_pages(m, 0, 0x3c08, 1), 0);
	assert_int_equal(m->lists[fl3[MIGRATE_MOVABLE]].tail, 0x3c08);
	assert_int_equal(z->free_area[2].nr_free, 0);
	/* freeing 0x3c00 merges all the way back to the order-10 block */
	assert_int_equal(mm_free_pages(m, 0, 0x3c00, 3), 0);
	assert_int_equal(head_of(m, z->free_area[10].free_list[MIGRATE_MOVABLE]), 0x3c00);
	for (int o = 0; o < MAX_ORDER - 1; o++)
		assert_int_equal(z->free_area[o].nr_free, 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* hot pages come back from the head, cold (__GFP_COLD) from the tail */
static void test_hot_cold(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct per_cpu_pages *pcp = &zone(m, "Normal")->pageset[0].pcp;
	unsigned long a, b, c;

	(void)state;
	a = alloc(m, 0, GFP_KERNEL, 0); /* refill 3: a, a+1, a+2 */
	assert_int_equal(pcp->batch, 3);
	assert_int_equal(pcp->count, 2);
	b = alloc(m, 0, GFP_KERNEL | __GFP_COLD, 0);
	assert_int_equal(b, a + 2); /* the tail */
	c = alloc(m, 0, GFP_KERNEL, 0);
	assert_int_equal(c, a + 1);
	/* freed pages go to the head: the next hot allocation gets them back */
	assert_int_equal(mm_free_pages(m, 0, b, 0), 0);
	assert_int_equal(alloc(m, 0, GFP_KERNEL, 0), b);
	/* a cold batch free puts pages at the tail */
	{
		unsigned long list[2] = { a, c };

		assert_int_equal(mm_free_pages_list(m, 0, list, 2, 1), 0);
		assert_int_equal(m->lists[pcp->lists[MIGRATE_UNMOVABLE]].tail, c);
		assert_int_equal(alloc(m, 0, GFP_KERNEL | __GFP_COLD, 0), c);
	}
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* a free that fills the list to high sends batch pages back, coldest first */
static void test_drain_at_high(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct zone *z = zone(m, "Normal");
	struct per_cpu_pages *pcp = &z->pageset[0].pcp;
	unsigned long pfn[18];
	long free_before;

	(void)state;
	assert_int_equal(pcp->high, 18);
	for (int i = 0; i < 18; i++)
		pfn[i] = alloc(m, 0, GFP_KERNEL, 0);
	assert_int_equal(pcp->count, 0);
	free_before = z->vm_stat[NR_FREE_PAGES];
	for (int i = 0; i < 17; i++)
		assert_int_equal(mm_free_pages(m, 0, pfn[i], 0), 0);
	assert_int_equal(pcp->count, 17);
	assert_int_equal(z->vm_stat[NR_FREE_PAGES], free_before);
	assert_int_equal(mm_free_pages(m, 0, pfn[17], 0), 0);
	assert_int_equal(pcp->count, 18 - 3);
	assert_int_equal(z->vm_stat[NR_FREE_PAGES], free_before + 3);
	/* the three coldest (first freed) pages went back */
	assert_true(m->mem_map[pfn[0]].flags & PG_buddy || !(m->mem_map[pfn[0]].flags & PG_pcp));
	assert_false(m->mem_map[pfn[0]].flags & PG_pcp);
	assert_false(m->mem_map[pfn[2]].flags & PG_pcp);
	assert_true(m->mem_map[pfn[3]].flags & PG_pcp);
	drain_all_pages(m);
	assert_int_equal(pcp->count, 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/*
 * The fast path stops at the low watermark; the slow path goes on to min
 * (nothing here to reclaim) and says why it stopped; GFP_ATOMIC then dips
 * below min: ALLOC_HIGH halves it, ALLOC_HARDER takes a quarter more.
 */
static void test_watermark_refusal(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct zone *z = zone(m, "Normal");
	struct mm_alloc_result r;
	long n = 0;

	(void)state;
	while (mm_alloc_pages(m, 0, GFP_NOWAIT, 0, MM_OWNER(OWNER_KERNEL, 0), &r) == 0)
		n++;
	/* GFP_NOWAIT has ALLOC_HARDER: min 247 - 61 = 186 */
	assert_true(z->vm_stat[NR_FREE_PAGES] <= 186 + 1);
	assert_non_null(strstr(r.why, "min 247 (reduced to 186)"));
	assert_int_equal(r.pfn, MM_NOPFN);
	/* GFP_ATOMIC: 247 - 123 = 124, - 31 = 93 */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_ATOMIC, 0, 0, &r), 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* every kind of bad free is refused and leaves the model unchanged */
static void test_bad_frees(void **state)
{
	struct mm_machine *m = boot_preset("x86_64-4g");
	unsigned long p = alloc(m, 0, GFP_KERNEL, 3);
	unsigned long q = alloc(m, 0, GFP_KERNEL, 0);
	long free0 = zone(m, "Normal")->vm_stat[NR_FREE_PAGES];

	(void)state;
	assert_int_equal(mm_free_pages(m, 0, p + 1, -1), MM_EINVAL); /* tail */
	assert_non_null(strstr(m->err, "not the head"));
	assert_int_equal(mm_free_pages(m, 0, p, 2), MM_EINVAL); /* wrong order */
	assert_int_equal(mm_free_pages(m, 0, 0x1000, 0), MM_EBADPAGE); /* reserved */
	assert_non_null(strstr(m->err, "Bad page state"));
	assert_int_equal(mm_free_pages(m, 0, 0xa0, 0), MM_EBADPAGE); /* hole */
	assert_int_equal(mm_free_pages(m, 0, 0xc0000, 0), MM_EINVAL); /* PCI hole */
	assert_int_equal(mm_free_pages(m, 0, p, 11), MM_EINVAL);
	assert_int_equal(mm_free_pages(m, 5, p, 3), MM_EINVAL);
	assert_int_equal(mm_free_pages(m, 0, 0x100000 + 5, 0), MM_EBADPAGE); /* inside a free block */
	assert_int_equal(zone(m, "Normal")->vm_stat[NR_FREE_PAGES], free0);
	assert_int_equal(mm_free_pages(m, 0, q, 0), 0);
	assert_int_equal(mm_free_pages(m, 0, q, 0), MM_EBADPAGE); /* on the pcp list */
	assert_int_equal(mm_free_pages(m, 0, p, -1), 0);
	assert_int_equal(mm_free_pages(m, 0, p, 3), MM_EBADPAGE); /* double free */
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

static void test_bad_allocs(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct mm_alloc_result r;

	(void)state;
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 11, 0, &r), MM_EINVAL);
	assert_int_equal(mm_alloc_pages(m, 0, __GFP_DMA | __GFP_HIGHMEM, 0, 0, &r), MM_EINVAL);
	assert_int_equal(mm_alloc_pages(m, 2, GFP_KERNEL, 0, 0, &r), MM_EINVAL);
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL | __GFP_MOVABLE | __GFP_RECLAIMABLE, 0, 0, &r), MM_EINVAL);
	/* tiny has no DMA zone populated: GFP_DMA finds no zone */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_DMA, 0, 0, &r), MM_ENOMEM);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* a reclaimable request steals the whole pageblock even at order 0 */
static void test_fallback_steal(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	unsigned long p;

	(void)state;
	p = alloc(m, 0, GFP_TEMPORARY, 0);
	assert_int_equal(get_pageblock_migratetype(m, p), MIGRATE_RECLAIMABLE);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* the checker notices corruption (it is not a test that cannot fail) */
static void test_checker_catches(void **state)
{
	struct mm_machine *m = boot_preset("tiny");
	struct zone *z = zone(m, "Normal");

	(void)state;
	z->vm_stat[NR_FREE_PAGES]--;
	assert_int_equal(mm_check(m), MM_EINVAL);
	assert_non_null(strstr(m->err, "NR_FREE_PAGES"));
	z->vm_stat[NR_FREE_PAGES]++;
	m->mem_map[0x2000].flags |= PG_head; /* a phantom allocation inside a free block */
	assert_int_equal(mm_check(m), MM_EINVAL);
	m->mem_map[0x2000].flags &= ~PG_head;
	z->free_area[10].nr_free++;
	assert_int_equal(mm_check(m), MM_EINVAL);
	z->free_area[10].nr_free--;
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/*
 * MM_BUG_ON is live in the core the unit tests link (libmm-debug.a, built
 * with MM_DEBUG): a free of a block that is not aligned to its order - an
 * allocation head faked at an odd pfn - breaks __free_one_page's
 * VM_BUG_ON(page_idx & ((1 << order) - 1)), which writes one line to
 * stderr and aborts.  It runs in a child process.
 */
static void test_bug_on_aborts(void **state)
{
	int fds[2], status;
	char line[512] = "";
	ssize_t n;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit nocore = { 0, 0 };
		struct mm_machine *m = boot_preset("tiny");
		unsigned long p = alloc(m, 0, GFP_HIGHUSER_MOVABLE, 2);

		setrlimit(RLIMIT_CORE, &nocore);
		dup2(fds[1], 2);
		close(fds[0]);
		/* p + 1 posing as the head of an order-1 allocation */
		m->mem_map[p + 1].flags = (m->mem_map[p + 1].flags & ~PG_tail) | PG_head;
		m->mem_map[p + 1].alloc_order = 1;
		mm_free_pages(m, 0, p + 1, 1);
		_exit(0); /* no MM_BUG_ON: the parent fails the test */
	}
	close(fds[1]);
	n = read(fds[0], line, sizeof(line) - 1);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (n > 0)
		line[n] = '\0';
	if (!WIFSIGNALED(status) || !strstr(line, "MM_BUG_ON"))
		print_message("child status 0x%x, stderr: %s\n", status, line);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	assert_non_null(strstr(line, "mm: MM_BUG_ON(pfn & ((1UL << order) - 1)) at mm/linux-3.10/page_alloc.c:"));
	assert_non_null(strstr(line, " in __free_one_page()\n"));
}

static unsigned long state_hash(struct mm_machine *m)
{
	unsigned long h = 1469598103934665603UL;

	for (uint32_t id = 1; id < m->nr_lists; id++) {
		for (uint32_t p = m->lists[id].head; p != MM_NIL; p = m->mem_map[p].next)
			h = (h ^ p) * 1099511628211UL;
		h = (h ^ 0xabc) * 1099511628211UL;
	}
	for (int i = 0; i < m->node.nr_zones; i++)
		h ^= m->node.node_zones[i].managed_pages * 31 + (unsigned long)m->node.node_zones[i].vm_stat[0];
	h ^= m->vm_events[PGFREE];
	for (unsigned long b = 0; b < (m->max_pfn >> m->pageblock_order); b++)
		h = (h ^ m->pageblock_flags[b]) * 1099511628211UL;
	return h;
}

/* freeing whole MAX_ORDER blocks in one step at boot changes nothing */
static void test_boot_shortcut_is_exact(void **state)
{
	static const char *const presets[] = { "tiny", "x86_64-4g", "i386-1g" };

	(void)state;
	for (int i = 0; i < 3; i++) {
		struct mm_machine_desc d;
		char err[256];
		struct mm_machine *a, *b;

		assert_int_equal(mm_desc_preset(&d, presets[i]), 0);
		d.slab = 0;
		a = mm_machine_create(&d, err, sizeof(err));
		d.slow_boot = 1;
		b = mm_machine_create(&d, err, sizeof(err));
		assert_non_null(a);
		assert_non_null(b);
		assert_true(state_hash(a) == state_hash(b));
		mm_machine_destroy(a);
		mm_machine_destroy(b);
	}
}

/* ---- a million random operations, checked after each ------------------------ */

struct live {
	unsigned long pfn;
	int order;
};

static uint64_t rng = 88172645463325252ULL;

static uint64_t xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_HIGHUSER_MOVABLE, GFP_TEMPORARY, GFP_ATOMIC, GFP_USER,
	GFP_KERNEL | __GFP_COLD, GFP_HIGHUSER_MOVABLE | __GFP_COLD, GFP_DMA,
	GFP_NOWAIT, GFP_KERNEL | __GFP_HIGH,
};

static int random_order(void)
{
	uint64_t r = xorshift() % 100;

	return r < 70 ? 0 : r < 85 ? 1 : r < 93 ? 3 : (int)(xorshift() % MAX_ORDER);
}

static void random_op(struct mm_machine *m, struct live *live, int *nlive, int cap)
{
	uint64_t r = xorshift() % 1000;
	int cpu = (int)(xorshift() % (uint64_t)m->nr_cpus);

	if (r < 480 && *nlive < cap) {
		struct mm_alloc_result res;
		int order = random_order();
		gfp_t gfp = gfps[xorshift() % (sizeof(gfps) / sizeof(gfps[0]))];

		if (mm_alloc_pages(m, cpu, gfp, (unsigned)order, MM_OWNER(OWNER_KERNEL, 1), &res) == 0)
			live[(*nlive)++] = (struct live){ res.pfn, order };
	} else if (r < 960 && *nlive) {
		int i = (int)(xorshift() % (uint64_t)*nlive);

		assert_int_equal(mm_free_pages(m, cpu, live[i].pfn, live[i].order), 0);
		live[i] = live[--*nlive];
	} else if (r < 975 && *nlive) {
		/* a double free or wrong order must be refused without a trace */
		unsigned long h = state_hash(m);
		int i = (int)(xorshift() % (uint64_t)*nlive);

		if (live[i].order)
			assert_int_not_equal(mm_free_pages(m, cpu, live[i].pfn + 1, 0), 0);
		else
			assert_int_not_equal(mm_free_pages(m, cpu, live[i].pfn, 1), 0);
		assert_true(h == state_hash(m));
	} else if (r < 985) {
		drain_pages(m, cpu);
	} else if (r < 990) {
		drain_all_pages(m);
	} else if (r < 992) {
		assert_int_equal(mm_set_min_free_kbytes(m, (long)(xorshift() % 2048)), 0);
	} else {
		/* a cold batch free of up to four order-0 pages */
		unsigned long batch[4];
		int n = 0;

		for (int i = 0; i < *nlive && n < 4; i++) {
			if (live[i].order)
				continue;
			batch[n++] = live[i].pfn;
			live[i--] = live[--*nlive];
		}
		if (n)
			assert_int_equal(mm_free_pages_list(m, cpu, batch, n, (int)(xorshift() & 1)), 0);
	}
}

static void test_random_ops(void **state)
{
	struct mm_machine *m = boot_text(small);
	const char *env = getenv("MM_TEST_OPS");
	long ops = env ? atol(env) : 1000000;
	enum { CAP = 3000 };
	struct live *live = calloc(CAP, sizeof(*live));
	int nlive = 0;

	(void)state;
	assert_non_null(live);
	for (long i = 0; i < ops; i++) {
		random_op(m, live, &nlive, CAP);
		if (mm_check(m)) {
			fprintf(stderr, "op %ld: %s\n", i, m->err);
			fail();
		}
	}
	while (nlive)
		assert_int_equal(mm_free_pages(m, 0, live[--nlive].pfn, -1), 0);
	drain_all_pages(m);
	assert_int_equal(mm_check(m), 0);
	free(live);
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_x86_64_4g),
		cmocka_unit_test(test_first_allocations),
		cmocka_unit_test(test_split_and_merge),
		cmocka_unit_test(test_expand_and_tail_rule),
		cmocka_unit_test(test_hot_cold),
		cmocka_unit_test(test_drain_at_high),
		cmocka_unit_test(test_watermark_refusal),
		cmocka_unit_test(test_bad_frees),
		cmocka_unit_test(test_bad_allocs),
		cmocka_unit_test(test_fallback_steal),
		cmocka_unit_test(test_checker_catches),
		cmocka_unit_test(test_bug_on_aborts),
		cmocka_unit_test(test_boot_shortcut_is_exact),
		cmocka_unit_test(test_random_ops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
