/*
 * repl.h - the interactive command line (GNU readline), for a terminal
 * without the screen.  The only file that includes readline's headers.
 */
#ifndef MMSCOPE_REPL_H
#define MMSCOPE_REPL_H

#include "cmd/cmd.h"

/* Read and run commands until Ctrl-D or quit.  Returns 0, or 1 if any
 * command failed (the REPL itself keeps going). */
int repl_run(struct cmd_ctx *c);

#endif
