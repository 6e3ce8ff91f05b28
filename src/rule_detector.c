/* SPDX-License-Identifier: Apache-2.0 */
/* Rule kind "detector": pixel detectors on the photos of a post. A table of detectors: faces (in
 * the photo and in its embedded thumbnails), and thumbnails that show a different picture. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "face.h"
#include "ocr.h"
#include "ocr_findings.h"
#include "rule_parse.h"
#include "scan_impl.h"
#include "media_scan.h"
#include "rule_kinds.h"
#include "util.h"
#include "banned.h"

#define THUMB_MAX_SIDE 640        /* embedded pictures are decoded at most this large */
#define THUMB_SAME_PICTURE 0.60   /* similarity below which a thumbnail shows another picture */

struct detector_rule;

struct detector {
	const char *name;
	enum pl_status (*run)(const struct rule *r, const struct detector_rule *dr,
			      struct media_scan *ms);
};

struct detector_rule {
	const struct detector *det;
	float min_confidence;
	float min_size;           /* fraction of the photo's shorter side */
	int tiles;
	pthread_mutex_t lock;     /* the model is loaded once, by the first thread that needs it */
	struct face_model *model;
	int model_failed;
	char model_err[PL_DIAG_MSG_MAX + 96];
};

static const char *const detector_keys[] = { "detector", "model", "min_confidence", "min_size",
					     "tiles", NULL };

/* The face models postlint can run; the weights are looked up in the models directory. */
#define FACE_MODEL_NAME "ssd_mobilenetv1"

/* Whether field f is an embedded JPEG (thumbnail, preview) decoded, turned like the photo, into
 * *up; *up is initialised either way and the caller releases it. */
static int embedded_upright(struct media_scan *ms, const struct meta_field *f, struct image *up)
{
	struct image th;
	struct pl_diag d;
	int ok;

	image_init(up);
	if ((f->id != META_F_THUMBNAIL_PRESENT && f->id != META_F_PREVIEW_PRESENT) || !f->text ||
	    strcmp(f->text, "jpeg"))
		return 0;
	image_init(&th);
	pl_diag_init(&d);
	ok = pixels_embedded(ms->px, f->offset, f->length, THUMB_MAX_SIDE, &th, &d) == PL_OK &&
	     image_orient(&th, ms->px->orientation ? ms->px->orientation : 1, up, &d) == PL_OK;
	image_release(&th);
	return ok;
}

static enum pl_status detect_faces(const struct rule *r, const struct detector_rule *dr,
				   struct media_scan *ms);
static enum pl_status detect_thumbnail_mismatch(const struct rule *r,
						const struct detector_rule *dr,
						struct media_scan *ms);
static enum pl_status detect_plates(const struct rule *r, const struct detector_rule *dr,
				    struct media_scan *ms);
static enum pl_status detect_possible_plates(const struct rule *r, const struct detector_rule *dr,
					     struct media_scan *ms);
static enum pl_status detect_house_numbers(const struct rule *r, const struct detector_rule *dr,
					   struct media_scan *ms);
static enum pl_status detect_text(const struct rule *r, const struct detector_rule *dr,
				  struct media_scan *ms);

/* Adding a detector: one function, one row. */
static const struct detector detectors[] = {
	{ "face", detect_faces },
	{ "thumbnail_mismatch", detect_thumbnail_mismatch },
	{ "plate", detect_plates },
	{ "plate_possible", detect_possible_plates },
	{ "house_number", detect_house_numbers },
	{ "text", detect_text },
};

#define NDETECTORS (sizeof(detectors) / sizeof(detectors[0]))

static void detector_release(void *data)
{
	struct detector_rule *dr = data;

	face_model_free(&dr->model);
	pthread_mutex_destroy(&dr->lock);
	free(dr);
}

static enum pl_status number(struct load_ctx *lc, const cJSON *obj, const char *key, double lo,
			     double hi, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!v)
		return PL_OK;
	if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi)
		return lc_error(lc, v, 0, PL_ERR_RULES, "'%s' must be a number from %g to %g", key, lo,
				hi);
	*out = v->valuedouble;
	return PL_OK;
}

static enum pl_status detector_parse(struct rule *r, const cJSON *obj, struct load_ctx *lc)
{
	struct detector_rule *dr = calloc(1, sizeof(*dr));
	double conf = 0.5, size = 0, tiles = 2;
	const char *name, *names[NDETECTORS], *hint;
	enum pl_status st;
	size_t i;

	if (!dr)
		return PL_ERR_NOMEM;
	pthread_mutex_init(&dr->lock, NULL);
	r->data = dr;
	lc->rs->media_rules = 1;
	if ((st = lc_string(lc, obj, "detector", 1, &name)) != PL_OK)
		return st;
	for (i = 0; i < NDETECTORS; i++) {
		names[i] = detectors[i].name;
		if (!strcmp(name, detectors[i].name))
			dr->det = &detectors[i];
	}
	if (!dr->det) {
		hint = suggest(name, names, NDETECTORS);
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "detector"), 0, PL_ERR_RULES,
				"unknown detector '%s'%s%s%s", name, hint ? " (did you mean '" : "",
				hint ? hint : "", hint ? "'?)" : "");
	}
	if ((st = lc_string(lc, obj, "model", 0, &name)) != PL_OK)
		return st;
	if (name && strcmp(name, FACE_MODEL_NAME))
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "model"), 0, PL_ERR_RULES,
				"unknown model '%s' (this postlint runs '" FACE_MODEL_NAME "')", name);
	if (name && dr->det->run != detect_faces)
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "model"), 0, PL_ERR_RULES,
				"'model' is for the face detector");
	if ((st = number(lc, obj, "min_confidence", 0.01, 0.99, &conf)) != PL_OK ||
	    (st = number(lc, obj, "min_size", 0, 1, &size)) != PL_OK ||
	    (st = number(lc, obj, "tiles", 0, FACE_MAX_TILES, &tiles)) != PL_OK)
		return st;
	dr->min_confidence = (float)conf;
	dr->min_size = (float)size;
	dr->tiles = (int)tiles;
	return PL_OK;
}

/* The face model, loaded once per rule set; NULL with err set when it cannot be. */
static const struct face_model *model(const struct detector_rule *cdr, const char *dir,
				      const char **err)
{
	struct detector_rule *dr = (struct detector_rule *)(uintptr_t)cdr; /* the lazy cache only */
	struct pl_diag d;

	pthread_mutex_lock(&dr->lock);
	if (!dr->model && !dr->model_failed) {
		pl_diag_init(&d);
		if (face_model_load(dir ? dir : FACE_MODEL_DIR_DEFAULT, &dr->model, &d) != PL_OK) {
			dr->model_failed = 1;
			snprintf(dr->model_err, sizeof(dr->model_err),
				 "the face detector's model could not be loaded: %s (run 'make deps')",
				 d.message);
		}
	}
	pthread_mutex_unlock(&dr->lock);
	*err = dr->model_err;
	return dr->model;
}

/* A detector that cannot run (its model or library missing): the photo is reported as not
 * checked, a warning for a person to look at it, rather than passed as clean in silence. */
static enum pl_status detector_unavailable(const struct rule *r, struct media_scan *ms,
					   const char *why)
{
	char msg[PL_DIAG_MSG_MAX + 64];

	snprintf(msg, sizeof(msg), "'%.120s' could not check the photo: %.*s", r->id,
		 (int)sizeof(msg) - 160, why);
	return scan_add_input_finding(ms->out, ms->path, "input.detector", PL_SEV_WARNING, 0, msg,
				      "install what is missing (make deps), or check the photo by eye "
				      "before posting");
}

static enum pl_status faces_in(const struct rule *r, const struct detector_rule *dr,
			       struct media_scan *ms, const struct face_model *m,
			       const struct image *img, const char *field, double sx, double sy,
			       int tiles)
{
	struct face_opts o;
	struct face_box *boxes = NULL;
	struct pl_diag d;
	enum pl_status st;
	size_t n = 0, i;
	char ev[64];

	face_opts_init(&o);
	o.min_confidence = dr->min_confidence;
	o.min_size = dr->min_size * (float)(img->w < img->h ? img->w : img->h);
	o.tiles = tiles;
	pl_diag_init(&d);
	st = face_detect(m, img, &o, &boxes, &n, &d);
	for (i = 0; st == PL_OK && i < n; i++) {
		snprintf(ev, sizeof(ev), "face, score %.2f", boxes[i].score);
		st = media_report_box(ms, r, field, (int)(boxes[i].x * sx), (int)(boxes[i].y * sy),
				      (int)(boxes[i].w * sx), (int)(boxes[i].h * sy), ev);
	}
	free(boxes);
	return st;
}

static enum pl_status detect_faces(const struct rule *r, const struct detector_rule *dr,
				   struct media_scan *ms)
{
	const char *err = NULL;
	const struct face_model *m;
	const struct image *img = pixels_photo(ms->px);
	enum pl_status st = PL_OK;
	size_t i;

	if (!img && ms->px->st == PL_ERR_INPUT && !ms->px->bytes)
		return PL_OK;
	m = model(dr, ms->rs ? ms->rs->models_dir : NULL, &err);
	if (!m)
		return detector_unavailable(r, ms, err);
	if (img)
		st = faces_in(r, dr, ms, m, img, NULL, (double)ms->px->disp_w / img->w,
			      (double)ms->px->disp_h / img->h, dr->tiles);
	/* a thumbnail may still show the face the photo was cropped or blurred to hide */
	for (i = 0; st == PL_OK && i < ms->meta->len; i++) {
		const struct meta_field *f = &ms->meta->items[i];
		struct image up;

		if (embedded_upright(ms, f, &up))
			st = faces_in(r, dr, ms, m, &up, f->name, 1, 1, 0);
		image_release(&up);
	}
	return st;
}

static enum pl_status detect_thumbnail_mismatch(const struct rule *r,
						const struct detector_rule *dr,
						struct media_scan *ms)
{
	const struct image *photo = pixels_photo(ms->px);
	enum pl_status st = PL_OK;
	size_t i;

	(void)dr;
	if (!photo)
		return PL_OK;
	for (i = 0; st == PL_OK && i < ms->meta->len; i++) {
		const struct meta_field *f = &ms->meta->items[i];
		struct image up;
		char ev[96];
		double sim;

		if (embedded_upright(ms, f, &up) &&
		    (sim = pixels_similarity(photo, &up)) < THUMB_SAME_PICTURE) {
			snprintf(ev, sizeof(ev), "%dx%d picture, similarity %.2f to the photo", up.w,
				 up.h, sim);
			st = media_report_box(ms, r, f->name, 0, 0, 0, 0, ev);
		}
		image_release(&up);
	}
	return st;
}

/* An example photo: "models:NAME" in the models directory, else a path relative to the pack. */
static char *example_path(const struct pl_ruleset *rs, const struct rule *r, const char *image)
{
	if (!strncmp(image, "models:", 7))
		return path_join(rs->models_dir ? rs->models_dir : FACE_MODEL_DIR_DEFAULT, image + 7);
	return path_beside(r->file, image);
}

static int detector_example(const struct pl_ruleset *rs, const struct rule *r,
			    const struct rule_example *x, char *detail, size_t dlen)
{
	struct meta_fields mf;
	struct pl_findings out;
	struct pixels px;
	struct pl_diag d;
	char *path = x->image ? example_path(rs, r, x->image) : NULL;
	struct ocr_result ocr;
	struct pl_scanner *sc = NULL;
	struct media_scan ms = { .path = path, .meta = &mf, .lang = "en", .out = &out, .d = &d,
				 .rs = rs, .px = &px, .ocr = &ocr,
				 .account = PL_ACCOUNT_PROFESSIONAL };
	int ok = 0;
	size_t i, mine = 0;

	ocr_result_init(&ocr);
	if (pl_scanner_new(&sc, rs) == PL_OK)
		ms.sc = sc;
	meta_fields_init(&mf);
	pl_findings_init(&out);
	pixels_init(&px, path);
	pl_diag_init(&d);
	if (!path) {
		snprintf(detail, dlen, "a detector example needs \"image\"");
	} else if (meta_read_file(path, &mf, &d) != PL_OK) {
		snprintf(detail, dlen, "example photo: %s", d.message);
	} else if (r->kind->scan_media(r, &ms) != PL_OK) {
		snprintf(detail, dlen, "detector failed on '%s'", path);
	} else {
		for (i = 0; i < out.len; i++) {
			if (!strcmp(out.items[i].rule_id, "input.detector")) {
				snprintf(detail, dlen, "%s", out.items[i].message);
				goto done;
			}
			/* the text detector reports through the text rules, in the photo's boxes */
			mine += !strcmp(out.items[i].rule_id, r->id) ||
				(((const struct detector_rule *)r->data)->det->run == detect_text &&
				 out.items[i].loc.has_box);
		}
		ok = (mine > 0) == x->must_match;
		if (!ok)
			snprintf(detail, dlen, "%s on '%s'", mine ? "reported" : "not reported", path);
	}
done:
	ocr_result_release(&ocr);
	pl_scanner_free(&sc);
	pixels_release(&px);
	pl_findings_release(&out);
	meta_fields_release(&mf);
	free(path);
	return ok;
}

/* What was read in the photo: found once per photo for every text detector, on the thread's
 * engine (regions found in the working image, small characters read from a larger decode);
 * NULL when the photo has no pixels to read or no engine could be made. */
static const struct ocr_result *photo_text(struct media_scan *ms)
{
	struct ocr_opts o;
	struct pl_diag d;

	if (ms->ocr_tried)
		return ms->ocr_read >= 0 ? ms->ocr : NULL;
	ms->ocr_tried = 1;
	ms->ocr_read = -1;
	if (!pixels_photo(ms->px) || !ms->sc)
		return NULL;
	pl_diag_init(&d);
	if (!ms->sc->ocr && ocr_engine_new(&ms->sc->ocr, NULL, NULL, &d) != PL_OK)
		return NULL;
	ocr_opts_init(&o);
	o.read = !(ms->opt && ms->opt->no_ocr);
	if (ocr_read_pixels(ms->sc->ocr, ms->px, &o, ms->ocr, &d) != PL_OK) {
		snprintf(ms->ocr_err, sizeof(ms->ocr_err), "no text could be read: %.*s",
			 (int)sizeof(ms->ocr_err) - 64, d.message);
		return NULL;
	}
	ms->ocr_read = o.read;
	return ms->ocr;
}

/* A photo whose text could not be read (Tesseract missing, say): said once, by the first text
 * detector, rather than passed over in silence. */
static enum pl_status ocr_failure(const struct rule *r, struct media_scan *ms)
{
	if (!ms->ocr_err[0] || ms->ocr_err_reported)
		return PL_OK;
	ms->ocr_err_reported = 1;
	return detector_unavailable(r, ms, ms->ocr_err);
}

/* Scales the boxes of findings [from, out->len) from the working image to the photo's pixels. */
static void scale_boxes(struct media_scan *ms, size_t from)
{
	double sx = (double)ms->px->disp_w / ms->px->img.w, sy = (double)ms->px->disp_h / ms->px->img.h;
	size_t i;

	for (i = from; i < ms->out->len; i++) {
		struct pl_location *l = &ms->out->items[i].loc;

		if (!l->has_box)
			continue;
		l->box_x = (int)(l->box_x * sx);
		l->box_y = (int)(l->box_y * sy);
		l->box_w = (int)(l->box_w * sx);
		l->box_h = (int)(l->box_h * sy);
	}
}

static enum pl_status pixels_report(const struct rule *r, const struct detector_rule *dr,
				    struct media_scan *ms, enum pixels_what what)
{
	const struct ocr_result *res = photo_text(ms);
	struct pixels_rule pr = { .id = r->id, .category = r->category,
				  .message = i18n_get(&r->message, ms->lang),
				  .fix = i18n_get(&r->fix, ms->lang), .protocol = r->protocol,
				  .severity = r->severity, .min_confidence = dr->min_confidence };
	size_t from = ms->out->len;
	enum pl_status st;

	if (!res)
		return ocr_failure(r, ms);
	if (what != PIXELS_PLATE_POSSIBLE && !ms->ocr_read)
		return PL_OK;
	st = pixels_detector_findings(res, what, ms->path, &pr, ms->out);
	scale_boxes(ms, from);
	return st;
}

static enum pl_status detect_plates(const struct rule *r, const struct detector_rule *dr,
				    struct media_scan *ms)
{
	return pixels_report(r, dr, ms, PIXELS_PLATE);
}

/* A plate-shaped region whose characters could not be read or validated: worth a look. */
static enum pl_status detect_possible_plates(const struct rule *r, const struct detector_rule *dr,
					     struct media_scan *ms)
{
	return pixels_report(r, dr, ms, PIXELS_PLATE_POSSIBLE);
}

static enum pl_status detect_house_numbers(const struct rule *r, const struct detector_rule *dr,
					   struct media_scan *ms)
{
	return pixels_report(r, dr, ms, PIXELS_HOUSE_NUMBER);
}

/* Everything read in the photo goes through the caption's text rules: a street name and a
 * number read together become an address finding, a phone number on a van an identity one. */
static enum pl_status detect_text(const struct rule *r, const struct detector_rule *dr,
				  struct media_scan *ms)
{
	const struct ocr_result *res = photo_text(ms);
	size_t from = ms->out->len;
	enum pl_status st;

	(void)dr;
	if (!res)
		return ocr_failure(r, ms);
	if (!ms->ocr_read)
		return PL_OK;
	st = pixels_text_findings(ms->sc, ms->path, ms->lang, ms->account, ms->langs, res, 1, ms->out,
				  ms->d);
	scale_boxes(ms, from);
	return st;
}

static enum pl_status detector_scan(const struct rule *r, struct media_scan *ms)
{
	const struct detector_rule *dr = r->data;

	if (ms->opt && ms->opt->no_pixels)
		return PL_OK;
	return dr->det->run(r, dr, ms);
}

static void detector_want(const struct rule *r, void *fields)
{
	(void)r;
	meta_fields_want(fields, META_F_THUMBNAIL_PRESENT);
	meta_fields_want(fields, META_F_PREVIEW_PRESENT);
}

const struct rule_kind rule_kind_detector = {
	.name = "detector",
	.keys = detector_keys,
	.parse = detector_parse,
	.release = detector_release,
	.scan_media = detector_scan,
	.example = detector_example,
	.want_fields = detector_want,
};
