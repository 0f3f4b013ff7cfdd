/*
 * test_tui_layout.c - the screen's layouts: every one arranges its panels
 * inside the area without overlap and covers it whole, gives each panel
 * at least the room it asks for (min_w x min_h inside its frame) on the
 * smallest terminal the screen accepts, and `auto` picks wide only on a
 * big terminal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"

/* the panels' tests stub this; nothing here runs commands */
int tui_run_command(struct tui_view *v, const char *line)
{
	(void)v;
	(void)line;
	return 1;
}

static int overlap(struct rect a, struct rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

/* the area of the terminal the layouts get: all but two rows */
static struct rect area(int w, int h)
{
	struct rect r = { 0, 0, w, h - 2 };

	return r;
}

static void check_layout(int l, int w, int h)
{
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
	struct rect a = area(w, h);
	int n = layout_arrange(l, a, slot, LAYOUT_MAX_SLOTS), i, j;
	long covered = 0;

	if (n < 1)
		fail_msg("layout %s does not parse", layout_name(l));
	for (i = 0; i < n; i++) {
		struct rect r = slot[i].r;

		assert_true(slot[i].panel >= 0 && slot[i].panel < NR_TUI_PANELS);
		if (r.x < a.x || r.y < a.y || r.x + r.w > a.x + a.w ||
		    r.y + r.h > a.y + a.h || r.w <= 0 || r.h <= 0)
			fail_msg("layout %s at %dx%d: %s at %d,%d %dx%d is outside",
				 layout_name(l), w, h, tui_panels[slot[i].panel]->name,
				 r.x, r.y, r.w, r.h);
		for (j = 0; j < i; j++)
			if (overlap(r, slot[j].r))
				fail_msg("layout %s at %dx%d: %s overlaps %s",
					 layout_name(l), w, h,
					 tui_panels[slot[i].panel]->name,
					 tui_panels[slot[j].panel]->name);
		covered += (long)r.w * r.h;
	}
	if (covered != (long)a.w * a.h)
		fail_msg("layout %s at %dx%d covers %ld of %ld cells", layout_name(l),
			 w, h, covered, (long)a.w * a.h);
}

static void test_all_layouts_fit(void **state)
{
	static const int sizes[][2] = { { 80, 24 }, { 100, 30 }, { 160, 48 },
					 { 200, 60 }, { 301, 97 } };
	size_t s;
	int l;

	(void)state;
	assert_true(layout_count() >= 6);
	for (l = 0; l < layout_count(); l++)
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
			check_layout(l, sizes[s][0], sizes[s][1]);
}

/* each panel gets min_w x min_h inside its frame at the smallest size
 * (wide is meant for 160x48 and up) */
static void test_panels_get_their_minimum(void **state)
{
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
	int l, i, n, w, h;

	(void)state;
	for (l = 0; l < layout_count(); l++) {
		int wide = strcmp(layout_name(l), "wide") == 0;

		w = wide ? TUI_WIDE_W : TUI_MIN_W;
		h = wide ? TUI_WIDE_H : TUI_MIN_H;
		n = layout_arrange(l, area(w, h), slot, LAYOUT_MAX_SLOTS);
		for (i = 0; i < n; i++) {
			const struct panel_ops *p = tui_panels[slot[i].panel];
			struct rect in = rect_inner(slot[i].r);

			if (in.w < p->min_w || in.h < p->min_h)
				fail_msg("layout %s at %dx%d gives %s %dx%d, it needs %dx%d",
					 layout_name(l), w, h, p->name, in.w, in.h,
					 p->min_w, p->min_h);
		}
	}
}

static void test_names_and_auto(void **state)
{
	const char *const *names = layout_names();
	int i, wide = layout_find("wide"), def = layout_find("default");

	(void)state;
	assert_true(wide >= 0 && def >= 0);
	assert_int_equal(layout_find("nope"), -1);
	assert_int_equal(layout_auto(80, 24), def);
	assert_int_equal(layout_auto(159, 60), def);
	assert_int_equal(layout_auto(200, 47), def);
	assert_int_equal(layout_auto(160, 48), wide);
	for (i = 0; names[i]; i++)
		if (strcmp(names[i], "auto") != 0)
			assert_int_equal(layout_find(names[i]), i);
	assert_string_equal(names[i - 1], "auto");
	/* every layout the walkthroughs name */
	assert_true(layout_find("step") >= 0 && layout_find("slab") >= 0 &&
		    layout_find("memmap") >= 0 && layout_find("lesson") >= 0);
}

/* wide shows every panel; every panel is in some layout */
static void test_every_panel_reachable(void **state)
{
	int p, l, wide = layout_find("wide"), found;

	(void)state;
	for (p = 0; p < NR_TUI_PANELS; p++) {
		assert_true(layout_has(wide, p));
		assert_int_equal(tui_panel_index(tui_panels[p]->name), p);
		for (l = 0, found = 0; l < layout_count(); l++)
			found += l != wide && layout_has(l, p);
		if (!found && strcmp(tui_panels[p]->name, "narration") != 0)
			fail_msg("panel %s is only in the wide layout", tui_panels[p]->name);
	}
	assert_int_equal(tui_panel_index("nope"), -1);
	assert_true(layout_has(layout_find("slab"), tui_panel_index("slab")));
	assert_false(layout_has(layout_find("slab"), tui_panel_index("zones")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_layouts_fit),
		cmocka_unit_test(test_panels_get_their_minimum),
		cmocka_unit_test(test_names_and_auto),
		cmocka_unit_test(test_every_panel_reachable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
