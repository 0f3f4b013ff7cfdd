/*
 * test_vmstat.c - mm/vmstat.c against the text Linux 3.10 prints.
 *
 * Most tests build a machine by hand, with the numbers of the worked
 * example in spec/page-alloc.md section 14 (x86_64, 4 GiB, 2 CPUs, right
 * after boot), and compare whole files byte for byte with text written out
 * here from the kernel's format strings.  Hand-built machines pin the
 * formatter alone: a change in the allocator cannot move these numbers.
 * The last tests read the files of a booted preset and check that the
 * files agree with each other and with section 14.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

/* ---- a machine built by hand ----------------------------------------------- */

struct fake_zone {
	enum zone_type type;
	const char *name;
	unsigned long start, spanned, present, managed;
	unsigned long wmark[NR_WMARK];
	unsigned long reserve[MAX_NR_ZONES];
	unsigned long dirty_balance_reserve;
	int batch, high, threshold;
	unsigned int inactive_ratio;
};

struct fake_desc {
	enum mm_arch arch;
	int cpus;
	int pageblock_order;
	int section_shift;
	unsigned long max_pfn;
	int min_free_kbytes;
	unsigned long totalreserve_pages;
	int nr_zones;
	struct fake_zone zones[MAX_NR_ZONES];
};

/* Free list ids: one per (zone, order, migratetype), in that order. */
static uint32_t fake_list_id(int zone, int order, int mt)
{
	return (uint32_t)((zone * MAX_ORDER + order) * MIGRATE_TYPES + mt);
}

static void fake_zone_init(struct mm_machine *m, int idx, const struct fake_zone *fz)
{
	struct zone *z = &m->node.node_zones[idx];
	int order, mt, cpu;

	z->type = fz->type;
	z->name = fz->name;
	z->idx = idx;
	z->machine = m;
	z->zone_start_pfn = fz->start;
	z->spanned_pages = fz->spanned;
	z->present_pages = fz->present;
	z->managed_pages = fz->managed;
	memcpy(z->watermark, fz->wmark, sizeof(z->watermark));
	memcpy(z->lowmem_reserve, fz->reserve, sizeof(z->lowmem_reserve));
	z->dirty_balance_reserve = fz->dirty_balance_reserve;
	z->inactive_ratio = fz->inactive_ratio;
	for (order = 0; order < MAX_ORDER; order++)
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			z->free_area[order].free_list[mt] = fake_list_id(idx, order, mt);
	z->pageset = calloc((size_t)m->nr_cpus, sizeof(*z->pageset));
	assert_non_null(z->pageset);
	for (cpu = 0; cpu < m->nr_cpus; cpu++) {
		z->pageset[cpu].pcp.high = fz->high;
		z->pageset[cpu].pcp.batch = fz->batch;
		z->pageset[cpu].stat_threshold = (int8_t)fz->threshold;
	}
	m->zone_of_type[fz->type] = idx;
}

static struct mm_machine *fake_create(const struct fake_desc *d)
{
	struct mm_machine *m = calloc(1, sizeof(*m));
	uint32_t i;
	int k;

	assert_non_null(m);
	m->arch = d->arch;
	m->nr_cpus = d->cpus;
	m->pageblock_order = d->pageblock_order;
	m->pageblock_nr_pages = 1UL << d->pageblock_order;
	m->max_pfn = d->max_pfn;
	m->min_free_kbytes = d->min_free_kbytes;
	m->totalreserve_pages = d->totalreserve_pages;
	m->pageblock_flags = calloc((d->max_pfn >> d->pageblock_order) + 1, 1);
	assert_non_null(m->pageblock_flags);
	m->section_shift = d->section_shift;
	if (d->section_shift) {
		m->nr_sections = (d->max_pfn >> d->section_shift) + 1;
		m->section_valid = malloc(m->nr_sections);
		assert_non_null(m->section_valid);
		memset(m->section_valid, 1, m->nr_sections);
	}
	m->nr_lists = (uint32_t)(d->nr_zones * MAX_ORDER * MIGRATE_TYPES);
	m->lists = calloc(m->nr_lists, sizeof(*m->lists));
	assert_non_null(m->lists);
	for (i = 0; i < m->nr_lists; i++)
		m->lists[i].head = m->lists[i].tail = MM_NIL;
	for (k = 0; k < MM_ZONE_KINDS; k++)
		m->zone_of_type[k] = -1;
	m->node.nr_zones = d->nr_zones;
	for (k = 0; k < d->nr_zones; k++)
		fake_zone_init(m, k, &d->zones[k]);
	return m;
}

static void fake_destroy(struct mm_machine *m)
{
	int i;

	for (i = 0; i < m->node.nr_zones; i++)
		free(m->node.node_zones[i].pageset);
	free(m->lists);
	free(m->section_valid);
	free(m->pageblock_flags);
	free(m);
}

/* n free blocks of this order on one free list, counted as buddy does */
static void put_free(struct mm_machine *m, int zone, int order, int mt,
		     unsigned long n)
{
	struct zone *z = &m->node.node_zones[zone];

	m->lists[fake_list_id(zone, order, mt)].nr += (uint32_t)n;
	z->free_area[order].nr_free += n;
	z->vm_stat[NR_FREE_PAGES] += (long)(n << order);
}

/* pageblocks [start, end) of pfns get this migrate type */
static void set_blocks(struct mm_machine *m, unsigned long start,
		       unsigned long end, int mt)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn += m->pageblock_nr_pages)
		m->pageblock_flags[pfn >> m->pageblock_order] = (uint8_t)mt;
}

/*
 * Spec section 14: DMA 0x1-0xfff with the BIOS hole 0x9f-0xff, DMA32
 * 0x1000-0xfffff with RAM to 3 GiB and 0x1000-0x2fff reserved for the
 * kernel, Normal 0x100000-0x13ffff, Movable empty; 128 MiB sections.
 * min_free_kbytes 8159; dirty_balance_reserve per zone is
 * min(managed, max lowmem_reserve + high): 3998, 3299, 769, 0.
 */
static const struct fake_desc x86_64_4g = {
	.arch = ARCH_X86_64, .cpus = 2, .pageblock_order = 9,
	.section_shift = 15, .max_pfn = 0x140000,
	.min_free_kbytes = 8159, .totalreserve_pages = 8066,
	.nr_zones = 4,
	.zones = {
		{ ZONE_DMA, "DMA", 0x1, 4095, 3998, 3998, { 7, 8, 10 },
		  { 0, 3024, 4048, 4048 }, 3998, 1, 0, 4, 1 },
		{ ZONE_DMA32, "DMA32", 0x1000, 1044480, 782336, 774144,
		  { 1517, 1896, 2275 }, { 0, 0, 1024, 1024 }, 3299, 31, 186, 24, 4 },
		{ ZONE_NORMAL, "Normal", 0x100000, 262144, 262144, 262144,
		  { 513, 641, 769 }, { 0, 0, 0, 0 }, 769, 31, 186, 20, 3 },
		{ ZONE_MOVABLE, "Movable", 0, 0, 0, 0, { 0, 0, 0 },
		  { 0, 0, 0, 0 }, 0, 1, 0, 0, 1 },
	},
};

/*
 * The free lists after boot: DMA pageblock 0 starts outside the zone and
 * stays UNMOVABLE, so the small blocks around the BIOS hole sit there;
 * setup_zone_migrate_reserve turned the first movable block(s) of each
 * zone into MIGRATE_RESERVE (DMA one, DMA32 and Normal two each).  The
 * section holding 3-4 GiB is absent (the hole above RAM).
 */
static struct mm_machine *fake_x86_64_4g(void)
{
	struct mm_machine *m = fake_create(&x86_64_4g);
	static const unsigned long dma_unmovable[MAX_ORDER] = {
		2, 2, 2, 2, 2, 1, 1, 0, 1, 0, 0
	};
	int order;

	for (order = 0; order < MAX_ORDER; order++)
		put_free(m, 0, order, MIGRATE_UNMOVABLE, dma_unmovable[order]);
	put_free(m, 0, 9, MIGRATE_RESERVE, 1);
	put_free(m, 0, 10, MIGRATE_MOVABLE, 3);
	put_free(m, 1, 10, MIGRATE_RESERVE, 1);
	put_free(m, 1, 10, MIGRATE_MOVABLE, 755);
	put_free(m, 2, 10, MIGRATE_RESERVE, 1);
	put_free(m, 2, 10, MIGRATE_MOVABLE, 255);

	set_blocks(m, 0x200, 0x1000, MIGRATE_MOVABLE);
	set_blocks(m, 0x200, 0x400, MIGRATE_RESERVE);
	set_blocks(m, 0x1000, 0xc0000, MIGRATE_MOVABLE);
	set_blocks(m, 0x3000, 0x3400, MIGRATE_RESERVE);
	set_blocks(m, 0x100000, 0x140000, MIGRATE_MOVABLE);
	set_blocks(m, 0x100000, 0x100400, MIGRATE_RESERVE);
	memset(m->section_valid + 24, 0, 8);
	return m;
}

/* The file's text; the buffer is the caller's to free. */
static char *show(struct mm_machine *m, const char *name)
{
	struct mm_buf b;

	/* the fake machines set pageblock types and sections by hand, not
	 * through set_pageblock_migratetype: count the zones' pageblocks as
	 * boot does before the text is made */
	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]))
			count_zone_pageblocks(m, &m->node.node_zones[i], m->node.node_zones[i].nr_pageblocks);
	mm_buf_init(&b);
	assert_int_equal(mm_proc_show(m, name, &b), MM_OK);
	assert_non_null(b.s);
	return b.s;
}

static void assert_show(struct mm_machine *m, const char *name, const char *want)
{
	char *got = show(m, name);

	assert_string_equal(got, want);
	free(got);
}

/* want must appear in the file as a whole line (or run of lines) */
static void assert_show_has(struct mm_machine *m, const char *name,
			    const char *want)
{
	char *got = show(m, name);

	if (!strstr(got, want))
		fail_msg("/proc/%s lacks\n%s\n--- it reads ---\n%s", name, want, got);
	free(got);
}

static void assert_ends_with(const char *got, const char *want)
{
	size_t n = strlen(got), k = strlen(want);

	if (n < k || strcmp(got + n - k, want) != 0)
		fail_msg("text does not end with\n%s\n--- it reads ---\n%s", want, got);
}

/* ---- /proc/buddyinfo ------------------------------------------------------- */

static void test_buddyinfo(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	assert_show(m, "buddyinfo",
		"Node 0, zone      DMA      2      2      2      2      2      1      1      0      1      1      3 \n"
		"Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      0    756 \n"
		"Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    256 \n");
	fake_destroy(m);
}

/* ---- /proc/pagetypeinfo ---------------------------------------------------- */

static void test_pagetypeinfo(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	assert_show(m, "pagetypeinfo",
		"Page block order: 9\n"
		"Pages per block:  512\n"
		"\n"
		"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
		"Node    0, zone      DMA, type    Unmovable      2      2      2      2      2      1      1      0      1      0      0 \n"
		"Node    0, zone      DMA, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone      DMA, type      Movable      0      0      0      0      0      0      0      0      0      0      3 \n"
		"Node    0, zone      DMA, type      Reserve      0      0      0      0      0      0      0      0      0      1      0 \n"
		"Node    0, zone      DMA, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone    DMA32, type    Unmovable      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone    DMA32, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone    DMA32, type      Movable      0      0      0      0      0      0      0      0      0      0    755 \n"
		"Node    0, zone    DMA32, type      Reserve      0      0      0      0      0      0      0      0      0      0      1 \n"
		"Node    0, zone    DMA32, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone   Normal, type    Unmovable      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone   Normal, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
		"Node    0, zone   Normal, type      Movable      0      0      0      0      0      0      0      0      0      0    255 \n"
		"Node    0, zone   Normal, type      Reserve      0      0      0      0      0      0      0      0      0      0      1 \n"
		"Node    0, zone   Normal, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
		"\n"
		"Number of blocks type     Unmovable  Reclaimable      Movable      Reserve      Isolate \n"
		"Node 0, zone      DMA            1            0            6            1            0 \n"
		"Node 0, zone    DMA32            0            0         1526            2            0 \n"
		"Node 0, zone   Normal            0            0          510            2            0 \n");
	fake_destroy(m);
}

/*
 * pagetypeinfo_showblockcount_print steps by pageblock from zone_start_pfn
 * itself, not from an aligned pfn, and on x86 skips nothing but !pfn_valid:
 * a zone at 0x1ff-0x400 looks at pfn 0x1ff (block 0) and 0x3ff (block 1),
 * never at block 2, and a block it shares with another zone counts for both.
 */
static void test_blockcount_steps_from_zone_start(void **state)
{
	static const struct fake_desc d = {
		.arch = ARCH_X86_64, .cpus = 1, .pageblock_order = 9,
		.max_pfn = 0x800, .nr_zones = 4,
		.zones = {
			{ .type = ZONE_DMA, .name = "DMA", .start = 0,
			  .spanned = 0x1ff, .present = 0x1ff, .managed = 0x1ff },
			{ .type = ZONE_DMA32, .name = "DMA32", .start = 0x1ff,
			  .spanned = 0x202, .present = 0x202, .managed = 0x202 },
			{ .type = ZONE_NORMAL, .name = "Normal" },
			{ .type = ZONE_MOVABLE, .name = "Movable" },
		},
	};
	struct mm_machine *m = fake_create(&d);

	(void)state;
	set_blocks(m, 0, 0x200, MIGRATE_RECLAIMABLE);
	set_blocks(m, 0x200, 0x400, MIGRATE_MOVABLE);
	set_blocks(m, 0x400, 0x600, MIGRATE_ISOLATE);
	assert_show_has(m, "pagetypeinfo",
		"Number of blocks type     Unmovable  Reclaimable      Movable      Reserve      Isolate \n"
		"Node 0, zone      DMA            0            1            0            0            0 \n"
		"Node 0, zone    DMA32            0            1            1            0            0 \n");
	fake_destroy(m);
}

/* Blocks in a missing section are not counted (the 3-4 GiB hole above). */
static void test_blockcount_skips_invalid(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	/* an absent section inside Normal: 64 blocks fewer */
	memset(m->section_valid + 33, 0, 1);
	assert_show_has(m, "pagetypeinfo",
		"Node 0, zone   Normal            0            0          446            2            0 \n");
	fake_destroy(m);
}

/* A node without memory has no pagetypeinfo at all. */
static void test_pagetypeinfo_memoryless(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	int i;

	(void)state;
	for (i = 0; i < m->node.nr_zones; i++)
		m->node.node_zones[i].present_pages = 0;
	assert_show(m, "pagetypeinfo", "");
	assert_show(m, "buddyinfo", "");
	assert_show(m, "zoneinfo", "");
	fake_destroy(m);
}

/* ---- /proc/zoneinfo ---------------------------------------------------------- */

static const char zoneinfo_dma[] =
	"Node 0, zone      DMA\n"
	"  pages free     3998\n"
	"        min      7\n"
	"        low      8\n"
	"        high     10\n"
	"        scanned  0\n"
	"        spanned  4095\n"
	"        present  3998\n"
	"        managed  3998\n"
	"    nr_free_pages 3998\n"
	"    nr_inactive_anon 0\n"
	"    nr_active_anon 0\n"
	"    nr_inactive_file 0\n"
	"    nr_active_file 0\n"
	"    nr_unevictable 0\n"
	"    nr_mlock     0\n"
	"    nr_anon_pages 0\n"
	"    nr_mapped    0\n"
	"    nr_file_pages 0\n"
	"    nr_dirty     0\n"
	"    nr_writeback 0\n"
	"    nr_slab_reclaimable 0\n"
	"    nr_slab_unreclaimable 0\n"
	"    nr_page_table_pages 0\n"
	"    nr_kernel_stack 0\n"
	"    nr_unstable  0\n"
	"    nr_bounce    0\n"
	"    nr_vmscan_write 0\n"
	"    nr_vmscan_immediate_reclaim 0\n"
	"    nr_writeback_temp 0\n"
	"    nr_isolated_anon 0\n"
	"    nr_isolated_file 0\n"
	"    nr_shmem     0\n"
	"    nr_dirtied   0\n"
	"    nr_written   0\n"
	"    nr_anon_transparent_hugepages 0\n"
	"    nr_free_cma  0\n"
	"        protection: (0, 3024, 4048, 4048)\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 4\n"
	"    cpu: 1\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 4\n"
	"  all_unreclaimable: 0\n"
	"  start_pfn:         1\n"
	"  inactive_ratio:    1\n";

static void test_zoneinfo_dma(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	char *got;

	(void)state;
	got = show(m, "zoneinfo");
	/* DMA comes first and whole; DMA32 starts right after it */
	assert_memory_equal(got, zoneinfo_dma, sizeof(zoneinfo_dma) - 1);
	assert_true(strncmp(got + sizeof(zoneinfo_dma) - 1,
			    "Node 0, zone    DMA32\n", 22) == 0);
	free(got);
	fake_destroy(m);
}

static void test_zoneinfo_other_zones(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	char *got;

	(void)state;
	assert_show_has(m, "zoneinfo",
		"Node 0, zone    DMA32\n"
		"  pages free     774144\n"
		"        min      1517\n"
		"        low      1896\n"
		"        high     2275\n"
		"        scanned  0\n"
		"        spanned  1044480\n"
		"        present  782336\n"
		"        managed  774144\n"
		"    nr_free_pages 774144\n");
	assert_show_has(m, "zoneinfo",
		"        protection: (0, 0, 1024, 1024)\n"
		"  pagesets\n"
		"    cpu: 0\n"
		"              count: 0\n"
		"              high:  186\n"
		"              batch: 31\n"
		"  vm stats threshold: 24\n");
	assert_show_has(m, "zoneinfo",
		"  all_unreclaimable: 0\n"
		"  start_pfn:         4096\n"
		"  inactive_ratio:    4\n"
		"Node 0, zone   Normal\n");
	/* Normal is last: the empty Movable zone prints nothing */
	got = show(m, "zoneinfo");
	assert_non_null(strstr(got, "        protection: (0, 0, 0, 0)\n"));
	assert_null(strstr(got, "Movable"));
	assert_ends_with(got,
		"  vm stats threshold: 20\n"
		"  all_unreclaimable: 0\n"
		"  start_pfn:         1048576\n"
		"  inactive_ratio:    3\n");
	free(got);
	fake_destroy(m);
}

/*
 * Values travel to the right line: per-cpu counts, pages_scanned,
 * all_unreclaimable, and the zone counters (a negative per-zone count,
 * possible with per-cpu drift, reads 0).
 */
static void test_zoneinfo_values(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	struct zone *dma32 = &m->node.node_zones[1];

	(void)state;
	dma32->pageset[1].pcp.count = 17;
	dma32->pageset[1].stat_threshold = 125;
	dma32->pages_scanned = 4242;
	dma32->all_unreclaimable = 1;
	dma32->vm_stat[NR_ACTIVE_FILE] = 123;
	dma32->vm_stat[NR_FILE_MAPPED] = 77;
	dma32->vm_stat[NR_WRITTEN] = -5;
	assert_show_has(m, "zoneinfo", "        scanned  4242\n");
	assert_show_has(m, "zoneinfo",
		"    nr_active_file 123\n"
		"    nr_unevictable 0\n"
		"    nr_mlock     0\n"
		"    nr_anon_pages 0\n"
		"    nr_mapped    77\n");
	assert_show_has(m, "zoneinfo", "    nr_written   0\n");
	assert_show_has(m, "zoneinfo",
		"    cpu: 1\n"
		"              count: 17\n"
		"              high:  186\n"
		"              batch: 31\n"
		"  vm stats threshold: 125\n"
		"  all_unreclaimable: 1\n"
		"  start_pfn:         4096\n");
	fake_destroy(m);
}

/* ---- /proc/vmstat ------------------------------------------------------------ */

/*
 * Free pages 1040286, dirty_balance_reserve (totalreserve_pages) 8066,
 * no file pages, min_free_kbytes 8159 = 2039 pages:
 * dirtyable = 1040286 - 8066 - 2039 + 1 = 1030182;
 * dirty 20% = 206036, background 10% = 103018.
 * Each event counter holds 100 + its index, so a name in a wrong slot
 * shows; pgpgin/pgpgout are halved (sectors to KiB).
 */
static void test_vmstat(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	int i;

	(void)state;
	assert_int_equal(NR_VM_EVENT_ITEMS, 66);
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		m->vm_events[i] = 100 + (unsigned long)i;
	assert_show(m, "vmstat",
		"nr_free_pages 1040286\n"
		"nr_inactive_anon 0\n"
		"nr_active_anon 0\n"
		"nr_inactive_file 0\n"
		"nr_active_file 0\n"
		"nr_unevictable 0\n"
		"nr_mlock 0\n"
		"nr_anon_pages 0\n"
		"nr_mapped 0\n"
		"nr_file_pages 0\n"
		"nr_dirty 0\n"
		"nr_writeback 0\n"
		"nr_slab_reclaimable 0\n"
		"nr_slab_unreclaimable 0\n"
		"nr_page_table_pages 0\n"
		"nr_kernel_stack 0\n"
		"nr_unstable 0\n"
		"nr_bounce 0\n"
		"nr_vmscan_write 0\n"
		"nr_vmscan_immediate_reclaim 0\n"
		"nr_writeback_temp 0\n"
		"nr_isolated_anon 0\n"
		"nr_isolated_file 0\n"
		"nr_shmem 0\n"
		"nr_dirtied 0\n"
		"nr_written 0\n"
		"nr_anon_transparent_hugepages 0\n"
		"nr_free_cma 0\n"
		"nr_dirty_threshold 206036\n"
		"nr_dirty_background_threshold 103018\n"
		"pgpgin 50\n"
		"pgpgout 50\n"
		"pswpin 102\n"
		"pswpout 103\n"
		"pgalloc_dma 104\n"
		"pgalloc_dma32 105\n"
		"pgalloc_normal 106\n"
		"pgalloc_movable 107\n"
		"pgfree 108\n"
		"pgactivate 109\n"
		"pgdeactivate 110\n"
		"pgfault 111\n"
		"pgmajfault 112\n"
		"pgrefill_dma 113\n"
		"pgrefill_dma32 114\n"
		"pgrefill_normal 115\n"
		"pgrefill_movable 116\n"
		"pgsteal_kswapd_dma 117\n"
		"pgsteal_kswapd_dma32 118\n"
		"pgsteal_kswapd_normal 119\n"
		"pgsteal_kswapd_movable 120\n"
		"pgsteal_direct_dma 121\n"
		"pgsteal_direct_dma32 122\n"
		"pgsteal_direct_normal 123\n"
		"pgsteal_direct_movable 124\n"
		"pgscan_kswapd_dma 125\n"
		"pgscan_kswapd_dma32 126\n"
		"pgscan_kswapd_normal 127\n"
		"pgscan_kswapd_movable 128\n"
		"pgscan_direct_dma 129\n"
		"pgscan_direct_dma32 130\n"
		"pgscan_direct_normal 131\n"
		"pgscan_direct_movable 132\n"
		"pgscan_direct_throttle 133\n"
		"pginodesteal 134\n"
		"slabs_scanned 135\n"
		"kswapd_inodesteal 136\n"
		"kswapd_low_wmark_hit_quickly 137\n"
		"kswapd_high_wmark_hit_quickly 138\n"
		"pageoutrun 139\n"
		"allocstall 140\n"
		"pgrotated 141\n"
		"pgmigrate_success 142\n"
		"pgmigrate_fail 143\n"
		"compact_migrate_scanned 144\n"
		"compact_free_scanned 145\n"
		"compact_isolated 146\n"
		"compact_stall 147\n"
		"compact_fail 148\n"
		"compact_success 149\n"
		"htlb_buddy_alloc_success 150\n"
		"htlb_buddy_alloc_fail 151\n"
		"unevictable_pgs_culled 152\n"
		"unevictable_pgs_scanned 153\n"
		"unevictable_pgs_rescued 154\n"
		"unevictable_pgs_mlocked 155\n"
		"unevictable_pgs_munlocked 156\n"
		"unevictable_pgs_cleared 157\n"
		"unevictable_pgs_stranded 158\n"
		"thp_fault_alloc 159\n"
		"thp_fault_fallback 160\n"
		"thp_collapse_alloc 161\n"
		"thp_collapse_alloc_failed 162\n"
		"thp_split 163\n"
		"thp_zero_page_alloc 164\n"
		"thp_zero_page_alloc_failed 165\n");
	fake_destroy(m);
}

/* The global counter clamps the sum, not each zone: -5 + 12 reads 7. */
static void test_global_page_state(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	m->node.node_zones[0].vm_stat[NR_DIRTIED] = -5;
	m->node.node_zones[2].vm_stat[NR_DIRTIED] = 12;
	m->node.node_zones[1].vm_stat[NR_SHMEM] = -3;
	assert_int_equal(global_page_state(m, NR_DIRTIED), 7);
	assert_int_equal(global_page_state(m, NR_SHMEM), 0);
	assert_int_equal(global_page_state(m, NR_FREE_PAGES), 1040286);
	assert_show_has(m, "vmstat", "\nnr_shmem 0\nnr_dirtied 7\n");
	fake_destroy(m);
}

/* File pages count as dirtyable: 1040286 - 8066 + 15000 - 2039 + 1. */
static void test_dirty_limits_file_pages(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	m->node.node_zones[1].vm_stat[NR_INACTIVE_FILE] = 10000;
	m->node.node_zones[2].vm_stat[NR_ACTIVE_FILE] = 5000;
	assert_show_has(m, "vmstat",
		"nr_dirty_threshold 209036\n"
		"nr_dirty_background_threshold 104518\n");
	fake_destroy(m);
}

/*
 * 3.10.99 takes the reserve out of the free pages alone, so with free
 * pages (5000) below the reserve (8066) the file pages still count whole:
 * 0 + 20000 - 2039 + 1 = 17962.  (The original 3.10 subtracted it from
 * free + file and would give 14896.)
 */
static void test_dirty_limits_reserve_above_free(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	m->node.node_zones[0].vm_stat[NR_FREE_PAGES] = 1000;
	m->node.node_zones[1].vm_stat[NR_FREE_PAGES] = 3000;
	m->node.node_zones[2].vm_stat[NR_FREE_PAGES] = 1000;
	m->node.node_zones[2].vm_stat[NR_INACTIVE_FILE] = 20000;
	assert_show_has(m, "vmstat",
		"nr_dirty_threshold 3592\n"
		"nr_dirty_background_threshold 1796\n");
	fake_destroy(m);
}

/* Nothing dirtyable: the kernel's +1 keeps the base at 1, limits 0. */
static void test_dirty_limits_empty(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	int i;

	(void)state;
	for (i = 0; i < m->node.nr_zones; i++)
		m->node.node_zones[i].vm_stat[NR_FREE_PAGES] = 0;
	assert_show_has(m, "vmstat",
		"nr_dirty_threshold 0\n"
		"nr_dirty_background_threshold 0\n");
	fake_destroy(m);
}

/* ---- i386: HighMem names, pageblock order 10, highmem not dirtyable ---------- */

static const struct fake_desc i386_1g = {
	.arch = ARCH_I386, .cpus = 1, .pageblock_order = 10,
	.max_pfn = 0x40000, .min_free_kbytes = 3800, .totalreserve_pages = 5000,
	.nr_zones = 4,
	.zones = {
		{ ZONE_DMA, "DMA", 0x1, 4095, 3998, 3998, { 17, 21, 25 },
		  { 0, 860, 860, 860 }, 3998, 1, 0, 4, 1 },
		{ ZONE_NORMAL, "Normal", 0x1000, 0x36ffe, 0x36ffe, 220000,
		  { 932, 1165, 1398 }, { 0, 0, 0, 0 }, 1398, 31, 186, 16, 1 },
		{ ZONE_HIGHMEM, "HighMem", 0x36ffe, 0x9002, 0x9002, 0x9002,
		  { 36, 108, 180 }, { 0, 0, 0, 0 }, 500, 7, 42, 8, 1 },
		{ .type = ZONE_MOVABLE, .name = "Movable" },
	},
};

static struct mm_machine *fake_i386(void)
{
	struct mm_machine *m = fake_create(&i386_1g);

	m->node.node_zones[0].vm_stat[NR_FREE_PAGES] = 3000;
	m->node.node_zones[1].vm_stat[NR_FREE_PAGES] = 200000;
	m->node.node_zones[1].vm_stat[NR_INACTIVE_FILE] = 4000;
	m->node.node_zones[2].vm_stat[NR_FREE_PAGES] = 100000;
	m->node.node_zones[2].vm_stat[NR_ACTIVE_FILE] = 1000;
	return m;
}

static void test_i386_event_names(void **state)
{
	struct mm_machine *m = fake_i386();

	(void)state;
	assert_string_equal(mm_vm_event_name(m, PGALLOC + 0), "pgalloc_dma");
	assert_string_equal(mm_vm_event_name(m, PGALLOC + 1), "pgalloc_normal");
	assert_string_equal(mm_vm_event_name(m, PGALLOC + 2), "pgalloc_high");
	assert_string_equal(mm_vm_event_name(m, PGALLOC + 3), "pgalloc_movable");
	assert_string_equal(mm_vm_event_name(m, PGSCAN_DIRECT + 2), "pgscan_direct_high");
	assert_string_equal(mm_vm_event_name(m, PGSCAN_DIRECT_THROTTLE),
			    "pgscan_direct_throttle");
	m->vm_events[PGALLOC + 2] = 9;
	assert_show_has(m, "vmstat",
		"pgalloc_dma 0\npgalloc_normal 0\npgalloc_high 9\npgalloc_movable 0\npgfree 0\n");
	fake_destroy(m);
}

/*
 * HighMem's dirtyable pages (100000 - 500 + 1000) come off the total:
 * 303000 - 5000 + 5000 - 100500 - 950 + 1 = 201551.
 */
static void test_i386_dirty_limits(void **state)
{
	struct mm_machine *m = fake_i386();

	(void)state;
	assert_show_has(m, "vmstat",
		"nr_free_pages 303000\n");
	assert_show_has(m, "vmstat",
		"nr_dirty_threshold 40310\n"
		"nr_dirty_background_threshold 20155\n");
	fake_destroy(m);
}

static void test_i386_files(void **state)
{
	struct mm_machine *m = fake_i386();

	(void)state;
	assert_show_has(m, "pagetypeinfo",
		"Page block order: 10\n"
		"Pages per block:  1024\n\n");
	assert_show_has(m, "buddyinfo", "Node 0, zone  HighMem      0 ");
	assert_show_has(m, "zoneinfo",
		"Node 0, zone  HighMem\n"
		"  pages free     100000\n");
	assert_show_has(m, "zoneinfo", "        protection: (0, 860, 860, 860)\n");
	fake_destroy(m);
}

/* ---- names and errors ---------------------------------------------------------- */

static void test_event_names(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();

	(void)state;
	assert_string_equal(mm_vm_event_name(m, PGPGIN), "pgpgin");
	assert_string_equal(mm_vm_event_name(m, PGALLOC + 1), "pgalloc_dma32");
	assert_string_equal(mm_vm_event_name(m, PGSTEAL_KSWAPD + 3),
			    "pgsteal_kswapd_movable");
	assert_string_equal(mm_vm_event_name(m, COMPACTSTALL), "compact_stall");
	assert_string_equal(mm_vm_event_name(m, HTLB_BUDDY_PGALLOC_FAIL),
			    "htlb_buddy_alloc_fail");
	assert_string_equal(mm_vm_event_name(m, THP_ZERO_PAGE_ALLOC_FAILED),
			    "thp_zero_page_alloc_failed");
	assert_null(mm_vm_event_name(m, -1));
	assert_null(mm_vm_event_name(m, NR_VM_EVENT_ITEMS));
	assert_string_equal(mm_vm_event_name(NULL, PGALLOC + 1), "pgalloc_dma32");
	fake_destroy(m);
}

static void test_proc_names(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	struct mm_buf a, b;
	int i;

	(void)state;
	for (i = 0; mm_proc_names[i]; i++) {
		char path[64];
		char *plain;

		/* the hand-built machine has no slab allocator */
		if (strcmp(mm_proc_names[i], "slabinfo") == 0)
			continue;
		plain = show(m, mm_proc_names[i]);
		snprintf(path, sizeof(path), "/proc/%s", mm_proc_names[i]);
		assert_show(m, path, plain);
		free(plain);
	}
	assert_int_equal(i, 5);
	assert_string_equal(mm_proc_names[4], "slabinfo");

	/* output is appended to what the caller's buffer holds */
	mm_buf_init(&a);
	mm_buf_init(&b);
	mm_buf_printf(&a, "$ cat /proc/buddyinfo\n");
	assert_int_equal(mm_proc_show(m, "buddyinfo", &a), MM_OK);
	assert_int_equal(mm_proc_show(m, "buddyinfo", &b), MM_OK);
	assert_string_equal(a.s + strlen("$ cat /proc/buddyinfo\n"), b.s);
	mm_buf_free(&a);
	mm_buf_free(&b);
	fake_destroy(m);
}

static void test_unknown_file(void **state)
{
	struct mm_machine *m = fake_x86_64_4g();
	struct mm_buf b;

	(void)state;
	mm_buf_init(&b);
	assert_int_equal(mm_proc_show(m, "/proc/meminfo", &b), MM_ENOENT);
	assert_string_equal(m->err, "cat: /proc/meminfo: No such file or directory");
	assert_int_equal(mm_proc_show(m, "slabinfox", &b), MM_ENOENT);
	assert_string_equal(m->err, "cat: /proc/slabinfox: No such file or directory");
	assert_int_equal(mm_proc_show(m, "/proc/", &b), MM_ENOENT);
	assert_int_equal(mm_proc_show(m, "proc/vmstat", &b), MM_ENOENT);
	/* a machine without the slab allocator has no /proc/slabinfo */
	assert_int_equal(mm_proc_show(m, "/proc/slabinfo", &b), MM_ENOENT);
	assert_string_equal(m->err, "cat: /proc/slabinfo: No such file or directory");
	assert_int_equal(b.len, 0);
	mm_buf_free(&b);
	fake_destroy(m);
}

/* ---- booted presets ------------------------------------------------------------ */

static struct mm_machine *boot(const char *preset)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256] = "";

	assert_int_equal(mm_desc_preset(&d, preset), MM_OK);
	d.slab = 0; /* the page allocator alone, as the hand-built machine */
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m)
		fail_msg("%s: %s", preset, err);
	return m;
}

/*
 * The booted x86_64-4g preset is section 14's machine: all four files
 * read exactly as those of the machine built by hand above.  Boot hands
 * every page to the buddy allocator through __free_pages, so pgfree
 * starts at the number of pages freed, as on a real machine.
 */
static void test_preset_x86_64_4g_is_section_14(void **state)
{
	struct mm_machine *real = boot("x86_64-4g");
	struct mm_machine *fake = fake_x86_64_4g();
	int i;

	(void)state;
	fake->vm_events[PGFREE] = 3998 + 774144 + 262144;
	for (i = 0; mm_proc_names[i]; i++) {
		char *want;

		/* neither machine has the slab allocator */
		if (strcmp(mm_proc_names[i], "slabinfo") == 0)
			continue;
		want = show(fake, mm_proc_names[i]);

		assert_show(real, mm_proc_names[i], want);
		free(want);
	}
	fake_destroy(fake);
	mm_machine_destroy(real);
}

/* The numbers on the line that starts with prefix; 0 if it is missing. */
static int line_numbers(const char *text, const char *prefix,
			unsigned long *v, int n)
{
	const char *p = text;
	size_t k = strlen(prefix);
	int i;

	while (p && strncmp(p, prefix, k) != 0) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p)
		return 0;
	p += k;
	for (i = 0; i < n; i++) {
		char *end;

		v[i] = strtoul(p, &end, 10);
		if (end == p)
			return 0;
		p = end;
	}
	return 1;
}

static unsigned long vmstat_value(const char *text, const char *name)
{
	char prefix[64];
	unsigned long v;

	snprintf(prefix, sizeof(prefix), "%s ", name);
	if (!line_numbers(text, prefix, &v, 1))
		fail_msg("/proc/vmstat has no %s", name);
	return v;
}

/*
 * One zone's view in each file must agree: buddyinfo's blocks per order
 * are the sum of pagetypeinfo's lists, and they hold exactly the pages
 * zoneinfo calls free.  Returns the zone's free pages.
 */
static unsigned long check_zone_files(const char *buddy, const char *types,
				      const char *zinfo, const char *name)
{
	unsigned long nr[MAX_ORDER], cnt[MAX_ORDER], sum[MAX_ORDER] = { 0 };
	unsigned long pages = 0, free_pages;
	char prefix[96];
	int order, mt;

	snprintf(prefix, sizeof(prefix), "Node 0, zone %8s ", name);
	assert_true(line_numbers(buddy, prefix, nr, MAX_ORDER));
	for (mt = 0; mt < MIGRATE_TYPES; mt++) {
		snprintf(prefix, sizeof(prefix), "Node    0, zone %8s, type %12s ",
			 name, migratetype_names[mt]);
		assert_true(line_numbers(types, prefix, cnt, MAX_ORDER));
		for (order = 0; order < MAX_ORDER; order++)
			sum[order] += cnt[order];
	}
	for (order = 0; order < MAX_ORDER; order++) {
		assert_int_equal(sum[order], nr[order]);
		pages += nr[order] << order;
	}
	snprintf(prefix, sizeof(prefix), "Node 0, zone %8s\n  pages free     ", name);
	assert_true(line_numbers(strstr(zinfo, prefix), prefix, &free_pages, 1));
	assert_int_equal(free_pages, pages);
	return free_pages;
}

struct request {
	int cpu;
	gfp_t gfp;
	unsigned int order;
};

/* Each preset, after some work: the files agree with each other. */
static void test_presets_files_agree(void **state)
{
	static const struct request reqs[] = {
		{ 0, GFP_KERNEL, 0 }, { 1, GFP_HIGHUSER_MOVABLE, 3 },
		{ 1, GFP_ATOMIC, 2 }, { 0, GFP_KERNEL | __GFP_DMA, 1 },
		{ 0, GFP_USER | __GFP_COLD, 0 }, { 1, GFP_TEMPORARY, 5 },
	};
	int p;

	(void)state;
	for (p = 0; mm_preset_names[p]; p++) {
		struct mm_machine *m = boot(mm_preset_names[p]);
		unsigned long allocated = 0, pgalloc = 0, total = 0;
		struct mm_alloc_result res;
		char *buddy, *types, *zinfo, *vmstat;
		size_t r;
		int z;

		for (r = 0; r < sizeof(reqs) / sizeof(reqs[0]); r++) {
			if (mm_alloc_pages(m, reqs[r].cpu, reqs[r].gfp, reqs[r].order,
					   MM_OWNER(OWNER_KERNEL, r), &res) == MM_OK &&
			    res.pfn != MM_NOPFN)
				allocated += 1UL << reqs[r].order;
		}
		assert_true(allocated > 0);
		buddy = show(m, "buddyinfo");
		types = show(m, "pagetypeinfo");
		zinfo = show(m, "zoneinfo");
		vmstat = show(m, "vmstat");
		for (z = 0; z < m->node.nr_zones; z++) {
			struct zone *zone = &m->node.node_zones[z];
			char name[32];

			if (!populated_zone(zone))
				continue;
			total += check_zone_files(buddy, types, zinfo, zone->name);
			snprintf(name, sizeof(name), "%s",
				 mm_vm_event_name(m, PGALLOC + zone->idx));
			pgalloc += vmstat_value(vmstat, name);
		}
		assert_int_equal(vmstat_value(vmstat, "nr_free_pages"), total);
		/* 3.10 counts pgalloc in buffered_rmqueue, 1 << order each */
		assert_int_equal(pgalloc, allocated);
		free(buddy);
		free(types);
		free(zinfo);
		free(vmstat);
		mm_machine_destroy(m);
	}
}

/* ---- /proc/slabinfo --------------------------------------------------------------- */

static const char slabinfo_header[] =
	"slabinfo - version: 2.1\n"
	"# name            <active_objs> <num_objs> <objsize> <objperslab> "
	"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
	"slabdata <active_slabs> <num_slabs> <sharedavail>\n";

/* A preset as it boots, with the slab allocator (boot() leaves it out). */
static struct mm_machine *boot_with_slab(const char *preset)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256] = "";

	assert_int_equal(mm_desc_preset(&d, preset), MM_OK);
	assert_int_equal(d.slab, 1);
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m)
		fail_msg("%s: %s", preset, err);
	return m;
}

/* one data line of /proc/slabinfo, parsed back */
struct slabinfo_line {
	char name[64];
	unsigned long active_objs, num_objs, objsize, objperslab, pagesperslab;
	unsigned long limit, batchcount, shared;
	unsigned long active_slabs, num_slabs, shared_avail;
};

static int parse_slabinfo_line(const char *line, struct slabinfo_line *l)
{
	return sscanf(line,
		      "%63s %lu %lu %lu %lu %lu : tunables %lu %lu %lu : "
		      "slabdata %lu %lu %lu",
		      l->name, &l->active_objs, &l->num_objs, &l->objsize,
		      &l->objperslab, &l->pagesperslab, &l->limit, &l->batchcount,
		      &l->shared, &l->active_slabs, &l->num_slabs,
		      &l->shared_avail) == 12;
}

/* The line of cache name, whole, without its newline; fails if absent. */
static void slabinfo_find(const char *text, const char *name, char *line,
			  size_t len)
{
	size_t k = strlen(name);
	const char *p = text, *end;

	while (p && *p) {
		if (strncmp(p, name, k) == 0 && p[k] == ' ') {
			end = strchr(p, '\n');
			assert_non_null(end);
			snprintf(line, len, "%.*s", (int)(end - p), p);
			return;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	fail_msg("/proc/slabinfo has no line for %s:\n%s", name, text);
}

/*
 * Every data line agrees with its cache: one line per cache on
 * slab_caches, newest first, the fields printed with cache_show's widths,
 * and num_objs - active_objs is the node's free_objects (get_slabinfo's
 * own "free_objects accounting error" check).
 */
static void check_slabinfo(struct mm_machine *m, const char *text)
{
	const char *p = text + strlen(slabinfo_header);
	struct kmem_cache *c = mm_slab_caches(m);
	struct slabinfo_line l;
	char want[256];
	int n = 0;

	assert_memory_equal(text, slabinfo_header, strlen(slabinfo_header));
	for (; *p; p = strchr(p, '\n') + 1, c = c->next, n++) {
		assert_non_null(c);
		assert_true(parse_slabinfo_line(p, &l));
		assert_string_equal(l.name, c->name);
		snprintf(want, sizeof(want),
			 "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : "
			 "slabdata %6lu %6lu %6lu\n",
			 c->name, l.active_objs, l.num_objs, c->size, c->num,
			 1 << c->gfporder, c->limit, c->batchcount, c->shared,
			 l.active_slabs, l.num_slabs, l.shared_avail);
		assert_memory_equal(p, want, strlen(want));
		assert_int_equal(l.num_slabs,
				 c->node->slabs[SLABS_FULL].nr +
					 c->node->slabs[SLABS_PARTIAL].nr +
					 c->node->slabs[SLABS_FREE].nr);
		assert_int_equal(l.active_slabs,
				 c->node->slabs[SLABS_FULL].nr +
					 c->node->slabs[SLABS_PARTIAL].nr);
		assert_int_equal(l.num_objs, l.num_slabs * c->num);
		assert_int_equal(l.num_objs - l.active_objs, c->node->free_objects);
		assert_int_equal(l.shared_avail,
				 c->node->shared ? c->node->shared->avail : 0);
	}
	assert_null(c);
	assert_true(n > 40); /* kmem_cache, 19 kmalloc and 19 dma-kmalloc caches */
}

/*
 * A booted machine lists the boot caches, newest first: the dma-kmalloc
 * caches on top, kmem_cache at the bottom.  The largest kmalloc cache's
 * line is byte for byte the one a real SLAB kernel prints (spec 9.2).
 */
static void test_slabinfo_boot(void **state)
{
	struct mm_machine *m = boot_with_slab("tiny");
	char *text = show(m, "/proc/slabinfo");
	struct slabinfo_line l;
	char line[256];
	const char *last;

	(void)state;
	check_slabinfo(m, text);
	slabinfo_find(text, "kmalloc-4194304", line, sizeof(line));
	assert_string_equal(line, "kmalloc-4194304        0      0 4194304    1 "
				  "1024 : tunables    1    1    0 : slabdata      0 "
				  "     0      0");
	/* a name longer than 17 columns pushes the rest right */
	slabinfo_find(text, "dma-kmalloc-4194304", line, sizeof(line));
	assert_string_equal(line, "dma-kmalloc-4194304      0      0 4194304    1 "
				  "1024 : tunables    1    1    0 : slabdata      0 "
				  "     0      0");
	/* kmalloc-96 has a 128-byte stride; the tunables of section 3.6 */
	slabinfo_find(text, "kmalloc-96", line, sizeof(line));
	assert_true(parse_slabinfo_line(line, &l));
	assert_int_equal(l.objsize, 128);
	assert_int_equal(l.objperslab, 30);
	assert_int_equal(l.pagesperslab, 1);
	assert_int_equal(l.limit, 120);
	assert_int_equal(l.batchcount, 60);
	assert_int_equal(l.shared, 8);
	/* order 1, and no shared array above PAGE_SIZE */
	slabinfo_find(text, "kmalloc-8192", line, sizeof(line));
	assert_true(parse_slabinfo_line(line, &l));
	assert_int_equal(l.objsize, 8192);
	assert_int_equal(l.objperslab, 1);
	assert_int_equal(l.pagesperslab, 2);
	assert_int_equal(l.limit, 8);
	assert_int_equal(l.batchcount, 4);
	assert_int_equal(l.shared, 0);
	last = text + strlen(text) - 1;
	while (last > text && last[-1] != '\n')
		last--;
	assert_memory_equal(last, "kmem_cache ", strlen("kmem_cache "));
	assert_memory_equal(text + strlen(slabinfo_header), "dma-kmalloc-4194304 ",
			    strlen("dma-kmalloc-4194304 "));
	free(text);
	mm_machine_destroy(m);
}

/*
 * A new cache goes on top.  Its first allocation refills 16 objects
 * (BATCHREFILL_LIMIT), which count as active while they sit in the cpu
 * array: spec 9.2's example line.  Freeing more than the array holds
 * flushes batchcount objects into the shared array, shown as sharedavail.
 */
static void test_slabinfo_cache(void **state)
{
	struct mm_machine *m = boot_with_slab("tiny");
	struct kmem_cache *c;
	unsigned long objs[130];
	char *text;
	char line[256];
	int i;

	(void)state;
	assert_int_equal(kmem_cache_create(m, "foo", 200, 0, 0, 0, &c), MM_OK);
	assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &objs[0]), MM_OK);
	text = show(m, "slabinfo");
	check_slabinfo(m, text);
	assert_memory_equal(text + strlen(slabinfo_header),
			    "foo                   16     19    200   19    1 : "
			    "tunables  120   60    8 : slabdata      1      1      0\n",
			    strlen("foo                   16     19    200   19    1 : "
				   "tunables  120   60    8 : slabdata      1      1      0\n"));
	free(text);

	for (i = 1; i < 130; i++)
		assert_int_equal(kmem_cache_alloc(m, 0, c, GFP_KERNEL, &objs[i]),
				 MM_OK);
	for (i = 0; i < 130; i++)
		assert_int_equal(kmem_cache_free(m, 0, c, objs[i]), MM_OK);
	text = show(m, "slabinfo");
	check_slabinfo(m, text);
	slabinfo_find(text, "foo", line, sizeof(line));
	assert_non_null(c->node->shared);
	assert_true(c->node->shared->avail > 0);
	free(text);

	/* shrinking empties the arrays and releases every free slab */
	assert_int_equal(kmem_cache_shrink(m, c), 0);
	text = show(m, "slabinfo");
	check_slabinfo(m, text);
	slabinfo_find(text, "foo", line, sizeof(line));
	assert_string_equal(line, "foo                    0      0    200   19    1 : "
				  "tunables  120   60    8 : slabdata      0      0      0");
	free(text);

	/* a destroyed cache leaves the file */
	assert_int_equal(kmem_cache_destroy(m, c), MM_OK);
	text = show(m, "slabinfo");
	check_slabinfo(m, text);
	assert_null(strstr(text, "\nfoo "));
	free(text);
	mm_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buddyinfo),
		cmocka_unit_test(test_pagetypeinfo),
		cmocka_unit_test(test_blockcount_steps_from_zone_start),
		cmocka_unit_test(test_blockcount_skips_invalid),
		cmocka_unit_test(test_pagetypeinfo_memoryless),
		cmocka_unit_test(test_zoneinfo_dma),
		cmocka_unit_test(test_zoneinfo_other_zones),
		cmocka_unit_test(test_zoneinfo_values),
		cmocka_unit_test(test_vmstat),
		cmocka_unit_test(test_global_page_state),
		cmocka_unit_test(test_dirty_limits_file_pages),
		cmocka_unit_test(test_dirty_limits_reserve_above_free),
		cmocka_unit_test(test_dirty_limits_empty),
		cmocka_unit_test(test_i386_event_names),
		cmocka_unit_test(test_i386_dirty_limits),
		cmocka_unit_test(test_i386_files),
		cmocka_unit_test(test_event_names),
		cmocka_unit_test(test_proc_names),
		cmocka_unit_test(test_unknown_file),
		cmocka_unit_test(test_preset_x86_64_4g_is_section_14),
		cmocka_unit_test(test_presets_files_agree),
		cmocka_unit_test(test_slabinfo_boot),
		cmocka_unit_test(test_slabinfo_cache),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
