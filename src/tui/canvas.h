/*
 * canvas.h - the cell grid every panel draws into.  A cell holds one
 * character (a Unicode code point; 0 marks the right half of a wide
 * character) and a colour role.  Panels never see colours or curses: the
 * terminal file (term.c) turns roles into colour pairs when it flushes, and
 * screenshot.c turns the same grid into text or SVG.  No curses here.
 */
#ifndef MMSCOPE_TUI_CANVAS_H
#define MMSCOPE_TUI_CANVAS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "theme.h"

/* extra attributes a panel may ask for on top of the role's own */
enum cell_attr {
	CELL_BOLD = 1u << 0,
	CELL_REVERSE = 1u << 1,
	CELL_UNDERLINE = 1u << 2,
};

struct cell {
	uint32_t ch;   /* code point; 0 = continuation of a wide char */
	uint16_t role; /* enum color_role */
	uint16_t attr; /* enum cell_attr */
};

struct rect {
	int x, y, w, h;
};

struct canvas {
	int w, h;
	struct cell *cells; /* [h][w] */
	int cur_x, cur_y;   /* where the terminal cursor goes (-1: hidden) */
};

int canvas_init(struct canvas *cv, int w, int h); /* 0 or -1 (no memory) */
int canvas_resize(struct canvas *cv, int w, int h);
void canvas_free(struct canvas *cv);
void canvas_clear(struct canvas *cv, int role); /* spaces in role */
void canvas_fill(struct canvas *cv, struct rect r, uint32_t ch, int role);

/* one cell; out-of-range positions are ignored */
void canvas_set(struct canvas *cv, int x, int y, uint32_t ch, int role,
		unsigned int attr);
/*
 * Write UTF-8 text at (x, y), at most maxw columns (maxw < 0: up to the
 * canvas edge, which is never passed); control characters, malformed
 * UTF-8 and characters the locale cannot show become '?', wide characters
 * take two cells (one that does not fit whole is left out), combining
 * characters are dropped.  Returns the columns the text advanced over,
 * counting those left of column 0; 0 when row y is outside the canvas.
 */
int canvas_put(struct canvas *cv, int x, int y, int maxw, int role,
	       const char *utf8);
int canvas_printf(struct canvas *cv, int x, int y, int maxw, int role,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* same, with extra attributes */
int canvas_put_attr(struct canvas *cv, int x, int y, int maxw, int role,
		    unsigned int attr, const char *utf8);
/* change the role (and attributes) of cells already written */
void canvas_recolor(struct canvas *cv, struct rect r, int role, unsigned int attr);
/* a frame around r with a title in its top edge; focused draws it in
 * ROLE_BORDER_FOCUS.  The inside is r shrunk by one on every side. */
void canvas_box(struct canvas *cv, struct rect r, const char *title, int focused);
struct rect rect_inner(struct rect r);

/* the text of row y (UTF-8, trailing spaces kept), for screenshots and
 * tests; whole characters only, always NUL-terminated, returns the bytes
 * stored */
size_t canvas_row_text(const struct canvas *cv, int y, char *buf, size_t len);
/* display width of UTF-8 text (wcwidth rules) */
int utf8_width(const char *s);
/* the same for the first n bytes at most */
int utf8_width_n(const char *s, size_t n);
/* the cell at (x, y), NULL when outside the canvas (tests, term.c) */
const struct cell *canvas_at(const struct canvas *cv, int x, int y);
/* the UTF-8 bytes of a code point into out[4]; returns how many */
size_t utf8_put(uint32_t cp, char *out);

#endif
