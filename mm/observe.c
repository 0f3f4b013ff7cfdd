/*
 * observe.c - how the core announces what it does.  One observer receives
 * tracepoint events (the kernel's kmem tracepoints) and stage points (entry
 * and exit of each modelled kernel function, with a one-line reason).  The
 * mask says which it wants, so an unobserved machine pays one test of a
 * word per point and never formats a reason.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void mm_set_observer(struct mm_machine *m, mm_observer_fn fn, void *ctx,
		     unsigned int mask)
{
	m->observer = fn;
	m->observer_ctx = ctx;
	m->event_mask = fn ? mask : 0;
	mm_update_watch(m);
}

/* one word for the hot paths to test instead of three */
void mm_update_watch(struct mm_machine *m)
{
	m->watch = (m->event_mask & MM_EV_STAGES) || m->running || m->check_stages;
	if (m->check_stages && !m->check_dirty) {
		/* every block is new to the stage checker */
		size_t n = (m->max_pfn >> (MAX_ORDER - 1 + 3)) + 1;

		m->check_dirty = malloc(n);
		if (m->check_dirty)
			memset(m->check_dirty, 0xff, n);
	} else if (!m->check_stages && m->check_dirty) {
		free(m->check_dirty);
		m->check_dirty = NULL;
	}
}

void mm_emit(struct mm_machine *m, struct mm_event *ev)
{
	if (m->observer && (m->event_mask & MM_EV_BIT(ev->type)))
		m->observer(m, ev, m->observer_ctx);
}

void printk(struct mm_machine *m, const char *fmt, ...)
{
	char text[1024]; /* the kernel's LOG_LINE_MAX is 1024 - PREFIX_MAX */
	struct mm_event ev = { .type = MM_EV_PRINTK, .cpu = m->this_cpu, .text = text, .pfn = MM_NOPFN };
	va_list ap;

	if (!(m->event_mask & MM_EV_BIT(MM_EV_PRINTK)))
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	mm_emit(m, &ev);
}

static void stage(struct mm_machine *m, enum mm_event_type t, enum mm_func fn,
		  const char *fmt, va_list ap)
{
	char text[256];
	struct mm_event ev = { .type = t, .cpu = m->this_cpu, .func = fn,
			       .depth = m->stage_depth, .text = text };

	vsnprintf(text, sizeof(text), fmt, ap);
	mm_emit(m, &ev);
	if (unlikely(m->check_stages) && mm_check_stage(m)) {
		if (!m->nr_check_breaches++)
			snprintf(m->check_breach, sizeof(m->check_breach), "%s: %s", mm_func_names[fn], m->err);
		printk(m, "mmscope: invariant broken at %s: %s", mm_func_names[fn], m->err);
	}
	if (m->running)
		step_point(m, &ev);
}

void stage_enter(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stage(m, MM_EV_STAGE_ENTER, fn, fmt, ap);
	va_end(ap);
	m->stage_depth++;
}

void stage_exit(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
{
	va_list ap;

	if (m->stage_depth > 0)
		m->stage_depth--;
	va_start(ap, fmt);
	stage(m, MM_EV_STAGE_EXIT, fn, fmt, ap);
	va_end(ap);
}

/* a step inside the current function: depth unchanged */
void stage_note(struct mm_machine *m, enum mm_func fn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stage(m, MM_EV_STAGE_NOTE, fn, fmt, ap);
	va_end(ap);
}
