/* SPDX-License-Identifier: Apache-2.0 */
/* Positions of cJSON nodes: pre-order of values in the text equals cJSON's child order. */
#include <stdlib.h>
#include <string.h>

#include "json_pos.h"
#include "textnorm.h"
#include "banned.h"

#define JSON_POS_MAX_DEPTH 512

struct scan {
	const char *s;
	size_t len, i;
	size_t *vals, *keys;
	size_t n, cap;
	int oom;
};

static void ws(struct scan *sc)
{
	while (sc->i < sc->len && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
				   sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
}

static void push(struct scan *sc, size_t val, size_t key)
{
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		size_t *v = realloc(sc->vals, cap * sizeof(*v)), *k;

		if (!v) {
			sc->oom = 1;
			return;
		}
		sc->vals = v;
		k = realloc(sc->keys, cap * sizeof(*k));
		if (!k) {
			sc->oom = 1;
			return;
		}
		sc->keys = k;
		sc->cap = cap;
	}
	sc->vals[sc->n] = val;
	sc->keys[sc->n] = key;
	sc->n++;
}

static void skip_string(struct scan *sc)
{
	sc->i++; /* opening quote */
	while (sc->i < sc->len && sc->s[sc->i] != '"')
		sc->i += sc->s[sc->i] == '\\' ? 2 : 1;
	sc->i++;
}

static void value(struct scan *sc, size_t key, int depth);

static void members(struct scan *sc, int depth, char close, int is_object)
{
	sc->i++;
	ws(sc);
	while (sc->i < sc->len && sc->s[sc->i] != close && !sc->oom) {
		size_t key = (size_t)-1;

		if (is_object) {
			key = sc->i;
			skip_string(sc);
			ws(sc);
			sc->i++; /* ':' */
			ws(sc);
		}
		value(sc, key, depth + 1);
		ws(sc);
		if (sc->i < sc->len && sc->s[sc->i] == ',') {
			sc->i++;
			ws(sc);
		}
	}
	sc->i++;
}

static void value(struct scan *sc, size_t key, int depth)
{
	ws(sc);
	push(sc, sc->i, key);
	if (sc->i >= sc->len || depth > JSON_POS_MAX_DEPTH)
		return;
	switch (sc->s[sc->i]) {
	case '{': members(sc, depth, '}', 1); break;
	case '[': members(sc, depth, ']', 0); break;
	case '"': skip_string(sc); break;
	default:
		while (sc->i < sc->len && !strchr(",]} \t\r\n", sc->s[sc->i]))
			sc->i++;
	}
}

static int cmp_node(const void *a, const void *b)
{
	const struct json_pos_entry *x = a, *y = b;

	return x->node < y->node ? -1 : x->node > y->node;
}

static void assign(const cJSON *node, struct scan *sc, size_t *k, struct json_pos_entry *out,
		   size_t *nout)
{
	const cJSON *c;

	if (*k >= sc->n)
		return;
	out[*nout].node = node;
	out[*nout].value_off = sc->vals[*k];
	out[*nout].key_off = sc->keys[*k];
	(*nout)++;
	(*k)++;
	for (c = node->child; c; c = c->next)
		assign(c, sc, k, out, nout);
}

int json_doc_parse(struct json_doc *doc, const char *text, size_t len, size_t *err_off)
{
	struct scan sc = { .s = text, .len = len };
	const char *end = NULL;
	size_t k = 0;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	doc->text = text;
	doc->len = len;
	doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!doc->root) {
		*err_off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
		return -1;
	}
	value(&sc, (size_t)-1, 0);
	if (sc.oom)
		goto oom;
	doc->pos = calloc(sc.n ? sc.n : 1, sizeof(*doc->pos));
	if (!doc->pos)
		goto oom;
	assign(doc->root, &sc, &k, doc->pos, &doc->npos);
	qsort(doc->pos, doc->npos, sizeof(*doc->pos), cmp_node);
	goto out;
oom:
	rc = -2;
	json_doc_release(doc);
out:
	free(sc.vals);
	free(sc.keys);
	return rc;
}

void json_doc_release(struct json_doc *doc)
{
	cJSON_Delete(doc->root);
	free(doc->pos);
	memset(doc, 0, sizeof(*doc));
}

void json_offset_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col)
{
	text_line_col(text, len, off, line, col);
}

void json_doc_where(const struct json_doc *doc, const cJSON *node, int key_pos, unsigned *line,
		    unsigned *col)
{
	struct json_pos_entry key = { .node = node }, *e;
	size_t off;

	*line = *col = 0;
	if (!node || !doc->pos)
		return;
	e = bsearch(&key, doc->pos, doc->npos, sizeof(*doc->pos), cmp_node);
	if (!e)
		return;
	off = key_pos && e->key_off != (size_t)-1 ? e->key_off : e->value_off;
	json_offset_line_col(doc->text, doc->len, off, line, col);
}
