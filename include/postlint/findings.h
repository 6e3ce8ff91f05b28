/* SPDX-License-Identifier: Apache-2.0 */
/* Findings: what a scan reports, where, why, and how to fix it; and the verdict of a post. */
#ifndef POSTLINT_FINDINGS_H
#define POSTLINT_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

enum pl_severity {
	PL_SEV_INFO = 0,
	PL_SEV_WARNING = 1,
	PL_SEV_ERROR = 2,
};

/* Verdict of one post: BLOCK when it has an error, REVIEW when a warning, OK otherwise. */
enum pl_verdict {
	PL_VERDICT_OK = 0,
	PL_VERDICT_REVIEW = 1,
	PL_VERDICT_BLOCK = 2,
};

/*
 * Where a finding is. For text: line and column (1-based, column counted in characters) and the
 * byte span [byte_start, byte_end) in the original file. For media: the field (a canonical metadata
 * field such as "gps.position") and/or a pixel box; line is 0 then.
 */
struct pl_location {
	char *file;      /* path as given by the user, owned by the finding */
	unsigned line;
	unsigned column;
	size_t byte_start;
	size_t byte_end;
	char *field;     /* NULL unless a metadata finding */
	int has_box;
	int box_x, box_y, box_w, box_h;
};

/* One part of a combination finding ("red sneakers" and "blue trousers"). */
struct pl_finding_part {
	struct pl_location loc;
	char *evidence;
};

struct pl_finding {
	char *rule_id;
	char *category;
	enum pl_severity severity;
	char *message;   /* in the post's language, English fallback */
	char *fix;
	char *protocol;  /* protocol reference, may be NULL */
	struct pl_location loc;
	char *evidence;  /* the matched text or value, may be NULL */
	struct pl_finding_part *parts;
	size_t nparts;
	double confidence; /* 0..1; 1 for exact text matches */
};

/* A growable list of findings. Zero-initialise or call pl_findings_init. */
struct pl_findings {
	struct pl_finding *items;
	size_t len;
	size_t cap;
};

void pl_findings_init(struct pl_findings *f);
/* Frees every finding's contents and the array; leaves an empty list. */
void pl_findings_release(struct pl_findings *f);

/*
 * Appends a copy of *src (all strings duplicated, parts included). The list owns the copy.
 * Returns PL_ERR_NOMEM on allocation failure (the list is unchanged).
 */
enum pl_status pl_findings_add(struct pl_findings *f, const struct pl_finding *src);

/* Sorts by file, then byte position, then rule id: the order every report prints. */
void pl_findings_sort(struct pl_findings *f);

/* The verdict for the findings (highest severity decides). */
enum pl_verdict pl_findings_verdict(const struct pl_findings *f);

const char *pl_severity_name(enum pl_severity s);       /* "error", "warning", "info" */
const char *pl_verdict_name(enum pl_verdict v);         /* "BLOCK", "REVIEW", "OK" */
/* Parses "error"/"warning"/"info"; returns 0 on success, -1 when unknown. */
int pl_severity_parse(const char *s, enum pl_severity *out);

#ifdef __cplusplus
}
#endif
#endif
