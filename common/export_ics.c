/* The actions of a room, or of every room of a workshop, as an iCalendar
 * file (RFC 5545): one all-day, transparent event per action with a date
 * or a month, so that a team can put its plan in Outlook, Microsoft 365
 * or Google Calendar. Each
 * content line is built whole, then escaped and folded at 75 octets on
 * a UTF-8 character boundary. */
#include "export_ics.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "dates.h"
#include "i18n.h"
#include "poster.h"

/* The longest physical line, in octets without the CRLF (RFC 5545 3.1). */
#define ICS_FOLD 75

/* What the renderer carries from line to line. */
struct ics {
	struct strbuf *out;
	struct strbuf line;     /* the content line being built */
	struct strbuf text;     /* a TEXT value before escaping */
};

/* Reads the n digits at s; the caller checked they are digits. */
static int
number(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool
leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
month_days(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	                              30, 31 };

	return month == 2 && leap(year) ? 29 : days[month - 1];
}

/* Empties sb for reuse, keeping its memory. */
static void
clear(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

/* Appends s to sb as an RFC 5545 TEXT value (3.3.11): backslash, ';' and
 * ',' escaped, a newline as "\n"; other control characters (which a TEXT
 * may not hold) left out, but for a tab. */
static void
escape(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run;

	while (*p != '\0') {
		for (run = 0; p[run] != '\0' && p[run] != '\\' &&
		     p[run] != ';' && p[run] != ',' &&
		     (p[run] >= 0x20 || p[run] == '\t') && p[run] != 0x7f;
		     run++)
			continue;
		strbuf_add(sb, (const char *)p, run);
		p += run;
		if (*p == '\0')
			break;
		if (*p == '\\' || *p == ';' || *p == ',') {
			strbuf_add(sb, "\\", 1);
			strbuf_add(sb, (const char *)p, 1);
		} else if (*p == '\n') {
			strbuf_add(sb, "\\n", 2);
		}
		p++;
	}
}

/* Appends the content line in x->line to the output, folded: a physical
 * line holds at most ICS_FOLD octets, a continuation line starts with a
 * space, and no cut falls inside a UTF-8 character. */
static void
emit(struct ics *x)
{
	const char *s = x->line.data;
	size_t len = x->line.len, pos = 0, limit = ICS_FOLD, cut;

	if (x->line.failed) {
		x->out->failed = 1;
		return;
	}
	while (len - pos > limit) {
		cut = pos + limit;
		/* Back up to the first byte of the character at the cut. */
		while (cut > pos && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == pos)         /* not UTF-8: cut where it falls */
			cut = pos + limit;
		strbuf_add(x->out, s + pos, cut - pos);
		strbuf_add(x->out, "\r\n ", 3);
		pos = cut;
		limit = ICS_FOLD - 1;   /* the space counts */
	}
	strbuf_add(x->out, s + pos, len - pos);
	strbuf_add(x->out, "\r\n", 2);
}

/* Writes a property whose value goes as it is (dates, ids, constants),
 * but for control characters, which could only break the line. */
static void
prop(struct ics *x, const char *name, const char *value)
{
	const unsigned char *p;

	clear(&x->line);
	strbuf_puts(&x->line, name);
	strbuf_add(&x->line, ":", 1);
	for (p = (const unsigned char *)value; p != NULL && *p != '\0'; p++)
		if (*p >= 0x20 && *p != 0x7f)
			strbuf_add(&x->line, (const char *)p, 1);
	emit(x);
}

/* Writes a property with a TEXT value, escaped. */
static void
prop_text(struct ics *x, const char *name, const char *value)
{
	clear(&x->line);
	strbuf_puts(&x->line, name);
	strbuf_add(&x->line, ":", 1);
	escape(&x->line, value);
	emit(x);
}

/* Writes a date as "YYYYMMDD" into out (9 bytes); year 0..9999. */
static void
put_date(char out[9], int year, int month, int day)
{
	int i;

	for (i = 3; i >= 0; i--, year /= 10)
		out[i] = (char)('0' + year % 10);
	out[4] = (char)('0' + month / 10);
	out[5] = (char)('0' + month % 10);
	out[6] = (char)('0' + day / 10);
	out[7] = (char)('0' + day % 10);
	out[8] = '\0';
}

/* Fills start and end ("YYYYMMDD") with the day an action sits on and the
 * day after, from a checked date or month. Returns false when when has
 * neither or an impossible one. */
static bool
days_of(const Aandeslag__When *when, char start[9], char end[9])
{
	int year, month, day;

	if (when == NULL || when->value == NULL)
		return false;
	if (when->kind == AANDESLAG__WHEN_KIND__WHEN_DATE) {
		if (dates_check_day(when->value) < 0)
			return false;
		day = number(when->value + 8, 2);
	} else if (when->kind == AANDESLAG__WHEN_KIND__WHEN_MONTH) {
		if (dates_check_month(when->value) < 0)
			return false;
		day = 1;
	} else {
		return false;
	}
	year = number(when->value, 4);
	month = number(when->value + 5, 2);
	/* The checks above bound every field to its digits. */
	put_date(start, year, month, day);
	if (++day > month_days(year, month)) {
		day = 1;
		if (++month > 12) {
			month = 1;
			year++;
		}
	}
	put_date(end, year, month, day);
	return true;
}

/* Writes the DESCRIPTION of action a: who, what it needs, its status, the
 * room, and for a month which month is meant. */
static void
description(struct ics *x, const struct model_room *room,
            const Aandeslag__Action *a)
{
	struct strbuf *t = &x->text;

	clear(t);
	strbuf_puts(t, _("Wie: "));
	poster_owners(a, t);
	if (a->needs != 0 || (a->needs_text != NULL && a->needs_text[0])) {
		strbuf_printf(t, "\n%s", _("Nodig: "));
		poster_needs(a, t);
	}
	strbuf_printf(t, "\n%s%s", _("Status: "), poster_status(a->status));
	strbuf_puts(t, "\n");
	strbuf_printf(t, _("Werksessie: %s (%s)"), room->title, room->code);
	if (a->when->kind == AANDESLAG__WHEN_KIND__WHEN_MONTH) {
		strbuf_printf(t, "\n%s", _("In de maand "));
		poster_date(a->when->value, t);
	}
	if (t->failed) {
		x->out->failed = 1;
		return;
	}
	prop_text(x, "DESCRIPTION", strbuf_str(t));
}

/* Writes the SUMMARY of action a: its text, after the group's name when
 * group is not NULL. */
static void
summary(struct ics *x, const Aandeslag__Action *a, const char *group)
{
	const char *what = a->text ? a->text : "";

	if (group == NULL) {
		prop_text(x, "SUMMARY", what);
		return;
	}
	clear(&x->text);
	/* The group first: a calendar view cuts a long title short. */
	strbuf_printf(&x->text, _("%s: %s"), group, what);
	if (x->text.failed) {
		x->out->failed = 1;
		return;
	}
	prop_text(x, "SUMMARY", strbuf_str(&x->text));
}

/* Writes the VEVENT of action a, if it has a date or a month; group as
 * for summary(). */
static bool
event(struct ics *x, const struct model_room *room,
      const Aandeslag__Action *a, const char *dtstamp, const char *group)
{
	char start[9], end[9];

	if (!days_of(a->when, start, end))
		return false;
	prop(x, "BEGIN", "VEVENT");
	/* From the room and the action only, so a second import of the same
	 * plan updates the events instead of adding them again. */
	clear(&x->line);
	strbuf_printf(&x->line, "UID:%s-a%" PRIu32 "@aandeslag", room->code,
	              a->id);
	emit(x);
	prop(x, "DTSTAMP", dtstamp);
	prop(x, "DTSTART;VALUE=DATE", start);
	prop(x, "DTEND;VALUE=DATE", end);
	summary(x, a, group);
	description(x, room, a);
	/* An action is something to do, not a meeting that makes one busy. */
	prop(x, "TRANSP", "TRANSPARENT");
	prop(x, "END", "VEVENT");
	return true;
}

/* Writes the lines that open the calendar, named name. */
static void
calendar_open(struct ics *x, const char *name)
{
	prop(x, "BEGIN", "VCALENDAR");
	prop(x, "VERSION", "2.0");
	prop(x, "PRODID", "-//aandeslag//aandeslag 0.1//NL");
	prop(x, "CALSCALE", "GREGORIAN");
	prop(x, "METHOD", "PUBLISH");
	prop_text(x, "X-WR-CALNAME", name != NULL ? name : "");
}

/* Writes the events of room's actions; group as for summary(). Returns
 * how many were written. */
static size_t
room_events(struct ics *x, const struct model_room *room,
            const char *dtstamp, const char *group)
{
	size_t i, count = 0;

	for (i = 0; i < room->actions.n; i++)
		if (event(x, room, (const Aandeslag__Action *)
		          room->actions.v[i].msg, dtstamp, group))
			count++;
	return count;
}

/* Writes the line that closes the calendar and frees what x holds. */
static void
calendar_close(struct ics *x)
{
	prop(x, "END", "VCALENDAR");
	strbuf_free(&x->line);
	strbuf_free(&x->text);
}

size_t
export_ics(const struct model_room *room, const char *dtstamp,
           struct strbuf *out)
{
	struct ics x = { .out = out };
	size_t count;

	calendar_open(&x, room->title);
	count = room_events(&x, room, dtstamp, NULL);
	calendar_close(&x);
	return count;
}

size_t
export_ics_workshop(const char *title, const struct model_room *const *rooms,
                    size_t n, const char *dtstamp, struct strbuf *out)
{
	struct ics x = { .out = out };
	size_t i, count = 0;

	calendar_open(&x, title);
	/* The UIDs stay those of each room's own export: room codes are
	 * unique, so they differ across rooms, and a team that imported its
	 * own calendar sees the same events updated, not doubled. */
	for (i = 0; i < n; i++)
		count += room_events(&x, rooms[i], dtstamp,
		                     rooms[i]->title != NULL ? rooms[i]->title :
		                     "");
	calendar_close(&x);
	return count;
}
