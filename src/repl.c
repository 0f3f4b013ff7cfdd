/*
 * repl.c - the interactive command line: GNU readline's callback interface,
 * history in $XDG_STATE_HOME/mmscope/history and Tab completion from
 * src/cmd.  Two users share it:
 *
 *  - the plain REPL (repl_run, for --no-screen or a terminal without the
 *    screen): readline draws on the terminal itself; the loop waits on
 *    stdin with select() and feeds it one character at a time.
 *  - the screen (repl_cb_*): ncurses owns the terminal.  Readline gets its
 *    bytes from the screen's key loop through rl_getc_function, writes to
 *    /dev/null, redisplays nothing and lists no completions; the screen
 *    draws the prompt, rl_line_buffer and the cursor itself.
 *
 * A line that leaves a `lua` block open is held and the next one read with
 * the second prompt, until cmd_line_continues() says the chunk is whole.
 * Ctrl-C clears the line being typed, or stops the command the plain REPL
 * runs (a script, a long tick): the signal handler only sets flags.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "repl.h"

#define HISTORY_MAX 1000
#define PROMPT "mmscope> "
#define PROMPT_MORE "..> "

/* readline's callbacks carry no context pointer: this is the one place */
static struct repl {
	struct cmd_ctx *c;
	int done;
	int failed;
	char history[4096];
	char *held; /* lines of an unfinished chunk, joined by '\n' */

	/* the screen */
	int screen;
	struct repl_cb_hooks hooks;
	FILE *devnull;
	const char *in; /* bytes being fed */
	size_t in_len;
} R;

static volatile sig_atomic_t got_sigint;
/* the plain REPL runs a command: Ctrl-C stops it (a script, a long tick) */
static volatile sig_atomic_t running;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
	if (running && R.c)
		R.c->interrupted = 1;
}

/*
 * The plain REPL's terminal (readline's mode: no echo, no canonical
 * input) goes back as it was on every signal that ends the program:
 * SIGTERM and SIGHUP end the loop (history saved) and then the program
 * dies of them, a second one at once; the others restore the terminal
 * and take their default action.
 */
static const int fatal_signals[] = { SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NR_FATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction old_fatal[NR_FATAL];
static volatile sig_atomic_t got_sigterm;

static void on_fatal(int sig)
{
	size_t i;

	rl_deprep_terminal();
	signal(sig, SIG_DFL);
	for (i = 0; i < NR_FATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &old_fatal[i], NULL);
	raise(sig);
}

static void on_sigterm(int sig)
{
	if (got_sigterm) {
		on_fatal(sig);
		return;
	}
	got_sigterm = sig;
	if (R.c)
		R.c->interrupted = 1;
}

static void signals_install(void)
{
	struct sigaction sa;
	size_t i;

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
}

/* ---- history ------------------------------------------------------------- */

/* mkdir -p of the directories above path */
static void make_parents(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
}

static void history_open(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (state && state[0] == '/')
		n = snprintf(R.history, sizeof(R.history), "%s/mmscope/history",
			     state);
	else if (home && home[0])
		n = snprintf(R.history, sizeof(R.history),
			     "%s/.local/state/mmscope/history", home);
	else
		n = -1;
	if (n < 0 || (size_t)n >= sizeof(R.history)) {
		R.history[0] = '\0';
		return;
	}
	make_parents(R.history);
	using_history();
	stifle_history(HISTORY_MAX);
	read_history(R.history);
}

static void history_add(const char *line)
{
	HIST_ENTRY *last;

	if (!line[strspn(line, " \t")])
		return;
	last = history_length ? history_get(history_base + history_length - 1)
			      : NULL;
	if (!last || strcmp(last->line, line) != 0)
		add_history(line);
}

/* the history, one entry a line (as write_history has it), oldest first */
static int fill_history(FILE *f, void *arg)
{
	HIST_ENTRY **list = history_list();
	int i;

	(void)arg;
	for (i = 0; list && list[i]; i++)
		if (fprintf(f, "%s\n", list[i]->line) < 0)
			return -1;
	return 0;
}

/* written as every file is (cmd_write_file): a new private file renamed
 * into place, the last HISTORY_MAX entries (the list is stifled) */
static void history_close(void)
{
	char err[256];

	if (R.history[0])
		cmd_write_file(R.history, 0600, fill_history, NULL, err, sizeof(err));
}

/* ---- completion ---------------------------------------------------------- */

struct matches {
	char **v;
	size_t n, cap;
};

static void add_match(void *arg, const char *s)
{
	struct matches *mt = arg;
	char **v;

	if (mt->n + 2 > mt->cap) {
		mt->cap = mt->cap ? mt->cap * 2 : 16;
		v = realloc(mt->v, mt->cap * sizeof(*v));
		if (!v)
			return;
		mt->v = v;
	}
	mt->v[mt->n] = strdup(s);
	if (mt->v[mt->n])
		mt->n++;
}

static void matches_free(struct matches *mt)
{
	size_t i;

	for (i = 0; i < mt->n; i++)
		free(mt->v[i]);
	free(mt->v);
}

/* readline wants the longest common prefix first and a NULL at the end. */
static char **to_readline(struct matches *mt)
{
	size_t i, lcp;
	char **v;

	if (mt->n == 0) {
		free(mt->v);
		return NULL;
	}
	v = realloc(mt->v, (mt->n + 2) * sizeof(*v));
	if (!v) {
		matches_free(mt);
		return NULL;
	}
	lcp = strlen(v[0]);
	for (i = 1; i < mt->n; i++)
		while (lcp && strncmp(v[0], v[i], lcp) != 0)
			lcp--;
	memmove(v + 1, v, mt->n * sizeof(*v));
	v[0] = strndup(v[1], lcp);
	v[mt->n + 1] = NULL;
	if (!v[0]) {
		for (i = 1; i <= mt->n; i++)
			free(v[i]);
		free(v);
		return NULL;
	}
	return v;
}

static char **complete(const char *text, int start, int end)
{
	struct matches mt = { 0 };
	char *before = strndup(rl_line_buffer, (size_t)start);
	int hints;

	(void)end;
	if (!before)
		return NULL;
	hints = cmd_complete(R.c, before, text, add_match, &mt);
	free(before);
	rl_attempted_completion_over = !(hints & CMD_CMPL_FILES);
	if (hints & CMD_CMPL_NOSPACE)
		rl_completion_append_character = '\0';
	return to_readline(&mt);
}

static void setup_completion(void)
{
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t\n;|";
	rl_completer_word_break_characters = " \t\n;|";
	rl_completer_quote_characters = "'\"";
}

/* ---- lines, whole or continued ------------------------------------------ */

/*
 * Join a typed line to the held ones.  Returns the whole text to run
 * (malloc'd), or NULL when the chunk goes on (then the second prompt).
 */
static char *assemble(char *line)
{
	char *text;
	size_t n;

	if (R.held) {
		n = strlen(R.held) + strlen(line) + 2;
		text = malloc(n);
		if (!text)
			return line; /* no memory: run what this line has */
		snprintf(text, n, "%s\n%s", R.held, line);
		free(R.held);
		free(line);
		R.held = NULL;
	} else {
		text = line;
	}
	if (cmd_line_continues(R.c, text)) {
		R.held = text;
		rl_set_prompt(PROMPT_MORE);
		return NULL;
	}
	rl_set_prompt(PROMPT);
	return text;
}

static void drop_held(void)
{
	free(R.held);
	R.held = NULL;
	rl_set_prompt(PROMPT);
}

/* ---- the plain REPL ------------------------------------------------------ */

static void on_line(char *line)
{
	char *text;

	if (!line) {
		R.done = 1;
		printf("\n");
	} else if ((text = assemble(line))) {
		history_add(text);
		R.c->interrupted = 0;
		running = 1;
		if (cmd_exec(R.c, text))
			R.failed = 1;
		running = 0;
		R.c->interrupted = 0;
		R.done = R.c->quit;
		free(text);
	}
	if (R.done) /* no new prompt */
		rl_callback_handler_remove();
}

static void clear_line(void)
{
	got_sigint = 0;
	drop_held();
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
}

static int wait_input(void)
{
	fd_set fds;

	FD_ZERO(&fds);
	FD_SET(fileno(rl_instream), &fds);
	return select(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL);
}

static void setup(struct cmd_ctx *c)
{
	memset(&R, 0, sizeof(R));
	R.c = c;
	rl_readline_name = "mmscope";
	rl_catch_signals = 0;
	setup_completion();
	signals_install();
	history_open();
	rl_callback_handler_install(PROMPT, on_line);
}

int repl_run(struct cmd_ctx *c)
{
	int sig;

	setup(c);
	while (!R.done && !got_sigterm) {
		if (got_sigint)
			clear_line();
		else if (wait_input() > 0)
			rl_callback_read_char();
		else if (errno != EINTR)
			break;
	}
	rl_callback_handler_remove();
	history_close();
	drop_held();
	sig = got_sigterm;
	signals_remove();
	if (sig) { /* the terminal is back: die of the signal that ended us */
		fflush(NULL);
		raise(sig);
	}
	return R.failed;
}

/* ---- the screen's command line -------------------------------------------- */

/* readline reads the bytes the screen feeds, never the terminal */
static int cb_getc(FILE *f)
{
	(void)f;
	if (!R.in_len)
		return EOF; /* not reached: repl_cb_feed stops when it is empty */
	R.in_len--;
	return (unsigned char)*R.in++;
}

/* for readline's key-sequence timeout: is the rest of "\033[A" there? */
static int cb_input_available(void)
{
	return R.in_len > 0;
}

static void cb_redisplay(void)
{
	/* the screen draws the command line */
}

static void cb_display_matches(char **matches, int n, int max_length)
{
	(void)max_length;
	if (R.hooks.matches)
		R.hooks.matches(R.hooks.ud, (const char *const *)matches + 1, n);
}

static void cb_on_line(char *line)
{
	char *text;

	if (!line) {
		drop_held();
		if (R.hooks.line)
			R.hooks.line(R.hooks.ud, NULL);
		return;
	}
	text = assemble(line);
	if (!text)
		return;
	history_add(text);
	if (R.hooks.line)
		R.hooks.line(R.hooks.ud, text);
	free(text);
}

/* the keys the screen sends as escape sequences, bound whatever the
 * terminal's terminfo says (readline never sees the real terminal) */
static void bind_keys(void)
{
	rl_bind_keyseq("\033[A", rl_get_previous_history);
	rl_bind_keyseq("\033[B", rl_get_next_history);
	rl_bind_keyseq("\033[C", rl_forward_char);
	rl_bind_keyseq("\033[D", rl_backward_char);
	rl_bind_keyseq("\033[H", rl_beg_of_line);
	rl_bind_keyseq("\033[F", rl_end_of_line);
	rl_bind_keyseq("\033[3~", rl_delete);
	rl_variable_bind("bell-style", "none");
}

int repl_cb_init(struct cmd_ctx *c, const struct repl_cb_hooks *h)
{
	memset(&R, 0, sizeof(R));
	R.c = c;
	R.screen = 1;
	R.hooks = *h;
	R.devnull = fopen("/dev/null", "w");
	rl_readline_name = "mmscope";
	rl_change_environment = 0; /* else readline sets LINES and COLUMNS */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_outstream = R.devnull;
	rl_initialize(); /* reads inputrc: our hooks and keys go on top */
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = cb_getc;
	rl_input_available_hook = cb_input_available;
	rl_redisplay_function = cb_redisplay;
	rl_completion_display_matches_hook = cb_display_matches;
	setup_completion();
	bind_keys();
	history_open();
	rl_callback_handler_install(PROMPT, cb_on_line);
	return 0;
}

void repl_cb_feed(const char *bytes, size_t n)
{
	R.in = bytes;
	R.in_len = n;
	while (R.in_len && R.screen)
		rl_callback_read_char();
	R.in_len = 0;
}

const char *repl_cb_prompt(void)
{
	return rl_display_prompt ? rl_display_prompt : "";
}

const char *repl_cb_text(void)
{
	return rl_line_buffer ? rl_line_buffer : "";
}

size_t repl_cb_point(void)
{
	return rl_point < 0 ? 0 : (size_t)rl_point;
}

int repl_cb_searching(void)
{
	return RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH) != 0;
}

int repl_cb_continuing(void)
{
	return R.held != NULL;
}

void repl_cb_cancel(void)
{
	drop_held();
	rl_callback_sigcleanup(); /* leaves a search, a half-read key */
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	rl_set_prompt(PROMPT);
	rl_on_new_line();
}

void repl_cb_fini(void)
{
	if (!R.screen)
		return;
	rl_callback_handler_remove();
	history_close();
	free(R.held);
	R.held = NULL;
	rl_getc_function = rl_getc;
	rl_input_available_hook = NULL;
	rl_redisplay_function = rl_redisplay;
	rl_completion_display_matches_hook = NULL;
	rl_outstream = NULL;
	if (R.devnull)
		fclose(R.devnull);
	R.devnull = NULL;
	R.screen = 0;
}
