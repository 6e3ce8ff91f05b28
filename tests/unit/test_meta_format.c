/* SPDX-License-Identifier: Apache-2.0 */
/* Media format detection: a row per signature, including ftyp brand precedence and near-misses. */
#include "harness.h"
#include "media_format.h"

#include "banned.h"

static const struct {
	const char *bytes;
	size_t len;
	enum media_format want;
	const char *name;
} rows[] = {
	{ "\xff\xd8\xff\xe0", 4, MEDIA_JPEG, "jpeg" },
	{ "\xff\xd8\xff", 3, MEDIA_JPEG, "jpeg" },
	{ "\xff\xd8", 2, MEDIA_UNKNOWN, "unknown" },
	{ "\x89PNG\r\n\x1a\n", 8, MEDIA_PNG, "png" },
	{ "\x89PNG\r\n\x1a", 7, MEDIA_UNKNOWN, "unknown" },
	{ "GIF89a", 6, MEDIA_GIF, "gif" },
	{ "GIF87a", 6, MEDIA_GIF, "gif" },
	{ "GIF88a", 6, MEDIA_UNKNOWN, "unknown" },
	{ "RIFF\0\0\0\0WEBPVP8X", 16, MEDIA_WEBP, "webp" },
	{ "RIFF\0\0\0\0WAVEfmt ", 16, MEDIA_UNKNOWN, "unknown" },
	{ "II*\0\x08\0\0\0", 8, MEDIA_TIFF, "tiff" },
	{ "MM\0*\0\0\0\x08", 8, MEDIA_TIFF, "tiff" },
	{ "II+\0", 4, MEDIA_UNKNOWN, "unknown" },
	{ "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, MEDIA_HEIC, "heic" },
	{ "\0\0\0\x18" "ftypmif1\0\0\0\0mif1heic", 24, MEDIA_HEIC, "heic" },
	{ "\0\0\0\x18" "ftypmif1\0\0\0\0mif1avif", 24, MEDIA_AVIF, "avif" },
	{ "\0\0\0\x14" "ftypmif1\0\0\0\0mif1", 20, MEDIA_HEIF, "heif" },
	{ "\0\0\0\x14" "ftypavif\0\0\0\0mif1", 20, MEDIA_AVIF, "avif" },
	{ "\0\0\0\x18" "ftypisom\0\0\0\0isommp42", 24, MEDIA_MP4, "mp4" },
	{ "\0\0\0\x14" "ftyp3gp6\0\0\0\0isom", 20, MEDIA_MP4, "mp4" },
	{ "\0\0\0\x14" "ftypqt  \0\0\0\0qt  ", 20, MEDIA_MOV, "mov" },
	{ "\0\0\0\x18" "ftypisom\0\0\0\0qt  isom", 24, MEDIA_MP4, "mp4" },
	/* the box says 16 bytes: brands past it are not the file's */
	{ "\0\0\0\x10" "ftypisom\0\0\0\0heic", 20, MEDIA_MP4, "mp4" },
	{ "\0\0\0\x08wide\0\0\0\x08mdat", 16, MEDIA_MOV, "mov" },
	{ "\0\0\0\x00moov", 8, MEDIA_MOV, "mov" },
	{ "\0\0\0\x04moov", 8, MEDIA_UNKNOWN, "unknown" },
	{ "\0\0\0\x08" "ftyp", 8, MEDIA_UNKNOWN, "unknown" },
	{ "hello", 5, MEDIA_UNKNOWN, "unknown" },
	{ "", 0, MEDIA_UNKNOWN, "unknown" },
};

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		enum media_format f = media_format_detect((const unsigned char *)rows[i].bytes,
							  rows[i].len);
		char ctx[32];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		CHECK_INT(f, rows[i].want, ctx);
		CHECK_STR(media_format_name(f), rows[i].name, ctx);
	}
	CHECK(media_format_detect(NULL, 10) == MEDIA_UNKNOWN, "NULL input");
	CHECK_STR(media_format_name((enum media_format)99), "unknown", "out of range name");
	CHECK(media_format_is_video(MEDIA_MOV) && media_format_is_video(MEDIA_MP4) &&
		      !media_format_is_video(MEDIA_HEIC),
	      "video formats");
	CHECK(media_format_is_bmff(MEDIA_AVIF) && !media_format_is_bmff(MEDIA_TIFF), "bmff formats");
	TEST_DONE();
}
