/* Finding the SSH account that aandeslag-ssh-setup made, by the comment
 * it gives the account: the server needs no setting for it, and an
 * account of somebody else's is never taken for it. */
#include "sshacct.h"

#include <errno.h>
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

int
sshacct_valid(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n < SSHACCT_NAME_SIZE && name[0] != '-' &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

int
sshacct_fingerprint(const char *path, char out[SSHACCT_FINGERPRINT_SIZE])
{
	unsigned char blob[1024], hash[crypto_hash_sha256_BYTES];
	char line[2048], *key, *end;
	size_t n;
	FILE *f = fopen(path, "r");
	int rc = 0;

	if (f == NULL)
		return -errno;
	if (fgets(line, sizeof line, f) == NULL)
		rc = ferror(f) ? -EIO : -EINVAL;
	fclose(f);
	if (rc < 0)
		return rc;
	key = strchr(line, ' ');
	if (key == NULL)
		return -EINVAL;
	key++;
	end = key + strcspn(key, " \r\n");
	if (sodium_base642bin(blob, sizeof blob, key, (size_t)(end - key),
	                      NULL, &n, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0 || n == 0)
		return -EINVAL;
	crypto_hash_sha256(hash, blob, n);
	memcpy(out, "SHA256:", 7);
	sodium_bin2base64(out + 7, SSHACCT_FINGERPRINT_SIZE - 7, hash,
	                  sizeof hash, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	return 0;
}

int
sshacct_find(char name[SSHACCT_NAME_SIZE])
{
	const struct passwd *pw;
	int rc = -ENOENT;

	setpwent();
	while ((pw = getpwent()) != NULL) {
		if (pw->pw_gecos != NULL &&
		    strstr(pw->pw_gecos, SSHACCT_MARKER) != NULL &&
		    sshacct_valid(pw->pw_name)) {
			strcpy(name, pw->pw_name);
			rc = 0;
			break;
		}
	}
	endpwent();
	return rc;
}
