/*
 * levents.c - mm.on(event, fn [, filter]) and mm.off(id): a script's
 * callbacks on what the model does, as sysdig chisels and Wireshark's Lua
 * taps have them.
 *
 * The host adds one command-layer listener (cmd_listen) whose mask is the
 * union of what the handlers need.  Each event is matched against every
 * handler's filter here in C, and Lua is called only for the ones that
 * pass, with a fresh table of the event's fields.
 *
 * Event names: every tracepoint (mm_page_alloc, mm_page_free, kmalloc,
 * kmem_cache_alloc, mm_compaction_migratepages, ...), "printk",
 * "bad_page", "stage" (every stage point: kind = enter, exit or note) or
 * one of stage_enter/stage_exit/stage_note, and three of the issue's:
 *
 *   kswapd_wake  wakeup_kswapd returned having woken kswapd ("below the
 *                low watermark: woken"); zone and order from its entry
 *   compaction   the three mm_compaction_* tracepoints
 *   oom          the OOM killer's printk lines: what = "invoked" (with
 *                gfp, order), "killed" (pid, name) or "panic"
 *
 * A callback runs inside the model's observer, in the middle of an
 * operation: it may read state (mm.zones(), mm.page(), ...) and narrate,
 * but anything that changes the model raises.  A callback that fails is
 * reported and switched off.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *const filter_keys[] = { "order", "min_order", "zone", "migratetype", "cpu",
					   "pfn", "func", "cache", NULL };

/* ---- the listener's mask ------------------------------------------------------------- */

static void listener(struct mm_machine *m, const struct mm_event *ev, void *ud);

static void update_mask(struct lhost *h)
{
	unsigned int mask = lh_handles_mask(h);
	int i;

	h->handler_mask = 0;
	for (i = 0; i < LH_MAX_HANDLERS; i++)
		if (h->handlers[i].id)
			h->handler_mask |= h->handlers[i].mask;
	mask |= h->handler_mask;
	if (h->listen_id < 0 && mask)
		h->listen_id = cmd_listen(h->c, listener, h, mask);
	else if (h->listen_id >= 0)
		cmd_listen_mask(h->c, h->listen_id, mask);
}

void lh_events_update(struct lhost *h)
{
	update_mask(h);
}

/* ---- matching -------------------------------------------------------------------------- */

static int event_zone(struct mm_machine *m, const struct mm_event *ev)
{
	if (ev->pfn == MM_NOPFN || ev->type >= MM_EV_NR_TRACEPOINTS)
		return -1;
	return mm_view_pfn_zone(m, ev->pfn);
}

static int is_kmem(const struct mm_event *ev)
{
	return ev->type >= MM_EV_KMALLOC && ev->type <= MM_EV_KMEM_CACHE_FREE;
}

static const char *event_cache(struct mm_machine *m, const struct mm_event *ev)
{
	if (!is_kmem(ev) || !ev->ptr)
		return NULL;
	return mm_view_object_cache(m, ev->ptr);
}

static int matches(struct mm_machine *m, const struct lh_filter *f, const struct mm_event *ev)
{
	const char *cache;

	if ((f->set & LF_ORDER) && ev->order != f->order)
		return 0;
	if ((f->set & LF_MIN_ORDER) && ev->order < f->min_order)
		return 0;
	if ((f->set & LF_CPU) && ev->cpu != f->cpu)
		return 0;
	if ((f->set & LF_MT) && ev->migratetype != f->mt)
		return 0;
	if ((f->set & LF_PFN) && ev->pfn != f->pfn)
		return 0;
	if ((f->set & LF_FUNC) && ((int)ev->func != f->func || ev->type < MM_EV_NR_TRACEPOINTS))
		return 0;
	if ((f->set & LF_ZONE) && event_zone(m, ev) != f->zone_idx)
		return 0;
	if ((f->set & LF_CACHE_SIZE) && (!is_kmem(ev) || ev->bytes_alloc != f->cache_size))
		return 0;
	if (f->set & LF_CACHE) {
		cache = event_cache(m, ev);
		if (!cache || strcmp(cache, f->cache) != 0)
			return 0;
	}
	return 1;
}

/* ---- the event as a table ------------------------------------------------------------- */

static void set_int(lua_State *L, const char *key, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, key);
}

static void set_str(lua_State *L, const char *key, const char *v)
{
	lua_pushstring(L, v);
	lua_setfield(L, -2, key);
}

static void push_page_fields(lua_State *L, struct mm_machine *m, const struct mm_event *ev)
{
	struct mm_zone_view zv;
	char gfp[256];
	int z = event_zone(m, ev);

	if (ev->pfn != MM_NOPFN)
		set_int(L, "pfn", (lua_Integer)ev->pfn);
	set_int(L, "order", ev->order);
	set_str(L, "migratetype", lh_mt_name(ev->migratetype));
	if (z >= 0 && mm_view_zone(m, z, &zv) == 0)
		set_str(L, "zone", zv.name);
	if (ev->type == MM_EV_PAGE_ALLOC) {
		set_int(L, "gfp", ev->gfp);
		mm_gfp_format(ev->gfp, gfp, sizeof(gfp));
		set_str(L, "gfp_flags", gfp);
	}
	if (ev->type == MM_EV_PAGE_FREE_BATCHED)
		set_int(L, "cold", ev->cold);
	if (ev->type == MM_EV_PAGE_ALLOC_ZONE_LOCKED)
		set_int(L, "percpu_refill", ev->percpu_refill);
	if (ev->type == MM_EV_PAGE_ALLOC_EXTFRAG) {
		set_int(L, "fallback_order", ev->fallback_order);
		set_str(L, "fallback_migratetype", lh_mt_name(ev->fallback_mt));
		set_int(L, "change_ownership", ev->change_ownership);
	}
}

static void push_kmem_fields(lua_State *L, struct mm_machine *m, const struct mm_event *ev)
{
	const char *cache = event_cache(m, ev);
	char gfp[256];

	set_int(L, "ptr", (lua_Integer)ev->ptr);
	set_int(L, "call_site", (lua_Integer)ev->call_site);
	if (ev->type == MM_EV_KMALLOC || ev->type == MM_EV_KMEM_CACHE_ALLOC) {
		set_int(L, "bytes_req", (lua_Integer)ev->bytes_req);
		set_int(L, "bytes_alloc", (lua_Integer)ev->bytes_alloc);
		set_int(L, "gfp", ev->gfp);
		mm_gfp_format(ev->gfp, gfp, sizeof(gfp));
		set_str(L, "gfp_flags", gfp);
	}
	if (cache)
		set_str(L, "cache", cache);
}

/* reason: its text; values: its arguments, numbers and strings, in order */
static void push_reason(lua_State *L, const struct mm_reason *r)
{
	char text[256];

	mm_reason_format(r, text, sizeof(text));
	set_str(L, "reason", text);
	lua_createtable(L, r ? r->nargs : 0, 0);
	for (int i = 0; r && i < r->nargs; i++) {
		switch (r->kind[i]) {
		case MM_ARG_STR:
			lua_pushstring(L, r->str + r->arg[i].str);
			break;
		case MM_ARG_INT:
		case MM_ARG_LONG:
		case MM_ARG_LLONG:
			lua_pushinteger(L, (lua_Integer)r->arg[i].i);
			break;
		default:
			lua_pushinteger(L, (lua_Integer)r->arg[i].u);
			break;
		}
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "values");
}

static void push_stage_fields(lua_State *L, const struct mm_event *ev)
{
	static const char *const kinds[] = { "enter", "exit" };

	set_str(L, "kind", ev->type == MM_EV_STAGE_NOTE ? "note" : kinds[ev->type - MM_EV_STAGE_ENTER]);
	set_str(L, "func", mm_func_names[ev->func]);
	set_int(L, "depth", ev->depth);
	push_reason(L, ev->reason);
}

/* kswapd_wake: the typed event; func and reason say where it fires */
static void push_kswapd_fields(lua_State *L, struct mm_machine *m, const struct mm_event *ev)
{
	struct mm_zone_view zv;

	if (mm_view_zone(m, ev->zone_idx, &zv) == 0)
		set_str(L, "zone", zv.name);
	set_int(L, "order", ev->order);
	set_int(L, "classzone_idx", ev->classzone_idx);
	set_str(L, "func", "wakeup_kswapd");
	set_str(L, "reason", "below the low watermark: woken");
}

static void push_oom_fields(lua_State *L, const struct mm_event *ev)
{
	switch (ev->oom) {
	case MM_OOM_INVOKED:
		set_str(L, "what", "invoked");
		set_str(L, "task", ev->comm ? ev->comm : "");
		set_int(L, "gfp", ev->gfp);
		set_int(L, "order", ev->order);
		break;
	case MM_OOM_KILLED:
		set_str(L, "what", "killed");
		set_int(L, "pid", ev->pid);
		set_str(L, "name", ev->comm ? ev->comm : "");
		break;
	default:
		set_str(L, "what", "panic");
		break;
	}
}

static void push_event(lua_State *L, struct lhost *h, const struct lh_handler *hd,
		       const struct mm_event *ev)
{
	struct mm_machine *m = h->c->m;
	char line[512];

	lua_createtable(L, 0, 12);
	set_str(L, "name", hd->kind == EVK_PLAIN || hd->kind == EVK_STAGE ?
				   mm_event_names[ev->type] : hd->name);
	if (hd->kind == EVK_STAGE)
		set_str(L, "name", "stage");
	if (hd->kind == EVK_COMPACTION)
		set_str(L, "tracepoint", mm_event_names[ev->type]);
	set_int(L, "cpu", ev->cpu);
	if (ev->type < MM_EV_NR_TRACEPOINTS || ev->type == MM_EV_KSWAPD_WAKE || ev->type == MM_EV_OOM) {
		line[0] = '\0';
		mm_event_format(m, ev, line, sizeof(line));
		set_str(L, "text", line);
	} else if (ev->reason) {
		mm_reason_format(ev->reason, line, sizeof(line) < 256 ? sizeof(line) : 256);
		set_str(L, "text", line);
	} else if (ev->text) {
		set_str(L, "text", ev->text);
	}
	if (is_kmem(ev))
		push_kmem_fields(L, m, ev);
	else if (ev->type >= MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES && ev->type <= MM_EV_COMPACTION_MIGRATEPAGES) {
		if (ev->type == MM_EV_COMPACTION_MIGRATEPAGES) {
			set_int(L, "nr_migrated", (lua_Integer)ev->nr_migrated);
			set_int(L, "nr_failed", (lua_Integer)ev->nr_failed);
		} else {
			set_int(L, "nr_scanned", (lua_Integer)ev->nr_scanned);
			set_int(L, "nr_taken", (lua_Integer)ev->nr_taken);
		}
	} else if (ev->type < MM_EV_NR_TRACEPOINTS)
		push_page_fields(L, m, ev);
	else if (ev->type == MM_EV_STAGE_ENTER || ev->type == MM_EV_STAGE_EXIT || ev->type == MM_EV_STAGE_NOTE)
		push_stage_fields(L, ev);
	if (ev->type == MM_EV_KSWAPD_WAKE)
		push_kswapd_fields(L, m, ev);
	if (ev->type == MM_EV_OOM)
		push_oom_fields(L, ev);
}

/* ---- calling the handlers ----------------------------------------------------------------- */

static void handler_drop(lua_State *L, struct lhost *h, struct lh_handler *hd)
{
	luaL_unref(L, LUA_REGISTRYINDEX, hd->ref);
	memset(hd, 0, sizeof(*hd));
	update_mask(h);
}

/* the handler's function with the event's table; protected, since
 * building the table allocates and the model is in the middle of its work */
static int run_handler(lua_State *L)
{
	struct lhost *h = lua_touserdata(L, 1);
	struct lh_handler *hd = lua_touserdata(L, 2);
	const struct mm_event *ev = lua_touserdata(L, 3);

	lua_rawgeti(L, LUA_REGISTRYINDEX, hd->ref);
	push_event(L, h, hd, ev);
	lua_call(L, 1, 0);
	return 0;
}

static void call_handler(struct lhost *h, lua_State *L, struct lh_handler *hd,
			 const struct mm_event *ev)
{
	char prefix[64];

	if (!lua_checkstack(L, 8))
		return;
	lua_pushcfunction(L, run_handler);
	lua_pushlightuserdata(L, h);
	lua_pushlightuserdata(L, hd);
	lua_pushlightuserdata(L, (void *)ev);
	snprintf(prefix, sizeof(prefix), "lua: %s callback", hd->name);
	h->in_callback = 1;
	if (lh_pcall(h, L, 3, prefix) < 0)
		handler_drop(L, h, hd); /* reported; do not repeat it for every event */
	h->in_callback = 0;
}

static void listener(struct mm_machine *m, const struct mm_event *ev, void *ud)
{
	struct lhost *h = ud;
	lua_State *L = h->active ? h->active : h->L;
	int i;

	if (ev->type == MM_EV_PAGE_FREE)
		lh_live_freed(h, ev->pfn);
	/* no handler for it (the live page handles alone listen), a
	 * callback's own events, or Lua busy where we cannot reach it */
	if (!(h->handler_mask & MM_EV_BIT(ev->type)) || h->in_callback ||
	    (h->depth > 0 && !h->active))
		return;
	for (i = 0; i < LH_MAX_HANDLERS; i++) {
		struct lh_handler *hd = &h->handlers[i];

		if (hd->id && (hd->mask & MM_EV_BIT(ev->type)) &&
		    matches(m, &hd->f, ev))
			call_handler(h, L, hd, ev);
	}
}

/* ---- mm.on / mm.off -------------------------------------------------------------------------- */

/* the event name: its kind and the events it needs */
static void resolve_name(lua_State *L, struct lh_handler *hd, const char *name)
{
	int t = mm_event_by_name(name);

	hd->kind = EVK_PLAIN;
	if (strcmp(name, "stage") == 0) {
		hd->kind = EVK_STAGE;
		hd->mask = MM_EV_STAGES;
	} else if (strcmp(name, "compaction") == 0) {
		hd->kind = EVK_COMPACTION;
		hd->mask = MM_EV_BIT(MM_EV_COMPACTION_ISOLATE_MIGRATEPAGES) |
			   MM_EV_BIT(MM_EV_COMPACTION_ISOLATE_FREEPAGES) |
			   MM_EV_BIT(MM_EV_COMPACTION_MIGRATEPAGES);
	} else if (t >= 0) {
		hd->mask = MM_EV_BIT(t);
	} else {
		lh_argerror(L, 1, "on", "unknown event '%s'", name);
	}
	snprintf(hd->name, sizeof(hd->name), "%s", name);
}

static int filter_int(lua_State *L, const char *key, int lo, int hi)
{
	if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < lo || lua_tointeger(L, -1) > hi)
		lh_argerror(L, 3, "on", "filter %s must be %d..%d", key, lo, hi);
	return (int)lua_tointeger(L, -1);
}

static void filter_field(lua_State *L, struct lhost *h, struct lh_filter *f, const char *key)
{
	struct mm_machine *m = h->c->m;

	if (!strcmp(key, "order") || !strcmp(key, "min_order")) {
		int v = filter_int(L, key, 0, MAX_ORDER - 1);

		f->set |= key[0] == 'o' ? LF_ORDER : LF_MIN_ORDER;
		*(key[0] == 'o' ? &f->order : &f->min_order) = v;
	} else if (!strcmp(key, "cpu")) {
		struct mm_machine_view mv;

		mm_view_machine(m, &mv);
		f->cpu = filter_int(L, key, 0, mv.nr_cpus - 1);
		f->set |= LF_CPU;
	} else if (!strcmp(key, "pfn")) {
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0)
			lh_argerror(L, 3, "on", "filter pfn must be a pfn");
		f->pfn = (unsigned long)lua_tointeger(L, -1);
		f->set |= LF_PFN;
	} else if (!strcmp(key, "zone")) {
		int z = lua_type(L, -1) == LUA_TSTRING ? mm_view_zone_find(m, lua_tostring(L, -1)) : -1;

		if (z < 0)
			lh_argerror(L, 3, "on", "filter zone must name a zone of this machine");
		f->zone_idx = z;
		f->set |= LF_ZONE;
	} else if (!strcmp(key, "migratetype")) {
		f->mt = lua_type(L, -1) == LUA_TSTRING ? lh_mt_by_name(lua_tostring(L, -1)) : -1;
		if (f->mt < 0)
			lh_argerror(L, 3, "on", "filter migratetype must be Unmovable, Reclaimable, Movable, Reserve or Isolate");
		f->set |= LF_MT;
	} else if (!strcmp(key, "func")) {
		f->func = lua_type(L, -1) == LUA_TSTRING ? mm_func_by_name(lua_tostring(L, -1)) : -1;
		if (f->func < 0)
			lh_argerror(L, 3, "on", "filter func must name a stage point (see 'info stages')");
		f->set |= LF_FUNC;
	} else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) > 0) { /* cache = object size */
		f->cache_size = (unsigned long)lua_tointeger(L, -1);
		f->set |= LF_CACHE_SIZE;
	} else if (lua_type(L, -1) == LUA_TSTRING) {
		snprintf(f->cache, sizeof(f->cache), "%s", lua_tostring(L, -1));
		f->set |= LF_CACHE;
	} else {
		lh_argerror(L, 3, "on", "filter cache must be a cache name or an object size");
	}
}

static void read_filter(lua_State *L, struct lhost *h, struct lh_filter *f)
{
	int i;

	memset(f, 0, sizeof(*f));
	lh_checkopts(L, 3, "on", filter_keys);
	if (!lua_istable(L, 3))
		return;
	for (i = 0; filter_keys[i]; i++) {
		if (lua_getfield(L, 3, filter_keys[i]) != LUA_TNIL)
			filter_field(L, h, f, filter_keys[i]);
		lua_pop(L, 1);
	}
}

/* on(event, fn [, filter]) -> id */
static int l_on(lua_State *L)
{
	struct lhost *h = lh_host(L);
	struct lh_handler hd, *slot = NULL;
	int i;

	if (h->in_callback)
		return luaL_error(L, "mm: not allowed inside an event callback");
	memset(&hd, 0, sizeof(hd));
	resolve_name(L, &hd, lh_checkstr(L, 1, "on"));
	lh_checktype(L, 2, LUA_TFUNCTION, "on");
	read_filter(L, h, &hd.f);
	for (i = 0; i < LH_MAX_HANDLERS && !slot; i++)
		if (!h->handlers[i].id)
			slot = &h->handlers[i];
	if (!slot)
		return luaL_error(L, "mm.on: too many handlers (at most %d)", LH_MAX_HANDLERS);
	lua_pushvalue(L, 2);
	hd.ref = luaL_ref(L, LUA_REGISTRYINDEX);
	hd.id = ++h->next_handler_id;
	*slot = hd;
	update_mask(h);
	if (h->listen_id < 0) {
		handler_drop(L, h, slot);
		return luaL_error(L, "mm.on: the command layer has no free listener slot");
	}
	lua_pushinteger(L, hd.id);
	return 1;
}

/* off(id) -> true if it was there */
static int l_off(lua_State *L)
{
	struct lhost *h = lh_host(L);
	lua_Integer id = lh_checkint(L, 1, "off");
	int i;

	for (i = 0; i < LH_MAX_HANDLERS; i++)
		if (h->handlers[i].id && h->handlers[i].id == id) {
			handler_drop(L, h, &h->handlers[i]);
			lua_pushboolean(L, 1);
			return 1;
		}
	lua_pushboolean(L, 0);
	return 1;
}

void lh_events_fini(struct lhost *h)
{
	if (h->listen_id >= 0)
		cmd_unlisten(h->c, h->listen_id);
	h->listen_id = -1;
}

const luaL_Reg lh_event_fns[] = {
	{ "on", l_on },
	{ "off", l_off },
	{ NULL, NULL },
};
