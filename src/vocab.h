/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Vocabularies: named word lists, expanded into escaped alternations where patterns say {{name}};
 * and fragments, named pieces of pattern that several rules share, expanded in a group.
 */
#ifndef PL_VOCAB_H
#define PL_VOCAB_H

#include "rules_impl.h"

#define VOCAB_MAX_WORDS 20000

/* Reads a "vocabularies" object into lc->rs (names are global across packs). */
enum pl_status vocab_load(struct load_ctx *lc, const cJSON *obj);
/* Reads a "fragments" object: each name a pattern, which may use vocabularies but no fragment. */
enum pl_status fragment_load(struct load_ctx *lc, const cJSON *obj);
void vocab_release_all(struct pl_ruleset *rs);
/* The vocabulary or fragment called name (len bytes), NULL when there is none. */
struct vocab *vocab_find(const struct pl_ruleset *rs, const char *name, size_t len);

/*
 * Expands {{name}} references (vocabularies and fragments) in pattern into a new string (*out,
 * caller frees). On an unknown name or a result over PL_RULES_MAX_PATTERN returns PL_ERR_RULES /
 * PL_ERR_LIMIT with the offending name in bad (of size badlen).
 */
enum pl_status vocab_expand(const struct pl_ruleset *rs, const char *pattern, char **out,
			    char *bad, size_t badlen);

#endif
