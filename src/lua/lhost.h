/*
 * lhost.h - the Lua host as the rest of the program sees it (no Lua
 * headers here: only src/lua/ includes them, through src/lua/mlua.h).
 *
 * A host binds one Lua state to a command context (the machine is c->m)
 * and to a ui_host (the screen's, or NULL for headless).  It registers the
 * commands `source`, `lua`, `scripts` and `trust` with cmd_set_hook and
 * the continuation test for multi-line `lua` input.
 *
 * Scripts run as coroutines.  lhost_source/lhost_chunk start one; it runs
 * until it ends, fails, or yields to the screen (ui.pause waits for a key,
 * a step lets the screen redraw).  The screen then calls lhost_resume:
 * after a key for LH_PAUSED, at once (after drawing) for LH_YIELD.
 * Headless, nothing yields: ui.pause returns at once.
 */
#ifndef MMSCOPE_LHOST_H
#define MMSCOPE_LHOST_H

#include "cmd/cmd.h"
#include "ui_host.h"

struct lhost;

enum lhost_status {
	LH_DONE,   /* finished (or nothing was running) */
	LH_PAUSED, /* ui.pause: resume after a key */
	LH_YIELD,  /* let the screen redraw, then resume */
	LH_ERROR,  /* failed; the message and traceback went to the err/out sinks */
};

/* NULL with err filled if Lua could not start */
struct lhost *lhost_new(struct cmd_ctx *c, const struct ui_host *ui, int trusted,
			char *err, size_t errlen);
void lhost_free(struct lhost *L);

/* start a script (argv[0] is the file, the rest its args) / a chunk */
int lhost_source(struct lhost *L, int argc, char **argv);
int lhost_chunk(struct lhost *L, const char *chunk, const char *chunkname);
/* move the suspended script on; LH_DONE if none is suspended */
int lhost_resume(struct lhost *L);
/* 1 while a script is suspended (paused or yielded) */
int lhost_busy(const struct lhost *L);
/* what the suspended script waits for: LH_PAUSED (a key) or LH_YIELD (a
 * redraw); LH_DONE when none is suspended.  The screen learns the same
 * from ui_host.pause_prompt, which ui.pause calls before it yields. */
int lhost_state(const struct lhost *L);
/* stop and drop the suspended script (Ctrl-C while it waits, `q`) */
void lhost_stop(struct lhost *L);
/* Ctrl-C: async-signal-safe; the running script stops at its next hook */
void lhost_interrupt(struct lhost *L);
/* a key bound with ui.bind was pressed: run its function (1 if bound) */
int lhost_key(struct lhost *L, const char *keyname);
/* Lessons.  lhost_replay_to(L, K) before lhost_source: the script's
 * first K-1 ui.pause calls return at once (its steps still yield
 * LH_YIELD); the K-th waits as usual (K <= 0: every pause waits; INT_MAX:
 * run through, counting).  lhost_pauses: the ui.pause calls the script
 * that runs (or ran last) made. */
void lhost_replay_to(struct lhost *L, int pause);
int lhost_pauses(const struct lhost *L);
/* quiet on: the commands' own output (stage trail, traces, printk) is
 * dropped; print, io.write, ui.say and errors still show (headless
 * walkthroughs without --verbose) */
void lhost_set_quiet(struct lhost *L, int on);
/* $XDG_CONFIG_HOME/mmscope/init.lua if it exists */
int lhost_run_init(struct lhost *L);
/* each walkthrough of the scripts directories once (the first found, in
 * datadir.h's order; by name within a directory), with the description
 * and args its leading comments give ("" if none); reads, never runs */
void lhost_each_script(void (*fn)(void *arg, const char *name, const char *description,
				  const char *args),
		       void *arg);

#endif
