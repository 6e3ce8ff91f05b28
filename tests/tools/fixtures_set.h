/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fixture set: malformed-file builders, the table of every fixture (name, builder, fuzz
 * corpus, what it plants) and the expectations the unit tests check. Include this one header.
 */
#ifndef PL_TEST_FIXTURES_SET_H
#define PL_TEST_FIXTURES_SET_H

#include "fixtures_bmff.h"

/* ---- malformed files ---------------------------------------------------------------------- */

static FX_UNUSED void fx_build_zero(struct fx_buf *b)
{
	(void)b;
}

static FX_UNUSED void fx_build_truncated(struct fx_buf *b)
{
	fx_build_exif_nw(b);
	if (b->len > 300)
		b->len = 300;
}

static FX_UNUSED void fx_build_badlen(struct fx_buf *b)
{
	fx_put(b, "\xff\xd8\xff\xe1\xff\xff" "Exif\0\0II*\0", 16);
	fx_zeros(b, 16);
}

/* IFD0 whose next-IFD link and Exif IFD pointer both point back at itself. */
static FX_UNUSED void fx_build_ifdloop(struct fx_buf *b)
{
	struct fx_buf t = { 0 }, segs = { 0 };
	struct fx_tag ifd0[] = { { 0x010f, 2, 5, "Loop", 0 }, { 0x8769, 4, 1, NULL, 8 } };

	fx_put(&t, "Exif\0\0II*\0\x08\0\0\0", 14);
	fx_tiff_ifd(&t, 6, ifd0, 2, 8, NULL);
	fx_segment(&segs, 0xe1, t.p, t.len);
	fx_jpeg_with(b, &segs, 8, 8);
	free(t.p);
	free(segs.p);
}

static FX_UNUSED void fx_build_badexif(struct fx_buf *b)
{
	struct fx_buf segs = { 0 };

	fx_segment(&segs, 0xe1, "Exif\0\0XXXX garbage here", 23);
	fx_jpeg_with(b, &segs, 8, 8);
	free(segs.p);
}

/* moov of size 0 (to the end), holding a udta with a box of 64-bit size 4: smaller than its header. */
static FX_UNUSED void fx_build_badbox(struct fx_buf *b)
{
	size_t udta;

	fx_ftyp(b, "isom", "isom");
	fx_be32(b, 0);
	fx_str(b, "moov");
	fx_mvhd(b);
	udta = fx_box_begin(b, "udta");
	fx_be32(b, 1);
	fx_str(b, "\xa9xyz");
	fx_be32(b, 0);
	fx_be32(b, 4);
	fx_zeros(b, 8);
	fx_box_end(b, udta);
}

static FX_UNUSED void fx_build_hugebox(struct fx_buf *b)
{
	fx_ftyp(b, "isom", "isom");
	fx_be32(b, 0x7fffffff);
	fx_str(b, "free");
	fx_zeros(b, 32);
}

static FX_UNUSED void fx_build_badpng(struct fx_buf *b)
{
	fx_png_start(b);
	fx_be32(b, 0x7ffffff0);
	fx_str(b, "tEXtComment");
	fx_zeros(b, 8);
}

static FX_UNUSED void fx_build_badwebp(struct fx_buf *b)
{
	fx_str(b, "RIFF");
	fx_le32(b, 40);
	fx_str(b, "WEBPEXIF");
	fx_le32(b, 0x7ffffff0);
	fx_zeros(b, 28);
}

static FX_UNUSED void fx_xmp_jpeg(struct fx_buf *b, const char *xmp)
{
	struct fx_buf segs = { 0 };

	fx_segment_sig(&segs, 0xe1, "http://ns.adobe.com/xap/1.0/", 1, xmp, strlen(xmp));
	fx_jpeg_with(b, &segs, 8, 8);
	free(segs.p);
}

static FX_UNUSED void fx_build_doctype(struct fx_buf *b)
{
	fx_xmp_jpeg(b, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
		       "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
		       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&lol2;</x:xmpmeta>");
}

/* 60 nested elements inside a description whose city is still read. */
static FX_UNUSED void fx_build_deep(struct fx_buf *b)
{
	struct fx_buf x = { 0 };
	int i;

	fx_str(&x, FX_XMP_BEGIN "<rdf:Description rdf:about=\"\" "
			       "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" "
			       "xmlns:n=\"urn:nest\" photoshop:City=\"Deep City\">");
	for (i = 0; i < 60; i++)
		fx_str(&x, "<n:a>");
	for (i = 0; i < 60; i++)
		fx_str(&x, "</n:a>");
	fx_str(&x, "</rdf:Description>" FX_XMP_END);
	fx_u8(&x, 0);
	fx_xmp_jpeg(b, (const char *)x.p);
	free(x.p);
}

static FX_UNUSED void fx_build_badiptc(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, iptc = { 0 }, irb = { 0 };

	fx_iptc(&iptc, 2, 80, "Good Byline");
	fx_put(&iptc, "\x1c\x02\x5a\x70\x00" "short", 10);
	fx_irb(&irb, 0x0404, iptc.p, iptc.len);
	fx_put(&irb, "8BIM\x04\x04\0\0\x7f\0\0\0", 12); /* a second resource, far too long */
	fx_segment_sig(&segs, 0xed, "Photoshop 3.0", 1, irb.p, irb.len);
	fx_jpeg_with(b, &segs, 8, 8);
	free(segs.p);
	free(iptc.p);
	free(irb.p);
}

static FX_UNUSED void fx_build_badmpf(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, mpf = { 0 };
	unsigned char entries[32] = { 0 };
	struct fx_tag t[2] = { { 0xb000, 7, 4, "0100", 0 }, { 0xb002, 7, 32, entries, 0 } };

	fx_set_le32(entries + 16, 0x00010001);
	fx_set_le32(entries + 20, 5000);
	fx_set_le32(entries + 24, 0x7fff0000);
	fx_put(&mpf, "MPF\0II*\0\x08\0\0\0", 12);
	fx_tiff_ifd(&mpf, 4, t, 2, 0, NULL);
	fx_segment(&segs, 0xe2, mpf.p, mpf.len);
	fx_jpeg_with(b, &segs, 8, 8);
	free(segs.p);
	free(mpf.p);
}

static FX_UNUSED void fx_build_badgif(struct fx_buf *b)
{
	static const char gif[] = "GIF89a\x01\0\x01\0\0\0\0\x21\xfe\x20only part";

	fx_put(b, gif, sizeof(gif) - 1);
}

static FX_UNUSED void fx_build_text(struct fx_buf *b)
{
	fx_str(b, "hello, world\n");
}

/* ---- the table ---------------------------------------------------------------------------- */

struct fx_fixture {
	const char *name;
	void (*build)(struct fx_buf *);
	const char *fuzz;   /* seed corpus it belongs to (fuzz_meta_<fuzz>), NULL for none */
	const char *plants; /* one line: what it holds */
};

static const struct fx_fixture fx_fixtures[] = {
	{ "exif-nw.jpg", fx_build_exif_nw, "jpeg",
	  "EXIF (II): GPS N/W with altitude and time, make, model, serials, owner, artist, "
	  "copyright, software, description, user comment, times, thumbnail" },
	{ "exif-se.jpg", fx_build_exif_se, "jpeg",
	  "EXIF (MM): GPS S/E below sea level, XPAuthor, UNICODE UserComment" },
	{ "xmp.jpg", fx_build_xmp, "jpeg",
	  "XMP: GPS, photoshop city/country, IPTC location and LocationShown, creator, person in "
	  "image, history, MWG face regions (one named), aux serial" },
	{ "xmp-ext.jpg", fx_build_xmp_ext, "jpeg",
	  "XMP with Microsoft person region, extended XMP in two chunks (out of order) with a city" },
	{ "iptc.jpg", fx_build_iptc, "jpeg",
	  "Photoshop APP13: IPTC city, sub-location, state, country, by-line, contact, keywords; "
	  "Photoshop thumbnail" },
	{ "iptc-split.jpg", fx_build_iptc_split, "jpeg",
	  "IPTC inside a Photoshop resource split over two APP13 segments" },
	{ "com-trailer.jpg", fx_build_com_trailer, "jpeg", "JPEG COM and text after the EOI" },
	{ "mpf.jpg", fx_build_mpf, "jpeg", "MPF index and its second image after the first EOI" },
	{ "motion.jpg", fx_build_motion, "jpeg", "a JPEG followed by an MP4 with (c)xyz" },
	{ "exif.png", fx_build_png, "png",
	  "PNG eXIf (the EXIF of exif-nw.jpg), iTXt XMP city and creator, zTXt Author, tEXt Comment" },
	{ "raw-profile.png", fx_build_png_raw, "png",
	  "PNG zTXt 'Raw profile type exif' (hex) with CameraOwnerName" },
	{ "exif.webp", fx_build_webp, "webp",
	  "WebP VP8X + VP8L with EXIF chunk (exif-nw.jpg's) and XMP chunk (city, creator)" },
	{ "comment.gif", fx_build_gif, "gif", "GIF comment extension and XMP application extension" },
	{ "exif.tiff", fx_build_tiff_near, "tiff",
	  "TIFF: make, artist, camera serial, GPS IFD, XMP tag" },
	{ "far.tiff", fx_build_tiff_far, NULL,
	  "TIFF with 70000 bytes of pixels before its directories (past libexif's 64 KiB)" },
	{ "xyz.mp4", fx_build_mp4_xyz, "bmff", "MP4 moov/udta/(c)xyz ISO 6709 location" },
	{ "keys.mov", fx_build_mov_keys, "bmff",
	  "QuickTime moov/meta keys+ilst: location.ISO6709, make, model" },
	{ "loci.3gp", fx_build_3gp_loci, "bmff", "3GPP moov/udta/loci: name and 16.16 coordinates" },
	{ "late-moov.mp4", fx_build_mp4_late, NULL,
	  "MP4 with a 2 MiB 64-bit-size mdat before the moov holding (c)xyz" },
	{ "exif.heic", fx_build_heic, "bmff",
	  "HEIC: Exif item (GPS, serial, owner) and XMP mime item via iinf/iloc v1" },
	{ "idat.heic", fx_build_heic_idat, "bmff", "HEIC with the Exif item in idat (method 1)" },
	{ "iloc0.heic", fx_build_heic_v0, "bmff", "HEIC with iloc version 0" },
	{ "iloc2.avif", fx_build_avif_v2, "bmff", "AVIF with iloc version 2 and infe version 3" },
	{ "bad-extent.heic", fx_build_heic_badloc, "bmff", "malformed: Exif extent past end of file" },
	{ "zero.jpg", fx_build_zero, NULL, "malformed: zero bytes" },
	{ "truncated.jpg", fx_build_truncated, "jpeg", "malformed: exif-nw.jpg cut inside APP1" },
	{ "badlen.jpg", fx_build_badlen, "jpeg", "malformed: APP1 declaring 65535 bytes" },
	{ "ifd-loop.jpg", fx_build_ifdloop, "jpeg", "malformed: IFD0 linking and pointing to itself" },
	{ "bad-exif.jpg", fx_build_badexif, "jpeg", "malformed: APP1 Exif without a TIFF header" },
	{ "bad-box.mp4", fx_build_badbox, "bmff",
	  "malformed: moov of size 0, a box of 64-bit size 4" },
	{ "huge-box.mp4", fx_build_hugebox, "bmff", "malformed: box declaring 2 GiB" },
	{ "bad-chunk.png", fx_build_badpng, "png", "malformed: chunk declaring 2 GiB" },
	{ "bad-chunk.webp", fx_build_badwebp, "webp", "malformed: EXIF chunk declaring 2 GiB" },
	{ "doctype.jpg", fx_build_doctype, "jpeg", "malformed: XMP with a DTD and entities" },
	{ "deep.jpg", fx_build_deep, "jpeg", "malformed: XMP nested 60 deep, city at the top" },
	{ "bad-iptc.jpg", fx_build_badiptc, "jpeg",
	  "malformed: IPTC dataset and Photoshop resource past their blocks" },
	{ "bad-mpf.jpg", fx_build_badmpf, "jpeg", "malformed: MPF image past end of file" },
	{ "bad.gif", fx_build_badgif, "gif", "malformed: GIF cut inside a comment" },
	{ "not-media.txt", fx_build_text, NULL, "not a media file" },
};

/*
 * What the reader must find. field is a canonical name, or "problem" (a problem message contains
 * value), "status" (meta_read returns PL_ERR_INPUT when value is "input"), or "!name" (no field
 * name has value; value "" for none at all). Values: text as is, numbers "%.10g", positions
 * "%.7f,%.7f", embedded data its kind.
 */
struct fx_expect {
	const char *file, *field, *value;
};

static const struct fx_expect fx_expects[] = {
	{ "exif-nw.jpg", "gps.position", "52.3731000,-4.8947333" },
	{ "exif-nw.jpg", "gps.altitude", "12.5" },
	{ "exif-nw.jpg", "gps.timestamp", "2024:05:06 14:27:07Z" },
	{ "exif-nw.jpg", "camera.make", "PostlintCam" },
	{ "exif-nw.jpg", "camera.model", "PL-1" },
	{ "exif-nw.jpg", "camera.serial", "SN-0042-XYZ" },
	{ "exif-nw.jpg", "lens.serial", "LN-777" },
	{ "exif-nw.jpg", "owner.name", "Officer Jane Doe" },
	{ "exif-nw.jpg", "creator.name", "J. Doe" },
	{ "exif-nw.jpg", "copyright", "(c) Test Police" },
	{ "exif-nw.jpg", "software", "postlint-mkfixtures" },
	{ "exif-nw.jpg", "description", "Arrest at Main Street" },
	{ "exif-nw.jpg", "description", "call 555-0100" },
	{ "exif-nw.jpg", "datetime.original", "2024:05:06 14:27:07" },
	{ "exif-nw.jpg", "datetime.timezone", "+02:00" },
	{ "exif-nw.jpg", "thumbnail.present", "jpeg" },
	{ "exif-nw.jpg", "!trailing.data", "" },
	{ "exif-se.jpg", "gps.position", "-33.8688000,151.2093000" },
	{ "exif-se.jpg", "gps.altitude", "-3" },
	{ "exif-se.jpg", "creator.name", "Constable Smith" },
	{ "exif-se.jpg", "description", "\xc3\x9cn\xc3\xaf" "code" },
	{ "exif-se.jpg", "!thumbnail.present", "" },
	{ "xmp.jpg", "gps.position", "51.5073900,-0.1275033" },
	{ "xmp.jpg", "location.text", "London" },
	{ "xmp.jpg", "location.text", "United Kingdom" },
	{ "xmp.jpg", "location.text", "Scotland Yard" },
	{ "xmp.jpg", "location.text", "Westminster" },
	{ "xmp.jpg", "creator.name", "PC Alice Brown" },
	{ "xmp.jpg", "people.named", "Witness Bob" },
	{ "xmp.jpg", "face_regions.named", "John Suspect" },
	{ "xmp.jpg", "!face_regions.named", "Focus point" },
	{ "xmp.jpg", "face_regions.count", "2" },
	{ "xmp.jpg", "document.history", "saved 2024-05-06T10:00:00 Adobe Photoshop" },
	{ "xmp.jpg", "camera.serial", "AUX123" },
	{ "xmp-ext.jpg", "face_regions.named", "Jane Roe" },
	{ "xmp-ext.jpg", "face_regions.count", "1" },
	{ "xmp-ext.jpg", "location.text", "Rotterdam" },
	{ "iptc.jpg", "location.text", "Utrecht" },
	{ "iptc.jpg", "location.text", "Domplein" },
	{ "iptc.jpg", "location.text", "Utrecht Province" },
	{ "iptc.jpg", "location.text", "Netherlands" },
	{ "iptc.jpg", "creator.name", "Agent K" },
	{ "iptc.jpg", "contact", "+31 6 12345678" },
	{ "iptc.jpg", "keywords", "arrest" },
	{ "iptc.jpg", "keywords", "drugs" },
	{ "iptc.jpg", "preview.present", "jpeg" },
	{ "iptc-split.jpg", "location.text", "Split City" },
	{ "iptc-split.jpg", "creator.name", "Split Byline" },
	{ "com-trailer.jpg", "comment", "Taken by unit 12" },
	{ "com-trailer.jpg", "trailing.data", "unknown" },
	{ "mpf.jpg", "preview.present", "jpeg" },
	{ "mpf.jpg", "!trailing.data", "" },
	{ "motion.jpg", "trailing.data", "mp4" },
	{ "motion.jpg", "video.location", "48.8584000,2.2945000" },
	{ "exif.png", "gps.position", "52.3731000,-4.8947333" },
	{ "exif.png", "owner.name", "Officer Jane Doe" },
	{ "exif.png", "location.text", "Paris" },
	{ "exif.png", "creator.name", "Sgt Pepper" },
	{ "exif.png", "creator.name", "Inspector Clouseau" },
	{ "exif.png", "comment", "seized at the border" },
	{ "raw-profile.png", "owner.name", "Raw Profile Owner" },
	{ "exif.webp", "gps.position", "52.3731000,-4.8947333" },
	{ "exif.webp", "camera.serial", "SN-0042-XYZ" },
	{ "exif.webp", "location.text", "Amsterdam" },
	{ "comment.gif", "comment", "Shot at HQ" },
	{ "comment.gif", "location.text", "Brussels" },
	{ "exif.tiff", "creator.name", "Tif Artist" },
	{ "exif.tiff", "camera.serial", "FAR-SN-1" },
	{ "exif.tiff", "camera.make", "PostlintCam" },
	{ "exif.tiff", "gps.position", "10.0000000,20.5000000" },
	{ "exif.tiff", "location.text", "Gent" },
	{ "far.tiff", "creator.name", "Far Artist" },
	{ "far.tiff", "camera.serial", "FAR-SN-1" },
	{ "far.tiff", "gps.position", "10.0000000,20.5000000" },
	{ "far.tiff", "location.text", "Gent" },
	{ "xyz.mp4", "video.location", "48.8584000,2.2945000" },
	{ "keys.mov", "video.location", "37.3349000,-122.0090000" },
	{ "keys.mov", "camera.make", "Apple" },
	{ "keys.mov", "camera.model", "iPhone 15" },
	{ "loci.3gp", "video.location", "52.3750000,4.9062500" },
	{ "loci.3gp", "location.text", "Central Station" },
	{ "late-moov.mp4", "video.location", "-22.9519000,-43.2105000" },
	{ "exif.heic", "gps.position", "45.7500000,4.8500000" },
	{ "exif.heic", "camera.serial", "HEIC-SERIAL-9" },
	{ "exif.heic", "owner.name", "Heif Owner" },
	{ "exif.heic", "location.text", "Lyon" },
	{ "idat.heic", "owner.name", "Heif Owner" },
	{ "idat.heic", "location.text", "Lyon" },
	{ "iloc0.heic", "gps.position", "45.7500000,4.8500000" },
	{ "iloc2.avif", "gps.position", "45.7500000,4.8500000" },
	{ "iloc2.avif", "location.text", "Lyon" },
	{ "bad-extent.heic", "problem", "extents past end of file" },
	{ "bad-extent.heic", "location.text", "Lyon" },
	{ "bad-extent.heic", "!gps.position", "" },
	{ "zero.jpg", "status", "input" },
	{ "truncated.jpg", "problem", "past end of file" },
	{ "badlen.jpg", "problem", "at offset 2: declared length 65535 past end of file" },
	{ "ifd-loop.jpg", "camera.make", "Loop" },
	{ "bad-exif.jpg", "problem", "no TIFF header" },
	{ "bad-box.mp4", "problem", "box '\xa9xyz' declared length 4" },
	{ "huge-box.mp4", "problem", "box 'free' declared length 2147483647 past end of file" },
	{ "bad-chunk.png", "problem", "PNG chunk declared length 2147483632 past end of file" },
	{ "bad-chunk.webp", "problem", "WebP chunk declared length 2147483632" },
	{ "doctype.jpg", "problem", "document type declaration" },
	{ "deep.jpg", "problem", "nested deeper than" },
	{ "deep.jpg", "location.text", "Deep City" },
	{ "bad-iptc.jpg", "creator.name", "Good Byline" },
	{ "bad-iptc.jpg", "problem", "IPTC dataset 2:90 declared length 28672 past end of block" },
	{ "bad-iptc.jpg", "problem", "Photoshop resource 0x0404 declared length" },
	{ "bad-mpf.jpg", "problem", "MPF image 2" },
	{ "bad-mpf.jpg", "!preview.present", "" },
	{ "bad.gif", "problem", "GIF" },
	{ "not-media.txt", "status", "input" },
};

static FX_UNUSED const struct fx_fixture *fx_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fx_fixtures) / sizeof(fx_fixtures[0]); i++)
		if (strcmp(fx_fixtures[i].name, name) == 0)
			return &fx_fixtures[i];
	return NULL;
}

#endif
