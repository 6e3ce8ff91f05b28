/* SPDX-License-Identifier: Apache-2.0 */
/* Rule kind "combination": several identifying details close together make one finding, so that
 * "red sneakers and blue trousers" is caught while "a red car" is not. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rule_kinds.h"
#include "text_scan.h"
#include "utf8.h"
#include "banned.h"

#define COMBINATION_MAX_PARTS 32

enum window_kind { WIN_SENTENCE, WIN_CHARS, WIN_POST };

struct part {
	char *rule_id;        /* { "rule": id } */
	long rule;            /* resolved index */
	struct regex re;      /* { "pattern": ... } */
	struct pf_gate gate;  /* its prefilter gate */
	int has_re;
};

struct combination_rule {
	struct part parts[COMBINATION_MAX_PARTS];
	size_t nparts;
	size_t min, min_parts;
	enum window_kind window;
	size_t chars;
};

static const char *const combination_keys[] = { "parts", "min", "min_parts", "window", NULL };

static void combination_release(void *data)
{
	struct combination_rule *c = data;
	size_t i;

	for (i = 0; i < c->nparts; i++) {
		free(c->parts[i].rule_id);
		if (c->parts[i].has_re)
			regex_release(&c->parts[i].re);
		pf_gate_release(&c->parts[i].gate);
	}
	free(c);
}

static enum pl_status parse_part(struct load_ctx *lc, const cJSON *e, struct part *p)
{
	static const char *const keys[] = { "rule", "pattern", "name", NULL };
	const cJSON *v;
	enum pl_status st;

	if (!cJSON_IsObject(e))
		return lc_error(lc, e, 0, PL_ERR_RULES,
				"a part must be { \"rule\": id } or { \"pattern\": regex }");
	if ((st = lc_check_keys(lc, e, keys, "a part")) != PL_OK)
		return st;
	p->rule = -1;
	if (cJSON_GetObjectItemCaseSensitive(e, "rule") && cJSON_GetObjectItemCaseSensitive(e, "pattern"))
		return lc_error(lc, e, 0, PL_ERR_RULES, "a part takes 'rule' or 'pattern', not both");
	if ((v = cJSON_GetObjectItemCaseSensitive(e, "rule")) != NULL) {
		if (!cJSON_IsString(v))
			return lc_error(lc, v, 0, PL_ERR_RULES, "'rule' must be a rule id");
		p->rule_id = strdup(v->valuestring);
		return p->rule_id ? PL_OK : PL_ERR_NOMEM;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(e, "pattern")) == NULL)
		return lc_error(lc, e, 0, PL_ERR_RULES, "a part needs 'rule' or 'pattern'");
	st = lc_compile_norm_gate(lc, v, &p->re, &p->gate);
	p->has_re = st == PL_OK;
	return st;
}

static enum pl_status parse_window(struct load_ctx *lc, const cJSON *w, struct combination_rule *c)
{
	const cJSON *n;

	c->window = WIN_SENTENCE;
	if (!w)
		return PL_OK;
	if (cJSON_IsString(w) && !strcmp(w->valuestring, "sentence"))
		return PL_OK;
	if (cJSON_IsString(w) && !strcmp(w->valuestring, "post")) {
		c->window = WIN_POST;
		return PL_OK;
	}
	n = cJSON_IsObject(w) ? cJSON_GetObjectItemCaseSensitive(w, "chars") : NULL;
	if (!n || !cJSON_IsNumber(n) || n->valuedouble < 1 || n->valuedouble > 100000 ||
	    cJSON_GetArraySize(w) != 1)
		return lc_error(lc, w, 0, PL_ERR_RULES,
				"'window' must be \"sentence\", \"post\" or { \"chars\": N }");
	c->window = WIN_CHARS;
	c->chars = (size_t)n->valuedouble;
	return PL_OK;
}

static enum pl_status combination_parse(struct rule *r, const cJSON *obj, struct load_ctx *lc)
{
	struct combination_rule *c = calloc(1, sizeof(*c));
	const cJSON *v, *e;
	enum pl_status st;

	if (!c)
		return PL_ERR_NOMEM;
	r->data = c;
	v = cJSON_GetObjectItemCaseSensitive(obj, "parts");
	if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
		return lc_error(lc, v ? v : obj, 0, PL_ERR_RULES, "'parts' must be a non-empty array");
	cJSON_ArrayForEach(e, v) {
		if (c->nparts == COMBINATION_MAX_PARTS)
			return lc_error(lc, e, 0, PL_ERR_LIMIT, "more than %d parts",
					COMBINATION_MAX_PARTS);
		if ((st = parse_part(lc, e, &c->parts[c->nparts++])) != PL_OK)
			return st;
	}
	v = cJSON_GetObjectItemCaseSensitive(obj, "min");
	if (!cJSON_IsNumber(v) || v->valuedouble < 2 || v->valuedouble > 64)
		return lc_error(lc, v ? v : obj, 0, PL_ERR_RULES,
				"'min' must be a number of matches from 2 to 64");
	c->min = (size_t)v->valuedouble;
	c->min_parts = 1;
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "min_parts")) != NULL) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > (double)c->nparts)
			return lc_error(lc, v, 0, PL_ERR_RULES,
					"'min_parts' must be from 1 to the number of parts (%zu)",
					c->nparts);
		c->min_parts = (size_t)v->valuedouble;
	}
	return parse_window(lc, cJSON_GetObjectItemCaseSensitive(obj, "window"), c);
}

static enum pl_status combination_link(struct rule *r, struct load_ctx *lc)
{
	struct combination_rule *c = r->data;
	size_t i;

	for (i = 0; i < c->nparts; i++) {
		struct part *p = &c->parts[i];

		if (!p->rule_id)
			continue;
		p->rule = ruleset_index(lc->rs, p->rule_id);
		if (p->rule < 0)
			return lc_error(lc, NULL, 0, PL_ERR_RULES,
					"rule '%s': part refers to unknown rule '%s'", r->id, p->rule_id);
		if (&lc->rs->rules[p->rule] == r || !lc->rs->rules[p->rule].kind->matches ||
		    lc->rs->rules[p->rule].kind == &rule_kind_combination)
			return lc_error(lc, NULL, 0, PL_ERR_RULES,
					"rule '%s': part '%s' must be a pattern rule", r->id,
					p->rule_id);
	}
	return PL_OK;
}

static int by_start(const void *a, const void *b)
{
	const struct text_match *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/* Whether part p can match in the caption: its pattern's literals or its rule's are there. */
static int part_possible(const struct part *p, const struct text_scan *ts)
{
	return p->rule >= 0 ? ts_gate_open(ts, &ts->rs->rules[p->rule]) : ts_may_match(ts, &p->gate);
}

/* Every part's matches, original offsets, sorted, overlaps dropped (the longer one stays). */
static enum pl_status collect(const struct rule *r, struct text_scan *ts, struct match_list *all)
{
	const struct combination_rule *c = r->data;
	size_t i, j, k, possible = 0;
	unsigned char can[COMBINATION_MAX_PARTS];

	/* fewer parts can match than must: none need run */
	for (i = 0; i < c->nparts; i++)
		possible += can[i] = (unsigned char)part_possible(&c->parts[i], ts);
	if (possible < c->min_parts)
		return PL_OK;
	for (i = 0; i < c->nparts; i++) {
		const struct part *p = &c->parts[i];
		size_t before = all->len;

		if (!can[i])
			continue;
		if (p->rule >= 0) {
			const struct match_list *ml;
			enum pl_status st = ts_rule_matches(ts, (size_t)p->rule, &ml);

			if (st != PL_OK)
				return st;
			for (j = 0; j < ml->len; j++) {
				struct text_match m = ml->items[j];

				m.part = (int)i;
				if (match_list_add(all, &m) != PL_OK)
					return PL_ERR_NOMEM;
			}
		} else {
			size_t len, pos = 0, ms, me, vs, ve;
			const char *subj = ts->tn->norm;
			int rc;

			len = ts->tn->len;
			while (pos <= len) {
				struct text_match m = { .part = (int)i };

				rc = regex_find(&p->re, ts->m, subj, len, pos, &ms, &me, &vs, &ve);
				if (rc < 0)
					return ts_match_error(ts, r, textnorm_orig_start(ts->tn, pos), rc);
				if (rc == 0)
					break;
				pos = me > ms ? me : ms + 1;
				if (me == ms)
					continue;
				m.start = textnorm_orig_start(ts->tn, ms);
				m.end = textnorm_orig_end(ts->tn, ms, me);
				m.vstart = m.start;
				m.vend = m.end;
				if (match_list_add(all, &m) != PL_OK)
					return PL_ERR_NOMEM;
			}
		}
		/* every part is needed and this one is absent: the later parts need not run */
		if (all->len == before && c->min_parts == c->nparts) {
			all->len = 0;
			return PL_OK;
		}
	}
	if (all->len > 1)
		qsort(all->items, all->len, sizeof(*all->items), by_start);
	for (i = 0, k = 0; i < all->len; i++) {
		if (k && all->items[i].start < all->items[k - 1].end)
			continue;
		all->items[k++] = all->items[i];
	}
	all->len = k;
	return PL_OK;
}

/*
 * Whether match i repeats an earlier match of the same part in m[0..i) with the same text, letter
 * case aside: "'nike-sale-outlet24.shop' is NOT the real Nike" names one brand, not two details.
 */
static int repeated(const char *orig, const struct text_match *m, size_t i)
{
	size_t k, len = m[i].end - m[i].start;

	for (k = 0; k < i; k++)
		if (m[k].part == m[i].part && m[k].end - m[k].start == len &&
		    strncasecmp(orig + m[k].start, orig + m[i].start, len) == 0)
			return 1;
	return 0;
}

/* At least min details, a repeated one counted once, from at least min_parts parts. */
static int enough(const struct combination_rule *c, const char *orig, const struct text_match *m,
		  size_t n)
{
	unsigned seen[COMBINATION_MAX_PARTS] = { 0 };
	size_t i, distinct = 0, details = 0;

	if (n < c->min)
		return 0;
	for (i = 0; i < n; i++) {
		if (!seen[m[i].part]++)
			distinct++;
		if (!repeated(orig, m, i))
			details++;
	}
	return details >= c->min && distinct >= c->min_parts;
}

/*
 * Appends the group [i, j) of all, which the caller found enough, as one match whose parts follow
 * it in out.
 */
static enum pl_status emit_group(const struct match_list *all, size_t i, size_t j,
				 struct match_list *out)
{
	struct text_match m = { 0 };
	size_t k;

	m.start = m.vstart = all->items[i].start;
	m.end = m.vend = all->items[j - 1].end;
	m.part = -(int)(j - i); /* a group header: the next j - i entries are its parts */
	if (match_list_add(out, &m) != PL_OK)
		return PL_ERR_NOMEM;
	for (k = i; k < j; k++)
		if (match_list_add(out, &all->items[k]) != PL_OK)
			return PL_ERR_NOMEM;
	return PL_OK;
}

static enum pl_status combination_matches(const struct rule *r, struct text_scan *ts,
					  struct match_list *out)
{
	const struct combination_rule *c = r->data;
	struct match_list all = { 0 };
	enum pl_status st = collect(r, ts, &all);
	size_t i = 0, j, end = 0;

	while (st == PL_OK && i < all.len) {
		j = i + 1;
		if (c->window == WIN_POST) {
			j = all.len;
		} else if (c->window == WIN_SENTENCE) {
			/* the sentence is the same one until a match starts past its end */
			if (!i || all.items[i].start >= end)
				end = ts_sentence_end(ts->tn->orig, ts->tn->orig_len,
						      all.items[i].start, ts->tn->orig_len);
			while (j < all.len && all.items[j].start < end)
				j++;
		} else {
			/* "chars" counts characters of the caption, not bytes */
			while (j < all.len &&
			       utf8_count(ts->tn->orig + all.items[i].start,
					  all.items[j].end - all.items[i].start) <= c->chars)
				j++;
		}
		if (enough(c, ts->tn->orig, all.items + i, j - i)) {
			st = emit_group(&all, i, j, out);
			i = j;
		} else {
			i++;
		}
	}
	match_list_release(&all);
	return st;
}

static enum pl_status combination_scan(const struct rule *r, struct text_scan *ts)
{
	const struct match_list *ml;
	enum pl_status st = ts_rule_matches(ts, (size_t)(r - ts->rs->rules), &ml);
	size_t i = 0, n;

	while (st == PL_OK && i < ml->len) {
		n = (size_t)-ml->items[i].part;
		st = ts_report(ts, r, &ml->items[i], &ml->items[i + 1], n);
		i += n + 1;
	}
	return st;
}

const struct rule_kind rule_kind_combination = {
	.name = "combination",
	.keys = combination_keys,
	.parse = combination_parse,
	.link = combination_link,
	.release = combination_release,
	.matches = combination_matches,
	.scan_text = combination_scan,
};
