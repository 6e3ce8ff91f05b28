/* SPDX-License-Identifier: Apache-2.0 */
/* The media scanner: opens each media file of a post once and hands it to the media rules. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "scan_impl.h"
#include "util.h"
#include "banned.h"

enum pl_status media_scan_file(struct scan_job *job, size_t media_index)
{
	const char *path = job->post->media[media_index];
	char msg[PL_DIAG_MSG_MAX];
	unsigned char head[16];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		snprintf(msg, sizeof(msg), "cannot read '%s': %s", path, errno_str(errno));
		return scan_add_input_finding(job->out, path, "input.unreadable", PL_SEV_ERROR, 0, msg,
					      "check that the file exists and can be read");
	}
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n == 0) {
		snprintf(msg, sizeof(msg), "'%s' is empty", path);
		return scan_add_input_finding(job->out, path, "input.unreadable", PL_SEV_ERROR, 0, msg,
					      "export the photo or video again");
	}
	return PL_OK;
}
