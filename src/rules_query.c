/* SPDX-License-Identifier: Apache-2.0 */
/* Looking into a loaded rule set, and running every rule's examples. */
#include <stdio.h>
#include <string.h>

#include "rule_parse.h"
#include "rules_impl.h"
#include "scan_impl.h"
#include "validators.h"
#include "banned.h"

size_t pl_ruleset_count(const struct pl_ruleset *rs)
{
	return rs ? rs->nrules : 0;
}

void pl_ruleset_rule(const struct pl_ruleset *rs, size_t i, struct pl_rule_info *info)
{
	const struct rule *r = &rs->rules[i];
	size_t k;

	memset(info, 0, sizeof(*info));
	info->id = r->id;
	info->kind = r->kind->name;
	info->category = r->category;
	info->severity = r->severity;
	info->enabled = r->enabled;
	info->internal = r->internal;
	info->protocol = r->protocol;
	info->file = r->file;
	info->line = r->line;
	info->description = r->description;
	for (k = 0; k < r->nexamples; k++) {
		if (r->examples[k].must_match)
			info->nmatch_examples++;
		else
			info->nno_match_examples++;
	}
}

long pl_ruleset_find(const struct pl_ruleset *rs, const char *id)
{
	return ruleset_index(rs, id);
}

const char *pl_ruleset_message(const struct pl_ruleset *rs, size_t i, const char *lang)
{
	return i18n_get(&rs->rules[i].message, lang);
}

const char *pl_ruleset_fix(const struct pl_ruleset *rs, size_t i, const char *lang)
{
	return i18n_get(&rs->rules[i].fix, lang);
}

const char *pl_ruleset_example(const struct pl_ruleset *rs, size_t i, int kind, size_t j)
{
	const struct rule *r = &rs->rules[i];
	size_t k, seen = 0;

	for (k = 0; k < r->nexamples; k++) {
		if (r->examples[k].must_match != (kind == 0))
			continue;
		if (seen++ == j)
			return r->examples[k].text;
	}
	return NULL;
}

/* Runs one example; returns 1 when it behaves, 0 when not (detail says why), -1 on error. */
static int run_example(struct pl_scanner *sc, size_t i, const struct rule_example *x,
		       char *detail, size_t dlen, struct pl_diag *d)
{
	const struct pl_ruleset *rs = sc->rs;
	const struct rule *r = &rs->rules[i];
	const char *langs[2] = { x->lang, NULL };
	struct pl_findings f;
	enum pl_status st;
	size_t k, mine = 0, ev_ok = 0;
	enum pl_account acc = x->account;
	int ok;

	/* An example that names no account runs on one the rule applies to: a private-account
	 * rule's no_match example would otherwise pass without the rule ever running. */
	if (!acc)
		acc = (!r->scope_accounts || (r->scope_accounts & (1u << PL_ACCOUNT_PROFESSIONAL)))
			      ? PL_ACCOUNT_PROFESSIONAL
			      : PL_ACCOUNT_PRIVATE;
	pl_findings_init(&f);
	st = scan_prepare(sc, x->text, strlen(x->text));
	if (st == PL_OK)
		st = scan_caption(sc, "example", x->lang ? x->lang : "en", acc,
				  x->lang ? langs : NULL, (long)i, &f, d);
	if (st != PL_OK) {
		pl_findings_release(&f);
		return -1;
	}
	for (k = 0; k < f.len; k++) {
		if (strcmp(f.items[k].rule_id, r->id))
			continue;
		mine++;
		if (x->evidence && f.items[k].evidence && !strcmp(f.items[k].evidence, x->evidence))
			ev_ok++;
	}
	if (!x->must_match) {
		ok = mine == 0;
		if (!ok)
			snprintf(detail, dlen, "reported '%s'", f.items[0].evidence ? f.items[0].evidence : "");
	} else if (!mine) {
		ok = 0;
		snprintf(detail, dlen, "not reported");
	} else if (x->evidence && !ev_ok) {
		ok = 0;
		snprintf(detail, dlen, "reported '%s', expected evidence '%s'",
			 f.items[0].evidence ? f.items[0].evidence : "", x->evidence);
	} else {
		ok = 1;
	}
	pl_findings_release(&f);
	return ok;
}

enum pl_status pl_ruleset_test(const struct pl_ruleset *rs,
			       void (*fail)(const struct pl_example_failure *f, void *arg), void *arg,
			       size_t *run, size_t *failed, struct pl_diag *d)
{
	struct pl_scanner *sc;
	enum pl_status st = PL_OK;
	size_t i, k;

	*run = *failed = 0;
	if (pl_scanner_new(&sc, rs) != PL_OK)
		return PL_ERR_NOMEM;
	for (i = 0; st == PL_OK && i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];

		for (k = 0; k < r->nexamples; k++) {
			struct pl_example_failure ef = { .rule_id = r->id };
			int ok;

			if (r->kind->scan_text)
				ok = run_example(sc, i, &r->examples[k], ef.detail, sizeof(ef.detail), d);
			else if (r->kind->example)
				ok = r->kind->example(rs, r, &r->examples[k], ef.detail,
						      sizeof(ef.detail));
			else
				break;

			if (ok < 0) {
				st = d->message[0] ? PL_ERR_MATCH : PL_ERR_NOMEM;
				break;
			}
			(*run)++;
			if (ok)
				continue;
			(*failed)++;
			ef.must_match = r->examples[k].must_match;
			ef.example = r->examples[k].image    ? r->examples[k].image
				     : r->examples[k].fields ? r->examples[k].fields
							     : r->examples[k].text;
			if (fail)
				fail(&ef, arg);
		}
	}
	pl_scanner_free(&sc);
	return st;
}

const char *pl_validator_name(size_t i, const char **summary)
{
	size_t n;
	const struct validator *v = validators_table(&n);

	if (i >= n)
		return NULL;
	if (summary)
		*summary = v[i].summary;
	return v[i].name;
}
