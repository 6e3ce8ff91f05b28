/* SPDX-License-Identifier: Apache-2.0 */
/* Growable byte buffer with JSON and XML escaping. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postlint/buf.h"
#include "utf8.h"
#include "banned.h"

void pl_buf_init(struct pl_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void pl_buf_release(struct pl_buf *b)
{
	free(b->data);
	pl_buf_init(b);
}

void pl_buf_reset(struct pl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static enum pl_status buf_grow(struct pl_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return PL_ERR_NOMEM;
	if (extra > ((size_t)-1) / 2 - b->len)
		goto oom;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return PL_OK;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		goto oom;
	b->data = p;
	b->cap = cap;
	return PL_OK;
oom:
	b->oom = 1;
	return PL_ERR_NOMEM;
}

enum pl_status pl_buf_add(struct pl_buf *b, const char *p, size_t len)
{
	if (buf_grow(b, len) != PL_OK)
		return PL_ERR_NOMEM;
	if (len)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return PL_OK;
}

enum pl_status pl_buf_adds(struct pl_buf *b, const char *s)
{
	return pl_buf_add(b, s, strlen(s));
}

enum pl_status pl_buf_addc(struct pl_buf *b, char c)
{
	return pl_buf_add(b, &c, 1);
}

enum pl_status pl_buf_vaddf(struct pl_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || buf_grow(b, (size_t)n) != PL_OK)
		return PL_ERR_NOMEM;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return PL_OK;
}

enum pl_status pl_buf_addf(struct pl_buf *b, const char *fmt, ...)
{
	va_list ap;
	enum pl_status st;

	va_start(ap, fmt);
	st = pl_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return st;
}

/*
 * Appends s, passing valid UTF-8 sequences through, writing bad for each invalid byte, and
 * handing every ASCII byte to ascii (which escapes it for the target format).
 */
static enum pl_status add_escaped(struct pl_buf *b, const char *s, size_t len, const char *bad,
				  void (*ascii)(struct pl_buf *b, unsigned char c))
{
	size_t i = 0, n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			ascii(b, c);
			i++;
			continue;
		}
		n = utf8_valid_len(s + i, len - i);
		if (n)
			pl_buf_add(b, s + i, n);
		else
			pl_buf_adds(b, bad);
		i += n ? n : 1;
	}
	return b->oom ? PL_ERR_NOMEM : PL_OK;
}

static void json_ascii(struct pl_buf *b, unsigned char c)
{
	switch (c) {
	case '"': pl_buf_adds(b, "\\\""); break;
	case '\\': pl_buf_adds(b, "\\\\"); break;
	case '\n': pl_buf_adds(b, "\\n"); break;
	case '\r': pl_buf_adds(b, "\\r"); break;
	case '\t': pl_buf_adds(b, "\\t"); break;
	default:
		if (c < 0x20 || c == 0x7f)
			pl_buf_addf(b, "\\u%04x", c);
		else
			pl_buf_addc(b, (char)c);
	}
}

static void xml_ascii(struct pl_buf *b, unsigned char c)
{
	switch (c) {
	case '<': pl_buf_adds(b, "&lt;"); break;
	case '>': pl_buf_adds(b, "&gt;"); break;
	case '&': pl_buf_adds(b, "&amp;"); break;
	case '"': pl_buf_adds(b, "&quot;"); break;
	case '\'': pl_buf_adds(b, "&apos;"); break;
	default:
		if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
			pl_buf_adds(b, "&#xfffd;");
		else
			pl_buf_addc(b, (char)c);
	}
}

enum pl_status pl_buf_add_json_str(struct pl_buf *b, const char *s, size_t len)
{
	return add_escaped(b, s, len, "\\ufffd", json_ascii);
}

enum pl_status pl_buf_add_xml_str(struct pl_buf *b, const char *s, size_t len)
{
	return add_escaped(b, s, len, "\xef\xbf\xbd", xml_ascii);
}
