/*
 * Choosing a writer, and saving a report to a file atomically: written to a
 * temporary file in the same directory, renamed over the target only when
 * complete, so a reader or a cron mail never sees half a report.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render_priv.h"

enum sk_err sk_report_write(const struct sk_report *r, enum sk_report_format fmt, const char *lang,
			    FILE *fp, struct sk_diag *d)
{
	enum sk_err rc;

	switch (fmt) {
	case SK_REPORT_TEXT:
		rc = report_write_text(r, lang, fp);
		break;
	case SK_REPORT_CSV:
		rc = report_write_csv(r, fp);
		break;
	case SK_REPORT_JSON:
		rc = report_write_json(r, lang, fp);
		break;
	default:
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL,
				   "an XLSX workbook is written to a file, not to a stream");
	}
	if (rc)
		sk_diag_set(d, rc, NULL, 0, NULL, "cannot write the report: %s", strerror(errno));
	return rc;
}

/* Created with the umask's permissions (mkstemp gives 0600). */
int report_temp_beside(const char *path, char *tmp, size_t size)
{
	for (unsigned i = 0; i < 100; i++) {
		int fd;

		snprintf(tmp, size, "%s.tmp%ld.%u", path, (long)getpid(), i);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

enum sk_err sk_report_save(const struct sk_report *r, enum sk_report_format fmt, const char *lang,
			   const char *path, struct sk_diag *d)
{
	size_t size = strlen(path) + 40;
	char *tmp = malloc(size);
	enum sk_err rc = SK_OK;
	FILE *fp = NULL;
	int fd;

	if (!tmp)
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	if ((fd = report_temp_beside(path, tmp, size)) < 0) {
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot create a file beside it: %s",
				 strerror(errno));
		free(tmp);
		return rc;
	}
	if (fmt == SK_REPORT_XLSX) {
		/* libxlsxwriter opens the file by name itself. */
		close(fd);
		rc = sk_report_write_xlsx(r, lang, tmp, d);
	} else if (!(fp = fdopen(fd, "w"))) {
		close(fd);
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot write: %s", strerror(errno));
	} else {
		rc = sk_report_write(r, fmt, lang, fp, d);
		if (fclose(fp) != 0 && !rc)
			rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot write: %s", strerror(errno));
	}
	if (!rc && rename(tmp, path) != 0)
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot replace: %s", strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
