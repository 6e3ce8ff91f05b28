/* SPDX-License-Identifier: Apache-2.0 */
/* Where a photo may hold text: character-like blobs (dark on light and light on dark) found by a
 * local-contrast threshold on a small pyramid, grouped into horizontal lines and scored. */
#ifndef PL_TEXT_REGIONS_H
#define PL_TEXT_REGIONS_H

#include <stddef.h>

#include "image.h"
#include "postlint/status.h"

/* Hard limits: bounded work whatever the photo. */
#define TR_WORK_SIDE 2048       /* the pyramid starts at most this long on its longer side */
#define TR_MIN_SIDE 160         /* no pyramid level shorter than this on its longer side */
#define TR_MAX_LEVELS 4         /* pyramid levels, each half the previous */
#define TR_MAX_COMPONENTS 60000 /* character-like blobs kept per level and polarity */
#define TR_MAX_LINES 2000       /* lines kept in all, best scores first */

/* A character-like blob, in the coordinates of the image given to text_regions_find. */
struct tr_comp {
	float x, y, w, h;
};

/* A text line: aligned blobs of similar height. comps[first .. first + n) of the result are its
 * blobs, left to right. */
struct tr_line {
	struct image_box box; /* union of its blobs */
	float score;          /* 0..1: how much it looks like a line of characters */
	float char_h;         /* median blob height */
	float slope;          /* dy/dx of the blob centres (least squares) */
	int dark;             /* 1: dark characters on a lighter ground; 0: light on dark */
	size_t first, n;
};

struct text_regions {
	struct tr_comp *comps;
	size_t ncomps;
	struct tr_line *lines; /* sorted by score, highest first */
	size_t nlines;
};

void text_regions_init(struct text_regions *r);
/* Frees the contents and zeroes r. */
void text_regions_release(struct text_regions *r);

/*
 * Finds text lines in img (RGB or grey, any size up to the image limits). Lines of fewer than
 * min_chars blobs are dropped (2 is the least accepted). Work is linear in the pixels of the
 * pyramid, which starts at TR_WORK_SIDE. On PL_OK out holds the lines (possibly none); the
 * caller releases it with text_regions_release. Returns PL_ERR_USAGE for an empty image or a bad
 * channel count, PL_ERR_NOMEM.
 */
enum pl_status text_regions_find(const struct image *img, int min_chars, struct text_regions *out,
				 struct pl_diag *d);

/* Grey (luma) copy of img, optionally shrunk by an area resize to fit max_side (0: keep size).
 * *scale receives the factor from the grey image's coordinates to img's. */
enum pl_status text_regions_grey(const struct image *img, int max_side, struct image *grey,
				 float *scale, struct pl_diag *d);

/* Intersection over union of two boxes; 0 when either is empty. */
float tr_box_iou(struct image_box a, struct image_box b);

#endif
