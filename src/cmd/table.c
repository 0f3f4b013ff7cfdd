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
	  cmd_alloc_pages, CMPL_GFP, 0 },
	{ "free_pages", "[-c CPU] PFN [ORDER]",
	  "free an allocation, as __free_pages() does",
	  "Frees the allocation whose head page is PFN (hex 0x.. or decimal)\n"
	  "on CPU.  ORDER defaults to the order it was allocated with; giving\n"
	  "another one is refused.  Order-0 pages go to the CPU's pcp list\n"
	  "(hot, at the head), larger blocks merge with their buddies.\n",
	  cmd_free_pages, CMPL_NONE, 0 },
	{ "drain_all_pages", "", "return every CPU's pcp pages to the buddy lists",
	  "Runs drain_all_pages(): each CPU's per-cpu lists are emptied into\n"
	  "the zones' free lists with free_pcppages_bulk().\n",
	  cmd_drain_all_pages, CMPL_NONE, 0 },
	{ "kmem_cache_create", "NAME SIZE [ALIGN] [FLAGS]",
	  "create a slab cache and print the geometry SLAB computed",
	  "Runs kmem_cache_create(): SIZE bytes per object, ALIGN (default 0)\n"
	  "the caller's alignment, FLAGS a list of SLAB_* flags joined by '|'\n"
	  "(SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT) or a number; the word\n"
	  "'ctor' gives the cache a constructor, 'shrinker' (with\n"
	  "SLAB_RECLAIM_ACCOUNT) registers a shrinker that reclaim and\n"
	  "drop_caches use to free its oldest objects.  A numeric third argument is\n"
	  "ALIGN, anything else FLAGS.  Flags outside CACHE_CREATE_MASK are\n"
	  "dropped as 3.10 does.  Prints object_size, size (the stride), align,\n"
	  "objects and pages per slab, on- or off-slab management (and the\n"
	  "kmalloc cache of an off-slab descriptor), slab_size, left_over,\n"
	  "colour and colour_off, limit/batchcount/shared and free_limit.\n"
	  "Examples:  kmem_cache_create foo 200\n"
	  "           kmem_cache_create dentry 192 SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT\n"
	  "           kmem_cache_create buf 100 32 ctor\n",
	  cmd_kmem_cache_create, CMPL_SLAB_FLAGS, 0 },
	{ "kmem_cache_alloc", "[-c CPU] CACHE [GFP]",
	  "allocate an object from a cache",
	  "Runs kmem_cache_alloc() on CPU (default: the current cpu) with GFP\n"
	  "(default GFP_KERNEL) and prints the object's address in the direct\n"
	  "map.  The per-cpu array answers first; when it is empty\n"
	  "cache_alloc_refill takes a batch from the shared array, then from\n"
	  "partial and free slabs, and cache_grow adds a slab when none is left.\n"
	  "Example:  kmem_cache_alloc -c 1 foo GFP_KERNEL|__GFP_ZERO\n",
	  cmd_kmem_cache_alloc, CMPL_CACHE, 0 },
	{ "kmem_cache_free", "[-c CPU] CACHE ADDR", "free an object to its cache",
	  "Runs kmem_cache_free() on CPU: the object goes onto that cpu's array;\n"
	  "a full array first flushes its oldest batchcount objects to the\n"
	  "shared array or back to their slabs.  A double free, an address\n"
	  "that is not an object, or an object of another cache is refused.\n",
	  cmd_kmem_cache_free, CMPL_CACHE, 0 },
	{ "kmem_cache_shrink", "CACHE", "release a cache's free slabs",
	  "Runs kmem_cache_shrink(): every array is drained back to the slabs\n"
	  "and every free slab goes back to the buddy allocator.  Prints the\n"
	  "return value: 1 if objects remain in full or partial slabs, else 0.\n",
	  cmd_kmem_cache_shrink, CMPL_CACHE, 0 },
	{ "kmem_cache_destroy", "CACHE", "destroy a cache that has no objects left",
	  "Runs kmem_cache_destroy().  A cache that still has allocated objects\n"
	  "is refused (\"Slab cache still has objects\") and stays as it was;\n"
	  "the boot caches (kmem_cache, kmalloc-*) cannot be destroyed.\n",
	  cmd_kmem_cache_destroy, CMPL_CACHE, 0 },
	{ "kmalloc", "[-c CPU] SIZE [GFP]", "allocate SIZE bytes from a kmalloc cache",
	  "Runs kmalloc() on CPU with GFP (default GFP_KERNEL) and prints the\n"
	  "address and the kmalloc cache that served it (kmalloc(70) comes from\n"
	  "kmalloc-96).  kmalloc(0) returns ZERO_SIZE_PTR; sizes above\n"
	  "KMALLOC_MAX_SIZE (4 MiB) fail.\n"
	  "Example:  kmalloc 100 GFP_ATOMIC\n",
	  cmd_kmalloc, CMPL_KMALLOC, 0 },
	{ "kfree", "[-c CPU] ADDR", "free a kmalloc'ed object",
	  "Runs kfree() on CPU: the cache is found through the object's page,\n"
	  "as the kernel's virt_to_cache() does.  kfree of 0 (NULL) or of\n"
	  "ZERO_SIZE_PTR does nothing.\n",
	  cmd_kfree, CMPL_NONE, 0 },
	{ "ksize", "ADDR", "the usable size of a slab object",
	  "Prints ksize(): the object_size of the object's cache (3.10 SLAB)\n"
	  "and the cache's name.\n",
	  cmd_ksize, CMPL_NONE, 0 },
	{ "slab", "CACHE", "a cache's slabs, array caches and geometry",
	  "Shows the cache's geometry; its node's free_objects, free_limit,\n"
	  "colour_next and next_reap; the slabs on slabs_full, slabs_partial\n"
	  "and slabs_free (head first), each with its first pfn, colouroff,\n"
	  "s_mem, inuse/num and one character per object: '.' free in the\n"
	  "slab, 'c' cached in an array, '#' allocated; then each cpu's\n"
	  "array_cache and the shared one, entries from bottom (oldest) to top\n"
	  "(the next one handed out).\n"
	  "Example:  slab kmalloc-64\n",
	  cmd_slab, CMPL_CACHE, 0 },
	{ "tick", "[N]", "advance the clock N jiffies (default 1)",
	  "Moves simulated time on by N jiffies (HZ is 100) and prints the new\n"
	  "time.  Every 2*HZ each cpu runs cache_reap: arrays not touched since\n"
	  "the last reap give back a fifth of their limit, and every 4*HZ a\n"
	  "node's free slabs are trimmed.\n",
	  cmd_tick, CMPL_NONE, 0 },
	{ "pagecache", "[add PAGES [dirty] | touch INDEX [N] | drop]",
	  "read file pages into the page cache, again, or drop them",
	  "'pagecache add PAGES' reads PAGES more pages of the model's one file:\n"
	  "each is allocated cold (GFP_HIGHUSER_MOVABLE|__GFP_COLD) and joins\n"
	  "the inactive file list; 'dirty' leaves them to be written back.\n"
	  "'pagecache touch INDEX [N]' reads N cached pages from INDEX again\n"
	  "(mark_page_accessed): the first read marks a page referenced, the\n"
	  "second moves it to the active list.\n"
	  "'pagecache drop' is drop_caches 1: every clean page not under\n"
	  "writeback is freed.  Alone it prints the page cache's size.\n"
	  "Example:  pagecache add 1000 dirty\n",
	  cmd_pagecache, CMPL_NONE, 0 },
	{ "try_to_free_pages", "[-c CPU] [GFP [ORDER]]", "run direct reclaim",
	  "Runs try_to_free_pages() as the slow path would (default GFP_KERNEL,\n"
	  "order 0): priority 12 down to 0 over the gfp's zones until 32 pages\n"
	  "are freed, then shrink_slab.  Prints its return value (1 when nothing\n"
	  "was freed but some zone is not all_unreclaimable) and what it\n"
	  "scanned, freed and started writing.  Only kswapd writes dirty file\n"
	  "pages; anonymous pages need swap ('swap SIZE' in a machine file).\n",
	  cmd_try_to_free_pages, CMPL_GFP, 0 },
	{ "wakeup_kswapd", "[ZONE [ORDER]]", "wake kswapd if a zone is below its low watermark",
	  "Runs wakeup_kswapd() for ZONE, or for every zone as wake_all_kswapd\n"
	  "does: it records the order and wakes kswapd only if it sleeps and\n"
	  "the zone fails its low watermark.  kswapd then runs one\n"
	  "balance_pgdat pass per 'tick' until every zone is at its high\n"
	  "watermark, naps HZ/10 and sleeps.  'show lru' shows it.\n",
	  cmd_wakeup_kswapd, CMPL_NONE, 0 },
	{ "task", "spawn|list|touch|exit ...",
	  "processes with anonymous memory, for reclaim and the OOM killer",
	  "task spawn NAME PAGES [GFP]\n"
	  "    start a process and fault in PAGES pages (default gfp\n"
	  "    GFP_HIGHUSER_MOVABLE|__GFP_ZERO); prints its pid\n"
	  "task list\n"
	  "    pid, name, rss and swap entries in pages, oom_score_adj, the\n"
	  "    OOM killer's oom_badness and /proc/PID/oom_score (badness * 1000\n"
	  "    / (RAM + swap pages)); every task is root's, so 3.10.0 takes 30\n"
	  "    oom_score_adj units (3% of RAM + swap) off its badness\n"
	  "task touch PID PAGES\n"
	  "    access pages 0..PAGES-1: fault in missing ones, swap back in\n"
	  "    swapped ones, mark present ones referenced\n"
	  "task exit PID\n"
	  "    the process exits and its pages and swap slots are freed\n"
	  "When the OOM killer runs, its report (the kernel's printk lines)\n"
	  "is printed as it happens.\n",
	  cmd_task, CMPL_TASK, 0 },
	{ "oom_score_adj", "PID [N]", "read or set a task's /proc/PID/oom_score_adj",
	  "N is -1000 (never chosen by the OOM killer) to 1000 (chosen first);\n"
	  "each unit moves the task's badness by a thousandth of RAM + swap.\n"
	  "Example:  oom_score_adj 100 -1000\n",
	  cmd_oom_score_adj, CMPL_NONE, 0 },
	{ "sysrq", "f|m", "SysRq: manual OOM kill (f) or the memory report (m)",
	  "As 'echo KEY > /proc/sysrq-trigger': 'f' runs the OOM killer now\n"
	  "(out_of_memory with GFP_KERNEL, order 0, forced), 'm' prints\n"
	  "show_mem(): per-cpu lists, counters, free areas and page counts.\n",
	  cmd_sysrq, CMPL_NONE, 0 },
	{ "cat", "/proc/FILE...",
	  "print buddyinfo, pagetypeinfo, zoneinfo, vmstat, slabinfo",
	  "Prints the model's /proc files in the kernel's exact format, so\n"
	  "scripts written for a real machine read them unchanged.\n"
	  "Example:  cat /proc/buddyinfo\n",
	  cmd_cat, CMPL_PROC, 0 },
	{ "sysctl", "[KEY[=VALUE]...]", "read or set vm.min_free_kbytes",
	  "With KEY prints 'KEY = VALUE' as sysctl(8) does; KEY=VALUE sets it\n"
	  "first (the watermarks and reserves are recomputed).  Without\n"
	  "arguments lists every key the model has.\n"
	  "Example:  sysctl vm.min_free_kbytes=16384\n",
	  cmd_sysctl, CMPL_SYSCTL, 0 },
	{ "trace", "[on|off [EVENT...]]", "print tracepoint events as they happen",
	  "'trace on' prints the kmem tracepoints in the kernel's text: the\n"
	  "page allocator's mm_page_alloc, mm_page_free, mm_page_free_batched,\n"
	  "mm_page_alloc_zone_locked, mm_page_pcpu_drain, mm_page_alloc_extfrag\n"
	  "and SLAB's kmalloc, kmem_cache_alloc, kfree, kmem_cache_free;\n"
	  "naming events selects only those.  'trace off [EVENT...]' stops\n"
	  "them; 'trace' alone shows what is on.  The model adds its own:\n"
	  "stage_enter, stage_exit and stage_note follow an allocation through\n"
	  "the kernel functions it models, bad_page reports a refused free.\n"
	  "Example:  trace on stage_enter stage_exit stage_note\n",
	  cmd_trace, CMPL_TRACE, 0 },
	{ "cpu", "[N]", "show or set the current simulated cpu",
	  "Commands without -c run on the current cpu.\n",
	  cmd_cpu, CMPL_NONE, 0 },
	{ "check", "[stages on|off]", "run the invariant checker",
	  "Walks every list, counter and page and prints 'ok' or the first\n"
	  "invariant that does not hold.  'check stages on' runs it at every\n"
	  "stage point from then on and logs a line if one ever breaks.\n",
	  cmd_check, CMPL_NONE, 0 },
	{ "show", "freelists|pcp|pageblocks|page|zones|object",
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
	  "    where a page is, its pageblock, flags, _count and owner (and\n"
	  "    for a slab page its cache and slab)\n"
	  "show zones\n"
	  "    spanned/present/managed/free pages, watermarks, protection\n"
	  "show object ADDR\n"
	  "    which cache, slab and object index an address is, and whether\n"
	  "    the object is free, cached in an array or allocated\n"
	  "show lru [ZONE [LIST]]\n"
	  "    LRU list sizes, pages_scanned, kswapd, writeback and swap; with\n"
	  "    LIST (inactive_file, ...) its pfns head first, D dirty,\n"
	  "    W writeback, R reclaim, r referenced\n",
	  cmd_show, CMPL_SHOW, 0 },
	{ "step", "", "step into: stop at the next stage point",
	  "Moves the current cpu's stopped request (see 'cpu') to the next\n"
	  "stage point, entering any function on the way.  Start a request\n"
	  "stopped with alloc_pages --step, kmem_cache_alloc --step or\n"
	  "kmalloc --step.  The stage trail is printed as it goes.\n",
	  cmd_step, CMPL_NONE, 0 },
	{ "next", "", "step over: stop at the next stage point of this function",
	  "Like step, but runs functions called from the current one to their end.\n",
	  cmd_next, CMPL_NONE, 0 },
	{ "finish", "", "run until the current function returns",
	  "Stops when the innermost function on 'bt' exits.\n",
	  cmd_finish, CMPL_NONE, 0 },
	{ "continue", "", "run until a breakpoint or the end",
	  "Lets the current cpu's request run until it hits a breakpoint,\n"
	  "sleeps, waits for a zone lock or finishes.\n",
	  cmd_continue, CMPL_NONE, 0 },
	{ "break", "FUNC [if order>=N]", "stop requests when they enter FUNC",
	  "Every request (stepping or not) stops when it enters FUNC, a stage\n"
	  "point ('info stages' lists them); with a condition only requests of\n"
	  "at least that order.  Example:  break __rmqueue_fallback if order>=3\n",
	  cmd_break, CMPL_NONE, 0 },
	{ "delete", "N", "remove breakpoint N", "Removes a breakpoint by its number.\n",
	  cmd_delete, CMPL_NONE, 0 },
	{ "bt", "", "the kernel call stack of the current cpu's request",
	  "Innermost function first, each with the arguments it was entered with.\n",
	  cmd_bt, CMPL_NONE, 0 },
	{ "info", "stages", "stage points, breakpoints and requests",
	  "Lists the modelled kernel functions that report stage points, the\n"
	  "breakpoints with their hit counts, and each cpu's unfinished request.\n",
	  cmd_info, CMPL_NONE, 0 },
	{ "machine", "[NAME|FILE]", "describe the machine, or boot another",
	  "Without an argument describes the simulated machine.  With a preset\n"
	  "name (tiny, i386-1g, x86_64-4g, x86_64-64g) or a machine file it\n"
	  "boots a new machine in place of the current one.\n",
	  cmd_machine, CMPL_MACHINE, 0 },
	/* the screen's commands (src/tui registers them) */
	{ "theme", "[NAME]", "switch the colour theme (the screen)",
	  "Without an argument lists the themes; 'theme NAME' switches to one:\n"
	  "the built-in themes and files in themes/ and\n"
	  "$XDG_CONFIG_HOME/mmscope/themes (NAME.theme).\n",
	  cmd_hooked, CMPL_NAMES, 0 },
	{ "layout", "[NAME]", "arrange the panels (the screen)",
	  "Without an argument lists the layouts; 'layout NAME' switches.\n",
	  cmd_hooked, CMPL_NAMES, 0 },
	{ "focus", "PANEL", "move the keyboard focus to a panel (the screen)",
	  "Moves the focus to PANEL (zones, free_area, memmap, pcp, slab,\n"
	  "stack, log, narration) or back to the command line (repl).\n",
	  cmd_hooked, CMPL_NAMES, 0 },
	{ "screenshot", "FILE", "write the screen as text (.txt) or SVG (.svg)",
	  "Writes what is on the screen now: FILE.txt as plain text, FILE.svg\n"
	  "as text in the theme's colours.  Refused to a sandboxed script.\n",
	  cmd_hooked, CMPL_FILE, CMD_WRITES_FILE },
	{ "run", "[SPEED]", "let the simulated clock run (the screen)",
	  "Live mode: the clock advances on its own (SPEED jiffies per second,\n"
	  "default the last speed), so kswapd and cache_reap animate.\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "pause", "", "stop the simulated clock (the screen)",
	  "Stops live mode; the clock moves only with tick.\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "speed", "[N]", "jiffies per second in live mode",
	  "Shows or sets how many jiffies the clock advances per second in\n"
	  "live mode (1..10000).\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "autostep", "[SECONDS|off]", "a lesson goes on by itself (the screen)",
	  "For a projector: the lesson goes to its next step every SECONDS\n"
	  "(0.5..3600) until its end; any key pauses it.  Without an argument\n"
	  "shows the setting.  In the narration panel, 'a' starts it (5 s).\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "lesson", "", "where the lesson stands (the screen)",
	  "Shows the lesson's script, its step and how long rebuilding the\n"
	  "last step took (going back replays the script from its start).\n",
	  cmd_hooked, CMPL_NONE, 0 },
	/* the Lua host's commands (src/lua registers them) */
	{ "source", "FILE.lua [ARG...]", "run a Lua script",
	  "Runs FILE.lua (a walkthrough or an experiment) with the mm and ui\n"
	  "modules; ARGs reach the script as arg[1]...\n",
	  cmd_hooked, CMPL_FILE, 0 },
	{ "lua", "CHUNK", "run a line of Lua",
	  "Runs CHUNK as Lua; an open block continues on the next line.\n"
	  "Example:  lua print(mm.zones()[3].free)\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "scripts", "", "list the installed walkthroughs",
	  "Lists the scripts in scripts/ and $XDG_CONFIG_HOME/mmscope/scripts\n"
	  "with their descriptions.\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "trust", "[on|off]", "open the full Lua standard library to scripts",
	  "Scripts are sandboxed (no os.execute, io.popen, package.loadlib,\n"
	  "debug, file writes); 'trust on' lifts that for this session.\n",
	  cmd_hooked, CMPL_NONE, 0 },
	{ "help", "[CMD]", "list the commands, or explain one",
	  "Without an argument lists every command; 'help CMD' explains CMD.\n",
	  cmd_help, CMPL_COMMAND, 0 },
	{ "quit", "", "leave mmscope", "Leaves mmscope (Ctrl-D does too).\n",
	  cmd_quit, CMPL_NONE, 0 },
	{ "exit", "", "leave mmscope", "Same as quit.\n", cmd_quit, CMPL_NONE, 0 },
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
	int len, width = 0;
	const struct cmd_def *t = cmd_table(&n);

	for (i = 0; i < n; i++) {
		len = snprintf(synopsis, sizeof(synopsis), "%s%s%s", t[i].name,
			       t[i].args[0] ? " " : "", t[i].args);
		if (len > width)
			width = len;
	}
	for (i = 0; i < n; i++) {
		snprintf(synopsis, sizeof(synopsis), "%s%s%s", t[i].name,
			 t[i].args[0] ? " " : "", t[i].args);
		cmd_printf(c, "  %-*s %s\n", width, synopsis, t[i].summary);
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

const char *cmd_hook_where(const char *name)
{
	static const char *const lua[] = { "source", "lua", "scripts", "trust", NULL };
	size_t i;

	for (i = 0; lua[i]; i++)
		if (strcmp(lua[i], name) == 0)
			return "Lua scripting is not built in";
	return "only in the screen: start mmscope without --batch or -e";
}

int cmd_quit(struct cmd_ctx *c, int argc, char **argv)
{
	(void)argv;
	if (cmd_nargs(c, argc, 0, 0))
		return 1;
	c->quit = 1;
	return 0;
}
