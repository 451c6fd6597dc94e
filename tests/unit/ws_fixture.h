/* Shared fixture for the tests of the workshop's screens and commands
 * (wsview.c, plenary.c, wsline.c, wscmd.c): a study day of four rooms as
 * the server would send its WorkshopStatus, built in place with no heap,
 * and the real content to name steps and competences with.
 *
 *   1 Zorg                    step 3, running, 12:04 left, 2 findings
 *   2 Techniek                step 2, paused at 15:30, nothing yet
 *   3 Economie en Ondernemen  step 1, not started, no chair
 *   4 Sport en Bewegen        step 5, running 1:05 over, 3 findings
 *
 * Anna sits in rooms 1 and 4; Jan van Dijk chairs room 4. */
#ifndef AANDESLAG_WS_FIXTURE_H
#define AANDESLAG_WS_FIXTURE_H

#include "check.h"

#include <stdbool.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "content.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define WS_CODE "W4KP-7QRT"
#define WS_TITLE "Studiedag internationalisering"
#define WS_DATE "2027-03-15"
#define WS_ROOMS 4
#define WS_MINUTE INT64_C(60000)

#define WS_FINDINGS 3
#define WS_ACTIONS 3
#define WS_PEOPLE 7
#define WS_SLOTS 5

/* One room and everything its summary points to. */
struct ws_room {
	Aandeslag__RoomSummary msg;
	Aandeslag__StepClock clock;
	Aandeslag__Finding findings[WS_FINDINGS];
	Aandeslag__Finding *finding_ptrs[WS_FINDINGS];
	char *marked[4];
	uint32_t levels[2];
	Aandeslag__Action actions[WS_ACTIONS];
	Aandeslag__Action *action_ptrs[WS_ACTIONS];
	Aandeslag__Owner owners[WS_ACTIONS][2];
	Aandeslag__Owner *owner_ptrs[WS_ACTIONS][2];
	Aandeslag__When when[WS_ACTIONS];
	char *people[WS_PEOPLE];
};

struct ws_fixture {
	Aandeslag__WorkshopStatus ws;
	struct ws_room rooms[WS_ROOMS];
	Aandeslag__RoomSummary *room_ptrs[WS_ROOMS];
	Aandeslag__ScheduleItem slots[WS_SLOTS];
	Aandeslag__ScheduleItem *slot_ptrs[WS_SLOTS];
	Aandeslag__ReportState report;
	Aandeslag__StepClock report_clock;
	struct content content;
};

static inline void
ws_clock(Aandeslag__StepClock *c, uint32_t step, int state,
         int64_t remaining_ms, int64_t minutes)
{
	aandeslag__step_clock__init(c);
	c->step = step;
	c->state = (Aandeslag__ClockState)state;
	c->remaining_ms = remaining_ms;
	c->duration_ms = minutes * WS_MINUTE;
}

static inline void
ws_finding(struct ws_room *r, const char *text)
{
	size_t n = r->msg.n_findings;

	CHECK(n < WS_FINDINGS);
	aandeslag__finding__init(&r->findings[n]);
	r->findings[n].id = (uint32_t)n + 1;
	r->findings[n].text = (char *)text;
	r->finding_ptrs[n] = &r->findings[n];
	r->msg.findings = r->finding_ptrs;
	r->msg.n_findings = n + 1;
}

/* An action with one or two owners (team: the whole team; NULL: none)
 * and when of kind with value. */
static inline void
ws_action(struct ws_room *r, const char *text, const char *owner1,
          const char *owner2, int when, const char *value, int status)
{
	size_t n = r->msg.n_actions, k = 0;
	Aandeslag__Action *a = &r->actions[n];
	const char *names[2] = { owner1, owner2 };
	size_t i;

	CHECK(n < WS_ACTIONS);
	aandeslag__action__init(a);
	a->id = (uint32_t)n + 1;
	a->text = (char *)text;
	for (i = 0; i < 2; i++) {
		if (names[i] == NULL)
			continue;
		aandeslag__owner__init(&r->owners[n][k]);
		if (strcmp(names[i], "team") == 0) {
			r->owners[n][k].kind = AANDESLAG__OWNER_KIND__OWNER_TEAM;
		} else {
			r->owners[n][k].kind =
				AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT;
			r->owners[n][k].name = (char *)names[i];
		}
		r->owner_ptrs[n][k] = &r->owners[n][k];
		k++;
	}
	a->owners = k ? r->owner_ptrs[n] : NULL;
	a->n_owners = k;
	aandeslag__when__init(&r->when[n]);
	r->when[n].kind = (Aandeslag__WhenKind)when;
	r->when[n].value = (char *)value;
	a->when = &r->when[n];
	a->status = (Aandeslag__ActionStatus)status;
	r->action_ptrs[n] = a;
	r->msg.actions = r->action_ptrs;
	r->msg.n_actions = n + 1;
}

static inline void
ws_people(struct ws_room *r, const char *const *names)
{
	size_t n = 0;

	while (names[n] != NULL) {
		CHECK(n < WS_PEOPLE);
		r->people[n] = (char *)names[n];
		n++;
	}
	r->msg.participants = r->people;
	r->msg.n_participants = n;
}

static inline struct ws_room *
ws_room(struct ws_fixture *f, size_t i, const char *name, const char *code,
        const char *programme, uint32_t seated, uint32_t connected,
        const char *chair, uint32_t step)
{
	struct ws_room *r = &f->rooms[i];

	aandeslag__room_summary__init(&r->msg);
	r->msg.name = (char *)name;
	r->msg.code = (char *)code;
	r->msg.programme = (char *)programme;
	r->msg.qualification = (char *)"";
	r->levels[0] = 3;
	r->levels[1] = 4;
	r->msg.levels = r->levels;
	r->msg.n_levels = 2;
	r->msg.seated = seated;
	r->msg.connected = connected;
	r->msg.chair = (char *)chair;
	r->msg.current_step = step;
	r->msg.clock = &r->clock;
	f->room_ptrs[i] = &r->msg;
	return r;
}

static inline void
ws_slot(struct ws_fixture *f, size_t i, const char *time, const char *label,
        bool report_back)
{
	aandeslag__schedule_item__init(&f->slots[i]);
	f->slots[i].time = (char *)time;
	f->slots[i].label = (char *)label;
	f->slots[i].report_back = report_back;
	f->slot_ptrs[i] = &f->slots[i];
}

#define CLK(s) AANDESLAG__CLOCK_STATE__CLOCK_##s
#define WHEN_(s) AANDESLAG__WHEN_KIND__WHEN_##s
#define STATUS_(s) AANDESLAG__ACTION_STATUS__ACTION_##s

/* Fills f with the study day; with content, loads the real content. */
static inline void
ws_open(struct ws_fixture *f, bool content)
{
	static const char *const zorg[] = { "Anna", "Bram", "Carla", "Dewi",
	                                    "Eva", NULL };
	static const char *const techniek[] = { "Joost", "Karim", "Lotte",
	                                        "Mehmet", NULL };
	static const char *const economie[] = { "Noor", "Omar", "Pim",
	                                        "Roos", "Sanne", "Tim", NULL };
	static const char *const sport[] = { "Jan van Dijk", "Anna", "Wout",
	                                     "Yara", NULL };
	char err[CONTENT_ERROR_SIZE];
	struct ws_room *r;

	memset(f, 0, sizeof *f);
	if (content)
		CHECK_INT(content_load(&f->content,
		                       SOURCE_DIR "/data/content.yaml", err), ==, 0);
	aandeslag__workshop_status__init(&f->ws);
	f->ws.code = (char *)WS_CODE;
	f->ws.title = (char *)WS_TITLE;
	f->ws.date = (char *)WS_DATE;
	f->ws.announcement = (char *)"Om 12:00 lunch in de kantine. Daarna de terugkoppeling in de aula.";

	r = ws_room(f, 0, "Zorg", "K7QM-2XPD", "Verpleegkunde", 5, 4, "Anna", 3);
	ws_clock(&r->clock, 3, CLK(RUNNING), 12 * WS_MINUTE + 4000, 30);
	ws_finding(r, "Studenten willen graag stage lopen in een ziekenhuis in Belgi\xc3\xab.");
	ws_finding(r, "Engels spreken aan het bed is voor veel studenten een drempel.");
	r->marked[0] = (char *)"open-houding";
	r->marked[1] = (char *)"vreemde-taal";
	r->msg.marked = r->marked;
	r->msg.n_marked = 2;
	ws_action(r, "Contact leggen met een ziekenhuis in Gent", "Anna", "Bram",
	          WHEN_(MONTH), "2027-05", STATUS_(OPEN));
	ws_action(r, "Gastles over de zorg in Duitsland", "team", NULL,
	          WHEN_(PERIOD), "periode 3", STATUS_(BUSY));
	ws_people(r, zorg);

	r = ws_room(f, 1, "Techniek", "M3TR-9HJK", "Mechatronica", 4, 4, "Joost", 2);
	ws_clock(&r->clock, 2, CLK(PAUSED), 15 * WS_MINUTE + 30000, 30);
	ws_people(r, techniek);

	r = ws_room(f, 2, "Economie en Ondernemen", "P6VB-4WNC",
	            "Commercieel medewerker", 6, 6, "", 1);
	ws_clock(&r->clock, 1, CLK(IDLE), 20 * WS_MINUTE, 20);
	ws_people(r, economie);

	r = ws_room(f, 3, "Sport en Bewegen", "Q2XD-8YLF",
	            "Sport- en bewegingsco\xc3\xb6rdinator", 4, 3, "Jan van Dijk", 5);
	ws_clock(&r->clock, 5, CLK(RUNNING), -65000, 40);
	ws_finding(r, "Sportverenigingen over de grens zoeken stagiairs.");
	ws_finding(r, "We willen een uitwisseling met een school in Aken.");
	ws_finding(r, "Collega's kennen de Erasmus+-subsidie nog te weinig.");
	r->marked[0] = (char *)"internationaal-samenwerken";
	r->msg.marked = r->marked;
	r->msg.n_marked = 1;
	ws_action(r, "Uitwisseling met Aken voorbereiden", "Jan van Dijk", NULL,
	          WHEN_(DATE), "2027-09-01", STATUS_(OPEN));
	ws_action(r, "Erasmus+-aanvraag schrijven", "Wout", "Yara",
	          WHEN_(MONTH), "2027-10", STATUS_(OPEN));
	ws_action(r, "Lijst van clubs over de grens maken", NULL, NULL,
	          WHEN_(NONE), "", STATUS_(DONE));
	ws_people(r, sport);

	f->ws.rooms = f->room_ptrs;
	f->ws.n_rooms = WS_ROOMS;

	ws_slot(f, 0, "09:00", "Welkom en uitleg", false);
	ws_slot(f, 1, "09:30", "Werken in groepen", false);
	ws_slot(f, 2, "12:00", "Lunch", false);
	ws_slot(f, 3, "13:30", "Plenaire terugkoppeling", true);
	ws_slot(f, 4, "15:00", "Afsluiting", false);
	f->ws.schedule = f->slot_ptrs;
	f->ws.n_schedule = WS_SLOTS;

	aandeslag__report_state__init(&f->report);
	ws_clock(&f->report_clock, 0, CLK(IDLE), 5 * WS_MINUTE, 5);
	f->report.clock = &f->report_clock;
	f->ws.report = &f->report;
}

/* Puts the report back at room n's turn (0: overview, -1: not begun),
 * its clock running with left ms to go. */
static inline void
ws_report(struct ws_fixture *f, int n, int64_t left)
{
	if (n < 0) {
		f->report.phase = AANDESLAG__REPORT_PHASE__REPORT_NONE;
		f->report.room = 0;
		return;
	}
	f->report.phase = n == 0 ? AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW :
	                  AANDESLAG__REPORT_PHASE__REPORT_ROOM;
	f->report.room = (uint32_t)n;
	ws_clock(&f->report_clock, 0, CLK(RUNNING), left, 5);
}

static inline void
ws_close(struct ws_fixture *f)
{
	content_free(&f->content);
}

#endif
