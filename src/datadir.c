/*
 * datadir.c - the search path for walkthroughs and themes (datadir.h).
 *
 * The Makefile compiles this file alone with -DMMSCOPE_DATADIR="..." (the
 * $(PREFIX)/share/mmscope that `make install` fills), so changing PREFIX
 * rebuilds one object.
 */
#include "datadir.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *datadir_installed(void)
{
#ifdef MMSCOPE_DATADIR
	return MMSCOPE_DATADIR;
#else
	return "";
#endif
}

/* snprintf that tells whether the whole text fitted: a truncated path
 * would name some other directory */
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

/* the directory the running executable is in, or "" */
static void exe_dir(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);
	char *slash;

	if (n <= 0) {
		buf[0] = '\0';
		return;
	}
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	else
		buf[0] = '\0';
}

int datadir_search(const char *sub, char dirs[DATADIR_MAX][PATH_MAX])
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	const char *env = getenv("MMSCOPE_DATADIR"), *inst = datadir_installed();
	char cand[DATADIR_MAX][PATH_MAX], real[PATH_MAX], other[PATH_MAX];
	char exe[PATH_MAX];
	int i, j, nc = 0, nd = 0;

	if (xdg && *xdg)
		nc += fits(cand[nc], PATH_MAX, "%s/mmscope/%s", xdg, sub);
	else if (home && *home)
		nc += fits(cand[nc], PATH_MAX, "%s/.config/mmscope/%s", home, sub);
	nc += fits(cand[nc], PATH_MAX, "%s", sub);
	exe_dir(exe, sizeof(exe));
	if (exe[0])
		nc += fits(cand[nc], PATH_MAX, "%s/%s", exe, sub);
	if (env && *env)
		nc += fits(cand[nc], PATH_MAX, "%s/%s", env, sub);
	if (inst[0])
		nc += fits(cand[nc], PATH_MAX, "%s/%s", inst, sub);
	for (i = 0; i < nc; i++) {
		if (!realpath(cand[i], real))
			continue;
		for (j = 0; j < nd; j++)
			if (realpath(dirs[j], other) && strcmp(other, real) == 0)
				break;
		if (j == nd)
			memcpy(dirs[nd++], cand[i], PATH_MAX);
	}
	return nd;
}
