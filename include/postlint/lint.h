/* SPDX-License-Identifier: Apache-2.0 */
/* Style checks of a rule set ("postlint rules lint"). */
#ifndef POSTLINT_LINT_H
#define POSTLINT_LINT_H

#include <stddef.h>

#include "postlint/rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Checks every rule for what loading does not enforce but a shipped pack must have: message and
 * fix in nl, fr and en, a protocol reference, at least two examples of each sort. Calls cb once
 * per problem; returns the number of problems.
 */
size_t pl_ruleset_lint(const struct pl_ruleset *rs,
		       void (*cb)(const char *rule, const char *file, unsigned line, const char *msg,
				  void *arg),
		       void *arg);

#ifdef __cplusplus
}
#endif
#endif
