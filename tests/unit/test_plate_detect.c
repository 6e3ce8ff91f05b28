/* SPDX-License-Identifier: Apache-2.0 */
/* Plate candidates: a table of generated plates (NL, BE, FR, DE; sizes, angles, perspective,
 * lighting, blur) on synthetic street backgrounds, each to be found with IoU >= 0.5 and a score
 * of at least PLATE_LIKELY; plate-free scenes (signs, dark text on white without the band) with
 * no candidate that high; then plate readings through the validators. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "plate_detect.h"
#include "plate_text.h"
#include "text_regions.h"

#include "../tools/plate_render.h"

#include "banned.h"

struct plate_case {
	enum pr_country country;
	const char *text;
	float width;     /* pixels */
	float angle_deg;
	float persp;
	float gain;
	int blur;
};

static const struct plate_case plates[] = {
	{ PR_NL, "52-HKS-7", 220, 0, 1.0f, 1.0f, 0 },
	{ PR_NL, "XB-12-ZK", 130, 4, 0.9f, 0.7f, 0 },
	{ PR_NL, "GR-29-RS", 320, -6, 0.85f, 1.0f, 1 },
	{ PR_BE, "1-ABC-234", 200, 0, 1.0f, 1.0f, 0 },
	{ PR_BE, "7-SMC-649", 150, -3, 0.95f, 0.6f, 0 },
	{ PR_FR, "AB-123-CD", 240, 2, 1.0f, 0.9f, 0 },
	{ PR_FR, "RK-713-BM", 140, 0, 0.9f, 1.1f, 1 },
	{ PR_DE, "B AB 1234", 230, 0, 1.0f, 1.0f, 0 },
	{ PR_DE, "KA IZ 3718", 170, -4, 0.92f, 0.8f, 0 },
};

static int paste(struct image *img, const struct pr_canvas *cv, float w, float angle, float persp,
		 float gain, struct image_box *box)
{
	struct pr_place pl;

	pr_quad(&pl, img->w * 0.55f, img->h * 0.65f, w, w * (float)cv->h / (float)cv->w,
		angle * 0.01745f, persp);
	pl.gain = gain;
	pl.shade = 0.1f;
	return pr_paste(img, cv, &pl, box);
}

/* Finds the candidates of img; returns the best IoU with box and its score. */
static void best_match(const struct image *img, struct image_box box, float *iou, float *score,
		       float *top, const char *name)
{
	struct text_regions tr;
	struct plate_candidate *pc = NULL;
	struct pl_diag d;
	size_t n = 0;

	*iou = *score = *top = 0;
	pl_diag_init(&d);
	CHECK_INT(text_regions_find(img, 2, &tr, &d), PL_OK, name);
	CHECK_INT(plate_candidates(img, &tr, &pc, &n, &d), PL_OK, name);
	for (size_t i = 0; i < n; i++) {
		float v = tr_box_iou(pc[i].box, box);

		if (v > *iou)
			*iou = v, *score = pc[i].score;
		*top = pc[i].score > *top ? pc[i].score : *top;
		CHECK(i == 0 || pc[i].score <= pc[i - 1].score, "%s: candidates sorted by score", name);
		if (getenv("PDDBG"))
			fprintf(stderr, "%s: cand %.2f band %d%d ground %d n %d box %.0f %.0f %.0f %.0f iou %.2f\n", name, pc[i].score, pc[i].band_left, pc[i].band_right, pc[i].ground, pc[i].nchars, pc[i].box.x, pc[i].box.y, pc[i].box.w, pc[i].box.h, v);
	}
	free(pc);
	text_regions_release(&tr);
}

static void test_plates(struct pr_font *f)
{
	for (size_t i = 0; i < ARRAY_LEN(plates); i++) {
		const struct plate_case *c = &plates[i];
		struct pr_rng r = { 500 + i };
		struct pr_canvas cv = { 0, 0, NULL };
		struct image img;
		struct image_box box = { 0, 0, 1, 1 };
		float iou, score, top;
		char name[64];

		snprintf(name, sizeof(name), "%s %s %.0f px", pr_country_name[c->country], c->text,
			 c->width);
		CHECK(pr_background(&img, 1024, 768, &r) == 0, "%s: background", name);
		CHECK(pr_plate(&cv, f, c->country, c->text, 2.0f * c->width / 520.0f) == 0, "%s", name);
		CHECK(cv.px && paste(&img, &cv, c->width, c->angle_deg, c->persp, c->gain, &box) == 0,
		      "%s: paste", name);
		if (c->blur)
			pr_blur(&img, 1, c->blur);
		best_match(&img, box, &iou, &score, &top, name);
		CHECK(iou >= 0.5f, "%s: best IoU %.2f", name, iou);
		CHECK(score >= PLATE_LIKELY, "%s: score %.2f", name, score);
		free(cv.px);
		image_release(&img);
	}
}

/* Scenes with text but no plate: no candidate may reach PLATE_LIKELY. */
static void test_plate_free(struct pr_font *f)
{
	static const char *const signs[] = { "Kerkstraat", "RUE DE LA PAIX", "Stationsweg" };

	for (size_t i = 0; i < 6; i++) {
		struct pr_rng r = { 900 + i };
		struct pr_canvas cv = { 0, 0, NULL };
		struct image img;
		struct image_box box;
		float iou, score, top;
		char name[64];
		int rc = 0;

		snprintf(name, sizeof(name), "plate-free scene %zu", i);
		CHECK(pr_background(&img, 1024, 768, &r) == 0, "%s: background", name);
		if (i < 3) {
			rc = pr_sign(&cv, f, signs[i], 30, i == 1);
		} else if (i < 5) {
			/* Dark capitals on white in a plate's proportions, but no band: a shop sign. */
			static const unsigned char white[3] = { 240, 240, 236 }, ink[3] = { 20, 20, 20 };

			rc = pr_canvas_new(&cv, 400, 90, white);
			rc |= pr_text(&cv, f, i == 3 ? "AB-123-CD" : "BAKKERIJ", 200, 70, 50, 360, ink);
		} else {
			rc = pr_number(&cv, f, "148", 40);
		}
		CHECK(rc == 0, "%s: render", name);
		if (!rc)
			paste(&img, &cv, (float)cv.w * (i >= 3 && i < 5 ? 0.6f : 1.0f), 1, 1.0f, 0.9f, &box);
		best_match(&img, (struct image_box){ 0, 0, 1, 1 }, &iou, &score, &top, name);
		CHECK(top < PLATE_LIKELY, "%s: a candidate scored %.2f", name, top);
		free(cv.px);
		image_release(&img);
	}
}

static void test_arguments(void)
{
	struct text_regions tr = { NULL, 0, NULL, 0 };
	struct plate_candidate *pc = (struct plate_candidate *)&tr;
	struct image bad = { .channels = 3 };
	struct pl_diag d;
	size_t n = 5;

	pl_diag_init(&d);
	CHECK_INT(plate_candidates(&bad, &tr, &pc, &n, &d), PL_ERR_USAGE, "empty image");
	CHECK(pc == NULL && n == 0, "empty image: no candidates");
	CHECK_INT(plate_candidates(NULL, &tr, &pc, &n, &d), PL_ERR_USAGE, "no image");
}

/* Readings as OCR gives them: country, the plate as validated, or refused. */
static void test_plate_text(void)
{
	static const struct {
		const char *read, *country, *plate;
	} rows[] = {
		{ "GR 29 RS", "nl", "GR 29 RS" },
		{ "52-HKS-7", "nl", "52 HKS 7" },
		{ "52HKS7", "nl", "52HKS7" },
		{ "1 ABC 234", "be", "1 ABC 234" },
		{ "AB 123 CD", "fr", "AB 123 CD" },
		{ "B AB 1234", "de", "B AB 1234" },
		{ "  gr 29 rs\n", "nl", "GR 29 RS" },
		{ "GR 29 R5", "nl", "GR 29 RS" },    /* S read as 5 */
		{ "A8 123 CD", "fr", "AB 123 CD" },  /* B read as 8 */
		{ "I GR 29 RS", "nl", "GR 29 RS" },  /* a stray stroke before the plate */
		{ "GR 29 RS I", "nl", "GR 29 RS" },  /* and after */
		{ "AB 000 CD", NULL, "" },           /* SIV numbers start at 001 */
		{ "12345", NULL, "" },               /* Luxembourg's digits-only form is refused */
		{ "HYPERFIRE", NULL, "" },
		{ "A P4", NULL, "" },                /* too short to trust */
		{ "", NULL, "" },
		{ "RUE DE LA PAIX", NULL, "" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		char buf[PLATE_TEXT_MAX + 1];
		const char *out = buf, *c = plate_text_match(rows[i].read, buf, sizeof(buf));

		CHECK_STR(c ? c : "(none)", rows[i].country ? rows[i].country : "(none)", rows[i].read);
		CHECK_STR(out, rows[i].plate, rows[i].read);
	}
	CHECK(plate_text_match(NULL, NULL, 0) == NULL, "NULL reading");
}

int main(void)
{
	struct pr_font f;

	CHECK(pr_font_open(&f, NULL) == 0, "font %s (fonts-dejavu-extra)", PR_FONT_DEFAULT);
	if (f.face) {
		test_plates(&f);
		test_plate_free(&f);
	}
	pr_font_close(&f);
	test_arguments();
	test_plate_text();
	TEST_DONE();
}
