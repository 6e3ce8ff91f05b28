/* SPDX-License-Identifier: Apache-2.0 */
/* Vocabularies and fragments: loading them, and expanding {{name}} in a pattern. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postlint/buf.h"
#include "rules_cache.h"
#include "textnorm.h"
#include "util.h"
#include "vocab.h"
#include "banned.h"

/* FNV-1a over n bytes from h: the vocabularies' digests (kept in the cache's keys, so the basis
 * stays as it was) and the slots of the two hash tables below. */
#define HASH_BASIS 1469598103934665603ull
#define HASH_PRIME 1099511628211ull

static uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * HASH_PRIME;
	return h;
}

static size_t hash_slot(const char *p, size_t n)
{
	uint64_t h = hash_bytes(HASH_BASIS, p, n);

	return (size_t)(h ^ (h >> 29));
}

/*
 * The vocabulary or fragment named name. By hash: a load looks up a name for every {{reference}}
 * in every pattern (some 60,000 lookups for the default pack), and a walk of the list with a
 * strlen per entry was 8% of the loading thread's instructions.
 */
struct vocab *vocab_find(const struct pl_ruleset *rs, const char *name, size_t len)
{
	size_t mask = rs->vocab_nslots - 1, i;
	uint32_t k;

	if (!rs->vocab_nslots)
		return NULL;
	for (i = hash_slot(name, len) & mask; (k = rs->vocab_slots[i]) != 0; i = (i + 1) & mask) {
		const struct vocab *v = &rs->vocabs[k - 1];

		if (v->name_len == len && !memcmp(v->name, name, len))
			return &rs->vocabs[k - 1];
	}
	return NULL;
}

/* Puts vocabulary k in the first free slot from its name's (the table has room). */
static void vocab_slot_put(struct pl_ruleset *rs, size_t k)
{
	size_t mask = rs->vocab_nslots - 1, i;

	for (i = hash_slot(rs->vocabs[k].name, rs->vocabs[k].name_len) & mask; rs->vocab_slots[i];
	     i = (i + 1) & mask)
		;
	rs->vocab_slots[i] = (uint32_t)k + 1;
}

/* Files vocabulary k (named already) in the table by name, growing it first when half full. */
static int vocab_index(struct pl_ruleset *rs, size_t k)
{
	size_t j;

	if (k > UINT32_MAX - 2)
		return -1;
	if ((k + 1) * 2 > rs->vocab_nslots) {
		size_t n = rs->vocab_nslots ? rs->vocab_nslots * 2 : 256;
		uint32_t *slots = calloc(n, sizeof(*slots));

		if (!slots)
			return -1;
		free(rs->vocab_slots);
		rs->vocab_slots = slots;
		rs->vocab_nslots = n;
		for (j = 0; j < k; j++) /* the ones before, in the larger table */
			vocab_slot_put(rs, j);
	}
	vocab_slot_put(rs, k);
	return 0;
}

/* The words of one vocabulary being read, by hash: finding a repeated word used to compare it
 * with every word before it. */
struct wordset {
	uint32_t *slot; /* word index + 1; 0 empty */
	size_t cap;
};

static size_t word_slot(const char *w, size_t mask)
{
	return hash_slot(w, strlen(w)) & mask;
}

/* Index of n in v, or -1; with ins, adds index at (a table with room, see grow). */
static long wordset_find(const struct wordset *ws, const struct vocab *v, const char *n,
			 size_t *at)
{
	size_t k;

	for (k = word_slot(n, ws->cap - 1); ws->slot[k]; k = (k + 1) & (ws->cap - 1))
		if (!strcmp(v->words[ws->slot[k] - 1], n))
			return (long)ws->slot[k] - 1;
	*at = k;
	return -1;
}

static int wordset_grow(struct wordset *ws, const struct vocab *v)
{
	size_t cap = ws->cap ? ws->cap * 2 : 64, i, k;
	uint32_t *slot;

	if (ws->cap && (v->nwords + 1) * 2 <= ws->cap)
		return 0;
	if (!(slot = calloc(cap, sizeof(*slot))))
		return -1;
	for (i = 0; i < v->nwords; i++) {
		for (k = word_slot(v->words[i], cap - 1); slot[k]; k = (k + 1) & (cap - 1))
			;
		slot[k] = (uint32_t)i + 1;
	}
	free(ws->slot);
	ws->slot = slot;
	ws->cap = cap;
	return 0;
}

static enum pl_status add_word(struct load_ctx *lc, const cJSON *at, struct vocab *v,
			       struct wordset *ws, const char *w)
{
	char **p;
	char *n = textnorm_string(w, strlen(w));
	size_t len, slot;

	if (!n)
		return PL_ERR_NOMEM;
	len = strlen(n);
	while (len && n[len - 1] == ' ')
		n[--len] = '\0';
	if (!len || n[0] == ' ') {
		free(n);
		return lc_error(lc, at, 0, PL_ERR_RULES,
				"empty or space-led word in vocabulary '%s'", v->name);
	}
	if (wordset_grow(ws, v) != 0) {
		free(n);
		return PL_ERR_NOMEM;
	}
	if (wordset_find(ws, v, n, &slot) >= 0) {
		free(n); /* "Élève" and "eleve" are one word once normalised */
		return PL_OK;
	}
	if (v->nwords >= VOCAB_MAX_WORDS) {
		free(n);
		return lc_error(lc, at, 0, PL_ERR_LIMIT, "vocabulary '%s' has more than %d words",
				v->name, VOCAB_MAX_WORDS);
	}
	if (v->nwords == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;

		if (!(p = realloc(v->words, cap * sizeof(*p)))) {
			free(n);
			return PL_ERR_NOMEM;
		}
		v->words = p;
		v->cap = cap;
	}
	v->words[v->nwords++] = n;
	ws->slot[slot] = (uint32_t)v->nwords;
	return PL_OK;
}

static enum pl_status load_one(struct load_ctx *lc, const cJSON *list, struct vocab *v)
{
	struct wordset ws = { NULL, 0 };
	const cJSON *w;
	enum pl_status st = PL_OK;

	v->digest = HASH_BASIS;
	cJSON_ArrayForEach(w, list) {
		if (!cJSON_IsString(w)) {
			st = lc_error(lc, w, 0, PL_ERR_RULES, "vocabulary '%s' must list strings",
				      v->name);
			break;
		}
		if (w->valuestring[0] == '@') {
			const char *ref = w->valuestring + 1;
			struct vocab *o = vocab_find(lc->rs, ref, strlen(ref));
			size_t i;

			if (!o || o == v) {
				st = lc_error(lc, w, 0, PL_ERR_RULES,
					      "unknown vocabulary '%s' (define it before use)", ref);
				break;
			}
			if (o->pattern) {
				st = lc_error(lc, w, 0, PL_ERR_RULES,
					      "'%s' is a fragment, not a word list", ref);
				break;
			}
			for (i = 0; i < o->nwords && st == PL_OK; i++)
				st = add_word(lc, w, v, &ws, o->words[i]);
			if (st != PL_OK)
				break;
			continue;
		}
		if ((st = add_word(lc, w, v, &ws, w->valuestring)) != PL_OK)
			break;
	}
	free(ws.slot);
	for (size_t i = 0; i < v->nwords; i++) /* each word with its terminating NUL */
		v->digest = hash_bytes(v->digest, v->words[i], strlen(v->words[i]) + 1);
	return st;
}

/* Checks a new vocabulary's or fragment's name: well formed and not yet taken by either. */
static enum pl_status new_name(struct load_ctx *lc, const cJSON *e, const char *what)
{
	const struct vocab *v;
	size_t i, n = strlen(e->string);

	for (i = 0; i < n; i++)
		if (!((e->string[i] >= 'a' && e->string[i] <= 'z') || e->string[i] == '_' ||
		      (e->string[i] >= '0' && e->string[i] <= '9')))
			break;
	if (!n || i < n)
		return lc_error(lc, e, 1, PL_ERR_RULES,
				"%s name '%s' must be lowercase letters, digits and _", what,
				e->string);
	if ((v = vocab_find(lc->rs, e->string, n)) != NULL)
		return lc_error(lc, e, 1, PL_ERR_RULES, "%s '%s' is already defined in '%s'%s",
				what, e->string, v->file,
				v->pattern ? " as a fragment" : " as a vocabulary");
	return PL_OK;
}

/* A new, empty entry named name at the end of the rule set's list; NULL on no memory. */
static struct vocab *vocab_push(struct load_ctx *lc, const char *name)
{
	struct pl_ruleset *rs = lc->rs;
	struct vocab *v;

	if (rs->nvocabs == rs->vocabs_cap) {
		size_t cap = rs->vocabs_cap ? rs->vocabs_cap * 2 : 64;
		struct vocab *p = NULL;

		if (cap <= SIZE_MAX / sizeof(*p))
			p = realloc(rs->vocabs, cap * sizeof(*p));
		if (!p)
			return NULL;
		rs->vocabs = p;
		rs->vocabs_cap = cap;
	}
	v = &rs->vocabs[rs->nvocabs];
	memset(v, 0, sizeof(*v));
	v->file = lc->file;
	if (!(v->name = strdup(name)))
		return NULL;
	v->name_len = strlen(name);
	if (vocab_index(rs, rs->nvocabs) != 0) {
		free(v->name);
		return NULL;
	}
	rs->nvocabs++;
	return v;
}

enum pl_status vocab_load(struct load_ctx *lc, const cJSON *obj)
{
	const cJSON *e;
	enum pl_status st;

	if (!cJSON_IsObject(obj))
		return lc_error(lc, obj, 0, PL_ERR_RULES, "'vocabularies' must be an object");
	cJSON_ArrayForEach(e, obj) {
		struct vocab *v;

		if ((st = new_name(lc, e, "vocabulary")) != PL_OK)
			return st;
		if (!cJSON_IsArray(e) || !cJSON_GetArraySize(e))
			return lc_error(lc, e, 0, PL_ERR_RULES,
					"vocabulary '%s' must be a non-empty array of words", e->string);
		if (!(v = vocab_push(lc, e->string)))
			return PL_ERR_NOMEM;
		if ((st = load_one(lc, e, v)) != PL_OK)
			return st;
	}
	return PL_OK;
}

/*
 * Checks fragment e's text: each {{name}} a vocabulary defined before it (no fragment: they do not
 * nest), no back-reference (its group numbers would count the patterns' groups), a pattern that
 * compiles alone (a pattern that uses it reports what its vocabularies add); and sets *digest
 * from its text and its vocabularies' digests.
 */
static enum pl_status fragment_check(struct load_ctx *lc, const cJSON *e, uint64_t *digest,
				     struct regex *re)
{
	const char *p = e->valuestring, *open, *close, *q;
	char *shape, *so, *sc, err[256];
	size_t erroff = 0, n;
	enum pl_status st;
	int taken, gate_done;

	*digest = hash_bytes(HASH_BASIS, p, strlen(p));
	while ((open = strstr(p, "{{")) != NULL && (close = strstr(open + 2, "}}")) != NULL) {
		const struct vocab *o = vocab_find(lc->rs, open + 2, (size_t)(close - open - 2));
		int len = (int)(close - open - 2);

		if (!o)
			return lc_error(lc, e, 0, PL_ERR_RULES,
					"unknown vocabulary '%.*s' in fragment '%s' (define it before use)",
					len, open + 2, e->string);
		if (o->pattern)
			return lc_error(lc, e, 0, PL_ERR_RULES,
					"fragment '%s' uses fragment '%.*s': fragments do not nest",
					e->string, len, open + 2);
		*digest = (*digest ^ o->digest) * HASH_PRIME; /* the whole digest, one step */
		p = close + 2;
	}
	for (q = e->valuestring; *q; q++)
		if (*q == '\\' && q[1]) {
			q++;
			if ((*q >= '1' && *q <= '9') || *q == 'g' || *q == 'k')
				return lc_error(lc, e, 0, PL_ERR_RULES,
						"fragment '%s' holds a back-reference (\\%c), which would "
						"count the groups of the pattern it stands in",
						e->string, *q);
		}
	/* Its own syntax, each {{name}} standing in as a group of as many bytes ("(?:xxxx)"): a
	 * vocabulary expands to a group of escaped words, so the offsets of an error are the
	 * fragment's own, and the check stays cheap on loads that take every pattern from the
	 * cache (with its vocabularies expanded it took 4.6% of a warm one-post run, 2.9% now). */
	if (!(shape = strdup(e->valuestring)))
		return PL_ERR_NOMEM;
	for (so = shape; (so = strstr(so, "{{")) != NULL && (sc = strstr(so + 2, "}}")) != NULL;
	     so = sc + 2) {
		memcpy(so, "(?:", 3);
		memset(so + 3, 'x', (size_t)(sc - so) - 2);
		sc[1] = ')';
	}
	/* A shape the pattern cache holds compiled before: the check passed then, and the code is
	 * never decoded (26 compiles were 9% of the instructions of a warm one-post run). */
	n = strlen(shape);
	taken = rules_cache_take(lc->rs->cache, shape, n, 1, re, NULL, NULL, &gate_done);
	st = taken ? PL_OK : regex_compile(re, shape, n, 1, err, sizeof(err), &erroff);
	if (st != PL_OK) {
		free(shape);
		lc_error(lc, e, 0, st, "bad pattern in fragment '%s': %s at offset %zu", e->string, err,
			 erroff);
		json_doc_where_in_string(&lc->doc, e, erroff, &lc->d->line, &lc->d->column);
		return st;
	}
	if (!taken)
		regex_shape(re, shape, n);
	rules_cache_note(lc->rs->cache, shape, n, 1, re, NULL, taken);
	free(shape);
	return PL_OK;
}

enum pl_status fragment_load(struct load_ctx *lc, const cJSON *obj)
{
	const cJSON *e;
	enum pl_status st;

	if (!cJSON_IsObject(obj))
		return lc_error(lc, obj, 0, PL_ERR_RULES, "'fragments' must be an object");
	cJSON_ArrayForEach(e, obj) {
		struct vocab *v;
		struct regex check;
		uint64_t digest;

		if ((st = new_name(lc, e, "fragment")) != PL_OK)
			return st;
		if (!cJSON_IsString(e) || !e->valuestring[0])
			return lc_error(lc, e, 0, PL_ERR_RULES,
					"fragment '%s' must be a non-empty pattern string", e->string);
		if (json_doc_string_has_nul(&lc->doc, e))
			return lc_error(lc, e, 0, PL_ERR_RULES,
					"a pattern cannot hold a NUL character (\\u0000); write \\\\x00");
		if ((st = fragment_check(lc, e, &digest, &check)) != PL_OK)
			return st;
		if (!(v = vocab_push(lc, e->string)) || !(v->pattern = strdup(e->valuestring))) {
			regex_release(&check);
			return PL_ERR_NOMEM;
		}
		v->digest = digest;
		v->check = check;
	}
	return PL_OK;
}

void vocab_release_all(struct pl_ruleset *rs)
{
	size_t i, j;

	for (i = 0; i < rs->nvocabs; i++) {
		for (j = 0; j < rs->vocabs[i].nwords; j++)
			free(rs->vocabs[i].words[j]);
		free(rs->vocabs[i].words);
		free(rs->vocabs[i].name);
		free(rs->vocabs[i].pattern);
		free(rs->vocabs[i].regex);
		regex_release(&rs->vocabs[i].check);
	}
	free(rs->vocabs);
	rs->vocabs = NULL;
	rs->nvocabs = rs->vocabs_cap = 0;
	free(rs->vocab_slots);
	rs->vocab_slots = NULL;
	rs->vocab_nslots = 0;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Length of the UTF-8 character at p (a whole character is one trie edge). */
static size_t char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1, i;

	for (i = 1; i < n; i++)
		if (!p[i])
			return i;
	return n;
}

static size_t put(char *out, size_t used, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (used == (size_t)-1 || used + n >= cap)
		return (size_t)-1;
	memcpy(out + used, s, n + 1);
	return used + n;
}

/*
 * Emits words[lo, hi) (sorted, sharing their first off bytes) as a trie-shaped regex:
 * "straat|station|stoep" becomes "st(?:raat|ation|oep)". A backtracking engine then tries one
 * branch per character instead of every word at every position; the language is the same, and a
 * word that ends where a longer one goes on is an optional tail, so the longer one is preferred.
 */
static size_t emit_trie(char *out, size_t used, size_t cap, char **w, size_t lo, size_t hi,
			size_t off, int depth)
{
	size_t i = lo, groups = 0, k;
	int ends = 0;

	if (depth > 256)
		return (size_t)-1;
	while (i < hi && !w[i][off]) {
		ends = 1; /* a word ends here */
		i++;
	}
	for (k = i; k < hi; groups++) {
		size_t n = char_len(w[k] + off), j = k + 1;

		while (j < hi && !strncmp(w[j] + off, w[k] + off, n))
			j++;
		k = j;
	}
	if (!groups)
		return used;
	if (groups > 1 || ends)
		used = put(out, used, cap, "(?:");
	for (k = i; k < hi && used != (size_t)-1;) {
		size_t n = char_len(w[k] + off), j = k + 1;

		while (j < hi && !strncmp(w[j] + off, w[k] + off, n))
			j++;
		if (k != i)
			used = put(out, used, cap, "|");
		if (used == (size_t)-1)
			break;
		used = regex_escape(out, used, cap, w[k] + off, n);
		if (used != (size_t)-1)
			used = emit_trie(out, used, cap, w, k, j, off + n, depth + 1);
		k = j;
	}
	if (groups > 1 || ends)
		used = put(out, used, cap, ends ? ")?" : ")");
	return used;
}

/* A fragment in a non-capturing group, its vocabularies expanded. */
static const char *fragment_group(const struct pl_ruleset *rs, struct vocab *v)
{
	char *inner = NULL, bad[128];
	struct pl_buf b;

	if (vocab_expand(rs, v->pattern, &inner, bad, sizeof(bad)) != PL_OK)
		return NULL;
	pl_buf_init(&b);
	pl_buf_addf(&b, "(?:%s)", inner);
	free(inner);
	if (b.oom || !b.data) {
		pl_buf_release(&b);
		return NULL;
	}
	v->regex = b.data;
	return v->regex;
}

/* The vocabulary as one non-capturing, trie-shaped alternation, made once per load. */
static const char *alternation(const struct pl_ruleset *rs, struct vocab *v)
{
	size_t cap = PL_RULES_MAX_PATTERN + 1, used;
	char **sorted, *buf;

	if (v->regex)
		return v->regex;
	if (v->pattern)
		return fragment_group(rs, v);
	sorted = malloc(v->nwords * sizeof(*sorted));
	buf = malloc(cap);
	if (!sorted || !buf) {
		free(sorted);
		free(buf);
		return NULL;
	}
	memcpy(sorted, v->words, v->nwords * sizeof(*sorted));
	qsort(sorted, v->nwords, sizeof(*sorted), by_bytes);
	used = put(buf, 0, cap, "(?:");
	if (used != (size_t)-1)
		used = emit_trie(buf, used, cap, sorted, 0, v->nwords, 0, 0);
	used = put(buf, used, cap, ")");
	free(sorted);
	if (used == (size_t)-1) {
		free(buf);
		return NULL;
	}
	/* kept for the load: give back the rest of the worst-case buffer */
	v->regex = realloc(buf, used + 1);
	if (!v->regex)
		v->regex = buf;
	return v->regex;
}

enum pl_status vocab_expand(const struct pl_ruleset *rs, const char *pattern, char **out,
			    char *bad, size_t badlen)
{
	size_t cap = PL_RULES_MAX_PATTERN + 1, used = 0;
	const char *p = pattern, *open, *close, *alt;
	char *buf = malloc(cap);

	*out = NULL;
	if (!buf)
		return PL_ERR_NOMEM;
	while ((open = strstr(p, "{{")) != NULL && (close = strstr(open + 2, "}}")) != NULL) {
		const struct vocab *v = vocab_find(rs, open + 2, (size_t)(close - open - 2));
		size_t lit = (size_t)(open - p);

		if (!v) {
			snprintf(bad, badlen, "%.*s", (int)(close - open - 2), open + 2);
			free(buf);
			return PL_ERR_RULES;
		}
		if (used + lit >= cap)
			goto limit;
		memcpy(buf + used, p, lit);
		used += lit;
		alt = alternation(rs, (struct vocab *)(uintptr_t)v);
		if (!alt || used + strlen(alt) >= cap)
			goto limit;
		memcpy(buf + used, alt, strlen(alt) + 1);
		used += strlen(alt);
		p = close + 2;
	}
	if (used + strlen(p) >= cap)
		goto limit;
	memcpy(buf + used, p, strlen(p) + 1);
	*out = buf;
	return PL_OK;
limit:
	free(buf);
	snprintf(bad, badlen, "%d", PL_RULES_MAX_PATTERN);
	return PL_ERR_LIMIT;
}
