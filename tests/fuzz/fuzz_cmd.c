/*
 * fuzz_cmd.c - libFuzzer target: a stream of commands, as
 * `mmscope --machine M --batch FILE --keep-going` runs it.
 *
 * The input is the text of the stream.  Its first line "# machine: NAME"
 * picks one of the small machines of common.c (tiny, tiny-noslab, frag,
 * tiny-swap, x86_64-small, i386-small, unaligned), so the golden
 * transcripts (tests/cmd/NAME.cmd) are seeds as they are; without it the
 * first byte picks one.  Each line then runs through the real command
 * layer (cmd_exec, which `--batch` uses): every command of the language,
 * `--step` requests, step/next/finish/continue/bt/break/delete on any cpu
 * (`cpu N`, `-c N`), tick, check, with the output thrown away
 * (FUZZ_VERBOSE=1 prints it).  No Lua host is attached: `lua` and
 * `source` answer "not available here" (fuzz_lua covers Lua).
 *
 * Caps (common.c, fuzz_line_ok): a line is skipped whole if it would run
 * more than 256 commands in all; tick more than 10000 jiffies at once or
 * 50000 in all; fault in or read more than 16384 pages at once or 65536 in
 * all (with swap, where each page swapped out is slow: 12288 and 16384);
 * or boot a machine other than tiny and the small machine files of the
 * tree.  What runs is a stream mmscope would run the same way.  After 200
 * stage checks (`check stages on`) the rest runs with them off.
 *
 * Oracle: besides the sanitizers (a crash, a leak, undefined behaviour)
 * and libFuzzer's timeout (a hang), the model's invariant checker must
 * pass at every stage point it runs at and when the stream ends, stopped
 * requests and all.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_budget b;
	struct cmd_ctx c;
	char *text = fuzz_text(data, size), *line = text, *end = text + size;

	cmd_ctx_init(&c, fuzz_boot(data, size), fuzz_out, fuzz_err, NULL);
	fuzz_budget_init(&b, &c);
	c.flags = CMD_KEEP_GOING | (fuzz_verbose() ? CMD_ECHO : 0);
	/* line by line, as cmd_run_stream reads a file (a NUL ends a line's text) */
	while (line < end && !c.quit) {
		char *nl = memchr(line, '\n', (size_t)(end - line));

		if (nl)
			*nl = '\0';
		if (fuzz_line_ok(&b, line) == 0)
			cmd_exec(&c, line);
		line = nl ? nl + 1 : end;
	}
	fuzz_check(c.m, "the end of the stream");
	fuzz_budget_fini(&b);
	cmd_ctx_fini(&c);
	free(text);
	return 0;
}
