/* A growable string buffer: renderers write into it without caring about
 * sizes, and check for a failed allocation once at the end. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
reserve(struct strbuf *sb, size_t extra)
{
	size_t cap;
	char *grown;

	if (sb->failed)
		return -1;
	if (sb->len + extra + 1 <= sb->cap)
		return 0;
	cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	grown = realloc(sb->data, cap);
	if (grown == NULL) {
		sb->failed = 1;
		return -1;
	}
	sb->data = grown;
	sb->cap = cap;
	return 0;
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t len)
{
	if (reserve(sb, len) < 0)
		return;
	memcpy(sb->data + sb->len, s, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || reserve(sb, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->data ? sb->data : "";
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = 0;
}
