/*
 * lui.c - the `ui` module: what a walkthrough asks of whoever shows it.
 *
 * In the screen every call goes to the struct ui_host the screen gave
 * the host.  Headless (no ui_host) the same script still runs: ui.say
 * prints its narration on the output, each line led by "| " so it reads
 * apart from results; ui.pause returns at once; focus, highlight, layout
 * and theme succeed without doing anything; bind keeps nothing.
 */
#include <string.h>

#include "internal.h"

#define BINDINGS "mmscope.bindings"
#define NARRATION "| "

static int ui_fail(lua_State *L, int rc, const char *err)
{
	if (rc < 0)
		return luaL_error(L, "%s", err[0] ? err : "refused");
	return 0;
}

/* say(text): narration */
static int ui_say(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *text = luaL_tolstring(L, 1, NULL), *nl;
	luaL_Buffer b;

	if (h->ui && h->ui->say) {
		h->ui->say(h->ui->ud, text);
		return 0;
	}
	luaL_buffinit(L, &b);
	do { /* every line of it reads as narration */
		nl = strchr(text, '\n');
		luaL_addstring(&b, NARRATION);
		luaL_addlstring(&b, text, nl ? (size_t)(nl - text) : strlen(text));
		luaL_addchar(&b, '\n');
		text = nl ? nl + 1 : NULL;
	} while (text && *text);
	luaL_pushresult(&b);
	lh_out(h, lua_tostring(L, -1), lua_rawlen(L, -1));
	return 0;
}

/* pause([prompt]): the screen waits for a key; headless it returns */
static int ui_pause(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *prompt = luaL_optstring(L, 1, "paused");

	if (L == h->co && !h->in_callback) {
		h->pauses++;
		if (h->replay_to && h->pauses < h->replay_to)
			return 0; /* replaying: this step passes */
		h->replay_to = 0;
	}
	if (!lh_can_yield(h, L))
		return 0;
	if (h->ui->pause_prompt)
		h->ui->pause_prompt(h->ui->ud, prompt);
	return lh_yield_results(L, 0, LH_PAUSED);
}

static int ui_focus(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *panel = lh_checkstr(L, 1, "focus");
	char err[256] = "";

	if (h->ui && h->ui->focus)
		return ui_fail(L, h->ui->focus(h->ui->ud, panel, err, sizeof(err)), err);
	return 0;
}

static int ui_highlight(lua_State *L)
{
	struct lhost *h = lh_host(L);
	lua_Integer first = lh_checkint(L, 1, "highlight");
	lua_Integer last = lh_optint(L, 2, "highlight", first);
	char err[256] = "";

	if (first < 0)
		return lh_argerror(L, 1, "highlight", "pfn must not be negative");
	if (last < first)
		return lh_argerror(L, 2, "highlight", "last pfn is below the first");
	if (h->ui && h->ui->highlight)
		return ui_fail(L, h->ui->highlight(h->ui->ud, (unsigned long)first,
						   (unsigned long)last, err, sizeof(err)), err);
	return 0;
}

static int ui_layout(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *name = lh_checkstr(L, 1, "layout");
	char err[256] = "";

	if (h->ui && h->ui->layout)
		return ui_fail(L, h->ui->layout(h->ui->ud, name, err, sizeof(err)), err);
	return 0;
}

static int ui_theme(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *name = lh_checkstr(L, 1, "theme");
	char err[256] = "";

	if (h->ui && h->ui->theme)
		return ui_fail(L, h->ui->theme(h->ui->ud, name, err, sizeof(err)), err);
	return 0;
}

/* bind(key, fn): fn runs (to completion) when the key is pressed */
static int ui_bind(lua_State *L)
{
	struct lhost *h = lh_host(L);
	const char *key = lh_checkstr(L, 1, "bind");
	char err[256] = "";

	lh_checktype(L, 2, LUA_TFUNCTION, "bind");
	if (!h->ui || !h->ui->bind)
		return 0;
	ui_fail(L, h->ui->bind(h->ui->ud, key, err, sizeof(err)), err);
	luaL_getsubtable(L, LUA_REGISTRYINDEX, BINDINGS);
	lua_pushvalue(L, 2);
	lua_setfield(L, -2, key);
	return 0;
}

/* the function bound to the key (argument 2), if any, called with the key */
static int key_run(lua_State *L)
{
	const char *key = lua_touserdata(L, 2);

	luaL_getsubtable(L, LUA_REGISTRYINDEX, BINDINGS);
	if (lua_getfield(L, -1, key) != LUA_TFUNCTION) {
		lua_pushboolean(L, 0);
		return 1;
	}
	lua_pushstring(L, key);
	lua_call(L, 1, 0);
	lua_pushboolean(L, 1);
	return 1;
}

int lh_key(struct lhost *h, const char *key)
{
	lua_State *L = h->L;
	int bound = 1;

	lua_pushcfunction(L, key_run);
	lua_pushlightuserdata(L, h);
	lua_pushlightuserdata(L, (void *)key);
	if (lh_pcall_n(h, L, 2, 1, "lua: key binding") == 1) {
		bound = lua_toboolean(L, -1);
		lua_pop(L, 1);
	}
	h->active = NULL;
	return bound;
}

static const luaL_Reg ui_fns[] = {
	{ "say", ui_say },
	{ "pause", ui_pause },
	{ "focus", ui_focus },
	{ "highlight", ui_highlight },
	{ "layout", ui_layout },
	{ "theme", ui_theme },
	{ "bind", ui_bind },
	{ NULL, NULL },
};

int lh_open_ui(lua_State *L, struct lhost *h)
{
	luaL_newlibtable(L, ui_fns);
	lh_setfuncs(L, h, ui_fns);
	lua_pushboolean(L, h->ui && h->ui->interactive);
	lua_setfield(L, -2, "interactive");
	lua_pushvalue(L, -1);
	lua_setglobal(L, "ui");
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	lua_pushvalue(L, -2);
	lua_setfield(L, -2, "ui");
	lua_pop(L, 2);
	return 0;
}
