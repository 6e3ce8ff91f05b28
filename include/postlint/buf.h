/* SPDX-License-Identifier: Apache-2.0 */
/* A growable byte buffer: how the library hands rendered text to its caller. */
#ifndef POSTLINT_BUF_H
#define POSTLINT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* data is always NUL-terminated when non-NULL; len excludes the terminator. */
struct pl_buf {
	char *data;
	size_t len;
	size_t cap;
	int oom; /* set once an append failed; later appends are no-ops */
};

void pl_buf_init(struct pl_buf *b);
void pl_buf_release(struct pl_buf *b);
/* Empties the buffer, keeping its memory. */
void pl_buf_reset(struct pl_buf *b);
enum pl_status pl_buf_add(struct pl_buf *b, const char *p, size_t len);
enum pl_status pl_buf_adds(struct pl_buf *b, const char *s);
enum pl_status pl_buf_addc(struct pl_buf *b, char c);
enum pl_status pl_buf_addf(struct pl_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum pl_status pl_buf_vaddf(struct pl_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends s as the inside of a JSON string (escaped, invalid UTF-8 replaced by U+FFFD). */
enum pl_status pl_buf_add_json_str(struct pl_buf *b, const char *s, size_t len);
/* Appends s escaped for XML text and attribute values. */
enum pl_status pl_buf_add_xml_str(struct pl_buf *b, const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
