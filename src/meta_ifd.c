/* SPDX-License-Identifier: Apache-2.0 */
/* Bounded TIFF directory access: every offset is checked against the structure's length. */
#include <string.h>

#include "meta_ifd.h"
#include "meta_int.h"

#include "banned.h"

/* Bytes per element of each TIFF type (1..13); 0 for unknown types. */
static size_t type_size(uint16_t type)
{
	static const unsigned char sizes[14] = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4 };

	return type < 14 ? sizes[type] : 0;
}

int meta_tiff_open(struct meta_tiff *t, const unsigned char *p, size_t len, long long off,
		   uint32_t *ifd0)
{
	if (len < 8)
		return -1;
	if (memcmp(p, "II*\0", 4) == 0)
		t->be = 0;
	else if (memcmp(p, "MM\0*", 4) == 0)
		t->be = 1;
	else
		return -1;
	t->p = p;
	t->len = len;
	t->off = off;
	*ifd0 = meta_tiff_u32(t, 4);
	return 0;
}

uint16_t meta_tiff_u16(const struct meta_tiff *t, size_t off)
{
	if (off > t->len || t->len - off < 2)
		return 0;
	return t->be ? meta_be16(t->p + off) : meta_le16(t->p + off);
}

uint32_t meta_tiff_u32(const struct meta_tiff *t, size_t off)
{
	if (off > t->len || t->len - off < 4)
		return 0;
	return t->be ? meta_be32(t->p + off) : meta_le32(t->p + off);
}

int meta_ifd_count(const struct meta_tiff *t, uint32_t ifd)
{
	size_t n, fits;

	if (ifd < 2 || ifd > t->len || t->len - ifd < 2)
		return -1;
	n = meta_tiff_u16(t, ifd);
	fits = (t->len - ifd - 2) / 12;
	if (n > fits)
		n = fits;
	if (n > META_IFD_MAX_ENTRIES)
		n = META_IFD_MAX_ENTRIES;
	return (int)n;
}

int meta_ifd_entry(const struct meta_tiff *t, uint32_t ifd, int i, struct meta_ifd_entry *e)
{
	size_t at = (size_t)ifd + 2 + (size_t)i * 12, es;
	int n = meta_ifd_count(t, ifd);

	if (n < 0 || i < 0 || i >= n)
		return -1;
	e->tag = meta_tiff_u16(t, at);
	e->type = meta_tiff_u16(t, at + 2);
	e->count = meta_tiff_u32(t, at + 4);
	es = type_size(e->type);
	if (es == 0 || e->count > t->len / es)
		return -1;
	e->size = es * e->count;
	e->val = e->size <= 4 ? at + 8 : meta_tiff_u32(t, at + 8);
	if (e->val > t->len || t->len - e->val < e->size)
		return -1;
	return 0;
}

int meta_ifd_find(const struct meta_tiff *t, uint32_t ifd, uint16_t tag, struct meta_ifd_entry *e)
{
	int i, n = meta_ifd_count(t, ifd);

	for (i = 0; i < n; i++)
		if (meta_tiff_u16(t, (size_t)ifd + 2 + (size_t)i * 12) == tag)
			return meta_ifd_entry(t, ifd, i, e);
	return -1;
}

uint32_t meta_ifd_next(const struct meta_tiff *t, uint32_t ifd)
{
	int n = meta_ifd_count(t, ifd);

	if (n < 0 || n != (int)meta_tiff_u16(t, ifd))
		return 0; /* a truncated directory has no readable link */
	return meta_tiff_u32(t, (size_t)ifd + 2 + (size_t)n * 12);
}

uint32_t meta_ifd_uint(const struct meta_tiff *t, const struct meta_ifd_entry *e, uint32_t idx)
{
	if (idx >= e->count)
		return 0;
	switch (e->type) {
	case 1:
	case 6:
	case 7:
		return t->p[e->val + idx];
	case 3:
	case 8:
		return meta_tiff_u16(t, e->val + (size_t)idx * 2);
	case 4:
	case 9:
	case 13:
		return meta_tiff_u32(t, e->val + (size_t)idx * 4);
	default:
		return 0;
	}
}
