/* SPDX-License-Identifier: Apache-2.0 */
/* EXIF through libexif: GPS, camera, people, times, thumbnail and maker-note fields. This module
 * is the only owner of ExifData handles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medialib.h"
#include "meta_ifd.h"
#include "meta_int.h"
#include "meta_mnote.h"
#include "meta_tiff.h"

#include "banned.h"

/* libexif reads at most this much of a block (its JPEG APP1 limit); larger blocks are compacted. */
#define LIBEXIF_MAX_BLOCK 0xfff0u

struct exif_ctx {
	struct meta_fields *f;
	ExifData *ed;
	ExifByteOrder order;
	long long off;          /* file offset of the TIFF header */
	const char *container;
	char make[64];
	char brand[64]; /* the make's first word, "unknown" when there is none */
};

/* One row per plain text tag: where it lives and the field it feeds. */
static const struct text_tag {
	ExifTag tag;
	enum meta_field_id id;
	const char *name;
} text_tags[] = {
	{ EXIF_TAG_MAKE, META_F_CAMERA_MAKE, "Make" },
	{ EXIF_TAG_MODEL, META_F_CAMERA_MODEL, "Model" },
	{ EXIF_TAG_SOFTWARE, META_F_SOFTWARE, "Software" },
	{ EXIF_TAG_ARTIST, META_F_CREATOR_NAME, "Artist" },
	{ EXIF_TAG_COPYRIGHT, META_F_COPYRIGHT, "Copyright" },
	{ EXIF_TAG_IMAGE_DESCRIPTION, META_F_DESCRIPTION, "ImageDescription" },
	{ EXIF_TAG_DATE_TIME_ORIGINAL, META_F_DATETIME_ORIGINAL, "DateTimeOriginal" },
	{ (ExifTag)0x9011, META_F_DATETIME_TIMEZONE, "OffsetTimeOriginal" },
	{ (ExifTag)0x9010, META_F_DATETIME_TIMEZONE, "OffsetTime" },
	{ (ExifTag)0x9012, META_F_DATETIME_TIMEZONE, "OffsetTimeDigitized" },
	{ (ExifTag)0xa430, META_F_OWNER_NAME, "CameraOwnerName" },
	{ (ExifTag)0xa431, META_F_CAMERA_SERIAL, "BodySerialNumber" },
	{ (ExifTag)0xa435, META_F_LENS_SERIAL, "LensSerialNumber" },
	{ (ExifTag)0xc62f, META_F_CAMERA_SERIAL, "CameraSerialNumber" },
};

/* Windows XP tags: UCS-2LE in BYTE arrays. */
static const struct text_tag xp_tags[] = {
	{ (ExifTag)0x9c9d, META_F_CREATOR_NAME, "XPAuthor" },
	{ (ExifTag)0x9c9c, META_F_DESCRIPTION, "XPComment" },
	{ (ExifTag)0x9c9b, META_F_DESCRIPTION, "XPTitle" },
	{ (ExifTag)0x9c9f, META_F_DESCRIPTION, "XPSubject" },
	{ (ExifTag)0x9c9e, META_F_KEYWORDS, "XPKeywords" },
};

/* The entry for tag in IFD0 or the Exif IFD (writers do not always put tags where they belong). */
static ExifEntry *find_entry(const struct exif_ctx *c, ExifTag tag)
{
	ExifEntry *e = ml_exif.exif_content_get_entry(c->ed->ifd[EXIF_IFD_0], tag);

	if (!e)
		e = ml_exif.exif_content_get_entry(c->ed->ifd[EXIF_IFD_EXIF], tag);
	return e;
}

/* Bytes of e's value that are really there. */
static size_t entry_bytes(const ExifEntry *e)
{
	size_t want = ml_exif.exif_format_get_size(e->format) * (size_t)e->components;

	if (!e->data)
		return 0;
	return want < e->size ? want : e->size;
}

static void add_entry_text(struct exif_ctx *c, const ExifEntry *e, enum meta_field_id id,
			   const char *name)
{
	char source[96];

	snprintf(source, sizeof(source), "EXIF %s", name);
	meta_add_text(c->f, id, (const char *)e->data, entry_bytes(e), source, c->off);
}

/* UserComment: an 8-byte character code, then the text. */
static void add_user_comment(struct exif_ctx *c, const ExifEntry *e)
{
	size_t n = entry_bytes(e);
	const char *src = "EXIF UserComment";

	if (n <= 8)
		return;
	if (memcmp(e->data, "UNICODE\0", 8) == 0)
		meta_add_utf16(c->f, META_F_DESCRIPTION, e->data + 8, n - 8,
			       c->order == EXIF_BYTE_ORDER_MOTOROLA, src, c->off);
	else if (memcmp(e->data, "JIS", 3) != 0)
		meta_add_text(c->f, META_F_DESCRIPTION, (const char *)e->data + 8, n - 8, src, c->off);
}

/* TimeZoneOffset (0x882a): signed hours from UTC. */
static void add_tz_offset(struct exif_ctx *c)
{
	ExifEntry *e = find_entry(c, (ExifTag)0x882a);
	char buf[16];
	int h;

	if (!e || e->format != EXIF_FORMAT_SSHORT || entry_bytes(e) < 2)
		return;
	h = ml_exif.exif_get_sshort(e->data, c->order);
	if (h < -14 || h > 14)
		return;
	snprintf(buf, sizeof(buf), "%+03d:00", h);
	meta_add_text(c->f, META_F_DATETIME_TIMEZONE, buf, strlen(buf), "EXIF TimeZoneOffset",
		      c->off);
}

static void read_text_tags(struct exif_ctx *c)
{
	size_t i;
	ExifEntry *e;

	for (i = 0; i < sizeof(text_tags) / sizeof(text_tags[0]); i++) {
		e = find_entry(c, text_tags[i].tag);
		if (e && (e->format == EXIF_FORMAT_ASCII || e->format == EXIF_FORMAT_UNDEFINED ||
			  e->format == EXIF_FORMAT_BYTE))
			add_entry_text(c, e, text_tags[i].id, text_tags[i].name);
	}
	for (i = 0; i < sizeof(xp_tags) / sizeof(xp_tags[0]); i++) {
		char source[32];

		e = ml_exif.exif_content_get_entry(c->ed->ifd[EXIF_IFD_0], xp_tags[i].tag);
		if (!e || e->format != EXIF_FORMAT_BYTE)
			continue;
		snprintf(source, sizeof(source), "EXIF %s", xp_tags[i].name);
		meta_add_utf16(c->f, xp_tags[i].id, e->data, entry_bytes(e), 0, source, c->off);
	}
	e = find_entry(c, EXIF_TAG_USER_COMMENT);
	if (e)
		add_user_comment(c, e);
	add_tz_offset(c);
}

/* ---- GPS ---------------------------------------------------------------------------------------- */

static ExifEntry *gps_entry(const struct exif_ctx *c, unsigned tag)
{
	return ml_exif.exif_content_get_entry(c->ed->ifd[EXIF_IFD_GPS], (ExifTag)tag);
}

static int is_rational(const ExifEntry *e)
{
	return e && (e->format == EXIF_FORMAT_RATIONAL || e->format == EXIF_FORMAT_SRATIONAL);
}

/* Value idx of a RATIONAL (or, as some phones write, SRATIONAL) entry; NAN when missing or n/0. */
static double rational_at(const struct exif_ctx *c, const ExifEntry *e, unsigned idx)
{
	ExifRational r;
	ExifSRational s;

	if (!is_rational(e) || idx >= e->components || entry_bytes(e) < 8 * ((size_t)idx + 1))
		return NAN;
	if (e->format == EXIF_FORMAT_SRATIONAL) {
		s = ml_exif.exif_get_srational(e->data + 8 * idx, c->order);
		if (s.denominator == 0)
			return s.numerator == 0 ? 0.0 : NAN;
		return (double)s.numerator / (double)s.denominator;
	}
	r = ml_exif.exif_get_rational(e->data + 8 * idx, c->order);
	if (r.denominator == 0)
		return r.numerator == 0 ? 0.0 : NAN;
	return (double)r.numerator / (double)r.denominator;
}

/* Degrees, minutes, seconds (or fewer) to signed decimal degrees; NAN when unreadable. */
static double gps_coord(const struct exif_ctx *c, unsigned tag, unsigned ref_tag, char neg)
{
	ExifEntry *e = gps_entry(c, tag), *ref = gps_entry(c, ref_tag);
	double v = 0, div = 1;
	unsigned i;

	if (!is_rational(e) || e->components < 1)
		return NAN;
	for (i = 0; i < 3 && i < e->components; i++, div *= 60)
		v += rational_at(c, e, i) / div;
	if (ref && entry_bytes(ref) >= 1 && (ref->data[0] == neg || ref->data[0] == neg + 32))
		v = -v;
	return v;
}

static void read_gps_position(struct exif_ctx *c, unsigned lat_tag, enum meta_field_id id,
			      const char *source)
{
	double lat = gps_coord(c, lat_tag, lat_tag - 1, 'S');
	double lon = gps_coord(c, lat_tag + 2, lat_tag + 1, 'W');

	/* half a position (a destination latitude alone) says nothing and is no reading error */
	if (!gps_entry(c, lat_tag) || !gps_entry(c, lat_tag + 2))
		return;
	if (isnan(lat) || isnan(lon))
		meta_problem(c->f, c->off, "%s: unreadable coordinates", source);
	else
		meta_add_position(c->f, id, lat, lon, source, c->off);
}

static void read_gps(struct exif_ctx *c)
{
	ExifEntry *alt = gps_entry(c, 6), *ref = gps_entry(c, 5);
	ExifEntry *ts = gps_entry(c, 7), *ds = gps_entry(c, 0x1d);
	double a = rational_at(c, alt, 0);
	char buf[64];

	read_gps_position(c, 2, META_F_GPS_POSITION, "EXIF GPS IFD");
	read_gps_position(c, 0x14, META_F_GPS_DESTINATION, "EXIF GPS IFD destination");
	if (!isnan(a)) {
		if (ref && entry_bytes(ref) >= 1 && ref->data[0] == 1)
			a = -a;
		meta_add_number(c->f, META_F_GPS_ALTITUDE, a, "EXIF GPS IFD", c->off);
	}
	if (ts && ts->components >= 3 && !isnan(rational_at(c, ts, 2))) {
		char date[16] = "";

		if (ds && ds->format == EXIF_FORMAT_ASCII && entry_bytes(ds) >= 10)
			snprintf(date, sizeof(date), "%.10s ", (const char *)ds->data);
		snprintf(buf, sizeof(buf), "%s%02.0f:%02.0f:%02.0fZ", date,
			 fmin(fmax(rational_at(c, ts, 0), 0), 99), fmin(fmax(rational_at(c, ts, 1), 0), 99),
			 fmin(fmax(floor(rational_at(c, ts, 2)), 0), 99));
		meta_add_text(c->f, META_F_GPS_TIMESTAMP, buf, strlen(buf), "EXIF GPS IFD", c->off);
	}
}

/* ---- maker notes (libexif's API) --------------------------------------------------------------- */

static enum meta_field_id mnote_field(const char *make, unsigned id, const char *name)
{
	size_t n = strlen(name);

	if (strstr(name, "Owner"))
		return META_F_OWNER_NAME;
	if (strstr(name, "Serial") && !(n > 6 && strcmp(name + n - 6, "Format") == 0))
		return strstr(name, "Lens") ? META_F_LENS_SERIAL : META_F_CAMERA_SERIAL;
	if (strstr(name, "City") && !strstr(name, "Code"))
		return META_F_LOCATION_TEXT;
	/* libexif calls Casio's HometownCity (0x3006) "TimeZone": its value is a city. */
	if (strncmp(make, "CASIO", 5) == 0 && id == 0x7006)
		return META_F_LOCATION_TEXT;
	return META_FIELD_COUNT;
}

static void read_mnote(struct exif_ctx *c)
{
	ExifMnoteData *m = ml_exif.exif_data_get_mnote_data(c->ed);
	unsigned i, n;
	char val[1024], source[160];

	if (!m)
		return;
	n = ml_exif.exif_mnote_data_count(m);
	for (i = 0; i < n && i < META_IFD_MAX_ENTRIES; i++) {
		const char *name = ml_exif.exif_mnote_data_get_name(m, i), *v;
		enum meta_field_id id;

		if (!name)
			continue;
		id = mnote_field(c->make, ml_exif.exif_mnote_data_get_id(m, i), name);
		if (id == META_FIELD_COUNT)
			continue;
		v = ml_exif.exif_mnote_data_get_value(m, i, val, sizeof(val));
		if (!v)
			continue;
		snprintf(source, sizeof(source), "MakerNote %s %.64s", c->brand, name);
		meta_add_text(c->f, id, v, strnlen(v, sizeof(val)), source, c->off);
	}
}

/* ---- the block --------------------------------------------------------------------------------- */

static void read_make(struct exif_ctx *c)
{
	ExifEntry *e = ml_exif.exif_content_get_entry(c->ed->ifd[EXIF_IFD_0], EXIF_TAG_MAKE);
	size_t n;

	memcpy(c->brand, "unknown", sizeof("unknown"));
	if (!e || e->format != EXIF_FORMAT_ASCII)
		return;
	n = entry_bytes(e);
	if (n >= sizeof(c->make))
		n = sizeof(c->make) - 1;
	memcpy(c->make, e->data, n);
	c->make[n] = '\0';
	n = strcspn(c->make, " ,");
	if (n) {
		memcpy(c->brand, c->make, n);
		c->brand[n] = '\0';
	}
}

static void read_thumbnail(struct exif_ctx *c, const struct meta_tiff *t, uint32_t ifd0)
{
	struct meta_ifd_entry e;
	uint32_t ifd1 = meta_ifd_next(t, ifd0), at;
	long long off = -1;

	if (!c->ed->data || c->ed->size == 0)
		return;
	if (ifd1 && meta_ifd_find(t, ifd1, 0x0201, &e) == 0) {
		at = meta_ifd_uint(t, &e, 0);
		if (at < t->len && t->len - at >= c->ed->size)
			off = t->off + at;
	}
	meta_add_data(c->f, META_F_THUMBNAIL_PRESENT,
		      c->ed->size >= 2 && c->ed->data[0] == 0xff && c->ed->data[1] == 0xd8 ? "jpeg"
											: "unknown",
		      off, (long long)c->ed->size, "EXIF IFD1 thumbnail");
}

/* Loads the block into libexif, compacting a large TIFF so nothing is past libexif's limit. */
static ExifData *load_exif(struct meta_fields *f, const struct meta_tiff *t, uint32_t ifd0)
{
	unsigned char *buf = NULL, *compact = NULL;
	size_t n = t->len;
	const unsigned char *src = t->p;
	ExifData *ed = NULL;

	if (n > LIBEXIF_MAX_BLOCK) {
		compact = meta_tiff_compact(t, ifd0, LIBEXIF_MAX_BLOCK, &n);
		if (!compact) {
			f->oom = 1;
			goto out;
		}
		src = compact;
	}
	buf = malloc(n + 6);
	ed = ml_exif.exif_data_new();
	if (!buf || !ed) {
		f->oom = 1;
		goto out;
	}
	memcpy(buf, "Exif\0\0", 6);
	memcpy(buf + 6, src, n);
	/* Read what is there: libexif's default options would drop or invent entries. */
	ml_exif.exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
	ml_exif.exif_data_unset_option(ed, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
	ml_exif.exif_data_load_data(ed, buf, (unsigned)(n + 6));
out:
	if (f->oom && ed) {
		ml_exif.exif_data_unref(ed);
		ed = NULL;
	}
	free(buf);
	free(compact);
	return ed;
}

void meta_exif_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off,
		    const char *container)
{
	struct exif_ctx c;
	struct meta_tiff t;
	uint32_t ifd0;

	memset(&c, 0, sizeof(c));
	if (meta_load_lib(f, medialib_load_exif, off, container) != 0)
		return;
	if (len >= 6 && memcmp(p, "Exif\0", 5) == 0) {
		p += 6;
		len -= 6;
		off += 6;
	}
	if (meta_tiff_open(&t, p, len, off, &ifd0) != 0) {
		meta_problem(f, off, "%s: no TIFF header in EXIF block", container);
		return;
	}
	if (meta_ifd_count(&t, ifd0) < 0) {
		meta_problem(f, off, "%s: first IFD offset %lu past end of block", container,
			     (unsigned long)ifd0);
		return;
	}
	c.f = f;
	c.off = off;
	c.container = container;
	c.ed = load_exif(f, &t, ifd0);
	if (!c.ed)
		return;
	c.order = ml_exif.exif_data_get_byte_order(c.ed);
	read_make(&c);
	read_text_tags(&c);
	read_gps(&c);
	read_thumbnail(&c, &t, ifd0);
	read_mnote(&c);
	meta_mnote_read(f, &t, ifd0, c.brand);
	ml_exif.exif_data_unref(c.ed);
}
