/* Values typed by people in options, config files and command arguments:
 * whole numbers, and yes or no. */
#ifndef AANDESLAG_NUMBER_H
#define AANDESLAG_NUMBER_H

/* Parses all of s as a decimal whole number in [min, max] into *out.
 * Returns 0, or -EINVAL for anything else (empty, trailing characters,
 * out of range); *out is then unchanged. */
int number_parse(const char *s, long long min, long long max,
                 long long *out);

/* Reads a yes or no as people write it in a config file or a variable:
 * yes/ja/on/true/1 or no/nee/off/false/0, in any case. Returns 1, 0, or
 * -1 for anything else. */
int number_yes_no(const char *s);

#endif
