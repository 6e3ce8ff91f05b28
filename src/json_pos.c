/* SPDX-License-Identifier: Apache-2.0 */
/* Positions of cJSON nodes: pre-order of values in the text equals cJSON's child order. */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "json_pos.h"
#include "textnorm.h"
#include "utf8.h"
#include "banned.h"

#define BOM "\xef\xbb\xbf"

#define JSON_POS_MAX_DEPTH 512

struct scan {
	const char *s;
	size_t len, i;
	size_t *vals, *keys;
	size_t n, cap;
	size_t bad; /* offset of a control byte between values, (size_t)-1 for none */
	int oom;
};

/* ---- the arena of a document's nodes ------------------------------------------------------- */

/*
 * cJSON allocates each node and string on its own: of the 27,700 mallocs of linting one post
 * with the default pack, 15,100 were its own (valgrind), as many frees again. While
 * json_doc_parse runs, cJSON's allocations on that thread come from the document's arena
 * instead, a few chunks freed at once with it; everywhere else (other threads, cJSON's
 * printing) they stay malloc and free.
 */
#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

struct json_arena {
	struct arena_chunk *head;
};

static _Thread_local struct json_arena *parsing; /* the arena cJSON allocates from, or NULL */

static void *hook_alloc(size_t n)
{
	struct json_arena *a = parsing;
	struct arena_chunk *c;
	void *p;

	if (!a)
		return malloc(n);
	if (n > SIZE_MAX / 2)
		return NULL;
	n = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
	c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;

		if (!(c = malloc(sizeof(*c) + cap)))
			return NULL;
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

/* While parsing, cJSON frees only what a failed parse built: the arena goes with the doc. */
static void hook_free(void *p)
{
	if (!parsing)
		free(p);
}

/* Before main, so before any thread: cJSON_InitHooks writes cJSON's globals. */
__attribute__((constructor)) static void hooks_install(void)
{
	cJSON_Hooks h = { hook_alloc, hook_free };

	cJSON_InitHooks(&h);
}

static void arena_free(struct json_arena *a)
{
	struct arena_chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* ---- positions ------------------------------------------------------------------------------ */

/* White space as cJSON skips it, every byte up to 0x20, so that both see the same values; the
 * first one JSON does not allow there (a NUL, a control byte) is kept in bad. */
static void ws(struct scan *sc)
{
	unsigned char c;

	while (sc->i < sc->len && (c = (unsigned char)sc->s[sc->i]) <= 0x20) {
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && sc->bad == (size_t)-1)
			sc->bad = sc->i;
		sc->i++;
	}
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

/* Steps over a string, its closing quote included. Most of a rules file's bytes are in strings:
 * memchr finds each quote, and one is the string's end when an even run of backslashes (none
 * included) stands before it. */
static void skip_string(struct scan *sc)
{
	size_t open = ++sc->i, k; /* after the opening quote */
	const char *q;

	while ((q = memchr(sc->s + sc->i, '"', sc->len - sc->i)) != NULL) {
		sc->i = (size_t)(q - sc->s);
		for (k = sc->i; k > open && sc->s[k - 1] == '\\'; k--)
			;
		if ((sc->i - k) % 2 == 0)
			break; /* not escaped */
		sc->i++;
	}
	if (!q)
		sc->i = sc->len; /* unterminated: the scan ends */
	sc->i++;
}

static void value(struct scan *sc, size_t key, int depth);

static void members(struct scan *sc, int depth, char close, int is_object)
{
	sc->i++;
	ws(sc);
	while (sc->i < sc->len && sc->s[sc->i] != close && !sc->oom) {
		size_t key = (size_t)-1, at = sc->i;

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
		/* a stray byte (cJSON refuses such a text; "[}" here) is stepped over, so the scan
		 * ends: a loop that stayed on it filled memory with positions */
		if (sc->i == at)
			sc->i++;
	}
	sc->i++;
}

static void value(struct scan *sc, size_t key, int depth)
{
	ws(sc);
	push(sc, sc->i, key);
	if (depth > JSON_POS_MAX_DEPTH)
		sc->i = sc->len; /* deeper nodes get no position; stepping on would never end */
	if (sc->i >= sc->len)
		return;
	switch (sc->s[sc->i]) {
	case '{': members(sc, depth, '}', 1); break;
	case '[': members(sc, depth, ']', 0); break;
	case '"': skip_string(sc); break;
	default:
		/* a scalar; memchr, as strchr would take a NUL for one of the stops */
		while (sc->i < sc->len && !memchr(",]} \t\r\n", sc->s[sc->i], 7))
			sc->i++;
	}
}

static size_t slot_of(const cJSON *node, size_t mask)
{
	uintptr_t h = (uintptr_t)node;

	h ^= h >> 17;
	h *= (uintptr_t)0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 7) & mask;
}

/* The nodes by address, open addressing: built in one pass, where sorting took n log n. */
static int index_nodes(struct json_doc *doc)
{
	size_t cap = 16, i, k;

	while (cap < doc->npos * 2)
		cap *= 2;
	if (!(doc->slots = malloc(cap * sizeof(*doc->slots))))
		return -1;
	memset(doc->slots, 0xff, cap * sizeof(*doc->slots));
	doc->nslots = cap;
	for (i = 0; i < doc->npos; i++) {
		for (k = slot_of(doc->pos[i].node, cap - 1); doc->slots[k] != (size_t)-1;
		     k = (k + 1) & (cap - 1))
			;
		doc->slots[k] = i;
	}
	return 0;
}

static const struct json_pos_entry *find(const struct json_doc *doc, const cJSON *node)
{
	size_t k;

	if (!doc->slots)
		return NULL;
	for (k = slot_of(node, doc->nslots - 1); doc->slots[k] != (size_t)-1;
	     k = (k + 1) & (doc->nslots - 1))
		if (doc->pos[doc->slots[k]].node == node)
			return &doc->pos[doc->slots[k]];
	return NULL;
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

/* Line starts, once per document: every rule asks where it stands. */
/* Line starts when CR ends lines too (alone or in CRLF). */
static int index_lines_cr(struct json_doc *doc)
{
	size_t i, n = 1;

	for (i = 0; i < doc->len; i++)
		n += doc->text[i] == '\n' ||
		     (doc->text[i] == '\r' && (i + 1 == doc->len || doc->text[i + 1] != '\n'));
	doc->line_starts = malloc(n * sizeof(*doc->line_starts));
	if (!doc->line_starts)
		return -1;
	doc->line_starts[0] = 0;
	doc->nlines = 1;
	for (i = 0; i < doc->len; i++)
		if (doc->text[i] == '\n' ||
		    (doc->text[i] == '\r' && (i + 1 == doc->len || doc->text[i + 1] != '\n')))
			doc->line_starts[doc->nlines++] = i + 1;
	return 0;
}

static int index_lines(struct json_doc *doc)
{
	const char *t = doc->text, *end = t + doc->len, *p;
	size_t cap = 256, *v;

	/* Rules files end lines with LF: memchr finds them; a CR (CRLF or alone) takes the slow way. */
	if (memchr(t, '\r', doc->len))
		return index_lines_cr(doc);
	if (!(doc->line_starts = malloc(cap * sizeof(*doc->line_starts))))
		return -1;
	doc->line_starts[0] = 0;
	doc->nlines = 1;
	for (p = t; p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
		if (doc->nlines == cap) {
			if (!(v = realloc(doc->line_starts, cap * 2 * sizeof(*v))))
				return -1;
			doc->line_starts = v;
			cap *= 2;
		}
		doc->line_starts[doc->nlines++] = (size_t)(p - t) + 1;
	}
	return 0;
}

/* As json_offset_line_col, by binary search over the line index. */
static void doc_line_col(const struct json_doc *doc, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = doc->nlines;

	if (!doc->line_starts) {
		json_offset_line_col(doc->text, doc->len, off, line, col);
		return;
	}
	if (off > doc->len)
		off = doc->len;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (doc->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)utf8_count(doc->text + doc->line_starts[lo], off - doc->line_starts[lo]) + 1;
	if (lo == 0 && off >= 3 && doc->len >= 3 && !memcmp(doc->text, BOM, 3))
		(*col)--; /* editors show no column for a byte order mark */
}

int json_doc_parse(struct json_doc *doc, const char *text, size_t len, size_t *err_off)
{
	struct scan sc = { .s = text, .len = len, .bad = (size_t)-1 };
	const char *end = NULL;
	size_t k = 0;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	doc->text = text;
	doc->len = len;
	if (!(doc->arena = calloc(1, sizeof(*doc->arena))))
		return -2;
	parsing = doc->arena;
	doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	parsing = NULL;
	if (!doc->root) {
		arena_free(doc->arena);
		doc->arena = NULL;
		*err_off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
		return -1;
	}
	/* cJSON stops after the first value; anything but white space after it is an error. */
	sc.i = (size_t)(end - text);
	ws(&sc);
	if (sc.i < len) {
		*err_off = sc.i;
		json_doc_release(doc);
		return -1;
	}
	sc.i = len >= 3 && !memcmp(text, BOM, 3) ? 3 : 0; /* cJSON skips a byte order mark */
	value(&sc, (size_t)-1, 0);
	if (sc.oom)
		goto oom;
	if (sc.bad != (size_t)-1) {
		*err_off = sc.bad;
		rc = -1;
		json_doc_release(doc);
		goto out;
	}
	doc->pos = calloc(sc.n ? sc.n : 1, sizeof(*doc->pos));
	if (!doc->pos)
		goto oom;
	assign(doc->root, &sc, &k, doc->pos, &doc->npos);
	if (index_nodes(doc) != 0 || index_lines(doc) != 0)
		goto oom;
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
	arena_free(doc->arena); /* the tree's nodes and strings */
	free(doc->pos);
	free(doc->slots);
	free(doc->line_starts);
	memset(doc, 0, sizeof(*doc));
}

void json_offset_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col)
{
	text_line_col(text, len, off, line, col);
	if (*line == 1 && off >= 3 && len >= 3 && !memcmp(text, BOM, 3))
		(*col)--; /* editors show no column for a byte order mark */
}

void json_doc_where(const struct json_doc *doc, const cJSON *node, int key_pos, unsigned *line,
		    unsigned *col)
{
	const struct json_pos_entry *e;
	size_t off;

	*line = *col = 0;
	if (!node || !doc->pos)
		return;
	e = find(doc, node);
	if (!e)
		return;
	off = key_pos && e->key_off != (size_t)-1 ? e->key_off : e->value_off;
	doc_line_col(doc, off, line, col);
}

static unsigned hex4(const char *p)
{
	unsigned v = 0, i;

	for (i = 0; i < 4; i++) {
		char c = p[i];

		v = v * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0'
					 : c >= 'a' && c <= 'f' ? c - 'a' + 10
					 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0);
	}
	return v;
}

/* Walks string node's literal as written (escapes, surrogate pairs, UTF-8) until byte bytes of its
 * value are decoded or the literal ends. Sets *src to the source offset reached and *got to the
 * bytes decoded; returns 0 when node has no position. */
static int walk_string(const struct json_doc *doc, const cJSON *node, size_t byte, size_t *src,
		       size_t *got)
{
	const struct json_pos_entry *e;
	const char *s = doc->text;
	size_t i, n = 0;

	if (!node || !doc->pos)
		return 0;
	e = find(doc, node);
	if (!e || e->value_off >= doc->len || s[e->value_off] != '"')
		return 0;
	for (i = e->value_off + 1; i < doc->len && s[i] != '"' && n < byte;) {
		if (s[i] != '\\') {
			n++;
			i++;
		} else if (i + 5 < doc->len && s[i + 1] == 'u') {
			unsigned cp = hex4(s + i + 2);

			i += 6;
			if (cp >= 0xd800 && cp < 0xdc00 && i + 5 < doc->len && s[i] == '\\' &&
			    s[i + 1] == 'u') {
				i += 6; /* a surrogate pair: one 4-byte character */
				n += 4;
			} else {
				n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
			}
		} else {
			n++;
			i += 2;
		}
	}
	*src = i;
	*got = n;
	return 1;
}

void json_doc_where_in_string(const struct json_doc *doc, const cJSON *node, size_t byte,
			      unsigned *line, unsigned *col)
{
	size_t src, got;

	if (walk_string(doc, node, byte, &src, &got))
		doc_line_col(doc, src, line, col);
}

int json_doc_string_has_nul(const struct json_doc *doc, const cJSON *node)
{
	size_t src, got;

	return cJSON_IsString(node) && walk_string(doc, node, (size_t)-1, &src, &got) &&
	       got != strlen(node->valuestring);
}
