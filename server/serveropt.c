/* The server's options as a table: each name with the field it sets, the
 * kind of value it takes and the range a number must lie in. */
#include "serveropt.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <uv.h>

#include "i18n.h"
#include "number.h"

/* What an option's value is. */
enum kind {
	KIND_NUMBER,    /* a whole number in [min, max], times scale */
	KIND_SIZE,      /* a size such as 200M, 512K or 2G */
	KIND_TEXT,      /* a path: anything but empty */
	KIND_ADDRESS,   /* an IPv4 or IPv6 address, as the listener binds */
	KIND_CHOICE,    /* one of the words in choices */
	KIND_YESNO,     /* yes or no */
	KIND_ACCOUNT    /* an account name, or none */
};

/* The type of the field the option sets. */
enum field {
	FIELD_INT,
	FIELD_I64,
	FIELD_U32,
	FIELD_U64,
	FIELD_SIZE,
	FIELD_BOOL,
	FIELD_TEXT
};

struct choice {
	const char *word;
	int value;
};

struct option_def {
	const char *name;
	enum kind kind;
	enum field field;
	size_t offset;                  /* of the field in server_options */
	long long min, max;             /* KIND_NUMBER, before scale */
	long long scale;                /* KIND_NUMBER: ms a second, say */
	const struct choice *choices;   /* KIND_CHOICE, ended by NULL */
	const char *expect;             /* KIND_TEXT, KIND_CHOICE: N_() */
};

static const struct choice sync_choices[] = {
	{ "full", STORE_SYNC_FULL },
	{ "normal", STORE_SYNC_NORMAL },
	{ NULL, 0 },
};

static const struct choice tls_choices[] = {
	{ "on", SERVER_TLS_ON },
	{ "required", SERVER_TLS_REQUIRED },
	{ "off", SERVER_TLS_OFF },
	{ NULL, 0 },
};

#define AT(field) offsetof(struct server_options, field)
#define NUMBER(name, type, field, min, max, scale) \
	{ name, KIND_NUMBER, type, AT(field), min, max, scale, NULL, NULL }
#define TEXT(name, field, expect) \
	{ name, KIND_TEXT, FIELD_TEXT, AT(field), 0, 0, 1, NULL, expect }
#define CHOICE(name, field, choices, expect) \
	{ name, KIND_CHOICE, FIELD_INT, AT(field), 0, 0, 1, choices, expect }

/* In the order of the server's --help. */
static const struct option_def table[] = {
	{ "listen", KIND_ADDRESS, FIELD_TEXT, AT(listen), 0, 0, 1, NULL,
	  N_("een IPv4- of IPv6-adres van deze computer") },
	NUMBER("port", FIELD_INT, port, 0, 65535, 1),
	NUMBER("seat-grace", FIELD_I64, seat_grace_ms, 0, 7 * 24 * 3600,
	       1000),
	NUMBER("send-queue", FIELD_SIZE, send_queue_max, 1024,
	       (long long)1 << 40, 1),
	NUMBER("max-frame", FIELD_U32, max_client_frame,
	       SERVER_MIN_CLIENT_FRAME, FRAME_MAX_CLIENT, 1),
	NUMBER("max-rooms", FIELD_SIZE, max_rooms, 1, 1000000, 1),
	NUMBER("idle-timeout", FIELD_I64, idle_timeout_ms, 1, 3600, 1000),
	TEXT("content", content_path, N_("een bestand")),
	TEXT("data", data_dir, N_("een map")),
	CHOICE("sync", sync, sync_choices, N_("full of normal")),
	{ "max-db-size", KIND_SIZE, FIELD_U64, AT(max_db_bytes), 0, 0, 1,
	  NULL, NULL },
	NUMBER("retention", FIELD_I64, retention_ms, 0, 100000,
	       (long long)24 * 3600 * 1000),
	{ "ssh-account", KIND_ACCOUNT, FIELD_TEXT, AT(ssh_account), 0, 0, 1,
	  NULL, NULL },
	{ "discovery", KIND_YESNO, FIELD_BOOL, AT(discovery), 0, 0, 1, NULL,
	  NULL },
	NUMBER("join-burst", FIELD_U32, guard.burst, 1, 1000, 1),
	NUMBER("join-wait", FIELD_I64, guard.wait_ms, 1, 3600, 1000),
	NUMBER("join-wait-max", FIELD_I64, guard.wait_max_ms, 1, 24 * 3600,
	       1000),
	NUMBER("join-global", FIELD_U32, guard.global_per_minute, 0, 60000, 1),
	NUMBER("max-conns-per-address", FIELD_SIZE, max_conns_per_address, 1,
	       CONNLIMIT_MAX, 1),
	NUMBER("max-conns", FIELD_SIZE, max_conns, 1, CONNLIMIT_MAX, 1),
	NUMBER("command-rate", FIELD_U32, command_rate, 1, 1000000, 1),
	NUMBER("command-burst", FIELD_U32, command_burst,
	       SERVER_MIN_COMMAND_BURST, 1000000, 1),
	CHOICE("tls", tls, tls_choices, N_("on, required of off")),
	TEXT("tls-cert", tls_cert, N_("een bestand")),
	TEXT("tls-key", tls_key, N_("een bestand")),
	/* The limits of the rooms: 1 up to the model's ceiling, which they
	 * can only lower. */
	NUMBER("max-text", FIELD_SIZE, limits.text_max, 1, MODEL_NOTE_MAX, 1),
	NUMBER("max-name", FIELD_SIZE, limits.name_max, 1, MODEL_NAME_MAX, 1),
	NUMBER("max-notes", FIELD_SIZE, limits.notes_max, 1, MODEL_NOTES_MAX,
	       1),
	NUMBER("max-questions", FIELD_SIZE, limits.questions_max, 1,
	       MODEL_QUESTIONS_MAX, 1),
	NUMBER("max-activities", FIELD_SIZE, limits.activities_max, 1,
	       MODEL_ACTIVITIES_MAX, 1),
	NUMBER("max-actions", FIELD_SIZE, limits.actions_max, 1,
	       MODEL_ACTIONS_MAX, 1),
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

size_t
serveropt_count(void)
{
	return TABLE_SIZE;
}

const char *
serveropt_name(size_t i)
{
	return i < TABLE_SIZE ? table[i].name : NULL;
}

static const struct option_def *
find(const char *name)
{
	size_t i;

	for (i = 0; i < TABLE_SIZE; i++) {
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	}
	return NULL;
}

/* The least and the most --max-db-size: a database with its schema and
 * a room or two, and a petabyte. */
#define DB_SIZE_MIN ((uint64_t)64 * 1024)
#define DB_SIZE_MAX ((uint64_t)1 << 50)

/* Reads a size such as "200", "200M", "512K" or "2G"; a bare number is
 * in megabytes. */
static int
parse_size(const char *arg, uint64_t *out)
{
	char digits[32];
	size_t len = strlen(arg);
	uint64_t unit = 1024 * 1024;
	long long v;

	if (len == 0 || len >= sizeof digits)
		return -EINVAL;
	memcpy(digits, arg, len + 1);
	switch (digits[len - 1]) {
	case 'K': case 'k': unit = 1024; digits[--len] = '\0'; break;
	case 'M': case 'm': digits[--len] = '\0'; break;
	case 'G': case 'g': unit = 1024 * 1024 * 1024; digits[--len] = '\0'; break;
	default: break;
	}
	if (number_parse(digits, 1, (long long)(DB_SIZE_MAX / unit),
	                 &v) < 0 || (uint64_t)v * unit < DB_SIZE_MIN)
		return -EINVAL;
	*out = (uint64_t)v * unit;
	return 0;
}

/* Stores a number in the field at p of the given type. */
static void
store_number(void *p, enum field field, long long v)
{
	switch (field) {
	case FIELD_INT: *(int *)p = (int)v; break;
	case FIELD_I64: *(int64_t *)p = (int64_t)v; break;
	case FIELD_U32: *(uint32_t *)p = (uint32_t)v; break;
	case FIELD_U64: *(uint64_t *)p = (uint64_t)v; break;
	case FIELD_SIZE: *(size_t *)p = (size_t)v; break;
	case FIELD_BOOL: *(bool *)p = v != 0; break;
	case FIELD_TEXT: break;
	}
}

int
serveropt_set(struct server_options *opts, const char *name,
              const char *value)
{
	const struct option_def *d = find(name);
	void *p;
	const struct choice *c;
	long long v;
	struct sockaddr_in in4;
	struct sockaddr_in6 in6;
	uint64_t size;
	int yes;

	if (d == NULL)
		return -ENOENT;
	p = (char *)opts + d->offset;
	switch (d->kind) {
	case KIND_NUMBER:
		if (number_parse(value, d->min, d->max, &v) < 0)
			return -EINVAL;
		store_number(p, d->field, v * d->scale);
		return 0;
	case KIND_SIZE:
		if (parse_size(value, &size) < 0)
			return -EINVAL;
		*(uint64_t *)p = size;
		return 0;
	case KIND_TEXT:
		if (value[0] == '\0')
			return -EINVAL;
		*(const char **)p = value;
		return 0;
	case KIND_ADDRESS:
		if (uv_ip4_addr(value, 0, &in4) != 0 &&
		    uv_ip6_addr(value, 0, &in6) != 0)
			return -EINVAL;
		*(const char **)p = value;
		return 0;
	case KIND_CHOICE:
		for (c = d->choices; c->word != NULL; c++) {
			if (strcmp(value, c->word) == 0) {
				store_number(p, d->field, c->value);
				return 0;
			}
		}
		return -EINVAL;
	case KIND_YESNO:
		yes = number_yes_no(value);
		if (yes < 0)
			return -EINVAL;
		store_number(p, d->field, yes);
		return 0;
	case KIND_ACCOUNT:
		if (strcmp(value, "none") == 0)
			*(const char **)p = "";
		else if (sshacct_valid(value))
			*(const char **)p = value;
		else
			return -EINVAL;
		return 0;
	}
	return -EINVAL;
}

void
serveropt_expect(const char *name, char out[SERVEROPT_EXPECT_SIZE])
{
	const struct option_def *d = find(name);

	out[0] = '\0';
	if (d == NULL)
		return;
	switch (d->kind) {
	case KIND_NUMBER:
		snprintf(out, SERVEROPT_EXPECT_SIZE,
		         _("een getal van %lld tot en met %lld"), d->min, d->max);
		break;
	case KIND_SIZE:
		snprintf(out, SERVEROPT_EXPECT_SIZE, "%s",
		         _("een grootte zoals 200M, 512K of 2G (zonder letter: MB; minstens 64K)"));
		break;
	case KIND_TEXT:
	case KIND_ADDRESS:
	case KIND_CHOICE:
		snprintf(out, SERVEROPT_EXPECT_SIZE, "%s", _(d->expect));
		break;
	case KIND_YESNO:
		snprintf(out, SERVEROPT_EXPECT_SIZE, "%s", _("yes of no"));
		break;
	case KIND_ACCOUNT:
		snprintf(out, SERVEROPT_EXPECT_SIZE, "%s",
		         _("een accountnaam (a-z, 0-9, _ en -) of none"));
		break;
	}
}
