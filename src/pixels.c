/* SPDX-License-Identifier: Apache-2.0 */
/* Decoding a media file's pixels once for every detector, and comparing pictures. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media_format.h"
#include "pixels.h"
#include "util.h"
#include "banned.h"

void pixels_init(struct pixels *px, const char *path)
{
	memset(px, 0, sizeof(*px));
	px->path = path;
	image_init(&px->img);
}

void pixels_release(struct pixels *px)
{
	free(px->bytes);
	image_release(&px->img);
	memset(px, 0, sizeof(*px));
}

static enum pl_status load_bytes(struct pixels *px, struct pl_diag *d)
{
	char *buf;
	size_t len;
	enum pl_status st;

	if (px->bytes)
		return PL_OK;
	st = file_read_all(px->path, IMAGE_MAX_INPUT, &buf, &len, d);
	if (st != PL_OK)
		return st;
	px->bytes = (unsigned char *)buf;
	px->len = len;
	return PL_OK;
}

static void fail(struct pixels *px, enum pl_status st, const struct pl_diag *d)
{
	px->st = st;
	snprintf(px->err, sizeof(px->err), "%s", d->message);
}

const struct image *pixels_photo(struct pixels *px)
{
	struct image_jpeg_info info;
	struct image raw;
	struct pl_diag d;
	enum pl_status st;

	if (px->tried)
		return px->st == PL_OK ? &px->img : NULL;
	px->tried = 1;
	pl_diag_init(&d);
	image_init(&raw);
	if ((st = load_bytes(px, &d)) != PL_OK) {
		fail(px, st, &d);
		return NULL;
	}
	if (media_format_detect(px->bytes, px->len) != MEDIA_JPEG) {
		px->st = PL_ERR_INPUT;
		snprintf(px->err, sizeof(px->err), "pixels are read from JPEG photos only");
		return NULL;
	}
	image_jpeg_info(px->bytes, px->len, &info);
	st = image_decode_jpeg(px->bytes, px->len, PIXELS_WORKING_SIDE, &raw, &d);
	if (st == PL_OK)
		st = image_orient(&raw, info.orientation, &px->img, &d);
	if (st != PL_OK) {
		image_release(&raw);
		fail(px, st, &d);
		return NULL;
	}
	px->orientation = info.orientation;
	/* the displayed size in the file's own pixels: swapped for orientations 5 to 8 */
	px->disp_w = info.orientation >= 5 && info.orientation <= 8 ? raw.src_h : raw.src_w;
	px->disp_h = info.orientation >= 5 && info.orientation <= 8 ? raw.src_w : raw.src_h;
	image_release(&raw);
	return &px->img;
}

enum pl_status pixels_reading(struct pixels *px, struct image *out, struct pl_diag *d)
{
	struct image raw;
	enum pl_status st;
	int longer = px->disp_w > px->disp_h ? px->disp_w : px->disp_h;

	image_init(out);
	if (!px->tried || px->st != PL_OK || !px->bytes)
		return image_diagf(d, PL_ERR_INPUT, "no photo decoded to read text from");
	/* A reading image barely larger than the working one is not worth a second decode. */
	if ((long long)longer * 4 <= (long long)PIXELS_WORKING_SIDE * 5)
		return image_diagf(d, PL_ERR_INPUT, "'%s' is read at working size", px->path);
	st = image_decode_jpeg_grey(px->bytes, px->len, PIXELS_READING_SIDE, &raw, d);
	if (st != PL_OK)
		return st;
	if (px->orientation <= 1 || px->orientation > 8) {
		*out = raw;
		return PL_OK;
	}
	st = image_orient(&raw, px->orientation, out, d);
	image_release(&raw);
	return st;
}

enum pl_status pixels_embedded(struct pixels *px, long long offset, long long length, int max_side,
			       struct image *out, struct pl_diag *d)
{
	enum pl_status st = load_bytes(px, d);

	if (st != PL_OK)
		return st;
	if (offset < 0 || length <= 0 || (unsigned long long)offset > px->len ||
	    (unsigned long long)length > px->len - (size_t)offset)
		return image_diagf(d, PL_ERR_INPUT, "embedded image at %lld (%lld bytes) lies outside '%s'",
				   offset, length, px->path);
	return image_decode_jpeg(px->bytes + offset, (size_t)length, max_side, out, d);
}

/* Grey PIXELS_COMPARE_SIDE square of img, as doubles with mean 0; returns the norm. */
static double grey_square(const struct image *img, double *out)
{
	struct image small;
	struct pl_diag d;
	double mean = 0, norm = 0;
	int i, n = PIXELS_COMPARE_SIDE * PIXELS_COMPARE_SIDE;

	image_init(&small);
	pl_diag_init(&d);
	if (img->w < PIXELS_COMPARE_SIDE || img->h < PIXELS_COMPARE_SIDE ||
	    image_resize_area(img, PIXELS_COMPARE_SIDE, PIXELS_COMPARE_SIDE, &small, &d) != PL_OK)
		return 0;
	for (i = 0; i < n; i++) {
		const unsigned char *p = small.px + (size_t)i * (size_t)small.channels;

		out[i] = small.channels >= 3 ? 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2] : p[0];
		mean += out[i];
	}
	mean /= n;
	for (i = 0; i < n; i++) {
		out[i] -= mean;
		norm += out[i] * out[i];
	}
	image_release(&small);
	return sqrt(norm);
}

/* Correlation of two pictures reduced to the same small square, ignoring aspect ratio. */
static double correlate(const struct image *a, const struct image *b)
{
	double va[PIXELS_COMPARE_SIDE * PIXELS_COMPARE_SIDE], vb[PIXELS_COMPARE_SIDE * PIXELS_COMPARE_SIDE];
	double na = grey_square(a, va), nb = grey_square(b, vb), dot = 0;
	int i;

	if (na < 1e-6 || nb < 1e-6)
		return na < 1e-6 && nb < 1e-6 ? 1 : 0; /* flat pictures: alike only if both are */
	for (i = 0; i < PIXELS_COMPARE_SIDE * PIXELS_COMPARE_SIDE; i++)
		dot += va[i] * vb[i];
	return dot / (na * nb);
}

/* Copies the rectangle (x, y, w, h) of src into out. */
static int crop(const struct image *src, int x, int y, int w, int h, struct image *out)
{
	int r;
	size_t row = (size_t)w * (size_t)src->channels;

	image_init(out);
	if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > src->w || y + h > src->h)
		return -1;
	out->px = malloc(row * (size_t)h);
	if (!out->px)
		return -1;
	out->w = w;
	out->h = h;
	out->channels = src->channels;
	for (r = 0; r < h; r++)
		memcpy(out->px + row * (size_t)r,
		       src->px + ((size_t)(y + r) * (size_t)src->w + (size_t)x) * (size_t)src->channels, row);
	return 0;
}

/* Whether row (or column) i of img is letterbox: nearly black and nearly uniform. */
static int is_bar(const struct image *img, int i, int column)
{
	int n = column ? img->h : img->w, k, c;
	long sum = 0, max = 0;

	for (k = 0; k < n; k++) {
		const unsigned char *p = img->px + ((size_t)(column ? k : i) * (size_t)img->w +
						    (size_t)(column ? i : k)) * (size_t)img->channels;
		for (c = 0; c < img->channels; c++) {
			sum += p[c];
			if (p[c] > max)
				max = p[c];
		}
	}
	return sum / (n * img->channels) < 20 && max < 60;
}

/* The picture without the black bars a camera puts around a thumbnail of another shape. */
static int trim_bars(const struct image *img, struct image *out)
{
	int top = 0, bottom = img->h, left = 0, right = img->w;

	while (top < bottom - 8 && is_bar(img, top, 0))
		top++;
	while (bottom - 1 > top + 8 && is_bar(img, bottom - 1, 0))
		bottom--;
	while (left < right - 8 && is_bar(img, left, 1))
		left++;
	while (right - 1 > left + 8 && is_bar(img, right - 1, 1))
		right--;
	return crop(img, left, top, right - left, bottom - top, out);
}

double pixels_similarity(const struct image *photo, const struct image *thumb)
{
	struct image t, c;
	double best, rp, rt, s;

	if (trim_bars(thumb, &t) != 0)
		return correlate(photo, thumb);
	best = correlate(photo, &t);
	rp = (double)photo->w / photo->h;
	rt = (double)t.w / t.h;
	/* cameras also make thumbnails of another shape by cropping the middle of the photo */
	if (fabs(rp - rt) / (rp > rt ? rp : rt) > 0.03) {
		int w = rp > rt ? (int)(photo->h * rt) : photo->w;
		int h = rp > rt ? photo->h : (int)(photo->w / rt);

		if (crop(photo, (photo->w - w) / 2, (photo->h - h) / 2, w, h, &c) == 0) {
			s = correlate(&c, &t);
			if (s > best)
				best = s;
			image_release(&c);
		}
	}
	image_release(&t);
	return best;
}
