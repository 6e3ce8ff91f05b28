/* SPDX-License-Identifier: Apache-2.0 */
/* Folders of posts: which files make up each post below a directory, found in a stable order. */
#ifndef POSTLINT_BATCH_H
#define POSTLINT_BATCH_H

#include <stddef.h>

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PL_BATCH_IGNORE_FILE ".postlintignore"
#define PL_BATCH_MAX_DEPTH 64 /* directory levels below the root; deeper ones are skipped with a note */

enum pl_batch_kind {
	PL_BATCH_PATH,  /* load with pl_post_load(load): a manifest, or a single file named as the root */
	PL_BATCH_FILES, /* load with pl_post_load_files(name, caption, media, nmedia) */
	PL_BATCH_ERROR, /* the post could not be made up (unreadable directory, two captions of one post) */
};

/*
 * One post of a folder. What counts as a post, directory by directory:
 *  - a directory with a post.json is one post: the manifest and every file below it;
 *  - else a directory with exactly one caption (.txt, .md) and no *.post.json is one post: that
 *    caption and the photos and videos beside it;
 *  - else its files are grouped by stem: "monday.txt" (or "monday.post.json") takes "monday.jpg",
 *    "monday-2.jpg", "monday_3.mp4" and "monday (4).jpg"; a photo or video no caption claims is a
 *    post of its own; other files are not posts.
 * Hidden files and directories (".x") are skipped, and so is whatever a .postlintignore says
 * (gitignore syntax; one in any directory applies below it). Symbolic links are followed only
 * while they stay inside the root, and never into a directory already being walked.
 */
struct pl_batch_post {
	enum pl_batch_kind kind;
	const char *name;           /* what reports call the post: its directory, caption or file */
	const char *load;           /* PATH: the path to give pl_post_load */
	const char *caption;        /* FILES: the caption file, or NULL */
	const char *const *media;   /* FILES: photos and videos, sorted */
	size_t nmedia;
	const char *const *files;   /* every file that makes up the post, sorted */
	size_t nfiles;
	const char *error;          /* ERROR: why, in the house style */
};

struct pl_batch_callbacks {
	/* Once per post, in a stable order (names sorted byte-wise, a directory's files before its
	 * subdirectories). Everything it points to lives only during the call. Non-zero stops the walk. */
	int (*post)(const struct pl_batch_post *p, void *arg);
	/* What the walk skipped and why ("symbolic link loop"); may be NULL. */
	void (*note)(const char *path, const char *why, void *arg);
	void *arg;
};

/*
 * Walks root (a directory, or a single file, which is then the one post) and calls cb->post for
 * each post. Paths handed out start with root as given. A subdirectory that cannot be read is a
 * PL_BATCH_ERROR post and the walk goes on. Returns PL_ERR_IO (d says why) when root itself cannot
 * be read, PL_ERR_NOMEM, or PL_OK (also when the callback stopped the walk).
 */
enum pl_status pl_batch_discover(const char *root, const struct pl_batch_callbacks *cb,
				 struct pl_diag *d);

/* The posts of a folder collected in a list (owned copies), and the notes. */
struct pl_batch_list {
	struct pl_batch_post *items;
	size_t len;
	size_t cap;
	char **notes;               /* "path: why" */
	size_t nnotes;
};

void pl_batch_list_init(struct pl_batch_list *l);
/* Frees every item and note; leaves an empty list. */
void pl_batch_list_release(struct pl_batch_list *l);
/* pl_batch_discover into l (appending). The caller releases l with pl_batch_list_release. */
enum pl_status pl_batch_list_collect(struct pl_batch_list *l, const char *root, struct pl_diag *d);

#ifdef __cplusplus
}
#endif
#endif
