/*
 * theme.c - colour themes: the role names, the built-in themes, the theme
 * file parser and the search for theme files.
 *
 * A theme file is plain text, one setting per line:
 *
 *     # a comment, also after a setting: "title = bold  # why"
 *     name = high-contrast        optional; default: the file's base name
 *     inherit = default           optional, before any role: start from
 *                                 another theme (built-in or file)
 *     background = dark|light     the page colour of SVG screenshots
 *     ROLE = FG [on BG] [bold] [reverse] [underline] [dim]
 *
 * ROLE is one of color_role_names ("order.3", "watermark.low", ...).  A
 * role line replaces the role's whole style; roles a file does not name
 * keep the value they had (from the inherited theme, or from the theme
 * the file is parsed over).  Attributes alone ("title = bold") leave the
 * foreground at the terminal's default.  Colours:
 *
 *     default                     the terminal's own colour
 *     black red green yellow blue magenta cyan white          0-7
 *     bright-black ... bright-white                           8-15
 *     colorN                      an xterm-256 index, 0..255
 *     #rrggbb                     the nearest xterm-256 colour (16..255)
 *
 * term.c reduces colours the terminal lacks (256 -> 16 -> 8).  The parser
 * works on a copy, so a file with an error changes nothing; errors read
 * "file:line: problem".
 *
 * theme_load(NAME) looks, in order, for a path (NAME contains '/' or ends
 * in .theme), then NAME.theme in the themes directories of datadir.h's
 * search path ($XDG_CONFIG_HOME/mmscope/themes (default ~/.config),
 * themes/ in the current directory, themes/ next to the executable,
 * $MMSCOPE_DATADIR/themes, the installed $(PREFIX)/share/mmscope/themes),
 * and last for the built-in themes
 * "default" and "mono" (built in so that the bare binary and NO_COLOR
 * work).  A file named like a built-in overrides it; a file that inherits
 * its own name gets the next one in that order (usually the built-in).
 */
#include "theme.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "datadir.h"

const char *const color_role_names[NR_ROLES] = {
#define X(role, name) [role] = name,
	COLOR_ROLES(X)
#undef X
};

int color_role_by_name(const char *name)
{
	int i;

	for (i = 0; i < NR_ROLES; i++)
		if (!strcmp(color_role_names[i], name))
			return i;
	return -1;
}

/* ---- built-in themes ------------------------------------------------------ */

/*
 * The default: colours 0-15 only, so a 16-colour terminal shows it as
 * meant (and an 8-colour one close to it).  Free blocks and heat cells
 * are coloured backgrounds, allocated pages and migrate types coloured
 * text, so the memory map tells the two apart even where hues repeat.
 * themes/default.theme is the same text with a comment on every role.
 */
static const char builtin_default[] =
	"name = default\n"
	"background = dark\n"
	"default = default\n"
	"title = default bold\n"
	"border = blue\n"
	"border.focus = bright-cyan bold\n"
	"status = black on cyan\n"
	"status.key = bright-white on blue bold\n"
	"header = default bold underline\n"
	"dim = bright-black\n"
	"error = bright-red bold\n"
	"warning = yellow bold\n"
	"highlight = black on bright-yellow bold\n"
	"cursor = black on bright-white\n"
	"selected = bright-white on blue bold\n"
	"marked = black on bright-magenta\n"
	"prompt = bright-green bold\n"
	"input = default\n"
	"narration = bright-cyan\n"
	"page.free = black on green\n"
	"order.0 = bright-white on blue\n"
	"order.1 = black on cyan\n"
	"order.2 = black on green\n"
	"order.3 = black on yellow\n"
	"order.4 = bright-white on magenta\n"
	"order.5 = bright-white on red\n"
	"order.6 = black on bright-blue\n"
	"order.7 = black on bright-cyan\n"
	"order.8 = black on bright-green\n"
	"order.9 = black on bright-yellow\n"
	"order.10 = black on bright-magenta\n"
	"page.pcp = black on white\n"
	"page.anon = bright-red\n"
	"page.cache = bright-green\n"
	"page.slab = bright-magenta\n"
	"page.kernel = bright-blue\n"
	"page.pagetable = cyan\n"
	"page.reserved = white\n"
	"page.hole = bright-black\n"
	"page.inflight = bright-yellow bold\n"
	"unmovable = bright-red\n"
	"reclaimable = bright-yellow\n"
	"movable = bright-green\n"
	"reserve = bright-magenta\n"
	"isolate = bright-black\n"
	"polluted = bright-white on red bold\n"
	"watermark.min = bright-red bold\n"
	"watermark.low = bright-yellow bold\n"
	"watermark.high = bright-green bold\n"
	"bar.free = black on green\n"
	"bar.used = black on white\n"
	"lowmem_reserve = bright-magenta bold\n"
	"heat.0 = bright-black\n"
	"heat.1 = bright-white on blue\n"
	"heat.2 = black on cyan\n"
	"heat.3 = black on yellow\n"
	"heat.4 = bright-white on red bold\n"
	"slab.full = bright-red\n"
	"slab.partial = bright-yellow\n"
	"slab.free = bright-green\n"
	"object.used = black on red\n"
	"object.free = black on green\n"
	"object.cached = black on cyan\n"
	"slab.colour = black on magenta\n"
	"stage.current = black on bright-yellow bold\n"
	"stage.done = green\n"
	"stage.reason = cyan\n"
	"breakpoint = bright-red bold\n"
	"log.command = default bold\n"
	"log.output = default\n"
	"log.trace = cyan\n"
	"log.printk = yellow\n";

/* no colour at all: what NO_COLOR and monochrome terminals get */
static const char builtin_mono[] =
	"name = mono\n"
	"background = dark\n"
	"default = default\n"
	"title = bold\n"
	"border = default\n"
	"border.focus = bold\n"
	"status = reverse\n"
	"status.key = reverse bold\n"
	"header = bold underline\n"
	"dim = dim\n"
	"error = bold underline\n"
	"warning = bold\n"
	"highlight = reverse bold\n"
	"cursor = reverse\n"
	"selected = reverse\n"
	"marked = bold underline\n"
	"prompt = bold\n"
	"input = default\n"
	"narration = bold\n"
	"page.free = reverse\n"
	"order.0 = reverse\n"
	"order.1 = reverse\n"
	"order.2 = reverse\n"
	"order.3 = reverse\n"
	"order.4 = reverse\n"
	"order.5 = reverse bold\n"
	"order.6 = reverse bold\n"
	"order.7 = reverse bold\n"
	"order.8 = reverse bold\n"
	"order.9 = reverse bold\n"
	"order.10 = reverse bold\n"
	"page.pcp = reverse dim\n"
	"page.anon = default\n"
	"page.cache = default\n"
	"page.slab = bold\n"
	"page.kernel = bold\n"
	"page.pagetable = bold\n"
	"page.reserved = dim\n"
	"page.hole = dim\n"
	"page.inflight = reverse bold underline\n"
	"unmovable = bold\n"
	"reclaimable = underline\n"
	"movable = default\n"
	"reserve = bold underline\n"
	"isolate = dim\n"
	"polluted = reverse underline\n"
	"watermark.min = bold\n"
	"watermark.low = bold\n"
	"watermark.high = bold\n"
	"bar.free = reverse\n"
	"bar.used = default\n"
	"lowmem_reserve = underline\n"
	"heat.0 = dim\n"
	"heat.1 = default\n"
	"heat.2 = bold\n"
	"heat.3 = reverse\n"
	"heat.4 = reverse bold\n"
	"slab.full = bold\n"
	"slab.partial = default\n"
	"slab.free = dim\n"
	"object.used = reverse\n"
	"object.free = default\n"
	"object.cached = underline\n"
	"slab.colour = dim\n"
	"stage.current = reverse bold\n"
	"stage.done = default\n"
	"stage.reason = dim\n"
	"breakpoint = bold underline\n"
	"log.command = bold\n"
	"log.output = default\n"
	"log.trace = dim\n"
	"log.printk = underline\n";

static const struct builtin {
	const char *name;
	const char *text;
} builtins[] = {
	{ "default", builtin_default },
	{ "mono", builtin_mono },
};
#define NR_BUILTINS (int)(sizeof(builtins) / sizeof(builtins[0]))

/* ---- colours ----------------------------------------------------------------- */

static const char *const ansi_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* xterm's default palette for 0-15 */
static const uint32_t ansi_rgb[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

/* 16-231 are a 6x6x6 cube with these channel levels; 232-255 a grey ramp */
static const uint8_t cube_level[6] = { 0, 95, 135, 175, 215, 255 };

uint32_t theme_rgb(int color)
{
	if (color < 0 || color > 255)
		return 0;
	if (color < 16)
		return ansi_rgb[color];
	if (color < 232) {
		int i = color - 16;

		return (uint32_t)cube_level[i / 36] << 16 |
		       (uint32_t)cube_level[i / 6 % 6] << 8 | cube_level[i % 6];
	}
	return 0x010101u * (uint32_t)(8 + 10 * (color - 232));
}

/* squared distance, red and green weighted as the eye sees them */
static long rgb_distance(uint32_t a, uint32_t b)
{
	long dr = (long)(a >> 16 & 0xff) - (long)(b >> 16 & 0xff);
	long dg = (long)(a >> 8 & 0xff) - (long)(b >> 8 & 0xff);
	long db = (long)(a & 0xff) - (long)(b & 0xff);

	return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
}

int theme_nearest(uint32_t rgb, int lo, int hi)
{
	long best = -1;
	int c, found = lo;

	for (c = lo; c <= hi; c++) {
		long d = rgb_distance(rgb, theme_rgb(c));

		if (best < 0 || d < best)
			best = d, found = c;
	}
	return found;
}

/*
 * One of the 16 ANSI colours for a 256-colour index, keeping the hue.
 * Plain RGB distance would send most muted theme colours to grey (sage
 * green #87af87 is nearer to #7f7f7f than to #00cd00), so: a colour with
 * little chroma becomes one of the four greys by lightness; otherwise
 * each channel in the upper half between the weakest and the strongest
 * is "on", which names the ANSI hue (red 1, green 2, blue 4 as bits), and
 * the bright variant is taken for light or fully saturated colours.
 */
int theme_reduce16(int color)
{
	uint32_t rgb;
	int ch[3], max, min, i, hue = 0;

	if (color < 16)
		return color;
	rgb = theme_rgb(color);
	for (i = 0; i < 3; i++)
		ch[i] = (int)(rgb >> (16 - 8 * i) & 0xff);
	max = ch[0] > ch[1] ? ch[0] : ch[1];
	max = max > ch[2] ? max : ch[2];
	min = ch[0] < ch[1] ? ch[0] : ch[1];
	min = min < ch[2] ? min : ch[2];
	if (max == 0 || (max - min) * 5 < max) {
		if (max < 0x30)
			return 0;
		return max < 0x98 ? 8 : max < 0xe0 ? 7 : 15;
	}
	for (i = 0; i < 3; i++)
		if ((ch[i] - min) * 2 >= max - min)
			hue |= 1 << i;
	return hue + (max == 0xff || (max >= 0xd7 && min >= 0x87) ? 8 : 0);
}

/* a colour word; -2 if it is not one */
static int parse_color(const char *w)
{
	int i, bright = 0;
	char *end;
	long n;

	if (!strcasecmp(w, "default"))
		return COLOR_DEFAULT;
	if (!strncasecmp(w, "bright-", 7))
		bright = 8, w += 7;
	for (i = 0; i < 8; i++)
		if (!strcasecmp(w, ansi_names[i]))
			return i + bright;
	if (bright)
		return -2;
	if (!strncasecmp(w, "color", 5) && isdigit((unsigned char)w[5])) {
		errno = 0;
		n = strtol(w + 5, &end, 10);
		return *end || errno || n > 255 ? -2 : (int)n;
	}
	if (w[0] == '#' && strlen(w) == 7 && strspn(w + 1, "0123456789abcdefABCDEF") == 6)
		return theme_nearest((uint32_t)strtoul(w + 1, NULL, 16), 16, 255);
	return -2;
}

static int parse_attr(const char *w)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} attrs[] = {
		{ "bold", THEME_BOLD },
		{ "reverse", THEME_REVERSE },
		{ "underline", THEME_UNDERLINE },
		{ "dim", THEME_DIM },
	};
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (!strcasecmp(w, attrs[i].name))
			return (int)attrs[i].bit;
	return 0;
}

/* ---- the parser -------------------------------------------------------------- */

/* the themes being loaded, innermost first, to stop inherit cycles */
struct chain {
	const char *what; /* a file's path, or a built-in's name */
	const struct chain *up;
};

/* where an error is reported: "file:line: " */
struct where {
	const char *file;
	int line;
	char *err;
	size_t errlen;
};

static int fail(const struct where *at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(const struct where *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!at->errlen)
		return -1;
	n = snprintf(at->err, at->errlen, "%s:%d: ", at->file, at->line);
	if (n < 0 || (size_t)n >= at->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(at->err + n, at->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int load_chain(struct theme *t, const char *name, const struct chain *up,
		      char *err, size_t errlen);

/* "FG [on BG] [attr...]" into st */
static int parse_style(const struct where *at, char *value, struct theme_style *st)
{
	int have_fg = 0, c, a;
	char *w, *save = NULL;

	st->fg = st->bg = COLOR_DEFAULT;
	st->attr = 0;
	for (w = strtok_r(value, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (!strcasecmp(w, "on")) {
			w = strtok_r(NULL, " \t", &save);
			if (!w)
				return fail(at, "'on' needs a background colour");
			if ((c = parse_color(w)) == -2)
				return fail(at, "unknown colour '%s'", w);
			st->bg = (int16_t)c;
		} else if ((a = parse_attr(w))) {
			st->attr |= (uint16_t)a;
		} else if ((c = parse_color(w)) != -2) {
			if (have_fg)
				return fail(at, "two foreground colours ('%s'); "
					    "a background needs 'on'", w);
			st->fg = (int16_t)c;
			have_fg = 1;
		} else {
			return fail(at, "unknown colour '%s'", w);
		}
	}
	return 0;
}

/* trim blanks at both ends in place */
static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

struct parse_state {
	struct theme *t;
	const struct chain *chain;
	int roles_seen;
};

static int set_inherit(struct parse_state *ps, const struct where *at,
		       const char *value)
{
	char sub[512];
	struct theme base = *ps->t;

	if (ps->roles_seen)
		return fail(at, "inherit must come before the roles");
	if (load_chain(&base, value, ps->chain, sub, sizeof(sub)))
		return fail(at, "inherit %s: %s", value, sub);
	/* the name stays this file's (its base name, or one given above) */
	memcpy(base.name, ps->t->name, sizeof(base.name));
	memcpy(base.path, ps->t->path, sizeof(base.path));
	for (int i = 0; i < NR_ROLES; i++)
		base.role[i].set = 0; /* inherited, not set by this file */
	*ps->t = base;
	return 0;
}

/* cut a comment off: '#' opening the line, or a '#' standing alone after
 * a blank ("title = bold  # why"); "#rrggbb" is a colour, not a comment */
static void strip_comment(char *line)
{
	char *p = line + strspn(line, " \t");

	if (*p == '#') {
		*p = '\0';
		return;
	}
	for (; (p = strchr(p, '#')); p++) {
		if ((p[-1] == ' ' || p[-1] == '\t') &&
		    (!p[1] || p[1] == ' ' || p[1] == '\t' || p[1] == '\r')) {
			*p = '\0';
			return;
		}
	}
}

static int parse_line(struct parse_state *ps, const struct where *at, char *line)
{
	char *eq, *key, *value;
	int role;

	strip_comment(line);
	line = trim(line);
	if (!*line)
		return 0;
	eq = strchr(line, '=');
	if (!eq)
		return fail(at, "expected 'ROLE = COLOURS', got '%s'", line);
	*eq = '\0';
	key = trim(line);
	value = trim(eq + 1);
	if (!*value)
		return fail(at, "'%s' has no value", key);
	if (!strcmp(key, "name")) {
		snprintf(ps->t->name, sizeof(ps->t->name), "%s", value);
		return 0;
	}
	if (!strcmp(key, "inherit"))
		return set_inherit(ps, at, value);
	if (!strcmp(key, "background")) {
		if (strcmp(value, "dark") && strcmp(value, "light"))
			return fail(at, "background is 'dark' or 'light', not '%s'", value);
		ps->t->dark = !strcmp(value, "dark");
		return 0;
	}
	role = color_role_by_name(key);
	if (role < 0)
		return fail(at, "unknown role '%s'", key);
	ps->roles_seen = 1;
	if (parse_style(at, value, &ps->t->role[role]))
		return -1;
	ps->t->role[role].set = 1;
	return 0;
}

/* the file's base name without ".theme": a theme's default name */
static void name_from_file(char *name, size_t len, const char *fname)
{
	const char *base = strrchr(fname, '/');
	size_t n;

	base = base ? base + 1 : fname;
	n = strlen(base);
	if (n > 6 && !strcmp(base + n - 6, ".theme"))
		n -= 6;
	snprintf(name, len, "%.*s", (int)n, base);
}

static int parse_chain(struct theme *t, const char *text, const char *fname,
		       const struct chain *chain, char *err, size_t errlen)
{
	struct theme work = *t;
	struct parse_state ps = { &work, chain, 0 };
	struct where at = { fname, 0, err, errlen };
	const char *p = text;
	int i;

	for (i = 0; i < NR_ROLES; i++)
		work.role[i].set = 0;
	name_from_file(work.name, sizeof(work.name), fname);
	snprintf(work.path, sizeof(work.path), "%s", fname);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[1024];

		at.line++;
		if (n >= sizeof(line))
			return fail(&at, "line too long");
		memcpy(line, p, n);
		line[n] = '\0';
		if (parse_line(&ps, &at, line))
			return -1;
		p += n + (nl != NULL);
	}
	*t = work;
	return 0;
}

int theme_parse(struct theme *t, const char *text, const char *fname,
		char *err, size_t errlen)
{
	return parse_chain(t, text, fname ? fname : "(theme)", NULL, err, errlen);
}

/* a built-in theme; its text is known to parse (the unit test checks) */
static void load_builtin(struct theme *t, const struct builtin *b)
{
	char err[256];
	struct chain self = { b->name, NULL };

	memset(t, 0, sizeof(*t));
	t->dark = 1;
	for (int i = 0; i < NR_ROLES; i++)
		t->role[i].fg = t->role[i].bg = COLOR_DEFAULT;
	parse_chain(t, b->text, b->name, &self, err, sizeof(err));
	t->path[0] = '\0';
}

void theme_builtin(struct theme *t)
{
	load_builtin(t, &builtins[0]);
}

/* ---- finding theme files ----------------------------------------------------- */

#define MAX_DIRS DATADIR_MAX
#define DIR_LEN PATH_MAX

/* snprintf that tells whether the whole text fitted: a truncated path
 * would name some other file */
static int fits(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fits(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n >= 0 && (size_t)n < len;
}

/* the directories searched for NAME.theme, in order (datadir.h) */
static int theme_dirs(char dirs[MAX_DIRS][DIR_LEN])
{
	return datadir_search("themes", dirs);
}

static int in_chain(const struct chain *c, const char *what)
{
	for (; c; c = c->up)
		if (!strcmp(c->what, what))
			return 1;
	return 0;
}

/* the whole file, NUL-terminated (malloc'd), or NULL with errno set */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			char *nb;

			cap = cap ? cap * 2 : 8192;
			if (cap > (1u << 20) || !(nb = realloc(buf, cap))) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static int load_file(struct theme *t, const char *path, const struct chain *up,
		     char *err, size_t errlen)
{
	struct chain self = { path, up };
	char *text = read_file(path);
	int ret;

	if (!text) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	ret = parse_chain(t, text, path, &self, err, errlen);
	free(text);
	return ret;
}

static int plain_name(const char *name)
{
	return *name && *name != '.' &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789._-") == strlen(name);
}

static int is_path(const char *name)
{
	size_t n = strlen(name);

	return strchr(name, '/') || (n > 6 && !strcmp(name + n - 6, ".theme"));
}

static int load_chain(struct theme *t, const char *name, const struct chain *up,
		      char *err, size_t errlen)
{
	char dirs[MAX_DIRS][DIR_LEN], path[DIR_LEN + 80];
	int nr, i, skipped = 0;

	if (is_path(name)) {
		if (in_chain(up, name)) {
			snprintf(err, errlen, "inherit cycle at %s", name);
			return -1;
		}
		return load_file(t, name, up, err, errlen);
	}
	if (!plain_name(name)) {
		snprintf(err, errlen, "unknown theme '%s'", name);
		return -1;
	}
	nr = theme_dirs(dirs);
	for (i = 0; i < nr; i++) {
		if (!fits(path, sizeof(path), "%s/%s.theme", dirs[i], name) ||
		    access(path, R_OK))
			continue;
		if (in_chain(up, path)) {
			skipped = 1; /* a file inheriting its own name */
			continue;
		}
		return load_file(t, path, up, err, errlen);
	}
	for (i = 0; i < NR_BUILTINS; i++) {
		if (strcmp(builtins[i].name, name))
			continue;
		load_builtin(t, &builtins[i]);
		return 0;
	}
	snprintf(err, errlen, skipped ? "inherit cycle at '%s'" : "unknown theme '%s'",
		 name);
	return -1;
}

int theme_load(struct theme *t, const char *name, char *err, size_t errlen)
{
	struct theme work = *t;

	if (!name || !*name) {
		snprintf(err, errlen, "no theme name");
		return -1;
	}
	if (load_chain(&work, name, NULL, err, errlen))
		return -1;
	*t = work;
	return 0;
}

/* ---- listing ----------------------------------------------------------------- */

static int add_name(char (*names)[64], int n, int max, const char *name)
{
	int i;

	if (strlen(name) >= 64)
		return n;
	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return n;
	if (n >= max)
		return n;
	snprintf(names[n], 64, "%s", name);
	return n + 1;
}

static int add_dir(char (*names)[64], int n, int max, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return n;
	while ((de = readdir(d))) {
		char name[64];
		size_t len = strlen(de->d_name);

		if (len <= 6 || len - 6 >= sizeof(name) ||
		    strcmp(de->d_name + len - 6, ".theme"))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(len - 6), de->d_name);
		if (plain_name(name))
			n = add_name(names, n, max, name);
	}
	closedir(d);
	return n;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

int theme_list(char (*names)[64], int max)
{
	char dirs[MAX_DIRS][DIR_LEN];
	int nr = theme_dirs(dirs), n = 0, i;

	for (i = 0; i < NR_BUILTINS; i++)
		n = add_name(names, n, max, builtins[i].name);
	for (i = 0; i < nr; i++)
		n = add_dir(names, n, max, dirs[i]);
	qsort(names, (size_t)n, sizeof(names[0]), cmp_name);
	return n;
}
