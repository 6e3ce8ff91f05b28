/* SPDX-License-Identifier: Apache-2.0 */
/* Folder walking (batch.c) and grouping one directory's files into posts (batch_group.c). */
#ifndef PL_BATCH_IMPL_H
#define PL_BATCH_IMPL_H

#include <stddef.h>

#include "postlint/batch.h"
#include "postlint/post.h"

/* One visible, not ignored entry of a directory. */
struct batch_dent {
	char *name;
	int is_dir;
	enum pl_file_kind kind;
};

struct strvec {
	char **v;
	size_t n;
	size_t cap;
};

/* Appends s (taking ownership; freed on failure). Returns 0, or -1 when out of memory. */
int strvec_push(struct strvec *s, char *owned);
void strvec_release(struct strvec *s);

/*
 * Emits the posts made of the files of directory dir (its entries d[0..n), sorted by name):
 * one post when it holds exactly one caption, else groups by stem. Returns 0, 1 when the callback
 * asked to stop, or -1 when out of memory.
 */
int batch_group_files(const char *dir, const struct batch_dent *d, size_t n,
		      const struct pl_batch_callbacks *cb);

/* Calls cb->post with a post assembled from the given parts. Returns the callback's answer. */
int batch_emit(const struct pl_batch_callbacks *cb, enum pl_batch_kind kind, const char *name,
	       const char *load, const char *caption, char *const *media, size_t nmedia,
	       char *const *files, size_t nfiles, const char *error);

/* Length of the stem a media file "monday-2.jpg" may belong to ("monday"), 0 when none. */
size_t batch_counter_stem(const char *s, size_t n);

#endif
