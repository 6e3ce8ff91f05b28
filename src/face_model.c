/* SPDX-License-Identifier: Apache-2.0 */
/* Loads SSD MobileNet v1 from a tfjs weights manifest and its .bin shards: dequantises the
 * uint8/uint16 tensors, checks every shape and folds batch normalisation into the convolutions. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "face_net.h"
#include "util.h"

#include "banned.h"

#define MANIFEST_MAX_BYTES ((size_t)1 << 20)
#define TENSORS_MAX 1024
#define COL_CHUNK_FLOATS ((size_t)1 << 18) /* im2col rows are produced in chunks of this */
#define PATH_MAX_LEN 4096

/* One tensor of the manifest: where its bytes are and how to read them. */
struct tensor {
	const char *name; /* points into the cJSON tree */
	int rank, shape[4];
	size_t count, offset, bytes;
	int qbytes; /* bytes per stored value: 1 (uint8), 2 (uint16 or float16), 4 (float32) */
	int float16;
	double scale, min;
};

struct weights {
	cJSON *root;
	unsigned char *bin;
	size_t binlen;
	struct tensor *t;
	size_t n;
};

static enum pl_status read_file(const char *path, size_t max, unsigned char **buf, size_t *len,
				struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	FILE *f = fopen(path, "rb");
	long size;

	*buf = NULL;
	*len = 0;
	if (!f)
		return image_diagf(d, PL_ERR_IO, "cannot open '%s': %s", path, errno_str(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		st = image_diagf(d, PL_ERR_IO, "cannot read '%s': %s", path, errno_str(errno));
		goto out;
	}
	if ((size_t)size > max) {
		st = image_diagf(d, PL_ERR_LIMIT, "'%s' refused: %ld bytes exceed the limit of %zu",
				 path, size, max);
		goto out;
	}
	*buf = malloc((size_t)size + 1);
	if (!*buf) {
		st = image_diagf(d, PL_ERR_NOMEM, "out of memory reading '%s'", path);
		goto out;
	}
	if (fread(*buf, 1, (size_t)size, f) != (size_t)size) {
		st = image_diagf(d, PL_ERR_IO, "cannot read '%s': short read", path);
		goto out;
	}
	(*buf)[size] = 0;
	*len = (size_t)size;
out:
	if (st != PL_OK) {
		free(*buf);
		*buf = NULL;
	}
	fclose(f);
	return st;
}

/* Appends the shard dir/name to w->bin. */
static enum pl_status append_shard(struct weights *w, const char *dir, const char *name,
				   struct pl_diag *d)
{
	char path[PATH_MAX_LEN];
	unsigned char *buf = NULL, *grown;
	size_t len = 0;
	enum pl_status st;

	if (strchr(name, '/') || strcmp(name, "..") == 0 ||
	    (size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return image_diagf(d, PL_ERR_INPUT, "invalid weights path '%s'", name);
	st = read_file(path, FACE_MODEL_MAX_BYTES, &buf, &len, d);
	if (st != PL_OK)
		return st;
	if (w->binlen + len > FACE_MODEL_MAX_BYTES) {
		free(buf);
		return image_diagf(d, PL_ERR_LIMIT, "weights exceed the limit of %zu bytes",
				   FACE_MODEL_MAX_BYTES);
	}
	grown = realloc(w->bin, w->binlen + len + 1);
	if (!grown) {
		free(buf);
		return image_diagf(d, PL_ERR_NOMEM, "out of memory reading '%s'", path);
	}
	w->bin = grown;
	memcpy(w->bin + w->binlen, buf, len);
	w->binlen += len;
	free(buf);
	return PL_OK;
}

/* Fills t's storage description from its "dtype" and "quantization". */
static enum pl_status tensor_kind(struct tensor *t, const cJSON *spec, struct pl_diag *d)
{
	const cJSON *q = cJSON_GetObjectItemCaseSensitive(spec, "quantization");
	const cJSON *dt = cJSON_GetObjectItemCaseSensitive(spec, "dtype");
	const char *qd;

	if (!cJSON_IsString(dt) || (strcmp(dt->valuestring, "float32") != 0 &&
				    strcmp(dt->valuestring, "int32") != 0))
		return image_diagf(d, PL_ERR_SYNTAX, "tensor '%s': unsupported dtype", t->name);
	t->qbytes = 4;
	if (!q)
		return PL_OK;
	qd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(q, "dtype"));
	if (qd && strcmp(qd, "float16") == 0) {
		t->qbytes = 2;
		t->float16 = 1;
		return PL_OK;
	}
	if (!qd || (strcmp(qd, "uint8") != 0 && strcmp(qd, "uint16") != 0) ||
	    !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(q, "scale")) ||
	    !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(q, "min")))
		return image_diagf(d, PL_ERR_SYNTAX, "tensor '%s': invalid quantization", t->name);
	t->qbytes = qd[4] == '8' ? 1 : 2;
	t->scale = cJSON_GetObjectItemCaseSensitive(q, "scale")->valuedouble;
	t->min = cJSON_GetObjectItemCaseSensitive(q, "min")->valuedouble;
	return PL_OK;
}

/* Describes one manifest weight entry at byte offset *off, advancing it. */
static enum pl_status tensor_parse(struct tensor *t, const cJSON *spec, size_t *off,
				   struct pl_diag *d)
{
	const cJSON *shape = cJSON_GetObjectItemCaseSensitive(spec, "shape"), *dim;
	enum pl_status st;

	memset(t, 0, sizeof(*t));
	t->name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "name"));
	if (!t->name || !cJSON_IsArray(shape) || cJSON_GetArraySize(shape) > 4)
		return image_diagf(d, PL_ERR_SYNTAX, "manifest: invalid weight entry");
	t->count = 1;
	cJSON_ArrayForEach(dim, shape) {
		if (!cJSON_IsNumber(dim) || dim->valuedouble < 0 || dim->valuedouble > 1e7)
			return image_diagf(d, PL_ERR_SYNTAX, "tensor '%s': invalid shape", t->name);
		t->shape[t->rank++] = dim->valueint;
		t->count *= (size_t)dim->valueint;
		if (t->count > FACE_MODEL_MAX_BYTES)
			return image_diagf(d, PL_ERR_LIMIT, "tensor '%s' too large", t->name);
	}
	st = tensor_kind(t, spec, d);
	if (st != PL_OK)
		return st;
	t->offset = *off;
	t->bytes = t->count * (size_t)t->qbytes;
	*off += t->bytes;
	return PL_OK;
}

/* Reads one manifest group: appends its shards, then describes its tensors. */
static enum pl_status group_parse(struct weights *w, const char *dir, const cJSON *g,
				  struct pl_diag *d)
{
	const cJSON *paths = cJSON_GetObjectItemCaseSensitive(g, "paths"), *it;
	const cJSON *specs = cJSON_GetObjectItemCaseSensitive(g, "weights");
	size_t off = w->binlen;
	enum pl_status st;

	if (!cJSON_IsArray(paths) || !cJSON_IsArray(specs))
		return image_diagf(d, PL_ERR_SYNTAX, "manifest: group without paths or weights");
	cJSON_ArrayForEach(it, paths) {
		if (!cJSON_IsString(it))
			return image_diagf(d, PL_ERR_SYNTAX, "manifest: invalid path");
		st = append_shard(w, dir, it->valuestring, d);
		if (st != PL_OK)
			return st;
	}
	cJSON_ArrayForEach(it, specs) {
		if (w->n >= TENSORS_MAX)
			return image_diagf(d, PL_ERR_LIMIT, "manifest: more than %d tensors",
					   TENSORS_MAX);
		st = tensor_parse(&w->t[w->n], it, &off, d);
		if (st != PL_OK)
			return st;
		if (w->t[w->n].offset + w->t[w->n].bytes > w->binlen)
			return image_diagf(d, PL_ERR_INPUT, "weights too short for tensor '%s'",
					   w->t[w->n].name);
		w->n++;
	}
	return PL_OK;
}

static void weights_release(struct weights *w)
{
	cJSON_Delete(w->root);
	free(w->bin);
	free(w->t);
	memset(w, 0, sizeof(*w));
}

static enum pl_status weights_read(struct weights *w, const char *dir, struct pl_diag *d)
{
	char path[PATH_MAX_LEN];
	unsigned char *text = NULL;
	size_t len = 0;
	const cJSON *g;
	enum pl_status st;

	memset(w, 0, sizeof(*w));
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, FACE_MODEL_MANIFEST) >=
	    sizeof(path))
		return image_diagf(d, PL_ERR_USAGE, "model directory name too long");
	st = read_file(path, MANIFEST_MAX_BYTES, &text, &len, d);
	if (st != PL_OK)
		return st;
	w->root = cJSON_ParseWithLength((const char *)text, len);
	free(text);
	w->t = calloc(TENSORS_MAX, sizeof(*w->t));
	if (!w->t)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory reading the model");
	if (!cJSON_IsArray(w->root))
		return image_diagf(d, PL_ERR_SYNTAX, "'%s': not a weights manifest", path);
	cJSON_ArrayForEach(g, w->root) {
		st = group_parse(w, dir, g, d);
		if (st != PL_OK)
			return st;
	}
	return PL_OK;
}

static float half_to_float(unsigned h)
{
	unsigned e = (h >> 10) & 0x1f, f = h & 0x3ff;
	float v = e == 0 ? ldexpf((float)f, -24) : e == 31 ? (f ? NAN : INFINITY)
						   : ldexpf((float)(f | 0x400), (int)e - 25);

	return (h & 0x8000) ? -v : v;
}

/* Copies the named tensor, of the given rank and shape, into dst as floats. */
static enum pl_status load(const struct weights *w, const char *name, int rank,
			   const int *shape, float *dst, struct pl_diag *d)
{
	const struct tensor *t = NULL;

	for (size_t i = 0; i < w->n && !t; i++)
		if (strcmp(w->t[i].name, name) == 0)
			t = &w->t[i];
	if (!t)
		return image_diagf(d, PL_ERR_INPUT, "model: tensor '%s' missing", name);
	if (t->rank != rank || memcmp(t->shape, shape, (size_t)rank * sizeof(int)) != 0)
		return image_diagf(d, PL_ERR_INPUT, "model: tensor '%s' has an unexpected shape",
				   name);
	for (size_t i = 0; i < t->count; i++) {
		const unsigned char *p = w->bin + t->offset + i * (size_t)t->qbytes;

		if (t->float16)
			dst[i] = half_to_float((unsigned)p[0] | (unsigned)p[1] << 8);
		else if (t->qbytes == 1)
			dst[i] = (float)(p[0] * t->scale + t->min);
		else if (t->qbytes == 2)
			dst[i] = (float)(((unsigned)p[0] | (unsigned)p[1] << 8) * t->scale + t->min);
		else
			memcpy(&dst[i], p, sizeof(float)); /* little-endian hosts only */
	}
	return PL_OK;
}

static enum pl_status conv_alloc(struct face_conv *c, int k, int stride, int cin, int cout,
				 int depthwise, int relu6, struct pl_diag *d)
{
	size_t nw = (size_t)k * k * cin * (depthwise ? 1 : (size_t)cout);

	*c = (struct face_conv){ k, stride, cin, cout, depthwise, relu6, NULL, NULL };
	if (depthwise && cin % FACE_NET_LANES != 0)
		return image_diagf(d, PL_ERR_INPUT, "model: depthwise channels %d not a multiple "
				   "of %d", cin, FACE_NET_LANES);
	c->w = malloc(nw * sizeof(float));
	c->b = malloc((size_t)cout * sizeof(float));
	if (!c->w || !c->b)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory loading the model");
	return PL_OK;
}

/* A convolution whose tensors are named "<prefix>/weights" and "<prefix>/<bias>". */
static enum pl_status load_conv(const struct weights *w, struct face_conv *c, const char *prefix,
				const char *bias, int k, int stride, int cin, int cout, int relu6,
				struct pl_diag *d)
{
	char name[256];
	int wshape[4] = { k, k, cin, cout };
	enum pl_status st = conv_alloc(c, k, stride, cin, cout, 0, relu6, d);

	if (st != PL_OK)
		return st;
	snprintf(name, sizeof(name), "%s/weights", prefix);
	st = load(w, name, 4, wshape, c->w, d);
	if (st != PL_OK)
		return st;
	snprintf(name, sizeof(name), "%s/%s", prefix, bias);
	return load(w, name, 1, &cout, c->b, d);
}

/* A depthwise convolution followed by batch normalisation, folded into one. */
static enum pl_status load_depthwise(const struct weights *w, struct face_conv *c, int idx,
				     int stride, int ch, struct pl_diag *d)
{
	static const char *const bn[4] = { "gamma", "beta", "moving_mean", "moving_variance" };
	char name[256];
	int wshape[4] = { 3, 3, ch, 1 };
	float *p = malloc(4 * (size_t)ch * sizeof(float));
	enum pl_status st = p ? conv_alloc(c, 3, stride, ch, ch, 1, 1, d)
			      : image_diagf(d, PL_ERR_NOMEM, "out of memory loading the model");

	snprintf(name, sizeof(name), "MobilenetV1/Conv2d_%d_depthwise/depthwise_weights", idx);
	if (st == PL_OK)
		st = load(w, name, 4, wshape, c->w, d);
	for (int i = 0; i < 4 && st == PL_OK; i++) {
		snprintf(name, sizeof(name), "MobilenetV1/Conv2d_%d_depthwise/BatchNorm/%s", idx,
			 bn[i]);
		st = load(w, name, 1, &ch, p + (size_t)i * ch, d);
	}
	for (int ci = 0; ci < ch && st == PL_OK; ci++) {
		/* y = (x - mean) * gamma / sqrt(var + eps) + beta */
		float f = (float)(p[ci] / sqrt((double)p[3 * ch + ci] + FACE_BN_EPSILON));

		for (int tap = 0; tap < 9; tap++)
			c->w[(size_t)tap * ch + ci] *= f;
		c->b[ci] = p[ch + ci] - p[2 * ch + ci] * f;
	}
	free(p);
	return st;
}

/* MobileNet v1 channels and strides: conv_0 (3x3, stride 2), then the 13 separable pairs. */
static const struct { int cin, cout, stride; } mobilenet[14] = {
	{ 3, 32, 2 },	 { 32, 64, 1 },	  { 64, 128, 2 },  { 128, 128, 1 }, { 128, 256, 2 },
	{ 256, 256, 1 }, { 256, 512, 2 }, { 512, 512, 1 }, { 512, 512, 1 }, { 512, 512, 1 },
	{ 512, 512, 1 }, { 512, 512, 1 }, { 512, 1024, 2 }, { 1024, 1024, 1 },
};

/* The SSD feature layers after MobileNet: 1x1 reductions and 3x3 stride-2 convolutions. */
static const struct { int cin, cout, k, stride; } ssd_extra[FACE_NET_EXTRA] = {
	{ 1024, 256, 1, 1 }, { 256, 512, 3, 2 }, { 512, 128, 1, 1 }, { 128, 256, 3, 2 },
	{ 256, 128, 1, 1 },  { 128, 256, 3, 2 }, { 256, 64, 1, 1 },  { 64, 128, 3, 2 },
};

/* Box predictors: input channels and anchors per cell. */
static const int head_cin[FACE_NET_HEADS] = { 512, 1024, 512, 256, 256, 128 };
static const int head_anchors[FACE_NET_HEADS] = { 3, 6, 6, 6, 6, 6 };

static enum pl_status load_base(const struct weights *w, struct face_model *m,
				struct pl_diag *d)
{
	char prefix[128];
	enum pl_status st = load_conv(w, &m->base[0], "MobilenetV1/Conv2d_0_pointwise",
				      "convolution_bn_offset", 3, 2, 3, 32, 1, d);

	for (int i = 1; i < 14 && st == PL_OK; i++) {
		st = load_depthwise(w, &m->base[2 * i - 1], i, mobilenet[i].stride,
				    mobilenet[i].cin, d);
		snprintf(prefix, sizeof(prefix), "MobilenetV1/Conv2d_%d_pointwise", i);
		if (st == PL_OK)
			st = load_conv(w, &m->base[2 * i], prefix, "convolution_bn_offset", 1, 1,
				       mobilenet[i].cin, mobilenet[i].cout, 1, d);
	}
	return st;
}

static enum pl_status load_ssd(const struct weights *w, struct face_model *m, struct pl_diag *d)
{
	char prefix[128];
	enum pl_status st = PL_OK;
	int ashape[3] = { 1, FACE_NET_ANCHORS, 4 };

	for (int i = 0; i < FACE_NET_EXTRA && st == PL_OK; i++) {
		snprintf(prefix, sizeof(prefix), "Prediction/Conv2d_%d_pointwise", i);
		st = load_conv(w, &m->extra[i], prefix, "convolution_bn_offset", ssd_extra[i].k,
			       ssd_extra[i].stride, ssd_extra[i].cin, ssd_extra[i].cout, 1, d);
	}
	for (int i = 0; i < FACE_NET_HEADS && st == PL_OK; i++) {
		snprintf(prefix, sizeof(prefix), "Prediction/BoxPredictor_%d/BoxEncodingPredictor",
			 i);
		st = load_conv(w, &m->box[i], prefix, "biases", 1, 1, head_cin[i],
			       4 * head_anchors[i], 0, d);
		snprintf(prefix, sizeof(prefix), "Prediction/BoxPredictor_%d/ClassPredictor", i);
		if (st == PL_OK)
			st = load_conv(w, &m->cls[i], prefix, "biases", 1, 1, head_cin[i],
				       3 * head_anchors[i], 0, d);
	}
	if (st != PL_OK)
		return st;
	m->anchors = malloc((size_t)FACE_NET_ANCHORS * 4 * sizeof(float));
	if (!m->anchors)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory loading the model");
	return load(w, "Output/extra_dim", 3, ashape, m->anchors, d);
}

/* Output side of a 'same' convolution. */
static int out_side(int in, int stride)
{
	return (in + stride - 1) / stride;
}

/* Sizes the scratch: the two ping-pong buffers (layer i reads buf[i % 2]) and im2col chunks. */
static void plan_buffers(struct face_model *m)
{
	int side = FACE_NET_SIZE;
	size_t col = 0;

	m->buf_floats[0] = (size_t)side * side * 3;
	m->buf_floats[1] = 0;
	for (int i = 0; i < FACE_NET_BASE + FACE_NET_EXTRA; i++) {
		const struct face_conv *c = i < FACE_NET_BASE ? &m->base[i]
							      : &m->extra[i - FACE_NET_BASE];
		size_t need, row;

		side = out_side(side, c->stride);
		need = (size_t)side * side * (size_t)c->cout;
		if (need > m->buf_floats[(i + 1) % 2])
			m->buf_floats[(i + 1) % 2] = need;
		if (c->k == 3 && !c->depthwise) {
			row = (size_t)side * 9 * (size_t)c->cin;
			need = row * (size_t)side;
			if (need > COL_CHUNK_FLOATS)
				need = row > COL_CHUNK_FLOATS ? row : COL_CHUNK_FLOATS / row * row;
			if (need > col)
				col = need;
		}
	}
	m->col_floats = col;
}

enum pl_status face_model_load(const char *model_dir, struct face_model **out,
			       struct pl_diag *d)
{
	struct weights w;
	struct face_model *m = NULL;
	enum pl_status st;

	if (!out || !model_dir)
		return image_diagf(d, PL_ERR_USAGE, "face_model_load: missing argument");
	*out = NULL;
	if ((st = face_blas_load(d)) != PL_OK)
		return st;
	st = weights_read(&w, model_dir, d);
	if (st == PL_OK) {
		m = calloc(1, sizeof(*m));
		if (!m)
			st = image_diagf(d, PL_ERR_NOMEM, "out of memory loading the model");
	}
	if (st == PL_OK)
		st = load_base(&w, m, d);
	if (st == PL_OK)
		st = load_ssd(&w, m, d);
	weights_release(&w);
	if (st != PL_OK) {
		face_model_free(&m);
		return st;
	}
	plan_buffers(m);
	*out = m;
	return PL_OK;
}

static void conv_free(struct face_conv *c)
{
	free(c->w);
	free(c->b);
}

void face_model_free(struct face_model **pm)
{
	struct face_model *m;

	if (!pm || !*pm)
		return;
	m = *pm;
	for (int i = 0; i < FACE_NET_BASE; i++)
		conv_free(&m->base[i]);
	for (int i = 0; i < FACE_NET_EXTRA; i++)
		conv_free(&m->extra[i]);
	for (int i = 0; i < FACE_NET_HEADS; i++) {
		conv_free(&m->box[i]);
		conv_free(&m->cls[i]);
	}
	free(m->anchors);
	free(m);
	*pm = NULL;
}
