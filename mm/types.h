/*
 * types.h - the model's vocabulary: the kernel's constants, flags and
 * enums (gfp bits, migrate types, zone kinds, page flags, vm events, SLAB
 * flags), the events an observer receives, the values a stage reason
 * carries, a machine description, what a request is asked to do, and the
 * output buffer.  view.h and ops.h speak in these; a front end gets them
 * through those two headers and never sees the model's structs.
 */
#ifndef MM_TYPES_H
#define MM_TYPES_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define MM_VERSION "0.1.0"

/* the model's structs (mm.h): a front end sees only their names */
struct mm_machine;
struct zone;
struct page;
struct task;
struct kmem_cache;
struct kmem_cache_node;
struct mm_request;

/* ---- constants of the 3.10 profile ------------------------------------ */
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define MAX_ORDER 11 /* exclusive: orders 0..10 */
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER 3
#define SWAP_CLUSTER_MAX 32
#define MM_MAX_CPUS 64
#define NR_VM_EVENT_ITEMS_MAX 96

/* 3.10 numbering; CONFIG_CMA off, CONFIG_MEMORY_ISOLATION on. */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_MOVABLE,
	MIGRATE_PCPTYPES, /* the number of types on the pcp lists */
	MIGRATE_RESERVE = MIGRATE_PCPTYPES,
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};

/* Zone kinds; which ones are configured depends on the architecture. */
enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	ZONE_MOVABLE,
	MM_ZONE_KINDS
};
#define MAX_NR_ZONES 5 /* upper bound of configured zones */

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

/* alloc_flags, mm/internal.h values of 3.10 */
#define ALLOC_WMARK_MIN 0x00
#define ALLOC_WMARK_LOW 0x01
#define ALLOC_WMARK_HIGH 0x02
#define ALLOC_NO_WATERMARKS 0x04
#define ALLOC_WMARK_MASK (ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER 0x10
#define ALLOC_HIGH 0x20
#define ALLOC_CPUSET 0x40
#define ALLOC_CMA 0x80

/* ---- gfp (3.10 bit values, include/linux/gfp.h) ----------------------- */
typedef unsigned int gfp_t;
#define __GFP_DMA 0x01u
#define __GFP_HIGHMEM 0x02u
#define __GFP_DMA32 0x04u
#define __GFP_MOVABLE 0x08u
#define __GFP_WAIT 0x10u
#define __GFP_HIGH 0x20u
#define __GFP_IO 0x40u
#define __GFP_FS 0x80u
#define __GFP_COLD 0x100u
#define __GFP_NOWARN 0x200u
#define __GFP_REPEAT 0x400u
#define __GFP_NOFAIL 0x800u
#define __GFP_NORETRY 0x1000u
#define __GFP_MEMALLOC 0x2000u
#define __GFP_COMP 0x4000u
#define __GFP_ZERO 0x8000u
#define __GFP_NOMEMALLOC 0x10000u
#define __GFP_HARDWALL 0x20000u
#define __GFP_THISNODE 0x40000u
#define __GFP_RECLAIMABLE 0x80000u
#define __GFP_KMEMCG 0x100000u
#define __GFP_NOTRACK 0x200000u
#define __GFP_NO_KSWAPD 0x400000u
#define __GFP_OTHER_NODE 0x800000u
#define __GFP_WRITE 0x1000000u
#define __GFP_BITS_SHIFT 25
#define __GFP_BITS_MASK ((1u << __GFP_BITS_SHIFT) - 1)
#define GFP_ZONEMASK (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

#define GFP_NOWAIT (GFP_ATOMIC & ~__GFP_HIGH)
#define GFP_ATOMIC (__GFP_HIGH)
#define GFP_NOIO (__GFP_WAIT)
#define GFP_NOFS (__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_TEMPORARY (GFP_KERNEL | __GFP_RECLAIMABLE)
#define GFP_USER (__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_IOFS (__GFP_IO | __GFP_FS)
#define GFP_TRANSHUGE                                                      \
	(GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC |             \
	 __GFP_NORETRY | __GFP_NOWARN | __GFP_NO_KSWAPD)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32

/* ---- errors ------------------------------------------------------------ */
enum {
	MM_OK = 0,
	MM_EINVAL = -1,   /* bad argument */
	MM_ENOMEM = -2,   /* allocation failed */
	MM_EBADPAGE = -3, /* Bad page state: double free, reserved, ... */
	MM_ENOENT = -4,   /* no such object */
	MM_EIO = -5,      /* file could not be read */
	MM_EBUSY = -6,    /* a stopped request holds what this needs */
};

/* ---- output buffer ------------------------------------------------------ */
struct mm_buf {
	char *s;
	size_t len, cap;
};
void mm_buf_init(struct mm_buf *b);
void mm_buf_free(struct mm_buf *b);
void mm_buf_reset(struct mm_buf *b);
void mm_buf_printf(struct mm_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mm_buf_vprintf(struct mm_buf *b, const char *fmt, va_list ap);
void mm_buf_puts(struct mm_buf *b, const char *s); /* mm_buf_printf(b, "%s", s) */

/* ---- struct page -------------------------------------------------------- */
#define MM_NIL UINT32_MAX
#define MM_NOLIST 0 /* page->list of a page on no list (list ids start at 1) */

/* page->flags bits (the ones that matter to the model) */
enum pageflags {
	PG_buddy = 1u << 0,    /* head of a free block in free_area (private = order) */
	PG_reserved = 1u << 1, /* never handed to the buddy allocator */
	PG_nomem = 1u << 2,    /* not RAM: a hole inside a present section */
	PG_head = 1u << 3,     /* head of an allocation (alloc_order = order) */
	PG_tail = 1u << 4,     /* inside an allocation of order > 0 */
	PG_pcp = 1u << 5,      /* free, on a per-cpu list */
	PG_slab = 1u << 6,
	PG_lru = 1u << 7,
	PG_pfmemalloc = 1u << 8,
	PG_dirty = 1u << 9,
	PG_zeroed = 1u << 10, /* allocated with __GFP_ZERO */
	PG_active = 1u << 11,     /* on an active LRU list */
	PG_referenced = 1u << 12, /* accessed since the last scan */
	PG_swapbacked = 1u << 13, /* anonymous: backed by swap, not a file */
	PG_writeback = 1u << 14,  /* being written out; cannot be freed yet */
	PG_reclaim = 1u << 15,    /* free it when writeback completes */
};

/* who owns an allocated page: kind in the top byte, an id below */
enum page_owner_kind {
	OWNER_NONE,
	OWNER_KERNEL, /* alloc_pages from the command line */
	OWNER_ANON,
	OWNER_PAGECACHE,
	OWNER_SLAB,
	OWNER_PAGETABLE,
	OWNER_INFLIGHT, /* taken off the lists, not yet handed out (id: cpu) */
};
#define MM_OWNER(kind, id) (((uint32_t)(kind) << 24) | ((uint32_t)(id)&0xffffff))
#define MM_OWNER_KIND(o) ((o) >> 24)
#define MM_OWNER_ID(o) ((o)&0xffffff)

/* ---- zones and per-cpu pagesets ----------------------------------------- */

/* zone_stat_item, 3.10 order (include/linux/mmzone.h, UMA) */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_INACTIVE_ANON,
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_MLOCK,
	NR_ANON_PAGES,
	NR_FILE_MAPPED,
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_PAGETABLE,
	NR_KERNEL_STACK,
	NR_UNSTABLE_NFS,
	NR_BOUNCE,
	NR_VMSCAN_WRITE,
	NR_VMSCAN_IMMEDIATE,
	NR_WRITEBACK_TEMP,
	NR_ISOLATED_ANON,
	NR_ISOLATED_FILE,
	NR_SHMEM,
	NR_DIRTIED,
	NR_WRITTEN,
	NR_ANON_TRANSPARENT_HUGEPAGES,
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

/* LRU lists, 3.10 order (NR_LRU_BASE + lru is the zone counter) */
enum lru_list {
	LRU_INACTIVE_ANON,
	LRU_ACTIVE_ANON,
	LRU_INACTIVE_FILE,
	LRU_ACTIVE_FILE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};
#define NR_LRU_BASE NR_INACTIVE_ANON

/* ---- events: tracepoints and stage points -------------------------------- */
enum mm_event_type {
	MM_EV_PAGE_ALLOC,             /* mm_page_alloc */
	MM_EV_PAGE_FREE,              /* mm_page_free */
	MM_EV_PAGE_FREE_BATCHED,      /* mm_page_free_batched */
	MM_EV_PAGE_ALLOC_ZONE_LOCKED, /* mm_page_alloc_zone_locked */
	MM_EV_PAGE_PCPU_DRAIN,        /* mm_page_pcpu_drain */
	MM_EV_PAGE_ALLOC_EXTFRAG,     /* mm_page_alloc_extfrag */
	MM_EV_KMALLOC,                /* kmalloc */
	MM_EV_KMEM_CACHE_ALLOC,       /* kmem_cache_alloc */
	MM_EV_KFREE,                  /* kfree */
	MM_EV_KMEM_CACHE_FREE,        /* kmem_cache_free */
	MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES, /* mm_compaction_isolate_migratepages */
	MM_EV_COMPACTION_ISOLATE_FREEPAGES,    /* mm_compaction_isolate_freepages */
	MM_EV_COMPACTION_MIGRATEPAGES,         /* mm_compaction_migratepages */
	MM_EV_NR_TRACEPOINTS,
	MM_EV_STAGE_ENTER = MM_EV_NR_TRACEPOINTS,
	MM_EV_STAGE_EXIT,
	MM_EV_BAD_PAGE, /* a refused free: text holds the kernel's words */
	MM_EV_STAGE_NOTE, /* a step inside the current stage, with its reason */
	MM_EV_PRINTK,     /* a kernel log line (text): allocation failure, OOM report */
	MM_EV_KSWAPD_WAKE, /* wakeup_kswapd woke kswapd: zone_idx, order, classzone_idx */
	MM_EV_OOM,        /* the OOM killer: invoked (comm, gfp, order), killed (pid, comm), panic */
	MM_EV_NR_TYPES
};
#define MM_EV_BIT(t) (1u << (t))
#define MM_EV_ALL_TRACEPOINTS ((1u << MM_EV_NR_TRACEPOINTS) - 1)
#define MM_EV_STAGES \
	(MM_EV_BIT(MM_EV_STAGE_ENTER) | MM_EV_BIT(MM_EV_STAGE_EXIT) | MM_EV_BIT(MM_EV_STAGE_NOTE))

/* the modelled kernel functions that report stage points */
enum mm_func {
	FN___alloc_pages_nodemask,
	FN_get_page_from_freelist,
	FN_zone_watermark_ok,
	FN_buffered_rmqueue,
	FN_rmqueue_bulk,
	FN___rmqueue,
	FN___rmqueue_smallest,
	FN___rmqueue_fallback,
	FN_expand,
	FN___alloc_pages_slowpath,
	FN___free_pages,
	FN_free_hot_cold_page,
	FN___free_pages_ok,
	FN_free_pcppages_bulk,
	FN___free_one_page,
	FN_drain_all_pages,
	FN_gfp_to_alloc_flags,
	FN_wake_all_kswapd,
	FN___alloc_pages_high_priority,
	FN___alloc_pages_direct_compact,
	FN___alloc_pages_direct_reclaim,
	FN___alloc_pages_may_oom,
	FN_kmem_cache_alloc,
	FN_____cache_alloc,
	FN_cache_alloc_refill,
	FN_cache_grow,
	FN_kmem_cache_free,
	FN___cache_free,
	FN_cache_flusharray,
	FN_free_block,
	FN_slab_destroy,
	FN_cache_reap,
	FN_drain_array,
	FN_drain_freelist,
	/* vmscan.c */
	FN_try_to_free_pages,
	FN_shrink_zone,
	FN_shrink_page_list,
	FN_shrink_slab,
	FN_wakeup_kswapd,
	FN_balance_pgdat,
	/* compaction.c */
	FN_try_to_compact_pages,
	FN_compact_zone_order,
	FN_compact_zone,
	FN_compaction_suitable,
	FN_isolate_migratepages,
	FN_isolate_freepages,
	FN_migrate_pages,
	FN_compact_node,
	FN_compact_pgdat,
	MM_NR_FUNCS
};
extern const char *const mm_func_names[MM_NR_FUNCS];

/*
 * A stage point's reason, as values: the format constant of the call site
 * and the arguments it was given, each with its C type; the strings among
 * them are copied (a reason outlives the call: a stopped request keeps one
 * per frame).  Capturing one costs a walk of the format; nothing is
 * formatted until someone prints it (mm_reason_format).
 */
enum mm_arg_kind {
	MM_ARG_INT, MM_ARG_UINT, MM_ARG_LONG, MM_ARG_ULONG, MM_ARG_LLONG, MM_ARG_ULLONG,
	MM_ARG_SIZE, MM_ARG_STR,
};
#define MM_REASON_MAX_ARGS 8
#define MM_REASON_STR 232
struct mm_reason {
	const char *fmt;      /* NULL: no reason */
	unsigned char nargs;
	unsigned char kind[MM_REASON_MAX_ARGS];   /* enum mm_arg_kind */
	unsigned char str_used;
	union {
		long long i;
		unsigned long long u;
		unsigned char str;                /* MM_ARG_STR: offset in str[] */
	} arg[MM_REASON_MAX_ARGS];
	char str[MM_REASON_STR];                  /* the strings, each NUL-ended */
};
/* the kinds of a format's arguments, parsed once per call site (observe.c) */
struct mm_reason_shape {
	const char *fmt;
	unsigned char nargs;
	unsigned char kind[MM_REASON_MAX_ARGS];
};
#define MM_REASON_SHAPES 256

struct mm_event {
	enum mm_event_type type;
	int cpu;
	unsigned long pfn; /* MM_NOPFN for a failed allocation */
	int order;
	int migratetype;
	gfp_t gfp;
	int cold;            /* free_batched */
	int percpu_refill;   /* alloc_zone_locked */
	int fallback_order;  /* extfrag */
	int fallback_mt;     /* extfrag */
	int change_ownership;/* extfrag */
	/* compaction tracepoints: the isolate_* ones count pages scanned and
	 * taken, mm_compaction_migratepages pages migrated and failed */
	unsigned long nr_scanned, nr_taken;
	unsigned long nr_migrated, nr_failed;
	/* kmem tracepoints */
	unsigned long call_site;
	unsigned long ptr; /* 0 for a failed allocation */
	size_t bytes_req, bytes_alloc;
	/* kswapd_wake: the zone and classzone (zone_idx); oom: what happened,
	 * the task (pid 0 and comm of the allocating context when invoked) */
	int zone_idx, classzone_idx;
	int oom;             /* enum mm_oom_what */
	int pid;
	const char *comm;    /* valid during the call */
	/* stage points */
	enum mm_func func;
	int depth;
	const struct mm_reason *reason; /* stage points; valid during the call */
	const char *text;    /* printk / bad page text; valid during the call */
};
#define MM_NOPFN (~0UL)
enum mm_oom_what { MM_OOM_INVOKED, MM_OOM_KILLED, MM_OOM_PANIC };

typedef void (*mm_observer_fn)(struct mm_machine *m, const struct mm_event *ev,
			       void *ctx);

/* ---- the workload: tasks, page cache, swap (memory.c, filemap.c, swap.c) ---- */
#define PTE_NONE 0u                 /* never touched */
#define PTE_SWAP 0x80000000u        /* low bits: swap slot + 1 */
#define PTE_PRESENT 0x40000000u     /* low bits: pfn (fits 30 bits: 4 TiB) */
#define PF_MEMALLOC 0x800u          /* the task is reclaiming: no watermarks */
#define TIF_MEMDIE 0x10000u         /* OOM victim: may use the reserves */
#define PF_EXITING 0x4u

/* /proc/PID/oom_score_adj's range */
#define OOM_SCORE_ADJ_MIN (-1000) /* never chosen */
#define OOM_SCORE_ADJ_MAX 1000    /* chosen first */

/* where kswapd is in its loop (struct kswapd_state, mm_kswapd_view) */
enum kswapd_run { KSWAPD_ASLEEP, KSWAPD_NAPPING, KSWAPD_RUNNING };

/* ---- the machine -------------------------------------------------------- */
enum mm_arch { ARCH_X86_64, ARCH_I386 };

/*
 * The largest machines the model builds (issue 11, item 15): the memory a
 * machine spans (its highest zone's end, holes included: the memmap covers
 * it) is at most 64 GiB on i386 (PAE's 36-bit physical addresses, the
 * kernel's own limit) and 256 GiB on x86_64 (four times the x86_64-64g
 * preset: booting it takes about a second, `check` ten).  CPUs are 1 to
 * MM_MAX_CPUS, swap at most MM_MAX_SWAP_BYTES.  Machine files above them
 * are refused with one line.
 */
#define MM_MAX_PFN_I386 (1UL << 24)   /* 64 GiB */
#define MM_MAX_PFN_X86_64 (1UL << 26) /* 256 GiB */
#define MM_MAX_SWAP_BYTES (1ULL << 40) /* 1 TiB */

struct mm_range {
	unsigned long start, end; /* [start, end] inclusive pfns */
};

/* A kernel version the model knows (profile.c) */
struct mm_slab_ops;
struct mm_profile {
	const char *name;           /* "linux-3.10" */
	const struct mm_slab_ops *slab; /* the slab allocator (mm/slab.h) */
};
extern const struct mm_profile *const mm_profiles[]; /* NULL ends it */
const struct mm_profile *mm_profile_find(const char *name); /* NULL if unknown */
const struct mm_profile *mm_profile_default(void);

/* A machine description: what a preset or a machine file says. */
struct mm_machine_desc {
	char name[64];
	const struct mm_profile *profile; /* NULL: the default, linux-3.10 */
	enum mm_arch arch;
	int cpus;
	int nr_zones;
	struct {
		enum zone_type type;
		unsigned long start_pfn, pages; /* pages spanned */
	} zones[MAX_NR_ZONES];
	int nr_holes, nr_reserved;
	struct mm_range holes[32], reserved[32];
	long min_free_kbytes; /* -1 = auto */
	int thp;              /* transparent_hugepage always/madvise: 1 */
	int slab;             /* 0 = "slab none" */
	int slow_boot;        /* free every chunk one by one (tests the shortcut) */
	unsigned long swap_pages; /* "swap SIZE" */
};

/* ---- building ------------------------------------------------------------ */
/* Presets: "tiny", "i386-1g", "x86_64-4g" (default), "x86_64-64g". */
extern const char *const mm_preset_names[];

/* ---- the allocator ------------------------------------------------------ */
struct mm_alloc_result {
	unsigned long pfn; /* MM_NOPFN on failure */
	int order;
	int zone_idx;
	int migratetype;
	char why[320]; /* on failure: which watermark stopped it, per zone */
};

/* pageblocks */

/* zone lookup */
#define PB_NOZONE 0xfe /* pageblock_zone: no zone holds this block */
#define PB_MIXED 0xff  /* two zones share it: ask the zones */

/* ---- gfp helpers (gfp.c) ------------------------------------------------ */
/* names known to the parser, NULL-terminated (for completion and help) */
extern const char *const mm_gfp_names[];

extern const char *const migratetype_names[MIGRATE_TYPES];
extern const char *const zone_kind_names[MM_ZONE_KINDS];

/* ---- /proc text (vmstat.c) ------------------------------------------------ */
extern const char *const mm_proc_names[];

/* Event counters: vm_event_item of 3.10 (include/linux/vm_event_item.h) for
 * x86 with CONFIG_ZONE_DMA, CONFIG_MIGRATION, CONFIG_COMPACTION,
 * CONFIG_HUGETLB_PAGE and CONFIG_TRANSPARENT_HUGEPAGE, UMA.  Both x86_64
 * (DMA, DMA32, Normal, Movable) and i386 (DMA, Normal, HighMem, Movable)
 * configure four zones, so FOR_ALL_ZONES items take four slots indexed by
 * zone_idx; the names (pgalloc_dma32 or pgalloc_high) come from the arch. */
#define NR_EVENT_ZONES 4
enum vm_event_item {
	PGPGIN, PGPGOUT, PSWPIN, PSWPOUT,
	PGALLOC, /* + zone_idx */
	PGFREE = PGALLOC + NR_EVENT_ZONES, PGACTIVATE, PGDEACTIVATE,
	PGFAULT, PGMAJFAULT,
	PGREFILL, /* + zone_idx */
	PGSTEAL_KSWAPD = PGREFILL + NR_EVENT_ZONES,
	PGSTEAL_DIRECT = PGSTEAL_KSWAPD + NR_EVENT_ZONES,
	PGSCAN_KSWAPD = PGSTEAL_DIRECT + NR_EVENT_ZONES,
	PGSCAN_DIRECT = PGSCAN_KSWAPD + NR_EVENT_ZONES,
	PGSCAN_DIRECT_THROTTLE = PGSCAN_DIRECT + NR_EVENT_ZONES,
	PGINODESTEAL, SLABS_SCANNED, KSWAPD_INODESTEAL,
	KSWAPD_LOW_WMARK_HIT_QUICKLY, KSWAPD_HIGH_WMARK_HIT_QUICKLY,
	PAGEOUTRUN, ALLOCSTALL, PGROTATED,
	PGMIGRATE_SUCCESS, PGMIGRATE_FAIL,
	COMPACTMIGRATE_SCANNED, COMPACTFREE_SCANNED, COMPACTISOLATED,
	COMPACTSTALL, COMPACTFAIL, COMPACTSUCCESS,
	HTLB_BUDDY_PGALLOC, HTLB_BUDDY_PGALLOC_FAIL,
	UNEVICTABLE_PGCULLED, UNEVICTABLE_PGSCANNED, UNEVICTABLE_PGRESCUED,
	UNEVICTABLE_PGMLOCKED, UNEVICTABLE_PGMUNLOCKED, UNEVICTABLE_PGCLEARED,
	UNEVICTABLE_PGSTRANDED,
	THP_FAULT_ALLOC, THP_FAULT_FALLBACK, THP_COLLAPSE_ALLOC,
	THP_COLLAPSE_ALLOC_FAILED, THP_SPLIT, THP_ZERO_PAGE_ALLOC,
	THP_ZERO_PAGE_ALLOC_FAILED,
	NR_VM_EVENT_ITEMS
};

/* ---- tracepoint text (trace.c) ------------------------------------------- */
extern const char *const mm_event_names[MM_EV_NR_TYPES];

/* ---- walkers (for show commands, the screen and Lua) ----------------------- */

/* Where a pfn is: "free in an order-3 block at 0x...", "on cpu0 pcp", ... */
enum mm_page_state {
	PS_NONE,      /* not valid / outside any zone */
	PS_HOLE,      /* not RAM */
	PS_RESERVED,
	PS_FREE,      /* inside a free buddy block */
	PS_PCP,       /* on a per-cpu list */
	PS_ALLOCATED, /* part of an allocation */
};

/* ---- SLAB (slab.c) -------------------------------------------------------- */
/*
 * The 3.10 SLAB allocator on top of the page allocator.  Objects are named
 * by their kernel virtual address in the direct map (PAGE_OFFSET + pfn *
 * PAGE_SIZE + offset); a slab's pages carry PG_slab, point at their cache
 * (page->owner) and at their struct slab (page->private = slab id).
 */
#define HZ 100 /* simulated jiffies per second: tick N advances N jiffies */

/* SLAB_* creation flags (include/linux/slab.h, 3.10) */
#define SLAB_DEBUG_FREE 0x00000100UL
#define SLAB_RED_ZONE 0x00000400UL
#define SLAB_POISON 0x00000800UL
#define SLAB_HWCACHE_ALIGN 0x00002000UL
#define SLAB_CACHE_DMA 0x00004000UL
#define SLAB_STORE_USER 0x00010000UL
#define SLAB_RECLAIM_ACCOUNT 0x00020000UL
#define SLAB_PANIC 0x00040000UL
#define SLAB_DESTROY_BY_RCU 0x00080000UL
#define SLAB_MEM_SPREAD 0x00100000UL
#define SLAB_TRACE 0x00200000UL
#define SLAB_NOLEAKTRACE 0x00800000UL
#define CFLGS_OFF_SLAB 0x80000000UL

#define MM_CACHE_NAME_MAX 48 /* a cache's name, its NUL included */

typedef unsigned int kmem_bufctl_t;
#define BUFCTL_END (~0U)

/* where an object of a slab is; the kernel keeps no such byte, the model
 * keeps it so that double frees are caught the way DEBUG_SLAB would */
enum obj_state { OBJ_FREE, OBJ_CACHED, OBJ_ALLOCATED };

/* a slab's list in its node: the view's nr_slabs[] use the same indices */
enum slab_list { SLABS_PARTIAL, SLABS_FULL, SLABS_FREE, SLABS_NONE };

/* ---- requests and step mode (step.c) --------------------------------------- */
/*
 * A request is one allocation running on a simulated cpu in a coroutine of
 * its own, so that it can stop at a stage point (stepping, a breakpoint),
 * sleep in the slow path, or wait for a zone lock another cpu's paused
 * request holds - while the person inspects and runs other commands.  Each
 * cpu holds at most one unfinished request.
 */
enum mm_req_kind { REQ_ALLOC_PAGES, REQ_FREE_PAGES, REQ_KMEM_CACHE_ALLOC, REQ_KMALLOC };
enum mm_req_state { RQ_RUNNING, RQ_PAUSED, RQ_SLEEPING, RQ_WAITING, RQ_DONE };
enum mm_step_mode { STEP_CONTINUE, STEP_INTO, STEP_OVER, STEP_OUT };

/*
 * What a request can hold while it is stopped, and wait for: a zone's
 * lock, a slab cache node's list_lock, or its cpu with interrupts off
 * (the cpu's pcp lists and array caches are then its own, and another
 * cpu's IPI - drain_all_pages - waits until it turns them back on).
 */
enum mm_lock_kind { MM_LOCK_NONE, MM_LOCK_ZONE, MM_LOCK_IRQ, MM_LOCK_LIST };
struct mm_lock_ref {
	enum mm_lock_kind kind;
	int id;                     /* zone_idx, cpu, or the cache's id */
	struct kmem_cache_node *n;  /* MM_LOCK_LIST: the node (its cache is pinned) */
};

#define MM_MAX_FRAMES 48
struct mm_frame {
	enum mm_func fn;
	struct mm_reason args; /* the reason its entry gave: its arguments */
};

/* what a request is asked to do: a front end fills one in to start it */
struct mm_request_spec {
	int cpu;
	enum mm_req_kind kind;
	gfp_t gfp;
	int order;
	size_t size;
	unsigned long pfn; /* REQ_FREE_PAGES */
	int cache;         /* REQ_KMEM_CACHE_ALLOC: the cache's id */
	uint32_t owner;
	int stepping;      /* stop at its first stage point */
};

struct mm_breakpoint {
	int id;
	enum mm_func fn;
	int min_order; /* -1: any */
	unsigned long hits;
};

#endif
