/* The one-line UTF-8 editor behind the command line and the join form:
 * byte-level edits that never split a character, and the widths and
 * scrolling the drawing code needs. No terminal, no locale encoding. */

/* wcwidth() is X/Open, not C11; it must be asked for before any header
 * (the curses flags from pkg-config may have asked already). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "editline.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/*
 * What every function keeps true, so that the others may rely on it: the
 * text is valid UTF-8 without control characters (insert refuses them,
 * paste and set filter them), text[len] is NUL and the cursor is on the
 * first byte of a character or at len.
 *
 * Word movement follows readline (and so bash, the shell the participants
 * know): a word is a run of non-spaces. word_left (Alt-b, backward-word)
 * goes to the start of the word the cursor is in or, from its start or
 * from spaces, of the previous word; word_right (Alt-f, forward-word)
 * goes to the end of the word the cursor is in or, from its end or from
 * spaces, of the next word. kill_word is Ctrl-W (unix-word-rubout): it
 * deletes what word_left would move over. Since a space is one byte and
 * no byte of a multibyte character is 0x20, scanning bytes for spaces
 * always stops on a character boundary.
 */

/* An encoded character is at most this long. */
#define UTF8_MAX 4

static bool
is_continuation(unsigned char b)
{
	return (b & 0xc0) == 0x80;
}

/* Controls are what insert refuses and paste drops: C0, DEL and C1. They
 * would move the terminal's cursor or change its state when drawn. */
static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* Encodes cp into out; returns its length, or 0 for what is not a Unicode
 * scalar value (surrogates, beyond U+10FFFF). Done by hand rather than by
 * wcrtomb() so that the text is UTF-8 whatever the locale. */
static size_t
utf8_encode(uint32_t cp, char out[UTF8_MAX])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp <= 0x10ffff) {
		out[0] = (char)(0xf0 | cp >> 18);
		out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

/* Decodes the character at s (n > 0 bytes available) into *cp; returns
 * its length, or 0 when s does not start a valid character: a stray
 * continuation byte, an overlong form, a surrogate, beyond U+10FFFF or
 * cut short. Strict, because pasted bytes come from anywhere. */
static size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i;
	uint32_t c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if (!is_continuation(p[i]))
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* The byte offset of the character before offset i (i > 0). */
static size_t
prev_char(const struct editline *e, size_t i)
{
	do
		i--;
	while (i > 0 && is_continuation((unsigned char)e->text[i]));
	return i;
}

/* The byte offset of the character after offset i (i < len). */
static size_t
next_char(const struct editline *e, size_t i)
{
	do
		i++;
	while (i < e->len && is_continuation((unsigned char)e->text[i]));
	return i;
}

/* The columns of the character at offset i, and its length in *len. */
static int
char_width(const struct editline *e, size_t i, size_t *len)
{
	uint32_t cp;
	int w;

	*len = utf8_decode(e->text + i, e->len - i, &cp);
	/* A byte that is not UTF-8 cannot be in the text by the rules
	 * above, but the struct is open; it would be drawn as one cell. */
	if (*len == 0) {
		*len = 1;
		return 1;
	}
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* The columns of the characters wholly within bytes [from, to). */
static int
width_between(const struct editline *e, size_t from, size_t to)
{
	size_t len;
	int w = 0, cw;

	if (to > e->len)
		to = e->len;
	while (from < to) {
		cw = char_width(e, from, &len);
		if (from + len > to)
			break;
		w += cw;
		from += len;
	}
	return w;
}

/* Removes bytes [from, to) and puts the cursor at from. */
static void
cut(struct editline *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
}

/* Opens room for n bytes at the cursor, copies them in and moves the
 * cursor past them; the caller has checked that they fit. */
static void
put(struct editline *e, const char *s, size_t n)
{
	memmove(e->text + e->cursor + n, e->text + e->cursor,
	        e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, s, n);
	e->len += n;
	e->cursor += n;
}

void
editline_clear(struct editline *e)
{
	e->text[0] = '\0';
	e->len = 0;
	e->cursor = 0;
}

/* Goes through paste so that the invariant holds for any string, e.g. a
 * command recalled from elsewhere; for a clean string that fits it is a
 * plain copy. */
void
editline_set(struct editline *e, const char *s)
{
	editline_clear(e);
	(void)editline_paste(e, s, strlen(s));
}

int
editline_insert(struct editline *e, wchar_t c)
{
	char buf[UTF8_MAX];
	size_t n;

	/* wchar_t is signed on Linux: a negative one is no character. */
	if (c < 0 || is_control((uint32_t)c))
		return -EINVAL;
	n = utf8_encode((uint32_t)c, buf);
	if (n == 0)
		return -EINVAL;
	if (e->len + n > EDITLINE_MAX)
		return -ENOSPC;
	put(e, buf, n);
	return 0;
}

int
editline_paste(struct editline *e, const char *s, size_t len)
{
	char buf[EDITLINE_MAX];
	size_t room = EDITLINE_MAX - e->len, n = 0, i = 0, clen;
	uint32_t cp;
	int rc = 0;

	/* Filtered into a buffer first, then put in with one move, so that a
	 * long paste is not a move per character. */
	while (i < len) {
		clen = utf8_decode(s + i, len - i, &cp);
		if (clen == 0) {
			/* Skip one byte: what follows may be valid again. */
			i++;
			continue;
		}
		i += clen;
		if (cp == '\r' || cp == '\n' || cp == '\t') {
			/* A Windows line end is one break, not two spaces. */
			if (cp == '\r' && i < len && s[i] == '\n')
				i++;
			cp = ' ';
			clen = 1;
		} else if (is_control(cp)) {
			continue;
		}
		if (clen > room - n) {
			/* Stop at the first character that does not fit:
			 * skipping it for a shorter one would scramble the
			 * text. */
			rc = -ENOSPC;
			break;
		}
		n += utf8_encode(cp, buf + n);
	}
	put(e, buf, n);
	return rc;
}

void
editline_left(struct editline *e)
{
	if (e->cursor > 0)
		e->cursor = prev_char(e, e->cursor);
}

void
editline_right(struct editline *e)
{
	if (e->cursor < e->len)
		e->cursor = next_char(e, e->cursor);
}

void
editline_home(struct editline *e)
{
	e->cursor = 0;
}

void
editline_end(struct editline *e)
{
	e->cursor = e->len;
}

/* Where backward-word lands from the cursor: over spaces, then over the
 * word (see the rules at the top). */
static size_t
word_start(const struct editline *e)
{
	size_t i = e->cursor;

	while (i > 0 && e->text[i - 1] == ' ')
		i--;
	while (i > 0 && e->text[i - 1] != ' ')
		i--;
	return i;
}

void
editline_word_left(struct editline *e)
{
	e->cursor = word_start(e);
}

void
editline_word_right(struct editline *e)
{
	size_t i = e->cursor;

	while (i < e->len && e->text[i] == ' ')
		i++;
	while (i < e->len && e->text[i] != ' ')
		i++;
	e->cursor = i;
}

void
editline_backspace(struct editline *e)
{
	if (e->cursor > 0)
		cut(e, prev_char(e, e->cursor), e->cursor);
}

void
editline_delete(struct editline *e)
{
	if (e->cursor < e->len)
		cut(e, e->cursor, next_char(e, e->cursor));
}

void
editline_kill_end(struct editline *e)
{
	e->len = e->cursor;
	e->text[e->len] = '\0';
}

void
editline_kill_word(struct editline *e)
{
	cut(e, word_start(e), e->cursor);
}

/* A character that is cut off by n is not counted: n is meant to be a
 * character boundary, and half a character has no width. */
int
editline_width(const struct editline *e, size_t n)
{
	return width_between(e, 0, n);
}

/*
 * The cursor's column is the width from start to the cursor; it must be
 * in [0, cols - 1], so that at the end of the line there is a cell for
 * it. The view only moves when it must: left to the cursor when the
 * cursor went before it, right just far enough when the cursor went past
 * it. And when the text from start on no longer fills the field (text
 * was deleted at the end), it moves back left as far as the text then
 * fits, so that no hidden text sits beside empty cells.
 */
size_t
editline_scroll(const struct editline *e, size_t start, int cols)
{
	size_t len, prev;
	int w, cw;

	if (cols <= 1)
		return e->cursor;
	if (start >= e->cursor)
		start = e->cursor;
	else
		while (start > 0 &&
		       is_continuation((unsigned char)e->text[start]))
			start--;

	w = width_between(e, start, e->cursor);
	while (w > cols - 1) {
		w -= char_width(e, start, &len);
		start += len;
	}

	w = width_between(e, start, e->len);
	while (start > 0) {
		prev = prev_char(e, start);
		cw = width_between(e, prev, start);
		if (w + cw > cols - 1)
			break;
		w += cw;
		start = prev;
	}
	return start;
}
