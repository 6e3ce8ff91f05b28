/* SPDX-License-Identifier: Apache-2.0 */
/* .postlint.json: the nearest one above an input decides its rules and defaults. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "json_pos.h"
#include "postlint/config.h"
#include "util.h"
#include "banned.h"

#define CONFIG_MAX (64u * 1024u)

void pl_config_release(struct pl_config *cfg)
{
	free(cfg->path);
	free(cfg->rules);
	free(cfg->fail_on);
	free(cfg->account);
	free(cfg->lang);
	memset(cfg, 0, sizeof(*cfg));
}

/* Whether s is one of the space-separated words of list, or (list NULL) any string. */
static int value_ok(const char *s, const char *list)
{
	size_t n = strlen(s);
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && !strncmp(p, s, n))
			return 1;
		p = e ? e + 1 : NULL;
	}
	return !list;
}

/* "nl" or "nl,fr": two lowercase letters, comma-separated. */
static int langs_ok(const char *s)
{
	for (;;) {
		if (s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z')
			return 0;
		if (!s[2])
			return 1;
		if (s[2] != ',')
			return 0;
		s += 3;
	}
}

static enum pl_status read_keys(struct pl_config *cfg, struct json_doc *doc, const char *path,
				struct pl_diag *d)
{
	static const char *const keys[] = { "rules", "fail_on", "account", "lang", "$comment" };
	/* What each key may be: a value the front end would otherwise quietly ignore is an error. */
	static const char *const values[] = { NULL, "error warning info never",
					       "professional private", NULL, NULL };
	static const char *const say[] = { NULL, "error, warning, info or never",
					    "professional or private", "two-letter codes like \"nl,fr\"",
					    NULL };
	char **slots[] = { &cfg->rules, &cfg->fail_on, &cfg->account, &cfg->lang, NULL };
	const cJSON *c;
	unsigned line, col;

	if (!cJSON_IsObject(doc->root))
		return diag_set(d, PL_ERR_USAGE, path, 1, 1, "a config must be a JSON object");
	for (c = doc->root->child; c; c = c->next) {
		size_t i, n = sizeof(keys) / sizeof(keys[0]);
		const char *hint;

		for (i = 0; i < n && strcmp(keys[i], c->string); i++)
			;
		if (i == n) {
			hint = suggest(c->string, keys, n);
			json_doc_where(doc, c, 1, &line, &col);
			return diag_set(d, PL_ERR_USAGE, path, line, col, "unknown key '%s'%s%s%s",
					c->string, hint ? " (did you mean '" : "", hint ? hint : "",
					hint ? "'?)" : "");
		}
		if (!slots[i])
			continue;
		if (!cJSON_IsString(c)) {
			json_doc_where(doc, c, 0, &line, &col);
			return diag_set(d, PL_ERR_USAGE, path, line, col, "'%s' must be a string",
					c->string);
		}
		if (!value_ok(c->valuestring, values[i]) ||
		    (slots[i] == &cfg->lang && !langs_ok(c->valuestring))) {
			json_doc_where(doc, c, 0, &line, &col);
			return diag_set(d, PL_ERR_USAGE, path, line, col, "'%s' cannot be '%s' (%s)",
					c->string, c->valuestring, say[i]);
		}
		free(*slots[i]);
		*slots[i] = strdup(c->valuestring);
		if (!*slots[i])
			return PL_ERR_NOMEM;
	}
	return PL_OK;
}

static enum pl_status resolve_rules(struct pl_config *cfg)
{
	char *full;

	if (!cfg->rules || (!strchr(cfg->rules, '/') && !path_has_suffix(cfg->rules, ".json")))
		return PL_OK;
	full = path_beside(cfg->path, cfg->rules);
	if (!full)
		return PL_ERR_NOMEM;
	free(cfg->rules);
	cfg->rules = full;
	return PL_OK;
}

enum pl_status pl_config_load(struct pl_config *cfg, const char *path, struct pl_diag *d)
{
	struct json_doc doc;
	char *text = NULL;
	size_t len, off;
	enum pl_status st;
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	memset(&doc, 0, sizeof(doc));
	if ((st = file_read_all(path, CONFIG_MAX, &text, &len, d)) != PL_OK)
		return st;
	rc = json_doc_parse(&doc, text, len, &off);
	if (rc == -1) {
		unsigned line, col;

		json_offset_line_col(text, len, off, &line, &col);
		st = diag_set(d, PL_ERR_USAGE, path, line, col, "invalid JSON in config");
	} else if (rc == -2) {
		st = PL_ERR_NOMEM;
	} else if (!(cfg->path = strdup(path))) {
		st = PL_ERR_NOMEM;
	} else if ((st = read_keys(cfg, &doc, path, d)) == PL_OK) {
		st = resolve_rules(cfg);
	}
	json_doc_release(&doc);
	free(text);
	if (st != PL_OK)
		pl_config_release(cfg);
	return st;
}

enum pl_status pl_config_find(struct pl_config *cfg, const char *start, struct pl_diag *d)
{
	char *dir = realpath(start, NULL), *cand;
	struct stat sb;
	enum pl_status st = PL_OK;

	memset(cfg, 0, sizeof(*cfg));
	if (!dir)
		return PL_OK; /* an unreadable input is reported where it is read */
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		char *slash = strrchr(dir, '/');

		if (slash)
			*(slash == dir ? slash + 1 : slash) = '\0';
	}
	for (;;) {
		cand = path_join(dir, PL_CONFIG_NAME);
		if (!cand) {
			st = PL_ERR_NOMEM;
			break;
		}
		if (access(cand, F_OK) == 0) {
			st = pl_config_load(cfg, cand, d);
			free(cand);
			break;
		}
		free(cand);
		if (!strcmp(dir, "/"))
			break;
		{
			char *slash = strrchr(dir, '/');

			if (!slash)
				break;
			*(slash == dir ? slash + 1 : slash) = '\0';
		}
	}
	free(dir);
	return st;
}
