/**
 * @file import.h
 * @brief Reading service-desk exports (CSV) into the slakit database.
 *
 * One call imports one file in one transaction: either every good row is
 * stored and the import is logged in the `imports` table, or the database is
 * left exactly as it was. Rows are checked one by one (required fields,
 * dates, priorities, order of times, duplicates, field count); a bad row is
 * reported through a callback with file, line, field and reason. Without
 * `skip_bad` one bad row refuses the whole file; with it, bad rows are
 * written to a reject file and the rest is imported.
 *
 * Column names and value words come from a profile (generic, topdesk,
 * servicenow, jira, zendesk) and an optional user map (sk_map_load(), the
 * format is in sla-import(1)).
 *
 * Ownership: sk_map_load() allocates a map, sk_map_free() frees it (NULL is
 * accepted). Everything else is owned by the caller.
 */
#ifndef SLAKIT_IMPORT_H
#define SLAKIT_IMPORT_H

#include <stdint.h>
#include <stdio.h>

#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** What an export holds. */
enum sk_import_kind {
	SK_KIND_TICKETS = 0, /**< one row per ticket */
	SK_KIND_EVENTS,      /**< status history: ticket_id, at, status */
	SK_KIND_EVENTLOG,    /**< one row per ticket update, ticket fields repeated */
	SK_KIND_PAUSES,      /**< explicit pause intervals */
	SK_KIND_CALLS,       /**< phone platform log */
	SK_KIND_OUTAGES,     /**< service outages */
	SK_KIND_KPI,         /**< KPI measurements made outside the ticket system */
	SK_KIND_HANDOVERS,   /**< hand-overs to the customer's suppliers: ticket_id,
				  supplier, start, end, supplier_ref */
	SK_KIND_DEVIATIONS,  /**< deviations from a norm explained, and improvement actions:
				  refers_to, period, explanation, action, owner, due, status,
				  done */
	SK_KIND_UPDATES,     /**< customer-visible updates (comments, actions, public
				  replies): ticket_id, at, channel, visible */
	SK_KINDS             /**< count, not a kind */
};

/** Character encodings of an export. */
enum sk_encoding {
	SK_ENC_UTF8 = 0,     /**< UTF-8, BOM allowed; invalid bytes are refused */
	SK_ENC_CP1252        /**< Windows-1252, converted to UTF-8 */
};

/** "tickets", "events", ... */
const char *sk_import_kind_name(enum sk_import_kind k);

/** The kind for a name, -1 when unknown. */
int sk_import_kind_parse(const char *name);

/** 1 when @p name is a profile slakit ships ("generic", "topdesk", ...). */
int sk_profile_exists(const char *name);

/** The shipped profiles' names, NULL-terminated. */
const char *const *sk_profile_names(void);

/** A user's mapping of columns and values (`--map FILE`). Opaque. */
struct sk_map;

/** Read a map file (INI); errors name the file, line and key. */
enum sk_err sk_map_load(const char *path, struct sk_map **out, struct sk_diag *d);

/** Free a map; NULL is accepted. */
void sk_map_free(struct sk_map *m);

/** Options of one import; start from sk_import_opts_init(). */
struct sk_import_opts {
	int kind;                /**< enum sk_import_kind, or -1: the map's, else from the header */
	const char *profile;     /**< NULL: the map's, else "generic" */
	const struct sk_map *map;/**< NULL: none */
	char delimiter;          /**< 0: the map's, else detected from the header */
	int encoding;            /**< enum sk_encoding, or -1: the map's, else UTF-8 */
	const char *date_format; /**< NULL: the map's, else the standard forms */
	int skip_bad;            /**< 1: import good rows, write bad ones to @p rejects */
	int allow_empty;         /**< 1: a header without rows is imported, not refused */
	FILE *rejects;           /**< reject file (CSV: line, reason, the row), may be NULL */
	/** Called for every bad row (and with skip_bad too); may be NULL. */
	void (*on_bad_row)(void *ctx, const struct sk_diag *d);
	/**
	 * Called after a file is stored, once per warning (the message starts
	 * with "warning: "): tickets whose status means resolved but that have
	 * no resolution time, events or pauses of tickets not in the database,
	 * a repeated column; may be NULL.
	 */
	void (*on_warning)(void *ctx, const struct sk_diag *d);
	/** Called now and then with bytes done / total (0: unknown); may be NULL. */
	void (*on_progress)(void *ctx, int64_t done, int64_t total, long rows);
	void *ctx;               /**< passed to the callbacks */
};

/** What one import did (also stored in the `imports` table). */
struct sk_import_result {
	long long import_id;     /**< imports.id, 0 when nothing was stored */
	char sha256[65];         /**< the file's SHA-256 */
	enum sk_import_kind kind;/**< the kind imported */
	char profile[32];        /**< the profile used */
	char delimiter;          /**< the delimiter used */
	long rows_read;          /**< data rows (header not counted) */
	long inserted;           /**< new rows */
	long updated;            /**< rows that changed stored ones */
	long unchanged;          /**< rows identical to stored ones */
	long rejected;           /**< bad rows */
	long tickets_inserted;   /**< eventlog: tickets derived and new */
	long tickets_updated;    /**< eventlog: derived tickets that changed */
	long tickets_unchanged;  /**< eventlog: derived tickets as stored */
	long dst_gaps;           /**< local times in a DST gap (moved forward) */
	long dst_folds;          /**< local times in a DST fold (first taken) */
	long resolved_without_time; /**< tickets: status means resolved/closed, no time read */
	long unknown_tickets;    /**< events, pauses, hand-overs, updates: rows of tickets
				      not in the database */
	long older;              /**< rows (eventlog: also tickets) left as stored, the stored
				      version being newer (its update time, else its import's horizon) */
	long long identical_to;  /**< an earlier import of the same bytes (SHA-256) that this one
				      changed nothing of: nothing was stored (import_id 0); 0: none */
	int has_horizon;         /**< 1: @ref horizon holds the file's latest time */
	int64_t horizon;         /**< the latest time any row of the file holds (UTC seconds) */
	/** How dates written day and month in numbers (03-04-2027) were read: "" when
	 * the file has none, else e.g. "day-month (line 5: 13-03-2027)". */
	char dates[160];
};

/**
 * Check a date format as --date-format and a map's date_format take it
 * (sk_datetime_parse_fmt()'s conversions, with a year, a month and a day):
 * SK_ERR_USAGE naming the first thing wrong, e.g. an unknown conversion '%Q'.
 */
enum sk_err sk_import_date_format_check(const char *fmt, struct sk_diag *d);

/** Defaults: kind, encoding from map or detection; no skipping. */
void sk_import_opts_init(struct sk_import_opts *o);

/**
 * Import @p path ("-" = standard input, copied to a temporary file first: the
 * file is read twice; @p name is how diagnostics and the imports table name
 * it, NULL: @p path) into @p db, reading local times in the zone of contract
 * @p c and priorities by its names. A first pass over the file's times
 * decides how dates like 03-04-2027 are read (the date format, the profile,
 * else the rows whose day or month is above 12; a file that says both, or
 * nothing, is refused) and the file's horizon. The database must belong to
 * @p c (sk_db_check_contract(), SK_ERR_USAGE otherwise). Returns SK_ERR_DATA
 * when rows were bad and not skipped, or the file has no rows (unless
 * allow_empty) or cannot be read as text (nothing stored), SK_ERR_DB when the
 * database refused or is locked, SK_ERR_IO when the file cannot be read.
 */
enum sk_err sk_import_file(struct sk_db *db, const struct sk_contract *c,
			   const char *path, const char *name,
			   const struct sk_import_opts *o,
			   struct sk_import_result *res, struct sk_diag *d);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
