/* SPDX-License-Identifier: Apache-2.0 */
/* The text reader end to end: a generated arrest scene (an NL plate, a street sign, a house
 * number) read with Tesseract; the same found at half size and read from the full-size picture;
 * the reading modes sharing one handle (the plate alphabet on and off); a plate too small for
 * the image regions are found in, found by its band and read from the larger picture;
 * detection without reading; lazy loading (no Tesseract data is
 * touched while nothing needs reading); then readings turned into findings: a table of
 * hand-made readings through the test rule set, and the detector reports. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ocr.h"
#include "ocr_findings.h"
#include "postlint/rules.h"
#include "postlint/scan.h"

#include "../tools/plate_render.h"

#include "banned.h"

#define RULES "tests/rules/core.json"

struct planted {
	struct image_box plate, sign, number;
};

static int paste_at(struct image *img, const struct pr_canvas *cv, float cx, float cy, float w,
		    struct image_box *box)
{
	struct pr_place pl;

	pr_quad(&pl, cx, cy, w, w * (float)cv->h / (float)cv->w, 0.02f, 1.0f);
	pl.gain = 0.95f;
	pl.shade = 0.05f;
	return pr_paste(img, cv, &pl, box);
}

/* The scene: a 1200 x 900 synthetic street with the three objects apart. */
static int scene(struct pr_font *f, struct image *img, struct planted *p)
{
	struct pr_rng r = { 42 };
	struct pr_canvas a = { 0, 0, NULL }, b = { 0, 0, NULL }, c = { 0, 0, NULL };
	int rc = pr_background(img, 1200, 900, &r);

	rc |= pr_plate(&a, f, PR_NL, "XB-12-ZK", 2.0f * 260 / 520);
	rc |= pr_sign(&b, f, "Kerkstraat", 36, 0);
	rc |= pr_number(&c, f, "12a", 40);
	if (!rc)
		rc = paste_at(img, &a, 800, 700, 260, &p->plate) ||
		     paste_at(img, &b, 350, 200, (float)b.w, &p->sign) ||
		     paste_at(img, &c, 900, 250, (float)c.w, &p->number);
	free(a.px);
	free(b.px);
	free(c.px);
	return rc;
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; hay && *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static const struct ocr_text *find_kind(const struct ocr_result *r, enum ocr_kind k)
{
	for (size_t i = 0; i < r->ntexts; i++)
		if (r->texts[i].kind == k)
			return &r->texts[i];
	return NULL;
}

static void test_read_scene(const struct image *img, const struct planted *p)
{
	struct ocr_engine *e = NULL;
	struct ocr_result r;
	struct ocr_opts o;
	struct pl_diag d;
	const struct ocr_text *t;

	pl_diag_init(&d);
	ocr_opts_init(&o);
	CHECK_INT(ocr_engine_new(&e, NULL, NULL, &d), PL_OK, "engine");
	CHECK_INT(ocr_read_photo(e, img, NULL, &o, &r, &d), PL_OK, "read the scene");
	t = find_kind(&r, OCR_PLATE);
	CHECK(t && !strcmp(t->text, "XB 12 ZK") && !strcmp(t->country, "nl"),
	      "plate read: '%s' (%s)", t ? t->text : "(none)", t && t->country ? t->country : "-");
	CHECK(t && tr_box_iou(t->box, p->plate) >= 0.5f, "plate box IoU %.2f",
	      t ? tr_box_iou(t->box, p->plate) : 0.0f);
	CHECK(t && t->plate >= 0 && r.plate_text[t->plate] == (long)(t - r.texts),
	      "plate reading and candidate point at each other");
	t = find_kind(&r, OCR_SIGN);
	CHECK(t && contains_ci(t->text, "kerkstraat"), "sign read: '%s'", t ? t->text : "(none)");
	t = find_kind(&r, OCR_NUMBER);
	CHECK(t && !strcmp(t->text, "12a"), "house number read: '%s'", t ? t->text : "(none)");
	CHECK(r.reads >= 3 && r.reads <= OCR_DEFAULT_READS, "reads %zu", r.reads);
	ocr_result_release(&r);
	ocr_engine_free(&e);
	CHECK(e == NULL, "engine_free clears the pointer");
	ocr_engine_free(&e);
	ocr_engine_free(NULL);
}

/* A larger picture for reading: a copy of big, counted; or a status instead. */
struct big_source {
	const struct image *big;
	enum pl_status st;
	int calls;
};

static enum pl_status load_copy(void *ctx, struct image *out, struct pl_diag *d)
{
	struct big_source *b = ctx;
	size_t n = (size_t)b->big->w * b->big->h * b->big->channels;

	(void)d;
	b->calls++;
	image_init(out);
	if (b->st != PL_OK)
		return b->st;
	out->px = malloc(n);
	if (!out->px)
		return PL_ERR_NOMEM;
	memcpy(out->px, b->big->px, n);
	out->w = b->big->w;
	out->h = b->big->h;
	out->channels = b->big->channels;
	return PL_OK;
}

/* Regions found in the scene at half size, read from the full scene: the plate is read, its box
 * is in the half-size image's pixels, the larger picture is loaded once and only when a region
 * is read; a source that has nothing larger leaves reading to the small image; running out of
 * memory loading it fails the read. */
static void test_read_source(const struct image *img, const struct planted *p)
{
	struct ocr_engine *e = NULL;
	struct image small, flat;
	struct ocr_result r;
	struct ocr_opts o;
	struct pl_diag d;
	struct big_source b = { img, PL_OK, 0 };
	struct ocr_source src = { load_copy, &b };
	struct image_box half = { p->plate.x / 2, p->plate.y / 2, p->plate.w / 2, p->plate.h / 2 };
	const struct ocr_text *t;

	pl_diag_init(&d);
	ocr_opts_init(&o);
	image_init(&flat);
	CHECK_INT(image_resize_area(img, img->w / 2, img->h / 2, &small, &d), PL_OK, "half size");
	CHECK_INT(ocr_engine_new(&e, NULL, NULL, &d), PL_OK, "engine");
	CHECK_INT(ocr_read_photo(e, &small, &src, &o, &r, &d), PL_OK, "read through a source");
	t = find_kind(&r, OCR_PLATE);
	CHECK(t && !strcmp(t->text, "XB 12 ZK"), "plate read from the larger picture: '%s'",
	      t ? t->text : "(none)");
	CHECK(t && tr_box_iou(t->box, half) >= 0.5f, "plate box in the small image's pixels: IoU %.2f",
	      t ? tr_box_iou(t->box, half) : 0.0f);
	CHECK_INT(b.calls, 1, "the larger picture is loaded once");
	ocr_result_release(&r);

	flat = (struct image){ .w = 64, .h = 64, .channels = 3, .px = calloc(64 * 64 * 3, 1) };
	b.calls = 0;
	CHECK_INT(ocr_read_photo(e, &flat, &src, &o, &r, &d), PL_OK, "flat image, a source");
	CHECK_INT(b.calls, 0, "nothing to read: the larger picture is never loaded");
	ocr_result_release(&r);

	b.st = PL_ERR_INPUT;
	CHECK_INT(ocr_read_photo(e, &small, &src, &o, &r, &d), PL_OK, "a source with nothing larger");
	CHECK(b.calls == 1 && r.reads > 0, "read from the small image instead (%zu reads)", r.reads);
	ocr_result_release(&r);

	b.st = PL_ERR_NOMEM;
	CHECK_INT(ocr_read_photo(e, &small, &src, &o, &r, &d), PL_ERR_NOMEM, "no memory for it");
	CHECK(r.ntexts == 0 && r.plates == NULL, "failure leaves the result empty");
	image_release(&flat);
	image_release(&small);
	ocr_engine_free(&e);
}

/*
 * A plate too small for the image regions are found in (its characters 7 px there): found by
 * its EU band and read from the larger picture, with or without reading on; without a larger
 * picture it stays unfound.
 */
static void test_small_plate(struct pr_font *f)
{
	struct pr_rng rng = { 11 };
	struct pr_canvas cv = { 0, 0, NULL };
	struct image big, small;
	struct image_box box = { 0, 0, 0, 0 }, sbox;
	struct ocr_engine *e = NULL;
	struct ocr_result r;
	struct ocr_opts o;
	struct pl_diag d;
	struct big_source b = { &big, PL_OK, 0 };
	struct ocr_source src = { load_copy, &b };
	const struct ocr_text *t;
	int found = 0;

	image_init(&small);
	pl_diag_init(&d);
	ocr_opts_init(&o);
	if (pr_background(&big, 1600, 1200, &rng) != 0 ||
	    pr_plate(&cv, f, PR_NL, "XB-12-ZK", 2.0f * 140 / 520) != 0 ||
	    paste_at(&big, &cv, 700, 800, 140, &box) != 0 ||
	    image_resize_area(&big, 600, 450, &small, &d) != PL_OK) {
		CHECK(0, "small plate: picture");
		goto out;
	}
	sbox = (struct image_box){ box.x * 0.375f, box.y * 0.375f, box.w * 0.375f, box.h * 0.375f };
	CHECK_INT(ocr_engine_new(&e, NULL, NULL, &d), PL_OK, "engine");
	CHECK_INT(ocr_read_photo(e, &small, &src, &o, &r, &d), PL_OK, "small plate, a source");
	t = find_kind(&r, OCR_PLATE);
	CHECK(t && !strcmp(t->text, "XB 12 ZK") && tr_box_iou(t->box, sbox) >= 0.5f,
	      "small plate read: '%s'", t ? t->text : "(none)");
	CHECK_INT(b.calls, 1, "the larger picture is loaded once");
	ocr_result_release(&r);
	o.read = 0;
	CHECK_INT(ocr_read_photo(NULL, &small, &src, &o, &r, &d), PL_OK, "small plate, no reading");
	for (size_t i = 0; i < r.nplates; i++)
		found += tr_box_iou(r.plates[i].box, sbox) >= 0.5f && r.plates[i].score >= PLATE_LIKELY;
	CHECK(found == 1 && r.reads == 0, "small plate: a likely candidate unread (%d)", found);
	ocr_result_release(&r);
	found = 0;
	CHECK_INT(ocr_read_photo(NULL, &small, NULL, &o, &r, &d), PL_OK, "small plate, no source");
	for (size_t i = 0; i < r.nplates; i++)
		found += tr_box_iou(r.plates[i].box, sbox) >= 0.5f && r.plates[i].score >= PLATE_LIKELY;
	CHECK(found == 0, "small plate: not found in the small image alone");
	ocr_result_release(&r);
out:
	free(cv.px);
	image_release(&big);
	image_release(&small);
	ocr_engine_free(&e);
}

/* Detection only: no engine needed, candidates but no readings. Lazy loading: an engine with a
 * data path that does not exist is fine until something must be read. */
static void test_no_read(const struct image *img)
{
	struct ocr_engine *e = NULL;
	struct ocr_result r;
	struct ocr_opts o;
	struct pl_diag d;
	struct image flat = { .w = 64, .h = 64, .channels = 3 };

	pl_diag_init(&d);
	ocr_opts_init(&o);
	o.read = 0;
	CHECK_INT(ocr_read_photo(NULL, img, NULL, &o, &r, &d), PL_OK, "no-read");
	CHECK(r.nplates >= 1 && r.plates[0].score >= PLATE_LIKELY, "no-read: the plate is a candidate");
	CHECK(r.ntexts == 0 && r.reads == 0, "no-read: nothing read");
	ocr_result_release(&r);
	o.read = 1;
	CHECK_INT(ocr_read_photo(NULL, img, NULL, &o, &r, &d), PL_ERR_USAGE,
		  "reading without an engine");
	CHECK_INT(ocr_engine_new(&e, "/nonexistent/tessdata", NULL, &d), PL_OK, "engine, bad path");
	flat.px = calloc(64 * 64 * 3, 1);
	CHECK_INT(ocr_read_photo(e, &flat, NULL, &o, &r, &d), PL_OK, "nothing to read: nothing loaded");
	ocr_result_release(&r);
	CHECK_INT(ocr_read_photo(e, img, NULL, &o, &r, &d), PL_ERR_IO, "something to read: load fails");
	CHECK(strstr(d.message, "/nonexistent/tessdata") != NULL, "the message names the path: %s",
	      d.message);
	CHECK(r.ntexts == 0 && r.plates == NULL, "failure leaves the result empty");
	free(flat.px);
	ocr_engine_free(&e);
}

/* Hand-made readings through the test rules: which rule reports, where, with what evidence. */
static void test_text_findings(struct pl_scanner *sc)
{
	struct ocr_text texts[] = {
		{ { 100, 50, 300, 60 }, (char *)(uintptr_t) "Kerkstraat", 0.9f, OCR_SIGN, NULL, -1 },
		{ { 500, 60, 80, 70 }, (char *)(uintptr_t) "12a", 0.8f, OCR_NUMBER, NULL, -1 },
		{ { 10, 700, 200, 50 }, (char *)(uintptr_t) "XB 12 ZK", 0.95f, OCR_PLATE, "nl", 0 },
		{ { 10, 10, 50, 20 }, (char *)(uintptr_t) "HYPERFIRE", 0.9f, OCR_TEXT, NULL, -1 },
	};
	struct ocr_result r = { texts, ARRAY_LEN(texts), NULL, 0, NULL, 0, 0 };
	static const char *const langs[] = { "nl", NULL };
	struct pl_findings out;
	struct pl_diag d;
	int plate = 0, address = 0;

	pl_diag_init(&d);
	pl_findings_init(&out);
	CHECK_INT(pixels_text_findings(sc, "post/photo.jpg", "nl", PL_ACCOUNT_UNSET, langs, &r, 0,
				       &out, &d), PL_OK, "text findings");
	for (size_t i = 0; i < out.len; i++) {
		const struct pl_finding *f = &out.items[i];

		CHECK_STR(f->loc.file, "post/photo.jpg", f->rule_id);
		CHECK(f->loc.has_box && f->loc.line == 0, "%s: a box, no line", f->rule_id);
		if (!strcmp(f->rule_id, "plate.nl")) {
			plate++;
			CHECK_STR(f->evidence, "XB 12 ZK", "plate evidence");
			CHECK(f->loc.box_x == 10 && f->loc.box_y == 700 && f->loc.box_w == 200,
			      "plate box");
			CHECK(f->confidence > 0.94 && f->confidence < 0.96, "plate confidence");
		} else if (!strcmp(f->rule_id, "address.street")) {
			address++;
			CHECK_STR(f->evidence, "Kerkstraat 12a", "address evidence");
			CHECK(f->loc.box_x == 100 && f->loc.box_y == 50 && f->loc.box_w == 480 &&
			      f->loc.box_h == 80, "address box is the union (%d %d %d %d)",
			      f->loc.box_x, f->loc.box_y, f->loc.box_w, f->loc.box_h);
			CHECK_STR(f->message, "street address with house number", "address message");
		}
	}
	CHECK_INT(plate, 1, "one plate finding");
	CHECK_INT(address, 1, "one address finding (the pair)");
	pl_findings_release(&out);
	CHECK_INT(pixels_text_findings(sc, "p.jpg", "nl", PL_ACCOUNT_UNSET, langs, &r, 1, &out, &d),
		  PL_OK, "text findings, plates skipped");
	for (size_t i = 0; i < out.len; i++)
		CHECK(strcmp(out.items[i].rule_id, "plate.nl") != 0, "plate skipped");
	pl_findings_release(&out);
}

static void test_detector_findings(void)
{
	struct ocr_text texts[] = {
		{ { 10, 700, 200, 50 }, (char *)(uintptr_t) "XB 12 ZK", 0.95f, OCR_PLATE, "nl", 0 },
		{ { 500, 60, 80, 70 }, (char *)(uintptr_t) "12a", 0.5f, OCR_NUMBER, NULL, -1 },
	};
	struct plate_candidate plates[3];
	long plate_text[3] = { 0, -1, -1 };
	struct ocr_result r = { texts, 2, plates, 3, plate_text, 0, 0 };
	static const struct {
		enum pixels_what what;
		float min;
		size_t want;
	} rows[] = {
		{ PIXELS_PLATE, 0.5f, 1 },           { PIXELS_PLATE, 0.99f, 0 },
		{ PIXELS_PLATE_POSSIBLE, 0.6f, 1 },  { PIXELS_PLATE_POSSIBLE, 0.2f, 2 },
		{ PIXELS_HOUSE_NUMBER, 0.4f, 1 },    { PIXELS_HOUSE_NUMBER, 0.6f, 0 },
	};

	memset(plates, 0, sizeof(plates));
	plates[0].score = 0.9f;
	plates[1].score = 0.7f;
	plates[1].box = (struct image_box){ 1, 2, 3, 4 };
	plates[2].score = 0.3f;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct pixels_rule rule = { "pixels.test", "plate", "msg", "fix", NULL, PL_SEV_WARNING,
					    rows[i].min };
		struct pl_findings out;

		pl_findings_init(&out);
		CHECK_INT(pixels_detector_findings(&r, rows[i].what, "a.jpg", &rule, &out), PL_OK, "detector");
		CHECK(out.len == rows[i].want, "row %zu: %zu findings, want %zu", i, out.len, rows[i].want);
		if (out.len && rows[i].what == PIXELS_PLATE_POSSIBLE)
			CHECK(out.items[0].loc.box_x == 1 && out.items[0].evidence == NULL,
			      "possible plate: its box, no evidence");
		if (out.len && rows[i].what == PIXELS_PLATE)
			CHECK_STR(out.items[0].evidence, "XB 12 ZK", "plate evidence");
		pl_findings_release(&out);
	}
}

/* A grey crop of black text on white, as ocr_crop makes them (about OCR_CHAR_PX tall). */
static int text_crop(struct pr_font *f, const char *text, struct image *out)
{
	struct pr_canvas c = { 0, 0, NULL };
	float cap = 0.72f * OCR_CHAR_PX; /* capitals; ascenders reach OCR_CHAR_PX */
	int w = (int)pr_text_width(f, text, (int)lroundf(cap / PR_CAP_EM)) + 2 * OCR_CHAR_PX;

	image_init(out);
	if (pr_canvas_new(&c, w, 2 * OCR_CHAR_PX, pr_white) ||
	    pr_text(&c, f, text, w / 2.0f, 1.4f * OCR_CHAR_PX, cap, 0, pr_black)) {
		free(c.px);
		return -1;
	}
	out->px = malloc((size_t)c.w * c.h);
	if (!out->px) {
		free(c.px);
		return -1;
	}
	out->w = c.w;
	out->h = c.h;
	out->channels = 1;
	for (size_t i = 0; i < (size_t)c.w * c.h; i++)
		out->px[i] = c.px[3 * i + 1];
	free(c.px);
	return 0;
}

/* The modes share the plate handle: the plate alphabet is lifted for a quick read and back for
 * the next plate, whatever the order. A row per read on one engine. */
static void test_modes(struct pr_font *f)
{
	static const struct {
		enum ocr_mode mode;
		const char *want; /* the reading, or NULL: anything but the word as written */
	} rows[] = {
		{ OCR_MODE_PLATE, NULL },
		{ OCR_MODE_QUICK, "Kerkstraat" },
		{ OCR_MODE_QUICK, "Kerkstraat" },
		{ OCR_MODE_PLATE, NULL },
		{ OCR_MODE_LINE, "Kerkstraat" },
		{ OCR_MODE_QUICK, "Kerkstraat" },
	};
	struct ocr_engine *e = NULL;
	struct image crop;
	struct pl_diag d;

	pl_diag_init(&d);
	CHECK_INT(ocr_engine_new(&e, NULL, NULL, &d), PL_OK, "engine");
	CHECK(text_crop(f, "Kerkstraat", &crop) == 0, "crop rendered");
	for (size_t i = 0; e && crop.px && i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *text = NULL;
		float conf = 0;

		CHECK_INT(ocr_engine_read(e, rows[i].mode, 0, &crop, &text, &conf, &d), PL_OK,
			  "read");
		if (rows[i].want) {
			CHECK(text && !strcmp(text, rows[i].want) && conf >= 0.8f,
			      "row %zu: '%s' %.2f", i, text ? text : "(none)", conf);
		} else {
			/* the plate alphabet: capitals and digits, so no lower-case letter */
			int lower = 0;

			for (const char *s = text ? text : ""; *s; s++)
				lower |= islower((unsigned char)*s);
			CHECK(text && !lower, "row %zu: plate alphabet: '%s'", i, text ? text : "(none)");
		}
		free(text);
	}
	image_release(&crop);
	ocr_engine_free(&e);
}

int main(void)
{
	struct pr_font f;
	struct image img;
	struct planted p;
	struct pl_ruleset *rs = NULL;
	struct pl_scanner *sc = NULL;
	struct pl_diag d;

	image_init(&img);
	pl_diag_init(&d);
	CHECK(pr_font_open(&f, NULL) == 0, "font %s (fonts-dejavu-extra)", PR_FONT_DEFAULT);
	if (f.face && scene(&f, &img, &p) == 0) {
		test_read_scene(&img, &p);
		test_read_source(&img, &p);
		test_no_read(&img);
		test_modes(&f);
		test_small_plate(&f);
	}
	pr_font_close(&f);
	image_release(&img);
	CHECK_INT(pl_ruleset_load(&rs, RULES, NULL, &d), PL_OK, RULES);
	if (rs && pl_scanner_new(&sc, rs) == PL_OK)
		test_text_findings(sc);
	pl_scanner_free(&sc);
	pl_ruleset_free(&rs);
	test_detector_findings();
	TEST_DONE();
}
