/*
 * test_cmd.c - the command language without a terminal: splitting lines,
 * numbers, error lines, "a failed command changes nothing", completion.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mm.h" /* the tests look inside the model */
#include "cmd/cmd.h"
#include "cmd/internal.h"

/* ---- a context whose sinks collect text ---------------------------------- */
struct sink {
	struct mm_buf out, err;
};

static void to_out(void *p, const char *s, size_t len)
{
	mm_buf_printf(&((struct sink *)p)->out, "%.*s", (int)len, s);
}

static void to_err(void *p, const char *line)
{
	mm_buf_printf(&((struct sink *)p)->err, "%s\n", line);
}

struct fixture {
	struct sink sink;
	struct cmd_ctx c;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct mm_machine_desc d;
	char err[256];

	assert_non_null(f);
	assert_int_equal(mm_desc_lookup(&d, "tiny", err, sizeof(err)), 0);
	mm_buf_init(&f->sink.out);
	mm_buf_init(&f->sink.err);
	cmd_ctx_init(&f->c, mm_machine_create(&d, err, sizeof(err)), to_out,
		     to_err, &f->sink);
	assert_non_null(f->c.m);
	f->c.flags = CMD_KEEP_GOING;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	cmd_ctx_fini(&f->c);
	mm_buf_free(&f->sink.out);
	mm_buf_free(&f->sink.err);
	free(f);
	return 0;
}

static const char *out_of(struct fixture *f)
{
	return f->sink.out.s ? f->sink.out.s : "";
}

static const char *err_of(struct fixture *f)
{
	return f->sink.err.s ? f->sink.err.s : "";
}

static void clear(struct fixture *f)
{
	mm_buf_reset(&f->sink.out);
	mm_buf_reset(&f->sink.err);
}

/* ---- splitting ------------------------------------------------------------ */

/* The words of a line as "a|b;c|" (| ends a word, ; ends a command). */
static void split_as(const char *line, const char *want)
{
	struct cmd_words w;
	struct mm_buf b;
	char err[64];
	size_t i;

	mm_buf_init(&b);
	assert_int_equal(cmd_split(line, &w, 0, err, sizeof(err)), 0);
	for (i = 0; i < w.nargv; i++)
		mm_buf_printf(&b, "%s%s", w.argv[i] ? w.argv[i] : ";",
			      w.argv[i] ? "|" : "");
	assert_string_equal(b.s ? b.s : "", want);
	mm_buf_free(&b);
	cmd_words_free(&w);
}

static void test_split(void **state)
{
	(void)state;
	split_as("", "");
	split_as("   \t ", "");
	split_as(";;; ;", "");
	split_as("# only a comment", "");
	split_as("cpu", "cpu|;");
	split_as("  cpu   1  ", "cpu|1|;");
	split_as("cpu 1; cpu", "cpu|1|;cpu|;");
	split_as("cpu 1\ncpu 2", "cpu|1|;cpu|2|;");
	split_as("cpu # 1; cpu", "cpu|;");
	split_as("a #x\nb", "a|;b|;");
	split_as("a 'b c' \"d;e\"", "a|b c|d;e|;");
	split_as("a '' \"\"", "a|||;");
	split_as("a 'x'y\"z\"", "a|xyz|;");
	split_as("a \"q\\\"q\\\\\"", "a|q\"q\\|;");
	split_as("a 'no\\escape'", "a|no\\escape|;");
	split_as("a b\\ c \\#d", "a|b c|#d|;");
	split_as("a \\", "a|\\|;");
}

static void test_split_spans(void **state)
{
	struct cmd_words w;
	char err[64];
	const char *line = "  cpu 1 ; show 'page' 3  # c";

	(void)state;
	assert_int_equal(cmd_split(line, &w, 0, err, sizeof(err)), 0);
	assert_int_equal(w.ncmds, 2);
	assert_int_equal(w.src[0].start, 2);
	assert_int_equal(w.src[0].end, 7);
	assert_int_equal(w.src[1].start, 10);
	assert_int_equal(w.src[1].end, 23);
	cmd_words_free(&w);
}

static void test_split_unterminated(void **state)
{
	struct cmd_words w;
	char err[64];

	(void)state;
	assert_int_equal(cmd_split("a 'b", &w, 0, err, sizeof(err)), -1);
	assert_string_equal(err, "unterminated quote");
	cmd_words_free(&w);
	assert_int_equal(cmd_split("a \"b", &w, 1, err, sizeof(err)), 0);
	assert_int_equal(w.nargv, 3);
	assert_string_equal(w.argv[1], "b");
	cmd_words_free(&w);
}

static void test_split_long(void **state)
{
	struct cmd_words w;
	char err[64], *line = malloc(20001);
	size_t i;

	(void)state;
	assert_non_null(line);
	for (i = 0; i < 20000; i++)
		line[i] = "a ;'"[i % 3]; /* "a ;a ;..." many one-word commands */
	line[20000] = '\0';
	assert_int_equal(cmd_split(line, &w, 0, err, sizeof(err)), 0);
	assert_int_equal(w.ncmds, 6667);
	cmd_words_free(&w);
	free(line);
}

/* ---- numbers --------------------------------------------------------------- */

static void test_numbers(void **state)
{
	unsigned long v;

	(void)state;
	assert_int_equal(cmd_parse_ulong("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cmd_parse_ulong("4096", &v), 0);
	assert_int_equal(v, 4096);
	assert_int_equal(cmd_parse_ulong("0x3C00", &v), 0);
	assert_int_equal(v, 0x3c00);
	assert_int_equal(cmd_parse_ulong("010", &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cmd_parse_ulong("", &v), -1);
	assert_int_equal(cmd_parse_ulong("0x", &v), -1);
	assert_int_equal(cmd_parse_ulong("-1", &v), -1);
	assert_int_equal(cmd_parse_ulong("+1", &v), -1);
	assert_int_equal(cmd_parse_ulong(" 1", &v), -1);
	assert_int_equal(cmd_parse_ulong("1 ", &v), -1);
	assert_int_equal(cmd_parse_ulong("12k", &v), -1);
	assert_int_equal(cmd_parse_ulong("0x-1", &v), -1);
	assert_int_equal(cmd_parse_ulong("99999999999999999999999", &v), -2);
	assert_int_equal(cmd_parse_ulong("0x10000000000000000", &v), -2);
}

/* ---- running --------------------------------------------------------------- */

static void test_alloc_free(void **state)
{
	struct fixture *f = *state;
	char cmd[64];
	unsigned long pfn;

	assert_int_equal(cmd_exec(&f->c, "alloc_pages GFP_KERNEL 2"), 0);
	assert_string_equal(err_of(f), "");
	assert_int_equal(sscanf(out_of(f), "pfn %lx order 2 zone Normal", &pfn), 1);
	snprintf(cmd, sizeof(cmd), "free_pages 0x%lx; check", pfn);
	clear(f);
	assert_int_equal(cmd_exec(&f->c, cmd), 0);
	assert_string_equal(out_of(f), "ok\n");
}

static void test_errors_are_one_line(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = {
		"frobnicate", "alloc_pages GFP_KERNEL 11", "alloc_pages",
		"alloc_pages -c 9 GFP_KERNEL 0", "free_pages 0x4000",
		"cat /proc/nope", "sysctl vm.nope", "show nothing",
		"cpu \"1\n2\"", "alloc_pages 'GFP_KERNEL 0",
	};
	size_t i;
	const char *e;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		clear(f);
		assert_int_equal(cmd_exec(&f->c, bad[i]), 1);
		e = err_of(f);
		assert_non_null(strchr(e, ':'));
		assert_ptr_equal(strchr(e, '\n'), e + strlen(e) - 1);
	}
	clear(f);
	cmd_exec(&f->c, "alloc_pages GFP_KERNEL 11");
	assert_string_equal(err_of(f), "alloc_pages: order 11 >= MAX_ORDER (11)\n");
	clear(f);
	cmd_exec(&f->c, "frobnicate");
	assert_string_equal(err_of(f), "frobnicate: unknown command (try 'help')\n");
}

/* A failed command leaves /proc/buddyinfo exactly as it was. */
static void test_failure_changes_nothing(void **state)
{
	struct fixture *f = *state;
	char *before;

	cmd_exec(&f->c, "alloc_pages GFP_KERNEL 0; alloc_pages GFP_KERNEL 5");
	clear(f);
	cmd_exec(&f->c, "cat /proc/buddyinfo; show pcp");
	before = strdup(out_of(f));
	assert_non_null(before);
	cmd_exec(&f->c, "alloc_pages GFP_KERNEL 11; free_pages 0x1; "
			"free_pages 0x3c00 3; sysctl vm.min_free_kbytes=x; cpu 5");
	clear(f);
	cmd_exec(&f->c, "cat /proc/buddyinfo; show pcp");
	assert_string_equal(out_of(f), before);
	free(before);
}

static void test_stop_at_first_failure(void **state)
{
	struct fixture *f = *state;

	f->c.flags = 0;
	assert_int_equal(cmd_exec(&f->c, "cpu 1; nope; cpu 0"), 1);
	assert_int_equal(f->c.m->cur_cpu, 1);
	f->c.flags = CMD_KEEP_GOING;
	assert_int_equal(cmd_exec(&f->c, "cpu 1; nope; cpu 0"), 1);
	assert_int_equal(f->c.m->cur_cpu, 0);
	assert_int_equal(cmd_exec(&f->c, "quit; cpu 1"), 0);
	assert_int_equal(f->c.quit, 1);
	assert_int_equal(f->c.m->cur_cpu, 0);
}

static void test_echo_order(void **state)
{
	struct fixture *f = *state;

	f->c.flags |= CMD_ECHO;
	cmd_exec(&f->c, "  cpu ;cpu 1  # comment");
	assert_string_equal(out_of(f), "> cpu\ncpu 0 (cpus 0-1)\n> cpu 1\n");
}

/* ---- completion ------------------------------------------------------------ */

static void add_word(void *arg, const char *s)
{
	mm_buf_printf(arg, "%s ", s);
}

static const char *complete(struct fixture *f, const char *before,
			    const char *word, struct mm_buf *b)
{
	mm_buf_reset(b);
	cmd_complete(&f->c, before, word, add_word, b);
	return b->s ? b->s : "";
}

static void test_complete(void **state)
{
	struct fixture *f = *state;
	struct mm_buf b;

	mm_buf_init(&b);
	assert_string_equal(complete(f, "", "dr", &b), "drain_all_pages ");
	assert_string_equal(complete(f, "cpu 1; ", "ch", &b), "check ");
	assert_string_equal(complete(f, "show ", "pa", &b), "pageblocks page ");
	assert_string_equal(complete(f, "show freelists ", "N", &b), "Normal ");
	assert_string_equal(complete(f, "alloc_pages GFP_KERNEL|", "__GFP_COL", &b),
			    "__GFP_COLD ");
	assert_string_equal(complete(f, "alloc_pages GFP_KERNEL ", "GFP", &b), "");
	assert_string_equal(complete(f, "cat ", "/proc/b", &b), "/proc/buddyinfo ");
	assert_string_equal(complete(f, "trace ", "o", &b), "on off ");
	assert_string_equal(complete(f, "machine ", "x86_64-6", &b), "x86_64-64g ");
	assert_string_equal(complete(f, "cpu # ", "", &b), "");
	/* slab caches by name, newest first, then gfp flags where they go */
	assert_string_equal(complete(f, "kmem_cache_alloc ", "kmalloc-2", &b),
			    "kmalloc-2097152 kmalloc-262144 kmalloc-2048 kmalloc-256 ");
	assert_string_equal(complete(f, "kmem_cache_alloc -c 1 ", "kmem", &b),
			    "kmem_cache ");
	assert_string_equal(complete(f, "kmem_cache_alloc kmem_cache ", "GFP_KE", &b),
			    "GFP_KERNEL ");
	assert_string_equal(complete(f, "slab ", "kmem_", &b), "kmem_cache ");
	assert_string_equal(complete(f, "kmem_cache_free kmem_cache ", "GFP", &b), "");
	assert_string_equal(complete(f, "kmalloc ", "GFP", &b), "");
	assert_string_equal(complete(f, "kmalloc 64 ", "GFP_ATO", &b), "GFP_ATOMIC ");
	assert_string_equal(complete(f, "kmem_cache_create foo ", "SLAB", &b), "");
	assert_string_equal(complete(f, "kmem_cache_create foo 64 SLAB_HWCACHE_ALIGN|",
				     "SLAB_REC", &b), "SLAB_RECLAIM_ACCOUNT ");
	assert_string_equal(complete(f, "kmem_cache_create foo 64 8 ", "ct", &b),
			    "ctor ");
	mm_buf_free(&b);
}

/* ---- writing files ------------------------------------------------------ */

static int fill_text(FILE *f, void *arg)
{
	return fputs(arg, f) < 0 ? -1 : 0;
}

static int fill_fails(FILE *f, void *arg)
{
	(void)arg;
	fputs("half", f);
	errno = ENOSPC;
	return -1;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* nothing but the names given is left in dir */
static int count_entries(const char *dir)
{
	char cmd[400];
	FILE *p;
	int n = 0, ch;

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", dir);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	while ((ch = fgetc(p)) != EOF)
		n += ch == '\n';
	pclose(p);
	return n;
}

static void test_write_file(void **state)
{
	char dir[] = "/tmp/test_cmd_file.XXXXXX", path[300], tmp[340], victim[300],
	     err[256], cmd[340];
	struct stat st;
	mode_t old_mask = umask(022);

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.txt", dir);

	/* a new file, whole, with the mode asked for (less the umask) */
	assert_int_equal(cmd_write_file(path, 0644, fill_text, "one\n", err, sizeof(err)), 0);
	assert_string_equal(slurp(path), "one\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(cmd_write_file(path, 0600, fill_text, "two\n", err, sizeof(err)), 0);
	assert_string_equal(slurp(path), "two\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_entries(dir), 1);

	/* a symlink planted where the temporary file goes is not followed:
	 * the file it points to stays as it was */
	snprintf(victim, sizeof(victim), "%s/victim", dir);
	assert_int_equal(cmd_write_file(victim, 0644, fill_text, "precious\n", err,
					sizeof(err)), 0);
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	assert_int_equal(symlink(victim, tmp), 0);
	assert_int_equal(cmd_write_file(path, 0644, fill_text, "three\n", err, sizeof(err)), 0);
	assert_string_equal(slurp(path), "three\n");
	assert_string_equal(slurp(victim), "precious\n");
	assert_int_equal(lstat(tmp, &st), 0);
	assert_true(S_ISLNK(st.st_mode)); /* not ours: left alone */
	unlink(tmp);

	/* a failed write leaves the old file and no temporary one */
	assert_int_equal(cmd_write_file(path, 0644, fill_fails, NULL, err, sizeof(err)), -1);
	assert_string_equal(err, strerror(ENOSPC));
	assert_string_equal(slurp(path), "three\n");
	assert_int_equal(count_entries(dir), 2);

	/* no such directory; a directory in the way */
	assert_int_equal(cmd_write_file("/nonexistent/dir/x.txt", 0644, fill_text, "x", err,
					sizeof(err)), -1);
	assert_string_equal(err, "No such file or directory");
	snprintf(tmp, sizeof(tmp), "%s/sub", dir);
	assert_int_equal(mkdir(tmp, 0700), 0);
	assert_int_equal(cmd_write_file(tmp, 0644, fill_text, "x", err, sizeof(err)), -1);
	assert_string_equal(err, strerror(EISDIR));
	assert_int_equal(count_entries(dir), 3);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	umask(old_mask);
}

/* a command that writes files is refused while a sandboxed script runs
 * it (c->sandboxed), before its handler: one line, nothing done */
static int fake_screenshot(struct cmd_ctx *c, void *ud, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	++*(int *)ud;
	return 0;
}

static void test_sandbox_refuses_writes(void **state)
{
	struct fixture *f = *state;
	size_t i, n;
	const struct cmd_def *t = cmd_table(&n);
	int ran = 0;

	assert_int_equal(cmd_set_hook(&f->c, "screenshot", fake_screenshot, &ran), 0);
	assert_int_equal(cmd_exec(&f->c, "screenshot a.txt"), 0);
	assert_int_equal(ran, 1);
	f->c.sandboxed = 1;
	assert_int_equal(cmd_exec(&f->c, "screenshot a.txt"), 1);
	assert_int_equal(ran, 1);
	assert_string_equal(f->sink.err.s, "screenshot: writing files is not allowed in the "
			    "sandbox ('trust on' lifts it)\n");
	assert_int_equal(cmd_exec(&f->c, "cpu"), 0); /* the rest still runs */
	f->c.sandboxed = 0;
	/* screenshot is the one command that writes a file */
	for (i = 0; i < n; i++)
		assert_int_equal(!!(t[i].flags & CMD_WRITES_FILE),
				 strcmp(t[i].name, "screenshot") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_spans),
		cmocka_unit_test(test_split_unterminated),
		cmocka_unit_test(test_split_long),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test_setup_teardown(test_alloc_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_are_one_line, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failure_changes_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stop_at_first_failure, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_echo_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_complete, setup, teardown),
		cmocka_unit_test(test_write_file),
		cmocka_unit_test_setup_teardown(test_sandbox_refuses_writes, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
