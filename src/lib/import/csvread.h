/*
 * A streaming CSV reader on top of libcsv (private to libslakit).
 *
 * It reads the file in blocks and parses one physical line at a time (a
 * line longer than the buffer in pieces), so memory is bounded by the
 * limits below, never by the file's size. It refuses NUL bytes, invalid
 * UTF-8 and UTF-16 (with the byte offset), or converts Windows-1252 to
 * UTF-8; it drops a UTF-8 byte order mark, detects ',' ';' TAB or '|' from
 * the header line, hashes every byte it reads (SHA-256) and numbers records by
 * the physical line they start on, so a record with an embedded newline
 * reports its first line. A line ends in LF, CRLF or a lone CR, as editors
 * count them, also when a file mixes them.
 *
 * Ownership: csvread_open() allocates; csvread_close() frees (NULL is fine).
 * A row returned by csvread_next() stays valid until the next call.
 */
#ifndef SK_CSVREAD_H
#define SK_CSVREAD_H

#include <stdint.h>
#include <stdio.h>

#include "slakit/error.h"
#include "slakit/import.h"
#include "base/base.h"

/** Bytes read at a time; longer lines are parsed in pieces of this size. */
#define SK_CSV_BUFFER (256 * 1024)
/** Longest value accepted (a quote never closed swallows the file). */
#define SK_CSV_MAX_FIELD (1024 * 1024)
/** Largest record accepted: its values and their count. */
#define SK_CSV_MAX_RECORD (8 * 1024 * 1024)

/** One record. */
struct csvread_row {
	const char **f;    /**< the fields, NUL-terminated UTF-8 */
	size_t n;          /**< number of fields */
	long line;         /**< physical line the record starts on (1-based) */
};

struct csvread;

/**
 * Open @p path ("-" = @p stdin_fp) for reading. @p name is the name used in
 * diagnostics. @p delim 0 detects the delimiter from the header line.
 */
enum sk_err csvread_open(const char *path, const char *name, char delim,
			enum sk_encoding enc, struct csvread **out, struct sk_diag *d);

/**
 * The next record into @p row. Returns SK_OK with row->n > 0, SK_OK with
 * row->n == 0 at the end of the file, or an error (SK_ERR_DATA for bad bytes
 * or quoting, SK_ERR_IO) with @p d filled.
 */
enum sk_err csvread_next(struct csvread *r, struct csvread_row *row, struct sk_diag *d);

/** The delimiter in use (detected or given). */
char csvread_delimiter(const struct csvread *r);

/** Bytes read so far, and the file's size (0 when unknown, e.g. a pipe). */
void csvread_progress(const struct csvread *r, int64_t *done, int64_t *total);

/**
 * Read to the end of the file (so the hash covers every byte) and write the
 * SHA-256 of all bytes as hex into @p hex.
 */
enum sk_err csvread_finish_hash(struct csvread *r, char hex[65], struct sk_diag *d);

/** Close and free; NULL is accepted. */
void csvread_close(struct csvread *r);

#endif
