/* SPDX-License-Identifier: Apache-2.0 */
/* Loading a post: a caption file, a post.json manifest, or a directory that holds one post. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "json_pos.h"
#include "postlint/post.h"
#include "util.h"
#include "banned.h"

#define MANIFEST_MAX (1024u * 1024u)

static const char *const media_exts[] = {
	".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".gif",
	".mp4", ".mov", ".m4v", ".3gp", NULL,
};
static const char *const caption_exts[] = { ".txt", ".md", NULL };
static const char *const manifest_keys[] = {
	"text", "text_file", "media", "account", "platform", "lang", "allow", "$comment", NULL,
};

void pl_post_init(struct pl_post *p)
{
	memset(p, 0, sizeof(*p));
}

void pl_post_release(struct pl_post *p)
{
	size_t i;

	free(p->path);
	free(p->text_path);
	free(p->text);
	for (i = 0; i < p->nmedia; i++)
		free(p->media[i]);
	free(p->media);
	free(p->platform);
	for (i = 0; i < p->nlangs; i++)
		free(p->langs[i]);
	for (i = 0; i < p->nallow; i++) {
		free(p->allow[i].rule);
		free(p->allow[i].match);
		free(p->allow[i].hash);
		free(p->allow[i].reason);
		free(p->allow[i].by);
		free(p->allow[i].until);
	}
	free(p->allow);
	pl_post_init(p);
}

int pl_account_parse(const char *s, enum pl_account *out)
{
	if (!strcmp(s, "professional"))
		*out = PL_ACCOUNT_PROFESSIONAL;
	else if (!strcmp(s, "private"))
		*out = PL_ACCOUNT_PRIVATE;
	else
		return -1;
	return 0;
}

static int has_ext(const char *name, const char *const *exts)
{
	size_t i;

	for (i = 0; exts[i]; i++)
		if (path_has_suffix(name, exts[i]))
			return 1;
	return 0;
}

static int is_manifest(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return !strcmp(base, "post.json") || path_has_suffix(base, ".post.json");
}

static enum pl_status add_lang(struct pl_post *p, const char *s, size_t n, struct pl_diag *d)
{
	if (n != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z')
		return diag_set(d, PL_ERR_USAGE, NULL, 0, 0,
				"language '%.*s' is not a two-letter code like 'nl'", (int)n, s);
	if (p->nlangs >= PL_POST_MAX_LANGS)
		return diag_set(d, PL_ERR_LIMIT, NULL, 0, 0, "more than %d languages",
				PL_POST_MAX_LANGS);
	p->langs[p->nlangs] = xmemdup0(s, n);
	if (!p->langs[p->nlangs])
		return PL_ERR_NOMEM;
	p->nlangs++;
	return PL_OK;
}

enum pl_status pl_post_set_langs(struct pl_post *p, const char *csv, struct pl_diag *d)
{
	const char *s = csv, *c;
	enum pl_status st;

	while (*s) {
		c = strchr(s, ',');
		st = add_lang(p, s, c ? (size_t)(c - s) : strlen(s), d);
		if (st != PL_OK)
			return st;
		if (!c)
			break;
		s = c + 1;
	}
	return PL_OK;
}

enum pl_status pl_post_from_text(struct pl_post *p, const char *name, const char *text, size_t len,
				 struct pl_diag *d)
{
	pl_post_init(p);
	if (len > PL_POST_MAX_TEXT)
		return diag_set(d, PL_ERR_LIMIT, name, 0, 0, "caption larger than the %u-byte limit",
				PL_POST_MAX_TEXT);
	p->path = strdup(name);
	p->text_path = strdup(name);
	p->text = xmemdup0(text, len);
	p->text_len = len;
	if (!p->path || !p->text_path || !p->text) {
		pl_post_release(p);
		return diag_set(d, PL_ERR_NOMEM, name, 0, 0, "out of memory");
	}
	return PL_OK;
}

/* Refuses media paths that leave the post's directory, lexically and through links. */
static enum pl_status media_inside(const char *dir, const char *rel, const char *full,
				   struct pl_diag *d, const char *file, unsigned line, unsigned col)
{
	char *rdir = NULL, *rfull = NULL;
	const char *s = rel;
	long depth = 0;
	enum pl_status st = PL_OK;

	if (rel[0] == '/')
		return diag_set(d, PL_ERR_INPUT, file, line, col,
				"media path '%s' is absolute; name media relative to the post", rel);
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n == 2 && s[0] == '.' && s[1] == '.')
			depth--;
		else if (n && !(n == 1 && s[0] == '.'))
			depth++;
		if (depth < 0)
			return diag_set(d, PL_ERR_INPUT, file, line, col,
					"media path '%s' leaves the post's directory", rel);
		s += n + (e ? 1 : 0);
	}
	rdir = realpath(dir, NULL);
	rfull = realpath(full, NULL);
	if (rdir && rfull) {
		size_t n = strlen(rdir);

		if (strncmp(rfull, rdir, n) != 0 || (rfull[n] != '/' && strcmp(rdir, "/") != 0))
			st = diag_set(d, PL_ERR_INPUT, file, line, col,
				      "media path '%s' leads out of the post's directory through a link",
				      rel);
	}
	free(rdir);
	free(rfull);
	return st;
}

static enum pl_status push_media(struct pl_post *p, char *path, struct pl_diag *d)
{
	char **m;

	if (p->nmedia >= PL_POST_MAX_MEDIA) {
		free(path);
		return diag_set(d, PL_ERR_LIMIT, p->path, 0, 0, "more than %d media files in one post",
				PL_POST_MAX_MEDIA);
	}
	m = realloc(p->media, (p->nmedia + 1) * sizeof(*m));
	if (!m) {
		free(path);
		return PL_ERR_NOMEM;
	}
	p->media = m;
	m[p->nmedia++] = path;
	return PL_OK;
}

struct mctx {
	struct json_doc doc;
	const char *file;
	char *dir;
	struct pl_diag *d;
};

static enum pl_status m_err(struct mctx *mc, const cJSON *node, int key, enum pl_status st,
			    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static enum pl_status m_err(struct mctx *mc, const cJSON *node, int key, enum pl_status st,
			    const char *fmt, ...)
{
	unsigned line, col;
	va_list ap;

	json_doc_where(&mc->doc, node, key, &line, &col);
	diag_set(mc->d, st, mc->file, line, col, "%s", "");
	va_start(ap, fmt);
	vsnprintf(mc->d->message, sizeof(mc->d->message), fmt, ap);
	va_end(ap);
	return st;
}

static enum pl_status m_string(struct mctx *mc, const cJSON *root, const char *key, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);

	*out = NULL;
	if (!v)
		return PL_OK;
	if (!cJSON_IsString(v))
		return m_err(mc, v, 0, PL_ERR_INPUT, "'%s' must be a string", key);
	*out = strdup(v->valuestring);
	return *out ? PL_OK : PL_ERR_NOMEM;
}

static enum pl_status manifest_media(struct mctx *mc, struct pl_post *p, const cJSON *v)
{
	const cJSON *e;
	enum pl_status st;

	if (!cJSON_IsArray(v))
		return m_err(mc, v, 0, PL_ERR_INPUT, "'%s' must be an array of paths", "media");
	cJSON_ArrayForEach(e, v) {
		char *full;
		unsigned line, col;

		if (!cJSON_IsString(e) || !e->valuestring[0])
			return m_err(mc, e, 0, PL_ERR_INPUT, "%s", "a media entry must be a path");
		full = path_join(mc->dir, e->valuestring);
		if (!full)
			return PL_ERR_NOMEM;
		json_doc_where(&mc->doc, e, 0, &line, &col);
		st = media_inside(mc->dir, e->valuestring, full, mc->d, mc->file, line, col);
		if (st != PL_OK) {
			free(full);
			return st;
		}
		if ((st = push_media(p, full, mc->d)) != PL_OK)
			return st;
	}
	return PL_OK;
}

static enum pl_status manifest_allow_one(struct mctx *mc, struct pl_allow *a, const cJSON *e)
{
	static const char *const keys[] = { "rule", "match", "hash", "reason", "by", "until", NULL };
	const cJSON *c;
	enum pl_status st;
	unsigned line, col;

	if (!cJSON_IsObject(e))
		return m_err(mc, e, 0, PL_ERR_INPUT, "%s", "an 'allow' entry must be an object");
	for (c = e->child; c; c = c->next) {
		size_t i;

		for (i = 0; keys[i] && strcmp(keys[i], c->string); i++)
			;
		if (!keys[i])
			return m_err(mc, c, 1, PL_ERR_INPUT, "unknown key '%s' in an 'allow' entry",
				     c->string);
	}
	if ((st = m_string(mc, e, "rule", &a->rule)) != PL_OK ||
	    (st = m_string(mc, e, "match", &a->match)) != PL_OK ||
	    (st = m_string(mc, e, "hash", &a->hash)) != PL_OK ||
	    (st = m_string(mc, e, "reason", &a->reason)) != PL_OK ||
	    (st = m_string(mc, e, "by", &a->by)) != PL_OK ||
	    (st = m_string(mc, e, "until", &a->until)) != PL_OK)
		return st;
	if (!a->rule)
		return m_err(mc, e, 0, PL_ERR_INPUT, "%s", "an 'allow' entry needs 'rule'");
	if (!a->reason || !a->reason[0])
		return m_err(mc, e, 0, PL_ERR_INPUT, "%s",
			     "an 'allow' entry needs a 'reason' (why is this safe to publish?)");
	json_doc_where(&mc->doc, e, 0, &line, &col);
	a->line = line;
	a->column = col;
	return PL_OK;
}

static enum pl_status manifest_allow(struct mctx *mc, struct pl_post *p, const cJSON *v)
{
	const cJSON *e;
	enum pl_status st;
	size_t n;

	if (!cJSON_IsArray(v))
		return m_err(mc, v, 0, PL_ERR_INPUT, "'%s' must be an array", "allow");
	n = (size_t)cJSON_GetArraySize(v);
	if (!n)
		return PL_OK;
	p->allow = calloc(n, sizeof(*p->allow));
	if (!p->allow)
		return PL_ERR_NOMEM;
	cJSON_ArrayForEach(e, v) {
		st = manifest_allow_one(mc, &p->allow[p->nallow++], e);
		if (st != PL_OK)
			return st;
	}
	return PL_OK;
}

static enum pl_status manifest_context(struct mctx *mc, struct pl_post *p, const cJSON *root)
{
	const cJSON *v;
	enum pl_status st;

	if ((v = cJSON_GetObjectItemCaseSensitive(root, "account")) != NULL &&
	    (!cJSON_IsString(v) || pl_account_parse(v->valuestring, &p->account) != 0))
		return m_err(mc, v, 0, PL_ERR_INPUT, "%s",
			     "'account' must be \"professional\" or \"private\"");
	if ((st = m_string(mc, root, "platform", &p->platform)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "lang")) != NULL) {
		const cJSON *e;

		if (cJSON_IsString(v)) {
			st = pl_post_set_langs(p, v->valuestring, mc->d);
		} else if (cJSON_IsArray(v)) {
			st = PL_OK;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e))
					return m_err(mc, e, 0, PL_ERR_INPUT, "%s",
						     "'lang' entries must be strings");
				if ((st = pl_post_set_langs(p, e->valuestring, mc->d)) != PL_OK)
					break;
			}
		} else {
			return m_err(mc, v, 0, PL_ERR_INPUT, "%s",
				     "'lang' must be a code or an array of codes");
		}
		if (st != PL_OK) {
			char msg[PL_DIAG_MSG_MAX];

			snprintf(msg, sizeof(msg), "%s", mc->d->message);
			return m_err(mc, v, 0, st, "%s", msg);
		}
	}
	return PL_OK;
}

static enum pl_status manifest_text(struct mctx *mc, struct pl_post *p, const cJSON *root)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(root, "text");
	const cJSON *tf = cJSON_GetObjectItemCaseSensitive(root, "text_file");
	enum pl_status st;
	char *full;
	unsigned line, col;

	if (t && tf)
		return m_err(mc, tf, 1, PL_ERR_INPUT, "%s", "give 'text' or 'text_file', not both");
	if (t) {
		if (!cJSON_IsString(t))
			return m_err(mc, t, 0, PL_ERR_INPUT, "'%s' must be a string", "text");
		p->text_len = strlen(t->valuestring);
		p->text = strdup(t->valuestring);
		p->text_path = strdup(mc->file);
		return p->text && p->text_path ? PL_OK : PL_ERR_NOMEM;
	}
	if (!tf)
		return PL_OK;
	if (!cJSON_IsString(tf))
		return m_err(mc, tf, 0, PL_ERR_INPUT, "'%s' must be a path", "text_file");
	full = path_join(mc->dir, tf->valuestring);
	if (!full)
		return PL_ERR_NOMEM;
	json_doc_where(&mc->doc, tf, 0, &line, &col);
	st = media_inside(mc->dir, tf->valuestring, full, mc->d, mc->file, line, col);
	if (st == PL_OK)
		st = file_read_all(full, PL_POST_MAX_TEXT, &p->text, &p->text_len, mc->d);
	p->text_path = full;
	return st;
}

static enum pl_status load_manifest(struct pl_post *p, const char *path, struct pl_diag *d)
{
	struct mctx mc = { .file = path, .d = d };
	char *text = NULL;
	size_t len, err_off;
	const cJSON *root, *c, *v;
	enum pl_status st;
	int rc;

	if ((st = file_read_all(path, MANIFEST_MAX, &text, &len, d)) != PL_OK)
		return st;
	mc.dir = path_dirname(path);
	rc = mc.dir ? json_doc_parse(&mc.doc, text, len, &err_off) : -2;
	if (rc == -2) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	if (rc == -1) {
		unsigned line, col;

		json_offset_line_col(text, len, err_off, &line, &col);
		st = diag_set(d, PL_ERR_INPUT, path, line, col, "invalid JSON in post manifest");
		goto out;
	}
	root = mc.doc.root;
	if (!cJSON_IsObject(root)) {
		st = m_err(&mc, root, 0, PL_ERR_INPUT, "%s", "a post manifest must be a JSON object");
		goto out;
	}
	for (c = root->child; c; c = c->next) {
		size_t i, n = sizeof(manifest_keys) / sizeof(manifest_keys[0]) - 1;
		const char *hint;
		unsigned line, col;

		for (i = 0; i < n && strcmp(c->string, manifest_keys[i]); i++)
			;
		if (i < n)
			continue;
		hint = suggest(c->string, manifest_keys, n);
		json_doc_where(&mc.doc, c, 1, &line, &col);
		st = diag_set(d, PL_ERR_INPUT, path, line, col, "unknown key '%s'%s%s%s", c->string,
			      hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
		goto out;
	}
	if ((st = manifest_text(&mc, p, root)) != PL_OK ||
	    (st = manifest_context(&mc, p, root)) != PL_OK)
		goto out;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "media")) != NULL &&
	    (st = manifest_media(&mc, p, v)) != PL_OK)
		goto out;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "allow")) != NULL &&
	    (st = manifest_allow(&mc, p, v)) != PL_OK)
		goto out;
	if (!p->text && !p->nmedia)
		st = diag_set(d, PL_ERR_INPUT, path, 0, 0,
			      "post manifest has neither 'text', 'text_file' nor 'media'");
out:
	json_doc_release(&mc.doc);
	free(mc.dir);
	free(text);
	return st;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists a directory's visible regular files, sorted. */
static enum pl_status list_dir(const char *dir, char ***names, size_t *n, struct pl_diag *d)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	char **v = NULL, **nv;
	size_t cnt = 0;

	*names = NULL;
	*n = 0;
	if (!dh)
		return diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", dir, errno_str(errno));
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		nv = realloc(v, (cnt + 1) * sizeof(*v));
		if (!nv || !(nv[cnt] = strdup(de->d_name))) {
			v = nv ? nv : v;
			while (cnt)
				free(v[--cnt]);
			free(v);
			closedir(dh);
			return PL_ERR_NOMEM;
		}
		v = nv;
		cnt++;
	}
	closedir(dh);
	if (cnt)
		qsort(v, cnt, sizeof(*v), cmp_str);
	*names = v;
	*n = cnt;
	return PL_OK;
}

static enum pl_status load_dir_files(struct pl_post *p, const char *dir, char **names, size_t n,
				     struct pl_diag *d)
{
	const char *caption = NULL;
	enum pl_status st = PL_OK;
	size_t i;

	for (i = 0; i < n; i++) {
		if (is_manifest(names[i])) {
			char *m = path_join(dir, names[i]);

			if (!m)
				return PL_ERR_NOMEM;
			st = load_manifest(p, m, d);
			free(m);
			return st;
		}
	}
	for (i = 0; i < n && st == PL_OK; i++) {
		char *full;

		if (has_ext(names[i], caption_exts)) {
			if (caption)
				return diag_set(d, PL_ERR_INPUT, dir, 0, 0,
						"'%s' holds several captions ('%s', '%s'); add a "
						"post.json that names one",
						dir, caption, names[i]);
			caption = names[i];
			continue;
		}
		if (!has_ext(names[i], media_exts))
			continue;
		if (!(full = path_join(dir, names[i])))
			return PL_ERR_NOMEM;
		st = push_media(p, full, d);
	}
	if (st == PL_OK && caption) {
		p->text_path = path_join(dir, caption);
		if (!p->text_path)
			return PL_ERR_NOMEM;
		st = file_read_all(p->text_path, PL_POST_MAX_TEXT, &p->text, &p->text_len, d);
	}
	if (st == PL_OK && !caption && !p->nmedia)
		st = diag_set(d, PL_ERR_INPUT, dir, 0, 0,
			      "'%s' holds no post: no post.json, caption (.txt, .md) or media", dir);
	return st;
}

static enum pl_status load_dir(struct pl_post *p, const char *dir, struct pl_diag *d)
{
	char **names;
	size_t n, i;
	enum pl_status st = list_dir(dir, &names, &n, d);

	if (st != PL_OK)
		return st;
	st = load_dir_files(p, dir, names, n, d);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return st;
}

enum pl_status pl_post_load(struct pl_post *p, const char *path, struct pl_diag *d)
{
	struct stat sb;
	enum pl_status st;

	pl_post_init(p);
	pl_diag_init(d);
	if (stat(path, &sb) != 0)
		return diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path, errno_str(errno));
	if (!(p->path = strdup(path)))
		return PL_ERR_NOMEM;
	if (S_ISDIR(sb.st_mode))
		st = load_dir(p, path, d);
	else if (is_manifest(path))
		st = load_manifest(p, path, d);
	else if (has_ext(path, media_exts))
		st = push_media(p, strdup(path), d);
	else {
		st = file_read_all(path, PL_POST_MAX_TEXT, &p->text, &p->text_len, d);
		if (st == PL_OK && !(p->text_path = strdup(path)))
			st = PL_ERR_NOMEM;
	}
	if (st != PL_OK)
		pl_post_release(p);
	return st;
}
