/*
 * complete.c - what may come next on a command line: command names, gfp
 * flags, /proc paths, sysctl keys, events, show's views, zone and migrate
 * type names, machine presets, slab cache names and SLAB_* flags.  Front ends (readline now, the screen's
 * command line later) turn the candidates into their own menus.
 */
#include <string.h>

#include "internal.h"

struct cands {
	const char *word;
	size_t len;
	cmd_add_fn add;
	void *arg;
};

static void offer(struct cands *k, const char *s)
{
	if (s && strncmp(s, k->word, k->len) == 0)
		k->add(k->arg, s);
}

static void offer_list(struct cands *k, const char *const *names)
{
	for (; *names; names++)
		offer(k, *names);
}

static void offer_commands(struct cands *k)
{
	size_t i, n;
	const struct cmd_def *t = cmd_table(&n);

	for (i = 0; i < n; i++)
		offer(k, t[i].name);
}

static void offer_proc(struct cands *k)
{
	char path[64];
	size_t i;

	for (i = 0; mm_proc_names[i]; i++) {
		const char *s = mm_proc_names[i];

		snprintf(path, sizeof(path), "%s%s",
			 strncmp(s, "/proc/", 6) ? "/proc/" : "", s);
		offer(k, path);
	}
}

static void offer_zones(struct cands *k, struct mm_machine *m)
{
	struct mm_machine_view mv;
	struct mm_zone_view zv;
	int i;

	offer(k, "all");
	mm_view_machine(m, &mv);
	for (i = 0; i < mv.nr_zones && mm_view_zone(m, i, &zv) == 0; i++)
		offer(k, zv.name);
}

static void offer_events(struct cands *k)
{
	int i;

	for (i = 0; i < MM_EV_NR_TYPES; i++)
		offer(k, mm_event_names[i]);
}

static void offer_show(struct cands *k, struct mm_machine *m, int pos,
		       char **words)
{
	size_t i;
	int t;

	if (pos == 1) {
		for (i = 0; i < show_table_len; i++)
			offer(k, show_table[i].name);
	} else if (pos == 2 && (strcmp(words[1], "freelists") == 0 ||
				strcmp(words[1], "pageblocks") == 0)) {
		offer_zones(k, m);
	} else if (pos == 4 && strcmp(words[1], "freelists") == 0) {
		offer(k, "all");
		for (t = 0; t < MIGRATE_TYPES; t++)
			offer(k, migratetype_names[t]);
	}
}

/* Which argument (0 = the first after the options) the word at pos is;
 * -1 if it is the value of -c. */
static int arg_index(int pos, char **words)
{
	int i, nargs = 0;

	for (i = 1; i < pos; i++) {
		if (strcmp(words[i], "-c") == 0)
			i++;
		else if (words[i][0] != '-' || nargs)
			nargs++;
	}
	return i == pos ? nargs : -1;
}

/* GFP flags at argument `want` (alloc_pages: the first) */
static int offer_gfp(struct cands *k, int pos, char **words, int want)
{
	if (arg_index(pos, words) != want)
		return 0;
	offer_list(k, mm_gfp_names);
	return CMD_CMPL_NOSPACE;
}

static void offer_caches(struct cands *k, struct mm_machine *m)
{
	struct mm_cache_view v;

	for (int id = mm_view_cache_next(m, -1); id >= 0; id = mm_view_cache_next(m, id))
		if (mm_view_cache(m, id, &v) == 0)
			offer(k, v.name);
}

/* the names mm_slab_flags_parse knows best, and our pseudo flags */
static const char *const slab_flag_words[] = {
	"SLAB_HWCACHE_ALIGN", "SLAB_RECLAIM_ACCOUNT", "SLAB_CACHE_DMA",
	"SLAB_PANIC", "SLAB_DESTROY_BY_RCU", "SLAB_MEM_SPREAD",
	"SLAB_NOLEAKTRACE", "SLAB_TEMPORARY", "SLAB_RED_ZONE", "SLAB_POISON",
	"SLAB_STORE_USER", "ctor", "shrinker", NULL
};

/* kmem_cache_create NAME SIZE [ALIGN] [FLAGS]: flags from the third */
static int offer_slab_flags(struct cands *k, int pos, char **words)
{
	if (arg_index(pos, words) < 2)
		return 0;
	offer_list(k, slab_flag_words);
	return CMD_CMPL_NOSPACE;
}

/* Where the command being typed starts: after the last unquoted ';' or
 * newline.  -1 if the cursor is inside a comment. */
static long command_start(const char *s)
{
	long start = 0, i;
	char q = 0;

	for (i = 0; s[i]; i++) {
		if (q) {
			if (s[i] == q)
				q = 0;
			else if (s[i] == '\\' && q == '"' && s[i + 1])
				i++;
		} else if (s[i] == '\'' || s[i] == '"') {
			q = s[i];
		} else if (s[i] == '\\' && s[i + 1]) {
			i++;
		} else if (s[i] == ';' || s[i] == '\n') {
			start = i + 1;
		} else if (s[i] == '#') {
			return -1;
		}
	}
	return start;
}

static int offer_for(struct cmd_ctx *c, struct cands *k, int pos, char **words)
{
	const struct cmd_def *d;

	if (pos == 0) {
		offer_commands(k);
		return 0;
	}
	d = cmd_lookup(words[0]);
	switch (d ? d->complete : CMPL_NONE) {
	case CMPL_COMMAND:
		if (pos == 1)
			offer_commands(k);
		break;
	case CMPL_GFP:
		return offer_gfp(k, pos, words, 0);
	case CMPL_CACHE:
		if (arg_index(pos, words) == 0)
			offer_caches(k, c->m);
		else if (strcmp(words[0], "kmem_cache_alloc") == 0)
			return offer_gfp(k, pos, words, 1);
		break;
	case CMPL_KMALLOC:
		return offer_gfp(k, pos, words, 1);
	case CMPL_SLAB_FLAGS:
		return offer_slab_flags(k, pos, words);
	case CMPL_TASK: /* task spawn NAME PAGES [GFP] */
		if (pos == 1)
			offer_list(k, cmd_task_subcommands);
		else if (pos == 4 && strcmp(words[1], "spawn") == 0)
			return offer_gfp(k, pos, words, 3);
		break;
	case CMPL_PROC:
		offer_proc(k);
		break;
	case CMPL_SYSCTL:
		offer_list(k, cmd_sysctl_keys);
		break;
	case CMPL_TRACE:
		if (pos == 1) {
			offer(k, "on");
			offer(k, "off");
		} else {
			offer_events(k);
		}
		break;
	case CMPL_SHOW:
		offer_show(k, c->m, pos, words);
		break;
	case CMPL_MACHINE:
		if (pos == 1)
			offer_list(k, mm_preset_names);
		return pos == 1 ? CMD_CMPL_FILES : 0;
	case CMPL_FILE:
		return pos == 1 ? CMD_CMPL_FILES : 0;
	case CMPL_NAMES: /* the front end's names for this command */
		if (pos == 1) {
			int i;

			for (i = 0; i < CMD_MAX_HOOKS; i++)
				if (c->hooks[i].name && c->hooks[i].names &&
				    strcmp(c->hooks[i].name, d->name) == 0)
					offer_list(k, c->hooks[i].names);
		}
		break;
	case CMPL_NONE:
		break;
	}
	return 0;
}

int cmd_complete(struct cmd_ctx *c, const char *before, const char *word,
		 cmd_add_fn add, void *arg)
{
	struct cands k = { word, strlen(word), add, arg };
	struct cmd_words w;
	char err[8];
	long start = command_start(before);
	size_t len;
	int pos, rc = 0;

	if (start < 0)
		return 0;
	before += start;
	len = strlen(before);
	if (cmd_split(before, &w, 1, err, sizeof(err)) == 0) {
		pos = w.ncmds ? (int)w.nargv - 1 : 0;
		/* "GFP_KERNEL|" is the start of the word being completed */
		if (pos > 0 && !strchr(" \t", before[len - 1]))
			pos--;
		rc = offer_for(c, &k, pos, w.argv);
	}
	cmd_words_free(&w);
	return rc;
}
