/*
 * show.c - `show WHAT ...`: views of the model's state in the vocabulary of
 * crash and drgn.  This file dispatches and holds the per-zone and per-page
 * views; show_lists.c walks the free lists, pcp lists and pageblocks.
 */
#include <string.h>

#include "internal.h"

static int show_zones(struct cmd_ctx *c, int argc, char **argv);
static int show_page(struct cmd_ctx *c, int argc, char **argv);

const struct show_def show_table[] = {
	{ "freelists", "[ZONE [ORDER [TYPE]]]",
	  "free blocks per zone, order and migrate type (like crash kmem -f)",
	  show_freelists },
	{ "pcp", "[CPU]", "per-cpu page lists, hot (head) to cold (tail)",
	  show_pcp },
	{ "pageblocks", "[ZONE]", "the migrate type of every pageblock",
	  show_pageblocks },
	{ "page", "PFN", "what a page frame is: free, on a pcp list, allocated",
	  show_page },
	{ "zones", "", "sizes, free pages, watermarks and protection per zone",
	  show_zones },
	{ "object", "ADDR", "which cache, slab and object an address is, and its state",
	  show_object },
	{ "lru", "[ZONE [LIST]]", "LRU lists, kswapd, writeback and swap; a list's pages",
	  show_lru },
};
const size_t show_table_len = sizeof(show_table) / sizeof(show_table[0]);

static int show_what(struct cmd_ctx *c, const char *msg)
{
	struct mm_buf b;
	size_t i;
	int rc;

	mm_buf_init(&b);
	for (i = 0; i < show_table_len; i++)
		mm_buf_printf(&b, "%s%s", i ? ", " : "", show_table[i].name);
	rc = cmd_error(c, "%s (%s)", msg, b.s ? b.s : "");
	mm_buf_free(&b);
	return rc;
}

/* show WHAT [ARGS]: runs with c->cur = "show WHAT" for its error lines */
int cmd_show(struct cmd_ctx *c, int argc, char **argv)
{
	char name[32];
	size_t i;
	int rc;

	if (argc < 2)
		return show_what(c, "missing argument: show what?");
	for (i = 0; i < show_table_len; i++)
		if (strcmp(argv[1], show_table[i].name) == 0)
			break;
	if (i == show_table_len)
		return show_what(c, "unknown view");
	snprintf(name, sizeof(name), "show %s", show_table[i].name);
	c->cur = name;
	rc = show_table[i].run(c, argc - 1, argv + 1);
	c->cur = "show";
	return rc;
}

/* ---- show zones ---------------------------------------------------------- */

static void zone_row(struct cmd_ctx *c, int idx, int nr_zones)
{
	struct mm_zone_view z;
	struct mm_pcp_view pcp;
	char start[24], pcpbuf[24];
	int j;

	mm_view_zone(c->m, idx, &z);
	mm_view_pcp(c->m, 0, idx, &pcp);
	snprintf(start, sizeof(start), "0x%lx", z.zone_start_pfn);
	snprintf(pcpbuf, sizeof(pcpbuf), "%d/%d", pcp.batch, pcp.high);
	cmd_printf(c, "%-8s %9s %9lu %9lu %9lu %9lu %7lu %7lu %7lu %-10s (", z.name,
		   start, z.spanned_pages, z.present_pages, z.managed_pages,
		   z.free_pages, z.watermark[WMARK_MIN],
		   z.watermark[WMARK_LOW], z.watermark[WMARK_HIGH], pcpbuf);
	for (j = 0; j < nr_zones; j++)
		cmd_printf(c, "%s%lu", j ? ", " : "", z.lowmem_reserve[j]);
	cmd_puts(c, ")\n");
}

static int show_zones(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine_view mv;
	int i;

	(void)argv;
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	mm_view_machine(c->m, &mv);
	cmd_printf(c, "%-8s %9s %9s %9s %9s %9s %7s %7s %7s %-10s %s\n", "ZONE",
		   "START_PFN", "SPANNED", "PRESENT", "MANAGED", "FREE", "MIN",
		   "LOW", "HIGH", "PCP", "PROTECTION");
	for (i = 0; i < mv.nr_zones; i++)
		zone_row(c, i, mv.nr_zones);
	cmd_puts(c, "(PCP is batch/high of cpu0's pageset)\n");
	return 0;
}

/* ---- show page ----------------------------------------------------------- */

static const char *mt_name(int mt)
{
	return mt >= 0 && mt < MIGRATE_TYPES ? migratetype_names[mt] : "?";
}

static void page_state(struct cmd_ctx *c, unsigned long pfn, const struct mm_page_view *pv)
{
	int is_head = pv->head_pfn == pfn;

	switch (pv->state) {
	case PS_NONE:
		cmd_puts(c, "not in any zone\n");
		break;
	case PS_HOLE:
		cmd_puts(c, "hole (not RAM)\n");
		break;
	case PS_RESERVED:
		cmd_puts(c, "reserved\n");
		break;
	case PS_FREE:
		cmd_printf(c, "free, %s the order-%d block at 0x%lx on the %s list\n",
			   is_head ? "head of" : "inside", pv->order, pv->head_pfn,
			   mt_name(pv->migratetype));
		break;
	case PS_PCP:
		cmd_printf(c, "free, on cpu%d pcp list %s\n", pv->cpu,
			   mt_name(pv->migratetype));
		break;
	case PS_ALLOCATED:
		cmd_printf(c, "allocated, %s the order-%d allocation at 0x%lx "
			   "(cpu%d)\n", is_head ? "head of" : "tail page in",
			   pv->order, pv->head_pfn, pv->cpu);
		break;
	}
}

/* the view's one table of flag names */
static void page_flags(struct cmd_ctx *c, uint32_t flags)
{
	cmd_printf(c, "  flags      0x%x", flags);
	for (size_t i = 0; i < mm_nr_pageflag_names; i++)
		if (flags & mm_pageflag_names[i].bit)
			cmd_printf(c, " %s", mm_pageflag_names[i].name);
	cmd_puts(c, "\n");
}

static void page_owner(struct cmd_ctx *c, const struct mm_page_view *pv)
{
	if (pv->state != PS_ALLOCATED || pv->owner_kind == OWNER_NONE)
		cmd_puts(c, "  owner      none\n");
	else if ((size_t)pv->owner_kind < mm_nr_owner_kinds)
		cmd_printf(c, "  owner      %s %u\n", mm_owner_kind_names[pv->owner_kind], pv->owner_id);
	else
		cmd_printf(c, "  owner      %d %u\n", pv->owner_kind, pv->owner_id);
}

static int show_page(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	struct mm_page_view pv;
	unsigned long pfn, pb;

	if (cmd_nargs(c, argc, 1, 1) || cmd_arg_pfn(c, argv[1], &pfn))
		return 1;
	mm_view_machine(m, &mv);
	mm_view_page(m, pfn, &pv);
	pb = pfn & ~(mv.pageblock_nr_pages - 1);
	cmd_printf(c, "pfn 0x%lx: page %016llx\n", pfn, mm_page_address(m, pfn));
	cmd_printf(c, "  zone       %s\n",
		   pv.zone >= 0 && mm_view_zone(m, pv.zone, &zv) == 0 ? zv.name : "none");
	cmd_printf(c, "  pageblock  %s (pfns 0x%lx-0x%lx)\n",
		   mt_name(pv.pageblock_mt), pb, pb + mv.pageblock_nr_pages - 1);
	cmd_puts(c, "  state      ");
	page_state(c, pfn, &pv);
	page_flags(c, pv.flags);
	cmd_printf(c, "  _count     %d\n", pv.refcount);
	page_owner(c, &pv);
	cmd_show_slab_page(c, pfn);
	return 0;
}
