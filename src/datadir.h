/*
 * datadir.h - where mmscope's own files are: the walkthroughs (scripts/)
 * and the colour themes (themes/).  One search path for both, so a
 * person's files, the build tree and an installed copy are found the
 * same way by `source`, `scripts`, `require("lib.walk")` and `theme`.
 */
#ifndef MMSCOPE_DATADIR_H
#define MMSCOPE_DATADIR_H

#include <limits.h>

/* how many directories datadir_search can give */
#define DATADIR_MAX 5

/*
 * The directories that hold SUB ("scripts", "themes"), in the order they
 * are searched:
 *   $XDG_CONFIG_HOME/mmscope/SUB (default ~/.config/mmscope/SUB),
 *   SUB in the current directory,
 *   SUB next to the executable (the build tree),
 *   $MMSCOPE_DATADIR/SUB,
 *   SUB in the directory `make install` fills ($(PREFIX)/share/mmscope,
 *   compiled in).
 * Only those that exist, each once (compared by realpath); a path that
 * does not fit is left out.  Returns how many.
 */
int datadir_search(const char *sub, char dirs[DATADIR_MAX][PATH_MAX]);

/* the compiled-in data directory ("" if none was compiled in) */
const char *datadir_installed(void);

#endif
