/*
 * An LD_PRELOAD allocator that refuses one allocation, for the out-of-memory
 * end-to-end test (tests/e2e/alloc_faults.sh).
 *
 *   SK_FAIL_AT=N     the Nth call (1-based, counted over the whole process and
 *                    every library in it) to malloc, calloc, realloc, strdup or
 *                    strndup returns NULL with errno ENOMEM; the calls after it
 *                    succeed again, as when memory comes back
 *   SK_FAIL_COUNT=1  at exit, print "failmalloc: N allocations" on stderr, so
 *                    a test knows how many calls a run makes
 *
 * The refusal itself is told on stderr, "failmalloc: refused allocation N
 * from FILE", FILE being the program or library that asked: a crash inside a
 * library (libxlsxwriter dereferences some of its failed allocations) can
 * then be told from one of slakit's.
 *
 * The real allocator is glibc's own __libc_malloc and friends: no dlsym, so
 * nothing allocates while the allocator is being looked up. The counter is
 * atomic because sla-compute and sla-report allocate from a second thread.
 * free is not replaced: the blocks are glibc's.
 */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static atomic_ulong calls;  /* allocations counted so far */
static atomic_ulong fail_at; /* the one to refuse; 0 = none */
static atomic_int ready;     /* fail_at read from the environment */

/* SK_FAIL_AT read at the first call; getenv does not allocate. */
static void setup(void)
{
	const char *s;
	unsigned long n = 0;

	if (atomic_load_explicit(&ready, memory_order_acquire))
		return;
	s = getenv("SK_FAIL_AT");
	for (; s && *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (unsigned long)(*s - '0');
	atomic_store(&fail_at, n);
	atomic_store_explicit(&ready, 1, memory_order_release);
}

/* Count one call from @caller; 1 when it is the one to refuse. */
static int refuse(const void *caller)
{
	unsigned long n;
	Dl_info info;
	const char *from = "?", *slash;
	char buf[512];
	int len;

	setup();
	n = atomic_fetch_add(&calls, 1) + 1;
	if (n != atomic_load(&fail_at))
		return 0;
	if (dladdr(caller, &info) && info.dli_fname && *info.dli_fname)
		from = (slash = strrchr(info.dli_fname, '/')) ? slash + 1 : info.dli_fname;
	len = snprintf(buf, sizeof(buf), "failmalloc: refused allocation %lu from %s\n", n, from);
	if (len > 0 && write(STDERR_FILENO, buf, (size_t)len) < 0)
		n = 0;
	errno = ENOMEM;
	return 1;
}

#define REFUSE() refuse(__builtin_return_address(0))

void *malloc(size_t size)
{
	return REFUSE() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	return REFUSE() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	return REFUSE() ? NULL : __libc_realloc(p, size);
}

/* strdup and strndup as one call each (glibc's own would count via malloc too). */
char *strdup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *p = REFUSE() ? NULL : __libc_malloc(len);

	return p ? memcpy(p, s, len) : NULL;
}

char *strndup(const char *s, size_t max)
{
	size_t len = strnlen(s, max);
	char *p = REFUSE() ? NULL : __libc_malloc(len + 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* The total for SK_FAIL_COUNT, written without stdio (which may allocate). */
__attribute__((destructor)) static void report_count(void)
{
	char buf[64];
	int len;

	if (!getenv("SK_FAIL_COUNT"))
		return;
	len = snprintf(buf, sizeof(buf), "failmalloc: %lu allocations\n", atomic_load(&calls));
	if (len > 0 && write(STDERR_FILENO, buf, (size_t)len) < 0)
		return;
}
