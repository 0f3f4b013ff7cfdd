/*
 * scroll.c - the keys every scrolling list of the screen shares (the log,
 * the narration, the call stack, the slab table and its detail): Up and
 * Down move one row, PgUp and PgDn a page, Home and End to either end.
 * A panel turns them into a move of its top row or of its selection and
 * clamps the far end when it next draws, when it knows how long the list
 * is; the keys themselves are spelled out here once.
 */
#include "tui/panel.h"

int panel_scroll_delta(int key, int page, int *delta)
{
	if (page < 1)
		page = 1;
	switch (key) {
	case TK_UP: *delta = -1; break;
	case TK_DOWN: *delta = 1; break;
	case TK_PGUP: *delta = -page; break;
	case TK_PGDN: *delta = page; break;
	case TK_HOME: *delta = -PANEL_SCROLL_END; break;
	case TK_END: *delta = PANEL_SCROLL_END; break;
	default:
		return 0;
	}
	return 1;
}

int panel_scroll_key(int key, int page, int total, int *first)
{
	int delta;

	if (!panel_scroll_delta(key, page, &delta))
		return 0;
	if (delta <= -PANEL_SCROLL_END || *first + delta < 0)
		*first = 0;
	else if (delta >= PANEL_SCROLL_END)
		*first = total; /* the bottom: clamped when drawn */
	else
		*first += delta;
	return 1;
}
