/* Discovery datagrams, the reply bucket and broadcast addresses: the pure
 * half of finding a server on the LAN (see discwire.h). */
#include "discwire.h"

#include <errno.h>
#include <string.h>

#include "aandeslag.pb-c.h"
#include "wire.h"

/* Opens a query and a reply: different, so that a reply sent (by a forged
 * source address) to another server's port is never taken for a query,
 * and two servers cannot be made to answer each other forever. */
static const uint8_t query_magic[DISCWIRE_MAGIC_SIZE] = "AANDSLG?";
static const uint8_t reply_magic[DISCWIRE_MAGIC_SIZE] = "AANDSLG!";

/* Writes magic and the 2-byte length of the packed message. */
static void
put_header(uint8_t *out, const uint8_t *magic, size_t len)
{
	memcpy(out, magic, DISCWIRE_MAGIC_SIZE);
	out[DISCWIRE_MAGIC_SIZE] = (uint8_t)(len >> 8);
	out[DISCWIRE_MAGIC_SIZE + 1] = (uint8_t)len;
}

/* Checks the magic and the length; returns the packed message's length,
 * or -EINVAL. */
static int
get_header(const uint8_t *data, size_t len, const uint8_t *magic)
{
	size_t n;

	if (len < DISCWIRE_HEADER_SIZE || len > DISCWIRE_DATAGRAM_MAX ||
	    memcmp(data, magic, DISCWIRE_MAGIC_SIZE) != 0)
		return -EINVAL;
	n = (size_t)data[DISCWIRE_MAGIC_SIZE] << 8 | data[DISCWIRE_MAGIC_SIZE + 1];
	if (n > len - DISCWIRE_HEADER_SIZE)
		return -EINVAL;
	return (int)n;
}

/* Copies src into dst of size bytes, cut at a UTF-8 character boundary. */
static void
copy_cut(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Copies text from the network, replacing control bytes with '?'. */
static void
copy_printable(char *dst, const char *src, size_t size)
{
	size_t i;

	copy_cut(dst, src, size);
	for (i = 0; dst[i] != '\0'; i++)
		if ((unsigned char)dst[i] < 0x20 || dst[i] == 0x7f)
			dst[i] = '?';
}

int
discwire_query_build(const struct discwire_query *q, uint8_t *out,
                     size_t size)
{
	Aandeslag__DiscoveryQuery m = AANDESLAG__DISCOVERY_QUERY__INIT;
	char half[CODE_HALF_SIZE] = "";
	size_t n;

	/* Only the first half goes on the air: a broadcast reaches every
	 * laptop in the room, students' too, and half a code leaves the
	 * other 20 bits to guess past the join guard. */
	if (q->code[0] != '\0' && code_half(q->code, half) < 0)
		return -EINVAL;
	m.protocol_version = q->protocol_version;
	m.code = half;
	m.nonce = q->nonce;
	n = aandeslag__discovery_query__get_packed_size(&m);
	if (size < DISCWIRE_QUERY_SIZE ||
	    n > DISCWIRE_QUERY_SIZE - DISCWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	memset(out, 0, DISCWIRE_QUERY_SIZE);
	put_header(out, query_magic, n);
	aandeslag__discovery_query__pack(&m, out + DISCWIRE_HEADER_SIZE);
	return DISCWIRE_QUERY_SIZE;
}

int
discwire_query_parse(const uint8_t *data, size_t len,
                     struct discwire_query *q)
{
	Aandeslag__DiscoveryQuery *m;
	struct wire_alloc a;
	char half[CODE_HALF_SIZE];
	int n, rc = 0;

	if (len < DISCWIRE_QUERY_SIZE)
		return -EINVAL;
	n = get_header(data, len, query_magic);
	if (n < 0)
		return -EINVAL;
	wire_alloc_init(&a, (size_t)n);
	m = aandeslag__discovery_query__unpack(&a.base, (size_t)n,
	                                       data + DISCWIRE_HEADER_SIZE);
	if (m == NULL)
		return -EINVAL;
	if (m->protocol_version == 0)
		rc = -EINVAL;
	else if (m->code[0] == '\0')
		half[0] = '\0';
	else if (code_half(m->code, half) < 0)
		rc = -EINVAL;         /* an older client sends the whole code */
	if (rc == 0) {
		q->protocol_version = m->protocol_version;
		memcpy(q->code, half, sizeof half);
		q->nonce = m->nonce;
	}
	aandeslag__discovery_query__free_unpacked(m, &a.base);
	return rc;
}

int
discwire_reply_build(const struct discwire_reply *r, uint8_t *out,
                     size_t size)
{
	Aandeslag__DiscoveryReply m = AANDESLAG__DISCOVERY_REPLY__INIT;
	char name[DISCWIRE_NAME_SIZE], version[DISCWIRE_VERSION_SIZE];
	size_t n;

	if (r->port < 1 || r->port > 65535)
		return -EINVAL;
	copy_cut(name, r->name, sizeof name);
	copy_cut(version, r->version, sizeof version);
	m.protocol_version = r->protocol_version;
	m.port = (uint32_t)r->port;
	m.name = name;
	m.version = version;
	m.holds_code = r->holds_code;
	m.nonce = r->nonce;
	n = aandeslag__discovery_reply__get_packed_size(&m);
	if (size < DISCWIRE_REPLY_MAX ||
	    n > DISCWIRE_REPLY_MAX - DISCWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	put_header(out, reply_magic, n);
	aandeslag__discovery_reply__pack(&m, out + DISCWIRE_HEADER_SIZE);
	return (int)(DISCWIRE_HEADER_SIZE + n);
}

int
discwire_reply_parse(const uint8_t *data, size_t len,
                     struct discwire_reply *r)
{
	Aandeslag__DiscoveryReply *m;
	struct wire_alloc a;
	int n, rc = 0;

	n = get_header(data, len, reply_magic);
	if (n < 0)
		return -EINVAL;
	wire_alloc_init(&a, (size_t)n);
	m = aandeslag__discovery_reply__unpack(&a.base, (size_t)n,
	                                       data + DISCWIRE_HEADER_SIZE);
	if (m == NULL)
		return -EINVAL;
	if (m->port < 1 || m->port > 65535 || m->protocol_version == 0) {
		rc = -EINVAL;
	} else {
		r->protocol_version = m->protocol_version;
		r->port = (int)m->port;
		copy_printable(r->name, m->name, sizeof r->name);
		copy_printable(r->version, m->version, sizeof r->version);
		r->holds_code = m->holds_code;
		r->nonce = m->nonce;
	}
	aandeslag__discovery_reply__free_unpacked(m, &a.base);
	return rc;
}

void
discwire_bucket_init(struct discwire_bucket *b, int64_t now_ms)
{
	b->last_ms = now_ms;
	b->millitokens = (int64_t)DISCWIRE_RATE * 1000;
}

bool
discwire_bucket_take(struct discwire_bucket *b, int64_t now_ms)
{
	int64_t full = (int64_t)DISCWIRE_RATE * 1000;

	if (now_ms > b->last_ms) {
		/* A token per 1000/RATE ms: RATE thousandths per ms. Capped
		 * before multiplying, so a long sleep cannot overflow. */
		int64_t elapsed = now_ms - b->last_ms;

		if (elapsed > 1000)
			elapsed = 1000;
		b->millitokens += elapsed * DISCWIRE_RATE;
		if (b->millitokens > full)
			b->millitokens = full;
		b->last_ms = now_ms;
	}
	if (b->millitokens < 1000)
		return false;
	b->millitokens -= 1000;
	return true;
}

int
discwire_broadcast(const struct sockaddr_in *addr,
                   const struct sockaddr_in *mask, struct sockaddr_in *out)
{
	uint32_t a, m;

	if (addr->sin_family != AF_INET)
		return -EINVAL;
	a = ntohl(addr->sin_addr.s_addr);
	m = ntohl(mask->sin_addr.s_addr);
	/* /31 and /32 have no broadcast address; a mask of 0 would make
	 * 255.255.255.255 of anything. */
	if (m == 0 || (~m & 0xffffffffu) < 3)
		return -EINVAL;
	memset(out, 0, sizeof *out);
	out->sin_family = AF_INET;
	out->sin_addr.s_addr = htonl(a | ~m);
	return 0;
}
