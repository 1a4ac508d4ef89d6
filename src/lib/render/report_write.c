/*
 * Choosing a writer, and saving a report to a file atomically: written to a
 * temporary file in the same directory, renamed over the target only when
 * complete, so a reader or a cron mail never sees half a report.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/*
 * The pid of a temporary file of @base ("BASE.tmpPID.N"), or 0 when @name
 * is not one.
 */
static long temp_pid(const char *name, const char *base)
{
	size_t n = strlen(base);
	const char *s;
	long pid = 0;

	if (strncmp(name, base, n) != 0 || strncmp(name + n, ".tmp", 4) != 0)
		return 0;
	for (s = name + n + 4; *s >= '0' && *s <= '9' && pid < 100000000; s++)
		pid = pid * 10 + (*s - '0');
	if (s == name + n + 4 || *s != '.' || s[1] < '0' || s[1] > '9')
		return 0;
	for (s++; *s >= '0' && *s <= '9'; s++)
		;
	return *s ? 0 : pid;
}

/*
 * Remove the temporary files of @path that a run killed before it could
 * clean up left behind (kill -9, a power cut): those whose process is gone.
 * A file of a run still going is left alone. Best effort: a directory that
 * cannot be read leaves them, as before.
 */
static void remove_stale_temps(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
	char dir[4096], file[4096];
	struct dirent *e;
	DIR *dp;

	if (dlen >= sizeof(dir) || !*base)
		return;
	if (dlen)
		snprintf(dir, sizeof(dir), "%.*s", (int)dlen, path);
	else
		snprintf(dir, sizeof(dir), "./");
	if (!(dp = opendir(dir)))
		return;
	while ((e = readdir(dp))) {
		long pid = temp_pid(e->d_name, base);

		/* kill(pid, 0) only asks whether the process exists. */
		if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if ((size_t)snprintf(file, sizeof(file), "%s%s", dir, e->d_name) < sizeof(file))
			unlink(file);
	}
	closedir(dp);
}

/* Created with the umask's permissions (mkstemp gives 0600). */
int report_temp_beside(const char *path, char *tmp, size_t size)
{
	remove_stale_temps(path);
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
