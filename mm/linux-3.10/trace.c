/*
 * trace.c - the text of events: the kmem tracepoints of 3.10 that the page
 * allocator (six mm_page_* events) and SLAB (kmalloc, kmem_cache_alloc,
 * kfree, kmem_cache_free) fire, our own stage points and notes, and
 * refused frees.
 *
 * An event (struct mm_event, filled in by page_alloc.c or slab.c) carries the raw
 * arguments of the tracepoint; this file turns one into the line the
 * kernel's trace buffer would show after the task/cpu/timestamp columns:
 * "<event>: " and the TP_printk text of include/trace/events/kmem.h, field
 * for field.  Like the kernel, derived fields (percpu_refill, fragmenting,
 * change_ownership) are computed here at print time from the raw ones.
 *
 * Pointers are printed as 3.10's vsprintf prints %p: the raw address in
 * hex, zero-padded to the width of a pointer, no "0x"; NULL as "(null)"
 * right-aligned in that width.  The struct page address is made up from
 * the pfn the way the kernel's memory map would place it; a slab object's
 * ptr is already a kernel virtual address (the direct map).
 *
 * How events reach anyone (the observer) is page_alloc.c's business.
 */
#include <stdio.h>
#include <string.h>

#include "mm.h"

const char *const mm_event_names[MM_EV_NR_TYPES] = {
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

const char *const mm_func_names[MM_NR_FUNCS] = {
	[FN___alloc_pages_nodemask] = "__alloc_pages_nodemask",
	[FN_get_page_from_freelist] = "get_page_from_freelist",
	[FN_zone_watermark_ok] = "zone_watermark_ok",
	[FN_buffered_rmqueue] = "buffered_rmqueue",
	[FN_rmqueue_bulk] = "rmqueue_bulk",
	[FN___rmqueue] = "__rmqueue",
	[FN___rmqueue_smallest] = "__rmqueue_smallest",
	[FN___rmqueue_fallback] = "__rmqueue_fallback",
	[FN_expand] = "expand",
	[FN___alloc_pages_slowpath] = "__alloc_pages_slowpath",
	[FN___free_pages] = "__free_pages",
	[FN_free_hot_cold_page] = "free_hot_cold_page",
	[FN___free_pages_ok] = "__free_pages_ok",
	[FN_free_pcppages_bulk] = "free_pcppages_bulk",
	[FN___free_one_page] = "__free_one_page",
	[FN_drain_all_pages] = "drain_all_pages",
	[FN_gfp_to_alloc_flags] = "gfp_to_alloc_flags",
	[FN_wake_all_kswapd] = "wake_all_kswapd",
	[FN___alloc_pages_high_priority] = "__alloc_pages_high_priority",
	[FN___alloc_pages_direct_compact] = "__alloc_pages_direct_compact",
	[FN___alloc_pages_direct_reclaim] = "__alloc_pages_direct_reclaim",
	[FN___alloc_pages_may_oom] = "__alloc_pages_may_oom",
	[FN_kmem_cache_alloc] = "kmem_cache_alloc",
	[FN_____cache_alloc] = "____cache_alloc",
	[FN_cache_alloc_refill] = "cache_alloc_refill",
	[FN_cache_grow] = "cache_grow",
	[FN_kmem_cache_free] = "kmem_cache_free",
	[FN___cache_free] = "__cache_free",
	[FN_cache_flusharray] = "cache_flusharray",
	[FN_free_block] = "free_block",
	[FN_slab_destroy] = "slab_destroy",
	[FN_cache_reap] = "cache_reap",
	[FN_drain_array] = "drain_array",
	[FN_drain_freelist] = "drain_freelist",
	[FN_try_to_free_pages] = "try_to_free_pages",
	[FN_shrink_zone] = "shrink_zone",
	[FN_shrink_page_list] = "shrink_page_list",
	[FN_shrink_slab] = "shrink_slab",
	[FN_wakeup_kswapd] = "wakeup_kswapd",
	[FN_balance_pgdat] = "balance_pgdat",
	[FN_try_to_compact_pages] = "try_to_compact_pages",
	[FN_compact_zone_order] = "compact_zone_order",
	[FN_compact_zone] = "compact_zone",
	[FN_compaction_suitable] = "compaction_suitable",
	[FN_isolate_migratepages] = "isolate_migratepages",
	[FN_isolate_freepages] = "isolate_freepages",
	[FN_migrate_pages] = "migrate_pages",
	[FN_compact_node] = "compact_node",
	[FN_compact_pgdat] = "compact_pgdat",
};

/*
 * Also takes the "kmem:" system prefix of the tracepoints, as a user would
 * type it after reading /sys/kernel/debug/tracing/available_events.
 */
int mm_event_by_name(const char *name)
{
	int i;

	if (!name)
		return -1;
	if (!strncmp(name, "kmem:", 5))
		name += 5;
	for (i = 0; i < MM_EV_NR_TYPES; i++)
		if (mm_event_names[i] && !strcmp(name, mm_event_names[i]))
			return i;
	return -1;
}

/*
 * x86_64 (SPARSEMEM_VMEMMAP): the struct page array is mapped at
 * VMEMMAP_START (arch/x86/include/asm/pgtable_64_types.h, not randomised
 * in 3.10) and a struct page is 64 bytes, so page = VMEMMAP_START + pfn*64.
 *
 * i386 (FLATMEM): mem_map is one bootmem allocation in lowmem whose place
 * depends on the machine, so we pick a fixed, typical spot.  memblock
 * allocates top-down below the end of the direct map (0xf8000000 with the
 * usual 3G/1G split and 896 MiB of lowmem); 0xf5a00000 leaves room there
 * for the mem_map of a 1 GiB machine (262144 pages * 32 bytes = 8 MiB) and
 * looks like the f5xxxxxx/f6xxxxxx page pointers of real i386 oopses.  A
 * struct page is 32 bytes on i386.
 */
#define X86_64_VMEMMAP_START 0xffffea0000000000ULL
#define X86_64_STRUCT_PAGE 64
#define I386_MEM_MAP 0xf5a00000ULL
#define I386_STRUCT_PAGE 32

static int arch_is_i386(const struct mm_machine *m)
{
	return m && m->arch == ARCH_I386;
}

unsigned long long mm_page_address(const struct mm_machine *m, unsigned long pfn)
{
	if (arch_is_i386(m))
		return (I386_MEM_MAP + (unsigned long long)pfn * I386_STRUCT_PAGE) &
		       0xffffffffULL;
	return X86_64_VMEMMAP_START + (unsigned long long)pfn * X86_64_STRUCT_PAGE;
}

/*
 * %p of 3.10 lib/vsprintf.c: the default width is two hex digits per byte
 * of a pointer; a non-NULL pointer is zero-padded lower-case hex, NULL is
 * the string "(null)" padded with spaces on the left to the same width.
 */
static void format_ptr(const struct mm_machine *m, int null,
		       unsigned long long addr, char *buf, size_t len)
{
	int width = arch_is_i386(m) ? 8 : 16;

	if (null)
		snprintf(buf, len, "%*s", width, "(null)");
	else
		snprintf(buf, len, "%0*llx", width,
			 arch_is_i386(m) ? addr & 0xffffffffULL : addr);
}

static void format_page_ptr(const struct mm_machine *m, unsigned long pfn,
			    char *buf, size_t len)
{
	format_ptr(m, pfn == MM_NOPFN, pfn == MM_NOPFN ? 0 : mm_page_address(m, pfn),
		   buf, len);
}

/* an unsigned long of the modelled arch: 32 bits wide on i386 */
static unsigned long long arch_ulong(const struct mm_machine *m,
				     unsigned long v)
{
	return arch_is_i386(m) ? v & 0xffffffffUL : v;
}

/* What the "pfn=%lu" argument shows: the TP_printk of mm_page_alloc and of
 * the mm_page class prints 0 for a NULL page. */
static unsigned long event_pfn(const struct mm_event *ev)
{
	return ev->pfn == MM_NOPFN ? 0 : ev->pfn;
}

static int event_pageblock_order(const struct mm_machine *m)
{
	return m ? m->pageblock_order : 9; /* x86_64 HPAGE_SHIFT - PAGE_SHIFT */
}

static void format_page_alloc(const struct mm_event *ev, const char *page,
			      char *buf, size_t len)
{
	char flags[512];

	mm_gfp_format(ev->gfp, flags, sizeof(flags));
	snprintf(buf, len,
		 "page=%s pfn=%lu order=%d migratetype=%d gfp_flags=%s", page,
		 event_pfn(ev), ev->order, ev->migratetype, flags);
}

/*
 * fallback_migratetype is what 3.10's __rmqueue_fallback passes: the
 * requested type once it moved the block's free pages over, else the type
 * it stole from; so change_ownership=1 means "the free pages changed
 * lists", whether or not the pageblock itself was claimed.
 */
static void format_extfrag(const struct mm_machine *m, const struct mm_event *ev,
			   const char *page, char *buf, size_t len)
{
	int pageblock_order = event_pageblock_order(m);

	snprintf(buf, len,
		 "page=%s pfn=%lu alloc_order=%d fallback_order=%d "
		 "pageblock_order=%d alloc_migratetype=%d "
		 "fallback_migratetype=%d fragmenting=%d change_ownership=%d",
		 page, event_pfn(ev), ev->order, ev->fallback_order,
		 pageblock_order, ev->migratetype, ev->fallback_mt,
		 ev->fallback_order < pageblock_order,
		 ev->migratetype == ev->fallback_mt);
}

/*
 * The kmem_alloc and kmem_free classes of 3.10: bytes_req is what the
 * caller asked for (object_size for kmem_cache_alloc), bytes_alloc the
 * cache's stride; a failed allocation has ptr NULL.
 */
static void format_kmem_alloc(const struct mm_machine *m,
			      const struct mm_event *ev, char *buf, size_t len)
{
	char ptr[24], flags[512];

	format_ptr(m, ev->ptr == 0, ev->ptr, ptr, sizeof(ptr));
	mm_gfp_format(ev->gfp, flags, sizeof(flags));
	snprintf(buf, len,
		 "call_site=%llx ptr=%s bytes_req=%zu bytes_alloc=%zu gfp_flags=%s",
		 arch_ulong(m, ev->call_site), ptr, ev->bytes_req,
		 ev->bytes_alloc, flags);
}

static void format_kmem_free(const struct mm_machine *m,
			     const struct mm_event *ev, char *buf, size_t len)
{
	char ptr[24];

	format_ptr(m, ev->ptr == 0, ev->ptr, ptr, sizeof(ptr));
	snprintf(buf, len, "call_site=%llx ptr=%s", arch_ulong(m, ev->call_site),
		 ptr);
}

static void format_tracepoint(const struct mm_machine *m,
			      const struct mm_event *ev, char *buf, size_t len)
{
	char page[24];

	switch (ev->type) {
	case MM_EV_KMALLOC:
	case MM_EV_KMEM_CACHE_ALLOC:
		format_kmem_alloc(m, ev, buf, len);
		return;
	case MM_EV_KFREE:
	case MM_EV_KMEM_CACHE_FREE:
		format_kmem_free(m, ev, buf, len);
		return;
	case MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES: /* include/trace/events/compaction.h */
	case MM_EV_COMPACTION_ISOLATE_FREEPAGES:
		snprintf(buf, len, "nr_scanned=%lu nr_taken=%lu", ev->nr_scanned, ev->nr_taken);
		return;
	case MM_EV_COMPACTION_MIGRATEPAGES:
		snprintf(buf, len, "nr_migrated=%lu nr_failed=%lu", ev->nr_migrated, ev->nr_failed);
		return;
	default:
		break;
	}
	format_page_ptr(m, ev->pfn, page, sizeof(page));
	switch (ev->type) {
	case MM_EV_PAGE_ALLOC:
		format_page_alloc(ev, page, buf, len);
		break;
	case MM_EV_PAGE_FREE:
		snprintf(buf, len, "page=%s pfn=%lu order=%d", page,
			 event_pfn(ev), ev->order);
		break;
	case MM_EV_PAGE_FREE_BATCHED:
		snprintf(buf, len, "page=%s pfn=%lu order=0 cold=%d", page,
			 event_pfn(ev), ev->cold);
		break;
	case MM_EV_PAGE_ALLOC_ZONE_LOCKED:
		/* 3.10 prints order with %u and derives percpu_refill */
		snprintf(buf, len,
			 "page=%s pfn=%lu order=%u migratetype=%d percpu_refill=%d",
			 page, event_pfn(ev), (unsigned int)ev->order,
			 ev->migratetype, ev->order == 0);
		break;
	case MM_EV_PAGE_PCPU_DRAIN:
		snprintf(buf, len, "page=%s pfn=%lu order=%d migratetype=%d",
			 page, event_pfn(ev), ev->order, ev->migratetype);
		break;
	case MM_EV_PAGE_ALLOC_EXTFRAG:
		format_extfrag(m, ev, page, buf, len);
		break;
	default: /* the caller let only tracepoints through */
		break;
	}
}

/*
 * Stage points are ours, not the kernel's: the call depth as two spaces a
 * level, "->" on entry, "<-" on exit and ".." for a note inside a function
 * (a note already sits one level below its function's entry, among the
 * calls it makes), then the function and its reason:
 *
 *   stage: -> get_page_from_freelist() order 0 GFP_KERNEL
 *   stage:   .. get_page_from_freelist() zone Normal: free 1020 < low 1200
 *   stage: <- get_page_from_freelist() no page
 */
static const char *stage_mark(enum mm_event_type type)
{
	switch (type) {
	case MM_EV_STAGE_ENTER:
		return "->";
	case MM_EV_STAGE_EXIT:
		return "<-";
	default:
		return "..";
	}
}

/* one conversion of a reason's format, with its value */
static size_t format_arg(const struct mm_reason *r, int k, const char *spec, size_t speclen,
			 char *buf, size_t len)
{
	char f[24];
	int n;

	if (speclen >= sizeof(f))
		speclen = sizeof(f) - 1;
	memcpy(f, spec, speclen);
	f[speclen] = '\0';
	switch (r->kind[k]) {
	case MM_ARG_STR:
		n = snprintf(buf, len, f, r->str + r->arg[k].str);
		break;
	case MM_ARG_INT:
		n = snprintf(buf, len, f, (int)r->arg[k].i);
		break;
	case MM_ARG_UINT:
		n = snprintf(buf, len, f, (unsigned int)r->arg[k].u);
		break;
	case MM_ARG_LONG:
		n = snprintf(buf, len, f, (long)r->arg[k].i);
		break;
	case MM_ARG_ULONG:
		n = snprintf(buf, len, f, (unsigned long)r->arg[k].u);
		break;
	case MM_ARG_LLONG:
		n = snprintf(buf, len, f, (long long)r->arg[k].i);
		break;
	case MM_ARG_ULLONG:
		n = snprintf(buf, len, f, (unsigned long long)r->arg[k].u);
		break;
	default:
		n = snprintf(buf, len, f, (size_t)r->arg[k].u);
		break;
	}
	return n < 0 ? 0 : (size_t)n;
}

/* the text of a reason: its format, each conversion given its captured value */
size_t mm_reason_format(const struct mm_reason *r, char *buf, size_t len)
{
	const char *p, *q;
	size_t out = 0;
	int k = 0;

#define PUT(s, n)                                                               \
	do {                                                                    \
		size_t n_ = (n);                                                \
		if (out < len)                                                  \
			memcpy(buf + out, (s), out + n_ < len ? n_ : len - 1 - out); \
		out += n_;                                                      \
	} while (0)
	if (!len)
		return 0;
	buf[0] = '\0';
	if (!r || !r->fmt)
		return 0;
	for (p = r->fmt; (q = strchr(p, '%')) != NULL;) {
		const char *spec = q;

		PUT(p, (size_t)(q - p));
		q++;
		if (*q == '%') {
			PUT("%", 1);
			p = q + 1;
			continue;
		}
		q += strspn(q, "-+ #0123456789.hlz");
		if (*q)
			q++;
		if (k < r->nargs) {
			char tmp[MM_REASON_STR + 32];
			size_t n = format_arg(r, k++, spec, (size_t)(q - spec), tmp, sizeof(tmp));

			PUT(tmp, n < sizeof(tmp) ? n : sizeof(tmp) - 1);
		}
		p = q;
	}
	PUT(p, strlen(p));
	buf[out < len ? out : len - 1] = '\0';
#undef PUT
	return out;
}

static void format_stage(const struct mm_event *ev, char *buf, size_t len)
{
	const char *func = (unsigned int)ev->func < MM_NR_FUNCS ?
				   mm_func_names[ev->func] : "?";
	char text[256];
	int indent = ev->depth > 0 ? 2 * ev->depth : 0;

	mm_reason_format(ev->reason, text, sizeof(text));

	snprintf(buf, len, "stage: %*s%s %s()%s%s", indent, "",
		 stage_mark(ev->type), func, *text ? " " : "", text);
}

void mm_event_format(const struct mm_machine *m, const struct mm_event *ev,
		     char *buf, size_t len)
{
	size_t n;

	if (!buf || !len)
		return;
	buf[0] = '\0';
	if (!ev)
		return;
	switch (ev->type) {
	case MM_EV_STAGE_ENTER:
	case MM_EV_STAGE_EXIT:
	case MM_EV_STAGE_NOTE:
		format_stage(ev, buf, len);
		return;
	case MM_EV_BAD_PAGE:
	case MM_EV_PRINTK:
		snprintf(buf, len, "%s", ev->text ? ev->text : "");
		return;
	case MM_EV_KSWAPD_WAKE: /* mm_vmscan_wakeup_kswapd's fields, and the classzone */
		snprintf(buf, len, "kswapd_wake: nid=0 zid=%d order=%d classzone=%d", ev->zone_idx, ev->order,
			 ev->classzone_idx);
		return;
	case MM_EV_OOM:
		if (ev->oom == MM_OOM_INVOKED)
			snprintf(buf, len, "oom: invoked by %s gfp_mask=0x%x order=%d", ev->comm ? ev->comm : "?",
				 ev->gfp, ev->order);
		else if (ev->oom == MM_OOM_KILLED)
			snprintf(buf, len, "oom: killed %d (%s)", ev->pid, ev->comm ? ev->comm : "?");
		else
			snprintf(buf, len, "oom: no killable processes");
		return;
	default:
		break;
	}
	if ((unsigned int)ev->type >= MM_EV_NR_TRACEPOINTS) {
		snprintf(buf, len, "unknown event %d", (int)ev->type);
		return;
	}
	n = (size_t)snprintf(buf, len, "%s: ", mm_event_names[ev->type]);
	if (n < len)
		format_tracepoint(m, ev, buf + n, len - n);
}
