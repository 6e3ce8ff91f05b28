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
			"Without FILE, the 'default' pack.\n");
		return argc < 2 ? EXIT_USAGE : EXIT_CLEAN;
	}
	verb = argv[1];
	if (strcmp(verb, "list") && strcmp(verb, "test") && strcmp(verb, "lint")) {
		cli_errorf("unknown rules command '%s' (list, test or lint)", verb);
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
