/* SPDX-License-Identifier: Apache-2.0 */
/* The .postlintignore matcher: gitignore's line syntax and its wildmatch-style globs. */
#include <stdlib.h>
#include <string.h>

#include "ignore.h"
#include "util.h"
#include "banned.h"

void ignore_list_init(struct ignore_list *l)
{
	memset(l, 0, sizeof(*l));
}

void ignore_list_release(struct ignore_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->rules[i].pat);
	free(l->rules);
	ignore_list_init(l);
}

/* One bracket expression at *pp (just past '['); advances *pp to its ']'. 1 match, 0 not, -1 bad. */
static int class_match(const char **pp, char c)
{
	const char *p = *pp;
	int neg = 0, hit = 0;

	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	if (*p == ']') { /* a ']' first is literal */
		hit |= c == ']';
		p++;
	}
	for (; *p && *p != ']'; p++) {
		char lo = *p, hi;

		if (lo == '\\' && p[1])
			lo = *++p;
		hi = lo;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			p += 2;
			hi = *p;
			if (hi == '\\' && p[1])
				hi = *++p;
		}
		if ((unsigned char)c >= (unsigned char)lo && (unsigned char)c <= (unsigned char)hi)
			hit = 1;
	}
	if (!*p)
		return -1;
	*pp = p;
	return hit != neg;
}

static int wm(const char *start, const char *p, const char *t)
{
	for (; *p; p++, t++) {
		switch (*p) {
		case '\\':
			if (!p[1] || *t != p[1])
				return 0;
			p++;
			break;
		case '?':
			if (!*t || *t == '/')
				return 0;
			break;
		case '[':
			if (!*t || *t == '/')
				return 0;
			p++;
			if (class_match(&p, *t) != 1)
				return 0;
			break;
		case '*': {
			const char *q = p;

			while (*q == '*')
				q++;
			if (q - p >= 2 && (p == start || p[-1] == '/') && (*q == '/' || !*q)) {
				if (!*q)
					return 1; /* "x/" + "**": everything inside */
				for (;;) { /* "**" + "/": zero or more whole directories */
					if (wm(start, q + 1, t))
						return 1;
					t = strchr(t, '/');
					if (!t)
						return 0;
					t++;
				}
			}
			/* A run of stars inside a segment is one '*': any run of non-'/' bytes. */
			if (!*q)
				return strchr(t, '/') == NULL;
			for (;; t++) {
				if (wm(start, q, t))
					return 1;
				if (!*t || *t == '/')
					return 0;
			}
		}
		default:
			if (*t != *p)
				return 0;
		}
	}
	return !*t;
}

int glob_match(const char *pat, const char *s)
{
	return wm(pat, pat, s);
}

static enum pl_status add_rule(struct ignore_list *l, const char *p, size_t n)
{
	unsigned flags = 0;
	char *pat;

	if (n && p[0] == '!') {
		flags |= IGNORE_NEGATE;
		p++;
		n--;
	} else if (n >= 2 && p[0] == '\\' && (p[1] == '!' || p[1] == '#')) {
		p++;
		n--;
	}
	if (n && p[n - 1] == '/') {
		flags |= IGNORE_DIRONLY;
		n--;
	}
	if (!n)
		return PL_OK;
	if (memchr(p, '/', n))
		flags |= IGNORE_ANCHORED;
	if (p[0] == '/') {
		p++;
		n--;
		if (!n)
			return PL_OK;
	}
	if (l->n >= IGNORE_MAX_RULES)
		return PL_ERR_LIMIT;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct ignore_rule *r = realloc(l->rules, cap * sizeof(*r));

		if (!r)
			return PL_ERR_NOMEM;
		l->rules = r;
		l->cap = cap;
	}
	if (!(pat = xmemdup0(p, n)))
		return PL_ERR_NOMEM;
	l->rules[l->n].pat = pat;
	l->rules[l->n++].flags = flags;
	return PL_OK;
}

enum pl_status ignore_list_parse(struct ignore_list *l, const char *text, size_t len)
{
	size_t i = 0;
	enum pl_status st = PL_OK;

	while (i < len && st == PL_OK) {
		const char *line = text + i, *nl = memchr(line, '\n', len - i);
		size_t n = nl ? (size_t)(nl - line) : len - i;

		i += n + (nl ? 1 : 0);
		if (n && line[n - 1] == '\r')
			n--;
		/* Trailing spaces go, unless the last one is quoted with a backslash. */
		while (n && line[n - 1] == ' ' && !(n >= 2 && line[n - 2] == '\\'))
			n--;
		if (!n || line[0] == '#')
			continue;
		st = add_rule(l, line, n);
	}
	return st;
}

int ignore_list_match(const struct ignore_list *l, const char *rel, int is_dir)
{
	const char *base = strrchr(rel, '/');
	size_t i = l->n;

	base = base ? base + 1 : rel;
	while (i-- > 0) {
		const struct ignore_rule *r = &l->rules[i];

		if ((r->flags & IGNORE_DIRONLY) && !is_dir)
			continue;
		if (glob_match(r->pat, (r->flags & IGNORE_ANCHORED) ? rel : base))
			return (r->flags & IGNORE_NEGATE) ? 0 : 1;
	}
	return -1;
}
