/*
 * A KPI's measured value, whichever way it comes in: sla-score --kpi and a
 * KPI export are held to this one check, so a value the command line refuses
 * can never reach the score through an import.
 */
#include "slakit/contract.h"

enum sk_err sk_kpi_value_check(sk_dec value, struct sk_diag *d)
{
	/* A count, a percentage, a score or hours: none is below zero, and a
	 * negative one turns into a percentage of the norm below zero. */
	if (value < 0)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "a measured value cannot be negative");
	return SK_OK;
}
