/* Dates as the poster holds them: days and months, checked to be real. */
#ifndef AANDESLAG_DATES_H
#define AANDESLAG_DATES_H

/* Returns 0 when s is a real date "YYYY-MM-DD" (years 2000..2199), or
 * -EINVAL. */
int dates_check_day(const char *s);

/* Returns 0 when s is a month "YYYY-MM" (years 2000..2199), or -EINVAL. */
int dates_check_month(const char *s);

#endif
