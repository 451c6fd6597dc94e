/* UTF-8 validation: a strict decoder after RFC 3629, so that nothing a
 * peer sends can smuggle overlong forms, surrogates or control characters
 * onto the poster. */
#include "utf8.h"

#include <errno.h>
#include <stdint.h>

/* Decodes one code point at s; returns its byte length, or 0 when the
 * sequence is not well-formed. */
static size_t
decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

static int
check(const char *str, size_t len, int line)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		n = decode(s + off, len - off, &cp);
		if (n == 0 || cp == 0)
			return -EILSEQ;
		if (line && (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)))
			return -EILSEQ;
		off += n;
	}
	return 0;
}

int
utf8_check(const char *s, size_t len)
{
	return check(s, len, 0);
}

int
utf8_check_line(const char *s, size_t len)
{
	return check(s, len, 1);
}

size_t
utf8_length(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

size_t
utf8_trim(const char *s, size_t len, size_t *start)
{
	size_t a = 0, b = len;

	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	*start = a;
	return b - a;
}
