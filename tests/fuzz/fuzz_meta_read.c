/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: meta_read(), format detection and dispatch to every reader. */
#include <stddef.h>
#include <stdint.h>

#include "meta.h"

#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meta_fields f;
	struct pl_diag d;

	meta_fields_init(&f);
	meta_read("fuzz", data, size, &f, &d);
	meta_fields_release(&f);
	return 0;
}
