/* SPDX-License-Identifier: Apache-2.0 */
/* Text normalisation for matching, with a map from every normalised byte back to the original. */
#ifndef PL_TEXTNORM_H
#define PL_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

#include "postlint/status.h"

/*
 * The normalised text: NFKD with compatibility mappings, case-folded, marks (diacritics) stripped,
 * default-ignorable characters (zero-width, format, variation selectors, BOM) removed, every dash
 * as '-', every space as ' ', typographic quotes as ' and ", CRLF as '\n', control bytes and NUL
 * as ' '. Invalid UTF-8 bytes become ' ' and are counted. map_start[i]/map_end[i] give the
 * original byte span of the character that produced normalised byte i.
 */
struct textnorm {
	char *norm;          /* NUL-terminated */
	size_t len;
	uint32_t *map_start;
	uint32_t *map_end;
	size_t cap;
	const char *orig;    /* borrowed: the caller keeps it alive */
	size_t orig_len;
	size_t invalid_utf8; /* invalid bytes seen */
	size_t first_invalid;/* offset of the first one */
	size_t nul_bytes;
	size_t first_nul;
	int had_bom;
};

void textnorm_init(struct textnorm *t);
void textnorm_release(struct textnorm *t);
/* Normalises p; reuses t's memory. The original must be at most 4 GiB. */
enum pl_status textnorm_build(struct textnorm *t, const char *p, size_t len);

/* Original byte span of normalised span [a, b). */
size_t textnorm_orig_start(const struct textnorm *t, size_t a);
size_t textnorm_orig_end(const struct textnorm *t, size_t a, size_t b);

/* Normalises a short string (a vocabulary word) into a new string; NULL on no memory. */
char *textnorm_string(const char *p, size_t len);

/* 1-based line and character column of original byte offset off. */
void text_line_col(const char *p, size_t len, size_t off, unsigned *line, unsigned *col);

#endif
