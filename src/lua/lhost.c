/*
 * lhost.c - the Lua host: one state bound to a command context, scripts
 * run as coroutines, errors with a traceback, and the guards that stop a
 * script (Ctrl-C, a runaway loop, too much memory).
 *
 * A script (source FILE, lua CHUNK) runs in the host's one coroutine.  It
 * runs until it ends, fails, or yields to the screen: ui.pause yields
 * LH_PAUSED (resume after a key), a step LH_YIELD (resume after drawing).
 * Headless nothing yields.  Everything else that calls Lua from C (event
 * callbacks, key bindings, a chunk typed while a script is paused) goes
 * through lh_pcall, whose message handler adds the traceback.
 *
 * A count hook runs every LH_HOOK_EVERY instructions: it raises
 * "interrupted" after Ctrl-C (lua.c's laction idea, but the signal
 * handler only sets a flag) and stops a script that ran LH_INSN_LIMIT
 * instructions without giving the host control back.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define LH_MEM_LIMIT ((size_t)64 << 20)
#define LH_HOOK_EVERY 1000
#define LH_INSN_LIMIT 200000000UL

/* ---- memory: a cap on everything the state allocates ---------------------- */

static void *lh_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct lhost *h = ud;
	void *p;

	if (!ptr)
		osize = 0; /* then osize says what kind of object it is */
	if (nsize == 0) {
		free(ptr);
		h->mem -= osize;
		return NULL;
	}
	if (nsize > osize && h->mem + (nsize - osize) > h->mem_limit)
		return NULL; /* Lua raises "not enough memory" */
	p = realloc(ptr, nsize);
	if (p)
		h->mem = h->mem - osize + nsize;
	return p;
}

/* ---- the count hook --------------------------------------------------------- */

static struct lhost *hook_host(lua_State *L)
{
	return *(struct lhost **)lua_getextraspace(L);
}

static void lh_hook(lua_State *L, lua_Debug *ar);

/* raise msg at the line the script is on (luaL_error would name the caller) */
static void hook_error(lua_State *L, lua_Debug *ar, const char *msg)
{
	if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
		lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, msg);
	else
		lua_pushstring(L, msg);
	lua_error(L);
}

#define LIMIT_MSG "script stopped: instruction limit reached"

/*
 * A script being stopped (Ctrl-C, the second instruction limit) must not
 * be able to catch the error for ever: `while true do pcall(f) end`
 * would.  So from then on the hook runs before every instruction of the
 * thread it fires in, and raises again each time: a pcall that caught
 * the error gets it back at its caller's next instruction, and so on
 * outwards until the script unwinds to the host, which then sets the
 * count back (hooks_reset).  Threads the script made (coroutines) are
 * set the same way when their hook fires, and the script's own thread
 * and the main one at once, so a coroutine cannot shield its parent.
 */
static void stop_everywhere(struct lhost *h, lua_State *L)
{
	lua_sethook(L, lh_hook, LUA_MASKCOUNT, 1);
	if (h->co && h->co != L)
		lua_sethook(h->co, lh_hook, LUA_MASKCOUNT, 1);
	if (h->L != L)
		lua_sethook(h->L, lh_hook, LUA_MASKCOUNT, 1);
}

static void lh_hook(lua_State *L, lua_Debug *ar)
{
	struct lhost *h = hook_host(L);
	const char *why = "interrupted";

	if (!h->interrupt && !h->c->interrupted) {
		if (++h->ticks <= LH_INSN_LIMIT / LH_HOOK_EVERY)
			return;
		/* a script that catches the error gets one more round, no more */
		if (++h->limit_hits < 2) {
			h->ticks = 0;
			hook_error(L, ar, LIMIT_MSG);
		}
		why = LIMIT_MSG;
	}
	stop_everywhere(h, L);
	hook_error(L, ar, why);
}

/* the host has control again: the hook back to every LH_HOOK_EVERY */
static void hooks_reset(struct lhost *h)
{
	lua_sethook(h->L, lh_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
	if (h->co)
		lua_sethook(h->co, lh_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
}

/* ---- helpers the other files use -------------------------------------------- */

struct lhost *lh_host(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

void lh_setfuncs(lua_State *L, struct lhost *h, const luaL_Reg *fns)
{
	lua_pushlightuserdata(L, h);
	luaL_setfuncs(L, fns, 1);
}

/* ordinary output, in order with what the command layer collected */
void lh_out(struct lhost *h, const char *text, size_t len)
{
	struct cmd_ctx *c = h->c;

	if (h->quiet_out) { /* only what the script says itself */
		if (!h->capturing)
			cmd_flush(c); /* the commands' output, dropped */
		h->quiet_out(h->quiet_sink, text, len);
		return;
	}
	if (h->capturing) { /* mm.exec is collecting the command's output */
		if (h->real_out)
			h->real_out(h->real_sink, text, len);
		return;
	}
	cmd_flush(c); /* not cmd_sync: this may run inside the observer */
	if (c->out)
		c->out(c->sink, text, len);
}

/* one line "prefix: msg" on the err sink; control characters would break
 * the line, so they become blanks or '?' */
void lh_error_line(struct lhost *h, const char *prefix, const char *msg)
{
	struct cmd_ctx *c = h->c;
	char line[512];
	char *s;

	snprintf(line, sizeof(line), "%s: %s", prefix, msg);
	for (s = line; *s; s++)
		if (*s == '\t' || *s == '\n' || *s == '\r')
			*s = ' ';
		else if ((unsigned char)*s < ' ' || *s == 0x7f)
			*s = '?';
	if (!h->capturing)
		cmd_flush(c);
	if (c->err)
		c->err(c->sink, line);
}

void lh_report(struct lhost *h, const char *prefix, const char *full)
{
	const char *nl = strchr(full, '\n');
	char first[400];

	if (!nl) {
		lh_error_line(h, prefix, full);
		return;
	}
	snprintf(first, sizeof(first), "%.*s", (int)(nl - full), full);
	lh_error_line(h, prefix, first);
	lh_out(h, nl + 1, strlen(nl + 1));
	lh_out(h, "\n", 1);
}

/* the error object as text: a string, its __tostring, or its type */
static const char *error_text(lua_State *L, int idx)
{
	const char *msg = lua_tostring(L, idx);

	if (msg)
		return msg;
	if (luaL_callmeta(L, idx, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
		return lua_tostring(L, -1);
	return lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
}

static int lh_msgh(lua_State *L)
{
	luaL_traceback(L, L, error_text(L, 1), 1);
	return 1;
}

int lh_pcall_n(struct lhost *h, lua_State *L, int nargs, int nres, const char *prefix)
{
	int base = lua_gettop(L) - nargs, rc;

	lua_pushcfunction(L, lh_msgh);
	lua_insert(L, base);
	h->depth++;
	rc = lua_pcall(L, nargs, nres, base);
	h->depth--;
	if (h->depth == 0) /* a key binding or a callback outside a script */
		hooks_reset(h);
	lua_remove(L, base);
	if (rc == LUA_OK)
		return lua_gettop(L) - (base - 1);
	lh_report(h, prefix, error_text(L, -1));
	lua_settop(L, base - 1);
	return -1;
}

int lh_pcall(struct lhost *h, lua_State *L, int nargs, const char *prefix)
{
	return lh_pcall_n(h, L, nargs, 0, prefix) < 0 ? -1 : 0;
}

int lh_can_yield(struct lhost *h, lua_State *L)
{
	return h->ui && h->ui->interactive && L == h->co && !h->in_callback &&
	       lua_isyieldable(L);
}

/* after a yield, the results pushed before it are still on the stack */
static int results_k(lua_State *L, int status, lua_KContext nres)
{
	(void)L;
	(void)status;
	return (int)nres;
}

int lh_yield_results(lua_State *L, int nres, int kind)
{
	struct lhost *h = lh_host(L);

	if (!lh_can_yield(h, L))
		return nres;
	h->yield_kind = kind;
	return lua_yieldk(L, 0, nres, results_k);
}

/* ---- argument checks with fixed names ------------------------------------------ */

/* fmt is printf's (lua_pushfstring has no %x) */
int lh_argerror(lua_State *L, int arg, const char *fname, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return luaL_error(L, "bad argument #%d to '%s' (%s)", arg, fname, msg);
}

static int type_error(lua_State *L, int arg, const char *fname, const char *want)
{
	return lh_argerror(L, arg, fname, "%s expected, got %s", want,
			   lua_isnone(L, arg) ? "no value" : luaL_typename(L, arg));
}

lua_Integer lh_checkint(lua_State *L, int arg, const char *fname)
{
	int isnum;
	lua_Integer v = lua_tointegerx(L, arg, &isnum);

	if (!isnum) {
		if (lua_type(L, arg) == LUA_TNUMBER)
			lh_argerror(L, arg, fname, "number has no integer representation");
		type_error(L, arg, fname, "integer");
	}
	return v;
}

lua_Integer lh_optint(lua_State *L, int arg, const char *fname, lua_Integer def)
{
	return lua_isnoneornil(L, arg) ? def : lh_checkint(L, arg, fname);
}

const char *lh_checkstr(lua_State *L, int arg, const char *fname)
{
	if (lua_type(L, arg) != LUA_TSTRING)
		type_error(L, arg, fname, "string");
	return lua_tostring(L, arg);
}

void lh_checktype(lua_State *L, int arg, int type, const char *fname)
{
	if (lua_type(L, arg) != type)
		type_error(L, arg, fname, lua_typename(L, type));
}

void lh_checkopts(lua_State *L, int arg, const char *fname, const char *const *keys)
{
	int i;

	if (lua_isnoneornil(L, arg))
		return;
	lh_checktype(L, arg, LUA_TTABLE, fname);
	lua_pushnil(L);
	while (lua_next(L, arg)) {
		lua_pop(L, 1);
		for (i = 0; keys[i] && lua_type(L, -1) == LUA_TSTRING; i++)
			if (strcmp(keys[i], lua_tostring(L, -1)) == 0)
				break;
		if (lua_type(L, -1) != LUA_TSTRING || !keys[i])
			lh_argerror(L, arg, fname, "unknown option '%s'", luaL_tolstring(L, -1, NULL));
	}
}

/* ---- protected setup ---------------------------------------------------------------- */

/*
 * What the host itself does to the state (loading a chunk, making the
 * coroutine, building `arg`, a traceback) allocates too, and under the
 * memory cap an allocation can fail.  So it runs inside lua_pcall as well,
 * through protect(): no error ever reaches lua_atpanic.
 */
struct job {
	struct lhost *h;
	const char *path, *chunk, *name;
	int argc;
	char **argv;
	lua_State *co;
	int status; /* chunk_continues: the load's status */
};

/* fn(job, extra...) for the nextra values on top of h->L; 0, or -1 with
 * the error reported as "prefix: message" (prefix NULL: not reported) */
static int protect(struct lhost *h, lua_CFunction fn, struct job *j, int nextra,
		   const char *prefix)
{
	lua_State *L = h->L;
	int base = lua_gettop(L) - nextra;

	lua_pushcfunction(L, fn);
	lua_pushlightuserdata(L, j);
	lua_rotate(L, base + 1, 2);
	if (lua_pcall(L, 1 + nextra, 0, 0) == LUA_OK)
		return 0;
	if (prefix)
		lh_error_line(h, prefix, lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) :
						"error while starting Lua");
	lua_settop(L, base);
	return -1;
}

/* ---- running scripts ----------------------------------------------------------------- */

static void drop_co(struct lhost *h)
{
	if (!h->co)
		return;
#if LUA_VERSION_RELEASE_NUM >= 50406
	lua_closethread(h->co, h->L);
#else
	lua_resetthread(h->co);
#endif
	luaL_unref(h->L, LUA_REGISTRYINDEX, h->co_ref);
	h->co = NULL;
	h->co_ref = LUA_NOREF;
	h->state = LH_DONE;
	h->replay_to = 0;
}

/* the host has control again: the guards start over */
static void regain(struct lhost *h)
{
	h->active = NULL;
	h->ticks = 0;
	h->limit_hits = 0;
	hooks_reset(h);
}

/* `lua EXPR` shows what the expression gave, as lua.c's REPL does: the
 * values are the arguments (protected) */
static int show_results(lua_State *L)
{
	lh_push_show(L);
	lua_replace(L, 1);
	lua_call(L, lua_gettop(L) - 1, 0);
	return 0;
}

/* the error of a failed coroutine (argument 2) with the coroutine's traceback */
static int report_co_error(lua_State *L)
{
	struct job *j = lua_touserdata(L, 1);

	luaL_traceback(L, j->co, error_text(L, 2), 0);
	lh_report(j->h, j->h->co_cmd, lua_tostring(L, -1));
	return 0;
}

static int co_finished(struct lhost *h, lua_State *co, int st, int nres)
{
	struct job j = { .h = h, .co = co };

	if (st == LUA_OK && strcmp(h->co_cmd, "lua") == 0 && nres > 0 &&
	    lua_checkstack(h->L, nres + 4)) {
		lua_xmove(co, h->L, nres);
		protect(h, show_results, &j, nres, "lua");
	}
	if (st != LUA_OK && lua_checkstack(h->L, 4)) {
		lua_xmove(co, h->L, 1);
		protect(h, report_co_error, &j, 1, h->co_cmd);
	}
	drop_co(h);
	return st == LUA_OK ? LH_DONE : LH_ERROR;
}

static int run_co(struct lhost *h, int nargs)
{
	lua_State *co = h->co;
	int nres = 0, st;

	regain(h);
	h->yield_kind = LH_YIELD;
	h->depth++;
	st = lua_resume(co, h->L, nargs, &nres);
	h->depth--;
	regain(h);
	if (st != LUA_YIELD)
		return co_finished(h, co, st, nres);
	lua_pop(co, nres);
	h->state = h->yield_kind;
	return h->state;
}

/* the function under nargs arguments on L becomes the script coroutine */
static void new_co(struct lhost *h, lua_State *L, int nargs, const char *cmd)
{
	lua_State *co = lua_newthread(L);

	h->co_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	h->co = co;
	h->co_cmd = cmd;
	lua_xmove(L, co, nargs + 1);
}

/* why a script cannot start now, or NULL */
static const char *cannot_start(const struct lhost *h)
{
	if (h->depth > 0)
		return "not from inside a running script (use dofile or require)";
	if (h->co)
		return "a script is paused (resume it, or stop it first)";
	return NULL;
}

/* arg[0] is the file, arg[1..] its arguments, as lua(1) sets them */
static void set_arg(lua_State *L, int argc, char **argv, const char *path)
{
	int i;

	lua_createtable(L, argc, 1);
	lua_pushstring(L, path);
	lua_rawseti(L, -2, 0);
	for (i = 1; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i);
	}
	lua_setglobal(L, "arg");
}

static int source_setup(lua_State *L)
{
	struct job *j = lua_touserdata(L, 1);
	int i;

	if (luaL_loadfilex(L, j->path, j->h->trusted ? "bt" : "t") != LUA_OK)
		return lua_error(L);
	set_arg(L, j->argc, j->argv, j->path);
	for (i = 1; i < j->argc; i++)
		lua_pushstring(L, j->argv[i]);
	new_co(j->h, L, j->argc - 1, "source");
	return 0;
}

/* require looks in the directory of the script that runs */
static void set_script_dir(struct lhost *h, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(h->script_dir, sizeof(h->script_dir), ".");
	else if (slash == path)
		snprintf(h->script_dir, sizeof(h->script_dir), "/");
	else
		snprintf(h->script_dir, sizeof(h->script_dir), "%.*s", (int)(slash - path), path);
}

int lhost_source(struct lhost *h, int argc, char **argv)
{
	char path[PATH_MAX];
	const char *why = cannot_start(h);
	struct job j = { .h = h, .path = path, .argc = argc, .argv = argv };

	if (argc < 1)
		why = "missing file name (usage: source FILE.lua [ARG...])";
	if (why) {
		lh_error_line(h, "source", why);
		return LH_ERROR;
	}
	h->interrupt = 0;
	h->pauses = 0;
	if (lh_script_find(argv[0], path, sizeof(path)) < 0)
		snprintf(path, sizeof(path), "%s", argv[0]);
	set_script_dir(h, path);
	if (protect(h, source_setup, &j, 0, "source") < 0)
		return LH_ERROR;
	return run_co(h, argc - 1);
}

/* "return CHUNK" first, so that `lua mm.stage()` shows the value */
static int load_chunk(lua_State *L, const char *chunk, const char *name)
{
	const char *ret = lua_pushfstring(L, "return %s;", chunk);

	if (luaL_loadbufferx(L, ret, strlen(ret), name, "t") == LUA_OK) {
		lua_remove(L, -2);
		return LUA_OK;
	}
	lua_pop(L, 2);
	return luaL_loadbufferx(L, chunk, strlen(chunk), name, "t");
}

/* a chunk typed while a script is paused runs at once, beside it */
static int chunk_beside(lua_State *L, struct lhost *h)
{
	int nres = lh_pcall_n(h, L, 0, LUA_MULTRET, "lua");

	regain(h);
	if (nres > 0) {
		lh_push_show(L);
		lua_insert(L, -nres - 1);
		lh_pcall(h, L, nres, "lua");
	}
	return nres < 0 ? LH_ERROR : LH_DONE;
}

static int chunk_setup(lua_State *L)
{
	struct job *j = lua_touserdata(L, 1);

	if (load_chunk(L, j->chunk, j->name) != LUA_OK)
		return lua_error(L);
	if (j->h->co)
		j->status = chunk_beside(L, j->h);
	else
		new_co(j->h, L, 0, "lua");
	return 0;
}

int lhost_chunk(struct lhost *h, const char *chunk, const char *chunkname)
{
	struct job j = { .h = h, .chunk = chunk, .name = chunkname ? chunkname : "=chunk",
			 .status = -1 };

	if (h->depth > 0) {
		lh_error_line(h, "lua", cannot_start(h));
		return LH_ERROR;
	}
	h->interrupt = 0;
	if (!h->co) /* a typed chunk's directory is the current one */
		snprintf(h->script_dir, sizeof(h->script_dir), ".");
	if (protect(h, chunk_setup, &j, 0, "lua") < 0)
		return LH_ERROR;
	if (j.status >= 0) /* ran beside a paused script */
		return j.status;
	return run_co(h, 0);
}

int lhost_resume(struct lhost *h)
{
	if (!h || !h->co || h->depth > 0)
		return LH_DONE;
	h->state = LH_DONE;
	return run_co(h, 0);
}

int lhost_busy(const struct lhost *h)
{
	return h && h->co != NULL;
}

int lhost_state(const struct lhost *h)
{
	return h && h->co ? h->state : LH_DONE;
}

void lhost_stop(struct lhost *h)
{
	if (!h)
		return;
	if (h->depth > 0) { /* it is running: stop it at its next hook */
		h->interrupt = 1;
		return;
	}
	drop_co(h);
}

void lhost_replay_to(struct lhost *h, int pause)
{
	if (h)
		h->replay_to = pause > 0 ? pause : 0;
}

int lhost_pauses(const struct lhost *h)
{
	return h ? h->pauses : 0;
}

static void drop_out(void *sink, const char *text, size_t len)
{
	(void)sink;
	(void)text;
	(void)len;
}

void lhost_set_quiet(struct lhost *h, int on)
{
	struct cmd_ctx *c;

	if (!h || !on == !h->quiet_out)
		return;
	c = h->c;
	cmd_flush(c);
	if (on) {
		h->quiet_out = c->out;
		h->quiet_event = c->out_event;
		h->quiet_sink = c->sink;
		c->out = drop_out;
		c->out_event = NULL; /* event lines go to out: dropped too */
		return;
	}
	c->out = h->quiet_out;
	c->out_event = h->quiet_event;
	h->quiet_out = NULL;
	h->quiet_event = NULL;
	h->quiet_sink = NULL;
}

void lhost_interrupt(struct lhost *h)
{
	if (h)
		h->interrupt = 1;
}

int lhost_key(struct lhost *h, const char *keyname)
{
	if (!h || h->depth > 0)
		return 0;
	h->interrupt = 0;
	return lh_key(h, keyname);
}

/* $XDG_CONFIG_HOME/mmscope/init.lua, else ~/.config/mmscope/init.lua */
int lhost_run_init(struct lhost *h)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[PATH_MAX];
	char *argv[1] = { path };
	FILE *f;

	if (!h)
		return LH_DONE;
	if (xdg && *xdg)
		snprintf(path, sizeof(path), "%s/mmscope/init.lua", xdg);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.config/mmscope/init.lua", home);
	else
		return LH_DONE;
	f = fopen(path, "r");
	if (!f)
		return LH_DONE;
	fclose(f);
	return lhost_source(h, 1, argv);
}

/* ---- the commands: source, lua, scripts, trust ------------------------------------ */

static int hook_source(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	(void)c;
	return lhost_source(ud, argc - 1, argv + 1) == LH_ERROR;
}

static int hook_lua(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	(void)c;
	if (argc < 2) {
		lh_error_line(ud, "lua", "missing chunk (usage: lua CHUNK)");
		return 1;
	}
	return lhost_chunk(ud, argv[1], "=chunk") == LH_ERROR;
}

static int hook_scripts(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	(void)c;
	(void)argv;
	if (argc > 1) {
		lh_error_line(ud, "scripts", "too many arguments (usage: scripts)");
		return 1;
	}
	lh_scripts_list(ud);
	return 0;
}

static int sandbox_set(lua_State *L)
{
	struct job *j = lua_touserdata(L, 1);

	lh_sandbox(L, j->h->trusted);
	return 0;
}

static int hook_trust(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	struct lhost *h = ud;
	char line[64];

	(void)c;
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "on") && strcmp(argv[1], "off"))) {
		lh_error_line(h, "trust", "usage: trust [on|off]");
		return 1;
	}
	if (argc == 2 && h->depth > 0) {
		lh_error_line(h, "trust", "a script cannot change its own sandbox");
		return 1;
	}
	if (argc == 2) {
		struct job j = { .h = h };

		h->trusted = strcmp(argv[1], "on") == 0;
		if (protect(h, sandbox_set, &j, 0, "trust") < 0)
			return 1;
	}
	snprintf(line, sizeof(line), "trust %s%s\n", h->trusted ? "on" : "off",
		 h->trusted ? " (scripts have the full standard library)" : " (scripts are sandboxed)");
	lh_out(h, line, strlen(line));
	return 0;
}

/* is the loaded chunk's error the "<eof>" of an open block? */
static int continues_check(lua_State *L)
{
	struct job *j = lua_touserdata(L, 1);
	const char *msg;
	size_t n;

	/* an expression is complete ("p.pfn" is not a statement) */
	if (load_chunk(L, j->chunk, "=chunk") != LUA_ERRSYNTAX)
		return 0;
	msg = lua_tolstring(L, -1, &n);
	j->status = n >= 5 && strcmp(msg + n - 5, "<eof>") == 0;
	return 0;
}

/* "lua" somewhere in s: a line without it cannot be a chunk, and most
 * lines of a batch file have none (a false alarm only costs the split) */
static int mentions_lua(const char *s)
{
	for (; (s = strchr(s, 'l')) != NULL; s++)
		if (s[1] == 'u' && s[2] == 'a')
			return 1;
	return 0;
}

/* Does the text typed so far end in a `lua` chunk whose block is open?
 * Lua says so with a syntax error at "<eof>" (lua.c's incomplete()). */
static int chunk_continues(void *ud, const char *text)
{
	struct job j = { .h = ud };
	struct cmd_words w;
	char err[64];
	size_t i, last = 0;

	if (!text || !mentions_lua(text))
		return 0; /* nothing typed, or no lua command in it */
	if (cmd_split(text, &w, 1, err, sizeof(err)) < 0 || !w.ncmds) {
		cmd_words_free(&w);
		return 0;
	}
	for (i = 0; i + 1 < w.nargv; i++)
		if (!w.argv[i])
			last = i + 1;
	if (strcmp(w.argv[last], "lua") == 0 && w.argv[last + 1]) {
		j.chunk = w.argv[last + 1];
		protect(j.h, continues_check, &j, 0, NULL);
	}
	cmd_words_free(&w);
	return j.status == 1;
}

/* ---- the host ---------------------------------------------------------------------- */

static void hooks_set(struct lhost *h, int on)
{
	struct cmd_ctx *c = h->c;

	cmd_set_hook(c, "source", on ? hook_source : NULL, h);
	cmd_set_hook(c, "lua", on ? hook_lua : NULL, h);
	cmd_set_hook(c, "scripts", on ? hook_scripts : NULL, h);
	cmd_set_hook(c, "trust", on ? hook_trust : NULL, h);
	c->continues = on ? chunk_continues : NULL;
	c->continues_ud = on ? h : NULL;
	c->req_done = on ? lh_req_done : NULL;
	c->req_done_ud = on ? h : NULL;
}

/* the libraries, the mm and ui modules, the sandbox (protected: memory) */
static int open_all(lua_State *L)
{
	struct lhost *h = lua_touserdata(L, 1);

	luaL_openlibs(L);
	lh_open_base(L, h);
	lh_open_handles(L, h);
	lh_open_mm(L, h);
	lh_open_ui(L, h);
	lh_sandbox(L, h->trusted);
	return 0;
}

struct lhost *lhost_new(struct cmd_ctx *c, const struct ui_host *ui, int trusted,
			char *err, size_t errlen)
{
	struct lhost *h = calloc(1, sizeof(*h));
	int i;

	if (h)
		h->mem_limit = LH_MEM_LIMIT;
	if (!h || !(h->L = lua_newstate(lh_alloc, h))) {
		snprintf(err, errlen, "lua: cannot start Lua: not enough memory");
		free(h);
		return NULL;
	}
	h->c = c;
	h->ui = ui;
	h->trusted = trusted;
	h->co_ref = LUA_NOREF;
	h->page_free_ref = LUA_NOREF;
	h->listen_id = -1;
	h->want_cpu = -1;
	h->gen_seen = c->machine_gen;
	for (i = 0; i < MM_MAX_CPUS; i++)
		h->pending[i].ref = LUA_NOREF;
	*(struct lhost **)lua_getextraspace(h->L) = h;
	lua_sethook(h->L, lh_hook, LUA_MASKCOUNT, LH_HOOK_EVERY);
	lua_pushcfunction(h->L, open_all);
	lua_pushlightuserdata(h->L, h);
	if (lua_pcall(h->L, 1, 0, 0) != LUA_OK) {
		snprintf(err, errlen, "lua: cannot start Lua: %s", lua_tostring(h->L, -1));
		lua_close(h->L);
		free(h);
		return NULL;
	}
	hooks_set(h, 1);
	return h;
}

void lhost_free(struct lhost *h)
{
	if (!h)
		return;
	lhost_set_quiet(h, 0);
	hooks_set(h, 0);
	lh_events_fini(h);
	drop_co(h);
	h->nlive = 0; /* lua_close collects the handles: no listener again */
	lua_close(h->L);
	free(h->live);
	free(h);
}
