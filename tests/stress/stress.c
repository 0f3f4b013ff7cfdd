/*
 * stress.c - random step-mode streams through the command language.
 *
 * Each stream boots a machine and types COMMANDS random commands at it, the
 * way a teacher pokes at a paused allocation in front of a class:
 * allocations and frees of pages, kmalloc/kfree, kmem_cache_create /
 * alloc / free / shrink / destroy, `--step` requests on two cpus, step /
 * next / finish / continue on a random cpu, tick, drain_all_pages, the
 * workload (tasks, page cache, drop_caches, compaction) and check.  The
 * invariant checker runs at every stage point (check stages on) and a full
 * `check` after every command; a stream fails on a breach, on a crash (the
 * harness dies) or on a hang (a watchdog alarm per stream).  A failing
 * stream prints its seed and the commands that led there, ready for
 * `mmscope --machine M --keep-going --echo --batch FILE`.
 *
 * Objects to free are found in the model's state (an allocated kernel page
 * near a random pfn, an allocated object of a random cache - kmalloc
 * caches hold the allocator's own metadata too, which a careless user can
 * free as well), sometimes made up (a free page, an address in no slab).
 *
 *   stress [--machine NAME] [--streams N] [--commands N] [--seed S]
 *          [--check-every K] [--no-stage-check] [--quiet] [--log FILE]
 *
 * --check-every K: a full mm_check after every K commands (0: only at the
 * end; default 1, or 50 on machines above 64k pages).  --log FILE: where
 * a failing stream's commands go (else stderr).
 */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "mm.h"

struct opts {
	const char *machine;
	unsigned long streams, commands, seed, check_every;
	int quiet, no_stage_check;
	const char *log;
};

/* ---- a small deterministic RNG (xorshift64*) ---------------------------------- */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static unsigned long below(unsigned long n)
{
	return n ? (unsigned long)(rnd() % n) : 0;
}

/* ---- the stream's log, printed when it fails ------------------------------------ */
#define LOG_LINES 1024
static char logbuf[LOG_LINES][160];
static unsigned long nlog;
static char errbuf[512];
static unsigned long nerr;
static const struct opts *cur_opts;
static unsigned long cur_stream, cur_seed;

static void dump_log(const char *why)
{
	FILE *f = stderr;
	unsigned long first = nlog > LOG_LINES ? nlog - LOG_LINES : 0;

	fprintf(stderr, "stress: %s: machine %s, stream %lu (seed %lu), after %lu commands\n", why,
		cur_opts->machine, cur_stream, cur_seed, nlog);
	if (cur_opts->log && (f = fopen(cur_opts->log, "w")) == NULL)
		f = stderr;
	fprintf(f, "# machine: %s\n# stress stream %lu, seed %lu: %s\n", cur_opts->machine, cur_stream,
		cur_seed, why);
	for (unsigned long i = first; i < nlog; i++)
		fprintf(f, "%s\n", logbuf[i % LOG_LINES]);
	if (f != stderr) {
		fclose(f);
		fprintf(stderr, "stress: the commands are in %s\n", cur_opts->log);
	}
}

static void on_signal(int sig)
{
	/* not async-signal-safe, but the process is going down anyway */
	dump_log(sig == SIGALRM ? "hang (watchdog)" : "crash");
	signal(sig, SIG_DFL);
	if (sig == SIGALRM)
		_exit(3);
	raise(sig);
}

static void out_null(void *sink, const char *text, size_t len)
{
	(void)sink, (void)text, (void)len;
}

static void err_keep(void *sink, const char *line)
{
	(void)sink;
	nerr++;
	snprintf(errbuf, sizeof(errbuf), "%s", line);
}

/* ---- a refused command changes nothing ------------------------------------------------ */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		h = (h ^ *b++) * 1099511628211ULL;
	return h;
}

/* what the model is: pages, lists, zones, pageblocks, counters, clock, the
 * slab caches' lists, arrays and objects, the tasks, requests and locks */
static uint64_t state_hash(struct mm_machine *m)
{
	uint64_t h = 14695981039346656037ULL;

	h = fnv(h, m->mem_map, m->max_pfn * sizeof(struct page));
	h = fnv(h, m->lists, m->nr_lists * sizeof(struct mm_list));
	h = fnv(h, m->pageblock_flags, ((m->max_pfn - 1) >> m->pageblock_order) + 1);
	h = fnv(h, m->vm_events, sizeof(m->vm_events));
	h = fnv(h, &m->clock, sizeof(m->clock));
	h = fnv(h, m->inflight, sizeof(m->inflight[0]) * (size_t)m->nr_inflight);
	h = fnv(h, &m->min_free_kbytes, sizeof(m->min_free_kbytes));
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		h = fnv(h, z->watermark, sizeof(z->watermark));
		h = fnv(h, z->free_area, sizeof(z->free_area));
		h = fnv(h, z->vm_stat, sizeof(z->vm_stat));
		h = fnv(h, z->changed, sizeof(z->changed));
		h = fnv(h, &z->all_unreclaimable, sizeof(z->all_unreclaimable));
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			h = fnv(h, &z->pageset[cpu].pcp, sizeof(z->pageset[cpu].pcp));
	}
	for (struct kmem_cache *c = mm_slab_caches(m); c; c = c->next) {
		h = fnv(h, c->name, strlen(c->name));
		h = fnv(h, c->node->slabs, sizeof(c->node->slabs));
		h = fnv(h, &c->node->free_objects, sizeof(c->node->free_objects));
		h = fnv(h, &c->node->colour_next, sizeof(c->node->colour_next));
		h = fnv(h, &c->users, sizeof(c->users));
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			if (c->array[cpu]) {
				h = fnv(h, &c->array[cpu]->avail, sizeof(unsigned));
				h = fnv(h, c->array[cpu]->entry, c->array[cpu]->avail * sizeof(unsigned long));
			}
		for (int l = SLABS_PARTIAL; l <= SLABS_FREE; l++)
			for (uint32_t id = c->node->slabs[l].head; id; id = mm_slab_by_id(m, id)->next) {
				struct slab *sl = mm_slab_by_id(m, id);

				h = fnv(h, &sl->free, sizeof(sl->free));
				h = fnv(h, sl->state, c->num);
			}
	}
	for (struct task *t = m->work.tasks; t; t = t->next) {
		h = fnv(h, &t->pid, sizeof(t->pid));
		h = fnv(h, t->pte, t->nr_pte * sizeof(*t->pte));
	}
	h = fnv(h, &m->work.file.nrpages, sizeof(m->work.file.nrpages));
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		const struct mm_request *r = mm_request_of(m, cpu);

		if (r) {
			char where[256];

			mm_request_where(r, where, sizeof(where));
			h = fnv(h, &r->state, sizeof(r->state));
			h = fnv(h, &r->depth, sizeof(r->depth));
			h = fnv(h, where, strlen(where));
		}
	}
	return h;
}

/* errors after which the model did work: the allocator ran and failed */
static int failed_after_work(const char *e)
{
	static const char *const worked[] = {
		"out of memory", "allocation failure", "error -12", "finished", "Killed process",
		"was killed", /* task spawn whose own page faults made it the OOM victim */
	};

	for (size_t i = 0; i < sizeof(worked) / sizeof(worked[0]); i++)
		if (strstr(e, worked[i]))
			return 1;
	return 0;
}

/* ---- finding things to free ------------------------------------------------------- */

/* an allocated page head owned by the command line near a random pfn */
static int pick_kernel_page(struct mm_machine *m, unsigned long *pfn, int *order)
{
	unsigned long start = below(m->max_pfn);

	for (unsigned long i = 0; i < 8192; i++) {
		unsigned long p = (start + i) % m->max_pfn;
		const struct page *pg;

		if (!pfn_valid(m, p))
			continue;
		pg = &m->mem_map[p];
		if ((pg->flags & PG_head) && MM_OWNER_KIND(pg->owner) == OWNER_KERNEL) {
			*pfn = p;
			*order = pg->alloc_order;
			return 1;
		}
	}
	return 0;
}

static struct kmem_cache *pick_cache(struct mm_machine *m, int mine_only)
{
	struct kmem_cache *c, *pick = NULL;
	unsigned long n = 0;

	for (c = mm_slab_caches(m); c; c = c->next)
		if (!mine_only || !strncmp(c->name, "st", 2))
			n++;
	if (!n)
		return NULL;
	n = below(n);
	for (c = mm_slab_caches(m); c; c = c->next)
		if (!mine_only || !strncmp(c->name, "st", 2)) {
			if (!n--) {
				pick = c;
				break;
			}
		}
	return pick;
}

/* an allocated object of c, or 0 */
static unsigned long pick_object(struct mm_machine *m, struct kmem_cache *c)
{
	for (int l = SLABS_PARTIAL; l <= SLABS_FULL; l++)
		for (uint32_t id = c->node->slabs[l].head; id; id = mm_slab_by_id(m, id)->next) {
			struct slab *sl = mm_slab_by_id(m, id);
			unsigned start = (unsigned)below(c->num);

			for (unsigned i = 0; i < c->num; i++) {
				unsigned k = (start + i) % c->num;

				if (sl->state[k] == OBJ_ALLOCATED && below(3))
					return sl->s_mem + (unsigned long)k * c->size;
			}
		}
	return 0;
}

/* ---- the commands ------------------------------------------------------------------ */

static const char *const gfps[] = {
	"GFP_KERNEL", "GFP_KERNEL", "GFP_ATOMIC", "GFP_HIGHUSER_MOVABLE", "GFP_KERNEL|__GFP_COLD",
	"GFP_NOWAIT", "GFP_DMA", "GFP_KERNEL|__GFP_RECLAIMABLE", "GFP_KERNEL|__GFP_NORETRY",
	"GFP_NOIO",
};
#define NGFPS (sizeof(gfps) / sizeof(gfps[0]))

static const char *const funcs[] = {
	"__rmqueue_fallback", "rmqueue_bulk", "__rmqueue_smallest", "expand", "free_pcppages_bulk",
	"cache_alloc_refill", "cache_grow", "free_block", "__alloc_pages_slowpath", "drain_all_pages",
	"__free_one_page", "cache_flusharray",
};
#define NFUNCS (sizeof(funcs) / sizeof(funcs[0]))

static int small_order(void)
{
	unsigned long r = below(20);

	return r < 12 ? 0 : r < 16 ? 1 : r < 18 ? 3 : (int)below(11);
}

static void make_command(struct mm_machine *m, char *buf, size_t len)
{
	const char *step = below(3) ? "" : "--step ";
	unsigned long pfn, addr;
	struct kmem_cache *c;
	int order;

	unsigned long pick = below(32);

	/* step commands mostly where a request is there to move */
	if (pick >= 17 && pick <= 23 && !mm_request_of(m, m->cur_cpu) && below(4))
		pick = below(17);
	switch (pick) {
	case 0: case 1: case 2: case 3:
		snprintf(buf, len, "alloc_pages %s%s %d", step, gfps[below(NGFPS)], small_order());
		break;
	case 4: case 5: case 6:
		if (pick_kernel_page(m, &pfn, &order))
			snprintf(buf, len, "free_pages 0x%lx%s", pfn, below(4) ? "" : " 0");
		else
			snprintf(buf, len, "free_pages 0x%lx", below(m->max_pfn + 16));
		break;
	case 7: case 8:
		snprintf(buf, len, "kmalloc %s%lu%s", step, below(8) ? 1 + below(2048) : below(1UL << 23),
			 below(6) ? "" : " GFP_ATOMIC");
		break;
	case 9: case 10:
		c = pick_cache(m, 0);
		addr = c ? pick_object(m, c) : 0;
		if (!addr)
			addr = mm_page_offset(m) + below(m->max_pfn) * PAGE_SIZE + below(64) * 8;
		snprintf(buf, len, "kfree 0x%lx", addr);
		break;
	case 11:
		snprintf(buf, len, "kmem_cache_create st%lu %lu%s", below(6), 8 + below(below(4) ? 600 : 9000),
			 below(4) ? "" : " 0 SLAB_HWCACHE_ALIGN");
		break;
	case 12: case 13:
		c = pick_cache(m, 1);
		snprintf(buf, len, "kmem_cache_alloc %s%s", step, c ? c->name : "st0");
		break;
	case 14:
		c = pick_cache(m, below(4) != 0);
		addr = c ? pick_object(m, c) : 0;
		snprintf(buf, len, "kmem_cache_free %s 0x%lx", c ? c->name : "st1", addr);
		break;
	case 15:
		c = pick_cache(m, 1);
		snprintf(buf, len, "kmem_cache_shrink %s", c ? c->name : "st2");
		break;
	case 16:
		c = pick_cache(m, below(8) != 0);
		snprintf(buf, len, "kmem_cache_destroy %s", c ? c->name : "st3");
		break;
	case 17: case 18: case 19:
		snprintf(buf, len, "step");
		break;
	case 20:
		snprintf(buf, len, "next");
		break;
	case 21:
		snprintf(buf, len, "finish");
		break;
	case 22: case 23:
		snprintf(buf, len, "continue");
		break;
	case 24: case 25:
		snprintf(buf, len, "cpu %lu", below((unsigned long)m->nr_cpus < 2 ? 1 : 2));
		break;
	case 26:
		snprintf(buf, len, "tick %lu", below(8) ? 1 + below(20) : 1 + below(700));
		break;
	case 27:
		snprintf(buf, len, "drain_all_pages");
		break;
	case 28:
		switch (below(6)) {
		case 0:
			snprintf(buf, len, "task spawn t%lu %lu", below(4), below(below(4) ? 64 : 4096));
			break;
		case 1:
			snprintf(buf, len, "task exit %lu", 100 + below(8));
			break;
		case 2:
			snprintf(buf, len, "pagecache add %lu%s", below(256), below(2) ? "" : " dirty");
			break;
		case 3:
			snprintf(buf, len, "sysctl vm.drop_caches=%lu", 1 + below(3));
			break;
		case 4:
			snprintf(buf, len, "sysctl vm.compact_memory=1");
			break;
		default:
			snprintf(buf, len, "task touch %lu %lu", 100 + below(8), below(512));
			break;
		}
		break;
	case 29:
		if (below(3))
			snprintf(buf, len, "break %s%s", funcs[below(NFUNCS)], below(2) ? "" : " if order>=1");
		else
			snprintf(buf, len, "delete %lu", 1 + below(12));
		break;
	case 30:
		snprintf(buf, len, below(2) ? "bt" : "info stages");
		break;
	default:
		snprintf(buf, len, "check");
		break;
	}
}

/* ---- one stream -------------------------------------------------------------------- */

static int run_stream(const struct opts *o, unsigned long stream)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	struct cmd_ctx c;
	char err[512], cmd[160];
	unsigned long check_every;
	int failed = 0, hash_refusals;

	cur_stream = stream;
	cur_seed = o->seed * 1000003UL + stream;
	rng_state = cur_seed * 0x9e3779b97f4a7c15ULL + 1;
	nlog = 0;
	if (mm_desc_lookup(&d, o->machine, err, sizeof(err)) || !(m = mm_machine_create(&d, err, sizeof(err)))) {
		fprintf(stderr, "stress: %s: %s\n", o->machine, err);
		return -1;
	}
	cmd_ctx_init(&c, m, out_null, err_keep, NULL);
	c.flags = CMD_KEEP_GOING;
	if (!o->no_stage_check)
		cmd_exec(&c, "check stages on");
	snprintf(logbuf[nlog++ % LOG_LINES], sizeof(logbuf[0]), "check stages on");
	/* a full check costs a walk over every page: on big machines every
	 * check_every commands (the stage checks still run at every point) */
	check_every = o->check_every != ~0UL ? o->check_every : c.m->max_pfn > (1UL << 16) ? 50 : 1;
	/* a refused command leaves every byte as it was (hashed: small machines) */
	hash_refusals = c.m->max_pfn <= (1UL << 16);
	alarm(60);
	for (unsigned long i = 0; i < o->commands && !failed; i++) {
		unsigned long errs = nerr;
		uint64_t before = 0;

		make_command(c.m, cmd, sizeof(cmd));
		snprintf(logbuf[nlog++ % LOG_LINES], sizeof(logbuf[0]), "%s", cmd);
		if (hash_refusals)
			before = state_hash(c.m);
		cmd_exec(&c, cmd);
		if (hash_refusals && nerr == errs + 1 && !failed_after_work(errbuf) &&
		    state_hash(c.m) != before) {
			char why[600];

			snprintf(why, sizeof(why), "a refused command changed the model (%s)", errbuf);
			dump_log(why);
			failed = 1;
		} else if (c.m->nr_check_breaches) {
			char why[600];

			snprintf(why, sizeof(why), "invariant broken at a stage point (%s)", c.m->check_breach);
			dump_log(why);
			failed = 1;
		} else if ((check_every && i % check_every == 0) || i + 1 == o->commands) {
			if (mm_check(c.m)) {
				char why[600];

				snprintf(why, sizeof(why), "check failed: %s", c.m->err);
				dump_log(why);
				failed = 1;
			}
		}
	}
	/* move every stopped request to its end: nothing may stay stuck */
	for (const struct mm_breakpoint *bp; mm_break_list(c.m, &bp) > 0;)
		mm_break_delete(c.m, bp[0].id);
	for (int round = 0; round < 8 && !failed; round++)
		for (int cpu = 0; cpu < c.m->nr_cpus; cpu++) {
			snprintf(cmd, sizeof(cmd), "cpu %d; continue; tick 200", cpu);
			snprintf(logbuf[nlog++ % LOG_LINES], sizeof(logbuf[0]), "%s", cmd);
			cmd_exec(&c, cmd);
		}
	for (int cpu = 0; cpu < c.m->nr_cpus && !failed; cpu++)
		if (mm_request_of(c.m, cpu)) {
			char where[256];

			mm_request_where(mm_request_of(c.m, cpu), where, sizeof(where));
			snprintf(err, sizeof(err), "cpu%d's request never finished: %s", cpu, where);
			dump_log(err);
			failed = 1;
		}
	if (!failed && (c.m->nr_check_breaches || mm_check(c.m))) {
		snprintf(err, sizeof(err), "check failed at the end: %s",
			 c.m->nr_check_breaches ? c.m->check_breach : c.m->err);
		dump_log(err);
		failed = 1;
	}
	alarm(0);
	cmd_ctx_fini(&c);
	return failed;
}

static void usage(void)
{
	fprintf(stderr, "usage: stress [--machine NAME] [--streams N] [--commands N] [--seed S] "
			"[--check-every K] [--quiet] [--log FILE]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = { "tiny", 100, 400, 1, ~0UL, 0, 0, NULL };
	unsigned long failed = 0, total = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--quiet")) {
			o.quiet = 1;
			continue;
		}
		if (!strcmp(a, "--no-stage-check")) {
			o.no_stage_check = 1;
			continue;
		}
		if (!v)
			usage();
		i++;
		if (!strcmp(a, "--machine"))
			o.machine = v;
		else if (!strcmp(a, "--streams"))
			o.streams = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--commands"))
			o.commands = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--seed"))
			o.seed = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--check-every"))
			o.check_every = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--log"))
			o.log = v;
		else
			usage();
	}
	cur_opts = &o;
	signal(SIGALRM, on_signal);
	signal(SIGSEGV, on_signal);
	signal(SIGABRT, on_signal);
	signal(SIGFPE, on_signal);
	signal(SIGBUS, on_signal);
	for (unsigned long s = 0; s < o.streams; s++) {
		int rc = run_stream(&o, s);

		if (rc < 0)
			return 2;
		failed += (unsigned long)rc;
		total += nlog;
		if (rc)
			break; /* the first failure is the one to look at */
		if (!o.quiet && (s + 1) % 50 == 0)
			fprintf(stderr, "stress: %s: %lu streams, %lu commands\n", o.machine, s + 1, total);
	}
	printf("%s %s: %lu streams x %lu commands (%lu commands typed, %lu refused with an error), seed %lu\n",
	       failed ? "FAIL" : "ok  ", o.machine, o.streams, o.commands, total, nerr, o.seed);
	return failed ? 1 : 0;
}
