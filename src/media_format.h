/* SPDX-License-Identifier: Apache-2.0 */
/* Telling a media file's format from its first bytes (never from its name). */
#ifndef PL_MEDIA_FORMAT_H
#define PL_MEDIA_FORMAT_H

#include <stddef.h>

enum media_format {
	MEDIA_UNKNOWN = 0,
	MEDIA_JPEG,
	MEDIA_PNG,
	MEDIA_GIF,
	MEDIA_WEBP,
	MEDIA_TIFF,
	MEDIA_HEIC, /* ISO-BMFF, HEVC image brands (heic, heix, hevc, ...) */
	MEDIA_HEIF, /* ISO-BMFF, generic image brands (mif1, msf1) without a codec brand */
	MEDIA_AVIF, /* ISO-BMFF, AV1 image brands (avif, avis) */
	MEDIA_MP4,  /* ISO-BMFF movie (isom, mp41, mp42, 3gp*, M4V, ...) */
	MEDIA_MOV,  /* QuickTime movie ('qt  ' brand, or an old file that starts with a moov/mdat atom) */
	MEDIA_FORMAT_COUNT
};

/*
 * Bytes media_format_detect() wants to see to decide with certainty: the longest signature is an
 * ftyp box with its compatible brands. Fewer bytes still work for every format but ISO-BMFF ones.
 */
#define MEDIA_FORMAT_SNIFF_LEN 256

/* The format of a file whose first len bytes are p. MEDIA_UNKNOWN when nothing matches. */
enum media_format media_format_detect(const unsigned char *p, size_t len);

/* Short lowercase name ("jpeg", "heic", "mov", ...). Never NULL. */
const char *media_format_name(enum media_format f);

/* 1 for ISO-BMFF formats (HEIC, HEIF, AVIF, MP4, MOV), else 0. */
int media_format_is_bmff(enum media_format f);

/* 1 for movie formats (MP4, MOV), which are walked with seeks rather than loaded, else 0. */
int media_format_is_video(enum media_format f);

#endif
