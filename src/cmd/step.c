/*
 * step.c - step mode: allocations that stop at stage points like a
 * program under a debugger.
 *
 *   alloc_pages --step GFP ORDER   start, stopped at the first stage
 *   step | next | finish | continue    move the current cpu's request on
 *   break FUNC [if order>=N], delete N, bt, info stages
 *
 * A request runs on the cpu it was started on; `cpu N` picks whose request
 * step and friends move.  While any request is unfinished, allocations
 * and frees run as requests too, so that they can wait for a zone lock a
 * stopped request holds.  A stepping request prints its stage trail.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"


int cmd_opt_step(int *argc, char **argv)
{
	for (int i = 1; i < *argc; i++)
		if (!strcmp(argv[i], "--step")) {
			memmove(argv + i, argv + i + 1, (size_t)(*argc - i) * sizeof(*argv));
			(*argc)--;
			return 1;
		}
	return 0;
}

/* run allocations as requests: something is stopped, or a breakpoint may fire */
int cmd_requests_pending(struct cmd_ctx *c)
{
	const struct mm_breakpoint *bp;

	if (mm_break_list(c->m, &bp) > 0)
		return 1;
	return mm_view_nr_requests(c->m) > 0; /* a request on any of its cpus */
}

static int any_stepping(struct cmd_ctx *c)
{
	struct mm_request_status_view st;
	int nr_cpus = mm_view_nr_cpus(c->m);

	for (int cpu = 0; cpu < nr_cpus; cpu++) {
		struct mm_request *r = mm_request_of(c->m, cpu);

		if (!r)
			continue;
		mm_view_request_status(c->m, r, &st);
		if (st.stepping)
			return 1;
	}
	return 0;
}

/* stage events reach the observer while a stepping request exists */
void cmd_step_observe(struct cmd_ctx *c)
{
	c->step_trail = any_stepping(c);
	cmd_trace_install(c);
}

static const char *kind_name(enum mm_req_kind kind)
{
	return mm_req_kind_names[kind];
}

static const char *zone_name(const struct mm_machine *m, int idx)
{
	const char *name = mm_view_zone_name(m, idx);

	return name ? name : "?";
}

/* what a finished request produced, or why it failed */
static void result_text(struct cmd_ctx *c, const struct mm_request *r, char *buf, size_t len)
{
	struct mm_request_status_view st;

	mm_view_request_status(c->m, r, &st);
	if (st.rc && st.kind == REQ_ALLOC_PAGES && st.rc == MM_ENOMEM)
		snprintf(buf, len, "page allocation failure: order:%d, mode:0x%x: %s", st.order, st.gfp,
			 st.res->why);
	else if (st.rc)
		snprintf(buf, len, "%s", st.err);
	else if (st.kind == REQ_ALLOC_PAGES)
		snprintf(buf, len, "pfn 0x%lx order %d zone %s migratetype %s", st.result, st.order,
			 zone_name(c->m, st.res->zone_idx), migratetype_names[st.res->migratetype]);
	else if (st.kind == REQ_FREE_PAGES)
		snprintf(buf, len, "freed pfn 0x%lx", st.pfn);
	else
		snprintf(buf, len, "0x%lx", st.result);
}

static void outcome_of(struct cmd_ctx *c, const struct mm_request *r, struct cmd_outcome *o)
{
	struct mm_request_status_view st;

	mm_view_request_status(c->m, r, &st);
	memset(o, 0, sizeof(*o));
	o->status = st.rc ? CMD_REQ_FAILED : CMD_REQ_DONE;
	o->kind = st.kind;
	o->cpu = st.cpu;
	o->rc = st.rc;
	o->result = st.result;
	o->res = *st.res;
	if (st.rc)
		result_text(c, r, o->text, sizeof(o->text));
}

/* a finished request leaves: the front end hears of it (c->req_done), then it is freed */
static void collect(struct cmd_ctx *c, struct mm_request *r)
{
	struct cmd_outcome o;

	if (c->req_done) {
		outcome_of(c, r, &o);
		c->req_done(c->req_done_ud, &o);
	}
	mm_request_free(c->m, r);
}

/* "cpu0: kmalloc finished: 0x...", and the request leaves */
static void report_finished(struct cmd_ctx *c, struct mm_request *r)
{
	struct mm_request_status_view st;
	char text[400];

	mm_view_request_status(c->m, r, &st);
	result_text(c, r, text, sizeof(text));
	cmd_printf(c, "cpu%d: %s finished: %s\n", st.cpu, kind_name(st.kind), text);
	collect(c, r);
}

/* requests that finished in the background (a tick woke them, a lock freed) */
void cmd_report_done(struct cmd_ctx *c)
{
	struct mm_request *r;

	while ((r = mm_request_reap_done(c->m)))
		report_finished(c, r);
	if (c->step_trail && !any_stepping(c))
		cmd_step_observe(c);
}

/* where the unfinished request of a cpu stands */
static void say_where(struct cmd_ctx *c, int cpu)
{
	struct mm_request_view v;

	mm_view_request(c->m, cpu, &v);
	if (v.state == RQ_PAUSED && v.hit_breakpoint)
		cmd_printf(c, "cpu%d: breakpoint %d, %s\n", cpu, v.hit_breakpoint, v.where);
	else if (v.state == RQ_PAUSED)
		cmd_printf(c, "cpu%d: stopped at %s\n", cpu, v.where);
	else
		cmd_printf(c, "cpu%d: %s %s\n", cpu, mm_req_state_names[v.state], v.where);
}

static int cpu_of(struct cmd_ctx *c, const struct mm_request *r)
{
	struct mm_request_status_view st;

	mm_view_request_status(c->m, r, &st);
	return st.cpu;
}

/* a request that sleeps without stepping lets time pass until it is done */
#define AUTO_TICK_LIMIT (60 * HZ)

/* give a sleeping request that is not stepping time; 1 once it is done */
static int settle_wait(struct cmd_ctx *c, struct mm_request *r)
{
	struct mm_request_status_view st;
	unsigned long waited = 0;

	mm_view_request_status(c->m, r, &st);
	while (!st.stepping && st.state == RQ_SLEEPING && waited++ < AUTO_TICK_LIMIT) {
		mm_tick(c->m, 1);
		mm_view_request_status(c->m, r, &st);
		if (st.state == RQ_DONE && mm_view_request_state(c->m, st.cpu) < 0) {
			/* finished inside the tick: it is on the done queue, take it back */
			struct mm_request *d;

			while ((d = mm_request_reap_done(c->m)) && d != r)
				report_finished(c, d);
			break;
		}
	}
	return st.state == RQ_DONE;
}

/* report a request the caller holds: done -> result (and free), else where */
static int settle(struct cmd_ctx *c, struct mm_request *r)
{
	struct mm_request_status_view st;
	char text[400];

	if (!settle_wait(c, r)) {
		say_where(c, cpu_of(c, r));
		cmd_step_observe(c);
		return 0;
	}
	mm_view_request_status(c->m, r, &st);
	result_text(c, r, text, sizeof(text));
	if (st.rc) {
		collect(c, r);
		cmd_step_observe(c);
		return cmd_error(c, "%s", text);
	}
	cmd_printf(c, "%s\n", text);
	collect(c, r);
	cmd_step_observe(c);
	return 0;
}

int cmd_request(struct cmd_ctx *c, struct mm_request_spec *proto)
{
	struct mm_request *r;

	if (proto->stepping) {
		c->step_trail = 1;
		cmd_trace_install(c);
	}
	if (mm_request_start(c->m, proto, &r)) {
		cmd_step_observe(c);
		return cmd_error(c, "%s", mm_view_error(c->m));
	}
	return settle(c, r);
}

/* ---- requests for front ends (Lua) ---------------------------------------------------- */

/* what the commands do when nothing is stopped: call the core directly */
static void request_direct(struct cmd_ctx *c, const struct mm_request_spec *p, struct cmd_outcome *o)
{
	struct mm_machine *m = c->m;

	switch (p->kind) {
	case REQ_ALLOC_PAGES:
		o->rc = mm_alloc_pages(m, p->cpu, p->gfp, (unsigned int)p->order, p->owner, &o->res);
		o->result = o->res.pfn;
		if (o->rc == MM_ENOMEM)
			snprintf(o->text, sizeof(o->text), "page allocation failure: order:%d, mode:0x%x: %s",
				 p->order, p->gfp, o->res.why);
		break;
	case REQ_FREE_PAGES:
		o->rc = mm_free_pages(m, p->cpu, p->pfn, p->order);
		o->result = p->pfn;
		break;
	case REQ_KMEM_CACHE_ALLOC:
		o->rc = mm_kmem_cache_alloc(m, p->cpu, p->cache, p->gfp, &o->result);
		break;
	case REQ_KMALLOC:
		o->rc = mm_kmalloc(m, p->cpu, p->size, p->gfp, &o->result);
		break;
	}
	if (o->rc && !o->text[0])
		snprintf(o->text, sizeof(o->text), "%s", mm_view_error(m));
	o->status = o->rc ? CMD_REQ_FAILED : CMD_REQ_DONE;
}

int cmd_request_run(struct cmd_ctx *c, struct mm_request_spec *proto, struct cmd_outcome *o)
{
	struct mm_request *r;

	/* every field zero, the texts empty (not cleared to their ends) */
	memset(o, 0, offsetof(struct cmd_outcome, res));
	memset(&o->res, 0, offsetof(struct mm_alloc_result, why));
	o->res.why[0] = '\0';
	o->text[0] = '\0';
	o->kind = proto->kind;
	o->cpu = proto->cpu;
	if (!proto->stepping && !cmd_requests_pending(c)) {
		request_direct(c, proto, o);
		return o->status;
	}
	if (proto->stepping) {
		c->step_trail = 1;
		cmd_trace_install(c);
	}
	if (mm_request_start(c->m, proto, &r)) {
		cmd_step_observe(c);
		o->status = CMD_REQ_FAILED;
		o->rc = MM_EINVAL;
		snprintf(o->text, sizeof(o->text), "%s", mm_view_error(c->m));
		return o->status;
	}
	if (!settle_wait(c, r)) {
		say_where(c, cpu_of(c, r));
		cmd_step_observe(c);
		o->status = CMD_REQ_PENDING;
		return o->status;
	}
	outcome_of(c, r, o);
	mm_request_free(c->m, r);
	cmd_step_observe(c);
	return o->status;
}

/* ---- moving a stopped request on --------------------------------------------------- */

int cmd_resume(struct cmd_ctx *c, int cpu, enum mm_step_mode mode)
{
	struct mm_request *r = mm_request_of(c->m, cpu);

	if (!r)
		return cmd_error(c, "no request is stopped on cpu%d (start one with alloc_pages --step)", cpu);
	if (mm_request_resume(c->m, cpu, mode))
		return cmd_error(c, "%s", mm_view_error(c->m));
	return settle(c, r);
}

static int resume(struct cmd_ctx *c, int argc, enum mm_step_mode mode)
{
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	return cmd_resume(c, mm_view_cur_cpu(c->m), mode);
}

int cmd_step(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	return resume(c, argc, STEP_INTO);
}

int cmd_next(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	return resume(c, argc, STEP_OVER);
}

int cmd_finish(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	return resume(c, argc, STEP_OUT);
}

int cmd_continue(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	return resume(c, argc, STEP_CONTINUE);
}

/* break FUNC [if order>=N] */
int cmd_break(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long n = 0;
	int min_order = -1, id;

	if (argc != 2 && argc != 4)
		return cmd_error(c, "usage: break FUNC [if order>=N]");
	if (argc == 4) {
		if (strcmp(argv[2], "if") || strncmp(argv[3], "order>=", 7) ||
		    cmd_parse_ulong(argv[3] + 7, &n) || n >= MAX_ORDER)
			return cmd_error(c, "the only condition is 'if order>=N' with N below %d", MAX_ORDER);
		min_order = (int)n;
	}
	if (mm_break_add(c->m, argv[1], min_order, &id))
		return cmd_error(c, "%s", mm_view_error(c->m));
	if (min_order >= 0)
		cmd_printf(c, "breakpoint %d at %s if order>=%d\n", id, argv[1], min_order);
	else
		cmd_printf(c, "breakpoint %d at %s\n", id, argv[1]);
	return 0;
}

int cmd_delete(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long id;

	if (cmd_nargs(c, argc, 1, 1))
		return 1;
	if (cmd_parse_ulong(argv[1], &id) || id > 100000)
		return cmd_error(c, "invalid breakpoint number '%s'", argv[1]);
	if (mm_break_delete(c->m, (int)id))
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* bt: the kernel call stack of the current cpu's request, innermost first */
int cmd_bt(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	struct mm_request_view v;
	char args[128];
	const char *fn;

	(void)argv;
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	mm_view_machine(c->m, &mv);
	if (mm_view_request(c->m, mv.cur_cpu, &v))
		return cmd_error(c, "no request on cpu%d", mv.cur_cpu);
	for (int i = v.depth - 1; i >= 0; i--)
		if (mm_view_frame(c->m, v.cpu, i, &fn, args, sizeof(args)) == 0)
			cmd_printf(c, "#%d  %s(%s)\n", v.depth - 1 - i, fn, args);
	cmd_printf(c, "    cpu%d %s: %s\n", v.cpu, mm_req_state_names[v.state], v.where);
	return 0;
}

/* info stages: the stage points, the breakpoints and every cpu's request */
int cmd_info(struct cmd_ctx *c, int argc, char **argv)
{
	const struct mm_breakpoint *bp;
	struct mm_machine_view mv;
	struct mm_request_view v;
	int n;

	if (cmd_nargs(c, argc, 1, 1) || strcmp(argv[1], "stages"))
		return cmd_error(c, "usage: info stages");
	cmd_printf(c, "stage points:");
	for (int i = 0; i < MM_NR_FUNCS; i++)
		cmd_printf(c, "%s%s", i % 4 ? " " : "\n  ", mm_func_names[i]);
	cmd_printf(c, "\n");
	n = mm_break_list(c->m, &bp);
	for (int i = 0; i < n; i++) {
		cmd_printf(c, "breakpoint %d at %s", bp[i].id, mm_func_names[bp[i].fn]);
		if (bp[i].min_order >= 0)
			cmd_printf(c, " if order>=%d", bp[i].min_order);
		cmd_printf(c, ", hit %lu time%s\n", bp[i].hits, bp[i].hits == 1 ? "" : "s");
	}
	mm_view_machine(c->m, &mv);
	for (int cpu = 0; cpu < mv.nr_cpus; cpu++)
		if (mm_view_request(c->m, cpu, &v) == 0)
			cmd_printf(c, "cpu%d: %s gfp 0x%x order %d, %s: %s\n", cpu, kind_name(v.kind),
				   v.gfp, v.order, mm_req_state_names[v.state], v.where);
	return 0;
}
