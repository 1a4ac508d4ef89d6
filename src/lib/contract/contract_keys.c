/*
 * The sections and keys of a contract file and how each value is read: the
 * words every key accepts, durations, dates, numbers, lists. One table per
 * kind of section names each key, its type, where its value goes and how it
 * is checked; a key that is in no table is refused, so a key is either read
 * into a field that the tools use or not accepted at all. References to
 * other sections wait for contract_check.c.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contract.h"
#include "contract_priv.h"

static const char *const source_names[] = {
	"manual", "tickets:response", "tickets:resolution", "tickets:rca", "tickets:handover",
	"tickets:fcr", "tickets:standard_change", "tickets:cab", "tickets:failed_change",
	"tickets:onsite", "tickets:complaint", "tickets:provisioning", "tickets:cadence",
	"tickets:swap", "calls", "outages", "supplier", "actions", "tickets:mttp",
};

const char *sk_source_name(enum sk_source s)
{
	return (unsigned)s < sizeof(source_names) / sizeof(source_names[0]) ? source_names[s]
									     : "unknown";
}

static const char *const clock_words[] = { "reported", "responded", NULL };
static const char *const prio_words[] = { "final", "initial", "highest", NULL };
static const char *const agg_words[] = { "count", "mean", "worst", NULL };
static const char *const weights_words[] = { "refuse", "normalise", NULL };
static const char *const channel_words[] = { "separate", "count", NULL };
static const char *const dir_words[] = { "higher", "lower", NULL };
static const char *const freq_words[] = {
	"monthly", "quarterly", "halfyearly", "yearly", "per-event", NULL,
};
static const char *const norm_per_words[] = { "month", "quarter", "halfyear", "year", NULL };
static const char *const unit_words[] = { "%", "count", "score", "hours", NULL };
static const char *const lang_words[] = { "nl", "en", NULL };
static const char *const holiday_words[] = { "none", "nl", NULL };
static const char *const liberation_words[] = { "every", "lustrum", "never", NULL };
static const char *const no_outages_words[] = { "missing", "available", NULL };
static const char *const response_channel_words[] = {
	"phone", "portal", "email", "chat", "walk-in", "other", NULL,
};
static const char *const score_words[] = { "ratio", "inverse", "success", NULL };
static const int score_values[] = { SK_SCORE_RATIO, SK_SCORE_INVERSE, SK_SCORE_SUCCESS };
static const char *const onsite_default_words[] = { "none", "resolution", NULL };

/* The word for value @v of a NULL-terminated list of @n words. */
static const char *word_of(const char *const *words, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? words[v] : "unknown";
}

#define WORD(list, v) word_of(list, sizeof(list) / sizeof(list[0]) - 1, (int)(v))

const char *sk_clock_start_name(enum sk_clock_start v) { return WORD(clock_words, v); }
const char *sk_priority_rule_name(enum sk_priority_rule v) { return WORD(prio_words, v); }
const char *sk_aggregate_name(enum sk_aggregate v) { return WORD(agg_words, v); }
const char *sk_weights_rule_name(enum sk_weights_rule v) { return WORD(weights_words, v); }
const char *sk_channel_rule_name(enum sk_channel_rule v) { return WORD(channel_words, v); }
const char *sk_direction_name(enum sk_direction v) { return WORD(dir_words, v); }
const char *sk_frequency_name(enum sk_frequency v) { return WORD(freq_words, v); }

const char *sk_kpi_score_name(const struct sk_kpi *k)
{
	if (k->score == SK_SCORE_BY_DIRECTION)
		return k->direction == SK_LOWER_IS_BETTER ? "inverse" : "ratio";
	return WORD(score_words, k->score - 1);
}

/* ---- value readers: each fails with the key's line and the key ---- */

static enum sk_err read_choice(struct loader *ld, const struct ini_entry *e,
			       const char *const *words, int *out)
{
	char list[256];
	size_t n = 0, i;

	for (i = 0; words[i]; i++)
		if (strcasecmp(e->value, words[i]) == 0) {
			*out = (int)i;
			return SK_OK;
		}
	/* "expected a, b or c": the same words the man page lists. */
	list[0] = '\0';
	for (i = 0; words[i]; i++)
		n += (size_t)snprintf(list + n, n < sizeof(list) ? sizeof(list) - n : 0, "%s%s",
				      i == 0 ? "" : words[i + 1] ? ", " : " or ", words[i]);
	return ld_fail(ld, e->line, e->key, "expected %s, not '%s'", list, e->value);
}

/* yes or no. */
static enum sk_err read_bool(struct loader *ld, const struct ini_entry *e, int *out)
{
	static const char *const words[] = { "yes", "no", NULL };
	enum sk_err rc = read_choice(ld, e, words, out);

	*out = rc == SK_OK && *out == 0; /* "yes" is word 0 */
	return rc;
}

/* A number with at most 6 decimals (decimal.h). */
static enum sk_err read_dec(struct loader *ld, const struct ini_entry *e, sk_dec *out)
{
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_dec_parse(e->value, out, &in) != SK_OK)
		return ld_fail(ld, e->line, e->key, "%s", in.msg);
	return SK_OK;
}

/* A percentage norm or weight: 0..100 (a norm of 0 is refused later where it matters). */
static enum sk_err read_pct(struct loader *ld, const struct ini_entry *e, sk_dec *out)
{
	enum sk_err rc = read_dec(ld, e, out);

	if (rc == SK_OK && (*out < 0 || *out > SK_DEC(100)))
		return ld_fail(ld, e->line, e->key, "'%s' is not a percentage from 0 to 100",
				  e->value);
	return rc;
}

/* A duration (duration.h); days stay symbolic until a calendar resolves them. */
/* A length of business time: `eod` is a deadline, which only a ticket's targets take. */
static enum sk_err read_duration(struct loader *ld, const struct ini_entry *e,
				 struct sk_duration *out)
{
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_duration_parse(e->value, out, &in) != SK_OK)
		return ld_fail(ld, e->line, e->key, "%s", in.msg);
	if (out->eod)
		return ld_fail(ld, e->line, e->key, "'%s' is a deadline at the end of a business day, "
			       "which only a priority's targets take; give a length (4h, 1d)", e->value);
	return SK_OK;
}

/*
 * A response or resolution target: a duration, written `< 15min` when the
 * contract says "< 15 minuten" (met only below it) or `<= 15min`, `≤ 15min`
 * or just `15min` when it is met up to the limit itself. A ticket's target
 * (@eod) may also be a deadline at the end of a business day (`eod+1`).
 */
static enum sk_err read_target(struct loader *ld, const struct ini_entry *e,
			       struct sk_duration *out, int eod)
{
	struct sk_diag in;
	const char *v = e->value;
	int below = 0;

	while (*v == ' ' || *v == '\t')
		v++;
	if (strncmp(v, "<=", 2) == 0)
		v += 2;
	else if (strncmp(v, "\xe2\x89\xa4", 3) == 0) /* ≤ */
		v += 3;
	else if (*v == '<')
		v++, below = 1;
	sk_diag_clear(&in);
	if (sk_duration_parse(v, out, &in) != SK_OK)
		return ld_fail(ld, e->line, e->key, "%s", in.msg);
	if (out->eod && !eod)
		return ld_fail(ld, e->line, e->key, "'%s' is a deadline at the end of a business day, "
			       "which only a priority's targets take; give a length (4h, 1d)", e->value);
	out->below = below;
	if (below && !out->eod && sk_duration_seconds(out, 1) == 0)
		return ld_fail(ld, e->line, e->key, "a target below 0 cannot be met");
	return SK_OK;
}

enum sk_err ld_read_target(struct loader *ld, const struct ini_entry *e, struct sk_duration *out)
{
	return read_target(ld, e, out, 0);
}

/* YYYY-MM-DD at the start of @s; returns the rest or NULL. */
static const char *parse_date(const char *s, int64_t *day)
{
	int y, m, d;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]) || s[4] != '-' ||
	    !isdigit((unsigned char)s[5]) || !isdigit((unsigned char)s[6]) || s[7] != '-' ||
	    !isdigit((unsigned char)s[8]) || !isdigit((unsigned char)s[9]))
		return NULL;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2199 || !sk_date_valid(y, m, d))
		return NULL;
	*day = sk_days_from_civil(y, m, d);
	return s + 10;
}

/* A whole value that is a date. */
static enum sk_err read_date(struct loader *ld, const struct ini_entry *e, int64_t *out)
{
	const char *rest = parse_date(e->value, out);

	if (!rest || *rest)
		return ld_fail(ld, e->line, e->key, "cannot read '%s' as a date (YYYY-MM-DD)",
				  e->value);
	return SK_OK;
}

/* A whole number from @lo to @hi. */
static enum sk_err read_int(struct loader *ld, const struct ini_entry *e, int lo, int hi,
			    int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(e->value, &end, 10);
	if (!isdigit((unsigned char)e->value[0]) || *end || errno || v < lo || v > hi)
		return ld_fail(ld, e->line, e->key, "expected a whole number from %d to %d, not '%s'",
				  lo, hi, e->value);
	*out = (int)v;
	return SK_OK;
}

/* Free text, copied. */
static enum sk_err read_text(struct loader *ld, const struct ini_entry *e, char **out)
{
	free(*out);
	*out = ld_strdup(e->value);
	return *out ? SK_OK : ld_nomem(ld);
}

/* A comma-separated list (continuation lines count as commas); blanks trimmed. */
static enum sk_err read_list(struct loader *ld, const struct ini_entry *e, char ***out,
			     size_t *n)
{
	char *copy = ld_strdup(e->value), *p, *tok;
	size_t cap = 0;
	enum sk_err rc = SK_OK;

	if (!copy)
		return ld_nomem(ld);
	for (p = copy; *p; p++)
		if (*p == '\n')
			*p = ',';
	for (tok = copy; tok; tok = p) {
		char *item;

		p = strchr(tok, ',');
		if (p)
			*p++ = '\0';
		item = ld_trim(tok);
		if (!*item)
			continue;
		if (!ld_grow((void **)out, &cap, *n, sizeof(**out)) ||
		    !((*out)[*n] = ld_strdup(item))) {
			rc = ld_nomem(ld);
			break;
		}
		(*n)++;
	}
	free(copy);
	if (rc == SK_OK && *n == 0)
		rc = ld_fail(ld, e->line, e->key, "the list is empty");
	return rc;
}

/*
 * Ids, field names and matrix values name things in other keys and in
 * reports: one word of letters, digits, '_' and '-'.
 */
int ld_plain_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

/* ---- the sections and their keys ---- */

enum kind { K_CONTRACT, K_CALENDAR, K_PRIORITY, K_MATRIX, K_SERVICE, K_DOMAIN, K_KPI,
	    K_STAFFEL, K_RULES, K_SUPPLIER, K_CHOICE };

/* Which kind a section name is, with its id (and the domain of a KPI). */
static int section_kind(const char *name, const char **id, const char **domain_end)
{
	static const struct {
		const char *prefix;
		int kind;
	} named[] = {
		{ "calendar.", K_CALENDAR }, { "priority.", K_PRIORITY }, { "service.", K_SERVICE },
		{ "domain.", K_DOMAIN }, { "kpi.", K_KPI }, { "supplier.", K_SUPPLIER },
		{ "choice.", K_CHOICE },
	};

	*id = NULL;
	*domain_end = NULL;
	if (strcmp(name, "contract") == 0)
		return K_CONTRACT;
	if (strcmp(name, "matrix") == 0)
		return K_MATRIX;
	if (strcmp(name, "staffel") == 0)
		return K_STAFFEL;
	if (strcmp(name, "rules") == 0)
		return K_RULES;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t pl = strlen(named[i].prefix);

		if (strncmp(name, named[i].prefix, pl) == 0) {
			*id = name + pl;
			if (named[i].kind == K_KPI)
				*domain_end = strchr(*id, '.');
			return named[i].kind;
		}
	}
	return -1;
}

static const char *const day_names[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const day_long[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* "mon".."sun" (3 letters, any case) into 0..6, -1 otherwise. */
static int day_index(const char *s, size_t len)
{
	for (int i = 0; i < 7; i++)
		if (len == 3 && strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* "mon" or "mon-fri" into first and last weekday; 0 when it is no day key. */
static int day_key(const char *key, int *from, int *to)
{
	const char *dash = strchr(key, '-');

	if (!dash) {
		*from = *to = day_index(key, strlen(key));
		return *from >= 0;
	}
	*from = day_index(key, (size_t)(dash - key));
	*to = day_index(dash + 1, strlen(dash + 1));
	return *from >= 0 && *to >= 0;
}

/* "HH:MM" (00:00..24:00) into seconds after midnight; returns the rest or NULL. */
static const char *parse_clock(const char *s, int *secs)
{
	int h, m;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return NULL;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return NULL;
	*secs = h * 3600 + m * 60;
	return s + 5;
}

/* `mon-fri = 08:00-12:00, 13:00-17:00`: hours of each weekday, set once. */
static enum sk_err set_calendar_day(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct cal_spec *sp = obj;
	int from = 0, to = 0;
	struct sk_interval iv[SK_MAX_INTERVALS];
	size_t n = 0;
	char *copy, *p, *tok;
	enum sk_err rc = SK_OK;

	day_key(e->key, &from, &to); /* find_key() let it through as a day key */
	if (to < from)
		return ld_fail(ld, e->line, e->key,
				  "a range of days runs forward through the week, like mon-fri");
	for (int w = from; w <= to; w++)
		if (sp->day_line[w])
			return ld_fail(ld, e->line, e->key, "%s is already set at line %ld",
					  day_long[w], sp->day_line[w]);
	if (strcasecmp(e->value, "closed") != 0) {
		copy = ld_strdup(e->value);
		if (!copy)
			return ld_nomem(ld);
		for (p = copy; *p; p++)
			if (*p == '\n')
				*p = ',';
		for (tok = copy; tok && rc == SK_OK; tok = p) {
			const char *q;
			int a, b;

			p = strchr(tok, ',');
			if (p)
				*p++ = '\0';
			tok = ld_trim(tok);
			if (!*tok)
				continue; /* "08:00-12:00," before a continuation line */
			q = parse_clock(tok, &a);
			if (q) {
				while (*q == ' ' || *q == '\t')
					q++;
				q = *q == '-' ? parse_clock(q + 1, &b) : NULL;
			}
			if (q) {
				while (*q == ' ' || *q == '\t')
					q++;
			}
			if (!q || *q || a == 86400) {
				rc = ld_fail(ld, e->line, e->key,
						"cannot read '%s' as working hours (like 08:00-17:00)",
						tok);
			} else if (b <= a) {
				rc = ld_fail(ld, e->line, e->key,
						"'%s' ends before it starts", tok);
			} else if (n > 0 && a < iv[n - 1].end) {
				rc = ld_fail(ld, e->line, e->key,
						"'%s' overlaps or precedes the hours before it "
						"(list them in order, without overlap)", tok);
			} else if (n == SK_MAX_INTERVALS) {
				rc = ld_fail(ld, e->line, e->key,
						"more than %d working periods in one day",
						SK_MAX_INTERVALS);
			} else {
				iv[n].start = a;
				iv[n].end = b;
				n++;
			}
		}
		free(copy);
		if (rc != SK_OK)
			return rc;
	}
	for (int w = from; w <= to; w++) {
		memcpy(sp->iv[w], iv, n * sizeof(iv[0]));
		sp->n_iv[w] = n;
		sp->day_line[w] = e->line;
	}
	return SK_OK;
}


/* ---- the keys that need more than one value read into one place ---- */

/* [contract] timezone: the zone is opened at once, so a wrong name names its line. */
static enum sk_err set_timezone(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_contract *c = obj;
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_tz_open(e->value, &c->tz, &in) != SK_OK)
		return in.err == SK_ERR_NOMEM ? ld_nomem(ld) : ld_fail(ld, e->line, e->key, "%s", in.msg);
	ld->timezone_line = e->line;
	return SK_OK;
}

/* [calendar.NAME] standard_day: hours, from 1s to 24h. */
static enum sk_err set_standard_day(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct cal_spec *sp = obj;
	struct sk_duration dur;
	enum sk_err rc = read_duration(ld, e, &dur);

	if (rc != SK_OK)
		return rc;
	if (dur.days || dur.seconds <= 0 || dur.seconds > 86400)
		return ld_fail(ld, e->line, e->key,
				  "a standard day is given in hours, from 1s to 24h (like 9h)");
	sp->standard_day = dur.seconds;
	sp->standard_line = e->line;
	return SK_OK;
}

/* [calendar.NAME] closed = DATE [NAME]: one more closed day. */
static enum sk_err set_closed(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct cal_spec *sp = obj;
	int64_t day;
	const char *rest = parse_date(e->value, &day);
	struct cal_closed *cl;

	if (!rest || (*rest && *rest != ' ' && *rest != '\t'))
		return ld_fail(ld, e->line, e->key,
				  "expected a date (YYYY-MM-DD) and an optional name, not '%s'",
				  e->value);
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (!ld_grow((void **)&sp->closed, &sp->cap_closed, sp->n_closed, sizeof(*sp->closed)))
		return ld_nomem(ld);
	cl = &sp->closed[sp->n_closed];
	cl->day = day;
	cl->line = e->line;
	cl->name = *rest ? ld_strdup(rest) : NULL;
	if (*rest && !cl->name)
		return ld_nomem(ld);
	sp->n_closed++;
	return SK_OK;
}

/* [calendar.NAME] ics = FILE: read once the zone is known (contract_check.c). */
static enum sk_err set_ics(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct cal_spec *sp = obj;
	struct cal_ics *f;

	if (!ld_grow((void **)&sp->ics, &sp->cap_ics, sp->n_ics, sizeof(*sp->ics)))
		return ld_nomem(ld);
	f = &sp->ics[sp->n_ics];
	f->line = e->line;
	f->path = ld_strdup(e->value);
	if (!f->path)
		return ld_nomem(ld);
	sp->n_ics++;
	return SK_OK;
}

/* 1 when a target is written `none`: outside the agreement, not measured. */
static int is_none(const char *v)
{
	return strcasecmp(v, "none") == 0;
}

/*
 * The plain response or resolution key of a priority: the target (or `none`)
 * of every type that has none of its own (a per-type key read before or after
 * it wins).
 */
static enum sk_err set_all_types(struct loader *ld, struct sk_duration *target, unsigned *none,
				 const struct ini_entry *e)
{
	struct sk_duration dur = { 0 };
	int off = is_none(e->value);
	enum sk_err rc = off ? SK_OK : read_target(ld, e, &dur, 1);

	if (rc == SK_OK)
		for (int t = 0; t < SK_TICKET_TYPES; t++)
			if (!target[t].set && !(*none & (1u << t))) {
				if (off)
					*none |= 1u << t;
				else
					target[t] = dur;
			}
	return rc;
}

static enum sk_err set_response(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_priority *pr = obj;

	return set_all_types(ld, pr->response, &pr->response_none, e);
}

static enum sk_err set_resolution(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_priority *pr = obj;

	return set_all_types(ld, pr->resolution, &pr->resolution_none, e);
}

/* [priority.ID] update_every = DURATION (more than zero), or `agreed`. */
static enum sk_err set_update_every(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_priority *pr = obj;
	struct sk_duration dur;
	enum sk_err rc;

	if (strcasecmp(e->value, "agreed") == 0) {
		memset(&pr->update_every, 0, sizeof(pr->update_every));
		pr->update_agreed = 1;
		return SK_OK;
	}
	if ((rc = read_duration(ld, e, &dur)))
		return rc;
	if (dur.below || (!dur.days && dur.seconds <= 0))
		return ld_fail(ld, e->line, e->key, "an update interval is a duration above zero "
			       "(like 30m, 2h, 1d) or 'agreed', not '%s'", e->value);
	pr->update_every = dur;
	pr->update_every.set = 1;
	pr->update_agreed = 0;
	return SK_OK;
}

/* [supplier.ID] response.P1 / resolution.P1: kept until the priorities are known. */
static enum sk_err set_supplier_target(struct loader *ld, void *obj, const struct ini_entry *e)
{
	size_t i = (size_t)((struct sk_supplier *)obj - ld->c->suppliers);

	return contract_supplier_target_key(ld, i, e, strncasecmp(e->key, "resolution.", 11) == 0);
}

/* [domain.ID] invoice: an amount in cents, not negative. */
static enum sk_err set_invoice(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_domain *dm = obj;
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_cents_parse(e->value, &dm->invoice_cents, &in) != SK_OK)
		return ld_fail(ld, e->line, e->key, "%s", in.msg);
	if (dm->invoice_cents < 0)
		return ld_fail(ld, e->line, e->key, "an invoice amount cannot be negative");
	dm->has_invoice = 1;
	return SK_OK;
}

/* `type=incident,problem`: the ticket types a KPI counts, as bits. */
static enum sk_err read_source_types(struct loader *ld, long line, const char *key,
				     const char *list, unsigned *out)
{
	char word[32];

	*out = 0;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		int type;

		snprintf(word, sizeof(word), "%.*s", (int)(n < sizeof(word) ? n : sizeof(word) - 1), p);
		type = n < sizeof(word) ? sk_ticket_type_parse(word) : -1;
		if (type < 0)
			return ld_fail(ld, line, key,
					  "unknown ticket type '%s' in type= (incident, request, change, "
					  "problem or complaint, separated by commas)", word);
		*out |= 1u << type;
		p += n;
		if (*p == ',')
			p++;
	}
	return SK_OK;
}

/*
 * `source`: a first word, then NAME=VALUE parameters. The first word is
 * manual, tickets:WHAT, calls:within=DURATION or outages:SERVICE_ID.
 */
static enum sk_err set_source(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct kpi_tmp *t = obj;
	struct sk_kpi *k = &t->k;
	char *copy, *tok, *save = NULL;
	enum sk_err rc = SK_OK;
	int first = 1;

	free(k->source);
	k->source = ld_strdup(e->value);
	copy = ld_strdup(e->value);
	if (!k->source || !copy) {
		free(copy);
		return ld_nomem(ld);
	}
	t->source_line = e->line;
	for (tok = strtok_r(copy, " \t\n", &save); tok && rc == SK_OK;
	     tok = strtok_r(NULL, " \t\n", &save), first = 0) {
		if (first) {
			size_t i;

			for (i = 0; i < SK_SRC_CALLS; i++)
				if (strcasecmp(tok, source_names[i]) == 0)
					break;
			if (i < SK_SRC_CALLS) {
				k->source_kind = (enum sk_source)i;
			} else if (strcasecmp(tok, "actions") == 0) {
				k->source_kind = SK_SRC_ACTIONS;
			} else if (strcasecmp(tok, source_names[SK_SRC_MTTP]) == 0) {
				k->source_kind = SK_SRC_MTTP;
			} else if (strncasecmp(tok, "calls:within=", 13) == 0) {
				struct ini_entry w = { .key = "source", .value = tok + 13, .line = e->line };

				k->source_kind = SK_SRC_CALLS;
				rc = read_duration(ld, &w, &k->within);
				if (rc == SK_OK && k->within.days)
					rc = ld_fail(ld, e->line, e->key,
							"calls:within= is a waiting time in "
							"seconds or minutes, not in days");
			} else if (strncasecmp(tok, "supplier:", 9) == 0 && ld_plain_word(tok + 9)) {
				k->source_kind = SK_SRC_SUPPLIER;
				free(t->p_supplier);
				if (!(t->p_supplier = ld_strdup(tok + 9)))
					rc = ld_nomem(ld);
			} else if (strncasecmp(tok, "outages:", 8) == 0 && ld_plain_word(tok + 8)) {
				k->source_kind = SK_SRC_OUTAGES;
				t->p_service = ld_strdup(tok + 8);
				if (!t->p_service)
					rc = ld_nomem(ld);
			} else {
				rc = ld_fail(ld, e->line, e->key,
						"unknown source '%s' (see slakit-contract(5): manual, "
						"tickets:..., calls:within=..., outages:SERVICE, "
						"supplier:ID, actions)",
						tok);
			}
			continue;
		}
		/* Parameters: which ones a source takes is checked in contract_check.c. */
		if (strncasecmp(tok, "within=", 7) == 0 && !k->within.set) {
			struct ini_entry w = { .key = "source", .value = tok + 7, .line = e->line };

			rc = read_duration(ld, &w, &k->within);
		} else if (strncasecmp(tok, "priority=", 9) == 0 && !t->p_priority && tok[9]) {
			if (!(t->p_priority = ld_strdup(tok + 9)))
				rc = ld_nomem(ld);
		} else if (strncasecmp(tok, "calendar=", 9) == 0 && !t->p_calendar && tok[9]) {
			if (!(t->p_calendar = ld_strdup(tok + 9)))
				rc = ld_nomem(ld);
		} else if (strncasecmp(tok, "type=", 5) == 0 && !k->source_types && tok[5]) {
			rc = read_source_types(ld, e->line, e->key, tok + 5, &k->source_types);
		} else {
			rc = ld_fail(ld, e->line, e->key,
					"cannot read parameter '%s' (within=, priority=, calendar= or "
					"type=, each at most once)", tok);
		}
	}
	free(copy);
	return rc;
}


/* `step = MIN MALUS [escalate]`, e.g. `step = 90.00 0.5`. */
static enum sk_err set_staffel(struct loader *ld, void *obj, const struct ini_entry *e)
{
	struct sk_contract *c = obj;
	struct sk_staffel_step st = { 0, 0, 0 };
	char *copy = ld_strdup(e->value), *tok, *save = NULL;
	enum sk_err rc = SK_OK;
	int n = 0;
	size_t cap;

	if (!copy)
		return ld_nomem(ld);
	for (tok = strtok_r(copy, " \t\n", &save); tok && rc == SK_OK;
	     tok = strtok_r(NULL, " \t\n", &save), n++) {
		if (n == 2 && strcasecmp(tok, "escalate") == 0) {
			st.escalate = 1;
			continue;
		}
		if (n < 2 && sk_dec_parse(tok, n == 0 ? &st.min_score : &st.malus, NULL) == SK_OK)
			continue;
		rc = ld_fail(ld, e->line, e->key,
				"expected a minimum score, a malus %% and optionally 'escalate' "
				"(like 90.00 0.5), not '%s'", e->value);
	}
	free(copy);
	if (rc != SK_OK)
		return rc;
	if (n < 2)
		return ld_fail(ld, e->line, e->key,
				  "expected a minimum score, a malus %% and optionally 'escalate' "
				  "(like 90.00 0.5), not '%s'", e->value);
	if (st.min_score < 0 || st.malus < 0 || st.malus > SK_DEC(100))
		return ld_fail(ld, e->line, e->key,
				  "a score cannot be negative and a malus lies from 0 to 100 %%");
	for (size_t i = 0; i < c->n_staffel; i++)
		if (c->staffel[i].min_score == st.min_score)
			return ld_fail(ld, e->line, e->key,
					  "two steps start at the same score '%s'", e->value);
	cap = c->n_staffel;
	if (!ld_grow((void **)&c->staffel, &cap, c->n_staffel, sizeof(*c->staffel)))
		return ld_nomem(ld);
	/* Keep them sorted highest first: a lookup takes the first step it reaches. */
	{
		size_t i = c->n_staffel;

		while (i > 0 && c->staffel[i - 1].min_score < st.min_score) {
			c->staffel[i] = c->staffel[i - 1];
			i--;
		}
		c->staffel[i] = st;
		c->n_staffel++;
	}
	return SK_OK;
}


/* ---- one table per section: each key, its type, where it goes, how it is checked ---- */

/* Key flags: may repeat; continuation lines join as a list or as text. */
#define F_REPEAT 1u
#define F_LIST 2u
#define F_TEXT 4u
#define F_EOD 8u      /* T_TARGET: a ticket's target, which may be `eod`, `eod+N` */

/* How a value is read, and what the bytes at key_def.off are. */
enum key_type {
	T_TEXT,        /* char *: any text */
	T_WORD,        /* char *: one plain word, else key_def.bad with the value */
	T_CHOICE,      /* int or enum: the index of the word in key_def.words, or map[index] */
	T_CHOICE_WORD, /* char *: the word of key_def.words as the man page writes it */
	T_BOOL,        /* int: yes 1, no 0 */
	T_DEC,         /* sk_dec */
	T_PCT,         /* sk_dec from 0 to 100 */
	T_DURATION,    /* struct sk_duration */
	T_TARGET,      /* struct sk_duration with its bound: `< 15m`, `<= 15m`, `15m`; or
			  `none`, bit key_def.none_bit of the unsigned at key_def.none_at */
	T_DATE,        /* int64_t days since the epoch */
	T_INT,         /* int from key_def.lo to key_def.hi */
	T_LIST,        /* char **, with its count (size_t) at key_def.n_off */
	T_REF,         /* int: the index of the calendar it names, set by contract_check.c */
	T_SET,         /* key_def.set reads it (a value that goes to more than one place) */
	T_LATER        /* key_def.later reads it once every section is read */
};

/* Reads one key into @obj, the object of its section. */
typedef enum sk_err (*key_setter)(struct loader *ld, void *obj, const struct ini_entry *e);

struct key_def {
	const char *name;
	enum key_type type;
	unsigned flags;
	size_t off;                 /* offsetof the value in the section's object */
	size_t has_at;              /* offsetof + 1 of an int set to 1 when given; 0: none */
	size_t line_at;             /* offsetof + 1 of a long set to the key's line; 0: none */
	size_t n_off;               /* T_LIST: offsetof the count */
	const char *const *words;   /* T_CHOICE, T_CHOICE_WORD */
	const int *map;             /* T_CHOICE: the value of each word; NULL: its index */
	int lo, hi;                 /* T_INT */
	const char *bad;            /* T_WORD: the message, with %s for the value */
	key_setter set;             /* T_SET */
	enum sk_err (*later)(struct loader *ld, const struct ini_entry *e); /* T_LATER */
	int pass;                   /* T_LATER: 1 or 2 (contract_read_matrix_keys) */
	size_t none_at;             /* T_TARGET: offsetof + 1 of the `none` bits; 0: no `none` */
	unsigned none_bit;
};

/* An enum is read as the int of its word's index. */
_Static_assert(sizeof(enum sk_direction) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(enum sk_liberation) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(enum sk_score_rule) == sizeof(int), "enums are read as int");

#define AT(type, member) (offsetof(type, member) + 1)
#define KEY(n, t, f, o) .name = (n), .type = (t), .flags = (f), .off = (o)

#define PR struct sk_priority
#define KT struct kpi_tmp
#define SP struct cal_spec
#define RU struct sk_rules

static const struct key_def contract_keys[] = {
	{ KEY("id", T_WORD, 0, offsetof(struct sk_contract, id)),
	  .bad = "'%s' is not an id (letters, digits, '_' and '-')" },
	{ KEY("name", T_TEXT, F_TEXT, offsetof(struct sk_contract, name)) },
	{ KEY("language", T_CHOICE_WORD, 0, offsetof(struct sk_contract, language)),
	  .words = lang_words },
	{ KEY("timezone", T_SET, 0, offsetof(struct sk_contract, tz)), .set = set_timezone },
	{ KEY("supplier", T_TEXT, F_TEXT, offsetof(struct sk_contract, supplier)) },
	{ KEY("customer", T_TEXT, F_TEXT, offsetof(struct sk_contract, customer)) },
	{ KEY("start", T_DATE, 0, offsetof(struct sk_contract, start_day)),
	  .has_at = AT(struct sk_contract, has_start) },
	{ KEY("calendar", T_REF, 0, offsetof(struct sk_contract, default_calendar)) },
	{ .name = NULL },
};

static const int liberation_values[] = { SK_LIBERATION_EVERY, SK_LIBERATION_LUSTRUM,
					 SK_LIBERATION_NEVER };

static const struct key_def calendar_keys[] = {
	{ KEY("24x7", T_BOOL, 0, offsetof(SP, is_24x7)), .line_at = AT(SP, line_24x7) },
	{ KEY("holidays", T_CHOICE, 0, offsetof(SP, nl)), .words = holiday_words,
	  .line_at = AT(SP, holidays_line) },
	{ KEY("good_friday", T_BOOL, 0, offsetof(SP, nlopt.good_friday)),
	  .line_at = AT(SP, good_friday_line) },
	{ KEY("liberation_day", T_CHOICE, 0, offsetof(SP, nlopt.liberation)),
	  .words = liberation_words, .map = liberation_values, .line_at = AT(SP, liberation_line) },
	{ KEY("closed", T_SET, F_REPEAT, offsetof(SP, closed)), .set = set_closed },
	{ KEY("ics", T_SET, F_REPEAT, offsetof(SP, ics)), .set = set_ics },
	{ KEY("standard_day", T_SET, 0, offsetof(SP, standard_day)), .set = set_standard_day },
	{ .name = NULL },
};

/* mon, tue-fri, ...: not in the table, found by day_key(). */
static const struct key_def day_def = { KEY("day", T_SET, F_LIST, offsetof(SP, iv)),
					.set = set_calendar_day };

#define PER_TYPE(what, t, tname) \
	{ KEY(#what "." tname, T_TARGET, F_EOD, offsetof(PR, what[t])), \
	  .none_at = AT(PR, what##_none), .none_bit = 1u << (t) }
#define PER_CHANGE(what, t, tname) \
	{ KEY(#what ".change." tname, T_TARGET, F_EOD, offsetof(PR, what##_change[t])), \
	  .none_at = AT(PR, what##_change_none), .none_bit = 1u << (t) }

static const struct key_def priority_keys[] = {
	{ KEY("name", T_TEXT, F_TEXT, offsetof(PR, name)) },
	{ KEY("aliases", T_LIST, F_LIST, offsetof(PR, aliases)), .n_off = offsetof(PR, n_aliases) },
	{ KEY("calendar", T_REF, 0, offsetof(PR, calendar)) },
	{ KEY("response", T_SET, 0, offsetof(PR, response)), .set = set_response },
	{ KEY("resolution", T_SET, 0, offsetof(PR, resolution)), .set = set_resolution },
	PER_TYPE(response, SK_TICKET_INCIDENT, "incident"),
	PER_TYPE(response, SK_TICKET_REQUEST, "request"),
	PER_TYPE(response, SK_TICKET_CHANGE, "change"),
	PER_TYPE(response, SK_TICKET_PROBLEM, "problem"),
	PER_TYPE(response, SK_TICKET_COMPLAINT, "complaint"),
	PER_TYPE(resolution, SK_TICKET_INCIDENT, "incident"),
	PER_TYPE(resolution, SK_TICKET_REQUEST, "request"),
	PER_TYPE(resolution, SK_TICKET_CHANGE, "change"),
	PER_TYPE(resolution, SK_TICKET_PROBLEM, "problem"),
	PER_TYPE(resolution, SK_TICKET_COMPLAINT, "complaint"),
	PER_CHANGE(response, SK_CHANGE_STANDARD, "standard"),
	PER_CHANGE(response, SK_CHANGE_NORMAL, "normal"),
	PER_CHANGE(response, SK_CHANGE_EMERGENCY, "emergency"),
	PER_CHANGE(resolution, SK_CHANGE_STANDARD, "standard"),
	PER_CHANGE(resolution, SK_CHANGE_NORMAL, "normal"),
	PER_CHANGE(resolution, SK_CHANGE_EMERGENCY, "emergency"),
	{ KEY("norm", T_PCT, 0, offsetof(PR, norm)), .has_at = AT(PR, has_norm) },
	{ KEY("onsite", T_TARGET, F_EOD, offsetof(PR, onsite)) },
	{ KEY("onsite_norm", T_PCT, 0, offsetof(PR, onsite_norm)), .has_at = AT(PR, has_onsite_norm) },
	{ KEY("swap", T_TARGET, F_EOD, offsetof(PR, swap)) },
	{ KEY("swap_emergency", T_TARGET, F_EOD, offsetof(PR, swap_emergency)) },
	{ KEY("swap_norm", T_PCT, 0, offsetof(PR, swap_norm)), .has_at = AT(PR, has_swap_norm) },
	{ KEY("update_every", T_SET, 0, offsetof(PR, update_every)), .set = set_update_every },
	{ KEY("response_by", T_CHOICE_WORD, 0, offsetof(PR, response_by)),
	  .words = response_channel_words },
	{ KEY("channel", T_WORD, 0, offsetof(PR, channel)),
	  .bad = "a channel is one word, like phone, not '%s'" },
	{ KEY("after_hours_calendar", T_REF, 0, offsetof(PR, after_hours_calendar)) },
	{ KEY("after_hours_response", T_TARGET, F_EOD, offsetof(PR, after_hours_response)) },
	{ KEY("workaround_stops", T_BOOL, 0, offsetof(PR, workaround_stops)) },
	{ .name = NULL },
};

static const struct key_def matrix_keys[] = {
	{ KEY("row", T_LATER, 0, offsetof(struct sk_matrix, row_field)),
	  .later = contract_matrix_field, .pass = 1 },
	{ KEY("column", T_LATER, 0, offsetof(struct sk_matrix, column_field)),
	  .later = contract_matrix_field, .pass = 1 },
	{ KEY("bucket", T_LATER, F_REPEAT, offsetof(struct sk_matrix, buckets)),
	  .later = contract_matrix_bucket, .pass = 1 },
	{ KEY("alias", T_LATER, F_REPEAT, offsetof(struct sk_matrix, aliases)),
	  .later = contract_matrix_alias, .pass = 1 },
	{ KEY("entry", T_LATER, F_REPEAT, offsetof(struct sk_matrix, entries)),
	  .later = contract_matrix_entry, .pass = 2 },
	{ .name = NULL },
};

static const struct key_def service_keys[] = {
	{ KEY("name", T_TEXT, F_TEXT, offsetof(struct sk_service, name)) },
	{ KEY("norm", T_PCT, 0, offsetof(struct sk_service, norm)) },
	{ KEY("calendar", T_REF, 0, offsetof(struct sk_service, calendar)) },
	{ KEY("notice", T_DURATION, 0, offsetof(struct sk_service, notice)) },
	{ KEY("maintenance_outside", T_REF, 0, offsetof(struct sk_service, maintenance_calendar)) },
	{ KEY("no_outages_means", T_CHOICE, 0, offsetof(struct sk_service, no_outages_available)),
	  .words = no_outages_words },
	{ .name = NULL },
};

static const struct key_def domain_keys[] = {
	{ KEY("name", T_TEXT, F_TEXT, offsetof(struct sk_domain, name)) },
	{ KEY("start", T_DATE, 0, offsetof(struct sk_domain, start_day)),
	  .has_at = AT(struct sk_domain, has_start) },
	{ KEY("service", T_TEXT, F_TEXT, offsetof(struct sk_domain, service)) },
	{ KEY("invoice", T_SET, 0, offsetof(struct sk_domain, invoice_cents)), .set = set_invoice },
	{ KEY("weights", T_CHOICE, 0, offsetof(struct sk_domain, weights)), .words = weights_words },
	{ KEY("scored", T_BOOL, 0, offsetof(struct sk_domain, scored)) },
	{ KEY("note", T_TEXT, F_TEXT, offsetof(struct sk_domain, note)) },
	{ .name = NULL },
};

static const int norm_per_months[] = { 1, 3, 6, 12 };

static const struct key_def kpi_keys[] = {
	{ KEY("name", T_TEXT, F_TEXT, offsetof(KT, k.name)) },
	{ KEY("norm", T_DEC, 0, offsetof(KT, k.norm)), .has_at = AT(KT, k.has_norm),
	  .line_at = AT(KT, norm_line) },
	{ KEY("unit", T_CHOICE_WORD, 0, offsetof(KT, k.unit)), .words = unit_words,
	  .line_at = AT(KT, unit_line) },
	{ KEY("direction", T_CHOICE, 0, offsetof(KT, k.direction)), .words = dir_words,
	  .line_at = AT(KT, direction_line) },
	{ KEY("weight", T_PCT, 0, offsetof(KT, k.weight)), .has_at = AT(KT, k.has_weight),
	  .line_at = AT(KT, weight_line) },
	{ KEY("frequency", T_CHOICE, 0, offsetof(KT, k.frequency)), .words = freq_words },
	{ KEY("source", T_SET, 0, offsetof(KT, k.source)), .set = set_source },
	{ KEY("note", T_TEXT, F_TEXT, offsetof(KT, k.note)) },
	{ KEY("norm_per", T_CHOICE, 0, offsetof(KT, k.norm_months)), .words = norm_per_words,
	  .map = norm_per_months },
	{ KEY("pro_rata", T_BOOL, 0, offsetof(KT, k.pro_rata)), .line_at = AT(KT, pro_rata_line) },
	{ KEY("score", T_CHOICE, 0, offsetof(KT, k.score)), .words = score_words,
	  .map = score_values, .line_at = AT(KT, score_line) },
	{ KEY("both_clocks", T_BOOL, 0, offsetof(KT, k.both_clocks)),
	  .line_at = AT(KT, both_clocks_line) },
	{ .name = NULL },
};

static const struct key_def staffel_keys[] = {
	{ KEY("step", T_SET, F_REPEAT, offsetof(struct sk_contract, staffel)), .set = set_staffel },
	{ .name = NULL },
};

static const struct key_def rules_keys[] = {
	{ KEY("resolution_start", T_CHOICE, 0, offsetof(RU, resolution_start)), .words = clock_words },
	{ KEY("priority", T_CHOICE, 0, offsetof(RU, priority)), .words = prio_words },
	{ KEY("cap", T_BOOL, 0, offsetof(RU, cap)) },
	{ KEY("pct_decimals", T_INT, 0, offsetof(RU, pct_decimals)), .lo = 0, .hi = 6 },
	{ KEY("score_decimals", T_INT, 0, offsetof(RU, score_decimals)), .lo = 0, .hi = 6 },
	{ KEY("aggregate", T_CHOICE, 0, offsetof(RU, aggregate)), .words = agg_words },
	{ KEY("weights", T_CHOICE, 0, offsetof(RU, weights)), .words = weights_words },
	{ KEY("wrong_channel", T_CHOICE, 0, offsetof(RU, wrong_channel)), .words = channel_words },
	{ KEY("pause_statuses", T_LIST, F_LIST, offsetof(RU, pause_statuses)),
	  .n_off = offsetof(RU, n_pause_statuses) },
	{ KEY("resolved_statuses", T_LIST, F_LIST, offsetof(RU, resolved_statuses)),
	  .n_off = offsetof(RU, n_resolved_statuses) },
	{ KEY("closed_statuses", T_LIST, F_LIST, offsetof(RU, closed_statuses)),
	  .n_off = offsetof(RU, n_closed_statuses) },
	{ KEY("working_statuses", T_LIST, F_LIST, offsetof(RU, working_statuses)),
	  .n_off = offsetof(RU, n_working_statuses) },
	{ KEY("report_due_days", T_INT, 0, offsetof(RU, report_due_days)), .lo = 0, .hi = 366 },
	{ KEY("reopen_resets", T_BOOL, 0, offsetof(RU, reopen_resets)) },
	{ KEY("supplier_pauses", T_BOOL, 0, offsetof(RU, supplier_pauses)) },
	{ KEY("supplier_statuses", T_LIST, F_LIST, offsetof(RU, supplier_statuses)),
	  .n_off = offsetof(RU, n_supplier_statuses) },
	{ KEY("complaint_management", T_DURATION, 0, offsetof(RU, complaint_management)) },
	{ KEY("complaint_directors", T_DURATION, 0, offsetof(RU, complaint_directors)) },
	{ KEY("at_risk_share", T_PCT, 0, offsetof(RU, at_risk_share)) },
	{ KEY("onsite_default", T_CHOICE, 0, offsetof(RU, onsite_resolution)),
	  .words = onsite_default_words },
	{ .name = NULL },
};

#define SU struct sk_supplier

/*
 * [supplier.ID]: besides these, `response.PRIO` and `resolution.PRIO` (found
 * by supplier_target_key()) and the keys of a calendar, which give the
 * supplier a calendar of its own (ld_read_sections()).
 */
static const struct key_def supplier_keys[] = {
	{ KEY("name", T_TEXT, F_TEXT, offsetof(SU, name)) },
	{ KEY("products", T_TEXT, F_TEXT, offsetof(SU, products)) },
	{ KEY("contact", T_TEXT, F_TEXT, offsetof(SU, contact)) },
	{ KEY("calendar", T_REF, 0, offsetof(SU, calendar)) },
	{ KEY("response", T_TARGET, 0, offsetof(SU, response)) },
	{ KEY("resolution", T_TARGET, 0, offsetof(SU, resolution)) },
	{ KEY("mandate_technical", T_TEXT, F_TEXT, offsetof(SU, mandate_technical)) },
	{ KEY("mandate_privacy", T_TEXT, F_TEXT, offsetof(SU, mandate_privacy)) },
	{ KEY("mandate_financial", T_TEXT, F_TEXT, offsetof(SU, mandate_financial)) },
	{ KEY("statuses", T_LIST, F_LIST, offsetof(SU, statuses)), .n_off = offsetof(SU, n_statuses) },
	{ .name = NULL },
};

/* [choice.ID]: a reading of clauses that disagree, printed with the decisions applied. */
static const struct key_def choice_keys[] = {
	{ KEY("clause", T_TEXT, F_TEXT, offsetof(struct sk_choice, clause)) },
	{ KEY("reading", T_TEXT, F_TEXT, offsetof(struct sk_choice, reading)) },
	{ KEY("seed", T_TEXT, F_TEXT, offsetof(struct sk_choice, seed)) },
	{ .name = NULL },
};

/* response.PRIO, resolution.PRIO: not in the table, found by their prefix. */
static const struct key_def supplier_target_def = { KEY("target", T_SET, 0, 0),
						    .set = set_supplier_target };

#undef SU

#undef PER_TYPE
#undef PER_CHANGE
#undef PR
#undef KT
#undef SP
#undef RU

static const struct key_def *const key_tables[] = {
	contract_keys, calendar_keys, priority_keys, matrix_keys, service_keys, domain_keys,
	kpi_keys, staffel_keys, rules_keys, supplier_keys, choice_keys,
};

/* Read @e as @k says into @obj, the object of its section. */
static enum sk_err apply_key(struct loader *ld, const struct key_def *k, void *obj,
			     const struct ini_entry *e)
{
	char *base = obj;
	void *at = base + k->off;
	enum sk_err rc = SK_OK;
	int v = 0;

	if (k->line_at)
		*(long *)(void *)(base + k->line_at - 1) = e->line;
	if (k->has_at)
		*(int *)(void *)(base + k->has_at - 1) = 1;
	switch (k->type) {
	case T_TEXT:
		return read_text(ld, e, at);
	case T_WORD:
		if (!ld_plain_word(e->value))
			return ld_fail(ld, e->line, e->key, k->bad, e->value);
		return read_text(ld, e, at);
	case T_CHOICE:
		rc = read_choice(ld, e, k->words, &v);
		if (rc == SK_OK)
			*(int *)at = k->map ? k->map[v] : v;
		return rc;
	case T_CHOICE_WORD:
		rc = read_choice(ld, e, k->words, &v);
		if (rc == SK_OK) {
			free(*(char **)at);
			if (!(*(char **)at = ld_strdup(k->words[v])))
				rc = ld_nomem(ld);
		}
		return rc;
	case T_BOOL:
		return read_bool(ld, e, at);
	case T_DEC:
		return read_dec(ld, e, at);
	case T_PCT:
		return read_pct(ld, e, at);
	case T_DURATION:
		return read_duration(ld, e, at);
	case T_TARGET:
		/* A per-type key wins over the plain one, read before or after it. */
		if (k->none_at && is_none(e->value)) {
			*(unsigned *)(void *)(base + k->none_at - 1) |= k->none_bit;
			memset(at, 0, sizeof(struct sk_duration));
			return SK_OK;
		}
		if (k->none_at)
			*(unsigned *)(void *)(base + k->none_at - 1) &= ~k->none_bit;
		return read_target(ld, e, at, (k->flags & F_EOD) != 0);
	case T_DATE:
		return read_date(ld, e, at);
	case T_INT:
		return read_int(ld, e, k->lo, k->hi, at);
	case T_LIST:
		return read_list(ld, e, at, (size_t *)(void *)(base + k->n_off));
	case T_SET:
		return k->set(ld, obj, e);
	case T_REF:   /* the calendar it names may stand further down: contract_check.c */
	case T_LATER: /* contract_read_matrix_keys() */
		return SK_OK;
	}
	return SK_OK;
}

/* ---- pass 2: every section and key, in file order ---- */

/* A new [calendar.NAME] and its spec, Dutch holidays on by default. */
static enum sk_err new_calendar(struct loader *ld, const struct ini_section *s,
				const char *id, struct cal_spec **sp)
{
	struct sk_contract *c = ld->c;
	struct sk_contract_calendar *cc;

	if (!ld_grow((void **)&c->calendars, &ld->cap_cal, c->n_calendars,
			sizeof(*c->calendars)) ||
	    !ld_grow((void **)&ld->specs, &ld->cap_specs, c->n_calendars, sizeof(*ld->specs)))
		return ld_nomem(ld);
	cc = &c->calendars[c->n_calendars];
	*sp = &ld->specs[c->n_calendars];
	cc->line = s->line;
	(*sp)->nl = 1;
	c->n_calendars++;
	if (!(cc->name = ld_strdup(id)))
		return ld_nomem(ld);
	return SK_OK;
}

/* A new [priority.ID], ranked by file order. */
static enum sk_err new_priority(struct loader *ld, const struct ini_section *s,
				const char *id, struct sk_priority **out)
{
	struct sk_contract *c = ld->c;
	struct sk_priority *pr;

	if (!ld_grow((void **)&c->priorities, &ld->cap_prio, c->n_priorities,
			sizeof(*c->priorities)))
		return ld_nomem(ld);
	pr = &c->priorities[c->n_priorities++];
	pr->line = s->line;
	pr->level = (int)c->n_priorities;
	pr->after_hours_calendar = -1;
	*out = pr;
	return (pr->id = ld_strdup(id)) ? SK_OK : ld_nomem(ld);
}

/* A new [service.ID]. */
static enum sk_err new_service(struct loader *ld, const struct ini_section *s,
			       const char *id, struct sk_service **out)
{
	struct sk_contract *c = ld->c;
	struct sk_service *sv;

	if (!ld_grow((void **)&c->services, &ld->cap_svc, c->n_services, sizeof(*c->services)))
		return ld_nomem(ld);
	sv = &c->services[c->n_services++];
	sv->line = s->line;
	*out = sv;
	return (sv->id = ld_strdup(id)) ? SK_OK : ld_nomem(ld);
}

/* A new [domain.ID], scored unless it says otherwise. */
static enum sk_err new_domain(struct loader *ld, const struct ini_section *s,
			      const char *id, struct sk_domain **out)
{
	struct sk_contract *c = ld->c;
	struct sk_domain *dm;

	if (!ld_grow((void **)&c->domains, &ld->cap_dom, c->n_domains, sizeof(*c->domains)))
		return ld_nomem(ld);
	dm = &c->domains[c->n_domains++];
	dm->line = s->line;
	dm->scored = 1;
	*out = dm;
	return (dm->id = ld_strdup(id)) ? SK_OK : ld_nomem(ld);
}

/* A new [supplier.ID]; its calendar is the contract's default unless it names or has one. */
static enum sk_err new_supplier(struct loader *ld, const struct ini_section *s,
				const char *id, struct sk_supplier **out)
{
	struct sk_contract *c = ld->c;
	struct sk_supplier *su;

	if (!ld_grow((void **)&c->suppliers, &ld->cap_sup, c->n_suppliers, sizeof(*c->suppliers)))
		return ld_nomem(ld);
	su = &c->suppliers[c->n_suppliers++];
	su->line = s->line;
	su->calendar = -1;
	*out = su;
	return (su->id = ld_strdup(id)) ? SK_OK : ld_nomem(ld);
}

/* A new [choice.ID]. */
static enum sk_err new_choice(struct loader *ld, const struct ini_section *s, const char *id,
			      struct sk_choice **out)
{
	struct sk_contract *c = ld->c;
	struct sk_choice *ch;

	if (!ld_grow((void **)&c->choices, &ld->cap_choices, c->n_choices, sizeof(*c->choices)))
		return ld_nomem(ld);
	ch = &c->choices[c->n_choices++];
	ch->line = s->line;
	*out = ch;
	return (ch->id = ld_strdup(id)) ? SK_OK : ld_nomem(ld);
}

/*
 * A calendar key in [supplier.ID]: the supplier's own calendar, made at its
 * first such key and named "supplier.ID" (a name no `calendar =` can give).
 */
static enum sk_err supplier_calendar_entry(struct loader *ld, const struct ini_section *s,
					   size_t supplier, size_t ei);

/* A new [kpi.DOMAIN.ID], kept aside until its domain is known to exist. */
static enum sk_err new_kpi(struct loader *ld, const struct ini_section *s,
			   const char *domain_end, struct kpi_tmp **out)
{
	const char *domain = s->name + 4; /* after "kpi." */
	struct kpi_tmp *t;

	if (!ld_grow((void **)&ld->kpis, &ld->cap_kpis, ld->n_kpis, sizeof(*ld->kpis)))
		return ld_nomem(ld);
	t = &ld->kpis[ld->n_kpis++];
	t->k.line = s->line;
	t->k.source_priority = -1;
	t->k.source_calendar = -1;
	t->k.source_service = -1;
	t->k.source_supplier = -1;
	*out = t;
	t->k.id = ld_strdup(domain_end + 1);
	t->domain = malloc((size_t)(domain_end - domain) + 1);
	if (!t->k.id || !t->domain)
		return ld_nomem(ld);
	memcpy(t->domain, domain, (size_t)(domain_end - domain));
	t->domain[domain_end - domain] = '\0';
	return SK_OK;
}

/* Unknown or repeated sections, and ids that other keys could not name. */
static enum sk_err check_section_name(struct loader *ld, size_t i, int *kind,
				      const char **id, const char **domain_end)
{
	const struct ini_section *s = &ld->sec[i];

	*kind = section_kind(s->name, id, domain_end);
	if (*kind < 0)
		return ld_fail(ld, s->line, NULL,
				  "unknown section [%s] (expected contract, calendar.NAME, "
				  "priority.ID, matrix, service.ID, domain.ID, kpi.DOMAIN.ID, "
				  "staffel, rules, supplier.ID or choice.ID)", s->name);
	for (size_t j = 0; j < i; j++)
		if (ld_same(ld->sec[j].name, s->name))
			return ld_fail(ld, s->line, NULL,
					  "section [%s] repeats [%s] from line %ld", s->name,
					  ld->sec[j].name, ld->sec[j].line);
	if (*kind == K_KPI) {
		if (!*domain_end || *domain_end == *id || !ld_plain_word((*domain_end) + 1) ||
		    strchr((*domain_end) + 1, '.'))
			return ld_fail(ld, s->line, NULL,
					  "a KPI section is named [kpi.DOMAIN.ID], not [%s]", s->name);
		for (const char *p = *id; p < *domain_end; p++)
			if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
				return ld_fail(ld, s->line, NULL,
						  "section [%s]: '%.*s' is not an id (letters, "
						  "digits, '_' and '-')", s->name,
						  (int)(*domain_end - *id), *id);
	} else if (*id && !ld_plain_word(*id)) {
		return ld_fail(ld, s->line, NULL,
				  "section [%s]: '%s' is not an id (letters, digits, '_' and '-')",
				  s->name, *id);
	}
	return SK_OK;
}

/* `response.PRIO` or `resolution.PRIO` with a plain word after the dot. */
static int supplier_target_key(const char *key)
{
	if (strncasecmp(key, "response.", 9) == 0)
		return ld_plain_word(key + 9);
	if (strncasecmp(key, "resolution.", 11) == 0)
		return ld_plain_word(key + 11);
	return 0;
}

/* The key's definition, NULL when @kind has no such key. */
static const struct key_def *find_key(int kind, const char *key)
{
	int from, to;

	for (const struct key_def *k = key_tables[kind]; k->name; k++)
		if (ld_same(k->name, key))
			return k;
	if (kind == K_CALENDAR && day_key(key, &from, &to))
		return &day_def;
	if (kind == K_SUPPLIER && supplier_target_key(key))
		return &supplier_target_def;
	return NULL;
}

static enum sk_err read_entry(struct loader *ld, const struct ini_section *s, int kind,
			      size_t ei, void *obj);

static enum sk_err supplier_calendar_entry(struct loader *ld, const struct ini_section *s,
					   size_t supplier, size_t ei)
{
	struct sk_supplier *su = &ld->c->suppliers[supplier];
	struct cal_spec *sp;
	char name[300];
	enum sk_err rc;

	if (su->calendar < 0) {
		snprintf(name, sizeof(name), "supplier.%s", su->id);
		if ((rc = new_calendar(ld, s, name, &sp)))
			return rc;
		su->calendar = (int)ld->c->n_calendars - 1;
	}
	return read_entry(ld, s, K_CALENDAR, ei, &ld->specs[su->calendar]);
}

/*
 * Each indented line joined to a list or text: one that reads `KEY = value`
 * with a key of this section is almost surely a key indented by mistake,
 * which would else be swallowed into the value above and lost
 * (`name = Laag` then `  response = 4h`).
 */
static enum sk_err check_parts(struct loader *ld, const struct ini_section *s, int kind,
			       const struct ini_entry *e)
{
	const char *p = strchr(e->value, '\n');

	for (size_t i = 0; p && i < e->n_part; i++, p = strchr(p, '\n')) {
		const char *eq, *w;
		char word[64];
		size_t n;

		w = ++p;
		eq = strchr(w, '=');
		n = eq ? strcspn(w, "=\n") : 0;
		if (!eq || w + n != eq)
			continue;
		while (n > 0 && (w[n - 1] == ' ' || w[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(word))
			continue;
		memcpy(word, w, n);
		word[n] = '\0';
		if (find_key(kind, word))
			return ld_fail(ld, e->part_line[i], word,
					  "this indented line looks like a key of [%s]: start it "
					  "at the beginning of the line (indented, it would be read "
					  "as more of '%s' from line %ld)", s->name, e->key, e->line);
	}
	return SK_OK;
}

/* One key: known, not repeated, not wrongly continued, not empty; then its table entry. */
static enum sk_err read_entry(struct loader *ld, const struct ini_section *s, int kind,
			      size_t ei, void *obj)
{
	struct ini_entry *e = &s->e[ei];
	const struct key_def *k = find_key(kind, e->key);
	enum sk_err rc;

	if (!e->key[0])
		return ld_fail(ld, e->line, NULL, "a value without a key");
	if (!k)
		return ld_fail(ld, e->line, e->key, "unknown key in [%s]", s->name);
	if (!(k->flags & F_REPEAT) && k != &day_def)
		for (size_t j = 0; j < ei; j++)
			if (ld_same(s->e[j].key, e->key))
				return ld_fail(ld, e->line, e->key,
						  "duplicate key (first set at line %ld)",
						  s->e[j].line);
	if (e->cont_line) {
		if (!(k->flags & (F_LIST | F_TEXT)))
			return ld_fail(ld, e->cont_line, e->key,
					  "this indented line continues '%s' from line %ld, "
					  "which takes one value (start keys at the beginning "
					  "of the line)", e->key, e->line);
		if ((rc = check_parts(ld, s, kind, e)) != SK_OK)
			return rc;
		if (k->flags & F_TEXT)
			for (char *p = e->value; *p; p++)
				if (*p == '\n')
					*p = ' ';
	}
	if (!e->value[0])
		return ld_fail(ld, e->line, e->key, "no value");
	return apply_key(ld, k, obj, e);
}

enum sk_err ld_read_sections(struct loader *ld)
{
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < ld->n_sec && rc == SK_OK; i++) {
		const struct ini_section *s = &ld->sec[i];
		const char *id, *domain_end;
		void *obj = NULL;
		int kind;

		rc = check_section_name(ld, i, &kind, &id, &domain_end);
		if (rc != SK_OK)
			break;
		switch (kind) {
		case K_CONTRACT:
			ld->has_contract = 1;
			ld->contract_line = s->line;
			obj = ld->c;
			break;
		case K_CALENDAR:
			rc = new_calendar(ld, s, id, (struct cal_spec **)&obj);
			break;
		case K_PRIORITY:
			rc = new_priority(ld, s, id, (struct sk_priority **)&obj);
			break;
		case K_MATRIX:
			obj = &ld->c->matrix;
			break;
		case K_SERVICE:
			rc = new_service(ld, s, id, (struct sk_service **)&obj);
			break;
		case K_DOMAIN:
			rc = new_domain(ld, s, id, (struct sk_domain **)&obj);
			break;
		case K_KPI:
			rc = new_kpi(ld, s, domain_end, (struct kpi_tmp **)&obj);
			break;
		case K_STAFFEL:
			obj = ld->c;
			break;
		case K_RULES:
			obj = &ld->c->rules;
			break;
		case K_SUPPLIER:
			rc = new_supplier(ld, s, id, (struct sk_supplier **)&obj);
			break;
		case K_CHOICE:
			rc = new_choice(ld, s, id, (struct sk_choice **)&obj);
			break;
		default:
			break;
		}
		for (size_t j = 0; j < s->n && rc == SK_OK; j++) {
			/* A supplier's hours and holidays: the keys of a calendar. */
			if (kind == K_SUPPLIER && !find_key(K_SUPPLIER, s->e[j].key) &&
			    find_key(K_CALENDAR, s->e[j].key)) {
				rc = supplier_calendar_entry(ld, s, ld->c->n_suppliers - 1, j);
				continue;
			}
			rc = read_entry(ld, s, kind, j, obj);
		}
	}
	return rc;
}

enum sk_err contract_read_matrix_keys(struct loader *ld, const struct ini_section *s,
				      int pass)
{
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < s->n && rc == SK_OK; i++) {
		const struct key_def *k = find_key(K_MATRIX, s->e[i].key);

		if (k && k->type == T_LATER && k->pass == pass)
			rc = k->later(ld, &s->e[i]);
	}
	return rc;
}

const char *contract_key_name(const char *section, size_t i)
{
	const char *id, *domain_end;
	int kind = section_kind(section, &id, &domain_end);
	const struct key_def *k;

	if (kind < 0)
		return NULL;
	for (k = key_tables[kind]; k->name; k++, i--)
		if (i == 0)
			return k->name;
	return NULL;
}
