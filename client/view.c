/* Drawing the full-screen client: the poster, the help over it and the
 * join form. The poster is laid out like the paper one on the table:
 *
 *   row 0      header: the session's title (and its workshop's), its
 *              code and the server's address (for the chair to read
 *              aloud), the connection
 *   row 1      header: the team's step, its clock, how far the step is,
 *              the clock's state, when the session ends at this pace,
 *              who is present
 *   rows 2..   the facilitator's message to the workshop, when there
 *              is one (1 to 3 rows, by the terminal's height)
 *   2 rows     the five steps side by side with what each holds; the
 *              team's step highlighted, the step on screen in brackets
 *   rows ..    the page of the step on screen (viewstep.c), scrolling;
 *              its first row says where the team is when that is
 *              another step
 *   row -2     the message line (more rows for a message of several)
 *   row -1     the keys, or the command line while typing
 *
 * The help (viewhelp.c) is a box over it. Everything fits 80x24; a
 * larger terminal gets more of the page, a rule under the steps and,
 * from 140 columns, the card beside the content. Without colour (a
 * monochrome terminal, NO_COLOR) only bold, reverse, underline and dim
 * are used. */
#include "view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "model.h"
#include "poster.h"
#include "projector.h"
#include "viewhelp.h"
#include "viewparts.h"
#include "viewstep.h"
#include "viewtext.h"

/* The rows of the poster above its page. */
#define VIEW_HEADER_ROWS 2
#define VIEW_OVERVIEW_TOP VIEW_HEADER_ROWS
#define VIEW_OVERVIEW_ROWS 2
/* From this height a rule separates the steps from the page. */
#define VIEW_RULE_ROWS 30
/* Smaller than this, the poster asks for a bigger window. */
#define VIEW_MIN_ROWS 10
#define VIEW_MIN_COLS 40

/* Where the join fields' views began last time, so that they stay put
 * while the cursor moves within them. This is what the drawing remembers
 * between frames; it belongs to the view of the line, not to the line. */
static size_t join_start[UI_FIELDS];

void
view_colours(bool colour)
{
	short fg = -1, bg = -1;

	if (!colour)
		return;
	/* The terminal's own background where it allows, so that the
	 * poster looks like the terminal the user chose. */
	if (use_default_colors() == ERR) {
		fg = COLOR_WHITE;
		bg = COLOR_BLACK;
	}
	init_pair(UI_PAIR_NORMAL, fg, bg);
	init_pair(UI_PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(UI_PAIR_TEAM_STEP, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_PAIR_WARNING, COLOR_YELLOW, bg);
	init_pair(UI_PAIR_ERROR, COLOR_RED, bg);
	init_pair(UI_PAIR_OK, COLOR_GREEN, bg);
	init_pair(UI_PAIR_DIM, COLORS >= 16 ? 8 : fg, bg);
}

/* ------------------------------------------------------------- header */

/* Row 0: title, code and address on the left, the connection right. */
static void
header_room(WINDOW *w, const struct ui *ui, const struct model_room *room,
            int cols)
{
	const struct vt_glyphs *g = vt_glyphs();
	attr_t band = vt_attr(ui, UI_PAIR_HEADER);
	char address[300], code[64], state[128];
	int x = 1, avail, right, title_cols, wcode, waddr;

	vp_address(ui, address, sizeof address);
	if (room != NULL && ui->connected)
		snprintf(state, sizeof state, "%s%s%s",
		         room->settings.finished ? _("afgerond") : "",
		         room->settings.finished ? g->sep : "", _("verbonden"));
	else if (room != NULL)
		vp_link_state(ui, state, sizeof state);
	else if (ui->connecting || ui->joined)
		snprintf(state, sizeof state, "%s%s", _("verbinden"),
		         g->ellipsis);
	else
		snprintf(state, sizeof state, "%s", _("niet verbonden"));
	right = vt_width(state);
	if (right > cols - 2)
		right = cols - 2;
	vt_put(w, 0, cols - 1 - right,
	       room != NULL && !ui->connected ?
	       vt_attr(ui, UI_PAIR_WARNING) : band | A_BOLD, state, right);
	avail = cols - 1 - right - 2 - x;
	if (room == NULL) {
		x += vt_put_cut(w, 0, x, band | A_BOLD,
		                _("Aan de slag met internationalisering"), avail);
		if (address[0] != '\0' && avail - x > vt_width(address) + 2)
			vt_put(w, 0, x + 2, band, address, avail - x - 1);
		return;
	}
	snprintf(code, sizeof code, _("code %s"), room->code);
	wcode = vt_width(code);
	waddr = address[0] != '\0' ? vt_width(g->sep) + vt_width(address) : 0;
	/* The code and the address are what the chair reads aloud: they
	 * stay, the title gives way. */
	title_cols = avail - wcode - waddr - 2;
	if (title_cols < 12 && waddr > 0) {
		waddr = 0;
		title_cols = avail - wcode - 2;
	}
	if (title_cols >= 8) {
		x += vp_title(w, room, 0, x, band, title_cols);
		x += 2;
	}
	x += vt_put(w, 0, x, band | A_BOLD, code, cols - 1 - right - x);
	if (waddr > 0) {
		x += vt_put(w, 0, x, band, g->sep, cols - 1 - right - x);
		vt_put(w, 0, x, band | A_BOLD, address, cols - 1 - right - x);
	}
}

/* Row 1: the team's step and its clock, the plan and who is there. */
static void
header_step(WINDOW *w, const struct ui *ui, const struct model_room *room,
            int cols)
{
	const struct vt_glyphs *g = vt_glyphs();
	const struct clock *c = &room->clocks[room->current_step - 1];
	attr_t band = vt_attr(ui, UI_PAIR_HEADER), clock_attr;
	char step[200], clock[CLOCK_TEXT_SIZE + 64], end[16], ends[64];
	char count[64];
	const char *state = vp_clock_state(c);
	int64_t left = clock_remaining(c, ui->now);
	int avail = cols - 2, x = 1, wstep, wclock, wstate, wend = 0;
	int wpres = -1, wcount = 0, rest, bar = 0, over_tail = 0;

	snprintf(step, sizeof step, _("Stap %" PRIu32 "/%d %s"),
	         room->current_step, STEPS_COUNT,
	         poster_step_name(room, room->current_step));
	clock_format(left, clock);
	/* Overtime is information, not an alarm: said calmly in words. */
	if (left < 0)
		over_tail = vt_width(_("over tijd")) + 1;
	wstep = vt_width(step);
	wclock = vt_width(clock) + over_tail;
	wstate = vt_width(state);
	if (vp_session_end(room, ui->now, end)) {
		snprintf(ends, sizeof ends, _("einde %s %s"), g->approx, end);
		wend = vt_width(ends);
	}
	/* The step, its clock and state always; the step's name gives way
	 * first, then the state. */
	if (wstep + 2 + wclock + 2 + wstate > avail) {
		wstep = avail - 2 - wclock - 2 - wstate;
		if (wstep < 8) {
			wstate = 0;
			wstep = avail - 2 - wclock;
		}
	}
	rest = avail - wstep - 2 - wclock - (wstate ? 2 + wstate : 0);
	if (wend > 0 && rest >= wend + 2)
		rest -= wend + 2;
	else
		wend = 0;
	/* Who is there: the names when they fit, else how many; the bar
	 * takes what is left. */
	wpres = vp_presence(w, ui, 1, 0, band, rest - 2, false);
	if (wpres >= 0) {
		rest -= wpres + 2;
	} else {
		vp_present_count(room, count, sizeof count);
		wcount = vt_width(count);
		if (rest >= wcount + 2)
			rest -= wcount + 2;
		else
			wcount = 0;
	}
	if (rest >= 7) {
		bar = rest - 2;
		if (bar > 30)
			bar = 30;
	}
	x += vt_put_cut(w, 1, x, band | A_BOLD, step, wstep < 0 ? 0 : wstep);
	x += 2;
	/* A clock warning stands out for a moment: in the warning colour,
	 * or un-reversed out of the reversed band without colour. */
	if (ui->flash)
		clock_attr = ui->colour ? vt_attr(ui, UI_PAIR_WARNING) :
		             A_BOLD | A_UNDERLINE;
	else
		clock_attr = band | A_BOLD;
	x += vt_put(w, 1, x, clock_attr, clock, cols - 1 - x);
	if (over_tail > 0)
		x += 1 + vt_put(w, 1, x + 1, band, _("over tijd"), cols - 1 - x - 1);
	if (bar > 0) {
		vt_bar(w, 1, x + 2, band, bar, vp_elapsed(c, ui->now));
		x += 2 + bar;
	}
	if (wstate > 0)
		x += 2 + vt_put(w, 1, x + 2, band, state, wstate);
	if (wend > 0)
		vt_put(w, 1, x + 2, band, ends, wend);
	if (wpres >= 0)
		vp_presence(w, ui, 1, cols - 1 - wpres, band, wpres, true);
	else if (wcount > 0)
		vt_put(w, 1, cols - 1 - wcount, band, count, wcount);
}

static void
header(WINDOW *w, const struct ui *ui, const struct model_room *room,
       int cols)
{
	vt_fill(w, 0, 0, vt_attr(ui, UI_PAIR_HEADER), cols);
	vt_fill(w, 1, 0, vt_attr(ui, UI_PAIR_HEADER), cols);
	header_room(w, ui, room, cols);
	if (room != NULL)
		header_step(w, ui, room, cols);
}

/* The most rows the facilitator's message may take under the header of
 * a terminal rows high: more where there is room. */
static int
announcement_max(int rows)
{
	return rows >= VIEW_RULE_ROWS ? 3 : rows >= 20 ? 2 : 1;
}

/* ----------------------------------------------------------- overview */

/* The first and the one-past-last column of step's box. */
static void
box_columns(unsigned step, int cols, int *x0, int *x1)
{
	*x0 = (int)(step - 1) * cols / STEPS_COUNT;
	*x1 = (int)step * cols / STEPS_COUNT;
}

unsigned
view_step_at(const struct ui *ui, int y, int x, int cols)
{
	unsigned step;
	int x0, x1, top;

	if (vp_room(ui) == NULL || ui->screen != UI_POSTER ||
	    cols < VIEW_MIN_COLS || getmaxy(stdscr) < VIEW_MIN_ROWS)
		return 0;
	top = VIEW_OVERVIEW_TOP +
	      vp_announcement(NULL, ui, vp_room(ui), 0, cols,
	                      announcement_max(getmaxy(stdscr)), false);
	if (y < top || y >= top + VIEW_OVERVIEW_ROWS)
		return 0;
	for (step = 1; step <= STEPS_COUNT; step++) {
		box_columns(step, cols, &x0, &x1);
		if (x >= x0 && x < x1)
			return step;
	}
	return 0;
}

static size_t
notes_at(const struct model_room *room, unsigned step)
{
	size_t i, n = 0;

	for (i = 0; i < room->nnotes; i++)
		if (room->notes[i].step == step)
			n++;
	return n;
}

/* Writes what step holds, as long as it fits in cols: the notes, at step
 * 3 the dots and the chosen competences, at 4 the activities, at 5 the
 * actions and those nobody took on. Sets *alert when that needs the
 * team's attention. */
static void
holds(const struct model_room *room, unsigned step, int cols, char *out,
      size_t size, bool *alert)
{
	const struct vt_glyphs *g = vt_glyphs();
	char v[3][96];
	size_t n, k, i, unowned = 0;
	uint32_t dots = 0;
	int nv = 0;

	*alert = false;
	switch (step) {
	case 3:
		for (i = 0; i < room->nparticipants; i++)
			dots += model_dots_used(room, room->participants[i].id);
		k = room->nmarked;
		if (k > 0) {
			snprintf(v[nv++], sizeof v[0], _("%" PRIu32 " stippen, %zu gekozen"),
			         dots, k);
			snprintf(v[nv++], sizeof v[0], _("%" PRIu32 "%s %zu gekozen"),
			         dots, g->dot, k);
			snprintf(v[nv++], sizeof v[0], "%" PRIu32 "%s %zu%s", dots,
			         g->dot, k, g->check);
		} else {
			snprintf(v[nv++], sizeof v[0], dots == 1 ? _("1 stip") :
			         _("%" PRIu32 " stippen"), dots);
			snprintf(v[nv++], sizeof v[0], "%" PRIu32 "%s", dots, g->dot);
		}
		break;
	case 4:
		n = room->activities.n;
		snprintf(v[nv++], sizeof v[0], n == 1 ? _("1 activiteit") :
		         _("%zu activiteiten"), n);
		snprintf(v[nv++], sizeof v[0], _("%zu activ."), n);
		break;
	case 5:
		n = room->actions.n;
		for (i = 0; i < n; i++)
			if (((const Aandeslag__Action *)room->actions.v[i].msg)
			    ->n_owners == 0)
				unowned++;
		*alert = unowned > 0;
		if (unowned > 0) {
			snprintf(v[nv++], sizeof v[0], _("%zu acties, %zu zonder wie"),
			         n, unowned);
			/* Too narrow for both: who is missing matters more
			 * than how many there are. */
			snprintf(v[nv++], sizeof v[0], _("%zu zonder wie!"),
			         unowned);
			snprintf(v[nv++], sizeof v[0], "%zu!", unowned);
		} else {
			snprintf(v[nv++], sizeof v[0], n == 1 ? _("1 actie") :
			         _("%zu acties"), n);
			snprintf(v[nv++], sizeof v[0], "%zu", n);
		}
		break;
	default:
		n = notes_at(room, step);
		snprintf(v[nv++], sizeof v[0], n == 1 ? _("1 notitie") :
		         _("%zu notities"), n);
		snprintf(v[nv++], sizeof v[0], _("%zu not."), n);
		break;
	}
	for (i = 0; i + 1 < (size_t)nv; i++)
		if (vt_width(v[i]) <= cols)
			break;
	snprintf(out, size, "%.95s", v[i]);
}

/* Rows top and top + 1: the five steps like the columns of the paper
 * poster. */
static void
overview(WINDOW *w, const struct ui *ui, const struct model_room *room,
         int top, int cols)
{
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL), attr, name_attr;
	char name[200], what[128];
	unsigned step;
	int x0, x1, width, x;
	bool team, viewed, alert;

	for (step = 1; step <= STEPS_COUNT; step++) {
		box_columns(step, cols, &x0, &x1);
		width = x1 - x0;
		team = step == room->current_step;
		viewed = step == ui->viewed_step;
		attr = team ? vt_attr(ui, UI_PAIR_TEAM_STEP) : normal;
		if (team) {
			vt_fill(w, top, x0, attr, width);
			vt_fill(w, top + 1, x0, attr, width);
		}
		/* The step on screen in brackets and underlined, so that it
		 * is clear when it is not the team's. */
		name_attr = attr | A_BOLD | (viewed ? A_UNDERLINE : 0);
		snprintf(name, sizeof name, "%u %s", step,
		         poster_step_name(room, step));
		x = x0;
		x += vt_put(w, top, x, attr, viewed ? "[" : " ", 1);
		x += vt_put_cut(w, top, x, name_attr, name, width - 2);
		if (viewed)
			vt_put(w, top, x, attr, "]", 1);
		/* The counts keep a column free before the next box. */
		holds(room, step, width - 2, what, sizeof what, &alert);
		vt_put_cut(w, top + 1, x0 + 1,
		           team ? attr : alert ? vt_attr(ui, UI_PAIR_WARNING) :
		           vt_attr(ui, UI_PAIR_DIM), what, width - 2);
	}
}

/* ------------------------------------------------------ message, footer */

/* The keys, those of the step on screen and the chair's among them; what
 * does not fit is left out, least needed first, but "? hulp" stays. */
static void
footer_keys(WINDOW *w, const struct ui *ui, const struct model_room *room,
            int y, int cols)
{
	struct vp_hint h[16];
	size_t n = 0;
	bool chair = room != NULL && ui->net->self_id != 0 &&
	             model_chair(room) == ui->net->self_id;
	bool away = room != NULL && ui->viewed_step != room->current_step;

	if (room != NULL) {
		h[n++] = (struct vp_hint){ "1-5", _("stap"), 6 };
		h[n++] = (struct vp_hint){ "t", _("team"), away ? 2 : 8 };
		h[n++] = (struct vp_hint){ "n", _("notitie"), 3 };
		switch (ui->viewed_step) {
		case 3:
			h[n++] = (struct vp_hint){ "v", _("stip"), 1 };
			if (chair)
				h[n++] = (struct vp_hint){ "m", _("kiezen"), 1 };
			break;
		case 4:
			h[n++] = (struct vp_hint){ "a", _("activiteit"), 1 };
			break;
		case 5:
			h[n++] = (struct vp_hint){ "x", _("actie"), 1 };
			h[n++] = (struct vp_hint){ "c", _("claimen"), 1 };
			if (poster_reports_back(room))
				h[n++] = (struct vp_hint){ "b", _("bevinding"), 2 };
			break;
		default:
			break;
		}
		if (chair) {
			h[n++] = (struct vp_hint){ _("spatie"), _("klok"), 2 };
			h[n++] = (struct vp_hint){ ">", _("volgende"), 4 };
			h[n++] = (struct vp_hint){ "<", _("vorige"), 9 };
		}
		h[n++] = (struct vp_hint){ ":", _("opdracht"), 5 };
	}
	h[n++] = (struct vp_hint){ "?", _("hulp"), -1 };
	h[n++] = (struct vp_hint){ "q", _("stoppen"), 7 };
	/* The other language, named in itself for whoever cannot read this
	 * one; after "q stoppen" when the chair's row is full. */
	h[n++] = (struct vp_hint){ "L", lang_other_name(), 7 };
	vp_hints(w, ui, y, cols, h, n);
}

/* ------------------------------------------------------------- poster */

/* Draws the poster; returns the page's lines, and sets *cy, *cx to where
 * the cursor goes while typing (else leaves them). */
static int
poster(WINDOW *w, const struct ui *ui, bool under_help, int *cy, int *cx)
{
	const struct vt_glyphs *g = vt_glyphs();
	const struct model_room *room = vp_room(ui);
	char note[64] = "", text[256];
	int rows = getmaxy(w), cols = getmaxx(w), top, page_rows, lines = 0;
	int scroll;

	if (rows < VIEW_MIN_ROWS || cols < VIEW_MIN_COLS) {
		vt_put_cut(w, 0, 0, A_BOLD, _("Maak het venster groter (minstens 80 bij 24)."),
		           cols);
		return 0;
	}
	header(w, ui, room, cols);
	top = VIEW_OVERVIEW_TOP;
	if (room == NULL) {
		if (ui->connecting || ui->joined)
			snprintf(text, sizeof text, "%s%s", _("verbinden"),
			         g->ellipsis);
		else
			snprintf(text, sizeof text, "%s",
			         _("Nog niet verbonden met een werksessie."));
		vt_put_centred(w, rows / 2, 0, A_BOLD, text, cols);
	} else {
		/* The facilitator's message stands out under the header, in
		 * the place every colleague looks. */
		top += vp_announcement(w, ui, room, top, cols,
		                       announcement_max(rows), true);
		overview(w, ui, room, top, cols);
		top += VIEW_OVERVIEW_ROWS;
		if (rows >= VIEW_RULE_ROWS) {
			vt_hline(w, top, 0, vt_attr(ui, UI_PAIR_DIM), cols);
			top++;
		}
		if (ui->viewed_step != room->current_step) {
			int n = snprintf(text, sizeof text,
			                 _("Het team is bij stap %" PRIu32 " %s"),
			                 room->current_step,
			                 poster_step_name(room, room->current_step));

			if (n > 0 && (size_t)n < sizeof text)
				snprintf(text + n, sizeof text - (size_t)n, "%s%s",
				         g->dash, _("druk t om erheen te gaan"));
			vt_fill(w, top, 0, vt_attr(ui, UI_PAIR_TEAM_STEP), cols);
			vt_put_cut(w, top, 1, vt_attr(ui, UI_PAIR_TEAM_STEP), text,
			           cols - 2);
			top++;
		}
		page_rows = rows - 2 - top;
		/* Under the help the page stays at its top: the help has
		 * the scroll then. */
		scroll = under_help ? 0 : ui->scroll;
		lines = viewstep_draw(w, ui, top, page_rows, cols, &scroll);
		if (lines > page_rows)
			snprintf(note, sizeof note, _("regel %d-%d van %d"),
			         scroll + 1, scroll + page_rows, lines);
	}
	vp_message(w, ui, rows - 2, top, cols, note);
	if (ui->typing && !under_help) {
		*cy = rows - 1;
		*cx = vp_command_line(w, ui, rows - 1, cols);
	} else {
		footer_keys(w, ui, room, rows - 1, cols);
	}
	return lines;
}

/* ---------------------------------------------------------------- join */

/* One field of the join form at row y: its label, the text in a band
 * and, under it, what to fill in. Returns the cursor's column when the
 * field is active, else -1. */
/* The password as the form shows it: a '*' for every character. */
static void
join_mask(const struct editline *in, struct editline *out)
{
	size_t i;

	editline_clear(out);
	for (i = 0; i < in->len; i++) {
		if (((unsigned char)in->text[i] & 0xc0) == 0x80)
			continue;
		if (i < in->cursor)
			out->cursor++;
		out->text[out->len++] = '*';
	}
	out->text[out->len] = '\0';
}

static int
join_field(WINDOW *w, const struct ui *ui, enum ui_join_field k, int y,
           int x, int label_cols, int field_cols, const char *label,
           const char *hint)
{
	struct editline masked;
	const struct editline *e = &ui->join[k];
	bool active = ui->field == k;
	attr_t band = active ? (ui->colour ? vt_attr(ui, UI_PAIR_HEADER) :
	                        A_REVERSE) : A_UNDERLINE;
	int cursor = -1;

	if (k == UI_FIELD_PASSWORD) {
		join_mask(e, &masked);
		e = &masked;
	}
	if (active)
		vt_put(w, y, x, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
		       vt_glyphs()->arrow, 1);
	vt_put(w, y, x + 2, vt_attr(ui, UI_PAIR_NORMAL) |
	       (active ? A_BOLD : 0), label, label_cols);
	x += 2 + label_cols;
	vt_fill(w, y, x, band, field_cols);
	if (join_start[k] > e->len)
		join_start[k] = 0;
	join_start[k] = editline_scroll(e, join_start[k], field_cols);
	vt_nput(w, y, x, band, e->text + join_start[k],
	        e->len - join_start[k], field_cols);
	if (active)
		cursor = x + editline_width(e, e->cursor) -
		         editline_width(e, join_start[k]);
	vt_put_cut(w, y + 1, x, vt_attr(ui, UI_PAIR_DIM), hint, field_cols);
	return cursor;
}

static void
join(WINDOW *w, const struct ui *ui, int *cy, int *cx)
{
	static const char *const labels[UI_FIELDS] = {
		N_("Server"), N_("Code"), N_("Naam"), N_("Wachtwoord")
	};
	const char *hints[UI_FIELDS] = {
		_("naam of adres van de server, eventueel met :poort"),
		_("de code van de werksessie, bijvoorbeeld K7QM-2XPD"),
		_("je naam zoals de anderen hem zien"),
		_("het wachtwoord van de werksessie; de voorzitter heeft het"),
	};
	int rows = getmaxy(w), cols = getmaxx(w), fw, x0, y, label_cols = 0;
	int k, c, step = rows >= 20 ? 3 : 2;
	int nfields = ui->ask_password ? UI_FIELDS : UI_FIELD_PASSWORD;
	struct vt_flow f;
	char other[32];

	vt_put_centred(w, 0, 0, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
	               _("Aan de slag met internationalisering"), cols);
	vt_put_centred(w, 1, 0, vt_attr(ui, UI_PAIR_DIM),
	               _("De werksessie voor docententeams, in vijf stappen"),
	               cols);
	fw = cols - 4 < 70 ? cols - 4 : 70;
	x0 = (cols - fw) / 2;
	for (k = 0; k < nfields; k++)
		if (vt_width(_(labels[k])) + 2 > label_cols)
			label_cols = vt_width(_(labels[k])) + 2;
	y = rows >= 20 ? 4 : 3;
	for (k = 0; k < nfields; k++, y += step) {
		c = join_field(w, ui, (enum ui_join_field)k, y, x0, label_cols,
		               fw - 2 - label_cols, _(labels[k]), hints[k]);
		if (c >= 0) {
			*cy = y;
			*cx = c;
		}
	}
	vt_flow_init(&f, w, y, rows - 2 - y, x0, fw, 0, true);
	vt_flow_text(&f, vt_attr(ui, UI_PAIR_NORMAL), _("Vraag de code aan de voorzitter; die staat op het scherm van de voorzitter of op de beamer."));
	vt_flow_end(&f);
	if (ui->connecting) {
		f.line++;
		vt_flow_text(&f, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
		             _("verbinden"));
		vt_flow_text(&f, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
		             vt_glyphs()->ellipsis);
		vt_flow_end(&f);
	}
	vp_message(w, ui, rows - 2, y + vt_flow_lines(&f), cols, NULL);
	/* The other language on the right, named in itself; letters go
	 * into the fields here, so it is F2. */
	snprintf(other, sizeof other, "F2 %s", lang_other_name());
	k = vt_width(other);
	vt_put_cut(w, rows - 1, 0, vt_attr(ui, UI_PAIR_DIM),
	           _("Tab of Omlaag: volgend veld; Enter: verder; Esc: stoppen"),
	           cols - k - 2);
	vt_put(w, rows - 1, cols - k, vt_attr(ui, UI_PAIR_DIM), other, k);
}

/* --------------------------------------------------------------- draw */

void
view_draw(WINDOW *w, struct ui *ui)
{
	int cy = -1, cx = -1, lines;

	if (ui->screen == UI_PROJECTOR) {
		projector_draw(w, ui);
		return;
	}
	werase(w);
	switch (ui->screen) {
	case UI_JOIN:
		join(w, ui, &cy, &cx);
		break;
	case UI_HELP:
		poster(w, ui, true, &cy, &cx);
		ui->page_lines = viewhelp_draw(w, ui);
		break;
	default:
		lines = poster(w, ui, false, &cy, &cx);
		ui->page_lines = lines;
		break;
	}
	/* The caller shows the cursor while typing: leave it there. */
	if (cy >= 0 && cx >= 0)
		wmove(w, cy, cx < getmaxx(w) ? cx : getmaxx(w) - 1);
	wnoutrefresh(w);
}
