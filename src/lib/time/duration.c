/* Contract durations: numbers with units, days kept symbolic until a calendar resolves them. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "slakit/duration.h"

/* A unit word and what one of it is: a day (0) or a number of seconds. */
struct unit {
	const char *word;
	int64_t seconds; /* 0 = one standard business day */
};

static const struct unit units[] = {
	{ "d", 0 }, { "day", 0 }, { "days", 0 }, { "werkdag", 0 }, { "werkdagen", 0 },
	{ "wd", 0 }, { "dag", 0 }, { "dagen", 0 },
	{ "h", 3600 }, { "u", 3600 }, { "hour", 3600 }, { "hours", 3600 }, { "uur", 3600 },
	{ "uren", 3600 }, { "hr", 3600 }, { "hrs", 3600 },
	{ "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
	{ "minuut", 60 }, { "minuten", 60 },
	{ "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
	{ "seconde", 1 }, { "seconden", 1 },
};

enum sk_err sk_duration_parse(const char *text, struct sk_duration *out, struct sk_diag *d)
{
	const char *p = text;
	int terms = 0;

	memset(out, 0, sizeof(*out));
	while (*p == ' ' || *p == '\t')
		p++;
	if (strcmp(p, "0") == 0) {
		out->set = 1;
		return SK_OK;
	}
	/* End of a business day: `eod`, `eod+1`, `eod + 2`. */
	if (strncasecmp(p, "eod", 3) == 0 && !isalnum((unsigned char)p[3])) {
		int64_t n = 0;

		p += 3;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '+') {
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			if (!isdigit((unsigned char)*p))
				goto bad;
			while (isdigit((unsigned char)*p))
				if ((n = n * 10 + (*p++ - '0')) > 999)
					return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
							   "deadline '%s' is too far: at most eod+999",
							   text);
			while (*p == ' ' || *p == '\t')
				p++;
		}
		if (*p)
			goto bad;
		out->set = 1;
		out->eod = 1;
		out->eod_next = n;
		return SK_OK;
	}
	while (*p) {
		int64_t n = 0;
		const char *w;
		size_t wl;
		size_t i;

		if (!isdigit((unsigned char)*p))
			goto bad;
		while (isdigit((unsigned char)*p)) {
			n = n * 10 + (*p++ - '0');
			if (n > 100000000)
				return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
						   "duration '%s' is too long", text);
		}
		while (*p == ' ')
			p++;
		w = p;
		while (isalpha((unsigned char)*p))
			p++;
		wl = (size_t)(p - w);
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (strlen(units[i].word) == wl && strncasecmp(w, units[i].word, wl) == 0)
				break;
		if (wl == 0 || i == sizeof(units) / sizeof(units[0]))
			goto bad;
		if (units[i].seconds == 0)
			out->days += n;
		else
			out->seconds += n * units[i].seconds;
		terms++;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (!terms)
		goto bad;
	out->set = 1;
	return SK_OK;
bad:
	memset(out, 0, sizeof(*out));
	return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
			   "cannot read '%s' as a duration (like 15m, 4h, 1d, 1h30m, eod, eod+1)",
			   text);
}

int64_t sk_duration_seconds(const struct sk_duration *dur, int64_t day_seconds)
{
	return dur->days * day_seconds + dur->seconds;
}

char *sk_duration_format(const struct sk_duration *dur, char *buf, size_t size)
{
	int64_t s = dur->seconds;
	size_t n = 0;

	buf[0] = '\0';
	if (!dur->set) {
		snprintf(buf, size, "-");
		return buf;
	}
	if (dur->eod) {
		if (dur->eod_next)
			snprintf(buf, size, "eod+%lld", (long long)dur->eod_next);
		else
			snprintf(buf, size, "eod");
		return buf;
	}
	if (dur->days)
		n += snprintf(buf + n, n < size ? size - n : 0, "%lldd", (long long)dur->days);
	if (s / 3600)
		n += snprintf(buf + n, n < size ? size - n : 0, "%lldh", (long long)(s / 3600));
	if (s / 60 % 60)
		n += snprintf(buf + n, n < size ? size - n : 0, "%lldm", (long long)(s / 60 % 60));
	if (s % 60)
		n += snprintf(buf + n, n < size ? size - n : 0, "%llds", (long long)(s % 60));
	if (n == 0)
		snprintf(buf, size, "0");
	return buf;
}

char *sk_seconds_format(int64_t seconds, char *buf, size_t size)
{
	int64_t a = seconds < 0 ? -seconds : seconds;

	snprintf(buf, size, "%s%lld:%02lld:%02lld", seconds < 0 ? "-" : "", (long long)(a / 3600),
		 (long long)(a / 60 % 60), (long long)(a % 60));
	return buf;
}
