/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writes the pixel fixtures into DIR, each saying what it plants:
 *   scene.jpg       a 640x480 street-like scene with an EXIF thumbnail of itself
 *   noface.jpg      the same scene without metadata: no face, no thumbnail
 *   flat.jpg        one colour (correlation edge case), with a thumbnail of itself
 * A cropped photo that keeps the original's thumbnail is then made from scene.jpg by
 * jpegtran -crop ... -copy all, exactly as editing tools leave them (see tests/diff/pixels.sh).
 * usage: mkthumbs DIR
 */
#include <libexif/exif-data.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "banned.h"

#define W 640
#define H 480

/* A deterministic scene: sky gradient, houses with windows, a road; enough structure that a
 * crop and the whole correlate poorly at 32x32. */
static void draw_scene(unsigned char *px, int w, int h, int flat)
{
	int x, y;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned char *p = px + 3 * (y * w + x);
			int house = (x / 80) % 2 == 0 && y > h / 3 && y < 3 * h / 4;
			int window = house && (x % 40) > 10 && (x % 40) < 28 && (y % 50) > 15 && (y % 50) < 35;
			int road = y >= 3 * h / 4;

			if (flat) {
				p[0] = 120, p[1] = 130, p[2] = 140;
			} else if (window) {
				p[0] = 250, p[1] = 230, p[2] = 120;
			} else if (house) {
				p[0] = (unsigned char)(150 + (x / 80) * 10), p[1] = 60, p[2] = 40;
			} else if (road) {
				p[0] = p[1] = p[2] = (unsigned char)(60 + ((x / 30 + y / 30) % 2) * 40);
			} else {
				p[0] = (unsigned char)(100 + y / 4), p[1] = (unsigned char)(150 + y / 5), p[2] = 230;
			}
		}
}

static unsigned char *encode(tjhandle tj, const unsigned char *px, int w, int h, unsigned long *len)
{
	unsigned char *out = NULL;

	if (tjCompress2(tj, px, w, 0, h, TJPF_RGB, &out, len, TJSAMP_420, 90, 0) != 0)
		return NULL;
	return out;
}

/* Box-downscales px (w x h) by f into a new buffer. */
static unsigned char *shrink(const unsigned char *px, int w, int h, int f)
{
	int tw = w / f, th = h / f, x, y, c, i, j;
	unsigned char *t = malloc((size_t)tw * th * 3);

	if (!t)
		return NULL;
	for (y = 0; y < th; y++)
		for (x = 0; x < tw; x++)
			for (c = 0; c < 3; c++) {
				unsigned sum = 0;

				for (j = 0; j < f; j++)
					for (i = 0; i < f; i++)
						sum += px[3 * ((y * f + j) * w + x * f + i) + c];
				t[3 * (y * tw + x) + c] = (unsigned char)(sum / (unsigned)(f * f));
			}
	return t;
}

/* Writes main JPEG with an APP1 EXIF block holding thumb (may be NULL) to path. */
static int write_with_thumb(const char *path, const unsigned char *jpg, unsigned long len,
			    unsigned char *thumb, unsigned long tlen)
{
	ExifData *ed = exif_data_new();
	unsigned char *exif = NULL;
	unsigned int elen = 0;
	FILE *f = fopen(path, "wb");
	int rc = -1;

	if (!ed || !f)
		goto out;
	exif_data_set_byte_order(ed, EXIF_BYTE_ORDER_INTEL);
	exif_data_fix(ed);
	if (thumb) {
		ed->data = thumb; /* libexif frees it with the data */
		ed->size = (unsigned int)tlen;
	}
	exif_data_save_data(ed, &exif, &elen);
	if (!exif || elen + 2 > 65535)
		goto out;
	/* SOI, APP1 (length, "Exif\0\0" is in exif), then the rest of the JPEG after its SOI */
	fputc(0xff, f), fputc(0xd8, f), fputc(0xff, f), fputc(0xe1, f);
	fputc((int)((elen + 2) >> 8), f), fputc((int)((elen + 2) & 0xff), f);
	fwrite(exif, 1, elen, f);
	fwrite(jpg + 2, 1, len - 2, f);
	rc = ferror(f) ? -1 : 0;
out:
	free(exif);
	if (ed)
		exif_data_unref(ed);
	if (f && fclose(f) != 0)
		rc = -1;
	return rc;
}

static int scene(tjhandle tj, const char *dir, const char *name, int flat, int thumb, const char *plants)
{
	unsigned char *px = malloc(W * H * 3), *jpg, *t, *tj_thumb = NULL;
	unsigned long len, tlen = 0;
	char path[4096];
	int rc;

	if (!px)
		return -1;
	draw_scene(px, W, H, flat);
	jpg = encode(tj, px, W, H, &len);
	t = thumb ? shrink(px, W, H, 4) : NULL;
	if (t)
		tj_thumb = encode(tj, t, W / 4, H / 4, &tlen);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (tj_thumb) {
		/* libexif frees ed->data with free(): hand it a malloc'd copy */
		unsigned char *copy = malloc(tlen);

		if (copy)
			memcpy(copy, tj_thumb, tlen);
		rc = jpg && copy ? write_with_thumb(path, jpg, len, copy, tlen) : -1;
	} else {
		FILE *f = fopen(path, "wb");

		rc = f && jpg && fwrite(jpg, 1, len, f) == len ? 0 : -1;
		if (f)
			fclose(f);
	}
	printf("%s\t%s\n", name, plants);
	tjFree(jpg);
	tjFree(tj_thumb);
	free(t);
	free(px);
	return rc;
}

int main(int argc, char **argv)
{
	tjhandle tj = tjInitCompress();
	int rc = 0;

	if (argc != 2 || !tj) {
		fprintf(stderr, "usage: mkthumbs DIR\n");
		return 2;
	}
	rc |= scene(tj, argv[1], "scene.jpg", 0, 1, "640x480 scene, EXIF thumbnail of the same picture");
	rc |= scene(tj, argv[1], "noface.jpg", 0, 0, "640x480 scene, no metadata, no face");
	rc |= scene(tj, argv[1], "flat.jpg", 1, 1, "one colour, EXIF thumbnail of the same picture");
	tjDestroy(tj);
	return rc ? 1 : 0;
}
