/*
 * keys.h - key codes as panels see them: Unicode code points for
 * characters, and these values (above Unicode) for the rest.  term.c
 * translates curses' codes; panels never include curses.
 */
#ifndef MMSCOPE_TUI_KEYS_H
#define MMSCOPE_TUI_KEYS_H

enum tui_key {
	TK_NONE = 0,
	TK_CTRL_C = 3,
	TK_TAB = 9,
	TK_ENTER = 13,
	TK_ESC = 27,
	TK_BASE = 0x110000,
	TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
	TK_PGUP, TK_PGDN, TK_HOME, TK_END,
	TK_BTAB, TK_BACKSPACE, TK_DELETE, TK_INSERT,
	TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6,
	TK_F7, TK_F8, TK_F9, TK_F10, TK_F11, TK_F12,
	TK_SF11, /* shift-F11 */
	TK_RESIZE,
	TK_MOUSE,
};
/* "F5", "Enter", "Up", "a", "C-r", ... for the help overlay and ui.bind */
const char *tui_key_name(int key, char *buf, int len);
/* inverse of tui_key_name; TK_NONE if unknown */
int tui_key_by_name(const char *name);

#endif
