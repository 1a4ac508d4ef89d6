/*
 * libFuzzer: the contract duration parser. A duration that parses must
 * format and parse back to the same days and seconds (when each part stays
 * within the parser's limit of 100,000,000 per term: the parser bounds
 * terms, not their sum), and convert to seconds on a nine-hour and a
 * 24-hour day without overflow.
 */
#include "fuzz_common.h"
#include "slakit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	struct sk_duration dur, back;
	struct sk_diag d;
	char buf[128], hms[64];

	if (sk_duration_parse(s, &dur, &d) == SK_OK) {
		sk_duration_format(&dur, buf, sizeof(buf));
		if (dur.days <= 100000000 && dur.seconds / 3600 <= 100000000 &&
		    (sk_duration_parse(buf, &back, NULL) != SK_OK ||
		     back.days != dur.days || back.seconds != dur.seconds)) {
			fprintf(stderr, "'%s' -> '%s' does not read back\n", s, buf);
			abort();
		}
		sk_seconds_format(sk_duration_seconds(&dur, 9 * 3600), hms, sizeof(hms));
		sk_seconds_format(sk_duration_seconds(&dur, 24 * 3600), hms, sizeof(hms));
	}
	free(s);
	return 0;
}
