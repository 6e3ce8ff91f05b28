/* SPDX-License-Identifier: Apache-2.0 */
/* Reporting text findings: original spans, line and column, evidence, the message in the post's
 * language. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rule_parse.h"
#include "text_scan.h"
#include "utf8.h"
#include "util.h"
#include "banned.h"

enum pl_status match_list_add(struct match_list *l, const struct text_match *m)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct text_match *p = realloc(l->items, cap * sizeof(*p));

		if (!p)
			return PL_ERR_NOMEM;
		l->items = p;
		l->cap = cap;
	}
	l->items[l->len++] = *m;
	return PL_OK;
}

void match_list_release(struct match_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const char *ts_subject(const struct text_scan *ts, const struct rule *r, size_t *len)
{
	if (r->match_original) {
		*len = ts->tn->orig_len;
		return ts->tn->orig;
	}
	*len = ts->tn->len;
	return ts->tn->norm;
}

void ts_to_orig(const struct text_scan *ts, const struct rule *r, size_t s, size_t e, size_t *os,
		size_t *oe)
{
	if (r->match_original) {
		*os = s;
		*oe = e;
		return;
	}
	*os = textnorm_orig_start(ts->tn, s);
	*oe = textnorm_orig_end(ts->tn, s, e);
}

enum pl_status ts_rule_matches(struct text_scan *ts, size_t i, const struct match_list **out)
{
	const struct rule *r = &ts->rs->rules[i];
	enum pl_status st;

	if (!ts->cached[i]) {
		ts->cache[i].len = 0;
		st = r->kind->matches(r, ts, &ts->cache[i]);
		if (st != PL_OK)
			return st;
		ts->cached[i] = 1;
	}
	*out = &ts->cache[i];
	return PL_OK;
}

/* Line by binary search over the line index, column by counting characters in that line only. */
static void line_col(const struct text_scan *ts, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = ts->nlines;

	if (!ts->nlines) {
		text_line_col(ts->tn->orig, ts->tn->orig_len, off, line, col);
		return;
	}
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (ts->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)utf8_count(ts->tn->orig + ts->line_starts[lo], off - ts->line_starts[lo]) + 1;
}

static void loc_text(const struct text_scan *ts, struct pl_location *loc, size_t s, size_t e)
{
	memset(loc, 0, sizeof(*loc));
	loc->file = (char *)(uintptr_t)ts->name; /* copied by pl_findings_add */
	loc->byte_start = s;
	loc->byte_end = e;
	line_col(ts, s, &loc->line, &loc->column);
}

static enum pl_severity boost(enum pl_severity s)
{
	return s == PL_SEV_INFO ? PL_SEV_WARNING : PL_SEV_ERROR;
}

enum pl_status ts_report(struct text_scan *ts, const struct rule *r, const struct text_match *m,
			 const struct text_match *parts, size_t nparts)
{
	struct pl_finding f;
	struct pl_finding_part *fp = NULL;
	enum pl_status st = PL_ERR_NOMEM;
	char *ev = NULL;
	size_t i;

	memset(&f, 0, sizeof(f));
	f.rule_id = r->id;
	f.category = r->category;
	f.severity = m->boosted ? boost(r->severity) : r->severity;
	f.message = (char *)(uintptr_t)i18n_get(&r->message, ts->lang);
	f.fix = (char *)(uintptr_t)i18n_get(&r->fix, ts->lang);
	f.protocol = r->protocol;
	f.confidence = 1.0;
	loc_text(ts, &f.loc, m->start, m->end);
	ev = xmemdup0(ts->tn->orig + m->vstart, m->vend - m->vstart);
	if (!ev)
		goto out;
	f.evidence = ev;
	if (nparts) {
		fp = calloc(nparts, sizeof(*fp));
		if (!fp)
			goto out;
		for (i = 0; i < nparts; i++) {
			loc_text(ts, &fp[i].loc, parts[i].start, parts[i].end);
			fp[i].evidence = xmemdup0(ts->tn->orig + parts[i].start,
						  parts[i].end - parts[i].start);
			if (!fp[i].evidence)
				goto out;
		}
		f.parts = fp;
		f.nparts = nparts;
	}
	st = pl_findings_add(ts->out, &f);
out:
	for (i = 0; fp && i < nparts; i++)
		free(fp[i].evidence);
	free(fp);
	free(ev);
	return st;
}

enum pl_status ts_match_error(struct text_scan *ts, const struct rule *r, size_t off, int rc)
{
	unsigned line, col;

	line_col(ts, off, &line, &col);
	return diag_set(ts->d, PL_ERR_MATCH, ts->name, line, col,
			rc == -1 ? "rule '%s' (%s:%u): pattern hit the match limit here; simplify the "
				   "pattern (nested quantifiers backtrack catastrophically)"
				 : "rule '%s' (%s:%u): pattern matching failed here",
			r->id, r->file, r->line);
}

int ts_in_scope(const struct text_scan *ts, const struct rule *r)
{
	size_t i, j;

	if (ts->only >= 0)
		return 1;
	if (r->scope_accounts) {
		enum pl_account a = ts->account ? ts->account : PL_ACCOUNT_PROFESSIONAL;

		if (!(r->scope_accounts & (1u << a)))
			return 0;
	}
	if (!r->nscope_langs || !ts->langs || !ts->langs[0])
		return 1;
	for (i = 0; ts->langs[i]; i++)
		for (j = 0; j < r->nscope_langs; j++)
			if (!strcmp(ts->langs[i], r->scope_langs[j]))
				return 1;
	return 0;
}

int ts_gate_open(const struct text_scan *ts, const struct rule *r)
{
	return !r->gate.n || !ts->found || pf_gate_open(&r->gate, ts->found);
}
