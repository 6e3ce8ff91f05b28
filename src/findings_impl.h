/* SPDX-License-Identifier: Apache-2.0 */
/* The findings list's helpers for the scanner, beyond the public API. */
#ifndef PL_FINDINGS_IMPL_H
#define PL_FINDINGS_IMPL_H

#include <stddef.h>

#include "postlint/findings.h"

/*
 * Keeps one finding per place (file, span, field, box, evidence) and category in sorted f: the
 * higher severity, then the lower rank(rule id). Combination findings are never merged.
 */
void findings_drop_duplicates(struct pl_findings *f, size_t (*rank)(const char *id, const void *ctx),
			      const void *ctx);

#endif
