/* A short list of distinct ids, such as the imports behind a ticket or a report. */
#ifndef SLAKIT_ID_LIST_H
#define SLAKIT_ID_LIST_H

#include <stddef.h>
#include <stdint.h>

/* Few enough ids that a scan beats a set; zero-initialised is empty. */
struct id_list {
	int64_t *ids;
	size_t n, cap;
};

/* Add @id unless it is there already; -1 when out of memory. */
int id_list_add(struct id_list *l, int64_t id);

/* Free the ids (not @l itself) and empty it. */
void id_list_release(struct id_list *l);

#endif
