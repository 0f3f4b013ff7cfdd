/*
 * luaeq.c - `CMD ... --lua`: the Lua a script would write for a command,
 * so people move from typing to scripting (drgn's --drgn).
 */
#include <string.h>

#include "internal.h"

/* Lua's long-string-free quoting: "..." with the escapes Lua reads back */
static void lua_quote(struct cmd_ctx *c, const char *s)
{
	cmd_puts(c, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			cmd_printf(c, "\\%c", *s);
		else if ((unsigned char)*s < ' ')
			cmd_printf(c, "\\%03d", (unsigned char)*s);
		else
			cmd_printf(c, "%c", *s);
	}
	cmd_puts(c, "\"");
}

/* The general form works for every command: mm.exec runs it through the
 * same command language. */
int cmd_lua_equivalent(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_buf line;
	int i;

	mm_buf_init(&line);
	for (i = 0; i < argc; i++)
		mm_buf_printf(&line, "%s%s", i ? " " : "", argv[i]);
	cmd_puts(c, "print(mm.exec(");
	lua_quote(c, line.s ? line.s : "");
	cmd_puts(c, "))\n");
	mm_buf_free(&line);
	return 0;
}
