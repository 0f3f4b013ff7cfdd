/*
 * common.c - the machines, sinks, budget and final check of the fuzz
 * targets (see fuzz.h).
 *
 * The budget.  One input must run in well under a second (libFuzzer's
 * speed depends on it, and a slow input is no finding), so a command line
 * is skipped whole when one of its commands would:
 *   - run more than FUZZ_MAX_CMDS commands in all;
 *   - tick more than FUZZ_TICK_ONE jiffies at once or FUZZ_TICK_ALL in all
 *     (a day of ticks is legal and takes a tenth of a second, but nothing
 *     new happens after the first minutes);
 *   - fault in or read more pages (task spawn, task touch, pagecache add,
 *     pagecache touch) than FUZZ_PAGES_ONE at once or FUZZ_PAGES_ALL in
 *     all; on a machine with swap FUZZ_SWAP_ONE and FUZZ_SWAP_ALL, since
 *     each page swapped out costs a few hundred microseconds (a line that
 *     boots a machine counts as having swap);
 *   - boot a machine other than the small ones (`machine` alone, `machine
 *     tiny` and the small machine files of the tree, by their file name: a
 *     64 GiB machine takes seconds, and any other path could name a file
 *     that never ends, such as /dev/stdin).
 * Skipping whole lines keeps the rest of the input meaningful: what runs
 * is a stream `mmscope --batch --keep-going` would run the same way (but
 * for the stage checks, below).
 *
 * `check stages on` runs the invariant checker at every stage point, which
 * walks the whole machine (~1 ms on tiny): an input gets FUZZ_STAGE_CHECKS
 * of them, then runs on with the stage checks off (a listener counts them).
 * What they find is a finding: the listener aborts on the checker's
 * "invariant broken" report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/internal.h"
#include "fuzz.h"

#define FUZZ_MAX_CMDS 256
#define FUZZ_TICK_ONE 10000UL
#define FUZZ_TICK_ALL 50000UL
#define FUZZ_PAGES_ONE 16384UL
#define FUZZ_PAGES_ALL 65536UL
#define FUZZ_SWAP_ONE 12288UL
#define FUZZ_SWAP_ALL 16384UL
#define FUZZ_STAGE_CHECKS 200UL

/* ---- machines --------------------------------------------------------------- */

struct fuzz_machine {
	const char *name;
	const char *text; /* a machine file */
};

static const struct fuzz_machine machines[] = {
	{ "tiny", "preset tiny\n" },
	/* tests/cmd/machines/tiny-noslab.machine */
	{ "tiny-noslab", "preset tiny\nslab none\n" },
	/* tests/cmd/machines/frag.machine: 32 MiB away from pfn 0, no slab */
	{ "frag", "cpus 2\nzone Normal start_pfn=0x1000 pages=0x2000\n"
		  "reserved 0x1000-0x10ff\nslab none\n" },
	/* tests/cmd/machines/tiny-swap.machine */
	{ "tiny-swap", "preset tiny\nswap 64M\n" },
	/* x86_64 with DMA and DMA32 (lowmem_reserve, zone fallback), 4 cpus */
	{ "x86_64-small", "cpus 4\nzone DMA start_pfn=0x1 pages=0xfff\n"
			  "zone DMA32 start_pfn=0x1000 pages=0x7000\nhole 0x9f-0xff\n"
			  "reserved 0x1000-0x11ff\n" },
	/* i386 with HighMem: pageblocks of 1024 pages, lowmem vs highmem (boot
	 * frees HighMem page by page, as add_highpages does: keep it small) */
	{ "i386-small", "arch i386\ncpus 3\nzone DMA start_pfn=0x0 pages=0x1000\n"
			"zone Normal start_pfn=0x1000 pages=0x3000\n"
			"zone HighMem start_pfn=0x4000 pages=0x800\nhole 0x0-0x0\n"
			"hole 0x9f-0xff\nreserved 0x1000-0x13ff\n" },
	/* zones that start and end inside pageblocks (issue 11, item 8) */
	{ "unaligned", "cpus 2\nzone DMA start_pfn=0x10 pages=0x150\n"
		       "zone Normal start_pfn=0x160 pages=0x3ea3\nreserved 0x160-0x2ff\n" },
};
#define NR_MACHINES (sizeof(machines) / sizeof(machines[0]))

/* "# machine: NAME" or "-- machine: NAME" on the first line; NAME may be a
 * path, its last component without ".machine" counts */
static int machine_by_directive(const uint8_t *data, size_t size)
{
	char line[128], *name, *end, *slash;
	size_t n = 0;

	while (n < size && n < sizeof(line) - 1 && data[n] != '\n' && data[n])
		n++;
	memcpy(line, data, n);
	line[n] = '\0';
	if (strncmp(line, "# machine:", 10) == 0)
		name = line + 10;
	else if (strncmp(line, "-- machine:", 11) == 0)
		name = line + 11;
	else
		return -1;
	name += strspn(name, " \t");
	end = name + strcspn(name, " \t\r");
	*end = '\0';
	slash = strrchr(name, '/');
	if (slash)
		name = slash + 1;
	if (end - name > 8 && strcmp(end - 8, ".machine") == 0)
		end[-8] = '\0';
	for (size_t i = 0; i < NR_MACHINES; i++)
		if (strcmp(name, machines[i].name) == 0)
			return (int)i;
	return -1;
}

struct mm_machine *fuzz_boot(const uint8_t *data, size_t size)
{
	int i = machine_by_directive(data, size);
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256];

	if (i < 0)
		i = size ? (int)(data[0] % NR_MACHINES) : 0;
	if (mm_desc_parse(&d, machines[i].text, machines[i].name, err, sizeof(err)) ||
	    !(m = mm_machine_create(&d, err, sizeof(err)))) {
		fprintf(stderr, "fuzz: machine %s does not boot: %s\n", machines[i].name, err);
		abort();
	}
	if (fuzz_verbose())
		printf("fuzz: machine %s\n", machines[i].name);
	return m;
}

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* ---- sinks --------------------------------------------------------------------- */

int fuzz_verbose(void)
{
	static int v = -1;

	if (v < 0) {
		const char *e = getenv("FUZZ_VERBOSE");

		v = e && *e && strcmp(e, "0") != 0;
	}
	return v;
}

void fuzz_out(void *sink, const char *text, size_t len)
{
	(void)sink;
	if (fuzz_verbose())
		fwrite(text, 1, len, stdout);
}

void fuzz_err(void *sink, const char *line)
{
	(void)sink;
	if (fuzz_verbose()) {
		fflush(stdout);
		fprintf(stderr, "%s\n", line);
	}
}

/* ---- the budget ----------------------------------------------------------------- */

int fuzz_tick_ok(struct fuzz_budget *b, unsigned long jiffies)
{
	if (jiffies > FUZZ_TICK_ONE || b->jiffies + jiffies > FUZZ_TICK_ALL)
		return -1;
	b->jiffies += jiffies;
	return 0;
}

int fuzz_pages_ok(struct fuzz_budget *b, unsigned long pages)
{
	int swap = b->swap || (b->c && b->c->m && b->c->m->desc.swap_pages);
	unsigned long one = swap ? FUZZ_SWAP_ONE : FUZZ_PAGES_ONE;
	unsigned long all = swap ? FUZZ_SWAP_ALL : FUZZ_PAGES_ALL;

	if (pages > one || b->pages + pages > all)
		return -1;
	b->pages += pages;
	return 0;
}

/* counts the stage checks; aborts when one of them failed */
static void listener(struct mm_machine *m, const struct mm_event *ev, void *ud)
{
	struct fuzz_budget *b = ud;

	if (ev->type == MM_EV_PRINTK) {
		if (ev->text && strncmp(ev->text, "mmscope: invariant broken", 26) == 0) {
			fprintf(stderr, "fuzz: %s\n", ev->text);
			abort();
		}
		return;
	}
	/* the check of this stage point runs right after its observers */
	if (m->check_stages && ++b->stage_checks > FUZZ_STAGE_CHECKS)
		m->check_stages = 0;
}

static void listen_for(struct fuzz_budget *b, int stages)
{
	unsigned int mask = MM_EV_BIT(MM_EV_PRINTK) | (stages ? MM_EV_STAGES : 0);

	if (b->listen_id >= 0 && mask != b->mask)
		cmd_listen_mask(b->c, b->listen_id, mask);
	b->mask = mask;
}

void fuzz_budget_init(struct fuzz_budget *b, struct cmd_ctx *c)
{
	memset(b, 0, sizeof(*b));
	b->c = c;
	b->mask = MM_EV_BIT(MM_EV_PRINTK);
	b->listen_id = cmd_listen(c, listener, b, b->mask);
}

void fuzz_budget_fini(struct fuzz_budget *b)
{
	if (b->listen_id >= 0)
		cmd_unlisten(b->c, b->listen_id);
	b->listen_id = -1;
}

/* a count argument: one the command will refuse costs nothing */
static int count_ok(struct fuzz_budget *b, const char *s, int ticks)
{
	unsigned long n;
	int rc = cmd_parse_ulong(s, &n);

	if (rc == -1)
		return 0;
	if (rc == -2) /* too large for a number: refused as such */
		return 0;
	return ticks ? fuzz_tick_ok(b, n) : fuzz_pages_ok(b, n);
}

/* `machine` may boot these, by name or by a path with this last part */
static const char *const small_machines[] = {
	"tiny", "frag.machine", "tiny-noslab.machine", "tiny-swap.machine", NULL,
};

/* one command (argv[0..argc-1]) */
static int command_ok(struct fuzz_budget *b, int argc, char **argv)
{
	const char *name = argv[0];

	if (++b->cmds > FUZZ_MAX_CMDS)
		return -1;
	if (strcmp(name, "tick") == 0)
		return count_ok(b, argc > 1 ? argv[1] : "1", 1);
	if (strcmp(name, "task") == 0 && argc > 3 &&
	    (strcmp(argv[1], "spawn") == 0 || strcmp(argv[1], "touch") == 0))
		return count_ok(b, argv[3], 0);
	if (strcmp(name, "pagecache") == 0 && argc > 2 && strcmp(argv[1], "add") == 0)
		return count_ok(b, argv[2], 0);
	if (strcmp(name, "pagecache") == 0 && argc > 2 && strcmp(argv[1], "touch") == 0)
		return count_ok(b, argc > 3 ? argv[3] : "1", 0);
	if (strcmp(name, "check") == 0 && argc == 3 && strcmp(argv[1], "stages") == 0 &&
	    strcmp(argv[2], "on") == 0)
		b->stages = 1; /* the listener counts the stage checks from now on */
	if (strcmp(name, "machine") == 0 && argc == 2) {
		const char *base = strrchr(argv[1], '/');

		base = base ? base + 1 : argv[1];
		b->swap = 1; /* whatever it boots, from here on in this line */
		for (int i = 0; small_machines[i]; i++)
			if (strcmp(base, small_machines[i]) == 0)
				return 0;
		return -1;
	}
	return 0;
}

int fuzz_line_ok(struct fuzz_budget *b, const char *line)
{
	struct fuzz_budget saved = *b;
	struct cmd_words w;
	char err[64];
	size_t a = 0;
	int rc = 0;

	/* a line that does not split runs nothing: cmd_exec reports it */
	if (cmd_split(line, &w, 0, err, sizeof(err)) < 0) {
		cmd_words_free(&w);
		return 0;
	}
	for (size_t k = 0; k < w.ncmds && rc == 0; k++) {
		int argc = 0;

		while (w.argv[a + (size_t)argc])
			argc++;
		rc = command_ok(b, argc, &w.argv[a]);
		a += (size_t)argc + 1;
	}
	cmd_words_free(&w);
	if (rc)
		*b = saved; /* nothing of a skipped line is charged */
	b->swap = 0;
	listen_for(b, b->stages);
	return rc;
}

/* ---- the final check ---------------------------------------------------------------- */

void fuzz_check(struct mm_machine *m, const char *when)
{
	if (mm_check(m) == 0)
		return;
	fprintf(stderr, "fuzz: %s: mm_check: %s\n", when, m->err);
	abort();
}
