/*
 * man.h - mmscope's manual page, written from the program's own tables
 * (the options of main.c, the command table, the keys of the screen, the
 * presets, layouts, themes and walkthroughs), so it cannot drift from
 * what the program does.  `mmscope --man` prints it; `make man` keeps it
 * in build/mmscope.1.
 */
#ifndef MMSCOPE_MAN_H
#define MMSCOPE_MAN_H

#include <stdio.h>

/* one command-line option, as --help, --man and --list options show it */
struct opt_doc {
	const char *name;  /* "--machine" */
	const char *alias; /* "-h" for --help, or NULL */
	const char *arg;   /* "NAME|FILE", or NULL */
	const char *help;  /* one paragraph; --help wraps it */
	const char *list;  /* what --list names for its value ("presets"), or NULL */
};

/* the whole page in roff (man(7) macros) */
void man_page(FILE *f, const struct opt_doc *opts, int nopts);

#endif
