/*
 * Contract files: every refusal names the right line, key and reason; good
 * files give the figures the seeds state (checked on the three samples).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "slakit/contract.h"
#include "base/base.h"

static const char *data_path(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("SK_TESTDATA");

	snprintf(buf, size, "%s/contracts/%s", dir && *dir ? dir : "data", name);
	return buf;
}

static const char *sample_path(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("SK_SAMPLES");

	snprintf(buf, size, "%s/contracts/%s", dir && *dir ? dir : "../samples", name);
	return buf;
}

static struct sk_contract *load_ok(const char *path)
{
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char msg[2048];
	enum sk_err rc = sk_contract_load(path, &c, &d);

	if (rc != SK_OK)
		print_error("%s\n", sk_diag_format(&d, msg, sizeof(msg)));
	assert_int_equal(rc, SK_OK);
	assert_non_null(c);
	return c;
}

static struct sk_contract *load_data(const char *name)
{
	char path[1024];

	return load_ok(data_path(name, path, sizeof(path)));
}

static struct sk_contract *load_sample(const char *name)
{
	char path[1024];

	return load_ok(sample_path(name, path, sizeof(path)));
}

static int64_t day(int y, int m, int d)
{
	return sk_days_from_civil(y, m, d);
}

/* ---- refusals: one fixture, one mistake, one exact diagnostic ---- */

struct refusal {
	const char *file;
	long line;
	const char *field;
	const char *msg;
};

static const struct refusal refusals[] = {
	{ "unknown_key.ini", 10, "colour", "unknown key in [priority.P1]" },
	{ "unknown_section.ini", 7, "",
	  "unknown section [prioriteit.P1] (expected contract, calendar.NAME, priority.ID, "
	  "matrix, service.ID, domain.ID, kpi.DOMAIN.ID, staffel, rules, supplier.ID or choice.ID)" },
	{ "bad_duration.ini", 9, "resolution",
	  "cannot read '4 weeks' as a duration (like 15m, 4h, 1d, 1h30m, eod, eod+1)" },
	{ "duplicate_key.ini", 11, "resolution", "duplicate key (first set at line 9)" },
	{ "duplicate_section.ini", 11, "",
	  "section [priority.p1] repeats [priority.P1] from line 7" },
	{ "weights_105.ini", 21, "weight",
	  "weights of domain 'workplace' add up to 105, not 100 "
	  "(set weights = normalise to scale them)" },
	{ "no_targets.ini", 11, "",
	  "priority 'P2' has no targets (set response and resolution, or per type, "
	  "e.g. resolution.incident)" },
	{ "unknown_calendar.ini", 8, "calendar", "no calendar 'avond' (define [calendar.avond])" },
	{ "day_twice.ini", 6, "fri", "friday is already set at line 5" },
	{ "bad_hours.ini", 6, "fri", "'17:00-08:00' ends before it starts" },
	{ "indented_key.ini", 9, "response",
	  "this indented line continues 'response' from line 8, which takes one value "
	  "(start keys at the beginning of the line)" },
	{ "no_equals.ini", 8, "",
	  "cannot read this line (expected [section], key = value or a comment)" },
	{ "key_before_section.ini", 2, "", "a key before the first [section]" },
	{ "long_line.ini", 3, "",
	  "the line is longer than 197 characters (continue a list or text on an "
	  "indented next line)" },
	{ "no_contract.ini", 0, "", "no [contract] section" },
	{ "no_id.ini", 1, "id", "[contract] needs an id" },
	{ "no_calendar.ini", 0, "",
	  "no [calendar.NAME] section: a contract needs at least one calendar" },
	{ "calendar_no_hours.ini", 4, "",
	  "calendar 'werkdag' has no working hours (set mon..sun, e.g. mon-fri = "
	  "08:00-17:00, or 24x7 = yes)" },
	{ "calendar_24x7_hours.ini", 6, "24x7",
	  "a 24x7 calendar cannot also set weekday hours (line 5)" },
	{ "good_friday_no_nl.ini", 7, "good_friday", "only applies with holidays = nl" },
	{ "bad_bool.ini", 8, "cap", "expected yes or no, not 'maybe'" },
	{ "bad_choice.ini", 8, "resolution_start",
	  "expected reported or responded, not 'acknowledged'" },
	{ "bad_date.ini", 3, "start", "cannot read '2027-02-30' as a date (YYYY-MM-DD)" },
	{ "matrix_incomplete.ini", 15, "",
	  "the matrix has no entry for impact 'L' and urgency 'L'" },
	{ "matrix_no_priority.ini", 15, "entry", "no priority 'P9'" },
	{ "matrix_overlap.ini", 15, "bucket", "'10-20' overlaps bucket '1-10'" },
	{ "kpi_no_domain.ini", 10, "",
	  "KPI 'fcr' belongs to domain 'servicdesk', which has no [domain.servicdesk] section" },
	{ "source_unknown.ini", 11, "source",
	  "unknown source 'tickets:first_call' (see slakit-contract(5): manual, tickets:..., "
	  "calls:within=..., outages:SERVICE, supplier:ID, actions)" },
	{ "source_no_within.ini", 15, "source",
	  "tickets:rca needs within=DURATION (like within=5d)" },
	{ "source_no_service.ini", 14, "source", "no service 'ssso' (define [service.ssso])" },
	{ "failed_change_higher.ini", 11, "direction",
	  "fewer failed changes is better: set direction = lower" },
	{ "norm_over_100.ini", 12, "norm", "a norm lies from 0 to 100 % (or set another unit)" },
	{ "pro_rata_share.ini", 14, "pro_rata",
	  "pro rata scales a count norm to the window measured: it needs unit = count and "
	  "norm_per = month, quarter, halfyear or year" },
	{ "scored_no_weight.ini", 13, "weight",
	  "KPI 'extra' of scored domain 'change' has no weight (or set scored = no on the domain)" },
	{ "staffel_no_zero.ini", 7, "step",
	  "no step starts at 0, so low scores would have no malus (add step = 0 MALUS)" },
	{ "staffel_bad_step.ini", 9, "step",
	  "expected a minimum score, a malus % and optionally 'escalate' (like 90.00 0.5), "
	  "not '90 half'" },
	{ "alias_conflict.ini", 13, "aliases", "'Hoog' already names priority 'P1'" },
	{ "after_hours_half.ini", 13, "after_hours_calendar",
	  "needs after_hours_response: the response target on that calendar" },
	{ "crlf_bom_error.ini", 10, "resolution",
	  "cannot read '4 uur en een beetje' as a duration (like 15m, 4h, 1d, 1h30m, eod, eod+1)" },
	{ "ics_missing.ini", 6, "ics", "no-such-file.ics: cannot open: No such file or directory" },
	{ "target_below_zero.ini", 8, "response", "a target below 0 cannot be met" },
	/* An indented key under a text or list is not swallowed into its value. */
	{ "indented_text_key.ini", 14, "response",
	  "this indented line looks like a key of [priority.P2]: start it at the beginning of "
	  "the line (indented, it would be read as more of 'name' from line 13)" },
	{ "indented_list_key.ini", 14, "resolved_statuses",
	  "this indented line looks like a key of [rules]: start it at the beginning of the "
	  "line (indented, it would be read as more of 'pause_statuses' from line 12)" },
	{ "indented_day_key.ini", 7, "sat",
	  "this indented line looks like a key of [calendar.werkdag]: start it at the beginning "
	  "of the line (indented, it would be read as more of 'mon-fri' from line 5)" },
	{ "ics_dev_zero.ini", 6, "ics",
	  "/dev/zero: a character device, not a regular file: not an iCalendar file" },
};

static void test_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		const struct refusal *r = &refusals[i];
		struct sk_contract *c = (struct sk_contract *)1;
		struct sk_diag d;
		char path[1024], want[2048], got[2048];
		size_t n;

		data_path(r->file, path, sizeof(path));
		/* The whole line first, so a failure shows which fixture it was. */
		n = (size_t)snprintf(want, sizeof(want), r->line ? "%s:%ld: " : "%s: ", path, r->line);
		if (*r->field)
			n += (size_t)snprintf(want + n, sizeof(want) - n, "'%s': ", r->field);
		snprintf(want + n, sizeof(want) - n, "%s", r->msg);
		assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_CONTRACT);
		assert_string_equal(sk_diag_format(&d, got, sizeof(got)), want);
		assert_null(c);
		assert_int_equal(d.err, SK_ERR_CONTRACT);
		assert_string_equal(d.file, path);
		assert_int_equal(d.line, r->line);
		assert_string_equal(d.field, r->field);
		assert_string_equal(d.msg, r->msg);
	}
}

static void test_bad_timezone(void **state)
{
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char path[1024];
	const char *want = "unknown time zone 'Mars/Olympus_Mons'";

	(void)state;
	data_path("bad_timezone.ini", path, sizeof(path));
	assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_CONTRACT);
	assert_null(c);
	assert_int_equal(d.line, 3);
	assert_string_equal(d.field, "timezone");
	/* The zone module adds where it looked, which depends on TZDIR. */
	assert_memory_equal(d.msg, want, strlen(want));
}

static void test_missing_file(void **state)
{
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char path[1024];
	char buf[2048];

	(void)state;
	data_path("no-such-contract.ini", path, sizeof(path));
	assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_IO);
	assert_null(c);
	assert_string_equal(d.file, path);
	assert_int_equal(d.line, 0);
	assert_string_equal(d.msg, "cannot open: No such file or directory");
	snprintf(buf, sizeof(buf), "%s: cannot open: No such file or directory", path);
	assert_string_equal(sk_diag_format(&d, (char[2048]){ 0 }, 2048), buf);
}

/* ---- accepted files ---- */

static void test_minimal_defaults(void **state)
{
	struct sk_contract *c = load_data("minimal.ini");
	char path[1024], hex[65];
	int set = -1;

	(void)state;
	assert_string_equal(c->id, "mini");
	assert_string_equal(c->name, "mini");
	assert_string_equal(c->language, "nl");
	assert_string_equal(sk_tz_name(c->tz), "Europe/Amsterdam");
	assert_int_equal(c->has_start, 0);
	assert_int_equal(c->n_calendars, 1);
	assert_int_equal(c->default_calendar, 0);
	assert_int_equal(sk_calendar_standard_day(c->calendars[0].cal), 9 * 3600);
	assert_int_equal(c->calendars[0].line, 5);
	assert_int_equal(c->n_priorities, 1);
	assert_string_equal(c->priorities[0].id, "P1");
	assert_int_equal(c->priorities[0].level, 1);
	assert_int_equal(c->priorities[0].calendar, 0);
	assert_int_equal(c->priorities[0].after_hours_calendar, -1);
	assert_int_equal(c->priorities[0].has_norm, 0);
	assert_null(c->priorities[0].channel);
	for (int t = 0; t < SK_TICKET_TYPES; t++) {
		assert_int_equal(sk_contract_target(c, 0, (enum sk_ticket_type)t, 0, &set), 900);
		assert_int_equal(set, 1);
		assert_int_equal(sk_contract_target(c, 0, (enum sk_ticket_type)t, 1, &set), 14400);
	}
	assert_int_equal(sk_contract_target(c, 1, SK_TICKET_INCIDENT, 1, &set), 0);
	assert_int_equal(set, 0);
	assert_int_equal(c->matrix.n_entries, 0);
	assert_int_equal(sk_contract_matrix_priority(c, "H", "H"), -1);
	/* The rules' defaults (sla-compute(1) RULES). */
	assert_int_equal(c->rules.resolution_start, SK_CLOCK_REPORTED);
	assert_int_equal(c->rules.priority, SK_PRIORITY_FINAL);
	assert_int_equal(c->rules.cap, 1);
	assert_int_equal(c->rules.pct_decimals, 1);
	assert_int_equal(c->rules.score_decimals, 2);
	assert_int_equal(c->rules.aggregate, SK_AGG_COUNT);
	assert_int_equal(c->rules.weights, SK_WEIGHTS_REFUSE);
	assert_int_equal(c->rules.wrong_channel, SK_CHANNEL_SEPARATE);
	assert_int_equal(c->rules.report_due_days, 5);
	assert_int_equal(c->rules.reopen_resets, 0);
	assert_int_equal(c->rules.n_pause_statuses, 0);
	/* The hash is of the file's bytes. */
	assert_int_equal(sha256_file(data_path("minimal.ini", path, sizeof(path)), hex, NULL),
			 SK_OK);
	assert_string_equal(c->sha256, hex);
	assert_string_equal(c->path, path);
	sk_contract_free(c);
	sk_contract_free(NULL);
}

static void test_continuation(void **state)
{
	struct sk_contract *c = load_data("continued_list.ini");
	const struct sk_interval *iv;

	(void)state;
	assert_string_equal(c->name, "A contract whose name runs over two lines");
	assert_int_equal(sk_calendar_intervals(c->calendars[0].cal, 0, &iv), 2);
	assert_int_equal(iv[0].start, 8 * 3600);
	assert_int_equal(iv[0].end, 12 * 3600);
	assert_int_equal(iv[1].start, 13 * 3600);
	assert_int_equal(iv[1].end, 17 * 3600);
	assert_int_equal(sk_calendar_intervals(c->calendars[0].cal, 5, &iv), 0);
	assert_int_equal(c->priorities[0].n_aliases, 3);
	assert_string_equal(c->priorities[0].aliases[2], "Kritiek");
	assert_int_equal(c->rules.n_pause_statuses, 2);
	assert_string_equal(c->rules.pause_statuses[1], "Wacht op derde");
	assert_true(sk_contract_is_pause_status(c, " wacht op KLANT "));
	assert_false(sk_contract_is_pause_status(c, "Opgelost"));
	sk_contract_free(c);
}

static void test_crlf_bom(void **state)
{
	struct sk_contract *c = load_data("crlf_bom.ini");
	const struct sk_interval *iv;

	(void)state;
	assert_string_equal(c->id, "mini");
	assert_string_equal(c->calendars[0].name, "werkdag");
	assert_int_equal(c->calendars[0].line, 5);
	assert_int_equal(sk_calendar_intervals(c->calendars[0].cal, 4, &iv), 1);
	assert_int_equal(iv[0].end, 17 * 3600);
	assert_int_equal(c->priorities[0].line, 8);
	sk_contract_free(c);
}

/* "< 15m" is met only below the limit; "<= 4h", "≤ 1d" and "8h" up to it. */
static void test_target_bounds(void **state)
{
	struct sk_contract *c = load_data("target_bounds.ini");
	const struct sk_priority *p1 = &c->priorities[0], *p2 = &c->priorities[1];

	(void)state;
	assert_int_equal(p1->response[SK_TICKET_INCIDENT].seconds, 900);
	assert_int_equal(p1->response[SK_TICKET_INCIDENT].below, 1);
	assert_int_equal(p1->response[SK_TICKET_CHANGE].below, 1);
	assert_int_equal(p1->resolution[SK_TICKET_INCIDENT].seconds, 4 * 3600);
	assert_int_equal(p1->resolution[SK_TICKET_INCIDENT].below, 0);
	assert_int_equal(p1->after_hours_response.seconds, 3600);
	assert_int_equal(p1->after_hours_response.below, 1);
	assert_int_equal(p2->response[SK_TICKET_INCIDENT].days, 1);
	assert_int_equal(p2->response[SK_TICKET_INCIDENT].below, 0);
	assert_int_equal(p2->resolution[SK_TICKET_INCIDENT].below, 0);
	assert_int_equal(p2->resolution[SK_TICKET_REQUEST].days, 2);
	assert_int_equal(p2->resolution[SK_TICKET_REQUEST].below, 1);
	sk_contract_free(c);
}

static void test_holidays_and_ics(void **state)
{
	struct sk_contract *c = load_data("ics_holidays.ini");
	struct sk_holidays *h = c->calendars[0].hol;
	int set;

	(void)state;
	assert_true(sk_holidays_contains(h, day(2027, 12, 24)));   /* closed = ... Kerstavond */
	assert_true(sk_holidays_contains(h, day(2027, 12, 31)));   /* closed = without a name */
	assert_true(sk_holidays_contains(h, day(2027, 3, 15)));    /* closed.ics */
	assert_true(sk_holidays_contains(h, day(2027, 3, 26)));    /* good_friday = yes */
	assert_true(sk_holidays_contains(h, day(2027, 4, 27)));    /* Koningsdag */
	assert_false(sk_holidays_contains(h, day(2027, 5, 5)));    /* lustrum: not in 2027 */
	assert_true(sk_holidays_contains(h, day(2030, 5, 5)));     /* ... but in 2030 */
	assert_false(sk_holidays_contains(h, day(2027, 3, 16)));
	/* standard_day = 8h: "1d" is 8 hours on this calendar. */
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_INCIDENT, 1, &set), 8 * 3600);
	sk_contract_free(c);
}

/* An indented line with '=' whose word is no key of the section stays text. */
static void test_continued_equals(void **state)
{
	struct sk_contract *c = load_data("continued_equals.ini");

	(void)state;
	assert_string_equal(c->name, "Een naam met x = y erin");
	sk_contract_free(c);
}

/*
 * Reminders (VALARM) inside an event, as Google and Outlook export them: the
 * contract loads, and the alarm's SUMMARY, DURATION and DTSTART do not touch
 * the event.
 */
static void test_ics_valarm(void **state)
{
	struct sk_contract *c = load_data("ics_valarm.ini");
	struct sk_holidays *h = c->calendars[0].hol;
	const struct sk_holiday *hd;
	size_t n, found = 0;

	(void)state;
	assert_int_equal(sk_holidays_year(h, 2027, &hd, &n), SK_OK);
	for (size_t i = 0; i < n; i++)
		if (hd[i].day == day(2027, 3, 15)) {
			assert_string_equal(hd[i].name, "Studiedag");
			found++;
		}
	assert_int_equal(found, 1);
	assert_false(sk_holidays_contains(h, day(2027, 3, 16)));
	assert_false(sk_holidays_contains(h, day(2027, 3, 14)));
	sk_contract_free(c);
}

/* A fault inside an .ics file names that file and its line. */
static void test_ics_refusals(void **state)
{
	static const struct {
		const char *contract, *ics;
		long line;
		const char *field, *msg;
	} cases[] = {
		{ "ics_count0.ini", "count0.ics", 7, "RRULE",
		  "cannot read 'FREQ=YEARLY;COUNT=0': COUNT is a whole number from 1" },
		{ "ics_count2x.ini", "count2x.ics", 7, "RRULE",
		  "cannot read 'FREQ=YEARLY;COUNT=2x': COUNT is a whole number from 1" },
		{ "ics_alarm_unclosed.ini", "alarm_unclosed.ics", 8, "",
		  "END:VEVENT while BEGIN:VALARM of line 6 is still open" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sk_contract *c = (struct sk_contract *)1;
		struct sk_diag d;
		char path[1024], ics[1024];

		data_path(cases[i].contract, path, sizeof(path));
		data_path(cases[i].ics, ics, sizeof(ics));
		assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_SYNTAX);
		assert_null(c);
		assert_string_equal(d.file, ics);
		assert_int_equal(d.line, cases[i].line);
		assert_string_equal(d.field, cases[i].field);
		assert_string_equal(d.msg, cases[i].msg);
	}
}

/* Write @text to @dir/@name; returns the path in @buf. */
static const char *write_file(const char *dir, const char *name, const char *text, char *buf,
			      size_t size)
{
	FILE *fp;

	snprintf(buf, size, "%s/%s", dir, name);
	fp = fopen(buf, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* @path made @size bytes long, without writing them (a sparse file). */
static void make_large(const char *path, long size)
{
	FILE *fp = fopen(path, "a");

	assert_non_null(fp);
	assert_int_equal(ftruncate(fileno(fp), size), 0);
	assert_int_equal(fclose(fp), 0);
}

static void expect_load_fails(const char *path, enum sk_err err, const char *file, long line,
			      const char *field, const char *msg)
{
	struct sk_contract *c = (struct sk_contract *)1;
	struct sk_diag d;

	assert_int_equal(sk_contract_load(path, &c, &d), err);
	assert_null(c);
	assert_string_equal(d.file, file);
	assert_int_equal(d.line, line);
	assert_string_equal(d.field, field);
	assert_string_equal(d.msg, msg);
}

/*
 * Only regular files are read, contract and .ics alike: a FIFO or a device
 * used to hang or never end, a directory read as nothing. Too large a file
 * is refused before it is read.
 */
static void test_only_regular_files(void **state)
{
	char dir[] = "/tmp/sk-contract-XXXXXX";
	char path[1024], fifo[1024], big[1024], cmd[1100];
	const char *head = "[contract]\nid = mini\n\n[calendar.werkdag]\nmon-fri = 08:00-17:00\n";
	const char *tail = "\n[priority.P1]\nresponse = 15m\nresolution = 4h\n";
	char text[512];

	(void)state;
	alarm(60); /* a reader that blocks fails the test instead of hanging it */
	assert_non_null(mkdtemp(dir));

	expect_load_fails("/dev/zero", SK_ERR_CONTRACT, "/dev/zero", 0, "",
			  "a character device, not a regular file: not a contract file");
	expect_load_fails(dir, SK_ERR_CONTRACT, dir, 0, "",
			  "a directory, not a regular file: not a contract file");

	snprintf(fifo, sizeof(fifo), "%s/fifo.ini", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	expect_load_fails(fifo, SK_ERR_CONTRACT, fifo, 0, "",
			  "a pipe, not a regular file: not a contract file");

	snprintf(big, sizeof(big), "%s/big.ini", dir);
	make_large(big, 2L << 20);
	expect_load_fails(big, SK_ERR_CONTRACT, big, 0, "",
			  "larger than 1048576 bytes: not a contract file");

	/* An .ics that is a pipe, or over 16 MiB. */
	snprintf(fifo, sizeof(fifo), "%s/fifo.ics", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	snprintf(text, sizeof(text), "%sics = fifo.ics\n%s", head, tail);
	write_file(dir, "ics_fifo.ini", text, path, sizeof(path));
	expect_load_fails(path, SK_ERR_CONTRACT, path, 6, "ics",
			  "fifo.ics: a pipe, not a regular file: not an iCalendar file");

	snprintf(big, sizeof(big), "%s/big.ics", dir);
	make_large(big, (16L << 20) + 1);
	snprintf(text, sizeof(text), "%sics = big.ics\n%s", head, tail);
	write_file(dir, "ics_big.ini", text, path, sizeof(path));
	expect_load_fails(path, SK_ERR_CONTRACT, path, 6, "ics",
			  "big.ics: larger than 16777216 bytes: not an iCalendar file");

	alarm(0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_matrix_buckets(void **state)
{
	struct sk_contract *c = load_data("matrix_buckets.ini");

	(void)state;
	assert_string_equal(c->matrix.row_field, "impact");
	assert_string_equal(c->matrix.column_field, "users");
	assert_int_equal(c->matrix.n_buckets, 2);
	assert_int_equal(c->matrix.buckets[0].lo, 1);
	assert_int_equal(c->matrix.buckets[0].hi, 10);
	assert_int_equal(c->matrix.buckets[1].lo, 11);
	assert_int_equal(c->matrix.buckets[1].hi, -1);
	assert_int_equal(sk_contract_matrix_priority(c, "down", "15"), 0);
	assert_int_equal(sk_contract_matrix_priority(c, "down", "10"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "down", ">10"), 0);
	assert_int_equal(sk_contract_matrix_priority(c, "Werkt niet", "11"), 0);
	assert_int_equal(sk_contract_matrix_priority(c, "werkt beperkt", "500"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "down", "0"), -1);
	assert_int_equal(sk_contract_matrix_priority(c, "nothing", "5"), -1);
	sk_contract_free(c);
}

static void test_weights_normalise(void **state)
{
	struct sk_contract *c = load_data("weights_105_normalise.ini");
	const struct sk_domain *dm = sk_contract_find_domain(c, "workplace");

	(void)state;
	assert_non_null(dm);
	assert_int_equal(dm->weights, SK_WEIGHTS_NORMALISE);
	assert_int_equal(dm->weight_sum, SK_DEC(105));
	assert_int_equal(dm->n_kpis, 3);
	assert_int_equal(c->rules.weights, SK_WEIGHTS_REFUSE);
	sk_contract_free(c);
	/* The same, said once for every domain in [rules]. */
	c = load_data("weights_105_rules.ini");
	dm = sk_contract_find_domain(c, "workplace");
	assert_int_equal(dm->weights, SK_WEIGHTS_NORMALISE);
	assert_int_equal(dm->weight_sum, SK_DEC(105));
	sk_contract_free(c);
}

/* ---- the samples, against the seeds ---- */

static const struct sk_kpi *kpi(const struct sk_domain *dm, const char *id)
{
	for (size_t i = 0; dm && i < dm->n_kpis; i++)
		if (strcmp(dm->kpis[i].id, id) == 0)
			return &dm->kpis[i];
	fail_msg("no KPI '%s'", id);
	return NULL;
}

static void test_sample_dhs(void **state)
{
	struct sk_contract *c = load_sample("dhs.ini");
	const struct sk_domain *sd, *wp, *iam, *other, *inc;
	int p2 = sk_contract_find_priority(c, "P2"), set;

	(void)state;
	assert_string_equal(c->id, "dhs");
	assert_int_equal(c->n_priorities, 4);
	assert_int_equal(p2, 1);
	/* §5.1 incidents, §4.2 requests, §6.2 changes. */
	assert_int_equal(sk_contract_target(c, p2, SK_TICKET_INCIDENT, 1, &set), 4 * 3600);
	assert_int_equal(sk_contract_target(c, p2, SK_TICKET_REQUEST, 1, &set), 8 * 3600);
	assert_int_equal(sk_contract_target(c, p2, SK_TICKET_CHANGE, 1, &set), 8 * 3600);
	assert_int_equal(sk_contract_target(c, p2, SK_TICKET_INCIDENT, 0, &set), 3600);
	assert_int_equal(sk_contract_target(c, 2, SK_TICKET_INCIDENT, 0, &set), 2 * 3600);
	assert_int_equal(sk_contract_target(c, 2, SK_TICKET_REQUEST, 0, &set), 4 * 3600);
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_INCIDENT, 1, &set), 2 * 3600);
	assert_int_equal(sk_contract_target(c, 3, SK_TICKET_CHANGE, 1, &set), 40 * 3600);
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_PROBLEM, 1, &set), 0);
	assert_int_equal(set, 0);
	assert_string_equal(c->priorities[0].channel, "phone");
	/* §3.3 impact x urgency. */
	assert_int_equal(sk_contract_matrix_priority(c, "H", "H"), 0);
	assert_int_equal(sk_contract_matrix_priority(c, "H", "M"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "Gemiddeld", "Hoog"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "hoog", "laag"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "M", "M"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "L", "H"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "M", "L"), 3);
	assert_int_equal(sk_contract_matrix_priority(c, "L", "L"), 3);
	/* §9 domain 1: the worked example's KPIs. */
	sd = sk_contract_find_domain(c, "servicedesk");
	assert_non_null(sd);
	assert_int_equal(sd->n_kpis, 4);
	assert_string_equal(sd->kpis[0].id, "reachability");
	assert_string_equal(sd->kpis[1].id, "fcr");
	assert_string_equal(sd->kpis[2].id, "handover");
	assert_string_equal(sd->kpis[3].id, "training");
	assert_int_equal(kpi(sd, "reachability")->norm, SK_DEC(80));
	assert_int_equal(kpi(sd, "reachability")->weight, SK_DEC(25));
	assert_int_equal(kpi(sd, "reachability")->source_kind, SK_SRC_CALLS);
	assert_int_equal(kpi(sd, "reachability")->within.seconds, 20);
	assert_int_equal(kpi(sd, "fcr")->norm, SK_DEC(70));
	assert_int_equal(kpi(sd, "fcr")->weight, SK_DEC(40));
	assert_int_equal(kpi(sd, "handover")->norm, SK_DEC(100));
	assert_int_equal(kpi(sd, "handover")->weight, SK_DEC(25));
	assert_int_equal(sk_contract_seconds(c, kpi(sd, "handover")->source_calendar,
					     &kpi(sd, "handover")->within), 4 * 3600);
	assert_int_equal(kpi(sd, "training")->norm, SK_DEC(2));
	assert_int_equal(kpi(sd, "training")->weight, SK_DEC(10));
	assert_string_equal(kpi(sd, "training")->unit, "count");
	assert_int_equal(kpi(sd, "training")->frequency, SK_FREQ_HALFYEARLY);
	assert_int_equal(sd->weight_sum, SK_DEC(100));
	assert_int_equal(sd->weights, SK_WEIGHTS_REFUSE);
	assert_int_equal(sd->invoice_cents, 1800000);
	assert_int_equal(sd->scored, 1);
	/* §9 domain 2: RCA for P1 within 5 werkdagen of 9 h. */
	inc = sk_contract_find_domain(c, "incident");
	assert_int_equal(kpi(inc, "rca")->source_kind, SK_SRC_RCA);
	assert_int_equal(kpi(inc, "rca")->source_priority, 0);
	assert_int_equal(sk_contract_seconds(c, kpi(inc, "rca")->source_calendar,
					     &kpi(inc, "rca")->within), 5 * 9 * 3600);
	assert_int_equal(kpi(inc, "response")->source_priority, -1);
	assert_int_equal(kpi(sk_contract_find_domain(c, "change"), "failed")->direction,
			 SK_LOWER_IS_BETTER);
	/* §9 domain 4: 105 %, normalised on purpose. */
	wp = sk_contract_find_domain(c, "workplace");
	assert_int_equal(wp->weights, SK_WEIGHTS_NORMALISE);
	assert_int_equal(wp->weight_sum, SK_DEC(105));
	/* §9 domain 5: starts after the first half-year. */
	iam = sk_contract_find_domain(c, "iam");
	assert_int_equal(iam->has_start, 1);
	assert_int_equal(iam->start_day, day(2027, 7, 1));
	assert_int_equal(kpi(iam, "sso")->source_kind, SK_SRC_OUTAGES);
	assert_int_equal(kpi(iam, "sso")->source_service, sk_contract_find_service(c, "sso"));
	assert_int_equal(kpi(iam, "sso")->norm, 99800000);
	/* §9 domain 7: no weights, shown not scored; complaints without a norm. */
	other = sk_contract_find_domain(c, "other");
	assert_int_equal(other->scored, 0);
	assert_int_equal(kpi(other, "complaints")->has_norm, 0);
	assert_int_equal(kpi(other, "onsite")->has_weight, 0);
	/* The staffel, highest first. */
	assert_int_equal(c->n_staffel, 4);
	assert_int_equal(c->staffel[0].min_score, SK_DEC(95));
	assert_int_equal(c->staffel[0].malus, 0);
	assert_int_equal(c->staffel[1].min_score, SK_DEC(90));
	assert_int_equal(c->staffel[1].malus, 500000);
	assert_int_equal(c->staffel[2].min_score, SK_DEC(80));
	assert_int_equal(c->staffel[2].malus, SK_DEC(1));
	assert_int_equal(c->staffel[3].min_score, 0);
	assert_int_equal(c->staffel[3].malus, SK_DEC(2));
	assert_int_equal(c->staffel[3].escalate, 1);
	assert_int_equal(c->staffel[2].escalate, 0);
	assert_int_equal(c->rules.report_due_days, 5);
	sk_contract_free(c);
}

/* Without `weights = normalise` the DHS sample is refused at its last Workplace weight. */
static void test_sample_dhs_without_normalise(void **state)
{
	char path[1024], tmp[] = "/tmp/slakit-dhs-XXXXXX", line[512];
	struct sk_contract *c = NULL;
	struct sk_diag d;
	long n = 0, out_n = 0, want = 0;
	int in_licence = 0, fd;
	FILE *in, *out;

	(void)state;
	in = fopen(sample_path("dhs.ini", path, sizeof(path)), "r");
	assert_non_null(in);
	fd = mkstemp(tmp);
	assert_true(fd >= 0);
	out = fdopen(fd, "w");
	assert_non_null(out);
	while (fgets(line, sizeof(line), in)) {
		n++;
		if (strncmp(line, "weights = normalise", 19) == 0)
			continue; /* drop it */
		out_n++;
		if (line[0] == '[')
			in_licence = strncmp(line, "[kpi.workplace.licence]", 23) == 0;
		if (in_licence && strncmp(line, "weight = ", 9) == 0)
			want = out_n;
		fputs(line, out);
	}
	fclose(in);
	fclose(out);
	assert_int_equal(out_n, n - 1);
	assert_true(want > 0);
	assert_int_equal(sk_contract_load(tmp, &c, &d), SK_ERR_CONTRACT);
	unlink(tmp);
	assert_null(c);
	assert_string_equal(d.file, tmp);
	assert_int_equal(d.line, want);
	assert_string_equal(d.field, "weight");
	assert_string_equal(d.msg, "weights of domain 'workplace' add up to 105, not 100 "
				   "(set weights = normalise to scale them)");
}

static void test_sample_cloudwise(void **state)
{
	struct sk_contract *c = load_sample("cloudwise.ini");
	const struct sk_priority *p1;
	int set, svc, win;

	(void)state;
	assert_string_equal(c->id, "cloudwise");
	assert_int_equal(c->n_calendars, 3);
	assert_int_equal(sk_calendar_standard_day(c->calendars[c->default_calendar].cal), 9 * 3600);
	/* §3: P1 15m/4h, P2 4h/1d, P3 1d/3d, P4 2d/5d on a 9 h werkdag. */
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_INCIDENT, 0, &set), 15 * 60);
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_INCIDENT, 1, &set), 4 * 3600);
	assert_int_equal(sk_contract_target(c, 1, SK_TICKET_INCIDENT, 0, &set), 4 * 3600);
	assert_int_equal(sk_contract_target(c, 1, SK_TICKET_INCIDENT, 1, &set), 32400);
	assert_int_equal(sk_contract_target(c, 2, SK_TICKET_REQUEST, 0, &set), 32400);
	assert_int_equal(sk_contract_target(c, 2, SK_TICKET_REQUEST, 1, &set), 3 * 32400);
	assert_int_equal(sk_contract_target(c, 3, SK_TICKET_CHANGE, 0, &set), 2 * 32400);
	assert_int_equal(sk_contract_target(c, 3, SK_TICKET_CHANGE, 1, &set), 5 * 32400);
	/* P1 by phone; the consignatiedienst, workdays 17:00-22:00, response 1 h. */
	p1 = &c->priorities[0];
	assert_string_equal(p1->channel, "phone");
	assert_int_equal(p1->after_hours_calendar, sk_contract_find_calendar(c, "consignatie"));
	assert_int_equal(sk_contract_seconds(c, p1->after_hours_calendar,
					     &p1->after_hours_response), 3600);
	assert_int_equal(sk_calendar_standard_day(c->calendars[p1->after_hours_calendar].cal),
			 5 * 3600);
	assert_int_equal(sk_contract_find_priority(c, "Urgent"), 0);
	assert_int_equal(sk_contract_find_priority(c, "prioriteit 3"), 2);
	assert_int_equal(sk_contract_find_priority(c, "4"), 3);
	/* §4: five rows (the "Overige" row too) x users 1-2 / 3-10 / 11-30 / >30. */
	assert_int_equal(c->matrix.n_buckets, 4);
	assert_int_equal(c->matrix.n_entries, 20);
	assert_int_equal(sk_contract_matrix_priority(c, "down-edu", "31"), 0);
	assert_int_equal(sk_contract_matrix_priority(c, "down-edu", "30"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "down-edu", "2"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "limited-edu", "40"), 1);
	assert_int_equal(sk_contract_matrix_priority(c, "down-noedu", "10"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "limited-noedu", "11"), 2);
	assert_int_equal(sk_contract_matrix_priority(c, "limited-noedu", "3"), 3);
	assert_int_equal(sk_contract_matrix_priority(c, "other", "100"), 3);
	assert_int_equal(sk_contract_matrix_priority(c, "Overige", "1"), 3);
	/* §5: the service window 07:00-19:00 and 10 werkdagen notice. */
	svc = sk_contract_find_service(c, "dienst");
	assert_true(svc >= 0);
	win = c->services[svc].calendar;
	assert_int_equal(win, sk_contract_find_calendar(c, "servicevenster"));
	assert_int_equal(sk_calendar_standard_day(c->calendars[win].cal), 12 * 3600);
	assert_int_equal(sk_contract_seconds(c, win, &c->services[svc].notice), 10 * 12 * 3600);
	assert_int_equal(c->services[svc].norm, SK_DEC(100));
	/* §3: pauses while waiting for the customer or a third party. */
	assert_true(sk_contract_is_pause_status(c, "Wacht op klant"));
	assert_true(sk_contract_is_pause_status(c, "wacht op derde"));
	assert_int_equal(c->rules.resolution_start, SK_CLOCK_REPORTED);
	assert_int_equal(c->rules.wrong_channel, SK_CHANNEL_SEPARATE);
	assert_int_equal(c->n_staffel, 0);
	sk_contract_free(c);
}

static void test_sample_halt(void **state)
{
	struct sk_contract *c = load_sample("halt.ini");
	int set, m365, vpn;

	(void)state;
	assert_string_equal(c->id, "halt");
	assert_int_equal(c->start_day, day(2027, 1, 1));
	/* §10.1: P1 15m/4h, P2 1h/8h, P3 4h/32h (of 24-32), P4 1d/5d. */
	assert_int_equal(sk_contract_target(c, 0, SK_TICKET_INCIDENT, 1, &set), 4 * 3600);
	assert_int_equal(sk_contract_target(c, 1, SK_TICKET_INCIDENT, 0, &set), 3600);
	assert_int_equal(sk_contract_target(c, 1, SK_TICKET_INCIDENT, 1, &set), 8 * 3600);
	assert_int_equal(sk_contract_target(c, 2, SK_TICKET_INCIDENT, 1, &set), 32 * 3600);
	assert_int_equal(sk_contract_target(c, 3, SK_TICKET_REQUEST, 0, &set), 9 * 3600);
	assert_int_equal(sk_contract_target(c, 3, SK_TICKET_REQUEST, 1, &set), 5 * 9 * 3600);
	/* §10.1.3 norms and onsite (§10.1 updates and §10.1.5 swap are not measured). */
	assert_int_equal(c->priorities[0].norm, SK_DEC(98));
	assert_int_equal(c->priorities[1].norm, SK_DEC(95));
	assert_int_equal(c->priorities[2].norm, SK_DEC(90));
	assert_int_equal(c->priorities[3].norm, SK_DEC(90));
	assert_int_equal(sk_contract_seconds(c, 0, &c->priorities[0].onsite), 4 * 3600);
	assert_int_equal(sk_contract_seconds(c, 0, &c->priorities[2].onsite), 2 * 9 * 3600);
	assert_null(c->priorities[0].channel);
	assert_int_equal(sk_contract_find_priority(c, "P1-uplift"), 0);
	/* §10.1.3 availability, 48 h notice, measured around the clock. */
	assert_int_equal(c->n_services, 6);
	m365 = sk_contract_find_service(c, "m365");
	vpn = sk_contract_find_service(c, "VPN");
	assert_int_equal(c->services[m365].norm, 99800000);
	assert_int_equal(c->services[vpn].norm, 99700000);
	assert_true(sk_calendar_is_24x7(c->calendars[c->services[vpn].calendar].cal));
	assert_int_equal(sk_contract_seconds(c, c->services[vpn].calendar, &c->services[vpn].notice),
			 48 * 3600);
	for (size_t i = 0; i < c->n_domains; i++)
		assert_int_equal(c->domains[i].scored, 0);
	sk_contract_free(c);
}

/* ---- lookups and names ---- */

static void test_lookups(void **state)
{
	struct sk_contract *c = load_sample("dhs.ini");

	(void)state;
	assert_int_equal(sk_contract_find_priority(c, "p1"), 0);
	assert_int_equal(sk_contract_find_priority(c, " 2 "), 1);
	assert_int_equal(sk_contract_find_priority(c, "Kritiek"), 0);
	assert_int_equal(sk_contract_find_priority(c, "laag"), 3);
	assert_int_equal(sk_contract_find_priority(c, "5"), -1);
	assert_int_equal(sk_contract_find_priority(c, ""), -1);
	assert_int_equal(sk_contract_find_priority(NULL, "P1"), -1);
	assert_int_equal(sk_contract_find_calendar(c, "werkdag"), 0);
	assert_int_equal(sk_contract_find_calendar(c, "avond"), -1);
	assert_null(sk_contract_find_domain(c, "nope"));
	assert_int_equal(sk_contract_find_service(c, "SSO"), 0);
	assert_int_equal(sk_contract_find_service(c, "vpn"), -1);
	sk_contract_free(c);

	assert_int_equal(sk_ticket_type_parse("Incident"), SK_TICKET_INCIDENT);
	assert_int_equal(sk_ticket_type_parse("storing"), SK_TICKET_INCIDENT);
	assert_int_equal(sk_ticket_type_parse("Service Request"), SK_TICKET_REQUEST);
	assert_int_equal(sk_ticket_type_parse("verzoek"), SK_TICKET_REQUEST);
	assert_int_equal(sk_ticket_type_parse("Wijziging"), SK_TICKET_CHANGE);
	assert_int_equal(sk_ticket_type_parse("probleem"), SK_TICKET_PROBLEM);
	assert_int_equal(sk_ticket_type_parse(" klacht "), SK_TICKET_COMPLAINT);
	assert_int_equal(sk_ticket_type_parse("question"), -1);
	assert_string_equal(sk_ticket_type_name(SK_TICKET_CHANGE), "change");
	assert_string_equal(sk_source_name(SK_SRC_STANDARD_CHANGE), "tickets:standard_change");
	assert_string_equal(sk_source_name(SK_SRC_OUTAGES), "outages");
	assert_string_equal(sk_clock_start_name(SK_CLOCK_RESPONDED), "responded");
	assert_string_equal(sk_priority_rule_name(SK_PRIORITY_HIGHEST), "highest");
	assert_string_equal(sk_aggregate_name(SK_AGG_WORST), "worst");
	assert_string_equal(sk_weights_rule_name(SK_WEIGHTS_NORMALISE), "normalise");
	assert_string_equal(sk_channel_rule_name(SK_CHANNEL_COUNT), "count");
	assert_string_equal(sk_direction_name(SK_LOWER_IS_BETTER), "lower");
	assert_string_equal(sk_frequency_name(SK_FREQ_PER_EVENT), "per-event");
}

/*
 * Found by fuzz_contract: an alias of 128 characters or more could not be
 * looked up, and the duplicate check then read priorities[-1]. Any length works.
 */
static void test_long_alias(void **state)
{
	char path[1024];
	const char *dir = getenv("SK_TESTDATA");
	struct sk_contract *c;
	char word[200];

	(void)state;
	snprintf(path, sizeof(path), "%s/../fuzz/crashes/contract-long-alias.ini",
		 dir && *dir ? dir : "data");
	c = load_ok(path);
	memset(word, '=', sizeof(word));
	word[0] = 'P';
	word[131] = '1';
	word[132] = '\0';
	assert_int_equal(sk_contract_find_priority(c, word), 0);
	assert_int_equal(sk_contract_find_priority(c, "  p1 "), 0);
	sk_contract_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_bad_timezone),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_minimal_defaults),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_crlf_bom),
		cmocka_unit_test(test_target_bounds),
		cmocka_unit_test(test_holidays_and_ics),
		cmocka_unit_test(test_continued_equals),
		cmocka_unit_test(test_ics_valarm),
		cmocka_unit_test(test_ics_refusals),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_matrix_buckets),
		cmocka_unit_test(test_weights_normalise),
		cmocka_unit_test(test_sample_dhs),
		cmocka_unit_test(test_sample_dhs_without_normalise),
		cmocka_unit_test(test_sample_cloudwise),
		cmocka_unit_test(test_sample_halt),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_long_alias),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
