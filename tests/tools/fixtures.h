/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Metadata fixtures made by the project's own code: JPEGs encoded with libjpeg-turbo carrying
 * EXIF built with libexif, XMP, IPTC, MPF, trailers; PNG, WebP, GIF, TIFF, MP4/MOV/3GP and HEIF
 * containers; and malformed files. Each fixture lists what it plants (fx_expect). Deterministic.
 * Included by exactly one translation unit per program (mkfixtures, the unit tests).
 */
#ifndef PL_TEST_FIXTURES_H
#define PL_TEST_FIXTURES_H

#include <libexif/exif-data.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
#include <zlib.h>

#define FX_UNUSED __attribute__((unused))

/* ---- a growable byte buffer ------------------------------------------------------------------- */

struct fx_buf {
	unsigned char *p;
	size_t len, cap;
	int oom;
};

static FX_UNUSED void fx_put(struct fx_buf *b, const void *p, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		unsigned char *np;

		while (cap < b->len + n)
			cap *= 2;
		np = realloc(b->p, cap);
		if (!np) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static FX_UNUSED void fx_u8(struct fx_buf *b, unsigned v)
{
	unsigned char c = (unsigned char)v;

	fx_put(b, &c, 1);
}

static FX_UNUSED void fx_be16(struct fx_buf *b, unsigned v)
{
	fx_u8(b, v >> 8);
	fx_u8(b, v);
}

static FX_UNUSED void fx_be32(struct fx_buf *b, uint32_t v)
{
	fx_be16(b, v >> 16);
	fx_be16(b, v & 0xffff);
}

static FX_UNUSED void fx_le16(struct fx_buf *b, unsigned v)
{
	fx_u8(b, v);
	fx_u8(b, v >> 8);
}

static FX_UNUSED void fx_le32(struct fx_buf *b, uint32_t v)
{
	fx_le16(b, v & 0xffff);
	fx_le16(b, v >> 16);
}

static FX_UNUSED void fx_str(struct fx_buf *b, const char *s)
{
	fx_put(b, s, strlen(s));
}

static FX_UNUSED void fx_zeros(struct fx_buf *b, size_t n)
{
	static const unsigned char z[4096];

	while (n) {
		size_t k = n < sizeof(z) ? n : sizeof(z);

		fx_put(b, z, k);
		n -= k;
	}
}

static FX_UNUSED void fx_patch_be32(struct fx_buf *b, size_t at, uint32_t v)
{
	if (b->oom || at + 4 > b->len)
		return;
	b->p[at] = (unsigned char)(v >> 24);
	b->p[at + 1] = (unsigned char)(v >> 16);
	b->p[at + 2] = (unsigned char)(v >> 8);
	b->p[at + 3] = (unsigned char)v;
}

static FX_UNUSED void fx_patch_le32(struct fx_buf *b, size_t at, uint32_t v)
{
	if (b->oom || at + 4 > b->len)
		return;
	b->p[at] = (unsigned char)v;
	b->p[at + 1] = (unsigned char)(v >> 8);
	b->p[at + 2] = (unsigned char)(v >> 16);
	b->p[at + 3] = (unsigned char)(v >> 24);
}

/* ---- JPEG: images from libjpeg-turbo, segments around them ---------------------------------- */

/* A w x h gradient encoded by libjpeg-turbo, appended to b (SOI ... EOI). */
static FX_UNUSED void fx_jpeg_image(struct fx_buf *b, int w, int h)
{
	unsigned char *rgb = malloc((size_t)w * h * 3), *jpeg = NULL;
	unsigned long jlen = 0;
	tjhandle tj = tjInitCompress();
	int x, y;

	if (!rgb || !tj) {
		b->oom = 1;
		goto out;
	}
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned char *px = rgb + ((size_t)y * w + x) * 3;

			px[0] = (unsigned char)(x * 255 / (w > 1 ? w - 1 : 1));
			px[1] = (unsigned char)(y * 255 / (h > 1 ? h - 1 : 1));
			px[2] = 96;
		}
	if (tjCompress2(tj, rgb, w, 0, h, TJPF_RGB, &jpeg, &jlen, TJSAMP_420, 75, 0) != 0) {
		b->oom = 1;
		goto out;
	}
	fx_put(b, jpeg, jlen);
out:
	if (jpeg)
		tjFree(jpeg);
	if (tj)
		tjDestroy(tj);
	free(rgb);
}

static FX_UNUSED void fx_segment(struct fx_buf *b, unsigned marker, const void *p, size_t n)
{
	fx_u8(b, 0xff);
	fx_u8(b, marker);
	fx_be16(b, (unsigned)(n + 2));
	fx_put(b, p, n);
}

/* A segment whose payload is a signature (with its NUL when sig_nul) then data. */
static FX_UNUSED void fx_segment_sig(struct fx_buf *b, unsigned marker, const char *sig, int sig_nul,
				     const void *p, size_t n)
{
	size_t k = strlen(sig) + (sig_nul ? 1 : 0);

	fx_u8(b, 0xff);
	fx_u8(b, marker);
	fx_be16(b, (unsigned)(n + k + 2));
	fx_put(b, sig, k);
	fx_put(b, p, n);
}

/*
 * A JPEG of w x h whose first segments are `segs` (already marker-framed), inserted right after
 * the SOI of the libjpeg-turbo output.
 */
static FX_UNUSED void fx_jpeg_with(struct fx_buf *b, const struct fx_buf *segs, int w, int h)
{
	struct fx_buf img = { 0 };

	fx_jpeg_image(&img, w, h);
	if (img.oom || img.len < 2) {
		b->oom = 1;
		free(img.p);
		return;
	}
	fx_put(b, img.p, 2);
	fx_put(b, segs->p, segs->len);
	fx_put(b, img.p + 2, img.len - 2);
	free(img.p);
}

/* ---- EXIF with libexif ------------------------------------------------------------------------ */

static FX_UNUSED ExifEntry *fx_exif_entry(ExifData *ed, ExifIfd ifd, unsigned tag, ExifFormat fmt,
					  unsigned long comps)
{
	ExifMem *mem = exif_mem_new_default();
	ExifEntry *e = mem ? exif_entry_new_mem(mem) : NULL;

	if (!e) {
		if (mem)
			exif_mem_unref(mem);
		return NULL;
	}
	e->tag = (ExifTag)tag;
	e->format = fmt;
	e->components = comps;
	e->size = exif_format_get_size(fmt) * comps;
	e->data = exif_mem_alloc(mem, e->size ? e->size : 1);
	exif_content_add_entry(ed->ifd[ifd], e);
	exif_entry_unref(e); /* the content holds it */
	exif_mem_unref(mem);
	return e->data ? e : NULL;
}

static FX_UNUSED void fx_exif_ascii(ExifData *ed, ExifIfd ifd, unsigned tag, const char *s)
{
	ExifEntry *e = fx_exif_entry(ed, ifd, tag, EXIF_FORMAT_ASCII, strlen(s) + 1);

	if (e)
		memcpy(e->data, s, strlen(s) + 1);
}

static FX_UNUSED void fx_exif_undefined(ExifData *ed, ExifIfd ifd, unsigned tag, const void *p,
					size_t n)
{
	ExifEntry *e = fx_exif_entry(ed, ifd, tag, EXIF_FORMAT_UNDEFINED, n);

	if (e)
		memcpy(e->data, p, n);
}

/* n rationals num[i]/den[i]. */
static FX_UNUSED void fx_exif_rationals(ExifData *ed, ExifIfd ifd, unsigned tag, unsigned n,
					const uint32_t *num, const uint32_t *den)
{
	ExifEntry *e = fx_exif_entry(ed, ifd, tag, EXIF_FORMAT_RATIONAL, n);
	ExifByteOrder o = exif_data_get_byte_order(ed);
	unsigned i;

	for (i = 0; e && i < n; i++) {
		ExifRational r = { num[i], den[i] };

		exif_set_rational(e->data + 8 * i, o, r);
	}
}

static FX_UNUSED void fx_exif_byte(ExifData *ed, ExifIfd ifd, unsigned tag, unsigned v)
{
	ExifEntry *e = fx_exif_entry(ed, ifd, tag, EXIF_FORMAT_BYTE, 1);

	if (e)
		e->data[0] = (unsigned char)v;
}

struct fx_gps {
	char lat_ref, lon_ref;
	uint32_t lat[3][2], lon[3][2]; /* degrees, minutes, seconds as num/den */
	uint32_t alt[2];
	int below_sea;
};

static FX_UNUSED void fx_exif_gps(ExifData *ed, const struct fx_gps *g)
{
	uint32_t num[3], den[3];
	char ref[2] = { 0, 0 };
	int i;
	static const uint32_t tnum[3] = { 14, 27, 7 }, tden[3] = { 1, 1, 1 };
	static const unsigned char version[4] = { 2, 3, 0, 0 };
	ExifEntry *v = fx_exif_entry(ed, EXIF_IFD_GPS, 0, EXIF_FORMAT_BYTE, 4);

	if (v)
		memcpy(v->data, version, 4);
	ref[0] = g->lat_ref;
	fx_exif_ascii(ed, EXIF_IFD_GPS, 1, ref);
	for (i = 0; i < 3; i++)
		num[i] = g->lat[i][0], den[i] = g->lat[i][1];
	fx_exif_rationals(ed, EXIF_IFD_GPS, 2, 3, num, den);
	ref[0] = g->lon_ref;
	fx_exif_ascii(ed, EXIF_IFD_GPS, 3, ref);
	for (i = 0; i < 3; i++)
		num[i] = g->lon[i][0], den[i] = g->lon[i][1];
	fx_exif_rationals(ed, EXIF_IFD_GPS, 4, 3, num, den);
	fx_exif_byte(ed, EXIF_IFD_GPS, 5, (unsigned)g->below_sea);
	fx_exif_rationals(ed, EXIF_IFD_GPS, 6, 1, &g->alt[0], &g->alt[1]);
	fx_exif_rationals(ed, EXIF_IFD_GPS, 7, 3, tnum, tden);
	fx_exif_ascii(ed, EXIF_IFD_GPS, 0x1d, "2024:05:06");
}

/* A new ExifData that keeps exactly what it is given. */
static FX_UNUSED ExifData *fx_exif_new(ExifByteOrder order)
{
	ExifData *ed = exif_data_new();

	if (!ed)
		return NULL;
	exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
	exif_data_unset_option(ed, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
	exif_data_set_byte_order(ed, order);
	return ed;
}

/* Serialises ed ("Exif\0\0" + TIFF) into b and frees ed. */
static FX_UNUSED void fx_exif_save(struct fx_buf *b, ExifData *ed)
{
	unsigned char *d = NULL;
	unsigned int n = 0;

	if (!ed) {
		b->oom = 1;
		return;
	}
	exif_data_save_data(ed, &d, &n);
	if (!d)
		b->oom = 1;
	else
		fx_put(b, d, n);
	free(d);
	exif_data_unref(ed);
}

/* Gives ed a JPEG thumbnail of w x h. */
static FX_UNUSED void fx_exif_thumbnail(ExifData *ed, int w, int h)
{
	struct fx_buf t = { 0 };

	fx_jpeg_image(&t, w, h);
	if (t.oom)
		return;
	ed->data = t.p; /* libexif frees it with free() through its default allocator */
	ed->size = (unsigned)t.len;
}

#endif
