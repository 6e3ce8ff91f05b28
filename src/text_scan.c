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

/* Line and column of original offset off, as text_line_col counts them, continuing from the last
 * one when off is not before it: a caption with many findings must not cost the square of its size. */
static void line_col(struct text_scan *ts, size_t off, unsigned *line, unsigned *col)
{
	const char *p = ts->tn->orig;
	size_t len = ts->tn->orig_len, i, ls;
	unsigned l;

	if (off > len)
		off = len;
	if (!ts->lc_line || off < ts->lc_off) {
		ts->lc_off = ts->lc_ls = 0;
		ts->lc_line = ts->lc_col = 1;
	}
	l = ts->lc_line;
	ls = ts->lc_ls;
	for (i = ts->lc_off; i < off; i++) {
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))) {
			l++;
			ls = i + 1;
		}
	}
	if (ls == ts->lc_ls)
		ts->lc_col += (unsigned)utf8_count(p + ts->lc_off, off - ts->lc_off);
	else
		ts->lc_col = (unsigned)utf8_count(p + ls, off - ls) + 1;
	ts->lc_off = off;
	ts->lc_ls = ls;
	ts->lc_line = l;
	*line = l;
	*col = ts->lc_col;
}

static void loc_text(struct text_scan *ts, struct pl_location *loc, size_t s, size_t e)
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

size_t ts_back(const struct text_scan *ts, const char *subj, size_t off, size_t n)
{
	if (subj == ts->tn->norm) {
		if (ts->ascii)
			return off > n ? off - n : 0;
		/* characters are bytes where no byte is from 0x80 up */
		if (ts->wide && off >= n && ts->wide[off] == ts->wide[off - n])
			return off - n;
	}
	return utf8_back(subj, off, n);
}

size_t ts_on(const struct text_scan *ts, const char *subj, size_t len, size_t off, size_t n)
{
	if (subj == ts->tn->norm) {
		if (ts->ascii)
			return len - off > n ? off + n : len;
		if (ts->wide && len - off >= n && ts->wide[off + n] == ts->wide[off])
			return off + n;
	}
	return utf8_on(subj, len, off, n);
}

/* Abbreviations whose full stop does not end a sentence ("shirt nr. 17 en een litteken"). */
static const char *const abbreviations[] = {
	"nr", "no", "nos", "bv", "ca", "vs", "dr", "mr", "mrs", "ms", "st", "dhr", "mevr", "mme",
	"mlle", "jr", "sr", "tel", "ref", "art", "blz", "env", "approx",
};

/* Whether the n bytes at s spell lower (a lower-case ASCII word), ignoring case. */
static int ascii_lower_eq(const char *s, const char *lower, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (((unsigned char)s[k] | 32) != (unsigned char)lower[k])
			return 0;
	return 1;
}

/* Whether the '.' at s[i] closes an abbreviation or an initial ("J. Jansen"): the word before it
 * is one letter or in the table above. */
static int abbreviation_before(const char *s, size_t i)
{
	size_t b = i, n, k;

	while (b > 0 && (unsigned)(((unsigned char)s[b - 1] | 32) - 'a') < 26u)
		b--;
	n = i - b;
	if (!n || (b > 0 && (unsigned char)s[b - 1] >= 0x80))
		return 0; /* no word, or one whose letters go on in UTF-8 */
	if (n == 1)
		return 1;
	for (k = 0; k < sizeof(abbreviations) / sizeof(abbreviations[0]); k++)
		if (strlen(abbreviations[k]) == n && ascii_lower_eq(s + b, abbreviations[k], n))
			return 1;
	return 0;
}

/* Whether s[i] ends a sentence: '.', '!' or '?' before white space or the end, and a full
 * stop not after an abbreviation or an initial. */
static int stop_at(const char *s, size_t len, size_t i)
{
	if (s[i] != '.' && s[i] != '!' && s[i] != '?')
		return 0;
	if (i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '\t' && s[i + 1] != '\n' &&
	    s[i + 1] != '\r')
		return 0;
	return !(s[i] == '.' && i + 1 < len && s[i + 1] == ' ' && abbreviation_before(s, i));
}

size_t ts_sentence_end(const char *s, size_t len, size_t off, size_t limit)
{
	size_t i;

	if (limit > len)
		limit = len;
	for (i = off; i < limit; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			return i;
		if (stop_at(s, len, i))
			return i;
	}
	return limit;
}

size_t ts_sentence_start(const char *s, size_t len, size_t off, size_t limit)
{
	size_t i;

	for (i = off < len ? off : len; i > limit; i--)
		if (s[i - 1] == '\n' || s[i - 1] == '\r' || stop_at(s, len, i - 1))
			return i;
	return i;
}

int ts_in_scope(const struct text_scan *ts, const struct rule *r)
{
	size_t i, j;

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

/* Makes room for n more offsets after used in b; 0, or -1 on no memory. */
static int runs_reserve(struct run_buf *b, size_t used, size_t n)
{
	size_t cap = b->cap;
	uint32_t *v;

	if (used + n <= cap)
		return 0;
	while (cap < used + n)
		cap = cap ? cap * 2 : 256;
	if (!(v = realloc(b->v, cap * sizeof(*v))))
		return -1;
	b->v = v;
	b->cap = cap;
	return 0;
}

static int in_reach(const uint64_t *u, unsigned char c)
{
	return (int)((u[c >> 6] >> (c & 63)) & 1);
}

/* Whether re's matches can be searched for only around the hits of gate g: it has a condition
 * read from the match itself, a bounded width or the bytes it consumes, and the hits are known. */
static int around_hits(const struct text_scan *ts, const struct regex *re, const struct pf_gate *g)
{
	int windows = re->width != REGEX_UNBOUNDED && re->ahead != REGEX_UNBOUNDED;

	return g->n != g->nlook && (windows || re->has_reach) && ts->found && ts->hits &&
	       !ts->hits->lost && ts->memo;
}

/* The condition of g with the fewest hits (every match holds a literal of each of those read
 * from the match itself, not from a lookaround): its *nbest hits, and their ascending offsets
 * (*np of them), or NULL on no memory. */
static const uint32_t *fewest_hits(struct text_scan *ts, const struct pf_gate *g, size_t *nbest,
				   size_t *np)
{
	size_t best = 0, i, k;

	*nbest = (size_t)-1;
	for (i = 0; i < g->n - g->nlook; i++) {
		k = pf_cond_hits(&g->conds[i], ts->found, ts->hits);
		if (k < *nbest) {
			*nbest = k;
			best = i;
		}
	}
	return cond_memo_positions(ts->memo, &g->conds[best], ts->found, ts->hits, *nbest, np);
}

int ts_spans(struct text_scan *ts, const struct regex *re, const struct pf_gate *g,
	     const char *subj, size_t len, size_t *used, size_t *n)
{
	struct run_buf *b = ts->runs;
	size_t nbest, i, k, np = 0, nr = 0, s, e, c, at, prev = 0;
	int windows = re->width != REGEX_UNBOUNDED && re->ahead != REGEX_UNBOUNDED;
	const uint32_t *pos;
	uint32_t *sp;

	if (!b || !around_hits(ts, re, g) || !(pos = fewest_hits(ts, g, &nbest, &np)) ||
	    runs_reserve(b, *used, 3 * nbest + 3) != 0)
		return -1;
	sp = b->v + *used;
	for (i = 0; i < np; i++) {
		/* the hits are in the normalised text: a pattern on the original is searched where
		 * their bytes came from (printable ASCII, which normalisation keeps in order) */
		at = subj == ts->tn->norm ? pos[i] : textnorm_orig_start(ts->tn, pos[i]);
		if (at < prev)
			return -1;
		prev = at;
		s = e = at;
		if (windows) {
			/* a match holding the literal at s starts at most width characters before
			 * it; what decides it ends ahead characters later */
			c = (size_t)re->width + re->ahead;
			s = ts_back(ts, subj, s, re->width);
			e = ts_on(ts, subj, len, e, c);
			if (nr && s <= (size_t)sp[3 * nr - 2] + 1) {
				sp[3 * nr - 2] = (uint32_t)at;
				sp[3 * nr - 1] = (uint32_t)e;
				continue;
			}
			c = at;
		} else {
			/* the run of the bytes the pattern can consume, around the hit: every match
			 * lies in one; the text is cut where the bytes its lookaheads and \b can
			 * test end after it */
			if ((nr && s < sp[3 * nr - 2]) || s >= len ||
			    !in_reach(re->consume, (unsigned char)subj[s]))
				continue;
			while (s > 0 && in_reach(re->consume, (unsigned char)subj[s - 1]))
				s--;
			while (e < len && in_reach(re->consume, (unsigned char)subj[e]))
				e++;
			c = e;
			while (e < len && in_reach(re->reach, (unsigned char)subj[e]))
				e++;
		}
		sp[3 * nr] = (uint32_t)s;
		sp[3 * nr + 1] = (uint32_t)c;
		sp[3 * nr + 2] = (uint32_t)e;
		nr++;
	}
	/* a span holding fewer digits than every match consumes cannot hold one */
	if (re->digits && ts->digits && subj == ts->tn->norm) {
		for (i = k = 0; i < nr; i++) {
			/* a window's matches end before its cut; a run's within it */
			e = sp[3 * i + (windows ? 2 : 1)];
			if (ts->digits[e] - ts->digits[sp[3 * i]] < re->digits)
				continue;
			memmove(sp + 3 * k++, sp + 3 * i, 3 * sizeof(*sp));
		}
		nr = k;
	}
	*n = nr;
	*used += 3 * nr;
	return 0;
}

int ts_too_few_digits(const struct text_scan *ts, const struct rule *r, const struct regex *re)
{
	return !r->match_original && re->digits && ts->digits &&
	       ts->digits[ts->tn->len] < re->digits;
}

int ts_find_in_spans(struct text_scan *ts, const struct regex *re, const char *subj,
		     const uint32_t *sp, size_t n, size_t *ri, size_t pos, size_t *ms, size_t *me,
		     size_t *vs, size_t *ve)
{
	size_t from, last, cut;
	int rc;

	/* in order: the first span holding a match start holds the leftmost */
	for (; *ri < n; ++*ri) {
		from = sp[3 * *ri];
		last = sp[3 * *ri + 1];
		cut = sp[3 * *ri + 2];
		if (last < pos)
			continue;
		rc = regex_find_upto(re, ts->m, subj, cut, pos > from ? pos : from, last, ms, me,
				     vs, ve);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* The first of the n ascending offsets pos at or after off (n when none). */
static size_t first_at(const uint32_t *pos, size_t n, size_t off)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pos[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int ts_search_range(struct text_scan *ts, const struct regex *re, const struct pf_gate *g,
		    const char *subj, size_t len, size_t from, size_t to, size_t *ms, size_t *me)
{
	size_t nbest, np, k, p, s, e, c, last, cut, next = from, vs, ve;
	int windows = re->width != REGEX_UNBOUNDED && re->ahead != REGEX_UNBOUNDED, rc;
	const uint32_t *pos;

	if (to > len)
		to = len;
	if (subj != ts->tn->norm || !around_hits(ts, re, g) ||
	    !(pos = fewest_hits(ts, g, &nbest, &np)))
		return regex_search_range(re, ts->m, subj, len, from, to, ms, me);
	/* as regex_search_range cuts the text */
	cut = len - to > REGEX_RANGE_MARGIN ? to + REGEX_RANGE_MARGIN : len;
	/* A match starting in the range holds a hit there; the leftmost is in the first window
	 * (or run) that holds a match start, as in ts_spans. Starts before next are done. The
	 * windows and runs are ts_spans's, written out again: one helper for both, its results
	 * returned through pointers, ran 1.7% more instructions on bench_text. */
	for (k = first_at(pos, np, from); k < np && (p = pos[k]) < to; k++) {
		if (p < next)
			continue;
		if (windows) {
			s = ts_back(ts, subj, p, re->width);
			c = e = ts_on(ts, subj, len, p, (size_t)re->width + re->ahead);
			last = p;
		} else {
			if (!in_reach(re->consume, (unsigned char)subj[p]))
				continue;
			for (s = p; s > 0 && in_reach(re->consume, (unsigned char)subj[s - 1]); s--)
				;
			for (e = p; e < len && in_reach(re->consume, (unsigned char)subj[e]); e++)
				;
			c = e;
			last = c < to ? c : to;
			while (e < len && in_reach(re->reach, (unsigned char)subj[e]))
				e++;
		}
		if (s < next)
			s = next;
		next = last + 1;
		if (e > cut)
			e = cut;
		/* a window or run holding fewer digits than every match consumes holds none */
		if (c > cut)
			c = cut;
		if (re->digits && ts->digits && ts->digits[c] - ts->digits[s] < re->digits)
			continue;
		rc = regex_find_upto(re, ts->m, subj, e, s, last, ms, me, &vs, &ve);
		if (rc > 0 && *me > to)
			return 0;
		if (rc != 0)
			return rc;
	}
	return 0;
}

int ts_may_match(const struct text_scan *ts, const struct pf_gate *g)
{
	return !g->n || !ts->found || pf_gate_open(g, ts->found);
}

int ts_may_match_in(struct text_scan *ts, const struct pf_gate *g, const char *subj, size_t from,
		    size_t to)
{
	const uint32_t *pos;
	size_t i, k, np;

	if (!ts_may_match(ts, g))
		return 0;
	if (g->n == g->nlook || !ts->found || !ts->hits || ts->hits->lost || !ts->memo ||
	    subj != ts->tn->norm)
		return 1;
	for (i = 0; i < g->n - g->nlook; i++) {
		k = pf_cond_hits(&g->conds[i], ts->found, ts->hits);
		if (!(pos = cond_memo_positions(ts->memo, &g->conds[i], ts->found, ts->hits, k,
						&np)))
			return 1;
		k = first_at(pos, np, from);
		if (k == np || pos[k] >= to)
			return 0;
	}
	return 1;
}

int ts_gate_open(const struct text_scan *ts, const struct rule *r)
{
	return ts_may_match(ts, &r->gate);
}
