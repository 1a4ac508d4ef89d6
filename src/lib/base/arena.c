/* Bump allocation in blocks: result sets hold many small strings. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

#define BLOCK 65536

/* Slots of the table of words (a power of two); at most half are used, so a
 * probe always ends, and past that many distinct words they are copied. A
 * search looks at WORD_PROBES slots at the most. */
#define WORD_SLOTS 4096
#define WORD_PROBES 32

struct block {
	struct block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
	const char **words;  /* arena_word(): open addressing, NULL: free slot */
	size_t n_words;
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
	free(a->words);
	free(a);
}

/* @size bytes at a multiple of @al (a power of two) from the block's start. */
static void *bump(struct arena *a, size_t size, size_t al)
{
	struct block *b = a->head;
	size_t at = b ? (b->used + al - 1) & ~(al - 1) : 0;

	if (!b || at > b->size || b->size - at < size) {
		size_t cap = size > BLOCK ? size : BLOCK;

		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->size = cap;
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	b->used = at + size;
	return b->data + at;
}

void *arena_alloc(struct arena *a, size_t size)
{
	return bump(a, size, alignof(max_align_t));
}

/* Strings need no alignment: packed, a million short ones take half the room. */
static char *copy(struct arena *a, const char *s, size_t n, int *failed)
{
	char *p = bump(a, n + 1, 1);

	if (!p) {
		*failed = 1;
		return NULL;
	}
	memcpy(p, s, n + 1);
	return p;
}

char *arena_strdup(struct arena *a, const char *s, int *failed)
{
	return s ? copy(a, s, strlen(s), failed) : NULL;
}

const char *arena_word(struct arena *a, const char *s, int *failed)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	size_t n, i, probes;
	char *p;

	if (!s)
		return NULL;
	for (n = 0; s[n]; n++)
		h = (h ^ (unsigned char)s[n]) * 16777619u;
	if (!a->words && !(a->words = calloc(WORD_SLOTS, sizeof(*a->words))))
		return copy(a, s, n, failed);
	/* A run of colliding words (an export could be made of them) ends the
	 * search early: past it a word is copied, never looked for longer. */
	for (i = h & (WORD_SLOTS - 1), probes = 0; a->words[i]; i = (i + 1) & (WORD_SLOTS - 1)) {
		if (strcmp(a->words[i], s) == 0)
			return a->words[i];
		if (++probes == WORD_PROBES)
			return copy(a, s, n, failed);
	}
	p = copy(a, s, n, failed);
	if (p && a->n_words < WORD_SLOTS / 2) {
		a->words[i] = p;
		a->n_words++;
	}
	return p;
}
