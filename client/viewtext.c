/* Text on the terminal by display columns. Every string the drawing code
 * puts goes through here, so that a note of a thousand bytes, a name in
 * another script or a wide character at the edge never spills into the
 * next line: curses would wrap it there and overwrite what is below.
 * Characters are decoded one at a time with their width (wcwidth), and
 * put as wide characters, which ncursesw draws in any locale. */
#include "viewtext.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/* Wide characters put in one call to curses. */
#define VT_CHUNK 128
/* Bytes of a formatted flow text: texts are at most 1000 bytes. */
#define VT_FORMAT_MAX 4096

static const struct vt_glyphs glyphs_utf8 = {
	.utf8 = true,
	.dot = "\xe2\x97\x8f",          /* U+25CF BLACK CIRCLE */
	.sep = " \xc2\xb7 ",            /* U+00B7 MIDDLE DOT */
	.ellipsis = "\xe2\x80\xa6",     /* U+2026 */
	.dash = " \xe2\x80\x94 ",       /* U+2014 EM DASH */
	.approx = "\xc2\xb1",           /* U+00B1 PLUS-MINUS SIGN */
	.arrow = "\xe2\x96\xb6",        /* U+25B6 BLACK RIGHT-POINTING TRIANGLE */
	.block = "\xe2\x96\x88",        /* U+2588 FULL BLOCK */
	.shade = "\xe2\x96\x91",        /* U+2591 LIGHT SHADE */
	.check = "\xe2\x9c\x93",        /* U+2713 CHECK MARK */
	.hline = "\xe2\x94\x80",        /* U+2500 BOX DRAWINGS LIGHT HORIZONTAL */
	.vline = "\xe2\x94\x82",        /* U+2502 BOX DRAWINGS LIGHT VERTICAL */
};

static const struct vt_glyphs glyphs_plain = {
	.utf8 = false,
	.dot = "*",
	.sep = " | ",
	.ellipsis = "...",
	.dash = " - ",
	.approx = "~",
	.arrow = ">",
	.block = "#",
	.shade = ".",
	.check = "+",
	.hline = "-",
	.vline = "|",
};

const struct vt_glyphs *
vt_glyphs(void)
{
	const char *set = nl_langinfo(CODESET);

	if (set != NULL && (strcmp(set, "UTF-8") == 0 ||
	                    strcmp(set, "utf8") == 0))
		return &glyphs_utf8;
	return &glyphs_plain;
}

attr_t
vt_attr(const struct ui *ui, enum ui_pair pair)
{
	switch (pair) {
	case UI_PAIR_HEADER:
		return ui->colour ? COLOR_PAIR(pair) : A_REVERSE;
	case UI_PAIR_TEAM_STEP:
		return ui->colour ? COLOR_PAIR(pair) | A_BOLD :
		       A_REVERSE | A_BOLD;
	case UI_PAIR_WARNING:
	case UI_PAIR_ERROR:
		return ui->colour ? COLOR_PAIR(pair) | A_BOLD : A_BOLD;
	case UI_PAIR_OK:
		return ui->colour ? COLOR_PAIR(pair) : A_BOLD;
	case UI_PAIR_DIM:
		/* Grey needs 16 colours; with 8, dim the default colour. */
		if (ui->colour)
			return COLOR_PAIR(pair) | (COLORS >= 16 ? 0 : A_DIM);
		return A_DIM;
	default:
		return ui->colour ? COLOR_PAIR(UI_PAIR_NORMAL) : A_NORMAL;
	}
}

/* Returns the bytes of the sequence that starts with lead, as far as the
 * len bytes left and its continuation bytes go (at least 1). */
static size_t
sequence_length(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	size_t n, i;

	n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (n > len)
		n = len;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return i;
	return n;
}

/* Decodes the character at s (len > 0 bytes left): returns its length
 * in bytes and sets *wc to what to show and *width to its columns. */
static size_t
next_char(const char *s, size_t len, bool utf8, wchar_t *wc, int *width)
{
	unsigned char c = (unsigned char)s[0];
	mbstate_t state;
	wchar_t w;
	size_t n;
	int cw;

	*width = 1;
	if (c < 0x80) {
		*wc = c < 0x20 || c == 0x7f ? L' ' : (wchar_t)c;
		return 1;
	}
	if (!utf8) {
		/* The text is UTF-8 but the terminal is not: one '?' for
		 * each character rather than for each byte. */
		*wc = L'?';
		return sequence_length(s, len);
	}
	memset(&state, 0, sizeof state);
	n = mbrtowc(&w, s, len, &state);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		return 1;
	}
	cw = wcwidth(w);
	if (cw < 0) {
		/* C1 controls become spaces like C0; others a '?'. */
		*wc = w < 0xa0 ? L' ' : L'?';
		return n;
	}
	*wc = w;
	*width = cw;
	return n;
}

int
vt_nwidth(const char *s, size_t len)
{
	bool utf8 = vt_glyphs()->utf8;
	size_t i = 0;
	int width = 0, cw;
	wchar_t wc;

	while (i < len && s[i] != '\0') {
		i += next_char(s + i, len - i, utf8, &wc, &cw);
		width += cw;
	}
	return width;
}

int
vt_width(const char *s)
{
	return vt_nwidth(s, strlen(s));
}

size_t
vt_fit(const char *s, size_t len, int cols, int *used)
{
	bool utf8 = vt_glyphs()->utf8;
	size_t i = 0, n;
	int width = 0, cw;
	wchar_t wc;

	while (i < len && s[i] != '\0') {
		n = next_char(s + i, len - i, utf8, &wc, &cw);
		if (width + cw > cols)
			break;
		width += cw;
		i += n;
	}
	if (used != NULL)
		*used = width;
	return i;
}

int
vt_nput(WINDOW *w, int y, int x, attr_t attr, const char *s, size_t len,
        int cols)
{
	bool utf8 = vt_glyphs()->utf8;
	wchar_t buf[VT_CHUNK];
	size_t i = 0, n = 0;
	int width = 0, cw, maxx = getmaxx(w), maxy = getmaxy(w);
	wchar_t wc;
	bool moved = false;

	if (y < 0 || y >= maxy || x < 0 || x >= maxx)
		return 0;
	if (cols > maxx - x)
		cols = maxx - x;
	wattrset(w, attr);
	while (i < len && s[i] != '\0') {
		size_t bytes = next_char(s + i, len - i, utf8, &wc, &cw);

		if (width + cw > cols)
			break;
		i += bytes;
		/* A combining mark with nothing before it would join the
		 * cell to the left, which is not ours. */
		if (cw == 0 && width == 0)
			continue;
		width += cw;
		buf[n++] = wc;
		if (n == VT_CHUNK) {
			if (!moved)
				wmove(w, y, x);
			moved = true;
			waddnwstr(w, buf, (int)n);
			n = 0;
		}
	}
	if (n > 0) {
		if (!moved)
			wmove(w, y, x);
		waddnwstr(w, buf, (int)n);
	}
	wattrset(w, A_NORMAL);
	return width;
}

int
vt_put(WINDOW *w, int y, int x, attr_t attr, const char *s, int cols)
{
	return vt_nput(w, y, x, attr, s, strlen(s), cols);
}

int
vt_put_cut(WINDOW *w, int y, int x, attr_t attr, const char *s, int cols)
{
	const char *ell = vt_glyphs()->ellipsis;
	size_t len = strlen(s), n;
	int used, ew = vt_width(ell);

	if (vt_nwidth(s, len) <= cols)
		return vt_nput(w, y, x, attr, s, len, cols);
	if (cols <= ew)
		return vt_nput(w, y, x, attr, s, len, cols);
	n = vt_fit(s, len, cols - ew, &used);
	vt_nput(w, y, x, attr, s, n, used);
	return used + vt_put(w, y, x + used, attr, ell, cols - used);
}

int
vt_put_centred(WINDOW *w, int y, int x, attr_t attr, const char *s, int cols)
{
	int width = vt_width(s), at = x;

	if (width < cols)
		at = x + (cols - width) / 2;
	vt_put_cut(w, y, at, attr, s, cols - (at - x));
	return at;
}

void
vt_fill(WINDOW *w, int y, int x, attr_t attr, int cols)
{
	int maxx = getmaxx(w);

	if (y < 0 || y >= getmaxy(w) || x < 0 || x >= maxx)
		return;
	if (cols > maxx - x)
		cols = maxx - x;
	if (cols <= 0)
		return;
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', cols);
	wattrset(w, A_NORMAL);
}

void
vt_bar(WINDOW *w, int y, int x, attr_t attr, int cols, int permille)
{
	const struct vt_glyphs *g = vt_glyphs();
	char cell[4];
	int inner = cols - 2, eighths, i, full;

	if (inner < 1)
		return;
	if (permille < 0)
		permille = 0;
	if (permille > 1000)
		permille = 1000;
	/* In eighths of a cell where the locale has the partial blocks
	 * U+2589..U+258F, else in whole cells. */
	eighths = (int)((long)inner * 8 * permille / 1000);
	if (!g->utf8)
		eighths = eighths / 8 * 8;
	full = eighths / 8;
	vt_put(w, y, x, attr, "[", 1);
	for (i = 0; i < inner; i++) {
		if (i < full) {
			vt_put(w, y, x + 1 + i, attr, g->block, 1);
		} else if (i == full && eighths % 8 != 0) {
			cell[0] = (char)0xe2;
			cell[1] = (char)0x96;
			cell[2] = (char)(0x90 - eighths % 8);
			cell[3] = '\0';
			vt_put(w, y, x + 1 + i, attr, cell, 1);
		} else {
			vt_put(w, y, x + 1 + i, attr, g->shade, 1);
		}
	}
	vt_put(w, y, x + 1 + inner, attr, "]", 1);
}

void
vt_hline(WINDOW *w, int y, int x, attr_t attr, int cols)
{
	const char *line = vt_glyphs()->hline;
	int i;

	/* The rule as a character of the locale rather than the terminal's
	 * line-drawing set, which some terminals lack or garble. */
	for (i = 0; i < cols; i++)
		if (vt_put(w, y, x + i, attr, line, 1) == 0)
			break;
}

/* ---------------------------------------------------------------- flow */

void
vt_flow_init(struct vt_flow *f, WINDOW *w, int top, int rows, int left,
             int cols, int scroll, bool draw)
{
	memset(f, 0, sizeof *f);
	f->w = w;
	f->top = top;
	f->rows = rows;
	f->left = left;
	f->cols = cols > 0 ? cols : 0;
	f->scroll = scroll;
	f->draw = draw;
}

/* Puts a piece that fits on the current line, when that line is shown. */
static void
flow_put(struct vt_flow *f, attr_t attr, const char *s, size_t len, int width)
{
	if (f->draw && f->line >= f->scroll && f->line < f->scroll + f->rows)
		vt_nput(f->w, f->top + f->line - f->scroll, f->left + f->x,
		        attr, s, len, f->cols - f->x);
	f->x += width;
}

static void
flow_wrap(struct vt_flow *f)
{
	f->line++;
	f->x = f->indent;
}

void
vt_flow_ntext(struct vt_flow *f, attr_t attr, const char *s, size_t len)
{
	size_t i = 0, n, fit;
	int width;

	if (f->cols <= 0)
		return;
	while (i < len && s[i] != '\0') {
		if (s[i] == ' ') {
			for (n = i; n < len && s[n] == ' '; n++)
				;
			width = (int)(n - i);
			if (f->x + width <= f->cols)
				flow_put(f, attr, s + i, n - i, width);
			else if (n < len && s[n] != '\0')
				flow_wrap(f);
			i = n;
			continue;
		}
		for (n = i; n < len && s[n] != ' ' && s[n] != '\0'; n++)
			;
		width = vt_nwidth(s + i, n - i);
		if (f->x + width <= f->cols) {
			flow_put(f, attr, s + i, n - i, width);
			i = n;
			continue;
		}
		if (f->x > f->indent) {
			flow_wrap(f);
			continue;
		}
		/* A word longer than the line: break it where it must. */
		fit = vt_fit(s + i, n - i, f->cols - f->x, &width);
		if (fit == 0) {
			if (f->x > 0) {
				/* Not even one character fits after the
				 * indent: start the next line at 0. */
				f->line++;
				f->x = 0;
				continue;
			}
			/* Wider than the page itself: leave it out. */
			i += sequence_length(s + i, n - i);
			continue;
		}
		flow_put(f, attr, s + i, fit, width);
		i += fit;
		if (i < n)
			flow_wrap(f);
	}
}

void
vt_flow_text(struct vt_flow *f, attr_t attr, const char *s)
{
	vt_flow_ntext(f, attr, s, strlen(s));
}

void
vt_flow_printf(struct vt_flow *f, attr_t attr, const char *fmt, ...)
{
	char buf[VT_FORMAT_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	vt_flow_text(f, attr, buf);
}

void
vt_flow_tab(struct vt_flow *f, int x)
{
	/* A hanging indent deeper than half the page would leave a column
	 * of single words. */
	if (x > f->cols / 2)
		x = f->cols / 2;
	if (x < 0)
		x = 0;
	if (f->x < x)
		f->x = x;
	else if (f->x > x && f->x < f->cols)
		f->x++;
	f->indent = x;
}

void
vt_flow_end(struct vt_flow *f)
{
	if (f->x > 0) {
		f->line++;
		f->x = 0;
	}
	f->indent = 0;
}

void
vt_flow_gap(struct vt_flow *f)
{
	vt_flow_end(f);
	/* No gap at the top and never two in a row (f->gap starts at 0). */
	if (f->line == f->gap)
		return;
	f->line++;
	f->gap = f->line;
}

int
vt_flow_lines(const struct vt_flow *f)
{
	return f->line + (f->x > 0 ? 1 : 0);
}
