/* SPDX-License-Identifier: Apache-2.0 */
/* Style checks on a loaded rule set, beyond what loading enforces. */
#include <stdio.h>
#include <string.h>

#include "postlint/lint.h"
#include "rules_impl.h"
#include "banned.h"

static int has_lang(const struct i18n *t, const char *lang)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->lang[i], lang))
			return 1;
	return 0;
}

static void say(void (*cb)(const char *, const char *, unsigned, const char *, void *), void *arg,
		const struct rule *r, const char *what, const char *lang)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "rule '%s' %s%s%s", r->id, what, lang ? " " : "", lang ? lang : "");
	cb(r->id, r->file, r->line, msg, arg);
}

size_t pl_ruleset_lint(const struct pl_ruleset *rs,
		       void (*cb)(const char *rule, const char *file, unsigned line, const char *msg,
				  void *arg),
		       void *arg)
{
	static const char *const langs[] = { "nl", "fr", "en" };
	size_t i, k, n = 0;

	for (i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];
		size_t nm = 0, nn = 0;

		for (k = 0; k < 3; k++) {
			if (!has_lang(&r->message, langs[k])) {
				say(cb, arg, r, "has no message in", langs[k]);
				n++;
			}
			if (!has_lang(&r->fix, langs[k])) {
				say(cb, arg, r, "has no fix in", langs[k]);
				n++;
			}
		}
		if (!r->protocol && !r->internal) {
			say(cb, arg, r, "names no protocol reference", NULL);
			n++;
		}
		for (k = 0; k < r->nexamples; k++)
			r->examples[k].must_match ? nm++ : nn++;
		if (nm < 2 || nn < 2) {
			say(cb, arg, r, "has fewer than two examples of each sort", NULL);
			n++;
		}
	}
	return n;
}
