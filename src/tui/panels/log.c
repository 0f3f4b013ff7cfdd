/*
 * log.c (panel) - the log: command lines, their output and errors,
 * tracepoint and printk lines, newest at the bottom.  The view follows
 * new lines until the person scrolls up; then it stays on the lines being
 * read (the offset from the bottom grows with each new matching line).
 *
 * 'f' cycles a filter: every line, commands with their output, trace
 * lines only, then each event that occurs in the log, one at a time.  The
 * first row names the filter, so a filtered view is never mistaken for
 * the whole log.  Lines are not wrapped: Left/Right shift long trace lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/panel.h"

enum log_filter { LF_ALL, LF_COMMANDS, LF_TRACE, LF_EVENT };

struct log_panel {
	enum log_filter filter;
	int event;              /* LF_EVENT: the event shown */
	unsigned long back;     /* matching lines between the bottom row and the newest */
	unsigned long seen_seq; /* log seq at the last draw */
	int rows;               /* text rows at the last draw (PgUp/PgDn) */
	int hshift;             /* columns cut off at the left */
};

static void *log_create(struct tui_view *v)
{
	struct log_panel *p = calloc(1, sizeof(*p));

	if (p)
		p->seen_seq = v->log.seq;
	return p;
}

static void log_destroy(void *self)
{
	free(self);
}

static int log_matches(const struct log_panel *p, const struct log_line *ll)
{
	switch (p->filter) {
	case LF_COMMANDS:
		return ll->kind == LOG_COMMAND || ll->kind == LOG_OUTPUT ||
		       ll->kind == LOG_ERROR;
	case LF_TRACE:
		return ll->kind == LOG_TRACE;
	case LF_EVENT:
		return ll->kind == LOG_TRACE && ll->event == p->event;
	default:
		return 1;
	}
}

/* matching lines among the kept ones from index `from` on */
static unsigned long count_matching(const struct log_panel *p,
				    const struct tui_log *l, unsigned long from)
{
	unsigned long n = 0;

	for (unsigned long i = from; i < l->n; i++)
		n += log_matches(p, tui_log_get(l, i));
	return n;
}

/* the events trace lines in the log carry, as a bit mask */
static unsigned int events_present(const struct tui_log *l)
{
	unsigned int mask = 0;

	for (unsigned long i = 0; i < l->n; i++) {
		const struct log_line *ll = tui_log_get(l, i);

		if (ll->kind == LOG_TRACE && ll->event >= 0 && ll->event < MM_EV_NR_TYPES)
			mask |= MM_EV_BIT(ll->event);
	}
	return mask;
}

/* all -> commands -> trace -> each event present -> all */
static void next_filter(struct log_panel *p, const struct tui_log *l)
{
	unsigned int present = events_present(l);
	int from = 0;

	switch (p->filter) {
	case LF_ALL:
		p->filter = LF_COMMANDS;
		return;
	case LF_COMMANDS:
		p->filter = LF_TRACE;
		return;
	case LF_EVENT:
		from = p->event + 1;
		break;
	default:
		break;
	}
	for (int t = from; t < MM_EV_NR_TYPES; t++)
		if (present & MM_EV_BIT(t)) {
			p->filter = LF_EVENT;
			p->event = t;
			return;
		}
	p->filter = LF_ALL;
}

static void filter_name(const struct log_panel *p, char *buf, size_t len)
{
	static const char *const names[] = { "all lines", "commands and output",
					     "tracepoints" };

	if (p->filter == LF_EVENT)
		snprintf(buf, len, "event %s",
			 mm_event_names[p->event] ? mm_event_names[p->event] : "?");
	else
		snprintf(buf, len, "%s", names[p->filter]);
}

static int role_of(const struct log_line *ll)
{
	switch (ll->kind) {
	case LOG_COMMAND:
		return ROLE_LOG_COMMAND;
	case LOG_ERROR:
		return ROLE_ERROR;
	case LOG_TRACE:
		return ROLE_LOG_TRACE;
	case LOG_PRINTK:
		return ROLE_LOG_PRINTK;
	case LOG_NARRATION:
		return ROLE_NARRATION;
	default:
		return ROLE_LOG_OUTPUT;
	}
}

/* one line at row y: "> " before a command, "! " before an error, so
 * that both read without colour too */
static void draw_line(const struct log_panel *p, struct canvas *cv, struct rect r,
		      int y, const struct log_line *ll)
{
	const char *prefix = ll->kind == LOG_COMMAND ? "> " :
			     ll->kind == LOG_ERROR ? "! " : "";
	char buf[1200];
	const char *s = buf;
	int shift = p->hshift;

	snprintf(buf, sizeof(buf), "%s%s", prefix, ll->text ? ll->text : "");
	/* skip whole characters only: continuation bytes never start a row */
	while (shift > 0 && *s) {
		s++;
		while ((*s & 0xc0) == 0x80)
			s++;
		shift--;
	}
	canvas_put(cv, r.x, y, r.w, role_of(ll), s);
}

/* keep the lines in view still when new matching ones arrive below */
static void follow_or_hold(struct log_panel *p, const struct tui_log *l)
{
	unsigned long added;

	if (l->seq < p->seen_seq) /* the log was cut back (a lesson's step) */
		p->seen_seq = l->seq;
	added = l->seq - p->seen_seq;

	if (p->back && added)
		p->back += count_matching(p, l, added < l->n ? l->n - added : 0);
	p->seen_seq = l->seq;
}

static void draw_header(const struct log_panel *p, struct canvas *cv,
			struct rect r, unsigned long total)
{
	char name[64], head[200];
	int n;

	filter_name(p, name, sizeof(name));
	n = snprintf(head, sizeof(head), "filter: %s (f)  %lu line%s", name, total,
		     total == 1 ? "" : "s");
	if (p->back && n > 0 && (size_t)n < sizeof(head))
		snprintf(head + n, sizeof(head) - (size_t)n,
			 "  [%lu newer below: End]", p->back);
	canvas_put(cv, r.x, r.y, r.w, ROLE_HEADER, head);
}

static void log_draw(void *self, struct tui_view *v, struct canvas *cv,
		     struct rect r, int focused)
{
	struct log_panel *p = self;
	const struct tui_log *l = &v->log;
	unsigned long total, skip;
	int y;

	(void)focused;
	if (r.w <= 0 || r.h <= 0)
		return;
	follow_or_hold(p, l);
	total = count_matching(p, l, 0);
	p->rows = r.h - 1;
	if (total < (unsigned long)p->rows)
		p->back = 0;
	else if (p->back > total - (unsigned long)p->rows)
		p->back = total - (unsigned long)p->rows;
	draw_header(p, cv, r, total);
	if (!total) {
		canvas_put(cv, r.x, r.y + 1, r.w, ROLE_DIM,
			   l->n ? "(no line matches the filter: f changes it)" :
				  "(nothing logged yet)");
		return;
	}
	/* walk from the newest up, filling rows bottom to top */
	skip = p->back;
	y = r.y + r.h - 1;
	for (unsigned long i = l->n; i-- > 0 && y > r.y;) {
		const struct log_line *ll = tui_log_get(l, i);

		if (!log_matches(p, ll))
			continue;
		if (skip) {
			skip--;
			continue;
		}
		draw_line(p, cv, r, y--, ll);
	}
}

static void scroll_back(struct log_panel *p, long delta)
{
	if (delta < 0 && (unsigned long)-delta > p->back)
		p->back = 0;
	else
		p->back += (unsigned long)delta; /* clamped at the next draw */
}

static int log_key(void *self, struct tui_view *v, int key)
{
	struct log_panel *p = self;
	int page = p->rows > 1 ? p->rows - 1 : 1, delta;

	if (panel_scroll_delta(key, page, &delta)) {
		/* the log counts back from its newest line: up is further back */
		if (delta <= -PANEL_SCROLL_END)
			p->back = v->log.n;
		else if (delta >= PANEL_SCROLL_END)
			p->back = 0;
		else
			scroll_back(p, -delta);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (key) {
	case TK_LEFT: p->hshift = p->hshift > 8 ? p->hshift - 8 : 0; break;
	case TK_RIGHT: p->hshift += 8; break;
	case 'f':
		next_filter(p, &v->log);
		p->back = 0;
		break;
	default:
		return PANEL_IGNORED;
	}
	return PANEL_HANDLED | PANEL_REDRAW;
}

static const struct panel_key log_keys[] = {
	{ "f", "filter: all, commands, tracepoints, one event at a time" },
	{ "Up/Down PgUp/PgDn", "scroll (the view stays put while scrolled up)" },
	{ "Home/End", "oldest line / follow new lines" },
	{ "Left/Right", "shift long lines" },
	{ NULL, NULL },
};

const struct panel_ops panel_log = {
	.name = "log",
	.title = "log",
	.create = log_create,
	.destroy = log_destroy,
	.draw = log_draw,
	.key = log_key,
	.keys = log_keys,
	.min_w = 20,
	.min_h = 3,
};
