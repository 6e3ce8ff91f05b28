/* SPDX-License-Identifier: Apache-2.0 */
/* Pixels of one media file for the detectors: the photo decoded once at working size and upright,
 * and its embedded thumbnails and previews decoded on demand. */
#ifndef PL_PIXELS_H
#define PL_PIXELS_H

#include "image.h"
#include "meta.h"
#include "postlint/status.h"

#define PIXELS_WORKING_SIDE 1536   /* longer side the detectors see */
#define PIXELS_COMPARE_SIDE 32     /* thumbnails are compared at this size */
#define PIXELS_READING_SIDE 4096   /* longer side text is read from, at most (grey) */

struct pixels {
	const char *path;
	unsigned char *bytes;          /* the whole file, read on first need */
	size_t len;
	int tried;                     /* decoding was attempted (bytes/img valid or err set) */
	enum pl_status st;
	char err[PL_DIAG_MSG_MAX];
	struct image img;              /* upright, at most PIXELS_WORKING_SIDE */
	int orientation;
	int disp_w, disp_h;            /* the photo as displayed, in its own pixels */
};

void pixels_init(struct pixels *px, const char *path);
void pixels_release(struct pixels *px);

/*
 * The photo decoded at working size and turned upright (EXIF orientation). NULL when the file is
 * not a JPEG or cannot be decoded; px->st and px->err say why (PL_ERR_INPUT for another format).
 */
const struct image *pixels_photo(struct pixels *px);

/*
 * The photo again, larger, for reading text: grey, upright like pixels_photo's image, decoded at
 * the largest DCT scale whose longer side fits PIXELS_READING_SIDE (image_decode_jpeg_grey: one
 * byte a pixel, at most 16 MiB, plus as much again for a moment when the EXIF orientation turns
 * it). Call it after pixels_photo succeeded. out is the caller's, freed with image_release as soon
 * as the reading is done. Fails with PL_ERR_INPUT when there is nothing larger to read from than
 * the working image (a photo no longer than PIXELS_WORKING_SIDE * 5 / 4, a CMYK file, a photo
 * that did not decode), PL_ERR_NOMEM, or the decoder's failures (d says why).
 */
enum pl_status pixels_reading(struct pixels *px, struct image *out, struct pl_diag *d);

/* Decodes an embedded JPEG (thumbnail, preview) of the file at [offset, offset+length). */
enum pl_status pixels_embedded(struct pixels *px, long long offset, long long length, int max_side,
			       struct image *out, struct pl_diag *d);

/*
 * Similarity of a photo and its thumbnail: 1 for the same picture, lower for another one. The
 * thumbnail loses any black letterbox bars; both are reduced to PIXELS_COMPARE_SIDE squares in grey
 * and compared by normalised cross-correlation, the photo whole (stretched) and, when the shapes
 * differ, its middle cropped to the thumbnail's shape; the better match counts.
 */
double pixels_similarity(const struct image *photo, const struct image *thumb);

#endif
