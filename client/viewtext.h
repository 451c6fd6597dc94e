/* Text on the terminal for the drawing code (view.c, viewstep.c,
 * projector.c): UTF-8 strings put by display columns, so that no line
 * overflows and no multibyte character is cut; the attributes of the
 * colour pairs with their monochrome stand-ins; the few symbols that
 * have a plain fallback outside a UTF-8 locale; and a flowing page that
 * wraps words, scrolls and can be measured before it is drawn. */
#ifndef AANDESLAG_VIEWTEXT_H
#define AANDESLAG_VIEWTEXT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui.h"

/* Symbols, as UTF-8 or, when the locale is not UTF-8, plain ASCII. */
struct vt_glyphs {
	bool utf8;
	const char *dot;        /* a dot of the tally: ● or * */
	const char *sep;        /* between parts of a line: " · " or " | " */
	const char *ellipsis;   /* … or ... */
	const char *dash;       /* between a title and its address */
	const char *approx;     /* ± or ~ */
	const char *arrow;      /* the question on the table: ▶ or > */
	const char *block;      /* a full cell: █ or # */
	const char *shade;      /* an empty cell of a bar: ░ or . */
	const char *check;      /* a chosen competence: ✓ or + */
	const char *hline;      /* a rule: ─ or - */
	const char *vline;      /* a rule between columns: │ or | */
};

/* Returns the symbols for the current locale (LC_CTYPE). */
const struct vt_glyphs *vt_glyphs(void);

/* Returns the attributes of pair: the colour pair (with bold where it
 * matters) when ui->colour, else bold, reverse, underline or dim. */
attr_t vt_attr(const struct ui *ui, enum ui_pair pair);

/* Returns the display width of the first len bytes of s. */
int vt_nwidth(const char *s, size_t len);

/* Returns the display width of s. */
int vt_width(const char *s);

/* Returns how many bytes of the first len bytes of s fit in cols
 * columns, never cutting a character; *used (when not NULL) gets their
 * width. */
size_t vt_fit(const char *s, size_t len, int cols, int *used);

/* Puts at most cols columns of the first len bytes of s at y, x with
 * attr; returns the columns put. Control characters show as spaces,
 * bytes that are not UTF-8 (or not shown by the locale) as '?'. */
int vt_nput(WINDOW *w, int y, int x, attr_t attr, const char *s, size_t len,
            int cols);

/* The same for a whole string. */
int vt_put(WINDOW *w, int y, int x, attr_t attr, const char *s, int cols);

/* The same, but a string that does not fit ends in an ellipsis. */
int vt_put_cut(WINDOW *w, int y, int x, attr_t attr, const char *s, int cols);

/* Puts s centred in the cols columns from x (cut when too wide); returns
 * the column it starts at. */
int vt_put_centred(WINDOW *w, int y, int x, attr_t attr, const char *s,
                   int cols);

/* Fills cols cells from y, x with spaces in attr. */
void vt_fill(WINDOW *w, int y, int x, attr_t attr, int cols);

/* Draws a horizontal rule of cols cells from y, x. */
void vt_hline(WINDOW *w, int y, int x, attr_t attr, int cols);

/* Draws a progress bar of cols cells (brackets included) filled for
 * permille thousandths, with partial blocks in a UTF-8 locale. */
void vt_bar(WINDOW *w, int y, int x, attr_t attr, int cols, int permille);

/* A page that flows: text is wrapped at spaces within cols columns, lines
 * before scroll and after scroll + rows are counted but not drawn. With
 * draw false nothing is drawn at all, to measure the page first. */
struct vt_flow {
	WINDOW *w;
	int top, rows;          /* window rows of the page */
	int left, cols;         /* window columns of the page */
	int scroll;             /* the first page line shown */
	bool draw;
	int line;               /* the page line being written */
	int x;                  /* the column on it, from left */
	int indent;             /* where a wrapped line goes on */
	int gap;                /* the line after the last gap (or 0) */
};

void vt_flow_init(struct vt_flow *f, WINDOW *w, int top, int rows, int left,
                  int cols, int scroll, bool draw);

/* Appends the first len bytes of s, wrapping at spaces (a word longer
 * than a line is broken); spaces that end up at a wrap are dropped. */
void vt_flow_ntext(struct vt_flow *f, attr_t attr, const char *s, size_t len);

/* Appends s. */
void vt_flow_text(struct vt_flow *f, attr_t attr, const char *s);

/* Appends formatted text (fmt a literal or a translated literal). */
void vt_flow_printf(struct vt_flow *f, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Moves to column x of the line (or one space on when the line is
 * already past it), and makes x where wrapped lines go on: a hanging
 * indent for an item after its id. */
void vt_flow_tab(struct vt_flow *f, int x);

/* Ends the line when anything is on it; the next starts at column 0. */
void vt_flow_end(struct vt_flow *f);

/* Ends the line and leaves one empty line, unless the page is empty. */
void vt_flow_gap(struct vt_flow *f);

/* Returns the lines written so far, counting an unfinished one. */
int vt_flow_lines(const struct vt_flow *f);

#endif
