/*
 * free_area.c (panel) - the selected zone's buddy lists as
 * /proc/pagetypeinfo counts them: a row per migrate type, a column per
 * order, each cell the number of free blocks on free_area[order].
 * free_list[type], and below them nr_free per order (the /proc/buddyinfo
 * line).  The counts are a heat map (ROLE_HEAT0..4 by decimal magnitude:
 * 0, 1-9, 10-99, 100-999, more), and a cell whose list the last command
 * touched is drawn in ROLE_HIGHLIGHT with a '*' in front, for as long as
 * the view keeps changed_until, so a split cascading down the orders or
 * a merge climbing up them can be watched (and seen without colour).
 *
 * Columns are as wide as their largest number needs, so the table fits
 * the 38 columns a half-width panel has at 80x24; only when even that is
 * too wide do large counts shrink to "12k".  'p' shows pages instead of
 * blocks (count << order), which tells where the free memory actually is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_panel.h"

#define NAME_W 12 /* "Reclaimable " */
#define MIN_CELL 2 /* gap + one digit */

struct free_area_panel {
	int pages; /* show pages (count << order) instead of blocks */
};

static const struct panel_key free_area_keys[] = {
	{ "p", "toggle blocks / pages per cell" },
	{ "z / Z", "next / previous zone" },
	{ NULL, NULL },
};

/* the counts of one zone, gathered once per draw */
struct fa_table {
	unsigned long cell[MIGRATE_TYPES][MAX_ORDER];
	unsigned long nr_free[MAX_ORDER];
	int width[MAX_ORDER]; /* columns each order takes, gap included */
	int digits;           /* numbers wider than this are abbreviated */
	int name_w;
};

static void *free_area_create(struct tui_view *v)
{
	(void)v;
	return calloc(1, sizeof(struct free_area_panel));
}

static void free_area_destroy(void *self)
{
	free(self);
}

static void gather(const struct mm_zone_view *z, int pages, struct fa_table *t)
{
	memset(t, 0, sizeof(*t));
	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long mul = pages ? 1UL << o : 1;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			t->cell[mt][o] = z->nr_free_mt[o][mt] * mul;
		t->nr_free[o] = z->nr_free[o] * mul;
	}
}

static int ndigits(unsigned long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* v in at most w characters: exact, else 12k / 3M, else "+" signs */
static void format_count(unsigned long v, int w, char *buf, size_t len)
{
	static const char suffix[] = "kMGT";
	unsigned long scaled = v;

	snprintf(buf, len, "%lu", v);
	if ((int)strlen(buf) <= w)
		return;
	for (int i = 0; suffix[i]; i++) {
		scaled /= 1000;
		snprintf(buf, len, "%lu%c", scaled, suffix[i]);
		if ((int)strlen(buf) <= w)
			return;
	}
	snprintf(buf, len, "%.*s", w, "++++++++");
}

/* the widest number an order's column holds */
static int column_digits(const struct fa_table *t, int o)
{
	int d = ndigits(t->nr_free[o]);

	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		if (ndigits(t->cell[mt][o]) > d)
			d = ndigits(t->cell[mt][o]);
	return d > ndigits((unsigned long)o) ? d : ndigits((unsigned long)o);
}

/* spare width spreads over the columns, up to pagetypeinfo's 7, so a
 * wide panel reads like the /proc table rather than a cramped one */
static void widen_columns(struct fa_table *t, int w)
{
	int sum = t->name_w;

	for (int o = 0; o < MAX_ORDER; o++)
		sum += t->width[o];
	for (int narrowest = 0; narrowest < 7 && sum + MAX_ORDER <= w;) {
		narrowest = 7;
		for (int o = 0; o < MAX_ORDER; o++) {
			if (t->width[o] < 7 && sum < w) {
				t->width[o]++;
				sum++;
			}
			if (t->width[o] < narrowest)
				narrowest = t->width[o];
		}
	}
}

/* column widths for a panel w columns wide: every order gets what its
 * numbers need if that fits; the type names shrink to a letter first,
 * then the numbers to `digits` characters */
static void fit_columns(struct fa_table *t, int w)
{
	int need[MAX_ORDER], sum;

	for (int o = 0; o < MAX_ORDER; o++)
		need[o] = 1 + column_digits(t, o);
	for (t->digits = 8; t->digits >= 1; t->digits--) {
		sum = 0;
		for (int o = 0; o < MAX_ORDER; o++) {
			t->width[o] = need[o] < t->digits + 1 ? need[o] : t->digits + 1;
			sum += t->width[o];
		}
		t->name_w = NAME_W + sum <= w ? NAME_W : 1;
		if (t->name_w + sum <= w)
			break;
	}
	if (t->digits < 1)
		t->digits = 1;
	widen_columns(t, w);
}

static int heat_role(unsigned long v)
{
	int level = v ? ndigits(v) : 0;

	return ROLE_HEAT0 + (level > 4 ? 4 : level);
}

/* one number right-aligned in its column; changed cells get a '*' in the gap */
static void draw_cell(struct canvas *cv, struct rect r, int col, int row,
		      const struct fa_table *t, int o, unsigned long v, int role,
		      int changed)
{
	char num[32];
	int w = t->width[o] - 1;
	int n;

	format_count(v, w, num, sizeof(num));
	n = (int)strlen(num);
	if (changed) {
		rect_set(cv, r, col + w - n, row, '*', ROLE_HIGHLIGHT, CELL_BOLD);
		rect_put(cv, r, col + 1 + w - n, row, ROLE_HIGHLIGHT, CELL_BOLD, num);
	} else {
		rect_put(cv, r, col + 1 + w - n, row, role, 0, num);
	}
}

static void draw_header(struct canvas *cv, struct rect r, int row,
			const struct fa_table *t)
{
	int col = t->name_w;

	rect_put(cv, r, 0, row, ROLE_HEADER, 0, t->name_w > 1 ? "order" : "o");
	for (int o = 0; o < MAX_ORDER; o++) {
		char num[8];

		snprintf(num, sizeof(num), "%*d", t->width[o], o);
		rect_put(cv, r, col, row, ROLE_HEADER, 0, num);
		col += t->width[o];
	}
}

static void draw_type_row(struct canvas *cv, struct rect r, int row,
			  const struct tui_view *v, const struct mm_zone_view *z,
			  const struct fa_table *t, int mt)
{
	int col = t->name_w;
	int lit = v->now < v->changed_until;

	if (t->name_w > 1)
		rect_put(cv, r, 0, row, role_for_migratetype(mt), 0, migratetype_names[mt]);
	else
		rect_set(cv, r, 0, row, (uint32_t)migratetype_letter(mt),
			 role_for_migratetype(mt), 0);
	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long n = t->cell[mt][o];
		int changed = lit && (v->changed[z->idx][o] & (1u << mt));

		draw_cell(cv, r, col, row, t, o, n, heat_role(n), changed);
		col += t->width[o];
	}
}

static void draw_nr_free(struct canvas *cv, struct rect r, int row,
			 const struct fa_table *t, int pages)
{
	int col = t->name_w;

	rect_put(cv, r, 0, row, ROLE_HEADER, 0,
		 t->name_w > 1 ? (pages ? "pages" : "nr_free") : "=");
	for (int o = 0; o < MAX_ORDER; o++) {
		draw_cell(cv, r, col, row, t, o, t->nr_free[o], ROLE_DEFAULT, 0);
		col += t->width[o];
	}
}

/* "Normal  free 15912 pages (62 MiB)", what the table adds up to */
static void draw_title(struct canvas *cv, struct rect r, int row,
		       const struct mm_zone_view *z, int pages)
{
	const char *unit = pages ? "  cells: pages" : "  cells: blocks";
	unsigned long free = 0;
	int col;

	for (int o = 0; o < MAX_ORDER; o++)
		free += z->nr_free[o] << o;
	col = rect_put(cv, r, 0, row, ROLE_TITLE, CELL_BOLD, z->name);
	col += rect_printf(cv, r, col, row, ROLE_DEFAULT, "  free %lu pages (%lu MiB)",
			   free, free >> (20 - PAGE_SHIFT));
	if (col + (int)strlen(unit) <= r.w)
		rect_put(cv, r, col, row, ROLE_DIM, 0, unit);
}

/* pageblocks per type, the "Number of blocks type" part of pagetypeinfo:
 * the zone's count, kept by the model (the view reads it in O(1)) */
static void draw_blocks(struct canvas *cv, struct rect r, int row,
			const struct mm_zone_view *z)
{
	const unsigned long *nr = z->nr_pageblocks;
	int col;

	col = rect_put(cv, r, 0, row, ROLE_HEADER, 0, "blocks");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
		char seg[32];
		int n = snprintf(seg, sizeof(seg), " %c %lu", migratetype_letter(mt), nr[mt]);

		if (col + n > r.w)
			break;
		rect_put(cv, r, col, row, role_for_migratetype(mt), 0, seg);
		col += n;
	}
}

static void free_area_draw(void *self, struct tui_view *v, struct canvas *cv,
			   struct rect r, int focused)
{
	struct free_area_panel *p = self;
	int zone = view_zone_idx(v);
	int pages = p && p->pages;
	struct mm_zone_view z;
	struct fa_table t;
	int row = 0;

	(void)focused;
	if (draw_too_small(cv, r, panel_free_area.min_w, panel_free_area.min_h))
		return;
	rect_clear(cv, r);
	if (zone < 0 || mm_view_zone(v->c->m, zone, &z)) {
		rect_put(cv, r, 0, 0, ROLE_DIM, 0, "no populated zone");
		return;
	}
	gather(&z, pages, &t);
	fit_columns(&t, r.w);
	if (r.h >= 8)
		draw_title(cv, r, row++, &z, pages);
	draw_header(cv, r, row++, &t);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		draw_type_row(cv, r, row++, v, &z, &t, mt);
	draw_nr_free(cv, r, row++, &t, pages);
	if (row < r.h)
		draw_blocks(cv, r, row++, &z);
}

static int free_area_key(void *self, struct tui_view *v, int key)
{
	struct free_area_panel *p = self;

	switch (key) {
	case 'p':
		if (p)
			p->pages = !p->pages;
		return PANEL_HANDLED | PANEL_REDRAW;
	case 'z':
	case 'Z':
		view_step_zone(v, key == 'z' ? 1 : -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		return PANEL_IGNORED;
	}
}

const struct panel_ops panel_free_area = {
	.name = "free_area",
	.title = "free_area",
	.create = free_area_create,
	.destroy = free_area_destroy,
	.draw = free_area_draw,
	.key = free_area_key,
	.keys = free_area_keys,
	.min_w = 1 + MAX_ORDER * MIN_CELL,
	.min_h = 7,
};
