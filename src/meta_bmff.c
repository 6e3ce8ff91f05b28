/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ISO-BMFF walk (MP4, MOV, HEIC): top-level boxes are visited by their headers only, with seeks;
 * just the boxes that can hold metadata are loaded (moov/udta, moov/meta, meta, XMP uuid), each
 * bounded by META_MAX_BLOCK. The media data (mdat) is never read, wherever moov stands.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta_bmff.h"

#include "banned.h"

static const unsigned char xmp_uuid[16] = { 0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8,
					    0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac };

/* A box header read through the source: where it starts, its header size, where it ends. */
struct src_box {
	uint64_t start, hdr, end;
	char type[5];
};

/* Reads the header at pos (inside a parent ending at limit). 1, 0 at the end, -1 on a problem. */
static int src_box_next(struct bmff_ctx *c, uint64_t pos, uint64_t limit, struct src_box *b)
{
	unsigned char h[16];
	uint64_t size;

	if (limit - pos < 8)
		return 0;
	if (++c->boxes > BMFF_MAX_BOXES) {
		meta_problem(c->f, c->base + (long long)pos, "more than %d boxes", BMFF_MAX_BOXES);
		return -1;
	}
	if (meta_src_read(c->s, pos, h, 8) != 0)
		return 0;
	memcpy(b->type, h + 4, 4);
	b->type[4] = '\0';
	b->start = pos;
	b->hdr = 8;
	size = meta_be32(h);
	if (size == 1) {
		if (limit - pos < 16 || meta_src_read(c->s, pos + 8, h + 8, 8) != 0)
			goto bad;
		size = meta_be64(h + 8);
		b->hdr = 16;
	} else if (size == 0) {
		size = limit - pos; /* to the end of the file (or parent) */
	}
	if (size < b->hdr || size > limit - pos)
		goto bad;
	b->end = pos + size;
	return 1;
bad:
	meta_problem(c->f, c->base + (long long)pos, "box '%s' declared length %llu past end of file",
		     b->type, (unsigned long long)size);
	return -1;
}

int bmff_box_next(struct bmff_ctx *c, const unsigned char *p, size_t len, size_t *pos,
		  long long off, struct bmff_box *b)
{
	size_t at = *pos, hdr = 8;
	uint64_t size;

	if (len - at < 8)
		return 0;
	if (++c->boxes > BMFF_MAX_BOXES) {
		meta_problem(c->f, off + (long long)at, "more than %d boxes", BMFF_MAX_BOXES);
		return -1;
	}
	memcpy(b->type, p + at + 4, 4);
	b->type[4] = '\0';
	size = meta_be32(p + at);
	if (size == 1) {
		if (len - at < 16)
			size = 0, hdr = 17; /* forces the error below */
		else
			size = meta_be64(p + at + 8), hdr = 16;
	} else if (size == 0) {
		size = len - at;
	}
	if (size < hdr || size > len - at) {
		meta_problem(c->f, off + (long long)at, "box '%s' declared length %llu past end of block",
			     b->type, (unsigned long long)size);
		return -1;
	}
	b->start = at;
	b->p = p + at + hdr;
	b->len = (size_t)size - hdr;
	*pos = at + (size_t)size;
	return 1;
}

/* Loads the content of box b (at most META_MAX_BLOCK bytes). NULL when too big or unreadable. */
static unsigned char *load_box(struct bmff_ctx *c, const struct src_box *b, size_t *len)
{
	uint64_t n = b->end - b->start - b->hdr;
	unsigned char *buf;

	if (n > META_MAX_BLOCK) {
		meta_problem(c->f, c->base + (long long)b->start, "box '%s' of %llu bytes over the limit",
			     b->type, (unsigned long long)n);
		return NULL;
	}
	buf = malloc(n ? n : 1);
	if (!buf) {
		c->f->oom = 1;
		return NULL;
	}
	if (meta_src_read(c->s, b->start + b->hdr, buf, n) != 0) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* ---- locations ---------------------------------------------------------------------------------- */

/* One ISO 6709 coordinate: sign, then DD(D).d, DDMM.m or DDMMSS.s by the count of integer digits
 * (deg = 2 for latitude, 3 for longitude). Moves *s past it. NAN when malformed. */
static double iso6709_part(const char **s, const char *end, int deg)
{
	const char *q = *s;
	int neg, digits = 0;
	double v = 0, frac = 0, scale = 1, whole;

	if (q >= end || (*q != '+' && *q != '-'))
		return NAN;
	neg = *q++ == '-';
	while (q < end && *q >= '0' && *q <= '9' && digits < 9)
		v = v * 10 + (*q++ - '0'), digits++;
	if (q < end && *q == '.')
		for (q++; q < end && *q >= '0' && *q <= '9' && scale > 1e-12; q++)
			frac += (*q - '0') * (scale /= 10);
	*s = q;
	whole = v + frac;
	if (digits == deg)
		v = whole;
	else if (digits == deg + 2)
		v = floor(v / 100) + fmod(whole, 100) / 60;
	else if (digits == deg + 4)
		v = floor(v / 10000) + floor(fmod(v, 10000) / 100) / 60 + fmod(whole, 100) / 3600;
	else
		return NAN;
	return neg ? -v : v;
}

static void iso6709(struct bmff_ctx *c, const unsigned char *p, size_t n, const char *source,
		    long long off)
{
	const char *s = (const char *)p, *end = s + n;
	double lat = iso6709_part(&s, end, 2), lon = iso6709_part(&s, end, 3);

	if (isnan(lat) || isnan(lon))
		meta_problem(c->f, off, "%s: unreadable ISO 6709 location '%.*s'", source,
			     (int)(n < 40 ? n : 40), (const char *)p);
	else
		meta_add_position(c->f, META_F_VIDEO_LOCATION, lat, lon, source, off);
}

/* 3GPP 'loci': version/flags, language, name, role, then 16.16 longitude, latitude, altitude. */
static void loci(struct bmff_ctx *c, const unsigned char *p, size_t n, long long off)
{
	const unsigned char *name = p + 6, *nul;
	size_t at;

	if (n < 6)
		return;
	if (n - 6 >= 2 && name[0] == 0xfe && name[1] == 0xff) { /* UTF-16 with a BOM */
		for (at = 8; at + 1 < n && (p[at] || p[at + 1]); at += 2)
			;
		meta_add_utf16(c->f, META_F_LOCATION_TEXT, p + 8, at - 8, 1, "3GPP loci name", off);
		at += 2;
	} else {
		nul = memchr(name, 0, n - 6);
		if (!nul)
			return;
		meta_add_text(c->f, META_F_LOCATION_TEXT, (const char *)name, (size_t)(nul - name),
			      "3GPP loci name", off);
		at = (size_t)(nul - p) + 1;
	}
	if (at > n || n - at < 1 + 12)
		return;
	at++; /* role */
	meta_add_position(c->f, META_F_VIDEO_LOCATION, (int32_t)meta_be32(p + at + 4) / 65536.0,
			  (int32_t)meta_be32(p + at) / 65536.0, "3GPP loci", off);
}

/* ---- QuickTime user data and metadata ------------------------------------------------------------ */

static const struct qt_atom {
	char type[5]; /* (c) is 0xA9 */
	enum meta_field_id id;
} qt_atoms[] = {
	{ "\xa9mak", META_F_CAMERA_MAKE },    { "\xa9mod", META_F_CAMERA_MODEL },
	{ "\xa9swr", META_F_SOFTWARE },       { "\xa9too", META_F_SOFTWARE },
	{ "\xa9" "ART", META_F_CREATOR_NAME }, { "\xa9" "aut", META_F_CREATOR_NAME },
	{ "\xa9" "day", META_F_DATETIME_ORIGINAL }, { "\xa9" "cmt", META_F_DESCRIPTION },
	{ "\xa9" "des", META_F_DESCRIPTION }, { "\xa9" "cpy", META_F_COPYRIGHT },
};

/* Keys of moov/meta/keys and the field each feeds (locations handled apart). */
static const struct mdta_key {
	const char *key;
	enum meta_field_id id;
} mdta_keys[] = {
	{ "com.apple.quicktime.location.ISO6709", META_F_VIDEO_LOCATION },
	{ "com.apple.quicktime.location.name", META_F_LOCATION_TEXT },
	{ "com.apple.quicktime.make", META_F_CAMERA_MAKE },
	{ "com.apple.quicktime.model", META_F_CAMERA_MODEL },
	{ "com.apple.quicktime.software", META_F_SOFTWARE },
	{ "com.apple.quicktime.author", META_F_CREATOR_NAME },
	{ "com.apple.quicktime.creationdate", META_F_DATETIME_ORIGINAL },
	{ "com.apple.quicktime.description", META_F_DESCRIPTION },
	{ "com.android.manufacturer", META_F_CAMERA_MAKE },
	{ "com.android.model", META_F_CAMERA_MODEL },
};

static void qt_value(struct bmff_ctx *c, enum meta_field_id id, const unsigned char *v, size_t n,
		     const char *source, long long off)
{
	if (id == META_F_VIDEO_LOCATION)
		iso6709(c, v, n, source, off);
	else
		meta_add_text(c->f, id, (const char *)v, n, source, off);
}

/* A QuickTime (c)xxx text atom: 16-bit length, 16-bit language, text. */
static void udta_atom(struct bmff_ctx *c, const struct bmff_box *b, long long off)
{
	char source[32];
	size_t i, n;

	if (memcmp(b->type, "\xa9xyz", 4) != 0 && (unsigned char)b->type[0] != 0xa9)
		return;
	if (b->len < 4)
		return;
	n = meta_be16(b->p);
	if (n > b->len - 4)
		n = b->len - 4;
	snprintf(source, sizeof(source), "QuickTime udta (c)%.3s", b->type + 1);
	if (memcmp(b->type, "\xa9xyz", 4) == 0) {
		iso6709(c, b->p + 4, n, source, off);
		return;
	}
	for (i = 0; i < sizeof(qt_atoms) / sizeof(qt_atoms[0]); i++)
		if (memcmp(b->type, qt_atoms[i].type, 4) == 0)
			qt_value(c, qt_atoms[i].id, b->p + 4, n, source, off);
}

/* The 'data' box inside an ilst item: type, locale, then the value. */
static int ilst_data(struct bmff_ctx *c, const struct bmff_box *item, long long off,
		     const unsigned char **v, size_t *n)
{
	struct bmff_box d;
	size_t pos = 0;

	while (bmff_box_next(c, item->p, item->len, &pos, off, &d) == 1) {
		if (strcmp(d.type, "data") == 0 && d.len >= 8) {
			*v = d.p + 8;
			*n = d.len - 8;
			return 0;
		}
	}
	return -1;
}

/* moov/meta with 'keys' (QuickTime metadata) and/or an iTunes-style 'ilst'. */
static void qt_meta(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off)
{
	struct bmff_box b, keys = { NULL, 0, 0, "" }, ilst = { NULL, 0, 0, "" }, item;
	size_t pos = 0, kpos, i;
	const unsigned char *v;
	uint32_t idx, k, nkeys, ksize;
	size_t n;

	if (len >= 8 && memcmp(p + 4, "hdlr", 4) != 0)
		pos = 4; /* an ISO full box: version and flags first */
	while (bmff_box_next(c, p, len, &pos, off, &b) == 1) {
		if (strcmp(b.type, "keys") == 0)
			keys = b;
		else if (strcmp(b.type, "ilst") == 0)
			ilst = b;
	}
	pos = 0;
	while (ilst.p && bmff_box_next(c, ilst.p, ilst.len, &pos, off, &item) == 1) {
		if (ilst_data(c, &item, off, &v, &n) != 0)
			continue;
		if ((unsigned char)item.type[0] == 0xa9) { /* iTunes-style (c)xxx item */
			if (memcmp(item.type, "\xa9xyz", 4) == 0)
				iso6709(c, v, n, "QuickTime ilst (c)xyz", off);
			for (i = 0; i < sizeof(qt_atoms) / sizeof(qt_atoms[0]); i++)
				if (memcmp(item.type, qt_atoms[i].type, 4) == 0)
					qt_value(c, qt_atoms[i].id, v, n, "QuickTime ilst", off);
			continue;
		}
		if (!keys.p || keys.len < 8)
			continue;
		/* the item's type is a 1-based index into 'keys' */
		idx = meta_be32((const unsigned char *)item.type);
		nkeys = meta_be32(keys.p + 4);
		for (k = 1, kpos = 8; k <= nkeys && keys.len - kpos >= 8; k++, kpos += ksize) {
			ksize = meta_be32(keys.p + kpos);
			if (ksize < 8 || ksize > keys.len - kpos)
				break;
			if (k != idx)
				continue;
			for (i = 0; i < sizeof(mdta_keys) / sizeof(mdta_keys[0]); i++)
				if (strlen(mdta_keys[i].key) == ksize - 8 &&
				    memcmp(keys.p + kpos + 8, mdta_keys[i].key, ksize - 8) == 0)
					qt_value(c, mdta_keys[i].id, v, n, mdta_keys[i].key, off);
			break;
		}
	}
}

static void udta(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off)
{
	struct bmff_box b;
	size_t pos = 0;

	while (bmff_box_next(c, p, len, &pos, off, &b) == 1) {
		long long at = off + (long long)b.start;

		if (strcmp(b.type, "loci") == 0)
			loci(c, b.p, b.len, at);
		else if (strcmp(b.type, "meta") == 0)
			qt_meta(c, b.p, b.len, at);
		else if (strcmp(b.type, "auth") == 0 && b.len > 6)
			meta_add_text(c->f, META_F_CREATOR_NAME, (const char *)b.p + 6, b.len - 6,
				      "3GPP auth", at);
		else
			udta_atom(c, &b, at);
	}
}

/* ---- the walk ------------------------------------------------------------------------------------ */

/* Loads box b and hands its content to fn. */
static void with_box(struct bmff_ctx *c, const struct src_box *b,
		     void (*fn)(struct bmff_ctx *, const unsigned char *, size_t, long long))
{
	size_t n = 0;
	unsigned char *buf = load_box(c, b, &n);

	if (buf)
		fn(c, buf, n, c->base + (long long)(b->start + b->hdr));
	free(buf);
}

static void heif_meta(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off)
{
	if (len >= 4)
		bmff_heif_meta(c, p + 4, len - 4, off + 4);
}

static void xmp_box(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off)
{
	if (len > 16 && memcmp(p, xmp_uuid, 16) == 0)
		meta_xmp_read(c->f, (const char *)p + 16, len - 16, off + 16, "ISO-BMFF XMP uuid");
}

/* A 'uuid' box is loaded only when its extended type says XMP: others can be large. */
static void uuid_box(struct bmff_ctx *c, const struct src_box *b)
{
	unsigned char id[16];

	if (b->end - b->start - b->hdr > 16 && meta_src_read(c->s, b->start + b->hdr, id, 16) == 0 &&
	    memcmp(id, xmp_uuid, 16) == 0)
		with_box(c, b, xmp_box);
}

static void moov(struct bmff_ctx *c, const struct src_box *m)
{
	struct src_box b;
	uint64_t pos = m->start + m->hdr;

	while (!c->f->oom && src_box_next(c, pos, m->end, &b) == 1) {
		if (strcmp(b.type, "udta") == 0)
			with_box(c, &b, udta);
		else if (strcmp(b.type, "meta") == 0)
			with_box(c, &b, qt_meta);
		else if (strcmp(b.type, "uuid") == 0)
			uuid_box(c, &b);
		pos = b.end;
	}
}

void meta_bmff_read(struct meta_fields *f, const struct meta_src *s, uint64_t start,
		    long long base)
{
	struct bmff_ctx c = { f, s, base, 0 };
	struct src_box b;
	uint64_t pos = start;

	while (!f->oom && src_box_next(&c, pos, s->size, &b) == 1) {
		if (strcmp(b.type, "moov") == 0)
			moov(&c, &b);
		else if (strcmp(b.type, "meta") == 0)
			with_box(&c, &b, heif_meta);
		else if (strcmp(b.type, "uuid") == 0)
			uuid_box(&c, &b);
		pos = b.end;
	}
}
