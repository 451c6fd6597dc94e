/* Shared test fixtures: the project's own content file, loaded once per
 * test process. */
#ifndef AANDESLAG_FIXTURE_H
#define AANDESLAG_FIXTURE_H

#include "check.h"
#include "content.h"
#include "refusal.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name

/* Checks that expr was refused with -EINVAL and code, with n parameters
 * p1 and p2 (ignored beyond n). */
#define CHECK_REFUSED(expr, why, code_, n_, p1_, p2_)                       \
	do {                                                                \
		int refused_rc_ = (expr);                                   \
		CHECK_INT(refused_rc_, ==, -EINVAL);                        \
		CHECK_STR(refusal_name((why).code), refusal_name(code_));   \
		CHECK_INT((why).code, ==, (code_));                         \
		CHECK_UINT((why).nparams, ==, (n_));                        \
		if ((n_) > 0)                                               \
			CHECK_STR((why).params[0], (p1_));                  \
		if ((n_) > 1)                                               \
			CHECK_STR((why).params[1], (p2_));                  \
	} while (0)

/* A small content of the tests' own, so that tests of the rules do not
 * depend on the real data file: five competences in two categories,
 * three activities. */
#define FIXTURE_SMALL_CONTENT \
	"version: unit\n"\
	"steps:\n"\
	"  - {number: 1, name: {nl: Betekenis, en: Meaning},\n"\
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"\
	"    minutes: 20, questions: [{id: q1, nl: Vraag, en: Question}]}\n"\
	"  - {number: 2, name: {nl: Relevantie, en: Relevance},\n"\
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"\
	"    minutes: 30, questions: [{id: q2, nl: Vraag, en: Question}]}\n"\
	"  - {number: 3, name: {nl: Competenties, en: Competences},\n"\
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"\
	"    minutes: 30, questions: [{id: q3, nl: Vraag, en: Question}]}\n"\
	"  - {number: 4, name: {nl: Activiteiten, en: Activities},\n"\
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"\
	"    minutes: 30, questions: [{id: q4, nl: Vraag, en: Question}]}\n"\
	"  - {number: 5, name: {nl: Aan de slag, en: Getting started},\n"\
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"\
	"    minutes: 40, questions: [{id: q5, nl: Vraag, en: Question}]}\n"\
	"categories:\n"\
	"  - id: kennis\n"\
	"    name: {nl: Kennis, en: Knowledge}\n"\
	"    competences:\n"\
	"      - {id: talen, name: {nl: Talen, en: Languages},\n"\
	"         description: {nl: Beschrijving., en: Description.}}\n"\
	"      - {id: cultuur, name: {nl: Cultuur, en: Culture},\n"\
	"         description: {nl: Beschrijving., en: Description.}}\n"\
	"      - {id: wereld, name: {nl: Wereld, en: World},\n"\
	"         description: {nl: Beschrijving., en: Description.}}\n"\
	"  - id: houding\n"\
	"    name: {nl: Houding, en: Attitude}\n"\
	"    competences:\n"\
	"      - {id: open, name: {nl: Open, en: Open},\n"\
	"         description: {nl: Beschrijving., en: Description.}}\n"\
	"      - {id: flexibel, name: {nl: Flexibel, en: Flexible},\n"\
	"         description: {nl: Beschrijving., en: Description.}}\n"\
	"activities:\n"\
	"  - {id: stage, name: {nl: Stage, en: Internship}, place: abroad}\n"\
	"  - {id: coil, name: {nl: COIL, en: COIL}, place: home}\n"\
	"  - {id: gastles, name: {nl: Gastles, en: Guest talk}, place: home}\n"

/* Returns data/content.yaml, loaded on first use; the test fails when it
 * cannot be loaded. It stays loaded until the process ends. */
static inline const struct content *
fixture_content(void)
{
	static struct content content;
	char err[CONTENT_ERROR_SIZE];

	if (content.msg == NULL &&
	    content_load(&content, SOURCE_DIR "/data/content.yaml", err) < 0)
		CHECK_FAIL("cannot load the content: %s", err);
	return &content;
}

#endif
