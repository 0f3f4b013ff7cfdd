/*
 * debug.c - the invariant checker and the walkers that let the screen,
 * Lua and tests see where every page is.
 *
 * mm_check verifies what the kernel only asserts piecemeal: every valid
 * pfn is accounted exactly once (in one free block on the list of its
 * order, on one pcp list, reserved, or inside one allocation); list links,
 * counts, nr_free and NR_FREE_PAGES agree with the lists; no two free
 * buddies sit unmerged; pcp counts match their lists.  It reports the first
 * violation as a sentence, never aborts.  (mm_bug, MM_BUG_ON's report in a
 * build with MM_DEBUG, is the one thing in mm/ that does.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifdef MM_DEBUG
/* MM_BUG_ON's report (internal.h): a debug build stops where the model broke */
void mm_bug(const char *cond, const char *file, int line, const char *func)
{
	fprintf(stderr, "mm: MM_BUG_ON(%s) at %s:%d in %s()\n", cond, file, line, func);
	fflush(stderr);
	abort();
}
#endif

int mm_walk_list(struct mm_machine *m, uint32_t id, mm_page_cb cb, void *data)
{
	for (uint32_t pfn = m->lists[id].head; pfn != MM_NIL;) {
		uint32_t next = m->mem_map[pfn].next;
		int rc = cb(m, pfn, data);

		if (rc)
			return rc;
		pfn = next;
	}
	return 0;
}

/* ---- where is this pfn? ------------------------------------------------------ */

static unsigned long covering_head(struct mm_machine *m, unsigned long pfn,
				   uint32_t flag, int *order)
{
	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long h = pfn & ~((1UL << o) - 1);
		struct page *p = &m->mem_map[h];

		if (flag == PG_buddy && (p->flags & PG_buddy) && (int)p->private >= o &&
		    pfn < h + (1UL << p->private)) {
			*order = (int)p->private;
			return h;
		}
		if (flag == PG_head && (p->flags & PG_head) && pfn < h + (1UL << p->alloc_order)) {
			*order = p->alloc_order;
			return h;
		}
	}
	return MM_NOPFN;
}

static int list_mt(struct zone *z, uint32_t id)
{
	return (int)((id - z->free_area[0].free_list[0]) % MIGRATE_TYPES);
}

static void pcp_position(struct mm_machine *m, struct zone *z, uint32_t id,
			 struct mm_page_info *pi)
{
	for (int c = 0; c < m->nr_cpus; c++)
		for (int t = 0; t < MIGRATE_PCPTYPES; t++)
			if (z->pageset[c].pcp.lists[t] == id) {
				pi->cpu = c;
				pi->migratetype = t;
			}
}

void mm_page_info(struct mm_machine *m, unsigned long pfn, struct mm_page_info *pi)
{
	struct zone *z;
	struct page *p;
	unsigned long h;
	int o = 0;

	memset(pi, 0, sizeof(*pi));
	pi->state = PS_NONE;
	pi->head_pfn = MM_NOPFN;
	pi->zone_idx = -1;
	pi->cpu = -1;
	if (!pfn_valid(m, pfn))
		return;
	p = &m->mem_map[pfn];
	pi->pageblock_mt = get_pageblock_migratetype(m, pfn);
	z = page_zone(m, pfn);
	if (z)
		pi->zone_idx = z->idx;
	if (p->flags & PG_nomem) {
		pi->state = PS_HOLE;
	} else if (p->flags & PG_reserved) {
		pi->state = PS_RESERVED;
	} else if (p->flags & PG_pcp) {
		pi->state = PS_PCP;
		pi->head_pfn = pfn;
		pcp_position(m, z, p->list, pi);
	} else if ((h = covering_head(m, pfn, PG_head, &o)) != MM_NOPFN) {
		pi->state = PS_ALLOCATED;
		pi->head_pfn = h;
		pi->order = o;
	} else if (z && (h = covering_head(m, pfn, PG_buddy, &o)) != MM_NOPFN) {
		pi->state = PS_FREE;
		pi->head_pfn = h;
		pi->order = o;
		pi->migratetype = list_mt(z, m->mem_map[h].list);
	}
}

/* ---- the checker -------------------------------------------------------------- */

struct checker {
	struct mm_machine *m;
	uint8_t *seen; /* one bit per pfn */
};

static int seen_test_and_set(struct checker *c, unsigned long pfn)
{
	uint8_t bit = (uint8_t)(1u << (pfn & 7));
	int was = c->seen[pfn >> 3] & bit;

	c->seen[pfn >> 3] |= bit;
	return was;
}

/* links, counts and membership of one list */
static int check_list(struct mm_machine *m, uint32_t id, const char *what)
{
	struct mm_list *l = &m->lists[id];
	uint32_t prev = MM_NIL, n = 0;

	for (uint32_t pfn = l->head; pfn != MM_NIL; pfn = m->mem_map[pfn].next) {
		struct page *p;

		if (pfn >= m->max_pfn || n > l->nr)
			return mm_error(m, MM_EINVAL, "%s: list is corrupt near pfn 0x%x", what, pfn);
		p = &m->mem_map[pfn];
		if (p->list != id || p->prev != prev)
			return mm_error(m, MM_EINVAL, "%s: pfn 0x%x has bad links", what, pfn);
		prev = pfn;
		n++;
	}
	if (n != l->nr || l->tail != prev)
		return mm_error(m, MM_EINVAL, "%s: count %u but %u pages linked", what, l->nr, n);
	return MM_OK;
}

static int check_free_block(struct checker *c, struct zone *z, unsigned long pfn, int order)
{
	struct mm_machine *m = c->m;
	struct page *p = &m->mem_map[pfn];
	unsigned long n = 1UL << order, buddy;

	if (!(p->flags & PG_buddy) || (int)p->private != order || (p->flags & (PG_pcp | PG_head)))
		return mm_error(m, MM_EINVAL, "zone %s: free block 0x%lx on the order-%d list has flags 0x%x order %u",
				z->name, pfn, order, p->flags, p->private);
	if (pfn & (n - 1) || !zone_spans_pfn(z, pfn) || !zone_spans_pfn(z, pfn + n - 1))
		return mm_error(m, MM_EINVAL, "zone %s: free block 0x%lx order %d is misaligned or outside the zone",
				z->name, pfn, order);
	for (unsigned long i = 0; i < n; i++) {
		struct page *q = &m->mem_map[pfn + i];

		if (seen_test_and_set(c, pfn + i))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx is accounted twice (free block 0x%lx)", pfn + i, pfn);
		if (i && (q->flags & (PG_buddy | PG_head | PG_tail | PG_pcp | PG_reserved)))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx inside free block 0x%lx has flags 0x%x",
					pfn + i, pfn, q->flags);
		if (!i && (q->flags & (PG_reserved | PG_tail)))
			return mm_error(m, MM_EINVAL, "free block 0x%lx is reserved", pfn);
	}
	buddy = pfn ^ n;
	if (order < MAX_ORDER - 1 && zone_spans_pfn(z, buddy) && pfn_valid(m, buddy) &&
	    (m->mem_map[buddy].flags & PG_buddy) && (int)m->mem_map[buddy].private == order)
		return mm_error(m, MM_EINVAL, "zone %s: free buddies 0x%lx and 0x%lx of order %d are not merged",
				z->name, pfn, buddy, order);
	return MM_OK;
}

static int check_free_area(struct checker *c, struct zone *z)
{
	struct mm_machine *m = c->m;
	long free = 0;

	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long blocks = 0;

		for (int t = 0; t < MIGRATE_TYPES; t++) {
			uint32_t id = z->free_area[o].free_list[t];

			if (check_list(m, id, z->name))
				return MM_EINVAL;
			for (uint32_t pfn = m->lists[id].head; pfn != MM_NIL; pfn = m->mem_map[pfn].next)
				if (check_free_block(c, z, pfn, o))
					return MM_EINVAL;
			blocks += m->lists[id].nr;
			if (t != MIGRATE_ISOLATE)
				free += (long)m->lists[id].nr << o;
		}
		if (blocks != z->free_area[o].nr_free)
			return mm_error(m, MM_EINVAL, "zone %s: free_area[%d].nr_free %lu but %lu blocks on its lists",
					z->name, o, z->free_area[o].nr_free, blocks);
	}
	if (free != z->vm_stat[NR_FREE_PAGES])
		return mm_error(m, MM_EINVAL, "zone %s: NR_FREE_PAGES %ld but %ld pages on the free lists",
				z->name, z->vm_stat[NR_FREE_PAGES], free);
	return MM_OK;
}

static int check_pcp(struct checker *c, struct zone *z)
{
	struct mm_machine *m = c->m;

	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct per_cpu_pages *pcp = &z->pageset[cpu].pcp;
		long n = 0;

		for (int t = 0; t < MIGRATE_PCPTYPES; t++) {
			uint32_t id = pcp->lists[t];

			if (check_list(m, id, "pcp"))
				return MM_EINVAL;
			for (uint32_t pfn = m->lists[id].head; pfn != MM_NIL; pfn = m->mem_map[pfn].next) {
				struct page *p = &m->mem_map[pfn];

				if (!zone_spans_pfn(z, pfn) || (p->flags & (PG_buddy | PG_head | PG_tail | PG_reserved)) ||
				    !(p->flags & PG_pcp))
					return mm_error(m, MM_EINVAL, "cpu%d zone %s pcp: pfn 0x%x has flags 0x%x",
							cpu, z->name, pfn, p->flags);
				if (seen_test_and_set(c, pfn))
					return mm_error(m, MM_EINVAL, "pfn 0x%x is accounted twice (pcp)", pfn);
			}
			n += m->lists[id].nr;
		}
		if (n != pcp->count)
			return mm_error(m, MM_EINVAL, "cpu%d zone %s: pcp count %d but %ld pages on its lists",
					cpu, z->name, pcp->count, n);
	}
	return MM_OK;
}

static int check_allocation(struct checker *c, unsigned long pfn)
{
	struct mm_machine *m = c->m;
	struct page *p = &m->mem_map[pfn];
	unsigned long n = 1UL << p->alloc_order;

	if ((p->list != MM_NOLIST && !(p->flags & PG_lru)) || (p->flags & (PG_buddy | PG_pcp | PG_tail)) ||
	    pfn + n > m->max_pfn)
		return mm_error(m, MM_EINVAL, "allocation at 0x%lx has flags 0x%x", pfn, p->flags);
	for (unsigned long i = 0; i < n; i++) {
		if (seen_test_and_set(c, pfn + i))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx is accounted twice (allocation 0x%lx)", pfn + i, pfn);
		if (i && ((m->mem_map[pfn + i].flags & (PG_buddy | PG_pcp | PG_head | PG_reserved)) ||
			  !(m->mem_map[pfn + i].flags & PG_tail)))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx inside allocation 0x%lx has flags 0x%x",
					pfn + i, pfn, m->mem_map[pfn + i].flags);
	}
	return MM_OK;
}

/* every valid pfn: reserved, or seen exactly once by the passes above */
static int check_every_pfn(struct checker *c)
{
	struct mm_machine *m = c->m;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		struct page *p;

		if (m->section_shift && !(pfn & ((1UL << m->section_shift) - 1)) &&
		    !m->section_valid[pfn >> m->section_shift]) {
			pfn |= (1UL << m->section_shift) - 1;
			continue;
		}
		p = &m->mem_map[pfn];
		if ((p->flags & PG_head) && check_allocation(c, pfn))
			return MM_EINVAL;
		if (p->flags & PG_reserved) {
			if (p->flags & (PG_buddy | PG_pcp | PG_head) || p->list != MM_NOLIST)
				return mm_error(m, MM_EINVAL, "reserved pfn 0x%lx is in use (flags 0x%x)", pfn, p->flags);
			continue;
		}
		if (!(c->seen[pfn >> 3] & (1u << (pfn & 7))) && !(p->flags & PG_tail))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx is neither free, on a pcp list, allocated nor reserved", pfn);
	}
	return MM_OK;
}

/* ---- the workload: LRU lists, tasks, the page cache, swap ----------------------- */

static int check_lru(struct mm_machine *m, struct zone *z)
{
	for (int l = 0; l < NR_LRU_LISTS; l++) {
		uint32_t id = z->lru[l];

		if (check_list(m, id, "lru"))
			return MM_EINVAL;
		if ((long)m->lists[id].nr != z->vm_stat[NR_LRU_BASE + l])
			return mm_error(m, MM_EINVAL, "zone %s: lru list %d holds %u pages but its counter says %ld",
					z->name, l, m->lists[id].nr, z->vm_stat[NR_LRU_BASE + l]);
		for (uint32_t pfn = m->lists[id].head; pfn != MM_NIL; pfn = m->mem_map[pfn].next) {
			struct page *p = &m->mem_map[pfn];
			unsigned kind = MM_OWNER_KIND(p->owner);

			if (!(p->flags & PG_lru) || !(p->flags & PG_head) || page_lru(p) != l ||
			    !zone_spans_pfn(z, pfn) || (kind != OWNER_ANON && kind != OWNER_PAGECACHE))
				return mm_error(m, MM_EINVAL, "zone %s: pfn 0x%x on lru list %d has flags 0x%x owner 0x%x",
						z->name, pfn, l, p->flags, p->owner);
		}
	}
	return MM_OK;
}

/* every present pte points at a page that names the task and vpn back */
static int check_tasks(struct mm_machine *m)
{
	unsigned long swapped = 0;

	for (struct task *t = m->work.tasks; t; t = t->next) {
		unsigned long rss = 0, swp = 0;

		for (unsigned long vpn = 0; vpn < t->nr_pte; vpn++) {
			uint32_t pte = t->pte[vpn];
			struct page *p;

			if (pte & PTE_SWAP) {
				swp++;
				continue;
			}
			if (!(pte & PTE_PRESENT))
				continue;
			rss++;
			p = &m->mem_map[pte & ~PTE_PRESENT];
			if (p->owner != MM_OWNER(OWNER_ANON, t->pid) || p->private != vpn || !(p->flags & PG_head))
				return mm_error(m, MM_EINVAL, "task %d: pte %lu -> pfn 0x%x, whose owner is 0x%x index %u",
						t->pid, vpn, pte & ~PTE_PRESENT, p->owner, p->private);
		}
		if (rss != t->rss_anon || swp != t->swapents)
			return mm_error(m, MM_EINVAL, "task %d: rss %lu swap %lu but its ptes say %lu and %lu",
					t->pid, t->rss_anon, t->swapents, rss, swp);
		swapped += swp;
	}
	if (swapped > m->work.swap.inuse)
		return mm_error(m, MM_EINVAL, "%lu swap entries in ptes but %lu slots in use",
				swapped, m->work.swap.inuse);
	return MM_OK;
}

static int check_page_cache(struct mm_machine *m)
{
	struct address_space *as = &m->work.file;
	unsigned long n = 0;

	for (unsigned long i = 0; i < as->nr; i++) {
		struct page *p;

		if (!as->pages[i])
			continue;
		n++;
		p = &m->mem_map[as->pages[i] - 1];
		if (p->owner != MM_OWNER(OWNER_PAGECACHE, 0) || p->private != i || !(p->flags & PG_head))
			return mm_error(m, MM_EINVAL, "page cache index %lu -> pfn 0x%x, whose owner is 0x%x index %u",
					i, as->pages[i] - 1, p->owner, p->private);
	}
	if (n != as->nrpages)
		return mm_error(m, MM_EINVAL, "page cache nrpages %lu but %lu pages indexed", as->nrpages, n);
	return MM_OK;
}

static int check_workload(struct mm_machine *m)
{
	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]) && check_lru(m, &m->node.node_zones[i]))
			return MM_EINVAL;
	return check_tasks(m) || check_page_cache(m) ? MM_EINVAL : MM_OK;
}

/* ---- the stage checker: counters, and the blocks that changed ----------------- */

/* the list's neighbours point back at pfn, or the list's ends do */
static int check_links(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	struct mm_list *l;

	if (p->list >= m->nr_lists)
		return mm_error(m, MM_EINVAL, "pfn 0x%lx names list %u of %u", pfn, p->list, m->nr_lists);
	l = &m->lists[p->list];
	if (p->prev == MM_NIL ? l->head != pfn : (p->prev >= m->max_pfn || m->mem_map[p->prev].next != pfn))
		return mm_error(m, MM_EINVAL, "pfn 0x%lx: its prev link is broken", pfn);
	if (p->next == MM_NIL ? l->tail != pfn : (p->next >= m->max_pfn || m->mem_map[p->next].prev != pfn))
		return mm_error(m, MM_EINVAL, "pfn 0x%lx: its next link is broken", pfn);
	return MM_OK;
}

static int inflight_order(const struct mm_machine *m, unsigned long pfn)
{
	for (int i = 0; i < m->nr_inflight; i++)
		if (m->inflight[i].pfn == pfn)
			return m->inflight[i].order;
	return -1;
}

/* an anonymous or page cache page is where its owner says it is */
static int check_owner(struct mm_machine *m, unsigned long pfn)
{
	const struct page *p = &m->mem_map[pfn];
	const struct address_space *as = &m->work.file;
	struct task *t;

	switch (MM_OWNER_KIND(p->owner)) {
	case OWNER_ANON:
		/* an exiting task (an OOM victim giving its pages back) still owns them */
		for (t = m->work.tasks; t && t->pid != (int)MM_OWNER_ID(p->owner); t = t->next)
			;
		if (!t || p->private >= t->nr_pte || t->pte[p->private] != (PTE_PRESENT | (uint32_t)pfn))
			return mm_error(m, MM_EINVAL, "pfn 0x%lx: anonymous page of task %u index %u, whose pte does not map it",
					pfn, MM_OWNER_ID(p->owner), p->private);
		break;
	case OWNER_PAGECACHE:
		if (p->private >= as->nr || as->pages[p->private] != pfn + 1)
			return mm_error(m, MM_EINVAL, "pfn 0x%lx: page cache page of index %u, which maps another",
					pfn, p->private);
		break;
	}
	return MM_OK;
}

/* every page of one MAX_ORDER block accounted once: free, pcp, allocated,
 * reserved, a hole, or in flight */
static int check_block(struct mm_machine *m, unsigned long start)
{
	unsigned long end = start + MAX_ORDER_NR_PAGES, pfn = start;

	if (end > m->max_pfn)
		end = m->max_pfn;
	while (pfn < end) {
		struct page *p = &m->mem_map[pfn];
		struct zone *z;
		unsigned long n = 1, base;
		int o;

		if (!pfn_valid(m, pfn) || (p->flags & PG_nomem)) {
			pfn++;
			continue;
		}
		z = page_zone(m, pfn);
		base = z ? z->free_area[0].free_list[0] : 0;
		if (p->flags & PG_reserved) {
			if (p->flags & (PG_buddy | PG_pcp | PG_head) || p->list != MM_NOLIST)
				return mm_error(m, MM_EINVAL, "reserved pfn 0x%lx is in use (flags 0x%x)", pfn, p->flags);
		} else if (p->flags & PG_buddy) {
			o = (int)p->private;
			n = 1UL << o;
			if (!z || o >= MAX_ORDER || (pfn & (n - 1)) || p->list < base ||
			    p->list >= base + MAX_ORDER * MIGRATE_TYPES || (int)((p->list - base) / MIGRATE_TYPES) != o ||
			    !zone_spans_pfn(z, pfn + n - 1) || (p->flags & (PG_pcp | PG_head | PG_tail)))
				return mm_error(m, MM_EINVAL, "free block 0x%lx order %d sits on list %u (flags 0x%x)",
						pfn, o, p->list, p->flags);
			if (check_links(m, pfn))
				return MM_EINVAL;
			for (unsigned long i = 1; i < n; i++)
				if (m->mem_map[pfn + i].flags & (PG_buddy | PG_head | PG_tail | PG_pcp | PG_reserved))
					return mm_error(m, MM_EINVAL, "pfn 0x%lx inside free block 0x%lx has flags 0x%x",
							pfn + i, pfn, m->mem_map[pfn + i].flags);
			if (o < MAX_ORDER - 1 && zone_spans_pfn(z, pfn ^ n) && pfn_valid(m, pfn ^ n) &&
			    (m->mem_map[pfn ^ n].flags & PG_buddy) && (int)m->mem_map[pfn ^ n].private == o)
				return mm_error(m, MM_EINVAL, "zone %s: free buddies 0x%lx and 0x%lx of order %d are not merged",
						z->name, pfn, pfn ^ n, o);
		} else if (p->flags & PG_pcp) {
			uint32_t pcp = base + MAX_ORDER * MIGRATE_TYPES + NR_LRU_LISTS;

			if (!z || p->list < pcp || p->list >= pcp + (uint32_t)m->nr_cpus * MIGRATE_PCPTYPES ||
			    (p->flags & (PG_head | PG_tail)))
				return mm_error(m, MM_EINVAL, "pcp page 0x%lx sits on list %u (flags 0x%x)", pfn, p->list,
						p->flags);
			if (check_links(m, pfn))
				return MM_EINVAL;
		} else if (p->flags & PG_head) {
			n = 1UL << p->alloc_order;
			if (pfn + n > end || (p->list != MM_NOLIST && !(p->flags & PG_lru)) || (p->flags & PG_tail))
				return mm_error(m, MM_EINVAL, "allocation at 0x%lx has flags 0x%x", pfn, p->flags);
			if (p->list != MM_NOLIST && check_links(m, pfn))
				return MM_EINVAL;
			for (unsigned long i = 1; i < n; i++)
				if ((m->mem_map[pfn + i].flags & (PG_buddy | PG_pcp | PG_head | PG_reserved)) ||
				    !(m->mem_map[pfn + i].flags & PG_tail))
					return mm_error(m, MM_EINVAL, "pfn 0x%lx inside allocation 0x%lx has flags 0x%x",
							pfn + i, pfn, m->mem_map[pfn + i].flags);
			if (check_owner(m, pfn))
				return MM_EINVAL;
		} else if ((o = inflight_order(m, pfn)) >= 0) {
			n = 1UL << o;
		} else {
			return mm_error(m, MM_EINVAL, "pfn 0x%lx is neither free, on a pcp list, allocated nor reserved (flags 0x%x)",
					pfn, p->flags);
		}
		pfn += n;
	}
	for (unsigned long b = start >> m->pageblock_order; b <= (end - 1) >> m->pageblock_order; b++)
		if ((m->pageblock_flags[b] & 7) >= MIGRATE_TYPES)
			return mm_error(m, MM_EINVAL, "pageblock %lu has migratetype %d", b, m->pageblock_flags[b] & 7);
	return MM_OK;
}

/* nr_free, NR_FREE_PAGES and pcp counts against the lists' counts */
static int check_counters(struct mm_machine *m, struct zone *z)
{
	long free = 0;

	for (int o = 0; o < MAX_ORDER; o++) {
		unsigned long blocks = 0;

		for (int t = 0; t < MIGRATE_TYPES; t++) {
			blocks += m->lists[z->free_area[o].free_list[t]].nr;
			if (t != MIGRATE_ISOLATE)
				free += (long)m->lists[z->free_area[o].free_list[t]].nr << o;
		}
		if (blocks != z->free_area[o].nr_free)
			return mm_error(m, MM_EINVAL, "zone %s: free_area[%d].nr_free %lu but %lu blocks on its lists",
					z->name, o, z->free_area[o].nr_free, blocks);
	}
	if (free != z->vm_stat[NR_FREE_PAGES])
		return mm_error(m, MM_EINVAL, "zone %s: NR_FREE_PAGES %ld but %ld pages on the free lists",
				z->name, z->vm_stat[NR_FREE_PAGES], free);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		long n = 0;

		for (int t = 0; t < MIGRATE_PCPTYPES; t++)
			n += m->lists[z->pageset[cpu].pcp.lists[t]].nr;
		if (n != z->pageset[cpu].pcp.count)
			return mm_error(m, MM_EINVAL, "cpu%d zone %s: pcp count %d but %ld pages on its lists",
					cpu, z->name, z->pageset[cpu].pcp.count, n);
	}
	return MM_OK;
}

/* m->nr_requests caches how many cpus have a request in progress */
static int check_nr_requests(struct mm_machine *m)
{
	int n = 0;

	for (int cpu = 0; cpu < MM_MAX_CPUS; cpu++)
		if (mm_request_of(m, cpu))
			n++;
	if (n != m->nr_requests)
		return mm_error(m, MM_EINVAL, "nr_requests is %d but %d cpus have a request in progress",
				m->nr_requests, n);
	return MM_OK;
}

int mm_check_stage(struct mm_machine *m)
{
	unsigned long nbytes;

	if (!m->check_dirty)
		return mm_check(m);
	if (check_nr_requests(m))
		return MM_EINVAL;
	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]) && check_counters(m, &m->node.node_zones[i]))
			return MM_EINVAL;
	nbytes = (m->max_pfn >> (MAX_ORDER - 1 + 3)) + 1;
	for (unsigned long i = 0; i < nbytes; i++) {
		if (!m->check_dirty[i])
			continue;
		for (int bit = 0; bit < 8; bit++) {
			unsigned long start = ((i << 3) + (unsigned long)bit) << (MAX_ORDER - 1);

			if ((m->check_dirty[i] & (1u << bit)) && start < m->max_pfn && check_block(m, start))
				return MM_EINVAL;
		}
		m->check_dirty[i] = 0;
	}
	return slab_ops(m) ? slab_ops(m)->check_stage(m) : MM_OK;
}

int mm_check(struct mm_machine *m)
{
	struct checker c = { m, calloc((m->max_pfn >> 3) + 1, 1) };
	int rc = MM_OK;

	if (!c.seen)
		return mm_error(m, MM_ENOMEM, "mm_check: out of memory");
	rc = check_nr_requests(m);
	for (int i = 0; i < m->node.nr_zones && !rc; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (populated_zone(z))
			rc = check_free_area(&c, z) || check_pcp(&c, z) ? MM_EINVAL : MM_OK;
	}
	for (int i = 0; i < m->nr_inflight && !rc; i++) /* held by a paused request */
		for (unsigned long p = 0; p < (1UL << m->inflight[i].order) && !rc; p++)
			if (seen_test_and_set(&c, m->inflight[i].pfn + p))
				rc = mm_error(m, MM_EINVAL, "pfn 0x%lx in flight is also on a list",
					      m->inflight[i].pfn + p);
	if (!rc)
		rc = check_every_pfn(&c);
	if (!rc)
		rc = slab_ops(m) ? slab_ops(m)->check(m) : MM_OK;
	if (!rc)
		rc = check_workload(m);
	for (unsigned long b = 0; !rc && b <= (m->max_pfn - 1) >> m->pageblock_order; b++)
		if ((m->pageblock_flags[b] & 7) >= MIGRATE_TYPES)
			rc = mm_error(m, MM_EINVAL, "pageblock %lu has migratetype %d", b, m->pageblock_flags[b] & 7);
	for (int i = 0; i < m->node.nr_zones && !rc; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long count[MIGRATE_TYPES];

		if (!populated_zone(z))
			continue;
		count_zone_pageblocks(m, z, count);
		for (int mt = 0; mt < MIGRATE_TYPES && !rc; mt++)
			if (count[mt] != z->nr_pageblocks[mt])
				rc = mm_error(m, MM_EINVAL, "zone %s counts %lu pageblocks of type %d, its blocks say %lu",
					      z->name, z->nr_pageblocks[mt], mt, count[mt]);
	}
	free(c.seen);
	return rc;
}
