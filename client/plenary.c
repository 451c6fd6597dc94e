/* The plenary projector (see plenary.h): what a hall of 15 to 30 people
 * needs to read from the back during the report back, and nothing to
 * operate. A terminal's letters do not grow, so "large" is made the way
 * the room's projector does it: names in spaced capitals, the clock in
 * projector.c's big digits, texts in bold in a column narrow enough to
 * read, and room left around them. What does not fit gives way in this
 * order: the gaps, the big digits (the clock then goes in the top line),
 * then the end of the texts. */
#include "plenary.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "poster.h"
#include "projector.h"
#include "strbuf.h"
#include "viewparts.h"
#include "viewtext.h"
#include "wsparts.h"

/* Smaller than this, the screen asks for a bigger window. */
#define PLENARY_MIN_ROWS 10
#define PLENARY_MIN_COLS 40
/* The widest a text is set, for lines that can be read. */
#define TEXT_COLS_MAX 100
/* From this width a room's turn is laid out in two columns. */
#define TWO_COLUMNS 120
/* The narrowest a room's column in the overview gets. */
#define OVERVIEW_COL_MIN 24
/* The biggest a pixel of the clock gets, in rows. */
#define SCALE_MAX 4
/* Characters of a name set in spaced capitals. */
#define SPACED_MAX 200

/* ------------------------------------------------------------ pieces */

/* Writes s in spaced capitals ("Z O R G"), the terminal's way of large
 * letters. Returns false when the locale cannot convert s (its letters
 * then stay as they are). */
static bool
spaced(const char *s, char *out, size_t size)
{
	wchar_t in[SPACED_MAX + 1], wide[3 * SPACED_MAX + 1];
	size_t n, i, k = 0;

	n = mbstowcs(in, s, SPACED_MAX + 1);
	if (n == (size_t)-1 || n == 0 || n > SPACED_MAX)
		return false;
	for (i = 0; i < n; i++) {
		if (i > 0)
			wide[k++] = L' ';
		wide[k++] = (wchar_t)towupper((wint_t)in[i]);
	}
	wide[k] = L'\0';
	n = wcstombs(out, wide, size);
	return n != (size_t)-1 && n < size;
}

/* Puts a name centred at row y, in spaced capitals when they fit. */
static void
big_name(WINDOW *w, int y, int cols, attr_t attr, const char *name)
{
	char text[6 * SPACED_MAX + 1];

	if (spaced(name, text, sizeof text) && vt_width(text) <= cols - 4)
		vt_put_centred(w, y, 0, attr, text, cols);
	else
		vt_put_centred(w, y, 0, attr, name, cols);
}

/* The bottom row: a lost connection, else the workshop and its code. */
static void
bottom(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
       int rows, int cols)
{
	char line[512], code[64];

	if (!ui->connected) {
		vp_link_state(ui, line, sizeof line);
		vt_put_centred(w, rows - 1, 0, vt_attr(ui, UI_PAIR_WARNING),
		               line, cols);
		return;
	}
	wsparts_code(ws->code, code, sizeof code);
	snprintf(line, sizeof line, "%s%s%s %s", ws->title, vt_glyphs()->sep,
	         _("code"), code);
	vt_put_centred(w, rows - 1, 0, vt_attr(ui, UI_PAIR_DIM), line, cols);
}

/* The clock in big digits from row y, as large as rows and cols allow;
 * returns the rows it took (0: it does not fit). */
static int
big_clock(WINDOW *w, int y, int rows, int cols, attr_t attr,
          const char *clock, bool draw)
{
	int px = projector_big_width(clock), vy, hx;

	for (vy = SCALE_MAX; vy >= 1; vy--)
		if (PROJECTOR_DIGIT_ROWS * vy <= rows && px * vy <= cols - 2)
			break;
	if (vy < 1 || px > cols - 2)
		return 0;
	/* Pixels twice as wide as high look square in a terminal cell. */
	for (hx = 2 * vy; hx > 1; hx--)
		if (px * hx <= cols - 2)
			break;
	if (draw)
		projector_big(w, y, cols, attr, clock, hx, vy);
	return PROJECTOR_DIGIT_ROWS * vy;
}

/* ------------------------------------------------------- a room's turn */

static void
heading(struct vt_flow *f, const struct ui *ui, const char *s)
{
	vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD | A_UNDERLINE, s);
	vt_flow_end(f);
}

/* The findings, numbered and bold; airy puts a line between them. */
static void
flow_findings(struct vt_flow *f, const struct ui *ui,
              const Aandeslag__RoomSummary *r, bool airy)
{
	attr_t bold = vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD;
	size_t k;

	heading(f, ui, _("Bevindingen"));
	if (airy)
		f->line++;
	for (k = 0; k < r->n_findings; k++) {
		if (k > 0 && airy)
			f->line++;
		vt_flow_printf(f, bold, "%zu", k + 1);
		vt_flow_tab(f, 4);
		vt_flow_text(f, bold, r->findings[k]->text);
		vt_flow_end(f);
	}
	if (r->n_findings == 0) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM),
		             _("Deze groep brengt nog geen bevindingen mee."));
		vt_flow_end(f);
	}
}

static void
flow_competences(struct vt_flow *f, const struct ui *ui,
                 const Aandeslag__RoomSummary *r,
                 const struct content *content)
{
	size_t k;

	heading(f, ui, _("Gekozen competenties"));
	for (k = 0; k < r->n_marked; k++) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_OK), vt_glyphs()->check);
		vt_flow_tab(f, 2);
		vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL),
		             wsparts_competence(content, r->marked[k]));
		vt_flow_end(f);
	}
	if (r->n_marked == 0) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM), _("geen"));
		vt_flow_end(f);
	}
}

static void
flow_actions(struct vt_flow *f, const struct ui *ui,
             const Aandeslag__RoomSummary *r)
{
	struct strbuf sb = { 0 };
	size_t k;

	heading(f, ui, _("Acties"));
	for (k = 0; k < r->n_actions; k++) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL), vt_glyphs()->dot);
		vt_flow_tab(f, 2);
		vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
		             r->actions[k]->text);
		vt_flow_end(f);
		wsparts_action_detail(r->actions[k], &sb);
		vt_flow_tab(f, 2);
		vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL), strbuf_str(&sb));
		vt_flow_end(f);
		strbuf_free(&sb);
	}
	if (r->n_actions == 0) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM), _("geen"));
		vt_flow_end(f);
	}
}

/* Lays out what room r brings from row y in rows rows (draw false: only
 * measures): one column centred, or two from TWO_COLUMNS on. Returns
 * the rows it needs. */
static int
turn_texts(WINDOW *w, const struct ui *ui, const Aandeslag__RoomSummary *r,
           const struct content *content, int y, int rows, int cols,
           bool airy, bool draw)
{
	struct vt_flow f;
	int tw, left, right, x0, a, b;

	if (cols >= TWO_COLUMNS) {
		/* The findings on the left, what the room chose and plans
		 * on the right. */
		left = (cols - 6) * 3 / 5;
		right = cols - 6 - left;
		vt_flow_init(&f, w, y, rows, 2, left, 0, draw);
		flow_findings(&f, ui, r, airy);
		a = vt_flow_lines(&f);
		vt_flow_init(&f, w, y, rows, 2 + left + 2, right, 0, draw);
		flow_competences(&f, ui, r, content);
		f.line++;
		flow_actions(&f, ui, r);
		b = vt_flow_lines(&f);
		return a > b ? a : b;
	}
	tw = cols - 4 < TEXT_COLS_MAX ? cols - 4 : TEXT_COLS_MAX;
	x0 = (cols - tw) / 2;
	vt_flow_init(&f, w, y, rows, x0, tw, 0, draw);
	flow_findings(&f, ui, r, airy);
	if (airy)
		f.line++;
	flow_competences(&f, ui, r, content);
	if (airy)
		f.line++;
	flow_actions(&f, ui, r);
	return vt_flow_lines(&f);
}

static void
turn(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
     int64_t age_ms, const struct content *content)
{
	const Aandeslag__ReportState *rs = ws->report;
	const Aandeslag__RoomSummary *r = wsparts_room(ws, rs->room);
	int rows = getmaxy(w), cols = getmaxx(w), y, digits = 0, area;
	int airy_need, tight_need;
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL), clock_attr;
	char top[512], state[128];
	struct wsparts_time t;
	bool airy = true;

	wsparts_time(rs->clock, false, age_ms, &t);
	if (r == NULL) {
		vt_put_centred(w, rows / 2, 0, normal | A_BOLD,
		               _("Terugkoppeling"), cols);
		bottom(w, ui, ws, rows, cols);
		return;
	}
	snprintf(top, sizeof top, _("Terugkoppeling%sgroep %" PRIu32 " van %zu"),
	         vt_glyphs()->sep, rs->room, ws->n_rooms);
	/* The header's three rows and a gap, the bottom row. */
	area = rows - 4 - 1;
	airy_need = turn_texts(w, ui, r, content, 0, 0, cols, true, false);
	tight_need = turn_texts(w, ui, r, content, 0, 0, cols, false, false);
	/* The big digits, their state line and a gap, if the texts leave
	 * room; else without the air between the texts. */
	if (t.valid) {
		digits = big_clock(w, 0, area - airy_need - 3, cols, 0, t.text,
		                   false);
		if (digits == 0) {
			airy = false;
			digits = big_clock(w, 0, area - tight_need - 3, cols, 0,
			                   t.text, false);
		}
	}
	if (digits == 0) {
		airy = airy_need <= area;
		/* No room for the digits: the clock goes in the top line. */
		if (t.valid)
			snprintf(top + strlen(top), sizeof top - strlen(top),
			         "%s%s %s", vt_glyphs()->sep, t.text, t.word);
	}
	vt_put_centred(w, 0, 0, vt_attr(ui, UI_PAIR_DIM) | A_BOLD, top, cols);
	big_name(w, 1, cols, normal | A_BOLD, r->name);
	vt_put_centred(w, 2, 0, normal, r->programme, cols);
	y = 4;
	if (digits > 0) {
		/* Calm in overtime too: said in words, not in alarm. */
		clock_attr = t.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING ?
		             normal | A_BOLD : vt_attr(ui, UI_PAIR_DIM) | A_BOLD;
		big_clock(w, y, digits, cols, clock_attr, t.text, true);
		y += digits;
		snprintf(state, sizeof state, "%s", t.word);
		vt_put_centred(w, y, 0, clock_attr, state, cols);
		y += 2;
	}
	turn_texts(w, ui, r, content, y, rows - 1 - y, cols, airy, true);
	bottom(w, ui, ws, rows, cols);
}

/* ----------------------------------------------------------- overview */

/* A room's findings and chosen competences in its column; airy puts a
 * line between the two. */
static void
overview_texts(struct vt_flow *f, const struct ui *ui,
               const Aandeslag__RoomSummary *r,
               const struct content *content, bool airy)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	size_t k;

	for (k = 0; k < r->n_findings; k++) {
		vt_flow_printf(f, normal | A_BOLD, "%zu", k + 1);
		vt_flow_tab(f, 2);
		vt_flow_text(f, normal | A_BOLD, r->findings[k]->text);
		vt_flow_end(f);
	}
	if (r->n_findings == 0) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM), _("geen bevindingen"));
		vt_flow_end(f);
	}
	if (airy && r->n_marked > 0)
		f->line++;
	for (k = 0; k < r->n_marked; k++) {
		vt_flow_text(f, vt_attr(ui, UI_PAIR_OK), vt_glyphs()->check);
		vt_flow_tab(f, 2);
		vt_flow_text(f, normal, wsparts_competence(content, r->marked[k]));
		vt_flow_end(f);
	}
}

/* One room's column from row y, rows high and cw wide at column x. */
static void
overview_room(WINDOW *w, const struct ui *ui, const Aandeslag__RoomSummary *r,
              size_t n, const struct content *content, int y, int rows,
              int x, int cw)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	struct vt_flow f;
	char line[256];
	size_t len;
	bool airy;

	vt_fill(w, y, x, vt_attr(ui, UI_PAIR_TEAM_STEP), cw);
	snprintf(line, sizeof line, "%zu %s", n, r->name);
	vt_put_cut(w, y, x + 1, vt_attr(ui, UI_PAIR_TEAM_STEP), line, cw - 2);
	if (rows > 1)
		vt_put_cut(w, y + 1, x + 1, vt_attr(ui, UI_PAIR_DIM),
		           r->programme, cw - 2);
	if (rows > 2) {
		/* The counts, for when the names below are cut off. */
		if (r->n_marked == 1)
			snprintf(line, sizeof line, "%s", _("1 competentie"));
		else
			snprintf(line, sizeof line, _("%zu competenties"),
			         r->n_marked);
		len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s", vt_glyphs()->sep);
		len = strlen(line);
		if (r->n_actions == 1)
			snprintf(line + len, sizeof line - len, "%s",
			         _("1 actie"));
		else
			snprintf(line + len, sizeof line - len, _("%zu acties"),
			         r->n_actions);
		vt_put_cut(w, y + 2, x + 1, normal, line, cw - 2);
	}
	if (rows <= 3)
		return;
	/* The findings, then the competences, a line between them when
	 * both fit with it. */
	vt_flow_init(&f, w, y + 3, rows - 3, x + 1, cw - 2, 0, false);
	overview_texts(&f, ui, r, content, false);
	airy = vt_flow_lines(&f) < rows - 3;
	vt_flow_init(&f, w, y + 3, rows - 3, x + 1, cw - 2, 0, true);
	overview_texts(&f, ui, r, content, airy);
}

static void
overview(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
         const struct content *content)
{
	int rows = getmaxy(w), cols = getmaxx(w), ncol, bands, band_h, cw;
	int top = 2, area = rows - top - 1, b, c, x, y, k;
	size_t n = ws->n_rooms, shown, i;
	char text[128];

	vt_put_centred(w, 0, 0, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
	               _("Terugkoppeling: alle groepen"), cols);
	if (n == 0) {
		bottom(w, ui, ws, rows, cols);
		return;
	}
	/* As many columns as fit, then as few as make the same number of
	 * bands: four rooms where three fit go two by two, wider. */
	ncol = (cols + 1) / (OVERVIEW_COL_MIN + 1);
	if (ncol < 1)
		ncol = 1;
	if ((size_t)ncol > n)
		ncol = (int)n;
	bands = (int)((n + (size_t)ncol - 1) / (size_t)ncol);
	ncol = (int)((n + (size_t)bands - 1) / (size_t)bands);
	/* A band needs its head, programme, counts and a finding. */
	while (bands > 1 && area / bands < 6)
		bands--;
	band_h = area / bands;
	shown = (size_t)bands * (size_t)ncol;
	if (shown > n)
		shown = n;
	cw = (cols - (ncol - 1)) / ncol;
	for (i = 0; i < shown; i++) {
		b = (int)i / ncol;
		c = (int)i % ncol;
		x = c * (cw + 1);
		y = top + b * band_h;
		if (c > 0)
			for (k = 0; k < band_h - 1; k++)
				vt_put(w, y + k, x - 1, vt_attr(ui, UI_PAIR_DIM),
				       vt_glyphs()->vline, 1);
		overview_room(w, ui, ws->rooms[i], i + 1, content, y,
		              band_h - 1, x, cw);
	}
	if (shown < n) {
		snprintf(text, sizeof text, _("%s en nog %zu groepen"),
		         vt_glyphs()->ellipsis, n - shown);
		vt_put_centred(w, rows - 2, 0, vt_attr(ui, UI_PAIR_DIM), text,
		               cols);
	}
	bottom(w, ui, ws, rows, cols);
}

/* ------------------------------------------------------------ waiting */

/* Writes room r's chair and step as the waiting screen shows them. */
static void
room_words(const Aandeslag__RoomSummary *r, const struct content *content,
           char chair[256], char step[256])
{
	snprintf(chair, 256, _("voorzitter %s"),
	         r->chair[0] != '\0' ? r->chair : "-");
	snprintf(step, 256, _("stap %" PRIu32 " %s"), r->current_step,
	         wsparts_step_name(content, r->current_step));
}

/* The rooms one a line, as a block centred from row y, at most rows of
 * them: name, chair, step and its clock (or that it is finished). */
static void
rooms_block(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
            int64_t age_ms, const struct content *content, int y, int rows,
            int cols)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	char chair[256], step[256];
	int nw = 0, cw = 0, sw = 0, tw = 0, total, x;
	const Aandeslag__RoomSummary *r;
	struct wsparts_time t;
	const char *when;
	size_t i;

	for (i = 0; i < ws->n_rooms; i++) {
		r = ws->rooms[i];
		room_words(r, content, chair, step);
		wsparts_time(r->clock, r->finished, age_ms, &t);
		when = r->finished ? t.word : t.text;
		nw = vt_width(r->name) > nw ? vt_width(r->name) : nw;
		cw = vt_width(chair) > cw ? vt_width(chair) : cw;
		sw = vt_width(step) > sw ? vt_width(step) : sw;
		tw = vt_width(when) > tw ? vt_width(when) : tw;
	}
	/* Two spaces between the columns; the chair goes first when that
	 * is too wide, then names and steps are cut. */
	total = nw + 2 + cw + 2 + sw + 2 + tw;
	if (total > cols - 2) {
		total -= cw + 2;
		cw = 0;
	}
	if (total > cols - 2) {
		nw -= total - (cols - 2);
		if (nw < 4)
			nw = 4;
		total = nw + 2 + sw + 2 + tw;
	}
	if (total > cols - 2) {
		sw -= total - (cols - 2);
		if (sw < 4)
			sw = 4;
		total = nw + 2 + sw + 2 + tw;
	}
	x = total < cols ? (cols - total) / 2 : 0;
	for (i = 0; i < ws->n_rooms && (int)i < rows; i++) {
		r = ws->rooms[i];
		room_words(r, content, chair, step);
		wsparts_time(r->clock, r->finished, age_ms, &t);
		when = r->finished ? t.word : t.text;
		vt_put_cut(w, y + (int)i, x, normal | A_BOLD, r->name, nw);
		if (cw > 0)
			vt_put_cut(w, y + (int)i, x + nw + 2, normal, chair, cw);
		vt_put_cut(w, y + (int)i, x + nw + 2 + (cw ? cw + 2 : 0), normal,
		           step, sw);
		vt_put(w, y + (int)i, x + total - vt_width(when),
		       r->finished ? vt_attr(ui, UI_PAIR_OK) :
		       vt_attr(ui, UI_PAIR_DIM), when, cols - (x + total - tw));
	}
}

static void
waiting(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
        int64_t age_ms, const struct content *content)
{
	int rows = getmaxy(w), cols = getmaxx(w), tw, an = 0, y, block;
	int room_rows = (int)ws->n_rooms;
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	struct strbuf sb = { 0 };
	struct vt_flow f;
	char line[512], code[64], ssh[200];
	size_t i;
	int n;

	tw = cols - 4 < TEXT_COLS_MAX ? cols - 4 : TEXT_COLS_MAX;
	if (ws->announcement[0] != '\0') {
		vt_flow_init(&f, w, 0, 0, 0, tw, 0, false);
		vt_flow_text(&f, 0, ws->announcement);
		an = vt_flow_lines(&f);
	}
	/* Title, date or the report back's time, gap, rooms, gap, message;
	 * at the bottom the code and a row free. */
	if (room_rows > rows - 3 - 1 - (an ? an + 1 : 0) - 3)
		room_rows = rows - 3 - 1 - (an ? an + 1 : 0) - 3;
	if (room_rows < 0)
		room_rows = 0;
	if (an > rows - 3 - 3 - room_rows - 1)
		an = rows - 3 - 3 - room_rows - 1;
	if (an < 0)
		an = 0;
	block = 3 + room_rows + (an ? 1 + an : 0);
	y = (rows - 3 - block) / 3;
	if (y < 0)
		y = 0;
	big_name(w, y, cols, normal | A_BOLD, ws->title);
	if (ws->date[0] != '\0')
		poster_date(ws->date, &sb);
	for (i = 0; i < ws->n_schedule; i++)
		if (ws->schedule[i]->report_back) {
			strbuf_printf(&sb, "%s", sb.len ? vt_glyphs()->sep : "");
			strbuf_printf(&sb, _("terugkoppeling om %s"),
			              ws->schedule[i]->time);
			break;
		}
	vt_put_centred(w, y + 1, 0, vt_attr(ui, UI_PAIR_DIM), strbuf_str(&sb),
	               cols);
	strbuf_free(&sb);
	y += 3;
	rooms_block(w, ui, ws, age_ms, content, y, room_rows, cols);
	y += room_rows + 1;
	if (an > 0) {
		vt_flow_init(&f, w, y, an, (cols - tw) / 2, tw, 0, true);
		vt_flow_text(&f, ui->colour ? vt_attr(ui, UI_PAIR_TEAM_STEP) :
		             normal | A_BOLD, ws->announcement);
	}
	wsparts_code(ws->code, code, sizeof code);
	n = snprintf(line, sizeof line, _("Doe mee met code %s"), code);
	/* How to join with nothing installed, on the same line when it
	 * fits (the room projector has a row for it; here the groups take
	 * the space). */
	if (ui->ssh_join[0] != '\0' && n > 0 && (size_t)n < sizeof line) {
		snprintf(ssh, sizeof ssh, _("zonder programma: %s"),
		         ui->ssh_join);
		if (vt_width(line) + vt_width(vt_glyphs()->sep) +
		    vt_width(ssh) <= cols)
			snprintf(line + n, sizeof line - (size_t)n, "%s%s",
			         vt_glyphs()->sep, ssh);
	}
	/* The server's fingerprint to compare, where it fits too. */
	if (ui->tls_fingerprint != NULL && ui->tls_fingerprint[0] != '\0') {
		n = (int)strlen(line);
		snprintf(ssh, sizeof ssh, _("vingerafdruk %s"),
		         ui->tls_fingerprint);
		if (vt_width(line) + vt_width(vt_glyphs()->sep) +
		    vt_width(ssh) <= cols && (size_t)n < sizeof line)
			snprintf(line + n, sizeof line - (size_t)n, "%s%s",
			         vt_glyphs()->sep, ssh);
	}
	vt_put_centred(w, rows - 2, 0, normal | A_BOLD, line, cols);
	if (!ui->connected)
		bottom(w, ui, ws, rows, cols);
}

/* --------------------------------------------------------------- draw */

void
plenary_draw(WINDOW *w, struct ui *ui, const Aandeslag__WorkshopStatus *ws,
             int64_t age_ms, const struct content *content)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	int phase = ws != NULL && ws->report != NULL ? (int)ws->report->phase :
	            AANDESLAG__REPORT_PHASE__REPORT_NONE;
	char text[128];

	werase(w);
	if (rows < PLENARY_MIN_ROWS || cols < PLENARY_MIN_COLS) {
		vt_put_cut(w, 0, 0, A_BOLD,
		           _("Maak het venster groter (minstens 80 bij 24)."),
		           cols);
	} else if (ws == NULL) {
		snprintf(text, sizeof text, "%s%s", _("verbinden"),
		         vt_glyphs()->ellipsis);
		vt_put_centred(w, rows / 2 - 1, 0, A_BOLD,
		               _("Aan de slag met internationalisering"), cols);
		vt_put_centred(w, rows / 2 + 1, 0, A_NORMAL, text, cols);
	} else if (phase == AANDESLAG__REPORT_PHASE__REPORT_ROOM) {
		turn(w, ui, ws, age_ms, content);
	} else if (phase == AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW) {
		overview(w, ui, ws, content);
	} else {
		waiting(w, ui, ws, age_ms, content);
	}
	wnoutrefresh(w);
}
