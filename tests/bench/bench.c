/*
 * bench.c - the figures `make bench` prints: the cost of the fast paths
 * and of booting a large machine.  Nothing here asserts; tests do that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mm.h"

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static struct mm_machine *boot(const char *preset, double *ns)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;
	double t0;

	if (mm_desc_preset(&d, preset)) {
		fprintf(stderr, "bench: no preset %s\n", preset);
		exit(1);
	}
	t0 = now_ns();
	m = mm_machine_create(&d, err, sizeof(err));
	*ns = now_ns() - t0;
	if (!m) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	return m;
}

/* alloc + free of one block, n times; the pfn is folded in so the loop stays */
static double pair_ns(struct mm_machine *m, gfp_t gfp, unsigned order, long n)
{
	struct mm_alloc_result r;
	unsigned long sum = 0;
	double t0 = now_ns();

	for (long i = 0; i < n; i++) {
		if (mm_alloc_pages(m, 0, gfp, order, MM_OWNER(OWNER_KERNEL, 0), &r)) {
			fprintf(stderr, "bench: allocation failed: %s\n", m->err);
			exit(1);
		}
		sum += r.pfn;
		mm_free_pages(m, 0, r.pfn, (int)order);
	}
	if (sum == 1)
		printf("\n");
	return (now_ns() - t0) / (double)n;
}

/* kmem_cache_alloc + kmem_cache_free, n times: every one an array hit */
static double slab_pair_ns(struct mm_machine *m, struct kmem_cache *c, long n)
{
	unsigned long a, sum = 0;
	double t0 = now_ns();

	for (long i = 0; i < n; i++) {
		mm_kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a);
		sum += a;
		mm_kmem_cache_free(m, 0, c, a);
	}
	if (sum == 1)
		printf("\n");
	return (now_ns() - t0) / (double)n;
}

/* allocate n objects (refills, new slabs), then shrink: ns per object */
static double slab_grow_ns(struct mm_machine *m, struct kmem_cache *c, long n, int rounds)
{
	unsigned long *a = malloc((size_t)n * sizeof(*a));
	double t0 = now_ns();

	for (int r = 0; r < rounds; r++) {
		for (long i = 0; i < n; i++)
			mm_kmem_cache_alloc(m, 0, c, GFP_KERNEL, &a[i]);
		for (long i = 0; i < n; i++)
			mm_kmem_cache_free(m, 0, c, a[i]);
		mm_kmem_cache_shrink(m, c);
	}
	free(a);
	return (now_ns() - t0) / (double)(n * rounds);
}

int main(void)
{
	double boot_ns, boot4_ns;
	struct mm_machine *m = boot("x86_64-64g", &boot_ns);
	struct mm_machine *m4 = boot("x86_64-4g", &boot4_ns);
	double bytes = (double)m->max_pfn * sizeof(struct page) +
		       (double)(m->max_pfn >> m->pageblock_order) + (double)m->nr_sections;
	double o0, o3;

	pair_ns(m4, GFP_KERNEL, 0, 100000); /* warm the pcp list */
	o0 = pair_ns(m4, GFP_KERNEL, 0, 5000000);
	o3 = pair_ns(m4, GFP_KERNEL, 3, 2000000);
	printf("order-0 alloc+free pair (pcp hit)  %8.1f ns   (target < 50 ns)\n", o0);
	printf("order-3 alloc+free pair (buddy)    %8.1f ns\n", o3);
	{
		struct kmem_cache *c;

		if (mm_kmem_cache_create(m4, "bench", 200, 0, SLAB_HWCACHE_ALIGN, 0, &c)) {
			fprintf(stderr, "bench: %s\n", m4->err);
			return 1;
		}
		slab_pair_ns(m4, c, 100000);
		printf("kmem_cache_alloc+free (array hit)  %8.1f ns   (target < 30 ns)\n",
		       slab_pair_ns(m4, c, 5000000));
		printf("alloc+free via refill/grow/shrink  %8.1f ns per object\n",
		       slab_grow_ns(m4, c, 20000, 20));
	}
	printf("boot x86_64-4g                     %8.2f ms\n", boot4_ns / 1e6);
	printf("boot x86_64-64g                    %8.2f ms   (target < 500 ms)\n", boot_ns / 1e6);
	printf("bytes per page x86_64-64g          %8.2f      (struct page %zu B; target <= 32)\n",
	       bytes / (double)m->max_pfn, sizeof(struct page));
	mm_machine_destroy(m);
	mm_machine_destroy(m4);
	return 0;
}
