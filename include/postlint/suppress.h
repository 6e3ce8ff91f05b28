/* SPDX-License-Identifier: Apache-2.0 */
/* Accepted findings: suppressions with a reason (post.json "allow") and baselines of a content
 * repository's known findings, fingerprinted by rule, file and evidence rather than line. */
#ifndef POSTLINT_SUPPRESS_H
#define POSTLINT_SUPPRESS_H

#include <stddef.h>

#include "postlint/buf.h"
#include "postlint/findings.h"
#include "postlint/post.h"
#include "postlint/rules.h"
#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PL_HASH_STR_LEN 71       /* "sha256:" + 64 hex digits */
#define PL_FINGERPRINT_LEN 64    /* hex digits */
#define PL_BASELINE_MAX_FILE (256u * 1024u * 1024u)

/*
 * "sha256:<hex>" of the normalised evidence (normalised as patterns see text: case-folded,
 * accents and zero-width characters gone, dashes and spaces unified) into out (72 bytes).
 * This is what an "allow" entry's "hash" names. Returns PL_ERR_NOMEM or PL_OK.
 */
enum pl_status pl_evidence_hash(const char *evidence, size_t len, char out[PL_HASH_STR_LEN + 1]);

/*
 * The baseline fingerprint of a finding into out (65 bytes): hex SHA-256 of its rule id, its file
 * and its normalised evidence (the metadata field when it has no evidence). Line numbers are left
 * out, so editing a caption elsewhere does not change it. Returns PL_ERR_NOMEM or PL_OK.
 */
enum pl_status pl_finding_fingerprint(const struct pl_finding *f, char out[PL_FINGERPRINT_LEN + 1]);

/* Whether s is a date written YYYY-MM-DD with a plausible month (01-12) and day (01-31). */
int pl_date_valid(const char *s);

struct pl_suppress_options {
	const char *today;   /* YYYY-MM-DD from the caller's clock; NULL: nothing expires */
	int no_pixels;       /* pixel detectors did not run: their entries cannot be judged unused */
};

/*
 * Applies post->allow to f. An entry covers a finding when its "rule" is the finding's rule id
 * (or a prefix "plate.*"), and its "match" (if any) equals the evidence once both are normalised,
 * and its "hash" (if any) is pl_evidence_hash of the evidence. Covered findings leave f: into
 * suppressed when it is non-NULL (their message then says who allowed them, why and until when),
 * else they are freed; *nsuppressed counts them. Entries mark themselves used.
 * Findings of category "suppression" (warning) are added to f, at the entry in the manifest:
 * suppression.invalid (no "by", no or malformed "until", a malformed hash, a rule that does not
 * exist; the entry suppresses nothing), suppression.expired ("until" before today; nothing
 * suppressed) and suppression.unused (it covered no finding). f is sorted again.
 */
enum pl_status pl_suppress_apply(const struct pl_ruleset *rs, struct pl_post *post,
				 const struct pl_suppress_options *opt, struct pl_findings *f,
				 struct pl_findings *suppressed, size_t *nsuppressed,
				 struct pl_diag *d);

/* Opaque: a set of fingerprints, loaded from a baseline file or being built for one. */
struct pl_baseline;

/* An empty baseline, to add findings to. The caller frees it with pl_baseline_free. */
enum pl_status pl_baseline_new(struct pl_baseline **out);
/*
 * Reads a baseline file (JSON: {"postlint_baseline": 1, "findings": [{"fingerprint": hex,
 * "rule": id, "file": path}, ...]}). Errors name the file and place.
 */
enum pl_status pl_baseline_load(struct pl_baseline **out, const char *path, struct pl_diag *d);
void pl_baseline_free(struct pl_baseline **b);
/* Records a finding (its fingerprint, rule and file). */
enum pl_status pl_baseline_add(struct pl_baseline *b, const struct pl_finding *f);
/*
 * Removes from f the findings whose fingerprint is in b; returns how many through *removed.
 * b is only read, so threads may share it.
 */
enum pl_status pl_baseline_filter(const struct pl_baseline *b, struct pl_findings *f,
				  size_t *removed);
/* Renders b as a baseline file, one finding per line, sorted by file, rule and fingerprint. */
enum pl_status pl_baseline_render(struct pl_baseline *b, struct pl_buf *out);
/* Number of distinct fingerprints in b. */
size_t pl_baseline_count(const struct pl_baseline *b);

#ifdef __cplusplus
}
#endif
#endif
