/* Export files written by the client, of its own room or, for the
 * facilitator, of every room of a workshop. The renderers are pure
 * (common/); this adds the time stamp an iCalendar file needs, the date
 * printed on the HTML poster, and the file itself. */
#include "saveas.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "export_csv.h"
#include "export_html.h"
#include "atomicfile.h"
#include "export_ics.h"
#include "export_json.h"
#include "export_md.h"
#include "i18n.h"
#include "strbuf.h"

/* Exports are for sharing: readable by others, as a file the user saved
 * from any program would be. */
static int
write_file(const char *path, const struct strbuf *text)
{
	return atomicfile_write(path, text->data, text->len, 0644);
}

/* Fills stamp with the wall clock's time in UTC as iCalendar's DTSTAMP
 * has it, "20270110T083000Z". */
static void
ics_stamp(char stamp[32])
{
	time_t wall = time(NULL);
	struct tm tm;

	gmtime_r(&wall, &tm);
	strftime(stamp, 32, "%Y%m%dT%H%M%SZ", &tm);
}

/* Fills day with the day on this computer's calendar, "2027-01-10": a
 * page is dated for the people who print it. */
static void
local_day(char day[32])
{
	time_t wall = time(NULL);
	struct tm tm;

	localtime_r(&wall, &tm);
	strftime(day, 32, "%Y-%m-%d", &tm);
}

/* Writes what was rendered into out to path, frees out, and on failure
 * puts the reason into msg. Returns 0, -ENOMEM when the rendering ran out
 * of memory, or the negative errno of the write. */
static int
save(struct strbuf *out, const char *path, char *msg, size_t size)
{
	int rc = out->failed ? -ENOMEM : write_file(path, out);

	strbuf_free(out);
	if (rc < 0)
		snprintf(msg, size, _("Kon %s niet schrijven: %s"), path,
		         strerror(-rc));
	return rc;
}

int
saveas_write(const struct model_room *room, enum cmd_export format,
             const char *path, int64_t now, char *msg, size_t size)
{
	struct strbuf out = { 0 };
	char stamp[32];
	size_t count = room->actions.n;
	int rc;

	if (format == CMD_EXPORT_ICS) {
		ics_stamp(stamp);
		count = export_ics(room, stamp, &out);
	} else if (format == CMD_EXPORT_JSON) {
		export_json(room, now, &out);
	} else if (format == CMD_EXPORT_MD) {
		export_md(room, &out);
	} else if (format == CMD_EXPORT_HTML) {
		local_day(stamp);
		export_html(room, stamp, &out);
	} else {
		export_csv(room, &out);
	}
	rc = save(&out, path, msg, size);
	if (rc < 0)
		return rc;
	if (format == CMD_EXPORT_JSON || format == CMD_EXPORT_MD ||
	    format == CMD_EXPORT_HTML)
		snprintf(msg, size, _("De poster is naar %s geschreven."), path);
	else if (format == CMD_EXPORT_ICS)
		snprintf(msg, size, _("%zu acties met een datum of maand naar %s geschreven (voor de agenda)."),
		         count, path);
	else
		snprintf(msg, size, _("%zu acties naar %s geschreven (voor Excel)."),
		         count, path);
	return 0;
}

int
saveas_workshop(const Aandeslag__WorkshopStatus *ws,
                const struct model_room *const *rooms, size_t n,
                enum wscmd_export format, const char *path, int64_t now,
                char *msg, size_t size)
{
	struct strbuf out = { 0 };
	char stamp[32];
	size_t count = 0, i;
	int rc;

	for (i = 0; i < n; i++)
		count += rooms[i]->actions.n;
	if (format == WSCMD_EXPORT_ICS) {
		ics_stamp(stamp);
		count = export_ics_workshop(ws->title, rooms, n, stamp, &out);
	} else if (format == WSCMD_EXPORT_JSON) {
		export_json_workshop(ws, rooms, n, now, &out);
	} else if (format == WSCMD_EXPORT_MD) {
		export_md_workshop(ws, rooms, n, &out);
	} else if (format == WSCMD_EXPORT_HTML) {
		local_day(stamp);
		export_html_workshop(ws, rooms, n, stamp, &out);
	} else {
		export_csv_workshop(rooms, n, &out);
	}
	rc = save(&out, path, msg, size);
	if (rc < 0)
		return rc;
	if (format == WSCMD_EXPORT_ICS)
		snprintf(msg, size, _("%zu acties met een datum of maand van alle groepen naar %s geschreven (voor de agenda)."),
		         count, path);
	else if (format == WSCMD_EXPORT_CSV)
		snprintf(msg, size, _("%zu acties van alle groepen naar %s geschreven (voor Excel)."),
		         count, path);
	else if (n == 1)
		snprintf(msg, size, _("1 groep naar %s geschreven."), path);
	else
		snprintf(msg, size, _("%zu groepen naar %s geschreven."), n, path);
	return 0;
}
