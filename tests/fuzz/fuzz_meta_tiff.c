/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: TIFF files: libexif, the IFD reader, compaction, maker notes. */
#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"
#include "meta_tiff.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_fields f;

	meta_fields_init(&f);
	meta_tiff_read(&f, data, size);
	meta_fields_release(&f);
	return 0;
}
