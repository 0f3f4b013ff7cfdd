/*
 * log_ring.c - the screen's log: a ring of the last TUI_LOG_MAX lines (command
 * lines, their output and errors, tracepoint and printk lines, narration).
 * Text arrives in chunks that may hold several lines; each line is copied
 * on its own, so panels read whole lines by index.  seq counts every line
 * ever added, which is how a panel notices new ones without a callback.
 *
 * Every line comes with its kind: the command layer hands tracepoint,
 * stage and printk lines over with their event (tui_cmd.c's sink_event),
 * so nothing here reads the text to tell what a line is.
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
