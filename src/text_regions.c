/* SPDX-License-Identifier: Apache-2.0 */
/* Text line candidates: a local-mean threshold (integral image) per pyramid level and polarity,
 * run-length connected components, a size and fill filter for character-like blobs, then
 * left-to-right chaining of aligned blobs of similar height into scored lines. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pixel_runs.h"
#include "text_regions.h"

#include "banned.h"

#define TR_WINDOW_R 12      /* local mean over (2R+1)^2 pixels */
#define TR_MIN_CHAR_H 8     /* blob height accepted at one level, pixels */
#define TR_MAX_CHAR_H 60
#define TR_MIN_CONTRAST 24  /* grey levels between the local extreme and the mean */
#define TR_MARGIN 8         /* twice the grey levels a pixel must pass the threshold by */
#define TR_NMS_IOU 0.5f     /* lines overlapping more are one line */

/* Everything one level and polarity produce, before the lines are merged across levels. */
struct level_out {
	struct tr_comp *comps;
	size_t ncomps, ccap;
	struct tr_line *lines;
	size_t nlines, lcap;
};

void text_regions_init(struct text_regions *r)
{
	memset(r, 0, sizeof(*r));
}

void text_regions_release(struct text_regions *r)
{
	if (!r)
		return;
	free(r->comps);
	free(r->lines);
	text_regions_init(r);
}

float tr_box_iou(struct image_box a, struct image_box b)
{
	float x0 = fmaxf(a.x, b.x), y0 = fmaxf(a.y, b.y);
	float x1 = fminf(a.x + a.w, b.x + b.w), y1 = fminf(a.y + a.h, b.y + b.h);
	float inter, uni;

	if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0 || x1 <= x0 || y1 <= y0)
		return 0.0f;
	inter = (x1 - x0) * (y1 - y0);
	uni = a.w * a.h + b.w * b.h - inter;
	return uni > 0 ? inter / uni : 0.0f;
}

enum pl_status text_regions_grey(const struct image *img, int max_side, struct image *grey,
				 float *scale, struct pl_diag *d)
{
	struct image full;
	size_t n, i;
	int w, h, side;
	enum pl_status st = PL_OK;

	image_init(grey);
	image_init(&full);
	*scale = 1.0f;
	if (!img || !img->px || img->w <= 0 || img->h <= 0 ||
	    (img->channels != 1 && img->channels != 3))
		return image_diagf(d, PL_ERR_USAGE, "text regions: no image or bad channel count");
	n = (size_t)img->w * img->h;
	full.px = malloc(n);
	if (!full.px)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory for a %dx%d grey image", img->w,
				   img->h);
	full.w = img->w;
	full.h = img->h;
	full.channels = 1;
	for (i = 0; i < n; i++) {
		const unsigned char *p = img->px + i * img->channels;

		full.px[i] = img->channels == 1 ? p[0]
				: (unsigned char)((77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8);
	}
	side = img->w > img->h ? img->w : img->h;
	if (max_side <= 0 || side <= max_side) {
		*grey = full;
		return PL_OK;
	}
	w = (int)((long long)img->w * max_side / side);
	h = (int)((long long)img->h * max_side / side);
	w = w < 1 ? 1 : w;
	h = h < 1 ? 1 : h;
	st = image_resize_area(&full, w, h, grey, d);
	if (st == PL_OK)
		*scale = (float)img->w / (float)w;
	image_release(&full);
	return st;
}

/* Halves src into dst (2x2 means); dst's pixels are fresh. */
static enum pl_status halve(const struct image *src, struct image *dst)
{
	int w = src->w / 2, h = src->h / 2;

	image_init(dst);
	dst->px = malloc((size_t)w * h);
	if (!dst->px)
		return PL_ERR_NOMEM;
	dst->w = w;
	dst->h = h;
	dst->channels = 1;
	for (int y = 0; y < h; y++) {
		const unsigned char *a = src->px + (size_t)(2 * y) * src->w;
		const unsigned char *b = a + src->w;
		unsigned char *o = dst->px + (size_t)y * w;

		for (int x = 0; x < w; x++)
			o[x] = (unsigned char)((a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1] + 2) >> 2);
	}
	return PL_OK;
}

/*
 * Running min or max over [i - r, i + r] (clipped) along one axis, van Herk / Gil-Werman: block
 * prefix and suffix extremes, then one comparison per sample. Vertical when rows: the arrays are
 * walked a row at a time, so memory is read in order.
 */
struct extreme {
	const struct image *g;
	int r, want_max;
	unsigned char *tmp, *pre, *suf; /* w * h each */
};

static unsigned char pick(unsigned char a, unsigned char b, int want_max)
{
	return want_max ? (a > b ? a : b) : (a < b ? a : b);
}

/* Along each row: out[x] = extreme of in over [x - r, x + r] of that row. */
static void extreme_rows(struct extreme *e, const unsigned char *in, unsigned char *out)
{
	int w = e->g->w, k = 2 * e->r + 1;

	for (int y = 0; y < e->g->h; y++) {
		const unsigned char *src = in + (size_t)y * w;
		unsigned char *pre = e->pre, *suf = e->suf, *dst = out + (size_t)y * w;

		for (int i = 0; i < w; i++)
			pre[i] = i % k ? pick(pre[i - 1], src[i], e->want_max) : src[i];
		for (int i = w - 1; i >= 0; i--)
			suf[i] = i % k == k - 1 || i == w - 1 ? src[i] : pick(suf[i + 1], src[i], e->want_max);
		for (int i = 0; i < w; i++) {
			int a = i - e->r < 0 ? 0 : i - e->r, b = i + e->r >= w ? w - 1 : i + e->r;

			dst[i] = a % k == 0 ? pre[b] : a / k == b / k ? suf[a] : pick(suf[a], pre[b], e->want_max);
		}
	}
}

/* Down each column, a whole row at a time so memory is read in order. */
static void extreme_cols(struct extreme *e, const unsigned char *in, unsigned char *out)
{
	int w = e->g->w, h = e->g->h, k = 2 * e->r + 1;
	size_t W = (size_t)w;

	for (int i = 0; i < h; i++)
		for (int x = 0; x < w; x++)
			e->pre[i * W + x] = i % k ? pick(e->pre[(i - 1) * W + x], in[i * W + x], e->want_max)
						  : in[i * W + x];
	for (int i = h - 1; i >= 0; i--)
		for (int x = 0; x < w; x++)
			e->suf[i * W + x] = i % k == k - 1 || i == h - 1
					? in[i * W + x] : pick(e->suf[(i + 1) * W + x], in[i * W + x], e->want_max);
	for (int i = 0; i < h; i++) {
		int a = i - e->r < 0 ? 0 : i - e->r, b = i + e->r >= h ? h - 1 : i + e->r;
		const unsigned char *sa = e->suf + a * W, *pb = e->pre + b * W;
		unsigned char *dst = out + i * W;

		for (int x = 0; x < w; x++)
			dst[x] = a % k == 0 ? pb[x] : a / k == b / k ? sa[x] : pick(sa[x], pb[x], e->want_max);
	}
}

/* out = the local min (or max) of g over its (2r+1)^2 window. */
static void extreme_filter(struct extreme *e, unsigned char *out)
{
	extreme_rows(e, e->g->px, e->tmp);
	extreme_cols(e, e->tmp, out);
}

/* Sliding sums of the window for the local mean: per column, the sum over the window's rows. */
struct window {
	uint32_t *col;
	int top, bottom; /* rows [top, bottom) are in the column sums */
};

static void window_add_row(const struct image *g, struct window *win, int y, int sign)
{
	const unsigned char *row = g->px + (size_t)y * g->w;

	for (int x = 0; x < g->w; x++)
		win->col[x] += sign > 0 ? row[x] : -(uint32_t)row[x];
}

/*
 * Classifies row y into cls: 1 dark, 2 light, 0 neither. A pixel is dark when it is below the
 * midpoint of the local minimum and the local mean (and the window has contrast): characters
 * are the darkest thing near them, so the rim of a plate darker than the wall behind it stays
 * out of them, which a threshold on the mean alone (or Sauvola's) lets in. Light: the same on
 * the local maximum.
 */
static void classify_row(const struct image *g, struct window *win, const unsigned char *lmin,
			 const unsigned char *lmax, int y, unsigned char *cls)
{
	int top = y - TR_WINDOW_R < 0 ? 0 : y - TR_WINDOW_R;
	int bottom = y + TR_WINDOW_R + 1 > g->h ? g->h : y + TR_WINDOW_R + 1;
	const unsigned char *row = g->px + (size_t)y * g->w;
	uint32_t sum = 0;
	int n = 0, rows;

	while (win->bottom < bottom)
		window_add_row(g, win, win->bottom++, 1);
	while (win->top < top)
		window_add_row(g, win, win->top++, -1);
	rows = win->bottom - win->top;
	for (int x = 0; x < TR_WINDOW_R && x < g->w; x++)
		sum += win->col[x], n++;
	lmin += (size_t)y * g->w;
	lmax += (size_t)y * g->w;
	for (int x = 0; x < g->w; x++) {
		int mean, v = row[x];

		if (x + TR_WINDOW_R < g->w)
			sum += win->col[x + TR_WINDOW_R], n++;
		if (x - TR_WINDOW_R - 1 >= 0)
			sum -= win->col[x - TR_WINDOW_R - 1], n--;
		mean = (int)(sum / (uint32_t)(n * rows));
		cls[x] = 0;
		if (mean - lmin[x] >= TR_MIN_CONTRAST && 2 * v < lmin[x] + mean - TR_MARGIN)
			cls[x] = 1;
		else if (lmax[x] - mean >= TR_MIN_CONTRAST && 2 * v > lmax[x] + mean + TR_MARGIN)
			cls[x] = 2;
	}
}

/* Bounding box and area of each component (indexed by root run). */
struct blob {
	int x0, y0, x1, y1;
	int area;
};

/* Keeps the character-like components as comps of out, scaled by f. */
static enum pl_status keep_blobs(struct pixel_runs *rs, float f, struct level_out *out)
{
	struct blob *b = malloc((rs->n ? rs->n : 1) * sizeof(*b));
	enum pl_status st = PL_OK;

	if (!b)
		return PL_ERR_NOMEM;
	for (size_t i = 0; i < rs->n; i++) {
		struct pixel_run *r = &rs->r[i];
		uint32_t root = pixel_runs_root(rs->r, (uint32_t)i);

		if (root == i) {
			b[i] = (struct blob){ r->x0, r->y, r->x1, r->y + 1, r->x1 - r->x0 };
			continue;
		}
		b[root].x0 = r->x0 < b[root].x0 ? r->x0 : b[root].x0;
		b[root].x1 = r->x1 > b[root].x1 ? r->x1 : b[root].x1;
		b[root].y1 = r->y + 1 > b[root].y1 ? r->y + 1 : b[root].y1;
		b[root].area += r->x1 - r->x0;
	}
	for (size_t i = 0; i < rs->n && out->ncomps < TR_MAX_COMPONENTS; i++) {
		int w, h;
		float fill;

		if (rs->r[i].parent != i)
			continue;
		w = b[i].x1 - b[i].x0;
		h = b[i].y1 - b[i].y0;
		fill = (float)b[i].area / (float)(w * h);
		if (h < TR_MIN_CHAR_H || h > TR_MAX_CHAR_H || w > h * 8 / 5 || h > 12 * w ||
		    fill < 0.1f || fill > 0.92f || b[i].area < 12)
			continue;
		if (out->ncomps == out->ccap) {
			size_t cap = out->ccap ? out->ccap * 2 : 1024;
			struct tr_comp *c = realloc(out->comps, cap * sizeof(*c));

			if (!c) {
				st = PL_ERR_NOMEM;
				break;
			}
			out->comps = c;
			out->ccap = cap;
		}
		out->comps[out->ncomps++] = (struct tr_comp){ b[i].x0 * f, b[i].y0 * f, w * f, h * f };
	}
	free(b);
	return st;
}

/* The components of one level and polarity (1 dark, 2 light), appended to out. */
static enum pl_status level_blobs(const struct image *g, const unsigned char *lmin,
				  const unsigned char *lmax, unsigned char want, float f,
				  unsigned char *cls, struct level_out *out)
{
	struct pixel_runs rs = { NULL, 0, 0, 0 };
	struct window win = { NULL, 0, 0 };
	size_t prev = 0, cur = 0;
	enum pl_status st = PL_OK;

	win.col = calloc((size_t)g->w, sizeof(*win.col));
	if (!win.col)
		st = PL_ERR_NOMEM;
	for (int y = 0; y < g->h && st == PL_OK; y++) {
		classify_row(g, &win, lmin, lmax, y, cls);
		cur = rs.n;
		st = pixel_runs_row(&rs, cls, g->w, y, want, prev, cur);
		prev = cur;
	}
	if (st == PL_OK)
		st = keep_blobs(&rs, f, out);
	free(rs.r);
	free(win.col);
	return st;
}

/* ---- lines ------------------------------------------------------------------------------------ */

static int comp_by_x(const void *a, const void *b)
{
	const struct tr_comp *p = a, *q = b;

	return (p->x > q->x) - (p->x < q->x);
}

static int float_cmp(const void *a, const void *b)
{
	float p = *(const float *)a, q = *(const float *)b;

	return (p > q) - (p < q);
}

static uint32_t uf_root(uint32_t *parent, uint32_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/*
 * A bucket grid over the blobs (by left edge and vertical centre) so that finding a blob's
 * right neighbour looks only at blobs near it, however many share its columns elsewhere.
 */
struct grid {
	float cell;
	int gw, gh;
	uint32_t *start; /* gw * gh + 1 offsets into items */
	uint32_t *items;
};

static int grid_cell(const struct grid *g, float x, float y, int *cx, int *cy)
{
	*cx = (int)(x / g->cell);
	*cy = (int)(y / g->cell);
	*cx = *cx < 0 ? 0 : *cx >= g->gw ? g->gw - 1 : *cx;
	*cy = *cy < 0 ? 0 : *cy >= g->gh ? g->gh - 1 : *cy;
	return *cy * g->gw + *cx;
}

static enum pl_status grid_build(struct grid *g, const struct tr_comp *c, size_t n)
{
	float maxx = 1, maxy = 1, hsum = 0;
	size_t cells;
	int cx, cy;

	for (size_t i = 0; i < n; i++) {
		maxx = fmaxf(maxx, c[i].x + 1);
		maxy = fmaxf(maxy, c[i].y + c[i].h);
		hsum += c[i].h;
	}
	g->cell = n ? fmaxf(8.0f, hsum / (float)n) : 8.0f;
	g->gw = (int)(maxx / g->cell) + 1;
	g->gh = (int)(maxy / g->cell) + 1;
	cells = (size_t)g->gw * g->gh;
	g->start = calloc(cells + 1, sizeof(*g->start));
	g->items = malloc((n ? n : 1) * sizeof(*g->items));
	if (!g->start || !g->items)
		return PL_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		g->start[grid_cell(g, c[i].x, c[i].y + c[i].h / 2, &cx, &cy) + 1]++;
	for (size_t k = 0; k < cells; k++)
		g->start[k + 1] += g->start[k];
	for (size_t i = 0; i < n; i++) /* start[k] runs ahead while filling, then is restored */
		g->items[g->start[grid_cell(g, c[i].x, c[i].y + c[i].h / 2, &cx, &cy)]++] = (uint32_t)i;
	for (size_t k = cells; k > 0; k--)
		g->start[k] = g->start[k - 1];
	g->start[0] = 0;
	return PL_OK;
}

/* The nearest blob to the right of c[i] that continues its line, or -1. A neighbour may be up to
 * 1 / 0.65 times as tall, so the search box is sized for that. */
static long right_neighbour(const struct tr_comp *c, const struct grid *g, size_t i)
{
	const struct tr_comp *a = &c[i];
	float best = 1e30f, acy = a->y + a->h / 2, reach = a->h / 0.65f;
	int cx0, cy0, cx1, cy1;
	long bj = -1;

	grid_cell(g, a->x + a->w - 0.15f * reach, acy - 0.3f * reach, &cx0, &cy0);
	grid_cell(g, a->x + a->w + 1.2f * reach, acy + 0.3f * reach, &cx1, &cy1);
	for (int gy = cy0; gy <= cy1; gy++)
		for (int gx = cx0; gx <= cx1; gx++) {
			int cell = gy * g->gw + gx;

			for (uint32_t k = g->start[cell]; k < g->start[cell + 1]; k++) {
				const struct tr_comp *b = &c[g->items[k]];
				float hmax = fmaxf(a->h, b->h), hmin = fminf(a->h, b->h);
				float gap = b->x - (a->x + a->w);

				if (g->items[k] == i || b->x <= a->x || hmin < 0.65f * hmax ||
				    fabsf(b->y + b->h / 2 - acy) > 0.3f * hmax || gap < -0.15f * hmax ||
				    gap > 1.2f * hmax || gap >= best)
					continue;
				best = gap;
				bj = (long)g->items[k];
			}
		}
	return bj;
}

static enum pl_status out_reserve(struct level_out *out, size_t ncomps)
{
	if (out->ncomps + ncomps > out->ccap) {
		size_t cap = out->ccap ? out->ccap : 1024;
		struct tr_comp *c;

		while (cap < out->ncomps + ncomps)
			cap *= 2;
		c = realloc(out->comps, cap * sizeof(*c));
		if (!c)
			return PL_ERR_NOMEM;
		out->comps = c;
		out->ccap = cap;
	}
	if (out->nlines == out->lcap) {
		size_t cap = out->lcap ? out->lcap * 2 : 256;
		struct tr_line *l = realloc(out->lines, cap * sizeof(*l));

		if (!l)
			return PL_ERR_NOMEM;
		out->lines = l;
		out->lcap = cap;
	}
	return PL_OK;
}

static float clamp01(float v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/*
 * Fills line l from its n blobs m[] (left to right): box, median height, the slope of the
 * centres, and the score: more blobs, even heights and a straight baseline look like text.
 */
static void line_stats(const struct tr_comp *m, size_t n, float *hs, struct tr_line *l)
{
	double hsum = 0, res = 0;
	float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f, a = 0, b = 0, hmean, uneven, rms;
	size_t used = 0, even = 0, nres = 0;

	for (size_t k = 0; k < n; k++) {
		hsum += m[k].h;
		hs[k] = m[k].h;
		x0 = fminf(x0, m[k].x), y0 = fminf(y0, m[k].y);
		x1 = fmaxf(x1, m[k].x + m[k].w), y1 = fmaxf(y1, m[k].y + m[k].h);
	}
	qsort(hs, n, sizeof(*hs), float_cmp);
	hmean = (float)(hsum / n);
	l->char_h = hs[n / 2];
	/* The baseline: bottoms fitted twice, the second time without the blobs that end well
	 * below the first fit (descenders of g, j, p, q, y). */
	for (int pass = 0; pass < 2; pass++) {
		double sx = 0, sy = 0, sxx = 0, sxy = 0;

		used = 0;
		for (size_t k = 0; k < n; k++) {
			double cx = m[k].x + m[k].w / 2, by = m[k].y + m[k].h;

			if (pass && by - (a + b * cx) > 0.15 * l->char_h)
				continue;
			sx += cx, sy += by, sxx += cx * cx, sxy += cx * by;
			used++;
		}
		if (!used)
			break;
		b = (float)((used * sxx - sx * sx) > 1e-6 ? (used * sxy - sx * sy) / (used * sxx - sx * sx)
							   : 0);
		a = (float)((sy - b * sx) / used);
	}
	/* Mixed-case text has capitals, ascenders and descenders up to about 1.45 times the
	 * x-height: heights count as even when they stay within that of the median. */
	for (size_t k = 0; k < n; k++) {
		double r = m[k].y + m[k].h - (a + b * (m[k].x + m[k].w / 2));

		even += m[k].h >= 0.7f * l->char_h && m[k].h <= 1.45f * l->char_h;
		if (r <= 0.15 * l->char_h)
			res += r * r, nres++;
	}
	uneven = 1.0f - (float)even / (float)n;
	rms = nres ? (float)sqrt(res / nres) / hmean : 1.0f;
	l->box = (struct image_box){ x0, y0, x1 - x0, y1 - y0 };
	l->slope = b;
	l->score = clamp01((float)(n - 1) / 4.0f) *
		   (0.5f * clamp01(1.0f - 1.5f * uneven) + 0.5f * clamp01(1.0f - 3.0f * rms));
	if (fabsf(b) > 0.3f)
		l->score *= 0.5f;
}

/* Appends the group of blobs m[0..n) as a line of out. */
static enum pl_status add_line(const struct tr_comp *m, size_t n, int dark, float *hs,
			       struct level_out *out)
{
	struct tr_line *l;

	if (out_reserve(out, n) != PL_OK)
		return PL_ERR_NOMEM;
	l = &out->lines[out->nlines++];
	line_stats(m, n, hs, l);
	l->dark = dark;
	l->first = out->ncomps;
	l->n = n;
	memcpy(out->comps + out->ncomps, m, n * sizeof(*m));
	out->ncomps += n;
	return PL_OK;
}

/* Chains the blobs c[0..n) (sorted here by x) into lines of at least min_chars blobs. */
static enum pl_status group_lines(struct tr_comp *c, size_t n, int dark, int min_chars,
				  struct level_out *out)
{
	uint32_t *parent = malloc((n ? n : 1) * sizeof(*parent));
	size_t *count = calloc(n ? n : 1, sizeof(*count)), *start = malloc((n + 1) * sizeof(*start));
	struct tr_comp *m = malloc((n ? n : 1) * sizeof(*m));
	float *hs = malloc((n ? n : 1) * sizeof(*hs));
	struct grid grid = { 0, 0, 0, NULL, NULL };
	enum pl_status st = PL_OK;

	if (!parent || !count || !start || !m || !hs) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	if (n)
		qsort(c, n, sizeof(*c), comp_by_x);
	if (grid_build(&grid, c, n) != PL_OK) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		parent[i] = (uint32_t)i;
	for (size_t i = 0; i < n; i++) {
		long j = right_neighbour(c, &grid, i);
		uint32_t a, b;

		if (j < 0)
			continue;
		a = uf_root(parent, (uint32_t)i);
		b = uf_root(parent, (uint32_t)j);
		parent[a > b ? a : b] = a > b ? b : a;
	}
	for (size_t i = 0; i < n; i++)
		count[uf_root(parent, (uint32_t)i)]++;
	start[0] = 0;
	for (size_t i = 0; i < n; i++)
		start[i + 1] = start[i] + count[i];
	/* Members in x order, grouped by root: start[root] is each group's next free slot. */
	for (size_t i = 0; i < n; i++)
		m[start[uf_root(parent, (uint32_t)i)]++] = c[i];
	for (size_t r = 0, at = 0; r < n && st == PL_OK; at += count[r], r++)
		if (count[r] >= (size_t)min_chars)
			st = add_line(m + at, count[r], dark, hs, out);
out:
	free(grid.start);
	free(grid.items);
	free(parent);
	free(count);
	free(start);
	free(m);
	free(hs);
	return st;
}

static int line_by_score(const void *a, const void *b)
{
	const struct tr_line *p = a, *q = b;

	return (p->score < q->score) - (p->score > q->score);
}

/* Sorts the lines of all levels by score, drops those overlapping a better one, keeps at most
 * TR_MAX_LINES and copies their blobs into out. */
static enum pl_status finish_lines(struct level_out *all, struct text_regions *out)
{
	size_t keep = 0, nc = 0;

	if (all->nlines)
		qsort(all->lines, all->nlines, sizeof(*all->lines), line_by_score);
	for (size_t i = 0; i < all->nlines && keep < TR_MAX_LINES; i++) {
		struct tr_line *l = &all->lines[i];
		size_t k;

		for (k = 0; k < keep; k++)
			if (tr_box_iou(all->lines[k].box, l->box) > TR_NMS_IOU)
				break;
		if (k == keep) {
			all->lines[keep++] = *l;
			nc += l->n;
		} else if (l->n * 10 >= all->lines[k].n * 13 && l->score >= 0.8f * all->lines[k].score) {
			/* The same line seen whole at another level (its capitals were too tall for
			 * the finer one): many more of its characters beat a slightly better score. */
			nc += l->n - all->lines[k].n;
			all->lines[k] = *l;
		}
	}
	if (keep)
		qsort(all->lines, keep, sizeof(*all->lines), line_by_score);
	out->lines = malloc((keep ? keep : 1) * sizeof(*out->lines));
	out->comps = malloc((nc ? nc : 1) * sizeof(*out->comps));
	if (!out->lines || !out->comps)
		return PL_ERR_NOMEM;
	for (size_t i = 0; i < keep; i++) {
		out->lines[i] = all->lines[i];
		out->lines[i].first = out->ncomps;
		memcpy(out->comps + out->ncomps, all->comps + all->lines[i].first,
		       all->lines[i].n * sizeof(*out->comps));
		out->ncomps += all->lines[i].n;
	}
	out->nlines = keep;
	return PL_OK;
}

/* Runs one pyramid level (f: its factor to the caller's image) for both polarities. */
static enum pl_status run_level(const struct image *g, float f, int min_chars,
				struct level_out *lines)
{
	size_t n = (size_t)g->w * g->h;
	unsigned char *cls = malloc((size_t)g->w), *lmin = malloc(n), *lmax = malloc(n);
	struct extreme e = { g, TR_WINDOW_R, 0, malloc(n), malloc(n), malloc(n) };
	enum pl_status st = PL_OK;

	if (!cls || !lmin || !lmax || !e.tmp || !e.pre || !e.suf) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	extreme_filter(&e, lmin);
	e.want_max = 1;
	extreme_filter(&e, lmax);
	for (unsigned char want = 1; want <= 2 && st == PL_OK; want++) {
		struct level_out lv = { 0 };

		st = level_blobs(g, lmin, lmax, want, f, cls, &lv);
		if (st == PL_OK)
			st = group_lines(lv.comps, lv.ncomps, want == 1, min_chars, lines);
		free(lv.comps);
	}
out:
	free(cls);
	free(lmin);
	free(lmax);
	free(e.tmp);
	free(e.pre);
	free(e.suf);
	return st;
}

enum pl_status text_regions_find(const struct image *img, int min_chars, struct text_regions *out,
				 struct pl_diag *d)
{
	struct image lv[TR_MAX_LEVELS];
	struct level_out all = { 0 };
	enum pl_status st;
	float scale;
	int nlv = 0;

	text_regions_init(out);
	if (min_chars < 2)
		min_chars = 2;
	st = text_regions_grey(img, TR_WORK_SIDE, &lv[0], &scale, d);
	if (st != PL_OK)
		return st;
	nlv = 1;
	while (nlv < TR_MAX_LEVELS && st == PL_OK) {
		const struct image *p = &lv[nlv - 1];

		if ((p->w > p->h ? p->w : p->h) / 2 < TR_MIN_SIDE)
			break;
		st = halve(p, &lv[nlv]);
		if (st == PL_OK)
			nlv++;
	}
	for (int k = 0; k < nlv && st == PL_OK; k++)
		st = run_level(&lv[k], scale * (float)(1 << k), min_chars, &all);
	if (st == PL_OK)
		st = finish_lines(&all, out);
	free(all.comps);
	free(all.lines);
	for (int k = 0; k < nlv; k++)
		image_release(&lv[k]);
	if (st != PL_OK) {
		text_regions_release(out);
		image_diagf(d, st, "out of memory finding text regions");
	}
	return st;
}
