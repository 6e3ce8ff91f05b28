/* SPDX-License-Identifier: Apache-2.0 */
/* A bounded walk of a JPEG's markers up to the first scan: the EXIF orientation (APP1) and the
 * Adobe marker (APP14) that says how CMYK values are stored. */
#include <string.h>

#include "image.h"

#include "banned.h"

#define MARKERS_MAX 1024 /* markers looked at before giving up */
#define EXIF_ORIENTATION_TAG 0x0112
#define TIFF_SHORT 3

static unsigned rd16(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | (unsigned)p[1];
}

static unsigned long rd32(const unsigned char *p, int le)
{
	return le ? (unsigned long)rd16(p, 1) | (unsigned long)rd16(p + 2, 1) << 16
		  : (unsigned long)rd16(p, 0) << 16 | (unsigned long)rd16(p + 2, 0);
}

/* The orientation in a TIFF block (the APP1 payload after "Exif\0\0"), or 1. */
static int tiff_orientation(const unsigned char *t, size_t len)
{
	unsigned long ifd;
	unsigned n;
	int le;

	if (len < 8)
		return 1;
	if (memcmp(t, "II*\0", 4) == 0)
		le = 1;
	else if (memcmp(t, "MM\0*", 4) == 0)
		le = 0;
	else
		return 1;
	ifd = rd32(t + 4, le);
	if (ifd > len - 2)
		return 1;
	n = rd16(t + ifd, le);
	for (unsigned i = 0; i < n; i++) {
		size_t e = ifd + 2 + (size_t)i * 12;

		if (e + 12 > len)
			break;
		if (rd16(t + e, le) == EXIF_ORIENTATION_TAG && rd16(t + e + 2, le) == TIFF_SHORT &&
		    rd32(t + e + 4, le) == 1) {
			unsigned v = rd16(t + e + 8, le);

			return v >= 1 && v <= 8 ? (int)v : 1;
		}
	}
	return 1;
}

static void segment(unsigned m, const unsigned char *s, size_t n, struct image_jpeg_info *info)
{
	if (m == 0xE1 && n >= 6 && memcmp(s, "Exif\0\0", 6) == 0)
		info->orientation = tiff_orientation(s + 6, n - 6);
	else if (m == 0xEE && n >= 12 && memcmp(s, "Adobe", 5) == 0) {
		info->adobe = 1;
		info->adobe_transform = s[11];
	}
}

void image_jpeg_info(const unsigned char *p, size_t len, struct image_jpeg_info *info)
{
	size_t pos = 2;

	info->orientation = 1;
	info->adobe = 0;
	info->adobe_transform = -1;
	if (!p || len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return;
	for (int count = 0; count < MARKERS_MAX && pos + 2 <= len; count++) {
		unsigned m, seglen;

		if (p[pos] != 0xFF)
			return; /* markers must follow each other before the first scan */
		while (pos < len && p[pos] == 0xFF)
			pos++; /* fill bytes */
		if (pos >= len)
			return;
		m = p[pos++];
		if (m == 0xD9 || m == 0xDA)
			return;
		if ((m >= 0xD0 && m <= 0xD7) || m == 0x01)
			continue; /* no length */
		if (pos + 2 > len)
			return;
		seglen = rd16(p + pos, 0);
		if (seglen < 2 || pos + seglen > len)
			return;
		segment(m, p + pos + 2, seglen - 2, info);
		pos += seglen;
	}
}
