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

/* Adds weight times the horizontally resampled source row to acc (w * channels floats). */
static void area_row(const unsigned char *row, int channels, int w, const struct span *xs,
		     const float *xw, float weight, float *acc)
{
	for (int x = 0; x < w; x++) {
		const struct span *sp = &xs[x];

		for (int c = 0; c < channels; c++) {
			float sum = 0.0f;

			for (int k = 0; k < sp->n; k++)
				sum += xw[sp->w + (size_t)k] * row[(size_t)(sp->first + k) * channels + c];
			acc[(size_t)x * channels + c] += weight * sum;
		}
	}
}

enum pl_status image_resize_area(const struct image *src, int w, int h, struct image *out,
				 struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	struct span *xs = NULL, *ys = NULL;
	float *xw = NULL, *yw = NULL, *acc = NULL;
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
	acc = malloc(rowlen * sizeof(*acc));
	out->px = malloc(rowlen * (size_t)h);
	if (!xs || !ys || !xw || !yw || !acc || !out->px) {
		st = image_diagf(d, PL_ERR_NOMEM, "out of memory resizing to %dx%d", w, h);
		goto out;
	}
	out->w = w;
	out->h = h;
	out->channels = src->channels;
	area_spans(src->w, w, xs, xw);
	area_spans(src->h, h, ys, yw);
	for (int y = 0; y < h; y++) {
		unsigned char *o = out->px + (size_t)y * rowlen;

		memset(acc, 0, rowlen * sizeof(*acc));
		for (int k = 0; k < ys[y].n; k++) {
			const unsigned char *row = src->px + (size_t)(ys[y].first + k) *
							 (size_t)src->w * (size_t)src->channels;

			area_row(row, src->channels, w, xs, xw, yw[ys[y].w + (size_t)k], acc);
		}
		for (size_t i = 0; i < rowlen; i++) {
			float v = acc[i] + 0.5f;

			o[i] = (unsigned char)(v < 0.0f ? 0.0f : v > 255.0f ? 255.0f : v);
		}
	}
out:
	if (st != PL_OK)
		image_release(out);
	free(xs);
	free(ys);
	free(xw);
	free(yw);
	free(acc);
	return st;
}
