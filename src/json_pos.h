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

struct json_doc {
	cJSON *root;
	const char *text;
	size_t len;
	struct json_pos_entry *pos; /* sorted by node pointer */
	size_t npos;
};

/*
 * Parses text (len bytes) into doc. On a syntax error returns -1 and sets *err_off to the byte
 * offset where parsing stopped. Returns -2 when out of memory.
 */
int json_doc_parse(struct json_doc *doc, const char *text, size_t len, size_t *err_off);
void json_doc_release(struct json_doc *doc);

/* 1-based line and column of node's value (key_pos: of its key, when it has one). */
void json_doc_where(const struct json_doc *doc, const cJSON *node, int key_pos, unsigned *line,
		    unsigned *col);
/* Line and column of a byte offset. */
void json_offset_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col);

#endif
