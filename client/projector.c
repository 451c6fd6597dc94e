/* The projector view: what the team needs to see from across the table,
 * large, and nothing to operate. From the top: the team's step, the
 * clock in big digits, its state and a bar of the step's time, the
 * central question, the question on the table and the facilitator's
 * message to a workshop's rooms; at the bottom the
 * room's code and address (so that a latecomer can join) and who is
 * there. The digits are drawn from a 3x5 font in block characters ('#'
 * outside a UTF-8 locale); on 80x24 they are 5 rows high, and they grow
 * with the terminal, as far as the texts leave room. */
#include "projector.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "poster.h"
#include "tls.h"
#include "viewparts.h"
#include "viewtext.h"

/* Rows of the font (PROJECTOR_DIGIT_ROWS); a glyph is 3 pixels wide
 * (':' 1). */
#define GLYPH_ROWS PROJECTOR_DIGIT_ROWS
/* The biggest a pixel gets, in rows. */
#define SCALE_MAX 4
/* Bytes of one drawn row of the big clock. */
#define BIG_LINE_MAX 8192
/* The widest the texts are set, for lines that can be read. */
#define TEXT_COLS_MAX 100

struct glyph {
	char c;
	int width;
	const char *rows[GLYPH_ROWS];
};

static const struct glyph font[] = {
	{ '0', 3, { "###", "#.#", "#.#", "#.#", "###" } },
	{ '1', 3, { ".#.", "##.", ".#.", ".#.", "###" } },
	{ '2', 3, { "###", "..#", "###", "#..", "###" } },
	{ '3', 3, { "###", "..#", ".##", "..#", "###" } },
	{ '4', 3, { "#.#", "#.#", "###", "..#", "..#" } },
	{ '5', 3, { "###", "#..", "###", "..#", "###" } },
	{ '6', 3, { "###", "#..", "###", "#.#", "###" } },
	{ '7', 3, { "###", "..#", "..#", ".#.", ".#." } },
	{ '8', 3, { "###", "#.#", "###", "#.#", "###" } },
	{ '9', 3, { "###", "#.#", "###", "..#", "###" } },
	{ ':', 1, { ".", "#", ".", "#", "." } },
	{ '+', 3, { "...", ".#.", "###", ".#.", "..." } },
};

static const struct glyph *
glyph(char c)
{
	size_t i;

	for (i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return &font[i];
	return NULL;
}

int
projector_big_width(const char *s)
{
	const struct glyph *g;
	int px = 0;

	for (; *s != '\0'; s++)
		if ((g = glyph(*s)) != NULL)
			px += (px > 0) + g->width;
	return px;
}

void
projector_big(WINDOW *w, int y, int cols, attr_t attr, const char *s,
              int hx, int vy)
{
	const char *block = vt_glyphs()->block;
	size_t blen = strlen(block), n;
	char line[BIG_LINE_MAX];
	const struct glyph *g;
	const char *p;
	int r, c, k, x, width = projector_big_width(s) * hx;
	bool first;

	x = width < cols ? (cols - width) / 2 : 0;
	for (r = 0; r < GLYPH_ROWS * vy; r++) {
		n = 0;
		first = true;
		for (p = s; *p != '\0'; p++) {
			if ((g = glyph(*p)) == NULL)
				continue;
			if (!first)
				for (k = 0; k < hx && n + 1 < sizeof line; k++)
					line[n++] = ' ';
			first = false;
			for (c = 0; c < g->width; c++)
				for (k = 0; k < hx; k++) {
					if (n + blen + 1 >= sizeof line)
						break;
					if (g->rows[r / vy][c] == '#') {
						memcpy(line + n, block, blen);
						n += blen;
					} else {
						line[n++] = ' ';
					}
				}
		}
		line[n] = '\0';
		vt_put(w, y + r, x, attr, line, cols - x);
	}
}

/* Lays text out in a block tw wide, centred, from row y in at most rows
 * rows (draw false: only measure); returns the rows it needs. */
static int
text_block(WINDOW *w, int y, int rows, int cols, int tw, attr_t attr,
           const char *label, const char *text, bool draw)
{
	struct vt_flow f;

	vt_flow_init(&f, w, y, rows, (cols - tw) / 2, tw, 0, draw);
	if (label != NULL) {
		vt_flow_text(&f, attr, label);
		vt_flow_text(&f, attr, " ");
	}
	vt_flow_text(&f, attr, text);
	return vt_flow_lines(&f);
}

static void
not_joined(WINDOW *w, const struct ui *ui)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	char text[128];

	snprintf(text, sizeof text, "%s%s", _("verbinden"),
	         vt_glyphs()->ellipsis);
	vt_put_centred(w, rows / 2 - 1, 0, A_BOLD,
	               _("Aan de slag met internationalisering"), cols);
	vt_put_centred(w, rows / 2 + 1, 0, A_NORMAL, text, cols);
	if (ui->message_kind != UI_MSG_NONE && ui->message[0] != '\0')
		vt_put_cut(w, rows - 1, 0, vt_attr(ui, ui->message_kind ==
		           UI_MSG_ERROR ? UI_PAIR_ERROR : UI_PAIR_NORMAL),
		           ui->message, cols);
}

/* The two bottom rows: code and address, then who is there; above them
 * the link's state or how to join over SSH, and the SSH key's
 * fingerprint in the row above that when it is free (free: the rows
 * between the texts and the bottom three). */
static void
footer(WINDOW *w, const struct ui *ui, const struct model_room *room,
       int rows, int cols, int free)
{
	const struct vt_glyphs *g = vt_glyphs();
	char address[300], line[512], count[64];
	int width, n;

	vp_address(ui, address, sizeof address);
	n = snprintf(line, sizeof line, _("Doe mee met code %s"), room->code);
	if (address[0] != '\0' && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n,
		              _("%sserver %s"), g->sep, address);
	/* The fingerprint colleagues compare on their first connection,
	 * where the row has room for it. */
	if (ui->tls_fingerprint != NULL && ui->tls_fingerprint[0] != '\0' &&
	    n > 0 && (size_t)n < sizeof line && vt_width(line) +
	    vt_width(g->sep) + 14 + TLS_FP_TEXT_SIZE <= cols)
		n += snprintf(line + n, sizeof line - (size_t)n,
		              _("%svingerafdruk %s"), g->sep,
		              ui->tls_fingerprint);
	if (room->settings.finished && n > 0 && (size_t)n < sizeof line)
		snprintf(line + n, sizeof line - (size_t)n, "%s%s", g->sep,
		         _("De werksessie is afgerond."));
	vt_put_centred(w, rows - 2, 0, vt_attr(ui, UI_PAIR_NORMAL) | A_BOLD,
	               line, cols);
	/* In the gap above the code: the room shown may be out of date;
	 * else how to join with nothing installed. */
	if (!ui->connected) {
		vp_link_state(ui, line, sizeof line);
		vt_put_centred(w, rows - 3, 0, vt_attr(ui, UI_PAIR_WARNING),
		               line, cols);
	} else if (ui->ssh_join[0] != '\0' && !room->settings.finished) {
		/* With the key's fingerprint to compare with ssh's question,
		 * where the line is wide enough for it. */
		bool print = ui->ssh_fingerprint != NULL &&
		             ui->ssh_fingerprint[0] != '\0';

		n = snprintf(line, sizeof line, _("Zonder programma: %s"),
		             ui->ssh_join);
		if (print && n > 0 && (size_t)n < sizeof line &&
		    vt_width(line) + vt_width(g->sep) +
		    (int)strlen(ui->ssh_fingerprint) <= cols) {
			snprintf(line + n, sizeof line - (size_t)n, "%s%s",
			         g->sep, ui->ssh_fingerprint);
			print = false;
		}
		vt_put_centred(w, rows - 3, 0, vt_attr(ui, UI_PAIR_NORMAL),
		               line, cols);
		if (print && free >= 2) {
			snprintf(line, sizeof line, _("Vingerafdruk: %s"),
			         ui->ssh_fingerprint);
			vt_put_centred(w, rows - 4, 0,
			               vt_attr(ui, UI_PAIR_NORMAL), line, cols);
		}
	}
	width = vp_presence(w, ui, rows - 1, 0, 0, cols, false);
	if (width >= 0) {
		vp_presence(w, ui, rows - 1, (cols - width) / 2,
		            vt_attr(ui, UI_PAIR_NORMAL), width, true);
	} else {
		vp_present_count(room, count, sizeof count);
		vt_put_centred(w, rows - 1, 0, vt_attr(ui, UI_PAIR_NORMAL),
		               count, cols);
	}
}

void
projector_draw(WINDOW *w, struct ui *ui)
{
	const struct vt_glyphs *g = vt_glyphs();
	const struct model_room *room = vp_room(ui);
	const struct clock *c;
	attr_t normal = vt_attr(ui, UI_PAIR_NORMAL), clock_attr;
	char title[256], clock[CLOCK_TEXT_SIZE], state[128], tid[16];
	const char *table = NULL, *id = NULL, *question;
	const char *said = _("Bericht van de begeleider:");
	int rows = getmaxy(w), cols = getmaxx(w), tw, qn, tn = 0, an = 0;
	int fixed, vy, hx, y, spare, px, bar;
	int64_t left;

	werase(w);
	if (room == NULL) {
		not_joined(w, ui);
		wnoutrefresh(w);
		return;
	}
	c = &room->clocks[room->current_step - 1];
	left = clock_remaining(c, ui->now);
	clock_format(left, clock);
	snprintf(title, sizeof title, _("Stap %" PRIu32 " van %d: %s"),
	         room->current_step, STEPS_COUNT,
	         poster_step_name(room, room->current_step));
	if (left < 0)
		snprintf(state, sizeof state, "%s%s%s %s",
		         vp_clock_state(c), g->sep, clock, _("over tijd"));
	else
		snprintf(state, sizeof state, "%s", vp_clock_state(c));
	question = poster_step_question(room, room->current_step);
	table = vp_table(room, tid, &id);

	tw = cols - 4 < TEXT_COLS_MAX ? cols - 4 : TEXT_COLS_MAX;
	if (tw < 10)
		tw = cols;
	qn = text_block(w, 0, 0, cols, tw, 0, NULL, question, false);
	if (table != NULL) {
		char label[64];

		snprintf(label, sizeof label, "%s %s", _("Op tafel:"), id);
		tn = text_block(w, 0, 0, cols, tw, 0, label, table, false);
	}
	if (room->announcement[0] != '\0')
		an = text_block(w, 0, 0, cols, tw, 0, said, room->announcement,
		                false);
	/* Title, gap, state, bar, gap, question, (gap, table), (gap,
	 * message), gap, two rows at the bottom; the texts give way before
	 * the clock does. */
	fixed = 1 + 1 + 1 + 1 + 1 + qn + (tn ? 1 + tn : 0) + (an ? 1 + an : 0) +
	        1 + 2;
	while (fixed + GLYPH_ROWS > rows && an > 1) {
		an--;
		fixed--;
	}
	while (fixed + GLYPH_ROWS > rows && tn > 1) {
		tn--;
		fixed--;
	}
	while (fixed + GLYPH_ROWS > rows && qn > 1) {
		qn--;
		fixed--;
	}
	px = projector_big_width(clock);
	for (vy = SCALE_MAX; vy > 1; vy--)
		if (fixed + GLYPH_ROWS * vy <= rows && px * vy <= cols - 2)
			break;
	/* Pixels twice as wide as high look square in a terminal cell. */
	for (hx = 2 * vy; hx > 1; hx--)
		if (px * hx <= cols - 2)
			break;
	spare = rows - fixed - GLYPH_ROWS * vy;
	y = spare > 0 ? spare / 3 : 0;

	vt_put_centred(w, y, 0, normal | A_BOLD, title, cols);
	y += 2;
	/* A clock warning flashes; otherwise calm, also in overtime. */
	if (ui->flash)
		clock_attr = ui->colour ? vt_attr(ui, UI_PAIR_WARNING) :
		             A_REVERSE | A_BOLD;
	else
		clock_attr = normal | A_BOLD;
	projector_big(w, y, cols, clock_attr, clock, hx, vy);
	y += GLYPH_ROWS * vy;
	vt_put_centred(w, y++, 0, c->state ==
	               AANDESLAG__CLOCK_STATE__CLOCK_RUNNING ? normal | A_BOLD :
	               vt_attr(ui, UI_PAIR_DIM) | A_BOLD, state, cols);
	bar = cols - 4;
	if (bar > 4)
		vt_bar(w, y, 2, normal, bar, vp_elapsed(c, ui->now));
	y += 2;
	text_block(w, y, qn, cols, tw, normal | A_BOLD, NULL, question, true);
	y += qn;
	if (tn > 0) {
		char label[64];

		y++;
		snprintf(label, sizeof label, "%s %s", _("Op tafel:"), id);
		text_block(w, y, tn, cols, tw,
		           ui->colour ? vt_attr(ui, UI_PAIR_TEAM_STEP) : A_BOLD,
		           label, table, true);
		y += tn;
	}
	if (an > 0) {
		text_block(w, y + 1, an, cols, tw, vt_attr(ui, UI_PAIR_WARNING),
		           said, room->announcement, true);
		y += 1 + an;
	}
	footer(w, ui, room, rows, cols, rows - 3 - y);
	wnoutrefresh(w);
}
