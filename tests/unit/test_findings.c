/* Tests for findings.c and the workshop fields of the room: findings for
 * the report back (own text or a note's, at most three, deleted by their
 * author or the chair, also when the session is finished), the
 * facilitator's announcement, the workshop a room is part of, the
 * mirror's checks of each event and the snapshot's round trip. */
#include "findings_fixture.h"

#include "snapshot.h"

#define ROLE_V AANDESLAG__ROLE__ROLE_VIEWER
#define ROLE_F AANDESLAG__ROLE__ROLE_FACILITATOR
#define ROLE_S AANDESLAG__ROLE__ROLE_SCRIBE

static void
finish_session(void)
{
	Aandeslag__Command cmd;
	Aandeslag__Finish fin;

	aandeslag__command__init(&cmd);
	aandeslag__finish__init(&fin);
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
	cmd.finish = &fin;
	CHECK_INT(run(chair, &cmd), ==, 0);
	CHECK(room.settings.finished);
}

static int
make_scribe(uint32_t id)
{
	Aandeslag__Command cmd;
	Aandeslag__SetScribe ss;

	aandeslag__command__init(&cmd);
	aandeslag__set_scribe__init(&ss);
	ss.participant_id = id;
	ss.scribe = 1;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_SCRIBE;
	cmd.scribe = &ss;
	return run(chair, &cmd);
}

static int
note_cmd(uint32_t actor, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	an.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	return run(actor, &cmd);
}

/* ---------------------------------------------------------------- adding */

static void
test_add(void)
{
	const Aandeslag__Finding *f;

	setup();
	CHECK_UINT(room.findings.n, ==, 0);
	CHECK_INT(add_finding(ann, "  Stage in het buitenland werkt  ", 0), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_FINDING_ADDED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK(ev.event.finding_added == &ev.finding);
	f = finding_at(&room, 0);
	CHECK_UINT(f->id, ==, 1);
	CHECK_STR(f->text, "Stage in het buitenland werkt");
	CHECK_UINT(f->author_id, ==, ann);
	CHECK_UINT(room.next_finding_id, ==, 2);
	/* The chair and a scribe may add one too. */
	CHECK_INT(add_finding(chair, "Van de voorzitter", 0), ==, 0);
	CHECK_INT(make_scribe(bob), ==, 0);
	CHECK_INT(add_finding(bob, "Van de notulist", 0), ==, 0);
	CHECK_UINT(finding_at(&room, 2)->id, ==, 3);
	CHECK_UINT(room.seq, ==, mirror.seq);
	check_same_report(&room, &mirror);
	teardown();
}

static void
test_add_refused_text(void)
{
	char long_text[MODEL_NOTE_MAX + 2];

	setup();
	CHECK_REFUSED(add_finding(ann, "   ", 0), why, E(EMPTY_TEXT), 0, "", "");
	CHECK_REFUSED(add_finding(ann, NULL, 0), why, E(EMPTY_TEXT), 0, "", "");
	memset(long_text, 'x', MODEL_NOTE_MAX + 1);
	long_text[MODEL_NOTE_MAX + 1] = '\0';
	CHECK_REFUSED(add_finding(ann, long_text, 0), why, E(TEXT_TOO_LONG), 1,
	              "1000", "");
	long_text[MODEL_NOTE_MAX] = '\0';
	CHECK_INT(add_finding(ann, long_text, 0), ==, 0);
	CHECK_REFUSED(add_finding(ann, "twee\nregels", 0), why,
	              E(INVALID_TEXT), 0, "", "");
	CHECK_UINT(room.findings.n, ==, 1);
	check_same_report(&room, &mirror);
	teardown();
}

static void
test_add_from_note(void)
{
	uint32_t note;

	setup();
	note = add_note_by(bob, 2, "Leerlingen willen naar Duitsland", false);
	/* The note's text is taken, whatever else the command says. */
	CHECK_INT(add_finding(ann, "iets anders", note), ==, 0);
	CHECK_STR(finding_at(&room, 0)->text, "Leerlingen willen naar Duitsland");
	/* The finding is Ann's: she brings it back. */
	CHECK_UINT(finding_at(&room, 0)->author_id, ==, ann);
	CHECK_REFUSED(add_finding(ann, NULL, 99), why, E(NO_SUCH_NOTE), 1,
	              "99", "");
	CHECK_UINT(room.findings.n, ==, 1);
	check_same_report(&room, &mirror);
	teardown();
}

static void
test_limit(void)
{
	setup();
	CHECK_INT(add_finding(ann, "Een", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Twee", 0), ==, 0);
	CHECK_INT(add_finding(chair, "Drie", 0), ==, 0);
	CHECK_REFUSED(add_finding(ann, "Vier", 0), why, E(TOO_MANY), 2,
	              "findings", "3");
	/* Also from a note: the limit comes before the text. */
	CHECK_REFUSED(add_finding(ann, NULL, add_note_by(ann, 1, "Vijf", false)),
	              why, E(TOO_MANY), 2, "findings", "3");
	CHECK_UINT(room.findings.n, ==, MODEL_FINDINGS_MAX);
	/* Room again after one goes; ids are never used twice. */
	CHECK_INT(delete_finding(bob, 2), ==, 0);
	CHECK_INT(add_finding(ann, "Vier", 0), ==, 0);
	CHECK_UINT(finding_at(&room, 2)->id, ==, 4);
	check_same_report(&room, &mirror);
	teardown();
}

/* -------------------------------------------------------------- deleting */

static void
test_delete(void)
{
	setup();
	CHECK_INT(add_finding(ann, "Van Ann", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Van Bob", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Nog een van Bob", 0), ==, 0);
	/* Someone else's: not Bob's to take away. */
	CHECK_REFUSED(delete_finding(bob, 1), why, E(NOT_AUTHOR), 0, "", "");
	CHECK_REFUSED(delete_finding(ann, 7), why, E(NO_SUCH_FINDING), 1, "7",
	              "");
	/* The author may. */
	CHECK_INT(delete_finding(ann, 1), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_FINDING_DELETED);
	CHECK(ev.event.finding_deleted != NULL);
	CHECK_UINT(ev.event.finding_deleted->id, ==, 1);
	CHECK_UINT(room.findings.n, ==, 2);
	/* And the chair may take anyone's. */
	CHECK_INT(delete_finding(chair, 2), ==, 0);
	CHECK_UINT(room.findings.n, ==, 1);
	CHECK_UINT(finding_at(&room, 0)->id, ==, 3);
	/* Gone is gone. */
	CHECK_REFUSED(delete_finding(chair, 2), why, E(NO_SUCH_FINDING), 1, "2",
	              "");
	check_same_report(&room, &mirror);
	teardown();
}

static void
test_not_allowed(void)
{
	setup();
	CHECK(model_allowed(ROLE_P, MODEL_OP_FINDING));
	CHECK(model_allowed(ROLE_C, MODEL_OP_FINDING));
	CHECK(model_allowed(ROLE_S, MODEL_OP_FINDING));
	CHECK(!model_allowed(ROLE_V, MODEL_OP_FINDING));
	CHECK(!model_allowed(ROLE_F, MODEL_OP_FINDING));
	/* A viewer has no seat (participant id 0): refused like any
	 * command from them. */
	CHECK_REFUSED(add_finding(0, "Van de beamer", 0), why, E(NOT_ALLOWED),
	              1, "chair", "");
	CHECK_INT(add_finding(ann, "Van Ann", 0), ==, 0);
	CHECK_REFUSED(delete_finding(0, 1), why, E(NOT_ALLOWED), 1, "chair", "");
	CHECK_UINT(room.findings.n, ==, 1);
	teardown();
}

static void
test_allowed_when_finished(void)
{
	setup();
	CHECK_INT(add_finding(ann, "Voor het einde", 0), ==, 0);
	finish_session();
	/* Notes are over, but the report back may come later. */
	CHECK_REFUSED(note_cmd(ann, "Te laat"), why, E(FINISHED), 0, "", "");
	CHECK_INT(add_finding(bob, "Na het einde", 0), ==, 0);
	CHECK_INT(delete_finding(ann, 1), ==, 0);
	CHECK_UINT(room.findings.n, ==, 1);
	CHECK_STR(finding_at(&room, 0)->text, "Na het einde");
	check_same_report(&room, &mirror);
	teardown();
}

/* ---------------------------------------------------------- announcement */

static void
test_announce(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	uint64_t seq;

	setup();
	CHECK_STR(room.announcement, "");
	CHECK_INT(announce("  Om 15:00 terug in de aula  "), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_ANNOUNCED);
	CHECK_UINT(ev.event.actor_id, ==, 0);
	CHECK_STR(ev.event.announced->text, "Om 15:00 terug in de aula");
	CHECK_STR(room.announcement, "Om 15:00 terug in de aula");
	CHECK_STR(mirror.announcement, room.announcement);
	/* A new one replaces it. */
	CHECK_INT(announce("Nog 10 minuten"), ==, 0);
	CHECK_STR(room.announcement, "Nog 10 minuten");
	/* Refused texts change nothing. */
	seq = room.seq;
	memset(long_text, 'x', MODEL_NOTE_MAX + 1);
	long_text[MODEL_NOTE_MAX + 1] = '\0';
	CHECK_REFUSED(announce(long_text), why, E(TEXT_TOO_LONG), 1, "1000", "");
	CHECK_REFUSED(announce("a\tb"), why, E(INVALID_TEXT), 0, "", "");
	CHECK_UINT(room.seq, ==, seq);
	CHECK_STR(room.announcement, "Nog 10 minuten");
	/* Empty clears it, also in a finished session. */
	finish_session();
	CHECK_INT(announce("   "), ==, 0);
	CHECK_STR(room.announcement, "");
	CHECK_INT(announce("Tot ziens"), ==, 0);
	CHECK_INT(announce(NULL), ==, 0);
	CHECK_STR(room.announcement, "");
	check_same_report(&room, &mirror);
	model_event_release(&ev);
	teardown();
}

/* -------------------------------------------------------------- workshop */

static void
test_set_workshop(void)
{
	char long_title[MODEL_TITLE_MAX + 2];

	setup();
	CHECK_STR(room.workshop_code, "");
	CHECK_STR(room.workshop_title, "");
	CHECK_INT(model_set_workshop(&room, "w3rk 5hqp", "  Studiedag mbo  "), ==,
	          0);
	CHECK_STR(room.workshop_code, "W3RK-5HQP");
	CHECK_STR(room.workshop_title, "Studiedag mbo");
	/* What cannot be leaves the room as it was. */
	CHECK_INT(model_set_workshop(&room, "geen-code", "X"), ==, -EINVAL);
	memset(long_title, 't', sizeof long_title - 1);
	long_title[sizeof long_title - 1] = '\0';
	CHECK_INT(model_set_workshop(&room, "K7QM-2XPD", long_title), ==,
	          -EINVAL);
	CHECK_INT(model_set_workshop(&room, "K7QM-2XPD", "a\nb"), ==, -EINVAL);
	CHECK_STR(room.workshop_code, "W3RK-5HQP");
	CHECK_STR(room.workshop_title, "Studiedag mbo");
	/* A workshop without a title is still a workshop. */
	CHECK_INT(model_set_workshop(&room, "K7QM-2XPD", NULL), ==, 0);
	CHECK_STR(room.workshop_code, "K7QM-2XPD");
	CHECK_STR(room.workshop_title, "");
	/* No code: the room stands alone again. */
	CHECK_INT(model_set_workshop(&room, "", "Genegeerd"), ==, 0);
	CHECK_STR(room.workshop_code, "");
	CHECK_STR(room.workshop_title, "");
	/* Not an event: nothing to send. */
	CHECK_UINT(room.seq, ==, mirror.seq);
	teardown();
}

/* ---------------------------------------------------------------- mirror */

/* The next event for the mirror with the given change. */
static Aandeslag__Event
mirror_event(int change_case, uint32_t actor)
{
	Aandeslag__Event e;

	next_event(&e);
	e.actor_id = actor;
	e.change_case = (Aandeslag__Event__ChangeCase)change_case;
	return e;
}

static int
apply_added(uint32_t id, const char *text)
{
	Aandeslag__Event e = mirror_event(
		AANDESLAG__EVENT__CHANGE_FINDING_ADDED, ann);
	Aandeslag__Finding f;

	aandeslag__finding__init(&f);
	f.id = id;
	f.text = (char *)text;
	f.author_id = ann;
	e.finding_added = &f;
	return model_apply(&mirror, &e, now);
}

static int
apply_deleted(uint32_t id)
{
	Aandeslag__Event e = mirror_event(
		AANDESLAG__EVENT__CHANGE_FINDING_DELETED, chair);
	Aandeslag__ItemDeleted d;

	aandeslag__item_deleted__init(&d);
	d.id = id;
	e.finding_deleted = &d;
	return model_apply(&mirror, &e, now);
}

static int
apply_announced(uint32_t actor, const char *text)
{
	Aandeslag__Event e = mirror_event(AANDESLAG__EVENT__CHANGE_ANNOUNCED,
	                                  actor);
	Aandeslag__Announce a;

	aandeslag__announce__init(&a);
	a.text = (char *)text;
	e.announced = &a;
	return model_apply(&mirror, &e, now);
}

static void
test_mirror_refuses_nonsense(void)
{
	Aandeslag__Event e;
	uint64_t seq;

	setup();
	CHECK_INT(add_finding(ann, "Een", 0), ==, 0);
	CHECK_INT(announce("Welkom"), ==, 0);
	seq = mirror.seq;
	CHECK_INT(apply_added(0, "Geen id"), ==, -EPROTO);
	CHECK_INT(apply_added(1, "Id al gebruikt"), ==, -EPROTO);
	CHECK_INT(apply_added(UINT32_MAX, "Het laatste id"), ==, -EPROTO);
	CHECK_INT(apply_added(5, ""), ==, -EPROTO);
	CHECK_INT(apply_added(5, "twee\nregels"), ==, -EPROTO);
	CHECK_INT(apply_deleted(9), ==, -EPROTO);
	e = mirror_event(AANDESLAG__EVENT__CHANGE_FINDING_DELETED, ann);
	e.finding_deleted = NULL;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e = mirror_event(AANDESLAG__EVENT__CHANGE_FINDING_ADDED, ann);
	e.finding_added = NULL;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	/* Only the server announces. */
	CHECK_INT(apply_announced(ann, "Van Ann"), ==, -EPROTO);
	CHECK_INT(apply_announced(0, "tab\there"), ==, -EPROTO);
	e = mirror_event(AANDESLAG__EVENT__CHANGE_ANNOUNCED, 0);
	e.announced = NULL;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	/* None of it changed the mirror. */
	CHECK_UINT(mirror.seq, ==, seq);
	check_same_report(&room, &mirror);
	/* A fourth finding cannot be, even from the server. */
	CHECK_INT(apply_added(5, "Twee"), ==, 0);
	CHECK_INT(apply_added(6, "Drie"), ==, 0);
	CHECK_INT(apply_added(7, "Vier"), ==, -EPROTO);
	CHECK_UINT(mirror.findings.n, ==, 3);
	teardown();
}

static void
test_mirror_applies_each(void)
{
	uint32_t note;

	setup();
	note = add_note_by(ann, 5, "Een studiereis", false);
	CHECK_INT(add_finding(ann, NULL, note), ==, 0);
	CHECK_INT(add_finding(bob, "Taaldocenten betrekken", 0), ==, 0);
	CHECK_INT(announce("Iedereen om 15:00 in de aula"), ==, 0);
	CHECK_INT(delete_finding(chair, 1), ==, 0);
	CHECK_INT(add_finding(chair, "Begroting vragen", 0), ==, 0);
	CHECK_INT(announce(""), ==, 0);
	CHECK_UINT(mirror.seq, ==, room.seq);
	CHECK_UINT(mirror.next_finding_id, ==, room.next_finding_id);
	check_same_report(&room, &mirror);
	teardown();
}

/* -------------------------------------------------------------- snapshot */

/* Builds a snapshot of room, sends it through the wire format and loads
 * it into out. */
static int
round_trip(struct model_room *out)
{
	Aandeslag__Snapshot *back;
	struct snapshot snap;
	uint8_t *buf;
	size_t len;
	int rc;

	CHECK_INT(snapshot_build(&snap, &room, now, SNAPSHOT_ALL), ==, 0);
	len = aandeslag__snapshot__get_packed_size(&snap.msg);
	buf = malloc(len ? len : 1);
	CHECK(buf != NULL);
	aandeslag__snapshot__pack(&snap.msg, buf);
	snapshot_release(&snap);
	back = aandeslag__snapshot__unpack(NULL, len, buf);
	free(buf);
	CHECK(back != NULL);
	rc = snapshot_load(out, &content, back, now);
	aandeslag__snapshot__free_unpacked(back, NULL);
	return rc;
}

static void
test_snapshot_round_trip(void)
{
	struct model_room loaded;
	struct snapshot snap;

	setup();
	/* Standing alone, without findings: no workshop on the wire. */
	CHECK_INT(snapshot_build(&snap, &room, now, 0), ==, 0);
	CHECK(snap.msg.workshop == NULL);
	CHECK_UINT(snap.msg.n_findings, ==, 0);
	CHECK_STR(snap.msg.announcement, "");
	snapshot_release(&snap);
	CHECK_INT(round_trip(&loaded), ==, 0);
	check_same_report(&room, &loaded);
	model_free(&loaded);

	CHECK_INT(add_finding(ann, "Een", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Twee", 0), ==, 0);
	CHECK_INT(add_finding(chair, "Drie", 0), ==, 0);
	CHECK_INT(delete_finding(ann, 1), ==, 0);
	CHECK_INT(announce("Pauze tot 14:30"), ==, 0);
	CHECK_INT(model_set_workshop(&room, "W3RK-5HQP", "Studiedag"), ==, 0);
	CHECK_INT(round_trip(&loaded), ==, 0);
	check_same_report(&room, &loaded);
	CHECK_UINT(loaded.seq, ==, room.seq);
	CHECK_UINT(loaded.next_finding_id, ==, 4);
	/* The loaded room goes on where the room is. */
	CHECK_UINT(loaded.findings.n, ==, 2);
	model_free(&loaded);

	/* A snapshot with a fourth finding, or a workshop code that cannot
	 * be, is refused whole. */
	CHECK_INT(snapshot_build(&snap, &room, now, SNAPSHOT_ALL), ==, 0);
	snap.workshop.code = (char *)"geen code";
	CHECK_INT(snapshot_load(&loaded, &content, &snap.msg, now), ==, -EPROTO);
	snapshot_release(&snap);
	CHECK_INT(add_finding(ann, "Vier", 0), ==, 0);
	CHECK_INT(snapshot_build(&snap, &room, now, SNAPSHOT_ALL), ==, 0);
	{
		Aandeslag__Finding extra, *list[4];

		aandeslag__finding__init(&extra);
		extra.id = 9;
		extra.text = (char *)"Vijf";
		memcpy(list, snap.msg.findings, 3 * sizeof list[0]);
		list[3] = &extra;
		snap.msg.findings = list;
		snap.msg.n_findings = 4;
		CHECK_INT(snapshot_load(&loaded, &content, &snap.msg, now), ==,
		          -EPROTO);
		snap.msg.n_findings = 3;
		snap.msg.announcement = (char *)"twee\nregels";
		CHECK_INT(snapshot_load(&loaded, &content, &snap.msg, now), ==,
		          -EPROTO);
		snap.msg.findings = (Aandeslag__Finding **)snap.findings;
	}
	snapshot_release(&snap);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_add),
           CHECK_TEST(test_add_refused_text),
           CHECK_TEST(test_add_from_note),
           CHECK_TEST(test_limit),
           CHECK_TEST(test_delete),
           CHECK_TEST(test_not_allowed),
           CHECK_TEST(test_allowed_when_finished),
           CHECK_TEST(test_announce),
           CHECK_TEST(test_set_workshop),
           CHECK_TEST(test_mirror_refuses_nonsense),
           CHECK_TEST(test_mirror_applies_each),
           CHECK_TEST(test_snapshot_round_trip))
