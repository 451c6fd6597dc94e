/* Reading a small YAML file that a person wrote by hand (the
 * facilitator's workshop plan): the file loaded with libyaml as one
 * document, and the checks every such file needs, each reporting
 * "path:line: reason" in the user's language so the writer can find
 * and mend the line. */
#ifndef AANDESLAG_YAMLFILE_H
#define AANDESLAG_YAMLFILE_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

/* Bytes of an error message "path:line: reason". */
#define YAMLFILE_ERROR_SIZE 512
/* Bytes of a value as yamlfile_shown() shows it. */
#define YAMLFILE_SHOWN_SIZE 64
/* Bytes of a reason from yamlfile_copy_text(). */
#define YAMLFILE_WHY_SIZE 160
/* The most keys a mapping's key table may have. */
#define YAMLFILE_KEYS_MAX 8
/* The largest file read: a hand-written file is a few pages. */
#define YAMLFILE_SIZE_MAX ((size_t)1 << 20)

struct yamlfile {
	yaml_document_t doc;
	const char *path;        /* as given to yamlfile_load(), not owned */
	char *err;               /* the caller's, YAMLFILE_ERROR_SIZE bytes */
	/* Where in the file the reader is ("groep 2"), put before every
	 * reason; see yamlfile_place(). */
	char place[64];
	bool loaded;
};

/* A key of a mapping: its name, and whether it may be left out. */
struct yamlfile_key {
	const char *name;
	bool optional;
};

/* Reads the file at path and loads its one YAML document into yf. path
 * and err must outlive yf: later messages use them. Returns 0 (release
 * with yamlfile_close()); -EINVAL with "path:line: reason" in err for a
 * file that cannot be read, is larger than YAMLFILE_SIZE_MAX, is not
 * UTF-8, is not YAML, is empty or holds more than one document; or
 * -ENOMEM (err says so). On failure yf holds nothing, and
 * yamlfile_close() on it is harmless. */
int yamlfile_load(struct yamlfile *yf, const char *path,
                  char err[YAMLFILE_ERROR_SIZE]);

/* Frees the document and empties yf. */
void yamlfile_close(struct yamlfile *yf);

/* Returns the document's root node (never NULL after a load), or the
 * node a mapping pair or a sequence item refers to. Owned by yf. */
yaml_node_t *yamlfile_root(struct yamlfile *yf);
yaml_node_t *yamlfile_node(struct yamlfile *yf, int index);

/* Returns the line of n in the file, counting from 1. */
size_t yamlfile_line(const yaml_node_t *n);

/* Writes "path:line of at: place: reason" into the error and returns
 * -EINVAL, for `return yamlfile_fail(...)`. */
int yamlfile_fail(struct yamlfile *yf, const yaml_node_t *at,
                  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends to the place put before reasons (", " between parts) and
 * returns the mark that yamlfile_unplace() takes to remove it again. */
size_t yamlfile_place(struct yamlfile *yf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void yamlfile_unplace(struct yamlfile *yf, size_t mark);

/* Shows n for a message: a scalar in quotes, cut to a safe length and
 * with control characters as '?' (the message goes to a terminal), or
 * what kind of value it is ("een lijst"). Returns buf or a static text. */
const char *yamlfile_shown(const yaml_node_t *n,
                           char buf[YAMLFILE_SHOWN_SIZE]);

/* Returns whether n is a key's absent value ("key:" with nothing after
 * it, read by libyaml as an empty plain scalar). */
bool yamlfile_is_nothing(const yaml_node_t *n);

/* Collects the pairs of the mapping map by the key table keys (ended by
 * a NULL name, at most YAMLFILE_KEYS_MAX): key[i] and value[i] are the
 * nodes of keys[i], or NULL for an optional key that is left out or has
 * nothing after it. what names the mapping in messages ("een groep").
 * Returns 0, or -EINVAL (with the reason in the error) for a value that
 * is no mapping, an unknown key (a typo must not silently lose a
 * setting), a key given twice and a missing required key. */
int yamlfile_pairs(struct yamlfile *yf, yaml_node_t *map, const char *what,
                   const struct yamlfile_key *keys,
                   yaml_node_t *key[YAMLFILE_KEYS_MAX],
                   yaml_node_t *value[YAMLFILE_KEYS_MAX]);

/* Returns the plain decimal whole number n holds (no quotes, sign,
 * leading zero, octal or hex; anything above 10^8 as 10^8 or more), or
 * -1 when it holds none. */
long yamlfile_number(const yaml_node_t *n);

/* Returns a hint to put after a message about a number that n should
 * hold: why a quoted number is not one, or "" for anything else. */
const char *yamlfile_number_hint(const yaml_node_t *n);

/* Checks s[0..len) as a text of at most max bytes: not blank, one line
 * of UTF-8 without control characters. Copies it, without the white
 * space around it, into out (max + 1 bytes) and returns NULL; or writes
 * the reason into why and returns why (out is then unchanged). */
const char *yamlfile_copy_text(const char *s, size_t len, size_t max,
                               char *out, char why[YAMLFILE_WHY_SIZE]);

/* Reads the text value of key (a scalar, as yamlfile_pairs() gives)
 * into out (max + 1 bytes), as yamlfile_copy_text() does; value NULL
 * (left out) leaves out as it is. Returns 0, or -EINVAL (reported at
 * key's line) for a value that is no text or breaks a rule of
 * yamlfile_copy_text(). */
int yamlfile_text(struct yamlfile *yf, const yaml_node_t *key,
                  const yaml_node_t *value, size_t max, char *out);

#endif
