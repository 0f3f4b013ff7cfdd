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

static const char *const lru_names[NR_LRU_LISTS] = {
	"inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
};

static unsigned long node_state(struct mm_machine *m, enum zone_stat_item i)
{
	return global_page_state(m, i);
}

/* ---- sysctl vm.drop_caches, vm.swappiness ------------------------------------ */

long cmd_drop_caches_get(struct mm_machine *m)
{
	return m->work.sysctl_drop_caches;
}

int cmd_drop_caches_set(struct mm_machine *m, long v)
{
	return mm_drop_caches(m, (int)v);
}

long cmd_swappiness_get(struct mm_machine *m)
{
	return m->work.vm_swappiness;
}

int cmd_swappiness_set(struct mm_machine *m, long v)
{
	return mm_set_swappiness(m, (int)v);
}

/* ---- pagecache ------------------------------------------------------------------ */

static void pagecache_summary(struct cmd_ctx *c)
{
	struct mm_machine *m = c->m;

	cmd_printf(c, "page cache: %lu pages (dirty %lu, writeback %lu)\n", m->work.file.nrpages,
		   node_state(m, NR_FILE_DIRTY), node_state(m, NR_WRITEBACK));
}

/* pagecache touch INDEX [COUNT]: read cached pages again (mark_page_accessed) */
static int pagecache_touch(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	unsigned long index, count = 1, touched = 0, activated = 0;
	int rc;

	if (cmd_nargs(c, argc, 2, 3))
		return 1;
	rc = cmd_parse_ulong(argv[2], &index);
	if (rc || index >= m->work.file.nr)
		return cmd_error(c, "no page cache index '%s' (the file has %lu pages)", argv[2],
				 m->work.file.nr);
	if (argc == 4 && (cmd_parse_ulong(argv[3], &count) || !count))
		return cmd_error(c, "invalid page count '%s'", argv[3]);
	for (unsigned long i = index; i < m->work.file.nr && i - index < count; i++) {
		unsigned long pfn;
		int active;

		if (!m->work.file.pages[i])
			continue;
		pfn = m->work.file.pages[i] - 1;
		active = !!(m->mem_map[pfn].flags & PG_active);
		mark_page_accessed(m, pfn);
		touched++;
		activated += !active && (m->mem_map[pfn].flags & PG_active);
	}
	cmd_printf(c, "touched %lu cached page%s, %lu activated\n", touched, touched == 1 ? "" : "s",
		   activated);
	return 0;
}

/* pagecache [add PAGES [dirty|clean] | touch INDEX [COUNT] | drop] */
int cmd_pagecache(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	unsigned long pages, added = 0, first;
	int dirty = 0, rc;

	if (argc == 1) {
		pagecache_summary(c);
		return 0;
	}
	if (strcmp(argv[1], "drop") == 0) {
		if (cmd_nargs(c, argc, 1, 1))
			return 1;
		first = m->work.file.nrpages;
		if (mm_pagecache_drop(m, &pages))
			return cmd_error(c, "%s", m->err);
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
	first = m->work.file.nr;
	rc = mm_pagecache_add(m, pages, dirty, &added);
	if (added)
		cmd_printf(c, "added %lu %s page%s at index %lu-%lu\n", added,
			   dirty ? "dirty" : "clean", added == 1 ? "" : "s", first, first + added - 1);
	if (rc < 0)
		return cmd_error(c, "%s (after %lu of %lu pages)", m->err, added, pages);
	return 0;
}

/* ---- try_to_free_pages, wakeup_kswapd --------------------------------------------------- */

static unsigned long zone_events(struct mm_machine *m, int item)
{
	unsigned long n = 0;

	for (int i = 0; i < NR_EVENT_ZONES; i++)
		n += m->vm_events[item + i];
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
		return cmd_error(c, "%s", m->err);
	cmd_printf(c, "returned %lu: scanned %lu, reclaimed %lu, writeback started %lu\n", nr,
		   zone_events(m, PGSCAN_DIRECT) - scanned, zone_events(m, PGSTEAL_DIRECT) - stolen,
		   node_state(m, NR_VMSCAN_WRITE) - written);
	return 0;
}

static const char *zone_name(struct mm_machine *m, int idx)
{
	return idx >= 0 && idx < m->node.nr_zones ? m->node.node_zones[idx].name : "?";
}

static void kswapd_line(struct cmd_ctx *c)
{
	struct mm_machine *m = c->m;
	const struct kswapd_state *ks = &m->work.kswapd;

	cmd_puts(c, "kswapd0: ");
	if (!ks->started || ks->state == KSWAPD_ASLEEP)
		cmd_puts(c, ks->woken ? "woken, runs at the next tick" : "sleeping");
	else if (ks->state == KSWAPD_NAPPING)
		cmd_printf(c, "napping until jiffy %llu%s", ks->nap_end,
			   ks->woken ? ", woken: runs at the next tick" : "");
	else
		cmd_printf(c, "running: order %d, classzone %s, pass %lu, reclaimed %lu", ks->order,
			   zone_name(m, ks->cz), ks->nr_passes, ks->nr_reclaimed);
	if (ks->started)
		cmd_printf(c, "; kswapd_max_order %d, classzone_idx %s", ks->max_order,
			   zone_name(m, ks->classzone_idx));
	cmd_puts(c, "\n");
}

/* wakeup_kswapd [ZONE [ORDER]]: as wake_all_kswapd, every zone by default */
int cmd_wakeup_kswapd(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	struct zone *z = NULL;
	int order = 0;

	if (cmd_nargs(c, argc, 0, 2))
		return 1;
	if (argc > 1 && cmd_arg_zone(c, argv[1], &z))
		return 1;
	if (argc > 2 && cmd_arg_order(c, argv[2], &order))
		return 1;
	if (z && !populated_zone(z))
		return cmd_error(c, "zone %s has no memory", z->name);
	mm_wakeup_kswapd(m, z, order);
	kswapd_line(c);
	return 0;
}

/* ---- show lru -------------------------------------------------------------------------- */

struct lru_walk {
	struct cmd_ctx *c;
	unsigned long i, skip_from, skip_to; /* pages [skip_from, skip_to) are not shown */
};

/* one pfn with what reclaim looks at: D dirty, W writeback, R reclaim, r referenced */
static int lru_walk_page(struct mm_machine *m, unsigned long pfn, void *data)
{
	struct lru_walk *w = data;
	const struct page *p = &m->mem_map[pfn];
	char flags[8];
	int f = 0;

	if (w->i >= w->skip_from && w->i < w->skip_to) {
		if (w->i == w->skip_from)
			cmd_printf(w->c, "\n    ... %lu more ...", w->skip_to - w->skip_from);
		w->i++;
		return 0;
	}
	if (p->flags & PG_dirty)
		flags[f++] = 'D';
	if (p->flags & PG_writeback)
		flags[f++] = 'W';
	if (p->flags & PG_reclaim)
		flags[f++] = 'R';
	if (p->flags & PG_referenced)
		flags[f++] = 'r';
	flags[f] = '\0';
	if ((w->i < w->skip_from ? w->i : w->i - w->skip_to) % 8 == 0)
		cmd_puts(w->c, "\n   ");
	cmd_printf(w->c, " 0x%lx%s%s", pfn, f ? ":" : "", flags);
	w->i++;
	return 0;
}

static void lru_list_pages(struct cmd_ctx *c, struct zone *z, int lru)
{
	const struct mm_list *l = mm_list_head(c->m, z->lru[lru]);
	struct lru_walk w = { .c = c, .skip_from = l->nr, .skip_to = l->nr };

	if (l->nr > 64) { /* both ends: the head is new, the tail goes next */
		w.skip_from = 32;
		w.skip_to = l->nr - 32;
	}
	cmd_printf(c, "zone %s %s: %u pages, head (newest) first", z->name, lru_names[lru], l->nr);
	mm_walk_list(c->m, z->lru[lru], lru_walk_page, &w);
	cmd_puts(c, "\n");
}

static void lru_zone(struct cmd_ctx *c, struct zone *z)
{
	const struct zone_reclaim_stat *rs = &z->reclaim_stat;

	cmd_printf(c, "zone %s: pages_scanned %lu, all_unreclaimable %d, inactive_ratio %u, "
		   "recent_scanned %lu/%lu, recent_rotated %lu/%lu (anon/file)\n", z->name,
		   z->pages_scanned, z->all_unreclaimable, z->inactive_ratio, rs->recent_scanned[0],
		   rs->recent_scanned[1], rs->recent_rotated[0], rs->recent_rotated[1]);
	for (int lru = 0; lru < NR_LRU_LISTS; lru++) {
		const struct mm_list *l = mm_list_head(c->m, z->lru[lru]);

		cmd_printf(c, "  %-14s %8u", lru_names[lru], l->nr);
		if (l->nr)
			cmd_printf(c, "  head 0x%x tail 0x%x", l->head, l->tail);
		cmd_puts(c, "\n");
	}
}

static int lru_arg(struct cmd_ctx *c, const char *s, int *lru)
{
	for (int i = 0; i < NR_LRU_LISTS; i++)
		if (strcmp(s, lru_names[i]) == 0) {
			*lru = i;
			return 0;
		}
	return cmd_error(c, "no LRU list '%s' (inactive_anon, active_anon, inactive_file, "
			 "active_file, unevictable)", s);
}

/* show lru [ZONE [LIST]] */
int show_lru(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_machine *m = c->m;
	const struct writeback_queue *q = &m->work.writeback;
	struct zone *z = NULL;
	int lru = 0;

	if (cmd_nargs(c, argc, 0, 2))
		return 1;
	if (argc > 1 && cmd_arg_zone(c, argv[1], &z))
		return 1;
	if (argc > 2) {
		if (lru_arg(c, argv[2], &lru))
			return 1;
		lru_list_pages(c, z, lru);
		return 0;
	}
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *zi = &m->node.node_zones[i];

		if ((z && zi != z) || (!z && !populated_zone(zi)))
			continue;
		lru_zone(c, zi);
	}
	kswapd_line(c);
	cmd_printf(c, "writeback: %u page%s in flight (queue %d)", q->nr, q->nr == 1 ? "" : "s",
		   NR_WRITEBACK_QUEUE);
	if (q->nr)
		cmd_printf(c, ", next done at jiffy %llu", q->e[q->head].done);
	cmd_printf(c, "; swap: %lu of %lu slots used; swappiness %d\n", m->work.swap.inuse,
		   m->work.swap.pages, m->work.vm_swappiness);
	return 0;
}
