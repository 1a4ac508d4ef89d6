/*
 * libFuzzer: the date and time parsers (sk_datetime_parse and, with a
 * format, sk_datetime_parse_fmt), resolving in Europe/Amsterdam and
 * formatting back. A time that parses must come back the same through
 * its own UTC text (years 2..9998: at the ends of the range 1..9999 the
 * UTC text may fall outside it).
 *
 * Input: "FORMAT\nTEXT" uses the format; without a newline, TEXT alone.
 */
#include "fuzz_common.h"
#include "slakit.h"

static struct sk_tz *tz;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sk_tz_open("Europe/Amsterdam", &tz, NULL))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size), *text = s, *fmt = NULL, *nl;
	char b1[64], b2[64], b3[64];
	struct sk_datetime dt, back;
	struct sk_diag d;
	enum sk_local_kind kind;
	enum sk_err rc;
	sk_time t, t2;

	nl = strchr(s, '\n');
	if (nl) {
		*nl = '\0';
		fmt = s;
		text = nl + 1;
	}
	rc = fmt ? sk_datetime_parse_fmt(text, fmt, &dt, &d) : sk_datetime_parse(text, &dt, &d);
	if (rc == SK_OK) {
		int year = dt.civil.year;

		t = sk_datetime_resolve(&dt, tz, &kind);
		sk_time_format_local(t, tz, b1, sizeof(b1));
		sk_time_format_offset(t, tz, b2, sizeof(b2));
		sk_time_format_utc(t, b3, sizeof(b3));
		/* Our own UTC text must read back as the same instant. */
		if (year < 2 || year > 9998)
			goto out;
		if (sk_datetime_parse(b3, &back, NULL) != SK_OK) {
			fprintf(stderr, "cannot read back '%s' (from '%s')\n", b3, text);
			abort();
		}
		t2 = sk_datetime_resolve(&back, tz, NULL);
		if (t2 != t) {
			fprintf(stderr, "'%s' -> %lld -> '%s' -> %lld\n", text, (long long)t, b3,
				(long long)t2);
			abort();
		}
	}
out:
	free(s);
	return 0;
}
