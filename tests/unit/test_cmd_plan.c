/* Tests for cmd_plan.c: activity and action commands, edits merged. */
#include "cmd_fixture.h"

static const Aandeslag__Activity *
activity(const struct fixture *f, uint32_t id)
{
	const void *a = items_find(&f->room.activities, id);

	CHECK(a != NULL);
	return a;
}

static const Aandeslag__Action *
action(const struct fixture *f, uint32_t id)
{
	const void *a = items_find(&f->room.actions, id);

	CHECK(a != NULL);
	return a;
}

/* -------------------------------------------------------- activities */

static void
test_activity_add(void)
{
	static const char *const lines[] = {
		"activity", "activity foo", "activity add", "activity add --done",
		"activity add --from", "activity add --from nope",
		"activity add --for nope x", "activity add --for", "activity add --bogus x",
		"activity add --from stage --done", "activity add --for open-houding",
		"activity add --for open,vreemde,flex,zelf,reflect,grenzen,omgaan,"
		"intercultureel-c,internationaal,kennis,orientatie-s,orientatie-b,"
		"orientatie-a,open-houding,vreemde-taal,flexibiliteit,zelfvertrouwen x",
	};
	const Aandeslag__ContentActivity *cat;
	struct fixture f;
	struct parsed p;
	const Aandeslag__Activity *a;

	setup(&f, 'b');
	cat = content_activity(&f.content, "gastles");
	parse_remote(&p, "activity add --from gastles", OP(ADD_ACTIVITY));
	a = p.cmd.add_activity.activity;
	CHECK(p.cmd.command.add_activity == &p.cmd.add_activity);
	CHECK(a == &p.cmd.activity);
	CHECK(a->catalogue_id == cat->id);
	CHECK_STR(a->text, "");
	CHECK(!a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_UNSET);
	CHECK_UINT(a->n_competence_ids, ==, 0);
	parse_remote(&p, "activity add --from virtuele --done --abroad "
	             "--for \"open, vreemde-taal\" Online met Gent",
	             OP(ADD_ACTIVITY));
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK(a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_ABROAD);
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_STR(a->competence_ids[0], "open-houding");
	CHECK_STR(a->competence_ids[1], "vreemde-taal");
	CHECK_STR(a->text, "Online met Gent");
	parse_remote(&p, "activity add --home --for flexibiliteit,zelfvertrouwen "
	             "Eigen project", OP(ADD_ACTIVITY));
	CHECK_STR(a->catalogue_id, "");
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	CHECK_STR(a->text, "Eigen project");
	parse_refused(&p, "activity add --from nope");
	CHECK_CONTAINS(p.error, "catalogue");
	parse_refused(&p, "activity add --from stage");
	CHECK_CONTAINS(p.error, "stage");
	REFUSE_ALL(lines);
	run(&f, f.bram, "activity add --from gastles");
	run(&f, f.bram, "activity add --from virtuele --done --for open,vreemde-taal "
	    "Online met Gent");
	a = activity(&f, 2);
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	teardown(&f);
}

static void
test_activity_edit(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Activity *a;

	setup(&f, 'b');
	run(&f, f.bram, "activity add --from virtuele --for open,vreemde-taal "
	    "Online met Gent");
	/* Only what is named changes: the command carries the rest. */
	parse_remote(&p, "activity edit a1 --done", OP(EDIT_ACTIVITY));
	CHECK(p.cmd.command.edit_activity == &p.cmd.edit_activity);
	a = p.cmd.edit_activity.activity;
	CHECK(p.cmd.mirrored);
	CHECK_UINT(a->id, ==, 1);
	CHECK(a->done);
	CHECK_STR(a->text, "Online met Gent");
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_STR(a->competence_ids[1], "vreemde-taal");
	run(&f, f.bram, "activity edit a1 --done");
	a = activity(&f, 1);
	CHECK(a->done);
	CHECK_STR(a->text, "Online met Gent");
	CHECK_UINT(a->n_competence_ids, ==, 2);
	run(&f, f.bram, "activity edit 1 --abroad Met Gent en Aken");
	a = activity(&f, 1);
	CHECK(a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_ABROAD);
	CHECK_STR(a->text, "Met Gent en Aken");
	run(&f, f.bram, "activity edit a1 --new --for flexibiliteit");
	a = activity(&f, 1);
	CHECK(!a->done);
	CHECK_UINT(a->n_competence_ids, ==, 1);
	CHECK_STR(a->competence_ids[0], "flexibiliteit");
	CHECK_STR(a->text, "Met Gent en Aken");
	run(&f, f.bram, "activity edit a1 --for none");
	CHECK_UINT(activity(&f, 1)->n_competence_ids, ==, 0);
	parse_refused(&p, "activity edit a2 --done");
	CHECK_CONTAINS(p.error, "a2");
	parse_refused(&p, "activity edit a1 --from gastles");
	parse_refused(&p, "activity edit --done");
	parse_refused(&p, "activity edit x");
	parse_remote(&p, "activity delete a1", OP(DELETE_ACTIVITY));
	CHECK(p.cmd.command.delete_activity == &p.cmd.delete_activity);
	CHECK_UINT(p.cmd.delete_activity.activity_id, ==, 1);
	parse_refused(&p, "activity delete");
	parse_refused(&p, "activity delete a1 nu");
	run(&f, f.bram, "activity delete 1");
	CHECK_UINT(f.room.activities.n, ==, 0);
	teardown(&f);
	/* A merge needs the mirror. */
	parse_refused(&p, "activity edit a1 --done");
	parse_remote(&p, "activity delete a3", OP(DELETE_ACTIVITY));
}

/* ----------------------------------------------------------- actions */

static void
test_action_add(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Action *a;

	setup(&f, 'a');
	run(&f, f.anna, "activity add --from gastles");
	parse_remote(&p, "action add --activity a1 --owner me --owner bram "
	             "--owner \"de teamleider\" --team --needs financien,tijd "
	             "--needs-text \"budget voor licenties\" --years 1,2 "
	             "--when 2027-03 --status bezig Lesmateriaal zoeken",
	             OP(ADD_ACTION));
	CHECK(p.cmd.command.add_action == &p.cmd.add_action);
	a = p.cmd.add_action.action;
	CHECK(a == &p.cmd.action);
	CHECK_STR(a->text, "Lesmateriaal zoeken");
	CHECK_UINT(a->activity_id, ==, 1);
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_INT(a->owners[0]->kind, ==, OWNER(PARTICIPANT));
	CHECK_UINT(a->owners[0]->participant_id, ==, f.anna);
	CHECK_STR(a->owners[0]->name, "Anna");
	CHECK_INT(a->owners[1]->kind, ==, OWNER(PARTICIPANT));
	CHECK_UINT(a->owners[1]->participant_id, ==, f.bram);
	CHECK_INT(a->owners[2]->kind, ==, OWNER(NAMED));
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_INT(a->owners[3]->kind, ==, OWNER(TEAM));
	CHECK_STR(a->owners[3]->name, "");
	CHECK_UINT(a->needs, ==, MODEL_NEED_FINANCES | MODEL_NEED_TIME);
	CHECK_STR(a->needs_text, "budget voor licenties");
	CHECK_UINT(a->study_years, ==, (1u << 1) | (1u << 2));
	CHECK(a->when == &p.cmd.when);
	CHECK_INT(a->when->kind, ==, WHEN(MONTH));
	CHECK_STR(a->when->value, "2027-03");
	CHECK_INT(a->status, ==, STATUS(BUSY));
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "action add --when 2027-03-15 x", OP(ADD_ACTION));
	CHECK_INT(a->when->kind, ==, WHEN(DATE));
	CHECK_STR(a->when->value, "2027-03-15");
	parse_remote(&p, "action add --when \"periode 2\" --status done x",
	             OP(ADD_ACTION));
	CHECK_INT(a->when->kind, ==, WHEN(PERIOD));
	CHECK_STR(a->when->value, "periode 2");
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_UINT(a->n_owners, ==, 0);
	CHECK_UINT(a->activity_id, ==, 0);
	CHECK(a->when != NULL);
	parse_remote(&p, "action add --needs \"financi\xc3\xabn, kennis "
	             "hulpmiddelen,partners\" --years 4 --status klaar x",
	             OP(ADD_ACTION));
	CHECK_UINT(a->needs, ==, MODEL_NEEDS_ALL & ~MODEL_NEED_TIME);
	CHECK_UINT(a->study_years, ==, 1u << 4);
	parse_remote(&p, "action add --status open Plan", OP(ADD_ACTION));
	CHECK_INT(a->status, ==, STATUS(OPEN));
	CHECK(a->when == NULL);
	run(&f, f.anna, "action add --activity a1 --owner me --owner bram "
	    "--owner \"de teamleider\" --team --needs financien,tijd "
	    "--needs-text \"budget voor licenties\" --years 1,2 "
	    "--when 2027-03 --status bezig Lesmateriaal zoeken");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_STR(a->when->value, "2027-03");
	run(&f, f.bram, "action add --owner me --when \"periode 2\" Partnerschool zoeken");
	CHECK_UINT(action(&f, 2)->owners[0]->participant_id, ==, f.bram);
	teardown(&f);
}

static void
test_action_add_refused(void)
{
	static const char *const lines[] = {
		"action", "action foo", "action add", "action add --owner me",
		"action add --owner", "action add --activity", "action add --activity x y",
		"action add --activity a2 y", "action add --needs geld x",
		"action add --needs", "action add --years 5 x",
		"action add --years 0 x", "action add --years x x",
		"action add --when 2027-02-30 x", "action add --when 2027-13 x",
		"action add --when 1999-01 x", "action add --status later x",
		"action add --no-owner --owner me x", "action add --owner me --no-owner x",
		"action add --team --no-owner x", "action add --bogus x",
		("action add --owner a --owner b --owner c --owner d --owner e "
		 "--owner f --owner g --owner h --owner i x"),
	};
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	REFUSE_ALL(lines);
	parse_refused(&p, "action add --activity a2 y");
	CHECK_CONTAINS(p.error, "a2");
	parse_refused(&p, "action add --needs geld x");
	CHECK_CONTAINS(p.error, "geld");
	parse_refused(&p, "action add --when 2027-02-30 x");
	CHECK_CONTAINS(p.error, "2027-02-30");
	teardown(&f);
	/* A viewer owns nothing. */
	parse_refused(&p, "action add --owner me x");
	/* Without a room, a name is someone not seated. */
	parse_remote(&p, "action add --owner Bram --activity a2 x", OP(ADD_ACTION));
	CHECK_INT(p.cmd.action.owners[0]->kind, ==, OWNER(NAMED));
	CHECK_UINT(p.cmd.action.activity_id, ==, 2);
}

static void
test_action_edit(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Action *a;

	setup(&f, 'a');
	run(&f, f.anna, "activity add --from gastles");
	run(&f, f.anna, "action add --activity a1 --owner me --owner bram "
	    "--owner \"de teamleider\" --team --needs financien,tijd "
	    "--needs-text \"budget voor licenties\" --years 1,2 "
	    "--when 2027-03 --status bezig Lesmateriaal zoeken");
	parse_remote(&p, "action edit p1 --status klaar", OP(EDIT_ACTION));
	CHECK(p.cmd.command.edit_action == &p.cmd.edit_action);
	a = p.cmd.edit_action.action;
	CHECK(p.cmd.mirrored);
	CHECK_UINT(a->id, ==, 1);
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_STR(a->text, "Lesmateriaal zoeken");
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_UINT(a->needs, ==, MODEL_NEED_FINANCES | MODEL_NEED_TIME);
	CHECK_STR(a->needs_text, "budget voor licenties");
	CHECK_UINT(a->study_years, ==, 6);
	CHECK_STR(a->when->value, "2027-03");
	CHECK_UINT(a->activity_id, ==, 1);
	run(&f, f.anna, "action edit p1 --status klaar");
	a = action(&f, 1);
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->needs_text, "budget voor licenties");
	/* Owners named replace them all. */
	run(&f, f.anna, "action edit 1 --owner \"Carla de Vries\" --owner Joke");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 2);
	CHECK_UINT(a->owners[0]->participant_id, ==, f.carla);
	CHECK_STR(a->owners[1]->name, "Joke");
	CHECK_INT(a->status, ==, STATUS(DONE));
	run(&f, f.anna, "action edit p1 --no-owner --when none --activity none "
	    "--needs none --needs-text \"\" --years none Nieuwe tekst");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 0);
	CHECK(a->when == NULL || a->when->kind == WHEN(NONE));
	CHECK_UINT(a->activity_id, ==, 0);
	CHECK_UINT(a->needs, ==, 0);
	CHECK_STR(a->needs_text, "");
	CHECK_UINT(a->study_years, ==, 0);
	CHECK_STR(a->text, "Nieuwe tekst");
	run(&f, f.anna, "action edit p1 --team --when 2027-09-01");
	a = action(&f, 1);
	CHECK_INT(a->owners[0]->kind, ==, OWNER(TEAM));
	CHECK_INT(a->when->kind, ==, WHEN(DATE));
	CHECK_STR(a->text, "Nieuwe tekst");
	parse_refused(&p, "action edit p2 --team");
	CHECK_CONTAINS(p.error, "p2");
	parse_refused(&p, "action edit --team");
	parse_remote(&p, "action delete p1", OP(DELETE_ACTION));
	CHECK(p.cmd.command.delete_action == &p.cmd.delete_action);
	CHECK_UINT(p.cmd.delete_action.action_id, ==, 1);
	parse_refused(&p, "action delete");
	parse_refused(&p, "action delete p1 p2");
	run(&f, f.anna, "action delete 1");
	CHECK_UINT(f.room.actions.n, ==, 0);
	teardown(&f);
	parse_refused(&p, "action edit p1 --team");
}

static void
test_claim_status(void)
{
	static const char *const lines[] = {
		"claim", "claim x", "claim p1 nu", "release", "status",
		"status p1", "status p1 later", "status x open",
		"status p1 open nu",
	};
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	run(&f, f.bram, "action add Partnerschool zoeken");
	parse_remote(&p, "claim p1", OP(CLAIM));
	CHECK(p.cmd.command.claim == &p.cmd.claim);
	CHECK_UINT(p.cmd.claim.action_id, ==, 1);
	CHECK(!p.cmd.claim.release);
	parse_remote(&p, "release 1", OP(CLAIM));
	CHECK(p.cmd.claim.release);
	parse_remote(&p, "status p1 bezig", OP(ACTION_STATUS));
	CHECK(p.cmd.command.action_status == &p.cmd.action_status);
	CHECK_UINT(p.cmd.action_status.action_id, ==, 1);
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(BUSY));
	parse_remote(&p, "status 1 busy", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(BUSY));
	parse_remote(&p, "status 1 done", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(DONE));
	parse_remote(&p, "status P1 Open", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(OPEN));
	REFUSE_ALL(lines);
	run(&f, f.bram, "claim p1");
	CHECK_UINT(action(&f, 1)->n_owners, ==, 1);
	run(&f, f.bram, "status p1 klaar");
	CHECK_INT(action(&f, 1)->status, ==, STATUS(DONE));
	run(&f, f.bram, "release p1");
	CHECK_UINT(action(&f, 1)->n_owners, ==, 0);
	teardown(&f);
}

/* bevinding TEXT, bevinding nN, bevinding weg N; finding for short. */
static void
test_finding(void)
{
	static const char *const lines[] = {
		"bevinding", "bevinding   ", "bevinding --note 3 x",
		"bevinding weg", "bevinding weg x", "bevinding weg t",
		"bevinding weg t9", "bevinding n9", "finding delete",
		"bevinding weg \"t1",
	};
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	run(&f, f.anna, "note --step 5 Een studiereis naar Gent");
	parse_remote(&p, "bevinding Stage past bij niveau 4", OP(ADD_FINDING));
	CHECK(p.cmd.command.add_finding == &p.cmd.add_finding);
	CHECK_STR(p.cmd.add_finding.text, "Stage past bij niveau 4");
	CHECK_UINT(p.cmd.add_finding.note_id, ==, 0);
	CHECK(!p.cmd.mirrored);
	/* A text may start with the words the command knows. */
	parse_remote(&p, "bevinding weg met de papieren poster", OP(ADD_FINDING));
	CHECK_STR(p.cmd.add_finding.text, "weg met de papieren poster");
	parse_remote(&p, "bevinding n1 is de beste", OP(ADD_FINDING));
	CHECK_STR(p.cmd.add_finding.text, "n1 is de beste");
	parse_remote(&p, "bevinding -- weg t1", OP(ADD_FINDING));
	CHECK_STR(p.cmd.add_finding.text, "weg t1");
	parse_remote(&p, "bevinding -- n1", OP(ADD_FINDING));
	CHECK_STR(p.cmd.add_finding.text, "n1");
	CHECK_UINT(p.cmd.add_finding.note_id, ==, 0);
	/* A note, by the id the poster shows. */
	parse_remote(&p, "bevinding n1", OP(ADD_FINDING));
	CHECK_UINT(p.cmd.add_finding.note_id, ==, 1);
	CHECK_STR(p.cmd.add_finding.text, "");
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "FINDING N1", OP(ADD_FINDING));
	CHECK_UINT(p.cmd.add_finding.note_id, ==, 1);
	parse_refused(&p, "bevinding n2");
	CHECK_CONTAINS(p.error, "n2");
	REFUSE_ALL(lines);
	run(&f, f.bram, "bevinding n1");
	run(&f, f.bram, "bevinding Taal eerst");
	CHECK_UINT(f.room.findings.n, ==, 2);
	CHECK_STR(((const Aandeslag__Finding *)f.room.findings.v[0].msg)->text,
	          "Een studiereis naar Gent");
	parse_remote(&p, "bevinding weg t2", OP(DELETE_FINDING));
	CHECK(p.cmd.command.delete_finding == &p.cmd.delete_finding);
	CHECK_UINT(p.cmd.delete_finding.finding_id, ==, 2);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "finding delete 1", OP(DELETE_FINDING));
	CHECK_UINT(p.cmd.delete_finding.finding_id, ==, 1);
	parse_remote(&p, "bevinding WEG T1", OP(DELETE_FINDING));
	parse_refused(&p, "bevinding weg t3");
	CHECK_CONTAINS(p.error, "t3");
	run(&f, f.bram, "bevinding weg 2");
	CHECK_UINT(f.room.findings.n, ==, 1);
	teardown(&f);
	/* Without a room only the syntax counts. */
	parse_remote(&p, "bevinding n7", OP(ADD_FINDING));
	CHECK_UINT(p.cmd.add_finding.note_id, ==, 7);
	CHECK(!p.cmd.mirrored);
	parse_remote(&p, "bevinding weg t7", OP(DELETE_FINDING));
	CHECK_UINT(p.cmd.delete_finding.finding_id, ==, 7);
}

CHECK_MAIN(CHECK_TEST(test_activity_add),
           CHECK_TEST(test_activity_edit),
           CHECK_TEST(test_action_add),
           CHECK_TEST(test_action_add_refused),
           CHECK_TEST(test_action_edit),
           CHECK_TEST(test_claim_status),
           CHECK_TEST(test_finding))
