/*
 * Opening a file that the library reads whole (a contract, an iCalendar
 * file): only a regular file of bounded size. A FIFO, a terminal or a device
 * such as /dev/zero would block or never end, and a directory reads as
 * nothing; so the file is opened without blocking (opening a FIFO would wait
 * for a writer) and judged on the descriptor that is then read, not on a
 * name that could change between a stat and the open.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

/* What a file that is not a regular one is, for the message. */
static const char *file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a pipe";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a plain file";
}

enum sk_err input_file_open(const char *path, long max_bytes, const char *what,
			    enum sk_err bad, FILE **out, struct sk_diag *d)
{
	struct stat st;
	int fd, fl;

	*out = NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0) {
		int e = errno;

		close(fd);
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot read: %s", strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return sk_diag_set(d, bad, path, 0, NULL, "%s, not a regular file: not %s",
				   file_kind(st.st_mode), what);
	}
	if (st.st_size > (off_t)max_bytes) {
		close(fd);
		return sk_diag_set(d, bad, path, 0, NULL, "larger than %ld bytes: not %s",
				   max_bytes, what);
	}
	/* Blocking again for the reads (it makes no difference to a regular file). */
	fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	*out = fdopen(fd, "rb");
	if (!*out) {
		close(fd);
		return sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
	}
	return SK_OK;
}
