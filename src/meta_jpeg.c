/* SPDX-License-Identifier: Apache-2.0 */
/* The JPEG marker walk: dispatches APPn and COM segments, finds the end of the image and what
 * follows it. Segment payload readers live in meta_jpeg_app.c. */
#include <stdlib.h>
#include <string.h>

#include "meta_jpeg.h"

#include "banned.h"

#define XMP_SIG "http://ns.adobe.com/xap/1.0/"
#define XMP_EXT_SIG "http://ns.adobe.com/xmp/extension/"
#define IRB_SIG "Photoshop 3.0"

static int has_sig(const unsigned char *p, size_t n, const char *sig)
{
	size_t k = strlen(sig) + 1; /* with its NUL */

	return n >= k && memcmp(p, sig, k) == 0;
}

/* ---- extended XMP: chunks of one packet, keyed by GUID, at declared offsets ------------------- */

static void xmp_ext_add(struct jpeg_ctx *c, const unsigned char *p, size_t n, long long off)
{
	struct jpeg_xmp_ext *x = NULL;
	uint32_t full, at;
	size_t i;

	if (n < 40) {
		meta_problem(c->f, off, "extended XMP chunk of %zu bytes has no header", n);
		return;
	}
	full = meta_be32(p + 32);
	at = meta_be32(p + 36);
	for (i = 0; i < c->next; i++)
		if (memcmp(c->ext[i].guid, p, 32) == 0)
			x = &c->ext[i];
	if (!x) {
		if (c->next == JPEG_MAX_XMP_EXT || full == 0 || full > META_MAX_BLOCK) {
			meta_problem(c->f, off, "extended XMP of %lu bytes skipped", (unsigned long)full);
			return;
		}
		x = &c->ext[c->next];
		x->buf = calloc(1, full);
		if (!x->buf) {
			c->f->oom = 1;
			return;
		}
		c->next++;
		memcpy(x->guid, p, 32);
		x->len = full;
		x->off = off;
	}
	if (full != x->len || at > x->len || n - 40 > x->len - at) {
		meta_problem(c->f, off, "extended XMP chunk at %lu past declared length %lu",
			     (unsigned long)at, (unsigned long)x->len);
		return;
	}
	memcpy(x->buf + at, p + 40, n - 40);
	x->filled += n - 40;
}

static void xmp_ext_finish(struct jpeg_ctx *c)
{
	size_t i;

	for (i = 0; i < c->next; i++) {
		struct jpeg_xmp_ext *x = &c->ext[i];

		if (x->filled < x->len)
			meta_problem(c->f, x->off, "extended XMP incomplete: %zu of %zu bytes", x->filled,
				     x->len);
		else
			meta_xmp_read(c->f, (const char *)x->buf, x->len, x->off, "JPEG extended XMP");
		free(x->buf);
		x->buf = NULL;
	}
}

/* ---- Photoshop resources, possibly split over several APP13 segments --------------------------- */

static long long irb_map(const void *ctx, size_t off)
{
	const struct jpeg_ctx *c = ctx;
	size_t i, at = 0;

	for (i = 0; i < c->nirb; i++) {
		if (off < at + c->irb[i].len)
			return c->irb[i].off + (long long)(off - at);
		at += c->irb[i].len;
	}
	return -1;
}

static void irb_finish(struct jpeg_ctx *c)
{
	unsigned char *cat;
	size_t i, total = 0, at = 0;

	if (c->nirb == 1) {
		meta_irb_read(c->f, c->p + c->irb[0].off, c->irb[0].len, c->irb[0].off, NULL, NULL);
		return;
	}
	for (i = 0; i < c->nirb; i++)
		total += c->irb[i].len;
	if (total == 0)
		return;
	cat = malloc(total);
	if (!cat) {
		c->f->oom = 1;
		return;
	}
	for (i = 0; i < c->nirb; i++) {
		memcpy(cat + at, c->p + c->irb[i].off, c->irb[i].len);
		at += c->irb[i].len;
	}
	meta_irb_read(c->f, cat, total, c->irb[0].off, irb_map, c);
	free(cat);
}

/* ---- segments ---------------------------------------------------------------------------------- */

static void app_segment(struct jpeg_ctx *c, unsigned m, const unsigned char *s, size_t n,
			long long off)
{
	if (m == 0xe1 && n >= 6 && memcmp(s, "Exif\0", 5) == 0)
		meta_exif_read(c->f, s, n, off, "APP1");
	else if (m == 0xe1 && has_sig(s, n, XMP_SIG))
		meta_xmp_read(c->f, (const char *)s + sizeof(XMP_SIG), n - sizeof(XMP_SIG),
			      off + (long long)sizeof(XMP_SIG), "JPEG APP1 XMP");
	else if (m == 0xe1 && has_sig(s, n, XMP_EXT_SIG))
		xmp_ext_add(c, s + sizeof(XMP_EXT_SIG), n - sizeof(XMP_EXT_SIG),
			    off + (long long)sizeof(XMP_EXT_SIG));
	else if (m == 0xed && has_sig(s, n, IRB_SIG)) {
		if (c->nirb == JPEG_MAX_IRB_SEGS) {
			meta_problem(c->f, off, "more than %d Photoshop APP13 segments",
				     JPEG_MAX_IRB_SEGS);
			return;
		}
		c->irb[c->nirb].off = off + (long long)sizeof(IRB_SIG);
		c->irb[c->nirb++].len = n - sizeof(IRB_SIG);
	} else {
		meta_jpeg_app_read(c, m, s, n, off);
	}
}

/*
 * Skips entropy-coded data from pos: returns the offset of the next marker (an 0xFF followed by
 * neither a stuffed 0x00, a restart marker nor fill), or len when there is none.
 */
static size_t skip_scan(const unsigned char *p, size_t len, size_t pos)
{
	const unsigned char *q;

	while (pos < len && (q = memchr(p + pos, 0xff, len - pos)) != NULL) {
		pos = (size_t)(q - p);
		if (pos + 1 >= len)
			return len;
		if (p[pos + 1] != 0x00 && p[pos + 1] != 0xff && (p[pos + 1] < 0xd0 || p[pos + 1] > 0xd7))
			return pos;
		pos += p[pos + 1] == 0xff ? 1 : 2;
	}
	return len;
}

/* Reads one marker segment at pos (after the 0xFF fill). Returns the next position, 0 to stop. */
static size_t segment(struct jpeg_ctx *c, size_t pos)
{
	unsigned m = c->p[pos];
	size_t seg = pos - 1, n;

	pos++;
	if (m == 0xd9) {
		c->eoi_end = pos;
		return 0;
	}
	if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7))
		return pos;
	if (c->len - pos < 2) {
		meta_problem(c->f, (long long)seg, "segment 0x%02X truncated", m);
		return 0;
	}
	n = meta_be16(c->p + pos);
	if (n < 2 || n > c->len - pos) {
		meta_problem(c->f, (long long)seg, "declared length %zu past end of file", n);
		return 0;
	}
	if ((m >= 0xe0 && m <= 0xef) || m == 0xfe) {
		if (m == 0xfe)
			meta_add_text(c->f, META_F_COMMENT, (const char *)c->p + pos + 2, n - 2, "JPEG COM",
				      (long long)pos + 2);
		else
			app_segment(c, m, c->p + pos + 2, n - 2, (long long)pos + 2);
	}
	pos += n;
	if (m == 0xda) {
		pos = skip_scan(c->p, c->len, pos);
		if (pos >= c->len) {
			meta_problem(c->f, (long long)seg, "image data has no end-of-image marker");
			return 0;
		}
	}
	return pos;
}

void meta_jpeg_read(struct meta_fields *f, const unsigned char *p, size_t len)
{
	struct jpeg_ctx c;
	size_t pos = 2;

	memset(&c, 0, sizeof(c));
	c.f = f;
	c.p = p;
	c.len = len;
	while (pos && pos < len && !f->oom) {
		if (p[pos] != 0xff) {
			meta_problem(f, (long long)pos, "expected a JPEG marker, found byte 0x%02X", p[pos]);
			break;
		}
		while (pos < len && p[pos] == 0xff)
			pos++;
		if (pos >= len) {
			meta_problem(f, (long long)pos, "file ends inside a marker");
			break;
		}
		pos = segment(&c, pos);
	}
	if (c.nirb)
		irb_finish(&c);
	xmp_ext_finish(&c);
	if (c.eoi_end)
		meta_jpeg_trailer_read(&c);
}
