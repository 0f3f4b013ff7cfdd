/*
 * swap.c - the LRU lists (mm/swap.c) and swap slots (mm/swapfile.c).
 *
 * Every page a task maps or the page cache holds sits on one of its zone's
 * LRU lists: inactive/active x anon/file.  New anonymous pages start
 * active, new page cache pages inactive (3.10).  Reclaim takes from the
 * tail (the oldest); mark_page_accessed promotes a page referenced twice.
 * The kernel batches additions in per-cpu pagevecs; the model adds at
 * once, so a page is on its list as soon as it is mapped.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int page_lru(const struct page *p)
{
	return page_lru_base(p) + ((p->flags & PG_active) ? 1 : 0);
}

/* update_page_reclaim_stat: what get_scan_count weighs anon against file by */
static void update_page_reclaim_stat(struct zone *z, int file, int rotated)
{
	z->reclaim_stat.recent_scanned[file]++;
	if (rotated)
		z->reclaim_stat.recent_rotated[file]++;
}

void lru_cache_add(struct mm_machine *m, unsigned long pfn, enum lru_list lru)
{
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, pfn);
	int active = lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE;

	p->flags |= PG_lru;
	if (active)
		p->flags |= PG_active;
	if (lru != LRU_UNEVICTABLE)
		update_page_reclaim_stat(z, lru >= LRU_INACTIVE_FILE, active);
	list_add_id(m, pfn, z->lru[lru]);
	z->vm_stat[NR_LRU_BASE + lru]++;
}

void del_page_from_lru(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, pfn);

	if (!(p->flags & PG_lru))
		return;
	z->vm_stat[NR_LRU_BASE + page_lru(p)]--;
	list_del_page(m, pfn);
	p->flags &= ~(PG_lru | PG_active);
}

/* activate_page: from the inactive list to the head of the active one */
static void activate_page(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	if (!(p->flags & PG_lru) || (p->flags & PG_active))
		return;
	/* __activate_page: off the inactive list, onto the active one, one rotation */
	del_page_from_lru(m, pfn);
	lru_cache_add(m, pfn, (enum lru_list)(page_lru_base(p) + 1));
	count_vm_events(m, PGACTIVATE, 1);
}

/* inactive,unreferenced -> inactive,referenced -> active,unreferenced */
void mark_page_accessed(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	if (!(p->flags & PG_active) && (p->flags & PG_referenced) && (p->flags & PG_lru)) {
		activate_page(m, pfn);
		p->flags &= ~PG_referenced;
	} else if (!(p->flags & PG_referenced)) {
		p->flags |= PG_referenced;
	}
}

/* the owner let go: off the LRU, no owner, back to the buddy allocator */
void put_page_free(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	del_page_from_lru(m, pfn);
	p->flags &= ~(PG_referenced | PG_swapbacked | PG_dirty | PG_writeback | PG_reclaim);
	p->owner = MM_OWNER(OWNER_KERNEL, 0);
	p->private = 0;
	mm_free_pages(m, m->this_cpu, pfn, 0);
}

/* ---- swap slots ------------------------------------------------------------ */

long get_swap_page(struct mm_machine *m)
{
	struct swap_info *si = &m->work.swap;

	if (si->inuse == si->pages)
		return -1;
	for (unsigned long i = 0; i < si->pages; i++)
		if (!si->map[i]) {
			si->map[i] = 1;
			si->inuse++;
			return (long)i;
		}
	return -1;
}

void swap_free(struct mm_machine *m, unsigned long slot)
{
	struct swap_info *si = &m->work.swap;

	if (slot < si->pages && si->map[slot]) {
		si->map[slot] = 0;
		si->inuse--;
	}
}

unsigned long get_nr_swap_pages(const struct mm_machine *m)
{
	return m->work.swap.pages - m->work.swap.inuse;
}

int mm_workload_init(struct mm_machine *m)
{
	struct mm_workload *w = &m->work;

	w->next_pid = 100;
	w->vm_swappiness = 60;
	w->writeback_ticks = HZ / 10;
	w->swap.pages = m->desc.swap_pages;
	w->swap.map = calloc(w->swap.pages ? w->swap.pages : 1, 1);
	return w->swap.map ? MM_OK : MM_ENOMEM;
}

void mm_workload_destroy(struct mm_machine *m)
{
	struct task *t = m->work.tasks;

	while (t) {
		struct task *next = t->next;

		free(t->pte);
		free(t);
		t = next;
	}
	free(m->work.file.pages);
	free(m->work.swap.map);
	memset(&m->work, 0, sizeof(m->work));
}
