/*
 * table.c - the command table: name, synopsis, help and handler of every
 * command.  Dispatch, `help`, completion and the README's command list
 * all come from here, so a new command is one entry.
 */
#include <string.h>

#include "internal.h"

static const struct cmd_def commands[] = {
	{ "alloc_pages", "[-c CPU] GFP ORDER",
	  "allocate 2^ORDER pages, as alloc_pages() does",
	  "Runs __alloc_pages_nodemask() on CPU (default: the current cpu)\n"
	  "and prints the pfn, order, zone and migrate type it got.  GFP is a\n"
	  "list of flags joined by '|' (GFP_KERNEL|__GFP_COLD) or a number\n"
	  "(0xd0); quote it if it has spaces.  A failure prints the kernel's\n"
	  "\"page allocation failure\" line and the watermark that stopped it.\n"
	  "Examples:  alloc_pages GFP_KERNEL 0\n"
	  "           alloc_pages -c 1 GFP_HIGHUSER_MOVABLE 3\n",
	  cmd_alloc_pages, CMPL_GFP },
	{ "free_pages", "[-c CPU] PFN [ORDER]",
	  "free an allocation, as __free_pages() does",
	  "Frees the allocation whose head page is PFN (hex 0x.. or decimal)\n"
	  "on CPU.  ORDER defaults to the order it was allocated with; giving\n"
	  "another one is refused.  Order-0 pages go to the CPU's pcp list\n"
	  "(hot, at the head), larger blocks merge with their buddies.\n",
	  cmd_free_pages, CMPL_NONE },
	{ "drain_all_pages", "", "return every CPU's pcp pages to the buddy lists",
	  "Runs drain_all_pages(): each CPU's per-cpu lists are emptied into\n"
	  "the zones' free lists with free_pcppages_bulk().\n",
	  cmd_drain_all_pages, CMPL_NONE },
	{ "cat", "/proc/FILE...", "print buddyinfo, pagetypeinfo, zoneinfo, vmstat",
	  "Prints the model's /proc files in the kernel's exact format, so\n"
	  "scripts written for a real machine read them unchanged.\n"
	  "Example:  cat /proc/buddyinfo\n",
	  cmd_cat, CMPL_PROC },
	{ "sysctl", "[KEY[=VALUE]...]", "read or set vm.min_free_kbytes",
	  "With KEY prints 'KEY = VALUE' as sysctl(8) does; KEY=VALUE sets it\n"
	  "first (the watermarks and reserves are recomputed).  Without\n"
	  "arguments lists every key the model has.\n"
	  "Example:  sysctl vm.min_free_kbytes=16384\n",
	  cmd_sysctl, CMPL_SYSCTL },
	{ "trace", "[on|off [EVENT...]]", "print tracepoint events as they happen",
	  "'trace on' prints the six page allocator tracepoints (mm_page_alloc,\n"
	  "mm_page_free, mm_page_free_batched, mm_page_alloc_zone_locked,\n"
	  "mm_page_pcpu_drain, mm_page_alloc_extfrag) in the kernel's text;\n"
	  "naming events selects only those.  'trace off [EVENT...]' stops\n"
	  "them; 'trace' alone shows what is on.  The model adds its own:\n"
	  "stage_enter, stage_exit and stage_note follow an allocation through\n"
	  "the kernel functions it models, bad_page reports a refused free.\n"
	  "Example:  trace on stage_enter stage_exit stage_note\n",
	  cmd_trace, CMPL_TRACE },
	{ "cpu", "[N]", "show or set the current simulated cpu",
	  "Commands without -c run on the current cpu.\n",
	  cmd_cpu, CMPL_NONE },
	{ "check", "", "run the invariant checker",
	  "Walks every list, counter and page and prints 'ok' or the first\n"
	  "invariant that does not hold.\n",
	  cmd_check, CMPL_NONE },
	{ "show", "freelists|pcp|pageblocks|page|zones",
	  "show the allocator's state",
	  "show freelists [ZONE [ORDER [TYPE]]]\n"
	  "    free blocks per zone, order and migrate type, pfns head first,\n"
	  "    closing with the sum checked against NR_FREE_PAGES (kmem -f);\n"
	  "    'all' matches any zone, order or type, a type may be a prefix\n"
	  "show pcp [CPU]\n"
	  "    per-cpu lists: count, high, batch, pfns hot (head) to cold\n"
	  "show pageblocks [ZONE]\n"
	  "    one letter per pageblock: U Unmovable, E Reclaimable, M Movable,\n"
	  "    R Reserve, I Isolate, . not memory\n"
	  "show page PFN\n"
	  "    where a page is, its pageblock, flags, _count and owner\n"
	  "show zones\n"
	  "    spanned/present/managed/free pages, watermarks, protection\n",
	  cmd_show, CMPL_SHOW },
	{ "machine", "[NAME|FILE]", "describe the machine, or boot another",
	  "Without an argument describes the simulated machine.  With a preset\n"
	  "name (tiny, i386-1g, x86_64-4g, x86_64-64g) or a machine file it\n"
	  "boots a new machine in place of the current one.\n",
	  cmd_machine, CMPL_MACHINE },
	{ "help", "[CMD]", "list the commands, or explain one",
	  "Without an argument lists every command; 'help CMD' explains CMD.\n",
	  cmd_help, CMPL_COMMAND },
	{ "quit", "", "leave mmscope", "Leaves mmscope (Ctrl-D does too).\n",
	  cmd_quit, CMPL_NONE },
	{ "exit", "", "leave mmscope", "Same as quit.\n", cmd_quit, CMPL_NONE },
};

const struct cmd_def *cmd_table(size_t *n)
{
	*n = sizeof(commands) / sizeof(commands[0]);
	return commands;
}

static void help_all(struct cmd_ctx *c)
{
	char synopsis[128];
	size_t i, n;
	const struct cmd_def *t = cmd_table(&n);

	for (i = 0; i < n; i++) {
		snprintf(synopsis, sizeof(synopsis), "%s%s%s", t[i].name,
			 t[i].args[0] ? " " : "", t[i].args);
		cmd_printf(c, "  %-42s %s\n", synopsis, t[i].summary);
	}
	cmd_puts(c, "Commands are separated by ';' or newlines, '#' starts a "
		    "comment.\nType 'help CMD' for more.\n");
}

int cmd_help(struct cmd_ctx *c, int argc, char **argv)
{
	const struct cmd_def *d;

	if (cmd_nargs(c, argc, 0, 1))
		return 1;
	if (argc == 1) {
		help_all(c);
		return 0;
	}
	d = cmd_lookup(argv[1]);
	if (!d)
		return cmd_error(c, "no command '%s' (try 'help')", argv[1]);
	cmd_printf(c, "usage: %s%s%s\n  %s\n\n%s", d->name, d->args[0] ? " " : "",
		   d->args, d->summary, d->help);
	return 0;
}

int cmd_quit(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	c->quit = 1;
	return 0;
}
