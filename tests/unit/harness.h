/* SPDX-License-Identifier: Apache-2.0 */
/* A few macros for table-driven unit tests. Each test binary prints one closing line,
 * "N passed, N failed", and exits non-zero on any failure. */
#ifndef PL_TEST_HARNESS_H
#define PL_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

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

#define CHECK_STR(got, want, ctx)                                                        \
	CHECK(strcmp((got) ? (got) : "(null)", (want)) == 0, "%s: got '%s', want '%s'", (ctx), \
	      (got) ? (got) : "(null)", (want))

#define CHECK_INT(got, want, ctx)                                                        \
	CHECK((long long)(got) == (long long)(want), "%s: got %lld, want %lld", (ctx),     \
	      (long long)(got), (long long)(want))

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define TEST_DONE()                                                                      \
	do {                                                                             \
		printf("%s: %d passed, %d failed\n", __FILE__, t_passed, t_failed);      \
		return t_failed ? 1 : 0;                                                 \
	} while (0)

#endif
