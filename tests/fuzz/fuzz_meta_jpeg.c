/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: the JPEG marker walk and everything it reaches (EXIF, XMP, IPTC, MPF, trailers). */
#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_fields f;

	meta_fields_init(&f);
	meta_jpeg_read(&f, data, size);
	meta_fields_release(&f);
	return 0;
}
