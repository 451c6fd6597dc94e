/* Reading a fuzzer's input from the front; see input.h. */
#include "input.h"

#include <string.h>

void
input_init(struct input *in, const uint8_t *data, size_t len)
{
	in->data = data;
	in->len = len;
}

bool
input_empty(const struct input *in)
{
	return in->len == 0;
}

uint8_t
input_u8(struct input *in)
{
	uint8_t b;

	if (in->len == 0)
		return 0;
	b = in->data[0];
	in->data++;
	in->len--;
	return b;
}

uint16_t
input_u16(struct input *in)
{
	uint16_t lo = input_u8(in);

	return (uint16_t)(lo | (uint16_t)input_u8(in) << 8);
}

uint32_t
input_u32(struct input *in)
{
	uint32_t lo = input_u16(in);

	return lo | (uint32_t)input_u16(in) << 16;
}

const uint8_t *
input_bytes(struct input *in, size_t want, size_t *got)
{
	const uint8_t *p = in->data;

	if (want > in->len)
		want = in->len;
	in->data += want;
	in->len -= want;
	*got = want;
	return p;
}

char *
input_str(struct input *in, char *out, size_t max)
{
	size_t want = input_u8(in), got;
	const uint8_t *p = input_bytes(in, want, &got);

	if (got > max)
		got = max;
	memcpy(out, p, got);
	out[got] = '\0';
	return out;
}
