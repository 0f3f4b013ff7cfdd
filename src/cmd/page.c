/*
 * page.c - commands that change the page allocator or the machine:
 * alloc_pages, free_pages, drain_all_pages, cpu, check, machine.
 */
#include <string.h>

#include "internal.h"

static const char *zone_name(const struct mm_machine *m, int idx)
{
	const char *name = mm_view_zone_name(m, idx);

	return name ? name : "?";
}

static const char *mt_name(int mt)
{
	return mt >= 0 && mt < MIGRATE_TYPES ? migratetype_names[mt] : "?";
}

static char *put_str(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

/* what printf's %lx and %d write */
static char *put_ulong(char *p, unsigned long v, unsigned base)
{
	char digits[24];
	int n = 0;

	do
		digits[n++] = "0123456789abcdef"[v % base];
	while ((v /= base) != 0);
	while (n)
		*p++ = digits[--n];
	return p;
}

/* alloc_pages [-c CPU] GFP ORDER */
int cmd_alloc_pages(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	struct mm_alloc_result res;
	char err[256];
	gfp_t gfp;
	int argi = 1, cpu, order, step = cmd_opt_step(&argc, argv);

	if (cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 2, 2))
		return 1;
	if (mm_gfp_parse(argv[argi], &gfp, err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	if (cmd_arg_order(c, argv[argi + 1], &order))
		return 1;
	if (step || cmd_requests_pending(c)) {
		struct mm_request_spec proto = { .cpu = cpu, .kind = REQ_ALLOC_PAGES, .gfp = gfp,
					    .order = order, .owner = MM_OWNER(OWNER_KERNEL, 0),
					    .stepping = step };

		return cmd_request(c, &proto);
	}
	switch (mm_alloc_pages(m, cpu, gfp, (unsigned int)order,
			       MM_OWNER(OWNER_KERNEL, 0), &res)) {
	case MM_OK:
		break;
	case MM_ENOMEM:
		return cmd_error(c, "page allocation failure: order:%d, mode:0x%x: %s",
				 order, gfp, res.why);
	default:
		return cmd_error(c, "%s", mm_view_error(m));
	}
	/* "pfn 0x%lx order %d zone %s migratetype %s\n", without printf */
	{
		const char *zone = zone_name(m, res.zone_idx), *mt = mt_name(res.migratetype);
		char line[192], *p = line;

		if (strlen(zone) + strlen(mt) > 96 || res.order < 0) {
			cmd_printf(c, "pfn 0x%lx order %d zone %s migratetype %s\n", res.pfn,
				   res.order, zone, mt);
			return 0;
		}
		p = put_str(p, "pfn 0x");
		p = put_ulong(p, res.pfn, 16);
		p = put_str(p, " order ");
		p = put_ulong(p, (unsigned long)res.order, 10);
		p = put_str(p, " zone ");
		p = put_str(p, zone);
		p = put_str(p, " migratetype ");
		p = put_str(p, mt);
		*p++ = '\n';
		*p = '\0';
		cmd_puts(c, line);
	}
	return 0;
}

/* free_pages [-c CPU] PFN [ORDER] */
int cmd_free_pages(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long pfn;
	int argi = 1, cpu, order = -1;

	if (cmd_opt_cpu(c, argc, argv, &argi, &cpu) ||
	    cmd_nargs(c, argc - argi + 1, 1, 2) ||
	    cmd_arg_pfn(c, argv[argi], &pfn))
		return 1;
	if (argi + 1 < argc && cmd_arg_order(c, argv[argi + 1], &order))
		return 1;
	if (cmd_requests_pending(c)) { /* it may have to wait for a zone lock */
		struct mm_request_spec proto = { .cpu = cpu, .kind = REQ_FREE_PAGES, .pfn = pfn, .order = order };

		return cmd_request(c, &proto);
	}
	if (mm_free_pages(c->m, cpu, pfn, order) < 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

int cmd_drain_all_pages(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	if (mm_drain_all_pages(c->m))
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* cpu [N] */
int cmd_cpu(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	int cpu;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc == 1) {
		mm_view_machine(c->m, &mv);
		cmd_printf(c, "cpu %d (cpus 0-%d)\n", mv.cur_cpu, mv.nr_cpus - 1);
		return 0;
	}
	if (cmd_arg_cpu(c, argv[1], &cpu))
		return 1;
	if (mm_set_cur_cpu(c->m, cpu))
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* check [stages on|off]: now, or after every stage point from now on */
int cmd_check(struct cmd_ctx *c, int argc, char **argv)
{
	if (cmd_nargs(c, argc, 0, 2))
		return 1;
	if (argc > 1) {
		if (argc != 3 || strcmp(argv[1], "stages") || (strcmp(argv[2], "on") && strcmp(argv[2], "off")))
			return cmd_error(c, "usage: check [stages on|off]");
		mm_set_check_stages(c->m, !strcmp(argv[2], "on"));
		return 0;
	}
	if (mm_check(c->m) != 0)
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_puts(c, "ok\n");
	return 0;
}

static void describe_zone(struct cmd_ctx *c, const struct mm_zone_view *z)
{
	if (!z->spanned_pages)
		cmd_printf(c, "  zone %-8s empty\n", z->name);
	else
		cmd_printf(c, "  zone %-8s pfns 0x%lx-0x%lx  present %lu\n", z->name,
			   z->zone_start_pfn, z->zone_start_pfn + z->spanned_pages - 1,
			   z->present_pages);
}

static void describe_machine(struct cmd_ctx *c)
{
	struct mm_machine_view mv;
	struct mm_zone_view z;

	mm_view_machine(c->m, &mv);
	cmd_printf(c, "machine %s: %s, %d cpus, %lu pages (%lu MB)\n", mv.name, mv.arch,
		   mv.nr_cpus, mv.totalram_pages, mv.totalram_pages >> (20 - PAGE_SHIFT));
	for (int i = 0; mm_view_zone(c->m, i, &z) == 0; i++)
		describe_zone(c, &z);
}

/* machine [NAME|FILE]: show the machine, or boot another in its place */
int cmd_machine(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256];

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc == 1) {
		describe_machine(c);
		return 0;
	}
	if (mm_desc_lookup(&d, argv[1], err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m)
		return cmd_error(c, "%s", err);
	mm_set_observer(c->m, NULL, NULL, 0);
	mm_machine_destroy(c->m);
	c->m = m;
	c->machine_gen++;
	cmd_trace_install(c);
	describe_machine(c);
	return 0;
}
