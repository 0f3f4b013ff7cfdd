/*
 * gfp.c - get-free-page flags: reading them, printing them, and what they
 * ask of the allocator (which zone, which migrate type).
 *
 * A gfp mask is a bit set (mm.h holds the 3.10 values).  Three views of it
 * live here:
 *
 *  - the parser, for people: the kernel's macro spellings (__GFP_ZERO,
 *    GFP_KERNEL), the tracepoint's spellings of single bits (GFP_ZERO) and
 *    plain numbers, joined with '|', so a line copied out of a real trace
 *    reads back as the same mask;
 *  - the formatter, for the tracepoint: show_gfp_flags() of 3.10
 *    (include/trace/events/gfpflags.h) printed the way
 *    ftrace_print_flags_seq() does;
 *  - the policy helpers gfp_zone() and allocflags_to_migratetype().
 *
 * Every table is const; nothing here holds state.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mm.h"

/* include/linux/mmzone.h and vmstat.c of 3.10 with CONFIG_CMA off */
const char *const migratetype_names[MIGRATE_TYPES] = {
	[MIGRATE_UNMOVABLE] = "Unmovable",
	[MIGRATE_RECLAIMABLE] = "Reclaimable",
	[MIGRATE_MOVABLE] = "Movable",
	[MIGRATE_RESERVE] = "Reserve",
	[MIGRATE_ISOLATE] = "Isolate",
};

/* mm/page_alloc.c zone_names[], indexed by kind rather than by zone_idx */
const char *const zone_kind_names[MM_ZONE_KINDS] = {
	[ZONE_DMA] = "DMA",
	[ZONE_DMA32] = "DMA32",
	[ZONE_NORMAL] = "Normal",
	[ZONE_HIGHMEM] = "HighMem",
	[ZONE_MOVABLE] = "Movable",
};

/* ---- names the parser knows ---------------------------------------------
 *
 * One list feeds both the lookup table and mm_gfp_names[], so completion
 * can never offer a name the parser refuses.  Composites come first: when
 * two names are equally close to a typo, the suggestion is the composite.
 *
 * GFP_THISNODE is deliberately the single bit, as the tracepoint prints it.
 * In a UMA kernel's source the macro GFP_THISNODE is 0, but a trace line
 * saying GFP_THISNODE means bit 0x40000 was set, and reading traces back
 * is what the parser is for.  GFP_DMA and GFP_DMA32 are the same bit under
 * both readings.
 */
#define GFP_NAME_LIST(X)                                                   \
	X("GFP_NOWAIT", GFP_NOWAIT)                                        \
	X("GFP_ATOMIC", GFP_ATOMIC)                                        \
	X("GFP_NOIO", GFP_NOIO)                                            \
	X("GFP_NOFS", GFP_NOFS)                                            \
	X("GFP_KERNEL", GFP_KERNEL)                                        \
	X("GFP_TEMPORARY", GFP_TEMPORARY)                                  \
	X("GFP_USER", GFP_USER)                                            \
	X("GFP_HIGHUSER", GFP_HIGHUSER)                                    \
	X("GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE)                    \
	X("GFP_IOFS", GFP_IOFS)                                            \
	X("GFP_TRANSHUGE", GFP_TRANSHUGE)                                  \
	GFP_BIT_LIST(X, "__GFP_")                                          \
	GFP_BIT_LIST(X, "GFP_")

#define GFP_BIT_LIST(X, p)                                                 \
	X(p "DMA", __GFP_DMA)                                              \
	X(p "HIGHMEM", __GFP_HIGHMEM)                                      \
	X(p "DMA32", __GFP_DMA32)                                          \
	X(p "MOVABLE", __GFP_MOVABLE)                                      \
	X(p "WAIT", __GFP_WAIT)                                            \
	X(p "HIGH", __GFP_HIGH)                                            \
	X(p "IO", __GFP_IO)                                                \
	X(p "FS", __GFP_FS)                                                \
	X(p "COLD", __GFP_COLD)                                            \
	X(p "NOWARN", __GFP_NOWARN)                                        \
	X(p "REPEAT", __GFP_REPEAT)                                        \
	X(p "NOFAIL", __GFP_NOFAIL)                                        \
	X(p "NORETRY", __GFP_NORETRY)                                      \
	X(p "MEMALLOC", __GFP_MEMALLOC)                                    \
	X(p "COMP", __GFP_COMP)                                            \
	X(p "ZERO", __GFP_ZERO)                                            \
	X(p "NOMEMALLOC", __GFP_NOMEMALLOC)                                \
	X(p "HARDWALL", __GFP_HARDWALL)                                    \
	X(p "THISNODE", __GFP_THISNODE)                                    \
	X(p "RECLAIMABLE", __GFP_RECLAIMABLE)                              \
	X(p "KMEMCG", __GFP_KMEMCG)                                        \
	X(p "NOTRACK", __GFP_NOTRACK)                                      \
	X(p "NO_KSWAPD", __GFP_NO_KSWAPD)                                  \
	X(p "OTHER_NODE", __GFP_OTHER_NODE)                                \
	X(p "WRITE", __GFP_WRITE)

struct gfp_name {
	const char *name;
	gfp_t mask;
};

#define GFP_AS_NAME(n, v) n,
#define GFP_AS_ENTRY(n, v) { n, v },

const char *const mm_gfp_names[] = { GFP_NAME_LIST(GFP_AS_NAME) NULL };

static const struct gfp_name gfp_parse_table[] = {
	GFP_NAME_LIST(GFP_AS_ENTRY)
};
#define NR_GFP_NAMES (sizeof(gfp_parse_table) / sizeof(gfp_parse_table[0]))

/* ---- show_gfp_flags ---------------------------------------------------------
 *
 * The 3.10 table, in its order: masks with the most bits go first so that
 * GFP_HIGHUSER_MOVABLE is not printed as GFP_KERNEL|GFP_HARDWALL|...
 * DMA, HIGHMEM, DMA32, FS and WRITE have no single-bit entry, so alone
 * they come out in the hex remainder.
 */
static const struct gfp_name gfp_show_table[] = {
	{ "GFP_TRANSHUGE", GFP_TRANSHUGE },
	{ "GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE },
	{ "GFP_HIGHUSER", GFP_HIGHUSER },
	{ "GFP_USER", GFP_USER },
	{ "GFP_TEMPORARY", GFP_TEMPORARY },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_NOFS", GFP_NOFS },
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_NOIO", GFP_NOIO },
	{ "GFP_HIGH", __GFP_HIGH },
	{ "GFP_WAIT", __GFP_WAIT },
	{ "GFP_IO", __GFP_IO },
	{ "GFP_COLD", __GFP_COLD },
	{ "GFP_NOWARN", __GFP_NOWARN },
	{ "GFP_REPEAT", __GFP_REPEAT },
	{ "GFP_NOFAIL", __GFP_NOFAIL },
	{ "GFP_NORETRY", __GFP_NORETRY },
	{ "GFP_COMP", __GFP_COMP },
	{ "GFP_ZERO", __GFP_ZERO },
	{ "GFP_NOMEMALLOC", __GFP_NOMEMALLOC },
	{ "GFP_MEMALLOC", __GFP_MEMALLOC },
	{ "GFP_HARDWALL", __GFP_HARDWALL },
	{ "GFP_THISNODE", __GFP_THISNODE },
	{ "GFP_RECLAIMABLE", __GFP_RECLAIMABLE },
	{ "GFP_KMEMCG", __GFP_KMEMCG },
	{ "GFP_MOVABLE", __GFP_MOVABLE },
	{ "GFP_NOTRACK", __GFP_NOTRACK },
	{ "GFP_NO_KSWAPD", __GFP_NO_KSWAPD },
	{ "GFP_OTHER_NODE", __GFP_OTHER_NODE },
};
#define NR_GFP_SHOW (sizeof(gfp_show_table) / sizeof(gfp_show_table[0]))

/* Append to a bounded string; the result is always terminated and a
 * too-small buffer just truncates, as snprintf would. */
static size_t str_append(char *buf, size_t len, size_t pos, const char *s)
{
	size_t n = strlen(s);

	if (pos + 1 < len) {
		size_t room = len - pos - 1;

		memcpy(buf + pos, s, n < room ? n : room);
		buf[pos + (n < room ? n : room)] = '\0';
	}
	return pos + n;
}

/*
 * __print_flags(flags, "|", table): names of the entries whose bits are all
 * still set, each taking its bits away; what no entry claimed follows as
 * 0x%lx.  A zero mask never reaches __print_flags: show_gfp_flags prints
 * GFP_NOWAIT for it.
 */
void mm_gfp_format(gfp_t gfp, char *buf, size_t len)
{
	size_t pos = 0, i;
	char hex[16];

	if (!buf || !len)
		return;
	buf[0] = '\0';
	if (!gfp) {
		str_append(buf, len, 0, "GFP_NOWAIT");
		return;
	}
	for (i = 0; i < NR_GFP_SHOW && gfp; i++) {
		gfp_t mask = gfp_show_table[i].mask;

		if ((gfp & mask) != mask)
			continue;
		gfp &= ~mask;
		if (pos)
			pos = str_append(buf, len, pos, "|");
		pos = str_append(buf, len, pos, gfp_show_table[i].name);
	}
	if (gfp) {
		snprintf(hex, sizeof(hex), "0x%x", gfp);
		if (pos)
			pos = str_append(buf, len, pos, "|");
		str_append(buf, len, pos, hex);
	}
}

/* ---- parsing ------------------------------------------------------------- */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static char fold(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

#define GFP_TOKEN_MAX 64

/*
 * Levenshtein distance, ignoring case so that "gfp_kernel" is a near miss
 * rather than nonsense.  Both words are at most GFP_TOKEN_MAX long; the
 * caller gives up on longer ones.
 */
static size_t edit_distance(const char *a, size_t la, const char *b)
{
	size_t row[GFP_TOKEN_MAX + 1], lb = strlen(b), i, j;

	if (lb > GFP_TOKEN_MAX)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (fold(a[i - 1]) != fold(b[j - 1]));

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The name a mistyped token most likely meant, or NULL if none is close:
 * a forgotten "GFP_" prefix, or a few letters wrong. */
static const char *gfp_suggest(const char *tok, size_t n)
{
	const char *best = NULL;
	size_t best_d, i;

	if (n > GFP_TOKEN_MAX)
		return NULL;
	/* about one slip per three letters: at least one, never more than
	 * three, so "FOO" suggests nothing rather than GFP_IO */
	best_d = n / 3;
	if (best_d < 1)
		best_d = 1;
	if (best_d > 3)
		best_d = 3;
	best_d++; /* from here on: the distance to beat */
	for (i = 0; i < NR_GFP_NAMES; i++) {
		const char *name = gfp_parse_table[i].name;
		size_t d;

		if (!strncmp(name, "GFP_", 4) && strlen(name + 4) == n &&
		    !strncmp(name + 4, tok, n))
			return name;
		d = edit_distance(tok, n, name);
		if (d < best_d) {
			best_d = d;
			best = name;
		}
	}
	return best;
}

static const struct gfp_name *gfp_lookup(const char *tok, size_t n)
{
	size_t i;

	for (i = 0; i < NR_GFP_NAMES; i++) {
		const char *name = gfp_parse_table[i].name;

		if (name[0] == tok[0] && !strncmp(name, tok, n) && name[n] == '\0')
			return &gfp_parse_table[i];
	}
	return NULL;
}

static int all_digits(const char *s, size_t n, int base)
{
	size_t i;

	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = fold(s[i]);

		if (!(c >= '0' && c <= '9') &&
		    !(base == 16 && c >= 'A' && c <= 'F'))
			return 0;
	}
	return 1;
}

/* "0xd0" or "208"; no sign, no octal (a trace never prints one). */
static int gfp_number(const char *tok, size_t n, gfp_t *val, char *err,
		      size_t errlen)
{
	unsigned long long v;
	char copy[GFP_TOKEN_MAX + 1];
	size_t skip = 0;
	int base = 10;

	if (n > 1 && tok[0] == '0' && fold(tok[1]) == 'X') {
		base = 16;
		skip = 2;
	}
	if (n > GFP_TOKEN_MAX || !all_digits(tok + skip, n - skip, base)) {
		set_err(err, errlen, "bad gfp number '%.*s'", (int)n, tok);
		return MM_EINVAL;
	}
	memcpy(copy, tok, n);
	copy[n] = '\0';
	errno = 0;
	v = strtoull(copy + skip, NULL, base);
	if (errno == ERANGE || (v & ~(unsigned long long)__GFP_BITS_MASK)) {
		set_err(err, errlen,
			"gfp value '%s' has bits outside __GFP_BITS_MASK (0x%x)",
			copy, __GFP_BITS_MASK);
		return MM_EINVAL;
	}
	*val = (gfp_t)v;
	return 0;
}

static int gfp_token(const char *s, const char *tok, size_t n, gfp_t *val,
		     char *err, size_t errlen)
{
	const struct gfp_name *g;
	const char *hint;
	size_t i;

	if (!n) {
		set_err(err, errlen, "empty gfp flag in '%s'", s);
		return MM_EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (is_blank(tok[i])) {
			set_err(err, errlen,
				"missing '|' in gfp flags '%.*s' (join flags with |)",
				(int)n, tok);
			return MM_EINVAL;
		}
	}
	if (tok[0] >= '0' && tok[0] <= '9')
		return gfp_number(tok, n, val, err, errlen);
	g = gfp_lookup(tok, n);
	if (g) {
		*val = g->mask;
		return 0;
	}
	hint = gfp_suggest(tok, n);
	if (hint)
		set_err(err, errlen, "unknown gfp flag '%.*s' (did you mean %s?)",
			(int)n, tok, hint);
	else
		set_err(err, errlen, "unknown gfp flag '%.*s'", (int)n, tok);
	return MM_EINVAL;
}

/*
 * FLAG ['|' FLAG]...; blanks around each flag are ignored.  *out is only
 * written on success, so a caller's mask survives a typo.
 */
int mm_gfp_parse(const char *s, gfp_t *out, char *err, size_t errlen)
{
	const char *p;
	gfp_t gfp = 0;

	if (!s) {
		set_err(err, errlen, "no gfp flags given");
		return MM_EINVAL;
	}
	p = s;
	for (;;) {
		const char *tok, *end;
		gfp_t val = 0;
		int ret;

		while (is_blank(*p))
			p++;
		tok = p;
		while (*p && *p != '|')
			p++;
		end = p;
		while (end > tok && is_blank(end[-1]))
			end--;
		ret = gfp_token(s, tok, (size_t)(end - tok), &val, err, errlen);
		if (ret)
			return ret;
		gfp |= val;
		if (!*p)
			break;
		p++; /* the '|' */
	}
	*out = gfp;
	return 0;
}

/* ---- what the mask asks for ------------------------------------------------ */

/*
 * GFP_ZONE_TABLE of 3.10, one entry per combination of the four zone
 * modifiers.  At most one of DMA, DMA32 and HIGHMEM may be set; MOVABLE is
 * also a mobility hint, so it only selects ZONE_MOVABLE together with
 * HIGHMEM (GFP_HIGHUSER_MOVABLE) and otherwise leaves the zone alone.
 * -1 marks GFP_ZONE_BAD, where the kernel would VM_BUG_ON.  The table
 * names the zone as if every kind were configured; the kernel's OPT_ZONE_*
 * fallback to Normal is the machine's business.
 */
static const signed char gfp_zone_table[1 << 4] = {
	[0] = ZONE_NORMAL,
	[__GFP_DMA] = ZONE_DMA,
	[__GFP_HIGHMEM] = ZONE_HIGHMEM,
	[__GFP_DMA | __GFP_HIGHMEM] = -1,
	[__GFP_DMA32] = ZONE_DMA32,
	[__GFP_DMA32 | __GFP_DMA] = -1,
	[__GFP_DMA32 | __GFP_HIGHMEM] = -1,
	[__GFP_DMA32 | __GFP_HIGHMEM | __GFP_DMA] = -1,
	[__GFP_MOVABLE] = ZONE_NORMAL,
	[__GFP_MOVABLE | __GFP_DMA] = ZONE_DMA,
	[__GFP_MOVABLE | __GFP_HIGHMEM] = ZONE_MOVABLE,
	[__GFP_MOVABLE | __GFP_HIGHMEM | __GFP_DMA] = -1,
	[__GFP_MOVABLE | __GFP_DMA32] = ZONE_DMA32,
	[__GFP_MOVABLE | __GFP_DMA32 | __GFP_DMA] = -1,
	[__GFP_MOVABLE | __GFP_DMA32 | __GFP_HIGHMEM] = -1,
	[GFP_ZONEMASK] = -1,
};

int gfp_zone_kind(gfp_t gfp)
{
	return gfp_zone_table[gfp & GFP_ZONEMASK];
}

/*
 * Mobility grouping: MOVABLE -> 2, RECLAIMABLE -> 1, neither -> 0, all
 * off when grouping is disabled (too little memory per pageblock).  Both
 * bits together give 3 (MIGRATE_RESERVE) exactly as the kernel's
 * arithmetic does; the kernel WARNs on such a mask and callers must refuse
 * it rather than use 3 as a pcp list index.  A NULL machine means grouping
 * is on.
 */
int allocflags_to_migratetype(const struct mm_machine *m, gfp_t gfp)
{
	if (m && m->page_group_by_mobility_disabled)
		return MIGRATE_UNMOVABLE;
	return (((gfp & __GFP_MOVABLE) != 0) << 1) |
	       ((gfp & __GFP_RECLAIMABLE) != 0);
}
