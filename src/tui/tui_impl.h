/*
 * tui_impl.h - the screen's main loop state, shared by tui.c (the loop,
 * keys and actions), tui_cmd.c (the screen's commands, the log sinks and
 * the ui_host of scripts) and tui_draw.c (status bar, command line, help).
 * Nothing outside src/tui/tui*.c includes it.
 */
#ifndef MMSCOPE_TUI_IMPL_H
#define MMSCOPE_TUI_IMPL_H

#include <signal.h>

#include "canvas.h"
#include "layout.h"
#include "panel.h"
#include "theme.h"
#include "tui.h"
#include "ui_host.h"

struct term;
struct lhost;

#define TUI_MAX_BOUND 32
#define TUI_MAX_THEMES 32

/* the help overlay: lines built when it opens, scrolled while it is up */
struct help_line {
	char *text;
	int role;
};
struct help {
	int open;
	struct help_line *line;
	int n, cap;
	int top; /* first line shown */
	int rows; /* lines shown at the last draw (for PgDn) */
};

/* what a running script waits for */
enum lua_wait { LUA_IDLE, LUA_RESUME, LUA_KEY };

/*
 * A lesson: a script with pause points (ui.pause) run in the screen.  Its
 * steps are its pauses, counted before it runs by a first pass on a
 * machine of its own; going to step K boots the lesson's machine afresh
 * and runs the script again until its K-th pause (tui_lesson.c).
 */
struct lesson {
	int on;
	int argc;
	char **argv;          /* the script and its arguments (copies) */
	char machine[1024];   /* what the machine booted from when it began */
	int steps;            /* N: its pauses */
	int step;             /* the pause it waits at (1..N), N + 1 once ended */
	int explored;         /* a command ran during this pause */
	int asking;           /* "leave the lesson? (y/n)" is up */
	int replaying;        /* a silent replay runs: narration is not logged */
	char number[8];       /* digits typed in the narration panel */
	double autostep;      /* seconds between steps, 0: off */
	double next_auto;     /* when autostep goes on next */
	double last_ms;       /* how long the last rebuild took */
	unsigned long log_seq; /* the log when the lesson began */
	int pending;          /* `source` asked for one: start after the command */
	char note[200];       /* one line in the status row, until the next key */
};

struct tui {
	struct cmd_ctx *c;
	struct term *term;
	struct canvas cv;
	struct theme theme;
	struct tui_view v;
	struct lhost *lua;          /* the Lua host scripts run in */
	struct ui_host ui;

	void *panel[NR_TUI_PANELS]; /* each panel's self */
	int listener;               /* cmd_listen id: events to the panels */

	int layout;      /* index (layout.h) */
	int layout_auto; /* follow the terminal's size (`layout auto`) */
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
	int nslots;
	int focus;       /* a panel index, or -1: the command line */
	int w, h;
	int too_small;
	int zoom;        /* F11: the panel drawn over the whole screen, -1: none */

	int dirty;       /* draw before waiting for the next key */
	int quit;
	struct help help;
	char menu[1024]; /* completion candidates, shown until the next key */
	size_t cl_start; /* command line: the byte of the text shown first */
	int in_line;     /* a line typed on the command line is running */

	/* live mode */
	double last_tick; /* when the clock last advanced */
	double tick_debt; /* jiffies owed but not yet run */
	int quiet_tick;   /* the sink drops tick's "jiffies N" line */
	int tick_failed;

	/* Lua */
	enum lua_wait lua_wait;
	double last_frame; /* when the loop last drew */
	int had_request; /* some cpu had a request after the last command */
	unsigned int listen_mask, listen_cur; /* what the panels want, what is on */
	int err_rd, err_saved; /* stderr's pipe into the log, and the real one */
	int typing; /* ':' while a script waits: the next line is a command */
	char lua_prompt[256];
	char bound[TUI_MAX_BOUND][24];
	int nbound;
	int trusted; /* scripts start with the full standard library */
	struct lesson lesson;

	/* theme names for completion (pointers into theme_names) */
	char theme_names[TUI_MAX_THEMES][64];
	const char *theme_list[TUI_MAX_THEMES + 1];
	const char *focus_names[NR_TUI_PANELS + 2];

	/* the command context's sinks and flags before the screen took them */
	cmd_out_fn old_out;
	cmd_err_fn old_err;
	cmd_event_fn old_event;
	void *old_sink;
	unsigned int old_flags;
	unsigned long seen_gen;    /* the machine the view was set up for (c->machine_gen) */
	int seen_cpu;              /* m->cur_cpu when the view last looked */

	/* set from the signal handler */
	volatile sig_atomic_t busy;   /* a command or script runs */
	volatile sig_atomic_t sigint;
	volatile sig_atomic_t sigterm; /* SIGTERM or SIGHUP asked us to leave: its number */
};

/* tui.c */
double tui_now(void);
void tui_relayout(struct tui *t);
int tui_set_layout(struct tui *t, int layout, int is_auto);
int tui_set_focus(struct tui *t, int panel); /* -1: the command line */
int tui_slot_of(const struct tui *t, int panel); /* -1 if not shown */
int tui_run_line(struct tui *t, const char *line, int log_it);
void tui_after_command(struct tui *t);
void tui_lua_settle(struct tui *t, int status);
void tui_lua_resume(struct tui *t);
void tui_lua_stop(struct tui *t, const char *why);

/* tui_lesson.c */
/* the screen's `source` (after each new Lua host) */
void lesson_hook(struct tui *t);
/* source FILE [ARG...] in the screen: a lesson when it has pauses */
void lesson_begin(struct tui *t, int argc, char **argv);
/* `source` typed: the lesson begins once the command line is done */
int lesson_defer(struct tui *t, int argc, char **argv);
void lesson_start_pending(struct tui *t);
int lesson_key(struct tui *t, int key); /* 1 if the lesson took it */
void lesson_settled(struct tui *t, int status);
void lesson_tick(struct tui *t);        /* autostep */
void lesson_command_ran(struct tui *t, const char *line);
void lesson_ask_leave(struct tui *t);
void lesson_end(struct tui *t);
void lesson_free(struct tui *t);
/* "step 3/9", "end of 9 steps", "" when no lesson runs */
void lesson_title(const struct tui *t, char *buf, size_t len);
/* the status row's text while a lesson runs (room columns), or NULL */
const char *lesson_status(const struct tui *t, char *buf, size_t len, int room);
int lesson_set_autostep(struct tui *t, const char *arg, char *err, size_t errlen);

/* tui_cmd.c */
void tui_hooks_install(struct tui *t);
void tui_hooks_remove(struct tui *t);
void tui_sinks_install(struct tui *t);
void tui_sinks_remove(struct tui *t);
void tui_ui_host_init(struct tui *t);
int tui_load_theme(struct tui *t, const char *name, char *err, size_t errlen);
void tui_cycle_theme(struct tui *t);
void tui_event(struct mm_machine *m, const struct mm_event *ev, void *ud);

/* tui_draw.c */
void tui_draw(struct tui *t);
void help_open(struct tui *t);
void help_close(struct help *h);
int help_key(struct tui *t, int key); /* 1 if the overlay stays up */

/* the global key table (tui.c), read by the help and the status bar */
struct action {
	int key;
	const char *keyname; /* as the help shows it */
	const char *name;    /* same name = same action, listed once */
	const char *help;
	const char *hint;    /* short label in the status bar, or NULL */
	unsigned int when;   /* enum action_when */
	int (*fn)(struct tui *t);
};
enum action_when {
	ACT_ANYWHERE = 1u << 0, /* also while typing on the command line */
	ACT_PANEL = 1u << 1,    /* when a panel has the focus */
	ACT_EMPTY = 1u << 2,    /* ... or the command line is empty */
	ACT_HINT_STEP = 1u << 3, /* its hint comes first while stepping */
};
const struct action *tui_actions(int *n);

#endif
