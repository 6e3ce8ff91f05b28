/* SPDX-License-Identifier: Apache-2.0 */
/* Maps a box found in the stored pixels of a JPEG to the image as displayed after its EXIF
 * orientation, so findings point at what a person sees. */
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
