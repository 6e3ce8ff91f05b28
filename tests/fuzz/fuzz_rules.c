/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: the rules-file loader (JSON, keys, patterns, vocabularies, prefilter analysis). */
#include <stddef.h>
#include <stdint.h>

#include "memfile.h"
#include "postlint/postlint.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char path[64];
	int fd = memfile(data, size, path, sizeof(path));

	if (fd < 0)
		return 0;
	if (pl_ruleset_load(&rs, path, NULL, &d) == PL_OK) {
		size_t run, failed;

		pl_ruleset_test(rs, NULL, NULL, &run, &failed, &d);
	}
	pl_ruleset_free(&rs);
	close(fd);
	return 0;
}
