/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: post manifests (post.json), media paths and allow entries. */
#include <stddef.h>
#include <stdint.h>

#include "memfile.h"
#include "postlint/postlint.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_post post;
	struct pl_diag d;
	char path[64], name[80];
	int fd = memfile(data, size, path, sizeof(path));

	if (fd < 0)
		return 0;
	/* the loader knows a manifest by its name: a link named *.post.json points at the memfd */
	snprintf(name, sizeof(name), "/tmp/pl-fuzz-%d.post.json", (int)getpid());
	unlink(name);
	if (symlink(path, name) == 0) {
		if (pl_post_load(&post, name, &d) == PL_OK)
			pl_post_release(&post);
		unlink(name);
	}
	close(fd);
	return 0;
}
