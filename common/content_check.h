/* The rules of a content file, checked with a line number for every fault
 * on the YAML document the server reads (content.c checks the same rules
 * on a Content message a client receives, with the primitives below). */
#ifndef AANDESLAG_CONTENT_CHECK_H
#define AANDESLAG_CONTENT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "aandeslag.pb-c.h"
#include "content.h"

#define CONTENT_CHECK_STEPS 5
#define CONTENT_CHECK_MINUTES_MAX 240
/* A version is a label such as "2026.1", shown in logs. */
#define CONTENT_CHECK_VERSION_MAX 64
/* Every id a content can hold within the limits of content.h. */
#define CONTENT_CHECK_IDS_MAX                                               \
	(CONTENT_CHECK_STEPS * CONTENT_QUESTIONS_MAX +                      \
	 CONTENT_CATEGORIES_MAX +                                           \
	 CONTENT_CATEGORIES_MAX * CONTENT_COMPETENCES_MAX +                 \
	 CONTENT_ACTIVITIES_MAX)
/* Bytes of a reason from content_check_text(). */
#define CONTENT_CHECK_WHY_SIZE 128

/* Reads the loaded document doc into m (initialised and empty), checking
 * every rule of content.h. Returns 0; -EINVAL with "filename:line: reason"
 * in err; or -ENOMEM. Whatever was read stays in m, built from malloc()ed
 * parts: the caller frees it with aandeslag__content__free_unpacked(m,
 * NULL) either way. */
int content_check_document(yaml_document_t *doc, const char *filename,
                           Aandeslag__Content *m,
                           char err[CONTENT_ERROR_SIZE]);

/* Returns NULL when s[0..len) may be a text of at most max bytes: not
 * blank, valid UTF-8, no control characters. Otherwise writes the reason
 * ("must not be empty") into why and returns why. */
const char *content_check_text(const char *s, size_t len, size_t max,
                               char why[CONTENT_CHECK_WHY_SIZE]);

/* Returns whether s[0..len) is a well-formed id: [a-z0-9-]{1,32}. */
bool content_check_id(const char *s, size_t len);

#endif
