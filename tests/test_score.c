/*
 * The money part: % of norm, rounding, cap, weights, staffel boundaries and
 * malus cents, on tests/data/score/contract.ini and values given directly
 * (the database-fed values are covered by tests/e2e/score_cli.sh).
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
#include "render/render_priv.h"  /* report_kpi_detail: how the SLR words the norm */

static struct sk_contract *C;
static struct sk_period Q1;

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	const char *data = getenv("SK_TESTDATA");

	(void)state;
	snprintf(path, sizeof(path), "%s/score/contract.ini", data ? data : "data");
	if (sk_contract_load(path, &C, &d) != SK_OK)
		return -1;
	return sk_period_parse("2027-Q1", C->tz, &Q1, NULL) == SK_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	sk_contract_free(C);
	return 0;
}

static sk_dec D(const char *s)
{
	sk_dec v;

	assert_int_equal(sk_dec_parse(s, &v, NULL), SK_OK);
	return v;
}

/* Score with the given values only (no database). */
static struct sk_score *score(const struct sk_given *g, size_t n, const char *domain,
			      enum sk_missing_rule missing)
{
	const char *domains[1] = { domain };
	struct sk_score_input in = { NULL, g, n, domains, domain ? 1 : 0, NULL, 0, NULL, missing, NULL, 0 };
	struct sk_score *s = NULL;

	assert_int_equal(sk_score_compute(C, &Q1, &in, &s, NULL), SK_OK);
	return s;
}

static void test_pct_of_norm(void **state)
{
	sk_dec v;

	(void)state;
	/* The seed's worked example, half-up on the exact value. */
	assert_int_equal(sk_pct_of_norm(D("75"), D("80"), SK_HIGHER_IS_BETTER, 1, &v), SK_OK);
	assert_int_equal(v, D("93.8"));    /* 93.75 */
	sk_pct_of_norm(D("68"), D("70"), SK_HIGHER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("97.1"));    /* 97.142857... */
	sk_pct_of_norm(D("98"), D("100"), SK_HIGHER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("98"));
	sk_pct_of_norm(D("1"), D("2"), SK_HIGHER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("50"));
	/* x.x5 rounds up, never down because of binary floating point. */
	sk_pct_of_norm(D("0.805"), D("1"), SK_HIGHER_IS_BETTER, 0, &v);
	assert_int_equal(v, D("81"));      /* 80.5 */
	sk_pct_of_norm(D("1.0005"), D("1"), SK_HIGHER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("100.1"));   /* 100.05 */
	/* Lower is better: failed changes 4 % against < 3 %: 3 / 4 = 75.0. */
	sk_pct_of_norm(D("4"), D("3"), SK_LOWER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("75"));
	sk_pct_of_norm(D("0"), D("3"), SK_LOWER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("100"));
	sk_pct_of_norm(D("2"), D("3"), SK_LOWER_IS_BETTER, 1, &v);
	assert_int_equal(v, D("150"));     /* capped later, not here */
	assert_int_equal(sk_pct_of_norm(D("2"), 0, SK_HIGHER_IS_BETTER, 1, &v), SK_ERR_RANGE);
}

static void test_staffel_boundaries(void **state)
{
	static const struct {
		const char *score;
		const char *malus;
		int escalate;
	} cases[] = {
		{ "100", "0", 0 }, { "95.00", "0", 0 }, { "94.99", "0.5", 0 }, { "90.00", "0.5", 0 },
		{ "89.99", "1", 0 }, { "80.00", "1", 0 }, { "79.99", "2", 1 }, { "0", "2", 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int step = sk_staffel_step(C, D(cases[i].score));

		assert_true(step >= 0);
		assert_int_equal(C->staffel[step].malus, D(cases[i].malus));
		assert_int_equal(C->staffel[step].escalate, cases[i].escalate);
	}
}

/* The DHS worked example: 93.8, 97.1, 98.0, 50.0 -> 91.79 -> 0.5 % -> EUR 90.00. */
static void test_worked_example(void **state)
{
	const struct sk_given g[] = {
		{ "reachability", 75 * SK_DEC_ONE }, { "fcr", 68 * SK_DEC_ONE },
		{ "servicedesk.handover", 98 * SK_DEC_ONE }, { "training", SK_DEC_ONE },
	};
	struct sk_score *s = score(g, 4, "servicedesk", SK_MISSING_REFUSE);
	const struct sk_domain_score *ds = &s->domains[0];

	(void)state;
	assert_int_equal(s->n_domains, 1);
	assert_int_equal(s->n_missing, 0);
	assert_int_equal(ds->kpis[0].pct, D("93.8"));
	assert_int_equal(ds->kpis[1].pct, D("97.1"));
	assert_int_equal(ds->kpis[2].pct, D("98.0"));
	assert_int_equal(ds->kpis[3].pct, D("50.0"));
	assert_int_equal(ds->kpis[0].contribution, D("23.45"));
	assert_int_equal(ds->kpis[1].contribution, D("38.84"));
	assert_int_equal(ds->score, D("91.79"));
	assert_int_equal(ds->malus, D("0.5"));
	assert_int_equal(ds->escalation, 0);
	assert_int_equal(ds->malus_cents, 9000);   /* 0.5 % of 18000.00 */
	assert_string_equal(ds->applies_to, "2027-Q2");
	assert_string_equal(ds->kpis[3].window, "2027-H1");  /* measured half-yearly */
	assert_int_equal(ds->kpis[0].origin, SK_ORIGIN_GIVEN);
	sk_score_free(s);
}

/* Lower is better, the cap, and malus cents rounded half-up: 1 % of 12345.67 = 123.4567 -> 123.46. */
static void test_lower_cap_cents(void **state)
{
	const struct sk_given g[] = { { "failed", 4 * SK_DEC_ONE }, { "cmdb", 99 * SK_DEC_ONE } };
	struct sk_score *s = score(g, 2, "change", SK_MISSING_REFUSE);
	const struct sk_domain_score *ds = &s->domains[0];

	(void)state;
	assert_int_equal(ds->kpis[0].pct, D("75"));
	assert_int_equal(ds->kpis[1].pct_raw, D("101"));   /* 99 / 98 = 101.02... -> 101.0 */
	assert_int_equal(ds->kpis[1].pct, D("100"));
	assert_int_equal(ds->kpis[1].capped, 1);
	assert_int_equal(ds->score, D("85"));             /* 75 x 0.6 + 100 x 0.4 */
	assert_int_equal(ds->malus, D("1"));
	assert_int_equal(ds->malus_cents, 12346);
	assert_int_equal(sk_cents_percent(1234567, D("0.5")), 6173);  /* 61.72835 */
	assert_int_equal(sk_cents_percent(100, D("0.5")), 1);          /* 0.5 cent rounds up */
	sk_score_free(s);
}

/*
 * `score = success` (DHS "failed changes < 3 %" read as 97 % succeeding): with
 * 10.2 % failed, the default inverse gives 3 / 10.2 = 29.41... -> 29.4 % of
 * norm; success gives (100 - 10.2) / (100 - 3) = 89.8 / 97 = 92.57... -> 92.6.
 * The same contract file with the key added, loaded as a user's would be.
 */
static void test_score_success(void **state)
{
	const struct sk_given g[] = { { "failed", D("10.2") }, { "cmdb", 98 * SK_DEC_ONE } };
	struct sk_score *s = score(g, 2, "change", SK_MISSING_REFUSE);
	struct sk_contract *plain = C, *succ = NULL;
	char path[1024], tmp[] = "/tmp/sk-score-success-XXXXXX", line[512];
	const char *data = getenv("SK_TESTDATA");
	FILE *in, *out;
	int fd, in_failed = 0;
	struct sk_diag d;

	(void)state;
	assert_int_equal(s->domains[0].kpis[0].pct, D("29.4"));
	assert_string_equal(sk_kpi_score_name(s->domains[0].kpis[0].kpi), "inverse");
	sk_score_free(s);

	snprintf(path, sizeof(path), "%s/score/contract.ini", data ? data : "data");
	assert_non_null(in = fopen(path, "r"));
	assert_true((fd = mkstemp(tmp)) >= 0);
	assert_non_null(out = fdopen(fd, "w"));
	while (fgets(line, sizeof(line), in)) {
		fputs(line, out);
		if (line[0] == '[')
			in_failed = strcmp(line, "[kpi.change.failed]\n") == 0;
		if (in_failed && strcmp(line, "direction = lower\n") == 0)
			fputs("score = success\n", out);
	}
	fclose(in);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(sk_contract_load(tmp, &succ, &d), SK_OK);
	unlink(tmp);
	C = succ;
	s = score(g, 2, "change", SK_MISSING_REFUSE);
	C = plain;
	assert_int_equal(s->domains[0].kpis[0].pct, D("92.6"));
	assert_string_equal(sk_kpi_score_name(s->domains[0].kpis[0].kpi), "success");
	sk_score_free(s);
	sk_contract_free(succ);
}

/* 45 + 35 + 25 = 105, normalised: (90x45 + 100x35 + 100x25) / 105 = 95.714... -> 95.71. */
static void test_normalised_weights(void **state)
{
	const struct sk_given g[] = { { "patch", 90 * SK_DEC_ONE }, { "os", 95 * SK_DEC_ONE },
				      { "licence", 100 * SK_DEC_ONE } };
	struct sk_score *s = score(g, 3, "workplace", SK_MISSING_REFUSE);
	const struct sk_domain_score *ds = &s->domains[0];

	(void)state;
	assert_int_equal(ds->normalised, 1);
	assert_int_equal(ds->weight_sum, D("105"));
	assert_int_equal(ds->score, D("95.71"));
	assert_int_equal(ds->malus, 0);
	assert_non_null(strstr(ds->reason, "normalise"));
	sk_score_free(s);
}

/* A domain before its start date is shown, not scored; one without weights likewise. */
static void test_not_scored(void **state)
{
	const struct sk_given g[] = { { "provisioning", 50 * SK_DEC_ONE } };
	struct sk_score *s = score(g, 1, "iam", SK_MISSING_REFUSE);

	(void)state;
	assert_int_equal(s->domains[0].scored, 0);
	assert_non_null(strstr(s->domains[0].reason, "starts on 2027-07-01"));
	assert_int_equal(s->domains[0].kpis[0].has_value, 1);
	assert_int_equal(s->n_missing, 0);
	sk_score_free(s);
	s = score(NULL, 0, "other", SK_MISSING_REFUSE);
	assert_int_equal(s->domains[0].scored, 0);
	assert_non_null(strstr(s->domains[0].reason, "no weights"));
	assert_int_equal(s->n_missing, 0);
	sk_score_free(s);
}

/* Missing data: never silently 0 or 100; zero and skip only when asked. */
static void test_missing(void **state)
{
	const struct sk_given g[] = { { "reachability", 75 * SK_DEC_ONE }, { "fcr", 68 * SK_DEC_ONE },
				      { "handover", 98 * SK_DEC_ONE } };
	struct sk_score *s = score(g, 3, "servicedesk", SK_MISSING_REFUSE);

	(void)state;
	assert_int_equal(s->n_missing, 1);
	assert_int_equal(s->domains[0].scored, 0);
	assert_int_equal(s->domains[0].complete, 0);
	assert_int_equal(s->domains[0].kpis[3].origin, SK_ORIGIN_MISSING);
	sk_score_free(s);

	/* zero: training 0 % -> 23.45 + 38.84 + 24.5 + 0 = 86.79 */
	s = score(g, 3, "servicedesk", SK_MISSING_ZERO);
	assert_int_equal(s->n_missing, 0);
	assert_int_equal(s->domains[0].score, D("86.79"));
	sk_score_free(s);

	/* skip: (93.8x25 + 97.1x40 + 98x25) / 90 = 96.43... */
	s = score(g, 3, "servicedesk", SK_MISSING_SKIP);
	assert_int_equal(s->domains[0].score, D("96.43"));
	assert_int_equal(s->domains[0].normalised, 1);
	sk_score_free(s);
}

static void test_unknown_ids(void **state)
{
	const struct sk_given g[] = { { "reachabilty", 75 * SK_DEC_ONE } };
	struct sk_score_input in = { NULL, g, 1, NULL, 0, NULL, 0, NULL, SK_MISSING_REFUSE, NULL, 0 };
	const char *dom[] = { "servicedesks" };
	struct sk_score_input in2 = { NULL, NULL, 0, dom, 1, NULL, 0, NULL, SK_MISSING_REFUSE, NULL, 0 };
	struct sk_score *s = NULL;
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_score_compute(C, &Q1, &in, &s, &d), SK_ERR_USAGE);
	assert_non_null(strstr(d.msg, "no KPI 'reachabilty'"));
	assert_int_equal(sk_score_compute(C, &Q1, &in2, &s, &d), SK_ERR_USAGE);
	assert_non_null(strstr(d.msg, "no domain 'servicedesks'"));
}

/* Euros only for a quarter: a monthly score shows the % but no amount. */
static void test_month_has_no_euros(void **state)
{
	const struct sk_given g[] = { { "failed", 4 * SK_DEC_ONE }, { "cmdb", 99 * SK_DEC_ONE } };
	const char *domains[1] = { "change" };
	struct sk_score_input in = { NULL, g, 2, domains, 1, NULL, 0, NULL, SK_MISSING_REFUSE, NULL, 0 };
	struct sk_period jan;
	struct sk_score *s;

	(void)state;
	sk_period_parse("2027-01", C->tz, &jan, NULL);
	assert_int_equal(sk_score_compute(C, &jan, &in, &s, NULL), SK_OK);
	assert_int_equal(s->domains[0].malus, D("1"));
	assert_int_equal(s->domains[0].has_invoice, 0);
	assert_string_equal(s->domains[0].kpis[0].window, "2027-Q1");  /* quarterly KPI */
	sk_score_free(s);
}

/*
 * Pro rata: 2 per year measured over 2027-H1 is 1 (1 held = 100 %), 1 per quarter
 * measured over 2027 is 4 (3 held = 75 %); without pro rata 1 of 2 stays 50 %.
 */
static void test_pro_rata(void **state)
{
	const struct sk_given g[] = { { "sessions", SK_DEC_ONE }, { "reports", 3 * SK_DEC_ONE },
				      { "asis", SK_DEC_ONE } };
	struct sk_score *s = score(g, 3, "knowledge", SK_MISSING_REFUSE);
	const struct sk_domain_score *ds = &s->domains[0];
	char buf[512];

	(void)state;
	assert_string_equal(ds->kpis[0].window, "2027-H1");
	assert_int_equal(ds->kpis[0].pro_rata, 1);
	assert_int_equal(ds->kpis[0].norm_used, D("1"));
	assert_int_equal(ds->kpis[0].pct, D("100"));
	assert_string_equal(ds->kpis[1].window, "2027");
	assert_int_equal(ds->kpis[1].norm_used, D("4"));
	assert_int_equal(ds->kpis[1].pct, D("75"));
	assert_int_equal(ds->kpis[2].pro_rata, 0);
	assert_int_equal(ds->kpis[2].norm_used, D("2"));
	assert_int_equal(ds->kpis[2].pct, D("50"));
	assert_int_equal(ds->score, D("82.5"));   /* 100 x 0.5 + 75 x 0.3 + 50 x 0.2 */
	/* The SLR says how the norm came about. */
	report_kpi_detail(report_words_for("en"), &ds->kpis[0], buf, sizeof(buf));
	assert_non_null(strstr(buf, "norm 2 per year x 6/12 months (pro rata) = 1"));
	report_kpi_detail(report_words_for("nl"), &ds->kpis[2], buf, sizeof(buf));
	assert_non_null(strstr(buf, "norm 2 per jaar, niet naar rato"));
	sk_score_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_of_norm),
		cmocka_unit_test(test_staffel_boundaries),
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_lower_cap_cents),
		cmocka_unit_test(test_normalised_weights),
		cmocka_unit_test(test_not_scored),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_unknown_ids),
		cmocka_unit_test(test_month_has_no_euros),
		cmocka_unit_test(test_pro_rata),
		cmocka_unit_test(test_score_success),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
