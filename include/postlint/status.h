/* SPDX-License-Identifier: Apache-2.0 */
/* Status codes and the caller-owned diagnostic every fallible postlint call fills. */
#ifndef POSTLINT_STATUS_H
#define POSTLINT_STATUS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Stable codes: new ones are only ever appended. */
enum pl_status {
	PL_OK = 0,
	PL_ERR_NOMEM,      /* an allocation failed */
	PL_ERR_IO,         /* a file could not be opened, read or written */
	PL_ERR_SYNTAX,     /* malformed JSON, manifest or rules file */
	PL_ERR_RULES,      /* a rules file is well-formed but wrong (unknown key, bad regex, ...) */
	PL_ERR_INPUT,      /* an input (post, media file) is malformed or refused */
	PL_ERR_LIMIT,      /* a documented hard limit was crossed */
	PL_ERR_MATCH,      /* a pattern hit its match or depth limit while scanning */
	PL_ERR_USAGE,      /* the caller passed an invalid argument */
	PL_ERR_NOTFOUND,   /* a named rule, pack or validator does not exist */
	PL_STATUS_COUNT
};

#define PL_DIAG_MSG_MAX 512
#define PL_DIAG_FILE_MAX 1024

/*
 * Human detail of a failure. The caller owns it (usually on the stack); the library only writes
 * into its fixed buffers, so there is nothing to free. line and column are 1-based, 0 when unknown.
 * The message follows the house style: lowercase, subject in single quotes, no full stop.
 */
struct pl_diag {
	char file[PL_DIAG_FILE_MAX];
	unsigned line;
	unsigned column;
	long long offset; /* byte offset in the file, -1 when unknown */
	char message[PL_DIAG_MSG_MAX];
};

/* Resets a diagnostic to empty. Allocates nothing. */
void pl_diag_init(struct pl_diag *d);

/*
 * Formats the diagnostic as "file:line:column: message" (omitting the parts that are unknown) into
 * buf of size len, always NUL-terminated. Returns buf.
 */
char *pl_diag_format(const struct pl_diag *d, char *buf, size_t len);

/* Short English name of a status ("out of memory", "rules error", ...). Never NULL. */
const char *pl_status_str(enum pl_status st);

#ifdef __cplusplus
}
#endif
#endif
