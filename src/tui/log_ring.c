/*
 * log_ring.c - the screen's log: a ring of the last TUI_LOG_MAX lines (command
 * lines, their output and errors, tracepoint and printk lines, narration).
 * Text arrives in chunks that may hold several lines; each line is copied
 * on its own, so panels read whole lines by index.  seq counts every line
 * ever added, which is how a panel notices new ones without a callback.
 *
 * A command's output reaches the log as LOG_OUTPUT even when it is a trace
 * line (`trace on` prints through the command's output), so lines that
 * start like a tracepoint ("mm_page_alloc: ...") or a stage point
 * ("stage: -> ...") are filed as LOG_TRACE with their event here, in one
 * place, for the log panel's filters.
 */
#include <stdlib.h>
#include <string.h>

#include "panel.h"

const struct log_line *tui_log_get(const struct tui_log *l, unsigned long i)
{
	if (!l->lines || i >= l->n)
		return NULL;
	return &l->lines[(l->first + i) % TUI_LOG_MAX];
}

void tui_log_free(struct tui_log *l)
{
	if (l->lines)
		for (unsigned long i = 0; i < l->n; i++)
			free(l->lines[(l->first + i) % TUI_LOG_MAX].text);
	free(l->lines);
	l->lines = NULL;
	l->first = l->n = 0;
}

/* "stage: -> f()", "stage:   <- f()", "stage: .. f()": which stage event */
static int stage_event_of(const char *s, size_t len)
{
	size_t i = 6;

	if (len < 9 || strncmp(s, "stage: ", 7))
		return -1;
	while (i < len && s[i] == ' ')
		i++;
	if (i + 2 > len)
		return -1;
	if (!strncmp(s + i, "->", 2))
		return MM_EV_STAGE_ENTER;
	if (!strncmp(s + i, "<-", 2))
		return MM_EV_STAGE_EXIT;
	if (!strncmp(s + i, "..", 2))
		return MM_EV_STAGE_NOTE;
	return -1;
}

/* the tracepoint a line of trace text starts with ("NAME: "), or -1 */
static int trace_event_of(const char *s, size_t len)
{
	for (int t = 0; t < MM_EV_NR_TRACEPOINTS; t++) {
		const char *name = mm_event_names[t];
		size_t n = name ? strlen(name) : 0;

		if (n && len > n + 1 && !strncmp(s, name, n) && s[n] == ':' &&
		    s[n + 1] == ' ')
			return t;
	}
	return stage_event_of(s, len);
}

/* the slot for one more line, dropping the oldest when the ring is full */
static struct log_line *log_slot(struct tui_log *l)
{
	struct log_line *ll;

	if (!l->lines) {
		l->lines = calloc(TUI_LOG_MAX, sizeof(*l->lines));
		if (!l->lines)
			return NULL;
		l->first = l->n = 0;
	}
	if (l->n == TUI_LOG_MAX) {
		free(l->lines[l->first].text);
		l->lines[l->first].text = NULL;
		l->first = (l->first + 1) % TUI_LOG_MAX;
		l->n--;
	}
	ll = &l->lines[(l->first + l->n) % TUI_LOG_MAX];
	ll->text = NULL;
	return ll;
}

static void log_push(struct tui_log *l, enum log_kind kind, int event,
		     const char *s, size_t len)
{
	struct log_line *ll;
	char *text;

	if (len && s[len - 1] == '\r')
		len--;
	if (kind == LOG_OUTPUT || (kind == LOG_TRACE && event < 0)) {
		int t = trace_event_of(s, len);

		if (t >= 0) {
			kind = LOG_TRACE;
			event = t;
		}
	}
	text = malloc(len + 1);
	if (!text)
		return;
	memcpy(text, s, len);
	text[len] = '\0';
	ll = log_slot(l);
	if (!ll) {
		free(text);
		return;
	}
	ll->kind = kind;
	ll->event = kind == LOG_TRACE ? event : -1;
	ll->text = text;
	l->n++;
	l->seq++;
}

/* one log line per '\n'-separated piece; a final newline ends the last
 * line rather than starting an empty one */
void tui_log_add(struct tui_view *v, enum log_kind kind, int event,
		 const char *text)
{
	const char *s = text ? text : "", *nl;

	do {
		nl = strchr(s, '\n');
		log_push(&v->log, kind, event, s, nl ? (size_t)(nl - s) : strlen(s));
		s = nl ? nl + 1 : s + strlen(s);
	} while (*s);
}
