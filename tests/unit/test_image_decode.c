/* SPDX-License-Identifier: Apache-2.0 */
/* JPEG decoding: a table of JPEGs generated here with TurboJPEG (baseline, progressive, grey,
 * CMYK, truncated, corrupt, a decompression-bomb header), each with the expected result; the
 * grey decode for reading text (DCT scaling only) likewise; then the area resize, the marker
 * walk (EXIF orientation, Adobe) and the box orientation mapping. */
#include <stdlib.h>
#include <string.h>

#include <turbojpeg.h>

#include "harness.h"
#include "image.h"

#include "banned.h"

struct jpeg {
	unsigned char *p;
	size_t len;
};

/* A w x h JPEG of one colour (c0, c1, c2[, c3]) with a diagonal ramp in the first channel
 * when ramp is set, in the given pixel format, subsampling and flags. */
static struct jpeg make(int w, int h, int pf, int samp, int flags, const int *col, int ramp)
{
	struct jpeg j = { NULL, 0 };
	int ps = tjPixelSize[pf];
	unsigned char *px = malloc((size_t)w * h * ps);
	unsigned long len = 0;
	tjhandle tj = tjInitCompress();

	for (size_t i = 0; px && i < (size_t)w * h; i++)
		for (int c = 0; c < ps; c++)
			px[i * ps + c] = (unsigned char)(c == 0 && ramp
						 ? (int)((i % w + i / w) * 255 / (w + h)) : col[c]);
	if (px && tj && tjCompress2(tj, px, w, 0, h, pf, &j.p, &len, samp, 90, flags) == 0)
		j.len = len;
	tjDestroy(tj);
	free(px);
	return j;
}

/* Offset of the first byte after the SOS segment (entropy-coded data). */
static size_t scan_start(const struct jpeg *j)
{
	for (size_t i = 2; i + 3 < j->len; i++)
		if (j->p[i] == 0xFF && j->p[i + 1] == 0xDA)
			return i + 2 + ((size_t)j->p[i + 2] << 8 | j->p[i + 3]);
	return 0;
}

/* Sets the SOF0's declared height and width. */
static void patch_sof(struct jpeg *j, int w, int h)
{
	for (size_t i = 2; i + 9 < j->len; i++)
		if (j->p[i] == 0xFF && (j->p[i + 1] == 0xC0 || j->p[i + 1] == 0xC2)) {
			j->p[i + 5] = (unsigned char)(h >> 8);
			j->p[i + 6] = (unsigned char)h;
			j->p[i + 7] = (unsigned char)(w >> 8);
			j->p[i + 8] = (unsigned char)w;
			return;
		}
}

enum damage { NONE, TRUNCATE, CORRUPT_SCAN, BOMB, GARBAGE };

static const int rgb[3] = { 200, 100, 50 };
static const int grey[1] = { 128 };
/* Adobe-inverted CMYK: 255 is no ink, so this is RGB (200, 100, 50) with no black. */
static const int cmyk[4] = { 200, 100, 50, 255 };

struct row {
	const char *name;
	int w, h, pf, samp, flags, max_side;
	const int *col;
	enum damage damage;
	enum pl_status want;
	int want_w, want_h, want_warned;
	int check_colour;
};

static const struct row rows[] = {
	{ "baseline", 64, 48, TJPF_RGB, TJSAMP_420, 0, 0, rgb, NONE, PL_OK, 64, 48, 0, 1 },
	{ "baseline 444", 33, 17, TJPF_RGB, TJSAMP_444, 0, 0, rgb, NONE, PL_OK, 33, 17, 0, 1 },
	{ "progressive", 64, 48, TJPF_RGB, TJSAMP_420, TJFLAG_PROGRESSIVE, 0, rgb, NONE, PL_OK, 64,
	  48, 0, 1 },
	{ "grey", 40, 30, TJPF_GRAY, TJSAMP_GRAY, 0, 0, grey, NONE, PL_OK, 40, 30, 0, 1 },
	{ "cmyk adobe", 40, 30, TJPF_CMYK, TJSAMP_444, 0, 0, cmyk, NONE, PL_OK, 40, 30, 0, 1 },
	{ "scaled to fit", 4000, 3000, TJPF_GRAY, TJSAMP_GRAY, 0, 1000, grey, NONE, PL_OK, 1000, 750,
	  0, 1 },
	{ "scaled, area rest", 4000, 3000, TJPF_RGB, TJSAMP_420, 0, 1001, rgb, NONE, PL_OK, 1001,
	  751, 0, 1 },
	{ "progressive scaled", 1200, 900, TJPF_RGB, TJSAMP_420, TJFLAG_PROGRESSIVE, 500, rgb, NONE,
	  PL_OK, 500, 375, 0, 1 },
	{ "portrait never enlarged", 300, 400, TJPF_RGB, TJSAMP_420, 0, 1000, rgb, NONE, PL_OK, 300,
	  400, 0, 1 },
	{ "truncated", 256, 256, TJPF_RGB, TJSAMP_420, 0, 0, rgb, TRUNCATE, PL_OK, 256, 256, 1, 0 },
	{ "corrupt scan", 256, 256, TJPF_RGB, TJSAMP_420, 0, 0, rgb, CORRUPT_SCAN, PL_OK, 256, 256,
	  1, 0 },
	{ "bomb header", 64, 48, TJPF_RGB, TJSAMP_420, 0, 0, rgb, BOMB, PL_ERR_LIMIT, 0, 0, 0, 0 },
	{ "bomb header, scaled", 64, 48, TJPF_RGB, TJSAMP_420, 0, 1000, rgb, BOMB, PL_ERR_LIMIT, 0,
	  0, 0, 0 },
	{ "not a jpeg", 64, 48, TJPF_RGB, TJSAMP_420, 0, 0, rgb, GARBAGE, PL_ERR_INPUT, 0, 0, 0, 0 },
};

static void damage(struct jpeg *j, enum damage how)
{
	size_t s = scan_start(j);

	switch (how) {
	case TRUNCATE:
		j->len = s + (j->len - s) / 3;
		break;
	case CORRUPT_SCAN:
		/* A restart marker where none is expected, inside the entropy-coded data. */
		j->p[s + (j->len - s) / 2] = 0xFF;
		j->p[s + (j->len - s) / 2 + 1] = 0xD3;
		break;
	case BOMB:
		patch_sof(j, 65000, 65000);
		break;
	case GARBAGE:
		memset(j->p, 'x', j->len);
		break;
	case NONE:
		break;
	}
}

/* Every pixel of a one-colour image is within tol of the colour (grey expanded to RGB). */
static int colour_ok(const struct image *img, const int *col, int pf, int tol)
{
	int want[3];

	for (int c = 0; c < 3; c++)
		want[c] = pf == TJPF_GRAY ? col[0] : col[c];
	for (size_t i = 0; i < (size_t)img->w * img->h; i++)
		for (int c = 0; c < 3; c++)
			if (abs(img->px[i * 3 + c] - want[c]) > tol)
				return 0;
	return 1;
}

static void test_table(void)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct row *r = &rows[i];
		struct jpeg j = make(r->w, r->h, r->pf, r->samp, r->flags, r->col, 0);
		struct pl_diag d = { 0 };
		struct image img;
		enum pl_status st;

		CHECK(j.len > 0, "%s: fixture not made", r->name);
		if (!j.len)
			continue;
		damage(&j, r->damage);
		st = image_decode_jpeg(j.p, j.len, r->max_side, &img, &d);
		CHECK_INT(st, r->want, r->name);
		CHECK_INT(img.w, r->want_w, r->name);
		CHECK_INT(img.h, r->want_h, r->name);
		CHECK_INT(img.warned, r->want_warned, r->name);
		if (st == PL_OK)
			CHECK(img.channels == 3 && img.src_w == r->w && img.src_h == r->h,
			      "%s: %d channels, source %dx%d", r->name, img.channels, img.src_w,
			      img.src_h);
		else
			CHECK(img.px == NULL && d.message[0], "%s: no message or pixels left",
			      r->name);
		if (r->want_warned)
			CHECK(strstr(d.message, "damaged JPEG") != NULL, "%s: '%s'", r->name,
			      d.message);
		if (r->damage == BOMB)
			CHECK(strstr(d.message, "65000x65000") && strstr(d.message, "refused"),
			      "%s: '%s'", r->name, d.message);
		if (st == PL_OK && r->check_colour)
			CHECK(colour_ok(&img, r->col, r->pf, 4), "%s: colours off", r->name);
		image_release(&img);
		tjFree(j.p);
	}
}

/* The grey decode: the largest DCT scale within max_side, no resize, luma of colour files. */
static void test_grey(void)
{
	static const struct {
		const char *name;
		int w, h, pf, samp, max_side;
		const int *col;
		enum damage damage;
		enum pl_status want;
		int want_w, want_h, want_warned, want_luma; /* luma -1: not checked */
	} t[] = {
		{ "grey: colour, full size", 64, 48, TJPF_RGB, TJSAMP_420, 0, rgb, NONE, PL_OK, 64, 48,
		  0, 124 },
		{ "grey: grey file", 40, 30, TJPF_GRAY, TJSAMP_GRAY, 4096, grey, NONE, PL_OK, 40, 30, 0,
		  128 },
		{ "grey: 1/4 fits exactly", 4000, 3000, TJPF_GRAY, TJSAMP_GRAY, 1000, grey, NONE, PL_OK,
		  1000, 750, 0, 128 },
		{ "grey: 3/8 too large, 1/4", 4000, 3000, TJPF_RGB, TJSAMP_420, 1499, rgb, NONE, PL_OK,
		  1000, 750, 0, 124 },
		{ "grey: 24 MP to 5/8", 6000, 4000, TJPF_GRAY, TJSAMP_GRAY, 4096, grey, NONE, PL_OK,
		  3750, 2500, 0, 128 },
		{ "grey: portrait never enlarged", 300, 400, TJPF_RGB, TJSAMP_420, 4096, rgb, NONE,
		  PL_OK, 300, 400, 0, 124 },
		{ "grey: truncated", 256, 256, TJPF_RGB, TJSAMP_420, 0, rgb, TRUNCATE, PL_OK, 256, 256,
		  1, -1 },
		{ "grey: cmyk refused", 40, 30, TJPF_CMYK, TJSAMP_444, 0, cmyk, NONE, PL_ERR_INPUT, 0, 0,
		  0, -1 },
		{ "grey: bomb header", 64, 48, TJPF_RGB, TJSAMP_420, 4096, rgb, BOMB, PL_ERR_LIMIT, 0, 0,
		  0, -1 },
		{ "grey: not a jpeg", 64, 48, TJPF_RGB, TJSAMP_420, 0, rgb, GARBAGE, PL_ERR_INPUT, 0, 0,
		  0, -1 },
	};

	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		struct jpeg j = make(t[i].w, t[i].h, t[i].pf, t[i].samp, 0, t[i].col, 0);
		struct pl_diag d = { 0 };
		struct image img;
		enum pl_status st;
		int off = 0;

		CHECK(j.len > 0, "%s: fixture not made", t[i].name);
		if (!j.len)
			continue;
		damage(&j, t[i].damage);
		st = image_decode_jpeg_grey(j.p, j.len, t[i].max_side, &img, &d);
		CHECK_INT(st, t[i].want, t[i].name);
		CHECK(img.w == t[i].want_w && img.h == t[i].want_h, "%s: %dx%d", t[i].name, img.w,
		      img.h);
		CHECK_INT(img.warned, t[i].want_warned, t[i].name);
		if (st == PL_OK)
			CHECK(img.channels == 1 && img.src_w == t[i].w && img.src_h == t[i].h,
			      "%s: %d channels, source %dx%d", t[i].name, img.channels, img.src_w,
			      img.src_h);
		else
			CHECK(img.px == NULL && d.message[0], "%s: no message or pixels left",
			      t[i].name);
		for (size_t k = 0; st == PL_OK && t[i].want_luma >= 0 && k < (size_t)img.w * img.h; k++)
			off += abs(img.px[k] - t[i].want_luma) > 4;
		CHECK(off == 0, "%s: %d pixels off the luma %d", t[i].name, off, t[i].want_luma);
		image_release(&img);
		tjFree(j.p);
	}
}

/* A JPEG inside a larger buffer (an embedded thumbnail) decodes from its sub-range. */
static void test_subrange(void)
{
	struct jpeg j = make(50, 40, TJPF_RGB, TJSAMP_420, 0, rgb, 1);
	size_t total = j.len + 200;
	unsigned char *buf = malloc(total);
	struct pl_diag d = { 0 };
	struct image img;

	CHECK(buf && j.len, "sub-range fixture");
	if (!buf || !j.len)
		goto out;
	memset(buf, 0xAB, total);
	memcpy(buf + 100, j.p, j.len);
	CHECK_INT(image_decode_jpeg(buf + 100, j.len, 0, &img, &d), PL_OK, "sub-range");
	CHECK(img.w == 50 && img.h == 40, "sub-range: %dx%d", img.w, img.h);
	image_release(&img);
	CHECK_INT(image_decode_jpeg(buf, total, 0, &img, &d), PL_ERR_INPUT, "sub-range, wrong start");
	CHECK_INT(image_decode_jpeg(NULL, 0, 0, &img, &d), PL_ERR_INPUT, "null input");
out:
	free(buf);
	tjFree(j.p);
}

static void test_resize(void)
{
	unsigned char line[3] = { 0, 90, 180 }, sq[16];
	struct image src = { .w = 3, .h = 1, .channels = 1, .px = line }, out;
	struct pl_diag d = { 0 };

	CHECK_INT(image_resize_area(&src, 2, 1, &out, &d), PL_OK, "resize 3 to 2");
	/* Output cells cover 1.5 source cells: (0 + 90/2) / 1.5 and (90/2 + 180) / 1.5. */
	CHECK(out.px && out.px[0] == 30 && out.px[1] == 150, "resize 3 to 2: %d %d",
	      out.px ? out.px[0] : -1, out.px ? out.px[1] : -1);
	image_release(&out);
	for (int i = 0; i < 16; i++)
		sq[i] = (unsigned char)(i / 4 < 2 ? (i % 4 < 2 ? 10 : 20) : (i % 4 < 2 ? 30 : 41));
	src = (struct image){ .w = 4, .h = 4, .channels = 1, .px = sq };
	CHECK_INT(image_resize_area(&src, 2, 2, &out, &d), PL_OK, "resize 4x4 to 2x2");
	CHECK(out.px && out.px[0] == 10 && out.px[1] == 20 && out.px[2] == 30 && out.px[3] == 41,
	      "resize 4x4 to 2x2");
	image_release(&out);
	CHECK_INT(image_resize_area(&src, 5, 2, &out, &d), PL_ERR_USAGE, "resize up refused");
	CHECK(out.px == NULL, "resize up leaves nothing");
}

/* SOI, an APP1 Exif segment with orientation `o` (byte order le or not), then j minus its SOI. */
static unsigned char *with_exif(const struct jpeg *j, int le, int o, size_t *len)
{
	static const unsigned char ii[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0,
					    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const unsigned char mm[] = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3,
					    0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 };
	size_t seg = 2 + 6 + sizeof(ii);
	unsigned char *p = malloc(j->len + seg + 2);

	if (!p)
		return NULL;
	memcpy(p, "\xFF\xD8\xFF\xE1", 4);
	p[4] = (unsigned char)(seg >> 8);
	p[5] = (unsigned char)seg;
	memcpy(p + 6, "Exif\0\0", 6);
	memcpy(p + 12, le ? ii : mm, sizeof(ii));
	p[12 + (le ? 18 : 19)] = (unsigned char)o; /* the value field of the entry */
	memcpy(p + 4 + seg, j->p + 2, j->len - 2);
	*len = j->len + seg + 2;
	return p;
}

static void test_markers(void)
{
	struct jpeg j = make(16, 8, TJPF_RGB, TJSAMP_420, 0, rgb, 0);
	struct jpeg k = make(16, 8, TJPF_CMYK, TJSAMP_444, 0, cmyk, 0);
	struct image_jpeg_info info;
	size_t len = 0;

	for (int le = 0; le < 2 && j.len; le++)
		for (int o = 0; o <= 9; o++) {
			unsigned char *p = with_exif(&j, le, o, &len);
			struct image img;
			struct pl_diag d = { 0 };

			image_jpeg_info(p, len, &info);
			CHECK(info.orientation == (o >= 1 && o <= 8 ? o : 1),
			      "orientation %d (%s): got %d", o, le ? "II" : "MM", info.orientation);
			CHECK(image_decode_jpeg(p, len, 0, &img, &d) == PL_OK && img.w == 16,
			      "decode with exif");
			image_release(&img);
			free(p);
		}
	image_jpeg_info(j.p, j.len, &info);
	CHECK(info.orientation == 1 && !info.adobe, "plain jpeg info");
	image_jpeg_info(k.p, k.len, &info);
	CHECK(info.adobe && info.adobe_transform == 2, "cmyk jpeg: adobe %d transform %d",
	      info.adobe, info.adobe_transform);
	image_jpeg_info((const unsigned char *)"\xFF\xD8\xFF\xE1\xFF\xFF", 6, &info);
	CHECK_INT(info.orientation, 1, "segment past the end");
	tjFree(j.p);
	tjFree(k.p);
}

static void test_orient(void)
{
	static const struct {
		int o;
		struct image_box want;
		int dw, dh;
	} t[] = {
		{ 1, { 10, 5, 20, 10 }, 100, 50 }, { 2, { 70, 5, 20, 10 }, 100, 50 },
		{ 3, { 70, 35, 20, 10 }, 100, 50 }, { 4, { 10, 35, 20, 10 }, 100, 50 },
		{ 5, { 5, 10, 10, 20 }, 50, 100 },  { 6, { 35, 10, 10, 20 }, 50, 100 },
		{ 7, { 35, 70, 10, 20 }, 50, 100 }, { 8, { 5, 70, 10, 20 }, 50, 100 },
		{ 0, { 10, 5, 20, 10 }, 100, 50 },
	};
	struct image_box b = { 10, 5, 20, 10 };

	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		int dw = 0, dh = 0;
		struct image_box r = image_box_orient(b, 100, 50, t[i].o, &dw, &dh);

		CHECK(r.x == t[i].want.x && r.y == t[i].want.y && r.w == t[i].want.w &&
		      r.h == t[i].want.h && dw == t[i].dw && dh == t[i].dh,
		      "orientation %d: got %g %g %g %g in %dx%d", t[i].o, r.x, r.y, r.w, r.h, dw,
		      dh);
	}
}

/* Pixels turned by image_orient land where image_box_orient maps their one-pixel boxes. */
static void test_orient_pixels(void)
{
	unsigned char px[3 * 2 * 3];
	struct image src = { .w = 3, .h = 2, .channels = 3, .px = px }, out;
	struct pl_diag d = { 0 };

	for (int i = 0; i < 18; i++)
		px[i] = (unsigned char)i;
	for (int o = 1; o <= 8; o++) {
		int bad = 0, dw, dh;

		src.src_w = 30;
		src.src_h = 20;
		CHECK_INT(image_orient(&src, o, &out, &d), PL_OK, "orient pixels");
		CHECK(out.src_w == (o >= 5 ? 20 : 30) && out.src_h == (o >= 5 ? 30 : 20),
		      "orientation %d: source %dx%d", o, out.src_w, out.src_h);
		if (!out.px)
			continue;
		for (int y = 0; y < 2; y++)
			for (int x = 0; x < 3; x++) {
				struct image_box b = image_box_orient((struct image_box){ (float)x, (float)y, 1, 1 },
								      3, 2, o, &dw, &dh);

				bad += out.w != dw || out.h != dh ||
				       memcmp(out.px + ((size_t)b.y * out.w + (size_t)b.x) * 3,
					      px + ((size_t)y * 3 + x) * 3, 3) != 0;
			}
		CHECK(bad == 0, "orientation %d: %d pixels misplaced", o, bad);
		image_release(&out);
	}
}

int main(void)
{
	test_table();
	test_grey();
	test_subrange();
	test_resize();
	test_markers();
	test_orient();
	test_orient_pixels();
	TEST_DONE();
}
