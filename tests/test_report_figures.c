/*
 * render's report_figure(): a figure beside its norm gets the places its
 * verdict needs, so rounding never shows a miss on the norm or past it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/render_priv.h"

/* @num/@den*100 beside @norm (all as text for sk_dec_parse) in Dutch. */
static const char *shown(sk_dec num, sk_dec den, const char *norm, enum sk_direction dir, int met,
			 int decimals)
{
	static char buf[64];
	const struct report_words *w = report_words_for("nl");
	struct report_figure f;
	sk_dec n;

	assert_int_equal(sk_dec_parse(norm, &n, NULL), SK_OK);
	report_figure(num, den, n, dir, met, decimals, &f);
	return report_figure_pct(w, &f, n, buf, sizeof(buf));
}

static sk_dec dec(const char *s)
{
	sk_dec v;

	assert_int_equal(sk_dec_parse(s, &v, NULL), SK_OK);
	return v;
}

static void test_shares(void **state)
{
	(void)state;
	/* 48 of 49 is 97.959 %: 98,0 % beside a norm of 98 % it fails. */
	assert_string_equal(shown(SK_DEC(48), SK_DEC(49), "98", SK_HIGHER_IS_BETTER, 0, 1), "97,96 %");
	/* Met figures stay at the default. */
	assert_string_equal(shown(SK_DEC(49), SK_DEC(49), "98", SK_HIGHER_IS_BETTER, 1, 1), "100,0 %");
	assert_string_equal(shown(SK_DEC(75), SK_DEC(80), "90", SK_HIGHER_IS_BETTER, 1, 1), "93,8 %");
	/* A clear miss stays at the default too. */
	assert_string_equal(shown(SK_DEC(2), SK_DEC(4), "100", SK_HIGHER_IS_BETTER, 0, 1), "50,0 %");
	/* 99.7999 % beside 99.8 %: four places. */
	assert_string_equal(shown(dec("99.7999"), SK_DEC(100), "99.8", SK_HIGHER_IS_BETTER, 0, 3),
			    "99,7999 %");
	assert_string_equal(shown(dec("99.8"), SK_DEC(100), "99.8", SK_HIGHER_IS_BETTER, 1, 3),
			    "99,800 %");
	/* Closer than four places show: the bound it is. */
	assert_string_equal(shown(dec("99.79999"), SK_DEC(100), "99.8", SK_HIGHER_IS_BETTER, 0, 3),
			    "<99,8 %");
	/* Lower is better: 3.004 % of failed changes beside a norm of 3 % is a miss. */
	assert_string_equal(shown(dec("3.004"), SK_DEC(100), "3", SK_LOWER_IS_BETTER, 0, 2),
			    "3,004 %");
	assert_string_equal(shown(dec("3.00001"), SK_DEC(100), "3", SK_LOWER_IS_BETTER, 0, 2),
			    ">3 %");
	assert_string_equal(shown(dec("2.996"), SK_DEC(100), "3", SK_LOWER_IS_BETTER, 1, 2), "3,00 %");
	/* A norm written with more places than the default: a met figure takes them. */
	assert_string_equal(shown(dec("99.94"), SK_DEC(100), "99.94", SK_HIGHER_IS_BETTER, 1, 1),
			    "99,94 %");
}

static void test_bound_number(void **state)
{
	struct report_figure f;

	(void)state;
	/* With a bound, the number (for CSV) is the figure at six places. */
	report_figure(dec("99.79999"), SK_DEC(100), dec("99.8"), SK_HIGHER_IS_BETTER, 0, 3, &f);
	assert_int_equal(f.bound, '<');
	assert_int_equal(f.decimals, 6);
	assert_int_equal(f.value, dec("99.79999"));
	report_figure(SK_DEC(48), SK_DEC(49), dec("98"), SK_HIGHER_IS_BETTER, 0, 1, &f);
	assert_int_equal(f.bound, 0);
	assert_int_equal(f.decimals, 2);
	assert_int_equal(f.value, dec("97.96"));
}

static void test_kpi(void **state)
{
	struct sk_kpi k;
	struct sk_kpi_score ks;
	struct report_figure f;
	char buf[64];
	const struct report_words *w = report_words_for("nl");

	(void)state;
	memset(&k, 0, sizeof(k));
	memset(&ks, 0, sizeof(ks));
	k.has_norm = 1;
	k.direction = SK_HIGHER_IS_BETTER;
	ks.kpi = &k;
	ks.has_value = 1;
	ks.has_pct = 1;
	/* 99.7999 % against 99.8 %: scored at one place it is 100,0 % of norm, and it fails. */
	ks.measured = dec("99.7999");
	ks.norm_used = dec("99.8");
	assert_int_equal(sk_pct_of_norm(ks.measured, ks.norm_used, k.direction, 1, &ks.pct), SK_OK);
	assert_int_equal(ks.pct, SK_DEC(100));
	assert_int_equal(report_kpi_side(&ks), 0);
	assert_string_equal(report_kpi_measured_text(w, &ks, buf, sizeof(buf)), "99,7999 %");
	assert_string_equal(report_kpi_pct_text(w, &ks, 1, buf, sizeof(buf)), "99,9999 %");
	report_kpi_pct(&ks, 1, &f);
	assert_int_equal(f.decimals, 4);
	/* Met, capped at 100: as scored. */
	ks.measured = dec("99.87");
	assert_int_equal(sk_pct_of_norm(ks.measured, ks.norm_used, k.direction, 1, &ks.pct), SK_OK);
	assert_string_equal(report_kpi_measured_text(w, &ks, buf, sizeof(buf)), "99,87 %");
	assert_string_equal(report_kpi_pct_text(w, &ks, 1, buf, sizeof(buf)), "100,1 %");
}

/*
 * A domain's result against the staffel: the bounds of the step its score is in.
 * Steps 95 0 / 90 0.5 / 80 1 / 0 2 escalate (DHS, §9), two score places.
 */
static void test_staffel_words(void **state)
{
	struct sk_staffel_step steps[4] = { { SK_DEC(95), 0, 0 }, { SK_DEC(90), 500000, 0 },
					    { SK_DEC(80), SK_DEC(1), 0 }, { 0, SK_DEC(2), 1 } };
	struct sk_contract c = { 0 };
	struct sk_domain_score ds = { 0 };
	const struct report_words *nl = report_words_for("nl"), *en = report_words_for("en");
	char buf[256];

	(void)state;
	c.staffel = steps;
	c.n_staffel = 4;
	c.rules.score_decimals = 2;
	/* 79,63 falls in the lowest step: below 80,00, the bound of the one above it. */
	ds.score = dec("79.63");
	ds.step = 3;
	assert_string_equal(report_domain_result(nl, &c, &ds, buf, sizeof(buf)),
			    "79,63 < 80,00 → 2 % malus en escalatie");
	assert_string_equal(report_domain_result(en, &c, &ds, buf, sizeof(buf)),
			    "79.63 < 80.00 → 2 % penalty and escalation");
	/* 85,5 in a middle step: at least its own bound, below the next one's. */
	ds.score = dec("85.5");
	ds.step = 2;
	assert_string_equal(report_domain_result(nl, &c, &ds, buf, sizeof(buf)),
			    "80,00 ≤ 85,50 < 90,00 → 1 % malus");
	/* 99,88 in the top step: no malus. */
	ds.score = dec("99.875");
	ds.step = 0;
	assert_string_equal(report_domain_result(nl, &c, &ds, buf, sizeof(buf)),
			    "99,88 ≥ 95,00 → geen malus");
	/* The staffel's rows. */
	assert_string_equal(report_staffel_range(nl, &c, 0, buf, sizeof(buf)), "≥ 95,00");
	assert_string_equal(report_staffel_range(nl, &c, 1, buf, sizeof(buf)), "≥ 90,00 en < 95,00");
	assert_string_equal(report_staffel_range(en, &c, 3, buf, sizeof(buf)), "< 80.00");
	assert_string_equal(report_step_consequence(nl, &steps[1], buf, sizeof(buf)), "0,5 % malus");
	/* A staffel of one step holds every score. */
	c.n_staffel = 1;
	assert_string_equal(report_staffel_range(nl, &c, 0, buf, sizeof(buf)), "elke score");
	ds.score = dec("42");
	assert_string_equal(report_domain_result(nl, &c, &ds, buf, sizeof(buf)), "42,00 → geen malus");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shares),
		cmocka_unit_test(test_bound_number),
		cmocka_unit_test(test_kpi),
		cmocka_unit_test(test_staffel_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
