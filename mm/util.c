/*
 * util.c - the growable text buffer the core writes its output into, and
 * the one-line error message every failing call leaves in m->err.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mm.h"

void mm_buf_init(struct mm_buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void mm_buf_free(struct mm_buf *b)
{
	free(b->s);
	mm_buf_init(b);
}

void mm_buf_reset(struct mm_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Grow to hold at least need more bytes plus the terminator. */
static int buf_reserve(struct mm_buf *b, size_t need)
{
	size_t cap;
	char *s;

	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

/* formatted straight into the room left; only text that does not fit
 * is formatted a second time, after the buffer grew */
void mm_buf_vprintf(struct mm_buf *b, const char *fmt, va_list ap)
{
	size_t room = b->cap - b->len;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(room ? b->s + b->len : NULL, room, fmt, aq);
	va_end(aq);
	if (n >= 0 && (size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	if (room)
		b->s[b->len] = '\0'; /* what did not fit is not there */
	if (n < 0 || buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void mm_buf_puts(struct mm_buf *b, const char *s)
{
	size_t n = strlen(s);

	if (buf_reserve(b, n))
		return;
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void mm_buf_printf(struct mm_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

int mm_error(struct mm_machine *m, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->err, sizeof(m->err), fmt, ap);
	va_end(ap);
	return code;
}
