/*
 * textwrap.h - what the text-heavy panels (stack, narration, slab detail)
 * share: breaking a line of UTF-8 text to a width, and "virtual rows",
 * which let a panel emit its whole content top to bottom while only the
 * rows inside the scrolled window reach the canvas.  Counting the rows a
 * panel would emit (a pass with an empty window) tells it how far it may
 * scroll.  No curses here.
 */
#ifndef MMSCOPE_TUI_TEXTWRAP_H
#define MMSCOPE_TUI_TEXTWRAP_H

#include <stddef.h>

#include "tui/canvas.h"

/*
 * The bytes of s that fit in width columns as one line.  The break goes
 * at the last space that fits (a word longer than the line is cut), or at
 * a '\n'.  *next receives where the following line starts, with the
 * spaces at a soft break skipped.  Returns 0 with *next == s at the end.
 */
size_t wrap_line(const char *s, int width, const char **next);

struct vrows {
	struct canvas *cv;
	struct rect r; /* the window; r.h 0 only counts */
	int first;     /* the virtual row shown at r.y */
	int n;         /* virtual rows emitted so far */
};

static inline void vrows_init(struct vrows *vr, struct canvas *cv,
			      struct rect r, int first)
{
	vr->cv = cv;
	vr->r = r;
	vr->first = first < 0 ? 0 : first;
	vr->n = 0;
}

/* take the next virtual row: its canvas y, or -1 when outside the window */
static inline int vrows_next(struct vrows *vr)
{
	int y = vr->n++ - vr->first;

	return y >= 0 && y < vr->r.h ? vr->r.y + y : -1;
}

/* the canvas y the next row would take, without taking it (-1: outside) */
static inline int vrows_peek(const struct vrows *vr)
{
	int y = vr->n - vr->first;

	return y >= 0 && y < vr->r.h ? vr->r.y + y : -1;
}

/*
 * Emit text word-wrapped: the first row starts at column x of the window,
 * continuation rows at cont_x.  Returns the rows taken (at least one).
 */
int vrows_wrapped(struct vrows *vr, int x, int cont_x, int role,
		  unsigned int attr, const char *text);

/* the first row to show so that row `want` is visible, given the rows
 * shown (h), the total (n) and the current first row */
int scroll_to_show(int first, int want, int h, int n);

#endif
