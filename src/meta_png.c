/* SPDX-License-Identifier: Apache-2.0 */
/* PNG chunks: eXIf, text chunks (tEXt, zTXt, iTXt incl. XMP "XML:com.adobe.xmp" and ImageMagick's
 * hex "Raw profile type" blocks), and data after IEND. zlib inflation is bounded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medialib.h"
#include "meta_int.h"

#include "banned.h"

#define PNG_MAX_CHUNKS 100000
/* Bytes inflated per file, all compressed chunks together: many small zlib bombs are one bomb. */
#define PNG_MAX_INFLATED (4u * META_MAX_BLOCK)

/* Well-known tEXt keywords and the field each one feeds. */
static const struct png_key {
	const char *key;
	enum meta_field_id id;
} png_keys[] = {
	{ "Author", META_F_CREATOR_NAME },      { "Copyright", META_F_COPYRIGHT },
	{ "Description", META_F_DESCRIPTION },  { "Title", META_F_DESCRIPTION },
	{ "Comment", META_F_COMMENT },          { "Software", META_F_SOFTWARE },
	{ "Source", META_F_CAMERA_MODEL },      { "Creation Time", META_F_DATETIME_ORIGINAL },
	{ "Disclaimer", META_F_COPYRIGHT },     { "Warning", META_F_COMMENT },
};

/*
 * Inflates a zlib stream into a new buffer of at most max bytes. Returns 0, -1 when the stream
 * is corrupt or inflates past max, -2 when out of memory.
 */
static int inflate_bounded(const unsigned char *p, size_t n, size_t max, unsigned char **out,
			   size_t *out_len)
{
	z_stream z;
	unsigned char *buf = NULL, *nb;
	size_t cap = 0;
	int zr = Z_OK, rc = 0;

	memset(&z, 0, sizeof(z));
	if (ml_z.inflateInit_(&z, ZLIB_VERSION, (int)sizeof(z)) != Z_OK)
		return -2;
	z.next_in = (Bytef *)(uintptr_t)p; /* zlib's API is not const; it does not write input */
	z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
	while (zr != Z_STREAM_END) {
		if (z.total_out == cap) {
			if (cap >= max) {
				rc = -1;
				break;
			}
			cap = cap ? (cap * 2 < max ? cap * 2 : max) : (n * 4 < max && n ? n * 4 : max);
			nb = realloc(buf, cap);
			if (!nb) {
				rc = -2;
				break;
			}
			buf = nb;
		}
		z.next_out = buf + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		zr = ml_z.inflate(&z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END) {
			rc = zr == Z_MEM_ERROR ? -2 : -1;
			break;
		}
	}
	*out_len = z.total_out;
	ml_z.inflateEnd(&z);
	if (rc != 0)
		free(buf);
	else
		*out = buf;
	return rc;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ImageMagick's "Raw profile type T": "\nT\n   LENGTH\nHEX...". */
static void raw_profile(struct meta_fields *f, const char *type, const unsigned char *t, size_t n,
			long long off)
{
	size_t i = 0, o = 0, want = 0;
	unsigned char *bin;
	int hi = -1, v;

	while (i < n && (t[i] == '\n' || t[i] == ' '))
		i++;
	while (i < n && t[i] != '\n') /* the type name again */
		i++;
	while (i < n && (t[i] == '\n' || t[i] == ' '))
		i++;
	while (i < n && t[i] >= '0' && t[i] <= '9' && want <= META_MAX_BLOCK)
		want = want * 10 + (size_t)(t[i++] - '0');
	if (want == 0 || want > META_MAX_BLOCK || want > n / 2) {
		meta_problem(f, off, "PNG raw profile '%s' declares %zu bytes", type, want);
		return;
	}
	bin = malloc(want);
	if (!bin) {
		f->oom = 1;
		return;
	}
	for (; i < n && o < want; i++) {
		if ((v = hexval(t[i])) < 0)
			continue;
		if (hi < 0) {
			hi = v;
		} else {
			bin[o++] = (unsigned char)(hi << 4 | v);
			hi = -1;
		}
	}
	if (strcmp(type, "xmp") == 0 || (o > 29 && memcmp(bin, "http://ns.adobe.com/xap/1.0/", 29) == 0))
		meta_xmp_read(f, (const char *)bin + (bin[0] == 'h' ? 29 : 0), o - (bin[0] == 'h' ? 29 : 0),
			      off, "PNG raw profile xmp");
	else if (strcmp(type, "iptc") == 0 && o >= 4 && memcmp(bin, "8BIM", 4) == 0)
		meta_irb_read(f, bin, o, off, NULL, NULL);
	else if (strcmp(type, "iptc") == 0)
		meta_iptc_read(f, bin, o, off);
	else if (strcmp(type, "exif") == 0 || strcmp(type, "APP1") == 0)
		meta_exif_read(f, bin, o, off, "PNG raw profile exif");
	free(bin);
}

/* The text of chunk `key`, already inflated when it was compressed. */
static void text_value(struct meta_fields *f, const char *key, const unsigned char *t, size_t n,
		       long long off)
{
	char source[128];
	size_t i;

	if (strcmp(key, "XML:com.adobe.xmp") == 0) {
		meta_xmp_read(f, (const char *)t, n, off, "PNG iTXt XMP");
		return;
	}
	if (strncmp(key, "Raw profile type ", 17) == 0) {
		raw_profile(f, key + 17, t, n, off);
		return;
	}
	for (i = 0; i < sizeof(png_keys) / sizeof(png_keys[0]); i++) {
		if (strcmp(key, png_keys[i].key) == 0) {
			snprintf(source, sizeof(source), "PNG text %s", key);
			meta_add_text(f, png_keys[i].id, (const char *)t, n, source, off);
			return;
		}
	}
}

/* tEXt, zTXt or iTXt: keyword, NUL, then (per type) flags and the text. */
static void text_chunk(struct meta_fields *f, const char *type, const unsigned char *d, size_t n,
		       long long off, size_t *budget)
{
	const unsigned char *nul = memchr(d, 0, n < 80 ? n : 80), *t;
	unsigned char *inflated = NULL;
	size_t tn, ilen = 0;
	char key[80];
	int compressed = type[0] == 'z', rc;

	if (!nul)
		return;
	memcpy(key, d, (size_t)(nul - d) + 1);
	t = nul + 1;
	tn = n - (size_t)(t - d);
	if (type[0] == 'i') {
		const unsigned char *lang, *tkw;

		if (tn < 2 || !(lang = memchr(t + 2, 0, tn - 2)) ||
		    !(tkw = memchr(lang + 1, 0, (size_t)(d + n - lang - 1))))
			return;
		compressed = t[0] == 1;
		tn -= (size_t)(tkw + 1 - t);
		t = tkw + 1;
	} else if (compressed) {
		if (tn < 1)
			return;
		t++;
		tn--;
	}
	if (compressed) {
		size_t max = *budget < META_MAX_BLOCK ? *budget : META_MAX_BLOCK;

		if (meta_load_lib(f, medialib_load_z, off, "PNG") != 0)
			return;
		rc = inflate_bounded(t, tn, max, &inflated, &ilen);
		*budget -= ilen < *budget ? ilen : *budget;
		if (rc == -2)
			f->oom = 1;
		if (rc != 0) {
			if (rc == -1)
				meta_problem(f, off, "PNG %s chunk '%s' does not inflate within %zu bytes",
					     type, key, max);
			return;
		}
		t = inflated;
		tn = ilen;
	}
	text_value(f, key, t, tn, off);
	free(inflated);
}

static void chunk(struct meta_fields *f, const char *type, const unsigned char *d, size_t n,
		  long long off, size_t *budget)
{
	if (strcmp(type, "eXIf") == 0 || strcmp(type, "zxIf") == 0)
		meta_exif_read(f, d, n, off, "PNG eXIf");
	else if (strcmp(type, "tEXt") == 0 || strcmp(type, "zTXt") == 0 || strcmp(type, "iTXt") == 0)
		text_chunk(f, type, d, n, off, budget);
}

void meta_png_read(struct meta_fields *f, const unsigned char *p, size_t len)
{
	size_t pos = 8, n, i, budget = PNG_MAX_INFLATED;
	unsigned count = 0;
	int iend = 0;
	char type[5];

	if (len < 8)
		return;

	while (len - pos >= 12 && count++ < PNG_MAX_CHUNKS && !f->oom) {
		n = meta_be32(p + pos);
		memcpy(type, p + pos + 4, 4);
		type[4] = '\0';
		if (n > len - pos - 12) {
			meta_problem(f, (long long)pos, "PNG chunk declared length %zu past end of file", n);
			return;
		}
		chunk(f, type, p + pos + 8, n, (long long)pos + 8, &budget);
		pos += 12 + n;
		if (strcmp(type, "IEND") == 0) {
			iend = 1;
			break;
		}
	}
	if (iend && pos < len) {
		for (i = pos; i < len && (p[i] == 0 || p[i] == 0xff); i++)
			;
		if (i < len)
			meta_add_data(f, META_F_TRAILING_DATA,
				      media_format_name(media_format_detect(p + pos, len - pos)),
				      (long long)pos, (long long)(len - pos), "after PNG IEND");
	}
}
