/* SPDX-License-Identifier: Apache-2.0 */
/* Renders licence plates (NL, BE, FR, DE), street-name signs and house-number plaques with
 * FreeType and composites them into a photo with a perspective warp, lighting, blur and noise.
 * Shared by tests/tools/mkplates.c and the unit tests (header only, like fixtures.h).
 *
 * Why FreeType rather than OpenCV's putText: plates are read by their glyph shapes, and a real
 * outline font (DejaVu Sans Condensed Bold, close to the narrow sans of EU plates) rendered with
 * anti-aliasing gives the detector and Tesseract what a camera sees; Hershey stroke fonts are
 * single-line vectors that no plate uses. The warp and degradations are a few loops here, so the
 * fixtures need nothing but the C toolchain and the libraries postlint already links. */
#ifndef PL_TEST_PLATE_RENDER_H
#define PL_TEST_PLATE_RENDER_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "image.h"
#include "validators.h"

#define PR_FONT_DEFAULT "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"
#define PR_FONT_FALLBACK "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
#define PR_CAP_EM 0.729f /* DejaVu's cap height per em */

struct pr_rng {
	uint64_t s;
};

static inline uint32_t pr_next(struct pr_rng *r)
{
	r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(r->s >> 33);
}

/* Uniform in [lo, hi). */
static inline float pr_uniform(struct pr_rng *r, float lo, float hi)
{
	return lo + (hi - lo) * (float)(pr_next(r) & 0xffffff) / (float)0x1000000;
}

static inline int pr_pick(struct pr_rng *r, int n)
{
	return (int)(pr_next(r) % (uint32_t)n);
}

struct pr_font {
	FT_Library lib;
	FT_Face face;
};

/* Opens path, or the fallbacks when NULL. Returns 0 on success. */
static inline int pr_font_open(struct pr_font *f, const char *path)
{
	memset(f, 0, sizeof(*f));
	if (FT_Init_FreeType(&f->lib))
		return -1;
	if (path ? FT_New_Face(f->lib, path, 0, &f->face)
		 : (FT_New_Face(f->lib, PR_FONT_DEFAULT, 0, &f->face) &&
		    FT_New_Face(f->lib, PR_FONT_FALLBACK, 0, &f->face))) {
		FT_Done_FreeType(f->lib);
		memset(f, 0, sizeof(*f));
		return -1;
	}
	return 0;
}

static inline void pr_font_close(struct pr_font *f)
{
	if (f->face)
		FT_Done_Face(f->face);
	if (f->lib)
		FT_Done_FreeType(f->lib);
	memset(f, 0, sizeof(*f));
}

/* An RGB drawing surface; x, y in pixels. */
struct pr_canvas {
	int w, h;
	unsigned char *px;
};

static inline int pr_canvas_new(struct pr_canvas *c, int w, int h, const unsigned char *rgb)
{
	c->w = w;
	c->h = h;
	c->px = malloc((size_t)w * h * 3);
	if (!c->px)
		return -1;
	for (size_t i = 0; i < (size_t)w * h; i++)
		memcpy(c->px + i * 3, rgb, 3);
	return 0;
}

static inline void pr_blend(struct pr_canvas *c, int x, int y, const unsigned char *rgb, float a)
{
	unsigned char *p;

	if (x < 0 || y < 0 || x >= c->w || y >= c->h || a <= 0)
		return;
	a = a > 1 ? 1 : a;
	p = c->px + ((size_t)y * c->w + x) * 3;
	for (int k = 0; k < 3; k++)
		p[k] = (unsigned char)(p[k] + (rgb[k] - p[k]) * a + 0.5f);
}

/* Filled rectangle with corners rounded by radius r (anti-aliased edges). */
static inline void pr_rect(struct pr_canvas *c, float x0, float y0, float x1, float y1, float r,
		    const unsigned char *rgb)
{
	for (int y = (int)floorf(y0); y < (int)ceilf(y1); y++)
		for (int x = (int)floorf(x0); x < (int)ceilf(x1); x++) {
			float px = x + 0.5f, py = y + 0.5f;
			float dx = fmaxf(fmaxf(x0 + r - px, px - (x1 - r)), 0);
			float dy = fmaxf(fmaxf(y0 + r - py, py - (y1 - r)), 0);
			float out = r > 0 ? sqrtf(dx * dx + dy * dy) - r : -1.0f;
			float edge = fminf(fminf(px - x0, x1 - px), fminf(py - y0, y1 - py)) + 0.5f;

			pr_blend(c, x, y, rgb, fminf(fminf(0.5f - out, edge), 1.0f));
		}
}

static inline void pr_disc(struct pr_canvas *c, float cx, float cy, float r, const unsigned char *rgb)
{
	for (int y = (int)floorf(cy - r - 1); y <= (int)ceilf(cy + r + 1); y++)
		for (int x = (int)floorf(cx - r - 1); x <= (int)ceilf(cx + r + 1); x++) {
			float d = sqrtf((x + 0.5f - cx) * (x + 0.5f - cx) + (y + 0.5f - cy) * (y + 0.5f - cy));

			pr_blend(c, x, y, rgb, r + 0.5f - d);
		}
}

/* Natural width of s at pixel size px (26.6 advances), or -1. */
static inline float pr_text_width(struct pr_font *f, const char *s, int px)
{
	long adv = 0;

	if (FT_Set_Pixel_Sizes(f->face, 0, (FT_UInt)px))
		return -1;
	FT_Set_Transform(f->face, NULL, NULL);
	for (; *s; s++) {
		if (FT_Load_Char(f->face, (unsigned char)*s, FT_LOAD_DEFAULT))
			return -1;
		adv += f->face->glyph->advance.x;
	}
	return (float)adv / 64.0f;
}

/*
 * Draws s (ASCII) with its capitals cap_h pixels tall, the baseline at y, centred on cx, each
 * glyph followed by tracking extra pixels, the glyphs squeezed horizontally (never stretched) so
 * that the whole fits max_w. *left, when not NULL, receives the pen's start. Returns 0 on success.
 */
static inline int pr_text_tracked(struct pr_canvas *c, struct pr_font *f, const char *s, float cx,
				  float y, float cap_h, float max_w, float tracking, float *sq,
				  const unsigned char *rgb)
{
	int px = (int)lroundf(cap_h / PR_CAP_EM);
	float w = pr_text_width(f, s, px), sx = 1.0f, pen, gaps = tracking * (float)(strlen(s) - 1);
	FT_Matrix m;

	if (w <= 0)
		return -1;
	if (max_w > 0 && w + gaps > max_w)
		sx = (max_w - gaps) / w;
	if (sq)
		*sq = sx;
	m.xx = (FT_Fixed)(sx * 65536.0f);
	m.xy = m.yx = 0;
	m.yy = 0x10000;
	FT_Set_Transform(f->face, &m, NULL);
	pen = cx - (w * sx + gaps) / 2;
	for (; *s; s++) {
		FT_GlyphSlot g;

		if (FT_Load_Char(f->face, (unsigned char)*s, FT_LOAD_RENDER))
			return -1;
		g = f->face->glyph;
		for (unsigned r = 0; r < g->bitmap.rows; r++)
			for (unsigned k = 0; k < g->bitmap.width; k++)
				pr_blend(c, (int)lroundf(pen) + g->bitmap_left + (int)k,
					 (int)lroundf(y) - g->bitmap_top + (int)r, rgb,
					 g->bitmap.buffer[r * g->bitmap.pitch + k] / 255.0f);
		pen += (float)g->advance.x / 64.0f + tracking;
	}
	FT_Set_Transform(f->face, NULL, NULL);
	return 0;
}

static inline int pr_text(struct pr_canvas *c, struct pr_font *f, const char *s, float cx, float y,
			  float cap_h, float max_w, const unsigned char *rgb)
{
	return pr_text_tracked(c, f, s, cx, y, cap_h, max_w, 0, NULL, rgb);
}

/* ---- plates -------------------------------------------------------------------------------- */

enum pr_country { PR_NL, PR_BE, PR_FR, PR_DE, PR_NCOUNTRIES };

static const char *const pr_country_name[] = { "nl", "be", "fr", "de" };

static const unsigned char pr_eu_blue[3] = { 0, 51, 153 };
static const unsigned char pr_white[3] = { 246, 246, 242 };
static const unsigned char pr_black[3] = { 18, 18, 20 };

/* A random plate number of country k that the country's validator accepts, into buf. */
static inline void pr_plate_number(struct pr_rng *r, enum pr_country k, char *buf, size_t len)
{
	static const char *const nl_shapes[] = { "99-XXX-9", "9-XXX-99", "XX-999-X", "X-999-XX",
						 "XXX-99-X", "XX-99-XX", "99-XX-XX" };
	static const char *const de_districts[] = { "B", "M", "HH", "K", "F", "S", "DO", "BN", "HB",
						    "KA" };
	/* No Q: DejaVu's Q has a long tail that reaches a plate's border, which the plate fonts'
	 * short tails never do; a fixture should not test the font. */
	static const char nl_letters[] = "BDFGHJKLNPRSTVXZ", fr_letters[] = "ABCDEFGHJKLMNPRSTVWXYZ";
	static const char letters[] = "ABCDEFGHIJKLMNOPRSTUVWXYZ";
	const struct validator *v;
	const char *shape;
	char name[16];

	snprintf(name, sizeof(name), "plate_%s", pr_country_name[k]);
	v = validators_find(name, strlen(name));
	do {
		size_t o = 0;

		shape = k == PR_NL ? nl_shapes[pr_pick(r, 7)]
			: k == PR_BE ? "1-XXX-999"
			: k == PR_FR ? "XX-999-XX" : "D XX 9999";
		for (const char *p = shape; *p && o + 4 < len; p++) {
			if (*p == 'X')
				buf[o++] = k == PR_NL ? nl_letters[pr_pick(r, 16)]
					: k == PR_FR ? fr_letters[pr_pick(r, 22)]
					: letters[pr_pick(r, 25)];
			else if (*p == '9')
				buf[o++] = (char)('0' + pr_pick(r, 10));
			else if (*p == '1')
				buf[o++] = (char)('1' + pr_pick(r, 9));
			else if (*p == 'D')
				o += (size_t)snprintf(buf + o, len - o, "%s",
						      de_districts[pr_pick(r, 10)]);
			else
				buf[o++] = *p;
		}
		buf[o] = '\0';
		if (k == PR_DE && pr_pick(r, 2)) /* one letter after the district, fewer digits */
			memmove(strchr(buf, ' ') + 2, strchr(buf, ' ') + 3, strlen(strchr(buf, ' ') + 2));
		if (k == PR_DE && strrchr(buf, ' ')[1] == '0')
			strrchr(buf, ' ')[1] = '7';
	} while (!v || !v->fn(buf, strlen(buf)));
}

/* The 12 yellow stars and the country letters of the EU band at [x0, x0 + bw) x [0, h). */
static inline int pr_band(struct pr_canvas *c, struct pr_font *f, float x0, float bw, float h,
		   const char *code)
{
	static const unsigned char yellow[3] = { 255, 204, 0 };
	float cx = x0 + bw / 2, cy = h * 0.32f, rr = bw * 0.3f;

	pr_rect(c, x0, 0, x0 + bw, h, 0, pr_eu_blue);
	for (int i = 0; i < 12; i++)
		pr_disc(c, cx + rr * cosf((float)i * 0.5236f), cy + rr * sinf((float)i * 0.5236f),
			bw * 0.045f, yellow);
	return pr_text(c, f, code, cx, h * 0.86f, h * 0.22f, bw * 0.85f, pr_white);
}

/*
 * Draws the plate of country k with number text on a fresh canvas, s pixels per millimetre
 * (520 x 110 mm). Returns 0 on success; the caller frees c->px.
 */
static inline int pr_plate(struct pr_canvas *c, struct pr_font *f, enum pr_country k, const char *text,
		    float s)
{
	static const unsigned char nl_yellow[3] = { 247, 196, 0 }, be_red[3] = { 170, 18, 40 };
	static const char *const code[] = { "NL", "B", "F", "D" };
	const unsigned char *ink = k == PR_BE ? be_red : pr_black;
	float W = 520 * s, H = 110 * s, band = 44 * s, right = k == PR_FR ? 44 * s : 0;
	float cap = (k == PR_NL ? 79 : 75) * s, base = H / 2 + cap / 2, sq = 1;
	int rc;

	if (pr_canvas_new(c, (int)ceilf(W), (int)ceilf(H), k == PR_NL ? nl_yellow : pr_white))
		return -1;
	if (k != PR_NL) { /* a thin border in the ink colour */
		pr_rect(c, 0, 0, W, 3 * s, 0, ink);
		pr_rect(c, 0, H - 3 * s, W, H, 0, ink);
		pr_rect(c, W - 3 * s, 0, W, H, 0, ink);
	}
	rc = pr_band(c, f, 0, band, H, code[k]);
	if (right > 0) {
		pr_rect(c, W - right, 0, W, H, 0, pr_eu_blue);
		rc |= pr_text(c, f, "75", W - right / 2, H * 0.8f, H * 0.3f, right * 0.8f, pr_white);
	}
	/* Plate fonts are narrow with wide gaps between characters, and the row keeps a margin of
	 * about 25 mm from the band and the edge: squeezed glyphs and tracking give both. */
	rc |= pr_text_tracked(c, f, text, band + (W - band - right) / 2, base, cap,
			      W - band - right - 56 * s, 9 * s, &sq, ink);
	if (k == PR_DE) { /* the two round seals in the gap after the district */
		static const unsigned char seal[3] = { 60, 110, 160 }, tuv[3] = { 200, 150, 60 };
		int px = (int)lroundf(cap / PR_CAP_EM);
		size_t nd = (size_t)(strchr(text, ' ') - text);
		char district[4] = { 0 };
		float full, gx;

		memcpy(district, text, nd);
		full = pr_text_width(f, text, px) * sq + 9 * s * (float)(strlen(text) - 1);
		gx = band + (W - band) / 2 - full / 2 + pr_text_width(f, district, px) * sq +
		     9 * s * (float)nd + pr_text_width(f, " ", px) * sq / 2;
		pr_disc(c, gx, H * 0.33f, 11 * s, tuv);
		pr_disc(c, gx, H * 0.68f, 11 * s, seal);
	}
	return rc;
}

/* ---- signs --------------------------------------------------------------------------------- */

/*
 * A street-name sign: white capitals-and-lower-case text on blue with a white inner border
 * (the Dutch and Belgian enamel sign), or, when paris, capitals with the district above and a
 * green frame. Size follows the text: cap height capx pixels.
 */
static inline int pr_sign(struct pr_canvas *c, struct pr_font *f, const char *text, float capx, int paris)
{
	static const unsigned char blue[3] = { 22, 58, 130 }, green[3] = { 30, 100, 60 };
	int px = (int)lroundf(capx / PR_CAP_EM);
	float tw = pr_text_width(f, text, px), W = tw + 2.4f * capx, H = capx * (paris ? 3.6f : 2.7f);
	int rc;

	if (tw <= 0 || pr_canvas_new(c, (int)ceilf(W), (int)ceilf(H), paris ? green : pr_white))
		return -1;
	pr_rect(c, capx * 0.18f, capx * 0.18f, W - capx * 0.18f, H - capx * 0.18f, capx * 0.2f, blue);
	if (!paris)
		pr_rect(c, capx * 0.3f, capx * 0.3f, W - capx * 0.3f, H - capx * 0.3f, capx * 0.15f, pr_white);
	pr_rect(c, capx * 0.4f, capx * 0.4f, W - capx * 0.4f, H - capx * 0.4f, capx * 0.1f, blue);
	rc = pr_text(c, f, text, W / 2, H - capx * (paris ? 1.0f : 0.95f), capx, 0, pr_white);
	if (paris)
		rc |= pr_text(c, f, "2e Arrt", W / 2, capx * 1.35f, capx * 0.5f, 0, pr_white);
	return rc;
}

/* A house-number plaque: dark blue digits on white, blue frame. */
static inline int pr_number(struct pr_canvas *c, struct pr_font *f, const char *text, float capx)
{
	static const unsigned char blue[3] = { 20, 50, 120 };
	int px = (int)lroundf(capx / PR_CAP_EM);
	float tw = pr_text_width(f, text, px), W = tw + 1.4f * capx, H = capx * 1.9f;

	if (tw <= 0 || pr_canvas_new(c, (int)ceilf(W), (int)ceilf(H), blue))
		return -1;
	pr_rect(c, capx * 0.12f, capx * 0.12f, W - capx * 0.12f, H - capx * 0.12f, capx * 0.15f, pr_white);
	return pr_text(c, f, text, W / 2, H / 2 + capx / 2, capx, 0, blue);
}

/* ---- compositing ----------------------------------------------------------------------------- */

/* Solves the 8x8 system a x = b in place (partial pivoting). Returns 0 on success. */
static inline int pr_solve8(double a[8][9])
{
	for (int i = 0; i < 8; i++) {
		int p = i;

		for (int r = i + 1; r < 8; r++)
			if (fabs(a[r][i]) > fabs(a[p][i]))
				p = r;
		if (fabs(a[p][i]) < 1e-12)
			return -1;
		for (int k = 0; k < 9; k++) {
			double t = a[i][k];

			a[i][k] = a[p][k];
			a[p][k] = t;
		}
		for (int r = 0; r < 8; r++) {
			double m;

			if (r == i)
				continue;
			m = a[r][i] / a[i][i];
			for (int k = i; k < 9; k++)
				a[r][k] -= m * a[i][k];
		}
	}
	for (int i = 0; i < 8; i++)
		a[i][8] /= a[i][i];
	return 0;
}

/* The homography h (h[8] = 1) taking points from[i] to to[i]. Returns 0 on success. */
static inline int pr_homography(const float from[4][2], const float to[4][2], double h[9])
{
	double a[8][9];

	for (int i = 0; i < 4; i++) {
		double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
		double r0[9] = { x, y, 1, 0, 0, 0, -u * x, -u * y, u };
		double r1[9] = { 0, 0, 0, x, y, 1, -v * x, -v * y, v };

		memcpy(a[2 * i], r0, sizeof(r0));
		memcpy(a[2 * i + 1], r1, sizeof(r1));
	}
	if (pr_solve8(a))
		return -1;
	for (int i = 0; i < 8; i++)
		h[i] = a[i][8];
	h[8] = 1;
	return 0;
}

/* How a pasted object is lit and placed. */
struct pr_place {
	float quad[4][2]; /* destination corners: top-left, top-right, bottom-right, bottom-left */
	float gain;       /* brightness factor */
	float shade;      /* extra darkening from left (0) to right, 0..1 */
};

/*
 * Pastes canvas c into img (RGB) onto the quadrilateral of pl, 2x2 supersampled, bilinear.
 * *box receives the bounding box of the pasted quadrilateral (clipped to the image).
 */
static inline int pr_paste(struct image *img, const struct pr_canvas *c, const struct pr_place *pl,
		    struct image_box *box)
{
	const float src[4][2] = { { 0, 0 }, { (float)c->w, 0 }, { (float)c->w, (float)c->h },
				  { 0, (float)c->h } };
	float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
	double H[9];

	if (pr_homography(pl->quad, src, H))
		return -1;
	for (int i = 0; i < 4; i++) {
		x0 = fminf(x0, pl->quad[i][0]), x1 = fmaxf(x1, pl->quad[i][0]);
		y0 = fminf(y0, pl->quad[i][1]), y1 = fmaxf(y1, pl->quad[i][1]);
	}
	x0 = fmaxf(x0, 0), y0 = fmaxf(y0, 0);
	x1 = fminf(x1, (float)img->w), y1 = fminf(y1, (float)img->h);
	*box = (struct image_box){ x0, y0, x1 - x0, y1 - y0 };
	for (int y = (int)y0; y < (int)ceilf(y1); y++)
		for (int x = (int)x0; x < (int)ceilf(x1); x++) {
			float acc[3] = { 0, 0, 0 };
			int hit = 0;

			for (int s = 0; s < 4; s++) {
				double px = x + 0.25 + 0.5 * (s & 1), py = y + 0.25 + 0.5 * (s >> 1);
				double wq = H[6] * px + H[7] * py + H[8];
				float u = (float)((H[0] * px + H[1] * py + H[2]) / wq) - 0.5f;
				float v = (float)((H[3] * px + H[4] * py + H[5]) / wq) - 0.5f;
				int iu = (int)floorf(u), iv = (int)floorf(v);
				float fu = u - iu, fv = v - iv, g;

				if (u < -0.5f || v < -0.5f || u > c->w - 0.5f || v > c->h - 0.5f)
					continue;
				iu = iu < 0 ? 0 : iu >= c->w - 1 ? c->w - 2 : iu;
				iv = iv < 0 ? 0 : iv >= c->h - 1 ? c->h - 2 : iv;
				fu = fminf(fmaxf(fu, 0), 1), fv = fminf(fmaxf(fv, 0), 1);
				g = pl->gain * (1.0f - pl->shade * u / (float)c->w);
				for (int k = 0; k < 3; k++) {
					const unsigned char *p = c->px + ((size_t)iv * c->w + iu) * 3 + k;
					float top = p[0] + (p[3] - p[0]) * fu;
					float bot = p[c->w * 3] + (p[c->w * 3 + 3] - p[c->w * 3]) * fu;

					acc[k] += g * (top + (bot - top) * fv);
				}
				hit++;
			}
			if (hit) {
				unsigned char *d = img->px + ((size_t)y * img->w + x) * 3;

				for (int k = 0; k < 3; k++) {
					float v = (acc[k] + d[k] * (4 - hit)) / 4.0f;

					d[k] = (unsigned char)(v > 255 ? 255 : v < 0 ? 0 : v + 0.5f);
				}
			}
		}
	return 0;
}

/* A quadrilateral for an object w x h pixels centred on (cx, cy), turned by angle (radians) and
 * seen at a yaw: the right edge is persp times as tall as the left. */
static inline void pr_quad(struct pr_place *pl, float cx, float cy, float w, float h, float angle,
		    float persp)
{
	const float pts[4][2] = { { -w / 2, -h / 2 }, { w / 2, -h / 2 * persp },
				  { w / 2, h / 2 * persp }, { -w / 2, h / 2 } };
	float cs = cosf(angle), sn = sinf(angle);

	for (int i = 0; i < 4; i++) {
		pl->quad[i][0] = cx + pts[i][0] * cs - pts[i][1] * sn;
		pl->quad[i][1] = cy + pts[i][0] * sn + pts[i][1] * cs;
	}
}

/* Separable box blur of radius r (0: none) over the whole image, passes times. */
static inline int pr_blur(struct image *img, int r, int passes)
{
	int n = img->w > img->h ? img->w : img->h, ch = img->channels;
	unsigned char *line = malloc((size_t)n * ch);

	if (!line)
		return -1;
	for (int p = 0; p < passes && r > 0; p++)
		for (int dir = 0; dir < 2; dir++) {
			int len = dir ? img->h : img->w, cnt = dir ? img->w : img->h;
			size_t step = dir ? (size_t)img->w * ch : (size_t)ch;

			for (int i = 0; i < cnt; i++) {
				unsigned char *base = img->px + (dir ? (size_t)i * ch : (size_t)i * img->w * ch);

				for (int x = 0; x < len; x++)
					memcpy(line + (size_t)x * ch, base + x * step, (size_t)ch);
				for (int x = 0; x < len; x++)
					for (int k = 0; k < ch; k++) {
						int sum = 0, m = 0;

						for (int t = x - r; t <= x + r; t++)
							if (t >= 0 && t < len)
								sum += line[(size_t)t * ch + k], m++;
						base[x * step + k] = (unsigned char)(sum / m);
					}
			}
		}
	free(line);
	return 0;
}

/* Adds uniform noise of amplitude amp to every sample. */
static inline void pr_noise(struct image *img, struct pr_rng *r, int amp)
{
	for (size_t i = 0; amp > 0 && i < (size_t)img->w * img->h * img->channels; i++) {
		int v = img->px[i] + (int)(pr_next(r) % (uint32_t)(2 * amp + 1)) - amp;

		img->px[i] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
	}
}

/*
 * A synthetic street-like background for the unit tests (the evaluation uses real photos): a
 * vertical gradient, a few dozen random rectangles (windows, doors, car bodies) and noise.
 * img gets fresh RGB pixels. Returns 0 on success.
 */
static inline int pr_background(struct image *img, int w, int h, struct pr_rng *r)
{
	image_init(img);
	img->px = malloc((size_t)w * h * 3);
	if (!img->px)
		return -1;
	img->w = w;
	img->h = h;
	img->channels = 3;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			unsigned char *p = img->px + ((size_t)y * w + x) * 3;

			p[0] = (unsigned char)(90 + 80 * y / h);
			p[1] = (unsigned char)(100 + 60 * y / h);
			p[2] = (unsigned char)(110 + 30 * y / h);
		}
	for (int k = 0; k < 40; k++) {
		int x0 = pr_pick(r, w), y0 = pr_pick(r, h), rw = 10 + pr_pick(r, w / 4);
		int rh = 10 + pr_pick(r, h / 4);
		unsigned char c[3] = { (unsigned char)pr_pick(r, 256), (unsigned char)pr_pick(r, 256),
				       (unsigned char)pr_pick(r, 256) };
		struct pr_canvas cv = { w, h, img->px };

		pr_rect(&cv, (float)x0, (float)y0, (float)(x0 + rw), (float)(y0 + rh), 0, c);
	}
	pr_noise(img, r, 6);
	return 0;
}

#endif
