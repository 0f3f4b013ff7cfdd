/*
 * test_gfp.c - mm/gfp.c against the values of Linux 3.10: the composite
 * masks of include/linux/gfp.h, show_gfp_flags of
 * include/trace/events/gfpflags.h as ftrace prints it, GFP_ZONE_TABLE and
 * allocflags_to_migratetype, plus the parser's words to a person.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mm.h"

static gfp_t parse_ok(const char *s)
{
	char err[256] = "";
	gfp_t gfp = 0xdeadu;

	if (mm_gfp_parse(s, &gfp, err, sizeof(err)) != 0)
		fail_msg("parse '%s' failed: %s", s, err);
	return gfp;
}

/* Parse must fail with exactly this message and leave *out alone. */
static void parse_err(const char *s, const char *want)
{
	char err[256] = "";
	gfp_t gfp = 0x1234;

	assert_int_equal(mm_gfp_parse(s, &gfp, err, sizeof(err)), MM_EINVAL);
	assert_string_equal(err, want);
	assert_int_equal(gfp, 0x1234);
}

static void assert_format(gfp_t gfp, const char *want)
{
	char buf[512];

	mm_gfp_format(gfp, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

/* ---- values --------------------------------------------------------------- */

static void test_composite_values(void **state)
{
	(void)state;
	assert_int_equal(GFP_KERNEL, 0xd0);
	assert_int_equal(GFP_HIGHUSER_MOVABLE, 0x200da);
	assert_int_equal(GFP_TRANSHUGE, 0x4352da);
	assert_int_equal(GFP_NOWAIT, 0);
	assert_int_equal(__GFP_BITS_MASK, 0x1ffffff);

	assert_int_equal(parse_ok("GFP_KERNEL"), 0xd0);
	assert_int_equal(parse_ok("GFP_HIGHUSER_MOVABLE"), 0x200da);
	assert_int_equal(parse_ok("GFP_TRANSHUGE"), 0x4352da);
	assert_int_equal(parse_ok("GFP_NOWAIT"), 0);
	assert_int_equal(parse_ok("GFP_ATOMIC"), 0x20);
	assert_int_equal(parse_ok("GFP_NOIO"), 0x10);
	assert_int_equal(parse_ok("GFP_NOFS"), 0x50);
	assert_int_equal(parse_ok("GFP_TEMPORARY"), 0x800d0);
	assert_int_equal(parse_ok("GFP_USER"), 0x200d0);
	assert_int_equal(parse_ok("GFP_HIGHUSER"), 0x200d2);
	assert_int_equal(parse_ok("GFP_IOFS"), 0xc0);
	assert_int_equal(parse_ok("GFP_DMA"), 0x1);
	assert_int_equal(parse_ok("GFP_DMA32"), 0x4);
}

static void test_parse_single_bits(void **state)
{
	static const struct {
		const char *name;
		gfp_t bit;
	} bits[] = {
		{ "DMA", 0x01 },         { "HIGHMEM", 0x02 },
		{ "DMA32", 0x04 },       { "MOVABLE", 0x08 },
		{ "WAIT", 0x10 },        { "HIGH", 0x20 },
		{ "IO", 0x40 },          { "FS", 0x80 },
		{ "COLD", 0x100 },       { "NOWARN", 0x200 },
		{ "REPEAT", 0x400 },     { "NOFAIL", 0x800 },
		{ "NORETRY", 0x1000 },   { "MEMALLOC", 0x2000 },
		{ "COMP", 0x4000 },      { "ZERO", 0x8000 },
		{ "NOMEMALLOC", 0x10000 }, { "HARDWALL", 0x20000 },
		{ "THISNODE", 0x40000 }, { "RECLAIMABLE", 0x80000 },
		{ "KMEMCG", 0x100000 },  { "NOTRACK", 0x200000 },
		{ "NO_KSWAPD", 0x400000 }, { "OTHER_NODE", 0x800000 },
		{ "WRITE", 0x1000000 },
	};
	char name[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		snprintf(name, sizeof(name), "__GFP_%s", bits[i].name);
		assert_int_equal(parse_ok(name), bits[i].bit);
		/* the tracepoint's spelling, without the underscores */
		snprintf(name, sizeof(name), "GFP_%s", bits[i].name);
		assert_int_equal(parse_ok(name), bits[i].bit);
	}
}

static void test_parse_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("GFP_KERNEL|__GFP_ZERO"), 0x80d0);
	assert_int_equal(parse_ok("GFP_KERNEL | __GFP_COLD"), 0x1d0);
	assert_int_equal(parse_ok("  GFP_KERNEL\t|\tGFP_ZERO  "), 0x80d0);
	assert_int_equal(parse_ok("0xd0"), 0xd0);
	assert_int_equal(parse_ok("0XD0"), 0xd0);
	assert_int_equal(parse_ok("208"), 0xd0);
	assert_int_equal(parse_ok("0"), 0);
	assert_int_equal(parse_ok("GFP_KERNEL|0x8000"), 0x80d0);
	assert_int_equal(parse_ok("0x1ffffff"), __GFP_BITS_MASK);
	assert_int_equal(parse_ok("GFP_KERNEL|GFP_KERNEL"), 0xd0);
	/* a line from a real 3.10 trace reads back as the mask it printed */
	assert_int_equal(parse_ok("GFP_KERNEL|GFP_COMP|GFP_ZERO|0x2"),
			 GFP_KERNEL | __GFP_COMP | __GFP_ZERO | __GFP_HIGHMEM);
	/* GFP_THISNODE is the tracepoint's name for the bit, not UMA's 0 */
	assert_int_equal(parse_ok("GFP_THISNODE"), __GFP_THISNODE);
}

static void test_parse_errors(void **state)
{
	char err[256];
	gfp_t gfp = 7;

	(void)state;
	parse_err("GFP_KERNAL",
		  "unknown gfp flag 'GFP_KERNAL' (did you mean GFP_KERNEL?)");
	parse_err("gfp_kernel",
		  "unknown gfp flag 'gfp_kernel' (did you mean GFP_KERNEL?)");
	parse_err("KERNEL", "unknown gfp flag 'KERNEL' (did you mean GFP_KERNEL?)");
	parse_err("__GFP_ZER0",
		  "unknown gfp flag '__GFP_ZER0' (did you mean __GFP_ZERO?)");
	parse_err("GFP_KERNEL|FOO", "unknown gfp flag 'FOO'");
	parse_err("GFP_KERNEL|", "empty gfp flag in 'GFP_KERNEL|'");
	parse_err("|GFP_KERNEL", "empty gfp flag in '|GFP_KERNEL'");
	parse_err("GFP_KERNEL|| GFP_ZERO", "empty gfp flag in 'GFP_KERNEL|| GFP_ZERO'");
	parse_err("", "empty gfp flag in ''");
	parse_err("   ", "empty gfp flag in '   '");
	parse_err("GFP_KERNEL GFP_ZERO",
		  "missing '|' in gfp flags 'GFP_KERNEL GFP_ZERO' (join flags with |)");
	parse_err("0x2000000",
		  "gfp value '0x2000000' has bits outside __GFP_BITS_MASK (0x1ffffff)");
	parse_err("GFP_KERNEL|4294967296",
		  "gfp value '4294967296' has bits outside __GFP_BITS_MASK (0x1ffffff)");
	parse_err("99999999999999999999999",
		  "gfp value '99999999999999999999999' has bits outside __GFP_BITS_MASK (0x1ffffff)");
	parse_err("0xzz", "bad gfp number '0xzz'");
	parse_err("0x", "bad gfp number '0x'");
	parse_err("12ab", "bad gfp number '12ab'");
	parse_err("-1", "unknown gfp flag '-1'");

	/* no room for the message, or none wanted: still refused */
	assert_int_equal(mm_gfp_parse("nope", &gfp, NULL, 0), MM_EINVAL);
	assert_int_equal(mm_gfp_parse(NULL, &gfp, err, sizeof(err)), MM_EINVAL);
	memset(err, 'x', sizeof(err));
	assert_int_equal(mm_gfp_parse("GFP_KERNAL", &gfp, err, 8), MM_EINVAL);
	assert_string_equal(err, "unknown");
	assert_int_equal(err[8], 'x');
	assert_int_equal(gfp, 7);
}

/* ---- show_gfp_flags --------------------------------------------------------- */

static void test_format(void **state)
{
	(void)state;
	assert_format(0xd0, "GFP_KERNEL");
	assert_format(0, "GFP_NOWAIT");
	assert_format(GFP_KERNEL | __GFP_ZERO | __GFP_COMP,
		      "GFP_KERNEL|GFP_COMP|GFP_ZERO");
	assert_format(GFP_DMA, "0x1");
	assert_format(GFP_DMA32, "0x4");
	assert_format(GFP_KERNEL | GFP_DMA, "GFP_KERNEL|0x1");
	assert_format(GFP_KERNEL | __GFP_HIGHMEM, "GFP_KERNEL|0x2");
	assert_format(GFP_USER, "GFP_USER");
	assert_format(GFP_HIGHUSER, "GFP_HIGHUSER");
	assert_format(GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE");
	assert_format(GFP_TRANSHUGE, "GFP_TRANSHUGE");
	assert_format(GFP_TRANSHUGE | __GFP_ZERO, "GFP_TRANSHUGE|GFP_ZERO");
	assert_format(GFP_TEMPORARY, "GFP_TEMPORARY");
	assert_format(GFP_NOFS, "GFP_NOFS");
	assert_format(GFP_NOIO, "GFP_NOIO");
	assert_format(GFP_ATOMIC, "GFP_ATOMIC");
	assert_format(GFP_ATOMIC | __GFP_NOWARN, "GFP_ATOMIC|GFP_NOWARN");
	assert_format(GFP_KERNEL | __GFP_HARDWALL, "GFP_USER");
	/* single bits without a table entry end up in the hex remainder */
	assert_format(GFP_IOFS, "GFP_IO|0x80");
	assert_format(__GFP_WAIT | __GFP_FS, "GFP_NOIO|0x80");
	assert_format(__GFP_HIGHMEM | __GFP_DMA32 | __GFP_FS | __GFP_WRITE,
		      "0x1000086");
	assert_format(__GFP_THISNODE, "GFP_THISNODE");
	assert_format(__GFP_MOVABLE | __GFP_RECLAIMABLE,
		      "GFP_RECLAIMABLE|GFP_MOVABLE");
	assert_format(0x2000000, "0x2000000");
	assert_format(__GFP_BITS_MASK,
		      "GFP_TRANSHUGE|GFP_ATOMIC|GFP_COLD|GFP_REPEAT|GFP_NOFAIL|"
		      "GFP_ZERO|GFP_MEMALLOC|GFP_THISNODE|GFP_RECLAIMABLE|"
		      "GFP_KMEMCG|GFP_NOTRACK|GFP_OTHER_NODE|0x1000005");
}

static void test_format_truncates(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	mm_gfp_format(GFP_KERNEL | __GFP_ZERO, buf, 8);
	assert_string_equal(buf, "GFP_KER");
	assert_int_equal(buf[8], 'x');
	mm_gfp_format(GFP_KERNEL | __GFP_DMA, buf, 12);
	assert_string_equal(buf, "GFP_KERNEL|");
	mm_gfp_format(GFP_KERNEL, buf, 1);
	assert_string_equal(buf, "");
	mm_gfp_format(GFP_KERNEL, buf, 0); /* must not touch buf */
	assert_string_equal(buf, "");
}

/* A fixed pseudo-random sequence, so a failure is reproducible. */
static uint32_t next_rand(uint32_t *x)
{
	*x = *x * 1103515245u + 12345u;
	return *x;
}

static void assert_round_trip(gfp_t gfp)
{
	char buf[512], err[256];
	gfp_t back = ~0u;

	mm_gfp_format(gfp, buf, sizeof(buf));
	if (mm_gfp_parse(buf, &back, err, sizeof(err)) != 0)
		fail_msg("0x%x -> '%s': %s", gfp, buf, err);
	if (back != gfp)
		fail_msg("0x%x -> '%s' -> 0x%x", gfp, buf, back);
}

static void test_round_trip(void **state)
{
	uint32_t x = 42;
	gfp_t a, b;
	int i;

	(void)state;
	assert_round_trip(0);
	assert_round_trip(__GFP_BITS_MASK);
	for (a = 1; a & __GFP_BITS_MASK; a <<= 1)
		for (b = 1; b & __GFP_BITS_MASK; b <<= 1)
			assert_round_trip(a | b);
	for (i = 0; mm_gfp_names[i]; i++) {
		gfp_t g = parse_ok(mm_gfp_names[i]);

		assert_round_trip(g);
		assert_round_trip(g | __GFP_ZERO | __GFP_DMA);
	}
	for (i = 0; i < 20000; i++)
		assert_round_trip((next_rand(&x) >> 3) & __GFP_BITS_MASK);
}

/* ---- tables ----------------------------------------------------------------- */

static void test_names(void **state)
{
	int i, j, n = 0;

	(void)state;
	for (i = 0; mm_gfp_names[i]; i++) {
		parse_ok(mm_gfp_names[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(mm_gfp_names[i], mm_gfp_names[j]);
		n++;
	}
	/* 11 composites (GFP_NOWAIT..GFP_TRANSHUGE), 25 bits in two spellings;
	 * GFP_DMA and GFP_DMA32 are both a composite and a bit, listed once */
	assert_int_equal(n, 11 + 25 + 25);

	assert_string_equal(migratetype_names[MIGRATE_UNMOVABLE], "Unmovable");
	assert_string_equal(migratetype_names[MIGRATE_RECLAIMABLE], "Reclaimable");
	assert_string_equal(migratetype_names[MIGRATE_MOVABLE], "Movable");
	assert_string_equal(migratetype_names[MIGRATE_RESERVE], "Reserve");
	assert_string_equal(migratetype_names[MIGRATE_ISOLATE], "Isolate");
	assert_string_equal(zone_kind_names[ZONE_DMA], "DMA");
	assert_string_equal(zone_kind_names[ZONE_DMA32], "DMA32");
	assert_string_equal(zone_kind_names[ZONE_NORMAL], "Normal");
	assert_string_equal(zone_kind_names[ZONE_HIGHMEM], "HighMem");
	assert_string_equal(zone_kind_names[ZONE_MOVABLE], "Movable");
}

/* ---- policy ----------------------------------------------------------------- */

static void test_gfp_zone(void **state)
{
	/* GFP_ZONE_TABLE / GFP_ZONE_BAD of 3.10, by the four zone bits */
	static const int want[16] = {
		[0x0] = ZONE_NORMAL,  [0x1] = ZONE_DMA,     [0x2] = ZONE_HIGHMEM,
		[0x3] = -1,           [0x4] = ZONE_DMA32,   [0x5] = -1,
		[0x6] = -1,           [0x7] = -1,           [0x8] = ZONE_NORMAL,
		[0x9] = ZONE_DMA,     [0xa] = ZONE_MOVABLE, [0xb] = -1,
		[0xc] = ZONE_DMA32,   [0xd] = -1,           [0xe] = -1,
		[0xf] = -1,
	};
	gfp_t bits;

	(void)state;
	for (bits = 0; bits < 16; bits++) {
		assert_int_equal(gfp_zone_kind(bits), want[bits]);
		/* only the zone modifiers matter */
		assert_int_equal(gfp_zone_kind(bits | GFP_KERNEL | __GFP_ZERO),
				 want[bits]);
	}
	assert_int_equal(gfp_zone_kind(GFP_KERNEL), ZONE_NORMAL);
	assert_int_equal(gfp_zone_kind(GFP_HIGHUSER), ZONE_HIGHMEM);
	assert_int_equal(gfp_zone_kind(GFP_HIGHUSER_MOVABLE), ZONE_MOVABLE);
	assert_int_equal(gfp_zone_kind(GFP_TRANSHUGE), ZONE_MOVABLE);
	assert_int_equal(gfp_zone_kind(GFP_KERNEL | GFP_DMA32), ZONE_DMA32);
}

static void test_migratetype(void **state)
{
	struct mm_machine *m = calloc(1, sizeof(*m));

	(void)state;
	assert_non_null(m);
	assert_int_equal(allocflags_to_migratetype(m, GFP_KERNEL), MIGRATE_UNMOVABLE);
	assert_int_equal(allocflags_to_migratetype(m, GFP_ATOMIC), MIGRATE_UNMOVABLE);
	assert_int_equal(allocflags_to_migratetype(m, GFP_TEMPORARY),
			 MIGRATE_RECLAIMABLE);
	assert_int_equal(allocflags_to_migratetype(m, GFP_HIGHUSER_MOVABLE),
			 MIGRATE_MOVABLE);
	assert_int_equal(allocflags_to_migratetype(m, GFP_TRANSHUGE), MIGRATE_MOVABLE);
	/* the kernel WARNs on both bits and its arithmetic gives 3 */
	assert_int_equal(allocflags_to_migratetype(m, __GFP_MOVABLE | __GFP_RECLAIMABLE),
			 MIGRATE_RESERVE);
	assert_int_equal(allocflags_to_migratetype(NULL, GFP_HIGHUSER_MOVABLE),
			 MIGRATE_MOVABLE);

	m->page_group_by_mobility_disabled = 1;
	assert_int_equal(allocflags_to_migratetype(m, GFP_HIGHUSER_MOVABLE),
			 MIGRATE_UNMOVABLE);
	assert_int_equal(allocflags_to_migratetype(m, GFP_TEMPORARY),
			 MIGRATE_UNMOVABLE);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_composite_values),
		cmocka_unit_test(test_parse_single_bits),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_truncates),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_gfp_zone),
		cmocka_unit_test(test_migratetype),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
