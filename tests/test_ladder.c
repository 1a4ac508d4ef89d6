/*
 * The complaint escalation ladder (cloudwise-dap §11.4): afdelingsniveau up
 * to 2 werkdagen, managementniveau beyond them, directieniveau beyond 5
 * werkdagen, on business time with the pauses left out. The database is
 * built row by row, so every instant below is worked out by hand.
 *
 * Calendar office: Mon-Fri 08:00-17:00 (9 h a werkdag), Dutch holidays;
 * [rules] complaint_management = 2d (18 h), complaint_directors = 5d (45 h).
 *
 *  L1 Thu 4 Mar 15:00, solved Fri 12 Mar 10:00, no pause. Thu 15-17 2 h,
 *     Fri 5 Mar 9 h (11 h), the weekend nothing, Mon 8 Mar 08:00 + 7 h:
 *     18 h at Mon 8 Mar 15:00 (management, across the weekend). Mon 15-17
 *     2 h (20), Tue 9 (29), Wed 9 (38), Thu 11 Mar 08:00 + 7 h: 45 h at
 *     Thu 11 Mar 15:00 (directors). Solved: 45 + 2 + 2 = 49 h. Level 3.
 *  L2 Mon 15 Mar 09:00, paused Mon 12:00 - Tue 16 Mar 12:00 (5 + 4 = 9 h),
 *     solved Thu 18 Mar 14:00: gross 8 + 9 + 9 + 6 = 32 h, 23 h net: level
 *     2. 18 h: Mon 09-12 3 h, Tue 12-17 5 h (8), Wed 9 h (17), Thu 18 Mar
 *     08:00 + 1 h = 09:00 (without the pause it would be Wed 17 Mar 09:00).
 *  L3 Mon 22 Mar 08:00, solved Tue 23 Mar 17:00: exactly 18 h, "binnen
 *     maximaal twee werkdagen": level 1, not escalated.
 *  L4 Tue 23 Feb 08:00, still open. At February's end: Tue 9, Wed 9 (18 h
 *     at Wed 24 Feb 17:00, the closing time), Thu 9 (27), Fri 9 (36): level
 *     2 since Wed 24 Feb 17:00. In March (still open): Mon 1 Mar + 9 h = 45 h
 *     at Mon 1 Mar 17:00: level 3; by March's end 36 h + 22 werkdagen x 9 h
 *     (23 weekdays, Easter Monday 29 Mar off) = 234 h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit.h"

static struct sk_contract *C;
static struct sk_db *DB;
static char DIR[256];

static const char contract_head[] =
	"[contract]\n"
	"id = ladder\n"
	"language = nl\n"
	"timezone = Europe/Amsterdam\n"
	"calendar = office\n"
	"start = 2027-01-01\n"
	"\n"
	"[calendar.office]\n"
	"mon-fri = 08:00-17:00\n"
	"holidays = nl\n"
	"\n"
	"[priority.P2]\n"
	"response = 1h\n"
	"resolution = 8h\n"
	"resolution.complaint = 2d\n"
	"\n"
	"[domain.klachten]\n"
	"scored = no\n"
	"\n"
	"[kpi.klachten.opgelost]\n"
	"source = tickets:complaint within=2d\n"
	"norm = 100\n"
	"\n"
	"[staffel]\n"
	"step = 0 0\n"
	"\n"
	"[rules]\n";

static const char ladder_rules[] = "complaint_management = 2 werkdagen\n"
				   "complaint_directors = 5 werkdagen\n";

static sk_time T(const char *s)
{
	sk_time t = 0;

	assert_int_equal(sk_time_parse(s, C->tz, &t, NULL, NULL), SK_OK);
	return t;
}

static void sql(const char *fmt, ...)
{
	char buf[4096];
	struct sk_diag d;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (sk_db_exec(DB, buf, &d) != SK_OK) {
		fprintf(stderr, "%s\n%s\n", buf, d.msg);
		fail();
	}
}

/* A complaint; times as local text, "" for none. */
static void add_complaint(const char *id, const char *reported, const char *resolved)
{
	char res[32];

	snprintf(res, sizeof(res), *resolved ? "%lld" : "NULL",
		 (long long)(*resolved ? T(resolved) : 0));
	sql("INSERT INTO tickets (id, type, priority, priority_level, priority_raw, reported_at,"
	    " responded_at, resolved_at, channel, import_id) VALUES ('%s', 'complaint', 'P2', 2,"
	    " 'P2', %lld, %lld, %s, 'email', 1)", id, (long long)T(reported),
	    (long long)T(reported) + 300, res);
}

/* Write the contract with @rules under [rules] and load it into C. */
static enum sk_err load(const char *rules, struct sk_diag *d)
{
	char path[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/c.ini", DIR);
	if (!(fp = fopen(path, "w")) || fputs(contract_head, fp) < 0 || fputs(rules, fp) < 0 ||
	    fclose(fp))
		return SK_ERR_IO;
	sk_contract_free(C);
	C = NULL;
	return sk_contract_load(path, &C, d);
}

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;

	(void)state;
	snprintf(DIR, sizeof(DIR), "/tmp/test_ladder.XXXXXX");
	if (!mkdtemp(DIR) || load(ladder_rules, &d) != SK_OK)
		return -1;
	snprintf(path, sizeof(path), "%s/r.db", DIR);
	if (sk_db_open(path, SK_DB_CREATE, &DB, &d) != SK_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return -1;
	}
	/* The import covers up to 1 Apr: the open complaint runs to the periods' ends. */
	sql("INSERT INTO imports (id, file, sha256, bytes, kind, profile, contract_sha256, time_zone,"
	    " encoding, delimiter, skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged,"
	    " rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, dst_gaps, dst_folds,"
	    " started_at, finished_at, tool_version, horizon) VALUES (1, 't.csv', '%064d', 1,"
	    " 'tickets', 'generic', '%s', 'Europe/Amsterdam', 'utf-8', ',', 0, 4, 4, 0, 0, 0, 4, 0, 0,"
	    " 0, 0, %lld, %lld, '0.1.0', %lld)", 1, C->sha256, (long long)T("2027-04-01 09:00"),
	    (long long)T("2027-04-01 09:00"), (long long)T("2027-04-01 00:00"));
	add_complaint("L1", "2027-03-04 15:00", "2027-03-12 10:00");
	add_complaint("L2", "2027-03-15 09:00", "2027-03-18 14:00");
	add_complaint("L3", "2027-03-22 08:00", "2027-03-23 17:00");
	add_complaint("L4", "2027-02-23 08:00", "");
	sql("INSERT INTO pauses (ticket_id, start_at, end_at, import_id) VALUES ('L2', %lld, %lld, 1)",
	    (long long)T("2027-03-15 12:00"), (long long)T("2027-03-16 12:00"));
	return 0;
}

static int teardown(void **state)
{
	char cmd[512];

	(void)state;
	sk_db_close(DB);
	sk_contract_free(C);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", DIR);
	return system(cmd) == 0 ? 0 : -1;
}

static struct sk_report *gather(const char *period)
{
	struct sk_report *r = NULL;
	struct sk_period p;
	struct sk_diag d;

	assert_int_equal(sk_period_parse(period, C->tz, &p, &d), SK_OK);
	if (sk_report_gather(DB, C, &p, NULL, &r, &d) != SK_OK) {
		fprintf(stderr, "gather: %s\n", d.msg);
		fail();
	}
	return r;
}

static const struct sk_report_case *complaint(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->n_complaints; i++)
		if (strcmp(r->complaints[i].id, id) == 0)
			return &r->complaints[i];
	fail_msg("no complaint %s", id);
	return NULL;
}

/* 1 when complaint @id is among the report's escalations. */
static int escalated(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->n_escalations; i++)
		if (r->escalations[i].kind == 1 && strcmp(r->complaints[r->escalations[i].index].id, id) == 0)
			return 1;
	return 0;
}

static char *written(const struct sk_report *r, enum sk_report_format fmt, const char *lang)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct sk_diag d;

	assert_non_null(fp);
	assert_int_equal(sk_report_write(r, fmt, lang, fp, &d), SK_OK);
	fclose(fp);
	return buf;
}

static void test_march(void **state)
{
	struct sk_report *r = gather("2027-03");
	const struct sk_report_case *k;

	(void)state;
	assert_int_equal(r->ladder[0], 18 * 3600);
	assert_int_equal(r->ladder[1], 45 * 3600);
	k = complaint(r, "L1");
	assert_int_equal(k->business, 49 * 3600);
	assert_int_equal(k->level, 3);
	assert_int_equal(k->management_at, T("2027-03-08 15:00"));
	assert_int_equal(k->directors_at, T("2027-03-11 15:00"));
	k = complaint(r, "L2");
	assert_int_equal(k->business, 23 * 3600);
	assert_int_equal(k->paused, 9 * 3600);
	assert_int_equal(k->level, 2);
	assert_int_equal(k->management_at, T("2027-03-18 09:00"));
	assert_int_equal(k->directors_at, 0);
	k = complaint(r, "L3");
	assert_int_equal(k->business, 18 * 3600);
	assert_int_equal(k->level, 1);
	assert_int_equal(k->management_at, 0);
	k = complaint(r, "L4");
	assert_int_equal(k->solved_at, 0);
	assert_int_equal(k->business, 234 * 3600);
	assert_int_equal(k->level, 3);
	assert_int_equal(k->management_at, T("2027-02-24 17:00"));
	assert_int_equal(k->directors_at, T("2027-03-01 17:00"));
	/* The report lists those at management or director level. */
	assert_true(escalated(r, "L1"));
	assert_true(escalated(r, "L2"));
	assert_false(escalated(r, "L3"));
	assert_true(escalated(r, "L4"));
	sk_report_free(r);
}

/* The open one, at February's end: management level, not yet directors. */
static void test_february(void **state)
{
	struct sk_report *r = gather("2027-02");
	const struct sk_report_case *k = complaint(r, "L4");

	(void)state;
	assert_int_equal(r->n_complaints, 1);
	assert_int_equal(k->business, 36 * 3600);
	assert_int_equal(k->level, 2);
	assert_int_equal(k->management_at, T("2027-02-24 17:00"));
	assert_int_equal(k->directors_at, 0);
	assert_true(escalated(r, "L4"));
	sk_report_free(r);
}

/* Every format says the level and when. */
static void test_formats(void **state)
{
	struct sk_report *r = gather("2027-03");
	char *nl = written(r, SK_REPORT_TEXT, "nl"), *en = written(r, SK_REPORT_TEXT, "en");
	char *csv = written(r, SK_REPORT_CSV, NULL), *json = written(r, SK_REPORT_JSON, NULL);

	(void)state;
	assert_non_null(strstr(nl, "escalatieniveau: managementniveau sinds 2027-03-18 09:00"));
	assert_non_null(strstr(nl, "escalatieniveau: afdelingsniveau"));
	assert_non_null(strstr(nl, "klacht L2: 23:00; managementniveau sinds 2027-03-18 09:00"));
	assert_non_null(strstr(nl, "managementniveau na 18:00;"));
	assert_non_null(strstr(nl, "directieniveau na 45:00"));
	assert_null(strstr(nl, "klacht L3"));
	/* The line wraps at 100 columns. */
	assert_non_null(strstr(en, "escalation level: director level since 2027-03-11 15:00"));
	assert_non_null(strstr(en, "(management level since 2027-03-08"));
	assert_non_null(strstr(csv, "complaint,L1,level,directors\n"));
	assert_non_null(strstr(csv, "complaint,L2,management_at,2027-03-18T09:00:00\n"));
	assert_non_null(strstr(csv, "ladder,directors,after_seconds,162000\n"));
	assert_non_null(strstr(json, "\"level\":\"management\""));
	assert_non_null(strstr(json, "\"ladder\":{\"management_seconds\":64800,"
				     "\"directors_seconds\":162000}"));
	free(nl);
	free(en);
	free(csv);
	free(json);
	sk_report_free(r);
}

/* Without a ladder: no level, and the complaint KPI's limit escalates as before. */
static void test_no_ladder(void **state)
{
	struct sk_report *r;
	struct sk_diag d;
	char *nl;

	(void)state;
	assert_int_equal(load("", &d), SK_OK);
	r = gather("2027-03");
	assert_int_equal(r->ladder[0], 0);
	assert_int_equal(complaint(r, "L1")->level, 0);
	assert_int_equal(complaint(r, "L1")->management_at, 0);
	assert_true(escalated(r, "L2")); /* 23 h > 18 h */
	assert_false(escalated(r, "L3"));
	nl = written(r, SK_REPORT_TEXT, "nl");
	assert_null(strstr(nl, "escalatieniveau"));
	assert_non_null(strstr(nl, "klacht over de grens"));
	free(nl);
	sk_report_free(r);
	/* The next tests read the contract with its ladder again. */
	assert_int_equal(load(ladder_rules, &d), SK_OK);
}

/* A ladder must climb: directors after management. */
static void test_refused(void **state)
{
	struct sk_diag d;

	(void)state;
	assert_int_equal(load("complaint_management = 2d\ncomplaint_directors = 18h\n", &d),
			 SK_ERR_CONTRACT);
	assert_non_null(strstr(d.msg, "must be longer than complaint_management"));
	assert_int_equal(d.line, 29);
	assert_int_equal(load(ladder_rules, &d), SK_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_march),
		cmocka_unit_test(test_february),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_no_ladder),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
