/*
 * lsandbox.c - what a script may use, and where print goes.
 *
 * A classroom runs scripts it downloaded, so scripts are sandboxed unless
 * the person trusts them (--trust, `trust on`).  The sandbox keeps the
 * language and its pure libraries (string, table, math, utf8, coroutine)
 * and takes away what reaches outside the program:
 *
 *   os       only clock, date, difftime, time
 *   io       only write (to the output, like print), and open/lines for
 *            reading a named file
 *   debug    gone (it can break any invariant of the host)
 *   package  no loadlib, no C loaders; require loads text only, in the
 *            script's environment, from two places: the running script's
 *            own directory and the walkthrough library (lib/ of the
 *            scripts directories, as require("lib.NAME")).  package.path
 *            and package.cpath are not consulted, so changing them widens
 *            nothing.
 *   load, loadfile, dofile   text chunks only (binary chunks can crash Lua)
 *
 * Both sets live in the registry (FULL and SAFE, the same keys), so `trust`
 * can switch either way by copying one set into the globals.  print (and
 * sandboxed io.write) always go to the command context's out sink, so a
 * script's output stays in order with the commands' in the screen's log
 * and in transcripts.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define FULL "mmscope.full"
#define SAFE "mmscope.safe"
#define SHOW "mmscope.show"

/* what the two sets hold: globals, then package fields, then package.loaded */
static const char *const swapped_globals[] = { "os", "io", "debug", "load", "loadfile", "dofile",
					       NULL };
static const char *const swapped_package[] = { "loadlib", "cpath", "searchers", NULL };
static const char *const swapped_loaded[] = { "os", "io", "debug", NULL };

/* ---- print and io.write -------------------------------------------------------- */

static int lh_print(lua_State *L)
{
	struct lhost *h = lh_host(L);
	int i, n = lua_gettop(L);
	luaL_Buffer b;
	const char *s;
	size_t len;

	luaL_buffinit(L, &b);
	for (i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, '\t');
		luaL_tolstring(L, i, NULL);
		luaL_addvalue(&b);
	}
	luaL_addchar(&b, '\n');
	luaL_pushresult(&b);
	s = lua_tolstring(L, -1, &len);
	lh_out(h, s, len);
	return 0;
}

static int safe_write(lua_State *L)
{
	struct lhost *h = lh_host(L);
	int i, n = lua_gettop(L);
	const char *s;
	size_t len;

	for (i = 1; i <= n; i++) {
		if (lua_type(L, i) != LUA_TSTRING && lua_type(L, i) != LUA_TNUMBER)
			lh_argerror(L, i, "write", "string expected, got %s", luaL_typename(L, i));
		s = lua_tolstring(L, i, &len);
		lh_out(h, s, len);
	}
	return 0;
}

/* ---- reading files only -------------------------------------------------------- */

static int refuse(lua_State *L, const char *what)
{
	return luaL_error(L, "%s is not allowed in the sandbox ('trust on' lifts it)", what);
}

/* what the sandbox took away still answers, with a message that says why
 * instead of "attempt to call a nil value"; upvalue 1 is its name */
static int refused(lua_State *L)
{
	return refuse(L, lua_tostring(L, lua_upvalueindex(1)));
}

static void refusals(lua_State *L, const char *lib, const char *const *names)
{
	char what[64];
	int i;

	for (i = 0; names[i]; i++) {
		snprintf(what, sizeof(what), "%s.%s", lib, names[i]);
		lua_pushstring(L, what);
		lua_pushcclosure(L, refused, 1);
		lua_setfield(L, -2, names[i]);
	}
}

/* io.open(name [, "r"|"rb"]): the full io.open is upvalue 1 */
static int safe_open(lua_State *L)
{
	const char *name = lh_checkstr(L, 1, "open");
	const char *mode = luaL_optstring(L, 2, "r");
	int base = lua_gettop(L);

	if (strcmp(mode, "r") != 0 && strcmp(mode, "rb") != 0)
		return refuse(L, "opening a file for writing");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushstring(L, name);
	lua_pushstring(L, mode);
	lua_call(L, 2, LUA_MULTRET);
	return lua_gettop(L) - base;
}

/* io.lines(name, ...): a named file; without one it would read stdin */
static int safe_lines(lua_State *L)
{
	int n = lua_gettop(L);

	lh_checkstr(L, 1, "lines");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	return lua_gettop(L);
}

/* load(chunk [, name [, mode [, env]]]) with mode forced to "t" */
static int safe_load(lua_State *L)
{
	int n = lua_gettop(L);

	for (; n < 3; n++)
		lua_pushnil(L);
	lua_pushliteral(L, "t");
	lua_replace(L, 3);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	return lua_gettop(L);
}

/* loadfile(name [, mode [, env]]): a named text file */
static int safe_loadfile(lua_State *L)
{
	int n = lua_gettop(L);

	lh_checkstr(L, 1, "loadfile");
	for (; n < 2; n++)
		lua_pushnil(L);
	lua_pushliteral(L, "t");
	lua_replace(L, 2);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	return lua_gettop(L);
}

static int safe_dofile(lua_State *L)
{
	const char *name = lh_checkstr(L, 1, "dofile");

	lua_settop(L, 1);
	if (luaL_loadfilex(L, name, "t") != LUA_OK)
		return lua_error(L);
	lua_call(L, 0, LUA_MULTRET);
	return lua_gettop(L) - 1;
}

/* ---- building the two sets -------------------------------------------------------- */

static void wrap(lua_State *L, int set, const char *name, lua_CFunction fn)
{
	lua_getglobal(L, name);
	lua_pushcclosure(L, fn, 1);
	lua_setfield(L, set, name);
}

static void safe_os(lua_State *L, int set)
{
	static const char *const keep[] = { "clock", "date", "difftime", "time", NULL };
	int i;

	lua_createtable(L, 0, 4);
	lua_getglobal(L, "os");
	for (i = 0; keep[i]; i++) {
		lua_getfield(L, -1, keep[i]);
		lua_setfield(L, -3, keep[i]);
	}
	lua_pop(L, 1);
	refusals(L, "os", (const char *const[]){ "execute", "exit", "remove",
						  "rename", "tmpname", "getenv",
						  "setlocale", NULL });
	lua_setfield(L, set, "os");
}

static void safe_io(lua_State *L, int set, struct lhost *h)
{
	lua_createtable(L, 0, 3);
	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, safe_write, 1);
	lua_setfield(L, -2, "write");
	lua_getglobal(L, "io");
	lua_getfield(L, -1, "open");
	lua_pushcclosure(L, safe_open, 1);
	lua_setfield(L, -3, "open");
	lua_getfield(L, -1, "lines");
	lua_pushcclosure(L, safe_lines, 1);
	lua_setfield(L, -3, "lines");
	lua_pop(L, 1);
	refusals(L, "io", (const char *const[]){ "popen", "output", "input",
						  "tmpfile", NULL });
	lua_setfield(L, set, "io");
}

/* ---- require ------------------------------------------------------------------- */

#define LIB_PREFIX "lib."

static int readable_file(const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	fclose(f);
	return 1;
}

/*
 * Load the module file at path as text (binary too when trusted): the
 * loader on the stack, or an error that says why.  A binary chunk can
 * corrupt the VM, so the sandbox refuses it as load() does.
 */
static void load_module(lua_State *L, struct lhost *h, const char *name, const char *path)
{
	const char *msg;

	if (luaL_loadfilex(L, path, h->trusted ? "bt" : "t") == LUA_OK)
		return;
	msg = lua_tostring(L, -1);
	if (msg && strstr(msg, "attempt to load a binary chunk"))
		luaL_error(L, "module '%s': %s is a binary chunk: require loads text only "
			   "in the sandbox ('trust on' lifts it)", name, path);
	luaL_error(L, "error loading module '%s' from file '%s': %s", name, path,
		   msg ? msg : "(no message)");
}

/* try dir/NAME.lua and dir/NAME/init.lua; 1 with the loader and the file
 * name pushed, else 0 with the files tried added to tried */
static int try_dir(lua_State *L, struct lhost *h, const char *name, const char *dir,
		   const char *file, luaL_Buffer *tried)
{
	static const char *const forms[] = { "%s/%s.lua", "%s/%s/init.lua" };
	char path[PATH_MAX + 256];
	size_t i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		if (snprintf(path, sizeof(path), forms[i], dir, file) >= (int)sizeof(path))
			continue;
		if (readable_file(path)) {
			load_module(L, h, name, path);
			lua_pushstring(L, path);
			return 1;
		}
		luaL_addstring(tried, "\n\tno file '");
		luaL_addstring(tried, path);
		luaL_addstring(tried, "'");
	}
	return 0;
}

/*
 * The searcher after package.preload: the running script's own directory
 * (NAME with dots as slashes, .lua or /init.lua), then, for lib.NAME, the
 * lib/ directory of each scripts directory.  Upvalue 1 is the host.
 */
static int module_searcher(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *name = luaL_checkstring(L, 1);
	char dirs[LH_MAX_SCRIPT_DIRS][PATH_MAX], libdir[PATH_MAX + 8];
	char *file, *p;
	luaL_Buffer tried;
	int i, n;

	/* dots become slashes, so no ".." survives: NAME stays under dir */
	file = (char *)lua_newuserdatauv(L, strlen(name) + 1, 0);
	strcpy(file, name);
	for (p = file; *p; p++)
		if (*p == '.')
			*p = '/';
	luaL_buffinit(L, &tried);
	if (*file && try_dir(L, h, name, h->script_dir[0] ? h->script_dir : ".", file, &tried))
		return 2;
	if (strncmp(name, LIB_PREFIX, strlen(LIB_PREFIX)) == 0 && name[strlen(LIB_PREFIX)]) {
		n = lh_script_dirs(dirs);
		for (i = 0; i < n; i++) {
			snprintf(libdir, sizeof(libdir), "%.*s/lib", PATH_MAX - 1, dirs[i]);
			if (try_dir(L, h, name, libdir, file + strlen(LIB_PREFIX), &tried))
				return 2;
		}
	}
	luaL_pushresult(&tried);
	/* require adds "\n\t" before each searcher's message itself */
	lua_pushstring(L, lua_tostring(L, -1) + (lua_rawlen(L, -1) ? 2 : 0));
	return 1;
}

/*
 * The sandbox's searchers: package.preload's, then module_searcher.  The
 * standard Lua searcher (package.path, any chunk mode) and the C ones are
 * not reachable.  Trusted scripts get module_searcher before the
 * standard four, so their own directory works the same.
 */
static void safe_package(lua_State *L, int set, struct lhost *h)
{
	struct mm_buf path;

	lua_getglobal(L, "package");
	lua_getfield(L, -1, "searchers");
	lua_createtable(L, 2, 0);
	lua_rawgeti(L, -2, 1);
	lua_rawseti(L, -2, 1);
	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, module_searcher, 1);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, set, "package.searchers");
	lua_pop(L, 1);
	lua_pushliteral(L, "");
	lua_setfield(L, set, "package.cpath");
	/* trusted require (the standard searcher) looks in the scripts
	 * directories and the current one; the sandbox ignores package.path */
	mm_buf_init(&path);
	lh_script_path(&path);
	mm_buf_printf(&path, "%s./?.lua;./?/init.lua", path.len ? ";" : "");
	lua_pushstring(L, path.s);
	lua_setfield(L, -2, "path");
	mm_buf_free(&path);
	lua_pop(L, 1);
}

/* "package.NAME": where a set keeps package's fields */
static const char *package_key(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "package.%s", name);
	return buf;
}

/* the full set: what luaL_openlibs made */
static void full_set(lua_State *L, int set, struct lhost *h)
{
	char key[64];
	int i;

	for (i = 0; swapped_globals[i]; i++) {
		lua_getglobal(L, swapped_globals[i]);
		lua_setfield(L, set, swapped_globals[i]);
	}
	lua_getglobal(L, "package");
	for (i = 0; swapped_package[i]; i++) {
		lua_getfield(L, -1, swapped_package[i]);
		lua_setfield(L, set, package_key(key, sizeof(key), swapped_package[i]));
	}
	lua_pop(L, 1);
	/* the searchers: preload, the script's directory, then the standard
	 * ones (package.path, C modules) */
	lua_getfield(L, set, "package.searchers");
	lua_createtable(L, 5, 0);
	lua_rawgeti(L, -2, 1);
	lua_rawseti(L, -2, 1);
	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, module_searcher, 1);
	lua_rawseti(L, -2, 2);
	for (i = 2; lua_rawgeti(L, -2, i) != LUA_TNIL; i++)
		lua_rawseti(L, -2, i + 1);
	lua_pop(L, 1);
	lua_setfield(L, set, "package.searchers");
	lua_pop(L, 1);
}

static void safe_set(lua_State *L, int set, struct lhost *h)
{
	safe_os(L, set);
	safe_io(L, set, h);
	wrap(L, set, "load", safe_load);
	wrap(L, set, "loadfile", safe_loadfile);
	lua_pushcfunction(L, safe_dofile);
	lua_setfield(L, set, "dofile");
	safe_package(L, set, h);
}

/* pretty-printing for `lua EXPR`: tables a level or two deep, keys sorted
 * so that transcripts are stable */
static const char show_src[] =
	"local print = ...\n"
	"local type, tostring, pairs, ipairs, select = type, tostring, pairs, ipairs, select\n"
	"local sort, concat, fmt, mtype = table.sort, table.concat, string.format, math.type\n"
	"local function key_lt(a, b)\n"
	"  local ta, tb = type(a), type(b)\n"
	"  if ta ~= tb then return ta < tb end\n"
	"  if ta == 'number' or ta == 'string' then return a < b end\n"
	"  return tostring(a) < tostring(b)\n"
	"end\n"
	"local function scalar(v)\n"
	"  if type(v) == 'string' then return fmt('%q', v) end\n"
	"  return tostring(v)\n"
	"end\n"
	"local function show(v, depth)\n"
	"  if type(v) ~= 'table' then return scalar(v) end\n"
	"  if depth > 3 then return '{...}' end\n"
	"  local keys, parts, n = {}, {}, #v\n"
	"  for k in pairs(v) do keys[#keys + 1] = k end\n"
	"  sort(keys, key_lt)\n"
	"  local seq = #keys == n\n"
	"  for i, k in ipairs(keys) do\n"
	"    if i > 64 then parts[#parts + 1] = '...'; break end\n"
	"    local s = show(v[k], depth + 1)\n"
	"    if seq then parts[#parts + 1] = s\n"
	"    elseif type(k) == 'string' and k:match('^[%a_][%w_]*$') then\n"
	"      parts[#parts + 1] = k .. ' = ' .. s\n"
	"    else parts[#parts + 1] = '[' .. scalar(k) .. '] = ' .. s end\n"
	"  end\n"
	"  return '{' .. concat(parts, ', ') .. '}'\n"
	"end\n"
	"return function(...)\n"
	"  local out = {}\n"
	"  for i = 1, select('#', ...) do\n"
	"    local v = select(i, ...)\n"
	"    out[i] = type(v) == 'table' and show(v, 1) or tostring(v)\n"
	"  end\n"
	"  print(concat(out, '\\t'))\n"
	"end\n";

void lh_push_show(lua_State *L)
{
	lua_getfield(L, LUA_REGISTRYINDEX, SHOW);
}

/* print to the out sink; the two sets; the `lua EXPR` printer */
void lh_open_base(lua_State *L, struct lhost *h)
{
	int set;

	lua_pushlightuserdata(L, h);
	lua_pushcclosure(L, lh_print, 1);
	lua_pushvalue(L, -1);
	lua_setglobal(L, "print");
	if (luaL_loadbufferx(L, show_src, sizeof(show_src) - 1, "=show", "t") != LUA_OK)
		lua_error(L);
	lua_insert(L, -2);
	lua_call(L, 1, 1);
	lua_setfield(L, LUA_REGISTRYINDEX, SHOW);

	lua_newtable(L);
	set = lua_gettop(L);
	full_set(L, set, h);
	lua_setfield(L, LUA_REGISTRYINDEX, FULL);
	lua_newtable(L);
	set = lua_gettop(L);
	safe_set(L, set, h);
	lua_setfield(L, LUA_REGISTRYINDEX, SAFE);
}

/* copy one set into the globals, package and package.loaded */
void lh_sandbox(lua_State *L, int trusted)
{
	char key[64];
	int i;

	lua_getfield(L, LUA_REGISTRYINDEX, trusted ? FULL : SAFE);
	for (i = 0; swapped_globals[i]; i++) {
		lua_getfield(L, -1, swapped_globals[i]);
		lua_setglobal(L, swapped_globals[i]);
	}
	lua_getglobal(L, "package");
	for (i = 0; swapped_package[i]; i++) {
		lua_getfield(L, -2, package_key(key, sizeof(key), swapped_package[i]));
		lua_setfield(L, -2, swapped_package[i]);
	}
	lua_getfield(L, -1, "loaded");
	for (i = 0; swapped_loaded[i]; i++) {
		lua_getfield(L, -3, swapped_loaded[i]);
		lua_setfield(L, -2, swapped_loaded[i]);
	}
	lua_pop(L, 3);
}
