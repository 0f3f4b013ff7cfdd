/*
 * test_view.c - the read-only view (mm/view.h): what it reports agrees
 * with what the kernel's files print, it never changes the machine, and
 * each fact comes from its one table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "view.h"

static struct mm_machine *boot(const char *preset)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_preset(&d, preset), 0);
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	return m;
}

static struct mm_machine *boot_text(const char *text)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_parse(&d, text, "t.machine", err, sizeof(err)), 0);
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	return m;
}

static char *proc(struct mm_machine *m, const char *name)
{
	struct mm_buf b;

	mm_buf_init(&b);
	assert_int_equal(mm_proc_show(m, name, &b), MM_OK);
	return b.s;
}

static void test_machine_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_machine_view v;

	(void)state;
	mm_view_machine(m, &v);
	assert_string_equal(v.profile, "linux-3.10");
	assert_string_equal(v.slab_allocator, "SLAB");
	assert_string_equal(v.arch, "x86_64");
	assert_int_equal(v.max_pfn, m->max_pfn);
	assert_int_equal(v.nr_cpus, m->nr_cpus);
	assert_int_equal(v.pageblock_nr_pages, 512);
	assert_int_equal(v.page_group_by_mobility_disabled, 0);
	mm_machine_destroy(m);
	/* 8 MiB is less than a pageblock per migrate type: no grouping */
	m = boot_text("zone DMA32 start_pfn=0x0 pages=0x800\n");
	mm_view_machine(m, &v);
	assert_int_equal(v.page_group_by_mobility_disabled, 1);
	mm_machine_destroy(m);
}

/* the zone's pageblock counts are the numbers /proc/pagetypeinfo prints,
 * and they follow a steal that changes a block's type */
static void test_pageblock_counts(void **state)
{
	/* no slab: nothing unmovable was allocated at boot */
	struct mm_machine *m = boot_text("preset x86_64-4g\nslab none\n");
	struct mm_alloc_result r;
	struct mm_zone_view before, after;
	int normal = mm_zone_by_name(m, "Normal")->idx;
	char line[256], *text;

	(void)state;
	assert_int_equal(mm_view_zone(m, normal, &before), 0);
	snprintf(line, sizeof(line), "Node 0, zone   Normal %12lu %12lu %12lu %12lu %12lu \n",
		 before.nr_pageblocks[0], before.nr_pageblocks[1], before.nr_pageblocks[2],
		 before.nr_pageblocks[3], before.nr_pageblocks[4]);
	text = proc(m, "pagetypeinfo");
	assert_non_null(strstr(text, line));
	free(text);
	/* every block of a fresh machine is Movable but the reserve: the
	 * first unmovable allocation steals the largest free block, order 10,
	 * and change_pageblock_range makes both its pageblocks Unmovable */
	assert_int_equal(before.nr_pageblocks[MIGRATE_UNMOVABLE], 0);
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 0, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(r.zone_idx, normal);
	assert_int_equal(mm_view_zone(m, normal, &after), 0);
	assert_int_equal(after.nr_pageblocks[MIGRATE_UNMOVABLE], 2);
	assert_int_equal(after.nr_pageblocks[MIGRATE_MOVABLE], before.nr_pageblocks[MIGRATE_MOVABLE] - 2);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* the zone's free counts are the lists' */
static void test_zone_free_counts(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_zone_view z;
	unsigned long blocks = 0, pages = 0;

	(void)state;
	assert_int_equal(mm_view_zone(m, mm_zone_by_name(m, "Normal")->idx, &z), 0);
	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long sum = 0;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			sum += z.nr_free_mt[o][mt];
		assert_int_equal(sum, z.nr_free[o]);
		blocks += z.nr_free[o];
		pages += z.nr_free[o] << o;
	}
	assert_true(blocks > 0);
	assert_int_equal(pages, z.free_pages);
	assert_int_equal(mm_view_zone(m, 99, &z), -1);
	mm_machine_destroy(m);
}

/* one flag table: the names, the formatter */
static void test_pageflags(void **state)
{
	char buf[128];

	(void)state;
	mm_pageflags_format(PG_head | PG_slab, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "head|slab");
	mm_pageflags_format(PG_buddy, "PG_", buf, sizeof(buf));
	assert_string_equal(buf, "PG_buddy");
	mm_pageflags_format(0, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "none");
	mm_pageflags_format(PG_writeback | PG_reclaim | PG_active, NULL, buf, 12);
	assert_string_equal(buf, "active|writ");
	/* every bit of enum pageflags has a name */
	for (uint32_t bit = 1; bit <= PG_reclaim; bit <<= 1) {
		size_t i;

		for (i = 0; i < mm_nr_pageflag_names && mm_pageflag_names[i].bit != bit; i++)
			;
		assert_true(i < mm_nr_pageflag_names);
	}
}

/* a page as the view sees it: allocated by whom, free on which list */
static void test_page_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_alloc_result r;
	struct mm_page_view pv;

	(void)state;
	assert_int_equal(mm_alloc_pages(m, 1, GFP_KERNEL, 2, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(mm_view_page(m, r.pfn + 1, &pv), 0);
	assert_int_equal(pv.state, PS_ALLOCATED);
	assert_int_equal(pv.head_pfn, r.pfn);
	assert_int_equal(pv.order, 2);
	assert_int_equal(pv.owner_kind, OWNER_KERNEL);
	assert_int_equal(pv.cpu, 1);
	assert_true(pv.flags & PG_tail);
	assert_int_equal(mm_free_pages(m, 1, r.pfn, 2), 0);
	assert_int_equal(mm_view_page(m, r.pfn, &pv), 0);
	assert_int_equal(pv.state, PS_FREE);
	assert_true(pv.flags & PG_buddy);
	assert_int_equal(mm_view_page(m, m->max_pfn, &pv), -1);
	mm_machine_destroy(m);
}

/* pcp lists through the view: counts and contents */
static void test_pcp_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_alloc_result r;
	struct mm_pcp_view p;
	int z;
	unsigned long n = 0;

	(void)state;
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 0, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	z = r.zone_idx;
	assert_int_equal(mm_free_pages(m, 0, r.pfn, 0), 0);
	assert_int_equal(mm_view_pcp(m, 0, z, &p), 0);
	assert_true(p.count > 0);
	/* the freed page is hot: the head of the Unmovable list */
	assert_int_equal(mm_view_list_first(m, p.list[MIGRATE_UNMOVABLE]), r.pfn);
	for (unsigned long pfn = mm_view_list_first(m, p.list[MIGRATE_UNMOVABLE]); pfn != MM_NOPFN;
	     pfn = mm_view_list_next(m, pfn))
		n++;
	assert_int_equal(n, p.list_count[MIGRATE_UNMOVABLE]);
	assert_int_equal(mm_view_pcp(m, m->nr_cpus, z, &p), -1);
	mm_machine_destroy(m);
}

/* the slabinfo numbers of the view are the ones /proc/slabinfo prints */
static void test_cache_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c;
	struct mm_cache_view v;
	unsigned long addr;
	char line[256], *text;
	int id, n = 0;

	(void)state;
	assert_int_equal(kmem_cache_create(m, "foo", 100, 0, 0, 0, &c), 0);
	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &addr), 0);
	id = mm_view_cache_find(m, "foo");
	assert_int_equal(id, c->id);
	assert_int_equal(mm_view_cache(m, id, &v), 0);
	assert_string_equal(v.name, "foo");
	assert_int_equal(v.object_size, 100);
	assert_int_equal(v.active_slabs, 1);
	assert_int_equal(v.slab.nr_slabs[SLABS_PARTIAL], 1);
	assert_true(v.slab.avail[0] > 0);
	snprintf(line, sizeof(line), "%-17s %6lu %6lu %6u %4u %4d", v.name, v.active_objs, v.num_objs, v.size,
		 v.objs_per_slab, 1 << v.order);
	text = proc(m, "slabinfo");
	assert_non_null(strstr(text, line));
	free(text);
	/* the walk: newest first, foo first */
	assert_int_equal(mm_view_cache_next(m, -1), id);
	for (int i = mm_view_cache_next(m, -1); i >= 0; i = mm_view_cache_next(m, i))
		n++;
	assert_true(n > 10);
	assert_int_equal(mm_view_cache(m, 9999, &v), -1);
	mm_machine_destroy(m);
}

/* walk one list of a cache through the view, checking each slab against
 * the model's own struct slab and the counts of its objects; how many
 * objects of each state the list holds */
static unsigned long walk_slab_list(struct mm_machine *m, const struct mm_cache_view *cv, int list,
				    unsigned long states[3])
{
	unsigned long n = 0;
	unsigned int prev = 0;

	for (unsigned int id = mm_view_slab_first(m, cv->id, list); id; id = mm_view_slab_next(m, id)) {
		const struct slab *sl = mm_slab_by_id(m, id);
		struct mm_slab_view sv;
		struct mm_page_view pv;
		unsigned int used = 0;

		assert_int_equal(mm_view_slab(m, id, &sv), 0);
		assert_non_null(sl);
		assert_int_equal(sv.id, id);
		assert_int_equal(sl->prev, prev); /* head first, in the list's order */
		prev = id;
		assert_int_equal(sv.list, list);
		assert_int_equal(sv.pfn, sl->pfn);
		assert_int_equal(sv.colouroff, sl->colouroff);
		assert_int_equal(sv.s_mem, sl->s_mem);
		assert_int_equal(sv.desc, sl->desc);
		assert_int_equal(sv.inuse, sl->inuse);
		assert_int_equal(sv.free, sl->free);
		assert_int_equal(sv.num, cv->objs_per_slab);
		/* object 0 sits colouroff bytes into the slab's first page */
		assert_int_equal(sv.s_mem, mm_page_offset(m) + sv.pfn * PAGE_SIZE + sv.colouroff);
		/* its pages belong to the cache */
		assert_int_equal(mm_view_page(m, sv.pfn, &pv), 0);
		assert_true(pv.flags & PG_slab);
		assert_int_equal(pv.owner_kind, OWNER_SLAB);
		/* inuse counts what is out of the slab: allocated or in an array */
		assert_non_null(sv.obj_state);
		for (unsigned int i = 0; i < sv.num; i++) {
			assert_true(sv.obj_state[i] <= OBJ_ALLOCATED);
			states[sv.obj_state[i]]++;
			used += sv.obj_state[i] != OBJ_FREE;
		}
		assert_int_equal(used, sv.inuse);
		assert_true(list != SLABS_FULL || sv.inuse == sv.num);
		assert_true(list != SLABS_FREE || sv.inuse == 0);
		assert_true(list != SLABS_PARTIAL || (sv.inuse > 0 && sv.inuse < sv.num));
		assert_true(n < cv->slab.nr_slabs[list]); /* the walk ends */
		n++;
	}
	return n;
}

/* a cache's slabs through the view, list by list, as the model keeps them */
static void test_slab_view(void **state)
{
	static const char *const names[] = { "foo", "big" }; /* on-slab, off-slab */
	struct mm_machine *m = boot("tiny");
	struct mm_slab_view sv;

	(void)state;
	for (int k = 0; k < 2; k++) {
		struct kmem_cache *c;
		struct mm_cache_view cv;
		unsigned long addr, states[3] = { 0 }, cached;
		unsigned int id;
		int nobjs;

		assert_int_equal(kmem_cache_create(m, names[k], k ? 1024 : 100, 0, 0, 0, &c), 0);
		/* one object: foo's node has free objects (what follows its
		 * lists in memory is not 0), and there are only three lists */
		assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &addr), 0);
		assert_true(k || c->node->free_objects > 0);
		assert_int_equal(mm_view_slab_first(m, c->id, SLABS_NONE), 0);
		assert_int_equal(mm_view_slab_first(m, c->id, -1), 0);
		nobjs = (int)c->num + 3; /* a full slab and a partial one at least */
		for (int i = 1; i < nobjs; i++)
			assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &addr), 0);
		assert_int_equal(kmem_cache_free(m, 0, c, addr), 0);
		assert_int_equal(mm_view_cache(m, c->id, &cv), 0);
		assert_int_equal(cv.slab.off_slab, k);
		assert_true(cv.slab.nr_slabs[SLABS_FULL] >= 1);
		for (int l = SLABS_PARTIAL; l <= SLABS_FREE; l++) {
			id = mm_view_slab_first(m, c->id, l);
			assert_int_equal(id, c->node->slabs[l].head);
			assert_int_equal(walk_slab_list(m, &cv, l, states), cv.slab.nr_slabs[l]);
		}
		/* every object is somewhere: allocated, cached in an array, free */
		assert_int_equal(states[OBJ_ALLOCATED], nobjs - 1);
		cached = cv.shared_avail;
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			cached += cv.slab.avail[cpu];
		assert_int_equal(states[OBJ_CACHED], cached);
		assert_int_equal(states[OBJ_ALLOCATED] + states[OBJ_CACHED] + states[OBJ_FREE],
				 cv.num_objs);
		/* off-slab: the descriptor is an object of slabp_cache */
		id = mm_view_slab_first(m, c->id, SLABS_FULL);
		assert_int_equal(mm_view_slab(m, id, &sv), 0);
		assert_true(k ? sv.desc != 0 : sv.desc == 0);
	}
	/* no such cache, list or slab */
	assert_int_equal(mm_view_slab_first(m, 9999, SLABS_FULL), 0);
	assert_int_equal(mm_view_slab_first(m, -1, SLABS_FULL), 0);
	assert_int_equal(mm_view_slab(m, 0, &sv), -1);
	assert_int_equal(mm_view_slab_next(m, 0), 0);
	mm_machine_destroy(m);
	/* a machine without SLAB has no slabs */
	m = boot_text("preset tiny\nslab none\n");
	assert_int_equal(mm_view_slab_first(m, 0, SLABS_FULL), 0);
	assert_int_equal(mm_view_slab(m, 1, &sv), -1);
	assert_int_equal(mm_view_slab_next(m, 1), 0);
	mm_machine_destroy(m);
}

/* /proc/vmstat is the view's rows */
static void test_vmstat_rows(void **state)
{
	struct mm_machine *m = boot("tiny");
	char *text = proc(m, "vmstat"), line[128];
	const char *name;
	unsigned long v;
	int i;

	(void)state;
	for (i = 0; mm_view_vmstat(m, i, &name, &v) == 0; i++) {
		snprintf(line, sizeof(line), "%s %lu\n", name, v);
		assert_non_null(strstr(text, line));
	}
	assert_true(i > 40);
	assert_int_equal(mm_view_vmstat(m, -1, &name, &v), -1);
	free(text);
	mm_machine_destroy(m);
}

/* a stopped request through the view: its stage, typed */
static void test_request_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_request_spec proto = { .cpu = 0, .kind = REQ_ALLOC_PAGES, .gfp = GFP_KERNEL, .order = 0,
				    .stepping = 1 };
	struct mm_request *r;
	struct mm_request_view v;
	const char *fn;
	char args[128];

	(void)state;
	proto.owner = MM_OWNER(OWNER_KERNEL, 0);
	assert_int_equal(mm_request_start(m, &proto, &r), 0);
	assert_int_equal(mm_view_request(m, 0, &v), 0);
	assert_int_equal(v.state, RQ_PAUSED);
	assert_string_equal(v.stage_kind, "enter");
	assert_string_equal(v.stage_func, "__alloc_pages_nodemask");
	assert_non_null(strstr(v.reason, "order 0"));
	assert_int_equal(mm_view_frame(m, 0, 0, &fn, args, sizeof(args)), 0);
	assert_string_equal(fn, "__alloc_pages_nodemask");
	assert_non_null(strstr(args, "order 0"));
	/* the reason as values: order, gfp, ... as the call site gave them */
	assert_non_null(v.reason_values.fmt);
	assert_true(v.reason_values.nargs >= 2);
	assert_int_equal(v.reason_values.kind[0], MM_ARG_UINT);
	assert_int_equal(v.reason_values.arg[0].u, 0);
	assert_int_equal(v.reason_values.arg[1].u, GFP_KERNEL);
	assert_int_equal(mm_view_request(m, 1, &v), -1);
	assert_int_equal(mm_request_resume(m, 0, STEP_CONTINUE), 0);
	assert_int_equal(r->state, RQ_DONE);
	assert_int_equal(mm_view_request(m, 0, &v), -1);
	mm_request_free(m, r);
	mm_machine_destroy(m);
}

/* what the screen reads of requests: ids, a free's pfn, the running one */
struct running_seen {
	int cpu;
	unsigned long id;
	int frame0;
};

static void see_running(struct mm_machine *m, const struct mm_event *ev, void *ud)
{
	struct running_seen *rs = ud;
	struct mm_running_view run;

	(void)ev;
	mm_view_running(m, &run);
	rs->cpu = run.cpu;
	rs->id = run.id;
	if (rs->cpu >= 0)
		rs->frame0 = mm_view_frame_func(m, rs->cpu, 0);
}

static void test_request_ids_and_running(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_request_spec a = { .cpu = 0, .kind = REQ_ALLOC_PAGES, .gfp = GFP_KERNEL, .stepping = 1 };
	struct mm_request_spec f = { .cpu = 1, .kind = REQ_FREE_PAGES, .order = 0, .stepping = 1 };
	struct running_seen rs = { -2, 0, -2 };
	struct mm_request_view v;
	struct mm_alloc_result res;
	struct mm_request *r0, *r1;
	struct mm_running_view run;

	(void)state;
	assert_int_equal(mm_alloc_pages(m, 1, GFP_KERNEL, 0, MM_OWNER(OWNER_KERNEL, 0), &res), 0);
	f.pfn = res.pfn;
	a.owner = MM_OWNER(OWNER_KERNEL, 0);
	assert_int_equal(mm_view_running(m, &run), -1);
	assert_int_equal(mm_view_request_state(m, 0), -1);
	assert_int_equal(mm_request_start(m, &a, &r0), 0);
	assert_int_equal(mm_request_start(m, &f, &r1), 0);
	assert_int_equal(mm_view_request_state(m, 0), RQ_PAUSED);
	assert_int_equal(mm_view_request(m, 0, &v), 0);
	assert_int_equal(v.id, 1);
	assert_int_equal(v.stepping, 1);
	assert_null(v.cache_name);
	assert_int_equal(mm_view_frame_func(m, 0, 0), FN___alloc_pages_nodemask);
	assert_int_equal(mm_view_frame_func(m, 0, 5), -1);
	assert_int_equal(mm_view_request(m, 1, &v), 0);
	assert_int_equal(v.id, 2);
	assert_int_equal(v.kind, REQ_FREE_PAGES);
	assert_string_equal(mm_req_kind_names[v.kind], "free_pages");
	assert_string_equal(mm_req_state_names[v.state], "stopped");
	assert_int_equal(v.pfn, res.pfn);
	/* from inside the request (an observer), the view says who runs */
	mm_set_observer(m, see_running, &rs, MM_EV_STAGES);
	assert_int_equal(mm_request_resume(m, 1, STEP_INTO), 0);
	assert_int_equal(rs.cpu, 1);
	assert_int_equal(rs.id, 2);
	assert_int_equal(rs.frame0, FN___free_pages);
	mm_set_observer(m, NULL, NULL, 0);
	assert_int_equal(mm_view_running(m, &run), -1);
	assert_int_equal(mm_request_resume(m, 1, STEP_CONTINUE), 0);
	assert_int_equal(mm_request_resume(m, 0, STEP_CONTINUE), 0);
	mm_request_free(m, r0);
	mm_request_free(m, r1);
	mm_machine_destroy(m);
}

/* the screen's highlights: the lists that changed, taken once */
static void test_take_changes(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	struct mm_alloc_result res;
	uint8_t bits[MAX_ORDER];
	int any = 0;

	(void)state;
	mm_view_machine(m, &mv);
	int z = -1;

	assert_int_equal(mv.cur_cpu, 0);
	/* tiny: DMA, DMA32 and Movable are configured but empty */
	assert_int_equal(mm_view_zone(m, 0, &zv), 0);
	assert_int_equal(zv.type, ZONE_DMA);
	for (int i = 0; i < mv.nr_zones && z < 0; i++)
		if (mm_view_zone(m, i, &zv) == 0 && zv.populated)
			z = i;
	assert_int_equal(zv.type, ZONE_NORMAL);
	assert_int_equal(mm_zone_take_changes(m, z, bits), 0);
	/* an order-5 allocation splits a block: lists of its migratetype change */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 5, MM_OWNER(OWNER_KERNEL, 0), &res), 0);
	assert_int_equal(mm_zone_take_changes(m, z, bits), 0);
	for (int o = 0; o < MAX_ORDER; o++)
		any |= bits[o];
	assert_true(bits[5] & (1u << MIGRATE_UNMOVABLE));
	assert_true(any);
	/* taken: the marks are gone */
	assert_int_equal(mm_zone_take_changes(m, z, bits), 0);
	for (int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(bits[o], 0);
	assert_int_equal(mm_zone_take_changes(m, mv.nr_zones, bits), -1);
	mm_machine_destroy(m);
}

/* a memory map's cell: the page's own flags, order and owner, nothing searched */
static void test_page_cell(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_alloc_result r;
	struct mm_page_cell c;
	struct mm_page_view pv;

	(void)state;
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 2, MM_OWNER(OWNER_KERNEL, 7), &r), 0);
	assert_int_equal(mm_view_page_cell(m, r.pfn, &c), 0);
	assert_int_equal(c.flags, m->mem_map[r.pfn].flags);
	assert_true(c.flags & PG_head);
	assert_int_equal(c.order, 2);
	assert_int_equal(c.owner_kind, OWNER_KERNEL);
	assert_int_equal(c.owner_id, 7);
	/* a tail page: its owner, but no order of its own */
	assert_int_equal(mm_view_page_cell(m, r.pfn + 3, &c), 0);
	assert_true(c.flags & PG_tail);
	assert_int_equal(c.order, 0);
	assert_int_equal(c.owner_kind, OWNER_KERNEL);
	/* freed: the head of a free block, its order from the page; no owner */
	assert_int_equal(mm_free_pages(m, 0, r.pfn, 2), 0);
	assert_int_equal(mm_view_page(m, r.pfn, &pv), 0);
	assert_int_equal(pv.state, PS_FREE);
	assert_int_equal(mm_view_page_cell(m, pv.head_pfn, &c), 0);
	assert_true(c.flags & PG_buddy);
	assert_int_equal(c.order, pv.order);
	assert_int_equal(c.owner_kind, OWNER_NONE);
	assert_int_equal(c.owner_id, 0);
	assert_int_equal(mm_view_page_cell(m, m->max_pfn, &c), -1);
	assert_int_equal(c.flags, 0);
	mm_machine_destroy(m);
}

/* a pfn of a memory section that is not present has no struct page */
static void test_page_cell_absent_section(void **state)
{
	/* x86_64 sections are 128 MiB (32768 pages): the hole covers the second */
	struct mm_machine *m = boot_text("preset x86_64-4g\nhole 0x8000-0xffff\n");
	struct mm_page_cell c;

	(void)state;
	assert_int_equal(mm_view_page_cell(m, 0x9000, &c), -1);
	assert_int_equal(c.flags, 0);
	assert_int_equal(mm_view_pageblock_mt(m, 0x9000), -1);
	assert_int_equal(mm_view_page_cell(m, 0x10000, &c), 0);
	mm_machine_destroy(m);
}

/* the migrate type an allocation was taken as, from what the model records */
static void test_alloc_migratetype(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_alloc_result r;
	struct mm_machine_view mv;
	struct kmem_cache *c;
	struct task *t;
	unsigned long addr, added;

	(void)state;
	mm_view_machine(m, &mv);
	assert_int_equal(mv.page_group_by_mobility_disabled, 0);
	/* an order-0 kernel page: the pcp list it came from */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 0, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, r.pfn), MIGRATE_UNMOVABLE);
	assert_int_equal(mm_alloc_pages(m, 0, GFP_HIGHUSER_MOVABLE, 0, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, r.pfn), MIGRATE_MOVABLE);
	/* a higher-order one has no record; a tail or a free page heads nothing */
	assert_int_equal(mm_alloc_pages(m, 0, GFP_KERNEL, 2, MM_OWNER(OWNER_KERNEL, 0), &r), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, r.pfn), -1);
	assert_int_equal(mm_view_alloc_migratetype(m, r.pfn + 1), -1);
	assert_int_equal(mm_free_pages(m, 0, r.pfn, 2), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, r.pfn), -1);
	assert_int_equal(mm_view_alloc_migratetype(m, m->max_pfn), -1);
	/* slab pages: reclaimable only for a SLAB_RECLAIM_ACCOUNT cache */
	assert_int_equal(kmem_cache_create(m, "recl", 100, 0, SLAB_RECLAIM_ACCOUNT, 0, &c), 0);
	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &addr), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, (addr - mm_page_offset(m)) >> PAGE_SHIFT),
			 MIGRATE_RECLAIMABLE);
	assert_int_equal(kmem_cache_create(m, "unrecl", 100, 0, 0, 0, &c), 0);
	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &addr), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, (addr - mm_page_offset(m)) >> PAGE_SHIFT),
			 MIGRATE_UNMOVABLE);
	/* anon pages follow their task's gfp mask */
	assert_int_equal(task_spawn(m, "pinned", 1, GFP_KERNEL, &t), 0);
	assert_true(t->pte[0] & PTE_PRESENT);
	assert_int_equal(mm_view_alloc_migratetype(m, t->pte[0] & ~PTE_PRESENT), MIGRATE_UNMOVABLE);
	assert_int_equal(task_spawn(m, "movable", 1, GFP_HIGHUSER_MOVABLE, &t), 0);
	assert_int_equal(mm_view_alloc_migratetype(m, t->pte[0] & ~PTE_PRESENT), MIGRATE_MOVABLE);
	/* the page cache is movable */
	assert_int_equal(mm_pagecache_add(m, 1, 0, &added), 0);
	assert_int_equal(added, 1);
	assert_int_equal(mm_view_alloc_migratetype(m, m->work.file.pages[0] - 1), MIGRATE_MOVABLE);
	mm_machine_destroy(m);
}

/* a cache's name by id, as mm_view_cache has it */
static void test_cache_name(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct kmem_cache *c;
	struct mm_cache_view v;

	(void)state;
	assert_int_equal(kmem_cache_create(m, "named", 64, 0, 0, 0, &c), 0);
	assert_string_equal(mm_view_cache_name(m, c->id), "named");
	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id)) {
		assert_int_equal(mm_view_cache(m, id, &v), 0);
		assert_string_equal(mm_view_cache_name(m, id), v.name);
	}
	assert_null(mm_view_cache_name(m, 9999));
	assert_null(mm_view_cache_name(m, -1));
	mm_machine_destroy(m);
}

/* kswapd's own order while it runs, and the end of its nap */
static void test_kswapd_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_zone_view z;
	struct mm_kswapd_view k;
	struct mm_machine_view mv;
	unsigned long added;
	int normal = mm_zone_by_name(m, "Normal")->idx;

	(void)state;
	/* leave 380 free pages, then raise the watermarks over them (low 500) */
	assert_int_equal(mm_view_zone(m, normal, &z), 0);
	assert_int_equal(mm_pagecache_add(m, z.free_pages - 380, 0, &added), 0);
	assert_int_equal(mm_set_min_free_kbytes(m, 1600), 0);
	mm_wakeup_kswapd(m, mm_view_zone_find(m, "Normal"), 2);
	mm_tick(m, 1);
	mm_view_kswapd(m, &k);
	assert_int_equal(k.state, KSWAPD_RUNNING);
	assert_int_equal(k.order, m->work.kswapd.order);
	assert_int_equal(k.order, 2);
	for (int t = 0; t < 200 && k.state == KSWAPD_RUNNING; t++) {
		mm_tick(m, 1);
		mm_view_kswapd(m, &k);
	}
	assert_int_equal(k.state, KSWAPD_NAPPING);
	mm_view_machine(m, &mv);
	assert_int_equal(k.nap_end, m->work.kswapd.nap_end);
	assert_true(k.nap_end > mv.jiffies && k.nap_end <= mv.jiffies + HZ / 10);
	mm_machine_destroy(m);
}

/* the operations name caches by id and tasks by pid: one that is gone is
 * refused with MM_ENOENT and changes nothing */
static void test_ops_by_id(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_machine_view mv;
	struct mm_task_view tv;
	struct mm_zone_view z;
	unsigned long addr, free_before;
	int id, pid, normal = mm_view_zone_find(m, "Normal");

	(void)state;
	/* the cpu an operation runs on is the caller's to name */
	assert_int_equal(mm_kmem_cache_create(m, 2, "byid", 100, 0, 0, 0, &id), MM_EINVAL);
	assert_string_equal(mm_view_error(m), "cpu 2 does not exist (cpus 0-1)");
	assert_int_equal(id, -1);
	assert_int_equal(mm_view_cache_find(m, "byid"), -1);
	assert_int_equal(mm_compact_memory(m, -1), MM_EINVAL);
	assert_int_equal(mm_kmem_cache_create(m, 1, "byid", 100, 0, 0, 0, &id), MM_OK);
	assert_int_equal(id, mm_view_cache_find(m, "byid"));
	assert_int_equal(mm_kmem_cache_alloc(m, 0, id, GFP_KERNEL, &addr), MM_OK);
	assert_int_equal(mm_view_object_cache(m, addr) != NULL, 1);
	assert_string_equal(mm_view_object_cache(m, addr), "byid");
	assert_int_equal(mm_kmem_cache_free(m, 0, id, addr), MM_OK);
	assert_int_equal(mm_kmem_cache_destroy(m, 0, id), MM_OK);
	assert_int_equal(mm_view_cache_find(m, "byid"), -1);
	mm_view_zone(m, normal, &z);
	free_before = z.free_pages;
	assert_int_equal(mm_kmem_cache_alloc(m, 0, id, GFP_KERNEL, &addr), MM_ENOENT);
	assert_int_equal(addr, 0);
	assert_int_equal(mm_kmem_cache_shrink(m, 0, id), MM_ENOENT);
	assert_int_equal(mm_kmem_cache_destroy(m, 0, id), MM_ENOENT);
	assert_int_equal(mm_register_shrinker(m, id), MM_ENOENT);
	assert_int_equal(mm_kmem_cache_free(m, 0, -1, 0), MM_ENOENT);
	assert_non_null(strstr(mm_view_error(m), "no cache with id -1"));
	mm_view_zone(m, normal, &z);
	assert_int_equal(z.free_pages, free_before);

	mm_view_machine(m, &mv);
	assert_int_equal(mm_task_spawn(m, "t", 10, 0, &pid), MM_OK);
	assert_int_equal(pid, mv.next_pid);
	assert_int_equal(mm_task_touch(m, pid, 20), MM_OK);
	assert_int_equal(mm_view_task(m, pid, &tv), 0);
	assert_int_equal(tv.rss, 20);
	assert_int_equal(mm_oom_score_adj(m, pid, 500), MM_OK);
	assert_int_equal(mm_view_task(m, pid, &tv), 0);
	assert_int_equal(tv.oom_score_adj, 500);
	assert_int_equal(mm_task_exit(m, pid), MM_OK);
	assert_int_equal(mm_task_touch(m, pid, 1), MM_ENOENT);
	assert_int_equal(mm_task_exit(m, pid), MM_ENOENT);
	assert_int_equal(mm_oom_score_adj(m, pid, 0), MM_ENOENT);
	assert_non_null(strstr(mm_view_error(m), "no task with pid"));
	/* refused before it exists: no pid */
	assert_int_equal(mm_task_spawn(m, "bad", 1, 0x3, &pid), MM_EINVAL);
	assert_int_equal(pid, 0);
	assert_int_equal(mm_check(m), 0);
	mm_machine_destroy(m);
}

/* SLAB detail through the view: the array caches, an object, the slab of a page */
static void test_slab_detail(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_array_view ac;
	struct mm_object_view o;
	struct mm_slab_view sv;
	struct mm_cache_view cv;
	unsigned long a[3];
	int id;

	(void)state;
	assert_int_equal(mm_kmem_cache_create(m, 0, "detail", 256, 0, 0, 0, &id), MM_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(mm_kmem_cache_alloc(m, 0, id, GFP_KERNEL, &a[i]), MM_OK);
	assert_int_equal(mm_kmem_cache_free(m, 0, id, a[1]), MM_OK);
	/* the freed object sits on top of cpu0's array */
	assert_int_equal(mm_view_array(m, id, 0, &ac), 0);
	assert_true(ac.avail >= 1);
	assert_int_equal(ac.entry[ac.avail - 1], a[1]);
	/* every entry is a distinct object of the cache, cached in cpu0's array */
	for (unsigned int i = 0; i < ac.avail; i++) {
		assert_int_equal(mm_view_object(m, ac.entry[i], &o), 0);
		assert_int_equal(o.cache_id, id);
		assert_int_equal(o.state, OBJ_CACHED);
		for (unsigned int j = 0; j < i; j++)
			assert_int_not_equal(ac.entry[i], ac.entry[j]);
	}
	assert_int_equal(mm_view_cache(m, id, &cv), 0);
	assert_int_equal(ac.limit, cv.slab.array_limit[0]);
	assert_int_equal(ac.avail, cv.slab.avail[0]);
	assert_int_equal(mm_view_array(m, id, 7, &ac), -1); /* tiny has 2 cpus */
	assert_int_equal(mm_view_array(m, 9999, 0, &ac), -1);
	assert_int_equal(mm_view_array(m, id, -1, &ac), cv.slab.has_shared ? 0 : -1);
	/* the object: cached in cpu0's array; an address inside it finds it too */
	assert_int_equal(mm_view_object(m, a[1] + 10, &o), 0);
	assert_int_equal(o.cache_id, id);
	assert_int_equal(o.obj, a[1]);
	assert_int_equal(o.state, OBJ_CACHED);
	assert_int_equal(o.where_cpu, 0);
	assert_int_equal(mm_view_object(m, a[0], &o), 0);
	assert_int_equal(o.state, OBJ_ALLOCATED);
	/* its slab, found from the page too */
	assert_int_equal(mm_view_slab(m, o.slab_id, &sv), 0);
	assert_int_equal(sv.cache_id, id);
	assert_int_equal(mm_view_page_slab(m, (a[0] - mm_page_offset(m)) >> PAGE_SHIFT), o.slab_id);
	assert_int_equal(mm_view_page_slab(m, 0), 0);
	assert_int_equal(mm_view_object(m, 0x1000, &o), -1);
	assert_int_equal(o.cache_id, -1);
	mm_machine_destroy(m);
}

/* the LRU lists, the page cache and kswapd through the view */
static void test_reclaim_view(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_reclaim_view r;
	struct mm_lru_view l;
	struct mm_kswapd_view k;
	struct mm_zone_view z;
	unsigned long added, touched, activated, pfn, n = 0;
	int normal = mm_view_zone_find(m, "Normal"), found = 0;

	(void)state;
	assert_int_equal(mm_pagecache_add(m, 100, 0, &added), MM_OK);
	mm_view_reclaim(m, &r);
	assert_int_equal(r.pagecache_pages, 100);
	assert_int_equal(r.pagecache_length, 100);
	assert_int_equal(r.swappiness, 60);
	assert_int_equal(r.writeback_nr, 0);
	assert_int_equal(mm_view_pagecache_page(m, 100), MM_NOPFN);
	pfn = mm_view_pagecache_page(m, 5);
	assert_true(pfn != MM_NOPFN);
	assert_int_equal(mm_view_lru(m, normal, &l), 0);
	assert_int_equal(l.nr[LRU_INACTIVE_FILE], 100);
	assert_int_equal(l.nr[LRU_ACTIVE_FILE], 0);
	for (unsigned long p = mm_view_list_first(m, l.list[LRU_INACTIVE_FILE]); p != MM_NOPFN;
	     p = mm_view_list_next(m, p), n++)
		found |= p == pfn;
	assert_int_equal(n, 100);
	assert_true(found);
	assert_int_equal(mm_view_global_stat(m, NR_FILE_PAGES), 100);
	/* read twice: referenced, then active */
	assert_int_equal(mm_pagecache_read(m, 5, 1, &touched, &activated), MM_OK);
	assert_int_equal(touched, 1);
	assert_int_equal(activated, 0);
	assert_int_equal(mm_pagecache_read(m, 5, 1, &touched, &activated), MM_OK);
	assert_int_equal(activated, 1);
	mm_view_lru(m, normal, &l);
	assert_int_equal(l.nr[LRU_ACTIVE_FILE], 1);
	assert_int_equal(mm_view_list_first(m, l.list[LRU_ACTIVE_FILE]), pfn);
	assert_int_equal(mm_pagecache_read(m, 100, 1, &touched, &activated), MM_EINVAL);
	assert_int_equal(mm_view_lru(m, 99, &l), -1);
	/* kswapd: not woken while the zones are above low; once below, the
	 * wakeup is kept until the next tick */
	assert_int_equal(mm_wakeup_kswapd(m, 99, 0), MM_EINVAL);
	assert_int_equal(mm_wakeup_kswapd(m, -1, 0), MM_OK);
	mm_view_kswapd(m, &k);
	assert_int_equal(k.woken, 0);
	mm_view_zone(m, normal, &z);
	assert_int_equal(mm_pagecache_add(m, z.free_pages - 380, 0, &added), MM_OK);
	assert_int_equal(mm_set_min_free_kbytes(m, 1600), MM_OK);
	assert_int_equal(mm_wakeup_kswapd(m, normal, 1), MM_OK);
	mm_view_kswapd(m, &k);
	assert_int_equal(k.woken, 1);
	mm_machine_destroy(m);
}

/* The slab allocator sits behind struct mm_slab_ops: the operations, the
 * clock, the checker and the view reach it through the machine's table.
 * A table that counts and forwards to SLAB's sees every one of them. */
static struct { int alloc, free, kmalloc, tick, check, view; } seen;
static int count_alloc(struct mm_machine *m, int cpu, struct kmem_cache *c, gfp_t gfp,
		       unsigned long *addr)
{
	seen.alloc++;
	return mm_slab_ops_slab.cache_alloc(m, cpu, c, gfp, addr);
}
static int count_free(struct mm_machine *m, int cpu, struct kmem_cache *c, unsigned long addr)
{
	seen.free++;
	return mm_slab_ops_slab.cache_free(m, cpu, c, addr);
}
static int count_kmalloc(struct mm_machine *m, int cpu, size_t size, gfp_t gfp, unsigned long *addr)
{
	seen.kmalloc++;
	return mm_slab_ops_slab.kmalloc(m, cpu, size, gfp, addr);
}
static void count_tick(struct mm_machine *m)
{
	seen.tick++;
	mm_slab_ops_slab.tick(m);
}
static int count_check(struct mm_machine *m)
{
	seen.check++;
	return mm_slab_ops_slab.check(m);
}
static int count_view(const struct mm_machine *m, int id, struct mm_cache_view *v)
{
	seen.view++;
	return mm_slab_ops_slab.view_cache(m, id, v);
}

static void test_slab_ops_boundary(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_slab_ops counting = mm_slab_ops_slab;
	struct mm_machine_view mv;
	struct mm_cache_view cv;
	unsigned long a, k;
	int id;

	(void)state;
	counting.name = "COUNTING";
	counting.cache_alloc = count_alloc;
	counting.cache_free = count_free;
	counting.kmalloc = count_kmalloc;
	counting.tick = count_tick;
	counting.check = count_check;
	counting.view_cache = count_view;
	m->slab_ops = &counting;
	memset(&seen, 0, sizeof(seen));
	mm_view_machine(m, &mv);
	assert_string_equal(mv.slab_allocator, "COUNTING");
	assert_int_equal(mm_kmem_cache_create(m, 0, "counted", 64, 0, 0, 0, &id), MM_OK);
	assert_int_equal(mm_kmem_cache_alloc(m, 0, id, GFP_KERNEL, &a), MM_OK);
	assert_int_equal(mm_kmem_cache_free(m, 0, id, a), MM_OK);
	assert_int_equal(mm_kmalloc(m, 0, 100, GFP_KERNEL, &k), MM_OK);
	assert_int_equal(mm_kfree(m, 0, k), MM_OK);
	mm_tick(m, 3);
	assert_int_equal(mm_check(m), MM_OK);
	assert_int_equal(mm_view_cache(m, id, &cv), 0);
	assert_int_equal(seen.alloc, 1);
	assert_int_equal(seen.free, 1);
	assert_int_equal(seen.kmalloc, 1);
	assert_int_equal(seen.tick, 3);
	assert_int_equal(seen.check, 1);
	assert_int_equal(seen.view, 1);
	m->slab_ops = &mm_slab_ops_slab;
	mm_machine_destroy(m);

	/* slab none: no table, every slab operation refused with one line */
	m = boot_text("preset tiny\nslab none\n");
	mm_view_machine(m, &mv);
	assert_string_equal(mv.slab_allocator, "none");
	assert_int_equal(mm_kmem_cache_create(m, 0, "x", 64, 0, 0, 0, &id), MM_EINVAL);
	assert_int_equal(id, -1);
	assert_string_equal(mm_view_error(m), "the slab allocator is off on this machine (slab none)");
	assert_int_equal(mm_kmalloc(m, 0, 64, GFP_KERNEL, &k), MM_EINVAL);
	assert_int_equal(mm_kmem_cache_alloc(m, 0, 0, GFP_KERNEL, &a), MM_EINVAL);
	assert_int_equal(mm_view_cache(m, 0, &cv), -1);
	mm_machine_destroy(m);
}

/* `cpu N` and `check stages`: the operations change what the view and the
 * model read, and refuse a cpu that does not exist */
static void test_set_cur_cpu_and_check_stages(void **state)
{
	struct mm_machine *m = boot("x86_64-4g");
	struct mm_machine_view mv;

	(void)state;
	mm_view_machine(m, &mv);
	assert_int_equal(mv.cur_cpu, 0);
	assert_true(mv.nr_cpus > 1);
	assert_int_equal(mm_set_cur_cpu(m, mv.nr_cpus - 1), MM_OK);
	mm_view_machine(m, &mv);
	assert_int_equal(mv.cur_cpu, mv.nr_cpus - 1);
	assert_int_equal(m->cur_cpu, mv.nr_cpus - 1);
	assert_int_equal(mm_set_cur_cpu(m, mv.nr_cpus), MM_EINVAL);
	assert_non_null(strstr(mm_view_error(m), "does not exist"));
	assert_int_equal(mm_set_cur_cpu(m, -1), MM_EINVAL);
	mm_view_machine(m, &mv);
	assert_int_equal(mv.cur_cpu, mv.nr_cpus - 1);
	mm_set_check_stages(m, 1);
	assert_int_equal(m->check_stages, 1);
	assert_true(m->watch);
	assert_non_null(m->check_dirty);
	mm_set_check_stages(m, 0);
	assert_int_equal(m->check_stages, 0);
	assert_false(m->watch);
	assert_null(m->check_dirty);
	mm_machine_destroy(m);
}

/* the requests in progress, counted at once, and a request read through
 * the pointer its start handed back, before and after it finished */
static void test_request_status(void **state)
{
	struct mm_machine *m = boot("tiny");
	struct mm_request_spec a = { .cpu = 1, .kind = REQ_ALLOC_PAGES, .gfp = GFP_KERNEL, .order = 2,
				     .stepping = 1 };
	struct mm_request_spec f = { .cpu = 0, .kind = REQ_FREE_PAGES, .pfn = 0, .order = 0 };
	struct mm_request_status_view st;
	struct mm_request *ra, *rf;

	(void)state;
	a.owner = MM_OWNER(OWNER_KERNEL, 0);
	assert_int_equal(mm_view_nr_requests(m), 0);
	assert_int_equal(mm_request_start(m, &a, &ra), 0);
	assert_int_equal(mm_view_nr_requests(m), 1);
	mm_view_request_status(m, ra, &st);
	assert_int_equal(st.id, 1);
	assert_int_equal(st.cpu, 1);
	assert_int_equal(st.kind, REQ_ALLOC_PAGES);
	assert_int_equal(st.state, RQ_PAUSED);
	assert_int_equal(st.stepping, 1);
	assert_int_equal(st.gfp, GFP_KERNEL);
	assert_int_equal(st.order, 2);
	/* done: the outcome, though the cpu has no request any more */
	assert_int_equal(mm_request_resume(m, 1, STEP_CONTINUE), 0);
	assert_int_equal(mm_view_nr_requests(m), 0);
	assert_int_equal(mm_view_request_state(m, 1), -1);
	mm_view_request_status(m, ra, &st);
	assert_int_equal(st.state, RQ_DONE);
	assert_int_equal(st.rc, MM_OK);
	assert_int_equal(st.result, ra->res.pfn);
	assert_ptr_equal(st.res, &ra->res);
	assert_int_equal(st.res->order, 2);
	assert_int_equal(mm_view_page(m, st.result, &(struct mm_page_view){ 0 }), 0);
	/* a failure keeps its message: pfn 0 is reserved */
	assert_int_equal(mm_request_start(m, &f, &rf), 0);
	mm_view_request_status(m, rf, &st);
	assert_int_equal(st.state, RQ_DONE);
	assert_int_equal(st.kind, REQ_FREE_PAGES);
	assert_int_equal(st.cpu, 0);
	assert_int_equal(st.pfn, 0);
	assert_int_not_equal(st.rc, MM_OK);
	assert_string_equal(st.err, rf->err);
	assert_non_null(strstr(st.err, "PageReserved"));
	assert_int_equal(mm_view_nr_requests(m), 0);
	mm_request_free(m, ra);
	mm_request_free(m, rf);
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_machine_view),
		cmocka_unit_test(test_pageblock_counts),
		cmocka_unit_test(test_zone_free_counts),
		cmocka_unit_test(test_pageflags),
		cmocka_unit_test(test_page_view),
		cmocka_unit_test(test_pcp_view),
		cmocka_unit_test(test_cache_view),
		cmocka_unit_test(test_slab_view),
		cmocka_unit_test(test_vmstat_rows),
		cmocka_unit_test(test_request_view),
		cmocka_unit_test(test_request_ids_and_running),
		cmocka_unit_test(test_take_changes),
		cmocka_unit_test(test_page_cell),
		cmocka_unit_test(test_page_cell_absent_section),
		cmocka_unit_test(test_alloc_migratetype),
		cmocka_unit_test(test_cache_name),
		cmocka_unit_test(test_kswapd_view),
		cmocka_unit_test(test_ops_by_id),
		cmocka_unit_test(test_slab_detail),
		cmocka_unit_test(test_reclaim_view),
		cmocka_unit_test(test_slab_ops_boundary),
		cmocka_unit_test(test_set_cur_cpu_and_check_stages),
		cmocka_unit_test(test_request_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
