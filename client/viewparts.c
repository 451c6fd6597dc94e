/* Pieces shared by the poster's header (view.c), the projector
 * (projector.c) and the facilitator's screen (wsview.c), so that they
 * say the same in the same words and behave alike: what the clock does,
 * when the session ends at this pace, where the server is and who is
 * there, the workshop and the facilitator's message, and the bottom rows
 * every screen has: the message line, the keys and the command line
 * being typed. */
#include "viewparts.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "viewtext.h"

/* Where the command line's view began last time, so that it stays put
 * while the cursor moves within it. This is what the drawing remembers
 * between frames; it belongs to the view of the line, not to the line.
 * One for every screen: only one command line is typed at a time. */
static size_t line_start;

const struct model_room *
vp_room(const struct ui *ui)
{
	if (!ui->joined || ui->net == NULL || !ui->net->have_room)
		return NULL;
	return &ui->net->room;
}

void
vp_link_state(const struct ui *ui, char *out, size_t size)
{
	const struct vt_glyphs *g = vt_glyphs();

	if (!ui->reconnecting)
		snprintf(out, size, "%s", _("verbinding verbroken"));
	else if (ui->attempt > 1)
		snprintf(out, size, _("opnieuw verbinden%s (poging %u)"),
		         g->ellipsis, ui->attempt);
	else
		snprintf(out, size, "%s%s", _("opnieuw verbinden"),
		         g->ellipsis);
}

const char *
vp_clock_state(const struct clock *c)
{
	if (c->interrupted)
		return _("pauze: de server viel weg");
	switch (c->state) {
	case AANDESLAG__CLOCK_STATE__CLOCK_RUNNING:
		return _("loopt");
	case AANDESLAG__CLOCK_STATE__CLOCK_PAUSED:
		return _("pauze");
	default:
		return _("nog niet gestart");
	}
}

int
vp_elapsed(const struct clock *c, int64_t now)
{
	int64_t left = clock_remaining(c, now);

	if (c->duration_ms <= 0 || left <= 0)
		return 1000;
	if (left >= c->duration_ms)
		return 0;
	return (int)((c->duration_ms - left) * 1000 / c->duration_ms);
}

void
vp_address(const struct ui *ui, char *out, size_t size)
{
	if (ui->host == NULL || ui->host[0] == '\0')
		snprintf(out, size, "%s", "");
	else if (strchr(ui->host, ':') != NULL)
		snprintf(out, size, "[%s]:%d", ui->host, ui->port);
	else
		snprintf(out, size, "%s:%d", ui->host, ui->port);
}

bool
vp_session_end(const struct model_room *room, int64_t now, char out[16])
{
	int64_t left, ms = 0;
	struct tm tm;
	time_t end;
	unsigned step;

	if (room->settings.finished)
		return false;
	/* What is left of every step from the team's on: a step the team
	 * went back from has only its rest to go, an untouched one all. */
	for (step = room->current_step; step <= STEPS_COUNT; step++) {
		left = clock_remaining(&room->clocks[step - 1], now);
		if (left > 0)
			ms += left;
	}
	end = time(NULL) + (time_t)((ms + 999) / 1000);
	if (localtime_r(&end, &tm) == NULL)
		return false;
	snprintf(out, 16, "%02d:%02d", tm.tm_hour, tm.tm_min);
	return true;
}

const char *
vp_table(const struct model_room *room, char idbuf[16], const char **id)
{
	const Aandeslag__ContentQuestion *cq = NULL;
	const Aandeslag__CardQuestion *q;

	if (room->table.step == 0)
		return NULL;
	if (room->table.content_id[0] != '\0') {
		*id = room->table.content_id;
		if (room->content != NULL)
			cq = content_question(room->content,
			                      room->table.content_id, NULL);
		return cq ? content_text(cq->text) : "?";
	}
	snprintf(idbuf, 16, "e%" PRIu32, room->table.own_id);
	*id = idbuf;
	q = (const Aandeslag__CardQuestion *)items_find(&room->questions,
	                                                room->table.own_id);
	return q ? q->text : "?";
}

int
vp_presence(WINDOW *w, const struct ui *ui, int y, int x, attr_t attr,
            int cols, bool draw)
{
	const struct model_room *room = vp_room(ui);
	const struct model_participant *part;
	char name[MODEL_NAME_MAX + 8];
	int width = 0, nw;
	size_t i;

	if (room == NULL)
		return -1;
	for (i = 0; i < room->nparticipants; i++) {
		part = &room->participants[i];
		snprintf(name, sizeof name, "%s%s%s%s", part->connected ? "" : "(",
		         part->name,
		         part->role == AANDESLAG__ROLE__ROLE_CHAIR ? "*" : "",
		         part->connected ? "" : ")");
		width += (i > 0) + vt_width(name);
	}
	if (width > cols)
		return -1;
	if (!draw)
		return width;
	for (i = 0; i < room->nparticipants; i++) {
		part = &room->participants[i];
		snprintf(name, sizeof name, "%s%s%s%s", part->connected ? "" : "(",
		         part->name,
		         part->role == AANDESLAG__ROLE__ROLE_CHAIR ? "*" : "",
		         part->connected ? "" : ")");
		if (i > 0)
			x++;
		nw = vt_put(w, y, x, part->connected ? attr : attr | A_DIM,
		            name, cols);
		x += nw;
	}
	return width;
}

int
vp_title(WINDOW *w, const struct model_room *room, int y, int x, attr_t attr,
         int cols)
{
	const struct vt_glyphs *g = vt_glyphs();
	char workshop[MODEL_TITLE_MAX + 64];
	int used;

	used = vt_put_cut(w, y, x, attr | A_BOLD, room->title, cols);
	if (room->workshop_code[0] == '\0')
		return used;
	/* The room is what the team works in; the day it is part of comes
	 * after, and only when it fits whole enough to be read. */
	if (room->workshop_title[0] != '\0')
		snprintf(workshop, sizeof workshop, "%s", room->workshop_title);
	else
		snprintf(workshop, sizeof workshop, _("studiedag %s"),
		         room->workshop_code);
	if (cols - used - vt_width(g->sep) < 8)
		return used;
	used += vt_put(w, y, x + used, attr, g->sep, cols - used);
	used += vt_put_cut(w, y, x + used, attr, workshop, cols - used);
	return used;
}

int
vp_announcement(WINDOW *w, const struct ui *ui, const struct model_room *room,
                int y, int cols, int max_rows, bool draw)
{
	attr_t attr = vt_attr(ui, UI_PAIR_WARNING);
	const char *label = _("Bericht van de begeleider:");
	struct vt_flow f;
	int lines, rows, row, ew;

	if (room == NULL || room->announcement[0] == '\0' || max_rows <= 0 ||
	    cols < 4)
		return 0;
	vt_flow_init(&f, w, y, 0, 1, cols - 2, 0, false);
	vt_flow_text(&f, attr | A_UNDERLINE, label);
	vt_flow_text(&f, attr, " ");
	vt_flow_text(&f, attr, room->announcement);
	lines = vt_flow_lines(&f);
	rows = lines < max_rows ? lines : max_rows;
	if (!draw)
		return rows;
	for (row = 0; row < rows; row++)
		vt_fill(w, y + row, 0, attr, cols);
	vt_flow_init(&f, w, y, rows, 1, cols - 2, 0, true);
	vt_flow_text(&f, attr | A_UNDERLINE, label);
	vt_flow_text(&f, attr, " ");
	vt_flow_text(&f, attr, room->announcement);
	/* The rest is in the line mode's show; here it ends visibly. */
	if (lines > rows) {
		ew = vt_width(vt_glyphs()->ellipsis);
		vt_fill(w, y + rows - 1, cols - 1 - ew, attr, ew + 1);
		vt_put(w, y + rows - 1, cols - 1 - ew, attr,
		       vt_glyphs()->ellipsis, ew);
	}
	return rows;
}

void
vp_present_count(const struct model_room *room, char *out, size_t size)
{
	size_t i, n = 0;

	for (i = 0; i < room->nparticipants; i++)
		if (room->participants[i].connected)
			n++;
	snprintf(out, size, _("%zu aanwezig"), n);
}

/* ------------------------------------------------ the bottom rows */

/* Lays the message out from row y0 in rows rows, wrapped at spaces and
 * at its line breaks (draw false: only measure); returns its lines. */
static int
message_flow(WINDOW *w, const char *s, attr_t attr, int y0, int rows,
             int cols, bool draw)
{
	struct vt_flow f;
	const char *nl;

	vt_flow_init(&f, w, y0, rows, 0, cols, 0, draw);
	while (*s != '\0') {
		nl = strchr(s, '\n');
		vt_flow_ntext(&f, attr, s, nl ? (size_t)(nl - s) : strlen(s));
		vt_flow_end(&f);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return vt_flow_lines(&f);
}

void
vp_message(WINDOW *w, const struct ui *ui, int y, int top, int cols,
        const char *scroll_note)
{
	const char *s = ui->message;
	bool any = ui->message_kind != UI_MSG_NONE && s[0] != '\0';
	int lines = 0, shown, row, note = 0;
	attr_t attr;

	switch (ui->message_kind) {
	case UI_MSG_ERROR:
		attr = vt_attr(ui, UI_PAIR_ERROR);
		break;
	case UI_MSG_WARNING:
		attr = vt_attr(ui, UI_PAIR_WARNING);
		break;
	default:
		attr = vt_attr(ui, UI_PAIR_NORMAL);
		break;
	}
	if (any)
		lines = message_flow(w, s, attr, 0, 0, cols, false);
	/* Where the page is, when there is room beside the message: the
	 * message matters more. */
	if (scroll_note != NULL && scroll_note[0] != '\0') {
		note = vt_width(scroll_note);
		if (lines > 1 || (lines == 1 && vt_width(s) + 2 + note > cols) ||
		    note >= cols / 2)
			note = 0;
		else
			vt_put(w, y, cols - note, vt_attr(ui, UI_PAIR_DIM),
			       scroll_note, note);
	}
	if (!any || lines == 0)
		return;
	shown = lines;
	if (shown > y - top)
		shown = y - top > 1 ? y - top : 1;
	/* A rule, then the lines over the bottom of the page. */
	if (shown > 1)
		vt_hline(w, y - shown, 0, vt_attr(ui, UI_PAIR_DIM), cols);
	for (row = y - shown + 1; row <= y; row++)
		vt_fill(w, row, 0, A_NORMAL, row == y ? cols - note : cols);
	message_flow(w, s, attr, y - shown + 1, shown,
	             shown == 1 ? cols - note : cols, true);
	/* What did not fit ends in an ellipsis. */
	if (lines > shown) {
		int ew = vt_width(vt_glyphs()->ellipsis);

		vt_fill(w, y, cols - ew, A_NORMAL, ew);
		vt_put(w, y, cols - ew, attr, vt_glyphs()->ellipsis, ew);
	}
}

void
vp_hints(WINDOW *w, const struct ui *ui, int y, int cols, struct vp_hint *h,
         size_t n)
{
	attr_t key = vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD;
	attr_t word = vt_attr(ui, UI_PAIR_DIM);
	size_t i, worst;
	int total, x = 0;

	for (;;) {
		total = 0;
		worst = n;
		for (i = 0; i < n; i++) {
			if (h[i].key == NULL)
				continue;
			total += (total ? 2 : 0) + vt_width(h[i].key) + 1 +
			         vt_width(h[i].word);
			if (h[i].drop >= 0 &&
			    (worst == n || h[i].drop >= h[worst].drop))
				worst = i;
		}
		if (total <= cols || worst == n)
			break;
		h[worst].key = NULL;
	}
	for (i = 0; i < n; i++) {
		if (h[i].key == NULL)
			continue;
		if (x > 0)
			x += 2;
		x += vt_put(w, y, x, key, h[i].key, cols - x);
		x += vt_put(w, y, x, word, " ", cols - x);
		x += vt_put(w, y, x, word, h[i].word, cols - x);
	}
}

int
vp_command_line(WINDOW *w, const struct ui *ui, int y, int cols)
{
	const struct editline *e = &ui->line;
	int field = cols - 1;

	vt_put(w, y, 0, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD, ":", 1);
	if (field < 1)
		return 0;
	if (line_start > e->len)
		line_start = 0;
	line_start = editline_scroll(e, line_start, field);
	vt_nput(w, y, 1, vt_attr(ui, UI_PAIR_NORMAL), e->text + line_start,
	        e->len - line_start, field);
	return 1 + editline_width(e, e->cursor) -
	       editline_width(e, line_start);
}
