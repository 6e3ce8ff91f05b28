/* SPDX-License-Identifier: Apache-2.0 */
/* TIFF files: their embedded XMP, IPTC and Photoshop blocks, and a compact copy of their
 * metadata directories for libexif, which reads no further than 64 KiB into a block. */
#ifndef PL_META_TIFF_H
#define PL_META_TIFF_H

#include <stddef.h>
#include <stdint.h>

#include "meta_ifd.h"
#include "meta_int.h"

/*
 * A new TIFF structure of at most cap bytes, in t's byte order, holding IFD0, the Exif, GPS and
 * Interoperability directories and their values, without image data pointers, maker notes or
 * embedded blocks (XMP, IPTC, ICC, Photoshop), which are read elsewhere. *out_len receives its
 * size. Entries that do not fit are left out. Returns NULL when out of memory; the caller frees.
 */
unsigned char *meta_tiff_compact(const struct meta_tiff *t, uint32_t ifd0, size_t cap,
				 size_t *out_len);

/* A whole TIFF file: EXIF fields plus the XMP, IPTC and Photoshop blocks in IFD0. */
void meta_tiff_read(struct meta_fields *f, const unsigned char *p, size_t len);

#endif
