/* A strict JSON validator (the RFC 8259 grammar) for the tests of the
 * JSON exports: json_value() returns the end of the value at s, or NULL;
 * check_json() fails the test unless a text is exactly one object. */
#ifndef AANDESLAG_JSON_CHECK_H
#define AANDESLAG_JSON_CHECK_H

#include <string.h>

#include "check.h"

static inline const char *json_value(const char *s, int depth);

static inline const char *
json_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

static inline const char *
json_string(const char *s)
{
	int i;

	if (*s++ != '"')
		return NULL;
	for (;;) {
		unsigned char c = (unsigned char)*s;

		if (c == '\0' || c < 0x20)
			return NULL;
		if (c == '"')
			return s + 1;
		if (c == '\\') {
			s++;
			if (*s == 'u') {
				for (i = 1; i <= 4; i++)
					if (strchr("0123456789abcdefABCDEF",
					           s[i]) == NULL || s[i] == '\0')
						return NULL;
				s += 5;
				continue;
			}
			if (*s == '\0' || strchr("\"\\/bfnrt", *s) == NULL)
				return NULL;
		}
		s++;
	}
}

static inline const char *
json_number(const char *s)
{
	const char *start;

	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return NULL;
	if (*s == '.') {
		start = ++s;
		while (*s >= '0' && *s <= '9')
			s++;
		if (s == start)
			return NULL;
	}
	return s;
}

static inline const char *
json_members(const char *s, char close, int depth)
{
	s = json_space(s);
	if (*s == close)
		return s + 1;
	for (;;) {
		if (close == '}') {
			s = json_string(json_space(s));
			if (s == NULL)
				return NULL;
			s = json_space(s);
			if (*s++ != ':')
				return NULL;
		}
		s = json_value(s, depth + 1);
		if (s == NULL)
			return NULL;
		s = json_space(s);
		if (*s == close)
			return s + 1;
		if (*s++ != ',')
			return NULL;
	}
}

static inline const char *
json_value(const char *s, int depth)
{
	if (depth > 32)
		return NULL;
	s = json_space(s);
	switch (*s) {
	case '{':
		return json_members(s + 1, '}', depth);
	case '[':
		return json_members(s + 1, ']', depth);
	case '"':
		return json_string(s);
	case 't':
		return strncmp(s, "true", 4) == 0 ? s + 4 : NULL;
	case 'f':
		return strncmp(s, "false", 5) == 0 ? s + 5 : NULL;
	case 'n':
		return strncmp(s, "null", 4) == 0 ? s + 4 : NULL;
	default:
		return json_number(s);
	}
}

/* Checks that json is exactly one object and nothing but whitespace. */
static inline void
check_json(const char *json)
{
	const char *end;

	CHECK(json_space(json)[0] == '{');
	end = json_value(json, 0);
	if (end == NULL || *json_space(end) != '\0')
		CHECK_FAIL("not valid JSON:\n%s", json);
}

#endif
