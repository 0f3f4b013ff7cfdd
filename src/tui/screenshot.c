/*
 * screenshot.c - the canvas as text or as an SVG picture.
 *
 * The text form is what the screen tests and the README compare: each row
 * as UTF-8 with its trailing blanks removed.
 *
 * The SVG draws a cell grid CELL_W x CELL_H pixels a cell: one rect for
 * the page in the theme's background colour, one rect per run of cells
 * sharing a background that differs from the page, and one text element
 * per run of cells sharing a text style, with an x position for every
 * character so the columns line up whatever monospace font the viewer
 * picks.  Colours come from theme_rgb (the xterm palette); "default"
 * means the page's own foreground or background.
 */
#include "screenshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd/file.h"

#define CELL_W 9
#define CELL_H 18
#define FONT_PX 15
#define BASELINE 14 /* from the top of a cell */

/* ---- text ------------------------------------------------------------------ */

int screenshot_txt(const struct canvas *cv, FILE *f)
{
	size_t len = (size_t)cv->w * 4 + 1, n;
	char *buf = malloc(len);
	int y;

	if (!buf)
		return -1;
	for (y = 0; y < cv->h; y++) {
		n = canvas_row_text(cv, y, buf, len);
		while (n > 0 && buf[n - 1] == ' ')
			n--;
		buf[n] = '\n';
		fwrite(buf, 1, n + 1, f);
	}
	free(buf);
	return ferror(f) ? -1 : 0;
}

/* ---- svg ------------------------------------------------------------------- */

/* how a cell looks once theme and cell attributes are combined */
struct look {
	uint32_t fg, bg;
	unsigned int bold : 1, underline : 1, dim : 1;
};

struct page {
	uint32_t fg, bg;
};

static struct page page_colours(const struct theme *th)
{
	const struct theme_style *d = &th->role[ROLE_DEFAULT];
	struct page p;

	p.fg = d->fg >= 0 ? theme_rgb(d->fg) : th->dark ? 0xe5e5e5 : 0x000000;
	p.bg = d->bg >= 0 ? theme_rgb(d->bg) : th->dark ? 0x000000 : 0xffffff;
	return p;
}

static struct look cell_look(const struct cell *c, const struct theme *th,
			     struct page page)
{
	int role = c->role < NR_ROLES ? c->role : ROLE_DEFAULT;
	const struct theme_style *st = &th->role[role];
	unsigned int attr = st->attr;
	struct look l;

	if (c->attr & CELL_BOLD)
		attr |= THEME_BOLD;
	if (c->attr & CELL_REVERSE)
		attr ^= THEME_REVERSE; /* reverse on reverse reads as plain */
	if (c->attr & CELL_UNDERLINE)
		attr |= THEME_UNDERLINE;
	l.fg = st->fg >= 0 ? theme_rgb(st->fg) : page.fg;
	l.bg = st->bg >= 0 ? theme_rgb(st->bg) : page.bg;
	if (attr & THEME_REVERSE) {
		uint32_t t = l.fg;

		l.fg = l.bg;
		l.bg = t;
	}
	l.bold = !!(attr & THEME_BOLD);
	l.underline = !!(attr & THEME_UNDERLINE);
	l.dim = !!(attr & THEME_DIM);
	return l;
}

static int same_text_style(struct look a, struct look b)
{
	return a.fg == b.fg && a.bold == b.bold && a.underline == b.underline &&
	       a.dim == b.dim;
}

static void xml_char(FILE *f, uint32_t ch)
{
	char enc[4];

	switch (ch) {
	case '&': fputs("&amp;", f); return;
	case '<': fputs("&lt;", f); return;
	case '>': fputs("&gt;", f); return;
	default: fwrite(enc, 1, utf8_put(ch, enc), f);
	}
}

static void svg_backgrounds(const struct canvas *cv, const struct theme *th,
			    struct page page, int y, FILE *f)
{
	int x = 0, start;

	while (x < cv->w) {
		uint32_t bg = cell_look(canvas_at(cv, x, y), th, page).bg;

		start = x;
		while (x < cv->w && cell_look(canvas_at(cv, x, y), th, page).bg == bg)
			x++;
		if (bg != page.bg)
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				"fill=\"#%06x\"/>\n", start * CELL_W, y * CELL_H,
				(x - start) * CELL_W, CELL_H, (unsigned int)bg);
	}
}

/* cells [x0, x1) of row y as one text element; blanks at the end are
 * dropped unless underlined (the line under them shows) */
static void svg_text_run(const struct canvas *cv, int y, int x0, int x1,
			 struct look l, FILE *f)
{
	int x;

	if (!l.underline)
		while (x1 > x0 && canvas_at(cv, x1 - 1, y)->ch == ' ')
			x1--;
	while (x0 < x1 && canvas_at(cv, x0, y)->ch == ' ' && !l.underline)
		x0++;
	if (x0 >= x1)
		return;
	fprintf(f, "<text y=\"%d\" fill=\"#%06x\"%s%s%s x=\"", y * CELL_H + BASELINE,
		(unsigned int)l.fg, l.bold ? " font-weight=\"bold\"" : "",
		l.underline ? " text-decoration=\"underline\"" : "",
		l.dim ? " opacity=\"0.6\"" : "");
	for (x = x0; x < x1; x++)
		if (canvas_at(cv, x, y)->ch)
			fprintf(f, x == x0 ? "%d" : " %d", x * CELL_W);
	fputs("\">", f);
	for (x = x0; x < x1; x++)
		if (canvas_at(cv, x, y)->ch)
			xml_char(f, canvas_at(cv, x, y)->ch);
	fputs("</text>\n", f);
}

static void svg_texts(const struct canvas *cv, const struct theme *th,
		      struct page page, int y, FILE *f)
{
	int x = 0, start;

	while (x < cv->w) {
		struct look l = cell_look(canvas_at(cv, x, y), th, page);

		start = x++;
		/* a wide character's right half belongs to its left half's run */
		while (x < cv->w && (canvas_at(cv, x, y)->ch == 0 ||
				     same_text_style(cell_look(canvas_at(cv, x, y), th, page), l)))
			x++;
		svg_text_run(cv, y, start, x, l, f);
	}
}

int screenshot_svg(const struct canvas *cv, const struct theme *th, FILE *f)
{
	struct page page = page_colours(th);
	int w = cv->w * CELL_W, h = cv->h * CELL_H, y;

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\">\n", w, h, w, h);
	fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"#%06x\"/>\n",
		(unsigned int)page.bg);
	for (y = 0; y < cv->h; y++)
		svg_backgrounds(cv, th, page, y, f);
	fprintf(f, "<g font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" "
		"font-size=\"%dpx\" xml:space=\"preserve\">\n", FONT_PX);
	for (y = 0; y < cv->h; y++)
		svg_texts(cv, th, page, y, f);
	fputs("</g>\n</svg>\n", f);
	return ferror(f) ? -1 : 0;
}

/* ---- the file ---------------------------------------------------------------- */

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);

	return n > e && !strcasecmp(path + n - e, ext);
}

static int error(char *err, size_t errlen, const char *path, const char *what)
{
	snprintf(err, errlen, "screenshot: %s: %s", path, what);
	return -1;
}

struct shot {
	const struct canvas *cv;
	const struct theme *th;
	int svg;
};

static int fill_shot(FILE *f, void *arg)
{
	const struct shot *s = arg;

	return s->svg ? screenshot_svg(s->cv, s->th, f) : screenshot_txt(s->cv, f);
}

int screenshot_write(const struct canvas *cv, const struct theme *th,
		     const char *path, char *err, size_t errlen)
{
	struct shot s = { cv, th, has_ext(path, ".svg") };
	char why[256];

	if (!s.svg && !has_ext(path, ".txt"))
		return error(err, errlen, path, "use .txt or .svg");
	if (cmd_write_file(path, 0644, fill_shot, &s, why, sizeof(why)) < 0)
		return error(err, errlen, path, why);
	return 0;
}
