/* SPDX-License-Identifier: Apache-2.0 */
/* Literal sets and the analysis record of one sub-pattern (prefilter_set.c), for prefilter.c. */
#ifndef POSTLINT_PREFILTER_SET_H
#define POSTLINT_PREFILTER_SET_H

#include <stddef.h>

#include "prefilter.h"

/* Distinct NUL-terminated strings (lower-cased literals, PF_WB marks and all). */
struct strset {
	char **v;
	size_t n, cap;
};

/* What a sub-pattern is known to match: exactly the strings of ex, or, when !exact, strings
 * holding a literal of each of conds[0..ncond). */
struct pf_info {
	int exact;                     /* the language is exactly ex */
	struct strset ex;
	struct strset conds[PF_MAX_AND];
	size_t ncond;
};

/* Frees s's strings and empties it. */
void strset_release(struct strset *s);
int strset_has(const struct strset *s, const char *x);
/* Adds a copy of x (len bytes) unless s holds it; -1 on no memory. */
int strset_add(struct strset *s, const char *x, size_t len);
/* Appends a copy of x without looking for duplicates (strset_uniq removes them); -1 on no memory. */
int strset_push(struct strset *s, const char *x, size_t len);
/* Sorts s and drops its duplicates. */
void strset_uniq(struct strset *s);
/* A copy of a into b (taken as empty); -1 on no memory. */
int strset_copy(struct strset *b, const struct strset *a);
/* Cross product of two exact languages into a; -1 when it would exceed PF_MAX_EXACT or a string
 * grows too long (a unchanged), with *oom set when memory ran out. */
int strset_cross(struct strset *a, const struct strset *b, int *oom);
/* A condition's worth: its shortest literal's length; 0 when worthless (matches nearly always). */
size_t strset_score(const struct strset *s);

void pf_info_release(struct pf_info *in);
/* in becomes the exact language {x}; -1 on no memory. */
int pf_info_exact(struct pf_info *in, const char *x, size_t len);
/* Keeps cond (taking ownership) among the PF_MAX_AND best conditions of in. */
void pf_info_keep(struct pf_info *in, struct strset *cond);
/* Index of the best condition of in, or -1 when it has none worth keeping. */
long pf_info_best(const struct pf_info *in);
/* Turns an exact language into a condition (it is one: a string of it must occur). */
void pf_info_exact_to_cond(struct pf_info *in);
/* A deep copy of a into b; -1 on no memory (b is then partly filled: release it). */
int pf_info_copy(struct pf_info *b, const struct pf_info *a);

#endif
