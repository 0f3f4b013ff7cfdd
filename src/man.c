/*
 * man.c - the manual page (man.h).  Every list in it is read from the
 * table the program itself uses: the options from main.c's table (the
 * one --help prints), the commands from src/cmd/table.c (the one `help`
 * prints), the keys from the screen's action and panel tables (the ones
 * `?` and --keys print), the presets from the core, the layouts, themes
 * and walkthroughs from where the screen and the Lua host find them.
 * Only the prose between the lists is written here.
 */
#include "man.h"

#include <string.h>

#include "cmd/cmd.h"
#include "datadir.h"
#include "lua/lhost.h"
#include "ops.h"
#include "view.h"
#include "tui/layout.h"
#include "tui/theme.h"
#include "tui/tui.h"

/* Text for roff: backslashes and minus signs escaped (a minus sign stays
 * one when the page is copied from), and a line that would start with a
 * request character ('.' or '\'') led by the zero-width \&. */
static void roff(FILE *f, const char *s)
{
	int bol = 1;

	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", f);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

/* a paragraph tag: bold words, then italic arguments */
static void tag(FILE *f, const char *bold, const char *italic)
{
	fputs(".TP\n\\fB", f);
	roff(f, bold);
	fputs("\\fR", f);
	if (italic && *italic) {
		fputs(" \\fI", f);
		roff(f, italic);
		fputs("\\fR", f);
	}
	fputc('\n', f);
}

static void options(FILE *f, const struct opt_doc *o, int n)
{
	char names[64];
	int i;

	fputs(".SH OPTIONS\n", f);
	for (i = 0; i < n; i++) {
		snprintf(names, sizeof(names), "%s%s%s", o[i].name, o[i].alias ? ", " : "",
			 o[i].alias ? o[i].alias : "");
		tag(f, names, o[i].arg);
		roff(f, o[i].help);
		fputc('\n', f);
	}
}

/* a command's help text: its lines as `help CMD` has them, filled, but
 * the examples that end it are kept as they are (roff breaks before an
 * indented line by itself) */
static void command_help(FILE *f, const char *help)
{
	const char *p = help, *nl;
	char line[256];
	int nofill = 0;

	for (; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		snprintf(line, sizeof(line), "%.*s", (int)(nl - p), p);
		if (strncmp(line, "Example", 7) == 0 && !nofill) {
			fputs(".nf\n", f);
			nofill = 1;
		}
		roff(f, line);
		fputc('\n', f);
		if (!*nl)
			break;
	}
	if (nofill)
		fputs(".fi\n", f);
}

static void commands(FILE *f)
{
	size_t i, n;
	const struct cmd_def *d = cmd_table(&n);

	fputs(".SH COMMANDS\n"
	      "Commands are separated by\n.B ;\nor by newlines;\n.B #\n"
	      "starts a comment.  Words can be quoted with '...' or \"...\".  The same\n"
	      "commands are typed at the screen's command line, at the plain prompt,\n"
	      "given to\n.B \\-e\nor\n.BR \\-\\-batch ,\n"
	      "and run by Lua's\n.BR mm.exec() .\n"
	      "A command that fails prints one line on stderr and changes nothing.\n"
	      ".B help\n.I CMD\nprints what follows for one command.\n", f);
	for (i = 0; i < n; i++) {
		tag(f, d[i].name, d[i].args);
		roff(f, d[i].summary);
		fputs(".\n.br\n", f);
		command_help(f, d[i].help);
	}
}

static void key_line(void *arg, const char *section, const char *keys, const char *help)
{
	struct { FILE *f; char section[64]; } *k = arg;

	if (strcmp(k->section, section) != 0) {
		snprintf(k->section, sizeof(k->section), "%s", section);
		fputs(".SS ", k->f);
		roff(k->f, strcmp(section, "Keys") == 0 ? "Everywhere" : section);
		fputc('\n', k->f);
	}
	tag(k->f, keys, NULL);
	roff(k->f, help);
	fputc('\n', k->f);
}

static void keys(FILE *f)
{
	struct { FILE *f; char section[64]; } k = { f, "" };

	fputs(".SH KEYS\n"
	      "In the screen, \\fB?\\fR or \\fBF1\\fR\n"
	      "shows these keys (with the focused panel's) and every command.\n", f);
	tui_each_key(key_line, &k);
}

/* "64 MiB", "3 GiB": the size of a number of 4 KiB pages */
static void size(char *buf, size_t len, unsigned long pages)
{
	unsigned long long bytes = (unsigned long long)pages << 12;

	if (bytes && bytes % (1ULL << 30) == 0)
		snprintf(buf, len, "%llu GiB", bytes >> 30);
	else if (bytes % (1ULL << 20) == 0)
		snprintf(buf, len, "%llu MiB", bytes >> 20);
	else
		snprintf(buf, len, "%llu KiB", bytes >> 10);
}

static void machines(FILE *f)
{
	struct mm_machine_desc d;
	char line[256], sz[32];
	size_t len;
	int i, z;

	fputs(".SH MACHINES\n"
	      ".B \\-\\-machine\nand the\n.B machine\n"
	      "command take a preset or a machine file (see the README).  The presets:\n", f);
	for (i = 0; mm_preset_names[i]; i++) {
		if (mm_desc_preset(&d, mm_preset_names[i]) != MM_OK)
			continue;
		len = (size_t)snprintf(line, sizeof(line), "%s, %d CPU%s, zones",
				       d.arch == ARCH_I386 ? "i386" : "x86_64", d.cpus,
				       d.cpus == 1 ? "" : "s");
		for (z = 0; z < d.nr_zones && len < sizeof(line); z++) {
			size(sz, sizeof(sz), d.zones[z].pages);
			len += (size_t)snprintf(line + len, sizeof(line) - len, "%s %s %s",
						z ? "," : "",
						zone_kind_names[d.zones[z].type], sz);
		}
		tag(f, mm_preset_names[i], NULL);
		roff(f, line);
		fputc('\n', f);
	}
}

static void layouts(FILE *f)
{
	int i;

	fputs(".SH LAYOUTS\n"
	      ".B layout\n.IR NAME ,\n.B F2\nor\n.B \\-\\-layout\n"
	      "arrange the panels (\\fBauto\\fR picks one for the terminal's size):\n", f);
	for (i = 0; i < layout_count(); i++) {
		tag(f, layout_name(i), NULL);
		roff(f, layout_summary(i));
		fputc('\n', f);
	}
}

static void themes(FILE *f)
{
	char names[128][64];
	int i, n = theme_list(names, 128);

	fputs(".SH THEMES\n"
	      ".B theme\n.IR NAME ,\n.B F3\nor\n.B \\-\\-theme\n"
	      "pick the colours; a theme is a text file NAME.theme in a themes directory\n"
	      "(see FILES), or a path.  Found here:\n", f);
	for (i = 0; i < n; i++) {
		fputs(i ? ",\n" : "", f);
		fputs(".B ", f);
		roff(f, names[i]);
	}
	fputs("\n.PP\nNO_COLOR turns colour off.\n", f);
}

static void walkthrough(void *arg, const char *name, const char *description,
			const char *args)
{
	FILE *f = arg;
	char file[80];

	snprintf(file, sizeof(file), "%s.lua", name);
	tag(f, file, args);
	roff(f, *description ? description : "(no description)");
	fputc('\n', f);
}

static void walkthroughs(FILE *f)
{
	fputs(".SH WALKTHROUGHS\n"
	      "Lua scripts that narrate and pause: run one in the screen with\n"
	      ".B mmscope\n.IR NAME.lua ,\nheadless with\n.B mmscope \\-\\-batch\n"
	      ".IR NAME.lua ,\nor with the command\n.B source\n.IR NAME .\n"
	      "A bare name is looked for in the scripts directories (see FILES).\n"
	      "The command\n.B scripts\nlists them.\n", f);
	lhost_each_script(walkthrough, f);
}

static void files(FILE *f)
{
	const char *inst = datadir_installed();

	fputs(".SH FILES\n"
	      "Walkthroughs and themes are looked for, in this order, in\n"
	      ".IR $XDG_CONFIG_HOME/mmscope/ { scripts , themes }\n"
	      "(default\n.IR ~/.config/mmscope/ ),\n"
	      "in\n.I scripts/\nand\n.I themes/\n"
	      "in the current directory, next to the executable, in\n"
	      ".IR $MMSCOPE_DATADIR ,\nand in the directory\n.B make install\nfilled", f);
	if (*inst) {
		fputs(",\n.IR ", f);
		roff(f, inst);
		fputs(" .\n", f);
	} else {
		fputs(".\n", f);
	}
	fputs(".TP\n.I $XDG_CONFIG_HOME/mmscope/init.lua\n"
	      "runs when the interactive program starts.\n"
	      ".TP\n.I $XDG_STATE_HOME/mmscope/history\n"
	      "the command line's history (default\n.IR ~/.local/state/mmscope/history ).\n", f);
}

void man_page(FILE *f, const struct opt_doc *opts, int nopts)
{
	fputs(".\\\" generated by mmscope --man from the program's own tables: do not edit\n", f);
	fprintf(f, ".TH MMSCOPE 1 \"\" \"mmscope %s\" \"User Commands\"\n", MM_VERSION);
	fputs(".nh\n", f); /* no hyphens inside paths and names */
	fputs(".SH NAME\n"
	      "mmscope \\- watch a model of the Linux kernel's page and slab allocators work\n"
	      ".SH SYNOPSIS\n"
	      ".B mmscope\n[\\fIOPTIONS\\fR] [\\fIFILE.lua\\fR [\\fIARG\\fR...]]\n"
	      ".SH DESCRIPTION\n"
	      ".B mmscope\n"
	      "embeds a model of the Linux 3.10 physical page allocator (zones, the\n"
	      "buddy free_area per order and migrate type, per-cpu page lists,\n"
	      "pageblocks, watermarks, the slow path with kswapd, compaction, reclaim\n"
	      "and the OOM killer) and of the SLAB object allocator, draws them live in\n"
	      "an ncurses screen, and runs one small command language typed at the\n"
	      "screen's command line, read from a file, given with\n.BR \\-e ,\n"
	      "or run from Lua 5.4 scripts.  /proc files and tracepoints read as the\n"
	      "kernel prints them.  An allocation can be stepped through its stage\n"
	      "points like a program in a debugger.\n"
	      ".PP\n"
	      "Without\n.B \\-e\nor\n.BR \\-\\-batch ,\n"
	      "mmscope opens its screen when stdin and stdout are a terminal, and\n"
	      "otherwise reads commands from stdin.  Results go to stdout, errors to\n"
	      "stderr, one line each.\n", f);
	options(f, opts, nopts);
	commands(f);
	keys(f);
	machines(f);
	layouts(f);
	themes(f);
	walkthroughs(f);
	files(f);
	fputs(".SH ENVIRONMENT\n"
	      ".TP\n.B XDG_CONFIG_HOME\nwhere the person's scripts, themes and init.lua are.\n"
	      ".TP\n.B XDG_STATE_HOME\nwhere the history is kept.\n"
	      ".TP\n.B MMSCOPE_DATADIR\na directory with more scripts/ and themes/.\n"
	      ".TP\n.B NO_COLOR\nset to anything non-empty: no colour on the screen.\n"
	      ".SH EXIT STATUS\n"
	      "0 when every command ran (always with\n.BR \\-\\-keep\\-going ),\n"
	      "1 when a command or a script failed, 2 for a usage error or a machine\n"
	      "that cannot boot.\n"
	      ".SH SEE ALSO\n"
	      ".BR proc (5),\n"
	      "the README that comes with mmscope.\n", f);
}
