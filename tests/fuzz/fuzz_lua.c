/*
 * fuzz_lua.c - libFuzzer target: a Lua script, sandboxed, through the
 * project's Lua host (src/lua) as `mmscope --batch` or the `lua` command
 * runs one.
 *
 * The input is the script's text, run as a `lua` chunk (lhost_chunk) in a
 * host that is not trusted (the sandbox of lsandbox.c) on one of the small
 * machines of common.c: a first line "-- machine: NAME" picks it (the Lua
 * tests have one), else the first byte.  An input whose first byte is
 * 0x80 or more uses that byte as a selector instead of text: the machine
 * (byte % 7), and with bit 0x40 the script runs as in the screen - a
 * ui_host that says it is interactive, so ui.pause and stepping yield and
 * the target resumes the script, at most FUZZ_RESUMES times.
 *
 * Caps, so that one input stays well under a second:
 *   - the host's own instruction limit (LH_INSN_LIMIT counted in hook
 *     calls) is reached FUZZ_HOOK_SCALE times sooner: the target calls the
 *     host's count hook every LH_HOOK_EVERY / FUZZ_HOOK_SCALE instructions;
 *   - every function of the mm module counts against FUZZ_MM_CALLS calls;
 *     mm.exec's command line answers to the budget of fuzz_cmd (common.c),
 *     and mm.tick, mm.task_spawn, mm.task_touch and mm.pagecache_add to the
 *     same tick and page limits.  Over the budget the call raises
 *     "fuzz: over budget", an error the script may catch like any other.
 * The global arg is { [0] = "scripts/fuzz.lua" }, as `source` would set it
 * for a walkthrough, so that those find their machine files.
 * Scripts read files (the sandbox allows it), relative to the current
 * directory: run it from the top of the tree so that require finds
 * tests/lua/testlib.lua; stdin should be /dev/null (make fuzz does both).
 *
 * Oracle: the sanitizers, libFuzzer's timeout, and the invariant checker
 * when the script has ended.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lua/internal.h"

#define FUZZ_HOOK_SCALE 200 /* 200M instructions / 200: 1M */
#define FUZZ_MM_CALLS 4096
#define FUZZ_RESUMES 64

enum wrap_kind { W_PLAIN, W_EXEC, W_TICK, W_PAGES_ARG1, W_PAGES_ARG2 };

static struct fuzz_budget budget;
static unsigned long mm_calls;

/* ---- a ui_host that acts like the screen and shows nothing ------------------- */

static void ui_say(void *ud, const char *text)
{
	(void)ud;
	if (fuzz_verbose())
		printf("| %s\n", text);
}

static void ui_prompt(void *ud, const char *prompt)
{
	(void)ud;
	(void)prompt;
}

static int ui_name(void *ud, const char *name, char *err, size_t errlen)
{
	(void)ud;
	(void)err;
	(void)errlen;
	return name[0] == '!' ? -1 : 0; /* the refusal path too */
}

static int ui_highlight(void *ud, unsigned long first, unsigned long last, char *err,
			size_t errlen)
{
	(void)ud;
	(void)first;
	(void)last;
	(void)err;
	(void)errlen;
	return 0;
}

static const struct ui_host screen = {
	.interactive = 1,
	.say = ui_say,
	.pause_prompt = ui_prompt,
	.focus = ui_name,
	.highlight = ui_highlight,
	.layout = ui_name,
	.theme = ui_name,
	.bind = ui_name,
};

/* ---- the mm module's functions, counted and capped ---------------------------- */

static int wrapped_k(lua_State *L, int status, lua_KContext ctx)
{
	(void)status;
	(void)ctx;
	return lua_gettop(L);
}

/* a count argument; what is no integer the wrapped function refuses itself */
static int count_arg(lua_State *L, int arg, unsigned long *n)
{
	int isint;
	lua_Integer v = lua_tointegerx(L, arg, &isint);

	if (!isint || v < 0)
		return 0;
	*n = (unsigned long)v;
	return 1;
}

/* upvalue 1: the function, upvalue 2: its enum wrap_kind */
static int wrapped(lua_State *L)
{
	int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
	unsigned long n = 1;
	int over = ++mm_calls > FUZZ_MM_CALLS;

	switch (kind) {
	case W_EXEC:
		over = over || (lua_type(L, 1) == LUA_TSTRING &&
				fuzz_line_ok(&budget, lua_tostring(L, 1)));
		break;
	case W_TICK:
		over = over || ((lua_isnoneornil(L, 1) || count_arg(L, 1, &n)) &&
				fuzz_tick_ok(&budget, n));
		break;
	case W_PAGES_ARG1:
	case W_PAGES_ARG2:
		over = over || (count_arg(L, kind == W_PAGES_ARG1 ? 1 : 2, &n) &&
				fuzz_pages_ok(&budget, n));
		break;
	}
	if (over)
		return luaL_error(L, "fuzz: over budget");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, wrapped_k);
	return lua_gettop(L);
}

static enum wrap_kind kind_of(const char *name)
{
	if (strcmp(name, "exec") == 0)
		return W_EXEC;
	if (strcmp(name, "tick") == 0)
		return W_TICK;
	if (strcmp(name, "pagecache_add") == 0)
		return W_PAGES_ARG1;
	if (strcmp(name, "task_spawn") == 0 || strcmp(name, "task_touch") == 0)
		return W_PAGES_ARG2;
	return W_PLAIN;
}

/* replace every function of the global mm (also package.loaded.mm); a
 * function under two names (break, break_) gets one wrapper */
static int wrap_mm(lua_State *L)
{
	lua_newtable(L); /* 1: original -> wrapper */
	lua_getglobal(L, "mm"); /* 2 */
	luaL_checktype(L, 2, LUA_TTABLE);
	lua_pushnil(L);
	while (lua_next(L, 2)) {
		if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TFUNCTION) {
			lua_pop(L, 1);
			continue;
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, 1) == LUA_TNIL) {
			lua_pop(L, 1);
			lua_pushvalue(L, -1); /* the original, for the map */
			lua_pushvalue(L, -2);
			lua_pushinteger(L, kind_of(lua_tostring(L, -4)));
			lua_pushcclosure(L, wrapped, 2);
			lua_pushvalue(L, -1);
			lua_insert(L, -3);
			lua_rawset(L, 1); /* map[original] = wrapper */
		}
		/* key, original, wrapper: mm[key] = wrapper (an existing key) */
		lua_remove(L, -2);
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, 2);
	}
	lua_settop(L, 0);
	return 0;
}

/* the mm functions wrapped; arg[0] as `source scripts/fuzz.lua` would set
 * it, so that the walkthroughs find their machine files */
static int setup(lua_State *L)
{
	wrap_mm(L);
	lua_createtable(L, 0, 1);
	lua_pushstring(L, "scripts/fuzz.lua");
	lua_rawseti(L, -2, 0);
	lua_setglobal(L, "arg");
	return 0;
}

/* ---- the target ------------------------------------------------------------------ */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct ui_host *ui = NULL;
	struct cmd_ctx c;
	struct lhost *h;
	char err[256], *text;
	int sel = size && data[0] >= 0x80, st, resumes = 0;

	if (sel && (data[0] & 0x40))
		ui = &screen;
	text = fuzz_text(data + sel, size - (size_t)sel);
	mm_calls = 0;
	cmd_ctx_init(&c, fuzz_boot(data, size), fuzz_out, fuzz_err, NULL);
	fuzz_budget_init(&budget, &c);
	c.flags = CMD_KEEP_GOING;
	h = lhost_new(&c, ui, 0, err, sizeof(err));
	if (!h) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	lua_sethook(h->L, lua_gethook(h->L), lua_gethookmask(h->L),
		    lua_gethookcount(h->L) / FUZZ_HOOK_SCALE);
	lua_pushcfunction(h->L, setup);
	if (lua_pcall(h->L, 0, 0, 0) != LUA_OK) {
		fprintf(stderr, "fuzz: %s\n", lua_tostring(h->L, -1));
		abort();
	}
	st = lhost_chunk(h, text, "=fuzz");
	while ((st == LH_PAUSED || st == LH_YIELD) && resumes++ < FUZZ_RESUMES)
		st = lhost_resume(h);
	if (lhost_busy(h))
		lhost_stop(h);
	lhost_free(h);
	fuzz_check(c.m, "the end of the script");
	fuzz_budget_fini(&budget);
	cmd_ctx_fini(&c);
	free(text);
	return 0;
}
