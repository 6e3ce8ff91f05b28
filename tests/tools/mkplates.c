/* SPDX-License-Identifier: Apache-2.0 */
/* Fixture generator for the plate and text readers: real photos with planted licence plates,
 * street-name signs and house numbers, each beside a .json sidecar naming what it plants.
 *   mkplates set OUTDIR BG.jpg...   the evaluation set (p-*: plates, s-*: signs, n-*: none)
 *   mkplates scene OUT.jpg BG.jpg   one arrest scene: an NL plate, a street sign, a house number
 * Options before the mode: --seed N, --font TTF, --side N (backgrounds decoded to fit N),
 * --unit N (the side that the set's plate and text sizes are given for, default --side: with
 * --side 4032 --unit 2400 the plates are as many pixels wide as in a 2400 px set, so they are
 * small in a 12-megapixel photo). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <turbojpeg.h>

#include "plate_render.h"

#include "banned.h"

#define MK_PLATES_PER_BG 3
#define MK_SIGNS_PER_BG 1
#define MK_MAX_OBJECTS 4

struct object {
	const char *kind; /* "plate", "sign", "number" */
	const char *country;
	char text[32];
	struct image_box box;
	int clear;
	float char_h;
};

struct scene {
	struct object obj[MK_MAX_OBJECTS];
	int n;
};

struct opts {
	unsigned long seed;
	const char *font;
	int side;
	int unit; /* plate and text sizes scale with unit / 1600 */
};

static int read_file(const char *path, unsigned char **p, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n;

	*p = NULL;
	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(*p = malloc((size_t)n + 1)) || fread(*p, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(*p);
		*p = NULL;
		return -1;
	}
	fclose(f);
	*len = (size_t)n;
	return 0;
}

static int load_bg(const char *path, int side, struct image *img)
{
	unsigned char *p;
	size_t len;
	struct pl_diag d;
	int rc;

	if (read_file(path, &p, &len)) {
		fprintf(stderr, "mkplates: cannot read '%s': %s\n", path, strerror(errno));
		return -1;
	}
	pl_diag_init(&d);
	rc = image_decode_jpeg(p, len, side, img, &d) == PL_OK ? 0 : -1;
	if (rc)
		fprintf(stderr, "mkplates: cannot decode '%s': %s\n", path, d.message);
	free(p);
	return rc;
}

static int write_jpeg(const char *path, const struct image *img, int quality)
{
	tjhandle tj = tjInitCompress();
	unsigned char *jpg = NULL;
	unsigned long len = 0;
	FILE *f;
	int rc = -1;

	if (tj && tjCompress2(tj, img->px, img->w, 0, img->h, TJPF_RGB, &jpg, &len, TJSAMP_420,
			      quality, 0) == 0 && (f = fopen(path, "wb"))) {
		rc = fwrite(jpg, 1, len, f) == len ? 0 : -1;
		rc |= fclose(f);
	}
	if (rc)
		fprintf(stderr, "mkplates: cannot write '%s'\n", path);
	tjFree(jpg);
	tjDestroy(tj);
	return rc;
}

static int write_sidecar(const char *path, const char *image, const char *bg,
			 const struct image *img, const struct scene *sc)
{
	FILE *f = fopen(path, "w");
	int rc;

	if (!f)
		return -1;
	fprintf(f, "{\"image\": \"%s\", \"background\": \"%s\", \"width\": %d, \"height\": %d,\n"
		   " \"objects\": [", image, bg, img->w, img->h);
	for (int i = 0; i < sc->n; i++) {
		const struct object *o = &sc->obj[i];

		fprintf(f, "%s\n  {\"kind\": \"%s\", \"country\": \"%s\", \"text\": \"%s\", "
			   "\"box\": [%.1f, %.1f, %.1f, %.1f], \"clear\": %s, \"char_h\": %.1f}",
			i ? "," : "", o->kind, o->country ? o->country : "", o->text, o->box.x,
			o->box.y, o->box.w, o->box.h, o->clear ? "true" : "false", o->char_h);
	}
	fprintf(f, "]}\n");
	rc = fclose(f);
	return rc;
}

/* Whether a box of w x h centred on (cx, cy) keeps clear of every object of sc. */
static int free_at(const struct scene *sc, float cx, float cy, float w, float h)
{
	for (int i = 0; sc && i < sc->n; i++) {
		const struct image_box *b = &sc->obj[i].box;

		if (b->w > 0 && cx + w / 2 + 12 > b->x && cx - w / 2 - 12 < b->x + b->w &&
		    cy + h / 2 + 12 > b->y && cy - h / 2 - 12 < b->y + b->h)
			return 0;
	}
	return 1;
}

/* Pastes canvas c, w pixels wide, at a random place of img clear of the objects of sc (when
 * one is found in a few tries); fills o's box. */
static int place(struct image *img, struct pr_rng *r, const struct pr_canvas *c, float w,
		 float angle, float persp, const struct scene *sc, struct object *o)
{
	struct pr_place pl;
	float h = w * (float)c->h / (float)c->w, m = 0.6f * w + 4;
	float cx = 0, cy = 0;

	if (w + 8 > img->w || h + 8 > img->h)
		return -1;
	for (int tries = 0; tries < 40; tries++) {
		cx = pr_uniform(r, fminf(m, img->w / 2.0f), fmaxf(img->w - m, img->w / 2.0f + 1));
		cy = pr_uniform(r, fminf(h + 4, img->h / 2.0f), fmaxf(img->h - h - 4, img->h / 2.0f + 1));
		if (free_at(sc, cx, cy, w * 1.1f, h * 1.3f))
			break;
	}
	pr_quad(&pl, cx, cy, w, h, angle, persp);
	pl.gain = pr_uniform(r, 0.55f, 1.1f);
	pl.shade = pr_uniform(r, 0.0f, 0.35f);
	return pr_paste(img, c, &pl, &o->box);
}

/* Plants a plate of country k, about w pixels wide, with the degradations drawn from r. */
static int plant_plate(struct image *img, struct pr_font *f, struct pr_rng *r, enum pr_country k,
		       float w, int blur, const struct scene *sc, struct object *o)
{
	struct pr_canvas c = { 0, 0, NULL };
	float angle = pr_uniform(r, -8, 8) * (pr_pick(r, 2) ? 0.4f : 1.0f) * 0.01745f;
	float persp = pr_uniform(r, 0.82f, 1.0f);
	int rc;

	w = fminf(w, 0.45f * (float)img->w);
	pr_plate_number(r, k, o->text, sizeof(o->text));
	o->kind = "plate";
	o->country = pr_country_name[k];
	o->char_h = w * (k == PR_NL ? 79.0f : 75.0f) / 520.0f;
	o->clear = o->char_h >= 16 && fabsf(angle) <= 4 * 0.01745f && blur <= 1 && persp >= 0.88f;
	rc = pr_plate(&c, f, k, o->text, fmaxf(1.0f, 2.0f * w / 520.0f));
	if (!rc)
		rc = place(img, r, &c, w, angle, persp, sc, o);
	free(c.px);
	return rc;
}

static const char *const street_nl[] = { "Kerkstraat", "Dorpsstraat", "Molenweg", "Julianalaan",
					 "Stationsweg", "Nieuwstraat" };
static const char *const street_fr[] = { "RUE DE LA PAIX", "AVENUE FOCH", "RUE VICTOR HUGO" };
static const char *const numbers[] = { "12a", "7", "148", "23", "5b", "86", "301", "19" };

/* Plants a street sign (cap height capx) or, when number, a house-number plaque. */
static int plant_text(struct image *img, struct pr_font *f, struct pr_rng *r, int number,
		      float capx, const struct scene *sc, struct object *o)
{
	struct pr_canvas c = { 0, 0, NULL };
	int paris = !number && pr_pick(r, 3) == 0, rc;
	float angle = pr_uniform(r, -3, 3) * 0.01745f;

	snprintf(o->text, sizeof(o->text), "%s",
		 number ? numbers[pr_pick(r, 8)] : paris ? street_fr[pr_pick(r, 3)] : street_nl[pr_pick(r, 6)]);
	o->kind = number ? "number" : "sign";
	o->country = NULL;
	o->char_h = capx;
	o->clear = capx >= 16;
	rc = number ? pr_number(&c, f, o->text, capx) : pr_sign(&c, f, o->text, capx, paris);
	if (!rc && (float)c.w > 0.85f * (float)img->w) { /* too wide for a small photo: smaller */
		capx *= 0.85f * (float)img->w / (float)c.w;
		o->char_h = capx;
		o->clear = capx >= 16;
		free(c.px);
		c.px = NULL;
		rc = number ? pr_number(&c, f, o->text, capx) : pr_sign(&c, f, o->text, capx, paris);
	}
	if (!rc)
		rc = place(img, r, &c, (float)c.w, angle, pr_uniform(r, 0.9f, 1.0f), sc, o);
	free(c.px);
	return rc;
}

/* Writes base.jpg and base.json from the scene in img. */
static int finish(struct image *img, struct pr_rng *r, int blur, const char *dir, const char *base,
		  const char *bg, const struct scene *sc)
{
	char path[4096], name[256];

	if (blur && pr_blur(img, 1, blur))
		return -1;
	pr_noise(img, r, pr_pick(r, 7));
	snprintf(name, sizeof(name), "%s.jpg", base);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (write_jpeg(path, img, 72 + pr_pick(r, 21)))
		return -1;
	snprintf(path, sizeof(path), "%s/%s.json", dir, base);
	return write_sidecar(path, name, bg, img, sc);
}

static const float plate_widths[] = { 95, 130, 170, 230, 320 };

/* The plate fixtures of one background: one plate each, countries and sizes in turn. */
static int set_plates(const struct opts *op, struct pr_font *f, struct pr_rng *r, const char *dir,
		      const char *bg, int *serial)
{
	for (int i = 0; i < MK_PLATES_PER_BG; i++) {
		struct image img;
		struct scene sc = { .n = 1 };
		int blur = pr_pick(r, 4) == 0 ? 1 + pr_pick(r, 2) : 0, k = *serial;
		char base[32];
		float w = plate_widths[(k / 4) % 5] * (float)op->unit / 1600.0f;

		image_init(&img);
		if (load_bg(bg, op->side, &img))
			return -1;
		snprintf(base, sizeof(base), "p-%03d", k);
		if (plant_plate(&img, f, r, (enum pr_country)(k % 4), w, blur, NULL, &sc.obj[0]) ||
		    finish(&img, r, blur, dir, base, bg, &sc)) {
			image_release(&img);
			return -1;
		}
		image_release(&img);
		(*serial)++;
	}
	return 0;
}

/* One sign fixture: a street sign and a number (an address), a number alone, a sign alone, or
 * the arrest scene (sign, number and an NL plate), in turn. */
static int set_sign(const struct opts *op, struct pr_font *f, struct pr_rng *r, const char *dir,
		    const char *bg, int k)
{
	struct image img;
	struct scene sc = { 0 };
	char base[32];
	int rc = 0, what = k % 4;
	float u = (float)op->unit / 1600.0f;

	image_init(&img);
	if (load_bg(bg, op->side, &img))
		return -1;
	if (what != 1 && !rc)
		rc = plant_text(&img, f, r, 0, pr_uniform(r, 18, 44) * u, &sc, &sc.obj[sc.n++]);
	if (what != 2 && !rc)
		rc = plant_text(&img, f, r, 1, pr_uniform(r, 20, 48) * u, &sc, &sc.obj[sc.n++]);
	if (what == 3 && !rc)
		rc = plant_plate(&img, f, r, PR_NL, 200 * u, 0, &sc, &sc.obj[sc.n++]);
	snprintf(base, sizeof(base), "s-%03d", k);
	if (!rc)
		rc = finish(&img, r, 0, dir, base, bg, &sc);
	image_release(&img);
	return rc;
}

static int set_negative(const struct opts *op, struct pr_rng *r, const char *dir, const char *bg,
			int k)
{
	struct image img;
	struct scene sc = { 0 };
	char base[32];
	int rc;

	image_init(&img);
	if (load_bg(bg, op->side, &img))
		return -1;
	snprintf(base, sizeof(base), "n-%03d", k);
	rc = finish(&img, r, 0, dir, base, bg, &sc);
	image_release(&img);
	return rc;
}

static int mode_set(const struct opts *op, struct pr_font *f, const char *dir, char **bgs, int n)
{
	struct pr_rng r = { op->seed };
	int serial = 0;

	for (int i = 0; i < n; i++)
		if (set_plates(op, f, &r, dir, bgs[i], &serial) ||
		    set_sign(op, f, &r, dir, bgs[i], i) || set_negative(op, &r, dir, bgs[i], i)) {
			fprintf(stderr, "mkplates: cannot make the fixtures of '%s'\n", bgs[i]);
			return -1;
		}
	printf("mkplates: %d plate, %d sign and %d plate-free fixtures in %s\n", serial, n, n, dir);
	return 0;
}

static int mode_scene(const struct opts *op, struct pr_font *f, const char *out, const char *bg)
{
	struct pr_rng r = { op->seed };
	struct image img;
	struct scene sc = { .n = 0 };
	char dir[4096], base[256];
	const char *slash = strrchr(out, '/'), *dot = strrchr(out, '.');
	float u;
	int rc;

	image_init(&img);
	if (load_bg(bg, op->side, &img))
		return -1;
	u = (float)(img.w > img.h ? img.w : img.h) / 1600.0f;
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
	snprintf(base, sizeof(base), "%.*s", (int)((dot && dot > slash ? dot : out + strlen(out)) -
						    (slash ? slash + 1 : out)), slash ? slash + 1 : out);
	rc = plant_plate(&img, f, &r, PR_NL, 220 * u, 0, &sc, &sc.obj[sc.n++]) ||
	     plant_text(&img, f, &r, 0, 36 * u, &sc, &sc.obj[sc.n++]) ||
	     plant_text(&img, f, &r, 1, 40 * u, &sc, &sc.obj[sc.n++]) ||
	     finish(&img, &r, 0, dir, base, bg, &sc);
	image_release(&img);
	return rc ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct opts op = { 1, NULL, 1600, 0 };
	struct pr_font f;
	int i = 1, rc = 2;

	for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
		if (!strcmp(argv[i], "--seed"))
			op.seed = strtoul(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "--font"))
			op.font = argv[i + 1];
		else if (!strcmp(argv[i], "--side"))
			op.side = (int)strtol(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "--unit"))
			op.unit = (int)strtol(argv[i + 1], NULL, 10);
		else
			break;
	}
	if (op.unit <= 0)
		op.unit = op.side;
	if (argc - i < 3 || (strcmp(argv[i], "set") && strcmp(argv[i], "scene")) || op.side < 0) {
		fprintf(stderr, "usage: mkplates [--seed N] [--font TTF] [--side N] [--unit N] set OUTDIR "
				"BG.jpg...\n"
				"       mkplates [options] scene OUT.jpg BG.jpg\n");
		return 2;
	}
	if (pr_font_open(&f, op.font)) {
		fprintf(stderr, "mkplates: cannot open the font '%s' (install fonts-dejavu-extra)\n",
			op.font ? op.font : PR_FONT_DEFAULT);
		return 1;
	}
	if (!strcmp(argv[i], "set"))
		rc = mode_set(&op, &f, argv[i + 1], argv + i + 2, argc - i - 2) ? 1 : 0;
	else
		rc = mode_scene(&op, &f, argv[i + 1], argv[i + 2]) ? 1 : 0;
	pr_font_close(&f);
	return rc;
}
