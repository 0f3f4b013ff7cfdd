/*
 * term.c - the one file that talks to curses (ncursesw).
 *
 * The rest of the screen draws into a struct canvas of (code point, role,
 * attributes) cells.  This file
 *   - sets the terminal up and gives it back (term_open / term_close),
 *   - turns each theme role into a curses colour pair plus attributes,
 *     reduced to the colours the terminal has (term_set_theme),
 *   - copies the canvas to the screen, sending only the cells that changed
 *     since the last flush (term_flush), and
 *   - reads keys and translates curses' codes into enum tui_key.
 *
 * Colour reduction: 256-colour indexes become the ANSI colour of the same
 * hue (theme_reduce16) on a 16-colour terminal; on an 8-colour terminal a bright foreground becomes
 * its plain colour in bold and a bright background its plain colour.  If
 * a reduction makes foreground and background equal the foreground turns
 * black or white, whichever stands out, so no text vanishes.  Without
 * colour (NO_COLOR, or a terminal without colours) a role that relied on
 * colour borrows the attributes of the mono theme instead.
 *
 * Colour pairs are shared between roles with the same colours: an
 * 8-colour xterm offers only 64 pairs, fewer than there are roles.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "term.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "keys.h"

struct role_look {
	attr_t attr;
	short pair;
};

struct term {
	SCREEN *scr;
	int open;           /* between newterm and endwin */
	int colors;         /* 0, 8, 16, 256 */
	int default_colors; /* use_default_colors worked: -1 is allowed */
	int utf8;           /* the locale can show line-drawing characters */
	struct role_look look[NR_ROLES];
	struct cell *shown; /* what the last flush drew, [sh][sw] */
	int sw, sh;
	int full;           /* redraw everything at the next flush */
	int cursor;         /* cursor visible now */
};

static int no_color(void)
{
	const char *e = getenv("NO_COLOR");

	return e && *e;
}

static void setup_colors(struct term *t)
{
	t->colors = 0;
	if (no_color() || !has_colors() || start_color() == ERR)
		return;
	t->default_colors = use_default_colors() == OK;
	if (COLORS >= 256)
		t->colors = 256;
	else if (COLORS >= 16)
		t->colors = 16;
	else if (COLORS >= 8)
		t->colors = 8;
}

struct term *term_open(char *err, size_t errlen)
{
	struct term *t = calloc(1, sizeof(*t));
	const char *cs = nl_langinfo(CODESET);

	if (!t) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	t->scr = newterm(NULL, stdout, stdin);
	if (!t->scr) {
		const char *term = getenv("TERM");

		snprintf(err, errlen, "cannot use the terminal (TERM=%s)",
			 term ? term : "unset");
		free(t);
		return NULL;
	}
	set_term(t->scr);
	t->open = 1;
	t->utf8 = cs && !strcmp(cs, "UTF-8");
	cbreak(); /* not raw: Ctrl-C still raises SIGINT */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(25); /* Esc alone should not feel sluggish */
	curs_set(0);
	setup_colors(t);
	t->full = 1;
	return t;
}

void term_close(struct term *t)
{
	if (!t || !t->open)
		return;
	curs_set(1);
	endwin();
	t->open = 0;
}

void term_free(struct term *t)
{
	if (!t)
		return;
	term_close(t);
	delscreen(t->scr);
	free(t->shown);
	free(t);
}

void term_size(struct term *t, int *w, int *h)
{
	int y, x;

	(void)t;
	getmaxyx(stdscr, y, x);
	*w = x;
	*h = y;
}

int term_colors(const struct term *t)
{
	return t->colors;
}

void term_invalidate(struct term *t)
{
	t->full = 1;
}

/* ---- colours ------------------------------------------------------------------ */

/* c (COLOR_DEFAULT or 0..255) as the terminal can show it; *bold is set
 * when an 8-colour terminal needs bold to stand for a bright foreground */
static int reduce(const struct term *t, int c, int is_fg, int *bold)
{
	if (c < 0)
		return t->default_colors ? -1 : is_fg ? COLOR_WHITE : COLOR_BLACK;
	if (t->colors == 256)
		return c;
	c = theme_reduce16(c);
	if (t->colors == 16 || c < 8)
		return c;
	if (is_fg)
		*bold = 1;
	return c - 8;
}

/* the same colour on both sides: text in black or white, whichever is
 * farther from the background */
static int legible_fg(int bg)
{
	uint32_t rgb = theme_rgb(bg);
	int lum = (int)((rgb >> 16 & 0xff) * 3 + (rgb >> 8 & 0xff) * 6 + (rgb & 0xff)) / 10;

	return lum > 128 ? COLOR_BLACK : COLOR_WHITE;
}

/* the pair for fg/bg, reusing one already made; 0 when pairs run out */
static short role_pair(short (*made)[2], int *nr, int fg, int bg)
{
	int i;

	for (i = 0; i < *nr; i++)
		if (made[i][0] == fg && made[i][1] == bg)
			return (short)(i + 1);
	if (*nr + 1 >= COLOR_PAIRS || *nr >= NR_ROLES)
		return 0;
	made[*nr][0] = (short)fg;
	made[*nr][1] = (short)bg;
	(*nr)++;
	init_pair((short)*nr, (short)fg, (short)bg);
	return (short)*nr;
}

static attr_t curses_attr(unsigned int a)
{
	return (a & THEME_BOLD ? A_BOLD : 0) | (a & THEME_REVERSE ? A_REVERSE : 0) |
	       (a & THEME_UNDERLINE ? A_UNDERLINE : 0) | (a & THEME_DIM ? A_DIM : 0);
}

static void set_colour_looks(struct term *t, const struct theme *th)
{
	short made[NR_ROLES][2];
	int nr = 0, i;

	for (i = 0; i < NR_ROLES; i++) {
		const struct theme_style *st = &th->role[i];
		int bold = 0, ignored = 0;
		int fg = reduce(t, st->fg, 1, &bold);
		int bg = reduce(t, st->bg, 0, &ignored);

		if (fg == bg && fg >= 0 && st->fg != st->bg)
			fg = legible_fg(bg), bold = 0;
		t->look[i].pair = role_pair(made, &nr, fg, bg);
		t->look[i].attr = curses_attr(st->attr) | (bold ? A_BOLD : 0);
	}
}

/* no colours: roles that told themselves apart by colour alone take the
 * mono theme's attributes */
static void set_mono_looks(struct term *t, const struct theme *th)
{
	struct theme mono;
	char err[256];
	int i, have_mono;

	theme_builtin(&mono);
	have_mono = !theme_load(&mono, "mono", err, sizeof(err));
	for (i = 0; i < NR_ROLES; i++) {
		const struct theme_style *st = &th->role[i];
		int coloured = st->fg != COLOR_DEFAULT || st->bg != COLOR_DEFAULT;

		t->look[i].pair = 0;
		t->look[i].attr = curses_attr(coloured && have_mono ?
					      mono.role[i].attr : st->attr);
	}
}

void term_set_theme(struct term *t, const struct theme *th)
{
	if (t->colors)
		set_colour_looks(t, th);
	else
		set_mono_looks(t, th);
	t->full = 1;
}

/* ---- drawing ------------------------------------------------------------------ */

/* outside UTF-8: the terminal's line-drawing set, or an ASCII stand-in */
static chtype line_char(uint32_t ch)
{
	switch (ch) {
	case 0x2500: case 0x2501: return ACS_HLINE;
	case 0x2502: case 0x2503: return ACS_VLINE;
	case 0x250c: case 0x250f: return ACS_ULCORNER;
	case 0x2510: case 0x2513: return ACS_URCORNER;
	case 0x2514: case 0x2517: return ACS_LLCORNER;
	case 0x2518: case 0x251b: return ACS_LRCORNER;
	case 0x251c: return ACS_LTEE;
	case 0x2524: return ACS_RTEE;
	case 0x252c: return ACS_TTEE;
	case 0x2534: return ACS_BTEE;
	case 0x253c: return ACS_PLUS;
	case 0x2588: return ACS_BLOCK;
	case 0x2591: case 0x2592: case 0x2593: return ACS_CKBOARD;
	default: return '#';
	}
}

static void draw_cell(struct term *t, int x, int y, const struct cell *c)
{
	int role = c->role < NR_ROLES ? c->role : ROLE_DEFAULT;
	attr_t attr = t->look[role].attr;
	short pair = t->look[role].pair;

	if (c->attr & CELL_BOLD)
		attr |= A_BOLD;
	if (c->attr & CELL_REVERSE)
		attr ^= A_REVERSE;
	if (c->attr & CELL_UNDERLINE)
		attr |= A_UNDERLINE;
	if (!t->utf8 && c->ch >= 0x2500 && c->ch <= 0x259f) {
		mvaddch(y, x, line_char(c->ch) | attr | COLOR_PAIR(pair));
	} else {
		wchar_t wch[2] = { (wchar_t)c->ch, L'\0' };
		cchar_t cc;

		setcchar(&cc, wch, attr, pair, NULL);
		mvadd_wch(y, x, &cc); /* ERR at the bottom-right corner is harmless */
	}
}

static int same_cell(const struct cell *a, const struct cell *b)
{
	return a->ch == b->ch && a->role == b->role && a->attr == b->attr;
}

/* a new canvas size: forget what was shown */
static int fit_shown(struct term *t, const struct canvas *cv)
{
	struct cell *shown;

	if (t->shown && t->sw == cv->w && t->sh == cv->h)
		return 0;
	shown = calloc((size_t)(cv->w ? cv->w : 1) * (size_t)(cv->h ? cv->h : 1),
		       sizeof(*shown));
	free(t->shown);
	t->shown = NULL;
	t->sw = t->sh = 0;
	if (!shown)
		return -1;
	t->shown = shown;
	t->sw = cv->w;
	t->sh = cv->h;
	t->full = 1;
	return 0;
}

static void place_cursor(struct term *t, const struct canvas *cv)
{
	int visible = cv->cur_x >= 0 && cv->cur_y >= 0 && cv->cur_x < cv->w &&
		      cv->cur_y < cv->h;

	if (visible != t->cursor) {
		curs_set(visible);
		t->cursor = visible;
	}
	if (visible)
		move(cv->cur_y, cv->cur_x);
	leaveok(stdscr, !visible);
}

void term_flush(struct term *t, const struct canvas *cv)
{
	int x, y, full;

	if (!t->open || !cv->cells)
		return;
	/* without memory for the copy, everything is drawn every time */
	fit_shown(t, cv);
	full = t->full || !t->shown;
	if (t->full)
		clearok(curscr, TRUE);
	for (y = 0; y < cv->h; y++) {
		for (x = 0; x < cv->w; x++) {
			const struct cell *c = canvas_at(cv, x, y);
			struct cell *old = t->shown ? &t->shown[y * cv->w + x] : NULL;

			if (!full && same_cell(c, old))
				continue;
			if (old)
				*old = *c;
			if (c->ch) /* a wide character's right half comes with it */
				draw_cell(t, x, y, c);
		}
	}
	t->full = !t->shown;
	place_cursor(t, cv);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys --------------------------------------------------------------------- */

static int function_key(wint_t k)
{
	static const struct {
		int curses, key;
	} map[] = {
		{ KEY_UP, TK_UP }, { KEY_DOWN, TK_DOWN },
		{ KEY_LEFT, TK_LEFT }, { KEY_RIGHT, TK_RIGHT },
		{ KEY_PPAGE, TK_PGUP }, { KEY_NPAGE, TK_PGDN },
		{ KEY_HOME, TK_HOME }, { KEY_END, TK_END },
		{ KEY_A1, TK_HOME }, { KEY_C1, TK_END }, /* keypad */
		{ KEY_A3, TK_PGUP }, { KEY_C3, TK_PGDN },
		{ KEY_BTAB, TK_BTAB }, { KEY_BACKSPACE, TK_BACKSPACE },
		{ KEY_DC, TK_DELETE }, { KEY_IC, TK_INSERT },
		{ KEY_ENTER, TK_ENTER }, { KEY_RESIZE, TK_RESIZE },
#ifdef KEY_MOUSE
		{ KEY_MOUSE, TK_MOUSE },
#endif
#ifdef KEY_SF11
		{ KEY_SF11, TK_SF11 },
#endif
		/* xterm's terminfo calls shift-F1..F12 F13..F24 */
		{ KEY_F(23), TK_SF11 },
	};
	size_t i;

	if (k >= KEY_F(1) && k <= KEY_F(12))
		return TK_F1 + (int)(k - KEY_F(1));
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if ((wint_t)map[i].curses == k)
			return map[i].key;
	return TK_NONE;
}

static int char_key(wint_t c)
{
	switch (c) {
	case '\r': case '\n': return TK_ENTER;
	case '\t': return TK_TAB;
	case 8: case 127: return TK_BACKSPACE;
	default: return (int)c;
	}
}

int term_getkey(struct term *t, int timeout_ms)
{
	wint_t c;
	int r;

	if (!t->open)
		return TK_NONE;
	wtimeout(stdscr, timeout_ms < 0 ? -1 : timeout_ms);
	r = wget_wch(stdscr, &c);
	if (r == ERR) /* timeout, or a signal (the main loop checks its flag) */
		return TK_NONE;
	if (r == KEY_CODE_YES) {
		int key = function_key(c);

		if (key == TK_RESIZE)
			t->full = 1;
		return key;
	}
	return char_key(c);
}
