/* SPDX-License-Identifier: Apache-2.0 */
/* State shared by the JPEG marker walk (meta_jpeg.c) and its segment readers (meta_jpeg_app.c). */
#ifndef PL_META_JPEG_H
#define PL_META_JPEG_H

#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"

#define JPEG_MAX_XMP_EXT 4   /* extended XMP packets (distinct GUIDs) per file */
#define JPEG_MAX_IRB_SEGS 64 /* APP13 segments joined into one Photoshop resource list */
#define JPEG_MAX_MPF 64      /* MPF images remembered to tell previews from trailing data */

struct jpeg_xmp_ext {
	unsigned char guid[32];
	unsigned char *buf; /* len bytes, owned until the walk ends */
	size_t len, filled;
	long long off;
};

struct jpeg_ctx {
	struct meta_fields *f;
	const unsigned char *p;
	size_t len;
	struct jpeg_xmp_ext ext[JPEG_MAX_XMP_EXT];
	size_t next;
	struct {
		long long off;
		size_t len;
	} irb[JPEG_MAX_IRB_SEGS];
	size_t nirb;
	struct {
		uint64_t off, len;
	} mpf[JPEG_MAX_MPF];
	size_t nmpf;
	size_t eoi_end; /* offset just past the first image's EOI marker, 0 when not found */
};

/* An APPn segment other than EXIF, XMP and Photoshop: JFIF/JFXX thumbnails, Canon CIFF, MPF,
 * Kodak Meta, APP12 picture info and Ducky. s, n: the payload; off: its file offset. */
void meta_jpeg_app_read(struct jpeg_ctx *c, unsigned marker, const unsigned char *s, size_t n,
			long long off);

/* What follows the EOI: MPF images are previews, anything else but padding is trailing data. */
void meta_jpeg_trailer_read(struct jpeg_ctx *c);

#endif
