/* SPDX-License-Identifier: Apache-2.0 */
/* Suppressions with a reason: a post's "allow" entries matched against its findings, and the
 * entries that are invalid, expired or unused reported as findings of their own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "postlint/suppress.h"
#include "sha256.h"
#include "textnorm.h"
#include "util.h"
#include "banned.h"

enum entry_state { ENTRY_ACTIVE, ENTRY_INVALID, ENTRY_EXPIRED };

enum pl_status pl_evidence_hash(const char *evidence, size_t len, char out[PL_HASH_STR_LEN + 1])
{
	char *norm = textnorm_string(evidence, len);

	if (!norm)
		return PL_ERR_NOMEM;
	memcpy(out, "sha256:", 7);
	sha256_hex(norm, strlen(norm), out + 7);
	free(norm);
	return PL_OK;
}

int pl_date_valid(const char *s)
{
	size_t i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return strncmp(s + 5, "01", 2) >= 0 && strncmp(s + 5, "12", 2) <= 0 &&
	       strncmp(s + 8, "01", 2) >= 0 && strncmp(s + 8, "31", 2) <= 0;
}

static int valid_hash(const char *h)
{
	size_t i;

	if (strncmp(h, "sha256:", 7) || strlen(h) != PL_HASH_STR_LEN)
		return 0;
	for (i = 7; h[i]; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f') ||
		      (h[i] >= 'A' && h[i] <= 'F')))
			return 0;
	return 1;
}

/* Whether an entry's "rule" covers id: the id itself, or a prefix written "plate.*". */
static int rule_covers(const char *pat, const char *id)
{
	size_t n = strlen(pat);

	if (n >= 2 && pat[n - 1] == '*' && pat[n - 2] == '.')
		return !strncmp(pat, id, n - 1);
	return !strcmp(pat, id);
}

/* The scanners' own findings, and whether only pixel detectors raise them. */
static const struct {
	const char *id;
	int pixels;
} input_ids[] = {
	{ "input.unreadable", 0 },
	{ "input.encoding", 0 },
	{ "input.metadata", 0 },
	{ "input.detector", 1 },
};

/* 1 when some rule of rs (or a scanner's own "input.*" finding) is covered; 2 when every covered
 * rule is a pixel detector, whose findings a --no-pixels run cannot see. */
static int rule_exists(const struct pl_ruleset *rs, const char *pat, int *only_pixels)
{
	struct pl_rule_info ri;
	size_t i, n = pl_ruleset_count(rs);
	int any = 0;

	*only_pixels = 1;
	for (i = 0; i < n; i++) {
		pl_ruleset_rule(rs, i, &ri);
		if (!rule_covers(pat, ri.id))
			continue;
		any = 1;
		if (strcmp(ri.kind, "detector"))
			*only_pixels = 0;
	}
	for (i = 0; !any && i < sizeof(input_ids) / sizeof(input_ids[0]); i++)
		if (rule_covers(pat, input_ids[i].id)) {
			any = 1;
			*only_pixels = input_ids[i].pixels;
		}
	return any;
}

static enum pl_status add_entry_finding(struct pl_findings *f, const struct pl_post *post,
					const struct pl_allow *a, const char *id,
					const char *message, const char *fix)
{
	struct pl_finding x;

	memset(&x, 0, sizeof(x));
	x.rule_id = (char *)(uintptr_t)id;
	x.category = (char *)(uintptr_t) "suppression";
	x.severity = PL_SEV_WARNING;
	x.message = (char *)(uintptr_t)message;
	x.fix = (char *)(uintptr_t)fix;
	x.evidence = a->rule;
	x.loc.file = post->manifest ? post->manifest : post->path;
	x.loc.line = a->line;
	x.loc.column = a->column;
	x.confidence = 1.0;
	return pl_findings_add(f, &x);
}

/* Judges one entry; reports it when it is invalid or expired. */
static enum pl_status judge(const struct pl_ruleset *rs, const struct pl_post *post,
			    const struct pl_allow *a, const struct pl_suppress_options *opt,
			    struct pl_findings *f, enum entry_state *state, int *only_pixels)
{
	char msg[PL_DIAG_MSG_MAX];
	const char *why = NULL;

	*state = ENTRY_INVALID;
	if (!a->by || !a->by[0])
		why = "needs 'by': who allowed it";
	else if (!a->until)
		why = "needs 'until': the date (YYYY-MM-DD) after which to look again";
	else if (!pl_date_valid(a->until))
		why = "has an 'until' that is not a date like 2025-12-31";
	else if (a->hash && !valid_hash(a->hash))
		why = "has a 'hash' that is not 'sha256:' and 64 hex digits";
	else if (!rule_exists(rs, a->rule, only_pixels))
		why = "names no rule of the rule set";
	if (why) {
		snprintf(msg, sizeof(msg), "suppression of '%s' %s", a->rule, why);
		return add_entry_finding(f, post, a, "suppression.invalid", msg,
					 "complete the 'allow' entry or remove it");
	}
	if (opt && opt->today && strcmp(a->until, opt->today) < 0) {
		*state = ENTRY_EXPIRED;
		snprintf(msg, sizeof(msg), "suppression of '%s' expired on %s (reason: %s)", a->rule,
			 a->until, a->reason ? a->reason : "");
		return add_entry_finding(f, post, a, "suppression.expired", msg,
					 "check the post again; then renew 'until' or remove the entry");
	}
	*state = ENTRY_ACTIVE;
	return PL_OK;
}

/* The normalised evidence of a finding, computed once when an entry asks for it. */
struct evid {
	char *norm;
	char hash[PL_HASH_STR_LEN + 1];
	int done;
};

static enum pl_status evid_get(struct evid *e, const struct pl_finding *x)
{
	const char *s = x->evidence ? x->evidence : "";

	if (e->done)
		return PL_OK;
	if (!(e->norm = textnorm_string(s, strlen(s))))
		return PL_ERR_NOMEM;
	memcpy(e->hash, "sha256:", 7);
	sha256_hex(e->norm, strlen(e->norm), e->hash + 7);
	e->done = 1;
	return PL_OK;
}

static enum pl_status covers(const struct pl_allow *a, const struct pl_finding *x, struct evid *e,
			     int *yes)
{
	enum pl_status st;

	*yes = 0;
	if (!rule_covers(a->rule, x->rule_id))
		return PL_OK;
	if (a->match || a->hash) {
		if (!x->evidence)
			return PL_OK;
		if ((st = evid_get(e, x)) != PL_OK)
			return st;
	}
	if (a->match) {
		char *m = textnorm_string(a->match, strlen(a->match));

		if (!m)
			return PL_ERR_NOMEM;
		*yes = !strcmp(m, e->norm);
		free(m);
		if (!*yes)
			return PL_OK;
	}
	if (a->hash)
		*yes = !strcasecmp(a->hash, e->hash);
	else
		*yes = 1;
	return PL_OK;
}

/* Moves finding x into dst, noting in its message who allowed it and why. On failure x is left
 * as it was. */
static enum pl_status take(struct pl_finding *x, const struct pl_allow *a, struct pl_findings *dst)
{
	struct pl_finding *items;
	char *msg;
	size_t n;

	n = strlen(x->message ? x->message : "") + strlen(a->reason) + strlen(a->by) +
	    strlen(a->until) + 48;
	if (!(msg = malloc(n)))
		return PL_ERR_NOMEM;
	snprintf(msg, n, "%s (allowed by %s until %s: %s)", x->message ? x->message : "", a->by,
		 a->until, a->reason);
	if (dst->len == dst->cap) {
		size_t cap = dst->cap ? dst->cap * 2 : 4;

		if (!(items = realloc(dst->items, cap * sizeof(*items)))) {
			free(msg);
			return PL_ERR_NOMEM;
		}
		dst->items = items;
		dst->cap = cap;
	}
	free(x->message);
	x->message = msg;
	dst->items[dst->len++] = *x;
	return PL_OK;
}

/* The entry that covers finding x, or -1. */
static enum pl_status find_cover(const struct pl_post *post, const enum entry_state *state,
				 const struct pl_finding *x, long *hit)
{
	struct evid e = { 0 };
	enum pl_status st = PL_OK;
	size_t j;
	int yes = 0;

	*hit = -1;
	if (x->category && !strcmp(x->category, "suppression"))
		return PL_OK;
	for (j = 0; j < post->nallow && !yes && st == PL_OK; j++) {
		if (state[j] != ENTRY_ACTIVE)
			continue;
		st = covers(&post->allow[j], x, &e, &yes);
		if (yes)
			*hit = (long)j;
	}
	free(e.norm);
	return st;
}

static enum pl_status report_unused(const struct pl_post *post, const enum entry_state *state,
				    const int *pix, const struct pl_suppress_options *opt,
				    struct pl_findings *f)
{
	char msg[PL_DIAG_MSG_MAX];
	enum pl_status st = PL_OK;
	size_t j;

	for (j = 0; j < post->nallow && st == PL_OK; j++) {
		const struct pl_allow *a = &post->allow[j];

		if (state[j] != ENTRY_ACTIVE || a->used || (opt && opt->no_pixels && pix[j]))
			continue;
		snprintf(msg, sizeof(msg), "suppression of '%s'%s%s%s matches no finding", a->rule,
			 a->match ? " ('" : "", a->match ? a->match : "", a->match ? "')" : "");
		st = add_entry_finding(f, post, a, "suppression.unused", msg,
				       "remove the entry: what it allowed is gone");
	}
	return st;
}

enum pl_status pl_suppress_apply(const struct pl_ruleset *rs, struct pl_post *post,
				 const struct pl_suppress_options *opt, struct pl_findings *f,
				 struct pl_findings *suppressed, size_t *nsuppressed,
				 struct pl_diag *d)
{
	struct pl_findings drop, *dst = suppressed ? suppressed : &drop;
	enum entry_state *state = NULL;
	int *pix = NULL;
	size_t i, j, w = 0, nf = f->len, count = 0;
	enum pl_status st = PL_OK;

	pl_findings_init(&drop);
	if (!post->nallow)
		goto out;
	state = calloc(post->nallow, sizeof(*state));
	pix = calloc(post->nallow, sizeof(*pix));
	if (!state || !pix) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	for (j = 0; j < post->nallow && st == PL_OK; j++)
		st = judge(rs, post, &post->allow[j], opt, f, &state[j], &pix[j]);
	for (i = 0; i < f->len; i++) {
		struct pl_finding *x = &f->items[i];
		long hit = -1;

		/* Only the scan's findings are candidates, not the entries' own reports. */
		if (st == PL_OK && i < nf)
			st = find_cover(post, state, x, &hit);
		if (hit >= 0 && take(x, &post->allow[hit], dst) == PL_OK) {
			post->allow[hit].used = 1;
			count++;
			continue;
		}
		f->items[w++] = *x;
	}
	f->len = w;
	if (st == PL_OK)
		st = report_unused(post, state, pix, opt, f);
	pl_findings_sort(f);
out:
	if (st == PL_ERR_NOMEM)
		diag_set(d, st, post->path, 0, 0, "out of memory applying suppressions");
	if (nsuppressed)
		*nsuppressed = count;
	pl_findings_release(&drop);
	free(state);
	free(pix);
	return st;
}
