/* Shared fixture for the tests of the command parser (cmd.c, cmd_plan.c,
 * scan.c): lines parsed against a room with the real content, and run in
 * that room after a trip over the wire, as the server would. */
#ifndef AANDESLAG_CMD_FIXTURE_H
#define AANDESLAG_CMD_FIXTURE_H

#include "check.h"

#include "cmd.h"
#include "content.h"
#include "model.h"

#include <errno.h>

#define CODE "K7QM-2XPD"
#define TITLE "Internationalisering in de zorg"
#define T0 INT64_C(1000000)

#define OP(name) AANDESLAG__COMMAND__OP_##name
#define OWNER(name) AANDESLAG__OWNER_KIND__OWNER_##name
#define WHEN(name) AANDESLAG__WHEN_KIND__WHEN_##name
#define KEY(name) AANDESLAG__SETTING_KEY__SETTING_##name
#define STATUS(name) AANDESLAG__ACTION_STATUS__ACTION_##name

/* A parse of one line, with the line kept alive for the text fields. */
struct parsed {
	char line[2048];
	struct cmd cmd;
	char error[CMD_ERROR_SIZE];
	int rc;
};

/* A room with the real content: Anna (chair), Bram and Carla de Vries. */
struct fixture {
	struct content content;
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bram, carla;
};

static const struct model_room *the_room;
static uint32_t the_self;

static inline void
parse(struct parsed *p, const char *text)
{
	CHECK_UINT(strlen(text), <, sizeof p->line);
	snprintf(p->line, sizeof p->line, "%s", text);
	memset(&p->cmd, 0x5a, sizeof p->cmd);
	memset(p->error, 'Z', sizeof p->error);
	p->rc = cmd_parse(p->line, the_room, the_self, &p->cmd, p->error);
	/* The error is always a string, and set exactly on failure. */
	CHECK(memchr(p->error, '\0', sizeof p->error) != NULL);
	CHECK_INT(p->rc == 0, ==, p->error[0] == '\0');
	if (p->rc != 0) {
		CHECK_INT(p->cmd.kind, ==, CMD_EMPTY);
		CHECK_INT(p->cmd.command.op_case, ==,
		          AANDESLAG__COMMAND__OP__NOT_SET);
	}
}

/* Parses text, which must be a remote command of op. */
static inline void
parse_remote(struct parsed *p, const char *text, int op)
{
	parse(p, text);
	if (p->rc != 0)
		CHECK_FAIL("\"%s\" gave %d: %s", text, p->rc, p->error);
	CHECK_INT(p->cmd.kind, ==, CMD_REMOTE);
	CHECK_INT(p->cmd.command.op_case, ==, op);
	CHECK_UINT(p->cmd.command.request_id, ==, 0);
}

/* Parses text, which must be refused with a sentence. */
static inline void
parse_refused(struct parsed *p, const char *text)
{
	parse(p, text);
	if (p->rc != -EINVAL)
		CHECK_FAIL("\"%s\" gave %d, want -EINVAL", text, p->rc);
	if (p->error[0] == '\0')
		CHECK_FAIL("\"%s\" was refused without a reason", text);
}

static inline void
parse_kind(struct parsed *p, const char *text, enum cmd_kind kind)
{
	parse(p, text);
	if (p->rc != 0)
		CHECK_FAIL("\"%s\" gave %d: %s", text, p->rc, p->error);
	CHECK_INT(p->cmd.kind, ==, kind);
	CHECK_INT(p->cmd.command.op_case, ==, AANDESLAG__COMMAND__OP__NOT_SET);
}

static inline void
refuse_all(const char *const *lines, size_t n)
{
	struct parsed p;
	size_t i;

	for (i = 0; i < n; i++)
		parse_refused(&p, lines[i]);
}

#define REFUSE_ALL(lines) refuse_all(lines, sizeof lines / sizeof lines[0])

static inline uint32_t
join(struct fixture *f, const char *name, int role)
{
	CHECK_INT(model_join(&f->room, name, role, T0, &f->ev, &f->why), ==, 0);
	return f->ev.participant.id;
}

/* Makes the room and parses against it as self. */
static inline void
setup(struct fixture *f, int self)
{
	char err[CONTENT_ERROR_SIZE];

	memset(f, 0, sizeof *f);
	if (content_load(&f->content, SOURCE_DIR "/data/content.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&f->room, &f->content, CODE, TITLE, 7, &f->why),
	          ==, 0);
	f->anna = join(f, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	f->bram = join(f, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	f->carla = join(f, "Carla de Vries", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	the_room = &f->room;
	the_self = self == 'a' ? f->anna : self == 'b' ? f->bram : 0;
}

static inline void
teardown(struct fixture *f)
{
	the_room = NULL;
	the_self = 0;
	model_free(&f->room);
	content_free(&f->content);
}

/* Parses line as actor and runs it in the room, as the server would after
 * the command travelled: packed and unpacked. */
static inline void
run(struct fixture *f, uint32_t actor, const char *line)
{
	Aandeslag__Command *cmd;
	struct parsed p;
	uint8_t buf[8192];
	size_t len;
	int rc;

	the_self = actor;
	parse(&p, line);
	if (p.rc != 0 || p.cmd.kind != CMD_REMOTE)
		CHECK_FAIL("\"%s\": %s", line, p.error);
	p.cmd.command.request_id = 1;
	len = aandeslag__command__get_packed_size(&p.cmd.command);
	CHECK_UINT(len, <=, sizeof buf);
	aandeslag__command__pack(&p.cmd.command, buf);
	cmd = aandeslag__command__unpack(NULL, len, buf);
	CHECK(cmd != NULL);
	rc = model_execute(&f->room, actor, cmd, T0, &f->ev, &f->why);
	if (rc != 0)
		CHECK_FAIL("\"%s\" refused by the model: %s %s", line,
		           refusal_name(f->why.code), f->why.params[0]);
	model_event_release(&f->ev);
	aandeslag__command__free_unpacked(cmd, NULL);
}

#endif
