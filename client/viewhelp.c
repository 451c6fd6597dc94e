/* The help over the poster: every key, then the command language of
 * the line mode (cmd_help(), the very text the line mode shows), in a
 * box that scrolls; the facilitator's screen shows its own texts in the
 * same box. A line of the list that is too long for the box goes
 * on under its description, so that the keys and commands stay a column
 * to scan. */
#include "viewhelp.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "viewtext.h"

/* The widest the box gets. */
#define VIEWHELP_COLS 90

/* The keys, as the help lists them before the commands. */
static const char *
help_keys(void)
{
	return _(
"Toetsen\n"
"  1-5, Links, Rechts   een stap bekijken (klikken op een stap kan ook)\n"
"  t                    terug naar de stap van het team\n"
"  Omhoog, Omlaag, PgUp, PgDn, Home   de pagina schuiven (ook met het muiswiel)\n"
"  n                    een notitie schrijven\n"
"  :                    een opdracht typen (zie hieronder); Enter stuurt, Esc breekt af\n"
"  v                    een stip zetten (stap 3)\n"
"  m                    een competentie kiezen (voorzitter, stap 3)\n"
"  a                    een activiteit toevoegen (stap 4)\n"
"  x                    een actie toevoegen (stap 5)\n"
"  c                    een actie op je nemen (stap 5)\n"
"  b                    een bevinding voor de terugkoppeling (studiedag)\n"
"  spatie               de klok starten, pauzeren of verder laten lopen (voorzitter)\n"
"  > en <               naar de volgende of de vorige stap (voorzitter)\n"
"  + en -               de stap een minuut langer of korter (voorzitter)\n"
"  ?                    deze hulp\n"
"  L of F2              English: de taal wisselen (F2 ook bij het aanmelden en tijdens het typen)\n"
"  q                    stoppen\n"
"\n");
}

/* Lays out one line of the help: wrapped lines go on under the column
 * where its description starts (after a run of two spaces). */
static void
help_line(struct vt_flow *f, attr_t attr, attr_t head, const char *s,
          size_t len)
{
	size_t lead = 0, i;
	int indent;

	while (lead < len && s[lead] == ' ')
		lead++;
	if (lead == len) {
		vt_flow_end(f);
		f->line++;
		return;
	}
	indent = (int)lead + 4;
	for (i = lead; i + 1 < len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			while (i < len && s[i] == ' ')
				i++;
			indent = vt_nwidth(s, i);
			break;
		}
	vt_flow_tab(f, (int)lead);
	f->indent = indent <= f->cols / 2 ? indent : (int)lead + 4;
	vt_flow_ntext(f, lead == 0 ? head : attr, s + lead, len - lead);
	vt_flow_end(f);
}

static int
help_text(struct vt_flow *f, const struct ui *ui, const char *const *parts,
          size_t nparts)
{
	attr_t attr = vt_attr(ui, UI_PAIR_NORMAL);
	const char *s, *nl;
	size_t k;

	for (k = 0; k < nparts; k++)
		for (s = parts[k]; *s != '\0'; s = nl + 1) {
			nl = strchr(s, '\n');
			if (nl == NULL)
				nl = s + strlen(s);
			help_line(f, attr, attr | A_BOLD, s, (size_t)(nl - s));
			if (*nl == '\0')
				break;
		}
	return vt_flow_lines(f);
}

int
viewhelp_draw(WINDOW *w, const struct ui *ui)
{
	const char *parts[2] = { help_keys(), cmd_help() };

	return viewhelp_box(w, ui, _("Hulp: Aan de slag met internationalisering"),
	                    parts, 2);
}

int
viewhelp_box(WINDOW *w, const struct ui *ui, const char *title,
             const char *const *parts, size_t nparts)
{
	attr_t frame = vt_attr(ui, UI_PAIR_HEADER);
	int rows = getmaxy(w), cols = getmaxx(w);
	int bw = cols < VIEWHELP_COLS + 4 ? cols : VIEWHELP_COLS;
	int bh = rows > 8 ? rows - 2 : rows, x0 = (cols - bw) / 2;
	int y0 = (rows - bh) / 2, y, lines, scroll;
	struct vt_flow f;
	char note[64];

	if (bw < 20 || bh < 5)
		return 0;
	for (y = y0; y < y0 + bh; y++)
		vt_fill(w, y, x0, vt_attr(ui, UI_PAIR_NORMAL), bw);
	wattrset(w, frame);
	mvwhline(w, y0, x0, ' ', bw);
	mvwhline(w, y0 + bh - 1, x0, ' ', bw);
	mvwvline(w, y0, x0, ' ', bh);
	mvwvline(w, y0, x0 + bw - 1, ' ', bh);
	wattrset(w, A_NORMAL);
	vt_put_centred(w, y0, x0, frame | A_BOLD, title, bw);
	vt_flow_init(&f, w, y0 + 1, bh - 2, x0 + 2, bw - 4, 0, false);
	lines = help_text(&f, ui, parts, nparts);
	scroll = ui->scroll;
	if (scroll > lines - (bh - 2))
		scroll = lines - (bh - 2);
	if (scroll < 0)
		scroll = 0;
	vt_flow_init(&f, w, y0 + 1, bh - 2, x0 + 2, bw - 4, scroll, true);
	help_text(&f, ui, parts, nparts);
	if (lines > bh - 2)
		snprintf(note, sizeof note, _("Esc of ? sluit%sregel %d-%d van %d"),
		         vt_glyphs()->sep, scroll + 1, scroll + bh - 2, lines);
	else
		snprintf(note, sizeof note, "%s", _("Esc of ? sluit"));
	vt_put_centred(w, y0 + bh - 1, x0 + 1, frame, note, bw - 2);
	return lines;
}
