/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the .postlintignore matcher: globs, '**', classes, and gitignore's line rules
 * (negation, directory-only, anchoring, comments, escapes, last match wins). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ignore.h"
#include "banned.h"

struct gcase {
	const char *pat;
	const char *s;
	int want;
};

static const struct gcase globs[] = {
	{ "*.jpg", "a.jpg", 1 },
	{ "*.jpg", "a.jpeg", 0 },
	{ "*.jpg", "dir/a.jpg", 0 },          /* '*' never crosses '/' */
	{ "a?c", "abc", 1 },
	{ "a?c", "a/c", 0 },                  /* nor does '?' */
	{ "a?c", "ac", 0 },
	{ "[abc].txt", "b.txt", 1 },
	{ "[abc].txt", "d.txt", 0 },
	{ "[!abc].txt", "d.txt", 1 },
	{ "[^abc].txt", "a.txt", 0 },
	{ "[a-c]x", "bx", 1 },
	{ "[a-c]x", "dx", 0 },
	{ "[]]x", "]x", 1 },                  /* ']' first is literal */
	{ "[a", "a", 0 },                     /* unterminated class matches nothing */
	{ "\\*.jpg", "*.jpg", 1 },
	{ "\\*.jpg", "a.jpg", 0 },
	{ "**/draft", "draft", 1 },           /* leading '**': any depth, including none */
	{ "**/draft", "a/b/draft", 1 },
	{ "**/draft", "a/b/draftx", 0 },
	{ "old/**", "old/a", 1 },             /* trailing '**': everything inside */
	{ "old/**", "old/a/b.jpg", 1 },
	{ "old/**", "old", 0 },
	{ "a/**/b", "a/b", 1 },               /* middle '**': zero or more directories */
	{ "a/**/b", "a/x/y/b", 1 },
	{ "a/**/b", "a/x/y/c", 0 },
	{ "a**b", "axxb", 1 },                /* '**' inside a segment is a plain '*' */
	{ "a**b", "ax/xb", 0 },
	{ "*", "", 1 },
	{ "", "", 1 },
	{ "", "a", 0 },
	{ "*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0 },
};

struct icase {
	const char *file;   /* the ignore file's text */
	const char *rel;
	int is_dir;
	int want;           /* 1 ignored, 0 re-included, -1 no rule */
};

static const struct icase rules[] = {
	{ "*.tmp\n", "a.tmp", 0, 1 },
	{ "*.tmp\n", "x/y/a.tmp", 0, 1 },              /* no slash: matches at any depth */
	{ "*.tmp\n", "a.txt", 0, -1 },
	{ "# comment\n*.tmp\n", "# comment", 0, -1 },  /* comments are not patterns */
	{ "\\#notes.txt\n", "#notes.txt", 0, 1 },      /* an escaped '#' is */
	{ "\n\n   \n", "a", 0, -1 },                    /* blank lines */
	{ "drafts/\n", "drafts", 1, 1 },               /* trailing '/': directories only */
	{ "drafts/\n", "drafts", 0, -1 },
	{ "drafts/\n", "x/drafts", 1, 1 },
	{ "/top.txt\n", "top.txt", 0, 1 },             /* leading '/': anchored */
	{ "/top.txt\n", "x/top.txt", 0, -1 },
	{ "a/b.txt\n", "a/b.txt", 0, 1 },              /* a middle '/' anchors too */
	{ "a/b.txt\n", "x/a/b.txt", 0, -1 },
	{ "*.jpg\n!keep.jpg\n", "keep.jpg", 0, 0 },    /* negation re-includes */
	{ "*.jpg\n!keep.jpg\n", "other.jpg", 0, 1 },
	{ "!keep.jpg\n*.jpg\n", "keep.jpg", 0, 1 },    /* the last match wins */
	{ "\\!bang.txt\n", "!bang.txt", 0, 1 },        /* an escaped '!' is literal */
	{ "*.tmp   \n", "a.tmp", 0, 1 },               /* trailing spaces dropped */
	{ "a\\ \n", "a ", 0, 1 },                      /* unless escaped */
	{ "*.tmp\r\n", "a.tmp", 0, 1 },                /* CRLF files */
	{ "**/cache/**\n", "p/cache/x.jpg", 0, 1 },
	{ "/\n", "a", 0, -1 },                         /* a lone '/' is no pattern */
	{ "!\n", "a", 0, -1 },
};

int main(void)
{
	size_t i;
	char ctx[256];

	for (i = 0; i < ARRAY_LEN(globs); i++) {
		snprintf(ctx, sizeof(ctx), "glob '%s' vs '%s'", globs[i].pat, globs[i].s);
		CHECK_INT(glob_match(globs[i].pat, globs[i].s), globs[i].want, ctx);
	}
	for (i = 0; i < ARRAY_LEN(rules); i++) {
		struct ignore_list l;

		ignore_list_init(&l);
		snprintf(ctx, sizeof(ctx), "rules %zu vs '%s'", i, rules[i].rel);
		CHECK_INT(ignore_list_parse(&l, rules[i].file, strlen(rules[i].file)), PL_OK, ctx);
		CHECK_INT(ignore_list_match(&l, rules[i].rel, rules[i].is_dir), rules[i].want, ctx);
		ignore_list_release(&l);
	}
	TEST_DONE();
}
