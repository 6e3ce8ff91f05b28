/* SPDX-License-Identifier: Apache-2.0 */
/* Top-level alternatives: where a pattern splits, and where splitting would change its meaning. */
#include <string.h>

#include "harness.h"
#include "regex_split.h"
#include "banned.h"

struct row {
	const char *pattern;
	const char *want; /* alternatives joined by " || " */
};

static const struct row rows[] = {
	{ "abc", "abc" },
	{ "a|b|c", "a || b || c" },
	{ "(?:a|b)c|d", "(?:a|b)c || d" },
	{ "[|]x|y", "[|]x || y" },
	{ "[]|]x|y", "[]|]x || y" },
	{ "[^]|]x|y", "[^]|]x || y" },
	{ "\\|x|y", "\\|x || y" },
	{ "(?<=a|b)c|d", "(?<=a|b)c || d" },
	{ "(?<v>a)|b", "(?<v>a) || b" },
	{ "(?i:a)|b", "(?i:a) || b" },
	{ "(?i)a|b", "(?i)a || (?i)b" },    /* options that open the pattern go before each one */
	{ "(?-i)(?x)a|(b)", "(?-i)(?x)a || (?-i)(?x)(b)" },
	{ "(?-i)abc", "(?-i)abc" },
	{ "(?i)", "(?i)" },
	{ "(?i:a)(?-i)b|c", "(?i:a)(?-i)b|c" }, /* an option later at the top level: left whole */
	{ "a|(?-i)b", "a|(?-i)b" },
	{ "(?)a|b", "(?)a|b" },
	{ "(a)\\1|b", "(a)\\1|b" },          /* back-references count groups across alternatives */
	{ "(?<n>a)\\k<n>|b", "(?<n>a)\\k<n>|b" },
	{ "(a|b)(?1)|c", "(a|b)(?1)|c" },    /* recursion */
	{ "(*SKIP)a|b", "(*SKIP)a|b" },
	{ "\\Qa|b\\E|c", "\\Qa|b\\E|c" },
	{ "a|", "a || " },
	{ "(a|b", "(a|b" },                  /* unbalanced: left whole, PCRE2 reports it */
	{ "[[:alpha:]|]x|y", "[[:alpha:]|]x || y" },
	/* one group between zero-width assertions: split inside it, each alternative wrapped alike */
	{ "\\b(?:a|b)", "\\b(?:a) || \\b(?:b)" },
	{ "(?:a|b|c)", "(?:a) || (?:b) || (?:c)" },
	{ "(?i)\\b(?:a|bc)\\b(?![a-z])", "(?i)\\b(?:a)\\b(?![a-z]) || (?i)\\b(?:bc)\\b(?![a-z])" },
	{ "(?<![\\w)])(?=x)(?:a|(?:b|c))\\B", "(?<![\\w)])(?=x)(?:a)\\B || (?<![\\w)])(?=x)(?:(?:b|c))\\B" },
	{ "(?<=u|v)(?:a|b)", "(?<=u|v)(?:a) || (?<=u|v)(?:b)" },
	{ "\\b(?:a|b)+", "\\b(?:a|b)+" },          /* a quantifier: the group repeats, left whole */
	{ "\\b(?:a|b){2}", "\\b(?:a|b){2}" },
	{ "\\b(?:a|b)c", "\\b(?:a|b)c" },          /* more after it: left whole */
	{ "x(?:a|b)", "x(?:a|b)" },                /* before it, not an assertion */
	{ "\\b(a|b)", "\\b(a|b)" },                /* a capturing group */
	{ "(?:a|b)(?:c|d)", "(?:a|b)(?:c|d)" },
	{ "\\b(?:a|(?i)b)", "\\b(?:a|(?i)b)" },    /* an option setting inside reaches what follows */
	{ "\\b(?:(a)\\1|b)", "\\b(?:(a)\\1|b)" },
	{ "\\b(?:a)", "\\b(?:a)" },
	{ "\\b(?:a|b", "\\b(?:a|b" },
};

/* The alternatives regex_split_top makes of p, joined by " || " into got. */
static void split_text(const char *p, size_t max, char *got, size_t size, size_t *n)
{
	size_t s[REGEX_SPLIT_MAX], e[REGEX_SPLIT_MAX], k, tail, used = 0, len = strlen(p);

	*n = regex_split_top(p, len, s, e, max, &tail);
	got[0] = '\0';
	for (k = 0; k < *n; k++)
		used += (size_t)snprintf(got + used, size - used, "%s%.*s%.*s%.*s", k ? " || " : "",
					 (int)(*n > 1 ? s[0] : 0), p, (int)(e[k] - s[k]), p + s[k],
					 (int)(*n > 1 ? len - tail : 0), p + tail);
}

int main(void)
{
	size_t i, n;
	char got[256];

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		split_text(rows[i].pattern, REGEX_SPLIT_MAX, got, sizeof(got), &n);
		CHECK_STR(got, rows[i].want, rows[i].pattern);
	}
	/* more alternatives than the limit: runs of neighbouring ones, evenly spread, in order */
	{
		static const struct {
			const char *pattern;
			size_t max;
			const char *want;
		} grouped[] = {
			{ "a|b|c|d|e", 3, "a|b || c|d || e" },
			{ "a|b|c|d|e", 2, "a|b|c || d|e" },
			{ "a|b|c|d|e", 5, "a || b || c || d || e" },
			{ "a|(?:b|c)|[|]|d", 2, "a|(?:b|c) || [|]|d" },
			{ "a|b|c", 1, "a|b|c" },
			{ "(?i)a|b|c", 2, "(?i)a|b || (?i)c" },
			{ "\\b(?:a|b|c)\\b", 2, "\\b(?:a|b)\\b || \\b(?:c)\\b" },
			{ "\\b(?:a|b|c)", 1, "\\b(?:a|b|c)" },
		};

		for (i = 0; i < ARRAY_LEN(grouped); i++) {
			split_text(grouped[i].pattern, grouped[i].max, got, sizeof(got), &n);
			CHECK(n <= grouped[i].max || n == 1, "%s", grouped[i].pattern);
			CHECK_STR(got, grouped[i].want, grouped[i].pattern);
		}
	}
	TEST_DONE();
}
