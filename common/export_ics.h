/* The actions of a room, or of every room of a workshop, as an iCalendar
 * file (RFC 5545), for Outlook, Microsoft 365 and Google Calendar: one
 * all-day event per action that has a date or a month. Pure: the time
 * stamp is passed in. */
#ifndef AANDESLAG_EXPORT_ICS_H
#define AANDESLAG_EXPORT_ICS_H

#include "model.h"
#include "strbuf.h"

/* Appends to out a VCALENDAR with one VEVENT per action of room whose
 * "when" is a date (that day) or a month (its first day): SUMMARY the
 * action, DESCRIPTION who, what it needs, the status and the room's
 * title, a UID that stays the same for the same room and action (so a
 * second import updates rather than duplicates), DTSTAMP dtstamp (UTC,
 * "YYYYMMDDTHHMMSSZ"), CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, and text escaped as RFC 5545 asks. Actions
 * without a date or month are left out; an action with an impossible date
 * too. Allocation failure sets out->failed. Returns how many events were
 * written. */
size_t export_ics(const struct model_room *room, const char *dtstamp,
                  struct strbuf *out);

/* Appends to out one VCALENDAR named title (the workshop's title; NULL
 * counts as "") with the events of the n rooms of a workshop, in the
 * order given, each as export_ics() writes it but for its SUMMARY, which
 * starts with the group's name (the room's title) and a colon, e.g.
 * "Zorg: Gastles plannen"; the DESCRIPTION names the room as before.
 * The UIDs are those of each room's own export, so they differ across
 * rooms. n == 0 gives an empty, valid calendar. The rooms are only read;
 * out stays the caller's. Allocation failure sets out->failed. Returns
 * how many events were written, all rooms together. */
size_t export_ics_workshop(const char *title,
                           const struct model_room *const *rooms, size_t n,
                           const char *dtstamp, struct strbuf *out);

#endif
