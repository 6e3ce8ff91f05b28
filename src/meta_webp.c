/* SPDX-License-Identifier: Apache-2.0 */
/* WebP: the RIFF chunks "EXIF" and "XMP " of an extended (VP8X) file. */
#include <string.h>

#include "meta_int.h"

#include "banned.h"

#define WEBP_MAX_CHUNKS 100000

void meta_webp_read(struct meta_fields *f, const unsigned char *p, size_t len)
{
	size_t end = len, pos = 12, n;
	uint32_t riff;
	unsigned count = 0;

	if (len < 12)
		return;
	riff = meta_le32(p + 4);

	if ((uint64_t)riff + 8 < len)
		end = (size_t)riff + 8;
	else if ((uint64_t)riff + 8 > len)
		meta_problem(f, 4, "RIFF declared length %lu past end of file", (unsigned long)riff);
	if (end < pos) {
		meta_problem(f, 4, "RIFF declared length %lu too small", (unsigned long)riff);
		return;
	}
	while (end - pos >= 8 && count++ < WEBP_MAX_CHUNKS && !f->oom) {
		n = meta_le32(p + pos + 4);
		if (n > end - pos - 8) {
			meta_problem(f, (long long)pos, "WebP chunk declared length %zu past end of file", n);
			return;
		}
		if (memcmp(p + pos, "EXIF", 4) == 0)
			meta_exif_read(f, p + pos + 8, n, (long long)pos + 8, "WebP EXIF");
		else if (memcmp(p + pos, "XMP ", 4) == 0)
			meta_xmp_read(f, (const char *)p + pos + 8, n, (long long)pos + 8, "WebP XMP");
		pos += 8 + n + (n & 1);
		if (pos > end)
			break;
	}
}
