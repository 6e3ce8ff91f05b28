/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a photo: text lines and plate candidates first (no Tesseract), then the best plate
 * candidates read with the plate alphabet and checked by the plate validators, then the best
 * other lines read as text and sorted into street signs, house numbers and other text. Small
 * characters are cropped from a larger picture of the photo when the caller has one. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ocr.h"
#include "plate_seek.h"
#include "plate_text.h"
#include "text_regions.h"

#include "banned.h"

#define OCR_NUMBER_CONF 0.6f /* a house number is a few characters: ask more of them */
#define OCR_LINE_PLATE_CONF 0.7f /* a plate read outside the plate candidates */
#define OCR_OVERLAP 0.5f     /* a line this much inside a read region is not read again */
#define OCR_MAX_PLAQUES 6    /* short lines on a plain ground read per photo */
#define OCR_PLAQUE_SD 22.0f  /* grey spread of the ground around a plaque's characters, at most */
#define OCR_PLAQUE_INK 60.0f /* grey levels between the characters and that ground, at least */
#define OCR_QUICK_DROP 0.35f /* a line read in one language below this is not read in all */
#define OCR_QUICK_KEEP 0.8f  /* a line read in one language at or above this is kept as read */

/* Words that make a line a street name, normalised (lower case, no accents). */
static const char *const street_words[] = {
	"straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef",
	"markt", "plantsoen", "steenweg", "rue", "avenue", "boulevard", "chaussee", "place",
	"allee", "quai", "impasse", "chemin", "strasse", "gasse", "platz",
};

/* The pictures of one photo: regions found in find, read from big when it is larger. */
struct pics {
	const struct image *find;
	const struct ocr_source *src;
	int tried;        /* src->load was called */
	struct image big; /* empty unless loaded and larger than find */
	float sx, sy;     /* big's pixels per find's pixel */
};

void ocr_opts_init(struct ocr_opts *o)
{
	o->read = 1;
	o->max_reads = OCR_DEFAULT_READS;
	o->min_plate = 0.4f;
	o->min_line = 0.5f;
	o->min_confidence = 0.4f;
}

void ocr_result_init(struct ocr_result *r)
{
	memset(r, 0, sizeof(*r));
}

void ocr_result_release(struct ocr_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ntexts; i++)
		free(r->texts[i].text);
	free(r->texts);
	free(r->plates);
	free(r->plate_text);
	ocr_result_init(r);
}

/* Appends a reading (taking ownership of text, freed on failure). */
static enum pl_status add_text(struct ocr_result *r, char *text, struct image_box box, float conf,
			       enum ocr_kind kind, const char *country, long plate)
{
	struct ocr_text *t = realloc(r->texts, (r->ntexts + 1) * sizeof(*t));

	if (!t) {
		free(text);
		return PL_ERR_NOMEM;
	}
	r->texts = t;
	r->texts[r->ntexts++] = (struct ocr_text){ box, text, conf, kind, country, plate };
	return PL_OK;
}

/* Loads the larger picture on first need; PL_ERR_NOMEM is the only failure (any other leaves
 * big empty and reading goes on from find). */
static enum pl_status load_big(struct pics *p, struct pl_diag *d)
{
	struct pl_diag ld;
	enum pl_status st;

	if (p->tried || !p->src || !p->src->load)
		return PL_OK;
	p->tried = 1;
	pl_diag_init(&ld);
	st = p->src->load(p->src->ctx, &p->big, &ld);
	if (st == PL_ERR_NOMEM)
		return image_diagf(d, st, "%s", ld.message);
	if (st != PL_OK || !p->big.px || (p->big.channels != 1 && p->big.channels != 3) ||
	    p->big.w <= p->find->w || p->big.h <= p->find->h) {
		image_release(&p->big);
		return PL_OK;
	}
	p->sx = (float)p->big.w / (float)p->find->w;
	p->sy = (float)p->big.h / (float)p->find->h;
	return PL_OK;
}

/* Region g of find mapped onto the larger picture. */
static struct ocr_region region_big(const struct pics *p, const struct ocr_region *g)
{
	struct ocr_region b = *g;

	b.box = (struct image_box){ g->box.x * p->sx, g->box.y * p->sy, g->box.w * p->sx,
				    g->box.h * p->sy };
	b.char_h = g->char_h * p->sy;
	b.slope = g->slope * p->sy / p->sx;
	b.x0 = g->x0 * p->sx;
	b.x1 = g->x1 * p->sx;
	return b;
}

/* Crops region g (in find's coordinates) into crop; crop->px NULL for a degenerate region.
 * Characters that would be enlarged are cropped from the larger picture when there is one. */
static enum pl_status crop_region(struct pics *pics, const struct ocr_region *g,
				  struct image *crop, struct pl_diag *d)
{
	struct ocr_region b;
	enum pl_status st = PL_OK;

	image_init(crop);
	if (g->char_h < OCR_CHAR_PX)
		st = load_big(pics, d);
	if (st != PL_OK)
		return st;
	if (g->char_h < OCR_CHAR_PX && pics->big.px) {
		b = region_big(pics, g);
		st = ocr_crop(&pics->big, &b, crop);
	} else {
		st = ocr_crop(pics->find, g, crop);
	}
	if (st == PL_ERR_USAGE)
		return PL_OK; /* a degenerate region: nothing to read (crop->px is NULL) */
	return st == PL_OK ? PL_OK : image_diagf(d, st, "out of memory cropping a text region");
}

/* Crops region g and reads it with mode; *text NULL when nothing was read. */
static enum pl_status read_region(struct ocr_engine *e, struct pics *pics,
				  const struct ocr_region *g, enum ocr_mode mode, char **text,
				  float *conf, struct pl_diag *d)
{
	struct image crop;
	enum pl_status st = crop_region(pics, g, &crop, d);

	*text = NULL;
	*conf = 0;
	if (st == PL_OK && crop.px)
		st = ocr_engine_read(e, mode, g->rows > 1, &crop, text, conf, d);
	image_release(&crop);
	return st;
}

static size_t alnum_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80;
	return n;
}

/* Reads plate candidate i; a reading the validators accept becomes an OCR_PLATE text. */
static enum pl_status read_plate(struct ocr_engine *e, struct pics *pics, size_t i,
				 struct ocr_result *r, struct pl_diag *d)
{
	const struct plate_candidate *pc = &r->plates[i];
	/* From band to band (or the plate's ground): a band in the crop could swallow the first
	 * character when both touch and the band is cleared as a border blob. */
	struct ocr_region g = { pc->text, pc->char_h, pc->slope, pc->rows, 1, 1,
				fmaxf(pc->inner_x0, pc->text.x - 0.35f * pc->char_h),
				fminf(pc->inner_x1, pc->text.x + pc->text.w + 0.35f * pc->char_h) };
	char plate[PLATE_TEXT_MAX + 1], *text, *keep;
	const char *country;
	float conf;
	enum pl_status st = read_region(e, pics, &g, OCR_MODE_PLATE, &text, &conf, d);

	r->reads++;
	if (st != PL_OK || !text)
		return st;
	country = plate_text_match(text, plate, sizeof(plate));
	free(text);
	/* Five characters (a short German plate) validate by chance too often without the band. */
	if (!country || (alnum_count(plate) < 6 && pc->score < PLATE_LIKELY))
		return PL_OK;
	keep = malloc(strlen(plate) + 1);
	if (!keep)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory keeping a reading");
	memcpy(keep, plate, strlen(plate) + 1);
	r->plate_text[i] = (long)r->ntexts;
	st = add_text(r, keep, pc->box, conf, OCR_PLATE, country, (long)i);
	return st == PL_OK ? PL_OK : image_diagf(d, st, "out of memory keeping a reading");
}

/* 1 to 4 digits and an optional letter, spaces aside: "12", "12a", "148 B". */
static int is_house_number(const char *s)
{
	size_t digits = 0, letters = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s) && !letters)
			digits++;
		else if (isalpha((unsigned char)*s) && (unsigned char)*s < 0x80 && digits)
			letters++;
		else if (*s != ' ')
			return 0;
	}
	return digits >= 1 && digits <= 4 && letters <= 1;
}

static int is_street(const char *s)
{
	char low[OCR_MAX_TEXT + 1];
	size_t n = 0;

	for (; *s && n < OCR_MAX_TEXT; s++)
		low[n++] = (char)tolower((unsigned char)*s);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(street_words) / sizeof(street_words[0]); i++)
		if (strstr(low, street_words[i]))
			return 1;
	return 0;
}

/* Sorts one line's reading into a kind, or returns -1 to drop it. */
static int classify(const char *text, float conf, const struct tr_line *l, int plate_ground,
		    const char **country, char *plate, size_t plen, float min_conf)
{
	*country = NULL;
	if (conf < min_conf || alnum_count(text) < 1)
		return -1;
	/* One character read from a line of several blobs is Tesseract giving up on the rest
	 * (petals, leaves and bricks read as "4" at full resolution), not a house number. */
	if (is_house_number(text))
		return conf >= OCR_NUMBER_CONF && l->n <= 6 && (alnum_count(text) >= 2 || l->n == 1)
			       ? OCR_NUMBER : -1;
	if (alnum_count(text) < 2)
		return -1;
	if (is_street(text))
		return OCR_SIGN;
	/* A plate the plate detector missed: dark characters (every EU plate's) on a plate's
	 * ground, read well. */
	if (l->dark && l->n >= 6 && l->n <= 10 && conf >= OCR_LINE_PLATE_CONF && plate_ground &&
	    alnum_count(text) >= 6 && (*country = plate_text_match(text, plate, plen)))
		return OCR_PLATE;
	return OCR_TEXT;
}

/* Whether line l is a plate candidate's row whose ground is a plate's (yellow or white). */
static int line_on_plate_ground(const struct ocr_result *r, const struct tr_line *l)
{
	for (size_t i = 0; i < r->nplates; i++)
		if (r->plates[i].rows == 1 && r->plates[i].ground != PLATE_GROUND_OTHER &&
		    tr_box_iou(r->plates[i].text, l->box) > 0.5f)
			return 1;
	return 0;
}

/* Whether box b lies mostly inside region a. */
static int inside(struct image_box b, struct image_box a)
{
	float x0 = b.x > a.x ? b.x : a.x, y0 = b.y > a.y ? b.y : a.y;
	float x1 = b.x + b.w < a.x + a.w ? b.x + b.w : a.x + a.w;
	float y1 = b.y + b.h < a.y + a.h ? b.y + b.h : a.y + a.h;

	return x1 > x0 && y1 > y0 && (x1 - x0) * (y1 - y0) >= OCR_OVERLAP * b.w * b.h;
}

/*
 * Whether line l lies in a plate candidate that was read or in a text already kept. A text's
 * reading covers the lines of its own size only: a line of characters under half its height
 * is other text standing inside it (a house-number plaque on a wall whose windows made a line
 * of their own, read as a word).
 */
static int already_read(const struct ocr_result *r, const struct tr_line *l, float min_plate)
{
	for (size_t i = 0; i < r->nplates; i++)
		if (r->plates[i].score >= min_plate && inside(l->box, r->plates[i].box))
			return 1;
	for (size_t i = 0; i < r->ntexts; i++)
		if (inside(l->box, r->texts[i].box) && 2.0f * l->box.h >= r->texts[i].box.h)
			return 1;
	return 0;
}

/*
 * Reads region g as a line of text in two steps. Every language's reading of what no language
 * reads well (bricks, leaves, fabric) costs one reading per language, as Tesseract tries the
 * next language for every word it does not accept: on a dense texture that was 30 to 80 ms a
 * region, most of a photo's time. So the crop is read first in one language (the plate
 * handle, OCR_MODE_QUICK, a quarter of that): under OCR_QUICK_DROP confidence it is texture
 * and dropped; at OCR_QUICK_KEEP and above, the one language read it well and every language
 * would return its reading (the first language's is tried first and accepted); in between it
 * is read again in every language.
 */
static enum pl_status read_text(struct ocr_engine *e, struct pics *pics,
				const struct ocr_region *g, char **text, float *conf,
				struct pl_diag *d)
{
	struct image crop;
	enum pl_status st = crop_region(pics, g, &crop, d);

	*text = NULL;
	*conf = 0;
	if (st == PL_OK && crop.px)
		st = ocr_engine_read(e, OCR_MODE_QUICK, 0, &crop, text, conf, d);
	if (st == PL_OK && *text && *conf < OCR_QUICK_KEEP) {
		free(*text);
		*text = NULL;
		if (*conf >= OCR_QUICK_DROP)
			st = ocr_engine_read(e, OCR_MODE_LINE, 0, &crop, text, conf, d);
		else
			*conf = 0;
	}
	image_release(&crop);
	return st;
}

/* Reads line l as text and keeps it when it classifies. */
static enum pl_status read_line(struct ocr_engine *e, struct pics *pics,
				const struct tr_line *l, const struct ocr_opts *o, struct ocr_result *r, struct pl_diag *d)
{
	struct ocr_region g = { l->box, l->char_h, l->slope, 1, l->dark, 0, 0, 0 };
	char plate[PLATE_TEXT_MAX + 1], *text;
	const char *country;
	float conf;
	int kind;
	enum pl_status st = read_text(e, pics, &g, &text, &conf, d);

	r->reads++;
	if (st != PL_OK || !text)
		return st;
	kind = classify(text, conf, l, line_on_plate_ground(r, l), &country, plate, sizeof(plate),
			o->min_confidence);
	if (kind < 0) {
		free(text);
		return PL_OK;
	}
	if (kind == OCR_PLATE) {
		size_t n = strlen(plate) + 1;
		char *p = realloc(text, n > strlen(text) + 1 ? n : strlen(text) + 1);

		if (!p) {
			free(text);
			return image_diagf(d, PL_ERR_NOMEM, "out of memory keeping a reading");
		}
		text = p;
		memcpy(text, plate, n);
	}
	st = add_text(r, text, l->box, conf, (enum ocr_kind)kind, country, -1);
	return st == PL_OK ? PL_OK : image_diagf(d, st, "out of memory keeping a reading");
}

/*
 * Whether short line l stands on a plain ground, as the digits of a house-number plaque do: the
 * ring of samples just outside its box is even, and the characters differ from it clearly.
 * Short lines score low as text (two blobs side by side are everywhere); this lets the ones
 * that look like a plaque be read all the same.
 */
static int plaque_like(const struct image *img, const struct tr_line *l)
{
	float h = l->char_h, m = 0, sq = 0, ink = l->dark ? 255.0f : 0.0f, sd;
	const struct image_box *b = &l->box;
	int n = 0;

	if (l->n > 4 || l->score < (l->n == 2 ? 0.15f : 0.3f))
		return 0;
	for (int i = 0; i < 8; i++) {
		float x = b->x + (i + 0.5f) * b->w / 8, y = b->y + (i + 0.5f) * b->h / 8;
		float v[4] = { ocr_luma(img, x, b->y - 0.25f * h), ocr_luma(img, x, b->y + b->h + 0.25f * h),
			       ocr_luma(img, b->x - 0.25f * h, y), ocr_luma(img, b->x + b->w + 0.25f * h, y) };

		for (int k = 0; k < 4; k++, n++)
			m += v[k], sq += v[k] * v[k];
	}
	m /= (float)n;
	sd = sqrtf(fmaxf(0.0f, sq / (float)n - m * m));
	for (int i = 0; i < 16; i++) {
		float v = ocr_luma(img, b->x + (i + 0.5f) * b->w / 16, b->y + b->h / 2);

		ink = l->dark ? fminf(ink, v) : fmaxf(ink, v);
	}
	return sd <= OCR_PLAQUE_SD && fabsf(m - ink) >= OCR_PLAQUE_INK;
}

/* Reads the plate candidates, then the other lines, best first, within the read budget. */
static enum pl_status read_all(struct ocr_engine *e, struct pics *pics,
			       const struct text_regions *tr, const struct ocr_opts *o,
			       struct ocr_result *r, struct pl_diag *d)
{
	size_t budget = (size_t)(o->max_reads < 1 ? 1 : o->max_reads > OCR_MAX_READS ? OCR_MAX_READS
									     : o->max_reads);
	enum pl_status st = PL_OK;

	for (size_t i = 0; i < r->nplates && st == PL_OK && r->reads < budget; i++)
		if (r->plates[i].score >= o->min_plate)
			st = read_plate(e, pics, i, r, d);
	for (size_t i = 0; i < tr->nlines && st == PL_OK && r->reads < budget; i++) {
		const struct tr_line *l = &tr->lines[i];

		if (l->score < o->min_line)
			break; /* lines are sorted by score */
		if (!already_read(r, l, o->min_plate))
			st = read_line(e, pics, l, o, r, d);
	}
	for (size_t i = 0, n = 0; i < tr->nlines && st == PL_OK && r->reads < budget &&
				  n < OCR_MAX_PLAQUES; i++) {
		const struct tr_line *l = &tr->lines[i];

		if (l->score >= o->min_line || !plaque_like(pics->find, l) ||
		    already_read(r, l, o->min_plate))
			continue;
		st = read_line(e, pics, l, o, r, d);
		n++;
	}
	return st;
}

/* Whether band b belongs to a likely plate found with its band in the working image (a weaker
 * candidate, often a few of the plate's characters, is searched again: the better one stays). */
static int band_known(const struct ocr_result *r, struct image_box b)
{
	for (size_t i = 0; i < r->nplates; i++)
		if (r->plates[i].band_left && r->plates[i].score >= PLATE_LIKELY &&
		    inside(b, r->plates[i].box))
			return 1;
	return 0;
}

/*
 * Plates whose characters are too small for the working image (plate_seek.h): the EU bands
 * there that no likely candidate explains are searched beside in the larger picture, and the
 * plates found there merged into r's candidates. The larger picture is loaded for it only when
 * there is such a band; a photo without one costs the colour pass alone (under 1 ms).
 */
static enum pl_status seek_small_plates(struct pics *p, struct ocr_result *r, struct pl_diag *d)
{
	struct image_box bands[PS_MAX_BANDS];
	struct plate_candidate *more = NULL;
	size_t nb = 0, keep = 0, nmore = 0;
	enum pl_status st = plate_seek_bands(p->find, bands, &nb, d);

	for (size_t i = 0; st == PL_OK && i < nb; i++)
		if (!band_known(r, bands[i]))
			bands[keep++] = bands[i];
	if (st == PL_OK && keep)
		st = load_big(p, d);
	if (st == PL_OK && keep && p->big.px)
		st = plate_seek_candidates(p->find, &p->big, p->sx, p->sy, bands, keep, &more, &nmore,
					   d);
	if (st == PL_OK && nmore)
		st = plate_candidates_merge(&r->plates, &r->nplates, more, nmore, d);
	free(more);
	return st;
}

enum pl_status ocr_read_photo(struct ocr_engine *e, const struct image *img,
			      const struct ocr_source *src, const struct ocr_opts *opts,
			      struct ocr_result *out, struct pl_diag *d)
{
	struct ocr_opts def;
	struct text_regions tr;
	struct pics p = { .find = img, .src = src };
	enum pl_status st;

	ocr_result_init(out);
	text_regions_init(&tr);
	image_init(&p.big);
	if (!opts) {
		ocr_opts_init(&def);
		opts = &def;
	}
	if (opts->read && !e)
		return image_diagf(d, PL_ERR_USAGE, "ocr: reading asked for without an engine");
	st = text_regions_find(img, 2, &tr, d);
	if (st == PL_OK)
		st = plate_candidates(img, &tr, &out->plates, &out->nplates, d);
	if (st == PL_OK && src)
		st = seek_small_plates(&p, out, d);
	if (st == PL_OK) {
		out->lines = tr.nlines;
		out->plate_text = malloc((out->nplates ? out->nplates : 1) * sizeof(*out->plate_text));
		if (!out->plate_text)
			st = image_diagf(d, PL_ERR_NOMEM, "out of memory reading a photo");
		for (size_t i = 0; st == PL_OK && i < out->nplates; i++)
			out->plate_text[i] = -1;
	}
	if (st == PL_OK && opts->read)
		st = read_all(e, &p, &tr, opts, out, d);
	text_regions_release(&tr);
	image_release(&p.big);
	if (st != PL_OK)
		ocr_result_release(out);
	return st;
}
