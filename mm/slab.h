/*
 * slab.h - the slab allocator interface: what the rest of the model asks
 * of whichever object allocator the machine's profile runs (the role the
 * kernel's mm/slab.h plays between slab_common.c and slab.c / slub.c).
 *
 * The profile names one (struct mm_profile.slab); a machine with "slab
 * none" has none, and m->slab_ops is NULL.  slab_common.c holds what does
 * not depend on the allocator - the operations of ops.h, which name caches
 * by id and dispatch here, and /proc/slabinfo - and the clock, reclaim,
 * the checker, requests and the view reach the allocator only through
 * this table.  SLAB (slab.c, Linux 3.10) implements it; SLUB (6.12) is
 * added beside it without touching a front end.
 *
 * struct kmem_cache is the allocator's own; the model outside the
 * allocator treats it as opaque and keeps only ids.  Every function
 * returns MM_OK or an MM_E* code with the reason in m->err, and a refusal
 * changes nothing.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "mm.h"

struct mm_slab_ops {
	const char *name;                   /* "SLAB" */
	/* kmem_cache_init and the late init, every cpu brought up; destroy
	 * frees it all when the machine goes */
	int (*init)(struct mm_machine *m, char *err, size_t errlen);
	void (*destroy)(struct mm_machine *m);
	/* the cache operations (kmem_cache_create is checked and named here,
	 * the allocator computes the geometry) */
	int (*cache_create)(struct mm_machine *m, const char *name, size_t size, size_t align,
			    unsigned long flags, int ctor, struct kmem_cache **out);
	int (*cache_destroy)(struct mm_machine *m, struct kmem_cache *c);
	int (*cache_shrink)(struct mm_machine *m, struct kmem_cache *c);
	int (*cache_alloc)(struct mm_machine *m, int cpu, struct kmem_cache *c, gfp_t gfp,
			   unsigned long *addr);
	int (*cache_free)(struct mm_machine *m, int cpu, struct kmem_cache *c, unsigned long addr);
	int (*kmalloc)(struct mm_machine *m, int cpu, size_t size, gfp_t gfp, unsigned long *addr);
	int (*kfree)(struct mm_machine *m, int cpu, unsigned long addr);
	int (*ksize)(struct mm_machine *m, unsigned long addr, size_t *size);
	/* the caches by id and name (ids are never reused while a cache lives) */
	struct kmem_cache *(*cache_by_id)(struct mm_machine *m, int id);
	struct kmem_cache *(*cache_find)(struct mm_machine *m, const char *name);
	/* the largest kmalloc (and cache object) it serves */
	unsigned long kmalloc_max_size;
	/* the clock: one jiffy of periodic work (SLAB: cache_reap per cpu) */
	void (*tick)(struct mm_machine *m);
	/* the checker: everything (check), or what a stage point affords */
	int (*check)(struct mm_machine *m);
	int (*check_stage)(struct mm_machine *m);
	/* the view: the shared fields and the slabinfo row, then the
	 * allocator's own detail */
	int (*view_cache)(const struct mm_machine *m, int id, struct mm_cache_view *v);
};

/* SLAB, as Linux 3.10 has it (slab.c) */
extern const struct mm_slab_ops mm_slab_ops_slab;

/* the allocator the machine runs, NULL with "slab none" */
static inline const struct mm_slab_ops *slab_ops(const struct mm_machine *m)
{
	return m->slab_ops;
}

/* slab_common.c: kmem_cache_create's checks of its arguments (name, size,
 * align), which every allocator's kmem_cache_create makes first */
int kmem_cache_sanity_check(struct mm_machine *m, const char *name, size_t size, size_t align);
/* /proc/slabinfo (slab_common.c) */
void slabinfo_show(struct mm_machine *m, struct mm_buf *out);

#endif
