/* Tests for tls.c's fingerprints and the server's tlscert.c: the
 * fingerprint's text and hex forms are checked against bytes worked out by
 * hand and matched as people type them; the certificate is made once in a
 * fresh directory and kept; the administrator's own files are loaded or
 * refused; the fingerprint of a certificate's DER; and openssl, when there
 * is one, agrees on the fingerprint. Each test that needs files works in a
 * fresh directory under /tmp and removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "check.h"

#include "code.h"
#include "tls.h"
#include "tlscert.h"
#include "tls_fixture.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include <gnutls/gnutls.h>

/* The 80 bits read aloud, worked out by hand: symbols 0 to 15 and 16 to
 * 31 of the alphabet, five bits each, packed into ten bytes. */
static void
test_fp_text(void)
{
	static const uint8_t low[10] = {
		0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf
	};
	static const uint8_t high[10] = {
		0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf
	};
	uint8_t fp[TLS_FP_SIZE];
	char text[TLS_FP_TEXT_SIZE], want[TLS_FP_TEXT_SIZE];
	size_t i;

	/* The alphabet these expectations assume. */
	CHECK_STR(code_alphabet, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
	memset(fp, 0, sizeof fp);
	tls_fp_text(fp, text);
	for (i = 0; i < 19; i++)
		want[i] = i % 5 == 4 ? '-' : code_alphabet[0];
	want[19] = '\0';
	CHECK_STR(text, want);
	CHECK_STR(text, "2222-2222-2222-2222");
	memset(fp, 0xff, sizeof fp);
	tls_fp_text(fp, text);
	CHECK_STR(text, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
	memcpy(fp, low, sizeof low);
	tls_fp_text(fp, text);
	CHECK_STR(text, "2345-6789-ABCD-EFGH");
	CHECK_UINT(strlen(text), ==, TLS_FP_TEXT_SIZE - 1);
	memcpy(fp, high, sizeof high);
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYZ");
	/* Only the first 80 bits count: the eleventh byte does not, the
	 * last bit of the tenth does. */
	fp[10] ^= 0xff;
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYZ");
	fp[9] ^= 0x01;
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYY");
	/* And the first bit of the first byte. */
	memset(fp, 0, sizeof fp);
	fp[0] = 0x80;
	tls_fp_text(fp, text);
	CHECK_STR(text, "J222-2222-2222-2222");
}

static void
test_fp_hex(void)
{
	uint8_t fp[TLS_FP_SIZE], back[TLS_FP_SIZE];
	char hex[TLS_FP_HEX_SIZE], colons[3 * TLS_FP_SIZE], bad[80];
	size_t i;

	for (i = 0; i < TLS_FP_SIZE; i++)
		fp[i] = (uint8_t)(i * 8 + i);
	tls_fp_hex(fp, hex);
	CHECK_STR(hex, "0009121b242d363f48515a636c757e879099a2abb4bdc6cfd8e1"
	               "eaf3fc050e17");
	CHECK_UINT(strlen(hex), ==, TLS_FP_HEX_SIZE - 1);
	memset(back, 0, sizeof back);
	CHECK_INT(tls_fp_parse_hex(hex, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);
	memset(fp, 0xff, sizeof fp);
	tls_fp_hex(fp, hex);
	CHECK_INT(tls_fp_parse_hex(hex, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);

	/* As openssl prints it: uppercase, with colons. */
	for (i = 0; i < TLS_FP_SIZE; i++)
		fp[i] = (uint8_t)(255 - i * 7);
	for (i = 0; i < TLS_FP_SIZE; i++)
		snprintf(colons + 3 * i, sizeof colons - 3 * i, "%02X%s",
		         fp[i], i + 1 < TLS_FP_SIZE ? ":" : "");
	CHECK_UINT(strlen(colons), ==, 3 * TLS_FP_SIZE - 1);
	CHECK(strncmp(colons, "FF:F8:F1:", 9) == 0);
	memset(back, 0, sizeof back);
	CHECK_INT(tls_fp_parse_hex(colons, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);

	/* Too short, too long, odd, not hex, a colon inside a byte. */
	tls_fp_hex(fp, hex);
	snprintf(bad, sizeof bad, "%.62s", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%.63s", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s00", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s0", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s", hex);
	bad[17] = 'g';
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	bad[17] = ' ';
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "0:%s", hex + 1);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	CHECK_INT(tls_fp_parse_hex("", back), ==, -EINVAL);
	CHECK_INT(tls_fp_parse_hex(":::", back), ==, -EINVAL);
}

static void
test_fp_matches(void)
{
	static const uint8_t high[10] = {
		0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf
	};
	uint8_t fp[TLS_FP_SIZE], other[TLS_FP_SIZE];
	char hex[TLS_FP_HEX_SIZE], upper[TLS_FP_HEX_SIZE];
	size_t i;

	memset(fp, 0x5a, sizeof fp);
	memcpy(fp, high, sizeof high);
	/* "JKLM-NPQR-STUV-WXYZ", typed in the ways people type it. */
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZ", fp), ==, 1);
	CHECK_INT(tls_fp_matches("JKLMNPQRSTUVWXYZ", fp), ==, 1);
	CHECK_INT(tls_fp_matches("jklm-npqr-stuv-wxyz", fp), ==, 1);
	CHECK_INT(tls_fp_matches("jklmnpqrSTUVwxyz", fp), ==, 1);
	CHECK_INT(tls_fp_matches("JKLM NPQR STUV WXYZ", fp), ==, 1);
	/* The hex form, in either case. */
	tls_fp_hex(fp, hex);
	CHECK_INT(tls_fp_matches(hex, fp), ==, 1);
	for (i = 0; hex[i] != '\0'; i++)
		upper[i] = (char)toupper((unsigned char)hex[i]);
	upper[i] = '\0';
	CHECK_INT(tls_fp_matches(upper, fp), ==, 1);

	/* Near misses: one symbol off; the hex form of a key that differs
	 * only after the 80 bits, which the text form does not see. */
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYY", fp), ==, 0);
	CHECK_INT(tls_fp_matches("KKLM-NPQR-STUV-WXYZ", fp), ==, 0);
	memcpy(other, fp, sizeof other);
	other[TLS_FP_SIZE - 1] ^= 1;
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZ", other), ==, 1);
	CHECK_INT(tls_fp_matches(hex, other), ==, 0);

	/* Junk: neither form. */
	CHECK_INT(tls_fp_matches("", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("----", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("hallo", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZZ", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY0", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYO", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYI", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY1", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM_NPQR_STUV_WXYZ", fp), ==, -EINVAL);
	hex[63] = '\0';
	CHECK_INT(tls_fp_matches(hex, fp), ==, -EINVAL);
}

/* Reads a whole small file into out (NUL-terminated). Returns its
 * length. */
static size_t
read_file(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	CHECK(f != NULL);
	n = fread(out, 1, size - 1, f);
	CHECK(feof(f));
	fclose(f);
	out[n] = '\0';
	return n;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	fputs(text, f);
	CHECK_INT(fclose(f), ==, 0);
}

static void
test_ensure(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], tmp[PATH_SIZE];
	char key_text[4096], again[4096], err[256], lng[5000];
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	struct stat st;
	bool generated = true;

	tmp_begin();
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	CHECK_INT(stat(key, &st), ==, 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_INT(st.st_mode & 07777, ==, 0600);
	CHECK_UINT(st.st_size, >, 0);
	CHECK_INT(stat(cert, &st), ==, 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_UINT(st.st_size, >, 0);
	read_file(cert, again, sizeof again);
	CHECK_CONTAINS(again, "-----BEGIN CERTIFICATE-----");
	read_file(key, key_text, sizeof key_text);
	CHECK_CONTAINS(key_text, "PRIVATE KEY-----");
	/* No temporary file is left. */
	tmp_path(TLSCERT_KEY_FILE ".tmp", tmp);
	CHECK_INT(access(tmp, F_OK), ==, -1);
	tmp_path(TLSCERT_CERT_FILE ".tmp", tmp);
	CHECK_INT(access(tmp, F_OK), ==, -1);

	/* The second time, the pair is left alone. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 0);
	read_file(key, again, sizeof again);
	CHECK_STR(again, key_text);
	if (tlscert_load(root, NULL, NULL, &creds, fp1, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	tls_creds_free(creds);
	creds = NULL;
	if (tlscert_load(root, NULL, NULL, &creds, fp2, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	tls_creds_free(creds);
	creds = NULL;

	/* Half an identity is never completed: the key stays as it was. */
	CHECK_INT(unlink(cert), ==, 0);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, -EEXIST);
	CHECK(err[0] != '\0');
	CHECK_CONTAINS(err, TLSCERT_CERT_FILE);
	CHECK_INT(access(cert, F_OK), ==, -1);
	read_file(key, again, sizeof again);
	CHECK_STR(again, key_text);
	err[0] = '\0';
	CHECK_INT(tlscert_load(root, NULL, NULL, &creds, fp1, &generated, err,
	                       sizeof err), ==, -EEXIST);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	/* The same with only the certificate. */
	CHECK_INT(unlink(key), ==, 0);
	write_text(cert, "-----BEGIN CERTIFICATE-----\n");
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, -EEXIST);
	CHECK_CONTAINS(err, TLSCERT_KEY_FILE);
	CHECK_INT(access(key, F_OK), ==, -1);
	CHECK_INT(unlink(cert), ==, 0);

	/* With neither, a new pair: a new key. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	read_file(key, again, sizeof again);
	CHECK(strcmp(again, key_text) != 0);

	/* A directory that is not there, and a name too long for a path. */
	snprintf(tmp, sizeof tmp, "%s/nowhere", root);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(tmp, err, sizeof err), <, 0);
	CHECK(err[0] != '\0');
	memset(lng, 'a', sizeof lng - 1);
	lng[sizeof lng - 1] = '\0';
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(lng, err, sizeof err), ==, -ENAMETOOLONG);
	CHECK(err[0] != '\0');
	CHECK_INT(tlscert_path("/a", "b", tmp, sizeof tmp), ==, 0);
	CHECK_STR(tmp, "/a/b");
	CHECK_INT(tlscert_path("/a", "b", tmp, 5), ==, 0);
	CHECK_INT(tlscert_path("/a", "b", tmp, 4), ==, -ENAMETOOLONG);
	tmp_remove();
}

/* The administrator's own files are used as given, and what is not a
 * usable pair is refused with a reason. */
static void
test_creds_load(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], other[PATH_SIZE];
	char other_cert[PATH_SIZE], junk[PATH_SIZE], missing[PATH_SIZE];
	char err[512];
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	bool generated = true;

	tmp_begin();
	snprintf(other, sizeof other, "%s/other", root);
	CHECK_INT(mkdir(other, 0700), ==, 0);
	CHECK_INT(tlscert_ensure(other, err, sizeof err), ==, 1);
	CHECK_INT(tlscert_path(other, TLSCERT_CERT_FILE, cert, sizeof cert),
	          ==, 0);
	CHECK_INT(tlscert_path(other, TLSCERT_KEY_FILE, key, sizeof key),
	          ==, 0);
	/* Given files: nothing is made in the data directory. */
	if (tlscert_load(root, cert, key, &creds, fp1, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	tmp_path(TLSCERT_KEY_FILE, junk);
	CHECK_INT(access(junk, F_OK), ==, -1);
	tls_creds_free(creds);
	creds = NULL;
	if (tls_creds_load(&creds, cert, key, fp2, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	tls_creds_free(creds);
	/* Without a fingerprint wanted. */
	creds = NULL;
	CHECK_INT(tls_creds_load(&creds, cert, key, NULL, err, sizeof err),
	          ==, 0);
	CHECK(creds != NULL);
	tls_creds_free(creds);

	/* A missing file. */
	tmp_path("missing.pem", missing);
	/* A stale pointer, which a failed load must clear. */
	creds = (struct tls_creds *)&generated;
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, missing, key, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK_CONTAINS(err, "missing.pem");
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, cert, missing, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(err[0] != '\0');
	/* Not PEM. */
	tmp_path("junk.pem", junk);
	write_text(junk, "dit is geen certificaat\n");
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, junk, key, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, cert, junk, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(err[0] != '\0');
	/* A certificate with another key than its own. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, other_cert);
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, other_cert, key, fp1, err,
	                         sizeof err), ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	tmp_remove();
}

/* tls_fp_of_cert() on the certificate's DER gives what tls_creds_load()
 * reported; what is not a certificate gives -EINVAL. */
static void
test_fp_of_cert(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], pem[4096], err[256];
	gnutls_datum_t in, der = { NULL, 0 };
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	size_t len;

	tmp_begin();
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	if (tls_creds_load(&creds, cert, key, fp1, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	len = read_file(cert, pem, sizeof pem);
	in.data = (unsigned char *)pem;
	in.size = (unsigned)len;
	CHECK_INT(gnutls_pem_base64_decode2("CERTIFICATE", &in, &der), ==, 0);
	memset(fp2, 0, sizeof fp2);
	CHECK_INT(tls_fp_of_cert(der.data, der.size, fp2), ==, 0);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	/* Cut short, or not DER at all. */
	CHECK_INT(tls_fp_of_cert(der.data, der.size / 2, fp2), ==, -EINVAL);
	CHECK_INT(tls_fp_of_cert((const uint8_t *)pem, len, fp2), ==, -EINVAL);
	CHECK_INT(tls_fp_of_cert((const uint8_t *)"", 0, fp2), ==, -EINVAL);
	gnutls_free(der.data);
	tls_creds_free(creds);
	tmp_remove();
}

/* Whether name is an executable in a directory of $PATH. */
static bool
on_path(const char *name)
{
	const char *path = getenv("PATH"), *end;
	char file[1024];
	size_t n;

	while (path != NULL && *path != '\0') {
		end = strchr(path, ':');
		n = end != NULL ? (size_t)(end - path) : strlen(path);
		if (n > 0 && n < 900) {
			snprintf(file, sizeof file, "%.*s/%s", (int)n, path,
			         name);
			if (access(file, X_OK) == 0)
				return true;
		}
		path = end != NULL ? end + 1 : NULL;
	}
	return false;
}

/* openssl, which shares no code with GnuTLS, hashes the certificate's
 * public key to the same fingerprint. */
static void
test_openssl(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], cmd[512], line[256];
	char hex[TLS_FP_HEX_SIZE], err[256];
	struct tls_creds *creds = NULL;
	uint8_t fp[TLS_FP_SIZE];
	FILE *p;

	if (!on_path("openssl")) {
		printf("# openssl is not on the PATH: cross-check skipped\n");
		return;
	}
	tmp_begin();
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	if (tls_creds_load(&creds, cert, key, fp, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	tls_fp_hex(fp, hex);
	/* openssl's own digest, not sha256sum, which macOS lacks. */
	snprintf(cmd, sizeof cmd, "openssl x509 -in '%s' -pubkey -noout | "
	         "openssl pkey -pubin -outform DER | openssl dgst -sha256 -r",
	         cert);
	p = popen(cmd, "r");
	CHECK(p != NULL);
	line[0] = '\0';
	if (fgets(line, sizeof line, p) == NULL)
		line[0] = '\0';
	CHECK_INT(pclose(p), ==, 0);
	CHECK_UINT(strlen(line), >=, TLS_FP_HEX_SIZE - 1);
	line[TLS_FP_HEX_SIZE - 1] = '\0';
	CHECK_STR(line, hex);
	tls_creds_free(creds);
	tmp_remove();
}

CHECK_MAIN(CHECK_TEST(test_fp_text),
           CHECK_TEST(test_fp_hex),
           CHECK_TEST(test_fp_matches),
           CHECK_TEST(test_ensure),
           CHECK_TEST(test_creds_load),
           CHECK_TEST(test_fp_of_cert),
           CHECK_TEST(test_openssl))
