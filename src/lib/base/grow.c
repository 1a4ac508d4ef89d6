/*
 * The library's one growable array and byte buffer: every list that grows
 * as rows come (ids, contract entries, holidays, CSV fields, SQL text) grows
 * here, so overflow and out-of-memory are handled once.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

int array_reserve(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		return -1;
	if (!(q = realloc(*p, n * size)))
		return -1;
	/* New slots start zeroed, so a half-filled item is always safe to free. */
	memset((char *)q + *cap * size, 0, (n - *cap) * size);
	*p = q;
	*cap = n;
	return 0;
}

int buf_add(struct buf *b, const char *s, size_t n)
{
	void *p = b->s;

	if (b->len + n + 1 < b->len || array_reserve(&p, &b->cap, b->len + n + 1, 1) < 0)
		return -1;
	b->s = p;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	void *p = b->s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || array_reserve(&p, &b->cap, b->len + (size_t)n + 1, 1) < 0) {
		va_end(again);
		return -1;
	}
	b->s = p;
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, again);
	va_end(again);
	b->len += (size_t)n;
	return 0;
}

/* json_escape()'s sink for a buffer. */
static void put_buf(void *arg, const char *s, size_t n)
{
	buf_add(arg, s, n);
}

void buf_json_str(struct buf *b, const char *s)
{
	json_escape(s, put_buf, b);
}

void buf_release(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
