/*
 * narration.c - what a walkthrough says (ui.say), word-wrapped to the
 * panel.  A blank line separates paragraphs; inside a paragraph a single
 * newline is a space, except before a line that starts a list item ("- ",
 * "* ") or is indented, which keeps its own row (scripts write small
 * lists and diagrams).  New text starts at the top again.
 */
#include <stdlib.h>
#include <string.h>

#include "tui/panel.h"
#include "textwrap.h"

struct narration_panel {
	int first;               /* the first row shown */
	int rows, total;         /* at the last draw, for the keys */
	char shown[sizeof(((struct tui_view *)0)->narration)]; /* text at the last draw */
};

static void *narration_create(struct tui_view *v)
{
	(void)v;
	return calloc(1, sizeof(struct narration_panel));
}

static void narration_destroy(void *self)
{
	free(self);
}

/* a source line that keeps a row of its own */
static int starts_row(const char *s)
{
	return s[0] == ' ' || s[0] == '\t' ||
	       ((s[0] == '-' || s[0] == '*') && s[1] == ' ');
}

/* emit one paragraph of text[0..len) into rows, soft newlines as spaces */
static void emit_paragraph(struct vrows *vr, const char *s, size_t len)
{
	char buf[sizeof(((struct tui_view *)0)->narration)];
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < sizeof(buf); i++) {
		char ch = s[i];

		if (ch == '\t')
			ch = ' ';
		if (ch == '\n' && !(i + 1 < len && starts_row(s + i + 1)))
			ch = ' ';
		buf[n++] = ch;
	}
	buf[n] = '\0';
	vrows_wrapped(vr, 0, 0, ROLE_NARRATION, 0, buf);
}

/* every paragraph, a blank row between them */
static void emit_text(struct vrows *vr, const char *text)
{
	const char *s = text;
	int emitted = 0;

	while (*s) {
		const char *end = strstr(s, "\n\n");
		size_t len = end ? (size_t)(end - s) : strlen(s);

		while (len && s[len - 1] == '\n')
			len--;
		if (len) {
			if (emitted++)
				vrows_next(vr);
			emit_paragraph(vr, s, len);
		}
		s = end ? end + 2 : s + strlen(s);
		while (*s == '\n')
			s++;
	}
}

static void narration_draw(void *self, struct tui_view *v, struct canvas *cv,
			   struct rect r, int focused)
{
	struct narration_panel *p = self;
	struct rect none = r;
	struct vrows vr;

	(void)focused;
	if (r.w <= 0 || r.h <= 0)
		return;
	if (strcmp(p->shown, v->narration)) {
		memcpy(p->shown, v->narration, sizeof(p->shown));
		p->first = 0;
	}
	if (!v->narration[0]) {
		canvas_put(cv, r.x, r.y, r.w, ROLE_DIM,
			   "(nothing narrated: walkthroughs speak here with ui.say)");
		return;
	}
	none.h = 0;
	vrows_init(&vr, cv, none, 0);
	emit_text(&vr, v->narration);
	p->total = vr.n;
	p->rows = r.h;
	if (p->first > p->total - r.h)
		p->first = p->total - r.h;
	if (p->first < 0)
		p->first = 0;
	/* a last row says there is more, so a long text is never cut silently */
	if (p->total - p->first > r.h && r.h > 1) {
		r.h--;
		canvas_put(cv, r.x, r.y + r.h, r.w, ROLE_DIM, "-- more: Down --");
	}
	vrows_init(&vr, cv, r, p->first);
	emit_text(&vr, v->narration);
}

static int narration_key(void *self, struct tui_view *v, int key)
{
	struct narration_panel *p = self;
	int page = p->rows > 2 ? p->rows - 2 : 1;

	(void)v;
	if (!panel_scroll_key(key, page, p->total, &p->first))
		return PANEL_IGNORED;
	return PANEL_HANDLED | PANEL_REDRAW;
}

static const struct panel_key narration_keys[] = {
	{ "Up/Down", "scroll the text (also PgUp/PgDn outside a lesson)" },
	{ "Right/Space/PgDn", "a lesson's next step (PgDn from any panel)" },
	{ "Left/PgUp", "the step before (PgUp from any panel)" },
	{ "Home", "step 1 (outside a lesson: the first lines)" },
	{ "N Enter", "go to step N" },
	{ "a", "autostep: a step every 5 s, any key pauses it" },
	{ "q, F10, C-d", "leave the lesson (asks first; Esc: the command line)" },
	{ NULL, NULL },
};

const struct panel_ops panel_narration = {
	.name = "narration",
	.title = "narration",
	.create = narration_create,
	.destroy = narration_destroy,
	.draw = narration_draw,
	.key = narration_key,
	.keys = narration_keys,
	.min_w = 10,
	.min_h = 2,
};
