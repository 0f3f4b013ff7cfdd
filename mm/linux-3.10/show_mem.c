/*
 * show_mem.c - the memory report the kernel writes to its log when an
 * allocation fails or the OOM killer runs: lib/show_mem.c's show_mem, the
 * show_free_areas and warn_alloc_failed of mm/page_alloc.c, and the bits
 * of lib/ratelimit.c and dump_stack they lean on.
 *
 * Every line goes out through printk(), one MM_EV_PRINTK event per log
 * line, in the text of Linux 3.10.  Where the kernel builds one line from
 * several printk calls (the lowmem_reserve[] and buddy lines) the line is
 * put together here first.  Numbers in kB are pages << (PAGE_SHIFT - 10):
 * a zone of 15360 free pages shows "free:61440kB", and an order-3 block
 * counts as 32kB in the buddy line ("1*32kB (M)").
 */
#include <stdio.h>

#include "internal.h"

#define K(x) ((x) << (PAGE_SHIFT - 10))

#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10
#define THREAD_SIZE (PAGE_SIZE << 1) /* x86 THREAD_SIZE_ORDER 1 in 3.10 */

/* the kernel thread standing for the command line: no task, no pid */
#define CMDLINE_COMM "mmscope"

const char *current_comm(const struct mm_machine *m)
{
	return m->work.current ? m->work.current->comm : CMDLINE_COMM;
}

int current_pid(const struct mm_machine *m)
{
	return m->work.current ? m->work.current->pid : 0;
}

/*
 * dump_stack: the kernel prints "CPU: ... Comm: ..." (dump_stack_print_info),
 * a "Hardware name:" line and the call trace.  The model has no machine
 * name and no stack of return addresses, so only the first line is given.
 */
void dump_stack(struct mm_machine *m)
{
	printk(m, "CPU: %d PID: %d Comm: %.20s %s %s %s", m->this_cpu, current_pid(m),
	       current_comm(m), "Not tainted", "3.10.0", "#1");
}

/* jiffies start 5 minutes before wrapping (include/linux/jiffies.h), never 0 */
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

/*
 * ___ratelimit, as lib/ratelimit.c has it (3.10.99: an expired interval
 * restarts at the next call), on the simulated clock.  The state starts
 * zeroed (the kernel's is DEFINE_RATELIMIT_STATE'd); the first call gives
 * it the defaults.  When an interval that suppressed messages has passed,
 * the next call says how many.
 */
int ___ratelimit(struct mm_machine *m, struct ratelimit_state *rs, const char *func)
{
	unsigned long jiffies = INITIAL_JIFFIES + (unsigned long)m->clock;

	if (!rs->interval) {
		rs->interval = DEFAULT_RATELIMIT_INTERVAL;
		rs->burst = DEFAULT_RATELIMIT_BURST;
	}
	if (!rs->begin)
		rs->begin = jiffies;
	if ((long)(rs->begin + rs->interval - jiffies) < 0) { /* time_is_before_jiffies */
		if (rs->missed)
			printk(m, "%s: %d callbacks suppressed", func, rs->missed);
		rs->begin = 0;
		rs->printed = 0;
		rs->missed = 0;
	}
	if (rs->burst && rs->burst > rs->printed) {
		rs->printed++;
		return 1;
	}
	rs->missed++;
	return 0;
}

/* ---- show_free_areas (mm/page_alloc.c) ----------------------------------- */

/*
 * UMA without cpusets: every zone's node is in current's mems_allowed, so
 * SHOW_MEM_FILTER_NODES (skip_free_areas_node) hides nothing, and
 * show_node() prints no "Node %d " prefix.
 */
#define for_each_populated_zone(m, z)                                                  \
	for (z = (m)->node.node_zones; z < (m)->node.node_zones + (m)->node.nr_zones; z++) \
		if (!populated_zone(z)) {                                              \
		} else

static void show_pcp_counts(struct mm_machine *m)
{
	struct zone *z;

	for_each_populated_zone(m, z) {
		printk(m, "%s per-cpu:", z->name);
		for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
			const struct per_cpu_pages *pcp = &z->pageset[cpu].pcp;

			printk(m, "CPU %4d: hi:%5d, btch:%4d usd:%4d", cpu, pcp->high, pcp->batch,
			       pcp->count);
		}
	}
}

/* one printk with embedded newlines in the kernel: six log lines */
static void show_global_counts(struct mm_machine *m)
{
#define G(item) global_page_state(m, item)
	printk(m, "active_anon:%lu inactive_anon:%lu isolated_anon:%lu", G(NR_ACTIVE_ANON),
	       G(NR_INACTIVE_ANON), G(NR_ISOLATED_ANON));
	printk(m, " active_file:%lu inactive_file:%lu isolated_file:%lu", G(NR_ACTIVE_FILE),
	       G(NR_INACTIVE_FILE), G(NR_ISOLATED_FILE));
	printk(m, " unevictable:%lu dirty:%lu writeback:%lu unstable:%lu", G(NR_UNEVICTABLE),
	       G(NR_FILE_DIRTY), G(NR_WRITEBACK), G(NR_UNSTABLE_NFS));
	printk(m, " free:%lu slab_reclaimable:%lu slab_unreclaimable:%lu", G(NR_FREE_PAGES),
	       G(NR_SLAB_RECLAIMABLE), G(NR_SLAB_UNRECLAIMABLE));
	printk(m, " mapped:%lu shmem:%lu pagetables:%lu bounce:%lu", G(NR_FILE_MAPPED),
	       G(NR_SHMEM), G(NR_PAGETABLE), G(NR_BOUNCE));
	printk(m, " free_cma:%lu", G(NR_FREE_CMA_PAGES));
#undef G
}

static void show_zone_counts(struct mm_machine *m)
{
	struct zone *z;

	for_each_populated_zone(m, z) {
		char buf[16 + 24 * MAX_NR_ZONES];
		int n;

#define S(item) zone_page_state(z, item)
		printk(m, "%s free:%lukB min:%lukB low:%lukB high:%lukB active_anon:%lukB"
		       " inactive_anon:%lukB active_file:%lukB inactive_file:%lukB"
		       " unevictable:%lukB isolated(anon):%lukB isolated(file):%lukB"
		       " present:%lukB managed:%lukB mlocked:%lukB dirty:%lukB writeback:%lukB"
		       " mapped:%lukB shmem:%lukB slab_reclaimable:%lukB slab_unreclaimable:%lukB"
		       " kernel_stack:%lukB pagetables:%lukB unstable:%lukB bounce:%lukB"
		       " free_cma:%lukB writeback_tmp:%lukB pages_scanned:%lu all_unreclaimable? %s",
		       z->name, K(S(NR_FREE_PAGES)), K(z->watermark[WMARK_MIN]),
		       K(z->watermark[WMARK_LOW]), K(z->watermark[WMARK_HIGH]), K(S(NR_ACTIVE_ANON)),
		       K(S(NR_INACTIVE_ANON)), K(S(NR_ACTIVE_FILE)), K(S(NR_INACTIVE_FILE)),
		       K(S(NR_UNEVICTABLE)), K(S(NR_ISOLATED_ANON)), K(S(NR_ISOLATED_FILE)),
		       K(z->present_pages), K(z->managed_pages), K(S(NR_MLOCK)), K(S(NR_FILE_DIRTY)),
		       K(S(NR_WRITEBACK)), K(S(NR_FILE_MAPPED)), K(S(NR_SHMEM)),
		       K(S(NR_SLAB_RECLAIMABLE)), K(S(NR_SLAB_UNRECLAIMABLE)),
		       S(NR_KERNEL_STACK) * THREAD_SIZE / 1024, K(S(NR_PAGETABLE)),
		       K(S(NR_UNSTABLE_NFS)), K(S(NR_BOUNCE)), K(S(NR_FREE_CMA_PAGES)),
		       K(S(NR_WRITEBACK_TEMP)), z->pages_scanned,
		       z->all_unreclaimable ? "yes" : "no");
#undef S
		/* one entry per configured zone (the kernel's MAX_NR_ZONES) */
		n = snprintf(buf, sizeof(buf), "lowmem_reserve[]:");
		for (int i = 0; i < m->node.nr_zones; i++)
			n += snprintf(buf + n, sizeof(buf) - (size_t)n, " %lu", z->lowmem_reserve[i]);
		printk(m, "%s", buf);
	}
}

/* show_migration_types: the letters of the non-empty lists, "(UEM) " */
static int migration_types(char *buf, size_t len, unsigned int types)
{
	static const char letters[MIGRATE_TYPES] = {
		[MIGRATE_UNMOVABLE] = 'U', [MIGRATE_RECLAIMABLE] = 'E',
		[MIGRATE_MOVABLE] = 'M',   [MIGRATE_RESERVE] = 'R',
		[MIGRATE_ISOLATE] = 'I',
	};
	char tmp[MIGRATE_TYPES + 1];
	int n = 0;

	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		if (types & (1u << mt))
			tmp[n++] = letters[mt];
	tmp[n] = '\0';
	return snprintf(buf, len, "(%s) ", tmp);
}

/* "Normal: 2*4kB (UM) 0*8kB 1*16kB (M) ... = 24kB" */
static void show_buddy_lines(struct mm_machine *m)
{
	struct zone *z;

	for_each_populated_zone(m, z) {
		char buf[512];
		unsigned long total = 0;
		int n = snprintf(buf, sizeof(buf), "%s: ", z->name);

		for (int order = 0; order < MAX_ORDER; order++) {
			unsigned long nr = z->free_area[order].nr_free;
			unsigned int types = 0;

			for (int mt = 0; mt < MIGRATE_TYPES; mt++)
				if (!list_empty_id(m, free_list_id(z, order, mt)))
					types |= 1u << mt;
			total += nr << order;
			n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%lu*%lukB ", nr,
				      K(1UL) << order);
			if (nr)
				n += migration_types(buf + n, sizeof(buf) - (size_t)n, types);
		}
		snprintf(buf + n, sizeof(buf) - (size_t)n, "= %lukB", K(total));
		printk(m, "%s", buf);
	}
}

/* CONFIG_HIGHMEM: the arch has a HighMem zone (i386) */
static int config_highmem(const struct mm_machine *m)
{
	return m->node.node_zones[m->zone_of_type[ZONE_HIGHMEM]].type == ZONE_HIGHMEM;
}

void show_free_areas(struct mm_machine *m, unsigned int filter)
{
	(void)filter; /* SHOW_MEM_FILTER_NODES hides nothing on one node */
	show_pcp_counts(m);
	show_global_counts(m);
	show_zone_counts(m);
	show_buddy_lines(m);
	/* hugetlb_show_meminfo: one hstate of pageblock size, no pages in the pool */
	printk(m, "Node %d hugepages_total=%u hugepages_free=%u hugepages_surp=%u hugepages_size=%lukB",
	       m->node.node_id, 0u, 0u, 0u, K(m->pageblock_nr_pages));
	printk(m, "%ld total pagecache pages", (long)global_page_state(m, NR_FILE_PAGES));
	/*
	 * show_swap_cache_info: the model keeps no swap cache (a page is freed
	 * as soon as it is written to its slot and read back straight into the
	 * task), so its count and statistics stay 0.
	 */
	printk(m, "%lu pages in swap cache", 0UL);
	printk(m, "Swap cache stats: add %lu, delete %lu, find %lu/%lu", 0UL, 0UL, 0UL, 0UL);
	printk(m, "Free swap  = %ldkB", (long)K(get_nr_swap_pages(m)));
	printk(m, "Total swap = %lukB", K(m->work.swap.pages));
}

/* ---- show_mem (lib/show_mem.c) --------------------------------------------- */

static int page_is_highmem(const struct mm_machine *m, const struct zone *z)
{
	return z->type == ZONE_HIGHMEM || (z->type == ZONE_MOVABLE && config_highmem(m));
}

/*
 * Then a walk over every valid pfn of the node: reserved pages (holes
 * inside present sections are reserved too), and of the others those
 * with one reference (non-shared) or more (shared, counting the extra
 * references).  The model does not record __GFP_COMP, so a tail page
 * reads its own _count (0), not its head's.
 */
void show_mem(struct mm_machine *m, unsigned int filter)
{
	unsigned long total = 0, reserved = 0, shared = 0, nonshared = 0, highmem = 0;
	unsigned long start = ~0UL, end = 0;

	if (!tracing(m, MM_EV_PRINTK)) /* nobody reads the log: skip the walk */
		return;
	printk(m, "Mem-Info:");
	show_free_areas(m, filter);
	if (filter & SHOW_MEM_FILTER_PAGE_COUNT)
		return;
	/* the node spans its zones: node_start_pfn .. + node_spanned_pages */
	for (int i = 0; i < m->node.nr_zones; i++) {
		const struct zone *z = &m->node.node_zones[i];

		if (!z->spanned_pages)
			continue;
		if (z->zone_start_pfn < start)
			start = z->zone_start_pfn;
		if (zone_end_pfn(z) > end)
			end = zone_end_pfn(z);
	}
	for (unsigned long pfn = start; pfn < end; pfn++) {
		const struct page *page;
		const struct zone *z;

		if (!pfn_valid(m, pfn))
			continue;
		page = &m->mem_map[pfn];
		z = page_zone(m, pfn);
		if (z && page_is_highmem(m, z))
			highmem++;
		if (page->flags & PG_reserved)
			reserved++;
		else if (page->_count == 1)
			nonshared++;
		else if (page->_count > 1)
			shared += (unsigned long)page->_count - 1;
		total++;
	}
	printk(m, "%lu pages RAM", total);
	if (config_highmem(m))
		printk(m, "%lu pages HighMem", highmem);
	printk(m, "%lu pages reserved", reserved);
	printk(m, "%lu pages shared", shared);
	printk(m, "%lu pages non-shared", nonshared);
}

void mm_show_mem(struct mm_machine *m)
{
	show_mem(m, 0);
}

/* ---- warn_alloc_failed (mm/page_alloc.c) ----------------------------------- */

void warn_alloc_failed(struct mm_machine *m, gfp_t gfp, int order)
{
	const struct task *cur = m->work.current;
	unsigned int flags = cur ? cur->flags : m->work.kthread_flags; /* current->flags */
	unsigned int filter = SHOW_MEM_FILTER_NODES;

	/* no debug guard pages (debug_guardpage_minorder 0) */
	if ((gfp & __GFP_NOWARN) || !__ratelimit(m, &m->work.nopage_rs))
		return;
	/* walking every page is too slow for a caller that cannot sleep */
	if (!(gfp & __GFP_WAIT))
		filter |= SHOW_MEM_FILTER_PAGE_COUNT;
	/* callers allowed outside their cpuset see every node */
	if (!(gfp & __GFP_NOMEMALLOC) && (flags & (TIF_MEMDIE | PF_MEMALLOC | PF_EXITING)))
		filter &= ~SHOW_MEM_FILTER_NODES;
	if (!(gfp & __GFP_WAIT))
		filter &= ~SHOW_MEM_FILTER_NODES;
	printk(m, "%s: page allocation failure: order:%d, mode:0x%x", current_comm(m), order, gfp);
	dump_stack(m);
	show_mem(m, filter);
}
