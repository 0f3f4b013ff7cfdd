/*
 * test_slab.c - the SLAB allocator against 3.10's formulas and list
 * disciplines (spec/slab.md §3.6 geometry, §5-§8 paths).  The random test
 * runs half a million operations (MM_TEST_OPS overrides) with the
 * invariant checker after each.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h"

static struct mm_machine *boot(const char *preset)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_preset(&d, preset), 0);
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	assert_int_equal(mm_check(m), 0);
	return m;
}

static struct kmem_cache *create(struct mm_machine *m, const char *name, size_t size,
				 unsigned long flags)
{
	struct kmem_cache *c = NULL;

	assert_int_equal(kmem_cache_create(m, name, size, 0, flags, 0, &c), 0);
	return c;
}

static unsigned long alloc(struct mm_machine *m, struct kmem_cache *c)
{
	unsigned long a = 0;

	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a), 0);
	return a;
}

struct geometry {
	size_t req;
	unsigned long flags;
	unsigned size, align, num, order, off, colour;
};

/* spec §3.6 "Other examples" and the kmalloc table */
static void test_geometry(void **state)
{
	static const struct geometry g[] = {
		{ 200, SLAB_HWCACHE_ALIGN, 256, 64, 15, 0, 0, 2 },
		{ 200, 0, 200, 8, 19, 0, 0, 2 },
		{ 100, 0, 104, 8, 37, 0, 0, 0 },
		{ 24, 0, 24, 8, 144, 0, 0, 0 },
		{ 700, 0, 704, 8, 11, 1, 0, 5 },
		{ 704, SLAB_HWCACHE_ALIGN | SLAB_RECLAIM_ACCOUNT, 704, 64, 5, 0, 0, 7 },
		{ 3000, 0, 3000, 8, 2, 1, 0, 33 },
		/* off-slab first, but 3192 bytes left over take the descriptor back */
		{ 5000, 0, 5000, 8, 1, 1, 0, 49 },
	};
	struct mm_machine *m = boot("x86_64-4g");

	(void)state;
	for (size_t i = 0; i < sizeof(g) / sizeof(g[0]); i++) {
		char name[32];
		struct kmem_cache *c;

		snprintf(name, sizeof(name), "geo-%zu", i);
		c = create(m, name, g[i].req, g[i].flags);
		assert_int_equal(c->size, g[i].size);
		assert_int_equal(c->align, g[i].align);
		assert_int_equal(c->num, g[i].num);
		assert_int_equal(c->gfporder, g[i].order);
		assert_int_equal(!!(c->flags & CFLGS_OFF_SLAB), g[i].off);
		assert_int_equal(c->colour, g[i].colour);
	}
	/* kmalloc caches: §3.6 table */
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-96")->size, 128);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-32")->num, 112);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-32")->limit, 120);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-512")->flags & CFLGS_OFF_SLAB, CFLGS_OFF_SLAB);
	assert_string_equal(mm_kmem_cache_find(m, "kmalloc-512")->slabp_cache->name, "kmalloc-96");
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-2048")->limit, 24);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-8192")->gfporder, 1);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-8192")->shared, 0);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-4194304")->gfporder, 10);
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-4194304")->limit, 1);
	/* 2 cpus: free_limit = (1 + 2) * 60 + 112 */
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-32")->node->free_limit, 292);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* slab_caches: newest first, kmem_cache last, dma caches above kmalloc */
static void test_bootstrap_order(void **state)
{
	struct mm_machine *m = boot("x86_64-4g");
	struct kmem_cache *c = mm_slab_caches(m), *last = NULL;

	(void)state;
	assert_string_equal(c->name, "dma-kmalloc-4194304");
	for (; c; c = c->next)
		last = c;
	assert_string_equal(last->name, "kmem_cache");
	assert_string_equal(last->prev->name, "kmalloc-32");
	assert_string_equal(last->prev->prev->name, "kmalloc-128");
	assert_string_equal(last->prev->prev->prev->name, "kmalloc-64");
	assert_string_equal(last->prev->prev->prev->prev->name, "kmalloc-96");
	/* i386: a 28-byte struct slab gives 113 objects of 32 bytes */
	mm_machine_destroy(m);
	m = boot("i386-1g");
	assert_int_equal(mm_kmem_cache_find(m, "kmalloc-32")->num, 113);
	mm_machine_destroy(m);
}

/*
 * The first allocation from a fresh cache moves 16 objects (not touched
 * yet: BATCHREFILL_LIMIT) and hands out the last one, index 15; then 14,
 * 13, ... come back.  Each new slab's colour offset rotates.
 */
static void test_alloc_order_and_colour(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c = create(m, "foo", 200, 0);
	unsigned long a0, a1, base0, obj[40];
	struct mm_obj_info oi;

	(void)state;
	a0 = alloc(m, c);
	assert_int_equal(mm_obj_info(m, a0, &oi), 0);
	assert_int_equal(oi.index, 15);
	base0 = oi.slab->s_mem - oi.slab->colouroff;
	assert_int_equal(oi.slab->colouroff, 128); /* colour 0 + slab_size 128 */
	assert_int_equal(c->array[0]->avail, 15);
	a1 = alloc(m, c);
	assert_int_equal(a0 - a1, 200);
	for (int i = 0; i < 40; i++)
		obj[i] = alloc(m, c);
	(void)obj;
	/* the second slab sits 64 bytes further in, the third back at 0 */
	{
		struct kmem_cache_node *n = c->node;
		int seen = 0;

		for (int l = 0; l < 3; l++)
			for (uint32_t id = n->slabs[l].head; id; id = mm_slab_by_id(m, id)->next) {
				struct slab *sl = mm_slab_by_id(m, id);
				unsigned long base = sl->s_mem - sl->colouroff;

				if (base == base0)
					continue;
				assert_true(sl->colouroff == 128 || sl->colouroff == 192);
				seen |= sl->colouroff == 192 ? 1 : 2;
			}
		assert_int_equal(seen, 3);
	}
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* free -> partial -> full and back; an emptied slab heads slabs_free */
static void test_list_moves(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c = create(m, "bar", 1000, 0);
	struct kmem_cache_node *n = c->node;
	unsigned long a[8];

	(void)state;
	for (int i = 0; i < 8; i++)
		a[i] = alloc(m, c);
	assert_int_equal(kmem_cache_shrink(m, c), 1);
	assert_int_equal(c->array[0]->avail, 0);
	assert_int_equal(n->slabs[SLABS_FREE].nr, 0);
	for (int i = 0; i < 8; i++)
		assert_int_equal(kmem_cache_free(m, 0, c, a[i]), 0);
	assert_int_equal(c->array[0]->avail, 8);
	/* shrink drains the arrays: every slab empties and is destroyed */
	assert_int_equal(kmem_cache_shrink(m, c), 0);
	assert_int_equal(n->slabs[SLABS_FULL].nr + n->slabs[SLABS_PARTIAL].nr + n->slabs[SLABS_FREE].nr, 0);
	assert_int_equal(n->free_objects, 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* a full array flushes its oldest batchcount to the shared array */
static void test_flush_to_shared(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c = create(m, "baz", 64, 0);
	unsigned long *a = calloc(300, sizeof(*a));

	(void)state;
	struct array_cache *ac = c->array[0];
	unsigned fill, oldest, top;

	for (int i = 0; i < 300; i++)
		a[i] = alloc(m, c);
	fill = ac->limit - ac->avail;
	for (unsigned i = 0; i < fill; i++)
		assert_int_equal(kmem_cache_free(m, 0, c, a[i]), 0);
	assert_int_equal(ac->avail, 120);
	oldest = (unsigned)ac->entry[0];
	/* the 121st free flushes the oldest batchcount (60) to the shared array */
	assert_int_equal(kmem_cache_free(m, 0, c, a[fill]), 0);
	assert_int_equal(ac->avail, 61);
	assert_int_equal(c->node->shared->avail, 60);
	assert_int_equal((unsigned)c->node->shared->entry[0], oldest);
	/* cpu1 (never touched: 16 at most) refills from the shared array's top */
	top = (unsigned)c->node->shared->entry[59];
	{
		unsigned long x;

		assert_int_equal(kmem_cache_alloc(m, 1, c, GFP_KERNEL, &x), 0);
		assert_int_equal((unsigned)x, top);
		assert_int_equal(c->node->shared->avail, 44);
		assert_int_equal(c->array[1]->avail, 15);
	}
	assert_int_equal(mm_check(m), 0);
	free(a);
	mm_machine_destroy(m);
}

static void test_reap(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c = create(m, "reap", 200, 0);
	unsigned long a[40];

	(void)state;
	for (int i = 0; i < 40; i++)
		a[i] = alloc(m, c);
	for (int i = 0; i < 40; i++)
		assert_int_equal(kmem_cache_free(m, 0, c, a[i]), 0);
	assert_int_equal(c->array[0]->avail, 57);
	mm_tick(m, HZ); /* first reap: touched, only cleared */
	assert_int_equal(c->array[0]->avail, 57);
	assert_int_equal(c->array[0]->touched, 0);
	mm_tick(m, 2 * HZ); /* (limit + 4) / 5 = 24 go back */
	assert_int_equal(c->array[0]->avail, 33);
	mm_tick(m, 40 * HZ);
	assert_int_equal(c->array[0]->avail, 0);
	/* free slabs are destroyed over time, a few per node reap */
	assert_int_equal(c->node->slabs[SLABS_FREE].nr, 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

static void test_errors(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c = create(m, "err", 100, 0), *d = create(m, "err2", 100, 0), *x;
	unsigned long a = alloc(m, c), k;

	(void)state;
	assert_int_equal(kmem_cache_create(m, "err", 100, 0, 0, 0, &x), MM_EINVAL);
	assert_non_null(strstr(m->err, "already exists"));
	assert_int_equal(kmem_cache_create(m, "bad name", 100, 0, 0, 0, &x), MM_EINVAL);
	assert_int_equal(kmem_cache_create(m, "zero", 0, 0, 0, 0, &x), MM_EINVAL);
	assert_int_equal(kmem_cache_create(m, "huge", 5u << 20, 0, 0, 0, &x), MM_EINVAL);
	assert_int_equal(kmem_cache_free(m, 0, d, a), MM_EINVAL); /* wrong cache */
	assert_non_null(strstr(m->err, "Wrong slab cache"));
	assert_int_equal(kmem_cache_free(m, 0, c, a + 8), MM_EINVAL);
	assert_int_equal(mm_kfree(m, 0, 0xffff880000001000UL), MM_EINVAL); /* reserved page */
	assert_int_equal(kmem_cache_destroy(m, c), MM_EINVAL);
	assert_non_null(strstr(m->err, "Slab cache still has objects"));
	assert_int_equal(kmem_cache_free(m, 0, c, a), 0);
	assert_int_equal(kmem_cache_free(m, 0, c, a), MM_EBADPAGE); /* in the array */
	assert_int_equal(kmem_cache_shrink(m, c), 0);
	assert_int_equal(mm_kfree(m, 0, a), MM_EINVAL); /* its slab is gone */
	assert_int_equal(mm_kmalloc(m, 0, 5u << 20, GFP_KERNEL, &k), MM_EINVAL);
	assert_int_equal(mm_kmalloc(m, 0, 0, GFP_KERNEL, &k), 0);
	assert_int_equal(k, 16); /* ZERO_SIZE_PTR */
	assert_int_equal(mm_kfree(m, 0, k), 0);
	assert_int_equal(kmem_cache_destroy(m, c), 0);
	assert_null(mm_kmem_cache_find(m, "err"));
	assert_int_equal(kmem_cache_destroy(m, mm_kmem_cache_find(m, "kmalloc-64")), MM_EINVAL);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

static void test_kmalloc_mapping(void **state)
{
	static const struct {
		size_t size;
		const char *cache;
	} map[] = { { 1, "kmalloc-32" }, { 24, "kmalloc-32" }, { 33, "kmalloc-64" },
		    { 70, "kmalloc-96" }, { 97, "kmalloc-128" }, { 129, "kmalloc-192" },
		    { 193, "kmalloc-256" }, { 257, "kmalloc-512" }, { 4097, "kmalloc-8192" } };
	struct mm_machine *m = boot("tiny");

	(void)state;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		unsigned long a;
		struct mm_obj_info oi;
		size_t sz;

		assert_int_equal(mm_kmalloc(m, 0, map[i].size, GFP_KERNEL, &a), 0);
		assert_int_equal(mm_obj_info(m, a, &oi), 0);
		assert_string_equal(oi.cache->name, map[i].cache);
		assert_int_equal(mm_ksize(m, a, &sz), 0);
		assert_int_equal(sz, (size_t)oi.cache->object_size);
		assert_int_equal(mm_kfree(m, 0, a), 0);
	}
	assert_string_equal(kmalloc_slab(m, 100, GFP_DMA)->name, "dma-kmalloc-128");
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* slab none: the page allocator alone, the slab calls refuse */
static void test_slab_none(void **state)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;
	unsigned long a;

	(void)state;
	assert_int_equal(mm_desc_preset(&d, "tiny"), 0);
	d.slab = 0;
	m = mm_machine_create(&d, err, sizeof(err));
	assert_null(m->slab);
	assert_int_equal(mm_kmalloc(m, 0, 64, GFP_KERNEL, &a), MM_EINVAL);
	assert_non_null(strstr(m->err, "slab none"));
	mm_machine_destroy(m);
}

/* ---- random operations ------------------------------------------------------ */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

struct obj {
	unsigned long addr;
	int cache; /* -1: kmalloc */
};

enum { NCACHE = 6, CAP = 4000 };

struct world {
	struct mm_machine *m;
	struct kmem_cache *caches[NCACHE];
	struct obj objs[CAP];
	int nobj;
	int created;
};

static void random_create_or_destroy(struct world *w)
{
	int i = (int)rnd(NCACHE);
	char name[16];

	snprintf(name, sizeof(name), "rnd%d.%d", i, w->created++);
	if (!w->caches[i]) {
		static const size_t sizes[] = { 24, 100, 200, 700, 3000, 5000 };
		unsigned long flags = rnd(2) ? SLAB_HWCACHE_ALIGN : 0;

		assert_int_equal(kmem_cache_create(w->m, name, sizes[rnd(6)], 0,
						      flags | (rnd(4) ? 0 : SLAB_RECLAIM_ACCOUNT), 0,
						      &w->caches[i]), 0);
		return;
	}
	for (int j = 0; j < w->nobj; j++)
		if (w->objs[j].cache == i) {
			assert_int_equal(kmem_cache_destroy(w->m, w->caches[i]), MM_EINVAL);
			return;
		}
	assert_int_equal(kmem_cache_destroy(w->m, w->caches[i]), 0);
	w->caches[i] = NULL;
}

static void random_alloc(struct world *w, int cpu)
{
	int i = (int)rnd(NCACHE + 2) - 2;
	unsigned long a;
	int rc;

	if (w->nobj == CAP)
		return;
	if (i < 0)
		rc = mm_kmalloc(w->m, cpu, 1 + rnd(rnd(8) ? 512 : 40000), GFP_KERNEL, &a);
	else if (w->caches[i])
		rc = kmem_cache_alloc(w->m, cpu, w->caches[i], GFP_KERNEL, &a);
	else
		return;
	if (rc == MM_ENOMEM)
		return;
	assert_int_equal(rc, 0);
	w->objs[w->nobj++] = (struct obj){ a, i };
}

static void random_free(struct world *w, int cpu)
{
	int j = (int)rnd((uint64_t)w->nobj);
	struct obj o = w->objs[j];

	if (o.cache < 0 || rnd(3) == 0)
		assert_int_equal(mm_kfree(w->m, cpu, o.addr), 0);
	else
		assert_int_equal(kmem_cache_free(w->m, cpu, w->caches[o.cache], o.addr), 0);
	w->objs[j] = w->objs[--w->nobj];
	if (rnd(20) == 0) /* a double free is caught and changes nothing */
		assert_int_not_equal(mm_kfree(w->m, cpu, o.addr), 0);
}

static void random_slab_op(struct world *w)
{
	uint64_t r = rnd(1000);
	int cpu = (int)rnd((uint64_t)w->m->nr_cpus);

	if (r < 460)
		random_alloc(w, cpu);
	else if (r < 930 && w->nobj)
		random_free(w, cpu);
	else if (r < 960)
		mm_tick(w->m, 1 + rnd(HZ));
	else if (r < 975) {
		int i = (int)rnd(NCACHE);

		if (w->caches[i])
			kmem_cache_shrink(w->m, w->caches[i]);
	} else if (r < 985)
		random_create_or_destroy(w);
	else if (w->nobj) { /* a page-level allocation beside the slabs */
		struct mm_alloc_result res;

		if (mm_alloc_pages(w->m, cpu, GFP_KERNEL, (unsigned)rnd(4), 0, &res) == 0)
			assert_int_equal(mm_free_pages(w->m, cpu, res.pfn, -1), 0);
	}
}

/* any printk about a broken invariant at a stage point fails the test */
static void watch_stages(struct mm_machine *m, const struct mm_event *ev, void *ctx)
{
	(void)m;
	(void)ctx;
	if (ev->type == MM_EV_PRINTK && strstr(ev->text, "invariant broken"))
		fail_msg("%s", ev->text);
}

static void random_run(long ops, int every_stage)
{
	struct world *w = calloc(1, sizeof(*w));
	struct mm_machine_desc d;
	char err[256];

	assert_int_equal(mm_desc_parse(&d, "cpus 2\nzone Normal start_pfn=0 pages=0x1400\n"
				       "reserved 0x0-0xff\n", "small", err, sizeof(err)), 0);
	w->m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(w->m);
	if (every_stage) {
		w->m->check_stages = 1;
		mm_update_watch(w->m);
		mm_set_observer(w->m, watch_stages, NULL, MM_EV_BIT(MM_EV_PRINTK));
	}
	for (long i = 0; i < ops; i++) {
		random_slab_op(w);
		if (mm_check(w->m)) {
			fprintf(stderr, "op %ld: %s\n", i, w->m->err);
			fail();
		}
	}
	free(w->m ? (mm_machine_destroy(w->m), w) : w);
}

static void test_random_ops(void **state)
{
	const char *env = getenv("MM_TEST_OPS");

	(void)state;
	random_run(env ? atol(env) / 2 : 500000, 0);
}

/* fewer operations, the checker at every stage point inside them */
static void test_random_ops_every_stage(void **state)
{
	const char *env = getenv("MM_TEST_OPS");

	(void)state;
	random_run(env ? atol(env) / 100 : 3000, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_bootstrap_order),
		cmocka_unit_test(test_alloc_order_and_colour),
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(test_flush_to_shared),
		cmocka_unit_test(test_reap),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_kmalloc_mapping),
		cmocka_unit_test(test_slab_none),
		cmocka_unit_test(test_random_ops),
		cmocka_unit_test(test_random_ops_every_stage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
