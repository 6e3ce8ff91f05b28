/* SPDX-License-Identifier: Apache-2.0 */
/* Reading text in photos: licence plates, street-name signs, house numbers. Candidate regions are
 * found by the photo's own strokes (text_regions.c, plate_detect.c); only those are handed to
 * Tesseract, through one engine per thread. */
#ifndef PL_OCR_H
#define PL_OCR_H

#include <stddef.h>

#include "image.h"
#include "plate_detect.h"
#include "postlint/status.h"

#define OCR_DEFAULT_DATAPATH "/usr/share/tesseract-ocr/5/tessdata" /* Debian's tessdata */
#define OCR_DEFAULT_LANGS "eng+fra+nld+deu" /* signs and other text */
#define OCR_PLATE_LANGS "eng"               /* plates: capitals and digits, whitelisted */
#define OCR_MAX_READS 24                    /* regions handed to Tesseract per photo, at most */
#define OCR_DEFAULT_READS 12
#define OCR_MAX_TEXT 256                    /* bytes kept of one reading */
#define OCR_CHAR_PX 36                      /* character height crops are scaled to */
#define OCR_MAX_CROP_PIXELS (2 * 1024 * 1024) /* pixels of one scaled crop */

enum ocr_kind {
	OCR_TEXT = 0, /* any other line of text */
	OCR_PLATE,    /* a licence plate number that a plate validator accepts */
	OCR_SIGN,     /* a street name: a line holding a street word (straat, rue, ...) */
	OCR_NUMBER,   /* a house number: 1 to 4 digits and an optional letter, alone on a line */
};

/* One reading, in the coordinates of the image regions are found in (ocr_read_photo's img). */
struct ocr_text {
	struct image_box box;
	char *text;          /* UTF-8, NUL-terminated, trimmed; owned by the result */
	float confidence;    /* 0..1, Tesseract's mean word confidence */
	enum ocr_kind kind;
	const char *country; /* OCR_PLATE: "nl", "be", "fr", "de" or "lu" (static); else NULL */
	long plate;          /* index in plates of the candidate it was read from, or -1 */
};

struct ocr_result {
	struct ocr_text *texts;
	size_t ntexts;
	struct plate_candidate *plates; /* best first */
	size_t nplates;
	long *plate_text;    /* per plate: index in texts of its validated reading, or -1 */
	size_t lines;        /* text lines found */
	size_t reads;        /* regions handed to Tesseract */
};

struct ocr_opts {
	int read;             /* 0: find plate candidates only, never start Tesseract */
	int max_reads;        /* regions read per photo, 1..OCR_MAX_READS */
	float min_plate;      /* plate candidates below this score are not read (default 0.4) */
	float min_line;       /* text lines below this score are not read (default 0.5) */
	float min_confidence; /* readings below are dropped (default 0.4) */
};

/* Defaults: read on, OCR_DEFAULT_READS, 0.4, 0.5, 0.4. */
void ocr_opts_init(struct ocr_opts *o);

struct ocr_engine;

/*
 * Makes an engine: nothing is loaded until a region needs reading (Tesseract takes about 0.3 s
 * per language to load, once per engine). datapath NULL means OCR_DEFAULT_DATAPATH; langs NULL
 * means OCR_DEFAULT_LANGS (for signs; plates always use OCR_PLATE_LANGS). One engine per thread:
 * an engine is not shared. The strings are copied. Free with ocr_engine_free.
 * Debian's Tesseract runs its recogniser with OpenMP threads that spin: a front end running
 * one engine per worker should set OMP_THREAD_LIMIT=1 before the first engine loads (twice the
 * CPU otherwise). The library does not touch the environment.
 */
enum pl_status ocr_engine_new(struct ocr_engine **out, const char *datapath, const char *langs,
			      struct pl_diag *d);
/* Frees the engine and its Tesseract handles; accepts NULL and clears the caller's pointer. */
void ocr_engine_free(struct ocr_engine **e);

void ocr_result_init(struct ocr_result *r);
/* Frees the contents and zeroes r. */
void ocr_result_release(struct ocr_result *r);

/*
 * A larger picture of the photo that regions are read from, while they are found in a smaller
 * one (finding costs in proportion to the pixels, reading does not). load fills out (RGB or
 * grey) with the same photo, upright like the image the regions are found in, at any larger
 * size; it is called at most once per ocr_read_photo, when the first region whose characters
 * would be enlarged is read or an EU band needs its plate searched (plate_seek.h), and out is
 * released before ocr_read_photo returns. A status other
 * than PL_OK and PL_ERR_NOMEM means "nothing larger": regions are read from the finding image.
 */
struct ocr_source {
	enum pl_status (*load)(void *ctx, struct image *out, struct pl_diag *d);
	void *ctx;
};

/*
 * Finds text lines and plate candidates in img (RGB, or grey without colour cues) and, when
 * o->read, reads the best of them with Tesseract: plate candidates with the plate alphabet
 * (kept when a plate validator accepts the reading, after undoing the usual O/0, I/1, B/8
 * confusions), then the other lines. A region whose characters are under OCR_CHAR_PX tall in img
 * is cropped from src's larger picture when src is not NULL (see struct ocr_source), and plates
 * too small to be found in img are looked for there beside their EU band, reading or not; boxes
 * are always in img's coordinates. On PL_OK out holds the readings and every plate candidate;
 * the caller releases it with ocr_result_release. Returns PL_ERR_USAGE (bad image), PL_ERR_IO
 * (Tesseract's data cannot be loaded: d names the path and languages), PL_ERR_NOMEM.
 */
enum pl_status ocr_read_photo(struct ocr_engine *e, const struct image *img,
			      const struct ocr_source *src, const struct ocr_opts *o,
			      struct ocr_result *out, struct pl_diag *d);

struct pixels;

/*
 * Reads the text in the photo of px as postlint does: regions found in pixels_photo's working
 * image, the ones with small characters cropped from pixels_reading's larger grey decode, made on
 * the first such region and freed before returning. Boxes are in the working image's
 * coordinates. Fails as pixels_photo does when px has no decodable JPEG photo (px->st, d says
 * why), else as ocr_read_photo.
 */
enum pl_status ocr_read_pixels(struct ocr_engine *e, struct pixels *px, const struct ocr_opts *o,
			       struct ocr_result *out, struct pl_diag *d);

/* ---- inside the module ---- */

/*
 * What a crop is read for: the plate alphabet on one line; any text on one line in the first
 * language alone (the plate handle without its alphabet: a quick look); any text on one line
 * in every language.
 */
enum ocr_mode { OCR_MODE_PLATE, OCR_MODE_QUICK, OCR_MODE_LINE };

/*
 * Reads the grey crop (black text on white; one line, or a block of lines when block) with the
 * engine's handle for mode, loading it on first use. *text gets a malloc'ed, trimmed UTF-8
 * string, line breaks as spaces (the caller frees it), *conf Tesseract's mean confidence 0..1.
 * OCR_MODE_LINE costs up to one OCR_MODE_QUICK per language on what no language reads well
 * (Tesseract tries the next language for every word it does not accept); on text the first
 * language reads well, both cost the same.
 */
enum pl_status ocr_engine_read(struct ocr_engine *e, enum ocr_mode mode, int block,
			       const struct image *crop, char **text, float *conf,
			       struct pl_diag *d);

/* A region to crop for reading: its box, character height, slope and polarity. */
struct ocr_region {
	struct image_box box;
	float char_h;
	float slope;
	int rows;       /* lines of characters in box: 1, or 2 for a two-row plate */
	int dark;       /* dark characters on a lighter ground */
	int plate;      /* a plate's row: blobs much smaller than a character (seals, dashes) are
			   removed and the crop stays inside the plate's border */
	float x0, x1;   /* the crop's left and right edges; both 0: box widened by a margin */
};

/*
 * Crops region r out of img, straightens its slope, scales it to OCR_CHAR_PX character height
 * (OCR_MAX_CROP_PIXELS at most; a box filter under each pixel when shrinking), binarises it (Otsu) to black text on white and clears blobs
 * touching the border (frames, plate edges, bands) unless they are character-sized and centred
 * within the box. out gets fresh pixels (grey).
 */
enum pl_status ocr_crop(const struct image *img, const struct ocr_region *r, struct image *out);

/* Luma of img (RGB or grey) at (x, y), bilinear, clipped to the image. */
float ocr_luma(const struct image *img, float x, float y);

#endif
