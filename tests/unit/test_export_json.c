/* Tests for export_json.c: the whole room as JSON. Every output is run
 * through a small strict JSON parser (RFC 8259 grammar, json_check.h)
 * first. */
#include "findings_fixture.h"

#include <stdlib.h>

#include "export_json.h"
#include "json_check.h"
#include "strbuf.h"

static void
test_validator(void)
{
	CHECK(json_value("{\"a\":[1,-2,true,null,\"x\\u00e9\\n\"]}", 0) != NULL);
	CHECK(json_value("{\"a\":\"\t\"}", 0) == NULL);
	CHECK(json_value("{\"a\":\"\\x\"}", 0) == NULL);
	CHECK(json_value("{\"a\":[1,]}", 0) == NULL);
	CHECK(json_value("{\"a\" 1}", 0) == NULL);
	CHECK(json_value("{\"a\":[1}", 0) == NULL);
}

/* ------------------------------------------------------------------ */

static void
render(struct strbuf *out)
{
	strbuf_free(out);
	export_json(&room, now + 1000, out);
	CHECK(!out->failed);
	check_json(strbuf_str(out));
}

static void
test_empty_room(void)
{
	static const char prefix[] =
		"{\"format\":\"aandeslag-room\",\"version\":1,"
		"\"code\":\"" PAIR_CODE "\",\"title\":\"" PAIR_TITLE "\",";
	struct strbuf out = { 0 };
	const char *s, *p;
	int steps = 0;

	setup();
	render(&out);
	s = strbuf_str(&out);
	CHECK(strncmp(s, prefix, strlen(prefix)) == 0);
	CHECK_CONTAINS(s, "\"levels\":[],\"vote_budget\":3,");
	CHECK_CONTAINS(s, "\"follow_up\":null");
	CHECK_CONTAINS(s, "\"current_step\":1,");
	/* Step 1's clock: idle at its planned 20 minutes. */
	CHECK_CONTAINS(s, "{\"step\":1,\"name\":\"");
	CHECK_CONTAINS(s, "\"clock\":{\"state\":\"idle\",\"remaining_ms\":"
	                  "1200000,\"duration_ms\":1200000,");
	for (p = s; (p = strstr(p, "\"clock\":")) != NULL; p++)
		steps++;
	CHECK_INT(steps, ==, STEPS_COUNT);
	CHECK_CONTAINS(s, "{\"id\":1,\"name\":\"Chris\",\"role\":\"chair\"}");
	CHECK_CONTAINS(s, "{\"id\":2,\"name\":\"Ann\",\"role\":"
	                  "\"participant\"}");
	CHECK_CONTAINS(s, "\"notes\":[],\"questions\":[],\"table\":null,"
	                  "\"marked\":[],\"votes\":[],\"activities\":[],"
	                  "\"actions\":[],\"findings\":[],"
	                  "\"announcement\":null,\"workshop\":null}");
	strbuf_free(&out);
	teardown();
}

static void
test_escaping(void)
{
	struct strbuf out = { 0 };
	struct model_note *n;
	uint32_t id;
	size_t i;

	setup();
	add_note_by(ann, 1, "Zei \"ja\" tegen C:\\temp", false);
	id = add_note_by(bob, 2, "x", false);
	/* The model refuses control characters in a note; put them in
	 * directly, the renderer must still make valid JSON of them. */
	for (i = 0, n = NULL; i < room.nnotes; i++)
		if (room.notes[i].id == id)
			n = &room.notes[i];
	CHECK(n != NULL);
	free(n->text);
	n->text = strdup("a\tb\nc\r\x01\x1f\b\f \xc3\xa9\xc3\xa9n");
	CHECK(n->text != NULL);
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out),
	               "{\"id\":1,\"step\":1,\"author\":\"Ann\",\"text\":"
	               "\"Zei \\\"ja\\\" tegen C:\\\\temp\"}");
	CHECK_CONTAINS(strbuf_str(&out),
	               "\"author\":\"Bob\",\"text\":"
	               "\"a\\tb\\nc\\r\\u0001\\u001f\\b\\f één\"}");
	strbuf_free(&out);
	teardown();
}

static void
test_actions_and_activities(void)
{
	struct strbuf out = { 0 };
	struct act_in in;
	uint32_t act;

	setup();
	act = add_activity(chair, "Gastles \"Europa\"");
	in_init(&in, "Stage in Gent met één collega");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "teamleider");
	in_owner(&in, TEAM, 0, NULL);
	in_when(&in, W_MONTH, "2027-03");
	in.a.activity_id = act;
	in.a.study_years = (1u << 2) | (1u << 4);
	in.a.needs = MODEL_NEED_KNOWLEDGE | MODEL_NEED_TIME;
	in.a.needs_text = (char *)"een \"lokaal\"";
	CHECK_INT(add_action(chair, &in), ==, 0);
	add_simple(bob, "Brochure maken");
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out),
	               "\"activities\":[{\"id\":1,\"name\":\"Gastles "
	               "\\\"Europa\\\"\",\"text\":\"Gastles \\\"Europa\\\"\","
	               "\"catalogue_id\":\"\",\"done\":false,\"place\":null,"
	               "\"competences\":[]}]");
	CHECK_CONTAINS(strbuf_str(&out),
	               "{\"id\":1,\"text\":\"Stage in Gent met één collega\","
	               "\"owners\":[\"Ann\",\"teamleider\",\"het team\"],"
	               "\"needs\":[\"kennis\",\"tijd\"],"
	               "\"needs_text\":\"een \\\"lokaal\\\"\","
	               "\"study_years\":[2,4],"
	               "\"when\":{\"kind\":\"month\",\"value\":\"2027-03\"},"
	               "\"status\":\"open\",\"activity_id\":1}");
	CHECK_CONTAINS(strbuf_str(&out),
	               "{\"id\":2,\"text\":\"Brochure maken\",\"owners\":[],"
	               "\"needs\":[],\"needs_text\":\"\",\"study_years\":[],"
	               "\"when\":null,\"status\":\"open\","
	               "\"activity_id\":null}");
	strbuf_free(&out);
	teardown();
}

static void
test_anonymous(void)
{
	struct strbuf out = { 0 };

	setup();
	add_note_by(ann, 1, "Eerlijk gezegd", false);
	room.settings.anonymous = true;
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out), "\"anonymous\":true");
	CHECK_CONTAINS(strbuf_str(&out), "\"participants\":[]");
	CHECK_CONTAINS(strbuf_str(&out),
	               "{\"id\":1,\"step\":1,\"author\":null,"
	               "\"text\":\"Eerlijk gezegd\"}");
	CHECK(strstr(strbuf_str(&out), "Ann") == NULL);
	CHECK(strstr(strbuf_str(&out), "Chris") == NULL);
	strbuf_free(&out);
	teardown();
}

static void
test_votes(void)
{
	struct strbuf out = { 0 };

	setup();
	CHECK_INT(cast_dot(ann, "talen"), ==, 0);
	CHECK_INT(cast_dot(bob, "talen"), ==, 0);
	CHECK_INT(cast_dot(bob, "open"), ==, 0);
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out),
	               "\"votes\":[{\"competence\":\"talen\",\"dots\":2,"
	               "\"by\":[{\"name\":\"Ann\",\"dots\":1},"
	               "{\"name\":\"Bob\",\"dots\":1}]},"
	               "{\"competence\":\"open\",\"dots\":1,"
	               "\"by\":[{\"name\":\"Bob\",\"dots\":1}]}]");
	/* Anonymous: the tallies without who. */
	room.settings.anonymous = true;
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out),
	               "\"votes\":[{\"competence\":\"talen\",\"dots\":2},"
	               "{\"competence\":\"open\",\"dots\":1}]");
	/* Hidden: no tallies at all. */
	room.settings.anonymous = false;
	room.settings.votes_hidden = true;
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out), "\"votes_hidden\":true");
	CHECK(strstr(strbuf_str(&out), "\"votes\"") == NULL);
	CHECK(strstr(strbuf_str(&out), "\"competence\"") == NULL);
	strbuf_free(&out);
	teardown();
}

static void
test_report_back(void)
{
	struct strbuf out = { 0 };

	setup();
	CHECK_INT(add_finding(ann, "Stage \"werkt\"", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Taal", 0), ==, 0);
	CHECK_INT(announce("Om 15:00 in de aula"), ==, 0);
	CHECK_INT(model_set_workshop(&room, "W3RK-5HQP", "Studiedag \\ mbo"),
	          ==, 0);
	leave(bob);
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out),
	               "\"findings\":[{\"id\":1,\"text\":\"Stage "
	               "\\\"werkt\\\"\",\"author\":\"Ann\"},"
	               "{\"id\":2,\"text\":\"Taal\",\"author\":null}],"
	               "\"announcement\":\"Om 15:00 in de aula\","
	               "\"workshop\":{\"code\":\"W3RK-5HQP\","
	               "\"title\":\"Studiedag \\\\ mbo\"}}");
	/* Anonymous: the findings without who. */
	room.settings.anonymous = true;
	render(&out);
	CHECK_CONTAINS(strbuf_str(&out), "\"text\":\"Taal\",\"author\":null}");
	CHECK(strstr(strbuf_str(&out), "Ann") == NULL);
	strbuf_free(&out);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_validator),
           CHECK_TEST(test_empty_room),
           CHECK_TEST(test_escaping),
           CHECK_TEST(test_actions_and_activities),
           CHECK_TEST(test_anonymous),
           CHECK_TEST(test_votes),
           CHECK_TEST(test_report_back))
