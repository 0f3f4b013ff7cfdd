/*
 * main.c - mmscope's entry point: options, building the machine, and
 * choosing how commands arrive (-e, --batch, the interactive command line,
 * or stdin).  Every command, however it arrives, runs through src/cmd.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "ops.h"
#include "view.h"
#include "lua/lhost.h"
#include "man.h"
#include "repl.h"
#include "tui/tui.h"

#define DEFAULT_MACHINE "x86_64-4g"

enum cli_action_kind { ACT_EXEC, ACT_BATCH };

struct cli_action {
	enum cli_action_kind kind;
	const char *arg;
	char **args; /* --batch FILE.lua ARG...: the script's arguments */
	int nargs;
};

struct options {
	const char *machine;
	unsigned int flags; /* enum cmd_flags */
	int trusted;        /* scripts get the whole Lua standard library */
	int verbose;        /* headless scripts show the stage trail and traces */
	struct cli_action *acts;
	int nacts;
	/* the screen */
	int no_screen;
	const char *theme, *layout;
	char **script; /* FILE.lua and its arguments */
	int script_argc;
};

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "mmscope: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try 'mmscope --help')\n");
	exit(2);
}

/* the options, in the order --help, --man and --list options show them */
static const struct opt_doc options[] = {
	{ "--machine", NULL, "NAME|FILE",
	  "the machine to simulate: a preset (--list presets) or a machine file; "
	  "default " DEFAULT_MACHINE, "presets" },
	{ "-e", NULL, "'CMD; CMD'", "run commands (may be repeated)", NULL },
	{ "--batch", NULL, "FILE",
	  "run the commands in FILE ('-' = stdin); FILE.lua [ARG...] runs a Lua "
	  "script headless (its narration and results printed), the words after "
	  "it are its arguments; a walkthrough may be named without its directory",
	  "walkthroughs" },
	{ "--trust", NULL, NULL, "give scripts the full Lua standard library", NULL },
	{ "--verbose", NULL, NULL,
	  "a headless script also prints what its commands print: the stage "
	  "trail, traces, kernel log lines (without it: its narration, what it "
	  "prints, and errors)", NULL },
	{ "--keep-going", NULL, NULL, "run every command even after one fails", NULL },
	{ "--echo", NULL, NULL, "print each command ('> CMD') before its output", NULL },
	{ "--theme", NULL, "NAME",
	  "the screen's colour theme (--list themes) or a theme file", "themes" },
	{ "--layout", NULL, "NAME", "the screen's first layout (--list layouts)",
	  "layouts" },
	{ "--no-screen", NULL, NULL, "a plain command line instead of the screen", NULL },
	{ "--keys", NULL, NULL, "print the screen's keys (a Markdown table)", NULL },
	{ "--list", NULL, "WHAT",
	  "print names, one a line, for completion: options, presets, themes, "
	  "layouts, walkthroughs or commands", "lists" },
	{ "--man", NULL, NULL,
	  "print the manual page (roff), written from the program's own tables",
	  NULL },
	{ "--help", "-h", NULL, "this help", NULL },
	{ "--version", NULL, NULL, "print the version", NULL },
};
#define NR_OPTIONS (int)(sizeof(options) / sizeof(options[0]))

/* text in lines of at most `width` columns, each after `indent` spaces
 * but the first (which continues the current line) */
static void wrap(const char *text, int indent, int width)
{
	int col = indent, len;

	while (*text) {
		len = (int)strcspn(text, " ");
		if (col > indent && col + 1 + len > width) {
			printf("\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		printf("%.*s", len, text);
		col += len;
		text += len;
		text += strspn(text, " ");
	}
	putchar('\n');
}

static void usage(void)
{
	char syn[64];
	int i;

	printf("usage: mmscope [OPTIONS] [FILE.lua [ARG...]]\n"
	       "Watch a model of the Linux %s page allocator work.\n\n", "3.10");
	for (i = 0; i < NR_OPTIONS; i++) {
		snprintf(syn, sizeof(syn), "%s%s%s%s%s", options[i].name,
			 options[i].alias ? ", " : "", options[i].alias ? options[i].alias : "",
			 options[i].arg ? " " : "", options[i].arg ? options[i].arg : "");
		if (strlen(syn) > 20)
			printf("  %s\n%*s", syn, 23, "");
		else
			printf("  %-20s ", syn);
		wrap(options[i].help, 23, 76);
	}
	printf("\nWithout -e or --batch, mmscope opens its screen on a terminal (type\n"
	       "'help', press ? for the keys); FILE.lua runs that walkthrough in the\n"
	       "screen.  With --no-screen, or when stdin or stdout is not a\n"
	       "terminal, it reads commands line by line instead.\n"
	       "-e and --batch run in the order given; the exit status is 1 if a\n"
	       "command failed (0 with --keep-going), 2 for a usage error.\n");
}

static void print_name(void *arg, const char *name, const char *description,
		       const char *args)
{
	(void)arg, (void)description, (void)args;
	printf("%s.lua\n", name);
}

/* --list WHAT: names one a line, for the shell's completion */
static void list(const char *what)
{
	size_t i, n;
	const struct cmd_def *d;

	if (strcmp(what, "options") == 0) {
		for (i = 0; i < (size_t)NR_OPTIONS; i++)
			printf("%s\n%s%s", options[i].name, options[i].alias ? options[i].alias : "",
			       options[i].alias ? "\n" : "");
	} else if (strcmp(what, "presets") == 0) {
		for (i = 0; mm_preset_names[i]; i++)
			printf("%s\n", mm_preset_names[i]);
	} else if (strcmp(what, "themes") == 0) {
		tui_print_themes(stdout);
	} else if (strcmp(what, "layouts") == 0) {
		tui_print_layouts(stdout);
	} else if (strcmp(what, "walkthroughs") == 0) {
		lhost_each_script(print_name, NULL);
	} else if (strcmp(what, "commands") == 0) {
		for (d = cmd_table(&n), i = 0; i < n; i++)
			printf("%s\n", d[i].name);
	} else if (strcmp(what, "lists") == 0) {
		printf("options\npresets\nthemes\nlayouts\nwalkthroughs\ncommands\n");
	} else {
		usage_error("--list: no list '%s' (options, presets, themes, layouts, "
			    "walkthroughs, commands)", what);
	}
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

static int is_lua_file(const char *a)
{
	size_t n = strlen(a);

	return n > 4 && strcmp(a + n - 4, ".lua") == 0;
}

static void add_action(struct options *o, enum cli_action_kind kind,
		       const char *arg)
{
	o->acts[o->nacts].kind = kind;
	o->acts[o->nacts++].arg = arg;
}

/* --batch FILE.lua: the words that follow, up to an option, are its arguments */
static void batch_args(int argc, char **argv, int *i, struct cli_action *act)
{
	if (!is_lua_file(act->arg))
		return;
	act->args = &argv[*i + 1];
	while (*i + 1 < argc && argv[*i + 1][0] != '-') {
		act->nargs++;
		++*i;
	}
}

static void parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage();
			exit(0);
		} else if (strcmp(a, "--keys") == 0) {
			tui_print_keys(stdout);
			exit(0);
		} else if (is_opt(a, "--list", 1)) {
			list(opt_value(argc, argv, &i, "--list"));
			exit(0);
		} else if (strcmp(a, "--man") == 0) {
			man_page(stdout, options, NR_OPTIONS);
			exit(0);
		} else if (strcmp(a, "--version") == 0) {
			printf("mmscope %s (model: linux-3.10)\n", MM_VERSION);
			exit(0);
		} else if (is_opt(a, "--machine", 1)) {
			o->machine = opt_value(argc, argv, &i, "--machine");
		} else if (is_opt(a, "--batch", 1)) {
			add_action(o, ACT_BATCH, opt_value(argc, argv, &i, "--batch"));
			batch_args(argc, argv, &i, &o->acts[o->nacts - 1]);
		} else if (strcmp(a, "--trust") == 0) {
			o->trusted = 1;
		} else if (strcmp(a, "--verbose") == 0) {
			o->verbose = 1;
		} else if (is_opt(a, "-e", 1)) {
			add_action(o, ACT_EXEC, opt_value(argc, argv, &i, "-e"));
		} else if (strcmp(a, "--keep-going") == 0) {
			o->flags |= CMD_KEEP_GOING;
		} else if (strcmp(a, "--echo") == 0) {
			o->flags |= CMD_ECHO;
		} else if (is_opt(a, "--theme", 1)) {
			o->theme = opt_value(argc, argv, &i, "--theme");
		} else if (is_opt(a, "--layout", 1)) {
			o->layout = opt_value(argc, argv, &i, "--layout");
		} else if (strcmp(a, "--no-screen") == 0) {
			o->no_screen = 1;
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s'", a);
		} else if (is_lua_file(a)) { /* the rest are the script's */
			o->script = &argv[i];
			o->script_argc = argc - i;
			break;
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

/* a script headless: 1 if it failed (its error and traceback printed) */
static int run_script(struct lhost *lh, const struct cli_action *act, int verbose)
{
	char **argv = calloc((size_t)act->nargs + 1, sizeof(*argv));
	int rc;

	if (!lh || !argv) {
		free(argv);
		fprintf(stderr, "mmscope: %s: Lua is not available\n", act->arg);
		return 2;
	}
	argv[0] = (char *)act->arg;
	memcpy(argv + 1, act->args, (size_t)act->nargs * sizeof(*argv));
	lhost_set_quiet(lh, !verbose);
	rc = lhost_source(lh, act->nargs + 1, argv) == LH_ERROR;
	lhost_set_quiet(lh, 0);
	free(argv);
	return rc;
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

static int run_actions(struct cmd_ctx *c, struct lhost *lh, const struct options *o)
{
	int i, rc, failed = 0;

	for (i = 0; i < o->nacts && !c->quit; i++) {
		if (o->acts[i].kind == ACT_BATCH && is_lua_file(o->acts[i].arg))
			rc = run_script(lh, &o->acts[i], o->verbose);
		else if (o->acts[i].kind == ACT_BATCH)
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

/* Lua without a screen: source, lua and --batch FILE.lua work, ui.say
 * prints, ui.pause returns at once */
static struct lhost *headless_lua(struct cmd_ctx *c, const struct options *o)
{
	char err[256];
	struct lhost *lh = lhost_new(c, NULL, o->trusted, err, sizeof(err));

	if (!lh)
		fprintf(stderr, "mmscope: %s\n", err);
	return lh;
}

/* a terminal the screen can draw on (a dumb one cannot move the cursor) */
static int on_terminal(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term &&
	       strcmp(term, "dumb") != 0;
}

static int run_screen(struct cmd_ctx *c, const struct options *o)
{
	struct tui_opts to = {
		.script_argc = o->script_argc,
		.script_argv = o->script,
		.trusted = o->trusted,
		.theme = o->theme,
		.layout = o->layout,
	};

	/* 0: a person saw each error as it came; 2: no screen */
	return tui_run(c, &to);
}

int main(int argc, char **argv)
{
	struct options o = { .machine = DEFAULT_MACHINE };
	struct lhost *lh = NULL;
	struct cmd_ctx c;
	int rc;

	setlocale(LC_ALL, ""); /* UTF-8 on the screen and in readline */
	o.acts = calloc((size_t)argc, sizeof(*o.acts));
	if (!o.acts)
		return 2;
	parse_args(argc, argv, &o);
	if (o.script && (o.nacts || o.no_screen || !on_terminal()))
		usage_error("%s runs in the screen, on a terminal (headless: "
			    "--batch FILE.lua)", o.script[0]);
	cmd_ctx_init(&c, boot(o.machine), out_stdout, err_stderr, NULL);
	c.flags = o.flags;
	if (o.nacts || o.no_screen || !on_terminal()) /* the screen has its own */
		lh = headless_lua(&c, &o);
	if (o.nacts) {
		rc = run_actions(&c, lh, &o);
	} else if (!o.no_screen && on_terminal() &&
		   ((rc = run_screen(&c, &o)) == 0 || o.script)) {
		/* the screen ran, or could not run the script */
	} else if (isatty(STDIN_FILENO)) {
		if (!lh) { /* the terminal refused the screen */
			fprintf(stderr, "mmscope: using the plain command line\n");
			lh = headless_lua(&c, &o);
		}
		lhost_run_init(lh);
		repl_run(&c);
		rc = 0; /* a person saw each error as it came */
	} else {
		rc = cmd_run_stream(&c, stdin);
	}
	lhost_free(lh);
	cmd_ctx_fini(&c);
	free(o.acts);
	fflush(stdout);
	if (rc == 1 && (o.flags & CMD_KEEP_GOING))
		rc = 0;
	return rc;
}
