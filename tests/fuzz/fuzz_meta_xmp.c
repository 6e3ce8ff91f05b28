/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: an XMP packet through expat and the property table. */
#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_fields f;

	meta_fields_init(&f);
	meta_xmp_read(&f, (const char *)data, size, 0, "fuzz");
	meta_fields_release(&f);
	return 0;
}
