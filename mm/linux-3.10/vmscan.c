/*
 * vmscan.c - page reclaim as Linux 3.10 does it (mm/vmscan.c), with the
 * end of writeback (end_page_writeback, mm/filemap.c) and the slab
 * shrinkers.
 *
 * Every zone keeps four evictable LRU lists (swap.c), newest at the head.
 * Reclaim takes pages from the tail: shrink_zone -> shrink_lruvec asks
 * get_scan_count how many pages of each list to look at (lru_size >>
 * priority, split between anon and file by vm_swappiness and by how often
 * recently scanned pages were rotated back), then works through the lists
 * SWAP_CLUSTER_MAX pages at a time.  shrink_active_list deactivates pages
 * (only when the inactive list is "low"); shrink_inactive_list isolates a
 * batch and hands it to shrink_page_list, which decides per page:
 *
 *   under writeback      mark PG_reclaim, keep
 *   referenced           anon: back to the active list; file: reclaim if clean
 *   anon                 needs a swap slot (add_to_swap), then pageout
 *   dirty file           only kswapd at priority < DEF_PRIORITY - 2 writes it;
 *                        otherwise PG_reclaim and keep (nr_vmscan_immediate)
 *   clean file           delete_from_page_cache and free
 *
 * The freed pages go back cold, as one batch (free_hot_cold_page_list).
 * The young bit of the model is PG_referenced: a task touching a mapped
 * page sets it, page_referenced() tests and clears it.  The page cache is
 * not mapped by any task, so only mark_page_accessed's PG_referenced
 * speaks for a file page.
 *
 * Writeback takes time: pageout() puts the page on a queue (the disk's,
 * NR_WRITEBACK_QUEUE deep: a full queue is a congested device) and
 * writeback_tick completes it m->work.writeback_ticks jiffies later.  A
 * written file page is clean; if reclaim had marked it PG_reclaim it moves
 * to the tail of its inactive list, where the next scan frees it.  The
 * model has no swap cache, so an anon page keeps its pte while its copy is
 * written and is unmapped and freed when the write completes: the pte
 * becomes the swap entry (and the page counts as stolen then, as the
 * kernel's next scan would count it).  A page touched while it was being
 * written stays mapped and gives its slot back.
 *
 * kswapd runs on the clock: kswapd_tick does one balance_pgdat pass per
 * jiffy (one trip of its priority loop, "loop_again"), naps HZ/10 once the
 * node is balanced and then sleeps until wakeup_kswapd finds a zone below
 * its low watermark.  A full disk queue ends its pass (kswapd would block
 * in the block layer).  Direct reclaim (try_to_free_pages) runs to the end
 * in one call, but a request may stop at its stage points: they stand where
 * no page is isolated, and what could go meanwhile (a shrinker's cache, the
 * current task) is looked up again afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define DEF_PRIORITY 12
#define SHRINK_BATCH 128
#define DEFAULT_SEEKS 2
#define KSWAPD_ZONE_BALANCE_GAP_RATIO 100
#define SECTORS_PER_PAGE (PAGE_SIZE >> 9) /* pgpgout counts 512-byte sectors */
#define KSWAPD_CPU 0                      /* the cpu kswapd0 runs on */

struct scan_control {
	unsigned long nr_scanned;    /* inactive pages looked at (mapped ones twice) */
	unsigned long nr_reclaimed;  /* pages freed so far */
	unsigned long nr_to_reclaim;
	gfp_t gfp_mask;
	int may_writepage, may_unmap, may_swap;
	int order;
	int priority;                /* scan lru_size >> priority */
	int kswapd;                  /* current_is_kswapd() */
	int congested;               /* kswapd met a full disk queue: it waits */
};

enum page_references { PAGEREF_RECLAIM, PAGEREF_RECLAIM_CLEAN, PAGEREF_KEEP, PAGEREF_ACTIVATE };
enum pageout_result { PAGE_KEEP, PAGE_SUCCESS }; /* what pageout() can say here */
enum scan_balance { SCAN_EQUAL, SCAN_FRACT, SCAN_ANON, SCAN_FILE };

const char *const mm_lru_names[NR_LRU_LISTS] = {
	"inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
};

static int is_file_lru(int lru)
{
	return lru == LRU_INACTIVE_FILE || lru == LRU_ACTIVE_FILE;
}

static int is_active_lru(int lru)
{
	return lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE;
}

static unsigned long get_lru_size(const struct zone *z, int lru)
{
	return zone_page_state(z, (enum zone_stat_item)(NR_LRU_BASE + lru));
}

static unsigned long low_wmark_pages(const struct zone *z)
{
	return z->watermark[WMARK_LOW];
}

static unsigned long high_wmark_pages(const struct zone *z)
{
	return z->watermark[WMARK_HIGH];
}

static unsigned long min_wmark_pages(const struct zone *z)
{
	return z->watermark[WMARK_MIN];
}

static unsigned long total_swap_pages(const struct mm_machine *m)
{
	return m->work.swap.pages;
}

/* gfp_zone() as this machine's zone_idx; -1 for GFP_ZONE_BAD */
static int gfp_zone_idx(const struct mm_machine *m, gfp_t gfp)
{
	int kind = gfp_zone_kind(gfp);

	return kind < 0 ? -1 : m->zone_of_type[kind];
}

#define for_each_zone_zonelist(m, z, zi, high)                                  \
	for (zi = (m)->node.zonelist; *zi >= 0; zi++)                           \
		if (*zi <= (high) && ((z) = &(m)->node.node_zones[*zi]) != NULL)

/* NR_SLAB_* pages: what current->reclaim_state->reclaimed_slab measures */
static unsigned long slab_pages(const struct mm_machine *m)
{
	unsigned long n = 0;

	for (int i = 0; i < m->node.nr_zones; i++)
		n += zone_page_state(&m->node.node_zones[i], NR_SLAB_RECLAIMABLE) +
		     zone_page_state(&m->node.node_zones[i], NR_SLAB_UNRECLAIMABLE);
	return n;
}

/* ---- pages and their owners ----------------------------------------------------- */

/* the task that maps an anonymous page (rmap), NULL if it has gone */
static struct task *page_task(struct mm_machine *m, const struct page *p)
{
	if (MM_OWNER_KIND(p->owner) != OWNER_ANON)
		return NULL;
	return mm_task_find(m, (int)MM_OWNER_ID(p->owner));
}

static int page_mapped(struct mm_machine *m, unsigned long pfn)
{
	const struct page *p = &m->mem_map[pfn];
	struct task *t = page_task(m, p);

	return t && p->private < t->nr_pte && t->pte[p->private] == (PTE_PRESENT | (uint32_t)pfn);
}

/* the young bits of the ptes mapping the page: test and clear */
static int page_referenced(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	if (!page_mapped(m, pfn) || !(p->flags & PG_referenced))
		return 0;
	p->flags &= ~PG_referenced;
	return 1;
}

static int test_clear_page_referenced(struct page *p)
{
	int ret = !!(p->flags & PG_referenced);

	p->flags &= ~PG_referenced;
	return ret;
}

/* leave every owner: the page allocator frees only unowned pages */
static void clear_page_for_free(struct page *p)
{
	p->flags &= ~(PG_referenced | PG_swapbacked | PG_dirty | PG_writeback | PG_reclaim |
		      PG_active | PG_lru);
	p->owner = MM_OWNER(OWNER_KERNEL, 0);
	p->private = 0;
}

/* free_hot_cold_page_list(list, 1): pfns[] in list order */
static void free_page_list(struct mm_machine *m, const unsigned long *pfns, int n)
{
	if (n)
		mm_free_pages_list(m, m->this_cpu, pfns, n, 1);
}

/* ---- writeback --------------------------------------------------------------------- */

static int writeback_congested(const struct mm_machine *m)
{
	return m->work.writeback.nr >= NR_WRITEBACK_QUEUE;
}

/* set_page_writeback + submit_bio */
static void submit_page_write(struct mm_machine *m, unsigned long pfn, long slot, int kswapd)
{
	struct writeback_queue *q = &m->work.writeback;
	struct page *p = &m->mem_map[pfn];
	struct writeback_entry *e = &q->e[(q->head + q->nr) % NR_WRITEBACK_QUEUE];

	p->flags |= PG_writeback;
	page_zone(m, pfn)->vm_stat[NR_WRITEBACK]++;
	count_vm_events(m, PGPGOUT, SECTORS_PER_PAGE);
	if (slot >= 0)
		count_vm_events(m, PSWPOUT, 1);
	e->pfn = (uint32_t)pfn;
	e->owner = p->owner;
	e->private = p->private;
	e->slot = slot >= 0 ? (uint32_t)slot + 1 : 0;
	e->kswapd = (uint32_t)kswapd;
	e->done = m->clock + m->work.writeback_ticks;
	q->nr++;
}

/*
 * pageout: ->writepage of the page's mapping (the file, or swap for an
 * anonymous page given a slot).  A full disk queue keeps the page.
 */
static enum pageout_result pageout(struct mm_machine *m, unsigned long pfn, long slot, int kswapd)
{
	struct page *p = &m->mem_map[pfn];

	if (writeback_congested(m))
		return PAGE_KEEP;
	/* clear_page_dirty_for_io: the swap cache does not account dirty pages */
	if (slot < 0 && (p->flags & PG_dirty)) {
		p->flags &= ~PG_dirty;
		page_zone(m, pfn)->vm_stat[NR_FILE_DIRTY]--;
	}
	p->flags |= PG_reclaim;
	submit_page_write(m, pfn, slot, kswapd);
	page_zone(m, pfn)->vm_stat[NR_VMSCAN_WRITE]++;
	return PAGE_SUCCESS;
}

/* the end of writeback of a PG_reclaim page: to the tail of its inactive list */
static void rotate_reclaimable_page(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	uint32_t id = p->list;

	if ((p->flags & (PG_dirty | PG_active)) || !(p->flags & PG_lru))
		return;
	list_del_page(m, pfn);
	list_add_tail_id(m, pfn, id);
	count_vm_events(m, PGROTATED, 1);
}

/*
 * The swap write of an anon page is done: try_to_unmap, which the kernel
 * did before the write, and __remove_mapping, which its next scan does when
 * it finds the page clean at the inactive tail.  Returns 1 if the page is
 * to be freed.
 */
static int swap_writeback_done(struct mm_machine *m, unsigned long pfn, unsigned long slot)
{
	struct page *p = &m->mem_map[pfn];
	struct task *t = page_task(m, p);

	if (!page_mapped(m, pfn) || (p->flags & PG_referenced)) {
		swap_free(m, slot); /* touched meanwhile: it stays, no swap cache holds the copy */
		return 0;
	}
	t->pte[p->private] = PTE_SWAP | (uint32_t)(slot + 1);
	t->rss_anon--;
	t->swapents++;
	page_zone(m, pfn)->vm_stat[NR_ANON_PAGES]--;
	del_page_from_lru(m, pfn);
	clear_page_for_free(p);
	return 1;
}

/*
 * end_page_writeback for one queue entry.  A page that left its owner while
 * it was written (its task exited, it was migrated) gives back what the
 * write held: NR_WRITEBACK and the swap slot.
 */
static int end_page_writeback(struct mm_machine *m, const struct writeback_entry *e)
{
	struct page *p = &m->mem_map[e->pfn];
	struct zone *z = page_zone(m, e->pfn);

	if (!(p->flags & PG_writeback) || p->owner != e->owner || p->private != e->private) {
		z->vm_stat[NR_WRITEBACK]--;
		z->vm_stat[NR_WRITTEN]++;
		if (e->slot)
			swap_free(m, e->slot - 1);
		return 0;
	}
	if (p->flags & PG_reclaim) {
		p->flags &= ~PG_reclaim;
		rotate_reclaimable_page(m, e->pfn);
	}
	p->flags &= ~PG_writeback;
	z->vm_stat[NR_WRITEBACK]--;
	z->vm_stat[NR_WRITTEN]++;
	if (!e->slot || !swap_writeback_done(m, e->pfn, e->slot - 1))
		return 0;
	/* counted as the scan that would have freed it counts it */
	count_vm_events(m, (e->kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT) + z->idx, 1);
	if (e->kswapd)
		m->work.kswapd.nr_swapped++;
	return 1;
}

void writeback_tick(struct mm_machine *m)
{
	struct writeback_queue *q = &m->work.writeback;
	unsigned long pfns[SWAP_CLUSTER_MAX];
	int n = 0;

	while (q->nr && q->e[q->head].done <= m->clock) {
		struct writeback_entry e = q->e[q->head];

		q->head = (q->head + 1) % NR_WRITEBACK_QUEUE;
		q->nr--;
		if (end_page_writeback(m, &e))
			pfns[n++] = e.pfn;
		if (n == SWAP_CLUSTER_MAX) {
			free_page_list(m, pfns, n);
			n = 0;
		}
	}
	free_page_list(m, pfns, n);
}

/* ---- shrink_page_list --------------------------------------------------------------- */

static enum page_references page_check_references(struct mm_machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];
	int referenced_ptes = page_referenced(m, pfn);
	int referenced_page = test_clear_page_referenced(p);

	if (referenced_ptes) {
		if (p->flags & PG_swapbacked)
			return PAGEREF_ACTIVATE;
		/* a mapped file page: the model maps none */
		p->flags |= PG_referenced;
		return referenced_page ? PAGEREF_ACTIVATE : PAGEREF_KEEP;
	}
	if (referenced_page && !(p->flags & PG_swapbacked))
		return PAGEREF_RECLAIM_CLEAN;
	return PAGEREF_RECLAIM;
}

struct page_list_stat {
	unsigned long nr_dirty, nr_writeback, nr_congested, nr_immediate;
	unsigned long nr_activate, nr_pageout, nr_keep;
};

/*
 * pages[0..*nr) were isolated from an inactive list, oldest first.  The
 * pages it frees leave their owners and go to free_pfns[] in the order
 * free_hot_cold_page_list will free them (newest first); the rest stay in
 * pages[] (PG_active set on those to be activated) for the caller to put
 * back.  Returns the pages freed.  No stage point in here: a request may
 * stop at one, and isolated pages are on no list the model could check.
 */
static unsigned long shrink_page_list(struct mm_machine *m, struct zone *z, struct scan_control *sc,
				      unsigned long *pages, unsigned long *nr,
				      unsigned long *free_pfns, struct page_list_stat *st)
{
	unsigned long n = *nr, kept = 0, nr_reclaimed = 0, pgactivate = 0;
	int nfree = 0;

	for (unsigned long i = 0; i < n; i++) {
		unsigned long pfn = pages[i];
		struct page *p = &m->mem_map[pfn];
		int anon = !!(p->flags & PG_swapbacked), dirty, may_enter_fs;
		enum page_references references;
		long slot = -1;

		sc->nr_scanned++;
		/* double the slab pressure for mapped pages */
		if (page_mapped(m, pfn))
			sc->nr_scanned++;
		may_enter_fs = !!(sc->gfp_mask & __GFP_FS);

		if (p->flags & PG_writeback) {
			p->flags |= PG_reclaim;
			st->nr_writeback++;
			goto keep;
		}

		references = page_check_references(m, pfn);
		if (references == PAGEREF_ACTIVATE)
			goto activate;
		if (references == PAGEREF_KEEP)
			goto keep;

		dirty = !!(p->flags & PG_dirty);
		if (anon) {
			/* add_to_swap: a slot, and the page is dirty in the swap cache */
			if (!(sc->gfp_mask & __GFP_IO))
				goto keep;
			slot = get_swap_page(m);
			if (slot < 0)
				goto activate;
			may_enter_fs = 1;
			dirty = 1;
		}
		/* try_to_unmap: the model unmaps when the swap write completes */

		if (dirty) {
			st->nr_dirty++;
			/* only kswapd writes file pages, and only under pressure */
			if (!anon && (!sc->kswapd || sc->priority >= DEF_PRIORITY - 2)) {
				z->vm_stat[NR_VMSCAN_IMMEDIATE]++;
				p->flags |= PG_reclaim;
				st->nr_immediate++;
				goto keep;
			}
			if (references == PAGEREF_RECLAIM_CLEAN || !may_enter_fs || !sc->may_writepage)
				goto keep;
			if (pageout(m, pfn, slot, sc->kswapd) == PAGE_KEEP) {
				/* kswapd (PF_SWAPWRITE) would block on the queue */
				st->nr_congested++;
				sc->congested |= sc->kswapd;
				goto keep;
			}
			st->nr_pageout++;
			goto keep; /* PageWriteback: freed when the write is done */
		}

		/* __remove_mapping: a clean page cache page leaves the file */
		if (anon || (p->flags & PG_dirty))
			goto keep;
		delete_from_page_cache(m, pfn);
		clear_page_for_free(p);
		nr_reclaimed++;
		free_pfns[nfree++] = pfn;
		continue;
activate:
		p->flags |= PG_active;
		pgactivate++;
keep:
		if (slot >= 0 && !(p->flags & PG_writeback))
			swap_free(m, (unsigned long)slot); /* no swap cache to keep it in */
		pages[kept++] = pfn;
	}
	/* list_add onto free_pages, then freed head first: newest first */
	for (int i = 0; i < nfree / 2; i++) {
		unsigned long t = free_pfns[i];

		free_pfns[i] = free_pfns[nfree - 1 - i];
		free_pfns[nfree - 1 - i] = t;
	}
	count_vm_events(m, PGACTIVATE, pgactivate);
	st->nr_activate += pgactivate;
	st->nr_keep += kept - pgactivate;
	*nr = kept;
	return nr_reclaimed;
}

/* ---- the LRU lists ------------------------------------------------------------------ */

/* isolate_lru_pages: up to nr_to_scan pages from the tail, oldest first */
static unsigned long isolate_lru_pages(struct mm_machine *m, struct zone *z, int lru,
				       unsigned long nr_to_scan, unsigned long *pages,
				       unsigned long *nr_scanned)
{
	uint32_t id = z->lru[lru];
	unsigned long scan, taken = 0;

	for (scan = 0; scan < nr_to_scan && !list_empty_id(m, id); scan++) {
		unsigned long pfn = m->lists[id].tail;

		del_page_from_lru(m, pfn);
		if (is_active_lru(lru))
			m->mem_map[pfn].flags |= PG_active; /* cleared by the caller */
		pages[taken++] = pfn;
	}
	*nr_scanned = scan;
	return taken;
}

/* add_page_to_lru_list: at the head, no reclaim_stat of its own (not lru_cache_add) */
static void add_page_to_lru_list(struct mm_machine *m, struct zone *z, unsigned long pfn, int lru)
{
	list_add_id(m, pfn, z->lru[lru]);
	m->mem_map[pfn].flags |= PG_lru;
	z->vm_stat[NR_LRU_BASE + lru]++;
}

/* putback: each page to the head of the list its flags name, oldest first */
static void putback_lru_pages(struct mm_machine *m, struct zone *z, const unsigned long *pages,
			      unsigned long n, int count_rotated)
{
	for (unsigned long i = 0; i < n; i++) {
		struct page *p = &m->mem_map[pages[i]];
		int lru = page_lru(p);

		add_page_to_lru_list(m, z, pages[i], lru);
		if (is_active_lru(lru) && count_rotated)
			z->reclaim_stat.recent_rotated[is_file_lru(lru)]++;
	}
}

static unsigned long shrink_inactive_list(struct mm_machine *m, unsigned long nr_to_scan,
					  struct zone *z, struct scan_control *sc, int lru)
{
	unsigned long pages[SWAP_CLUSTER_MAX], free_pfns[SWAP_CLUSTER_MAX];
	unsigned long nr_scanned, nr_taken, nr_kept, nr_reclaimed;
	struct page_list_stat st = { 0 };
	int file = is_file_lru(lru);

	if (!get_lru_size(z, lru))
		return 0;
	/* the stage points stand outside isolation: every page is on a list */
	if (STAGES(m))
		stage_enter(m, FN_shrink_page_list, "zone %s: %lu from the tail of %s, priority %d",
			    z->name, nr_to_scan, mm_lru_names[lru], sc->priority);
	nr_taken = isolate_lru_pages(m, z, lru, nr_to_scan, pages, &nr_scanned);
	z->vm_stat[NR_ISOLATED_ANON + file] += (long)nr_taken;
	z->pages_scanned += nr_scanned;
	count_vm_events(m, (sc->kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT) + z->idx, nr_scanned);

	nr_kept = nr_taken;
	nr_reclaimed = shrink_page_list(m, z, sc, pages, &nr_kept, free_pfns, &st);

	z->reclaim_stat.recent_scanned[file] += nr_taken;
	count_vm_events(m, (sc->kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT) + z->idx, nr_reclaimed);
	putback_lru_pages(m, z, pages, nr_kept, 1);
	z->vm_stat[NR_ISOLATED_ANON + file] -= (long)nr_taken;
	/* freed after the putback (the kernel frees first): freeing may wait for
	 * the zone lock, and by then no page is off its list */
	free_page_list(m, free_pfns, (int)nr_reclaimed);
	/* wait_iff_congested when many were under writeback: no congestion wait here */
	if (STAGES(m))
		stage_exit(m, FN_shrink_page_list,
			   "freed %lu, activated %lu, kept %lu (dirty %lu, under writeback %lu, "
			   "written now %lu, queue full %lu, left for kswapd %lu)", nr_reclaimed,
			   st.nr_activate, st.nr_keep, st.nr_dirty, st.nr_writeback, st.nr_pageout,
			   st.nr_congested, st.nr_immediate);
	return nr_reclaimed;
}

static void shrink_active_list(struct mm_machine *m, unsigned long nr_to_scan, struct zone *z,
			       int lru)
{
	unsigned long pages[SWAP_CLUSTER_MAX];
	unsigned long nr_scanned, nr_taken, nr_rotated = 0;
	int file = is_file_lru(lru);

	nr_taken = isolate_lru_pages(m, z, lru, nr_to_scan, pages, &nr_scanned);
	z->pages_scanned += nr_scanned;
	z->reclaim_stat.recent_scanned[file] += nr_taken;
	count_vm_events(m, PGREFILL + z->idx, nr_scanned);
	z->vm_stat[NR_ISOLATED_ANON + file] += (long)nr_taken;

	for (unsigned long i = 0; i < nr_taken; i++) {
		/* referenced pages still go inactive (3.10 keeps only VM_EXEC file
		 * pages active), but they count as rotated */
		if (page_referenced(m, pages[i]))
			nr_rotated++;
		m->mem_map[pages[i]].flags &= ~PG_active;
	}
	z->reclaim_stat.recent_rotated[file] += nr_rotated;
	putback_lru_pages(m, z, pages, nr_taken, 0);
	count_vm_events(m, PGDEACTIVATE, nr_taken);
	z->vm_stat[NR_ISOLATED_ANON + file] -= (long)nr_taken;
}

static int inactive_anon_is_low(struct mm_machine *m, const struct zone *z)
{
	if (!total_swap_pages(m))
		return 0;
	return get_lru_size(z, LRU_INACTIVE_ANON) * z->inactive_ratio <
	       get_lru_size(z, LRU_ACTIVE_ANON);
}

static int inactive_file_is_low(const struct zone *z)
{
	return get_lru_size(z, LRU_ACTIVE_FILE) > get_lru_size(z, LRU_INACTIVE_FILE);
}

static unsigned long shrink_list(struct mm_machine *m, int lru, unsigned long nr_to_scan,
				 struct zone *z, struct scan_control *sc)
{
	if (is_active_lru(lru)) {
		if (is_file_lru(lru) ? inactive_file_is_low(z) : inactive_anon_is_low(m, z))
			shrink_active_list(m, nr_to_scan, z, lru);
		return 0;
	}
	return shrink_inactive_list(m, nr_to_scan, z, sc, lru);
}

/*
 * get_scan_count: nr[lru] = how many pages of each evictable list to scan
 * at this priority.  Anon against file: no swap -> file only; priority 0
 * -> both, by size; file + free under the high watermark -> anon only;
 * inactive file not low -> file only; else in proportion to swappiness
 * (anon) and 200 - swappiness (file), each weighted by scanned/rotated.
 */
static void get_scan_count(struct mm_machine *m, struct zone *z, struct scan_control *sc,
			   unsigned long nr[NR_LRU_LISTS], enum scan_balance *balance)
{
	struct zone_reclaim_stat *rs = &z->reclaim_stat;
	unsigned long long fraction[2] = { 0, 0 }, denominator = 1;
	unsigned long anon_prio, file_prio, anon, file, ap, fp;
	int swappiness = m->work.vm_swappiness;
	int force_scan = sc->kswapd && z->all_unreclaimable;
	enum scan_balance scan_balance;

	if (!sc->may_swap || get_nr_swap_pages(m) == 0) {
		scan_balance = SCAN_FILE;
		goto out;
	}
	if (!sc->priority && swappiness) {
		scan_balance = SCAN_EQUAL;
		goto out;
	}
	anon = get_lru_size(z, LRU_ACTIVE_ANON) + get_lru_size(z, LRU_INACTIVE_ANON);
	file = get_lru_size(z, LRU_ACTIVE_FILE) + get_lru_size(z, LRU_INACTIVE_FILE);
	if (file + zone_page_state(z, NR_FREE_PAGES) <= high_wmark_pages(z)) {
		scan_balance = SCAN_ANON;
		goto out;
	}
	if (!inactive_file_is_low(z)) {
		scan_balance = SCAN_FILE;
		goto out;
	}
	scan_balance = SCAN_FRACT;
	anon_prio = (unsigned long)swappiness;
	file_prio = 200 - anon_prio;
	/* a floating average: halve both once they grow past a quarter of the lists */
	if (rs->recent_scanned[0] > anon / 4) {
		rs->recent_scanned[0] /= 2;
		rs->recent_rotated[0] /= 2;
	}
	if (rs->recent_scanned[1] > file / 4) {
		rs->recent_scanned[1] /= 2;
		rs->recent_rotated[1] /= 2;
	}
	ap = anon_prio * (rs->recent_scanned[0] + 1) / (rs->recent_rotated[0] + 1);
	fp = file_prio * (rs->recent_scanned[1] + 1) / (rs->recent_rotated[1] + 1);
	fraction[0] = ap;
	fraction[1] = fp;
	denominator = (unsigned long long)ap + fp + 1;
out:
	*balance = scan_balance;
	for (int lru = LRU_INACTIVE_ANON; lru <= LRU_ACTIVE_FILE; lru++) {
		int file_lru = is_file_lru(lru);
		unsigned long size = get_lru_size(z, lru);
		unsigned long scan = size >> sc->priority;

		if (!scan && force_scan)
			scan = size < SWAP_CLUSTER_MAX ? size : SWAP_CLUSTER_MAX;
		switch (scan_balance) {
		case SCAN_EQUAL:
			break;
		case SCAN_FRACT:
			scan = (unsigned long)((unsigned long long)scan * fraction[file_lru] / denominator);
			break;
		case SCAN_FILE:
		case SCAN_ANON:
			if ((scan_balance == SCAN_FILE) != file_lru)
				scan = 0;
			break;
		}
		nr[lru] = scan;
	}
	nr[LRU_UNEVICTABLE] = 0;
}

static const char *const balance_names[] = { "equal", "fract", "anon", "file" };

static void shrink_lruvec(struct mm_machine *m, struct zone *z, struct scan_control *sc)
{
	unsigned long nr[NR_LRU_LISTS], nr_reclaimed = 0;
	enum scan_balance balance;

	get_scan_count(m, z, sc, nr, &balance);
	if (STAGES(m))
		stage_note(m, FN_shrink_zone,
			   "get_scan_count (%s, swappiness %d): inactive_anon %lu active_anon %lu "
			   "inactive_file %lu active_file %lu", balance_names[balance],
			   m->work.vm_swappiness, nr[LRU_INACTIVE_ANON], nr[LRU_ACTIVE_ANON],
			   nr[LRU_INACTIVE_FILE], nr[LRU_ACTIVE_FILE]);
	while (nr[LRU_INACTIVE_ANON] || nr[LRU_ACTIVE_FILE] || nr[LRU_INACTIVE_FILE]) {
		for (int lru = LRU_INACTIVE_ANON; lru <= LRU_ACTIVE_FILE; lru++) {
			unsigned long nr_to_scan;

			if (!nr[lru])
				continue;
			nr_to_scan = nr[lru] < SWAP_CLUSTER_MAX ? nr[lru] : SWAP_CLUSTER_MAX;
			nr[lru] -= nr_to_scan;
			nr_reclaimed += shrink_list(m, lru, nr_to_scan, z, sc);
		}
		if (nr_reclaimed >= sc->nr_to_reclaim && sc->priority < DEF_PRIORITY)
			break;
		if (sc->congested)
			break;
	}
	sc->nr_reclaimed += nr_reclaimed;
	/* rebalance the anon lists even when anon was not scanned */
	if (inactive_anon_is_low(m, z))
		shrink_active_list(m, SWAP_CLUSTER_MAX, z, LRU_ACTIVE_ANON);
}

/* reclaim for compaction: high orders keep going until 2 << order pages are free */
static int in_reclaim_compaction(const struct scan_control *sc)
{
	return sc->order && (sc->order > PAGE_ALLOC_COSTLY_ORDER || sc->priority < DEF_PRIORITY - 2);
}

static int should_continue_reclaim(struct mm_machine *m, struct zone *z, unsigned long nr_reclaimed,
				   unsigned long nr_scanned, const struct scan_control *sc)
{
	unsigned long pages_for_compaction, inactive_lru_pages;

	if (!in_reclaim_compaction(sc))
		return 0;
	if (sc->gfp_mask & __GFP_REPEAT) {
		if (!nr_reclaimed && !nr_scanned)
			return 0;
	} else if (!nr_reclaimed) {
		return 0;
	}
	pages_for_compaction = 2UL << sc->order;
	inactive_lru_pages = zone_page_state(z, NR_INACTIVE_FILE);
	if (get_nr_swap_pages(m) > 0)
		inactive_lru_pages += zone_page_state(z, NR_INACTIVE_ANON);
	if (sc->nr_reclaimed < pages_for_compaction && inactive_lru_pages > pages_for_compaction)
		return 1;
	switch (compaction_suitable(m, z, sc->order)) {
	case COMPACT_PARTIAL:
	case COMPACT_CONTINUE:
		return 0;
	default:
		return 1;
	}
}

static void shrink_zone(struct mm_machine *m, struct zone *z, struct scan_control *sc)
{
	unsigned long nr_reclaimed, nr_scanned, start = sc->nr_reclaimed;

	if (STAGES(m))
		stage_enter(m, FN_shrink_zone, "zone %s, priority %d: %lu anon + %lu file pages on the LRU",
			    z->name, sc->priority,
			    get_lru_size(z, LRU_INACTIVE_ANON) + get_lru_size(z, LRU_ACTIVE_ANON),
			    get_lru_size(z, LRU_INACTIVE_FILE) + get_lru_size(z, LRU_ACTIVE_FILE));
	do {
		nr_reclaimed = sc->nr_reclaimed;
		nr_scanned = sc->nr_scanned;
		shrink_lruvec(m, z, sc);
	} while (should_continue_reclaim(m, z, sc->nr_reclaimed - nr_reclaimed,
					 sc->nr_scanned - nr_scanned, sc));
	if (STAGES(m))
		stage_exit(m, FN_shrink_zone, "reclaimed %lu, pages_scanned %lu", sc->nr_reclaimed - start,
			   z->pages_scanned);
}

/* ---- zones --------------------------------------------------------------------------- */

static unsigned long zone_reclaimable_pages(struct mm_machine *m, const struct zone *z)
{
	unsigned long nr = get_lru_size(z, LRU_ACTIVE_FILE) + get_lru_size(z, LRU_INACTIVE_FILE);

	if (get_nr_swap_pages(m) > 0)
		nr += get_lru_size(z, LRU_ACTIVE_ANON) + get_lru_size(z, LRU_INACTIVE_ANON);
	return nr;
}

/* scanned less than six times what it could give back */
int zone_reclaimable(struct mm_machine *m, struct zone *z)
{
	return z->pages_scanned < zone_reclaimable_pages(m, z) * 6;
}

static unsigned long balance_gap(const struct zone *z)
{
	unsigned long gap = (z->managed_pages + KSWAPD_ZONE_BALANCE_GAP_RATIO - 1) /
			    KSWAPD_ZONE_BALANCE_GAP_RATIO;

	return gap < low_wmark_pages(z) ? gap : low_wmark_pages(z);
}

/* high-order direct reclaim stops once compaction can go ahead */
static int compaction_ready(struct mm_machine *m, struct zone *z, const struct scan_control *sc)
{
	unsigned long watermark;
	int watermark_ok;

	if (sc->order <= PAGE_ALLOC_COSTLY_ORDER)
		return 0;
	watermark = high_wmark_pages(z) + balance_gap(z) + (2UL << sc->order);
	watermark_ok = zone_watermark_ok(m, z, 0, watermark, 0, 0);
	if (compaction_deferred(z, sc->order))
		return watermark_ok;
	if (compaction_suitable(m, z, sc->order) == COMPACT_SKIPPED)
		return 0;
	return watermark_ok;
}

/* returns 1 if a zone was left alone because compaction is ready */
static int shrink_zones(struct mm_machine *m, struct scan_control *sc, int high_zoneidx)
{
	struct zone *z = NULL;
	int *zi, aborted_reclaim = 0;

	for_each_zone_zonelist(m, z, zi, high_zoneidx) {
		if (!populated_zone(z))
			continue;
		if (z->all_unreclaimable && sc->priority != DEF_PRIORITY)
			continue; /* let kswapd poll it */
		if (compaction_ready(m, z, sc)) {
			aborted_reclaim = 1;
			continue;
		}
		shrink_zone(m, z, sc);
	}
	return aborted_reclaim;
}

static int all_unreclaimable(struct mm_machine *m, int high_zoneidx)
{
	struct zone *z = NULL;
	int *zi;

	for_each_zone_zonelist(m, z, zi, high_zoneidx)
		if (populated_zone(z) && !z->all_unreclaimable)
			return 0;
	return 1;
}

/* ---- shrinkers ------------------------------------------------------------------------ */

static unsigned long shrinker_obj(const struct shrinker *s, unsigned long i)
{
	return s->objs[(s->head + i) % s->cap];
}

void shrinker_note_alloc(struct mm_machine *m, struct kmem_cache *c, unsigned long obj)
{
	struct shrinker *s = c->shrinker;

	(void)m;
	if (s->nr == s->cap) {
		unsigned long cap = s->cap ? s->cap * 2 : 64;
		unsigned long *objs = malloc(cap * sizeof(*objs));

		if (!objs)
			return; /* the object stays off the shrinker's list */
		for (unsigned long i = 0; i < s->nr; i++)
			objs[i] = shrinker_obj(s, i);
		free(s->objs);
		s->objs = objs;
		s->cap = cap;
		s->head = 0;
	}
	s->objs[(s->head + s->nr) % s->cap] = obj;
	s->nr++;
}

void shrinker_note_free(struct mm_machine *m, struct kmem_cache *c, unsigned long obj)
{
	struct shrinker *s = c->shrinker;
	unsigned long i;

	(void)m;
	for (i = 0; i < s->nr && shrinker_obj(s, i) != obj; i++)
		;
	if (i == s->nr)
		return;
	if (i == 0) {
		s->head = (s->head + 1) % s->cap;
	} else {
		for (; i + 1 < s->nr; i++)
			s->objs[(s->head + i) % s->cap] = shrinker_obj(s, i + 1);
	}
	s->nr--;
}

int register_shrinker(struct mm_machine *m, struct kmem_cache *c)
{
	struct shrinker *s, **pp;

	if (!(c->flags & SLAB_RECLAIM_ACCOUNT))
		return mm_error(m, MM_EINVAL, "%s is not SLAB_RECLAIM_ACCOUNT: a shrinker frees "
				"reclaimable objects", c->name);
	if (c->shrinker)
		return mm_error(m, MM_EINVAL, "%s already has a shrinker", c->name);
	s = calloc(1, sizeof(*s));
	if (!s)
		return mm_error(m, MM_ENOMEM, "out of memory");
	s->cache = c;
	s->seeks = DEFAULT_SEEKS;
	for (pp = &m->work.shrinkers; *pp; pp = &(*pp)->next)
		;
	*pp = s;
	c->shrinker = s;
	return MM_OK;
}

void mm_unregister_shrinker(struct mm_machine *m, struct kmem_cache *c)
{
	struct shrinker *s = c->shrinker, **pp;

	if (!s)
		return;
	for (pp = &m->work.shrinkers; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	free(s->objs);
	free(s);
	c->shrinker = NULL;
}

/*
 * A direct reclaimer may stop inside kmem_cache_free (a stage point, the
 * node's list_lock) while the cache is destroyed: it looks its shrinker up
 * again before it touches it (the pointer is compared, never followed).
 */
static int shrinker_registered(const struct mm_machine *m, const struct shrinker *s)
{
	for (const struct shrinker *t = m->work.shrinkers; t; t = t->next)
		if (t == s)
			return 1;
	return 0;
}

static struct shrinker *shrinker_nth(struct mm_machine *m, int n)
{
	struct shrinker *s = m->work.shrinkers;

	while (s && n--)
		s = s->next;
	return s;
}

/*
 * The shrinker's ->shrink: nr_to_scan 0 asks how many objects it could
 * free; otherwise it frees up to nr_to_scan of the oldest and returns how
 * many remain.  Like the superblock shrinker it will not recurse into a
 * filesystem: without __GFP_FS it refuses (-1).
 */
static long do_shrinker_shrink(struct mm_machine *m, struct shrinker *s, gfp_t gfp,
			       unsigned long nr_to_scan)
{
	if (nr_to_scan && !(gfp & __GFP_FS))
		return -1;
	while (nr_to_scan-- && s->nr) {
		unsigned long obj = shrinker_obj(s, 0);
		struct kmem_cache *c = s->cache;

		if (kmem_cache_free(m, m->this_cpu, c, obj) < 0) {
			if (!shrinker_registered(m, s))
				return -1;
			shrinker_note_free(m, c, obj); /* not ours any more */
		} else {
			if (!shrinker_registered(m, s))
				return -1;
			s->nr_freed++;
		}
	}
	return (long)s->nr;
}

/*
 * shrink_slab: age each cache by the share of the LRU just scanned.
 * delta = 4 * nr_pages_scanned / seeks * objects / (lru_pages + 1), work
 * carried over between calls, at most twice the objects, in batches of
 * SHRINK_BATCH.  Returns the objects freed.
 */
static unsigned long shrink_slab(struct mm_machine *m, gfp_t gfp, unsigned long nr_pages_scanned,
				 unsigned long lru_pages)
{
	unsigned long ret = 0;

	if (!m->work.shrinkers)
		return 0;
	if (nr_pages_scanned == 0)
		nr_pages_scanned = SWAP_CLUSTER_MAX;
	if (STAGES(m))
		stage_enter(m, FN_shrink_slab, "nr_pages_scanned %lu, lru_pages %lu", nr_pages_scanned,
			    lru_pages);
	for (int i = 0; shrinker_nth(m, i); i++) {
		struct shrinker *s = shrinker_nth(m, i);
		long batch_size = s->batch ? s->batch : SHRINK_BATCH;
		long max_pass = do_shrinker_shrink(m, s, gfp, 0), nr, total_scan;
		unsigned long long delta;

		if (max_pass <= 0)
			continue;
		nr = s->nr_in_batch;
		s->nr_in_batch = 0;
		total_scan = nr;
		delta = (4ULL * nr_pages_scanned) / (unsigned long long)s->seeks;
		delta *= (unsigned long long)max_pass;
		delta /= lru_pages + 1;
		total_scan += (long)delta;
		/* no windup: the whole cache only for a large delta of its own */
		if (delta < (unsigned long long)(max_pass / 4) && total_scan > max_pass / 2)
			total_scan = max_pass / 2;
		if (total_scan > max_pass * 2)
			total_scan = max_pass * 2;
		if (STAGES(m))
			stage_note(m, FN_shrink_slab, "%s: %ld objects, carried %ld, delta %llu, scan %ld",
				   s->cache->name, max_pass, nr, delta, total_scan);
		while (total_scan >= batch_size) {
			long nr_before = do_shrinker_shrink(m, s, gfp, 0);
			long shrink_ret = do_shrinker_shrink(m, s, gfp, (unsigned long)batch_size);

			if (shrink_ret == -1 || !shrinker_registered(m, s))
				break;
			if (shrink_ret < nr_before)
				ret += (unsigned long)(nr_before - shrink_ret);
			count_vm_events(m, SLABS_SCANNED, (unsigned long)batch_size);
			total_scan -= batch_size;
		}
		if (total_scan > 0 && shrinker_registered(m, s))
			s->nr_in_batch += total_scan;
	}
	if (STAGES(m))
		stage_exit(m, FN_shrink_slab, "freed %lu objects", ret);
	return ret;
}

/* shrink_slab with current->reclaim_state: how many slab pages it freed */
static unsigned long shrink_slab_reclaim(struct mm_machine *m, gfp_t gfp, unsigned long nr_scanned,
					 unsigned long lru_pages, unsigned long *nr_slab)
{
	unsigned long before = slab_pages(m), after;

	*nr_slab = shrink_slab(m, gfp, nr_scanned, lru_pages);
	after = slab_pages(m);
	return before > after ? before - after : 0;
}

unsigned long mm_drop_slab(struct mm_machine *m)
{
	unsigned long nr_objects, total = 0;

	do {
		nr_objects = shrink_slab(m, GFP_KERNEL, 1000, 1000);
		total += nr_objects;
	} while (nr_objects > 10);
	return total;
}

int mm_drop_caches(struct mm_machine *m, int mode)
{
	if (mode < 1 || mode > 3)
		return mm_error(m, MM_EINVAL, "drop_caches: %d is not 1 (page cache), 2 (slab) or 3 (both)",
				mode);
	if (mm_busy(m))
		return MM_EBUSY;
	m->work.sysctl_drop_caches = mode;
	if (mode & 1) {
		unsigned long dropped;

		mm_pagecache_drop(m, &dropped);
	}
	if (mode & 2)
		mm_drop_slab(m);
	return MM_OK;
}

int mm_set_swappiness(struct mm_machine *m, int v)
{
	if (v < 0 || v > 100)
		return mm_error(m, MM_EINVAL, "swappiness: %d is not in 0..100", v);
	m->work.vm_swappiness = v;
	return MM_OK;
}

/* ---- direct reclaim --------------------------------------------------------------------- */

/*
 * pfmemalloc_watermark_ok: the zones up to Normal keep more than half their
 * min watermarks free; if not, kswapd must run for the throttled.
 */
static int pfmemalloc_watermark_ok(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;
	unsigned long reserve = 0, free_pages = 0;

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z) || z->type > ZONE_NORMAL)
			continue;
		reserve += min_wmark_pages(z);
		free_pages += zone_page_state(z, NR_FREE_PAGES);
	}
	if (!reserve || free_pages > reserve / 2)
		return 1;
	if (ks->state != KSWAPD_RUNNING) {
		if (ks->classzone_idx > m->zone_of_type[ZONE_NORMAL])
			ks->classzone_idx = m->zone_of_type[ZONE_NORMAL];
		ks->woken = 1;
	}
	return 0;
}

/*
 * throttle_direct_reclaim: a task (not a kernel thread, not a dying task)
 * waits while the lowmem reserves are nearly gone, until kswapd has made
 * progress; without __GFP_FS at most HZ.  The wait passes simulated time.
 * The kernel waits for __GFP_FS callers without a limit (and can hang
 * there if kswapd makes none); the model stops after HZ as well.
 */
static void throttle_direct_reclaim(struct mm_machine *m)
{
	struct task *t = m->work.current;
	unsigned long waited = 0;

	if (!t || (t->flags & TIF_MEMDIE) || pfmemalloc_watermark_ok(m))
		return;
	count_vm_events(m, PGSCAN_DIRECT_THROTTLE, 1);
	while (waited < HZ && !mm_give_up(m)) {
		mm_sleep(m, 1, "throttle_direct_reclaim");
		waited++;
		t = m->work.current; /* a stopped request's task is looked at afresh */
		if (!t || (t->flags & TIF_MEMDIE) || pfmemalloc_watermark_ok(m))
			break;
	}
}

static unsigned long do_try_to_free_pages(struct mm_machine *m, struct scan_control *sc,
					  int high_zoneidx)
{
	unsigned long total_scanned = 0;
	int aborted_reclaim;

	count_vm_events(m, ALLOCSTALL, 1);
	do {
		unsigned long lru_pages = 0, nr_slab, reclaimed = sc->nr_reclaimed;
		struct zone *z = NULL;
		int *zi;

		sc->nr_scanned = 0;
		aborted_reclaim = shrink_zones(m, sc, high_zoneidx);
		for_each_zone_zonelist(m, z, zi, high_zoneidx)
			lru_pages += zone_reclaimable_pages(m, z);
		sc->nr_reclaimed += shrink_slab_reclaim(m, sc->gfp_mask, sc->nr_scanned, lru_pages,
							&nr_slab);
		total_scanned += sc->nr_scanned;
		if (STAGES(m))
			stage_note(m, FN_try_to_free_pages, "priority %d: scanned %lu, reclaimed %lu%s",
				   sc->priority, sc->nr_scanned, sc->nr_reclaimed - reclaimed,
				   aborted_reclaim ? ", compaction ready" : "");
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
		if (sc->priority < DEF_PRIORITY - 2)
			sc->may_writepage = 1;
		/* past 1.5 * nr_to_reclaim scanned the flusher threads are woken to
		 * write as many; the model has none: dirty pages wait for kswapd */
		if (total_scanned > sc->nr_to_reclaim + sc->nr_to_reclaim / 2)
			sc->may_writepage = 1;
	} while (--sc->priority >= 0);

	if (sc->nr_reclaimed)
		return sc->nr_reclaimed;
	if (aborted_reclaim)
		return 1;
	/* top priority still had more to do? don't OOM, then */
	if (!all_unreclaimable(m, high_zoneidx))
		return 1;
	return 0;
}

unsigned long try_to_free_pages(struct mm_machine *m, int order, gfp_t gfp)
{
	struct scan_control sc = {
		.gfp_mask = gfp,
		.may_writepage = 1, /* !laptop_mode */
		.nr_to_reclaim = SWAP_CLUSTER_MAX,
		.may_unmap = 1,
		.may_swap = 1,
		.order = order,
		.priority = DEF_PRIORITY,
	};
	int high_zoneidx = gfp_zone_idx(m, gfp);
	unsigned int memalloc;
	unsigned long nr;
	struct task *t;
	char buf[128];

	if (high_zoneidx < 0)
		return 0;
	if (STAGES(m)) {
		mm_gfp_format(gfp, buf, sizeof(buf));
		stage_enter(m, FN_try_to_free_pages, "order %d, %s, zones <= %s: reclaim %lu pages",
			    order, buf, m->node.node_zones[high_zoneidx].name, sc.nr_to_reclaim);
	}
	throttle_direct_reclaim(m);
	t = m->work.current;
	memalloc = t ? (t->flags & PF_MEMALLOC) : 0;
	if (t)
		t->flags |= PF_MEMALLOC;
	nr = do_try_to_free_pages(m, &sc, high_zoneidx);
	t = m->work.current; /* the same task, unless it went while this request was stopped */
	if (t && !memalloc)
		t->flags &= ~PF_MEMALLOC;
	if (STAGES(m))
		stage_exit(m, FN_try_to_free_pages, "%lu%s", nr,
			   sc.nr_reclaimed ? " pages reclaimed"
			   : nr ? " (nothing reclaimed, but not every zone is all_unreclaimable)"
				: " (every zone is all_unreclaimable)");
	return nr;
}

int mm_try_to_free_pages(struct mm_machine *m, int cpu, int order, gfp_t gfp, unsigned long *nr)
{
	int cpu0 = m->this_cpu;

	*nr = 0;
	if (mm_busy(m))
		return MM_EBUSY;
	m->this_cpu = cpu;
	*nr = try_to_free_pages(m, order, gfp);
	m->this_cpu = cpu0;
	return MM_OK;
}

/* ---- kswapd ------------------------------------------------------------------------------ */

/* pgdat->nr_zones: up to the highest zone with memory (free_area_init_core) */
static int pgdat_nr_zones(const struct mm_machine *m)
{
	int n = 0;

	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]))
			n = i + 1;
	return n;
}

static void kswapd_init(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;
	int top = pgdat_nr_zones(m) - 1;

	if (ks->started)
		return;
	ks->started = 1;
	ks->state = KSWAPD_ASLEEP;
	ks->classzone_idx = ks->cz = ks->new_cz = ks->balanced_cz = top;
}

static int kswapd_waiting(const struct kswapd_state *ks)
{
	return ks->state != KSWAPD_RUNNING; /* waitqueue_active(&pgdat->kswapd_wait) */
}

void wakeup_kswapd(struct mm_machine *m, struct zone *z, int order, int classzone_idx)
{
	struct kswapd_state *ks = &m->work.kswapd;
	const char *why;

	if (!populated_zone(z))
		return;
	kswapd_init(m);
	if (STAGES(m))
		stage_enter(m, FN_wakeup_kswapd, "zone %s, order %d, classzone %d", z->name, order,
			    classzone_idx);
	if (ks->max_order < order) {
		ks->max_order = order;
		if (ks->classzone_idx > classzone_idx)
			ks->classzone_idx = classzone_idx;
	}
	if (!kswapd_waiting(ks))
		why = "kswapd is already running";
	else if (zone_watermark_ok(m, z, order, low_wmark_pages(z), 0, 0))
		why = "low watermark ok, let it sleep";
	else if (ks->woken)
		why = "already woken";
	else {
		struct mm_event ev = { .type = MM_EV_KSWAPD_WAKE, .cpu = m->this_cpu, .pfn = MM_NOPFN,
				       .zone_idx = z->idx, .order = order, .classzone_idx = classzone_idx };

		ks->woken = 1;
		why = "below the low watermark: woken";
		mm_emit(m, &ev);
	}
	if (STAGES(m))
		stage_exit(m, FN_wakeup_kswapd, "%s", why);
}

int mm_wakeup_kswapd(struct mm_machine *m, int zone, int order)
{
	int *zi, top = -1;

	if (zone >= m->node.nr_zones || order < 0 || order >= MAX_ORDER)
		return mm_error(m, MM_EINVAL, "wakeup_kswapd: no zone %d or order %d", zone, order);
	if (zone >= 0) {
		struct zone *z = &m->node.node_zones[zone];

		if (!populated_zone(z))
			return mm_error(m, MM_EINVAL, "zone %s has no memory", z->name);
		wakeup_kswapd(m, z, order, z->idx);
		return MM_OK;
	}
	for (zi = m->node.zonelist; *zi >= 0; zi++)
		if (top < 0 && populated_zone(&m->node.node_zones[*zi]))
			top = *zi;
	for (zi = m->node.zonelist; *zi >= 0; zi++)
		wakeup_kswapd(m, &m->node.node_zones[*zi], order, top);
	return MM_OK;
}

static int zone_balanced(struct mm_machine *m, struct zone *z, int order, unsigned long gap,
			 int classzone_idx)
{
	if (!zone_watermark_ok(m, z, order, high_wmark_pages(z) + gap, classzone_idx, 0))
		return 0;
	if (order && compaction_suitable(m, z, order) == COMPACT_SKIPPED)
		return 0;
	return 1;
}

/*
 * pgdat_balanced: order 0 needs every zone up to classzone_idx at its high
 * watermark; a higher order is content with a quarter of the pages.  A zone
 * given up as all_unreclaimable counts as balanced.
 */
static int pgdat_balanced(struct mm_machine *m, int order, int classzone_idx)
{
	unsigned long managed = 0, balanced = 0;

	for (int i = 0; i <= classzone_idx && i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z))
			continue;
		managed += z->managed_pages;
		if (z->all_unreclaimable || zone_balanced(m, z, order, 0, i))
			balanced += z->managed_pages;
		else if (!order)
			return 0;
	}
	return order ? balanced >= (managed >> 2) : 1;
}

static int prepare_kswapd_sleep(struct mm_machine *m, int order, unsigned long long remaining,
				int classzone_idx)
{
	if (remaining)
		return 0;
	return pgdat_balanced(m, order, classzone_idx);
}

static void age_active_anon(struct mm_machine *m, struct zone *z)
{
	if (total_swap_pages(m) && inactive_anon_is_low(m, z))
		shrink_active_list(m, SWAP_CLUSTER_MAX, z, LRU_ACTIVE_ANON);
}

/*
 * One trip of balance_pgdat's priority loop (from loop_again).  Returns 1
 * when the node is balanced: balance_pgdat returns; 0: goto loop_again on
 * the next jiffy.
 */
static int balance_pgdat_pass(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;
	struct scan_control sc = {
		.gfp_mask = GFP_KERNEL,
		.may_unmap = 1,
		.may_swap = 1,
		.may_writepage = 1,
		.nr_to_reclaim = ~0UL, /* equal pressure on every zone */
		.order = ks->order,
		.priority = DEF_PRIORITY,
		.kswapd = 1,
	};
	int i, balanced = 0, nr_zones = pgdat_nr_zones(m);

	count_vm_events(m, PAGEOUTRUN, 1);
	ks->nr_passes++;
	/* its swapped-out pages freed since the last pass: what this pass's
	 * first priority would have found at the inactive tail */
	sc.nr_reclaimed = ks->nr_swapped;
	ks->nr_swapped = 0;
	if (STAGES(m))
		stage_enter(m, FN_balance_pgdat, "pass %lu: order %d, classzone %d", ks->nr_passes,
			    ks->order, ks->balanced_cz);
	do {
		unsigned long lru_pages = 0;

		/* from the highest zone down, find the highest one needing work */
		for (i = nr_zones - 1; i >= 0; i--) {
			struct zone *z = &m->node.node_zones[i];

			if (!populated_zone(z))
				continue;
			if (z->all_unreclaimable && sc.priority != DEF_PRIORITY)
				continue;
			age_active_anon(m, z);
			if (!zone_balanced(m, z, sc.order, 0, 0)) {
				ks->end_zone = i;
				break;
			}
		}
		if (i < 0) {
			balanced = 1;
			break;
		}
		for (i = 0; i <= ks->end_zone; i++)
			lru_pages += zone_reclaimable_pages(m, &m->node.node_zones[i]);

		/* then from DMA up to it, as the allocator works the other way */
		for (i = 0; i <= ks->end_zone; i++) {
			struct zone *z = &m->node.node_zones[i];
			unsigned long nr_slab;
			int testorder = sc.order;

			if (!populated_zone(z))
				continue;
			if (z->all_unreclaimable && sc.priority != DEF_PRIORITY)
				continue;
			sc.nr_scanned = 0;
			/* kswapd reclaims order-0 pages once compaction could do the rest */
			if (sc.order && compaction_suitable(m, z, sc.order) != COMPACT_SKIPPED)
				testorder = 0;
			if (!zone_balanced(m, z, testorder, balance_gap(z), ks->end_zone)) {
				shrink_zone(m, z, &sc);
				sc.nr_reclaimed += shrink_slab_reclaim(m, sc.gfp_mask, sc.nr_scanned,
								       lru_pages, &nr_slab);
				if (nr_slab == 0 && !zone_reclaimable(m, z))
					z->all_unreclaimable = 1;
			}
			if (sc.priority < DEF_PRIORITY - 2)
				sc.may_writepage = 1;
			if (z->all_unreclaimable && ks->end_zone && ks->end_zone == i)
				ks->end_zone--;
			if (sc.congested)
				break;
		}
		if (sc.congested) {
			/* blocked in the block layer: the pass goes on next jiffy */
			if (STAGES(m))
				stage_note(m, FN_balance_pgdat, "priority %d: the disk queue is full, wait",
					   sc.priority);
			break;
		}
		if (STAGES(m))
			stage_note(m, FN_balance_pgdat, "priority %d: reclaimed %lu so far, end_zone %s",
				   sc.priority, sc.nr_reclaimed, m->node.node_zones[ks->end_zone].name);
		if (pgdat_balanced(m, sc.order, ks->balanced_cz)) {
			balanced = 1;
			break;
		}
		/* no large priorities while allocators free in parallel */
		if (sc.nr_reclaimed >= SWAP_CLUSTER_MAX)
			break;
	} while (--sc.priority >= 0);

	ks->nr_reclaimed += sc.nr_reclaimed;
	if (!balanced) {
		/* fully scanned and still not balanced: fall back to order 0 */
		if (sc.nr_reclaimed < SWAP_CLUSTER_MAX && !sc.congested)
			ks->order = 0;
	} else if (ks->order) {
		int need_compaction = 1;

		for (i = 0; i <= ks->end_zone; i++) {
			struct zone *z = &m->node.node_zones[i];

			if (populated_zone(z) &&
			    zone_watermark_ok(m, z, ks->order, low_wmark_pages(z), ks->balanced_cz, 0))
				need_compaction = 0;
		}
		if (need_compaction)
			compact_pgdat(m, ks->order);
	}
	if (STAGES(m))
		stage_exit(m, FN_balance_pgdat, "%s: reclaimed %lu at priority %d",
			   balanced ? "balanced" : "not balanced, again", sc.nr_reclaimed,
			   sc.priority < 0 ? 0 : sc.priority);
	return balanced;
}

static void start_balance(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;

	ks->balanced_cz = ks->cz;
	ks->end_zone = 0;
	ks->nr_passes = 0;
	ks->nr_reclaimed = 0;
	ks->nr_swapped = 0;
	ks->state = KSWAPD_RUNNING;
}

/* the rest of kswapd_try_to_sleep once it stops sleeping, and the loop's reset */
static void kswapd_after_sleep(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;

	ks->order = ks->new_order = ks->max_order;
	ks->cz = ks->new_cz = ks->classzone_idx;
	ks->max_order = 0;
	ks->classzone_idx = pgdat_nr_zones(m) - 1;
	start_balance(m);
}

/* the top of kswapd()'s loop, after balance_pgdat returned */
static void kswapd_loop(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;

	if (ks->balanced_cz >= ks->new_cz && ks->balanced_order == ks->new_order) {
		ks->new_order = ks->max_order;
		ks->new_cz = ks->classzone_idx;
		ks->max_order = 0;
		ks->classzone_idx = pgdat_nr_zones(m) - 1;
	}
	if (ks->order < ks->new_order || ks->cz > ks->new_cz) {
		/* someone wants a larger order or a lower zone: don't sleep */
		ks->order = ks->new_order;
		ks->cz = ks->new_cz;
		start_balance(m);
		return;
	}
	/* kswapd_try_to_sleep: a short nap first if balanced */
	ks->woken = 0;
	if (prepare_kswapd_sleep(m, ks->balanced_order, 0, ks->balanced_cz)) {
		ks->state = KSWAPD_NAPPING;
		ks->nap_end = m->clock + HZ / 10;
		return;
	}
	count_vm_events(m, KSWAPD_HIGH_WMARK_HIT_QUICKLY, 1);
	kswapd_after_sleep(m);
}

void kswapd_tick(struct mm_machine *m)
{
	struct kswapd_state *ks = &m->work.kswapd;
	unsigned long long remaining;
	int cpu = m->this_cpu;

	kswapd_init(m);
	switch (ks->state) {
	case KSWAPD_ASLEEP:
		if (!ks->woken)
			return;
		ks->woken = 0;
		kswapd_after_sleep(m);
		break;
	case KSWAPD_NAPPING:
		if (!ks->woken && m->clock < ks->nap_end)
			return;
		remaining = ks->woken && ks->nap_end > m->clock ? ks->nap_end - m->clock : 0;
		ks->woken = 0;
		if (prepare_kswapd_sleep(m, ks->balanced_order, remaining, ks->balanced_cz)) {
			/* fully asleep: compaction's skip hints are reset */
			reset_isolation_suitable(m);
			ks->state = KSWAPD_ASLEEP;
			return;
		}
		count_vm_events(m, remaining ? KSWAPD_LOW_WMARK_HIT_QUICKLY
					     : KSWAPD_HIGH_WMARK_HIT_QUICKLY, 1);
		kswapd_after_sleep(m);
		break;
	default:
		break;
	}
	m->this_cpu = KSWAPD_CPU;
	if (balance_pgdat_pass(m)) {
		ks->balanced_order = ks->order;
		ks->balanced_cz = ks->end_zone;
		kswapd_loop(m);
	}
	m->this_cpu = cpu;
}
