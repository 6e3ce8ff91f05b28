/* SPDX-License-Identifier: Apache-2.0 */
/* Fixture helpers for containers: a small TIFF writer, PNG chunks, RIFF, GIF, ISO-BMFF boxes,
 * IPTC datasets and Photoshop resources. Part of fixtures.h. */
#ifndef PL_TEST_FIXTURES_CONTAINERS_H
#define PL_TEST_FIXTURES_CONTAINERS_H

#include "fixtures.h"

/* ---- a little-endian TIFF directory writer ------------------------------------------------- */

struct fx_tag {
	uint16_t tag, type;
	uint32_t count;
	const void *val; /* count elements of type, already little-endian; NULL: 32-bit `num` */
	uint32_t num;
};

static FX_UNUSED size_t fx_tiff_type_size(uint16_t type)
{
	static const unsigned char sz[14] = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4 };

	return type < 14 ? sz[type] : 1;
}

/*
 * Writes a directory at the end of b, its out-of-line values after it; offsets are relative to
 * b->p + base (the TIFF header). ptr_at[i] (when ptr_at) receives where entry i's 4-byte value
 * field is in b, so pointers can be patched. Returns the directory's offset from the header.
 */
static FX_UNUSED size_t fx_tiff_ifd(struct fx_buf *b, size_t base, const struct fx_tag *t,
				    size_t n, uint32_t next, size_t *ptr_at)
{
	size_t dir = b->len, vals = dir - base + 2 + 12 * n + 4, i, sz;

	fx_le16(b, (unsigned)n);
	for (i = 0; i < n; i++) {
		sz = fx_tiff_type_size(t[i].type) * t[i].count;
		fx_le16(b, t[i].tag);
		fx_le16(b, t[i].type);
		fx_le32(b, t[i].count);
		if (ptr_at)
			ptr_at[i] = b->len;
		if (!t[i].val) {
			fx_le32(b, t[i].num);
		} else if (sz <= 4) {
			fx_put(b, t[i].val, sz);
			fx_zeros(b, 4 - sz);
		} else {
			fx_le32(b, (uint32_t)vals);
			vals += sz + (sz & 1);
		}
	}
	fx_le32(b, next);
	for (i = 0; i < n; i++) {
		sz = fx_tiff_type_size(t[i].type) * t[i].count;
		if (t[i].val && sz > 4) {
			fx_put(b, t[i].val, sz);
			if (sz & 1)
				fx_u8(b, 0);
		}
	}
	return dir - base;
}

static FX_UNUSED void fx_set_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Little-endian rationals for fx_tag values. */
static FX_UNUSED void fx_le_rationals(unsigned char *out, const uint32_t *nd, size_t n)
{
	size_t i;

	for (i = 0; i < 2 * n; i++)
		fx_set_le32(out + 4 * i, nd[i]);
}

/* ---- PNG -------------------------------------------------------------------------------------- */

static FX_UNUSED void fx_png_chunk(struct fx_buf *b, const char *type, const void *p, size_t n)
{
	uLong crc = crc32(0, (const Bytef *)type, 4);

	crc = crc32(crc, (const Bytef *)p, (uInt)n);
	fx_be32(b, (uint32_t)n);
	fx_put(b, type, 4);
	fx_put(b, p, n);
	fx_be32(b, (uint32_t)crc);
}

/* Signature and IHDR of a 1x1 grey image. Text and EXIF chunks go after; then fx_png_end. */
static FX_UNUSED void fx_png_start(struct fx_buf *b)
{
	static const unsigned char ihdr[13] = { 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0 };

	fx_put(b, "\x89PNG\r\n\x1a\n", 8);
	fx_png_chunk(b, "IHDR", ihdr, sizeof(ihdr));
}

/* The image data, then IEND. */
static FX_UNUSED void fx_png_end(struct fx_buf *b)
{
	static const unsigned char raw[2] = { 0, 0x80 };
	unsigned char z[64];
	uLongf zn = sizeof(z);

	if (compress(z, &zn, raw, sizeof(raw)) != Z_OK)
		b->oom = 1;
	else
		fx_png_chunk(b, "IDAT", z, zn);
	fx_png_chunk(b, "IEND", "", 0);
}

/* A text chunk: tEXt (plain), zTXt (compressed) or iTXt (uncompressed, no language). */
static FX_UNUSED void fx_png_text(struct fx_buf *b, const char *type, const char *key,
				  const char *text)
{
	struct fx_buf c = { 0 };
	unsigned char z[4096];
	uLongf zn = sizeof(z);

	fx_put(&c, key, strlen(key) + 1);
	if (type[0] == 'z') {
		fx_u8(&c, 0);
		if (compress(z, &zn, (const Bytef *)text, strlen(text)) != Z_OK)
			b->oom = 1;
		fx_put(&c, z, zn);
	} else {
		if (type[0] == 'i')
			fx_put(&c, "\0\0\0\0", 4); /* flag, method, empty language, empty key */
		fx_str(&c, text);
	}
	fx_png_chunk(b, type, c.p, c.len);
	free(c.p);
}

/* ---- ISO-BMFF --------------------------------------------------------------------------------- */

static FX_UNUSED size_t fx_box_begin(struct fx_buf *b, const char *type)
{
	size_t at = b->len;

	fx_be32(b, 0);
	fx_put(b, type, 4);
	return at;
}

static FX_UNUSED size_t fx_fullbox_begin(struct fx_buf *b, const char *type, unsigned version)
{
	size_t at = fx_box_begin(b, type);

	fx_be32(b, (uint32_t)version << 24);
	return at;
}

static FX_UNUSED void fx_box_end(struct fx_buf *b, size_t at)
{
	fx_patch_be32(b, at, (uint32_t)(b->len - at));
}

static FX_UNUSED void fx_ftyp(struct fx_buf *b, const char *major, const char *compat)
{
	size_t at = fx_box_begin(b, "ftyp");

	fx_put(b, major, 4);
	fx_be32(b, 0);
	fx_str(b, compat);
	fx_box_end(b, at);
}

static FX_UNUSED void fx_mvhd(struct fx_buf *b)
{
	static const uint32_t matrix[9] = { 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000 };
	size_t at = fx_fullbox_begin(b, "mvhd", 0);
	int i;

	fx_be32(b, 0);
	fx_be32(b, 0);
	fx_be32(b, 1000);
	fx_be32(b, 0);
	fx_be32(b, 0x10000);
	fx_be16(b, 0x100);
	fx_zeros(b, 10);
	for (i = 0; i < 9; i++)
		fx_be32(b, matrix[i]);
	fx_zeros(b, 24);
	fx_be32(b, 1);
	fx_box_end(b, at);
}

/* A QuickTime (c)xyz user-data atom holding an ISO 6709 string. */
static FX_UNUSED void fx_qt_xyz(struct fx_buf *b, const char *iso6709)
{
	size_t at = fx_box_begin(b, "\xa9xyz");

	fx_be16(b, (unsigned)strlen(iso6709));
	fx_be16(b, 0x15c7);
	fx_str(b, iso6709);
	fx_box_end(b, at);
}

static FX_UNUSED void fx_hdlr(struct fx_buf *b, const char *handler)
{
	size_t at = fx_fullbox_begin(b, "hdlr", 0);

	fx_be32(b, 0);
	fx_put(b, handler, 4);
	fx_zeros(b, 12);
	fx_u8(b, 0);
	fx_box_end(b, at);
}

/* ---- IPTC and Photoshop ----------------------------------------------------------------------- */

static FX_UNUSED void fx_iptc(struct fx_buf *b, unsigned record, unsigned dataset, const char *v)
{
	fx_u8(b, 0x1c);
	fx_u8(b, record);
	fx_u8(b, dataset);
	fx_be16(b, (unsigned)strlen(v));
	fx_str(b, v);
}

static FX_UNUSED void fx_irb(struct fx_buf *b, unsigned id, const void *p, size_t n)
{
	fx_str(b, "8BIM");
	fx_be16(b, id);
	fx_be16(b, 0); /* empty name, padded */
	fx_be32(b, (uint32_t)n);
	fx_put(b, p, n);
	if (n & 1)
		fx_u8(b, 0);
}

#endif
