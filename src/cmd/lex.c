/*
 * lex.c - splitting a line of the command language into commands and words.
 *
 * The rules are a small subset of the shell's: blanks separate words, ';'
 * and newline separate commands, an unquoted '#' starts a comment that
 * runs to the end of the line, '...' quotes literally, "..." quotes with
 * backslash escaping '"' and '\', and an unquoted backslash quotes the next
 * character.  Every word is at most as long as its source text, so the
 * storage for all words never exceeds twice the line's length.
 *
 * `lua CHUNK` is the exception: its chunk is Lua, where ';', '#', quotes
 * and newlines mean something else, so after the word `lua` the rest of
 * the text (trailing blanks dropped) is its one argument.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

struct lexer {
	const char *s;
	size_t i, len;
	struct cmd_words *w;
	char *out;       /* write position in w->buf */
	int in_word;     /* a word has started (it may still be empty: '') */
	size_t word_end; /* source offset just past the current word */
	int cmd_open;    /* the current command has at least one word */
	size_t first;    /* argv index of the current command's first word */
};

/* the characters that are not simply part of a word: the blanks, ';',
 * newline, '#', the quotes and the backslash */
static const unsigned char special[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1,
	[';'] = 1, ['\n'] = 1, ['#'] = 1, ['\''] = 1, ['"'] = 1, ['\\'] = 1,
};

static void word_start(struct lexer *lx)
{
	struct cmd_words *w = lx->w;

	if (lx->in_word)
		return;
	lx->in_word = 1;
	if (!lx->cmd_open) {
		lx->cmd_open = 1;
		lx->first = w->nargv;
		w->src[w->ncmds].start = lx->i;
	}
	w->argv[w->nargv++] = lx->out;
}

static void word_end(struct lexer *lx)
{
	if (!lx->in_word)
		return;
	*lx->out++ = '\0';
	lx->in_word = 0;
	lx->w->src[lx->w->ncmds].end = lx->word_end;
}

static void cmd_end(struct lexer *lx)
{
	word_end(lx);
	if (!lx->cmd_open)
		return;
	lx->w->argv[lx->w->nargv++] = NULL;
	lx->w->ncmds++;
	lx->cmd_open = 0;
}

/* A quoted part starting at s[i] (the quote).  Returns 0, or -1 when the
 * line ends inside it. */
static int lex_quoted(struct lexer *lx)
{
	char q = lx->s[lx->i++];

	while (lx->i < lx->len && lx->s[lx->i] != q) {
		if (q == '"' && lx->s[lx->i] == '\\' && lx->i + 1 < lx->len &&
		    (lx->s[lx->i + 1] == '"' || lx->s[lx->i + 1] == '\\'))
			lx->i++;
		*lx->out++ = lx->s[lx->i++];
	}
	if (lx->i >= lx->len)
		return -1;
	lx->i++; /* the closing quote */
	return 0;
}

static void skip_comment(struct lexer *lx)
{
	while (lx->i < lx->len && lx->s[lx->i] != '\n')
		lx->i++;
}

/* the plain characters from s[i] on, in one go */
static void copy_plain(struct lexer *lx)
{
	const char *s = lx->s;
	size_t i = lx->i, n;

	while (i < lx->len && !special[(unsigned char)s[i]])
		i++;
	n = i - lx->i;
	memcpy(lx->out, s + lx->i, n);
	lx->out += n;
	lx->i = i;
}

/* One step at s[i].  Returns 0, or -1 for an unterminated quote. */
static int lex_step(struct lexer *lx)
{
	char ch = lx->s[lx->i];

	if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
		word_end(lx);
		lx->i++;
	} else if (ch == ';' || ch == '\n') {
		cmd_end(lx);
		lx->i++;
	} else if (ch == '#') {
		cmd_end(lx);
		skip_comment(lx);
	} else if (ch == '\'' || ch == '"') {
		word_start(lx);
		if (lex_quoted(lx) < 0)
			return -1;
		lx->word_end = lx->i;
	} else {
		word_start(lx);
		if (ch == '\\' && lx->i + 1 < lx->len)
			lx->i++;
		*lx->out++ = lx->s[lx->i++];
		copy_plain(lx);
		lx->word_end = lx->i;
	}
	return 0;
}

/* after "lua " the rest of the text is the chunk (see the top) */
static int lex_lua_chunk(struct lexer *lx)
{
	size_t end = lx->len;

	if (lx->in_word || !lx->cmd_open || lx->w->nargv != lx->first + 1 ||
	    strcmp(lx->w->argv[lx->first], "lua") != 0)
		return 0;
	while (lx->i < end && strchr(" \t\r\f\v", lx->s[lx->i]))
		lx->i++;
	while (end > lx->i && strchr(" \t\r\n\f\v", lx->s[end - 1]))
		end--;
	if (lx->i < end) {
		word_start(lx);
		memcpy(lx->out, lx->s + lx->i, end - lx->i);
		lx->out += end - lx->i;
		lx->word_end = end;
	}
	lx->i = lx->len;
	return 1;
}

/* argv, src and buf in one block: w->store for a short line, else malloc'ed */
static int words_alloc(struct cmd_words *w, size_t len)
{
	size_t nargv = 2 * len + 2, nsrc = len + 1;
	size_t bytes = nargv * sizeof(*w->argv) + nsrc * sizeof(*w->src) + nargv;
	char *block = bytes <= sizeof(w->store) ? w->store.bytes : malloc(bytes);

	w->nargv = w->ncmds = 0;
	w->argv = (char **)(void *)block;
	w->src = block ? (struct cmd_span *)(void *)(w->argv + nargv) : NULL;
	w->buf = block ? (char *)(w->src + nsrc) : NULL;
	return block ? 0 : -1;
}

int cmd_split(const char *line, struct cmd_words *w, int lenient, char *err,
	      size_t errlen)
{
	struct lexer lx = { .s = line, .len = strlen(line), .w = w };

	if (words_alloc(w, lx.len) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	lx.out = w->buf;
	while (lx.i < lx.len) {
		if (lex_lua_chunk(&lx))
			break;
		if (lex_step(&lx) == 0)
			continue;
		if (!lenient) {
			snprintf(err, errlen, "unterminated quote");
			return -1;
		}
		lx.word_end = lx.len;
	}
	cmd_end(&lx);
	return 0;
}

void cmd_words_free(struct cmd_words *w)
{
	if ((char *)(void *)w->argv != w->store.bytes)
		free(w->argv);
	w->buf = NULL;
	w->argv = NULL;
	w->src = NULL;
	w->nargv = w->ncmds = 0;
}
