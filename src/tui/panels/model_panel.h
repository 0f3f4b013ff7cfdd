/*
 * model_panel.h - what the panels that draw the page allocator (zones,
 * free_area, memmap, pcp) share: which zone the view has selected, text
 * clipped to a panel's rectangle, the "too small" notice and the kernel's
 * one-letter migrate type names (show_migration_types: U E M R I).
 *
 * Everything here reads the model through the view (view.h, which cmd.h
 * brings in), but view_zone and view_pcp, kept for the panels not yet
 * moved over (VIEW_TODO in the Makefile); nothing writes it.  Static
 * inline so each panel file stays self-contained.
 */
#ifndef MMSCOPE_TUI_MODEL_PANEL_H
#define MMSCOPE_TUI_MODEL_PANEL_H

#include <stdarg.h>
#include <stdio.h>

#include "tui/panel.h"
#include "view.h"

/* 1 if zone idx of the machine has pages */
static inline int view_zone_populated(const struct mm_machine *m, int idx)
{
	struct mm_zone_view zv;

	return !mm_view_zone(m, idx, &zv) && zv.populated;
}

/* the zone the panels show, as a zone_idx: v->zone if it is populated,
 * else the populated zone nearest above it (then below), -1 on an empty
 * node */
static inline int view_zone_idx(const struct tui_view *v)
{
	struct mm_machine_view mv;
	int want = v->zone;

	if (!v->c || !v->c->m)
		return -1;
	mm_view_machine(v->c->m, &mv);
	if (want < 0)
		want = 0;
	for (int i = want; i < mv.nr_zones; i++)
		if (view_zone_populated(v->c->m, i))
			return i;
	for (int i = want < mv.nr_zones ? want : mv.nr_zones; i-- > 0;)
		if (view_zone_populated(v->c->m, i))
			return i;
	return -1;
}


/* select the next (dir 1) or previous (dir -1) populated zone; 1 if the
 * selection moved */
static inline int view_step_zone(struct tui_view *v, int dir)
{
	struct mm_machine_view mv;
	int cur = view_zone_idx(v);

	if (cur < 0)
		return 0;
	mm_view_machine(v->c->m, &mv);
	for (int i = cur + dir; i >= 0 && i < mv.nr_zones; i += dir)
		if (view_zone_populated(v->c->m, i)) {
			v->zone = i;
			return 1;
		}
	v->zone = cur; /* an unpopulated selection snaps to what is shown */
	return 0;
}

/* text at column col, row row of r (both relative to r), never past r */
static inline int rect_put(struct canvas *cv, struct rect r, int col, int row,
			   int role, unsigned int attr, const char *text)
{
	if (row < 0 || row >= r.h || col < 0 || col >= r.w)
		return 0;
	return canvas_put_attr(cv, r.x + col, r.y + row, r.w - col, role, attr, text);
}

static inline int rect_printf(struct canvas *cv, struct rect r, int col, int row,
			      int role, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
static inline int rect_printf(struct canvas *cv, struct rect r, int col, int row,
			      int role, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return rect_put(cv, r, col, row, role, 0, buf);
}

/* one cell at (col, row) of r */
static inline void rect_set(struct canvas *cv, struct rect r, int col, int row,
			    uint32_t ch, int role, unsigned int attr)
{
	if (row >= 0 && row < r.h && col >= 0 && col < r.w)
		canvas_set(cv, r.x + col, r.y + row, ch, role, attr);
}

/* blank the whole rectangle (a panel owns every cell of it) */
static inline void rect_clear(struct canvas *cv, struct rect r)
{
	canvas_fill(cv, r, ' ', ROLE_DEFAULT);
}

/*
 * Below its minimum a panel says so, in as much of the sentence as fits,
 * instead of drawing a squeezed picture that would mislead.  Returns 1 if
 * the rectangle was too small (and the notice drawn).
 */
static inline int draw_too_small(struct canvas *cv, struct rect r, int min_w,
				 int min_h)
{
	char buf[64];

	if (r.w >= min_w && r.h >= min_h)
		return 0;
	rect_clear(cv, r);
	snprintf(buf, sizeof(buf), "too small: needs %dx%d", min_w, min_h);
	rect_put(cv, r, 0, 0, ROLE_WARNING, 0, buf);
	return 1;
}

/* the letters of show_migration_types() (mm/page_alloc.c) */
static inline char migratetype_letter(int mt)
{
	static const char letters[MIGRATE_TYPES] = { 'U', 'E', 'M', 'R', 'I' };

	return mt >= 0 && mt < MIGRATE_TYPES ? letters[mt] : '?';
}

#endif
