/*
 * mm.h - the public face of the allocator core (libmm.a).
 *
 * The core models the Linux 3.10 zoned buddy page allocator with its slow
 * path (kswapd and direct reclaim, compaction, the OOM killer), the SLAB
 * allocator on top of it, and a workload to press on them (tasks with
 * anonymous pages, a page cache, swap).  Everything it knows lives in one
 * struct mm_machine: one node, its zones (each with free_area[MAX_ORDER] x
 * migrate types and a per-cpu pageset per simulated CPU), a struct page
 * per pfn, a migrate type per pageblock, the SLAB caches and the workload.
 *
 * Lists are the kernel's list disciplines (head = list->next, tail =
 * list->prev) but linked by pfn instead of by pointer: every list head lives
 * in m->lists[] and a page records the id of the list it sits on, so a page
 * can be unlinked without knowing its list (as list_del does) and the
 * invariant checker can tell exactly where every page is.
 *
 * The core never prints and never exits (one exception: in a build with
 * MM_DEBUG, a broken MM_BUG_ON invariant prints one line and aborts, see
 * internal.h).  Failures return a negative MM_E* code and leave a one-line
 * message in m->err; text output (the /proc files) is appended to a struct
 * mm_buf the caller owns.  What happens inside is announced through one
 * observer (tracepoint events and stage points).
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define MM_VERSION "0.1.0"

/* the model's structs; a front end built with MM_VIEW_ONLY sees only these
 * names and reads the model through view.h */
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

#ifndef MM_VIEW_ONLY
struct page {            /* 32 bytes */
	uint32_t flags;
	int32_t _count;       /* refcount: 0 while free */
	uint32_t private;     /* order of a free buddy block */
	uint32_t next, prev;  /* lru links, by pfn; MM_NIL at the ends */
	uint32_t list;        /* id of the list the page is on, or MM_NOLIST */
	uint32_t owner;       /* MM_OWNER(kind, id) while allocated */
	uint8_t index;        /* cached migratetype (set_freepage_migratetype) */
	uint8_t alloc_order;  /* order of the allocation this page heads */
	uint8_t alloc_cpu;    /* cpu that allocated it */
	uint8_t pad;
};

/* A list head: pfn of the first (head) and last (tail) page, and a count. */
struct mm_list {
	uint32_t head, tail;
	uint32_t nr;
};
#endif /* MM_VIEW_ONLY */

/* ---- zones and per-cpu pagesets ----------------------------------------- */
#ifndef MM_VIEW_ONLY
struct free_area {
	uint32_t free_list[MIGRATE_TYPES]; /* list ids */
	unsigned long nr_free;              /* blocks of this order, all types */
};

struct per_cpu_pages {
	int count; /* pages on the lists */
	int high;  /* drain when count >= high */
	int batch; /* chunk size for buddy add/remove */
	uint32_t lists[MIGRATE_PCPTYPES]; /* list ids */
};

struct per_cpu_pageset {
	struct per_cpu_pages pcp;
	int8_t stat_threshold;
};
#endif /* MM_VIEW_ONLY */

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

#ifndef MM_VIEW_ONLY
struct zone_reclaim_stat {
	unsigned long recent_rotated[2]; /* [0] anon, [1] file */
	unsigned long recent_scanned[2];
};

struct zone {
	unsigned long watermark[NR_WMARK];
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	unsigned long dirty_balance_reserve;
	struct per_cpu_pageset *pageset; /* [m->nr_cpus] */
	struct free_area free_area[MAX_ORDER];

	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	unsigned long managed_pages;

	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
	unsigned long pages_scanned;
	int all_unreclaimable;
	unsigned int inactive_ratio;

	const char *name;   /* "DMA", "DMA32", "Normal", "HighMem", "Movable" */
	enum zone_type type;
	int idx;            /* zone_idx: position among configured zones */
	struct mm_machine *machine;

	/* pageblocks per migratetype, as /proc/pagetypeinfo counts them (one
	 * probe pfn per block from zone_start_pfn); set_pageblock_migratetype
	 * keeps it */
	unsigned long nr_pageblocks[MIGRATE_TYPES];

	/* for the screen: per order, a bit per migratetype whose list changed */
	uint8_t changed[MAX_ORDER];

	/* reclaim (vmscan.c) and compaction (compaction.c) */
	uint32_t lru[NR_LRU_LISTS]; /* list ids, head = most recently added */
	struct zone_reclaim_stat reclaim_stat;
	unsigned long compact_cached_free_pfn, compact_cached_migrate_pfn;
	int compact_blockskip_flush;
	unsigned int compact_considered, compact_defer_shift;
	int compact_order_failed;
	int zone_oom_locked;
};

static inline unsigned long zone_end_pfn(const struct zone *z)
{
	return z->zone_start_pfn + z->spanned_pages;
}
static inline int populated_zone(const struct zone *z)
{
	return z->present_pages != 0;
}

struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;            /* configured zones */
	int zonelist[MAX_NR_ZONES + 1]; /* zone_idx, highest first, -1 ends */
	unsigned long node_start_pfn, node_present_pages, node_spanned_pages;
	int node_id;
};
#endif /* MM_VIEW_ONLY */

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
/* the reason's text (truncated to len like snprintf); its length */
size_t mm_reason_format(const struct mm_reason *r, char *buf, size_t len);

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

/* where kswapd is in its loop (struct kswapd_state, mm_kswapd_view) */
enum kswapd_run { KSWAPD_ASLEEP, KSWAPD_NAPPING, KSWAPD_RUNNING };

#ifndef MM_VIEW_ONLY
struct task {
	int pid;
	char comm[16];
	int oom_score_adj;
	unsigned int flags;     /* PF_MEMALLOC, TIF_MEMDIE, PF_EXITING */
	gfp_t gfp;              /* what its page faults allocate with */
	uint32_t *pte;          /* [nr_pte]: PTE_PRESENT|pfn, PTE_SWAP|slot+1, PTE_NONE */
	unsigned long nr_pte, cap_pte;
	unsigned long rss_anon; /* MM_ANONPAGES */
	unsigned long swapents; /* MM_SWAPENTS */
	struct task *next;
};

/* one file whose pages are the page cache */
struct address_space {
	uint32_t *pages; /* [nr]: pfn + 1, 0 = not cached */
	unsigned long nr, cap;
	unsigned long nrpages;
};

struct swap_info {
	unsigned long pages, inuse; /* slots */
	uint8_t *map;               /* [pages]: slot used */
};

/* kswapd of the node (vmscan.c): pgdat's kswapd_max_order/classzone_idx
 * and where the thread is in its loop, so each jiffy can run one step */
struct kswapd_state {
	int started;            /* the fields below are set up */
	int state;              /* enum kswapd_run */
	int woken;              /* wakeup_kswapd came while it waited */
	int max_order;          /* pgdat->kswapd_max_order */
	int classzone_idx;      /* pgdat->classzone_idx */
	int order, cz, new_order, new_cz, balanced_order, balanced_cz; /* kswapd()'s locals */
	int end_zone;           /* balance_pgdat's, kept between passes */
	unsigned long long nap_end; /* the HZ/10 nap of kswapd_try_to_sleep ends */
	unsigned long nr_passes, nr_reclaimed; /* this run (since it woke) */
	unsigned long nr_swapped; /* its swap writes done (freed) since its last pass */
};

/* pages being written out (pageout), completed by writeback_tick */
#define NR_WRITEBACK_QUEUE 1024 /* the disk's queue: full means congested */
struct writeback_queue {
	struct writeback_entry {
		uint32_t pfn, owner, private; /* the page as it was submitted */
		uint32_t slot;                /* swap slot + 1; 0 for a file page */
		uint32_t kswapd;              /* kswapd wrote it (else direct reclaim) */
		unsigned long long done;      /* jiffy the write completes */
	} e[NR_WRITEBACK_QUEUE];
	unsigned int head, nr; /* a ring, oldest at head */
};

struct mm_workload {
	struct task *tasks; /* by pid, ascending */
	int next_pid;
	struct address_space file;
	struct swap_info swap;
	int vm_swappiness;      /* default 60 */
	struct task *current;   /* the task a fault runs for, or NULL */
	unsigned int kthread_flags; /* PF_* of the command line's kernel thread */
	unsigned int sync_waits;    /* waits taken without a request to sleep in */
	unsigned long writeback_ticks; /* how long a page takes to write out */
	struct kswapd_state kswapd;          /* vmscan.c */
	struct writeback_queue writeback;    /* vmscan.c */
	struct shrinker *shrinkers;          /* shrinker_list, registration order */
	int sysctl_drop_caches;              /* the last value written */
	/* warn_alloc_failed's and oom_kill_process's report limits (lib/ratelimit.c) */
	struct ratelimit_state {
		unsigned long interval, begin; /* jiffies; interval 0: not yet set up */
		int burst, printed, missed;
	} nopage_rs, oom_rs;
	/* out_of_memory found nobody to kill: the kernel would have stopped here */
	unsigned long nr_oom_panics;
};
#endif /* MM_VIEW_ONLY */

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
struct mm_profile {
	const char *name;           /* "linux-3.10" */
	const char *slab_allocator; /* "SLAB" */
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

#ifndef MM_VIEW_ONLY
struct mm_machine {
	struct mm_machine_desc desc;
	enum mm_arch arch;
	int pageblock_order;
	unsigned long pageblock_nr_pages;
	int bits_per_long;
	int sizeof_struct_page; /* the kernel's, for memmap sizing */
	int section_shift;      /* SPARSEMEM section size in pages (log2); 0 = FLATMEM */

	struct pglist_data node;
	int zone_of_type[MM_ZONE_KINDS]; /* zone_idx for a kind, -1 if not configured */

	struct page *mem_map; /* [max_pfn] */
	unsigned long max_pfn;     /* one past the last pfn */
	unsigned long max_low_pfn; /* end of lowmem (i386) */
	uint8_t *pageblock_flags;  /* migratetype per pageblock, by pfn >> pageblock_order */
	uint8_t *pageblock_zone;   /* zone_idx per pageblock; PB_NOZONE, PB_MIXED (page_zone) */
	uint8_t *section_valid;    /* SPARSEMEM: section present */
	unsigned long nr_sections;

	struct mm_list *lists;
	uint32_t nr_lists;

	int nr_cpus;
	int cur_cpu;  /* the cpu commands run on by default (cpu N) */
	int this_cpu; /* the cpu running the current request: smp_processor_id() */
	int page_group_by_mobility_disabled;
	int min_free_kbytes;
	int lowmem_reserve_ratio[MAX_NR_ZONES];
	unsigned long totalreserve_pages;
	unsigned long totalram_pages;

	unsigned long vm_events[NR_VM_EVENT_ITEMS_MAX];

	/* observer */
	mm_observer_fn observer;
	void *observer_ctx;
	unsigned int event_mask; /* which events the observer wants */
	int stage_depth;
	int check_stages; /* run mm_check at every stage point, printk a breach */
	unsigned long nr_check_breaches; /* stage points where mm_check failed */
	uint8_t *check_dirty; /* while check_stages: a bit per MAX_ORDER block changed since the last stage check */
	char check_breach[320];          /* the first: "func: what is wrong" */
	/* the stage points' formats, parsed: a direct-mapped cache by address */
	struct mm_reason_shape reason_shapes[MM_REASON_SHAPES];
	int watch;        /* someone looks at stage points: stages observed, a request
			   * running, or check_stages (mm_update_watch keeps it) */

	unsigned long long clock; /* simulated ticks */
	/* blocks off every list and not yet handed out or placed: what a
	 * request paused between two stage points is holding (debug.c counts
	 * them); tracked only while someone can look (stages, requests) */
	struct { unsigned long pfn; int order; } inflight[32];
	int nr_inflight;
	struct mm_request *running; /* the request executing right now (step.c) */
	struct step_state_s *step;  /* requests, breakpoints, zone locks (step.c) */
	int nr_requests; /* requests in progress (step.c's req[] not NULL): while
			  * none is, nothing is held and mm_busy answers at once;
			  * mm_check counts them */
	struct slab_state_s *slab; /* the SLAB allocator; NULL with "slab none" */
	struct mm_workload work;
	char err[256];
};

static inline struct page *pfn_to_page(struct mm_machine *m, unsigned long pfn)
{
	return &m->mem_map[pfn];
}
static inline unsigned long page_to_pfn(struct mm_machine *m, const struct page *p)
{
	return (unsigned long)(p - m->mem_map);
}
#endif /* MM_VIEW_ONLY */

/* tasks (memory.c) */
int mm_task_spawn(struct mm_machine *m, const char *name, unsigned long pages, gfp_t gfp,
		  struct task **out);
/* fault in / access the task's pages 0..pages-1 */
int mm_task_touch(struct mm_machine *m, struct task *t, unsigned long pages);
int mm_task_exit(struct mm_machine *m, struct task *t);
struct task *mm_task_find(struct mm_machine *m, int pid);
unsigned long get_mm_rss(const struct task *t);
unsigned long task_nr_ptes(const struct task *t); /* page-table pages */
/* the OOM killer (oom_kill.c); its reports arrive as MM_EV_PRINTK lines */
#define OOM_SCORE_ADJ_MIN (-1000) /* never chosen */
#define OOM_SCORE_ADJ_MAX 1000    /* chosen first */
/* write /proc/PID/oom_score_adj: MM_EINVAL outside -1000..1000 */
int mm_oom_score_adj(struct mm_machine *m, struct task *t, int adj);
/* oom_badness() against totalram_pages + swap pages, as a kill would weigh it */
unsigned long mm_oom_badness(struct mm_machine *m, struct task *t);
/* /proc/PID/oom_score: badness * 1000 / (totalram_pages + swap pages) */
unsigned long mm_oom_score(struct mm_machine *m, struct task *t);
/* out_of_memory() now, as a failed gfp/order allocation would call it;
 * force_kill as SysRq-f (which passes GFP_KERNEL, order 0) */
int mm_out_of_memory(struct mm_machine *m, gfp_t gfp, int order, int force_kill);
/* show_mem(0), as SysRq-m prints it */
void mm_show_mem(struct mm_machine *m);
/* page cache (filemap.c) */
int mm_pagecache_add(struct mm_machine *m, unsigned long pages, int dirty, unsigned long *added);
/* drop_caches 1: the clean pages go (*dropped of them); MM_EBUSY as mm_busy */
int mm_pagecache_drop(struct mm_machine *m, unsigned long *dropped);
/* move an allocated movable page's contents and owner to new_pfn (migrate.c) */
int mm_migrate_page(struct mm_machine *m, unsigned long old_pfn, unsigned long new_pfn);
/* sysctl vm.compact_memory: compact every zone of the node (compaction.c) */
int mm_compact_memory(struct mm_machine *m);
/* /sys/kernel/debug/extfrag/NAME: "extfrag_index" or "unusable_index"; MM_ENOENT if unknown */
int mm_extfrag_show(struct mm_machine *m, const char *name, struct mm_buf *out);

/* LRU (swap.c) */
void lru_cache_add(struct mm_machine *m, unsigned long pfn, enum lru_list lru);
void del_page_from_lru(struct mm_machine *m, unsigned long pfn);
void mark_page_accessed(struct mm_machine *m, unsigned long pfn);
#ifndef MM_VIEW_ONLY
static inline int page_lru_base(const struct page *p)
{
	return (p->flags & PG_swapbacked) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE;
}
#endif /* MM_VIEW_ONLY */
/* free a page (order 0) that has left every owner */
void put_page_free(struct mm_machine *m, unsigned long pfn);

/* ---- building ------------------------------------------------------------ */
/* Presets: "tiny", "i386-1g", "x86_64-4g" (default), "x86_64-64g". */
extern const char *const mm_preset_names[];
int mm_desc_preset(struct mm_machine_desc *d, const char *name);
/* Parse a machine file's text; errors as "file:line: what is wrong" in err. */
int mm_desc_parse(struct mm_machine_desc *d, const char *text, const char *fname,
		  char *err, size_t errlen);
int mm_desc_load(struct mm_machine_desc *d, const char *path, char *err,
		 size_t errlen);
/* NAME is a preset name or a file path. */
int mm_desc_lookup(struct mm_machine_desc *d, const char *name, char *err,
		   size_t errlen);
/* Build and boot; NULL on failure with the reason in err. */
struct mm_machine *mm_machine_create(const struct mm_machine_desc *d, char *err,
				     size_t errlen);
void mm_machine_destroy(struct mm_machine *m);

void mm_set_observer(struct mm_machine *m, mm_observer_fn fn, void *ctx,
		     unsigned int mask);
/* call after changing check_stages */
void mm_update_watch(struct mm_machine *m);
/* `check stages on|off`: run mm_check at every stage point, or stop */
void mm_set_check_stages(struct mm_machine *m, int on);
/* for the screen: which free lists of a zone changed since it last asked,
 * per order a bit per migratetype; the marks are cleared (page_alloc.c).
 * 0, or -1 if zone names no zone */
int mm_zone_take_changes(struct mm_machine *m, int zone, uint8_t out[MAX_ORDER]);

/* ---- the allocator ------------------------------------------------------ */
struct mm_alloc_result {
	unsigned long pfn; /* MM_NOPFN on failure */
	int order;
	int zone_idx;
	int migratetype;
	char why[320]; /* on failure: which watermark stopped it, per zone */
};

/*
 * __alloc_pages_nodemask on a CPU: the fast path at the low watermark, then
 * the slow path (kswapd, compaction, reclaim, OOM).  MM_ENOMEM on failure,
 * res->why saying which watermark stopped the last attempt; MM_EINVAL for
 * a bad argument, MM_EBUSY while a stopped request holds what it needs.
 */
int mm_alloc_pages(struct mm_machine *m, int cpu, gfp_t gfp, unsigned int order,
		   uint32_t owner, struct mm_alloc_result *res);
/* __free_pages on a CPU; order -1 = the order it was allocated with. */
int mm_free_pages(struct mm_machine *m, int cpu, unsigned long pfn, int order);
/* free_hot_cold_page_list: order-0 pages freed as one batch (as reclaim does) */
int mm_free_pages_list(struct mm_machine *m, int cpu, const unsigned long *pfns,
		       int n, int cold);
void drain_all_pages(struct mm_machine *m);
void drain_pages(struct mm_machine *m, int cpu);
/* drain_all_pages for a command: MM_EBUSY while a stopped request holds a lock */
int mm_drain_all_pages(struct mm_machine *m);
int mm_set_min_free_kbytes(struct mm_machine *m, long kbytes);

int __zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
			unsigned long mark, int classzone_idx, int alloc_flags,
			long free_pages);
int zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
		      unsigned long mark, int classzone_idx, int alloc_flags);

/* pageblocks */
#ifndef MM_VIEW_ONLY
static inline int get_pageblock_migratetype(const struct mm_machine *m,
					    unsigned long pfn)
{
	return m->pageblock_flags[pfn >> m->pageblock_order] & 7;
}
#endif /* MM_VIEW_ONLY */
void set_pageblock_migratetype(struct mm_machine *m, unsigned long pfn, int mt);

/* zone lookup */
#define PB_NOZONE 0xfe /* pageblock_zone: no zone holds this block */
#define PB_MIXED 0xff  /* two zones share it: ask the zones */
struct zone *page_zone_mixed(struct mm_machine *m, unsigned long pfn);
struct zone *mm_zone_by_name(struct mm_machine *m, const char *name);
#ifndef MM_VIEW_ONLY
/* the zone of a pfn, NULL if none: one byte per pageblock answers,
 * unless zones share the block */
static inline struct zone *page_zone(struct mm_machine *m, unsigned long pfn)
{
	unsigned z;

	if (pfn >= m->max_pfn)
		return NULL;
	z = m->pageblock_zone[pfn >> m->pageblock_order];
	if (__builtin_expect(z < PB_NOZONE, 1))
		return &m->node.node_zones[z];
	return z == PB_NOZONE ? NULL : page_zone_mixed(m, pfn);
}
static inline int pfn_valid(const struct mm_machine *m, unsigned long pfn)
{
	if (pfn >= m->max_pfn)
		return 0;
	if (!m->section_shift)
		return 1;
	return m->section_valid[pfn >> m->section_shift];
}
#endif /* MM_VIEW_ONLY */

#ifndef MM_VIEW_ONLY
static inline unsigned long zone_page_state(const struct zone *z,
					    enum zone_stat_item i)
{
	return z->vm_stat[i] < 0 ? 0 : (unsigned long)z->vm_stat[i];
}
#endif /* MM_VIEW_ONLY */
unsigned long global_page_state(const struct mm_machine *m, enum zone_stat_item i);

/* ---- gfp helpers (gfp.c) ------------------------------------------------ */
/* Parse "GFP_KERNEL|__GFP_ZERO", "GFP_KERNEL | __GFP_COLD", "0xd0"... */
int mm_gfp_parse(const char *s, gfp_t *out, char *err, size_t errlen);
/* show_gfp_flags: the tracepoint text ("GFP_KERNEL|GFP_ZERO") */
void mm_gfp_format(gfp_t gfp, char *buf, size_t len);
/* gfp_zone(): a zone kind, or -1 for the invalid combinations (GFP_ZONE_BAD) */
int gfp_zone_kind(gfp_t gfp);
int allocflags_to_migratetype(const struct mm_machine *m, gfp_t gfp);
/* names known to the parser, NULL-terminated (for completion and help) */
extern const char *const mm_gfp_names[];

extern const char *const migratetype_names[MIGRATE_TYPES];
extern const char *const zone_kind_names[MM_ZONE_KINDS];

/* ---- /proc text (vmstat.c) ------------------------------------------------ */
/* "buddyinfo", "pagetypeinfo", "zoneinfo", "vmstat"; MM_ENOENT if unknown. */
int mm_proc_show(struct mm_machine *m, const char *name, struct mm_buf *out);
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
#ifndef MM_VIEW_ONLY
static inline void count_vm_events(struct mm_machine *m, enum vm_event_item i,
				   unsigned long delta)
{
	m->vm_events[i] += delta;
}
#endif /* MM_VIEW_ONLY */
/* "pgalloc_dma32" etc. for this machine's arch; NULL if out of range */
const char *mm_vm_event_name(const struct mm_machine *m, int item);

/* ---- tracepoint text (trace.c) ------------------------------------------- */
/* "mm_page_alloc: page=ffffea... pfn=... order=0 ..." */
void mm_event_format(const struct mm_machine *m, const struct mm_event *ev,
		     char *buf, size_t len);
extern const char *const mm_event_names[MM_EV_NR_TYPES];
int mm_event_by_name(const char *name); /* -1 if unknown */
/* the struct page address the kernel would print for %p */
unsigned long long mm_page_address(const struct mm_machine *m, unsigned long pfn);

/* ---- walkers (for show commands, the screen and Lua) ----------------------- */
/* Call cb for each page on a list, head first; stop if cb returns non-zero. */
typedef int (*mm_page_cb)(struct mm_machine *m, unsigned long pfn, void *data);
int mm_walk_list(struct mm_machine *m, uint32_t list_id, mm_page_cb cb, void *data);
#ifndef MM_VIEW_ONLY
static inline const struct mm_list *mm_list_head(const struct mm_machine *m,
						 uint32_t id)
{
	return &m->lists[id];
}
#endif /* MM_VIEW_ONLY */

/* Where a pfn is: "free in an order-3 block at 0x...", "on cpu0 pcp", ... */
enum mm_page_state {
	PS_NONE,      /* not valid / outside any zone */
	PS_HOLE,      /* not RAM */
	PS_RESERVED,
	PS_FREE,      /* inside a free buddy block */
	PS_PCP,       /* on a per-cpu list */
	PS_ALLOCATED, /* part of an allocation */
};
struct mm_page_info {
	enum mm_page_state state;
	unsigned long head_pfn; /* the free block or allocation it belongs to */
	int order;              /* of that block */
	int migratetype;        /* of the free list / pcp list */
	int cpu;                /* PS_PCP */
	int pageblock_mt;
	int zone_idx;
};
void mm_page_info(struct mm_machine *m, unsigned long pfn, struct mm_page_info *pi);

/* ---- invariant checker (debug.c) ------------------------------------------- */
/* 0 if every invariant holds, else MM_EINVAL with the first violation in m->err. */
int mm_check(struct mm_machine *m);
/* what check_stages runs at a stage point: every counter, and every page
 * of the MAX_ORDER blocks changed since the last stage check (pages are
 * accounted per block: no free block or allocation crosses one); list
 * walks, the LRU and the other blocks are left to mm_check */
int mm_check_stage(struct mm_machine *m);

/* set m->err; always returns code */
int mm_error(struct mm_machine *m, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

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

typedef unsigned int kmem_bufctl_t;
#define BUFCTL_END (~0U)

/* where an object of a slab is; the kernel keeps no such byte, the model
 * keeps it so that double frees are caught the way DEBUG_SLAB would */
enum obj_state { OBJ_FREE, OBJ_CACHED, OBJ_ALLOCATED };

/* a slab's list in its node: the view's nr_slabs[] use the same indices */
enum slab_list { SLABS_PARTIAL, SLABS_FULL, SLABS_FREE, SLABS_NONE };

#ifndef MM_VIEW_ONLY
struct array_cache {
	unsigned int avail, limit, batchcount, touched;
	unsigned long addr;  /* where it was kmalloc'ed; 0 for a static boot array */
	unsigned long *entry; /* [limit], entry[avail - 1] is the hottest */
};

/* the three lists of a node hold slab ids, linked through struct slab */
struct slab_list_head {
	uint32_t head, tail, nr;
};

struct slab {
	uint32_t id;
	uint32_t next, prev;    /* links on the node list, by slab id */
	enum slab_list list;
	unsigned long colouroff; /* from the first page to s_mem */
	unsigned long s_mem;     /* address of object 0 */
	unsigned int inuse;      /* objects out of the slab (incl. array caches) */
	kmem_bufctl_t free;      /* first free object, BUFCTL_END if none */
	unsigned short nodeid;
	unsigned long pfn;       /* first page */
	unsigned long desc;      /* off-slab descriptor object, 0 if on-slab */
	struct kmem_cache *cache;
	kmem_bufctl_t *bufctl;   /* [num]: next free index */
	uint8_t *state;          /* [num]: enum obj_state */
};

struct kmem_cache_node {
	struct slab_list_head slabs[3]; /* indexed by enum slab_list */
	unsigned long free_objects;
	unsigned int free_limit;
	unsigned int colour_next;
	struct array_cache *shared;
	unsigned long next_reap;
	int free_touched;
	unsigned long addr; /* the kmalloc'ed node struct; 0 while static */
	int list_lock;      /* spinlock_t list_lock: cpu + 1 of the request holding it, 0 = free */
};

struct kmem_cache {
	unsigned int batchcount, limit, shared;
	unsigned int size;     /* object stride */
	unsigned long flags;
	unsigned int num;      /* objects per slab */
	unsigned int gfporder;
	gfp_t allocflags;
	unsigned int colour, colour_off;
	struct kmem_cache *slabp_cache;
	unsigned int slab_size;
	int ctor;              /* has a constructor (modelled: counted) */
	char name[48];
	int object_size, align;
	int refcount;
	int id;
	unsigned long addr;      /* the descriptor object in kmem_cache; 0 for kmem_cache_boot */
	unsigned long name_addr; /* kstrdup'ed name, 0 while static */
	struct kmem_cache_node *node;  /* one node (UMA) */
	struct array_cache **array;    /* [nr_cpus] */
	struct kmem_cache *next, *prev; /* slab_caches, newest first */
	/* model statistics */
	unsigned long nr_ctor_calls, nr_grown, nr_reaped;
	struct shrinker *shrinker; /* SLAB_RECLAIM_ACCOUNT cache with a shrinker (vmscan.c) */
	unsigned int inflight;     /* objects out of every array, on their way back to a slab */
	unsigned int users;        /* requests inside an operation on it: a stopped one keeps it alive */
	int changed;               /* touched since the last stage check (debug.c) */
};
#endif /* MM_VIEW_ONLY */

/* Create a cache; flags beyond CACHE_CREATE_MASK are dropped as 3.10 does. */
int mm_kmem_cache_create(struct mm_machine *m, const char *name, size_t size,
			 size_t align, unsigned long flags, int ctor,
			 struct kmem_cache **out);
struct kmem_cache *mm_kmem_cache_find(struct mm_machine *m, const char *name);
struct kmem_cache *mm_kmem_cache_by_id(struct mm_machine *m, int id); /* NULL if gone */
/* the caches, newest first (slab_caches order) */
struct kmem_cache *mm_slab_caches(struct mm_machine *m);
int mm_kmem_cache_alloc(struct mm_machine *m, int cpu, struct kmem_cache *c,
			gfp_t gfp, unsigned long *addr);
int mm_kmem_cache_free(struct mm_machine *m, int cpu, struct kmem_cache *c,
		       unsigned long addr);
int mm_kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp,
	       unsigned long *addr);
int mm_kfree(struct mm_machine *m, int cpu, unsigned long addr);
int mm_ksize(struct mm_machine *m, unsigned long addr, size_t *size);
/* 1 if objects remain (kmem_cache_shrink's return value) */
int mm_kmem_cache_shrink(struct mm_machine *m, struct kmem_cache *c);
int mm_kmem_cache_destroy(struct mm_machine *m, struct kmem_cache *c);

/*
 * A shrinker over a SLAB_RECLAIM_ACCOUNT cache (vmscan.c).  Every object
 * allocated from the cache after registration counts as unused and cached
 * (a dentry nobody holds); shrinking frees the oldest ones.
 */
struct shrinker {
	struct kmem_cache *cache;
	int seeks;               /* DEFAULT_SEEKS */
	long batch;              /* 0: SHRINK_BATCH */
	long nr_in_batch;        /* scan work carried to the next call */
	unsigned long *objs;     /* ring of object addresses, oldest at head */
	unsigned long head, nr, cap;
	unsigned long nr_freed;  /* model statistics */
	struct shrinker *next;
};
int mm_register_shrinker(struct mm_machine *m, struct kmem_cache *c);
void mm_unregister_shrinker(struct mm_machine *m, struct kmem_cache *c);
/* drop_caches 2: shrink_slab until it frees little; objects freed */
unsigned long mm_drop_slab(struct mm_machine *m);
/* sysctl vm.drop_caches: 1 page cache, 2 slab, 3 both */
int mm_drop_caches(struct mm_machine *m, int mode);
/* sysctl vm.swappiness, 0..100 */
int mm_set_swappiness(struct mm_machine *m, int v);
/* try_to_free_pages on cpu, as the slow path calls it */
int mm_try_to_free_pages(struct mm_machine *m, int cpu, int order, gfp_t gfp, unsigned long *nr);
/* wakeup_kswapd for zone z, or for every zone (z NULL) as wake_all_kswapd does */
void mm_wakeup_kswapd(struct mm_machine *m, struct zone *z, int order);

/* advance the clock N jiffies, running each cpu's cache_reap when due */
void mm_tick(struct mm_machine *m, unsigned long n);
struct kmem_cache *kmalloc_slab(struct mm_machine *m, size_t size, gfp_t gfp);
int mm_slab_flags_parse(const char *s, unsigned long *flags, char *err, size_t errlen);
void mm_slab_flags_format(unsigned long flags, char *buf, size_t len);

/* where an address is: which cache, slab, object and its state */
struct mm_obj_info {
	struct kmem_cache *cache; /* NULL: not in a slab page */
	struct slab *slab;
	unsigned int index;       /* object number in the slab */
	unsigned long obj;        /* start of the object */
	int state;                /* enum obj_state */
	int where_cpu;            /* OBJ_CACHED: cpu array (-1: the shared array) */
};
int mm_obj_info(struct mm_machine *m, unsigned long addr, struct mm_obj_info *oi);
unsigned long mm_page_offset(const struct mm_machine *m); /* PAGE_OFFSET */
struct slab *mm_slab_by_id(struct mm_machine *m, uint32_t id);

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
/* the cpu whose request holds it, or -1 */
int mm_lock_holder(struct mm_machine *m, const struct mm_lock_ref *l);
/* "zone Normal lock", "cpu0 (interrupts off)", "kmalloc-64 list_lock" */
void mm_lock_name(struct mm_machine *m, const struct mm_lock_ref *l, char *buf, size_t len);
/* what the request on cpu holds, at most max entries; the count */
int mm_request_holds(struct mm_machine *m, int cpu, struct mm_lock_ref *out, int max);

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
	struct kmem_cache *cache;
	uint32_t owner;
	int stepping;      /* stop at its first stage point */
};

#ifndef MM_VIEW_ONLY
struct mm_request {
	unsigned long id;  /* 1, 2, ... in the order requests started */
	int cpu;
	enum mm_req_kind kind;
	gfp_t gfp;
	int order;
	size_t size;
	unsigned long pfn; /* REQ_FREE_PAGES */
	struct kmem_cache *cache;
	uint32_t owner;
	/* outcome */
	int rc;
	unsigned long result; /* pfn or object address */
	char err[256];
	struct mm_alloc_result res;
	/* where it is */
	enum mm_req_state state;
	unsigned long long wake_at;
	struct mm_lock_ref waiting_for; /* RQ_WAITING: what it waits for */
	enum mm_step_mode mode;
	int target_depth;
	int stepping;          /* started with --step */
	int hit_breakpoint;    /* id of the breakpoint it stopped at, 0 if none */
	struct mm_frame frames[MM_MAX_FRAMES];
	int depth;
	/* the stage point it stopped at: its kind (MM_EV_STAGE_ENTER/EXIT/NOTE,
	 * 0 before the first), function (-1 if none) and reason; a sleep or a
	 * wait is a note of the innermost frame, told without its function
	 * (where_fn 0).  mm_request_where() makes the text. */
	int stage_type;
	int stage_fn;
	int where_fn;
	struct mm_reason reason;
	/* saved context while not running */
	int saved_stage_depth;
	struct task *saved_current;
	void *ctx;             /* the coroutine (step.c) */
};
#endif /* MM_VIEW_ONLY */

struct mm_breakpoint {
	int id;
	enum mm_func fn;
	int min_order; /* -1: any */
	unsigned long hits;
};

/* start a request on cpu; it runs until it finishes, pauses, sleeps or waits */
int mm_request_start(struct mm_machine *m, const struct mm_request_spec *proto, struct mm_request **out);
/* the unfinished request of a cpu, or NULL */
struct mm_request *mm_request_of(struct mm_machine *m, int cpu);
/* move a paused request on: step, next, finish, continue; if it finishes,
 * the caller (who got it from mm_request_of) frees it */
int mm_request_resume(struct mm_machine *m, int cpu, enum mm_step_mode mode);
/* "-> fn: reason", "<- fn: reason", ".. fn: reason" or ".. reason" (a
 * sleep or a wait); "" before its first stage point */
void mm_request_where(const struct mm_request *r, char *buf, size_t len);
/* a request that finished is collected (and freed) by the caller */
void mm_request_free(struct mm_machine *m, struct mm_request *r);
int mm_break_add(struct mm_machine *m, const char *func, int min_order, int *id);
int mm_break_delete(struct mm_machine *m, int id);
int mm_break_list(struct mm_machine *m, const struct mm_breakpoint **bps);
int mm_func_by_name(const char *name); /* -1 if unknown */
/* MM_OK, or MM_EBUSY with the reason in m->err when a stopped request
 * holds a lock or has interrupts off: what a command that cannot wait
 * asks before it changes anything (every mutating mm_* entry point does) */
int mm_busy(struct mm_machine *m);
/* requests that finished while the caller was not looking (woken by tick) */
struct mm_request *mm_request_reap_done(struct mm_machine *m);
/* `cpu N`: the cpu commands run on by default; MM_EINVAL if there is none */
int mm_set_cur_cpu(struct mm_machine *m, int cpu);

#endif
