/* SPDX-License-Identifier: Apache-2.0 */
/* Rule sets: loading rules files (JSON), looking rules up, and running their examples. */
#ifndef POSTLINT_RULES_H
#define POSTLINT_RULES_H

#include <stddef.h>

#include "postlint/findings.h"
#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Hard limits of a rules file, crossed with PL_ERR_LIMIT. */
#define PL_RULES_MAX_FILE (4u * 1024u * 1024u)
#define PL_RULES_MAX_RULES 4096
#define PL_RULES_MAX_EXTENDS_DEPTH 16
#define PL_RULES_MAX_PATTERN 65536 /* bytes of one pattern after vocabulary expansion */

/* Opaque: a loaded, compiled rule set. */
struct pl_ruleset;

/*
 * Where packs named by "extends" (or by pl_ruleset_load_named) are looked for, in order; and
 * where compiled patterns are kept between loads (cache_dir, NULL: not kept). A load with a
 * cache directory reads the pack's cache file there and writes it when it compiled something
 * new: the default pack loads in a third of the time when nothing changed.
 */
struct pl_rules_search {
	const char *const *dirs;
	size_t ndirs;
	const char *cache_dir;
};

/*
 * Loads the rules file at path and everything it extends, compiles every pattern (JIT) and checks
 * every reference. On success *out is a ruleset the caller frees with pl_ruleset_free. On failure
 * *out is NULL and d names the file, line and column ("rules.json:14:9: unknown key 'severty'
 * (did you mean 'severity'?)").
 */
enum pl_status pl_ruleset_load(struct pl_ruleset **out, const char *path,
			       const struct pl_rules_search *search, struct pl_diag *d);

/* As pl_ruleset_load, for a pack named without path or extension ("default", "nl"). */
enum pl_status pl_ruleset_load_named(struct pl_ruleset **out, const char *name,
				     const struct pl_rules_search *search, struct pl_diag *d);

/*
 * Where the pixel detectors' model files are (the face detector's weights and its example
 * photos); without it, $(PREFIX)/share/postlint/models. The string is copied.
 */
enum pl_status pl_ruleset_set_models(struct pl_ruleset *rs, const char *dir);

/* Frees a ruleset; accepts NULL and clears the caller's pointer. */
void pl_ruleset_free(struct pl_ruleset **rs);

/* Read-only view of one rule, valid as long as the ruleset. */
struct pl_rule_info {
	const char *id;
	const char *kind;       /* "pattern", "combination", "requires", ... */
	const char *category;
	enum pl_severity severity;
	int enabled;
	int internal;           /* a building block of other rules, never reported alone */
	const char *protocol;
	const char *file;       /* rules file that defined it */
	unsigned line;
	const char *description;
	size_t nmatch_examples;
	size_t nno_match_examples;
};

size_t pl_ruleset_count(const struct pl_ruleset *rs);
/* Fills *info for rule i (0 <= i < count). */
void pl_ruleset_rule(const struct pl_ruleset *rs, size_t i, struct pl_rule_info *info);
/* Index of the rule with this id, or -1. */
long pl_ruleset_find(const struct pl_ruleset *rs, const char *id);

/* Message and fix of rule i in lang ("nl", "fr", "en"; English fallback). Never NULL. */
const char *pl_ruleset_message(const struct pl_ruleset *rs, size_t i, const char *lang);
const char *pl_ruleset_fix(const struct pl_ruleset *rs, size_t i, const char *lang);
/* Example j of rule i; kind 0 = must match, 1 = must not match. NULL past the end. */
const char *pl_ruleset_example(const struct pl_ruleset *rs, size_t i, int kind, size_t j);

/* Validator i of the table rules may name with "validate"; NULL past the end. */
const char *pl_validator_name(size_t i, const char **summary);

/* One failed example, reported by pl_ruleset_test. */
struct pl_example_failure {
	const char *rule_id;
	int must_match;        /* 1: the example should have matched and did not; 0: the reverse */
	const char *example;
	char detail[256];
};

/*
 * Runs every example of every rule (enabled or not) against that rule alone. Calls fail() for each
 * example that does not behave, and returns the number of examples run in *run and failures in
 * *failed. Returns PL_OK unless scanning itself failed (then d says why).
 */
enum pl_status pl_ruleset_test(const struct pl_ruleset *rs,
			       void (*fail)(const struct pl_example_failure *f, void *arg), void *arg,
			       size_t *run, size_t *failed, struct pl_diag *d);

/* Cost of one rule over a set of captions, from pl_ruleset_profile. */
struct pl_rule_cost {
	const char *rule_id;
	double seconds;      /* spent in this rule alone (its regex, validator, context, parts) */
	size_t gate_open;    /* captions on which the prefilter let it run */
	size_t findings;
};

/*
 * Times every text rule alone over texts[0..n) (each a caption of lens[i] bytes) and calls cb
 * once per rule, slowest last is up to the caller. For 'postlint rules bench': which rule makes a
 * pack slow. Returns PL_OK, or the scan error with d set.
 */
enum pl_status pl_ruleset_profile(const struct pl_ruleset *rs, const char *const *texts,
				  const size_t *lens, size_t n,
				  void (*cb)(const struct pl_rule_cost *c, void *arg), void *arg,
				  struct pl_diag *d);

#ifdef __cplusplus
}
#endif
#endif
