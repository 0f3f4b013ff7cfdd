/*
 * test_tui_theme.c - themes and screenshots: the built-in themes are
 * complete, every theme file in themes/ parses, bad files give
 * "file:line: problem" and change nothing, inherit and the search order
 * work, and a canvas comes out as the expected text and as an SVG with
 * one text element per styled run.  Runs from the repository root.
 */
#include <dirent.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "canvas.h"
#include "screenshot.h"
#include "theme.h"

static char tmpdir[256];

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* the whole file as a malloc'd string */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

static int same_styles(const struct theme *a, const struct theme *b)
{
	int i;

	for (i = 0; i < NR_ROLES; i++)
		if (a->role[i].fg != b->role[i].fg || a->role[i].bg != b->role[i].bg ||
		    a->role[i].attr != b->role[i].attr)
			return 0;
	return 1;
}

static int setup(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "en_US.UTF-8");
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_tui_theme.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	/* no user themes of the person running the tests */
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	unsetenv("MMSCOPE_DATADIR");
	return 0;
}

static int teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_role_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < NR_ROLES; i++) {
		assert_non_null(color_role_names[i]);
		assert_int_equal(color_role_by_name(color_role_names[i]), i);
	}
	assert_string_equal(color_role_names[ROLE_ORDER3], "order.3");
	assert_string_equal(color_role_names[ROLE_WMARK_LOW], "watermark.low");
	assert_int_equal(color_role_by_name("ordr.3"), -1);
}

static void test_builtin_complete(void **state)
{
	struct theme t;
	int i;

	(void)state;
	memset(&t, 0x5a, sizeof(t));
	theme_builtin(&t);
	assert_string_equal(t.name, "default");
	assert_string_equal(t.path, "");
	assert_int_equal(t.dark, 1);
	for (i = 0; i < NR_ROLES; i++) {
		assert_true(t.role[i].set);
		/* colours 0-15 only: right on a 16-colour terminal */
		assert_true(t.role[i].fg >= COLOR_DEFAULT && t.role[i].fg < 16);
		assert_true(t.role[i].bg >= COLOR_DEFAULT && t.role[i].bg < 16);
	}
	assert_int_equal(t.role[ROLE_ORDER3].fg, 0);
	assert_int_equal(t.role[ROLE_ORDER3].bg, 3);
	assert_int_equal(t.role[ROLE_ERROR].fg, 9);
	assert_int_equal(t.role[ROLE_ERROR].attr, THEME_BOLD);
	/* the eleven orders and five heat levels can be told apart */
	for (i = ROLE_ORDER0; i <= ROLE_ORDER10; i++)
		for (int j = i + 1; j <= ROLE_ORDER10; j++)
			assert_true(t.role[i].bg != t.role[j].bg);
	for (i = ROLE_HEAT0; i <= ROLE_HEAT4; i++)
		for (int j = i + 1; j <= ROLE_HEAT4; j++)
			assert_true(t.role[i].bg != t.role[j].bg ||
				    t.role[i].fg != t.role[j].fg);
}

/* every theme file of the repository loads; default.theme and mono.theme
 * are the built-ins written out, default.theme names every role */
static void test_repo_themes_parse(void **state)
{
	DIR *d = opendir("themes");
	struct dirent *de;
	int files = 0;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d))) {
		char path[300], err[512] = "";
		size_t n = strlen(de->d_name);
		struct theme t;

		if (n < 7 || strcmp(de->d_name + n - 6, ".theme"))
			continue;
		snprintf(path, sizeof(path), "themes/%s", de->d_name);
		theme_builtin(&t);
		if (theme_load(&t, path, err, sizeof(err)))
			fail_msg("%s: %s", path, err);
		assert_string_equal(t.path, path);
		assert_int_equal(strncmp(t.name, de->d_name, n - 6), 0);
		/* free blocks of different orders stay apart on 16 colours
		 * (mono tells them apart by the memory map's glyphs) */
		for (int i = ROLE_ORDER0; i <= ROLE_ORDER10; i++)
			for (int j = i + 1; j <= ROLE_ORDER10; j++)
				if (t.role[i].bg >= 0 &&
				    theme_reduce16(t.role[i].bg) == theme_reduce16(t.role[j].bg))
					fail_msg("%s: %s and %s look alike on 16 colours", path,
						 color_role_names[i], color_role_names[j]);
		files++;
	}
	closedir(d);
	assert_true(files >= 5);
}

static void test_default_file_is_builtin(void **state)
{
	struct theme builtin, file, mono;
	char err[512] = "";
	int i;

	(void)state;
	theme_builtin(&builtin);
	memset(&file, 0, sizeof(file));
	assert_int_equal(theme_load(&file, "themes/default.theme", err, sizeof(err)), 0);
	for (i = 0; i < NR_ROLES; i++)
		if (!file.role[i].set)
			fail_msg("default.theme does not set %s", color_role_names[i]);
	assert_true(same_styles(&builtin, &file));

	/* with no file in the search path "mono" is the built-in one; the
	 * repository's mono.theme (found through ./themes) matches it */
	assert_int_equal(theme_load(&mono, "mono", err, sizeof(err)), 0);
	assert_string_equal(mono.path, "themes/mono.theme");
	assert_int_equal(theme_load(&file, "themes/mono.theme", err, sizeof(err)), 0);
	assert_true(same_styles(&mono, &file));
	for (i = 0; i < NR_ROLES; i++) {
		assert_int_equal(mono.role[i].fg, COLOR_DEFAULT);
		assert_int_equal(mono.role[i].bg, COLOR_DEFAULT);
	}
	assert_int_equal(mono.role[ROLE_STATUS].attr, THEME_REVERSE);
}

/* WCAG-like contrast ratio of two xterm colours */
static double luminance(uint32_t rgb)
{
	double c[3];
	int i;

	for (i = 0; i < 3; i++) {
		double v = (double)(rgb >> (16 - 8 * i) & 0xff) / 255.0;

		c[i] = v * v; /* close enough to sRGB's 2.4 power for a check */
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* light.theme on a white terminal: text on the page is readable (no
 * yellow on white); high-contrast never leaves a background to the
 * terminal and keeps strong contrasts */
static void test_light_and_projector(void **state)
{
	struct theme t;
	char err[512] = "";
	int i;

	(void)state;
	theme_builtin(&t);
	assert_int_equal(theme_load(&t, "light", err, sizeof(err)), 0);
	assert_int_equal(t.dark, 0);
	for (i = 0; i < NR_ROLES; i++) {
		const struct theme_style *st = &t.role[i];

		if (st->fg < 0 || st->bg >= 0 || (st->attr & THEME_REVERSE))
			continue;
		if (contrast(theme_rgb(st->fg), 0xffffff) < 2.5)
			fail_msg("light: %s is hard to read on white", color_role_names[i]);
	}
	assert_int_equal(theme_load(&t, "high-contrast", err, sizeof(err)), 0);
	for (i = 0; i < NR_ROLES; i++) {
		const struct theme_style *st = &t.role[i];

		assert_true(st->bg >= 0);
		if (i != ROLE_PAGE_HOLE && i != ROLE_DIM && i != ROLE_HEAT0 &&
		    i != ROLE_MT_ISOLATE)
			if (contrast(theme_rgb(st->fg), theme_rgb(st->bg)) < 4.0)
				fail_msg("high-contrast: %s is weak", color_role_names[i]);
	}
}

static void parse_ok(struct theme *t, const char *text)
{
	char err[512] = "";

	if (theme_parse(t, text, "t.theme", err, sizeof(err)))
		fail_msg("parse failed: %s", err);
}

static void test_parse_forms(void **state)
{
	struct theme t;

	(void)state;
	theme_builtin(&t);
	parse_ok(&t, "# a comment\n\n  order.3 = #ff0000 on color17 bold underline # why\r\n"
		     "title=dim\n"
		     "status = Bright-Cyan\n"
		     "background = light\n");
	assert_string_equal(t.name, "t");
	assert_string_equal(t.path, "t.theme");
	assert_int_equal(t.dark, 0);
	assert_int_equal(t.role[ROLE_ORDER3].fg, 196); /* #ff0000 in the cube */
	assert_int_equal(t.role[ROLE_ORDER3].bg, 17);
	assert_int_equal(t.role[ROLE_ORDER3].attr, THEME_BOLD | THEME_UNDERLINE);
	assert_int_equal(t.role[ROLE_TITLE].fg, COLOR_DEFAULT);
	assert_int_equal(t.role[ROLE_TITLE].attr, THEME_DIM);
	assert_int_equal(t.role[ROLE_STATUS].fg, 14);
	assert_int_equal(t.role[ROLE_STATUS].bg, COLOR_DEFAULT); /* replaced whole */
	/* roles the text does not name keep their values, and are not "set" */
	assert_int_equal(t.role[ROLE_ERROR].fg, 9);
	assert_false(t.role[ROLE_ERROR].set);
	assert_true(t.role[ROLE_ORDER3].set);

	parse_ok(&t, "name = projector\nheat.0 = on white\n");
	assert_string_equal(t.name, "projector");
	assert_int_equal(t.role[ROLE_HEAT0].fg, COLOR_DEFAULT);
	assert_int_equal(t.role[ROLE_HEAT0].bg, 7);

	/* #rrggbb picks the nearest of xterm's 256 */
	parse_ok(&t, "dim = #808080\nerror = #5f87af\n");
	assert_int_equal(t.role[ROLE_DIM].fg, 244);
	assert_int_equal(t.role[ROLE_ERROR].fg, 67);
	assert_int_equal(theme_rgb(67), 0x5f87af);
	assert_int_equal(theme_rgb(244), 0x808080);
	assert_int_equal(theme_rgb(9), 0xff0000);
	assert_int_equal(theme_nearest(0xff0000, 0, 15), 9);
}

/* 256 -> 16 keeps the hue: muted greens stay green, not grey */
static void test_reduce16(void **state)
{
	static const int cases[][2] = {
		{ 5, 5 }, { 12, 12 },       /* 0-15 unchanged */
		{ 71, 2 }, { 108, 2 },      /* #5faf5f, #87af87: green */
		{ 114, 10 },                /* #87d787: light green */
		{ 203, 9 }, { 160, 1 },     /* #ff5f5f, #d70000 */
		{ 179, 3 }, { 228, 11 },    /* #d7af5f, #ffff87 */
		{ 24, 6 }, { 153, 14 },     /* #005f87, #afd7ff */
		{ 19, 4 }, { 61, 4 },       /* #0000af, #5f5faf */
		{ 97, 5 }, { 30, 6 },       /* #875faf, #008787 */
		{ 16, 0 }, { 231, 15 },     /* the cube's black and white */
		{ 240, 8 }, { 252, 7 },     /* greys by lightness */
		{ 233, 0 }, { 255, 15 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (theme_reduce16(cases[i][0]) != cases[i][1])
			fail_msg("color%d -> %d, want %d", cases[i][0],
				 theme_reduce16(cases[i][0]), cases[i][1]);
}

/* the text fails with exactly msg, and t is as it was */
static void parse_err(const char *text, const char *msg)
{
	struct theme t, before;
	char err[512] = "";

	theme_builtin(&t);
	before = t;
	assert_int_equal(theme_parse(&t, text, "themes/x.theme", err, sizeof(err)), -1);
	assert_string_equal(err, msg);
	assert_memory_equal(&t, &before, sizeof(t));
}

static void test_parse_errors(void **state)
{
	(void)state;
	parse_err("title = bold\n\nordr.3 = red\n",
		  "themes/x.theme:3: unknown role 'ordr.3'");
	parse_err("order.3 = grean\n", "themes/x.theme:1: unknown colour 'grean'");
	parse_err("order.3 = red on\n",
		  "themes/x.theme:1: 'on' needs a background colour");
	parse_err("order.3 = red on purple\n", "themes/x.theme:1: unknown colour 'purple'");
	parse_err("order.3 = red blue\n", "themes/x.theme:1: two foreground colours "
		  "('blue'); a background needs 'on'");
	parse_err("order.3 = color256\n", "themes/x.theme:1: unknown colour 'color256'");
	parse_err("order.3 = bright-default\n",
		  "themes/x.theme:1: unknown colour 'bright-default'");
	parse_err("order.3 = #12345\n", "themes/x.theme:1: unknown colour '#12345'");
	parse_err("# ok\norder.3 red\n",
		  "themes/x.theme:2: expected 'ROLE = COLOURS', got 'order.3 red'");
	parse_err("order.3 =   # nothing\n", "themes/x.theme:1: 'order.3' has no value");
	parse_err("background = grey\n",
		  "themes/x.theme:1: background is 'dark' or 'light', not 'grey'");
	parse_err("title = bold\ninherit = mono\n",
		  "themes/x.theme:2: inherit must come before the roles");
	parse_err("inherit = nosuch\n",
		  "themes/x.theme:1: inherit nosuch: unknown theme 'nosuch'");
	/* a role the parser accepted before the error is not kept either */
	parse_err("order.3 = red\nborder = bad\n", "themes/x.theme:2: unknown colour 'bad'");
}

static void make_theme_dir(char *dir, size_t len)
{
	snprintf(dir, len, "%s/mmscope", tmpdir);
	mkdir(dir, 0755);
	snprintf(dir, len, "%s/mmscope/themes", tmpdir);
	mkdir(dir, 0755);
}

static void test_inherit_and_search(void **state)
{
	char dir[300], path[400], err[512] = "";
	struct theme t, before;

	(void)state;
	make_theme_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/base.theme", dir);
	write_text(path, "background = light\ntitle = red\nborder = blue\n");
	snprintf(path, sizeof(path), "%s/child.theme", dir);
	write_text(path, "inherit = base\nborder = green\n");

	theme_builtin(&t);
	assert_int_equal(theme_load(&t, "child", err, sizeof(err)), 0);
	assert_string_equal(t.name, "child");
	assert_string_equal(t.path, path);
	assert_int_equal(t.dark, 0);                      /* from base */
	assert_int_equal(t.role[ROLE_TITLE].fg, 1);       /* from base */
	assert_int_equal(t.role[ROLE_BORDER].fg, 2);      /* its own */
	assert_int_equal(t.role[ROLE_ERROR].fg, 9);       /* base's own base */
	assert_true(t.role[ROLE_BORDER].set);
	assert_false(t.role[ROLE_TITLE].set);

	/* a user file named like a built-in overrides it, and may inherit the
	 * one it overrides */
	snprintf(path, sizeof(path), "%s/default.theme", dir);
	write_text(path, "inherit = default\nborder = red\n");
	assert_int_equal(theme_load(&t, "default", err, sizeof(err)), 0);
	assert_string_equal(t.path, path);
	assert_int_equal(t.role[ROLE_BORDER].fg, 1);
	assert_int_equal(t.role[ROLE_TITLE].attr, THEME_BOLD); /* built-in's */
	unlink(path);

	/* a cycle is reported, not followed */
	snprintf(path, sizeof(path), "%s/a.theme", dir);
	write_text(path, "inherit = b\n");
	snprintf(path, sizeof(path), "%s/b.theme", dir);
	write_text(path, "inherit = a\n");
	theme_builtin(&t);
	before = t;
	assert_int_equal(theme_load(&t, "a", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "inherit cycle"));
	assert_memory_equal(&t, &before, sizeof(t));

	/* a bad file reports its path and line; unknown names; bad names */
	snprintf(path, sizeof(path), "%s/bad.theme", dir);
	write_text(path, "title = bold\nslab.partial = yelow\n");
	assert_int_equal(theme_load(&t, "bad", err, sizeof(err)), -1);
	snprintf(path, sizeof(path), "%s/bad.theme:2: unknown colour 'yelow'", dir);
	assert_string_equal(err, path);
	assert_int_equal(theme_load(&t, "nosuch", err, sizeof(err)), -1);
	assert_string_equal(err, "unknown theme 'nosuch'");
	assert_int_equal(theme_load(&t, "../etc", err, sizeof(err)), -1);
	assert_int_equal(theme_load(&t, "/nonexistent/x.theme", err, sizeof(err)), -1);
	assert_string_equal(err, "/nonexistent/x.theme: No such file or directory");
	assert_memory_equal(&t, &before, sizeof(t));

	/* $MMSCOPE_DATADIR/themes is searched too */
	setenv("MMSCOPE_DATADIR", tmpdir, 1);
	snprintf(path, sizeof(path), "%s/themes", tmpdir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/themes/packaged.theme", tmpdir);
	write_text(path, "title = underline\n");
	assert_int_equal(theme_load(&t, "packaged", err, sizeof(err)), 0);
	assert_int_equal(t.role[ROLE_TITLE].attr, THEME_UNDERLINE);
	unsetenv("MMSCOPE_DATADIR");
}

static void test_list(void **state)
{
	char names[64][64], dir[300], path[400];
	int n, i, seen = 0;

	(void)state;
	make_theme_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/zzz-mine.theme", dir);
	write_text(path, "title = bold\n");
	snprintf(path, sizeof(path), "%s/mono.theme", dir); /* a duplicate name */
	write_text(path, "title = bold\n");
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	write_text(path, "not a theme\n");

	n = theme_list(names, 64);
	for (i = 0; i < n; i++) {
		if (i)
			assert_true(strcmp(names[i - 1], names[i]) < 0);
		if (!strcmp(names[i], "default") || !strcmp(names[i], "mono") ||
		    !strcmp(names[i], "dark") || !strcmp(names[i], "light") ||
		    !strcmp(names[i], "high-contrast") || !strcmp(names[i], "zzz-mine"))
			seen++;
		assert_null(strstr(names[i], "notes"));
	}
	assert_int_equal(seen, 6);
	/* a short array gets the first names only */
	assert_int_equal(theme_list(names, 2), 2);
	unlink(path);
}

/* a small screen: text with markup characters, a wide char, colours */
static void draw_sample(struct canvas *cv)
{
	assert_int_equal(canvas_init(cv, 12, 3), 0);
	canvas_put(cv, 0, 0, -1, ROLE_TITLE, "a<b");
	canvas_put(cv, 4, 0, -1, ROLE_ERROR, "&c");
	canvas_put(cv, 0, 1, -1, ROLE_HIGHLIGHT, "\xe5\x86\x85 x");
	canvas_put_attr(cv, 6, 1, -1, ROLE_DEFAULT, CELL_UNDERLINE, "u");
}

static void test_screenshot_txt(void **state)
{
	struct canvas cv;
	struct theme t;
	char path[300], err[512] = "", *text;

	(void)state;
	theme_builtin(&t);
	draw_sample(&cv);
	snprintf(path, sizeof(path), "%s/shot.txt", tmpdir);
	assert_int_equal(screenshot_write(&cv, &t, path, err, sizeof(err)), 0);
	text = slurp(path);
	assert_string_equal(text, "a<b &c\n\xe5\x86\x85 x  u\n\n");
	free(text);

	snprintf(path, sizeof(path), "%s/shot.png", tmpdir);
	assert_int_equal(screenshot_write(&cv, &t, path, err, sizeof(err)), -1);
	snprintf(path, sizeof(path), "screenshot: %s/shot.png: use .txt or .svg", tmpdir);
	assert_string_equal(err, path);
	snprintf(path, sizeof(path), "%s/shot.png", tmpdir);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(screenshot_write(&cv, &t, "/nonexistent/dir/s.txt", err,
					  sizeof(err)), -1);
	assert_string_equal(err, "screenshot: /nonexistent/dir/s.txt: "
			    "No such file or directory");

	/* the temporary file is made O_EXCL: a symlink planted at its name
	 * does not make the screenshot overwrite what it points to */
	{
		char victim[300], tmp[340];
		FILE *v;

		snprintf(victim, sizeof(victim), "%s/victim", tmpdir);
		v = fopen(victim, "w");
		assert_non_null(v);
		fputs("precious\n", v);
		fclose(v);
		snprintf(path, sizeof(path), "%s/planted.txt", tmpdir);
		snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
		assert_int_equal(symlink(victim, tmp), 0);
		assert_int_equal(screenshot_write(&cv, &t, path, err, sizeof(err)), 0);
		text = slurp(victim);
		assert_string_equal(text, "precious\n");
		free(text);
		text = slurp(path);
		assert_string_equal(text, "a<b &c\n\xe5\x86\x85 x  u\n\n");
		free(text);
	}
	canvas_free(&cv);
}

static void test_screenshot_svg(void **state)
{
	struct canvas cv;
	struct theme t;
	char path[300], err[512] = "", *svg;

	(void)state;
	theme_builtin(&t);
	draw_sample(&cv);
	snprintf(path, sizeof(path), "%s/shot.SVG", tmpdir);
	assert_int_equal(screenshot_write(&cv, &t, path, err, sizeof(err)), 0);
	svg = slurp(path);
	assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
			       "width=\"108\" height=\"54\""));
	assert_int_equal(count(svg, "<svg"), 1);
	assert_int_equal(count(svg, "</svg>"), 1);
	/* title, error, highlight (one run over the wide char and the blank),
	 * underlined default: four styled runs, blanks between them drop out */
	assert_int_equal(count(svg, "<text"), 4);
	assert_int_equal(count(svg, "</text>"), 4);
	assert_non_null(strstr(svg, ">a&lt;b</text>"));
	assert_non_null(strstr(svg, "x=\"36 45\">&amp;c</text>"));
	assert_non_null(strstr(svg, "x=\"0 18 27\">\xe5\x86\x85 x</text>"));
	assert_non_null(strstr(svg, "text-decoration=\"underline\" x=\"54\">u</text>"));
	assert_non_null(strstr(svg, "font-weight=\"bold\"")); /* title is bold */
	/* the page, then the highlight's background over four cells */
	assert_non_null(strstr(svg, "<rect width=\"100%\" height=\"100%\" fill=\"#000000\"/>"));
	assert_non_null(strstr(svg, "<rect x=\"0\" y=\"18\" width=\"36\" height=\"18\" "
			       "fill=\"#ffff00\"/>"));
	assert_int_equal(count(svg, "<rect"), 2);
	/* every '&' starts an entity */
	for (const char *p = strchr(svg, '&'); p; p = strchr(p + 1, '&'))
		assert_true(!strncmp(p, "&amp;", 5) || !strncmp(p, "&lt;", 4) ||
			    !strncmp(p, "&gt;", 4));
	free(svg);

	/* a light theme gives a white page */
	t.dark = 0;
	snprintf(path, sizeof(path), "%s/light.svg", tmpdir);
	assert_int_equal(screenshot_write(&cv, &t, path, err, sizeof(err)), 0);
	svg = slurp(path);
	assert_non_null(strstr(svg, "fill=\"#ffffff\"/>"));
	free(svg);
	canvas_free(&cv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_builtin_complete),
		cmocka_unit_test(test_repo_themes_parse),
		cmocka_unit_test(test_default_file_is_builtin),
		cmocka_unit_test(test_light_and_projector),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_reduce16),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_inherit_and_search),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_screenshot_txt),
		cmocka_unit_test(test_screenshot_svg),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
