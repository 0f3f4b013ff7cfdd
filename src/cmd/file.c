/*
 * file.c - writing a file a command was asked to write (screenshot, the
 * history): whole or not at all, and never through a name someone else
 * prepared.
 *
 * The text goes to a temporary file in the target's directory, created
 * with O_CREAT|O_EXCL: if the name exists - a leftover, or a symlink
 * planted to make us write elsewhere - open fails and the next name is
 * tried, so nothing that was there is followed or truncated.  The
 * finished file is then renamed over the target (rename replaces a
 * symlink at the target itself, not what it points to).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define TMP_TRIES 100

static int write_error(char *err, size_t errlen, int e)
{
	snprintf(err, errlen, "%s", strerror(e ? e : EIO));
	return -1;
}

/* a new temporary file next to path, opened O_EXCL; its name in tmp */
static int open_temp(const char *path, unsigned int mode, char *tmp, size_t len)
{
	int n, fd, w;

	for (n = 0; n < TMP_TRIES; n++) {
		if (n == 0)
			w = snprintf(tmp, len, "%s.%ld.tmp", path, (long)getpid());
		else
			w = snprintf(tmp, len, "%s.%ld.%d.tmp", path, (long)getpid(), n);
		if (w < 0 || (size_t)w >= len) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int cmd_write_file(const char *path, unsigned int mode, cmd_fill_fn fill, void *arg,
		   char *err, size_t errlen)
{
	char tmp[PATH_MAX + 64];
	int fd, bad, e;
	FILE *f;

	fd = open_temp(path, mode, tmp, sizeof(tmp));
	if (fd < 0)
		return write_error(err, errlen, errno);
	f = fdopen(fd, "w");
	if (!f) {
		e = errno;
		close(fd);
		unlink(tmp);
		return write_error(err, errlen, e);
	}
	errno = 0;
	bad = fill(f, arg) < 0;
	e = errno;
	if (fflush(f) != 0 || ferror(f)) {
		bad = 1;
		e = e ? e : errno;
	}
	if (fclose(f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (!bad && rename(tmp, path) < 0) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		unlink(tmp);
		return write_error(err, errlen, e);
	}
	return 0;
}
