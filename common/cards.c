/* The question cards. Every step has its card from the content, used in
 * any order; anyone adds a question of their own, as the method invites,
 * and the chair puts one question on the table for everyone to see. */
#include "cards.h"

#include <errno.h>
#include <string.h>

static int
execute_question(struct model_room *room,
                 const struct model_participant *actor,
                 const Aandeslag__AddQuestion *cmd, int64_t now,
                 struct model_event *ev, struct refusal *why)
{
	uint32_t step = cmd->step ? cmd->step : room->current_step;
	int rc;

	if (step > STEPS_COUNT)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_STEP,
		                       (long)step);
	rc = model_text_refusal(model_clean_text(cmd->text,
	                                         room->limits.text_max, ev->text),
	                        room->limits.text_max, why);
	if (rc < 0)
		return rc;
	if (room->questions.n >= room->limits.questions_max)
		return refusal_set_too_many(why, "questions",
		                            (long)room->limits.questions_max);
	model_event_begin(room, ev, actor->id);
	aandeslag__card_question__init(&ev->question);
	ev->question.id = room->next_question_id;
	ev->question.step = step;
	ev->question.author_id = actor->id;
	ev->question.author_name = actor->name;
	ev->question.text = ev->text;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_QUESTION_ADDED;
	ev->event.question_added = &ev->question;
	return model_apply(room, &ev->event, now);
}

/* Finds the step of a question on the table; 0 when there is none. */
static uint32_t
table_step(const struct model_room *room, const char *content_id,
           uint32_t own_id)
{
	const Aandeslag__CardQuestion *q;
	unsigned step = 0;

	if (content_id != NULL && content_id[0] != '\0') {
		if (content_question(room->content, content_id, &step) == NULL)
			return 0;
		return step;
	}
	q = (const Aandeslag__CardQuestion *)items_find(&room->questions,
	                                                own_id);
	return q ? q->step : 0;
}

static int
execute_table(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__PutOnTable *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	bool by_content = cmd->content_id != NULL && cmd->content_id[0] != '\0';
	uint32_t step = 0;

	if (by_content || cmd->own_id != 0) {
		step = table_step(room, cmd->content_id, cmd->own_id);
		if (step == 0) {
			if (by_content)
				return refusal_set_str(why,
				        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_QUESTION,
				        cmd->content_id);
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_QUESTION,
			        (long)cmd->own_id);
		}
	}
	model_event_begin(room, ev, actor->id);
	aandeslag__table_question__init(&ev->table);
	ev->table.step = step;
	if (by_content)
		ev->table.content_id = cmd->content_id;
	else
		ev->table.own_id = cmd->own_id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_TABLE;
	ev->event.table = &ev->table;
	return model_apply(room, &ev->event, now);
}

int
cards_execute(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	if (cmd->op_case == AANDESLAG__COMMAND__OP_ADD_QUESTION)
		return execute_question(room, actor, cmd->add_question, now, ev,
		                        why);
	return execute_table(room, actor, cmd->table, now, ev, why);
}

static int
apply_question(struct model_room *room, const Aandeslag__CardQuestion *q)
{
	int rc;

	if (q == NULL || q->id == 0 || q->id < room->next_question_id ||
	    q->id == UINT32_MAX || q->step < 1 || q->step > STEPS_COUNT ||
	    room->questions.n >= MODEL_QUESTIONS_MAX ||
	    !model_valid_text(q->text, MODEL_NOTE_MAX, false) ||
	    !model_valid_text(q->author_name, MODEL_NAME_MAX, true))
		return -EPROTO;
	rc = items_add(&room->questions, q->id, &q->base);
	if (rc < 0)
		return rc;
	room->next_question_id = q->id + 1;
	return 0;
}

static int
apply_table(struct model_room *room, const Aandeslag__TableQuestion *t)
{
	bool by_content;

	if (t == NULL)
		return -EPROTO;
	by_content = t->content_id != NULL && t->content_id[0] != '\0';
	if (by_content && t->own_id != 0)
		return -EPROTO;
	if (!by_content && t->own_id == 0) {
		if (t->step != 0)
			return -EPROTO;
		memset(&room->table, 0, sizeof room->table);
		return 0;
	}
	if (t->step == 0 ||
	    table_step(room, t->content_id, t->own_id) != t->step ||
	    (by_content && strlen(t->content_id) > CONTENT_ID_MAX))
		return -EPROTO;
	memset(&room->table, 0, sizeof room->table);
	room->table.step = t->step;
	if (by_content)
		strcpy(room->table.content_id, t->content_id);
	room->table.own_id = t->own_id;
	return 0;
}

int
cards_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	(void)now;
	if (ev->change_case == AANDESLAG__EVENT__CHANGE_QUESTION_ADDED)
		return apply_question(room, ev->question_added);
	return apply_table(room, ev->table);
}
