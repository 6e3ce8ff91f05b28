/* SPDX-License-Identifier: Apache-2.0 */
/* postlint check: options, inputs (paths, folders, git changes), rules per input, then the batch
 * engine (check_pool.c), the reports (check_output.c) and the exit code. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "banned.h"

#define RULESET_CACHE CHECK_MAX_RULESETS

struct check_opts {
	const char *rules;
	const char *config;
	struct check_outputs out;
	int fail_on;          /* severity threshold; 3 = never */
	int fail_on_set;
	enum pl_account account;
	const char *lang;
	int color;            /* -1 auto */
	int quiet;
	int jobs;
	int progress;
	const char *changed_since;
	int staged;
	const char *baseline;
	const char *write_baseline;
	int show_suppressed;
	int no_cache;
	const char *today;
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
		"photo or video, - for caption text on stdin, or a folder: every post below it is\n"
		"checked (see README.md, 'Checking a folder of posts').\n\n"
		"options:\n"
		"  --rules FILE|NAME     rules pack (default: from .postlint.json, else 'default')\n"
		"  --config FILE         use this config instead of the nearest .postlint.json\n"
		"  --format FMT          text (default), json, sarif, github, junit or gitlab;\n"
		"                        repeatable, each with the --output that follows it\n"
		"  --output FILE         write the preceding --format's report to FILE\n"
		"  --fail-on LEVEL       error (default), warning, info or never: the lowest\n"
		"                        severity that makes the exit code 1\n"
		"  --account TYPE        professional or private (overrides the post's)\n"
		"  --lang CODES          post languages, comma-separated: nl,fr,en\n"
		"  --color WHEN          auto (default), always or never; NO_COLOR is honoured\n"
		"  --no-pixels           skip pixel detectors (faces, plates in photos)\n"
		"  --no-ocr              skip reading text in photos\n"
		"  --no-cache            compile every pattern, and keep nothing in the cache\n"
		"                        (POSTLINT_CACHE_DIR, else ~/.cache/postlint)\n"
		"  -j, --jobs N          check N posts at a time (default: the processors)\n"
		"  --no-progress         no progress bar (shown only when stderr is a terminal)\n"
		"  --changed-since REV   only posts touched between REV and the working tree\n"
		"  --staged              only posts touched in the git index, as staged\n"
		"  --baseline FILE       do not report findings recorded in FILE\n"
		"  --write-baseline FILE record every finding in FILE (then exit 0 unless an\n"
		"                        input could not be read)\n"
		"  --show-suppressed     also show findings that 'allow' entries suppressed\n"
		"  --today YYYY-MM-DD    the date 'allow' entries expire against (default: today)\n"
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

static int parse_jobs(const char *s, int *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 1 || n > CHECK_MAX_JOBS) {
		cli_errorf("--jobs takes a number from 1 to %d, not '%s'", CHECK_MAX_JOBS, s);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int parse_color(const char *s, int *out)
{
	if (!strcmp(s, "always"))
		*out = 1;
	else if (!strcmp(s, "never"))
		*out = 0;
	else if (!strcmp(s, "auto"))
		*out = -1;
	else {
		cli_errorf("--color takes auto, always or never, not '%s'", s);
		return -1;
	}
	return 0;
}

/* One option; returns 0, 1 for --help, -1 on a usage error. */
static int take_opt(int c, const char *arg, char **argv, struct check_opts *o)
{
	switch (c) {
	case 'r': o->rules = arg; break;
	case 'c': o->config = arg; break;
	case 'f': return outputs_add_format(&o->out, arg);
	case 'o': return outputs_add_path(&o->out, arg);
	case 'F':
		o->fail_on = parse_fail_on(arg);
		o->fail_on_set = 1;
		if (o->fail_on < 0) {
			cli_errorf("--fail-on takes error, warning, info or never, not '%s'", arg);
			return -1;
		}
		break;
	case 'a':
		if (pl_account_parse(arg, &o->account) != 0) {
			cli_errorf("--account takes professional or private, not '%s'", arg);
			return -1;
		}
		break;
	case 'l': o->lang = arg; break;
	case 'C': return parse_color(arg, &o->color);
	case 'P': o->scan.no_pixels = 1; break;
	case 'O': o->scan.no_ocr = 1; break;
	case 'K': o->no_cache = 1; break;
	case 'q': o->quiet = 1; break;
	case 'j': return parse_jobs(arg, &o->jobs);
	case 'p': o->progress = 0; break;
	case 'G': o->changed_since = arg; break;
	case 'S': o->staged = 1; break;
	case 'b': o->baseline = arg; break;
	case 'B': o->write_baseline = arg; break;
	case 's': o->show_suppressed = 1; break;
	case 'T':
		if (!pl_date_valid(arg)) {
			cli_errorf("--today takes a date like 2025-06-30, not '%s'", arg);
			return -1;
		}
		o->today = arg;
		break;
	case 'h': check_usage(stdout); return 1;
	case ':':
		cli_errorf("option '%s' needs a value (see 'postlint check --help')", argv[optind - 1]);
		return -1;
	default:
		cli_errorf("unknown option '%s' (see 'postlint check --help')", argv[optind - 1]);
		return -1;
	}
	return 0;
}

static int parse_opts(int argc, char **argv, struct check_opts *o)
{
	static const struct option longs[] = {
		{ "rules", required_argument, NULL, 'r' },   { "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },  { "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, 'F' }, { "account", required_argument, NULL, 'a' },
		{ "lang", required_argument, NULL, 'l' },    { "color", required_argument, NULL, 'C' },
		{ "colour", required_argument, NULL, 'C' },  { "no-pixels", no_argument, NULL, 'P' },
		{ "no-ocr", no_argument, NULL, 'O' },        { "quiet", no_argument, NULL, 'q' },
		{ "no-cache", no_argument, NULL, 'K' },
		{ "jobs", required_argument, NULL, 'j' },    { "no-progress", no_argument, NULL, 'p' },
		{ "changed-since", required_argument, NULL, 'G' },
		{ "staged", no_argument, NULL, 'S' },        { "baseline", required_argument, NULL, 'b' },
		{ "write-baseline", required_argument, NULL, 'B' },
		{ "show-suppressed", no_argument, NULL, 's' },
		{ "today", required_argument, NULL, 'T' },   { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->fail_on = PL_SEV_ERROR;
	o->color = -1;
	o->progress = 1;
	o->jobs = ncpu < 1 ? 1 : ncpu > CHECK_MAX_JOBS ? CHECK_MAX_JOBS : (int)ncpu;
	pl_scan_options_init(&o->scan);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhj:", longs, NULL)) != -1)
		if ((rc = take_opt(c, optarg, argv, o)) != 0)
			return rc;
	if (o->staged && o->changed_since) {
		cli_errorf("give --staged or --changed-since, not both");
		return -1;
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

/*
 * The rule set and scan options of one input: --rules, else the config found from the input (in
 * the working tree, also for --staged), else 'default'. The config's fail_on applies unless
 * --fail-on was given.
 */
static int setup_input(struct check_input *in, struct check_opts *o, struct ruleset_cache *cache,
		       const struct cli_search *search)
{
	struct pl_config cfg;
	struct pl_diag d;
	enum pl_status st = PL_OK;

	pl_diag_init(&d);
	memset(&cfg, 0, sizeof(cfg));
	if (o->config)
		st = pl_config_load(&cfg, o->config, &d);
	else if (!o->rules)
		st = pl_config_find(&cfg, strcmp(in->arg, "-") ? in->arg : ".", &d);
	if (st != PL_OK) {
		cli_error(&d);
		pl_config_release(&cfg);
		return -1;
	}
	in->rs = cached_rules(cache, o->rules ? o->rules : cfg.rules ? cfg.rules : "default", search);
	in->so = o->scan;
	in->so.account = o->account;
	if (!in->so.account && cfg.account)
		pl_account_parse(cfg.account, &in->so.account);
	/* The config outlives this call only through its lang string: keep it out of the way. */
	in->so.langs = o->lang;
	if (!o->lang && cfg.lang)
		in->so.langs = in->lang_owned = strdup(cfg.lang);
	if (!o->fail_on_set && cfg.fail_on && parse_fail_on(cfg.fail_on) >= 0)
		o->fail_on = parse_fail_on(cfg.fail_on);
	pl_config_release(&cfg);
	return in->rs ? 0 : -1;
}

/* Where input arg is in the staged tree: strip is the tree's directory with a trailing '/'. */
static char *staged_root(const char *strip, const char *arg)
{
	size_t n = strlen(strip) + strlen(arg) + 1;
	char *s;

	while (arg[0] == '.' && arg[1] == '/')
		arg += 2;
	if (!strcmp(arg, ".") || !arg[0])
		arg = "";
	if (!(s = malloc(n)))
		return NULL;
	snprintf(s, n, "%s%s", strip, arg);
	if (!arg[0])
		s[strlen(s) - 1] = '\0';
	return s;
}

/* Git modes: the changed files, and for --staged their index copies in a temporary tree. */
static int setup_git(struct check_opts *o, struct check_run *r, struct strlist *changed,
		     char **tmp_root, char **strip)
{
	char *stage_dir = NULL;

	if (!o->staged && !o->changed_since)
		return 0;
	if (git_changed(o->changed_since, o->staged, changed) != 0)
		return -1;
	r->changed = changed;
	if (!o->staged)
		return 0;
	if (git_stage_tree(changed, tmp_root, &stage_dir) != 0)
		return -1;
	*strip = malloc(strlen(stage_dir) + 2);
	if (*strip)
		snprintf(*strip, strlen(stage_dir) + 2, "%s/", stage_dir);
	r->strip = *strip;
	free(stage_dir);
	return *strip ? 0 : -1;
}

static int setup_inputs(struct check_opts *o, struct check_run *r, char **args, size_t nargs,
			struct ruleset_cache *cache, const struct cli_search *search)
{
	static char *dot[] = { (char *)(uintptr_t) "." };
	size_t i;

	if (!nargs && (o->staged || o->changed_since)) {
		args = dot;
		nargs = 1;
	}
	r->inputs = calloc(nargs ? nargs : 1, sizeof(*r->inputs));
	if (!r->inputs)
		return -1;
	for (i = 0; i < nargs; i++) {
		struct check_input *in = &r->inputs[r->ninputs++];

		in->arg = args[i];
		if (r->strip && (args[i][0] == '/' || strstr(args[i], ".."))) {
			cli_errorf("with --staged, name folders inside the repository relative to "
				   "the current directory, not '%s'", args[i]);
			return -1;
		}
		if (r->strip && !strcmp(args[i], "-")) {
			cli_errorf("--staged reads posts from the git index, not from stdin");
			return -1;
		}
		in->root = r->strip ? (in->root_owned = staged_root(r->strip, args[i])) : args[i];
		if (!in->root || setup_input(in, o, cache, search) != 0)
			return -1;
	}
	return 0;
}

static int exit_code(const struct check_run *r, const struct check_opts *o)
{
	if (r->match_error || r->oom)
		return EXIT_USAGE;
	if (r->unreadable)
		return EXIT_UNREADABLE;
	if (o->write_baseline)
		return EXIT_CLEAN;
	if (o->fail_on < 3 && r->worst >= o->fail_on + 1)
		return EXIT_VIOLATIONS;
	return EXIT_CLEAN;
}

static int write_baseline(struct check_run *r, const char *path)
{
	struct pl_buf b;
	FILE *f;
	int rc = 0;

	pl_buf_init(&b);
	if (pl_baseline_render(r->write_baseline, &b) != PL_OK || !(f = fopen(path, "w"))) {
		cli_errorf("cannot write '%s'", path);
		pl_buf_release(&b);
		return -1;
	}
	if (cli_write(f, &b) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc)
		cli_errorf("cannot write '%s'", path);
	else
		fprintf(stderr, "postlint: wrote %zu finding%s to '%s'\n",
			pl_baseline_count(r->write_baseline),
			pl_baseline_count(r->write_baseline) == 1 ? "" : "s", path);
	pl_buf_release(&b);
	return rc;
}

static const char *today(const struct check_opts *o, char buf[16])
{
	time_t t = time(NULL);
	struct tm tm;

	if (o->today)
		return o->today;
	if (!localtime_r(&t, &tm) || !strftime(buf, 16, "%Y-%m-%d", &tm))
		return NULL;
	return buf;
}

static int load_baselines(const struct check_opts *o, struct check_run *r,
			  struct pl_baseline **loaded)
{
	struct pl_diag d;

	if (o->baseline) {
		if (pl_baseline_load(loaded, o->baseline, &d) != PL_OK) {
			cli_error(&d);
			return -1;
		}
		r->baseline = *loaded;
	}
	if (o->write_baseline && pl_baseline_new(&r->write_baseline) != PL_OK)
		return -1;
	return 0;
}

static struct ruleset_cache kept_at_exit;
static struct ruleset_cache *volatile left_at_exit;

static void release_run(struct check_run *r, struct ruleset_cache *cache)
{
	size_t k;

	for (k = 0; r->inputs && k < r->ninputs; k++) {
		free(r->inputs[k].root_owned);
		free(r->inputs[k].lang_owned);
	}
	free(r->inputs);
	pl_baseline_free(&r->write_baseline);
	/* The rule sets are left for the process's exit to reclaim: freeing them a node at a time
	 * was 5% of the instructions of checking one post (callgrind). Kept reachable from a
	 * static (published through a volatile pointer, so that the copy is not optimised away),
	 * leak checkers do not count them as lost. */
	kept_at_exit = *cache;
	left_at_exit = &kept_at_exit;
}

/* Whether the run is one caption (a file or stdin): workers would only cost their start. */
static int one_post(const struct check_run *r)
{
	struct stat st;

	return r->ninputs == 1 && (!strcmp(r->inputs[0].arg, "-") ||
				   (stat(r->inputs[0].root, &st) == 0 && S_ISREG(st.st_mode)));
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o;
	struct check_run r;
	struct cli_search search;
	struct ruleset_cache cache = { 0 };
	struct strlist changed = { 0 };
	struct pl_baseline *loaded = NULL;
	char *tmp_root = NULL, *strip = NULL, day[16];
	int rc;

	memset(&r, 0, sizeof(r));
	/* argv[0] is "check" or the program name: getopt starts after it either way. */
	rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc > 0 ? EXIT_CLEAN : EXIT_USAGE;
	if (optind >= argc && !o.staged && !o.changed_since) {
		cli_errorf("no post to check (see 'postlint check --help')");
		return EXIT_USAGE;
	}
	cli_search_init(&search);
	if (o.no_cache)
		search.view.cache_dir = NULL;
	rc = EXIT_USAGE;
	if (outputs_open(&o.out, o.color, o.quiet) != 0 ||
	    setup_git(&o, &r, &changed, &tmp_root, &strip) != 0 ||
	    setup_inputs(&o, &r, argv + optind, (size_t)(argc - optind), &cache, &search) != 0 ||
	    load_baselines(&o, &r, &loaded) != 0)
		goto out;
	r.jobs = one_post(&r) ? 1 : o.jobs;
	r.show_suppressed = o.show_suppressed;
	r.sup.today = today(&o, day);
	r.sup.no_pixels = o.scan.no_pixels;
	r.out = &o.out;
	progress_init(&r.progress, o.progress);
	outputs_begin(&o.out, r.ninputs ? r.inputs[0].rs : NULL);
	pool_run(&r);
	outputs_end(&o.out, &r.sum);
	rc = exit_code(&r, &o);
	if (r.oom)
		cli_errorf("out of memory");
	if (o.write_baseline && write_baseline(&r, o.write_baseline) != 0 && rc == EXIT_CLEAN)
		rc = EXIT_USAGE;
out:
	if (outputs_close(&o.out) != 0 && rc != EXIT_UNREADABLE)
		rc = EXIT_USAGE;
	release_run(&r, &cache);
	pl_baseline_free(&loaded);
	git_stage_remove(tmp_root);
	free(tmp_root);
	free(strip);
	strlist_release(&changed);
	cli_search_release(&search);
	return rc;
}
