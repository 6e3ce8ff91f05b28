/* SPDX-License-Identifier: Apache-2.0 */
/* The post model: caption text, media files and context (account, platform, languages). */
#ifndef POSTLINT_POST_H
#define POSTLINT_POST_H

#include <stddef.h>

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

enum pl_account {
	PL_ACCOUNT_UNSET = 0,
	PL_ACCOUNT_PROFESSIONAL,
	PL_ACCOUNT_PRIVATE,
};

/* A suppression from a manifest's "allow" list. */
struct pl_allow {
	char *rule;      /* rule id or a prefix ending in ".*" */
	char *match;     /* exact evidence, NULL for any */
	char *hash;      /* "sha256:..." of the normalised evidence, NULL for any */
	char *reason;
	char *by;
	char *until;     /* YYYY-MM-DD, NULL for no expiry */
	unsigned line;   /* where it stands in the manifest */
	unsigned column;
	int used;        /* set by the scan when it suppressed a finding */
};

#define PL_POST_MAX_MEDIA 64
#define PL_POST_MAX_LANGS 8
#define PL_POST_MAX_TEXT (16u * 1024u * 1024u) /* caption size limit */

struct pl_post {
	char *path;        /* what the user named: file, manifest or directory */
	char *text_path;   /* file the caption came from ("-" for stdin), NULL when no caption */
	char *text;        /* caption bytes, exactly as read (not NUL-terminated by contract) */
	size_t text_len;
	char **media;      /* media paths, as the user would name them (joined to the manifest's directory) */
	size_t nmedia;
	enum pl_account account;
	char *platform;    /* "instagram", "x", ... or NULL */
	char *langs[PL_POST_MAX_LANGS]; /* ISO 639-1 codes, NULL-terminated; empty: detect */
	size_t nlangs;
	struct pl_allow *allow;
	size_t nallow;
	char *manifest;    /* the post.json the post came from (where 'allow' entries stand), or NULL */
};

/* Zeroes a post. Allocates nothing. */
void pl_post_init(struct pl_post *p);
/* Frees everything the post owns and zeroes it. */
void pl_post_release(struct pl_post *p);

/*
 * Loads a post from path: a caption file (.txt, .md or any other text), a manifest (post.json or
 * *.post.json), or a directory holding one post (its manifest, else its one caption file and the
 * media files beside it). Media paths that leave the post's directory are refused (PL_ERR_INPUT).
 * On failure *p is left released and d says which file and where.
 */
enum pl_status pl_post_load(struct pl_post *p, const char *path, struct pl_diag *d);

/*
 * Makes a post from caption bytes already in memory (stdin, tests). name is what locations show
 * ("-" for stdin). The bytes are copied.
 */
enum pl_status pl_post_from_text(struct pl_post *p, const char *name, const char *text, size_t len,
				 struct pl_diag *d);

/*
 * Loads a post from files already grouped by the caller (a folder's "monday.txt", "monday.jpg" and
 * "monday-2.jpg"): the caption file (NULL for none) is read, the media are taken as named. name is
 * what reports call the post. On failure *p is left released and d says which file.
 */
enum pl_status pl_post_load_files(struct pl_post *p, const char *name, const char *caption,
				  const char *const *media, size_t nmedia, struct pl_diag *d);

/* What a file is by its name alone, with the extensions pl_post_load knows. */
enum pl_file_kind {
	PL_FILE_OTHER = 0,
	PL_FILE_CAPTION,   /* .txt, .md */
	PL_FILE_MEDIA,     /* photo or video */
	PL_FILE_MANIFEST,  /* post.json, *.post.json */
};
enum pl_file_kind pl_post_file_kind(const char *name);

/* Parses "professional"/"private". Returns 0 on success, -1 when unknown. */
int pl_account_parse(const char *s, enum pl_account *out);

/* Sets the post's languages from a comma-separated list ("nl,fr"). */
enum pl_status pl_post_set_langs(struct pl_post *p, const char *csv, struct pl_diag *d);

#ifdef __cplusplus
}
#endif
#endif
