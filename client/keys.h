/* Keys of the full-screen client. */
#ifndef AANDESLAG_KEYS_H
#define AANDESLAG_KEYS_H

#include "tui.h"

/* Our own key codes for the start and end of a bracketed paste, defined
 * with define_key() when curses starts. */
#define KEYS_PASTE_START (KEY_MAX + 1)
#define KEYS_PASTE_END (KEY_MAX + 2)

/* Handles one key as wget_wch() gave it: type OK for a character,
 * KEY_CODE_YES for a function key. */
void keys_handle(struct tui *t, int type, wint_t key);

/* Returns whether a key (as wget_wch() gave it) is Enter, from either
 * the main keys or the keypad. */
bool keys_is_enter(int type, wint_t key);

/* The file an export asked for as wanted goes to: wanted itself, or in
 * an SSH session a place under the downloads directory (path, size
 * bytes), its fetch command kept for keys_export_written(). Returns the
 * path, or NULL with the reason on the message line. */
const char *keys_export_target(struct tui *t, const char *wanted, char *path,
                               size_t size);

/* After an export was written: in an SSH session, replaces msg (size
 * bytes) with the command that fetches the file to the user's laptop. */
void keys_export_written(struct tui *t, char *msg, size_t size);

/* Makes lang (LANG_DUTCH or LANG_ENGLISH) the language of the screen,
 * which is drawn again in it, and says so on the message line (or that
 * English is not available). F2 anywhere, L where no text is typed, and
 * "lang en" switch. */
void keys_language(struct tui *t, const char *lang);

/* Opens the command line with start (a command word) already typed. */
void keys_prompt(struct tui *t, const char *start);

/* Scrolls the page on the screen (the step's, or the help) by lines,
 * within its length. */
void keys_scroll(struct tui *t, int lines);

#endif
