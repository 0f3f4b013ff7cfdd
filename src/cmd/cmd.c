/*
 * cmd.c - running commands: the context, output and error sinks, dispatch
 * through the command table, and reading a stream of commands.
 *
 * Output is collected in c->obuf and handed to the out sink when a command
 * ends or just before an error line, so the two sinks stay in order even
 * when they go to different files.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void cmd_ctx_init(struct cmd_ctx *c, struct mm_machine *m, cmd_out_fn out,
		  cmd_err_fn err, void *sink)
{
	memset(c, 0, sizeof(*c));
	c->m = m;
	c->machine_gen = 1;
	c->out = out;
	c->err = err;
	c->sink = sink;
	c->cur = "mmscope";
	mm_buf_init(&c->obuf);
	if (m)
		cmd_trace_install(c); /* printk lines from the first command on */
}

void cmd_ctx_fini(struct cmd_ctx *c)
{
	cmd_flush(c);
	if (c->m) {
		mm_set_observer(c->m, NULL, NULL, 0);
		mm_machine_destroy(c->m);
	}
	c->m = NULL;
	mm_buf_free(&c->obuf);
}

void cmd_flush(struct cmd_ctx *c)
{
	if (c->obuf.len && c->out)
		c->out(c->sink, c->obuf.s, c->obuf.len);
	mm_buf_reset(&c->obuf);
}

void cmd_sync(struct cmd_ctx *c)
{
	if (c->m)
		cmd_report_done(c);
	cmd_flush(c);
}

void cmd_printf(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm_buf_vprintf(&c->obuf, fmt, ap);
	va_end(ap);
}

void cmd_puts(struct cmd_ctx *c, const char *s)
{
	mm_buf_puts(&c->obuf, s);
}

#define ERR_LINE_MAX 400

/* An error is one short line: control characters from user text become
 * '?', and a line too long for a screen is cut with "...". */
static void sanitize(char *s, size_t len)
{
	size_t cut = ERR_LINE_MAX - 3;

	if (len > ERR_LINE_MAX) {
		while (cut && (s[cut] & 0xc0) == 0x80) /* not inside a UTF-8 char */
			cut--;
		strcpy(s + cut, "...");
	}
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			*s = '?';
}

int cmd_error(struct cmd_ctx *c, const char *fmt, ...)
{
	struct mm_buf b;
	va_list ap;

	mm_buf_init(&b);
	mm_buf_printf(&b, "%s: ", c->cur);
	va_start(ap, fmt);
	mm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	cmd_flush(c);
	if (b.s) {
		sanitize(b.s, b.len);
		if (c->err)
			c->err(c->sink, b.s);
	}
	mm_buf_free(&b);
	return 1;
}

int cmd_set_hook(struct cmd_ctx *c, const char *name, cmd_hook_fn fn, void *ud)
{
	const struct cmd_def *d = cmd_lookup(name);
	int i, slot = -1;

	if (!d || d->run != cmd_hooked)
		return -1;
	for (i = 0; i < CMD_MAX_HOOKS; i++) {
		if (c->hooks[i].name && strcmp(c->hooks[i].name, d->name) == 0) {
			slot = i;
			break;
		}
		if (!c->hooks[i].name && slot < 0)
			slot = i;
	}
	if (slot < 0)
		return -1;
	c->hooks[slot].name = fn ? d->name : NULL;
	c->hooks[slot].fn = fn;
	c->hooks[slot].ud = ud;
	c->hooks[slot].names = NULL;
	return 0;
}

void cmd_set_hook_names(struct cmd_ctx *c, const char *name,
			const char *const *names)
{
	int i;

	for (i = 0; i < CMD_MAX_HOOKS; i++)
		if (c->hooks[i].name && strcmp(c->hooks[i].name, name) == 0)
			c->hooks[i].names = names;
}

/* the handler of every hookable command: run what the front end put there */
int cmd_hooked(struct cmd_ctx *c, int argc, char **argv)
{
	int i;

	for (i = 0; i < CMD_MAX_HOOKS; i++)
		if (c->hooks[i].name && strcmp(c->hooks[i].name, argv[0]) == 0)
			return c->hooks[i].fn(c, c->hooks[i].ud, argc, argv);
	return cmd_error(c, "not available here (%s)", cmd_hook_where(argv[0]));
}

int cmd_listen(struct cmd_ctx *c, mm_observer_fn fn, void *ud, unsigned int mask)
{
	int i;

	for (i = 0; i < CMD_MAX_LISTENERS; i++)
		if (!c->listeners[i].fn) {
			c->listeners[i].fn = fn;
			c->listeners[i].ud = ud;
			c->listeners[i].mask = mask;
			if (c->m)
				cmd_trace_install(c);
			return i;
		}
	return -1;
}

void cmd_listen_mask(struct cmd_ctx *c, int id, unsigned int mask)
{
	if (id < 0 || id >= CMD_MAX_LISTENERS || !c->listeners[id].fn)
		return;
	c->listeners[id].mask = mask;
	if (c->m)
		cmd_trace_install(c);
}

void cmd_unlisten(struct cmd_ctx *c, int id)
{
	if (id < 0 || id >= CMD_MAX_LISTENERS)
		return;
	memset(&c->listeners[id], 0, sizeof(c->listeners[id]));
	if (c->m)
		cmd_trace_install(c);
}

int cmd_line_continues(struct cmd_ctx *c, const char *text)
{
	return c->continues ? c->continues(c->continues_ud, text) : 0;
}

const struct cmd_def *cmd_lookup(const char *name)
{
	size_t i, n;
	const struct cmd_def *t = cmd_table(&n);

	for (i = 0; i < n; i++)
		if (t[i].name[0] == name[0] && strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Levenshtein distance, for "did you mean"; long words are never close. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, tmp;
	size_t row[64];

	if (la >= 63 || lb >= 63)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = min3(row[j] + 1, row[j - 1] + 1,
				      prev + (a[i - 1] != b[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

const char *cmd_suggest(const char *word, const char *const *names, size_t n)
{
	size_t i, d, best = 3;
	const char *found = NULL;

	for (i = 0; i < n; i++) {
		d = edit_distance(word, names[i]);
		if (d < best) {
			best = d;
			found = names[i];
		}
	}
	return found;
}

static void echo(struct cmd_ctx *c, const char *line, size_t start, size_t end)
{
	if (c->flags & CMD_ECHO)
		cmd_printf(c, "> %.*s\n", (int)(end - start), line + start);
}

static int unknown_command(struct cmd_ctx *c, const char *name)
{
	const char *names[128];
	const char *near;
	size_t i, n;
	const struct cmd_def *t = cmd_table(&n);

	for (i = 0; i < n && i < 128; i++)
		names[i] = t[i].name;
	near = cmd_suggest(name, names, i);
	c->cur = name;
	if (near)
		return cmd_error(c, "unknown command (did you mean %s?)", near);
	return cmd_error(c, "unknown command (try 'help')");
}

static int run_one(struct cmd_ctx *c, int argc, char **argv)
{
	const struct cmd_def *d = cmd_lookup(argv[0]);
	int rc;

	if (!d) {
		rc = unknown_command(c, argv[0]);
	} else if (argc > 1 && strcmp(argv[argc - 1], "--lua") == 0) {
		/* print what a script would write instead of running it */
		c->cur = d->name;
		rc = cmd_lua_equivalent(c, argc - 1, argv) ? 1 : 0;
		cmd_flush(c);
	} else if ((d->flags & CMD_WRITES_FILE) && c->sandboxed) {
		c->cur = d->name;
		rc = cmd_error(c, "writing files is not allowed in the sandbox "
			       "('trust on' lifts it)");
	} else {
		c->cur = d->name;
		rc = d->run(c, argc, argv) ? 1 : 0;
		cmd_report_done(c);
		cmd_flush(c);
	}
	c->cur = "mmscope";
	return rc;
}

/* Report a line that did not split (nothing on it runs), in the name of
 * the last command: an unterminated quote runs to the end of the line. */
static int syntax_error(struct cmd_ctx *c, const char *line, const char *msg)
{
	struct cmd_words w;
	char dummy[8];
	size_t start = strspn(line, " \t\r\n"), end = strlen(line), i, last = 0;

	while (end > start && strchr(" \t\r\n", line[end - 1]))
		end--;
	echo(c, line, start, end);
	if (cmd_split(line, &w, 1, dummy, sizeof(dummy)) == 0 && w.ncmds) {
		for (i = 0; i + 1 < w.nargv; i++)
			if (!w.argv[i])
				last = i + 1;
		if (cmd_lookup(w.argv[last]))
			c->cur = w.argv[last];
	}
	cmd_error(c, "%s", msg);
	c->cur = "mmscope";
	cmd_words_free(&w);
	c->nr_failed++;
	return 1;
}

int cmd_exec(struct cmd_ctx *c, const char *line)
{
	struct cmd_words w;
	char err[64];
	size_t k, a = 0;
	int argc, failed = 0;

	if (cmd_split(line, &w, 0, err, sizeof(err)) < 0) {
		cmd_words_free(&w);
		return syntax_error(c, line, err);
	}
	for (k = 0; k < w.ncmds && !c->quit; k++) {
		for (argc = 0; w.argv[a + argc]; argc++)
			;
		echo(c, line, w.src[k].start, w.src[k].end);
		if (run_one(c, argc, &w.argv[a])) {
			failed = 1;
			c->nr_failed++;
			if (!(c->flags & CMD_KEEP_GOING))
				break;
		}
		a += argc + 1;
	}
	cmd_flush(c);
	cmd_words_free(&w);
	return failed;
}

/* the lines after one that leaves a `lua` block open join it, as in the REPL */
static void read_continuation(struct cmd_ctx *c, FILE *f, struct mm_buf *text)
{
	char *line = NULL;
	size_t cap = 0;

	while (text->s && cmd_line_continues(c, text->s) && getline(&line, &cap, f) >= 0)
		mm_buf_puts(text, line);
	free(line);
}

int cmd_run_stream(struct cmd_ctx *c, FILE *f)
{
	struct mm_buf text;
	char *line = NULL;
	size_t cap = 0;
	int failed = 0;

	mm_buf_init(&text);
	while (!c->quit && getline(&line, &cap, f) >= 0) {
		mm_buf_reset(&text);
		mm_buf_puts(&text, line);
		read_continuation(c, f, &text);
		if (cmd_exec(c, text.s ? text.s : line)) {
			failed = 1;
			if (!(c->flags & CMD_KEEP_GOING))
				break;
		}
	}
	mm_buf_free(&text);
	free(line);
	return failed;
}
