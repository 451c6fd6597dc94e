/* Tests that the fixed-forever handshake of the protocol keeps its fields. */
#include "check.h"

#include "aandeslag.pb-c.h"
#include "wire.h"

#include <stdint.h>

/* Checks that desc has a field name with number id and type, not repeated,
 * and for messages that it holds sub. */
static void
check_field(const ProtobufCMessageDescriptor *desc, const char *name,
            unsigned id, ProtobufCType type,
            const ProtobufCMessageDescriptor *sub)
{
	const ProtobufCFieldDescriptor *f;

	f = protobuf_c_message_descriptor_get_field_by_name(desc, name);
	if (f == NULL)
		CHECK_FAIL("%s has no field %s", desc->name, name);
	if (f->id != id)
		CHECK_FAIL("%s.%s is field %u, must be %u", desc->name, name,
		           f->id, id);
	if (f->type != type)
		CHECK_FAIL("%s.%s has type %d, must be %d", desc->name, name,
		           (int)f->type, (int)type);
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		CHECK_FAIL("%s.%s is repeated", desc->name, name);
	if (sub != NULL && f->descriptor != sub)
		CHECK_FAIL("%s.%s holds %s, must hold %s", desc->name, name,
		           f->descriptor ?
		           ((const ProtobufCMessageDescriptor *)f->descriptor)->name :
		           "nothing", sub->name);
	/* The number finds the same field. */
	CHECK(protobuf_c_message_descriptor_get_field(desc, id) == f);
}

static void
test_envelope_handshake_fields(void)
{
	const ProtobufCMessageDescriptor *d = &aandeslag__envelope__descriptor;

	CHECK_STR(d->name, "aandeslag.Envelope");
	CHECK_STR(d->package_name, "aandeslag");
	check_field(d, "hello", 1, PROTOBUF_C_TYPE_MESSAGE,
	            &aandeslag__hello__descriptor);
	check_field(d, "welcome", 2, PROTOBUF_C_TYPE_MESSAGE,
	            &aandeslag__welcome__descriptor);
	check_field(d, "version_refused", 3, PROTOBUF_C_TYPE_MESSAGE,
	            &aandeslag__version_refused__descriptor);
	/* All three are in the one oneof of the envelope. */
	CHECK(protobuf_c_message_descriptor_get_field(d, 1)->flags &
	      PROTOBUF_C_FIELD_FLAG_ONEOF);
	CHECK(protobuf_c_message_descriptor_get_field(d, 2)->flags &
	      PROTOBUF_C_FIELD_FLAG_ONEOF);
	CHECK(protobuf_c_message_descriptor_get_field(d, 3)->flags &
	      PROTOBUF_C_FIELD_FLAG_ONEOF);
	CHECK_INT(AANDESLAG__ENVELOPE__BODY_HELLO, ==, 1);
	CHECK_INT(AANDESLAG__ENVELOPE__BODY_WELCOME, ==, 2);
	CHECK_INT(AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED, ==, 3);
}

static void
test_hello_fields(void)
{
	const ProtobufCMessageDescriptor *d = &aandeslag__hello__descriptor;

	CHECK_STR(d->name, "aandeslag.Hello");
	CHECK_UINT(d->n_fields, ==, 3);
	check_field(d, "min_version", 1, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "max_version", 2, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "software", 3, PROTOBUF_C_TYPE_STRING, NULL);
}

static void
test_welcome_fields(void)
{
	const ProtobufCMessageDescriptor *d = &aandeslag__welcome__descriptor;

	CHECK_STR(d->name, "aandeslag.Welcome");
	/* Fields may be added after the first four; these never change. */
	CHECK_UINT(d->n_fields, ==, 8);
	check_field(d, "version", 1, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "software", 2, PROTOBUF_C_TYPE_STRING, NULL);
	check_field(d, "max_client_frame", 3, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "max_server_frame", 4, PROTOBUF_C_TYPE_UINT32, NULL);
	/* A list: checked by hand, check_field() wants single fields. */
	CHECK_UINT(protobuf_c_message_descriptor_get_field_by_name(d,
	           "addresses")->id, ==, 5);
	CHECK_INT(protobuf_c_message_descriptor_get_field_by_name(d,
	          "addresses")->label, ==, PROTOBUF_C_LABEL_REPEATED);
	check_field(d, "idle_timeout_ms", 6, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "ssh_account", 7, PROTOBUF_C_TYPE_STRING, NULL);
	check_field(d, "ssh_fingerprint", 8, PROTOBUF_C_TYPE_STRING, NULL);
}

static void
test_version_refused_fields(void)
{
	const ProtobufCMessageDescriptor *d =
		&aandeslag__version_refused__descriptor;

	CHECK_STR(d->name, "aandeslag.VersionRefused");
	CHECK_UINT(d->n_fields, ==, 3);
	check_field(d, "min_version", 1, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "max_version", 2, PROTOBUF_C_TYPE_UINT32, NULL);
	check_field(d, "software", 3, PROTOBUF_C_TYPE_STRING, NULL);
}

/* The bytes a Hello makes, as any old or new peer must read them. */
static void
test_hello_bytes(void)
{
	static const uint8_t want[] = {
		0x0a, 0x0e,             /* Envelope.hello, 14 bytes */
		0x08, 0x01,             /* min_version 1 */
		0x10, 0x02,             /* max_version 2 */
		0x1a, 0x08, 'a', 'a', 'n', 'd', 'e', 's', 'l', 'a',
	};
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;
	uint8_t got[sizeof want];

	hello.min_version = 1;
	hello.max_version = 2;
	hello.software = (char *)"aandesla";
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	CHECK_UINT(aandeslag__envelope__get_packed_size(&env), ==, sizeof want);
	CHECK_UINT(aandeslag__envelope__pack(&env, got), ==, sizeof want);
	CHECK(memcmp(got, want, sizeof want) == 0);
}

/* The bytes of a Welcome and a VersionRefused, read back. */
static void
test_welcome_refused_bytes(void)
{
	static const uint8_t welcome[] = {
		0x12, 0x0a,             /* Envelope.welcome, 10 bytes */
		0x08, 0x01,             /* version 1 */
		0x12, 0x01, 's',        /* software "s" */
		0x18, 0x80, 0x01,       /* max_client_frame 128 */
		0x20, 0x02,             /* max_server_frame 2 */
	};
	static const uint8_t refused[] = {
		0x1a, 0x07,             /* Envelope.version_refused, 7 bytes */
		0x08, 0x03,             /* min_version 3 */
		0x10, 0x04,             /* max_version 4 */
		0x1a, 0x01, 'v',        /* software "v" */
	};
	Aandeslag__Envelope *env;

	env = aandeslag__envelope__unpack(NULL, sizeof welcome, welcome);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_WELCOME);
	CHECK_UINT(env->welcome->version, ==, 1);
	CHECK_STR(env->welcome->software, "s");
	CHECK_UINT(env->welcome->max_client_frame, ==, 128);
	CHECK_UINT(env->welcome->max_server_frame, ==, 2);
	aandeslag__envelope__free_unpacked(env, NULL);

	env = aandeslag__envelope__unpack(NULL, sizeof refused, refused);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED);
	CHECK_UINT(env->version_refused->min_version, ==, 3);
	CHECK_UINT(env->version_refused->max_version, ==, 4);
	CHECK_STR(env->version_refused->software, "v");
	aandeslag__envelope__free_unpacked(env, NULL);
}

static void
test_wire_versions(void)
{
	CHECK_UINT(WIRE_VERSION_MIN, ==, 1);
	CHECK_UINT(WIRE_VERSION_MAX, >=, WIRE_VERSION_MIN);
}

/* Checks that the ErrorCode named name has the number value. */
static void
check_code(const char *name, int value)
{
	const ProtobufCEnumValue *v;

	v = protobuf_c_enum_descriptor_get_value_by_name(
		&aandeslag__error_code__descriptor, name);
	if (v == NULL)
		CHECK_FAIL("ErrorCode has no %s", name);
	if (v->value != value)
		CHECK_FAIL("ErrorCode %s is %d, must be %d", name, v->value,
		           value);
	v = protobuf_c_enum_descriptor_get_value(
		&aandeslag__error_code__descriptor, value);
	CHECK(v != NULL);
	CHECK_STR(v->name, name);
}

static void
test_error_codes_stable(void)
{
	CHECK_STR(aandeslag__error_code__descriptor.name,
	          "aandeslag.ErrorCode");
	check_code("ERROR_NONE", 0);
	check_code("ERROR_MALFORMED_FRAME", 1);
	check_code("ERROR_ROOM_FULL", 21);
	check_code("ERROR_NOT_ALLOWED", 40);
	CHECK_INT(AANDESLAG__ERROR_CODE__ERROR_MALFORMED_FRAME, ==, 1);
	CHECK_INT(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, ==, 21);
	CHECK_INT(AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED, ==, 40);
}

CHECK_MAIN(CHECK_TEST(test_envelope_handshake_fields),
           CHECK_TEST(test_hello_fields),
           CHECK_TEST(test_welcome_fields),
           CHECK_TEST(test_version_refused_fields),
           CHECK_TEST(test_hello_bytes),
           CHECK_TEST(test_welcome_refused_bytes),
           CHECK_TEST(test_wire_versions),
           CHECK_TEST(test_error_codes_stable))
