/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The JPEG marker walk: dispatches APPn and COM segments, finds the end of the image and what
 * follows it. Works through a meta_src: only the segments that can hold metadata are read (into a
 * 64 KiB scratch buffer when the file is not in memory), and the image data is scanned in windows,
 * so a file is never loaded whole. Segment payload readers live in meta_jpeg_app.c.
 */
#include <stddef.h>
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

/*
 * n bytes at off (n <= JPEG_WINDOW): in place for memory sources, else from the window, refilled
 * from off when they are not all in it. Valid until the next call. NULL when not in the file.
 */
static const unsigned char *bytes_at(struct jpeg_ctx *c, uint64_t off, size_t n)
{
	size_t want;

	if (off > c->len || n > c->len - off || n > JPEG_WINDOW)
		return NULL;
	if (c->s->mem)
		return c->s->mem + off;
	if (off < c->win_off || off + n > c->win_off + c->win_len) {
		want = c->len - off < JPEG_WINDOW ? (size_t)(c->len - off) : JPEG_WINDOW;
		c->win_len = 0;
		if (meta_src_read(c->s, off, c->win, want) != 0)
			return NULL;
		c->win_off = off;
		c->win_len = want;
	}
	return c->win + (off - c->win_off);
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

static void irb_add(struct jpeg_ctx *c, const unsigned char *p, size_t n, long long off)
{
	unsigned char *nb;

	if (c->nirb == JPEG_MAX_IRB_SEGS) {
		meta_problem(c->f, off, "more than %d Photoshop APP13 segments", JPEG_MAX_IRB_SEGS);
		return;
	}
	nb = realloc(c->irb, c->irb_len + n + 1);
	if (!nb) {
		c->f->oom = 1;
		return;
	}
	c->irb = nb;
	memcpy(c->irb + c->irb_len, p, n);
	c->irb_len += n;
	c->irb_seg[c->nirb].off = off;
	c->irb_seg[c->nirb++].len = n;
}

/* Maps an offset in the joined resources back to the file. */
static long long irb_map(const void *ctx, size_t off)
{
	const struct jpeg_ctx *c = ctx;
	size_t i, at = 0;

	for (i = 0; i < c->nirb; i++) {
		if (off < at + c->irb_seg[i].len)
			return c->irb_seg[i].off + (long long)(off - at);
		at += c->irb_seg[i].len;
	}
	return -1;
}

static void irb_finish(struct jpeg_ctx *c)
{
	if (c->irb_len)
		meta_irb_read(c->f, c->irb, c->irb_len, c->irb_seg[0].off, irb_map, c);
	free(c->irb);
	c->irb = NULL;
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
	else if (m == 0xed && has_sig(s, n, IRB_SIG))
		irb_add(c, s + sizeof(IRB_SIG), n - sizeof(IRB_SIG), off + (long long)sizeof(IRB_SIG));
	else
		meta_jpeg_app_read(c, m, s, n, off);
}

/* Whether marker byte b after an 0xFF ends entropy-coded data (not stuffing, restart or fill). */
static int ends_scan(unsigned char b)
{
	return b != 0x00 && b != 0xff && (b < 0xd0 || b > 0xd7);
}

/*
 * The first marker in p[0..n): the index of an 0xFF whose next byte ends the scan; n when none;
 * n - 1 when p[n - 1] is an 0xFF whose next byte is not in p.
 */
static size_t find_marker(const unsigned char *p, size_t n)
{
	const unsigned char *q;
	size_t i = 0;

	while ((q = memchr(p + i, 0xff, n - i)) != NULL) {
		i = (size_t)(q - p);
		if (i + 1 >= n || ends_scan(p[i + 1]))
			return i;
		i += p[i + 1] == 0xff ? 1 : 2;
	}
	return n;
}

/*
 * Skips entropy-coded data from pos: returns the offset of the next marker's 0xFF, or len when
 * there is none. Memory is searched in place; a descriptor through the window.
 */
static uint64_t skip_scan(struct jpeg_ctx *c, uint64_t pos)
{
	const unsigned char *base;
	size_t n, i;

	while (pos < c->len) {
		n = c->s->mem || c->len - pos < JPEG_WINDOW ? (size_t)(c->len - pos) : JPEG_WINDOW;
		base = bytes_at(c, pos, c->s->mem ? 0 : n);
		if (!base)
			return c->len;
		i = find_marker(base, n);
		if (i + 1 < n || (i + 1 == n && pos + n >= c->len))
			return i + 1 == n ? c->len : pos + i; /* a marker, or an 0xFF ending the file */
		if (i == n)
			pos += n;
		else
			pos += i; /* an 0xFF at the window's end: look again from it */
	}
	return c->len;
}

/* Skips the 0xFF fill before a marker from pos. Returns the marker byte's offset, or len. */
static uint64_t skip_fill(struct jpeg_ctx *c, uint64_t pos)
{
	const unsigned char *w;
	size_t n, i;

	while (pos < c->len) {
		n = c->len - pos < 64 ? (size_t)(c->len - pos) : 64;
		w = bytes_at(c, pos, n);
		if (!w)
			return c->len;
		for (i = 0; i < n && w[i] == 0xff; i++)
			;
		pos += i;
		if (i < n)
			return pos;
	}
	return c->len;
}

/* The payload of segment m (n bytes at pos): only segments that can hold metadata are read. */
static void segment_payload(struct jpeg_ctx *c, unsigned m, uint64_t pos, size_t n)
{
	const unsigned char *s;

	if (!((m >= 0xe0 && m <= 0xef) || m == 0xfe) || n == 0)
		return;
	s = bytes_at(c, pos, n);
	if (!s)
		return;
	if (m == 0xfe)
		meta_add_text(c->f, META_F_COMMENT, (const char *)s, n, "JPEG COM", (long long)pos);
	else
		app_segment(c, m, s, n, (long long)pos);
}

/* Reads the segment whose marker byte is at pos. Returns the next position, 0 to stop. */
static uint64_t segment(struct jpeg_ctx *c, uint64_t pos)
{
	const unsigned char *h = bytes_at(c, pos, c->len - pos >= 3 ? 3 : 1);
	uint64_t seg = pos - 1;
	unsigned m;
	size_t n;

	if (!h)
		return 0;
	m = h[0];
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
	n = meta_be16(h + 1);
	if (n < 2 || n > c->len - pos) {
		meta_problem(c->f, (long long)seg, "declared length %zu past end of file", n);
		return 0;
	}
	segment_payload(c, m, pos + 2, n - 2);
	pos += n;
	if (m == 0xda && !meta_fields_wanted(c->f, META_F_TRAILING_DATA) &&
	    !meta_fields_wanted(c->f, META_F_VIDEO_LOCATION))
		return 0; /* nothing asked for lies past the image data */
	if (m == 0xda) {
		pos = skip_scan(c, pos);
		if (pos >= c->len) {
			meta_problem(c->f, (long long)seg, "image data has no end-of-image marker");
			return 0;
		}
	}
	return pos;
}

void meta_jpeg_read(struct meta_fields *f, const struct meta_src *s)
{
	struct jpeg_ctx *c = malloc(sizeof(*c));
	uint64_t pos = 2;
	const unsigned char *b;

	if (!c) {
		f->oom = 1;
		return;
	}
	memset(c, 0, offsetof(struct jpeg_ctx, win)); /* not the window: it is filled before use */
	memset(&c->ext, 0, sizeof(*c) - offsetof(struct jpeg_ctx, ext));
	c->f = f;
	c->s = s;
	c->len = s->size;
	while (pos && pos < c->len && !f->oom) {
		b = bytes_at(c, pos, 1);
		if (!b)
			break;
		if (b[0] != 0xff) {
			meta_problem(f, (long long)pos, "expected a JPEG marker, found byte 0x%02X", b[0]);
			break;
		}
		pos = skip_fill(c, pos);
		if (pos >= c->len) {
			meta_problem(f, (long long)pos, "file ends inside a marker");
			break;
		}
		pos = segment(c, pos);
	}
	irb_finish(c);
	xmp_ext_finish(c);
	if (c->eoi_end && !f->oom)
		meta_jpeg_trailer_read(c);
	free(c);
}
