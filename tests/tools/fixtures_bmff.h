/* SPDX-License-Identifier: Apache-2.0 */
/* Fixture builders for ISO-BMFF: MP4/MOV/3GP with each location atom, a late moov, a motion
 * photo, and HEIF images with Exif/XMP items (iloc versions 0-2, file and idat storage). */
#ifndef PL_TEST_FIXTURES_BMFF_H
#define PL_TEST_FIXTURES_BMFF_H

#include "fixtures_images.h"

static FX_UNUSED void fx_mdat(struct fx_buf *b, size_t n)
{
	size_t at = fx_box_begin(b, "mdat");

	fx_zeros(b, n);
	fx_box_end(b, at);
}

/* MP4 with moov/udta/(c)xyz. */
static FX_UNUSED void fx_build_mp4_xyz(struct fx_buf *b)
{
	size_t moov, udta;

	fx_ftyp(b, "isom", "isommp42");
	moov = fx_box_begin(b, "moov");
	fx_mvhd(b);
	udta = fx_box_begin(b, "udta");
	fx_qt_xyz(b, "+48.8584+002.2945/");
	fx_box_end(b, udta);
	fx_box_end(b, moov);
	fx_mdat(b, 64);
}

/* One ilst item: its type is the 1-based key index, holding a UTF-8 'data' box. */
static FX_UNUSED void fx_ilst_item(struct fx_buf *b, uint32_t key, const char *v)
{
	size_t item, data;

	item = b->len;
	fx_be32(b, 0);
	fx_be32(b, key);
	data = fx_box_begin(b, "data");
	fx_be32(b, 1);
	fx_be32(b, 0);
	fx_str(b, v);
	fx_box_end(b, data);
	fx_box_end(b, item);
}

static FX_UNUSED void fx_mdta_key(struct fx_buf *b, const char *key)
{
	fx_be32(b, (uint32_t)(8 + strlen(key)));
	fx_str(b, "mdta");
	fx_str(b, key);
}

/* QuickTime movie with moov/meta keys + ilst (Apple's location and device keys). */
static FX_UNUSED void fx_build_mov_keys(struct fx_buf *b)
{
	size_t moov, meta, keys, ilst;

	fx_ftyp(b, "qt  ", "qt  ");
	moov = fx_box_begin(b, "moov");
	fx_mvhd(b);
	meta = fx_box_begin(b, "meta");
	fx_hdlr(b, "mdta");
	keys = fx_fullbox_begin(b, "keys", 0);
	fx_be32(b, 3);
	fx_mdta_key(b, "com.apple.quicktime.make");
	fx_mdta_key(b, "com.apple.quicktime.location.ISO6709");
	fx_mdta_key(b, "com.apple.quicktime.model");
	fx_box_end(b, keys);
	ilst = fx_box_begin(b, "ilst");
	fx_ilst_item(b, 2, "+37.3349-122.0090+010.000/");
	fx_ilst_item(b, 1, "Apple");
	fx_ilst_item(b, 3, "iPhone 15");
	fx_box_end(b, ilst);
	fx_box_end(b, meta);
	fx_box_end(b, moov);
	fx_mdat(b, 64);
}

/* 3GPP file with moov/udta/loci: 16.16 fixed-point longitude, latitude, altitude. */
static FX_UNUSED void fx_build_3gp_loci(struct fx_buf *b)
{
	size_t moov, udta, loci;

	fx_ftyp(b, "3gp6", "3gp6isom");
	moov = fx_box_begin(b, "moov");
	fx_mvhd(b);
	udta = fx_box_begin(b, "udta");
	loci = fx_fullbox_begin(b, "loci", 0);
	fx_be16(b, 0x15c7);
	fx_put(b, "Central Station", 16);
	fx_u8(b, 0);
	fx_be32(b, (uint32_t)(int32_t)(4.90625 * 65536));
	fx_be32(b, (uint32_t)(int32_t)(52.375 * 65536));
	fx_be32(b, 0);
	fx_put(b, "earth", 6);
	fx_u8(b, 0);
	fx_box_end(b, loci);
	fx_box_end(b, udta);
	fx_box_end(b, moov);
	fx_mdat(b, 64);
}

/* A 64-bit-sized mdat of 2 MiB first, the moov after it. */
static FX_UNUSED void fx_build_mp4_late(struct fx_buf *b)
{
	size_t moov, udta, n = 2u << 20;

	fx_ftyp(b, "mp42", "mp42isom");
	fx_be32(b, 1);
	fx_str(b, "mdat");
	fx_be32(b, 0);
	fx_be32(b, (uint32_t)(16 + n));
	fx_zeros(b, n);
	moov = fx_box_begin(b, "moov");
	fx_mvhd(b);
	udta = fx_box_begin(b, "udta");
	fx_qt_xyz(b, "-22.9519-043.2105/");
	fx_box_end(b, udta);
	fx_box_end(b, moov);
}

/* A JPEG followed by a short MP4 (a "motion photo"): the movie's location counts too. */
static FX_UNUSED void fx_build_motion(struct fx_buf *b)
{
	struct fx_buf segs = { 0 };

	fx_segment(&segs, 0xfe, "motion", 6);
	fx_jpeg_with(b, &segs, 16, 16);
	fx_build_mp4_xyz(b);
	free(segs.p);
}

/* ---- HEIF ---------------------------------------------------------------------------------- */

struct fx_heif {
	int iloc_version;  /* 0, 1 or 2 */
	int exif_in_idat;  /* construction method 1 */
	int bad_extent;    /* the Exif extent points past the end of the file */
	const char *brand; /* "heic", "avif" */
};

/* Exif item payload: the 4-byte offset to the TIFF header, "Exif\0\0", the TIFF. */
static FX_UNUSED void fx_heif_exif_item(struct fx_buf *b)
{
	struct fx_buf ex = { 0 };
	ExifData *ed = fx_exif_new(EXIF_BYTE_ORDER_MOTOROLA);
	static const struct fx_gps g = { 'N', 'E', { { 45, 1 }, { 45, 1 }, { 0, 1 } },
					 { { 4, 1 }, { 51, 1 }, { 0, 1 } }, { 170, 1 }, 0 };

	if (ed) {
		fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_MAKE, "Apple");
		fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa431, "HEIC-SERIAL-9");
		fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa430, "Heif Owner");
		fx_exif_gps(ed, &g);
	}
	fx_exif_save(&ex, ed);
	fx_be32(b, 6);
	fx_put(b, ex.p, ex.len);
	free(ex.p);
}

static FX_UNUSED void fx_infe(struct fx_buf *b, int version, uint32_t id, const char *type,
			      const char *content_type)
{
	size_t at = fx_fullbox_begin(b, "infe", (unsigned)version);

	if (version == 2)
		fx_be16(b, id);
	else
		fx_be32(b, id);
	fx_be16(b, 0);
	fx_str(b, type);
	fx_u8(b, 0);
	if (content_type)
		fx_put(b, content_type, strlen(content_type) + 1);
	fx_box_end(b, at);
}

/* One iloc entry with one extent; returns where its extent offset is, to patch. */
static FX_UNUSED size_t fx_iloc_item(struct fx_buf *b, int v, uint32_t id, int method, uint32_t len)
{
	size_t at;

	if (v == 2)
		fx_be32(b, id);
	else
		fx_be16(b, id);
	if (v >= 1)
		fx_be16(b, (unsigned)method);
	fx_be16(b, 0); /* data reference */
	fx_be16(b, 1); /* one extent, no base offset, no index */
	at = b->len;
	fx_be32(b, 0);
	fx_be32(b, len);
	return at;
}

static FX_UNUSED void fx_build_heif(struct fx_buf *b, const struct fx_heif *h)
{
	struct fx_buf exif = { 0 };
	const char *xmp = fx_xmp_city("Lyon");
	size_t meta, pitm, iinf, iloc, idat, at_img, at_exif, at_xmp, mdat;
	int v = h->iloc_version, infe_v = v == 2 ? 3 : 2;

	fx_heif_exif_item(&exif);
	fx_ftyp(b, h->brand, strcmp(h->brand, "avif") == 0 ? "mif1avif" : "mif1heic");
	meta = fx_fullbox_begin(b, "meta", 0);
	fx_hdlr(b, "pict");
	pitm = fx_fullbox_begin(b, "pitm", 0);
	fx_be16(b, 1);
	fx_box_end(b, pitm);
	iinf = fx_fullbox_begin(b, "iinf", 0);
	fx_be16(b, 3);
	fx_infe(b, infe_v, 1, h->brand[0] == 'a' ? "av01" : "hvc1", NULL);
	fx_infe(b, infe_v, 2, "Exif", NULL);
	fx_infe(b, infe_v, 3, "mime", "application/rdf+xml");
	fx_box_end(b, iinf);
	iloc = fx_fullbox_begin(b, "iloc", (unsigned)v);
	fx_u8(b, 0x44); /* 4-byte offsets and lengths */
	fx_u8(b, 0x00); /* no base offset, no index */
	if (v == 2)
		fx_be32(b, 3);
	else
		fx_be16(b, 3);
	at_img = fx_iloc_item(b, v, 1, 0, 16);
	at_exif = fx_iloc_item(b, v, 2, h->exif_in_idat ? 1 : 0, (uint32_t)exif.len);
	at_xmp = fx_iloc_item(b, v, 3, 0, (uint32_t)strlen(xmp));
	fx_box_end(b, iloc);
	if (h->exif_in_idat) {
		idat = fx_box_begin(b, "idat");
		fx_put(b, exif.p, exif.len);
		fx_box_end(b, idat);
	}
	fx_box_end(b, meta);
	mdat = fx_box_begin(b, "mdat");
	fx_patch_be32(b, at_img, (uint32_t)b->len);
	fx_zeros(b, 16);
	if (!h->exif_in_idat) {
		fx_patch_be32(b, at_exif, h->bad_extent ? 0x7fff0000u : (uint32_t)b->len);
		fx_put(b, exif.p, exif.len);
	}
	fx_patch_be32(b, at_xmp, (uint32_t)b->len);
	fx_str(b, xmp);
	fx_box_end(b, mdat);
	free(exif.p);
}

static FX_UNUSED void fx_build_heic(struct fx_buf *b)
{
	static const struct fx_heif h = { 1, 0, 0, "heic" };

	fx_build_heif(b, &h);
}

static FX_UNUSED void fx_build_heic_idat(struct fx_buf *b)
{
	static const struct fx_heif h = { 1, 1, 0, "heic" };

	fx_build_heif(b, &h);
}

static FX_UNUSED void fx_build_heic_v0(struct fx_buf *b)
{
	static const struct fx_heif h = { 0, 0, 0, "heic" };

	fx_build_heif(b, &h);
}

static FX_UNUSED void fx_build_avif_v2(struct fx_buf *b)
{
	static const struct fx_heif h = { 2, 0, 0, "avif" };

	fx_build_heif(b, &h);
}

static FX_UNUSED void fx_build_heic_badloc(struct fx_buf *b)
{
	static const struct fx_heif h = { 1, 0, 1, "heic" };

	fx_build_heif(b, &h);
}

#endif
