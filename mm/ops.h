/*
 * ops.h - the operations: everything a front end (the command line, the
 * screen, Lua) may do to the model.  Reading it is view.h's job; these
 * change it, each as the kernel entry point it is named after does.
 *
 * Every operation returns MM_OK or a negative MM_E* code and, when it
 * refuses, leaves the model exactly as it was, with one line saying why
 * (mm_view_error).  MM_EBUSY means a stopped request holds what the
 * operation needs (a lock, interrupts off, the cache it works on): the
 * kernel would wait, a command cannot.
 *
 * Caches are named by id and tasks by pid, never by pointer: a cache may be
 * destroyed and a task may exit between two commands (or two stage points),
 * and an id that is gone is refused with MM_ENOENT instead of reaching
 * freed memory.  A request is the one handle a front end keeps: it is the
 * front end's until it calls mm_request_free.
 */
#ifndef MM_OPS_H
#define MM_OPS_H

#include "types.h"

/* ---- the machine: describe it, boot it --------------------------------------- */
/* Presets: "tiny", "i386-1g", "x86_64-4g" (default), "x86_64-64g". */
int mm_desc_preset(struct mm_machine_desc *d, const char *name);
/* Parse a machine file's text; errors as "file:line: what is wrong" in err. */
int mm_desc_parse(struct mm_machine_desc *d, const char *text, const char *fname,
		  char *err, size_t errlen);
int mm_desc_load(struct mm_machine_desc *d, const char *path, char *err,
		 size_t errlen);
/* NAME is a preset name or a file path. */
int mm_desc_lookup(struct mm_machine_desc *d, const char *name, char *err,
		   size_t errlen);
/* the kernel versions the model knows (profile.c); NULL if unknown */
const struct mm_profile *mm_profile_find(const char *name);
const struct mm_profile *mm_profile_default(void);
/* Build and boot; NULL on failure with the reason in err. */
struct mm_machine *mm_machine_create(const struct mm_machine_desc *d, char *err,
				     size_t errlen);
void mm_machine_destroy(struct mm_machine *m);

/* ---- watching ---------------------------------------------------------------- */
/* one observer gets the events of mask (MM_EV_BIT of enum mm_event_type) */
void mm_set_observer(struct mm_machine *m, mm_observer_fn fn, void *ctx,
		     unsigned int mask);
/* `check stages on|off`: run mm_check at every stage point, or stop */
void mm_set_check_stages(struct mm_machine *m, int on);
/* 0 if every invariant holds, else MM_EINVAL with the first violation */
int mm_check(struct mm_machine *m);
/* for the screen: which free lists of a zone changed since it last asked,
 * per order a bit per migratetype; the marks are cleared (page_alloc.c).
 * 0, or -1 if zone names no zone */
int mm_zone_take_changes(struct mm_machine *m, int zone, uint8_t out[MAX_ORDER]);
/* `cpu N`: the cpu commands run on by default; MM_EINVAL if there is none */
int mm_set_cur_cpu(struct mm_machine *m, int cpu);

/* ---- the page allocator (page_alloc.c) ----------------------------------------- */
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
/* drain_all_pages for a command: MM_EBUSY while a stopped request holds a lock */
int mm_drain_all_pages(struct mm_machine *m);
/* sysctl vm.min_free_kbytes: the watermarks are set up again */
int mm_set_min_free_kbytes(struct mm_machine *m, long kbytes);
/* Parse "GFP_KERNEL|__GFP_ZERO", "GFP_KERNEL | __GFP_COLD", "0xd0"... */
int mm_gfp_parse(const char *s, gfp_t *out, char *err, size_t errlen);
/* gfp_zone(): a zone kind, or -1 for the invalid combinations (GFP_ZONE_BAD) */
int gfp_zone_kind(gfp_t gfp);
/* sysctl vm.compact_memory, written on cpu: compact every zone of the node
 * (compaction.c) */
int mm_compact_memory(struct mm_machine *m, int cpu);

/* ---- the slab allocator (slab.c) ------------------------------------------------ */
/* kmem_cache_create, run on cpu (its first objects come from that cpu's
 * side): *id is the new cache's */
int mm_kmem_cache_create(struct mm_machine *m, int cpu, const char *name, size_t size,
			 size_t align, unsigned long flags, int ctor, int *id);
int mm_kmem_cache_alloc(struct mm_machine *m, int cpu, int cache, gfp_t gfp,
			unsigned long *addr);
int mm_kmem_cache_free(struct mm_machine *m, int cpu, int cache, unsigned long addr);
/* kmem_cache_shrink on cpu: 1 if objects remain (its return value), 0, or MM_E* */
int mm_kmem_cache_shrink(struct mm_machine *m, int cpu, int cache);
int mm_kmem_cache_destroy(struct mm_machine *m, int cpu, int cache);
/* give the cache a shrinker (a SLAB_RECLAIM_ACCOUNT cache's objects become
 * reclaimable, as dentries are) */
int mm_register_shrinker(struct mm_machine *m, int cache);
int mm_kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp,
	       unsigned long *addr);
int mm_kfree(struct mm_machine *m, int cpu, unsigned long addr);
int mm_ksize(struct mm_machine *m, unsigned long addr, size_t *size);
/* Parse "SLAB_HWCACHE_ALIGN|SLAB_PANIC" or a number */
int mm_slab_flags_parse(const char *s, unsigned long *flags, char *err, size_t errlen);

/* ---- the workload: tasks, the page cache (memory.c, oom_kill.c, filemap.c) ------- */
/* fork a task that faults in pages anonymous pages with gfp; *pid is its pid */
int mm_task_spawn(struct mm_machine *m, const char *name, unsigned long pages, gfp_t gfp,
		  int *pid);
/* fault in / access the task's pages 0..pages-1 */
int mm_task_touch(struct mm_machine *m, int pid, unsigned long pages);
int mm_task_exit(struct mm_machine *m, int pid);
/* write /proc/PID/oom_score_adj: MM_EINVAL outside -1000..1000 */
int mm_oom_score_adj(struct mm_machine *m, int pid, int adj);
/* out_of_memory() now, as a failed gfp/order allocation would call it;
 * force_kill as SysRq-f (which passes GFP_KERNEL, order 0) */
int mm_out_of_memory(struct mm_machine *m, gfp_t gfp, int order, int force_kill);
/* show_mem(0), as SysRq-m prints it (MM_EV_PRINTK lines) */
void mm_show_mem(struct mm_machine *m);
int mm_pagecache_add(struct mm_machine *m, unsigned long pages, int dirty, unsigned long *added);
/* mark_page_accessed on the cached pages of [index, index + count) */
int mm_pagecache_read(struct mm_machine *m, unsigned long index, unsigned long count,
		      unsigned long *touched, unsigned long *activated);
/* drop_caches 1: the clean pages go (*dropped of them); MM_EBUSY as mm_busy */
int mm_pagecache_drop(struct mm_machine *m, unsigned long *dropped);

/* ---- reclaim (vmscan.c) -------------------------------------------------------------- */
/* sysctl vm.drop_caches: 1 page cache, 2 slab, 3 both */
int mm_drop_caches(struct mm_machine *m, int mode);
/* sysctl vm.swappiness, 0..100 */
int mm_set_swappiness(struct mm_machine *m, int v);
/* try_to_free_pages on cpu, as the slow path calls it */
int mm_try_to_free_pages(struct mm_machine *m, int cpu, int order, gfp_t gfp, unsigned long *nr);
/* wakeup_kswapd for a zone (its index), or for every zone (-1) as
 * wake_all_kswapd does; refused for a zone without memory */
int mm_wakeup_kswapd(struct mm_machine *m, int zone, int order);

/* ---- the clock ------------------------------------------------------------------------ */
/* n jiffies pass: kswapd, cache_reap, writeback, sleeping requests */
void mm_tick(struct mm_machine *m, unsigned long n);

/* ---- requests and step mode (step.c) ------------------------------------------------- */
/* start one (stopped at its first stage point if spec->stepping); *out is
 * the front end's until mm_request_free */
int mm_request_start(struct mm_machine *m, const struct mm_request_spec *spec,
		     struct mm_request **out);
/* the cpu's unfinished request, or NULL */
struct mm_request *mm_request_of(struct mm_machine *m, int cpu);
/* step (STEP_INTO), next (STEP_OVER), finish (STEP_OUT) or continue the
 * cpu's stopped request */
int mm_request_resume(struct mm_machine *m, int cpu, enum mm_step_mode mode);
/* a request that finished since it was last asked (its front end then
 * reads it with mm_view_request_status and frees it), or NULL */
struct mm_request *mm_request_reap_done(struct mm_machine *m);
void mm_request_free(struct mm_machine *m, struct mm_request *r);
/* break FUNC [if order>=N]: *id is the breakpoint's number */
int mm_break_add(struct mm_machine *m, const char *func, int min_order, int *id);
int mm_break_delete(struct mm_machine *m, int id);

#endif
