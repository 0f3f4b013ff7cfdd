/*
 * memmap.c (panel) - the selected zone's pfns as a grid, at one of two
 * scales: a cell per page, or a cell per pageblock.  The scale follows the
 * zone (pages when the whole zone fits, else pageblocks) until the person
 * zooms with '+'/'-'; the first line always names it.
 *
 * A page cell's glyph says where the page is:
 *   .      free, inside a buddy block (role: the block's order)
 *   0-9 X  the head of a free block of that order (X: order 10)
 *   p      free on a per-cpu list
 *   a c s k t i   allocated: anon, page cache, slab, kernel, page table,
 *          in flight (compaction); the head of a multi-page allocation is
 *          the capital letter, so allocations show their extent
 *   r      reserved,  ~ off every list (a paused request holds it),
 *   blank  a hole (not RAM)
 * A pageblock cell shows the block's migrate type as show_migration_types
 * writes it (U E M R I), lower case while nothing in it is allocated, '!'
 * when it holds allocations of another type (a polluted block: what
 * fragments memory), '#' when it is all reserved.
 *
 * The migrate type of an allocation is not kept in struct page; the view
 * derives it from what the model records (mm_view_alloc_migratetype says
 * how).  An allocation it has no trustworthy record of (a higher-order
 * command-line allocation) never counts as foreign.
 *
 * Everything comes through the view (view.h).  Drawing touches only what
 * is visible: a page cell reads its own struct page (mm_view_page_cell);
 * a pageblock cell walks its own block from allocation to allocation and
 * free block to free block (a free order-10 block is one step), so the
 * cost follows the panel's size, not the zone's.  A page inside a block
 * (no head, on no list) needs the block around it: the one a cell before
 * it saw (struct walk), else mm_view_page's search.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_panel.h"

enum memmap_scale { SCALE_PAGE, SCALE_BLOCK };

/* how cells map to pfns at the last draw (the keys move by it) */
struct grid {
	int scale;
	unsigned long base;  /* pfn of cell 0 */
	unsigned long unit;  /* pages per cell */
	int per_row;         /* cells per row */
	int rows;            /* grid rows shown */
	int label_w;         /* row labels ("0x1000 "), 0 if no room */
	unsigned long nrows; /* rows the whole zone takes */
};

struct memmap {
	int zoomed;              /* -1: automatic, else the scale chosen */
	unsigned long cursor;    /* a pfn of the zone */
	unsigned long top;       /* first grid row shown */
	unsigned long gen;       /* the machine cursor belongs to (cmd_ctx.machine_gen) */
	int zone;
	struct grid g;
	struct rect last;        /* where it was drawn (a zoom redoes g) */
};

static const struct panel_key memmap_keys[] = {
	{ "arrows, h/j/k/l", "move the cursor" },
	{ "PgUp/PgDn", "move a screen" },
	{ "Home/End", "first / last page of the zone" },
	{ "g", "jump to the next free block" },
	{ "+ / -", "zoom in to pages / out to pageblocks" },
	{ "Enter", "copy the cursor's description to the log" },
	{ "z / Z", "next / previous zone" },
	{ NULL, NULL },
};

static void *memmap_create(struct tui_view *v)
{
	struct memmap *p = calloc(1, sizeof(*p));

	(void)v;
	if (p) {
		p->zoomed = -1;
		p->zone = -1;
	}
	return p;
}

static void memmap_destroy(void *self)
{
	free(self);
}

/* ---- the zone shown ---------------------------------------------------------- */

/* what the panel reads of the selected zone and the machine, through the
 * view once per draw or key */
struct shown {
	const struct mm_machine *m;
	unsigned long gen;        /* the machine's generation (cmd_ctx.machine_gen) */
	int zone;                 /* zone_idx */
	const char *name;
	unsigned long start, end; /* [zone_start_pfn, zone_end_pfn) */
	unsigned long pageblock_nr_pages;
	int grouping;             /* pages are grouped by mobility: a block can be polluted */
};

/* 1 and the zone the panels show, or 0 on an empty node */
static int shown_get(const struct tui_view *v, struct shown *z)
{
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	int idx = view_zone_idx(v);

	if (idx < 0 || mm_view_zone(v->c->m, idx, &zv))
		return 0;
	mm_view_machine(v->c->m, &mv);
	z->m = v->c->m;
	z->gen = v->c->machine_gen;
	z->zone = idx;
	z->name = zv.name;
	z->start = zv.zone_start_pfn;
	z->end = zv.zone_start_pfn + zv.spanned_pages;
	z->pageblock_nr_pages = mv.pageblock_nr_pages;
	z->grouping = !mv.page_group_by_mobility_disabled;
	return 1;
}

/* pfn has a struct page (pfn_valid) */
static int pfn_present(const struct mm_machine *m, unsigned long pfn)
{
	struct mm_page_cell c;

	return mm_view_page_cell(m, pfn, &c) == 0;
}

/* the migrate type of pfn's pageblock; a block of a memory section that
 * is not present has the kernel's zeroed bits: Unmovable */
static int block_mt(const struct mm_machine *m, unsigned long pfn)
{
	int mt = mm_view_pageblock_mt(m, pfn);

	return mt < 0 ? MIGRATE_UNMOVABLE : mt;
}

/* ---- what a page is ------------------------------------------------------ */

/* the view's one table of flag names, as the kernel spells the bits */
static void flags_text(uint32_t flags, char *buf, size_t len)
{
	mm_pageflags_format(flags, "PG_", buf, len);
}

/* the owner of an allocated page (pv: its mm_view_page) */
static void owner_text(const struct mm_machine *m, const struct mm_page_view *pv, char *buf,
		       size_t len)
{
	unsigned int id = pv->owner_id;
	struct mm_task_view t;
	const char *cache;

	switch (pv->owner_kind) {
	case OWNER_KERNEL:
		snprintf(buf, len, "kernel");
		break;
	case OWNER_ANON:
		/* a task on its way out is not named (mm_task_find skips it) */
		if (mm_view_task(m, (int)id, &t) == 0 && !t.exiting)
			snprintf(buf, len, "anon, pid %u (%s)", id, t.comm);
		else
			snprintf(buf, len, "anon, pid %u", id);
		break;
	case OWNER_PAGECACHE:
		snprintf(buf, len, "page cache, file page %lu", pv->index);
		break;
	case OWNER_SLAB:
		cache = mm_view_cache_name(m, (int)id);
		snprintf(buf, len, "slab %s", cache ? cache : "?");
		break;
	case OWNER_PAGETABLE:
		snprintf(buf, len, "page table");
		break;
	case OWNER_INFLIGHT:
		snprintf(buf, len, "in flight on cpu%u", id);
		break;
	default:
		snprintf(buf, len, "no owner");
		break;
	}
}

/* "allocated order 5 (head 0x1000), kernel" and the like */
static void state_text(const struct shown *z, unsigned long pfn, const struct mm_page_view *pv,
		       char *buf, size_t len)
{
	char owner[96];
	int n = 0;

	switch (pv->state) {
	case PS_ALLOCATED:
		owner_text(z->m, pv, owner, sizeof(owner));
		n = snprintf(buf, len, "allocated order %d", pv->order);
		if (pv->head_pfn != pfn)
			n += snprintf(buf + n, len - (size_t)n, " (head 0x%lx)", pv->head_pfn);
		snprintf(buf + n, len - (size_t)n, ", %s", owner);
		break;
	case PS_FREE:
		snprintf(buf, len, "free in order %d block 0x%lx, %s list", pv->order,
			 pv->head_pfn, migratetype_names[pv->migratetype]);
		break;
	case PS_PCP:
		snprintf(buf, len, "free on cpu%d %s pcp list", pv->cpu,
			 migratetype_names[pv->migratetype]);
		break;
	case PS_RESERVED:
		snprintf(buf, len, "reserved");
		break;
	case PS_HOLE:
		snprintf(buf, len, "hole (not RAM)");
		break;
	default:
		snprintf(buf, len, pfn >= z->start && pfn < z->end && pfn_present(z->m, pfn) ?
			 "in flight: off every list" : "not in this zone");
		break;
	}
}

/* ---- walking the cells of one draw --------------------------------------------- */

/* a free block or an allocation: 1 << order pages from head */
struct extent {
	unsigned long head;
	int order;
	int free;              /* a free block, else an allocation */
	int kind;              /* an allocation's owner: enum page_owner_kind */
	unsigned int id;
};

/*
 * What one draw carries from cell to cell.  Cells go up the zone in pfn
 * order, so the block a page lies inside was usually just seen: at its
 * head, or as the previous cell's block running past that cell's end.
 * Remembering it spares the view's search (mm_view_page) for the pages
 * after it.  The machine does not change during a draw.
 */
struct walk {
	const struct shown *z;
	struct extent last;    /* the last block seen; order -1: none */
	uint32_t owner;        /* the last anon or slab owner looked up (MM_OWNER), UINT32_MAX if none */
	int owner_mt;          /* its allocations' migrate type */
};

static void walk_init(struct walk *w, const struct shown *z)
{
	w->z = z;
	w->last = (struct extent){ .order = -1 };
	w->owner = UINT32_MAX;
	w->owner_mt = 0;
}

static void remember(struct walk *w, unsigned long head, int order, int free, int kind,
		     unsigned int id)
{
	w->last = (struct extent){ head, order, free, kind, id };
}

/* the block holding pfn, a page inside it (no head, on no list): 1, or 0
 * if pfn is in none (taken off every list) */
static int block_around(struct walk *w, unsigned long pfn, struct extent *x)
{
	struct mm_page_view pv;

	if (w->last.order >= 0 && pfn >= w->last.head &&
	    pfn - w->last.head < 1UL << w->last.order) {
		*x = w->last;
		return 1;
	}
	mm_view_page(w->z->m, pfn, &pv);
	if (pv.state != PS_FREE && pv.state != PS_ALLOCATED)
		return 0;
	remember(w, pv.head_pfn, pv.order, pv.state == PS_FREE, pv.owner_kind, pv.owner_id);
	*x = w->last;
	return 1;
}

/* ---- pageblock summaries --------------------------------------------------- */

/* the migrate type of the allocation headed by head (owned by kind, id),
 * or -1 (see mm_view_alloc_migratetype); a run of one task's or one
 * cache's allocations asks the view once */
static int alloc_migratetype(struct walk *w, unsigned long head, int kind, unsigned int id)
{
	uint32_t owner = MM_OWNER(kind, id);
	int by_owner = kind == OWNER_ANON || kind == OWNER_SLAB;
	int mt;

	if (by_owner && w->owner == owner)
		return w->owner_mt;
	mt = mm_view_alloc_migratetype(w->z->m, head);
	if (by_owner) {
		w->owner = owner;
		w->owner_mt = mt;
	}
	return mt;
}

struct pb_summary {
	int mt;
	unsigned long free, pcp, alloc, reserved, hole, inflight, foreign;
	unsigned int foreign_types; /* bit per migrate type */
};

/* n pages of the allocation headed by head, owned by (kind, id) */
static void count_allocation(struct walk *w, struct pb_summary *s, unsigned long head,
			     int kind, unsigned int id, unsigned long n)
{
	int amt;

	s->alloc += n;
	if (s->mt >= MIGRATE_PCPTYPES || !w->z->grouping)
		return;
	amt = alloc_migratetype(w, head, kind, id);
	if (amt >= 0 && amt != s->mt) {
		s->foreign += n;
		s->foreign_types |= 1u << amt;
	}
}

/* a page that is neither a list member nor a block head: inside a block
 * that starts before it, or taken off every list; returns pages to skip */
static unsigned long summarize_interior(struct walk *w, struct pb_summary *s,
					unsigned long pfn, unsigned long end)
{
	struct extent x;
	unsigned long left = end - pfn, n;

	if (!block_around(w, pfn, &x)) {
		s->inflight++;
		return 1;
	}
	n = x.head + (1UL << x.order) - pfn;
	if (n > left)
		n = left;
	if (x.free)
		s->free += n;
	else
		count_allocation(w, s, x.head, x.kind, x.id, n);
	return n;
}

/* the pages [start, end) of one pageblock, a block at a time */
static void pb_summarize(struct walk *w, unsigned long start, unsigned long end,
			 struct pb_summary *s)
{
	memset(s, 0, sizeof(*s));
	s->mt = block_mt(w->z->m, start);
	for (unsigned long pfn = start; pfn < end;) {
		struct mm_page_cell c;
		unsigned long n = 1, left = end - pfn;

		if (mm_view_page_cell(w->z->m, pfn, &c) || (c.flags & PG_nomem)) {
			s->hole++;
		} else if (c.flags & PG_reserved) {
			s->reserved++;
		} else if (c.flags & PG_pcp) {
			s->pcp++;
		} else if (c.flags & PG_buddy) {
			remember(w, pfn, c.order, 1, OWNER_NONE, 0);
			n = 1UL << c.order;
			s->free += n < left ? n : left;
		} else if (c.flags & PG_head) {
			remember(w, pfn, c.order, 0, c.owner_kind, c.owner_id);
			n = 1UL << c.order;
			count_allocation(w, s, pfn, c.owner_kind, c.owner_id, n < left ? n : left);
		} else {
			n = summarize_interior(w, s, pfn, end);
		}
		pfn += n < left ? n : left;
	}
}

/* ---- geometry ------------------------------------------------------------------ */

static int hex_digits(unsigned long v)
{
	int n = 1;

	while (v >>= 4)
		n++;
	return n;
}

static void grid_setup(const struct shown *z, struct rect r, int rows, int scale,
		       struct grid *g)
{
	unsigned long end = z->end;
	int avail, label_w = 2 + hex_digits(end - 1) + 1;

	if (r.w - label_w < 16)
		label_w = 0;
	avail = r.w - label_w;
	g->scale = scale;
	g->label_w = label_w;
	g->rows = rows;
	if (scale == SCALE_PAGE) {
		/* rows of a multiple of 16 pages from a 16-aligned pfn: free
		 * blocks up to order 4 never straddle two rows */
		g->per_row = 1;
		while (g->per_row * 2 <= avail && g->per_row < 16)
			g->per_row *= 2;
		if (g->per_row == 16)
			g->per_row = avail & ~15;
		g->unit = 1;
		g->base = z->start & ~15UL;
	} else {
		g->per_row = avail >= 8 ? avail & ~7 : avail;
		g->unit = z->pageblock_nr_pages;
		g->base = z->start & ~(g->unit - 1);
	}
	g->nrows = ((end - g->base + g->unit - 1) / g->unit + (unsigned long)g->per_row - 1) /
		   (unsigned long)g->per_row;
}

static unsigned long cell_pfn(const struct grid *g, unsigned long row, int col)
{
	return g->base + (row * (unsigned long)g->per_row + (unsigned long)col) * g->unit;
}

static unsigned long row_of(const struct grid *g, unsigned long pfn)
{
	return (pfn - g->base) / g->unit / (unsigned long)g->per_row;
}

/* the cursor back on the zone (also after the zone or machine changed) */
static void sync_cursor(struct memmap *p, const struct shown *z)
{
	if (p->gen != z->gen || p->zone != z->zone) {
		p->gen = z->gen;
		p->zone = z->zone;
		p->cursor = z->start;
		p->top = 0;
		p->zoomed = -1;
	}
	if (p->cursor < z->start)
		p->cursor = z->start;
	if (p->cursor >= z->end)
		p->cursor = z->end - 1;
}

static void scroll_to_cursor(struct memmap *p)
{
	const struct grid *g = &p->g;
	unsigned long row = row_of(g, p->cursor);

	if (row < p->top)
		p->top = row;
	if (row >= p->top + (unsigned long)g->rows)
		p->top = row - (unsigned long)g->rows + 1;
	if (g->nrows > (unsigned long)g->rows && p->top > g->nrows - (unsigned long)g->rows)
		p->top = g->nrows - (unsigned long)g->rows;
}

/* ---- drawing ------------------------------------------------------------------ */

static uint32_t owner_glyph(const struct mm_page_cell *c, int *role)
{
	static const struct {
		char ch;
		int role;
	} kinds[] = {
		[OWNER_NONE] = { '?', ROLE_PAGE_KERNEL },
		[OWNER_KERNEL] = { 'k', ROLE_PAGE_KERNEL },
		[OWNER_ANON] = { 'a', ROLE_PAGE_ANON },
		[OWNER_PAGECACHE] = { 'c', ROLE_PAGE_CACHE },
		[OWNER_SLAB] = { 's', ROLE_PAGE_SLAB },
		[OWNER_PAGETABLE] = { 't', ROLE_PAGE_PAGETABLE },
		[OWNER_INFLIGHT] = { 'i', ROLE_PAGE_INFLIGHT },
	};
	int kind = c->owner_kind;
	char ch;

	if (kind < 0 || (size_t)kind >= sizeof(kinds) / sizeof(kinds[0]))
		kind = OWNER_NONE;
	ch = kinds[kind].ch;
	*role = kinds[kind].role;
	if ((c->flags & PG_head) && c->order > 0 && ch != '?')
		ch = (char)(ch - 'a' + 'A');
	return (uint32_t)ch;
}

static uint32_t page_glyph(struct walk *w, unsigned long pfn, int *role)
{
	const struct shown *z = w->z;
	struct mm_page_cell c;
	struct extent x;

	*role = ROLE_PAGE_HOLE;
	if (pfn < z->start || pfn >= z->end || mm_view_page_cell(z->m, pfn, &c))
		return ' ';
	if (c.flags & PG_nomem)
		return ' ';
	if (c.flags & PG_reserved) {
		*role = ROLE_PAGE_RESERVED;
		return 'r';
	}
	if (c.flags & PG_pcp) {
		*role = ROLE_PAGE_PCP;
		return 'p';
	}
	if (c.flags & (PG_head | PG_tail))
		return owner_glyph(&c, role);
	if (c.flags & PG_buddy) {
		remember(w, pfn, c.order, 1, OWNER_NONE, 0);
		*role = role_for_order(c.order);
		return c.order >= 10 ? 'X' : (uint32_t)('0' + c.order);
	}
	/* inside a free block, or off every list */
	if (block_around(w, pfn, &x) && x.free) {
		*role = role_for_order(x.order);
		return '.';
	}
	*role = ROLE_PAGE_INFLIGHT;
	return '~';
}

static uint32_t block_glyph(const struct pb_summary *s, unsigned long pages, int *role)
{
	char letter = migratetype_letter(s->mt);

	if (s->hole == pages) {
		*role = ROLE_PAGE_HOLE;
		return ' ';
	}
	if (s->reserved + s->hole == pages) {
		*role = ROLE_PAGE_RESERVED;
		return '#';
	}
	if (s->foreign) {
		*role = ROLE_POLLUTED;
		return '!';
	}
	*role = role_for_migratetype(s->mt);
	if (!s->alloc && !s->inflight)
		letter = (char)(letter - 'A' + 'a');
	return (uint32_t)letter;
}

static int marked(const struct tui_view *v, unsigned long first, unsigned long last)
{
	return v->marked && first <= v->mark_last && last >= v->mark_first;
}

static void draw_cell(struct canvas *cv, struct rect r, int x, int y, struct memmap *p,
		      const struct tui_view *v, struct walk *w, unsigned long pfn)
{
	const struct shown *z = w->z;
	const struct grid *g = &p->g;
	unsigned long last = pfn + g->unit - 1;
	unsigned int attr = 0;
	uint32_t ch;
	int role;

	if (g->scale == SCALE_PAGE) {
		ch = page_glyph(w, pfn, &role);
	} else {
		unsigned long s = pfn < z->start ? z->start : pfn;
		unsigned long e = last + 1 > z->end ? z->end : last + 1;
		struct pb_summary sum;

		pb_summarize(w, s, e, &sum);
		ch = block_glyph(&sum, e - s, &role);
	}
	if (marked(v, pfn, last)) {
		role = ROLE_MARKED;
		attr |= CELL_UNDERLINE;
	}
	if (p->cursor >= pfn && p->cursor <= last) {
		role = ROLE_CURSOR;
		attr |= CELL_REVERSE;
	}
	rect_set(cv, r, x, y, ch, role, attr);
}

static void draw_grid(struct canvas *cv, struct rect r, int y0, struct memmap *p,
		      const struct tui_view *v, const struct shown *z)
{
	const struct grid *g = &p->g;
	struct walk w;

	walk_init(&w, z);
	for (int i = 0; i < g->rows; i++) {
		unsigned long row = p->top + (unsigned long)i;

		if (row >= g->nrows)
			break;
		if (g->label_w)
			rect_printf(cv, r, 0, y0 + i, ROLE_DIM, "0x%0*lx", g->label_w - 3,
				    cell_pfn(g, row, 0));
		for (int c = 0; c < g->per_row; c++) {
			unsigned long pfn = cell_pfn(g, row, c);

			if (pfn >= z->end)
				break;
			draw_cell(cv, r, g->label_w + c, y0 + i, p, v, &w, pfn);
		}
	}
}

/* "Normal  1 cell = 512 pages (pageblock)  0x0-0x3fff  rows 1-6 of 32",
 * each part only if it fits whole */
static void draw_title(struct canvas *cv, struct rect r, const struct memmap *p,
		       const struct shown *z)
{
	const struct grid *g = &p->g;
	char part[3][80];
	int col = rect_put(cv, r, 0, 0, ROLE_TITLE, CELL_BOLD, z->name);

	if (g->scale == SCALE_PAGE)
		snprintf(part[0], sizeof(part[0]), "  1 cell = 1 page");
	else
		snprintf(part[0], sizeof(part[0]), "  1 cell = %lu pages%s", g->unit,
			 r.w >= 60 ? " (pageblock)" : "");
	snprintf(part[1], sizeof(part[1]), "  0x%lx-0x%lx", z->start, z->end - 1);
	part[2][0] = '\0';
	if (g->nrows > (unsigned long)g->rows)
		snprintf(part[2], sizeof(part[2]), "  rows %lu-%lu of %lu", p->top + 1,
			 p->top + (unsigned long)g->rows, g->nrows);
	for (int i = 0; i < 3; i++) {
		int n = (int)strlen(part[i]);

		if (col + n > r.w)
			continue;
		rect_put(cv, r, col, 0, i ? ROLE_DIM : ROLE_HEADER, 0, part[i]);
		col += n;
	}
}

/* ", 12 pcp" onto buf at *n when nr is not 0 (": " before the first) */
static void add_count(char *buf, size_t len, size_t *n, int *first, unsigned long nr,
		      const char *what)
{
	if (!nr || *n >= len)
		return;
	*n += (size_t)snprintf(buf + *n, len - *n, "%s%lu %s", *first ? ": " : ", ", nr, what);
	*first = 0;
}

/* "block 0x1000 Movable: 300 free, 12 pcp, 200 allocated, 3 foreign (U)",
 * naming only the kinds of page the block holds, so that a narrow panel
 * still shows what matters */
static void block_text(const struct shown *z, unsigned long pfn, char *buf, size_t len)
{
	unsigned long s = pfn & ~(z->pageblock_nr_pages - 1);
	unsigned long e = s + z->pageblock_nr_pages;
	struct walk w;
	struct pb_summary sum;
	char foreign[32] = "foreign (";
	int first = 1;
	size_t n;

	if (s < z->start)
		s = z->start;
	if (e > z->end)
		e = z->end;
	walk_init(&w, z);
	pb_summarize(&w, s, e, &sum);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		if (sum.foreign_types & (1u << mt))
			snprintf(foreign + strlen(foreign), sizeof(foreign) - strlen(foreign), "%c",
				 migratetype_letter(mt));
	snprintf(foreign + strlen(foreign), sizeof(foreign) - strlen(foreign), ")");
	n = (size_t)snprintf(buf, len, "block 0x%lx %s", s, migratetype_names[sum.mt]);
	add_count(buf, len, &n, &first, sum.free, "free");
	add_count(buf, len, &n, &first, sum.pcp, "pcp");
	add_count(buf, len, &n, &first, sum.alloc, "allocated");
	add_count(buf, len, &n, &first, sum.foreign, foreign);
	add_count(buf, len, &n, &first, sum.reserved, "reserved");
	add_count(buf, len, &n, &first, sum.inflight, "in flight");
	add_count(buf, len, &n, &first, sum.hole, "hole");
}

/* the page under the cursor: "pfn 0x1234  allocated order 5, kernel" */
static void page_text(const struct shown *z, unsigned long pfn, int with_flags, char *buf,
		      size_t len)
{
	struct mm_page_view pv;
	struct mm_page_cell c;
	char state[192], flags[256];

	mm_view_page(z->m, pfn, &pv);
	state_text(z, pfn, &pv, state, sizeof(state));
	mm_view_page_cell(z->m, pfn, &c); /* flags 0 without a struct page */
	flags_text(c.flags, flags, sizeof(flags));
	if (with_flags)
		snprintf(buf, len, "pfn 0x%lx  %s  flags %s  block %s", pfn, state, flags,
			 migratetype_names[block_mt(z->m, pfn)]);
	else
		snprintf(buf, len, "pfn 0x%lx  %s", pfn, state);
}

static void flags_line(const struct shown *z, unsigned long pfn, char *buf, size_t len)
{
	struct mm_page_cell c;
	char flags[256];

	mm_view_page_cell(z->m, pfn, &c);
	flags_text(c.flags, flags, sizeof(flags));
	snprintf(buf, len, "flags %s  block %s", flags, migratetype_names[block_mt(z->m, pfn)]);
}

/* one or two lines about the cursor, at rows y and y + 1 */
static void draw_info(struct canvas *cv, struct rect r, int y, int lines,
		      const struct memmap *p, const struct shown *z)
{
	char buf[512];

	if (lines >= 2) {
		page_text(z, p->cursor, 0, buf, sizeof(buf));
		rect_put(cv, r, 0, y, ROLE_DEFAULT, 0, buf);
		if (p->g.scale == SCALE_BLOCK)
			block_text(z, p->cursor, buf, sizeof(buf));
		else
			flags_line(z, p->cursor, buf, sizeof(buf));
		rect_put(cv, r, 0, y + 1, ROLE_DIM, 0, buf);
		return;
	}
	if (p->g.scale == SCALE_BLOCK)
		block_text(z, p->cursor, buf, sizeof(buf));
	else
		page_text(z, p->cursor, 1, buf, sizeof(buf));
	rect_put(cv, r, 0, y, ROLE_DEFAULT, 0, buf);
}

/* the glyphs' meanings, as many whole entries as the width takes */
static void draw_legend(struct canvas *cv, struct rect r, int y, int scale)
{
	static const char *const page_legend[] = {
		". free", "0-9X free head (order)", "p pcp", "a anon", "c cache", "s slab",
		"k kernel", "t pgtable", "i ~ in flight", "r reserved",
		"capital: head of order>0", NULL,
	};
	static const char *const block_legend[] = {
		"UEMRI block type", "lower case: none allocated", "! foreign pages",
		"# reserved", NULL,
	};
	const char *const *e = scale == SCALE_PAGE ? page_legend : block_legend;
	int col = 0;

	for (; *e; e++) {
		int n = (int)strlen(*e);

		if (col + n > r.w)
			break;
		rect_put(cv, r, col, y, ROLE_DIM, 0, *e);
		col += n + 2;
	}
}

/* rows of the grid, and lines for the cursor and the legend */
static void split_rows(int h, int *grid, int *info, int *legend)
{
	*info = h >= 10 ? 2 : 1;
	*legend = h >= 14 ? 1 : 0;
	*grid = h - 1 - *info - *legend;
}

static int choose_scale(const struct memmap *p, const struct shown *z, struct rect r, int rows)
{
	struct grid g;

	if (p->zoomed >= 0)
		return p->zoomed;
	grid_setup(z, r, rows, SCALE_PAGE, &g);
	return g.nrows <= (unsigned long)rows ? SCALE_PAGE : SCALE_BLOCK;
}

static void memmap_draw(void *self, struct tui_view *v, struct canvas *cv,
			struct rect r, int focused)
{
	struct memmap *p = self;
	struct shown z;
	int rows, info, legend;

	(void)focused;
	if (draw_too_small(cv, r, panel_memmap.min_w, panel_memmap.min_h))
		return;
	rect_clear(cv, r);
	if (!p || !shown_get(v, &z)) {
		rect_put(cv, r, 0, 0, ROLE_DIM, 0, p ? "no populated zone" : "out of memory");
		return;
	}
	sync_cursor(p, &z);
	split_rows(r.h, &rows, &info, &legend);
	grid_setup(&z, r, rows, choose_scale(p, &z, r, rows), &p->g);
	p->last = r;
	scroll_to_cursor(p);
	draw_title(cv, r, p, &z);
	draw_grid(cv, r, 1, p, v, &z);
	draw_info(cv, r, 1 + rows, info, p, &z);
	if (legend)
		draw_legend(cv, r, r.h - 1, p->g.scale);
}

/* ---- keys ---------------------------------------------------------------------- */

/* the first pfn after the cursor that heads a free block, wrapping once */
static unsigned long next_free_block(const struct shown *z, unsigned long from)
{
	unsigned long start = z->start, end = z->end;

	for (unsigned long i = 1; i <= end - start; i++) {
		unsigned long pfn = start + (from - start + i) % (end - start);
		struct mm_page_cell c;

		if (mm_view_page_cell(z->m, pfn, &c) == 0 && (c.flags & PG_buddy))
			return pfn;
	}
	return from;
}

/* cursor += delta pages, stopping at the zone's ends */
static void move_cursor(struct memmap *p, const struct shown *z, long delta)
{
	unsigned long start = z->start, last = z->end - 1;

	if (delta < 0 && (unsigned long)-delta > p->cursor - start)
		p->cursor = start;
	else if (delta > 0 && (unsigned long)delta > last - p->cursor)
		p->cursor = last;
	else
		p->cursor = (unsigned long)((long)p->cursor + delta);
}

static void log_cursor(struct memmap *p, struct tui_view *v, const struct shown *z)
{
	char buf[512];

	if (p->g.scale == SCALE_BLOCK)
		block_text(z, p->cursor, buf, sizeof(buf));
	else
		page_text(z, p->cursor, 1, buf, sizeof(buf));
	tui_log_add(v, LOG_OUTPUT, -1, buf);
}

/* moves that depend on the last draw's geometry */
static int move_key(struct memmap *p, const struct shown *z, int key)
{
	long cell = (long)p->g.unit, row = cell * p->g.per_row;
	long screen = row * (p->g.rows > 1 ? p->g.rows - 1 : 1);

	switch (key) {
	case TK_LEFT:
	case 'h':
		move_cursor(p, z, -cell);
		break;
	case TK_RIGHT:
	case 'l':
		move_cursor(p, z, cell);
		break;
	case TK_UP:
	case 'k':
		move_cursor(p, z, -row);
		break;
	case TK_DOWN:
	case 'j':
		move_cursor(p, z, row);
		break;
	case TK_PGUP:
		move_cursor(p, z, -screen);
		break;
	case TK_PGDN:
		move_cursor(p, z, screen);
		break;
	case TK_HOME:
		p->cursor = z->start;
		break;
	case TK_END:
		p->cursor = z->end - 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* the keys that follow a zoom move by the new scale, before any redraw */
static void zoom(struct memmap *p, const struct shown *z, int scale)
{
	p->zoomed = scale;
	if (p->last.w)
		grid_setup(z, p->last, p->g.rows, scale, &p->g);
}

static int memmap_key(void *self, struct tui_view *v, int key)
{
	struct memmap *p = self;
	struct shown z;

	if (!p || !shown_get(v, &z))
		return PANEL_IGNORED;
	sync_cursor(p, &z);
	if (!p->g.per_row) /* not drawn yet: moves have no geometry */
		p->g = (struct grid){ .scale = SCALE_PAGE, .unit = 1, .per_row = 1, .rows = 1 };
	if (move_key(p, &z, key))
		return PANEL_HANDLED | PANEL_REDRAW;
	switch (key) {
	case 'g':
		p->cursor = next_free_block(&z, p->cursor);
		return PANEL_HANDLED | PANEL_REDRAW;
	case '+':
	case '-':
		zoom(p, &z, key == '+' ? SCALE_PAGE : SCALE_BLOCK);
		return PANEL_HANDLED | PANEL_REDRAW;
	case TK_ENTER:
		log_cursor(p, v, &z);
		return PANEL_HANDLED | PANEL_REDRAW;
	case 'z':
	case 'Z':
		view_step_zone(v, key == 'z' ? 1 : -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		return PANEL_IGNORED;
	}
}

const struct panel_ops panel_memmap = {
	.name = "memmap",
	.title = "memory map",
	.create = memmap_create,
	.destroy = memmap_destroy,
	.draw = memmap_draw,
	.key = memmap_key,
	.keys = memmap_keys,
	.min_w = 24,
	.min_h = 3,
};
