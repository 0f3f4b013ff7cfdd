/*
 * main.c - mmscope's entry point: options, building the machine, and
 * choosing how commands arrive (-e, --batch, the interactive command line,
 * or stdin).  Every command, however it arrives, runs through src/cmd.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "mm.h"
#include "repl.h"

#define DEFAULT_MACHINE "x86_64-4g"

enum action_kind { ACT_EXEC, ACT_BATCH };

struct action {
	enum action_kind kind;
	const char *arg;
};

struct options {
	const char *machine;
	unsigned int flags; /* enum cmd_flags */
	struct action *acts;
	int nacts;
};

static void usage(void)
{
	printf("usage: mmscope [OPTIONS]\n"
	       "Watch a model of the Linux %s page allocator work.\n\n"
	       "  --machine NAME|FILE  the machine to simulate: a preset (tiny,\n"
	       "                       i386-1g, x86_64-4g, x86_64-64g) or a machine\n"
	       "                       file; default %s\n"
	       "  -e 'CMD; CMD'        run commands (may be repeated)\n"
	       "  --batch FILE         run the commands in FILE ('-' = stdin)\n"
	       "  --keep-going         run every command even after one fails\n"
	       "  --echo               print each command ('> CMD') before its output\n"
	       "  --help, --version\n\n"
	       "Without -e or --batch, mmscope reads commands from a terminal\n"
	       "interactively (type 'help'), or from stdin when it is not one.\n"
	       "-e and --batch run in the order given; the exit status is 1 if a\n"
	       "command failed (0 with --keep-going), 2 for a usage error.\n",
	       "3.10", DEFAULT_MACHINE);
}

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "mmscope: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try 'mmscope --help')\n");
	exit(2);
}

/* "--opt VALUE" or "--opt=VALUE" (and "-e VALUE" or "-eVALUE") */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (a[n] == '=' && name[1] == '-')
		return a + n + 1;
	if (a[n] && name[1] != '-')
		return a + n;
	if (*i + 1 >= argc)
		usage_error("option '%s' needs an argument", name);
	return argv[++*i];
}

/* Does argv[i] name option `name` (alone, or with =VALUE / a joined value)? */
static int is_opt(const char *a, const char *name, int takes_value)
{
	size_t n = strlen(name);

	if (strncmp(a, name, n) != 0)
		return 0;
	if (!a[n])
		return 1;
	if (!takes_value)
		return 0;
	return name[1] == '-' ? a[n] == '=' : 1;
}

static void add_action(struct options *o, enum action_kind kind,
		       const char *arg)
{
	o->acts[o->nacts].kind = kind;
	o->acts[o->nacts++].arg = arg;
}

static void parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage();
			exit(0);
		} else if (strcmp(a, "--version") == 0) {
			printf("mmscope %s (model: linux-3.10)\n", MM_VERSION);
			exit(0);
		} else if (is_opt(a, "--machine", 1)) {
			o->machine = opt_value(argc, argv, &i, "--machine");
		} else if (is_opt(a, "--batch", 1)) {
			add_action(o, ACT_BATCH, opt_value(argc, argv, &i, "--batch"));
		} else if (is_opt(a, "-e", 1)) {
			add_action(o, ACT_EXEC, opt_value(argc, argv, &i, "-e"));
		} else if (strcmp(a, "--keep-going") == 0) {
			o->flags |= CMD_KEEP_GOING;
		} else if (strcmp(a, "--echo") == 0) {
			o->flags |= CMD_ECHO;
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s'", a);
		} else {
			usage_error("unexpected argument '%s'", a);
		}
	}
}

/* ---- sinks: results to stdout, errors to stderr, in order ---------------- */

static void out_stdout(void *sink, const char *text, size_t len)
{
	(void)sink;
	fwrite(text, 1, len, stdout);
}

static void err_stderr(void *sink, const char *line)
{
	(void)sink;
	fflush(stdout);
	fprintf(stderr, "%s\n", line);
}

static struct mm_machine *boot(const char *name)
{
	struct mm_machine_desc d;
	struct mm_machine *m;
	char err[256];

	if (mm_desc_lookup(&d, name, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		exit(2);
	}
	m = mm_machine_create(&d, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "%s\n", err);
		exit(2);
	}
	return m;
}

static int run_batch(struct cmd_ctx *c, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int rc;

	if (!f) {
		fflush(stdout);
		fprintf(stderr, "mmscope: cannot open '%s': %s\n", path,
			strerror(errno));
		return 2;
	}
	rc = cmd_run_stream(c, f);
	if (f != stdin)
		fclose(f);
	return rc;
}

static int run_actions(struct cmd_ctx *c, const struct options *o)
{
	int i, rc, failed = 0;

	for (i = 0; i < o->nacts && !c->quit; i++) {
		if (o->acts[i].kind == ACT_BATCH)
			rc = run_batch(c, o->acts[i].arg);
		else
			rc = cmd_exec(c, o->acts[i].arg);
		if (rc == 2)
			return 2;
		failed |= rc;
		if (failed && !(c->flags & CMD_KEEP_GOING))
			break;
	}
	return failed;
}

int main(int argc, char **argv)
{
	struct options o = { .machine = DEFAULT_MACHINE };
	struct cmd_ctx c;
	int rc;

	o.acts = calloc((size_t)argc, sizeof(*o.acts));
	if (!o.acts)
		return 2;
	parse_args(argc, argv, &o);
	cmd_ctx_init(&c, boot(o.machine), out_stdout, err_stderr, NULL);
	c.flags = o.flags;
	if (o.nacts) {
		rc = run_actions(&c, &o);
	} else if (isatty(STDIN_FILENO)) {
		repl_run(&c);
		rc = 0; /* a person saw each error as it came */
	} else {
		rc = cmd_run_stream(&c, stdin);
	}
	cmd_ctx_fini(&c);
	free(o.acts);
	fflush(stdout);
	if (rc == 1 && (o.flags & CMD_KEEP_GOING))
		rc = 0;
	return rc;
}
