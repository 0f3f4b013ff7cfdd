/*
 * theme.h - colours are semantic roles.  Drawing code asks for a role
 * ("a free page of order 3", "the low watermark line"); a theme maps every
 * role to a foreground, a background and attributes.  Themes are text files
 * (themes/NAME.theme); a default theme is compiled in so the binary runs
 * with no files installed.  No curses here: term.c reduces the colours to
 * what the terminal has (8, 16 or 256 colours, or none with NO_COLOR).
 */
#ifndef MMSCOPE_TUI_THEME_H
#define MMSCOPE_TUI_THEME_H

#include <stddef.h>
#include <stdint.h>

/* X-macro: the role, its name in theme files */
#define COLOR_ROLES(X)                                           \
	X(ROLE_DEFAULT, "default")                               \
	X(ROLE_TITLE, "title")               /* panel titles */   \
	X(ROLE_BORDER, "border")                                 \
	X(ROLE_BORDER_FOCUS, "border.focus")                     \
	X(ROLE_STATUS, "status")             /* status bar */     \
	X(ROLE_STATUS_KEY, "status.key")                         \
	X(ROLE_HEADER, "header")             /* column headers */ \
	X(ROLE_DIM, "dim")                                       \
	X(ROLE_ERROR, "error")                                   \
	X(ROLE_WARNING, "warning")                               \
	X(ROLE_HIGHLIGHT, "highlight")       /* just changed */   \
	X(ROLE_CURSOR, "cursor")                                 \
	X(ROLE_SELECTED, "selected")                             \
	X(ROLE_MARKED, "marked")             /* ui.highlight */   \
	X(ROLE_PROMPT, "prompt")                                 \
	X(ROLE_INPUT, "input")                                   \
	X(ROLE_NARRATION, "narration")                           \
	/* pages */                                              \
	X(ROLE_PAGE_FREE, "page.free")                           \
	X(ROLE_ORDER0, "order.0")                                \
	X(ROLE_ORDER1, "order.1")                                \
	X(ROLE_ORDER2, "order.2")                                \
	X(ROLE_ORDER3, "order.3")                                \
	X(ROLE_ORDER4, "order.4")                                \
	X(ROLE_ORDER5, "order.5")                                \
	X(ROLE_ORDER6, "order.6")                                \
	X(ROLE_ORDER7, "order.7")                                \
	X(ROLE_ORDER8, "order.8")                                \
	X(ROLE_ORDER9, "order.9")                                \
	X(ROLE_ORDER10, "order.10")                              \
	X(ROLE_PAGE_PCP, "page.pcp")                             \
	X(ROLE_PAGE_ANON, "page.anon")                           \
	X(ROLE_PAGE_CACHE, "page.cache")                         \
	X(ROLE_PAGE_SLAB, "page.slab")                           \
	X(ROLE_PAGE_KERNEL, "page.kernel")                       \
	X(ROLE_PAGE_PAGETABLE, "page.pagetable")                 \
	X(ROLE_PAGE_RESERVED, "page.reserved")                   \
	X(ROLE_PAGE_HOLE, "page.hole")                           \
	X(ROLE_PAGE_INFLIGHT, "page.inflight")                   \
	/* pageblock migrate types */                            \
	X(ROLE_MT_UNMOVABLE, "unmovable")                        \
	X(ROLE_MT_RECLAIMABLE, "reclaimable")                    \
	X(ROLE_MT_MOVABLE, "movable")                            \
	X(ROLE_MT_RESERVE, "reserve")                            \
	X(ROLE_MT_ISOLATE, "isolate")                            \
	X(ROLE_POLLUTED, "polluted")   /* block with foreign pages */ \
	/* zones */                                              \
	X(ROLE_WMARK_MIN, "watermark.min")                       \
	X(ROLE_WMARK_LOW, "watermark.low")                       \
	X(ROLE_WMARK_HIGH, "watermark.high")                     \
	X(ROLE_BAR_FREE, "bar.free")                             \
	X(ROLE_BAR_USED, "bar.used")                             \
	X(ROLE_LOWMEM_RESERVE, "lowmem_reserve")                 \
	/* free_area heat map, cold to hot */                    \
	X(ROLE_HEAT0, "heat.0")                                  \
	X(ROLE_HEAT1, "heat.1")                                  \
	X(ROLE_HEAT2, "heat.2")                                  \
	X(ROLE_HEAT3, "heat.3")                                  \
	X(ROLE_HEAT4, "heat.4")                                  \
	/* slab */                                               \
	X(ROLE_SLAB_FULL, "slab.full")                           \
	X(ROLE_SLAB_PARTIAL, "slab.partial")                     \
	X(ROLE_SLAB_FREE, "slab.free")                           \
	X(ROLE_OBJ_USED, "object.used")                          \
	X(ROLE_OBJ_FREE, "object.free")                          \
	X(ROLE_OBJ_CACHED, "object.cached")                      \
	X(ROLE_SLAB_COLOUR, "slab.colour")                       \
	/* call stack and log */                                 \
	X(ROLE_STAGE_CURRENT, "stage.current")                   \
	X(ROLE_STAGE_DONE, "stage.done")                         \
	X(ROLE_STAGE_REASON, "stage.reason")                     \
	X(ROLE_BREAKPOINT, "breakpoint")                         \
	X(ROLE_LOG_COMMAND, "log.command")                       \
	X(ROLE_LOG_OUTPUT, "log.output")                         \
	X(ROLE_LOG_TRACE, "log.trace")                           \
	X(ROLE_LOG_PRINTK, "log.printk")

enum color_role {
#define X(role, name) role,
	COLOR_ROLES(X)
#undef X
	NR_ROLES
};
extern const char *const color_role_names[NR_ROLES];
int color_role_by_name(const char *name); /* -1 if unknown */

/* a colour: COLOR_DEFAULT (the terminal's), or 0..255 (xterm indexes:
 * 0-7 the ANSI colours, 8-15 bright, 16-231 the cube, 232-255 greys) */
#define COLOR_DEFAULT (-1)

enum theme_attr {
	THEME_BOLD = 1u << 0,
	THEME_REVERSE = 1u << 1,
	THEME_UNDERLINE = 1u << 2,
	THEME_DIM = 1u << 3,
};

struct theme_style {
	int16_t fg, bg;    /* COLOR_DEFAULT or 0..255 */
	uint16_t attr;     /* enum theme_attr */
	uint16_t set;      /* the file set this role (else inherited) */
};

struct theme {
	char name[64];
	char path[512];    /* file it came from; "" for the built-in one */
	int dark;          /* a dark background is assumed (for the svg) */
	struct theme_style role[NR_ROLES];
};

/* the compiled-in default */
void theme_builtin(struct theme *t);
/*
 * Parse a theme file's text over t (roles it does not name keep their
 * values; "inherit NAME" starts from another theme).  Errors are
 * "file:line: problem"; on error t is left as it was.
 */
int theme_parse(struct theme *t, const char *text, const char *fname,
		char *err, size_t errlen);
/* Find NAME (a built-in name, NAME.theme in the theme directories, or a
 * path) and load it; on error t is left as it was, err says why. */
int theme_load(struct theme *t, const char *name, char *err, size_t errlen);
/* the names theme_load accepts (built-ins, then files), sorted, unique;
 * returns how many were stored in names[0..max-1] */
int theme_list(char (*names)[64], int max);
/* the xterm colour index as #rrggbb, for the SVG */
uint32_t theme_rgb(int color);
/* the colour in lo..hi nearest to 0xrrggbb (#rrggbb in theme files) */
int theme_nearest(uint32_t rgb, int lo, int hi);
/* the ANSI colour (0-15) of the same hue as a 256-colour index, for
 * 16- and 8-colour terminals */
int theme_reduce16(int color);

#endif
