/*
 * cmd.h - the command language: how the batch mode, -e, the REPL and the
 * screen (its keys run command lines too) drive the model, and what Lua's
 * mm.exec runs.  Lua's other mm.* functions call the core themselves (the
 * section "for front ends that call the core themselves" below).
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

#include "file.h"
#include "ops.h"
#include "view.h"

/* ordinary output: len bytes of text, not NUL-terminated */
typedef void (*cmd_out_fn)(void *sink, const char *text, size_t len);
/* one error line, NUL-terminated, no trailing newline */
typedef void (*cmd_err_fn)(void *sink, const char *line);
/* an event's line (a tracepoint, a stage, a printk: event is its enum
 * mm_event_type), len bytes, no trailing newline; a printk may hold
 * several lines.  A front end that sets it learns each line's kind from
 * the event, never from the text; without it the line goes to out. */
typedef void (*cmd_event_fn)(void *sink, int event, const char *text, size_t len);

enum cmd_flags {
	CMD_ECHO = 1u << 0,       /* print "> command" before each command */
	CMD_KEEP_GOING = 1u << 1, /* a failure does not stop the rest */
};

/*
 * Front-end hooks.  Some commands belong to a front end (theme, layout,
 * screenshot belong to the screen; source, lua, scripts, trust to the Lua
 * host).  They stay in the one command table (help and completion list
 * them everywhere), and run what the front end registered under their
 * name; without one they fail with "NAME: not available here (...)".
 */
struct cmd_ctx;
struct cmd_outcome;
typedef int (*cmd_hook_fn)(struct cmd_ctx *c, void *ud, int argc, char **argv);
#define CMD_MAX_HOOKS 24

/*
 * Listeners: front ends that want the model's events (the screen's log
 * and call-stack panels, Lua's mm.on) add a listener instead of replacing
 * the observer, which src/cmd owns.  The mask is of MM_EV_BIT()s.
 */
#define CMD_MAX_LISTENERS 8

struct cmd_ctx {
	struct mm_machine *m; /* owned; may be replaced by `machine` */
	/* 1, 2, ...: bumped each time m is replaced.  A front end tells a new
	 * machine by it, never by the pointer: the new one may be allocated
	 * where the old one was */
	unsigned long machine_gen;
	cmd_out_fn out;
	cmd_err_fn err;
	cmd_event_fn out_event; /* NULL: event lines are ordinary output */
	void *sink;          /* passed to out, err and out_event */
	unsigned int flags;  /* enum cmd_flags */
	int quit;            /* set by `quit`; front ends stop reading */
	unsigned long nr_failed; /* failed commands since init */

	/* set (from a signal handler too) to stop a long command, a script,
	 * a `tick 100000`; cleared by the front end before the next command */
	volatile int interrupted;
	/* set while a sandboxed script's commands run (Lua's mm.exec): the
	 * commands marked CMD_WRITES_FILE are refused */
	int sandboxed;

	/* private to src/cmd */
	struct cmd_hook {
		const char *name;
		cmd_hook_fn fn;
		void *ud;
		const char *const *names; /* completion, NULL-terminated */
	} hooks[CMD_MAX_HOOKS];
	struct cmd_listener {
		mm_observer_fn fn;
		void *ud;
		unsigned int mask;
	} listeners[CMD_MAX_LISTENERS];
	/* asks whether a typed line goes on (an open Lua chunk) */
	int (*continues)(void *ud, const char *text);
	void *continues_ud;
	/* told of every request the command layer collects once it finished
	 * (one cmd_request_run left pending, moved on later by `step`, a
	 * `tick`, ...), just before it is freed: Lua fills its page handle */
	void (*req_done)(void *ud, const struct cmd_outcome *o);
	void *req_done_ud;
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

/* the value of a readable sysctl key ("vm.min_free_kbytes"): 0, or -1 for
 * an unknown or write-only key */
int cmd_sysctl_read(struct cmd_ctx *c, const char *key, long *v);
/* `sysctl KEY` (value NULL) or `sysctl KEY=VALUE` without the text (Lua's
 * mm.sysctl): 0 with the key's value now in *now (a write-only key: what
 * was written), or 1 with the error reported as the command reports it */
int cmd_sysctl_do(struct cmd_ctx *c, const char *key, const long *value, long *now);
/* step, next, finish or continue (mode) cpu's stopped request, as the
 * commands do on the current cpu: 0, or 1 with the error reported */
int cmd_resume(struct cmd_ctx *c, int cpu, enum mm_step_mode mode);

/* Run a stream line by line until EOF, quit or (without CMD_KEEP_GOING)
 * the first failure.  Returns 0 if every command succeeded, else 1. */
int cmd_run_stream(struct cmd_ctx *c, FILE *f);

/* Register the front end's handler for a command of the table (name must
 * be one of the hookable commands: see cmd_table's CMD_HOOKED entries).
 * fn NULL removes it.  Returns 0, or -1 if the name is unknown. */
int cmd_set_hook(struct cmd_ctx *c, const char *name, cmd_hook_fn fn, void *ud);
/* the words Tab offers for the hooked command's first argument (theme
 * names, layouts, panels); names must stay valid while the hook is set */
void cmd_set_hook_names(struct cmd_ctx *c, const char *name,
			const char *const *names);

/* Add a listener for the events in mask; returns its id (>= 0) or -1 when
 * all slots are taken.  The listener sees the events of whatever machine
 * c->m is, also after `machine` replaced it.  cmd_listen_mask changes the
 * mask (0 silences it), cmd_unlisten removes it. */
int cmd_listen(struct cmd_ctx *c, mm_observer_fn fn, void *ud, unsigned int mask);
void cmd_listen_mask(struct cmd_ctx *c, int id, unsigned int mask);
void cmd_unlisten(struct cmd_ctx *c, int id);

/* 1 if the text typed so far is an unfinished multi-line input (a `lua`
 * chunk whose block is still open): the REPL then reads another line with
 * its second prompt and passes the lines joined by '\n'. */
int cmd_line_continues(struct cmd_ctx *c, const char *text);

/* ---- for front ends that call the core themselves (src/lua) ---- */

/* Hand the output collected so far (printk lines, the stage trail) to the
 * out sink: safe anywhere, inside the model's observer too. */
void cmd_flush(struct cmd_ctx *c);
/* What the end of a command does: report requests that finished
 * meanwhile, then cmd_flush.  Only between operations, never from inside
 * the observer. */
void cmd_sync(struct cmd_ctx *c);

/* How an allocation or free run by cmd_request_run came out. */
enum cmd_req_status { CMD_REQ_DONE, CMD_REQ_PENDING, CMD_REQ_FAILED };
struct cmd_outcome {
	enum cmd_req_status status;
	enum mm_req_kind kind;
	int cpu;
	int rc;                     /* FAILED: the core's MM_E* code */
	unsigned long result;       /* the pfn or object address */
	struct mm_alloc_result res; /* alloc_pages: order, zone, migratetype, why */
	char text[400];             /* FAILED: the error as the command reports it */
};
/*
 * Run proto (kind, cpu, gfp, order/size/cache/pfn, owner, stepping) the
 * way its command does: directly, or as a request when stepping is asked
 * or something is stopped, a sleeping request given time to finish.  The
 * outcome comes back in *o instead of being printed (a request left
 * pending prints where it stopped, as the command does).  Returns
 * o->status.
 */
int cmd_request_run(struct cmd_ctx *c, struct mm_request_spec *proto, struct cmd_outcome *o);

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
	CMPL_FILE,    /* a file name (source, screenshot) */
	CMPL_NAMES,   /* names the front end gave with cmd_set_hook_names */
};

/* what a command does besides driving the model (cmd_def.flags) */
enum cmd_def_flags {
	/* writes a file it is given: refused to a sandboxed script
	 * ("CMD: writing files is not allowed in the sandbox ...") */
	CMD_WRITES_FILE = 1u << 0,
};

struct cmd_ctx;
struct cmd_def {
	const char *name;
	const char *args;    /* synopsis of the arguments */
	const char *summary; /* one line */
	const char *help;    /* longer text, lines end in '\n' */
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	enum cmd_complete_kind complete;
	unsigned int flags;  /* enum cmd_def_flags */
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
	/* where argv, src and buf live for a short line (no malloc) */
	union {
		void *align;
		char bytes[2048];
	} store;
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
