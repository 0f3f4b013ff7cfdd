/*
 * zones.c (panel) - the node's zones as /proc/zoneinfo sees them, one
 * block of lines per zone: free pages against managed/present/spanned, a
 * gauge of free pages with the min/low/high watermarks on it, the
 * lowmem_reserve protection the zone keeps against allocations that could
 * have used a higher zone, and whether reclaim gave up on it.  The first
 * line is the node's kswapd.  All of it is read through the view
 * (mm_view_zone, once per zone and draw, and mm_view_kswapd).
 *
 * The gauge is linear over managed pages, filled from the left with the
 * free pages ('='), so free memory draining towards the 'm'/'l'/'h'
 * markers reads like a fuel gauge.  On a big zone the watermarks sit a
 * few columns from the left edge; markers that would share a column are
 * pushed apart so all three stay visible, in order.
 *
 * The selected zone (Up/Down) is the one the free_area, memmap and pcp
 * panels show.  When the panel is short, each zone takes two lines, then
 * one, and the list scrolls to keep the selected zone in view.
 */
#include <stdio.h>
#include <string.h>

#include "model_panel.h"

#define ZONE_NAME_W 8 /* "HighMem " */

static const struct panel_key zones_keys[] = {
	{ "Up/Down, k/j", "select the zone the other panels show" },
	{ NULL, NULL },
};

/* as `wakeup_kswapd` and `show lru` say it: a wakeup that came while
 * kswapd slept shows at once, though it runs at the next tick */
static const char *kswapd_state_name(const struct mm_kswapd_view *k)
{
	if (!k->started || k->state == KSWAPD_ASLEEP)
		return k->woken ? "woken, runs at the next tick" : "asleep";
	if (k->state == KSWAPD_NAPPING)
		return k->woken ? "napping, woken" : "napping";
	return "running";
}

static void draw_kswapd(struct canvas *cv, struct rect r, int row,
			const struct mm_machine *m)
{
	struct mm_kswapd_view k;
	struct mm_zone_view cz;
	int running, col;

	mm_view_kswapd(m, &k);
	running = k.started && k.state == KSWAPD_RUNNING;
	col = rect_put(cv, r, 0, row, ROLE_HEADER, 0, "kswapd0 ");
	col += rect_put(cv, r, col, row, running ? ROLE_WARNING : ROLE_DEFAULT,
			running ? CELL_BOLD : 0, kswapd_state_name(&k));
	if (!k.started)
		return;
	if (running) {
		rect_printf(cv, r, col, row, ROLE_DEFAULT,
			    "  order %d classzone %s  reclaimed %lu in %lu passes",
			    k.order, mm_view_zone(m, k.cz, &cz) == 0 ? cz.name : "?",
			    k.nr_reclaimed, k.nr_passes);
	} else if (k.state == KSWAPD_NAPPING) {
		rect_printf(cv, r, col, row, ROLE_DIM, "  until jiffy %llu", k.nap_end);
	}
}

/* column of a page count on a gauge of width w over total pages */
static int gauge_col(unsigned long pages, unsigned long total, int w)
{
	unsigned long long c;

	if (!total)
		return 0;
	c = (unsigned long long)pages * (unsigned long long)w / total;
	return c >= (unsigned long long)w ? w - 1 : (int)c;
}

/*
 * [=========....m.l.h.....]: free pages filled from the left over
 * managed pages, the watermark markers on top.
 */
static void draw_gauge(struct canvas *cv, struct rect r, int col, int row,
		       int w, const struct mm_zone_view *z)
{
	static const char marks[NR_WMARK] = { 'm', 'l', 'h' };
	static const int roles[NR_WMARK] = { ROLE_WMARK_MIN, ROLE_WMARK_LOW,
					     ROLE_WMARK_HIGH };
	unsigned long free = z->free_pages;
	unsigned long total = z->managed_pages;
	int fill = total ? (int)((unsigned long long)(free > total ? total : free) *
				 (unsigned long long)w / total) : 0;
	int at = -1;

	if (w < NR_WMARK + 1)
		return;
	rect_set(cv, r, col, row, '[', ROLE_BORDER, 0);
	for (int i = 0; i < w; i++)
		rect_set(cv, r, col + 1 + i, row, i < fill ? '=' : '.',
			 i < fill ? ROLE_BAR_FREE : ROLE_BAR_USED, 0);
	rect_set(cv, r, col + 1 + w, row, ']', ROLE_BORDER, 0);
	for (int i = 0; i < NR_WMARK; i++) {
		int c = gauge_col(z->watermark[i], total, w);

		if (c <= at)
			c = at + 1; /* keep min < low < high apart */
		if (c > w - (NR_WMARK - i))
			c = w - (NR_WMARK - i);
		at = c;
		rect_set(cv, r, col + 1 + c, row, (uint32_t)marks[i], roles[i], CELL_BOLD);
	}
}

static int draw_name(struct canvas *cv, struct rect r, int row,
		     const struct mm_zone_view *z, int selected)
{
	char name[16];

	rect_set(cv, r, 0, row, selected ? '>' : ' ', ROLE_SELECTED, CELL_BOLD);
	snprintf(name, sizeof(name), "%-*s", ZONE_NAME_W, z->name);
	rect_put(cv, r, 1, row, selected ? ROLE_SELECTED : ROLE_TITLE,
		 selected ? CELL_BOLD : 0, name);
	return 1 + ZONE_NAME_W + 1;
}

/* "protection (0, 1234, 5678, 5678)": lowmem_reserve against each zone */
static void protection_text(int nr_zones, const struct mm_zone_view *z, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "protection (");

	for (int i = 0; i < nr_zones && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%lu", i ? ", " : "",
					 z->lowmem_reserve[i]);
	if (used < len)
		snprintf(buf + used, len - used, ")");
}

/* a segment goes on the line whole or not at all (a cut number would lie) */
static int put_seg(struct canvas *cv, struct rect r, int col, int row, int role,
		   unsigned int attr, const char *text)
{
	int n = (int)strlen(text);

	if (col + n > r.w)
		return col;
	rect_put(cv, r, col, row, role, attr, text);
	return col + n;
}

/* "  label value", the value in its own role, whole or not at all */
static int put_pair(struct canvas *cv, struct rect r, int col, int row,
		    const char *label, int role, unsigned long value)
{
	char num[32];

	snprintf(num, sizeof(num), "%lu", value);
	if (col + (int)(strlen(label) + strlen(num)) > r.w)
		return col;
	col = put_seg(cv, r, col, row, ROLE_DEFAULT, 0, label);
	return put_seg(cv, r, col, row, role, 0, num);
}

/* min/low/high, protection, reclaim state; col is where it starts */
static void draw_marks_line(struct canvas *cv, struct rect r, int col, int row,
			    int nr_zones, const struct mm_zone_view *z)
{
	char prot[96];

	col = put_pair(cv, r, col, row, "min ", ROLE_WMARK_MIN, z->watermark[WMARK_MIN]);
	col = put_pair(cv, r, col, row, "  low ", ROLE_WMARK_LOW, z->watermark[WMARK_LOW]);
	col = put_pair(cv, r, col, row, "  high ", ROLE_WMARK_HIGH, z->watermark[WMARK_HIGH]);
	if (z->all_unreclaimable) {
		int c = put_seg(cv, r, col, row, ROLE_WARNING, CELL_BOLD, "  all_unreclaimable");

		col = c != col ? c : put_seg(cv, r, col, row, ROLE_WARNING, CELL_BOLD, " unrecl");
	}
	protection_text(nr_zones, z, prot, sizeof(prot));
	if (col + 2 + (int)strlen(prot) <= r.w) {
		col = put_seg(cv, r, col, row, ROLE_DEFAULT, 0, "  ");
		col = put_seg(cv, r, col, row, ROLE_LOWMEM_RESERVE, 0, prot);
	}
	if (z->pages_scanned)
		put_pair(cv, r, col, row, "  scanned ", ROLE_DIM, z->pages_scanned);
}

static int free_percent(const struct mm_zone_view *z)
{
	return z->managed_pages ? (int)(z->free_pages * 100 / z->managed_pages) : 0;
}

/* three lines: counts; gauge; watermarks and protection */
static void draw_zone_full(struct canvas *cv, struct rect r, int row, int nr_zones,
			   const struct mm_zone_view *z, int sel)
{
	int col = draw_name(cv, r, row, z, sel);
	char pct[16];
	int n;

	col = put_pair(cv, r, col, row, "free ", ROLE_PAGE_FREE, z->free_pages);
	col = put_pair(cv, r, col, row, "  managed ", ROLE_DEFAULT, z->managed_pages);
	col = put_pair(cv, r, col, row, "  present ", ROLE_DEFAULT, z->present_pages);
	put_pair(cv, r, col, row, "  spanned ", ROLE_DEFAULT, z->spanned_pages);
	n = snprintf(pct, sizeof(pct), " %d%% free", free_percent(z));
	draw_gauge(cv, r, 2, row + 1, r.w - 2 - 2 - n, z);
	rect_put(cv, r, r.w - n, row + 1, ROLE_DEFAULT, 0, pct);
	draw_marks_line(cv, r, 2, row + 2, nr_zones, z);
}

/* one line: name, free/managed and the gauge; two: the marks below */
static void draw_zone_short(struct canvas *cv, struct rect r, int row, int nr_zones,
			    const struct mm_zone_view *z, int sel, int lines)
{
	int col = draw_name(cv, r, row, z, sel);
	char nums[48];
	int n = snprintf(nums, sizeof(nums), "%lu/%lu ", z->free_pages, z->managed_pages);
	int w;

	rect_put(cv, r, col, row, ROLE_DEFAULT, 0, nums);
	col += n;
	w = r.w - col - 2 - (z->all_unreclaimable ? 7 : 0);
	if (w >= 8)
		draw_gauge(cv, r, col, row, w, z);
	if (z->all_unreclaimable)
		rect_put(cv, r, r.w - 6, row, ROLE_WARNING, CELL_BOLD, "unrecl");
	if (lines > 1)
		draw_marks_line(cv, r, 2, row + 1, nr_zones, z);
}

static void draw_empty_zone(struct canvas *cv, struct rect r, int row,
			    const struct mm_zone_view *z)
{
	char name[16];

	snprintf(name, sizeof(name), " %-*s", ZONE_NAME_W, z->name);
	rect_put(cv, r, 0, row, ROLE_DIM, 0, name);
	rect_put(cv, r, 2 + ZONE_NAME_W, row, ROLE_DIM, 0, "empty");
}

/* lines a populated zone takes so that every zone fits in rows, or 1 */
static int lines_per_zone(const struct mm_zone_view *zv, int nr_zones, int rows)
{
	int populated = 0, empty = 0;

	for (int i = 0; i < nr_zones; i++) {
		if (zv[i].populated)
			populated++;
		else
			empty++;
	}
	for (int lines = 3; lines > 1; lines--)
		if (populated * lines + empty <= rows)
			return lines;
	return 1;
}

/* the first zone to draw so that the selected one's lines are in view */
static int first_zone_shown(const struct mm_zone_view *zv, int sel, int lines, int rows)
{
	int first = 0, used = 0;

	for (int i = sel; i >= 0; i--) {
		int need = zv[i].populated ? lines : 1;

		if (used + need > rows)
			break;
		used += need;
		first = i;
	}
	return first;
}

static void zones_draw(void *self, struct tui_view *v, struct canvas *cv,
		       struct rect r, int focused)
{
	const struct mm_machine *m;
	struct mm_machine_view mv;
	struct mm_zone_view zv[MAX_NR_ZONES];
	int sel = view_zone_idx(v);
	int nr_zones, lines, row = 1, first;

	(void)self;
	(void)focused;
	if (draw_too_small(cv, r, panel_zones.min_w, panel_zones.min_h))
		return;
	rect_clear(cv, r);
	if (sel < 0) {
		rect_put(cv, r, 0, 0, ROLE_DIM, 0, "no populated zone");
		return;
	}
	m = v->c->m;
	mm_view_machine(m, &mv);
	nr_zones = mv.nr_zones < MAX_NR_ZONES ? mv.nr_zones : MAX_NR_ZONES;
	for (int i = 0; i < nr_zones; i++)
		mm_view_zone(m, i, &zv[i]);
	draw_kswapd(cv, r, 0, m);
	lines = lines_per_zone(zv, nr_zones, r.h - 1);
	first = first_zone_shown(zv, sel, lines, r.h - 1);
	for (int i = first; i < nr_zones && row < r.h; i++) {
		if (!zv[i].populated) {
			draw_empty_zone(cv, r, row++, &zv[i]);
			continue;
		}
		if (lines == 3)
			draw_zone_full(cv, r, row, nr_zones, &zv[i], i == sel);
		else
			draw_zone_short(cv, r, row, nr_zones, &zv[i], i == sel, lines);
		row += lines;
	}
}

static int zones_key(void *self, struct tui_view *v, int key)
{
	(void)self;
	switch (key) {
	case TK_UP:
	case 'k':
		view_step_zone(v, -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case TK_DOWN:
	case 'j':
		view_step_zone(v, 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		return PANEL_IGNORED;
	}
}

const struct panel_ops panel_zones = {
	.name = "zones",
	.title = "zones",
	.draw = zones_draw,
	.key = zones_key,
	.keys = zones_keys,
	.min_w = 30,
	.min_h = 3,
};
