/* SPDX-License-Identifier: Apache-2.0 */
/* What media rule kinds see of one photo or video: its metadata (and, later, its pixels). */
#ifndef PL_MEDIA_SCAN_H
#define PL_MEDIA_SCAN_H

#include "meta.h"
#include "rules_impl.h"

struct media_scan {
	const char *path;            /* as the user named it */
	const struct meta_fields *meta;
	const char *lang;            /* messages' language */
	struct regex_matcher *m;
	struct pl_findings *out;
	struct pl_diag *d;
};

/* Writes a field's value for people and for "matches": text as is, numbers plainly, positions as
 * "52.0907000, 5.1214000 (52.09070 N, 5.12140 E)", embedded data as "jpeg, 4821 bytes at 1024". */
void media_field_value(const struct meta_field *f, char *buf, size_t len);

/* Reports rule r on field f of the media file (evidence: the field's value unless hide_value). */
enum pl_status media_report(struct media_scan *ms, const struct rule *r, const struct meta_field *f,
			    int hide_value);

#endif
