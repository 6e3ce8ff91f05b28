/* SPDX-License-Identifier: Apache-2.0 */
/* Image lifecycle, the area (box-filter) downscale and the diagnostic helper of the image and
 * face modules. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

#include "banned.h"

void image_init(struct image *img)
{
	memset(img, 0, sizeof(*img));
}

void image_release(struct image *img)
{
	if (!img)
		return;
	free(img->px);
	image_init(img);
}

enum pl_status image_diagf(struct pl_diag *d, enum pl_status st, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return st;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
	return st;
}

/*
 * The source span [first, first + n) an output cell covers along one axis, with the weight of
 * each source cell (its covered length divided by the cell's full length, so they sum to 1).
 */
struct span {
	int first, n;
	size_t w; /* index of the first weight in the shared weight array */
};

/* Fills spans[0..dst) for an axis of src cells shrunk to dst; weights gets the weights. */
static void area_spans(int src, int dst, struct span *spans, float *weights)
{
	double scale = (double)src / dst;
	size_t k = 0;

	for (int i = 0; i < dst; i++) {
		double lo = i * scale, hi = (i + 1) * scale;
		int first = (int)floor(lo), last = (int)ceil(hi) - 1;

		if (last > src - 1)
			last = src - 1;
		spans[i].first = first;
		spans[i].n = last - first + 1;
		spans[i].w = k;
		for (int s = first; s <= last; s++) {
			double a = s > lo ? s : lo, b = s + 1 < hi ? s + 1 : hi;
			weights[k++] = (float)((b - a) / scale);
		}
	}
}

/* Resamples one source row horizontally into hrow (w * channels floats). */
static void area_hrow(const unsigned char *row, int channels, int w, const struct span *xs,
		      const float *xw, float *hrow)
{
	for (int x = 0; x < w; x++) {
		const struct span *sp = &xs[x];

		for (int c = 0; c < channels; c++) {
			float sum = 0.0f;

			for (int k = 0; k < sp->n; k++)
				sum += xw[sp->w + (size_t)k] * row[(size_t)(sp->first + k) * channels + c];
			hrow[(size_t)x * channels + c] = sum;
		}
	}
}

/* Scratch of the vertical pass: the accumulator and the last source row of the previous output
 * row, resampled, which is usually the first of the next (rows are shared at span edges). */
struct area_rows {
	float *acc, *cached, *tmp;
	int cached_y;
};

/* Computes output row y into o. */
static void area_out_row(const struct image *src, int w, const struct span *xs, const float *xw,
			 const struct span *sy, const float *yw, struct area_rows *r,
			 unsigned char *o)
{
	size_t rowlen = (size_t)w * (size_t)src->channels;

	memset(r->acc, 0, rowlen * sizeof(float));
	for (int k = 0; k < sy->n; k++) {
		int y = sy->first + k;
		float wgt = yw[sy->w + (size_t)k], *h = r->tmp;

		if (y == r->cached_y) {
			h = r->cached;
		} else {
			area_hrow(src->px + (size_t)y * (size_t)src->w * (size_t)src->channels,
				  src->channels, w, xs, xw, h);
			if (k == sy->n - 1) { /* keep it for the next output row */
				r->tmp = r->cached;
				r->cached = h;
				r->cached_y = y;
			}
		}
		for (size_t i = 0; i < rowlen; i++)
			r->acc[i] += wgt * h[i];
	}
	for (size_t i = 0; i < rowlen; i++) {
		float v = r->acc[i] + 0.5f;

		o[i] = (unsigned char)(v < 0.0f ? 0.0f : v > 255.0f ? 255.0f : v);
	}
}

enum pl_status image_resize_area(const struct image *src, int w, int h, struct image *out,
				 struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	struct span *xs = NULL, *ys = NULL;
	float *xw = NULL, *yw = NULL, *rows = NULL;
	struct area_rows r;
	size_t rowlen;

	image_init(out);
	if (!src || !src->px || w < 1 || h < 1 || w > src->w || h > src->h ||
	    (src->channels != 1 && src->channels != 3))
		return image_diagf(d, PL_ERR_USAGE, "invalid area resize to %dx%d", w, h);
	rowlen = (size_t)w * (size_t)src->channels;
	xs = calloc((size_t)w, sizeof(*xs));
	ys = calloc((size_t)h, sizeof(*ys));
	/* Each output cell covers at most ceil(scale) + 1 source cells. */
	xw = calloc((size_t)src->w + 2 * (size_t)w, sizeof(*xw));
	yw = calloc((size_t)src->h + 2 * (size_t)h, sizeof(*yw));
	rows = malloc(3 * rowlen * sizeof(*rows));
	out->px = malloc(rowlen * (size_t)h);
	if (!xs || !ys || !xw || !yw || !rows || !out->px) {
		st = image_diagf(d, PL_ERR_NOMEM, "out of memory resizing to %dx%d", w, h);
		goto out;
	}
	out->w = w;
	out->h = h;
	out->channels = src->channels;
	out->src_w = src->src_w;
	out->src_h = src->src_h;
	area_spans(src->w, w, xs, xw);
	area_spans(src->h, h, ys, yw);
	r = (struct area_rows){ rows, rows + rowlen, rows + 2 * rowlen, -1 };
	for (int y = 0; y < h; y++)
		area_out_row(src, w, xs, xw, &ys[y], yw, &r, out->px + (size_t)y * rowlen);
out:
	if (st != PL_OK)
		image_release(out);
	free(xs);
	free(ys);
	free(xw);
	free(yw);
	free(rows);
	return st;
}
