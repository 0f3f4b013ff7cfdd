/*
 * test_tui_panels_a.c - the page allocator's panels (zones, free_area,
 * memmap, pcp) drawn into a canvas from real machines: the numbers on
 * screen are the model's (the same as /proc/buddyinfo and the zone's
 * counters), the memory map's cursor tells what alloc_pages handed out,
 * the pcp panel shows a freed page at the hot end, changed free_area
 * cells are highlighted, and no panel writes outside its rectangle.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h" /* the tests look inside the model */
#include "tui/panel.h"

#define SENTINEL '`' /* a character no panel draws */

/* the main loop's, which is not in libtui.a: run the command, no log */
int tui_run_command(struct tui_view *v, const char *line)
{
	return cmd_exec(v->c, line);
}

/* ---- a machine, a command context and a view ---------------------------- */

struct fixture {
	struct mm_buf out, err;
	struct cmd_ctx c;
	struct tui_view v;
	struct canvas cv;
	void *self;
};

static void to_out(void *p, const char *s, size_t len)
{
	mm_buf_printf(&((struct fixture *)p)->out, "%.*s", (int)len, s);
}

static void to_err(void *p, const char *line)
{
	mm_buf_printf(&((struct fixture *)p)->err, "%s\n", line);
}

static struct fixture *boot(const char *preset, int w, int h)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct mm_machine_desc d;
	char err[256];

	assert_non_null(f);
	assert_int_equal(mm_desc_lookup(&d, preset, err, sizeof(err)), 0);
	mm_buf_init(&f->out);
	mm_buf_init(&f->err);
	cmd_ctx_init(&f->c, mm_machine_create(&d, err, sizeof(err)), to_out, to_err, f);
	assert_non_null(f->c.m);
	f->v.c = &f->c;
	f->v.zone = f->c.m->zone_of_type[ZONE_NORMAL];
	f->v.now = 100.0;
	assert_int_equal(canvas_init(&f->cv, w, h), 0);
	return f;
}

static void release(struct fixture *f, const struct panel_ops *ops)
{
	if (ops && ops->destroy)
		ops->destroy(f->self);
	tui_log_free(&f->v.log);
	canvas_free(&f->cv);
	cmd_ctx_fini(&f->c);
	mm_buf_free(&f->out);
	mm_buf_free(&f->err);
	free(f);
}

/* run a command that must succeed; returns its output */
static const char *run(struct fixture *f, const char *line)
{
	mm_buf_reset(&f->out);
	mm_buf_reset(&f->err);
	if (cmd_exec(&f->c, line))
		fail_msg("%s: %s", line, f->err.s ? f->err.s : "failed");
	return f->out.s ? f->out.s : "";
}

/* "pfn 0x3c22 order 0 zone Normal ..." -> 0x3c22 */
static unsigned long alloc(struct fixture *f, const char *gfp, int order)
{
	char line[96];
	unsigned long pfn;

	snprintf(line, sizeof(line), "alloc_pages %s %d", gfp, order);
	assert_int_equal(sscanf(run(f, line), "pfn %lx", &pfn), 1);
	return pfn;
}

static struct zone *zone_of(struct fixture *f, enum zone_type t)
{
	return &f->c.m->node.node_zones[f->c.m->zone_of_type[t]];
}

/* ---- drawing and reading the canvas ------------------------------------- */

/* fill everything with the sentinel, draw, and check the outside stayed so */
static void draw(struct fixture *f, const struct panel_ops *ops, struct rect r)
{
	canvas_fill(&f->cv, (struct rect){ 0, 0, f->cv.w, f->cv.h }, SENTINEL, ROLE_DEFAULT);
	ops->draw(f->self, &f->v, &f->cv, r, 1);
	for (int y = 0; y < f->cv.h; y++)
		for (int x = 0; x < f->cv.w; x++) {
			int inside = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
			const struct cell *c = &f->cv.cells[y * f->cv.w + x];

			if (!inside && c->ch != SENTINEL)
				fail_msg("%s drew '%c' at %d,%d outside %dx%d+%d+%d", ops->name,
					 (int)c->ch, x, y, r.w, r.h, r.x, r.y);
			if (inside && c->ch == SENTINEL)
				fail_msg("%s left cell %d,%d of its rectangle undrawn", ops->name, x, y);
		}
}

static const char *row(struct fixture *f, int y)
{
	static char buf[2048];

	canvas_row_text(&f->cv, y, buf, sizeof(buf));
	return buf;
}

/* the first row of r holding needle, -1 if none */
static int find_row(struct fixture *f, struct rect r, const char *needle)
{
	for (int y = r.y; y < r.y + r.h; y++)
		if (strstr(row(f, y), needle))
			return y;
	return -1;
}

/* the row of r that starts with label */
static int find_label(struct fixture *f, struct rect r, const char *label)
{
	for (int y = r.y; y < r.y + r.h; y++)
		if (!strncmp(row(f, y) + r.x, label, strlen(label)))
			return y;
	fail_msg("no row starts with \"%s\"", label);
	return -1;
}

static void assert_shows(struct fixture *f, struct rect r, const char *needle)
{
	if (find_row(f, r, needle) < 0) {
		for (int y = r.y; y < r.y + r.h; y++)
			print_message("|%s|\n", row(f, y));
		fail_msg("no row shows \"%s\"", needle);
	}
}

static const struct cell *cell(struct fixture *f, int x, int y)
{
	return &f->cv.cells[y * f->cv.w + x];
}

static void press(struct fixture *f, const struct panel_ops *ops, int key, int times)
{
	for (int i = 0; i < times; i++)
		assert_true(ops->key(f->self, &f->v, key) & PANEL_HANDLED);
}

static const struct rect R80 = { 1, 1, 78, 22 };   /* inside a frame at 80x24 */
static const struct rect R200 = { 1, 1, 198, 58 }; /* inside a frame at 200x60 */
static const struct rect HALF = { 41, 1, 38, 10 }; /* a half-width panel at 80x24 */

/* ---- zones ------------------------------------------------------------------ */

static void test_zones_free_count(void **state)
{
	struct fixture *f = boot("tiny", 200, 60);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	char want[64];
	int y;

	(void)state;
	alloc(f, "GFP_KERNEL", 3);
	snprintf(want, sizeof(want), "free %lu", zone_page_state(z, NR_FREE_PAGES));
	draw(f, &panel_zones, R80);
	y = find_row(f, R80, "Normal");
	assert_true(y >= 0);
	assert_non_null(strstr(row(f, y), want));
	assert_non_null(strstr(row(f, y), ">Normal"));
	snprintf(want, sizeof(want), "managed %lu", z->managed_pages);
	assert_non_null(strstr(row(f, y), want));
	assert_shows(f, R80, "kswapd0 asleep");
	/* a wakeup shows at once, as the log says it (it runs at the next tick) */
	z->watermark[WMARK_LOW] += zone_page_state(z, NR_FREE_PAGES);
	assert_int_equal(mm_wakeup_kswapd(f->c.m, z->idx, 0), MM_OK);
	z->watermark[WMARK_LOW] -= zone_page_state(z, NR_FREE_PAGES);
	draw(f, &panel_zones, R80);
	assert_shows(f, R80, "kswapd0 woken, runs at the next tick");
	snprintf(want, sizeof(want), "min %lu  low %lu  high %lu", z->watermark[WMARK_MIN],
		 z->watermark[WMARK_LOW], z->watermark[WMARK_HIGH]);
	assert_shows(f, R80, want);
	assert_shows(f, R80, "protection (0, 0, 0, 0)");
	assert_shows(f, R80, " DMA32    empty");
	draw(f, &panel_zones, R200);
	assert_shows(f, R200, want);
	draw(f, &panel_zones, HALF);
	assert_shows(f, HALF, "Normal");
	release(f, NULL);
}

/* the gauge: '=' for free pages, then the m/l/h markers in order */
static void test_zones_gauge(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	const char *text, *open, *m, *l, *h;
	int y;

	(void)state;
	draw(f, &panel_zones, R80);
	y = find_row(f, R80, "[");
	assert_true(y >= 0);
	text = row(f, y);
	open = strchr(text, '[');
	m = strchr(open, 'm');
	l = strchr(open, 'l');
	h = strchr(open, 'h');
	assert_non_null(m);
	assert_non_null(l);
	assert_non_null(h);
	assert_true(m < l && l < h && h < strchr(open, ']'));
	assert_int_equal(open[1], '=');
	assert_int_equal(cell(f, R80.x + (int)(m - text) - 1, y)->role, ROLE_WMARK_MIN);
	release(f, NULL);
}

static void test_zones_select(void **state)
{
	struct fixture *f = boot("x86_64-4g", 80, 24);
	int dma = f->c.m->zone_of_type[ZONE_DMA];
	int dma32 = f->c.m->zone_of_type[ZONE_DMA32];
	int normal = f->c.m->zone_of_type[ZONE_NORMAL];

	(void)state;
	draw(f, &panel_zones, R80);
	assert_shows(f, R80, ">Normal");
	assert_shows(f, R80, " DMA32");
	assert_shows(f, R80, " Movable  empty");
	press(f, &panel_zones, TK_UP, 1);
	assert_int_equal(f->v.zone, dma32);
	press(f, &panel_zones, 'k', 2);
	assert_int_equal(f->v.zone, dma);
	draw(f, &panel_zones, R80);
	assert_shows(f, R80, ">DMA ");
	press(f, &panel_zones, TK_DOWN, 5); /* the empty Movable zone is skipped */
	assert_int_equal(f->v.zone, normal);
	assert_int_equal(panel_zones.key(NULL, &f->v, 'x'), PANEL_IGNORED);
	/* short: every zone still listed, the selected one marked */
	draw(f, &panel_zones, HALF);
	assert_shows(f, HALF, ">Normal");
	assert_shows(f, HALF, " DMA32");
	release(f, NULL);
}

/* ---- free_area -------------------------------------------------------------- */

/* the 11 numbers of a row after its label */
static void row_numbers(const char *text, unsigned long *n)
{
	const char *s = text;

	while (*s == ' ')
		s++;
	while (*s && *s != ' ')
		s++; /* the label */
	for (int o = 0; o < MAX_ORDER; o++) {
		char *end;

		while (*s == ' ' || *s == '*')
			s++;
		n[o] = strtoul(s, &end, 10);
		assert_true(end != s);
		s = end;
	}
}

/* the numbers /proc/buddyinfo shows for a zone */
static void buddyinfo(struct fixture *f, const char *zone, unsigned long *n)
{
	const char *out = run(f, "cat /proc/buddyinfo");
	char key[32];
	const char *line;

	snprintf(key, sizeof(key), "zone %8s", zone);
	line = strstr(out, key);
	assert_non_null(line);
	row_numbers(line + strlen("zone"), n);
}

static void check_nr_free(struct fixture *f, const char *zone, struct rect r,
			  const char *label)
{
	unsigned long want[MAX_ORDER], got[MAX_ORDER];
	int y;

	buddyinfo(f, zone, want);
	draw(f, &panel_free_area, r);
	y = find_label(f, r, label);
	row_numbers(row(f, y) + r.x, got);
	for (int o = 0; o < MAX_ORDER; o++)
		if (got[o] != want[o])
			fail_msg("%s order %d: panel %lu, buddyinfo %lu (%dx%d)", zone, o, got[o],
				 want[o], r.w, r.h);
}

static void test_free_area_buddyinfo(void **state)
{
	struct fixture *f = boot("tiny", 200, 60);

	(void)state;
	f->self = panel_free_area.create(&f->v);
	alloc(f, "GFP_KERNEL", 3);
	alloc(f, "GFP_HIGHUSER_MOVABLE", 1);
	alloc(f, "GFP_TEMPORARY", 0);
	check_nr_free(f, "Normal", R80, "nr_free");
	check_nr_free(f, "Normal", R200, "nr_free");
	check_nr_free(f, "Normal", HALF, "nr_free");
	assert_shows(f, HALF, "Reclaimable");
	draw(f, &panel_free_area, R80);
	assert_shows(f, R80, "Normal  free");
	assert_shows(f, R80, "blocks U 2 E 2 M 27 R 1 I 0");
	release(f, &panel_free_area);
}

/* a zone of a million pages: its counts still fit the half-width panel */
static void test_free_area_big_zone(void **state)
{
	struct fixture *f = boot("x86_64-4g", 80, 24);

	(void)state;
	f->self = panel_free_area.create(&f->v);
	f->v.zone = f->c.m->zone_of_type[ZONE_DMA32];
	check_nr_free(f, "DMA32", R80, "nr_free");
	check_nr_free(f, "DMA32", HALF, "nr_free");
	assert_shows(f, HALF, "DMA32");
	/* narrower still, the type names shrink to their letters */
	check_nr_free(f, "DMA32", (struct rect){ 2, 2, 26, 8 }, "=");
	assert_shows(f, (struct rect){ 2, 2, 26, 8 }, "M 0 0 0 0 0 0 0 0 0 0 755");
	/* 'p': pages, the order-10 column is 1024 times nr_free */
	press(f, &panel_free_area, 'p', 1);
	draw(f, &panel_free_area, R80);
	{
		unsigned long want[MAX_ORDER], got[MAX_ORDER];

		buddyinfo(f, "DMA32", want);
		row_numbers(row(f, find_label(f, R80, "pages ")) + R80.x, got);
		for (int o = 0; o < MAX_ORDER; o++)
			assert_int_equal(got[o], want[o] << o);
	}
	release(f, &panel_free_area);
}

/* x of the last digit of each order's header number */
static void column_ends(struct fixture *f, int y, int *end)
{
	const char *text = row(f, y);
	int o = 0;

	for (int x = 0; text[x] && o < MAX_ORDER; x++)
		if (text[x] >= '0' && text[x] <= '9' && (text[x + 1] < '0' || text[x + 1] > '9'))
			end[o++] = x;
	assert_int_equal(o, MAX_ORDER);
}

/* the first column of the number that ends at x */
static int number_start(struct fixture *f, int x, int y)
{
	while (cell(f, x - 1, y)->ch >= '0' && cell(f, x - 1, y)->ch <= '9')
		x--;
	return x;
}

static void test_free_area_highlight(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	int end[MAX_ORDER], header, lit = 0;

	(void)state;
	f->self = panel_free_area.create(&f->v);
	memset(z->changed, 0, sizeof(z->changed));
	/* steals a movable order-10 block and splits it down to order 0 */
	alloc(f, "GFP_TEMPORARY", 0);
	memcpy(f->v.changed[z->idx], z->changed, sizeof(z->changed));
	f->v.changed_until = f->v.now + 1;
	draw(f, &panel_free_area, R80);
	header = find_row(f, R80, "order");
	column_ends(f, header, end);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
		int y = header + 1 + mt;

		assert_non_null(strstr(row(f, y), migratetype_names[mt]));
		for (int o = 0; o < MAX_ORDER; o++) {
			int changed = !!(z->changed[o] & (1u << mt));
			int x = number_start(f, end[o], y);

			assert_int_equal(cell(f, end[o], y)->role == ROLE_HIGHLIGHT, changed);
			assert_int_equal(cell(f, x - 1, y)->ch == '*', changed);
			lit += changed;
		}
	}
	assert_true(lit >= MAX_ORDER); /* 10 taken, 9..0 put on the Reclaimable lists */
	/* unchanged cells are heat-mapped: a zero is heat 0 */
	assert_int_equal(cell(f, end[0], header + 1 + MIGRATE_ISOLATE)->role, ROLE_HEAT0);
	/* once the moment is over, nothing is lit */
	f->v.now = f->v.changed_until + 1;
	draw(f, &panel_free_area, R80);
	for (int y = R80.y; y < R80.y + R80.h; y++) {
		assert_null(strchr(row(f, y), '*'));
		for (int x = R80.x; x < R80.x + R80.w; x++)
			assert_int_not_equal(cell(f, x, y)->role, ROLE_HIGHLIGHT);
	}
	release(f, &panel_free_area);
}

/* ---- memmap ------------------------------------------------------------------- */

/* the cursor onto pfn in page scale, from the zone's first page */
static void cursor_to(struct fixture *f, const struct zone *z, unsigned long pfn,
		      unsigned long per_row)
{
	unsigned long off = pfn - z->zone_start_pfn;

	press(f, &panel_memmap, TK_HOME, 1);
	press(f, &panel_memmap, TK_DOWN, (int)(off / per_row));
	press(f, &panel_memmap, 'l', (int)(off % per_row));
}

/* the cell at pfn in page scale (rows of per_row from an aligned pfn) */
static const struct cell *page_cell(struct fixture *f, struct rect r, unsigned long pfn,
				    unsigned long per_row)
{
	char last[32], label[64];
	int y;

	snprintf(last, sizeof(last), "%lx", zone_end_pfn(zone_of(f, ZONE_NORMAL)) - 1);
	snprintf(label, sizeof(label), "0x%0*lx ", (int)strlen(last), pfn & ~(per_row - 1));
	y = find_row(f, r, label);
	assert_true(y >= 0);
	return cell(f, r.x + (int)strlen(label) + (int)(pfn % per_row), y);
}

static void test_memmap_cursor(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	unsigned long pfn = alloc(f, "GFP_KERNEL", 5);
	char want[96];
	const struct cell *c;

	(void)state;
	f->self = panel_memmap.create(&f->v);
	draw(f, &panel_memmap, R80); /* 16384 pages do not fit: pageblocks */
	assert_shows(f, R80, "1 cell = 512 pages (pageblock)");
	press(f, &panel_memmap, '+', 1);
	draw(f, &panel_memmap, R80);
	assert_shows(f, R80, "1 cell = 1 page");
	cursor_to(f, z, pfn, 64);
	draw(f, &panel_memmap, R80);
	snprintf(want, sizeof(want), "pfn 0x%lx  allocated order 5, kernel", pfn);
	assert_shows(f, R80, want);
	assert_shows(f, R80, "flags PG_head  block Unmovable");
	c = page_cell(f, R80, pfn, 64);
	assert_int_equal(c->ch, 'K'); /* the head of an order-5 allocation */
	assert_int_equal(c->role, ROLE_CURSOR);
	assert_true(c->attr & CELL_REVERSE);
	assert_int_equal(c[1].ch, 'k');
	assert_int_equal(c[1].role, ROLE_PAGE_KERNEL);
	assert_int_equal(c[31].ch, 'k');
	assert_int_not_equal(c[32].ch, 'k');
	/* a page inside it names its head */
	press(f, &panel_memmap, TK_RIGHT, 3);
	draw(f, &panel_memmap, R80);
	snprintf(want, sizeof(want), "allocated order 5 (head 0x%lx), kernel", pfn);
	assert_shows(f, R80, want);
	assert_shows(f, R80, "flags PG_tail");
	/* g: the next free block's head, shown by its order */
	press(f, &panel_memmap, 'g', 1);
	draw(f, &panel_memmap, R80);
	assert_shows(f, R80, "free in order");
	/* Enter copies the description to the log */
	press(f, &panel_memmap, TK_ENTER, 1);
	assert_int_equal(f->v.log.n, 1);
	assert_non_null(strstr(tui_log_get(&f->v.log, 0)->text, "free in order"));
	/* back out to pageblocks: the cursor's block is described */
	press(f, &panel_memmap, '-', 1);
	draw(f, &panel_memmap, R80);
	assert_shows(f, R80, "block 0x3c00 Unmovable: ");
	assert_shows(f, R80, "UEMRI block type");
	release(f, &panel_memmap);
}

/* a freshly booted block is lower case (nothing allocated), an allocated
 * one upper case, and a Movable block holding an unmovable page is '!' */
static void test_memmap_foreign(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	unsigned long kpfn;
	int y, x0;

	(void)state;
	f->self = panel_memmap.create(&f->v);
	/* an unmovable page claims block 0x3c00 for Unmovable ... */
	kpfn = alloc(f, "GFP_KERNEL", 0);
	assert_int_equal(kpfn >> 9, 0x3c00 >> 9);
	/* ... movable memory runs out and takes the block back, page and all */
	for (int i = 0; i < 13; i++)
		alloc(f, "GFP_HIGHUSER_MOVABLE", 10);
	alloc(f, "GFP_HIGHUSER_MOVABLE", 0);
	alloc(f, "GFP_HIGHUSER_MOVABLE", 8);
	alloc(f, "GFP_HIGHUSER_MOVABLE", 8);
	assert_int_equal(get_pageblock_migratetype(f->c.m, kpfn), MIGRATE_MOVABLE);
	draw(f, &panel_memmap, R80);
	y = find_row(f, R80, "0x0000 ");
	assert_true(y >= 0);
	x0 = R80.x + (int)strlen("0x0000 ");
	assert_int_equal(cell(f, x0 + 30, y)->ch, '!');
	assert_int_equal(cell(f, x0 + 30, y)->role, ROLE_POLLUTED);
	assert_int_equal(cell(f, x0 + 2, y)->ch, 'r'); /* the Reserve block, all free */
	assert_int_equal(cell(f, x0 + 2, y)->role, ROLE_MT_RESERVE);
	assert_int_equal(cell(f, x0 + 4, y)->ch, 'M'); /* taken by an order-10 allocation */
	press(f, &panel_memmap, TK_RIGHT, 30);
	draw(f, &panel_memmap, R80);
	assert_shows(f, R80, "block 0x3c00 Movable:");
	assert_shows(f, R80, " foreign (U)"); /* the kernel page and boot's slab pages */
	release(f, &panel_memmap);
}

static void test_memmap_marked(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	const struct cell *c;

	(void)state;
	f->self = panel_memmap.create(&f->v);
	press(f, &panel_memmap, '+', 1);
	f->v.marked = 1;
	f->v.mark_first = z->zone_start_pfn + 2;
	f->v.mark_last = z->zone_start_pfn + 3;
	draw(f, &panel_memmap, R80);
	c = page_cell(f, R80, z->zone_start_pfn, 64);
	assert_int_equal(c[0].role, ROLE_CURSOR);
	assert_int_not_equal(c[1].role, ROLE_MARKED);
	assert_int_equal(c[2].role, ROLE_MARKED);
	assert_int_equal(c[3].role, ROLE_MARKED);
	assert_int_not_equal(c[4].role, ROLE_MARKED);
	release(f, &panel_memmap);
}

/* a million-page zone: End reaches the last page, the view scrolls there */
static void test_memmap_big_zone(void **state)
{
	struct fixture *f = boot("x86_64-4g", 200, 60);
	struct zone *z = zone_of(f, ZONE_DMA32);
	char want[64];

	(void)state;
	f->self = panel_memmap.create(&f->v);
	f->v.zone = z->idx;
	draw(f, &panel_memmap, R200);
	assert_shows(f, R200, "DMA32  1 cell = 512 pages (pageblock)  0x1000-0xfffff");
	press(f, &panel_memmap, TK_END, 1);
	draw(f, &panel_memmap, R200);
	snprintf(want, sizeof(want), "pfn 0x%lx  ", zone_end_pfn(z) - 1);
	assert_shows(f, R200, want);
	press(f, &panel_memmap, '+', 1);
	press(f, &panel_memmap, TK_PGUP, 3);
	draw(f, &panel_memmap, R200);
	assert_shows(f, R200, "1 cell = 1 page");
	assert_shows(f, R200, " of 5935"); /* 1044480 pages in rows of 176 */
	snprintf(want, sizeof(want), "pfn 0x%lx  ", zone_end_pfn(z) - 1 - 3 * 53 * 176);
	assert_shows(f, R200, want); /* a screen is the rows shown less one */
	/* the zone switch puts the cursor on the new zone's first page */
	press(f, &panel_memmap, 'z', 1);
	assert_int_equal(f->v.zone, f->c.m->zone_of_type[ZONE_NORMAL]);
	draw(f, &panel_memmap, R200);
	assert_shows(f, R200, "pfn 0x100000  ");
	release(f, &panel_memmap);
}

/* ---- pcp ---------------------------------------------------------------------- */

static void test_pcp_hot_head(void **state)
{
	struct fixture *f = boot("tiny", 80, 24);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	unsigned long pfn = alloc(f, "GFP_KERNEL", 0);
	const struct per_cpu_pages *pcp = &z->pageset[0].pcp;
	char want[96], line[32];
	int y;

	(void)state;
	snprintf(line, sizeof(line), "free_pages 0x%lx", pfn);
	run(f, line);
	draw(f, &panel_pcp, R80);
	snprintf(want, sizeof(want), "cpu0  count %d  high %d  batch %d", pcp->count,
		 pcp->high, pcp->batch);
	assert_shows(f, R80, want);
	y = find_row(f, R80, " Unmovable");
	assert_true(y >= 0);
	snprintf(want, sizeof(want), "%4u 0x%lx", (unsigned)mm_list_head(f->c.m,
		 pcp->lists[MIGRATE_UNMOVABLE])->nr, pfn);
	assert_non_null(strstr(row(f, y), want)); /* the freed page is the hot head */
	assert_shows(f, R80, "cpu1  count");
	/* Right: cpu1 in detail */
	press(f, &panel_pcp, TK_RIGHT, 1);
	assert_int_equal(f->v.cpu, 1);
	draw(f, &panel_pcp, R80);
	assert_shows(f, R80, "cpu1  count 0");
	press(f, &panel_pcp, 'c', 1);
	assert_int_equal(f->v.cpu, 0);
	release(f, NULL);
}

/* a list longer than the line: hot pages, "…+N…", the cold tail */
static void test_pcp_abbreviated(void **state)
{
	struct fixture *f = boot("x86_64-4g", 80, 24);
	struct zone *z = zone_of(f, ZONE_NORMAL);
	const struct mm_list *l;
	char tail[32];
	const char *text;
	int y;

	(void)state;
	alloc(f, "GFP_HIGHUSER_MOVABLE", 0); /* refills a batch of 31 */
	l = mm_list_head(f->c.m, z->pageset[0].pcp.lists[MIGRATE_MOVABLE]);
	assert_true(l->nr > 10);
	draw(f, &panel_pcp, HALF);
	y = find_row(f, HALF, " M ");
	assert_true(y >= 0);
	text = row(f, y) + HALF.x;
	print_message("%s\n", text);
	assert_non_null(strstr(text, "…+"));
	snprintf(tail, sizeof(tail), " 0x%lx", (unsigned long)l->tail);
	assert_non_null(strstr(text, tail));
	snprintf(tail, sizeof(tail), " 0x%lx ", (unsigned long)l->head);
	assert_non_null(strstr(text, tail));
	release(f, NULL);
}

/* ---- every panel ---------------------------------------------------------------- */

static void test_too_small(void **state)
{
	const struct panel_ops *ops[] = { &panel_zones, &panel_free_area, &panel_memmap,
					  &panel_pcp };

	(void)state;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		struct fixture *f = boot("tiny", 80, 24);
		struct rect r = { 3, 2, ops[i]->min_w - 1, ops[i]->min_h };

		if (ops[i]->create)
			f->self = ops[i]->create(&f->v);
		draw(f, ops[i], r);
		assert_non_null(strstr(row(f, r.y), "too small"));
		r = (struct rect){ 3, 2, ops[i]->min_w, ops[i]->min_h - 1 };
		draw(f, ops[i], r);
		assert_non_null(strstr(row(f, r.y), "too small"));
		/* at the minimum it draws for real, still inside */
		r = (struct rect){ 3, 2, ops[i]->min_w, ops[i]->min_h };
		draw(f, ops[i], r);
		assert_null(strstr(row(f, r.y), "too small"));
		assert_non_null(ops[i]->keys);
		release(f, ops[i]);
	}
}

/* every size from tiny to wide, on a machine with several zones */
static void test_sizes(void **state)
{
	const struct panel_ops *ops[] = { &panel_zones, &panel_free_area, &panel_memmap,
					  &panel_pcp };

	(void)state;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		struct fixture *f = boot("i386-1g", 120, 40);

		if (ops[i]->create)
			f->self = ops[i]->create(&f->v);
		alloc(f, "GFP_KERNEL", 2);
		for (int w = ops[i]->min_w; w <= 118; w += 7)
			for (int h = ops[i]->min_h; h <= 38; h += 5)
				draw(f, ops[i], (struct rect){ 1, 1, w, h });
		release(f, ops[i]);
	}
}

int main(void)
{
	/* as main.c does: the screen's '…' and '→' need a UTF-8 locale */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones_free_count),
		cmocka_unit_test(test_zones_gauge),
		cmocka_unit_test(test_zones_select),
		cmocka_unit_test(test_free_area_buddyinfo),
		cmocka_unit_test(test_free_area_big_zone),
		cmocka_unit_test(test_free_area_highlight),
		cmocka_unit_test(test_memmap_cursor),
		cmocka_unit_test(test_memmap_foreign),
		cmocka_unit_test(test_memmap_marked),
		cmocka_unit_test(test_memmap_big_zone),
		cmocka_unit_test(test_pcp_hot_head),
		cmocka_unit_test(test_pcp_abbreviated),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
