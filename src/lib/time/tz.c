/*
 * Time zones read from TZif files (RFC 8536) and expanded, with the POSIX TZ
 * rule in the file's footer, into one sorted table of transitions up to 2200.
 * Nothing here touches the TZ environment variable or localtime().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slakit/tz.h"

#define LAST_YEAR 2200

struct sk_tz {
	char name[128];
	int off0;        /* offset before the first transition */
	size_t n;        /* transitions */
	size_t cap;
	sk_time *at;     /* instant of each transition, ascending */
	int *off;        /* offset in force from that instant on */
	/* Where to start looking: for each span of 2^BUCKET_BITS seconds from
	 * at[0], the last transition at or before its start (NULL: search). */
	long *bucket;
	size_t n_buckets;
};

/* About a year: a bucket holds at most a few transitions. */
#define BUCKET_BITS 25

/* A POSIX TZ rule date: Jn, n or Mm.w.d, plus the local time of day. */
struct posix_date {
	char kind;  /* 'J', 'n' or 'M' */
	int a, b, c;
	long secs;  /* time of day, may be negative or > 24 h */
};

struct posix_tz {
	int std_off;  /* seconds east of UTC */
	int has_dst;
	int dst_off;
	struct posix_date start, end;
};

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t sk_days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil: exact for the proleptic calendar. */
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void sk_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int sk_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

int sk_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

static int push(struct sk_tz *tz, sk_time at, int off)
{
	if (tz->n == tz->cap) {
		size_t cap = tz->cap ? tz->cap * 2 : 256;
		sk_time *a = realloc(tz->at, cap * sizeof(*a));
		int *o;

		if (!a)
			return -1;
		tz->at = a;
		o = realloc(tz->off, cap * sizeof(*o));
		if (!o)
			return -1;
		tz->off = o;
		tz->cap = cap;
	}
	tz->at[tz->n] = at;
	tz->off[tz->n] = off;
	tz->n++;
	return 0;
}

static int64_t be(const unsigned char *p, int bytes)
{
	uint64_t v = 0;

	for (int i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	if (bytes == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

/* ---- POSIX TZ strings ("CET-1CEST,M3.5.0,M10.5.0/3") ---- */

static const char *skip_name(const char *s)
{
	if (*s == '<') {
		while (*s && *s != '>')
			s++;
		return *s ? s + 1 : NULL;
	}
	const char *b = s;

	while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
		s++;
	return s - b >= 3 ? s : NULL;
}

/* [+-]hh[:mm[:ss]]; returns seconds as written. */
static const char *parse_hms(const char *s, long *out)
{
	int sign = 1;
	long h = 0, m = 0, sec = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9')
		h = h * 10 + (*s++ - '0');
	if (*s == ':') {
		s++;
		while (*s >= '0' && *s <= '9')
			m = m * 10 + (*s++ - '0');
		if (*s == ':') {
			s++;
			while (*s >= '0' && *s <= '9')
				sec = sec * 10 + (*s++ - '0');
		}
	}
	*out = sign * (h * 3600 + m * 60 + sec);
	return s;
}

static const char *parse_rule_date(const char *s, struct posix_date *pd)
{
	char *end;

	pd->secs = 7200;
	if (*s == 'M') {
		pd->kind = 'M';
		pd->a = (int)strtol(s + 1, &end, 10);
		if (*end != '.')
			return NULL;
		pd->b = (int)strtol(end + 1, &end, 10);
		if (*end != '.')
			return NULL;
		pd->c = (int)strtol(end + 1, &end, 10);
		s = end;
	} else if (*s == 'J') {
		pd->kind = 'J';
		pd->a = (int)strtol(s + 1, &end, 10);
		s = end;
	} else if (*s >= '0' && *s <= '9') {
		pd->kind = 'n';
		pd->a = (int)strtol(s, &end, 10);
		s = end;
	} else {
		return NULL;
	}
	if (*s == '/')
		s = parse_hms(s + 1, &pd->secs);
	return s;
}

static int parse_posix(const char *s, struct posix_tz *p)
{
	long v;

	memset(p, 0, sizeof(*p));
	if (!(s = skip_name(s)) || !(s = parse_hms(s, &v)))
		return -1;
	p->std_off = (int)-v;
	if (!*s)
		return 0;
	if (!(s = skip_name(s)))
		return -1;
	p->has_dst = 1;
	p->dst_off = p->std_off + 3600;
	if (*s && *s != ',') {
		if (!(s = parse_hms(s, &v)))
			return -1;
		p->dst_off = (int)-v;
	}
	if (*s != ',') /* no rule: POSIX default is US rules; tzdata always has one */
		return -1;
	if (!(s = parse_rule_date(s + 1, &p->start)) || *s != ',')
		return -1;
	if (!(s = parse_rule_date(s + 1, &p->end)))
		return -1;
	return *s ? -1 : 0;
}

/* Day number of a rule date in year y. */
static int64_t rule_day(const struct posix_date *pd, int y)
{
	int64_t jan1 = sk_days_from_civil(y, 1, 1);

	if (pd->kind == 'J') /* 1..365, February 29 never counted */
		return jan1 + pd->a - 1 + (is_leap(y) && pd->a >= 60);
	if (pd->kind == 'n')
		return jan1 + pd->a;
	/* Mm.w.d: day d (0 = Sunday) of week w (5 = last) of month m. */
	int64_t first = sk_days_from_civil(y, pd->a, 1);
	int wd_first = (sk_weekday(first) + 1) % 7; /* 0 = Sunday */
	int64_t day = first + (pd->c - wd_first + 7) % 7 + (int64_t)(pd->b - 1) * 7;

	while (day >= first + month_days(y, pd->a))
		day -= 7;
	return day;
}

static int extend_posix(struct sk_tz *tz, const struct posix_tz *p, sk_time after, int from_year)
{
	if (!p->has_dst) {
		if (tz->n == 0)
			tz->off0 = p->std_off;
		else if (tz->off[tz->n - 1] != p->std_off)
			return push(tz, after + 1, p->std_off);
		return 0;
	}
	for (int y = from_year; y <= LAST_YEAR; y++) {
		sk_time s = rule_day(&p->start, y) * 86400 + p->start.secs - p->std_off;
		sk_time e = rule_day(&p->end, y) * 86400 + p->end.secs - p->dst_off;
		sk_time t1 = s < e ? s : e, t2 = s < e ? e : s;
		int o1 = s < e ? p->dst_off : p->std_off, o2 = s < e ? p->std_off : p->dst_off;

		if (tz->n == 0 && y == from_year)
			tz->off0 = o2;
		if (t1 > after && (tz->n == 0 || tz->off[tz->n - 1] != o1) && push(tz, t1, o1))
			return -1;
		if (t2 > after && (tz->n == 0 || tz->off[tz->n - 1] != o2) && push(tz, t2, o2))
			return -1;
	}
	return 0;
}

static enum sk_err load_tzif(struct sk_tz *tz, const unsigned char *b, size_t len,
			     const char *path, struct sk_diag *d)
{
	size_t pos = 0, timecnt, typecnt, charcnt, leapcnt, isstd, isut;
	int version, tsize = 4;
	const unsigned char *times, *idx, *types;
	struct posix_tz p;
	int have_footer = 0;

	if (len < 44 || memcmp(b, "TZif", 4) != 0)
		return sk_diag_set(d, SK_ERR_TZ, path, 0, NULL, "not a TZif time zone file");
	version = b[4];
#define COUNTS() do { \
		if (pos + 44 > len) goto bad; \
		isut = (size_t)be(b + pos + 20, 4); isstd = (size_t)be(b + pos + 24, 4); \
		leapcnt = (size_t)be(b + pos + 28, 4); timecnt = (size_t)be(b + pos + 32, 4); \
		typecnt = (size_t)be(b + pos + 36, 4); charcnt = (size_t)be(b + pos + 40, 4); \
		pos += 44; } while (0)
	COUNTS();
	if (version >= '2') {
		/* Skip the 32-bit block; the 64-bit one that follows is complete. */
		pos += timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstd + isut;
		if (pos + 44 > len || memcmp(b + pos, "TZif", 4) != 0)
			goto bad;
		COUNTS();
		tsize = 8;
	}
#undef COUNTS
	if (typecnt == 0 || pos + timecnt * (tsize + 1) + typecnt * 6 > len)
		goto bad;
	times = b + pos;
	idx = times + timecnt * tsize;
	types = idx + timecnt;
	tz->off0 = (int)be(types, 4);
	for (size_t i = 0; i < timecnt; i++) {
		int ti = idx[i];

		if ((size_t)ti >= typecnt)
			goto bad;
		int off = (int)be(types + ti * 6, 4);
		sk_time at = be(times + i * tsize, tsize);

		if (tz->n && tz->off[tz->n - 1] == off)
			continue; /* a change of abbreviation only */
		if (tz->n == 0 && off == tz->off0)
			continue;
		if (push(tz, at, off))
			return sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
	}
	pos += timecnt * (tsize + 1) + typecnt * 6 + charcnt + leapcnt * (tsize + 4) + isstd + isut;
	if (version >= '2' && pos < len && b[pos] == '\n') {
		const unsigned char *nl = memchr(b + pos + 1, '\n', len - pos - 1);

		if (nl && nl > b + pos + 1) {
			char footer[128];
			size_t fl = (size_t)(nl - (b + pos + 1));

			if (fl >= sizeof(footer))
				goto bad;
			memcpy(footer, b + pos + 1, fl);
			footer[fl] = '\0';
			if (parse_posix(footer, &p))
				return sk_diag_set(d, SK_ERR_TZ, path, 0, NULL,
						   "cannot read the zone rule '%s'", footer);
			have_footer = 1;
		}
	}
	if (have_footer) {
		sk_time last = tz->n ? tz->at[tz->n - 1] : INT64_MIN / 2;
		int y = 1900;

		if (tz->n) {
			int mo, dd;

			sk_civil_from_days(floor_div(last, 86400), &y, &mo, &dd);
		}
		if (extend_posix(tz, &p, last, y))
			return sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
	}
	return SK_OK;
bad:
	return sk_diag_set(d, SK_ERR_TZ, path, 0, NULL, "damaged TZif time zone file");
}

/* The bucket index of find(); without memory for it, find() searches. */
static void build_buckets(struct sk_tz *tz)
{
	size_t i = 0;

	if (tz->n < 2)
		return;
	tz->n_buckets = (size_t)((uint64_t)(tz->at[tz->n - 1] - tz->at[0]) >> BUCKET_BITS) + 1;
	tz->bucket = malloc(tz->n_buckets * sizeof(*tz->bucket));
	if (!tz->bucket) {
		tz->n_buckets = 0;
		return;
	}
	for (size_t b = 0; b < tz->n_buckets; b++) {
		sk_time start = tz->at[0] + (sk_time)((uint64_t)b << BUCKET_BITS);

		while (i + 1 < tz->n && tz->at[i + 1] <= start)
			i++;
		tz->bucket[b] = (long)i;
	}
}

enum sk_err sk_tz_open(const char *name, struct sk_tz **out, struct sk_diag *d)
{
	const char *dir = getenv("TZDIR");
	char path[1024];
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	struct sk_tz *tz = NULL;
	enum sk_err rc = SK_OK;
	FILE *fp = NULL;

	*out = NULL;
	if (!name || !*name || strlen(name) >= sizeof(tz->name) || name[0] == '/' ||
	    strstr(name, "..") || strchr(name, ' '))
		return sk_diag_set(d, SK_ERR_TZ, NULL, 0, NULL, "'%s' is not a time zone name",
				   name ? name : "");
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	fp = fopen(path, "rb");
	if (!fp) {
		/* fopen allocates: without memory the zone is not unknown. */
		rc = errno == ENOMEM ? sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory")
		     : sk_diag_set(d, SK_ERR_TZ, NULL, 0, NULL, "unknown time zone '%s' (%s: %s)",
				   name, path, strerror(errno));
		goto out;
	}
	for (;;) {
		if (len == cap) {
			unsigned char *nb;

			cap = cap ? cap * 2 : 8192;
			if (cap > (1u << 22)) {
				rc = sk_diag_set(d, SK_ERR_TZ, path, 0, NULL, "too large for a time zone file");
				goto out;
			}
			nb = realloc(buf, cap);
			if (!nb) {
				rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
				goto out;
			}
			buf = nb;
		}
		size_t got = fread(buf + len, 1, cap - len, fp);

		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		rc = sk_diag_set(d, SK_ERR_TZ, path, 0, NULL, "cannot read: %s", strerror(errno));
		goto out;
	}
	tz = calloc(1, sizeof(*tz));
	if (!tz) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
		goto out;
	}
	snprintf(tz->name, sizeof(tz->name), "%s", name);
	rc = load_tzif(tz, buf, len, path, d);
	if (rc == SK_OK) {
		build_buckets(tz);
		*out = tz;
		tz = NULL;
	} else if (rc == SK_ERR_TZ && d) {
		char msg[sizeof(d->msg)];

		/* Name the zone the user wrote, not only the file. */
		snprintf(msg, sizeof(msg), "time zone '%.100s': %.900s", name, d->msg);
		sk_diag_set(d, SK_ERR_TZ, NULL, 0, NULL, "%s", msg);
	}
out:
	if (fp)
		fclose(fp);
	free(buf);
	sk_tz_free(tz);
	return rc;
}

void sk_tz_free(struct sk_tz *tz)
{
	if (!tz)
		return;
	free(tz->at);
	free(tz->off);
	free(tz->bucket);
	free(tz);
}

const char *sk_tz_name(const struct sk_tz *tz)
{
	return tz->name;
}

/* Index of the last transition at or before t, or -1. */
static long find(const struct sk_tz *tz, sk_time t)
{
	size_t lo = 0, hi = tz->n;

	/* Business-time arithmetic asks this tens of times per ticket. */
	if (tz->bucket && t >= tz->at[0]) {
		uint64_t b = (uint64_t)(t - tz->at[0]) >> BUCKET_BITS;

		if (b < tz->n_buckets) {
			long i = tz->bucket[b];

			while ((size_t)(i + 1) < tz->n && tz->at[i + 1] <= t)
				i++;
			return i;
		}
	}

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tz->at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

int sk_tz_offset(const struct sk_tz *tz, sk_time t)
{
	long i = find(tz, t);

	return i < 0 ? tz->off0 : tz->off[i];
}

void sk_tz_to_civil(const struct sk_tz *tz, sk_time t, struct sk_civil *c)
{
	sk_time l = t + sk_tz_offset(tz, t);
	int64_t days = floor_div(l, 86400);
	int64_t sod = l - days * 86400;

	sk_civil_from_days(days, &c->year, &c->month, &c->day);
	c->hour = (int)(sod / 3600);
	c->min = (int)(sod / 60 % 60);
	c->sec = (int)(sod % 60);
}

sk_time sk_tz_from_civil(const struct sk_tz *tz, const struct sk_civil *c,
			 enum sk_local_kind *kind)
{
	sk_time l = sk_days_from_civil(c->year, c->month, c->day) * 86400 +
		    (sk_time)c->hour * 3600 + c->min * 60 + c->sec;
	/* Offsets never exceed 26 h, so every candidate lies within two days. */
	long i = find(tz, l - 2 * 86400);
	int offs[16], n = 0;
	sk_time best = 0;
	int valid = 0;

	offs[n++] = i < 0 ? tz->off0 : tz->off[i];
	for (size_t j = (size_t)(i + 1); j < tz->n && tz->at[j] <= l + 2 * 86400 && n < 16; j++) {
		int dup = 0;

		for (int k = 0; k < n; k++)
			dup |= offs[k] == tz->off[j];
		if (!dup)
			offs[n++] = tz->off[j];
	}
	for (int k = 0; k < n; k++) {
		sk_time u = l - offs[k];

		if (sk_tz_offset(tz, u) != offs[k])
			continue;
		/* Each offset that fits gives one instant; a fold has two. */
		if (!valid || u < best)
			best = u;
		valid++;
	}
	if (valid) {
		if (kind)
			*kind = valid > 1 ? SK_LOCAL_FOLD : SK_LOCAL_EXACT;
		return best;
	}
	/*
	 * In a gap: find the transition whose jump covers l and read the time
	 * with the offset before it, which moves it forward by the gap.
	 */
	if (kind)
		*kind = SK_LOCAL_GAP;
	for (size_t j = (size_t)(i + 1); j < tz->n && tz->at[j] <= l + 2 * 86400; j++) {
		int before = j ? tz->off[j - 1] : tz->off0;

		if (tz->at[j] + before <= l && l < tz->at[j] + tz->off[j])
			return l - before;
	}
	return l - offs[0];
}
