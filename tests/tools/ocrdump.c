/* SPDX-License-Identifier: Apache-2.0 */
/* ocrdump: what the text reader finds in photos, one JSON object per photo on stdout: text lines
 * found, plate candidates (box, score, the plate read), readings (kind, text, confidence, box),
 * boxes in the photo's own pixels, and the CPU seconds spent decoding the working image, then
 * finding and reading (the larger decode regions are read from included). It reads as postlint
 * does (ocr_read_pixels: regions found at working size, small characters read from a larger
 * decode); --side N finds and reads in one picture decoded at N instead (0: full size).
 * For the plates test and benchmark.
 *   ocrdump [--no-ocr] [--side N] [--datapath DIR] [--langs L] [--reads N] FILE.jpg... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "image.h"
#include "ocr.h"
#include "pixels.h"

#include "banned.h"

static double cpu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int load(const char *path, int side, struct image *img, struct pl_diag *d)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	struct image_jpeg_info info;
	struct image raw;
	long n;
	int rc = -1;

	image_init(&raw);
	if (!f)
		return -1;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET) &&
	    (p = malloc((size_t)n)) && fread(p, 1, (size_t)n, f) == (size_t)n &&
	    image_decode_jpeg(p, (size_t)n, side, &raw, d) == PL_OK) {
		image_jpeg_info(p, (size_t)n, &info);
		if (info.orientation == 1) {
			*img = raw;
			image_init(&raw);
			rc = 0;
		} else {
			rc = image_orient(&raw, info.orientation, img, d) == PL_OK ? 0 : -1;
		}
	}
	fclose(f);
	free(p);
	image_release(&raw);
	return rc;
}

static void json_str(const char *s)
{
	putchar('"');
	for (; s && *s; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	putchar('"');
}

/* Prints r with its boxes scaled by (sx, sy) to the photo's pixels. */
static void print(const char *path, const struct ocr_result *r, double t[3], double sx, double sy)
{
	static const char *const kinds[] = { "text", "plate", "sign", "number" };

	printf("{\"file\": ");
	json_str(path);
	printf(", \"decode_s\": %.4f, \"find_read_s\": %.4f, \"lines\": %zu, \"reads\": %zu, "
	       " \"plates\": [", t[1] - t[0], t[2] - t[1], r->lines, r->reads);
	for (size_t i = 0; i < r->nplates; i++) {
		const struct plate_candidate *p = &r->plates[i];

		printf("%s{\"box\": [%.1f, %.1f, %.1f, %.1f], \"score\": %.3f, \"band\": %d, "
		       "\"read\": ", i ? ", " : "", p->box.x * sx, p->box.y * sy, p->box.w * sx,
		       p->box.h * sy, p->score,
		       p->band_left + 2 * p->band_right);
		json_str(r->plate_text[i] >= 0 ? r->texts[r->plate_text[i]].text : NULL);
		printf("}");
	}
	printf("], \"texts\": [");
	for (size_t i = 0; i < r->ntexts; i++) {
		const struct ocr_text *x = &r->texts[i];

		printf("%s{\"kind\": \"%s\", \"text\": ", i ? ", " : "", kinds[x->kind]);
		json_str(x->text);
		printf(", \"country\": ");
		json_str(x->country ? x->country : "");
		printf(", \"conf\": %.2f, \"box\": [%.1f, %.1f, %.1f, %.1f]}", x->confidence,
		       x->box.x * sx, x->box.y * sy, x->box.w * sx, x->box.h * sy);
	}
	printf("]}\n");
}

/* Reads one photo as postlint does: pixels_photo, then ocr_read_pixels. */
static int dump_pixels(struct ocr_engine *e, const char *path, const struct ocr_opts *o)
{
	struct pixels px;
	struct ocr_result r;
	struct pl_diag d;
	double t[3];
	int rc = 1;

	pixels_init(&px, path);
	pl_diag_init(&d);
	t[0] = cpu();
	if (!pixels_photo(&px)) {
		fprintf(stderr, "ocrdump: cannot decode '%s': %s\n", path, px.err);
		goto out;
	}
	t[1] = cpu();
	if (ocr_read_pixels(e, &px, o, &r, &d) != PL_OK) {
		fprintf(stderr, "ocrdump: '%s': %s\n", path, d.message);
		goto out;
	}
	t[2] = cpu();
	print(path, &r, t, (double)px.disp_w / px.img.w, (double)px.disp_h / px.img.h);
	ocr_result_release(&r);
	rc = 0;
out:
	pixels_release(&px);
	return rc;
}

/* Finds and reads in one picture decoded at side (0: full size). */
static int dump_side(struct ocr_engine *e, const char *path, int side, const struct ocr_opts *o)
{
	struct image img;
	struct ocr_result r;
	struct pl_diag d;
	double t[3];
	int rc = 1;

	image_init(&img);
	pl_diag_init(&d);
	t[0] = cpu();
	if (load(path, side, &img, &d)) {
		fprintf(stderr, "ocrdump: cannot decode '%s': %s\n", path, d.message);
		return 1;
	}
	t[1] = cpu();
	if (ocr_read_photo(e, &img, NULL, o, &r, &d) != PL_OK) {
		fprintf(stderr, "ocrdump: '%s': %s\n", path, d.message);
	} else {
		t[2] = cpu();
		print(path, &r, t, (double)img.src_w / img.w, (double)img.src_h / img.h);
		ocr_result_release(&r);
		rc = 0;
	}
	image_release(&img);
	return rc;
}

static int dump(struct ocr_engine *e, const char *path, int side, const struct ocr_opts *o)
{
	return side >= 0 ? dump_side(e, path, side, o) : dump_pixels(e, path, o);
}

int main(int argc, char **argv)
{
	struct ocr_opts o;
	struct ocr_engine *e = NULL;
	const char *datapath = NULL, *langs = NULL;
	struct pl_diag d;
	int side = -1, i = 1, bad = 0;

	ocr_opts_init(&o);
	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--no-ocr"))
			o.read = 0;
		else if (!strcmp(argv[i], "--side") && i + 1 < argc)
			side = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--datapath") && i + 1 < argc)
			datapath = argv[++i];
		else if (!strcmp(argv[i], "--langs") && i + 1 < argc)
			langs = argv[++i];
		else if (!strcmp(argv[i], "--reads") && i + 1 < argc)
			o.max_reads = (int)strtol(argv[++i], NULL, 10);
		else
			break;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: ocrdump [--no-ocr] [--side N] [--datapath DIR] [--langs L] "
				"[--reads N] FILE.jpg...\n");
		return 2;
	}
	pl_diag_init(&d);
	if (ocr_engine_new(&e, datapath, langs, &d) != PL_OK) {
		fprintf(stderr, "ocrdump: %s\n", d.message);
		return 1;
	}
	for (; i < argc; i++)
		bad |= dump(e, argv[i], side, &o);
	ocr_engine_free(&e);
	return bad;
}
