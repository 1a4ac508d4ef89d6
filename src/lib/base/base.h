/*
 * base: what every other folder of the library may use (src/lib/README).
 *
 * The arena, the one growable array, the one CSV and JSON writer, the
 * text escape for terminals, SHA-256 and the feed of verdicts between two
 * threads. Nothing here knows about contracts, tickets or SQL.
 * Not public API: these names carry no sk_ prefix.
 */
#ifndef SLAKIT_BASE_H
#define SLAKIT_BASE_H

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "slakit/error.h"

/* --- error.c: the diagnostic of a failure --- */

/*
 * Return @err with @d filled with that code's own text ("out of memory")
 * unless it already holds @err: for a public function whose helpers return a
 * bare code, so every error return fills the diagnostic. NULL @d is accepted.
 */
enum sk_err diag_ensure(struct sk_diag *d, enum sk_err err);

/* --- arena.c: a bump allocator for many small strings freed at once --- */

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

/* --- id_list.c: a short list of distinct ids (the imports behind a ticket) --- */

/* Few enough ids that a scan beats a set; zero-initialised is empty. */
struct id_list {
	int64_t *ids;
	size_t n, cap;
};

/* Add @id unless it is there already; -1 when out of memory. */
int id_list_add(struct id_list *l, int64_t id);

/* Free the ids (not @l itself) and empty it. */
void id_list_release(struct id_list *l);

/* --- grow.c: the one growable array and byte buffer --- */

/*
 * Make room for @need elements of @size bytes in the array *@p of capacity
 * *@cap: the capacity doubles, new slots are zeroed. 0, or -1 when out of
 * memory or too large (*@p and *@cap unchanged then).
 */
int array_reserve(void **p, size_t *cap, size_t need, size_t size);

/* A growable byte string, always NUL-terminated once written; zero-initialised is empty. */
struct buf {
	char *s;
	size_t len, cap;
};

/* Append @n bytes of @s; -1 when out of memory. */
int buf_add(struct buf *b, const char *s, size_t n);

/* Append printf's text of @fmt; -1 when out of memory. */
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Append @s as a JSON string (json_escape()). */
void buf_json_str(struct buf *b, const char *s);

/* Free the bytes (not @b itself) and empty it. */
void buf_release(struct buf *b);

/* --- escape.c: one rule for each output's escaping --- */

/*
 * @s (NULL: empty) as a JSON string, quotes, backslashes, control bytes and
 * DEL escaped, handed to @put in pieces: the one JSON escaper.
 */
void json_escape(const char *s, void (*put)(void *arg, const char *p, size_t n), void *arg);

/* Write @s as a JSON string to @fp (json_escape()). */
void json_write_string(FILE *fp, const char *s);

/*
 * Write @s (NULL: empty) as one CSV field separated by @delim: quoted when it
 * holds the delimiter, a quote, a line break or a blank at either end; text
 * starting with = + - @ TAB or CR gets a leading apostrophe inside quotes, so
 * a spreadsheet never evaluates it.
 */
void csv_write_field(FILE *fp, const char *s, char delim);

/* --- sha256.c: SHA-256 through nettle --- */

/* A running hash; sha256_init() starts it, sha256_final_hex() or sha256_release() ends it. */
struct sha256 {
	void *ctx;                    /* SHA256_CTX, NULL once released */
};

/* Start a hash; -1 when out of memory. */
int sha256_init(struct sha256 *s);

/* Add @n bytes. */
void sha256_update(struct sha256 *s, const void *data, size_t n);

/* Finish, write 64 lowercase hex digits and a NUL into @hex, release. */
void sha256_final_hex(struct sha256 *s, char hex[65]);

/* Release an unfinished hash; a released or zeroed one is accepted. */
void sha256_release(struct sha256 *s);

/* The hash of the whole file @path. */
enum sk_err sha256_file(const char *path, char hex[65], struct sk_diag *d);

/* --- input_file.c: a file read whole, only when it is a regular one --- */

/*
 * Open @path for reading when it is a regular file of at most @max_bytes;
 * a directory, pipe or device, or a larger file, is refused with @bad and
 * "... not @what" (say "a contract file"). The caller still bounds what it
 * reads, since a file can grow after this look.
 */
enum sk_err input_file_open(const char *path, long max_bytes, const char *what,
			    enum sk_err bad, FILE **out, struct sk_diag *d);

/* --- results_feed.c: verdicts handed to a consumer on another thread --- */

struct sk_results;

/* One computation and its consumer (the store, a workbook's tickets sheet). */
struct results_feed {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const struct sk_results *r;   /* the set being computed, from the first verdict on */
	size_t ready;                 /* r->r[0..ready) are final */
	size_t published;             /* ready as last signalled */
	int done;                     /* no more verdicts will come */
	int abort;                    /* the computation failed */
};

void results_feed_init(struct results_feed *f);
void results_feed_release(struct results_feed *f);

/* Hand over the verdicts r->r[0..ready) (in batches; cheap when called per ticket). */
void results_feed_publish(struct results_feed *f, const struct sk_results *r, size_t ready);

/* Say the @n verdicts of @r are all there (@ok), or that no more will come. */
void results_feed_end(struct results_feed *f, const struct sk_results *r, size_t n, int ok);

/* Wait for verdicts after @from; how many are final, the set, and whether that is all. */
size_t results_feed_wait(struct results_feed *f, size_t from, const struct sk_results **r,
			 int *done, int *abort);

/* --- text_escape.c: data text made safe for a terminal and for XML --- */

/*
 * Control characters and bytes that are not UTF-8, written visibly: TAB, LF,
 * CR as \t \n \r; other C0 controls, DEL and each invalid byte as \xHH
 * (ESC is \x1b); C1 controls and U+FFFE, U+FFFF as \uHHHH. Everything else,
 * the backslash included, passes unchanged: the escape is for showing, not
 * for reading back.
 */

/* TAB, LF and CR pass unchanged (text for XML, where they are allowed). */
#define TEXT_KEEP_LINES 1u

/* Whether @s (NULL: empty) holds anything text_escape() would change. */
int text_needs_escape(const char *s, unsigned flags);

/*
 * @s escaped into @dst (@size bytes, NUL included): as much as fits, never
 * half an escape or half a character; the length written.
 */
size_t text_escape(char *dst, size_t size, const char *s, unsigned flags);

/* @s (NULL: nothing) escaped onto @fp, for a terminal (no flags). */
void text_write_escaped(FILE *fp, const char *s);

#endif
