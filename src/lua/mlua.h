/*
 * mlua.h - the one header that includes Lua's (STYLE 7): every file of
 * src/lua/ includes this, nothing outside src/lua/ does.
 */
#ifndef MMSCOPE_MLUA_H
#define MMSCOPE_MLUA_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#endif
