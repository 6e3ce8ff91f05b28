/* SPDX-License-Identifier: Apache-2.0 */
/* ISO-BMFF boxes shared by the movie walker (meta_bmff.c) and the HEIF item reader
 * (meta_heif.c). */
#ifndef PL_META_BMFF_H
#define PL_META_BMFF_H

#include <stddef.h>
#include <stdint.h>

#include "meta_int.h"

#define BMFF_MAX_BOXES 100000 /* boxes looked at per file, all levels together */

struct bmff_ctx {
	struct meta_fields *f;
	const struct meta_src *s;
	long long base;  /* added to s's offsets in what is reported */
	unsigned boxes;  /* looked at so far */
};

/* A box inside a block already in memory: its content, and its type as a C string. */
struct bmff_box {
	const unsigned char *p; /* content, after the header */
	size_t len;
	size_t start;           /* offset of the header in the enclosing block */
	char type[5];
};

/*
 * Reads the box at *pos in the block p[0..len) (block at file offset off) and moves *pos past it.
 * Returns 1, 0 at the block's end, or -1 after recording a problem (bad size, too many boxes).
 */
int bmff_box_next(struct bmff_ctx *c, const unsigned char *p, size_t len, size_t *pos,
		  long long off, struct bmff_box *b);

/* A HEIF 'meta' box's content (after its version and flags) at file offset off: reads the Exif
 * and XMP items it lists, from the file or from its idat. */
void bmff_heif_meta(struct bmff_ctx *c, const unsigned char *p, size_t len, long long off);

#endif
