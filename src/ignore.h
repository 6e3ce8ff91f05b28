/* SPDX-License-Identifier: Apache-2.0 */
/* .postlintignore: gitignore syntax (globs, '**', '!' negation, trailing '/' for directories,
 * anchored '/x', comments), matched without any help from git. */
#ifndef PL_IGNORE_H
#define PL_IGNORE_H

#include <stddef.h>

#include "postlint/status.h"

#define IGNORE_MAX_FILE (1024u * 1024u) /* bytes of one .postlintignore */
#define IGNORE_MAX_RULES 10000

enum {
	IGNORE_NEGATE = 1,   /* "!pat": re-include */
	IGNORE_DIRONLY = 2,  /* "pat/": directories only */
	IGNORE_ANCHORED = 4, /* a '/' at the start or in the middle: match the whole relative path */
};

struct ignore_rule {
	char *pat;
	unsigned flags;
};

/* The rules of one ignore file; paths are matched relative to its directory. */
struct ignore_list {
	struct ignore_rule *rules;
	size_t n;
	size_t cap;
};

void ignore_list_init(struct ignore_list *l);
void ignore_list_release(struct ignore_list *l);

/* Parses the text of an ignore file (len bytes) and appends its rules to l. */
enum pl_status ignore_list_parse(struct ignore_list *l, const char *text, size_t len);

/*
 * What l says about rel (a path relative to the ignore file's directory, '/'-separated, no
 * leading "./"): 1 ignored, 0 explicitly re-included by a '!' rule, -1 no rule matches. The last
 * matching rule decides, as in git.
 */
int ignore_list_match(const struct ignore_list *l, const char *rel, int is_dir);

/*
 * Glob match of a whole string: '*' and '?' do not match '/', '[a-z]' and '[!a]' are classes,
 * '\' quotes, and '**' as a whole path segment matches any number of segments ("**" + "/x",
 * "x/" + "**", "a/" + "**" + "/b"). Returns 1 on a match.
 */
int glob_match(const char *pat, const char *s);

#endif
