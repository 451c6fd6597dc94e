/* UTF-8 checks for every text that arrives from the network or a user. */
#ifndef AANDESLAG_UTF8_H
#define AANDESLAG_UTF8_H

#include <stddef.h>

/* Returns 0 when s[0..len) is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF, no NUL), -EILSEQ otherwise. */
int utf8_check(const char *s, size_t len);

/* Like utf8_check(), and also refuses control characters (C0, DEL and
 * C1): texts on the poster are single lines. Returns 0 or -EILSEQ. */
int utf8_check_line(const char *s, size_t len);

/* Returns the number of code points in a well-formed string. */
size_t utf8_length(const char *s, size_t len);

/* Returns the byte length of s without leading and trailing ASCII white
 * space, and sets *start to the first byte that is not white space. */
size_t utf8_trim(const char *s, size_t len, size_t *start);

#endif
