/*
 * step.c - simulated time, and requests that can stop part-way.
 *
 * A request (an allocation or free on one simulated cpu) runs on a
 * coroutine of its own (ucontext).  At every stage point the core reports
 * (stage_enter, stage_note, stage_exit) step_point() decides whether it
 * stops: stepping into, over, out of the current function, or at a
 * breakpoint.  It also stops when the slow path sleeps (wait_iff_congested,
 * the OOM lock: it wakes when the clock reaches its time) and when it needs
 * something another cpu's stopped request holds (it wakes when that one
 * lets go).  Everything is single-threaded and deterministic: the same
 * commands give the same switches.
 *
 * A stopped request is a paused kernel thread.  The rules that keep the
 * rest of the machine honest with it:
 *
 *  - What it holds is recorded where the kernel holds it: a zone's lock
 *    (zone_lock), a cache node's list_lock (spin_lock_list), its cpu with
 *    interrupts off (local_irq_save: the cpu's pcp lists and array caches
 *    are then its alone), a cache it is inside (kmem_cache->users).
 *  - Other requests wait for what they need (RQ_WAITING): a lock, or for a
 *    cpu with interrupts off to take their IPI (drain_all_pages).
 *  - Paths that cannot wait - a command run directly, the clock - ask
 *    first: mm_busy() refuses a command with one line before it changes
 *    anything while any stopped request holds a lock or has interrupts
 *    off, and the clock's background work (kswapd, writeback completion,
 *    cache_reap) is put off to a later jiffy, as a spinning kernel thread
 *    would be.  kmem_cache_destroy refuses a cache a request is inside.
 *  - No pointer into model memory is kept across a stage point unless its
 *    target cannot be freed meanwhile: zones, pagesets and struct pages
 *    live as long as the machine, a cache and its node and arrays as long
 *    as a request is inside it (users), a struct slab only while its
 *    node's list_lock is held.  Everything else is found again by pfn or
 *    id after the stage point (cache_alloc_refill re-reads its array).
 *
 * Without a request to suspend, a sleep lets simulated time pass instead
 * and gives up after a bounded number of waits rather than loop where the
 * kernel would retry forever (__GFP_NOFAIL, small orders); that time does
 * not wake requests, which never run inside a direct operation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define ASAN_FIBERS 1
#endif

#include "internal.h"

#define MAX_SYNC_WAITS 64
#define COROUTINE_STACK (512 * 1024)
#define MAX_BREAKPOINTS 32
#define MAX_DONE 64

struct coroutine {
	ucontext_t uc, back;
	void *stack;
	struct mm_machine *m;
	struct mm_request *r;
	const void *caller_stack;
	size_t caller_stack_size;
};

struct step_state_s {
	struct mm_request *req[MM_MAX_CPUS];
	struct mm_breakpoint bp[MAX_BREAKPOINTS];
	int nbp, next_bp_id;
	unsigned long last_request_id;
	struct mm_request *done[MAX_DONE]; /* finished while nobody waited for them */
	int ndone;
	int zone_lock_owner[MAX_NR_ZONES]; /* cpu + 1, 0 = free */
	/* a cpu's interrupts-off section: whose request runs in it (cpu + 1:
	 * its own, or another cpu's running the IPI handler), how deep */
	int irq_owner[MM_MAX_CPUS], irq_depth[MM_MAX_CPUS];
};

/* nobody but r (NULL: nobody at all) holds l */
static int lock_free(struct mm_machine *m, const struct mm_lock_ref *l, const struct mm_request *r)
{
	int holder = mm_lock_holder(m, l);

	return holder < 0 || (r && holder == r->spec.cpu);
}

static struct step_state_s *step_state(struct mm_machine *m)
{
	if (!m->step)
		m->step = calloc(1, sizeof(*m->step));
	return m->step;
}

void mm_step_destroy(struct mm_machine *m)
{
	struct step_state_s *s = m->step;

	if (!s)
		return;
	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		if (s->req[cpu])
			mm_request_free(m, s->req[cpu]);
	for (int i = 0; i < s->ndone; i++)
		mm_request_free(m, s->done[i]);
	free(s);
	m->step = NULL;
	m->nr_requests = 0;
}

static void clock_advance(struct mm_machine *m, unsigned long n, int wake);

/* ---- switching ---------------------------------------------------------------- */

static void fiber_start(void **fake, const void *bottom, size_t size)
{
#ifdef ASAN_FIBERS
	__sanitizer_start_switch_fiber(fake, bottom, size);
#else
	(void)fake, (void)bottom, (void)size;
#endif
}

static void fiber_finish(void *fake, const void **bottom, size_t *size)
{
#ifdef ASAN_FIBERS
	__sanitizer_finish_switch_fiber(fake, bottom, size);
#else
	(void)fake, (void)bottom, (void)size;
#endif
}

/* run the request until it stops; the caller's context is kept around it */
static void switch_in(struct mm_machine *m, struct mm_request *r)
{
	struct coroutine *c = r->ctx;
	struct mm_request *prev = m->running;
	int cpu = m->this_cpu, depth = m->stage_depth;
	struct task *cur = m->work.current;
	void *fake = NULL;

	m->running = r;
	mm_update_watch(m);
	m->this_cpu = r->spec.cpu;
	m->stage_depth = r->saved_stage_depth;
	m->work.current = r->saved_current;
	r->state = RQ_RUNNING;
	fiber_start(&fake, c->stack, COROUTINE_STACK);
	swapcontext(&c->back, &c->uc);
	fiber_finish(fake, NULL, NULL);
	r->saved_stage_depth = m->stage_depth;
	r->saved_current = m->work.current;
	m->running = prev;
	mm_update_watch(m);
	m->this_cpu = cpu;
	m->stage_depth = depth;
	m->work.current = cur;
}

/* inside the request: give control back until resumed */
static void switch_out(struct mm_machine *m, struct mm_request *r)
{
	struct coroutine *c = r->ctx;
	void *fake = NULL;

	(void)m;
	fiber_start(&fake, c->caller_stack, c->caller_stack_size);
	swapcontext(&c->uc, &c->back);
	fiber_finish(fake, &c->caller_stack, &c->caller_stack_size);
}

static void run_request(struct mm_machine *m, struct mm_request *r)
{
	switch (r->spec.kind) {
	case REQ_ALLOC_PAGES:
		r->rc = mm_alloc_pages(m, r->spec.cpu, r->spec.gfp, (unsigned)r->spec.order, r->spec.owner, &r->res);
		r->result = r->res.pfn;
		break;
	case REQ_FREE_PAGES:
		r->rc = mm_free_pages(m, r->spec.cpu, r->spec.pfn, r->spec.order);
		break;
	case REQ_KMEM_CACHE_ALLOC:
		r->rc = slab_ops(m)->cache_alloc(m, r->spec.cpu, r->cache, r->spec.gfp, &r->result);
		break;
	case REQ_KMALLOC:
		r->rc = mm_kmalloc(m, r->spec.cpu, r->spec.size, r->spec.gfp, &r->result); /* the allocator's */
		break;
	}
	if (r->rc)
		snprintf(r->err, sizeof(r->err), "%s", m->err);
}

static void coroutine_main(unsigned int lo, unsigned int hi)
{
	struct coroutine *c = (struct coroutine *)(((uintptr_t)hi << 16 << 16) | (uintptr_t)lo);

	fiber_finish(NULL, &c->caller_stack, &c->caller_stack_size);
	run_request(c->m, c->r);
	c->r->state = RQ_DONE;
	fiber_start(NULL, c->caller_stack, c->caller_stack_size);
	swapcontext(&c->uc, &c->back);
}

static int coroutine_new(struct mm_machine *m, struct mm_request *r)
{
	struct coroutine *c = calloc(1, sizeof(*c));
	uintptr_t p = (uintptr_t)c;

	if (!c || !(c->stack = malloc(COROUTINE_STACK))) {
		free(c);
		return MM_ENOMEM;
	}
	c->m = m;
	c->r = r;
	getcontext(&c->uc);
	c->uc.uc_stack.ss_sp = c->stack;
	c->uc.uc_stack.ss_size = COROUTINE_STACK;
	c->uc.uc_link = NULL;
	makecontext(&c->uc, (void (*)(void))coroutine_main, 2, (unsigned int)(p & 0xffffffffu),
		    (unsigned int)(p >> 16 >> 16));
	r->ctx = c;
	return MM_OK;
}

void mm_request_free(struct mm_machine *m, struct mm_request *r)
{
	struct coroutine *c = r->ctx;

	(void)m;
	if (c) {
		free(c->stack);
		free(c);
	}
	free(r);
}

/* ---- scheduling ------------------------------------------------------------------ */

static void finished(struct mm_machine *m, struct mm_request *r, int collected)
{
	struct step_state_s *s = m->step;

	s->req[r->spec.cpu] = NULL;
	m->nr_requests--;
	if (!collected && s->ndone < MAX_DONE)
		s->done[s->ndone++] = r;
}

/* resume every request whose wait is over, until none can run */
static void schedule_pending(struct mm_machine *m)
{
	struct step_state_s *s = m->step;
	int again = 1;

	if (!s || m->running)
		return;
	while (again) {
		again = 0;
		for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
			struct mm_request *r = s->req[cpu];
			int runnable;

			if (!r)
				continue;
			runnable = (r->state == RQ_SLEEPING && r->wake_at <= m->clock) ||
				   (r->state == RQ_WAITING && lock_free(m, &r->waiting_for, r));
			if (!runnable)
				continue;
			r->waiting_for.kind = MM_LOCK_NONE;
			switch_in(m, r);
			if (r->state == RQ_DONE)
				finished(m, r, 0);
			again = 1;
		}
	}
}

struct mm_request *mm_request_of(struct mm_machine *m, int cpu)
{
	return m->step && cpu >= 0 && cpu < MM_MAX_CPUS ? m->step->req[cpu] : NULL;
}

struct mm_request *mm_request_reap_done(struct mm_machine *m)
{
	struct step_state_s *s = m->step;
	struct mm_request *r;

	if (!s || !s->ndone)
		return NULL;
	r = s->done[0];
	memmove(s->done, s->done + 1, (size_t)--s->ndone * sizeof(*s->done));
	return r;
}

int mm_set_cur_cpu(struct mm_machine *m, int cpu)
{
	if (cpu < 0 || cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", cpu, m->nr_cpus - 1);
	m->cur_cpu = cpu;
	return MM_OK;
}

int mm_request_start(struct mm_machine *m, const struct mm_request_spec *proto, struct mm_request **out)
{
	struct step_state_s *s = step_state(m);
	struct kmem_cache *cache = NULL;
	struct mm_request *r;

	*out = NULL;
	if (!s)
		return mm_error(m, MM_ENOMEM, "out of memory");
	if (m->running)
		return mm_error(m, MM_EINVAL, "a request cannot start another request");
	if (proto->cpu < 0 || proto->cpu >= m->nr_cpus)
		return mm_error(m, MM_EINVAL, "cpu %d does not exist (cpus 0-%d)", proto->cpu, m->nr_cpus - 1);
	if (s->req[proto->cpu]) {
		char where[256];

		mm_request_where(s->req[proto->cpu], where, sizeof(where));
		return mm_error(m, MM_EINVAL, "cpu%d already has a request in progress (%s): step it or switch cpu",
				proto->cpu, where);
	}
	if (proto->kind == REQ_KMEM_CACHE_ALLOC && !(cache = mm_kmem_cache_by_id(m, proto->cache)))
		return mm_error(m, MM_ENOENT, "no cache with id %d", proto->cache);
	r = calloc(1, sizeof(*r));
	if (!r)
		return mm_error(m, MM_ENOMEM, "out of memory");
	r->id = ++s->last_request_id;
	r->spec = *proto;
	r->cache = cache;
	r->state = RQ_RUNNING;
	r->mode = r->spec.stepping ? STEP_INTO : STEP_CONTINUE;
	r->depth = 0;
	r->saved_stage_depth = 0;
	r->saved_current = m->work.current;
	r->reason.fmt = NULL;
	r->stage_type = 0;
	r->stage_fn = -1;
	r->where_fn = 0;
	if (coroutine_new(m, r)) {
		free(r);
		return mm_error(m, MM_ENOMEM, "out of memory for a request stack");
	}
	s->req[r->spec.cpu] = r;
	m->nr_requests++;
	switch_in(m, r);
	*out = r;
	if (r->state == RQ_DONE)
		finished(m, r, 1);
	schedule_pending(m);
	return MM_OK;
}

int mm_request_resume(struct mm_machine *m, int cpu, enum mm_step_mode mode)
{
	struct mm_request *r = mm_request_of(m, cpu);

	if (!r)
		return mm_error(m, MM_EINVAL, "no request is paused on cpu%d", cpu);
	if (r->state == RQ_SLEEPING) {
		char where[256];

		mm_request_where(r, where, sizeof(where));
		return mm_error(m, MM_EINVAL, "cpu%d's request sleeps until jiffy %llu (%s): tick to wake it",
				cpu, r->wake_at, where);
	}
	if (r->state == RQ_WAITING) {
		char what[80];

		mm_lock_name(m, &r->waiting_for, what, sizeof(what));
		return mm_error(m, MM_EINVAL, "cpu%d's request waits for %s held by cpu%d", cpu, what,
				mm_lock_holder(m, &r->waiting_for));
	}
	r->mode = mode;
	r->target_depth = r->depth;
	r->hit_breakpoint = 0;
	switch_in(m, r);
	if (r->state == RQ_DONE)
		finished(m, r, 1); /* the caller holds r: it collects it */
	schedule_pending(m);
	return MM_OK;
}

/* ---- stage points -------------------------------------------------------------------- */

static int breakpoint_hit(struct mm_machine *m, struct mm_request *r, enum mm_func fn)
{
	struct step_state_s *s = m->step;

	for (int i = 0; i < s->nbp; i++)
		if (s->bp[i].fn == fn && (s->bp[i].min_order < 0 || r->spec.order >= s->bp[i].min_order)) {
			s->bp[i].hits++;
			r->hit_breakpoint = s->bp[i].id;
			return 1;
		}
	return 0;
}

static int should_stop(struct mm_machine *m, struct mm_request *r, const struct mm_event *ev)
{
	if (ev->type == MM_EV_STAGE_ENTER && breakpoint_hit(m, r, ev->func))
		return 1;
	switch (r->mode) {
	case STEP_INTO:
		return 1;
	case STEP_OVER:
		return r->depth <= r->target_depth;
	case STEP_OUT:
		return ev->type == MM_EV_STAGE_EXIT && r->depth < r->target_depth;
	default:
		return 0;
	}
}

void step_point(struct mm_machine *m, const struct mm_event *ev)
{
	struct mm_request *r = m->running;

	if (ev->type == MM_EV_STAGE_ENTER && r->depth < MM_MAX_FRAMES) {
		r->frames[r->depth].fn = ev->func;
		r->frames[r->depth].args = *ev->reason;
		r->depth++;
	} else if (ev->type == MM_EV_STAGE_EXIT && r->depth > 0) {
		r->depth--;
	}
	r->stage_type = ev->type;
	r->stage_fn = (int)ev->func;
	r->where_fn = 1;
	r->reason = *ev->reason;
	if (!should_stop(m, r, ev))
		return;
	r->state = RQ_PAUSED;
	switch_out(m, r);
}

/* ---- sleeping and zone locks ------------------------------------------------------------ */

/* a sleep or a wait: a note of the innermost frame, its reason and where */
static void note_where(struct mm_request *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note_where(struct mm_request *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mm_reason_vcapture(&r->reason, fmt, ap);
	va_end(ap);
	r->stage_type = MM_EV_STAGE_NOTE;
	r->stage_fn = r->depth > 0 ? (int)r->frames[r->depth - 1].fn : -1;
	r->where_fn = 0;
}

void mm_request_where(const struct mm_request *r, char *buf, size_t len)
{
	char reason[256];

	if (!len)
		return;
	buf[0] = '\0';
	if (!r->stage_type)
		return;
	mm_reason_format(&r->reason, reason, r->where_fn ? sizeof(reason) : 240);
	if (!r->where_fn)
		snprintf(buf, len, ".. %s", reason);
	else
		snprintf(buf, len, "%s %s: %s",
			 r->stage_type == MM_EV_STAGE_ENTER ? "->" : r->stage_type == MM_EV_STAGE_EXIT ? "<-" : "..",
			 (unsigned int)r->stage_fn < MM_NR_FUNCS ? mm_func_names[r->stage_fn] : "?", reason);
}

void mm_sleep(struct mm_machine *m, unsigned long jiffies, const char *why)
{
	struct mm_request *r = m->running;
	int cpu = m->this_cpu;

	if (STAGES(m))
		stage_note(m, FN___alloc_pages_slowpath, "%s: sleep %lu jiffies", why, jiffies);
	if (r) {
		r->state = RQ_SLEEPING;
		r->wake_at = m->clock + (jiffies ? jiffies : 1);
		note_where(r, "%s: sleeping until jiffy %llu", why, r->wake_at);
		switch_out(m, r);
		return;
	}
	m->work.sync_waits++;
	clock_advance(m, jiffies ? jiffies : 1, 0);
	m->this_cpu = cpu;
}

int mm_give_up(struct mm_machine *m)
{
	return !m->running && m->work.sync_waits > MAX_SYNC_WAITS;
}

/* the request stops until l is free; what it waits for is in r->where */
static void wait_for(struct mm_machine *m, struct mm_request *r, const struct mm_lock_ref *l)
{
	char what[80];

	while (!lock_free(m, l, r)) {
		r->state = RQ_WAITING;
		r->waiting_for = *l;
		mm_lock_name(m, l, what, sizeof(what));
		if (l->kind == MM_LOCK_IRQ)
			note_where(r, "waits for %s: cpu%d has them off", what, mm_lock_holder(m, l));
		else
			note_where(r, "waits for %s held by cpu%d", what, mm_lock_holder(m, l));
		switch_out(m, r);
	}
}

/* spin_lock(&zone->lock) for a request: wait while another cpu's stopped request holds it */
void zone_lock(struct mm_machine *m, struct zone *z)
{
	struct step_state_s *s = m->step;
	struct mm_request *r = m->running;
	struct mm_lock_ref l = { MM_LOCK_ZONE, z->idx, NULL };

	if (!s || !r)
		return;
	wait_for(m, r, &l);
	s->zone_lock_owner[z->idx] = r->spec.cpu + 1;
}

void zone_unlock(struct mm_machine *m, struct zone *z)
{
	struct step_state_s *s = m->step;

	if (s && m->running && s->zone_lock_owner[z->idx] == m->running->spec.cpu + 1)
		s->zone_lock_owner[z->idx] = 0;
}

/* spin_lock(&n->list_lock) of a cache node, likewise */
void spin_lock_list(struct mm_machine *m, struct kmem_cache *c)
{
	struct mm_request *r = m->running;
	struct mm_lock_ref l = { MM_LOCK_LIST, c->id, c->node };

	if (!r)
		return;
	wait_for(m, r, &l);
	c->node->list_lock = r->spec.cpu + 1;
}

void spin_unlock_list(struct mm_machine *m, struct kmem_cache *c)
{
	if (m->running && c->node->list_lock == m->running->spec.cpu + 1)
		c->node->list_lock = 0;
}

static void irq_take(struct mm_machine *m, struct mm_request *r, int cpu)
{
	struct step_state_s *s = m->step;
	struct mm_lock_ref l = { MM_LOCK_IRQ, cpu, NULL };

	wait_for(m, r, &l);
	s->irq_owner[cpu] = r->spec.cpu + 1;
	s->irq_depth[cpu]++;
}

static void irq_give(struct mm_machine *m, struct mm_request *r, int cpu)
{
	struct step_state_s *s = m->step;

	if (s->irq_owner[cpu] == r->spec.cpu + 1 && s->irq_depth[cpu] > 0 && !--s->irq_depth[cpu])
		s->irq_owner[cpu] = 0;
}

/* local_irq_save / local_irq_restore (internal.h) on the running request's cpu */
void step_irq_save(struct mm_machine *m)
{
	if (m->running && m->step)
		irq_take(m, m->running, m->running->spec.cpu);
}

void step_irq_restore(struct mm_machine *m)
{
	if (m->running && m->step)
		irq_give(m, m->running, m->running->spec.cpu);
}

/* local_irq_enable inside a section (a sleeping allocation): the depth given up */
int local_irq_enable(struct mm_machine *m)
{
	struct step_state_s *s = m->step;
	struct mm_request *r = m->running;
	int depth;

	if (!r || !s || s->irq_owner[r->spec.cpu] != r->spec.cpu + 1)
		return 0;
	depth = s->irq_depth[r->spec.cpu];
	s->irq_depth[r->spec.cpu] = 0;
	s->irq_owner[r->spec.cpu] = 0;
	return depth;
}

/* local_irq_disable again, back to the depth local_irq_enable gave up */
void local_irq_disable(struct mm_machine *m, int depth)
{
	struct step_state_s *s = m->step;
	struct mm_request *r = m->running;

	if (!r || !s || depth <= 0)
		return;
	irq_take(m, r, r->spec.cpu);
	s->irq_depth[r->spec.cpu] = depth;
}

/* an IPI to cpu (on_each_cpu): its handler runs once that cpu has
 * interrupts on, and with them off; ipi_done ends it */
void ipi_start(struct mm_machine *m, int cpu)
{
	if (m->running && m->step && cpu != m->running->spec.cpu)
		irq_take(m, m->running, cpu);
}

void ipi_done(struct mm_machine *m, int cpu)
{
	if (m->running && m->step && cpu != m->running->spec.cpu)
		irq_give(m, m->running, cpu);
}

int mm_lock_holder(struct mm_machine *m, const struct mm_lock_ref *l)
{
	struct step_state_s *s = m->step;

	if (!s)
		return -1;
	switch (l->kind) {
	case MM_LOCK_ZONE:
		return l->id >= 0 && l->id < MAX_NR_ZONES ? s->zone_lock_owner[l->id] - 1 : -1;
	case MM_LOCK_LIST:
		return l->n ? l->n->list_lock - 1 : -1;
	case MM_LOCK_IRQ:
		return l->id >= 0 && l->id < MM_MAX_CPUS ? s->irq_owner[l->id] - 1 : -1;
	default:
		return -1;
	}
}

void mm_lock_name(struct mm_machine *m, const struct mm_lock_ref *l, char *buf, size_t len)
{
	struct kmem_cache *c;

	switch (l->kind) {
	case MM_LOCK_ZONE:
		snprintf(buf, len, "zone %s lock", l->id >= 0 && l->id < m->node.nr_zones ?
			 m->node.node_zones[l->id].name : "?");
		break;
	case MM_LOCK_LIST:
		c = mm_kmem_cache_by_id(m, l->id);
		snprintf(buf, len, "%s list_lock", c ? c->name : "?");
		break;
	case MM_LOCK_IRQ:
		snprintf(buf, len, "cpu%d's interrupts", l->id);
		break;
	default:
		snprintf(buf, len, "nothing");
		break;
	}
}

int mm_request_holds(struct mm_machine *m, int cpu, struct mm_lock_ref *out, int max)
{
	struct step_state_s *s = m->step;
	struct mm_request *r = mm_request_of(m, cpu);
	int n = 0;

	if (!r)
		return 0;
	for (int i = 0; i < m->node.nr_zones; i++)
		if (s->zone_lock_owner[i] == cpu + 1 && n < max)
			out[n++] = (struct mm_lock_ref){ MM_LOCK_ZONE, i, NULL };
	for (struct kmem_cache *c = mm_slab_caches(m); c; c = c->next)
		if (c->node && c->node->list_lock == cpu + 1 && n < max)
			out[n++] = (struct mm_lock_ref){ MM_LOCK_LIST, c->id, c->node };
	/* interrupts last: a lock names better what the request is doing */
	for (int i = 0; i < m->nr_cpus; i++)
		if (s->irq_owner[i] == cpu + 1 && n < max)
			out[n++] = (struct mm_lock_ref){ MM_LOCK_IRQ, i, NULL };
	return n;
}

/* the first stopped request (not the running one) that holds anything */
static struct mm_request *first_holder(struct mm_machine *m, struct mm_lock_ref *what)
{
	struct step_state_s *s = m->step;

	if (!s)
		return NULL;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct mm_request *r = s->req[cpu];

		if (r && r != m->running && mm_request_holds(m, cpu, what, 1))
			return r;
	}
	return NULL;
}

int mm_locks_held(struct mm_machine *m)
{
	struct mm_lock_ref l;

	if (likely(!m->nr_requests)) /* nobody to hold anything */
		return 0;
	return first_holder(m, &l) != NULL;
}

int mm_busy(struct mm_machine *m)
{
	struct mm_lock_ref l;
	struct mm_request *r;
	char what[80];

	if (likely(!m->nr_requests) || m->running || !(r = first_holder(m, &l)))
		return MM_OK;
	if (l.kind == MM_LOCK_IRQ)
		snprintf(what, sizeof(what), "cpu%d's interrupts off", l.id);
	else
		mm_lock_name(m, &l, what, sizeof(what));
	return mm_error(m, MM_EBUSY, "cpu%d's stopped request holds %s (in %s): move it on first (step, finish or continue on cpu%d)",
			r->spec.cpu, what, r->depth ? mm_func_names[r->frames[r->depth - 1].fn] : "its first stage",
			r->spec.cpu);
}

/* ---- breakpoints ---------------------------------------------------------------------------- */

int mm_func_by_name(const char *name)
{
	for (int i = 0; i < MM_NR_FUNCS; i++)
		if (mm_func_names[i] && !strcmp(mm_func_names[i], name))
			return i;
	return -1;
}

int mm_break_add(struct mm_machine *m, const char *func, int min_order, int *id)
{
	struct step_state_s *s = step_state(m);
	int fn = mm_func_by_name(func);

	if (!s)
		return mm_error(m, MM_ENOMEM, "out of memory");
	if (fn < 0)
		return mm_error(m, MM_EINVAL, "no stage point named '%s' (try 'info stages')", func);
	if (s->nbp == MAX_BREAKPOINTS)
		return mm_error(m, MM_EINVAL, "too many breakpoints (%d)", MAX_BREAKPOINTS);
	s->bp[s->nbp] = (struct mm_breakpoint){ ++s->next_bp_id, (enum mm_func)fn, min_order, 0 };
	*id = s->bp[s->nbp++].id;
	return MM_OK;
}

int mm_break_delete(struct mm_machine *m, int id)
{
	struct step_state_s *s = m->step;

	for (int i = 0; s && i < s->nbp; i++)
		if (s->bp[i].id == id) {
			memmove(s->bp + i, s->bp + i + 1, (size_t)(s->nbp - i - 1) * sizeof(s->bp[0]));
			s->nbp--;
			return MM_OK;
		}
	return mm_error(m, MM_EINVAL, "no breakpoint %d", id);
}

int mm_break_list(struct mm_machine *m, const struct mm_breakpoint **bps)
{
	*bps = m->step ? m->step->bp : NULL;
	return m->step ? m->step->nbp : 0;
}

/* ---- the clock -------------------------------------------------------------------------------- */

/*
 * One jiffy at a time: writeback completes, kswapd runs, caches are
 * reaped, sleepers wake.  The background work waits (is put off to a
 * later jiffy) while a stopped request holds a lock or has interrupts off.
 */
static void clock_advance(struct mm_machine *m, unsigned long n, int wake)
{
	int cpu0 = m->this_cpu;

	while (n--) {
		m->clock++;
		if (!mm_locks_held(m)) {
			writeback_tick(m);
			kswapd_tick(m);
			if (slab_ops(m))
				slab_ops(m)->tick(m);
		}
		if (wake)
			schedule_pending(m);
	}
	m->this_cpu = cpu0;
}

void mm_tick(struct mm_machine *m, unsigned long n)
{
	clock_advance(m, n, !m->running);
}
