/* The actions as CSV for Dutch Excel. Excel on a Dutch Windows reads ';'
 * as the separator and needs a byte order mark to take the file for
 * UTF-8 (else "één" arrives as "Ã©Ã©n"). A cell that starts like a
 * formula would be run by Excel, so such text is prefixed with an
 * apostrophe, which Excel shows as plain text (OWASP "CSV injection"). */
#include "export_csv.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"

/* Appends one quoted field, and the separator before it unless first. */
static void
field(const char *text, int first, struct strbuf *out)
{
	const char *p;

	if (!first)
		strbuf_puts(out, ";");
	strbuf_puts(out, "\"");
	if (strchr("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
		strbuf_puts(out, "'");
	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_puts(out, "\"\"");
		else
			strbuf_add(out, p, 1);
	}
	strbuf_puts(out, "\"");
}

/* Appends a field after the first. */
static void
next_field(const char *text, struct strbuf *out)
{
	field(text, 0, out);
}

/* Appends a field made by a poster renderer. */
static void
rendered(void (*render)(const Aandeslag__Action *, struct strbuf *),
         const Aandeslag__Action *a, struct strbuf *out)
{
	poster_action_piece(render, a, next_field, out);
}

static void
years(const Aandeslag__Action *a, struct strbuf *out)
{
	if (a->study_years != 0)
		poster_years(a->study_years, out);
}

static void
needs(const Aandeslag__Action *a, struct strbuf *out)
{
	if (a->needs != 0 || (a->needs_text != NULL && a->needs_text[0] != '\0'))
		poster_needs(a, out);
}

static void
when(const Aandeslag__Action *a, struct strbuf *out)
{
	if (a->when != NULL && a->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE)
		poster_when(a->when, out);
}

/* Appends the byte order mark and the header row; group puts a column
 * for the group before the others, as a workshop's table has. */
static void
header(bool group, struct strbuf *out)
{
	static const char *const columns[] = {
		N_("nr"), N_("actie"), N_("wie"), N_("nodig"), N_("leerjaren"),
		N_("wanneer"), N_("status"), N_("activiteit"),
	};
	size_t i;

	strbuf_puts(out, "\xef\xbb\xbf");
	if (group)
		field(_("groep"), 1, out);
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++)
		field(_(columns[i]), i == 0 && !group, out);
	strbuf_puts(out, "\r\n");
}

/* Appends one row per action of room, each starting with the field group
 * when that is not NULL. */
static void
rows(const struct model_room *room, const char *group, struct strbuf *out)
{
	const Aandeslag__Activity *act;
	char number[16];
	size_t i;

	for (i = 0; i < room->actions.n; i++) {
		const Aandeslag__Action *a =
			(const Aandeslag__Action *)room->actions.v[i].msg;

		if (group != NULL)
			field(group, 1, out);
		snprintf(number, sizeof number, "p%" PRIu32, a->id);
		field(number, group == NULL, out);
		field(a->text, 0, out);
		rendered(poster_owners, a, out);
		rendered(needs, a, out);
		rendered(years, a, out);
		rendered(when, a, out);
		field(poster_status(a->status), 0, out);
		act = a->activity_id == 0 ? NULL :
		      (const Aandeslag__Activity *)items_find(&room->activities,
		                                              a->activity_id);
		field(act != NULL ? poster_activity_name(room, act) : "", 0, out);
		strbuf_puts(out, "\r\n");
	}
}

void
export_csv(const struct model_room *room, struct strbuf *out)
{
	header(false, out);
	rows(room, NULL, out);
}

void
export_csv_workshop(const struct model_room *const *rooms, size_t n,
                    struct strbuf *out)
{
	size_t i;

	header(true, out);
	/* The group is the room's title, as the facilitator named it; its
	 * code stays out, as in the table of a single room. */
	for (i = 0; i < n; i++)
		rows(rooms[i], rooms[i]->title != NULL ? rooms[i]->title : "",
		     out);
}
