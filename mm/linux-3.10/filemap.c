/*
 * filemap.c - the page cache: one file whose pages are read in and
 * dropped (mm/filemap.c, mm/truncate.c, fs/drop_caches.c).
 *
 * Reads allocate with page_cache_alloc_cold (GFP_HIGHUSER_MOVABLE |
 * __GFP_COLD: readahead pages are not expected to be hot) and join the
 * inactive file list (add_to_page_cache_lru).  A dirty page must be
 * written back before reclaim can free it; drop_caches frees only clean
 * pages nobody writes.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int grow_mapping(struct address_space *as, unsigned long n)
{
	unsigned long cap = as->cap ? as->cap : 256;
	uint32_t *pages;

	if (n <= as->cap)
		return 0;
	while (cap < n)
		cap *= 2;
	pages = realloc(as->pages, cap * sizeof(*pages));
	if (!pages)
		return -1;
	memset(pages + as->cap, 0, (cap - as->cap) * sizeof(*pages));
	as->pages = pages;
	as->cap = cap;
	return 0;
}

static void add_to_page_cache_lru(struct mm_machine *m, unsigned long pfn, unsigned long index,
				  int dirty)
{
	struct address_space *as = &m->work.file;
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, pfn);

	p->private = (uint32_t)index;
	as->pages[index] = (uint32_t)pfn + 1;
	as->nrpages++;
	z->vm_stat[NR_FILE_PAGES]++;
	if (dirty) {
		p->flags |= PG_dirty;
		z->vm_stat[NR_FILE_DIRTY]++;
		z->vm_stat[NR_DIRTIED]++;
	}
	lru_cache_add(m, pfn, LRU_INACTIVE_FILE);
}

int mm_pagecache_add(struct mm_machine *m, unsigned long pages, int dirty, unsigned long *added)
{
	struct address_space *as = &m->work.file;

	*added = 0;
	if (pages > (1UL << 28))
		return mm_error(m, MM_EINVAL, "%lu pages is more than the page cache can index here", pages);
	if (mm_busy(m))
		return MM_EBUSY;
	if (grow_mapping(as, as->nr + pages))
		return mm_error(m, MM_EINVAL, "%lu pages is more than the page cache can index here", pages);
	for (unsigned long i = 0; i < pages; i++) {
		struct mm_alloc_result r;
		int rc = mm_alloc_pages(m, m->this_cpu, GFP_HIGHUSER_MOVABLE | __GFP_COLD, 0,
					MM_OWNER(OWNER_PAGECACHE, 0), &r);

		if (rc)
			return rc;
		add_to_page_cache_lru(m, r.pfn, as->nr++, dirty);
		count_vm_events(m, PGPGIN, 8); /* 4 KiB = 8 sectors read */
		(*added)++;
	}
	return MM_OK;
}

/* __delete_from_page_cache + the free: the page leaves the file */
void delete_from_page_cache(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, pfn);

	m->work.file.pages[p->private] = 0;
	m->work.file.nrpages--;
	z->vm_stat[NR_FILE_PAGES]--;
	if (p->flags & PG_dirty)
		z->vm_stat[NR_FILE_DIRTY]--;
}

/*
 * Read the file's pages [index, index + count) again, as
 * do_generic_file_read does with a page it finds cached: mark_page_accessed
 * (a second touch moves an inactive page to the active list).  Indices not
 * cached are skipped; the model does not read pages in.
 */
int mm_pagecache_read(struct mm_machine *m, unsigned long index, unsigned long count,
		      unsigned long *touched, unsigned long *activated)
{
	const struct address_space *as = &m->work.file;

	*touched = *activated = 0;
	if (index >= as->nr)
		return mm_error(m, MM_EINVAL, "no page cache index %lu (the file has %lu pages)",
				index, as->nr);
	for (unsigned long i = index; i < as->nr && i - index < count; i++) {
		unsigned long pfn;
		int active;

		if (!as->pages[i])
			continue;
		pfn = as->pages[i] - 1;
		active = !!(m->mem_map[pfn].flags & PG_active);
		mark_page_accessed(m, pfn);
		(*touched)++;
		*activated += !active && (m->mem_map[pfn].flags & PG_active);
	}
	return MM_OK;
}

/* drop_caches 1: invalidate every clean page not under writeback */
int mm_pagecache_drop(struct mm_machine *m, unsigned long *dropped)
{
	struct address_space *as = &m->work.file;
	unsigned long freed = 0;

	*dropped = 0;
	if (mm_busy(m))
		return MM_EBUSY;
	for (unsigned long i = 0; i < as->nr; i++) {
		unsigned long pfn;

		if (!as->pages[i])
			continue;
		pfn = as->pages[i] - 1;
		if (m->mem_map[pfn].flags & (PG_dirty | PG_writeback))
			continue;
		delete_from_page_cache(m, pfn);
		put_page_free(m, pfn);
		freed++;
	}
	*dropped = freed;
	return MM_OK;
}
