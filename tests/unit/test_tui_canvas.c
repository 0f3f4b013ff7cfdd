/*
 * test_tui_canvas.c - the cell grid: UTF-8 in, clipping at every edge,
 * wide characters kept whole, frames with titles, row text out, and the
 * key names that the help overlay and ui.bind share.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "canvas.h"
#include "keys.h"

static char row_buf[1024];

/* row y as text */
static const char *row(const struct canvas *cv, int y)
{
	canvas_row_text(cv, y, row_buf, sizeof(row_buf));
	return row_buf;
}

static int setup(void **state)
{
	static struct canvas cv;

	/* the program calls setlocale(LC_ALL, ""); tests need a UTF-8 one
	 * for wcwidth to know wide and box-drawing characters */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "en_US.UTF-8");
	if (canvas_init(&cv, 20, 6))
		return -1;
	*state = &cv;
	return 0;
}

static int teardown(void **state)
{
	canvas_free(*state);
	return 0;
}

static void test_init_blank(void **state)
{
	struct canvas *cv = *state;
	const struct cell *c;

	assert_int_equal(cv->w, 20);
	assert_int_equal(cv->h, 6);
	assert_int_equal(cv->cur_x, -1);
	assert_string_equal(row(cv, 0), "                    ");
	c = canvas_at(cv, 19, 5);
	assert_non_null(c);
	assert_int_equal(c->ch, ' ');
	assert_int_equal(c->role, ROLE_DEFAULT);
	assert_null(canvas_at(cv, 20, 0));
	assert_null(canvas_at(cv, 0, -1));
}

static void test_put_and_clip(void **state)
{
	struct canvas *cv = *state;

	canvas_clear(cv, ROLE_DEFAULT);
	assert_int_equal(canvas_put(cv, 2, 0, -1, ROLE_TITLE, "zones"), 5);
	assert_string_equal(row(cv, 0), "  zones             ");
	assert_int_equal(canvas_at(cv, 2, 0)->role, ROLE_TITLE);
	assert_int_equal(canvas_at(cv, 1, 0)->role, ROLE_DEFAULT);

	/* maxw cuts, the right edge cuts */
	assert_int_equal(canvas_put(cv, 0, 1, 3, ROLE_DEFAULT, "abcdef"), 3);
	assert_string_equal(row(cv, 1), "abc                 ");
	assert_int_equal(canvas_put(cv, 17, 2, -1, ROLE_DEFAULT, "abcdef"), 3);
	assert_string_equal(row(cv, 2), "                 abc");

	/* left of the canvas: the visible tail is drawn, the advance counts all */
	assert_int_equal(canvas_put(cv, -2, 3, -1, ROLE_DEFAULT, "abcd"), 4);
	assert_string_equal(row(cv, 3), "cd                  ");

	/* rows outside draw nothing */
	assert_int_equal(canvas_put(cv, 0, 6, -1, ROLE_DEFAULT, "x"), 0);
	assert_int_equal(canvas_put(cv, 0, -1, -1, ROLE_DEFAULT, "x"), 0);
	canvas_set(cv, 20, 0, 'x', ROLE_DEFAULT, 0);
	canvas_set(cv, -1, 0, 'x', ROLE_DEFAULT, 0);
	assert_string_equal(row(cv, 0), "  zones             ");
}

static void test_controls_and_bad_utf8(void **state)
{
	struct canvas *cv = *state;

	canvas_clear(cv, ROLE_DEFAULT);
	assert_int_equal(canvas_put(cv, 0, 0, -1, ROLE_DEFAULT, "a\tb\x01" "c"), 5);
	assert_string_equal(row(cv, 0), "a?b?c               ");
	/* a stray continuation byte, a truncated sequence, an overlong '/' */
	assert_int_equal(canvas_put(cv, 0, 1, -1, ROLE_DEFAULT, "x\x80y\xe2\x94z\xc0\xafw"), 7);
	assert_string_equal(row(cv, 1), "x?y?z?w             ");
	assert_int_equal(utf8_width("x\x80y\xe2\x94z\xc0\xafw"), 7);
	/* é is one column; a combining accent adds none and is dropped */
	assert_int_equal(canvas_put(cv, 0, 2, -1, ROLE_DEFAULT, "caf\xc3\xa9 e\xcc\x81"), 6);
	assert_string_equal(row(cv, 2), "caf\xc3\xa9 e              ");
	assert_int_equal(utf8_width("caf\xc3\xa9"), 4);
}

static void test_wide_chars(void **state)
{
	struct canvas *cv = *state;
	const char *mem = "\xe5\x86\x85\xe5\xad\x98"; /* 内存: two wide chars */

	canvas_clear(cv, ROLE_DEFAULT);
	assert_int_equal(utf8_width(mem), 4);
	assert_int_equal(canvas_put(cv, 1, 0, -1, ROLE_DEFAULT, mem), 4);
	assert_int_equal(canvas_at(cv, 1, 0)->ch, 0x5185);
	assert_int_equal(canvas_at(cv, 2, 0)->ch, 0);
	assert_int_equal(canvas_at(cv, 3, 0)->ch, 0x5b58);
	assert_string_equal(row(cv, 0), " \xe5\x86\x85\xe5\xad\x98               ");

	/* overwriting the right half blanks the left half, and vice versa */
	canvas_set(cv, 2, 0, 'x', ROLE_DEFAULT, 0);
	assert_string_equal(row(cv, 0), "  x\xe5\xad\x98               ");
	canvas_set(cv, 3, 0, 'y', ROLE_DEFAULT, 0);
	assert_string_equal(row(cv, 0), "  xy                ");

	/* a wide char that would hang over maxw or the edge is not drawn */
	assert_int_equal(canvas_put(cv, 0, 1, 3, ROLE_DEFAULT, mem), 2);
	assert_int_equal(canvas_put(cv, 19, 2, -1, ROLE_DEFAULT, mem), 0);
	assert_string_equal(row(cv, 2), "                    ");
	canvas_set(cv, 19, 3, 0x5185, ROLE_DEFAULT, 0);
	assert_int_equal(canvas_at(cv, 19, 3)->ch, ' ');
	/* starting one column left of the canvas: its right half is a blank */
	assert_int_equal(canvas_put(cv, -1, 4, -1, ROLE_DEFAULT, mem), 4);
	assert_string_equal(row(cv, 4), " \xe5\xad\x98                 ");
}

static void test_printf_and_recolor(void **state)
{
	struct canvas *cv = *state;
	char big[700];

	canvas_clear(cv, ROLE_DEFAULT);
	assert_int_equal(canvas_printf(cv, 0, 0, -1, ROLE_HEADER, "order %d: %lu",
				       3, 12UL), 11);
	assert_string_equal(row(cv, 0), "order 3: 12         ");
	assert_int_equal(canvas_at(cv, 10, 0)->role, ROLE_HEADER);
	/* longer than printf's first buffer */
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(canvas_printf(cv, 0, 1, 5, ROLE_DEFAULT, "%s!", big), 5);
	assert_string_equal(row(cv, 1), "qqqqq               ");

	canvas_recolor(cv, (struct rect){ 6, 0, 100, 1 }, ROLE_HIGHLIGHT, CELL_BOLD);
	assert_int_equal(canvas_at(cv, 5, 0)->role, ROLE_HEADER);
	assert_int_equal(canvas_at(cv, 6, 0)->role, ROLE_HIGHLIGHT);
	assert_int_equal(canvas_at(cv, 19, 0)->attr, CELL_BOLD);
	assert_int_equal(canvas_at(cv, 6, 0)->ch, '3'); /* text untouched */

	canvas_fill(cv, (struct rect){ -3, 4, 5, 9 }, '#', ROLE_DIM);
	assert_string_equal(row(cv, 4), "##                  ");
	assert_string_equal(row(cv, 5), "##                  ");
	assert_int_equal(canvas_put_attr(cv, 4, 5, -1, ROLE_ERROR, CELL_UNDERLINE, "e"), 1);
	assert_int_equal(canvas_at(cv, 4, 5)->attr, CELL_UNDERLINE);
}

static void test_box(void **state)
{
	struct canvas *cv = *state;
	struct rect r = { 1, 1, 12, 4 }, in = rect_inner(r);

	canvas_clear(cv, ROLE_DEFAULT);
	canvas_box(cv, r, "free_area", 0);
	assert_string_equal(row(cv, 0), "                    ");
	assert_string_equal(row(cv, 1), " ┌─ free_a ─┐       ");
	assert_string_equal(row(cv, 2), " │          │       ");
	assert_string_equal(row(cv, 4), " └──────────┘       ");
	assert_int_equal(canvas_at(cv, 1, 1)->role, ROLE_BORDER);
	assert_int_equal(canvas_at(cv, 4, 1)->role, ROLE_TITLE);
	assert_int_equal(canvas_at(cv, 4, 1)->attr, 0);
	assert_int_equal(in.x, 2);
	assert_int_equal(in.y, 2);
	assert_int_equal(in.w, 10);
	assert_int_equal(in.h, 2);

	canvas_box(cv, (struct rect){ 14, 0, 6, 3 }, "slab", 1);
	assert_string_equal(row(cv, 0), "              ┌────┐");
	assert_int_equal(canvas_at(cv, 14, 0)->role, ROLE_BORDER_FOCUS);
	/* hanging off the canvas: the visible part is drawn */
	canvas_box(cv, (struct rect){ 17, 4, 10, 10 }, "zones", 1);
	assert_string_equal(row(cv, 4), " └──────────┘    ┌─ ");
	assert_string_equal(row(cv, 5), "                 │  ");
	/* too small for a frame: nothing */
	canvas_clear(cv, ROLE_DEFAULT);
	canvas_box(cv, (struct rect){ 0, 0, 1, 5 }, "x", 0);
	assert_string_equal(row(cv, 0), "                    ");
	in = rect_inner((struct rect){ 0, 0, 1, 1 });
	assert_int_equal(in.w, 0);
	assert_int_equal(in.h, 0);
}

static void test_row_text_truncates(void **state)
{
	struct canvas *cv = *state;
	char buf[8];

	canvas_clear(cv, ROLE_DEFAULT);
	canvas_put(cv, 0, 0, -1, ROLE_DEFAULT, "ab\xe2\x94\x80\xe2\x94\x80");
	/* "ab─" is 5 bytes; the next ─ would need 8 with the NUL */
	assert_int_equal(canvas_row_text(cv, 0, buf, sizeof(buf)), 5);
	assert_string_equal(buf, "ab\xe2\x94\x80");
	assert_int_equal(canvas_row_text(cv, 9, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

static void test_resize(void **state)
{
	struct canvas *cv = *state;

	canvas_put(cv, 0, 0, -1, ROLE_DEFAULT, "old");
	cv->cur_x = 3;
	assert_int_equal(canvas_resize(cv, 30, 2), 0);
	assert_int_equal(cv->w, 30);
	assert_int_equal(cv->h, 2);
	assert_int_equal(cv->cur_x, -1);
	assert_string_equal(row(cv, 0), "                              ");
	assert_int_equal(canvas_resize(cv, -1, 2), -1);
	assert_int_equal(cv->w, 30);
	assert_int_equal(canvas_resize(cv, 20, 6), 0);
}

static void assert_key(int key, const char *name)
{
	char buf[32];

	assert_string_equal(tui_key_name(key, buf, sizeof(buf)), name);
	assert_int_equal(tui_key_by_name(name), key);
}

static void test_key_names(void **state)
{
	char buf[32];

	(void)state;
	assert_key(TK_F1, "F1");
	assert_key(TK_F12, "F12");
	assert_key(TK_SF11, "S-F11");
	assert_key(TK_UP, "Up");
	assert_key(TK_PGDN, "PgDn");
	assert_key(TK_HOME, "Home");
	assert_key(TK_ENTER, "Enter");
	assert_key(TK_TAB, "Tab");
	assert_key(TK_BTAB, "S-Tab");
	assert_key(TK_ESC, "Esc");
	assert_key(TK_BACKSPACE, "Backspace");
	assert_key(TK_DELETE, "Delete");
	assert_key(' ', "Space");
	assert_key(1, "C-a");
	assert_key(18, "C-r");
	assert_key(26, "C-z");
	assert_key('a', "a");
	assert_key('?', "?");
	assert_key(0xe9, "\xc3\xa9");
	/* lenient reading */
	assert_int_equal(tui_key_by_name("pgup"), TK_PGUP);
	assert_int_equal(tui_key_by_name("C-T"), 20);
	assert_int_equal(tui_key_by_name("f5"), TK_F5);
	/* not keys */
	assert_int_equal(tui_key_by_name("F13"), TK_NONE);
	assert_int_equal(tui_key_by_name("F0"), TK_NONE);
	assert_int_equal(tui_key_by_name("C-1"), TK_NONE);
	assert_int_equal(tui_key_by_name("Hyper"), TK_NONE);
	assert_int_equal(tui_key_by_name(""), TK_NONE);
	assert_int_equal(tui_key_by_name("ab"), TK_NONE);
	/* an unnamed code still gets a name, and a small buffer is respected */
	assert_string_equal(tui_key_name(0x1f, buf, sizeof(buf)), "key-0x1f");
	assert_string_equal(tui_key_name(TK_BACKSPACE, buf, 4), "Bac");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_blank),
		cmocka_unit_test(test_put_and_clip),
		cmocka_unit_test(test_controls_and_bad_utf8),
		cmocka_unit_test(test_wide_chars),
		cmocka_unit_test(test_printf_and_recolor),
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_row_text_truncates),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_key_names),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
