/* SPDX-License-Identifier: Apache-2.0 */
/* Face detection API: one pass over the whole image exactly as the JavaScript reference does,
 * then passes over overlapping tiles at the working resolution for faces too small for the
 * whole-image pass, merged by non-maximum suppression. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "face_net.h"

#include "banned.h"

#define FACE_IOU_MAX 0.5f      /* the reference's NMS threshold */
#define FACE_CONTAIN_MAX 0.8f  /* a box this much inside a better one is the same face, cut */
#define TILE_OVERLAP 0.25      /* share of a tile's side shared with its neighbour */
#define TILE_MIN_GAIN 1.5      /* tiles only when they see faces at least this much larger */
#define TILE_MAX_BOX 0.5       /* tile boxes past this share of the tile are left to the whole
				* image pass: there such faces are large enough, and in a tile
				* textures (leaves, fabric) pass for huge faces */

void face_opts_init(struct face_opts *o)
{
	o->min_confidence = 0.5f;
	o->min_size = 0.0f;
	o->tiles = 3;
}

struct boxes {
	struct face_box *v;
	size_t n, cap;
};

static enum pl_status push(struct boxes *b, struct face_box fb, struct pl_diag *d)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		struct face_box *v = realloc(b->v, cap * sizeof(*v));

		if (!v)
			return image_diagf(d, PL_ERR_NOMEM, "out of memory for face boxes");
		b->v = v;
		b->cap = cap;
	}
	b->v[b->n++] = fb;
	return PL_OK;
}

/* The reference's mapping of a kept box from the padded square back to the region. */
static struct face_box to_region(const float r[4], float score, int x0, int y0, int w, int h)
{
	int side = w > h ? w : h;
	double scale = (double)FACE_NET_SIZE / side;
	double rw = floor(w * scale + 0.5), rh = floor(h * scale + 0.5);
	double px = FACE_NET_SIZE / rw, py = FACE_NET_SIZE / rh;
	double top = fmax(0, r[0]) * py, bottom = fmin(1, r[2]) * py;
	double left = fmax(0, r[1]) * px, right = fmin(1, r[3]) * px;
	struct face_box fb = { (float)(x0 + left * w), (float)(y0 + top * h),
			       (float)((right - left) * w), (float)((bottom - top) * h), score };

	return fb;
}

/* A region of the image for one pass; boxes longer than max_box pixels are dropped (0: none). */
struct region {
	int x0, y0, w, h;
	float max_box;
};

/* One network pass over region r of img; appends its boxes to out. */
static enum pl_status pass(const struct face_model *m, struct face_scratch *s,
			   struct face_raw *raw, size_t *idx, const struct image *img,
			   struct region r, float min_conf, struct boxes *out, struct pl_diag *d)
{
	size_t kept;
	enum pl_status st = PL_OK;

	face_ssd_input(img, r.x0, r.y0, r.w, r.h, s->buf[0]);
	face_ssd_run(m, s, raw);
	kept = face_nms((const float(*)[4])raw->box, raw->score, FACE_NET_ANCHORS, min_conf,
			FACE_IOU_MAX, FACE_MAX_RESULTS, idx, idx + FACE_NET_ANCHORS);
	for (size_t k = 0; k < kept && st == PL_OK; k++) {
		size_t a = idx[FACE_NET_ANCHORS + k];
		struct face_box fb = to_region(raw->box[a], raw->score[a], r.x0, r.y0, r.w, r.h);

		if (r.max_box <= 0 || fmaxf(fb.w, fb.h) <= r.max_box)
			st = push(out, fb, d);
	}
	return st;
}

/* Tile origins along one side of dim pixels for tiles of side s; returns their count. */
static int tile_origins(int dim, int s, int *pos)
{
	int n;

	if (dim <= s) {
		pos[0] = 0;
		return 1;
	}
	n = (int)ceil((dim - s) / ((1.0 - TILE_OVERLAP) * s)) + 1;
	if (n > FACE_MAX_TILES)
		n = FACE_MAX_TILES;
	for (int i = 0; i < n; i++)
		pos[i] = (int)((double)i * (dim - s) / (n - 1) + 0.5);
	return n;
}

/* The small-face pass: overlapping tiles of at least the network's input size. */
static enum pl_status tile_passes(const struct face_model *m, struct face_scratch *s,
				  struct face_raw *raw, size_t *idx, const struct image *img,
				  const struct face_opts *o, struct boxes *out, struct pl_diag *d)
{
	int longer = img->w > img->h ? img->w : img->h;
	int side = (int)ceil(longer / (TILE_OVERLAP + (1.0 - TILE_OVERLAP) * o->tiles));
	int xs[FACE_MAX_TILES], ys[FACE_MAX_TILES], nx, ny;
	enum pl_status st = PL_OK;

	if (longer <= TILE_MIN_GAIN * FACE_NET_SIZE)
		return PL_OK; /* the whole-image pass is nearly at full resolution already */
	if (side < FACE_NET_SIZE)
		side = FACE_NET_SIZE;
	nx = tile_origins(img->w, side, xs);
	ny = tile_origins(img->h, side, ys);
	if (nx * ny < 2)
		return PL_OK; /* one tile is the whole image, already done */
	for (int ty = 0; ty < ny && st == PL_OK; ty++)
		for (int tx = 0; tx < nx && st == PL_OK; tx++) {
			struct region r = { xs[tx], ys[ty], side < img->w ? side : img->w,
					    side < img->h ? side : img->h,
					    (float)(TILE_MAX_BOX * side) };

			st = pass(m, s, raw, idx, img, r, o->min_confidence, out, d);
		}
	return st;
}

static int by_score(const void *pa, const void *pb)
{
	const struct face_box *a = pa, *b = pb;

	return a->score > b->score ? -1 : a->score < b->score ? 1 : 0;
}

/* Whether a (the weaker) is the same face as the kept box k: overlap, or mostly inside it. */
static int same_face(const struct face_box *a, const struct face_box *k)
{
	float ra[4] = { a->y, a->x, a->y + a->h, a->x + a->w };
	float rk[4] = { k->y, k->x, k->y + k->h, k->x + k->w };
	float iw = fminf(ra[3], rk[3]) - fmaxf(ra[1], rk[1]);
	float ih = fminf(ra[2], rk[2]) - fmaxf(ra[0], rk[0]);
	float small = fminf(a->w * a->h, k->w * k->h);

	if (face_iou(ra, rk) > FACE_IOU_MAX)
		return 1;
	return iw > 0 && ih > 0 && small > 0 && iw * ih / small > FACE_CONTAIN_MAX;
}

/* Merges the boxes of several passes: greedy suppression by decreasing score. */
static void merge(struct boxes *b)
{
	size_t kept = 0;

	qsort(b->v, b->n, sizeof(*b->v), by_score);
	for (size_t i = 0; i < b->n; i++) {
		int dup = 0;

		for (size_t k = 0; k < kept && !dup; k++)
			dup = same_face(&b->v[i], &b->v[k]);
		if (!dup)
			b->v[kept++] = b->v[i];
	}
	b->n = kept;
}

static enum pl_status check_args(const struct face_model *m, const struct image *img,
				 const struct face_opts *o, struct face_box **boxes, size_t *n,
				 struct pl_diag *d)
{
	if (!m || !img || !boxes || !n)
		return image_diagf(d, PL_ERR_USAGE, "face_detect: missing argument");
	*boxes = NULL;
	*n = 0;
	if (!img->px || img->w < 1 || img->h < 1 || (img->channels != 1 && img->channels != 3))
		return image_diagf(d, PL_ERR_USAGE, "face_detect: invalid image");
	if (!(o->min_confidence > 0.0f && o->min_confidence < 1.0f) || !(o->min_size >= 0.0f) ||
	    o->tiles < 0 || o->tiles > FACE_MAX_TILES)
		return image_diagf(d, PL_ERR_USAGE, "face_detect: invalid options");
	return PL_OK;
}

enum pl_status face_detect(const struct face_model *m, const struct image *img,
			   const struct face_opts *opts, struct face_box **boxes, size_t *n,
			   struct pl_diag *d)
{
	struct face_opts defaults;
	struct face_scratch s = { 0 };
	struct face_raw *raw = NULL;
	size_t *idx = NULL, passes_end;
	struct boxes out = { 0 };
	enum pl_status st;

	face_opts_init(&defaults);
	if (!opts)
		opts = &defaults;
	st = check_args(m, img, opts, boxes, n, d);
	if (st != PL_OK)
		return st;
	raw = malloc(sizeof(*raw));
	idx = malloc(2 * (size_t)FACE_NET_ANCHORS * sizeof(*idx));
	st = raw && idx ? face_scratch_alloc(m, &s, d)
			: image_diagf(d, PL_ERR_NOMEM, "out of memory for face detection");
	if (st == PL_OK)
		st = pass(m, &s, raw, idx, img, (struct region){ 0, 0, img->w, img->h, 0 },
			  opts->min_confidence, &out, d);
	passes_end = out.n;
	if (st == PL_OK && opts->tiles > 1)
		st = tile_passes(m, &s, raw, idx, img, opts, &out, d);
	if (st == PL_OK && out.n > passes_end)
		merge(&out);
	if (st == PL_OK) {
		size_t k = 0;

		for (size_t i = 0; i < out.n; i++)
			if (fminf(out.v[i].w, out.v[i].h) >= opts->min_size)
				out.v[k++] = out.v[i];
		*boxes = k ? out.v : NULL;
		*n = k;
		if (k)
			out.v = NULL;
	}
	free(out.v);
	face_scratch_release(&s);
	free(raw);
	free(idx);
	return st;
}
