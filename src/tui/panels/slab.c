/*
 * slab.c (panel) - the SLAB caches, as slabtop shows them: one row per
 * kmem_cache with its object size, active and total objects, slabs on the
 * node's full/partial/free lists, the array cache of the cpu the screen
 * shows, the shared array and the fill ratio.  The counts are taken the
 * way get_slabinfo() takes them (full slabs count num objects, partial
 * ones their inuse, objects sitting in arrays count as active), so a row
 * reads the same as that cache's line of /proc/slabinfo.
 *
 * Enter opens one cache (Esc or Backspace goes back), like gef's
 * slab-dump: its three slab lists, each slab with its colour offset and a
 * strip of one cell per object (used, cached in an array, free), and its
 * per-cpu and shared array caches.  Cells carry glyphs as well as colours,
 * so the strip reads on a monochrome screen too.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/panel.h"
#include "textwrap.h"
#include "view.h"

enum slab_col {
	COL_NAME, COL_OBJSIZE, COL_ACTIVE, COL_TOTAL, COL_USE, COL_FULL,
	COL_PARTIAL, COL_FREE, COL_ARRAY, COL_SHARED, NR_SLAB_COLS
};

/* header and width (its leading space included) of the number columns */
static const struct slab_column {
	const char *head;
	const char *what; /* for the sort line */
	int w;
} slab_cols[NR_SLAB_COLS] = {
	[COL_NAME] = { "NAME", "name", 0 },
	[COL_OBJSIZE] = { "OBJSIZE", "objsize", 8 },
	[COL_ACTIVE] = { "ACTIVE", "active objs", 7 },
	[COL_TOTAL] = { "TOTAL", "total objs", 7 },
	[COL_USE] = { "USE%", "use%", 5 },
	[COL_FULL] = { "FULL", "full slabs", 5 },
	[COL_PARTIAL] = { "PART", "partial slabs", 5 },
	[COL_FREE] = { "FREE", "free slabs", 5 },
	[COL_ARRAY] = { "ARRAY", "array avail", 8 },
	[COL_SHARED] = { "SHARED", "shared avail", 7 },
};

#define NAME_W_MIN 8
#define NAME_W_MAX 24
#define GLYPH_USED 0x2588u   /* full block */
#define GLYPH_CACHED 0x2592u /* medium shade */
#define GLYPH_FREE 0x00b7u   /* middle dot */
#define GLYPH_SEL 0x25b8u    /* small right triangle */

struct slab_row {
	const char *name;          /* valid while the rows are (one draw or key) */
	unsigned int size;         /* object stride */
	unsigned long active_objs, num_objs;
	unsigned long nr_slabs[3]; /* by enum slab_list */
	unsigned int avail, limit; /* the shown cpu's array */
	unsigned long shared_avail;
	unsigned int use;          /* percent of objects active */
};

struct slab_panel {
	struct slab_row *rows;
	int nrows, cap;
	enum slab_col sort;
	int reverse;             /* against the column's natural order */
	int sel, top;            /* selected row, first row shown */
	int sel_moved;           /* a key moved sel: take the name from it */
	char sel_name[48];
	int rows_shown;          /* at the last draw, for PgUp/PgDn */
	int detail;              /* showing one cache */
	char detail_name[48];
	int dfirst, dtotal, drows; /* detail scrolling */
};

static void *slab_create(struct tui_view *v)
{
	struct slab_panel *p = calloc(1, sizeof(*p));

	(void)v;
	if (p)
		p->sort = COL_ACTIVE;
	return p;
}

static void slab_destroy(void *self)
{
	struct slab_panel *p = self;

	if (p)
		free(p->rows);
	free(p);
}

/* ---- the rows: the view's slabinfo numbers ----------------------------------- */

/* SLAB runs on this machine (not "slab none") */
static int slab_on(const struct mm_machine *m)
{
	struct mm_machine_view mv;

	mm_view_machine(m, &mv);
	return strcmp(mv.slab_allocator, "none") != 0;
}

/* a row from the cache's view: the counts are get_slabinfo()'s (the view
 * takes them), the array is that of the shown cpu */
static void fill_row(const struct mm_cache_view *c, int cpu, struct slab_row *row)
{
	memset(row, 0, sizeof(*row));
	row->name = c->name;
	row->size = c->size;
	row->active_objs = c->active_objs;
	row->num_objs = c->num_objs;
	memcpy(row->nr_slabs, c->slab.nr_slabs, sizeof(row->nr_slabs));
	row->shared_avail = c->shared_avail;
	row->use = row->num_objs ? (unsigned)(row->active_objs * 100 / row->num_objs) : 0;
	if (cpu >= 0 && cpu < MM_VIEW_MAX_CPUS) {
		row->avail = c->slab.avail[cpu];
		row->limit = c->slab.array_limit[cpu];
	}
}

static unsigned long col_value(const struct slab_row *r, enum slab_col col)
{
	switch (col) {
	case COL_OBJSIZE: return r->size;
	case COL_ACTIVE: return r->active_objs;
	case COL_TOTAL: return r->num_objs;
	case COL_USE: return r->use;
	case COL_FULL: return r->nr_slabs[SLABS_FULL];
	case COL_PARTIAL: return r->nr_slabs[SLABS_PARTIAL];
	case COL_FREE: return r->nr_slabs[SLABS_FREE];
	case COL_ARRAY: return r->avail;
	case COL_SHARED: return r->shared_avail;
	default: return 0;
	}
}

/* names ascend, numbers descend (biggest first, as slabtop); 'r' turns
 * the column's order around; ties go by name either way */
static int row_before(const struct slab_row *a, const struct slab_row *b,
		      enum slab_col col, int reverse)
{
	int d;

	if (col == COL_NAME) {
		d = strcmp(a->name, b->name);
	} else {
		unsigned long x = col_value(a, col), y = col_value(b, col);

		d = x > y ? -1 : x < y ? 1 : 0;
	}
	if (reverse)
		d = -d;
	if (!d)
		d = strcmp(a->name, b->name);
	return d < 0;
}

/* insertion sort: a few dozen caches, and qsort has no context argument */
static void sort_rows(struct slab_panel *p)
{
	for (int i = 1; i < p->nrows; i++) {
		struct slab_row r = p->rows[i];
		int j = i;

		while (j > 0 && row_before(&r, &p->rows[j - 1], p->sort, p->reverse)) {
			p->rows[j] = p->rows[j - 1];
			j--;
		}
		p->rows[j] = r;
	}
}

static int build_rows(struct slab_panel *p, struct tui_view *v)
{
	const struct mm_machine *m = v->c->m;
	struct mm_cache_view c;
	int n = 0;

	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id))
		n++;
	if (n > p->cap) {
		struct slab_row *rows = realloc(p->rows, (size_t)n * sizeof(*rows));

		if (!rows)
			return -1;
		p->rows = rows;
		p->cap = n;
	}
	p->nrows = 0;
	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id))
		if (!mm_view_cache(m, id, &c))
			fill_row(&c, v->cpu, &p->rows[p->nrows++]);
	sort_rows(p);
	return 0;
}

/* the selection follows its cache by name when the order changes */
static void place_selection(struct slab_panel *p)
{
	if (!p->sel_moved)
		for (int i = 0; i < p->nrows; i++)
			if (!strcmp(p->rows[i].name, p->sel_name)) {
				p->sel = i;
				break;
			}
	if (p->sel >= p->nrows)
		p->sel = p->nrows - 1;
	if (p->sel < 0)
		p->sel = 0;
	p->sel_moved = 0;
	if (p->nrows)
		snprintf(p->sel_name, sizeof(p->sel_name), "%s", p->rows[p->sel].name);
}

/* ---- the table --------------------------------------------------------------- */

/* columns [COL_OBJSIZE, ncols) and the selection marker */
static int cols_width(int ncols)
{
	int used = 1;

	for (int c = COL_OBJSIZE; c < ncols; c++)
		used += slab_cols[c].w;
	return used;
}

/*
 * How many columns fit with names of want columns: a narrow panel drops
 * its right-hand columns (shared, array, ...) before it cuts names short,
 * since "kmalloc-" alone names no cache.
 */
static int fit_columns(int w, int want, int *name_w)
{
	int ncols = NR_SLAB_COLS;

	while (ncols > COL_USE + 1 && w - cols_width(ncols) < want)
		ncols--;
	w -= cols_width(ncols);
	*name_w = w < NAME_W_MIN ? NAME_W_MIN : w > NAME_W_MAX ? NAME_W_MAX : w;
	return ncols;
}

/* the longest name shown, plus its gap, at most NAME_W_MAX */
static int wanted_name_width(const struct slab_panel *p)
{
	int want = NAME_W_MIN;

	for (int i = 0; i < p->nrows; i++) {
		int len = (int)strlen(p->rows[i].name) + 1;

		if (len > want)
			want = len;
	}
	return want > NAME_W_MAX ? NAME_W_MAX : want;
}

/* put text in a column that starts at x, never past the panel's right edge */
static void put_cell(struct canvas *cv, struct rect r, int x, int y, int w,
		     int role, unsigned int attr, const char *text)
{
	int room = r.x + r.w - x;

	if (room <= 0)
		return;
	canvas_put_attr(cv, x, y, w < room ? w : room, role, attr, text);
}

static void draw_header(const struct slab_panel *p, struct canvas *cv,
			struct rect r, int name_w, int ncols)
{
	int x = r.x + 1;

	for (int c = 0; c < ncols; c++) {
		int w = c == COL_NAME ? name_w : slab_cols[c].w;
		unsigned int attr = c == (int)p->sort ? CELL_BOLD | CELL_UNDERLINE : 0;
		const char *arrow = c != (int)p->sort ? "" :
				    (c == COL_NAME) != !!p->reverse ? "\u2191" : "\u2193";
		char head[32];

		/* the sort arrow sits in the column's leading space */
		if (c == COL_NAME)
			snprintf(head, sizeof(head), "%s%s", slab_cols[c].head, arrow);
		else
			snprintf(head, sizeof(head), "%*s%s%s",
				 w - 1 - (int)strlen(slab_cols[c].head), "",
				 *arrow ? arrow : " ", slab_cols[c].head);
		put_cell(cv, r, x, r.y + 1, w, ROLE_HEADER, attr, head);
		x += w;
	}
}

static void draw_row(const struct slab_row *row, struct canvas *cv, struct rect r,
		     int y, int name_w, int ncols)
{
	int empty = row->num_objs == 0;
	int x = r.x + 1;
	char buf[64];

	put_cell(cv, r, x, y, name_w - 1, empty ? ROLE_DIM : ROLE_DEFAULT, 0, row->name);
	x += name_w;
	for (int c = COL_OBJSIZE; c < ncols; c++) {
		int w = slab_cols[c].w, role = empty ? ROLE_DIM : ROLE_DEFAULT;

		if (c == COL_ARRAY)
			snprintf(buf, sizeof(buf), "%u/%u", row->avail, row->limit);
		else if (c == COL_USE)
			snprintf(buf, sizeof(buf), "%u%%", row->use);
		else
			snprintf(buf, sizeof(buf), "%lu", col_value(row, c));
		if (!empty && c == COL_FULL && row->nr_slabs[SLABS_FULL])
			role = ROLE_SLAB_FULL;
		else if (!empty && c == COL_PARTIAL && row->nr_slabs[SLABS_PARTIAL])
			role = ROLE_SLAB_PARTIAL;
		else if (!empty && c == COL_FREE && row->nr_slabs[SLABS_FREE])
			role = ROLE_SLAB_FREE;
		canvas_printf(cv, x, y, r.x + r.w - x > 0 ? r.x + r.w - x : 0, role,
			      "%*s", w, buf);
		x += w;
	}
}

static void draw_table(struct slab_panel *p, struct tui_view *v, struct canvas *cv,
		       struct rect r, int focused)
{
	int name_w, shown = r.h - 2;
	int ncols = fit_columns(r.w, wanted_name_width(p), &name_w);
	const char *dir = (p->sort == COL_NAME) != !!p->reverse ? "\u2191" : "\u2193";

	place_selection(p);
	canvas_printf(cv, r.x, r.y, r.w, ROLE_HEADER,
		      "%d caches  sort: %s %s (s, r)  ARRAY: cpu%d  Enter: open",
		      p->nrows, slab_cols[p->sort].what, dir, v->cpu);
	if (r.h < 2)
		return;
	draw_header(p, cv, r, name_w, ncols);
	p->rows_shown = shown > 0 ? shown : 1;
	p->top = scroll_to_show(p->top, p->sel, shown, p->nrows);
	for (int i = 0; i < shown && p->top + i < p->nrows; i++) {
		int y = r.y + 2 + i, idx = p->top + i;

		draw_row(&p->rows[idx], cv, r, y, name_w, ncols);
		if (idx == p->sel) {
			canvas_recolor(cv, (struct rect){ r.x, y, r.w, 1 }, ROLE_SELECTED,
				       focused ? CELL_BOLD : 0);
			canvas_set(cv, r.x, y, GLYPH_SEL, ROLE_SELECTED, CELL_BOLD);
		}
	}
	if (!p->nrows && r.h > 2)
		canvas_put(cv, r.x, r.y + 2, r.w, ROLE_DIM, "(no caches)");
}

/* ---- one cache ---------------------------------------------------------------- */

static void line(struct vrows *vr, int x, int role, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void line(struct vrows *vr, int x, int role, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	vrows_wrapped(vr, x, x + 2, role, 0, buf);
}

static void detail_head(struct vrows *vr, const struct mm_cache_view *c)
{
	struct slab_row row;
	char flags[128];

	fill_row(c, 0, &row);
	mm_slab_flags_format(c->flags, flags, sizeof(flags));
	line(vr, 0, ROLE_TITLE, "%s  object_size %u  size %u  align %u  %u objects per slab of "
	     "%u page%s (order %u)", c->name, c->object_size, c->size, c->align,
	     c->objs_per_slab, 1u << c->order, c->order ? "s" : "", c->order);
	line(vr, 0, ROLE_DEFAULT, "colour %u x colour_off %u, next %u;  %s slab_size %u;  "
	     "flags %s", c->slab.colour, c->slab.colour_off, c->slab.colour_next,
	     c->slab.off_slab ? "off-slab" : "on-slab", c->slab.slab_size,
	     flags[0] ? flags : "0");
	line(vr, 0, ROLE_DEFAULT, "objects %lu active / %lu total   slabs %lu full, %lu partial, "
	     "%lu free   free_objects %lu  free_limit %u", row.active_objs, row.num_objs,
	     row.nr_slabs[SLABS_FULL], row.nr_slabs[SLABS_PARTIAL], row.nr_slabs[SLABS_FREE],
	     c->slab.free_objects, c->slab.free_limit);
}

static void legend(struct vrows *vr)
{
	int y = vrows_next(vr), x = vr->r.x;

	if (y < 0)
		return;
	canvas_set(vr->cv, x, y, GLYPH_USED, ROLE_OBJ_USED, 0);
	x += 2 + canvas_put(vr->cv, x + 2, y, vr->r.x + vr->r.w - x - 2, ROLE_DIM, "used");
	canvas_set(vr->cv, x + 2, y, GLYPH_CACHED, ROLE_OBJ_CACHED, 0);
	x += 4 + canvas_put(vr->cv, x + 4, y, vr->r.x + vr->r.w - x - 4, ROLE_DIM,
			    "in an array cache");
	canvas_set(vr->cv, x + 2, y, GLYPH_FREE, ROLE_OBJ_FREE, 0);
	canvas_put(vr->cv, x + 4, y, vr->r.x + vr->r.w - x - 4, ROLE_DIM, "free");
}

/* the kernel poisons the shared array's batchcount: nothing reads it */
#define SHARED_BATCH_POISON 0xbaadf00du

/* an array cache as the detail shows it; present 0: the cache has none */
struct array_shown {
	int present;
	unsigned int avail, limit, batchcount, touched;
};

static void array_line(struct vrows *vr, const char *who, const struct array_shown *ac,
		       int mark)
{
	char batch[16];

	if (!ac->present) {
		line(vr, 2, ROLE_DIM, "%-7s (none)", who);
		return;
	}
	snprintf(batch, sizeof(batch), ac->batchcount == SHARED_BATCH_POISON ? "0x%x" : "%u",
		 ac->batchcount);
	line(vr, 2, mark ? ROLE_HIGHLIGHT : ROLE_DEFAULT, "%-7s %5u/%-5u %10s %8u%s", who,
	     ac->avail, ac->limit, batch, ac->touched, mark ? "  <- shown cpu" : "");
}

static void detail_arrays(struct vrows *vr, struct tui_view *v, const struct mm_cache_view *c)
{
	struct mm_machine_view mv;
	struct array_shown ac;
	char who[16];

	mm_view_machine(v->c->m, &mv);
	line(vr, 0, ROLE_HEADER, "array caches    avail/limit batchcount  touched");
	for (int cpu = 0; cpu < mv.nr_cpus && cpu < MM_VIEW_MAX_CPUS; cpu++) {
		/* every array has room for one object at least: limit 0 is none */
		ac = (struct array_shown){ c->slab.array_limit[cpu] != 0, c->slab.avail[cpu],
					   c->slab.array_limit[cpu], c->slab.array_batchcount[cpu],
					   (unsigned int)c->slab.touched[cpu] };
		snprintf(who, sizeof(who), "cpu%d", cpu);
		array_line(vr, who, &ac, cpu == v->cpu);
	}
	ac = (struct array_shown){ c->slab.has_shared, (unsigned int)c->shared_avail,
				   c->slab.shared_limit, c->slab.shared_batchcount,
				   (unsigned int)c->slab.shared_touched };
	array_line(vr, "shared", &ac, 0);
}

/* one cell per object, as many rows as the width needs */
static void strip(struct vrows *vr, const struct mm_slab_view *sl)
{
	int indent = 4, per_row = vr->r.w - indent;
	unsigned int num = sl->num;

	if (per_row < 1)
		per_row = 1;
	for (unsigned int i = 0; i < num; i += (unsigned)per_row) {
		int y = vrows_next(vr);

		for (unsigned int k = i; y >= 0 && k < num && k < i + (unsigned)per_row; k++) {
			int st = sl->obj_state ? sl->obj_state[k] : OBJ_FREE;
			uint32_t g = st == OBJ_ALLOCATED ? GLYPH_USED :
				     st == OBJ_CACHED ? GLYPH_CACHED : GLYPH_FREE;
			int role = st == OBJ_ALLOCATED ? ROLE_OBJ_USED :
				   st == OBJ_CACHED ? ROLE_OBJ_CACHED : ROLE_OBJ_FREE;

			canvas_set(vr->cv, vr->r.x + indent + (int)(k - i), y, g, role, 0);
		}
	}
}

static void detail_slab(struct vrows *vr, const struct mm_cache_view *c,
			const struct mm_slab_view *sl)
{
	/* colouroff counts the on-slab descriptor too; the colour is what is left */
	unsigned long colour = sl->desc ? sl->colouroff :
				sl->colouroff >= c->slab.slab_size ?
				sl->colouroff - c->slab.slab_size : 0;

	line(vr, 2, ROLE_DEFAULT, "slab %u  pfn 0x%lx  colouroff %lu (colour %lu)  s_mem 0x%lx  "
	     "inuse %u/%u", sl->id, sl->pfn, sl->colouroff, colour, sl->s_mem, sl->inuse,
	     c->objs_per_slab);
	strip(vr, sl);
}

static void detail_list(struct vrows *vr, const struct mm_machine *m,
			const struct mm_cache_view *c, enum slab_list which)
{
	static const char *const names[] = { "slabs_partial", "slabs_full", "slabs_free" };
	static const int roles[] = { ROLE_SLAB_PARTIAL, ROLE_SLAB_FULL, ROLE_SLAB_FREE };
	unsigned long nr = c->slab.nr_slabs[which];
	unsigned int id = mm_view_slab_first(m, c->id, which);
	struct mm_slab_view sl;

	line(vr, 0, roles[which], "%s: %lu slab%s", names[which], nr, nr == 1 ? "" : "s");
	for (unsigned long k = 0; k < nr && id && !mm_view_slab(m, id, &sl); k++) {
		detail_slab(vr, c, &sl);
		id = mm_view_slab_next(m, id);
	}
}

/* a cache on the list always has its node (and so its three lists) */
static void emit_detail(struct vrows *vr, struct tui_view *v, const struct mm_cache_view *c)
{
	const struct mm_machine *m = v->c->m;

	detail_head(vr, c);
	legend(vr);
	vrows_next(vr);
	detail_arrays(vr, v, c);
	vrows_next(vr);
	detail_list(vr, m, c, SLABS_FULL);
	detail_list(vr, m, c, SLABS_PARTIAL);
	detail_list(vr, m, c, SLABS_FREE);
}

static void draw_detail(struct slab_panel *p, struct tui_view *v, struct canvas *cv,
			struct rect r)
{
	int id = mm_view_cache_find(v->c->m, p->detail_name);
	struct mm_cache_view c;
	struct rect none = r;
	struct vrows vr;

	if (id < 0 || mm_view_cache(v->c->m, id, &c)) {
		canvas_printf(cv, r.x, r.y, r.w, ROLE_WARNING,
			      "cache %s is gone (destroyed): Esc goes back", p->detail_name);
		return;
	}
	none.h = 0;
	vrows_init(&vr, cv, none, 0);
	emit_detail(&vr, v, &c);
	p->dtotal = vr.n;
	p->drows = r.h;
	if (p->dfirst > p->dtotal - r.h)
		p->dfirst = p->dtotal - r.h;
	if (p->dfirst < 0)
		p->dfirst = 0;
	vrows_init(&vr, cv, r, p->dfirst);
	emit_detail(&vr, v, &c);
}

static void slab_draw(void *self, struct tui_view *v, struct canvas *cv,
		      struct rect r, int focused)
{
	struct slab_panel *p = self;

	if (r.w <= 0 || r.h <= 0)
		return;
	if (!slab_on(v->c->m)) {
		canvas_put(cv, r.x, r.y, r.w, ROLE_DIM, "SLAB is off on this machine (slab none)");
		return;
	}
	if (p->detail) {
		draw_detail(p, v, cv, r);
		return;
	}
	if (build_rows(p, v)) {
		canvas_put(cv, r.x, r.y, r.w, ROLE_ERROR, "out of memory");
		return;
	}
	draw_table(p, v, cv, r, focused);
}

/* ---- keys ----------------------------------------------------------------------- */

static int detail_key(struct slab_panel *p, int key)
{
	int page = p->drows > 1 ? p->drows - 1 : 1;

	switch (key) {
	case TK_ESC:
	case TK_BACKSPACE:
	case 127: /* DEL and ^H: what terminals send for Backspace */
	case 8:
		p->detail = 0;
		break;
	default:
		if (!panel_scroll_key(key, page, p->dtotal, &p->dfirst))
			return PANEL_IGNORED;
	}
	return PANEL_HANDLED | PANEL_REDRAW;
}

static void move_sel(struct slab_panel *p, int delta)
{
	p->sel = delta >= PANEL_SCROLL_END ? PANEL_SCROLL_END : p->sel + delta;
	if (p->sel < 0)
		p->sel = 0;
	p->sel_moved = 1; /* clamped at the bottom by the next draw */
}

static int open_detail(struct slab_panel *p, struct tui_view *v)
{
	if (!slab_on(v->c->m) || build_rows(p, v))
		return PANEL_IGNORED;
	place_selection(p);
	if (!p->nrows)
		return PANEL_HANDLED;
	snprintf(p->detail_name, sizeof(p->detail_name), "%s", p->sel_name);
	p->detail = 1;
	p->dfirst = 0;
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int slab_key(void *self, struct tui_view *v, int key)
{
	struct slab_panel *p = self;
	int page = p->rows_shown > 1 ? p->rows_shown - 1 : 1, delta;

	if (p->detail)
		return detail_key(p, key);
	if (panel_scroll_delta(key, page, &delta)) {
		move_sel(p, delta); /* Home/End: clamped to the ends */
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (key) {
	case 's':
		p->sort = (p->sort + 1) % NR_SLAB_COLS;
		p->reverse = 0;
		break;
	case 'r':
		p->reverse = !p->reverse;
		break;
	case TK_ENTER:
	case '\n':
		return open_detail(p, v);
	default:
		return PANEL_IGNORED;
	}
	return PANEL_HANDLED | PANEL_REDRAW;
}

static const struct panel_key slab_keys[] = {
	{ "Up/Down PgUp/PgDn", "select a cache" },
	{ "s", "sort by the next column" },
	{ "r", "reverse the order" },
	{ "Enter", "open the cache: slabs, objects, array caches" },
	{ "Esc/Backspace", "back to the table" },
	{ NULL, NULL },
};

const struct panel_ops panel_slab = {
	.name = "slab",
	.title = "slab",
	.create = slab_create,
	.destroy = slab_destroy,
	.draw = slab_draw,
	.key = slab_key,
	.keys = slab_keys,
	.min_w = 40,
	.min_h = 4,
};
