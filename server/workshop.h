/* Workshops on the server: a study day's rooms under one code, the
 * facilitator who oversees them, and the plenary report back. A
 * workshop's rooms are ordinary rooms, each with its own chair; the
 * workshop adds the way in (choosing a room, or being placed), the
 * facilitator's view of all rooms at once, and a few actions on every
 * room together. What facilitators and plenary projectors see is a
 * WorkshopStatus, sent again (at most once a loop turn) whenever any of
 * the rooms changes. */
#ifndef AANDESLAG_WORKSHOP_H
#define AANDESLAG_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "clock.h"
#include "code.h"
#include "model.h"
#include "store.h"

struct conn;
struct room;
struct server;

/* Rooms in one workshop: a study day of 30 needs five; twelve leaves room
 * for a large one (84 colleagues). */
#define WORKSHOP_ROOMS_MAX 12
#define WORKSHOP_ASSIGNMENTS_MAX (WORKSHOP_ROOMS_MAX * MODEL_SEATS)
#define WORKSHOP_SCHEDULE_MAX 16
/* Facilitators' and plenary projectors' connections. */
#define WORKSHOP_WATCHERS_MAX 16
/* Facilitator tokens kept: one per laptop a facilitator used. */
#define WORKSHOP_TOKENS_MAX 8
/* A room's turn in the report back, unless the plan says otherwise. */
#define WORKSHOP_REPORT_MINUTES 5
#define WORKSHOP_REPORT_MINUTES_MAX 60

struct workshop_assignment {
	char *name;
	size_t room;            /* index into rooms */
};

struct workshop_slot {
	char time[6];           /* HH:MM */
	char *label;
	bool report_back;
};

struct workshop {
	struct server *srv;
	char code[CODE_SIZE];
	char *title;
	char date[11];          /* YYYY-MM-DD or "" */
	char *facilitator;      /* the facilitator's name */
	struct room *rooms[WORKSHOP_ROOMS_MAX];
	size_t nrooms;
	struct workshop_assignment *assignments;
	size_t nassignments;
	struct workshop_slot schedule[WORKSHOP_SCHEDULE_MAX];
	size_t nschedule;
	uint32_t report_minutes;
	uint8_t facilitator_code_hash[STORE_HASH_SIZE];
	uint8_t token_hashes[WORKSHOP_TOKENS_MAX][STORE_HASH_SIZE];
	size_t ntokens;
	uint64_t last_request_id;       /* the facilitators' commands */
	char *announcement;             /* "" when none */
	int report_phase;               /* an Aandeslag__ReportPhase */
	uint32_t report_room;           /* 1..nrooms in REPORT_ROOM */
	struct clock report_clock;
	struct conn *watchers[WORKSHOP_WATCHERS_MAX];
	size_t nwatchers;
	int64_t created_ms, used_ms;    /* wall clock */
	bool dirty;                     /* a status is due */
	struct workshop *next;          /* in server->workshops */
	struct workshop *dirty_next;    /* in server->dirty_workshops */
};

/* Returns the workshop with code (normalised), or NULL. */
struct workshop *workshop_find(struct server *srv, const char *code);

/* Returns the room of ws that what names: its name (any case), its
 * number (1..) or its code; NULL when none. */
struct room *workshop_room_named(struct workshop *ws, const char *what);

/* Returns the index of room in ws, or -1. */
int workshop_room_index(const struct workshop *ws, const struct room *room);

/* Notes that something in ws changed: its facilitators and projectors get
 * a new status before the loop waits again (workshops_flush()). */
void workshop_touch(struct workshop *ws);

/* Sends the due statuses. Called once a loop turn, before the commit. */
void workshops_flush(struct server *srv);

/* Builds the status of ws as it is now into *out, owned by the caller
 * (workshop_status_free()). Returns 0 or -ENOMEM. */
int workshop_status_build(struct workshop *ws, Aandeslag__WorkshopStatus **out);
void workshop_status_free(Aandeslag__WorkshopStatus *st);

/* Writes ws to storage (inside a change: room_change_begin()). Returns 0
 * or a store error. */
int workshop_save(struct workshop *ws);

/* Adds a new workshop to the server's list, which owns it from then on. */
void workshop_add(struct server *srv, struct workshop *ws);

/* Frees a workshop that is in no list; its rooms are not touched. */
void workshop_free(struct workshop *ws);

/* Takes a room that is going away out of its workshop; a workshop left
 * without rooms goes too (from memory and storage), its watchers let
 * go. */
void workshop_forget_room(struct room *room);

/* Adds c as a watcher of ws (facilitator or plenary projector) and puts
 * it in CONN_WORKSHOP. Returns 0, or -ENOSPC when ws has as many
 * watchers as it takes. */
int workshop_watch(struct workshop *ws, struct conn *c, bool facilitator);

/* Detaches a closing connection from the workshop it watches. */
void workshop_detach(struct conn *c);

/* Reads every stored workshop back after the rooms were recovered,
 * linking each to its rooms (rooms that no longer exist are left out).
 * Returns 0 or a store error. */
int workshops_recover(struct server *srv);

/* Frees every workshop (at the end; connections are gone). */
void workshops_free(struct server *srv);

/* Packs env and sends it to c (held back until the commit like every
 * frame while the turn holds; see conn_send()). */
void workshop_send(struct conn *c, const Aandeslag__Envelope *env);

#endif
