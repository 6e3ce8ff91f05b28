/* SPDX-License-Identifier: Apache-2.0 */
/* Rule kind "pattern": a regex, then a validator, context words and exclusions decide. */
#include <stdlib.h>
#include <string.h>

#include "rule_alts.h"
#include "rule_kinds.h"
#include "text_scan.h"
#include "utf8.h"
#include "validators.h"
#include "banned.h"

#define CONTEXT_DEFAULT_WINDOW 60
#define CONTEXT_MAX_WINDOW 2000

/* context.sentence: true stops the window at both ends of the match's sentence; "end" only at
 * its end, so a word in an earlier sentence still counts and one in a later sentence does not. */
enum { SENTENCE_NONE, SENTENCE_BOTH, SENTENCE_END };

struct pattern_rule {
	struct alts alts;
	const struct validator *validate;
	size_t window;
	int line;               /* the window stops at the match's line breaks */
	int sentence;           /* and at its sentence's ends: SENTENCE_BOTH or SENTENCE_END */
	struct ctx_list require, boost, forbid, exclude;
};

static const char *const pattern_keys[] = { "pattern", "validate", "context", "exclude", NULL };

static void pattern_release(void *data)
{
	struct pattern_rule *p = data;

	alts_release(&p->alts);
	ctx_list_free(&p->require);
	ctx_list_free(&p->boost);
	ctx_list_free(&p->forbid);
	ctx_list_free(&p->exclude);
	free(p);
}

static enum pl_status parse_context(struct pattern_rule *p, const cJSON *c, const struct rule *r,
				    struct load_ctx *lc)
{
	static const char *const keys[] = { "window", "line", "sentence", "require", "boost",
						    "forbid", NULL };
	const cJSON *v;
	enum pl_status st;

	if (!cJSON_IsObject(c))
		return lc_error(lc, c, 0, PL_ERR_RULES, "'context' must be an object");
	if ((st = lc_check_keys(lc, c, keys, "'context'")) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(c, "window")) != NULL) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > CONTEXT_MAX_WINDOW)
			return lc_error(lc, v, 0, PL_ERR_RULES,
					"'window' must be a number of characters from 1 to %d",
					CONTEXT_MAX_WINDOW);
		p->window = (size_t)v->valuedouble;
	}
	if ((st = lc_bool(lc, c, "line", &p->line)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(c, "sentence")) != NULL) {
		if (cJSON_IsBool(v))
			p->sentence = cJSON_IsTrue(v) ? SENTENCE_BOTH : SENTENCE_NONE;
		else if (cJSON_IsString(v) && !strcmp(v->valuestring, "end"))
			p->sentence = SENTENCE_END;
		else
			return lc_error(lc, v, 0, PL_ERR_RULES,
					"'sentence' must be true, false or \"end\"");
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(c, "require")) != NULL &&
	    (st = ctx_list_compile(lc, v, r, &p->require)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(c, "boost")) != NULL &&
	    (st = ctx_list_compile(lc, v, r, &p->boost)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(c, "forbid")) != NULL &&
	    (st = ctx_list_compile(lc, v, r, &p->forbid)) != PL_OK)
		return st;
	return PL_OK;
}

static enum pl_status pattern_parse(struct rule *r, const cJSON *obj, struct load_ctx *lc)
{
	struct pattern_rule *p = calloc(1, sizeof(*p));
	const cJSON *v;
	const char *name;
	enum pl_status st;

	if (!p)
		return PL_ERR_NOMEM;
	r->data = p;
	p->window = CONTEXT_DEFAULT_WINDOW;
	v = cJSON_GetObjectItemCaseSensitive(obj, "pattern");
	if (!v)
		return lc_error(lc, obj, 0, PL_ERR_RULES, "missing required key 'pattern'");
	if ((st = alts_parse(lc, v, r, &p->alts)) != PL_OK)
		return st;
	if ((st = lc_string(lc, obj, "validate", 0, &name)) != PL_OK)
		return st;
	if (name) {
		p->validate = validators_find(name, strlen(name));
		if (!p->validate) {
			size_t n, i;
			const struct validator *t = validators_table(&n);
			const char *names[64], *hint;

			for (i = 0; i < n && i < 64; i++)
				names[i] = t[i].name;
			hint = suggest(name, names, i);
			return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "validate"), 0,
					PL_ERR_RULES, "unknown validator '%s'%s%s%s", name,
					hint ? " (did you mean '" : "", hint ? hint : "",
					hint ? "'?)" : "");
		}
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "context")) != NULL &&
	    (st = parse_context(p, v, r, lc)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "exclude")) != NULL &&
	    (st = ctx_list_compile(lc, v, r, &p->exclude)) != PL_OK)
		return st;
	return PL_OK;
}

/* The offset of the character after the one at off. */
static size_t next_char(const char *s, size_t len, size_t off)
{
	off++;
	while (off < len && ((unsigned char)s[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/* Whether any of l's patterns matches within [from, to); with overlap, only matches overlapping
 * [s, e). */
static int any_in(const struct ctx_list *l, struct text_scan *ts, const char *subj, size_t len,
		  size_t from, size_t to, int overlap, size_t s, size_t e)
{
	size_t i, ms, me, pos;
	int rc;

	for (i = 0; i < l->n; i++) {
		if (!ts_may_match_in(ts, &l->gate[i], subj, from, to))
			continue;
		pos = from;
		while (pos <= to) {
			rc = ts_search_range(ts, &l->re[i], &l->gate[i], subj, len, pos, to, &ms,
					     &me);
			if (rc < 0)
				return rc;
			if (rc == 0 || ms >= to)
				break;
			if (!overlap || (ms < e && me > s) || (ms == me && ms >= s && ms < e))
				return 1;
			pos = me > ms ? me : ms + 1;
		}
	}
	return 0;
}

/* Whether a required context can be in the caption at all: one of the require patterns has its
 * literals there (or none to tell by). */
static int require_possible(const struct pattern_rule *p, const struct text_scan *ts)
{
	size_t i;

	if (!p->require.n)
		return 1;
	for (i = 0; i < p->require.n; i++)
		if (ts_may_match(ts, &p->require.gate[i]))
			return 1;
	return 0;
}

/* Decides one candidate: 1 keep, 0 drop, <0 match error. Sets *boosted. */
static int judge(const struct pattern_rule *p, struct text_scan *ts, const char *subj, size_t len,
		 size_t ms, size_t me, size_t vs, size_t ve, int *boosted)
{
	size_t from = ts_back(ts, subj, ms, p->window);
	size_t to = ts_on(ts, subj, len, me, p->window);
	int rc;

	if (p->line) {
		const char *nl;

		while (from < ms && (nl = memchr(subj + from, '\n', ms - from)) != NULL)
			from = (size_t)(nl - subj) + 1;
		if (me < to && (nl = memchr(subj + me, '\n', to - me)) != NULL)
			to = (size_t)(nl - subj);
	}
	if (p->sentence == SENTENCE_BOTH)
		from = ts_sentence_start(subj, len, ms, from);
	if (p->sentence != SENTENCE_NONE)
		to = ts_sentence_end(subj, len, me, to);

	*boosted = 0;
	if (p->validate && !p->validate->fn(subj + vs, ve - vs))
		return 0;
	if (p->exclude.n && (rc = any_in(&p->exclude, ts, subj, len, from, to, 1, ms, me)))
		return rc < 0 ? rc : 0;
	if (p->forbid.n && (rc = any_in(&p->forbid, ts, subj, len, from, to, 0, 0, 0)))
		return rc < 0 ? rc : 0;
	if (p->require.n) {
		rc = any_in(&p->require, ts, subj, len, from, to, 0, 0, 0);
		if (rc <= 0)
			return rc;
	}
	if (p->boost.n) {
		rc = any_in(&p->boost, ts, subj, len, from, to, 0, 0, 0);
		if (rc < 0)
			return rc;
		*boosted = rc;
	}
	return 1;
}

static enum pl_status pattern_matches(const struct rule *r, struct text_scan *ts,
				      struct match_list *out)
{
	const struct pattern_rule *p = r->data;
	struct alts_cursor cur[REGEX_SPLIT_MAX];
	size_t len, pos = 0, ms, me, vs, ve;
	const char *subj = ts_subject(ts, r, &len);
	int rc, keep, boosted;

	if (!ts_gate_open(ts, r) || !require_possible(p, ts))
		return PL_OK;
	alts_start(&p->alts, r, ts, subj, len, cur);
	while (pos <= len) {
		rc = alts_next(&p->alts, ts, subj, len, pos, cur, &ms, &me, &vs, &ve);
		if (rc < 0)
			return ts_match_error(ts, r, r->match_original ? pos : textnorm_orig_start(ts->tn, pos), rc);
		if (rc == 0)
			break;
		pos = me > ms ? me : next_char(subj, len, ms);
		if (me == ms)
			continue;
		keep = judge(p, ts, subj, len, ms, me, vs, ve, &boosted);
		if (keep < 0)
			return ts_match_error(ts, r, r->match_original ? ms : textnorm_orig_start(ts->tn, ms), keep);
		/* A rejected candidate may hide a real one starting inside it ("auto 52-hks-7" is
		 * tried as "auto 52" first): look again from its next character. */
		if (!keep)
			pos = next_char(subj, len, ms);
		if (keep) {
			struct text_match m = { .boosted = boosted };

			ts_to_orig(ts, r, ms, me, &m.start, &m.end);
			ts_to_orig(ts, r, vs, ve, &m.vstart, &m.vend);
			if (match_list_add(out, &m) != PL_OK)
				return PL_ERR_NOMEM;
		}
	}
	return PL_OK;
}

static enum pl_status pattern_scan(const struct rule *r, struct text_scan *ts)
{
	const struct match_list *ml;
	enum pl_status st = ts_rule_matches(ts, (size_t)(r - ts->rs->rules), &ml);
	size_t i;

	for (i = 0; st == PL_OK && i < ml->len; i++)
		st = ts_report(ts, r, &ml->items[i], NULL, 0);
	return st;
}

const struct rule_kind rule_kind_pattern = {
	.name = "pattern",
	.keys = pattern_keys,
	.parse = pattern_parse,
	.release = pattern_release,
	.matches = pattern_matches,
	.scan_text = pattern_scan,
};
