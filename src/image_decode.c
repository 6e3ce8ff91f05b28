/* SPDX-License-Identifier: Apache-2.0 */
/* JPEG decoding with TurboJPEG straight to the working size: the header is checked against the
 * hard limits first, DCT scaling does most of the shrinking, an area resize the rest. */
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "medialib.h"

#include "banned.h"

/* The scaled size of one side, as libjpeg computes it (rounded up). */
static int scaled(int side, tjscalingfactor sf)
{
	return (int)TJSCALED(side, sf);
}

/* The working size: the image fitted into max_side on its longer side, never enlarged. */
static void target_size(int w, int h, int max_side, int *tw, int *th)
{
	int longer = w > h ? w : h;

	*tw = w;
	*th = h;
	if (max_side <= 0 || longer <= max_side)
		return;
	*tw = (int)((double)w * max_side / longer + 0.5);
	*th = (int)((double)h * max_side / longer + 0.5);
	if (*tw < 1)
		*tw = 1;
	if (*th < 1)
		*th = 1;
}

/* The DCT scaling factor (at most 1) giving the smallest decode that still covers tw x th. */
static tjscalingfactor pick_scale(int w, int h, int tw, int th)
{
	tjscalingfactor best = { 1, 1 };
	int n = 0;
	tjscalingfactor *sf = ml_tj.tjGetScalingFactors(&n);

	for (int i = 0; sf && i < n; i++) {
		if (sf[i].num > sf[i].denom)
			continue;
		if (scaled(w, sf[i]) >= tw && scaled(h, sf[i]) >= th &&
		    scaled(w, sf[i]) < scaled(w, best))
			best = sf[i];
	}
	return best;
}

/* CMYK (4 bytes a pixel) to RGB in place. Adobe files store inverted values (255 = no ink). */
static void cmyk_to_rgb(unsigned char *px, size_t npix, int inverted)
{
	for (size_t i = 0; i < npix; i++) {
		const unsigned char *s = px + i * 4;
		unsigned c = s[0], m = s[1], y = s[2], k = s[3];
		unsigned char *o = px + i * 3;

		if (!inverted) {
			c = 255 - c;
			m = 255 - m;
			y = 255 - y;
			k = 255 - k;
		}
		o[0] = (unsigned char)((c * k + 127) / 255);
		o[1] = (unsigned char)((m * k + 127) / 255);
		o[2] = (unsigned char)((y * k + 127) / 255);
	}
}

/* Checks the declared size against the hard limits. */
static enum pl_status check_limits(int w, int h, struct pl_diag *d)
{
	if (w < 1 || h < 1)
		return image_diagf(d, PL_ERR_INPUT, "invalid JPEG size %dx%d", w, h);
	if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE)
		return image_diagf(d, PL_ERR_LIMIT,
				   "JPEG of %dx%d pixels refused: a side exceeds the limit of %d",
				   w, h, IMAGE_MAX_SIDE);
	if ((long long)w * h > IMAGE_MAX_PIXELS)
		return image_diagf(d, PL_ERR_LIMIT,
				   "JPEG of %dx%d pixels refused: exceeds the limit of %lld pixels",
				   w, h, (long long)IMAGE_MAX_PIXELS);
	return PL_OK;
}

/* The largest DCT scaling factor (at most 1) whose decode fits max_side on its longer side; the
 * smallest factor when none does. */
static tjscalingfactor pick_scale_within(int w, int h, int max_side)
{
	tjscalingfactor best = { 0, 1 };
	tjscalingfactor least = { 1, 1 };
	int n = 0;
	tjscalingfactor *sf = ml_tj.tjGetScalingFactors(&n);

	for (int i = 0; sf && i < n; i++) {
		int sw = scaled(w, sf[i]), sh = scaled(h, sf[i]);

		if (sf[i].num > sf[i].denom)
			continue;
		if (sw < scaled(w, least))
			least = sf[i];
		if ((sw > sh ? sw : sh) <= max_side && (best.num == 0 || sw > scaled(w, best)))
			best = sf[i];
	}
	return best.num ? best : least;
}

/* Decodes at the scale sf into out (RGB, or grey when grey and the file is not CMYK); sets
 * out->warned on recoverable damage. */
static enum pl_status decode_scaled(tjhandle tj, const unsigned char *p, size_t len, int cmyk,
				    int inverted, int grey, tjscalingfactor sf, int w, int h,
				    struct image *out, struct pl_diag *d)
{
	int sw = scaled(w, sf), sh = scaled(h, sf);
	int pf = cmyk ? TJPF_CMYK : grey ? TJPF_GRAY : TJPF_RGB;
	size_t npix = (size_t)sw * (size_t)sh;

	out->px = malloc(npix * (size_t)tjPixelSize[pf]);
	if (!out->px)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory decoding a %dx%d JPEG", sw, sh);
	out->w = sw;
	out->h = sh;
	out->channels = pf == TJPF_GRAY ? 1 : 3;
	if (ml_tj.tjDecompress2(tj, p, (unsigned long)len, out->px, sw, 0, sh, pf,
			  TJFLAG_LIMITSCANS) != 0) {
		if (ml_tj.tjGetErrorCode(tj) != TJERR_WARNING)
			return image_diagf(d, PL_ERR_INPUT, "cannot decode JPEG: %s",
					   ml_tj.tjGetErrorStr2(tj));
		out->warned = 1;
		image_diagf(d, PL_OK, "damaged JPEG: %s", ml_tj.tjGetErrorStr2(tj));
	}
	if (cmyk)
		cmyk_to_rgb(out->px, npix, inverted);
	return PL_OK;
}

/* Starts a decoder on p[0..len) and reads the header, checked against the hard limits. */
static enum pl_status open_jpeg(const unsigned char *p, size_t len, tjhandle *tj, int *w, int *h,
				int *cmyk, struct pl_diag *d)
{
	int subsamp = 0, cs = 0;

	*tj = NULL;
	if (!p || len < 4)
		return image_diagf(d, PL_ERR_INPUT, "not a JPEG: too short");
	if (len > IMAGE_MAX_INPUT)
		return image_diagf(d, PL_ERR_LIMIT, "JPEG of %zu bytes refused: exceeds the limit "
				   "of %zu bytes", len, IMAGE_MAX_INPUT);
	if (medialib_load_tj(d) != PL_OK)
		return PL_ERR_IO;
	*tj = ml_tj.tjInitDecompress();
	if (!*tj)
		return image_diagf(d, PL_ERR_NOMEM, "cannot start the JPEG decoder: %s",
				   ml_tj.tjGetErrorStr2(NULL));
	if (ml_tj.tjDecompressHeader3(*tj, p, (unsigned long)len, w, h, &subsamp, &cs) != 0)
		return image_diagf(d, PL_ERR_INPUT, "not a decodable JPEG: %s", ml_tj.tjGetErrorStr2(*tj));
	*cmyk = cs == TJCS_CMYK || cs == TJCS_YCCK;
	return check_limits(*w, *h, d);
}

enum pl_status image_decode_jpeg(const unsigned char *p, size_t len, int max_side,
				 struct image *out, struct pl_diag *d)
{
	enum pl_status st;
	tjhandle tj = NULL;
	struct image dec;
	struct image_jpeg_info info;
	int w = 0, h = 0, tw, th, cmyk = 0;

	image_init(out);
	image_init(&dec);
	st = open_jpeg(p, len, &tj, &w, &h, &cmyk, d);
	if (st != PL_OK)
		goto out;
	target_size(w, h, max_side, &tw, &th);
	image_jpeg_info(p, len, &info);
	st = decode_scaled(tj, p, len, cmyk, info.adobe, 0, pick_scale(w, h, tw, th), w, h, &dec, d);
	if (st != PL_OK)
		goto out;
	if (dec.w == tw && dec.h == th) {
		*out = dec;
		image_init(&dec);
	} else {
		st = image_resize_area(&dec, tw, th, out, d);
		out->warned = dec.warned;
	}
	out->src_w = w;
	out->src_h = h;
out:
	image_release(&dec);
	if (st != PL_OK)
		image_release(out);
	if (tj)
		ml_tj.tjDestroy(tj);
	return st;
}

enum pl_status image_decode_jpeg_grey(const unsigned char *p, size_t len, int max_side,
				      struct image *out, struct pl_diag *d)
{
	enum pl_status st;
	tjhandle tj = NULL;
	int w = 0, h = 0, cmyk = 0;

	image_init(out);
	st = open_jpeg(p, len, &tj, &w, &h, &cmyk, d);
	if (st == PL_OK && cmyk)
		st = image_diagf(d, PL_ERR_INPUT, "no grey decode of a CMYK JPEG");
	if (st == PL_OK)
		st = decode_scaled(tj, p, len, 0, 0, 1,
				   max_side > 0 ? pick_scale_within(w, h, max_side) :
						  (tjscalingfactor){ 1, 1 }, w, h, out, d);
	if (st == PL_OK) {
		out->src_w = w;
		out->src_h = h;
	} else {
		image_release(out);
	}
	if (tj)
		ml_tj.tjDestroy(tj);
	return st;
}
