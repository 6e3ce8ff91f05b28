/* SPDX-License-Identifier: Apache-2.0 */
/* The table of report formats and the streaming reporter around it. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "report_impl.h"
#include "banned.h"

/* Adding a format: one file defining a struct report_format, one row here. */
static const struct report_format *const formats[] = {
	&report_text,
	&report_json,
	&report_sarif,
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const char *const *pl_report_formats(void)
{
	static const char *names[NFORMATS + 1];
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		names[i] = formats[i]->name;
	names[NFORMATS] = NULL;
	return names;
}

enum pl_status pl_reporter_new(struct pl_reporter **out, const char *format,
			       const struct pl_report_options *opt, struct pl_diag *d)
{
	size_t i;

	*out = NULL;
	for (i = 0; i < NFORMATS; i++) {
		if (strcmp(formats[i]->name, format))
			continue;
		*out = calloc(1, sizeof(**out));
		if (!*out)
			return PL_ERR_NOMEM;
		(*out)->fmt = formats[i];
		if (opt)
			(*out)->opt = *opt;
		return PL_OK;
	}
	return diag_set(d, PL_ERR_NOTFOUND, NULL, 0, 0, "unknown output format '%s'", format);
}

enum pl_status pl_reporter_begin(struct pl_reporter *r, const struct pl_ruleset *rs, struct pl_buf *out)
{
	r->rs = rs;
	return r->fmt->begin ? r->fmt->begin(r, out) : PL_OK;
}

enum pl_status pl_reporter_post(struct pl_reporter *r, const struct pl_result *res, struct pl_buf *out)
{
	enum pl_status st = r->fmt->post(r, res, out);

	r->posts++;
	return st;
}

enum pl_status pl_reporter_end(struct pl_reporter *r, const struct pl_summary *s, struct pl_buf *out)
{
	return r->fmt->end ? r->fmt->end(r, s, out) : PL_OK;
}

void pl_reporter_free(struct pl_reporter **r)
{
	if (!r)
		return;
	free(*r);
	*r = NULL;
}

void pl_summary_add(struct pl_summary *s, const struct pl_result *res)
{
	size_t i;

	s->posts++;
	if (res->unreadable) {
		s->unreadable++;
		return;
	}
	s->by_verdict[res->verdict]++;
	for (i = 0; res->findings && i < res->findings->len; i++)
		s->by_severity[res->findings->items[i].severity]++;
}

void json_str(struct pl_buf *b, const char *s)
{
	if (!s) {
		pl_buf_adds(b, "null");
		return;
	}
	pl_buf_addc(b, '"');
	pl_buf_add_json_str(b, s, strlen(s));
	pl_buf_addc(b, '"');
}

void uri_path(struct pl_buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	if (p[0] == '.' && p[1] == '/')
		p += 2;
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			pl_buf_addc(b, (char)*p);
		} else {
			pl_buf_addc(b, '%');
			pl_buf_addc(b, hex[*p >> 4]);
			pl_buf_addc(b, hex[*p & 15]);
		}
	}
}
