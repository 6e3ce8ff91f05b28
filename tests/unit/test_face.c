/* SPDX-License-Identifier: Apache-2.0 */
/* Face detector: the model-free parts (IoU, SSD box decoding, non-maximum suppression, input
 * preparation, model loading errors), then, when build/models holds the weights
 * (tests/tools/fetch-model.sh), anchors, a real detection on the package's demo photo checked
 * against the JavaScript reference's numbers, small faces found by tiling, and threads. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "face_net.h"
#include "harness.h"

#include "banned.h"

#define MODEL_DIR "build/models"
#define SAMPLE MODEL_DIR "/samples/sample1.jpg"

static void test_iou(void)
{
	static const struct {
		float a[4], b[4], want;
	} t[] = {
		{ { 0, 0, 1, 1 }, { 0, 0, 1, 1 }, 1.0f },
		{ { 0, 0, 1, 1 }, { 2, 2, 3, 3 }, 0.0f },
		{ { 0, 0, 1, 2 }, { 0, 1, 1, 3 }, 1.0f / 3 },
		{ { 1, 1, 0, 0 }, { 0, 0, 1, 1 }, 1.0f }, /* corners given in either order */
		{ { 0, 0, 0, 1 }, { 0, 0, 1, 1 }, 0.0f }, /* empty box */
		{ { 0, 0, 1, 1 }, { 0, 0, 1, 0.5f }, 0.5f },
	};

	for (size_t i = 0; i < ARRAY_LEN(t); i++)
		CHECK(fabsf(face_iou(t[i].a, t[i].b) - t[i].want) < 1e-6f, "iou row %zu: %g", i,
		      face_iou(t[i].a, t[i].b));
}

static void test_decode(void)
{
	static const struct {
		float enc[4], want[4];
	} t[] = {
		{ { 0, 0, 0, 0 }, { 0.1f, 0.2f, 0.3f, 0.6f } },
		{ { 10, 0, 0, 0 }, { 0.3f, 0.2f, 0.5f, 0.6f } },      /* centre moves one height */
		{ { 0, -5, 0, 0 }, { 0.1f, 0.0f, 0.3f, 0.4f } },      /* half a width left */
		{ { 0, 0, 5 * 0.69314718f, 0 }, { 0.0f, 0.2f, 0.4f, 0.6f } }, /* height doubled */
	};
	const float anchor[4] = { 0.1f, 0.2f, 0.3f, 0.6f };

	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		float out[4];
		int ok = 1;

		face_ssd_decode(anchor, t[i].enc, out);
		for (int k = 0; k < 4; k++)
			ok &= fabsf(out[k] - t[i].want[k]) < 1e-5f;
		CHECK(ok, "decode row %zu: %g %g %g %g", i, out[0], out[1], out[2], out[3]);
	}
}

static void test_nms(void)
{
	static const float boxes[][4] = {
		{ 0, 0, 1, 1 },	  /* 0 */
		{ 0, 0, 1, 0.9f }, /* 1: IoU 0.9 with 0 */
		{ 0, 2, 1, 3 },	  /* 2: apart */
		{ 0, 0, 1, 1 },	  /* 3: same as 0 */
		{ 0, 0, 1, 0.5f }, /* 4: IoU exactly 0.5 with 0: kept, the threshold is strict */
		{ 5, 5, 6, 6 },	  /* 5: apart */
	};
	static const struct {
		const char *name;
		float scores[6], min;
		size_t max_out, n, want[6];
	} t[] = {
		{ "suppression", { 0.9f, 0.8f, 0.7f, 0.05f, 0, 0 }, 0.1f, 100, 2, { 0, 2 } },
		{ "threshold is strict", { 0.9f, 0, 0, 0, 0.6f, 0.5f }, 0.5f, 100, 2, { 0, 4 } },
		{ "ties by index", { 0.5f, 0, 0.7f, 0, 0, 0.7f }, 0.1f, 100, 3, { 2, 5, 0 } },
		{ "max results", { 0.9f, 0, 0.7f, 0, 0, 0.8f }, 0.1f, 2, 2, { 0, 5 } },
		{ "weaker first suppressed", { 0.2f, 0.3f, 0, 0.4f, 0, 0 }, 0.1f, 100, 1, { 3 } },
		{ "nothing above", { 0.1f, 0.05f, 0, 0, 0, 0 }, 0.1f, 100, 0, { 0 } },
	};

	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		size_t order[6], keep[6];
		size_t n = face_nms(boxes, t[i].scores, 6, t[i].min, 0.5f, t[i].max_out, order,
				    keep);

		CHECK(n == t[i].n && memcmp(keep, t[i].want, n * sizeof(size_t)) == 0,
		      "nms %s: %zu kept", t[i].name, n);
	}
}

static void test_input(void)
{
	unsigned char px[4 * 2 * 3], grey[4 * 2];
	struct image img = { .w = 4, .h = 2, .channels = 3, .px = px };
	struct image g = { .w = 4, .h = 2, .channels = 1, .px = grey };
	float *in = malloc((size_t)FACE_NET_SIZE * FACE_NET_SIZE * 3 * sizeof(float));

	if (!in)
		return;
	for (int i = 0; i < 24; i++)
		px[i] = (unsigned char)(i * 10);
	for (int i = 0; i < 8; i++)
		grey[i] = (unsigned char)(i * 30);
	face_ssd_input(&img, 0, 0, 4, 2, in);
	CHECK(fabsf(in[0] - (0 / 127.5f - 1)) < 1e-6f && fabsf(in[2] - (20 / 127.5f - 1)) < 1e-6f,
	      "input corner: %g %g", in[0], in[2]);
	/* Column 64 samples x = 0.5: the mean of the first two pixels' red, 0 and 30. */
	CHECK(fabsf(in[64 * 3] - (15 / 127.5f - 1)) < 1e-5f, "input bilinear: %g", in[64 * 3]);
	/* Rows from 256 on sample y >= 2: the zero padding below the image, -1 after scaling. */
	CHECK(in[(size_t)256 * FACE_NET_SIZE * 3] == -1.0f &&
	      in[((size_t)FACE_NET_SIZE * FACE_NET_SIZE - 1) * 3] == -1.0f, "input padding");
	face_ssd_input(&g, 2, 1, 2, 1, in); /* a region: grey pixels 6 and 7 */
	CHECK(fabsf(in[0] - (180 / 127.5f - 1)) < 1e-6f && in[0] == in[1] && in[1] == in[2],
	      "grey region: %g", in[0]);
	free(in);
}

/* Writes text to dir/name. */
static void put(const char *dir, const char *name, const char *text, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f) {
		fwrite(text, 1, len, f);
		fclose(f);
	}
}

static void test_load_errors(void)
{
	static const char missing[] = "[{\"paths\":[\"w.bin\"],\"weights\":[]}]";
	static const char shortbin[] = "[{\"paths\":[\"w.bin\"],\"weights\":[{\"name\":\"x\","
				       "\"shape\":[100],\"dtype\":\"float32\"}]}]";
	static const struct {
		const char *name, *manifest;
		enum pl_status want;
		const char *msg;
	} t[] = {
		{ "malformed", "[{", PL_ERR_SYNTAX, "not a weights manifest" },
		{ "tensor missing", missing, PL_ERR_INPUT, "missing" },
		{ "weights too short", shortbin, PL_ERR_INPUT, "too short" },
		{ "escaping path", "[{\"paths\":[\"../x\"],\"weights\":[]}]", PL_ERR_INPUT, "path" },
	};
	char dir[] = "/tmp/pl-face-XXXXXX";
	struct face_model *m = NULL;
	struct pl_diag d = { 0 };

	CHECK_INT(face_model_load("/nonexistent/models", &m, &d), PL_ERR_IO, "no directory");
	CHECK(m == NULL && strstr(d.message, "cannot open"), "no directory: '%s'", d.message);
	if (!mkdtemp(dir))
		return;
	put(dir, "w.bin", "0123456789", 10);
	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		put(dir, FACE_MODEL_MANIFEST, t[i].manifest, strlen(t[i].manifest));
		memset(&d, 0, sizeof(d));
		CHECK_INT(face_model_load(dir, &m, &d), t[i].want, t[i].name);
		CHECK(m == NULL && strstr(d.message, t[i].msg), "%s: '%s'", t[i].name, d.message);
	}
	put(dir, FACE_MODEL_MANIFEST, "", 0);
	{
		char path[512];

		snprintf(path, sizeof(path), "%s/%s", dir, FACE_MODEL_MANIFEST);
		unlink(path);
		snprintf(path, sizeof(path), "%s/w.bin", dir);
		unlink(path);
		rmdir(dir);
	}
	face_model_free(&m);
	face_model_free(NULL);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long size;

	*len = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size)) != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size)
		*len = (size_t)size;
	fclose(f);
	if (!*len) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

static int decode_file(const char *path, int max_side, struct image *img)
{
	struct pl_diag d = { 0 };
	size_t len;
	unsigned char *p = slurp(path, &len);
	enum pl_status st = p ? image_decode_jpeg(p, len, max_side, img, &d) : PL_ERR_IO;

	free(p);
	return st == PL_OK;
}

static float box_iou(const struct face_box *a, const float *b)
{
	float ra[4] = { a->y, a->x, a->y + a->h, a->x + a->w };
	float rb[4] = { b[1], b[0], b[1] + b[3], b[0] + b[2] };

	return face_iou(ra, rb);
}

/* Head 0's anchors sit on the 32 x 32 grid of conv_11, three a cell; head 1's on 16 x 16. */
static void test_anchors(const struct face_model *m)
{
	static const struct { int first, side, per; } heads[] = { { 0, 32, 3 }, { 3072, 16, 6 } };
	int bad = 0;

	for (size_t h = 0; h < ARRAY_LEN(heads); h++)
		for (int a = 0; a < heads[h].side * heads[h].side * heads[h].per; a++) {
			const float *b = m->anchors + (size_t)(heads[h].first + a) * 4;
			int cell = a / heads[h].per;
			float cy = (cell / heads[h].side + 0.5f) / heads[h].side;
			float cx = (cell % heads[h].side + 0.5f) / heads[h].side;

			bad += fabsf((b[0] + b[2]) / 2 - cy) > 1e-3f || fabsf((b[1] + b[3]) / 2 - cx) > 1e-3f;
		}
	CHECK_INT(bad, 0, "anchors off their grid");
}

/* The JavaScript reference's boxes (x, y, w, h, score) on sample1.jpg at 1536 x 1024. */
static const float sample_ref[3][5] = {
	{ 330.999f, 283.575f, 141.970f, 191.848f, 0.99544f },
	{ 670.743f, 336.208f, 149.141f, 182.507f, 0.99314f },
	{ 1181.135f, 159.463f, 161.664f, 192.265f, 0.98933f },
};

static void test_sample(const struct face_model *m, const struct image *img)
{
	struct face_opts o;
	struct face_box *b = NULL;
	struct pl_diag d = { 0 };
	size_t n = 0;

	face_opts_init(&o);
	o.tiles = 0;
	CHECK_INT(face_detect(m, img, &o, &b, &n, &d), PL_OK, "sample");
	CHECK_INT(n, 3, "sample faces");
	for (size_t i = 0; i < n && i < 3; i++)
		CHECK(box_iou(&b[i], sample_ref[i]) > 0.95f &&
		      fabsf(b[i].score - sample_ref[i][4]) < 0.01f,
		      "sample face %zu: %g %g %g %g %g", i, b[i].x, b[i].y, b[i].w, b[i].h,
		      b[i].score);
	free(b);
	o.tiles = 3;
	CHECK_INT(face_detect(m, img, &o, &b, &n, &d), PL_OK, "sample, tiles");
	CHECK_INT(n, 3, "sample faces with tiles (no duplicates)");
	free(b);
	o.min_size = 1000;
	CHECK_INT(face_detect(m, img, &o, &b, &n, &d), PL_OK, "sample, min size");
	CHECK(n == 0 && b == NULL, "min size drops every face");
	o.min_size = 0;
	o.min_confidence = 0;
	CHECK_INT(face_detect(m, img, &o, &b, &n, &d), PL_ERR_USAGE, "confidence 0");
	o.min_confidence = 0.5f;
	o.tiles = FACE_MAX_TILES + 1;
	CHECK_INT(face_detect(m, img, &o, &b, &n, &d), PL_ERR_USAGE, "too many tiles");
}

/* The sample shrunk to 480 x 320 on a 1536 x 1024 grey canvas: faces about 45 pixels wide,
 * under 15 in the whole-image pass. Tiles at the working resolution find all three. */
static void test_small_faces(const struct face_model *m)
{
	struct image small, canvas = { .w = 1536, .h = 1024, .channels = 3, .px = NULL };
	struct face_opts o;
	struct face_box *b = NULL;
	struct pl_diag d = { 0 };
	size_t whole = 0, tiled = 0;

	if (!decode_file(SAMPLE, 480, &small))
		return;
	canvas.px = malloc((size_t)canvas.w * canvas.h * 3);
	if (canvas.px) {
		memset(canvas.px, 120, (size_t)canvas.w * canvas.h * 3);
		for (int y = 0; y < small.h; y++)
			memcpy(canvas.px + ((size_t)(600 + y) * canvas.w + 900) * 3,
			       small.px + (size_t)y * small.w * 3, (size_t)small.w * 3);
		face_opts_init(&o);
		o.tiles = 0;
		CHECK_INT(face_detect(m, &canvas, &o, &b, &whole, &d), PL_OK, "small, whole");
		free(b);
		o.tiles = 3;
		CHECK_INT(face_detect(m, &canvas, &o, &b, &tiled, &d), PL_OK, "small, tiles");
		CHECK(tiled == 3 && whole < tiled, "small faces: whole %zu, tiled %zu", whole,
		      tiled);
		for (size_t i = 0; i < tiled; i++)
			CHECK(b[i].x > 890 && b[i].y > 590 && b[i].w < 80, "small face %zu at %g %g",
			      i, b[i].x, b[i].y);
		free(b);
	}
	image_release(&canvas);
	image_release(&small);
}

/* A face-free image: a smooth gradient. */
static void test_blank(const struct face_model *m)
{
	struct image img = { .w = 640, .h = 480, .channels = 3, .px = malloc(640 * 480 * 3) };
	struct face_box *b = NULL;
	struct pl_diag d = { 0 };
	size_t n = 1;

	if (!img.px)
		return;
	for (size_t i = 0; i < 640 * 480 * 3; i++)
		img.px[i] = (unsigned char)((i / 3 % 640 + i / 3 / 640) / 5);
	CHECK_INT(face_detect(m, &img, NULL, &b, &n, &d), PL_OK, "blank");
	CHECK(n == 0 && b == NULL, "blank: %zu faces", n);
	image_release(&img);
}

struct job {
	const struct face_model *m;
	const struct image *img;
	size_t n;
	float first[5];
	enum pl_status st;
};

static void *worker(void *arg)
{
	struct job *j = arg;
	struct face_opts o;
	struct face_box *b = NULL;
	struct pl_diag d = { 0 };

	face_opts_init(&o);
	o.tiles = 0;
	j->st = face_detect(j->m, j->img, &o, &b, &j->n, &d);
	if (j->st == PL_OK && j->n)
		memcpy(j->first, &b[0], sizeof(j->first));
	free(b);
	return NULL;
}

/* Two threads share the read-only model and get the single-threaded result. */
static void test_threads(const struct face_model *m, const struct image *img)
{
	struct job jobs[2] = { { m, img, 0, { 0 }, PL_ERR_USAGE }, { m, img, 0, { 0 }, PL_ERR_USAGE } };
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		CHECK(pthread_create(&t[i], NULL, worker, &jobs[i]) == 0, "thread %d", i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 2; i++)
		CHECK(jobs[i].st == PL_OK && jobs[i].n == 3 &&
		      fabsf(jobs[i].first[4] - sample_ref[0][4]) < 0.01f,
		      "thread %d: %zu faces", i, jobs[i].n);
	CHECK(memcmp(jobs[0].first, jobs[1].first, sizeof(jobs[0].first)) == 0,
	      "threads agree");
}

static void test_with_model(void)
{
	struct face_model *m = NULL;
	struct pl_diag d = { 0 };
	struct image img;

	if (access(MODEL_DIR "/" FACE_MODEL_MANIFEST, R_OK) != 0) {
		fprintf(stderr, "test_face: no model in %s, model tests skipped "
				"(tests/tools/fetch-model.sh %s)\n", MODEL_DIR, MODEL_DIR);
		return;
	}
	CHECK_INT(face_model_load(MODEL_DIR, &m, &d), PL_OK, d.message);
	if (!m)
		return;
	test_anchors(m);
	test_blank(m);
	if (decode_file(SAMPLE, 1536, &img)) {
		CHECK(img.w == 1536 && img.h == 1024, "sample size %dx%d", img.w, img.h);
		test_sample(m, &img);
		test_threads(m, &img);
		image_release(&img);
	} else {
		CHECK(0, "cannot decode %s", SAMPLE);
	}
	test_small_faces(m);
	face_model_free(&m);
	CHECK(m == NULL, "free clears the pointer");
}

int main(void)
{
	test_iou();
	test_decode();
	test_nms();
	test_input();
	test_load_errors();
	test_with_model();
	TEST_DONE();
}
