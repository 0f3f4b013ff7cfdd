/*
 * lscripts.c - where scripts live and how they describe themselves.
 *
 * Scripts are looked for in the scripts directories of datadir.h's
 * search path: $XDG_CONFIG_HOME/mmscope/scripts (~/.config/mmscope/scripts),
 * scripts/ under the current directory, scripts/ next to the mmscope
 * executable, $MMSCOPE_DATADIR/scripts and the installed
 * $(PREFIX)/share/mmscope/scripts, in that order.  `source NAME` finds
 * NAME or NAME.lua there when NAME itself is not a file.
 *
 * A script describes itself in its leading comment lines, read without
 * running it (a listing must not run what it lists):
 *
 *   -- description: Buddy split and merge, step by step
 *   -- category: buddy
 *   -- args: [ORDER]  the order to allocate (default 5)
 */
#include <dirent.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define MAX_DIRS LH_MAX_SCRIPT_DIRS
#define MAX_LISTED 256

/* the scripts directories that exist, without repeats; returns how many */
int lh_script_dirs(char dirs[LH_MAX_SCRIPT_DIRS][PATH_MAX])
{
	return datadir_search("scripts", dirs);
}

static int readable(const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	fclose(f);
	return 1;
}

int lh_script_find(const char *name, char *path, size_t len)
{
	char dirs[MAX_DIRS][PATH_MAX];
	int i, n;

	if (readable(name) || strchr(name, '/')) {
		snprintf(path, len, "%s", name);
		return readable(name) ? 0 : -1;
	}
	n = lh_script_dirs(dirs);
	for (i = 0; i < n; i++) {
		snprintf(path, len, "%s/%s", dirs[i], name);
		if (readable(path))
			return 0;
		snprintf(path, len, "%s/%s.lua", dirs[i], name);
		if (readable(path))
			return 0;
	}
	return -1;
}

void lh_script_path(struct mm_buf *b)
{
	char dirs[MAX_DIRS][PATH_MAX];
	int i, n = lh_script_dirs(dirs);

	for (i = 0; i < n; i++)
		mm_buf_printf(b, "%s%s/?.lua", i ? ";" : "", dirs[i]);
}

/* ---- self-descriptions ------------------------------------------------------------ */

struct script_desc {
	char name[64];
	char description[160], category[32], args[120];
};

/* "-- KEY: value" among the leading comment lines */
static void read_desc(const char *path, struct script_desc *d)
{
	static const struct {
		const char *key;
		size_t off, len;
	} keys[] = {
		{ "description", offsetof(struct script_desc, description), sizeof(d->description) },
		{ "category", offsetof(struct script_desc, category), sizeof(d->category) },
		{ "args", offsetof(struct script_desc, args), sizeof(d->args) },
	};
	char line[512];
	FILE *f = fopen(path, "r");
	size_t i, k;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f) && strncmp(line, "--", 2) == 0) {
		char *p = line + 2 + strspn(line + 2, " \t");

		line[strcspn(line, "\r\n")] = '\0';
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			k = strlen(keys[i].key);
			if (strncmp(p, keys[i].key, k) == 0 && p[k] == ':')
				snprintf((char *)d + keys[i].off, keys[i].len, "%s",
					 p + k + 1 + strspn(p + k + 1, " \t"));
		}
	}
	fclose(f);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct script_desc *)a)->name, ((const struct script_desc *)b)->name);
}

/* the *.lua of one directory, sorted, with their descriptions */
static int list_dir(const char *dir, struct script_desc *out, int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_MAX + 300];
	size_t len;
	int n = 0;

	if (!d)
		return 0;
	while (n < max && (e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 5 || len - 4 >= sizeof(out->name) || strcmp(e->d_name + len - 4, ".lua") != 0)
			continue;
		memset(&out[n], 0, sizeof(out[n]));
		snprintf(out[n].name, sizeof(out[n].name), "%.*s", (int)(len - 4), e->d_name);
		snprintf(path, sizeof(path), "%.*s/%s", PATH_MAX - 1, dir, e->d_name);
		read_desc(path, &out[n]);
		n++;
	}
	closedir(d);
	qsort(out, (size_t)n, sizeof(*out), by_name);
	return n;
}

static void print_dir(struct lhost *h, const char *dir, const struct script_desc *s, int n)
{
	struct mm_buf b;
	int i;

	mm_buf_init(&b);
	mm_buf_printf(&b, "%s/:\n", dir);
	for (i = 0; i < n; i++) {
		mm_buf_printf(&b, "  %-22s %-14s %s\n", s[i].name,
			      s[i].category[0] ? s[i].category : "-",
			      s[i].description[0] ? s[i].description : "(no description)");
		if (s[i].args[0])
			mm_buf_printf(&b, "  %-22s %-14s args: %s\n", "", "", s[i].args);
	}
	lh_out(h, b.s, b.len);
	mm_buf_free(&b);
}

/* `scripts`: every scripts directory's walkthroughs */
void lh_scripts_list(struct lhost *h)
{
	static const char none[] = "no scripts found (looked in $XDG_CONFIG_HOME/mmscope/scripts, "
				   "scripts/, scripts/ next to mmscope, $MMSCOPE_DATADIR/scripts "
				   "and the installed ones)\n";
	char dirs[MAX_DIRS][PATH_MAX];
	struct script_desc *s = calloc(MAX_LISTED, sizeof(*s));
	int i, n, total = 0, ndirs = lh_script_dirs(dirs);

	if (!s)
		return;
	for (i = 0; i < ndirs; i++) {
		n = list_dir(dirs[i], s, MAX_LISTED);
		if (n)
			print_dir(h, dirs[i], s, n);
		total += n;
	}
	if (!total)
		lh_out(h, none, sizeof(none) - 1);
	free(s);
}

/* every walkthrough once (the first found in search order), for
 * `mmscope --list walkthroughs` and the man page */
void lhost_each_script(void (*fn)(void *arg, const char *name, const char *description,
				  const char *args),
		       void *arg)
{
	char dirs[MAX_DIRS][PATH_MAX];
	struct script_desc *s = calloc(MAX_LISTED, sizeof(*s));
	struct script_desc *seen = calloc(MAX_LISTED, sizeof(*seen));
	int i, j, k, n, nseen = 0, ndirs = lh_script_dirs(dirs);

	for (i = 0; s && seen && i < ndirs; i++) {
		n = list_dir(dirs[i], s, MAX_LISTED);
		for (j = 0; j < n; j++) {
			for (k = 0; k < nseen; k++)
				if (strcmp(seen[k].name, s[j].name) == 0)
					break;
			if (k < nseen || nseen == MAX_LISTED)
				continue;
			seen[nseen++] = s[j];
			fn(arg, s[j].name, s[j].description, s[j].args);
		}
	}
	free(seen);
	free(s);
}
