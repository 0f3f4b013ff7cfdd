/*
 * profile.c - the kernel versions the model knows.
 *
 * A machine file's `profile` key picks one at boot (default linux-3.10).
 * The profile names what is version-specific: today the 3.10 page
 * allocator and SLAB, the only ones modelled.  The view reports it, and
 * the next profile (linux-6.12 with SLUB) is added here beside it.
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
