/* SPDX-License-Identifier: Apache-2.0 */
/* GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
 * severity, location.path and location.lines.begin) that merge requests show and compare. */
#include <stdio.h>
#include <string.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "sha256.h"
#include "banned.h"

/* An error blocks the post, so it blocks the merge request too. */
static const char *severity(enum pl_severity s)
{
	return s == PL_SEV_ERROR ? "blocker" : s == PL_SEV_WARNING ? "major" : "info";
}

static void issue(struct pl_reporter *r, struct pl_buf *b, const char *check, const char *desc,
		  const char *fp, const char *sev, const char *path, unsigned line)
{
	pl_buf_adds(b, r->results ? ",\n{\"description\":" : "\n{\"description\":");
	json_str(b, desc);
	pl_buf_adds(b, ",\"check_name\":");
	json_str(b, check);
	pl_buf_addf(b, ",\"fingerprint\":\"%s\",\"severity\":\"%s\",\"location\":{\"path\":", fp, sev);
	json_str(b, path);
	pl_buf_addf(b, ",\"lines\":{\"begin\":%u}}}", line ? line : 1);
	r->results++;
}

/*
 * GitLab tells issues apart by fingerprint, so it must be unique and stable: the baseline's
 * fingerprint (rule, file, normalised evidence; no line), and for the second and later finding
 * with the same one in a post, that hashed again with its ordinal.
 */
static void unique_fp(const struct pl_findings *fs, size_t i, char out[SHA256_HEX_LEN + 1])
{
	char other[PL_FINGERPRINT_LEN + 1], seed[PL_FINGERPRINT_LEN + 24];
	size_t j, same = 0;

	pl_finding_fingerprint(&fs->items[i], out);
	for (j = 0; j < i; j++) {
		pl_finding_fingerprint(&fs->items[j], other);
		same += !strcmp(other, out);
	}
	if (!same)
		return;
	snprintf(seed, sizeof(seed), "%s#%zu", out, same);
	sha256_hex(seed, strlen(seed), out);
}

static enum pl_status gitlab_begin(struct pl_reporter *r, struct pl_buf *out)
{
	(void)r;
	pl_buf_addc(out, '[');
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status gitlab_post(struct pl_reporter *r, const struct pl_result *res,
				  struct pl_buf *out)
{
	char fp[SHA256_HEX_LEN + 1];
	struct pl_buf desc;
	size_t i;

	if (res->unreadable) {
		pl_buf_init(&desc);
		pl_buf_adds(&desc, "input.unreadable");
		pl_buf_add(&desc, "", 1);
		pl_buf_adds(&desc, res->path);
		sha256_hex(desc.data ? desc.data : "", desc.len, fp);
		pl_buf_release(&desc);
		issue(r, out, "input.unreadable",
		      res->error ? res->error->message : "cannot read the post", fp, "blocker",
		      res->path, 1);
		return out->oom ? PL_ERR_NOMEM : PL_OK;
	}
	for (i = 0; res->findings && i < res->findings->len; i++) {
		const struct pl_finding *f = &res->findings->items[i];

		pl_buf_init(&desc);
		pl_buf_adds(&desc, f->message ? f->message : "");
		if (f->evidence && f->evidence[0])
			pl_buf_addf(&desc, " '%s'", f->evidence);
		if (f->loc.field)
			pl_buf_addf(&desc, " (field %s)", f->loc.field);
		if (f->fix && f->fix[0])
			pl_buf_addf(&desc, ". Fix: %s", f->fix);
		unique_fp(res->findings, i, fp);
		issue(r, out, f->rule_id, desc.data ? desc.data : "", fp, severity(f->severity),
		      f->loc.file ? f->loc.file : res->path, f->loc.line);
		pl_buf_release(&desc);
	}
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status gitlab_end(struct pl_reporter *r, const struct pl_summary *s,
				 struct pl_buf *out)
{
	(void)s;
	pl_buf_adds(out, r->results ? "\n]\n" : "]\n");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_gitlab = {
	.name = "gitlab",
	.begin = gitlab_begin,
	.post = gitlab_post,
	.end = gitlab_end,
};
