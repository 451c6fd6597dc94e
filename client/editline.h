/* A one-line text editor for UTF-8 text: what the command line and the
 * join form's fields are typed in. Pure: keys in, text out. */
#ifndef AANDESLAG_EDITLINE_H
#define AANDESLAG_EDITLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Bytes a line may hold (a note is at most 1000 bytes; room for a
 * command word and options). */
#define EDITLINE_MAX 2048

struct editline {
	char text[EDITLINE_MAX + 1];    /* UTF-8, NUL-terminated */
	size_t len;                     /* bytes */
	size_t cursor;                  /* byte offset, on a character start */
};

/* Empties the line. */
void editline_clear(struct editline *e);

/* Replaces the text with s (cut at a character boundary to fit) and puts
 * the cursor at its end. */
void editline_set(struct editline *e, const char *s);

/* Inserts one character at the cursor. Control characters (below U+0020,
 * DEL, C1) are not inserted. Returns 0, or -ENOSPC when it does not fit
 * (the line is then unchanged), or -EINVAL for a character that is not
 * inserted. */
int editline_insert(struct editline *e, wchar_t c);

/* Inserts pasted UTF-8 text at the cursor: line breaks and tabs become
 * spaces, other control characters and invalid bytes are dropped. Inserts
 * as much as fits; returns 0, or -ENOSPC when some was cut. */
int editline_paste(struct editline *e, const char *s, size_t len);

/* Cursor movement by characters and to the ends; word movement skips to
 * the start of the previous or next word. */
void editline_left(struct editline *e);
void editline_right(struct editline *e);
void editline_home(struct editline *e);
void editline_end(struct editline *e);
void editline_word_left(struct editline *e);
void editline_word_right(struct editline *e);

/* Deletes the character before the cursor (a whole multibyte character)
 * or under it. */
void editline_backspace(struct editline *e);
void editline_delete(struct editline *e);

/* Deletes from the cursor to the end, or the word before the cursor. */
void editline_kill_end(struct editline *e);
void editline_kill_word(struct editline *e);

/* Returns the display width (terminal columns, by wcwidth) of the first
 * n bytes of the text; wide characters count 2, unprintable ones 1. */
int editline_width(const struct editline *e, size_t n);

/* Returns the byte offset at which to start showing the line in a field
 * of cols columns so that the cursor is visible, keeping the view stable:
 * start is where the view began last time. */
size_t editline_scroll(const struct editline *e, size_t start, int cols);

#endif
