/* Reading dates and times as exports and people write them; writing them back. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "slakit/datetime.h"

static const char *const month_names[12] = { "January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November", "December" };

/* Read 1..max digits; returns chars read, 0 when there is no digit. */
static int digits(const char *s, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)s[n]))
		v = v * 10 + (s[n++] - '0');
	*out = v;
	return n;
}

static enum sk_err check_fields(const char *text, struct sk_datetime *dt, struct sk_diag *d)
{
	const struct sk_civil *c = &dt->civil;

	if (c->month < 1 || c->month > 12)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "cannot read '%s' as a date: there is no month %d", text, c->month);
	if (!sk_date_valid(c->year, c->month, c->day))
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "cannot read '%s' as a date: %s %d has no day %d", text,
				   month_names[c->month - 1], c->year, c->day);
	if (c->hour > 23 || c->min > 59 || c->sec > 59)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "cannot read '%s' as a time: %02d:%02d:%02d does not exist",
				   text, c->hour, c->min, c->sec);
	if (dt->has_offset && (dt->offset > 14 * 3600 || dt->offset < -14 * 3600))
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "cannot read '%s': offset beyond 14 hours", text);
	return SK_OK;
}

/* Z, ±HH, ±HHMM, ±HH:MM at s; returns chars read (0: none), -1 when malformed. */
static int parse_offset(const char *s, int *off)
{
	int h, m = 0, n, sign;
	const char *p = s;

	if (*p == 'Z' || *p == 'z') {
		*off = 0;
		return 1;
	}
	if (*p != '+' && *p != '-')
		return 0;
	sign = *p++ == '-' ? -1 : 1;
	n = digits(p, 2, &h);
	if (n != 2)
		return -1;
	p += 2;
	if (*p == ':') {
		if (digits(p + 1, 2, &m) != 2)
			return -1;
		p += 3;
	} else if (isdigit((unsigned char)*p)) {
		if (digits(p, 2, &m) != 2)
			return -1;
		p += 2;
	}
	if (m > 59)
		return -1;
	*off = sign * (h * 3600 + m * 60);
	return (int)(p - s);
}

/* H[H]:MM[:SS[.fff]] then an optional offset; returns the rest or NULL. */
static const char *parse_time(const char *p, struct sk_datetime *dt)
{
	int n, v;

	if (!(n = digits(p, 2, &dt->civil.hour)) || p[n] != ':')
		return NULL;
	p += n + 1;
	if (digits(p, 2, &dt->civil.min) != 2)
		return NULL;
	p += 2;
	if (*p == ':') {
		if (digits(p + 1, 2, &dt->civil.sec) != 2)
			return NULL;
		p += 3;
		if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
			p++; /* fractions are dropped: slakit counts whole seconds */
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	dt->has_time = 1;
	if (*p == ' ' && (p[1] == '+' || p[1] == '-' || p[1] == 'Z'))
		p++;
	n = parse_offset(p, &v);
	if (n < 0)
		return NULL;
	if (n > 0) {
		dt->has_offset = 1;
		dt->offset = v;
		p += n;
	}
	return p;
}

enum sk_err sk_datetime_parse(const char *text, struct sk_datetime *out, struct sk_diag *d)
{
	char buf[128];
	size_t len;
	const char *p;
	int a, b, c, na, nb, nc;
	char sep;

	memset(out, 0, sizeof(*out));
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r' ||
		       text[len - 1] == '\n'))
		len--;
	if (len == 0)
		return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL, "empty date");
	if (len >= sizeof(buf))
		return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL, "cannot read '%.40s...' as a date",
				   text);
	memcpy(buf, text, len);
	buf[len] = '\0';
	p = buf;
	na = digits(p, 4, &a);
	sep = p[na];
	if (!na || (sep != '-' && sep != '/' && sep != '.'))
		goto bad;
	p += na + 1;
	nb = digits(p, 2, &b);
	if (!nb || p[nb] != sep)
		goto bad;
	p += nb + 1;
	nc = digits(p, 4, &c);
	if (!nc)
		goto bad;
	p += nc;
	if (na == 4 && nc <= 2) {
		out->civil = (struct sk_civil){ a, b, c, 0, 0, 0 };
	} else if (na <= 2 && nc == 4) {
		out->civil = (struct sk_civil){ c, b, a, 0, 0, 0 };
	} else {
		goto bad;
	}
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		while (*p == ' ')
			p++;
		if (!(p = parse_time(p, out)))
			goto bad;
	}
	if (*p)
		goto bad;
	return check_fields(buf, out, d);
bad:
	return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL, "cannot read '%s' as a date", buf);
}

static int month_abbrev(const char *s, int *month)
{
	/* English and Dutch abbreviations; Dutch writes March as "mrt" (or "maa"). */
	static const struct { const char *abbr; int month; } names[] = {
		{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "mrt", 3 }, { "maa", 3 }, { "apr", 4 },
		{ "may", 5 }, { "mei", 5 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 },
		{ "oct", 10 }, { "okt", 10 }, { "nov", 11 }, { "dec", 12 },
	};
	int n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 3)
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncasecmp(s, names[i].abbr, 3) == 0) {
			*month = names[i].month;
			return n;
		}
	return 0;
}

enum sk_err sk_datetime_parse_fmt(const char *text, const char *fmt,
				  struct sk_datetime *out, struct sk_diag *d)
{
	const char *p = text, *f = fmt;
	int pm = -1, n, v;

	memset(out, 0, sizeof(*out));
	out->civil.day = 1;
	out->civil.month = 1;
	while (*p == ' ')
		p++;
	for (; *f; f++) {
		if (*f == ' ') {
			while (*p == ' ' || *p == '\t')
				p++;
			continue;
		}
		if (*f != '%') {
			if (*p++ != *f)
				goto bad;
			continue;
		}
		switch (*++f) {
		case 'Y': n = digits(p, 4, &out->civil.year); if (n != 4) goto bad; break;
		case 'y': n = digits(p, 2, &v); if (n != 2) goto bad;
			out->civil.year = v > 68 ? 1900 + v : 2000 + v; break;
		case 'm': n = digits(p, 2, &out->civil.month); break;
		case 'd': n = digits(p, 2, &out->civil.day); break;
		case 'H': n = digits(p, 2, &out->civil.hour); out->has_time = 1; break;
		case 'M': n = digits(p, 2, &out->civil.min); break;
		case 'S': n = digits(p, 2, &out->civil.sec); break;
		case 'b': n = month_abbrev(p, &out->civil.month); break;
		case 'p':
			n = 2;
			if (strncasecmp(p, "AM", 2) == 0)
				pm = 0;
			else if (strncasecmp(p, "PM", 2) == 0)
				pm = 1;
			else
				goto bad;
			break;
		case 'z':
			n = parse_offset(p, &out->offset);
			if (n <= 0)
				goto bad;
			out->has_offset = 1;
			break;
		case '%': n = *p == '%'; break;
		default:
			return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL,
					   "date format '%s': unknown conversion '%%%c'", fmt, *f ? *f : ' ');
		}
		if (n <= 0)
			goto bad;
		p += n;
	}
	while (*p == ' ' || *p == '\r')
		p++;
	if (*p)
		goto bad;
	if (pm >= 0) {
		if (out->civil.hour < 1 || out->civil.hour > 12)
			goto bad;
		out->civil.hour = out->civil.hour % 12 + (pm ? 12 : 0);
	}
	return check_fields(text, out, d);
bad:
	return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
			   "cannot read '%s' as a date of the form '%s'", text, fmt);
}

sk_time sk_datetime_resolve(const struct sk_datetime *dt, const struct sk_tz *tz,
			    enum sk_local_kind *kind)
{
	const struct sk_civil *c = &dt->civil;

	if (dt->has_offset) {
		if (kind)
			*kind = SK_LOCAL_EXACT;
		return sk_days_from_civil(c->year, c->month, c->day) * 86400 +
		       (sk_time)c->hour * 3600 + c->min * 60 + c->sec - dt->offset;
	}
	return sk_tz_from_civil(tz, c, kind);
}

enum sk_err sk_time_parse(const char *text, const struct sk_tz *tz, sk_time *out,
			  enum sk_local_kind *kind, struct sk_diag *d)
{
	struct sk_datetime dt;
	enum sk_err rc = sk_datetime_parse(text, &dt, d);

	if (rc == SK_OK)
		*out = sk_datetime_resolve(&dt, tz, kind);
	return rc;
}

/* Two decimal digits of @v (0..99). */
static void put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

char *sk_time_format_local(sk_time t, const struct sk_tz *tz, char *buf, size_t size)
{
	struct sk_civil c;

	sk_tz_to_civil(tz, t, &c);
	if (size < 20 || c.year < 0 || c.year > 9999) {
		snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour,
			 c.min, c.sec);
		return buf;
	}
	/* By hand: reports write millions of these, and snprintf was a tenth of the time. */
	put2(buf, c.year / 100);
	put2(buf + 2, c.year % 100);
	buf[4] = '-';
	put2(buf + 5, c.month);
	buf[7] = '-';
	put2(buf + 8, c.day);
	buf[10] = 'T';
	put2(buf + 11, c.hour);
	buf[13] = ':';
	put2(buf + 14, c.min);
	buf[16] = ':';
	put2(buf + 17, c.sec);
	buf[19] = '\0';
	return buf;
}

char *sk_time_format_offset(sk_time t, const struct sk_tz *tz, char *buf, size_t size)
{
	struct sk_civil c;
	int off = sk_tz_offset(tz, t), a = off < 0 ? -off : off;

	sk_tz_to_civil(tz, t, &c);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d%c%02d:%02d", c.year, c.month, c.day,
		 c.hour, c.min, c.sec, off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	return buf;
}

char *sk_time_format_utc(sk_time t, char *buf, size_t size)
{
	int64_t days = t / 86400 - (t % 86400 < 0);
	int64_t sod = t - days * 86400;
	int y, m, dd;

	sk_civil_from_days(days, &y, &m, &dd);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd, (int)(sod / 3600),
		 (int)(sod / 60 % 60), (int)(sod % 60));
	return buf;
}
