/*
 * tui.h - the live screen: panels of the model, a status bar and a
 * readline command line, in the terminal until `quit`, Ctrl-D or F10.
 */
#ifndef MMSCOPE_TUI_H
#define MMSCOPE_TUI_H

#include <stdio.h>

#include "cmd/cmd.h"

struct tui_opts {
	/* a walkthrough to run once the screen is up: argv[0] is the file,
	 * the rest its arguments; argc 0 for none */
	int script_argc;
	char **script_argv;
	int trusted;        /* scripts get the whole Lua standard library */
	const char *theme;  /* NULL: "default" */
	const char *layout; /* NULL: "auto" */
};

/*
 * Run the screen on c (its machine, hooks and sinks; the sinks are
 * restored on return).  Returns 0, or 2 if the terminal could not be set
 * up (the reason printed on stderr).
 */
int tui_run(struct cmd_ctx *c, const struct tui_opts *o);
/* the screen's global keys as a Markdown table (mmscope --keys) */
void tui_print_keys(FILE *f);
/* every key: the global ones (section "Keys"), each panel's ("Panel
 * NAME"), the command line's ("Command line"), for the man page */
void tui_each_key(void (*fn)(void *arg, const char *section, const char *keys,
			     const char *help),
		  void *arg);
/* one name a line: the themes theme_load finds / the layouts (--list) */
void tui_print_themes(FILE *f);
void tui_print_layouts(FILE *f);

#endif
