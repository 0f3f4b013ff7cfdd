/*
 * args.c - parsing command arguments: numbers, orders, CPUs, pfns, zone
 * and migrate type names, and the -c CPU option.  Each cmd_arg_* parser
 * reports its own error line, so a handler reads as a list of checks.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static int digit_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return 99;
}

/*
 * A decimal, or hexadecimal after 0x, as strtoul reads it from there
 * (which also takes a second 0x before a hex digit): -1 if text is left
 * over, -2 if it does not fit (*out is then ULONG_MAX).
 */
int cmd_parse_ulong(const char *s, unsigned long *out)
{
	const char *p = s;
	unsigned long v = 0, base = 10;
	int over = 0, d;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
		if (!isxdigit((unsigned char)*p))
			return -1;
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2]))
			p += 2;
	} else if (!isdigit((unsigned char)*p)) {
		return -1;
	}
	for (; (unsigned long)(d = digit_value(*p)) < base; p++) {
		if (v > (ULONG_MAX - (unsigned long)d) / base)
			over = 1;
		else
			v = v * base + (unsigned long)d;
	}
	*out = over ? ULONG_MAX : v;
	if (*p)
		return -1;
	return over ? -2 : 0;
}

int cmd_arg_order(struct cmd_ctx *c, const char *s, int *order)
{
	unsigned long v;
	int rc = cmd_parse_ulong(s, &v);

	if (rc == -1)
		return cmd_error(c, "invalid order '%s'", s);
	if (rc == -2 || v >= MAX_ORDER)
		return cmd_error(c, "order %s >= MAX_ORDER (%d)", s, MAX_ORDER);
	*order = (int)v;
	return 0;
}

int cmd_arg_cpu(struct cmd_ctx *c, const char *s, int *cpu)
{
	struct mm_machine_view mv;
	unsigned long v;
	int rc = cmd_parse_ulong(s, &v);

	if (rc == -1)
		return cmd_error(c, "invalid cpu '%s'", s);
	mm_view_machine(c->m, &mv);
	if (rc == -2 || v >= (unsigned long)mv.nr_cpus)
		return cmd_error(c, "cpu %s does not exist (cpus 0-%d)", s, mv.nr_cpus - 1);
	*cpu = (int)v;
	return 0;
}

int cmd_arg_pfn(struct cmd_ctx *c, const char *s, unsigned long *pfn)
{
	unsigned long max_pfn = mm_view_max_pfn(c->m);
	int rc = cmd_parse_ulong(s, pfn);

	if (rc == -1)
		return cmd_error(c, "invalid pfn '%s'", s);
	if (rc == -2 || *pfn >= max_pfn)
		return cmd_error(c, "pfn %s is beyond the last pfn 0x%lx", s, max_pfn - 1);
	return 0;
}

static void zone_names(struct cmd_ctx *c, struct mm_buf *b)
{
	struct mm_zone_view z;

	for (int i = 0; mm_view_zone(c->m, i, &z) == 0; i++)
		mm_buf_printf(b, "%s%s", i ? " " : "", z.name);
}

/* a zone by name, as its index */
int cmd_arg_zone(struct cmd_ctx *c, const char *s, int *idx)
{
	struct mm_buf b;
	int rc;

	*idx = mm_view_zone_find(c->m, s);
	if (*idx >= 0)
		return 0;
	mm_buf_init(&b);
	zone_names(c, &b);
	rc = cmd_error(c, "no zone '%s' (zones: %s)", s, b.s ? b.s : "");
	mm_buf_free(&b);
	return rc;
}

/* A migrate type by name, case-insensitive; a unique prefix is enough. */
int cmd_arg_migratetype(struct cmd_ctx *c, const char *s, int *mt)
{
	size_t len = strlen(s);
	int i, found = -1, nfound = 0;

	for (i = 0; i < MIGRATE_TYPES; i++) {
		if (strcasecmp(s, migratetype_names[i]) == 0) {
			*mt = i;
			return 0;
		}
		if (len && strncasecmp(s, migratetype_names[i], len) == 0) {
			found = i;
			nfound++;
		}
	}
	if (nfound == 1) {
		*mt = found;
		return 0;
	}
	if (nfound > 1)
		return cmd_error(c, "ambiguous migrate type '%s'", s);
	return cmd_error(c, "unknown migrate type '%s' (Unmovable, Reclaimable, "
			 "Movable, Reserve, Isolate)", s);
}

int cmd_opt_cpu(struct cmd_ctx *c, int argc, char **argv, int *argi, int *cpu)
{
	const char *a;

	*cpu = mm_view_cur_cpu(c->m);
	/* "-5" is a (bad) number, not an option */
	while (*argi < argc && argv[*argi][0] == '-' && argv[*argi][1] &&
	       !isdigit((unsigned char)argv[*argi][1])) {
		a = argv[(*argi)++];
		if (strcmp(a, "--") == 0)
			break;
		if (strncmp(a, "-c", 2) != 0)
			return cmd_error(c, "unknown option '%s'", a);
		if (a[2] == '\0' && *argi >= argc)
			return cmd_error(c, "option -c needs a cpu number");
		if (cmd_arg_cpu(c, a[2] ? a + 2 : argv[(*argi)++], cpu))
			return 1;
	}
	return 0;
}

/* The synopsis of the running command or show subcommand. */
static const char *usage_of(const char *name)
{
	const struct cmd_def *d = cmd_lookup(name);
	size_t i;

	if (d)
		return d->args;
	for (i = 0; i < show_table_len; i++)
		if (strncmp(name, "show ", 5) == 0 &&
		    strcmp(name + 5, show_table[i].name) == 0)
			return show_table[i].args;
	return "";
}

int cmd_nargs(struct cmd_ctx *c, int argc, int lo, int hi)
{
	const char *usage, *sep;

	if (argc - 1 >= lo && (hi < 0 || argc - 1 <= hi))
		return 0;
	usage = usage_of(c->cur);
	sep = usage[0] ? " " : "";
	if (argc - 1 < lo)
		return cmd_error(c, "missing argument (usage: %s%s%s)", c->cur, sep,
				 usage);
	return cmd_error(c, "too many arguments (usage: %s%s%s)", c->cur,
			 sep, usage);
}
