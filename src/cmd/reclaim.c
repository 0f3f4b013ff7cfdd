/*
 * reclaim.c - commands for the page cache and page reclaim: pagecache
 * add|drop, try_to_free_pages, wakeup_kswapd and show lru; the accessors of
 * the sysctls vm.drop_caches and vm.swappiness (proc.c lists them).
 *
 * kswapd itself runs on the clock: wake it, then `tick` and watch `show
 * lru` and /proc/vmstat (pgscan_kswapd_*, pgsteal_kswapd_*, pageoutrun).
 */
#include <string.h>

#include "internal.h"

static unsigned long node_state(struct mm_machine *m, enum zone_stat_item i)
{
	return mm_view_global_stat(m, i);
}

/* ---- sysctl vm.drop_caches, vm.swappiness ------------------------------------ */

long cmd_drop_caches_get(struct mm_machine *m)
{
	struct mm_reclaim_view r;

	mm_view_reclaim(m, &r);
	return r.drop_caches;
}

int cmd_drop_caches_set(struct mm_machine *m, long v)
{
	return mm_drop_caches(m, (int)v);
}

long cmd_swappiness_get(struct mm_machine *m)
{
	struct mm_reclaim_view r;

	mm_view_reclaim(m, &r);
	return r.swappiness;
}

int cmd_swappiness_set(struct mm_machine *m, long v)
{
	return mm_set_swappiness(m, (int)v);
}

/* ---- pagecache ------------------------------------------------------------------ */

static void pagecache_summary(struct cmd_ctx *c)
{
	struct mm_reclaim_view r;

	mm_view_reclaim(c->m, &r);
	cmd_printf(c, "page cache: %lu pages (dirty %lu, writeback %lu)\n", r.pagecache_pages,
		   node_state(c->m, NR_FILE_DIRTY), node_state(c->m, NR_WRITEBACK));
}

/* pagecache touch INDEX [COUNT]: read cached pages again (mark_page_accessed) */
static int pagecache_touch(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_reclaim_view r;
	unsigned long index, count = 1, touched, activated;
	int rc;

	if (cmd_nargs(c, argc, 2, 3))
		return 1;
	mm_view_reclaim(c->m, &r);
	rc = cmd_parse_ulong(argv[2], &index);
	if (rc || index >= r.pagecache_length)
		return cmd_error(c, "no page cache index '%s' (the file has %lu pages)", argv[2],
				 r.pagecache_length);
	if (argc == 4 && (cmd_parse_ulong(argv[3], &count) || !count))
		return cmd_error(c, "invalid page count '%s'", argv[3]);
	if (mm_pagecache_read(c->m, index, count, &touched, &activated))
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "touched %lu cached page%s, %lu activated\n", touched, touched == 1 ? "" : "s",
		   activated);
	return 0;
}

/* pagecache [add PAGES [dirty|clean] | touch INDEX [COUNT] | drop] */
int cmd_pagecache(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	struct mm_reclaim_view r;
	unsigned long pages, added = 0, first;
	int dirty = 0, rc;

	if (argc == 1) {
		pagecache_summary(c);
		return 0;
	}
	mm_view_reclaim(m, &r);
	if (strcmp(argv[1], "drop") == 0) {
		if (cmd_nargs(c, argc, 1, 1))
			return 1;
		first = r.pagecache_pages;
		if (mm_pagecache_drop(m, &pages))
			return cmd_error(c, "%s", mm_view_error(m));
		cmd_printf(c, "dropped %lu clean page%s, %lu left\n", pages, pages == 1 ? "" : "s",
			   first - pages);
		return 0;
	}
	if (strcmp(argv[1], "touch") == 0)
		return pagecache_touch(c, argc, argv);
	if (strcmp(argv[1], "add") != 0)
		return cmd_error(c, "expected 'add', 'touch' or 'drop', not '%s'", argv[1]);
	if (cmd_nargs(c, argc, 2, 3))
		return 1;
	rc = cmd_parse_ulong(argv[2], &pages);
	if (rc == -1)
		return cmd_error(c, "invalid page count '%s'", argv[2]);
	if (rc == -2 || pages > (1UL << 28))
		return cmd_error(c, "%s pages is more than the page cache can index here", argv[2]);
	if (argc == 4) {
		if (strcmp(argv[3], "dirty") == 0)
			dirty = 1;
		else if (strcmp(argv[3], "clean") != 0)
			return cmd_error(c, "expected 'dirty' or 'clean', not '%s'", argv[3]);
	}
	first = r.pagecache_length;
	rc = mm_pagecache_add(m, pages, dirty, &added);
	if (added)
		cmd_printf(c, "added %lu %s page%s at index %lu-%lu\n", added,
			   dirty ? "dirty" : "clean", added == 1 ? "" : "s", first, first + added - 1);
	if (rc < 0)
		return cmd_error(c, "%s (after %lu of %lu pages)", mm_view_error(m), added, pages);
	return 0;
}

/* ---- try_to_free_pages, wakeup_kswapd --------------------------------------------------- */

static unsigned long zone_events(struct mm_machine *m, int item)
{
	unsigned long n = 0;

	for (int i = 0; i < NR_EVENT_ZONES; i++)
		n += mm_view_vm_event(m, item + i);
	return n;
}

/* try_to_free_pages [-c CPU] [GFP [ORDER]]: direct reclaim, as the slow path runs it */
int cmd_try_to_free_pages(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	unsigned long scanned, stolen, written, nr;
	gfp_t gfp = GFP_KERNEL;
	char err[256];
	int argi = 1, cpu, order = 0;

	if (cmd_opt_cpu(c, argc, argv, &argi, &cpu) || cmd_nargs(c, argc - argi + 1, 0, 2))
		return 1;
	if (argi < argc && mm_gfp_parse(argv[argi], &gfp, err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	if (argi + 1 < argc && cmd_arg_order(c, argv[argi + 1], &order))
		return 1;
	if (gfp_zone_kind(gfp) < 0)
		return cmd_error(c, "gfp 0x%x names no zone (GFP_ZONE_BAD)", gfp);
	scanned = zone_events(m, PGSCAN_DIRECT);
	stolen = zone_events(m, PGSTEAL_DIRECT);
	written = node_state(m, NR_VMSCAN_WRITE);
	if (mm_try_to_free_pages(m, cpu, order, gfp, &nr))
		return cmd_error(c, "%s", mm_view_error(m));
	cmd_printf(c, "returned %lu: scanned %lu, reclaimed %lu, writeback started %lu\n", nr,
		   zone_events(m, PGSCAN_DIRECT) - scanned, zone_events(m, PGSTEAL_DIRECT) - stolen,
		   node_state(m, NR_VMSCAN_WRITE) - written);
	return 0;
}

static const char *zone_name(struct mm_machine *m, int idx)
{
	struct mm_zone_view z;

	return mm_view_zone(m, idx, &z) == 0 ? z.name : "?";
}

static void kswapd_line(struct cmd_ctx *c)
{
	struct mm_kswapd_view ks;

	mm_view_kswapd(c->m, &ks);
	cmd_puts(c, "kswapd0: ");
	if (!ks.started || ks.state == KSWAPD_ASLEEP)
		cmd_puts(c, ks.woken ? "woken, runs at the next tick" : "sleeping");
	else if (ks.state == KSWAPD_NAPPING)
		cmd_printf(c, "napping until jiffy %llu%s", ks.nap_end,
			   ks.woken ? ", woken: runs at the next tick" : "");
	else
		cmd_printf(c, "running: order %d, classzone %s, pass %lu, reclaimed %lu", ks.order,
			   zone_name(c->m, ks.cz), ks.nr_passes, ks.nr_reclaimed);
	if (ks.started)
		cmd_printf(c, "; kswapd_max_order %d, classzone_idx %s", ks.max_order,
			   zone_name(c->m, ks.classzone_idx));
	cmd_puts(c, "\n");
}

/* wakeup_kswapd [ZONE [ORDER]]: as wake_all_kswapd, every zone by default */
int cmd_wakeup_kswapd(struct cmd_ctx *c, int argc, char **argv)
{
	int zone = -1, order = 0;

	if (cmd_nargs(c, argc, 0, 2))
		return 1;
	if (argc > 1 && cmd_arg_zone(c, argv[1], &zone))
		return 1;
	if (argc > 2 && cmd_arg_order(c, argv[2], &order))
		return 1;
	if (mm_wakeup_kswapd(c->m, zone, order))
		return cmd_error(c, "%s", mm_view_error(c->m));
	kswapd_line(c);
	return 0;
}

/* ---- show lru -------------------------------------------------------------------------- */

/* one pfn with what reclaim looks at: D dirty, W writeback, R reclaim, r referenced */
static void lru_page(struct cmd_ctx *c, unsigned long pfn, unsigned long n)
{
	struct mm_page_cell cell;
	char flags[8];
	int f = 0;

	mm_view_page_cell(c->m, pfn, &cell);
	if (cell.flags & PG_dirty)
		flags[f++] = 'D';
	if (cell.flags & PG_writeback)
		flags[f++] = 'W';
	if (cell.flags & PG_reclaim)
		flags[f++] = 'R';
	if (cell.flags & PG_referenced)
		flags[f++] = 'r';
	flags[f] = '\0';
	if (n % 8 == 0)
		cmd_puts(c, "\n   ");
	cmd_printf(c, " 0x%lx%s%s", pfn, f ? ":" : "", flags);
}

/* a long list shows both ends: the head is new, the tail goes next */
static void lru_list_pages(struct cmd_ctx *c, int zone, int lru)
{
	struct mm_lru_view v;
	unsigned long pfn, i = 0, nr, shown;

	mm_view_lru(c->m, zone, &v);
	nr = v.nr[lru];
	shown = nr > 64 ? 32 : nr;
	cmd_printf(c, "zone %s %s: %lu pages, head (newest) first", zone_name(c->m, zone),
		   mm_lru_names[lru], nr);
	for (pfn = mm_view_list_first(c->m, v.list[lru]); pfn != MM_NOPFN && i < shown;
	     pfn = mm_view_list_next(c->m, pfn))
		lru_page(c, pfn, i++);
	if (shown < nr) {
		cmd_printf(c, "\n    ... %lu more ...", nr - 2 * shown);
		/* the last 32, found from the tail */
		for (pfn = mm_view_list_last(c->m, v.list[lru]), i = 1; i < shown && pfn != MM_NOPFN; i++)
			pfn = mm_view_list_prev(c->m, pfn);
		for (i = 0; pfn != MM_NOPFN && i < shown; pfn = mm_view_list_next(c->m, pfn))
			lru_page(c, pfn, i++);
	}
	cmd_puts(c, "\n");
}

static void lru_zone(struct cmd_ctx *c, const struct mm_zone_view *z)
{
	struct mm_lru_view v;

	mm_view_lru(c->m, z->idx, &v);
	cmd_printf(c, "zone %s: pages_scanned %lu, all_unreclaimable %d, inactive_ratio %u, "
		   "recent_scanned %lu/%lu, recent_rotated %lu/%lu (anon/file)\n", z->name,
		   z->pages_scanned, z->all_unreclaimable, v.inactive_ratio, v.recent_scanned[0],
		   v.recent_scanned[1], v.recent_rotated[0], v.recent_rotated[1]);
	for (int lru = 0; lru < NR_LRU_LISTS; lru++) {
		cmd_printf(c, "  %-14s %8lu", mm_lru_names[lru], v.nr[lru]);
		if (v.nr[lru])
			cmd_printf(c, "  head 0x%lx tail 0x%lx", mm_view_list_first(c->m, v.list[lru]),
				   mm_view_list_last(c->m, v.list[lru]));
		cmd_puts(c, "\n");
	}
}

static int lru_arg(struct cmd_ctx *c, const char *s, int *lru)
{
	for (int i = 0; i < NR_LRU_LISTS; i++)
		if (strcmp(s, mm_lru_names[i]) == 0) {
			*lru = i;
			return 0;
		}
	return cmd_error(c, "no LRU list '%s' (inactive_anon, active_anon, inactive_file, "
			 "active_file, unevictable)", s);
}

/* show lru [ZONE [LIST]] */
int show_lru(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_reclaim_view r;
	struct mm_zone_view zv;
	int zone = -1, lru = 0;

	if (cmd_nargs(c, argc, 0, 2))
		return 1;
	if (argc > 1 && cmd_arg_zone(c, argv[1], &zone))
		return 1;
	if (argc > 2) {
		if (lru_arg(c, argv[2], &lru))
			return 1;
		lru_list_pages(c, zone, lru);
		return 0;
	}
	for (int i = 0; mm_view_zone(c->m, i, &zv) == 0; i++) {
		if ((zone >= 0 && i != zone) || (zone < 0 && !zv.populated))
			continue;
		lru_zone(c, &zv);
	}
	kswapd_line(c);
	mm_view_reclaim(c->m, &r);
	cmd_printf(c, "writeback: %u page%s in flight (queue %u)", r.writeback_nr,
		   r.writeback_nr == 1 ? "" : "s", r.writeback_queue);
	if (r.writeback_nr)
		cmd_printf(c, ", next done at jiffy %llu", r.writeback_next_done);
	cmd_printf(c, "; swap: %lu of %lu slots used; swappiness %d\n", r.swap_inuse,
		   r.swap_pages, r.swappiness);
	return 0;
}
