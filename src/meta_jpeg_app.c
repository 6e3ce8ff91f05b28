/* SPDX-License-Identifier: Apache-2.0 */
/* JPEG segments beyond EXIF/XMP/Photoshop: JFIF/JFXX thumbnails, Canon CIFF (APP0), MPF (APP2),
 * Kodak Meta (APP3), Olympus picture info and Ducky (APP12); and the data after the EOI. */
#include <string.h>

#include "meta_ifd.h"
#include "meta_jpeg.h"

#include "banned.h"

#define CIFF_MAX_DEPTH 8

/* ---- APP0 ------------------------------------------------------------------------------------- */

static void jfif_thumbnail(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	size_t px;

	if (n >= 14 && memcmp(s, "JFIF\0", 5) == 0) {
		px = (size_t)s[12] * s[13];
		if (px && n - 14 >= 3 * px)
			meta_add_data(c->f, META_F_THUMBNAIL_PRESENT, "rgb", off + 14,
				      (long long)(3 * px), "JFIF thumbnail");
	} else if (n > 6 && memcmp(s, "JFXX\0", 5) == 0) {
		meta_add_data(c->f, META_F_THUMBNAIL_PRESENT, s[5] == 0x10 ? "jpeg" : "rgb", off + 6,
			      (long long)(n - 6), "JFXX thumbnail");
	}
}

/*
 * A CIFF heap (Canon PowerShot JPEGs): its directory offset is in its last 4 bytes, entries are
 * 10 bytes (tag, size, offset), offsets relative to the heap; types 0x28/0x30 are sub-heaps.
 */
static void ciff_heap(struct jpeg_ctx *c, const unsigned char *h, size_t n, long long off, int be,
		      int depth)
{
	size_t dir, count, i;

	if (n < 6 || depth > CIFF_MAX_DEPTH)
		return;
	dir = be ? meta_be32(h + n - 4) : meta_le32(h + n - 4);
	if (dir > n - 4 || n - 4 - dir < 2) {
		meta_problem(c->f, off, "CIFF directory offset %zu past end of heap", dir);
		return;
	}
	count = be ? meta_be16(h + dir) : meta_le16(h + dir);
	if (count > (n - 4 - dir - 2) / 10)
		count = (n - 4 - dir - 2) / 10;
	for (i = 0; i < count; i++) {
		const unsigned char *e = h + dir + 2 + 10 * i;
		unsigned tag = be ? meta_be16(e) : meta_le16(e);
		size_t size = be ? meta_be32(e + 2) : meta_le32(e + 2);
		size_t at = be ? meta_be32(e + 6) : meta_le32(e + 6);
		unsigned type = (tag >> 8) & 0x38;

		if (tag & 0xc000)
			continue; /* bad, or a value stored in the entry: not one we read */
		if (at > n || size > n - at)
			continue;
		if (type == 0x28 || type == 0x30)
			ciff_heap(c, h + at, size, off + (long long)at, be, depth + 1);
		else if ((tag & 0x3fff) == 0x0810)
			meta_add_text(c->f, META_F_OWNER_NAME, (const char *)h + at, size,
				      "CIFF OwnerName", off + (long long)at);
	}
}

static void app0(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	size_t hlen;
	int be;

	if (n >= 14 && (memcmp(s, "II", 2) == 0 || memcmp(s, "MM", 2) == 0) &&
	    memcmp(s + 6, "HEAPJPGM", 8) == 0) {
		be = s[0] == 'M';
		hlen = be ? meta_be32(s + 2) : meta_le32(s + 2);
		if (hlen >= 14 && hlen < n)
			ciff_heap(c, s + hlen, n - hlen, off + (long long)hlen, be, 0);
		return;
	}
	jfif_thumbnail(c, s, n, off);
}

/* ---- APP2 MPF: an index of the other images stored after the first one ------------------------ */

static void mpf(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	struct meta_tiff t;
	struct meta_ifd_entry e;
	uint32_t ifd, i;

	if (meta_tiff_open(&t, s + 4, n - 4, off + 4, &ifd) != 0 ||
	    meta_ifd_find(&t, ifd, 0xb002, &e) != 0) {
		meta_problem(c->f, off, "MPF segment without a readable image index");
		return;
	}
	for (i = 0; i + 16 <= e.size && i / 16 < JPEG_MAX_MPF; i += 16) {
		uint32_t size = meta_tiff_u32(&t, e.val + i + 4);
		uint64_t at = meta_tiff_u32(&t, e.val + i + 8);

		if (at == 0)
			continue; /* the first image: this one */
		at += (uint64_t)t.off;
		if (at > c->len || size > c->len - at) {
			meta_problem(c->f, off, "MPF image %u at %llu past end of file", i / 16 + 1,
				     (unsigned long long)at);
			continue;
		}
		meta_add_data(c->f, META_F_PREVIEW_PRESENT, "jpeg", (long long)at, size, "MPF image");
		if (c->nmpf < JPEG_MAX_MPF) {
			c->mpf[c->nmpf].off = at;
			c->mpf[c->nmpf++].len = size;
		}
	}
}

/* ---- APP3 Kodak Meta: a TIFF directory whose CameraOwner (0xc353) names the owner ------------- */

static void kodak_meta(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	struct meta_tiff t;
	struct meta_ifd_entry e;
	uint32_t ifd;

	if (meta_tiff_open(&t, s + 6, n - 6, off + 6, &ifd) != 0 ||
	    meta_ifd_find(&t, ifd, 0xc353, &e) != 0)
		return;
	if (e.size >= 8 && memcmp(t.p + e.val, "UNICODE\0", 8) == 0)
		meta_add_utf16(c->f, META_F_OWNER_NAME, t.p + e.val + 8, e.size - 8, t.be,
			       "Kodak Meta CameraOwner", t.off + (long long)e.val);
	else if (e.size >= 8 && memcmp(t.p + e.val, "ASCII\0\0\0", 8) == 0)
		meta_add_text(c->f, META_F_OWNER_NAME, (const char *)t.p + e.val + 8, e.size - 8,
			      "Kodak Meta CameraOwner", t.off + (long long)e.val);
}

/* ---- APP12: Olympus/Agfa "[picture info]" text lines, and Photoshop's "Ducky" ------------------ */

static void picture_info(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	static const char *const keys[] = { "Serial#=", "SerialNumber=" };
	const unsigned char *q = s, *end = s + n, *eol;
	size_t i, k;

	while (q < end) {
		eol = memchr(q, '\n', (size_t)(end - q));
		if (!eol)
			eol = end;
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			k = strlen(keys[i]);
			if ((size_t)(eol - q) > k && memcmp(q, keys[i], k) == 0)
				meta_add_text(c->f, META_F_CAMERA_SERIAL, (const char *)q + k,
					      (size_t)(eol - q) - k, "APP12 PictureInfo SerialNumber",
					      off + (q - s));
		}
		q = eol + (eol < end);
	}
}

static void ducky(struct jpeg_ctx *c, const unsigned char *s, size_t n, long long off)
{
	size_t pos = 5;

	while (pos + 4 <= n) {
		unsigned tag = meta_be16(s + pos), len = meta_be16(s + pos + 2);

		if (tag == 0 || len > n - pos - 4)
			break;
		/* 2: Comment, 3: Copyright; each a 4-byte length then UCS-2BE */
		if ((tag == 2 || tag == 3) && len > 4)
			meta_add_utf16(c->f, tag == 2 ? META_F_DESCRIPTION : META_F_COPYRIGHT,
				       s + pos + 8, len - 4, 1,
				       tag == 2 ? "APP12 Ducky Comment" : "APP12 Ducky Copyright",
				       off + (long long)pos);
		pos += 4 + (size_t)len;
	}
}

void meta_jpeg_app_read(struct jpeg_ctx *c, unsigned marker, const unsigned char *s, size_t n,
			long long off)
{
	if (marker == 0xe0)
		app0(c, s, n, off);
	else if (marker == 0xe2 && n >= 12 && memcmp(s, "MPF\0", 4) == 0)
		mpf(c, s, n, off);
	else if (marker == 0xe3 && n >= 14 &&
		 (memcmp(s, "Meta\0\0", 6) == 0 || memcmp(s, "META\0\0", 6) == 0))
		kodak_meta(c, s, n, off);
	else if (marker == 0xec && n >= 5 && memcmp(s, "Ducky", 5) == 0)
		ducky(c, s, n, off);
	else if (marker == 0xec)
		picture_info(c, s, n, off);
}

/* ---- after the EOI ------------------------------------------------------------------------------ */

static int is_padding(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0x00 && p[i] != 0xff)
			return 0;
	return 1;
}

void meta_jpeg_trailer_read(struct jpeg_ctx *c)
{
	uint64_t end = c->eoi_end;
	enum media_format fmt;
	size_t i;
	int moved = 1;

	/* MPF images usually follow one another right after the first image: skip over them */
	while (moved) {
		moved = 0;
		for (i = 0; i < c->nmpf; i++)
			if (c->mpf[i].off <= end + 16 && c->mpf[i].off + c->mpf[i].len > end) {
				end = c->mpf[i].off + c->mpf[i].len;
				moved = 1;
			}
	}
	if (end >= c->len || is_padding(c->p + end, c->len - end))
		return;
	fmt = media_format_detect(c->p + end, c->len - end);
	meta_add_data(c->f, META_F_TRAILING_DATA, media_format_name(fmt), (long long)end,
		      (long long)(c->len - end), "after JPEG end of image");
	if (media_format_is_video(fmt)) { /* a motion photo: its own location atoms count */
		struct meta_src src = { c->p + end, -1, c->len - end };

		meta_bmff_read(c->f, &src, 0, (long long)end);
	}
}
