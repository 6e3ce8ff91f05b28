/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing the keys every rule has, whatever its kind. */
#ifndef PL_RULE_PARSE_H
#define PL_RULE_PARSE_H

#include "rules_impl.h"

/* Parses one rule object, appends it to lc->rs and lets its kind parse the rest. */
enum pl_status rule_parse(struct load_ctx *lc, const cJSON *obj);
/* Frees what a rule owns. */
void rule_release(struct rule *r);
/* The rule id closest to id, for "did you mean", or NULL. */
const char *rule_id_suggest(const struct pl_ruleset *rs, const char *id);
/* The text in lang, else English. */
const char *i18n_get(const struct i18n *t, const char *lang);

#endif
