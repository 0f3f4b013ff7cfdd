/*
 * fuzz_machine.c - libFuzzer target: a machine file.
 *
 * The input is the text of a machine file.  mm_desc_parse reads it; a
 * refused file must say why in one line that starts with "FILE:LINE: ".
 * A file it accepts is booted (mm_machine_create); a machine that cannot
 * boot must say why in one line too.  A machine that boots must pass the
 * invariant checker, then serve a few allocations of every kind through
 * the command layer - pages from each zone type and order, kmalloc and a
 * cache of its own, a task, the page cache, the clock with kswapd and
 * cache_reap, compaction, the /proc files - and pass the checker again
 * before it is destroyed.
 *
 * Cap: machines that span more than FUZZ_MAX_PFN pages (1 GiB) are parsed
 * but not booted - the model boots up to 256 GiB, which takes up to a
 * second or two and hundreds of megabytes (tests/unit/test_machine.c
 * covers the limits themselves).
 *
 * Oracle: the sanitizers (a crash, a leak, undefined behaviour),
 * libFuzzer's timeout, the one-line errors and the invariant checker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#define FUZZ_MAX_PFN (1UL << 18)
#define FILE_NAME "fuzz.machine"

static const char workout[] =
	"alloc_pages GFP_DMA 0; alloc_pages GFP_DMA32 3; alloc_pages GFP_KERNEL 0\n"
	"alloc_pages GFP_KERNEL|__GFP_COLD 2; alloc_pages GFP_HIGHUSER_MOVABLE 9\n"
	"alloc_pages GFP_ATOMIC 10; alloc_pages -c 1 GFP_KERNEL 1\n"
	"kmalloc 32; kmalloc 4096; kmalloc -c 1 200; kmem_cache_create fuzz 300\n"
	"kmem_cache_alloc fuzz; kmem_cache_shrink fuzz\n"
	"task spawn a 100; pagecache add 100 dirty; tick 500; task touch 100 120\n"
	"drain_all_pages; sysctl vm.min_free_kbytes=512; sysctl vm.compact_memory=1\n"
	"try_to_free_pages GFP_KERNEL 0; wakeup_kswapd Normal 2; tick 200\n"
	"cat /proc/buddyinfo /proc/pagetypeinfo /proc/zoneinfo /proc/vmstat /proc/slabinfo\n"
	"show zones; show pageblocks; show freelists; show pcp; sysrq m; task list\n"
	"cat /sys/kernel/debug/extfrag/extfrag_index; machine; check\n"
	"task exit 100; pagecache drop; sysrq f\n";

/* an error must be one non-empty line */
static void one_line(const char *err, const char *what)
{
	if (err[0] && !strchr(err, '\n'))
		return;
	fprintf(stderr, "fuzz: %s: not one line: '%s'\n", what, err);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	struct cmd_ctx c;
	char *text = fuzz_text(data, size), err[256] = "";
	unsigned long max_pfn = 0;

	if (mm_desc_parse(&d, text, FILE_NAME, err, sizeof(err)) != 0) {
		one_line(err, "mm_desc_parse");
		if (strncmp(err, FILE_NAME ":", strlen(FILE_NAME) + 1) != 0) {
			fprintf(stderr, "fuzz: mm_desc_parse: no FILE:LINE: '%s'\n", err);
			abort();
		}
		free(text);
		return 0;
	}
	free(text);
	for (int i = 0; i < d.nr_zones; i++)
		if (d.zones[i].start_pfn + d.zones[i].pages > max_pfn)
			max_pfn = d.zones[i].start_pfn + d.zones[i].pages;
	if (max_pfn > FUZZ_MAX_PFN)
		return 0;
	if (!d.name[0])
		snprintf(d.name, sizeof(d.name), "%s", FILE_NAME);
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m) {
		one_line(err, "mm_machine_create");
		return 0;
	}
	fuzz_check(m, "boot");
	cmd_ctx_init(&c, m, fuzz_out, fuzz_err, NULL);
	c.flags = CMD_KEEP_GOING | (fuzz_verbose() ? CMD_ECHO : 0);
	cmd_exec(&c, workout);
	fuzz_check(c.m, "the workout");
	cmd_ctx_fini(&c);
	return 0;
}
