/* Tests for editline.c: UTF-8 insertion and deletion by whole characters,
 * cursor and word movement, refusals, full lines, paste filtering, widths
 * and scrolling. */
#include "check.h"

#include "editline.h"

#include <errno.h>
#include <locale.h>

/* wcwidth() follows LC_CTYPE; the widths below are those of C.UTF-8. */
static void
setup(struct editline *e)
{
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL);
	editline_clear(e);
}

/* Inserts each character of s, all of which must go in. */
static void
insert_all(struct editline *e, const wchar_t *s)
{
	for (; *s != L'\0'; s++)
		CHECK_INT(editline_insert(e, *s), ==, 0);
}

/* Checks that the struct is consistent: length, terminator, and a cursor
 * on a character start. */
static void
check_sane(const struct editline *e)
{
	CHECK_UINT(strlen(e->text), ==, e->len);
	CHECK_UINT(e->len, <=, EDITLINE_MAX);
	CHECK_UINT(e->cursor, <=, e->len);
	CHECK((e->text[e->cursor] & 0xc0) != 0x80);
}

static void
fill(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
}

static void
test_insert_ascii(void)
{
	struct editline e;

	setup(&e);
	CHECK_STR(e.text, "");
	insert_all(&e, L"abc");
	CHECK_STR(e.text, "abc");
	CHECK_UINT(e.len, ==, 3);
	CHECK_UINT(e.cursor, ==, 3);
	CHECK_INT(editline_insert(&e, L' '), ==, 0);
	CHECK_INT(editline_insert(&e, L'~'), ==, 0);
	CHECK_STR(e.text, "abc ~");
	editline_clear(&e);
	CHECK_STR(e.text, "");
	CHECK_UINT(e.len, ==, 0);
	CHECK_UINT(e.cursor, ==, 0);
}

static void
test_insert_multibyte(void)
{
	struct editline e;

	setup(&e);
	CHECK_INT(editline_insert(&e, (wchar_t)0xe9), ==, 0);
	CHECK_STR(e.text, "\xc3\xa9");
	CHECK_UINT(e.cursor, ==, 2);
	CHECK_INT(editline_insert(&e, (wchar_t)0x20ac), ==, 0);
	CHECK_STR(e.text, "\xc3\xa9\xe2\x82\xac");
	CHECK_UINT(e.cursor, ==, 5);
	CHECK_INT(editline_insert(&e, (wchar_t)0x1f600), ==, 0);
	CHECK_STR(e.text, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	CHECK_UINT(e.len, ==, 9);
	CHECK_UINT(e.cursor, ==, 9);
	CHECK_STR(e.text, "é€😀");

	/* The edges of each length. */
	editline_clear(&e);
	insert_all(&e, L"\u00a0\u07ff\u0800\uffff\U00010000\U0010ffff");
	CHECK_STR(e.text, "\xc2\xa0\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf"
	                  "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");

	/* Dutch diacritics, typed in the middle. */
	editline_set(&e, "coordinatie");
	editline_home(&e);
	editline_right(&e);
	editline_right(&e);
	editline_delete(&e);
	CHECK_INT(editline_insert(&e, (wchar_t)0xf6), ==, 0);
	CHECK_STR(e.text, "coördinatie");
	CHECK_UINT(e.cursor, ==, 4);
	check_sane(&e);
}

static void
test_insert_refused(void)
{
	static const long bad[] = {
		0x00, 0x01, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f,
		0x80, 0x85, 0x9b, 0x9f,                 /* C1 */
		0xd800, 0xdbff, 0xdc00, 0xdfff,         /* surrogates */
		0x110000, 0x7fffffff, -1,
	};
	struct editline e;
	size_t i;

	setup(&e);
	editline_set(&e, "ab");
	editline_left(&e);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (editline_insert(&e, (wchar_t)bad[i]) != -EINVAL)
			CHECK_FAIL("U+%04lX was not refused", bad[i]);
		CHECK_STR(e.text, "ab");
		CHECK_UINT(e.len, ==, 2);
		CHECK_UINT(e.cursor, ==, 1);
	}
	/* The first printable ones after the controls are fine. */
	CHECK_INT(editline_insert(&e, (wchar_t)0x20), ==, 0);
	CHECK_INT(editline_insert(&e, (wchar_t)0xa0), ==, 0);
	CHECK_STR(e.text, "a \xc2\xa0" "b");
}

static void
test_cursor_moves(void)
{
	static const size_t at[] = { 0, 1, 3, 6, 10, 11 };
	struct editline e;
	size_t i;

	setup(&e);
	insert_all(&e, L"a\u00e9\u20ac\U0001F600b");
	CHECK_STR(e.text, "aé€😀b");
	CHECK_UINT(e.len, ==, 11);
	editline_home(&e);
	CHECK_UINT(e.cursor, ==, 0);
	editline_left(&e);
	CHECK_UINT(e.cursor, ==, 0);
	for (i = 1; i < sizeof at / sizeof at[0]; i++) {
		editline_right(&e);
		CHECK_UINT(e.cursor, ==, at[i]);
	}
	editline_right(&e);
	CHECK_UINT(e.cursor, ==, 11);
	for (i = sizeof at / sizeof at[0] - 1; i-- > 0;) {
		editline_left(&e);
		CHECK_UINT(e.cursor, ==, at[i]);
	}
	editline_end(&e);
	CHECK_UINT(e.cursor, ==, 11);
	editline_home(&e);
	CHECK_UINT(e.cursor, ==, 0);

	/* Inserting between two multibyte characters. */
	editline_right(&e);
	editline_right(&e);
	editline_right(&e);
	CHECK_INT(editline_insert(&e, L'x'), ==, 0);
	CHECK_STR(e.text, "aé€x😀b");
	CHECK_UINT(e.cursor, ==, 7);
	check_sane(&e);
}

static void
test_backspace(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "café");
	CHECK_UINT(e.len, ==, 5);
	editline_backspace(&e);
	CHECK_STR(e.text, "caf");
	CHECK_UINT(e.len, ==, 3);
	CHECK_UINT(e.cursor, ==, 3);

	editline_set(&e, "a😀€b");
	editline_left(&e);
	editline_backspace(&e);
	CHECK_STR(e.text, "a😀b");
	CHECK_UINT(e.cursor, ==, 5);
	editline_backspace(&e);
	CHECK_STR(e.text, "ab");
	CHECK_UINT(e.cursor, ==, 1);
	editline_backspace(&e);
	CHECK_STR(e.text, "b");
	CHECK_UINT(e.cursor, ==, 0);
	editline_backspace(&e);
	CHECK_STR(e.text, "b");
	CHECK_UINT(e.cursor, ==, 0);
	check_sane(&e);
}

static void
test_delete(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "één€x");
	editline_home(&e);
	editline_right(&e);
	editline_delete(&e);
	CHECK_STR(e.text, "én€x");
	CHECK_UINT(e.cursor, ==, 2);
	editline_right(&e);
	editline_delete(&e);
	CHECK_STR(e.text, "énx");
	CHECK_UINT(e.cursor, ==, 3);
	editline_delete(&e);
	CHECK_STR(e.text, "én");
	CHECK_UINT(e.cursor, ==, 3);
	/* At the end there is nothing under the cursor. */
	editline_delete(&e);
	CHECK_STR(e.text, "én");
	CHECK_UINT(e.len, ==, 3);
	editline_home(&e);
	editline_delete(&e);
	editline_delete(&e);
	CHECK_STR(e.text, "");
	editline_delete(&e);
	CHECK_STR(e.text, "");
	check_sane(&e);
}

static void
test_home_end(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "ruïne");
	CHECK_UINT(e.cursor, ==, 6);
	editline_home(&e);
	CHECK_UINT(e.cursor, ==, 0);
	CHECK_INT(editline_insert(&e, L'>'), ==, 0);
	editline_end(&e);
	CHECK_UINT(e.cursor, ==, 7);
	CHECK_INT(editline_insert(&e, L'<'), ==, 0);
	CHECK_STR(e.text, ">ruïne<");

	editline_clear(&e);
	editline_home(&e);
	editline_end(&e);
	CHECK_UINT(e.cursor, ==, 0);
}

/* "note  Ik heb een  idee": words start at 0, 6, 9, 13, 18 and end at
 * 4, 8, 12, 16, 22 (the length). */
static const char words[] = "note  Ik heb een  idee";

static void
test_word_left(void)
{
	static const size_t stops[] = { 18, 13, 9, 6, 0, 0 };
	struct editline e;
	size_t i;

	setup(&e);
	editline_set(&e, words);
	CHECK_UINT(e.cursor, ==, 22);
	for (i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		editline_word_left(&e);
		CHECK_UINT(e.cursor, ==, stops[i]);
	}
	/* From inside a word: its start. */
	e.cursor = 15;
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 13);
	/* From the spaces after a word: that word's start. */
	e.cursor = 17;
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 13);
	e.cursor = 5;
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 0);
}

static void
test_word_right(void)
{
	static const size_t stops[] = { 4, 8, 12, 16, 22, 22 };
	struct editline e;
	size_t i;

	setup(&e);
	editline_set(&e, words);
	editline_home(&e);
	for (i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		editline_word_right(&e);
		CHECK_UINT(e.cursor, ==, stops[i]);
	}
	/* From inside a word: its end. */
	e.cursor = 10;
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 12);
	/* From spaces: the end of the next word. */
	e.cursor = 5;
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 8);
	e.cursor = 16;
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 22);
}

static void
test_word_multibyte(void)
{
	struct editline e;

	setup(&e);
	/* é and € are two and three bytes: the stops are character starts. */
	editline_set(&e, "één café €5");
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 12);
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 6);
	editline_word_left(&e);
	CHECK_UINT(e.cursor, ==, 0);
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 5);
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 11);
	editline_word_right(&e);
	CHECK_UINT(e.cursor, ==, 16);
	check_sane(&e);
}

static void
test_kill_word(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, words);
	editline_kill_word(&e);
	CHECK_STR(e.text, "note  Ik heb een  ");
	CHECK_UINT(e.cursor, ==, 18);
	/* Like Ctrl-W: the spaces before the cursor go with the word. */
	editline_kill_word(&e);
	CHECK_STR(e.text, "note  Ik heb ");
	CHECK_UINT(e.cursor, ==, 13);

	/* In the middle: only what is before the cursor. */
	editline_set(&e, words);
	e.cursor = 16;
	editline_kill_word(&e);
	CHECK_STR(e.text, "note  Ik heb   idee");
	CHECK_UINT(e.cursor, ==, 13);
	e.cursor = 11;
	editline_kill_word(&e);
	CHECK_STR(e.text, "note  Ik b   idee");
	CHECK_UINT(e.cursor, ==, 9);
	e.cursor = 17;
	editline_kill_word(&e);
	CHECK_STR(e.text, "note  Ik b   ");
	CHECK_UINT(e.cursor, ==, 13);

	/* Only spaces before the cursor, and nothing at all. */
	editline_set(&e, "   x");
	editline_left(&e);
	editline_kill_word(&e);
	CHECK_STR(e.text, "x");
	CHECK_UINT(e.cursor, ==, 0);
	editline_kill_word(&e);
	CHECK_STR(e.text, "x");

	editline_set(&e, "idee coördinatie");
	editline_kill_word(&e);
	CHECK_STR(e.text, "idee ");
	check_sane(&e);
}

static void
test_kill_end(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "Ik heb één idee");
	editline_word_left(&e);
	editline_word_left(&e);
	editline_kill_end(&e);
	CHECK_STR(e.text, "Ik heb ");
	CHECK_UINT(e.len, ==, 7);
	CHECK_UINT(e.cursor, ==, 7);
	editline_kill_end(&e);
	CHECK_STR(e.text, "Ik heb ");
	editline_home(&e);
	editline_kill_end(&e);
	CHECK_STR(e.text, "");
	CHECK_UINT(e.len, ==, 0);
}

static void
test_full(void)
{
	static const long wide[] = { 0xe9, 0x20ac, 0x1f600 };
	char buf[EDITLINE_MAX + 1];
	struct editline e;
	size_t i, n;

	setup(&e);
	fill(buf, 'a', EDITLINE_MAX);
	editline_set(&e, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_INT(editline_insert(&e, L'b'), ==, -ENOSPC);
	CHECK_INT(editline_insert(&e, (wchar_t)0xe9), ==, -ENOSPC);
	CHECK_STR(e.text, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_UINT(e.cursor, ==, EDITLINE_MAX);
	/* A control character is refused for what it is, not for room. */
	CHECK_INT(editline_insert(&e, L'\n'), ==, -EINVAL);

	/* One byte short of room for an n-byte character: refused whole. */
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++) {
		n = i + 2;
		fill(buf, 'a', EDITLINE_MAX - n + 1);
		editline_set(&e, buf);
		editline_home(&e);
		CHECK_INT(editline_insert(&e, (wchar_t)wide[i]), ==, -ENOSPC);
		CHECK_STR(e.text, buf);
		CHECK_UINT(e.len, ==, EDITLINE_MAX - n + 1);
		CHECK_UINT(e.cursor, ==, 0);
		/* With exactly room it goes in, and fills the line. */
		editline_delete(&e);
		CHECK_INT(editline_insert(&e, (wchar_t)wide[i]), ==, 0);
		CHECK_UINT(e.len, ==, EDITLINE_MAX);
		CHECK_UINT(e.cursor, ==, n);
		check_sane(&e);
	}

	/* EDITLINE_MAX - 1: a single byte still fits, é does not. */
	fill(buf, 'a', EDITLINE_MAX - 1);
	editline_set(&e, buf);
	CHECK_INT(editline_insert(&e, (wchar_t)0xe9), ==, -ENOSPC);
	CHECK_UINT(e.len, ==, EDITLINE_MAX - 1);
	CHECK_INT(e.text[EDITLINE_MAX - 1], ==, '\0');
	CHECK_INT(editline_insert(&e, L'b'), ==, 0);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_INT(e.text[EDITLINE_MAX - 1], ==, 'b');
	CHECK_INT(e.text[EDITLINE_MAX], ==, '\0');
}

static void
test_set_cut(void)
{
	char buf[EDITLINE_MAX + 16];
	struct editline e;

	setup(&e);
	/* é would take bytes MAX - 1 and MAX: it is left out whole. */
	fill(buf, 'a', EDITLINE_MAX - 1);
	strcat(buf, "é");
	editline_set(&e, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX - 1);
	CHECK_UINT(e.cursor, ==, e.len);
	buf[EDITLINE_MAX - 1] = '\0';
	CHECK_STR(e.text, buf);

	/* € from MAX - 2 needs one byte too many. */
	fill(buf, 'a', EDITLINE_MAX - 2);
	strcat(buf, "€€");
	editline_set(&e, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX - 2);
	check_sane(&e);

	/* A string that fits exactly is kept whole. */
	fill(buf, 'a', EDITLINE_MAX - 4);
	strcat(buf, "😀");
	editline_set(&e, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_STR(e.text, buf);

	/* Much too long, of wide characters only. */
	buf[0] = '\0';
	while (strlen(buf) + 3 < sizeof buf)
		strcat(buf, "日");
	editline_set(&e, buf);
	CHECK_UINT(e.len, ==, EDITLINE_MAX / 3 * 3);
	CHECK_UINT(e.cursor, ==, e.len);
	check_sane(&e);

	/* Setting replaces, and the empty string empties. */
	editline_set(&e, "kort");
	CHECK_STR(e.text, "kort");
	CHECK_UINT(e.cursor, ==, 4);
	editline_set(&e, "");
	CHECK_STR(e.text, "");
	CHECK_UINT(e.cursor, ==, 0);
}

#define PASTE(e, lit) editline_paste(e, lit, sizeof lit - 1)

static void
test_paste(void)
{
	struct editline e;

	setup(&e);
	CHECK_INT(PASTE(&e, "een\r\ntwee\rdrie\nvier\tvijf"), ==, 0);
	CHECK_STR(e.text, "een twee drie vier vijf");
	CHECK_UINT(e.cursor, ==, e.len);

	/* Two line ends are two spaces; \n\r is not one Windows line end. */
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "a\r\n\r\nb\n\rc\t\td"), ==, 0);
	CHECK_STR(e.text, "a  b  c  d");

	/* Escape sequences lose their ESC (and so their effect). */
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "x\x1b[31my\x7f\x01\0z"), ==, 0);
	CHECK_STR(e.text, "x[31myz");

	/* C1 controls, encoded as UTF-8, are dropped too. */
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "a\xc2\x85" "b\xc2\x9b" "c\xc2\xa0" "d"), ==, 0);
	CHECK_STR(e.text, "abc\xc2\xa0" "d");

	/* Invalid bytes are dropped, and only they. */
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "\xff" "café\xfe"), ==, 0);
	CHECK_STR(e.text, "café");
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "ok\xc3"), ==, 0);
	CHECK_STR(e.text, "ok");
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "\xc3" "a\x80\xe2\x82" "b\xf0\x9f\x98"), ==, 0);
	CHECK_STR(e.text, "ab");
	/* Overlong forms, surrogates and beyond U+10FFFF. */
	editline_clear(&e);
	CHECK_INT(PASTE(&e, "<\xc0\xaf\xe0\x80\xaf\xed\xa0\x80"
	                    "\xf4\x90\x80\x80\xf5\x80\x80\x80>"), ==, 0);
	CHECK_STR(e.text, "<>");
	check_sane(&e);

	/* In the middle, with the cursor after the pasted text. */
	editline_set(&e, "aé");
	editline_left(&e);
	CHECK_INT(PASTE(&e, "€ 😀\n"), ==, 0);
	CHECK_STR(e.text, "a€ 😀 é");
	CHECK_UINT(e.cursor, ==, 10);

	/* Nothing to paste, or nothing left after filtering. */
	CHECK_INT(editline_paste(&e, "", 0), ==, 0);
	CHECK_INT(PASTE(&e, "\x1b\xff"), ==, 0);
	CHECK_STR(e.text, "a€ 😀 é");
	CHECK_UINT(e.cursor, ==, 10);
	check_sane(&e);
}

static void
test_paste_full(void)
{
	char buf[EDITLINE_MAX + 1];
	struct editline e;

	setup(&e);
	fill(buf, 'a', EDITLINE_MAX - 3);
	editline_set(&e, buf);
	editline_home(&e);
	/* "b", "c" fit, € does not: nothing of it, nor of what follows. */
	CHECK_INT(PASTE(&e, "bc€d"), ==, -ENOSPC);
	CHECK_UINT(e.len, ==, EDITLINE_MAX - 1);
	CHECK_UINT(e.cursor, ==, 2);
	CHECK(strncmp(e.text, "bcaaa", 5) == 0);
	check_sane(&e);

	/* Dropped bytes take no room; a break becomes one byte. */
	fill(buf, 'a', EDITLINE_MAX - 2);
	editline_set(&e, buf);
	CHECK_INT(PASTE(&e, "\x1b\xff\r\nx"), ==, 0);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_INT(e.text[EDITLINE_MAX - 2], ==, ' ');
	CHECK_INT(e.text[EDITLINE_MAX - 1], ==, 'x');
	/* A full line takes nothing more. */
	CHECK_INT(PASTE(&e, "y"), ==, -ENOSPC);
	CHECK_UINT(e.len, ==, EDITLINE_MAX);
	CHECK_INT(PASTE(&e, "\x1b"), ==, 0);
}

static void
test_width(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "abc");
	CHECK_INT(editline_width(&e, e.len), ==, 3);
	CHECK_INT(editline_width(&e, 2), ==, 2);
	CHECK_INT(editline_width(&e, 0), ==, 0);
	editline_set(&e, "é");
	CHECK_INT(editline_width(&e, e.len), ==, 1);
	editline_set(&e, "日本");
	CHECK_INT(editline_width(&e, e.len), ==, 4);
	CHECK_INT(editline_width(&e, 3), ==, 2);
	/* Half a character is not counted; past the end is the whole. */
	CHECK_INT(editline_width(&e, 4), ==, 2);
	CHECK_INT(editline_width(&e, 1000), ==, 4);
	/* e with a combining acute: one column. */
	editline_clear(&e);
	insert_all(&e, L"e\u0301");
	CHECK_UINT(e.len, ==, 3);
	CHECK_INT(editline_width(&e, e.len), ==, 1);
	editline_set(&e, "é€😀 coördinatie");
	CHECK_INT(editline_width(&e, e.len), ==, 16);
	/* Unassigned code points have no wcwidth: one cell. */
	editline_clear(&e);
	CHECK_INT(editline_insert(&e, (wchar_t)0x10fffe), ==, 0);
	CHECK_INT(editline_width(&e, e.len), ==, 1);
}

/* The cursor's column in a view starting at start. */
static int
column(const struct editline *e, size_t start)
{
	return editline_width(e, e->cursor) - editline_width(e, start);
}

static void
test_scroll_long(void)
{
	char buf[101];
	struct editline e;
	size_t start;
	int i;

	setup(&e);
	fill(buf, 'a', 100);
	editline_set(&e, buf);
	start = editline_scroll(&e, 0, 20);
	CHECK_UINT(start, ==, 81);
	CHECK_INT(column(&e, start), ==, 19);

	/* Within the view, the view stays. */
	for (i = 0; i < 19; i++) {
		editline_left(&e);
		CHECK_UINT(editline_scroll(&e, start, 20), ==, 81);
	}
	CHECK_UINT(e.cursor, ==, 81);
	/* One more left: the view follows the cursor. */
	editline_left(&e);
	start = editline_scroll(&e, start, 20);
	CHECK_UINT(start, ==, 80);
	CHECK_INT(column(&e, start), ==, 0);

	editline_home(&e);
	start = editline_scroll(&e, start, 20);
	CHECK_UINT(start, ==, 0);
	/* Right to the edge of the field, and one past it. */
	for (i = 0; i < 19; i++)
		editline_right(&e);
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 0);
	editline_right(&e);
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 1);

	/* A short line always starts at 0. */
	editline_set(&e, "kort");
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 0);
	CHECK_UINT(editline_scroll(&e, 3, 20), ==, 0);
	/* Exactly cols - 1 wide: the cursor takes the last cell. */
	fill(buf, 'a', 19);
	editline_set(&e, buf);
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 0);
	CHECK_INT(editline_insert(&e, L'a'), ==, 0);
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 1);
}

static void
test_scroll_back(void)
{
	char buf[101];
	struct editline e;
	size_t start;

	setup(&e);
	fill(buf, 'a', 100);
	editline_set(&e, buf);
	start = editline_scroll(&e, 0, 20);
	CHECK_UINT(start, ==, 81);
	/* Deleting at the end keeps the field filled. */
	editline_backspace(&e);
	start = editline_scroll(&e, start, 20);
	CHECK_UINT(start, ==, 80);
	CHECK_INT(column(&e, start), ==, 19);
	/* Cutting the tail shows more of the text before. */
	e.cursor = 90;
	editline_kill_end(&e);
	start = editline_scroll(&e, start, 20);
	CHECK_UINT(start, ==, 71);
	/* Past the end (the text was replaced): back into it. */
	editline_set(&e, "abc");
	CHECK_UINT(editline_scroll(&e, 71, 20), ==, 0);
}

/* Checks the scroll rules for every cursor position, every start the
 * view could have had and field widths from 2 to 24. */
static void
check_scroll_all(struct editline *e)
{
	size_t cursor, from, start;
	int cols, col;

	for (cursor = 0; cursor <= e->len; cursor++) {
		if ((e->text[cursor] & 0xc0) == 0x80)
			continue;
		e->cursor = cursor;
		for (cols = 2; cols < 25; cols++)
			for (from = 0; from <= e->len + 1; from++) {
				start = editline_scroll(e, from, cols);
				CHECK_UINT(start, <=, cursor);
				CHECK((e->text[start] & 0xc0) != 0x80);
				col = column(e, start);
				CHECK_INT(col, >=, 0);
				CHECK_INT(col, <=, cols - 1);
			}
	}
}

static void
test_scroll_wide(void)
{
	struct editline e;
	size_t start;
	int i;

	setup(&e);
	for (i = 0; i < 30; i++)
		CHECK_INT(editline_insert(&e, (wchar_t)0x65e5), ==, 0);
	CHECK_UINT(e.len, ==, 90);
	start = editline_scroll(&e, 0, 20);
	CHECK_UINT(start % 3, ==, 0);
	CHECK_INT(column(&e, start), ==, 18);
	/* An odd field: the cursor column stays below it. */
	start = editline_scroll(&e, 0, 21);
	CHECK_UINT(start % 3, ==, 0);
	CHECK_INT(column(&e, start), ==, 20);

	/* A start in the middle of a character goes back to its start. */
	e.cursor = 30;
	CHECK_UINT(editline_scroll(&e, 4, 20), ==, 3);
	CHECK_UINT(editline_scroll(&e, 5, 20), ==, 3);
	CHECK_UINT(editline_scroll(&e, 6, 20), ==, 6);
	check_scroll_all(&e);

	editline_set(&e, "a日b😀cé€e\xcc\x81 日本語 tekst 😀😀😀 coördinatie");
	check_scroll_all(&e);
}

static void
test_scroll_narrow(void)
{
	struct editline e;

	setup(&e);
	editline_set(&e, "één café");
	CHECK_UINT(editline_scroll(&e, 0, 1), ==, e.len);
	CHECK_UINT(editline_scroll(&e, 0, 0), ==, e.len);
	CHECK_UINT(editline_scroll(&e, 0, -5), ==, e.len);
	editline_left(&e);
	CHECK_UINT(editline_scroll(&e, 0, 1), ==, e.cursor);
	/* Two columns: only the cursor's cell and the one before. */
	CHECK_UINT(editline_scroll(&e, 0, 2), ==, 8);
	editline_clear(&e);
	CHECK_UINT(editline_scroll(&e, 0, 1), ==, 0);
	CHECK_UINT(editline_scroll(&e, 0, 20), ==, 0);
}

CHECK_MAIN(CHECK_TEST(test_insert_ascii),
           CHECK_TEST(test_insert_multibyte),
           CHECK_TEST(test_insert_refused),
           CHECK_TEST(test_cursor_moves),
           CHECK_TEST(test_backspace),
           CHECK_TEST(test_delete),
           CHECK_TEST(test_home_end),
           CHECK_TEST(test_word_left),
           CHECK_TEST(test_word_right),
           CHECK_TEST(test_word_multibyte),
           CHECK_TEST(test_kill_word),
           CHECK_TEST(test_kill_end),
           CHECK_TEST(test_full),
           CHECK_TEST(test_set_cut),
           CHECK_TEST(test_paste),
           CHECK_TEST(test_paste_full),
           CHECK_TEST(test_width),
           CHECK_TEST(test_scroll_long),
           CHECK_TEST(test_scroll_back),
           CHECK_TEST(test_scroll_wide),
           CHECK_TEST(test_scroll_narrow))
