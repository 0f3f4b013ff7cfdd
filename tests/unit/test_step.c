/*
 * test_step.c - requests on coroutines: stepping into, over and out of
 * the allocator's functions, breakpoints, two cpus interleaving, a zone
 * lock held by a stopped request, sleeping in the slow path; the
 * invariant checker after every stop.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h"

static struct mm_machine *boot(void)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_preset(&d, "tiny"), 0);
	d.slab = 0;
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	return m;
}

static struct mm_request *start(struct mm_machine *m, int cpu, gfp_t gfp, int order, int stepping)
{
	struct mm_request_spec proto = { .cpu = cpu, .kind = REQ_ALLOC_PAGES, .gfp = gfp, .order = order,
				    .owner = MM_OWNER(OWNER_KERNEL, 0), .stepping = stepping };
	struct mm_request *r;

	assert_int_equal(mm_request_start(m, &proto, &r), 0);
	return r;
}

static const char *where_of(const struct mm_request *r)
{
	static char where[256];

	mm_request_where(r, where, sizeof(where));
	return where;
}

static int in_frames(struct mm_request *r, const char *fn)
{
	for (int i = 0; i < r->depth; i++)
		if (!strcmp(mm_func_names[r->frames[i].fn], fn))
			return 1;
	return 0;
}

/* stepping an order-0 request: it stops at its first stage and goes down */
static void test_step_into_and_finish(void **state)
{
	struct mm_machine *m = boot();
	struct mm_request *r = start(m, 0, GFP_KERNEL, 0, 1);
	int steps = 0;

	(void)state;
	assert_int_equal(r->state, RQ_PAUSED);
	assert_int_equal(r->depth, 1);
	assert_string_equal(mm_func_names[r->frames[0].fn], "__alloc_pages_nodemask");
	while (!in_frames(r, "rmqueue_bulk")) {
		assert_int_equal(mm_request_resume(m, 0, STEP_INTO), 0);
		if (mm_check(m))
			fail_msg("after step %d at %s: %s", steps, where_of(r), m->err);
		assert_true(++steps < 50);
	}
	/* finish: out of rmqueue_bulk with its batch on the pcp list */
	while (in_frames(r, "rmqueue_bulk")) {
		assert_int_equal(mm_request_resume(m, 0, STEP_OUT), 0);
		if (mm_check(m))
			fail_msg("after finish at %s: %s", where_of(r), m->err);
	}
	assert_int_equal(mm_request_resume(m, 0, STEP_CONTINUE), 0);
	assert_int_equal(r->state, RQ_DONE);
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->result, 0x3c00);
	assert_null(mm_request_of(m, 0));
	mm_request_free(m, r);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* a breakpoint with a condition, and a second request on the same cpu refused */
static void test_breakpoint(void **state)
{
	struct mm_machine *m = boot();
	struct mm_request *r, *r2;
	struct mm_request_spec proto = { .cpu = 0, .kind = REQ_ALLOC_PAGES, .gfp = GFP_KERNEL };
	int id;

	(void)state;
	assert_int_equal(mm_break_add(m, "__rmqueue_smallest", 3, &id), 0);
	assert_int_equal(mm_break_add(m, "no_such_function", -1, &id), MM_EINVAL);
	r = start(m, 0, GFP_KERNEL, 0, 0); /* order 0: the breakpoint does not fire */
	assert_int_equal(r->state, RQ_DONE);
	mm_request_free(m, r);
	r = start(m, 0, GFP_KERNEL, 3, 0);
	assert_int_equal(r->state, RQ_PAUSED);
	assert_int_equal(r->hit_breakpoint, 1);
	assert_string_equal(mm_func_names[r->frames[r->depth - 1].fn], "__rmqueue_smallest");
	assert_int_equal(mm_check(m), 0);
	assert_int_equal(mm_request_start(m, &proto, &r2), MM_EINVAL);
	assert_int_equal(mm_request_resume(m, 1, STEP_INTO), MM_EINVAL); /* nothing on cpu1 */
	assert_int_equal(mm_request_resume(m, 0, STEP_CONTINUE), 0);
	assert_int_equal(r->state, RQ_DONE);
	assert_int_equal(r->rc, 0);
	mm_request_free(m, r);
	assert_int_equal(mm_break_delete(m, 1), 0);
	assert_int_equal(mm_break_delete(m, 1), MM_EINVAL);
	mm_machine_destroy(m);
}

/* cpu0 stops inside rmqueue_bulk holding the zone lock; cpu1 waits for it */
static void test_lock_interleave(void **state)
{
	struct mm_machine *m = boot();
	struct mm_request *r0, *r1;
	int id;

	(void)state;
	assert_int_equal(mm_break_add(m, "__rmqueue", -1, &id), 0);
	r0 = start(m, 0, GFP_KERNEL, 0, 0);
	assert_int_equal(r0->state, RQ_PAUSED);
	assert_true(in_frames(r0, "rmqueue_bulk"));
	assert_int_equal(mm_break_delete(m, id), 0);
	r1 = start(m, 1, GFP_KERNEL, 0, 0);
	assert_int_equal(r1->state, RQ_WAITING);
	assert_non_null(strstr(where_of(r1), "waits for zone Normal lock held by cpu0"));
	assert_int_equal(mm_request_resume(m, 1, STEP_INTO), MM_EINVAL);
	assert_int_equal(mm_check(m), 0);
	/* cpu0 finishes and unlocks: cpu1 runs to the end by itself */
	assert_int_equal(mm_request_resume(m, 0, STEP_CONTINUE), 0);
	assert_int_equal(r0->state, RQ_DONE);
	assert_int_equal(r0->result, 0x3c00);
	mm_request_free(m, r0);
	r1 = mm_request_reap_done(m);
	assert_non_null(r1);
	assert_int_equal(r1->state, RQ_DONE);
	assert_int_equal(r1->result, 0x3c03); /* its own refill after cpu0's batch */
	mm_request_free(m, r1);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step_into_and_finish),
		cmocka_unit_test(test_breakpoint),
		cmocka_unit_test(test_lock_interleave),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
