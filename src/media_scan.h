/* SPDX-License-Identifier: Apache-2.0 */
/* What media rule kinds see of one photo or video: its metadata (and, later, its pixels). */
#ifndef PL_MEDIA_SCAN_H
#define PL_MEDIA_SCAN_H

#include "meta.h"
#include "pixels.h"
#include "postlint/scan.h"
#include "rules_impl.h"

struct ocr_result;

struct media_scan {
	const char *path;            /* as the user named it */
	const struct meta_fields *meta;
	const char *lang;            /* messages' language */
	struct regex_matcher *m;
	struct pl_findings *out;
	struct pl_diag *d;
	const struct pl_scan_options *opt;
	const struct pl_ruleset *rs;
	struct pixels *px;           /* decoded on first need by a pixel rule */
	struct pl_scanner *sc;       /* the thread's scanner: its OCR engine, its text rules */
	const char *const *langs;    /* the post's languages */
	enum pl_account account;
	struct ocr_result *ocr;      /* what was read in the photo, once for every rule */
	int ocr_tried;
	int ocr_read;                /* the result includes readings (not only plate candidates) */
	char ocr_err[PL_DIAG_MSG_MAX]; /* why the photo could not be read, when it could not */
	int ocr_err_reported;        /* once per photo, by the first text detector */
};

/* Reports rule r on a box of the displayed photo (or of an embedded picture when field). */
enum pl_status media_report_box(struct media_scan *ms, const struct rule *r, const char *field,
				int x, int y, int w, int h, const char *evidence);

/* Writes a field's value for people and for "matches": text as is, numbers plainly, positions as
 * "52.0907000, 5.1214000 (52.09070 N, 5.12140 E)", embedded data as "jpeg, 4821 bytes at 1024". */
void media_field_value(const struct meta_field *f, char *buf, size_t len);

/* Reports rule r on field f of the media file (evidence: the field's value unless hide_value). */
enum pl_status media_report(struct media_scan *ms, const struct rule *r, const struct meta_field *f,
			    int hide_value);

#endif
