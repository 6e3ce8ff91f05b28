/* SPDX-License-Identifier: Apache-2.0 */
/* Baselines: the fingerprints of findings a content repository has accepted, read from and
 * rendered to a JSON file that stays put when captions are edited elsewhere. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "json_pos.h"
#include "postlint/suppress.h"
#include "sha256.h"
#include "textnorm.h"
#include "util.h"
#include "banned.h"

struct entry {
	unsigned char fp[SHA256_DIGEST_LEN];
	char *rule;
	char *file;
};

struct pl_baseline {
	struct entry *v;
	size_t n;
	size_t cap;
	int sorted;       /* v sorted by fingerprint and without duplicates */
};

static void digest_of(const struct pl_finding *f, unsigned char out[SHA256_DIGEST_LEN], int *oom)
{
	const char *ev = f->evidence ? f->evidence : f->loc.field ? f->loc.field : "";
	char *norm = textnorm_string(ev, strlen(ev));
	struct sha256 s;

	*oom = !norm;
	sha256_init(&s);
	sha256_update(&s, f->rule_id ? f->rule_id : "", strlen(f->rule_id ? f->rule_id : "") + 1);
	sha256_update(&s, f->loc.file ? f->loc.file : "", strlen(f->loc.file ? f->loc.file : "") + 1);
	if (norm)
		sha256_update(&s, norm, strlen(norm));
	sha256_final(&s, out);
	free(norm);
}

enum pl_status pl_finding_fingerprint(const struct pl_finding *f, char out[PL_FINGERPRINT_LEN + 1])
{
	unsigned char d[SHA256_DIGEST_LEN];
	int oom;

	digest_of(f, d, &oom);
	sha256_to_hex(d, out);
	return oom ? PL_ERR_NOMEM : PL_OK;
}

enum pl_status pl_baseline_new(struct pl_baseline **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? PL_OK : PL_ERR_NOMEM;
}

void pl_baseline_free(struct pl_baseline **b)
{
	size_t i;

	if (!b || !*b)
		return;
	for (i = 0; i < (*b)->n; i++) {
		free((*b)->v[i].rule);
		free((*b)->v[i].file);
	}
	free((*b)->v);
	free(*b);
	*b = NULL;
}

static enum pl_status push(struct pl_baseline *b, const unsigned char fp[SHA256_DIGEST_LEN],
			   const char *rule, const char *file)
{
	struct entry *e;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;

		if (!(e = realloc(b->v, cap * sizeof(*e))))
			return PL_ERR_NOMEM;
		b->v = e;
		b->cap = cap;
	}
	e = &b->v[b->n];
	memcpy(e->fp, fp, SHA256_DIGEST_LEN);
	e->rule = xstrdup_null(rule ? rule : "");
	e->file = xstrdup_null(file ? file : "");
	if (!e->rule || !e->file) {
		free(e->rule);
		free(e->file);
		return PL_ERR_NOMEM;
	}
	b->n++;
	b->sorted = 0;
	return PL_OK;
}

enum pl_status pl_baseline_add(struct pl_baseline *b, const struct pl_finding *f)
{
	unsigned char d[SHA256_DIGEST_LEN];
	int oom;

	digest_of(f, d, &oom);
	return oom ? PL_ERR_NOMEM : push(b, d, f->rule_id, f->loc.file);
}

static int cmp_fp(const void *a, const void *b)
{
	return memcmp(((const struct entry *)a)->fp, ((const struct entry *)b)->fp, SHA256_DIGEST_LEN);
}

static int cmp_render(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (!c)
		c = strcmp(a->rule, b->rule);
	return c ? c : cmp_fp(a, b);
}

/* Sorts by fingerprint and drops duplicates, so lookups can bisect. */
static void settle(struct pl_baseline *b)
{
	size_t r, w = 0;

	if (b->sorted)
		return;
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_fp);
	for (r = 0; r < b->n; r++) {
		if (w && !cmp_fp(&b->v[w - 1], &b->v[r])) {
			free(b->v[r].rule);
			free(b->v[r].file);
			continue;
		}
		b->v[w++] = b->v[r];
	}
	b->n = w;
	b->sorted = 1;
}

size_t pl_baseline_count(const struct pl_baseline *b)
{
	return b->n;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int parse_fp(const char *s, unsigned char out[SHA256_DIGEST_LEN])
{
	size_t i;

	if (strlen(s) != PL_FINGERPRINT_LEN)
		return -1;
	for (i = 0; i < SHA256_DIGEST_LEN; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

static enum pl_status load_entries(struct pl_baseline *b, struct json_doc *doc, const char *path,
				   struct pl_diag *d)
{
	const cJSON *root = doc->root, *v, *e;
	unsigned line, col;
	enum pl_status st = PL_OK;

	v = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "postlint_baseline") : NULL;
	if (!cJSON_IsNumber(v) || v->valueint != 1) {
		json_doc_where(doc, v ? v : root, 0, &line, &col);
		return diag_set(d, PL_ERR_INPUT, path, line, col,
				"not a postlint baseline (\"postlint_baseline\": 1 is missing)");
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "findings");
	if (!cJSON_IsArray(v)) {
		json_doc_where(doc, v ? v : root, 0, &line, &col);
		return diag_set(d, PL_ERR_INPUT, path, line, col, "'findings' must be an array");
	}
	cJSON_ArrayForEach(e, v) {
		const cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
		const cJSON *rule = cJSON_GetObjectItemCaseSensitive(e, "rule");
		const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
		unsigned char bin[SHA256_DIGEST_LEN];

		if (!cJSON_IsString(fp) || parse_fp(fp->valuestring, bin) != 0) {
			json_doc_where(doc, fp ? fp : e, 0, &line, &col);
			return diag_set(d, PL_ERR_INPUT, path, line, col,
					"a baseline entry needs a 'fingerprint' of 64 hex digits");
		}
		st = push(b, bin, cJSON_IsString(rule) ? rule->valuestring : "",
			  cJSON_IsString(file) ? file->valuestring : "");
		if (st != PL_OK)
			return diag_set(d, st, path, 0, 0, "out of memory reading the baseline");
	}
	return PL_OK;
}

enum pl_status pl_baseline_load(struct pl_baseline **out, const char *path, struct pl_diag *d)
{
	struct json_doc doc;
	char *text = NULL;
	size_t len, err_off;
	enum pl_status st;
	int rc;

	pl_diag_init(d);
	memset(&doc, 0, sizeof(doc));
	if ((st = pl_baseline_new(out)) != PL_OK)
		return diag_set(d, st, path, 0, 0, "out of memory");
	if ((st = file_read_all(path, PL_BASELINE_MAX_FILE, &text, &len, d)) != PL_OK)
		goto out;
	rc = json_doc_parse(&doc, text, len, &err_off);
	if (rc == -2) {
		st = diag_set(d, PL_ERR_NOMEM, path, 0, 0, "out of memory reading the baseline");
	} else if (rc == -1) {
		unsigned line, col;

		json_offset_line_col(text, len, err_off, &line, &col);
		st = diag_set(d, PL_ERR_SYNTAX, path, line, col, "invalid JSON in baseline");
	} else {
		st = load_entries(*out, &doc, path, d);
	}
	if (st == PL_OK)
		settle(*out);
out:
	json_doc_release(&doc);
	free(text);
	if (st != PL_OK)
		pl_baseline_free(out);
	return st;
}

static int has(const struct pl_baseline *b, const unsigned char fp[SHA256_DIGEST_LEN])
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(b->v[mid].fp, fp, SHA256_DIGEST_LEN);

		if (!c)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

enum pl_status pl_baseline_filter(const struct pl_baseline *b, struct pl_findings *f,
				  size_t *removed)
{
	struct pl_findings gone;
	size_t i, w = 0;
	enum pl_status st = PL_OK;

	*removed = 0;
	if (!b->sorted || !b->n || !f->len)
		return PL_OK; /* only a loaded baseline is settled for lookups */
	pl_findings_init(&gone);
	if (!(gone.items = malloc(f->len * sizeof(*gone.items))))
		return PL_ERR_NOMEM;
	gone.cap = f->len;
	for (i = 0; i < f->len; i++) {
		unsigned char fp[SHA256_DIGEST_LEN];
		int oom;

		digest_of(&f->items[i], fp, &oom);
		if (oom)
			st = PL_ERR_NOMEM;
		else if (has(b, fp)) {
			gone.items[gone.len++] = f->items[i];
			continue;
		}
		f->items[w++] = f->items[i];
	}
	f->len = w;
	*removed = gone.len;
	pl_findings_release(&gone);
	return st;
}

enum pl_status pl_baseline_render(struct pl_baseline *b, struct pl_buf *out)
{
	char hex[SHA256_HEX_LEN + 1];
	size_t i;

	settle(b);
	if (b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), cmp_render);
	b->sorted = 0;
	pl_buf_adds(out, "{\"postlint_baseline\":1,\"findings\":[");
	for (i = 0; i < b->n; i++) {
		sha256_to_hex(b->v[i].fp, hex);
		pl_buf_addf(out, "%s\n{\"fingerprint\":\"%s\",\"rule\":\"", i ? "," : "", hex);
		pl_buf_add_json_str(out, b->v[i].rule, strlen(b->v[i].rule));
		pl_buf_adds(out, "\",\"file\":\"");
		pl_buf_add_json_str(out, b->v[i].file, strlen(b->v[i].file));
		pl_buf_adds(out, "\"}");
	}
	pl_buf_adds(out, "\n]}\n");
	settle(b);
	return out->oom ? PL_ERR_NOMEM : PL_OK;
}
