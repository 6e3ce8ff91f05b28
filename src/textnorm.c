/* SPDX-License-Identifier: Apache-2.0 */
/* Normalisation with utf8proc: ASCII takes a fast path, everything else one decomposition call. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "textnorm.h"
#include "util.h"
#include "utf8.h"
#include "banned.h"

#define NORM_OPTIONS                                                                     \
	(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
	 UTF8PROC_IGNORE)

void textnorm_init(struct textnorm *t)
{
	memset(t, 0, sizeof(*t));
}

void textnorm_release(struct textnorm *t)
{
	free(t->norm);
	free(t->map_start);
	free(t->map_end);
	textnorm_init(t);
}

static int reserve(struct textnorm *t, size_t need)
{
	size_t cap;
	char *n;
	uint32_t *a, *b;

	if (need <= t->cap)
		return 0;
	cap = t->cap ? t->cap : 1024;
	while (cap < need)
		cap *= 2;
	n = realloc(t->norm, cap + 1);
	if (!n)
		return -1;
	t->norm = n;
	a = realloc(t->map_start, (cap + 1) * sizeof(*a));
	if (!a)
		return -1;
	t->map_start = a;
	b = realloc(t->map_end, (cap + 1) * sizeof(*b));
	if (!b)
		return -1;
	t->map_end = b;
	t->cap = cap;
	return 0;
}

/* Folds what NFKD and case folding leave apart but readers treat alike. */
static int32_t fold_extra(int32_t cp, int32_t *second)
{
	*second = -1;
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x00b4: case 0x0060:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
		return '"';
	case 0x0153: *second = 'e'; return 'o'; /* oe ligature */
	case 0x00e6: *second = 'e'; return 'a'; /* ae ligature */
	case 0x00f8: return 'o';
	case 0x0142: return 'l';
	case 0x0111: return 'd';
	case 0x0131: return 'i';
	case 0x2116: *second = 'o'; return 'n'; /* numero sign */
	default: break;
	}
	if (cp >= 0x80) {
		utf8proc_category_t c = utf8proc_category(cp);

		if (c == UTF8PROC_CATEGORY_PD || cp == 0x2212)
			return '-';
		if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
		    c == UTF8PROC_CATEGORY_CC)
			return ' ';
	}
	return cp;
}

static void emit(struct textnorm *t, const char *p, size_t n, uint32_t s, uint32_t e)
{
	size_t i;

	for (i = 0; i < n; i++) {
		t->norm[t->len] = p[i];
		t->map_start[t->len] = s;
		t->map_end[t->len] = e;
		t->len++;
	}
}

static void emit_cp(struct textnorm *t, int32_t cp, uint32_t s, uint32_t e)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);

	emit(t, (const char *)tmp, (size_t)n, s, e);
}

static int is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static void emit_folded(struct textnorm *t, int32_t cp, uint32_t s, uint32_t e)
{
	int32_t second, c = fold_extra(cp, &second);

	if (c < 0x80)
		emit(t, (const char *)&(char){(char)c}, 1, s, e);
	else
		emit_cp(t, c, s, e);
	if (second >= 0)
		emit(t, (const char *)&(char){(char)second}, 1, s, e);
}

/* One non-ASCII character: decompose, strip, fold, emit. */
static void norm_char(struct textnorm *t, int32_t cp, uint32_t s, uint32_t e)
{
	utf8proc_int32_t dec[16];
	utf8proc_ssize_t n, i;
	int32_t second;
	int last = 0;

	if (cp == 0xfeff) {
		if (s == 0)
			t->had_bom = 1;
		return;
	}
	/* Folded whole, before compatibility decomposition turns an acute accent used as an
	 * apostrophe into a space and a double prime into two primes. */
	if (fold_extra(cp, &second) != cp) {
		emit_folded(t, cp, s, e);
		return;
	}
	n = utf8proc_decompose_char(cp, dec, 16, NORM_OPTIONS, &last);
	if (n < 0 || n > 16) {
		emit_cp(t, cp, s, e);
		return;
	}
	if (n == 0 && is_mark(cp)) {
		/* A stripped combining mark or variation selector belongs to the character before
		 * it: a span ending on "e" of "e\u0301" must take the accent along. */
		for (i = (utf8proc_ssize_t)t->len; i > 0 && t->map_end[i - 1] == s; i--)
			t->map_end[i - 1] = e;
		return;
	}
	for (i = 0; i < n; i++)
		emit_folded(t, dec[i], s, e);
}

static char ascii_fold(const char *p, size_t i, size_t len, struct textnorm *t, int *drop)
{
	unsigned char c = (unsigned char)p[i];

	*drop = 0;
	if (c >= 'A' && c <= 'Z')
		return (char)(c + 32);
	if (c == '`')
		return '\''; /* a grave accent typed as an apostrophe, like U+00B4 */
	if (c >= 0x20 && c != 0x7f)
		return (char)c;
	if (c == '\n')
		return '\n';
	if (c == '\r') {
		*drop = i + 1 < len && p[i + 1] == '\n';
		return '\n';
	}
	if (c == 0) {
		if (!t->nul_bytes++)
			t->first_nul = i;
	}
	return ' ';
}

enum pl_status textnorm_build(struct textnorm *t, const char *p, size_t len)
{
	size_t i = 0;

	if (len > UINT32_MAX - 1)
		return PL_ERR_LIMIT;
	/* Worst case: one input byte gives 18 bytes (a 4-byte character decomposing to many). */
	if (reserve(t, len * 4 + 64) != 0)
		return PL_ERR_NOMEM;
	t->len = 0;
	t->orig = p;
	t->orig_len = len;
	t->invalid_utf8 = t->nul_bytes = 0;
	t->first_invalid = t->first_nul = 0;
	t->had_bom = 0;
	while (i < len) {
		unsigned char c = (unsigned char)p[i];
		size_t n;

		if (t->len + 96 > t->cap && reserve(t, t->cap * 2) != 0)
			return PL_ERR_NOMEM;
		if (c < 0x80) {
			int drop;
			char o = ascii_fold(p, i, len, t, &drop);

			if (!drop)
				emit(t, &o, 1, (uint32_t)i, (uint32_t)i + 1);
			i++;
			continue;
		}
		n = utf8_valid_len(p + i, len - i);
		if (!n) {
			if (!t->invalid_utf8++)
				t->first_invalid = i;
			emit(t, " ", 1, (uint32_t)i, (uint32_t)i + 1);
			i++;
			continue;
		}
		norm_char(t, utf8_decode(p + i, n), (uint32_t)i, (uint32_t)(i + n));
		i += n;
	}
	t->norm[t->len] = '\0';
	t->map_start[t->len] = (uint32_t)len;
	t->map_end[t->len] = (uint32_t)len;
	return PL_OK;
}

size_t textnorm_orig_start(const struct textnorm *t, size_t a)
{
	return a <= t->len ? t->map_start[a] : t->orig_len;
}

size_t textnorm_orig_end(const struct textnorm *t, size_t a, size_t b)
{
	if (b <= a)
		return textnorm_orig_start(t, a);
	if (b > t->len)
		b = t->len;
	return t->map_end[b - 1];
}

char *textnorm_string(const char *p, size_t len)
{
	struct textnorm t;
	char *s = NULL;
	size_t i;

	/* Printable ASCII needs no Unicode lookup: capitals lowered and the grave accent typed as an
	 * apostrophe, as ascii_fold does; most vocabulary words are just that. */
	for (i = 0; i < len && p[i] >= 0x20 && p[i] < 0x7f; i++)
		;
	if (i == len) {
		if (!(s = xmemdup0(p, len)))
			return NULL;
		for (i = 0; i < len; i++) {
			int drop;

			s[i] = ascii_fold(p, i, len, NULL, &drop);
		}
		return s;
	}
	textnorm_init(&t);
	/* A copy of the exact size: vocabularies keep thousands of these, and the working buffer
	 * is sized for the worst case. */
	if (textnorm_build(&t, p, len) == PL_OK && (s = malloc(t.len + 1)) != NULL) {
		memcpy(s, t.norm, t.len);
		s[t.len] = '\0';
	}
	textnorm_release(&t);
	return s;
}

void text_line_col(const char *p, size_t len, size_t off, unsigned *line, unsigned *col)
{
	size_t i, ls = 0;
	unsigned l = 1;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))) {
			l++;
			ls = i + 1;
		}
	}
	*line = l;
	*col = (unsigned)utf8_count(p + ls, off - ls) + 1;
}
