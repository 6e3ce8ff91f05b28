/* SPDX-License-Identifier: Apache-2.0 */
/* Splitting a pattern at its top-level '|', where that keeps its meaning. */
#ifndef PL_REGEX_SPLIT_H
#define PL_REGEX_SPLIT_H

#include <stddef.h>

#define REGEX_SPLIT_MAX 64

/*
 * Fills starts/ends with the spans of p's top-level alternatives and returns their number (at most
 * max). Past max alternatives, each span holds a run of neighbouring ones ("a|b || c|d || e" for
 * five and max 3): still one pattern each, and the earlier alternative still comes first. Option
 * settings that open the pattern ("(?-i)a|b") reach every alternative: they are left out of the
 * spans, so the first span starts after them. A pattern that is one non-capturing group between
 * zero-width assertions ("\b(?:a|b)(?![a-z])") splits the same way inside the group. Alternative k
 * is the first starts[0] bytes of p, then span k, then p from *tail on ("\b(?:" + "a" +
 * ")(?![a-z])"; *tail is len when nothing follows).
 * Returns 1 (the whole pattern, options and all) when there is no top-level '|' or when splitting
 * would change the meaning: an option setting at the top level after the start ("a|(?i)b"),
 * back-references by number or name, recursion, backtracking verbs, \Q..\E spanning a bar.
 */
size_t regex_split_top(const char *p, size_t len, size_t *starts, size_t *ends, size_t max,
		       size_t *tail);

#endif
