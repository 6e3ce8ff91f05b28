/* SPDX-License-Identifier: Apache-2.0 */
/* Connected components by runs and union-find: see pixel_runs.h. */
#include <stdlib.h>

#include "pixel_runs.h"

#include "banned.h"

uint32_t pixel_runs_root(struct pixel_run *r, uint32_t i)
{
	while (r[i].parent != i) {
		r[i].parent = r[r[i].parent].parent;
		i = r[i].parent;
	}
	return i;
}

static void unite(struct pixel_run *r, uint32_t a, uint32_t b)
{
	a = pixel_runs_root(r, a);
	b = pixel_runs_root(r, b);
	if (a < b)
		r[b].parent = a;
	else if (b < a)
		r[a].parent = b;
}

static enum pl_status push(struct pixel_runs *rs, int x0, int x1, int y)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 4096;
		struct pixel_run *r;

		if (rs->max && rs->n >= rs->max)
			return PL_ERR_LIMIT;
		if (rs->max && cap > rs->max)
			cap = rs->max;
		if (!(r = realloc(rs->r, cap * sizeof(*r))))
			return PL_ERR_NOMEM;
		rs->r = r;
		rs->cap = cap;
	}
	rs->r[rs->n] = (struct pixel_run){ x0, x1, y, (uint32_t)rs->n };
	rs->n++;
	return PL_OK;
}

enum pl_status pixel_runs_row(struct pixel_runs *rs, const unsigned char *cls, int w, int y,
			      unsigned char want, size_t prev, size_t cur)
{
	size_t p = prev;
	enum pl_status st;

	for (int x = 0; x < w;) {
		int x0;

		if (cls[x] != want) {
			x++;
			continue;
		}
		x0 = x;
		while (x < w && cls[x] == want)
			x++;
		if ((st = push(rs, x0, x, y)) != PL_OK)
			return st;
		while (p < cur && rs->r[p].x1 < x0)
			p++;
		for (size_t q = p; q < cur && rs->r[q].x0 <= x; q++)
			unite(rs->r, (uint32_t)q, (uint32_t)(rs->n - 1));
	}
	return PL_OK;
}
