/*
 * bench.c - one fast path, looped.  `bench MODE N` does the set-up MODE
 * needs (boot a machine, create a cache, build a screen), then runs that
 * mode's loop N times and prints one line: the mode, N and the nanoseconds
 * per loop, timed with CLOCK_MONOTONIC around the loop alone.
 *
 * Only one mode runs per process so that tests/bench/run.sh can count
 * instructions under callgrind: it runs each mode with N and with 2N, and
 * the difference of the two totals is N loops with the set-up (and the
 * start of the process, and valgrind's own) cancelled out.  That is why
 * each set-up ends with one loop done by hand: a pcp list refilled, an
 * array cache warmed, a panel that caches something on its first draw.
 * Both runs then pay for the same cold start and the difference holds
 * only the steady state.
 *
 * Nothing here asserts; tests do that.  A call that fails stops the bench
 * (exit 1), since a timed failure path would measure the wrong thing.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mm.h"
#include "cmd/cmd.h"
#include "tui/canvas.h"
#include "tui/layout.h"
#include "tui/panel.h"

/* the size of the screen the frame mode draws (the README's wide screenshot) */
#define FRAME_W 200
#define FRAME_H 60

struct bench {
	struct mm_machine *m;
	struct kmem_cache *cache;
	unsigned long events, text_bytes; /* what the observer saw */
	struct mm_reason last_reason;

	/* the frame modes: a screen without a terminal */
	struct cmd_ctx c;
	int have_ctx;
	struct tui_view v;
	struct canvas cv;
	void *panel[NR_TUI_PANELS];
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
	int nslots;
};

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench: %s: %s\n", what, why);
	exit(1);
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static struct mm_machine *boot(const char *preset)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256];

	if (mm_desc_preset(&d, preset))
		die(preset, "no such preset");
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m)
		die(preset, err);
	return m;
}

/* ---- the page allocator ------------------------------------------------- */

static void page_pair(struct mm_machine *m, unsigned int order)
{
	struct mm_alloc_result r;

	if (mm_alloc_pages(m, 0, GFP_KERNEL, order, MM_OWNER(OWNER_KERNEL, 0), &r))
		die("alloc_pages", m->err);
	if (mm_free_pages(m, 0, r.pfn, (int)order))
		die("free_pages", m->err);
}

/* the first order-0 allocation refills the pcp list from the buddy
 * allocator (rmqueue_bulk); every later one is a hit */
static void setup_order0(struct bench *b)
{
	b->m = boot("x86_64-4g");
	page_pair(b->m, 0);
}

static void loop_order0(struct bench *b, long n)
{
	for (long i = 0; i < n; i++)
		page_pair(b->m, 0);
}

/*
 * What a front end's listener costs at the least: every event counted, and
 * a stage event's reason kept as the call-stack panel keeps it (a copy of
 * its values, formatted only when drawn).  Subscribing to the stage events
 * turns on the stage points in the allocator (m->watch), which is the cost
 * this mode is about.
 */
static void count_event(struct mm_machine *m, const struct mm_event *ev, void *ctx)
{
	struct bench *b = ctx;

	(void)m;
	b->events++;
	if (ev->reason) {
		b->last_reason = *ev->reason;
		b->text_bytes += b->last_reason.nargs;
	}
}

static void setup_observed(struct bench *b)
{
	b->m = boot("x86_64-4g");
	mm_set_observer(b->m, count_event, b, (1u << MM_EV_NR_TYPES) - 1);
	page_pair(b->m, 0);
}

static void setup_order3(struct bench *b)
{
	b->m = boot("x86_64-4g");
	page_pair(b->m, 3);
}

static void loop_order3(struct bench *b, long n)
{
	for (long i = 0; i < n; i++)
		page_pair(b->m, 3);
}

/* ---- SLAB ----------------------------------------------------------------- */

static void cache_pair(struct bench *b)
{
	unsigned long addr;

	if (kmem_cache_alloc(b->m, 0, b->cache, GFP_KERNEL, &addr))
		die("kmem_cache_alloc", b->m->err);
	if (kmem_cache_free(b->m, 0, b->cache, addr))
		die("kmem_cache_free", b->m->err);
}

/* the first allocation grows the cache and refills cpu0's array; every
 * later one takes the object the free before it put back */
static void setup_cache(struct bench *b)
{
	b->m = boot("x86_64-4g");
	if (kmem_cache_create(b->m, "bench", 200, 0, SLAB_HWCACHE_ALIGN, 0, &b->cache))
		die("kmem_cache_create", b->m->err);
	cache_pair(b);
}

static void loop_cache(struct bench *b, long n)
{
	for (long i = 0; i < n; i++)
		cache_pair(b);
}

static void kmalloc_pair(struct mm_machine *m)
{
	unsigned long addr;

	if (mm_kmalloc(m, 0, 64, GFP_KERNEL, &addr))
		die("kmalloc", m->err);
	if (mm_kfree(m, 0, addr))
		die("kfree", m->err);
}

static void setup_kmalloc(struct bench *b)
{
	b->m = boot("x86_64-4g");
	kmalloc_pair(b->m);
}

static void loop_kmalloc(struct bench *b, long n)
{
	for (long i = 0; i < n; i++)
		kmalloc_pair(b->m);
}

/* ---- booting -------------------------------------------------------------- */

static void loop_boot64g(struct bench *b, long n)
{
	(void)b;
	for (long i = 0; i < n; i++)
		mm_machine_destroy(boot("x86_64-64g"));
}

/* ---- a frame of the screen -------------------------------------------------- */

/* the command output the screen would log; the frame modes drop it */
static void drop_out(void *sink, const char *text, size_t len)
{
	(void)sink, (void)text, (void)len;
}

static void drop_err(void *sink, const char *line)
{
	(void)sink, (void)line;
}

/*
 * The screen as tui.c sets it up at FRAME_W x FRAME_H, without the
 * terminal: a command context owning the machine, the view the panels
 * share (the zone they show is the Normal zone, as on a fresh screen),
 * every panel created, and the layout `auto` picks for that size (the
 * wide one, which shows every panel) arranged above the status bar and
 * the command line.  The status bar and the command line themselves are
 * tui_draw.c's and need the main loop's state; two rows of text, left out.
 */
static void setup_frame_on(struct bench *b, const char *preset)
{
	struct rect area = { 0, 0, FRAME_W, FRAME_H - 2 };
	struct mm_machine *m;

	/* the program's locale (main.c); the tests' when the environment has none */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	m = boot(preset);
	cmd_ctx_init(&b->c, m, drop_out, drop_err, b);
	b->have_ctx = 1;
	b->v.c = &b->c;
	b->v.zone = m->zone_of_type[ZONE_NORMAL];
	b->v.cpu = m->cur_cpu;
	b->v.now = 1.0;
	for (int i = 0; i < NR_TUI_PANELS; i++)
		if (tui_panels[i]->create) {
			b->panel[i] = tui_panels[i]->create(&b->v);
			if (!b->panel[i])
				die(tui_panels[i]->name, "cannot create the panel");
		}
	if (canvas_init(&b->cv, FRAME_W, FRAME_H))
		die("canvas", "no memory");
	b->nslots = layout_arrange(layout_auto(FRAME_W, FRAME_H), area, b->slot,
				   LAYOUT_MAX_SLOTS);
}

/* tui_draw without the two bottom rows: clear, then each panel in its frame */
static void draw_frame(struct bench *b)
{
	canvas_clear(&b->cv, ROLE_DEFAULT);
	for (int i = 0; i < b->nslots; i++) {
		int p = b->slot[i].panel;
		const struct panel_ops *ops = tui_panels[p];

		canvas_box(&b->cv, b->slot[i].r, ops->title, 0);
		if (ops->draw)
			ops->draw(b->panel[p], &b->v, &b->cv, rect_inner(b->slot[i].r), 0);
	}
}

static void setup_frame(struct bench *b)
{
	setup_frame_on(b, "x86_64-64g");
	draw_frame(b);
}

static void setup_frame4g(struct bench *b)
{
	setup_frame_on(b, "x86_64-4g");
	draw_frame(b);
}

static void loop_frame(struct bench *b, long n)
{
	for (long i = 0; i < n; i++)
		draw_frame(b);
}

/* ---- the modes ------------------------------------------------------------ */

struct mode {
	const char *name;
	const char *what; /* for the usage text */
	void (*setup)(struct bench *b);
	void (*loop)(struct bench *b, long n);
};

static const struct mode modes[] = {
	{ "order0", "alloc+free of an order-0 page, a pcp list hit (x86_64-4g, cpu 0)",
	  setup_order0, loop_order0 },
	{ "observed", "order0 with an observer subscribed to every event kind",
	  setup_observed, loop_order0 },
	{ "cache", "kmem_cache_alloc+kmem_cache_free of a 200-byte object, an array hit",
	  setup_cache, loop_cache },
	{ "kmalloc", "kmalloc(64)+kfree", setup_kmalloc, loop_kmalloc },
	{ "order3", "alloc+free of an order-3 block, the buddy allocator",
	  setup_order3, loop_order3 },
	{ "boot64g", "boot the x86_64-64g preset and destroy it", NULL, loop_boot64g },
	{ "frame", "draw a 200x60 frame of the screen's panels on x86_64-64g",
	  setup_frame, loop_frame },
	{ "frame4g", "the same frame on x86_64-4g (does it grow with memory?)",
	  setup_frame4g, loop_frame },
};
#define NR_MODES (sizeof(modes) / sizeof(modes[0]))

static void usage(void)
{
	fprintf(stderr, "usage: bench MODE N\n"
			"runs MODE's loop N times after its set-up and prints\n"
			"\"MODE N NS ns/op\", the time of the loop alone.  Modes:\n");
	for (size_t i = 0; i < NR_MODES; i++)
		fprintf(stderr, "  %-9s %s\n", modes[i].name, modes[i].what);
	exit(2);
}

static void teardown(struct bench *b)
{
	if (b->have_ctx) {
		for (int i = 0; i < NR_TUI_PANELS; i++)
			if (b->panel[i] && tui_panels[i]->destroy)
				tui_panels[i]->destroy(b->panel[i]);
		canvas_free(&b->cv);
		tui_log_free(&b->v.log);
		cmd_ctx_fini(&b->c); /* destroys the machine */
	} else if (b->m) {
		mm_machine_destroy(b->m);
	}
}

int main(int argc, char **argv)
{
	const struct mode *mode = NULL;
	struct bench b = { 0 };
	double t0, ns;
	char *end;
	long n;

	if (argc != 3)
		usage();
	for (size_t i = 0; i < NR_MODES; i++)
		if (strcmp(argv[1], modes[i].name) == 0)
			mode = &modes[i];
	n = strtol(argv[2], &end, 10);
	if (!mode || end == argv[2] || *end || n <= 0)
		usage();

	if (mode->setup)
		mode->setup(&b);
	t0 = now_ns();
	mode->loop(&b, n);
	ns = now_ns() - t0;
	printf("%s %ld %.1f ns/op\n", mode->name, n, ns / (double)n);
	if (b.text_bytes == 1) /* keep the observer's reads */
		printf("\n");
	teardown(&b);
	return 0;
}
