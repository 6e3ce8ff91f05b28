/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: JPEG decoding to a working size (header limits, DCT scaling, CMYK, damaged
 * scans, the area resize), the marker walk and orienting the result. */
#include <stddef.h>
#include <stdint.h>

#include "image.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image img, turned;
	struct image_jpeg_info info;
	struct pl_diag d;

	image_jpeg_info(data, size, &info);
	if (image_decode_jpeg(data, size, 256, &img, &d) == PL_OK) {
		if (image_orient(&img, info.orientation, &turned, &d) == PL_OK)
			image_release(&turned);
		image_release(&img);
	}
	return 0;
}
