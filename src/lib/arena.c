/* Bump allocation in blocks: result sets hold many small strings. */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define BLOCK 65536

struct block {
	struct block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
};

struct arena *arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t al = alignof(max_align_t);
	struct block *b = a->head;

	size = (size + al - 1) / al * al;
	if (!b || b->size - b->used < size) {
		size_t cap = size > BLOCK ? size : BLOCK;

		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->size = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	b->used += size;
	return b->data + b->used - size;
}

char *arena_strdup(struct arena *a, const char *s, int *failed)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = arena_alloc(a, n);
	if (!p) {
		*failed = 1;
		return NULL;
	}
	memcpy(p, s, n);
	return p;
}
