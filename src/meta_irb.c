/* SPDX-License-Identifier: Apache-2.0 */
/* Photoshop image resource blocks ("8BIM" records): IPTC (0x0404), thumbnails (0x0409/0x040C),
 * EXIF (0x0422) and XMP (0x0424). */
#include <string.h>

#include "meta_int.h"

#include "banned.h"

/* At most this many resources are read from one block list. */
#define IRB_MAX_RESOURCES 4096

static long long file_off(long long off, meta_offset_map map, const void *ctx, size_t at)
{
	return map ? map(ctx, at) : off + (long long)at;
}

static int known_sig(const unsigned char *p)
{
	return memcmp(p, "8BIM", 4) == 0 || memcmp(p, "PHUT", 4) == 0 ||
	       memcmp(p, "AgHg", 4) == 0 || memcmp(p, "DCSR", 4) == 0;
}

static void resource(struct meta_fields *f, unsigned id, const unsigned char *d, size_t size,
		     long long fo)
{
	switch (id) {
	case 0x0404:
		meta_iptc_read(f, d, size, fo);
		break;
	case 0x0409:
	case 0x040c:
		/* a 28-byte header (format, size, ...), then the JPEG */
		if (size > 28)
			meta_add_data(f, META_F_PREVIEW_PRESENT, "jpeg", fo + 28, (long long)(size - 28),
				      "Photoshop thumbnail");
		break;
	case 0x0422:
		meta_exif_read(f, d, size, fo, "Photoshop EXIF");
		break;
	case 0x0424:
		meta_xmp_read(f, (const char *)d, size, fo, "Photoshop XMP");
		break;
	default:
		break;
	}
}

void meta_irb_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off,
		   meta_offset_map map, const void *map_ctx)
{
	size_t pos = 0, name, at, size;
	unsigned count = 0;

	while (len - pos >= 12 && count++ < IRB_MAX_RESOURCES && !f->oom) {
		if (!known_sig(p + pos)) {
			if (p[pos] || p[pos + 1] || p[pos + 2] || p[pos + 3])
				meta_problem(f, file_off(off, map, map_ctx, pos),
					     "Photoshop resource without 8BIM signature");
			return; /* zero padding ends the list quietly */
		}
		name = ((size_t)p[pos + 6] + 2) & ~(size_t)1; /* Pascal string, padded to even */
		at = pos + 6 + name;
		if (at > len || len - at < 4) {
			meta_problem(f, file_off(off, map, map_ctx, pos), "Photoshop resource truncated");
			return;
		}
		size = meta_be32(p + at);
		at += 4;
		if (size > len - at) {
			meta_problem(f, file_off(off, map, map_ctx, pos),
				     "Photoshop resource 0x%04X declared length %zu past end of block",
				     meta_be16(p + pos + 4), size);
			return;
		}
		resource(f, meta_be16(p + pos + 4), p + at, size, file_off(off, map, map_ctx, at));
		pos = at + size + (size & 1);
		if (pos > len)
			return;
	}
}
