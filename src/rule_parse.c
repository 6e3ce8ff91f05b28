/* SPDX-License-Identifier: Apache-2.0 */
/* The keys every rule has: id, kind, category, severity, message, fix, scope, examples, ... */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rule_parse.h"
#include "util.h"
#include "banned.h"

static const char *const common_keys[] = {
	"id", "kind", "category", "severity", "message", "fix", "protocol", "description",
	"scope", "enabled", "internal", "examples", "text", "$comment",
};
#define NCOMMON (sizeof(common_keys) / sizeof(common_keys[0]))

static int valid_id(const char *s)
{
	size_t i, n = strlen(s);

	if (!n || n > 128 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!(islower(c) || isdigit(c) || c == '.' || c == '_' || c == '-'))
			return 0;
		if (c == '.' && s[i + 1] == '.')
			return 0;
	}
	return 1;
}

static int valid_word(const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return n > 0 && n <= 32;
}

const char *i18n_get(const struct i18n *t, const char *lang)
{
	size_t i;

	for (i = 0; lang && i < t->n; i++)
		if (!strcmp(t->lang[i], lang))
			return t->text[i];
	for (i = 0; i < t->n; i++)
		if (!strcmp(t->lang[i], "en"))
			return t->text[i];
	return t->n ? t->text[0] : "";
}

static enum pl_status parse_i18n(struct load_ctx *lc, const cJSON *obj, const char *key,
				 struct i18n *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key), *e;
	int has_en = 0;

	if (!v)
		return lc_error(lc, obj, 0, PL_ERR_RULES, "missing required key '%s'", key);
	if (cJSON_IsString(v)) {
		memcpy(out->lang[0], "en", 3);
		out->text[0] = strdup(v->valuestring);
		out->n = 1;
		return out->text[0] ? PL_OK : PL_ERR_NOMEM;
	}
	if (!cJSON_IsObject(v))
		return lc_error(lc, v, 0, PL_ERR_RULES,
				"'%s' must be a string or an object of languages", key);
	cJSON_ArrayForEach(e, v) {
		if (strlen(e->string) != 2 || !islower((unsigned char)e->string[0]) ||
		    !islower((unsigned char)e->string[1]))
			return lc_error(lc, e, 1, PL_ERR_RULES,
					"'%s' is not a two-letter language code", e->string);
		if (!cJSON_IsString(e))
			return lc_error(lc, e, 0, PL_ERR_RULES, "'%s.%s' must be a string", key,
					e->string);
		if (out->n == RULE_MAX_LANGS)
			return lc_error(lc, e, 1, PL_ERR_LIMIT, "more than %d languages in '%s'",
					RULE_MAX_LANGS, key);
		memcpy(out->lang[out->n], e->string, 3);
		out->text[out->n] = strdup(e->valuestring);
		if (!out->text[out->n])
			return PL_ERR_NOMEM;
		has_en |= !strcmp(e->string, "en");
		out->n++;
	}
	if (!has_en)
		return lc_error(lc, v, 0, PL_ERR_RULES, "'%s' needs an English ('en') text", key);
	return PL_OK;
}

static enum pl_status parse_scope(struct load_ctx *lc, const cJSON *v, struct rule *r)
{
	static const char *const keys[] = { "account", "lang", NULL };
	const cJSON *a, *e;
	enum pl_status st;

	if (!cJSON_IsObject(v))
		return lc_error(lc, v, 0, PL_ERR_RULES, "'scope' must be an object");
	if ((st = lc_check_keys(lc, v, keys, "'scope'")) != PL_OK)
		return st;
	if ((a = cJSON_GetObjectItemCaseSensitive(v, "account")) != NULL) {
		if (!cJSON_IsArray(a))
			return lc_error(lc, a, 0, PL_ERR_RULES, "'scope.account' must be an array");
		cJSON_ArrayForEach(e, a) {
			enum pl_account acc;

			if (!cJSON_IsString(e) || pl_account_parse(e->valuestring, &acc) != 0)
				return lc_error(lc, e, 0, PL_ERR_RULES,
						"account must be \"professional\" or \"private\"");
			r->scope_accounts |= 1u << acc;
		}
	}
	if ((a = cJSON_GetObjectItemCaseSensitive(v, "lang")) != NULL) {
		if (!cJSON_IsArray(a))
			return lc_error(lc, a, 0, PL_ERR_RULES, "'scope.lang' must be an array");
		cJSON_ArrayForEach(e, a) {
			if (!cJSON_IsString(e) || strlen(e->valuestring) != 2)
				return lc_error(lc, e, 0, PL_ERR_RULES,
						"a language must be a two-letter code");
			if (r->nscope_langs == RULE_MAX_LANGS)
				return lc_error(lc, e, 0, PL_ERR_LIMIT, "too many languages in scope");
			memcpy(r->scope_langs[r->nscope_langs++], e->valuestring, 3);
		}
	}
	return PL_OK;
}

static enum pl_status parse_example(struct load_ctx *lc, const cJSON *e, int must,
				    struct rule_example *x)
{
	static const char *const keys[] = { "text", "fields", "image", "evidence", "account", "lang",
					    NULL };
	const char *s;
	enum pl_status st;

	memset(x, 0, sizeof(*x));
	x->must_match = must;
	if (cJSON_IsString(e)) {
		x->text = strdup(e->valuestring);
		return x->text ? PL_OK : PL_ERR_NOMEM;
	}
	if (!cJSON_IsObject(e))
		return lc_error(lc, e, 0, PL_ERR_RULES, "an example must be a string or an object");
	if ((st = lc_check_keys(lc, e, keys, "an example")) != PL_OK)
		return st;
	if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "image"))) {
		x->image = strdup(cJSON_GetObjectItemCaseSensitive(e, "image")->valuestring);
		if (!x->image)
			return PL_ERR_NOMEM;
		s = "";
	} else if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(e, "fields"))) {
		x->fields = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(e, "fields"));
		if (!x->fields)
			return PL_ERR_NOMEM;
		s = "";
	} else if ((st = lc_string(lc, e, "text", 1, &s)) != PL_OK) {
		return st;
	}
	x->text = strdup(s);
	if ((st = lc_string(lc, e, "evidence", 0, &s)) != PL_OK)
		return st;
	x->evidence = xstrdup_null(s);
	if ((st = lc_string(lc, e, "lang", 0, &s)) != PL_OK)
		return st;
	x->lang = xstrdup_null(s);
	if ((st = lc_string(lc, e, "account", 0, &s)) != PL_OK)
		return st;
	if (s && pl_account_parse(s, &x->account) != 0)
		return lc_error(lc, e, 0, PL_ERR_RULES, "account must be \"professional\" or \"private\"");
	return x->text ? PL_OK : PL_ERR_NOMEM;
}

static enum pl_status parse_examples(struct load_ctx *lc, const cJSON *obj, struct rule *r)
{
	static const char *const keys[] = { "match", "no_match", NULL };
	static const char *const names[2] = { "match", "no_match" };
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "examples"), *arr[2], *e;
	enum pl_status st;
	size_t n, k;

	if (!v)
		return lc_error(lc, obj, 0, PL_ERR_RULES,
				"rule '%s' has no 'examples' (every rule needs 'match' and 'no_match')",
				r->id);
	if (!cJSON_IsObject(v))
		return lc_error(lc, v, 0, PL_ERR_RULES, "'examples' must be an object");
	if ((st = lc_check_keys(lc, v, keys, "'examples'")) != PL_OK)
		return st;
	for (k = 0; k < 2; k++) {
		arr[k] = cJSON_GetObjectItemCaseSensitive(v, names[k]);
		if (!cJSON_IsArray(arr[k]) || !cJSON_GetArraySize(arr[k]))
			return lc_error(lc, arr[k] ? arr[k] : v, 0, PL_ERR_RULES,
					"'examples.%s' must be a non-empty array", names[k]);
	}
	n = (size_t)cJSON_GetArraySize(arr[0]) + (size_t)cJSON_GetArraySize(arr[1]);
	r->examples = calloc(n, sizeof(*r->examples));
	if (!r->examples)
		return PL_ERR_NOMEM;
	for (k = 0; k < 2; k++)
		cJSON_ArrayForEach(e, arr[k]) {
			st = parse_example(lc, e, k == 0, &r->examples[r->nexamples++]);
			if (st != PL_OK)
				return st;
		}
	return PL_OK;
}

static enum pl_status parse_flags(struct load_ctx *lc, const cJSON *obj, struct rule *r)
{
	const cJSON *v;
	const char *s;
	enum pl_status st;

	r->enabled = 1;
	if ((st = lc_bool(lc, obj, "enabled", &r->enabled)) != PL_OK ||
	    (st = lc_bool(lc, obj, "internal", &r->internal)) != PL_OK)
		return st;
	if ((st = lc_string(lc, obj, "text", 0, &s)) != PL_OK)
		return st;
	if (s && strcmp(s, "normalized") && strcmp(s, "original"))
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "text"), 0, PL_ERR_RULES,
				"'text' must be \"normalized\" or \"original\"");
	r->match_original = s && !strcmp(s, "original");
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "scope")) != NULL)
		return parse_scope(lc, v, r);
	return PL_OK;
}

static enum pl_status parse_common(struct load_ctx *lc, const cJSON *obj, struct rule *r)
{
	const char *s;
	enum pl_status st;

	if ((st = lc_string(lc, obj, "category", 1, &s)) != PL_OK)
		return st;
	if (!valid_word(s))
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "category"), 0, PL_ERR_RULES,
				"category '%s' must be one lowercase word", s);
	if (!(r->category = strdup(s)))
		return PL_ERR_NOMEM;
	if ((st = lc_string(lc, obj, "severity", 1, &s)) != PL_OK)
		return st;
	if (pl_severity_parse(s, &r->severity) != 0)
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "severity"), 0, PL_ERR_RULES,
				"severity '%s' must be \"error\", \"warning\" or \"info\"", s);
	if ((st = parse_i18n(lc, obj, "message", &r->message)) != PL_OK ||
	    (st = parse_i18n(lc, obj, "fix", &r->fix)) != PL_OK)
		return st;
	if ((st = lc_string(lc, obj, "protocol", 0, &s)) != PL_OK)
		return st;
	if (s && !(r->protocol = strdup(s)))
		return PL_ERR_NOMEM;
	if ((st = lc_string(lc, obj, "description", 0, &s)) != PL_OK)
		return st;
	if (s && !(r->description = strdup(s)))
		return PL_ERR_NOMEM;
	if ((st = parse_flags(lc, obj, r)) != PL_OK)
		return st;
	return parse_examples(lc, obj, r);
}

/* The common keys plus the kind's own, NULL-terminated, in a new array. */
static const char **allowed_keys(const struct rule_kind *k)
{
	size_t nk = 0, i;
	const char **all;

	while (k->keys && k->keys[nk])
		nk++;
	all = calloc(NCOMMON + nk + 1, sizeof(*all));
	if (!all)
		return NULL;
	for (i = 0; i < NCOMMON; i++)
		all[i] = common_keys[i];
	for (i = 0; i < nk; i++)
		all[NCOMMON + i] = k->keys[i];
	return all;
}

static enum pl_status parse_head(struct load_ctx *lc, const cJSON *obj, const struct rule_kind **kind,
				 const char **id)
{
	const char *kname, *hint;
	enum pl_status st;

	if (!cJSON_IsObject(obj))
		return lc_error(lc, obj, 0, PL_ERR_RULES, "a rule must be an object");
	if ((st = lc_string(lc, obj, "id", 1, id)) != PL_OK)
		return st;
	if (!valid_id(*id))
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "id"), 0, PL_ERR_RULES,
				"rule id '%s' must be dotted lowercase words (like 'plate.nl')", *id);
	if (ruleset_index(lc->rs, *id) >= 0)
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "id"), 0, PL_ERR_RULES,
				"duplicate rule id '%s'", *id);
	if ((st = lc_string(lc, obj, "kind", 1, &kname)) != PL_OK)
		return st;
	*kind = rule_kind_find(kname);
	if (!*kind) {
		const char *const *names = rule_kind_names();
		size_t n = 0;

		while (names[n])
			n++;
		hint = suggest(kname, names, n);
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "kind"), 0, PL_ERR_RULES,
				"unknown rule kind '%s'%s%s%s", kname, hint ? " (did you mean '" : "",
				hint ? hint : "", hint ? "'?)" : "");
	}
	return PL_OK;
}

enum pl_status rule_parse(struct load_ctx *lc, const cJSON *obj)
{
	const struct rule_kind *kind = NULL;
	const char **keys = NULL;
	const char *id = NULL;
	struct rule *r;
	enum pl_status st;
	unsigned line, col;

	if ((st = parse_head(lc, obj, &kind, &id)) != PL_OK)
		goto out;
	if (!(keys = allowed_keys(kind))) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	if ((st = lc_check_keys(lc, obj, keys, "a rule")) != PL_OK)
		goto out;
	if (lc->rs->nrules >= PL_RULES_MAX_RULES) {
		st = lc_error(lc, obj, 0, PL_ERR_LIMIT, "more than %d rules", PL_RULES_MAX_RULES);
		goto out;
	}
	if (lc->rs->nrules == lc->rs->cap) {
		size_t cap = lc->rs->cap ? lc->rs->cap * 2 : 32;
		struct rule *p = realloc(lc->rs->rules, cap * sizeof(*p));

		if (!p) {
			st = PL_ERR_NOMEM;
			goto out;
		}
		lc->rs->rules = p;
		lc->rs->cap = cap;
	}
	r = &lc->rs->rules[lc->rs->nrules++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->file = lc->file;
	json_doc_where(&lc->doc, obj, 0, &line, &col);
	r->line = line;
	r->column = col;
	if (!(r->id = strdup(id))) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	if ((st = parse_common(lc, obj, r)) != PL_OK)
		goto out;
	st = kind->parse(r, obj, lc);
out:
	free(keys);
	return st;
}

void rule_release(struct rule *r)
{
	size_t i;

	if (r->kind && r->kind->release && r->data)
		r->kind->release(r->data);
	pf_gate_release(&r->gate);
	free(r->id);
	free(r->category);
	for (i = 0; i < r->message.n; i++)
		free(r->message.text[i]);
	for (i = 0; i < r->fix.n; i++)
		free(r->fix.text[i]);
	free(r->protocol);
	free(r->description);
	for (i = 0; i < r->nexamples; i++) {
		free(r->examples[i].text);
		cJSON_free(r->examples[i].fields);
		free(r->examples[i].image);
		free(r->examples[i].evidence);
		free(r->examples[i].lang);
	}
	free(r->examples);
	memset(r, 0, sizeof(*r));
}

const char *rule_id_suggest(const struct pl_ruleset *rs, const char *id)
{
	const char *best = NULL;
	unsigned bd = 3, dist;
	size_t i;

	for (i = 0; i < rs->nrules; i++) {
		dist = edit_distance(id, rs->rules[i].id);
		if (dist < bd) {
			bd = dist;
			best = rs->rules[i].id;
		}
	}
	return best;
}
