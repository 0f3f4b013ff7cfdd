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

static void print_strip(struct cmd_ctx *c, const struct mm_slab_view *s)
{
	unsigned int i;

	for (i = 0; i < s->num; i++) {
		if (i % STRIP_WIDTH == 0)
			cmd_puts(c, i ? "\n    " : "    ");
		cmd_printf(c, "%c", s->obj_state ? obj_char(s->obj_state[i]) : '?');
	}
	cmd_puts(c, "\n");
}

static void print_slab(struct cmd_ctx *c, const struct mm_slab_view *s)
{
	cmd_printf(c, "  pfn 0x%lx colouroff %lu s_mem 0x%lx inuse %u/%u",
		   s->pfn, s->colouroff, s->s_mem, s->inuse, s->num);
	if (s->free == BUFCTL_END)
		cmd_puts(c, " free BUFCTL_END");
	else
		cmd_printf(c, " free %u", s->free);
	if (s->desc)
		cmd_printf(c, " desc 0x%lx", s->desc);
	cmd_puts(c, "\n");
	print_strip(c, s);
}

/* a node list, head first; a long one as its first and last slabs */
static void print_slab_list(struct cmd_ctx *c, const struct mm_cache_view *k,
			    enum slab_list l)
{
	unsigned long nr = k->slab.nr_slabs[l], i = 0;
	struct mm_slab_view s;
	unsigned int id;

	cmd_printf(c, "%s: %lu slab%s\n", list_name(l), nr, nr == 1 ? "" : "s");
	for (id = mm_view_slab_first(c->m, k->id, l); id && i < nr;
	     id = mm_view_slab_next(c->m, id), i++) {
		if (nr > SLABS_SHOWN && i == SLABS_SHOWN / 2)
			cmd_printf(c, "  ... (%lu more)\n", nr - SLABS_SHOWN);
		if (nr > SLABS_SHOWN && i >= SLABS_SHOWN / 2 &&
		    i < nr - SLABS_SHOWN / 2)
			continue;
		if (mm_view_slab(c->m, id, &s) == 0)
			print_slab(c, &s);
	}
}

/* entries [from, to), ENTRIES_PER_LINE to a line led by the first index */
static void print_run(struct cmd_ctx *c, const struct mm_array_view *ac,
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

static void print_entries(struct cmd_ctx *c, const struct mm_array_view *ac)
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

/* cpu -1: the shared array */
static void print_array(struct cmd_ctx *c, const char *who, int cache_id, int cpu)
{
	struct mm_array_view ac;

	if (mm_view_array(c->m, cache_id, cpu, &ac)) {
		cmd_printf(c, "%s: none\n", who);
		return;
	}
	cmd_printf(c, "%s: avail %u limit %u", who, ac.avail, ac.limit);
	if (cpu >= 0)
		cmd_printf(c, " batchcount %u", ac.batchcount);
	cmd_printf(c, " touched %u%s\n", ac.touched,
		   ac.avail ? " (bottom to top)" : "");
	print_entries(c, &ac);
}

/* slab CACHE */
int cmd_slab(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	struct mm_cache_view k;
	char who[32];
	int id, cpu;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_cache(c, argv[1], &id))
		return 1;
	cmd_cache_geometry(c, id);
	if (mm_view_cache(c->m, id, &k) || !k.slab.has_node)
		return 0;
	mm_view_machine(c->m, &mv);
	cmd_printf(c, "node 0: free_objects %lu free_limit %u colour_next %u "
		   "free_touched %d next_reap %lu (jiffies %llu)\n",
		   k.slab.free_objects, k.slab.free_limit, k.slab.colour_next,
		   k.slab.free_touched, k.slab.next_reap, mv.jiffies);
	print_slab_list(c, &k, SLABS_FULL);
	print_slab_list(c, &k, SLABS_PARTIAL);
	print_slab_list(c, &k, SLABS_FREE);
	for (cpu = 0; cpu < mv.nr_cpus; cpu++) {
		snprintf(who, sizeof(who), "cpu%d array_cache", cpu);
		print_array(c, who, id, cpu);
	}
	print_array(c, "shared array_cache", id, -1);
	return 0;
}

/* ---- show object ADDR ---------------------------------------------------- */

static void object_state(struct cmd_ctx *c, const struct mm_object_view *o)
{
	switch (o->state) {
	case OBJ_FREE:
		cmd_puts(c, "free in its slab\n");
		break;
	case OBJ_CACHED:
		if (o->where_cpu >= 0)
			cmd_printf(c, "cached in cpu%d's array_cache\n", o->where_cpu);
		else
			cmd_puts(c, "cached in the shared array_cache\n");
		break;
	case OBJ_ALLOCATED:
		cmd_puts(c, "allocated\n");
		break;
	default:
		cmd_printf(c, "state %d\n", o->state);
		break;
	}
}

int show_object(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_object_view o;
	struct mm_cache_view k;
	struct mm_slab_view s;
	unsigned long addr;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_addr(c, argv[1], &addr))
		return 1;
	if (mm_view_object(c->m, addr, &o) || mm_view_cache(c->m, o.cache_id, &k) ||
	    mm_view_slab(c->m, o.slab_id, &s))
		return cmd_error(c, "0x%lx: not a slab object", addr);
	cmd_printf(c, "0x%lx: object %u of %u in cache %s", addr, o.index,
		   k.objs_per_slab, k.name);
	if (o.obj != addr)
		cmd_printf(c, " (+%lu into the object at 0x%lx)", addr - o.obj,
			   o.obj);
	cmd_puts(c, "\n");
	cmd_printf(c, "  object     0x%lx-0x%lx (object_size %u, size %u)\n",
		   o.obj, o.obj + k.size - 1, k.object_size, k.size);
	cmd_printf(c, "  slab       pfn 0x%lx s_mem 0x%lx inuse %u/%u on %s\n",
		   s.pfn, s.s_mem, s.inuse, k.objs_per_slab, list_name(s.list));
	cmd_puts(c, "  state      ");
	object_state(c, &o);
	return 0;
}

/* ---- show page PFN: a slab page ------------------------------------------ */

void cmd_show_slab_page(struct cmd_ctx *c, unsigned long pfn)
{
	struct mm_machine_view mv;
	struct mm_page_cell cell;
	struct mm_cache_view k;
	struct mm_slab_view s;
	unsigned int id;

	if (mm_view_page_cell(c->m, pfn, &cell) || !(cell.flags & PG_slab))
		return;
	id = mm_view_page_slab(c->m, pfn);
	if (!id || mm_view_slab(c->m, id, &s) || mm_view_cache(c->m, s.cache_id, &k)) {
		cmd_puts(c, "  slab       ? (PG_slab without a slab)\n");
		return;
	}
	mm_view_machine(c->m, &mv);
	cmd_printf(c, "  address    0x%lx\n", mv.page_offset + (pfn << PAGE_SHIFT));
	cmd_printf(c, "  slab       cache %s, page %lu of %u of the slab at pfn "
		   "0x%lx, inuse %u/%u on %s\n", k.name, pfn - s.pfn,
		   1u << k.order, s.pfn, s.inuse, k.objs_per_slab, list_name(s.list));
}
