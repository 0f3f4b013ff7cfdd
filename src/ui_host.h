/*
 * ui_host.h - what a script's `ui` module asks of whoever shows it: the
 * screen (src/tui) or headless mode (src/lua prints narration).  The Lua
 * host calls these; it never includes curses, and the screen never
 * includes Lua.  Every function returns 0, or -1 with one line in err.
 */
#ifndef MMSCOPE_UI_HOST_H
#define MMSCOPE_UI_HOST_H

#include <stddef.h>

struct ui_host {
	void *ud;
	int interactive; /* 1 in the screen: ui.pause and stepping yield */
	void (*say)(void *ud, const char *text);
	/* the prompt ui.pause shows while the script waits for a key */
	void (*pause_prompt)(void *ud, const char *prompt);
	int (*focus)(void *ud, const char *panel, char *err, size_t errlen);
	int (*highlight)(void *ud, unsigned long first, unsigned long last,
			 char *err, size_t errlen);
	int (*layout)(void *ud, const char *name, char *err, size_t errlen);
	int (*theme)(void *ud, const char *name, char *err, size_t errlen);
	/* key is a name as tui_key_by_name reads it ("F6", "x", "C-t"); when
	 * it is pressed the screen calls lhost_key(L, key) */
	int (*bind)(void *ud, const char *key, char *err, size_t errlen);
};

#endif
