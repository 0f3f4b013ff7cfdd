/*
 * show_slab.c - views of the SLAB allocator: `slab CACHE` (a cache's
 * geometry, its node's three slab lists with each slab's objects, the
 * per-cpu and shared array caches), `show object ADDR` and the slab lines
 * of `show page PFN`.
 *
 * A slab prints as one line (first pfn, colouroff, s_mem, inuse/num) and
 * an occupancy strip, one character per object in address order, read
 * from the model's slab->state[]:
 *
 *   .  free in the slab (on its bufctl chain)
 *   c  cached: out of the slab, sitting in a per-cpu or the shared array
 *   #  allocated to a caller
 *
 * Array caches print bottom (entry[0], the oldest, flushed first) to top
 * (entry[avail - 1], the next object handed out).  Long lists and arrays
 * show both ends, since both ends matter: refill and free take slabs at
 * the head, drain_freelist at the tail of slabs_free.
 */
#include <string.h>

#include "internal.h"

#define SLABS_SHOWN 8   /* a longer list shows its first and last 4 */
#define ENTRIES_SHOWN 12 /* a longer array shows its first and last 4 */
#define ENTRIES_PER_LINE 4
#define STRIP_WIDTH 64

static const char *const slab_list_names[] = {
	[SLABS_PARTIAL] = "slabs_partial",
	[SLABS_FULL] = "slabs_full",
	[SLABS_FREE] = "slabs_free",
	[SLABS_NONE] = "no list",
};

static const char *list_name(enum slab_list l)
{
	return (unsigned int)l <= SLABS_NONE ? slab_list_names[l] : "?";
}

static char obj_char(uint8_t state)
{
	switch (state) {
	case OBJ_FREE:
		return '.';
	case OBJ_CACHED:
		return 'c';
	case OBJ_ALLOCATED:
		return '#';
	default:
		return '?';
	}
}

static void print_strip(struct cmd_ctx *c, const struct slab *s,
			unsigned int num)
{
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (i % STRIP_WIDTH == 0)
			cmd_puts(c, i ? "\n    " : "    ");
		cmd_printf(c, "%c", s->state ? obj_char(s->state[i]) : '?');
	}
	cmd_puts(c, "\n");
}

static void print_slab(struct cmd_ctx *c, const struct kmem_cache *k,
		       const struct slab *s)
{
	cmd_printf(c, "  pfn 0x%lx colouroff %lu s_mem 0x%lx inuse %u/%u",
		   s->pfn, s->colouroff, s->s_mem, s->inuse, k->num);
	if (s->free == BUFCTL_END)
		cmd_puts(c, " free BUFCTL_END");
	else
		cmd_printf(c, " free %u", s->free);
	if (s->desc)
		cmd_printf(c, " desc 0x%lx", s->desc);
	cmd_puts(c, "\n");
	print_strip(c, s, k->num);
}

/* a node list, head first; a long one as its first and last slabs */
static void print_slab_list(struct cmd_ctx *c, const struct kmem_cache *k,
			    enum slab_list l)
{
	const struct slab_list_head *h = &k->node->slabs[l];
	uint32_t id = h->head, i;
	struct slab *s;

	cmd_printf(c, "%s: %u slab%s\n", list_name(l), h->nr, h->nr == 1 ? "" : "s");
	for (i = 0; i < h->nr && (s = mm_slab_by_id(c->m, id)); i++, id = s->next) {
		if (h->nr > SLABS_SHOWN && i == SLABS_SHOWN / 2)
			cmd_printf(c, "  ... (%u more)\n", h->nr - SLABS_SHOWN);
		if (h->nr > SLABS_SHOWN && i >= SLABS_SHOWN / 2 &&
		    i < h->nr - SLABS_SHOWN / 2)
			continue;
		print_slab(c, k, s);
	}
}

/* entries [from, to), ENTRIES_PER_LINE to a line led by the first index */
static void print_run(struct cmd_ctx *c, const struct array_cache *ac,
		      unsigned int from, unsigned int to)
{
	unsigned int i;

	for (i = from; i < to; i++) {
		if ((i - from) % ENTRIES_PER_LINE == 0)
			cmd_printf(c, "%s    [%u]", i > from ? "\n" : "", i);
		cmd_printf(c, " 0x%lx", ac->entry[i]);
	}
	if (to > from)
		cmd_puts(c, "\n");
}

static void print_entries(struct cmd_ctx *c, const struct array_cache *ac)
{
	unsigned int n = ac->avail;

	if (n <= ENTRIES_SHOWN) {
		print_run(c, ac, 0, n);
		return;
	}
	print_run(c, ac, 0, ENTRIES_PER_LINE);
	cmd_printf(c, "    ... (%u more)\n", n - 2 * ENTRIES_PER_LINE);
	print_run(c, ac, n - ENTRIES_PER_LINE, n);
}

static void print_array(struct cmd_ctx *c, const char *who,
			const struct array_cache *ac, int shared)
{
	if (!ac) {
		cmd_printf(c, "%s: none\n", who);
		return;
	}
	cmd_printf(c, "%s: avail %u limit %u", who, ac->avail, ac->limit);
	if (!shared)
		cmd_printf(c, " batchcount %u", ac->batchcount);
	cmd_printf(c, " touched %u%s\n", ac->touched,
		   ac->avail ? " (bottom to top)" : "");
	print_entries(c, ac);
}

/* slab CACHE */
int cmd_slab(struct cmd_ctx *c, int argc, char **argv)
{
	struct kmem_cache *k;
	struct kmem_cache_node *n;
	char who[32];
	int cpu;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_cache(c, argv[1], &k))
		return 1;
	cmd_cache_geometry(c, k);
	n = k->node;
	if (!n)
		return 0;
	cmd_printf(c, "node 0: free_objects %lu free_limit %u colour_next %u "
		   "free_touched %d next_reap %lu (jiffies %llu)\n",
		   n->free_objects, n->free_limit, n->colour_next,
		   n->free_touched, n->next_reap, c->m->clock);
	print_slab_list(c, k, SLABS_FULL);
	print_slab_list(c, k, SLABS_PARTIAL);
	print_slab_list(c, k, SLABS_FREE);
	for (cpu = 0; cpu < c->m->nr_cpus; cpu++) {
		snprintf(who, sizeof(who), "cpu%d array_cache", cpu);
		print_array(c, who, k->array ? k->array[cpu] : NULL, 0);
	}
	print_array(c, "shared array_cache", n->shared, 1);
	return 0;
}

/* ---- show object ADDR ---------------------------------------------------- */

static void object_state(struct cmd_ctx *c, const struct mm_obj_info *oi)
{
	switch (oi->state) {
	case OBJ_FREE:
		cmd_puts(c, "free in its slab\n");
		break;
	case OBJ_CACHED:
		if (oi->where_cpu >= 0)
			cmd_printf(c, "cached in cpu%d's array_cache\n", oi->where_cpu);
		else
			cmd_puts(c, "cached in the shared array_cache\n");
		break;
	case OBJ_ALLOCATED:
		cmd_puts(c, "allocated\n");
		break;
	default:
		cmd_printf(c, "state %d\n", oi->state);
		break;
	}
}

int show_object(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_obj_info oi;
	unsigned long addr;
	const struct kmem_cache *k;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_addr(c, argv[1], &addr))
		return 1;
	if (mm_obj_info(c->m, addr, &oi) < 0 || !oi.cache || !oi.slab)
		return cmd_error(c, "0x%lx: not a slab object", addr);
	/* which array holds it is looked up by the object's start */
	if (oi.obj != addr && oi.state == OBJ_CACHED)
		mm_obj_info(c->m, oi.obj, &oi);
	k = oi.cache;
	cmd_printf(c, "0x%lx: object %u of %u in cache %s", addr, oi.index,
		   k->num, k->name);
	if (oi.obj != addr)
		cmd_printf(c, " (+%lu into the object at 0x%lx)", addr - oi.obj,
			   oi.obj);
	cmd_puts(c, "\n");
	cmd_printf(c, "  object     0x%lx-0x%lx (object_size %d, size %u)\n",
		   oi.obj, oi.obj + k->size - 1, k->object_size, k->size);
	cmd_printf(c, "  slab       pfn 0x%lx s_mem 0x%lx inuse %u/%u on %s\n",
		   oi.slab->pfn, oi.slab->s_mem, oi.slab->inuse, k->num,
		   list_name(oi.slab->list));
	cmd_puts(c, "  state      ");
	object_state(c, &oi);
	return 0;
}

/* ---- show page PFN: a slab page ------------------------------------------ */

void cmd_show_slab_page(struct cmd_ctx *c, unsigned long pfn)
{
	struct mm_machine *m = c->m;
	struct page *page = pfn_to_page(m, pfn);
	struct slab *s;
	const struct kmem_cache *k;

	if (!(page->flags & PG_slab) || !m->slab)
		return;
	s = mm_slab_by_id(m, page->private);
	if (!s || !s->cache) {
		cmd_puts(c, "  slab       ? (PG_slab without a slab)\n");
		return;
	}
	k = s->cache;
	cmd_printf(c, "  address    0x%lx\n",
		   mm_page_offset(m) + (pfn << PAGE_SHIFT));
	cmd_printf(c, "  slab       cache %s, page %lu of %u of the slab at pfn "
		   "0x%lx, inuse %u/%u on %s\n", k->name, pfn - s->pfn,
		   1u << k->gfporder, s->pfn, s->inuse, k->num, list_name(s->list));
}
