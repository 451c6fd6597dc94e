/* Tests for refusal.c: names of every ErrorCode, texts and truncation. */
#include "check.h"

#include "refusal.h"
#include "utf8.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#define TEXT_SIZE 512

static void
test_every_code_has_name_and_text(void)
{
	const ProtobufCEnumDescriptor *d = &aandeslag__error_code__descriptor;
	char text[TEXT_SIZE];
	unsigned i;

	CHECK_UINT(d->n_values, >, 0);
	for (i = 0; i < d->n_values; i++) {
		int code = d->values[i].value;
		const char *name = refusal_name(code);

		if (name == NULL || strcmp(name, "unknown") == 0)
			CHECK_FAIL("%s (%d) has no name", d->values[i].name, code);
		refusal_text(code, NULL, 0, text, sizeof text);
		if (text[0] == '\0')
			CHECK_FAIL("%s (%d) has no text", d->values[i].name, code);
		/* Without a catalogue the text is the Dutch one, never the
		 * sentence for an unknown code. */
		if (strstr(text, "Onbekende fout") != NULL)
			CHECK_FAIL("%s (%d) renders as unknown: %s",
			           d->values[i].name, code, text);
	}
}

/* Names are the proto's names without "ERROR_", in lower case. */
static void
test_names_match_proto(void)
{
	const ProtobufCEnumDescriptor *d = &aandeslag__error_code__descriptor;
	char want[128];
	unsigned i;
	size_t k;

	for (i = 0; i < d->n_values; i++) {
		const char *proto = d->values[i].name;

		CHECK(strncmp(proto, "ERROR_", 6) == 0);
		CHECK_UINT(strlen(proto + 6), <, sizeof want);
		for (k = 0; proto[6 + k] != '\0'; k++) {
			char c = proto[6 + k];

			want[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		want[k] = '\0';
		CHECK_STR(refusal_name(d->values[i].value), want);
	}
}

static void
test_names_unique_and_plain(void)
{
	const ProtobufCEnumDescriptor *d = &aandeslag__error_code__descriptor;
	unsigned i, j;
	const char *p;

	for (i = 0; i < d->n_values; i++) {
		const char *name = refusal_name(d->values[i].value);

		CHECK(name[0] != '\0');
		for (p = name; *p != '\0'; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
				CHECK_FAIL("name \"%s\" of %s has '%c'", name,
				           d->values[i].name, *p);
		for (j = 0; j < i; j++)
			if (strcmp(name, refusal_name(d->values[j].value)) == 0)
				CHECK_FAIL("%s and %s share the name %s",
				           d->values[i].name, d->values[j].name,
				           name);
	}
}

static void
test_known_names(void)
{
	CHECK_STR(refusal_name(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL),
	          "room_full");
	CHECK_STR(refusal_name(AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED),
	          "not_allowed");
	CHECK_STR(refusal_name(AANDESLAG__ERROR_CODE__ERROR_MALFORMED_FRAME),
	          "malformed_frame");
	CHECK_STR(refusal_name(AANDESLAG__ERROR_CODE__ERROR_NONE), "none");
}

static void
test_room_full_text(void)
{
	const char *params[] = { "7" };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "7");
	CHECK_CONTAINS(text, "vol");
	CHECK(strchr(text, '{') == NULL);
	CHECK(strchr(text, '}') == NULL);
}

static void
test_two_params(void)
{
	const char *params[] = { "1", "120" };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, params, 2, text,
	             sizeof text);
	CHECK_CONTAINS(text, "tussen 1 en 120");
	CHECK(strstr(text, "{1}") == NULL);
	CHECK(strstr(text, "{2}") == NULL);
}

/* What there are too many of travels in English and reads in Dutch; a
 * word this version does not know comes through as it is. */
static void
test_too_many_text(void)
{
	const char *findings[] = { "findings", "3" };
	const char *owners[] = { "owners", "8" };
	const char *other[] = { "gadgets", "2" };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_TOO_MANY, findings, 2, text,
	             sizeof text);
	CHECK_STR(text, "Er kunnen niet meer bevindingen bij (hoogstens 3).");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_TOO_MANY, owners, 2, text,
	             sizeof text);
	CHECK_STR(text, "Er kunnen niet meer eigenaren bij (hoogstens 8).");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_TOO_MANY, other, 2, text,
	             sizeof text);
	CHECK_STR(text, "Er kunnen niet meer gadgets bij (hoogstens 2).");
	/* Only TOO_MANY's first parameter is a counted word. */
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, findings, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "findings");
}

static void
test_missing_params(void)
{
	const char *one[] = { "3" };
	const char *with_null[] = { NULL, NULL };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, NULL, 0, text,
	             sizeof text);
	CHECK_CONTAINS(text, "tussen ? en ?");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, one, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "tussen 3 en ?");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, with_null, 2,
	             text, sizeof text);
	CHECK_CONTAINS(text, "tussen ? en ?");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, NULL, 0, text,
	             sizeof text);
	CHECK_CONTAINS(text, "hoogstens ? deelnemers");
}

/* A refusal from the wire: NULLs read as empty, too many parameters are
 * dropped, a long one is cut. */
static void
test_params_from_wire(void)
{
	char long_param[300];
	char *params[REFUSAL_PARAMS + 2];
	struct refusal why;
	size_t i;

	memset(long_param, 'x', sizeof long_param - 1);
	long_param[sizeof long_param - 1] = '\0';
	for (i = 0; i < REFUSAL_PARAMS + 2; i++)
		params[i] = (char *)"p";
	params[0] = NULL;
	params[1] = long_param;
	CHECK_INT(refusal_set_params(&why, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
	                             params, REFUSAL_PARAMS + 2), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
	CHECK_UINT(why.nparams, ==, REFUSAL_PARAMS);
	CHECK_STR(why.params[0], "");
	CHECK_UINT(strlen(why.params[1]), ==, sizeof why.params[1] - 1);
	CHECK_INT(refusal_set_params(&why, AANDESLAG__ERROR_CODE__ERROR_VERSION,
	                             NULL, 0), ==, -EINVAL);
	CHECK_UINT(why.nparams, ==, 0);
}

/* A parameter is text, never a format: braces and percent signs in it
 * come out as they are. */
static void
test_params_are_not_formats(void)
{
	const char *params[] = { "%s%n{1}{2}" };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, params, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "\"%s%n{1}{2}\"");
}

/* Not allowed says whose it is: the chair's, or the facilitator's. */
static void
test_not_allowed_says_whose(void)
{
	const char *chair[] = { "chair" }, *facilitator[] = { "facilitator" };
	char text[TEXT_SIZE];

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED, chair, 1, text,
	             sizeof text);
	CHECK_STR(text, "Dat mag alleen de voorzitter.");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED, facilitator, 1,
	             text, sizeof text);
	CHECK_STR(text, "Dat mag alleen de begeleider van de studiedag.");
}

static void
test_unknown_code(void)
{
	const char *params[] = { "x", "y" };
	char text[TEXT_SIZE];

	CHECK_STR(refusal_name(999), "unknown");
	CHECK_STR(refusal_name(-1), "unknown");
	CHECK_STR(refusal_name(19), "unknown");
	refusal_text(999, NULL, 0, text, sizeof text);
	CHECK_CONTAINS(text, "999");
	/* The number is the code's, not a parameter's. */
	refusal_text(999, params, 2, text, sizeof text);
	CHECK_CONTAINS(text, "999");
	refusal_text(-2147483647 - 1, NULL, 0, text, sizeof text);
	CHECK_CONTAINS(text, "-2147483648");
}

/* Renders into a heap block of exactly size bytes, so that ASan and
 * valgrind see any write past it, and checks the result is the start of
 * the full sentence. */
static void
check_cut(int code, const char *const *params, size_t nparams, size_t size)
{
	char full[TEXT_SIZE], *out;
	size_t len;

	refusal_text(code, params, nparams, full, sizeof full);
	out = malloc(size ? size : 1);
	CHECK(out != NULL);
	memset(out, 'Z', size ? size : 1);
	refusal_text(code, params, nparams, out, size);
	if (size == 0) {
		/* Nothing is written at all. */
		CHECK(out[0] == 'Z');
		free(out);
		return;
	}
	len = strnlen(out, size);
	if (len >= size)
		CHECK_FAIL("code %d size %zu: not terminated", code, size);
	CHECK_UINT(len, ==, size - 1 < strlen(full) ? size - 1 : strlen(full));
	CHECK(strncmp(out, full, len) == 0);
	free(out);
}

static void
test_truncation(void)
{
	const char *params[] = { "7", "12345678901234567890" };
	char small[8];
	size_t size;

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, small, 1);
	CHECK_STR(small, "");
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, small, 5);
	CHECK_UINT(strlen(small), ==, 4);
	CHECK_STR(small, "Deze");
	for (size = 0; size < 200; size++) {
		check_cut(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, size);
		check_cut(AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, params, 2, size);
		check_cut(AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, params + 1, 1,
		          size);
		check_cut(999, NULL, 0, size);
	}
}

/* A cut in the middle of a parameter keeps what fits of it. */
static void
test_truncation_inside_param(void)
{
	const char *params[] = { "Annemarie" };
	char text[TEXT_SIZE], *cut;
	const char *at;
	size_t start;

	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, params, 1, text,
	             sizeof text);
	at = strstr(text, "Annemarie");
	CHECK(at != NULL);
	start = (size_t)(at - text);
	cut = malloc(start + 5);
	CHECK(cut != NULL);
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, params, 1, cut,
	             start + 5);
	CHECK_UINT(strlen(cut), ==, start + 4);
	CHECK_STR(cut + start, "Anne");
	free(cut);
}

static void
test_set(void)
{
	struct refusal r;

	memset(&r, 0x55, sizeof r);
	CHECK_INT(refusal_set(&r, AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT), ==,
	          -EINVAL);
	CHECK_INT(r.code, ==, AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT);
	CHECK_UINT(r.nparams, ==, 0);

	CHECK_INT(refusal_set_num(&r, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, 7),
	          ==, -EINVAL);
	CHECK_INT(r.code, ==, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
	CHECK_UINT(r.nparams, ==, 1);
	CHECK_STR(r.params[0], "7");

	CHECK_INT(refusal_set_num(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, -5),
	          ==, -EINVAL);
	CHECK_UINT(r.nparams, ==, 1);
	CHECK_STR(r.params[0], "-5");

	CHECK_INT(refusal_set_num2(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES,
	                           1, 120), ==, -EINVAL);
	CHECK_INT(r.code, ==, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES);
	CHECK_UINT(r.nparams, ==, 2);
	CHECK_STR(r.params[0], "1");
	CHECK_STR(r.params[1], "120");

	CHECK_INT(refusal_set_str(&r, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN,
	                          "Anna"), ==, -EINVAL);
	CHECK_INT(r.code, ==, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN);
	CHECK_UINT(r.nparams, ==, 1);
	CHECK_STR(r.params[0], "Anna");

	/* Setting without parameters forgets the earlier ones. */
	refusal_set_num2(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, 2);
	refusal_set(&r, AANDESLAG__ERROR_CODE__ERROR_CLOCK_RUNNING);
	CHECK_UINT(r.nparams, ==, 0);
}

static void
test_set_extreme_numbers(void)
{
	struct refusal r;
	char lo[32], hi[32];

	snprintf(lo, sizeof lo, "%ld", LONG_MIN);
	snprintf(hi, sizeof hi, "%ld", LONG_MAX);
	refusal_set_num2(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES,
	                 LONG_MIN, LONG_MAX);
	CHECK_UINT(r.nparams, ==, 2);
	CHECK_STR(r.params[0], lo);
	CHECK_STR(r.params[1], hi);
	refusal_set_num(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, LONG_MIN);
	CHECK_STR(r.params[0], lo);
}

static void
test_set_str_cuts(void)
{
	struct refusal r;
	char longer[REFUSAL_PARAM_SIZE * 3];

	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	CHECK_INT(refusal_set_str(&r, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN,
	                          longer), ==, -EINVAL);
	CHECK_UINT(r.nparams, ==, 1);
	CHECK_UINT(strlen(r.params[0]), ==, REFUSAL_PARAM_SIZE - 1);
	CHECK(strncmp(r.params[0], longer, REFUSAL_PARAM_SIZE - 1) == 0);

	/* Exactly what fits is kept whole. */
	longer[REFUSAL_PARAM_SIZE - 1] = '\0';
	refusal_set_str(&r, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, longer);
	CHECK_STR(r.params[0], longer);
	refusal_set_str(&r, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, "");
	CHECK_UINT(r.nparams, ==, 1);
	CHECK_STR(r.params[0], "");
}

/* A parameter goes on the wire as a protobuf string, which must be UTF-8:
 * cutting a long name must not split a character. The name here is 64
 * bytes of "\u00e9", as long as a name may be (MODEL_NAME_MAX), so this is
 * what model_join() reports for a taken name of that length. */
static void
test_set_str_cuts_at_character(void)
{
	struct refusal r;
	char name[65];
	size_t i, len;

	for (i = 0; i < 64; i += 2)
		memcpy(name + i, "\xc3\xa9", 2);
	name[64] = '\0';
	CHECK_INT(utf8_check(name, 64), ==, 0);
	refusal_set_str(&r, AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, name);
	len = strlen(r.params[0]);
	CHECK_UINT(len, <, REFUSAL_PARAM_SIZE);
	if (utf8_check(r.params[0], len) != 0)
		CHECK_FAIL("a name of 64 bytes of 2-byte characters was cut "
		           "to %zu bytes, ending in byte 0x%02x: not UTF-8", len,
		           len ? (unsigned char)r.params[0][len - 1] : 0);
	CHECK(strncmp(r.params[0], name, len) == 0);
}

static void
test_describe(void)
{
	struct refusal r;
	char text[TEXT_SIZE];

	refusal_set_num(&r, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, 7);
	refusal_describe(&r, text, sizeof text);
	CHECK_CONTAINS(text, "hoogstens 7 deelnemers");
	refusal_set_num2(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, 117);
	refusal_describe(&r, text, sizeof text);
	CHECK_CONTAINS(text, "tussen 1 en 117");
	refusal_set(&r, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES);
	refusal_describe(&r, text, sizeof text);
	CHECK_CONTAINS(text, "tussen ? en ?");
}

CHECK_MAIN(CHECK_TEST(test_every_code_has_name_and_text),
           CHECK_TEST(test_names_match_proto),
           CHECK_TEST(test_names_unique_and_plain),
           CHECK_TEST(test_known_names),
           CHECK_TEST(test_room_full_text),
           CHECK_TEST(test_two_params),
           CHECK_TEST(test_too_many_text),
           CHECK_TEST(test_missing_params),
           CHECK_TEST(test_params_are_not_formats),
           CHECK_TEST(test_params_from_wire),
           CHECK_TEST(test_not_allowed_says_whose),
           CHECK_TEST(test_unknown_code),
           CHECK_TEST(test_truncation),
           CHECK_TEST(test_truncation_inside_param),
           CHECK_TEST(test_set),
           CHECK_TEST(test_set_extreme_numbers),
           CHECK_TEST(test_set_str_cuts),
           CHECK_TEST(test_set_str_cuts_at_character),
           CHECK_TEST(test_describe))
