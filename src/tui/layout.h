/*
 * layout.h - named arrangements of the panels.  A layout is a line of text
 * describing nested splits ("v(h(zones free_area):12 memmap log:30%)"),
 * so adding one is adding a string.  The screen gives a layout the area
 * between the top of the terminal and the status bar; the layout hands back
 * one rectangle per panel.  No curses here.
 */
#ifndef MMSCOPE_TUI_LAYOUT_H
#define MMSCOPE_TUI_LAYOUT_H

#include "panel.h"

#define NR_TUI_PANELS 8
#define LAYOUT_MAX_SLOTS NR_TUI_PANELS
/* below this the screen shows a message instead of the panels */
#define TUI_MIN_W 80
#define TUI_MIN_H 24
/* `layout auto` picks the wide layout from this size on */
#define TUI_WIDE_W 160
#define TUI_WIDE_H 48

/* every panel, in the order focus cycles them */
extern const struct panel_ops *const tui_panels[NR_TUI_PANELS];
int tui_panel_index(const char *name); /* -1 if no such panel */

struct layout_slot {
	int panel; /* index in tui_panels */
	struct rect r;
};

int layout_count(void);
const char *layout_name(int i);
const char *layout_summary(int i);
int layout_find(const char *name); /* -1 if unknown ("auto" is not one) */
/* the layout `auto` picks for a terminal of w x h */
int layout_auto(int w, int h);
/* does layout i show the panel? */
int layout_has(int i, int panel);
/*
 * Arrange layout i in area: fills slot[] (at most max) in the order the
 * layout names its panels and returns how many.  Every rectangle lies
 * inside the area, and no two overlap.
 */
int layout_arrange(int i, struct rect area, struct layout_slot *slot, int max);
/* the words `layout` completes: every layout name and "auto" */
const char *const *layout_names(void);

#endif
