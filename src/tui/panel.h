/*
 * panel.h - the one small interface every panel implements, and the view
 * state they share.  A panel is a static const struct panel_ops in a file
 * of its own under src/tui/panels/; it draws from the machine (v->c->m,
 * read through mm/view.h only; it includes nothing else of mm/ but ops.h) and
 * the shared view into a canvas rectangle, handles the keys it owns and
 * may watch the event stream.  It holds no allocator logic and never
 * changes the model.
 * Handlers return a reaction mask; only the main loop redraws.
 * No curses, readline or Lua here.
 */
#ifndef MMSCOPE_TUI_PANEL_H
#define MMSCOPE_TUI_PANEL_H

#include "cmd/cmd.h"
#include "ops.h"
#include "view.h"
#include "canvas.h"
#include "keys.h"

enum panel_reaction {
	PANEL_IGNORED = 0, /* not mine: the main loop tries the global keys */
	PANEL_HANDLED = 1u << 0,
	PANEL_REDRAW = 1u << 1,
	PANEL_QUIT = 1u << 2,
};

/* the log: command lines, their output, errors, tracepoint and printk lines */
enum log_kind { LOG_COMMAND, LOG_OUTPUT, LOG_ERROR, LOG_TRACE, LOG_PRINTK, LOG_NARRATION };
struct log_line {
	enum log_kind kind;
	int event;      /* LOG_TRACE: enum mm_event_type, else -1 */
	char *text;     /* one line, no newline */
};
#define TUI_LOG_MAX 4000 /* lines kept */
struct tui_log {
	struct log_line *lines; /* ring of TUI_LOG_MAX */
	unsigned long first, n; /* index of the oldest, count */
	unsigned long seq;      /* lines ever added (panels notice new ones) */
};
/* the i-th kept line, 0 = oldest; NULL if out of range */
const struct log_line *tui_log_get(const struct tui_log *l, unsigned long i);
/* free every kept line (the ring is empty and usable again afterwards) */
void tui_log_free(struct tui_log *l);

/* What the panels share.  The main loop (tui.c) owns it. */
struct tui_view {
	struct cmd_ctx *c;       /* the machine is c->m (may be replaced) */
	double now;              /* monotonic seconds, set before each draw */

	int zone;                /* the zone the panels show (zone_idx) */
	int cpu;                 /* the cpu pcp and stack panels show */

	/* free_area cells the last command changed (zone->changed copied
	 * and cleared by the main loop), highlighted until changed_until */
	uint8_t changed[MAX_NR_ZONES][MAX_ORDER];
	double changed_until;

	/* ui.highlight(first, last): pfns the memory map marks */
	int marked;
	unsigned long mark_first, mark_last;

	struct tui_log log;
	char narration[4096];    /* ui.say's text, shown by the narration panel */

	int live;                /* the clock runs on its own */
	int speed;               /* jiffies per second in live mode */
};

struct panel_key {
	const char *key;  /* as shown: "Enter", "s", "Up/Down" */
	const char *help; /* what it does */
};

struct panel_ops {
	const char *name;  /* "zones": `focus NAME`, ui.focus, layouts */
	const char *title; /* shown in the frame */
	void *(*create)(struct tui_view *v);
	void (*destroy)(void *self);
	/* draw inside r (the frame is drawn by the caller; r is its inside) */
	void (*draw)(void *self, struct tui_view *v, struct canvas *cv,
		     struct rect r, int focused);
	int (*key)(void *self, struct tui_view *v, int key); /* enum panel_reaction */
	/* events from the model, those in event_mask (MM_EV_BIT()s) */
	void (*event)(void *self, struct tui_view *v, const struct mm_event *ev);
	unsigned int event_mask;
	const struct panel_key *keys; /* { NULL, NULL }-terminated, for `?` */
	int min_w, min_h;             /* below this the panel says "too small" */
};

/* every panel, in the order the focus keys cycle them */
extern const struct panel_ops panel_zones, panel_free_area, panel_memmap,
	panel_pcp, panel_slab, panel_stack, panel_log, panel_narration;

/* a line the panels want in the log (e.g. the memmap cursor's page) */
void tui_log_add(struct tui_view *v, enum log_kind kind, int event, const char *text);

/* role of a free block of this order / of a pageblock migrate type */
static inline int role_for_order(int order)
{
	return ROLE_ORDER0 + (order < 0 ? 0 : order > 10 ? 10 : order);
}
static inline int role_for_migratetype(int mt)
{
	return ROLE_MT_UNMOVABLE + (mt < 0 || mt > 4 ? 0 : mt);
}

/*
 * The scroll keys every list shares (panels/scroll.c): Up/Down a row,
 * PgUp/PgDn a page, Home/End to the ends.  panel_scroll_delta gives the
 * move (Home and End as -/+PANEL_SCROLL_END), 0 if key is none of them;
 * panel_scroll_key applies it to a top row (never above 0; End puts it at
 * total, which the panel clamps when it draws).
 */
#define PANEL_SCROLL_END (1 << 28)
int panel_scroll_delta(int key, int page, int *delta);
int panel_scroll_key(int key, int page, int total, int *first);

#endif
