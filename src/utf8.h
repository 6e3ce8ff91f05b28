/* SPDX-License-Identifier: Apache-2.0 */
/* Small UTF-8 helpers shared by the normaliser and the reports. */
#ifndef PL_UTF8_H
#define PL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when it is invalid or truncated. */
size_t utf8_valid_len(const char *p, size_t len);
/* Decodes the valid sequence at p of length n (from utf8_valid_len). */
int32_t utf8_decode(const char *p, size_t n);
/* Number of characters in [p, p+len), counting each invalid byte as one. */
size_t utf8_count(const char *p, size_t len);
/* The offset n characters before off in s (0 at most), or n characters after it (len at most). */
size_t utf8_back(const char *s, size_t off, size_t n);
size_t utf8_on(const char *s, size_t len, size_t off, size_t n);

#endif
