/* SPDX-License-Identifier: Apache-2.0 */
/* Internal helpers to fill a struct pl_diag. */
#ifndef PL_DIAG_INTERNAL_H
#define PL_DIAG_INTERNAL_H

#include "postlint/status.h"

/* Sets file/line/column (file may be NULL) and a formatted message; returns st for chaining. */
enum pl_status diag_set(struct pl_diag *d, enum pl_status st, const char *file, unsigned line,
			unsigned column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Sets the byte offset (after diag_set). */
void diag_offset(struct pl_diag *d, long long offset);

#endif
