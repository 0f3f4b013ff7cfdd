/*
 * textwrap.c - line breaking to a column width and virtual rows for the
 * panels that show running text (see textwrap.h).  Widths come from the
 * canvas' own rules (utf8_width), so what is measured here is what the
 * canvas will draw.
 */
#include <string.h>

#include "textwrap.h"

/* bytes in the UTF-8 sequence at p (a stray byte counts as one) */
static size_t cp_len(const char *p)
{
	unsigned char c = (unsigned char)p[0];
	size_t n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf8 ? 4 : 1;

	for (size_t i = 1; i < n; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			return i;
	return n;
}

/* columns of the one character at p */
static int cp_width(const char *p, size_t n)
{
	char one[8];

	memcpy(one, p, n);
	one[n] = '\0';
	return utf8_width(one);
}

size_t wrap_line(const char *s, int width, const char **next)
{
	const char *p = s, *brk = NULL;
	int w = 0;

	if (width < 1)
		width = 1;
	while (*p && *p != '\n') {
		size_t n = cp_len(p);
		int cw = cp_width(p, n);

		if (w + cw > width)
			break;
		if (*p == ' ')
			brk = p;
		w += cw;
		p += n;
	}
	if (!*p || *p == '\n') { /* the rest fits */
		*next = *p ? p + 1 : p;
		return (size_t)(p - s);
	}
	if (*p == ' ')
		brk = p;
	if (brk && brk > s) {
		p = brk;
		*next = brk;
		while (**next == ' ')
			(*next)++;
		return (size_t)(p - s);
	}
	if (p == s) /* one character wider than the line: it goes anyway */
		p += cp_len(p);
	*next = p;
	return (size_t)(p - s);
}

int vrows_wrapped(struct vrows *vr, int x, int cont_x, int role,
		  unsigned int attr, const char *text)
{
	const char *s = text ? text : "", *next;
	int rows = 0, col = x;

	do {
		int w = vr->r.w - col, y;
		size_t len = wrap_line(s, w, &next);
		char line[1024];

		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		y = vrows_next(vr);
		if (y >= 0 && w > 0)
			canvas_put_attr(vr->cv, vr->r.x + col, y, w, role, attr, line);
		rows++;
		s = next;
		col = cont_x;
	} while (*s && vr->r.w - cont_x > 0);
	return rows;
}

int scroll_to_show(int first, int want, int h, int n)
{
	if (want < first)
		first = want;
	if (h > 0 && want >= first + h)
		first = want - h + 1;
	if (first > n - h)
		first = n - h;
	return first < 0 ? 0 : first;
}
