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
	unsigned long nr = mm_view_list_count(c->m, list), k;

	for (unsigned long pfn = mm_view_list_first(c->m, list); pfn != MM_NOPFN;
	     pfn = mm_view_list_next(c->m, pfn))
		if (sample_cb(c->m, pfn, &s))
			break;
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
	int zone;          /* -1: every populated zone */
	int order, mt;     /* -1: all */
};

static int fl_parse(struct cmd_ctx *c, int argc, char **argv,
		    struct fl_filter *f)
{
	f->zone = f->order = f->mt = -1;
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
static unsigned long fl_sum(const struct mm_zone_view *z)
{
	unsigned long sum = 0;
	int o, t;

	for (o = 0; o < MAX_ORDER; o++)
		for (t = 0; t < MIGRATE_TYPES; t++)
			if (t != MIGRATE_ISOLATE)
				sum += z->nr_free_mt[o][t] << o;
	return sum;
}

/* One order and type; returns whether it printed a row. */
static int fl_row(struct cmd_ctx *c, const struct mm_zone_view *z, int o, int t)
{
	uint32_t id = mm_view_free_list(c->m, z->idx, o, t);
	unsigned long nr = z->nr_free_mt[o][t];

	if (!nr)
		return 0;
	cmd_printf(c, "%5d %6luk  %-11s %7lu %8lu ", o,
		   (PAGE_SIZE << o) >> 10, migratetype_names[t], nr, nr << o);
	print_list(c, id, SAMPLE_MAX, 0);
	cmd_puts(c, "\n");
	return 1;
}

static void fl_zone(struct cmd_ctx *c, const struct mm_zone_view *z, const struct fl_filter *f)
{
	long nr_free = mm_view_zone_stat(c->m, z->idx, NR_FREE_PAGES);
	unsigned long sum = fl_sum(z);
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
	struct mm_machine_view mv;
	struct mm_zone_view z;
	struct fl_filter f;
	int i, first = 1;

	if (fl_parse(c, argc, argv, &f))
		return 1;
	mm_view_machine(c->m, &mv);
	for (i = 0; i < mv.nr_zones && mm_view_zone(c->m, i, &z) == 0; i++) {
		if (f.zone >= 0 ? f.zone != i : !z.populated)
			continue;
		if (!first)
			cmd_puts(c, "\n");
		first = 0;
		fl_zone(c, &z, &f);
	}
	return 0;
}

/* ---- show pcp ------------------------------------------------------------ */

static void pcp_zone(struct cmd_ctx *c, int cpu, const struct mm_zone_view *z)
{
	struct mm_pcp_view pcp;
	int t;

	if (mm_view_pcp(c->m, cpu, z->idx, &pcp))
		return;
	cmd_printf(c, "  zone %-8s count %d  high %d  batch %d\n", z->name,
		   pcp.count, pcp.high, pcp.batch);
	for (t = 0; t < pcp.nr_lists; t++) {
		cmd_printf(c, "    %-11s %4u:", migratetype_names[t], (unsigned)pcp.list_count[t]);
		print_list(c, pcp.list[t], 6, 2);
		cmd_puts(c, "\n");
	}
}

int show_pcp(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	struct mm_zone_view z;
	int cpu, lo = 0, hi, i;

	mm_view_machine(c->m, &mv);
	hi = mv.nr_cpus - 1;
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
		for (i = 0; i < mv.nr_zones; i++)
			if (mm_view_zone(c->m, i, &z) == 0 && z.populated)
				pcp_zone(c, cpu, &z);
	}
	return 0;
}

/* ---- show pageblocks ----------------------------------------------------- */

#define PB_PER_LINE 64
static const char pb_chars[MIGRATE_TYPES] = { 'U', 'E', 'M', 'R', 'I' };

/* One pageblock's letter; counts[MIGRATE_TYPES] counts holes. */
static char pb_char(struct mm_machine *m, const struct mm_zone_view *z, unsigned long start,
		    unsigned long counts[])
{
	unsigned long pfn = start < z->zone_start_pfn ? z->zone_start_pfn : start;
	int mt;

	if (!mm_view_pfn_valid(m, pfn)) {
		counts[MIGRATE_TYPES]++;
		return '.';
	}
	mt = mm_view_pageblock_mt(m, pfn);
	if (mt < 0 || mt >= MIGRATE_TYPES)
		return '?';
	counts[mt]++;
	return pb_chars[mt];
}

static void pb_zone(struct cmd_ctx *c, const struct mm_zone_view *z, unsigned long nr)
{
	struct mm_machine *m = c->m;
	unsigned long end = z->zone_start_pfn + z->spanned_pages;
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
	struct mm_machine_view mv;
	struct mm_zone_view z;
	int only = -1;
	int i, first = 1;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc > 1 && strcmp(argv[1], "all") != 0 &&
	    cmd_arg_zone(c, argv[1], &only))
		return 1;
	mm_view_machine(c->m, &mv);
	for (i = 0; i < mv.nr_zones && mm_view_zone(c->m, i, &z) == 0; i++) {
		if (only >= 0 ? only != i : !z.populated)
			continue;
		if (!first)
			cmd_puts(c, "\n");
		first = 0;
		pb_zone(c, &z, mv.pageblock_nr_pages);
	}
	return 0;
}
