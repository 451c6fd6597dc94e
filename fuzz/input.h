/* Reading a fuzzer's input as a small program: bytes, numbers and short
 * strings taken from the front, with zeros once the input runs out, so
 * that every input, however short, is a valid program. */
#ifndef AANDESLAG_FUZZ_INPUT_H
#define AANDESLAG_FUZZ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What is left of the input. The bytes are not owned. */
struct input {
	const uint8_t *data;
	size_t len;
};

/* Starts reading len bytes at data. */
void input_init(struct input *in, const uint8_t *data, size_t len);

/* Returns whether nothing is left. */
bool input_empty(const struct input *in);

/* Take the next byte, or 2 and 4 bytes little-endian; 0 for what is
 * missing. */
uint8_t input_u8(struct input *in);
uint16_t input_u16(struct input *in);
uint32_t input_u32(struct input *in);

/* Takes up to want bytes; *got says how many there were. Returns a
 * pointer into the input (not NUL-terminated), valid as long as it. */
const uint8_t *input_bytes(struct input *in, size_t want, size_t *got);

/* Takes a string: one length byte, then that many bytes (fewer when the
 * input ends), copied into out and NUL-terminated; bytes beyond max are
 * skipped. NUL bytes inside are kept, so the C string may be shorter.
 * out holds max + 1 bytes. Returns out. */
char *input_str(struct input *in, char *out, size_t max);

#endif
