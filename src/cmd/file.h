/*
 * file.h - how every file a command asks for is written (cmd/file.c).
 * No model types here, so the screen's curses-free files can use it.
 */
#ifndef MMSCOPE_CMD_FILE_H
#define MMSCOPE_CMD_FILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Write a file whole or not at all: fill(f, arg) writes the text (0, or
 * -1 with errno set) to a temporary file made with O_CREAT|O_EXCL and
 * mode (before the umask) in path's directory, which then replaces path
 * by rename().  Nothing already there is followed or truncated.  Returns
 * 0, or -1 with the reason (strerror) in err; the temporary file is gone
 * either way.
 */
typedef int (*cmd_fill_fn)(FILE *f, void *arg);
int cmd_write_file(const char *path, unsigned int mode, cmd_fill_fn fill, void *arg,
		   char *err, size_t errlen);

#endif
