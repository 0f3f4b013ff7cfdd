/*
 * lhandle.c - page and cache handles.
 *
 * A handle never points into the model.  A page handle keeps the pfn and
 * order the allocation returned and, before every use, checks that the
 * pfn still heads an allocation of that order; once freed (through it or
 * otherwise) it raises "invalid reference".  A cache handle keeps the
 * cache's id (ids are never reused) and looks the cache up on every use,
 * so a destroyed cache is noticed the same way (vis's obj_ref_check).
 * Handles made before `machine` replaced the machine are all invalid: each
 * carries the machine generation it was made in.
 *
 * A page handle from alloc_pages{step=true} starts pending: the host keeps
 * it alive in h->pending[cpu] until the command layer reports the request
 * finished (lh_req_done fills it in) - whether a script's mm.finish(), a
 * typed `continue` or a `tick` moved it on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define PAGE_MT "mm.page"
#define CACHE_MT "mm.cache"

enum lpage_state { LP_PENDING, LP_LIVE, LP_FAILED, LP_FREED };
static const char *const lpage_state_names[] = { "pending", "allocated", "failed", "freed" };

struct lpage {
	enum lpage_state state;
	unsigned long pfn;
	int order, zone_idx, mt, cpu;
	unsigned long gen;
	int live_idx;          /* its slot in h->live while tracked */
	struct lpage *hnext;   /* the next live handle in its pfn bucket */
	char *why;             /* LP_FAILED: why (malloc'ed, freed by __gc), else NULL */
};

struct lcache {
	int id;
	unsigned long gen;
	char name[48];
};

/* ---- live handles -------------------------------------------------------------------
 *
 * pfn and order alone cannot tell an allocation from a later one that got
 * the same pfn (free_pages typed at the prompt, then a new alloc_pages): a
 * handle would then free somebody else's page.  So the host keeps the
 * handles of live allocations and its listener marks them freed when the
 * model frees their pfn (mm_page_free).  The set is small (the handles a
 * script holds); a handle leaves it when freed or collected.  Each costs
 * the same however many there are: a handle knows its slot (live_idx),
 * and one block holds h->live's caplive slots followed by 2 * caplive
 * buckets of the same handles by pfn, chained through hnext.
 */
static struct lpage **live_bucket(struct lhost *h, unsigned long pfn)
{
	/* caplive is a power of two */
	return &h->live[h->caplive + (pfn & (2 * (unsigned long)h->caplive - 1))];
}

static void bucket_del(struct lhost *h, struct lpage *p)
{
	struct lpage **pp = live_bucket(h, p->pfn);

	while (*pp && *pp != p)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = p->hnext;
}

static void bucket_add(struct lhost *h, struct lpage *p)
{
	struct lpage **pp = live_bucket(h, p->pfn);

	p->hnext = *pp;
	*pp = p;
}

/* forget every handle (the machine was replaced: their gen says they are gone) */
static void live_clear(struct lhost *h)
{
	h->nlive = 0;
	if (h->live)
		memset(h->live + h->caplive, 0, 2 * (size_t)h->caplive * sizeof(*h->live));
}

static int live_tracked(const struct lhost *h, const struct lpage *p)
{
	return p->live_idx >= 0 && p->live_idx < h->nlive && h->live[p->live_idx] == p;
}

static void live_del(struct lhost *h, struct lpage *p)
{
	int i = p->live_idx;

	if (!live_tracked(h, p))
		return;
	bucket_del(h, p);
	h->live[i] = h->live[--h->nlive];
	h->live[i]->live_idx = i;
}

static void live_add(struct lhost *h, struct lpage *p)
{
	if (h->nlive == h->caplive) {
		int first = !h->caplive, cap = h->caplive ? 2 * h->caplive : 16;
		struct lpage **live = calloc(3 * (size_t)cap, sizeof(*live));

		if (!live) /* without tracking, page_alive's check still holds */
			return;
		if (h->nlive)
			memcpy(live, h->live, (size_t)h->nlive * sizeof(*live));
		free(h->live);
		h->live = live;
		h->caplive = cap;
		for (int i = 0; i < h->nlive; i++)
			bucket_add(h, h->live[i]);
		if (first) /* from now on the host listens for page frees */
			lh_events_update(h);
	}
	p->live_idx = h->nlive;
	h->live[h->nlive++] = p;
	bucket_add(h, p);
}

/* the model freed pfn: the first live handle of it (by slot) is freed */
void lh_live_freed(struct lhost *h, unsigned long pfn)
{
	struct lpage *found = NULL;

	if (!h->nlive)
		return;
	for (struct lpage *p = *live_bucket(h, pfn); p; p = p->hnext)
		if (p->pfn == pfn && (!found || p->live_idx < found->live_idx))
			found = p;
	if (found) {
		found->state = LP_FREED;
		live_del(h, found);
	}
}

/* page frees, once the host has had a live handle: subscribing and
 * unsubscribing at every first and last handle would cost more than the
 * events (the listener looks a pfn up in one bucket) */
unsigned int lh_handles_mask(const struct lhost *h)
{
	return h->caplive ? MM_EV_BIT(MM_EV_PAGE_FREE) : 0;
}

static int page_gc(lua_State *L)
{
	struct lpage *p = luaL_checkudata(L, 1, PAGE_MT);

	if (p->state == LP_LIVE)
		live_del(lh_host(L), p);
	free(p->why);
	p->why = NULL;
	return 0;
}

/* the handle failed, and why (kept small: most handles never fail) */
static void page_failed(struct lpage *p, const char *why)
{
	p->state = LP_FAILED;
	free(p->why);
	p->why = strdup(why);
}

static const char *page_why(const struct lpage *p)
{
	return p->why ? p->why : "out of memory";
}

/* ---- pages ----------------------------------------------------------------------- */

static struct lpage *new_page(lua_State *L, struct lhost *h, int cpu)
{
	struct lpage *p = lua_newuserdatauv(L, sizeof(*p), 0);

	memset(p, 0, sizeof(*p));
	p->live_idx = -1;
	p->cpu = cpu;
	p->gen = h->machine_gen;
	luaL_setmetatable(L, PAGE_MT);
	return p;
}

void lh_fill_page(struct lhost *h, struct lpage *p, const struct cmd_outcome *o)
{
	if (o->status == CMD_REQ_FAILED) {
		page_failed(p, o->rc == MM_ENOMEM && o->res.why[0] ? o->res.why : o->text);
		return;
	}
	p->state = LP_LIVE;
	p->pfn = o->result;
	p->order = o->res.order;
	p->zone_idx = o->res.zone_idx;
	p->mt = o->res.migratetype;
	p->cpu = o->cpu;
	live_add(h, p);
}

void lh_push_page(lua_State *L, struct lhost *h, const struct cmd_outcome *o)
{
	lh_fill_page(h, new_page(L, h, o->cpu), o);
}

struct lpage *lh_new_pending(lua_State *L, struct lhost *h, int cpu)
{
	struct lpage *p = new_page(L, h, cpu);
	struct lh_pending *pd = &h->pending[cpu];

	p->state = LP_PENDING;
	luaL_unref(L, LUA_REGISTRYINDEX, pd->ref);
	lua_pushvalue(L, -1);
	pd->ref = luaL_ref(L, LUA_REGISTRYINDEX);
	pd->p = p;
	pd->done = 0;
	return p;
}

void lh_page_freed(struct lhost *h, struct lpage *p)
{
	if (p->state == LP_LIVE)
		live_del(h, p);
	p->state = LP_FREED;
}

/* does the model still hold the allocation this handle names? */
static int page_alive(struct lhost *h, struct lpage *p)
{
	struct mm_page_cell pc;

	if (p->gen != h->machine_gen || mm_view_page_cell(h->c->m, p->pfn, &pc))
		return 0;
	return (pc.flags & PG_head) && !(pc.flags & (PG_buddy | PG_pcp)) && pc.order == p->order;
}

/* raise unless the handle names a live allocation */
static void page_check(lua_State *L, struct lhost *h, struct lpage *p)
{
	if (p->gen != h->machine_gen)
		luaL_error(L, "invalid reference (the machine was replaced)");
	if (p->state == LP_LIVE && !page_alive(h, p))
		lh_page_freed(h, p);
	if (p->state == LP_FREED) {
		char pfn[32];

		snprintf(pfn, sizeof(pfn), "0x%lx", p->pfn);
		luaL_error(L, "invalid reference (page %s was freed)", pfn);
	}
}

struct lpage *lh_topage(lua_State *L, int arg, const char *fname, unsigned long *pfn, int *order)
{
	struct lpage *p = luaL_testudata(L, arg, PAGE_MT);
	struct lhost *h = lh_host(L);

	if (!p)
		return NULL;
	page_check(L, h, p);
	if (p->state == LP_PENDING)
		lh_argerror(L, arg, fname, "the page's allocation has not finished");
	if (p->state == LP_FAILED)
		lh_argerror(L, arg, fname, "the page's allocation failed: %s", page_why(p));
	*pfn = p->pfn;
	*order = p->order;
	return p;
}

static int page_index(lua_State *L)
{
	struct lhost *h = lh_host(L);
	struct lpage *p = luaL_checkudata(L, 1, PAGE_MT);
	const char *key = luaL_checkstring(L, 2);
	struct mm_machine *m = h->c->m;
	int live;

	lh_handles_sync(L, h);
	if (strcmp(key, "free") == 0) {
		if (h->page_free_ref == LUA_NOREF) {
			lua_pushlightuserdata(L, h);
			lua_pushcclosure(L, lh_free_pages, 1);
			h->page_free_ref = luaL_ref(L, LUA_REGISTRYINDEX);
		}
		lua_rawgeti(L, LUA_REGISTRYINDEX, h->page_free_ref);
		return 1;
	}
	page_check(L, h, p);
	live = p->state == LP_LIVE;
	if (strcmp(key, "state") == 0)
		lua_pushstring(L, lpage_state_names[p->state]);
	else if (strcmp(key, "pending") == 0)
		lua_pushboolean(L, p->state == LP_PENDING);
	else if (strcmp(key, "error") == 0 && p->state == LP_FAILED)
		lua_pushstring(L, page_why(p));
	else if (strcmp(key, "cpu") == 0)
		lua_pushinteger(L, p->cpu);
	else if (live && strcmp(key, "pfn") == 0)
		lua_pushinteger(L, (lua_Integer)p->pfn);
	else if (live && strcmp(key, "order") == 0)
		lua_pushinteger(L, p->order);
	else if (live && strcmp(key, "zone") == 0)
		lua_pushstring(L, mm_view_zone_name(m, p->zone_idx) ? mm_view_zone_name(m, p->zone_idx) : "?");
	else if (live && strcmp(key, "migratetype") == 0)
		lua_pushstring(L, lh_mt_name(p->mt));
	else
		lua_pushnil(L);
	return 1;
}

static int page_tostring(lua_State *L)
{
	struct lpage *p = luaL_checkudata(L, 1, PAGE_MT);
	char text[96];

	if (p->state == LP_LIVE || p->state == LP_FREED)
		snprintf(text, sizeof(text), "page 0x%lx order %d%s", p->pfn, p->order,
			 p->state == LP_FREED ? " (freed)" : "");
	else
		snprintf(text, sizeof(text), "page (%s on cpu%d)", lpage_state_names[p->state], p->cpu);
	lua_pushstring(L, text);
	return 1;
}

static int page_eq(lua_State *L)
{
	struct lpage *a = luaL_checkudata(L, 1, PAGE_MT), *b = luaL_checkudata(L, 2, PAGE_MT);

	lua_pushboolean(L, a->state == LP_LIVE && b->state == LP_LIVE && a->pfn == b->pfn &&
				   a->order == b->order && a->gen == b->gen);
	return 1;
}

/* ---- caches ------------------------------------------------------------------------ */

void lh_push_cache(lua_State *L, struct lhost *h, int id)
{
	struct lcache *lc = lua_newuserdatauv(L, sizeof(*lc), 0);
	const char *name;

	lc->id = id;
	lc->gen = h->machine_gen;
	name = mm_view_cache_name(h->c->m, lc->id);
	snprintf(lc->name, sizeof(lc->name), "%s", name ? name : "?");
	luaL_setmetatable(L, CACHE_MT);
}

/* the id of the cache a handle names, looked up anew; raises if it is gone */
static int cache_check(lua_State *L, struct lhost *h, int arg)
{
	struct lcache *lc = luaL_checkudata(L, arg, CACHE_MT);
	struct mm_machine *m = h->c->m;
	const char *name;

	lh_handles_sync(L, h);
	if (lc->gen == h->machine_gen && (name = mm_view_cache_name(m, lc->id)) != NULL &&
	    strcmp(name, lc->name) == 0)
		return lc->id;
	return luaL_error(L, "invalid reference (cache '%s' was destroyed)", lc->name);
}

/* cache:alloc([gfp [, {cpu=}]]) -> address, or nil, reason */
static int cache_alloc(lua_State *L)
{
	static const char *const keys[] = { "cpu", NULL };
	struct lhost *h = lh_enter(L);
	struct mm_request_spec proto = { .kind = REQ_KMEM_CACHE_ALLOC };

	proto.cache = cache_check(L, h, 1);
	proto.gfp = lh_checkgfp(L, 2, "alloc", GFP_KERNEL);
	lh_checkopts(L, 3, "alloc", keys);
	proto.cpu = lh_optcpu(L, 3, "alloc", h);
	return lh_kmem_alloc(L, h, &proto);
}

/* cache:free(addr [, {cpu=}]) */
static int cache_free(lua_State *L)
{
	static const char *const keys[] = { "cpu", NULL };
	struct lhost *h = lh_enter(L);
	int k = cache_check(L, h, 1);
	unsigned long addr = (unsigned long)lh_checkint(L, 2, "free");
	int cpu;

	lh_checkopts(L, 3, "free", keys);
	cpu = lh_optcpu(L, 3, "free", h);
	if (mm_kmem_cache_free(h->c->m, cpu, k, addr) < 0) {
		cmd_sync(h->c);
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	}
	cmd_sync(h->c);
	lua_pushboolean(L, 1);
	return 1;
}

/* cache:shrink() -> 1 if objects remain, 0 if every slab was released */
static int cache_shrink(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	int k = cache_check(L, h, 1);
	int rc = mm_kmem_cache_shrink(h->c->m, mm_view_cur_cpu(h->c->m), k);

	cmd_sync(h->c);
	if (rc < 0)
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	lua_pushinteger(L, rc);
	return 1;
}

static int cache_destroy(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	int k = cache_check(L, h, 1);

	if (mm_kmem_cache_destroy(h->c->m, mm_view_cur_cpu(h->c->m), k) < 0) {
		cmd_sync(h->c);
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	}
	cmd_sync(h->c);
	lua_pushboolean(L, 1);
	return 1;
}

static int cache_info(lua_State *L)
{
	struct lhost *h = lh_host(L);

	return lh_cache_info(L, h, cache_check(L, h, 1));
}

static const luaL_Reg cache_methods[] = {
	{ "alloc", cache_alloc },
	{ "free", cache_free },
	{ "shrink", cache_shrink },
	{ "destroy", cache_destroy },
	{ "info", cache_info },
	{ NULL, NULL },
};

static int cache_index(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *key = luaL_checkstring(L, 2);
	int i, k;

	for (i = 0; cache_methods[i].name; i++)
		if (strcmp(key, cache_methods[i].name) == 0) {
			lua_pushlightuserdata(L, h);
			lua_pushcclosure(L, cache_methods[i].func, 1);
			return 1;
		}
	k = cache_check(L, h, 1);
	if (strcmp(key, "name") == 0)
		lua_pushstring(L, mm_view_cache_name(h->c->m, k));
	else if (strcmp(key, "id") == 0)
		lua_pushinteger(L, k);
	else if (strcmp(key, "size") == 0 || strcmp(key, "object_size") == 0) {
		struct mm_cache_view v;

		mm_view_cache(h->c->m, k, &v);
		lua_pushinteger(L, key[0] == 's' ? v.size : v.object_size);
	} else
		lua_pushnil(L);
	return 1;
}

static int cache_tostring(lua_State *L)
{
	struct lcache *lc = luaL_checkudata(L, 1, CACHE_MT);

	lua_pushfstring(L, "cache '%s'", lc->name);
	return 1;
}

/* ---- keeping handles in step with the model ----------------------------------------- */

void lh_handles_sync(lua_State *L, struct lhost *h)
{
	int i, replaced = h->c->machine_gen != h->gen_seen, ncpus = MM_MAX_CPUS;

	if (replaced) {
		h->machine_gen++;
		h->gen_seen = h->c->machine_gen;
		live_clear(h); /* their gen says they are gone */
		lh_events_update(h);
	} else if (h->c->m) {
		/* a request pends on one of this machine's cpus: any on another
		 * machine's was settled when that machine was replaced */
		ncpus = mm_view_nr_cpus(h->c->m);
	}
	for (i = 0; i < ncpus; i++) {
		struct lh_pending *pd = &h->pending[i];

		if (pd->ref == LUA_NOREF || !(pd->done || replaced))
			continue;
		if (!pd->done)
			page_failed(pd->p, "the machine was replaced");
		luaL_unref(L, LUA_REGISTRYINDEX, pd->ref);
		pd->ref = LUA_NOREF;
		pd->p = NULL;
		pd->done = 0;
	}
}

static void new_mt(lua_State *L, struct lhost *h, const char *name, lua_CFunction index,
		   lua_CFunction tostring)
{
	luaL_newmetatable(L, name);
	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, tostring);
	lua_setfield(L, -2, "__tostring");
	lua_pushliteral(L, "mmscope handle");
	lua_setfield(L, -2, "__metatable");
}

void lh_open_handles(lua_State *L, struct lhost *h)
{
	new_mt(L, h, PAGE_MT, page_index, page_tostring);
	lua_pushcfunction(L, page_eq);
	lua_setfield(L, -2, "__eq");
	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, page_gc, 1);
	lua_setfield(L, -2, "__gc");
	lua_pop(L, 1);
	new_mt(L, h, CACHE_MT, cache_index, cache_tostring);
	lua_pop(L, 1);
}
