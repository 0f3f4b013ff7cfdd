/*
 * cmd.h - the command language: the one way every front end (batch, -e,
 * the REPL, later the screen and Lua's mm.exec) drives the model.
 *
 * A front end owns a struct cmd_ctx.  It hands the context a machine (the
 * context owns it from then on: the `machine` command may replace it, so a
 * front end always reads c->m, never a copy) and two sinks: `out` receives
 * ordinary output text (whole lines, possibly several at once), `err`
 * receives one error line at a time, without its newline, always of the
 * form "CMD: what is wrong".  Output that precedes an error is delivered
 * before the error, so a transcript of both reads in order.
 *
 * A line holds commands separated by ';' or newlines; '#' starts a comment
 * that runs to the end of the line; words may be quoted with '...' or "..."
 * and a backslash quotes the next character.  A command that fails leaves
 * the model as it was.
 */
#ifndef MMSCOPE_CMD_H
#define MMSCOPE_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "mm.h"

/* ordinary output: len bytes of text, not NUL-terminated */
typedef void (*cmd_out_fn)(void *sink, const char *text, size_t len);
/* one error line, NUL-terminated, no trailing newline */
typedef void (*cmd_err_fn)(void *sink, const char *line);

enum cmd_flags {
	CMD_ECHO = 1u << 0,       /* print "> command" before each command */
	CMD_KEEP_GOING = 1u << 1, /* a failure does not stop the rest */
};

struct cmd_ctx {
	struct mm_machine *m; /* owned; may be replaced by `machine` */
	cmd_out_fn out;
	cmd_err_fn err;
	void *sink;          /* passed to out and err */
	unsigned int flags;  /* enum cmd_flags */
	int quit;            /* set by `quit`; front ends stop reading */
	unsigned long nr_failed; /* failed commands since init */

	/* private to src/cmd */
	unsigned int trace_mask; /* events printed by `trace` */
	int step_trail;          /* a stepping request exists: print stage points */
	const char *cur;         /* name in front of error lines */
	struct mm_buf obuf;      /* output collected until the next flush */
};

/* The context takes ownership of m (cmd_ctx_fini destroys it). */
void cmd_ctx_init(struct cmd_ctx *c, struct mm_machine *m, cmd_out_fn out,
		  cmd_err_fn err, void *sink);
void cmd_ctx_fini(struct cmd_ctx *c);

/*
 * Run every command on a line (or a multi-line text).  Returns 0 if all
 * succeeded, 1 if any failed; without CMD_KEEP_GOING the first failure
 * stops the rest.  `quit` stops the rest and sets c->quit.
 */
int cmd_exec(struct cmd_ctx *c, const char *line);

/* Run a stream line by line until EOF, quit or (without CMD_KEEP_GOING)
 * the first failure.  Returns 0 if every command succeeded, else 1. */
int cmd_run_stream(struct cmd_ctx *c, FILE *f);

/* ---- the command table (help, completion, the screen's palette) ---- */
enum cmd_complete_kind {
	CMPL_NONE,
	CMPL_COMMAND, /* command names (help) */
	CMPL_GFP,     /* gfp flag names (alloc_pages) */
	CMPL_PROC,    /* /proc paths (cat) */
	CMPL_SYSCTL,  /* sysctl keys */
	CMPL_TRACE,   /* on|off, then event names */
	CMPL_SHOW,    /* show's subcommands, then zones / types */
	CMPL_MACHINE, /* preset names, then files */
	CMPL_CACHE,   /* a cache name, then gfp flags (kmem_cache_alloc) */
	CMPL_KMALLOC, /* a size, then gfp flags */
	CMPL_SLAB_FLAGS, /* kmem_cache_create: SLAB_* flags after the size */
	CMPL_TASK,    /* task's subcommands, then gfp flags (task spawn) */
};

struct cmd_ctx;
struct cmd_def {
	const char *name;
	const char *args;    /* synopsis of the arguments */
	const char *summary; /* one line */
	const char *help;    /* longer text, lines end in '\n' */
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	enum cmd_complete_kind complete;
};

/* The table, in the order `help` lists it; *n receives its length. */
const struct cmd_def *cmd_table(size_t *n);
const struct cmd_def *cmd_lookup(const char *name);

/*
 * Completion.  `before` is the text of the line in front of the word being
 * completed, `word` the part of that word typed so far (a front end that
 * treats '|' as a word break passes only what follows the last '|').  add
 * is called once per candidate that starts with `word`.  Returns hints,
 * a mask of enum cmd_complete_hint.
 */
enum cmd_complete_hint {
	CMD_CMPL_FILES = 1u << 0,   /* file names are sensible here too */
	CMD_CMPL_NOSPACE = 1u << 1, /* the word goes on (GFP_KERNEL|...) */
};
typedef void (*cmd_add_fn)(void *arg, const char *candidate);
int cmd_complete(struct cmd_ctx *c, const char *before, const char *word,
		 cmd_add_fn add, void *arg);

/* ---- the tokenizer, exposed for tests and front ends ---- */
struct cmd_words {
	char *buf;    /* storage of all words */
	char **argv;  /* the words; a NULL entry ends each command */
	size_t nargv; /* entries of argv including the NULLs */
	size_t ncmds;
	struct cmd_span {
		size_t start, end; /* the command's text: line[start, end) */
	} *src;
};
/*
 * Split a line into commands and words.  Returns 0, or -1 with a message
 * in err ("unterminated quote").  With lenient set an unterminated quote
 * simply ends the last word (for completion).  cmd_words_free always.
 */
int cmd_split(const char *line, struct cmd_words *w, int lenient, char *err,
	      size_t errlen);
void cmd_words_free(struct cmd_words *w);

#endif
