/*
 * canvas.c - the cell grid panels draw into.
 *
 * A cell is one column of the screen.  A wide character (wcwidth 2, e.g.
 * CJK) occupies two cells: the left one holds the code point, the right one
 * holds 0 ("continuation").  Every write keeps that pairing intact: writing
 * over either half of a wide character turns the other half into a space,
 * so the grid never holds an orphaned half that the terminal would draw as
 * garbage.
 *
 * Text arrives as UTF-8.  Malformed bytes, control characters and
 * characters the locale cannot measure (wcwidth -1) become '?', each one
 * column wide, so what a panel prints always takes the width utf8_width()
 * predicted.  Combining characters (width 0) are dropped: a cell holds one
 * code point.  setlocale() is the program's job; the grid itself is
 * locale-free apart from wcwidth.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth, also when built without pkg-config's flags */
#endif
#include "canvas.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* the frame's line-drawing characters (term.c maps them to ACS when the
 * terminal is not UTF-8) */
#define BOX_H 0x2500  /* ─ */
#define BOX_V 0x2502  /* │ */
#define BOX_TL 0x250c /* ┌ */
#define BOX_TR 0x2510 /* ┐ */
#define BOX_BL 0x2514 /* └ */
#define BOX_BR 0x2518 /* ┘ */

static int is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

/* box drawing and block elements: always one column, kept even when the
 * locale cannot show them, because term.c draws them with the terminal's
 * line-drawing set (or ASCII) outside UTF-8 */
static int is_line_char(uint32_t cp)
{
	return cp >= 0x2500 && cp <= 0x259f;
}

/* columns cp takes on screen: 0 (combining, dropped), 1 or 2; a code point
 * that cannot be shown (control, unknown to the locale) counts as the one
 * column its '?' replacement takes */
static int cp_width(uint32_t cp)
{
	int w;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	if (is_control(cp) || is_line_char(cp))
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

/* what a code point is stored as: itself, or '?' if it cannot be shown */
static uint32_t cp_shown(uint32_t cp)
{
	if ((cp >= 0x20 && cp < 0x7f) || is_line_char(cp))
		return cp;
	if (is_control(cp) || wcwidth((wchar_t)cp) < 0)
		return '?';
	return cp;
}

/*
 * Decode one UTF-8 sequence at s.  Stores the code point (or '?' for a
 * malformed sequence: stray continuation byte, truncated sequence,
 * overlong form, surrogate, beyond U+10FFFF) and returns the bytes used,
 * at least 1 so a caller always makes progress.
 */
static int utf8_decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t c = s[0], min;
	int n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = '?';
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = '?';
			return i; /* resynchronise on the byte that broke it */
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = '?';
	*cp = c;
	return n;
}

/* the UTF-8 bytes of cp into out[4]; returns how many */
static int utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static struct cell *cell_at(struct canvas *cv, int x, int y)
{
	return &cv->cells[(size_t)y * (size_t)cv->w + (size_t)x];
}

const struct cell *canvas_at(const struct canvas *cv, int x, int y)
{
	if (!cv->cells || x < 0 || y < 0 || x >= cv->w || y >= cv->h)
		return NULL;
	return &cv->cells[(size_t)y * (size_t)cv->w + (size_t)x];
}

/* cell (x, y) is about to be overwritten: if it is half of a wide
 * character, blank the other half so no orphan remains */
static void unsplit(struct canvas *cv, int x, int y)
{
	struct cell *c = cell_at(cv, x, y);

	if (c->ch == 0 && x > 0)
		cell_at(cv, x - 1, y)->ch = ' ';
	c->ch = ' ';
	if (x + 1 < cv->w && cell_at(cv, x + 1, y)->ch == 0)
		cell_at(cv, x + 1, y)->ch = ' ';
}

/* store a character already known to be showable, of width 1 or 2, whose
 * cells all lie on the canvas */
static void store(struct canvas *cv, int x, int y, uint32_t ch, int width,
		  int role, unsigned int attr)
{
	struct cell *c;

	unsplit(cv, x, y);
	if (width == 2)
		unsplit(cv, x + 1, y);
	c = cell_at(cv, x, y);
	c->ch = ch;
	c->role = (uint16_t)role;
	c->attr = (uint16_t)attr;
	if (width == 2) {
		c[1].ch = 0;
		c[1].role = (uint16_t)role;
		c[1].attr = (uint16_t)attr;
	}
}

static void blank_all(struct canvas *cv, int role)
{
	size_t i, n = (size_t)cv->w * (size_t)cv->h;

	for (i = 0; i < n; i++) {
		cv->cells[i].ch = ' ';
		cv->cells[i].role = (uint16_t)role;
		cv->cells[i].attr = 0;
	}
}

int canvas_init(struct canvas *cv, int w, int h)
{
	memset(cv, 0, sizeof(*cv));
	cv->cur_x = cv->cur_y = -1;
	return canvas_resize(cv, w, h);
}

/* the content is not kept: the main loop redraws everything after a
 * resize, and a kept grid would only show stale panel geometry.  On
 * failure the old grid stays. */
int canvas_resize(struct canvas *cv, int w, int h)
{
	struct cell *cells;

	if (w < 0 || h < 0)
		return -1;
	cells = calloc((size_t)(w ? w : 1) * (size_t)(h ? h : 1), sizeof(*cells));
	if (!cells)
		return -1;
	free(cv->cells);
	cv->cells = cells;
	cv->w = w;
	cv->h = h;
	cv->cur_x = cv->cur_y = -1;
	blank_all(cv, ROLE_DEFAULT);
	return 0;
}

void canvas_free(struct canvas *cv)
{
	free(cv->cells);
	cv->cells = NULL;
	cv->w = cv->h = 0;
}

void canvas_clear(struct canvas *cv, int role)
{
	if (cv->cells)
		blank_all(cv, role);
}

/* r intersected with the canvas; 0 if nothing is left */
static int clip(const struct canvas *cv, struct rect *r)
{
	int x1 = r->x + r->w, y1 = r->y + r->h;

	if (r->x < 0)
		r->x = 0;
	if (r->y < 0)
		r->y = 0;
	if (x1 > cv->w)
		x1 = cv->w;
	if (y1 > cv->h)
		y1 = cv->h;
	r->w = x1 - r->x;
	r->h = y1 - r->y;
	return cv->cells && r->w > 0 && r->h > 0;
}

void canvas_fill(struct canvas *cv, struct rect r, uint32_t ch, int role)
{
	int x, y;

	if (!clip(cv, &r))
		return;
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			canvas_set(cv, x, y, ch, role, 0);
}

/*
 * A wide character needs both its cells on the canvas; one that would
 * hang over the right edge becomes a space so the column is not left
 * with stale content.
 */
void canvas_set(struct canvas *cv, int x, int y, uint32_t ch, int role,
		unsigned int attr)
{
	int width;

	if (!cv->cells || x < 0 || y < 0 || x >= cv->w || y >= cv->h)
		return;
	if (ch == 0 || ch > 0x10ffff)
		ch = '?';
	ch = cp_shown(ch);
	width = cp_width(ch);
	if (width == 0)
		ch = ' ', width = 1; /* a lone combining mark has no base */
	if (width == 2 && x + 1 >= cv->w)
		ch = ' ', width = 1;
	store(cv, x, y, ch, width, role, attr);
}

int canvas_put_attr(struct canvas *cv, int x, int y, int maxw, int role,
		    unsigned int attr, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	int limit, col = x;
	uint32_t cp;

	if (!cv->cells || !utf8 || y < 0 || y >= cv->h)
		return 0;
	/* the last column (exclusive) this text may reach */
	limit = maxw < 0 || x + maxw > cv->w ? cv->w : x + maxw;
	while (*s && col < limit) {
		int width;

		s += utf8_decode(s, &cp);
		width = cp_width(cp);
		if (width == 0)
			continue;
		if (col + width > limit)
			break;
		if (col >= 0)
			store(cv, col, y, cp_shown(cp), width, role, attr);
		else if (col + width > 0) /* right half of a wide char at 0 */
			store(cv, 0, y, ' ', 1, role, attr);
		col += width;
	}
	return col - x;
}

int canvas_put(struct canvas *cv, int x, int y, int maxw, int role,
	       const char *utf8)
{
	return canvas_put_attr(cv, x, y, maxw, role, 0, utf8);
}

int canvas_printf(struct canvas *cv, int x, int y, int maxw, int role,
		  const char *fmt, ...)
{
	char small[512], *buf = small;
	va_list ap;
	int n, ret;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	if ((size_t)n >= sizeof(small)) {
		buf = malloc((size_t)n + 1);
		if (!buf)
			return canvas_put(cv, x, y, maxw, role, small);
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	ret = canvas_put(cv, x, y, maxw, role, buf);
	if (buf != small)
		free(buf);
	return ret;
}

void canvas_recolor(struct canvas *cv, struct rect r, int role, unsigned int attr)
{
	int x, y;

	if (!clip(cv, &r))
		return;
	for (y = r.y; y < r.y + r.h; y++) {
		for (x = r.x; x < r.x + r.w; x++) {
			struct cell *c = cell_at(cv, x, y);

			c->role = (uint16_t)role;
			c->attr = (uint16_t)attr;
		}
	}
}

struct rect rect_inner(struct rect r)
{
	struct rect in = { r.x + 1, r.y + 1, r.w - 2, r.h - 2 };

	if (in.w < 0)
		in.w = 0;
	if (in.h < 0)
		in.h = 0;
	return in;
}

/* the title sits in the top edge as "┌─ title ─────┐" */
static void box_title(struct canvas *cv, struct rect r, const char *title,
		      int focused)
{
	int room = r.w - 6; /* two corners, a dash and a space on each side */
	int n;

	if (!title || !*title || room <= 0)
		return;
	canvas_set(cv, r.x + 2, r.y, ' ', ROLE_TITLE, 0);
	n = canvas_put_attr(cv, r.x + 3, r.y, room, ROLE_TITLE,
			    focused ? CELL_BOLD : 0, title);
	canvas_set(cv, r.x + 3 + n, r.y, ' ', ROLE_TITLE, 0);
}

void canvas_box(struct canvas *cv, struct rect r, const char *title, int focused)
{
	int role = focused ? ROLE_BORDER_FOCUS : ROLE_BORDER;
	int x1 = r.x + r.w - 1, y1 = r.y + r.h - 1, i;

	if (r.w < 2 || r.h < 2)
		return;
	for (i = r.x + 1; i < x1; i++) {
		canvas_set(cv, i, r.y, BOX_H, role, 0);
		canvas_set(cv, i, y1, BOX_H, role, 0);
	}
	for (i = r.y + 1; i < y1; i++) {
		canvas_set(cv, r.x, i, BOX_V, role, 0);
		canvas_set(cv, x1, i, BOX_V, role, 0);
	}
	canvas_set(cv, r.x, r.y, BOX_TL, role, 0);
	canvas_set(cv, x1, r.y, BOX_TR, role, 0);
	canvas_set(cv, r.x, y1, BOX_BL, role, 0);
	canvas_set(cv, x1, y1, BOX_BR, role, 0);
	box_title(cv, r, title, focused);
}

/* stores whole characters only, always NUL-terminates (len > 0), returns
 * the bytes stored */
size_t canvas_row_text(const struct canvas *cv, int y, char *buf, size_t len)
{
	size_t used = 0;
	int x;

	if (!len)
		return 0;
	buf[0] = '\0';
	if (!cv->cells || y < 0 || y >= cv->h)
		return 0;
	for (x = 0; x < cv->w; x++) {
		const struct cell *c = canvas_at(cv, x, y);
		char enc[4];
		int n;

		if (c->ch == 0)
			continue;
		n = utf8_encode(c->ch, enc);
		if (used + (size_t)n + 1 > len)
			break;
		memcpy(buf + used, enc, (size_t)n);
		used += (size_t)n;
	}
	buf[used] = '\0';
	return used;
}

int utf8_width_n(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int width = 0;
	uint32_t cp;

	while (p && p < end && *p) {
		p += utf8_decode(p, &cp);
		width += cp_width(cp);
	}
	return width;
}

int utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int width = 0;
	uint32_t cp;

	while (p && *p) {
		p += utf8_decode(p, &cp);
		width += cp_width(cp);
	}
	return width;
}

size_t utf8_put(uint32_t cp, char *out)
{
	return (size_t)utf8_encode(cp, out);
}
