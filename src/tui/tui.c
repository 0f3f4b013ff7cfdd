/*
 * tui.c - the screen's main loop.  It owns the terminal, the canvas, the
 * theme, the panels and the shared view (struct tui_view), and runs:
 *
 *   draw (only when something changed) -> wait up to 50 ms for a key ->
 *   hand the key to the help overlay, a paused script, the focused panel,
 *   the global actions or readline -> advance the clock in live mode.
 *
 * Every command, typed or asked for by a panel, a key or a script, goes
 * through the command language (tui_run_line); afterwards the view picks
 * up what the command changed (free_area cells, the cpu, a new machine).
 * Panels return reaction masks; only this loop redraws.
 *
 * Keys are data: the action table below pairs each global key with its
 * handler and help text; the help overlay and the status bar's hints are
 * generated from it.
 *
 * Signals: Ctrl-C (the terminal keeps ISIG) interrupts whatever runs
 * (c->interrupted, lhost_interrupt: both only set flags) or, when nothing
 * runs, clears the command line.  SIGTERM and SIGHUP end the loop so the
 * terminal is restored on the way out (history saved), then the program
 * dies of the same signal; a second one before the loop heeded the first
 * does what a crash does.  A crash or a signal that kills (SIGQUIT from
 * Ctrl-\, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) restores the terminal
 * before the default action (or a sanitizer's report).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua/lhost.h"
#include "repl.h"
#include "term.h"
#include "tui_impl.h"

#define KEY_TIMEOUT_MS 50
#define HIGHLIGHT_SECONDS 1.5
#define DEFAULT_SPEED HZ /* jiffies per second: real time */

/* The signal handlers' only way to the screen (a handler gets no
 * argument); set while tui_run runs. */
static struct tui *volatile sig_tui;
static struct term *volatile crash_term;
/* the real stderr while the screen sends it to the log (-1: not captured) */
static volatile int crash_err_fd = -1;

static const int fatal_signals[] = { SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NR_FATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction old_fatal[NR_FATAL];

double tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- signals ----------------------------------------------------------- */

static void on_sigint(int sig)
{
	struct tui *t = sig_tui;

	(void)sig;
	if (!t)
		return;
	t->sigint = 1;
	if (t->busy) {
		t->c->interrupted = 1;
		if (t->lua)
			lhost_interrupt(t->lua);
	}
}

/* give the terminal back, then let the previous handler (the default, or
 * a sanitizer's report) do its work */
static void on_fatal(int sig)
{
	size_t i;

	if (crash_term)
		term_close(crash_term);
	if (crash_err_fd >= 0) /* the report goes to the real stderr */
		dup2(crash_err_fd, STDERR_FILENO);
	crash_term = NULL;
	signal(sig, SIG_DFL);
	for (i = 0; i < NR_FATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &old_fatal[i], NULL);
	raise(sig);
}

static void on_sigterm(int sig)
{
	struct tui *t = sig_tui;

	if (!t)
		return;
	if (t->sigterm) { /* the first was not heeded (a command that hangs) */
		on_fatal(sig);
		return;
	}
	t->sigterm = sig;
	t->c->interrupted = 1;
	if (t->busy && t->lua)
		lhost_interrupt(t->lua);
}

static void signals_install(struct tui *t)
{
	struct sigaction sa;
	size_t i;

	sig_tui = t;
	crash_term = t->term;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NR_FATAL; i++)
		sigaction(fatal_signals[i], &sa, &old_fatal[i]);
}

static void signals_remove(void)
{
	size_t i;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	for (i = 0; i < NR_FATAL; i++)
		sigaction(fatal_signals[i], &old_fatal[i], NULL);
	sig_tui = NULL;
	crash_term = NULL;
}

/* exit() from anywhere (a library, a bug) still restores the terminal */
static void restore_at_exit(void)
{
	if (crash_term)
		term_close(crash_term);
	if (crash_err_fd >= 0)
		dup2(crash_err_fd, STDERR_FILENO);
}

/* ---- layout and focus ---------------------------------------------------- */

int tui_slot_of(const struct tui *t, int panel)
{
	int i;

	for (i = 0; i < t->nslots; i++)
		if (t->slot[i].panel == panel)
			return i;
	return -1;
}

static void arrange(struct tui *t)
{
	struct rect area = { 0, 0, t->w, t->h - 2 }; /* status bar, command line */
	struct rect full = area;
	int narration = tui_panel_index("narration");

	if (t->layout_auto)
		t->layout = layout_auto(t->w, t->h);
	t->too_small = t->w < TUI_MIN_W || t->h < TUI_MIN_H;
	if (t->lesson.on && t->layout == layout_find("default"))
		t->layout = layout_find("lesson"); /* its narration, at 80x24 */
	if (t->lesson.on && !layout_has(t->layout, narration)) {
		/* a lesson's narration stays on screen, on top: 6 lines at
		 * least, the layout's panels share what is left */
		struct rect top = area;

		top.h = area.h * 2 / 5 < 8 ? 8 : area.h * 2 / 5;
		area.y += top.h;
		area.h -= top.h;
		t->slot[0].panel = narration;
		t->slot[0].r = top;
		t->nslots = 1 + layout_arrange(t->layout, area, t->slot + 1,
					       LAYOUT_MAX_SLOTS - 1);
	} else {
		t->nslots = layout_arrange(t->layout, area, t->slot, LAYOUT_MAX_SLOTS);
	}
	if (t->zoom >= 0) { /* one panel over all of it, until F11 again */
		t->slot[0].panel = t->zoom;
		t->slot[0].r = full;
		t->nslots = 1;
	}
	if (t->focus >= 0 && tui_slot_of(t, t->focus) < 0)
		t->focus = -1;
	t->dirty = 1;
}

void tui_relayout(struct tui *t)
{
	term_size(t->term, &t->w, &t->h);
	if (canvas_resize(&t->cv, t->w, t->h) < 0)
		t->quit = 1; /* no memory for the screen: leave cleanly */
	term_invalidate(t->term);
	arrange(t);
}

int tui_set_layout(struct tui *t, int layout, int is_auto)
{
	if (!is_auto && (layout < 0 || layout >= layout_count()))
		return -1;
	t->layout_auto = is_auto;
	if (!is_auto)
		t->layout = layout;
	t->zoom = -1; /* a new layout shows all its panels */
	arrange(t);
	return 0;
}

/* a layout that shows the panel, preferring one that suits the terminal */
static int layout_showing(const struct tui *t, int panel)
{
	int i, wide = layout_find("wide"), fallback = -1;
	int big = t->w >= TUI_WIDE_W && t->h >= TUI_WIDE_H;

	if (layout_has(t->layout, panel))
		return t->layout;
	for (i = 0; i < layout_count(); i++) {
		if (!layout_has(i, panel))
			continue;
		if (i != wide || big)
			return i;
		fallback = i;
	}
	return fallback;
}

int tui_set_focus(struct tui *t, int panel)
{
	int l;

	if (panel >= 0 && tui_slot_of(t, panel) < 0) {
		l = layout_showing(t, panel);
		if (l < 0)
			return -1;
		tui_set_layout(t, l, 0);
	}
	t->focus = panel;
	t->dirty = 1;
	return 0;
}

static void focus_step(struct tui *t, int dir)
{
	int i, n = t->nslots + 1; /* the slots, then the command line */

	i = t->focus < 0 ? t->nslots : tui_slot_of(t, t->focus);
	i = ((i + dir) % n + n) % n;
	tui_set_focus(t, i == t->nslots ? -1 : t->slot[i].panel);
}

/* ---- the view after a command ---------------------------------------------- */

/* the zone the panels show first: Normal, else the biggest one */
static int default_zone(const struct mm_machine *m)
{
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	unsigned long best_pages = 0;
	int i, best = 0;

	mm_view_machine(m, &mv);
	for (i = 0; i < mv.nr_zones; i++) {
		if (mm_view_zone(m, i, &zv))
			continue;
		if (zv.type == ZONE_NORMAL && zv.populated)
			return i;
		if (i == 0 || zv.managed_pages > best_pages) {
			best = i;
			best_pages = zv.managed_pages;
		}
	}
	return best;
}

static int cur_cpu(const struct mm_machine *m)
{
	struct mm_machine_view mv;

	mm_view_machine(m, &mv);
	return mv.cur_cpu;
}

static void view_new_machine(struct tui *t)
{
	struct mm_machine *m = t->c->m;

	t->seen_gen = t->c->machine_gen;
	memset(t->v.changed, 0, sizeof(t->v.changed));
	t->v.changed_until = 0;
	t->v.marked = 0;
	if (!m)
		return;
	t->v.zone = default_zone(m);
	t->v.cpu = cur_cpu(m);
}

/* copy the free_area cells the core marked changed, and clear its marks;
 * a tick adds to cells still lit, a command starts afresh */
static void pick_up_changes(struct tui *t, int add)
{
	struct mm_machine *m = t->c->m;
	int z, o, any = 0;
	double now = tui_now();

	if (!add || now >= t->v.changed_until)
		memset(t->v.changed, 0, sizeof(t->v.changed));
	for (z = 0; z < MAX_NR_ZONES; z++) {
		uint8_t bits[MAX_ORDER];

		if (mm_zone_take_changes(m, z, bits))
			break;
		for (o = 0; o < MAX_ORDER; o++) {
			t->v.changed[z][o] |= bits[o];
			any |= bits[o];
		}
	}
	if (any)
		t->v.changed_until = now + HIGHLIGHT_SECONDS;
}

static void listen_for_stages(struct tui *t);
static int any_request(struct mm_machine *m);
static int layout_showing(const struct tui *t, int panel);

/*
 * A request appeared (stopped, sleeping, waiting for a lock) where its
 * call stack is not on screen: switch to a layout that shows it.  Only
 * when it appears - a person who then picks another layout keeps it -
 * and the layout stays when the request ends, its trail on view.
 */
static void follow_requests(struct tui *t)
{
	int stack = tui_panel_index("stack"), any = any_request(t->c->m), l;

	if (any && !t->had_request && tui_slot_of(t, stack) < 0) {
		l = layout_showing(t, stack);
		if (l >= 0)
			tui_set_layout(t, l, 0);
	}
	t->had_request = any;
}

void tui_after_command(struct tui *t)
{
	struct mm_machine *m = t->c->m;

	if (t->c->machine_gen != t->seen_gen)
		view_new_machine(t);
	if (m) {
		struct mm_machine_view mv;

		mm_view_machine(m, &mv);
		pick_up_changes(t, t->quiet_tick);
		if (t->v.zone >= mv.nr_zones)
			t->v.zone = default_zone(m);
		if (t->v.cpu >= mv.nr_cpus || t->seen_cpu != mv.cur_cpu)
			t->v.cpu = mv.cur_cpu;
		t->seen_cpu = mv.cur_cpu;
	}
	listen_for_stages(t);
	follow_requests(t);
	if (t->lua && lhost_busy(t->lua)) {
		if (t->lua_wait != LUA_KEY)
			t->lua_wait = LUA_RESUME;
	} else {
		t->lua_wait = LUA_IDLE;
	}
	if (t->c->quit)
		t->quit = 1;
	t->dirty = 1;
}

static void redraw(struct tui *t);
static void stderr_drain(struct tui *t);

/* run a line through the command language; log_it echoes it in the log */
int tui_run_line(struct tui *t, const char *line, int log_it)
{
	int rc;

	if (log_it) { /* shown while it runs: a long one is not a frozen screen */
		tui_log_add(&t->v, LOG_COMMAND, -1, line);
		redraw(t);
	}
	lesson_command_ran(t, line);
	t->c->interrupted = 0;
	t->busy = 1;
	rc = cmd_exec(t->c, line);
	t->busy = 0;
	t->c->interrupted = 0;
	tui_after_command(t);
	if (t->lesson.pending)
		lesson_start_pending(t);
	return rc;
}

/* what a script's start or resume returned */
void tui_lua_settle(struct tui *t, int status)
{
	if (status == LH_PAUSED)
		t->lua_wait = LUA_KEY;
	else if (status == LH_YIELD && t->lua_wait != LUA_KEY)
		t->lua_wait = LUA_RESUME;
	tui_after_command(t);
	lesson_settled(t, status);
}

void tui_lua_resume(struct tui *t)
{
	int st;

	t->lua_wait = LUA_IDLE;
	t->lua_prompt[0] = '\0';
	t->c->interrupted = 0;
	t->busy = 1;
	st = lhost_resume(t->lua);
	t->busy = 0;
	t->c->interrupted = 0;
	tui_lua_settle(t, st);
}

void tui_lua_stop(struct tui *t, const char *why)
{
	lesson_end(t);
	lhost_stop(t->lua);
	t->lua_wait = LUA_IDLE;
	t->lua_prompt[0] = '\0';
	tui_log_add(&t->v, LOG_ERROR, -1, why);
	t->dirty = 1;
}

/* ---- actions ------------------------------------------------------------- */

static int request_stopped(struct tui *t)
{
	return mm_view_request_state(t->c->m, cur_cpu(t->c->m)) == RQ_PAUSED;
}

static int act_help(struct tui *t)
{
	help_open(t);
	return 1;
}

static int act_focus_next(struct tui *t)
{
	focus_step(t, 1);
	return 1;
}

static int act_focus_prev(struct tui *t)
{
	focus_step(t, -1);
	return 1;
}

static void feed(const char *bytes)
{
	repl_cb_feed(bytes, strlen(bytes));
}

static int act_cmdline(struct tui *t)
{
	if (t->focus < 0 && repl_cb_searching())
		feed("\033"); /* ends the search, keeps the line found */
	tui_set_focus(t, -1);
	return 1;
}

/* the next layout; wide only when the terminal has room for it */
static int act_layout(struct tui *t)
{
	int l = t->layout, n = layout_count(), wide = layout_find("wide");
	int big = t->w >= TUI_WIDE_W && t->h >= TUI_WIDE_H;
	char msg[64];

	do
		l = (l + 1) % n;
	while (l == wide && !big);
	tui_set_layout(t, l, 0);
	snprintf(msg, sizeof(msg), "layout %s", layout_name(l));
	tui_log_add(&t->v, LOG_OUTPUT, -1, msg);
	return 1;
}

static int act_theme(struct tui *t)
{
	tui_cycle_theme(t);
	return 1;
}

static int act_live(struct tui *t)
{
	tui_run_line(t, t->v.live ? "pause" : "run", 1);
	return 1;
}

static int act_cpu(struct tui *t)
{
	char line[32];

	struct mm_machine_view mv;

	mm_view_machine(t->c->m, &mv);
	snprintf(line, sizeof(line), "cpu %d", (mv.cur_cpu + 1) % mv.nr_cpus);
	tui_run_line(t, line, 1);
	return 1;
}

static int act_quit(struct tui *t)
{
	t->quit = 1;
	return 1;
}

/* F11: the focused panel over the whole screen, and back */
static int act_zoom(struct tui *t)
{
	char msg[96];

	if (t->zoom >= 0) {
		t->zoom = -1;
		arrange(t);
		return 1;
	}
	if (t->focus < 0) {
		tui_log_add(&t->v, LOG_ERROR, -1, "zoom: focus a panel first (Tab, or focus NAME)");
		t->dirty = 1;
		return 1;
	}
	t->zoom = t->focus;
	arrange(t);
	snprintf(msg, sizeof(msg), "zoom: %s over the whole screen (F11 again: back)",
		 tui_panels[t->zoom]->name);
	tui_log_add(&t->v, LOG_OUTPUT, -1, msg);
	return 1;
}

static int act_redraw(struct tui *t)
{
	term_invalidate(t->term);
	t->dirty = 1;
	return 1;
}

#define STEP_ACTION(fn, cmd, only_stopped)                      \
	static int fn(struct tui *t)                            \
	{                                                       \
		if ((only_stopped) && !request_stopped(t))      \
			return 0;                               \
		tui_run_line(t, cmd, 1);                        \
		return 1;                                       \
	}
STEP_ACTION(act_continue, "continue", 0)
STEP_ACTION(act_step, "step", 0)
STEP_ACTION(act_next, "next", 0)
STEP_ACTION(act_finish, "finish", 0)
/* single letters only mean this while a request is stopped, so that
 * otherwise they start a command line */
STEP_ACTION(act_continue_key, "continue", 1)
STEP_ACTION(act_step_key, "step", 1)
STEP_ACTION(act_next_key, "next", 1)
STEP_ACTION(act_finish_key, "finish", 1)

#define ANY ACT_ANYWHERE
#define PANEL ACT_PANEL
static const struct action actions[] = {
	{ '?', "?", "help", "this help (Esc, q or ? closes it)", "help",
	  PANEL | ACT_EMPTY, act_help },
	{ TK_F1, "F1", "help", NULL, NULL, ANY, act_help },
	{ TK_TAB, "Tab", "focus-next",
	  "next panel (on the command line: complete, or focus when it is empty)",
	  NULL, PANEL | ACT_EMPTY, act_focus_next },
	{ TK_F12, "F12", "focus-next", NULL, NULL, ANY, act_focus_next },
	{ TK_BTAB, "S-Tab", "focus-prev", "focus the previous panel", NULL, ANY,
	  act_focus_prev },
	{ TK_ESC, "Esc", "cmdline", "back to the command line (ends a C-r search)",
	  NULL, ANY, act_cmdline },
	{ ':', ":", "cmdline", NULL, NULL, PANEL, act_cmdline },
	{ TK_F2, "F2", "layout", "next layout (also: layout NAME)", "layout", ANY,
	  act_layout },
	{ TK_F3, "F3", "theme", "next theme (also: theme NAME)", NULL, ANY,
	  act_theme },
	{ TK_F4, "F4", "run", "run or pause the clock (live mode)", "run", ANY,
	  act_live },
	{ TK_F5, "F5", "continue", "continue the stopped request", "cont",
	  ANY | ACT_HINT_STEP, act_continue },
	{ TK_F6, "F6", "step", "step into: the next stage point", "step",
	  ANY | ACT_HINT_STEP, act_step },
	{ TK_F7, "F7", "next", "step over: the next stage point of this function",
	  "next", ANY | ACT_HINT_STEP, act_next },
	{ TK_F8, "F8", "finish", "run until the current function returns", "finish",
	  ANY | ACT_HINT_STEP, act_finish },
	{ TK_F9, "F9", "cpu", "commands run on the next cpu (cpu N)", NULL, ANY,
	  act_cpu },
	{ TK_F10, "F10", "quit", "leave mmscope (also: quit, Ctrl-D; a lesson asks)", "quit", ANY,
	  act_quit },
	{ TK_F11, "F11", "zoom", "zoom the focused panel to the whole screen, and back",
	  NULL, ANY, act_zoom },
	{ 12, "C-l", "redraw", "redraw the whole screen", NULL, ANY, act_redraw },
	{ 's', "s", "step-keys",
	  "step, next, finish, continue (a panel has the focus, a request is stopped)",
	  NULL, PANEL, act_step_key },
	{ 'n', "n", "step-keys", NULL, NULL, PANEL, act_next_key },
	{ 'f', "f", "step-keys", NULL, NULL, PANEL, act_finish_key },
	{ 'c', "c", "step-keys", NULL, NULL, PANEL, act_continue_key },
};
#undef ANY
#undef PANEL

const struct action *tui_actions(int *n)
{
	*n = (int)(sizeof(actions) / sizeof(actions[0]));
	return actions;
}

/* run the action for key allowed in this situation; 1 if one took it */
static int do_action(struct tui *t, int key, unsigned int when)
{
	int i, n;
	const struct action *a = tui_actions(&n);

	for (i = 0; i < n; i++)
		if (a[i].key == key && (a[i].when & when) && a[i].fn(t))
			return 1;
	return 0;
}

/* ---- keys -------------------------------------------------------------- */

static int is_text_key(int key)
{
	return key >= ' ' && key < TK_BASE && key != 0x7f;
}

/* a key bound by a script (ui.bind); 1 if one was */
static int bound_key(struct tui *t, int key)
{
	char name[32];
	int i, rc;

	if (!t->lua || !t->nbound || !tui_key_name(key, name, sizeof(name)))
		return 0;
	for (i = 0; i < t->nbound; i++)
		if (strcmp(t->bound[i], name) == 0)
			break;
	if (i == t->nbound)
		return 0;
	t->busy = 1;
	rc = lhost_key(t->lua, name);
	t->busy = 0;
	tui_after_command(t);
	return rc;
}

/* the key as the bytes a terminal sends, for readline */
static void feed_key(int key)
{
	char b[8];
	const char *seq = NULL;

	switch (key) {
	case TK_ENTER: case '\n': seq = "\n"; break;
	case TK_TAB: seq = "\t"; break;
	case TK_BACKSPACE: case 0x7f: case 8: seq = "\x7f"; break;
	case TK_DELETE: seq = "\033[3~"; break;
	case TK_UP: seq = "\033[A"; break;
	case TK_DOWN: seq = "\033[B"; break;
	case TK_RIGHT: seq = "\033[C"; break;
	case TK_LEFT: seq = "\033[D"; break;
	case TK_HOME: seq = "\033[H"; break;
	case TK_END: seq = "\033[F"; break;
	default:
		if (key > 0 && key < TK_BASE && key != TK_ESC)
			repl_cb_feed(b, utf8_put((uint32_t)key, b));
		return;
	}
	feed(seq);
}

/* PgUp/PgDn on the command line scroll the log, when it is shown */
static int scroll_log(struct tui *t, int key)
{
	int p = tui_panel_index("log");

	if ((key != TK_PGUP && key != TK_PGDN) || tui_slot_of(t, p) < 0 ||
	    !tui_panels[p]->key)
		return 0;
	tui_panels[p]->key(t->panel[p], &t->v, key);
	t->dirty = 1;
	return 1;
}

static void cmdline_key(struct tui *t, int key)
{
	int empty = !repl_cb_text()[0] && !repl_cb_continuing() &&
		    !repl_cb_searching();

	if (!is_text_key(key) && bound_key(t, key))
		return;
	if (do_action(t, key, ACT_ANYWHERE | (empty ? ACT_EMPTY : 0)))
		return;
	if (scroll_log(t, key))
		return;
	feed_key(key);
	t->dirty = 1;
}

static void panel_key(struct tui *t, int key)
{
	const struct panel_ops *ops = tui_panels[t->focus];
	int r = ops->key ? ops->key(t->panel[t->focus], &t->v, key) : PANEL_IGNORED;

	if (r & PANEL_QUIT)
		t->quit = 1;
	if (r != PANEL_IGNORED) {
		t->dirty = 1;
		return;
	}
	if (bound_key(t, key) || do_action(t, key, ACT_ANYWHERE | ACT_PANEL))
		return;
	if (is_text_key(key)) { /* typing starts a command */
		tui_set_focus(t, -1);
		feed_key(key);
	}
}

/* a script waits in ui.pause: any key goes on, q or Esc stops it; ':'
 * (or a line being typed) lets a command run meanwhile */
static int paused_script_key(struct tui *t, int key)
{
	if (key == ':' && (t->focus >= 0 || !repl_cb_text()[0])) {
		/* ':' opens the command line for one command: the keys that
		 * follow are typed, not taken as "go on" */
		tui_set_focus(t, -1);
		t->typing = 1;
		t->dirty = 1;
		return 1;
	}
	if (key == TK_ESC && t->typing && !repl_cb_text()[0]) {
		t->typing = 0;
		t->dirty = 1;
		return 1;
	}
	if (key == ':' || t->typing || (t->focus < 0 && repl_cb_text()[0]) ||
	    key == TK_F1)
		return 0;
	if (key == 'q' || key == 'Q' || key == TK_ESC)
		tui_lua_stop(t, "script stopped");
	else
		tui_lua_resume(t);
	return 1;
}

static void handle_key(struct tui *t, int key)
{
	if (key == TK_RESIZE) {
		tui_relayout(t);
		return;
	}
	if (key == TK_CTRL_C) { /* without ISIG: as the signal would */
		t->sigint = 1;
		return;
	}
	if (t->menu[0]) {
		t->menu[0] = '\0';
		t->dirty = 1;
	}
	if (t->help.open) {
		help_key(t, key);
		t->dirty = 1;
		return;
	}
	if (lesson_key(t, key))
		return;
	if (!t->lesson.on && t->lua_wait == LUA_KEY && paused_script_key(t, key))
		return;
	if (t->focus >= 0 && !t->too_small)
		panel_key(t, key);
	else
		cmdline_key(t, key);
}

/* ---- the loop ------------------------------------------------------------ */

static void check_signals(struct tui *t)
{
	if (t->sigterm)
		t->quit = 1;
	if (!t->sigint)
		return;
	t->sigint = 0;
	t->c->interrupted = 0;
	if (t->lua && lhost_busy(t->lua))
		tui_lua_stop(t, "script interrupted");
	repl_cb_cancel();
	t->menu[0] = '\0';
	t->dirty = 1;
}

/* live mode: run "tick N" for the jiffies that real time owes */
static void live_tick(struct tui *t)
{
	double now = tui_now(), dt = now - t->last_tick;
	char line[32];
	unsigned long n;

	t->last_tick = now;
	if (!t->v.live)
		return;
	if (dt > 0.5) /* after a long command: no catching up */
		dt = 0.5;
	t->tick_debt += dt * t->v.speed;
	if (t->tick_debt < 1)
		return;
	n = (unsigned long)t->tick_debt;
	t->tick_debt -= (double)n;
	snprintf(line, sizeof(line), "tick %lu", n);
	t->quiet_tick = 1;
	tui_run_line(t, line, 0);
	t->quiet_tick = 0;
}

/* the free_area highlight of the last command goes out after a while */
static void expire_highlight(struct tui *t)
{
	if (t->v.changed_until && tui_now() >= t->v.changed_until) {
		memset(t->v.changed, 0, sizeof(t->v.changed));
		t->v.changed_until = 0;
		t->dirty = 1;
	}
}

#define FRAME_SECONDS 0.04

static void redraw(struct tui *t)
{
	tui_draw(t);
	term_flush(t->term, &t->cv);
	t->dirty = 0;
}

/*
 * key, then every key already waiting, for up to a frame, before the
 * screen is drawn again: a paste arrives as thousands of keys at once,
 * and drawing after each would make it take as many frames.  A command
 * that runs, a script that wants the screen, Ctrl-C or quit end the
 * batch.
 */
static void handle_keys(struct tui *t, int key)
{
	double until = tui_now() + FRAME_SECONDS;

	for (;;) {
		handle_key(t, key);
		if (t->quit || t->sigint || t->sigterm || t->lua_wait != LUA_IDLE ||
		    tui_now() >= until)
			return;
		key = term_getkey(t->term, 0);
		if (key == TK_NONE)
			return;
	}
}

static void loop(struct tui *t)
{
	int key;

	while (!t->quit) {
		check_signals(t);
		if (t->quit)
			break;
		/* a stepping script yields at every stage: draw at most
		 * FRAME_SECONDS apart then, or a long run crawls */
		if (t->dirty && (t->lua_wait != LUA_RESUME ||
				 tui_now() - t->last_frame >= FRAME_SECONDS)) {
			redraw(t);
			t->last_frame = tui_now();
		}
		if (t->lua_wait == LUA_RESUME) {
			/* a script let the screen draw: go on, but let q stop it */
			key = term_getkey(t->term, 0);
			if (!t->lesson.on && (key == 'q' || key == TK_ESC)) {
				tui_lua_stop(t, "script stopped");
				continue;
			}
			if (key != TK_NONE)
				handle_key(t, key);
			if (t->lua_wait == LUA_RESUME)
				tui_lua_resume(t);
			continue;
		}
		key = term_getkey(t->term, KEY_TIMEOUT_MS);
		if (key != TK_NONE)
			handle_keys(t, key);
		stderr_drain(t);
		live_tick(t);
		lesson_tick(t);
		expire_highlight(t);
	}
}

/* ---- readline's side --------------------------------------------------- */

static void on_line(void *ud, const char *line)
{
	struct tui *t = ud;

	if (!line && t->lesson.on) { /* Ctrl-D: a lesson asks first */
		lesson_ask_leave(t);
		return;
	}
	if (!line) { /* Ctrl-D on an empty line */
		t->quit = 1;
		return;
	}
	if (!line[strspn(line, " \t")])
		return;
	t->in_line = 1;
	t->typing = 0;
	tui_run_line(t, line, 1);
	t->in_line = 0;
}

/* readline's list of candidates becomes one line over the status bar */
static void on_matches(void *ud, const char *const *cand, int n)
{
	struct tui *t = ud;
	size_t len = 0;
	int i;

	t->menu[0] = '\0';
	for (i = 0; i < n && len + 2 < sizeof(t->menu); i++)
		len += (size_t)snprintf(t->menu + len, sizeof(t->menu) - len, "%s%s",
					i ? "  " : "", cand[i]);
	t->dirty = 1;
}

/* ---- setting up and tearing down ------------------------------------------ */

static void panels_create(struct tui *t)
{
	unsigned int mask = MM_EV_BIT(MM_EV_PRINTK);
	int i;

	for (i = 0; i < NR_TUI_PANELS; i++) {
		const struct panel_ops *ops = tui_panels[i];

		t->panel[i] = ops->create ? ops->create(&t->v) : NULL;
		if (ops->event)
			mask |= ops->event_mask;
	}
	t->listen_mask = mask;
	t->listen_cur = mask & ~MM_EV_STAGES;
	t->listener = cmd_listen(t->c, tui_event, t, t->listen_cur);
}

/*
 * Stage points cost the core a line of text each (about 1 us more per
 * allocation): the panels hear them only while some cpu has a request
 * (stepping, sleeping, waiting).  What a request did before it first
 * stopped is its call chain, which the stack panel reads from its frames.
 */
static int any_request(struct mm_machine *m)
{
	int cpu;

	struct mm_machine_view mv;

	if (!m)
		return 0;
	mm_view_machine(m, &mv);
	for (cpu = 0; cpu < mv.nr_cpus; cpu++)
		if (mm_view_request_state(m, cpu) >= 0)
			return 1;
	return 0;
}

static void listen_for_stages(struct tui *t)
{
	unsigned int mask = t->listen_mask;

	if (!any_request(t->c->m))
		mask &= ~MM_EV_STAGES;
	if (t->listener >= 0 && mask != t->listen_cur) {
		cmd_listen_mask(t->c, t->listener, mask);
		t->listen_cur = mask;
	}
}

static void panels_destroy(struct tui *t)
{
	int i;

	if (t->listener >= 0)
		cmd_unlisten(t->c, t->listener);
	for (i = 0; i < NR_TUI_PANELS; i++)
		if (tui_panels[i]->destroy && t->panel[i])
			tui_panels[i]->destroy(t->panel[i]);
}

static void start_lua(struct tui *t, const struct tui_opts *o)
{
	char err[256];

	tui_ui_host_init(t);
	t->trusted = o->trusted;
	t->lua = lhost_new(t->c, &t->ui, o->trusted, err, sizeof(err));
	if (!t->lua) {
		tui_log_add(&t->v, LOG_ERROR, -1, err);
		return;
	}
	lesson_hook(t);
	t->busy = 1;
	tui_lua_settle(t, lhost_run_init(t->lua));
	t->busy = 0;
}

static void first_layout(struct tui *t, const char *name)
{
	int l = name ? layout_find(name) : -1;

	if (name && strcmp(name, "auto") != 0 && l < 0) {
		char msg[160];

		snprintf(msg, sizeof(msg), "layout: unknown layout '%s', using auto",
			 name);
		tui_log_add(&t->v, LOG_ERROR, -1, msg);
	}
	tui_set_layout(t, l, l < 0);
}

/* "NAME: message", as a command's error would read */
static void log_error(struct tui *t, const char *name, const char *msg)
{
	char line[640];

	snprintf(line, sizeof(line), "%s: %s", name, msg);
	tui_log_add(&t->v, LOG_ERROR, -1, line);
}

/*
 * While the screen is up, curses owns the terminal: anything written to
 * stderr (a library's warning, a sanitizer's note) would scroll it into
 * garbage.  stderr goes into a pipe instead, and the loop moves what
 * arrives there into the log.
 */
static void stderr_capture(struct tui *t)
{
	int fds[2];

	t->err_rd = t->err_saved = -1;
	if (pipe(fds) < 0)
		return;
	fflush(stderr);
	t->err_saved = dup(STDERR_FILENO);
	if (t->err_saved < 0 || dup2(fds[1], STDERR_FILENO) < 0) {
		close(fds[0]);
		close(fds[1]);
		if (t->err_saved >= 0)
			close(t->err_saved);
		t->err_saved = -1;
		return;
	}
	close(fds[1]);
	crash_err_fd = t->err_saved;
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	t->err_rd = fds[0];
}

static void stderr_drain(struct tui *t)
{
	char buf[1024];
	ssize_t n;

	if (t->err_rd < 0)
		return;
	fflush(stderr);
	while ((n = read(t->err_rd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		if (n && buf[n - 1] == '\n')
			buf[n - 1] = '\0';
		tui_log_add(&t->v, LOG_ERROR, -1, buf);
		t->dirty = 1;
	}
}

static void stderr_release(struct tui *t)
{
	if (t->err_saved < 0)
		return;
	stderr_drain(t);
	fflush(stderr);
	dup2(t->err_saved, STDERR_FILENO);
	crash_err_fd = -1;
	close(t->err_saved);
	close(t->err_rd);
	t->err_saved = t->err_rd = -1;
}

static int setup(struct tui *t, struct cmd_ctx *c, const struct tui_opts *o)
{
	struct repl_cb_hooks rh = { .ud = t, .line = on_line, .matches = on_matches };
	char err[512];

	memset(t, 0, sizeof(*t));
	t->c = c;
	t->v.c = c;
	t->v.speed = DEFAULT_SPEED;
	t->focus = -1;
	t->zoom = -1;
	t->listener = -1;
	view_new_machine(t);
	t->term = term_open(err, sizeof(err));
	if (!t->term) {
		fprintf(stderr, "mmscope: %s\n", err);
		return -1;
	}
	term_size(t->term, &t->w, &t->h);
	if (canvas_init(&t->cv, t->w, t->h) < 0) {
		term_free(t->term);
		fprintf(stderr, "mmscope: no memory for the screen\n");
		return -1;
	}
	signals_install(t);
	atexit(restore_at_exit);
	stderr_capture(t);
	tui_sinks_install(t);
	theme_builtin(&t->theme);
	if (o->theme && tui_load_theme(t, o->theme, err, sizeof(err)) < 0)
		log_error(t, "theme", err);
	term_set_theme(t->term, &t->theme);
	panels_create(t);
	tui_hooks_install(t);
	first_layout(t, o->layout);
	repl_cb_init(c, &rh);
	start_lua(t, o);
	t->last_tick = tui_now();
	return 0;
}

static void teardown(struct tui *t)
{
	repl_cb_fini(); /* before the terminal goes */
	stderr_release(t);
	if (t->lua)
		lhost_free(t->lua);
	t->lua = NULL;
	lesson_free(t);
	tui_hooks_remove(t);
	panels_destroy(t);
	term_free(t->term);
	signals_remove();
	tui_sinks_remove(t);
	help_close(&t->help);
	canvas_free(&t->cv);
	tui_log_free(&t->v.log);
}

static void run_script(struct tui *t, const struct tui_opts *o)
{
	if (!o->script_argc || !t->lua) {
		if (o->script_argc)
			tui_log_add(&t->v, LOG_ERROR, -1,
				    "source: Lua did not start: the script cannot run");
		return;
	}
	redraw(t); /* the screen is up before the script speaks */
	lesson_begin(t, o->script_argc, o->script_argv);
}

int tui_run(struct cmd_ctx *c, const struct tui_opts *o)
{
	struct tui *t = calloc(1, sizeof(*t));
	int sig;

	if (!t) {
		fprintf(stderr, "mmscope: no memory for the screen\n");
		return 2;
	}
	if (setup(t, c, o) < 0) {
		free(t);
		return 2;
	}
	tui_relayout(t);
	run_script(t, o);
	loop(t);
	sig = t->sigterm;
	teardown(t);
	free(t);
	if (sig) { /* the terminal is back: die of the signal that ended us */
		fflush(NULL);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}
