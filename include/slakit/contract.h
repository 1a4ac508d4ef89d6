/**
 * @file contract.h
 * @brief A contract: calendars, priorities, targets, KPI domains, staffel, rules.
 *
 * One INI file describes one contract (format: slakit-contract(5)). The
 * loader refuses a wrong file with file:line and the reason: unknown section
 * or key, duplicate key, bad duration or number, a priority without targets,
 * a reference to a calendar that does not exist, KPI weights that do not add
 * up to 100 % unless the domain (or [rules]) says `weights = normalise`.
 *
 * Ownership: sk_contract_load() allocates the whole tree (strings, arrays,
 * zone, holiday sets, calendars); sk_contract_free() frees it (NULL is ok).
 * Everything reachable from a contract belongs to it.
 */
#ifndef SLAKIT_CONTRACT_H
#define SLAKIT_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/calendar.h"
#include "slakit/decimal.h"
#include "slakit/duration.h"
#include "slakit/error.h"
#include "slakit/holidays.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Kinds of ticket a target can be set for. */
enum sk_ticket_type {
	SK_TICKET_INCIDENT = 0,
	SK_TICKET_REQUEST,
	SK_TICKET_CHANGE,
	SK_TICKET_PROBLEM,
	SK_TICKET_COMPLAINT,
	SK_TICKET_TYPES /**< count, not a type */
};

/** "incident", "request", ... */
const char *sk_ticket_type_name(enum sk_ticket_type t);

/** Kinds of change a target can be set for (`resolution.change.emergency`). */
enum sk_change_type {
	SK_CHANGE_STANDARD = 0,
	SK_CHANGE_NORMAL,          /**< non-standard: CAB approval */
	SK_CHANGE_EMERGENCY,
	SK_CHANGE_TYPES /**< count, not a type */
};

/** "standard", "normal", "emergency". */
const char *sk_change_type_name(enum sk_change_type t);

/** The change type for a word as the database stores it (any case); -1 when unknown. */
int sk_change_type_parse(const char *word);

/**
 * The type for a word (English or Dutch, any case: "incident", "storing",
 * "service request", "verzoek", "change", "wijziging", "problem", "probleem",
 * "complaint", "klacht"); -1 when unknown.
 */
int sk_ticket_type_parse(const char *word);

/** Where the resolution clock starts (`[rules] resolution_start`). */
enum sk_clock_start {
	SK_CLOCK_REPORTED = 0, /**< at registration (default) */
	SK_CLOCK_RESPONDED     /**< at the response ("na de reactietijd") */
};

/** Which priority applies when it changed during the ticket's life. */
enum sk_priority_rule {
	SK_PRIORITY_FINAL = 0, /**< the last one (default) */
	SK_PRIORITY_INITIAL,   /**< the first one */
	SK_PRIORITY_HIGHEST    /**< the highest it ever had */
};

/** How per-priority % of norm values combine into one KPI value. */
enum sk_aggregate {
	SK_AGG_COUNT = 0, /**< weighted by ticket count (default) */
	SK_AGG_MEAN,      /**< plain mean over priorities with tickets */
	SK_AGG_WORST      /**< the lowest */
};

/** What to do with KPI weights that do not add up to 100 %. */
enum sk_weights_rule {
	SK_WEIGHTS_REFUSE = 0, /**< refuse the contract (default) */
	SK_WEIGHTS_NORMALISE   /**< scale them to 100 % and say so */
};

/** What a P1 reported through the wrong channel counts as. */
enum sk_channel_rule {
	SK_CHANNEL_SEPARATE = 0, /**< not in the P1 figures, listed apart (default) */
	SK_CHANNEL_COUNT         /**< counted as P1 anyway, flagged */
};

/** Whether a higher or lower measured value is better. */
enum sk_direction {
	SK_HIGHER_IS_BETTER = 0,
	SK_LOWER_IS_BETTER
};

/**
 * How a KPI's % of norm is computed (`score`): by its direction (ratio when
 * higher is better, inverse when lower is), or as the success share of a
 * lower-is-better percentage: (100 - measured) / (100 - norm), which reads
 * DHS's "failed changes < 3 %" as "97 % of the changes succeed".
 */
enum sk_score_rule {
	SK_SCORE_BY_DIRECTION = 0,
	SK_SCORE_RATIO,           /**< measured / norm (direction higher) */
	SK_SCORE_INVERSE,         /**< norm / measured (direction lower) */
	SK_SCORE_SUCCESS          /**< (100 - measured) / (100 - norm) (direction lower, unit %) */
};

/** How often a KPI is measured. */
enum sk_frequency {
	SK_FREQ_MONTHLY = 0,
	SK_FREQ_QUARTERLY,
	SK_FREQ_HALFYEARLY,
	SK_FREQ_YEARLY,
	SK_FREQ_PER_EVENT /**< per incident or report, counted per month */
};

/** A calendar of the contract (`[calendar.NAME]`). */
struct sk_contract_calendar {
	char *name;                /**< section suffix, e.g. "werkdag" */
	struct sk_holidays *hol;   /**< its holiday set (owned) */
	struct sk_calendar *cal;   /**< the calendar (owned) */
	long line;                 /**< line of its section header */
};

/** A priority (`[priority.ID]`). */
struct sk_priority {
	char *id;                  /**< "P1": how reports name it */
	char *name;                /**< "Urgent", "Kritiek" */
	int level;                 /**< 1 = most urgent, in file order */
	char **aliases;            /**< words in exports that mean this priority */
	size_t n_aliases;
	int calendar;              /**< index into sk_contract::calendars */
	struct sk_duration response[SK_TICKET_TYPES];   /**< response target per type */
	struct sk_duration resolution[SK_TICKET_TYPES]; /**< resolution target per type */
	/** Targets of a change by its change type (`response.change.emergency`), before
	 *  the change's own (`response.change`); unset: that one applies. */
	struct sk_duration response_change[SK_CHANGE_TYPES];
	struct sk_duration resolution_change[SK_CHANGE_TYPES];
	/** Targets written `none`: outside the agreement, not measured (bit 1 << type,
	 *  and 1 << change type for the change keys); such a target is not set. */
	unsigned response_none, resolution_none;
	unsigned response_change_none, resolution_change_none;
	struct sk_duration onsite;       /**< onsite target, from registration to the visit
					      (unset: the rules' onsite_default applies) */
	struct sk_duration update_every; /**< `update_every`: the longest gap allowed between
					      updates to the customer, response to resolution,
					      on the priority's calendar (unset: not measured) */
	int update_agreed;         /**< `update_every = agreed`: updates on a date agreed per
				        ticket, which no export records: not measured, shown */
	char *response_by;         /**< `response_by`: the channel the response must be made
				        by ("phone"), NULL: any */
	sk_dec norm;               /**< % of tickets within target, e.g. 98 */
	int has_norm;              /**< 0 when the contract sets no norm */
	sk_dec onsite_norm;        /**< % of onsite visits in time (`onsite_norm`), e.g. 98 */
	int has_onsite_norm;       /**< 0: the priority's norm applies to its visits */
	struct sk_duration swap;   /**< device swap target (Halt §10.1.5), from the swap request
				        to a working replacement; unset: swaps not measured */
	struct sk_duration swap_emergency; /**< ... or an emergency workplace by this target,
				        which meets the swap too (P1: "anders nood-werkplek
				        binnen 4 uur"); unset: none */
	sk_dec swap_norm;          /**< % of swaps in time (`swap_norm`) */
	int has_swap_norm;         /**< 0: the priority's norm applies to its swaps */
	char *channel;             /**< required reporting channel ("phone") or NULL */
	int after_hours_calendar;  /**< consignatiedienst calendar index, -1: none */
	struct sk_duration after_hours_response; /**< response target of a ticket reported then */
	struct sk_calendar *after_hours_union; /**< the priority's calendar and the after-hours
						  one together, where such a response is
						  counted (owned); NULL when none */
	long line;                 /**< line of the section header */
	int workaround_stops;      /**< `workaround_stops = yes`: the resolution clock stops when
				        the user can work again (productive_at, a workaround),
				        if that comes before the resolution (Halt §10.1 P1) */
};

/** One cell of the priority matrix. */
struct sk_matrix_entry {
	char *row;     /**< row value, e.g. "H" or "down-edu" */
	char *column;  /**< column value, e.g. "M" or "3-10" */
	int priority;  /**< index into sk_contract::priorities */
};

/** A numeric column bucket: values lo..hi (hi < 0: no upper bound). */
struct sk_matrix_bucket {
	char *label;   /**< "3-10", ">30" */
	long lo, hi;
};

/** Value words that mean a canonical row or column value ("Hoog" = "H"). */
struct sk_matrix_alias {
	char *word;
	char *value;
};

/** The priority matrix (`[matrix]`); n_entries == 0 when absent. */
struct sk_matrix {
	char *row_field;                 /**< ticket field of the rows ("impact") */
	char *column_field;              /**< ticket field of the columns ("urgency", "users") */
	struct sk_matrix_bucket *buckets; /**< numeric column buckets, may be empty */
	size_t n_buckets;
	struct sk_matrix_alias *aliases;
	size_t n_aliases;
	struct sk_matrix_entry *entries;
	size_t n_entries;
};

/** A service whose availability is measured (`[service.ID]`). */
struct sk_service {
	char *id;
	char *name;
	sk_dec norm;               /**< availability %, e.g. 99.8 */
	int calendar;              /**< service window calendar index */
	struct sk_duration notice; /**< planned maintenance announced this early does not count */
	int maintenance_calendar;  /**< ... when it lies wholly outside this calendar's hours
				        (`maintenance_outside`, default: the contract's
				        default calendar, its office hours) */
	int no_outages_available;  /**< `no_outages_means = available`: a window without any
				        outage reported is 100 %; 0 (`missing`, the default):
				        it has no data */
	long line;
};

/**
 * Where a KPI's value comes from: the first word of its `source` key.
 * slakit-contract(5) says what each one measures.
 */
enum sk_source {
	SK_SRC_MANUAL = 0,        /**< `manual`: an imported KPI measurement or --kpi */
	SK_SRC_RESPONSE,          /**< `tickets:response`: share within the response target */
	SK_SRC_RESOLUTION,        /**< `tickets:resolution`: share within the resolution target */
	SK_SRC_RCA,               /**< `tickets:rca`: share of incidents of the most urgent (or
				       `priority=`) priority with an RCA in time */
	SK_SRC_HANDOVER,          /**< `tickets:handover`: share handed to 2nd/3rd line in time */
	SK_SRC_FCR,               /**< `tickets:fcr`: share solved at first contact */
	SK_SRC_STANDARD_CHANGE,   /**< `tickets:standard_change`: share of standard changes in time */
	SK_SRC_CAB,               /**< `tickets:cab`: share of non-standard changes CAB-approved */
	SK_SRC_FAILED_CHANGE,     /**< `tickets:failed_change`: share of changes that failed */
	SK_SRC_ONSITE,            /**< `tickets:onsite`: share of onsite visits in time */
	SK_SRC_COMPLAINT,         /**< `tickets:complaint`: share of complaints solved in time */
	SK_SRC_PROVISIONING,      /**< `tickets:provisioning`: share of accounts provisioned in time */
	SK_SRC_CADENCE,           /**< `tickets:cadence`: share of tickets whose status updates
				       held their priority's `update_every` (slakit/cadence.h) */
	SK_SRC_SWAP,              /**< `tickets:swap`: share of device swaps in time */
	SK_SRC_CALLS,             /**< `calls:within=DURATION`: share of calls answered in time */
	SK_SRC_OUTAGES,           /**< `outages:SERVICE_ID`: availability of a service */
	SK_SRC_SUPPLIER,          /**< `supplier:ID`: share of a supplier's hand-overs within
				       the supplier's own targets */
	SK_SRC_ACTIONS,           /**< `actions`: improvement actions done in the window (the
				       deviations import), a count */
	SK_SRC_MTTP               /**< `tickets:mttp`: mean business hours from registration
				       to productive again, over the tickets productive again
				       in the window (the report's MTTP) */
};

/** A KPI (`[kpi.DOMAIN.ID]`). */
struct sk_kpi {
	char *id;                  /**< e.g. "reachability" */
	char *name;                /**< e.g. "Bereikbaarheid servicedesk" */
	sk_dec norm;               /**< the norm in the KPI's unit */
	int has_norm;              /**< 0: norm not yet set (KPI shown, not scored) */
	char *unit;                /**< "%", "count", "score", "hours" */
	enum sk_direction direction;
	sk_dec weight;             /**< weight in % of the domain */
	int has_weight;
	enum sk_frequency frequency;
	int norm_months;           /**< `norm_per`: months the norm is written for
				        (1, 3, 6, 12); 0: the KPI's own window */
	int pro_rata;              /**< `pro_rata = yes`: scale the norm to the months
				        of the window measured (counts only) */
	char *source;              /**< where the value comes from, as written (trimmed) */
	enum sk_source source_kind;/**< the source's first word, parsed */
	struct sk_duration within; /**< `within=` (or calls:within=) limit; unset when none */
	int source_priority;       /**< `priority=` index (tickets:rca: default 0), -1: all */
	unsigned source_types;     /**< `type=` (tickets:response and :resolution): bit
				        1 << ::sk_ticket_type per type counted; 0: all */
	int source_calendar;       /**< calendar that resolves `within` (`calendar=`, else the
				        default calendar); -1 for sources without `within` and calls */
	int source_service;        /**< outages:SERVICE_ID index, -1 for other sources */
	char *note;                /**< free text shown in the report, may be NULL */
	long line;
	int source_supplier;       /**< supplier:ID index, -1 for other sources */
	enum sk_score_rule score;  /**< `score`: the % of norm formula (default by direction) */
	int both_clocks;           /**< `both_clocks = yes` (tickets:resolution): a ticket is
				        within only when its response was not late either */
};

/**
 * Whether @p value can be a KPI's measured value, given by hand (sla-score
 * --kpi) or imported (a KPI export): the one check both apply. SK_ERR_RANGE
 * with the reason in @p d (no file or line: the caller knows them).
 */
enum sk_err sk_kpi_value_check(sk_dec value, struct sk_diag *d);

/** A KPI domain (`[domain.ID]`). */
struct sk_domain {
	char *id;                  /**< e.g. "servicedesk" */
	char *name;                /**< e.g. "Servicedesk & Support" */
	int64_t start_day;         /**< first day it counts (days since epoch) */
	int has_start;
	char *service;             /**< invoice line the malus applies to */
	int64_t invoice_cents;     /**< quarterly invoice amount, when known */
	int has_invoice;
	enum sk_weights_rule weights;
	int scored;                /**< 0: shown, not scored (e.g. no weights) */
	char *note;                /**< why not scored, or other remark */
	struct sk_kpi *kpis;
	size_t n_kpis;
	sk_dec weight_sum;         /**< sum of KPI weights as written */
	long line;
};

/** One step of the malus staffel: score >= min gives malus %. */
struct sk_staffel_step {
	sk_dec min_score;  /**< threshold, inclusive */
	sk_dec malus;      /**< malus in % of the invoice */
	int escalate;      /**< 1: this step also means escalation */
};

/** The rules of computation that contracts word differently, each a contract setting (`[rules]`, slakit-contract(5)). */
struct sk_rules {
	enum sk_clock_start resolution_start; /**< reported (default) or responded */
	enum sk_priority_rule priority;       /**< final (default) */
	int cap;                              /**< cap % of norm at 100 (default 1) */
	int pct_decimals;                     /**< per-KPI % rounding (default 1) */
	int score_decimals;                   /**< domain score rounding (default 2) */
	enum sk_aggregate aggregate;          /**< across priorities (default count) */
	enum sk_weights_rule weights;         /**< default for domains (refuse) */
	enum sk_channel_rule wrong_channel;   /**< P1 not by phone (separate) */
	char **pause_statuses;                /**< statuses that stop the clock */
	size_t n_pause_statuses;
	char **resolved_statuses;             /**< statuses that mean resolved */
	size_t n_resolved_statuses;
	char **closed_statuses;               /**< statuses that mean closed */
	size_t n_closed_statuses;
	char **working_statuses;              /**< statuses that mean work goes on: neither
						   pause nor resolution, whatever a map says */
	size_t n_working_statuses;
	int report_due_days;                  /**< SLR due this many werkdagen after period end (5) */
	int reopen_resets;                    /**< 0 (default): time in Resolved/Closed before a reopen is paused */
	int supplier_pauses;                  /**< 1: the desk's clocks pause while a supplier holds
						   the ticket (default 0) */
	char **supplier_statuses;             /**< statuses that mean "with a supplier", which one
						   named by the ticket's supplier column */
	size_t n_supplier_statuses;
	struct sk_duration complaint_management; /**< the complaint escalation ladder: a complaint
						      not solved within this business time
						      (pauses out) reaches management level */
	struct sk_duration complaint_directors;  /**< and within this one, director level */
	sk_dec at_risk_share;                 /**< sla-compute --at-risk lists running clocks that
						   have used at least this % of their target (75) */
	int onsite_resolution;                /**< `onsite_default = resolution`: a priority
						   without an onsite target holds a visit to the
						   ticket's resolution target (DHS §9 domain 7);
						   0 (`none`, default): no verdict on the visit */
};

/**
 * A supplier of the customer that the desk hands tickets to as its Single
 * Point of Contact (`[supplier.ID]`), with the main lines of the customer's
 * agreement with it (its own calendar and targets) and the desk's mandates.
 */
struct sk_supplier {
	char *id;                  /**< e.g. "kpn" */
	char *name;                /**< e.g. "KPN Zakelijk" (default: the id) */
	char *products;            /**< products or services it delivers, may be NULL */
	char *contact;             /**< contact details, may be NULL */
	char *mandate_technical;   /**< the desk's technical mandate, may be NULL */
	char *mandate_privacy;     /**< its mandate where privacy is concerned, may be NULL */
	char *mandate_financial;   /**< its mandate with financial consequences, may be NULL */
	char **statuses;           /**< status words that mean "with this supplier" */
	size_t n_statuses;
	int calendar;              /**< its business hours and holidays (calendar index: one it
				        names, or its own, named "supplier.ID") */
	struct sk_duration response;   /**< response target of every priority without its own */
	struct sk_duration resolution; /**< resolution target likewise */
	struct sk_duration *response_by;   /**< per contract priority (n_priorities): the target
					        that applies, unset when none */
	struct sk_duration *resolution_by; /**< likewise for resolution */
	long line;
};

/**
 * A choice between clauses of the agreement that contradict each other or
 * can be read two ways (`[choice.ID]`): what the clauses say, the reading
 * the figures follow, and where in the agreement it stands. Printed with the
 * decisions applied in every report, so a reader sees which reading produced
 * the figures; where the reading is a formula, a key of its own applies it
 * (a KPI's `score`, the priority's targets).
 */
struct sk_choice {
	char *id;                  /**< e.g. "failed-changes" */
	char *clause;              /**< what the clauses say (required) */
	char *reading;             /**< the reading applied (required) */
	char *seed;                /**< where it stands, e.g. "DHS §9, domein 3" (required) */
	long line;
};

/** sk_contract_supplier_status(): not a supplier status. */
#define SK_SUPPLIER_NONE (-1)
/** sk_contract_supplier_status(): a supplier status that names no supplier. */
#define SK_SUPPLIER_ANY (-2)

/** A whole contract. */
struct sk_contract {
	char *path;                /**< the file it was read from */
	char sha256[65];           /**< SHA-256 of the file's bytes, lowercase hex */
	char *id;                  /**< short id, e.g. "dhs" */
	char *name;                /**< full name */
	char *language;            /**< "nl" or "en" */
	char *supplier;            /**< may be NULL */
	char *customer;            /**< may be NULL */
	struct sk_tz *tz;          /**< contract zone (owned) */
	int64_t start_day;         /**< contract start (days since epoch), when set */
	int has_start;
	struct sk_contract_calendar *calendars;
	size_t n_calendars;
	int default_calendar;      /**< index used when a priority names none */
	struct sk_priority *priorities;
	size_t n_priorities;
	struct sk_matrix matrix;
	struct sk_service *services;
	size_t n_services;
	struct sk_domain *domains;
	size_t n_domains;
	struct sk_staffel_step *staffel; /**< sorted by min_score, highest first */
	size_t n_staffel;
	struct sk_rules rules;
	struct sk_supplier *suppliers; /**< `[supplier.ID]` in file order */
	size_t n_suppliers;
	struct sk_choice *choices; /**< `[choice.ID]` in file order */
	size_t n_choices;
};

/** The INI word of a source ("tickets:rca"; for calls and outages "calls", "outages"). */
const char *sk_source_name(enum sk_source s);

/** The INI words of the decisions, so a report can print what was applied. */
const char *sk_clock_start_name(enum sk_clock_start v);    /**< "reported", "responded" */
const char *sk_priority_rule_name(enum sk_priority_rule v); /**< "final", "initial", "highest" */
const char *sk_aggregate_name(enum sk_aggregate v);         /**< "count", "mean", "worst" */
const char *sk_weights_rule_name(enum sk_weights_rule v);   /**< "refuse", "normalise" */
const char *sk_channel_rule_name(enum sk_channel_rule v);   /**< "separate", "count" */
const char *sk_direction_name(enum sk_direction v);         /**< "higher", "lower" */
const char *sk_frequency_name(enum sk_frequency v);         /**< "monthly" ... "per-event" */
/** The formula a KPI is scored by: "ratio", "inverse" or "success" (its direction's by default). */
const char *sk_kpi_score_name(const struct sk_kpi *k);

/** Read and check the contract file @p path. */
enum sk_err sk_contract_load(const char *path, struct sk_contract **out,
			     struct sk_diag *d);

/** Free a contract; NULL is accepted. */
void sk_contract_free(struct sk_contract *c);

/**
 * The priority a word from an export means: its id ("P1", any case), its
 * number ("1"), its name or one of its aliases. -1 when none.
 */
int sk_contract_find_priority(const struct sk_contract *c, const char *word);

/** Index of the calendar named @p name, -1 when none. */
int sk_contract_find_calendar(const struct sk_contract *c, const char *name);

/** The domain with id @p id, NULL when none. */
const struct sk_domain *sk_contract_find_domain(const struct sk_contract *c,
						const char *id);

/**
 * The priority the matrix gives for @p row and @p column values (a numeric
 * column is placed in its bucket); -1 when the matrix has no such cell.
 */
int sk_contract_matrix_priority(const struct sk_contract *c, const char *row,
				const char *column);

/**
 * The response or resolution target of priority @p p for ticket type @p t,
 * in business seconds of the priority's calendar; 0 with *@p set = 0 when
 * the contract sets none.
 */
int64_t sk_contract_target(const struct sk_contract *c, int p, enum sk_ticket_type t,
			   int resolution, int *set);

/** What the contract says of one clock of one ticket (sk_contract_ticket_target()). */
struct sk_target {
	int set;                       /**< 1: a target applies (@ref dur, @ref seconds) */
	int none;                      /**< 1: the contract says `none`: not measured */
	const struct sk_duration *dur; /**< the target as written, NULL when not set */
	int64_t seconds;               /**< business seconds of the priority's calendar */
	char key[40];                  /**< the key that decided ("resolution.change.emergency"),
					    "" when no key applies */
};

/**
 * The response or resolution target of a ticket of priority @p p, type @p t
 * and change type @p change (a ::sk_change_type, -1 when unknown or not a
 * change): `KIND.change.CHANGETYPE`, else `KIND.TYPE`, else `KIND` (each may
 * be `none`). Fills @p out; returns out->set.
 */
int sk_contract_ticket_target(const struct sk_contract *c, int p, enum sk_ticket_type t,
			      int change, int resolution, struct sk_target *out);

/**
 * Business seconds of duration @p dur on calendar @p calendar (its standard
 * day resolves `d`); 0 when @p dur is unset or the index is out of range.
 */
int64_t sk_contract_seconds(const struct sk_contract *c, int calendar,
			    const struct sk_duration *dur);

/** Index of the service with id @p id (any case), -1 when none. */
int sk_contract_find_service(const struct sk_contract *c, const char *id);

/**
 * 1 when @p status is one of the contract's pausing statuses (any case), or,
 * with `supplier_pauses = yes`, a status that means "with a supplier".
 */
int sk_contract_is_pause_status(const struct sk_contract *c, const char *status);

/**
 * 1 when one of the contract's status lists (pause_statuses,
 * resolved_statuses, closed_statuses, working_statuses) names @p status (any
 * case): the contract then decides what it means, not the import.
 */
int sk_contract_names_status(const struct sk_contract *c, const char *status);

/** Index of the supplier with id or name @p word (any case), -1 when none. */
int sk_contract_find_supplier(const struct sk_contract *c, const char *word);

/**
 * The supplier a status word means (any case): the index of the supplier
 * whose `statuses` list it, ::SK_SUPPLIER_ANY for a `[rules]
 * supplier_statuses` word, ::SK_SUPPLIER_NONE otherwise.
 */
int sk_contract_supplier_status(const struct sk_contract *c, const char *status);

/**
 * Supplier @p s's response or resolution target for priority @p p in
 * business seconds of the supplier's calendar; 0 with *@p set = 0 when none.
 * *@p below is 1 when it is met only below it (`< 4h`).
 */
int64_t sk_contract_supplier_target(const struct sk_contract *c, int s, int p, int resolution,
				    int *set, int *below);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
