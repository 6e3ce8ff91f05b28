/* SPDX-License-Identifier: Apache-2.0 */
/* Reports: findings rendered as text, JSON or SARIF, streamed one post at a time into a buffer. */
#ifndef POSTLINT_REPORT_H
#define POSTLINT_REPORT_H

#include <stddef.h>

#include "postlint/buf.h"
#include "postlint/findings.h"
#include "postlint/rules.h"
#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PL_JSON_SCHEMA_VERSION 1

/* The outcome of one post, as a report sees it. Nothing here is owned by the report. */
struct pl_result {
	const char *path;          /* the post as the user named it */
	const char *text_path;     /* caption file, may be NULL */
	const char *text;          /* caption bytes for source excerpts, may be NULL */
	size_t text_len;
	const char *lang;          /* language the messages are in */
	enum pl_verdict verdict;
	const struct pl_findings *findings;
	int unreadable;            /* the post could not be read at all */
	const struct pl_diag *error; /* why, when unreadable */
	const struct pl_findings *suppressed; /* shown when non-NULL (--show-suppressed) */
	size_t nsuppressed;        /* findings an "allow" entry covered */
	size_t nbaselined;         /* findings the baseline knew */
};

#define PL_SUMMARY_MAX_CATEGORIES 32
#define PL_SUMMARY_CATEGORY_LEN 32

struct pl_summary_category {
	char name[PL_SUMMARY_CATEGORY_LEN]; /* the last slot may be "other" when there are more */
	size_t count;
};

struct pl_summary {
	size_t posts;
	size_t by_verdict[3];      /* indexed by enum pl_verdict */
	size_t unreadable;
	size_t by_severity[3];     /* indexed by enum pl_severity */
	struct pl_summary_category by_category[PL_SUMMARY_MAX_CATEGORIES]; /* sorted by name */
	size_t ncategories;
	size_t suppressed;
	size_t baselined;
};

struct pl_report_options {
	int color;                 /* ANSI colour in the text format */
	int quiet;                 /* text: no source excerpt, no fix, no summary */
	const char *tool_version;
};

struct pl_reporter;

/* Names of the formats, NULL-terminated, in the order --help lists them. */
const char *const *pl_report_formats(void);

/*
 * Makes a reporter for format ("text", "json", "sarif", ...). The caller frees it with
 * pl_reporter_free. PL_ERR_NOTFOUND with d set when the format is unknown.
 */
enum pl_status pl_reporter_new(struct pl_reporter **out, const char *format,
			       const struct pl_report_options *opt, struct pl_diag *d);
/* Each call appends to out; the caller writes out wherever it wants and may reset it between calls. */
enum pl_status pl_reporter_begin(struct pl_reporter *r, const struct pl_ruleset *rs, struct pl_buf *out);
enum pl_status pl_reporter_post(struct pl_reporter *r, const struct pl_result *res, struct pl_buf *out);
enum pl_status pl_reporter_end(struct pl_reporter *r, const struct pl_summary *s, struct pl_buf *out);
void pl_reporter_free(struct pl_reporter **r);

/* Adds one result to a summary. */
void pl_summary_add(struct pl_summary *s, const struct pl_result *res);

#ifdef __cplusplus
}
#endif
#endif
