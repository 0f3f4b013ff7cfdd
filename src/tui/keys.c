/*
 * keys.c - key names, for the help overlay and for ui.bind("F6", ...).
 *
 * A name is what a person would write: "F5", "S-F11", "Up", "PgDn",
 * "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Delete", "Space", "C-r"
 * for a control character, and any other printable character as itself
 * ("a", "?", "é").  tui_key_by_name reads back exactly what
 * tui_key_name writes, and is lenient about case in the word names
 * ("pgdn", "c-R") where that cannot change the meaning.
 */
#include "keys.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canvas.h"

static const struct {
	int key;
	const char *name;
} key_names[] = {
	{ TK_UP, "Up" },
	{ TK_DOWN, "Down" },
	{ TK_LEFT, "Left" },
	{ TK_RIGHT, "Right" },
	{ TK_PGUP, "PgUp" },
	{ TK_PGDN, "PgDn" },
	{ TK_HOME, "Home" },
	{ TK_END, "End" },
	{ TK_BTAB, "S-Tab" },
	{ TK_BACKSPACE, "Backspace" },
	{ TK_DELETE, "Delete" },
	{ TK_INSERT, "Insert" },
	{ TK_SF11, "S-F11" },
	{ TK_RESIZE, "Resize" },
	{ TK_MOUSE, "Mouse" },
	{ TK_ENTER, "Enter" },
	{ TK_TAB, "Tab" },
	{ TK_ESC, "Esc" },
	{ ' ', "Space" },
	{ 127, "Backspace" }, /* DEL: what most terminals send for it */
};
#define NR_KEY_NAMES (int)(sizeof(key_names) / sizeof(key_names[0]))

/* a code point a key name may be: not a control, not a surrogate */
static int printable(int key)
{
	return key > 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) &&
	       !(key >= 0xd800 && key <= 0xdfff) && key < 0x110000;
}

const char *tui_key_name(int key, char *buf, int len)
{
	int i;

	if (!buf || len <= 0)
		return "";
	for (i = 0; i < NR_KEY_NAMES; i++) {
		if (key_names[i].key == key) {
			snprintf(buf, (size_t)len, "%s", key_names[i].name);
			return buf;
		}
	}
	if (key >= TK_F1 && key <= TK_F12)
		snprintf(buf, (size_t)len, "F%d", key - TK_F1 + 1);
	else if (key >= 1 && key <= 26)
		snprintf(buf, (size_t)len, "C-%c", 'a' + key - 1);
	else if (printable(key) && len > 4) {
		char enc[5] = { 0 };

		utf8_put((uint32_t)key, enc);
		snprintf(buf, (size_t)len, "%s", enc);
	} else
		snprintf(buf, (size_t)len, "key-%#x", (unsigned int)key);
	return buf;
}

/* one UTF-8 character making up the whole of s, or -1 */
static int single_char(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int n, cp, i;

	if (p[0] < 0x80)
		return p[0] && !p[1] ? p[0] : -1;
	if ((p[0] & 0xe0) == 0xc0)
		n = 2, cp = p[0] & 0x1f;
	else if ((p[0] & 0xf0) == 0xe0)
		n = 3, cp = p[0] & 0x0f;
	else if ((p[0] & 0xf8) == 0xf0)
		n = 4, cp = p[0] & 0x07;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	return p[n] ? -1 : cp;
}

int tui_key_by_name(const char *name)
{
	int i, cp;
	char *end;
	long n;

	if (!name || !*name)
		return TK_NONE;
	cp = single_char(name);
	if (cp >= 0)
		return printable(cp) ? cp : TK_NONE;
	for (i = 0; i < NR_KEY_NAMES; i++)
		if (!strcasecmp(key_names[i].name, name))
			return key_names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		n = strtol(name + 1, &end, 10);
		return !*end && n >= 1 && n <= 12 ? TK_F1 + (int)n - 1 : TK_NONE;
	}
	/* C-a .. C-z; "C-A" means the same, a terminal cannot tell them apart */
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
		char c = name[2] | 0x20;

		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
	}
	return TK_NONE;
}
