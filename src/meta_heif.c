/* SPDX-License-Identifier: Apache-2.0 */
/* HEIF items (HEIC, AVIF): the Exif and XMP items that 'iinf' lists, located through 'iloc'
 * (versions 0-2; construction method 0, file offsets, or 1, offsets in 'idat'). */
#include <stdlib.h>
#include <string.h>

#include "meta_bmff.h"

#include "banned.h"

#define HEIF_MAX_ITEMS 16   /* metadata items read per file */
#define HEIF_MAX_EXTENTS 64 /* extents joined per item */

struct heif_item {
	uint32_t id;
	int xmp; /* 1: XMP ('mime' application/rdf+xml), 0: Exif */
};

struct heif {
	struct bmff_ctx *c;
	long long off;
	struct bmff_box iinf, iloc, idat;
	struct heif_item items[HEIF_MAX_ITEMS];
	size_t nitems;
};

/* Reads a size-byte (0, 4 or 8) big-endian number at *at. -1 when it is not there. */
static int get_n(const struct bmff_box *b, size_t *at, unsigned size, uint64_t *v)
{
	if (size != 0 && size != 4 && size != 8)
		return -1;
	if (b->len < *at || b->len - *at < size)
		return -1;
	*v = size == 8 ? meta_be64(b->p + *at) : size == 4 ? meta_be32(b->p + *at) : 0;
	*at += size;
	return 0;
}

static void infe(struct heif *h, const struct bmff_box *b)
{
	const unsigned char *name, *ctype, *end = b->p + b->len;
	size_t at;
	uint32_t id;

	if (b->len < 4 || b->p[0] < 2)
		return; /* versions 0 and 1 have no item type */
	id = b->p[0] == 2 ? (b->len >= 6 ? meta_be16(b->p + 4) : 0) : (b->len >= 8 ? meta_be32(b->p + 4) : 0);
	at = b->p[0] == 2 ? 6 : 8;
	if (b->len < at + 6 || h->nitems == HEIF_MAX_ITEMS)
		return;
	name = b->p + at + 6; /* after protection index and type */
	if (memcmp(b->p + at + 2, "Exif", 4) == 0) {
		h->items[h->nitems].id = id;
		h->items[h->nitems++].xmp = 0;
	} else if (memcmp(b->p + at + 2, "mime", 4) == 0 &&
		   (ctype = memchr(name, 0, (size_t)(end - name))) != NULL) {
		ctype++;
		if ((size_t)(end - ctype) >= 19 && memcmp(ctype, "application/rdf+xml", 19) == 0) {
			h->items[h->nitems].id = id;
			h->items[h->nitems++].xmp = 1;
		}
	}
}

static void read_iinf(struct heif *h)
{
	struct bmff_box b;
	size_t pos;

	if (h->iinf.len < 6)
		return;
	pos = h->iinf.p[0] == 0 ? 6 : 8;
	if (pos > h->iinf.len)
		return;
	while (bmff_box_next(h->c, h->iinf.p, h->iinf.len, &pos, h->off, &b) == 1)
		if (strcmp(b.type, "infe") == 0)
			infe(h, &b);
}

/* Reads the extents of one item into a new buffer; *off receives the first extent's offset. */
static unsigned char *extents(struct heif *h, int method, uint64_t base, uint64_t (*ext)[2],
			      unsigned n, size_t *len, long long *off)
{
	uint64_t total = 0, size = method == 0 ? h->c->s->size : h->idat.len;
	unsigned char *buf;
	unsigned i;

	for (i = 0; i < n; i++) {
		uint64_t at = base + ext[i][0];

		if (at < base || at > size || (ext[i][1] == 0 ? 0 : ext[i][1] > size - at))
			return NULL;
		if (ext[i][1] == 0) /* to the end */
			ext[i][1] = size - at;
		total += ext[i][1];
		if (total > META_MAX_BLOCK)
			return NULL;
	}
	buf = malloc(total ? total : 1);
	if (!buf) {
		h->c->f->oom = 1;
		return NULL;
	}
	for (i = 0, total = 0; i < n; total += ext[i][1], i++) {
		uint64_t at = base + ext[i][0];

		if (method == 1)
			memcpy(buf + total, h->idat.p + at, ext[i][1]);
		else if (meta_src_read(h->c->s, at, buf + total, ext[i][1]) != 0) {
			free(buf);
			return NULL;
		}
	}
	*len = total;
	*off = method == 0 ? h->c->base + (long long)(base + ext[0][0]) : h->off;
	return buf;
}

static void item_data(struct heif *h, const struct heif_item *it, const unsigned char *d,
		      size_t n, long long off)
{
	uint32_t skip;

	if (it->xmp) {
		meta_xmp_read(h->c->f, (const char *)d, n, off, "HEIF XMP item");
		return;
	}
	/* Exif items start with the offset of the TIFF header from the end of that field */
	skip = n >= 4 ? meta_be32(d) : UINT32_MAX;
	if (n < 4 || skip > n - 4) {
		meta_problem(h->c->f, off, "HEIF Exif item header offset %lu past its end",
			     (unsigned long)skip);
		return;
	}
	meta_exif_read(h->c->f, d + 4 + skip, n - 4 - skip, off + 4 + skip, "HEIF Exif item");
}

static const struct heif_item *wanted(const struct heif *h, uint32_t id)
{
	size_t i;

	for (i = 0; i < h->nitems; i++)
		if (h->items[i].id == id)
			return &h->items[i];
	return NULL;
}

static int get16(const struct bmff_box *b, size_t *at, uint64_t *v)
{
	if (b->len < *at || b->len - *at < 2)
		return -1;
	*v = meta_be16(b->p + *at);
	*at += 2;
	return 0;
}

/* One iloc entry at *at: reads it, and the item's data when it is one we want. -1 when bad. */
static int iloc_item(struct heif *h, int v, const unsigned sz[4], size_t *at)
{
	uint64_t id, method = 0, dref, base, cnt, idx, ext[HEIF_MAX_EXTENTS][2];
	const struct bmff_box *b = &h->iloc;
	const struct heif_item *it;
	unsigned char *d;
	size_t n = 0;
	long long off = -1;
	unsigned i;

	if ((v < 2 ? get16(b, at, &id) : get_n(b, at, 4, &id)) != 0)
		return -1;
	if (v >= 1 && get16(b, at, &method) != 0)
		return -1;
	method &= 0xf; /* construction_method: the low 4 bits */
	if (get16(b, at, &dref) != 0 || get_n(b, at, sz[2], &base) != 0 || get16(b, at, &cnt) != 0)
		return -1;
	for (i = 0; i < cnt; i++) {
		uint64_t eo, el;

		if (v >= 1 && get_n(b, at, sz[3], &idx) != 0)
			return -1;
		if (get_n(b, at, sz[0], &eo) != 0 || get_n(b, at, sz[1], &el) != 0)
			return -1;
		if (i < HEIF_MAX_EXTENTS) {
			ext[i][0] = eo;
			ext[i][1] = el;
		}
	}
	it = wanted(h, (uint32_t)id);
	if (!it || cnt == 0)
		return 0;
	if (method > 1 || dref != 0 || cnt > HEIF_MAX_EXTENTS || (method == 1 && !h->idat.p)) {
		meta_problem(h->c->f, h->off, "HEIF item %llu stored in a way not read (method %llu)",
			     (unsigned long long)id, (unsigned long long)method);
		return 0;
	}
	d = extents(h, (int)method, base, ext, (unsigned)cnt, &n, &off);
	if (!d) {
		if (!h->c->f->oom)
			meta_problem(h->c->f, h->off, "HEIF item %llu extents past end of file",
				     (unsigned long long)id);
		return 0;
	}
	item_data(h, it, d, n, off);
	free(d);
	return 0;
}

static void read_iloc(struct heif *h)
{
	const struct bmff_box *b = &h->iloc;
	unsigned sz[4], v;
	size_t at = 6;
	uint64_t count, i;

	if (b->len < 8)
		return;
	v = b->p[0];
	if (v > 2) {
		meta_problem(h->c->f, h->off, "HEIF iloc version %u not read", v);
		return;
	}
	sz[0] = b->p[4] >> 4;  /* offset */
	sz[1] = b->p[4] & 15;  /* length */
	sz[2] = b->p[5] >> 4;  /* base offset */
	sz[3] = v ? b->p[5] & 15 : 0; /* index */
	if (v < 2) {
		count = meta_be16(b->p + 6);
		at = 8;
	} else if (get_n(b, &at, 4, &count) != 0) {
		return;
	}
	for (i = 0; i < count && !h->c->f->oom; i++) {
		if (iloc_item(h, (int)v, sz, &at) != 0) {
			meta_problem(h->c->f, h->off, "HEIF iloc entry %llu truncated",
				     (unsigned long long)i);
			return;
		}
	}
}

void bmff_heif_meta(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off)
{
	struct heif h;
	struct bmff_box b;
	size_t pos = 0;

	memset(&h, 0, sizeof(h));
	h.c = c;
	h.off = off;
	while (bmff_box_next(c, p, len, &pos, off, &b) == 1) {
		if (strcmp(b.type, "iinf") == 0)
			h.iinf = b;
		else if (strcmp(b.type, "iloc") == 0)
			h.iloc = b;
		else if (strcmp(b.type, "idat") == 0)
			h.idat = b;
	}
	read_iinf(&h);
	if (h.nitems && h.iloc.p)
		read_iloc(&h);
}
