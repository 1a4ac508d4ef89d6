/*
 * Exact decimals: millionths in an int64_t, money in integer cents.
 *
 * Every rounding looks at the true remainder of an integer division, so a
 * result is what a person with pen and paper gets: 75/80 is 93.75 exactly and
 * rounds half-up to 93.8, never to 93.7 because 93.75 has no binary form.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "slakit/decimal.h"

/* 128-bit intermediates: a product of two sk_dec needs up to 126 bits. */
__extension__ typedef __int128 i128;

/* Largest magnitude we accept when reading, so sums of a few values cannot overflow. */
#define DEC_MAX_UNITS INT64_C(999999999999) /* whole units: < 10^12 */

static const int64_t pow10_tab[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000,
};

/* n / d rounded half away from zero; d != 0. */
static i128 div_round(i128 n, i128 d)
{
	i128 q = n / d;
	i128 r = n % d;
	i128 ar = r < 0 ? -r : r;
	i128 ad = d < 0 ? -d : d;

	/* Remainder at least half the divisor: move one step away from zero. */
	if (2 * ar >= ad)
		q += ((n < 0) != (d < 0)) ? -1 : 1;
	return q;
}

/* Clamp a 128-bit result into an sk_dec; no caller gets near this in practice. */
static sk_dec clamp(i128 v)
{
	if (v > INT64_MAX)
		return INT64_MAX;
	if (v < INT64_MIN)
		return INT64_MIN;
	return (sk_dec)v;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

enum sk_err sk_dec_parse(const char *text, sk_dec *out, struct sk_diag *d)
{
	const char *p = skip_blanks(text);
	int neg = 0, digits = 0, decimals = 0;
	int64_t whole = 0, frac = 0;

	*out = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	while (isdigit((unsigned char)*p)) {
		whole = whole * 10 + (*p++ - '0');
		digits++;
		if (whole > DEC_MAX_UNITS)
			return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
					   "'%s' is too large a number", text);
	}
	if (*p == '.' || *p == ',') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (++decimals > 6)
				return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
						   "'%s' has more than 6 decimals", text);
			frac = frac * 10 + (*p++ - '0');
			digits++;
		}
	}
	p = skip_blanks(p);
	if (*p == '%')
		p = skip_blanks(p + 1);
	if (!digits || *p)
		return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
				   "cannot read '%s' as a number", text);
	*out = whole * SK_DEC_ONE + frac * pow10_tab[6 - decimals];
	if (neg)
		*out = -*out;
	return SK_OK;
}

sk_dec sk_dec_round(sk_dec v, int decimals)
{
	if (decimals >= 6)
		return v;
	if (decimals < 0)
		decimals = 0;
	int64_t step = pow10_tab[6 - decimals];

	return clamp(div_round(v, step) * step);
}

sk_dec sk_dec_mul(sk_dec a, sk_dec b)
{
	return clamp(div_round((i128)a * b, SK_DEC_ONE));
}

enum sk_err sk_dec_div(sk_dec a, sk_dec b, sk_dec *out)
{
	*out = 0;
	if (b == 0)
		return SK_ERR_RANGE;
	*out = clamp(div_round((i128)a * SK_DEC_ONE, b));
	return SK_OK;
}

enum sk_err sk_dec_percent(sk_dec num, sk_dec den, int decimals, sk_dec *out)
{
	*out = 0;
	if (den == 0 || decimals < 0 || decimals > 6)
		return SK_ERR_RANGE;
	/*
	 * One rounding, on the exact fraction num*100/den counted in units of
	 * 10^-decimals; rounding to 6 places first and then to `decimals` could
	 * round twice (x.x4999995 -> x.x5 -> up) and differ from a calculator.
	 */
	i128 units = div_round((i128)num * 100 * pow10_tab[decimals], den);

	*out = clamp(units * pow10_tab[6 - decimals]);
	return SK_OK;
}

/* Append the digits of @v (>= 0) with thousands grouped by @group (0: none). */
static size_t put_int(char *buf, size_t size, size_t n, uint64_t v, char group)
{
	char tmp[40];
	int len = 0, i;

	do {
		if (group && len % 4 == 3)
			tmp[len++] = group;
		tmp[len++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = len - 1; i >= 0; i--) {
		if (n + 1 < size)
			buf[n] = tmp[i];
		n++;
	}
	return n;
}

char *sk_dec_format(sk_dec v, int decimals, char mark, char *buf, size_t size)
{
	size_t n = 0;
	uint64_t a;
	int64_t scale;

	if (!size)
		return buf;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	v = sk_dec_round(v, decimals);
	scale = pow10_tab[6 - decimals];
	/* Magnitude as unsigned, so INT64_MIN does not overflow on negation. */
	a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if (v < 0) {
		if (n + 1 < size)
			buf[n] = '-';
		n++;
	}
	n = put_int(buf, size, n, a / (uint64_t)SK_DEC_ONE, 0);
	if (decimals > 0) {
		uint64_t frac = a % (uint64_t)SK_DEC_ONE / (uint64_t)scale;
		char fbuf[8];

		snprintf(fbuf, sizeof(fbuf), "%0*llu", decimals, (unsigned long long)frac);
		if (n + 1 < size)
			buf[n] = mark;
		n++;
		for (int i = 0; i < decimals; i++, n++)
			if (n + 1 < size)
				buf[n] = fbuf[i];
	}
	buf[n < size ? n : size - 1] = '\0';
	return buf;
}

char *sk_dec_format_short(sk_dec v, char mark, char *buf, size_t size)
{
	int decimals = 6;

	while (decimals > 0 && v % pow10_tab[7 - decimals] == 0)
		decimals--;
	return sk_dec_format(v, decimals, mark, buf, size);
}

/* Skip a currency sign or word and blanks: "€", "EUR", "eur". */
static const char *skip_currency(const char *p)
{
	for (;;) {
		p = skip_blanks(p);
		if (strncmp(p, "\xe2\x82\xac", 3) == 0)
			p += 3;
		else if ((p[0] == 'E' || p[0] == 'e') && (p[1] == 'U' || p[1] == 'u') &&
			 (p[2] == 'R' || p[2] == 'r'))
			p += 3;
		else
			return p;
	}
}

enum sk_err sk_cents_parse(const char *text, int64_t *out, struct sk_diag *d)
{
	char digits[64];
	const char *p, *end, *last_dot, *last_comma, *dec = NULL;
	size_t nd = 0;
	int neg = 0, ndec = -1;
	int64_t euros = 0, cents = 0;

	*out = 0;
	p = skip_currency(text);
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p = skip_currency(p + 1);
	}
	/* The number ends at the first character that cannot belong to it. */
	end = p;
	while (isdigit((unsigned char)*end) || *end == '.' || *end == ',' || *end == '-')
		end++;
	if (skip_currency(end)[0] != '\0' || end == p)
		goto bad;
	/* "100,-" is Dutch for "100,00". */
	if (end - p >= 2 && end[-1] == '-' && (end[-2] == ',' || end[-2] == '.'))
		end -= 2;
	last_dot = last_comma = NULL;
	for (const char *q = p; q < end; q++) {
		if (*q == '-')
			goto bad;
		if (*q == '.')
			last_dot = q;
		if (*q == ',')
			last_comma = q;
	}
	/*
	 * Which mark is decimal: with both, the later one; with one kind, it is
	 * decimal when it occurs once with one or two digits after it, else it
	 * groups thousands ("1.000" is a thousand euros, "12,5" twelve and a half).
	 */
	if (last_dot && last_comma) {
		dec = last_dot > last_comma ? last_dot : last_comma;
	} else if (last_dot || last_comma) {
		const char *m = last_dot ? last_dot : last_comma;
		size_t after = (size_t)(end - m - 1);

		if (memchr(p, *m, (size_t)(m - p)) == NULL && after >= 1 && after <= 2)
			dec = m;
	}
	/* Grouping marks must sit between groups of exactly three digits. */
	{
		const char *stop = dec ? dec : end;
		int run = 0, groups = 0;

		for (const char *q = p; q < stop; q++) {
			if (isdigit((unsigned char)*q)) {
				run++;
				if (nd + 1 >= sizeof(digits))
					goto big;
				digits[nd++] = *q;
			} else {
				if (run == 0 || (groups > 0 && run != 3) || (groups == 0 && run > 3))
					goto bad;
				groups++;
				run = 0;
			}
		}
		if (run == 0 && (groups > 0 || !dec))
			goto bad;
		if (groups > 0 && run != 3)
			goto bad;
	}
	if (nd == 0)
		digits[nd++] = '0';
	for (size_t i = 0; i < nd; i++) {
		euros = euros * 10 + (digits[i] - '0');
		if (euros > INT64_C(99999999999))
			goto big;
	}
	if (dec) {
		ndec = 0;
		for (const char *q = dec + 1; q < end; q++) {
			if (!isdigit((unsigned char)*q) || ++ndec > 2)
				goto bad;
			cents = cents * 10 + (*q - '0');
		}
		if (ndec == 0)
			goto bad;
		if (ndec == 1)
			cents *= 10;
	}
	*out = euros * 100 + cents;
	if (neg)
		*out = -*out;
	return SK_OK;
bad:
	return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
			   "cannot read '%s' as an amount in euros (like 12500.00 or 12.500,00)",
			   text);
big:
	return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "'%s' is too large an amount", text);
}

int64_t sk_cents_percent(int64_t cents, sk_dec percent)
{
	return (int64_t)clamp(div_round((i128)cents * percent, (i128)100 * SK_DEC_ONE));
}

char *sk_cents_format(int64_t cents, char mark, char *buf, size_t size)
{
	uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	size_t n = 0;
	char frac[4];

	if (!size)
		return buf;
	if (cents < 0) {
		if (n + 1 < size)
			buf[n] = '-';
		n++;
	}
	/* Dutch style groups thousands with '.', the plain style does not group. */
	n = put_int(buf, size, n, a / 100, mark == ',' ? '.' : 0);
	snprintf(frac, sizeof(frac), "%c%02u", mark, (unsigned)(a % 100));
	for (int i = 0; i < 3; i++, n++)
		if (n + 1 < size)
			buf[n] = frac[i];
	buf[n < size ? n : size - 1] = '\0';
	return buf;
}
