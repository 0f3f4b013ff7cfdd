/*
 * migrate.c - moving a page's contents to another page (mm/migrate.c):
 * what compaction does to movable pages.  The owner's map is updated to
 * the new pfn (the task's pte, or the page cache slot), the new page takes
 * the old one's place on its LRU list, and the old page is freed.
 */
#include "internal.h"

/* flags that describe the contents and travel with them */
#define PG_MIGRATE_FLAGS (PG_swapbacked | PG_dirty | PG_referenced | PG_active)

int mm_migrate_page(struct mm_machine *m, unsigned long old_pfn, unsigned long new_pfn)
{
	struct page *old = &m->mem_map[old_pfn], *new = &m->mem_map[new_pfn];
	uint32_t owner = old->owner;
	int on_lru = !!(old->flags & PG_lru), active = !!(old->flags & PG_active);
	struct zone *oz = page_zone(m, old_pfn), *nz = page_zone(m, new_pfn);

	if (MM_OWNER_KIND(owner) == OWNER_ANON) {
		struct task *t = mm_task_find(m, (int)MM_OWNER_ID(owner));

		if (!t)
			return mm_error(m, MM_EINVAL, "pfn 0x%lx: its task is gone", old_pfn);
		t->pte[old->private] = PTE_PRESENT | (uint32_t)new_pfn;
		oz->vm_stat[NR_ANON_PAGES]--;
		nz->vm_stat[NR_ANON_PAGES]++;
	} else if (MM_OWNER_KIND(owner) == OWNER_PAGECACHE) {
		m->work.file.pages[old->private] = (uint32_t)new_pfn + 1;
		oz->vm_stat[NR_FILE_PAGES]--;
		nz->vm_stat[NR_FILE_PAGES]++;
		if (old->flags & PG_dirty) {
			oz->vm_stat[NR_FILE_DIRTY]--;
			nz->vm_stat[NR_FILE_DIRTY]++;
		}
	} else {
		return mm_error(m, MM_EINVAL, "pfn 0x%lx is not movable", old_pfn);
	}
	del_page_from_lru(m, old_pfn);
	new->flags = (new->flags & ~PG_MIGRATE_FLAGS) | (old->flags & PG_MIGRATE_FLAGS);
	new->flags &= ~PG_active; /* lru_cache_add sets it again */
	new->owner = owner;
	new->private = old->private;
	if (on_lru)
		lru_cache_add(m, new_pfn, (enum lru_list)(page_lru_base(new) + active));
	old->flags &= ~(PG_MIGRATE_FLAGS | PG_writeback | PG_reclaim);
	old->owner = MM_OWNER(OWNER_KERNEL, 0);
	old->private = 0;
	mm_free_pages(m, m->this_cpu, old_pfn, 0);
	count_vm_events(m, PGMIGRATE_SUCCESS, 1);
	return MM_OK;
}
