/* SPDX-License-Identifier: Apache-2.0 */
/* EXIF orientation: turns stored pixels into the image as displayed (detectors look at what a
 * person sees: a face lying on its side is missed) and maps boxes from stored to displayed. */
#include <stdlib.h>
#include <string.h>

#include "image.h"

#include "banned.h"

struct image_box image_box_orient(struct image_box b, int w, int h, int orientation, int *dw,
				  int *dh)
{
	struct image_box r = b;
	float W = (float)w, H = (float)h;

	switch (orientation) {
	case 2: /* mirrored left to right */
		r.x = W - b.x - b.w;
		break;
	case 3: /* turned 180 degrees */
		r.x = W - b.x - b.w;
		r.y = H - b.y - b.h;
		break;
	case 4: /* mirrored top to bottom */
		r.y = H - b.y - b.h;
		break;
	case 5: /* transposed: stored rows are displayed columns */
		r = (struct image_box){ b.y, b.x, b.h, b.w };
		break;
	case 6: /* displayed after a quarter turn clockwise */
		r = (struct image_box){ H - b.y - b.h, b.x, b.h, b.w };
		break;
	case 7: /* transversed */
		r = (struct image_box){ H - b.y - b.h, W - b.x - b.w, b.h, b.w };
		break;
	case 8: /* displayed after a quarter turn counter-clockwise */
		r = (struct image_box){ b.y, W - b.x - b.w, b.h, b.w };
		break;
	default:
		break;
	}
	if (dw)
		*dw = orientation >= 5 && orientation <= 8 ? h : w;
	if (dh)
		*dh = orientation >= 5 && orientation <= 8 ? w : h;
	return r;
}

/* Where stored pixel (x, y) of a w x h image lands in the displayed image. */
static void orient_point(int x, int y, int w, int h, int orientation, int *dx, int *dy)
{
	switch (orientation) {
	case 2: *dx = w - 1 - x; *dy = y; break;
	case 3: *dx = w - 1 - x; *dy = h - 1 - y; break;
	case 4: *dx = x; *dy = h - 1 - y; break;
	case 5: *dx = y; *dy = x; break;
	case 6: *dx = h - 1 - y; *dy = x; break;
	case 7: *dx = h - 1 - y; *dy = w - 1 - x; break;
	case 8: *dx = y; *dy = w - 1 - x; break;
	default: *dx = x; *dy = y; break;
	}
}

enum pl_status image_orient(const struct image *src, int orientation, struct image *out,
			    struct pl_diag *d)
{
	int dw, dh;
	size_t ch;

	image_init(out);
	if (!src || !src->px || src->w < 1 || src->h < 1 ||
	    (src->channels != 1 && src->channels != 3))
		return image_diagf(d, PL_ERR_USAGE, "invalid image to orient");
	ch = (size_t)src->channels;
	image_box_orient((struct image_box){ 0, 0, 0, 0 }, src->w, src->h, orientation, &dw, &dh);
	out->px = malloc((size_t)dw * (size_t)dh * ch);
	if (!out->px)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory orienting a %dx%d image", dw, dh);
	out->w = dw;
	out->h = dh;
	out->channels = src->channels;
	out->warned = src->warned;
	out->src_w = orientation >= 5 && orientation <= 8 ? src->src_h : src->src_w;
	out->src_h = orientation >= 5 && orientation <= 8 ? src->src_w : src->src_h;
	for (int y = 0; y < src->h; y++)
		for (int x = 0; x < src->w; x++) {
			int X, Y;

			orient_point(x, y, src->w, src->h, orientation, &X, &Y);
			memcpy(out->px + ((size_t)Y * dw + X) * ch,
			       src->px + ((size_t)y * src->w + x) * ch, ch);
		}
	return PL_OK;
}
