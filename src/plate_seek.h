/* SPDX-License-Identifier: Apache-2.0 */
/* Plates whose characters are too small to be found in the working image: the blue EU band,
 * still a solid blob there, points at them, and the rows beside each band are found again in
 * the larger picture of the photo. */
#ifndef PL_PLATE_SEEK_H
#define PL_PLATE_SEEK_H

#include <stddef.h>

#include "image.h"
#include "plate_detect.h"
#include "postlint/status.h"
#include "text_regions.h"

#define PS_MAX_BANDS 8 /* bands looked beside per photo, the most plate-like first */

/*
 * The blue blobs of img (RGB; grey has none) shaped like the EU band of a plate too small for
 * text_regions_find to find its characters (a band 7 to 22 pixels tall), with a plate's light
 * ground and some ink on their right. out gets at most PS_MAX_BANDS boxes, the best first, in
 * img's coordinates; *n their count. Returns PL_ERR_USAGE for a bad image, PL_ERR_NOMEM.
 */
enum pl_status plate_seek_bands(const struct image *img, struct image_box *out, size_t *n,
				struct pl_diag *d);

/*
 * Finds the text lines beside each band of bands[0..n) (boxes in the coordinates of the image
 * they were found in) in big, the same photo at sx by sy of its pixels per pixel of that image
 * (RGB or grey), and returns them in out in that image's coordinates, as text_regions_find
 * would have (sorted by score, blobs and all). The caller releases out with
 * text_regions_release. Returns PL_ERR_USAGE for a bad image or scale, PL_ERR_NOMEM.
 */
enum pl_status plate_seek_lines(const struct image *big, float sx, float sy,
				const struct image_box *bands, size_t n, struct text_regions *out,
				struct pl_diag *d);

/*
 * The plate candidates of bands[0..n) (found in img, RGB): the lines beside them in big
 * (plate_seek_lines) scored as plates in img (plate_candidates: img's colour decides ground and
 * band), those kept whose band is at their left end and whose box is about as long as a plate
 * of the band's height. On PL_OK *out holds *nout candidates, best first (NULL when none); the
 * caller frees it with free(). Fails as plate_seek_lines and plate_candidates do.
 */
enum pl_status plate_seek_candidates(const struct image *img, const struct image *big, float sx,
				     float sy, const struct image_box *bands, size_t n,
				     struct plate_candidate **out, size_t *nout, struct pl_diag *d);

#endif
