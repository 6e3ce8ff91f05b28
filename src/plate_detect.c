/* SPDX-License-Identifier: Apache-2.0 */
/* Licence plate candidates: each dark-on-light text line is looked at as the character row of a
 * plate. Blue blobs at its ends are the EU band (dropped from the characters); the ground just
 * above and below the characters is sampled for yellow or white; the row's proportions and
 * character count are compared with the NL, BE, FR and DE layouts. Stacked pairs of short lines
 * are tried as two-row plates. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plate_detect.h"

#include "banned.h"

#define PD_SAMPLES 24          /* ground samples above and below the characters, each */
#define PD_MERGE_IOU 0.3f      /* candidates overlapping more are one plate */
#define PD_PLATE_HALF_H 0.72f  /* half the plate height, in character heights */
#define PD_BAND_W 0.62f        /* EU band width, in character heights */
#define PD_BAND_BLUE 0.25f     /* fraction of a blob's samples in EU blue making it the band */
#define PD_BAND_GAP 1.8f
#define PD_BORDER_H 1.3f       /* a row's end blob this many character heights tall: the border */       /* the band is looked for this far from the characters */

static float clamp01(float v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Pixel (x, y) of img clipped to the image, as RGB (grey repeated). */
static void pixel(const struct image *img, float fx, float fy, int rgb[3])
{
	int x = (int)fx, y = (int)fy;
	const unsigned char *p;

	x = x < 0 ? 0 : x >= img->w ? img->w - 1 : x;
	y = y < 0 ? 0 : y >= img->h ? img->h - 1 : y;
	p = img->px + ((size_t)y * img->w + x) * img->channels;
	for (int c = 0; c < 3; c++)
		rgb[c] = p[img->channels == 3 ? c : 0];
}

/* Fraction of EU-blue pixels on a 6 x 6 grid over box b. */
static float blue_fraction(const struct image *img, struct image_box b)
{
	int hits = 0, rgb[3];

	if (img->channels != 3 || b.w <= 0 || b.h <= 0)
		return 0;
	for (int j = 0; j < 6; j++)
		for (int i = 0; i < 6; i++) {
			pixel(img, b.x + (i + 0.5f) * b.w / 6, b.y + (j + 0.5f) * b.h / 6, rgb);
			hits += plate_eu_blue(rgb);
		}
	return hits / 36.0f;
}

/* The upper part of blob c: where a band is blue but for a few stars (its country letters, and
 * the French department number, stand in its lower half). */
static struct image_box comp_box(const struct tr_comp *c)
{
	return (struct image_box){ c->x, c->y, c->w, 0.45f * c->h };
}

/* The row's centre line: y at x. */
static float row_y(const struct tr_line *l, float x)
{
	return l->box.y + l->box.h / 2 + l->slope * (x - (l->box.x + l->box.w / 2));
}

int plate_ground_kind(const struct image *img, const int *c)
{
	int mx = c[0] > c[1] ? (c[0] > c[2] ? c[0] : c[2]) : (c[1] > c[2] ? c[1] : c[2]);
	int mn = c[0] < c[1] ? (c[0] < c[2] ? c[0] : c[2]) : (c[1] < c[2] ? c[1] : c[2]);

	if (img->channels == 3 && c[0] > 60 && c[0] > c[2] * 5 / 4 + 25 && c[1] > c[2] * 9 / 8 + 15 &&
	    abs(c[0] - c[1]) < c[0] / 3)
		return 1;
	return mx > 70 && mx - mn < mx / 5 + 8 ? 2 : 0;
}

/*
 * Samples the ground just above and below the characters [x0, x1) of line l: the fraction of
 * samples that are yellow and that are white (bright and grey, clearly lighter than the ink).
 */
static void ground(const struct image *img, const struct tr_line *l, float x0, float x1,
		   float *yellow, float *white)
{
	int ny = 0, nw = 0, rgb[3];

	for (int s = 0; s < 2 * PD_SAMPLES; s++) {
		float x = x0 + (x1 - x0) * ((float)(s % PD_SAMPLES) + 0.5f) / PD_SAMPLES;
		int k;

		pixel(img, x, row_y(l, x) + (s < PD_SAMPLES ? -0.6f : 0.6f) * l->char_h, rgb);
		k = plate_ground_kind(img, rgb);
		ny += k == 1;
		nw += k == 2;
	}
	*yellow = (float)ny / (2 * PD_SAMPLES);
	*white = (float)nw / (2 * PD_SAMPLES);
}

/* Whether blob c stands on a plate's ground: most samples above and below it are. */
static int on_ground(const struct image *img, const struct tr_line *l, const struct tr_comp *c)
{
	int n = 0, rgb[3];

	for (int s = 0; s < 6; s++) {
		float x = c->x + c->w * ((float)(s % 3) + 0.5f) / 3;

		pixel(img, x, row_y(l, x) + (s < 3 ? -0.58f : 0.58f) * l->char_h, rgb);
		n += plate_ground_kind(img, rgb) != 0;
	}
	return n >= 2;
}

/*
 * Looks for the EU band left of x0 (dir -1) or right of it (dir 1) along line l: columns of
 * mostly blue samples, starting within PD_BAND_GAP character heights and at least a quarter of
 * one wide. Returns the band's outer edge in *edge and 1 when found.
 */
static int band_search(const struct image *img, const struct tr_line *l, float x0, int dir,
		       float *edge, float *inner)
{
	float h = l->char_h, step = h / 8, x = x0 + dir * 0.1f * h;
	int run = 0, miss = 0, rgb[3];

	if (img->channels != 3)
		return 0;
	/* The stars and the country letters break some columns: one miss is forgiven. */
	for (int k = 0; k < (int)(PD_BAND_GAP * 8) && miss < 2; k++, x += dir * step) {
		int blue = 0;

		for (int j = 0; j < 6; j++) {
			pixel(img, x, row_y(l, x) + (j - 2.5f) * 0.16f * h, rgb);
			blue += plate_eu_blue(rgb);
		}
		if (blue >= 3) {
			if (!run)
				*inner = x - dir * step / 2;
			run++;
			miss = 0;
			*edge = x;
		} else if (run) {
			miss++;
		}
	}
	return run >= 2;
}

/* The axis-aligned box of a rectangle [x0, x1] x [row - hh, row + hh] turned by slope. */
static struct image_box turned_box(const struct tr_line *l, float x0, float x1, float hh)
{
	float ya = row_y(l, x0), yb = row_y(l, x1);
	float dy = hh * sqrtf(1 + l->slope * l->slope);
	float top = fminf(ya, yb) - dy, bottom = fmaxf(ya, yb) + dy;

	return (struct image_box){ x0, top, x1 - x0, bottom - top };
}

/* Geometry score: the character count and the row's width in character heights. */
static float geometry(int nchars, float width_in_h)
{
	float g = nchars >= 5 && nchars <= 8 ? 1.0f : nchars == 4 || nchars == 9 ? 0.6f : 0.2f;

	if (width_in_h < 3.0f)
		g *= clamp01((width_in_h - 1.8f) / 1.2f);
	else if (width_in_h > 6.5f)
		g *= clamp01((9.0f - width_in_h) / 2.5f);
	return g;
}

/*
 * The EU band as the end blob c of a line (dir -1: the left end, 1: the right end): its inner
 * edge, found by walking the blob's columns from its outer side. At small sizes the band and
 * the first character can touch and make one blob; then the inner edge lies well inside it and
 * the character is returned to the row (*merged).
 */
static float band_blob(const struct image *img, const struct tr_line *l, const struct tr_comp *c,
		       int dir, int *merged)
{
	float h = l->char_h, outer, edge, start;
	float blob_inner = dir < 0 ? c->x + c->w : c->x;

	/* band_search walks away from its start by dir; here from the outer side inwards. */
	start = dir < 0 ? c->x - 0.1f * h : c->x + c->w + 0.1f * h;
	if (!band_search(img, l, start, -dir, &edge, &outer)) {
		*merged = 0;
		return blob_inner;
	}
	edge += -dir * h / 16;
	*merged = dir < 0 ? edge < blob_inner - 0.38f * h : edge > blob_inner + 0.38f * h;
	return *merged ? edge : blob_inner;
}

/* Whether end blob e, next to blob n of the row, differs from a character of it: another height
 * or a wide gap. */
static int odd_end(const struct tr_line *l, const struct tr_comp *n, const struct tr_comp *e)
{
	float gap = e->x > n->x ? e->x - (n->x + n->w) : n->x - (e->x + e->w);

	return fabsf(e->h - l->char_h) > 0.15f * l->char_h || gap > 0.6f * l->char_h;
}

/* The character row of a line once its ends are settled. */
struct row {
	size_t first, last;  /* the characters: blobs [first, last) */
	float x0, x1;        /* their extent */
	float left, right;   /* the plate's outer edges (bands included) */
	float in0, in1;      /* the ground between the bands */
	int band0, band1;    /* the first / last blob is a band */
	int merged;          /* characters found inside band blobs */
};

/*
 * Settles the ends of line l: band blobs at either end (their characters returned when merged
 * with them), blobs off the plate's ground trimmed, the bands searched beside the row when they
 * are no blob of it.
 */
static void row_ends(const struct image *img, const struct tr_line *l, const struct tr_comp *c,
		     struct row *w, int *band_left, int *band_right)
{
	float h = l->char_h;
	int m0 = 0, m1 = 0;

	memset(w, 0, sizeof(*w));
	w->last = l->n;
	/* The band's letters and stars leave less blue in its box than its colour suggests. */
	w->band0 = blue_fraction(img, comp_box(&c[0])) > PD_BAND_BLUE;
	w->first = (size_t)w->band0;
	w->band1 = w->last - w->first > 3 && blue_fraction(img, comp_box(&c[l->n - 1])) > PD_BAND_BLUE;
	w->last -= (size_t)w->band1;
	/* Blobs at the ends unlike the characters and off the plate's ground are the scene behind
	 * it; blobs as tall as the plate are its border. */
	while (w->last - w->first > 4 && !w->band1 &&
	       (c[w->last - 1].h > PD_BORDER_H * h ||
		(odd_end(l, &c[w->last - 2], &c[w->last - 1]) && !on_ground(img, l, &c[w->last - 1]))))
		w->last--;
	while (w->last - w->first > 4 && !w->band0 &&
	       (c[w->first].h > PD_BORDER_H * h ||
		(odd_end(l, &c[w->first + 1], &c[w->first]) && !on_ground(img, l, &c[w->first]))))
		w->first++;
	w->in0 = w->band0 ? band_blob(img, l, &c[0], -1, &m0) : c[w->first].x - 0.35f * h;
	w->in1 = w->band1 ? band_blob(img, l, &c[l->n - 1], 1, &m1) : 0;
	w->merged = m0 + m1;
	w->x0 = m0 ? w->in0 : c[w->first].x;
	w->x1 = m1 ? w->in1 : c[w->last - 1].x + c[w->last - 1].w;
	if (!w->band1)
		w->in1 = w->x1 + 0.35f * h;
	w->left = w->band0 ? c[0].x : w->x0 - (PD_BAND_W + 0.2f) * h;
	w->right = w->band1 ? c[l->n - 1].x + c[l->n - 1].w : w->x1 + 0.25f * h;
	*band_left = w->band0 || band_search(img, l, w->x0, -1, &w->left, &w->in0);
	*band_right = w->band1 || band_search(img, l, w->x1, 1, &w->right, &w->in1);
}

/* Scores line l as a one-row plate; 0 when it cannot be one. */
static int score_line(const struct image *img, const struct text_regions *tr,
		      const struct tr_line *l, struct plate_candidate *pc)
{
	float h = l->char_h, yellow, white, g, band;
	struct row w;

	memset(pc, 0, sizeof(*pc));
	if (!l->dark || l->n < 3)
		return 0;
	row_ends(img, l, tr->comps + l->first, &w, &pc->band_left, &pc->band_right);
	pc->nchars = (int)(w.last - w.first) + w.merged;
	pc->inner_x0 = fmaxf(w.in0, w.x0 - 0.35f * h);
	pc->inner_x1 = fminf(w.in1, w.x1 + 0.35f * h);
	/* Room for a character between the band and the row: the first character touched the band
	 * and left the row with it (the band is ink in grey); read from the band's edge. */
	if (pc->band_left && !w.band0 && w.x0 - w.in0 > 0.45f * h)
		pc->inner_x0 = w.in0;
	ground(img, l, w.x0, w.x1, &yellow, &white);
	g = geometry(pc->nchars, (w.x1 - w.x0) / h);
	band = pc->band_left || pc->band_right ? 1.0f : 0.0f;
	pc->ground = yellow > 0.5f ? PLATE_GROUND_YELLOW : white > 0.5f ? PLATE_GROUND_WHITE
							       : PLATE_GROUND_OTHER;
	/* Without the band a line of text on a light ground stays below PLATE_LIKELY. */
	pc->score = g * (0.15f + 0.25f * clamp01(fmaxf(yellow, white) * 1.4f - 0.3f) +
			 0.45f * band + 0.15f * l->score);
	pc->char_h = h;
	pc->slope = l->slope;
	pc->rows = 1;
	pc->text = turned_box(l, fminf(w.x0, pc->inner_x0 + 0.2f * h), w.x1, 0.5f * h);
	pc->box = turned_box(l, pc->band_left ? w.left : w.x0 - 0.3f * h, w.right,
			     PD_PLATE_HALF_H * h);
	return pc->score > 0;
}

/*
 * Scores lines a (above) and b as the two rows of a square plate: short rows, one above the
 * other, about as wide, light ground around them.
 */
static int score_pair(const struct image *img, const struct tr_line *a, const struct tr_line *b,
		      struct plate_candidate *pc)
{
	float h = fmaxf(a->char_h, b->char_h), ov, gap, ya, yb, wa, wb, x0, x1, yellow, white, aspect;

	memset(pc, 0, sizeof(*pc));
	if (!a->dark || !b->dark || a->n < 2 || b->n < 2 || a->n + b->n < 4 || a->n + b->n > 10 ||
	    fminf(a->char_h, b->char_h) < 0.7f * h)
		return 0;
	ov = fminf(a->box.x + a->box.w, b->box.x + b->box.w) - fmaxf(a->box.x, b->box.x);
	gap = b->box.y - (a->box.y + a->box.h);
	if (ov < 0.6f * fminf(a->box.w, b->box.w) || gap < -0.1f * h || gap > 0.8f * h)
		return 0;
	x0 = fminf(a->box.x, b->box.x);
	x1 = fmaxf(a->box.x + a->box.w, b->box.x + b->box.w);
	ground(img, a, a->box.x, a->box.x + a->box.w, &yellow, &wa);
	ground(img, b, b->box.x, b->box.x + b->box.w, &yb, &wb);
	yellow = (yellow + yb) / 2;
	white = (wa + wb) / 2;
	ya = a->box.y - 0.35f * h;
	yb = b->box.y + b->box.h + 0.35f * h;
	aspect = (x1 - x0 + 0.6f * h) / (yb - ya);
	if (aspect < 1.0f || aspect > 2.6f)
		return 0;
	pc->nchars = (int)(a->n + b->n);
	pc->rows = 2;
	pc->char_h = h;
	pc->slope = (a->slope + b->slope) / 2;
	pc->ground = yellow > 0.5f ? PLATE_GROUND_YELLOW : white > 0.5f ? PLATE_GROUND_WHITE
							       : PLATE_GROUND_OTHER;
	pc->inner_x0 = x0 - 0.3f * h;
	pc->inner_x1 = x1 + 0.3f * h;
	pc->band_left = band_search(img, a, x0, -1, &ov, &pc->inner_x0) ||
			band_search(img, b, x0, -1, &ov, &pc->inner_x0);
	pc->score = 0.9f * (0.15f + 0.3f * clamp01(fmaxf(yellow, white) * 1.4f - 0.3f) +
			    0.45f * (float)pc->band_left + 0.1f * fminf(a->score, b->score));
	pc->text = (struct image_box){ x0, a->box.y, x1 - x0, b->box.y + b->box.h - a->box.y };
	pc->box = (struct image_box){ x0 - 0.3f * h, ya, x1 - x0 + 0.6f * h, yb - ya };
	return 1;
}

static int by_score(const void *a, const void *b)
{
	const struct plate_candidate *p = a, *q = b;

	return (p->score < q->score) - (p->score > q->score);
}

/* Fraction of box a inside box b. */
static float inside(struct image_box a, struct image_box b)
{
	float x0 = fmaxf(a.x, b.x), y0 = fmaxf(a.y, b.y);
	float x1 = fminf(a.x + a.w, b.x + b.w), y1 = fminf(a.y + a.h, b.y + b.h);

	return x1 > x0 && y1 > y0 && a.w * a.h > 0 ? (x1 - x0) * (y1 - y0) / (a.w * a.h) : 0;
}

/*
 * Whether candidate p should replace q, which it overlaps: the better score, except that a row
 * holding the other's characters and more wins unless it scores much lower (a row cut short by
 * a character touching the band often scores higher than the whole row).
 */
static int better(const struct plate_candidate *p, const struct plate_candidate *q)
{
	if (p->rows != q->rows)
		return p->score > q->score;
	if (p->nchars > q->nchars && inside(q->text, p->text) > 0.8f)
		return p->score >= 0.85f * q->score;
	if (q->nchars > p->nchars && inside(p->text, q->text) > 0.8f)
		return p->score > q->score / 0.85f;
	return p->score > q->score;
}

/* Adds pc to the list, unless a better overlapping one is there (then keeps the better). */
static enum pl_status add(struct plate_candidate **list, size_t *n, size_t *cap,
			  const struct plate_candidate *pc)
{
	for (size_t i = 0; i < *n; i++)
		if (tr_box_iou((*list)[i].box, pc->box) > PD_MERGE_IOU ||
		    inside((*list)[i].text, pc->text) > 0.8f || inside(pc->text, (*list)[i].text) > 0.8f) {
			if (better(pc, &(*list)[i]))
				(*list)[i] = *pc;
			return PL_OK;
		}
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		struct plate_candidate *p = realloc(*list, nc * sizeof(*p));

		if (!p)
			return PL_ERR_NOMEM;
		*list = p;
		*cap = nc;
	}
	(*list)[(*n)++] = *pc;
	return PL_OK;
}

enum pl_status plate_candidates(const struct image *img, const struct text_regions *tr,
				struct plate_candidate **out, size_t *n, struct pl_diag *d)
{
	struct plate_candidate pc, *list = NULL;
	size_t len = 0, cap = 0;
	enum pl_status st = PL_OK;

	*out = NULL;
	*n = 0;
	if (!img || !img->px || img->w <= 0 || img->h <= 0 ||
	    (img->channels != 1 && img->channels != 3) || !tr)
		return image_diagf(d, PL_ERR_USAGE, "plate candidates: no image or bad channel count");
	for (size_t i = 0; i < tr->nlines && st == PL_OK; i++) {
		if (score_line(img, tr, &tr->lines[i], &pc))
			st = add(&list, &len, &cap, &pc);
		for (size_t j = 0; j < tr->nlines && st == PL_OK; j++)
			if (j != i && tr->lines[j].box.y > tr->lines[i].box.y &&
			    score_pair(img, &tr->lines[i], &tr->lines[j], &pc))
				st = add(&list, &len, &cap, &pc);
	}
	if (st != PL_OK) {
		free(list);
		return image_diagf(d, st, "out of memory scoring plate candidates");
	}
	if (len)
		qsort(list, len, sizeof(*list), by_score);
	*out = list;
	*n = len > PLATE_MAX_CANDIDATES ? PLATE_MAX_CANDIDATES : len;
	if (!len) {
		free(list);
		*out = NULL;
	}
	return PL_OK;
}

enum pl_status plate_candidates_merge(struct plate_candidate **list, size_t *n,
				      const struct plate_candidate *more, size_t nmore,
				      struct pl_diag *d)
{
	struct plate_candidate *all = NULL;
	size_t len = 0, cap = 0;
	enum pl_status st = PL_OK;

	for (size_t i = 0; i < *n && st == PL_OK; i++)
		st = add(&all, &len, &cap, &(*list)[i]);
	for (size_t i = 0; i < nmore && st == PL_OK; i++)
		st = add(&all, &len, &cap, &more[i]);
	if (st != PL_OK) {
		free(all);
		return image_diagf(d, st, "out of memory merging plate candidates");
	}
	if (len)
		qsort(all, len, sizeof(*all), by_score);
	free(*list);
	*list = all;
	*n = len > PLATE_MAX_CANDIDATES ? PLATE_MAX_CANDIDATES : len;
	if (!len) {
		free(all);
		*list = NULL;
	}
	return PL_OK;
}
