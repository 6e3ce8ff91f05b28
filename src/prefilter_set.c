/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The prefilter's literal sets: small string sets and the per-sub-pattern analysis record
 * (an exact language, or up to PF_MAX_AND conditions), with the algebra prefilter.c's reader
 * applies to them: union, cross product, ranking and keeping the best conditions.
 */
#include <stdlib.h>
#include <string.h>

#include "prefilter_set.h"
#include "banned.h"

#define PF_MINIMISE_MAX 64

void strset_release(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

int strset_has(const struct strset *s, const char *x)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], x))
			return 1;
	return 0;
}

int strset_add(struct strset *s, const char *x, size_t len)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == len && !memcmp(s->v[i], x, len))
			return 0;
	return strset_push(s, x, len);
}

/* Appends a copy of x without looking for duplicates (set_uniq removes them): the big unions. */
int strset_push(struct strset *s, const char *x, size_t len)
{
	char **v;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;

		v = realloc(s->v, cap * sizeof(*v));
		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n] = malloc(len + 1);
	if (!s->v[s->n])
		return -1;
	memcpy(s->v[s->n], x, len);
	s->v[s->n][len] = '\0';
	s->n++;
	return 0;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strset_uniq(struct strset *s)
{
	size_t i, k = 0;

	if (s->n < 2)
		return;
	qsort(s->v, s->n, sizeof(*s->v), cmp_strp);
	for (i = 0; i < s->n; i++) {
		if (k && !strcmp(s->v[k - 1], s->v[i])) {
			free(s->v[i]);
			continue;
		}
		s->v[k++] = s->v[i];
	}
	s->n = k;
}

void pf_info_release(struct pf_info *in)
{
	size_t i;

	strset_release(&in->ex);
	for (i = 0; i < in->ncond; i++)
		strset_release(&in->conds[i]);
	memset(in, 0, sizeof(*in));
}

int pf_info_exact(struct pf_info *in, const char *x, size_t len)
{
	memset(in, 0, sizeof(*in));
	in->exact = 1;
	return strset_add(&in->ex, x, len);
}

/* Length of literal x without its PF_WB marks. */
static size_t core_len(const char *x)
{
	size_t n = 0;

	for (; *x; x++)
		n += *x != PF_WB;
	return n;
}

/* A condition's worth: the shortest literal's length; 0 when worthless (matches nearly always: a
 * single letter, a space, or the punctuation nearly every caption has, '.' ',' ':' ';'). */
size_t strset_score(const struct strset *s)
{
	size_t i, min = (size_t)-1, letters = 0;

	if (!s->n || s->n > PF_MAX_SET)
		return 0;
	for (i = 0; i < s->n; i++) {
		size_t l = core_len(s->v[i]);
		const char *c = s->v[i] + strspn(s->v[i], "\x01");

		if (l < min)
			min = l;
		if (l == 1 && ((c[0] >= 'a' && c[0] <= 'z') || (c[0] && strchr(" .,:;", c[0]))))
			letters++;
	}
	if (!min || letters)
		return 0;
	return min;
}

/* Drops every literal that contains another of the set: in an OR of literals it adds nothing. */
static void minimise(struct strset *s)
{
	size_t i, j, k = 0;

	if (s->n > PF_MINIMISE_MAX)
		return; /* quadratic: big vocabularies keep their redundant literals */
	for (i = 0; i < s->n; i++) {
		int redundant = 0;

		for (j = 0; j < s->n && !redundant; j++)
			redundant = j != i && s->v[j] && strstr(s->v[i], s->v[j]) &&
				    (strlen(s->v[j]) < strlen(s->v[i]) || j < i);
		if (redundant) {
			free(s->v[i]);
			s->v[i] = NULL;
		}
	}
	for (i = 0; i < s->n; i++)
		if (s->v[i])
			s->v[k++] = s->v[i];
	s->n = k;
}

/* Keeps cond (taking ownership) among the PF_MAX_AND best of in. */
void pf_info_keep(struct pf_info *in, struct strset *cond)
{
	size_t sc, i, worst = 0;

	minimise(cond);
	sc = strset_score(cond);

	if (!sc) {
		strset_release(cond);
		return;
	}
	if (in->ncond < PF_MAX_AND) {
		in->conds[in->ncond++] = *cond;
		memset(cond, 0, sizeof(*cond));
		return;
	}
	for (i = 1; i < in->ncond; i++)
		if (strset_score(&in->conds[i]) < strset_score(&in->conds[worst]))
			worst = i;
	if (strset_score(&in->conds[worst]) < sc) {
		strset_release(&in->conds[worst]);
		in->conds[worst] = *cond;
		memset(cond, 0, sizeof(*cond));
		return;
	}
	strset_release(cond);
}

/* The best condition of in (an exact language counts as one), or -1 when none. */
long pf_info_best(const struct pf_info *in)
{
	size_t i, best = 0;
	long at = -1;

	for (i = 0; i < in->ncond; i++)
		if (strset_score(&in->conds[i]) > best) {
			best = strset_score(&in->conds[i]);
			at = (long)i;
		}
	return at;
}

/* Turns an exact language into a condition (it is one: a string of it must occur). */
void pf_info_exact_to_cond(struct pf_info *in)
{
	struct strset ex;

	if (!in->exact)
		return;
	ex = in->ex;
	memset(&in->ex, 0, sizeof(in->ex));
	in->exact = 0;
	pf_info_keep(in, &ex);
}

/* A copy of set a into b (empty); -1 on no memory. */
int strset_copy(struct strset *b, const struct strset *a)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < a->n; i++)
		if (strset_push(b, a->v[i], strlen(a->v[i])) != 0)
			return -1;
	return 0;
}

int pf_info_copy(struct pf_info *b, const struct pf_info *a)
{
	size_t i;
	int rc;

	memset(b, 0, sizeof(*b));
	b->exact = a->exact;
	rc = strset_copy(&b->ex, &a->ex);
	for (i = 0; i < a->ncond && !rc; i++, b->ncond++)
		rc = strset_copy(&b->conds[i], &a->conds[i]);
	return rc;
}

/* Cross product of two exact languages into a; -1 when it would exceed PF_MAX_EXACT. */
int strset_cross(struct strset *a, const struct strset *b, int *oom)
{
	struct strset out = { 0 };
	size_t i, j;

	if (a->n * b->n > PF_MAX_EXACT)
		return -1;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			size_t la = strlen(a->v[i]), lb = strlen(b->v[j]);
			char buf[512];

			if (la + lb >= sizeof(buf)) {
				strset_release(&out);
				return -1;
			}
			memcpy(buf, a->v[i], la);
			memcpy(buf + la, b->v[j], lb);
			if (strset_push(&out, buf, la + lb) != 0) {
				*oom = 1;
				strset_release(&out);
				return -1;
			}
		}
	strset_uniq(&out);
	strset_release(a);
	*a = out;
	return 0;
}
