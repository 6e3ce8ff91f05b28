/* SPDX-License-Identifier: Apache-2.0 */
/* TIFF files, and the compaction that lets libexif see directories stored past 64 KiB. */
#include <stdlib.h>
#include <string.h>

#include "meta_tiff.h"

#include "banned.h"

struct compact {
	const struct meta_tiff *t;
	unsigned char *o;
	size_t len, cap;
};

static void put16(const struct compact *c, size_t at, uint16_t v)
{
	if (c->t->be) {
		c->o[at] = (unsigned char)(v >> 8);
		c->o[at + 1] = (unsigned char)v;
	} else {
		c->o[at] = (unsigned char)v;
		c->o[at + 1] = (unsigned char)(v >> 8);
	}
}

static void put32(const struct compact *c, size_t at, uint32_t v)
{
	if (c->t->be) {
		put16(c, at, (uint16_t)(v >> 16));
		put16(c, at + 2, (uint16_t)v);
	} else {
		put16(c, at, (uint16_t)v);
		put16(c, at + 2, (uint16_t)(v >> 16));
	}
}

/* Tags whose values point into the original file or hold blocks read elsewhere. */
static int dropped_tag(uint16_t tag)
{
	static const uint16_t drop[] = { 0x0111, 0x0117, 0x0144, 0x0145, 0x0201, 0x0202,
					 0x02bc, 0x83bb, 0x8649, 0x8773, 0x927c, 0x014a };
	size_t i;

	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		if (drop[i] == tag)
			return 1;
	return 0;
}

static int is_subifd_tag(uint16_t tag)
{
	return tag == 0x8769 || tag == 0x8825 || tag == 0xa005;
}

/*
 * Copies the directory at ifd, then (depth permitting) the sub-directories it points to, patching
 * the pointers. Returns the copy's offset, or 0 when it does not fit.
 */
static uint32_t copy_ifd(struct compact *c, uint32_t ifd, int depth)
{
	struct meta_ifd_entry e[64];
	int n = meta_ifd_count(c->t, ifd), i, k = 0;
	size_t at, dir;

	for (i = 0; i < n && k < 64; i++)
		if (meta_ifd_entry(c->t, ifd, i, &e[k]) == 0 && !dropped_tag(e[k].tag))
			k++;
	dir = (c->len + 1) & ~(size_t)1;
	if (k == 0 || dir + 2 + (size_t)k * 12 + 4 > c->cap)
		return 0;
	c->len = dir + 2 + (size_t)k * 12 + 4;
	put16(c, dir, (uint16_t)k);
	put32(c, dir + 2 + (size_t)k * 12, 0);
	for (i = 0, at = dir + 2; i < k; i++, at += 12) {
		uint32_t v = 0;

		put16(c, at, e[i].tag);
		put16(c, at + 2, e[i].type);
		put32(c, at + 4, e[i].count);
		if (is_subifd_tag(e[i].tag)) {
			if (depth < 2 && e[i].size == 4)
				v = copy_ifd(c, meta_ifd_uint(c->t, &e[i], 0), depth + 1);
			/* an offset past the block makes libexif skip the pointer */
			put32(c, at + 8, v ? v : UINT32_MAX);
			continue;
		}
		if (e[i].size <= 4) {
			memset(c->o + at + 8, 0, 4);
			memcpy(c->o + at + 8, c->t->p + e[i].val, e[i].size);
			continue;
		}
		if (c->len + e[i].size > c->cap) {
			put32(c, at + 4, 0); /* does not fit: keep the entry, empty */
			put32(c, at + 8, 0);
			continue;
		}
		memcpy(c->o + c->len, c->t->p + e[i].val, e[i].size);
		put32(c, at + 8, (uint32_t)c->len);
		c->len += e[i].size;
		c->len += c->len & 1;
	}
	return (uint32_t)dir;
}

unsigned char *meta_tiff_compact(const struct meta_tiff *t, uint32_t ifd0, size_t cap,
				 size_t *out_len)
{
	struct compact c = { t, NULL, 8, cap };

	c.o = calloc(1, cap + 1);
	if (!c.o)
		return NULL;
	memcpy(c.o, t->be ? "MM\0*" : "II*\0", 4);
	put32(&c, 4, copy_ifd(&c, ifd0, 0));
	if (c.len > cap)
		c.len = cap;
	*out_len = c.len;
	return c.o;
}

void meta_tiff_read(struct meta_fields *f, const unsigned char *p, size_t len)
{
	struct meta_tiff t;
	struct meta_ifd_entry e;
	uint32_t ifd0;

	meta_exif_read(f, p, len, 0, "TIFF");
	if (meta_tiff_open(&t, p, len, 0, &ifd0) != 0 || meta_ifd_count(&t, ifd0) < 0)
		return;
	if (meta_ifd_find(&t, ifd0, 0x02bc, &e) == 0)
		meta_xmp_read(f, (const char *)p + e.val, e.size, (long long)e.val, "TIFF XMP");
	if (meta_ifd_find(&t, ifd0, 0x83bb, &e) == 0)
		meta_iptc_read(f, p + e.val, e.size, (long long)e.val);
	if (meta_ifd_find(&t, ifd0, 0x8649, &e) == 0)
		meta_irb_read(f, p + e.val, e.size, (long long)e.val, NULL, NULL);
}
