/*
 * fuzz.h - what the fuzz targets share (common.c): the small machines they
 * boot, the sinks that swallow output, the budget that keeps one input
 * well under a second, and the invariant check every input ends with.
 *
 * Each target (fuzz_cmd.c, fuzz_machine.c, fuzz_lua.c) defines
 * LLVMFuzzerTestOneInput.  Linked with -fsanitize=fuzzer it is a libFuzzer
 * program (make fuzz); linked with replay.c it is a plain program that runs
 * the corpus files given to it (make test).
 */
#ifndef MMSCOPE_FUZZ_H
#define MMSCOPE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "cmd/cmd.h"
#include "mm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The machines an input runs on.  An input picks one with a first line
 * "# machine: NAME" (command streams, as the golden transcripts have it) or
 * "-- machine: NAME" (Lua); otherwise its first byte does (modulo their
 * number).  All are small: booting one costs a millisecond or two.
 */
/* a booted machine for the input; aborts if a fixed machine fails to boot */
struct mm_machine *fuzz_boot(const uint8_t *data, size_t size);

/* the text of the input as a C string (it stops at a NUL byte); free() it */
char *fuzz_text(const uint8_t *data, size_t size);

/* sinks that drop everything; with FUZZ_VERBOSE=1 in the environment they
 * print (stdout and stderr), to read what a reproducer does */
int fuzz_verbose(void);
void fuzz_out(void *sink, const char *text, size_t len);
void fuzz_err(void *sink, const char *line);

/*
 * The budget of one input.  Every command line is looked at before it
 * runs; a line with a command that would take too long is skipped whole
 * (the limits are in common.c).  Lua's mm.exec and the mm functions that
 * take counts answer to the same budget in fuzz_lua.  A listener on the
 * command context counts the stage checks of `check stages on` and turns
 * them off when they are spent, and aborts if one of them failed.
 */
struct fuzz_budget {
	struct cmd_ctx *c;     /* whose machine: with swap, pages cost more */
	unsigned long cmds;    /* commands run */
	unsigned long jiffies; /* ticked */
	unsigned long pages;   /* faulted in / read into the page cache */
	unsigned long stage_checks; /* invariant checks at stage points */
	int stages;            /* `check stages on` was seen: count them */
	int swap;              /* the line being looked at boots a machine */
	int listen_id;
	unsigned int mask;
};
/* start counting for the context (cmd_ctx_init done); fini before cmd_ctx_fini */
void fuzz_budget_init(struct fuzz_budget *b, struct cmd_ctx *c);
void fuzz_budget_fini(struct fuzz_budget *b);
/* 0: the line may run (and is charged); -1: skip it */
int fuzz_line_ok(struct fuzz_budget *b, const char *line);
/* the same charges for the Lua functions that do not go through commands */
int fuzz_tick_ok(struct fuzz_budget *b, unsigned long jiffies);
int fuzz_pages_ok(struct fuzz_budget *b, unsigned long pages);

/* mm_check the machine; abort() with the broken invariant if it fails,
 * which libFuzzer reports as a crash */
void fuzz_check(struct mm_machine *m, const char *when);

#endif
