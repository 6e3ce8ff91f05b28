/* SPDX-License-Identifier: Apache-2.0 */
/* postlint check: load rules, read each post, scan, report, and choose the exit code. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "banned.h"

#define STDIN_MAX PL_POST_MAX_TEXT
#define RULESET_CACHE 8

struct check_opts {
	const char *rules;
	const char *config;
	const char *format;
	const char *output;
	int fail_on;          /* severity threshold; 3 = never */
	int fail_on_set;
	enum pl_account account;
	const char *lang;
	int color;            /* -1 auto */
	int quiet;
	struct pl_scan_options scan;
};

/* Rule sets loaded so far, by the spec that named them (configs may name different packs). */
struct ruleset_cache {
	char *spec[RULESET_CACHE];
	struct pl_ruleset *rs[RULESET_CACHE];
	size_t n;
};

static void check_usage(FILE *f)
{
	fprintf(f,
		"usage: postlint [check] [OPTIONS] PATH...\n\n"
		"PATH is a caption file (.txt, .md), a post manifest (post.json, *.post.json), a\n"
		"directory holding one post, a photo or video, or - for caption text on stdin.\n\n"
		"options:\n"
		"  --rules FILE|NAME     rules pack (default: from .postlint.json, else 'default')\n"
		"  --config FILE         use this config instead of the nearest .postlint.json\n"
		"  --format FMT          text (default), json or sarif\n"
		"  --output FILE         write the report to FILE instead of stdout\n"
		"  --fail-on LEVEL       error (default), warning, info or never: the lowest\n"
		"                        severity that makes the exit code 1\n"
		"  --account TYPE        professional or private (overrides the post's)\n"
		"  --lang CODES          post languages, comma-separated: nl,fr,en\n"
		"  --color WHEN          auto (default), always or never; NO_COLOR is honoured\n"
		"  --no-pixels           skip pixel detectors (faces, plates in photos)\n"
		"  --no-ocr              skip reading text in photos\n"
		"  -q, --quiet           findings only: no excerpts, fixes or summary\n"
		"  -h, --help            this help\n\n"
		"exit codes: 0 nothing at or above --fail-on, 1 violations, 2 usage or rules\n"
		"error, 3 an input could not be read.\n");
}

static int parse_fail_on(const char *s)
{
	enum pl_severity sev;

	if (!strcmp(s, "never"))
		return 3;
	if (pl_severity_parse(s, &sev) != 0)
		return -1;
	return (int)sev;
}

static int parse_opts(int argc, char **argv, struct check_opts *o)
{
	static const struct option longs[] = {
		{ "rules", required_argument, NULL, 'r' },  { "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, 'F' }, { "account", required_argument, NULL, 'a' },
		{ "lang", required_argument, NULL, 'l' },   { "color", required_argument, NULL, 'C' },
		{ "colour", required_argument, NULL, 'C' }, { "no-pixels", no_argument, NULL, 'P' },
		{ "no-ocr", no_argument, NULL, 'O' },       { "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->format = "text";
	o->fail_on = PL_SEV_ERROR;
	o->color = -1;
	pl_scan_options_init(&o->scan);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+qh", longs, NULL)) != -1) {
		switch (c) {
		case 'r': o->rules = optarg; break;
		case 'c': o->config = optarg; break;
		case 'f': o->format = optarg; break;
		case 'o': o->output = optarg; break;
		case 'F':
			o->fail_on = parse_fail_on(optarg);
			o->fail_on_set = 1;
			if (o->fail_on < 0) {
				cli_errorf("--fail-on takes error, warning, info or never, not '%s'", optarg);
				return -1;
			}
			break;
		case 'a':
			if (pl_account_parse(optarg, &o->account) != 0) {
				cli_errorf("--account takes professional or private, not '%s'", optarg);
				return -1;
			}
			break;
		case 'l': o->lang = optarg; break;
		case 'C':
			if (!strcmp(optarg, "always"))
				o->color = 1;
			else if (!strcmp(optarg, "never"))
				o->color = 0;
			else if (!strcmp(optarg, "auto"))
				o->color = -1;
			else {
				cli_errorf("--color takes auto, always or never, not '%s'", optarg);
				return -1;
			}
			break;
		case 'P': o->scan.no_pixels = 1; break;
		case 'O': o->scan.no_ocr = 1; break;
		case 'q': o->quiet = 1; break;
		case 'h': check_usage(stdout); return 1;
		default:
			cli_errorf("unknown option '%s' (see 'postlint check --help')", argv[optind - 1]);
			return -1;
		}
	}
	return 0;
}

static struct pl_ruleset *cached_rules(struct ruleset_cache *cache, const char *spec,
				       const struct cli_search *search)
{
	size_t i;
	struct pl_ruleset *rs;

	for (i = 0; i < cache->n; i++)
		if (!strcmp(cache->spec[i], spec))
			return cache->rs[i];
	rs = cli_load_rules(spec, search);
	if (!rs)
		return NULL;
	if (cache->n == RULESET_CACHE) {
		cli_errorf("more than %d different rules packs in one run", RULESET_CACHE);
		pl_ruleset_free(&rs);
		return NULL;
	}
	cache->spec[cache->n] = strdup(spec);
	if (!cache->spec[cache->n]) {
		pl_ruleset_free(&rs);
		return NULL;
	}
	cache->rs[cache->n++] = rs;
	return rs;
}

/* The rule set and defaults for one input: --rules, else its config, else 'default'. */
static struct pl_ruleset *rules_for(const char *input, const struct check_opts *o,
				    struct ruleset_cache *cache, const struct cli_search *search,
				    struct pl_config *cfg)
{
	struct pl_diag d;
	enum pl_status st;

	pl_diag_init(&d);
	memset(cfg, 0, sizeof(*cfg));
	if (o->config)
		st = pl_config_load(cfg, o->config, &d);
	else if (!o->rules)
		st = pl_config_find(cfg, strcmp(input, "-") ? input : ".", &d);
	else
		st = PL_OK;
	if (st != PL_OK) {
		cli_error(&d);
		return NULL;
	}
	return cached_rules(cache, o->rules ? o->rules : cfg->rules ? cfg->rules : "default", search);
}

static enum pl_status load_input(struct pl_post *post, const char *input, struct pl_diag *d)
{
	char *buf;
	size_t len = 0, cap = 65536, got;
	enum pl_status st;

	if (strcmp(input, "-"))
		return pl_post_load(post, input, d);
	buf = malloc(cap);
	if (!buf)
		return PL_ERR_NOMEM;
	while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += got;
		if (len == cap) {
			char *p;

			if (cap >= STDIN_MAX) {
				free(buf);
				pl_diag_init(d);
				snprintf(d->file, sizeof(d->file), "-");
				snprintf(d->message, sizeof(d->message),
					 "caption on stdin is larger than the %u-byte limit", STDIN_MAX);
				return PL_ERR_LIMIT;
			}
			p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return PL_ERR_NOMEM;
			}
			buf = p;
			cap *= 2;
		}
	}
	st = pl_post_from_text(post, "-", buf, len, d);
	free(buf);
	return st;
}

struct run {
	struct check_opts *o;
	struct pl_reporter *rep;
	struct pl_buf buf;
	FILE *out;
	struct pl_summary sum;
	int worst;            /* highest severity seen + 1, 0 for none */
	int unreadable;
	int rules_error;
};

static void flush(struct run *r)
{
	if (cli_write(r->out, &r->buf) != 0)
		r->unreadable = 1;
	pl_buf_reset(&r->buf);
}

static void check_one(struct run *r, const char *input, struct pl_ruleset *rs,
		      const struct pl_config *cfg)
{
	struct pl_post post;
	struct pl_findings f;
	struct pl_diag d;
	struct pl_result res = { .path = input };
	struct pl_scan_options so = r->o->scan;
	enum pl_status st;
	size_t i;

	pl_findings_init(&f);
	pl_diag_init(&d);
	so.account = r->o->account;
	if (!so.account && cfg->account)
		pl_account_parse(cfg->account, &so.account);
	so.langs = r->o->lang ? r->o->lang : cfg->lang;
	st = load_input(&post, input, &d);
	if (st != PL_OK) {
		res.unreadable = 1;
		res.error = &d;
		r->unreadable = 1;
		cli_error(&d);
		goto report;
	}
	st = pl_scan_post(rs, &post, &so, &f, &d);
	if (st != PL_OK) {
		cli_error(&d);
		r->rules_error |= st == PL_ERR_MATCH;
		res.unreadable = 1;
		res.error = &d;
	}
	res.text_path = post.text_path;
	res.text = post.text;
	res.text_len = post.text_len;
	res.lang = pl_scan_primary_lang(&post, &so);
	res.findings = &f;
	res.verdict = pl_findings_verdict(&f);
	for (i = 0; i < f.len; i++) {
		if ((int)f.items[i].severity + 1 > r->worst)
			r->worst = (int)f.items[i].severity + 1;
		if (!strcmp(f.items[i].category, "input") && f.items[i].severity == PL_SEV_ERROR)
			r->unreadable = 1;
	}
report:
	pl_summary_add(&r->sum, &res);
	pl_reporter_post(r->rep, &res, &r->buf);
	flush(r);
	pl_findings_release(&f);
	pl_post_release(&post);
}

static int exit_code(const struct run *r)
{
	if (r->rules_error)
		return EXIT_USAGE;
	if (r->unreadable)
		return EXIT_UNREADABLE;
	if (r->o->fail_on < 3 && r->worst >= r->o->fail_on + 1)
		return EXIT_VIOLATIONS;
	return EXIT_CLEAN;
}

static int want_color(const struct check_opts *o, FILE *out)
{
	const char *term = getenv("TERM");

	if (o->color >= 0)
		return o->color;
	if (getenv("NO_COLOR") && getenv("NO_COLOR")[0])
		return 0;
	return isatty(fileno(out)) && term && strcmp(term, "dumb");
}

static int run_all(struct run *r, int n, char **inputs, const struct cli_search *search)
{
	struct ruleset_cache cache = { 0 };
	struct pl_ruleset *first = NULL;
	int i, rc = EXIT_CLEAN;
	size_t k;

	for (i = 0; i < n; i++) {
		struct pl_config cfg;
		struct pl_ruleset *rs = rules_for(inputs[i], r->o, &cache, search, &cfg);

		if (!rs) {
			pl_config_release(&cfg);
			rc = EXIT_USAGE;
			break;
		}
		if (!first) {
			first = rs;
			pl_reporter_begin(r->rep, rs, &r->buf);
			flush(r);
		}
		if (!r->o->fail_on_set && cfg.fail_on && parse_fail_on(cfg.fail_on) >= 0)
			r->o->fail_on = parse_fail_on(cfg.fail_on);
		check_one(r, inputs[i], rs, &cfg);
		pl_config_release(&cfg);
	}
	if (first) {
		pl_reporter_end(r->rep, &r->sum, &r->buf);
		flush(r);
	}
	for (k = 0; k < cache.n; k++) {
		pl_ruleset_free(&cache.rs[k]);
		free(cache.spec[k]);
	}
	return rc != EXIT_CLEAN ? rc : exit_code(r);
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o;
	struct cli_search search;
	struct pl_report_options ro = { .tool_version = PL_VERSION };
	struct run r = { .o = &o };
	struct pl_diag d;
	int rc;

	/* argv[0] is "check" or the program name: getopt starts after it either way. */
	rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc > 0 ? EXIT_CLEAN : EXIT_USAGE;
	if (optind >= argc) {
		cli_errorf("no post to check (see 'postlint check --help')");
		return EXIT_USAGE;
	}
	r.out = o.output ? fopen(o.output, "w") : stdout;
	if (!r.out) {
		cli_errorf("cannot write '%s'", o.output);
		return EXIT_USAGE;
	}
	ro.color = want_color(&o, r.out);
	ro.quiet = o.quiet;
	pl_diag_init(&d);
	if (pl_reporter_new(&r.rep, o.format, &ro, &d) != PL_OK) {
		cli_errorf("unknown --format '%s' (text, json or sarif)", o.format);
		if (o.output)
			fclose(r.out);
		return EXIT_USAGE;
	}
	pl_buf_init(&r.buf);
	cli_search_init(&search);
	rc = run_all(&r, argc - optind, argv + optind, &search);
	cli_search_release(&search);
	pl_buf_release(&r.buf);
	pl_reporter_free(&r.rep);
	if (o.output && fclose(r.out) != 0) {
		cli_errorf("cannot write '%s'", o.output);
		rc = EXIT_USAGE;
	}
	return rc;
}
