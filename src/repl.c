/*
 * repl.c - the interactive command line: GNU readline's callback interface
 * (the same one the screen will drive from its own input loop), history in
 * $XDG_STATE_HOME/mmscope/history and Tab completion from src/cmd.
 *
 * The loop waits on stdin with select() and feeds readline one character
 * at a time.  Ctrl-C clears the line being typed: the signal handler only
 * sets a flag, the loop does the rest.
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

/* readline's callbacks carry no context pointer: this is the one place */
static struct repl {
	struct cmd_ctx *c;
	int done;
	int failed;
	char history[4096];
} R;

static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
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

static void history_close(void)
{
	if (R.history[0] && write_history(R.history) == 0)
		history_truncate_file(R.history, HISTORY_MAX);
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

/* ---- the loop ------------------------------------------------------------ */

static void on_line(char *line)
{
	if (!line) {
		R.done = 1;
		printf("\n");
	} else {
		history_add(line);
		if (cmd_exec(R.c, line))
			R.failed = 1;
		R.done = R.c->quit;
		free(line);
	}
	if (R.done) /* no new prompt */
		rl_callback_handler_remove();
}

static void clear_line(void)
{
	got_sigint = 0;
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
	struct sigaction sa;

	memset(&R, 0, sizeof(R));
	R.c = c;
	rl_readline_name = "mmscope";
	rl_catch_signals = 0;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t\n;|";
	rl_completer_word_break_characters = " \t\n;|";
	rl_completer_quote_characters = "'\"";
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	history_open();
	rl_callback_handler_install("mmscope> ", on_line);
}

int repl_run(struct cmd_ctx *c)
{
	setup(c);
	while (!R.done) {
		if (got_sigint)
			clear_line();
		else if (wait_input() > 0)
			rl_callback_read_char();
		else if (errno != EINTR)
			break;
	}
	rl_callback_handler_remove();
	history_close();
	signal(SIGINT, SIG_DFL);
	return R.failed;
}
