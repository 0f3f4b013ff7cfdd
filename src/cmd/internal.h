/*
 * internal.h - what the files of src/cmd share: output and error helpers,
 * argument parsers and the command handlers the table points at.
 *
 * A handler gets argv[0] = its own name and returns 0 on success or the
 * value of cmd_error() (non-zero).  It validates every argument before it
 * calls the core, so a rejected command has not touched the model.
 */
#ifndef MMSCOPE_CMD_INTERNAL_H
#define MMSCOPE_CMD_INTERNAL_H

#include "cmd.h"

#define CMD_FMT(a, b) __attribute__((format(printf, a, b)))

/* output, collected in c->obuf until the command ends or an error comes */
void cmd_printf(struct cmd_ctx *c, const char *fmt, ...) CMD_FMT(2, 3);
void cmd_puts(struct cmd_ctx *c, const char *s);
void cmd_flush(struct cmd_ctx *c);
/* "CMD: message" on the error sink; returns 1 */
int cmd_error(struct cmd_ctx *c, const char *fmt, ...) CMD_FMT(2, 3);

/* numbers: 0x hex or decimal, no sign, no junk; -1 junk, -2 overflow */
int cmd_parse_ulong(const char *s, unsigned long *out);
/* parsers that report their own error line; 0 or 1 (as cmd_error) */
int cmd_arg_order(struct cmd_ctx *c, const char *s, int *order);
int cmd_arg_cpu(struct cmd_ctx *c, const char *s, int *cpu);
int cmd_arg_pfn(struct cmd_ctx *c, const char *s, unsigned long *pfn);
/* a zone by name (case-insensitive), as its index */
int cmd_arg_zone(struct cmd_ctx *c, const char *s, int *idx);
int cmd_arg_migratetype(struct cmd_ctx *c, const char *s, int *mt);
/* SLAB: fails with "the slab allocator is off ..." on a slab none machine */
int cmd_need_slab(struct cmd_ctx *c);
/* a cache by name, as its id */
int cmd_arg_cache(struct cmd_ctx *c, const char *s, int *id);
int cmd_arg_addr(struct cmd_ctx *c, const char *s, unsigned long *addr);
/* leading "-c CPU" (or -cCPU); advances *argi past the options */
int cmd_opt_cpu(struct cmd_ctx *c, int argc, char **argv, int *argi, int *cpu);
/* exactly between lo and hi arguments after the name (hi < 0: no limit) */
int cmd_nargs(struct cmd_ctx *c, int argc, int lo, int hi);

/* the closest of names to word within a small edit distance, or NULL */
const char *cmd_suggest(const char *word, const char *const *names, size_t n);

/* the trace observer; re-installed whenever the machine changes */
void cmd_trace_install(struct cmd_ctx *c);

/* hookable commands (cmd_set_hook) run this; it says where the command
 * works when no front end registered it */
int cmd_hooked(struct cmd_ctx *c, int argc, char **argv);
const char *cmd_hook_where(const char *name);
/* `CMD ... --lua`: print the Lua a script would write for the command
 * (luaeq.c); argv holds the command without "--lua" */
int cmd_lua_equivalent(struct cmd_ctx *c, int argc, char **argv);

/* handlers */
int cmd_alloc_pages(struct cmd_ctx *c, int argc, char **argv);
int cmd_free_pages(struct cmd_ctx *c, int argc, char **argv);
int cmd_drain_all_pages(struct cmd_ctx *c, int argc, char **argv);
int cmd_cpu(struct cmd_ctx *c, int argc, char **argv);
int cmd_check(struct cmd_ctx *c, int argc, char **argv);
int cmd_machine(struct cmd_ctx *c, int argc, char **argv);
int cmd_cat(struct cmd_ctx *c, int argc, char **argv);
int cmd_sysctl(struct cmd_ctx *c, int argc, char **argv);
int cmd_trace(struct cmd_ctx *c, int argc, char **argv);
int cmd_show(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmem_cache_create(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmem_cache_alloc(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmem_cache_free(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmem_cache_shrink(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmem_cache_destroy(struct cmd_ctx *c, int argc, char **argv);
int cmd_kmalloc(struct cmd_ctx *c, int argc, char **argv);
int cmd_kfree(struct cmd_ctx *c, int argc, char **argv);
int cmd_ksize(struct cmd_ctx *c, int argc, char **argv);
int cmd_tick(struct cmd_ctx *c, int argc, char **argv);
int cmd_slab(struct cmd_ctx *c, int argc, char **argv);
int cmd_help(struct cmd_ctx *c, int argc, char **argv);
int cmd_quit(struct cmd_ctx *c, int argc, char **argv);
int cmd_task(struct cmd_ctx *c, int argc, char **argv);
int cmd_oom_score_adj(struct cmd_ctx *c, int argc, char **argv);
int cmd_sysrq(struct cmd_ctx *c, int argc, char **argv);
int cmd_step(struct cmd_ctx *c, int argc, char **argv);
int cmd_next(struct cmd_ctx *c, int argc, char **argv);
int cmd_finish(struct cmd_ctx *c, int argc, char **argv);
int cmd_continue(struct cmd_ctx *c, int argc, char **argv);
int cmd_break(struct cmd_ctx *c, int argc, char **argv);
int cmd_delete(struct cmd_ctx *c, int argc, char **argv);
int cmd_bt(struct cmd_ctx *c, int argc, char **argv);
int cmd_info(struct cmd_ctx *c, int argc, char **argv);
int cmd_pagecache(struct cmd_ctx *c, int argc, char **argv);
int cmd_try_to_free_pages(struct cmd_ctx *c, int argc, char **argv);
int cmd_wakeup_kswapd(struct cmd_ctx *c, int argc, char **argv);
/* step mode (step.c) */
int cmd_opt_step(int *argc, char **argv);
int cmd_requests_pending(struct cmd_ctx *c);
int cmd_request(struct cmd_ctx *c, struct mm_request_spec *proto);
void cmd_report_done(struct cmd_ctx *c);
void cmd_step_observe(struct cmd_ctx *c);

/* show's subcommands, for help and completion */
struct show_def {
	const char *name;
	const char *args;
	const char *summary;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
};
extern const struct show_def show_table[];
extern const size_t show_table_len;
int show_freelists(struct cmd_ctx *c, int argc, char **argv);
int show_pcp(struct cmd_ctx *c, int argc, char **argv);
int show_pageblocks(struct cmd_ctx *c, int argc, char **argv);
int show_object(struct cmd_ctx *c, int argc, char **argv);
int show_lru(struct cmd_ctx *c, int argc, char **argv);

/* a cache's geometry in two lines (kmem_cache_create, slab) */
void cmd_cache_geometry(struct cmd_ctx *c, int cache);
/* show page's lines for a PG_slab page; nothing for another page */
void cmd_show_slab_page(struct cmd_ctx *c, unsigned long pfn);

/* sysctl keys, for completion */
extern const char *const cmd_sysctl_keys[];
/* compact.c: vm.compact_memory, /sys/kernel/debug/extfrag/ */
int cmd_compact_memory_set(struct mm_machine *m, long v);
const char *cmd_extfrag_name(const char *path);
/* reclaim.c: vm.drop_caches, vm.swappiness */
long cmd_drop_caches_get(struct mm_machine *m);
int cmd_drop_caches_set(struct mm_machine *m, long v);
long cmd_swappiness_get(struct mm_machine *m);
int cmd_swappiness_set(struct mm_machine *m, long v);
/* task's subcommands, for completion */
extern const char *const cmd_task_subcommands[];

#endif
