/*
 * memory.c - tasks and their anonymous memory (mm/memory.c's faults,
 * mm/rmap.c's new-anon rule, kernel/exit.c's teardown).
 *
 * A task is an address space of pages numbered from 0: pte[vpn] holds the
 * pfn of a present page, a swap slot, or nothing.  A fault allocates with
 * the task's gfp (GFP_HIGHUSER_MOVABLE by default, zeroed), maps the page
 * and puts it at the head of the active anon list, as 3.10's
 * page_add_new_anon_rmap does.  The page records its task (page->owner)
 * and its vpn (page->private), which is how reclaim, compaction and the
 * OOM killer find the pte to change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct task *mm_task_find(struct mm_machine *m, int pid)
{
	for (struct task *t = m->work.tasks; t; t = t->next)
		if (t->pid == pid && !(t->flags & PF_EXITING))
			return t;
	return NULL;
}

unsigned long get_mm_rss(const struct task *t)
{
	return t->rss_anon;
}

/* one page-table page maps 512 (x86_64) ptes; a task touching anything has one */
unsigned long task_nr_ptes(const struct task *t)
{
	return t->nr_pte ? (t->nr_pte + 511) / 512 : 0;
}

static int grow_ptes(struct task *t, unsigned long n)
{
	uint32_t *pte;
	unsigned long cap = t->cap_pte ? t->cap_pte : 64;

	if (n <= t->cap_pte)
		return 0;
	while (cap < n)
		cap *= 2;
	pte = realloc(t->pte, cap * sizeof(*pte));
	if (!pte)
		return -1;
	memset(pte + t->cap_pte, 0, (cap - t->cap_pte) * sizeof(*pte));
	t->pte = pte;
	t->cap_pte = cap;
	return 0;
}

/* map a freshly allocated page at vpn: the kernel's do_anonymous_page tail */
static void map_anon_page(struct mm_machine *m, struct task *t, unsigned long vpn, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	p->flags |= PG_swapbacked;
	p->private = (uint32_t)vpn;
	t->pte[vpn] = PTE_PRESENT | (uint32_t)pfn;
	t->rss_anon++;
	page_zone(m, pfn)->vm_stat[NR_ANON_PAGES]++;
	lru_cache_add(m, pfn, LRU_ACTIVE_ANON);
}

/*
 * handle_mm_fault for one page: present pages are marked young, swapped
 * ones read back, missing ones allocated.  The task may be chosen by the
 * OOM killer while its own fault allocates: then it stops.
 */
static int fault_page(struct mm_machine *m, struct task *t, unsigned long vpn)
{
	uint32_t pte = t->pte[vpn];
	struct mm_alloc_result r;
	int rc;

	if (pte & PTE_PRESENT) {
		m->mem_map[pte & ~PTE_PRESENT].flags |= PG_referenced;
		return MM_OK;
	}
	count_vm_events(m, PGFAULT, 1);
	rc = mm_alloc_pages(m, m->this_cpu, t->gfp, 0, MM_OWNER(OWNER_ANON, t->pid), &r);
	if (rc)
		return rc;
	if (t->flags & PF_EXITING) { /* killed while we allocated */
		m->mem_map[r.pfn].owner = MM_OWNER(OWNER_KERNEL, 0);
		mm_free_pages(m, m->this_cpu, r.pfn, 0);
		return mm_error(m, MM_ENOMEM, "task %d (%s) was killed", t->pid, t->comm);
	}
	if (pte & PTE_SWAP) { /* do_swap_page: read it back */
		swap_free(m, (pte & ~PTE_SWAP) - 1);
		t->swapents--;
		count_vm_events(m, PSWPIN, 1);
		count_vm_events(m, PGMAJFAULT, 1);
	}
	map_anon_page(m, t, vpn, r.pfn);
	return MM_OK;
}

int task_touch(struct mm_machine *m, struct task *t, unsigned long pages)
{
	struct task *prev = m->work.current;
	int rc = MM_OK;

	if (pages > (1UL << 28))
		return mm_error(m, MM_EINVAL, "%lu pages is more than a task can map here", pages);
	if (mm_busy(m))
		return MM_EBUSY;
	if (grow_ptes(t, pages))
		return mm_error(m, MM_ENOMEM, "out of memory for page tables");
	if (pages > t->nr_pte)
		t->nr_pte = pages;
	m->work.current = t;
	for (unsigned long vpn = 0; vpn < pages && rc == MM_OK; vpn++)
		rc = fault_page(m, t, vpn);
	m->work.current = prev;
	mm_reap_tasks(m);
	return rc;
}

static int valid_comm(struct mm_machine *m, const char *name)
{
	size_t len = strlen(name);

	if (!len || len > 15)
		return mm_error(m, MM_EINVAL, "task name '%s' must be 1 to 15 characters", name);
	for (const char *c = name; *c; c++)
		if (*c <= ' ' || *c > '~')
			return mm_error(m, MM_EINVAL, "task name '%s' has spaces or control characters", name);
	return MM_OK;
}

int task_spawn(struct mm_machine *m, const char *name, unsigned long pages, gfp_t gfp,
		  struct task **out)
{
	struct task *t, **pp;
	int rc = valid_comm(m, name);

	if (rc)
		return rc;
	if (gfp & ~__GFP_BITS_MASK || gfp_zone_kind(gfp) < 0)
		return mm_error(m, MM_EINVAL, "gfp 0x%x is not a valid page fault mask", gfp);
	if (pages > (1UL << 28))
		return mm_error(m, MM_EINVAL, "%lu pages is more than a task can map here", pages);
	if (mm_busy(m))
		return MM_EBUSY;
	t = calloc(1, sizeof(*t));
	if (!t)
		return mm_error(m, MM_ENOMEM, "out of memory");
	t->pid = m->work.next_pid++;
	snprintf(t->comm, sizeof(t->comm), "%s", name);
	t->gfp = gfp ? gfp : (GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	for (pp = &m->work.tasks; *pp; pp = &(*pp)->next)
		;
	*pp = t;
	*out = t;
	return task_touch(m, t, pages);
}

/* exit_mmap: every page back, every swap slot released */
void mm_task_release_memory(struct mm_machine *m, struct task *t)
{
	for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++) {
		uint32_t pte = t->pte[vpn];

		/* unmap first: a stage point inside the free sees no pte to a free page */
		t->pte[vpn] = PTE_NONE;
		if (pte & PTE_PRESENT) {
			unsigned long pfn = pte & ~PTE_PRESENT;

			t->rss_anon--;
			page_zone(m, pfn)->vm_stat[NR_ANON_PAGES]--;
			put_page_free(m, pfn);
		} else if (pte & PTE_SWAP) {
			t->swapents--;
			swap_free(m, (pte & ~PTE_SWAP) - 1);
		}
	}
}

int task_exit(struct mm_machine *m, struct task *t)
{
	if (mm_busy(m))
		return MM_EBUSY;
	mm_task_release_memory(m, t);
	t->flags |= PF_EXITING;
	mm_reap_tasks(m);
	return MM_OK;
}

/* ---- the operations on a task named by its pid (ops.h) ----------------------------------- */

static struct task *task_of(struct mm_machine *m, int pid)
{
	struct task *t = mm_task_find(m, pid);

	if (!t)
		mm_error(m, MM_ENOENT, "no task with pid %d", pid);
	return t;
}

int mm_task_spawn(struct mm_machine *m, const char *name, unsigned long pages, gfp_t gfp,
		  int *pid)
{
	struct task *t = NULL;
	int next = m->work.next_pid, rc;

	/* its faults may end in the OOM killer, which may choose it: keep
	 * its pid, not the pointer */
	rc = task_spawn(m, name, pages, gfp, &t);
	*pid = t ? next : 0;
	return rc;
}

int mm_task_touch(struct mm_machine *m, int pid, unsigned long pages)
{
	struct task *t = task_of(m, pid);

	return t ? task_touch(m, t, pages) : MM_ENOENT;
}

int mm_task_exit(struct mm_machine *m, int pid)
{
	struct task *t = task_of(m, pid);

	return t ? task_exit(m, t) : MM_ENOENT;
}

int mm_oom_score_adj(struct mm_machine *m, int pid, int adj)
{
	struct task *t = task_of(m, pid);

	return t ? set_oom_score_adj(m, t, adj) : MM_ENOENT;
}

/* forget exited tasks once nothing is running on their behalf */
void mm_reap_tasks(struct mm_machine *m)
{
	struct task **pp = &m->work.tasks;

	while (*pp) {
		struct task *t = *pp;

		if ((t->flags & PF_EXITING) && t != m->work.current) {
			*pp = t->next;
			free(t->pte);
			free(t);
		} else {
			pp = &t->next;
		}
	}
}
