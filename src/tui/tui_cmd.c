/*
 * tui_cmd.c - what the screen adds to the command language and to scripts:
 *
 *  - the sinks: a command's output and errors become log lines, and the
 *    event lines (printk, tracepoints, the stage trail) come with their
 *    event, so each is filed by its kind, never by what its text says;
 *  - the commands only the screen has (theme, layout, focus, screenshot,
 *    run, pause, speed), registered with cmd_set_hook;
 *  - the ui_host a script's `ui` module talks to (say, pause, focus,
 *    highlight, layout, theme, bind).
 *
 * A command and the matching ui call share one function (set_layout_named,
 * set_focus_named, ...), so they accept and refuse the same things.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "screenshot.h"
#include "term.h"
#include "tui_impl.h"

#define SPEED_MAX 10000

/* ---- sinks ------------------------------------------------------------- */

/* a copy of n bytes of s with tabs expanded to 8-column stops (Lua's
 * tracebacks indent with tabs; the canvas would show them as '?') */
static char *untab(const char *s, size_t n)
{
	size_t i, tabs = 0, col = 0, o = 0;
	char *d;

	for (i = 0; i < n; i++)
		tabs += s[i] == '\t';
	d = malloc(n + tabs * 7 + 1);
	if (!d)
		return NULL;
	for (i = 0; i < n; i++, col++) {
		if (s[i] != '\t') {
			d[o++] = s[i];
			continue;
		}
		do
			d[o++] = ' ';
		while (++col % 8);
		col--;
	}
	d[o] = '\0';
	return d;
}

/* tick's own "jiffies N" line, which live mode does not log */
static int is_tick_line(const char *s)
{
	if (strncmp(s, "jiffies ", 8) != 0)
		return 0;
	s += 8;
	return s[strspn(s, "0123456789")] == '\0';
}

static void log_output_line(struct tui *t, const char *line)
{
	if (t->quiet_tick && is_tick_line(line))
		return;
	tui_log_add(&t->v, LOG_OUTPUT, -1, line);
}

static void sink_out(void *sink, const char *text, size_t len)
{
	struct tui *t = sink;
	const char *end = text + len, *nl;
	char *line;

	while (text < end) {
		nl = memchr(text, '\n', (size_t)(end - text));
		line = untab(text, (size_t)((nl ? nl : end) - text));
		if (line)
			log_output_line(t, line);
		free(line);
		text = nl ? nl + 1 : end;
	}
	t->dirty = 1;
}

/* an event's line, filed by its kind: a printk (each of its lines), a
 * tracepoint or a stage line with its event */
static void sink_event(void *sink, int event, const char *text, size_t len)
{
	struct tui *t = sink;
	const char *end = text + len, *nl;
	char *line;

	do {
		nl = memchr(text, '\n', (size_t)(end - text));
		line = untab(text, (size_t)((nl ? nl : end) - text));
		if (line)
			tui_log_add(&t->v, event == MM_EV_PRINTK ? LOG_PRINTK : LOG_TRACE,
				    event == MM_EV_PRINTK ? -1 : event, line);
		free(line);
		text = nl ? nl + 1 : end;
	} while (text < end);
	t->dirty = 1;
}

static void sink_err(void *sink, const char *line)
{
	struct tui *t = sink;

	tui_log_add(&t->v, LOG_ERROR, -1, line);
	t->dirty = 1;
}

void tui_sinks_install(struct tui *t)
{
	struct cmd_ctx *c = t->c;

	t->old_out = c->out;
	t->old_err = c->err;
	t->old_event = c->out_event;
	t->old_sink = c->sink;
	t->old_flags = c->flags;
	c->out = sink_out;
	c->err = sink_err;
	c->out_event = sink_event;
	c->sink = t;
	c->flags &= ~CMD_ECHO; /* the log shows each command line itself */
}

void tui_sinks_remove(struct tui *t)
{
	struct cmd_ctx *c = t->c;

	c->out = t->old_out;
	c->err = t->old_err;
	c->out_event = t->old_event;
	c->sink = t->old_sink;
	c->flags = t->old_flags;
}

/* the model's events: to the panels that asked */
void tui_event(struct mm_machine *m, const struct mm_event *ev, void *ud)
{
	struct tui *t = ud;
	int i;

	(void)m;
	for (i = 0; i < NR_TUI_PANELS; i++) {
		const struct panel_ops *ops = tui_panels[i];

		if (ops->event && (ops->event_mask & MM_EV_BIT(ev->type)))
			ops->event(t->panel[i], &t->v, ev);
	}
}

/* ---- shared by commands and scripts -------------------------------------- */

static void list_names(char *buf, size_t len, const char *const *names)
{
	size_t at = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; names[i] && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s", i ? ", " : "",
				       names[i]);
}

static int set_layout_named(struct tui *t, const char *name, char *err,
			    size_t errlen)
{
	char all[256];
	int l;

	if (strcmp(name, "auto") == 0)
		return tui_set_layout(t, -1, 1);
	l = layout_find(name);
	if (l < 0) {
		list_names(all, sizeof(all), layout_names());
		snprintf(err, errlen, "unknown layout '%s' (layouts: %s)", name, all);
		return -1;
	}
	return tui_set_layout(t, l, 0);
}

static int set_focus_named(struct tui *t, const char *name, char *err,
			   size_t errlen)
{
	char all[256];
	int p;

	if (strcmp(name, "repl") == 0 || strcmp(name, "cmdline") == 0)
		return tui_set_focus(t, -1);
	p = tui_panel_index(name);
	if (p < 0) {
		list_names(all, sizeof(all), t->focus_names);
		snprintf(err, errlen, "unknown panel '%s' (panels: %s)", name, all);
		return -1;
	}
	return tui_set_focus(t, p);
}

int tui_load_theme(struct tui *t, const char *name, char *err, size_t errlen)
{
	struct theme th;

	/* from the built-in one, so nothing of the previous theme stays */
	theme_builtin(&th);
	if (theme_load(&th, name, err, errlen) < 0)
		return -1;
	t->theme = th;
	if (t->term)
		term_set_theme(t->term, &t->theme);
	t->dirty = 1;
	return 0;
}

static void refresh_theme_names(struct tui *t)
{
	int i, n = theme_list(t->theme_names, TUI_MAX_THEMES);

	for (i = 0; i < n; i++)
		t->theme_list[i] = t->theme_names[i];
	t->theme_list[n] = NULL;
}

void tui_cycle_theme(struct tui *t)
{
	char err[512];
	int i, n;

	refresh_theme_names(t);
	for (n = 0; t->theme_list[n]; n++)
		;
	if (!n)
		return;
	for (i = 0; i < n; i++)
		if (strcmp(t->theme_list[i], t->theme.name) == 0)
			break;
	i = i < n ? (i + 1) % n : 0;
	if (tui_load_theme(t, t->theme_list[i], err, sizeof(err)) < 0)
		tui_log_add(&t->v, LOG_ERROR, -1, err);
	else {
		snprintf(err, sizeof(err), "theme %s", t->theme.name);
		tui_log_add(&t->v, LOG_OUTPUT, -1, err);
	}
	t->dirty = 1;
}

/* ---- the screen's commands ------------------------------------------------- */

static void out(struct cmd_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void out(struct cmd_ctx *c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && c->out)
		c->out(c->sink, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* "NAME: what is wrong", as every command's errors read; returns 1 */
static int fail(struct cmd_ctx *c, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct cmd_ctx *c, const char *name, const char *fmt, ...)
{
	char msg[900], line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "%s: %s", name, msg);
	if (c->err)
		c->err(c->sink, line);
	return 1;
}

static int nargs(struct cmd_ctx *c, int argc, char **argv, int lo, int hi)
{
	if (argc - 1 < lo)
		return fail(c, argv[0], "missing argument (usage: %s %s)", argv[0],
			    cmd_lookup(argv[0])->args);
	if (argc - 1 > hi)
		return fail(c, argv[0], "too many arguments (usage: %s %s)", argv[0],
			    cmd_lookup(argv[0])->args);
	return 0;
}

static int hook_theme(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	char err[512];
	int i;

	if (nargs(c, argc, argv, 0, 1))
		return 1;
	refresh_theme_names(t);
	if (argc == 1) {
		for (i = 0; t->theme_list[i]; i++)
			out(c, "%c %s\n",
			    strcmp(t->theme_list[i], t->theme.name) ? ' ' : '*',
			    t->theme_list[i]);
		return 0;
	}
	if (tui_load_theme(t, argv[1], err, sizeof(err)) < 0)
		return fail(c, "theme", "%s", err);
	return 0;
}

static int hook_layout(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	char err[512];
	int i;

	if (nargs(c, argc, argv, 0, 1))
		return 1;
	if (argc == 1) {
		for (i = 0; i < layout_count(); i++)
			out(c, "%c %-8s %s\n",
			    !t->layout_auto && i == t->layout ? '*' : ' ',
			    layout_name(i), layout_summary(i));
		out(c, "%c %-8s %s (now %s)\n", t->layout_auto ? '*' : ' ', "auto",
		    "wide from 160x48 on, else default", layout_name(t->layout));
		return 0;
	}
	if (set_layout_named(t, argv[1], err, sizeof(err)) < 0)
		return fail(c, "layout", "%s", err);
	return 0;
}

static int hook_focus(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	char err[512];

	if (nargs(c, argc, argv, 1, 1))
		return 1;
	if (set_focus_named(t, argv[1], err, sizeof(err)) < 0)
		return fail(c, "focus", "%s", err);
	return 0;
}

static int hook_screenshot(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	char err[600];

	if (nargs(c, argc, argv, 1, 1))
		return 1;
	tui_draw(t); /* the screen as it is now, not as last flushed */
	if (screenshot_write(&t->cv, &t->theme, argv[1], err, sizeof(err)) < 0) {
		if (strncmp(err, "screenshot:", 11) == 0)
			c->err(c->sink, err);
		else
			fail(c, "screenshot", "%s", err);
		return 1;
	}
	out(c, "screenshot: %dx%d written to %s\n", t->cv.w, t->cv.h, argv[1]);
	return 0;
}

/* a speed: 1..SPEED_MAX jiffies per second */
static int parse_speed(struct cmd_ctx *c, const char *name, const char *s, int *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || *end || errno || n < 1 || n > SPEED_MAX)
		return fail(c, name, "speed '%s' is not 1..%d jiffies per second", s,
			    SPEED_MAX);
	*v = (int)n;
	return 0;
}

static int hook_run(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;

	if (nargs(c, argc, argv, 0, 1) ||
	    (argc == 2 && parse_speed(c, "run", argv[1], &t->v.speed)))
		return 1;
	t->v.live = 1;
	t->tick_debt = 0;
	t->last_tick = tui_now();
	out(c, "live: %d jiffies per second (HZ %d)\n", t->v.speed, HZ);
	return 0;
}

static int hook_pause(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;

	if (nargs(c, argc, argv, 0, 0))
		return 1;
	struct mm_machine_view mv;

	mm_view_machine(c->m, &mv);
	t->v.live = 0;
	out(c, "paused at jiffies %llu\n", mv.jiffies);
	return 0;
}

static int hook_speed(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;

	if (nargs(c, argc, argv, 0, 1) ||
	    (argc == 2 && parse_speed(c, "speed", argv[1], &t->v.speed)))
		return 1;
	out(c, "speed %d jiffies per second\n", t->v.speed);
	return 0;
}

/* autostep [SECONDS|off] */
static int hook_autostep(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	char err[200];

	if (nargs(c, argc, argv, 0, 1))
		return 1;
	if (argc == 2 && lesson_set_autostep(t, argv[1], err, sizeof(err)) < 0)
		return fail(c, "autostep", "%s", err);
	if (t->lesson.autostep > 0)
		out(c, "autostep: a step every %g s (any key pauses it)\n", t->lesson.autostep);
	else
		out(c, "autostep off\n");
	return 0;
}

/* lesson: where the lesson stands */
static int hook_lesson(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct tui *t = ud;
	const struct lesson *l = &t->lesson;
	char where[64];

	if (nargs(c, argc, argv, 0, 0))
		return 1;
	if (!l->on) {
		out(c, "no lesson runs (a walkthrough with pauses starts one: source FILE.lua)\n");
		return 0;
	}
	lesson_title(t, where, sizeof(where));
	out(c, "lesson %s: %s; the last rebuild took %.1f ms\n", l->argv[0], where,
	    l->last_ms);
	return 0;
}

static const struct {
	const char *name;
	cmd_hook_fn fn;
} hooks[] = {
	{ "theme", hook_theme }, { "layout", hook_layout },
	{ "focus", hook_focus }, { "screenshot", hook_screenshot },
	{ "run", hook_run },     { "pause", hook_pause },
	{ "speed", hook_speed }, { "autostep", hook_autostep },
	{ "lesson", hook_lesson },
};
#define NR_HOOKS (sizeof(hooks) / sizeof(hooks[0]))

void tui_hooks_install(struct tui *t)
{
	size_t i;

	for (i = 0; i < NR_HOOKS; i++)
		cmd_set_hook(t->c, hooks[i].name, hooks[i].fn, t);
	refresh_theme_names(t);
	for (i = 0; i < NR_TUI_PANELS; i++)
		t->focus_names[i] = tui_panels[i]->name;
	t->focus_names[i++] = "repl";
	t->focus_names[i] = NULL;
	cmd_set_hook_names(t->c, "theme", t->theme_list);
	cmd_set_hook_names(t->c, "layout", layout_names());
	cmd_set_hook_names(t->c, "focus", t->focus_names);
}

void tui_hooks_remove(struct tui *t)
{
	size_t i;

	for (i = 0; i < NR_HOOKS; i++)
		cmd_set_hook(t->c, hooks[i].name, NULL, NULL);
}

/* ---- the ui_host of scripts ------------------------------------------------ */

static void ui_say(void *ud, const char *text)
{
	struct tui *t = ud;
	int p = tui_panel_index("narration");

	snprintf(t->v.narration, sizeof(t->v.narration), "%s", text ? text : "");
	if (!t->lesson.replaying)
		tui_log_add(&t->v, LOG_NARRATION, -1, t->v.narration);
	if (tui_slot_of(t, p) >= 0)
		tui_set_focus(t, p);
	t->dirty = 1;
}

static void ui_pause_prompt(void *ud, const char *prompt)
{
	struct tui *t = ud;

	snprintf(t->lua_prompt, sizeof(t->lua_prompt), "%s",
		 prompt && prompt[0] ? prompt : "paused");
	t->lua_wait = LUA_KEY;
	t->dirty = 1;
}

static int ui_focus(void *ud, const char *panel, char *err, size_t errlen)
{
	return set_focus_named(ud, panel, err, errlen);
}

static int ui_highlight(void *ud, unsigned long first, unsigned long last,
			char *err, size_t errlen)
{
	struct tui *t = ud;

	if (first > last) {
		snprintf(err, errlen, "first pfn 0x%lx is after last pfn 0x%lx",
			 first, last);
		return -1;
	}
	struct mm_machine_view mv;

	mm_view_machine(t->c->m, &mv);
	if (last >= mv.max_pfn) {
		snprintf(err, errlen, "pfn 0x%lx is beyond the last pfn 0x%lx", last, mv.max_pfn - 1);
		return -1;
	}
	t->v.marked = 1;
	t->v.mark_first = first;
	t->v.mark_last = last;
	t->dirty = 1;
	return 0;
}

static int ui_layout(void *ud, const char *name, char *err, size_t errlen)
{
	return set_layout_named(ud, name, err, errlen);
}

static int ui_theme(void *ud, const char *name, char *err, size_t errlen)
{
	return tui_load_theme(ud, name, err, errlen);
}

static int ui_bind(void *ud, const char *key, char *err, size_t errlen)
{
	struct tui *t = ud;
	char name[24];
	int code = tui_key_by_name(key), i;

	if (code == TK_NONE || !tui_key_name(code, name, sizeof(name))) {
		snprintf(err, errlen, "unknown key '%s' (e.g. F12, x, C-t)", key);
		return -1;
	}
	for (i = 0; i < t->nbound; i++)
		if (strcmp(t->bound[i], name) == 0)
			return 0;
	if (t->nbound == TUI_MAX_BOUND) {
		snprintf(err, errlen, "too many bound keys (at most %d)", TUI_MAX_BOUND);
		return -1;
	}
	snprintf(t->bound[t->nbound++], sizeof(t->bound[0]), "%s", name);
	return 0;
}

void tui_ui_host_init(struct tui *t)
{
	t->ui.ud = t;
	t->ui.interactive = 1;
	t->ui.say = ui_say;
	t->ui.pause_prompt = ui_pause_prompt;
	t->ui.focus = ui_focus;
	t->ui.highlight = ui_highlight;
	t->ui.layout = ui_layout;
	t->ui.theme = ui_theme;
	t->ui.bind = ui_bind;
}
