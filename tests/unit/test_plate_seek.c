/* SPDX-License-Identifier: Apache-2.0 */
/* Small plates: a table of plates (NL, BE, FR, DE) pasted 135 to 145 px wide into a 1600 px
 * picture, whose characters are under 8 px in its 600 px reduction; each band is to be found in
 * the reduction, the row beside it in the larger picture, and the two together to make a plate
 * candidate there and nowhere else. Then things that are not a band: blue shapes without a
 * plate beside them, a large blue area, a grey picture, a picture of more blue runs than are
 * looked at; and bad arguments. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "image.h"
#include "plate_detect.h"
#include "plate_seek.h"
#include "text_regions.h"

#include "../tools/plate_render.h"

#include "banned.h"

#define BIG_W 1600
#define BIG_H 1200
#define SMALL_W 600 /* the reduction: 8/3 of its pixels per pixel of it */
#define SMALL_H 450

struct plate_case {
	enum pr_country country;
	const char *text;
	float width;     /* pixels, in the larger picture */
	float angle_deg;
	float persp;
};

static const struct plate_case plates[] = {
	{ PR_NL, "52-HKS-7", 135, 0, 1.0f },
	{ PR_BE, "1-ABC-234", 140, 3, 0.95f },
	{ PR_FR, "AB-123-CD", 145, -4, 1.0f },
	{ PR_DE, "B AB 1234", 140, 0, 0.92f },
	{ PR_NL, "XB-12-ZK", 135, -6, 1.0f },
};

/* Fills big with a background and the plate of c (its box in *box), and small with big
 * reduced. */
static int picture(struct pr_font *f, const struct plate_case *c, struct image *big,
		   struct image *small, struct image_box *box)
{
	struct pr_rng r = { 7 };
	struct pr_canvas cv = { 0, 0, NULL };
	struct pr_place pl;
	struct pl_diag d;
	int rc = pr_background(big, BIG_W, BIG_H, &r);

	pl_diag_init(&d);
	rc |= pr_plate(&cv, f, c->country, c->text, 2.0f * c->width / 520);
	if (!rc) {
		pr_quad(&pl, BIG_W * 0.4f, BIG_H * 0.6f, c->width, c->width * (float)cv.h / (float)cv.w,
			c->angle_deg * 0.01745f, c->persp);
		pl.gain = 1.0f;
		pl.shade = 0.05f;
		rc = pr_paste(big, &cv, &pl, box);
	}
	free(cv.px);
	return rc || image_resize_area(big, SMALL_W, SMALL_H, small, &d) != PL_OK;
}

static void test_plates(struct pr_font *f)
{
	const float sx = (float)BIG_W / SMALL_W, sy = (float)BIG_H / SMALL_H;

	for (size_t i = 0; i < sizeof(plates) / sizeof(plates[0]); i++) {
		const struct plate_case *c = &plates[i];
		struct image big, small;
		struct image_box box, small_box, bands[PS_MAX_BANDS];
		struct text_regions tr, fine;
		struct plate_candidate *pc = NULL;
		struct pl_diag d;
		size_t nb = 0, np = 0, found = 0;
		float best = 0;

		image_init(&big);
		image_init(&small);
		text_regions_init(&tr);
		text_regions_init(&fine);
		pl_diag_init(&d);
		if (picture(f, c, &big, &small, &box) != 0) {
			CHECK(0, "%s: picture", c->text);
			continue;
		}
		small_box = (struct image_box){ box.x / sx, box.y / sy, box.w / sx, box.h / sy };
		/* the premise: the working image alone does not find this plate */
		CHECK_INT(text_regions_find(&small, 2, &tr, &d), PL_OK, c->text);
		CHECK_INT(plate_candidates(&small, &tr, &pc, &np, &d), PL_OK, c->text);
		for (size_t k = 0; k < np; k++)
			if (tr_box_iou(pc[k].box, small_box) >= 0.5f && pc[k].score >= PLATE_LIKELY)
				found++;
		CHECK(found == 0, "%s: found in the reduction alone (the case tests nothing)", c->text);
		free(pc);
		pc = NULL;
		CHECK_INT(plate_seek_bands(&small, bands, &nb, &d), PL_OK, c->text);
		found = 0;
		for (size_t k = 0; k < nb; k++)
			found += bands[k].x >= small_box.x - 2 && bands[k].x < small_box.x + 0.25f * small_box.w &&
				 bands[k].y + bands[k].h / 2 > small_box.y &&
				 bands[k].y + bands[k].h / 2 < small_box.y + small_box.h;
		CHECK(found == 1, "%s: the band found once among %zu", c->text, nb);
		CHECK_INT(plate_seek_lines(&big, sx, sy, bands, nb, &fine, &d), PL_OK, c->text);
		CHECK_INT(plate_seek_candidates(&small, &big, sx, sy, bands, nb, &pc, &np, &d), PL_OK,
			  c->text);
		for (size_t k = 0; k < np; k++)
			if (tr_box_iou(pc[k].box, small_box) >= 0.5f && pc[k].score > best)
				best = pc[k].score;
		CHECK(best >= PLATE_LIKELY, "%s: candidate from the larger picture scored %.2f", c->text,
		      best);
		for (size_t k = 0; k < np; k++)
			CHECK(tr_box_iou(pc[k].box, small_box) > 0.1f, "%s: a candidate away from the plate",
			      c->text);
		for (size_t k = 0; k < fine.nlines; k++)
			CHECK(k == 0 || fine.lines[k].score <= fine.lines[k - 1].score,
			      "%s: lines sorted by score", c->text);
		free(pc);
		text_regions_release(&tr);
		text_regions_release(&fine);
		image_release(&big);
		image_release(&small);
	}
}

/* Shapes that are not a plate's band, each drawn on a plain grey-green picture. */
static void test_not_bands(void)
{
	static const unsigned char blue[3] = { 0, 51, 153 }, wall[3] = { 120, 130, 110 };
	static const struct {
		const char *name;
		float bx, by, bw, bh;   /* a blue rectangle */
		float wx, wy, ww, wh;   /* a white one (none when ww is 0) */
		int ink;                /* dark strokes on the white one */
	} rows[] = {
		{ "a band alone", 100, 100, 5, 12, 0, 0, 0, 0, 0 },
		{ "a band by a white area without ink", 100, 100, 5, 12, 105, 100, 50, 12, 0 },
		{ "a blue square", 100, 100, 40, 40, 140, 100, 50, 40, 1 },
		{ "a band too small", 100, 100, 2, 5, 102, 100, 22, 5, 1 },
		{ "a blue bar as wide as tall", 100, 100, 12, 12, 112, 100, 50, 12, 1 },
	};
	struct image_box bands[PS_MAX_BANDS];
	struct pl_diag d;

	pl_diag_init(&d);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct pr_canvas c = { 0, 0, NULL };
		struct image img;
		size_t n = 99;

		if (pr_canvas_new(&c, 320, 240, wall) != 0) {
			CHECK(0, "%s: canvas", rows[i].name);
			continue;
		}
		pr_rect(&c, rows[i].bx, rows[i].by, rows[i].bx + rows[i].bw, rows[i].by + rows[i].bh, 0, blue);
		if (rows[i].ww > 0)
			pr_rect(&c, rows[i].wx, rows[i].wy, rows[i].wx + rows[i].ww, rows[i].wy + rows[i].wh, 0,
				pr_white);
		for (int k = 0; rows[i].ink && k < 6; k++) {
			float x = rows[i].wx + 2 + (float)k * rows[i].ww / 6;

			pr_rect(&c, x, rows[i].wy + 0.2f * rows[i].wh, x + 0.08f * rows[i].wh + 1,
				rows[i].wy + 0.8f * rows[i].wh, 0, pr_black);
		}
		img = (struct image){ .w = c.w, .h = c.h, .channels = 3, .px = c.px };
		CHECK_INT(plate_seek_bands(&img, bands, &n, &d), PL_OK, rows[i].name);
		CHECK(n == 0, "%s: %zu bands", rows[i].name, n);
		free(c.px);
	}
}

static void test_args(void)
{
	unsigned char px[16 * 16] = { 0 };
	struct image grey = { .w = 16, .h = 16, .channels = 1, .px = px }, none;
	struct image_box bands[PS_MAX_BANDS] = { { 1, 1, 5, 12 } };
	struct text_regions tr;
	struct pl_diag d;
	size_t n = 99;

	pl_diag_init(&d);
	image_init(&none);
	CHECK_INT(plate_seek_bands(&grey, bands, &n, &d), PL_OK, "grey picture");
	CHECK(n == 0, "grey: no colour, no band (%zu)", n);
	CHECK_INT(plate_seek_bands(&none, bands, &n, &d), PL_ERR_USAGE, "no picture");
	CHECK_INT(plate_seek_lines(&grey, 0, 1, bands, 1, &tr, &d), PL_ERR_USAGE, "no scale");
	CHECK_INT(plate_seek_lines(&none, 2, 2, bands, 1, &tr, &d), PL_ERR_USAGE, "no picture");
	CHECK_INT(plate_seek_lines(&grey, 2, 2, bands, 1, &tr, &d), PL_OK, "a band over a blank picture");
	CHECK(tr.nlines == 0, "nothing found in a blank picture");
	text_regions_release(&tr);
	/* every other pixel blue: more runs than PS_MAX_RUNS, looked at up to the bound */
	{
		struct image stripes = { .w = 1536, .h = 1152, .channels = 3 };

		stripes.px = calloc((size_t)stripes.w * stripes.h, 3);
		for (size_t i = 0; stripes.px && i < (size_t)stripes.w * stripes.h; i += 2)
			stripes.px[3 * i + 2] = 200;
		n = 99;
		CHECK_INT(plate_seek_bands(&stripes, bands, &n, &d), PL_OK, "blue stripes");
		CHECK(n == 0, "blue stripes: no band (%zu)", n);
		image_release(&stripes);
	}
}

int main(void)
{
	struct pr_font f;

	CHECK(pr_font_open(&f, NULL) == 0, "font %s (fonts-dejavu-extra)", PR_FONT_DEFAULT);
	if (f.face)
		test_plates(&f);
	pr_font_close(&f);
	test_not_bands();
	test_args();
	TEST_DONE();
}
