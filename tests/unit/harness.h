/* SPDX-License-Identifier: Apache-2.0 */
/* A few macros for table-driven unit tests, and scratch-directory helpers for tests that need
 * files. Each test binary prints one closing line, "N passed, N failed", and exits non-zero on any
 * failure. */
#ifndef PL_TEST_HARNESS_H
#define PL_TEST_HARNESS_H

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int t_passed, t_failed;

#define CHECK(cond, ...)                                                                 \
	do {                                                                             \
		if (cond) {                                                              \
			t_passed++;                                                      \
		} else {                                                                 \
			t_failed++;                                                      \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, \
				#cond);                                                  \
			fprintf(stderr, __VA_ARGS__);                                    \
			fputc('\n', stderr);                                             \
		}                                                                        \
	} while (0)

/* NULL-safe: either side may be NULL (a literal NULL too), and NULL equals only NULL. */
static inline int t_streq(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

static inline const char *t_show(const char *s)
{
	return s ? s : "(null)";
}

#define CHECK_STR(got, want, ctx)                                                        \
	do {                                                                             \
		const char *t_g = (got), *t_w = (want);                                  \
		CHECK(t_streq(t_g, t_w), "%s: got '%s', want '%s'", (ctx), t_show(t_g),  \
		      t_show(t_w));                                                      \
	} while (0)

/* got contains needle. */
#define CHECK_HAS(got, needle, ctx)                                                      \
	do {                                                                             \
		const char *t_g = (got), *t_n = (needle);                                \
		CHECK(t_g && t_n && strstr(t_g, t_n), "%s: '%s' does not contain '%s'",   \
		      (ctx), t_show(t_g), t_show(t_n));                                  \
	} while (0)

#define CHECK_INT(got, want, ctx)                                                        \
	CHECK((long long)(got) == (long long)(want), "%s: got %lld, want %lld", (ctx),     \
	      (long long)(got), (long long)(want))

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define TEST_DONE()                                                                      \
	do {                                                                             \
		printf("%s: %d passed, %d failed\n", __FILE__, t_passed, t_failed);      \
		return t_failed ? 1 : 0;                                                 \
	} while (0)

/* ---- scratch files ---- */

/* A fresh directory under $TMPDIR (or /tmp); exits the test binary when none can be made. */
static inline char *t_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;
	size_t n;

	if (!base || !base[0])
		base = "/tmp";
	n = strlen(base) + 32;
	dir = malloc(n);
	if (!dir)
		exit(99);
	snprintf(dir, n, "%s/postlint-test-XXXXXX", base);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(99);
	}
	return dir;
}

/* dir/rel in a new string. */
static inline char *t_path(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = malloc(n);

	if (!p)
		exit(99);
	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

/* Writes len bytes to dir/rel, making the parent directories; exits on failure. */
static inline void t_write_len(const char *dir, const char *rel, const char *text, size_t len)
{
	char *p = t_path(dir, rel), *s;
	FILE *f;

	for (s = p + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			perror(p);
			exit(99);
		}
		*s = '/';
	}
	f = fopen(p, "wb");
	if (!f || (len && fwrite(text, 1, len, f) != len) || fclose(f) != 0) {
		perror(p);
		exit(99);
	}
	free(p);
}

static inline void t_write(const char *dir, const char *rel, const char *text)
{
	t_write_len(dir, rel, text, strlen(text));
}

static inline int t_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* rm -rf dir (links are removed, not followed), then frees dir. */
static inline void t_rmtree(char *dir)
{
	if (dir && nftw(dir, t_rm_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		perror(dir);
	free(dir);
}

#endif
