/* A short list of distinct ids (id_list.h). */
#include <stdlib.h>

#include "base.h"

int id_list_add(struct id_list *l, int64_t id)
{
	/* Rows come in runs from one import: the last id added is the likely one. */
	if (l->n && l->ids[l->n - 1] == id)
		return 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->ids[i] == id)
			return 0;
	void *p = l->ids;

	if (array_reserve(&p, &l->cap, l->n + 1, sizeof(*l->ids)) < 0)
		return -1;
	l->ids = p;
	l->ids[l->n++] = id;
	return 0;
}

void id_list_release(struct id_list *l)
{
	free(l->ids);
	l->ids = NULL;
	l->n = l->cap = 0;
}
