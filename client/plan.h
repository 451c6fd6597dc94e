/* The facilitator's workshop plan for a study day: read from a YAML file
 * (see docs/studiedag.md) or made from a title and a number of rooms, and
 * checked against the server's rules before anything is sent, so that a
 * mistake is reported with its line in the file instead of as a refusal.
 *
 * The file, in UTF-8 (every text one line, without tabs or other control
 * characters; the keys are Dutch because the facilitator writes them):
 *
 *   titel: TEXT                    required; at most MODEL_TITLE_MAX bytes
 *   datum: JJJJ-MM-DD              optional; a real date, 2000..2199
 *   terugkoppeling_minuten: N      optional; 1..PLAN_REPORT_MINUTES_MAX
 *                                  minutes per group in the report back
 *                                  (left out: the server's default, 5)
 *   groepen:                       required; 1..PLAN_ROOMS_MAX rooms
 *     - naam: TEXT                 required; at most MODEL_NAME_MAX bytes,
 *                                  unique ignoring case, not only digits
 *                                  (a colleague may choose a group by its
 *                                  number)
 *       opleiding: TEXT            optional; the programme
 *       kwalificatiedossier: TEXT  optional; the qualification
 *       niveaus: [N, ...]          optional; levels 1..4, each once
 *       minuten: [N, N, N, N, N]   optional; the five steps' minutes,
 *                                  1..MODEL_STEP_MINUTES_MAX each
 *   indeling:                      optional; who goes where
 *     NAME: GROUP                  a colleague's name and a group's naam
 *                                  (ignoring case); each name once, at
 *                                  most MODEL_SEATS to a group
 *   rooster:                       optional; 1..PLAN_SCHEDULE_MAX items,
 *     - tijd: "UU:MM"              in order of time (equal times may
 *       wat: TEXT                  follow each other)
 *       terugkoppeling: ja|nee     optional; the report-back slot, at
 *                                  most one (true and false also do)
 *
 * An optional key with nothing after it counts as left out; any key not
 * listed here is an error, so a typo does not silently lose a setting. */
#ifndef AANDESLAG_PLAN_H
#define AANDESLAG_PLAN_H

#include "aandeslag.pb-c.h"
#include "model.h"

/* Bytes of an error message "path:line: reason". */
#define PLAN_ERROR_SIZE 512
/* The server's limits on a workshop. */
#define PLAN_ROOMS_MAX 12
#define PLAN_SCHEDULE_MAX 16
#define PLAN_REPORT_MINUTES_MAX 60
/* Every colleague the rooms can seat, so every assignment that fits. */
#define PLAN_ASSIGNMENTS_MAX (PLAN_ROOMS_MAX * MODEL_SEATS)
/* Bytes of a schedule item's label. */
#define PLAN_LABEL_MAX MODEL_SETTING_MAX

/* Where the texts and lists behind msg live; private to plan.c. */
struct plan_store;

struct plan {
	/* The request, ready to send: title, date, rooms, assignments,
	 * schedule and report_minutes are filled, with every pointer array
	 * and count set up. request_id, name (the facilitator) and
	 * content_hash are left for the caller, and their strings remain
	 * the caller's: plan_free() does not free them. msg's pointers
	 * point into store, so msg is valid until plan_free(). */
	Aandeslag__CreateWorkshop msg;
	struct plan_store *store; /* owned */
};

/* Reads the plan file at path into out. Returns 0 with out filled
 * (release with plan_free()); -EINVAL with "path:line: reason" (in the
 * user's language) in err for a file that cannot be read or breaks a
 * rule above; or -ENOMEM. On failure out holds nothing, and plan_free()
 * on it is harmless. */
int plan_load(const char *path, struct plan *out, char err[PLAN_ERROR_SIZE]);

/* Makes the plan of `--new-workshop TITLE --rooms N`: rooms named
 * "Groep 1" to "Groep N" without further settings, no assignments and no
 * schedule. Returns 0 with out filled (release with plan_free());
 * -EINVAL when rooms is not 1..PLAN_ROOMS_MAX or the title is not a
 * usable text (empty, too long, not one line of UTF-8); or -ENOMEM. On
 * failure out holds nothing. */
int plan_quick(struct plan *out, const char *title, unsigned rooms);

/* Frees what p owns and empties it; p may be empty already. */
void plan_free(struct plan *p);

#endif
