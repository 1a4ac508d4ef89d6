/**
 * @file error.h
 * @brief Error codes and diagnostics shared by every slakit module.
 *
 * The library never prints and never exits. Every fallible function returns
 * an ::sk_err (0 = OK) and, when given a non-NULL ::sk_diag, fills it with the
 * file, line, field and reason so that the tool can print one precise line.
 */
#ifndef SLAKIT_ERROR_H
#define SLAKIT_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Result of every fallible slakit function. */
enum sk_err {
	SK_OK = 0,          /**< success */
	SK_ERR_NOMEM,       /**< out of memory */
	SK_ERR_IO,          /**< a file could not be opened, read or written */
	SK_ERR_SYNTAX,      /**< text that cannot be read (date, duration, number) */
	SK_ERR_RANGE,       /**< a value outside what is allowed */
	SK_ERR_CONTRACT,    /**< the contract file is wrong */
	SK_ERR_TZ,          /**< unknown or unreadable time zone */
	SK_ERR_CALENDAR,    /**< a calendar that cannot answer (no business time at all) */
	SK_ERR_DB,          /**< the database refused */
	SK_ERR_DATA,        /**< input data is wrong (a row, a file) */
	SK_ERR_NOTFOUND,    /**< a named thing does not exist */
	SK_ERR_MISSING,     /**< data needed for a figure is missing */
	SK_ERR_USAGE        /**< the caller asked for something impossible */
};

/** Where and why something failed; filled by the library, printed by tools. */
struct sk_diag {
	enum sk_err err;    /**< the code returned together with this diagnostic */
	char file[512];     /**< file the problem is in, "" when not about a file */
	long line;          /**< 1-based line, 0 when unknown */
	char field[128];    /**< field, key or column, "" when not about one */
	char msg[1024];     /**< the reason, lowercase, no final period */
};

/** Short text for an error code, e.g. "syntax error". Never NULL. */
const char *sk_strerror(enum sk_err err);

/**
 * Fill @p d (which may be NULL) and return @p err, so a caller can write
 * `return sk_diag_set(d, SK_ERR_SYNTAX, file, line, field, "...", ...)`.
 * @p file and @p field may be NULL.
 */
enum sk_err sk_diag_set(struct sk_diag *d, enum sk_err err, const char *file,
			long line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/** Clear a diagnostic (NULL is accepted). */
void sk_diag_clear(struct sk_diag *d);

/**
 * Format a diagnostic as `file:line: 'field': msg` (parts left out when
 * unknown) into @p buf of @p size bytes. Returns @p buf.
 */
char *sk_diag_format(const struct sk_diag *d, char *buf, size_t size);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
