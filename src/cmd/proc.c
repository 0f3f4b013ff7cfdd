/*
 * proc.c - the commands that read and tune the model the way a user reads
 * and tunes a kernel: cat /proc/..., sysctl vm.*, and trace (tracepoint
 * text as /sys/kernel/debug/tracing/trace_pipe would print it).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- cat ------------------------------------------------------------- */

static const char *proc_base(const char *s)
{
	return strncmp(s, "/proc/", 6) == 0 ? s + 6 : s;
}

static int proc_known(const char *name)
{
	size_t i;

	if (cmd_extfrag_name(name))
		return 1;
	for (i = 0; mm_proc_names[i]; i++)
		if (strcmp(proc_base(mm_proc_names[i]), name) == 0)
			return 1;
	return 0;
}

/*
 * cat FILE...: /proc/NAME or just NAME.  Every file is read before any is
 * printed, so a missing one (/proc/slabinfo on a "slab none" machine)
 * prints nothing but its error.
 */
int cmd_cat(struct cmd_ctx *c, int argc, char **argv)
{
	struct mm_buf b;
	int i, rc = 0, err;

	if (argc < 2)
		return cmd_error(c, "missing file operand (try /proc/buddyinfo)");
	for (i = 1; i < argc; i++)
		if (!proc_known(proc_base(argv[i])))
			return cmd_error(c, "%s: No such file or directory", argv[i]);
	mm_buf_init(&b);
	for (i = 1; i < argc && !rc; i++) {
		err = cmd_extfrag_name(argv[i]) ?
			mm_extfrag_show(c->m, cmd_extfrag_name(argv[i]), &b) :
			mm_proc_show(c->m, proc_base(argv[i]), &b);
		if (err == MM_ENOENT)
			rc = cmd_error(c, "%s: No such file or directory", argv[i]);
		else if (err < 0)
			rc = cmd_error(c, "%s: %s", argv[i], mm_view_error(c->m));
	}
	if (!rc && b.len)
		cmd_printf(c, "%.*s", (int)b.len, b.s);
	mm_buf_free(&b);
	return rc;
}

/* ---- sysctl ------------------------------------------------------------ */

struct sysctl_def {
	const char *key;
	long (*get)(struct mm_machine *m);
	int (*set)(struct mm_machine *m, long v);
};

static long get_min_free_kbytes(struct mm_machine *m)
{
	struct mm_machine_view mv;

	mm_view_machine(m, &mv);
	return mv.min_free_kbytes;
}

static int set_min_free_kbytes(struct mm_machine *m, long v)
{
	return mm_set_min_free_kbytes(m, v);
}

static const struct sysctl_def sysctls[] = {
	{ "vm.min_free_kbytes", get_min_free_kbytes, set_min_free_kbytes },
	{ "vm.compact_memory", NULL, cmd_compact_memory_set },
	{ "vm.drop_caches", cmd_drop_caches_get, cmd_drop_caches_set },
	{ "vm.swappiness", cmd_swappiness_get, cmd_swappiness_set },
};
#define NR_SYSCTLS (sizeof(sysctls) / sizeof(sysctls[0]))

const char *const cmd_sysctl_keys[] = { "vm.min_free_kbytes", "vm.compact_memory",
					"vm.drop_caches", "vm.swappiness", NULL };

/* "vm/min_free_kbytes" is the same key, as sysctl(8) allows */
static const struct sysctl_def *sysctl_find(const char *key, size_t len)
{
	size_t i, j;

	for (i = 0; i < NR_SYSCTLS; i++) {
		if (strlen(sysctls[i].key) != len)
			continue;
		for (j = 0; j < len; j++)
			if (key[j] != sysctls[i].key[j] &&
			    !(key[j] == '/' && sysctls[i].key[j] == '.'))
				break;
		if (j == len)
			return &sysctls[i];
	}
	return NULL;
}

/* the value of a readable key, typed (Lua's mm.sysctl reads it here): 0,
 * or -1 for an unknown or write-only key */
int cmd_sysctl_read(struct cmd_ctx *c, const char *key, long *v)
{
	const struct sysctl_def *d = sysctl_find(key, strlen(key));

	if (!d || !d->get)
		return -1;
	*v = d->get(c->m);
	return 0;
}

static int sysctl_nokey(struct cmd_ctx *c, const char *key, size_t len)
{
	char path[256];
	size_t i, n = strlen("/proc/sys/");

	memcpy(path, "/proc/sys/", n);
	for (i = 0; i < len && n + 1 < sizeof(path); i++)
		path[n++] = key[i] == '.' ? '/' : key[i];
	path[n] = '\0';
	return cmd_error(c, "cannot stat %s: No such file or directory", path);
}

/* An int as proc_dointvec reads it: optional '-', then 0x hex or decimal. */
static int sysctl_value(const char *s, long *v)
{
	unsigned long u;
	int neg = (*s == '-');

	if (cmd_parse_ulong(s + neg, &u) != 0 || u > (unsigned long)INT_MAX + neg)
		return -1;
	*v = neg ? -(long)u : (long)u;
	return 0;
}

/* Check one KEY or KEY=VALUE argument; fills *d and *v (if a value). */
static int sysctl_check(struct cmd_ctx *c, const char *arg,
			const struct sysctl_def **d, long *v)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);

	*d = sysctl_find(arg, len);
	if (!*d)
		return sysctl_nokey(c, arg, len);
	if (eq && sysctl_value(eq + 1, v) < 0)
		return cmd_error(c, "setting key \"%s\": Invalid argument",
				 (*d)->key);
	if (!eq && !(*d)->get) /* write-only, like vm.compact_memory */
		return cmd_error(c, "permission denied on key '%s'", (*d)->key);
	return 0;
}

static int sysctl_apply(struct cmd_ctx *c, const char *arg)
{
	const struct sysctl_def *d;
	long v = 0;
	int rc;

	sysctl_check(c, arg, &d, &v); /* checked before: it succeeds */
	if (strchr(arg, '=') && (rc = d->set(c->m, v)) < 0)
		return rc == MM_EBUSY ? cmd_error(c, "setting key \"%s\": %s", d->key, mm_view_error(c->m))
				      : cmd_error(c, "setting key \"%s\": Invalid argument", d->key);
	/* a write-only key: sysctl(8) echoes the value it wrote */
	cmd_printf(c, "%s = %ld\n", d->key, d->get ? d->get(c->m) : v);
	return 0;
}

int cmd_sysctl_do(struct cmd_ctx *c, const char *key, const long *value, long *now)
{
	const struct sysctl_def *d = sysctl_find(key, strlen(key));
	int rc;

	if (!d)
		return sysctl_nokey(c, key, strlen(key));
	if (!value) {
		if (!d->get) /* write-only, like vm.compact_memory */
			return cmd_error(c, "permission denied on key '%s'", d->key);
		*now = d->get(c->m);
		return 0;
	}
	if (*value < INT_MIN || *value > INT_MAX)
		return cmd_error(c, "setting key \"%s\": Invalid argument", d->key);
	if ((rc = d->set(c->m, *value)) < 0)
		return rc == MM_EBUSY ? cmd_error(c, "setting key \"%s\": %s", d->key, mm_view_error(c->m))
				      : cmd_error(c, "setting key \"%s\": Invalid argument", d->key);
	*now = d->get ? d->get(c->m) : *value;
	return 0;
}

/* sysctl [-w] [-a] KEY[=VALUE]... */
int cmd_sysctl(struct cmd_ctx *c, int argc, char **argv)
{
	const struct sysctl_def *d;
	long v;
	int i, nkeys = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-w") == 0 || strcmp(argv[i], "-a") == 0)
			continue;
		if (argv[i][0] == '-')
			return cmd_error(c, "unknown option '%s'", argv[i]);
		if (sysctl_check(c, argv[i], &d, &v))
			return 1;
		nkeys++;
	}
	if (nkeys == 0) {
		for (i = 0; i < (int)NR_SYSCTLS; i++)
			if (sysctls[i].get) /* -a skips write-only keys */
				cmd_printf(c, "%s = %ld\n", sysctls[i].key,
					   sysctls[i].get(c->m));
		return 0;
	}
	for (i = 1; i < argc; i++)
		if (argv[i][0] != '-' && sysctl_apply(c, argv[i]))
			return 1;
	return 0;
}

/* ---- trace ------------------------------------------------------------- */

/* the request running now was started with --step */
static int running_stepping(const struct mm_machine *m)
{
	struct mm_running_view r;

	return mm_view_running(m, &r) == 0 && r.stepping;
}

/* an event's text: to the front end with its kind, or as output */
static void event_line(struct cmd_ctx *c, int event, const char *text)
{
	if (!c->out_event) {
		cmd_printf(c, "%s\n", text);
		return;
	}
	cmd_flush(c); /* what the command printed before it, first */
	c->out_event(c->sink, event, text, strlen(text));
}

static void trace_event(struct mm_machine *m, const struct mm_event *ev,
			void *ctx)
{
	struct cmd_ctx *c = ctx;
	char line[512];
	int i;

	for (i = 0; i < CMD_MAX_LISTENERS; i++)
		if (c->listeners[i].fn && (c->listeners[i].mask & MM_EV_BIT(ev->type)))
			c->listeners[i].fn(m, ev, c->listeners[i].ud);
	/* kernel log lines reach the console whether or not tracing is on */
	if (ev->type == MM_EV_PRINTK) {
		event_line(c, ev->type, ev->text ? ev->text : "");
		return;
	}
	if (!(c->trace_mask & MM_EV_BIT(ev->type)) &&
	    !(c->step_trail && (MM_EV_BIT(ev->type) & MM_EV_STAGES) && running_stepping(m)))
		return;
	line[0] = '\0';
	mm_event_format(m, ev, line, sizeof(line));
	event_line(c, ev->type, line);
}

/* the observer is always there: printk lines are shown like dmesg's */
void cmd_trace_install(struct cmd_ctx *c)
{
	unsigned int mask = c->trace_mask | MM_EV_BIT(MM_EV_PRINTK) |
			    (c->step_trail ? MM_EV_STAGES : 0);
	int i;

	for (i = 0; i < CMD_MAX_LISTENERS; i++)
		if (c->listeners[i].fn)
			mask |= c->listeners[i].mask;
	mm_set_observer(c->m, trace_event, c, mask);
}

static void trace_show(struct cmd_ctx *c)
{
	int t;

	if (!c->trace_mask) {
		cmd_puts(c, "trace off\n");
		return;
	}
	cmd_puts(c, "trace on:");
	for (t = 0; t < MM_EV_NR_TYPES; t++)
		if (c->trace_mask & MM_EV_BIT(t))
			cmd_printf(c, " %s", mm_event_names[t]);
	cmd_puts(c, "\n");
}

static int trace_unknown(struct cmd_ctx *c, const char *name)
{
	const char *names[MM_EV_NR_TYPES];
	const char *near;
	size_t i, n = 0;

	for (i = 0; i < MM_EV_NR_TYPES; i++)
		if (mm_event_names[i])
			names[n++] = mm_event_names[i];
	near = cmd_suggest(name, names, n);
	if (near)
		return cmd_error(c, "unknown event '%s' (did you mean %s?)", name,
				 near);
	return cmd_error(c, "unknown event '%s'", name);
}

/* trace [on|off [EVENT...]] */
int cmd_trace(struct cmd_ctx *c, int argc, char **argv)
{
	unsigned int mask = 0;
	int i, ev, on;

	if (argc == 1) {
		trace_show(c);
		return 0;
	}
	on = strcmp(argv[1], "on") == 0;
	if (!on && strcmp(argv[1], "off") != 0)
		return cmd_error(c, "expected 'on' or 'off', not '%s'", argv[1]);
	for (i = 2; i < argc; i++) {
		ev = mm_event_by_name(argv[i]);
		if (ev < 0 || ev >= MM_EV_NR_TYPES)
			return trace_unknown(c, argv[i]);
		mask |= MM_EV_BIT(ev);
	}
	if (argc == 2)
		mask = on ? MM_EV_ALL_TRACEPOINTS : ~0u;
	c->trace_mask = on ? c->trace_mask | mask : c->trace_mask & ~mask;
	cmd_trace_install(c);
	return 0;
}
