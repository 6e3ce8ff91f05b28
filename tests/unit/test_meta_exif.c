/* SPDX-License-Identifier: Apache-2.0 */
/* EXIF through libexif: GPS notations (a row each: rationals, refs, formats) and text tags,
 * built with libexif and read back by meta_exif_read(). */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "meta_int.h"

#include "../tools/fixtures_set.h"

#include "banned.h"

static const struct gps_row {
	ExifByteOrder order;
	ExifFormat format;     /* RATIONAL or SRATIONAL */
	const char *lat_ref, *lon_ref;
	unsigned n;            /* components per coordinate */
	uint32_t lat[6], lon[6];
	const char *want;      /* position, "problem", or "" for none */
} gps_rows[] = {
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_RATIONAL, "N", "E", 3,
	  { 43, 1, 28, 1, 281, 100 }, { 11, 1, 52, 1, 3048, 100 }, "43.4674472,11.8751333" },
	{ EXIF_BYTE_ORDER_MOTOROLA, EXIF_FORMAT_RATIONAL, "s", "w", 3,
	  { 43, 1, 28, 1, 281, 100 }, { 11, 1, 52, 1, 3048, 100 }, "-43.4674472,-11.8751333" },
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_SRATIONAL, "N", "W", 3,
	  { 60, 1, 8, 1, 4814, 100 }, { 24, 1, 54, 1, 2438, 100 }, "60.1467056,-24.9067722" },
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_RATIONAL, "N", "E", 1,
	  { 52375, 1000 }, { 4900, 1000 }, "52.3750000,4.9000000" },
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_RATIONAL, "N", "E", 3,
	  { 52, 1, 0, 0, 0, 0 }, { 4, 1, 30, 1, 0, 0 }, "52.0000000,4.5000000" },
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_RATIONAL, "N", "E", 3,
	  { 52, 0, 0, 1, 0, 1 }, { 4, 1, 30, 1, 0, 1 }, "problem" },
	{ EXIF_BYTE_ORDER_INTEL, EXIF_FORMAT_RATIONAL, "N", "E", 3,
	  { 95, 1, 0, 1, 0, 1 }, { 4, 1, 0, 1, 0, 1 }, "problem" },
};

static void coordinate(ExifData *ed, unsigned tag, const struct gps_row *r, const uint32_t *v)
{
	ExifEntry *e = fx_exif_entry(ed, EXIF_IFD_GPS, tag, r->format, r->n);
	unsigned i;

	for (i = 0; e && i < r->n; i++) {
		if (r->format == EXIF_FORMAT_SRATIONAL) {
			ExifSRational s = { (ExifSLong)v[2 * i], (ExifSLong)v[2 * i + 1] };

			exif_set_srational(e->data + 8 * i, r->order, s);
		} else {
			ExifRational u = { v[2 * i], v[2 * i + 1] };

			exif_set_rational(e->data + 8 * i, r->order, u);
		}
	}
}

/* Reads an ExifData's serialised block; returns the list (caller releases). */
static void read_back(ExifData *ed, struct meta_fields *f)
{
	struct fx_buf b = { 0 };

	fx_exif_save(&b, ed);
	meta_fields_init(f);
	meta_exif_read(f, b.p, b.len, 0, "test");
	free(b.p);
}

static void check_gps(void)
{
	struct meta_fields f;
	const struct meta_field *m;
	char got[64];
	size_t i;

	for (i = 0; i < ARRAY_LEN(gps_rows); i++) {
		const struct gps_row *r = &gps_rows[i];
		ExifData *ed = fx_exif_new(r->order);

		fx_exif_ascii(ed, EXIF_IFD_GPS, 1, r->lat_ref);
		coordinate(ed, 2, r, r->lat);
		fx_exif_ascii(ed, EXIF_IFD_GPS, 3, r->lon_ref);
		coordinate(ed, 4, r, r->lon);
		read_back(ed, &f);
		m = meta_fields_get(&f, META_F_GPS_POSITION);
		snprintf(got, sizeof(got), "%s", "");
		if (m)
			snprintf(got, sizeof(got), "%.7f,%.7f", m->lat, m->lon);
		if (strcmp(r->want, "problem") == 0)
			CHECK(!m && f.nproblems == 1, "gps row %zu: want a problem, got '%s', %zu problems",
			      i, got, f.nproblems);
		else
			CHECK(strcmp(got, r->want) == 0 && f.nproblems == 0,
			      "gps row %zu: want '%s', got '%s'", i, r->want, got);
		meta_fields_release(&f);
	}
}

static void check_text(void)
{
	static const unsigned char uc_le[] = { 'U', 'N', 'I', 'C', 'O', 'D', 'E', 0, 'h', 0, 'i', 0 };
	struct meta_fields f;
	ExifData *ed = fx_exif_new(EXIF_BYTE_ORDER_INTEL);

	fx_exif_ascii(ed, EXIF_IFD_0, EXIF_TAG_ARTIST, "  Padded Artist   ");
	fx_exif_ascii(ed, EXIF_IFD_EXIF, EXIF_TAG_MAKE, "MakeInExifIFD"); /* misplaced, still read */
	fx_exif_ascii(ed, EXIF_IFD_EXIF, 0xa431, "");                       /* empty: nothing */
	fx_exif_undefined(ed, EXIF_IFD_EXIF, EXIF_TAG_USER_COMMENT, uc_le, sizeof(uc_le));
	read_back(ed, &f);
	CHECK(meta_fields_get(&f, META_F_CREATOR_NAME) &&
		      strcmp(meta_fields_get(&f, META_F_CREATOR_NAME)->text, "Padded Artist") == 0,
	      "artist trimmed");
	CHECK(meta_fields_get(&f, META_F_CAMERA_MAKE) &&
		      strcmp(meta_fields_get(&f, META_F_CAMERA_MAKE)->text, "MakeInExifIFD") == 0,
	      "make found in the Exif IFD");
	CHECK(meta_fields_get(&f, META_F_CAMERA_SERIAL) == NULL, "empty serial not reported");
	CHECK(meta_fields_get(&f, META_F_DESCRIPTION) &&
		      strcmp(meta_fields_get(&f, META_F_DESCRIPTION)->text, "hi") == 0,
	      "UNICODE comment in the block's byte order");
	meta_fields_release(&f);

	meta_fields_init(&f);
	meta_exif_read(&f, (const unsigned char *)"Exif\0\0JUNKJUNK", 14, 40, "APP1");
	CHECK(f.nproblems == 1 && strstr(f.problems[0].message, "offset 46: APP1: no TIFF header"),
	      "junk block: '%s'", f.nproblems ? f.problems[0].message : "");
	meta_fields_release(&f);
	meta_fields_init(&f);
	meta_exif_read(&f, (const unsigned char *)"II*\0\xff\xff\0\0", 8, 0, "TIFF");
	CHECK(f.nproblems == 1 && strstr(f.problems[0].message, "first IFD offset 65535 past end"),
	      "IFD past the end: '%s'", f.nproblems ? f.problems[0].message : "");
	meta_fields_release(&f);
}

int main(void)
{
	check_gps();
	check_text();
	TEST_DONE();
}
