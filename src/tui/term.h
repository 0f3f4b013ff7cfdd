/*
 * term.h - the terminal: the one part of mmscope that talks to curses.
 * It sets the terminal up and restores it, turns theme roles into colour
 * pairs the terminal can show, copies a canvas to the screen (only the
 * cells that changed), and reads keys as enum tui_key values.  Nothing
 * else includes curses.
 */
#ifndef MMSCOPE_TUI_TERM_H
#define MMSCOPE_TUI_TERM_H

#include <stddef.h>

#include "canvas.h"
#include "theme.h"

struct term;

/*
 * Take over the terminal (the caller did setlocale(LC_ALL, "")): cbreak
 * with ISIG kept (Ctrl-C raises SIGINT; the main loop owns the handler),
 * no echo, keypad keys, colours when the terminal has them and NO_COLOR is
 * unset or empty.  NULL with a message in err if there is no terminal.
 */
struct term *term_open(char *err, size_t errlen);
/* give the terminal back (endwin); safe to call twice and with NULL, so
 * an atexit or crash path may call it too.  t stays valid until term_free */
void term_close(struct term *t);
/* term_close, then release t and curses' screen */
void term_free(struct term *t);
void term_size(struct term *t, int *w, int *h);
/* colours the screen uses: 0 (NO_COLOR, or none), 8, 16 or 256 */
int term_colors(const struct term *t);
/* a colour pair per role, reduced to what the terminal has; forces a full
 * redraw at the next flush */
void term_set_theme(struct term *t, const struct theme *th);
/* show the canvas: only the cells changed since the last flush are sent;
 * the cursor goes to cv->cur_x/cur_y, or is hidden when that is -1 */
void term_flush(struct term *t, const struct canvas *cv);
/* redraw everything at the next flush (after Ctrl-L, or output that
 * bypassed curses) */
void term_invalidate(struct term *t);
/*
 * The next key: a code point or a TK_* value; TK_NONE when timeout_ms
 * passes first (-1 waits for ever); TK_RESIZE when the terminal changed
 * size (the curses screen is resized already).
 */
int term_getkey(struct term *t, int timeout_ms);

#endif
