/* Checks for the tests of the HTML exports: what a text looks like
 * escaped, whether a page is well formed (as far as the renderer's own
 * markup goes), and cutting parts out of a page. */
#ifndef AANDESLAG_HTML_CHECK_H
#define AANDESLAG_HTML_CHECK_H

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "strbuf.h"

/* Escapes s as the page must show it, into a buffer the caller frees. */
static inline char *
escaped(const char *s)
{
	struct strbuf b = { 0 };

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': strbuf_puts(&b, "&amp;"); break;
		case '<': strbuf_puts(&b, "&lt;"); break;
		case '>': strbuf_puts(&b, "&gt;"); break;
		case '"': strbuf_puts(&b, "&quot;"); break;
		case '\'': strbuf_puts(&b, "&#39;"); break;
		default: strbuf_add(&b, s, 1); break;
		}
	}
	CHECK(!b.failed);
	return b.data != NULL ? b.data : strdup("");
}

/* Checks that html holds s, escaped. */
static inline void
check_shows(const char *html, const char *s)
{
	char *e = escaped(s);

	CHECK_CONTAINS(html, e);
	free(e);
}

/* Counts the occurrences of needle in haystack. */
static inline size_t
count(const char *haystack, const char *needle)
{
	size_t n = 0;

	while ((haystack = strstr(haystack, needle)) != NULL) {
		n++;
		haystack += strlen(needle);
	}
	return n;
}

/* Counts the '"' between p and end. */
static inline size_t
count_quotes(const char *p, const char *end)
{
	size_t n = 0;

	for (; p < end; p++)
		n += *p == '"';
	return n;
}

static inline bool
is_void(const char *name, size_t len)
{
	return (len == 4 && strncmp(name, "meta", 4) == 0) ||
	       (len == 2 && strncmp(name, "br", 2) == 0);
}

/* Checks the basics of well-formed HTML: every '<' opens a tag or the
 * doctype, every element but the void ones is closed in order, every
 * '&' starts one of the entities the renderer writes, and attribute
 * values are quoted. */
static inline void
check_well_formed(const char *html)
{
	static const char *const entities[] = { "&amp;", "&lt;", "&gt;",
	                                        "&quot;", "&#39;" };
	const char *stack[64], *p = html, *name, *end;
	size_t lens[64], depth = 0, len, i;
	bool closing, known;

	CHECK(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	p += 16;
	for (; *p != '\0'; p++) {
		if (*p == '&') {
			for (i = 0, known = false; i < 5; i++)
				known = known || strncmp(p, entities[i],
				                         strlen(entities[i])) == 0;
			if (!known)
				CHECK_FAIL("a bare '&' at: %.40s", p);
			continue;
		}
		if (*p == '>')
			CHECK_FAIL("a bare '>' at: %.40s", p);
		if (*p != '<')
			continue;
		closing = p[1] == '/';
		name = p + 1 + closing;
		for (len = 0; islower((unsigned char)name[len]) ||
		     isdigit((unsigned char)name[len]); len++)
			;
		if (len == 0)
			CHECK_FAIL("a bare '<' at: %.40s", p);
		end = strchr(name, '>');
		CHECK(end != NULL);
		/* Attributes: name="value", no '<' inside the tag. */
		CHECK(memchr(name, '<', (size_t)(end - name)) == NULL);
		CHECK_UINT(count_quotes(name, end) % 2, ==, 0);
		if (closing) {
			if (depth == 0 || lens[depth - 1] != len ||
			    strncmp(stack[depth - 1], name, len) != 0)
				CHECK_FAIL("</%.*s> closes %.*s", (int)len, name,
				           depth ? (int)lens[depth - 1] : 4,
				           depth ? stack[depth - 1] : "none");
			depth--;
		} else if (!is_void(name, len)) {
			CHECK_UINT(depth, <, 64);
			stack[depth] = name;
			lens[depth++] = len;
		}
		p = end;
	}
	CHECK_UINT(depth, ==, 0);
}

/* Returns a copy of the part of html from the first from up to the next
 * to (both there); the caller frees it. */
static inline char *
between(const char *html, const char *from, const char *to)
{
	const char *a = strstr(html, from), *b;
	char *part;

	if (a == NULL)
		CHECK_FAIL("no \"%s\" in:\n%s", from, html);
	b = strstr(a, to);
	if (b == NULL)
		CHECK_FAIL("no \"%s\" after \"%s\"", to, from);
	part = strndup(a, (size_t)(b - a));
	CHECK(part != NULL);
	return part;
}

#endif
