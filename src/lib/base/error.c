/* Error texts and the diagnostic record every module fills. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "slakit/error.h"
#include "slakit/version.h"

const char *sk_version(void)
{
	return SK_VERSION;
}

const char *sk_strerror(enum sk_err err)
{
	switch (err) {
	case SK_OK: return "success";
	case SK_ERR_NOMEM: return "out of memory";
	case SK_ERR_IO: return "input/output error";
	case SK_ERR_SYNTAX: return "syntax error";
	case SK_ERR_RANGE: return "value out of range";
	case SK_ERR_CONTRACT: return "invalid contract";
	case SK_ERR_TZ: return "unknown time zone";
	case SK_ERR_CALENDAR: return "calendar error";
	case SK_ERR_DB: return "database error";
	case SK_ERR_DATA: return "invalid data";
	case SK_ERR_NOTFOUND: return "not found";
	case SK_ERR_MISSING: return "missing data";
	case SK_ERR_USAGE: return "usage error";
	}
	return "unknown error";
}

enum sk_err sk_diag_set(struct sk_diag *d, enum sk_err err, const char *file,
			long line, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return err;
	d->err = err;
	snprintf(d->file, sizeof(d->file), "%s", file ? file : "");
	d->line = line;
	snprintf(d->field, sizeof(d->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	return err;
}

enum sk_err diag_ensure(struct sk_diag *d, enum sk_err err)
{
	if (err != SK_OK && d && d->err != err)
		sk_diag_set(d, err, NULL, 0, NULL, "%s", sk_strerror(err));
	return err;
}

void sk_diag_clear(struct sk_diag *d)
{
	if (d)
		memset(d, 0, sizeof(*d));
}

char *sk_diag_format(const struct sk_diag *d, char *buf, size_t size)
{
	size_t n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (!d)
		return buf;
	/* Each part only when known, so messages never show "(null):0:". */
	if (d->file[0] && d->line > 0)
		n += snprintf(buf + n, n < size ? size - n : 0, "%s:%ld: ", d->file, d->line);
	else if (d->file[0])
		n += snprintf(buf + n, n < size ? size - n : 0, "%s: ", d->file);
	if (d->field[0])
		n += snprintf(buf + n, n < size ? size - n : 0, "'%s': ", d->field);
	snprintf(buf + n, n < size ? size - n : 0, "%s",
		 d->msg[0] ? d->msg : sk_strerror(d->err));
	return buf;
}
