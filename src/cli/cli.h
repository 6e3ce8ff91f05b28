/* SPDX-License-Identifier: Apache-2.0 */
/* The command-line front end: the only code that reads argv and the environment and prints. */
#ifndef PL_CLI_H
#define PL_CLI_H

#include <limits.h>
#include <stdio.h>

#include "postlint/postlint.h"

/* Documented exit codes. */
enum cli_exit {
	EXIT_CLEAN = 0,      /* nothing at or above --fail-on */
	EXIT_VIOLATIONS = 1, /* findings at or above --fail-on */
	EXIT_USAGE = 2,      /* bad usage, or a rules file error */
	EXIT_UNREADABLE = 3, /* an input could not be read */
};

struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

/* Rules search path: POSTLINT_RULES_PATH, the source tree beside the binary, the install dir;
 * and the compiled-pattern cache: POSTLINT_CACHE_DIR (empty: none), $XDG_CACHE_HOME/postlint or
 * ~/.cache/postlint. */
struct cli_search {
	char *dirs[16];
	size_t n;
	char cache[PATH_MAX];
	struct pl_rules_search view;
};
void cli_search_init(struct cli_search *s);
void cli_search_release(struct cli_search *s);

/* Loads a rules pack by path or name; prints the error and returns NULL on failure. */
struct pl_ruleset *cli_load_rules(const char *spec, const struct cli_search *s);

/* Prints "postlint: " + a formatted diagnostic to stderr. */
void cli_error(const struct pl_diag *d);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* strerror in the house style: "no such file or directory". */
const char *cli_errno(int err);

/* Writes a buffer fully to f; returns 0 or -1. */
int cli_write(FILE *f, const struct pl_buf *b);

int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_meta(int argc, char **argv);

#endif
