/* The room picker of a workshop (roompick.h), laid out as:
 *
 *   row 0      header: the study day's title, its code
 *   row 1      header: what to do here
 *   rows 3..   a sentence or two on choosing, then the table: the row
 *              for no preference (0, as its key) and one row per group
 *   row -2     the message line (a refused choice says why here)
 *   row -1     the keys
 *
 * The table's programme column gives way first when the width is short;
 * the group's name is cut only after that. */
#include "roompick.h"

#include <inttypes.h>
#include <stdio.h>

#include "i18n.h"
#include "lang.h"
#include "viewparts.h"
#include "viewtext.h"
#include "wsparts.h"

/* Smaller than this, the picker asks for a bigger window. */
#define ROOMPICK_MIN_ROWS 10
#define ROOMPICK_MIN_COLS 40
/* The narrowest the programme column is worth showing. */
#define PROG_MIN 8
/* Columns of the marker, and of the number before a group's name (with
 * the space after it). */
#define MARK_COLS 2
#define NUM_COLS 4
#define NAME_X (MARK_COLS + NUM_COLS)

/* The widths of the table's columns. */
struct layout {
	int name, prog, seats, note;
};

static bool
full(const Aandeslag__RoomChoice *r)
{
	return r->seats > 0 && r->seated >= r->seats;
}

static void
seats_text(const Aandeslag__RoomChoice *r, char *out, size_t size)
{
	snprintf(out, size, "%" PRIu32 "/%" PRIu32, r->seated, r->seats);
}

static void
header(WINDOW *w, const struct ui *ui, const Aandeslag__RoomList *l, int cols)
{
	attr_t band = vt_attr(ui, UI_PAIR_HEADER);
	char code[64], right[96];
	int wr;

	vt_fill(w, 0, 0, band, cols);
	vt_fill(w, 1, 0, band, cols);
	wsparts_code(l->code, code, sizeof code);
	snprintf(right, sizeof right, _("code %s"), code);
	wr = vt_width(right);
	if (wr > cols / 2)
		wr = cols / 2;
	vt_put(w, 0, cols - 1 - wr, band | A_BOLD, right, wr);
	vt_put_cut(w, 0, 1, band | A_BOLD,
	           l->title[0] != '\0' ? l->title : _("Studiedag"),
	           cols - 1 - wr - 3);
	vt_put_cut(w, 1, 1, band, _("Kies de groep waarmee je vandaag werkt"),
	           cols - 2);
}

/* Fits the columns into cols: the programme goes first, then the name
 * is cut. */
static struct layout
layout(const Aandeslag__RoomList *l, int cols)
{
	struct layout c = { 0, 0, 0, 0 };
	int name = vt_width(_("Groep")), prog = 0, avail;
	char seats[32];
	size_t i;

	c.seats = vt_width(_("Plekken"));
	c.note = vt_width(_("jouw groep, vol"));
	if (vt_width(_("jouw groep")) > c.note)
		c.note = vt_width(_("jouw groep"));
	if (vt_width(_("vol")) > c.note)
		c.note = vt_width(_("vol"));
	for (i = 0; i < l->n_rooms; i++) {
		const Aandeslag__RoomChoice *r = l->rooms[i];

		if (vt_width(r->name) > name)
			name = vt_width(r->name);
		if (vt_width(r->programme) > prog)
			prog = vt_width(r->programme);
		seats_text(r, seats, sizeof seats);
		if (vt_width(seats) > c.seats)
			c.seats = vt_width(seats);
	}
	if (prog > 0 && prog < vt_width(_("Programma")))
		prog = vt_width(_("Programma"));
	/* Marker, number, and two spaces between the columns after it. */
	avail = cols - 1 - NAME_X - 2 - c.seats - 2 - c.note;
	if (prog > 0 && name + 2 + PROG_MIN <= avail) {
		c.name = name;
		c.prog = avail - name - 2 < prog ? avail - name - 2 : prog;
	} else {
		c.name = name < avail ? name : avail;
	}
	if (c.name < 1)
		c.name = 1;
	return c;
}

/* Puts one row of the table at y: the marker when chosen, the number,
 * the name, the programme, the seats and the note. */
static void
room_row(WINDOW *w, const struct ui *ui, const struct layout *c, int y,
         int cols, const Aandeslag__RoomChoice *r, uint32_t n, bool mine,
         bool chosen)
{
	attr_t attr = vt_attr(ui, UI_PAIR_NORMAL);
	attr_t note_attr = vt_attr(ui, UI_PAIR_OK) | A_BOLD;
	char num[16], seats[32];
	const char *note = NULL;
	int x = NAME_X;

	if (full(r)) {
		attr = vt_attr(ui, UI_PAIR_DIM);
		note_attr = vt_attr(ui, UI_PAIR_WARNING);
		note = _("vol");
	}
	if (mine) {
		/* Full, the assignment cannot be followed: say both, so that
		 * the colleague knows why to choose another. */
		note = full(r) ? _("jouw groep, vol") : _("jouw groep");
		note_attr = A_BOLD | vt_attr(ui, full(r) ? UI_PAIR_WARNING :
		                                          UI_PAIR_OK);
	}
	if (chosen) {
		/* Reversed, a full group's dim colour would be hard to
		 * read: the chosen row is in the normal colour. */
		attr = vt_attr(ui, UI_PAIR_NORMAL) | A_REVERSE | A_BOLD;
		note_attr |= A_REVERSE;
		vt_fill(w, y, 0, A_REVERSE, cols);
		vt_put(w, y, 0, attr, vt_glyphs()->arrow, MARK_COLS);
	}
	snprintf(num, sizeof num, "%*" PRIu32, NUM_COLS - 1, n);
	vt_put(w, y, MARK_COLS, attr, num, NUM_COLS - 1);
	vt_put_cut(w, y, x, attr, r->name, c->name);
	x += c->name + 2;
	if (c->prog > 0) {
		vt_put_cut(w, y, x, attr, r->programme, c->prog);
		x += c->prog + 2;
	}
	seats_text(r, seats, sizeof seats);
	vt_put(w, y, x + c->seats - vt_width(seats), attr, seats, c->seats);
	x += c->seats + 2;
	if (note != NULL)
		vt_put(w, y, x, note_attr, note, cols - x);
}

/* Puts the row for no preference at y, saying where it leads. */
static void
none_row(WINDOW *w, const struct ui *ui, const Aandeslag__RoomList *l, int y,
         int cols, bool chosen)
{
	attr_t attr = vt_attr(ui, UI_PAIR_NORMAL);
	char text[512];

	if (l->assigned >= 1 && l->assigned <= l->n_rooms)
		snprintf(text, sizeof text,
		         _("geen voorkeur: naar %s, waar de begeleider je indeelde"),
		         l->rooms[l->assigned - 1]->name);
	else
		snprintf(text, sizeof text, "%s",
		         _("geen voorkeur: naar de groep met de minste deelnemers"));
	if (chosen) {
		attr |= A_REVERSE | A_BOLD;
		vt_fill(w, y, 0, A_REVERSE, cols);
		vt_put(w, y, 0, attr, vt_glyphs()->arrow, MARK_COLS);
	}
	vt_put(w, y, MARK_COLS + NUM_COLS - 2, attr, "0", 1);
	vt_put_cut(w, y, NAME_X, attr, text, cols - 1 - NAME_X);
}

/* The table from row top, at most rows rows: the heads, the row for no
 * preference and the groups, scrolled so that the choice shows. */
static void
table(WINDOW *w, const struct ui *ui, const Aandeslag__RoomList *l, int top,
      int rows, int cols)
{
	struct layout c = layout(l, cols);
	attr_t dim = vt_attr(ui, UI_PAIR_DIM);
	int lines = (int)l->n_rooms + 1, first = 0, chosen, i, x;

	/* Row i is choice i: 0 no preference, then the groups in order. */
	chosen = ui->room_choice <= l->n_rooms ? (int)ui->room_choice : 0;
	x = NAME_X;
	vt_put(w, top, x, dim, _("Groep"), c.name);
	x += c.name + 2;
	if (c.prog > 0) {
		vt_put(w, top, x, dim, _("Programma"), c.prog);
		x += c.prog + 2;
	}
	vt_put(w, top, x + c.seats - vt_width(_("Plekken")), dim,
	       _("Plekken"), c.seats);
	top++;
	rows--;
	if (rows < 1)
		return;
	if (chosen >= rows)
		first = chosen - rows + 1;
	for (i = first; i < lines && i - first < rows; i++) {
		if (i == 0)
			none_row(w, ui, l, top - first, cols, i == chosen);
		else
			room_row(w, ui, &c, top + i - first, cols,
			         l->rooms[i - 1], (uint32_t)i,
			         l->assigned == (uint32_t)i, i == chosen);
	}
}

static void
footer_keys(WINDOW *w, const struct ui *ui, const Aandeslag__RoomList *l,
            int y, int cols)
{
	struct vp_hint h[6];
	char digits[16];
	size_t n = 0;

	snprintf(digits, sizeof digits, "1-%zu",
	         l->n_rooms < 9 ? l->n_rooms : (size_t)9);
	/* The arrows up and down, where the locale can show them. */
	h[n++] = (struct vp_hint){ vt_glyphs()->utf8 ?
	                           "\xe2\x86\x91\xe2\x86\x93" : "j/k",
	                           _("kiezen"), 3 };
	h[n++] = (struct vp_hint){ "Enter", _("meedoen"), -1 };
	h[n++] = (struct vp_hint){ l->n_rooms > 1 ? digits : "1",
	                           _("die groep"), 2 };
	h[n++] = (struct vp_hint){ "0", _("geen voorkeur"), 1 };
	h[n++] = (struct vp_hint){ "Esc", _("stoppen"), 4 };
	h[n++] = (struct vp_hint){ "L", lang_other_name(), 5 };
	vp_hints(w, ui, y, cols, h, n);
}

void
roompick_draw(WINDOW *w, struct ui *ui)
{
	const Aandeslag__RoomList *l = ui->rooms;
	int rows = getmaxy(w), cols = getmaxx(w), y;
	struct vt_flow f;
	char text[128];

	werase(w);
	if (rows < ROOMPICK_MIN_ROWS || cols < ROOMPICK_MIN_COLS) {
		vt_put_cut(w, 0, 0, A_BOLD,
		           _("Maak het venster groter (minstens 80 bij 24)."),
		           cols);
		wnoutrefresh(w);
		return;
	}
	if (l == NULL) {
		snprintf(text, sizeof text, "%s%s", _("de groepen ophalen"),
		         vt_glyphs()->ellipsis);
		vt_put_centred(w, rows / 2, 0, A_BOLD, text, cols);
		vp_message(w, ui, rows - 2, 0, cols, NULL);
		wnoutrefresh(w);
		return;
	}
	header(w, ui, l, cols);
	vt_flow_init(&f, w, 3, 2, 1, cols - 2, 0, true);
	vt_flow_printf(&f, vt_attr(ui, UI_PAIR_NORMAL),
	               _("Deze studiedag heeft %zu groepen. Kies er een met de pijltjes en Enter, of typ het nummer."),
	               l->n_rooms);
	if (ui->connecting) {
		vt_flow_text(&f, vt_attr(ui, UI_PAIR_DIM), " ");
		vt_flow_text(&f, vt_attr(ui, UI_PAIR_DIM),
		             _("De lijst wordt bijgewerkt"));
		vt_flow_text(&f, vt_attr(ui, UI_PAIR_DIM),
		             vt_glyphs()->ellipsis);
	}
	vt_flow_end(&f);
	y = 3 + vt_flow_lines(&f) + 1;
	table(w, ui, l, y, rows - 2 - y, cols);
	vp_message(w, ui, rows - 2, y, cols, NULL);
	footer_keys(w, ui, l, rows - 1, cols);
	wnoutrefresh(w);
}
