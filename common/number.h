/* Whole numbers typed by people: option values and command arguments. */
#ifndef AANDESLAG_NUMBER_H
#define AANDESLAG_NUMBER_H

/* Parses all of s as a decimal whole number in [min, max] into *out.
 * Returns 0, or -EINVAL for anything else (empty, trailing characters,
 * out of range); *out is then unchanged. */
int number_parse(const char *s, long long min, long long max,
                 long long *out);

#endif
