/*
 * The importer: each row check triggered by a file with its exact message,
 * the unchanged database after a refusal, idempotent re-import, update with
 * history, skip-bad with a reject file, encodings, profiles and kinds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slakit.h"
#include "base/base.h"

static char dir[] = "/tmp/sk_test_import_XXXXXX";
static struct sk_contract *C;
static struct sk_db *DB;
static int dbn;

static const char *data(const char *name)
{
	static char buf[4][1024];
	static int k;
	const char *d = getenv("SK_TESTDATA");

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/import/%s", d ? d : "data", name);
	return buf[k];
}

/* A fresh database for each test. */
static int fresh(void **state)
{
	char p[300];
	struct sk_diag d;

	(void)state;
	snprintf(p, sizeof(p), "%s/t%d.db", dir, ++dbn);
	return sk_db_open(p, SK_DB_CREATE, &DB, &d) == SK_OK ? 0 : -1;
}

static int done(void **state)
{
	(void)state;
	sk_db_close(DB);
	DB = NULL;
	return 0;
}

static long long q(const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(sk_db_handle(DB), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *qs(const char *sql)
{
	static char buf[1024];
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(sk_db_handle(DB), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof(buf), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static sk_time local(const char *text)
{
	sk_time t = 0;

	assert_int_equal(sk_time_parse(text, C->tz, &t, NULL, NULL), SK_OK);
	return t;
}

struct bad {
	int n;
	char first[2048];
};

static void on_bad(void *ctx, const struct sk_diag *d)
{
	struct bad *b = ctx;

	if (!b->n++)
		sk_diag_format(d, b->first, sizeof(b->first));
}

static enum sk_err run(const char *file, int kind, const char *profile,
		       const struct sk_map *map, struct sk_import_result *r, struct bad *b,
		       char *msg)
{
	struct sk_import_opts o;
	struct sk_diag d;
	enum sk_err rc;

	sk_import_opts_init(&o);
	o.kind = kind;
	o.profile = profile;
	o.map = map;
	o.on_bad_row = on_bad;
	o.ctx = b;
	memset(b, 0, sizeof(*b));
	sk_diag_clear(&d);
	rc = sk_import_file(DB, C, data(file), file, &o, r, &d);
	if (msg)
		sk_diag_format(&d, msg, 2048);
	return rc;
}

static void test_tickets(void **state)
{
	struct sk_import_result r;
	struct bad b;
	char hex[65];

	(void)state;
	assert_int_equal(run("tickets_ok.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(r.kind, SK_KIND_TICKETS);
	assert_int_equal(r.rows_read, 4);
	assert_int_equal(r.inserted, 4);
	/* 2027-03-28 02:30 does not exist, 2027-10-31 02:30 exists twice. */
	assert_int_equal(r.dst_gaps, 1);
	assert_int_equal(r.dst_folds, 1);
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'INC-003'"),
			 local("2027-03-28T03:30:00+02:00"));
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'INC-004'"),
			 local("2027-10-31T02:30:00+02:00"));
	/* Missing-value words are no value; words become canonical values. */
	assert_int_equal(q("SELECT responded_at IS NULL AND resolved_at IS NULL FROM tickets "
			   "WHERE id = 'INC-004'"), 1);
	assert_string_equal(qs("SELECT channel FROM tickets WHERE id = 'INC-004'"), "phone");
	assert_string_equal(qs("SELECT type || ' ' || priority || ' ' || priority_raw FROM tickets "
			       "WHERE id = 'INC-003'"), "incident P1 Kritiek");
	assert_string_equal(qs("SELECT extra FROM tickets WHERE id = 'INC-001'"),
			    "{\"ticket_owner\":\"Jan\"}");
	assert_int_equal(sha256_file(data("tickets_ok.csv"), hex, NULL), SK_OK);
	assert_string_equal(qs("SELECT sha256 FROM imports"), hex);
	assert_int_equal(q("SELECT rows_read * 1000 + rows_inserted * 100 + dst_gaps * 10 + "
			   "dst_folds FROM imports"), 4411);
}

static void test_reimport_changes_nothing(void **state)
{
	struct sk_import_result r;
	struct bad b;

	(void)state;
	assert_int_equal(run("tickets_ok.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(run("tickets_ok.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(r.updated, 0);
	assert_int_equal(r.unchanged, 4);
	assert_int_equal(q("SELECT count(*) FROM ticket_history"), 0);
	/* The tickets still name the import that wrote them; the same file again
	 * leaves no trace, not even an imports row (issue 14, item 11). */
	assert_int_equal(q("SELECT max(import_id) FROM tickets"), 1);
	assert_int_equal(r.identical_to, 1);
	assert_int_equal(r.import_id, 0);
	assert_int_equal(q("SELECT count(*) FROM imports"), 1);
}

static void test_newer_export_updates_with_history(void **state)
{
	struct sk_import_result r;
	struct bad b;

	(void)state;
	assert_int_equal(run("tickets_ok.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(run("tickets_v2.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.unchanged, 1);
	assert_string_equal(qs("SELECT status FROM tickets WHERE id = 'INC-002'"), "Opgelost");
	assert_int_equal(q("SELECT resolved_at FROM tickets WHERE id = 'INC-002'"),
			 local("2027-11-15 15:00"));
	assert_string_equal(qs("SELECT changed || ' ' || status || ' ' || superseded_by || ' ' || "
			       "import_id FROM ticket_history WHERE id = 'INC-002'"),
			    "resolved_at,status In behandeling 2 1");
	assert_int_equal(q("SELECT count(*) FROM tickets"), 4);
}

static void test_row_checks_refuse_the_file(void **state)
{
	static const struct {
		const char *file, *msg;
	} cases[] = {
		{ "bad_date.csv", "bad_date.csv:3: 'reported_at': cannot read '31-02-2027' as a date" },
		{ "resolved_before.csv", "resolved_before.csv:2: 'resolved_at': 2027-01-05T08:59:00 "
		  "is before 'reported_at' 2027-01-05T09:00:00" },
		{ "unknown_priority.csv", "unknown_priority.csv:2: 'priority': unknown priority 'P7' "
		  "(the contract has P1, P2, P3, P4)" },
		{ "missing_required.csv", "missing_required.csv:2: 'reported_at': required value "
		  "is missing" },
		{ "duplicate_id.csv", "duplicate_id.csv:4: 'id': duplicate ticket id 'B1' in this "
		  "file (first on line 2)" },
		{ "field_count.csv", "field_count.csv:3: 4 fields, but the header has 3" },
	};
	struct sk_import_result r;
	struct bad b;
	char msg[2048];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(run(cases[i].file, SK_KIND_TICKETS, NULL, NULL, &r, &b, msg),
				 SK_ERR_DATA);
		assert_int_equal(b.n, 1);
		assert_string_equal(b.first, cases[i].msg);
		assert_non_null(strstr(msg, "nothing imported"));
		assert_int_equal(q("SELECT count(*) FROM tickets"), 0);
		assert_int_equal(q("SELECT count(*) FROM imports"), 0);
	}
}

static void test_file_checks_refuse_the_file(void **state)
{
	static const struct {
		const char *file, *msg;
	} cases[] = {
		{ "missing_column.csv", "missing_column.csv:1: 'reported_at': no column for this "
		  "required field of tickets (profile generic); the header has: 'id', 'priority'" },
		{ "nul_byte.csv", "nul_byte.csv:3: NUL byte at byte offset 51: not a text export" },
		{ "cp1252.csv", "cp1252.csv:2: invalid UTF-8 byte 0xe9 at byte offset 59 "
		  "(a Windows-1252 export? see --encoding)" },
		{ "unterminated.csv", "unterminated.csv:2: quoted field not closed before the end "
		  "of the file" },
	};
	struct sk_import_result r;
	struct bad b;
	char msg[2048];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(run(cases[i].file, SK_KIND_TICKETS, NULL, NULL, &r, &b, msg),
				 SK_ERR_DATA);
		assert_string_equal(msg, cases[i].msg);
		assert_int_equal(q("SELECT count(*) FROM tickets"), 0);
		assert_int_equal(q("SELECT count(*) FROM imports"), 0);
	}
}

static void test_skip_bad_writes_rejects(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct sk_diag d;
	char buf[1024] = "";
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	sk_import_opts_init(&o);
	o.skip_bad = 1;
	o.rejects = fp;
	assert_int_equal(sk_import_file(DB, C, data("bad_date.csv"), "bad_date.csv", &o, &r, &d),
			 SK_OK);
	fclose(fp);
	assert_int_equal(r.inserted, 2);
	assert_int_equal(r.rejected, 1);
	assert_string_equal(buf, "line,reason,id,priority,reported_at\n"
			    "3,'reported_at': cannot read '31-02-2027' as a date,B2,P2,31-02-2027\n");
	assert_int_equal(q("SELECT rows_rejected * 10 + skip_bad FROM imports"), 11);
}

static void test_windows_1252(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct sk_diag d;

	(void)state;
	sk_import_opts_init(&o);
	o.encoding = SK_ENC_CP1252;
	assert_int_equal(sk_import_file(DB, C, data("cp1252.csv"), NULL, &o, &r, &d), SK_OK);
	assert_string_equal(qs("SELECT category FROM tickets"), "Caf\xc3\xa9");
	assert_string_equal(qs("SELECT encoding FROM imports"), "windows-1252");
}

static void test_profiles(void **state)
{
	struct sk_import_result r;
	struct bad b;

	(void)state;
	assert_int_equal(run("topdesk.csv", -1, "topdesk", NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(r.delimiter, ';');
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'M2701-001'"),
			 local("2027-01-04 08:12"));
	assert_int_equal(q("SELECT resolved_at FROM tickets WHERE id = 'M2701-001'"),
			 local("2027-01-04 11:05"));
	assert_string_equal(qs("SELECT type || ' ' || channel || ' ' || location FROM tickets "
			       "WHERE id = 'M2701-002'"), "request portal De Regenboog");

	assert_int_equal(run("jira.csv", -1, "jira", NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'SD-1'"),
			 local("2027-01-05 09:05"));
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'SD-2'"),
			 local("2027-01-06 14:15"));
	assert_string_equal(qs("SELECT priority || type FROM tickets WHERE id = 'SD-2'"), "P4request");

	assert_int_equal(run("zendesk.csv", -1, "zendesk", NULL, &r, &b, NULL), SK_OK);
	assert_string_equal(qs("SELECT priority || channel FROM tickets WHERE id = '101'"), "P1phone");
	assert_int_equal(q("SELECT resolved_at FROM tickets WHERE id = '101'"),
			 local("2027-01-05 10:00"));

	assert_int_equal(run("servicenow.csv", -1, "servicenow", NULL, &r, &b, NULL), SK_OK);
	assert_string_equal(qs("SELECT priority || ' ' || priority_raw || ' ' || channel FROM tickets "
			       "WHERE id = 'INC0010001'"), "P1 1 - Critical phone");
	assert_int_equal(q("SELECT count(*) FROM tickets"), 8);
	assert_int_equal(q("SELECT count(DISTINCT profile) FROM imports"), 4);
}

static void test_eventlog(void **state)
{
	struct sk_import_result r;
	struct sk_map *map = NULL;
	struct bad b;
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_map_load(data("eventlog.map"), &map, &d), SK_OK);
	assert_int_equal(run("eventlog.csv", -1, NULL, map, &r, &b, NULL), SK_OK);
	assert_int_equal(r.kind, SK_KIND_EVENTLOG);
	assert_int_equal(r.inserted, 10);
	assert_int_equal(r.unchanged, 1); /* the repeated row */
	assert_int_equal(r.tickets_inserted, 2);
	/* T1: the latest row's priority; times from its history. */
	assert_string_equal(qs("SELECT priority || status FROM tickets WHERE id = 'T1'"), "P1Gesloten");
	assert_int_equal(q("SELECT responded_at FROM tickets WHERE id = 'T1'"), local("2027-01-05 09:20"));
	assert_int_equal(q("SELECT resolved_at FROM tickets WHERE id = 'T1'"), local("2027-01-05 15:00"));
	assert_int_equal(q("SELECT closed_at FROM tickets WHERE id = 'T1'"), local("2027-01-06 09:00"));
	/* T2 was reopened: its resolution is the last one. */
	assert_int_equal(q("SELECT resolved_at FROM tickets WHERE id = 'T2'"), local("2027-01-06 11:00"));
	assert_int_equal(q("SELECT count(*) FROM ticket_events WHERE pause = 1"), 1);
	/* Again: nothing changes. */
	assert_int_equal(run("eventlog.csv", -1, NULL, map, &r, &b, NULL), SK_OK);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(r.tickets_unchanged, 2);
	sk_map_free(map);
}

static void test_other_kinds(void **state)
{
	struct sk_import_result r;
	struct bad b;

	(void)state;
	assert_int_equal(run("calls.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(r.kind, SK_KIND_CALLS);
	assert_int_equal(q("SELECT sum(wait_seconds) * 10 + sum(answered) FROM calls"), 1322);
	assert_int_equal(run("outages.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_string_equal(qs("SELECT group_concat(service || planned) FROM outages"), "m3650,m3651");
	assert_int_equal(run("kpi.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(q("SELECT value_micro FROM kpi_measurements WHERE "
			   "kpi = 'servicedesk.satisfaction' AND period = '2027-01'"), 7900000);
	assert_int_equal(run("pauses.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_int_equal(q("SELECT count(*) FROM pauses WHERE end_at IS NULL"), 1);
	assert_int_equal(run("events.csv", -1, NULL, NULL, &r, &b, NULL), SK_OK);
	assert_string_equal(qs("SELECT status FROM ticket_events WHERE pause = 1"),
			    "Wachten op gebruiker");
	assert_int_equal(q("SELECT count(*) FROM imports"), 5);
}

static int setup(void **state)
{
	struct sk_diag d;
	char p[1024];

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(p, sizeof(p), "%s", data("contract.ini"));
	return sk_contract_load(p, &C, &d) == SK_OK ? 0 : -1;
}

/* Write an export of @p n tickets T0..T(n-1) to @p name in the test
 * directory; ticket @p dup_of (>= 0) comes again as the last row, with
 * priority @p dup_prio. Ticket @p changed (>= 0) gets category "Anders". */
static const char *many(const char *name, int n, int dup_of, const char *dup_prio, int changed)
{
	static char p[300];
	FILE *fp;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs("id,priority,reported_at,category\n", fp);
	for (int i = 0; i < n; i++)
		fprintf(fp, "T%d,P%d,2027-01-05 09:%02d,%s\n", i, i % 4 + 1, i % 60,
			i == changed ? "Anders" : "Netwerk");
	if (dup_of >= 0)
		fprintf(fp, "T%d,%s,2027-01-06 10:00,Netwerk\n", dup_of, dup_prio);
	fclose(fp);
	return p;
}

static enum sk_err run_path(const char *p, struct sk_import_result *r, struct bad *b)
{
	struct sk_import_opts o;
	struct sk_diag d;

	sk_import_opts_init(&o);
	o.on_bad_row = on_bad;
	o.ctx = b;
	memset(b, 0, sizeof(*b));
	return sk_import_file(DB, C, p, "many.csv", &o, r, &d);
}

/* Rows are inserted many at a time: a duplicate is still found, whether
 * its first row was new, stored unchanged or updated in this file, and in
 * the same statement or a later one; the counts stay exact. */
static void test_many_rows_duplicates(void **state)
{
	struct sk_import_result r;
	struct bad b;

	(void)state;
	/* new: 200 rows, T150 again at the end (another statement) */
	assert_int_equal(run_path(many("a.csv", 200, 150, "P2", -1), &r, &b), SK_ERR_DATA);
	assert_string_equal(b.first, "many.csv:202: 'id': duplicate ticket id 'T150' in this file "
			    "(first on line 152)");
	assert_int_equal(q("SELECT count(*) FROM tickets"), 0);
	/* new, in one statement: 40 rows, T3 again as row 41 */
	assert_int_equal(run_path(many("b.csv", 40, 3, "P1", -1), &r, &b), SK_ERR_DATA);
	assert_int_equal(b.n, 1);
	assert_int_equal(run_path(many("c.csv", 200, -1, NULL, -1), &r, &b), SK_OK);
	assert_int_equal(r.inserted, 200);
	/* stored unchanged, then again */
	assert_int_equal(run_path(many("d.csv", 200, 7, "P4", -1), &r, &b), SK_ERR_DATA);
	assert_string_equal(b.first, "many.csv:202: 'id': duplicate ticket id 'T7' in this file "
			    "(first on line 9)");
	/* updated, then again */
	assert_int_equal(run_path(many("e.csv", 200, 99, "P4", 99), &r, &b), SK_ERR_DATA);
	assert_string_equal(b.first, "many.csv:202: 'id': duplicate ticket id 'T99' in this file "
			    "(first on line 101)");
	assert_int_equal(q("SELECT count(*) FROM ticket_history"), 0);
	/* the same file again changes nothing; one change is one update */
	assert_int_equal(run_path(many("c.csv", 200, -1, NULL, -1), &r, &b), SK_OK);
	assert_int_equal(r.unchanged, 200);
	assert_int_equal(run_path(many("f.csv", 200, -1, NULL, 42), &r, &b), SK_OK);
	assert_int_equal(r.updated * 1000 + r.unchanged, 1199);
	assert_int_equal(q("SELECT count(*) FROM tickets WHERE category = 'Anders'"), 1);
	assert_int_equal(q("SELECT count(*) FROM ticket_history WHERE id = 'T42'"), 1);
}

/* Write @p text to @p name in the test directory; its path. */
static const char *file_with(const char *name, const char *text)
{
	static char p[4][300];
	static int k;
	FILE *fp;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	fp = fopen(p[k], "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return p[k];
}

static enum sk_err run_opts(const char *p, const char *name, struct sk_import_opts *o,
			    struct sk_import_result *r, struct bad *b, char *msg)
{
	struct sk_diag d;
	enum sk_err rc;

	o->on_bad_row = on_bad;
	o->ctx = b;
	memset(b, 0, sizeof(*b));
	sk_diag_clear(&d);
	rc = sk_import_file(DB, C, p, name, o, r, &d);
	if (msg)
		sk_diag_format(&d, msg, 2048);
	return rc;
}

/* Issue 14, item 2: 03-12-2027 in a month-first export is 12 March, decided
 * for the whole file by the rows whose day is above 12; the -v line says so. */
static void test_dates_month_first(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct bad b;
	const char *p = file_with("us.csv", "id,priority,reported_at\n"
				  "U1,P3,03-12-2027 10:00\n"
				  "U2,P3,03-14-2027 09:00\n");

	(void)state;
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(p, "us.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'U1'"),
			 local("2027-03-12 10:00"));
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'U2'"),
			 local("2027-03-14 09:00"));
	assert_string_equal(r.dates, "month-day (line 3: 03-14-2027)");
}

/* Only ambiguous dates and nothing that says the order: refused, naming
 * --date-format; with it the file goes in. Both orders in one file: refused. */
static void test_dates_ambiguous_refused(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct bad b;
	char msg[2048];
	const char *amb = file_with("amb.csv", "id,priority,reported_at\n"
				    "A1,P3,03-12-2027 10:00\nA2,P3,04-11-2027 10:00\n");
	const char *both = file_with("both.csv", "id,priority,reported_at\n"
				     "B1,P3,13-03-2027 10:00\nB2,P3,03-14-2027 10:00\n");

	(void)state;
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(amb, "amb.csv", &o, &r, &b, msg), SK_ERR_DATA);
	assert_string_equal(msg, "amb.csv:2: cannot tell whether dates like '03-12-2027' are "
			    "day-month or month-day: no row has a day or month above 12; give "
			    "--date-format (e.g. '%d-%m-%Y %H:%M' or '%m-%d-%Y %H:%M')");
	assert_int_equal(q("SELECT count(*) FROM imports"), 0);
	assert_int_equal(run_opts(both, "both.csv", &o, &r, &b, msg), SK_ERR_DATA);
	assert_non_null(strstr(msg, "both.csv:3: dates are written both day first (line 2: "
			       "13-03-2027) and month first (line 3: 03-14-2027)"));
	assert_int_equal(q("SELECT count(*) FROM tickets"), 0);

	o.date_format = "%m-%d-%Y %H:%M";
	assert_int_equal(run_opts(amb, "amb.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'A1'"),
			 local("2027-03-12 10:00"));
	assert_string_equal(r.dates, "as the date format '%m-%d-%Y %H:%M'");
	/* The TOPdesk profile says day first when no row tells. */
	assert_int_equal(q("SELECT count(*) FROM tickets WHERE id LIKE 'M%'"), 0);
	sk_import_opts_init(&o);
	o.profile = "topdesk";
	assert_int_equal(run_opts(file_with("td.csv", "Incidentnummer;Prioriteit;Aanmelddatum\n"
					    "M1;P3;03-12-2027 10:00\n"), "td.csv", &o, &r, &b,
				  NULL), SK_OK);
	assert_int_equal(q("SELECT reported_at FROM tickets WHERE id = 'M1'"),
			 local("2027-12-03 10:00"));
	assert_string_equal(r.dates, "day-month (profile topdesk)");
}

/* An unknown conversion is the caller's mistake, not a bad row. */
static void test_date_format_checked(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct sk_diag d;
	struct bad b;
	char msg[2048];

	(void)state;
	assert_int_equal(sk_import_date_format_check("%Q", &d), SK_ERR_USAGE);
	assert_non_null(strstr(d.msg, "unknown conversion '%Q'"));
	assert_int_equal(sk_import_date_format_check("%H:%M", &d), SK_ERR_USAGE);
	assert_int_equal(sk_import_date_format_check("%d/%m/%Y %H:%M", &d), SK_OK);
	sk_import_opts_init(&o);
	o.date_format = "%Q";
	assert_int_equal(run_opts(data("tickets_ok.csv"), "tickets_ok.csv", &o, &r, &b, msg),
			 SK_ERR_USAGE);
	assert_int_equal(b.n, 0);
	assert_int_equal(q("SELECT count(*) FROM imports"), 0);
}

/* Date errors: once per column, with the count and the first line. */
static void test_date_errors_once_per_column(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct bad b;
	const char *p = file_with("bad5.csv", "id,priority,reported_at,resolved_at\n"
				  "D1,P3,2027-01-05 10:00,\n"
				  "D2,P3,2027-13-05 10:00,\n"
				  "D3,P3,2027-14-05 10:00,2027-01-05 25:00\n"
				  "D4,P3,2027-15-05 10:00,\n"
				  "D5,P3,yesterday,\n");

	(void)state;
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(p, "bad5.csv", &o, &r, &b, NULL), SK_ERR_DATA);
	assert_int_equal(r.rejected, 4);
	/* reported_at (4 rows: D3's resolved_at is never reached) */
	assert_int_equal(b.n, 1);
	assert_string_equal(b.first, "bad5.csv:3: 'reported_at': cannot read '2027-13-05 10:00' "
			    "as a date; 4 rows of this column have dates that cannot be read, the "
			    "first on line 3, the last on line 6");
}

/* Issue 14, item 11: v1 (R1 open, P3), v2 (R1 P2, resolved), v1 again: the
 * newer version stays, the older row is counted apart, and nothing is added. */
static void test_older_export_never_rolls_back(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct bad b;
	const char *v1 = file_with("v1.csv", "id,priority,reported_at,resolved_at,status\n"
				   "R1,P3,2027-03-02 09:00,,Open\n"
				   "R2,P4,2027-03-13 09:00,,Open\n");
	const char *v2 = file_with("v2.csv", "id,priority,reported_at,resolved_at,status\n"
				   "R1,P2,2027-03-02 09:00,2027-03-20 10:00,Opgelost\n"
				   "R2,P4,2027-03-13 09:00,,Open\n");
	long long hist;

	(void)state;
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(v1, "v1.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(run_opts(v2, "v2.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(r.updated, 1);
	hist = q("SELECT count(*) FROM ticket_history");
	assert_int_equal(run_opts(v1, "v1.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(r.updated, 0);
	assert_int_equal(r.older, 1);
	assert_int_equal(r.identical_to, 1);
	assert_string_equal(qs("SELECT priority || ' ' || status FROM tickets WHERE id = 'R1'"),
			    "P2 Opgelost");
	assert_int_equal(q("SELECT count(*) FROM ticket_history"), hist);
	assert_int_equal(q("SELECT count(*) FROM imports"), 2);
	/* The horizon and the contract are in the imports rows. */
	assert_int_equal(q("SELECT horizon FROM imports WHERE id = 2"), local("2027-03-20 10:00"));
	assert_string_equal(qs("SELECT group_concat(contract_id) FROM imports"),
			    "importtest,importtest");
}

/* A row's own update time decides over the file's horizon. */
static void test_update_time_decides(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct bad b;

	(void)state;
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(file_with("n.csv", "id,priority,reported_at,updated_at\n"
					    "U1,P2,2027-03-02 09:00,2027-03-10 12:00\n"),
				  "n.csv", &o, &r, &b, NULL), SK_OK);
	/* A later file (horizon 20 March) whose U1 was last updated on 5 March. */
	assert_int_equal(run_opts(file_with("o.csv", "id,priority,reported_at,updated_at\n"
					    "U1,P4,2027-03-02 09:00,2027-03-05 12:00\n"
					    "U2,P4,2027-03-20 09:00,2027-03-20 09:00\n"),
				  "o.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(r.older, 1);
	assert_int_equal(r.inserted, 1);
	assert_string_equal(qs("SELECT priority FROM tickets WHERE id = 'U1'"), "P2");
	/* ServiceNow's sys_updated_on is that time too. */
	sk_import_opts_init(&o);
	o.profile = "servicenow";
	assert_int_equal(run_opts(file_with("sn.csv", "number,priority,opened_at,sys_updated_on\n"
					    "U1,P1,2027-03-02 09:00,2027-03-30 12:00\n"),
				  "sn.csv", &o, &r, &b, NULL), SK_OK);
	assert_int_equal(r.updated, 1);
	assert_int_equal(q("SELECT updated_at FROM tickets WHERE id = 'U1'"),
			 local("2027-03-30 12:00"));
}

/* Issue 14, item 12: the import refuses what sla-score --kpi refuses. */
static void test_negative_kpi_refused(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct sk_diag d;
	struct bad b;

	(void)state;
	assert_int_equal(sk_kpi_value_check(-1, &d), SK_ERR_RANGE);
	sk_import_opts_init(&o);
	assert_int_equal(run_opts(file_with("neg.csv", "period,kpi,value\n2027-Q1,training,-5\n"),
				  "neg.csv", &o, &r, &b, NULL), SK_ERR_DATA);
	assert_string_equal(b.first, "neg.csv:2: 'value': cannot use '-5': a measured value "
			    "cannot be negative");
	assert_int_equal(q("SELECT count(*) FROM kpi_measurements"), 0);
}

/* Issue 14, item 7: a database belongs to one contract. */
static void test_other_contract_refused(void **state)
{
	struct sk_import_opts o;
	struct sk_import_result r;
	struct sk_contract *other = NULL;
	struct sk_diag d;
	char p[1024], text[8192];
	FILE *fp;
	size_t n;
	long long changes;

	(void)state;
	fp = fopen(data("contract.ini"), "r");
	assert_non_null(fp);
	n = fread(text, 1, sizeof(text) - 1, fp);
	fclose(fp);
	text[n] = '\0';
	memcpy(strstr(text, "id = importtest"), "id = otherctrct", 15);
	snprintf(p, sizeof(p), "%s", file_with("other.ini", text));
	assert_int_equal(sk_contract_load(p, &other, &d), SK_OK);
	sk_import_opts_init(&o);
	assert_int_equal(sk_import_file(DB, C, data("calls.csv"), "calls.csv", &o, &r, &d), SK_OK);
	changes = q("SELECT total_changes()");
	assert_int_equal(sk_import_file(DB, other, data("tickets_ok.csv"), "t.csv", &o, &r, &d),
			 SK_ERR_USAGE);
	assert_non_null(strstr(d.msg, "belongs to contract 'importtest', not 'otherctrct'"));
	assert_int_equal(q("SELECT count(*) FROM tickets"), 0);
	assert_int_equal(q("SELECT count(*) FROM imports"), 1);
	assert_int_equal(q("SELECT total_changes()"), changes);
	sk_contract_free(other);
}

static int teardown(void **state)
{
	char cmd[300];

	(void)state;
	sk_contract_free(C);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tickets, fresh, done),
		cmocka_unit_test_setup_teardown(test_reimport_changes_nothing, fresh, done),
		cmocka_unit_test_setup_teardown(test_newer_export_updates_with_history, fresh, done),
		cmocka_unit_test_setup_teardown(test_row_checks_refuse_the_file, fresh, done),
		cmocka_unit_test_setup_teardown(test_file_checks_refuse_the_file, fresh, done),
		cmocka_unit_test_setup_teardown(test_skip_bad_writes_rejects, fresh, done),
		cmocka_unit_test_setup_teardown(test_windows_1252, fresh, done),
		cmocka_unit_test_setup_teardown(test_profiles, fresh, done),
		cmocka_unit_test_setup_teardown(test_eventlog, fresh, done),
		cmocka_unit_test_setup_teardown(test_other_kinds, fresh, done),
		cmocka_unit_test_setup_teardown(test_many_rows_duplicates, fresh, done),
		cmocka_unit_test_setup_teardown(test_dates_month_first, fresh, done),
		cmocka_unit_test_setup_teardown(test_dates_ambiguous_refused, fresh, done),
		cmocka_unit_test_setup_teardown(test_date_format_checked, fresh, done),
		cmocka_unit_test_setup_teardown(test_date_errors_once_per_column, fresh, done),
		cmocka_unit_test_setup_teardown(test_older_export_never_rolls_back, fresh, done),
		cmocka_unit_test_setup_teardown(test_update_time_decides, fresh, done),
		cmocka_unit_test_setup_teardown(test_negative_kpi_refused, fresh, done),
		cmocka_unit_test_setup_teardown(test_other_contract_refused, fresh, done),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
