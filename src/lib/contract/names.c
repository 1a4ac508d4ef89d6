/*
 * The words of the verdict model (flags, clock states) as every output and
 * the store write them: one list, below everything that names them.
 */
#include <string.h>

#include "contract.h"
#include "slakit/compute.h"

const char *sk_flag_name(unsigned flag)
{
	switch (flag) {
	case SK_FLAG_WRONG_CHANNEL: return "wrong-channel";
	case SK_FLAG_UPLIFT: return "uplift";
	case SK_FLAG_MATRIX: return "matrix-mismatch";
	case SK_FLAG_REOPENED: return "reopened";
	case SK_FLAG_IMPOSSIBLE: return "impossible-timeline";
	case SK_FLAG_PRIORITY_CHANGED: return "priority-changed";
	case SK_FLAG_AFTER_HOURS: return "after-hours";
	case SK_FLAG_NO_RESPONSE: return "no-response-time";
	case SK_FLAG_CHANNEL_UNKNOWN: return "channel-unknown";
	case SK_FLAG_NOT_MEASURED: return "not-measured";
	case SK_FLAG_RESPONSE_UNMEASURED: return "response-not-measured";
	case SK_FLAG_UPLIFT_UNMOTIVATED: return "uplift-unmotivated";
	}
	return "unknown";
}

const char *sk_clock_state_name(enum sk_clock_state s)
{
	switch (s) {
	case SK_CLOCK_MET: return "met";
	case SK_CLOCK_BREACHED: return "breached";
	case SK_CLOCK_PENDING: return "pending";
	case SK_CLOCK_NA: break;
	}
	return "n/a";
}

/* The flags of a verdict as "wrong-channel,uplift" (empty when none). */
char *results_flag_list(unsigned flags, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < SK_FLAG_COUNT; i++) {
		const char *name = (flags & (1u << i)) ? sk_flag_name(1u << i) : NULL;
		size_t len = name ? strlen(name) : 0;

		if (!name || n + len + 2 > size)
			continue;
		if (n)
			buf[n++] = ',';
		memcpy(buf + n, name, len + 1);
		n += len;
	}
	return buf;
}
