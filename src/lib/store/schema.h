/* The schema's migration steps (private to libslakit). */
#ifndef SK_SCHEMA_H
#define SK_SCHEMA_H

/*
 * The SQL statements (NULL-terminated) that bring a database from version
 * @from to @from + 1, or NULL when there is no such step.
 */
const char *const *schema_step(int from);

#endif
