/*
 * slab.c - the SLAB object allocator of Linux 3.10 (mm/slab.c,
 * mm/slab_common.c) on top of the page allocator.
 *
 * A cache hands out objects of one size.  Its objects live in slabs of
 * 2^gfporder pages; a slab's free objects form a chain of indices
 * (bufctl[i] = next free, BUFCTL_END ends it).  Each node keeps its slabs
 * on three lists by fill: full, partial, free.  In front of the slabs sit
 * per-cpu array caches (a LIFO stack of object pointers, limit entries,
 * moved batchcount at a time) and one shared array per node.
 *
 *   kmem_cache_alloc -> ____cache_alloc: pop the cpu array, else
 *   cache_alloc_refill: from the shared array, else batchcount objects
 *   from partial then free slabs, else cache_grow: a new slab from the
 *   buddy allocator, its colour offset rotating by colour_off.
 *
 *   kmem_cache_free -> __cache_free: push on the cpu array; when full,
 *   cache_flusharray moves the oldest batchcount to the shared array or
 *   back to their slabs (free_block), which destroys empty slabs beyond
 *   free_limit.  cache_reap trims arrays and free slabs on the clock.
 *
 * Everything the kernel allocates for the allocator itself (cache
 * descriptors from the kmem_cache cache, node structs, array caches and
 * names from kmalloc) is allocated here too, so /proc/slabinfo moves as
 * it would.  Objects are named by their direct-map virtual address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "view.h"

#define BOOT_CPUCACHE_ENTRIES 1
#define BATCHREFILL_LIMIT 16
#define REAPTIMEOUT_CPUC (2 * HZ)
#define REAPTIMEOUT_LIST3 (4 * HZ)
#define KMALLOC_SHIFT_LOW 5
#define KMALLOC_SHIFT_HIGH 22
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_ORDER (KMALLOC_SHIFT_HIGH - PAGE_SHIFT)
#define CACHE_LINE_SIZE 64
#define ARCH_KMALLOC_MINALIGN 8
#define ARCH_SLAB_MINALIGN 8
#define SHARED_BATCH_POISON 0xbaadf00du
#define ZERO_SIZE_PTR 16UL

#define CACHE_CREATE_MASK                                                   \
	(SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_PANIC | SLAB_DESTROY_BY_RCU | \
	 SLAB_MEM_SPREAD | SLAB_NOLEAKTRACE | SLAB_RECLAIM_ACCOUNT)
#define GFP_RECLAIM_MASK                                                    \
	(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_NOWARN | __GFP_REPEAT |          \
	 __GFP_NOFAIL | __GFP_NORETRY | __GFP_MEMALLOC | __GFP_NOMEMALLOC)
#define GFP_CONSTRAINT_MASK (__GFP_HARDWALL | __GFP_THISNODE)
#define GFP_BOOT_MASK (__GFP_BITS_MASK & ~(__GFP_WAIT | __GFP_IO | __GFP_FS))

/* call_site values: where in "the kernel" a request came from: the
 * command line is a module, the allocator's own metadata is kernel text */
#define CALLER_USER 1UL
#define CALLER_KMEM 2UL

static unsigned long call_site(const struct mm_machine *m, unsigned long caller)
{
	if (m->arch == ARCH_X86_64)
		return caller == CALLER_USER ? 0xffffffffa0000010UL : 0xffffffff81170000UL;
	return caller == CALLER_USER ? 0xf8000010UL : 0xc1120000UL;
}

enum slab_boot_state { DOWN, PARTIAL, PARTIAL_ARRAYCACHE, PARTIAL_NODE, UP, FULL };

struct slab_state_s {
	enum slab_boot_state state;
	int slab_early_init;
	int slab_max_order;
	gfp_t gfp_allowed_mask;
	struct kmem_cache *kmem_cache; /* the cache of cache descriptors */
	struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
	struct kmem_cache *kmalloc_dma_caches[KMALLOC_SHIFT_HIGH + 1];
	struct kmem_cache *slab_caches; /* newest first */
	struct kmem_cache **by_id;
	int nr_ids;
	struct slab **slabs; /* by id; 0 is unused */
	uint32_t nr_slabs, cap_slabs;
	uint32_t *free_ids;
	uint32_t nr_free_ids;
	struct array_cache initarray_generic;
	unsigned long initarray_entry[BOOT_CPUCACHE_ENTRIES];
	struct kmem_cache_node init_nodes[3];
	unsigned long reap_at[MM_MAX_CPUS];
	uint8_t size_index[24];
	/* arch sizes of the kernel's structures */
	unsigned sizeof_slab, sizeof_node, sizeof_ac, bytes_per_word, sizeof_cache;
};

static const uint8_t size_index_init[24] = {
	3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2,
};

static struct slab_state_s *S(struct mm_machine *m)
{
	return m->slab;
}

unsigned long mm_page_offset(const struct mm_machine *m)
{
	return m->arch == ARCH_X86_64 ? 0xffff880000000000UL : 0xc0000000UL;
}

static unsigned long pfn_to_virt(struct mm_machine *m, unsigned long pfn)
{
	return mm_page_offset(m) + (pfn << PAGE_SHIFT);
}

static int virt_to_pfn(struct mm_machine *m, unsigned long addr, unsigned long *pfn)
{
	unsigned long off = mm_page_offset(m);

	if (addr < off)
		return -1;
	*pfn = (addr - off) >> PAGE_SHIFT;
	return *pfn < m->max_low_pfn ? 0 : -1;
}

static unsigned long align_up(unsigned long x, unsigned long a)
{
	return (x + a - 1) & ~(a - 1);
}

/* ---- slab ids and the three node lists -------------------------------------- */

struct slab *mm_slab_by_id(struct mm_machine *m, uint32_t id)
{
	return id && id < S(m)->nr_slabs ? S(m)->slabs[id] : NULL;
}

static struct slab *slab_new(struct mm_machine *m, unsigned num)
{
	struct slab_state_s *s = S(m);
	struct slab *sl = calloc(1, sizeof(*sl));
	uint32_t id;

	if (!sl)
		return NULL;
	sl->bufctl = malloc(num * sizeof(kmem_bufctl_t));
	sl->state = malloc(num);
	if (!sl->bufctl || !sl->state)
		goto fail;
	if (s->nr_free_ids) {
		id = s->free_ids[--s->nr_free_ids];
	} else {
		if (s->nr_slabs >= s->cap_slabs) {
			uint32_t cap = s->cap_slabs ? s->cap_slabs * 2 : 64;
			struct slab **t = realloc(s->slabs, cap * sizeof(*t));
			uint32_t *f = realloc(s->free_ids, cap * sizeof(*f));

			if (t)
				s->slabs = t;
			if (f)
				s->free_ids = f;
			if (!t || !f)
				goto fail;
			s->cap_slabs = cap;
		}
		id = s->nr_slabs++;
	}
	s->slabs[id] = sl;
	sl->id = id;
	sl->list = SLABS_NONE;
	return sl;
fail:
	free(sl->bufctl);
	free(sl->state);
	free(sl);
	return NULL;
}

static void slab_release(struct mm_machine *m, struct slab *sl)
{
	S(m)->slabs[sl->id] = NULL;
	S(m)->free_ids[S(m)->nr_free_ids++] = sl->id;
	free(sl->bufctl);
	free(sl->state);
	free(sl);
}

static void slab_list_del(struct mm_machine *m, struct kmem_cache_node *n, struct slab *sl)
{
	struct slab_list_head *h = &n->slabs[sl->list];

	if (sl->prev)
		S(m)->slabs[sl->prev]->next = sl->next;
	else
		h->head = sl->next;
	if (sl->next)
		S(m)->slabs[sl->next]->prev = sl->prev;
	else
		h->tail = sl->prev;
	h->nr--;
	sl->next = sl->prev = 0;
	sl->list = SLABS_NONE;
}

static void slab_list_add(struct mm_machine *m, struct kmem_cache_node *n,
			  struct slab *sl, enum slab_list l)
{
	struct slab_list_head *h = &n->slabs[l];

	sl->prev = 0;
	sl->next = h->head;
	if (h->head)
		S(m)->slabs[h->head]->prev = sl->id;
	else
		h->tail = sl->id;
	h->head = sl->id;
	h->nr++;
	sl->list = l;
}

static void slab_list_add_tail(struct mm_machine *m, struct kmem_cache_node *n,
			       struct slab *sl, enum slab_list l)
{
	struct slab_list_head *h = &n->slabs[l];

	sl->next = 0;
	sl->prev = h->tail;
	if (h->tail)
		S(m)->slabs[h->tail]->next = sl->id;
	else
		h->head = sl->id;
	h->tail = sl->id;
	h->nr++;
	sl->list = l;
}

/* ---- kmalloc index ---------------------------------------------------------------- */

static int kmalloc_index(size_t size)
{
	if (!size)
		return 0;
	if (size <= (1u << KMALLOC_SHIFT_LOW))
		return KMALLOC_SHIFT_LOW;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	for (int i = 3; i <= KMALLOC_SHIFT_HIGH; i++)
		if (size <= (1UL << i))
			return i;
	return -1;
}

static size_t kmalloc_size(int i)
{
	return i > 2 ? 1UL << i : i == 1 ? 96 : i == 2 ? 192 : 0;
}

static int fls_size(size_t x)
{
	int r = 0;

	while (x) {
		r++;
		x >>= 1;
	}
	return r;
}

/* kmalloc_slab: the cache kmalloc(size) uses; NULL if none */
struct kmem_cache *kmalloc_slab(struct mm_machine *m, size_t size, gfp_t gfp)
{
	int index;

	if (!m->slab || size == 0 || size > KMALLOC_MAX_SIZE)
		return NULL;
	index = size <= 192 ? S(m)->size_index[(size - 1) / 8] : fls_size(size - 1);
	if (gfp & GFP_DMA)
		return S(m)->kmalloc_dma_caches[index];
	return S(m)->kmalloc_caches[index];
}

/* ---- events ------------------------------------------------------------------------ */

static void trace_alloc(struct mm_machine *m, enum mm_event_type t, unsigned long caller,
			unsigned long ptr, size_t req, size_t alloc, gfp_t gfp)
{
	if (tracing(m, t)) {
		struct mm_event ev = { .type = t, .cpu = m->this_cpu, .call_site = call_site(m, caller),
				       .ptr = ptr, .bytes_req = req, .bytes_alloc = alloc, .gfp = gfp,
				       .pfn = MM_NOPFN };
		mm_emit(m, &ev);
	}
}

static void trace_free(struct mm_machine *m, enum mm_event_type t, unsigned long caller,
		       unsigned long ptr)
{
	if (tracing(m, t)) {
		struct mm_event ev = { .type = t, .cpu = m->this_cpu, .call_site = call_site(m, caller),
				       .ptr = ptr, .pfn = MM_NOPFN };
		mm_emit(m, &ev);
	}
}

/* ---- pages for slabs ------------------------------------------------------------- */

/* kmem_getpages: 2^gfporder pages with the cache's gfp, marked PG_slab */
static unsigned long kmem_getpages(struct mm_machine *m, struct kmem_cache *c, gfp_t flags)
{
	struct mm_alloc_result r;
	int cpu = m->this_cpu;
	struct zone *z;

	flags |= c->allocflags;
	if (c->flags & SLAB_RECLAIM_ACCOUNT)
		flags |= __GFP_RECLAIMABLE;
	if (mm_alloc_pages(m, cpu, flags, c->gfporder, MM_OWNER(OWNER_SLAB, c->id), &r))
		return MM_NOPFN;
	m->this_cpu = cpu;
	z = page_zone(m, r.pfn);
	z->vm_stat[(c->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE : NR_SLAB_UNRECLAIMABLE] +=
		1L << c->gfporder;
	for (unsigned long i = 0; i < (1UL << c->gfporder); i++)
		m->mem_map[r.pfn + i].flags |= PG_slab;
	return r.pfn;
}

static void kmem_freepages(struct mm_machine *m, struct kmem_cache *c, unsigned long pfn)
{
	struct zone *z = page_zone(m, pfn);
	int cpu = m->this_cpu;

	z->vm_stat[(c->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE : NR_SLAB_UNRECLAIMABLE] -=
		1L << c->gfporder;
	for (unsigned long i = 0; i < (1UL << c->gfporder); i++) {
		m->mem_map[pfn + i].flags &= ~PG_slab;
		m->mem_map[pfn + i].private = 0;
	}
	mm_free_pages(m, cpu, pfn, (int)c->gfporder);
	m->this_cpu = cpu;
}

/* ---- objects in a slab ------------------------------------------------------------ */

static unsigned long slab_get_obj(struct kmem_cache *c, struct slab *sl, enum obj_state st)
{
	unsigned idx = sl->free;
	unsigned long obj = sl->s_mem + (unsigned long)c->size * idx;

	sl->inuse++;
	sl->free = sl->bufctl[idx];
	sl->state[idx] = (uint8_t)st;
	return obj;
}

static unsigned obj_to_index(struct kmem_cache *c, struct slab *sl, unsigned long obj)
{
	return (unsigned)((obj - sl->s_mem) / c->size);
}

static void slab_put_obj(struct kmem_cache *c, struct slab *sl, unsigned long obj)
{
	unsigned idx = obj_to_index(c, sl, obj);

	sl->bufctl[idx] = sl->free;
	sl->free = idx;
	sl->inuse--;
	sl->state[idx] = OBJ_FREE;
}

static struct slab *virt_to_slab(struct mm_machine *m, unsigned long obj)
{
	unsigned long pfn;

	if (virt_to_pfn(m, obj, &pfn))
		return NULL;
	return mm_slab_by_id(m, m->mem_map[pfn].private);
}

static void slab_set_state(struct mm_machine *m, unsigned long obj, enum obj_state st)
{
	struct slab *sl = virt_to_slab(m, obj);

	sl->state[obj_to_index(sl->cache, sl, obj)] = (uint8_t)st;
}

/* ---- allocation ----------------------------------------------------------------------- */

static unsigned long kmem_cache_alloc_internal(struct mm_machine *m, struct kmem_cache *c,
					       gfp_t gfp, unsigned long caller);
static void __cache_free(struct mm_machine *m, struct kmem_cache *c, unsigned long obj);
static unsigned long __kmalloc(struct mm_machine *m, size_t size, gfp_t gfp,
			       unsigned long caller);
static void __kfree(struct mm_machine *m, unsigned long obj, unsigned long caller);

static struct array_cache *cpu_cache_get(struct kmem_cache *c, int cpu)
{
	return c->array[cpu];
}

/*
 * cache_grow: a new slab, its colour offset the node's colour_next times
 * colour_off; the descriptor at the front of the slab or, off-slab, an
 * object of slabp_cache.  The slab joins the tail of slabs_free.
 */
static int cache_grow(struct mm_machine *m, struct kmem_cache *c, gfp_t flags)
{
	struct kmem_cache_node *n = c->node;
	gfp_t local_flags = flags & (GFP_CONSTRAINT_MASK | GFP_RECLAIM_MASK);
	unsigned long offset, pfn, base, desc = 0;
	struct slab *sl;

	c->changed = 1;
	int irqs = 0;

	spin_lock_list(m, c);
	offset = n->colour_next;
	n->colour_next++;
	if (n->colour_next >= c->colour)
		n->colour_next = 0;
	spin_unlock_list(m, c);
	offset *= c->colour_off;
	if (STAGES(m))
		stage_enter(m, FN_cache_grow, "%s: colour offset %lu, %u page(s) from the buddy allocator",
			    c->name, offset, 1u << c->gfporder);
	if (local_flags & __GFP_WAIT) /* a sleeping allocation turns interrupts back on */
		irqs = local_irq_enable(m);
	pfn = kmem_getpages(m, c, local_flags);
	if (pfn == MM_NOPFN)
		goto failed;
	/* alloc_slabmgmt: the off-slab descriptor first, so that no stage
	 * point inside its allocation sees a slab that is on no list */
	if (c->flags & CFLGS_OFF_SLAB) {
		desc = kmem_cache_alloc_internal(m, c->slabp_cache, local_flags, CALLER_KMEM);
		if (!desc)
			goto opps;
	}
	sl = slab_new(m, c->num);
	if (!sl) {
		if (desc) {
			local_irq_save(m);
			__cache_free(m, c->slabp_cache, desc);
			local_irq_restore(m);
		}
		goto opps;
	}
	base = pfn_to_virt(m, pfn);
	sl->desc = desc;
	sl->colouroff = desc ? offset : offset + c->slab_size;
	sl->s_mem = base + sl->colouroff;
	sl->pfn = pfn;
	sl->cache = c;
	sl->inuse = 0;
	sl->free = 0;
	for (unsigned long i = 0; i < (1UL << c->gfporder); i++)
		m->mem_map[pfn + i].private = sl->id; /* slab_map_pages */
	for (unsigned i = 0; i < c->num; i++) {   /* cache_init_objs */
		sl->bufctl[i] = i + 1;
		sl->state[i] = OBJ_FREE;
	}
	sl->bufctl[c->num - 1] = BUFCTL_END;
	if (c->ctor)
		c->nr_ctor_calls += c->num;
	local_irq_disable(m, irqs);
	spin_lock_list(m, c);
	slab_list_add_tail(m, n, sl, SLABS_FREE);
	n->free_objects += c->num;
	spin_unlock_list(m, c);
	c->nr_grown++;
	if (STAGES(m))
		stage_exit(m, FN_cache_grow, "slab at pfn 0x%lx, s_mem 0x%lx, %u objects%s -> tail of slabs_free",
			   pfn, sl->s_mem, c->num, c->ctor ? ", ctor run on each" : "");
	return 1;
opps:
	kmem_freepages(m, c, pfn);
failed:
	local_irq_disable(m, irqs);
	if (STAGES(m))
		stage_exit(m, FN_cache_grow, "no pages: %s", m->err);
	return 0;
}

/* transfer_objects: the top nr entries of from go on top of to */
static int transfer_objects(struct array_cache *to, struct array_cache *from, unsigned max)
{
	unsigned nr = from->avail;

	if (nr > max)
		nr = max;
	if (nr > to->limit - to->avail)
		nr = to->limit - to->avail;
	if (!nr)
		return 0;
	memcpy(to->entry + to->avail, from->entry + from->avail - nr, nr * sizeof(unsigned long));
	from->avail -= nr;
	to->avail += nr;
	return (int)nr;
}

/* take up to batchcount objects from partial, then free slabs */
static void refill_from_slabs(struct mm_machine *m, struct kmem_cache *c,
			      struct array_cache *ac, int batchcount)
{
	struct kmem_cache_node *n = c->node;

	while (batchcount > 0) {
		uint32_t id = n->slabs[SLABS_PARTIAL].head;
		struct slab *sl;

		if (!id) {
			n->free_touched = 1;
			id = n->slabs[SLABS_FREE].head;
			if (!id)
				break;
		}
		sl = S(m)->slabs[id];
		while (sl->inuse < c->num && batchcount-- > 0) {
			ac->entry[ac->avail++] = slab_get_obj(c, sl, OBJ_CACHED);
			n->free_objects--; /* the kernel subtracts avail at the end: same sum */
		}
		slab_list_del(m, n, sl);
		slab_list_add(m, n, sl, sl->free == BUFCTL_END ? SLABS_FULL : SLABS_PARTIAL);
		if (STAGES(m))
			stage_note(m, FN_cache_alloc_refill, "slab 0x%lx now %u/%u in use -> head of %s",
				   sl->s_mem, sl->inuse, c->num,
				   sl->free == BUFCTL_END ? "slabs_full" : "slabs_partial");
	}
}

static unsigned long cache_alloc_refill(struct mm_machine *m, struct kmem_cache *c, gfp_t flags)
{
	int cpu = m->this_cpu;
	struct array_cache *ac;
	int batchcount;

	c->changed = 1;
	if (STAGES(m))
		stage_enter(m, FN_cache_alloc_refill, "%s: cpu%d array empty", c->name, cpu);
retry:
	ac = cpu_cache_get(c, cpu);
	if (ac->avail) /* filled while interrupts were on in cache_grow */
		goto done;
	batchcount = (int)ac->batchcount;
	if (!ac->touched && batchcount > BATCHREFILL_LIMIT)
		batchcount = BATCHREFILL_LIMIT; /* not used lately: take few */
	spin_lock_list(m, c);
	if (c->node->shared && transfer_objects(ac, c->node->shared, (unsigned)batchcount)) {
		c->node->shared->touched = 1;
		if (STAGES(m))
			stage_note(m, FN_cache_alloc_refill, "%u objects from the shared array", ac->avail);
	} else {
		refill_from_slabs(m, c, ac, batchcount);
	}
	spin_unlock_list(m, c);
	if (ac->avail == 0) {
		int x = cache_grow(m, c, flags);

		ac = cpu_cache_get(c, cpu);
		if (!x && ac->avail == 0) {
			if (STAGES(m))
				stage_exit(m, FN_cache_alloc_refill, "fail");
			return 0;
		}
		if (ac->avail == 0)
			goto retry;
	}
done:
	ac->touched = 1;
	if (STAGES(m))
		stage_exit(m, FN_cache_alloc_refill, "%u objects in the array, hand out the top one", ac->avail);
	return ac->entry[--ac->avail];
}

static unsigned long ____cache_alloc(struct mm_machine *m, struct kmem_cache *c, gfp_t flags)
{
	struct array_cache *ac = cpu_cache_get(c, m->this_cpu);
	unsigned long obj;

	c->changed = 1;
	if (likely(ac->avail)) {
		ac->touched = 1;
		obj = ac->entry[--ac->avail];
		slab_set_state(m, obj, OBJ_ALLOCATED);
		if (STAGES(m))
			stage_note(m, FN_____cache_alloc, "%s: cpu%d array hit, %u left", c->name,
				   m->this_cpu, ac->avail);
		return obj;
	}
	obj = cache_alloc_refill(m, c, flags);
	if (obj)
		slab_set_state(m, obj, OBJ_ALLOCATED);
	return obj;
}

/* slab_alloc without the tracepoint */
static unsigned long kmem_cache_alloc_internal(struct mm_machine *m, struct kmem_cache *c,
					       gfp_t gfp, unsigned long caller)
{
	unsigned long obj;

	gfp &= S(m)->gfp_allowed_mask;
	/* slab_alloc's local_irq_save: the array is this cpu's only with
	 * interrupts off, also when cache_grow turned them on for a sleeping
	 * allocation and asks for an off-slab descriptor (found by make soak:
	 * a drain emptied the array under a paused refill) */
	local_irq_save(m);
	obj = ____cache_alloc(m, c, gfp);
	local_irq_restore(m);
	trace_alloc(m, MM_EV_KMEM_CACHE_ALLOC, caller, obj, (size_t)c->object_size, c->size, gfp);
	return obj;
}

static int check_cpu(struct mm_machine *m, int cpu)
{
	if (!m->slab)
		return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	m->this_cpu = cpu;
	return MM_OK;
}

static int check_alloc_gfp(struct mm_machine *m, struct kmem_cache *c, gfp_t gfp)
{
	if (gfp & ~__GFP_BITS_MASK)
		return mm_error(m, MM_EINVAL, "gfp 0x%x has bits above __GFP_BITS_MASK", gfp);
	if (gfp & (__GFP_DMA32 | __GFP_HIGHMEM))
		return mm_error(m, MM_EINVAL, "gfp 0x%x: slab pages cannot come from DMA32 or HighMem (GFP_SLAB_BUG_MASK)", gfp);
	if (c && !!(gfp & __GFP_DMA) != !!(c->allocflags & GFP_DMA))
		return mm_error(m, MM_EINVAL, "gfp 0x%x: GFP_DMA %s for cache '%s' (kmem_flagcheck)", gfp,
				(gfp & __GFP_DMA) ? "requested" : "missing", c->name);
	return MM_OK;
}

/* the page allocator's reason, kept: m->err is about to be rewritten */
static int oom_error(struct mm_machine *m, const char *what)
{
	char why[sizeof(m->err)];

	snprintf(why, sizeof(why), "%s", m->err);
	return mm_error(m, MM_ENOMEM, "%s: out of memory (%s)", what, why);
}

int kmem_cache_alloc(struct mm_machine *m, int cpu, struct kmem_cache *c, gfp_t gfp,
			unsigned long *addr)
{
	int rc = check_cpu(m, cpu);

	if (rc || (rc = check_alloc_gfp(m, c, gfp)) || (rc = mm_busy(m)))
		return rc;
	c->users++;
	if (STAGES(m))
		stage_enter(m, FN_kmem_cache_alloc, "%s, gfp 0x%x, cpu%d", c->name, gfp, cpu);
	local_irq_save(m);
	*addr = ____cache_alloc(m, c, gfp & S(m)->gfp_allowed_mask);
	local_irq_restore(m);
	if (*addr && (gfp & __GFP_ZERO) && STAGES(m))
		stage_note(m, FN_kmem_cache_alloc, "__GFP_ZERO: memset(0x%lx, 0, %d)", *addr, c->object_size);
	trace_alloc(m, MM_EV_KMEM_CACHE_ALLOC, CALLER_USER, *addr, (size_t)c->object_size, c->size, gfp);
	if (*addr && c->shrinker)
		shrinker_note_alloc(m, c, *addr);
	if (STAGES(m))
		stage_exit(m, FN_kmem_cache_alloc, *addr ? "object 0x%lx" : "NULL", *addr);
	c->users--;
	if (!*addr)
		return oom_error(m, c->name);
	return MM_OK;
}

static unsigned long __kmalloc(struct mm_machine *m, size_t size, gfp_t gfp, unsigned long caller)
{
	struct kmem_cache *c = kmalloc_slab(m, size, gfp);
	unsigned long obj;

	if (!c)
		return 0;
	c->users++;
	local_irq_save(m);
	obj = ____cache_alloc(m, c, gfp & S(m)->gfp_allowed_mask);
	local_irq_restore(m);
	c->users--;
	trace_alloc(m, MM_EV_KMALLOC, caller, obj, size, c->size, gfp);
	return obj;
}

int kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp, unsigned long *addr)
{
	int rc = check_cpu(m, cpu);

	*addr = 0;
	if (rc || (rc = check_alloc_gfp(m, NULL, gfp)))
		return rc;
	if (size == 0) {
		*addr = ZERO_SIZE_PTR; /* not traced */
		return MM_OK;
	}
	if (size > KMALLOC_MAX_SIZE)
		return mm_error(m, MM_EINVAL, "size %zu > KMALLOC_MAX_SIZE (%lu): WARN_ON_ONCE, NULL", size,
				KMALLOC_MAX_SIZE);
	if ((rc = mm_busy(m)))
		return rc;
	if (STAGES(m))
		stage_enter(m, FN_kmem_cache_alloc, "kmalloc(%zu) -> %s", size, kmalloc_slab(m, size, gfp)->name);
	*addr = __kmalloc(m, size, gfp, CALLER_USER);
	if (STAGES(m))
		stage_exit(m, FN_kmem_cache_alloc, *addr ? "object 0x%lx" : "NULL", *addr);
	if (!*addr) {
		char what[32];

		snprintf(what, sizeof(what), "kmalloc(%zu)", size);
		return oom_error(m, what);
	}
	return MM_OK;
}

/* ---- free -------------------------------------------------------------------------------- */

static void slab_destroy(struct mm_machine *m, struct kmem_cache *c, struct slab *sl)
{
	unsigned long pfn = sl->pfn, desc = sl->desc;

	c->changed = 1;
	slab_release(m, sl);
	kmem_freepages(m, c, pfn);
	if (desc)
		__cache_free(m, c->slabp_cache, desc);
	if (STAGES(m))
		stage_note(m, FN_slab_destroy, "%s: slab at pfn 0x%lx back to the buddy allocator", c->name, pfn);
}

/*
 * free_block: objects back into their slabs.  A slab that becomes empty is
 * destroyed if the node already holds more than free_limit free objects,
 * else it goes to the head of slabs_free; one still in use goes to the
 * tail of slabs_partial.
 */
static void free_block(struct mm_machine *m, struct kmem_cache *c, unsigned long *objs, unsigned nr)
{
	struct kmem_cache_node *n = c->node;

	c->changed = 1;
	if (STAGES(m))
		stage_enter(m, FN_free_block, "%s: %u objects back to their slabs", c->name, nr);
	for (unsigned i = 0; i < nr; i++) {
		struct slab *sl = virt_to_slab(m, objs[i]);

		slab_list_del(m, n, sl);
		slab_put_obj(c, sl, objs[i]);
		if (c->inflight)
			c->inflight--;
		n->free_objects++;
		if (sl->inuse == 0) {
			if (n->free_objects > n->free_limit) {
				n->free_objects -= c->num;
				slab_destroy(m, c, sl);
			} else {
				slab_list_add(m, n, sl, SLABS_FREE);
			}
		} else {
			slab_list_add_tail(m, n, sl, SLABS_PARTIAL);
		}
	}
	if (STAGES(m))
		stage_exit(m, FN_free_block, "free_objects %lu (free_limit %u)", n->free_objects, n->free_limit);
}

/* remove the first nr entries of an array, sliding the rest down */
static void ac_shift(struct array_cache *ac, unsigned nr)
{
	ac->avail -= nr;
	memmove(ac->entry, ac->entry + nr, ac->avail * sizeof(unsigned long));
}

/*
 * free_block on the oldest nr entries of an array, which then slides down.
 * The kernel frees then slides; taking them out first keeps every stage
 * point inside free_block consistent (no object both freed and listed).
 */
static void free_block_array(struct mm_machine *m, struct kmem_cache *c, struct array_cache *ac,
			     unsigned nr)
{
	unsigned long stack[128], *objs = nr <= 128 ? stack : malloc(nr * sizeof(*objs));

	c->changed = 1;
	if (!objs)
		return;
	memcpy(objs, ac->entry, nr * sizeof(*objs));
	ac_shift(ac, nr);
	c->inflight += nr;
	free_block(m, c, objs, nr);
	if (objs != stack)
		free(objs);
}

static void cache_flusharray(struct mm_machine *m, struct kmem_cache *c, struct array_cache *ac)
{
	unsigned batchcount = ac->batchcount;
	struct array_cache *shared = c->node->shared;

	c->changed = 1;
	if (STAGES(m))
		stage_enter(m, FN_cache_flusharray, "%s: cpu%d array full (%u)", c->name, m->this_cpu, ac->avail);
	spin_lock_list(m, c);
	if (shared && shared->limit > shared->avail) {
		unsigned max = shared->limit - shared->avail;

		if (batchcount > max)
			batchcount = max;
		memcpy(shared->entry + shared->avail, ac->entry, batchcount * sizeof(unsigned long));
		shared->avail += batchcount;
		ac_shift(ac, batchcount);
		if (STAGES(m))
			stage_note(m, FN_cache_flusharray, "oldest %u objects to the shared array (%u/%u)",
				   batchcount, shared->avail, shared->limit);
	} else {
		free_block_array(m, c, ac, batchcount);
	}
	spin_unlock_list(m, c);
	if (STAGES(m))
		stage_exit(m, FN_cache_flusharray, "array %u/%u", ac->avail, ac->limit);
}

static void __cache_free(struct mm_machine *m, struct kmem_cache *c, unsigned long obj)
{
	struct array_cache *ac = cpu_cache_get(c, m->this_cpu);

	c->changed = 1;
	if (ac->avail >= ac->limit)
		cache_flusharray(m, c, ac);
	ac->entry[ac->avail++] = obj;
	slab_set_state(m, obj, OBJ_CACHED);
	if (STAGES(m))
		stage_note(m, FN___cache_free, "%s: 0x%lx onto cpu%d array (%u/%u)", c->name, obj,
			   m->this_cpu, ac->avail, ac->limit);
}

/*
 * The allocator's own structures live in its caches too: cache
 * descriptors, names, array caches, node structs, off-slab slab
 * descriptors.  The kernel would let a caller free one and crash later;
 * the model refuses, naming what it is.  0 if addr is none of them.
 */
static int internal_object(struct mm_machine *m, struct kmem_cache *oc, unsigned long addr,
			   char *what, size_t len)
{
	/* they all come from kmem_cache or a kmalloc cache: a cache of
	 * kmem_cache_create holds none (its object_size is never that of the
	 * kmalloc cache of that size, which is itself) */
	if (oc != S(m)->kmem_cache && kmalloc_slab(m, (size_t)oc->object_size, 0) != oc &&
	    kmalloc_slab(m, (size_t)oc->object_size, GFP_DMA) != oc)
		return 0;
	if (oc == S(m)->kmem_cache) {
		for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next)
			if (c->addr == addr) {
				snprintf(what, len, "the kmem_cache of %s", c->name);
				return 1;
			}
	}
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next) {
		if (c->name_addr == addr)
			return snprintf(what, len, "the name of %s", c->name), 1;
		if (c->node && c->node->addr == addr)
			return snprintf(what, len, "the kmem_cache_node of %s", c->name), 1;
		if (c->node && c->node->shared && c->node->shared->addr == addr)
			return snprintf(what, len, "the shared array_cache of %s", c->name), 1;
		for (int cpu = 0; c->array && cpu < m->nr_cpus; cpu++)
			if (c->array[cpu] && c->array[cpu]->addr == addr)
				return snprintf(what, len, "the cpu%d array_cache of %s", cpu, c->name), 1;
		if ((c->flags & CFLGS_OFF_SLAB) && c->slabp_cache == oc)
			for (int l = SLABS_PARTIAL; l <= SLABS_FREE; l++)
				for (uint32_t id = c->node->slabs[l].head; id; id = S(m)->slabs[id]->next)
					if (S(m)->slabs[id]->desc == addr)
						return snprintf(what, len, "an off-slab struct slab of %s", c->name), 1;
	}
	return 0;
}

/*
 * Catch what DEBUG_SLAB and cache_from_obj would: an address that is no
 * object, a double free, the wrong cache - and, beyond the kernel, the
 * allocator's own structures.
 */
static int check_free(struct mm_machine *m, unsigned long addr, struct kmem_cache *want,
		      struct kmem_cache **out)
{
	struct mm_obj_info oi;
	char what[128];

	if (mm_obj_info(m, addr, &oi) || !oi.cache)
		return mm_error(m, MM_EINVAL, "0x%lx: not a slab object", addr);
	if (oi.obj != addr)
		return mm_error(m, MM_EINVAL, "0x%lx: not the start of an object (object %u of %s starts at 0x%lx)",
				addr, oi.index, oi.cache->name, oi.obj);
	if (want && want != oi.cache)
		return mm_error(m, MM_EINVAL, "cache_from_obj: Wrong slab cache. %s but object is from %s",
				want->name, oi.cache->name);
	if (oi.state == OBJ_FREE)
		return mm_error(m, MM_EBADPAGE, "slab error in cache_free_debugcheck(): cache `%s': double free of 0x%lx (already free in its slab)",
				oi.cache->name, addr);
	if (oi.state == OBJ_CACHED)
		return mm_error(m, MM_EBADPAGE, "slab error in cache_free_debugcheck(): cache `%s': double free of 0x%lx (already in %s array cache)",
				oi.cache->name, addr, oi.where_cpu < 0 ? "the shared" : "a cpu");
	if (internal_object(m, oi.cache, addr, what, sizeof(what)))
		return mm_error(m, MM_EINVAL, "0x%lx is %s: the slab allocator's own, not freed (the kernel would corrupt itself)",
				addr, what);
	*out = oi.cache;
	return MM_OK;
}

int kmem_cache_free(struct mm_machine *m, int cpu, struct kmem_cache *c, unsigned long addr)
{
	struct kmem_cache *oc;
	int rc = check_cpu(m, cpu);

	if (rc || (rc = check_free(m, addr, c, &oc)) || (rc = mm_busy(m)))
		return rc;
	c->users++;
	if (STAGES(m))
		stage_enter(m, FN_kmem_cache_free, "%s: 0x%lx on cpu%d", c->name, addr, cpu);
	local_irq_save(m);
	__cache_free(m, c, addr);
	local_irq_restore(m);
	if (c->shrinker)
		shrinker_note_free(m, c, addr);
	if (STAGES(m))
		stage_exit(m, FN_kmem_cache_free, "done");
	c->users--;
	trace_free(m, MM_EV_KMEM_CACHE_FREE, CALLER_USER, addr);
	return MM_OK;
}

static void __kfree(struct mm_machine *m, unsigned long obj, unsigned long caller)
{
	trace_free(m, MM_EV_KFREE, caller, obj);
	if (obj <= ZERO_SIZE_PTR)
		return;
	__cache_free(m, virt_to_slab(m, obj)->cache, obj);
}

int kfree(struct mm_machine *m, int cpu, unsigned long addr)
{
	struct kmem_cache *c;
	int rc = check_cpu(m, cpu);

	if (rc)
		return rc;
	if (addr <= ZERO_SIZE_PTR) { /* kfree(NULL) and kfree(ZERO_SIZE_PTR) are fine */
		trace_free(m, MM_EV_KFREE, CALLER_USER, addr);
		return MM_OK;
	}
	rc = check_free(m, addr, NULL, &c);
	if (rc || (rc = mm_busy(m)))
		return rc;
	c->users++;
	if (STAGES(m))
		stage_enter(m, FN_kmem_cache_free, "kfree(0x%lx): virt_to_cache -> %s", addr, c->name);
	local_irq_save(m);
	__kfree(m, addr, CALLER_USER);
	local_irq_restore(m);
	if (c->shrinker)
		shrinker_note_free(m, c, addr);
	if (STAGES(m))
		stage_exit(m, FN_kmem_cache_free, "done");
	c->users--;
	return MM_OK;
}

int ksize(struct mm_machine *m, unsigned long addr, size_t *size)
{
	struct mm_obj_info oi;

	if (!m->slab)
		return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
	if (addr == ZERO_SIZE_PTR) {
		*size = 0;
		return MM_OK;
	}
	/* like the kernel, any address inside an object's page answers */
	if (mm_obj_info(m, addr, &oi) || !oi.cache)
		return mm_error(m, MM_EINVAL, "0x%lx: not a slab object", addr);
	*size = (size_t)oi.cache->object_size;
	return MM_OK;
}

int mm_obj_info(struct mm_machine *m, unsigned long addr, struct mm_obj_info *oi)
{
	struct slab *sl;
	unsigned long pfn;

	memset(oi, 0, sizeof(*oi));
	if (!m->slab || virt_to_pfn(m, addr, &pfn) || !pfn_valid(m, pfn) ||
	    !(m->mem_map[pfn].flags & PG_slab))
		return MM_ENOENT;
	sl = mm_slab_by_id(m, m->mem_map[pfn].private);
	if (!sl || addr < sl->s_mem || addr >= sl->s_mem + (unsigned long)sl->cache->num * sl->cache->size)
		return MM_ENOENT;
	oi->cache = sl->cache;
	oi->slab = sl;
	oi->index = obj_to_index(sl->cache, sl, addr);
	oi->obj = sl->s_mem + (unsigned long)oi->index * sl->cache->size;
	oi->state = sl->state[oi->index];
	oi->where_cpu = -1;
	if (oi->state == OBJ_CACHED)
		for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
			struct array_cache *ac = sl->cache->array[cpu];

			for (unsigned i = 0; ac && i < ac->avail; i++)
				if (ac->entry[i] == oi->obj)
					oi->where_cpu = cpu;
		}
	return MM_OK;
}

/* ---- cache creation: geometry ----------------------------------------------------------- */

static unsigned long slab_mgmt_size(struct slab_state_s *s, unsigned long nr, unsigned long align)
{
	return align_up(s->sizeof_slab + nr * sizeof(kmem_bufctl_t), align);
}

static void cache_estimate(struct slab_state_s *s, unsigned long gfporder, size_t size,
			   size_t align, unsigned long flags, size_t *left_over, unsigned *num)
{
	unsigned long bytes = PAGE_SIZE << gfporder;
	unsigned long nr, mgmt;

	if (flags & CFLGS_OFF_SLAB) {
		mgmt = 0;
		nr = bytes / size;
	} else {
		/* first guess ignores alignment; it may be one too many */
		nr = (bytes - s->sizeof_slab) / (size + sizeof(kmem_bufctl_t));
		if (slab_mgmt_size(s, nr, align) + nr * size > bytes)
			nr--;
		mgmt = slab_mgmt_size(s, nr, align);
	}
	*num = (unsigned)nr;
	*left_over = bytes - nr * size - mgmt;
}

static size_t calculate_slab_order(struct slab_state_s *s, struct kmem_cache *c, size_t size,
				   size_t align, unsigned long flags)
{
	size_t left_over = 0;

	for (unsigned long order = 0; order <= KMALLOC_MAX_ORDER; order++) {
		unsigned num;
		size_t remainder;

		cache_estimate(s, order, size, align, flags, &remainder, &num);
		if (!num)
			continue;
		if (flags & CFLGS_OFF_SLAB) {
			/* the descriptor must fit in a smaller kmalloc cache than ours */
			unsigned long offslab_limit = (size - s->sizeof_slab) / sizeof(kmem_bufctl_t);

			if (num > offslab_limit)
				break;
		}
		c->num = num;
		c->gfporder = (unsigned)order;
		left_over = remainder;
		if (flags & SLAB_RECLAIM_ACCOUNT)
			break;
		if (order >= (unsigned long)s->slab_max_order)
			break;
		if (left_over * 8 <= (PAGE_SIZE << order))
			break;
	}
	return left_over;
}

static size_t calculate_alignment(unsigned long flags, size_t align, size_t size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		size_t ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		if (align < ralign)
			align = ralign;
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return align_up(align, sizeof(void *));
}

/* ---- array caches and node structs --------------------------------------------------- */

static struct array_cache *alloc_arraycache(struct mm_machine *m, unsigned entries,
					    unsigned batchcount, gfp_t gfp)
{
	struct array_cache *ac = calloc(1, sizeof(*ac));
	size_t bytes = S(m)->bytes_per_word * entries + S(m)->sizeof_ac;

	if (!ac)
		return NULL;
	ac->entry = calloc(entries ? entries : 1, sizeof(unsigned long));
	ac->addr = __kmalloc(m, bytes, gfp, CALLER_KMEM);
	if (!ac->entry || !ac->addr) {
		if (ac->addr)
			__kfree(m, ac->addr, CALLER_KMEM);
		free(ac->entry);
		free(ac);
		return NULL;
	}
	ac->limit = entries;
	ac->batchcount = batchcount;
	return ac;
}

static void free_arraycache(struct mm_machine *m, struct array_cache *ac)
{
	if (!ac || ac == &S(m)->initarray_generic)
		return;
	if (ac->addr)
		__kfree(m, ac->addr, CALLER_KMEM);
	free(ac->entry);
	free(ac);
}

static void kmem_cache_node_init(struct kmem_cache_node *n)
{
	memset(n, 0, sizeof(*n));
}

static unsigned long next_reap_of(struct mm_machine *m, struct kmem_cache *c)
{
	/* the kernel spreads nodes by the descriptor's address */
	return (unsigned long)m->clock + REAPTIMEOUT_LIST3 + c->addr % REAPTIMEOUT_LIST3;
}

static struct kmem_cache_node *alloc_node(struct mm_machine *m, struct kmem_cache *c, gfp_t gfp)
{
	struct kmem_cache_node *n = malloc(sizeof(*n));

	if (!n)
		return NULL;
	kmem_cache_node_init(n);
	n->addr = __kmalloc(m, S(m)->sizeof_node, gfp, CALLER_KMEM);
	if (!n->addr) {
		free(n);
		return NULL;
	}
	n->next_reap = next_reap_of(m, c);
	return n;
}

static int online_cpus(struct mm_machine *m)
{
	int n = 0;

	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		n += m->slab->reap_at[cpu] != ~0UL;
	return n;
}

static unsigned node_free_limit(struct mm_machine *m, struct kmem_cache *c)
{
	return (unsigned)(1 + online_cpus(m)) * c->batchcount + c->num;
}

/* alloc_kmemlist: the node struct and its shared array for the current tunables */
static int alloc_kmemlist(struct mm_machine *m, struct kmem_cache *c, gfp_t gfp)
{
	struct array_cache *new_shared = NULL;
	struct kmem_cache_node *n = c->node;

	if (c->shared) {
		new_shared = alloc_arraycache(m, c->shared * c->batchcount, SHARED_BATCH_POISON, gfp);
		if (!new_shared)
			return MM_ENOMEM;
	}
	if (n) {
		struct array_cache *old = n->shared;

		n->shared = new_shared;
		n->free_limit = node_free_limit(m, c);
		if (old)
			free_block_array(m, c, old, old->avail);
		free_arraycache(m, old);
		return MM_OK;
	}
	n = alloc_node(m, c, gfp);
	if (!n) {
		free_arraycache(m, new_shared);
		return MM_ENOMEM;
	}
	n->shared = new_shared;
	n->free_limit = node_free_limit(m, c);
	c->node = n;
	return MM_OK;
}

/* __do_tune_cpucache: new arrays on every online cpu, the old ones emptied */
static int do_tune_cpucache(struct mm_machine *m, struct kmem_cache *c, unsigned limit,
			    unsigned batchcount, unsigned shared, gfp_t gfp)
{
	unsigned long ccupdate = __kmalloc(m, S(m)->bytes_per_word * (1 + (unsigned)m->nr_cpus), gfp,
					   CALLER_KMEM);
	struct array_cache *fresh[MM_MAX_CPUS] = { 0 };

	if (!ccupdate)
		return MM_ENOMEM;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		if (S(m)->reap_at[cpu] == ~0UL)
			continue; /* not online yet */
		fresh[cpu] = alloc_arraycache(m, limit, batchcount, gfp);
		if (!fresh[cpu]) {
			while (cpu--)
				free_arraycache(m, fresh[cpu]);
			__kfree(m, ccupdate, CALLER_KMEM);
			return MM_ENOMEM;
		}
	}
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct array_cache *old = c->array[cpu];

		if (!fresh[cpu])
			continue;
		c->array[cpu] = fresh[cpu];
		fresh[cpu] = old;
	}
	c->batchcount = batchcount;
	c->limit = limit;
	c->shared = shared;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (fresh[cpu])
			c->inflight += fresh[cpu]->avail; /* the old arrays, no longer installed */
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct array_cache *old = fresh[cpu];

		if (!old)
			continue;
		if (old->avail)
			free_block(m, c, old->entry, old->avail);
		free_arraycache(m, old);
	}
	__kfree(m, ccupdate, CALLER_KMEM);
	return alloc_kmemlist(m, c, gfp);
}

/* enable_cpucache: limit by object size, batch half of it, shared 8 */
static int enable_cpucache(struct mm_machine *m, struct kmem_cache *c, gfp_t gfp)
{
	unsigned limit, shared = 0;

	if (c->size > 131072)
		limit = 1;
	else if (c->size > PAGE_SIZE)
		limit = 8;
	else if (c->size > 1024)
		limit = 24;
	else if (c->size > 256)
		limit = 54;
	else
		limit = 120;
	if (c->size <= PAGE_SIZE && m->nr_cpus > 1)
		shared = 8;
	return do_tune_cpucache(m, c, limit, (limit + 1) / 2, shared, gfp);
}

static void set_boot_array(struct kmem_cache *c, struct array_cache *ac, int cpu)
{
	c->array[cpu] = ac;
	ac->avail = 0;
	ac->limit = BOOT_CPUCACHE_ENTRIES;
	ac->batchcount = 1;
	ac->touched = 0;
}

/* setup_cpu_cache: by boot state, from static arrays to kmalloc'ed ones */
static int setup_cpu_cache(struct mm_machine *m, struct kmem_cache *c, gfp_t gfp)
{
	struct slab_state_s *s = S(m);
	struct array_cache *ac;

	if (s->state >= FULL)
		return enable_cpucache(m, c, gfp);
	if (s->state == DOWN || s->state == PARTIAL) {
		ac = &s->initarray_generic;
		c->node = &s->init_nodes[s->state == DOWN ? 0 : 1];
		s->state = s->state == DOWN ? PARTIAL :
			   kmalloc_index(s->sizeof_ac) == kmalloc_index(s->sizeof_node) ? PARTIAL_NODE :
			   PARTIAL_ARRAYCACHE;
	} else {
		ac = calloc(1, sizeof(*ac));
		if (ac && !(ac->entry = calloc(BOOT_CPUCACHE_ENTRIES, sizeof(unsigned long)))) {
			free(ac);
			ac = NULL;
		}
		if (!ac)
			return MM_ENOMEM;
		ac->addr = __kmalloc(m, s->sizeof_ac + s->bytes_per_word, gfp, CALLER_KMEM);
		if (s->state == PARTIAL_ARRAYCACHE) {
			c->node = &s->init_nodes[2];
			s->state = PARTIAL_NODE;
		} else {
			c->node = alloc_node(m, c, gfp);
		}
		if (!ac->addr || !c->node) { /* boot fails: nothing of it may leak */
			free(ac->entry);
			free(ac);
			return MM_ENOMEM;
		}
	}
	c->node->next_reap = next_reap_of(m, c);
	set_boot_array(c, ac, 0);
	c->batchcount = 1;
	c->limit = BOOT_CPUCACHE_ENTRIES;
	return MM_OK;
}

/* __kmem_cache_create: size, alignment, slab order, on/off slab, colour */
static int __kmem_cache_create(struct mm_machine *m, struct kmem_cache *c, unsigned long flags)
{
	struct slab_state_s *s = S(m);
	size_t size = align_up((size_t)c->object_size, s->bytes_per_word);
	size_t left_over, ralign = (size_t)c->align;
	gfp_t gfp = s->state >= UP ? GFP_KERNEL : GFP_NOWAIT;

	c->align = (int)ralign;
	if (size >= (PAGE_SIZE >> 3) && !s->slab_early_init && !(flags & SLAB_NOLEAKTRACE))
		flags |= CFLGS_OFF_SLAB; /* big objects: keep the descriptor elsewhere */
	size = align_up(size, (size_t)c->align);
	left_over = calculate_slab_order(s, c, size, (size_t)c->align, flags);
	if (!c->num)
		return mm_error(m, MM_EINVAL, "kmem_cache_create(%s) failed with error -7 (E2BIG)", c->name);
	c->slab_size = (unsigned)align_up(c->num * sizeof(kmem_bufctl_t) + s->sizeof_slab, (size_t)c->align);
	if ((flags & CFLGS_OFF_SLAB) && left_over >= c->slab_size) {
		/* room after all: move it back on slab at the expense of colouring */
		flags &= ~CFLGS_OFF_SLAB;
		left_over -= c->slab_size;
	}
	if (flags & CFLGS_OFF_SLAB)
		c->slab_size = (unsigned)(c->num * sizeof(kmem_bufctl_t) + s->sizeof_slab);
	c->colour_off = CACHE_LINE_SIZE;
	if (c->colour_off < (unsigned)c->align)
		c->colour_off = (unsigned)c->align;
	c->colour = (unsigned)(left_over / c->colour_off);
	c->flags = flags;
	c->allocflags = (flags & SLAB_CACHE_DMA) ? GFP_DMA : 0;
	c->size = (unsigned)size;
	if (flags & CFLGS_OFF_SLAB)
		c->slabp_cache = kmalloc_slab(m, c->slab_size, 0);
	return setup_cpu_cache(m, c, gfp);
}

static void slab_caches_add(struct mm_machine *m, struct kmem_cache *c)
{
	c->changed = 1;
	c->prev = NULL;
	c->next = S(m)->slab_caches;
	if (c->next)
		c->next->prev = c;
	S(m)->slab_caches = c;
}

static void slab_caches_del(struct mm_machine *m, struct kmem_cache *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		S(m)->slab_caches = c->next;
	if (c->next)
		c->next->prev = c->prev;
	c->next = c->prev = NULL;
}

static struct kmem_cache *cache_new(struct mm_machine *m)
{
	struct slab_state_s *s = S(m);
	struct kmem_cache *c = calloc(1, sizeof(*c));
	struct kmem_cache **t = realloc(s->by_id, (size_t)(s->nr_ids + 1) * sizeof(*t));

	if (t)
		s->by_id = t;
	if (!c || !t || !(c->array = calloc((size_t)m->nr_cpus, sizeof(*c->array)))) {
		free(c);
		return NULL;
	}
	c->id = s->nr_ids;
	s->by_id[s->nr_ids++] = c;
	return c;
}

static void cache_forget(struct mm_machine *m, struct kmem_cache *c)
{
	if (c->shrinker)
		mm_unregister_shrinker(m, c);
	S(m)->by_id[c->id] = NULL;
	free(c->array);
	free(c);
}

static void set_name(struct kmem_cache *c, const char *name)
{
	snprintf(c->name, sizeof(c->name), "%s", name ? name : "");
}

/* create_boot_cache + create_kmalloc_cache */
static struct kmem_cache *create_kmalloc_cache(struct mm_machine *m, const char *name,
					       size_t size, unsigned long flags)
{
	struct kmem_cache *c = cache_new(m);

	if (!c)
		return NULL;
	c->addr = kmem_cache_alloc_internal(m, S(m)->kmem_cache, GFP_NOWAIT, CALLER_KMEM);
	set_name(c, name);
	c->size = (unsigned)size;
	c->object_size = (int)size;
	c->align = (int)calculate_alignment(flags, ARCH_KMALLOC_MINALIGN, size);
	if (__kmem_cache_create(m, c, flags)) {
		cache_forget(m, c);
		return NULL;
	}
	c->refcount = 1;
	slab_caches_add(m, c);
	return c;
}

/* kasprintf: the name is a kmalloc of strlen + 1 */
static unsigned long kasprintf_name(struct mm_machine *m, struct kmem_cache *c, const char *fmt,
				    size_t size)
{
	char buf[48];

	snprintf(buf, sizeof(buf), fmt, size); /* fmt is one of ours */
	set_name(c, buf);
	return __kmalloc(m, strlen(buf) + 1, GFP_NOWAIT, CALLER_KMEM);
}

static int create_kmalloc_caches(struct mm_machine *m, unsigned long flags)
{
	struct slab_state_s *s = S(m);

	/* sizes below the smallest cache (8, 16, 24) use kmalloc-32 */
	for (int i = 8; i < (1 << KMALLOC_SHIFT_LOW); i += 8)
		s->size_index[(i - 1) / 8] = KMALLOC_SHIFT_LOW;
	for (int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		if (!s->kmalloc_caches[i] && !(s->kmalloc_caches[i] = create_kmalloc_cache(m, NULL, 1UL << i, flags)))
			return MM_ENOMEM;
		if (!s->kmalloc_caches[1] && i == 6 &&
		    !(s->kmalloc_caches[1] = create_kmalloc_cache(m, NULL, 96, flags)))
			return MM_ENOMEM;
		if (!s->kmalloc_caches[2] && i == 7 &&
		    !(s->kmalloc_caches[2] = create_kmalloc_cache(m, NULL, 192, flags)))
			return MM_ENOMEM;
	}
	s->state = UP;
	for (int i = 0; i <= KMALLOC_SHIFT_HIGH; i++)
		if (s->kmalloc_caches[i])
			s->kmalloc_caches[i]->name_addr =
				kasprintf_name(m, s->kmalloc_caches[i], "kmalloc-%zu", kmalloc_size(i));
	for (int i = 0; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache tmp;
		unsigned long name_addr;

		if (!s->kmalloc_caches[i])
			continue;
		name_addr = kasprintf_name(m, &tmp, "dma-kmalloc-%zu", kmalloc_size(i));
		s->kmalloc_dma_caches[i] = create_kmalloc_cache(m, tmp.name, kmalloc_size(i),
								SLAB_CACHE_DMA | flags);
		if (!s->kmalloc_dma_caches[i])
			return MM_ENOMEM;
		s->kmalloc_dma_caches[i]->name_addr = name_addr;
	}
	return MM_OK;
}

/* ---- bootstrap ------------------------------------------------------------------------- */

static void slab_arch_sizes(struct mm_machine *m, struct slab_state_s *s)
{
	int x86_64 = m->arch == ARCH_X86_64;

	s->sizeof_slab = x86_64 ? 48 : 28;
	s->sizeof_node = x86_64 ? 104 : 60;
	s->sizeof_ac = x86_64 ? 24 : 20; /* struct array_cache, before entry[] */
	s->bytes_per_word = x86_64 ? 8 : 4;
	/* offsetof(struct kmem_cache, array[nr_cpu_ids]) + nr_node_ids pointers */
	s->sizeof_cache = (x86_64 ? 128 : 84) + s->bytes_per_word * ((unsigned)m->nr_cpus + 1);
}

/* kmem_cache_init: the descriptor cache and the kmalloc caches */
static int kmem_cache_init(struct mm_machine *m)
{
	struct slab_state_s *s = S(m);
	struct kmem_cache *kc = cache_new(m);

	if (!kc)
		return MM_ENOMEM;
	s->kmem_cache = kc;
	memcpy(s->size_index, size_index_init, sizeof(s->size_index));
	for (int i = 0; i < 3; i++)
		kmem_cache_node_init(&s->init_nodes[i]);
	s->initarray_generic.entry = s->initarray_entry;
	if (m->totalram_pages > (32UL << 20) >> PAGE_SHIFT)
		s->slab_max_order = 1;
	set_name(kc, "kmem_cache");
	kc->object_size = (int)s->sizeof_cache;
	kc->size = s->sizeof_cache;
	kc->align = (int)calculate_alignment(SLAB_HWCACHE_ALIGN, ARCH_KMALLOC_MINALIGN, s->sizeof_cache);
	if (__kmem_cache_create(m, kc, SLAB_HWCACHE_ALIGN))
		return MM_ENOMEM;
	kc->refcount = -1;
	slab_caches_add(m, kc);
	{
		int ac = kmalloc_index(s->sizeof_ac), node = kmalloc_index(s->sizeof_node);

		s->kmalloc_caches[ac] = create_kmalloc_cache(m, "kmalloc-ac", kmalloc_size(ac), SLAB_HWCACHE_ALIGN);
		if (!s->kmalloc_caches[ac])
			return MM_ENOMEM;
		if (ac != node && !(s->kmalloc_caches[node] =
				    create_kmalloc_cache(m, "kmalloc-node", kmalloc_size(node), SLAB_HWCACHE_ALIGN)))
			return MM_ENOMEM;
		s->slab_early_init = 0;
		/* the static boot arrays give way to kmalloc'ed copies */
		for (int i = 0; i < 2; i++) {
			struct kmem_cache *c = i ? s->kmalloc_caches[ac] : kc;
			struct array_cache *copy = calloc(1, sizeof(*copy));

			if (copy && !(copy->entry = calloc(1, sizeof(unsigned long)))) {
				free(copy);
				copy = NULL;
			}
			if (!copy)
				return MM_ENOMEM;
			copy->addr = __kmalloc(m, s->sizeof_ac + s->bytes_per_word, GFP_NOWAIT, CALLER_KMEM);
			copy->limit = copy->batchcount = 1;
			c->array[0] = copy; /* mm_slab_destroy frees it from here on */
			if (!copy->addr)
				return MM_ENOMEM;
		}
		/* and the static node structs to kmalloc'ed ones */
		for (int i = 0; i < 3; i++) {
			struct kmem_cache *c = i == 0 ? kc : i == 1 ? s->kmalloc_caches[ac] : s->kmalloc_caches[node];
			struct kmem_cache_node *n;
			unsigned long addr;

			if (i == 2 && ac == node)
				break;
			/* init_list: kmalloc first, then copy: the copy must see it */
			addr = __kmalloc(m, s->sizeof_node, GFP_NOWAIT, CALLER_KMEM);
			if (!addr) /* boot fails; no struct to leak (issue 11, item 12) */
				return MM_ENOMEM;
			n = malloc(sizeof(*n));
			if (!n)
				return MM_ENOMEM;
			*n = *c->node;
			n->addr = addr;
			c->node = n;
		}
	}
	return create_kmalloc_caches(m, SLAB_HWCACHE_ALIGN);
}

/* kmem_cache_init_late: final array sizes for every cache, then FULL */
static int kmem_cache_init_late(struct mm_machine *m)
{
	S(m)->state = UP;
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next)
		if (enable_cpucache(m, c, GFP_NOWAIT))
			return MM_ENOMEM;
	S(m)->state = FULL;
	return MM_OK;
}

/* cpuup_prepare: a secondary cpu comes online and gets its arrays */
static int cpuup_prepare(struct mm_machine *m, int cpu)
{
	S(m)->reap_at[cpu] = (unsigned long)m->clock + HZ + 3UL * (unsigned)cpu;
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next)
		c->node->free_limit = node_free_limit(m, c);
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next) {
		struct array_cache *shared = NULL;

		c->array[cpu] = alloc_arraycache(m, c->limit, c->batchcount, GFP_KERNEL);
		if (!c->array[cpu])
			return MM_ENOMEM;
		if (c->shared) {
			shared = alloc_arraycache(m, c->shared * c->batchcount, SHARED_BATCH_POISON, GFP_KERNEL);
			if (!shared)
				return MM_ENOMEM;
		}
		if (!c->node->shared) {
			c->node->shared = shared;
			shared = NULL;
		}
		free_arraycache(m, shared);
	}
	return MM_OK;
}

static int slab_init(struct mm_machine *m, char *err, size_t errlen)
{
	struct slab_state_s *s = calloc(1, sizeof(*s));

	if (!s) {
		snprintf(err, errlen, "out of memory");
		return MM_ENOMEM;
	}
	m->slab = s;
	s->slab_early_init = 1;
	s->nr_slabs = 1; /* slab id 0 means none */
	s->gfp_allowed_mask = GFP_BOOT_MASK;
	slab_arch_sizes(m, s);
	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		s->reap_at[cpu] = ~0UL; /* offline */
	s->reap_at[0] = HZ;        /* cpucache_init: the first reap after a second */
	m->this_cpu = 0;
	if (kmem_cache_init(m) || kmem_cache_init_late(m)) {
		snprintf(err, errlen, "%s: the slab allocator could not boot: %s", m->desc.name, m->err);
		return MM_ENOMEM;
	}
	s->gfp_allowed_mask = __GFP_BITS_MASK;
	for (int cpu = 1; cpu < m->nr_cpus; cpu++)
		if (cpuup_prepare(m, cpu)) {
			snprintf(err, errlen, "%s: cpu%d could not come up: %s", m->desc.name, cpu, m->err);
			return MM_ENOMEM;
		}
	return MM_OK;
}

static void slab_destroy_all(struct mm_machine *m)
{
	struct slab_state_s *s = S(m);

	if (!s)
		return;
	for (uint32_t i = 1; i < s->nr_slabs; i++)
		if (s->slabs[i]) {
			free(s->slabs[i]->bufctl);
			free(s->slabs[i]->state);
			free(s->slabs[i]);
		}
	for (int i = 0; i < s->nr_ids; i++) {
		struct kmem_cache *c = s->by_id[i];

		if (!c)
			continue;
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			if (c->array[cpu] && c->array[cpu] != &s->initarray_generic) {
				free(c->array[cpu]->entry);
				free(c->array[cpu]);
			}
		if (c->node && (c->node < s->init_nodes || c->node > s->init_nodes + 2)) {
			if (c->node->shared) {
				free(c->node->shared->entry);
				free(c->node->shared);
			}
			free(c->node);
		}
		if (c->shrinker)
			mm_unregister_shrinker(m, c);
		free(c->array);
		free(c);
	}
	free(s->by_id);
	free(s->slabs);
	free(s->free_ids);
	free(s);
	m->slab = NULL;
}

/* ---- runtime cache creation, shrink, destroy --------------------------------------------- */

int kmem_cache_create(struct mm_machine *m, const char *name, size_t size, size_t align,
			 unsigned long flags, int ctor, struct kmem_cache **out)
{
	struct kmem_cache *c;
	int rc;

	if (!m->slab)
		return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
	if ((rc = kmem_cache_sanity_check(m, name, size, align)) || (rc = mm_busy(m)))
		return rc;
	flags &= CACHE_CREATE_MASK;
	c = cache_new(m);
	if (!c)
		return mm_error(m, MM_ENOMEM, "out of memory");
	c->addr = kmem_cache_alloc_internal(m, S(m)->kmem_cache, GFP_KERNEL | __GFP_ZERO, CALLER_KMEM);
	set_name(c, name);
	c->name_addr = __kmalloc(m, strlen(name) + 1, GFP_KERNEL, CALLER_KMEM);
	c->object_size = (int)size;
	c->size = (unsigned)size;
	c->align = (int)calculate_alignment(flags, align, size);
	c->ctor = ctor;
	if (!c->addr || !c->name_addr || (rc = __kmem_cache_create(m, c, flags))) {
		/* the model is only guaranteed unchanged if nothing was allocated */
		if (c->name_addr)
			__kfree(m, c->name_addr, CALLER_KMEM);
		if (c->addr)
			__cache_free(m, S(m)->kmem_cache, c->addr);
		cache_forget(m, c);
		return mm_error(m, MM_ENOMEM, "kmem_cache_create(%s) failed with error -12%s", name,
				(flags & SLAB_PANIC) ? " (SLAB_PANIC: the kernel would panic here)" : "");
	}
	c->refcount = 1;
	slab_caches_add(m, c);
	*out = c;
	return MM_OK;
}

struct kmem_cache *mm_kmem_cache_find(struct mm_machine *m, const char *name)
{
	if (!m->slab)
		return NULL;
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

struct kmem_cache *mm_kmem_cache_by_id(struct mm_machine *m, int id)
{
	return m->slab && id >= 0 && id < S(m)->nr_ids ? S(m)->by_id[id] : NULL;
}

struct kmem_cache *mm_slab_caches(struct mm_machine *m)
{
	return m->slab ? S(m)->slab_caches : NULL;
}

/* drain_array: trim an array not touched since the last look */
static void drain_array(struct mm_machine *m, struct kmem_cache *c, struct array_cache *ac, int force)
{
	unsigned tofree;

	c->changed = 1;
	if (!ac || !ac->avail)
		return;
	if (ac->touched && !force) {
		ac->touched = 0;
		return;
	}
	tofree = force ? ac->avail : (ac->limit + 4) / 5;
	if (tofree > ac->avail)
		tofree = (ac->avail + 1) / 2;
	if (STAGES(m))
		stage_note(m, FN_drain_array, "%s: %u of %u objects back to the slabs", c->name, tofree, ac->avail);
	spin_lock_list(m, c);
	free_block_array(m, c, ac, tofree);
	spin_unlock_list(m, c);
}

/* drain_freelist: destroy up to tofree slabs from the tail of slabs_free */
static int drain_freelist(struct mm_machine *m, struct kmem_cache *c, unsigned long tofree)
{
	struct kmem_cache_node *n = c->node;
	unsigned long freed = 0;

	c->changed = 1;
	while (freed < tofree && n->slabs[SLABS_FREE].tail) {
		struct slab *sl = S(m)->slabs[n->slabs[SLABS_FREE].tail];

		slab_list_del(m, n, sl);
		n->free_objects -= c->num;
		slab_destroy(m, c, sl);
		freed++;
	}
	return (int)freed;
}

static int __cache_shrink(struct mm_machine *m, struct kmem_cache *c)
{
	struct kmem_cache_node *n = c->node;

	for (int cpu = 0; cpu < m->nr_cpus; cpu++) { /* drain_cpu_caches */
		struct array_cache *ac = c->array[cpu];

		if (ac && ac->avail) {
			m->this_cpu = cpu;
			free_block_array(m, c, ac, ac->avail);
		}
	}
	drain_array(m, c, n->shared, 1);
	drain_freelist(m, c, n->free_objects);
	return n->slabs[SLABS_FULL].nr || n->slabs[SLABS_PARTIAL].nr;
}

int kmem_cache_shrink(struct mm_machine *m, struct kmem_cache *c)
{
	int cpu = m->this_cpu, rc;

	if (!m->slab)
		return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
	if ((rc = mm_busy(m)))
		return rc;
	rc = __cache_shrink(m, c);
	m->this_cpu = cpu;
	return rc;
}

static int cache_has_allocated_objects(struct mm_machine *m, struct kmem_cache *c)
{
	for (int l = SLABS_PARTIAL; l <= SLABS_FULL; l++)
		for (uint32_t id = c->node->slabs[l].head; id; id = S(m)->slabs[id]->next)
			for (unsigned i = 0; i < c->num; i++)
				if (S(m)->slabs[id]->state[i] == OBJ_ALLOCATED)
					return 1;
	return 0;
}

int kmem_cache_destroy(struct mm_machine *m, struct kmem_cache *c)
{
	if (!m->slab)
		return mm_error(m, MM_EINVAL, "the slab allocator is off on this machine (slab none)");
	if (c->refcount != 1 || c == S(m)->kmem_cache || !c->name_addr ||
	    !strncmp(c->name, "kmalloc-", 8) || !strncmp(c->name, "dma-kmalloc-", 12))
		return mm_error(m, MM_EINVAL, "kmem_cache_destroy %s: a boot cache cannot be destroyed", c->name);
	/* decided before draining, so a refusal leaves everything in place */
	if (c->users)
		return mm_error(m, MM_EBUSY, "kmem_cache_destroy %s: Slab cache still has objects (a stopped request is inside it)",
				c->name);
	if (cache_has_allocated_objects(m, c))
		return mm_error(m, MM_EINVAL, "kmem_cache_destroy %s: Slab cache still has objects", c->name);
	if (mm_busy(m))
		return MM_EBUSY;
	slab_caches_del(m, c);
	__cache_shrink(m, c);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		free_arraycache(m, c->array[cpu]);
	free_arraycache(m, c->node->shared);
	__kfree(m, c->node->addr, CALLER_KMEM);
	free(c->node);
	__kfree(m, c->name_addr, CALLER_KMEM);
	__cache_free(m, S(m)->kmem_cache, c->addr);
	cache_forget(m, c);
	return MM_OK;
}

/* ---- the reaper ---------------------------------------------------------------------------- */

static void cache_reap(struct mm_machine *m, int cpu)
{
	m->this_cpu = cpu;
	if (STAGES(m))
		stage_enter(m, FN_cache_reap, "cpu%d at jiffy %llu", cpu, m->clock);
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next) {
		struct kmem_cache_node *n = c->node;

		drain_array(m, c, c->array[cpu], 0);
		if (n->next_reap > m->clock)
			continue;
		n->next_reap = (unsigned long)m->clock + REAPTIMEOUT_LIST3;
		drain_array(m, c, n->shared, 0);
		if (n->free_touched) {
			n->free_touched = 0;
		} else {
			unsigned long tofree = (n->free_limit + 5 * c->num - 1) / (5 * c->num);
			int freed = drain_freelist(m, c, tofree);

			c->nr_reaped += (unsigned long)freed;
		}
	}
	if (STAGES(m))
		stage_exit(m, FN_cache_reap, "next in %d jiffies", REAPTIMEOUT_CPUC);
}

/* each cpu's delayed cache_reap work, when due */
static void cache_reap_tick(struct mm_machine *m)
{
	if (!m->slab)
		return;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (S(m)->reap_at[cpu] <= m->clock) {
			cache_reap(m, cpu);
			S(m)->reap_at[cpu] = (unsigned long)m->clock + REAPTIMEOUT_CPUC;
		}
}

/* ---- SLAB_* flag names ----------------------------------------------------------------------- */

static const struct {
	const char *name;
	unsigned long flag;
} slab_flag_names[] = {
	{ "SLAB_DEBUG_FREE", SLAB_DEBUG_FREE }, { "SLAB_RED_ZONE", SLAB_RED_ZONE },
	{ "SLAB_POISON", SLAB_POISON }, { "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
	{ "SLAB_CACHE_DMA", SLAB_CACHE_DMA }, { "SLAB_STORE_USER", SLAB_STORE_USER },
	{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT }, { "SLAB_TEMPORARY", SLAB_RECLAIM_ACCOUNT },
	{ "SLAB_PANIC", SLAB_PANIC }, { "SLAB_DESTROY_BY_RCU", SLAB_DESTROY_BY_RCU },
	{ "SLAB_MEM_SPREAD", SLAB_MEM_SPREAD }, { "SLAB_TRACE", SLAB_TRACE },
	{ "SLAB_NOLEAKTRACE", SLAB_NOLEAKTRACE },
};

int mm_slab_flags_parse(const char *s, unsigned long *flags, char *err, size_t errlen)
{
	unsigned long f = 0;
	char buf[256], *save = NULL;

	if (strlen(s) >= sizeof(buf)) {
		snprintf(err, errlen, "flags too long");
		return MM_EINVAL;
	}
	strcpy(buf, s);
	for (char *tok = strtok_r(buf, "| ", &save); tok; tok = strtok_r(NULL, "| ", &save)) {
		size_t i, n = sizeof(slab_flag_names) / sizeof(slab_flag_names[0]);
		char *end;
		unsigned long v;

		for (i = 0; i < n && strcmp(tok, slab_flag_names[i].name); i++)
			;
		if (i < n) {
			f |= slab_flag_names[i].flag;
			continue;
		}
		v = strtoul(tok, &end, 0);
		if (*tok < '0' || *tok > '9' || *end) {
			snprintf(err, errlen, "unknown slab flag '%s' (SLAB_HWCACHE_ALIGN, SLAB_RECLAIM_ACCOUNT, SLAB_CACHE_DMA, SLAB_PANIC, ...)", tok);
			return MM_EINVAL;
		}
		f |= v;
	}
	*flags = f;
	return MM_OK;
}

void mm_slab_flags_format(unsigned long flags, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(slab_flag_names) / sizeof(slab_flag_names[0]); i++) {
		if (!(flags & slab_flag_names[i].flag) || !strcmp(slab_flag_names[i].name, "SLAB_TEMPORARY"))
			continue;
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s", used ? "|" : "",
					 slab_flag_names[i].name);
		flags &= ~slab_flag_names[i].flag;
	}
	if (flags & CFLGS_OFF_SLAB) {
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%sCFLGS_OFF_SLAB", used ? "|" : "");
		flags &= ~CFLGS_OFF_SLAB;
	}
	if (flags)
		snprintf(buf + used, used < len ? len - used : 0, "%s0x%lx", used ? "|" : "", flags);
	else if (!used && len)
		snprintf(buf, len, "0");
}

/* ---- the invariant checker's SLAB part -------------------------------------------------- */

static int check_slab_pages(struct mm_machine *m, struct kmem_cache *c, struct slab *sl)
{
	struct page *p = &m->mem_map[sl->pfn];

	if (!(p->flags & PG_head) || p->alloc_order != c->gfporder ||
	    p->owner != MM_OWNER(OWNER_SLAB, c->id))
		return mm_error(m, MM_EINVAL, "%s: slab at pfn 0x%lx is not an order-%u allocation of the cache",
				c->name, sl->pfn, c->gfporder);
	for (unsigned long i = 0; i < (1UL << c->gfporder); i++)
		if (!(p[i].flags & PG_slab) || p[i].private != sl->id)
			return mm_error(m, MM_EINVAL, "%s: page 0x%lx of slab %u lacks PG_slab or its slab pointer",
					c->name, sl->pfn + i, sl->id);
	if (sl->s_mem != pfn_to_virt(m, sl->pfn) + sl->colouroff)
		return mm_error(m, MM_EINVAL, "%s: slab %u: s_mem is not base + colouroff", c->name, sl->id);
	return MM_OK;
}

/* the bufctl chain holds exactly the free objects */
static int check_slab_objects(struct mm_machine *m, struct kmem_cache *c, struct slab *sl,
			      unsigned long *cached)
{
	unsigned nfree = 0, nstate_free = 0;

	for (kmem_bufctl_t i = sl->free; i != BUFCTL_END; i = sl->bufctl[i]) {
		if (i >= c->num || sl->state[i] != OBJ_FREE || ++nfree > c->num)
			return mm_error(m, MM_EINVAL, "%s: slab %u: free chain is corrupt at index %u", c->name, sl->id, i);
	}
	for (unsigned i = 0; i < c->num; i++) {
		nstate_free += sl->state[i] == OBJ_FREE;
		*cached += sl->state[i] == OBJ_CACHED;
	}
	if (nfree != nstate_free || c->num - nfree != sl->inuse)
		return mm_error(m, MM_EINVAL, "%s: slab %u: inuse %u but %u objects free in its chain",
				c->name, sl->id, sl->inuse, nfree);
	return MM_OK;
}

static int check_node_lists(struct mm_machine *m, struct kmem_cache *c, unsigned long *cached)
{
	struct kmem_cache_node *n = c->node;
	unsigned long free_objects = 0;

	for (int l = 0; l < 3; l++) {
		uint32_t nr = 0, prev = 0;

		for (uint32_t id = n->slabs[l].head; id; prev = id, id = S(m)->slabs[id]->next) {
			struct slab *sl = mm_slab_by_id(m, id);

			if (!sl || sl->list != (enum slab_list)l || sl->prev != prev || sl->cache != c || ++nr > n->slabs[l].nr)
				return mm_error(m, MM_EINVAL, "%s: slab list %d is corrupt", c->name, l);
			if ((l == SLABS_FULL && sl->inuse != c->num) || (l == SLABS_FREE && sl->inuse) ||
			    (l == SLABS_PARTIAL && (!sl->inuse || sl->inuse == c->num)))
				return mm_error(m, MM_EINVAL, "slab: cache %s error: slab %u with inuse %u on the wrong list",
						c->name, id, sl->inuse);
			if (check_slab_pages(m, c, sl) || check_slab_objects(m, c, sl, cached))
				return MM_EINVAL;
			free_objects += c->num - sl->inuse;
		}
		if (nr != n->slabs[l].nr || n->slabs[l].tail != prev)
			return mm_error(m, MM_EINVAL, "%s: slab list %d count %u but %u linked", c->name, l, n->slabs[l].nr, nr);
	}
	if (free_objects != n->free_objects)
		return mm_error(m, MM_EINVAL, "slab: cache %s error: free_objects accounting error (%lu, lists say %lu)",
				c->name, n->free_objects, free_objects);
	return MM_OK;
}

static int check_array(struct mm_machine *m, struct kmem_cache *c, struct array_cache *ac,
		       unsigned long *in_arrays)
{
	if (!ac)
		return MM_OK;
	if (ac->avail > ac->limit)
		return mm_error(m, MM_EINVAL, "%s: array holds %u of %u", c->name, ac->avail, ac->limit);
	for (unsigned i = 0; i < ac->avail; i++) {
		struct mm_obj_info oi;

		if (mm_obj_info(m, ac->entry[i], &oi) || oi.cache != c || oi.obj != ac->entry[i] ||
		    oi.state != OBJ_CACHED)
			return mm_error(m, MM_EINVAL, "%s: array entry 0x%lx is not a cached object of the cache",
					c->name, ac->entry[i]);
	}
	*in_arrays += ac->avail;
	return MM_OK;
}

static int check_caches(struct mm_machine *m, int changed_only)
{
	if (!m->slab)
		return MM_OK;
	for (struct kmem_cache *c = S(m)->slab_caches; c; c = c->next) {
		unsigned long cached = 0, in_arrays = 0;

		if (changed_only && !c->changed)
			continue;
		if (check_node_lists(m, c, &cached))
			return MM_EINVAL;
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			if (check_array(m, c, c->array[cpu], &in_arrays))
				return MM_EINVAL;
		if (check_array(m, c, c->node->shared, &in_arrays))
			return MM_EINVAL;
		/* every cached object sits in exactly one array, or is on its way back */
		if (cached != in_arrays + c->inflight)
			return mm_error(m, MM_EINVAL, "%s: %lu objects marked cached but %lu in the arrays",
					c->name, cached, in_arrays);
		if (changed_only)
			c->changed = 0;
	}
	if (changed_only)
		return MM_OK;
	/* a slab is on no list only in a request's hands: a new one waiting
	 * for the list_lock in cache_grow, one on its way to slab_destroy */
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (mm_request_of(m, cpu))
			return MM_OK;
	for (uint32_t id = 1; id < S(m)->nr_slabs; id++)
		if (S(m)->slabs[id] && S(m)->slabs[id]->list == SLABS_NONE)
			return mm_error(m, MM_EINVAL, "slab %u is on no list", id);
	return MM_OK;
}

static int slab_check(struct mm_machine *m)
{
	return check_caches(m, 0);
}

/* the stage checker's part: only the caches touched since it last looked */
static int slab_check_stage(struct mm_machine *m)
{
	return check_caches(m, 1);
}

/* ---- the view (view.h) -------------------------------------------------------- */

/*
 * get_slabinfo() of 3.10 mm/slab.c: walk the node's three lists.  Full
 * slabs count num objects each, partial ones their inuse; objects sitting
 * in the per-cpu and shared arrays are inuse in their slab, so they are
 * "active" here.  The kernel's accounting-error printks belong to the
 * invariant checker (debug.c), not to this.  The one slabinfo computation:
 * /proc/slabinfo, `slab`, the screen and Lua read it through the view.
 */
static void get_slabinfo(const struct mm_machine *m, const struct kmem_cache *c,
			 struct mm_cache_view *v)
{
	const struct kmem_cache_node *n = c->node;
	const struct slab *slab;
	uint32_t id, k;

	if (!n)
		return;
	for (int l = SLABS_PARTIAL; l <= SLABS_FREE; l++) {
		const struct slab_list_head *h = &n->slabs[l];

		for (k = 0, id = h->head; k < h->nr && id != MM_NIL; k++, id = slab->next) {
			if (!(slab = mm_slab_by_id((struct mm_machine *)(uintptr_t)m, id)))
				break;
			if (l == SLABS_FULL)
				v->active_objs += c->num;
			else if (l == SLABS_PARTIAL)
				v->active_objs += slab->inuse;
			if (l != SLABS_FREE)
				v->active_slabs++;
			v->num_slabs++;
		}
		v->slab.nr_slabs[l] = h->nr;
	}
	if (n->shared)
		v->shared_avail = n->shared->avail;
	v->num_objs = v->num_slabs * c->num;
}

static int slab_view_cache(const struct mm_machine *m, int id, struct mm_cache_view *v)
{
	const struct kmem_cache *c = mm_kmem_cache_by_id((struct mm_machine *)(uintptr_t)m, id);
	const struct kmem_cache_node *n;

	if (!c)
		return -1;
	v->id = c->id;
	v->name = c->name;
	v->object_size = (unsigned int)c->object_size;
	v->size = c->size;
	v->align = (unsigned int)c->align;
	v->flags = c->flags;
	v->objs_per_slab = c->num;
	v->order = c->gfporder;
	v->refcount = c->refcount;
	v->limit = c->limit;
	v->batchcount = c->batchcount;
	v->shared = c->shared;
	get_slabinfo(m, c, v);
	v->slab.colour = c->colour;
	v->slab.colour_off = c->colour_off;
	v->slab.slab_size = c->slab_size;
	v->slab.off_slab = !!(c->flags & CFLGS_OFF_SLAB);
	v->slab.slabp_cache = c->slabp_cache ? c->slabp_cache->name : NULL;
	{
		unsigned long bytes = PAGE_SIZE << c->gfporder;
		unsigned long used = (unsigned long)c->num * c->size + (v->slab.off_slab ? 0 : c->slab_size);

		v->slab.left_over = bytes >= used ? bytes - used : 0;
	}
	v->slab.ctor = c->ctor;
	v->slab.nr_grown = c->nr_grown;
	v->slab.nr_reaped = c->nr_reaped;
	v->slab.nr_ctor_calls = c->nr_ctor_calls;
	v->slab.has_shrinker = c->shrinker != NULL;
	v->slab.inflight = c->inflight;
	if ((n = c->node)) {
		v->slab.has_node = 1;
		v->slab.colour_next = n->colour_next;
		v->slab.free_objects = n->free_objects;
		v->slab.free_limit = n->free_limit;
		v->slab.free_touched = n->free_touched;
		v->slab.next_reap = n->next_reap;
		v->slab.has_shared = n->shared != NULL;
		if (n->shared) {
			v->slab.shared_limit = n->shared->limit;
			v->slab.shared_batchcount = n->shared->batchcount;
			v->slab.shared_touched = (int)n->shared->touched;
		}
	}
	for (int cpu = 0; cpu < m->nr_cpus && cpu < MM_VIEW_MAX_CPUS; cpu++) {
		const struct array_cache *ac = c->array ? c->array[cpu] : NULL;

		if (ac) {
			v->slab.avail[cpu] = ac->avail;
			v->slab.array_limit[cpu] = ac->limit;
			v->slab.array_batchcount[cpu] = ac->batchcount;
			v->slab.touched[cpu] = (int)ac->touched;
		}
	}
	return 0;
}

/* ---- the allocator interface (slab.h) ---------------------------------------------------- */

const struct mm_slab_ops mm_slab_ops_slab = {
	.name = "SLAB",
	.init = slab_init,
	.destroy = slab_destroy_all,
	.cache_create = kmem_cache_create,
	.cache_destroy = kmem_cache_destroy,
	.cache_shrink = kmem_cache_shrink,
	.cache_alloc = kmem_cache_alloc,
	.cache_free = kmem_cache_free,
	.kmalloc = kmalloc,
	.kfree = kfree,
	.ksize = ksize,
	.cache_by_id = mm_kmem_cache_by_id,
	.cache_find = mm_kmem_cache_find,
	.kmalloc_max_size = KMALLOC_MAX_SIZE,
	.tick = cache_reap_tick,
	.check = slab_check,
	.check_stage = slab_check_stage,
	.view_cache = slab_view_cache,
};
