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
};

int main(void)
{
	size_t i, k, s[REGEX_SPLIT_MAX], e[REGEX_SPLIT_MAX];

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		char got[256] = "";
		size_t n = regex_split_top(rows[i].pattern, strlen(rows[i].pattern), s, e, REGEX_SPLIT_MAX);
		size_t used = 0, lead = n > 1 ? s[0] : 0;

		for (k = 0; k < n; k++)
			used += (size_t)snprintf(got + used, sizeof(got) - used, "%s%.*s%.*s",
						 k ? " || " : "", (int)lead, rows[i].pattern,
						 (int)(e[k] - s[k]), rows[i].pattern + s[k]);
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
		};

		for (i = 0; i < ARRAY_LEN(grouped); i++) {
			char got[256] = "";
			size_t used = 0, n = regex_split_top(grouped[i].pattern, strlen(grouped[i].pattern), s,
							     e, grouped[i].max);
			size_t lead = n > 1 ? s[0] : 0;

			CHECK(n <= grouped[i].max || n == 1, "%s", grouped[i].pattern);
			for (k = 0; k < n; k++)
				used += (size_t)snprintf(got + used, sizeof(got) - used, "%s%.*s%.*s",
							 k ? " || " : "", (int)lead, grouped[i].pattern,
							 (int)(e[k] - s[k]), grouped[i].pattern + s[k]);
			CHECK_STR(got, grouped[i].want, grouped[i].pattern);
		}
	}
	TEST_DONE();
}
