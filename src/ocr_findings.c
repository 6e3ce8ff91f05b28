/* SPDX-License-Identifier: Apache-2.0 */
/* Findings from readings: text rules run on what was read (the caption scanner, fed the
 * reading instead of a caption), relocated to the photo and the box where it was read; and the
 * detectors' own reports. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ocr_findings.h"
#include "scan_impl.h"

#include "banned.h"

static void set_box(struct pl_location *loc, const char *path, struct image_box b)
{
	memset(loc, 0, sizeof(*loc));
	loc->file = (char *)(uintptr_t)path;
	loc->has_box = 1;
	loc->box_x = (int)lroundf(b.x);
	loc->box_y = (int)lroundf(b.y);
	loc->box_w = (int)lroundf(b.w);
	loc->box_h = (int)lroundf(b.h);
}

static enum pl_status report(const struct pixels_rule *rule, const char *path,
			     struct image_box box, const char *evidence, float confidence,
			     struct pl_findings *out)
{
	struct pl_finding f;

	memset(&f, 0, sizeof(f));
	f.rule_id = (char *)(uintptr_t)rule->id;
	f.category = (char *)(uintptr_t)rule->category;
	f.severity = rule->severity;
	f.message = (char *)(uintptr_t)rule->message;
	f.fix = (char *)(uintptr_t)rule->fix;
	f.protocol = (char *)(uintptr_t)rule->protocol;
	f.evidence = (char *)(uintptr_t)evidence;
	f.confidence = confidence;
	set_box(&f.loc, path, box);
	return pl_findings_add(out, &f);
}

enum pl_status pixels_detector_findings(const struct ocr_result *res, enum pixels_what what,
					const char *path, const struct pixels_rule *rule,
					struct pl_findings *out)
{
	enum pl_status st = PL_OK;

	if (what == PIXELS_PLATE_POSSIBLE) {
		for (size_t i = 0; i < res->nplates && st == PL_OK; i++)
			if (res->plate_text[i] < 0 && res->plates[i].score >= rule->min_confidence)
				st = report(rule, path, res->plates[i].box, NULL, res->plates[i].score, out);
		return st;
	}
	for (size_t i = 0; i < res->ntexts && st == PL_OK; i++) {
		const struct ocr_text *t = &res->texts[i];

		if (t->kind == (what == PIXELS_PLATE ? OCR_PLATE : OCR_NUMBER) &&
		    t->confidence >= rule->min_confidence)
			st = report(rule, path, t->box, t->text, t->confidence, out);
	}
	return st;
}

/* The union of two boxes. */
static struct image_box box_union(struct image_box a, struct image_box b)
{
	float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
	float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);

	return (struct image_box){ x0, y0, x1 - x0, y1 - y0 };
}

/*
 * Appends f relocated to the photo: path, box, evidence text, confidence; line, column and
 * byte offsets cleared (they were offsets in the reading). Parts are relocated likewise.
 */
static enum pl_status relocate(const struct pl_finding *f, const char *path, struct image_box box,
			       const char *text, float confidence, struct pl_findings *out)
{
	struct pl_finding g = *f;
	struct pl_finding_part *parts = NULL;
	enum pl_status st;

	if (f->nparts) {
		parts = malloc(f->nparts * sizeof(*parts));
		if (!parts)
			return PL_ERR_NOMEM;
		for (size_t i = 0; i < f->nparts; i++) {
			parts[i] = f->parts[i];
			set_box(&parts[i].loc, path, box);
		}
	}
	g.parts = parts;
	set_box(&g.loc, path, box);
	/* what the rule matched in the reading ("Julianalaan 148" of "| Julianalaan 148"), else
	 * the whole reading */
	g.evidence = (char *)(uintptr_t)(f->evidence && *f->evidence ? f->evidence : text);
	g.confidence = confidence;
	st = pl_findings_add(out, &g);
	free(parts);
	return st;
}

/*
 * Scans text with the rule set and appends its findings relocated to box. With split > 0 the
 * text is a street name (bytes [0, split)) and a house number after it: only findings whose span
 * reaches into both halves are kept.
 */
static enum pl_status scan_reading(struct pl_scanner *sc, const char *path, const char *lang,
				   enum pl_account account, const char *const *langs,
				   const char *text, size_t split, struct image_box box, float conf,
				   struct pl_findings *out, struct pl_diag *d)
{
	struct pl_findings tmp;
	enum pl_status st;

	pl_findings_init(&tmp);
	st = scan_prepare(sc, text, strlen(text));
	if (st == PL_OK)
		st = scan_caption(sc, path, lang, account, langs, -1, &tmp, d);
	for (size_t i = 0; i < tmp.len && st == PL_OK; i++) {
		const struct pl_finding *f = &tmp.items[i];

		if (split && (f->loc.byte_start >= split || f->loc.byte_end <= split))
			continue;
		st = relocate(f, path, box, text, conf, out);
	}
	pl_findings_release(&tmp);
	return st;
}

enum pl_status pixels_text_findings(struct pl_scanner *sc, const char *path, const char *lang,
				    enum pl_account account, const char *const *langs,
				    const struct ocr_result *res, int skip_plates,
				    struct pl_findings *out, struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	size_t pairs = 0;

	for (size_t i = 0; i < res->ntexts && st == PL_OK; i++) {
		const struct ocr_text *t = &res->texts[i];

		if (!(skip_plates && t->kind == OCR_PLATE))
			st = scan_reading(sc, path, lang, account, langs, t->text, 0, t->box,
					  t->confidence, out, d);
	}
	for (size_t i = 0; i < res->ntexts && st == PL_OK; i++) {
		const struct ocr_text *s = &res->texts[i];

		for (size_t j = 0; s->kind == OCR_SIGN && j < res->ntexts && st == PL_OK &&
				   pairs < PIXELS_MAX_PAIRS; j++) {
			const struct ocr_text *n = &res->texts[j];
			char both[2 * OCR_MAX_TEXT + 2];

			if (n->kind != OCR_NUMBER)
				continue;
			snprintf(both, sizeof(both), "%s %s", s->text, n->text);
			st = scan_reading(sc, path, lang, account, langs, both, strlen(s->text) + 1,
					  box_union(s->box, n->box), fminf(s->confidence, n->confidence),
					  out, d);
			pairs++;
		}
	}
	return st;
}
