/* SPDX-License-Identifier: Apache-2.0 */
/* Internals shared by the metadata readers: adding fields and problems, byte access, and the
 * per-format entry points meta_read() dispatches to. Not part of the library's interface. */
#ifndef PL_META_INT_H
#define PL_META_INT_H

#include <stdint.h>

#include "meta.h"

/*
 * Adding results. Each copies its strings; on allocation failure it sets f->oom, after which
 * every later call is a no-op, and returns PL_ERR_NOMEM. A text is cut at its first NUL,
 * trimmed of surrounding white space, its control characters replaced by spaces; an empty
 * result adds nothing. An exact repeat (same field, value and source) adds nothing.
 */
enum pl_status meta_add_text(struct meta_fields *f, enum meta_field_id id, const char *p,
			     size_t len, const char *source, long long off);
enum pl_status meta_add_number(struct meta_fields *f, enum meta_field_id id, double v,
			       const char *source, long long off);
enum pl_status meta_add_position(struct meta_fields *f, enum meta_field_id id, double lat,
				 double lon, const char *source, long long off);
enum pl_status meta_add_data(struct meta_fields *f, enum meta_field_id id, const char *kind,
			     long long off, long long length, const char *source);
/* Records "unreadable image metadata at offset OFF: <fmt...>". */
enum pl_status meta_problem(struct meta_fields *f, long long off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Loads the media library a reader needs (load: a medialib_load_* function); 0 when it is there,
 * else records a problem naming container and off, and -1. */
int meta_load_lib(struct meta_fields *f, enum pl_status (*load)(struct pl_diag *d), long long off,
		  const char *container);

/* Whether the caller wants field id (see meta_fields_want()). */
int meta_fields_wanted(const struct meta_fields *f, enum meta_field_id id);

/* A position is kept only when both coordinates are finite and within range. */
int meta_position_valid(double lat, double lon);

/* Adds UCS-2/UTF-16 text (len bytes, big- or little-endian) as UTF-8, like meta_add_text(). */
enum pl_status meta_add_utf16(struct meta_fields *f, enum meta_field_id id, const unsigned char *p,
			      size_t len, int be, const char *source, long long off);

/* ---- bytes ------------------------------------------------------------------------------------ */

static inline uint16_t meta_be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t meta_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint64_t meta_be64(const unsigned char *p)
{
	return (uint64_t)meta_be32(p) << 32 | meta_be32(p + 4);
}
static inline uint16_t meta_le16(const unsigned char *p)
{
	return (uint16_t)(p[1] << 8 | p[0]);
}
static inline uint32_t meta_le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Random access to a file's bytes, in memory or through a descriptor (for videos). */
struct meta_src {
	const unsigned char *mem; /* the whole file, or NULL to use fd */
	int fd;
	uint64_t size;
};

/* Reads exactly n bytes at off into buf. Returns 0, or -1 when they are not all there. */
int meta_src_read(const struct meta_src *s, uint64_t off, unsigned char *buf, size_t n);

/* ---- per-format readers (each bounded; each reports problems rather than failing) ------------- */

/* A JPEG file, walked through s: only segment headers and the segments that can hold metadata
 * are read; the image data is scanned in windows for its end. */
void meta_jpeg_read(struct meta_fields *f, const struct meta_src *s);

/* p, len: the whole file; offsets reported are offsets into it. */
void meta_png_read(struct meta_fields *f, const unsigned char *p, size_t len);
void meta_webp_read(struct meta_fields *f, const unsigned char *p, size_t len);
void meta_gif_read(struct meta_fields *f, const unsigned char *p, size_t len);

/* An ISO-BMFF file (HEIC/HEIF/AVIF image or MP4/MOV movie) between start and s->size; offsets
 * reported are s's, plus base (non-zero when the movie is embedded in another file). */
void meta_bmff_read(struct meta_fields *f, const struct meta_src *s, uint64_t start,
		    long long base);

/*
 * An EXIF block: a TIFF structure ("II*\0" or "MM\0*"), optionally preceded by "Exif\0\0".
 * off is the file offset of p; container names the enclosing block in sources ("APP1",
 * "PNG eXIf", "HEIC Exif item", "TIFF").
 */
void meta_exif_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off,
		    const char *container);

/* An XMP packet (RDF/XML). */
void meta_xmp_read(struct meta_fields *f, const char *p, size_t len, long long off,
		   const char *container);

/* IPTC-IIM records (a sequence of 0x1C-tagged datasets). */
void meta_iptc_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off);

/*
 * A Photoshop image resource block list (APP13 "Photoshop 3.0" payload, PNG/TIFF IRB). map, when
 * non-NULL, turns an offset in p into a file offset (APP13 payloads split over segments).
 */
typedef long long (*meta_offset_map)(const void *ctx, size_t off);
void meta_irb_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off,
		   meta_offset_map map, const void *map_ctx);

#endif
