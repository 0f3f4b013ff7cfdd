/*
 * test_trace.c - mm/trace.c: each kmem tracepoint's line as 3.10 prints it
 * (TP_printk of include/trace/events/kmem.h, %p of lib/vsprintf.c), on a
 * fake x86_64 and a fake i386 machine, plus the stage and bad-page lines
 * and the name tables.  The page allocator's six mm_page_* events and
 * SLAB's kmalloc, kmem_cache_alloc, kfree and kmem_cache_free.
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

/* Only what trace.c reads: the arch and pageblock_order. */
static struct mm_machine *fake_machine(enum mm_arch arch, int pageblock_order)
{
	struct mm_machine *m = calloc(1, sizeof(*m));

	assert_non_null(m);
	m->arch = arch;
	m->pageblock_order = pageblock_order;
	m->pageblock_nr_pages = 1UL << pageblock_order;
	return m;
}

static int setup_x86_64(void **state)
{
	*state = fake_machine(ARCH_X86_64, 9);
	return 0;
}

/* non-PAE i386: HPAGE_SHIFT 22, so pageblock_order 10 */
static int setup_i386(void **state)
{
	*state = fake_machine(ARCH_I386, 10);
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static struct mm_event event(enum mm_event_type type, unsigned long pfn, int order)
{
	struct mm_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.pfn = pfn;
	ev.order = order;
	return ev;
}

static void assert_line(const struct mm_machine *m, const struct mm_event *ev,
			const char *want)
{
	char buf[1024];

	mm_event_format(m, ev, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

/* ---- x86_64 ------------------------------------------------------------------ */

static void test_page_address_x86_64(void **state)
{
	struct mm_machine *m = *state;

	/* VMEMMAP_START + pfn * sizeof(struct page) */
	assert_true(mm_page_address(m, 0) == 0xffffea0000000000ULL);
	assert_true(mm_page_address(m, 1) == 0xffffea0000000040ULL);
	assert_true(mm_page_address(m, 0x13fc00) == 0xffffea0004ff0000ULL);
	assert_true(mm_page_address(NULL, 1) == 0xffffea0000000040ULL);
}

static void test_page_alloc_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC, 0x13fc00, 0);

	ev.migratetype = MIGRATE_UNMOVABLE;
	ev.gfp = GFP_KERNEL;
	assert_line(m, &ev,
		    "mm_page_alloc: page=ffffea0004ff0000 pfn=1309696 order=0 "
		    "migratetype=0 gfp_flags=GFP_KERNEL");

	ev = event(MM_EV_PAGE_ALLOC, 0x1234, 3);
	ev.migratetype = MIGRATE_UNMOVABLE;
	ev.gfp = GFP_KERNEL | __GFP_ZERO | __GFP_COMP;
	assert_line(m, &ev,
		    "mm_page_alloc: page=ffffea0000048d00 pfn=4660 order=3 "
		    "migratetype=0 gfp_flags=GFP_KERNEL|GFP_COMP|GFP_ZERO");

	ev = event(MM_EV_PAGE_ALLOC, 77, 0);
	ev.gfp = GFP_ATOMIC | GFP_DMA;
	assert_line(m, &ev,
		    "mm_page_alloc: page=ffffea0000001340 pfn=77 order=0 "
		    "migratetype=0 gfp_flags=GFP_ATOMIC|0x1");
}

/* A failed allocation: NULL prints as "(null)" in a pointer-wide field
 * and the TP_printk shows pfn 0 for it. */
static void test_page_alloc_failed_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC, MM_NOPFN, 10);

	ev.migratetype = MIGRATE_MOVABLE;
	ev.gfp = GFP_HIGHUSER_MOVABLE;
	assert_line(m, &ev,
		    "mm_page_alloc: page=          (null) pfn=0 order=10 "
		    "migratetype=2 gfp_flags=GFP_HIGHUSER_MOVABLE");

	ev.gfp = 0;
	ev.migratetype = MIGRATE_UNMOVABLE;
	ev.order = 0;
	assert_line(m, &ev,
		    "mm_page_alloc: page=          (null) pfn=0 order=0 "
		    "migratetype=0 gfp_flags=GFP_NOWAIT");
}

static void test_page_free_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_FREE, 0x13fc00, 2);

	assert_line(m, &ev, "mm_page_free: page=ffffea0004ff0000 pfn=1309696 order=2");

	ev = event(MM_EV_PAGE_FREE_BATCHED, 4096, 0);
	ev.cold = 1;
	assert_line(m, &ev,
		    "mm_page_free_batched: page=ffffea0000040000 pfn=4096 order=0 cold=1");
	ev.cold = 0;
	assert_line(m, &ev,
		    "mm_page_free_batched: page=ffffea0000040000 pfn=4096 order=0 cold=0");
}

/* percpu_refill is derived from the order in 3.10, whatever the caller
 * put in the event. */
static void test_zone_locked_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC_ZONE_LOCKED, 4096, 0);

	ev.migratetype = MIGRATE_MOVABLE;
	assert_line(m, &ev,
		    "mm_page_alloc_zone_locked: page=ffffea0000040000 pfn=4096 "
		    "order=0 migratetype=2 percpu_refill=1");
	ev.order = 3;
	ev.percpu_refill = 1;
	assert_line(m, &ev,
		    "mm_page_alloc_zone_locked: page=ffffea0000040000 pfn=4096 "
		    "order=3 migratetype=2 percpu_refill=0");
}

static void test_pcpu_drain_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_PCPU_DRAIN, 262143, 0);

	ev.migratetype = MIGRATE_RECLAIMABLE;
	assert_line(m, &ev,
		    "mm_page_pcpu_drain: page=ffffea0000ffffc0 pfn=262143 order=0 "
		    "migratetype=1");
}

static void test_extfrag_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC_EXTFRAG, 0x40000, 0);

	/* took a whole order-10 block and moved it: not fragmenting */
	ev.migratetype = MIGRATE_UNMOVABLE;
	ev.fallback_order = 10;
	ev.fallback_mt = MIGRATE_UNMOVABLE;
	assert_line(m, &ev,
		    "mm_page_alloc_extfrag: page=ffffea0001000000 pfn=262144 "
		    "alloc_order=0 fallback_order=10 pageblock_order=9 "
		    "alloc_migratetype=0 fallback_migratetype=0 fragmenting=0 "
		    "change_ownership=1");

	/* a small piece stolen without moving the block */
	ev.fallback_order = 2;
	ev.fallback_mt = MIGRATE_MOVABLE;
	assert_line(m, &ev,
		    "mm_page_alloc_extfrag: page=ffffea0001000000 pfn=262144 "
		    "alloc_order=0 fallback_order=2 pageblock_order=9 "
		    "alloc_migratetype=0 fallback_migratetype=2 fragmenting=1 "
		    "change_ownership=0");

	/* the boundary: fallback_order == pageblock_order is not fragmenting */
	ev.fallback_order = 9;
	assert_line(m, &ev,
		    "mm_page_alloc_extfrag: page=ffffea0001000000 pfn=262144 "
		    "alloc_order=0 fallback_order=9 pageblock_order=9 "
		    "alloc_migratetype=0 fallback_migratetype=2 fragmenting=0 "
		    "change_ownership=0");
}

/* SLAB's kmem_alloc class: bytes_req is the request (object_size for
 * kmem_cache_alloc), bytes_alloc the cache's stride (kmalloc(70) lands in
 * kmalloc-96, whose stride is 128). */
static void test_kmem_alloc_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = MM_EV_KMALLOC;
	ev.call_site = 0xffffffff811a2b3cUL;
	ev.ptr = 0xffff880000123080UL;
	ev.bytes_req = 70;
	ev.bytes_alloc = 128;
	ev.gfp = GFP_KERNEL;
	assert_line(m, &ev,
		    "kmalloc: call_site=ffffffff811a2b3c ptr=ffff880000123080 "
		    "bytes_req=70 bytes_alloc=128 gfp_flags=GFP_KERNEL");

	ev.type = MM_EV_KMEM_CACHE_ALLOC;
	ev.ptr = 0xffff8800001230c0UL;
	ev.bytes_req = 200;
	ev.bytes_alloc = 256;
	ev.gfp = GFP_KERNEL | __GFP_ZERO;
	assert_line(m, &ev,
		    "kmem_cache_alloc: call_site=ffffffff811a2b3c "
		    "ptr=ffff8800001230c0 bytes_req=200 bytes_alloc=256 "
		    "gfp_flags=GFP_KERNEL|GFP_ZERO");

	/* a failed allocation: ptr NULL, right-aligned in 16 columns */
	ev.ptr = 0;
	ev.gfp = GFP_ATOMIC;
	assert_line(m, &ev,
		    "kmem_cache_alloc: call_site=ffffffff811a2b3c ptr=          "
		    "(null) bytes_req=200 bytes_alloc=256 gfp_flags=GFP_ATOMIC");

	/* a small pointer (ZERO_SIZE_PTR) is zero-padded, not "(null)" */
	ev.type = MM_EV_KMALLOC;
	ev.call_site = 0;
	ev.ptr = 16;
	ev.bytes_req = 0;
	ev.bytes_alloc = 0;
	ev.gfp = 0;
	assert_line(m, &ev,
		    "kmalloc: call_site=0 ptr=0000000000000010 bytes_req=0 "
		    "bytes_alloc=0 gfp_flags=GFP_NOWAIT");
}

/* The kmem_free class: just call_site and ptr; kfree(NULL) is traced. */
static void test_kmem_free_x86_64(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = MM_EV_KFREE;
	ev.call_site = 0xffffffff8104c0deUL;
	ev.ptr = 0xffff880003c00040UL;
	/* fields of other events do not leak into the line */
	ev.bytes_req = 64;
	ev.gfp = GFP_KERNEL;
	ev.pfn = 0x3c00;
	assert_line(m, &ev, "kfree: call_site=ffffffff8104c0de ptr=ffff880003c00040");

	ev.type = MM_EV_KMEM_CACHE_FREE;
	assert_line(m, &ev,
		    "kmem_cache_free: call_site=ffffffff8104c0de ptr=ffff880003c00040");

	ev.type = MM_EV_KFREE;
	ev.ptr = 0;
	assert_line(m, &ev, "kfree: call_site=ffffffff8104c0de ptr=          (null)");
}

/* ---- i386 --------------------------------------------------------------------- */

static void test_i386(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC, 0x38000, 0);

	/* mem_map at 0xf5a00000, 32-byte struct page */
	assert_true(mm_page_address(m, 0) == 0xf5a00000ULL);
	assert_true(mm_page_address(m, 0x38000) == 0xf6100000ULL);

	ev.migratetype = MIGRATE_MOVABLE;
	ev.gfp = GFP_HIGHUSER_MOVABLE;
	assert_line(m, &ev,
		    "mm_page_alloc: page=f6100000 pfn=229376 order=0 "
		    "migratetype=2 gfp_flags=GFP_HIGHUSER_MOVABLE");

	ev.pfn = MM_NOPFN;
	assert_line(m, &ev,
		    "mm_page_alloc: page=  (null) pfn=0 order=0 "
		    "migratetype=2 gfp_flags=GFP_HIGHUSER_MOVABLE");

	ev = event(MM_EV_PAGE_FREE, 1, 0);
	assert_line(m, &ev, "mm_page_free: page=f5a00020 pfn=1 order=0");

	ev = event(MM_EV_PAGE_ALLOC_EXTFRAG, 1024, 1);
	ev.migratetype = MIGRATE_RECLAIMABLE;
	ev.fallback_order = 9;
	ev.fallback_mt = MIGRATE_RECLAIMABLE;
	assert_line(m, &ev,
		    "mm_page_alloc_extfrag: page=f5a08000 pfn=1024 alloc_order=1 "
		    "fallback_order=9 pageblock_order=10 alloc_migratetype=1 "
		    "fallback_migratetype=1 fragmenting=1 change_ownership=1");
	/* kmem events: 32-bit call_site and ptr, lowmem at PAGE_OFFSET 0xc0000000 */
	ev = event(MM_EV_KMALLOC, 0, 0);
	ev.call_site = 0xc10a2b3cUL;
	ev.ptr = 0xc3c00020UL;
	ev.bytes_req = 24;
	ev.bytes_alloc = 32;
	ev.gfp = GFP_KERNEL;
	assert_line(m, &ev,
		    "kmalloc: call_site=c10a2b3c ptr=c3c00020 bytes_req=24 "
		    "bytes_alloc=32 gfp_flags=GFP_KERNEL");
	ev.type = MM_EV_KMEM_CACHE_ALLOC;
	ev.ptr = 0;
	assert_line(m, &ev,
		    "kmem_cache_alloc: call_site=c10a2b3c ptr=  (null) bytes_req=24 "
		    "bytes_alloc=32 gfp_flags=GFP_KERNEL");
	ev.type = MM_EV_KMEM_CACHE_FREE;
	ev.ptr = 0xc3c00020UL;
	assert_line(m, &ev, "kmem_cache_free: call_site=c10a2b3c ptr=c3c00020");
	ev.type = MM_EV_KFREE;
	ev.ptr = 0;
	assert_line(m, &ev, "kfree: call_site=c10a2b3c ptr=  (null)");
}

/* ---- ours: stages and refused frees ----------------------------------------- */

static void test_stage_lines(void **state)
{
	struct mm_machine *m = *state;
	struct mm_reason r;
	struct mm_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = MM_EV_STAGE_ENTER;
	ev.func = FN___alloc_pages_nodemask;
	ev.reason = &r;
	mm_reason_capture(&r, "order %u %s", 0u, "GFP_KERNEL");
	assert_line(m, &ev, "stage: -> __alloc_pages_nodemask() order 0 GFP_KERNEL");

	ev.func = FN_zone_watermark_ok;
	ev.depth = 2;
	mm_reason_capture(&r, "zone %s: free %lu < low %lu + lowmem_reserve %ld -> %s", "Normal",
			  1020UL, 1200UL, 0L, "fail");
	assert_line(m, &ev,
		    "stage:     -> zone_watermark_ok() zone Normal: free 1020 < "
		    "low 1200 + lowmem_reserve 0 -> fail");

	ev.type = MM_EV_STAGE_EXIT;
	ev.func = FN_get_page_from_freelist;
	ev.depth = 1;
	ev.reason = NULL;
	assert_line(m, &ev, "stage:   <- get_page_from_freelist()");
	ev.reason = &r;
	mm_reason_capture(&r, "%s", "");
	assert_line(m, &ev, "stage:   <- get_page_from_freelist()");

	/* a note sits at its function's inner depth */
	ev.type = MM_EV_STAGE_NOTE;
	ev.func = FN___rmqueue;
	ev.depth = 3;
	mm_reason_capture(&r, "Unmovable empty, falling back");
	assert_line(m, &ev, "stage:       .. __rmqueue() Unmovable empty, falling back");

	/* a function id out of range does not crash the formatter */
	ev.func = MM_NR_FUNCS;
	ev.depth = 0;
	ev.reason = NULL;
	assert_line(m, &ev, "stage: .. ?()");
}

/* a reason is its values: captured as printf takes them, formatted as printf would */
static void test_reason_values(void **state)
{
	char buf[512], want[512], big[400];
	struct mm_reason r;
	const char *gone;

	(void)state;
	mm_reason_capture(&r, "pfn %#lx 0x%05lx %-6s| %3d%% %llu %zu %x %c", 0x3c28UL, 0x1aUL, "DMA", -7,
			  123456789012ULL, (size_t)4096, 0xbeefu, 'k');
	assert_int_equal(r.nargs, 8);
	assert_int_equal(r.kind[0], MM_ARG_ULONG);
	assert_int_equal(r.arg[0].u, 0x3c28);
	assert_int_equal(r.kind[2], MM_ARG_STR);
	assert_string_equal(r.str + r.arg[2].str, "DMA");
	assert_int_equal(r.kind[3], MM_ARG_INT);
	assert_int_equal(r.arg[3].i, -7);
	assert_int_equal(r.kind[4], MM_ARG_ULLONG);
	assert_int_equal(r.kind[5], MM_ARG_SIZE);
	snprintf(want, sizeof(want), "pfn %#lx 0x%05lx %-6s| %3d%% %llu %zu %x %c", 0x3c28UL, 0x1aUL, "DMA", -7,
		 123456789012ULL, (size_t)4096, 0xbeefu, 'k');
	assert_int_equal(mm_reason_format(&r, buf, sizeof(buf)), strlen(want));
	assert_string_equal(buf, want);

	/* strings are copies: the caller's buffer may change after the call */
	snprintf(big, sizeof(big), "%s", "from a buffer");
	mm_reason_capture(&r, "why: %s", big);
	big[0] = 'X';
	mm_reason_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "why: from a buffer");

	/* truncated like snprintf: the length it would have had */
	assert_int_equal(mm_reason_format(&r, buf, 8), strlen("why: from a buffer"));
	assert_string_equal(buf, "why: fr");

	/* strings longer than the record keeps are cut, never overrun */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	gone = "b";
	mm_reason_capture(&r, "%s|%s", big, gone);
	mm_reason_format(&r, buf, sizeof(buf));
	assert_int_equal(strlen(buf), MM_REASON_STR - 1 + 1);
	assert_int_equal(buf[MM_REASON_STR - 1], '|');

	/* %% takes no argument */
	mm_reason_capture(&r, "%d%% of %s, 100%%", 42, "Normal");
	assert_int_equal(r.nargs, 2);
	mm_reason_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "42% of Normal, 100%");

	/* no reason formats as nothing */
	assert_int_equal(mm_reason_format(NULL, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

static void test_bad_page_line(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_BAD_PAGE, 0x1a00, 0);

	ev.text = "BUG: Bad page state in process mmscope  pfn:01a00";
	assert_line(m, &ev, "BUG: Bad page state in process mmscope  pfn:01a00");
	ev.text = NULL;
	assert_line(m, &ev, "");
}

/* the model's typed events, formatted only when printed */
static void test_kswapd_oom_lines(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_KSWAPD_WAKE, MM_NOPFN, 3);

	ev.zone_idx = 2;
	ev.classzone_idx = 1;
	assert_line(m, &ev, "kswapd_wake: nid=0 zid=2 order=3 classzone=1");
	ev = event(MM_EV_OOM, MM_NOPFN, 2);
	ev.oom = MM_OOM_INVOKED;
	ev.comm = "mmscope";
	ev.gfp = GFP_KERNEL;
	assert_line(m, &ev, "oom: invoked by mmscope gfp_mask=0xd0 order=2");
	ev.oom = MM_OOM_KILLED;
	ev.pid = 101;
	ev.comm = "big";
	assert_line(m, &ev, "oom: killed 101 (big)");
	ev.oom = MM_OOM_PANIC;
	assert_line(m, &ev, "oom: no killable processes");
}

static void test_format_bounds(void **state)
{
	struct mm_machine *m = *state;
	struct mm_event ev = event(MM_EV_PAGE_ALLOC, 0x13fc00, 0);
	char buf[64];

	ev.gfp = GFP_KERNEL;
	memset(buf, 'x', sizeof(buf));
	mm_event_format(m, &ev, buf, 10);
	assert_string_equal(buf, "mm_page_a");
	assert_int_equal(buf[10], 'x');
	mm_event_format(m, &ev, buf, 16);
	assert_string_equal(buf, "mm_page_alloc: ");
	mm_event_format(m, &ev, buf, 20);
	assert_string_equal(buf, "mm_page_alloc: page");

	/* without a machine: x86_64 */
	mm_event_format(NULL, &ev, buf, sizeof(buf));
	assert_string_equal(buf, "mm_page_alloc: page=ffffea0004ff0000 pfn=1309696 "
				 "order=0 migrat");
}

/* ---- names -------------------------------------------------------------------- */

static void test_event_names(void **state)
{
	static const char *const want[MM_EV_NR_TYPES] = {
		[MM_EV_PAGE_ALLOC] = "mm_page_alloc",
		[MM_EV_PAGE_FREE] = "mm_page_free",
		[MM_EV_PAGE_FREE_BATCHED] = "mm_page_free_batched",
		[MM_EV_PAGE_ALLOC_ZONE_LOCKED] = "mm_page_alloc_zone_locked",
		[MM_EV_PAGE_PCPU_DRAIN] = "mm_page_pcpu_drain",
		[MM_EV_PAGE_ALLOC_EXTFRAG] = "mm_page_alloc_extfrag",
		[MM_EV_KMALLOC] = "kmalloc",
		[MM_EV_KMEM_CACHE_ALLOC] = "kmem_cache_alloc",
		[MM_EV_KFREE] = "kfree",
		[MM_EV_KMEM_CACHE_FREE] = "kmem_cache_free",
		[MM_EV_STAGE_ENTER] = "stage_enter",
		[MM_EV_STAGE_EXIT] = "stage_exit",
		[MM_EV_BAD_PAGE] = "bad_page",
		[MM_EV_STAGE_NOTE] = "stage_note",
		[MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES] = "mm_compaction_isolate_migratepages",
		[MM_EV_COMPACTION_ISOLATE_FREEPAGES] = "mm_compaction_isolate_freepages",
		[MM_EV_COMPACTION_MIGRATEPAGES] = "mm_compaction_migratepages",
		[MM_EV_PRINTK] = "printk",
		[MM_EV_KSWAPD_WAKE] = "kswapd_wake",
		[MM_EV_OOM] = "oom",
	};
	int i;

	(void)state;
	for (i = 0; i < MM_EV_NR_TYPES; i++) {
		/* a new event type needs a name here and in trace.c */
		assert_non_null(want[i]);
		assert_non_null(mm_event_names[i]);
		assert_string_equal(mm_event_names[i], want[i]);
		assert_int_equal(mm_event_by_name(want[i]), i);
	}
	assert_int_equal(mm_event_by_name("kmem:mm_page_free"), MM_EV_PAGE_FREE);
	assert_int_equal(mm_event_by_name("kmem:kmalloc"), MM_EV_KMALLOC);
	/* the ten tracepoints come first, our own events after them */
	assert_int_equal(MM_EV_NR_TRACEPOINTS, 13);
	for (i = 0; i < MM_EV_NR_TRACEPOINTS; i++)
		assert_true(MM_EV_ALL_TRACEPOINTS & MM_EV_BIT(i));
	assert_false(MM_EV_ALL_TRACEPOINTS & MM_EV_STAGES);
	assert_false(MM_EV_ALL_TRACEPOINTS & MM_EV_BIT(MM_EV_BAD_PAGE));
	assert_int_equal(mm_event_by_name("mm_page_allocx"), -1);
	assert_int_equal(mm_event_by_name("MM_PAGE_ALLOC"), -1);
	assert_int_equal(mm_event_by_name(""), -1);
	assert_int_equal(mm_event_by_name(NULL), -1);
}

static void test_func_names(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < MM_NR_FUNCS; i++) {
		assert_non_null(mm_func_names[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(mm_func_names[i], mm_func_names[j]);
	}
	assert_string_equal(mm_func_names[FN___alloc_pages_nodemask],
			    "__alloc_pages_nodemask");
	assert_string_equal(mm_func_names[FN___rmqueue_smallest], "__rmqueue_smallest");
	assert_string_equal(mm_func_names[FN_expand], "expand");
	assert_string_equal(mm_func_names[FN_free_pcppages_bulk], "free_pcppages_bulk");
	assert_string_equal(mm_func_names[FN_drain_all_pages], "drain_all_pages");
	assert_string_equal(mm_func_names[FN_kmem_cache_alloc], "kmem_cache_alloc");
	assert_string_equal(mm_func_names[FN_____cache_alloc], "____cache_alloc");
	assert_string_equal(mm_func_names[FN_cache_alloc_refill], "cache_alloc_refill");
	assert_string_equal(mm_func_names[FN_cache_grow], "cache_grow");
	assert_string_equal(mm_func_names[FN_kmem_cache_free], "kmem_cache_free");
	assert_string_equal(mm_func_names[FN___cache_free], "__cache_free");
	assert_string_equal(mm_func_names[FN_cache_flusharray], "cache_flusharray");
	assert_string_equal(mm_func_names[FN_free_block], "free_block");
	assert_string_equal(mm_func_names[FN_slab_destroy], "slab_destroy");
	assert_string_equal(mm_func_names[FN_cache_reap], "cache_reap");
	assert_string_equal(mm_func_names[FN_drain_array], "drain_array");
	assert_string_equal(mm_func_names[FN_drain_freelist], "drain_freelist");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_page_address_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_page_alloc_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_page_alloc_failed_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_page_free_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_zone_locked_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_pcpu_drain_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_extfrag_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_kmem_alloc_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_kmem_free_x86_64,
						setup_x86_64, teardown),
		cmocka_unit_test_setup_teardown(test_i386, setup_i386, teardown),
		cmocka_unit_test(test_reason_values),
		cmocka_unit_test_setup_teardown(test_stage_lines, setup_x86_64,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_page_line, setup_x86_64,
						teardown),
		cmocka_unit_test_setup_teardown(test_format_bounds, setup_x86_64,
						teardown),
		cmocka_unit_test_setup_teardown(test_kswapd_oom_lines, setup_x86_64, teardown),
		cmocka_unit_test(test_event_names),
		cmocka_unit_test(test_func_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
