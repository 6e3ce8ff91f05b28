/* SPDX-License-Identifier: Apache-2.0 */
/* Decoded pixels for the pixel detectors: JPEG decoding straight to a working size, an area
 * resize, the EXIF orientation of a JPEG and the mapping of boxes to the displayed image. */
#ifndef PL_IMAGE_H
#define PL_IMAGE_H

#include <stddef.h>

#include "postlint/status.h"

/* Hard limits, checked on the header alone before any pixel buffer is allocated. */
#define IMAGE_MAX_PIXELS (100LL * 1000 * 1000) /* declared width x height, 100 MP */
#define IMAGE_MAX_SIDE 30000                   /* declared width or height */
#define IMAGE_MAX_INPUT ((size_t)256 << 20)     /* compressed bytes accepted, 256 MiB */

/* Interleaved 8-bit pixels, rows top to bottom, no padding: px[(y * w + x) * channels + c].
 * channels is 3 (RGB) or 1 (grey). */
struct image {
	int w, h, channels;
	unsigned char *px;
	int warned;       /* decoding recovered from damaged data; the diagnostic says how */
	int src_w, src_h; /* the decoded file's own size (the same orientation as w, h): a box
			   * maps back to it by the factors src_w / w and src_h / h */
};

/* A box in pixel coordinates of some image: x, y of the top-left corner, then size. */
struct image_box {
	float x, y, w, h;
};

/* Zeroes an image. Allocates nothing. */
void image_init(struct image *img);
/* Frees the pixels and zeroes the image; accepts an image that holds nothing. */
void image_release(struct image *img);

/*
 * Decodes the JPEG in p[0..len) (which may be a sub-range of a larger buffer, an embedded
 * thumbnail for instance) into out as RGB. When max_side > 0 and the image is larger, the result
 * is scaled to fit max_side on its longer side (aspect kept, never enlarged): libjpeg-turbo's DCT
 * scaling decodes directly to the smallest size that is still at least that large, then an area
 * resize gives the exact size. Greyscale is expanded to RGB; CMYK and YCCK are converted, with
 * Adobe-inverted values when the file carries the Adobe marker.
 * Fails with PL_ERR_LIMIT when the declared size crosses IMAGE_MAX_PIXELS or IMAGE_MAX_SIDE (or
 * len crosses IMAGE_MAX_INPUT), decided from the header before any allocation; PL_ERR_INPUT for
 * data that is not a decodable JPEG; PL_ERR_NOMEM. On failure out holds nothing.
 * On PL_OK with out->warned set, the data was damaged (truncated, corrupt scan) but an image
 * was still produced (missing parts grey) and d->message says what libjpeg reported.
 * The caller releases out with image_release.
 */
enum pl_status image_decode_jpeg(const unsigned char *p, size_t len, int max_side,
				 struct image *out, struct pl_diag *d);

/*
 * Decodes the JPEG in p[0..len) into out as grey (one channel: the JPEG's own luma, with no
 * colour conversion or chroma upsampling), for reading text. DCT scaling alone sets the size:
 * the largest factor (at most 1) whose longer side fits max_side (max_side <= 0: full size), so
 * the result is at most max_side and no resize pass or second buffer is needed; out->src_w and
 * src_h give the factors back to the file's pixels. Same limits, damage handling and failures as
 * image_decode_jpeg; CMYK and YCCK files fail with PL_ERR_INPUT (no grey decode of them).
 * The caller releases out with image_release.
 */
enum pl_status image_decode_jpeg_grey(const unsigned char *p, size_t len, int max_side,
				      struct image *out, struct pl_diag *d);

/*
 * Area (box-filter) downscale of src to exactly w x h, each output pixel the coverage-weighted
 * mean of the source pixels under it. w and h must not exceed src's size. out gets fresh pixels
 * with src's channel count; release it with image_release.
 */
enum pl_status image_resize_area(const struct image *src, int w, int h, struct image *out,
				 struct pl_diag *d);

/* What a bounded walk of a JPEG's markers (up to the first scan) found. */
struct image_jpeg_info {
	int orientation; /* EXIF orientation 1..8 from APP1; 1 when absent or invalid */
	int adobe;       /* an APP14 Adobe marker is present */
	int adobe_transform; /* its transform byte (0 none/CMYK, 1 YCbCr, 2 YCCK), -1 when absent */
};

/* Walks the markers of p[0..len) and fills info. Never fails: damaged data gives the defaults. */
void image_jpeg_info(const unsigned char *p, size_t len, struct image_jpeg_info *info);

/*
 * Maps box b, found in the stored image of w x h pixels, to the image as displayed after the
 * EXIF orientation (1..8; anything else is taken as 1). Returns the displayed box; *dw and *dh,
 * when not NULL, receive the displayed size (w and h swapped for orientations 5 to 8).
 */
struct image_box image_box_orient(struct image_box b, int w, int h, int orientation, int *dw,
				  int *dh);

/*
 * The image as displayed after the EXIF orientation (1..8; anything else copies): out gets
 * fresh pixels, w and h swapped for 5 to 8. Release it with image_release.
 */
enum pl_status image_orient(const struct image *src, int orientation, struct image *out,
			    struct pl_diag *d);

/* Writes a printf-style message into d (when not NULL), truncating. Returns st. */
enum pl_status image_diagf(struct pl_diag *d, enum pl_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
