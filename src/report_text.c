/* SPDX-License-Identifier: Apache-2.0 */
/* Text report, like a compiler: "file:line:col: severity: message 'evidence' [rule]", the source
 * line with a caret underline, and the fix. */
#include <string.h>
#include <utf8proc.h>

#include "postlint/postlint.h"
#include "report_impl.h"
#include "utf8.h"
#include "banned.h"

#define SOURCE_LINE_MAX 400 /* bytes of a source line shown; longer lines are cut */

struct palette {
	const char *err, *warn, *info, *bold, *dim, *green, *reset;
};

static const struct palette colour = { "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1m",
				       "\033[2m", "\033[1;32m", "\033[0m" };
static const struct palette plain = { "", "", "", "", "", "", "" };

static const struct palette *pal(const struct pl_reporter *r)
{
	return r->opt.color ? &colour : &plain;
}

/* Display width of [p, p+len): wide characters (emoji, CJK) take two columns. */
static size_t width(const char *p, size_t len)
{
	size_t i = 0, w = 0, n;

	while (i < len) {
		n = utf8_valid_len(p + i, len - i);
		if (!n) {
			w++;
			i++;
			continue;
		}
		if (p[i] == '\t')
			w += 1;
		else {
			int cw = utf8proc_charwidth(utf8_decode(p + i, n));

			w += cw > 0 ? (size_t)cw : 0;
		}
		i += n;
	}
	return w;
}

/* Appends the line that holds the span, and a caret underline below it. */
static void excerpt(struct pl_buf *b, const struct pl_result *res, const struct pl_location *l,
		    const struct palette *c)
{
	const char *t = res->text;
	size_t ls = l->byte_start, le = l->byte_start, se, i, pad, ul;

	if (!t || l->byte_start > res->text_len)
		return;
	while (ls > 0 && t[ls - 1] != '\n')
		ls--;
	while (le < res->text_len && t[le] != '\n' && t[le] != '\r')
		le++;
	if (le - ls > SOURCE_LINE_MAX)
		return; /* a caption line that long is better read in the editor */
	se = l->byte_end < le ? l->byte_end : le;
	pl_buf_addf(b, "%5u | ", l->line);
	for (i = ls; i < le; i++)
		pl_buf_addc(b, t[i] == '\t' ? ' ' : (t[i] == '\0' ? ' ' : t[i]));
	pl_buf_adds(b, "\n      | ");
	pad = width(t + ls, l->byte_start - ls);
	ul = se > l->byte_start ? width(t + l->byte_start, se - l->byte_start) : 1;
	for (i = 0; i < pad; i++)
		pl_buf_addc(b, ' ');
	pl_buf_adds(b, c->green);
	pl_buf_addc(b, '^');
	for (i = 1; i < ul; i++)
		pl_buf_addc(b, '~');
	pl_buf_adds(b, c->reset);
	pl_buf_addc(b, '\n');
}

static void head(struct pl_buf *b, const struct pl_finding *f, const struct palette *c)
{
	const char *sc = f->severity == PL_SEV_ERROR ? c->err
			 : f->severity == PL_SEV_WARNING ? c->warn : c->info;

	pl_buf_addf(b, "%s%s", c->bold, f->loc.file ? f->loc.file : "-");
	if (f->loc.line)
		pl_buf_addf(b, ":%u:%u", f->loc.line, f->loc.column);
	pl_buf_addf(b, ":%s %s%s:%s %s%s", c->reset, sc, pl_severity_name(f->severity), c->reset,
		    c->bold, f->message ? f->message : "");
	if (f->evidence && f->evidence[0])
		pl_buf_addf(b, " '%s'", f->evidence);
	pl_buf_addf(b, "%s %s[%s]%s", c->reset, c->dim, f->rule_id, c->reset);
	if (f->loc.field)
		pl_buf_addf(b, " %s(field %s)%s", c->dim, f->loc.field, c->reset);
	if (f->loc.has_box)
		pl_buf_addf(b, " %s(box %d,%d %dx%d)%s", c->dim, f->loc.box_x, f->loc.box_y,
			    f->loc.box_w, f->loc.box_h, c->reset);
	pl_buf_addc(b, '\n');
}

static enum pl_status text_post(struct pl_reporter *r, const struct pl_result *res,
				struct pl_buf *out)
{
	const struct palette *c = pal(r);
	size_t i, k;

	if (res->unreadable)
		return PL_OK; /* the front end has said why on stderr */
	for (i = 0; res->findings && i < res->findings->len; i++) {
		const struct pl_finding *f = &res->findings->items[i];

		head(out, f, c);
		if (r->opt.quiet)
			continue;
		if (f->loc.line && f->loc.file && res->text_path && !strcmp(f->loc.file, res->text_path))
			excerpt(out, res, &f->loc, c);
		for (k = 0; k < f->nparts; k++)
			pl_buf_addf(out, "      = part %zu: '%s' at %u:%u\n", k + 1,
				    f->parts[k].evidence ? f->parts[k].evidence : "", f->parts[k].loc.line,
				    f->parts[k].loc.column);
		if (f->fix && f->fix[0])
			pl_buf_addf(out, "      = %sfix:%s %s\n", c->green, c->reset, f->fix);
		if (f->protocol)
			pl_buf_addf(out, "      = protocol: %s\n", f->protocol);
	}
	if (!r->opt.quiet && res->findings && res->findings->len)
		pl_buf_addf(out, "%s%s: %s%s\n\n", c->bold, res->path, pl_verdict_name(res->verdict),
			    c->reset);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

static enum pl_status text_end(struct pl_reporter *r, const struct pl_summary *s,
			       struct pl_buf *out)
{
	if (r->opt.quiet)
		return PL_OK;
	pl_buf_addf(out, "%zu post%s: %zu BLOCK, %zu REVIEW, %zu OK", s->posts,
		    s->posts == 1 ? "" : "s", s->by_verdict[PL_VERDICT_BLOCK],
		    s->by_verdict[PL_VERDICT_REVIEW], s->by_verdict[PL_VERDICT_OK]);
	if (s->unreadable)
		pl_buf_addf(out, ", %zu unreadable", s->unreadable);
	pl_buf_addf(out, " (%zu error%s, %zu warning%s, %zu info)\n", s->by_severity[PL_SEV_ERROR],
		    s->by_severity[PL_SEV_ERROR] == 1 ? "" : "s", s->by_severity[PL_SEV_WARNING],
		    s->by_severity[PL_SEV_WARNING] == 1 ? "" : "s", s->by_severity[PL_SEV_INFO]);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}

const struct report_format report_text = {
	.name = "text",
	.post = text_post,
	.end = text_end,
};
