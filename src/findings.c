/* SPDX-License-Identifier: Apache-2.0 */
/* The findings list: deep copies in, sorted out, and the verdict. */
#include <stdlib.h>
#include <string.h>

#include "findings_impl.h"
#include "util.h"
#include "banned.h"

void pl_findings_init(struct pl_findings *f)
{
	memset(f, 0, sizeof(*f));
}

static void location_release(struct pl_location *l)
{
	free(l->file);
	free(l->field);
}

static void finding_release(struct pl_finding *x)
{
	size_t i;

	free(x->rule_id);
	free(x->category);
	free(x->message);
	free(x->fix);
	free(x->protocol);
	free(x->evidence);
	location_release(&x->loc);
	for (i = 0; i < x->nparts; i++) {
		location_release(&x->parts[i].loc);
		free(x->parts[i].evidence);
	}
	free(x->parts);
}

void pl_findings_release(struct pl_findings *f)
{
	size_t i;

	for (i = 0; i < f->len; i++)
		finding_release(&f->items[i]);
	free(f->items);
	pl_findings_init(f);
}

static int location_copy(struct pl_location *dst, const struct pl_location *src)
{
	*dst = *src;
	dst->file = xstrdup_null(src->file);
	dst->field = xstrdup_null(src->field);
	return (src->file && !dst->file) || (src->field && !dst->field) ? -1 : 0;
}

static int finding_copy(struct pl_finding *dst, const struct pl_finding *src)
{
	size_t i;
	int bad = 0;

	memset(dst, 0, sizeof(*dst));
	dst->severity = src->severity;
	dst->confidence = src->confidence;
	dst->rule_id = xstrdup_null(src->rule_id);
	dst->category = xstrdup_null(src->category);
	dst->message = xstrdup_null(src->message);
	dst->fix = xstrdup_null(src->fix);
	dst->protocol = xstrdup_null(src->protocol);
	dst->evidence = xstrdup_null(src->evidence);
	bad |= location_copy(&dst->loc, &src->loc);
	bad |= (src->rule_id && !dst->rule_id) || (src->category && !dst->category) ||
	       (src->message && !dst->message) || (src->fix && !dst->fix) ||
	       (src->protocol && !dst->protocol) || (src->evidence && !dst->evidence);
	if (src->nparts) {
		dst->parts = calloc(src->nparts, sizeof(*dst->parts));
		if (!dst->parts)
			return -1;
		dst->nparts = src->nparts;
		for (i = 0; i < src->nparts; i++) {
			bad |= location_copy(&dst->parts[i].loc, &src->parts[i].loc);
			dst->parts[i].evidence = xstrdup_null(src->parts[i].evidence);
			bad |= src->parts[i].evidence && !dst->parts[i].evidence;
		}
	}
	return bad ? -1 : 0;
}

enum pl_status pl_findings_add(struct pl_findings *f, const struct pl_finding *src)
{
	if (f->len == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 8;
		struct pl_finding *p = realloc(f->items, cap * sizeof(*p));

		if (!p)
			return PL_ERR_NOMEM;
		f->items = p;
		f->cap = cap;
	}
	if (finding_copy(&f->items[f->len], src) != 0) {
		finding_release(&f->items[f->len]);
		return PL_ERR_NOMEM;
	}
	f->len++;
	return PL_OK;
}

static int str_cmp_null(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct pl_finding *a = pa, *b = pb;
	int c = str_cmp_null(a->loc.file, b->loc.file);

	if (c)
		return c;
	if (a->loc.byte_start != b->loc.byte_start)
		return a->loc.byte_start < b->loc.byte_start ? -1 : 1;
	if ((c = str_cmp_null(a->loc.field, b->loc.field)) != 0)
		return c;
	if (a->loc.box_y != b->loc.box_y)
		return a->loc.box_y < b->loc.box_y ? -1 : 1;
	if (a->loc.box_x != b->loc.box_x)
		return a->loc.box_x < b->loc.box_x ? -1 : 1;
	return str_cmp_null(a->rule_id, b->rule_id);
}

void pl_findings_sort(struct pl_findings *f)
{
	if (f->len > 1)
		qsort(f->items, f->len, sizeof(*f->items), finding_cmp);
}

static int same_place(const struct pl_finding *a, const struct pl_finding *b)
{
	const struct pl_location *x = &a->loc, *y = &b->loc;

	return !strcmp(a->category, b->category) && !strcmp(x->file, y->file) &&
	       x->byte_start == y->byte_start && x->byte_end == y->byte_end &&
	       !x->field == !y->field && (!x->field || !strcmp(x->field, y->field)) &&
	       x->has_box == y->has_box && x->box_x == y->box_x && x->box_y == y->box_y &&
	       x->box_w == y->box_w && x->box_h == y->box_h && !a->nparts && !b->nparts &&
	       !a->evidence == !b->evidence && (!a->evidence || !strcmp(a->evidence, b->evidence));
}

/* Two caption findings of one category whose spans share a byte: "Sur cette photo, le visage du
 * conducteur" and "visage du conducteur est parfaitement reconnaissable" are one problem. Only
 * plain text spans: not metadata fields, boxes in an image or combinations (their parts). */
static int same_text(const struct pl_finding *a, const struct pl_finding *b)
{
	const struct pl_location *x = &a->loc, *y = &b->loc;

	return !strcmp(a->category, b->category) && !str_cmp_null(x->file, y->file) &&
	       !x->field && !y->field && !x->has_box && !y->has_box && !a->nparts && !b->nparts &&
	       x->byte_start < y->byte_end && y->byte_start < x->byte_end;
}

/* How far back, in findings kept, an overlapping one is looked for. */
#define DUP_LOOKBACK 16

/*
 * One finding per place and category: "06 12 34 56 78" is a Dutch and a French mobile number
 * shape, two face rules may read one sentence, and two findings for one problem only make the
 * report longer. Places are the same when they are equal, or for caption text when the spans
 * overlap. The one kept has the higher severity, then the lower rank (the rule that comes first
 * in the rule set).
 */
void findings_drop_duplicates(struct pl_findings *f, size_t (*rank)(const char *id, const void *ctx),
			      const void *ctx)
{
	size_t i, j, k = 0;
	int moved = 0;

	for (i = 0; i < f->len; i++) {
		struct pl_finding *cur = &f->items[i], *prev = NULL;

		for (j = k; j > 0 && k - j < DUP_LOOKBACK; j--) {
			struct pl_finding *p = &f->items[j - 1];

			if (str_cmp_null(p->loc.file, cur->loc.file))
				break;
			if (same_place(p, cur) || same_text(p, cur)) {
				prev = p;
				break;
			}
		}
		if (prev) {
			if (cur->severity > prev->severity ||
			    (cur->severity == prev->severity &&
			     rank(cur->rule_id, ctx) < rank(prev->rule_id, ctx))) {
				struct pl_finding t = *prev;

				moved = 1;
				*prev = *cur;
				*cur = t;
			}
			finding_release(cur);
			continue;
		}
		if (k != i)
			f->items[k] = *cur;
		k++;
	}
	f->len = k;
	if (moved) /* a kept finding took the place of another: the order may be off */
		pl_findings_sort(f);
}

enum pl_verdict pl_findings_verdict(const struct pl_findings *f)
{
	enum pl_verdict v = PL_VERDICT_OK;
	size_t i;

	for (i = 0; i < f->len; i++) {
		if (f->items[i].severity == PL_SEV_ERROR)
			return PL_VERDICT_BLOCK;
		if (f->items[i].severity == PL_SEV_WARNING)
			v = PL_VERDICT_REVIEW;
	}
	return v;
}

const char *pl_severity_name(enum pl_severity s)
{
	switch (s) {
	case PL_SEV_ERROR: return "error";
	case PL_SEV_WARNING: return "warning";
	default: return "info";
	}
}

const char *pl_verdict_name(enum pl_verdict v)
{
	switch (v) {
	case PL_VERDICT_BLOCK: return "BLOCK";
	case PL_VERDICT_REVIEW: return "REVIEW";
	default: return "OK";
	}
}

int pl_severity_parse(const char *s, enum pl_severity *out)
{
	if (!strcmp(s, "error"))
		*out = PL_SEV_ERROR;
	else if (!strcmp(s, "warning"))
		*out = PL_SEV_WARNING;
	else if (!strcmp(s, "info"))
		*out = PL_SEV_INFO;
	else
		return -1;
	return 0;
}
