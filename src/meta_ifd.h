/* SPDX-License-Identifier: Apache-2.0 */
/* A small bounded reader of TIFF-structured directories (IFDs): for what libexif does not expose
 * (thumbnail offsets, MPF indexes, Kodak Meta, maker notes libexif cannot read). */
#ifndef PL_META_IFD_H
#define PL_META_IFD_H

#include <stddef.h>
#include <stdint.h>

/* A TIFF structure in memory. Offsets inside it are relative to p. */
struct meta_tiff {
	const unsigned char *p;
	size_t len;
	int be;           /* big-endian ("MM") */
	long long off;    /* file offset of p[0], for messages */
};

/* One directory entry, its value located and bounds-checked. */
struct meta_ifd_entry {
	uint16_t tag;
	uint16_t type;
	uint32_t count;
	size_t val;       /* offset of the value in the structure */
	size_t size;      /* its size in bytes (count times the type's size) */
};

/* Most entries read from one directory; a directory declaring more is read up to this. */
#define META_IFD_MAX_ENTRIES 1024

/*
 * Checks a TIFF header ("II*\0" or "MM\0*") at p and sets t. *ifd0 receives the first
 * directory's offset. Returns 0, or -1 when p holds no TIFF header.
 */
int meta_tiff_open(struct meta_tiff *t, const unsigned char *p, size_t len, long long off,
		   uint32_t *ifd0);

uint16_t meta_tiff_u16(const struct meta_tiff *t, size_t off);
uint32_t meta_tiff_u32(const struct meta_tiff *t, size_t off);

/* Entries in the directory at ifd (capped at META_IFD_MAX_ENTRIES and at what fits), or -1 when
 * the directory's count is not inside the structure. */
int meta_ifd_count(const struct meta_tiff *t, uint32_t ifd);

/* Reads entry i of the directory at ifd. Returns 0, or -1 when it or its value lies outside. */
int meta_ifd_entry(const struct meta_tiff *t, uint32_t ifd, int i, struct meta_ifd_entry *e);

/* Finds tag in the directory at ifd. Returns 0, or -1 when absent or out of bounds. */
int meta_ifd_find(const struct meta_tiff *t, uint32_t ifd, uint16_t tag, struct meta_ifd_entry *e);

/* The offset of the directory after the one at ifd, 0 when none or unreadable. */
uint32_t meta_ifd_next(const struct meta_tiff *t, uint32_t ifd);

/* Element idx of a BYTE, SHORT, LONG or IFD entry as an integer; 0 for other types. */
uint32_t meta_ifd_uint(const struct meta_tiff *t, const struct meta_ifd_entry *e, uint32_t idx);

#endif
