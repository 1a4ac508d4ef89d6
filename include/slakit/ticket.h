/**
 * @file ticket.h
 * @brief A ticket as the computation sees it: times resolved to instants.
 *
 * Filled from the database (sk_db_load_ticket() and friends) or built by
 * hand in tests. Strings are borrowed: whoever fills a ::sk_ticket keeps the
 * strings alive while it is used. Times are 0 when the export left them empty.
 */
#ifndef SLAKIT_TICKET_H
#define SLAKIT_TICKET_H

#include <stddef.h>

#include "slakit/contract.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** One status change of a ticket. */
struct sk_status_event {
	sk_time at;          /**< when the status was set */
	const char *status;  /**< the status as exported */
	unsigned kind;       /**< ::sk_status_kind bits when the loader classified the
				  status once, with what its import stored
				  (sk_compute_classify_event()); 0: not classified,
				  looked up per use in the contract's lists alone */
};

/** What a status means under a contract. */
enum sk_status_kind {
	SK_STATUS_CLASSIFIED = 1,  /**< the other bits are set */
	SK_STATUS_DONE = 2,        /**< a resolved or closed status */
	SK_STATUS_PAUSE = 4,       /**< a pause status */
	SK_STATUS_BY_IMPORT = 8    /**< the meaning is what the import stored: the contract's
				        lists do not name the word */
};

/** One explicit pause interval [start, end). */
struct sk_pause {
	sk_time start;
	sk_time end;         /**< 0: still paused */
};

/** A ticket with its history. */
struct sk_ticket {
	const char *id;
	enum sk_ticket_type type;
	int priority;            /**< index into the contract's priorities (final) */
	int initial_priority;    /**< first priority seen, -1 when unknown */
	int highest_priority;    /**< most urgent priority seen, -1 when unknown */
	const char *impact;      /**< matrix row value as exported, may be NULL */
	const char *urgency;     /**< matrix column value (urgency or users), may be NULL */
	const char *channel;     /**< phone, portal, email; may be NULL */
	const char *category;
	const char *location;
	const char *status;      /**< current status, may be NULL */
	sk_time reported_at;     /**< registration; required */
	sk_time responded_at;
	sk_time resolved_at;
	sk_time closed_at;
	sk_time productive_at;   /**< user can work again (MTTP) */
	sk_time escalated_at;    /**< handed over to 2nd/3rd line */
	sk_time onsite_at;       /**< engineer on site */
	sk_time swap_requested_at; /**< a replacement device asked for (0: not recorded) */
	sk_time swap_at;         /**< the user has a working replacement device */
	sk_time emergency_at;    /**< an emergency workplace (loaner) is ready */
	sk_time rca_at;          /**< root-cause analysis delivered */
	sk_time planned_at;      /**< change: planned / first plan date */
	int fcr;                 /**< first-contact resolved: 1, 0, -1 unknown */
	int p1_uplift;           /**< raised to P1 for one employee: measured as the most
				      urgent priority from registration (no uplift time) */
	const char *uplift_reason;
	const char *change_type; /**< standard, normal, emergency */
	int cab_approved;        /**< 1, 0, -1 unknown */
	int change_failed;       /**< 1, 0, -1 unknown */
	const struct sk_status_event *events; /**< sorted by time */
	size_t n_events;
	const struct sk_pause *pauses;        /**< explicit pauses, any order */
	size_t n_pauses;
	/* Where it came from, for reports that name their sources. */
	int64_t import_id;       /**< import that wrote this version; 0: not known */
	const int64_t *child_imports; /**< distinct imports of its events and pauses */
	size_t n_child_imports;
	const char *title;       /**< from the export's other columns, when asked for */
	int no_response_data;    /**< 1: the export it came from has no response time
				      (no column, no status meaning responded): its
				      response is not measured; 0: it has, or not known */
};

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
