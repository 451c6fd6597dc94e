/* The command language of steps 4 and 5: activities (activity add, edit,
 * delete), actions (action add, edit, delete; claim, release, status) and
 * the findings a room brings back to a workshop's report back (bevinding).
 * The wire's edit commands replace a whole item, so an edit starts from
 * the mirror's item and changes only what the user names. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "i18n.h"
#include "scan.h"

/* ------------------------------------------------ activities (step 4) */

/* Links the competences of a list to the activity, replacing its links. */
static int
parse_links(struct scan *s, char *v, Aandeslag__Activity *a)
{
	char *items[MODEL_LINKS_MAX];
	size_t i, n;

	if (scan_split(v, items, MODEL_LINKS_MAX, &n) < 0)
		return scan_fail(s, _("Een activiteit hoort bij hoogstens %d competenties."),
				 MODEL_LINKS_MAX);
	for (i = 0; i < n; i++)
		if (scan_competence(s, items[i], &s->out->links[i]) < 0)
			return -EINVAL;
	a->competence_ids = n ? s->out->links : NULL;
	a->n_competence_ids = n;
	return 0;
}

/* Starts an edit from the mirror's activity: the command replaces the
 * whole activity, so whatever the user leaves out must keep its value.
 * The strings point into the room. */
static void
merge_activity(struct scan *s, const Aandeslag__Activity *old)
{
	Aandeslag__Activity *a = &s->out->activity;
	size_t i, n = old->n_competence_ids;

	if (n > MODEL_LINKS_MAX)
		n = MODEL_LINKS_MAX;
	a->id = old->id;
	a->catalogue_id = old->catalogue_id;
	a->text = old->text;
	a->done = old->done;
	a->place = old->place;
	for (i = 0; i < n; i++)
		s->out->links[i] = old->competence_ids[i];
	a->competence_ids = n ? s->out->links : NULL;
	a->n_competence_ids = n;
}

int
cmd_plan_activity(struct scan *s)
{
	Aandeslag__Activity *a = &s->out->activity;
	const Aandeslag__Activity *old;
	char *w, *opt, *v;
	uint32_t id;
	bool add;
	int rc;

	aandeslag__activity__init(a);
	if (scan_need_word(s, &w, _("Gebruik: activity add, activity edit of activity delete; typ help.")) < 0)
		return -EINVAL;
	if (scan_is(w, "delete")) {
		if (scan_item_id(s, SCAN_ACTIVITY, &id) < 0 || scan_done(s) < 0)
			return -EINVAL;
		aandeslag__delete_activity__init(&s->out->delete_activity);
		s->out->delete_activity.activity_id = id;
		return SEND(s, DELETE_ACTIVITY, delete_activity,
		            &s->out->delete_activity);
	}
	add = scan_is(w, "add");
	if (!add && !scan_is(w, "edit"))
		return scan_fail(s, _("activity verwacht add, edit of delete, niet \"%s\"."),
				 w);
	if (!add) {
		if (scan_item_id(s, SCAN_ACTIVITY, &id) < 0 ||
		    (old = scan_item(s, SCAN_ACTIVITY, id)) == NULL)
			return -EINVAL;
		merge_activity(s, old);
	}
	while ((rc = scan_option(s, &opt)) == 1) {
		if (add && scan_is(opt, "--from")) {
			if (scan_value(s, opt, &v) < 0 ||
			    scan_catalogue(s, v, &a->catalogue_id) < 0)
				return -EINVAL;
		} else if (scan_is(opt, "--done")) {
			a->done = 1;
		} else if (scan_is(opt, "--new")) {
			a->done = 0;
		} else if (scan_is(opt, "--abroad")) {
			a->place = AANDESLAG__PLACE__PLACE_ABROAD;
		} else if (scan_is(opt, "--home")) {
			a->place = AANDESLAG__PLACE__PLACE_HOME;
		} else if (scan_is(opt, "--for")) {
			if (scan_value(s, opt, &v) < 0 || parse_links(s, v, a) < 0)
				return -EINVAL;
		} else {
			return scan_bad_option(s, opt);
		}
	}
	if (rc < 0)
		return rc;
	if (*s->p != '\0')
		a->text = s->p;
	else if (add && a->catalogue_id[0] == '\0')
		return scan_fail(s, "%s", _("Schrijf de activiteit achter de opties, of kies er een van de kaart met --from ID (typ catalogue)."));
	if (add) {
		aandeslag__add_activity__init(&s->out->add_activity);
		s->out->add_activity.activity = a;
		return SEND(s, ADD_ACTIVITY, add_activity, &s->out->add_activity);
	}
	aandeslag__edit_activity__init(&s->out->edit_activity);
	s->out->edit_activity.activity = a;
	return SEND(s, EDIT_ACTIVITY, edit_activity, &s->out->edit_activity);
}

/* --------------------------------------------------- actions (step 5) */

static const struct {
	const char *word;
	uint32_t bit;
} need_words[] = {
	{ "financien", MODEL_NEED_FINANCES },
	{ "financi\xc3\xabn", MODEL_NEED_FINANCES },
	{ "finances", MODEL_NEED_FINANCES },
	{ "kennis", MODEL_NEED_KNOWLEDGE },
	{ "knowledge", MODEL_NEED_KNOWLEDGE },
	{ "hulpmiddelen", MODEL_NEED_TOOLS },
	{ "tools", MODEL_NEED_TOOLS },
	{ "partners", MODEL_NEED_PARTNERS },
	{ "tijd", MODEL_NEED_TIME },
	{ "time", MODEL_NEED_TIME },
};

static int
parse_needs(struct scan *s, char *v, uint32_t *bits)
{
	char *items[16];
	size_t i, j, n;

	if (scan_split(v, items, 16, &n) < 0)
		return scan_fail(s, "%s", _("Dat zijn te veel behoeften."));
	*bits = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof need_words / sizeof need_words[0]; j++)
			if (scan_is(items[i], need_words[j].word))
				break;
		if (j == sizeof need_words / sizeof need_words[0])
			return scan_fail(s, _("Onbekende behoefte \"%s\"; kies uit financien, kennis, hulpmiddelen, partners en tijd."),
					 items[i]);
		*bits |= need_words[j].bit;
	}
	return 0;
}

static int
parse_years(struct scan *s, char *v, uint32_t *bits)
{
	char *items[16];
	uint32_t year;
	size_t i, n;

	if (scan_split(v, items, 16, &n) < 0)
		return scan_fail(s, "%s", _("Dat zijn te veel leerjaren."));
	*bits = 0;
	for (i = 0; i < n; i++) {
		if (scan_count(items[i], 1, 4, &year) < 0)
			return scan_fail(s, _("Een leerjaar is 1, 2, 3 of 4, niet \"%s\"."),
					 items[i]);
		*bits |= 1u << year;
	}
	return 0;
}

/* Whether v has the shape of pattern, where 'd' stands for a digit. */
static bool
shaped(const char *v, const char *pattern)
{
	for (; *pattern != '\0'; v++, pattern++)
		if (*pattern == 'd' ? !(*v >= '0' && *v <= '9') : *v != *pattern)
			return false;
	return *v == '\0';
}

static int
parse_when(struct scan *s, char *v)
{
	Aandeslag__When *w = &s->out->when;

	aandeslag__when__init(w);
	s->out->action.when = NULL;
	if (*v == '\0' || scan_is(v, "none") || scan_is(v, "geen"))
		return 0;
	if (shaped(v, "dddd-dd-dd")) {
		if (dates_check_day(v) < 0)
			return scan_fail(s, _("\"%s\" is geen bestaande datum."), v);
		w->kind = AANDESLAG__WHEN_KIND__WHEN_DATE;
	} else if (shaped(v, "dddd-dd")) {
		if (dates_check_month(v) < 0)
			return scan_fail(s, _("\"%s\" is geen bestaande maand."), v);
		w->kind = AANDESLAG__WHEN_KIND__WHEN_MONTH;
	} else {
		w->kind = AANDESLAG__WHEN_KIND__WHEN_PERIOD;
	}
	w->value = v;
	s->out->action.when = w;
	return 0;
}

static int
status_word(struct scan *s, const char *w, Aandeslag__ActionStatus *out)
{
	if (scan_is(w, "open"))
		*out = AANDESLAG__ACTION_STATUS__ACTION_OPEN;
	else if (scan_is(w, "bezig") || scan_is(w, "busy"))
		*out = AANDESLAG__ACTION_STATUS__ACTION_BUSY;
	else if (scan_is(w, "klaar") || scan_is(w, "done"))
		*out = AANDESLAG__ACTION_STATUS__ACTION_DONE;
	else
		return scan_fail(s, _("De status is open, bezig of klaar, niet \"%s\"."),
				 w);
	return 0;
}

/* Adds an owner to the action. In an edit, the first owner named
 * replaces the owners the action had (*fresh tells). */
static int
add_owner(struct scan *s, bool *fresh, int kind, uint32_t id, char *name)
{
	Aandeslag__Action *a = &s->out->action;
	Aandeslag__Owner *o;
	size_t n;

	if (!*fresh) {
		a->n_owners = 0;
		*fresh = true;
	}
	n = a->n_owners;
	if (n == MODEL_OWNERS_MAX)
		return scan_fail(s, _("Een actie heeft hoogstens %d eigenaren."),
				 MODEL_OWNERS_MAX);
	o = &s->out->owners[n];
	aandeslag__owner__init(o);
	o->kind = (Aandeslag__OwnerKind)kind;
	o->participant_id = id;
	if (name != NULL)
		o->name = name;
	s->out->owner_ptrs[n] = o;
	a->owners = s->out->owner_ptrs;
	a->n_owners = n + 1;
	return 0;
}

/* An owner by name: yourself ("me"), a seated colleague, or someone who
 * is not here, such as the team leader. */
static int
add_named_owner(struct scan *s, bool *fresh, char *w)
{
	const struct model_participant *p;

	if (scan_is(w, "me")) {
		if (s->self_id == 0)
			return scan_fail(s, "%s", _("Als meekijker kun je geen actie op je nemen."));
		p = s->room ? model_participant(s->room, s->self_id) : NULL;
		return add_owner(s, fresh, AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT,
		                 s->self_id, p ? p->name : NULL);
	}
	p = s->room ? scan_find_name(s->room, w) : NULL;
	s->out->mirrored |= s->room != NULL;
	if (p != NULL)
		return add_owner(s, fresh, AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT,
		                 p->id, p->name);
	return add_owner(s, fresh, AANDESLAG__OWNER_KIND__OWNER_NAMED, 0, w);
}

/* Starts an edit from the mirror's action; see merge_activity(). */
static void
merge_action(struct scan *s, const Aandeslag__Action *old)
{
	Aandeslag__Action *a = &s->out->action;
	size_t i, n = old->n_owners;

	if (n > MODEL_OWNERS_MAX)
		n = MODEL_OWNERS_MAX;
	a->id = old->id;
	a->text = old->text;
	a->activity_id = old->activity_id;
	a->needs = old->needs;
	a->needs_text = old->needs_text;
	a->study_years = old->study_years;
	a->status = old->status;
	for (i = 0; i < n; i++) {
		s->out->owners[i] = *old->owners[i];
		s->out->owner_ptrs[i] = &s->out->owners[i];
	}
	a->owners = n ? s->out->owner_ptrs : NULL;
	a->n_owners = n;
	if (old->when != NULL &&
	    old->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE) {
		s->out->when = *old->when;
		a->when = &s->out->when;
	}
}

/* One option of action add or edit. */
static int
action_option(struct scan *s, const char *opt, bool *fresh, bool *owners,
              bool *none)
{
	Aandeslag__Action *a = &s->out->action;
	char *v = NULL;

	if (scan_is(opt, "--team") || scan_is(opt, "--no-owner")) {
		if (*none || (*owners && scan_is(opt, "--no-owner")))
			return scan_fail(s, "%s", _("--no-owner gaat niet samen met --owner of --team."));
		if (scan_is(opt, "--no-owner")) {
			*none = *fresh = true;
			a->n_owners = 0;
			a->owners = NULL;
			return 0;
		}
		*owners = true;
		return add_owner(s, fresh, AANDESLAG__OWNER_KIND__OWNER_TEAM, 0,
		                 NULL);
	}
	if (!scan_is(opt, "--activity") && !scan_is(opt, "--owner") &&
	    !scan_is(opt, "--needs") && !scan_is(opt, "--needs-text") &&
	    !scan_is(opt, "--years") && !scan_is(opt, "--when") && !scan_is(opt, "--status"))
		return scan_bad_option(s, opt);
	if (scan_value(s, opt, &v) < 0)
		return -EINVAL;
	if (scan_is(opt, "--activity")) {
		a->activity_id = 0;
		if (scan_is(v, "none") || scan_is(v, "geen"))
			return 0;
		if (scan_item_id_of(s, SCAN_ACTIVITY, v, &a->activity_id) < 0 ||
		    (s->room != NULL &&
		     scan_item(s, SCAN_ACTIVITY, a->activity_id) == NULL))
			return -EINVAL;
		return 0;
	}
	if (scan_is(opt, "--owner")) {
		if (*none)
			return scan_fail(s, "%s", _("--no-owner gaat niet samen met --owner of --team."));
		*owners = true;
		return add_named_owner(s, fresh, v);
	}
	if (scan_is(opt, "--needs"))
		return parse_needs(s, v, &a->needs);
	if (scan_is(opt, "--needs-text")) {
		a->needs_text = v;
		return 0;
	}
	if (scan_is(opt, "--years"))
		return parse_years(s, v, &a->study_years);
	if (scan_is(opt, "--when"))
		return parse_when(s, v);
	return status_word(s, v, &a->status);
}

int
cmd_plan_action(struct scan *s)
{
	Aandeslag__Action *a = &s->out->action;
	const Aandeslag__Action *old;
	bool add, fresh, owners = false, none = false;
	char *w, *opt;
	uint32_t id;
	int rc;

	aandeslag__action__init(a);
	if (scan_need_word(s, &w, _("Gebruik: action add, action edit of action delete; typ help.")) < 0)
		return -EINVAL;
	if (scan_is(w, "delete")) {
		if (scan_item_id(s, SCAN_ACTION, &id) < 0 || scan_done(s) < 0)
			return -EINVAL;
		aandeslag__delete_action__init(&s->out->delete_action);
		s->out->delete_action.action_id = id;
		return SEND(s, DELETE_ACTION, delete_action,
		            &s->out->delete_action);
	}
	add = scan_is(w, "add");
	if (!add && !scan_is(w, "edit"))
		return scan_fail(s, _("action verwacht add, edit of delete, niet \"%s\"."),
				 w);
	fresh = add;
	if (!add) {
		if (scan_item_id(s, SCAN_ACTION, &id) < 0 ||
		    (old = scan_item(s, SCAN_ACTION, id)) == NULL)
			return -EINVAL;
		merge_action(s, old);
	}
	while ((rc = scan_option(s, &opt)) == 1)
		if (action_option(s, opt, &fresh, &owners, &none) < 0)
			return -EINVAL;
	if (rc < 0)
		return rc;
	if (*s->p != '\0')
		a->text = s->p;
	else if (add)
		return scan_fail(s, "%s", _("Schrijf wat jullie gaan doen achter de opties, bijvoorbeeld: action add --owner me Lesmateriaal zoeken."));
	if (add) {
		aandeslag__add_action__init(&s->out->add_action);
		s->out->add_action.action = a;
		return SEND(s, ADD_ACTION, add_action, &s->out->add_action);
	}
	aandeslag__edit_action__init(&s->out->edit_action);
	s->out->edit_action.action = a;
	return SEND(s, EDIT_ACTION, edit_action, &s->out->edit_action);
}

/* ------------------------------------------- findings (report back) */

/* The length of the word at p: up to a space or the end. */
static size_t
word_len(const char *p)
{
	size_t n = 0;

	while (p[n] != '\0' && !scan_is_space(p[n]))
		n++;
	return n;
}

/* Whether the n bytes at p are keyword, in any case. */
static bool
word_is(const char *p, size_t n, const char *keyword)
{
	return n == strlen(keyword) && strncasecmp(p, keyword, n) == 0;
}

/* Whether the line from p is one word and no more. */
static bool
last_word(const char *p)
{
	return *p != '\0' && p[word_len(p)] == '\0';
}

static int
finding_delete(struct scan *s)
{
	uint32_t id;
	char *w;

	if (scan_word(s, &w) < 0 ||
	    scan_need_word(s, &w, _("Na bevinding weg hoort het nummer van de bevinding, bijvoorbeeld: bevinding weg t2.")) < 0 ||
	    scan_item_id_of(s, SCAN_FINDING, w, &id) < 0)
		return -EINVAL;
	s->out->mirrored = s->room != NULL;
	if (s->room != NULL && items_find(&s->room->findings, id) == NULL)
		return scan_fail(s, _("Er is geen bevinding t%" PRIu32 "; typ show voor de nummers."),
				 id);
	aandeslag__delete_finding__init(&s->out->delete_finding);
	s->out->delete_finding.finding_id = id;
	return SEND(s, DELETE_FINDING, delete_finding, &s->out->delete_finding);
}

/* bevinding TEXT, bevinding nN (the text of note N) and bevinding weg N.
 * A finding's text may start with any word, so "weg" only deletes when
 * one id follows it, and "n3" is only a note when it stands alone; after
 * a lone "--" the rest is always text. */
int
cmd_plan_finding(struct scan *s)
{
	Aandeslag__AddFinding *f = &s->out->add_finding;
	const char *before = s->p;
	size_t n = word_len(s->p);
	char *opt, *after;
	int rc;

	aandeslag__add_finding__init(f);
	rc = scan_option(s, &opt);
	if (rc == 1)
		return scan_bad_option(s, opt);
	if (rc < 0)
		return rc;
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Schrijf de bevinding achter bevinding, bijvoorbeeld: bevinding Een stage in Duitsland past bij niveau 4."));
	if (s->p == before && (word_is(s->p, n, "weg") ||
	                       word_is(s->p, n, "delete"))) {
		after = scan_skip_space(s->p + n);
		if (*after == '\0' || last_word(after))
			return finding_delete(s);
	}
	if (s->p == before && last_word(s->p) &&
	    (s->p[0] == 'n' || s->p[0] == 'N') &&
	    scan_count(s->p + 1, 1, UINT32_MAX, &f->note_id) == 0) {
		s->out->mirrored = s->room != NULL;
		if (s->room != NULL && model_note(s->room, f->note_id) == NULL)
			return scan_fail(s, _("Er is geen notitie n%" PRIu32 " op de poster."),
					 f->note_id);
		return SEND(s, ADD_FINDING, add_finding, f);
	}
	f->text = s->p;
	return SEND(s, ADD_FINDING, add_finding, f);
}

/* claim N, release N and status N WORD. */
int
cmd_plan_action_item(struct scan *s, int op)
{
	char *w;
	uint32_t id;

	if (scan_item_id(s, SCAN_ACTION, &id) < 0)
		return -EINVAL;
	if (op == AANDESLAG__COMMAND__OP_CLAIM) {
		if (scan_done(s) < 0)
			return -EINVAL;
		aandeslag__claim_action__init(&s->out->claim);
		s->out->claim.action_id = id;
		s->out->claim.release = scan_is(s->name, "release");
		return SEND(s, CLAIM, claim, &s->out->claim);
	}
	aandeslag__set_action_status__init(&s->out->action_status);
	s->out->action_status.action_id = id;
	if (scan_need_word(s, &w, _("Gebruik: status N open, status N bezig of status N klaar.")) < 0 ||
	    scan_done(s) < 0 || status_word(s, w, &s->out->action_status.status) < 0)
		return -EINVAL;
	return SEND(s, ACTION_STATUS, action_status, &s->out->action_status);
}
