/*
 * slab.c - commands that drive the SLAB allocator: kmem_cache_create,
 * kmem_cache_alloc, kmem_cache_free, kmem_cache_shrink, kmem_cache_destroy,
 * kmalloc, kfree, ksize, and tick (the clock cache_reap runs on).
 *
 * Caches are named by their name, objects by their kernel virtual address
 * in the direct map (0xffff8800... on x86_64), as the kernel would hand
 * them back.  Arguments are checked here before the core runs; what only
 * the allocator can judge (a double free, the wrong cache, a duplicate
 * name) comes back from the core with its message (mm_view_error).
 */
#include <ctype.h>
#include <string.h>

#include "internal.h"

/* "CMD: the slab allocator is off ..." on a "slab none" machine */
int cmd_need_slab(struct cmd_ctx *c)
{
	struct mm_machine_view mv;

	mm_view_machine(c->m, &mv);
	if (strcmp(mv.slab_allocator, "none") != 0)
		return 0;
	return cmd_error(c, "the slab allocator is off on this machine (slab none)");
}

int cmd_arg_cache(struct cmd_ctx *c, const char *s, int *id)
{
	*id = mm_view_cache_find(c->m, s);
	if (*id < 0)
		return cmd_error(c, "no cache '%s'", s);
	return 0;
}

int cmd_arg_addr(struct cmd_ctx *c, const char *s, unsigned long *addr)
{
	int rc = cmd_parse_ulong(s, addr);

	if (rc == -1)
		return cmd_error(c, "invalid address '%s'", s);
	if (rc == -2)
		return cmd_error(c, "address %s does not fit in a pointer", s);
	return 0;
}

static int arg_size(struct cmd_ctx *c, const char *what, const char *s,
		    unsigned long *v)
{
	int rc = cmd_parse_ulong(s, v);

	if (rc == -1)
		return cmd_error(c, "invalid %s '%s'", what, s);
	if (rc == -2)
		return cmd_error(c, "%s %s is too large", what, s);
	return 0;
}

static int arg_gfp(struct cmd_ctx *c, int argc, char **argv, int i, gfp_t *gfp)
{
	char err[256];

	*gfp = GFP_KERNEL;
	if (i < argc && mm_gfp_parse(argv[i], gfp, err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	return 0;
}

/*
 * FLAGS: SLAB_* names or numbers joined by '|', as mm_slab_flags_parse
 * reads them, plus the words "ctor" (the cache gets a constructor) and
 * "shrinker" (a SLAB_RECLAIM_ACCOUNT cache gets a shrinker: *ctor |= 2).
 */
static int arg_slab_flags(struct cmd_ctx *c, const char *s,
			  unsigned long *flags, int *ctor)
{
	char rest[256], word[256], err[256];
	size_t n = 0, len;
	const char *p = s;

	*flags = 0;
	*ctor = 0;
	if (strlen(s) >= sizeof(rest))
		return cmd_error(c, "flags too long");
	rest[0] = '\0';
	while (*p) {
		len = strcspn(p, "| ");
		if (len) {
			memcpy(word, p, len);
			word[len] = '\0';
			if (strcmp(word, "shrinker") == 0) {
				*ctor |= 2;
			} else if (strcmp(word, "ctor") == 0) {
				*ctor |= 1;
			} else {
				n += (size_t)snprintf(rest + n, sizeof(rest) - n,
						      "%s%s", n ? "|" : "", word);
			}
		}
		p += len;
		p += strspn(p, "| ");
	}
	if (n && mm_slab_flags_parse(rest, flags, err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	return 0;
}

/* ---- the geometry of a cache -------------------------------------------- */

/*
 * Two lines: what __kmem_cache_create computed.  left_over is not kept by
 * the kernel; it is the slab's bytes minus the objects and, on-slab, the
 * descriptor (after a move back on-slab that is the kernel's left_over).
 */
void cmd_cache_geometry(struct cmd_ctx *c, int cache)
{
	struct mm_cache_view v;
	char flags[256];

	if (mm_view_cache(c->m, cache, &v))
		return;
	cmd_printf(c, "%s: object_size %u size %u align %u, %u object%s in %u page%s "
		   "(order %u), %s", v.name, v.object_size, v.size, v.align,
		   v.objs_per_slab, v.objs_per_slab == 1 ? "" : "s", 1u << v.order,
		   v.order ? "s" : "", v.order, v.slab.off_slab ? "off-slab" : "on-slab");
	if (v.slab.off_slab)
		cmd_printf(c, " (%s)", v.slab.slabp_cache ? v.slab.slabp_cache : "?");
	cmd_printf(c, " slab_size %u\n", v.slab.slab_size);
	cmd_printf(c, "  left_over %lu colour %u colour_off %u, limit %u batchcount %u "
		   "shared %u free_limit %u", v.slab.left_over,
		   v.slab.colour, v.slab.colour_off, v.limit, v.batchcount, v.shared,
		   v.slab.free_limit);
	if (v.flags & ~CFLGS_OFF_SLAB) {
		mm_slab_flags_format(v.flags & ~CFLGS_OFF_SLAB, flags, sizeof(flags));
		cmd_printf(c, ", %s", flags);
	}
	if (v.slab.ctor)
		cmd_puts(c, ", ctor");
	if (v.slab.has_shrinker)
		cmd_puts(c, ", shrinker");
	cmd_puts(c, "\n");
}

/* ---- commands ------------------------------------------------------------------ */

/* kmem_cache_create NAME SIZE [ALIGN] [FLAGS]; FLAGS may stand third */
int cmd_kmem_cache_create(struct cmd_ctx *c, int argc, char **argv)
{
	int k;
	unsigned long size, align = 0, flags = 0;
	int ctor = 0, i = 3;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 2, 4) ||
	    arg_size(c, "size", argv[2], &size))
		return 1;
	if (argc > 3 && isdigit((unsigned char)argv[3][0]) &&
	    !(argc == 4 && strchr(argv[3], '|'))) {
		if (arg_size(c, "align", argv[3], &align))
			return 1;
		i = 4;
	} else if (argc == 5) {
		return cmd_error(c, "invalid align '%s'", argv[3]);
	}
	if (i < argc && arg_slab_flags(c, argv[i], &flags, &ctor))
		return 1;
	if ((ctor & 2) && !(flags & SLAB_RECLAIM_ACCOUNT))
		return cmd_error(c, "a shrinker frees reclaimable objects: add SLAB_RECLAIM_ACCOUNT");
	if (mm_kmem_cache_create(c->m, mm_view_cur_cpu(c->m), argv[1], size, align, flags,
				 ctor & 1, &k) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	if ((ctor & 2) && mm_register_shrinker(c->m, k) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_cache_geometry(c, k);
	return 0;
}

/* kmem_cache_alloc [-c CPU] CACHE [GFP] */
int cmd_kmem_cache_alloc(struct cmd_ctx *c, int argc, char **argv)
{
	int k;
	unsigned long addr;
	gfp_t gfp;
	int argi = 1, cpu, step = cmd_opt_step(&argc, argv);

	if (cmd_need_slab(c) || cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 1, 2) ||
	    cmd_arg_cache(c, argv[argi], &k) ||
	    arg_gfp(c, argc, argv, argi + 1, &gfp))
		return 1;
	if (step || cmd_requests_pending(c)) {
		struct mm_request_spec proto = { .cpu = cpu, .kind = REQ_KMEM_CACHE_ALLOC, .gfp = gfp,
					    .cache = k, .stepping = step };

		return cmd_request(c, &proto);
	}
	if (mm_kmem_cache_alloc(c->m, cpu, k, gfp, &addr) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "0x%lx\n", addr);
	return 0;
}

/* kmem_cache_free [-c CPU] CACHE ADDR */
int cmd_kmem_cache_free(struct cmd_ctx *c, int argc, char **argv)
{
	int k;
	unsigned long addr;
	int argi = 1, cpu;

	if (cmd_need_slab(c) || cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 2, 2) ||
	    cmd_arg_cache(c, argv[argi], &k) ||
	    cmd_arg_addr(c, argv[argi + 1], &addr))
		return 1;
	if (mm_kmem_cache_free(c->m, cpu, k, addr) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* kmem_cache_shrink CACHE: prints what kmem_cache_shrink returns */
int cmd_kmem_cache_shrink(struct cmd_ctx *c, int argc, char **argv)
{
	int k;
	int rc;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_cache(c, argv[1], &k))
		return 1;
	rc = mm_kmem_cache_shrink(c->m, mm_view_cur_cpu(c->m), k);
	if (rc < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "%d (%s)\n", rc,
		   rc ? "objects remain in full or partial slabs"
		      : "every slab released");
	return 0;
}

int cmd_kmem_cache_destroy(struct cmd_ctx *c, int argc, char **argv)
{
	int k;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_cache(c, argv[1], &k))
		return 1;
	if (mm_kmem_cache_destroy(c->m, mm_view_cur_cpu(c->m), k) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* The cache an address belongs to, for kmalloc's and ksize's output. */
static const char *cache_of(struct cmd_ctx *c, unsigned long addr)
{
	const char *name;

	if (addr == 16)
		return "ZERO_SIZE_PTR";
	name = mm_view_object_cache(c->m, addr);
	return name ? name : "?";
}

/* kmalloc [-c CPU] SIZE [GFP] */
int cmd_kmalloc(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long size, addr;
	gfp_t gfp;
	int argi = 1, cpu, step = cmd_opt_step(&argc, argv);

	if (cmd_need_slab(c) || cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 1, 2) ||
	    arg_size(c, "size", argv[argi], &size) ||
	    arg_gfp(c, argc, argv, argi + 1, &gfp))
		return 1;
	if (step || cmd_requests_pending(c)) {
		struct mm_request_spec proto = { .cpu = cpu, .kind = REQ_KMALLOC, .gfp = gfp,
					    .size = size, .stepping = step };

		return cmd_request(c, &proto);
	}
	if (mm_kmalloc(c->m, cpu, size, gfp, &addr) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "0x%lx %s\n", addr, cache_of(c, addr));
	return 0;
}

/* kfree [-c CPU] ADDR */
int cmd_kfree(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long addr;
	int argi = 1, cpu;

	if (cmd_need_slab(c) || cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 1, 1) ||
	    cmd_arg_addr(c, argv[argi], &addr))
		return 1;
	if (mm_kfree(c->m, cpu, addr) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* ksize ADDR */
int cmd_ksize(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long addr;
	size_t size;

	if (cmd_need_slab(c) || cmd_nargs(c, argc, 1, 1) ||
	    cmd_arg_addr(c, argv[1], &addr))
		return 1;
	if (mm_ksize(c->m, addr, &size) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "%zu (%s)\n", size, cache_of(c, addr));
	return 0;
}

/* How far one tick may move the clock: a day of jiffies. */
#define TICK_MAX (24UL * 3600 * HZ)

/* tick [N]: advance the clock N jiffies (cache_reap runs when due) */
int cmd_tick(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	unsigned long n = 1;
	int rc;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc > 1) {
		rc = cmd_parse_ulong(argv[1], &n);
		if (rc == -1)
			return cmd_error(c, "invalid number of jiffies '%s'", argv[1]);
		if (rc == -2 || n > TICK_MAX)
			return cmd_error(c, "%s jiffies is more than a day (at most %lu)",
					 argv[1], TICK_MAX);
	}
	/* in slices, so that Ctrl-C stops a long run where it is */
	while (n && !c->interrupted) {
		unsigned long now = n < HZ ? n : HZ;

		mm_tick(c->m, now);
		n -= now;
	}
	mm_view_machine(c->m, &mv);
	cmd_printf(c, "jiffies %llu%s\n", mv.jiffies, n ? " (interrupted)" : "");
	cmd_report_done(c);
	return 0;
}
