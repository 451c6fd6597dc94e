/* Step 3 of the method: dots on competences and the competences marked. */
#include "votes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name

static const char *
str(const char *s)
{
	return s ? s : "";
}

/* Returns the competence with id from the room's content, or NULL; the
 * empty id and a missing id name no competence. */
static const Aandeslag__ContentCompetence *
competence(const struct model_room *room, const char *id)
{
	if (room->content == NULL || room->content->msg == NULL ||
	    id == NULL || id[0] == '\0')
		return NULL;
	return content_competence(room->content, id, NULL);
}

/* Returns how many competences the content holds: the most that can be
 * marked. */
static size_t
competence_count(const struct model_room *room)
{
	const Aandeslag__Content *c;
	size_t i, n = 0;

	if (room->content == NULL || room->content->msg == NULL)
		return 0;
	c = room->content->msg;
	for (i = 0; i < c->n_categories; i++)
		n += c->categories[i]->n_competences;
	return n;
}

/* Returns the index of the votes of participant pid on competence cid,
 * or -1. */
static long
find_vote(const struct model_room *room, uint32_t pid, const char *cid)
{
	size_t i;

	for (i = 0; i < room->nvotes; i++)
		if (room->votes[i].participant_id == pid &&
		    strcmp(room->votes[i].competence_id, cid) == 0)
			return (long)i;
	return -1;
}

/* Returns the index of cid in the marked competences, or -1. */
static long
find_marked(const struct model_room *room, const char *cid)
{
	size_t i;

	for (i = 0; i < room->nmarked; i++)
		if (strcmp(room->marked[i], cid) == 0)
			return (long)i;
	return -1;
}

static int
execute_vote(struct model_room *room, const struct model_participant *actor,
             const Aandeslag__CastVote *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	const Aandeslag__ContentCompetence *comp;
	uint32_t budget = room->settings.vote_budget;
	long i;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	comp = competence(room, cmd->competence_id);
	if (comp == NULL)
		return refusal_set_str(why, E(NO_SUCH_COMPETENCE),
		                       str(cmd->competence_id));
	i = find_vote(room, actor->id, comp->id);
	if (!cmd->remove) {
		if (model_dots_used(room, actor->id) >= budget)
			return refusal_set_num(why, E(NO_DOTS_LEFT),
			                       (long)budget);
		if (!room->settings.vote_stacking && i >= 0)
			return refusal_set(why, E(NO_STACKING));
	} else if (i < 0) {
		return refusal_set(why, E(NO_DOT_THERE));
	}
	model_event_begin(room, ev, actor->id);
	aandeslag__vote_cast__init(&ev->vote);
	ev->vote.participant_id = actor->id;
	/* The content outlives the room, so the id may point into it. */
	ev->vote.competence_id = comp->id;
	ev->vote.delta = cmd->remove ? -1 : 1;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_VOTE;
	ev->event.vote = &ev->vote;
	return model_apply(room, &ev->event, now);
}

static int
execute_mark(struct model_room *room, const struct model_participant *actor,
             const Aandeslag__MarkCompetence *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	const Aandeslag__ContentCompetence *comp;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	comp = competence(room, cmd->competence_id);
	if (comp == NULL)
		return refusal_set_str(why, E(NO_SUCH_COMPETENCE),
		                       str(cmd->competence_id));
	/* Marking what is already marked is not refused: two people
	 * clicking at once both mean the same thing. */
	model_event_begin(room, ev, actor->id);
	aandeslag__mark_competence__init(&ev->mark);
	ev->mark.competence_id = comp->id;
	ev->mark.marked = cmd->marked;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_MARKED;
	ev->event.marked = &ev->mark;
	return model_apply(room, &ev->event, now);
}

int
votes_execute(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_VOTE:
		return execute_vote(room, actor, cmd->vote, now, ev, why);
	case AANDESLAG__COMMAND__OP_MARK:
		return execute_mark(room, actor, cmd->mark, now, ev, why);
	default:
		return refusal_set(why, E(UNKNOWN_COMMAND));
	}
}

/* Makes room for one more vote. Returns 0 or -ENOMEM. */
static int
grow_votes(struct model_room *room)
{
	struct model_vote *grown;
	size_t cap;

	if (room->nvotes < room->votes_cap)
		return 0;
	cap = room->votes_cap ? room->votes_cap * 2 : 16;
	grown = realloc(room->votes, cap * sizeof *grown);
	if (grown == NULL)
		return -ENOMEM;
	room->votes = grown;
	room->votes_cap = cap;
	return 0;
}

static int
apply_vote(struct model_room *room, const Aandeslag__VoteCast *v)
{
	const char *cid;
	struct model_vote *vote;
	long i;

	if (v == NULL || v->competence_id == NULL ||
	    model_find(room, v->participant_id) == NULL)
		return -EPROTO;
	cid = v->competence_id;
	/* The empty competence is a hidden dot of someone else. */
	if (cid[0] != '\0' && competence(room, cid) == NULL)
		return -EPROTO;
	if (strlen(cid) > CONTENT_ID_MAX)
		return -EPROTO;
	i = find_vote(room, v->participant_id, cid);
	if (v->delta == 1) {
		if (model_dots_used(room, v->participant_id) >=
		    MODEL_VOTE_BUDGET_MAX)
			return -EPROTO;
		if (i >= 0) {
			room->votes[i].dots++;
			return 0;
		}
		if (grow_votes(room) < 0)
			return -ENOMEM;
		vote = &room->votes[room->nvotes];
		vote->participant_id = v->participant_id;
		strcpy(vote->competence_id, cid);
		vote->dots = 1;
		room->nvotes++;
		return 0;
	}
	if (v->delta == -1) {
		if (i < 0 || room->votes[i].dots == 0)
			return -EPROTO;
		if (--room->votes[i].dots == 0) {
			memmove(&room->votes[i], &room->votes[i + 1],
			        (room->nvotes - (size_t)i - 1) *
			        sizeof *room->votes);
			room->nvotes--;
		}
		return 0;
	}
	return -EPROTO;
}

static int
apply_mark(struct model_room *room, const Aandeslag__MarkCompetence *m)
{
	char (*grown)[CONTENT_ID_MAX + 1];
	long i;

	if (m == NULL || competence(room, m->competence_id) == NULL ||
	    strlen(m->competence_id) > CONTENT_ID_MAX)
		return -EPROTO;
	i = find_marked(room, m->competence_id);
	if (!m->marked) {
		if (i >= 0) {
			memmove(&room->marked[i], &room->marked[i + 1],
			        (room->nmarked - (size_t)i - 1) *
			        sizeof *room->marked);
			room->nmarked--;
		}
		return 0;
	}
	if (i >= 0)
		return 0;
	/* Marked competences are distinct and exist, so there can never be
	 * more than the content has; this also bounds the array. */
	if (room->nmarked >= competence_count(room))
		return -EPROTO;
	grown = realloc(room->marked, (room->nmarked + 1) * sizeof *grown);
	if (grown == NULL)
		return -ENOMEM;
	room->marked = grown;
	strcpy(room->marked[room->nmarked], m->competence_id);
	room->nmarked++;
	return 0;
}

int
votes_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	(void)now;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_VOTE:
		return apply_vote(room, ev->vote);
	case AANDESLAG__EVENT__CHANGE_MARKED:
		return apply_mark(room, ev->marked);
	default:
		return -EPROTO;
	}
}

int
votes_fill_reveal(const struct model_room *room, struct model_event *ev)
{
	const Aandeslag__ContentCompetence *comp;
	size_t i, n = 0;

	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
	ev->setting.n_votes = 0;
	ev->setting.votes = NULL;
	/* A server knows every dot; only a client's mirror has hidden ones,
	 * and it has nothing to reveal. */
	for (i = 0; i < room->nvotes; i++)
		if (competence(room, room->votes[i].competence_id) != NULL)
			n++;
	if (n == 0)
		return 0;
	ev->vote_list = calloc(n, sizeof *ev->vote_list);
	ev->vote_ptrs = calloc(n, sizeof *ev->vote_ptrs);
	if (ev->vote_list == NULL || ev->vote_ptrs == NULL) {
		free(ev->vote_list);
		free(ev->vote_ptrs);
		ev->vote_list = NULL;
		ev->vote_ptrs = NULL;
		return -ENOMEM;
	}
	n = 0;
	for (i = 0; i < room->nvotes; i++) {
		const struct model_vote *v = &room->votes[i];
		Aandeslag__Vote *out = &ev->vote_list[n];

		comp = competence(room, v->competence_id);
		if (comp == NULL)
			continue;
		aandeslag__vote__init(out);
		out->participant_id = v->participant_id;
		/* Into the content, not the room: applying the reveal
		 * replaces the room's votes, and the event must outlive
		 * that. */
		out->competence_id = comp->id;
		out->dots = v->dots;
		ev->vote_ptrs[n++] = out;
	}
	ev->setting.n_votes = n;
	ev->setting.votes = ev->vote_ptrs;
	return 0;
}

/* Orders votes by participant, then competence, for votes_replace(). */
static int
compare_votes(const void *a, const void *b)
{
	const struct model_vote *x = a, *y = b;

	if (x->participant_id != y->participant_id)
		return x->participant_id < y->participant_id ? -1 : 1;
	return strcmp(x->competence_id, y->competence_id);
}

int
votes_replace(struct model_room *room, Aandeslag__Vote *const *votes,
              size_t n)
{
	struct model_vote *fresh = NULL, *sorted = NULL;
	uint32_t total = 0;
	size_t i;
	int rc = -EPROTO;

	if (n > 0) {
		fresh = malloc(n * sizeof *fresh);
		sorted = malloc(n * sizeof *sorted);
		if (fresh == NULL || sorted == NULL) {
			rc = -ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		const Aandeslag__Vote *v = votes[i];

		/* Participants who left keep their dots, so the id need
		 * not be seated. */
		if (v == NULL || v->participant_id == 0 ||
		    competence(room, v->competence_id) == NULL ||
		    strlen(v->competence_id) > CONTENT_ID_MAX ||
		    v->dots < 1 || v->dots > MODEL_VOTE_BUDGET_MAX)
			goto out;
		fresh[i].participant_id = v->participant_id;
		strcpy(fresh[i].competence_id, v->competence_id);
		fresh[i].dots = v->dots;
	}
	/* Sorted, duplicates are neighbours and each participant's dots
	 * can be added up in one pass. */
	if (n > 0) {
		memcpy(sorted, fresh, n * sizeof *sorted);
		qsort(sorted, n, sizeof *sorted, compare_votes);
	}
	for (i = 0; i < n; i++) {
		if (i > 0 && sorted[i].participant_id ==
		    sorted[i - 1].participant_id) {
			if (compare_votes(&sorted[i], &sorted[i - 1]) == 0)
				goto out;
			total += sorted[i].dots;
		} else {
			total = sorted[i].dots;
		}
		if (total > MODEL_VOTE_BUDGET_MAX)
			goto out;
	}
	free(room->votes);
	room->votes = fresh;
	room->nvotes = n;
	room->votes_cap = n;
	fresh = NULL;
	rc = 0;
out:
	free(fresh);
	free(sorted);
	return rc;
}
