/* Writing JSON strings: one escaping rule for every JSON output. */
#ifndef SLAKIT_JSON_H
#define SLAKIT_JSON_H

#include <stdio.h>

/* Write @s (NULL: empty) as a JSON string, quotes and control bytes escaped. */
void sk_json_string(FILE *fp, const char *s);

#endif
