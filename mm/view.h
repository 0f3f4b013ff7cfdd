/*
 * view.h - the one read-only view of the model, for the screen, Lua and the
 * commands.
 *
 * The view speaks the kernel's terms (nodes, zones, free_area, pageblocks,
 * struct page flags, per-cpu lists, slab caches, tasks, stopped requests,
 * the clock) without tying a reader to one kernel version or one slab
 * allocator: a reader fills small structs, or walks with an iterator, and
 * never sees struct zone, struct kmem_cache or struct mm_request.  Nothing
 * here allocates or formats text on a hot path; the few formatters at the
 * end are for printing.
 *
 * One table per fact: the page flag names (mm_pageflag_names), the
 * slabinfo numbers (mm_view_cache fills them, /proc/slabinfo prints them),
 * the pageblocks per migratetype of a zone (kept by the model as blocks
 * change type, read here) each live in one place, and /proc text, the
 * show commands, the panels and Lua all read them from here.
 *
 * Every reader takes the machine as const: reading never changes it (the
 * formatters at the end take it as they are, and change nothing either).
 */
#ifndef MM_VIEW_H
#define MM_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "types.h"

/* ---- the machine ------------------------------------------------------------- */
struct mm_machine_view {
	const char *name;           /* the preset or machine file it booted from */
	const char *profile;        /* "linux-3.10" */
	const char *slab_allocator; /* "SLAB", or "none" */
	const char *arch;           /* "x86_64", "i386" */
	int nr_cpus;
	int nr_nodes;
	int nr_zones;               /* configured zones of node 0 */
	int max_order;              /* MAX_ORDER */
	int nr_migratetypes;        /* MIGRATE_TYPES */
	int pageblock_order;
	unsigned long pageblock_nr_pages;
	unsigned long max_pfn;      /* one past the last pfn */
	unsigned long totalram_pages;
	unsigned long long jiffies; /* the simulated clock */
	int hz;
	int min_free_kbytes;
	int cur_cpu;                /* the cpu commands run on (`cpu N`) */
	unsigned long swap_pages;   /* the swap device, 0: none */
	int next_pid;               /* the pid the next task spawned gets */
	unsigned long page_offset;  /* PAGE_OFFSET: where the direct map starts */
	/* build_all_zonelists found too little memory to group pages by
	 * mobility: allocations ignore the pageblocks' types */
	int page_group_by_mobility_disabled;
};
void mm_view_machine(const struct mm_machine *m, struct mm_machine_view *v);
/* single facts of the same, for a command's hot path (no struct to fill) */
int mm_view_cur_cpu(const struct mm_machine *m);
int mm_view_nr_cpus(const struct mm_machine *m);
unsigned long mm_view_max_pfn(const struct mm_machine *m);
/* why the last refused operation was refused (one line), "" if none yet */
const char *mm_view_error(const struct mm_machine *m);

/* ---- zones --------------------------------------------------------------------- */
struct mm_zone_view {
	int idx;                    /* zone_idx */
	int node;
	const char *name;           /* "DMA", "DMA32", "Normal", "HighMem" */
	int type;                   /* enum zone_type */
	int populated;
	unsigned long zone_start_pfn, spanned_pages, present_pages, managed_pages;
	unsigned long watermark[NR_WMARK];
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	unsigned long free_pages;   /* NR_FREE_PAGES */
	/* free_area: blocks per order, and per order and migratetype */
	unsigned long nr_free[MAX_ORDER];
	unsigned long nr_free_mt[MAX_ORDER][MIGRATE_TYPES];
	/* pageblocks whose first pfn lies in the zone, per migratetype */
	unsigned long nr_pageblocks[MIGRATE_TYPES];
	unsigned long pages_scanned;
	int all_unreclaimable;
};
/* 0, or -1 if idx names no configured zone */
int mm_view_zone(const struct mm_machine *m, int idx, struct mm_zone_view *v);
/* a zone counter (enum zone_stat_item), as zone_page_state reads it */
long mm_view_zone_stat(const struct mm_machine *m, int idx, int item);
/* the zone holding pfn, or -1 */
int mm_view_pfn_zone(const struct mm_machine *m, unsigned long pfn);
/* the name of zone idx ("Normal"), NULL if idx names no configured zone */
const char *mm_view_zone_name(const struct mm_machine *m, int idx);
/* the zone called name ("Normal"), or -1 */
int mm_view_zone_find(const struct mm_machine *m, const char *name);

/* ---- pageblocks ---------------------------------------------------------------- */
/* pfn is RAM the memory map covers (pfn_valid: a present section) */
int mm_view_pfn_valid(const struct mm_machine *m, unsigned long pfn);
/* the migratetype of the pageblock holding pfn, or -1 outside memory */
int mm_view_pageblock_mt(const struct mm_machine *m, unsigned long pfn);

/* ---- pages --------------------------------------------------------------------- */
/*
 * The page flags as the kernel names them (without PG_), one table for
 * every reader: `show page`, mm.page(), the memory-map panel.
 */
struct mm_pageflag_name {
	uint32_t bit;     /* enum pageflags */
	const char *name; /* "buddy", "lru", ... */
};
extern const struct mm_pageflag_name mm_pageflag_names[];
extern const size_t mm_nr_pageflag_names;
/* "buddy|head" (sep between names; "none" when no flag is set); the length */
size_t mm_pageflags_format(uint32_t flags, const char *prefix, char *buf, size_t len);

/* who owns an allocated page: enum page_owner_kind names */
extern const char *const mm_owner_kind_names[];
extern const size_t mm_nr_owner_kinds;

struct mm_page_view {
	unsigned long pfn;
	enum mm_page_state state;   /* none, hole, reserved, free, pcp, allocated */
	uint32_t flags;             /* enum pageflags bits */
	int zone;                   /* zone_idx, -1 if none */
	int pageblock_mt;           /* -1 outside memory */
	unsigned long head_pfn;     /* the free block or allocation it belongs to */
	int order;                  /* of that block */
	int migratetype;            /* free list / pcp list / cached at allocation */
	int cpu;                    /* PS_PCP: whose list; PS_ALLOCATED: who took it */
	int refcount;               /* page->_count */
	int owner_kind;             /* enum page_owner_kind (allocated pages) */
	unsigned int owner_id;      /* pid, cache id, cpu (in flight) */
	unsigned long index;        /* anon: virtual page; page cache: file index */
};
/* 0, or -1 if pfn is beyond max_pfn */
int mm_view_page(const struct mm_machine *m, unsigned long pfn, struct mm_page_view *v);

/*
 * What one cell of a memory map needs of a pfn: its own struct page,
 * read as it is, without mm_view_page's search for the free block or
 * allocation around it (a page that is neither a head nor on a list has
 * no order here: ask mm_view_page).  Cheap enough for every cell of a
 * frame.
 */
struct mm_page_cell {
	uint32_t flags;             /* enum pageflags bits */
	int order;                  /* PG_buddy: the free block's; PG_head: the allocation's; else 0 */
	int owner_kind;             /* allocated: enum page_owner_kind; free: OWNER_NONE */
	unsigned int owner_id;      /* pid, cache id, cpu (in flight) */
};
/* 0, or -1 if pfn is not valid (beyond max_pfn, or in a memory section
 * that is not present); c is zeroed then */
int mm_view_page_cell(const struct mm_machine *m, unsigned long pfn, struct mm_page_cell *c);

/*
 * The migrate type an allocation was taken as, for the allocation headed
 * by pfn.  Struct page does not keep it (neither does the kernel of 3.10:
 * page_owner came later), so it is derived from what the model records:
 * anon pages come from the task's own gfp mask (movable if the task is
 * gone), the page cache is movable, slab pages are reclaimable for
 * SLAB_RECLAIM_ACCOUNT caches and unmovable otherwise, page tables
 * unmovable, and an order-0 page the command line allocated was taken from
 * the pcp list of its type, which page->index still holds
 * (set_freepage_migratetype).  -1 when there is no trustworthy record (a
 * higher-order command-line allocation, a block in flight) or pfn heads no
 * allocation.
 */
int mm_view_alloc_migratetype(const struct mm_machine *m, unsigned long pfn);

/* ---- lists: free_area and per-cpu lists ----------------------------------------- */
/* A list's pages in order, head first: for (pfn = first; pfn != MM_NOPFN; pfn = next) */
unsigned long mm_view_list_first(const struct mm_machine *m, uint32_t list);
unsigned long mm_view_list_next(const struct mm_machine *m, unsigned long pfn);
unsigned long mm_view_list_last(const struct mm_machine *m, uint32_t list);
unsigned long mm_view_list_prev(const struct mm_machine *m, unsigned long pfn);
unsigned long mm_view_list_count(const struct mm_machine *m, uint32_t list);
/* the list ids (0 if none) */
uint32_t mm_view_free_list(const struct mm_machine *m, int zone, int order, int mt);
uint32_t mm_view_pcp_list(const struct mm_machine *m, int cpu, int zone, int mt);

struct mm_pcp_view {
	int cpu, zone;
	int count, high, batch;
	int nr_lists;                      /* MIGRATE_PCPTYPES */
	int list_count[MIGRATE_PCPTYPES];  /* pages per list */
	uint32_t list[MIGRATE_PCPTYPES];   /* ids for mm_view_list_* */
};
int mm_view_pcp(const struct mm_machine *m, int cpu, int zone, struct mm_pcp_view *v);

/* ---- slab caches --------------------------------------------------------------- */
/*
 * What SLAB and SLUB share, then the allocator's own detail as typed
 * fields it fills (SLAB: the node lists, colouring, array caches).
 */
#define MM_VIEW_MAX_CPUS MM_MAX_CPUS
struct mm_cache_view {
	int id;
	const char *name;           /* valid until the cache is destroyed */
	unsigned int object_size, size, align;
	unsigned long flags;        /* SLAB_* */
	unsigned int objs_per_slab; /* num */
	unsigned int order;         /* gfporder: pages per slab = 1 << order */
	int refcount;
	/* the /proc/slabinfo row */
	unsigned long active_objs, num_objs, active_slabs, num_slabs;
	unsigned int limit, batchcount, shared;
	unsigned long shared_avail;
	/* SLAB (3.10) */
	struct {
		int has_node;               /* the node's lists exist (fields below) */
		unsigned int colour, colour_off, colour_next;
		unsigned int slab_size;
		int off_slab;
		const char *slabp_cache;    /* off-slab: the cache of the descriptors */
		/* not kept by the kernel: the slab's bytes minus the objects and,
		 * on-slab, the descriptor */
		unsigned long left_over;
		int ctor;
		unsigned long free_objects;
		unsigned int free_limit;
		int free_touched;
		unsigned long next_reap;
		unsigned long nr_slabs[3];  /* partial, full, free (enum slab_list) */
		/* the per-cpu arrays (limit 0: none) and the shared one */
		unsigned int avail[MM_VIEW_MAX_CPUS], array_limit[MM_VIEW_MAX_CPUS];
		unsigned int array_batchcount[MM_VIEW_MAX_CPUS];
		int touched[MM_VIEW_MAX_CPUS];
		int has_shared;
		unsigned int shared_limit, shared_batchcount;
		int shared_touched;
		unsigned long nr_grown, nr_reaped, nr_ctor_calls;
		int has_shrinker;
		unsigned int inflight;
	} slab;
};
/* 0, or -1 if no cache has that id */
int mm_view_cache(const struct mm_machine *m, int id, struct mm_cache_view *v);
/* ids in slab_caches order (newest first): -1 starts and ends the walk */
int mm_view_cache_next(const struct mm_machine *m, int prev_id);
/* the id of the cache called name, or -1 */
int mm_view_cache_find(const struct mm_machine *m, const char *name);
/* the name of the cache whose slab holds the object at addr, or NULL */
const char *mm_view_object_cache(const struct mm_machine *m, unsigned long addr);

/*
 * SLAB: the slabs on one list (enum slab_list) of a cache's node, head
 * first.  Slab ids are never 0, so 0 ends the walk:
 *   for (id = mm_view_slab_first(m, cache, SLABS_FULL); id; id = mm_view_slab_next(m, id))
 */
struct mm_slab_view {
	unsigned int id;
	int cache_id;
	int list;                 /* enum slab_list it is on */
	unsigned long pfn;        /* its first page */
	unsigned long colouroff;  /* from the first page to s_mem (on-slab: the descriptor too) */
	unsigned long s_mem;      /* the address of object 0 */
	unsigned long desc;       /* the off-slab descriptor object, 0 if on-slab */
	unsigned int inuse;       /* objects out of the slab (those in array caches too) */
	unsigned int free;        /* the first free object, BUFCTL_END if none */
	unsigned int num;         /* objects in the slab (the cache's objs_per_slab) */
	/* [num] enum obj_state, in address order; NULL if the model keeps
	 * none.  Points into the model: valid until it next changes. */
	const uint8_t *obj_state;
};
/* the first slab on list of the cache's node, 0 if none (or no such cache) */
unsigned int mm_view_slab_first(const struct mm_machine *m, int cache_id, int list);
/* the slab after slab_id on its list, 0 at the tail */
unsigned int mm_view_slab_next(const struct mm_machine *m, unsigned int slab_id);
/* 0, or -1 if no slab has that id */
int mm_view_slab(const struct mm_machine *m, unsigned int slab_id, struct mm_slab_view *v);
/* the slab a PG_slab page belongs to, 0 if pfn is not a slab page */
unsigned int mm_view_page_slab(const struct mm_machine *m, unsigned long pfn);

/*
 * SLAB: an array_cache, the cpu's (cpu >= 0) or the node's shared one
 * (cpu -1).  entry[0] is the bottom (the oldest, flushed first),
 * entry[avail - 1] the top (handed out next); the pointer points into the
 * model and is valid until it next changes.
 */
struct mm_array_view {
	unsigned int avail, limit, batchcount;
	int touched;
	const unsigned long *entry;
};
/* 0, or -1 if the cache has no such array (or no such cache) */
int mm_view_array(const struct mm_machine *m, int cache_id, int cpu, struct mm_array_view *v);

/* the slab object holding addr */
struct mm_object_view {
	int cache_id;
	unsigned int slab_id;
	unsigned int index;       /* object number in the slab */
	unsigned long obj;        /* the object's first byte */
	int state;                /* enum obj_state */
	int where_cpu;            /* OBJ_CACHED: whose array holds it, -1: the shared one */
};
/* 0, or -1 if addr is not inside a slab object */
int mm_view_object(const struct mm_machine *m, unsigned long addr, struct mm_object_view *v);

/* the name of the cache with that id (valid until it is destroyed), or NULL;
 * unlike mm_view_cache, it does not count the cache's slabs */
const char *mm_view_cache_name(const struct mm_machine *m, int id);

/* ---- tasks --------------------------------------------------------------------- */
struct mm_task_view {
	int pid;
	const char *comm;
	int oom_score_adj;
	unsigned long nr_pte, rss, swapents;
	int exiting, memdie;
	unsigned long badness;      /* oom_badness(), as a kill would weigh it */
	unsigned long oom_score;    /* /proc/PID/oom_score */
};
/* pids in list order: 0 starts and ends the walk */
int mm_view_task_next(const struct mm_machine *m, int prev_pid);
int mm_view_task(const struct mm_machine *m, int pid, struct mm_task_view *v);

/* ---- requests ------------------------------------------------------------------ */
#define MM_VIEW_MAX_LOCKS 8
struct mm_request_view {
	unsigned long id;            /* 1, 2, ... in the order requests started */
	int cpu;
	enum mm_req_kind kind;
	int stepping;                /* started with --step */
	unsigned long pfn;           /* REQ_FREE_PAGES */
	const char *cache_name;      /* REQ_KMEM_CACHE_ALLOC (the cache is pinned), else NULL */
	enum mm_req_state state;
	gfp_t gfp;
	int order;
	size_t size;
	int cache_id;                /* -1 if none */
	int depth;                   /* frames */
	char where[256];             /* the stage point it stopped at, as text */
	const char *stage_kind;      /* "enter", "exit", "note" ("" before its first) */
	const char *stage_func;      /* the kernel function, NULL if none */
	char reason[240];            /* the stage's reason, as text */
	struct mm_reason reason_values; /* the same, as values */
	int nr_holds;
	struct mm_lock_ref holds[MM_VIEW_MAX_LOCKS];
	struct mm_lock_ref waiting_for; /* kind MM_LOCK_NONE unless waiting */
	int waiting_holder;          /* the cpu holding it, -1 */
	unsigned long long wake_at;  /* sleeping: the jiffy it wakes */
	int hit_breakpoint;
};
/* the names of enum mm_req_kind ("alloc_pages", ...) and enum
 * mm_req_state ("running", "stopped", "sleeping", "waiting", "done") */
extern const char *const mm_req_kind_names[];
extern const char *const mm_req_state_names[];
/* 0, or -1 if the cpu has no unfinished request */
int mm_view_request(const struct mm_machine *m, int cpu, struct mm_request_view *v);
/* the state (enum mm_req_state) of the cpu's unfinished request, or -1 */
int mm_view_request_state(const struct mm_machine *m, int cpu);
/* the request running right now (an observer is called from inside it):
 * its cpu, id and whether it was started with --step; 0, or -1 (and
 * cpu -1) if none runs */
struct mm_running_view {
	int cpu;
	unsigned long id;
	int stepping;
};
int mm_view_running(const struct mm_machine *m, struct mm_running_view *v);
/* frame i (0 = outermost): the kernel function and its arguments' text
 * (args may be NULL); 0, or -1 if there is no such frame */
int mm_view_frame(const struct mm_machine *m, int cpu, int i, const char **fn, char *args, size_t len);
/* the same arguments as values */
const struct mm_reason *mm_view_frame_args(const struct mm_machine *m, int cpu, int i);
/* frame i's function (enum mm_func), or -1 */
int mm_view_frame_func(const struct mm_machine *m, int cpu, int i);
/* the requests in progress on all cpus together (at once, without a walk) */
int mm_view_nr_requests(const struct mm_machine *m);
/*
 * A request an operation handed back (mm_request_start, mm_request_of,
 * mm_request_reap_done), read through that pointer: unlike mm_view_request
 * it still answers once the request has finished, until mm_request_free,
 * and it formats nothing, so it is cheap enough to poll.
 */
struct mm_request_status_view {
	unsigned long id;
	int cpu;
	enum mm_req_kind kind;
	enum mm_req_state state;
	int stepping;
	int hit_breakpoint;
	gfp_t gfp;
	int order;
	unsigned long pfn;                 /* REQ_FREE_PAGES */
	/* RQ_DONE: the outcome */
	int rc;                            /* MM_OK or the MM_E* it failed with */
	unsigned long result;              /* the pfn or the object's address */
	const struct mm_alloc_result *res; /* REQ_ALLOC_PAGES: zone, migratetype, why */
	const char *err;                   /* rc: the message */
};
void mm_view_request_status(const struct mm_machine *m, const struct mm_request *r,
			    struct mm_request_status_view *v);

/* ---- the clock and background work ---------------------------------------------- */
struct mm_kswapd_view {
	int started, state;          /* enum kswapd_run */
	int woken;                   /* a wakeup came while it slept: it runs at the next tick */
	int cz;                      /* the classzone kswapd() is balancing for (its local) */
	int max_order, classzone_idx;
	unsigned long nr_passes, nr_reclaimed;
	int order;                   /* the order kswapd() is balancing for (its local) */
	unsigned long long nap_end;  /* KSWAPD_NAPPING: the jiffy its short nap ends */
};
void mm_view_kswapd(const struct mm_machine *m, struct mm_kswapd_view *v);
/* ---- reclaim: the LRU lists, the page cache, swap and writeback ------------------ */
/* the LRU lists' names by enum lru_list ("inactive_anon", ...) */
extern const char *const mm_lru_names[NR_LRU_LISTS];
struct mm_lru_view {
	int zone;
	unsigned long nr[NR_LRU_LISTS];
	uint32_t list[NR_LRU_LISTS];  /* ids for mm_view_list_*: head (newest) first */
	unsigned int inactive_ratio;
	unsigned long recent_scanned[2], recent_rotated[2]; /* [0] anon, [1] file */
};
/* 0, or -1 if zone names no configured zone */
int mm_view_lru(const struct mm_machine *m, int zone, struct mm_lru_view *v);
/* a zone counter summed over the node's zones, as global_page_state reads it */
unsigned long mm_view_global_stat(const struct mm_machine *m, int item);
struct mm_reclaim_view {
	unsigned long pagecache_pages;   /* cached pages (the file's nrpages) */
	unsigned long pagecache_length;  /* the file's length in pages: indices 0 .. length-1 */
	unsigned long swap_pages, swap_inuse; /* slots */
	int swappiness;                  /* vm.swappiness */
	int drop_caches;                 /* vm.drop_caches: the last value written */
	unsigned int writeback_nr;       /* pages being written out */
	unsigned int writeback_queue;    /* the disk queue's length (full: congested) */
	unsigned long long writeback_next_done; /* writeback_nr > 0: the jiffy the oldest completes */
};
void mm_view_reclaim(const struct mm_machine *m, struct mm_reclaim_view *v);
/* the pfn caching the page cache's page at index, MM_NOPFN if none */
unsigned long mm_view_pagecache_page(const struct mm_machine *m, unsigned long index);

/* a vm event counter (enum vm_event_item) */
unsigned long mm_view_vm_event(const struct mm_machine *m, int item);
/* row i of /proc/vmstat, in the file's order: 0, or -1 past the last */
int mm_view_vmstat(const struct mm_machine *m, int i, const char **name, unsigned long *value);

/* ---- text: the formatters, for printing ------------------------------------------ */
/* a stage reason's text (truncated to len like snprintf); its length */
size_t mm_reason_format(const struct mm_reason *r, char *buf, size_t len);
/* "mm_page_alloc: page=ffffea... pfn=... order=0 ..." */
void mm_event_format(const struct mm_machine *m, const struct mm_event *ev,
		     char *buf, size_t len);
int mm_event_by_name(const char *name); /* -1 if unknown */
/* the struct page address the kernel would print for %p */
unsigned long long mm_page_address(const struct mm_machine *m, unsigned long pfn);
/* show_gfp_flags: the tracepoint text ("GFP_KERNEL|GFP_ZERO") */
void mm_gfp_format(gfp_t gfp, char *buf, size_t len);
/* "SLAB_HWCACHE_ALIGN|SLAB_PANIC" */
void mm_slab_flags_format(unsigned long flags, char *buf, size_t len);
/* "pgalloc_dma32" etc. for this machine's arch; NULL if out of range */
const char *mm_vm_event_name(const struct mm_machine *m, int item);
/* /proc/NAME ("buddyinfo", "pagetypeinfo", "zoneinfo", "vmstat", "slabinfo",
 * ...: mm_proc_names) appended to out; MM_ENOENT if unknown */
int mm_proc_show(struct mm_machine *m, const char *name, struct mm_buf *out);
/* /sys/kernel/debug/extfrag/NAME: "extfrag_index" or "unusable_index"; MM_ENOENT if unknown */
int mm_extfrag_show(struct mm_machine *m, const char *name, struct mm_buf *out);

/* ---- step mode: locks, breakpoints, stage functions ---------------------------- */
/* "zone Normal lock", "cpu0 (interrupts off)", "kmalloc-64 list_lock" */
void mm_lock_name(struct mm_machine *m, const struct mm_lock_ref *l, char *buf, size_t len);
/* the breakpoints; their number */
int mm_break_list(struct mm_machine *m, const struct mm_breakpoint **bps);
/* a stage function (enum mm_func) by its kernel name, -1 if unknown */
int mm_func_by_name(const char *name);
/* MM_OK, or MM_EBUSY with the reason (mm_view_error) when a stopped request
 * holds a lock or has interrupts off: what a command that cannot wait
 * asks before it changes anything (every mutating mm_* entry point does) */
int mm_busy(struct mm_machine *m);

#endif
