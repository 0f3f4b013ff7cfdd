/*
 * mm.h - the model itself, for the core's own files (the .c files of mm/) and its unit
 * tests.  Front ends see only view.h (reading) and ops.h (changing), both
 * included here, with the vocabulary of types.h.
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

#include "types.h"
#include "view.h"
#include "ops.h"

struct slab;

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

/* where an address is: which cache, slab, object and its state */
struct mm_obj_info {
	struct kmem_cache *cache; /* NULL: not in a slab page */
	struct slab *slab;
	unsigned int index;       /* object number in the slab */
	unsigned long obj;        /* start of the object */
	int state;                /* enum obj_state */
	int where_cpu;            /* OBJ_CACHED: cpu array (-1: the shared array) */
};

/* Call cb for each page on a list, head first; stop if cb returns non-zero. */
typedef int (*mm_page_cb)(struct mm_machine *m, unsigned long pfn, void *data);

/* where a pfn is (mm_page_info; the view reads it as mm_page_view) */
struct mm_page_info {
	enum mm_page_state state;
	unsigned long head_pfn; /* the free block or allocation it belongs to */
	int order;              /* of that block */
	int migratetype;        /* of the free list / pcp list */
	int cpu;                /* PS_PCP */
	int pageblock_mt;
	int zone_idx;
};

/* ---- output buffer ------------------------------------------------------ */
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
/* ---- zones and per-cpu pagesets ----------------------------------------- */
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
/* ---- the workload: tasks, page cache, swap (memory.c, filemap.c, swap.c) ---- */
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
/* ---- the machine -------------------------------------------------------- */
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
	const struct mm_profile *profile;     /* the kernel version it models */
	const struct mm_slab_ops *slab_ops;   /* its slab allocator (slab.h); NULL with "slab none" */
	struct slab_state_s *slab; /* SLAB's state (slab.c); NULL unless SLAB runs */
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
/* tasks (memory.c) */
int task_spawn(struct mm_machine *m, const char *name, unsigned long pages, gfp_t gfp,
		  struct task **out);
/* fault in / access the task's pages 0..pages-1 */
int task_touch(struct mm_machine *m, struct task *t, unsigned long pages);
int task_exit(struct mm_machine *m, struct task *t);
struct task *mm_task_find(struct mm_machine *m, int pid);
unsigned long get_mm_rss(const struct task *t);
unsigned long task_nr_ptes(const struct task *t); /* page-table pages */
/* the OOM killer (oom_kill.c); its reports arrive as MM_EV_PRINTK lines */
/* write /proc/PID/oom_score_adj: MM_EINVAL outside -1000..1000 */
int set_oom_score_adj(struct mm_machine *m, struct task *t, int adj);
/* oom_badness() against totalram_pages + swap pages, as a kill would weigh it */
unsigned long mm_oom_badness(struct mm_machine *m, struct task *t);
/* /proc/PID/oom_score: badness * 1000 / (totalram_pages + swap pages) */
unsigned long mm_oom_score(struct mm_machine *m, struct task *t);
/* move an allocated movable page's contents and owner to new_pfn (migrate.c) */
int mm_migrate_page(struct mm_machine *m, unsigned long old_pfn, unsigned long new_pfn);
/* LRU (swap.c) */
void lru_cache_add(struct mm_machine *m, unsigned long pfn, enum lru_list lru);
void del_page_from_lru(struct mm_machine *m, unsigned long pfn);
void mark_page_accessed(struct mm_machine *m, unsigned long pfn);
static inline int page_lru_base(const struct page *p)
{
	return (p->flags & PG_swapbacked) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE;
}
/* free a page (order 0) that has left every owner */
void put_page_free(struct mm_machine *m, unsigned long pfn);
/* ---- building ------------------------------------------------------------ */
/* call after changing check_stages */
void mm_update_watch(struct mm_machine *m);
/* ---- the allocator ------------------------------------------------------ */
/* free_hot_cold_page_list: order-0 pages freed as one batch (as reclaim does) */
int mm_free_pages_list(struct mm_machine *m, int cpu, const unsigned long *pfns,
		       int n, int cold);
void drain_all_pages(struct mm_machine *m);
void drain_pages(struct mm_machine *m, int cpu);
int __zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
			unsigned long mark, int classzone_idx, int alloc_flags,
			long free_pages);
int zone_watermark_ok(struct mm_machine *m, struct zone *z, int order,
		      unsigned long mark, int classzone_idx, int alloc_flags);
static inline int get_pageblock_migratetype(const struct mm_machine *m,
					    unsigned long pfn)
{
	return m->pageblock_flags[pfn >> m->pageblock_order] & 7;
}
void set_pageblock_migratetype(struct mm_machine *m, unsigned long pfn, int mt);
struct zone *page_zone_mixed(struct mm_machine *m, unsigned long pfn);
struct zone *mm_zone_by_name(struct mm_machine *m, const char *name);
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
static inline unsigned long zone_page_state(const struct zone *z,
					    enum zone_stat_item i)
{
	return z->vm_stat[i] < 0 ? 0 : (unsigned long)z->vm_stat[i];
}
unsigned long global_page_state(const struct mm_machine *m, enum zone_stat_item i);
/* ---- gfp helpers (gfp.c) ------------------------------------------------ */
int allocflags_to_migratetype(const struct mm_machine *m, gfp_t gfp);
/* ---- /proc text (vmstat.c) ------------------------------------------------ */
static inline void count_vm_events(struct mm_machine *m, enum vm_event_item i,
				   unsigned long delta)
{
	m->vm_events[i] += delta;
}
/* ---- walkers (for show commands, the screen and Lua) ----------------------- */
int mm_walk_list(struct mm_machine *m, uint32_t list_id, mm_page_cb cb, void *data);
static inline const struct mm_list *mm_list_head(const struct mm_machine *m,
						 uint32_t id)
{
	return &m->lists[id];
}
void mm_page_info(struct mm_machine *m, unsigned long pfn, struct mm_page_info *pi);
/* ---- invariant checker (debug.c) ------------------------------------------- */
/* what check_stages runs at a stage point: every counter, and every page
 * of the MAX_ORDER blocks changed since the last stage check (pages are
 * accounted per block: no free block or allocation crosses one); list
 * walks, the LRU and the other blocks are left to mm_check */
int mm_check_stage(struct mm_machine *m);
/* set m->err; always returns code */
int mm_error(struct mm_machine *m, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* ---- SLAB (slab.c) -------------------------------------------------------- */
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
	char name[MM_CACHE_NAME_MAX];
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
/* Create a cache; flags beyond CACHE_CREATE_MASK are dropped as 3.10 does. */
int kmem_cache_create(struct mm_machine *m, const char *name, size_t size,
			 size_t align, unsigned long flags, int ctor,
			 struct kmem_cache **out);
struct kmem_cache *mm_kmem_cache_find(struct mm_machine *m, const char *name);
struct kmem_cache *mm_kmem_cache_by_id(struct mm_machine *m, int id); /* NULL if gone */
/* the caches, newest first (slab_caches order) */
struct kmem_cache *mm_slab_caches(struct mm_machine *m);
int kmem_cache_alloc(struct mm_machine *m, int cpu, struct kmem_cache *c,
			gfp_t gfp, unsigned long *addr);
int kmem_cache_free(struct mm_machine *m, int cpu, struct kmem_cache *c,
		       unsigned long addr);
/* 1 if objects remain (kmem_cache_shrink's return value) */
int kmem_cache_shrink(struct mm_machine *m, struct kmem_cache *c);
/* SLAB's kmalloc, kfree and ksize (ops.h's mm_kmalloc, ... reach them through slab.h) */
int kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp, unsigned long *addr);
int kfree(struct mm_machine *m, int cpu, unsigned long addr);
int ksize(struct mm_machine *m, unsigned long addr, size_t *size);
int kmem_cache_destroy(struct mm_machine *m, struct kmem_cache *c);
int register_shrinker(struct mm_machine *m, struct kmem_cache *c);
void mm_unregister_shrinker(struct mm_machine *m, struct kmem_cache *c);
/* drop_caches 2: shrink_slab until it frees little; objects freed */
unsigned long mm_drop_slab(struct mm_machine *m);
struct kmem_cache *kmalloc_slab(struct mm_machine *m, size_t size, gfp_t gfp);
int mm_obj_info(struct mm_machine *m, unsigned long addr, struct mm_obj_info *oi);
unsigned long mm_page_offset(const struct mm_machine *m); /* PAGE_OFFSET */
struct slab *mm_slab_by_id(struct mm_machine *m, uint32_t id);
/* ---- requests and step mode (step.c) --------------------------------------- */
/* the cpu whose request holds it, or -1 */
int mm_lock_holder(struct mm_machine *m, const struct mm_lock_ref *l);
/* what the request on cpu holds, at most max entries; the count */
int mm_request_holds(struct mm_machine *m, int cpu, struct mm_lock_ref *out, int max);
struct mm_request {
	unsigned long id;  /* 1, 2, ... in the order requests started */
	struct mm_request_spec spec; /* what it was asked to do */
	struct kmem_cache *cache;    /* spec.cache's, pinned while it runs */
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
/* "-> fn: reason", "<- fn: reason", ".. fn: reason" or ".. reason" (a
 * sleep or a wait); "" before its first stage point */
void mm_request_where(const struct mm_request *r, char *buf, size_t len);

#endif
