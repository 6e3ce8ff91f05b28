/* SPDX-License-Identifier: Apache-2.0 */
/* GIF: comment extensions and the XMP application extension ("XMP DataXMP"). */
#include <string.h>

#include "meta_int.h"

#include "banned.h"

#define GIF_MAX_BLOCKS 1000000

/* Skips a chain of data sub-blocks from pos. Returns the position after the terminator, or 0. */
static size_t skip_blocks(const unsigned char *p, size_t len, size_t pos)
{
	while (pos < len) {
		size_t n = p[pos];

		if (n == 0)
			return pos + 1;
		pos += 1 + n;
	}
	return 0;
}

/* Concatenates the sub-blocks of a comment (at most META_MAX_TEXT bytes) and adds it. */
static void comment(struct meta_fields *f, const unsigned char *p, size_t len, size_t pos)
{
	char buf[META_MAX_TEXT];
	size_t o = 0, n;

	while (pos < len && (n = p[pos]) != 0 && n < len - pos) {
		if (n > sizeof(buf) - o)
			n = sizeof(buf) - o;
		memcpy(buf + o, p + pos + 1, n);
		o += n;
		pos += 1 + (size_t)p[pos];
	}
	meta_add_text(f, META_F_COMMENT, buf, o, "GIF comment", (long long)pos);
}

/* XMP is stored raw, its bytes doubling as sub-block lengths: read up to the packet's end. */
static void xmp(struct meta_fields *f, const unsigned char *p, size_t len, size_t pos)
{
	static const char end_tag[] = "<?xpacket end=";
	const unsigned char *e = memmem(p + pos, len - pos, end_tag, sizeof(end_tag) - 1), *close;

	if (!e) {
		meta_problem(f, (long long)pos, "GIF XMP without a packet end");
		return;
	}
	close = memmem(e, (size_t)(p + len - e), "?>", 2);
	if (close)
		meta_xmp_read(f, (const char *)p + pos, (size_t)(close + 2 - (p + pos)), (long long)pos,
			      "GIF XMP");
}

static size_t extension(struct meta_fields *f, const unsigned char *p, size_t len, size_t pos)
{
	unsigned label = p[pos + 1];

	pos += 2;
	if (label == 0xfe)
		comment(f, p, len, pos);
	else if (label == 0xff && len - pos >= 12 && p[pos] == 11 &&
		 memcmp(p + pos + 1, "XMP DataXMP", 11) == 0)
		xmp(f, p, len, pos + 12);
	return skip_blocks(p, len, pos);
}

void meta_gif_read(struct meta_fields *f, const unsigned char *p, size_t len)
{
	size_t pos = 13;
	unsigned count = 0;

	if (len < 13) {
		meta_problem(f, 0, "GIF header truncated");
		return;
	}
	if (p[10] & 0x80)
		pos += 3u << ((p[10] & 7) + 1);
	while (pos && pos < len && count++ < GIF_MAX_BLOCKS && !f->oom) {
		if (p[pos] == 0x3b)
			return;
		if (p[pos] == 0x21 && len - pos >= 2) {
			pos = extension(f, p, len, pos);
		} else if (p[pos] == 0x2c && len - pos >= 11) {
			size_t at = pos + 10;

			if (p[pos + 9] & 0x80)
				at += 3u << ((p[pos + 9] & 7) + 1);
			pos = at + 1 < len ? skip_blocks(p, len, at + 1) : 0;
		} else {
			meta_problem(f, (long long)pos, "GIF block 0x%02X unknown or truncated", p[pos]);
			return;
		}
	}
	if (pos == 0)
		meta_problem(f, (long long)len, "GIF data truncated");
}
