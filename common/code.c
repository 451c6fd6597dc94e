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

/* Reads the code's characters from what a user typed: case, spaces and
 * dashes do not matter. Returns how many there were (at most max), or
 * -EINVAL for a character outside the alphabet or more than max. */
static int
read_chars(const char *in, char *chars, size_t max)
{
	size_t n = 0;
	char c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (strchr(code_alphabet, c) == NULL || n == max)
			return -EINVAL;
		chars[n++] = c;
	}
	return (int)n;
}

int
code_half(const char *in, char out[CODE_HALF_SIZE])
{
	char chars[CODE_CHARS];
	int n = read_chars(in, chars, CODE_CHARS);

	if (n != CODE_HALF_CHARS && n != CODE_CHARS)
		return -EINVAL;
	memcpy(out, chars, CODE_HALF_CHARS);
	out[CODE_HALF_CHARS] = '\0';
	return 0;
}

int
code_normalise(const char *in, char out[CODE_SIZE])
{
	char chars[CODE_CHARS];

	if (read_chars(in, chars, CODE_CHARS) != CODE_CHARS)
		return -EINVAL;
	format(chars, out);
	return 0;
}
