/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A rule's patterns, from the rules file to PCRE2: vocabularies expanded, compiled, gated by the
 * prefilter, split into alternatives where that keeps the meaning, through the pattern cache.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "postlint/buf.h"
#include "rules_cache.h"
#include "regex_split.h"
#include "vocab.h"
#include "banned.h"

/* The prefilter's view of a vocabulary: its normalised words, or a fragment's pattern. */
static int vocab_words(void *ctx, const char *name, size_t len, char *const **words, size_t *n,
		       const char **fragment)
{
	const struct vocab *v = vocab_find(ctx, name, len);

	if (!v)
		return -1;
	*words = v->words;
	*n = v->nwords;
	*fragment = v->pattern;
	return 0;
}

/*
 * The compiled-pattern cache's key for pattern: the pattern as written, each {{name}} followed by
 * its vocabulary's digest ("{{colour#9f2c...}}"). A load that finds every pattern in the cache so
 * never expands a vocabulary; an edited word list changes its digest, and so the keys. NULL on no
 * memory or an unknown name (vocab_expand reports that).
 */
static char *cache_key(const struct pl_ruleset *rs, const char *pattern)
{
	struct pl_buf b;
	const char *p = pattern, *open, *close;
	char tag[] = "#0123456789abcdef}}"; /* '#', the digest in hex, and the closing braces */
	int k;

	pl_buf_init(&b);
	while ((open = strstr(p, "{{")) != NULL && (close = strstr(open + 2, "}}")) != NULL) {
		const struct vocab *v = vocab_find(rs, open + 2, (size_t)(close - open - 2));

		if (!v) {
			pl_buf_release(&b);
			return NULL;
		}
		pl_buf_add(&b, p, (size_t)(close - p));
		/* written out by hand: through printf, these keys were 5% of loading the packs */
		for (k = 0; k < 16; k++)
			tag[1 + k] = "0123456789abcdef"[(v->digest >> (60 - 4 * k)) & 15];
		pl_buf_add(&b, tag, sizeof(tag) - 1);
		p = close + 2;
	}
	pl_buf_add(&b, p, strlen(p));
	if (b.oom || !b.data) {
		pl_buf_release(&b);
		return NULL;
	}
	return b.data;
}

/* Takes the compiled pattern of key from the cache; 1 when it was there (see rules_cache_take). */
static int take(struct load_ctx *lc, const char *key, int caseless, struct regex *re,
		struct pf_gate *gate, int *gate_done)
{
	*gate_done = 0;
	return key && rules_cache_take(lc->rs->cache, key, strlen(key), caseless, re, &lc->rs->pf,
				       gate, gate_done);
}

/* Expands and compiles node's pattern into re; with gate, derives its prefilter gate too, for the
 * normalised text or, with original, for a rule on the original text. */
static enum pl_status compile(struct load_ctx *lc, const cJSON *node, int caseless,
			      struct regex *re, struct pf_gate *gate, int original)
{
	char *expanded = NULL, *key = NULL, bad[128], err[256];
	size_t erroff = 0;
	enum pl_status st = PL_OK;
	int want_gate, gate_done = 0, cached;

	memset(re, 0, sizeof(*re));
	if (!cJSON_IsString(node) || !node->valuestring[0])
		return lc_error(lc, node, 0, PL_ERR_RULES, "a pattern must be a non-empty string");
	if (json_doc_string_has_nul(&lc->doc, node))
		return lc_error(lc, node, 0, PL_ERR_RULES,
				"a pattern cannot hold a NUL character (\\u0000); write \\\\x00");
	want_gate = gate != NULL;
	key = cache_key(lc->rs, node->valuestring);
	cached = take(lc, key, caseless, re, gate, &gate_done);
	if (!cached) {
		st = vocab_expand(lc->rs, node->valuestring, &expanded, bad, sizeof(bad));
		if (st == PL_ERR_RULES)
			st = lc_error(lc, node, 0, st, "unknown vocabulary '%s' in pattern", bad);
		else if (st == PL_ERR_LIMIT)
			st = lc_error(lc, node, 0, st, "pattern longer than %s bytes once expanded",
				      bad);
		else if (st == PL_OK)
			st = regex_compile(re, expanded, strlen(expanded), caseless, err, sizeof(err),
					   &erroff);
		if (st != PL_OK && expanded) {
			int has_vocab = strstr(node->valuestring, "{{") != NULL;

			if (has_vocab)
				lc_error(lc, node, 0, st,
					 "bad pattern: %s at offset %zu of the expanded pattern", err,
					 erroff);
			else
				lc_error(lc, node, 0, st, "bad pattern: %s at offset %zu", err, erroff);
			/* Point at the offending character inside the JSON string when we can. */
			if (!has_vocab)
				json_doc_where_in_string(&lc->doc, node, erroff, &lc->d->line,
							 &lc->d->column);
		}
	}
	if (st == PL_OK && want_gate && !gate_done &&
	    prefilter_add(&lc->rs->pf, node->valuestring, strlen(node->valuestring), vocab_words,
			  lc->rs, gate) != 0)
		st = PL_ERR_NOMEM;
	if (st == PL_OK) {
		if (!cached)
			regex_shape(re, expanded, strlen(expanded));
		if (key)
			rules_cache_note(lc->rs->cache, key, strlen(key), caseless, re, gate,
					 cached);
	}
	/* a rule on the original text: its gate as the normalised text can tell it */
	if (st == PL_OK && want_gate && original && pf_gate_for_original(&lc->rs->pf, gate) != 0)
		st = PL_ERR_NOMEM;
	free(expanded);
	free(key);
	return st;
}

enum pl_status lc_compile(struct load_ctx *lc, const cJSON *node, int caseless, struct regex *re)
{
	return compile(lc, node, caseless, re, NULL, 0);
}

/* One alternative, text (len bytes), as regex_split_top makes it: expanded, compiled and gated;
 * 0, or -1 when it will not compile alone. */
static int compile_branch(struct load_ctx *lc, const char *text, size_t len, int original,
			  struct regex *re, struct pf_gate *gate)
{
	char *expanded = NULL, *key = NULL, bad[128], err[256];
	size_t erroff;
	int rc = -1, gate_done = 0, cached = 0;

	memset(gate, 0, sizeof(*gate));
	key = cache_key(lc->rs, text);
	if ((cached = take(lc, key, 1, re, gate, &gate_done)) ||
	    (vocab_expand(lc->rs, text, &expanded, bad, sizeof(bad)) == PL_OK &&
	     regex_compile(re, expanded, strlen(expanded), 1, err, sizeof(err), &erroff) == PL_OK)) {
		rc = gate_done ? 0
			       : prefilter_add(&lc->rs->pf, text, len, vocab_words, lc->rs, gate);
		if (!rc) {
			if (!cached)
				regex_shape(re, expanded, strlen(expanded));
			if (key)
				rules_cache_note(lc->rs->cache, key, strlen(key), 1, re, gate, cached);
		}
		/* a rule on the original text: its gate as the normalised text can tell it */
		if (!rc && original)
			rc = pf_gate_for_original(&lc->rs->pf, gate);
	}
	free(expanded);
	free(key);
	return rc;
}

/* Alternative k of raw as regex_split_top split it, in a new string: what comes before the first
 * span, span k, and what comes from tail on. */
static char *branch_text(const char *raw, const size_t *starts, const size_t *ends, size_t k,
			 size_t tail, size_t *len)
{
	size_t nlead = starts[0], nspan = ends[k] - starts[k], ntail = strlen(raw) - tail;
	char *text = malloc(nlead + nspan + ntail + 1);

	if (!text)
		return NULL;
	memcpy(text, raw, nlead);
	memcpy(text + nlead, raw + starts[k], nspan);
	memcpy(text + nlead + nspan, raw + tail, ntail);
	*len = nlead + nspan + ntail;
	text[*len] = '\0';
	return text;
}

/* Whether gates[i] has a condition and its first differs from that of every gate before it. */
/*
 * Whether every span of a split inside a group opens with a word or a {{vocabulary}} (after a \b),
 * as the alternatives worth splitting do ("\b(?:nachtdienst|{{pa_units}})"). A group of shapes
 * opening with classes ("(?:[a-z]{2}[0-9]{2}|[0-9]{2}[a-z]{2})", a plate's) is not compiled apart
 * only to find that its alternatives share their gate: that would be every load's work.
 */
static int spans_open_with_words(const char *raw, const size_t *starts, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		const char *p = raw + starts[i];

		if (p[0] == '\\' && p[1] == 'b')
			p += 2;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || !strncmp(p, "{{", 2)))
			return 0;
	}
	return 1;
}

static int gate_of_its_own(const struct pf_gate *gates, size_t i)
{
	size_t j;

	if (!gates[i].n)
		return 0;
	for (j = 0; j < i; j++)
		if (gates[j].conds[0].key == gates[i].conds[0].key)
			return 0;
	return 1;
}

enum pl_status lc_compile_branches(struct load_ctx *lc, const cJSON *node, struct rule *r,
				   struct regex **branches, struct pf_gate **gates, size_t *n)
{
	size_t starts[REGEX_SPLIT_MAX], ends[REGEX_SPLIT_MAX], k, i, tail, len;
	const char *raw = node->valuestring;
	char *text;
	int rc;

	*branches = NULL;
	*gates = NULL;
	*n = 0;
	k = regex_split_top(raw, strlen(raw), starts, ends, REGEX_SPLIT_MAX, &tail);
	if (k < 2 || (tail != strlen(raw) && !spans_open_with_words(raw, starts, k)))
		return PL_OK;
	*branches = calloc(k, sizeof(**branches));
	*gates = calloc(k, sizeof(**gates));
	if (!*branches || !*gates)
		goto fail;
	for (i = 0; i < k; i++) {
		text = branch_text(raw, starts, ends, i, tail, &len);
		rc = text ? compile_branch(lc, text, len, r->match_original, &(*branches)[i],
					   &(*gates)[i])
			  : -1;
		free(text);
		if (rc != 0)
			goto fail;
		/* split inside a group only where each alternative has a gate of its own: an
		 * alternative every caption runs, or one that opens with another's ("[0-9]" in
		 * each of a plate's shapes), would only add searches */
		if (tail != strlen(raw) && !gate_of_its_own(*gates, i))
			goto fail;
	}
	*n = k;
	return PL_OK;
fail:
	/* an alternative that does not stand alone (or not worth it): the whole pattern serves */
	for (i = 0; *branches && *gates && i < k; i++) {
		rules_cache_forget(lc->rs->cache, &(*branches)[i]);
		regex_release(&(*branches)[i]);
		pf_gate_release(&(*gates)[i]);
	}
	free(*branches);
	free(*gates);
	*branches = NULL;
	*gates = NULL;
	return PL_OK;
}

enum pl_status lc_compile_gated(struct load_ctx *lc, const cJSON *node, struct rule *r,
				struct regex *re)
{
	return compile(lc, node, 1, re, &r->gate, r->match_original);
}

enum pl_status lc_compile_norm_gate(struct load_ctx *lc, const cJSON *node, struct regex *re,
				    struct pf_gate *gate)
{
	return compile(lc, node, 1, re, gate, 0);
}

void regex_list_free(struct regex *res, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		regex_release(&res[i]);
	free(res);
}

/* lc_compile_list, with a gate for each pattern in *gates when gates is not NULL. */
static enum pl_status compile_list(struct load_ctx *lc, const cJSON *node, int caseless,
				   const struct rule *r, struct regex **res, struct pf_gate **gates,
				   size_t *n)
{
	const cJSON *e;
	size_t cnt;
	enum pl_status st;

	*res = NULL;
	*n = 0;
	if (gates)
		*gates = NULL;
	if (cJSON_IsString(node))
		cnt = 1;
	else if (cJSON_IsArray(node))
		cnt = (size_t)cJSON_GetArraySize(node);
	else
		return lc_error(lc, node, 0, PL_ERR_RULES, "expected a pattern or an array of patterns");
	if (!cnt)
		return PL_OK;
	*res = calloc(cnt, sizeof(**res));
	if (!*res || (gates && !(*gates = calloc(cnt, sizeof(**gates)))))
		return PL_ERR_NOMEM;
	for (e = cJSON_IsString(node) ? node : node->child; e && *n < cnt; e = e->next) {
		st = compile(lc, e, caseless, &(*res)[*n], gates ? &(*gates)[*n] : NULL,
			     r && r->match_original);
		if (st != PL_OK) {
			/* what the failed one holds: the caller frees the first *n */
			rules_cache_forget(lc->rs->cache, &(*res)[*n]);
			regex_release(&(*res)[*n]);
			if (gates)
				pf_gate_release(&(*gates)[*n]);
			return st;
		}
		(*n)++;
	}
	return PL_OK;
}

enum pl_status lc_compile_list(struct load_ctx *lc, const cJSON *node, int caseless,
			       struct regex **res, size_t *n)
{
	return compile_list(lc, node, caseless, NULL, res, NULL, n);
}

enum pl_status ctx_list_compile(struct load_ctx *lc, const cJSON *node, const struct rule *r,
				struct ctx_list *l)
{
	return compile_list(lc, node, 1, r, &l->re, &l->gate, &l->n);
}

void ctx_list_free(struct ctx_list *l)
{
	size_t i;

	for (i = 0; l->gate && i < l->n; i++)
		pf_gate_release(&l->gate[i]);
	free(l->gate);
	regex_list_free(l->re, l->n);
	memset(l, 0, sizeof(*l));
}
