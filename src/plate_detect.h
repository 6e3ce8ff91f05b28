/* SPDX-License-Identifier: Apache-2.0 */
/* Licence plate candidates among the text lines of a photo: a row of dark characters on a
 * yellow or white ground, the blue EU band, the proportions of a 520 x 110 mm plate (or a
 * two-row plate), each candidate scored. */
#ifndef PL_PLATE_DETECT_H
#define PL_PLATE_DETECT_H

#include <stddef.h>

#include "image.h"
#include "postlint/status.h"
#include "text_regions.h"

#define PLATE_MAX_CANDIDATES 32 /* kept per photo, best first */

enum plate_ground {
	PLATE_GROUND_OTHER = 0,
	PLATE_GROUND_WHITE,  /* BE, FR, DE, LU */
	PLATE_GROUND_YELLOW, /* NL, LU rear, UK rear */
};

struct plate_candidate {
	struct image_box box;  /* the whole plate, estimated, in the image's coordinates */
	struct image_box text; /* the characters alone */
	float inner_x0, inner_x1; /* the ground between the bands (or the plate's edges) */
	float score;           /* 0..1 */
	float char_h;          /* character height, pixels */
	float slope;           /* dy/dx of the character row */
	int band_left;         /* a blue EU band on the left */
	int band_right;        /* and on the right (France) */
	int rows;              /* 1, or 2 for a two-row plate */
	int nchars;
	enum plate_ground ground;
};

/*
 * Scores the dark-on-light lines of tr (found in img, RGB or grey: grey gets no colour cues) as
 * licence plates. On PL_OK *out holds *n candidates, best first, at most PLATE_MAX_CANDIDATES,
 * overlapping ones merged (NULL when none); the caller frees it with free(). Returns
 * PL_ERR_USAGE for a bad image, PL_ERR_NOMEM.
 */
enum pl_status plate_candidates(const struct image *img, const struct text_regions *tr,
				struct plate_candidate **out, size_t *n, struct pl_diag *d);

/*
 * Adds more[0..nmore) to the candidates *list (*n of them, from plate_candidates), overlapping
 * ones merged as plate_candidates merges them; on PL_OK *list is a fresh array, best first, at
 * most PLATE_MAX_CANDIDATES (NULL when none), and the old one is freed. On PL_ERR_NOMEM *list
 * is unchanged.
 */
enum pl_status plate_candidates_merge(struct plate_candidate **list, size_t *n,
				      const struct plate_candidate *more, size_t nmore,
				      struct pl_diag *d);

/* Whether the RGB colour c is the deep, saturated blue of the EU band, not the sky's (inline:
 * plate_seek.c tests every pixel of the working image). */
static inline int plate_eu_blue(const int *c)
{
	return c[2] > 2 * c[0] + 20 && c[2] > c[1] + c[1] / 4 + 10 && c[2] > 40;
}

/* What a plate's ground sample c (RGB; grey repeated when img is grey) is: 1 yellow, 2 white
 * (bright and grey), 0 anything else. Grey images have no yellow. */
int plate_ground_kind(const struct image *img, const int *c);

/* The score at and above which a candidate is reported as a possible plate even unread. */
#define PLATE_LIKELY 0.6f

#endif
