/*
 * libFuzzer: the contract-file parser (inih, every section and key, the
 * checks across sections, holidays, calendars) through sk_contract_load().
 * The file lives in /tmp, so relative .ics paths point there.
 */
#include "fuzz_common.h"
#include "slakit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, ".ini");
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char buf[2048];

	if (!path)
		return 0;
	sk_diag_clear(&d);
	if (sk_contract_load(path, &c, &d) == SK_OK)
		sk_contract_free(c);
	else
		sk_diag_format(&d, buf, sizeof(buf));
	return 0;
}
