/*
 * repl.h - the interactive command line (GNU readline): the plain REPL for
 * a terminal without the screen, and the screen's command line, which the
 * screen's input loop feeds key by key.  repl.c is the only file that
 * includes readline's headers; nothing here names a readline type.
 */
#ifndef MMSCOPE_REPL_H
#define MMSCOPE_REPL_H

#include <stddef.h>

#include "cmd/cmd.h"

/* Read and run commands until Ctrl-D or quit.  Returns 0, or 1 if any
 * command failed (the REPL itself keeps going). */
int repl_run(struct cmd_ctx *c);

/* ---- the screen's command line ------------------------------------------
 * Readline never touches the terminal here: the screen hands it bytes
 * (repl_cb_feed), reads back the prompt, the text and the cursor, and
 * draws them itself.  History is the plain REPL's (same file). */
struct repl_cb_hooks {
	void *ud;
	/* a complete line (an unfinished `lua` chunk's lines joined by '\n'),
	 * already in the history; NULL for Ctrl-D on an empty line */
	void (*line)(void *ud, const char *line);
	/* the candidates of an ambiguous Tab (readline would list them) */
	void (*matches)(void *ud, const char *const *cand, int n);
};

int repl_cb_init(struct cmd_ctx *c, const struct repl_cb_hooks *h);
/* bytes as a terminal would send them (UTF-8, "\033[A" for Up, ...) */
void repl_cb_feed(const char *bytes, size_t n);
const char *repl_cb_prompt(void); /* "mmscope> ", "..> ", "(reverse-i-search)..." */
const char *repl_cb_text(void);   /* the line typed so far */
size_t repl_cb_point(void);       /* the cursor, a byte offset in the text */
int repl_cb_searching(void);      /* an incremental search (Ctrl-R) is on */
int repl_cb_continuing(void);     /* lines of an unfinished chunk are held */
/* Ctrl-C: drop the line being typed and any held continuation lines */
void repl_cb_cancel(void);
/* save the history and let readline go (before the terminal is closed) */
void repl_cb_fini(void);

#endif
