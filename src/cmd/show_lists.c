/*
 * show_lists.c - show freelists, show pcp, show pageblocks: the buddy free
 * lists (zone->free_area[order].free_list[type]), the per-cpu lists
 * (pageset[cpu].pcp.lists[type]) and the pageblock migrate types.
 *
 * Lists are read with mm_walk_list, head first.  A long list prints its
 * first pfns and, for pcp lists, whose cold end matters, its last ones.
 * The free-list view closes as crash's `kmem -f` does: the pages on all
 * lists are summed and compared with the zone's NR_FREE_PAGES (pages on
 * the Isolate lists are not counted there, as in the kernel).
 */
#include <string.h>

#include "internal.h"

#define SAMPLE_MAX 8

/* The first nhead pfns of a list and its last ntail (a ring). */
struct pfn_sample {
	unsigned long head[SAMPLE_MAX], tail[SAMPLE_MAX];
	size_t nhead, ntail;
	unsigned long n;
};

static int sample_cb(struct mm_machine *m, unsigned long pfn, void *data)
{
	struct pfn_sample *s = data;

	(void)m;
	if (s->n < s->nhead)
		s->head[s->n] = pfn;
	if (s->ntail)
		s->tail[s->n % s->ntail] = pfn;
	s->n++;
	return !s->ntail && s->n >= s->nhead; /* nothing more to keep */
}

/* Print a list's pfns: nhead from the head, "... (N more)", ntail. */
static void print_list(struct cmd_ctx *c, uint32_t list, size_t nhead,
		       size_t ntail)
{
	struct pfn_sample s = { .nhead = nhead, .ntail = ntail };
	unsigned long nr = mm_list_head(c->m, list)->nr, k;

	mm_walk_list(c->m, list, sample_cb, &s);
	if (s.n < nr)
		s.n = nr; /* the walk stopped early */
	for (k = 0; k < s.n && k < nhead; k++)
		cmd_printf(c, " 0x%lx", s.head[k]);
	if (s.n <= nhead)
		return;
	if (s.n > nhead + ntail) {
		cmd_printf(c, " ... (%lu more)%s", s.n - nhead - ntail,
			   ntail ? " ..." : "");
		k = s.n - ntail;
	}
	for (; k < s.n; k++)
		cmd_printf(c, " 0x%lx", s.tail[k % ntail]);
}

/* ---- show freelists ------------------------------------------------------ */

struct fl_filter {
	struct zone *zone; /* NULL: every populated zone */
	int order, mt;     /* -1: all */
};

static int fl_parse(struct cmd_ctx *c, int argc, char **argv,
		    struct fl_filter *f)
{
	f->zone = NULL;
	f->order = f->mt = -1;
	if (cmd_nargs(c, argc, 0, 3))
		return 1;
	if (argc > 1 && strcmp(argv[1], "all") != 0 &&
	    cmd_arg_zone(c, argv[1], &f->zone))
		return 1;
	if (argc > 2 && strcmp(argv[2], "all") != 0 &&
	    cmd_arg_order(c, argv[2], &f->order))
		return 1;
	if (argc > 3 && strcmp(argv[3], "all") != 0 &&
	    cmd_arg_migratetype(c, argv[3], &f->mt))
		return 1;
	return 0;
}

/* Pages on the zone's counted free lists: every type but Isolate. */
static unsigned long fl_sum(struct mm_machine *m, struct zone *z)
{
	unsigned long sum = 0;
	int o, t;

	for (o = 0; o < MAX_ORDER; o++)
		for (t = 0; t < MIGRATE_TYPES; t++)
			if (t != MIGRATE_ISOLATE)
				sum += (unsigned long)mm_list_head(
					       m, z->free_area[o].free_list[t])->nr
				       << o;
	return sum;
}

/* One order and type; returns whether it printed a row. */
static int fl_row(struct cmd_ctx *c, struct zone *z, int o, int t)
{
	uint32_t id = z->free_area[o].free_list[t];
	unsigned long nr = mm_list_head(c->m, id)->nr;

	if (!nr)
		return 0;
	cmd_printf(c, "%5d %6luk  %-11s %7lu %8lu ", o,
		   (PAGE_SIZE << o) >> 10, migratetype_names[t], nr, nr << o);
	print_list(c, id, SAMPLE_MAX, 0);
	cmd_puts(c, "\n");
	return 1;
}

static void fl_zone(struct cmd_ctx *c, struct zone *z, const struct fl_filter *f)
{
	long nr_free = z->vm_stat[NR_FREE_PAGES];
	unsigned long sum = fl_sum(c->m, z);
	int o, t, rows = 0;

	cmd_printf(c, "ZONE %s  start_pfn 0x%lx  free %ld pages\n", z->name,
		   z->zone_start_pfn, nr_free);
	cmd_printf(c, "%5s %7s  %-11s %7s %8s  %s\n", "ORDER", "SIZE", "TYPE",
		   "BLOCKS", "PAGES", "PFNS (head first)");
	for (o = 0; o < MAX_ORDER; o++)
		for (t = 0; t < MIGRATE_TYPES; t++)
			if ((f->order < 0 || f->order == o) &&
			    (f->mt < 0 || f->mt == t))
				rows += fl_row(c, z, o, t);
	if (!rows)
		cmd_puts(c, "    (no free blocks)\n");
	if (nr_free >= 0 && (unsigned long)nr_free == sum)
		cmd_printf(c, "nr_free_pages %ld (verified)\n", nr_free);
	else
		cmd_printf(c, "nr_free_pages %ld MISMATCH (free lists hold %lu)\n",
			   nr_free, sum);
}

int show_freelists(struct cmd_ctx *c, int argc, char **argv)
{
	struct fl_filter f;
	int i, first = 1;

	if (fl_parse(c, argc, argv, &f))
		return 1;
	for (i = 0; i < c->m->node.nr_zones; i++) {
		struct zone *z = &c->m->node.node_zones[i];

		if (f.zone ? f.zone != z : !populated_zone(z))
			continue;
		if (!first)
			cmd_puts(c, "\n");
		first = 0;
		fl_zone(c, z, &f);
	}
	return 0;
}

/* ---- show pcp ------------------------------------------------------------ */

static void pcp_zone(struct cmd_ctx *c, int cpu, struct zone *z)
{
	struct per_cpu_pages *pcp = &z->pageset[cpu].pcp;
	int t;

	cmd_printf(c, "  zone %-8s count %d  high %d  batch %d\n", z->name,
		   pcp->count, pcp->high, pcp->batch);
	for (t = 0; t < MIGRATE_PCPTYPES; t++) {
		cmd_printf(c, "    %-11s %4u:", migratetype_names[t],
			   mm_list_head(c->m, pcp->lists[t])->nr);
		print_list(c, pcp->lists[t], 6, 2);
		cmd_puts(c, "\n");
	}
}

int show_pcp(struct cmd_ctx *c, int argc, char **argv)
{
	int cpu, lo = 0, hi = c->m->nr_cpus - 1, i;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc > 1) {
		if (cmd_arg_cpu(c, argv[1], &lo))
			return 1;
		hi = lo;
	}
	for (cpu = lo; cpu <= hi; cpu++) {
		cmd_printf(c, "cpu%d (pfns from the hot head to the cold tail)\n",
			   cpu);
		for (i = 0; i < c->m->node.nr_zones; i++)
			if (populated_zone(&c->m->node.node_zones[i]))
				pcp_zone(c, cpu, &c->m->node.node_zones[i]);
	}
	return 0;
}

/* ---- show pageblocks ----------------------------------------------------- */

#define PB_PER_LINE 64
static const char pb_chars[MIGRATE_TYPES] = { 'U', 'E', 'M', 'R', 'I' };

/* One pageblock's letter; counts[MIGRATE_TYPES] counts holes. */
static char pb_char(struct mm_machine *m, struct zone *z, unsigned long start,
		    unsigned long counts[])
{
	unsigned long pfn = start < z->zone_start_pfn ? z->zone_start_pfn : start;
	int mt;

	if (!pfn_valid(m, pfn)) {
		counts[MIGRATE_TYPES]++;
		return '.';
	}
	mt = get_pageblock_migratetype(m, pfn);
	if (mt >= MIGRATE_TYPES)
		return '?';
	counts[mt]++;
	return pb_chars[mt];
}

static void pb_zone(struct cmd_ctx *c, struct zone *z)
{
	struct mm_machine *m = c->m;
	unsigned long nr = m->pageblock_nr_pages, end = zone_end_pfn(z);
	unsigned long pfn = z->zone_start_pfn & ~(nr - 1);
	unsigned long counts[MIGRATE_TYPES + 1] = { 0 };
	int col = 0, t;

	cmd_printf(c, "ZONE %s  pfns 0x%lx-0x%lx  pageblocks of %lu pages\n",
		   z->name, z->zone_start_pfn, end ? end - 1 : 0, nr);
	for (; pfn < end; pfn += nr) {
		if (col == 0)
			cmd_printf(c, "0x%07lx ", pfn);
		cmd_printf(c, "%c", pb_char(m, z, pfn, counts));
		if (++col == PB_PER_LINE) {
			cmd_puts(c, "\n");
			col = 0;
		}
	}
	if (col)
		cmd_puts(c, "\n");
	for (t = 0; t < MIGRATE_TYPES; t++)
		cmd_printf(c, "%s%c %s %lu", t ? "  " : "", pb_chars[t],
			   migratetype_names[t], counts[t]);
	cmd_printf(c, "  . hole %lu\n", counts[MIGRATE_TYPES]);
}

int show_pageblocks(struct cmd_ctx *c, int argc, char **argv)
{
	struct zone *only = NULL;
	int i, first = 1;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc > 1 && strcmp(argv[1], "all") != 0 &&
	    cmd_arg_zone(c, argv[1], &only))
		return 1;
	for (i = 0; i < c->m->node.nr_zones; i++) {
		struct zone *z = &c->m->node.node_zones[i];

		if (only ? only != z : !populated_zone(z))
			continue;
		if (!first)
			cmd_puts(c, "\n");
		first = 0;
		pb_zone(c, z);
	}
	return 0;
}
