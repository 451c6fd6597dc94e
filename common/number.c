/* Parsing whole numbers strictly: "5x", "" and "99999999999999999999" are
 * refused rather than read as something else. */
#include "number.h"

#include <errno.h>
#include <strings.h>
#include <stdlib.h>

int
number_parse(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	/* strtoll() would also take leading space and a plus sign. */
	if (!(*s >= '0' && *s <= '9') && !(s[0] == '-' && s[1] >= '0' &&
	                                   s[1] <= '9'))
		return -EINVAL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

int
number_yes_no(const char *s)
{
	static const char *const yes[] = { "yes", "ja", "on", "true", "1" };
	static const char *const no[] = { "no", "nee", "off", "false", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}
