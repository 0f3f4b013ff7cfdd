/*
 * tui_lesson.c - walkthroughs as lessons: a script with pause points run
 * in the screen, whose steps (its ui.pause calls) a person moves through
 * forward and back.
 *
 * The model is deterministic, so a step is a state that can be rebuilt:
 * boot the machine the lesson began on afresh, start the script again in
 * a new Lua host and let it run, without waiting, through its first K-1
 * pauses to the K-th (lhost_replay_to).  Going back (or to any step)
 * truncates the log to where the lesson began and replays with the output
 * on, so the screen is the one the person saw on first reaching the step.
 * Going on after commands typed during a pause replays silently (the log
 * keeps what the person did) and says so in one line.
 *
 * N, the number of steps, is known before the lesson begins: a first pass
 * runs the script through on a machine and a command context of its own,
 * its output dropped, counting the pauses.  A script without pauses is not
 * a lesson: it runs as `source` always ran it, on the current machine.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lhost.h"
#include "repl.h"
#include "tui_impl.h"

#define AUTOSTEP_DEFAULT 5.0
#define AUTOSTEP_MAX 3600.0

static void drop_out(void *sink, const char *text, size_t len)
{
	(void)sink;
	(void)text;
	(void)len;
}

static void drop_err(void *sink, const char *line)
{
	(void)sink;
	(void)line;
}

/* ---- the lesson's script and machine --------------------------------------- */

static void free_args(struct lesson *l)
{
	int i;

	for (i = 0; i < l->argc; i++)
		free(l->argv[i]);
	free(l->argv);
	l->argv = NULL;
	l->argc = 0;
}

static int copy_args(struct lesson *l, int argc, char **argv)
{
	int i;

	free_args(l);
	l->argv = calloc((size_t)argc + 1, sizeof(*l->argv));
	if (!l->argv)
		return -1;
	for (i = 0; i < argc; i++) {
		l->argv[i] = strdup(argv[i]);
		if (!l->argv[i]) {
			l->argc = i;
			free_args(l);
			return -1;
		}
	}
	l->argc = argc;
	return 0;
}

/* the pauses of the script, run through on a machine of its own */
static int count_steps(struct tui *t)
{
	static const struct ui_host counting = { .interactive = 1 };
	struct lesson *l = &t->lesson;
	struct mm_machine_desc d;
	struct mm_machine *m;
	struct cmd_ctx c;
	struct lhost *h;
	char err[256];
	int n, st;

	if (mm_desc_lookup(&d, l->machine, err, sizeof(err)) < 0 ||
	    !(m = mm_machine_create(&d, err, sizeof(err))))
		return 0;
	cmd_ctx_init(&c, m, drop_out, drop_err, NULL);
	h = lhost_new(&c, &counting, t->trusted, err, sizeof(err));
	if (!h) {
		cmd_ctx_fini(&c);
		return 0;
	}
	lhost_replay_to(h, INT_MAX);
	t->busy = 1;
	st = lhost_source(h, l->argc, l->argv);
	while (st == LH_YIELD && !t->sigint)
		st = lhost_resume(h);
	t->busy = 0;
	n = lhost_pauses(h);
	lhost_free(h);
	cmd_ctx_fini(&c);
	return n;
}

static int source_hook(struct cmd_ctx *c, void *ud, int argc, char **argv);

/* a new Lua host for the screen (the old one, with whatever the script
 * left in it, goes) */
static int new_host(struct tui *t)
{
	char err[256];

	lhost_free(t->lua);
	t->nbound = 0;
	t->lua = lhost_new(t->c, &t->ui, t->trusted, err, sizeof(err));
	if (!t->lua) {
		tui_log_add(&t->v, LOG_ERROR, -1, err);
		return -1;
	}
	lesson_hook(t);
	return 0;
}

/* the machine the lesson began on, booted afresh (its output dropped) */
static int boot_afresh(struct tui *t)
{
	struct cmd_ctx *c = t->c;
	cmd_out_fn out = c->out;
	cmd_err_fn err = c->err;
	cmd_event_fn event = c->out_event;
	char line[1100];
	int rc;

	if (strchr(t->lesson.machine, '\''))
		return -1;
	snprintf(line, sizeof(line), "machine '%s'", t->lesson.machine);
	c->out = drop_out;
	c->err = drop_err;
	c->out_event = NULL; /* its event lines go to out: dropped */
	rc = cmd_exec(c, line);
	c->out = out;
	c->err = err;
	c->out_event = event;
	return rc ? -1 : 0;
}

/* keep the log's first seq lines ever added, dropping the newer ones */
static void log_truncate(struct tui_log *log, unsigned long seq)
{
	while (log->seq > seq && log->n) {
		struct log_line *ll = &log->lines[(log->first + log->n - 1) % TUI_LOG_MAX];

		free(ll->text);
		ll->text = NULL;
		log->n--;
		log->seq--;
	}
	if (log->seq > seq)
		log->seq = seq;
}

/*
 * The state at pause k, rebuilt: a fresh machine, a fresh host, the
 * script run again until its k-th pause.  loud: the log goes back to where
 * the lesson began and the replay writes it again; else the replay is
 * silent and the log stays.
 */
static int rebuild(struct tui *t, int k, int loud)
{
	struct lesson *l = &t->lesson;
	struct cmd_ctx *c = t->c;
	cmd_out_fn out = c->out;
	cmd_err_fn err = c->err;
	cmd_event_fn event = c->out_event;
	double t0 = tui_now();
	int st;

	if (new_host(t) < 0 || boot_afresh(t) < 0) {
		tui_log_add(&t->v, LOG_ERROR, -1,
			    "lesson: cannot boot its machine again: the lesson ends");
		lesson_end(t);
		return -1;
	}
	if (loud)
		log_truncate(&t->v.log, l->log_seq);
	t->v.narration[0] = '\0';
	t->v.marked = 0;
	t->lua_prompt[0] = '\0';
	t->lua_wait = LUA_IDLE;
	t->typing = 0;
	if (!loud) {
		c->out = drop_out;
		c->err = drop_err;
		c->out_event = NULL; /* event lines go to out: dropped too */
		l->replaying = 1;
	}
	lhost_replay_to(t->lua, k);
	t->busy = 1;
	st = lhost_source(t->lua, l->argc, l->argv);
	/* where the first run let the screen draw, the view catches up
	 * as it did then (without drawing) */
	while (st == LH_YIELD && !t->sigint) {
		tui_after_command(t);
		st = lhost_resume(t->lua);
	}
	t->busy = 0;
	c->out = out;
	c->err = err;
	c->out_event = event;
	l->replaying = 0;
	l->explored = 0;
	l->number[0] = '\0';
	tui_lua_settle(t, st);
	if (loud && tui_slot_of(t, tui_panel_index("narration")) >= 0)
		tui_set_focus(t, tui_panel_index("narration"));
	l->last_ms = (tui_now() - t0) * 1000;
	return 0;
}

void lesson_hook(struct tui *t)
{
	cmd_set_hook(t->c, "source", source_hook, t);
}

void lesson_begin(struct tui *t, int argc, char **argv)
{
	struct lesson *l = &t->lesson;
	struct mm_machine_view mv;
	int st;

	if (l->on)
		lesson_end(t);
	if (argc < 1 || copy_args(l, argc, argv) < 0) {
		tui_log_add(&t->v, LOG_ERROR, -1,
			    "source: missing file name (usage: source FILE.lua [ARG...])");
		return;
	}
	mm_view_machine(t->c->m, &mv);
	snprintf(l->machine, sizeof(l->machine), "%s", mv.name);
	l->steps = count_steps(t);
	if (l->steps > 0) {
		l->on = 1;
		l->step = 0;
		l->log_seq = t->v.log.seq;
		tui_set_layout(t, t->layout, t->layout_auto); /* the narration shows */
		rebuild(t, 1, 1);
		return;
	}
	/* no pauses: a plain script, on the machine as it is */
	t->busy = 1;
	st = lhost_source(t->lua, l->argc, l->argv);
	t->busy = 0;
	tui_lua_settle(t, st);
}

/* source typed in the screen runs once the command line is done, not
 * from inside the host's own hook */
static int source_hook(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	(void)c;
	return lesson_defer(ud, argc - 1, argv + 1);
}

int lesson_defer(struct tui *t, int argc, char **argv)
{
	if (argc < 1) {
		tui_log_add(&t->v, LOG_ERROR, -1,
			    "source: missing file name (usage: source FILE.lua [ARG...])");
		return 1;
	}
	if (copy_args(&t->lesson, argc, argv) < 0)
		return 1;
	t->lesson.pending = 1;
	return 0;
}

void lesson_start_pending(struct tui *t)
{
	struct lesson *l = &t->lesson;
	char **argv;
	int argc;

	if (!l->pending)
		return;
	l->pending = 0;
	argv = l->argv;
	argc = l->argc;
	l->argv = NULL;
	l->argc = 0;
	if (l->on)
		lesson_end(t);
	lesson_begin(t, argc, argv);
	while (argc-- > 0)
		free(argv[argc]);
	free(argv);
}

void lesson_end(struct tui *t)
{
	struct lesson *l = &t->lesson;

	if (!l->on)
		return;
	l->on = 0;
	l->asking = 0;
	l->autostep = 0;
	l->note[0] = '\0';
	l->number[0] = '\0';
	if (lhost_busy(t->lua))
		lhost_stop(t->lua);
	t->lua_wait = LUA_IDLE;
	t->lua_prompt[0] = '\0';
	tui_set_layout(t, t->layout, t->layout_auto);
}

void lesson_free(struct tui *t)
{
	free_args(&t->lesson);
}

/* ---- moving ------------------------------------------------------------------ */

static void go_to(struct tui *t, int k)
{
	struct lesson *l = &t->lesson;

	if (k < 1)
		k = 1;
	if (k > l->steps)
		k = l->steps;
	l->note[0] = '\0';
	rebuild(t, k, 1);
}

static void go_on(struct tui *t)
{
	struct lesson *l = &t->lesson;
	int k = l->step;

	if (l->step > l->steps || t->lua_wait != LUA_KEY)
		return; /* the end, or the script is still on its way */
	l->note[0] = '\0';
	if (l->explored) {
		if (rebuild(t, k, 0) < 0)
			return;
		snprintf(l->note, sizeof(l->note),
			 "step %d restored as the lesson left it (your commands are undone); going on",
			 k);
		tui_log_add(&t->v, LOG_OUTPUT, -1, l->note);
	}
	tui_lua_resume(t);
}

void lesson_settled(struct tui *t, int status)
{
	struct lesson *l = &t->lesson;

	if (!l->on)
		return;
	if (status == LH_PAUSED) {
		l->step = lhost_pauses(t->lua);
		if (l->step > l->steps) /* the first pass saw fewer */
			l->steps = l->step;
		if (l->autostep > 0)
			l->next_auto = tui_now() + l->autostep;
	} else if (status == LH_DONE || status == LH_ERROR) {
		l->step = l->steps + 1;
		l->autostep = 0;
	}
}

void lesson_tick(struct tui *t)
{
	struct lesson *l = &t->lesson;

	if (!l->on || l->autostep <= 0 || l->asking || t->lua_wait != LUA_KEY ||
	    tui_now() < l->next_auto)
		return;
	go_on(t);
}

/* a command ran: during a pause, the state is no longer the script's */
void lesson_command_ran(struct tui *t, const char *line)
{
	static const char *const screen_only[] = {
		"layout", "theme", "focus", "screenshot", "help", "autostep",
		"lesson", "scripts", "speed", "pause", NULL,
	};
	size_t n;
	int i;

	if (!t->lesson.on || t->lua_wait != LUA_KEY)
		return;
	line += strspn(line, " \t");
	n = strcspn(line, " \t;#");
	for (i = 0; screen_only[i]; i++)
		if (strlen(screen_only[i]) == n && !strncmp(line, screen_only[i], n) &&
		    !strchr(line, ';'))
			return;
	t->lesson.explored = 1;
}

void lesson_ask_leave(struct tui *t)
{
	t->lesson.asking = 1;
	t->lesson.autostep = 0;
	t->dirty = 1;
}

/* ---- keys ------------------------------------------------------------------------ */

static int cmdline_empty(void)
{
	return !repl_cb_text()[0] && !repl_cb_continuing() && !repl_cb_searching();
}

/* the keys of the narration panel during a lesson */
static int narration_key(struct tui *t, int key)
{
	struct lesson *l = &t->lesson;
	size_t n = strlen(l->number);

	if (key >= '0' && key <= '9') {
		if (n + 1 < sizeof(l->number))
			l->number[n] = (char)key, l->number[n + 1] = '\0';
		return 1;
	}
	if (n && (key == TK_BACKSPACE || key == 0x7f || key == 8)) {
		l->number[n - 1] = '\0';
		return 1;
	}
	if (n && (key == TK_ENTER || key == '\n')) {
		int k = atoi(l->number);

		l->number[0] = '\0';
		if (k < 1 || k > l->steps)
			snprintf(l->note, sizeof(l->note), "no step %d: the steps are 1 to %d",
				 k, l->steps);
		else
			go_to(t, k);
		return 1;
	}
	l->number[0] = '\0';
	switch (key) {
	case TK_RIGHT: case ' ':
		go_on(t);
		return 1;
	case TK_LEFT:
		go_to(t, l->step - 1);
		return 1;
	case TK_HOME:
		go_to(t, 1);
		return 1;
	case 'a':
		l->autostep = AUTOSTEP_DEFAULT;
		l->next_auto = tui_now() + l->autostep;
		return 1;
	}
	return 0;
}

int lesson_key(struct tui *t, int key)
{
	struct lesson *l = &t->lesson;
	int narration = t->focus >= 0 && t->focus == tui_panel_index("narration");
	int panel = t->focus >= 0 && !t->too_small;

	if (!l->on || t->help.open)
		return 0;
	t->dirty = 1;
	if (l->asking) {
		l->asking = 0;
		if (key == 'y' || key == 'Y') {
			lesson_end(t);
			tui_log_add(&t->v, LOG_OUTPUT, -1, "lesson left");
		}
		return 1;
	}
	if (l->autostep > 0) { /* any key pauses it */
		l->autostep = 0;
		snprintf(l->note, sizeof(l->note), "autostep off");
		return 1;
	}
	if (key != TK_RESIZE)
		l->note[0] = '\0';
	if (key == TK_F10 || ((key == 'q' || key == 'Q') && panel && !t->typing)) {
		lesson_ask_leave(t);
		return 1;
	}
	if (key == TK_ESC) {
		tui_set_focus(t, -1);
		t->typing = 0;
		return 1;
	}
	if ((key == TK_PGDN || key == TK_PGUP) && (panel || cmdline_empty())) {
		if (key == TK_PGDN)
			go_on(t);
		else
			go_to(t, l->step - 1);
		return 1;
	}
	if (narration && !t->too_small)
		return narration_key(t, key);
	return 0;
}

/* ---- what the screen shows ------------------------------------------------------- */

void lesson_title(const struct tui *t, char *buf, size_t len)
{
	const struct lesson *l = &t->lesson;

	buf[0] = '\0';
	if (!l->on)
		return;
	if (l->number[0])
		snprintf(buf, len, "step %d/%d, go to %s_", l->step, l->steps, l->number);
	else if (l->step > l->steps)
		snprintf(buf, len, "end of %d steps", l->steps);
	else if (l->step > 0)
		snprintf(buf, len, "step %d/%d", l->step, l->steps);
}

const char *lesson_status(const struct tui *t, char *buf, size_t len, int room)
{
	const struct lesson *l = &t->lesson;

	if (!l->on)
		return NULL;
	if (l->asking)
		snprintf(buf, len, "leave the lesson? (y/n)");
	else if (l->note[0])
		snprintf(buf, len, "%s", l->note);
	else if (l->autostep > 0)
		snprintf(buf, len, "autostep: a step every %g s — any key pauses", l->autostep);
	else if (l->step > l->steps)
		snprintf(buf, len, "the lesson is over — PgUp back, q leaves");
	else if (t->lua_wait == LUA_KEY) {
		static const char *const advice[] = {
			" — PgDn next, PgUp back, q leaves", " — PgDn next, PgUp back",
			" [PgDn/PgUp]", "",
		};
		const char *prompt = t->lua_prompt[0] ? t->lua_prompt : "paused";
		size_t i;

		for (i = 0; i + 1 < sizeof(advice) / sizeof(advice[0]); i++)
			if (utf8_width(prompt) + 2 + utf8_width(advice[i]) <= room)
				break;
		snprintf(buf, len, "▶ %s%s", prompt, advice[i]);
	} else {
		return NULL;
	}
	return buf;
}

/* autostep SECONDS | off */
int lesson_set_autostep(struct tui *t, const char *arg, char *err, size_t errlen)
{
	char *end;
	double s;

	if (!strcmp(arg, "off")) {
		t->lesson.autostep = 0;
		return 0;
	}
	errno = 0;
	s = strtod(arg, &end);
	if (end == arg || *end || errno || !(s >= 0.5 && s <= AUTOSTEP_MAX)) {
		snprintf(err, errlen, "'%s' is not a number of seconds from 0.5 to %g (or off)",
			 arg, AUTOSTEP_MAX);
		return -1;
	}
	if (!t->lesson.on) {
		snprintf(err, errlen, "no lesson runs (start one: source FILE.lua)");
		return -1;
	}
	t->lesson.autostep = s;
	t->lesson.next_auto = tui_now() + s;
	return 0;
}
