/*
 * tui_draw.c - drawing what the main loop owns, into the canvas: the
 * panels' frames (each panel draws its inside), the status bar, the
 * command line, the "terminal too small" message and the help overlay.
 *
 * Rows from the bottom: the command line, then the status bar; the layout
 * gets everything above.  The help overlay is built from the action table,
 * the focused panel's keys and the command table when it opens, so it
 * always lists what the keys really do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lhost.h"
#include "repl.h"
#include "tui_impl.h"

/* ---- panels -------------------------------------------------------------- */

static void draw_panels(struct tui *t)
{
	int i;

	for (i = 0; i < t->nslots; i++) {
		int p = t->slot[i].panel, focused = p == t->focus;
		const struct panel_ops *ops = tui_panels[p];
		struct rect r = t->slot[i].r;

		char title[96], step[64];

		lesson_title(t, step, sizeof(step));
		if (step[0] && ops == &panel_narration)
			snprintf(title, sizeof(title), "%s · %s", ops->title, step);
		else
			snprintf(title, sizeof(title), "%s", ops->title);
		canvas_box(&t->cv, r, title, focused);
		if (ops->draw)
			ops->draw(t->panel[p], &t->v, &t->cv, rect_inner(r), focused);
	}
}

/* "mmscope needs at least 80x24 (this terminal is 60x20)", centred and
 * wrapped at spaces when even that does not fit */
static void draw_too_small(struct tui *t)
{
	char msg[128], *s = msg, *cut;
	int lines = 0, y, len, w = t->w;
	char *line[8];

	snprintf(msg, sizeof(msg), "mmscope needs at least %dx%d (this terminal is %dx%d)",
		 TUI_MIN_W, TUI_MIN_H, t->w, t->h);
	while (*s && lines < 8) {
		line[lines++] = s;
		len = (int)strlen(s);
		if (len <= w)
			break;
		for (cut = s + w; cut > s && *cut != ' '; cut--)
			;
		if (cut == s)
			cut = s + w - 1; /* no space: cut the word */
		*cut = '\0';
		s = cut + 1;
	}
	y = (t->h - lines) / 2;
	for (int i = 0; i < lines; i++) {
		len = (int)strlen(line[i]);
		canvas_put(&t->cv, (w - len) / 2 < 0 ? 0 : (w - len) / 2, y + i, w,
			   ROLE_WARNING, line[i]);
	}
}

/* ---- status bar ---------------------------------------------------------- */

static const char *mode_of(struct tui *t)
{
	struct mm_machine_view mv;
	int cpu;

	mm_view_machine(t->c->m, &mv);
	for (cpu = 0; cpu < mv.nr_cpus; cpu++)
		if (mm_view_request_state(t->c->m, cpu) == RQ_PAUSED)
			return "stepping";
	return t->v.live ? "live" : "paused";
}

/* one hint, "F6:step "; 0 if it does not fit before the edge */
static int draw_hint(struct tui *t, int x, int y, const struct action *a)
{
	int w = utf8_width(a->keyname) + 1 + utf8_width(a->hint) + 1;

	if (x + w > t->w)
		return 0;
	x += canvas_put(&t->cv, x, y, -1, ROLE_STATUS_KEY, a->keyname);
	x += canvas_put(&t->cv, x, y, -1, ROLE_STATUS, ":");
	canvas_put(&t->cv, x, y, -1, ROLE_STATUS, a->hint);
	return w;
}

/* the hint keys, as many as fit from x on; while a request is stopped
 * the stepping keys come first */
static void draw_hints(struct tui *t, int x, int y, int stepping)
{
	int i, n, pass, w;
	const struct action *a = tui_actions(&n);

	for (pass = stepping ? 0 : 1; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			int step_key = (a[i].when & ACT_HINT_STEP) != 0;

			if (!a[i].hint || (pass == 0 && !step_key) ||
			    (pass == 1 && stepping && step_key))
				continue;
			w = draw_hint(t, x, y, &a[i]);
			if (!w)
				return;
			x += w;
		}
}

/* room the hints want: the four stepping keys */
#define HINTS_W 36

/* machine, profile, time, cpu and mode: shorter forms on a narrow
 * terminal, so that the hints keep some room; returns the width */
static int draw_state(struct tui *t, int y, const char *mode)
{
	struct mm_machine_view mv;
	char buf[3][160], sec[32];
	unsigned long long hz;
	int i;

	mm_view_machine(t->c->m, &mv);
	hz = (unsigned long long)mv.hz;
	snprintf(sec, sizeof(sec), "%llu.%02llus", mv.jiffies / hz, mv.jiffies % hz * 100 / hz);
	snprintf(buf[0], sizeof(buf[0]), "%s │ Linux 3.10 │ jiffies %llu (%s) │ cpu%d │ %s │",
		 mv.name, mv.jiffies, sec, mv.cur_cpu, mode);
	snprintf(buf[1], sizeof(buf[1]), "%s Linux 3.10 │ %s j%llu │ cpu%d │ %s │",
		 mv.name, sec, mv.jiffies, mv.cur_cpu, mode);
	snprintf(buf[2], sizeof(buf[2]), "%s Linux 3.10 │ j%llu │ cpu%d │ %s │",
		 mv.name, mv.jiffies, mv.cur_cpu, mode);
	for (i = 0; i < 2; i++)
		if (utf8_width(buf[i]) + 2 + HINTS_W <= t->w)
			break;
	return canvas_put(&t->cv, 1, y, t->w - 1, ROLE_STATUS, buf[i]);
}

/* "▶ PROMPT — any key to go on, q to stop", the advice shortened to fit */
static void draw_pause_prompt(struct tui *t, int x, int y)
{
	static const char *const advice[] = {
		" — any key goes on, q stops, : a command", " — any key goes on, q stops",
		" — any key, q stops", " [key/q]", "",
	};
	int room = t->w - x - 1, pw = utf8_width(t->lua_prompt) + 2;
	size_t i;

	for (i = 0; i + 1 < sizeof(advice) / sizeof(advice[0]); i++)
		if (pw + utf8_width(advice[i]) <= room)
			break;
	canvas_printf(&t->cv, x, y, room, ROLE_STATUS_KEY, "▶ %s%s", t->lua_prompt,
		      advice[i]);
}

static void draw_status(struct tui *t, int y)
{
	struct rect row = { 0, y, t->w, 1 };
	const char *mode = mode_of(t), *lesson;
	char line[300];
	int x;

	canvas_fill(&t->cv, row, ' ', ROLE_STATUS);
	if (t->menu[0]) { /* completion candidates instead, until a key */
		canvas_put(&t->cv, 1, y, t->w - 1, ROLE_STATUS_KEY, t->menu);
		return;
	}
	x = draw_state(t, y, mode) + 2;
	if ((lesson = lesson_status(t, line, sizeof(line), t->w - x - 1)))
		canvas_put(&t->cv, x, y, t->w - x - 1, ROLE_STATUS_KEY, lesson);
	else if (t->lua_wait == LUA_KEY && t->typing)
		canvas_put(&t->cv, x, y, t->w - x, ROLE_STATUS_KEY,
			   "script waits — type a command (Esc: back)");
	else if (t->lua_wait == LUA_KEY)
		draw_pause_prompt(t, x, y);
	else if (t->lua_wait == LUA_RESUME)
		canvas_put(&t->cv, x, y, t->w - x, ROLE_STATUS_KEY,
			   "script running — q stops it");
	else
		draw_hints(t, x, y, strcmp(mode, "stepping") == 0);
}

/* ---- command line -------------------------------------------------------- */

/* where the UTF-8 character that byte i of s is part of starts */
static size_t char_start(const char *s, size_t i)
{
	int back = 0;

	while (i > 0 && back < 3 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--, back++;
	return i;
}

/*
 * The first byte of text to show so that the cursor (at byte point) is in
 * view in room columns: the last one (t->cl_start) while it still works,
 * else the leftmost that puts the cursor in the last column.  Only the
 * characters that fit are looked at, never the whole line: a line pasted
 * 100 kB long costs a screen's width per redraw, not its length.
 */
static size_t cmdline_start(struct tui *t, const char *text, size_t point, int room)
{
	size_t start = t->cl_start, lo = point, prev;
	int w = 0, cw;

	/* walk back from the cursor while the characters fit before it */
	while (lo > 0) {
		prev = char_start(text, lo - 1);
		cw = utf8_width_n(text + prev, lo - prev);
		if (w + cw >= room)
			break;
		w += cw;
		lo = prev;
	}
	if (start > point) /* the cursor went left of the view */
		start = point;
	if (start < lo)    /* ... or right of it */
		start = lo;
	return char_start(text, start);
}

/*
 * prompt + text, scrolled sideways so the cursor stays in view: the text
 * from byte cl_start on, after the prompt.
 */
static void draw_cmdline(struct tui *t, int y)
{
	const char *prompt = repl_cb_prompt(), *text = repl_cb_text();
	int active = t->focus < 0 && !t->help.open;
	int pw = utf8_width(prompt), room, cur;
	struct rect row = { 0, y, t->w, 1 };
	size_t point;

	canvas_fill(&t->cv, row, ' ', ROLE_DEFAULT);
	if (t->in_line) /* a command typed here runs: the line is done */
		text = "";
	if (pw > t->w / 2)
		pw = t->w / 2;
	room = t->w - pw - 1;
	point = t->in_line ? 0 : repl_cb_point();
	t->cl_start = cmdline_start(t, text, point, room);
	cur = utf8_width_n(text + t->cl_start, point - t->cl_start);
	canvas_put(&t->cv, pw, y, t->w - pw, ROLE_INPUT, text + t->cl_start);
	canvas_put(&t->cv, 0, y, pw, active ? ROLE_PROMPT : ROLE_DIM, prompt);
	if (active) {
		t->cv.cur_x = pw + cur;
		t->cv.cur_y = y;
	}
}

/* ---- help overlay -------------------------------------------------------- */

static void help_add(struct help *h, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void help_add(struct help *h, int role, const char *fmt, ...)
{
	struct help_line *l;
	char buf[512];
	va_list ap;

	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 64;

		l = realloc(h->line, (size_t)cap * sizeof(*l));
		if (!l)
			return;
		h->line = l;
		h->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	h->line[h->n].text = strdup(buf);
	if (!h->line[h->n].text)
		return;
	h->line[h->n++].role = role;
}

void help_close(struct help *h)
{
	int i;

	for (i = 0; i < h->n; i++)
		free(h->line[i].text);
	free(h->line);
	memset(h, 0, sizeof(*h));
}

/* The global keys sharing an action with a[i] ("?, F1"): their names
 * joined into keys, each between two quote strings ("`" for Markdown),
 * and the first help text any of them has.  Returns the index after them. */
static int key_group(const struct action *a, int n, int i, const char *quote,
		     char *keys, size_t size, const char **text)
{
	size_t len = 0;
	int j;

	*text = NULL;
	keys[0] = '\0';
	for (j = i; j < n && strcmp(a[j].name, a[i].name) == 0; j++) {
		if (len < size)
			len += (size_t)snprintf(keys + len, size - len, "%s%s%s%s",
						j > i ? ", " : "", quote,
						a[j].keyname, quote);
		if (!*text)
			*text = a[j].help;
	}
	if (!*text)
		*text = "";
	return j;
}

/* the global keys: entries sharing a name become one line, "?, F1" */
static void help_actions(struct help *h)
{
	int i, n;
	const struct action *a = tui_actions(&n);
	const char *text;
	char keys[64];

	help_add(h, ROLE_HEADER, "Keys");
	for (i = 0; i < n;) {
		i = key_group(a, n, i, "", keys, sizeof(keys), &text);
		help_add(h, ROLE_DEFAULT, "  %-14s %s", keys, text);
	}
}

/* The same keys as a Markdown table, for the README (mmscope --keys):
 * the README's list comes from the action table like the overlay does. */
void tui_print_keys(FILE *f)
{
	int i, n;
	const struct action *a = tui_actions(&n);
	const char *text;
	char keys[64];

	fprintf(f, "| key | what it does |\n| --- | --- |\n");
	for (i = 0; i < n;) {
		i = key_group(a, n, i, "`", keys, sizeof(keys), &text);
		fprintf(f, "| %s | %s |\n", keys, text);
	}
}

/* readline's own keys on the command line (not actions of ours) */
static const struct panel_key cmdline_keys[] = {
	{ "Tab", "complete a command, gfp flag, cache, /proc path, file" },
	{ "Up/Down", "history (kept across runs)" },
	{ "C-r", "search the history backwards (Esc or C-g leaves)" },
	{ "C-a/C-e", "start / end of the line" },
	{ "C-k/C-u/C-w", "delete to the end / start / the word before" },
	{ "C-c", "stop a running command or script; else clear the line" },
	{ "C-d", "on an empty line: quit" },
	{ "PgUp/PgDn", "scroll the log" },
	{ NULL, NULL },
};

/* Every key the screen knows, as the help overlay lists them: the
 * global keys (section "Keys"), each panel's ("Panel NAME") and the
 * command line's ("Command line").  For the man page (mmscope --man). */
void tui_each_key(void (*fn)(void *arg, const char *section, const char *keys,
			     const char *help),
		  void *arg)
{
	int i, n;
	const struct action *a = tui_actions(&n);
	const struct panel_key *k;
	const char *text;
	char keys[64], section[64];

	for (i = 0; i < n;) {
		i = key_group(a, n, i, "", keys, sizeof(keys), &text);
		fn(arg, "Keys", keys, text);
	}
	for (i = 0; i < NR_TUI_PANELS; i++) {
		snprintf(section, sizeof(section), "Panel %s", tui_panels[i]->name);
		for (k = tui_panels[i]->keys; k && k->key; k++)
			fn(arg, section, k->key, k->help);
	}
	for (k = cmdline_keys; k->key; k++)
		fn(arg, "Command line", k->key, k->help);
}

static void help_keys(struct help *h, const char *title,
		      const struct panel_key *k)
{
	help_add(h, ROLE_DEFAULT, "%s", "");
	help_add(h, ROLE_HEADER, "%s", title);
	for (; k && k->key; k++)
		help_add(h, ROLE_DEFAULT, "  %-14s %s", k->key, k->help);
}

/* the width of the synopsis column */
#define CMD_COL 34

static void help_commands(struct help *h)
{
	size_t i, n;
	const struct cmd_def *d = cmd_table(&n);
	char syn[128];

	help_add(h, ROLE_DEFAULT, "%s", "");
	help_add(h, ROLE_HEADER, "Commands (help CMD explains one)");
	for (i = 0; i < n; i++) {
		snprintf(syn, sizeof(syn), "%s%s%s", d[i].name, d[i].args[0] ? " " : "",
			 d[i].args);
		if (utf8_width(syn) <= CMD_COL) {
			help_add(h, ROLE_DEFAULT, "  %-*s %s", CMD_COL, syn,
				 d[i].summary);
			continue;
		}
		/* a long synopsis gets a line of its own */
		help_add(h, ROLE_DEFAULT, "  %s", syn);
		help_add(h, ROLE_DEFAULT, "  %-*s %s", CMD_COL, "", d[i].summary);
	}
}

void help_open(struct tui *t)
{
	struct help *h = &t->help;
	char title[96];

	help_close(h);
	help_actions(h);
	if (t->focus >= 0) {
		const struct panel_ops *ops = tui_panels[t->focus];

		snprintf(title, sizeof(title), "Panel %s (focused)", ops->name);
		help_keys(h, title, ops->keys);
	}
	help_keys(h, "Command line", cmdline_keys);
	help_commands(h);
	h->open = 1;
	t->dirty = 1;
}

int help_key(struct tui *t, int key)
{
	struct help *h = &t->help;
	int page = h->rows > 1 ? h->rows - 1 : 1;

	switch (key) {
	case TK_ESC: case 'q': case '?': case TK_F1: case TK_ENTER:
		help_close(h);
		return 0;
	case TK_UP: case 'k': h->top--; break;
	case TK_DOWN: case 'j': h->top++; break;
	case TK_PGUP: case 'b': h->top -= page; break;
	case TK_PGDN: case ' ': h->top += page; break;
	case TK_HOME: case 'g': h->top = 0; break;
	case TK_END: case 'G': h->top = h->n; break;
	default: break;
	}
	return 1;
}

static void draw_help(struct tui *t)
{
	struct help *h = &t->help;
	int w = t->w - 4 > 100 ? 100 : t->w - 4, hh = t->h - 4, i, y;
	struct rect r = { (t->w - w) / 2, 2, w, hh }, in;
	char where[64];

	canvas_fill(&t->cv, r, ' ', ROLE_DEFAULT);
	canvas_box(&t->cv, r, "Help", 1);
	in = rect_inner(r);
	h->rows = in.h - 1; /* the last row says where we are */
	if (h->top > h->n - h->rows)
		h->top = h->n - h->rows;
	if (h->top < 0)
		h->top = 0;
	for (i = h->top, y = in.y; i < h->n && y < in.y + h->rows; i++, y++)
		canvas_put(&t->cv, in.x + 1, y, in.w - 2, h->line[i].role,
			   h->line[i].text);
	snprintf(where, sizeof(where), "lines %d-%d of %d", h->top + 1,
		 i, h->n);
	y = in.y + in.h - 1;
	canvas_put(&t->cv, in.x + 1, y, in.w - 2, ROLE_DIM,
		   "Up/Down PgUp/PgDn Home/End scroll, Esc q ? close");
	canvas_put(&t->cv, in.x + in.w - 1 - (int)strlen(where), y, -1, ROLE_DIM,
		   where);
}

/* ---- the whole screen ---------------------------------------------------- */

void tui_draw(struct tui *t)
{
	t->v.now = tui_now();
	t->cv.cur_x = t->cv.cur_y = -1;
	canvas_clear(&t->cv, ROLE_DEFAULT);
	if (t->too_small) {
		draw_too_small(t);
		return;
	}
	draw_panels(t);
	draw_status(t, t->h - 2);
	draw_cmdline(t, t->h - 1);
	if (t->help.open)
		draw_help(t);
}

/* ---- names, one a line (mmscope --list themes|layouts) ------------------- */

void tui_print_themes(FILE *f)
{
	char names[128][64];
	int i, n = theme_list(names, 128);

	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", names[i]);
}

void tui_print_layouts(FILE *f)
{
	const char *const *name = layout_names();

	for (; *name; name++)
		fprintf(f, "%s\n", *name);
}
