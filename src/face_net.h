/* SPDX-License-Identifier: Apache-2.0 */
/* Internals shared by face_model.c (weights), face_ssd.c (network, SSD decoding) and
 * face_detect.c (API, tiling, merging); the unit tests use them too. */
#ifndef PL_FACE_NET_H
#define PL_FACE_NET_H

#include <stddef.h>

#include "face.h"

#define FACE_NET_SIZE 512     /* the network's square input */
#define FACE_NET_BASE 27      /* MobileNet v1: conv_0, then 13 depthwise + pointwise pairs */
#define FACE_NET_EXTRA 8      /* the SSD feature layers after MobileNet */
#define FACE_NET_HEADS 6      /* box predictors */
#define FACE_NET_ANCHORS 5118 /* 32x32x3 + 16x16x6 + 8x8x6 + 4x4x6 + 2x2x6 + 1x1x6 */
#define FACE_NET_CONV11 22    /* index in base[] of conv_11's pointwise layer, head 0's input */
#define FACE_NET_LANES 8      /* depthwise channel counts are multiples of this */
#define FACE_BN_EPSILON 0.0010000000474974513

/* A convolution with batch normalisation folded in: out = act(conv(in, w) + b). */
struct face_conv {
	int k, stride;        /* kernel side (1 or 3) and stride (1 or 2); padding is TF 'same' */
	int cin, cout;
	int depthwise;        /* w is [k*k][cin] and cout == cin; else w is [k*k*cin][cout] */
	int relu6;            /* clip to [0, 6] */
	float *w, *b;
};

struct face_model {
	struct face_conv base[FACE_NET_BASE];
	struct face_conv extra[FACE_NET_EXTRA];
	struct face_conv box[FACE_NET_HEADS], cls[FACE_NET_HEADS];
	float *anchors;       /* FACE_NET_ANCHORS x (ymin, xmin, ymax, xmax), relative */
	size_t buf_floats[2]; /* sizes of the two ping-pong activation buffers */
	size_t col_floats;    /* im2col chunk of the 3x3 convolutions */
};

/* Decoded output of one pass: boxes relative to the padded square input, (ymin, xmin, ymax,
 * xmax), and sigmoid scores, one per anchor. */
struct face_raw {
	float box[FACE_NET_ANCHORS][4];
	float score[FACE_NET_ANCHORS];
};

/* Per-call scratch of the network. */
struct face_scratch {
	float *buf[2], *col;
	float *enc, *logits; /* head outputs: FACE_NET_ANCHORS x 4 and x 3 */
};

/* Loads OpenBLAS (once per process) and keeps its products to one thread. */
enum pl_status face_blas_load(struct pl_diag *d);
/* c[m][n] += a[m][k] x b[k][n], row-major; only after face_blas_load succeeded. */
void face_blas_gemm(int m, int n, int k, const float *a, const float *b, float *c);

enum pl_status face_scratch_alloc(const struct face_model *m, struct face_scratch *s,
				  struct pl_diag *d);
void face_scratch_release(struct face_scratch *s);

/*
 * Fills in (FACE_NET_SIZE^2 x 3 floats, -1..1) from the region (x0, y0, w, h) of img as the
 * reference does: zero padding right or bottom to a square, then TF's bilinear resize without
 * aligned corners or half-pixel centres.
 */
void face_ssd_input(const struct image *img, int x0, int y0, int w, int h, float *in);

/* Runs the network on s->buf[0] (filled by face_ssd_input) and decodes into raw. */
void face_ssd_run(const struct face_model *m, struct face_scratch *s, struct face_raw *raw);

/* SSD box decoding of one anchor: encoding (ty, tx, th, tw) to (ymin, xmin, ymax, xmax). */
void face_ssd_decode(const float anchor[4], const float enc[4], float out[4]);

/* The reference's IoU of two (ymin, xmin, ymax, xmax) boxes; 0 when either is empty. */
float face_iou(const float a[4], const float b[4]);

/*
 * The reference's non-maximum suppression: candidates with score > min_score by decreasing
 * score (ties by index), each kept unless its IoU with a kept box exceeds iou_max, at most
 * max_out. Writes kept indices to keep (room for max_out) and returns their count; order is
 * scratch for n indices.
 */
size_t face_nms(const float (*boxes)[4], const float *scores, size_t n, float min_score,
		float iou_max, size_t max_out, size_t *order, size_t *keep);

#endif
