/*
 * compact.c - compaction from the command line, the way a user drives it
 * on a kernel: `sysctl vm.compact_memory=1` (the key lives in proc.c's
 * sysctl table) compacts every zone, and `cat
 * /sys/kernel/debug/extfrag/extfrag_index` (or unusable_index) shows how
 * fragmented each zone's free memory is, order by order.
 */
#include <string.h>

#include "internal.h"

#define EXTFRAG_DIR "/sys/kernel/debug/extfrag/"

/*
 * vm.compact_memory: any value compacts every zone
 * (sysctl_compaction_handler).  The key is write-only, as in the kernel.
 */
int cmd_compact_memory_set(struct mm_machine *m, long v)
{
	(void)v;
	return mm_compact_memory(m, mm_view_cur_cpu(m));
}

/* "extfrag_index" for /sys/kernel/debug/extfrag/extfrag_index, else NULL */
const char *cmd_extfrag_name(const char *path)
{
	size_t n = strlen(EXTFRAG_DIR);

	if (strncmp(path, EXTFRAG_DIR, n) != 0)
		return NULL;
	path += n;
	if (!strcmp(path, "extfrag_index") || !strcmp(path, "unusable_index"))
		return path;
	return NULL;
}
