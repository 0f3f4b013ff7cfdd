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

/*
 * Capture a reason: walk the format as printf would, take each argument
 * by its conversion's type, copy the strings.  The conversions the model
 * uses are d i u x X o c s with the flags - + space # 0, a width and a
 * precision written as digits, and the length modifiers hh h l ll z.
 */
void mm_reason_vcapture(struct mm_reason *r, const char *fmt, va_list ap)
{
	const char *p = fmt;

	r->fmt = fmt;
	r->nargs = 0;
	r->str_used = 0;
	while ((p = strchr(p, '%')) != NULL) {
		int longs = 0, size = 0;
		unsigned char k;

		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		p += strspn(p, "-+ #0123456789.");
		for (;; p++) {
			if (*p == 'l')
				longs++;
			else if (*p == 'z')
				size = 1;
			else if (*p != 'h')
				break;
		}
		if (r->nargs == MM_REASON_MAX_ARGS) {
			MM_BUG_ON(1); /* a reason with more arguments than a record holds */
			break;
		}
		k = r->nargs++;
		switch (*p) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			size_t room = MM_REASON_STR - r->str_used, n;

			if (!s)
				s = "(null)";
			n = strlen(s);
			if (room == 0) { /* full: the last string's NUL stands for this one */
				r->arg[k].str = MM_REASON_STR - 1;
			} else {
				if (n >= room)
					n = room - 1;
				memcpy(r->str + r->str_used, s, n);
				r->str[r->str_used + n] = '\0';
				r->arg[k].str = r->str_used;
				r->str_used = (unsigned char)(r->str_used + n + 1);
			}
			r->kind[k] = MM_ARG_STR;
			break;
		}
		case 'd':
		case 'i':
		case 'c':
			if (size) {
				r->kind[k] = MM_ARG_SIZE; /* %zd: the model has none */
				r->arg[k].u = va_arg(ap, size_t);
			} else if (longs >= 2) {
				r->kind[k] = MM_ARG_LLONG;
				r->arg[k].i = va_arg(ap, long long);
			} else if (longs) {
				r->kind[k] = MM_ARG_LONG;
				r->arg[k].i = va_arg(ap, long);
			} else {
				r->kind[k] = MM_ARG_INT;
				r->arg[k].i = va_arg(ap, int);
			}
			break;
		default: /* u x X o */
			if (size) {
				r->kind[k] = MM_ARG_SIZE;
				r->arg[k].u = va_arg(ap, size_t);
			} else if (longs >= 2) {
				r->kind[k] = MM_ARG_ULLONG;
				r->arg[k].u = va_arg(ap, unsigned long long);
			} else if (longs) {
				r->kind[k] = MM_ARG_ULONG;
				r->arg[k].u = va_arg(ap, unsigned long);
			} else {
				r->kind[k] = MM_ARG_UINT;
				r->arg[k].u = va_arg(ap, unsigned int);
			}
			break;
		}
		if (*p)
			p++;
	}
}

void mm_reason_capture(struct mm_reason *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm_reason_vcapture(r, fmt, ap);
	va_end(ap);
}

static void stage(struct mm_machine *m, enum mm_event_type t, enum mm_func fn,
		  const char *fmt, va_list ap)
{
	struct mm_reason reason;
	struct mm_event ev = { .type = t, .cpu = m->this_cpu, .func = fn,
			       .depth = m->stage_depth, .reason = &reason };

	mm_reason_vcapture(&reason, fmt, ap);
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
