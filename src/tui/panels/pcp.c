/*
 * pcp.c (panel) - the per-cpu page lists of the selected zone
 * (zone->pageset[cpu].pcp): count/high/batch, and for the cpu in detail
 * (v->cpu) each migrate type's list from its hot end (the head, what the
 * next order-0 allocation takes and where a hot free goes) to its cold end
 * (the tail, where __GFP_COLD takes and free_pcppages_bulk drains from).
 * A long list shows its hot pages, then "…+N…" for those left out, then
 * its coldest page.  The other cpus take one summary line each.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth, also when built without pkg-config's flags */
#endif
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "model_panel.h"

#define PCP_NAME_W 12 /* "Reclaimable " */
#define PCP_WIDE 56   /* narrower, the list names shrink to their letters */

static const struct panel_key pcp_keys[] = {
	{ "Left/Right, c", "choose the cpu shown in detail" },
	{ "z / Z", "next / previous zone" },
	{ NULL, NULL },
};

static int nr_cpus(const struct tui_view *v)
{
	struct mm_machine_view mv;

	mm_view_machine(v->c->m, &mv);
	return mv.nr_cpus;
}

static int detail_cpu(const struct tui_view *v)
{
	int n = nr_cpus(v);

	return v->cpu < 0 ? 0 : v->cpu >= n ? n - 1 : v->cpu;
}

/* the list's first pfns in order (head first), at most max; how many */
static int collect_pfns(const struct mm_machine *m, uint32_t list, unsigned long *pfn, int max)
{
	int n = 0;

	for (unsigned long p = mm_view_list_first(m, list); p != MM_NOPFN && n < max;
	     p = mm_view_list_next(m, p))
		pfn[n++] = p;
	return n;
}

/* '…' where the locale can show it, else three dots */
static const char *ellipsis(void)
{
	return wcwidth(0x2026) == 1 ? "…" : "...";
}

/* hot pfns that fit in width w, keeping room for "…+N… 0xtail" */
static int hot_pfns_that_fit(const unsigned long *pfn, int shown, unsigned long total,
			     unsigned long tail, int w)
{
	char tailtxt[64];
	int used = 0, k = 0;

	snprintf(tailtxt, sizeof(tailtxt), " %s+%lu%s 0x%lx", ellipsis(), total, ellipsis(),
		 tail);
	for (; k < shown; k++) {
		int n = snprintf(NULL, 0, "%s0x%lx", k ? " " : "", pfn[k]);

		if (used + n + utf8_width(tailtxt) > w)
			break;
		used += n;
	}
	return k;
}

static int put_pfns(struct canvas *cv, struct rect r, int col, int row,
		    const unsigned long *pfn, int n)
{
	for (int i = 0; i < n; i++)
		col += rect_printf(cv, r, col, row, ROLE_PAGE_PCP, "%s0x%lx", i ? " " : "",
				   pfn[i]);
	return col;
}

/*
 * pfns head (hot) first.  A list too long for the line keeps its hot end,
 * then "…+N…" for the pages left out, then its coldest page; on a very
 * narrow line the head alone stays, with "…+N" for the rest.
 */
static void draw_list_pfns(struct canvas *cv, struct rect r, int col, int row,
			   const struct mm_machine *m, uint32_t list)
{
	unsigned long nr = mm_view_list_count(m, list), tail = mm_view_list_last(m, list);
	unsigned long pfn[256];
	int n = collect_pfns(m, list, pfn, (int)(sizeof(pfn) / sizeof(pfn[0])));
	int all_w = 0, k;

	for (k = 0; k < n; k++)
		all_w += snprintf(NULL, 0, "%s0x%lx", k ? " " : "", pfn[k]);
	if (n == (int)nr && col + all_w <= r.w) {
		put_pfns(cv, r, col, row, pfn, n);
		return;
	}
	k = hot_pfns_that_fit(pfn, n, nr, tail, r.w - col);
	if (!k) {
		col = put_pfns(cv, r, col, row, pfn, 1);
		rect_printf(cv, r, col, row, ROLE_DIM, " %s+%lu", ellipsis(), nr - 1);
		return;
	}
	col = put_pfns(cv, r, col, row, pfn, k);
	col += rect_printf(cv, r, col, row, ROLE_DIM, " %s+%lu%s", ellipsis(),
			   nr - (unsigned long)k - 1, ellipsis());
	rect_printf(cv, r, col, row, ROLE_PAGE_PCP, " 0x%lx", tail);
}

static int draw_counts(struct canvas *cv, struct rect r, int col, int row,
		       const struct mm_pcp_view *pcp)
{
	return col + rect_printf(cv, r, col, row, ROLE_DEFAULT, "count %d  high %d  batch %d",
				 pcp->count, pcp->high, pcp->batch);
}

/* the cpu in detail: counts, then a line per list; returns rows used */
static int draw_detail(struct canvas *cv, struct rect r, int row, const struct mm_machine *m,
		       int zone, int cpu)
{
	struct mm_pcp_view pcp;
	int col, start = row;

	mm_view_pcp(m, cpu, zone, &pcp);
	col = rect_printf(cv, r, 0, row, ROLE_SELECTED, "cpu%d", cpu);
	col = draw_counts(cv, r, col + 2, row, &pcp);
	if (col + 16 <= r.w)
		rect_printf(cv, r, r.w - 12, row, ROLE_DIM, "hot %s cold",
			    wcwidth(0x2192) == 1 ? "→" : "->");
	row++;
	for (int mt = 0; mt < MIGRATE_PCPTYPES && row < r.h; mt++, row++) {
		uint32_t list = pcp.list[mt];
		char name[24];

		if (r.w >= PCP_WIDE)
			snprintf(name, sizeof(name), " %-*s", PCP_NAME_W - 1, migratetype_names[mt]);
		else
			snprintf(name, sizeof(name), " %c", migratetype_letter(mt));
		col = rect_put(cv, r, 0, row, role_for_migratetype(mt), 0, name);
		col += rect_printf(cv, r, col, row, ROLE_DEFAULT, "%4u ",
				   (unsigned)pcp.list_count[mt]);
		draw_list_pfns(cv, r, col, row, m, list);
	}
	return row - start;
}

/* another cpu: "cpu1  count 3  high 186  batch 31  U 0 E 0 M 3" */
static void draw_summary(struct canvas *cv, struct rect r, int row, const struct mm_machine *m,
			 int zone, int cpu)
{
	struct mm_pcp_view pcp;
	int col = rect_printf(cv, r, 0, row, ROLE_DEFAULT, "cpu%d", cpu);

	mm_view_pcp(m, cpu, zone, &pcp);
	col = draw_counts(cv, r, col + 2, row, &pcp) + 1;
	for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
		col += rect_printf(cv, r, col, row, role_for_migratetype(mt), " %c %u",
				   migratetype_letter(mt), (unsigned)pcp.list_count[mt]);
}

static void pcp_draw(void *self, struct tui_view *v, struct canvas *cv,
		     struct rect r, int focused)
{
	int zone = view_zone_idx(v), cpu, ncpus, row = 0;
	struct mm_pcp_view pcp;
	struct mm_zone_view z;
	const struct mm_machine *m;

	(void)self;
	(void)focused;
	if (draw_too_small(cv, r, panel_pcp.min_w, panel_pcp.min_h))
		return;
	rect_clear(cv, r);
	/* no zone to show, or one without per-cpu pagesets */
	if (zone < 0 || mm_view_pcp(v->c->m, 0, zone, &pcp)) {
		rect_put(cv, r, 0, 0, ROLE_DIM, 0, "no populated zone");
		return;
	}
	m = v->c->m;
	mm_view_zone(m, zone, &z);
	ncpus = nr_cpus(v);
	cpu = detail_cpu(v);
	if (r.h > MIGRATE_PCPTYPES + 1)
		rect_printf(cv, r, 0, row++, ROLE_TITLE, "zone %s  %d cpus", z.name, ncpus);
	row += draw_detail(cv, r, row, m, zone, cpu);
	for (int c = 0; c < ncpus && row < r.h; c++)
		if (c != cpu)
			draw_summary(cv, r, row++, m, zone, c);
}

static int pcp_key(void *self, struct tui_view *v, int key)
{
	int n = nr_cpus(v);

	(void)self;
	switch (key) {
	case TK_LEFT:
		v->cpu = (detail_cpu(v) + n - 1) % n;
		return PANEL_HANDLED | PANEL_REDRAW;
	case TK_RIGHT:
	case 'c':
		v->cpu = (detail_cpu(v) + 1) % n;
		return PANEL_HANDLED | PANEL_REDRAW;
	case 'z':
	case 'Z':
		view_step_zone(v, key == 'z' ? 1 : -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		return PANEL_IGNORED;
	}
}

const struct panel_ops panel_pcp = {
	.name = "pcp",
	.title = "per-cpu pages",
	.draw = pcp_draw,
	.key = pcp_key,
	.keys = pcp_keys,
	.min_w = 30,
	.min_h = MIGRATE_PCPTYPES + 1,
};
