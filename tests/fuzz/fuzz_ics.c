/*
 * libFuzzer: the iCalendar holiday reader (sk_holidays_add_ics), then the
 * closed days of a few years, which expands yearly recurrences.
 */
#include "fuzz_common.h"
#include "slakit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, ".ics");
	struct sk_holidays *h = NULL;
	const struct sk_holiday *days;
	struct sk_diag d;
	size_t n;

	if (!path || sk_holidays_new(&h))
		return 0;
	sk_diag_clear(&d);
	if (sk_holidays_add_ics(h, path, &d) == SK_OK) {
		for (int y = 2026; y <= 2028; y++)
			sk_holidays_year(h, y, &days, &n);
		sk_holidays_contains(h, 20819);
	}
	sk_holidays_free(h);
	return 0;
}
