/*
 * profile.c - the kernel versions the model knows.
 *
 * A machine file's `profile` key picks one at boot (default linux-3.10;
 * an unknown one is refused with the known ones named).  The profile names
 * what is version-specific: its slab allocator (struct mm_slab_ops, slab.h:
 * SLAB for 3.10), and the algorithms of that kernel, which live in a
 * directory of their own (mm/linux-3.10/).  The view reports it; the next
 * profile (linux-6.12 with SLUB, issues 17 and 18) is added here beside
 * it, its page allocator behind a table of its own as the slab
 * allocator's is.
 */
#include <string.h>

#include "internal.h"

static const struct mm_profile linux_3_10 = {
	.name = "linux-3.10",
	.slab = &mm_slab_ops_slab,
};

const struct mm_profile *const mm_profiles[] = { &linux_3_10, NULL };

const struct mm_profile *mm_profile_find(const char *name)
{
	for (int i = 0; mm_profiles[i]; i++)
		if (!strcmp(mm_profiles[i]->name, name))
			return mm_profiles[i];
	return NULL;
}

const struct mm_profile *mm_profile_default(void)
{
	return &linux_3_10;
}
