/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A rule's pattern searched as its top-level alternatives: each has its own prefilter gate and
 * spans, so a long alternation of phrasings is searched only near the literals of each phrasing.
 */
#include <stdlib.h>
#include <string.h>

#include "rule_alts.h"
#include "banned.h"

/* Whether a pattern names a group: "(?<name>", "(?'name'" or "(?P<name>". */
static int names_groups(const char *s)
{
	for (; (s = strstr(s, "(?")) != NULL; s += 2)
		if (s[2] == '\'' || (s[2] == 'P' && s[3] == '<') ||
		    (s[2] == '<' && s[3] != '=' && s[3] != '!'))
			return 1;
	return 0;
}

/*
 * The gate of a split pattern: one of its alternatives must match, so one literal of some
 * alternative's condition must occur. One condition, the union of each alternative's smallest;
 * none when an alternative has no condition. It is a lookaround's (pf_gate) when one of those is.
 */
static enum pl_status union_gate(const struct alts *a, struct pf_gate *gate)
{
	size_t b, k, n = 0, best[REGEX_SPLIT_MAX];
	uint32_t *lits;
	int look = 0;

	for (b = 0; b < a->nbranch; b++) {
		const struct pf_gate *g = &a->gate[b];

		if (!g->n)
			return PL_OK;
		best[b] = 0;
		for (k = 1; k < g->n; k++)
			if (g->conds[k].n < g->conds[best[b]].n)
				best[b] = k;
		n += g->conds[best[b]].n;
		look |= best[b] >= g->n - g->nlook;
	}
	if (!(lits = malloc(n * sizeof(*lits))))
		return PL_ERR_NOMEM;
	gate->conds[0].lits = lits;
	gate->conds[0].n = n;
	gate->n = 1;
	gate->nlook = (size_t)look;
	for (b = 0; b < a->nbranch; b++) {
		const struct pf_cond *c = &a->gate[b].conds[best[b]];

		memcpy(lits, c->lits, c->n * sizeof(*lits));
		lits += c->n;
	}
	return pf_cond_seal(&gate->conds[0]) == 0 ? PL_OK : PL_ERR_NOMEM;
}

enum pl_status alts_parse(struct load_ctx *lc, const cJSON *node, struct rule *r, struct alts *a)
{
	enum pl_status st;

	/* Alternatives that each compile alone are all a search needs: the whole pattern is then
	 * compiled only when the alternatives name groups (a name used twice is an error only in
	 * the whole), and the rule's gate is the union of theirs. */
	if (cJSON_IsString(node) &&
	    (st = lc_compile_branches(lc, node, r, &a->branch, &a->gate, &a->nbranch)) != PL_OK)
		return st;
	if (!a->nbranch || names_groups(node->valuestring))
		return lc_compile_gated(lc, node, r, &a->whole);
	return union_gate(a, &r->gate);
}

void alts_release(struct alts *a)
{
	size_t i;

	regex_release(&a->whole);
	regex_list_free(a->branch, a->nbranch);
	for (i = 0; a->gate && i < a->nbranch; i++)
		pf_gate_release(&a->gate[i]);
	free(a->gate);
	memset(a, 0, sizeof(*a));
}

void alts_start(const struct alts *a, const struct rule *r, struct text_scan *ts, const char *subj,
		size_t len, struct alts_cursor *cur)
{
	size_t b, used = 0;

	if (!a->nbranch) {
		memset(&cur[0], 0, sizeof(cur[0]));
		if (ts_too_few_digits(ts, r, &a->whole)) {
			cur[0].state = 2;
			return;
		}
		cur[0].local =
			ts_spans(ts, &a->whole, &r->gate, subj, len, &used, &cur[0].nrun) == 0;
		return;
	}
	for (b = 0; b < a->nbranch; b++) {
		struct alts_cursor *c = &cur[b];

		memset(c, 0, sizeof(*c));
		if ((a->gate[b].n && ts->found && !pf_gate_open(&a->gate[b], ts->found)) ||
		    ts_too_few_digits(ts, r, &a->branch[b])) {
			c->state = 3;
			continue;
		}
		c->run0 = used;
		c->local =
			ts_spans(ts, &a->branch[b], &a->gate[b], subj, len, &used, &c->nrun) == 0;
	}
}

/* Searches re from pos, in the cursor's spans when it has them. */
static int find(const struct regex *re, struct text_scan *ts, const char *subj, size_t len,
		size_t pos, struct alts_cursor *c)
{
	if (!c->local)
		return regex_find(re, ts->m, subj, len, pos, &c->ms, &c->me, &c->vs, &c->ve);
	return ts_find_in_spans(ts, re, subj, ts->runs->v + c->run0, c->nrun, &c->ri, pos, &c->ms,
				&c->me, &c->vs, &c->ve);
}

int alts_next(const struct alts *a, struct text_scan *ts, const char *subj, size_t len, size_t pos,
	      struct alts_cursor *cur, size_t *ms, size_t *me, size_t *vs, size_t *ve)
{
	size_t b, best = (size_t)-1, n = a->nbranch ? a->nbranch : 1;
	int rc;

	for (b = 0; b < n; b++) {
		struct alts_cursor *c = &cur[b];

		if (c->state == 0 || (c->state == 1 && c->ms < pos)) {
			rc = find(a->nbranch ? &a->branch[b] : &a->whole, ts, subj, len, pos, c);
			if (rc < 0)
				return rc;
			c->state = rc ? 1 : 2;
		}
		if (c->state == 1 && (best == (size_t)-1 || c->ms < cur[best].ms))
			best = b;
	}
	if (best == (size_t)-1)
		return 0;
	*ms = cur[best].ms;
	*me = cur[best].me;
	*vs = cur[best].vs;
	*ve = cur[best].ve;
	return 1;
}
