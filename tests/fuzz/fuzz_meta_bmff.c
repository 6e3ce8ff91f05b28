/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: the ISO-BMFF walk (MP4/MOV location atoms, HEIF iinf/iloc items). */
#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_fields f;
	struct meta_src src = { data, -1, size };

	meta_fields_init(&f);
	meta_bmff_read(&f, &src, 0, 0);
	meta_fields_release(&f);
	return 0;
}
