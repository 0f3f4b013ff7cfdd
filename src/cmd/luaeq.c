/*
 * luaeq.c - `CMD ... --lua`: the Lua a script would write for a command,
 * so people move from typing to scripting (drgn's --drgn).
 *
 * The common commands have a line of their own in the mm module's terms
 * (alloc_pages -> mm.alloc_pages, cat /proc/X -> mm.proc("X"), ...).  A
 * command this file does not know, or a form of a known one it cannot
 * translate exactly (a wrong argument, an option Lua has no word for),
 * gets the general form, print(mm.exec("...")), which runs it through the
 * same command language.  Numbers are copied as typed (0x1a00 stays hex;
 * Lua reads both).
 */
#include <ctype.h>
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
static void general_form(struct cmd_ctx *c, int argc, char **argv)
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
}

/* ---- reading the command's words ------------------------------------------------- */

/* what the words say, once -c CPU and --step are taken out */
struct words {
	int argc;
	char **argv;
	const char *cpu; /* NULL: the current cpu */
	int step;
};

static int is_num(const char *s)
{
	unsigned long v;

	return cmd_parse_ulong(s, &v) == 0;
}

/* -1 when -c has no number after it */
static int read_words(int argc, char **argv, struct words *w, char **buf, int nbuf)
{
	int i, n = 0;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < argc && n < nbuf; i++) {
		if (i > 0 && strcmp(argv[i], "--step") == 0) {
			w->step = 1;
		} else if (i == 1 && strcmp(argv[i], "-c") == 0) {
			if (i + 1 >= argc || !is_num(argv[i + 1]))
				return -1;
			w->cpu = argv[++i];
		} else if (i == 1 && strncmp(argv[i], "-c", 2) == 0) {
			if (!is_num(argv[i] + 2))
				return -1;
			w->cpu = argv[i] + 2;
		} else {
			buf[n++] = argv[i];
		}
	}
	w->argc = n;
	w->argv = buf;
	return 0;
}

/* ", {cpu = N, step = true}" when there is something to say; lead says
 * what comes before it when earlier optional arguments were left out */
static void opts(struct cmd_ctx *c, const struct words *w, const char *lead)
{
	if (!w->cpu && !w->step)
		return;
	cmd_printf(c, "%s, {", lead);
	if (w->cpu)
		cmd_printf(c, "cpu = %s%s", w->cpu, w->step ? ", " : "");
	if (w->step)
		cmd_puts(c, "step = true");
	cmd_puts(c, "}");
}

/* ", "GFP"" if the word is there, or what opts() needs in its place */
static const char *opt_gfp(struct cmd_ctx *c, const struct words *w, int i)
{
	if (i < w->argc) {
		cmd_puts(c, ", ");
		lua_quote(c, w->argv[i]);
		return "";
	}
	return ", nil";
}

/* ---- the translations: 0 printed, -1 for the general form ------------------------- */

static int eq_alloc_pages(struct cmd_ctx *c, const struct words *w)
{
	if (w->argc != 3 || !is_num(w->argv[2]))
		return -1;
	cmd_puts(c, "local page = mm.alloc_pages(");
	lua_quote(c, w->argv[1]);
	cmd_printf(c, ", %s", w->argv[2]);
	opts(c, w, "");
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_free_pages(struct cmd_ctx *c, const struct words *w)
{
	if (w->step || w->argc < 2 || w->argc > 3 || !is_num(w->argv[1]) ||
	    (w->argc == 3 && !is_num(w->argv[2])))
		return -1;
	cmd_printf(c, "mm.free_pages(%s", w->argv[1]);
	if (w->argc == 3)
		cmd_printf(c, ", %s", w->argv[2]);
	opts(c, w, w->argc == 3 ? "" : ", nil");
	cmd_puts(c, ")\n");
	return 0;
}

/* one more "key = value" of an options table */
static void opt_add(struct mm_buf *b, const char *key, const char *value)
{
	mm_buf_printf(b, "%s%s = %s", b->len ? ", " : "", key, value);
}

/* FLAGS as the command reads them: SLAB_* names, "ctor", "shrinker" */
static void slab_flags(struct mm_buf *b, const char *s)
{
	struct mm_buf rest;
	const char *p = s;
	size_t len;
	int ctor = 0, shrinker = 0;

	mm_buf_init(&rest);
	while (*p) {
		len = strcspn(p, "| ");
		if (len == 4 && strncmp(p, "ctor", 4) == 0)
			ctor = 1;
		else if (len == 8 && strncmp(p, "shrinker", 8) == 0)
			shrinker = 1;
		else if (len)
			mm_buf_printf(&rest, "%s%.*s", rest.len ? "|" : "", (int)len, p);
		p += len;
		p += strspn(p, "| ");
	}
	if (rest.len) {
		mm_buf_printf(b, "%sflags = \"%s\"", b->len ? ", " : "", rest.s);
	}
	if (ctor)
		opt_add(b, "ctor", "true");
	if (shrinker)
		opt_add(b, "shrinker", "true");
	mm_buf_free(&rest);
}

static int eq_kmem_cache_create(struct cmd_ctx *c, const struct words *w)
{
	const char *align = NULL, *flags = NULL;
	struct mm_buf o;

	if (w->cpu || w->step || w->argc < 3 || w->argc > 5 || !is_num(w->argv[2]))
		return -1;
	if (w->argc > 3 && isdigit((unsigned char)w->argv[3][0]) &&
	    !(w->argc == 4 && strchr(w->argv[3], '|'))) {
		align = w->argv[3];
		flags = w->argc == 5 ? w->argv[4] : NULL;
	} else if (w->argc == 4) {
		flags = w->argv[3];
	} else if (w->argc == 5) {
		return -1;
	}
	if ((align && !is_num(align)) || (flags && strpbrk(flags, "\"\\")))
		return -1;
	mm_buf_init(&o);
	if (align)
		opt_add(&o, "align", align);
	if (flags)
		slab_flags(&o, flags);
	cmd_puts(c, "local cache = mm.kmem_cache_create(");
	lua_quote(c, w->argv[1]);
	cmd_printf(c, ", %s", w->argv[2]);
	if (o.len)
		cmd_printf(c, ", {%s}", o.s);
	cmd_puts(c, ")\n");
	mm_buf_free(&o);
	return 0;
}

/* mm.cache("NAME"):METHOD( */
static void cache_call(struct cmd_ctx *c, const char *prefix, const char *name, const char *method)
{
	cmd_printf(c, "%smm.cache(", prefix);
	lua_quote(c, name);
	cmd_printf(c, "):%s(", method);
}

static int eq_kmem_cache_alloc(struct cmd_ctx *c, const struct words *w)
{
	const char *lead;

	if (w->step || w->argc < 2 || w->argc > 3)
		return -1;
	cache_call(c, "local obj = ", w->argv[1], "alloc");
	if (w->argc == 3)
		lua_quote(c, w->argv[2]);
	lead = w->argc == 3 ? "" : "nil";
	if (w->cpu)
		cmd_printf(c, "%s, {cpu = %s}", lead, w->cpu);
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_kmem_cache_free(struct cmd_ctx *c, const struct words *w)
{
	if (w->step || w->argc != 3 || !is_num(w->argv[2]))
		return -1;
	cache_call(c, "", w->argv[1], "free");
	cmd_printf(c, "%s", w->argv[2]);
	opts(c, w, "");
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_cache_method(struct cmd_ctx *c, const struct words *w, const char *prefix,
			   const char *method, const char *suffix)
{
	if (w->cpu || w->step || w->argc != 2)
		return -1;
	cache_call(c, prefix, w->argv[1], method);
	cmd_printf(c, ")%s\n", suffix);
	return 0;
}

static int eq_kmem_cache_shrink(struct cmd_ctx *c, const struct words *w)
{
	return eq_cache_method(c, w, "print(", "shrink", ")");
}

static int eq_kmem_cache_destroy(struct cmd_ctx *c, const struct words *w)
{
	return eq_cache_method(c, w, "", "destroy", "");
}

static int eq_kmalloc(struct cmd_ctx *c, const struct words *w)
{
	if (w->step || w->argc < 2 || w->argc > 3 || !is_num(w->argv[1]))
		return -1;
	cmd_printf(c, "local addr = mm.kmalloc(%s", w->argv[1]);
	if (w->argc == 3 || w->cpu)
		opts(c, w, opt_gfp(c, w, 2));
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_kfree(struct cmd_ctx *c, const struct words *w)
{
	if (w->step || w->argc != 2 || !is_num(w->argv[1]))
		return -1;
	cmd_printf(c, "mm.kfree(%s", w->argv[1]);
	opts(c, w, "");
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_ksize(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc != 2 || !is_num(w->argv[1]))
		return -1;
	cmd_printf(c, "print(mm.ksize(%s))\n", w->argv[1]);
	return 0;
}

static int eq_cat(struct cmd_ctx *c, const struct words *w)
{
	int i;

	if (w->cpu || w->step || w->argc < 2)
		return -1;
	for (i = 1; i < w->argc; i++) {
		const char *f = w->argv[i];

		cmd_puts(c, "print(mm.proc(");
		lua_quote(c, strncmp(f, "/proc/", 6) == 0 ? f + 6 : f);
		cmd_puts(c, "))\n");
	}
	return 0;
}

static int eq_tick(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc > 2 || (w->argc == 2 && !is_num(w->argv[1])))
		return -1;
	cmd_printf(c, "mm.tick(%s)\n", w->argc == 2 ? w->argv[1] : "");
	return 0;
}

/* one KEY or KEY=VALUE (sysctl -w KEY=VALUE too) */
static int eq_sysctl(struct cmd_ctx *c, const struct words *w)
{
	const char *arg = NULL, *eq;
	int i;

	for (i = 1; i < w->argc; i++) {
		if (strcmp(w->argv[i], "-w") == 0)
			continue;
		if (arg || w->argv[i][0] == '-')
			return -1;
		arg = w->argv[i];
	}
	if (!arg || w->cpu || w->step)
		return -1;
	eq = strchr(arg, '=');
	if (eq && !is_num(eq + 1 + (eq[1] == '-')))
		return -1;
	if (!eq) {
		cmd_puts(c, "print(mm.sysctl(");
		lua_quote(c, arg);
		cmd_puts(c, "))\n");
		return 0;
	}
	cmd_printf(c, "mm.sysctl(\"%.*s\", %s)\n", (int)(eq - arg), arg, eq + 1);
	return strpbrk(arg, "\"\\") ? -1 : 0;
}

static int eq_task(struct cmd_ctx *c, const struct words *w)
{
	const char *sub = w->argc > 1 ? w->argv[1] : "";

	if (w->cpu || w->step)
		return -1;
	if (strcmp(sub, "spawn") == 0 && (w->argc == 4 || w->argc == 5) && is_num(w->argv[3])) {
		cmd_puts(c, "local pid = mm.task_spawn(");
		lua_quote(c, w->argv[2]);
		cmd_printf(c, ", %s", w->argv[3]);
		if (w->argc == 5) {
			cmd_puts(c, ", ");
			lua_quote(c, w->argv[4]);
		}
		cmd_puts(c, ")\n");
		return 0;
	}
	if (strcmp(sub, "exit") == 0 && w->argc == 3 && is_num(w->argv[2])) {
		cmd_printf(c, "mm.task_exit(%s)\n", w->argv[2]);
		return 0;
	}
	if (strcmp(sub, "touch") == 0 && w->argc == 4 && is_num(w->argv[2]) && is_num(w->argv[3])) {
		cmd_printf(c, "mm.task_touch(%s, %s)\n", w->argv[2], w->argv[3]);
		return 0;
	}
	return -1;
}

static int eq_pagecache(struct cmd_ctx *c, const struct words *w)
{
	const char *sub = w->argc > 1 ? w->argv[1] : "";

	if (w->cpu || w->step)
		return -1;
	if (strcmp(sub, "drop") == 0 && w->argc == 2) {
		cmd_puts(c, "print(mm.pagecache_drop())\n");
		return 0;
	}
	if (strcmp(sub, "add") != 0 || w->argc < 3 || w->argc > 4 || !is_num(w->argv[2]))
		return -1;
	if (w->argc == 4 && strcmp(w->argv[3], "dirty") && strcmp(w->argv[3], "clean"))
		return -1;
	cmd_printf(c, "mm.pagecache_add(%s%s)\n", w->argv[2],
		   w->argc == 4 && !strcmp(w->argv[3], "dirty") ? ", true" : "");
	return 0;
}

/* step, next, finish, continue: mm.step() ... */
static int eq_resume(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc != 1)
		return -1;
	cmd_printf(c, "mm.%s()\n", w->argv[0]);
	return 0;
}

static int eq_break(struct cmd_ctx *c, const struct words *w)
{
	unsigned long n;

	if (w->cpu || w->step || (w->argc != 2 && w->argc != 4))
		return -1;
	if (w->argc == 4 && (strcmp(w->argv[2], "if") || strncmp(w->argv[3], "order>=", 7) ||
			     cmd_parse_ulong(w->argv[3] + 7, &n)))
		return -1;
	cmd_puts(c, "mm[\"break\"](");
	lua_quote(c, w->argv[1]);
	if (w->argc == 4)
		cmd_printf(c, ", %s", w->argv[3] + 7);
	cmd_puts(c, ")\n");
	return 0;
}

static int eq_delete(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc != 2 || !is_num(w->argv[1]))
		return -1;
	cmd_printf(c, "mm.delete(%s)\n", w->argv[1]);
	return 0;
}

static int eq_check(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc != 1)
		return -1;
	cmd_puts(c, "assert(mm.check())\n");
	return 0;
}

static int eq_cpu(struct cmd_ctx *c, const struct words *w)
{
	if (w->step || w->cpu || w->argc > 2 || (w->argc == 2 && !is_num(w->argv[1])))
		return -1;
	if (w->argc == 2)
		cmd_printf(c, "mm.cpu(%s)\n", w->argv[1]);
	else
		cmd_puts(c, "print(mm.cpu())\n");
	return 0;
}

static int eq_source(struct cmd_ctx *c, const struct words *w)
{
	if (w->cpu || w->step || w->argc != 2)
		return -1;
	cmd_puts(c, "dofile(");
	lua_quote(c, w->argv[1]);
	cmd_puts(c, ")\n");
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(struct cmd_ctx *c, const struct words *w);
} translations[] = {
	{ "alloc_pages", eq_alloc_pages },
	{ "free_pages", eq_free_pages },
	{ "kmem_cache_create", eq_kmem_cache_create },
	{ "kmem_cache_alloc", eq_kmem_cache_alloc },
	{ "kmem_cache_free", eq_kmem_cache_free },
	{ "kmem_cache_shrink", eq_kmem_cache_shrink },
	{ "kmem_cache_destroy", eq_kmem_cache_destroy },
	{ "kmalloc", eq_kmalloc },
	{ "kfree", eq_kfree },
	{ "ksize", eq_ksize },
	{ "cat", eq_cat },
	{ "tick", eq_tick },
	{ "sysctl", eq_sysctl },
	{ "task", eq_task },
	{ "pagecache", eq_pagecache },
	{ "step", eq_resume },
	{ "next", eq_resume },
	{ "finish", eq_resume },
	{ "continue", eq_resume },
	{ "break", eq_break },
	{ "delete", eq_delete },
	{ "check", eq_check },
	{ "cpu", eq_cpu },
	{ "source", eq_source },
};

int cmd_lua_equivalent(struct cmd_ctx *c, int argc, char **argv)
{
	char *buf[64];
	struct words w;
	size_t i, mark = c->obuf.len;

	if (argc <= (int)(sizeof(buf) / sizeof(buf[0])) && read_words(argc, argv, &w, buf, 64) == 0)
		for (i = 0; i < sizeof(translations) / sizeof(translations[0]); i++)
			if (strcmp(argv[0], translations[i].name) == 0) {
				if (translations[i].fn(c, &w) == 0)
					return 0;
				/* a half-written line goes: the general form instead */
				c->obuf.len = mark;
				if (c->obuf.s)
					c->obuf.s[mark] = '\0';
				break;
			}
	general_form(c, argc, argv);
	return 0;
}
