/* SPDX-License-Identifier: Apache-2.0 */
/* SARIF 2.1.0, as code-scanning services read it: rule metadata first, results streamed. */
#include <string.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "banned.h"

static const char *level(enum pl_severity s)
{
	return s == PL_SEV_ERROR ? "error" : s == PL_SEV_WARNING ? "warning" : "note";
}

static void rule_meta(struct pl_buf *b, const struct pl_ruleset *rs, size_t i)
{
	struct pl_rule_info ri;

	pl_ruleset_rule(rs, i, &ri);
	pl_buf_adds(b, i ? ",\n{\"id\":" : "\n{\"id\":");
	json_str(b, ri.id);
	pl_buf_adds(b, ",\"shortDescription\":{\"text\":");
	json_str(b, pl_ruleset_message(rs, i, "en"));
	pl_buf_adds(b, "},\"fullDescription\":{\"text\":");
	json_str(b, ri.description ? ri.description : pl_ruleset_message(rs, i, "en"));
	pl_buf_adds(b, "},\"help\":{\"text\":");
	json_str(b, pl_ruleset_fix(rs, i, "en"));
	pl_buf_addf(b, "},\"defaultConfiguration\":{\"level\":\"%s\",\"enabled\":%s}",
		    level(ri.severity), ri.enabled && !ri.internal ? "true" : "false");
	pl_buf_adds(b, ",\"properties\":{\"category\":");
	json_str(b, ri.category);
	pl_buf_adds(b, ",\"protocol\":");
	json_str(b, ri.protocol);
	pl_buf_adds(b, ",\"tags\":[\"privacy\",");
	json_str(b, ri.category);
	pl_buf_adds(b, "]}}");
}

static enum pl_status sarif_begin(struct pl_reporter *r, struct pl_buf *out)
{
	size_t i, n = pl_ruleset_count(r->rs);

	pl_buf_adds(out, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
			 "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"postlint\","
			 "\"semanticVersion\":");
	json_str(out, r->opt.tool_version ? r->opt.tool_version : PL_VERSION);
	pl_buf_adds(out, ",\"rules\":[");
	for (i = 0; i < n; i++)
		rule_meta(out, r->rs, i);
	pl_buf_adds(out, "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static void region(struct pl_buf *b, const struct pl_location *l, const char *evidence)
{
	pl_buf_adds(b, "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"");
	uri_path(b, l->file ? l->file : "");
	pl_buf_adds(b, "\"}");
	if (l->line) {
		pl_buf_addf(b, ",\"region\":{\"startLine\":%u,\"startColumn\":%u,\"byteOffset\":%zu,"
			       "\"byteLength\":%zu",
			    l->line, l->column, l->byte_start, l->byte_end - l->byte_start);
		if (evidence) {
			pl_buf_adds(b, ",\"snippet\":{\"text\":");
			json_str(b, evidence);
			pl_buf_addc(b, '}');
		}
		pl_buf_addc(b, '}');
	}
	pl_buf_addc(b, '}');
	if (l->field) {
		pl_buf_adds(b, ",\"logicalLocations\":[{\"name\":");
		json_str(b, l->field);
		pl_buf_adds(b, ",\"kind\":\"metadataField\"}]");
	}
	pl_buf_addc(b, '}');
}

static void result(struct pl_reporter *r, const struct pl_finding *f, struct pl_buf *b)
{
	long idx = pl_ruleset_find(r->rs, f->rule_id);
	size_t i;

	pl_buf_adds(b, r->results ? ",\n{\"ruleId\":" : "\n{\"ruleId\":");
	json_str(b, f->rule_id);
	if (idx >= 0)
		pl_buf_addf(b, ",\"ruleIndex\":%ld", idx);
	pl_buf_addf(b, ",\"level\":\"%s\",\"message\":{\"text\":", level(f->severity));
	{
		struct pl_buf m;

		pl_buf_init(&m);
		pl_buf_adds(&m, f->message ? f->message : "");
		if (f->evidence)
			pl_buf_addf(&m, " '%s'", f->evidence);
		if (f->fix)
			pl_buf_addf(&m, ". Fix: %s", f->fix);
		json_str(b, m.data ? m.data : "");
		pl_buf_release(&m);
	}
	pl_buf_adds(b, "},\"locations\":[");
	region(b, &f->loc, f->evidence);
	pl_buf_addc(b, ']');
	if (f->nparts) {
		pl_buf_adds(b, ",\"relatedLocations\":[");
		for (i = 0; i < f->nparts; i++) {
			if (i)
				pl_buf_addc(b, ',');
			region(b, &f->parts[i].loc, f->parts[i].evidence);
		}
		pl_buf_addc(b, ']');
	}
	pl_buf_adds(b, ",\"properties\":{\"category\":");
	json_str(b, f->category);
	pl_buf_adds(b, ",\"protocol\":");
	json_str(b, f->protocol);
	pl_buf_adds(b, "}}");
	r->results++;
}

static enum pl_status sarif_post(struct pl_reporter *r, const struct pl_result *res,
				 struct pl_buf *out)
{
	size_t i;

	for (i = 0; res->findings && i < res->findings->len; i++)
		result(r, &res->findings->items[i], out);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status sarif_end(struct pl_reporter *r, const struct pl_summary *s,
				struct pl_buf *out)
{
	(void)r;
	(void)s;
	pl_buf_adds(out, "\n]}]}\n");
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_sarif = {
	.name = "sarif",
	.begin = sarif_begin,
	.post = sarif_post,
	.end = sarif_end,
};
