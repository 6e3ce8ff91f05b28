/* SPDX-License-Identifier: Apache-2.0 */
/* Preparing a region for Tesseract: crop, straighten, scale to a fixed character height,
 * binarise (Otsu) to black text on white, and clear what is not text: blobs touching the crop's
 * border (sign frames, plate edges) and, for plates, blobs much smaller than a character. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ocr.h"

#include "banned.h"

#define CROP_MARGIN_X 0.35f /* character heights added left and right */
#define CROP_MARGIN_Y 0.28f /* and above and below */
#define CROP_PLATE_MARGIN_Y 0.2f /* on plates: the border is 0.2 character heights away */
#define CROP_PAD 10         /* white pixels around the result */
#define CROP_SMALL 0.45f    /* blobs lower than this many character heights are dropped */
#define CROP_RULE 1.3f      /* ink runs longer than this many character heights are rules */
#define CROP_MAX_SUPERSAMPLE 4 /* samples per axis under one pixel when shrinking */

float ocr_luma(const struct image *img, float x, float y)
{
	int x0, y0, x1, y1, c = img->channels;
	float fx, fy, v[4];

	x = fminf(fmaxf(x, 0), (float)img->w - 1);
	y = fminf(fmaxf(y, 0), (float)img->h - 1);
	x0 = (int)x, y0 = (int)y;
	x1 = x0 + 1 < img->w ? x0 + 1 : x0;
	y1 = y0 + 1 < img->h ? y0 + 1 : y0;
	fx = x - x0, fy = y - y0;
	for (int k = 0; k < 4; k++) {
		const unsigned char *p = img->px + ((size_t)(k < 2 ? y0 : y1) * img->w +
						    (k & 1 ? x1 : x0)) * c;

		v[k] = c == 1 ? p[0] : 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
	}
	return (v[0] + (v[1] - v[0]) * fx) * (1 - fy) + (v[2] + (v[3] - v[2]) * fx) * fy;
}

/* Otsu's threshold of the n grey samples px. */
static int otsu(const unsigned char *px, size_t n)
{
	size_t hist[256] = { 0 };
	double sum = 0, sumb = 0, best = -1;
	size_t wb = 0;
	int t = 128;

	for (size_t i = 0; i < n; i++)
		hist[px[i]]++;
	for (int i = 0; i < 256; i++)
		sum += (double)i * hist[i];
	for (int i = 0; i < 256; i++) {
		double mb, mf, between;

		wb += hist[i];
		if (!wb || wb == n)
			continue;
		sumb += (double)i * hist[i];
		mb = sumb / wb;
		mf = (sum - sumb) / (n - wb);
		between = (double)wb * (n - wb) * (mb - mf) * (mb - mf);
		if (between > best) {
			best = between;
			t = i;
		}
	}
	return t;
}

/* What clear_blobs keeps: blobs at least min_h tall (when min_h > 0), and of those touching the
 * border only the ones centred in [keep_x0, keep_x1] no larger than max_w x max_h, and, along
 * the left or right edge, at least min_w wide. */
struct keep {
	int min_h, keep_x0, keep_x1, max_w, max_h, min_w;
	int row_only, slack; /* drop every blob centred farther than slack outside the keep range */
};

/*
 * Labels the black (0) blobs of g (8-connected) and paints white the ones k does not keep.
 * queue has room for w * h entries.
 */
static void clear_blobs(struct image *g, const struct keep *k, int32_t *queue)
{
	int w = g->w, h = g->h;

	for (int32_t start = 0; start < w * h; start++) {
		int32_t head = 0, tail = 0;
		int top = h, bottom = -1, left = w, right = -1, edge = 0, cx, drop;
		unsigned char paint;

		if (g->px[start] != 0)
			continue;
		g->px[start] = 1;
		queue[tail++] = start;
		while (head < tail) {
			int32_t p = queue[head++];
			int x = p % w, y = p / w;

			top = y < top ? y : top;
			bottom = y > bottom ? y : bottom;
			left = x < left ? x : left;
			right = x > right ? x : right;
			edge |= x == 0 || y == 0 || x == w - 1 || y == h - 1;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int nx = x + dx, ny = y + dy;

					if (nx < 0 || ny < 0 || nx >= w || ny >= h || g->px[ny * w + nx] != 0)
						continue;
					g->px[ny * w + nx] = 1;
					queue[tail++] = ny * w + nx;
				}
		}
		/* Kept blobs are marked 2 (not 0) so the scan does not start on them again. */
		cx = (left + right) / 2;
		drop = k->min_h > 0 && bottom - top + 1 < k->min_h;
		if (edge && (cx < k->keep_x0 || cx > k->keep_x1 || right - left + 1 > k->max_w ||
			     bottom - top + 1 > k->max_h))
			drop = 1;
		/* On a plate, nothing outside the row is a character: a border's upright, a screw. */
		if (k->row_only && (cx < k->keep_x0 - k->slack || cx > k->keep_x1 + k->slack))
			drop = 1;
		/* A sliver along the left or right edge: the rim of a band or a frame. */
		if ((left == 0 || right == w - 1) && right - left + 1 < k->min_w)
			drop = 1;
		paint = drop ? 255 : 2;
		for (int32_t i = 0; i < tail; i++)
			g->px[queue[i]] = paint;
	}
	for (int32_t i = 0; i < w * h; i++)
		if (g->px[i] == 2)
			g->px[i] = 0;
}

/* Whitens horizontal runs of ink longer than max_run: plate borders and sign frames, which
 * would join the characters they touch into one blob too large to keep. */
static void clear_rules(struct image *g, int max_run)
{
	for (int y = 0; y < g->h; y++) {
		unsigned char *row = g->px + (size_t)y * g->w;

		for (int x = 0; x < g->w;) {
			int x0 = x;

			if (row[x]) {
				x++;
				continue;
			}
			while (x < g->w && !row[x])
				x++;
			if (x - x0 > max_run)
				memset(row + x0, 255, (size_t)(x - x0));
		}
	}
}

/* Samples the straightened, scaled region into g (no padding yet). When shrinking (s < 1), each
 * pixel is the mean of n x n bilinear samples spread over its footprint, so that strokes thinner
 * than the step between samples are not skipped. */
static void sample(const struct image *img, const struct ocr_region *r, float s, float x0,
		   float my, float tall, struct image *g)
{
	float cx = r->box.x + r->box.w / 2, cy = r->box.y + r->box.h / 2;
	float half = tall / 2 + my;
	int n = s < 1 ? (int)ceilf(1 / s) : 1;

	if (n > CROP_MAX_SUPERSAMPLE)
		n = CROP_MAX_SUPERSAMPLE;
	for (int v = 0; v < g->h; v++)
		for (int u = 0; u < g->w; u++) {
			float sum = 0;

			for (int j = 0; j < n; j++)
				for (int i = 0; i < n; i++) {
					float x = x0 + (u + (i + 0.5f) / n) / s;
					float y = cy + r->slope * (x - cx) - half + (v + (j + 0.5f) / n) / s;

					sum += ocr_luma(img, x, y);
				}
			g->px[(size_t)v * g->w + u] = (unsigned char)lroundf(sum / (float)(n * n));
		}
}

/*
 * Black text on white: Otsu's threshold of the character band (rows [band0, band1)) alone;
 * above and below it the crop may reach past a plate's edge onto a wall far brighter or darker
 * than the plate's ground. dark: the text is darker than its ground.
 */
static void binarise(struct image *g, int dark, int band0, int band1)
{
	int t;

	band1 = band1 > g->h ? g->h : band1;
	if (band1 - band0 < 2)
		band0 = 0, band1 = g->h;
	t = otsu(g->px + (size_t)band0 * g->w, (size_t)(band1 - band0) * g->w);
	for (size_t i = 0; i < (size_t)g->w * g->h; i++)
		g->px[i] = (dark ? g->px[i] <= t : g->px[i] > t) ? 0 : 255;
}

enum pl_status ocr_crop(const struct image *img, const struct ocr_region *r, struct image *out)
{
	float x0 = r->box.x - CROP_MARGIN_X * r->char_h;
	float x1 = r->box.x + r->box.w + CROP_MARGIN_X * r->char_h;
	float my = (r->plate ? CROP_PLATE_MARGIN_Y : CROP_MARGIN_Y) * r->char_h, s;
	struct keep k;
	/* The row's own height once straightened: ascenders and descenders stand out of the median
	 * character height of mixed-case text, and must not be cut (then cleared as border blobs). */
	float tall = r->rows > 1 ? r->box.h : fmaxf(r->char_h, r->box.h - fabsf(r->slope) * r->box.w);
	struct image g;
	int32_t *queue = NULL;
	enum pl_status st = PL_ERR_NOMEM;
	double area;

	image_init(out);
	image_init(&g);
	if (r->x0 != 0 || r->x1 != 0)
		x0 = r->x0, x1 = r->x1;
	if (!img || !img->px || r->char_h < 1 || x1 - x0 < 1 ||
	    (img->channels != 1 && img->channels != 3))
		return PL_ERR_USAGE;
	s = OCR_CHAR_PX / r->char_h;
	area = (double)(x1 - x0) * s * (tall + 2 * my) * s;
	if (area > OCR_MAX_CROP_PIXELS)
		s *= (float)sqrt(OCR_MAX_CROP_PIXELS / area);
	g.w = (int)((x1 - x0) * s) + 1;
	g.h = (int)((tall + 2 * my) * s) + 1;
	g.channels = 1;
	g.px = malloc((size_t)g.w * g.h);
	queue = malloc((size_t)g.w * g.h * sizeof(*queue));
	out->w = g.w + 2 * CROP_PAD;
	out->h = g.h + 2 * CROP_PAD;
	out->channels = 1;
	out->px = malloc((size_t)out->w * out->h);
	if (!g.px || !queue || !out->px)
		goto out;
	sample(img, r, s, x0, my, tall, &g);
	binarise(&g, r->dark, (int)(my * s), (int)((my + tall) * s));
	clear_rules(&g, (int)(CROP_RULE * r->char_h * s));
	k.min_h = r->plate ? (int)(CROP_SMALL * r->char_h * s) : 0;
	k.keep_x0 = (int)((r->box.x - x0) * s);
	k.keep_x1 = (int)((r->box.x + r->box.w - x0) * s);
	k.max_w = (int)(1.6f * r->char_h * s);
	k.max_h = (int)(1.5f * tall * s);
	k.min_w = (int)(0.15f * r->char_h * s);
	k.row_only = r->plate;
	k.slack = (int)(0.1f * r->char_h * s);
	clear_blobs(&g, &k, queue);
	memset(out->px, 255, (size_t)out->w * out->h);
	for (int y = 0; y < g.h; y++)
		memcpy(out->px + (size_t)(y + CROP_PAD) * out->w + CROP_PAD, g.px + (size_t)y * g.w,
		       (size_t)g.w);
	st = PL_OK;
out:
	if (st != PL_OK)
		image_release(out);
	image_release(&g);
	free(queue);
	return st;
}
