/* SPDX-License-Identifier: Apache-2.0 */
/* The compiled-pattern cache of a rules pack: see rules_cache.c. */
#ifndef PL_RULES_CACHE_H
#define PL_RULES_CACHE_H

#include <stddef.h>

#include "prefilter.h"
#include "regex.h"

struct rules_cache;

/*
 * The cache of the pack at root (any path to it) in directory dir, read now. Never an error: a
 * missing, stale or damaged file is an empty cache (rewritten by rules_cache_save), and NULL
 * (no memory, or dir NULL) means no cache; every function below accepts NULL.
 */
struct rules_cache *rules_cache_open(const char *dir, const char *root);

/*
 * Takes pattern (len bytes: its key, see pattern_compile.c; caseless or not) from the cache: 1 when it was there,
 * its compiled code and its shape (regex_shape) moved into *re. When gate is not NULL and the cache knows the pattern's
 * literal conditions, they are added to pf and written to *gate, and *gate_done is set.
 */
int rules_cache_take(struct rules_cache *c, const char *pattern, size_t len, int caseless,
		     struct regex *re, struct prefilter *pf, struct pf_gate *gate, int *gate_done);

/*
 * Notes a pattern this load compiled, or took (taken: the last rules_cache_take returned 1 for
 * it), with its conditions when gate is not NULL (ids in pf); the code must live until
 * rules_cache_save. A pattern taken with its conditions is noted without a copy. -1 when out of
 * memory (the cache is then dropped, not the load).
 */
int rules_cache_note(struct rules_cache *c, const char *pattern, size_t len, int caseless,
		     const struct regex *re, const struct pf_gate *gate, int taken);

/* Drops the note of re's pattern, before re is released. */
void rules_cache_forget(struct rules_cache *c, const struct regex *re);

/* How many literals the prefilter held when the file was written (0: unknown), so that the
 * loader can size its table once. */
size_t rules_cache_literals(const struct rules_cache *c);

/* Writes the file again when this load compiled what it did not hold, or left some unused.
 * Failures to write are ignored: the next load compiles again. */
void rules_cache_save(struct rules_cache *c, const struct prefilter *pf);

/*
 * The codes taken from the cache are decoded when first run, from the cache's mapped file: the
 * rule set keeps the mapping (*map, *len; NULL when there is none) and hands it to
 * rules_cache_unmap when it is freed.
 */
void rules_cache_keep_file(struct rules_cache *c, const void **map, size_t *len);
void rules_cache_unmap(const void *map, size_t len);

/* Frees the cache and the codes nobody took; clears the pointer. */
void rules_cache_free(struct rules_cache **c);

#endif
