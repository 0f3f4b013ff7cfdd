/*
 * test_oom.c - mm/oom_kill.c and mm/show_mem.c against Linux 3.10.
 *
 * The machine is the tiny preset without SLAB: one Normal zone of 16384
 * pages, 1024 of them reserved, so totalram_pages is 15360 and (without
 * swap) one oom_score_adj unit is 15360 / 1000 = 15 pages.  Every task is
 * root's: the original 3.10 takes 30 units (450 pages) off its badness.
 * A task of N pages maps N ptes, (N + 511) / 512 page-table pages.
 *
 * The OOM killer is called directly (mm_out_of_memory, out_of_memory), not
 * through a failing allocation, so that these numbers do not depend on
 * reclaim.  Report lines are captured from the observer as MM_EV_PRINTK
 * events and compared whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h" /* out_of_memory, oom_badness, show_mem, warn_alloc_failed */
#include "boot.h"

#define TINY "arch x86_64\ncpus 2\nzone Normal start_pfn=0x0 pages=0x4000\n" \
	     "reserved 0x0-0x3ff\nslab none\n"

/* ---- the printk lines a machine wrote ------------------------------------------ */

struct log {
	char **line;
	size_t n, cap;
};

static void on_event(struct mm_machine *m, const struct mm_event *ev, void *ctx)
{
	struct log *l = ctx;

	(void)m;
	assert_int_equal(ev->type, MM_EV_PRINTK);
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->line = realloc(l->line, l->cap * sizeof(*l->line));
		assert_non_null(l->line);
	}
	l->line[l->n] = strdup(ev->text);
	assert_non_null(l->line[l->n]);
	l->n++;
}

static void log_clear(struct log *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->line[i]);
	l->n = 0;
}

static void log_free(struct log *l)
{
	log_clear(l);
	free(l->line);
	memset(l, 0, sizeof(*l));
}

/* index of the first line equal to s, or -1 */
static long log_find(const struct log *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->line[i], s) == 0)
			return (long)i;
	return -1;
}

/* the lines from..from+n-1 are exactly want[] */
static void assert_lines(const struct log *l, size_t from, const char *const *want, size_t n)
{
	assert_true(from + n <= l->n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(l->line[from + i], want[i]);
}

/* ---- machines and tasks ------------------------------------------------------------- */

struct fixture {
	struct mm_machine *m;
	struct log log;
};


static void check(struct mm_machine *m)
{
	if (mm_check(m) != 0)
		fail_msg("mm_check: %s", m->err);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->m = boot_text(TINY);
	mm_set_observer(f->m, on_event, &f->log, MM_EV_BIT(MM_EV_PRINTK));
	check(f->m);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	mm_machine_destroy(f->m);
	log_free(&f->log);
	free(f);
	return 0;
}

static struct task *spawn(struct mm_machine *m, const char *name, unsigned long pages)
{
	struct task *t = NULL;

	assert_int_equal(task_spawn(m, name, pages, 0, &t), MM_OK);
	assert_non_null(t);
	assert_int_equal(get_mm_rss(t), pages);
	check(m);
	return t;
}

/* free pages anywhere: the buddy lists (NR_FREE_PAGES) and the pcp lists */
static unsigned long free_pages(struct mm_machine *m)
{
	unsigned long n = 0;

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z))
			continue;
		n += zone_page_state(z, NR_FREE_PAGES);
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			n += (unsigned long)z->pageset[cpu].pcp.count;
	}
	return n;
}

/* ---- oom_badness ------------------------------------------------------------------ */

static void test_badness_formula(void **state)
{
	struct fixture *f = *state;
	struct task t;

	/* rss 6000 + 12 page-table pages + 0 swap - 30 units of 15 pages */
	memset(&t, 0, sizeof(t));
	t.rss_anon = 6000;
	t.nr_pte = 6000;
	assert_int_equal(oom_badness(f->m, &t, 15360), 6000 + 12 - 450);
	/* swap entries count like resident pages */
	t.swapents = 500;
	assert_int_equal(oom_badness(f->m, &t, 15360), 6500 + 12 - 450);
	/* with 4096 pages of swap the unit is 19456 / 1000 = 19 pages */
	assert_int_equal(oom_badness(f->m, &t, 19456), 6500 + 12 - 30 * 19);
	/* oom_score_adj 500: (500 - 30) * 15 more */
	t.oom_score_adj = 500;
	assert_int_equal(oom_badness(f->m, &t, 15360), 6512 + 470 * 15);
	/* -500: 6512 - 530 * 15 is below 0 and is raised to 1 */
	t.oom_score_adj = -500;
	assert_int_equal(oom_badness(f->m, &t, 15360), 1);
	/* -1000: never, whatever it holds */
	t.oom_score_adj = OOM_SCORE_ADJ_MIN;
	assert_int_equal(oom_badness(f->m, &t, 15360), 0);
	/* below 1000 pages of RAM + swap an adj unit is 0 pages */
	t.oom_score_adj = 1000;
	assert_int_equal(oom_badness(f->m, &t, 999), 6512);
	/* a task that has exited (its mm is gone) weighs nothing */
	t.oom_score_adj = 0;
	t.flags = PF_EXITING;
	assert_int_equal(oom_badness(f->m, &t, 15360), 0);
}

static void test_badness_of_tasks(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	struct task *a = spawn(m, "a", 1000), *b = spawn(m, "b", 3000);
	struct task *c = spawn(m, "c", 6000), *tiny = spawn(m, "tiny", 100);

	assert_int_equal(mm_oom_badness(m, a), 1000 + 2 - 450);
	assert_int_equal(mm_oom_badness(m, b), 3000 + 6 - 450);
	assert_int_equal(mm_oom_badness(m, c), 6000 + 12 - 450);
	assert_int_equal(mm_oom_badness(m, tiny), 1); /* 101 - 450 < 1 */
	/* /proc/PID/oom_score: badness * 1000 / 15360 */
	assert_int_equal(mm_oom_score(m, a), 552 * 1000 / 15360);
	assert_int_equal(mm_oom_score(m, c), 362);
	assert_int_equal(mm_oom_score(m, tiny), 0);

	assert_int_equal(set_oom_score_adj(m, a, 1000), MM_OK);
	assert_int_equal(mm_oom_badness(m, a), 1002 + 970 * 15);
	assert_int_equal(mm_oom_score(m, a), 15552 * 1000 / 15360); /* 1012: not capped */
	assert_int_equal(set_oom_score_adj(m, a, -1000), MM_OK);
	assert_int_equal(mm_oom_badness(m, a), 0);
	assert_int_equal(mm_oom_score(m, a), 0);

	/* out of range: refused, value kept */
	assert_int_equal(set_oom_score_adj(m, b, 1001), MM_EINVAL);
	assert_string_equal(m->err, "oom_score_adj 1001 is out of range (-1000 to 1000)");
	assert_int_equal(set_oom_score_adj(m, b, -1001), MM_EINVAL);
	assert_int_equal(b->oom_score_adj, 0);
	assert_int_equal(f->log.n, 0); /* none of this prints */
	check(m);
}

/* ---- choosing and killing -------------------------------------------------------- */

static void test_largest_dies(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	unsigned long before;
	long i;

	spawn(m, "a", 1000);
	spawn(m, "b", 3000);
	spawn(m, "c", 6000);
	before = free_pages(m);
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 0), MM_OK);
	check(m);

	/* c (pid 102) is gone and its 6000 pages are free again */
	assert_null(mm_task_find(m, 102));
	assert_non_null(mm_task_find(m, 100));
	assert_non_null(mm_task_find(m, 101));
	assert_int_equal(free_pages(m), before + 6000);
	for (struct task *t = m->work.tasks; t; t = t->next)
		assert_int_not_equal(t->pid, 102); /* reaped */

	/* the report: header, stack line, show_mem, task table, the kill */
	{
		static const char *const head[] = {
			"mmscope invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0",
			"CPU: 0 PID: 0 Comm: mmscope Not tainted 3.10.0 #1",
			"Mem-Info:",
			"Normal per-cpu:",
		};
		static const char *const tail[] = {
			"[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name",
			"[  100]     0   100     1000     1000       2        0             0 a",
			"[  101]     0   101     3000     3000       6        0             0 b",
			"[  102]     0   102     6000     6000      12        0             0 c",
			"Out of memory: Kill process 102 (c) score 362 or sacrifice child",
			"Killed process 102 (c) total-vm:24000kB, anon-rss:24000kB, file-rss:0kB",
		};

		assert_lines(&f->log, 0, head, 4);
		i = log_find(&f->log, tail[0]);
		assert_true(i > 0);
		assert_int_equal((size_t)i + 6, f->log.n);
		assert_lines(&f->log, (size_t)i, tail, 6);
		/* show_mem came before the table and saw c's pages */
		assert_true(log_find(&f->log, "active_anon:10000 inactive_anon:0 isolated_anon:0") > 0);
		assert_true(log_find(&f->log, "16384 pages RAM") > 0);
		assert_true(log_find(&f->log, "10000 pages non-shared") > 0);
	}
}

static void test_adj_min_never_max_first(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	struct task *a = spawn(m, "a", 1000), *c;

	spawn(m, "b", 3000);
	c = spawn(m, "c", 6000);
	assert_int_equal(set_oom_score_adj(m, c, OOM_SCORE_ADJ_MIN), MM_OK);
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 0), MM_OK);
	check(m);
	/* c is never chosen: b is the heaviest of the others */
	assert_non_null(mm_task_find(m, 102));
	assert_null(mm_task_find(m, 101));
	assert_true(log_find(&f->log, "Out of memory: Kill process 101 (b) score 166 or sacrifice child") >= 0);
	assert_true(log_find(&f->log, "[  102]     0   102     6000     6000      12        0         -1000 c") >= 0);

	/* +1000 makes the smallest the first choice */
	log_clear(&f->log);
	assert_int_equal(set_oom_score_adj(m, a, OOM_SCORE_ADJ_MAX), MM_OK);
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 0), MM_OK);
	check(m);
	assert_null(mm_task_find(m, 100));
	assert_non_null(mm_task_find(m, 102));
	assert_true(log_find(&f->log, "Out of memory: Kill process 100 (a) score 1012 or sacrifice child") >= 0);
	assert_true(log_find(&f->log, "Killed process 100 (a) total-vm:4000kB, anon-rss:4000kB, file-rss:0kB") >= 0);

	/* only c is left and it may not be killed: the kernel would panic */
	log_clear(&f->log);
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 0), MM_OK);
	check(m);
	assert_non_null(mm_task_find(m, 102));
	assert_string_equal(f->log.line[f->log.n - 1],
			    "Kernel panic - not syncing: Out of memory and no killable processes...");
	assert_string_equal(f->log.line[f->log.n - 2],
			    "[  102]     0   102     6000     6000      12        0         -1000 c");
}

static void test_ties_first_wins(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;

	spawn(m, "x", 2000);
	spawn(m, "y", 2000);
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 0), MM_OK);
	assert_null(mm_task_find(m, 100));
	assert_non_null(mm_task_find(m, 101));
	check(m);
}

static void test_memdie_aborts_scan(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	struct task *a = spawn(m, "a", 1000);

	spawn(m, "b", 3000);
	/* a was chosen before and has not exited yet: wait for it */
	a->flags |= TIF_MEMDIE;
	out_of_memory(m, GFP_KERNEL, 0);
	assert_int_equal(f->log.n, 0);
	assert_non_null(mm_task_find(m, 101));
	/* SysRq-f forces a kill anyway */
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, 0, 1), MM_OK);
	assert_null(mm_task_find(m, 101));
	assert_true(log_find(&f->log, "Out of memory: Kill process 101 (b) score 166 or sacrifice child") >= 0);
	a->flags &= ~TIF_MEMDIE;
	check(m);
}

/* current is on its way out: it gets the reserves, nobody else dies */
static void test_current_exiting(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	struct task *a = spawn(m, "a", 1000);

	spawn(m, "b", 3000);
	a->flags |= PF_EXITING;
	m->work.current = a;
	out_of_memory(m, GFP_KERNEL, 0);
	m->work.current = NULL;
	assert_true(a->flags & TIF_MEMDIE);
	assert_int_equal(f->log.n, 0);
	assert_non_null(mm_task_find(m, 101));
	a->flags &= ~(PF_EXITING | TIF_MEMDIE);
	check(m);
}

static void test_no_tasks_panic(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;

	out_of_memory(m, GFP_HIGHUSER_MOVABLE, 2);
	check(m);
	assert_int_equal(m->work.nr_oom_panics, 1);
	assert_string_equal(f->log.line[0],
			    "mmscope invoked oom-killer: gfp_mask=0x200da, order=2, oom_score_adj=0");
	assert_string_equal(f->log.line[f->log.n - 2],
			    "[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name");
	assert_string_equal(f->log.line[f->log.n - 1],
			    "Kernel panic - not syncing: Out of memory and no killable processes...");
	assert_int_equal(mm_out_of_memory(m, GFP_KERNEL, MAX_ORDER, 0), MM_EINVAL);
}

static void test_zonelist_oom_lock(void **state)
{
	struct mm_machine *m;
	struct mm_machine_desc d;
	char err[256];

	(void)state;
	assert_int_equal(mm_desc_preset(&d, "x86_64-4g"), 0);
	d.slab = 0;
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	/* DMA 0, DMA32 1, Normal 2 */
	assert_int_equal(try_set_zonelist_oom(m, 1), 1);
	assert_true(m->node.node_zones[0].zone_oom_locked && m->node.node_zones[1].zone_oom_locked);
	assert_false(m->node.node_zones[2].zone_oom_locked);
	assert_int_equal(try_set_zonelist_oom(m, 2), 0); /* DMA32 is taken */
	assert_false(m->node.node_zones[2].zone_oom_locked);
	assert_int_equal(try_set_zonelist_oom(m, 0), 0);
	clear_zonelist_oom(m, 1);
	assert_int_equal(try_set_zonelist_oom(m, 2), 1);
	for (int i = 0; i < 3; i++)
		assert_true(m->node.node_zones[i].zone_oom_locked);
	clear_zonelist_oom(m, 2);
	for (int i = 0; i < 3; i++)
		assert_false(m->node.node_zones[i].zone_oom_locked);
	mm_machine_destroy(m);
}

/* ---- show_mem -------------------------------------------------------------------- */

/*
 * Right after boot: 15360 free pages in 15 order-10 blocks; the first
 * free pageblock (pfn 0x400) is MIGRATE_RESERVE, so one block is on the
 * Reserve list and 14 on Movable.  Watermarks 247/308/370 pages.
 */
static const char *const tiny_show_mem[] = {
	"Mem-Info:",
	"Normal per-cpu:",
	"CPU    0: hi:   18, btch:   3 usd:   0",
	"CPU    1: hi:   18, btch:   3 usd:   0",
	"active_anon:0 inactive_anon:0 isolated_anon:0",
	" active_file:0 inactive_file:0 isolated_file:0",
	" unevictable:0 dirty:0 writeback:0 unstable:0",
	" free:15360 slab_reclaimable:0 slab_unreclaimable:0",
	" mapped:0 shmem:0 pagetables:0 bounce:0",
	" free_cma:0",
	"Normal free:61440kB min:988kB low:1232kB high:1480kB active_anon:0kB"
	" inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB"
	" isolated(anon):0kB isolated(file):0kB present:65536kB managed:61440kB"
	" mlocked:0kB dirty:0kB writeback:0kB mapped:0kB shmem:0kB"
	" slab_reclaimable:0kB slab_unreclaimable:0kB kernel_stack:0kB"
	" pagetables:0kB unstable:0kB bounce:0kB free_cma:0kB writeback_tmp:0kB"
	" pages_scanned:0 all_unreclaimable? no",
	"lowmem_reserve[]: 0 0 0 0",
	"Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB"
	" 0*2048kB 15*4096kB (MR) = 61440kB",
	"Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB",
	"0 total pagecache pages",
	"0 pages in swap cache",
	"Swap cache stats: add 0, delete 0, find 0/0",
	"Free swap  = 0kB",
	"Total swap = 0kB",
	"16384 pages RAM",
	"1024 pages reserved",
	"0 pages shared",
	"0 pages non-shared",
};
#define NR_TINY_SHOW_MEM (sizeof(tiny_show_mem) / sizeof(tiny_show_mem[0]))

static void test_show_mem_tiny(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	struct mm_alloc_result r;

	show_mem(m, 0);
	assert_int_equal(f->log.n, NR_TINY_SHOW_MEM);
	assert_lines(&f->log, 0, tiny_show_mem, NR_TINY_SHOW_MEM);

	/* page counts skipped */
	log_clear(&f->log);
	show_mem(m, SHOW_MEM_FILTER_PAGE_COUNT);
	assert_int_equal(f->log.n, NR_TINY_SHOW_MEM - 4);
	assert_string_equal(f->log.line[f->log.n - 1], "Total swap = 0kB");

	/*
	 * One order-0 page: the pcp list of cpu 0 takes a batch of 3.  The
	 * first splits an order-10 block into 512+256+...+2+1 pages, the
	 * second takes the order-0 buddy, the third splits the order-1 one;
	 * one page is handed out and two stay on the pcp list.
	 */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 0, MM_OWNER(OWNER_KERNEL, 0), &r), MM_OK);
	log_clear(&f->log);
	show_mem(m, 0);
	check(m);
	assert_string_equal(f->log.line[2], "CPU    0: hi:   18, btch:   3 usd:   2");
	assert_string_equal(f->log.line[7], " free:15357 slab_reclaimable:0 slab_unreclaimable:0");
	assert_true(strncmp(f->log.line[10], "Normal free:61428kB min:988kB", 29) == 0);
	assert_string_equal(f->log.line[12],
			    "Normal: 1*4kB (U) 0*8kB 1*16kB (U) 1*32kB (U) 1*64kB (U)"
			    " 1*128kB (U) 1*256kB (U) 1*512kB (U) 1*1024kB (U) 1*2048kB (U)"
			    " 14*4096kB (MR) = 61428kB");
	assert_string_equal(f->log.line[f->log.n - 1], "1 pages non-shared");
}

static void test_show_mem_highmem(void **state)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	struct log log = { 0 };
	char err[256];

	(void)state;
	assert_int_equal(mm_desc_preset(&d, "i386-1g"), 0);
	d.slab = 0;
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	mm_set_observer(m, on_event, &log, MM_EV_BIT(MM_EV_PRINTK));
	mm_show_mem(m);
	/* 0x40000 pfns, holes included (reserved); HighMem is 0x8000 pages */
	assert_true(log_find(&log, "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=4096kB") > 0);
	assert_true(log_find(&log, "lowmem_reserve[]: 0 864 992 992") > 0);
	assert_string_equal(log.line[log.n - 5], "262144 pages RAM");
	assert_string_equal(log.line[log.n - 4], "32768 pages HighMem");
	mm_machine_destroy(m);
	log_free(&log);
}

/* ---- warn_alloc_failed ------------------------------------------------------------- */

static void test_warn_alloc_failed(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;

	warn_alloc_failed(m, GFP_KERNEL | __GFP_NOWARN, 3);
	assert_int_equal(f->log.n, 0);

	warn_alloc_failed(m, GFP_KERNEL, 3);
	assert_int_equal(f->log.n, 2 + NR_TINY_SHOW_MEM);
	assert_string_equal(f->log.line[0], "mmscope: page allocation failure: order:3, mode:0xd0");
	assert_string_equal(f->log.line[1], "CPU: 0 PID: 0 Comm: mmscope Not tainted 3.10.0 #1");
	assert_lines(&f->log, 2, tiny_show_mem, NR_TINY_SHOW_MEM);

	/* an atomic request does not walk every page */
	log_clear(&f->log);
	warn_alloc_failed(m, GFP_ATOMIC, 0);
	assert_string_equal(f->log.line[0], "mmscope: page allocation failure: order:0, mode:0x20");
	assert_string_equal(f->log.line[f->log.n - 1], "Total swap = 0kB");

	/* the failing task's name, when a fault fails */
	log_clear(&f->log);
	m->work.current = spawn(m, "hog", 10);
	warn_alloc_failed(m, GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
	m->work.current = NULL;
	assert_string_equal(f->log.line[0], "hog: page allocation failure: order:0, mode:0x280da");
	assert_string_equal(f->log.line[1], "CPU: 0 PID: 100 Comm: hog Not tainted 3.10.0 #1");
	check(m);
}

/* 10 reports per 5 seconds; then the count of those left out */
static void test_warn_ratelimit(void **state)
{
	struct fixture *f = *state;
	struct mm_machine *m = f->m;
	size_t per_report;
	int i;

	warn_alloc_failed(m, GFP_ATOMIC, 0);
	per_report = f->log.n;
	for (i = 1; i < 13; i++)
		warn_alloc_failed(m, GFP_ATOMIC, 0);
	assert_int_equal(f->log.n, 10 * per_report);
	/* __GFP_NOWARN is not counted as suppressed */
	warn_alloc_failed(m, GFP_ATOMIC | __GFP_NOWARN, 0);
	mm_tick(m, 5 * HZ + 1);
	log_clear(&f->log);
	warn_alloc_failed(m, GFP_ATOMIC, 0);
	assert_int_equal(f->log.n, per_report + 1);
	assert_string_equal(f->log.line[0], "warn_alloc_failed: 3 callbacks suppressed");
	assert_string_equal(f->log.line[1], "mmscope: page allocation failure: order:0, mode:0x20");
	check(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_badness_formula, setup, teardown),
		cmocka_unit_test_setup_teardown(test_badness_of_tasks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_largest_dies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_adj_min_never_max_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ties_first_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memdie_aborts_scan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_current_exiting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_tasks_panic, setup, teardown),
		cmocka_unit_test(test_zonelist_oom_lock),
		cmocka_unit_test_setup_teardown(test_show_mem_tiny, setup, teardown),
		cmocka_unit_test(test_show_mem_highmem),
		cmocka_unit_test_setup_teardown(test_warn_alloc_failed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_warn_ratelimit, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
