/* SPDX-License-Identifier: Apache-2.0 */
/* Small plates: EU bands found by colour in the working image, then the rows beside them found
 * in the larger picture, one small tile per band.
 *
 * Why the band: in a 12-megapixel photo a plate 140 px wide has characters of about 20 px, 8 in
 * the 1536 px working image, where strokes blur into the ground and text_regions_find (blobs of
 * 8 px and more) misses most of them. Finding text in the whole larger picture would cost about
 * five times the working image's search. The band is the one part of such a plate still solid
 * there: a blob of deep blue about 5 x 11 px, plate-tall and narrow, with the plate's light
 * ground on its right. Few things in a photo have that shape and colour, so a colour pass over
 * the working image (a few milliseconds) gives a handful of places, and each is searched in a
 * tile of the larger picture about seven plate heights by two and a half. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plate_detect.h"
#include "pixel_runs.h"
#include "plate_seek.h"

#include "banned.h"

#define PS_BAND_MIN_H 7      /* band height in the image searched, pixels: smaller is unreadable */
#define PS_BAND_MAX_H 22     /* larger plates have characters text_regions_find finds */
#define PS_BAND_MAX_W 0.8f   /* band width, at most, in band heights */
#define PS_BAND_FILL 0.4f    /* blue pixels in the band's box, at least (stars and letters) */
#define PS_MAX_RUNS 200000   /* blue runs looked at per photo: bounded work on blue scenes */
#define PS_COLUMNS 12        /* sample columns right of a band */
#define PS_GROUND 0.5f       /* columns there on a plate's ground, at least */
#define PS_INK 0.25f         /* columns there with ink well below that ground, at least */
#define PS_INK_DROP 60       /* grey levels from a plate's ground down to its ink, at least */
/* The tile, in plate heights: a plate is about 4.7 of them wide; turned plates and perspective
 * take some more. The plate's height is the band blob's, or its width / PS_BAND_ASPECT when the
 * country letters cut the band's foot off (both NL letters at 5 px). A larger tile lets more of
 * the scene into the row and costs more plates than it finds (12-MP set: 45 -> 43 of 57). */
#define PS_BAND_ASPECT 0.45f /* band width / plate height: 44 / 110 mm, blurred a little wider */
#define PS_TILE_LEFT 0.3f    /* from this left of the band */
#define PS_MIN_ROW 3.2f      /* a candidate's box, band included, this many plate heights wide */
#define PS_TILE_RIGHT 6.0f   /* to this right of it */
#define PS_TILE_UP 0.7f      /* and this above and below it */

/* The height of the plate of band b. */
static float plate_height(const struct image_box *b)
{
	return fmaxf(b->h, b->w / PS_BAND_ASPECT);
}

struct band {
	struct image_box box;
	float score;
};

static void pixel_rgb(const struct image *img, int x, int y, int c[3])
{
	const unsigned char *p;

	x = x < 0 ? 0 : x >= img->w ? img->w - 1 : x;
	y = y < 0 ? 0 : y >= img->h ? img->h - 1 : y;
	p = img->px + ((size_t)y * img->w + x) * 3;
	c[0] = p[0];
	c[1] = p[1];
	c[2] = p[2];
}

/* Marks the EU-blue pixels of row y in mask (1, else 0). */
static void blue_row(const struct image *img, int y, unsigned char *mask)
{
	const unsigned char *row = img->px + (size_t)y * img->w * 3;

	for (int x = 0; x < img->w; x++) {
		int c[3] = { row[3 * x], row[3 * x + 1], row[3 * x + 2] };

		mask[x] = (unsigned char)plate_eu_blue(c);
	}
}

/*
 * How much the right side of band b looks like a plate: columns of samples from 0.6 band
 * heights above its middle to 0.6 below, each counted as ground when at least two of its
 * samples are a plate's yellow or white, and as ink when one of its three middle samples (where
 * the characters are) is well below the brightest of them. Columns rather than fixed rows,
 * because a turned plate drifts up or down by a third of its height over the width looked at.
 * 0 when it does not look like a plate; else the fraction of ground columns.
 */
static float plate_side(const struct image *img, struct image_box b)
{
	float h = b.h, x0 = b.x + b.w + 0.3f * h, cy = b.y + h / 2;
	int ground = 0, ink = 0, c[3];

	for (int i = 0; i < PS_COLUMNS; i++) {
		float x = x0 + (float)i * 3.5f * h / (float)(PS_COLUMNS - 1);
		int n = 0, light = 0, dark = 255;

		for (int k = -3; k <= 3; k++) {
			int luma;

			pixel_rgb(img, (int)x, (int)(cy + (float)k * 0.2f * h), c);
			luma = (77 * c[0] + 150 * c[1] + 29 * c[2]) >> 8;
			if (k >= -1 && k <= 1)
				dark = luma < dark ? luma : dark;
			if (plate_ground_kind(img, c)) {
				n++;
				light = luma > light ? luma : light;
			}
		}
		if (n >= 2) {
			ground++;
			ink += dark < light - PS_INK_DROP;
		}
	}
	if ((float)ground < PS_GROUND * PS_COLUMNS || (float)ink < PS_INK * PS_COLUMNS)
		return 0;
	return (float)ground / PS_COLUMNS;
}

/* Keeps band b among the best PS_MAX_BANDS of list (count *n), best first. */
static void keep_band(struct band *list, size_t *n, struct band b)
{
	size_t i = *n < PS_MAX_BANDS ? (*n)++ : PS_MAX_BANDS;

	if (i == PS_MAX_BANDS) {
		if (b.score <= list[PS_MAX_BANDS - 1].score)
			return;
		i = PS_MAX_BANDS - 1;
	}
	for (; i > 0 && list[i - 1].score < b.score; i--)
		list[i] = list[i - 1];
	list[i] = b;
}

/* Bounding boxes and areas of the components, then the band-shaped ones scored into list. */
static enum pl_status pick_bands(const struct image *img, struct pixel_runs *rs, struct band *list,
				 size_t *n)
{
	struct { int x0, y0, x1, y1, area; } *bb = malloc((rs->n ? rs->n : 1) * sizeof(*bb));

	if (!bb)
		return PL_ERR_NOMEM;
	for (size_t i = 0; i < rs->n; i++) {
		const struct pixel_run *r = &rs->r[i];
		uint32_t k = pixel_runs_root(rs->r, (uint32_t)i);

		if (k == i) {
			bb[i].x0 = r->x0, bb[i].x1 = r->x1, bb[i].y0 = r->y, bb[i].y1 = r->y + 1;
			bb[i].area = r->x1 - r->x0;
			continue;
		}
		bb[k].x0 = r->x0 < bb[k].x0 ? r->x0 : bb[k].x0;
		bb[k].x1 = r->x1 > bb[k].x1 ? r->x1 : bb[k].x1;
		bb[k].y1 = r->y + 1 > bb[k].y1 ? r->y + 1 : bb[k].y1;
		bb[k].area += r->x1 - r->x0;
	}
	for (size_t i = 0; i < rs->n; i++) {
		int w = bb[i].x1 - bb[i].x0, h = bb[i].y1 - bb[i].y0;
		struct band b;

		if (rs->r[i].parent != i || h < PS_BAND_MIN_H || h > PS_BAND_MAX_H || w < 2 ||
		    (float)w > PS_BAND_MAX_W * (float)h || (float)bb[i].area < PS_BAND_FILL * (float)(w * h))
			continue;
		b.box = (struct image_box){ (float)bb[i].x0, (float)bb[i].y0, (float)w, (float)h };
		b.score = plate_side(img, b.box);
		if (b.score > 0)
			keep_band(list, n, b);
	}
	free(bb);
	return PL_OK;
}

enum pl_status plate_seek_bands(const struct image *img, struct image_box *out, size_t *n,
				struct pl_diag *d)
{
	struct pixel_runs rs = { NULL, 0, 0, PS_MAX_RUNS };
	struct band list[PS_MAX_BANDS];
	size_t prev = 0, cur = 0, nb = 0;
	enum pl_status st = PL_OK;
	unsigned char *mask;

	*n = 0;
	if (!img || !img->px || img->w <= 0 || img->h <= 0 ||
	    (img->channels != 1 && img->channels != 3))
		return image_diagf(d, PL_ERR_USAGE, "plate bands: no image or bad channel count");
	if (img->channels != 3)
		return PL_OK; /* no colour, no band */
	if (!(mask = malloc((size_t)img->w)))
		return image_diagf(d, PL_ERR_NOMEM, "out of memory looking for plate bands");
	for (int y = 0; y < img->h && st == PL_OK; y++) {
		blue_row(img, y, mask);
		cur = rs.n;
		st = pixel_runs_row(&rs, mask, img->w, y, 1, prev, cur);
		prev = cur;
	}
	free(mask);
	if (st == PL_ERR_LIMIT)
		st = PL_OK; /* a very blue photo: the bands of the rows above are still looked at */
	if (st == PL_OK && rs.n)
		st = pick_bands(img, &rs, list, &nb);
	if (st != PL_OK)
		st = image_diagf(d, PL_ERR_NOMEM, "out of memory looking for plate bands");
	for (size_t i = 0; st == PL_OK && i < nb; i++)
		out[i] = list[i].box;
	if (st == PL_OK)
		*n = nb;
	free(rs.r);
	return st;
}

/* Copies the rectangle [x0, x1) x [y0, y1) of img (clipped) into out. */
static enum pl_status tile(const struct image *img, int x0, int y0, int x1, int y1,
			   struct image *out)
{
	size_t row;

	image_init(out);
	x0 = x0 < 0 ? 0 : x0;
	y0 = y0 < 0 ? 0 : y0;
	x1 = x1 > img->w ? img->w : x1;
	y1 = y1 > img->h ? img->h : y1;
	if (x1 <= x0 || y1 <= y0)
		return PL_ERR_USAGE;
	row = (size_t)(x1 - x0) * (size_t)img->channels;
	out->px = malloc(row * (size_t)(y1 - y0));
	if (!out->px)
		return PL_ERR_NOMEM;
	out->w = x1 - x0;
	out->h = y1 - y0;
	out->channels = img->channels;
	for (int y = y0; y < y1; y++)
		memcpy(out->px + row * (size_t)(y - y0),
		       img->px + ((size_t)y * img->w + (size_t)x0) * img->channels, row);
	return PL_OK;
}

/* Appends the lines of t (found in a tile at (ox, oy) of big) to out, mapped to the searched
 * image's coordinates. */
static enum pl_status append_lines(const struct text_regions *t, float ox, float oy, float sx,
				   float sy, struct text_regions *out)
{
	struct tr_line *l;
	struct tr_comp *c;

	if (!t->nlines)
		return PL_OK;
	l = realloc(out->lines, (out->nlines + t->nlines) * sizeof(*l));
	if (!l)
		return PL_ERR_NOMEM;
	out->lines = l;
	c = realloc(out->comps, (out->ncomps + t->ncomps) * sizeof(*c));
	if (!c)
		return PL_ERR_NOMEM;
	out->comps = c;
	for (size_t i = 0; i < t->ncomps; i++)
		out->comps[out->ncomps + i] = (struct tr_comp){ (ox + t->comps[i].x) / sx,
								(oy + t->comps[i].y) / sy,
								t->comps[i].w / sx, t->comps[i].h / sy };
	for (size_t i = 0; i < t->nlines; i++) {
		struct tr_line m = t->lines[i];

		m.box = (struct image_box){ (ox + m.box.x) / sx, (oy + m.box.y) / sy, m.box.w / sx,
					    m.box.h / sy };
		m.char_h /= sy;
		m.slope *= sx / sy;
		m.first += out->ncomps;
		out->lines[out->nlines + i] = m;
	}
	out->nlines += t->nlines;
	out->ncomps += t->ncomps;
	return PL_OK;
}

static int by_line_score(const void *a, const void *b)
{
	const struct tr_line *p = a, *q = b;

	return (p->score < q->score) - (p->score > q->score);
}

enum pl_status plate_seek_lines(const struct image *big, float sx, float sy,
				const struct image_box *bands, size_t n, struct text_regions *out,
				struct pl_diag *d)
{
	enum pl_status st = PL_OK;

	text_regions_init(out);
	if (!big || !big->px || big->w <= 0 || big->h <= 0 ||
	    (big->channels != 1 && big->channels != 3) || !(sx > 0) || !(sy > 0))
		return image_diagf(d, PL_ERR_USAGE, "plate rows: no image or bad scale");
	for (size_t i = 0; i < n && st == PL_OK; i++) {
		const struct image_box *b = &bands[i];
		float h = plate_height(b);
		int x0 = (int)floorf((b->x - PS_TILE_LEFT * h) * sx);
		int y0 = (int)floorf((b->y - PS_TILE_UP * h) * sy);
		int x1 = (int)ceilf((b->x + b->w + PS_TILE_RIGHT * h) * sx);
		int y1 = (int)ceilf((b->y + h + PS_TILE_UP * h) * sy);
		struct image t;
		struct text_regions found;

		text_regions_init(&found);
		st = tile(big, x0, y0, x1, y1, &t);
		if (st == PL_ERR_USAGE) {
			st = PL_OK; /* outside the picture */
			continue;
		}
		if (st == PL_OK)
			st = text_regions_find(&t, 2, &found, d);
		if (st == PL_OK)
			st = append_lines(&found, (float)(x0 < 0 ? 0 : x0), (float)(y0 < 0 ? 0 : y0),
					  sx, sy, out);
		text_regions_release(&found);
		image_release(&t);
	}
	if (st == PL_OK && out->nlines)
		qsort(out->lines, out->nlines, sizeof(*out->lines), by_line_score);
	if (st != PL_OK) {
		text_regions_release(out);
		if (st == PL_ERR_NOMEM)
			image_diagf(d, st, "out of memory looking for plate rows");
	}
	return st;
}

/* Whether candidate c is the plate of one of bands[0..n): the band at its left end and the row
 * about as long as a plate of the band's height (windows beside a blue pane make short rows). */
static int band_row(const struct plate_candidate *c, const struct image_box *bands, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct image_box *b = &bands[i];
		float cx = b->x + b->w / 2, cy = b->y + b->h / 2;

		if (cx >= c->box.x && cx <= c->box.x + 0.25f * c->box.w && cy >= c->box.y &&
		    cy <= c->box.y + c->box.h && c->box.w >= PS_MIN_ROW * plate_height(b))
			return 1;
	}
	return 0;
}

enum pl_status plate_seek_candidates(const struct image *img, const struct image *big, float sx,
				     float sy, const struct image_box *bands, size_t n,
				     struct plate_candidate **out, size_t *nout, struct pl_diag *d)
{
	struct text_regions tr;
	size_t keep = 0;
	enum pl_status st = plate_seek_lines(big, sx, sy, bands, n, &tr, d);

	*out = NULL;
	*nout = 0;
	if (st == PL_OK && tr.nlines)
		st = plate_candidates(img, &tr, out, nout, d);
	for (size_t i = 0; st == PL_OK && i < *nout; i++)
		if (band_row(&(*out)[i], bands, n))
			(*out)[keep++] = (*out)[i];
	*nout = keep;
	if (!keep) {
		free(*out);
		*out = NULL;
	}
	text_regions_release(&tr);
	return st;
}
