/* Text into JSON and CSV: one escaping rule each, for every output. */
#ifndef SLAKIT_ESCAPE_H
#define SLAKIT_ESCAPE_H

#include <stdio.h>

/* Write @s (NULL: empty) as a JSON string, quotes and control bytes escaped. */
void sk_json_string(FILE *fp, const char *s);

/*
 * Write @s (NULL: empty) as one CSV field: quoted when it holds a comma, a
 * quote or a line break; text starting with = + - @ is quoted and gets a
 * leading apostrophe, so a spreadsheet never reads it as a formula.
 */
void sk_csv_field(FILE *fp, const char *s);

#endif
