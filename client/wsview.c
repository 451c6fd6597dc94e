/* The facilitator's full screen, laid out for a study day of a few rooms:
 *
 *   row 0      header: the workshop's title and date, its code to read
 *              aloud, the connection
 *   row 1      header: how many rooms, people, connected, findings
 *   row 2      the table's heads
 *   rows 3..   one row per room: number, name, (programme), code, seats
 *              taken of 7, connected, chair, step, clock, its state,
 *              findings of 3; the room whose report-back turn it is
 *              highlighted
 *   then       the message to the rooms, the report back's state, the
 *              schedule (a line, or a list when there is room) and, when
 *              there is room, the findings themselves
 *   row -2     the message line (more rows for a message of several)
 *   row -1     the keys, or the command line while typing
 *
 * The table's columns are as wide as what they hold; when that does not
 * fit, the programme goes first, then the gaps narrow, then names and
 * steps are cut, and only then do columns go, least needed first. */
#include "wsview.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "poster.h"
#include "strbuf.h"
#include "viewhelp.h"
#include "viewparts.h"
#include "viewtext.h"
#include "wscmd.h"
#include "wsparts.h"

/* Smaller than this, the screen asks for a bigger window. */
#define WSVIEW_MIN_ROWS 10
#define WSVIEW_MIN_COLS 40
/* The rows above the table. */
#define WSVIEW_HEADER_ROWS 2
/* Bytes of one cell of the table. */
#define CELL_SIZE 256
/* The most lines the message to the rooms takes when room is short. */
#define ANNOUNCE_LINES_SHORT 2

enum col {
	COL_NUM, COL_NAME, COL_PROG, COL_CODE, COL_SEATED, COL_CHAIR,
	COL_STEP, COL_CLOCK, COL_STATE, COL_FIND, COL_COUNT
};

struct column {
	const char *head;
	const char *abbr;       /* the head when the column is narrower */
	int want;       /* the widest cell, or the head */
	int soft;       /* the narrowest it is cut to before others are */
	int min;        /* the narrowest it may be cut to at all */
	int max;        /* the widest it gets */
	int width;
	bool shown;
	bool right;     /* aligned right */
};

/* ------------------------------------------------------------- cells */

/* Writes what room r (number n) shows in column c, and sets *attr to how
 * (normal unless it asks for attention). */
static void
cell(const struct ui *ui, const Aandeslag__RoomSummary *r, size_t n,
     enum col c, int64_t age_ms, const struct content *content,
     char out[CELL_SIZE], attr_t *attr)
{
	struct wsparts_time t;

	*attr = vt_attr(ui, UI_PAIR_NORMAL);
	switch (c) {
	case COL_NUM:
		snprintf(out, CELL_SIZE, "%zu", n);
		*attr |= A_BOLD;
		break;
	case COL_NAME:
		snprintf(out, CELL_SIZE, "%s", r->name);
		*attr |= A_BOLD;
		break;
	case COL_PROG:
		snprintf(out, CELL_SIZE, "%s", r->programme);
		break;
	case COL_CODE:
		wsparts_code(r->code, out, CELL_SIZE);
		break;
	case COL_SEATED:
		/* Seats taken of 7, and how many of them are connected: a
		 * laptop that dropped out shows as a lower second number. */
		snprintf(out, CELL_SIZE, "%" PRIu32 "/%d (%" PRIu32 ")",
		         r->seated, WSPARTS_SEATS, r->connected);
		if (r->connected < r->seated)
			*attr = vt_attr(ui, UI_PAIR_WARNING);
		break;
	case COL_CHAIR:
		/* A room without a chair cannot move on: it stands out. */
		if (r->chair[0] != '\0') {
			snprintf(out, CELL_SIZE, "%s", r->chair);
		} else {
			snprintf(out, CELL_SIZE, "%s", _("(geen)"));
			*attr = vt_attr(ui, UI_PAIR_WARNING);
		}
		break;
	case COL_STEP:
		snprintf(out, CELL_SIZE, "%" PRIu32 " %s", r->current_step,
		         wsparts_step_name(content, r->current_step));
		break;
	case COL_CLOCK:
	case COL_STATE:
		wsparts_time(r->clock, r->finished, age_ms, &t);
		snprintf(out, CELL_SIZE, "%s", c == COL_CLOCK ? t.text : t.word);
		if (r->finished)
			*attr = vt_attr(ui, UI_PAIR_OK);
		else if (t.over)
			*attr = vt_attr(ui, UI_PAIR_WARNING);
		else if (!t.valid ||
		         t.state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			*attr = vt_attr(ui, UI_PAIR_DIM);
		else if (c == COL_CLOCK)
			*attr |= A_BOLD;
		break;
	default:
		snprintf(out, CELL_SIZE, "%zu/%d", r->n_findings,
		         WSPARTS_FINDINGS_MAX);
		if (r->n_findings >= WSPARTS_FINDINGS_MAX)
			*attr = vt_attr(ui, UI_PAIR_OK);
		break;
	}
}

/* ------------------------------------------------------------ layout */

static int
total_width(const struct column *c, int gap)
{
	int k, total = 1, shown = 0;

	for (k = 0; k < COL_COUNT; k++)
		if (c[k].shown) {
			total += c[k].width;
			shown++;
		}
	return total + (shown > 1 ? gap * (shown - 1) : 0);
}

/* Narrows the column with the most to spare, one at a time, until the
 * table fits in cols or nothing can give: first down to the soft widths
 * (names give way before the step does), then to the least. */
static void
shrink(struct column *c, int gap, int cols)
{
	int k, best, spare, floor, pass;

	for (k = 0; k < COL_COUNT; k++)
		c[k].width = c[k].want;
	for (pass = 0; pass < 2; pass++)
		while (total_width(c, gap) > cols) {
			best = -1;
			spare = 0;
			for (k = 0; k < COL_COUNT; k++) {
				floor = pass == 0 ? c[k].soft : c[k].min;
				if (c[k].shown && c[k].width - floor > spare) {
					spare = c[k].width - floor;
					best = k;
				}
			}
			if (best < 0)
				break;
			c[best].width--;
		}
}

/* Sets every column's width for the rooms of ws in cols columns; returns
 * the gap between columns. */
static int
layout(const struct ui *ui, struct column *c,
       const Aandeslag__WorkshopStatus *ws, int64_t age_ms,
       const struct content *content, int cols)
{
	/* Dropped in this order when even cut the table is too wide: how
	 * many are connected and the code can be asked for, the chair and
	 * the clock's state are told by the room itself. */
	static const enum col drop[] = { COL_CODE, COL_CHAIR, COL_STATE,
	                                 COL_FIND, COL_SEATED };
	/* head, abbr, want, soft, min, max, width, shown, right */
	const struct column init[COL_COUNT] = {
		[COL_NUM] = { "#", "#", 0, 0, 0, 4, 0, true, true },
		[COL_NAME] = { _("Groep"), _("Groep"), 0, 10, 6, 30, 0, true,
		               false },
		[COL_PROG] = { _("Opleiding"), _("Opl."), 0, 12, 8, 30, 0, true,
		               false },
		[COL_CODE] = { _("Code"), _("Code"), 0, 0, 0, 12, 0, true, false },
		[COL_SEATED] = { _("Zit"), _("Zit"), 0, 0, 0, 16, 0, true, false },
		[COL_CHAIR] = { _("Voorzitter"), _("Vz."), 0, 8, 6, 20, 0, true,
		                false },
		[COL_STEP] = { _("Stap"), _("Stap"), 0, 0, 7, 20, 0, true, false },
		[COL_CLOCK] = { _("Klok"), _("Klok"), 0, 0, 0, 10, 0, true, true },
		[COL_STATE] = { _("Staat"), _("Staat"), 0, 0, 0, 14, 0, true,
		                false },
		[COL_FIND] = { _("Bev."), _("Bev."), 0, 0, 0, 6, 0, true, true },
	};
	char text[CELL_SIZE];
	attr_t attr;
	size_t i, d;
	int k, gap = 2, wd;

	memcpy(c, init, sizeof init);
	for (k = 0; k < COL_COUNT; k++) {
		/* A head may be abbreviated: the cells decide the width. */
		c[k].want = vt_width(c[k].abbr);
		for (i = 0; i < ws->n_rooms; i++) {
			cell(ui, ws->rooms[i], i + 1, (enum col)k, age_ms,
			     content, text, &attr);
			wd = vt_width(text);
			if (wd > c[k].want)
				c[k].want = wd;
		}
		if (c[k].want > c[k].max)
			c[k].want = c[k].max;
		if (c[k].min == 0 || c[k].min > c[k].want)
			c[k].min = c[k].want;
		if (c[k].soft == 0 || c[k].soft > c[k].want)
			c[k].soft = c[k].want;
		if (c[k].soft < c[k].min)
			c[k].soft = c[k].min;
		c[k].width = c[k].want;
	}
	if (total_width(c, gap) > cols)
		c[COL_PROG].shown = false;
	if (total_width(c, gap) > cols)
		gap = 1;
	shrink(c, gap, cols);
	for (d = 0; d < sizeof drop / sizeof drop[0] &&
	            total_width(c, gap) > cols; d++) {
		c[drop[d]].shown = false;
		shrink(c, gap, cols);
	}
	return gap;
}

/* ------------------------------------------------------------ header */

static void
header(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
       int cols)
{
	const struct vt_glyphs *g = vt_glyphs();
	attr_t band = vt_attr(ui, UI_PAIR_HEADER);
	struct strbuf date = { 0 };
	char code[64], right[256], state[128], summary[256];
	uint32_t seated = 0, connected = 0;
	size_t i, findings = 0;
	int wr, x = 1, avail;

	vt_fill(w, 0, 0, band, cols);
	vt_fill(w, 1, 0, band, cols);
	if (ui->connected)
		snprintf(state, sizeof state, "%s", _("verbonden"));
	else
		vp_link_state(ui, state, sizeof state);
	wsparts_code(ws->code, code, sizeof code);
	/* The code is what the facilitator reads aloud: it stays, the
	 * title gives way. */
	snprintf(right, sizeof right, _("code %s"), code);
	wr = vt_width(right) + vt_width(g->sep) + vt_width(state);
	if (wr > cols - 2) {
		wr = vt_width(right);
		state[0] = '\0';
	}
	if (wr > cols - 2)
		wr = cols - 2;
	x = cols - 1 - wr;
	x += vt_put(w, 0, x, band | A_BOLD, right, cols - 1 - x);
	if (state[0] != '\0') {
		x += vt_put(w, 0, x, band, g->sep, cols - 1 - x);
		vt_put(w, 0, x, ui->connected ? band :
		       vt_attr(ui, UI_PAIR_WARNING), state, cols - 1 - x);
	}
	avail = cols - 1 - wr - 2 - 1;
	x = 1;
	x += vt_put_cut(w, 0, x, band | A_BOLD, ws->title, avail);
	if (ws->date[0] != '\0') {
		poster_date(ws->date, &date);
		if (x + vt_width(g->sep) + vt_width(strbuf_str(&date)) <=
		    avail + 1) {
			x += vt_put(w, 0, x, band, g->sep, avail + 1 - x);
			vt_put(w, 0, x, band, strbuf_str(&date), avail + 1 - x);
		}
		strbuf_free(&date);
	}
	for (i = 0; i < ws->n_rooms; i++) {
		seated += ws->rooms[i]->seated;
		connected += ws->rooms[i]->connected;
		findings += ws->rooms[i]->n_findings;
	}
	snprintf(summary, sizeof summary,
	         _("%zu groepen%s%" PRIu32 " deelnemers, %" PRIu32 " verbonden%s%zu van %zu bevindingen binnen"),
	         ws->n_rooms, g->sep, seated, connected, g->sep, findings,
	         ws->n_rooms * WSPARTS_FINDINGS_MAX);
	vt_put_cut(w, 1, 1, band, summary, cols - 2);
}

/* ------------------------------------------------------------- table */

/* Puts s in a column: left, or right-aligned, cut to its width. */
static void
put_cell(WINDOW *w, int y, int x, const struct column *c, attr_t attr,
         const char *s)
{
	int width = vt_width(s);

	if (c->right && width < c->width)
		x += c->width - width;
	vt_put_cut(w, y, x, attr, s, c->width);
}

/* Draws the heads at row y and room rows from y + 1, at most rows of
 * them; the last says how many more there are when not all fit. */
static void
table(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
      int64_t age_ms, const struct content *content, int y, int rows,
      int cols)
{
	const Aandeslag__ReportState *rs = ws->report;
	struct column c[COL_COUNT];
	char text[CELL_SIZE];
	attr_t attr, row_attr;
	size_t i, shown = ws->n_rooms;
	bool turn;
	int k, x, gap;

	gap = layout(ui, c, ws, age_ms, content, cols);
	x = 1;
	for (k = 0; k < COL_COUNT; k++) {
		if (!c[k].shown)
			continue;
		put_cell(w, y, x, &c[k], vt_attr(ui, UI_PAIR_DIM) | A_BOLD,
		         vt_width(c[k].head) <= c[k].width ? c[k].head :
		         c[k].abbr);
		x += c[k].width + gap;
	}
	if (shown > (size_t)rows)
		shown = rows > 0 ? (size_t)rows - 1 : 0;
	for (i = 0; i < shown; i++) {
		/* The room whose turn it is in the report back stands out,
		 * so that the facilitator sees who speaks. */
		turn = rs != NULL &&
		       rs->phase == AANDESLAG__REPORT_PHASE__REPORT_ROOM &&
		       rs->room == i + 1;
		row_attr = turn ? vt_attr(ui, UI_PAIR_TEAM_STEP) : 0;
		if (turn)
			vt_fill(w, y + 1 + (int)i, 0, row_attr, cols);
		x = 1;
		for (k = 0; k < COL_COUNT; k++) {
			if (!c[k].shown)
				continue;
			cell(ui, ws->rooms[i], i + 1, (enum col)k, age_ms,
			     content, text, &attr);
			put_cell(w, y + 1 + (int)i, x, &c[k],
			         turn ? row_attr : attr, text);
			x += c[k].width + gap;
		}
	}
	if (shown < ws->n_rooms) {
		snprintf(text, sizeof text,
		         _("%s en nog %zu groepen; typ :toon voor allemaal"),
		         vt_glyphs()->ellipsis, ws->n_rooms - shown);
		vt_put_cut(w, y + 1 + (int)shown, 1, vt_attr(ui, UI_PAIR_DIM),
		           text, cols - 2);
	}
}

/* ---------------------------------------------------------- sections */

/* Starts a section with its label in bold; wrapped lines go on under
 * the text after it. */
static void
label(struct vt_flow *f, const struct ui *ui, const char *s)
{
	vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD, s);
	vt_flow_tab(f, vt_width(s) + 1);
}

static void
sec_announce(struct vt_flow *f, const struct ui *ui,
             const Aandeslag__WorkshopStatus *ws)
{
	label(f, ui, _("Bericht aan de groepen:"));
	if (ws->announcement[0] != '\0')
		vt_flow_text(f, vt_attr(ui, UI_PAIR_NORMAL), ws->announcement);
	else
		vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM), _("geen"));
	vt_flow_end(f);
}

static void
sec_report(struct vt_flow *f, const struct ui *ui,
           const Aandeslag__WorkshopStatus *ws, int64_t age_ms)
{
	struct strbuf sb = { 0 };
	bool on = ws->report != NULL &&
	          ws->report->phase != AANDESLAG__REPORT_PHASE__REPORT_NONE;

	wsparts_report(ws, age_ms, &sb);
	label(f, ui, _("Terugkoppeling:"));
	vt_flow_text(f, on ? vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD :
	             vt_attr(ui, UI_PAIR_NORMAL), strbuf_str(&sb));
	vt_flow_end(f);
	strbuf_free(&sb);
}

/* The schedule on one flowing line, or as a list one slot a line. */
static void
sec_schedule(struct vt_flow *f, const struct ui *ui,
             const Aandeslag__WorkshopStatus *ws, bool list)
{
	const Aandeslag__ScheduleItem *item;
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL), attr;
	size_t i;

	if (ws->n_schedule == 0)
		return;
	label(f, ui, _("Rooster:"));
	if (list)
		vt_flow_end(f);
	for (i = 0; i < ws->n_schedule; i++) {
		item = ws->schedule[i];
		attr = item->report_back ? normal | A_BOLD : normal;
		if (list) {
			vt_flow_tab(f, 2);
			vt_flow_text(f, attr, item->time);
			vt_flow_tab(f, 2 + 7);
		} else {
			if (i > 0)
				vt_flow_text(f, vt_attr(ui, UI_PAIR_DIM),
				             vt_glyphs()->sep);
			vt_flow_printf(f, attr, "%s ", item->time);
		}
		vt_flow_text(f, attr, item->label);
		if (item->report_back)
			vt_flow_text(f, attr, _(" (terugkoppeling)"));
		if (list)
			vt_flow_end(f);
	}
	vt_flow_end(f);
}

/* What every room brings back, for a screen with rows to spare: the
 * room's name once, its findings numbered beside it, one line each (cut:
 * the plenary shows them whole). Draws from row y at most rows lines
 * (draw false: only measures); returns the lines it needs. */
static int
sec_findings(WINDOW *w, const struct ui *ui,
             const Aandeslag__WorkshopStatus *ws, int y, int rows, int cols,
             bool draw)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	const Aandeslag__RoomSummary *r;
	char number[32];
	size_t i, k;
	int names = 0, x, line = 1;

	for (i = 0; i < ws->n_rooms; i++)
		if (ws->rooms[i]->n_findings > 0 &&
		    vt_width(ws->rooms[i]->name) > names)
			names = vt_width(ws->rooms[i]->name);
	if (names > cols / 4)
		names = cols / 4;
	x = 3 + names + 2;
	if (draw && rows > 0)
		vt_put_cut(w, y, 1, normal | A_BOLD,
		           _("Bevindingen voor de terugkoppeling"), cols - 2);
	for (i = 0; i < ws->n_rooms; i++) {
		r = ws->rooms[i];
		for (k = 0; k < r->n_findings; k++, line++) {
			if (!draw || line >= rows)
				continue;
			if (k == 0)
				vt_put_cut(w, y + line, 3, normal | A_BOLD, r->name,
				           names);
			snprintf(number, sizeof number, "%zu.", k + 1);
			vt_put(w, y + line, x, normal, number, cols - 1 - x);
			vt_put_cut(w, y + line, x + 3, normal,
			           r->findings[k]->text, cols - 1 - x - 3);
		}
	}
	return line;
}

/* Who sits where, for a screen with rows to spare and for moving
 * people: the room's name, then its names in one line (cut). Draws from
 * row y at most rows lines (draw false: only measures); returns the
 * lines it needs. */
static int
sec_people(WINDOW *w, const struct ui *ui,
           const Aandeslag__WorkshopStatus *ws, int y, int rows, int cols,
           bool draw)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL);
	const Aandeslag__RoomSummary *r;
	struct strbuf sb = { 0 };
	size_t i, k;
	int names = 0, x;

	for (i = 0; i < ws->n_rooms; i++)
		if (vt_width(ws->rooms[i]->name) > names)
			names = vt_width(ws->rooms[i]->name);
	if (names > cols / 4)
		names = cols / 4;
	x = 3 + names + 2;
	if (!draw)
		return 1 + (int)ws->n_rooms;
	if (rows > 0)
		vt_put_cut(w, y, 1, normal | A_BOLD, _("Wie zit waar"), cols - 2);
	for (i = 0; i < ws->n_rooms && (int)i + 1 < rows; i++) {
		r = ws->rooms[i];
		vt_put_cut(w, y + 1 + (int)i, 3, normal | A_BOLD, r->name, names);
		for (k = 0; k < r->n_participants; k++)
			strbuf_printf(&sb, "%s%s", k ? ", " : "",
			              r->participants[k]);
		/* In anonymous mode the rooms give no names. */
		vt_put_cut(w, y + 1 + (int)i, x, r->n_participants ? normal :
		           vt_attr(ui, UI_PAIR_DIM), r->n_participants ?
		           strbuf_str(&sb) : _("(geen namen)"), cols - 1 - x);
		strbuf_free(&sb);
	}
	return 1 + (int)ws->n_rooms;
}

enum section { SEC_END, SEC_GAP, SEC_ANNOUNCE, SEC_REPORT,
               SEC_SCHEDULE_LINE, SEC_SCHEDULE_LIST, SEC_FINDINGS,
               SEC_PEOPLE };
/* The most sections in a plan, SEC_END included. */
#define PLAN_MAX 12

/* Lays section s out from row y in at most rows rows (draw false: only
 * measures); returns the lines it needs whole. */
static int
section(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
        int64_t age_ms, enum section s, int y, int rows, int cols,
        bool draw)
{
	struct vt_flow f;

	if (s == SEC_GAP)
		return 1;
	if (s == SEC_FINDINGS)
		return sec_findings(w, ui, ws, y, rows, cols, draw);
	if (s == SEC_PEOPLE)
		return sec_people(w, ui, ws, y, rows, cols, draw);
	vt_flow_init(&f, w, y, rows, 1, cols - 2, 0, draw);
	switch (s) {
	case SEC_ANNOUNCE:
		sec_announce(&f, ui, ws);
		break;
	case SEC_REPORT:
		sec_report(&f, ui, ws, age_ms);
		break;
	default:
		sec_schedule(&f, ui, ws, s == SEC_SCHEDULE_LIST);
		break;
	}
	return vt_flow_lines(&f);
}

/* Draws the sections under the table, from row y in rows rows: the
 * fullest plan that fits whole, else the message, the report back and
 * as much of the schedule as fits, without gaps. */
static void
sections(WINDOW *w, const struct ui *ui, const Aandeslag__WorkshopStatus *ws,
         int64_t age_ms, int y, int rows, int cols)
{
	static const enum section plans[][PLAN_MAX] = {
		{ SEC_GAP, SEC_ANNOUNCE, SEC_REPORT, SEC_GAP, SEC_SCHEDULE_LIST,
		  SEC_GAP, SEC_FINDINGS, SEC_GAP, SEC_PEOPLE, SEC_END },
		{ SEC_GAP, SEC_ANNOUNCE, SEC_REPORT, SEC_GAP, SEC_SCHEDULE_LINE,
		  SEC_GAP, SEC_FINDINGS, SEC_GAP, SEC_PEOPLE, SEC_END },
		{ SEC_GAP, SEC_ANNOUNCE, SEC_REPORT, SEC_GAP, SEC_SCHEDULE_LINE,
		  SEC_GAP, SEC_FINDINGS, SEC_END },
		{ SEC_GAP, SEC_ANNOUNCE, SEC_REPORT, SEC_GAP, SEC_SCHEDULE_LIST,
		  SEC_END },
		{ SEC_GAP, SEC_ANNOUNCE, SEC_REPORT, SEC_SCHEDULE_LINE, SEC_END },
	};
	size_t p, k, nplans = sizeof plans / sizeof plans[0];
	int need[PLAN_MAX], total, n, left;
	bool any = false;

	/* The findings only where there are any. */
	for (k = 0; k < ws->n_rooms; k++)
		any = any || ws->rooms[k]->n_findings > 0;
	for (p = 0; p < nplans; p++) {
		total = 0;
		for (k = 0; plans[p][k] != SEC_END; k++) {
			need[k] = plans[p][k] == SEC_FINDINGS && !any ? 0 :
			          section(w, ui, ws, age_ms, plans[p][k], 0, 0,
			                  cols, false);
			total += need[k];
		}
		if (total <= rows)
			break;
	}
	if (p == nplans) {
		/* Nothing fits whole: no gaps, the message in at most two
		 * lines, the report back, the schedule in what is left. */
		n = section(w, ui, ws, age_ms, SEC_ANNOUNCE, 0, 0, cols, false);
		if (n > ANNOUNCE_LINES_SHORT)
			n = ANNOUNCE_LINES_SHORT;
		if (n > rows)
			n = rows;
		section(w, ui, ws, age_ms, SEC_ANNOUNCE, y, n, cols, true);
		y += n;
		left = rows - n;
		if (left > 0)
			section(w, ui, ws, age_ms, SEC_REPORT, y++, 1, cols, true);
		if (--left > 0)
			section(w, ui, ws, age_ms, SEC_SCHEDULE_LINE, y, left,
			        cols, true);
		return;
	}
	for (k = 0; plans[p][k] != SEC_END; k++) {
		n = need[k];
		if (n == 0)
			continue;
		if (plans[p][k] != SEC_GAP)
			section(w, ui, ws, age_ms, plans[p][k], y, n, cols, true);
		y += n;
	}
}

/* ------------------------------------------------------------ footer */

static void
footer_keys(WINDOW *w, const struct ui *ui,
            const Aandeslag__WorkshopStatus *ws, int y, int cols)
{
	struct vp_hint h[11];
	size_t n = 0;
	bool on = ws != NULL && ws->report != NULL &&
	          ws->report->phase != AANDESLAG__REPORT_PHASE__REPORT_NONE;

	h[n++] = (struct vp_hint){ ":", _("opdracht"), 5 };
	if (ws != NULL) {
		h[n++] = (struct vp_hint){ "b", _("bericht"), 3 };
		h[n++] = (struct vp_hint){ "v", _("verplaats"), 4 };
		h[n++] = (struct vp_hint){ "t", _("terugkoppeling"), 2 };
	}
	if (on) {
		h[n++] = (struct vp_hint){ ">", _("volgende groep"), 1 };
		h[n++] = (struct vp_hint){ "<", _("vorige"), 6 };
	}
	h[n++] = (struct vp_hint){ "?", _("hulp"), -1 };
	h[n++] = (struct vp_hint){ "q", _("stoppen"), 7 };
	h[n++] = (struct vp_hint){ "L", lang_other_name(), 7 };
	vp_hints(w, ui, y, cols, h, n);
}

/* -------------------------------------------------------------- draw */

const char *
wsview_key_line(int key, bool *run)
{
	/* Command words, not texts to translate: both languages' words
	 * work, the line shows the reader's. */
	bool en = strcmp(lang_current(), LANG_ENGLISH) == 0;

	*run = false;
	switch (key) {
	case 'b':
		return en ? "announce " : "bericht ";
	case 'v':
		return en ? "move " : "verplaats ";
	case 't':
		return en ? "report " : "terugkoppeling ";
	case '>':
		*run = true;
		return en ? "report next" : "terugkoppeling volgende";
	case '<':
		*run = true;
		return en ? "report prev" : "terugkoppeling vorige";
	default:
		return NULL;
	}
}

const char *
wsview_help_keys(void)
{
	return _(
"Toetsen\n"
"  :                    een opdracht typen (zie hieronder); Enter stuurt, Esc breekt af\n"
"  b                    een bericht aan alle groepen typen\n"
"  v                    iemand naar een andere groep verplaatsen\n"
"  t                    de terugkoppeling besturen\n"
"  > en <               in de terugkoppeling: de volgende of de vorige groep\n"
"  ?                    deze hulp\n"
"  L of F2              English: de taal wisselen\n"
"  q                    stoppen\n"
"\n"
"De tabel\n"
"  Zit                  plekken bezet van de 7, tussen haakjes hoeveel daarvan nu verbonden zijn: 5/7 (4)\n"
"  Bev.                 hoeveel bevindingen (van de 3) de groep meeneemt naar de terugkoppeling\n"
"\n");
}

void
wsview_draw(WINDOW *w, struct ui *ui, const Aandeslag__WorkshopStatus *ws,
            int64_t age_ms, const struct content *content)
{
	const char *parts[2] = { wsview_help_keys(), wscmd_help() };
	int rows = getmaxy(w), cols = getmaxx(w), cy = -1, cx = -1;
	int top, bottom, room_rows;
	char text[128];

	werase(w);
	if (rows < WSVIEW_MIN_ROWS || cols < WSVIEW_MIN_COLS) {
		vt_put_cut(w, 0, 0, A_BOLD,
		           _("Maak het venster groter (minstens 80 bij 24)."),
		           cols);
		wnoutrefresh(w);
		return;
	}
	top = WSVIEW_HEADER_ROWS;
	bottom = rows - 2;
	if (ws == NULL) {
		vt_fill(w, 0, 0, vt_attr(ui, UI_PAIR_HEADER), cols);
		vt_put_cut(w, 0, 1, vt_attr(ui, UI_PAIR_HEADER) | A_BOLD,
		           _("Aan de slag met internationalisering"), cols - 2);
		snprintf(text, sizeof text, "%s%s",
		         _("wachten op de workshop"), vt_glyphs()->ellipsis);
		vt_put_centred(w, rows / 2, 0, A_BOLD, text, cols);
	} else {
		header(w, ui, ws, cols);
		/* Every room when the sections keep three rows; else the
		 * rooms take what is left but those three. */
		room_rows = (int)ws->n_rooms;
		if (top + 1 + room_rows + 3 > bottom)
			room_rows = bottom - top - 1 - 3;
		if (room_rows < 1)
			room_rows = 1;
		table(w, ui, ws, age_ms, content, top, room_rows, cols);
		sections(w, ui, ws, age_ms, top + 1 + room_rows,
		         bottom - top - 1 - room_rows, cols);
	}
	vp_message(w, ui, rows - 2, top, cols, NULL);
	if (ui->typing && ui->screen != UI_HELP) {
		cy = rows - 1;
		cx = vp_command_line(w, ui, rows - 1, cols);
	} else {
		footer_keys(w, ui, ws, rows - 1, cols);
	}
	if (ui->screen == UI_HELP)
		ui->page_lines = viewhelp_box(w, ui, _("Hulp: de workshop begeleiden"),
		                              parts, 2);
	if (cy >= 0 && cx >= 0)
		wmove(w, cy, cx < cols ? cx : cols - 1);
	wnoutrefresh(w);
}
