/* SPDX-License-Identifier: Apache-2.0 */
/* JSON report, schema "postlint/1" (documented in README.md): one document, posts streamed. */
#include <string.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "banned.h"

static void location(struct pl_buf *b, const struct pl_location *l)
{
	pl_buf_adds(b, "{\"file\":");
	json_str(b, l->file);
	if (l->line)
		pl_buf_addf(b, ",\"line\":%u,\"column\":%u,\"byte_start\":%zu,\"byte_end\":%zu", l->line,
			    l->column, l->byte_start, l->byte_end);
	if (l->field) {
		pl_buf_adds(b, ",\"field\":");
		json_str(b, l->field);
	}
	if (l->has_box)
		pl_buf_addf(b, ",\"box\":{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}", l->box_x, l->box_y,
			    l->box_w, l->box_h);
	pl_buf_addc(b, '}');
}

static void finding(struct pl_buf *b, const struct pl_finding *f)
{
	size_t i;

	pl_buf_adds(b, "{\"rule\":");
	json_str(b, f->rule_id);
	pl_buf_adds(b, ",\"category\":");
	json_str(b, f->category);
	pl_buf_addf(b, ",\"severity\":\"%s\",\"message\":", pl_severity_name(f->severity));
	json_str(b, f->message);
	pl_buf_adds(b, ",\"fix\":");
	json_str(b, f->fix);
	pl_buf_adds(b, ",\"protocol\":");
	json_str(b, f->protocol);
	pl_buf_adds(b, ",\"location\":");
	location(b, &f->loc);
	pl_buf_adds(b, ",\"evidence\":");
	json_str(b, f->evidence);
	pl_buf_addf(b, ",\"confidence\":%.3f,\"parts\":[", f->confidence);
	for (i = 0; i < f->nparts; i++) {
		pl_buf_adds(b, i ? ",{\"location\":" : "{\"location\":");
		location(b, &f->parts[i].loc);
		pl_buf_adds(b, ",\"evidence\":");
		json_str(b, f->parts[i].evidence);
		pl_buf_addc(b, '}');
	}
	pl_buf_adds(b, "]}");
}

static enum pl_status json_begin(struct pl_reporter *r, struct pl_buf *out)
{
	pl_buf_addf(out, "{\"schema\":\"postlint/%d\",\"version\":", PL_JSON_SCHEMA_VERSION);
	json_str(out, r->opt.tool_version ? r->opt.tool_version : PL_VERSION);
	pl_buf_adds(out, ",\"posts\":[");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status json_post(struct pl_reporter *r, const struct pl_result *res,
				struct pl_buf *out)
{
	size_t i;

	pl_buf_adds(out, r->posts ? ",\n{\"path\":" : "\n{\"path\":");
	json_str(out, res->path);
	if (res->unreadable) {
		pl_buf_adds(out, ",\"verdict\":\"ERROR\",\"error\":");
		json_str(out, res->error ? res->error->message : "unreadable");
		pl_buf_adds(out, ",\"findings\":[]}");
		return out->oom ? PL_ERR_NOMEM : PL_OK;
	}
	pl_buf_addf(out, ",\"verdict\":\"%s\",\"lang\":", pl_verdict_name(res->verdict));
	json_str(out, res->lang);
	pl_buf_adds(out, ",\"findings\":[");
	for (i = 0; res->findings && i < res->findings->len; i++) {
		if (i)
			pl_buf_addc(out, ',');
		finding(out, &res->findings->items[i]);
	}
	pl_buf_adds(out, "]}");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status json_end(struct pl_reporter *r, const struct pl_summary *s,
			       struct pl_buf *out)
{
	(void)r;
	pl_buf_addf(out,
		    "\n],\"summary\":{\"posts\":%zu,\"block\":%zu,\"review\":%zu,\"ok\":%zu,"
		    "\"unreadable\":%zu,\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu}}\n",
		    s->posts, s->by_verdict[PL_VERDICT_BLOCK], s->by_verdict[PL_VERDICT_REVIEW],
		    s->by_verdict[PL_VERDICT_OK], s->unreadable, s->by_severity[PL_SEV_ERROR],
		    s->by_severity[PL_SEV_WARNING], s->by_severity[PL_SEV_INFO]);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_json = {
	.name = "json",
	.begin = json_begin,
	.post = json_post,
	.end = json_end,
};
