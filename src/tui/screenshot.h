/*
 * screenshot.h - the canvas as a file: plain text (.txt) or an SVG image in
 * the theme's colours (.svg), chosen by the file's extension.  No curses:
 * it works on the same grid the terminal shows, so headless runs and tests
 * can take screenshots too.
 */
#ifndef MMSCOPE_TUI_SCREENSHOT_H
#define MMSCOPE_TUI_SCREENSHOT_H

#include <stddef.h>
#include <stdio.h>

#include "canvas.h"
#include "theme.h"

/*
 * Write cv to path (.txt or .svg, any case).  The file appears complete or
 * not at all (written to a temporary name, then renamed).  Returns 0, or
 * -1 with one line in err ("screenshot: FILE: use .txt or .svg").
 */
int screenshot_write(const struct canvas *cv, const struct theme *th,
		     const char *path, char *err, size_t errlen);

/* the two formats on an open stream; 0, or -1 on a write error */
int screenshot_txt(const struct canvas *cv, FILE *f);
int screenshot_svg(const struct canvas *cv, const struct theme *th, FILE *f);

#endif
