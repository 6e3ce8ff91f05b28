/* SPDX-License-Identifier: Apache-2.0 */
/* Fixture builders for still images: JPEG (EXIF, XMP, IPTC, MPF, COM, trailers), PNG, WebP, GIF
 * and TIFF. Part of fixtures.h; what each plants is listed in fixtures_set.h. */
#ifndef PL_TEST_FIXTURES_IMAGES_H
#define PL_TEST_FIXTURES_IMAGES_H

#include "fixtures_containers.h"

#define FX_XMP_BEGIN                                                                              \
	"<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"                       \
	"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "                                         \
	"xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
#define FX_XMP_END "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"

static const char fx_xmp_main[] = FX_XMP_BEGIN
	"<rdf:Description rdf:about=\"\"\n"
	" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"\n"
	" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\"\n"
	" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n"
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	" xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\"\n"
	" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
	" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
	" xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\"\n"
	" xmlns:mwg-rs=\"http://www.metadataworkinggroup.com/schemas/regions/\"\n"
	" exif:GPSLatitude=\"51,30.4434N\" exif:GPSLongitude=\"0,7.6502W\"\n"
	" aux:SerialNumber=\"AUX123\" photoshop:City=\"London\" Iptc4xmpCore:Location=\"Scotland Yard\">\n"
	" <photoshop:Country>United Kingdom</photoshop:Country>\n"
	" <dc:creator><rdf:Seq><rdf:li>PC Alice Brown</rdf:li></rdf:Seq></dc:creator>\n"
	" <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Witness Bob</rdf:li></rdf:Bag>"
	"</Iptc4xmpExt:PersonInImage>\n"
	" <Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
	"<Iptc4xmpExt:City>Westminster</Iptc4xmpExt:City></rdf:li></rdf:Bag>"
	"</Iptc4xmpExt:LocationShown>\n"
	" <xmpMM:History><rdf:Seq><rdf:li stEvt:action=\"saved\" stEvt:when=\"2024-05-06T10:00:00\""
	" stEvt:softwareAgent=\"Adobe Photoshop\"/></rdf:Seq></xmpMM:History>\n"
	" <mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>\n"
	"  <rdf:li><rdf:Description mwg-rs:Name=\"John Suspect\" mwg-rs:Type=\"Face\"/></rdf:li>\n"
	"  <rdf:li rdf:parseType=\"Resource\"><mwg-rs:Type>Face</mwg-rs:Type></rdf:li>\n"
	"  <rdf:li><rdf:Description mwg-rs:Name=\"Focus point\" mwg-rs:Type=\"Focus\"/></rdf:li>\n"
	" </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>\n"
	"</rdf:Description>\n" FX_XMP_END;

static const char fx_xmp_mp[] = FX_XMP_BEGIN
	"<rdf:Description rdf:about=\"\" xmlns:MP=\"http://ns.microsoft.com/photo/1.2/\"\n"
	" xmlns:MPRI=\"http://ns.microsoft.com/photo/1.2/t/RegionInfo#\"\n"
	" xmlns:MPReg=\"http://ns.microsoft.com/photo/1.2/t/Region#\"\n"
	" xmlns:xmpNote=\"http://ns.adobe.com/xmp/note/\" xmpNote:HasExtendedXMP=\""
	"0123456789ABCDEF0123456789ABCDEF\">\n"
	" <MP:RegionInfo><rdf:Description><MPRI:Regions><rdf:Bag>\n"
	"  <rdf:li MPReg:PersonDisplayName=\"Jane Roe\" MPReg:Rectangle=\"0.1, 0.1, 0.2, 0.2\"/>\n"
	" </rdf:Bag></MPRI:Regions></rdf:Description></MP:RegionInfo>\n"
	"</rdf:Description>\n" FX_XMP_END;

static const char fx_xmp_ext[] = FX_XMP_BEGIN
	"<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">\n"
	" <photoshop:City>Rotterdam</photoshop:City>\n"
	" <photoshop:History>padding to make the extended packet span two chunks: "
	"0123456789012345678901234567890123456789012345678901234567890123456789</photoshop:History>\n"
	"</rdf:Description>\n" FX_XMP_END;

static FX_UNUSED const char *fx_xmp_city(const char *city)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf),
		 FX_XMP_BEGIN "<rdf:Description rdf:about=\"\" "
			      "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" "
			      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" photoshop:City=\"%s\">"
			      "<dc:creator><rdf:Seq><rdf:li>Sgt Pepper</rdf:li></rdf:Seq></dc:creator>"
			      "</rdf:Description>" FX_XMP_END,
		 city);
	return buf;
}

/* ---- EXIF JPEGs ------------------------------------------------------------------------------- */

/* The main EXIF block: north-west position, people, serials, times, a thumbnail. */
static FX_UNUSED void fx_exif_main(struct fx_buf *b)
{
	ExifData *ed = fx_exif_new(EXIF_BYTE_ORDER_INTEL);
	static const struct fx_gps g = { 'N', 'W', { { 52, 1 }, { 22, 1 }, { 2316, 100 } },
					 { { 4, 1 }, { 53, 1 }, { 4104, 100 } }, { 25, 2 }, 0 };

	if (!ed) {
		b->oom = 1;
		return;
	}
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_MAKE, "PostlintCam");
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_MODEL, "PL-1");
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_ARTIST, "J. Doe");
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_COPYRIGHT, "(c) Test Police");
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_SOFTWARE, "postlint-mkfixtures");
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_IMAGE_DESCRIPTION, "Arrest at Main Street");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, "2024:05:06 14:27:07");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, 0x9011, "+02:00");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa430, "Officer Jane Doe");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa431, "SN-0042-XYZ");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa435, "LN-777");
	fx_exif_undefined(ed, EXIF_IFD_EXIF, EXIF_TAG_USER_COMMENT, "ASCII\0\0\0call 555-0100", 21);
	fx_exif_gps(ed, &g);
	fx_exif_thumbnail(ed, 16, 16);
	fx_exif_save(b, ed);
}

static FX_UNUSED void fx_build_exif_nw(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, ex = { 0 };

	fx_exif_main(&ex);
	fx_segment(&segs, 0xe1, ex.p, ex.len);
	fx_jpeg_with(b, &segs, 32, 24);
	free(ex.p);
	free(segs.p);
}

/* Big-endian EXIF: south-east position below sea level, XPAuthor, a UNICODE UserComment. */
static FX_UNUSED void fx_build_exif_se(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, ex = { 0 };
	ExifData *ed = fx_exif_new(EXIF_BYTE_ORDER_MOTOROLA);
	static const struct fx_gps g = { 'S', 'E', { { 33, 1 }, { 52, 1 }, { 768, 100 } },
					 { { 151, 1 }, { 12, 1 }, { 3348, 100 } }, { 3, 1 }, 1 };
	static const unsigned char xp[] = { 'C', 0, 'o', 0, 'n', 0, 's', 0, 't', 0, 'a', 0, 'b', 0,
					    'l', 0, 'e', 0, ' ', 0, 'S', 0, 'm', 0, 'i', 0, 't', 0,
					    'h', 0, 0, 0 };
	static const unsigned char uc[] = { 'U', 'N', 'I', 'C', 'O', 'D', 'E', 0, 0, 0xdc, 0, 'n',
					    0, 0xef, 0, 'c', 0, 'o', 0, 'd', 0, 'e' };
	ExifEntry *e;

	if (!ed) {
		b->oom = 1;
		return;
	}
	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_MAKE, "PostlintCam");
	e = fx_exif_entry(ed, EXIF_IFD_0, 0x9c9d, EXIF_FORMAT_BYTE, sizeof(xp));
	if (e)
		memcpy(e->data, xp, sizeof(xp));
	fx_exif_undefined(ed, EXIF_IFD_EXIF, EXIF_TAG_USER_COMMENT, uc, sizeof(uc));
	fx_exif_gps(ed, &g);
	fx_exif_save(&ex, ed);
	fx_segment(&segs, 0xe1, ex.p, ex.len);
	fx_jpeg_with(b, &segs, 16, 16);
	free(ex.p);
	free(segs.p);
}

/* ---- XMP JPEGs --------------------------------------------------------------------------------- */

static FX_UNUSED void fx_build_xmp(struct fx_buf *b)
{
	struct fx_buf segs = { 0 };

	fx_segment_sig(&segs, 0xe1, "http://ns.adobe.com/xap/1.0/", 1, fx_xmp_main,
		       strlen(fx_xmp_main));
	fx_jpeg_with(b, &segs, 16, 16);
	free(segs.p);
}

/* Microsoft regions in the main packet; the city in an extended packet split over two chunks. */
static FX_UNUSED void fx_build_xmp_ext(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, chunk = { 0 };
	size_t total = strlen(fx_xmp_ext), half = total / 2, part;
	int i;

	fx_segment_sig(&segs, 0xe1, "http://ns.adobe.com/xap/1.0/", 1, fx_xmp_mp, strlen(fx_xmp_mp));
	for (i = 1; i >= 0; i--) { /* second half first: order must not matter */
		chunk.len = 0;
		fx_str(&chunk, "0123456789ABCDEF0123456789ABCDEF");
		fx_be32(&chunk, (uint32_t)total);
		fx_be32(&chunk, (uint32_t)(i ? half : 0));
		part = i ? total - half : half;
		fx_put(&chunk, fx_xmp_ext + (i ? half : 0), part);
		fx_segment_sig(&segs, 0xe1, "http://ns.adobe.com/xmp/extension/", 1, chunk.p, chunk.len);
	}
	fx_jpeg_with(b, &segs, 16, 16);
	free(chunk.p);
	free(segs.p);
}

/* ---- IPTC in Photoshop APP13, whole or split over two segments ------------------------------ */

static FX_UNUSED void fx_build_iptc(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, iptc = { 0 }, irb = { 0 }, thumb = { 0 }, t = { 0 };

	fx_iptc(&iptc, 1, 90, "\x1b%G");
	fx_iptc(&iptc, 2, 90, "Utrecht");
	fx_iptc(&iptc, 2, 92, "Domplein");
	fx_iptc(&iptc, 2, 95, "Utrecht Province");
	fx_iptc(&iptc, 2, 101, "Netherlands");
	fx_iptc(&iptc, 2, 80, "Agent K");
	fx_iptc(&iptc, 2, 118, "+31 6 12345678");
	fx_iptc(&iptc, 2, 25, "arrest");
	fx_iptc(&iptc, 2, 25, "drugs");
	fx_irb(&irb, 0x0404, iptc.p, iptc.len);
	fx_jpeg_image(&t, 8, 8);
	fx_be32(&thumb, 1);
	fx_zeros(&thumb, 24);
	fx_put(&thumb, t.p, t.len);
	fx_irb(&irb, 0x040c, thumb.p, thumb.len);
	fx_segment_sig(&segs, 0xed, "Photoshop 3.0", 1, irb.p, irb.len);
	fx_jpeg_with(b, &segs, 16, 16);
	free(segs.p);
	free(iptc.p);
	free(irb.p);
	free(thumb.p);
	free(t.p);
}

static FX_UNUSED void fx_build_iptc_split(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, iptc = { 0 }, irb = { 0 };
	size_t cut;

	fx_iptc(&iptc, 2, 80, "Split Byline");
	fx_iptc(&iptc, 2, 90, "Split City");
	fx_irb(&irb, 0x0404, iptc.p, iptc.len);
	cut = irb.len / 2;
	fx_segment_sig(&segs, 0xed, "Photoshop 3.0", 1, irb.p, cut);
	fx_segment_sig(&segs, 0xed, "Photoshop 3.0", 1, irb.p + cut, irb.len - cut);
	fx_jpeg_with(b, &segs, 16, 16);
	free(segs.p);
	free(iptc.p);
	free(irb.p);
}

/* ---- COM, trailers, MPF ------------------------------------------------------------------------- */

static FX_UNUSED void fx_build_com_trailer(struct fx_buf *b)
{
	struct fx_buf segs = { 0 };

	fx_segment(&segs, 0xfe, "Taken by unit 12", 16);
	fx_jpeg_with(b, &segs, 16, 16);
	fx_str(b, "SECRET NOTES officer 4711");
	free(segs.p);
}

/* A primary image with an MPF index, then the second image it declares: no trailing data. */
static FX_UNUSED void fx_build_mpf(struct fx_buf *b)
{
	struct fx_buf segs = { 0 }, mpf = { 0 }, second = { 0 };
	unsigned char entries[32] = { 0 };
	struct fx_tag t[3] = {
		{ 0xb000, 7, 4, "0100", 0 },
		{ 0xb001, 4, 1, NULL, 2 },
		{ 0xb002, 7, 32, entries, 0 },
	};
	size_t mpf_hdr, primary;

	fx_jpeg_image(&second, 8, 8);
	fx_put(&mpf, "MPF\0", 4);
	fx_put(&mpf, "II*\0\x08\0\0\0", 8);
	fx_tiff_ifd(&mpf, 4, t, 3, 0, NULL);
	fx_segment(&segs, 0xe2, mpf.p, mpf.len);
	fx_jpeg_with(b, &segs, 16, 16);
	primary = b->len;
	/* the APP2 follows the SOI: 2 (SOI) + 4 (marker, length) + 4 ("MPF\0") */
	mpf_hdr = 2 + 4 + 4;
	fx_set_le32(entries, 0x20030000);      /* primary image */
	fx_set_le32(entries + 4, (uint32_t)primary);
	fx_set_le32(entries + 16, 0x00010001); /* a large thumbnail */
	fx_set_le32(entries + 20, (uint32_t)second.len);
	fx_set_le32(entries + 24, (uint32_t)(primary - mpf_hdr));
	/* the MPEntry value sits after the 3-entry IFD: 8 + 2 + 36 + 4 + 4 ("0100" is inline) */
	memcpy(b->p + mpf_hdr + 8 + 2 + 3 * 12 + 4, entries, 32);
	fx_put(b, second.p, second.len);
	free(second.p);
	free(mpf.p);
	free(segs.p);
}

/* ---- PNG, WebP, GIF, TIFF ------------------------------------------------------------------- */

static FX_UNUSED void fx_build_png(struct fx_buf *b)
{
	struct fx_buf ex = { 0 };

	fx_exif_main(&ex);
	fx_png_start(b);
	if (ex.len > 6)
		fx_png_chunk(b, "eXIf", ex.p + 6, ex.len - 6); /* raw TIFF, no "Exif\0\0" */
	fx_png_text(b, "iTXt", "XML:com.adobe.xmp", fx_xmp_city("Paris"));
	fx_png_text(b, "zTXt", "Author", "Inspector Clouseau");
	fx_png_text(b, "tEXt", "Comment", "seized at the border");
	fx_png_end(b);
	free(ex.p);
}

/* ImageMagick's hex "Raw profile type exif" text chunk. */
static FX_UNUSED void fx_build_png_raw(struct fx_buf *b)
{
	struct fx_buf ex = { 0 }, txt = { 0 };
	ExifData *ed = fx_exif_new(EXIF_BYTE_ORDER_INTEL);
	char line[16];
	size_t i;

	if (ed)
		fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa430, "Raw Profile Owner");
	fx_exif_save(&ex, ed);
	snprintf(line, sizeof(line), "\nexif\n%8zu", ex.len);
	fx_str(&txt, line);
	for (i = 0; i < ex.len; i++) {
		snprintf(line, sizeof(line), "%s%02x", i % 36 ? "" : "\n", ex.p[i]);
		fx_str(&txt, line);
	}
	fx_u8(&txt, '\n');
	fx_u8(&txt, 0);
	fx_png_start(b);
	fx_png_text(b, "zTXt", "Raw profile type exif", (const char *)txt.p);
	fx_png_end(b);
	free(ex.p);
	free(txt.p);
}

static FX_UNUSED void fx_build_webp(struct fx_buf *b)
{
	static const unsigned char vp8l[8] = { 0x2f, 0, 0, 0, 0, 0x88, 0x88, 0x08 };
	static const unsigned char vp8x[10] = { 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct fx_buf ex = { 0 };
	const char *xmp = fx_xmp_city("Amsterdam");

	fx_exif_main(&ex);
	fx_str(b, "RIFF");
	fx_le32(b, 0);
	fx_str(b, "WEBP");
	fx_str(b, "VP8X");
	fx_le32(b, 10);
	fx_put(b, vp8x, 10);
	fx_str(b, "VP8L");
	fx_le32(b, 8);
	fx_put(b, vp8l, 8);
	fx_str(b, "EXIF");
	fx_le32(b, (uint32_t)(ex.len - 6));
	fx_put(b, ex.p + 6, ex.len - 6);
	if ((ex.len - 6) & 1)
		fx_u8(b, 0);
	fx_str(b, "XMP ");
	fx_le32(b, (uint32_t)strlen(xmp));
	fx_str(b, xmp);
	if (strlen(xmp) & 1)
		fx_u8(b, 0);
	fx_patch_le32(b, 4, (uint32_t)(b->len - 8));
	free(ex.p);
}

static FX_UNUSED void fx_build_gif(struct fx_buf *b)
{
	static const unsigned char head[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
					      0, 0, 0, 255, 255, 255 };
	static const unsigned char image[] = { 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0 };
	const char *xmp = fx_xmp_city("Brussels");
	int i;

	fx_put(b, head, sizeof(head));
	fx_put(b, "\x21\xfe\x0aShot at HQ\x00", 14);
	fx_put(b, "\x21\xff\x0bXMP DataXMP", 14);
	fx_str(b, xmp);
	fx_u8(b, 1);
	for (i = 255; i >= 0; i--) /* the "magic trailer" that makes raw XMP walkable as sub-blocks */
		fx_u8(b, (unsigned)i);
	fx_u8(b, 0);
	fx_put(b, image, sizeof(image));
	fx_u8(b, 0x3b);
}

/*
 * A grey TIFF with Make, Artist, a camera serial and a GPS directory. With far set, 70000 bytes
 * of pixels come first and the directories after, past libexif's 64 KiB reach.
 */
static FX_UNUSED void fx_build_tiff(struct fx_buf *b, int far)
{
	unsigned char gps_lat[24], gps_lon[24];
	static const uint32_t lat[6] = { 10, 1, 0, 1, 0, 1 }, lon[6] = { 20, 1, 30, 1, 0, 1 };
	const char *xmp = fx_xmp_city("Gent");
	size_t pixels = far ? 70000 : 64, at[16], gps_dir;
	uint32_t strip = far ? 8 : 0;
	struct fx_tag ifd0[] = {
		{ 0x0100, 4, 1, NULL, far ? 700 : 8 }, { 0x0101, 4, 1, NULL, far ? 100 : 8 },
		{ 0x0102, 3, 1, "\x08\0", 0 },       { 0x0103, 3, 1, "\x01\0", 0 },
		{ 0x0106, 3, 1, "\x01\0", 0 },       { 0x010f, 2, 12, "PostlintCam", 0 },
		{ 0x0111, 4, 1, NULL, strip },        { 0x0116, 4, 1, NULL, far ? 100 : 8 },
		{ 0x0117, 4, 1, NULL, (uint32_t)pixels },
		{ 0x013b, 2, 11, far ? "Far Artist" : "Tif Artist", 0 },
		{ 0x02bc, 1, (uint32_t)strlen(xmp), xmp, 0 },
		{ 0x8825, 4, 1, NULL, 0 },           { 0xc62f, 2, 9, "FAR-SN-1", 0 },
	};
	struct fx_tag gps[] = {
		{ 1, 2, 2, "N", 0 }, { 2, 5, 3, gps_lat, 0 }, { 3, 2, 2, "E", 0 }, { 4, 5, 3, gps_lon, 0 },
	};

	fx_le_rationals(gps_lat, lat, 3);
	fx_le_rationals(gps_lon, lon, 3);
	fx_put(b, "II*\0", 4);
	fx_le32(b, 0);
	if (far)
		fx_zeros(b, pixels);
	fx_patch_le32(b, 4, (uint32_t)b->len);
	fx_tiff_ifd(b, 0, ifd0, sizeof(ifd0) / sizeof(ifd0[0]), 0, at);
	gps_dir = fx_tiff_ifd(b, 0, gps, 4, 0, NULL);
	fx_patch_le32(b, at[11], (uint32_t)gps_dir);
	if (!far) {
		fx_patch_le32(b, at[6], (uint32_t)b->len);
		fx_zeros(b, pixels);
	}
}

static FX_UNUSED void fx_build_tiff_near(struct fx_buf *b)
{
	fx_build_tiff(b, 0);
}

static FX_UNUSED void fx_build_tiff_far(struct fx_buf *b)
{
	fx_build_tiff(b, 1);
}

#endif
