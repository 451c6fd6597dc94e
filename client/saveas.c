/* Export files written by the client. The renderers are pure (common/);
 * this adds the time stamp an iCalendar file needs, the date printed on
 * the HTML poster, and the file itself. */
#include "saveas.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "export_csv.h"
#include "export_html.h"
#include "export_ics.h"
#include "export_json.h"
#include "export_md.h"
#include "i18n.h"
#include "strbuf.h"

static int
write_file(const char *path, const struct strbuf *text)
{
	char tmp[4096];
	FILE *f;
	int rc = 0, n;

	n = snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if (n < 0 || (size_t)n >= sizeof tmp)
		return -ENAMETOOLONG;
	f = fopen(tmp, "wb");
	if (f == NULL)
		return -errno;
	if (fwrite(text->data, 1, text->len, f) != text->len)
		rc = -errno;
	if (fclose(f) != 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -errno;
	if (rc < 0)
		unlink(tmp);
	return rc;
}

int
saveas_write(const struct model_room *room, enum cmd_export format,
             const char *path, int64_t now, char *msg, size_t size)
{
	struct strbuf out = { 0 };
	char stamp[32];
	time_t wall = time(NULL);
	struct tm tm;
	size_t count = room->actions.n;
	int rc;

	if (format == CMD_EXPORT_ICS) {
		gmtime_r(&wall, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
		count = export_ics(room, stamp, &out);
	} else if (format == CMD_EXPORT_JSON) {
		export_json(room, now, &out);
	} else if (format == CMD_EXPORT_MD) {
		export_md(room, &out);
	} else if (format == CMD_EXPORT_HTML) {
		/* The day on this computer's calendar: the poster is dated
		 * for the team that prints it. */
		localtime_r(&wall, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%d", &tm);
		export_html(room, stamp, &out);
	} else {
		export_csv(room, &out);
	}
	rc = out.failed ? -ENOMEM : write_file(path, &out);
	strbuf_free(&out);
	if (rc < 0)
		snprintf(msg, size, _("Kon %s niet schrijven: %s"), path,
		         strerror(-rc));
	else if (format == CMD_EXPORT_JSON || format == CMD_EXPORT_MD ||
	         format == CMD_EXPORT_HTML)
		snprintf(msg, size, _("De poster is naar %s geschreven."), path);
	else if (format == CMD_EXPORT_ICS)
		snprintf(msg, size, _("%zu acties met een datum of maand naar %s geschreven (voor de agenda)."),
		         count, path);
	else
		snprintf(msg, size, _("%zu acties naar %s geschreven (voor Excel)."),
		         count, path);
	return rc;
}
