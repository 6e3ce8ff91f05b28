/* SPDX-License-Identifier: Apache-2.0 */
/* Reading the text of a media file's photo: regions found in the working image every detector
 * shares, cropped for Tesseract from a larger grey decode made only when a region is read. */
#include "ocr.h"
#include "pixels.h"

#include "banned.h"

static enum pl_status load_reading(void *ctx, struct image *out, struct pl_diag *d)
{
	return pixels_reading(ctx, out, d);
}

enum pl_status ocr_read_pixels(struct ocr_engine *e, struct pixels *px, const struct ocr_opts *o,
			       struct ocr_result *out, struct pl_diag *d)
{
	const struct image *img = pixels_photo(px);
	struct ocr_source src = { load_reading, px };

	ocr_result_init(out);
	if (!img)
		return image_diagf(d, px->st, "%s", px->err);
	return ocr_read_photo(e, img, &src, o, out, d);
}
