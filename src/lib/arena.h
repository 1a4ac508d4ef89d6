/* A bump allocator for result sets: many small strings freed at once. */
#ifndef SLAKIT_ARENA_H
#define SLAKIT_ARENA_H

#include <stddef.h>

struct arena;

/* A new, empty arena; NULL when out of memory. */
struct arena *arena_new(void);

/* Free the arena and everything allocated from it; NULL is accepted. */
void arena_free(struct arena *a);

/* @size bytes aligned for any type; NULL when out of memory. */
void *arena_alloc(struct arena *a, size_t size);

/* A copy of @s (NULL stays NULL); sets *failed on out of memory. */
char *arena_strdup(struct arena *a, const char *s, int *failed);

/*
 * The same for a word of a small vocabulary (a channel, a category, a status):
 * equal words share one copy, so a million tickets hold a few hundred strings.
 */
const char *arena_word(struct arena *a, const char *s, int *failed);

#endif
