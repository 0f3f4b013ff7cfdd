/*
 * lmm.c - the `mm` module: what a script does to the model.
 *
 * Allocations and frees run through cmd_request_run, the path the
 * commands take (directly, or as requests when something is stopped or
 * stepping is asked, a sleeping request given time), so a script and a
 * typed command give the same pfn.  The other changes call the core as
 * their commands do and then cmd_sync, so printk lines and the stage trail
 * reach the output in order.  What only the command layer knows (the
 * sysctl keys, step and friends with their trail) runs through lh_exec.
 *
 * Conventions (STYLE 12): a wrong argument raises "bad argument #N to
 * 'NAME' (...)"; an allocation that fails returns nil and the model's
 * reason; misuse the core refuses (a double free, a bad address) raises
 * the core's message.  Inside an event callback only reading is allowed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define API_VERSION 1
#define TICK_MAX (24UL * 3600 * HZ) /* as the tick command: a day */
#define TASK_MAX_PAGES (1UL << 28)  /* as mm_task_touch accepts */

/* ---- entering, arguments -------------------------------------------------------- */

struct lhost *lh_enter(lua_State *L)
{
	struct lhost *h = lh_host(L);

	if (h->in_callback)
		luaL_error(L, "mm: not allowed inside an event callback");
	lh_handles_sync(L, h);
	h->active = L;
	return h;
}

gfp_t lh_checkgfp(lua_State *L, int arg, const char *fname, gfp_t def)
{
	char err[256];
	gfp_t gfp;

	if (lua_isnoneornil(L, arg) && def != (gfp_t)-1)
		return def;
	if (lua_type(L, arg) == LUA_TNUMBER) {
		lua_Integer v = lh_checkint(L, arg, fname);

		if (v < 0 || v > (lua_Integer)__GFP_BITS_MASK)
			lh_argerror(L, arg, fname, "gfp value 0x%llx has bits outside __GFP_BITS_MASK (0x%x)",
				    (unsigned long long)v, __GFP_BITS_MASK);
		return (gfp_t)v;
	}
	const char *s = lh_checkstr(L, arg, fname);
	struct lhost *h = *(struct lhost **)lua_getextraspace(L);

	if (strcmp(s, h->gfp_text) == 0)
		return h->gfp_value;
	if (mm_gfp_parse(s, &gfp, err, sizeof(err)) < 0)
		lh_argerror(L, arg, fname, "%s", err);
	if (strlen(s) < sizeof(h->gfp_text)) {
		strcpy(h->gfp_text, s);
		h->gfp_value = gfp;
	}
	return gfp;
}

static int opt_field(lua_State *L, int arg, const char *key)
{
	if (!lua_istable(L, arg))
		return LUA_TNIL;
	return lua_getfield(L, arg, key);
}

/* opts.cpu of the table at arg, or the current cpu */
int lh_optcpu(lua_State *L, int arg, const char *fname, struct lhost *h)
{
	lua_Integer cpu = mm_view_cur_cpu(h->c->m);

	if (opt_field(L, arg, "cpu") != LUA_TNIL) {
		int nr_cpus = mm_view_nr_cpus(h->c->m);

		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 ||
		    lua_tointeger(L, -1) >= nr_cpus)
			lh_argerror(L, arg, fname, "cpu must be 0..%d", nr_cpus - 1);
		cpu = lua_tointeger(L, -1);
	}
	if (lua_istable(L, arg))
		lua_pop(L, 1);
	return (int)cpu;
}

static int opt_bool(lua_State *L, int arg, const char *key)
{
	int v = opt_field(L, arg, key) != LUA_TNIL && lua_toboolean(L, -1);

	if (lua_istable(L, arg))
		lua_pop(L, 1);
	return v;
}

static int check_order(lua_State *L, int arg, const char *fname)
{
	lua_Integer order = lh_checkint(L, arg, fname);

	if (order < 0 || order >= MAX_ORDER)
		lh_argerror(L, arg, fname, "order must be 0..%d", MAX_ORDER - 1);
	return (int)order;
}

static unsigned long check_pfn(lua_State *L, int arg, const char *fname, struct lhost *h)
{
	lua_Integer pfn = lh_checkint(L, arg, fname);
	unsigned long max_pfn = mm_view_max_pfn(h->c->m);

	if (pfn < 0 || (unsigned long)pfn >= max_pfn)
		lh_argerror(L, arg, fname, "pfn must be 0..0x%lx", max_pfn - 1);
	return (unsigned long)pfn;
}

static unsigned long check_count(lua_State *L, int arg, const char *fname, const char *what,
				 unsigned long max)
{
	lua_Integer v = lh_checkint(L, arg, fname);

	if (v < 0 || (unsigned long)v > max)
		lh_argerror(L, arg, fname, "%s must be 0..%lu", what, max);
	return (unsigned long)v;
}

static int have_slab(struct lhost *h)
{
	struct mm_machine_view mv;

	mm_view_machine(h->c->m, &mv);
	return strcmp(mv.slab_allocator, "none") != 0;
}

static void need_slab(lua_State *L, struct lhost *h)
{
	if (!have_slab(h))
		luaL_error(L, "the slab allocator is off on this machine (slab none)");
}

/* ---- running a command line ------------------------------------------------------- */

struct capture {
	struct lhost *h;
	struct mm_buf *out; /* NULL: output goes on to the real sink */
	char *err;
	size_t errlen;
};

static void cap_out(void *sink, const char *text, size_t len)
{
	struct capture *cap = sink;

	if (cap->out)
		mm_buf_printf(cap->out, "%.*s", (int)len, text);
	else if (cap->h->real_out)
		cap->h->real_out(cap->h->real_sink, text, len);
}

static void cap_err(void *sink, const char *line)
{
	struct capture *cap = sink;

	if (!cap->err[0])
		snprintf(cap->err, cap->errlen, "%s", line);
}

/* run fn(c, arg), a function of the command layer, as the command name
 * runs (its errors say "name: ..."; NULL: fn runs a command line itself):
 * its output collected in out (capture_out) or printed, its error line in
 * err; 0 or 1 as cmd_exec */
static int lh_call(struct lhost *h, const char *name, int (*fn)(struct cmd_ctx *c, const void *arg),
		   const void *arg, int capture_out, struct mm_buf *out, char *err, size_t errlen)
{
	struct cmd_ctx *c = h->c;
	struct capture cap = { h, capture_out ? out : NULL, err, errlen };
	cmd_out_fn out0 = c->out, real_out0 = h->real_out;
	const char *cur0 = c->cur;
	cmd_err_fn err0 = c->err;
	cmd_event_fn event0 = c->out_event;
	void *sink0 = c->sink, *real_sink0 = h->real_sink;
	unsigned int flags0 = c->flags;
	int capturing0 = h->capturing, sandboxed0 = c->sandboxed, rc;

	err[0] = '\0';
	if (!h->capturing) {
		cmd_sync(c);
		h->real_out = out0;
		h->real_sink = sink0;
	}
	h->capturing = 1;
	c->out = cap_out;
	c->err = cap_err;
	c->out_event = NULL; /* event lines are output it collects, like the rest */
	c->sink = &cap;
	c->flags &= ~(unsigned int)(CMD_ECHO | CMD_KEEP_GOING);
	/* the command layer refuses what a sandboxed script may not do */
	c->sandboxed = !h->trusted;
	if (name)
		c->cur = name;
	rc = fn(c, arg);
	c->cur = cur0;
	c->sandboxed = sandboxed0;
	c->out = out0;
	c->err = err0;
	c->out_event = event0;
	c->sink = sink0;
	c->flags = flags0;
	h->capturing = capturing0;
	h->real_out = real_out0;
	h->real_sink = real_sink0;
	return rc;
}

static int exec_line(struct cmd_ctx *c, const void *line)
{
	return cmd_exec(c, line);
}

/* run line as a command (mm.exec and what only the command line has) */
int lh_exec(struct lhost *h, const char *line, int capture_out, struct mm_buf *out,
	    char *err, size_t errlen)
{
	return lh_call(h, NULL, exec_line, line, capture_out, out, err, errlen);
}

struct sysctl_arg {
	const char *key;
	const long *value;
	long now;
};

static int do_sysctl(struct cmd_ctx *c, const void *arg)
{
	struct sysctl_arg *a = (struct sysctl_arg *)(uintptr_t)arg;

	return cmd_sysctl_do(c, a->key, a->value, &a->now);
}

struct resume_arg {
	int cpu;
	enum mm_step_mode mode;
};

static int do_resume(struct cmd_ctx *c, const void *arg)
{
	const struct resume_arg *a = arg;

	return cmd_resume(c, a->cpu, a->mode);
}

/* ---- finished requests ------------------------------------------------------------- */

void lh_req_done(void *ud, const struct cmd_outcome *o)
{
	struct lhost *h = ud;
	struct lh_pending *pd;

	if (o->cpu >= 0 && o->cpu < MM_MAX_CPUS) {
		pd = &h->pending[o->cpu];
		if (pd->ref != LUA_NOREF && !pd->done && o->kind == REQ_ALLOC_PAGES) {
			lh_fill_page(h, pd->p, o);
			pd->done = 1;
		}
	}
	if (o->cpu == h->want_cpu) {
		h->done = *o;
		h->have_done = 1;
	}
}

/* nil and the reason of a failed allocation */
static int push_failure(lua_State *L, const struct cmd_outcome *o)
{
	lua_pushnil(L);
	if (o->kind == REQ_ALLOC_PAGES && o->rc == MM_ENOMEM && o->res.why[0])
		lua_pushstring(L, o->res.why);
	else
		lua_pushstring(L, o->text);
	return 2;
}

/* what a finished request gives a script: page handle, address or true */
static int push_outcome(lua_State *L, struct lhost *h, const struct cmd_outcome *o)
{
	struct lh_pending *pd = o->cpu < MM_MAX_CPUS ? &h->pending[o->cpu] : NULL;

	if (o->status == CMD_REQ_FAILED)
		return push_failure(L, o);
	switch (o->kind) {
	case REQ_ALLOC_PAGES:
		if (pd && pd->ref != LUA_NOREF && pd->done)
			lua_rawgeti(L, LUA_REGISTRYINDEX, pd->ref);
		else
			lh_push_page(L, h, o);
		break;
	case REQ_FREE_PAGES:
		lua_pushboolean(L, 1);
		break;
	default:
		lua_pushinteger(L, (lua_Integer)o->result);
		break;
	}
	return 1;
}

/* a kmem request that had to wait for another cpu: its result comes later */
static int push_kmem_pending(lua_State *L, int cpu)
{
	lua_pushnil(L);
	lua_pushfstring(L, "pending: cpu%d's request waits; 'mm.stage(%d)' shows where", cpu, cpu);
	return 2;
}

/* ---- page allocator -------------------------------------------------------------------- */

static int l_alloc_pages(lua_State *L)
{
	static const char *const keys[] = { "cpu", "step", NULL };
	struct lhost *h = lh_enter(L);
	struct cmd_outcome o;
	struct mm_request_spec proto = { .kind = REQ_ALLOC_PAGES, .owner = MM_OWNER(OWNER_KERNEL, 0) };

	proto.gfp = lh_checkgfp(L, 1, "alloc_pages", (gfp_t)-1);
	proto.order = check_order(L, 2, "alloc_pages");
	lh_checkopts(L, 3, "alloc_pages", keys);
	proto.cpu = lh_optcpu(L, 3, "alloc_pages", h);
	proto.stepping = opt_bool(L, 3, "step");
	cmd_request_run(h->c, &proto, &o);
	cmd_sync(h->c);
	if (o.status == CMD_REQ_PENDING) {
		lh_new_pending(L, h, proto.cpu);
		return lh_yield_results(L, 1, LH_YIELD);
	}
	if (o.status == CMD_REQ_FAILED && o.rc != MM_ENOMEM)
		return luaL_error(L, "%s", o.text);
	return push_outcome(L, h, &o);
}

/* free_pages(page_or_pfn [, order] [, {cpu=}]) */
int lh_free_pages(lua_State *L)
{
	static const char *const keys[] = { "cpu", NULL };
	struct lhost *h = lh_enter(L);
	struct mm_request_spec proto = { .kind = REQ_FREE_PAGES, .order = -1 };
	struct cmd_outcome o;
	struct lpage *p = lh_topage(L, 1, "free_pages", &proto.pfn, &proto.order);
	int optarg = 3;

	if (!p && lua_type(L, 1) != LUA_TNUMBER)
		lh_argerror(L, 1, "free_pages", "page or pfn expected, got %s",
			    lua_isnone(L, 1) ? "no value" : luaL_typename(L, 1));
	if (!p)
		proto.pfn = check_pfn(L, 1, "free_pages", h);
	if (lua_istable(L, 2))
		optarg = 2;
	else if (!lua_isnoneornil(L, 2))
		proto.order = check_order(L, 2, "free_pages");
	lh_checkopts(L, optarg, "free_pages", keys);
	proto.cpu = lh_optcpu(L, optarg, "free_pages", h);
	cmd_request_run(h->c, &proto, &o);
	cmd_sync(h->c);
	if (o.status == CMD_REQ_FAILED)
		return luaL_error(L, "%s", o.text);
	if (p)
		lh_page_freed(h, p);
	lua_pushboolean(L, 1);
	return 1;
}

/* ---- SLAB -------------------------------------------------------------------------------- */

static unsigned long check_slab_flags(lua_State *L, int arg, const char *fname)
{
	unsigned long flags = 0;
	char err[256];

	if (lua_type(L, -1) == LUA_TNUMBER)
		return (unsigned long)lh_checkint(L, -1, fname);
	if (lua_type(L, -1) != LUA_TSTRING)
		lh_argerror(L, arg, fname, "flags must be a string or a number");
	if (mm_slab_flags_parse(lua_tostring(L, -1), &flags, err, sizeof(err)) < 0)
		lh_argerror(L, arg, fname, "%s", err);
	return flags;
}

/* kmem_cache_create(name, size [, {align=, flags=, ctor=, shrinker=}]) */
static int l_kmem_cache_create(lua_State *L)
{
	static const char *const keys[] = { "align", "flags", "ctor", "shrinker", NULL };
	struct lhost *h = lh_enter(L);
	struct mm_machine *m = h->c->m;
	const char *name = lh_checkstr(L, 1, "kmem_cache_create");
	unsigned long size = check_count(L, 2, "kmem_cache_create", "size", 1UL << 30);
	unsigned long align = 0, flags = 0;
	int k, shrinker;

	lh_checkopts(L, 3, "kmem_cache_create", keys);
	need_slab(L, h);
	if (opt_field(L, 3, "align") != LUA_TNIL) {
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 ||
		    lua_tointeger(L, -1) > (lua_Integer)PAGE_SIZE)
			lh_argerror(L, 3, "kmem_cache_create", "align must be 0..%d", (int)PAGE_SIZE);
		align = (unsigned long)lua_tointeger(L, -1);
	}
	if (lua_istable(L, 3))
		lua_pop(L, 1);
	if (opt_field(L, 3, "flags") != LUA_TNIL)
		flags = check_slab_flags(L, 3, "kmem_cache_create");
	if (lua_istable(L, 3))
		lua_pop(L, 1);
	shrinker = opt_bool(L, 3, "shrinker");
	if (shrinker && !(flags & SLAB_RECLAIM_ACCOUNT))
		lh_argerror(L, 3, "kmem_cache_create",
			    "a shrinker frees reclaimable objects: add SLAB_RECLAIM_ACCOUNT");
	if (mm_kmem_cache_create(m, mm_view_cur_cpu(m), name, size, align, flags,
				 opt_bool(L, 3, "ctor"), &k) < 0 ||
	    (shrinker && mm_register_shrinker(m, k) < 0)) {
		cmd_sync(h->c);
		return luaL_error(L, "%s", mm_view_error(m));
	}
	cmd_sync(h->c);
	lh_push_cache(L, h, k);
	return 1;
}

/* cache(name): the handle of an existing cache, or nil */
static int l_cache(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *name = lh_checkstr(L, 1, "cache");
	int k;

	lh_handles_sync(L, h);
	k = have_slab(h) ? mm_view_cache_find(h->c->m, name) : -1;
	if (k < 0)
		lua_pushnil(L);
	else
		lh_push_cache(L, h, k);
	return 1;
}

/* an allocation from SLAB (cache:alloc, kmalloc): address, or nil + reason */
int lh_kmem_alloc(lua_State *L, struct lhost *h, struct mm_request_spec *proto)
{
	struct cmd_outcome o;

	cmd_request_run(h->c, proto, &o);
	cmd_sync(h->c);
	if (o.status == CMD_REQ_PENDING)
		return push_kmem_pending(L, proto->cpu);
	return push_outcome(L, h, &o);
}

/* kmalloc(size [, gfp [, {cpu=}]]) */
static int l_kmalloc(lua_State *L)
{
	static const char *const keys[] = { "cpu", NULL };
	struct lhost *h = lh_enter(L);
	struct mm_request_spec proto = { .kind = REQ_KMALLOC };

	proto.size = check_count(L, 1, "kmalloc", "size", 1UL << 40);
	proto.gfp = lh_checkgfp(L, 2, "kmalloc", GFP_KERNEL);
	lh_checkopts(L, 3, "kmalloc", keys);
	proto.cpu = lh_optcpu(L, 3, "kmalloc", h);
	need_slab(L, h);
	return lh_kmem_alloc(L, h, &proto);
}

static unsigned long check_addr(lua_State *L, int arg, const char *fname)
{
	return (unsigned long)lh_checkint(L, arg, fname);
}

/* kfree(addr [, {cpu=}]) */
static int l_kfree(lua_State *L)
{
	static const char *const keys[] = { "cpu", NULL };
	struct lhost *h = lh_enter(L);
	unsigned long addr = check_addr(L, 1, "kfree");
	int cpu;

	lh_checkopts(L, 2, "kfree", keys);
	cpu = lh_optcpu(L, 2, "kfree", h);
	need_slab(L, h);
	if (mm_kfree(h->c->m, cpu, addr) < 0) {
		cmd_sync(h->c);
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	}
	cmd_sync(h->c);
	lua_pushboolean(L, 1);
	return 1;
}

static int l_ksize(lua_State *L)
{
	struct lhost *h = lh_host(L);
	unsigned long addr = check_addr(L, 1, "ksize");
	size_t size;

	need_slab(L, h);
	if (mm_ksize(h->c->m, addr, &size) < 0)
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	lua_pushinteger(L, (lua_Integer)size);
	return 1;
}

/* ---- time and the workload ------------------------------------------------------------ */

static int l_tick(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	unsigned long n = lua_isnoneornil(L, 1) ? 1 : check_count(L, 1, "tick", "jiffies", TICK_MAX);

	/* in slices, so that Ctrl-C stops a long run where it is */
	while (n && !h->c->interrupted && !h->interrupt) {
		unsigned long now = n < HZ ? n : HZ;

		mm_tick(h->c->m, now);
		n -= now;
	}
	struct mm_machine_view mv;

	cmd_sync(h->c);
	mm_view_machine(h->c->m, &mv);
	lua_pushinteger(L, (lua_Integer)mv.jiffies);
	return lh_yield_results(L, 1, LH_YIELD);
}

/* "pid 100 (hog) has 20 of 300 pages: why", as the task command says */
static int push_fault_failure(lua_State *L, struct lhost *h, int pid, unsigned long want)
{
	struct mm_task_view t;

	lua_pushnil(L);
	if (mm_view_task(h->c->m, pid, &t))
		lua_pushstring(L, mm_view_error(h->c->m));
	else
		lua_pushfstring(L, "pid %d (%s) has %I of %I pages: %s", t.pid, t.comm,
				(lua_Integer)t.rss, (lua_Integer)want, mm_view_error(h->c->m));
	lua_pushinteger(L, pid);
	return 3;
}

/* task_spawn(name, pages [, gfp]) -> pid, or nil, reason, pid */
static int l_task_spawn(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	const char *name = lh_checkstr(L, 1, "task_spawn");
	unsigned long pages = check_count(L, 2, "task_spawn", "pages", TASK_MAX_PAGES);
	gfp_t gfp = lh_checkgfp(L, 3, "task_spawn", 0);
	int pid, rc;

	rc = mm_task_spawn(h->c->m, name, pages, gfp, &pid);
	cmd_sync(h->c);
	if (!pid)
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	if (rc)
		return push_fault_failure(L, h, pid, pages);
	lua_pushinteger(L, pid);
	return 1;
}

/* the pid of a live task (one on its way out is gone already) */
static int check_task(lua_State *L, int arg, const char *fname, struct lhost *h)
{
	lua_Integer pid = lh_checkint(L, arg, fname);
	struct mm_task_view tv;

	if (pid <= 0 || pid > 0x7fffffff || mm_view_task(h->c->m, (int)pid, &tv) || tv.exiting)
		return luaL_error(L, "no task with pid %I", pid);
	return (int)pid;
}

/* task_touch(pid, pages) -> rss, or nil, reason */
static int l_task_touch(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	int pid = check_task(L, 1, "task_touch", h);
	unsigned long pages = check_count(L, 2, "task_touch", "pages", TASK_MAX_PAGES);
	struct mm_task_view tv;

	if (mm_task_touch(h->c->m, pid, pages) != MM_OK) {
		cmd_sync(h->c);
		return push_fault_failure(L, h, pid, pages);
	}
	cmd_sync(h->c);
	mm_view_task(h->c->m, pid, &tv);
	lua_pushinteger(L, (lua_Integer)tv.rss);
	return 1;
}

static int l_task_exit(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	int pid = check_task(L, 1, "task_exit", h);

	if (mm_task_exit(h->c->m, pid) != MM_OK) {
		cmd_sync(h->c);
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	}
	cmd_sync(h->c);
	lua_pushboolean(L, 1);
	return 1;
}

/* pagecache_add(pages [, dirty]) -> pages added, or nil, reason, added */
static int l_pagecache_add(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	unsigned long pages = check_count(L, 1, "pagecache_add", "pages", 1UL << 28), added = 0;
	int rc;

	if (!lua_isnoneornil(L, 2))
		lh_checktype(L, 2, LUA_TBOOLEAN, "pagecache_add");
	rc = mm_pagecache_add(h->c->m, pages, lua_toboolean(L, 2), &added);
	cmd_sync(h->c);
	if (rc < 0) {
		lua_pushnil(L);
		lua_pushfstring(L, "%s (after %I of %I pages)", mm_view_error(h->c->m), (lua_Integer)added,
				(lua_Integer)pages);
		lua_pushinteger(L, (lua_Integer)added);
		return 3;
	}
	lua_pushinteger(L, (lua_Integer)added);
	return 1;
}

static int l_pagecache_drop(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	unsigned long n;

	if (mm_pagecache_drop(h->c->m, &n)) {
		lua_pushnil(L);
		lua_pushstring(L, mm_view_error(h->c->m));
		return 2;
	}
	cmd_sync(h->c);
	lua_pushinteger(L, (lua_Integer)n);
	return 1;
}

/* ---- commands: sysctl, proc, exec ---------------------------------------------------- */

/* sysctl(name [, value]) -> the value it has now */
static int l_sysctl(lua_State *L)
{
	struct lhost *h = lh_enter(L); /* a command: not from inside a callback */
	const char *name = lh_checkstr(L, 1, "sysctl");
	struct sysctl_arg a = { .key = name };
	char err[512];
	long v;

	if (!lua_isnoneornil(L, 2)) {
		lua_Integer want = lh_checkint(L, 2, "sysctl");

		/* beyond a long it is beyond any key's range: refused below */
		v = want > LONG_MAX ? LONG_MAX : want < LONG_MIN ? LONG_MIN : (long)want;
		a.value = &v;
	}
	if (strpbrk(name, "= \t\n"))
		lh_argerror(L, 1, "sysctl", "a key like 'vm.min_free_kbytes'");
	/* the sysctl table's own setter, as the command runs it (not its text) */
	if (lh_call(h, "sysctl", do_sysctl, &a, 1, NULL, err, sizeof(err)))
		return luaL_error(L, "%s", err[0] ? err : "sysctl: failed");
	/* the value now, typed; a write-only key (vm.compact_memory) answers
	 * with what was written, as sysctl(8) echoes it */
	lua_pushinteger(L, (lua_Integer)a.now);
	return 1;
}

#define EXTFRAG_DIR "/sys/kernel/debug/extfrag/"

/* proc(name) -> the text of /proc/NAME (or a /sys/kernel/debug/extfrag
 * file), from the formatters `cat` prints; it only reads, so it runs
 * inside callbacks too */
static int l_proc(lua_State *L)
{
	struct mm_machine *m = lh_host(L)->c->m;
	const char *name = lh_checkstr(L, 1, "proc");
	const char *base = strncmp(name, "/proc/", 6) == 0 ? name + 6 : name;
	struct mm_buf b;
	int rc;

	mm_buf_init(&b);
	if (strncmp(name, EXTFRAG_DIR, strlen(EXTFRAG_DIR)) == 0)
		rc = mm_extfrag_show(m, name + strlen(EXTFRAG_DIR), &b);
	else
		rc = strchr(base, '/') ? MM_ENOENT : mm_proc_show(m, base, &b);
	if (rc < 0) {
		lua_pushnil(L);
		if (rc == MM_ENOENT)
			lua_pushfstring(L, "cat: %s%s: No such file or directory",
					name[0] == '/' ? "" : "/proc/", name);
		else
			lua_pushfstring(L, "cat: %s: %s", name, mm_view_error(m));
		mm_buf_free(&b);
		return 2;
	}
	lua_pushlstring(L, b.s ? b.s : "", b.len);
	mm_buf_free(&b);
	return 1;
}

/* exec(cmdline) -> output, or nil, error line, output */
static int l_exec(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	const char *line = lh_checkstr(L, 1, "exec");
	struct mm_buf out;
	char err[512];
	int rc;

	mm_buf_init(&out);
	rc = lh_exec(h, line, 1, &out, err, sizeof(err));
	if (rc) {
		lua_pushnil(L);
		lua_pushstring(L, err[0] ? err : "failed");
		lua_pushlstring(L, out.s ? out.s : "", out.len);
		mm_buf_free(&out);
		return 3;
	}
	lua_pushlstring(L, out.s ? out.s : "", out.len);
	mm_buf_free(&out);
	return 1;
}

static int l_check(lua_State *L)
{
	struct lhost *h = lh_host(L);

	if (mm_check(h->c->m) != 0) {
		lua_pushnil(L);
		lua_pushstring(L, mm_view_error(h->c->m));
		return 2;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* cpu([n]) -> the cpu commands and allocations run on */
static int l_cpu(lua_State *L)
{
	struct lhost *h = lua_isnoneornil(L, 1) ? lh_host(L) : lh_enter(L);
	struct mm_machine *m = h->c->m;
	struct mm_machine_view mv;

	mm_view_machine(m, &mv);
	if (!lua_isnoneornil(L, 1)) {
		lua_Integer cpu = lh_checkint(L, 1, "cpu");

		if (cpu < 0 || cpu >= mv.nr_cpus)
			lh_argerror(L, 1, "cpu", "cpu must be 0..%d", mv.nr_cpus - 1);
		mm_set_cur_cpu(m, (int)cpu);
		mv.cur_cpu = (int)cpu;
	}
	lua_pushinteger(L, mv.cur_cpu);
	return 1;
}

/* ---- step control ----------------------------------------------------------------------- */


/* step, next, finish, continue ([cpu]): as the commands (they print the
 * stage trail); the result once the request finished, else mm.stage() */
static int resume_cmd(lua_State *L, const char *cmd, enum mm_step_mode mode)
{
	struct lhost *h = lh_enter(L);
	struct mm_machine *m = h->c->m;
	struct mm_machine_view mv;
	int cpu, saved, nres;
	char err[512];

	mm_view_machine(m, &mv);
	cpu = saved = mv.cur_cpu;
	if (!lua_isnoneornil(L, 1)) {
		lua_Integer v = lh_checkint(L, 1, cmd);

		if (v < 0 || v >= mv.nr_cpus)
			lh_argerror(L, 1, cmd, "cpu must be 0..%d", mv.nr_cpus - 1);
		cpu = (int)v;
	}
	h->want_cpu = cpu;
	h->have_done = 0;
	/* the command's own code, on that cpu as `cpu N; step` would run it */
	mm_set_cur_cpu(m, cpu);
	lh_call(h, cmd, do_resume, &(struct resume_arg){ cpu, mode }, 0, NULL, err, sizeof(err));
	mm_set_cur_cpu(m, saved);
	h->want_cpu = -1;
	if (err[0])
		return luaL_error(L, "%s", err);
	if (h->have_done)
		nres = push_outcome(L, h, &h->done);
	else
		nres = lh_push_stage(L, h, cpu);
	lh_handles_sync(L, h);
	return lh_yield_results(L, nres, LH_YIELD);
}

static int l_step(lua_State *L)
{
	return resume_cmd(L, "step", STEP_INTO);
}

static int l_next(lua_State *L)
{
	return resume_cmd(L, "next", STEP_OVER);
}

static int l_finish(lua_State *L)
{
	return resume_cmd(L, "finish", STEP_OUT);
}

static int l_continue(lua_State *L)
{
	return resume_cmd(L, "continue", STEP_CONTINUE);
}

/* break(func [, min_order]) -> breakpoint id */
static int l_break(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	const char *func = lh_checkstr(L, 1, "break");
	int min_order = lua_isnoneornil(L, 2) ? -1 : check_order(L, 2, "break"), id;

	if (mm_break_add(h->c->m, func, min_order, &id))
		return luaL_error(L, "%s", mm_view_error(h->c->m));
	lua_pushinteger(L, id);
	return 1;
}

static int l_delete(lua_State *L)
{
	struct lhost *h = lh_enter(L);
	lua_Integer id = lh_checkint(L, 1, "delete");

	if (id < 0 || id > 100000 || mm_break_delete(h->c->m, (int)id))
		return luaL_error(L, "%s", id < 0 || id > 100000 ? "no such breakpoint" : mm_view_error(h->c->m));
	lua_pushboolean(L, 1);
	return 1;
}

static const luaL_Reg mm_fns[] = {
	{ "alloc_pages", l_alloc_pages },
	{ "free_pages", lh_free_pages },
	{ "kmem_cache_create", l_kmem_cache_create },
	{ "cache", l_cache },
	{ "kmalloc", l_kmalloc },
	{ "kfree", l_kfree },
	{ "ksize", l_ksize },
	{ "tick", l_tick },
	{ "task_spawn", l_task_spawn },
	{ "task_touch", l_task_touch },
	{ "task_exit", l_task_exit },
	{ "pagecache_add", l_pagecache_add },
	{ "pagecache_drop", l_pagecache_drop },
	{ "sysctl", l_sysctl },
	{ "proc", l_proc },
	{ "exec", l_exec },
	{ "check", l_check },
	{ "cpu", l_cpu },
	{ "step", l_step },
	{ "next", l_next },
	{ "finish", l_finish },
	{ "continue", l_continue },
	{ "break", l_break },
	{ "delete", l_delete },
	{ NULL, NULL },
};

/* the module table, as require("mm") and the global mm */
int lh_open_mm(lua_State *L, struct lhost *h)
{
	luaL_newlibtable(L, mm_fns);
	lh_setfuncs(L, h, mm_fns);
	lh_setfuncs(L, h, lh_state_fns);
	lh_setfuncs(L, h, lh_event_fns);
	lua_pushinteger(L, API_VERSION);
	lua_setfield(L, -2, "api_version");
	/* break is a keyword: mm["break"], or mm.break_ */
	lua_getfield(L, -1, "break");
	lua_setfield(L, -2, "break_");
	lua_pushvalue(L, -1);
	lua_setglobal(L, "mm");
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	lua_pushvalue(L, -2);
	lua_setfield(L, -2, "mm");
	lua_pop(L, 2);
	return 0;
}
