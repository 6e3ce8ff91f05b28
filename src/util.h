/* SPDX-License-Identifier: Apache-2.0 */
/* Checked string and file helpers used across the library. */
#ifndef PL_UTIL_H
#define PL_UTIL_H

#include <stddef.h>

#include "postlint/status.h"

/* strdup that accepts NULL (returns NULL). A NULL result for non-NULL input means no memory. */
char *xstrdup_null(const char *s);
/* Copies len bytes into a new NUL-terminated string; NULL on no memory. */
char *xmemdup0(const char *p, size_t len);
/* Joins dir and name with one '/', in a new string. */
char *path_join(const char *dir, const char *name);
/* The directory part of path ("." when there is none), in a new string. */
char *path_dirname(const char *path);
/* name relative to the directory that holds file ("rules/base.json" beside "rules/default.json"),
 * in a new string; NULL on no memory. */
char *path_beside(const char *file, const char *name);
/* Whether path ends with suffix (case-insensitive). */
int path_has_suffix(const char *path, const char *suffix);

/*
 * Reads a whole regular file of at most max bytes into a new NUL-terminated buffer. Errors name
 * the file: "cannot read 'x': permission denied", "'x' is larger than the 16 MiB limit".
 */
enum pl_status file_read_all(const char *path, size_t max, char **out, size_t *len,
			     struct pl_diag *d);

/* strerror in the house style: lower case ("no such file or directory"). Thread-safe. */
const char *errno_str(int err);

/* Levenshtein distance of two short strings (capped at 16). */
unsigned edit_distance(const char *a, const char *b);
/* The candidate closest to word (distance <= 2, or a prefix match), or NULL. */
const char *suggest(const char *word, const char *const *candidates, size_t n);

#endif
