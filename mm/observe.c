/*
 * observe.c - how the core announces what it does.  One observer receives
 * tracepoint events (the kernel's kmem tracepoints) and stage points (entry
 * and exit of each modelled kernel function, with a one-line reason).  The
 * mask says which it wants, so an unobserved machine pays one test of a
 * word per point.  A watched stage point keeps its reason as values (the
 * call site's format and its typed arguments, struct mm_reason); nobody
 * formats it until someone prints it (mm_reason_format in trace.c).
 */
#include <stdarg.h>
#include <stdint.h>
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

void mm_set_check_stages(struct mm_machine *m, int on)
{
	m->check_stages = !!on;
	mm_update_watch(m);
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
 * Capture a reason: walk the format as printf would and note each
 * argument's type (the shape of the call site, kept per machine so a stage
 * point parses its format once), then take the arguments by those types
 * and copy the strings.  The conversions the model uses are d i u x X o c
 * s with the flags - + space # 0, a width and a precision written as
 * digits, and the length modifiers hh h l ll z.
 */
static void parse_shape(struct mm_reason_shape *sh, const char *fmt)
{
	const char *p = fmt;

	sh->fmt = fmt;
	sh->nargs = 0;
	for (; *p; p++) {
		int longs = 0, size = 0;
		unsigned char kind;

		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		for (;; p++) { /* flags, width, precision, length */
			if (*p == 'l')
				longs++;
			else if (*p == 'z')
				size = 1;
			else if (*p != 'h' && *p != '.' && *p != '-' && *p != '+' && *p != ' ' &&
				 *p != '#' && (*p < '0' || *p > '9'))
				break;
		}
		if (!*p)
			break;
		if (sh->nargs == MM_REASON_MAX_ARGS) {
			MM_BUG_ON(1); /* a reason with more arguments than a record holds */
			break;
		}
		if (*p == 's')
			kind = MM_ARG_STR;
		else if (size)
			kind = MM_ARG_SIZE;
		else if (*p == 'd' || *p == 'i' || *p == 'c')
			kind = longs >= 2 ? MM_ARG_LLONG : longs ? MM_ARG_LONG : MM_ARG_INT;
		else /* u x X o */
			kind = longs >= 2 ? MM_ARG_ULLONG : longs ? MM_ARG_ULONG : MM_ARG_UINT;
		sh->kind[sh->nargs++] = kind;
	}
}

static void take_args(struct mm_reason *r, const struct mm_reason_shape *sh, va_list ap)
{
	r->fmt = sh->fmt;
	r->nargs = sh->nargs;
	r->str_used = 0;
	for (int k = 0; k < sh->nargs; k++) {
		r->kind[k] = sh->kind[k];
		switch (sh->kind[k]) {
		case MM_ARG_STR: {
			const char *s = va_arg(ap, const char *);
			size_t room = MM_REASON_STR - r->str_used, n;

			if (!s)
				s = "(null)";
			if (room == 0) { /* full: the last string's NUL stands for this one */
				r->arg[k].str = MM_REASON_STR - 1;
				break;
			}
			n = strlen(s);
			if (n >= room)
				n = room - 1;
			memcpy(r->str + r->str_used, s, n);
			r->str[r->str_used + n] = '\0';
			r->arg[k].str = r->str_used;
			r->str_used = (unsigned char)(r->str_used + n + 1);
			break;
		}
		case MM_ARG_INT:
			r->arg[k].i = va_arg(ap, int);
			break;
		case MM_ARG_LONG:
			r->arg[k].i = va_arg(ap, long);
			break;
		case MM_ARG_LLONG:
			r->arg[k].i = va_arg(ap, long long);
			break;
		case MM_ARG_UINT:
			r->arg[k].u = va_arg(ap, unsigned int);
			break;
		case MM_ARG_ULONG:
			r->arg[k].u = va_arg(ap, unsigned long);
			break;
		case MM_ARG_ULLONG:
			r->arg[k].u = va_arg(ap, unsigned long long);
			break;
		default:
			r->arg[k].u = va_arg(ap, size_t);
			break;
		}
	}
}

void mm_reason_vcapture(struct mm_reason *r, const char *fmt, va_list ap)
{
	struct mm_reason_shape sh;

	parse_shape(&sh, fmt);
	take_args(r, &sh, ap);
}

void mm_reason_capture(struct mm_reason *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm_reason_vcapture(r, fmt, ap);
	va_end(ap);
}

static void stage_emit(struct mm_machine *m, enum mm_event_type t, enum mm_func fn,
		       const struct mm_reason *reason)
{
	struct mm_event ev = { .type = t, .cpu = m->this_cpu, .func = fn,
			       .depth = m->stage_depth, .reason = reason };

	mm_emit(m, &ev);
	if (unlikely(m->check_stages) && mm_check_stage(m)) {
		if (!m->nr_check_breaches++)
			snprintf(m->check_breach, sizeof(m->check_breach), "%s: %s", mm_func_names[fn], m->err);
		printk(m, "mmscope: invariant broken at %s: %s", mm_func_names[fn], m->err);
	}
	if (m->running)
		step_point(m, &ev);
}

static void stage(struct mm_machine *m, enum mm_event_type t, enum mm_func fn,
		  const char *fmt, va_list ap)
{
	struct mm_reason_shape *sh = &m->reason_shapes[((uintptr_t)fmt >> 3) % MM_REASON_SHAPES];
	struct mm_reason reason;

	if (sh->fmt != fmt)
		parse_shape(sh, fmt);
	take_args(&reason, sh, ap);
	stage_emit(m, t, fn, &reason);
}

/* a stage exit whose reason the caller captured already */
void stage_exit_reason(struct mm_machine *m, enum mm_func fn, const struct mm_reason *reason)
{
	if (m->stage_depth > 0)
		m->stage_depth--;
	stage_emit(m, MM_EV_STAGE_EXIT, fn, reason);
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
