/*
 * stack.c - the call stack of requests that are stepping, as the seed
 * documents draw an allocation's path:
 *
 *   __alloc_pages_nodemask(order 3, gfp 0xd0, ...)
 *     get_page_from_freelist(order 3, low watermark, ...)
 *       zone_watermark_ok(zone Normal order 3 mark low 308)
 *         ↳ zone Normal: free 15324 - 7 > low 308 + lowmem_reserve 0 -> ok
 *   ▶   buffered_rmqueue(zone Normal order 3)
 *
 * A function is a row indented by its depth; when it returns, its reason
 * follows its body one level deeper (↳) and its row turns "done"; notes
 * made inside a function are rows of their own (·).  The row the request
 * is stopped at is marked ▶ and highlighted.  Returned functions are gone
 * from the request's own frames, so the panel keeps the trail itself, per
 * cpu, from the stage events of the running request; a request's first
 * stage (depth 0) starts a new trail.  Without a trail (the panel came
 * later) it draws the request's frames.  Breakpoints with their hit counts
 * sit on top, each cpu's request below with its state: stopped, sleeping
 * until a jiffy, or waiting for a zone lock another cpu's request holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/panel.h"
#include "textwrap.h"

#define TRAIL_MAX 2000     /* stages kept per cpu; the oldest quarter goes */
#define OPEN_MAX 64        /* depths whose open call is tracked */
#define INDENT_MAX 24      /* columns of indentation at most */
#define GLYPH_CURRENT 0x25b6u /* ▶ */
#define GLYPH_BREAK 0x25cfu   /* ● */

struct stage_rec {
	uint8_t type;  /* MM_EV_STAGE_ENTER, _EXIT or _NOTE */
	uint8_t done;  /* ENTER: its function has returned */
	int16_t depth;
	uint16_t fn;
	struct mm_reason reason; /* formatted when drawn */
};

struct trail {
	struct stage_rec *recs;
	int n, cap;
	unsigned long dropped;
	unsigned long req;            /* whose stages these are: the request's id, 0 none */
	int open[OPEN_MAX];           /* the ENTER record per depth, -1 none */
};

struct stack_panel {
	struct trail trail[MM_MAX_CPUS];
	const struct mm_machine *m; /* trails belong to this machine */
	int last_cpu;               /* cpu of the latest stage seen */
	int first, follow;          /* scrolling: first row, keep the current in view */
	int rows, total;            /* at the last draw */
};

static void trail_reset(struct trail *t)
{
	t->n = 0;
	t->dropped = 0;
	t->req = 0;
	for (int d = 0; d < OPEN_MAX; d++)
		t->open[d] = -1;
}

static void *stack_create(struct tui_view *v)
{
	struct stack_panel *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		trail_reset(&s->trail[cpu]);
	s->m = v->c->m;
	s->follow = 1;
	return s;
}

static void stack_destroy(void *self)
{
	struct stack_panel *s = self;

	if (!s)
		return;
	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		free(s->trail[cpu].recs);
	free(s);
}

/* a different machine (`machine` replaced it): nothing kept applies */
static void notice_machine(struct stack_panel *s, const struct mm_machine *m)
{
	if (s->m == m)
		return;
	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		trail_reset(&s->trail[cpu]);
	s->m = m;
}

/* drop the oldest quarter; open calls keep pointing at their records */
static void trail_trim(struct trail *t)
{
	int k = TRAIL_MAX / 4;

	memmove(t->recs, t->recs + k, (size_t)(t->n - k) * sizeof(*t->recs));
	t->n -= k;
	t->dropped += (unsigned long)k;
	for (int d = 0; d < OPEN_MAX; d++)
		t->open[d] = t->open[d] >= k ? t->open[d] - k : -1;
}

static struct stage_rec *trail_push(struct trail *t)
{
	if (t->n == TRAIL_MAX)
		trail_trim(t);
	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct stage_rec *recs;

		if (cap > TRAIL_MAX)
			cap = TRAIL_MAX;
		recs = realloc(t->recs, (size_t)cap * sizeof(*recs));
		if (!recs)
			return NULL;
		t->recs = recs;
		t->cap = cap;
	}
	return &t->recs[t->n++];
}

/* an exit closes the open call of its function at its depth */
static void trail_close(struct trail *t, int depth, int fn)
{
	int i;

	if (depth < 0 || depth >= OPEN_MAX || (i = t->open[depth]) < 0)
		return;
	if (t->recs[i].fn == fn)
		t->recs[i].done = 1;
	t->open[depth] = -1;
}

/*
 * A trail that starts in the middle of a request (the screen listens to
 * stage points only once some request exists) begins with the functions
 * the request is already inside: its frames, outermost first.  An enter
 * at depth d has d of them; an exit or note at depth d is inside the
 * frame at d as well.
 */
static void seed_ancestors(struct trail *t, const struct mm_machine *m, int cpu,
			   const struct mm_event *ev)
{
	int d, n = ev->depth + (ev->type != MM_EV_STAGE_ENTER);
	const struct mm_reason *args;

	for (d = 0; d < n && (args = mm_view_frame_args(m, cpu, d)) != NULL; d++) {
		struct stage_rec *rec = trail_push(t);

		if (!rec)
			return;
		rec->type = MM_EV_STAGE_ENTER;
		rec->done = 0;
		rec->depth = (int16_t)d;
		rec->fn = (uint16_t)mm_view_frame_func(m, cpu, d);
		rec->reason = *args;
		if (d < OPEN_MAX)
			t->open[d] = t->n - 1;
	}
}

static void stack_event(void *self, struct tui_view *v, const struct mm_event *ev)
{
	struct stack_panel *s = self;
	struct mm_machine *m = v->c->m;
	struct stage_rec *rec;
	struct trail *t;
	struct mm_running_view run;
	unsigned long id;
	int cpu;

	/* only a request's stages: cache_reap on the clock is not a call chain */
	if (mm_view_running(m, &run) || ev->cpu < 0 || ev->cpu >= MM_MAX_CPUS)
		return;
	cpu = run.cpu;
	id = run.id;
	notice_machine(s, m);
	t = &s->trail[ev->cpu];
	if (t->req != id || (ev->type == MM_EV_STAGE_ENTER && ev->depth == 0)) {
		trail_reset(t);
		seed_ancestors(t, m, cpu, ev);
	}
	t->req = id;
	s->last_cpu = ev->cpu;
	s->follow = 1;
	rec = trail_push(t);
	if (!rec)
		return;
	rec->type = (uint8_t)ev->type;
	rec->done = 0;
	rec->depth = (int16_t)(ev->depth < 0 ? 0 : ev->depth);
	rec->fn = (uint16_t)ev->func;
	if (ev->reason)
		rec->reason = *ev->reason;
	else
		rec->reason.fmt = NULL;
	if (ev->type == MM_EV_STAGE_ENTER && rec->depth < OPEN_MAX)
		t->open[rec->depth] = t->n - 1;
	else if (ev->type == MM_EV_STAGE_EXIT)
		trail_close(t, rec->depth, rec->fn);
}

/* ---- drawing ------------------------------------------------------------------ */

static const char *func_name(int fn)
{
	return fn >= 0 && fn < MM_NR_FUNCS ? mm_func_names[fn] : "?";
}

static int indent_of(int depth)
{
	int x = 2 * depth;

	return x > INDENT_MAX ? INDENT_MAX : x;
}

/* one row (or more, wrapped) of the chain; the gutter marks the current */
static int chain_row(struct vrows *vr, int depth, int current, int role,
		     unsigned int attr, const char *text)
{
	int y = vrows_peek(vr), x = 2 + indent_of(depth);

	if (current) {
		role = ROLE_STAGE_CURRENT;
		attr |= CELL_BOLD;
		if (y >= 0)
			canvas_set(vr->cv, vr->r.x, y, GLYPH_CURRENT, ROLE_STAGE_CURRENT, CELL_BOLD);
	}
	vrows_wrapped(vr, x, x + 4, role, attr, text);
	return y;
}

static void trail_row(struct vrows *vr, const struct stage_rec *rec, int current)
{
	char buf[400], text[256];

	mm_reason_format(&rec->reason, text, sizeof(text));
	switch (rec->type) {
	case MM_EV_STAGE_ENTER:
		snprintf(buf, sizeof(buf), "%s(%s)", func_name(rec->fn), text);
		chain_row(vr, rec->depth, current, rec->done ? ROLE_STAGE_DONE : ROLE_DEFAULT,
			  rec->done ? 0 : CELL_BOLD, buf);
		break;
	case MM_EV_STAGE_EXIT:
		snprintf(buf, sizeof(buf), "\u21b3 %s", text[0] ? text : "returns");
		chain_row(vr, rec->depth + 1, current, ROLE_STAGE_REASON, 0, buf);
		break;
	default:
		snprintf(buf, sizeof(buf), "\u00b7 %s", text);
		chain_row(vr, rec->depth, current, ROLE_STAGE_REASON, 0, buf);
		break;
	}
}

/* the trail; the last row is where a paused request stands.  Returns the
 * virtual row of the current stage, or -1 */
static int emit_trail(struct vrows *vr, const struct trail *t, int paused)
{
	int cur = -1;

	if (t->dropped)
		vrows_wrapped(vr, 2, 4, ROLE_DIM, 0, "(earlier stages not kept)");
	for (int i = 0; i < t->n; i++) {
		int current = paused && i == t->n - 1;

		if (current)
			cur = vr->n;
		trail_row(vr, &t->recs[i], current);
	}
	return cur;
}

/* the request's own frames, for a request whose stages the panel missed */
static int emit_frames(struct vrows *vr, const struct mm_machine *m, const struct mm_request_view *r)
{
	char buf[400], args[128];
	const char *fn;
	int cur;

	for (int i = 0; i < r->depth; i++) {
		if (mm_view_frame(m, r->cpu, i, &fn, args, sizeof(args)))
			break;
		snprintf(buf, sizeof(buf), "%s(%s)", fn, args);
		chain_row(vr, i, 0, ROLE_DEFAULT, CELL_BOLD, buf);
	}
	cur = vr->n;
	chain_row(vr, r->depth, 1, ROLE_STAGE_CURRENT, 0, r->where);
	return cur;
}

static void describe(const struct mm_request_view *r, char *buf, size_t len)
{
	char gfp[160];

	mm_gfp_format(r->gfp, gfp, sizeof(gfp));
	switch (r->kind) {
	case REQ_ALLOC_PAGES:
		snprintf(buf, len, "cpu%d  alloc_pages %s order %d", r->cpu, gfp, r->order);
		break;
	case REQ_FREE_PAGES:
		if (r->order < 0) /* free_pages PFN: the order it was allocated with */
			snprintf(buf, len, "cpu%d  free_pages pfn 0x%lx", r->cpu, r->pfn);
		else
			snprintf(buf, len, "cpu%d  free_pages pfn 0x%lx order %d", r->cpu, r->pfn,
				 r->order);
		break;
	case REQ_KMEM_CACHE_ALLOC:
		snprintf(buf, len, "cpu%d  kmem_cache_alloc %s %s", r->cpu,
			 r->cache_name ? r->cache_name : "?", gfp);
		break;
	default:
		snprintf(buf, len, "cpu%d  kmalloc %zu %s", r->cpu, r->size, gfp);
		break;
	}
}

/* "stopped at breakpoint 1", "sleeping until jiffy 130 (now 104)", ... */
static void state_text(struct mm_machine *m, const struct mm_request_view *r, char *buf,
		       size_t len, int *role)
{
	const char *where = r->where;
	struct mm_machine_view mv;
	char what[80];

	*role = ROLE_WARNING;
	switch (r->state) {
	case RQ_PAUSED:
		*role = ROLE_STAGE_CURRENT;
		if (r->hit_breakpoint)
			snprintf(buf, len, "stopped at breakpoint %d: %s", r->hit_breakpoint, where);
		else
			snprintf(buf, len, "stopped%s: %s", r->stepping ? " (stepping)" : "", where);
		break;
	case RQ_SLEEPING:
		mm_view_machine(m, &mv);
		snprintf(buf, len, "sleeping until jiffy %llu (now %llu): %s", r->wake_at, mv.jiffies,
			 where);
		break;
	case RQ_WAITING:
		mm_lock_name(m, &r->waiting_for, what, sizeof(what));
		snprintf(buf, len, "waiting for %s held by cpu%d", what, r->waiting_holder);
		break;
	case RQ_RUNNING:
		snprintf(buf, len, "running");
		break;
	default:
		snprintf(buf, len, "done");
		break;
	}
}

static int emit_request(struct vrows *vr, struct stack_panel *s, struct mm_machine *m,
			const struct mm_request_view *r)
{
	const struct trail *t = &s->trail[r->cpu];
	char buf[600];
	int role;

	describe(r, buf, sizeof(buf));
	vrows_wrapped(vr, 0, 4, ROLE_TITLE, CELL_BOLD, buf);
	state_text(m, r, buf, sizeof(buf), &role);
	vrows_wrapped(vr, 2, 4, role, 0, buf);
	if (t->req == r->id && t->n)
		return emit_trail(vr, t, r->state == RQ_PAUSED);
	return emit_frames(vr, m, r);
}

static void emit_breakpoints(struct vrows *vr, struct mm_machine *m)
{
	const struct mm_breakpoint *bp;
	int n = mm_break_list(m, &bp);
	char buf[200], cond[32];

	if (n <= 0) {
		vrows_wrapped(vr, 0, 2, ROLE_DIM, 0, "breakpoints: none (break FUNC)");
		return;
	}
	vrows_wrapped(vr, 0, 2, ROLE_HEADER, 0, "breakpoints:");
	for (int i = 0; i < n; i++) {
		int y = vrows_peek(vr);

		cond[0] = '\0';
		if (bp[i].min_order >= 0)
			snprintf(cond, sizeof(cond), " if order>=%d", bp[i].min_order);
		snprintf(buf, sizeof(buf), "%d  %s%s  hit %lu time%s", bp[i].id,
			 func_name(bp[i].fn), cond, bp[i].hits, bp[i].hits == 1 ? "" : "s");
		if (y >= 0)
			canvas_set(vr->cv, vr->r.x + 2, y, GLYPH_BREAK, ROLE_BREAKPOINT, 0);
		vrows_wrapped(vr, 4, 6, ROLE_BREAKPOINT, 0, buf);
	}
}

/* everything, top to bottom; returns the virtual row to keep in view */
static int emit_all(struct vrows *vr, struct stack_panel *s, struct tui_view *v)
{
	struct mm_machine *m = v->c->m;
	struct mm_machine_view mv;
	struct mm_request_view r;
	int cur = -1, any = 0, shown;

	mm_view_machine(m, &mv);
	shown = v->cpu >= 0 && v->cpu < mv.nr_cpus ? v->cpu : 0;
	emit_breakpoints(vr, m);
	/* the cpu the screen shows first, then the others */
	for (int k = -1; k < mv.nr_cpus; k++) {
		int cpu = k < 0 ? shown : k;
		int row;

		if ((k >= 0 && cpu == shown) || mm_view_request(m, cpu, &r))
			continue;
		vrows_next(vr);
		row = emit_request(vr, s, m, &r);
		if (cur < 0)
			cur = row;
		any = 1;
	}
	if (any)
		return cur;
	vrows_next(vr);
	vrows_wrapped(vr, 0, 2, ROLE_DIM, 0,
		      "no request is stepping: try alloc_pages GFP_KERNEL 3 --step");
	if (s->trail[s->last_cpu].n) {
		char buf[64];

		snprintf(buf, sizeof(buf), "the last request on cpu%d went:", s->last_cpu);
		vrows_next(vr);
		vrows_wrapped(vr, 0, 2, ROLE_HEADER, 0, buf);
		emit_trail(vr, &s->trail[s->last_cpu], 0);
	}
	return -1;
}

static void stack_draw(void *self, struct tui_view *v, struct canvas *cv,
		       struct rect r, int focused)
{
	struct stack_panel *s = self;
	struct rect none = r;
	struct vrows vr;
	int cur;

	(void)focused;
	if (r.w <= 0 || r.h <= 0)
		return;
	notice_machine(s, v->c->m);
	none.h = 0;
	vrows_init(&vr, cv, none, 0);
	cur = emit_all(&vr, s, v);
	s->total = vr.n;
	s->rows = r.h;
	/* following, the current stage sits as low as it can, its callers
	 * above: the same rows however the request got there (a lesson's
	 * step rebuilt by replay draws as it did the first time) */
	if (s->follow && cur >= 0)
		s->first = scroll_to_show(cur - r.h + 1, cur, r.h, s->total);
	else
		s->first = scroll_to_show(s->first, s->first, r.h, s->total);
	vrows_init(&vr, cv, r, s->first);
	emit_all(&vr, s, v);
}

static int stack_key(void *self, struct tui_view *v, int key)
{
	struct stack_panel *s = self;
	int page = s->rows > 1 ? s->rows - 1 : 1;

	(void)v;
	if (!panel_scroll_key(key, page, s->total, &s->first))
		return PANEL_IGNORED;
	s->follow = key == TK_END; /* End: back to following the current stage */
	return PANEL_HANDLED | PANEL_REDRAW;
}

static const struct panel_key stack_keys[] = {
	{ "Up/Down PgUp/PgDn", "scroll the call chain" },
	{ "Home/End", "top / back to the current stage" },
	{ NULL, NULL },
};

const struct panel_ops panel_stack = {
	.name = "stack",
	.title = "call stack",
	.create = stack_create,
	.destroy = stack_destroy,
	.draw = stack_draw,
	.key = stack_key,
	.event = stack_event,
	.event_mask = MM_EV_STAGES,
	.keys = stack_keys,
	.min_w = 30,
	.min_h = 4,
};
