/*
 * internal.h - what the core's files share and nobody else needs: the list
 * primitives every page move goes through, pageblock helpers and the
 * observer plumbing.
 *
 * All list surgery happens here.  A page is on at most one list (page->list
 * names it); moving it is list_del + list_add, and each primitive marks the
 * free_area cell it touched so the screen can highlight splits and merges.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <stdarg.h>

#include "mm.h"
#include "slab.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/*
 * MM_BUG_ON(cond): the kernel's VM_BUG_ON, an invariant the code relies on
 * whose breach means the model itself is wrong (never bad input: that is
 * refused with an MM_E* code).  In a build with MM_DEBUG defined - make
 * DEBUG=1, make asan, make fuzz-build, and the copy of mm/ the unit tests
 * link - a true cond writes one line to stderr,
 *   "mm: MM_BUG_ON(cond) at mm/file.c:line in func()"
 * and calls abort(): the only place mm/ prints or ends the process, and
 * only once it cannot go on correctly.  Without MM_DEBUG it costs nothing:
 * cond is compiled (sizeof) but never evaluated.
 */
#ifdef MM_DEBUG
void mm_bug(const char *cond, const char *file, int line, const char *func)
	__attribute__((noreturn, cold));
#define MM_BUG_ON(c)                                                   \
	do {                                                           \
		if (unlikely(c))                                       \
			mm_bug(#c, __FILE__, __LINE__, __func__);      \
	} while (0)
#else
#define MM_BUG_ON(c) ((void)sizeof(!(c)))
#endif

/* ---- lists linked by pfn ------------------------------------------------ */

static inline struct mm_list *mm_list(struct mm_machine *m, uint32_t id)
{
	return &m->lists[id];
}

static inline int list_empty_id(const struct mm_machine *m, uint32_t id)
{
	return m->lists[id].head == MM_NIL;
}

/* check_stages: the MAX_ORDER block of pfn changed (debug.c checks it) */
static inline void check_dirty(struct mm_machine *m, unsigned long pfn)
{
	if (unlikely(m->check_dirty))
		m->check_dirty[pfn >> (MAX_ORDER - 1 + 3)] |= (uint8_t)(1u << ((pfn >> (MAX_ORDER - 1)) & 7));
}

/* list_add: at the head (the next page the allocator takes) */
static inline void list_add_id(struct mm_machine *m, unsigned long pfn, uint32_t id)
{
	struct mm_list *l = &m->lists[id];
	struct page *p = &m->mem_map[pfn];

	check_dirty(m, pfn);
	p->prev = MM_NIL;
	p->next = l->head;
	if (l->head != MM_NIL)
		m->mem_map[l->head].prev = (uint32_t)pfn;
	else
		l->tail = (uint32_t)pfn;
	l->head = (uint32_t)pfn;
	l->nr++;
	p->list = id;
}

/* list_add_tail: at the tail (the last to be taken) */
static inline void list_add_tail_id(struct mm_machine *m, unsigned long pfn, uint32_t id)
{
	struct mm_list *l = &m->lists[id];
	struct page *p = &m->mem_map[pfn];

	check_dirty(m, pfn);
	p->next = MM_NIL;
	p->prev = l->tail;
	if (l->tail != MM_NIL)
		m->mem_map[l->tail].next = (uint32_t)pfn;
	else
		l->head = (uint32_t)pfn;
	l->tail = (uint32_t)pfn;
	l->nr++;
	p->list = id;
}

/* list_add(new, &pos->lru): insert right after pos, on pos's list */
static inline void list_add_after(struct mm_machine *m, unsigned long pfn, unsigned long pos)
{
	struct page *p = &m->mem_map[pfn], *q = &m->mem_map[pos];
	struct mm_list *l = &m->lists[q->list];

	check_dirty(m, pfn);
	p->prev = (uint32_t)pos;
	p->next = q->next;
	if (q->next != MM_NIL)
		m->mem_map[q->next].prev = (uint32_t)pfn;
	else
		l->tail = (uint32_t)pfn;
	q->next = (uint32_t)pfn;
	l->nr++;
	p->list = q->list;
}

/* list_add_tail(new, &pos->lru): insert right before pos */
static inline void list_add_before(struct mm_machine *m, unsigned long pfn, unsigned long pos)
{
	struct page *p = &m->mem_map[pfn], *q = &m->mem_map[pos];
	struct mm_list *l = &m->lists[q->list];

	check_dirty(m, pfn);
	p->next = (uint32_t)pos;
	p->prev = q->prev;
	if (q->prev != MM_NIL)
		m->mem_map[q->prev].next = (uint32_t)pfn;
	else
		l->head = (uint32_t)pfn;
	q->prev = (uint32_t)pfn;
	l->nr++;
	p->list = q->list;
}

static inline void list_del_page(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	struct mm_list *l = &m->lists[p->list];

	/* CONFIG_DEBUG_LIST: deleting a page that is on no list */
	MM_BUG_ON(p->list == MM_NOLIST || l->nr == 0);
	check_dirty(m, pfn);
	if (p->prev != MM_NIL)
		m->mem_map[p->prev].next = p->next;
	else
		l->head = p->next;
	if (p->next != MM_NIL)
		m->mem_map[p->next].prev = p->prev;
	else
		l->tail = p->prev;
	l->nr--;
	p->next = p->prev = MM_NIL;
	p->list = MM_NOLIST;
}

/* ---- free lists ------------------------------------------------------------ */

/* list id of zone->free_area[order].free_list[mt] */
static inline uint32_t free_list_id(const struct zone *z, int order, int mt)
{
	return z->free_area[order].free_list[mt];
}

static inline void mark_changed(struct zone *z, int order, int mt)
{
	z->changed[order] |= (uint8_t)(1u << mt);
}

static inline void set_page_order(struct page *p, int order)
{
	p->private = (uint32_t)order;
	p->flags |= PG_buddy;
}

static inline void rmv_page_order(struct page *p)
{
	p->flags &= ~PG_buddy;
	p->private = 0;
}

void init_pageblock_zones(struct mm_machine *m);
int zone_counts_pageblock(struct mm_machine *m, const struct zone *z, unsigned long pfn);
void count_zone_pageblocks(struct mm_machine *m, struct zone *z, unsigned long *count);
/* the view of a cache, filled by the slab allocator (slab.c) */
struct mm_cache_view;

/* ---- pageblocks ------------------------------------------------------------ */
static inline unsigned long pageblock_start(const struct mm_machine *m, unsigned long pfn)
{
	return pfn & ~(m->pageblock_nr_pages - 1);
}

static inline int zone_spans_pfn(const struct zone *z, unsigned long pfn)
{
	return pfn >= z->zone_start_pfn && pfn < zone_end_pfn(z);
}


/* ---- blocks in flight ------------------------------------------------------- */
#define INFLIGHT(m) unlikely((m)->watch)
/* records are moved and dropped as long as any exist: an observer may go
 * away in the middle of an operation (a Lua callback that raises is
 * switched off there), and a record it left would outlive its block */
#define INFLIGHT_HELD(m) unlikely((m)->watch || (m)->nr_inflight)

static inline void inflight_add(struct mm_machine *m, unsigned long pfn, int order)
{
	check_dirty(m, pfn);
	if (m->nr_inflight < 32) {
		m->inflight[m->nr_inflight].pfn = pfn;
		m->inflight[m->nr_inflight].order = order;
		m->nr_inflight++;
	}
}

/* the block at old is now the block at pfn of this order (merge, split) */
static inline void inflight_set(struct mm_machine *m, unsigned long old, unsigned long pfn, int order)
{
	for (int i = 0; i < m->nr_inflight; i++)
		if (m->inflight[i].pfn == old) {
			m->inflight[i].pfn = pfn;
			m->inflight[i].order = order;
			return;
		}
}

static inline void inflight_del(struct mm_machine *m, unsigned long pfn)
{
	for (int i = 0; i < m->nr_inflight; i++)
		if (m->inflight[i].pfn == pfn) {
			m->inflight[i] = m->inflight[--m->nr_inflight];
			return;
		}
}

/* ---- observer ------------------------------------------------------------- */
static inline int tracing(const struct mm_machine *m, enum mm_event_type t)
{
	return unlikely(m->event_mask & MM_EV_BIT(t));
}
void mm_emit(struct mm_machine *m, struct mm_event *ev);
/* a kernel log line (printk), delivered as MM_EV_PRINTK */
void printk(struct mm_machine *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void stage_enter(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void stage_exit(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void stage_note(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void stage_exit_reason(struct mm_machine *m, enum mm_func fn, const struct mm_reason *reason);
#define STAGES(m) unlikely((m)->watch)
/* a reason's values, taken as printf would take them (observe.c) */
void mm_reason_vcapture(struct mm_reason *r, const char *fmt, va_list ap);
void mm_reason_capture(struct mm_reason *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void step_point(struct mm_machine *m, const struct mm_event *ev);
/* what a stopped request holds (step.c); no-ops outside a request */
void zone_lock(struct mm_machine *m, struct zone *z);
void zone_unlock(struct mm_machine *m, struct zone *z);
void spin_lock_list(struct mm_machine *m, struct kmem_cache *c);
void spin_unlock_list(struct mm_machine *m, struct kmem_cache *c);
/* local_irq_save / local_irq_restore: only a request has anything to record */
void step_irq_save(struct mm_machine *m);
void step_irq_restore(struct mm_machine *m);
static inline void local_irq_save(struct mm_machine *m)
{
	if (unlikely(m->running))
		step_irq_save(m);
}
static inline void local_irq_restore(struct mm_machine *m)
{
	if (unlikely(m->running))
		step_irq_restore(m);
}
int local_irq_enable(struct mm_machine *m);
void local_irq_disable(struct mm_machine *m, int depth);
void ipi_start(struct mm_machine *m, int cpu);
void ipi_done(struct mm_machine *m, int cpu);
/* a stopped request (not the running one) holds a lock or has interrupts off */
int mm_locks_held(struct mm_machine *m);
void mm_step_destroy(struct mm_machine *m);

/* ---- page_alloc.c internals used by machine.c ------------------------------ */
void __free_pages_boot(struct mm_machine *m, unsigned long pfn, int order);
void __free_max_order_block_boot(struct mm_machine *m, unsigned long pfn);
void setup_pageset(struct per_cpu_pageset *p, unsigned long batch);
int zone_batchsize(const struct zone *z);
void setup_per_zone_wmarks(struct mm_machine *m);
void setup_per_zone_lowmem_reserve(struct mm_machine *m);
void refresh_zone_stat_thresholds(struct mm_machine *m);
void setup_per_zone_inactive_ratio(struct mm_machine *m);
unsigned long nr_free_zone_pages(struct mm_machine *m, int offset);
unsigned long nr_free_buffer_pages(struct mm_machine *m);
unsigned long nr_free_pagecache_pages(struct mm_machine *m);
void init_per_zone_wmark_min(struct mm_machine *m, long user_kbytes);
void set_recommended_min_free_kbytes(struct mm_machine *m);
int mm_workload_init(struct mm_machine *m);
void mm_workload_destroy(struct mm_machine *m);
int page_lru(const struct page *p);
long get_swap_page(struct mm_machine *m);
void mm_reap_tasks(struct mm_machine *m);
void delete_from_page_cache(struct mm_machine *m, unsigned long pfn);
void mm_task_release_memory(struct mm_machine *m, struct task *t);
void swap_free(struct mm_machine *m, unsigned long slot);
unsigned long get_nr_swap_pages(const struct mm_machine *m);
int move_freepages_block(struct mm_machine *m, struct zone *z, unsigned long pfn, int mt);

/* step.c: sleeping inside an allocation (wait_iff_congested, ...) */
void mm_sleep(struct mm_machine *m, unsigned long jiffies, const char *why);
int mm_give_up(struct mm_machine *m);

/* ---- the slow path's helpers (3.10 names) -------------------------------------- */

/* compaction.c */
enum compact_result { COMPACT_SKIPPED, COMPACT_CONTINUE, COMPACT_PARTIAL, COMPACT_COMPLETE };
#define COMPACT_MAX_DEFER_SHIFT 6
unsigned long try_to_compact_pages(struct mm_machine *m, int order, gfp_t gfp, int sync,
				   int *contended);
int compaction_deferred(struct zone *z, int order);
void defer_compaction(struct zone *z, int order);
unsigned long compaction_suitable(struct mm_machine *m, struct zone *z, int order);
int fragmentation_index(struct zone *z, unsigned int order);
void compact_pgdat(struct mm_machine *m, int order);  /* kswapd, after balancing */
void reset_isolation_suitable(struct mm_machine *m); /* kswapd, before sleeping */
int split_free_page(struct mm_machine *m, unsigned long pfn); /* page_alloc.c */

/* vmscan.c */
unsigned long try_to_free_pages(struct mm_machine *m, int order, gfp_t gfp);
void wakeup_kswapd(struct mm_machine *m, struct zone *z, int order, int classzone_idx);
void kswapd_tick(struct mm_machine *m);    /* once per jiffy, from mm_tick */
void writeback_tick(struct mm_machine *m); /* completes due writeback */
int zone_reclaimable(struct mm_machine *m, struct zone *z);
void shrinker_note_alloc(struct mm_machine *m, struct kmem_cache *c, unsigned long obj);
void shrinker_note_free(struct mm_machine *m, struct kmem_cache *c, unsigned long obj);

/* oom_kill.c, show_mem.c */
void out_of_memory(struct mm_machine *m, gfp_t gfp, int order);
unsigned long oom_badness(struct mm_machine *m, struct task *t, unsigned long totalpages);
int try_set_zonelist_oom(struct mm_machine *m, int high_zoneidx);
void clear_zonelist_oom(struct mm_machine *m, int high_zoneidx);
#define SHOW_MEM_FILTER_NODES 0x0001u      /* nodes outside current's cpuset */
#define SHOW_MEM_FILTER_PAGE_COUNT 0x0002u /* skip the walk over every page */
void show_mem(struct mm_machine *m, unsigned int filter);
void show_free_areas(struct mm_machine *m, unsigned int filter);
void warn_alloc_failed(struct mm_machine *m, gfp_t gfp, int order);
/* dump_stack's first line ("CPU: 0 PID: 100 Comm: ..."); no frames */
void dump_stack(struct mm_machine *m);
/* current->comm / ->pid: the faulting task, else the command line */
const char *current_comm(const struct mm_machine *m);
int current_pid(const struct mm_machine *m);
/* __ratelimit(): 1 = go ahead; at most burst per interval (10 per 5 s) */
int ___ratelimit(struct mm_machine *m, struct ratelimit_state *rs, const char *func);
#define __ratelimit(m, rs) ___ratelimit(m, rs, __func__)

#endif
