/*
 * vmstat.c - the machine's state as the text of Linux 3.10's /proc files.
 *
 * This file alone turns a struct mm_machine into /proc/buddyinfo,
 * /proc/pagetypeinfo, /proc/zoneinfo, /proc/vmstat and /proc/slabinfo
 * (the last walks the SLAB caches' node lists), so the screen, Lua,
 * the command line and the tests all print the same bytes.  The text is
 * what 3.10 prints on x86 with one node (UMA), SMP, CONFIG_MEMORY_ISOLATION
 * and without CONFIG_CMA: every format string, field width and trailing
 * space below is part of the interface people's scripts parse.
 *
 * It only reads the machine.  Counters come from where the kernel keeps
 * them: zone->vm_stat[] for the zoned counters, m->vm_events[] for the
 * event counters, the free lists' lengths for pagetypeinfo and the
 * pageblock bitmap for its block counts.  Like the kernel, the node's zones
 * are walked in zone_idx order and unpopulated zones print nothing.
 */
#include <string.h>

#include "internal.h"
#include "view.h"

_Static_assert(NR_VM_EVENT_ITEMS <= NR_VM_EVENT_ITEMS_MAX,
	       "m->vm_events[] is too small for enum vm_event_item");

/* The zoned counters' names; the first block of the kernel's vmstat_text[]. */
static const char *const vmstat_text[] = {
	[NR_FREE_PAGES] = "nr_free_pages",
	[NR_INACTIVE_ANON] = "nr_inactive_anon",
	[NR_ACTIVE_ANON] = "nr_active_anon",
	[NR_INACTIVE_FILE] = "nr_inactive_file",
	[NR_ACTIVE_FILE] = "nr_active_file",
	[NR_UNEVICTABLE] = "nr_unevictable",
	[NR_MLOCK] = "nr_mlock",
	[NR_ANON_PAGES] = "nr_anon_pages",
	[NR_FILE_MAPPED] = "nr_mapped",
	[NR_FILE_PAGES] = "nr_file_pages",
	[NR_FILE_DIRTY] = "nr_dirty",
	[NR_WRITEBACK] = "nr_writeback",
	[NR_SLAB_RECLAIMABLE] = "nr_slab_reclaimable",
	[NR_SLAB_UNRECLAIMABLE] = "nr_slab_unreclaimable",
	[NR_PAGETABLE] = "nr_page_table_pages",
	[NR_KERNEL_STACK] = "nr_kernel_stack",
	[NR_UNSTABLE_NFS] = "nr_unstable",
	[NR_BOUNCE] = "nr_bounce",
	[NR_VMSCAN_WRITE] = "nr_vmscan_write",
	[NR_VMSCAN_IMMEDIATE] = "nr_vmscan_immediate_reclaim",
	[NR_WRITEBACK_TEMP] = "nr_writeback_temp",
	[NR_ISOLATED_ANON] = "nr_isolated_anon",
	[NR_ISOLATED_FILE] = "nr_isolated_file",
	[NR_SHMEM] = "nr_shmem",
	[NR_DIRTIED] = "nr_dirtied",
	[NR_WRITTEN] = "nr_written",
	[NR_ANON_TRANSPARENT_HUGEPAGES] = "nr_anon_transparent_hugepages",
	[NR_FREE_CMA_PAGES] = "nr_free_cma",
};
_Static_assert(sizeof(vmstat_text) / sizeof(vmstat_text[0]) ==
		       NR_VM_ZONE_STAT_ITEMS,
	       "a zone_stat_item without a name");

/*
 * The event counters' names.  FOR_ALL_ZONES items expand to one name per
 * configured zone, and which zones are configured depends on the arch, so
 * there is one table per arch built from the same list (the kernel's
 * TEXTS_FOR_ZONES, with CONFIG_ZONE_DMA32 or CONFIG_HIGHMEM fixed).
 */
#define TEXTS_FOR_ZONES_X86_64(xx) xx "_dma", xx "_dma32", xx "_normal", xx "_movable"
#define TEXTS_FOR_ZONES_I386(xx) xx "_dma", xx "_normal", xx "_high", xx "_movable"

#define VM_EVENT_TEXT(TEXTS_FOR_ZONES)                                      \
	"pgpgin", "pgpgout", "pswpin", "pswpout",                           \
	TEXTS_FOR_ZONES("pgalloc"),                                         \
	"pgfree", "pgactivate", "pgdeactivate",                             \
	"pgfault", "pgmajfault",                                            \
	TEXTS_FOR_ZONES("pgrefill"),                                        \
	TEXTS_FOR_ZONES("pgsteal_kswapd"),                                  \
	TEXTS_FOR_ZONES("pgsteal_direct"),                                  \
	TEXTS_FOR_ZONES("pgscan_kswapd"),                                   \
	TEXTS_FOR_ZONES("pgscan_direct"),                                   \
	"pgscan_direct_throttle",                                           \
	"pginodesteal", "slabs_scanned", "kswapd_inodesteal",               \
	"kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly",    \
	"pageoutrun", "allocstall", "pgrotated",                            \
	"pgmigrate_success", "pgmigrate_fail",                              \
	"compact_migrate_scanned", "compact_free_scanned",                  \
	"compact_isolated", "compact_stall", "compact_fail",                \
	"compact_success",                                                  \
	"htlb_buddy_alloc_success", "htlb_buddy_alloc_fail",                \
	"unevictable_pgs_culled", "unevictable_pgs_scanned",                \
	"unevictable_pgs_rescued", "unevictable_pgs_mlocked",               \
	"unevictable_pgs_munlocked", "unevictable_pgs_cleared",             \
	"unevictable_pgs_stranded",                                         \
	"thp_fault_alloc", "thp_fault_fallback", "thp_collapse_alloc",      \
	"thp_collapse_alloc_failed", "thp_split", "thp_zero_page_alloc",    \
	"thp_zero_page_alloc_failed"

static const char *const vm_event_text_x86_64[] = {
	VM_EVENT_TEXT(TEXTS_FOR_ZONES_X86_64)
};
static const char *const vm_event_text_i386[] = {
	VM_EVENT_TEXT(TEXTS_FOR_ZONES_I386)
};
_Static_assert(sizeof(vm_event_text_x86_64) / sizeof(vm_event_text_x86_64[0]) ==
		       NR_VM_EVENT_ITEMS,
	       "vm_event_item and its names disagree");
_Static_assert(sizeof(vm_event_text_i386) / sizeof(vm_event_text_i386[0]) ==
		       NR_VM_EVENT_ITEMS,
	       "vm_event_item and its names disagree");

/* Without a machine the names are x86_64's, the default profile. */
const char *mm_vm_event_name(const struct mm_machine *m, int item)
{
	if (item < 0 || item >= NR_VM_EVENT_ITEMS)
		return NULL;
	if (m && m->arch == ARCH_I386)
		return vm_event_text_i386[item];
	return vm_event_text_x86_64[item];
}

/*
 * The global counter is the sum of the zones' counters (the kernel folds
 * every zone delta into vm_stat[] too).  Per-cpu drift can make it
 * negative on SMP, hence the clamp, applied to the sum as the kernel does.
 */
unsigned long global_page_state(const struct mm_machine *m, enum zone_stat_item i)
{
	long x = 0;
	int z;

	for (z = 0; z < m->node.nr_zones; z++)
		x += m->node.node_zones[z].vm_stat[i];
	return x < 0 ? 0 : (unsigned long)x;
}

typedef void (*zone_print_fn)(struct mm_machine *m, struct zone *zone,
			      struct mm_buf *out);

/* walk_zones_in_node: the /proc files show populated zones only. */
static void walk_zones_in_node(struct mm_machine *m, struct mm_buf *out,
			       zone_print_fn print)
{
	int i;

	for (i = 0; i < m->node.nr_zones; i++) {
		struct zone *zone = &m->node.node_zones[i];

		if (populated_zone(zone))
			print(m, zone, out);
	}
}

/* ---- /proc/buddyinfo ------------------------------------------------------ */

/* nr_free counts blocks of each order over all migrate types. */
static void frag_show_print(struct mm_machine *m, struct zone *zone,
			    struct mm_buf *out)
{
	int order;

	mm_buf_printf(out, "Node %d, zone %8s ", m->node.node_id, zone->name);
	for (order = 0; order < MAX_ORDER; order++)
		mm_buf_printf(out, "%6lu ", zone->free_area[order].nr_free);
	mm_buf_printf(out, "\n");
}

static void frag_show(struct mm_machine *m, struct mm_buf *out)
{
	walk_zones_in_node(m, out, frag_show_print);
}

/* ---- /proc/pagetypeinfo --------------------------------------------------- */

/* One line per migrate type: how many blocks sit on each free list. */
static void pagetypeinfo_showfree_print(struct mm_machine *m, struct zone *zone,
					struct mm_buf *out)
{
	int order, mt;

	for (mt = 0; mt < MIGRATE_TYPES; mt++) {
		mm_buf_printf(out, "Node %4d, zone %8s, type %12s ",
			      m->node.node_id, zone->name, migratetype_names[mt]);
		for (order = 0; order < MAX_ORDER; order++) {
			uint32_t id = zone->free_area[order].free_list[mt];

			mm_buf_printf(out, "%6lu ",
				      (unsigned long)mm_list_head(m, id)->nr);
		}
		mm_buf_printf(out, "\n");
	}
}

static void pagetypeinfo_showfree(struct mm_machine *m, struct mm_buf *out)
{
	int order;

	mm_buf_printf(out, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		mm_buf_printf(out, "%6d ", order);
	mm_buf_printf(out, "\n");
	walk_zones_in_node(m, out, pagetypeinfo_showfree_print);
}

/*
 * Pageblocks per type.  The kernel steps from zone_start_pfn, which need
 * not be pageblock aligned, and looks at the block holding each step; it
 * skips only !pfn_valid pfns, because on x86 (no
 * CONFIG_ARCH_HAS_HOLES_MEMORYMODEL) memmap_valid_within() is always true.
 * So a block shared with the zone below can count in both zones.
 */
static void pagetypeinfo_showblockcount_print(struct mm_machine *m,
					      struct zone *zone,
					      struct mm_buf *out)
{
	struct mm_zone_view v;

	/* the count is kept as blocks change type (set_pageblock_migratetype) */
	mm_view_zone(m, zone->idx, &v);
	mm_buf_printf(out, "Node %d, zone %8s ", m->node.node_id, zone->name);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		mm_buf_printf(out, "%12lu ", v.nr_pageblocks[mt]);
	mm_buf_printf(out, "\n");
}

static void pagetypeinfo_showblockcount(struct mm_machine *m, struct mm_buf *out)
{
	int mt;

	mm_buf_printf(out, "\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		mm_buf_printf(out, "%12s ", migratetype_names[mt]);
	mm_buf_printf(out, "\n");
	walk_zones_in_node(m, out, pagetypeinfo_showblockcount_print);
}

/* node_state(nid, N_MEMORY): some zone of the node has present pages. */
static int node_has_memory(const struct mm_machine *m)
{
	int i;

	for (i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]))
			return 1;
	return 0;
}

static void pagetypeinfo_show(struct mm_machine *m, struct mm_buf *out)
{
	if (!node_has_memory(m))
		return;
	mm_buf_printf(out, "Page block order: %d\n", m->pageblock_order);
	mm_buf_printf(out, "Pages per block:  %lu\n", m->pageblock_nr_pages);
	mm_buf_printf(out, "\n");
	pagetypeinfo_showfree(m, out);
	pagetypeinfo_showblockcount(m, out);
}

/* ---- /proc/zoneinfo --------------------------------------------------------- */

static void zoneinfo_show_sizes(struct zone *zone, struct mm_buf *out)
{
	mm_buf_printf(out,
		      "\n  pages free     %lu"
		      "\n        min      %lu"
		      "\n        low      %lu"
		      "\n        high     %lu"
		      "\n        scanned  %lu"
		      "\n        spanned  %lu"
		      "\n        present  %lu"
		      "\n        managed  %lu",
		      zone_page_state(zone, NR_FREE_PAGES),
		      zone->watermark[WMARK_MIN], zone->watermark[WMARK_LOW],
		      zone->watermark[WMARK_HIGH], zone->pages_scanned,
		      zone->spanned_pages, zone->present_pages,
		      zone->managed_pages);
}

/* lowmem_reserve has one entry per configured zone (MAX_NR_ZONES there). */
static void zoneinfo_show_protection(struct mm_machine *m, struct zone *zone,
				     struct mm_buf *out)
{
	int i;

	mm_buf_printf(out, "\n        protection: (%lu", zone->lowmem_reserve[0]);
	for (i = 1; i < m->node.nr_zones; i++)
		mm_buf_printf(out, ", %lu", zone->lowmem_reserve[i]);
	mm_buf_printf(out, ")");
}

/* Every simulated cpu is online; the threshold line is there because SMP. */
static void zoneinfo_show_pagesets(struct mm_machine *m, struct zone *zone,
				   struct mm_buf *out)
{
	int cpu;

	mm_buf_printf(out, "\n  pagesets");
	for (cpu = 0; cpu < m->nr_cpus; cpu++) {
		const struct per_cpu_pageset *p = &zone->pageset[cpu];

		mm_buf_printf(out,
			      "\n    cpu: %i"
			      "\n              count: %i"
			      "\n              high:  %i"
			      "\n              batch: %i",
			      cpu, p->pcp.count, p->pcp.high, p->pcp.batch);
		mm_buf_printf(out, "\n  vm stats threshold: %d",
			      p->stat_threshold);
	}
}

static void zoneinfo_show_print(struct mm_machine *m, struct zone *zone,
				struct mm_buf *out)
{
	int i;

	mm_buf_printf(out, "Node %d, zone %8s", m->node.node_id, zone->name);
	zoneinfo_show_sizes(zone, out);
	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		mm_buf_printf(out, "\n    %-12s %lu", vmstat_text[i],
			      zone_page_state(zone, (enum zone_stat_item)i));
	zoneinfo_show_protection(m, zone, out);
	zoneinfo_show_pagesets(m, zone, out);
	mm_buf_printf(out,
		      "\n  all_unreclaimable: %u"
		      "\n  start_pfn:         %lu"
		      "\n  inactive_ratio:    %u"
		      "\n",
		      (unsigned int)zone->all_unreclaimable,
		      zone->zone_start_pfn, zone->inactive_ratio);
}

static void zoneinfo_show(struct mm_machine *m, struct mm_buf *out)
{
	walk_zones_in_node(m, out, zoneinfo_show_print);
}

/* ---- /proc/vmstat --------------------------------------------------------- */

/*
 * The writeback sysctls at their defaults: vm.dirty_ratio 20,
 * vm.dirty_background_ratio 10, the *_bytes variants 0 (so the ratios
 * apply) and vm.highmem_is_dirtyable 0.
 */
#define VM_DIRTY_RATIO 20
#define DIRTY_BACKGROUND_RATIO 10

/* Free pages above the zone's reserve plus its page cache. */
static unsigned long zone_dirtyable_memory(const struct zone *zone)
{
	unsigned long nr = zone_page_state(zone, NR_FREE_PAGES);

	nr -= nr < zone->dirty_balance_reserve ? nr : zone->dirty_balance_reserve;
	nr += zone_page_state(zone, NR_INACTIVE_FILE);
	nr += zone_page_state(zone, NR_ACTIVE_FILE);
	return nr;
}

/* Highmem is kept out of the dirty limit so lowmem is not swamped by it. */
static unsigned long highmem_dirtyable_memory(const struct mm_machine *m,
					      unsigned long total)
{
	unsigned long x = 0;
	int i;

	for (i = 0; i < m->node.nr_zones; i++)
		if (m->node.node_zones[i].type == ZONE_HIGHMEM)
			x += zone_dirtyable_memory(&m->node.node_zones[i]);
	return x < total ? x : total;
}

/*
 * What the page cache may grow into: free pages beyond the reserves
 * (dirty_balance_reserve is totalreserve_pages), plus file pages, minus
 * highmem and min_free_kbytes; never 0.  This is the 3.10.99 shape; the
 * original 3.10 added anon pages too when swap was configured.
 */
static unsigned long global_dirtyable_memory(const struct mm_machine *m)
{
	unsigned long x = global_page_state(m, NR_FREE_PAGES);
	unsigned long min_pages;

	x -= x < m->totalreserve_pages ? x : m->totalreserve_pages;
	x += global_page_state(m, NR_INACTIVE_FILE);
	x += global_page_state(m, NR_ACTIVE_FILE);
	x -= highmem_dirtyable_memory(m, x);
	min_pages = (unsigned long)m->min_free_kbytes >> (PAGE_SHIFT - 10);
	x -= x < min_pages ? x : min_pages;
	return x + 1;
}

/* The reader (cat) is neither PF_LESS_THROTTLE nor realtime: no +25%. */
static void global_dirty_limits(const struct mm_machine *m,
				unsigned long *pbackground, unsigned long *pdirty)
{
	unsigned long available = global_dirtyable_memory(m);
	unsigned long dirty = VM_DIRTY_RATIO * available / 100;
	unsigned long background = DIRTY_BACKGROUND_RATIO * available / 100;

	if (background >= dirty)
		background = dirty / 2;
	*pbackground = background;
	*pdirty = dirty;
}

/*
 * Row i of /proc/vmstat (vmstat_start's array: the zone counters summed,
 * the dirty thresholds, then the events): its name and value; -1 past the
 * last row.  The file, the screen and Lua's mm.vmstat() read these rows.
 */
int mm_view_vmstat(const struct mm_machine *m, int i, const char **name, unsigned long *value)
{
	unsigned long background, dirty;

	if (i < 0)
		return -1;
	if (i < NR_VM_ZONE_STAT_ITEMS) {
		*name = vmstat_text[i];
		*value = global_page_state(m, (enum zone_stat_item)i);
		return 0;
	}
	i -= NR_VM_ZONE_STAT_ITEMS;
	if (i < 2) {
		global_dirty_limits(m, &background, &dirty);
		*name = i ? "nr_dirty_background_threshold" : "nr_dirty_threshold";
		*value = i ? background : dirty;
		return 0;
	}
	i -= 2;
	if (i >= NR_VM_EVENT_ITEMS)
		return -1;
	*name = mm_vm_event_name(m, i);
	*value = m->vm_events[i];
	/* pgpgin/pgpgout count 512-byte sectors; the file shows KiB */
	if (i == PGPGIN || i == PGPGOUT)
		*value /= 2;
	return 0;
}

static void vmstat_show(struct mm_machine *m, struct mm_buf *out)
{
	const char *name;
	unsigned long v;

	for (int i = 0; mm_view_vmstat(m, i, &name, &v) == 0; i++)
		mm_buf_printf(out, "%s %lu\n", name, v);
}

/* ---- the files ------------------------------------------------------------- */

/* A file that needs the slab allocator does not exist without it
 * ("slab none"), as /proc/slabinfo is missing from a kernel without SLAB. */
static const struct proc_file {
	const char *name;
	void (*show)(struct mm_machine *m, struct mm_buf *out);
	int needs_slab;
} proc_files[] = {
	{ "buddyinfo", frag_show, 0 },
	{ "pagetypeinfo", pagetypeinfo_show, 0 },
	{ "zoneinfo", zoneinfo_show, 0 },
	{ "vmstat", vmstat_show, 0 },
	{ "slabinfo", slabinfo_show, 1 },
};
#define NR_PROC_FILES (sizeof(proc_files) / sizeof(proc_files[0]))

const char *const mm_proc_names[] = {
	"buddyinfo", "pagetypeinfo", "zoneinfo", "vmstat", "slabinfo", NULL
};
_Static_assert(sizeof(mm_proc_names) / sizeof(mm_proc_names[0]) ==
		       NR_PROC_FILES + 1,
	       "mm_proc_names and proc_files disagree");

/*
 * Appends the file's text to out; the machine is not changed.  On success
 * out->s is a string even when the file is empty (a memoryless node's
 * pagetypeinfo).
 */
int mm_proc_show(struct mm_machine *m, const char *name, struct mm_buf *out)
{
	static const char prefix[] = "/proc/";
	size_t i;

	if (strncmp(name, prefix, sizeof(prefix) - 1) == 0)
		name += sizeof(prefix) - 1;
	for (i = 0; i < NR_PROC_FILES; i++) {
		if (proc_files[i].needs_slab && !m->slab)
			continue;
		if (strcmp(name, proc_files[i].name) == 0) {
			mm_buf_printf(out, "%s", "");
			proc_files[i].show(m, out);
			return MM_OK;
		}
	}
	return mm_error(m, MM_ENOENT, "cat: /proc/%s: No such file or directory",
			name);
}
