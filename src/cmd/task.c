/*
 * task.c - the workload's processes and the OOM killer's view of them:
 * task spawn|list|touch|exit, oom_score_adj, and sysrq f|m (the manual OOM
 * kill and the memory report of /proc/sysrq-trigger).
 *
 * Tasks are named by pid, as /proc names them.  What the OOM killer prints
 * arrives as printk lines through the observer (proc.c), in order with
 * the command's own output.
 */
#include <limits.h>
#include <string.h>

#include "internal.h"

#define TASK_MAX_PAGES (1UL << 28) /* what mm_task_touch accepts */

static int task_spawn(struct cmd_ctx *c, int argc, char **argv);
static int task_list(struct cmd_ctx *c, int argc, char **argv);
static int task_touch(struct cmd_ctx *c, int argc, char **argv);
static int task_exit(struct cmd_ctx *c, int argc, char **argv);

static const struct {
	const char *name, *args;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	int lo, hi; /* arguments after the subcommand */
} task_table[] = {
	{ "spawn", "NAME PAGES [GFP]", task_spawn, 2, 3 },
	{ "list", "", task_list, 0, 0 },
	{ "touch", "PID PAGES", task_touch, 2, 2 },
	{ "exit", "PID", task_exit, 1, 1 },
};
#define NR_TASK_CMDS (sizeof(task_table) / sizeof(task_table[0]))

const char *const cmd_task_subcommands[] = { "spawn", "list", "touch", "exit", NULL };

static int arg_pages(struct cmd_ctx *c, const char *s, unsigned long *pages)
{
	int rc = cmd_parse_ulong(s, pages);

	if (rc == -1)
		return cmd_error(c, "invalid page count '%s'", s);
	if (rc == -2 || *pages > TASK_MAX_PAGES)
		return cmd_error(c, "%s pages is more than a task can map here (at most %lu)",
				 s, TASK_MAX_PAGES);
	return 0;
}

/* a live task by pid (one on its way out is gone already), as the view sees it */
static int arg_task(struct cmd_ctx *c, const char *s, struct mm_task_view *tv)
{
	unsigned long pid;
	int rc = cmd_parse_ulong(s, &pid);

	if (rc == -1)
		return cmd_error(c, "invalid pid '%s'", s);
	if (rc || !pid || pid > INT_MAX || mm_view_task(c->m, (int)pid, tv) || tv->exiting)
		return cmd_error(c, "no task with pid %s", s);
	return 0;
}

/* "pid 100 (hog): rss 300 pages, swap 0" */
static void task_summary(struct cmd_ctx *c, int pid)
{
	struct mm_task_view t;

	if (mm_view_task(c->m, pid, &t) == 0)
		cmd_printf(c, "pid %d (%s): rss %lu pages, swap %lu\n", t.pid, t.comm, t.rss, t.swapents);
}

/* a fault that did not get its page: the task keeps what it has */
static int fault_failed(struct cmd_ctx *c, int pid, unsigned long want)
{
	struct mm_task_view t;

	if (mm_view_task(c->m, pid, &t)) /* killed on the way, by the OOM killer */
		return cmd_error(c, "%s", mm_view_error(c->m));
	return cmd_error(c, "pid %d (%s) has %lu of %lu pages: %s", t.pid, t.comm,
			 t.rss, want, mm_view_error(c->m));
}

/* task spawn NAME PAGES [GFP] */
static int task_spawn(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned long pages;
	char err[256];
	gfp_t gfp = 0; /* the core's default: GFP_HIGHUSER_MOVABLE|__GFP_ZERO */
	int pid, rc;

	if (arg_pages(c, argv[2], &pages))
		return 1;
	if (argc > 3 && mm_gfp_parse(argv[3], &gfp, err, sizeof(err)) < 0)
		return cmd_error(c, "%s", err);
	rc = mm_task_spawn(c->m, argv[1], pages, gfp, &pid);
	if (!pid) /* refused before the task was made */
		return cmd_error(c, "%s", mm_view_error(c->m));
	cmd_printf(c, "pid %d\n", pid);
	return rc ? fault_failed(c, pid, pages) : 0;
}

/* task list: by pid, with what the OOM killer would weigh */
static int task_list(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_task_view t;
	int n = 0;

	(void)argc;
	(void)argv;
	cmd_printf(c, "%6s %-15s %8s %8s %13s %8s %9s\n", "PID", "NAME", "RSS", "SWAP",
		   "OOM_SCORE_ADJ", "BADNESS", "OOM_SCORE");
	for (int pid = mm_view_task_next(c->m, 0); pid; pid = mm_view_task_next(c->m, pid)) {
		if (mm_view_task(c->m, pid, &t) || t.exiting) /* killed or exited: being reaped */
			continue;
		cmd_printf(c, "%6d %-15s %8lu %8lu %13d %8lu %9lu\n", t.pid, t.comm,
			   t.rss, t.swapents, t.oom_score_adj, t.badness, t.oom_score);
		n++;
	}
	if (!n)
		cmd_puts(c, "(no tasks)\n");
	return 0;
}

/* task touch PID PAGES: fault in (or re-reference) pages 0..PAGES-1 */
static int task_touch(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_task_view tv;
	unsigned long pages;

	(void)argc;
	if (arg_task(c, argv[1], &tv) || arg_pages(c, argv[2], &pages))
		return 1;
	if (mm_task_touch(c->m, tv.pid, pages) != MM_OK)
		return fault_failed(c, tv.pid, pages); /* the task may be gone */
	task_summary(c, tv.pid);
	return 0;
}

/* task exit PID: exit_mmap, then the task is gone */
static int task_exit(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_task_view tv;

	(void)argc;
	if (arg_task(c, argv[1], &tv))
		return 1;
	if (mm_task_exit(c->m, tv.pid) != MM_OK)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

static int task_usage(struct cmd_ctx *c, const char *msg)
{
	return cmd_error(c, "%s (spawn, list, touch, exit)", msg);
}

/* task SUBCOMMAND ...: errors in the name "task SUBCOMMAND" */
int cmd_task(struct cmd_ctx *c, int argc, char **argv)
{
	char name[32];
	size_t i;
	int rc, nargs = argc - 2;

	if (argc < 2)
		return task_usage(c, "missing argument: task what?");
	for (i = 0; i < NR_TASK_CMDS; i++)
		if (strcmp(argv[1], task_table[i].name) == 0)
			break;
	if (i == NR_TASK_CMDS)
		return task_usage(c, "unknown subcommand");
	snprintf(name, sizeof(name), "task %s", task_table[i].name);
	c->cur = name;
	if (nargs < task_table[i].lo || nargs > task_table[i].hi)
		rc = cmd_error(c, "%s (usage: task %s%s%s)",
			       nargs < task_table[i].lo ? "missing argument" : "too many arguments",
			       task_table[i].name, task_table[i].args[0] ? " " : "",
			       task_table[i].args);
	else
		rc = task_table[i].run(c, argc - 1, argv + 1);
	c->cur = "task";
	return rc;
}

/* an int as /proc/PID/oom_score_adj reads it (kstrtoint): sign, 0x or decimal */
static int parse_adj(const char *s, long *v)
{
	unsigned long u;
	int neg = (*s == '-'), rc = cmd_parse_ulong(s + neg, &u);

	if (rc == -1)
		return -1;
	if (rc == -2 || u > (unsigned long)INT_MAX + (unsigned long)neg)
		*v = neg ? LONG_MIN : LONG_MAX;
	else
		*v = neg ? -(long)u : (long)u;
	return 0;
}

/* oom_score_adj PID [N]: read or write /proc/PID/oom_score_adj */
int cmd_oom_score_adj(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_task_view tv;
	long adj;

	if (cmd_nargs(c, argc, 1, 2) || arg_task(c, argv[1], &tv))
		return 1;
	if (argc == 2) {
		cmd_printf(c, "%d\n", tv.oom_score_adj);
		return 0;
	}
	if (parse_adj(argv[2], &adj) < 0)
		return cmd_error(c, "invalid value '%s' (an integer from %d to %d)", argv[2],
				 OOM_SCORE_ADJ_MIN, OOM_SCORE_ADJ_MAX);
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return cmd_error(c, "%s is out of range (%d to %d)", argv[2],
				 OOM_SCORE_ADJ_MIN, OOM_SCORE_ADJ_MAX);
	if (mm_oom_score_adj(c->m, tv.pid, (int)adj) != MM_OK)
		return cmd_error(c, "%s", mm_view_error(c->m));
	return 0;
}

/* sysrq KEY: echo KEY > /proc/sysrq-trigger, for f and m */
int cmd_sysrq(struct cmd_ctx *c, int argc, char **argv)
{
	if (cmd_nargs(c, argc, 1, 1))
		return 1;
	if (strcmp(argv[1], "f") == 0) {
		cmd_puts(c, "SysRq : Manual OOM execution\n");
		/* moom_callback: GFP_KERNEL, order 0, force_kill */
		if (mm_out_of_memory(c->m, GFP_KERNEL, 0, 1) != MM_OK)
			return cmd_error(c, "%s", mm_view_error(c->m));
		return 0;
	}
	if (strcmp(argv[1], "m") == 0) {
		cmd_puts(c, "SysRq : Show Memory\n");
		mm_show_mem(c->m);
		return 0;
	}
	return cmd_error(c, "unknown key '%s' (f: memory-full-oom-kill, m: show-memory-usage)",
			 argv[1]);
}
