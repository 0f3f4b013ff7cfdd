/*
 * internal.h - what the files of src/lua share.
 *
 * One struct lhost binds a Lua state to a command context.  Lua reaches it
 * as upvalue 1 of every C function the host registers (lh_host); the
 * count hook, which gets no upvalues, finds it in the state's extra space.
 *
 *   lhost.c    the state, running scripts as coroutines, errors, hooks
 *   lsandbox.c what an untrusted script may use; print
 *   lmm.c      the mm module: allocations, SLAB, workload, step control
 *   lhandle.c  page and cache handles (userdata checked against the model)
 *   lstate.c   the model's state as plain tables
 *   levents.c  mm.on/mm.off: listeners with filters run in C
 *   lui.c      the ui module (struct ui_host, or narration headless)
 *   lscripts.c finding scripts, their self-descriptions, `scripts`
 */
#ifndef MMSCOPE_LUA_INTERNAL_H
#define MMSCOPE_LUA_INTERNAL_H

#include <limits.h>
#include <signal.h>

#include "datadir.h"
#include "lua/lhost.h"
#include "mlua.h"

#define LH_MAX_HANDLERS 64
#define LH_MAX_FILTER_NAME 48

/* what an mm.on filter asks; checked in C before Lua is called */
struct lh_filter {
	unsigned int set; /* LF_* bits of the fields given */
	int order, min_order, zone_idx, mt, cpu, func;
	unsigned long pfn;
	unsigned long cache_size;
	char cache[LH_MAX_FILTER_NAME];
};
enum {
	LF_ORDER = 1u << 0,
	LF_MIN_ORDER = 1u << 1,
	LF_ZONE = 1u << 2,
	LF_MT = 1u << 3,
	LF_CPU = 1u << 4,
	LF_PFN = 1u << 5,
	LF_FUNC = 1u << 6,
	LF_CACHE = 1u << 7,
	LF_CACHE_SIZE = 1u << 8,
};

/* the event names that are not one tracepoint (levents.c) */
enum lh_event_kind { EVK_PLAIN, EVK_STAGE, EVK_COMPACTION };

struct lh_handler {
	int id; /* 0: a free slot */
	int ref; /* the Lua function, in the registry */
	unsigned int mask; /* MM_EV_BIT()s it needs */
	enum lh_event_kind kind;
	char name[40]; /* as given to mm.on */
	struct lh_filter f;
};

struct lpage; /* lhandle.c */

/* a stepped page handle waiting for its request (one per cpu at most) */
struct lh_pending {
	int ref; /* keeps the handle alive; LUA_NOREF when unused */
	struct lpage *p;
	int done; /* filled by the req_done notifier: unref at the next chance */
};

struct lhost {
	struct cmd_ctx *c;
	/* page:free, one closure for every page (made once, kept in the registry) */
	int page_free_ref;
	/* the last gfp text mm.* parsed and its value: scripts pass the same
	 * "GFP_KERNEL" again and again */
	char gfp_text[48];
	gfp_t gfp_value;
	const struct ui_host *ui;
	lua_State *L;
	int trusted;
	/* where the running script lives ("." for a typed chunk): require
	 * looks there (lsandbox.c) */
	char script_dir[PATH_MAX];

	/* memory: every allocation of the state is counted (lh_alloc) */
	size_t mem, mem_limit;

	/* the script coroutine (at most one); LUA_NOREF when none */
	lua_State *co;
	int co_ref;
	const char *co_cmd; /* "source" or "lua": the prefix of its errors */
	int state;          /* what a suspended script waits for: LH_PAUSED, LH_YIELD */
	int yield_kind;     /* set by whoever yields to the host */
	int depth;          /* > 0 while Lua runs on behalf of the host */

	/* stopping runaway scripts: the count hook (lhost.c) */
	volatile sig_atomic_t interrupt;
	unsigned long ticks; /* hook calls since the host last had control */
	int limit_hits;

	/* events */
	int listen_id;
	int in_callback; /* an event callback runs: the model may not change */
	lua_State *active; /* the thread inside an mm.* call (callbacks run on it) */
	struct lh_handler handlers[LH_MAX_HANDLERS];
	unsigned int handler_mask; /* the events some handler wants (update_mask keeps it) */
	int next_handler_id;

	/* handles */
	unsigned long gen_seen; /* c->machine_gen when handles were last checked */
	unsigned long machine_gen; /* bumped when c->m was replaced */
	struct lh_pending pending[MM_MAX_CPUS];
	struct lpage **live;      /* handles of live allocations (freed on __gc) */
	int nlive, caplive;
	int want_cpu;             /* the cpu whose finished request a step waits for */
	int have_done;
	struct cmd_outcome done;  /* that request's outcome (req_done) */

	/* lessons: the ui.pause calls the running script made, and the one
	 * to stop at (0: each waits); the pauses before it pass (replaying
	 * to a step) */
	int pauses;
	int replay_to;

	/* quiet (headless walkthroughs): the commands' own output (the stage
	 * trail, traces, printk) goes nowhere; print, io.write, ui.say and
	 * errors go to quiet_out */
	cmd_out_fn quiet_out;
	cmd_event_fn quiet_event; /* the event lines' sink, off meanwhile */
	void *quiet_sink;

	/* mm.exec captures the sinks; print still goes to the real ones */
	int capturing;
	cmd_out_fn real_out;
	void *real_sink;
};

/* lhost.c */
struct lhost *lh_host(lua_State *L); /* upvalue 1 */
void lh_out(struct lhost *h, const char *text, size_t len);
void lh_error_line(struct lhost *h, const char *prefix, const char *msg);
/* report "prefix: first line" on the err sink and the rest (the
 * traceback) on the out sink */
void lh_report(struct lhost *h, const char *prefix, const char *full);
/* call the function below nargs arguments on L, protected, with a
 * traceback; errors are reported under prefix.  0 or -1. */
int lh_pcall(struct lhost *h, lua_State *L, int nargs, const char *prefix);
/* the same with nres results (LUA_MULTRET too): how many, or -1 */
int lh_pcall_n(struct lhost *h, lua_State *L, int nargs, int nres, const char *prefix);
/* 1 if L may yield to the screen now (the host's coroutine, interactive) */
int lh_can_yield(struct lhost *h, lua_State *L);
/* return nres results from a C function, yielding to the screen first
 * (LH_YIELD or LH_PAUSED) when lh_can_yield */
int lh_yield_results(lua_State *L, int nres, int kind);
/* luaL_setfuncs with the host as the upvalue */
void lh_setfuncs(lua_State *L, struct lhost *h, const luaL_Reg *fns);

/* checked arguments with fixed function names, so messages do not depend
 * on how the function was called: "bad argument #2 to 'alloc_pages' (...)" */
int lh_argerror(lua_State *L, int arg, const char *fname, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
lua_Integer lh_checkint(lua_State *L, int arg, const char *fname);
lua_Integer lh_optint(lua_State *L, int arg, const char *fname, lua_Integer def);
const char *lh_checkstr(lua_State *L, int arg, const char *fname);
void lh_checktype(lua_State *L, int arg, int type, const char *fname);
/* an optional options table at arg: an unknown key raises */
void lh_checkopts(lua_State *L, int arg, const char *fname, const char *const *keys);

/* lmm.c */
int lh_open_mm(lua_State *L, struct lhost *h);
/* the host, checked for a call that may change the model */
struct lhost *lh_enter(lua_State *L);
gfp_t lh_checkgfp(lua_State *L, int arg, const char *fname, gfp_t def);
int lh_optcpu(lua_State *L, int arg, const char *fname, struct lhost *h);
int lh_exec(struct lhost *h, const char *line, int capture_out, struct mm_buf *out,
	    char *err, size_t errlen);
void lh_req_done(void *ud, const struct cmd_outcome *o);
/* a SLAB allocation request (cache:alloc, kmalloc): address or nil, why */
int lh_kmem_alloc(lua_State *L, struct lhost *h, struct mm_request_spec *proto);
/* mm.free_pages, also page:free() */
int lh_free_pages(lua_State *L);
/* stage([cpu]) as a table, or nil (lstate.c) */
int lh_push_stage(lua_State *L, struct lhost *h, int cpu);

/* lhandle.c */
void lh_open_handles(lua_State *L, struct lhost *h);
void lh_push_page(lua_State *L, struct lhost *h, const struct cmd_outcome *o);
struct lpage *lh_new_pending(lua_State *L, struct lhost *h, int cpu);
void lh_fill_page(struct lhost *h, struct lpage *p, const struct cmd_outcome *o);
/* a page handle at arg (NULL if it is not one); raises if it is stale */
struct lpage *lh_topage(lua_State *L, int arg, const char *fname, unsigned long *pfn, int *order);
void lh_page_freed(struct lhost *h, struct lpage *p);
/* the model freed the allocation headed by pfn (an mm_page_free event):
 * a live handle naming it becomes "freed", so a later allocation of the
 * same pfn and order is not mistaken for it */
void lh_live_freed(struct lhost *h, unsigned long pfn);
/* the events the handles need from the listener (levents.c adds them) */
unsigned int lh_handles_mask(const struct lhost *h);
void lh_events_update(struct lhost *h);
void lh_push_cache(lua_State *L, struct lhost *h, int cache_id);
int lh_cache_info(lua_State *L, struct lhost *h, int id);
/* drop finished pending slots; notice a replaced machine */
void lh_handles_sync(lua_State *L, struct lhost *h);

/* lstate.c */
extern const luaL_Reg lh_state_fns[];
const char *lh_mt_name(int mt);
int lh_mt_by_name(const char *s);

/* levents.c */
extern const luaL_Reg lh_event_fns[];
void lh_events_fini(struct lhost *h);

/* lui.c */
int lh_open_ui(lua_State *L, struct lhost *h);
int lh_key(struct lhost *h, const char *key);

/* lsandbox.c */
void lh_open_base(lua_State *L, struct lhost *h);
/* push the function `lua EXPR` shows its values with (tables a few
 * levels deep, keys sorted) */
void lh_push_show(lua_State *L);
void lh_sandbox(lua_State *L, int trusted);

/* lscripts.c */
/* a script named on the command line: the path itself, or NAME[.lua]
 * in one of the scripts directories; path receives it */
int lh_script_find(const char *name, char *path, size_t len);
void lh_scripts_list(struct lhost *h);
/* "dir1/?.lua;dir2/?.lua": where a trusted require looks */
void lh_script_path(struct mm_buf *b);
/* the scripts directories that exist, without repeats, in datadir.h's
 * order ($XDG_CONFIG_HOME/mmscope/scripts, scripts/, scripts/ next to the
 * executable, $MMSCOPE_DATADIR/scripts, the installed ones) */
#define LH_MAX_SCRIPT_DIRS DATADIR_MAX
int lh_script_dirs(char dirs[LH_MAX_SCRIPT_DIRS][PATH_MAX]);

#endif
