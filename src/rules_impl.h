/* SPDX-License-Identifier: Apache-2.0 */
/* Inside a rule set: the rule record, the kind table's interface, and the loader's context. */
#ifndef PL_RULES_IMPL_H
#define PL_RULES_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "json_pos.h"
#include "postlint/findings.h"
#include "postlint/post.h"
#include "postlint/rules.h"
#include "prefilter.h"
#include "regex.h"

#define RULE_MAX_LANGS 8

/* A text in several languages: "en" always present after loading. */
struct i18n {
	char lang[RULE_MAX_LANGS][4];
	char *text[RULE_MAX_LANGS];
	size_t n;
};

struct rule_example {
	char *text;            /* a caption, for text kinds */
	char *fields;          /* metadata fields as JSON, for media kinds */
	char *image;           /* a photo, for pixel kinds: "models:NAME" or relative to the pack */
	char *evidence;        /* expected evidence, NULL when any */
	int must_match;
	enum pl_account account;
	char *lang;
};

struct rule_kind;

struct rule {
	char *id;
	const struct rule_kind *kind;
	char *category;
	enum pl_severity severity;
	int enabled;
	int internal;
	int match_original;    /* match the original text, not the normalised one */
	struct i18n message;
	struct i18n fix;
	char *protocol;
	char *description;
	unsigned scope_accounts; /* bit (1 << enum pl_account); 0: every account */
	char scope_langs[RULE_MAX_LANGS][4];
	size_t nscope_langs;
	struct rule_example *examples;
	size_t nexamples;
	const char *file;      /* owned by the ruleset's file list */
	unsigned line, column;
	struct pf_gate gate;   /* literals the caption must hold for the rule to run */
	void *data;            /* the kind's own */
};

struct vocab {
	char *name;
	size_t name_len;
	char *pattern;         /* a fragment: a piece of pattern, not a word list (words NULL) */
	char **words;          /* normalised */
	size_t nwords, cap;
	const char *file;
	char *regex;           /* the words as one trie-shaped alternation, or the fragment in a
	                        * group with its vocabularies expanded; made on first use */
	uint64_t digest;       /* of the words (of a fragment: its text and its vocabularies'):
	                        * a pattern's cache key names it, not the expansion */
	struct regex check;    /* a fragment's syntax check as compiled this load (the pattern
	                        * cache writes it from here), or as the cache had it */
};

struct rules_cache;

struct pl_ruleset {
	struct rule *rules;
	size_t nrules, cap;
	char **files;
	char **files_real;     /* each file's canonical path: a pack met twice is loaded once */
	size_t nfiles;
	struct vocab *vocabs;
	size_t nvocabs, vocabs_cap;
	uint32_t *vocab_slots; /* open addressing by name: vocabulary index + 1, 0 empty */
	size_t vocab_nslots;   /* a power of two, at least twice nvocabs */
	struct prefilter pf;
	char *models_dir;      /* the detectors' models, NULL: the installed ones */
	struct rules_cache *cache; /* while loading: compiled patterns kept from the last load */
	const void *cache_map;     /* that cache's file, mapped: codes taken from it decode from */
	size_t cache_map_len;      /* there on their first match */
	int media_rules;       /* some rule looks at media files */
};

/* What a loader has at hand while reading one rules file. */
struct load_ctx {
	struct pl_ruleset *rs;
	const struct pl_rules_search *search;
	const char *file;      /* owned by rs->files */
	struct json_doc doc;
	struct pl_diag *d;
	const char *stack[PL_RULES_MAX_EXTENDS_DEPTH]; /* realpaths being loaded: cycle check */
	size_t depth;
};

/* A match in the (normalised or original) text: [start, end) and the part of a combination. */
struct text_match {
	size_t start, end;     /* in the matched buffer's bytes */
	size_t vstart, vend;   /* the evidence: group 'v' or the whole match */
	int part;
	int boosted;
};

struct match_list {
	struct text_match *items;
	size_t len, cap;
};

struct text_scan;
struct media_scan;

/*
 * A rule kind: one row in the table of rule_kinds.c. parse reads the kind's keys (listed in keys,
 * so that the loader can reject unknown ones), link resolves references once every pack is in,
 * matches collects a text rule's matches (used both to report and as parts of other rules),
 * scan_text reports, scan_media looks at one media file.
 */
struct rule_kind {
	const char *name;
	const char *const *keys;
	enum pl_status (*parse)(struct rule *r, const cJSON *obj, struct load_ctx *lc);
	enum pl_status (*link)(struct rule *r, struct load_ctx *lc);
	void (*release)(void *data);
	enum pl_status (*matches)(const struct rule *r, struct text_scan *ts, struct match_list *out);
	enum pl_status (*scan_text)(const struct rule *r, struct text_scan *ts);
	enum pl_status (*scan_media)(const struct rule *r, struct media_scan *ms);
	/* For media kinds: asks the metadata reader for the fields the rule needs (type-erased:
	 * struct meta_fields *), so that a reader skips what no rule looks at. */
	void (*want_fields)(const struct rule *r, void *meta_fields);
	/* For kinds that do not read captions: runs one example; 1 when it behaves. */
	int (*example)(const struct pl_ruleset *rs, const struct rule *r, const struct rule_example *x,
		       char *detail, size_t dlen);
};

const struct rule_kind *rule_kind_find(const char *name);
/* NULL-terminated names of every kind, for "did you mean". */
const char *const *rule_kind_names(void);

/* ---- loader helpers (rules_load.c) ---- */

/* Sets d to "file:line:col: message" at node (its key when key_pos) and returns st. */
enum pl_status lc_error(struct load_ctx *lc, const cJSON *node, int key_pos, enum pl_status st,
			const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Reads a required or optional string member; absent optional leaves *out NULL. */
enum pl_status lc_string(struct load_ctx *lc, const cJSON *obj, const char *key, int required,
			 const char **out);
/* Reads an optional true/false member into *out; absent leaves *out as it is. */
enum pl_status lc_bool(struct load_ctx *lc, const cJSON *obj, const char *key, int *out);
/* Expands {{vocabularies}} in pattern node and compiles it. */
enum pl_status lc_compile(struct load_ctx *lc, const cJSON *node, int caseless, struct regex *re);
/* As lc_compile, and derives the rule's prefilter gate from the pattern (normalised-text rules). */
enum pl_status lc_compile_gated(struct load_ctx *lc, const cJSON *node, struct rule *r,
				struct regex *re);
/* As lc_compile (caseless), with the pattern's prefilter gate for the normalised text in *gate. */
enum pl_status lc_compile_norm_gate(struct load_ctx *lc, const cJSON *node, struct regex *re,
				    struct pf_gate *gate);
/*
 * Splits node's pattern at its top-level '|' (when that keeps its meaning) and compiles and gates
 * each alternative on its own into *branches / *gates (*n of them; 0 when not split).
 */
enum pl_status lc_compile_branches(struct load_ctx *lc, const cJSON *node, struct rule *r,
				   struct regex **branches, struct pf_gate **gates, size_t *n);
/* Compiles an array of pattern strings (or a single string) into *res / *n. */
enum pl_status lc_compile_list(struct load_ctx *lc, const cJSON *node, int caseless,
			       struct regex **res, size_t *n);
/*
 * Context patterns (require, boost, forbid, exclude, unless), each with its prefilter gate: a
 * pattern whose gate a caption leaves closed cannot match in it and is not run.
 */
struct ctx_list {
	struct regex *re;
	struct pf_gate *gate;
	size_t n;
};
/* As lc_compile_list (caseless) into l, each pattern gated for the text rule r matches. l is to
 * be freed with ctx_list_free, after an error too. */
enum pl_status ctx_list_compile(struct load_ctx *lc, const cJSON *node, const struct rule *r,
				struct ctx_list *l);
void ctx_list_free(struct ctx_list *l);
void regex_list_free(struct regex *res, size_t n);
/* Checks that obj's keys are all in allowed (NULL-terminated), with "did you mean". */
enum pl_status lc_check_keys(struct load_ctx *lc, const cJSON *obj, const char *const *allowed,
			     const char *what);
/* Index of the rule with this id, or -1. */
long ruleset_index(const struct pl_ruleset *rs, const char *id);

/* ---- match lists ---- */
enum pl_status match_list_add(struct match_list *l, const struct text_match *m);
void match_list_release(struct match_list *l);

#endif
