/*
 * test_tui_panels_b.c - the slab, call stack, log and narration panels,
 * drawn into a canvas from real machines driven by real commands.  Each
 * test reads the text the panel put on the grid (and, where a colour role
 * carries meaning, the role) and checks it against the model: the slab
 * table against /proc/slabinfo, the detail view against the slabs' own
 * fields, the stack against the stage the request stopped at.  Every draw
 * also checks that nothing landed outside the panel's rectangle.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h"
#include "boot.h"
#include "cmd/cmd.h"
#include "tui/panel.h"

#define SENTINEL '~'
#define GLYPH_USED "\u2588"
#define GLYPH_CACHED "\u2592"
#define GLYPH_CURRENT "\u25b6"

/* ---- a screen without a terminal: a view, its log, a canvas ----------------- */

struct fixture {
	struct cmd_ctx c;
	struct tui_view v;
	struct canvas cv;
	struct rect r;     /* where the panel under test draws */
	const struct panel_ops *ops;
	void *self;
	int listener;
};

static void to_log(void *sink, const char *text, size_t len)
{
	struct fixture *f = sink;
	char *s = strndup(text, len);

	assert_non_null(s);
	tui_log_add(&f->v, LOG_OUTPUT, -1, s);
	free(s);
}

/* event lines come with their event, as tui_cmd.c's sink_event files them */
static void event_to_log(void *sink, int event, const char *text, size_t len)
{
	struct fixture *f = sink;
	char *s = strndup(text, len);

	assert_non_null(s);
	tui_log_add(&f->v, event == MM_EV_PRINTK ? LOG_PRINTK : LOG_TRACE,
		    event == MM_EV_PRINTK ? -1 : event, s);
	free(s);
}

static void err_to_log(void *sink, const char *line)
{
	struct fixture *f = sink;

	tui_log_add(&f->v, LOG_ERROR, -1, line);
}

/* what tui.c does with a typed line: log it, run it, output follows */
int tui_run_command(struct tui_view *v, const char *line)
{
	tui_log_add(v, LOG_COMMAND, -1, line);
	return cmd_exec(v->c, line);
}

static void run(struct fixture *f, const char *line)
{
	assert_int_equal(tui_run_command(&f->v, line), 0);
}

/* panels that watch events get them as the main loop forwards them */
static void forward_event(struct mm_machine *m, const struct mm_event *ev, void *ud)
{
	struct fixture *f = ud;

	(void)m;
	f->ops->event(f->self, &f->v, ev);
}

static struct fixture *fixture_new(const char *machine_text, const struct panel_ops *ops)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	cmd_ctx_init(&f->c, boot_text(machine_text), to_log, err_to_log, f);
	f->c.out_event = event_to_log;
	f->v.c = &f->c;
	f->ops = ops;
	f->self = ops->create(&f->v);
	assert_non_null(f->self);
	f->listener = -1;
	if (ops->event && ops->event_mask) {
		f->listener = cmd_listen(&f->c, forward_event, f, ops->event_mask);
		assert_true(f->listener >= 0);
	}
	assert_int_equal(canvas_init(&f->cv, 80, 24), 0);
	return f;
}

static void fixture_free(struct fixture *f)
{
	f->ops->destroy(f->self);
	if (f->listener >= 0)
		cmd_unlisten(&f->c, f->listener);
	canvas_free(&f->cv);
	tui_log_free(&f->v.log);
	cmd_ctx_fini(&f->c);
	free(f);
}

/* every cell outside the panel's rectangle still holds the sentinel */
static void assert_inside(const struct fixture *f)
{
	for (int y = 0; y < f->cv.h; y++)
		for (int x = 0; x < f->cv.w; x++) {
			const struct cell *c = canvas_at(&f->cv, x, y);
			int in = x >= f->r.x && x < f->r.x + f->r.w && y >= f->r.y &&
				 y < f->r.y + f->r.h;

			if (!in && c->ch != SENTINEL)
				fail_msg("cell (%d,%d) outside the panel was drawn on", x, y);
		}
}

/* TUI_TEST_DUMP=1 prints each panel as drawn, to see why a check failed */
static void dump(const struct fixture *f)
{
	char buf[2048];

	if (!getenv("TUI_TEST_DUMP"))
		return;
	for (int y = 0; y < f->cv.h; y++) {
		canvas_row_text(&f->cv, y, buf, sizeof(buf));
		fprintf(stderr, "|%s|\n", buf);
	}
}

/* a w x h screen, the panel framed in the middle of it */
static void draw_at(struct fixture *f, int w, int h)
{
	struct rect frame = { 2, 1, w - 4, h - 2 };

	assert_int_equal(canvas_resize(&f->cv, w, h), 0);
	canvas_fill(&f->cv, (struct rect){ 0, 0, w, h }, SENTINEL, ROLE_DEFAULT);
	f->r = rect_inner(frame);
	canvas_fill(&f->cv, f->r, ' ', ROLE_DEFAULT);
	f->ops->draw(f->self, &f->v, &f->cv, f->r, 1);
	dump(f);
	assert_inside(f);
}

static void draw(struct fixture *f)
{
	draw_at(f, f->cv.w, f->cv.h);
}

static int key(struct fixture *f, int k)
{
	int rc = f->ops->key(f->self, &f->v, k);

	draw(f);
	return rc;
}

/* the text of the panel's row y (relative to the panel), trailing blanks cut */
static const char *row(const struct fixture *f, int y)
{
	static char buf[4][2048];
	static int k;
	char *b = buf[k++ % 4];
	size_t n;

	canvas_row_text(&f->cv, f->r.y + y, b, sizeof(buf[0]));
	/* the panel's columns only: drop the frame margin and sentinels */
	{
		const char *p = b;
		int col = 0;

		while (*p && col < f->r.x) {
			p++;
			while ((*p & 0xc0) == 0x80)
				p++;
			col++;
		}
		memmove(b, p, strlen(p) + 1);
	}
	n = strlen(b);
	while (n && (b[n - 1] == ' ' || b[n - 1] == SENTINEL))
		b[--n] = '\0';
	return b;
}

/* the first panel row holding needle, or -1 */
static int find_row(const struct fixture *f, const char *needle)
{
	for (int y = 0; y < f->r.h; y++)
		if (strstr(row(f, y), needle))
			return y;
	return -1;
}

static int count_in_panel(const struct fixture *f, const char *needle)
{
	int n = 0;

	for (int y = 0; y < f->r.h; y++)
		for (const char *p = row(f, y); (p = strstr(p, needle)); p += strlen(needle))
			n++;
	return n;
}

/* the panel column where needle starts on panel row y (characters, not bytes) */
static int col_of(const struct fixture *f, int y, const char *needle)
{
	const char *s = row(f, y), *at = strstr(s, needle);
	int col = 0;

	assert_non_null(at);
	for (const char *p = s; p < at; p++)
		col += (*p & 0xc0) != 0x80;
	return col;
}

static int role_at(const struct fixture *f, int x, int y)
{
	return canvas_at(&f->cv, f->r.x + x, f->r.y + y)->role;
}

/* ---- slab ------------------------------------------------------------------ */

/* active and total objects of a cache in /proc/slabinfo */
static void slabinfo_of(struct mm_machine *m, const char *name, unsigned long *active,
			unsigned long *total)
{
	struct mm_buf b;
	char key[64];
	const char *line;

	mm_buf_init(&b);
	assert_int_equal(mm_proc_show(m, "slabinfo", &b), 0);
	snprintf(key, sizeof(key), "\n%s ", name);
	line = strstr(b.s, key);
	assert_non_null(line);
	assert_int_equal(sscanf(line + 1, "%*s %lu %lu", active, total), 2);
	mm_buf_free(&b);
}

/* the table row of a cache: objsize, active, total */
static int table_row_of(const struct fixture *f, const char *name, unsigned long *objsize,
			unsigned long *active, unsigned long *total)
{
	char key[64];
	int y;

	snprintf(key, sizeof(key), " %s ", name);
	y = find_row(f, key);
	if (y < 0)
		return -1;
	assert_int_equal(sscanf(strstr(row(f, y), key), " %*s %lu %lu %lu", objsize, active,
				total), 3);
	return y;
}

/* the avail of the ARRAY column ("avail/limit") of a cache's row */
static unsigned long array_avail_of(const struct fixture *f, const char *name)
{
	char key[64];
	unsigned int avail, limit;
	int y;

	snprintf(key, sizeof(key), " %s ", name);
	y = find_row(f, key);
	assert_true(y >= 0);
	assert_int_equal(sscanf(strstr(row(f, y), key), " %*s %*u %*u %*u %*s %*u %*u %*u %u/%u",
				&avail, &limit), 2);
	return avail;
}

static void assert_row_matches_slabinfo(struct fixture *f, const char *name)
{
	unsigned long objsize, active, total, want_active, want_total;

	assert_true(table_row_of(f, name, &objsize, &active, &total) >= 0);
	slabinfo_of(f->c.m, name, &want_active, &want_total);
	assert_int_equal(active, want_active);
	assert_int_equal(total, want_total);
	assert_int_equal(objsize, mm_kmem_cache_find(f->c.m, name)->size);
}

static void test_slab_table_matches_slabinfo(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_slab);
	unsigned long before, total, objsize, after;

	(void)state;
	draw_at(f, 80, 24);
	assert_true(find_row(f, "sort: active objs") == 0);
	assert_true(find_row(f, "NAME") == 1);
	assert_row_matches_slabinfo(f, "kmalloc-64");
	before = array_avail_of(f, "kmalloc-64");
	assert_int_equal(before, mm_kmem_cache_find(f->c.m, "kmalloc-64")->array[0]->avail);

	/* three more 64-byte objects come from cpu0's array: objects in an
	 * array already count as active, so only ARRAY moves */
	run(f, "kmalloc 64; kmalloc 60; kmalloc 33");
	draw_at(f, 200, 60);
	assert_row_matches_slabinfo(f, "kmalloc-64");
	assert_row_matches_slabinfo(f, "kmem_cache");
	after = array_avail_of(f, "kmalloc-64");
	assert_int_equal(after, before - 3);
	/* a new cache's first object grows slabs: active and total move */
	run(f, "kmem_cache_create c200 200; kmem_cache_alloc c200");
	draw(f);
	assert_row_matches_slabinfo(f, "c200");
	table_row_of(f, "c200", &objsize, &after, &total);
	assert_true(after > 0 && total >= after);
	fixture_free(f);
}

static void test_slab_sort_and_select(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_slab);
	unsigned long prev = ~0UL;
	int rows = 0;

	(void)state;
	draw_at(f, 80, 24);
	/* sorted by active objects, biggest first, the arrow on its header */
	assert_non_null(strstr(row(f, 1), "\u2193ACTIVE"));
	for (int y = 2; y < f->r.h; y++) {
		unsigned long objsize, active, total;
		char name[64];

		if (sscanf(row(f, y) + 3, "%63s %lu %lu %lu", name, &objsize, &active,
			   &total) != 4)
			continue;
		assert_true(active <= prev);
		prev = active;
		rows++;
	}
	assert_true(rows >= 15);
	/* the first row is selected, marked by a glyph as well as a role */
	assert_non_null(strstr(row(f, 2), "\u25b8"));
	assert_int_equal(role_at(f, 5, 2), ROLE_SELECTED);
	assert_int_equal(key(f, TK_DOWN), PANEL_HANDLED | PANEL_REDRAW);
	assert_null(strstr(row(f, 2), "\u25b8"));
	assert_non_null(strstr(row(f, 3), "\u25b8"));

	/* s moves the sort to the next column; r turns it around */
	key(f, 's');
	assert_true(find_row(f, "sort: total objs") == 0);
	assert_non_null(strstr(row(f, 1), "\u2193TOTAL"));
	for (int i = 0; i < 7; i++) /* use%, full, partial, free, array, shared, name */
		key(f, 's');
	assert_true(find_row(f, "sort: name") == 0);
	key(f, 'r');
	assert_true(find_row(f, "sort: name \u2193") == 0);
	/* names descending: the first row sorts after the second */
	{
		char a[64], b[64];

		assert_int_equal(sscanf(row(f, 2) + 3, "%63s", a), 1);
		assert_int_equal(sscanf(row(f, 3) + 3, "%63s", b), 1);
		assert_true(strcmp(a, b) > 0);
	}
	assert_int_equal(key(f, 'x'), PANEL_IGNORED);
	fixture_free(f);
}

/* move the selection onto a cache by name */
static void select_cache(struct fixture *f, const char *name)
{
	char key_[64];

	snprintf(key_, sizeof(key_), "\u25b8%s ", name);
	key(f, TK_HOME);
	for (int i = 0; i < 200 && find_row(f, key_) < 0; i++)
		key(f, TK_DOWN);
	assert_true(find_row(f, key_) >= 0);
}

/* what the model says about the cache's objects */
static void count_states(struct mm_machine *m, struct kmem_cache *c, int *used, int *cached)
{
	*used = *cached = 0;
	for (int l = 0; l < 3; l++) {
		uint32_t id = c->node->slabs[l].head;

		for (uint32_t k = 0; k < c->node->slabs[l].nr; k++) {
			struct slab *sl = mm_slab_by_id(m, id);

			for (unsigned int i = 0; i < c->num; i++) {
				*used += sl->state[i] == OBJ_ALLOCATED;
				*cached += sl->state[i] == OBJ_CACHED;
			}
			id = sl->next;
		}
	}
}

static void test_slab_detail(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_slab);
	struct kmem_cache *c;
	int used, cached, seen_colour = 0;

	(void)state;
	/* 7 objects of 504 bytes a slab, 7 colours: each refill grows a slab,
	 * the second one coloured 64 bytes further in */
	run(f, "kmem_cache_create c500 500");
	for (int i = 0; i < 10; i++)
		run(f, "kmem_cache_alloc c500");
	c = mm_kmem_cache_find(f->c.m, "c500");
	assert_non_null(c);
	count_states(f->c.m, c, &used, &cached);
	assert_int_equal(used, 10);
	assert_true(cached > 0);

	draw_at(f, 200, 60);
	select_cache(f, "c500");
	assert_int_equal(key(f, TK_ENTER), PANEL_HANDLED | PANEL_REDRAW);
	assert_true(find_row(f, "c500  object_size 500  size 504") == 0);
	assert_true(find_row(f, "7 objects per slab") == 0);
	/* every slab of the model with its colour offset, on its list */
	for (int l = 0; l < 3; l++) {
		uint32_t id = c->node->slabs[l].head;

		for (uint32_t k = 0; k < c->node->slabs[l].nr; k++) {
			struct slab *sl = mm_slab_by_id(f->c.m, id);
			char want[128];

			snprintf(want, sizeof(want), "slab %u  pfn 0x%lx  colouroff %lu (colour %lu)",
				 sl->id, sl->pfn, sl->colouroff, sl->colouroff - c->slab_size);
			assert_true(find_row(f, want) >= 0);
			seen_colour |= sl->colouroff - c->slab_size == 64;
			id = sl->next;
		}
	}
	assert_true(seen_colour);
	assert_true(find_row(f, "slabs_full: ") >= 0);
	/* one strip cell per object; the legend shows each glyph once more */
	assert_int_equal(count_in_panel(f, GLYPH_USED), used + 1);
	assert_int_equal(count_in_panel(f, GLYPH_CACHED), cached + 1);
	/* the array caches: cpu0 got the refill, 3 of it handed out */
	assert_true(find_row(f, "cpu0") >= 0);
	{
		unsigned int avail, limit;
		const char *s = strstr(row(f, find_row(f, "cpu0 ")), "cpu0");

		assert_int_equal(sscanf(s, "cpu0 %u/%u", &avail, &limit), 2);
		assert_int_equal(avail, c->array[0]->avail);
		assert_int_equal(limit, c->array[0]->limit);
		assert_int_equal(avail + c->node->shared->avail + 0u, (unsigned)cached);
	}
	assert_true(find_row(f, "shared") >= 0);

	/* at 80x24 the detail scrolls; the end shows the free list */
	draw_at(f, 80, 24);
	key(f, TK_END);
	assert_true(find_row(f, "slabs_free:") >= 0);
	assert_true(find_row(f, "c500  object_size") < 0);
	key(f, TK_HOME);
	assert_true(find_row(f, "c500  object_size") == 0);

	/* Esc goes back to the table, the cache still selected */
	assert_int_equal(key(f, TK_ESC), PANEL_HANDLED | PANEL_REDRAW);
	assert_true(find_row(f, "NAME") == 1);
	assert_true(find_row(f, "\u25b8c500 ") >= 0);
	key(f, TK_ENTER);
	assert_true(find_row(f, "c500  object_size") == 0);
	key(f, TK_BACKSPACE);
	assert_true(find_row(f, "NAME") == 1);

	/* a cache destroyed under the detail view is reported, not read */
	run(f, "kmem_cache_create gone 64");
	select_cache(f, "gone");
	key(f, TK_ENTER);
	run(f, "kmem_cache_destroy gone");
	draw(f);
	assert_true(find_row(f, "cache gone is gone") == 0);
	key(f, TK_ESC);
	assert_true(find_row(f, "NAME") == 1);
	fixture_free(f);
}

static void test_slab_none(void **state)
{
	struct fixture *f = fixture_new("preset tiny\nslab none\n", &panel_slab);

	(void)state;
	draw_at(f, 80, 24);
	assert_true(find_row(f, "SLAB is off on this machine") == 0);
	assert_int_equal(key(f, TK_ENTER), PANEL_IGNORED);
	assert_true(find_row(f, "SLAB is off on this machine") == 0);
	fixture_free(f);
}

/* ---- call stack ---------------------------------------------------------------- */

static void test_stack_idle(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_stack);

	(void)state;
	draw_at(f, 80, 24);
	assert_true(find_row(f, "breakpoints: none") == 0);
	assert_true(find_row(f, "no request is stepping: try alloc_pages GFP_KERNEL 3 --step") > 0);
	/* a plain allocation is no request: nothing is kept */
	run(f, "alloc_pages GFP_KERNEL 0");
	draw(f);
	assert_true(find_row(f, "the last request") < 0);
	fixture_free(f);
}

static void test_stack_stepping(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_stack);
	int y0, y1, y2, yr, cur;

	(void)state;
	run(f, "alloc_pages GFP_KERNEL 3 --step");
	draw_at(f, 80, 24);
	assert_true(find_row(f, "cpu0  alloc_pages GFP_KERNEL order 3") > 0);
	assert_true(find_row(f, "stopped (stepping): -> __alloc_pages_nodemask") > 0);
	run(f, "step; step; step");
	draw(f);
	y0 = find_row(f, "__alloc_pages_nodemask(order 3, gfp 0xd0");
	y1 = find_row(f, "get_page_from_freelist(order 3, low watermark");
	y2 = find_row(f, "zone_watermark_ok(zone Normal order 3 mark low");
	yr = find_row(f, "\u21b3 zone Normal: free");
	assert_true(y0 > 0 && y1 == y0 + 1 && y2 == y1 + 1 && yr > y2);
	/* indented by depth, as the seed documents draw the chain */
	assert_int_equal(col_of(f, y1, "get_page"), col_of(f, y0, "__alloc") + 2);
	assert_int_equal(col_of(f, y2, "zone_wat"), col_of(f, y1, "get_page") + 2);
	assert_int_equal(col_of(f, yr, "\u21b3"), col_of(f, y2, "zone_wat") + 2);
	/* the stage it stopped at: marked, highlighted, its where on top */
	cur = find_row(f, GLYPH_CURRENT);
	assert_int_equal(cur, yr);
	assert_int_equal(count_in_panel(f, GLYPH_CURRENT), 1);
	assert_int_equal(role_at(f, col_of(f, yr, "zone Normal"), yr), ROLE_STAGE_CURRENT);
	assert_true(find_row(f, "stopped (stepping): <- zone_watermark_ok: zone Normal: free") > 0);
	/* a function that returned is done; the one below it still runs */
	assert_int_equal(role_at(f, col_of(f, y2, "zone_wat"), y2), ROLE_STAGE_DONE);
	assert_int_equal(role_at(f, col_of(f, y1, "get_page"), y1), ROLE_DEFAULT);

	run(f, "step");
	draw(f);
	yr = find_row(f, "\u21b3 zone Normal: free");
	assert_int_equal(role_at(f, col_of(f, yr, "zone Normal"), yr), ROLE_STAGE_REASON);
	assert_true(find_row(f, GLYPH_CURRENT " ") > yr);
	assert_true(find_row(f, "buffered_rmqueue(zone Normal order 3") ==
		    find_row(f, GLYPH_CURRENT));

	/* a breakpoint: listed with its hits, the request stops at it */
	run(f, "break __rmqueue_smallest; continue");
	draw_at(f, 200, 60);
	assert_true(find_row(f, "1  __rmqueue_smallest  hit 1 time") == 1);
	assert_int_equal(role_at(f, col_of(f, 1, "__rmqueue_smallest"), 1), ROLE_BREAKPOINT);
	assert_true(find_row(f, "stopped at breakpoint 1: -> __rmqueue_smallest") > 0);
	assert_true(find_row(f, "__rmqueue_smallest(") == find_row(f, GLYPH_CURRENT));

	/* finished: the hint, and the trail it took, every function done */
	run(f, "delete 1; continue");
	draw(f);
	assert_true(find_row(f, "no request is stepping") > 0);
	assert_true(find_row(f, "the last request on cpu0 went:") > 0);
	y0 = find_row(f, "__alloc_pages_nodemask(order 3");
	assert_true(y0 > 0);
	assert_int_equal(role_at(f, col_of(f, y0, "__alloc"), y0), ROLE_STAGE_DONE);
	assert_int_equal(count_in_panel(f, GLYPH_CURRENT), 0);

	/* a new request starts a new trail */
	run(f, "alloc_pages GFP_KERNEL 1 --step");
	draw(f);
	assert_true(find_row(f, "__alloc_pages_nodemask(order 1") > 0);
	assert_true(find_row(f, "__alloc_pages_nodemask(order 3") < 0);
	run(f, "continue");
	fixture_free(f);
}

/* cpu1 waits for the zone lock cpu0's stopped request holds */
static void test_stack_lock_wait(void **state)
{
	/* no slab: the pcp lists start empty, so cpu0 refills under the lock */
	struct fixture *f = fixture_new("preset tiny\nslab none\n", &panel_stack);

	(void)state;
	run(f, "break __rmqueue_smallest; alloc_pages --step GFP_KERNEL 0; continue; delete 1");
	run(f, "cpu 1; alloc_pages GFP_KERNEL 0");
	f->v.cpu = 1;
	draw_at(f, 200, 60);
	/* the shown cpu first, then the others */
	assert_true(find_row(f, "cpu1  alloc_pages GFP_KERNEL order 0") <
		    find_row(f, "cpu0  alloc_pages GFP_KERNEL order 0"));
	assert_true(find_row(f, "waiting for zone Normal lock held by cpu0") > 0);
	assert_true(find_row(f, "stopped at breakpoint 1: -> __rmqueue_smallest") > 0);
	run(f, "cpu 0; continue");
	draw(f);
	assert_true(find_row(f, "waiting for zone") < 0);
	fixture_free(f);
}

/* a long chain scrolls; the current stage stays in view until scrolled away */
static void test_stack_scrolls(void **state)
{
	struct fixture *f = fixture_new("preset tiny\nslab none\n", &panel_stack);
	int cur;

	(void)state;
	run(f, "break expand; alloc_pages --step GFP_KERNEL 0; continue; step; step; step; step");
	run(f, "step; step; step; step; step; step");
	draw_at(f, 60, 12);
	cur = find_row(f, GLYPH_CURRENT);
	assert_true(cur > 0);
	assert_true(find_row(f, "breakpoints:") < 0); /* scrolled past the top */
	assert_int_equal(key(f, TK_HOME), PANEL_HANDLED | PANEL_REDRAW);
	assert_true(find_row(f, "breakpoints:") == 0);
	assert_true(find_row(f, GLYPH_CURRENT) < 0);
	key(f, TK_END);
	assert_true(find_row(f, GLYPH_CURRENT) >= 0);
	run(f, "delete 1; continue");
	fixture_free(f);
}

/* ---- the scroll keys every list shares ------------------------------------------ */

static void test_scroll_keys(void **state)
{
	int first = 5, d;

	(void)state;
	assert_true(panel_scroll_key(TK_UP, 10, 100, &first));
	assert_int_equal(first, 4);
	assert_true(panel_scroll_key(TK_DOWN, 10, 100, &first));
	assert_int_equal(first, 5);
	assert_true(panel_scroll_key(TK_PGDN, 10, 100, &first));
	assert_int_equal(first, 15);
	assert_true(panel_scroll_key(TK_PGUP, 10, 100, &first));
	assert_int_equal(first, 5);
	assert_true(panel_scroll_key(TK_PGUP, 10, 100, &first));
	assert_int_equal(first, 0); /* never above the top */
	assert_true(panel_scroll_key(TK_END, 10, 100, &first));
	assert_int_equal(first, 100); /* the panel clamps the bottom when it draws */
	assert_true(panel_scroll_key(TK_HOME, 10, 100, &first));
	assert_int_equal(first, 0);
	assert_false(panel_scroll_key('x', 10, 100, &first));
	assert_false(panel_scroll_key(TK_LEFT, 10, 100, &first));
	assert_int_equal(first, 0);
	/* a page is at least a row */
	assert_true(panel_scroll_delta(TK_PGDN, 0, &d));
	assert_int_equal(d, 1);
	assert_true(panel_scroll_delta(TK_END, 3, &d));
	assert_int_equal(d, PANEL_SCROLL_END);
	assert_true(panel_scroll_delta(TK_HOME, 3, &d));
	assert_int_equal(d, -PANEL_SCROLL_END);
}

/* ---- log ------------------------------------------------------------------------ */

static void test_log_ring(void **state)
{
	struct tui_view v;
	char line[32];

	(void)state;
	memset(&v, 0, sizeof(v));
	tui_log_add(&v, LOG_OUTPUT, -1, "one\ntwo\n");
	tui_log_add(&v, LOG_OUTPUT, -1, "");
	tui_log_add(&v, LOG_OUTPUT, -1, "a\n\nb");
	assert_int_equal(v.log.n, 6);
	assert_string_equal(tui_log_get(&v.log, 0)->text, "one");
	assert_string_equal(tui_log_get(&v.log, 1)->text, "two");
	assert_string_equal(tui_log_get(&v.log, 2)->text, "");
	assert_string_equal(tui_log_get(&v.log, 4)->text, "");
	assert_string_equal(tui_log_get(&v.log, 5)->text, "b");
	assert_null(tui_log_get(&v.log, 6));
	/* a line's kind is the one it came with: output that looks like a
	 * trace line stays output (the text is never read to tell) */
	tui_log_add(&v, LOG_OUTPUT, -1, "mm_page_free: page=ffffea0000f00000 pfn=15360 order=0");
	assert_int_equal(tui_log_get(&v.log, 6)->kind, LOG_OUTPUT);
	assert_int_equal(tui_log_get(&v.log, 6)->event, -1);
	tui_log_add(&v, LOG_TRACE, MM_EV_STAGE_EXIT, "stage:   <- expand() done");
	assert_int_equal(tui_log_get(&v.log, 7)->kind, LOG_TRACE);
	assert_int_equal(tui_log_get(&v.log, 7)->event, MM_EV_STAGE_EXIT);
	tui_log_add(&v, LOG_PRINTK, 5, "Out of memory: Kill process 100");
	assert_int_equal(tui_log_get(&v.log, 8)->kind, LOG_PRINTK);
	assert_int_equal(tui_log_get(&v.log, 8)->event, -1);
	/* beyond TUI_LOG_MAX the oldest go */
	for (int i = 0; i < TUI_LOG_MAX + 5; i++) {
		snprintf(line, sizeof(line), "line %d", i);
		tui_log_add(&v, LOG_OUTPUT, -1, line);
	}
	assert_int_equal(v.log.n, TUI_LOG_MAX);
	assert_int_equal(v.log.seq, 9 + TUI_LOG_MAX + 5);
	assert_string_equal(tui_log_get(&v.log, 0)->text, "line 5");
	snprintf(line, sizeof(line), "line %d", TUI_LOG_MAX + 4);
	assert_string_equal(tui_log_get(&v.log, TUI_LOG_MAX - 1)->text, line);
	tui_log_free(&v.log);
	assert_int_equal(v.log.n, 0);
	tui_log_add(&v, LOG_ERROR, -1, "again");
	assert_string_equal(tui_log_get(&v.log, 0)->text, "again");
	tui_log_free(&v.log);
}

/* the pfn the last allocation reported ("pfn 0x3c22 order 0 ...") */
static unsigned long last_pfn(const struct fixture *f)
{
	unsigned long pfn;

	for (unsigned long i = f->v.log.n; i-- > 0;)
		if (sscanf(tui_log_get(&f->v.log, i)->text, "pfn 0x%lx order", &pfn) == 1)
			return pfn;
	fail_msg("no allocation in the log");
	return 0;
}

static void test_log_panel(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_log);
	char cmd[64];
	int y;

	(void)state;
	draw_at(f, 80, 24);
	assert_true(find_row(f, "(nothing logged yet)") == 1);
	run(f, "cpu 1");
	assert_int_equal(tui_run_command(&f->v, "free_pages 0x0"), 1);
	run(f, "trace on mm_page_alloc mm_page_free");
	run(f, "alloc_pages GFP_KERNEL 0");
	draw(f);
	assert_true(find_row(f, "filter: all lines (f)") == 0);
	/* the newest at the bottom, commands with "> ", errors with "! " */
	y = find_row(f, "> alloc_pages GFP_KERNEL 0");
	assert_true(y > 0);
	assert_int_equal(role_at(f, 0, y), ROLE_LOG_COMMAND);
	assert_true(find_row(f, "mm_page_alloc: page=") > y);
	assert_int_equal(role_at(f, 0, find_row(f, "mm_page_alloc: page=")), ROLE_LOG_TRACE);
	assert_true(find_row(f, "! free_pages: ") > 0);
	assert_int_equal(role_at(f, 0, find_row(f, "! free_pages: ")), ROLE_ERROR);
	assert_true(strlen(row(f, f->r.h - 1)) > 0); /* the last row is the newest line */

	/* f: commands and output, no trace lines */
	assert_int_equal(key(f, 'f'), PANEL_HANDLED | PANEL_REDRAW);
	assert_true(find_row(f, "filter: commands and output") == 0);
	assert_true(find_row(f, "mm_page_alloc:") < 0);
	assert_true(find_row(f, "> alloc_pages GFP_KERNEL 0") > 0);
	/* f: tracepoints only */
	key(f, 'f');
	assert_true(find_row(f, "filter: tracepoints") == 0);
	assert_true(find_row(f, "> ") < 0);
	assert_true(find_row(f, "mm_page_alloc:") > 0);
	/* f: one event at a time, those present */
	snprintf(cmd, sizeof(cmd), "free_pages 0x%lx 0", last_pfn(f));
	run(f, cmd);
	key(f, 'f');
	assert_true(find_row(f, "filter: event mm_page_alloc") == 0);
	assert_true(find_row(f, "mm_page_free:") < 0);
	key(f, 'f');
	assert_true(find_row(f, "filter: event mm_page_free") == 0);
	assert_true(find_row(f, "mm_page_free:") > 0);
	assert_true(find_row(f, "mm_page_alloc:") < 0);
	key(f, 'f');
	assert_true(find_row(f, "filter: all lines") == 0);
	fixture_free(f);
}

static void test_log_scrolls(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_log);
	char line[32];

	(void)state;
	for (int i = 0; i < 100; i++) {
		snprintf(line, sizeof(line), "line %d", i);
		tui_log_add(&f->v, LOG_OUTPUT, -1, line);
	}
	draw_at(f, 80, 24);
	assert_string_equal(row(f, f->r.h - 1), "line 99");
	/* scrolled up, the view holds still while lines arrive */
	key(f, TK_UP);
	assert_string_equal(row(f, f->r.h - 1), "line 98");
	assert_true(find_row(f, "[1 newer below: End]") == 0);
	tui_log_add(&f->v, LOG_OUTPUT, -1, "line 100");
	draw(f);
	assert_string_equal(row(f, f->r.h - 1), "line 98");
	key(f, TK_HOME);
	assert_string_equal(row(f, 1), "line 0");
	key(f, TK_PGDN);
	assert_true(strcmp(row(f, 1), "line 0") != 0);
	key(f, TK_END);
	assert_string_equal(row(f, f->r.h - 1), "line 100");
	tui_log_add(&f->v, LOG_OUTPUT, -1, "line 101");
	draw(f);
	assert_string_equal(row(f, f->r.h - 1), "line 101");
	/* long lines shift sideways */
	tui_log_add(&f->v, LOG_OUTPUT, -1, "0123456789abcdefghij");
	key(f, TK_RIGHT);
	assert_string_equal(row(f, f->r.h - 1), "89abcdefghij");
	key(f, TK_LEFT);
	assert_string_equal(row(f, f->r.h - 1), "0123456789abcdefghij");
	fixture_free(f);
}

/* ---- narration ------------------------------------------------------------------ */

static void test_narration_wraps(void **state)
{
	struct fixture *f = fixture_new("preset tiny\n", &panel_narration);
	const char *text =
		"Watch order 3 split into 2+1+0: the buddy allocator halves the block\n"
		"until it has the order asked for.\n\n"
		"Now free it and watch the buddies merge back.\n"
		"- first the order-0 buddy\n"
		"- then order 1";

	(void)state;
	draw_at(f, 38, 20); /* a panel 32 columns wide */
	assert_true(find_row(f, "(nothing narrated") == 0);
	snprintf(f->v.narration, sizeof(f->v.narration), "%s", text);
	draw(f);
	assert_string_equal(row(f, 0), "Watch order 3 split into 2+1+0:");
	assert_string_equal(row(f, 1), "the buddy allocator halves the");
	/* the soft newline became a space: "block until" shares a row */
	assert_string_equal(row(f, 2), "block until it has the order");
	assert_string_equal(row(f, 3), "asked for.");
	assert_string_equal(row(f, 4), ""); /* between the paragraphs */
	assert_string_equal(row(f, 5), "Now free it and watch the");
	assert_string_equal(row(f, 6), "buddies merge back.");
	assert_string_equal(row(f, 7), "- first the order-0 buddy");
	assert_string_equal(row(f, 8), "- then order 1");
	for (int y = 0; y < f->r.h; y++)
		assert_true(strlen(row(f, y)) <= (size_t)f->r.w);

	/* a short panel scrolls, saying there is more */
	draw_at(f, 38, 9); /* 5 rows */
	assert_string_equal(row(f, 4), "-- more: Down --");
	key(f, TK_DOWN);
	assert_string_equal(row(f, 0), "the buddy allocator halves the");
	key(f, TK_END);
	assert_string_equal(row(f, f->r.h - 1), "- then order 1");
	assert_true(find_row(f, "-- more") < 0);
	key(f, TK_HOME);
	assert_string_equal(row(f, 0), "Watch order 3 split into 2+1+0:");
	/* new text starts at the top */
	key(f, TK_DOWN);
	snprintf(f->v.narration, sizeof(f->v.narration), "%s", "A word longer than "
		 "the panel: abcdefghijklmnopqrstuvwxyz0123456789");
	draw(f);
	assert_string_equal(row(f, 0), "A word longer than the panel:");
	assert_string_equal(row(f, 1), "abcdefghijklmnopqrstuvwxyz012345");
	assert_string_equal(row(f, 2), "6789");
	fixture_free(f);
}

/* ---- every panel at both sizes ---------------------------------------------------- */

static void test_all_stay_inside(void **state)
{
	const struct panel_ops *const panels[] = { &panel_slab, &panel_stack, &panel_log,
						   &panel_narration };

	(void)state;
	for (size_t i = 0; i < sizeof(panels) / sizeof(panels[0]); i++) {
		struct fixture *f = fixture_new("preset tiny\n", panels[i]);

		snprintf(f->v.narration, sizeof(f->v.narration), "%s",
			 "Stepping a request: each stage stops, and the panel shows why.");
		run(f, "kmem_cache_create c200 200; kmem_cache_alloc c200; trace on");
		run(f, "alloc_pages GFP_KERNEL 3 --step; step; step");
		for (int k = 0; k < 3; k++) {
			draw_at(f, 80, 24);
			draw_at(f, 200, 60);
			draw_at(f, panels[i]->min_w + 2, panels[i]->min_h + 2);
			/* a rectangle of nothing draws nothing */
			f->r = (struct rect){ 3, 3, 0, 0 };
			canvas_fill(&f->cv, (struct rect){ 0, 0, f->cv.w, f->cv.h }, SENTINEL,
				    ROLE_DEFAULT);
			f->ops->draw(f->self, &f->v, &f->cv, f->r, 0);
			assert_inside(f);
			key(f, TK_ENTER);
			key(f, TK_PGDN);
		}
		run(f, "continue");
		fixture_free(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slab_table_matches_slabinfo),
		cmocka_unit_test(test_slab_sort_and_select),
		cmocka_unit_test(test_slab_detail),
		cmocka_unit_test(test_slab_none),
		cmocka_unit_test(test_stack_idle),
		cmocka_unit_test(test_stack_stepping),
		cmocka_unit_test(test_stack_lock_wait),
		cmocka_unit_test(test_stack_scrolls),
		cmocka_unit_test(test_scroll_keys),
		cmocka_unit_test(test_log_ring),
		cmocka_unit_test(test_log_panel),
		cmocka_unit_test(test_log_scrolls),
		cmocka_unit_test(test_narration_wraps),
		cmocka_unit_test(test_all_stay_inside),
	};

	/* the canvas measures characters with wcwidth: a UTF-8 locale */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "en_US.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
