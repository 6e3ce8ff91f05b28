/* SPDX-License-Identifier: Apache-2.0 */
/* postlint rules list|test|lint [FILE...] and postlint explain RULE-ID. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "banned.h"

static void print_fail(const struct pl_example_failure *f, void *arg)
{
	const char *file = arg;

	printf("FAIL %s: %s: %s example \"%s\": %s\n", file, f->rule_id,
	       f->must_match ? "match" : "no_match", f->example, f->detail);
}

static void print_lint(const char *rule, const char *file, unsigned line, const char *msg,
		       void *arg)
{
	(void)rule;
	(void)arg;
	printf("%s:%u: %s\n", file, line, msg);
}

static void list_rules(const struct pl_ruleset *rs)
{
	struct pl_rule_info ri;
	size_t i;

	for (i = 0; i < pl_ruleset_count(rs); i++) {
		pl_ruleset_rule(rs, i, &ri);
		printf("%-32s %-12s %-16s %-8s%s%s\n", ri.id, ri.kind, ri.category,
		       pl_severity_name(ri.severity), ri.enabled ? "" : " (disabled)",
		       ri.internal ? " (internal)" : "");
	}
}

static void list_validators(void)
{
	const char *name, *summary;
	size_t i;

	for (i = 0; (name = pl_validator_name(i, &summary)) != NULL; i++)
		printf("%-12s %s\n", name, summary);
}

struct profile_row {
	char id[128];
	double seconds;
	size_t open, findings;
};

struct profile {
	struct profile_row *rows;
	size_t n, cap;
};

static void collect_cost(const struct pl_rule_cost *c, void *arg)
{
	struct profile *p = arg;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct profile_row *r = realloc(p->rows, cap * sizeof(*r));

		if (!r)
			return;
		p->rows = r;
		p->cap = cap;
	}
	snprintf(p->rows[p->n].id, sizeof(p->rows[p->n].id), "%s", c->rule_id);
	p->rows[p->n].seconds = c->seconds;
	p->rows[p->n].open = c->gate_open;
	p->rows[p->n].findings = c->findings;
	p->n++;
}

static int by_cost(const void *a, const void *b)
{
	const struct profile_row *x = a, *y = b;

	return x->seconds < y->seconds ? 1 : x->seconds > y->seconds ? -1 : 0;
}

/* Splits a corpus file into captions at blank lines. */
static size_t split_posts(char *text, size_t len, const char ***texts, size_t **lens)
{
	size_t n = 0, cap = 0, i = 0;

	*texts = NULL;
	*lens = NULL;
	while (i < len) {
		char *e = strstr(text + i, "\n\n");
		size_t end = e ? (size_t)(e - text) : len;

		if (n == cap) {
			const char **t;
			size_t *l;

			cap = cap ? cap * 2 : 1024;
			t = realloc(*texts, cap * sizeof(*t));
			if (t)
				*texts = t;
			l = realloc(*lens, cap * sizeof(*l));
			if (l)
				*lens = l;
			if (!t || !l)
				return n;
		}
		(*texts)[n] = text + i;
		(*lens)[n] = end - i;
		n++;
		i = end + 2;
	}
	return n;
}

/* postlint rules bench PACK CORPUS: each rule's cost over the corpus, slowest first. */
static int rules_bench(const char *spec, const char *corpus, const struct cli_search *search)
{
	struct pl_ruleset *rs = cli_load_rules(spec, search);
	struct profile prof = { 0 };
	struct pl_diag d;
	const char **texts = NULL;
	size_t *lens = NULL, n, i, bytes = 0;
	char *text = NULL;
	double total = 0;
	FILE *f;
	long size;
	int rc = EXIT_USAGE;

	if (!rs)
		return EXIT_USAGE;
	pl_diag_init(&d);
	f = fopen(corpus, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !(text = malloc((size_t)size + 1)) || fread(text, 1, (size_t)size, f) != (size_t)size) {
		cli_errorf("cannot read '%s'", corpus);
		goto out;
	}
	text[size] = '\0';
	n = split_posts(text, (size_t)size, &texts, &lens);
	for (i = 0; i < n; i++)
		bytes += lens[i];
	if (pl_ruleset_profile(rs, texts, lens, n, collect_cost, &prof, &d) != PL_OK) {
		cli_error(&d);
		goto out;
	}
	qsort(prof.rows, prof.n, sizeof(*prof.rows), by_cost);
	for (i = 0; i < prof.n; i++)
		total += prof.rows[i].seconds;
	printf("%zu captions, %zu bytes; rules alone take %.3f s (%.1f MB/s)\n", n, bytes, total,
	       total > 0 ? (double)bytes / 1048576.0 / total : 0.0);
	printf("%9s %6s %9s %8s  %s\n", "seconds", "share", "MB/s", "ran on", "rule");
	for (i = 0; i < prof.n; i++)
		printf("%9.4f %5.1f%% %9.1f %7.0f%%  %s\n", prof.rows[i].seconds,
		       total > 0 ? 100.0 * prof.rows[i].seconds / total : 0.0,
		       prof.rows[i].seconds > 0 ? (double)bytes / 1048576.0 / prof.rows[i].seconds : 0.0,
		       n ? 100.0 * (double)prof.rows[i].open / (double)n : 0.0, prof.rows[i].id);
	rc = EXIT_CLEAN;
out:
	if (f)
		fclose(f);
	free(text);
	free(texts);
	free(lens);
	free(prof.rows);
	pl_ruleset_free(&rs);
	return rc;
}

static size_t tests_run, tests_failed; /* over every file of one 'rules test' */

/* Runs verb on one file; returns the number of problems, or -1 when it would not load. */
static long rules_one(const char *verb, const char *spec, const struct cli_search *search)
{
	struct pl_ruleset *rs = cli_load_rules(spec, search);
	struct pl_diag d;
	size_t run = 0, failed = 0;
	long problems = 0;

	if (!rs)
		return -1;
	pl_diag_init(&d);
	if (!strcmp(verb, "list")) {
		list_rules(rs);
	} else if (!strcmp(verb, "test")) {
		if (pl_ruleset_test(rs, print_fail, (void *)(uintptr_t)spec, &run, &failed, &d) != PL_OK) {
			cli_error(&d);
			problems = -1;
		} else {
			printf("%s: %zu passed, %zu failed\n", spec, run - failed, failed);
			problems = (long)failed;
			tests_run += run;
			tests_failed += failed;
		}
	} else {
		problems = (long)pl_ruleset_lint(rs, print_lint, NULL);
		if (!problems)
			printf("%s: %zu rules, no problems\n", spec, pl_ruleset_count(rs));
	}
	pl_ruleset_free(&rs);
	return problems;
}

int cmd_rules(int argc, char **argv)
{
	struct cli_search search;
	const char *verb;
	long total = 0, r;
	int i, bad = 0;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: postlint rules list [--validators] [FILE|NAME...]\n"
			"       postlint rules test [FILE|NAME...]   run every rule's examples\n"
			"       postlint rules lint [FILE|NAME...]   check messages, protocol refs, examples\n"
			"       postlint rules bench FILE|NAME CORPUS  each rule's cost over a corpus\n"
			"Without FILE, the 'default' pack.\n");
		return argc < 2 ? EXIT_USAGE : EXIT_CLEAN;
	}
	verb = argv[1];
	if (!strcmp(verb, "bench")) {
		if (argc != 4) {
			cli_errorf("usage: postlint rules bench FILE|NAME CORPUS (captions separated by blank lines)");
			return EXIT_USAGE;
		}
		cli_search_init(&search);
		r = rules_bench(argv[2], argv[3], &search);
		cli_search_release(&search);
		return (int)r;
	}
	if (strcmp(verb, "list") && strcmp(verb, "test") && strcmp(verb, "lint")) {
		cli_errorf("unknown rules command '%s' (list, test, lint or bench)", verb);
		return EXIT_USAGE;
	}
	if (!strcmp(verb, "list") && argc >= 3 && !strcmp(argv[2], "--validators")) {
		list_validators();
		return EXIT_CLEAN;
	}
	cli_search_init(&search);
	if (argc == 2) {
		r = rules_one(verb, "default", &search);
		bad = r < 0;
		total = r > 0 ? r : 0;
	}
	for (i = 2; i < argc; i++) {
		r = rules_one(verb, argv[i], &search);
		if (r < 0)
			bad = 1;
		else
			total += r;
	}
	cli_search_release(&search);
	if (!strcmp(verb, "test") && argc > 3)
		printf("rules test: %zu passed, %zu failed\n", tests_run - tests_failed, tests_failed);
	if (bad)
		return EXIT_USAGE;
	return total ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

static void print_examples(const struct pl_ruleset *rs, size_t i, int kind, const char *title)
{
	const char *ex;
	size_t j;

	printf("\n%s\n", title);
	for (j = 0; (ex = pl_ruleset_example(rs, i, kind, j)) != NULL; j++)
		printf("  - %s\n", ex);
}

int cmd_explain(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "rules", required_argument, NULL, 'r' }, { "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rules = "default", *lang = "en";
	struct cli_search search;
	struct pl_ruleset *rs;
	struct pl_rule_info ri;
	long i;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longs, NULL)) != -1) {
		if (c == 'r')
			rules = optarg;
		else if (c == 'l')
			lang = optarg;
		else {
			cli_errorf("usage: postlint explain [--rules FILE] [--lang nl|fr|en] RULE-ID");
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_errorf("usage: postlint explain [--rules FILE] [--lang nl|fr|en] RULE-ID");
		return EXIT_USAGE;
	}
	cli_search_init(&search);
	rs = cli_load_rules(rules, &search);
	cli_search_release(&search);
	if (!rs)
		return EXIT_USAGE;
	i = pl_ruleset_find(rs, argv[optind]);
	if (i < 0) {
		cli_errorf("no rule '%s' in '%s' ('postlint rules list' shows them)", argv[optind], rules);
		pl_ruleset_free(&rs);
		return EXIT_USAGE;
	}
	pl_ruleset_rule(rs, (size_t)i, &ri);
	printf("%s (%s, %s, %s)\n", ri.id, ri.category, pl_severity_name(ri.severity), ri.kind);
	printf("defined in %s:%u%s\n\n", ri.file, ri.line, ri.enabled ? "" : ", disabled");
	printf("what: %s\n", pl_ruleset_message(rs, (size_t)i, lang));
	if (ri.description)
		printf("why:  %s\n", ri.description);
	printf("fix:  %s\n", pl_ruleset_fix(rs, (size_t)i, lang));
	if (ri.protocol)
		printf("protocol: %s\n", ri.protocol);
	print_examples(rs, (size_t)i, 0, "reported:");
	print_examples(rs, (size_t)i, 1, "not reported:");
	pl_ruleset_free(&rs);
	return EXIT_CLEAN;
}
