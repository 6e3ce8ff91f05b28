/* SPDX-License-Identifier: Apache-2.0 */
/* The SSD MobileNet v1 forward pass on NHWC float tensors (pointwise and 3x3 convolutions as
 * OpenBLAS matrix products, depthwise convolutions directly), its input preparation and the
 * decoding of its outputs: anchors, box encodings, sigmoid scores and non-maximum suppression,
 * all as the JavaScript reference computes them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "face_net.h"

#include "banned.h"

/* An activation tensor: h x w x c floats. */
struct act {
	float *p;
	int h, w, c;
};

enum pl_status face_scratch_alloc(const struct face_model *m, struct face_scratch *s,
				  struct pl_diag *d)
{
	memset(s, 0, sizeof(*s));
	s->buf[0] = malloc(m->buf_floats[0] * sizeof(float));
	s->buf[1] = malloc(m->buf_floats[1] * sizeof(float));
	s->col = malloc((m->col_floats ? m->col_floats : 1) * sizeof(float));
	s->enc = malloc((size_t)FACE_NET_ANCHORS * 4 * sizeof(float));
	s->logits = malloc((size_t)FACE_NET_ANCHORS * 3 * sizeof(float));
	if (!s->buf[0] || !s->buf[1] || !s->col || !s->enc || !s->logits) {
		face_scratch_release(s);
		return image_diagf(d, PL_ERR_NOMEM, "out of memory for face detection");
	}
	return PL_OK;
}

void face_scratch_release(struct face_scratch *s)
{
	free(s->buf[0]);
	free(s->buf[1]);
	free(s->col);
	free(s->enc);
	free(s->logits);
	memset(s, 0, sizeof(*s));
}

/* Where output cell i of FACE_NET_SIZE samples a side of `side` pixels (TF's bilinear resize
 * without aligned corners or half-pixel centres): cells lo and hi, weight frac of hi. */
struct tap {
	int lo, hi;
	double frac;
};

static void taps(int side, struct tap *t)
{
	double ratio = (double)side / FACE_NET_SIZE;

	for (int i = 0; i < FACE_NET_SIZE; i++) {
		double f = ratio * i;

		t[i].lo = (int)floor(f);
		t[i].hi = (int)ceil(f) < side - 1 ? (int)ceil(f) : side - 1;
		t[i].frac = f - t[i].lo;
	}
}

/* Row y of the region, or NULL in the zero padding below it. */
static const unsigned char *region_row(const struct image *img, int x0, int y0, int h, int y)
{
	if (y >= h)
		return NULL;
	return img->px + ((size_t)(y0 + y) * (size_t)img->w + (size_t)x0) * (size_t)img->channels;
}

/* Channel c of pixel x of a region row, 0 in the padding. */
static double px_at(const unsigned char *row, int x, int w, int channels, int c)
{
	return row && x < w ? row[(size_t)x * channels + (channels == 3 ? c : 0)] : 0.0;
}

void face_ssd_input(const struct image *img, int x0, int y0, int w, int h, float *in)
{
	struct tap tx[FACE_NET_SIZE], ty[FACE_NET_SIZE];
	int side = w > h ? w : h, ch = img->channels;

	taps(side, tx);
	taps(side, ty);
	for (int r = 0; r < FACE_NET_SIZE; r++) {
		const unsigned char *top = region_row(img, x0, y0, h, ty[r].lo);
		const unsigned char *bot = region_row(img, x0, y0, h, ty[r].hi);

		for (int col = 0; col < FACE_NET_SIZE; col++) {
			const struct tap *t = &tx[col];
			float *o = in + ((size_t)r * FACE_NET_SIZE + (size_t)col) * 3;

			for (int c = 0; c < 3; c++) {
				/* In double, as the reference's JavaScript, then float32 as its tensors. */
				double tl = px_at(top, t->lo, w, ch, c), tr = px_at(top, t->hi, w, ch, c);
				double bl = px_at(bot, t->lo, w, ch, c), br = px_at(bot, t->hi, w, ch, c);
				double a = tl + (tr - tl) * t->frac, b = bl + (br - bl) * t->frac;
				float v = (float)(a + (b - a) * ty[r].frac);

				o[c] = v / 127.5f - 1.0f;
			}
		}
	}
}

/* TF 'same' padding: the padding before the first row (or column). */
static int pad_before(int in, int out, int k, int stride)
{
	int total = (out - 1) * stride + k - in;

	return total > 0 ? total / 2 : 0;
}

/* Channels are processed in blocks of this many, a fixed trip count the compiler vectorises. */
#define LANES FACE_NET_LANES

static inline float relu6(float v)
{
	return v < 0.0f ? 0.0f : v > 6.0f ? 6.0f : v;
}

/* Starts n output rows at the bias: the matrix product then adds into them (beta 1), which
 * spares OpenBLAS a zeroing pass and us a bias pass. */
static void bias_fill(float *o, size_t n, const struct face_conv *cv)
{
	for (size_t i = 0; i < n; i++)
		memcpy(o + i * (size_t)cv->cout, cv->b, (size_t)cv->cout * sizeof(float));
}

/* Clips n rows of cout values to [0, 6] when the layer has relu6. */
static void act(float *restrict o, size_t n, const struct face_conv *cv)
{
	size_t total = n * (size_t)cv->cout, t8 = total - total % LANES;

	if (!cv->relu6)
		return;
	for (size_t i = 0; i < t8; i += LANES)
		for (int k = 0; k < LANES; k++)
			o[i + k] = relu6(o[i + k]);
	for (size_t i = t8; i < total; i++)
		o[i] = relu6(o[i]);
}

/* 1x1 stride-1 convolution: out[hw][cout] = in[hw][cin] x w[cin][cout]. */
static void conv1x1(const struct face_conv *cv, const struct act *in, float *out)
{
	int n = in->h * in->w;

	bias_fill(out, (size_t)n, cv);
	face_blas_gemm(n, cv->cout, cv->cin, in->p, cv->w, out);
	act(out, (size_t)n, cv);
}

/* Copies the 3x3 patches of output rows [r0, r1) into col, rows of 9 * cin (ky, kx, c). */
static void im2col(const struct face_conv *cv, const struct act *in, int ow, int oh, int r0,
		   int r1, float *col)
{
	int pt = pad_before(in->h, oh, 3, cv->stride), pl = pad_before(in->w, ow, 3, cv->stride);
	size_t chunk = (size_t)cv->cin;

	for (int oy = r0; oy < r1; oy++)
		for (int ox = 0; ox < ow; ox++)
			for (int t = 0; t < 9; t++) {
				int iy = oy * cv->stride + t / 3 - pt, ix = ox * cv->stride + t % 3 - pl;
				float *dst = col + (((size_t)(oy - r0) * ow + ox) * 9 + t) * chunk;

				if (iy < 0 || iy >= in->h || ix < 0 || ix >= in->w)
					memset(dst, 0, chunk * sizeof(float));
				else
					memcpy(dst, in->p + ((size_t)iy * in->w + ix) * chunk,
					       chunk * sizeof(float));
			}
}

/* Full 3x3 convolution via im2col in chunks of rows, each chunk one matrix product. */
static void conv3x3(const struct face_conv *cv, const struct act *in, float *out,
		    float *col, size_t col_floats)
{
	int oh = (in->h + cv->stride - 1) / cv->stride, ow = (in->w + cv->stride - 1) / cv->stride;
	size_t row = (size_t)ow * 9 * (size_t)cv->cin;
	int rows = (int)(col_floats / row);

	if (rows < 1)
		rows = 1;
	for (int r0 = 0; r0 < oh; r0 += rows) {
		int r1 = r0 + rows < oh ? r0 + rows : oh;
		float *o = out + (size_t)r0 * ow * (size_t)cv->cout;

		im2col(cv, in, ow, oh, r0, r1, col);
		bias_fill(o, (size_t)(r1 - r0) * ow, cv);
		face_blas_gemm((r1 - r0) * ow, cv->cout, 9 * cv->cin, col, cv->w, o);
		act(o, (size_t)(r1 - r0) * ow, cv);
	}
}

/* o[0..n) += a[0..n) * b[0..n), n a multiple of LANES: fixed-size inner blocks vectorise. */
static inline void madd(float *restrict o, const float *restrict a, const float *restrict b,
			int n)
{
	for (int c = 0; c < n; c += LANES)
		for (int k = 0; k < LANES; k++)
			o[c + k] += a[c + k] * b[c + k];
}

/* Depthwise 3x3 convolution, bias and relu6, channel-innermost. Channel counts are multiples
 * of LANES (checked at load). */
static void depthwise(const struct face_conv *cv, const struct act *in, float *out)
{
	int oh = (in->h + cv->stride - 1) / cv->stride, ow = (in->w + cv->stride - 1) / cv->stride;
	int pt = pad_before(in->h, oh, 3, cv->stride), pl = pad_before(in->w, ow, 3, cv->stride);
	int ch = in->c;

	for (int oy = 0; oy < oh; oy++)
		for (int ox = 0; ox < ow; ox++) {
			float *restrict o = out + ((size_t)oy * ow + ox) * ch;

			memcpy(o, cv->b, (size_t)ch * sizeof(float));
			for (int t = 0; t < 9; t++) {
				int iy = oy * cv->stride + t / 3 - pt, ix = ox * cv->stride + t % 3 - pl;

				if (iy >= 0 && iy < in->h && ix >= 0 && ix < in->w)
					madd(o, in->p + ((size_t)iy * in->w + ix) * ch,
					     cv->w + (size_t)t * ch, ch);
			}
			for (int c = 0; c < ch; c += LANES)
				for (int k = 0; k < LANES; k++)
					o[c + k] = relu6(o[c + k]);
		}
}

/* Runs one layer from in into out; returns the output tensor. */
static struct act layer(const struct face_conv *cv, const struct act *in, float *out,
			struct face_scratch *s, size_t col_floats)
{
	struct act o = { out, (in->h + cv->stride - 1) / cv->stride,
			 (in->w + cv->stride - 1) / cv->stride, cv->cout };

	if (cv->depthwise)
		depthwise(cv, in, out);
	else if (cv->k == 1)
		conv1x1(cv, in, out);
	else
		conv3x3(cv, in, out, s->col, col_floats);
	return o;
}

/* Box predictor `head` on x: its encodings and logits land at anchor *first onwards. */
static void head(const struct face_model *m, int h, const struct act *x,
		 struct face_scratch *s, size_t *first)
{
	size_t cells = (size_t)x->h * x->w, per = (size_t)m->box[h].cout / 4;

	conv1x1(&m->box[h], x, s->enc + *first * 4);
	conv1x1(&m->cls[h], x, s->logits + *first * 3);
	*first += cells * per;
}

void face_ssd_decode(const float anchor[4], const float enc[4], float out[4])
{
	float sy = anchor[2] - anchor[0], sx = anchor[3] - anchor[1];
	float cy = anchor[0] + sy / 2, cx = anchor[1] + sx / 2;
	float hy = expf(enc[2] / 5) * sy / 2, hx = expf(enc[3] / 5) * sx / 2;
	float y = enc[0] / 10 * sy + cy, x = enc[1] / 10 * sx + cx;

	out[0] = y - hy;
	out[1] = x - hx;
	out[2] = y + hy;
	out[3] = x + hx;
}

void face_ssd_run(const struct face_model *m, struct face_scratch *s, struct face_raw *raw)
{
	struct act x = { s->buf[0], FACE_NET_SIZE, FACE_NET_SIZE, 3 };
	size_t first = 0;
	int i;

	for (i = 0; i < FACE_NET_BASE; i++) {
		x = layer(&m->base[i], &x, s->buf[(i + 1) % 2], s, m->col_floats);
		if (i == FACE_NET_CONV11)
			head(m, 0, &x, s, &first);
	}
	head(m, 1, &x, s, &first);
	for (int e = 0; e < FACE_NET_EXTRA; e++, i++) {
		x = layer(&m->extra[e], &x, s->buf[(i + 1) % 2], s, m->col_floats);
		if (e % 2 == 1)
			head(m, 2 + e / 2, &x, s, &first);
	}
	for (size_t a = 0; a < FACE_NET_ANCHORS; a++) {
		face_ssd_decode(m->anchors + a * 4, s->enc + a * 4, raw->box[a]);
		raw->score[a] = 1.0f / (1.0f + expf(-s->logits[a * 3 + 1]));
	}
}

float face_iou(const float a[4], const float b[4])
{
	float ay0 = fminf(a[0], a[2]), ax0 = fminf(a[1], a[3]);
	float ay1 = fmaxf(a[0], a[2]), ax1 = fmaxf(a[1], a[3]);
	float by0 = fminf(b[0], b[2]), bx0 = fminf(b[1], b[3]);
	float by1 = fmaxf(b[0], b[2]), bx1 = fmaxf(b[1], b[3]);
	float area_a = (ay1 - ay0) * (ax1 - ax0), area_b = (by1 - by0) * (bx1 - bx0);
	float ih, iw, inter;

	if (area_a <= 0 || area_b <= 0)
		return 0.0f;
	ih = fmaxf(fminf(ay1, by1) - fmaxf(ay0, by0), 0.0f);
	iw = fmaxf(fminf(ax1, bx1) - fmaxf(ax0, bx0), 0.0f);
	inter = ih * iw;
	return inter / (area_a + area_b - inter);
}

/* Sorts order[0..n) by decreasing score, ties by increasing index (a stable sort's result). */
static void sort_by_score(size_t *order, size_t n, const float *scores)
{
	/* Shell sort under a total order (score, then index): the same result as the
	 * reference's stable sort, without recursion or extra memory. */
	static const size_t gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };

	for (size_t g = 0; g < sizeof(gaps) / sizeof(gaps[0]); g++)
		for (size_t i = gaps[g]; i < n; i++) {
			size_t v = order[i], j = i;

			while (j >= gaps[g] &&
			       (scores[order[j - gaps[g]]] < scores[v] ||
				(scores[order[j - gaps[g]]] == scores[v] && order[j - gaps[g]] > v))) {
				order[j] = order[j - gaps[g]];
				j -= gaps[g];
			}
			order[j] = v;
		}
}

size_t face_nms(const float (*boxes)[4], const float *scores, size_t n, float min_score,
		float iou_max, size_t max_out, size_t *order, size_t *keep)
{
	size_t cand = 0, kept = 0;

	for (size_t i = 0; i < n; i++)
		if (scores[i] > min_score)
			order[cand++] = i;
	sort_by_score(order, cand, scores);
	for (size_t c = 0; c < cand && kept < max_out; c++) {
		int suppressed = 0;

		for (size_t j = kept; j-- > 0 && !suppressed;)
			suppressed = face_iou(boxes[order[c]], boxes[keep[j]]) > iou_max;
		if (!suppressed)
			keep[kept++] = order[c];
	}
	return kept;
}
