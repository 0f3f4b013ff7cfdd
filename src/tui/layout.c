/*
 * layout.c - the layouts, as text.  Grammar:
 *
 *   node := PANEL [':' SIZE]
 *         | ('h' | 'v') '(' node {' ' node} ')' [':' SIZE]
 *   SIZE := N      cells (columns in an h split, rows in a v split)
 *         | N '%'  of the split's length
 *
 * 'h' puts its children side by side, 'v' stacks them.  Children without
 * a size share what the sized ones leave; if the sized ones ask for more
 * than there is, they shrink in proportion, so any terminal of at least
 * TUI_MIN_W x TUI_MIN_H gets every panel of the layout with room for its
 * frame.  The strings are ours: a malformed one is a bug, caught by
 * layout_arrange returning 0 (and by the unit test arranging them all).
 */
#include <string.h>

#include "layout.h"

const struct panel_ops *const tui_panels[NR_TUI_PANELS] = {
	&panel_zones, &panel_free_area, &panel_memmap, &panel_pcp,
	&panel_slab, &panel_stack, &panel_log, &panel_narration,
};

struct layout_def {
	const char *name;
	const char *summary;
	const char *spec;
};

static const struct layout_def layouts[] = {
	{ "default", "zones and free_area over the memory map and the log (80x24)",
	  "v(h(zones:53% free_area):12 h(memmap:50% log))" },
	{ "wide", "every panel at once (200x60)",
	  "h(v(zones:14 free_area:12 pcp:10 stack):32% v(memmap:45% log):33% "
	  "v(slab:65% narration))" },
	{ "step", "call stack, free_area and zones beside the log, for stepping",
	  "v(h(stack:55% v(free_area:9 zones)):70% log)" },
	{ "slab", "the slab caches and the log",
	  "v(slab:65% log)" },
	{ "memmap", "a big memory map over the zones",
	  "v(memmap:70% zones)" },
	{ "pcp", "the per-cpu lists beside zones and free_area, over the log",
	  "v(h(pcp:50% v(zones free_area:9)):70% log)" },
	{ "lesson", "narration over free_area, zones, the memory map and the log",
	  "v(narration:40% h(free_area:50% zones):9 h(memmap:50% log))" },
};
#define NR_LAYOUTS ((int)(sizeof(layouts) / sizeof(layouts[0])))

int tui_panel_index(const char *name)
{
	int i;

	for (i = 0; i < NR_TUI_PANELS; i++)
		if (strcmp(tui_panels[i]->name, name) == 0)
			return i;
	return -1;
}

int layout_count(void)
{
	return NR_LAYOUTS;
}

const char *layout_name(int i)
{
	return i >= 0 && i < NR_LAYOUTS ? layouts[i].name : NULL;
}

const char *layout_summary(int i)
{
	return i >= 0 && i < NR_LAYOUTS ? layouts[i].summary : NULL;
}

int layout_find(const char *name)
{
	int i;

	for (i = 0; i < NR_LAYOUTS; i++)
		if (strcmp(layouts[i].name, name) == 0)
			return i;
	return -1;
}

int layout_auto(int w, int h)
{
	return layout_find(w >= TUI_WIDE_W && h >= TUI_WIDE_H ? "wide" : "default");
}

const char *const *layout_names(void)
{
	static const char *names[NR_LAYOUTS + 2];
	int i;

	for (i = 0; i < NR_LAYOUTS; i++)
		names[i] = layouts[i].name;
	names[i++] = "auto";
	names[i] = NULL;
	return names;
}

/* ---- parsing ------------------------------------------------------------- */

#define MAX_NODES 24
#define MAX_KIDS 6

struct lnode {
	int panel;   /* index in tui_panels, or -1 for a split */
	char dir;    /* 'h' or 'v' (splits) */
	int size;    /* requested length; 0 = share the rest */
	int percent; /* size is a percentage */
	int kid[MAX_KIDS], nkids;
};

struct parser {
	const char *p;
	struct lnode node[MAX_NODES];
	int n;
	int bad;
};

static int parse_node(struct parser *ps);

static void parse_size(struct parser *ps, struct lnode *nd)
{
	if (*ps->p != ':')
		return;
	ps->p++;
	while (*ps->p >= '0' && *ps->p <= '9')
		nd->size = nd->size * 10 + (*ps->p++ - '0');
	if (*ps->p == '%') {
		nd->percent = 1;
		ps->p++;
	}
}

static void parse_kids(struct parser *ps, struct lnode *nd)
{
	int k;

	ps->p++; /* '(' */
	while (!ps->bad && *ps->p != ')') {
		while (*ps->p == ' ')
			ps->p++;
		k = parse_node(ps);
		if (k < 0 || nd->nkids == MAX_KIDS) {
			ps->bad = 1;
			return;
		}
		nd->kid[nd->nkids++] = k;
		if (*ps->p != ' ' && *ps->p != ')')
			ps->bad = 1;
	}
	ps->p++; /* ')' */
}

/* returns the node's index, or -1 */
static int parse_node(struct parser *ps)
{
	char name[32];
	size_t len = strspn(ps->p, "abcdefghijklmnopqrstuvwxyz_");
	struct lnode *nd;
	int idx;

	if (ps->n == MAX_NODES || len == 0 || len >= sizeof(name)) {
		ps->bad = 1;
		return -1;
	}
	idx = ps->n++;
	nd = &ps->node[idx];
	memset(nd, 0, sizeof(*nd));
	memcpy(name, ps->p, len);
	name[len] = '\0';
	ps->p += len;
	if (*ps->p == '(' && len == 1 && (name[0] == 'h' || name[0] == 'v')) {
		nd->panel = -1;
		nd->dir = name[0];
		parse_kids(ps, nd);
	} else {
		nd->panel = tui_panel_index(name);
		if (nd->panel < 0)
			ps->bad = 1;
	}
	parse_size(ps, nd);
	return ps->bad ? -1 : idx;
}

/* ---- arranging ----------------------------------------------------------- */

/* the smallest length a panel is given when space runs out: its frame
 * and one line */
#define MIN_LEN 3

/* lengths of a split's children along its direction, summing to total */
static void share(const struct parser *ps, const struct lnode *nd, int total,
		  int *len)
{
	int i, fixed = 0, nflex = 0, room, asked, last = -1;

	for (i = 0; i < nd->nkids; i++) {
		const struct lnode *k = &ps->node[nd->kid[i]];

		len[i] = 0;
		if (!k->size) {
			nflex++;
			continue;
		}
		len[i] = k->percent ? total * k->size / 100 : k->size;
		if (len[i] < MIN_LEN)
			len[i] = MIN_LEN;
		fixed += len[i];
	}
	room = total - nflex * MIN_LEN;
	if (room < 0)
		room = 0;
	if (fixed > room) { /* shrink the sized ones in proportion */
		asked = fixed;
		for (i = 0, fixed = 0; i < nd->nkids; i++) {
			len[i] = len[i] * room / asked;
			fixed += len[i];
		}
	}
	for (i = 0; i < nd->nkids; i++)
		if (!ps->node[nd->kid[i]].size) {
			len[i] = (total - fixed) / nflex;
			last = i;
		}
	/* the last flexible child (or the last child) takes the rounding */
	if (last < 0)
		last = nd->nkids - 1;
	for (i = 0, asked = 0; i < nd->nkids; i++)
		asked += len[i];
	len[last] += total - asked;
}

static void place(const struct parser *ps, int idx, struct rect r,
		  struct layout_slot *slot, int max, int *n)
{
	const struct lnode *nd = &ps->node[idx];
	int len[MAX_KIDS], i, at;

	if (nd->panel >= 0) {
		if (*n < max) {
			slot[*n].panel = nd->panel;
			slot[*n].r = r;
			(*n)++;
		}
		return;
	}
	share(ps, nd, nd->dir == 'h' ? r.w : r.h, len);
	for (i = 0, at = 0; i < nd->nkids; i++) {
		struct rect k = r;

		if (nd->dir == 'h') {
			k.x = r.x + at;
			k.w = len[i];
		} else {
			k.y = r.y + at;
			k.h = len[i];
		}
		at += len[i];
		place(ps, nd->kid[i], k, slot, max, n);
	}
}

int layout_arrange(int i, struct rect area, struct layout_slot *slot, int max)
{
	struct parser ps;
	int root, n = 0;

	if (i < 0 || i >= NR_LAYOUTS)
		return 0;
	memset(&ps, 0, sizeof(ps));
	ps.p = layouts[i].spec;
	root = parse_node(&ps);
	if (root < 0 || *ps.p)
		return 0;
	place(&ps, root, area, slot, max, &n);
	return n;
}

int layout_has(int i, int panel)
{
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
	struct rect area = { 0, 0, TUI_MIN_W, TUI_MIN_H };
	int k, n = layout_arrange(i, area, slot, LAYOUT_MAX_SLOTS);

	for (k = 0; k < n; k++)
		if (slot[k].panel == panel)
			return 1;
	return 0;
}
