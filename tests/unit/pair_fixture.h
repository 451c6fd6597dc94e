/* A server's room and a client's mirror of it, fed every event: the
 * set-up the tests of the model's step modules share. */
#ifndef AANDESLAG_PAIR_FIXTURE_H
#define AANDESLAG_PAIR_FIXTURE_H

#include <string.h>

#include "check.h"
#include "content.h"
#include "model.h"

#define PAIR_CODE "K7QM-2XPD"
#define PAIR_TITLE "Titel"
#define PAIR_EPOCH UINT64_C(42)

static struct content content;
static struct model_room room, mirror;
static struct model_event ev;
static struct refusal why;
static uint32_t chair, ann, bob;
static const int64_t now = 1000;

static inline uint32_t
join(const char *name, int role)
{
	CHECK_INT(model_join(&room, name, role, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return ev.participant.id;
}

/* Loads the content from yaml, makes the room and its mirror, and seats
 * Chris (the chair), Ann and Bob. */
static inline void
pair_setup(const char *yaml)
{
	char err[CONTENT_ERROR_SIZE] = "";

	if (content_parse(&content, yaml, strlen(yaml), "unit.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&room, &content, PAIR_CODE, PAIR_TITLE,
	                     PAIR_EPOCH, &why), ==, 0);
	CHECK_INT(model_init(&mirror, &content, PAIR_CODE, PAIR_TITLE,
	                     PAIR_EPOCH, &why), ==, 0);
	chair = join("Chris", AANDESLAG__ROLE__ROLE_CHAIR);
	ann = join("Ann", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	bob = join("Bob", AANDESLAG__ROLE__ROLE_PARTICIPANT);
}

static inline void
teardown(void)
{
	model_event_release(&ev);
	model_free(&room);
	model_free(&mirror);
	content_free(&content);
}

/* Runs cmd for actor in the room; an accepted command's event is applied
 * to the mirror too, which must accept it. */
static inline int
run(uint32_t actor, const Aandeslag__Command *cmd)
{
	int rc = model_execute(&room, actor, cmd, now, &ev, &why);

	if (rc == 0)
		CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return rc;
}

/* An event for the mirror: the next one, caused by the server. */
static inline void
next_event(Aandeslag__Event *e)
{
	aandeslag__event__init(e);
	e->epoch = mirror.epoch;
	e->seq = mirror.seq + 1;
}

/* Applies to the mirror, as the next event, the removal of the activity
 * or action id (change_case ACTIVITY_DELETED or ACTION_DELETED). */
static inline int
pair_apply_deleted(int change_case, uint32_t id)
{
	Aandeslag__Event e;
	Aandeslag__ItemDeleted d;

	next_event(&e);
	aandeslag__item_deleted__init(&d);
	d.id = id;
	e.change_case = (Aandeslag__Event__ChangeCase)change_case;
	if (change_case == AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED)
		e.activity_deleted = &d;
	else
		e.action_deleted = &d;
	return model_apply(&mirror, &e, now);
}

#endif
