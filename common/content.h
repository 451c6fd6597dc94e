/* The method's content: the five steps with their cards and resources,
 * the competence model and the activity map. Read from a YAML file by the
 * server, sent to clients as a Content message, and identified by a hash
 * of its packed form so a client that has it need not receive it again. */
#ifndef AANDESLAG_CONTENT_H
#define AANDESLAG_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"

/* Bytes of a hash: 16 hex digits and a NUL. */
#define CONTENT_HASH_SIZE 17
/* Bytes of an error message "file:line: reason". */
#define CONTENT_ERROR_SIZE 512
/* Limits a content file must keep. */
#define CONTENT_ID_MAX 32          /* bytes of an id: [a-z0-9-] */
#define CONTENT_TEXT_MAX 1000      /* bytes of one text */
#define CONTENT_QUESTIONS_MAX 20   /* per step */
#define CONTENT_RESOURCES_MAX 20   /* per step */
#define CONTENT_CATEGORIES_MAX 10
#define CONTENT_COMPETENCES_MAX 30 /* per category */
#define CONTENT_ACTIVITIES_MAX 200

struct content {
	Aandeslag__Content *msg;   /* owned; freed by content_free() */
	uint8_t *packed;           /* the canonical packed form, owned */
	size_t packed_len;
	char hash[CONTENT_HASH_SIZE];
};

/* Parses a content file's text (YAML; see data/content.yaml) and checks
 * it: five steps numbered 1..5 in order, every text in Dutch and English,
 * ids unique and well-formed, every limit above kept. filename is used in
 * messages only. On success fills c (release with content_free()) and
 * returns 0; otherwise returns -EINVAL with "filename:line: reason" in
 * err (or -ENOMEM), and c holds nothing. */
int content_parse(struct content *c, const char *text, size_t len,
                  const char *filename, char err[CONTENT_ERROR_SIZE]);

/* Reads and parses the file at path. Returns 0, or -EINVAL with the
 * reason in err (also when the file cannot be read: "path: reason"), or
 * -ENOMEM. */
int content_load(struct content *c, const char *path,
                 char err[CONTENT_ERROR_SIZE]);

/* Makes c a checked copy of a received Content message (the client's
 * side). Returns 0, -EPROTO when it breaks the rules content_parse()
 * checks, or -ENOMEM. */
int content_from_wire(struct content *c, const Aandeslag__Content *msg);

/* Frees what c holds and empties it. */
void content_free(struct content *c);

/* Chooses the language of content_text(): "en" for English, anything else
 * for Dutch (the default). */
void content_set_language(const char *lang);

/* Returns the text in the chosen language, falling back to Dutch when the
 * English is empty; "" for NULL. Owned by the content. */
const char *content_text(const Aandeslag__Text *t);

/* Returns step n (1..5), or NULL. */
const Aandeslag__ContentStep *content_step(const struct content *c,
                                           unsigned n);

/* Returns the competence with id, or NULL; with category not NULL also
 * sets *category to its category. */
const Aandeslag__ContentCompetence *content_competence(
	const struct content *c, const char *id,
	const Aandeslag__ContentCategory **category);

/* Returns the catalogue activity with id, or NULL. */
const Aandeslag__ContentActivity *content_activity(const struct content *c,
                                                   const char *id);

/* Returns the card question with id, or NULL; with step not NULL also
 * sets *step to the number of its step. */
const Aandeslag__ContentQuestion *content_question(const struct content *c,
                                                   const char *id,
                                                   unsigned *step);

#endif
