/* SPDX-License-Identifier: Apache-2.0 */
/* Where each cJSON node stood in its source text: cJSON keeps no positions, so a second, tiny
 * scanner walks the same text in the same order and records them. */
#ifndef PL_JSON_POS_H
#define PL_JSON_POS_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct json_pos_entry {
	const cJSON *node;
	size_t value_off;
	size_t key_off; /* (size_t)-1 for array items and the root */
};

struct json_arena;

struct json_doc {
	cJSON *root;                /* its nodes and strings in arena (json_pos.c) */
	struct json_arena *arena;
	const char *text;
	size_t len;
	struct json_pos_entry *pos; /* in document order */
	size_t npos;
	size_t *slots;              /* indexes into pos by node address (open addressing) */
	size_t nslots;
	size_t *line_starts;        /* where each line begins (LF, CRLF or a lone CR ends one) */
	size_t nlines;
};

/*
 * Parses text (len bytes) into doc. The tree is read only: its nodes live in an arena of the doc,
 * freed with it, so no part of it may be deleted, detached or kept past json_doc_release. On a syntax error returns -1 and sets *err_off to the byte
 * offset where parsing stopped. Returns -2 when out of memory.
 */
int json_doc_parse(struct json_doc *doc, const char *text, size_t len, size_t *err_off);
void json_doc_release(struct json_doc *doc);

/* 1-based line and column of node's value (key_pos: of its key, when it has one). */
void json_doc_where(const struct json_doc *doc, const cJSON *node, int key_pos, unsigned *line,
		    unsigned *col);
/* Line and column in the source of byte `byte` of string node's value, escapes counted as written
 * ("\\d" is two columns, "\u00e9" six). Leaves *line and *col alone when node has no position. */
void json_doc_where_in_string(const struct json_doc *doc, const cJSON *node, size_t byte,
			      unsigned *line, unsigned *col);
/* Whether string node's value holds a NUL ("\u0000"), which cJSON's C string hides with all
 * that follows it. */
int json_doc_string_has_nul(const struct json_doc *doc, const cJSON *node);
/* Line and column of a byte offset. */
void json_offset_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col);

#endif
