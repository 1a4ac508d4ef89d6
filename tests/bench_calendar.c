/*
 * Business-time query cost against span length: a ten-minute span and a
 * ten-year span should cost about the same (the calendar is a table lookup
 * plus a binary search). Prints nanoseconds per query; run by scripts/bench.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "slakit.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double per_query(struct sk_calendar *cal, sk_time base, int64_t span, int add)
{
	const int n = 1000000;
	volatile int64_t sink = 0;
	double t0 = now();

	for (int i = 0; i < n; i++) {
		sk_time a = base + (i % 100000) * 37, out;
		int64_t s;

		if (add) {
			sk_calendar_add(cal, a, span, &out);
			sink += out;
		} else {
			sk_calendar_between(cal, a, a + span, &s);
			sink += s;
		}
	}
	(void)sink;
	return (now() - t0) / n * 1e9;
}

int main(void)
{
	struct sk_tz *tz;
	struct sk_holidays *hol;
	struct sk_calendar *cal;
	struct sk_diag d;
	sk_time base;

	if (sk_tz_open("Europe/Amsterdam", &tz, &d) || sk_holidays_new(&hol) ||
	    sk_calendar_new("werkdag", tz, hol, &cal)) {
		fprintf(stderr, "bench_calendar: setup failed\n");
		return 1;
	}
	sk_holidays_use_nl(hol, NULL);
	for (int w = 0; w < 5; w++)
		sk_calendar_add_interval(cal, w, 8 * 3600, 17 * 3600, &d);
	sk_time_parse("2027-01-04 09:00", tz, &base, NULL, &d);
	/* Warm the table over the whole range once, as a long-running job would. */
	int64_t warm;
	sk_calendar_between(cal, base, base + 11 * 366 * 86400LL, &warm);
	printf("calendar between, 10-minute span: %8.0f ns/query\n", per_query(cal, base, 600, 0));
	printf("calendar between, 10-year span:   %8.0f ns/query\n",
	       per_query(cal, base, 10 * 365 * 86400LL, 0));
	printf("calendar add, 10 business minutes: %7.0f ns/query\n", per_query(cal, base, 600, 1));
	printf("calendar add, 10 years of business time: %.0f ns/query\n",
	       per_query(cal, base, 10 * 255 * 9 * 3600LL, 1));
	sk_calendar_free(cal);
	sk_holidays_free(hol);
	sk_tz_free(tz);
	return 0;
}
