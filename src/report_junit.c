/* SPDX-License-Identifier: Apache-2.0 */
/* JUnit XML, as CI test reports read it: one testsuite, a testcase per post, a failure per error or
 * warning (info findings go to the testcase's system-out), an error element for an unreadable post.
 * Posts are streamed, so the suite carries no counts: readers count the testcases themselves. */
#include <string.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "banned.h"

static void xml(struct pl_buf *b, const char *s)
{
	if (s)
		pl_buf_add_xml_str(b, s, strlen(s));
}

/* "file:line:col: severity: message 'evidence' [rule]" and the fix, as the failure's text. */
static void describe(struct pl_buf *b, const struct pl_finding *f)
{
	xml(b, f->loc.file ? f->loc.file : "-");
	if (f->loc.line)
		pl_buf_addf(b, ":%u:%u", f->loc.line, f->loc.column);
	pl_buf_addf(b, ": %s: ", pl_severity_name(f->severity));
	xml(b, f->message);
	if (f->evidence && f->evidence[0]) {
		pl_buf_adds(b, " &apos;");
		xml(b, f->evidence);
		pl_buf_adds(b, "&apos;");
	}
	pl_buf_adds(b, " [");
	xml(b, f->rule_id);
	pl_buf_addc(b, ']');
	if (f->loc.field) {
		pl_buf_adds(b, " (field ");
		xml(b, f->loc.field);
		pl_buf_addc(b, ')');
	}
	if (f->fix && f->fix[0]) {
		pl_buf_adds(b, "\nfix: ");
		xml(b, f->fix);
	}
	if (f->protocol) {
		pl_buf_adds(b, "\nprotocol: ");
		xml(b, f->protocol);
	}
}

static enum pl_status junit_begin(struct pl_reporter *r, struct pl_buf *out)
{
	(void)r;
	pl_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<testsuites name=\"postlint\">\n<testsuite name=\"postlint\">\n");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status junit_post(struct pl_reporter *r, const struct pl_result *res,
				 struct pl_buf *out)
{
	size_t i, info = 0;

	(void)r;
	pl_buf_adds(out, "<testcase classname=\"postlint\" name=\"");
	xml(out, res->path);
	pl_buf_adds(out, "\" file=\"");
	xml(out, res->path);
	pl_buf_adds(out, "\">");
	if (res->unreadable) {
		pl_buf_adds(out, "\n  <error type=\"input.unreadable\" message=\"");
		xml(out, res->error ? res->error->message : "cannot read the post");
		pl_buf_adds(out, "\"/>\n");
	}
	for (i = 0; !res->unreadable && res->findings && i < res->findings->len; i++) {
		const struct pl_finding *f = &res->findings->items[i];

		if (f->severity == PL_SEV_INFO) {
			info++;
			continue;
		}
		pl_buf_adds(out, "\n  <failure type=\"");
		xml(out, f->rule_id);
		pl_buf_addf(out, "\" message=\"%s: ", pl_severity_name(f->severity));
		xml(out, f->message);
		pl_buf_adds(out, "\">");
		describe(out, f);
		pl_buf_adds(out, "</failure>");
	}
	if (info) {
		pl_buf_adds(out, "\n  <system-out>");
		for (i = 0; res->findings && i < res->findings->len; i++) {
			if (res->findings->items[i].severity != PL_SEV_INFO)
				continue;
			describe(out, &res->findings->items[i]);
			pl_buf_addc(out, '\n');
		}
		pl_buf_adds(out, "</system-out>");
	}
	pl_buf_adds(out, res->unreadable ? "</testcase>\n" : "\n</testcase>\n");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status junit_end(struct pl_reporter *r, const struct pl_summary *s,
				struct pl_buf *out)
{
	(void)r;
	(void)s;
	pl_buf_adds(out, "</testsuite>\n</testsuites>\n");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_junit = {
	.name = "junit",
	.begin = junit_begin,
	.post = junit_post,
	.end = junit_end,
};
