/* SPDX-License-Identifier: Apache-2.0 */
/* Maker notes beyond libexif's reach, read with the bounded IFD reader. Tag numbers as in
 * ExifTool's Olympus.pm, Panasonic.pm and Reconyx.pm. */
#include <stdio.h>
#include <string.h>

#include "meta_mnote.h"

#include "banned.h"

struct mn_tag {
	uint16_t tag;
	enum meta_field_id id;
	const char *name;
};

static const struct mn_tag olympus_main[] = {
	{ 0x0404, META_F_CAMERA_SERIAL, "SerialNumber" },
	{ 0x101a, META_F_CAMERA_SERIAL, "SerialNumber" },
};

static const struct mn_tag olympus_equipment[] = {
	{ 0x0101, META_F_CAMERA_SERIAL, "SerialNumber" },
	{ 0x0102, META_F_CAMERA_SERIAL, "InternalSerialNumber" },
	{ 0x0202, META_F_LENS_SERIAL, "LensSerialNumber" },
	{ 0x0302, META_F_CAMERA_SERIAL, "ExtenderSerialNumber" },
	{ 0x1003, META_F_CAMERA_SERIAL, "FlashSerialNumber" },
};

static const struct mn_tag panasonic_main[] = {
	{ 0x0025, META_F_CAMERA_SERIAL, "InternalSerialNumber" },
	{ 0x0052, META_F_LENS_SERIAL, "LensSerialNumber" },
	{ 0x0054, META_F_CAMERA_SERIAL, "AccessorySerialNumber" },
};

/* Adds the text tags of one directory that the table names. */
static void read_tags(struct meta_fields *f, const struct meta_tiff *t, uint32_t ifd,
		      const struct mn_tag *tags, size_t n, const char *brand)
{
	struct meta_ifd_entry e;
	char source[96];
	size_t i, skip;

	for (i = 0; i < n; i++) {
		if (meta_ifd_find(t, ifd, tags[i].tag, &e) != 0 || (e.type != 2 && e.type != 7))
			continue;
		/* undefined-type strings may be padded with NULs in front (Panasonic) */
		for (skip = 0; e.type == 7 && skip < e.size && t->p[e.val + skip] == 0; skip++)
			;
		snprintf(source, sizeof(source), "MakerNote %s %s", brand, tags[i].name);
		meta_add_text(f, tags[i].id, (const char *)t->p + e.val + skip, e.size - skip, source,
			      t->off + (long long)e.val);
	}
}

/* Olympus: the main directory, then the Equipment sub-directory (tag 0x2010). */
static void read_olympus(struct meta_fields *f, const struct meta_tiff *t, uint32_t ifd,
			 const char *brand)
{
	struct meta_ifd_entry e;
	uint32_t eq;

	read_tags(f, t, ifd, olympus_main, sizeof(olympus_main) / sizeof(olympus_main[0]), brand);
	if (meta_ifd_find(t, ifd, 0x2010, &e) != 0)
		return;
	/* an IFD pointer, or (older models) the directory stored as the value itself */
	eq = e.type == 7 ? (uint32_t)e.val : meta_ifd_uint(t, &e, 0);
	if (eq == ifd)
		return;
	read_tags(f, t, eq, olympus_equipment,
		  sizeof(olympus_equipment) / sizeof(olympus_equipment[0]), brand);
}

/* Olympus makernotes: header, where the directory starts, whether offsets are the note's own. */
static int olympus_layout(const unsigned char *m, size_t n, size_t *ifd, int *own, int *be)
{
	if (n >= 16 && memcmp(m, "OM SYSTEM\0\0\0", 12) == 0) {
		*ifd = 16;
		*own = 1;
		*be = m[12] == 'M';
		return 0;
	}
	if (n >= 12 && memcmp(m, "OLYMPUS\0", 8) == 0) {
		*ifd = 12;
		*own = 1;
		*be = m[8] == 'M';
		return 0;
	}
	if (n >= 8 && memcmp(m, "OLYMP\0", 6) == 0) {
		*ifd = 8;
		*own = 0;
		return 0;
	}
	return -1;
}

/* Reconyx HyperFire (binary, int16 words), UltraFire and HF2 maker notes: the serial number. */
static void read_reconyx(struct meta_fields *f, const unsigned char *m, size_t n, long long off,
			 const char *brand)
{
	/* ExifTool's test: 01 f1, then 02 00 or 03 00 (firmware), or a RECONYX make */
	int hyperfire = n >= 4 && m[0] == 0x01 && m[1] == 0xf1 &&
			((m[2] == 2 || m[2] == 3) && m[3] == 0 ? 1 : strcmp(brand, "RECONYX") == 0);

	if (hyperfire && n >= 0x2a + 30)
		meta_add_utf16(f, META_F_CAMERA_SERIAL, m + 0x2a, 30, 0,
			       "MakerNote Reconyx SerialNumber", off);
	else if (n >= 0x4b + 15 && memcmp(m, "RECONYXUF\0", 10) == 0)
		meta_add_text(f, META_F_CAMERA_SERIAL, (const char *)m + 0x4b, 15,
			      "MakerNote Reconyx SerialNumber", off);
	else if (n >= 0x7e + 30 && memcmp(m, "RECONYXH2\0", 10) == 0)
		meta_add_utf16(f, META_F_CAMERA_SERIAL, m + 0x7e, 30, 0,
			       "MakerNote Reconyx SerialNumber", off);
}

void meta_mnote_read(struct meta_fields *f, const struct meta_tiff *t, uint32_t ifd0,
		     const char *brand)
{
	struct meta_ifd_entry e;
	struct meta_tiff sub;
	const unsigned char *m;
	size_t ifd;
	int own, be;

	if (meta_ifd_find(t, ifd0, 0x8769, &e) != 0 ||
	    meta_ifd_find(t, meta_ifd_uint(t, &e, 0), 0x927c, &e) != 0)
		return;
	m = t->p + e.val;
	if (olympus_layout(m, e.size, &ifd, &own, &be) == 0) {
		sub = *t;
		if (own) {
			sub.p = m;
			sub.len = e.size;
			sub.off = t->off + (long long)e.val;
			sub.be = be;
		} else {
			ifd += e.val;
		}
		read_olympus(f, &sub, (uint32_t)ifd, brand);
	} else if (e.size >= 12 && memcmp(m, "Panasonic\0\0\0", 12) == 0) {
		read_tags(f, t, (uint32_t)e.val + 12, panasonic_main,
			  sizeof(panasonic_main) / sizeof(panasonic_main[0]), brand);
	} else {
		read_reconyx(f, m, e.size, t->off + (long long)e.val, brand);
	}
}
