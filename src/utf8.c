/* SPDX-License-Identifier: Apache-2.0 */
/* Strict UTF-8 validation (no overlongs, no surrogates, nothing past U+10FFFF). */
#include "utf8.h"
#include "banned.h"

size_t utf8_valid_len(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i;
	uint32_t cp;

	if (!len)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	cp = (uint32_t)utf8_decode(s, n);
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int32_t utf8_decode(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	switch (n) {
	case 1: return p[0];
	case 2: return ((p[0] & 0x1f) << 6) | (p[1] & 0x3f);
	case 3: return ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
	case 4:
		return ((p[0] & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) |
		       (p[3] & 0x3f);
	default: return -1;
	}
}

size_t utf8_count(const char *p, size_t len)
{
	size_t i = 0, n = 0, k;

	while (i < len) {
		k = utf8_valid_len(p + i, len - i);
		i += k ? k : 1;
		n++;
	}
	return n;
}

size_t utf8_back(const char *s, size_t off, size_t n)
{
	for (; off > 0 && n > 0; n--)
		while (--off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80)
			;
	return off;
}

size_t utf8_on(const char *s, size_t len, size_t off, size_t n)
{
	for (; off < len && n > 0; n--)
		while (++off < len && ((unsigned char)s[off] & 0xc0) == 0x80)
			;
	return off;
}
