/* Room codes: 40 random bits shown as two halves of four characters. */
#include "code.h"

#include <errno.h>
#include <string.h>

const char code_alphabet[33] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

static void
format(const char chars[CODE_CHARS], char out[CODE_SIZE])
{
	memcpy(out, chars, CODE_CHARS / 2);
	out[CODE_CHARS / 2] = '-';
	memcpy(out + CODE_CHARS / 2 + 1, chars + CODE_CHARS / 2,
	       CODE_CHARS / 2);
	out[CODE_SIZE - 1] = '\0';
}

void
code_from_random(const uint8_t random[CODE_CHARS], char out[CODE_SIZE])
{
	char chars[CODE_CHARS];
	size_t i;

	/* 256 is a multiple of 32, so taking the low five bits is uniform. */
	for (i = 0; i < CODE_CHARS; i++)
		chars[i] = code_alphabet[random[i] & 31];
	format(chars, out);
}

int
code_normalise(const char *in, char out[CODE_SIZE])
{
	char chars[CODE_CHARS];
	size_t n = 0;
	char c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == '\0' || strchr(code_alphabet, c) == NULL)
			return -EINVAL;
		if (n == CODE_CHARS)
			return -EINVAL;
		chars[n++] = c;
	}
	if (n != CODE_CHARS)
		return -EINVAL;
	format(chars, out);
	return 0;
}
