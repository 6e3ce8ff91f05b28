/* SPDX-License-Identifier: Apache-2.0 */
/* Scanning a post against a rule set: the scanner table runs text, metadata and pixel scanners. */
#ifndef POSTLINT_SCAN_H
#define POSTLINT_SCAN_H

#include <stddef.h>

#include "postlint/findings.h"
#include "postlint/post.h"
#include "postlint/rules.h"
#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

struct pl_scan_options {
	enum pl_account account; /* overrides the post's when not PL_ACCOUNT_UNSET */
	const char *langs;       /* comma-separated; overrides the post's when non-NULL */
	int no_pixels;           /* skip pixel detectors (faces, plates) */
	int no_ocr;              /* skip reading text in photos */
};

/* Zero options: everything on, the post's own context. */
void pl_scan_options_init(struct pl_scan_options *o);

/*
 * A scanner holds what scanning needs again and again (regex match state, buffers): make one per
 * thread and reuse it for every post. The rule set must outlive it and is only read, so several
 * scanners (threads) may share one rule set. Free with pl_scanner_free.
 */
struct pl_scanner;
enum pl_status pl_scanner_new(struct pl_scanner **out, const struct pl_ruleset *rs);
void pl_scanner_free(struct pl_scanner **sc);

/* As pl_scan_post, with a reusable scanner. */
enum pl_status pl_scanner_run(struct pl_scanner *sc, struct pl_post *post,
			      const struct pl_scan_options *opt, struct pl_findings *out,
			      struct pl_diag *d);

/*
 * Scans one post with every enabled rule of rs and appends the findings to out, sorted. Media
 * files that cannot be read become findings of their own (category "input") rather than failures,
 * so one bad photo never hides the caption's violations. Returns PL_ERR_MATCH when a pattern hit
 * its match limit (d names the rule and the place), PL_ERR_NOMEM, or PL_OK.
 */
enum pl_status pl_scan_post(const struct pl_ruleset *rs, struct pl_post *post,
			    const struct pl_scan_options *opt, struct pl_findings *out,
			    struct pl_diag *d);

/*
 * Scans caption text alone (no file): the path of least ceremony for tests and the benchmark.
 * name is what locations show.
 */
enum pl_status pl_scan_text(const struct pl_ruleset *rs, const char *name, const char *text,
			    size_t len, const struct pl_scan_options *opt, struct pl_findings *out,
			    struct pl_diag *d);
/* As pl_scan_text, with a reusable scanner (batches, benchmarks). */
enum pl_status pl_scanner_text(struct pl_scanner *sc, const char *name, const char *text,
			       size_t len, const struct pl_scan_options *opt, struct pl_findings *out,
			       struct pl_diag *d);

/* The post's languages as decided for messages: declared, else detected from the caption.
 * One-off posts may use pl_scan_post, which makes and frees a scanner. */
const char *pl_scan_primary_lang(const struct pl_post *post, const struct pl_scan_options *opt);
/* The language the scanner's last run wrote its messages in (as pl_scan_primary_lang decides,
 * from the caption it already normalised); "en" before any run. A static string. */
const char *pl_scanner_lang(const struct pl_scanner *sc);

#ifdef __cplusplus
}
#endif
#endif
