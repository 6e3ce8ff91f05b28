/* SPDX-License-Identifier: Apache-2.0 */
/* facedump: decodes JPEGs to the working size and prints the faces postlint's detector finds,
 * one "face x y w h score" line each after a "file PATH W H N" line. With --ppm DIR it also
 * writes each working image as DIR/<index>.ppm, the exact pixels the detector saw (the
 * differential test feeds them to the JavaScript reference). The image is turned upright by
 * its EXIF orientation first (--stored: not), so boxes are in displayed coordinates. --time
 * prints, per file, wall and CPU milliseconds of decoding and of detection to stderr.
 * Usage: facedump [--model DIR] [--max-side N] [--tiles N] [--min-confidence F]
 *                 [--min-size F] [--ppm DIR] [--stored] [--time] FILE... */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "face.h"

#include "banned.h"

#define FILE_MAX ((size_t)256 << 20)

struct args {
	const char *model, *ppm;
	int max_side, timing, stored;
	struct face_opts opts;
};

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long size;

	*len = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && (size_t)size <= FILE_MAX &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL) {
		if (fread(buf, 1, (size_t)size, f) == (size_t)size) {
			*len = (size_t)size;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

static double now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Decodes p to the working size, upright unless a->stored. */
static enum pl_status decode(const struct args *a, const unsigned char *p, size_t len,
			     struct image *img, struct pl_diag *d)
{
	struct image_jpeg_info info;
	struct image turned;
	enum pl_status st = image_decode_jpeg(p, len, a->max_side, img, d);

	image_jpeg_info(p, len, &info);
	if (st != PL_OK || a->stored || info.orientation == 1)
		return st;
	st = image_orient(img, info.orientation, &turned, d);
	image_release(img);
	*img = turned;
	return st;
}

static int write_ppm(const char *dir, int index, const struct image *img)
{
	char path[4096];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%d.ppm", dir, index);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	fprintf(f, "P6\n%d %d\n255\n", img->w, img->h);
	ok = fwrite(img->px, 3, (size_t)img->w * img->h, f) == (size_t)img->w * img->h;
	return fclose(f) == 0 && ok ? 0 : -1;
}

/* Decodes and detects one file; prints its lines. Returns 0, or 1 on an error. */
static int one(const struct face_model *m, const struct args *a, const char *path, int index)
{
	struct pl_diag d = { 0 };
	struct image img;
	struct face_box *boxes = NULL;
	size_t len, n = 0;
	unsigned char *buf = slurp(path, &len);
	double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID), t1, c1;
	enum pl_status st;

	if (!buf) {
		fprintf(stderr, "facedump: cannot read '%s': %s\n", path, strerror(errno));
		return 1;
	}
	st = decode(a, buf, len, &img, &d);
	free(buf);
	if (st == PL_OK && img.warned)
		fprintf(stderr, "facedump: '%s': %s\n", path, d.message);
	if (st == PL_OK && a->ppm && write_ppm(a->ppm, index, &img) != 0)
		fprintf(stderr, "facedump: cannot write a ppm for '%s'\n", path);
	t1 = now_ms(CLOCK_MONOTONIC);
	c1 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (st == PL_OK)
		st = face_detect(m, &img, &a->opts, &boxes, &n, &d);
	if (st != PL_OK) {
		fprintf(stderr, "facedump: '%s': %s\n", path, d.message);
		image_release(&img);
		return 1;
	}
	printf("file %s %d %d %zu\n", path, img.w, img.h, n);
	for (size_t i = 0; i < n; i++)
		printf("face %.3f %.3f %.3f %.3f %.5f\n", boxes[i].x, boxes[i].y, boxes[i].w,
		       boxes[i].h, boxes[i].score);
	if (a->timing)
		fprintf(stderr, "time %s decode %.1f ms cpu %.1f ms detect %.1f ms cpu %.1f ms\n",
			path, t1 - t0, c1 - c0, now_ms(CLOCK_MONOTONIC) - t1,
			now_ms(CLOCK_PROCESS_CPUTIME_ID) - c1);
	free(boxes);
	image_release(&img);
	return 0;
}

static int parse(int argc, char **argv, struct args *a, int *first)
{
	int i;

	a->model = "build/models";
	a->ppm = NULL;
	a->max_side = 1536;
	a->timing = 0;
	a->stored = 0;
	face_opts_init(&a->opts);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--time") == 0 || strcmp(argv[i], "--stored") == 0) {
			*(argv[i][2] == 't' ? &a->timing : &a->stored) = 1;
			continue;
		}
		if (!v)
			return -1;
		if (strcmp(argv[i], "--model") == 0)
			a->model = v;
		else if (strcmp(argv[i], "--ppm") == 0)
			a->ppm = v;
		else if (strcmp(argv[i], "--max-side") == 0)
			a->max_side = (int)strtol(v, NULL, 10);
		else if (strcmp(argv[i], "--tiles") == 0)
			a->opts.tiles = (int)strtol(v, NULL, 10);
		else if (strcmp(argv[i], "--min-confidence") == 0)
			a->opts.min_confidence = strtof(v, NULL);
		else if (strcmp(argv[i], "--min-size") == 0)
			a->opts.min_size = strtof(v, NULL);
		else
			return -1;
		i++;
	}
	*first = i;
	return i < argc ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct args a;
	struct face_model *m = NULL;
	struct pl_diag d = { 0 };
	int first, rc = 0;
	double t0;

	if (parse(argc, argv, &a, &first) != 0) {
		fprintf(stderr, "usage: facedump [--model DIR] [--max-side N] [--tiles N] "
				"[--min-confidence F] [--min-size F] [--ppm DIR] [--stored] [--time] "
				"FILE...\n");
		return 2;
	}
	t0 = now_ms(CLOCK_MONOTONIC);
	if (face_model_load(a.model, &m, &d) != PL_OK) {
		fprintf(stderr, "facedump: %s\n", d.message);
		return 1;
	}
	if (a.timing)
		fprintf(stderr, "load %.1f ms\n", now_ms(CLOCK_MONOTONIC) - t0);
	for (int i = first; i < argc; i++)
		rc |= one(m, &a, argv[i], i - first);
	face_model_free(&m);
	return rc;
}
