/*
 * replay.c - a fuzz target without libFuzzer: runs LLVMFuzzerTestOneInput
 * on every file it is given (a directory: every file in it, in name
 * order), so that `make test` guards the corpora with the ordinary
 * compiler and no fuzzing engine.
 *
 *   replay_fuzz_cmd FILE|DIR...      prints "ok   fuzz_cmd: N inputs"
 *   FUZZ_VERBOSE=1 replay_fuzz_cmd FILE   shows what the input does
 *
 * Each input runs in a child process, so that one that crashes (or that
 * the sanitizers stop, leaks included, or that runs for REPLAY_SECONDS) is
 * named, and the others still run.
 * Exit status: 0 if every input ran cleanly, 1 otherwise, 2 on usage.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

/* far more than any input of a corpus takes, also under the sanitizers */
#define REPLAY_SECONDS 60

/* the target's name: the program's, without "replay_" */
static const char *target = "fuzz";

static int read_file(const char *path, uint8_t **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);

	if (!f || !buf) {
		if (f)
			fclose(f);
		free(buf);
		return -1;
	}
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (n < cap)
			break;
		cap *= 2;
		uint8_t *more = realloc(buf, cap);

		if (!more) {
			free(buf);
			fclose(f);
			return -1;
		}
		buf = more;
	}
	fclose(f);
	*data = buf;
	*size = n;
	return 0;
}

/* one input in a child: 0 if it ran cleanly */
static int run_one(const char *path)
{
	uint8_t *data;
	size_t size;
	pid_t pid;
	int status;

	if (read_file(path, &data, &size) < 0) {
		fprintf(stderr, "FAIL %s: %s: cannot read: %s\n", target, path, strerror(errno));
		return 1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "FAIL %s: fork: %s\n", target, strerror(errno));
		free(data);
		return 1;
	}
	if (pid == 0) {
		/* stdin is nobody's; an input that hangs is stopped (SIGALRM) */
		if (!freopen("/dev/null", "r", stdin))
			exit(2);
		alarm(REPLAY_SECONDS);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		exit(0); /* not _exit: LeakSanitizer looks at exit */
	}
	free(data);
	if (waitpid(pid, &status, 0) < 0)
		return 1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		fprintf(stderr, "FAIL %s: %s: killed by signal %d\n", target, path,
			WTERMSIG(status));
	else
		fprintf(stderr, "FAIL %s: %s: exit status %d\n", target, path,
			WEXITSTATUS(status));
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* every regular file of a directory, in name order */
static int run_dir(const char *dir, int *ran)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int failed = 0;

	if (!d) {
		fprintf(stderr, "FAIL %s: %s: %s\n", target, dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*names));

			if (!more)
				abort();
			names = more;
		}
		if (!(names[n++] = strdup(path)))
			abort();
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		failed |= run_one(names[i]);
		++*ran;
		free(names[i]);
	}
	free(names);
	return failed;
}

int main(int argc, char **argv)
{
	int failed = 0, ran = 0;
	const char *base = strrchr(argv[0], '/');

	base = base ? base + 1 : argv[0];
	target = strncmp(base, "replay_", 7) == 0 ? base + 7 : base;
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			failed |= run_dir(argv[i], &ran);
		} else {
			failed |= run_one(argv[i]);
			ran++;
		}
	}
	if (failed)
		fprintf(stderr, "FAIL %s: some of %d inputs failed\n", target, ran);
	else
		printf("ok   %s: %d inputs\n", target, ran);
	return failed;
}
