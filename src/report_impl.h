/* SPDX-License-Identifier: Apache-2.0 */
/* Report formats: each one file and one row in report.c's table. */
#ifndef PL_REPORT_IMPL_H
#define PL_REPORT_IMPL_H

#include "postlint/report.h"

struct report_format {
	const char *name;
	enum pl_status (*begin)(struct pl_reporter *r, struct pl_buf *out);
	enum pl_status (*post)(struct pl_reporter *r, const struct pl_result *res, struct pl_buf *out);
	enum pl_status (*end)(struct pl_reporter *r, const struct pl_summary *s, struct pl_buf *out);
};

struct pl_reporter {
	const struct report_format *fmt;
	struct pl_report_options opt;
	const struct pl_ruleset *rs;
	size_t posts;     /* posts written so far */
	size_t results;   /* findings written so far */
};

extern const struct report_format report_text;
extern const struct report_format report_json;
extern const struct report_format report_sarif;

/* Appends a JSON string literal (with quotes); NULL gives null. */
void json_str(struct pl_buf *b, const char *s);
/* Appends path as a relative URI reference (percent-encoded). */
void uri_path(struct pl_buf *b, const char *path);

#endif
