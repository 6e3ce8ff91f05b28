/* SPDX-License-Identifier: Apache-2.0 */
/* GitHub Actions workflow commands: one "::error file=..,line=..,col=..,title=..::message" line per
 * finding, which the runner turns into annotations on the pull request's files. */
#include <string.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "banned.h"

/* Escapes a command's message: '%', CR and LF are what the runner decodes. */
static void esc_data(struct pl_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%': pl_buf_adds(b, "%25"); break;
		case '\r': pl_buf_adds(b, "%0D"); break;
		case '\n': pl_buf_adds(b, "%0A"); break;
		default: pl_buf_addc(b, *s);
		}
	}
}

/* Escapes a property value: as a message, and ':' and ',' that separate properties. */
static void esc_prop(struct pl_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == ':')
			pl_buf_adds(b, "%3A");
		else if (*s == ',')
			pl_buf_adds(b, "%2C");
		else {
			char one[2] = { *s, '\0' };

			esc_data(b, one);
		}
	}
}

static const char *command(enum pl_severity s)
{
	return s == PL_SEV_ERROR ? "error" : s == PL_SEV_WARNING ? "warning" : "notice";
}

static void annotation(struct pl_buf *b, const struct pl_finding *f)
{
	pl_buf_addf(b, "::%s file=", command(f->severity));
	esc_prop(b, f->loc.file ? f->loc.file : "");
	if (f->loc.line)
		pl_buf_addf(b, ",line=%u,col=%u", f->loc.line, f->loc.column);
	pl_buf_adds(b, ",title=");
	esc_prop(b, "postlint ");
	esc_prop(b, f->rule_id);
	pl_buf_adds(b, "::");
	esc_data(b, f->message);
	if (f->evidence && f->evidence[0]) {
		pl_buf_adds(b, " '");
		esc_data(b, f->evidence);
		pl_buf_addc(b, '\'');
	}
	if (f->loc.field) {
		pl_buf_adds(b, " (field ");
		esc_data(b, f->loc.field);
		pl_buf_addc(b, ')');
	}
	if (f->fix && f->fix[0]) {
		pl_buf_adds(b, ". Fix: ");
		esc_data(b, f->fix);
	}
	pl_buf_addc(b, '\n');
}

static enum pl_status github_post(struct pl_reporter *r, const struct pl_result *res,
				  struct pl_buf *out)
{
	size_t i;

	(void)r;
	if (res->unreadable) {
		pl_buf_adds(out, "::error file=");
		esc_prop(out, res->path);
		pl_buf_adds(out, ",title=postlint input.unreadable::");
		esc_data(out, res->error ? res->error->message : "cannot read the post");
		pl_buf_addc(out, '\n');
		return out->oom ? PL_ERR_NOMEM : PL_OK;
	}
	for (i = 0; res->findings && i < res->findings->len; i++)
		annotation(out, &res->findings->items[i]);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_github = {
	.name = "github",
	.post = github_post,
};
