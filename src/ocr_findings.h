/* SPDX-License-Identifier: Apache-2.0 */
/* From what was read in a photo to findings: the caption's text rules run on each reading (and
 * on street names and house numbers read together), and the pixel detectors' own reports
 * (plates read, possible plates, house numbers) for a rule of kind 'detector'. */
#ifndef PL_OCR_FINDINGS_H
#define PL_OCR_FINDINGS_H

#include "ocr.h"
#include "postlint/findings.h"
#include "postlint/post.h"
#include "postlint/scan.h"

#define PIXELS_MAX_PAIRS 16 /* street-name and house-number pairs scanned per photo */

/* A rule as a pixel detector reports it (what a 'detector' rule has at hand). */
struct pixels_rule {
	const char *id;
	const char *category;
	const char *message;  /* in the post's language */
	const char *fix;
	const char *protocol; /* may be NULL */
	enum pl_severity severity;
	float min_confidence; /* readings (possible plates: candidate scores) below are not reported */
};

/* What pixels_detector_findings reports. */
enum pixels_what {
	PIXELS_PLATE,          /* plates read and validated; evidence: the plate as read */
	PIXELS_PLATE_POSSIBLE, /* plate candidates not read (or not validated); no evidence */
	PIXELS_HOUSE_NUMBER,   /* house numbers (OCR_NUMBER); evidence: the number */
};

/*
 * Appends one finding of rule per item of res that what selects and that reaches
 * rule->min_confidence, located in path with its box (has_box, rounded pixel coordinates of the
 * image res was read from); confidence: the reading's, or the candidate's score. Returns
 * PL_ERR_NOMEM (out keeps what was added).
 */
enum pl_status pixels_detector_findings(const struct ocr_result *res, enum pixels_what what,
					const char *path, const struct pixels_rule *rule,
					struct pl_findings *out);

/*
 * Runs every text rule of sc's rule set on the readings of res: each reading alone (plates
 * too, unless skip_plates: then a 'plate' detector rule reports them), and each street name
 * followed by each house number ("Kerkstraat 12a", at most PIXELS_MAX_PAIRS pairs; only
 * findings spanning both are kept, the others repeat the single readings'). Each finding keeps
 * its rule, severity, message and fix, is located in path with the reading's box (the union
 * for a pair), its evidence the text read, its confidence the reading's. lang, account and
 * langs are the post's (see pl_scanner_run). Overwrites the scanner's prepared caption: call it
 * after the caption was scanned. Returns PL_ERR_MATCH (d set) or PL_ERR_NOMEM.
 */
enum pl_status pixels_text_findings(struct pl_scanner *sc, const char *path, const char *lang,
				    enum pl_account account, const char *const *langs,
				    const struct ocr_result *res, int skip_plates,
				    struct pl_findings *out, struct pl_diag *d);

#endif
