/* SPDX-License-Identifier: Apache-2.0 */
/* Connected components of a binary picture by runs: each row's runs of one class, joined to the
 * 8-connected runs of the row above with union-find. The text-region and plate-band finders
 * share it. */
#ifndef PL_PIXEL_RUNS_H
#define PL_PIXEL_RUNS_H

#include <stddef.h>
#include <stdint.h>

#include "postlint/status.h"

/* A run of pixels [x0, x1) on row y; parent links make the union-find forest. */
struct pixel_run {
	int x0, x1, y;
	uint32_t parent;
};

/* Zero-initialise; max > 0 bounds the runs kept (PL_ERR_LIMIT past it). Free with free(rs->r). */
struct pixel_runs {
	struct pixel_run *r;
	size_t n, cap, max;
};

/* The root of run i's component (paths halved on the way). */
uint32_t pixel_runs_root(struct pixel_run *r, uint32_t i);

/*
 * Appends the runs of row y where cls[x] == want (w pixels) and joins them to the 8-connected
 * runs of the row before, indices [prev, cur). Each component's root is its lowest run index.
 * PL_OK, PL_ERR_NOMEM, or PL_ERR_LIMIT past rs->max.
 */
enum pl_status pixel_runs_row(struct pixel_runs *rs, const unsigned char *cls, int w, int y,
			      unsigned char want, size_t prev, size_t cur);

#endif
