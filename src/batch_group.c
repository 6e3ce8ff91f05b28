/* SPDX-License-Identifier: Apache-2.0 */
/* Grouping the files of one directory into posts: one caption makes the directory a post, several
 * captions each claim the photos that share their stem, and unclaimed photos stand alone. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_impl.h"
#include "util.h"
#include "banned.h"

/* A post being assembled: its defining caption or manifest (or a lone photo) and what it claims. */
struct group {
	char *name;      /* full path: the post's name and sort key */
	size_t def;      /* index of the defining entry */
	size_t dup;      /* a second entry claiming the same stem, or SIZE_MAX */
	size_t stem_len;
	size_t *media;
	size_t nmedia;
	size_t cap;
	int lone;        /* a photo or video nobody claimed */
};

struct groups {
	struct group *v;
	size_t n;
};

size_t batch_counter_stem(const char *s, size_t n)
{
	size_t i = n;

	if (n && s[n - 1] == ')') { /* "monday (2)" */
		i = n - 1;
		while (i && isdigit((unsigned char)s[i - 1]))
			i--;
		if (i == n - 1 || i < 3 || s[i - 1] != '(' || s[i - 2] != ' ')
			return 0;
		return i - 2;
	}
	while (i && isdigit((unsigned char)s[i - 1]))
		i--;
	if (i == n || i < 2)
		return 0;
	return (s[i - 1] == '-' || s[i - 1] == '_') ? i - 1 : 0;
}

static size_t stem_len(const struct batch_dent *e)
{
	const char *dot;

	if (e->kind == PL_FILE_MANIFEST)
		return strlen(e->name) - strlen(".post.json");
	dot = strrchr(e->name, '.');
	return dot && dot != e->name ? (size_t)(dot - e->name) : strlen(e->name);
}

static int push_idx(struct group *g, size_t i)
{
	if (g->nmedia == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 4;
		size_t *m = realloc(g->media, cap * sizeof(*m));

		if (!m)
			return -1;
		g->media = m;
		g->cap = cap;
	}
	g->media[g->nmedia++] = i;
	return 0;
}

/* The group whose stem is s[0..n), or NULL. Groups are few per directory: a linear scan would
 * do, but a directory of ten thousand loose posts must not be quadratic, so they are sorted. */
static struct group *find_stem(const struct groups *gs, const struct batch_dent *d, const char *s,
			       size_t n)
{
	size_t lo = 0, hi = gs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct group *g = &gs->v[mid];
		size_t m = g->stem_len < n ? g->stem_len : n;
		int c = memcmp(d[g->def].name, s, m);

		if (!c)
			c = g->stem_len < n ? -1 : g->stem_len > n ? 1 : 0;
		if (!c)
			return &gs->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_group_stem(const void *a, const void *b, void *arg)
{
	const struct group *x = a, *y = b;
	const struct batch_dent *d = arg;
	size_t m = x->stem_len < y->stem_len ? x->stem_len : y->stem_len;
	int c = memcmp(d[x->def].name, d[y->def].name, m);

	if (c)
		return c;
	if (x->stem_len != y->stem_len)
		return x->stem_len < y->stem_len ? -1 : 1;
	return x->def < y->def ? -1 : x->def > y->def;
}

static int cmp_group_name(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->name, ((const struct group *)b)->name);
}

/* Gathers the full paths of a group's files: [definer,] media. */
static int paths_of(const char *dir, const struct batch_dent *d, const struct group *g,
		    struct strvec *media, struct strvec *files)
{
	size_t i;

	if (!g->lone && strvec_push(files, path_join(dir, d[g->def].name)))
		return -1;
	if (g->dup != SIZE_MAX && strvec_push(files, path_join(dir, d[g->dup].name)))
		return -1;
	for (i = 0; i < g->nmedia; i++) {
		if (strvec_push(media, path_join(dir, d[g->media[i]].name)) ||
		    strvec_push(files, path_join(dir, d[g->media[i]].name)))
			return -1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int emit_group(const char *dir, const struct batch_dent *d, const struct group *g,
		      const struct pl_batch_callbacks *cb)
{
	struct strvec media = { 0 }, files = { 0 };
	char why[PL_DIAG_MSG_MAX];
	const char *caption = NULL;
	int rc = -1;

	if (paths_of(dir, d, g, &media, &files))
		goto out;
	if (!g->lone)
		caption = files.v[0];
	if (files.n > 1)
		qsort(files.v, files.n, sizeof(*files.v), cmp_str);
	if (g->dup != SIZE_MAX) {
		snprintf(why, sizeof(why), "'%s' and '%s' both claim post '%.*s' in '%s'; rename one",
			 d[g->def].name, d[g->dup].name, (int)g->stem_len, d[g->def].name, dir);
		rc = batch_emit(cb, PL_BATCH_ERROR, g->name, NULL, NULL, media.v, media.n, files.v,
				files.n, why);
	} else if (d[g->def].kind == PL_FILE_MANIFEST) {
		rc = batch_emit(cb, PL_BATCH_PATH, g->name, g->name, NULL, NULL, 0, files.v, files.n,
				NULL);
	} else {
		rc = batch_emit(cb, PL_BATCH_FILES, g->name, NULL, caption, media.v, media.n, files.v,
				files.n, NULL);
	}
out:
	strvec_release(&media);
	strvec_release(&files);
	return rc;
}

/* The whole directory is one post: its one caption and every photo beside it. */
static int emit_dir_post(const char *dir, const struct batch_dent *d, size_t n,
			 const struct pl_batch_callbacks *cb)
{
	struct strvec media = { 0 }, files = { 0 };
	const char *caption = NULL;
	size_t i;
	int rc = -1;

	for (i = 0; i < n; i++) {
		if (d[i].is_dir || (d[i].kind != PL_FILE_CAPTION && d[i].kind != PL_FILE_MEDIA))
			continue;
		if (strvec_push(&files, path_join(dir, d[i].name)))
			goto out;
		if (d[i].kind == PL_FILE_CAPTION)
			caption = files.v[files.n - 1];
		else if (strvec_push(&media, path_join(dir, d[i].name)))
			goto out;
	}
	rc = batch_emit(cb, PL_BATCH_FILES, dir, NULL, caption, media.v, media.n, files.v, files.n,
			NULL);
out:
	strvec_release(&media);
	strvec_release(&files);
	return rc;
}

/* gs has room for one group per entry, so adding never reallocates. */
static int add_group(struct groups *gs, const char *dir, const struct batch_dent *d, size_t i,
		     int lone)
{
	struct group *g = &gs->v[gs->n];

	memset(g, 0, sizeof(*g));
	g->def = i;
	g->dup = SIZE_MAX;
	g->lone = lone;
	g->stem_len = lone ? 0 : stem_len(&d[i]);
	if (!(g->name = path_join(dir, d[i].name)))
		return -1;
	gs->n++;
	if (lone)
		return push_idx(g, i);
	return 0;
}

/* Merges groups of equal stem (two captions of one post) into one erroneous group. */
static void merge_dups(struct groups *gs, const struct batch_dent *d)
{
	size_t r, w = 0;

	for (r = 0; r < gs->n; r++) {
		struct group *g = &gs->v[r];

		if (w && gs->v[w - 1].stem_len == g->stem_len &&
		    !memcmp(d[gs->v[w - 1].def].name, d[g->def].name, g->stem_len)) {
			struct group *keep = &gs->v[w - 1];

			if (keep->dup == SIZE_MAX)
				keep->dup = g->def;
			free(g->name);
			free(g->media);
			continue;
		}
		gs->v[w++] = *g;
	}
	gs->n = w;
}

int batch_group_files(const char *dir, const struct batch_dent *d, size_t n,
		      const struct pl_batch_callbacks *cb)
{
	struct groups gs = { 0 };
	size_t i, captions = 0, manifests = 0, ndefs;
	int rc = 0;

	for (i = 0; i < n; i++) {
		captions += !d[i].is_dir && d[i].kind == PL_FILE_CAPTION;
		manifests += !d[i].is_dir && d[i].kind == PL_FILE_MANIFEST;
	}
	if (captions == 1 && !manifests)
		return emit_dir_post(dir, d, n, cb);
	gs.v = calloc(n ? n : 1, sizeof(*gs.v));
	if (!gs.v)
		return -1;
	for (i = 0; i < n && !rc; i++)
		if (!d[i].is_dir && (d[i].kind == PL_FILE_CAPTION || d[i].kind == PL_FILE_MANIFEST))
			rc = add_group(&gs, dir, d, i, 0);
	if (gs.n > 1)
		qsort_r(gs.v, gs.n, sizeof(*gs.v), cmp_group_stem, (void *)(uintptr_t)d);
	merge_dups(&gs, d);
	ndefs = gs.n;
	for (i = 0; i < n && !rc; i++) {
		struct group *g;
		size_t sl, cl;

		if (d[i].is_dir || d[i].kind != PL_FILE_MEDIA)
			continue;
		sl = stem_len(&d[i]);
		g = find_stem(&(struct groups){ gs.v, ndefs }, d, d[i].name, sl);
		if (!g && (cl = batch_counter_stem(d[i].name, sl)) != 0)
			g = find_stem(&(struct groups){ gs.v, ndefs }, d, d[i].name, cl);
		rc = g ? push_idx(g, i) : add_group(&gs, dir, d, i, 1);
	}
	if (gs.n > 1)
		qsort(gs.v, gs.n, sizeof(*gs.v), cmp_group_name);
	for (i = 0; i < gs.n && !rc; i++)
		rc = emit_group(dir, d, &gs.v[i], cb);
	for (i = 0; i < gs.n; i++) {
		free(gs.v[i].name);
		free(gs.v[i].media);
	}
	free(gs.v);
	return rc;
}
