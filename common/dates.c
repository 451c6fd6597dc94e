/* Dates as the poster holds them: a day "YYYY-MM-DD" or a month "YYYY-MM",
 * checked to be real, for actions and the follow-up meeting. */
#include "dates.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

/* Reads exactly n digits at s; returns the number, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
dates_check_month(const char *s)
{
	int year, month;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -EINVAL;
	year = digits(s, 4);
	month = digits(s + 5, 2);
	if (year < 2000 || year > 2199 || month < 1 || month > 12)
		return -EINVAL;
	return 0;
}

int
dates_check_day(const char *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	                              30, 31 };
	int year, month, day;
	bool leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -EINVAL;
	year = digits(s, 4);
	month = digits(s + 5, 2);
	day = digits(s + 8, 2);
	if (year < 2000 || year > 2199 || month < 1 || month > 12 || day < 1 ||
	    day > days[month - 1])
		return -EINVAL;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (month == 2 && day == 29 && !leap)
		return -EINVAL;
	return 0;
}
