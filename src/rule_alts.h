/* SPDX-License-Identifier: Apache-2.0 */
/* A rule's pattern searched as its top-level alternatives, each only where its own literals are. */
#ifndef PL_RULE_ALTS_H
#define PL_RULE_ALTS_H

#include "regex_split.h"
#include "rules_impl.h"
#include "text_scan.h"

struct alts {
	struct regex whole;     /* compiled when not split, or when the alternatives name groups */
	struct regex *branch;   /* the top-level alternatives, each searched when its gate opens */
	struct pf_gate *gate;
	size_t nbranch;         /* 0: whole is searched */
};

/*
 * One alternative's next match, cached with the position it was searched from: it stays right
 * while it starts at or after the next position asked for.
 */
struct alts_cursor {
	size_t ms, me, vs, ve;
	int state;                 /* 0 unknown, 1 found, 2 no more, 3 gate closed */
	int local;                 /* searched only in its spans (ts_spans) */
	size_t run0, nrun, ri;     /* its spans in ts->runs->v, and the one it is in */
};

/*
 * Compiles pattern node of rule r into a, split at its top-level '|' where that keeps its meaning,
 * and sets the rule's gate: the whole pattern's, or the union of its alternatives'. On failure the
 * detail is in lc; a is released by alts_release either way.
 */
enum pl_status alts_parse(struct load_ctx *lc, const cJSON *node, struct rule *r, struct alts *a);
void alts_release(struct alts *a);

/*
 * Starts a search of a (rule r's pattern) in subj, the text r matches: closes the alternatives
 * whose gates are shut and finds the spans of the others. cur holds REGEX_SPLIT_MAX cursors.
 */
void alts_start(const struct alts *a, const struct rule *r, struct text_scan *ts, const char *subj,
		size_t len, struct alts_cursor *cur);

/*
 * The next match starting at or after pos, as a search of the whole pattern would find it: the
 * leftmost start, the earlier alternative on a tie. 1 (and the match, its 'v' group in vs/ve),
 * 0 none, < 0 a match error.
 */
int alts_next(const struct alts *a, struct text_scan *ts, const char *subj, size_t len, size_t pos,
	      struct alts_cursor *cur, size_t *ms, size_t *me, size_t *vs, size_t *ve);

#endif
