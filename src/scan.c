/* SPDX-License-Identifier: Apache-2.0 */
/* Scanning a post: the scanner table, language choice, and the caption scanner. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ocr.h"
#include "findings_impl.h"
#include "scan_impl.h"
#include "text_scan.h"
#include "textnorm.h"
#include "banned.h"

static enum pl_status run_caption(struct scan_job *job, size_t media_index);

/* Adding a scanner: one function, one row. */
static const struct scanner scanners[] = {
	{ "caption", 0, run_caption },
	{ "media", 1, media_scan_file },
};

void pl_scan_options_init(struct pl_scan_options *o)
{
	memset(o, 0, sizeof(*o));
}

enum pl_status scan_add_input_finding(struct pl_findings *out, const char *file, const char *id,
				      enum pl_severity sev, size_t offset, const char *message,
				      const char *fix)
{
	struct pl_finding f;

	memset(&f, 0, sizeof(f));
	f.rule_id = (char *)(uintptr_t)id;
	f.category = (char *)(uintptr_t) "input";
	f.severity = sev;
	f.message = (char *)(uintptr_t)message;
	f.fix = (char *)(uintptr_t)fix;
	f.loc.file = (char *)(uintptr_t)file;
	f.loc.byte_start = f.loc.byte_end = offset;
	f.confidence = 1.0;
	return pl_findings_add(out, &f);
}

static enum pl_status report_encoding(const struct textnorm *tn, const char *name,
				      struct pl_findings *out)
{
	char msg[160];
	enum pl_status st = PL_OK;

	if (tn->invalid_utf8) {
		snprintf(msg, sizeof(msg), "caption is not valid UTF-8: %zu bad byte%s, the first at byte %zu",
			 tn->invalid_utf8, tn->invalid_utf8 == 1 ? "" : "s", tn->first_invalid);
		st = scan_add_input_finding(out, name, "input.encoding", PL_SEV_WARNING,
					    tn->first_invalid, msg, "save the caption as UTF-8");
	}
	if (st == PL_OK && tn->nul_bytes) {
		snprintf(msg, sizeof(msg), "caption contains %zu NUL byte%s, the first at byte %zu",
			 tn->nul_bytes, tn->nul_bytes == 1 ? "" : "s", tn->first_nul);
		st = scan_add_input_finding(out, name, "input.encoding", PL_SEV_WARNING,
					    tn->first_nul, msg, "remove the NUL bytes; is this a text file?");
	}
	return st;
}

static int rule_runs(const struct text_scan *ts, size_t i)
{
	const struct rule *r = &ts->rs->rules[i];

	if (!r->kind->scan_text)
		return 0;
	if (ts->only >= 0) /* an example: its account and language meet the rule's scope */
		return (long)i == ts->only && ts_in_scope(ts, r);
	return r->enabled && !r->internal && ts_in_scope(ts, r);
}

/* Internal rules have no report of their own; run alone (examples) they report their matches. */
static enum pl_status scan_internal(const struct rule *r, struct text_scan *ts)
{
	const struct match_list *ml;
	enum pl_status st = ts_rule_matches(ts, (size_t)(r - ts->rs->rules), &ml);
	size_t i;

	for (i = 0; st == PL_OK && i < ml->len; i++)
		if (ml->items[i].part >= 0)
			st = ts_report(ts, r, &ml->items[i], NULL, 0);
	return st;
}

enum pl_status pl_scanner_new(struct pl_scanner **out, const struct pl_ruleset *rs)
{
	struct pl_scanner *sc = calloc(1, sizeof(*sc));
	size_t n = rs->nrules ? rs->nrules : 1;

	*out = NULL;
	if (!sc)
		return PL_ERR_NOMEM;
	sc->rs = rs;
	textnorm_init(&sc->tn);
	sc->cache = calloc(n, sizeof(*sc->cache));
	sc->cached = calloc(n, 1);
	sc->found = calloc(PF_WORDS(rs->pf.nlits) + 1, sizeof(*sc->found));
	if (!sc->cache || !sc->cached || !sc->found || regex_matcher_init(&sc->m) != PL_OK) {
		pl_scanner_free(&sc);
		return PL_ERR_NOMEM;
	}
	*out = sc;
	return PL_OK;
}

void pl_scanner_free(struct pl_scanner **psc)
{
	struct pl_scanner *sc;
	size_t i;

	if (!psc || !*psc)
		return;
	sc = *psc;
	for (i = 0; sc->cache && i < sc->rs->nrules; i++)
		match_list_release(&sc->cache[i]);
	free(sc->cache);
	free(sc->cached);
	free(sc->found);
	pf_hits_release(&sc->hits);
	free(sc->runs.v);
	free(sc->digits);
	cond_memo_release(&sc->memo);
	ocr_engine_free(&sc->ocr);
	textnorm_release(&sc->tn);
	regex_matcher_release(&sc->m);
	free(sc);
	*psc = NULL;
}

enum pl_status scan_prepare(struct pl_scanner *sc, const char *text, size_t len)
{
	enum pl_status st = textnorm_build(&sc->tn, text, len);

	if (st == PL_OK) {
		const unsigned char *t = (const unsigned char *)sc->tn.norm;
		size_t i, n = sc->tn.len;
		unsigned char hi = 0;
		uint32_t *dg = sc->digits, *wd;

		if (n >= sc->digits_cap || !dg) {
			free(sc->digits);
			sc->digits_cap = n < 1024 ? 1024 : n + 1;
			sc->digits = dg = n < UINT32_MAX / 2
						  ? malloc(2 * sc->digits_cap * sizeof(*dg))
						  : NULL;
			if (!dg)
				sc->digits_cap = 0;
		}
		sc->wide = dg ? dg + sc->digits_cap : NULL;
		if (dg) {
			wd = sc->wide;
			dg[0] = wd[0] = 0;
			for (i = 0; i < n; i++) {
				hi |= t[i];
				dg[i + 1] = dg[i] + (t[i] >= '0' && t[i] <= '9');
				wd[i + 1] = wd[i] + (t[i] >= 0x80);
			}
		} else {
			for (i = 0; i < n; i++)
				hi |= t[i];
		}
		sc->ascii = hi < 0x80;
		cond_memo_reset(&sc->memo);
	}
	if (st == PL_OK && sc->rs->pf.nlits) {
		memset(sc->found, 0, PF_WORDS(sc->rs->pf.nlits) * sizeof(*sc->found));
		prefilter_scan(&sc->rs->pf, sc->tn.norm, sc->tn.len, sc->found, &sc->hits);
	}
	return st;
}

enum pl_status scan_caption(struct pl_scanner *sc, const char *name, const char *lang,
			    enum pl_account account, const char *const *langs, long only,
			    struct pl_findings *out, struct pl_diag *d)
{
	const struct pl_ruleset *rs = sc->rs;
	/* the whole-text reference: no gates, no spans, characters counted one by one */
	int ref = sc->whole_text;
	struct text_scan ts = { .rs = rs, .tn = &sc->tn, .name = name, .lang = lang,
				.account = account, .langs = langs, .m = &sc->m, .out = out,
				.d = d, .cache = sc->cache, .cached = sc->cached,
				.found = ref ? NULL : sc->found, .hits = ref ? NULL : &sc->hits,
				.runs = ref ? NULL : &sc->runs, .ascii = ref ? 0 : sc->ascii,
				.digits = ref ? NULL : sc->digits, .wide = ref ? NULL : sc->wide,
				.memo = &sc->memo, .only = only };
	enum pl_status st = PL_OK;
	size_t i;

	memset(sc->cached, 0, rs->nrules ? rs->nrules : 1);
	if (only < 0 && (st = report_encoding(&sc->tn, name, out)) != PL_OK)
		return st;
	for (i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];

		if (!rule_runs(&ts, i))
			continue;
		st = r->internal ? scan_internal(r, &ts) : r->kind->scan_text(r, &ts);
		if (st != PL_OK)
			break;
	}
	return st;
}

static enum pl_status run_caption(struct scan_job *job, size_t media_index)
{
	(void)media_index;
	if (!job->post->text)
		return PL_OK;
	return scan_caption(job->sc, job->post->text_path ? job->post->text_path : job->post->path,
			    job->lang, job->account, job->langs, -1, job->out, job->d);
}

/* Every two-letter code as a static string, so that languages taken from the options outlive
 * the job (pl_scan_primary_lang returns one). */
#define LANG_ROW(a)                                                                            \
	a "a", a "b", a "c", a "d", a "e", a "f", a "g", a "h", a "i", a "j", a "k", a "l", a "m", \
	a "n", a "o", a "p", a "q", a "r", a "s", a "t", a "u", a "v", a "w", a "x", a "y", a "z"
static const char *const lang_codes[26 * 26] = {
	LANG_ROW("a"), LANG_ROW("b"), LANG_ROW("c"), LANG_ROW("d"), LANG_ROW("e"), LANG_ROW("f"),
	LANG_ROW("g"), LANG_ROW("h"), LANG_ROW("i"), LANG_ROW("j"), LANG_ROW("k"), LANG_ROW("l"),
	LANG_ROW("m"), LANG_ROW("n"), LANG_ROW("o"), LANG_ROW("p"), LANG_ROW("q"), LANG_ROW("r"),
	LANG_ROW("s"), LANG_ROW("t"), LANG_ROW("u"), LANG_ROW("v"), LANG_ROW("w"), LANG_ROW("x"),
	LANG_ROW("y"), LANG_ROW("z"),
};

/* The code at the start of a comma-separated list ("nl" of "nl,fr"), or NULL when it is not two
 * letters. */
static const char *lang_code(const char *p)
{
	int a = tolower((unsigned char)p[0]), b = a ? tolower((unsigned char)p[1]) : 0;

	if (a < 'a' || a > 'z' || b < 'a' || b > 'z' || (p[2] && p[2] != ','))
		return NULL;
	return lang_codes[(a - 'a') * 26 + (b - 'a')];
}

/* Declared languages win; otherwise they are guessed from the caption. */
static void choose_langs(struct scan_job *job)
{
	const char *det[LANGDETECT_MAX + 1] = { NULL };
	size_t i, n = 0;

	if (job->opt && job->opt->langs) {
		const char *p = job->opt->langs;

		while (*p && n < PL_POST_MAX_LANGS) {
			const char *code = lang_code(p);

			if (code)
				job->langs[n++] = code;
			p = strchr(p, ',');
			if (!p)
				break;
			p++;
		}
	} else if (job->post->nlangs) {
		for (i = 0; i < job->post->nlangs && n < PL_POST_MAX_LANGS; i++)
			job->langs[n++] = job->post->langs[i];
	} else if (job->post->text && job->sc) {
		size_t len = job->sc->tn.len > 8192 ? 8192 : job->sc->tn.len;

		langdetect(job->sc->tn.norm, len, det);
		for (i = 0; det[i] && n < PL_POST_MAX_LANGS; i++)
			job->langs[n++] = det[i];
	}
	job->langs[n] = NULL;
	job->lang = n ? job->langs[0] : "en";
}

const char *pl_scan_primary_lang(const struct pl_post *post, const struct pl_scan_options *opt)
{
	struct scan_job job = { .post = post, .opt = opt };
	const char *det[LANGDETECT_MAX + 1] = { NULL };
	char *norm;

	choose_langs(&job);
	if (job.langs[0] || !post->text)
		return job.lang;
	norm = textnorm_string(post->text, post->text_len > 8192 ? 8192 : post->text_len);
	if (norm)
		langdetect(norm, strlen(norm), det);
	free(norm);
	return det[0] ? det[0] : "en";
}

/* Where rule id stands in rs (its position orders duplicate findings). */
static size_t rule_rank(const char *id, const void *ctx)
{
	const struct pl_ruleset *rs = ctx;
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].id, id))
			return i;
	return i;
}

enum pl_status pl_scanner_run(struct pl_scanner *sc, struct pl_post *post,
			      const struct pl_scan_options *opt, struct pl_findings *out,
			      struct pl_diag *d)
{
	struct scan_job job = { .sc = sc, .rs = sc->rs, .post = post, .opt = opt, .out = out, .d = d };
	enum pl_status st = PL_OK;
	size_t s, i;

	if (post->text && scan_prepare(sc, post->text, post->text_len) != PL_OK)
		return diag_set(d, PL_ERR_NOMEM, post->path, 0, 0, "out of memory normalising the caption");
	choose_langs(&job);
	sc->lang = job.lang;
	job.account = opt && opt->account ? opt->account : post->account;
	for (s = 0; st == PL_OK && s < sizeof(scanners) / sizeof(scanners[0]); s++) {
		if (!scanners[s].per_media) {
			st = scanners[s].run(&job, 0);
			continue;
		}
		for (i = 0; st == PL_OK && i < post->nmedia; i++)
			st = scanners[s].run(&job, i);
	}
	pl_findings_sort(out);
	findings_drop_duplicates(out, rule_rank, sc->rs);
	return st;
}

const char *pl_scanner_lang(const struct pl_scanner *sc)
{
	return sc && sc->lang ? sc->lang : "en";
}

enum pl_status pl_scan_post(const struct pl_ruleset *rs, struct pl_post *post,
			    const struct pl_scan_options *opt, struct pl_findings *out,
			    struct pl_diag *d)
{
	struct pl_scanner *sc;
	enum pl_status st = pl_scanner_new(&sc, rs);

	if (st != PL_OK)
		return diag_set(d, st, post->path, 0, 0, "out of memory");
	st = pl_scanner_run(sc, post, opt, out, d);
	pl_scanner_free(&sc);
	return st;
}

enum pl_status pl_scanner_text(struct pl_scanner *sc, const char *name, const char *text,
			       size_t len, const struct pl_scan_options *opt, struct pl_findings *out,
			       struct pl_diag *d)
{
	struct pl_post post;

	pl_post_init(&post);
	post.path = (char *)(uintptr_t)name;
	post.text_path = (char *)(uintptr_t)name;
	post.text = (char *)(uintptr_t)text;
	post.text_len = len;
	return pl_scanner_run(sc, &post, opt, out, d);
}

enum pl_status pl_scan_text(const struct pl_ruleset *rs, const char *name, const char *text,
			    size_t len, const struct pl_scan_options *opt, struct pl_findings *out,
			    struct pl_diag *d)
{
	struct pl_scanner *sc;
	enum pl_status st = pl_scanner_new(&sc, rs);

	if (st != PL_OK)
		return st;
	st = pl_scanner_text(sc, name, text, len, opt, out, d);
	pl_scanner_free(&sc);
	return st;
}
