/* A growable NUL-terminated string buffer for the renderers. */
#ifndef AANDESLAG_STRBUF_H
#define AANDESLAG_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;     /* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
	int failed;     /* set when an allocation failed; data stays valid */
};

/* Appends len bytes of s. On allocation failure sets sb->failed and keeps
 * what was there; renderers check failed once at the end. */
void strbuf_add(struct strbuf *sb, const char *s, size_t len);

/* Appends a NUL-terminated string. */
void strbuf_puts(struct strbuf *sb, const char *s);

/* Appends formatted text; fmt must be a literal. */
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Returns the text so far, "" when empty; owned by sb. */
const char *strbuf_str(const struct strbuf *sb);

/* Frees the buffer and empties sb. */
void strbuf_free(struct strbuf *sb);

#endif
