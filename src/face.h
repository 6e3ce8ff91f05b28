/* SPDX-License-Identifier: Apache-2.0 */
/* Face detection with SSD MobileNet v1 (the weights of @vladmandic/face-api), implemented in C:
 * a whole-image pass as the JavaScript reference does it, plus overlapping tiles at the working
 * resolution for small faces, merged by non-maximum suppression. */
#ifndef PL_FACE_H
#define PL_FACE_H

#include <stddef.h>

#include "image.h"
#include "postlint/status.h"

/* Where `make install` puts the model (tests/tools/fetch-model.sh fetches it into build/models). */
#ifdef PL_DATADIR
#define FACE_MODEL_DIR_DEFAULT PL_DATADIR "/models"
#endif

/* The files face_model_load reads from its directory. */
#define FACE_MODEL_MANIFEST "ssd_mobilenetv1_model-weights_manifest.json"
#define FACE_MODEL_MAX_BYTES ((size_t)64 << 20) /* weights file size accepted */
#define FACE_MAX_RESULTS 100                    /* boxes kept per pass, as the reference */
#define FACE_MAX_TILES 8                        /* tiles per side accepted in face_opts */

struct face_model;

struct face_opts {
	float min_confidence; /* scores at or below are dropped; (0, 1), reference default 0.5 */
	float min_size;       /* boxes whose shorter side is below this many pixels are dropped */
	int tiles;            /* most tiles per side for the small-face pass; 0 or 1: none */
};

/* A detected face in the coordinates of the image given to face_detect, with its score. */
struct face_box {
	float x, y, w, h;
	float score;
};

/* Defaults: min_confidence 0.5, min_size 0, tiles 3. */
void face_opts_init(struct face_opts *o);

/*
 * Loads the model from model_dir (FACE_MODEL_MANIFEST and the weight files it names),
 * dequantises the weights and folds batch normalisation into the convolutions. The model is
 * read-only afterwards and may be shared by threads. Sets OpenBLAS to one thread: callers run
 * one detection per thread. Returns PL_ERR_IO (unreadable files), PL_ERR_SYNTAX (malformed
 * manifest), PL_ERR_INPUT (a tensor missing or of the wrong shape, short weights),
 * PL_ERR_LIMIT, PL_ERR_NOMEM. The caller frees *out with face_model_free.
 */
enum pl_status face_model_load(const char *model_dir, struct face_model **out,
			       struct pl_diag *d);

/* Frees the model; accepts NULL and a pointer to NULL, and clears the caller's pointer. */
void face_model_free(struct face_model **m);

/*
 * Finds faces in img (RGB or grey). opts may be NULL for the defaults. On PL_OK *boxes holds *n
 * boxes sorted by score, highest first (NULL when none); the caller frees it with free().
 * Scratch memory is allocated per call (about 26 MB). Returns PL_ERR_USAGE (bad arguments or
 * options), PL_ERR_NOMEM.
 */
enum pl_status face_detect(const struct face_model *m, const struct image *img,
			   const struct face_opts *opts, struct face_box **boxes, size_t *n,
			   struct pl_diag *d);

#endif
