/*
 * slab_common.c - what the slab allocators share (3.10 mm/slab_common.c):
 * the operations of ops.h on caches, which name a cache by its id and
 * dispatch to the machine's allocator (slab.h), and /proc/slabinfo.
 *
 * A front end never holds a struct kmem_cache: an id that names no cache
 * any more (destroyed meanwhile) is refused with MM_ENOENT, and on a
 * machine without a slab allocator every operation is refused with one
 * line.
 */
#include <string.h>

#include "internal.h"

/* kmem_cache_sanity_check, and kmem_cache_create's check of align */
int kmem_cache_sanity_check(struct mm_machine *m, const char *name, size_t size, size_t align)
{
	size_t len = strlen(name);
	unsigned long max = slab_ops(m)->kmalloc_max_size;

	if (!len || len >= MM_CACHE_NAME_MAX)
		return mm_error(m, MM_EINVAL, "kmem_cache_sanity_check: invalid cache name '%s' (1 to %d characters)",
				name, MM_CACHE_NAME_MAX - 1);
	for (const char *p = name; *p; p++)
		if (*p <= ' ' || *p > '~')
			return mm_error(m, MM_EINVAL, "kmem_cache_sanity_check: cache name '%s' contains spaces or control characters", name);
	if (slab_ops(m)->cache_find(m, name))
		return mm_error(m, MM_EINVAL, "kmem_cache_sanity_check (%s): Cache name already exists.", name);
	if (size < sizeof(void *) || size > max)
		return mm_error(m, MM_EINVAL, "kmem_cache_sanity_check (%s): size %zu out of range (%zu to %lu)",
				name, size, sizeof(void *), max);
	if (align & (align - 1) || align > PAGE_SIZE)
		return mm_error(m, MM_EINVAL, "kmem_cache_create(%s): align %zu is not a power of two up to %lu",
				name, align, PAGE_SIZE);
	return MM_OK;
}

static int no_slab(struct mm_machine *m)
{
	return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
}

/* the cache with that id, or NULL with the reason in m->err */
static struct kmem_cache *cache_of(struct mm_machine *m, int id)
{
	struct kmem_cache *c;

	if (!slab_ops(m)) {
		no_slab(m);
		return NULL;
	}
	c = slab_ops(m)->cache_by_id(m, id);
	if (!c)
		mm_error(m, MM_ENOENT, "no cache with id %d", id);
	return c;
}

/* the cpu an operation runs on: the one the caller names, never a
 * default the model keeps */
static int on_cpu(struct mm_machine *m, int cpu)
{
	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	m->this_cpu = cpu;
	return MM_OK;
}

static int refused(struct mm_machine *m)
{
	return slab_ops(m) ? MM_ENOENT : MM_EINVAL;
}

int mm_kmem_cache_create(struct mm_machine *m, int cpu, const char *name, size_t size,
			 size_t align, unsigned long flags, int ctor, int *id)
{
	struct kmem_cache *c = NULL;
	int rc;

	*id = -1;
	if (!slab_ops(m))
		return no_slab(m);
	if ((rc = on_cpu(m, cpu)))
		return rc;
	rc = slab_ops(m)->cache_create(m, name, size, align, flags, ctor, &c);
	if (rc == MM_OK && c)
		*id = c->id;
	return rc;
}

int mm_kmem_cache_alloc(struct mm_machine *m, int cpu, int cache, gfp_t gfp, unsigned long *addr)
{
	struct kmem_cache *c = cache_of(m, cache);

	*addr = 0;
	return c ? slab_ops(m)->cache_alloc(m, cpu, c, gfp, addr) : refused(m);
}

int mm_kmem_cache_free(struct mm_machine *m, int cpu, int cache, unsigned long addr)
{
	struct kmem_cache *c = cache_of(m, cache);

	return c ? slab_ops(m)->cache_free(m, cpu, c, addr) : refused(m);
}

int mm_kmem_cache_shrink(struct mm_machine *m, int cpu, int cache)
{
	struct kmem_cache *c = cache_of(m, cache);
	int rc;

	if (!c)
		return refused(m);
	return (rc = on_cpu(m, cpu)) ? rc : slab_ops(m)->cache_shrink(m, c);
}

int mm_kmem_cache_destroy(struct mm_machine *m, int cpu, int cache)
{
	struct kmem_cache *c = cache_of(m, cache);
	int rc;

	if (!c)
		return refused(m);
	return (rc = on_cpu(m, cpu)) ? rc : slab_ops(m)->cache_destroy(m, c);
}

/* a shrinker is the reclaim side's (vmscan.c), over whichever allocator's cache */
int mm_register_shrinker(struct mm_machine *m, int cache)
{
	struct kmem_cache *c = cache_of(m, cache);

	return c ? register_shrinker(m, c) : refused(m);
}

int mm_kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp, unsigned long *addr)
{
	*addr = 0;
	return slab_ops(m) ? slab_ops(m)->kmalloc(m, cpu, size, gfp, addr) : no_slab(m);
}

int mm_kfree(struct mm_machine *m, int cpu, unsigned long addr)
{
	return slab_ops(m) ? slab_ops(m)->kfree(m, cpu, addr) : no_slab(m);
}

int mm_ksize(struct mm_machine *m, unsigned long addr, size_t *size)
{
	*size = 0;
	return slab_ops(m) ? slab_ops(m)->ksize(m, addr, size) : no_slab(m);
}

/* ---- /proc/slabinfo ----------------------------------------------------------- */

/* print_slabinfo_header and cache_show of 3.10 mm/slab_common.c; the
 * numbers are the allocator's get_slabinfo, read through the view */
void slabinfo_show(struct mm_machine *m, struct mm_buf *out)
{
	struct mm_cache_view v;

	mm_buf_printf(out, "slabinfo - version: 2.1\n");
	mm_buf_printf(out, "# name            <active_objs> <num_objs> <objsize> "
			   "<objperslab> <pagesperslab>");
	mm_buf_printf(out, " : tunables <limit> <batchcount> <sharedfactor>");
	mm_buf_printf(out, " : slabdata <active_slabs> <num_slabs> <sharedavail>");
	mm_buf_printf(out, "\n");
	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id)) {
		mm_view_cache(m, id, &v);
		mm_buf_printf(out, "%-17s %6lu %6lu %6u %4u %4d", v.name,
			      v.active_objs, v.num_objs, v.size, v.objs_per_slab,
			      1 << v.order);
		mm_buf_printf(out, " : tunables %4u %4u %4u", v.limit,
			      v.batchcount, v.shared);
		mm_buf_printf(out, " : slabdata %6lu %6lu %6lu", v.active_slabs,
			      v.num_slabs, v.shared_avail);
		mm_buf_printf(out, "\n");
	}
}
