/* SPDX-License-Identifier: Apache-2.0 */
/* Loading rules files: the top level, "extends" (with cycle detection), vocabularies, fragments,
 * overrides. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "rule_parse.h"
#include "rules_cache.h"
#include "rules_impl.h"
#include "rules_prefetch.h"
#include "util.h"
#include "vocab.h"
#include "banned.h"

static const char *const top_keys[] = {
	"format", "name", "description", "extends", "vocabularies", "fragments", "rules",
	"overrides",
	"$schema", "$comment", NULL,
};

static enum pl_status load_file(struct load_ctx *parent, struct pl_ruleset *rs,
				const struct pl_rules_search *search, const char *path,
				struct pl_diag *d, struct pack_read *pre);

enum pl_status lc_error(struct load_ctx *lc, const cJSON *node, int key_pos, enum pl_status st,
			const char *fmt, ...)
{
	unsigned line = 0, col = 0;
	va_list ap;

	json_doc_where(&lc->doc, node, key_pos, &line, &col);
	diag_set(lc->d, st, lc->file, line, col, "%s", "");
	va_start(ap, fmt);
	vsnprintf(lc->d->message, sizeof(lc->d->message), fmt, ap);
	va_end(ap);
	return st;
}

enum pl_status lc_check_keys(struct load_ctx *lc, const cJSON *obj, const char *const *allowed,
			     const char *what)
{
	const cJSON *c, *c2;
	size_t n = 0;

	while (allowed[n])
		n++;
	for (c = obj->child; c; c = c->next) {
		size_t i;
		const char *hint;

		for (i = 0; i < n && strcmp(c->string, allowed[i]); i++)
			;
		if (i == n) {
			hint = suggest(c->string, allowed, n);
			if (hint)
				return lc_error(lc, c, 1, PL_ERR_RULES,
						"unknown key '%s' in %s (did you mean '%s'?)", c->string,
						what, hint);
			return lc_error(lc, c, 1, PL_ERR_RULES, "unknown key '%s' in %s", c->string,
					what);
		}
		for (c2 = obj->child; c2 != c; c2 = c2->next)
			if (!strcmp(c2->string, c->string))
				return lc_error(lc, c, 1, PL_ERR_RULES, "duplicate key '%s' in %s",
						c->string, what);
	}
	return PL_OK;
}

enum pl_status lc_string(struct load_ctx *lc, const cJSON *obj, const char *key, int required,
			 const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (!v) {
		if (required)
			return lc_error(lc, obj, 0, PL_ERR_RULES, "missing required key '%s'", key);
		return PL_OK;
	}
	if (!cJSON_IsString(v) || !v->valuestring)
		return lc_error(lc, v, 0, PL_ERR_RULES, "'%s' must be a string", key);
	*out = v->valuestring;
	return PL_OK;
}

enum pl_status lc_bool(struct load_ctx *lc, const cJSON *obj, const char *key, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!v)
		return PL_OK;
	if (!cJSON_IsBool(v))
		return lc_error(lc, v, 0, PL_ERR_RULES, "'%s' must be true or false", key);
	*out = cJSON_IsTrue(v);
	return PL_OK;
}

long ruleset_index(const struct pl_ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].id, id))
			return (long)i;
	return -1;
}

/* Finds pack name (no slash, no extension) in the search directories. */
static char *find_named(const char *name, const struct pl_rules_search *search)
{
	size_t i;

	for (i = 0; search && i < search->ndirs; i++) {
		char *base = path_join(search->dirs[i], name), *full;
		size_t n;

		if (!base)
			return NULL;
		n = strlen(base);
		full = malloc(n + 6);
		if (full) {
			memcpy(full, base, n);
			memcpy(full + n, ".json", 6);
		}
		free(base);
		if (full && access(full, R_OK) == 0)
			return full;
		free(full);
	}
	return NULL;
}

/* The path an "extends" entry names: a pack on the search path (else beside this file), or a
 * file relative to this one. NULL when there is none (*st: why, reported when report is set). */
static char *extends_path(struct load_ctx *lc, const cJSON *e, int report, enum pl_status *st)
{
	char *path, *dir;

	*st = PL_OK;
	if (!cJSON_IsString(e)) {
		*st = PL_ERR_RULES;
		if (report)
			lc_error(lc, e, 0, *st, "'extends' entries must be strings");
		return NULL;
	}
	if (!strchr(e->valuestring, '/') && !path_has_suffix(e->valuestring, ".json")) {
		path = find_named(e->valuestring, lc->search);
		if (!path && (dir = path_dirname(lc->file)) != NULL) {
			const char *one[1] = { dir };
			struct pl_rules_search here = { one, 1, NULL };

			path = find_named(e->valuestring, &here);
			free(dir);
		}
		if (!path) {
			*st = PL_ERR_NOTFOUND;
			if (report)
				lc_error(lc, e, 0, *st, "rules pack '%s' not found on the rules search path",
					 e->valuestring);
		}
		return path;
	}
	path = path_beside(lc->file, e->valuestring);
	if (!path)
		*st = PL_ERR_NOMEM;
	return path;
}

static enum pl_status load_extends(struct load_ctx *lc, const cJSON *ext)
{
	const cJSON *e;
	struct prefetch pf;
	enum pl_status st = PL_OK;
	char **ahead;
	size_t n = 0, i = 0;

	if (!cJSON_IsArray(ext))
		return lc_error(lc, ext, 0, PL_ERR_RULES, "'extends' must be an array of pack names");
	/* The packs named before the first entry that names none are read ahead; that entry is
	 * reported where the loop below meets it, after the packs before it loaded. */
	ahead = calloc((size_t)cJSON_GetArraySize(ext) + 1, sizeof(*ahead));
	cJSON_ArrayForEach(e, ext) {
		if (!ahead || !(ahead[n] = extends_path(lc, e, 0, &st)))
			break;
		n++;
	}
	if (n < 2) { /* nothing to overlap: load_file reads it, and skips one already loaded */
		free(n ? ahead[0] : NULL);
		n = 0;
	}
	prefetch_start(&pf, ahead, n);
	free(ahead);
	cJSON_ArrayForEach(e, ext) {
		/* a pack read ahead was resolved then; the others are resolved (and reported) now */
		struct pack_read *pre = prefetch_wait(&pf, i++);
		char *path = pre ? NULL : extends_path(lc, e, 1, &st);

		if (!pre && !path)
			break;
		st = load_file(lc, lc->rs, lc->search, pre ? pre->path : path, lc->d, pre);
		if (st != PL_OK && lc->d->line == 0 && !lc->d->file[0]) {
			char msg[PL_DIAG_MSG_MAX];

			snprintf(msg, sizeof(msg), "%s", lc->d->message);
			lc_error(lc, e, 0, st, "in extended pack '%s': %s", e->valuestring, msg);
		}
		free(path);
		if (st != PL_OK)
			break;
	}
	prefetch_end(&pf);
	return st;
}

static enum pl_status apply_overrides(struct load_ctx *lc, const cJSON *ov)
{
	static const char *const keys[] = { "severity", "enabled", NULL };
	const cJSON *o, *v;
	enum pl_status st;

	if (!cJSON_IsObject(ov))
		return lc_error(lc, ov, 0, PL_ERR_RULES, "'overrides' must be an object of rule ids");
	cJSON_ArrayForEach(o, ov) {
		long i = ruleset_index(lc->rs, o->string);
		struct rule *r;

		if (i < 0) {
			const char *hint = rule_id_suggest(lc->rs, o->string);

			return lc_error(lc, o, 1, PL_ERR_RULES,
					"override of unknown rule '%s'%s%s%s", o->string,
					hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
		}
		if (!cJSON_IsObject(o))
			return lc_error(lc, o, 0, PL_ERR_RULES, "an override must be an object");
		st = lc_check_keys(lc, o, keys, "an override");
		if (st != PL_OK)
			return st;
		r = &lc->rs->rules[i];
		if ((v = cJSON_GetObjectItemCaseSensitive(o, "severity")) != NULL &&
		    (!cJSON_IsString(v) || pl_severity_parse(v->valuestring, &r->severity) != 0))
			return lc_error(lc, v, 0, PL_ERR_RULES,
					"'severity' must be \"error\", \"warning\" or \"info\"");
		if ((st = lc_bool(lc, o, "enabled", &r->enabled)) != PL_OK)
			return st;
	}
	return PL_OK;
}

static enum pl_status load_top(struct load_ctx *lc)
{
	const cJSON *root = lc->doc.root, *v;
	const char *name;
	enum pl_status st;

	if (!cJSON_IsObject(root))
		return lc_error(lc, root, 0, PL_ERR_RULES, "a rules file must be a JSON object");
	if ((st = lc_check_keys(lc, root, top_keys, "a rules file")) != PL_OK)
		return st;
	v = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (!v)
		return lc_error(lc, root, 0, PL_ERR_RULES, "missing required key 'format'");
	if (!cJSON_IsNumber(v) || v->valuedouble != 1)
		return lc_error(lc, v, 0, PL_ERR_RULES, "unsupported format %s (this postlint reads 1)",
				cJSON_IsNumber(v) ? "version" : "value");
	if ((st = lc_string(lc, root, "name", 1, &name)) != PL_OK)
		return st;
	if ((st = lc_string(lc, root, "description", 0, &name)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "extends")) != NULL &&
	    (st = load_extends(lc, v)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "vocabularies")) != NULL &&
	    (st = vocab_load(lc, v)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "fragments")) != NULL &&
	    (st = fragment_load(lc, v)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "rules")) != NULL) {
		const cJSON *r;

		if (!cJSON_IsArray(v))
			return lc_error(lc, v, 0, PL_ERR_RULES, "'rules' must be an array");
		cJSON_ArrayForEach(r, v)
			if ((st = rule_parse(lc, r)) != PL_OK)
				return st;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "overrides")) != NULL &&
	    (st = apply_overrides(lc, v)) != PL_OK)
		return st;
	return PL_OK;
}

static enum pl_status add_file_name(struct pl_ruleset *rs, const char *path, const char *real,
				    const char **out)
{
	char **p = realloc(rs->files, (rs->nfiles + 1) * sizeof(*p)), **r;
	char *name, *canon;

	if (!p)
		return PL_ERR_NOMEM;
	rs->files = p;
	if (!(r = realloc(rs->files_real, (rs->nfiles + 1) * sizeof(*r))))
		return PL_ERR_NOMEM;
	rs->files_real = r;
	name = strdup(path);
	canon = strdup(real);
	if (!name || !canon) {
		free(name);
		free(canon);
		return PL_ERR_NOMEM;
	}
	p[rs->nfiles] = name;
	r[rs->nfiles++] = canon;
	*out = name;
	return PL_OK;
}

static enum pl_status check_cycle(struct load_ctx *parent, struct load_ctx *lc, const char *real)
{
	size_t i;

	if (!parent)
		return PL_OK;
	for (i = 0; i < parent->depth; i++)
		if (!strcmp(parent->stack[i], real))
			return diag_set(lc->d, PL_ERR_RULES, parent->file, 0, 0,
					"'extends' cycle: '%s' extends itself through '%s'", lc->file,
					parent->file);
	if (parent->depth >= PL_RULES_MAX_EXTENDS_DEPTH)
		return diag_set(lc->d, PL_ERR_LIMIT, lc->file, 0, 0,
				"'extends' nested deeper than %d packs", PL_RULES_MAX_EXTENDS_DEPTH);
	memcpy(lc->stack, parent->stack, parent->depth * sizeof(*lc->stack));
	lc->depth = parent->depth;
	return PL_OK;
}

/* A pack already loaded through another path (a diamond) is loaded once. */
static int already_loaded(const struct pl_ruleset *rs, const char *real)
{
	size_t i;

	for (i = 0; i < rs->nfiles; i++)
		if (!strcmp(rs->files_real[i], real))
			return 1;
	return 0;
}

/* Loads the pack at path; pre, when not NULL, is that pack already read and parsed. */
static enum pl_status load_file(struct load_ctx *parent, struct pl_ruleset *rs,
				const struct pl_rules_search *search, const char *path,
				struct pl_diag *d, struct pack_read *pre)
{
	struct load_ctx lc = { .rs = rs, .search = search, .d = d };
	enum pl_status st;
	char *text = NULL, *real = NULL;
	size_t len, err_off = 0;
	int rc;

	if (pre) {
		st = pre->st;
		if (st != PL_OK)
			*d = pre->d;
		text = pre->text;
		len = pre->len;
		pre->text = NULL;
	} else {
		st = file_read_all(path, PL_RULES_MAX_FILE, &text, &len, d);
	}
	if (st != PL_OK)
		goto out;
	/* A file read through a pipe or an anonymous file ("--rules <(...)", /proc/self/fd/N) has no
	 * path to resolve to: it is known by the name it was given. */
	real = realpath(path, NULL);
	if (!real && !(real = strdup(path))) {
		st = diag_set(d, PL_ERR_NOMEM, NULL, 0, 0, "out of memory loading rules");
		goto out;
	}
	lc.file = path;
	if ((st = check_cycle(parent, &lc, real)) != PL_OK)
		goto out;
	if (already_loaded(rs, real))
		goto out;
	if ((st = add_file_name(rs, path, real, &lc.file)) != PL_OK)
		goto out;
	lc.stack[lc.depth++] = real;
	if (pre) {
		lc.doc = pre->doc;
		memset(&pre->doc, 0, sizeof(pre->doc));
		rc = pre->rc;
		err_off = pre->err_off;
	} else {
		rc = json_doc_parse(&lc.doc, text, len, &err_off);
	}
	if (rc == -2) {
		st = diag_set(d, PL_ERR_NOMEM, NULL, 0, 0, "out of memory parsing '%s'", path);
		goto out;
	}
	if (rc == -1) {
		unsigned line, col;

		json_offset_line_col(text, len, err_off, &line, &col);
		st = diag_set(d, PL_ERR_SYNTAX, lc.file, line, col, "invalid JSON");
		goto out;
	}
	st = load_top(&lc);
out:
	json_doc_release(&lc.doc);
	free(text);
	free(real);
	return st;
}

static enum pl_status link_all(struct pl_ruleset *rs, struct pl_diag *d)
{
	size_t i;
	enum pl_status st;

	for (i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];
		struct load_ctx lc = { .rs = rs, .file = r->file, .d = d };

		if (!r->kind->link)
			continue;
		st = r->kind->link(r, &lc);
		if (st != PL_OK) {
			if (!d->line) {
				d->line = r->line;
				d->column = r->column;
				snprintf(d->file, sizeof(d->file), "%s", r->file);
			}
			return st;
		}
	}
	return PL_OK;
}

enum pl_status pl_ruleset_load(struct pl_ruleset **out, const char *path,
			       const struct pl_rules_search *search, struct pl_diag *d)
{
	struct pl_ruleset *rs;
	enum pl_status st;

	*out = NULL;
	pl_diag_init(d);
	rs = calloc(1, sizeof(*rs));
	if (!rs)
		return diag_set(d, PL_ERR_NOMEM, path, 0, 0, "out of memory loading rules");
	rs->cache = rules_cache_open(search ? search->cache_dir : NULL, path);
	prefilter_reserve(&rs->pf, rules_cache_literals(rs->cache)); /* else grown as met */
	st = load_file(NULL, rs, search, path, d, NULL);
	if (st == PL_OK)
		st = link_all(rs, d);
	/* without its index the scan finds every literal: slower, never wrong */
	if (st == PL_OK)
		(void)prefilter_seal(&rs->pf);
	if (st == PL_OK)
		rules_cache_save(rs->cache, &rs->pf);
	rules_cache_keep_file(rs->cache, &rs->cache_map, &rs->cache_map_len);
	rules_cache_free(&rs->cache);
	if (st != PL_OK) {
		pl_ruleset_free(&rs);
		return st;
	}
	*out = rs;
	return PL_OK;
}

enum pl_status pl_ruleset_load_named(struct pl_ruleset **out, const char *name,
				     const struct pl_rules_search *search, struct pl_diag *d)
{
	char *path;
	enum pl_status st;

	*out = NULL;
	if (strchr(name, '/') || path_has_suffix(name, ".json"))
		return pl_ruleset_load(out, name, search, d);
	path = find_named(name, search);
	if (!path)
		return diag_set(d, PL_ERR_NOTFOUND, NULL, 0, 0,
				"rules pack '%s' not found on the rules search path", name);
	st = pl_ruleset_load(out, path, search, d);
	free(path);
	return st;
}

void pl_ruleset_free(struct pl_ruleset **prs)
{
	struct pl_ruleset *rs;
	size_t i;

	if (!prs || !*prs)
		return;
	rs = *prs;
	for (i = 0; i < rs->nrules; i++)
		rule_release(&rs->rules[i]);
	free(rs->rules);
	for (i = 0; i < rs->nfiles; i++) {
		free(rs->files[i]);
		free(rs->files_real[i]);
	}
	free(rs->files);
	free(rs->files_real);
	vocab_release_all(rs);
	prefilter_release(&rs->pf);
	rules_cache_unmap(rs->cache_map, rs->cache_map_len); /* after the codes decoded from it */
	free(rs->models_dir);
	free(rs);
	*prs = NULL;
}

enum pl_status pl_ruleset_set_models(struct pl_ruleset *rs, const char *dir)
{
	char *c = dir ? strdup(dir) : NULL;

	if (dir && !c)
		return PL_ERR_NOMEM;
	free(rs->models_dir);
	rs->models_dir = c;
	return PL_OK;
}
