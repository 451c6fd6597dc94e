/* The method's five steps as the poster names them. */
#include "steps.h"

#include "i18n.h"

struct step {
	const char *name;
	const char *question;
	unsigned minutes;
};

static const struct step steps[STEPS_COUNT] = {
	{ N_("Betekenis"),
	  N_("Wat betekent internationalisering voor jou?"), 20 },
	{ N_("Relevantie"),
	  N_("Waarom is internationalisering relevant voor onze studenten?"), 30 },
	{ N_("Competenties"),
	  N_("Welke internationale competenties zijn relevant voor onze studenten?"), 30 },
	{ N_("Activiteiten"),
	  N_("Welke internationaliseringsactiviteiten doen we al en/of kunnen we aanbieden?"), 30 },
	{ N_("Aan de slag"),
	  N_("Wat gaan we nu doen? En wat is daarvoor nodig?"), 40 },
};

const char *
steps_name(unsigned step)
{
	return step >= 1 && step <= STEPS_COUNT ? _(steps[step - 1].name) : "?";
}

const char *
steps_question(unsigned step)
{
	return step >= 1 && step <= STEPS_COUNT ?
	       _(steps[step - 1].question) : "?";
}

unsigned
steps_minutes(unsigned step)
{
	return step >= 1 && step <= STEPS_COUNT ? steps[step - 1].minutes : 0;
}
