/* SPDX-License-Identifier: Apache-2.0 */
/* Maker-note fields libexif cannot read (Olympus equipment directory, Panasonic, Reconyx). */
#ifndef PL_META_MNOTE_H
#define PL_META_MNOTE_H

#include <stdint.h>

#include "meta_ifd.h"
#include "meta_int.h"

/*
 * Finds the maker note through IFD0 -> Exif IFD -> MakerNote in t and adds the serial numbers
 * and names it holds. brand is the first word of the camera make ("OLYMPUS"), used in sources
 * ("MakerNote OLYMPUS SerialNumber") so a value libexif also reported is not listed twice.
 */
void meta_mnote_read(struct meta_fields *f, const struct meta_tiff *t, uint32_t ifd0,
		     const char *brand);

#endif
