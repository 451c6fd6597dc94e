/* The facilitator's workshop plan: a YAML file read with libyaml, or a
 * title and a number of rooms, turned into a CreateWorkshop request. The
 * file is checked against the limits the server puts on a workshop, and
 * for the mistakes a person makes in writing it, so that the facilitator
 * learns of a mistake with its line, in Dutch, while still at the desk
 * with the file open, rather than from a refusal at the start of the
 * study day. */
#include "plan.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "i18n.h"
#include "yamlfile.h"

/* The levels of mbo: 1 to 4. */
#define LEVELS_MAX 4
/* Bytes of "YYYY-MM-DD" and of "HH:MM", with their NULs. */
#define DATE_SIZE 11
#define TIME_SIZE 6

/* The file reader writes plan_load()'s messages into its err. */
_Static_assert(PLAN_ERROR_SIZE == YAMLFILE_ERROR_SIZE,
               "a plan's messages and the file's share one buffer");

/* ------------------------------------------------------------ the store */

/* The texts and lists msg points to. They live in one zeroed block so
 * that building a plan can fail only once, at its start, and freeing it
 * is one free(); every text is at its limit plus a NUL. */
struct plan_room {
	Aandeslag__RoomPlan msg;
	char name[MODEL_NAME_MAX + 1];
	char programme[MODEL_SETTING_MAX + 1];
	char qualification[MODEL_SETTING_MAX + 1];
	uint32_t levels[LEVELS_MAX];
	uint32_t minutes[STEPS_COUNT];
};

struct plan_assignment {
	Aandeslag__Assignment msg;
	char name[MODEL_NAME_MAX + 1];
};

struct plan_item {
	Aandeslag__ScheduleItem msg;
	char time[TIME_SIZE];
	char label[PLAN_LABEL_MAX + 1];
};

struct plan_store {
	char title[MODEL_TITLE_MAX + 1];
	char date[DATE_SIZE];
	struct plan_room rooms[PLAN_ROOMS_MAX];
	Aandeslag__RoomPlan *room_list[PLAN_ROOMS_MAX];
	struct plan_assignment assignments[PLAN_ASSIGNMENTS_MAX];
	Aandeslag__Assignment *assignment_list[PLAN_ASSIGNMENTS_MAX];
	struct plan_item schedule[PLAN_SCHEDULE_MAX];
	Aandeslag__ScheduleItem *schedule_list[PLAN_SCHEDULE_MAX];
};

void
plan_free(struct plan *p)
{
	free(p->store);
	memset(p, 0, sizeof *p);
}

/* Makes p an empty plan with its store. */
static int
begin(struct plan *p)
{
	struct plan_store *s;

	memset(p, 0, sizeof *p);
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return -ENOMEM;
	p->store = s;
	aandeslag__create_workshop__init(&p->msg);
	p->msg.title = s->title;
	p->msg.date = s->date;
	p->msg.rooms = s->room_list;
	p->msg.assignments = s->assignment_list;
	p->msg.schedule = s->schedule_list;
	return 0;
}

/* Appends an empty room; the caller has checked PLAN_ROOMS_MAX. */
static struct plan_room *
add_room(struct plan *p)
{
	struct plan_room *r = &p->store->rooms[p->msg.n_rooms];

	aandeslag__room_plan__init(&r->msg);
	r->msg.name = r->name;
	r->msg.programme = r->programme;
	r->msg.qualification = r->qualification;
	r->msg.levels = r->levels;
	r->msg.step_minutes = r->minutes;
	p->store->room_list[p->msg.n_rooms++] = &r->msg;
	return r;
}

/* Appends an assignment to room; the caller has checked the limits. */
static struct plan_assignment *
add_assignment(struct plan *p, struct plan_room *room)
{
	struct plan_assignment *a =
		&p->store->assignments[p->msg.n_assignments];

	aandeslag__assignment__init(&a->msg);
	a->msg.name = a->name;
	/* The room's own spelling, whatever case the file used here. */
	a->msg.room = room->name;
	p->store->assignment_list[p->msg.n_assignments++] = &a->msg;
	return a;
}

/* Appends an empty schedule item; the caller has checked the limit. */
static struct plan_item *
add_item(struct plan *p)
{
	struct plan_item *it = &p->store->schedule[p->msg.n_schedule];

	aandeslag__schedule_item__init(&it->msg);
	it->msg.time = it->time;
	it->msg.label = it->label;
	p->store->schedule_list[p->msg.n_schedule++] = &it->msg;
	return it;
}

/* Returns whether s is made of digits only: such a name would be taken
 * for a room's number when a colleague chooses a group. */
static bool
only_digits(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int
plan_quick(struct plan *out, const char *title, unsigned rooms)
{
	char why[YAMLFILE_WHY_SIZE];
	struct plan_room *r;
	unsigned i;
	int rc;

	memset(out, 0, sizeof *out);
	if (title == NULL || rooms < 1 || rooms > PLAN_ROOMS_MAX)
		return -EINVAL;
	rc = begin(out);
	if (rc != 0)
		return rc;
	if (yamlfile_copy_text(title, strlen(title), MODEL_TITLE_MAX,
	                       out->store->title, why) != NULL) {
		plan_free(out);
		return -EINVAL;
	}
	for (i = 1; i <= rooms; i++) {
		r = add_room(out);
		/* Not translated: the names are data that every colleague
		 * of the workshop sees and may type, whatever their
		 * language. */
		snprintf(r->name, sizeof r->name, "Groep %u", i);
	}
	return 0;
}

/* ------------------------------------------------------ the YAML reader */

/* What the reader carries besides the file: the plan it fills, and the
 * lines and counts that the checks across rooms and assignments need. */
struct parse {
	struct yamlfile *yf;
	struct plan *plan;
	size_t room_line[PLAN_ROOMS_MAX];
	size_t assignment_line[PLAN_ASSIGNMENTS_MAX];
	unsigned seated[PLAN_ROOMS_MAX];
	size_t report_line; /* of the report-back item; 0: none yet */
};

static const struct yamlfile_key top_keys[] = {
	{ "titel", false }, { "datum", true },
	{ "terugkoppeling_minuten", true }, { "groepen", false },
	{ "indeling", true }, { "rooster", true }, { NULL, false },
};
enum { T_TITLE, T_DATE, T_REPORT, T_ROOMS, T_ASSIGN, T_SCHEDULE };

static const struct yamlfile_key room_keys[] = {
	{ "naam", false }, { "opleiding", true },
	{ "kwalificatiedossier", true }, { "niveaus", true },
	{ "minuten", true }, { NULL, false },
};
enum { R_NAME, R_PROGRAMME, R_QUALIFICATION, R_LEVELS, R_MINUTES };

static const struct yamlfile_key item_keys[] = {
	{ "tijd", false }, { "wat", false }, { "terugkoppeling", true },
	{ NULL, false },
};
enum { I_TIME, I_LABEL, I_REPORT };

static const char *
value_of(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static size_t
count_of(const yaml_node_t *seq)
{
	return (size_t)(seq->data.sequence.items.top -
	                seq->data.sequence.items.start);
}

/* "datum: 2027-03-11": a real day, as the server keeps it. */
static int
get_date(struct parse *p, const yaml_node_t *key, const yaml_node_t *value)
{
	char buf[YAMLFILE_SHOWN_SIZE];

	if (value == NULL)
		return 0;
	/* By length too: a quoted "\0" would end the text early. */
	if (value->type != YAML_SCALAR_NODE ||
	    value->data.scalar.length != DATE_SIZE - 1 ||
	    dates_check_day(value_of(value)) != 0)
		return yamlfile_fail(p->yf, key,
		        _("'datum' moet een bestaande dag zijn, geschreven als "
		          "2027-03-11 (jaar-maand-dag), niet %s"),
		        yamlfile_shown(value, buf));
	memcpy(p->plan->store->date, value_of(value), DATE_SIZE);
	return 0;
}

/* "tijd: 9:30" or "09:30", kept as "09:30" so that times sort as text. */
static int
get_time(struct parse *p, const yaml_node_t *key, const yaml_node_t *value,
         char out[TIME_SIZE])
{
	char buf[YAMLFILE_SHOWN_SIZE];
	const char *s = "";
	size_t len = 0;
	int hour = -1, minute = 0;

	if (value->type == YAML_SCALAR_NODE) {
		s = value_of(value);
		len = value->data.scalar.length;
	}
	if ((len == 4 || len == 5) && s[len - 3] == ':' &&
	    s[0] >= '0' && s[0] <= '9' &&
	    (len == 4 || (s[1] >= '0' && s[1] <= '9')) &&
	    s[len - 2] >= '0' && s[len - 2] <= '5' &&
	    s[len - 1] >= '0' && s[len - 1] <= '9') {
		hour = len == 4 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
		minute = (s[len - 2] - '0') * 10 + (s[len - 1] - '0');
	}
	if (hour < 0 || hour > 23)
		return yamlfile_fail(p->yf, key,
		        _("'tijd' moet een tijd zijn als \"13:30\" "
		          "(uren:minuten, van 00:00 tot en met 23:59), "
		          "niet %s"),
		        yamlfile_shown(value, buf));
	/* Written digit by digit: both are checked to be in range, and a
	 * compiler cannot see that through a %02d. */
	out[0] = (char)('0' + hour / 10);
	out[1] = (char)('0' + hour % 10);
	out[2] = ':';
	out[3] = (char)('0' + minute / 10);
	out[4] = (char)('0' + minute % 10);
	out[5] = '\0';
	return 0;
}

/* "terugkoppeling: ja": ja, nee, true or false, in any case. */
static int
get_yes_no(struct parse *p, const yaml_node_t *key, const yaml_node_t *value,
           protobuf_c_boolean *out)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	const char *s;

	if (value == NULL)
		return 0;
	s = value->type == YAML_SCALAR_NODE ? value_of(value) : "";
	if (strcasecmp(s, "ja") == 0 || strcasecmp(s, "true") == 0)
		*out = 1;
	else if (strcasecmp(s, "nee") == 0 || strcasecmp(s, "false") == 0)
		*out = 0;
	else
		return yamlfile_fail(p->yf, key,
		        _("'%s' moet ja of nee zijn, niet %s"),
		        value_of(key), yamlfile_shown(value, buf));
	return 0;
}

/* "terugkoppeling_minuten: 5": minutes per room in the report back. */
static int
get_report_minutes(struct parse *p, const yaml_node_t *key,
                   const yaml_node_t *value)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	long v;

	if (value == NULL)
		return 0;
	v = yamlfile_number(value);
	if (v < 1 || v > PLAN_REPORT_MINUTES_MAX)
		return yamlfile_fail(p->yf, key,
		        _("'terugkoppeling_minuten' moet een getal van 1 tot "
		          "en met %d zijn (minuten per groep), niet %s%s"),
		        PLAN_REPORT_MINUTES_MAX, yamlfile_shown(value, buf),
		        yamlfile_number_hint(value));
	p->plan->msg.report_minutes = (uint32_t)v;
	return 0;
}

/* "niveaus: [2, 3]": each of 1..4 at most once, kept in order. */
static int
get_levels(struct parse *p, const yaml_node_t *key, yaml_node_t *value,
           struct plan_room *r)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	yaml_node_item_t *item;
	yaml_node_t *n;
	size_t i, j;
	long v;

	if (value == NULL)
		return 0;
	if (value->type != YAML_SEQUENCE_NODE)
		return yamlfile_fail(p->yf, key,
		        _("'niveaus' moet een lijst zijn, zoals [3] of "
		          "[2, 3, 4], niet %s"), yamlfile_shown(value, buf));
	for (item = value->data.sequence.items.start;
	     item < value->data.sequence.items.top; item++) {
		n = yamlfile_node(p->yf, *item);
		v = yamlfile_number(n);
		if (v < 1 || v > LEVELS_MAX)
			return yamlfile_fail(p->yf, n,
			        _("een niveau is 1, 2, 3 of 4, niet %s%s"),
			        yamlfile_shown(n, buf),
			        yamlfile_number_hint(n));
		for (i = 0; i < r->msg.n_levels; i++)
			if (r->levels[i] == (uint32_t)v)
				return yamlfile_fail(p->yf, n,
				        _("niveau %ld staat er twee keer in"),
				        v);
		/* Distinct values of 1..4, so there is room; inserted in
		 * order, as the server shows levels. */
		for (i = r->msg.n_levels;
		     i > 0 && r->levels[i - 1] > (uint32_t)v; i--)
			;
		for (j = r->msg.n_levels; j > i; j--)
			r->levels[j] = r->levels[j - 1];
		r->levels[i] = (uint32_t)v;
		r->msg.n_levels++;
	}
	return 0;
}

/* "minuten: [20, 30, 30, 30, 40]": the five steps' planned times. */
static int
get_minutes(struct parse *p, const yaml_node_t *key, yaml_node_t *value,
            struct plan_room *r)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	yaml_node_item_t *item;
	yaml_node_t *n;
	long v;

	if (value == NULL)
		return 0;
	if (value->type != YAML_SEQUENCE_NODE)
		return yamlfile_fail(p->yf, key,
		        _("'minuten' moet een lijst van vijf getallen zijn, "
		          "één per stap, zoals [20, 30, 30, 30, 40], niet %s"),
		        yamlfile_shown(value, buf));
	if (count_of(value) != STEPS_COUNT)
		return yamlfile_fail(p->yf, key,
		        _("'minuten' moet vijf getallen hebben, één per stap, "
		          "zoals [20, 30, 30, 30, 40], geen %zu"),
		        count_of(value));
	for (item = value->data.sequence.items.start;
	     item < value->data.sequence.items.top; item++) {
		n = yamlfile_node(p->yf, *item);
		v = yamlfile_number(n);
		if (v < 1 || v > MODEL_STEP_MINUTES_MAX)
			return yamlfile_fail(p->yf, n,
			        _("de minuten van stap %u moeten een getal van "
			          "1 tot en met %d zijn, niet %s%s"),
			        (unsigned)r->msg.n_step_minutes + 1,
			        MODEL_STEP_MINUTES_MAX, yamlfile_shown(n, buf),
			        yamlfile_number_hint(n));
		r->minutes[r->msg.n_step_minutes++] = (uint32_t)v;
	}
	return 0;
}

/* Returns the room among the first count named name, ignoring case as
 * the server does, and sets *index to its place; or returns NULL. */
static struct plan_room *
find_room(struct plan *plan, size_t count, const char *name, size_t *index)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcasecmp(plan->store->rooms[i].name, name) == 0) {
			*index = i;
			return &plan->store->rooms[i];
		}
	return NULL;
}

/* One item of "groepen". */
static int
get_room(struct parse *p, yaml_node_t *node)
{
	yaml_node_t *key[YAMLFILE_KEYS_MAX], *value[YAMLFILE_KEYS_MAX];
	struct plan_room *r;
	size_t twin, here;
	int rc;

	rc = yamlfile_pairs(p->yf, node, _("een groep"), room_keys, key,
	                    value);
	if (rc != 0)
		return rc;
	here = p->plan->msg.n_rooms;
	r = add_room(p->plan);
	p->room_line[here] = yamlfile_line(key[R_NAME]);
	rc = yamlfile_text(p->yf, key[R_NAME], value[R_NAME], MODEL_NAME_MAX,
	                   r->name);
	if (rc != 0)
		return rc;
	if (only_digits(r->name))
		return yamlfile_fail(p->yf, key[R_NAME],
		        _("een groepsnaam van alleen cijfers kan niet: een "
		          "collega kiest een groep ook met haar nummer"));
	if (find_room(p->plan, here, r->name, &twin) != NULL)
		return yamlfile_fail(p->yf, key[R_NAME],
		        _("er is al een groep '%s' (regel %zu); elke groep "
		          "heeft een eigen naam, en hoofdletters tellen "
		          "daarbij niet mee"), r->name, p->room_line[twin]);
	rc = yamlfile_text(p->yf, key[R_PROGRAMME], value[R_PROGRAMME],
	                   MODEL_SETTING_MAX, r->programme);
	if (rc == 0)
		rc = yamlfile_text(p->yf, key[R_QUALIFICATION],
		                   value[R_QUALIFICATION], MODEL_SETTING_MAX,
		                   r->qualification);
	if (rc == 0)
		rc = get_levels(p, key[R_LEVELS], value[R_LEVELS], r);
	if (rc == 0)
		rc = get_minutes(p, key[R_MINUTES], value[R_MINUTES], r);
	return rc;
}

/* "groepen": 1..PLAN_ROOMS_MAX rooms. */
static int
get_rooms(struct parse *p, const yaml_node_t *key, yaml_node_t *value)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	yaml_node_item_t *item;
	yaml_node_t *n;
	size_t mark;
	int rc;

	if (value->type != YAML_SEQUENCE_NODE)
		return yamlfile_fail(p->yf, key,
		        _("'groepen' moet een lijst van groepen zijn (regels "
		          "die met '- naam:' beginnen), niet %s"),
		        yamlfile_shown(value, buf));
	if (count_of(value) == 0)
		return yamlfile_fail(p->yf, key,
		        _("'groepen' is leeg; er hoort minstens één groep in"));
	for (item = value->data.sequence.items.start;
	     item < value->data.sequence.items.top; item++) {
		n = yamlfile_node(p->yf, *item);
		if (p->plan->msg.n_rooms == PLAN_ROOMS_MAX)
			return yamlfile_fail(p->yf, n,
			        _("een studiedag heeft hoogstens %d groepen, "
			          "en dit is de %zue; verdeel de dag over twee "
			          "workshops"),
			        PLAN_ROOMS_MAX, p->plan->msg.n_rooms + 1);
		mark = yamlfile_place(p->yf, _("groep %zu"),
		                      p->plan->msg.n_rooms + 1);
		rc = get_room(p, n);
		yamlfile_unplace(p->yf, mark);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* One line "NAME: GROUP" of "indeling": each name once (ignoring case,
 * as the server matches names), each group within its seats. */
static int
get_assignment(struct parse *p, yaml_node_t *k, yaml_node_t *v)
{
	char buf[YAMLFILE_SHOWN_SIZE], why[YAMLFILE_WHY_SIZE];
	char name[MODEL_NAME_MAX + 1], group[MODEL_NAME_MAX + 1];
	struct plan_assignment *a;
	struct plan_room *room;
	size_t i, r;

	if (k->type != YAML_SCALAR_NODE)
		return yamlfile_fail(p->yf, k,
		        _("voor de dubbele punt hoort de naam van een collega, "
		          "niet %s"), yamlfile_shown(k, buf));
	if (yamlfile_copy_text(value_of(k), k->data.scalar.length,
	                       MODEL_NAME_MAX, name, why) != NULL)
		return yamlfile_fail(p->yf, k,
		        _("de naam van een collega %s"), why);
	if (v->type != YAML_SCALAR_NODE ||
	    yamlfile_copy_text(value_of(v), v->data.scalar.length,
	                       MODEL_NAME_MAX, group, why) != NULL)
		return yamlfile_fail(p->yf, k,
		        _("achter '%s:' hoort de naam van een groep, niet %s"),
		        name, yamlfile_shown(v, buf));
	room = find_room(p->plan, p->plan->msg.n_rooms, group, &r);
	if (room == NULL)
		return yamlfile_fail(p->yf, k,
		        _("%s is ingedeeld in groep '%s', maar die groep staat "
		          "niet onder 'groepen'"), name, group);
	for (i = 0; i < p->plan->msg.n_assignments; i++)
		if (strcasecmp(p->plan->store->assignments[i].name, name) == 0)
			return yamlfile_fail(p->yf, k,
			        _("%s is al ingedeeld (regel %zu); iedereen "
			          "gaat naar één groep"),
			        name, p->assignment_line[i]);
	if (p->seated[r] == MODEL_SEATS)
		return yamlfile_fail(p->yf, k,
		        _("groep '%s' is al vol: in een groep passen hoogstens "
		          "%d collega's"), room->name, MODEL_SEATS);
	/* Every room has its seats, so the assignments fit their array. */
	p->seated[r]++;
	p->assignment_line[p->plan->msg.n_assignments] = yamlfile_line(k);
	a = add_assignment(p->plan, room);
	memcpy(a->name, name, sizeof a->name);
	return 0;
}

/* "indeling": who goes where. */
static int
get_assignments(struct parse *p, const yaml_node_t *key, yaml_node_t *value)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	yaml_node_pair_t *pair;
	int rc;

	if (value == NULL)
		return 0;
	if (value->type != YAML_MAPPING_NODE)
		return yamlfile_fail(p->yf, key,
		        _("'indeling' moet bestaan uit regels 'naam: groep', "
		          "zoals 'Anna: Zorg', niet uit %s"),
		        yamlfile_shown(value, buf));
	for (pair = value->data.mapping.pairs.start;
	     pair < value->data.mapping.pairs.top; pair++) {
		rc = get_assignment(p, yamlfile_node(p->yf, pair->key),
		                    yamlfile_node(p->yf, pair->value));
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* One item of "rooster". */
static int
get_item(struct parse *p, yaml_node_t *node)
{
	yaml_node_t *key[YAMLFILE_KEYS_MAX], *value[YAMLFILE_KEYS_MAX];
	struct plan_item *it;
	size_t here;
	int rc;

	rc = yamlfile_pairs(p->yf, node, _("een onderdeel van het rooster"),
	                    item_keys, key, value);
	if (rc != 0)
		return rc;
	here = p->plan->msg.n_schedule;
	it = add_item(p->plan);
	rc = get_time(p, key[I_TIME], value[I_TIME], it->time);
	if (rc != 0)
		return rc;
	/* A day read from top to bottom; equal times may follow. */
	if (here > 0 && strcmp(it[-1].time, it->time) > 0)
		return yamlfile_fail(p->yf, key[I_TIME],
		        _("%s staat na %s; zet het rooster op volgorde van "
		          "tijd"), it->time, it[-1].time);
	rc = yamlfile_text(p->yf, key[I_LABEL], value[I_LABEL],
	                   PLAN_LABEL_MAX, it->label);
	if (rc == 0)
		rc = get_yes_no(p, key[I_REPORT], value[I_REPORT],
		                &it->msg.report_back);
	if (rc != 0 || !it->msg.report_back)
		return rc;
	if (p->report_line != 0)
		return yamlfile_fail(p->yf, key[I_REPORT],
		        _("de terugkoppeling staat al in het rooster "
		          "(regel %zu); er is er één per studiedag"),
		        p->report_line);
	p->report_line = yamlfile_line(key[I_REPORT]);
	return 0;
}

/* "rooster": the day's schedule, up to PLAN_SCHEDULE_MAX items. */
static int
get_schedule(struct parse *p, const yaml_node_t *key, yaml_node_t *value)
{
	char buf[YAMLFILE_SHOWN_SIZE];
	yaml_node_item_t *item;
	yaml_node_t *n;
	size_t mark;
	int rc;

	if (value == NULL)
		return 0;
	if (value->type != YAML_SEQUENCE_NODE)
		return yamlfile_fail(p->yf, key,
		        _("'rooster' moet een lijst zijn (regels die met "
		          "'- tijd:' beginnen), niet %s"),
		        yamlfile_shown(value, buf));
	for (item = value->data.sequence.items.start;
	     item < value->data.sequence.items.top; item++) {
		n = yamlfile_node(p->yf, *item);
		if (p->plan->msg.n_schedule == PLAN_SCHEDULE_MAX)
			return yamlfile_fail(p->yf, n,
			        _("het rooster heeft hoogstens %d onderdelen, "
			          "en dit is het %zue"),
			        PLAN_SCHEDULE_MAX, p->plan->msg.n_schedule + 1);
		mark = yamlfile_place(p->yf, _("rooster, onderdeel %zu"),
		                      p->plan->msg.n_schedule + 1);
		rc = get_item(p, n);
		yamlfile_unplace(p->yf, mark);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Reads the whole document into p->plan: the rooms before the
 * assignments that name them, whatever the order in the file. */
static int
get_plan(struct parse *p, yaml_node_t *root)
{
	yaml_node_t *key[YAMLFILE_KEYS_MAX], *value[YAMLFILE_KEYS_MAX];
	int rc;

	rc = yamlfile_pairs(p->yf, root, _("het bestand"), top_keys, key,
	                    value);
	if (rc == 0)
		rc = yamlfile_text(p->yf, key[T_TITLE], value[T_TITLE],
		                   MODEL_TITLE_MAX, p->plan->store->title);
	if (rc == 0)
		rc = get_date(p, key[T_DATE], value[T_DATE]);
	if (rc == 0)
		rc = get_report_minutes(p, key[T_REPORT], value[T_REPORT]);
	if (rc == 0)
		rc = get_rooms(p, key[T_ROOMS], value[T_ROOMS]);
	if (rc == 0)
		rc = get_assignments(p, key[T_ASSIGN], value[T_ASSIGN]);
	if (rc == 0)
		rc = get_schedule(p, key[T_SCHEDULE], value[T_SCHEDULE]);
	return rc;
}

int
plan_load(const char *path, struct plan *out, char err[PLAN_ERROR_SIZE])
{
	struct yamlfile yf;
	struct parse p;
	int rc;

	memset(out, 0, sizeof *out);
	rc = yamlfile_load(&yf, path, err);
	if (rc != 0)
		return rc;
	rc = begin(out);
	if (rc == 0) {
		memset(&p, 0, sizeof p);
		p.yf = &yf;
		p.plan = out;
		rc = get_plan(&p, yamlfile_root(&yf));
	} else {
		snprintf(err, PLAN_ERROR_SIZE, _("%s: te weinig geheugen"),
		         path);
	}
	yamlfile_close(&yf);
	if (rc != 0)
		plan_free(out);
	return rc;
}
