/* SPDX-License-Identifier: Apache-2.0 */
/* Media format detection from magic numbers and ISO-BMFF ftyp brands. */
#include <string.h>

#include "media_format.h"

#include "banned.h"

static const char *const format_names[MEDIA_FORMAT_COUNT] = {
	[MEDIA_UNKNOWN] = "unknown", [MEDIA_JPEG] = "jpeg", [MEDIA_PNG] = "png",
	[MEDIA_GIF] = "gif",         [MEDIA_WEBP] = "webp", [MEDIA_TIFF] = "tiff",
	[MEDIA_HEIC] = "heic",       [MEDIA_HEIF] = "heif", [MEDIA_AVIF] = "avif",
	[MEDIA_MP4] = "mp4",         [MEDIA_MOV] = "mov",
};

/* ftyp brands and the format each one implies, in order of precedence. */
static const struct brand {
	char fourcc[5];
	enum media_format format;
} brands[] = {
	{ "qt  ", MEDIA_MOV },  { "heic", MEDIA_HEIC }, { "heix", MEDIA_HEIC },
	{ "heim", MEDIA_HEIC }, { "heis", MEDIA_HEIC }, { "hevc", MEDIA_HEIC },
	{ "hevx", MEDIA_HEIC }, { "avif", MEDIA_AVIF }, { "avis", MEDIA_AVIF },
	{ "mif1", MEDIA_HEIF }, { "msf1", MEDIA_HEIF }, { "mif2", MEDIA_HEIF },
};

static enum media_format brand_format(const unsigned char *b)
{
	size_t i;

	for (i = 0; i < sizeof(brands) / sizeof(brands[0]); i++)
		if (memcmp(b, brands[i].fourcc, 4) == 0)
			return brands[i].format;
	return MEDIA_UNKNOWN;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/*
 * The major brand decides when it is one we know; otherwise a compatible brand naming an image
 * codec makes it an image (HEIC before AVIF before generic HEIF), and anything else is an MP4.
 */
static enum media_format detect_ftyp(const unsigned char *p, size_t len)
{
	enum media_format best = MEDIA_UNKNOWN, f;
	size_t box = be32(p), off;

	f = brand_format(p + 8);
	if (f != MEDIA_UNKNOWN && f != MEDIA_HEIF)
		return f;
	if (box > len)
		box = len;
	for (off = 16; off + 4 <= box; off += 4) {
		f = brand_format(p + off);
		if (f == MEDIA_MOV)
			continue; /* a compatible 'qt  ' does not make an ISO file a QuickTime one */
		if (f == MEDIA_HEIC || (f == MEDIA_AVIF && best != MEDIA_HEIC) ||
		    (f == MEDIA_HEIF && best == MEDIA_UNKNOWN))
			best = f;
	}
	if (best != MEDIA_UNKNOWN)
		return best;
	return brand_format(p + 8) == MEDIA_HEIF ? MEDIA_HEIF : MEDIA_MP4;
}

/* Old QuickTime files have no ftyp: they start straight with one of these atoms. */
static int is_qt_atom(const unsigned char *t)
{
	static const char atoms[][5] = { "moov", "mdat", "wide", "free", "skip", "pnot" };
	size_t i;

	for (i = 0; i < sizeof(atoms) / sizeof(atoms[0]); i++)
		if (memcmp(t, atoms[i], 4) == 0)
			return 1;
	return 0;
}

enum media_format media_format_detect(const unsigned char *p, size_t len)
{
	if (!p)
		return MEDIA_UNKNOWN;
	if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return MEDIA_JPEG;
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return MEDIA_PNG;
	if (len >= 6 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return MEDIA_GIF;
	if (len >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return MEDIA_WEBP;
	if (len >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0))
		return MEDIA_TIFF;
	if (len >= 12 && memcmp(p + 4, "ftyp", 4) == 0 && be32(p) >= 12)
		return detect_ftyp(p, len);
	if (len >= 8 && is_qt_atom(p + 4) && (be32(p) >= 8 || be32(p) <= 1))
		return MEDIA_MOV;
	return MEDIA_UNKNOWN;
}

const char *media_format_name(enum media_format f)
{
	if ((unsigned)f >= MEDIA_FORMAT_COUNT)
		return "unknown";
	return format_names[f];
}

int media_format_is_bmff(enum media_format f)
{
	return f == MEDIA_HEIC || f == MEDIA_HEIF || f == MEDIA_AVIF || f == MEDIA_MP4 ||
	       f == MEDIA_MOV;
}

int media_format_is_video(enum media_format f)
{
	return f == MEDIA_MP4 || f == MEDIA_MOV;
}
