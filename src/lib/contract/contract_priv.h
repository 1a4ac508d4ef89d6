/*
 * What the contract_*.c files share: contract.c reads lines into sections,
 * contract_keys.c reads each key, contract_check.c resolves references and
 * checks the whole contract, contract_query.c answers questions.
 */
#ifndef SLAKIT_CONTRACT_PRIV_H
#define SLAKIT_CONTRACT_PRIV_H

#include <stdarg.h>

#include "slakit/contract.h"

/* One `key = value` as written; indented continuation lines joined with '\n'. */
struct ini_entry {
	char *key;
	char *value;
	long line;       /* line of the key */
	long cont_line;  /* first continuation line, 0: none */
	long *part_line; /* line of each continuation, in the order joined */
	size_t n_part, cap_part;
};

/* One `[section]` with its entries in file order. */
struct ini_section {
	char *name;
	long line;
	struct ini_entry *e;
	size_t n, cap;
};

/* A closed day or an .ics file of a calendar, with the line that named it. */
struct cal_closed {
	int64_t day;
	char *name;
	long line;
};

struct cal_ics {
	char *path;
	long line;
};

/* A calendar as written; built into an sk_calendar once the zone is known. */
struct cal_spec {
	struct sk_interval iv[7][SK_MAX_INTERVALS];
	size_t n_iv[7];
	long day_line[7];            /* line that set the weekday, 0: not set */
	int is_24x7;
	long line_24x7;
	int nl;                      /* built-in Dutch holidays (default 1) */
	long holidays_line;
	struct sk_nl_options nlopt;
	long good_friday_line, liberation_line;
	struct cal_closed *closed;
	size_t n_closed, cap_closed;
	struct cal_ics *ics;
	size_t n_ics, cap_ics;
	int64_t standard_day;        /* 0: the calendar decides */
	long standard_line;
};

/* A KPI read before its domain is known to exist; names resolved later. */
struct kpi_tmp {
	struct sk_kpi k;
	char *domain;
	char *p_priority;            /* priority= of the source, NULL: none */
	char *p_calendar;            /* calendar= of the source, NULL: none */
	char *p_service;             /* outages:SERVICE_ID, NULL: none */
	char *p_supplier;            /* supplier:ID, NULL: none */
	long source_line, weight_line, norm_line, unit_line, direction_line, pro_rata_line;
	long score_line, both_clocks_line;
};

/* A supplier's target for one priority (`response.P1 = 4h`), resolved once
 * every priority is known (contract_suppliers.c). */
struct sup_target {
	size_t supplier;             /* index into c->suppliers */
	char *priority;              /* as written after the dot */
	int resolution;              /* 0: response, 1: resolution */
	struct sk_duration d;
	long line;
	const char *key;             /* the key as written (lives in the section) */
};

/* Everything needed while one file is read; freed when loading ends. */
struct loader {
	const char *path;
	char *dir;                   /* directory of the file, for relative ics paths */
	struct sk_contract *c;
	struct sk_diag *d;
	struct ini_section *sec;
	size_t n_sec, cap_sec;
	struct cal_spec *specs;   /* parallel to c->calendars */
	size_t cap_cal, cap_specs;
	struct kpi_tmp *kpis;
	size_t n_kpis, cap_kpis;
	size_t cap_prio, cap_svc, cap_dom;
	int has_contract;            /* a [contract] section was seen */
	long contract_line;
	long timezone_line;          /* 0: default zone */
	int has_rules_weights;
	long *matrix_lines;          /* line of each matrix entry, for "already set at" */
	size_t cap_sup;
	struct sup_target *sup_targets;
	size_t n_sup_targets, cap_sup_targets;
	size_t cap_choices;
};

/* Set d to a contract error at @line about @key; returns SK_ERR_CONTRACT. */
enum sk_err ld_fail(struct loader *ld, long line, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Out of memory, said once. */
enum sk_err ld_nomem(struct loader *ld);

/* Grow an array of @size-byte items to hold @n + 1; 0 on failure. */
int ld_grow(void **p, size_t *cap, size_t n, size_t size);

/* The section that starts at @line, NULL when none. */
const struct ini_section *ld_section_at(const struct loader *ld, long line);

/* The first entry @key of @s, NULL when absent. */
const struct ini_entry *ld_entry(const struct ini_section *s, const char *key);

/* strdup (not in C11); NULL when memory runs out. */
char *ld_strdup(const char *s);

/* Blanks and line ends off both ends of @s, in place; returns the start. */
char *ld_trim(char *s);

/* Case-insensitive equality that treats NULL as "". */
int ld_same(const char *a, const char *b);

/* Read every section and key in file order (contract_keys.c). */
enum sk_err ld_read_sections(struct loader *ld);

/*
 * The keys of [matrix] name priorities, which may stand further down: they
 * are read once every section is (contract_check.c), in two passes: fields,
 * buckets and aliases (pass 1), then the entries that use them (pass 2).
 */
enum sk_err contract_read_matrix_keys(struct loader *ld, const struct ini_section *s,
				      int pass);

/* The matrix keys' setters (contract_check.c), named by the key table. */
enum sk_err contract_matrix_field(struct loader *ld, const struct ini_entry *e);
enum sk_err contract_matrix_bucket(struct loader *ld, const struct ini_entry *e);
enum sk_err contract_matrix_alias(struct loader *ld, const struct ini_entry *e);
enum sk_err contract_matrix_entry(struct loader *ld, const struct ini_entry *e);

/* Resolve references, build calendars and check the whole contract. */
enum sk_err contract_check(struct loader *ld);

/* Suppliers (contract_suppliers.c): read a per-priority target key, check
 * them once calendars and priorities are built, free them with the contract. */
enum sk_err contract_supplier_target_key(struct loader *ld, size_t supplier,
					 const struct ini_entry *e, int resolution);
enum sk_err contract_check_suppliers(struct loader *ld);
void contract_free_suppliers(struct sk_contract *c);

/* Choices between clauses (contract_choices.c): each says all three of its keys. */
enum sk_err contract_check_choices(struct loader *ld);
void contract_free_choices(struct sk_contract *c);

/* A target as the contract writes it (`< 4h`, `<= 4h`, `4h`), for keys read elsewhere. */
enum sk_err ld_read_target(struct loader *ld, const struct ini_entry *e, struct sk_duration *out);

/* 1 when @s is one plain word: letters, digits, '_' and '-' (ids, fields, values). */
int ld_plain_word(const char *s);

#endif
