/* SPDX-License-Identifier: Apache-2.0 */
/* What postlint check does with one post, whatever thread it runs on: load and scan it
 * (a worker's half), then account for and report its findings (the writer's half). The pool that
 * hands jobs between the threads is check_pool.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "banned.h"

#define STDIN_MAX PL_POST_MAX_TEXT

/* ---- loading and scanning (a worker) --------------------------------------------------------- */

void strip_in(char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	char *p;

	if (!s || !n)
		return;
	if (!strncmp(s, prefix, n - 1) && s[n - 1] == '\0') {
		s[0] = '.';
		s[1] = '\0';
		return;
	}
	while ((p = strstr(s, prefix)) != NULL)
		memmove(p, p + n, strlen(p + n) + 1);
}

static enum pl_status read_stdin(struct pl_post *post, struct pl_diag *d)
{
	char *buf, *np;
	size_t len = 0, cap = 65536, got;
	enum pl_status st;

	if (!(buf = malloc(cap)))
		return PL_ERR_NOMEM;
	while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += got;
		if (len < cap)
			continue;
		if (cap >= STDIN_MAX) {
			free(buf);
			snprintf(d->file, sizeof(d->file), "-");
			snprintf(d->message, sizeof(d->message),
				 "caption on stdin is larger than the %u-byte limit", STDIN_MAX);
			return PL_ERR_LIMIT;
		}
		if (!(np = realloc(buf, cap * 2))) {
			free(buf);
			return PL_ERR_NOMEM;
		}
		buf = np;
		cap *= 2;
	}
	st = pl_post_from_text(post, "-", buf, len, d);
	free(buf);
	return st;
}

static enum pl_status load(struct job *j)
{
	switch (j->kind) {
	case JOB_STDIN:
		return read_stdin(&j->post, &j->diag);
	case JOB_PATH:
		return pl_post_load(&j->post, j->load, &j->diag);
	case JOB_FILES:
		return pl_post_load_files(&j->post, j->name, j->caption,
					  (const char *const *)j->media, j->nmedia, &j->diag);
	default:
		snprintf(j->diag.message, sizeof(j->diag.message), "%s", j->error ? j->error : "");
		return PL_ERR_IO;
	}
}

static void strip_findings(struct pl_findings *f, const char *prefix)
{
	size_t i, k;

	for (i = 0; i < f->len; i++) {
		strip_in(f->items[i].loc.file, prefix);
		strip_in(f->items[i].message, prefix);
		for (k = 0; k < f->items[i].nparts; k++)
			strip_in(f->items[i].parts[k].loc.file, prefix);
	}
}

/* Staged mode: every path the post and its findings carry, as the user knows it. */
static void strip_job(struct job *j, const char *prefix)
{
	size_t i;

	strip_in(j->post.path, prefix);
	strip_in(j->post.text_path, prefix);
	strip_in(j->post.manifest, prefix);
	for (i = 0; i < j->post.nmedia; i++)
		strip_in(j->post.media[i], prefix);
	strip_findings(&j->findings, prefix);
	strip_findings(&j->suppressed, prefix);
	strip_in(j->diag.file, prefix);
	strip_in(j->diag.message, prefix);
}

void scanners_free(struct scanners *scs)
{
	size_t k;

	for (k = 0; k < scs->n; k++)
		pl_scanner_free(&scs->sc[k]);
}

static struct pl_scanner *scanner_for(struct scanners *s, const struct pl_ruleset *rs)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->rs[i] == rs)
			return s->sc[i];
	if (s->n == CHECK_MAX_RULESETS || pl_scanner_new(&s->sc[s->n], rs) != PL_OK)
		return NULL;
	s->rs[s->n] = rs;
	return s->sc[s->n++];
}

void job_process(const struct check_run *r, struct scanners *scs, struct job *j)
{
	const struct check_input *in = j->in;
	struct pl_scanner *sc;
	enum pl_status st;

	pl_diag_init(&j->diag);
	if (j->kind == JOB_NOTE)
		return;
	if ((st = load(j)) != PL_OK) {
		j->unreadable = 1;
		goto out;
	}
	if (!(sc = scanner_for(scs, in->rs))) {
		snprintf(j->diag.message, sizeof(j->diag.message), "out of memory");
		j->unreadable = 1;
		goto out;
	}
	if ((st = pl_scanner_run(sc, &j->post, &in->so, &j->findings, &j->diag)) != PL_OK) {
		j->unreadable = 1;
		j->match_error = st == PL_ERR_MATCH;
		goto out;
	}
	st = pl_suppress_apply(in->rs, &j->post, &r->sup, &j->findings,
			       r->show_suppressed ? &j->suppressed : NULL, &j->nsuppressed, &j->diag);
	if (st != PL_OK)
		j->unreadable = 1;
	j->lang = pl_scanner_lang(sc);
out:
	if (r->strip)
		strip_job(j, r->strip);
}

/* ---- reporting (the writer) ------------------------------------------------------------------ */

static void report_note(struct check_run *r, const struct job *j)
{
	progress_clear(&r->progress);
	cli_errorf("skipped '%s': %s", j->name, j->error);
}

/* Accounts for the findings that will be reported: exit code, baseline, input errors. */
static void account(struct check_run *r, struct job *j, size_t *nbaselined)
{
	size_t i;

	*nbaselined = 0;
	for (i = 0; r->write_baseline && i < j->findings.len; i++)
		if (pl_baseline_add(r->write_baseline, &j->findings.items[i]) != PL_OK)
			r->oom = 1;
	if (r->baseline && pl_baseline_filter(r->baseline, &j->findings, nbaselined) != PL_OK)
		r->oom = 1;
	for (i = 0; i < j->findings.len; i++) {
		const struct pl_finding *f = &j->findings.items[i];

		if ((int)f->severity + 1 > r->worst)
			r->worst = (int)f->severity + 1;
		if (f->category && !strcmp(f->category, "input") && f->severity == PL_SEV_ERROR)
			r->unreadable = 1;
	}
}

void job_report(struct check_run *r, struct job *j)
{
	struct pl_result res = { .path = j->name };

	if (j->kind == JOB_NOTE) {
		report_note(r, j);
		return;
	}
	if (j->unreadable) {
		progress_clear(&r->progress);
		cli_error(&j->diag);
		r->unreadable = 1;
		r->match_error |= j->match_error;
		res.unreadable = 1;
		res.error = &j->diag;
	} else {
		account(r, j, &res.nbaselined);
		res.text_path = j->post.text_path;
		res.text = j->post.text;
		res.text_len = j->post.text_len;
		res.lang = j->lang;
		res.findings = &j->findings;
		res.verdict = pl_findings_verdict(&j->findings);
		res.nsuppressed = j->nsuppressed;
		if (r->show_suppressed)
			res.suppressed = &j->suppressed;
	}
	pl_summary_add(&r->sum, &res);
	if (r->progress.on && r->progress.shown && outputs_on_tty(r->out))
		progress_clear(&r->progress);
	outputs_post(r->out, &res);
}

