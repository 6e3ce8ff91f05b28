/* SPDX-License-Identifier: Apache-2.0 */
/* The media scanner: reads each photo or video's metadata once and hands it to the media rules.
 * A file that cannot be read, and every part of it that could not be, becomes a finding. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "media_scan.h"
#include "ocr.h"
#include "rule_parse.h"
#include "scan_impl.h"
#include "util.h"
#include "banned.h"

static void dms(char *buf, size_t len, double v, char pos, char neg)
{
	snprintf(buf, len, "%.5f %c", fabs(v), v < 0 ? neg : pos);
}

void media_field_value(const struct meta_field *f, char *buf, size_t len)
{
	char a[32], b[32];

	switch (f->type) {
	case META_POSITION:
		dms(a, sizeof(a), f->lat, 'N', 'S');
		dms(b, sizeof(b), f->lon, 'E', 'W');
		snprintf(buf, len, "%.7f, %.7f (%s, %s)", f->lat, f->lon, a, b);
		break;
	case META_NUMBER:
		snprintf(buf, len, "%g", f->num);
		break;
	case META_DATA:
		snprintf(buf, len, "%s, %lld bytes at %lld", f->text ? f->text : "data", f->length,
			 f->offset);
		break;
	default:
		snprintf(buf, len, "%s", f->text ? f->text : "");
	}
}

enum pl_status media_report(struct media_scan *ms, const struct rule *r, const struct meta_field *f,
			    int hide_value)
{
	char value[META_MAX_TEXT + 64];
	struct pl_finding x;

	memset(&x, 0, sizeof(x));
	media_field_value(f, value, sizeof(value));
	x.rule_id = r->id;
	x.category = r->category;
	x.severity = r->severity;
	x.message = (char *)(uintptr_t)i18n_get(&r->message, ms->lang);
	x.fix = (char *)(uintptr_t)i18n_get(&r->fix, ms->lang);
	x.protocol = r->protocol;
	x.loc.file = (char *)(uintptr_t)ms->path;
	x.loc.field = (char *)(uintptr_t)f->name;
	x.loc.byte_start = x.loc.byte_end = f->offset >= 0 ? (size_t)f->offset : 0;
	x.evidence = hide_value ? NULL : value;
	x.confidence = 1.0;
	return pl_findings_add(ms->out, &x);
}

enum pl_status media_report_box(struct media_scan *ms, const struct rule *r, const char *field,
				int x, int y, int w, int h, const char *evidence)
{
	struct pl_finding f;

	memset(&f, 0, sizeof(f));
	f.rule_id = r->id;
	f.category = r->category;
	f.severity = r->severity;
	f.message = (char *)(uintptr_t)i18n_get(&r->message, ms->lang);
	f.fix = (char *)(uintptr_t)i18n_get(&r->fix, ms->lang);
	f.protocol = r->protocol;
	f.loc.file = (char *)(uintptr_t)ms->path;
	f.loc.field = (char *)(uintptr_t)field;
	f.loc.has_box = w > 0 && h > 0;
	f.loc.box_x = x;
	f.loc.box_y = y;
	f.loc.box_w = w;
	f.loc.box_h = h;
	f.evidence = (char *)(uintptr_t)evidence;
	f.confidence = 1.0;
	return pl_findings_add(ms->out, &f);
}

static enum pl_status report_problems(const char *path, const struct meta_fields *mf,
				      struct pl_findings *out)
{
	enum pl_status st = PL_OK;
	size_t i;

	for (i = 0; st == PL_OK && i < mf->nproblems; i++)
		st = scan_add_input_finding(out, path, "input.metadata", PL_SEV_WARNING,
					    mf->problems[i].offset >= 0 ? (size_t)mf->problems[i].offset : 0,
					    mf->problems[i].message,
					    mf->problems[i].lib_missing ?
						    "install what is missing (make deps), or check the "
						    "photo's location and details by eye before posting" :
						    "the file is damaged or unusual: export it again, "
						    "without metadata");
	return st;
}

enum pl_status media_scan_file(struct scan_job *job, size_t media_index)
{
	const char *path = job->post->media[media_index];
	struct meta_fields mf;
	struct pl_diag d;
	struct pixels px;
	struct ocr_result ocr;
	struct media_scan ms = { .path = path, .meta = &mf, .lang = job->lang, .m = &job->sc->m,
				 .out = job->out, .d = job->d, .opt = job->opt, .rs = job->rs,
				 .px = &px, .sc = job->sc, .langs = job->langs, .account = job->account,
				 .ocr = &ocr };
	enum pl_status st;
	size_t i;

	meta_fields_init(&mf);
	pixels_init(&px, path);
	ocr_result_init(&ocr);
	pl_diag_init(&d);
	for (i = 0; i < job->rs->nrules; i++) {
		const struct rule *r = &job->rs->rules[i];

		if (r->kind->want_fields && r->enabled && !r->internal)
			r->kind->want_fields(r, &mf);
	}
	st = meta_read_file(path, &mf, &d);
	if (st == PL_ERR_NOMEM)
		goto out;
	if (st != PL_OK) {
		st = scan_add_input_finding(job->out, path, "input.unreadable", PL_SEV_ERROR,
					    d.offset >= 0 ? (size_t)d.offset : 0, d.message,
					    "check that the file exists, can be read and is a photo or video");
		goto out;
	}
	if ((st = report_problems(path, &mf, job->out)) != PL_OK)
		goto out;
	for (i = 0; st == PL_OK && i < job->rs->nrules; i++) {
		const struct rule *r = &job->rs->rules[i];

		if (r->kind->scan_media && r->enabled && !r->internal)
			st = r->kind->scan_media(r, &ms);
	}
out:
	ocr_result_release(&ocr);
	pixels_release(&px);
	meta_fields_release(&mf);
	return st;
}
