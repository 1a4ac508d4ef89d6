/*
 * Shared by the libFuzzer harnesses: the fuzzer's bytes into a file, since
 * the readers under test take a path (as the tools give them one).
 */
#ifndef SK_FUZZ_COMMON_H
#define SK_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A private file name, made once per process; removed at exit. */
static char fuzz_path[64];

static inline void fuzz_unlink(void)
{
	if (fuzz_path[0])
		unlink(fuzz_path);
}

/* Write @p size bytes to the process's file; its path, or NULL. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
	FILE *fp;

	if (!fuzz_path[0]) {
		snprintf(fuzz_path, sizeof(fuzz_path), "/tmp/sk-fuzz-%ld%s", (long)getpid(),
			 suffix);
		atexit(fuzz_unlink);
	}
	fp = fopen(fuzz_path, "wb");
	if (!fp)
		return NULL;
	if (size && fwrite(data, 1, size, fp) != size) {
		fclose(fp);
		return NULL;
	}
	if (fclose(fp) != 0)
		return NULL;
	return fuzz_path;
}

/* A NUL-terminated copy of the fuzzer's bytes (they are not terminated). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
