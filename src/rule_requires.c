/* SPDX-License-Identifier: Apache-2.0 */
/* Rule kind "requires": when the trigger occurs and none of the required mentions does, report
 * (a post that invites messages must say emergencies go to 112). */
#include <stdlib.h>
#include <string.h>

#include "rule_alts.h"
#include "rule_kinds.h"
#include "banned.h"

struct requires_rule {
	struct alts when;          /* searched as its alternatives, for the leftmost */
	struct ctx_list unless;
};

static const char *const requires_keys[] = { "when", "unless", NULL };

static void requires_release(void *data)
{
	struct requires_rule *q = data;

	alts_release(&q->when);
	ctx_list_free(&q->unless);
	free(q);
}

static enum pl_status requires_parse(struct rule *r, const cJSON *obj, struct load_ctx *lc)
{
	struct requires_rule *q = calloc(1, sizeof(*q));
	const cJSON *v;
	enum pl_status st;

	if (!q)
		return PL_ERR_NOMEM;
	r->data = q;
	if (!(v = cJSON_GetObjectItemCaseSensitive(obj, "when")))
		return lc_error(lc, obj, 0, PL_ERR_RULES, "missing required key 'when'");
	if ((st = alts_parse(lc, v, r, &q->when)) != PL_OK)
		return st;
	if (!(v = cJSON_GetObjectItemCaseSensitive(obj, "unless")))
		return lc_error(lc, obj, 0, PL_ERR_RULES, "missing required key 'unless'");
	if ((st = ctx_list_compile(lc, v, r, &q->unless)) != PL_OK)
		return st;
	if (!q->unless.n)
		return lc_error(lc, v, 0, PL_ERR_RULES, "'unless' needs at least one pattern");
	return PL_OK;
}

static enum pl_status requires_scan(const struct rule *r, struct text_scan *ts)
{
	const struct requires_rule *q = r->data;
	size_t len, ms, me, vs, ve, i;
	const char *subj = ts_subject(ts, r, &len);
	struct text_match m = { 0 };
	struct alts_cursor cur[REGEX_SPLIT_MAX];
	int rc;

	if (!ts_gate_open(ts, r))
		return PL_OK;
	alts_start(&q->when, r, ts, subj, len, cur);
	rc = alts_next(&q->when, ts, subj, len, 0, cur, &ms, &me, &vs, &ve);
	if (rc < 0)
		return ts_match_error(ts, r, 0, rc);
	if (rc == 0)
		return PL_OK;
	for (i = 0; i < q->unless.n; i++) {
		size_t a, b;

		if (!ts_may_match(ts, &q->unless.gate[i]))
			continue;
		rc = ts_search_range(ts, &q->unless.re[i], &q->unless.gate[i], subj, len, 0, len,
				     &a, &b);
		if (rc < 0)
			return ts_match_error(ts, r, 0, rc);
		if (rc > 0)
			return PL_OK;
	}
	ts_to_orig(ts, r, ms, me, &m.start, &m.end);
	ts_to_orig(ts, r, vs, ve, &m.vstart, &m.vend);
	return ts_report(ts, r, &m, NULL, 0);
}

const struct rule_kind rule_kind_requires = {
	.name = "requires",
	.keys = requires_keys,
	.parse = requires_parse,
	.release = requires_release,
	.scan_text = requires_scan,
};
