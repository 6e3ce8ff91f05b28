/* SPDX-License-Identifier: Apache-2.0 */
/* Text regions: a table of generated scenes (plates, street signs, house numbers on a synthetic
 * street background; sizes, angles, blur), each with the line that must be found; then images
 * with no text, degenerate arguments, grey input and the limits. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text_regions.h"

#include "../tools/plate_render.h"

#include "banned.h"

enum what { PLATE, SIGN, NUMBER };

struct scene_case {
	const char *name;
	enum what what;
	enum pr_country country; /* plates */
	const char *text;
	float size;              /* plate width, or capital height of a sign or number */
	float angle_deg;
	int blur;
	int min_chars;           /* blobs the line must hold */
};

static const struct scene_case cases[] = {
	{ "nl plate 200 px", PLATE, PR_NL, "52-HKS-7", 200, 0, 0, 5 },
	{ "be plate 150 px tilted", PLATE, PR_BE, "1-ABC-234", 150, 5, 0, 6 },
	{ "fr plate 260 px", PLATE, PR_FR, "AB-123-CD", 260, -3, 0, 6 },
	{ "de plate 120 px blurred", PLATE, PR_DE, "B AB 1234", 120, 2, 1, 5 },
	{ "nl plate 100 px", PLATE, PR_NL, "XB-12-ZK", 100, 0, 0, 5 },
	{ "street sign", SIGN, 0, "Kerkstraat", 30, 1, 0, 7 },
	{ "street sign large", SIGN, 0, "Molenweg", 70, -2, 0, 6 },
	{ "house number", NUMBER, 0, "148", 40, 0, 0, 3 },
};

/* Plants the case into img (a synthetic background) and returns the object's box. */
static int plant(struct image *img, struct pr_font *f, const struct scene_case *c,
		 struct image_box *box)
{
	struct pr_canvas cv = { 0, 0, NULL };
	struct pr_place pl;
	float w;
	int rc;

	if (c->what == PLATE)
		rc = pr_plate(&cv, f, c->country, c->text, 2.0f * c->size / 520.0f);
	else if (c->what == SIGN)
		rc = pr_sign(&cv, f, c->text, c->size, 0);
	else
		rc = pr_number(&cv, f, c->text, c->size);
	if (rc)
		return rc;
	w = c->what == PLATE ? c->size : (float)cv.w;
	pr_quad(&pl, img->w * 0.45f, img->h * 0.6f, w, w * (float)cv.h / (float)cv.w,
		c->angle_deg * 0.01745f, 1.0f);
	pl.gain = 0.9f;
	pl.shade = 0.1f;
	rc = pr_paste(img, &cv, &pl, box);
	free(cv.px);
	if (!rc && c->blur)
		rc = pr_blur(img, 1, c->blur);
	return rc;
}

/* Fraction of a inside b. */
static float inside(struct image_box a, struct image_box b)
{
	float x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
	float x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
	float y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;

	return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) / (a.w * a.h) : 0;
}

static void test_scenes(struct pr_font *f)
{
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const struct scene_case *c = &cases[i];
		struct pr_rng r = { 1000 + i };
		struct image img;
		struct image_box box = { 0, 0, 1, 1 };
		struct text_regions tr;
		struct pl_diag d;
		size_t best = (size_t)-1;

		pl_diag_init(&d);
		CHECK(pr_background(&img, 960, 720, &r) == 0, "%s: background", c->name);
		CHECK(plant(&img, f, c, &box) == 0, "%s: plant", c->name);
		CHECK_INT(text_regions_find(&img, 2, &tr, &d), PL_OK, c->name);
		/* The line of the object: inside its box, holding the most blobs. */
		for (size_t k = 0; k < tr.nlines; k++)
			if (inside(tr.lines[k].box, box) > 0.8f &&
			    (best == (size_t)-1 || tr.lines[k].n > tr.lines[best].n))
				best = k;
		for (size_t k = 0; getenv("TRDBG") && k < tr.nlines; k++) if (inside(tr.lines[k].box, box) > 0.3f) fprintf(stderr, "%s: line n=%zu score %.2f h %.1f box %.0f %.0f %.0f %.0f (obj %.0f %.0f %.0f %.0f)\n", c->name, tr.lines[k].n, tr.lines[k].score, tr.lines[k].char_h, tr.lines[k].box.x, tr.lines[k].box.y, tr.lines[k].box.w, tr.lines[k].box.h, box.x, box.y, box.w, box.h);
		CHECK(best != (size_t)-1, "%s: no line inside the planted box", c->name);
		if (best != (size_t)-1) {
			const struct tr_line *l = &tr.lines[best];

			CHECK(l->n >= (size_t)c->min_chars, "%s: %zu blobs, want >= %d", c->name, l->n,
			      c->min_chars);
			CHECK(l->box.w * l->box.h >= 0.2f * box.w * box.h, "%s: line box too small",
			      c->name);
			CHECK(l->score > 0.3f, "%s: score %.2f", c->name, l->score);
			CHECK(l->first + l->n <= tr.ncomps, "%s: blob range", c->name);
		}
		text_regions_release(&tr);
		image_release(&img);
	}
}

/* Images without text: flat grey, a smooth gradient, pure noise at low amplitude. */
static void test_no_text(void)
{
	static const struct {
		const char *name;
		int kind, w, h, channels;
	} rows[] = {
		{ "flat grey", 0, 640, 480, 3 },
		{ "gradient", 1, 800, 600, 3 },
		{ "faint noise", 2, 640, 480, 1 },
		{ "one pixel", 0, 1, 1, 3 },
		{ "one row", 1, 300, 1, 1 },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct image img = { .w = rows[i].w, .h = rows[i].h, .channels = rows[i].channels };
		struct text_regions tr;
		struct pl_diag d;
		struct pr_rng r = { 7 };
		size_t n = (size_t)img.w * img.h * img.channels;

		img.px = malloc(n);
		for (size_t k = 0; img.px && k < n; k++)
			img.px[k] = (unsigned char)(rows[i].kind == 0 ? 128
						    : rows[i].kind == 1 ? (int)((k / img.channels) % img.w * 200 / img.w)
						    : 120 + pr_pick(&r, 8));
		pl_diag_init(&d);
		CHECK_INT(text_regions_find(&img, 2, &tr, &d), PL_OK, rows[i].name);
		CHECK_INT(tr.nlines, 0, rows[i].name);
		text_regions_release(&tr);
		free(img.px);
	}
}

static void test_arguments(void)
{
	struct image bad = { .w = 10, .h = 10, .channels = 4 };
	unsigned char px[300] = { 0 };
	struct text_regions tr;
	struct pl_diag d;
	struct image_box a = { 0, 0, 10, 10 }, b = { 5, 0, 10, 10 }, e = { 0, 0, 0, 5 };

	pl_diag_init(&d);
	CHECK_INT(text_regions_find(NULL, 2, &tr, &d), PL_ERR_USAGE, "no image");
	CHECK_INT(tr.nlines, 0, "no image: empty result");
	CHECK_INT(text_regions_find(&bad, 2, &tr, &d), PL_ERR_USAGE, "no pixels");
	bad.px = px;
	CHECK_INT(text_regions_find(&bad, 2, &tr, &d), PL_ERR_USAGE, "four channels");
	CHECK(tr_box_iou(a, b) > 0.33f && tr_box_iou(a, b) < 0.34f, "iou of half-overlapping boxes");
	CHECK(tr_box_iou(a, a) == 1.0f, "iou with itself");
	CHECK(tr_box_iou(a, e) == 0.0f, "iou with an empty box");
	text_regions_release(&tr);
	text_regions_release(NULL);
}

/* The grey copy: luma weights, and the shrink to a side with the coordinate factor. */
static void test_grey(void)
{
	unsigned char px[4 * 2 * 3] = { 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
					255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255 };
	struct image img = { .w = 4, .h = 2, .channels = 3, .px = px }, g;
	struct pl_diag d;
	float scale;

	pl_diag_init(&d);
	CHECK_INT(text_regions_grey(&img, 0, &g, &scale, &d), PL_OK, "grey");
	CHECK(g.px && g.px[0] == 77 && g.px[1] == 149 && g.px[2] == 29 && g.px[3] == 255,
	      "luma of red, green, blue, white");
	CHECK(scale == 1.0f, "no shrink: scale 1");
	image_release(&g);
	CHECK_INT(text_regions_grey(&img, 2, &g, &scale, &d), PL_OK, "grey shrunk");
	CHECK(g.w == 2 && g.h == 1 && scale == 2.0f, "shrunk to 2x1, scale 2 (got %dx%d, %.2f)", g.w,
	      g.h, scale);
	image_release(&g);
}

int main(void)
{
	struct pr_font f;

	CHECK(pr_font_open(&f, NULL) == 0, "font %s (fonts-dejavu-extra)", PR_FONT_DEFAULT);
	if (f.face)
		test_scenes(&f);
	pr_font_close(&f);
	test_no_text();
	test_arguments();
	test_grey();
	TEST_DONE();
}
