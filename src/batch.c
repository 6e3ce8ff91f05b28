/* SPDX-License-Identifier: Apache-2.0 */
/* Walking a folder of posts: hidden files, .postlintignore, symbolic links that stay inside the
 * root and never loop; each directory's files are then grouped into posts (batch_group.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_impl.h"
#include "diag.h"
#include "ignore.h"
#include "util.h"
#include "banned.h"

struct frame {
	struct ignore_list ign; /* this directory's .postlintignore (empty when none) */
	size_t rel_len;         /* length of this directory's path relative to the root */
	dev_t dev;
	ino_t ino;
};

struct walk {
	const struct pl_batch_callbacks *cb;
	char *root_real;
	size_t root_real_len;
	struct frame frames[PL_BATCH_MAX_DEPTH + 1];
	size_t depth;            /* frames in use */
	int stop;                /* the callback asked to stop */
	int oom;
};

int strvec_push(struct strvec *s, char *owned)
{
	if (!owned)
		return -1;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		char **v = realloc(s->v, cap * sizeof(*v));

		if (!v) {
			free(owned);
			return -1;
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = owned;
	return 0;
}

void strvec_release(struct strvec *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

int batch_emit(const struct pl_batch_callbacks *cb, enum pl_batch_kind kind, const char *name,
	       const char *load, const char *caption, char *const *media, size_t nmedia,
	       char *const *files, size_t nfiles, const char *error)
{
	struct pl_batch_post p = {
		.kind = kind, .name = name, .load = load, .caption = caption,
		.media = (const char *const *)media, .nmedia = nmedia,
		.files = (const char *const *)files, .nfiles = nfiles, .error = error,
	};

	return cb->post(&p, cb->arg) ? 1 : 0;
}

static void note(struct walk *w, const char *path, const char *why)
{
	if (w->cb->note)
		w->cb->note(path, why, w->cb->arg);
}

static void note_errno(struct walk *w, const char *path, int err)
{
	char why[160];

	snprintf(why, sizeof(why), "%s", errno_str(err));
	note(w, path, why);
}

/* The deepest .postlintignore with a rule for rel decides; by default nothing is ignored. */
static int ignored(const struct walk *w, const char *rel, int is_dir)
{
	size_t f = w->depth;

	while (f-- > 0) {
		const struct frame *fr = &w->frames[f];
		const char *sub = rel + fr->rel_len + (fr->rel_len ? 1 : 0);
		int r;

		if (!fr->ign.n)
			continue;
		r = ignore_list_match(&fr->ign, sub, is_dir);
		if (r >= 0)
			return r;
	}
	return 0;
}

static int inside_root(const struct walk *w, const char *real)
{
	return !strncmp(real, w->root_real, w->root_real_len) &&
	       (real[w->root_real_len] == '/' || real[w->root_real_len] == '\0' ||
		w->root_real_len == 1);
}

/* Classifies one directory entry; 1 to keep it in *e, 0 to skip it, -1 when out of memory. */
static int classify(struct walk *w, int dfd, const char *path, const char *rel,
		    const struct dirent *de, struct batch_dent *e)
{
	const char *name = de->d_name;
	struct stat sb;
	char *full;
	int keep = 1;

	/* The type readdir gives saves a stat per file (most file systems give it): on a queue of
	 * 100,000 files, the one thread that walks it would otherwise spend its time in stat. */
	if (de->d_type == DT_REG || de->d_type == DT_DIR) {
		memset(&sb, 0, sizeof(sb));
		sb.st_mode = de->d_type == DT_REG ? S_IFREG : S_IFDIR;
	} else if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
		return 0; /* vanished since readdir */
	}
	if (!(full = path_join(path, name)))
		return -1;
	if (S_ISLNK(sb.st_mode)) {
		char *real = realpath(full, NULL);

		if (!real) {
			note_errno(w, full, errno);
			keep = 0;
		} else if (!inside_root(w, real)) {
			note(w, full, "symbolic link leads out of the folder");
			keep = 0;
		} else if (stat(real, &sb) != 0) {
			keep = 0;
		}
		free(real);
	}
	if (keep && !S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode))
		keep = 0; /* fifos, sockets, devices: reading one could block or never end */
	free(full);
	if (!keep)
		return 0;
	e->is_dir = S_ISDIR(sb.st_mode);
	if (ignored(w, rel, e->is_dir))
		return 0;
	e->kind = e->is_dir ? PL_FILE_OTHER : pl_post_file_kind(name);
	return (e->name = strdup(name)) ? 1 : -1;
}

static int cmp_dent(const void *a, const void *b)
{
	return strcmp(((const struct batch_dent *)a)->name, ((const struct batch_dent *)b)->name);
}

static void dents_free(struct batch_dent *d, size_t n)
{
	while (n)
		free(d[--n].name);
	free(d);
}

/* Reads dir's .postlintignore into fr, if there is one. */
static void load_ignore(struct walk *w, int dfd, const char *path, struct frame *fr)
{
	char *text = NULL, *file = path_join(path, PL_BATCH_IGNORE_FILE);
	size_t len;
	struct pl_diag d;
	int fd;

	if (!file) {
		w->oom = 1;
		return;
	}
	fd = openat(dfd, PL_BATCH_IGNORE_FILE, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0) {
		close(fd);
		pl_diag_init(&d);
		if (file_read_all(file, IGNORE_MAX_FILE, &text, &len, &d) != PL_OK)
			note(w, file, d.message);
		else if (ignore_list_parse(&fr->ign, text, len) != PL_OK)
			note(w, file, "too many rules, or out of memory");
	}
	free(text);
	free(file);
}

/* Lists dir's visible entries, sorted; returns -1 when the directory cannot be read. */
static int list_entries(struct walk *w, DIR *dh, const char *path, const char *rel,
			struct batch_dent **out, size_t *nout)
{
	struct batch_dent *v = NULL, *nv;
	size_t n = 0, cap = 0;
	struct dirent *de;
	int dfd = dirfd(dh);

	errno = 0;
	while ((de = readdir(dh)) != NULL) {
		char *crel;
		int r;

		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if (!(nv = realloc(v, cap * sizeof(*v)))) {
				w->oom = 1;
				break;
			}
			v = nv;
		}
		if (!(crel = path_join(rel, de->d_name))) {
			w->oom = 1;
			break;
		}
		r = classify(w, dfd, path, crel, de, &v[n]);
		free(crel);
		if (r < 0) {
			w->oom = 1;
			break;
		}
		n += (size_t)r;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_dent);
	*out = v;
	*nout = n;
	return w->oom ? -1 : 0;
}

static void walk_dir(struct walk *w, const char *path, const char *rel, struct strvec *collect);

/* Walks the subdirectories among d (for a post.json directory: into collect). */
static void walk_subdirs(struct walk *w, const char *path, const char *rel,
			 const struct batch_dent *d, size_t n, struct strvec *collect)
{
	size_t i;

	for (i = 0; i < n && !w->stop && !w->oom; i++) {
		char *sp, *sr;

		if (!d[i].is_dir)
			continue;
		sp = path_join(path, d[i].name);
		sr = path_join(rel, d[i].name);
		if (sp && sr)
			walk_dir(w, sp, sr, collect);
		else
			w->oom = 1;
		free(sp);
		free(sr);
	}
}

static int strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory with a post.json: one post of every file below it. */
static void manifest_dir(struct walk *w, const char *path, const char *rel,
			 const struct batch_dent *d, size_t n)
{
	struct strvec files = { 0 };
	char *manifest = path_join(path, "post.json");
	size_t i;

	for (i = 0; i < n && !w->oom; i++)
		if (!d[i].is_dir && strvec_push(&files, path_join(path, d[i].name)))
			w->oom = 1;
	walk_subdirs(w, path, rel, d, n, &files);
	if (!manifest)
		w->oom = 1;
	if (!w->oom && files.n > 1)
		qsort(files.v, files.n, sizeof(*files.v), strcmp_ptr);
	if (!w->oom && !w->stop)
		w->stop = batch_emit(w->cb, PL_BATCH_PATH, path, manifest, NULL, NULL, 0, files.v,
				     files.n, NULL);
	free(manifest);
	strvec_release(&files);
}

static int has_manifest(const struct batch_dent *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!d[i].is_dir && !strcmp(d[i].name, "post.json"))
			return 1;
	return 0;
}

/* The files and subdirectories of one directory, then the posts they make. */
static void walk_entries(struct walk *w, const char *path, const char *rel,
			 const struct batch_dent *d, size_t n, struct strvec *collect)
{
	size_t i;
	int rc;

	if (collect) {
		for (i = 0; i < n && !w->oom; i++)
			if (!d[i].is_dir && strvec_push(collect, path_join(path, d[i].name)))
				w->oom = 1;
		walk_subdirs(w, path, rel, d, n, collect);
		return;
	}
	if (has_manifest(d, n)) {
		manifest_dir(w, path, rel, d, n);
		return;
	}
	rc = batch_group_files(path, d, n, w->cb);
	if (rc < 0)
		w->oom = 1;
	else if (rc)
		w->stop = 1;
	walk_subdirs(w, path, rel, d, n, NULL);
}

static void walk_dir(struct walk *w, const char *path, const char *rel, struct strvec *collect)
{
	struct batch_dent *d = NULL;
	struct frame *fr;
	struct stat sb;
	size_t n = 0, i;
	DIR *dh;

	if (w->depth > PL_BATCH_MAX_DEPTH) {
		note(w, path, "more than 64 directory levels below the folder");
		return;
	}
	if (!(dh = opendir(path))) {
		char why[PL_DIAG_MSG_MAX];
		int err = errno;

		if (collect) {
			note_errno(w, path, err);
			return;
		}
		snprintf(why, sizeof(why), "cannot read '%s': %s", path, errno_str(err));
		w->stop = batch_emit(w->cb, PL_BATCH_ERROR, path, NULL, NULL, NULL, 0, NULL, 0, why);
		return;
	}
	if (fstat(dirfd(dh), &sb) != 0) {
		note_errno(w, path, errno);
		closedir(dh);
		return;
	}
	for (i = 0; i < w->depth; i++) {
		if (w->frames[i].dev == sb.st_dev && w->frames[i].ino == sb.st_ino) {
			note(w, path, "symbolic link loop");
			closedir(dh);
			return;
		}
	}
	fr = &w->frames[w->depth];
	ignore_list_init(&fr->ign);
	fr->rel_len = strlen(rel);
	fr->dev = sb.st_dev;
	fr->ino = sb.st_ino;
	load_ignore(w, dirfd(dh), path, fr);
	w->depth++;
	if (list_entries(w, dh, path, rel, &d, &n) == 0)
		walk_entries(w, path, rel, d, n, collect);
	w->depth--;
	ignore_list_release(&fr->ign);
	dents_free(d, n);
	closedir(dh);
}

enum pl_status pl_batch_discover(const char *root, const struct pl_batch_callbacks *cb,
				 struct pl_diag *d)
{
	struct walk w = { .cb = cb };
	struct stat sb;
	DIR *dh;

	pl_diag_init(d);
	if (stat(root, &sb) != 0)
		return diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", root,
				errno_str(errno));
	if (!S_ISDIR(sb.st_mode)) {
		char *files[1] = { (char *)(uintptr_t)root };

		batch_emit(cb, PL_BATCH_PATH, root, root, NULL, NULL, 0, files, 1, NULL);
		return PL_OK;
	}
	if (!(dh = opendir(root)))
		return diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", root,
				errno_str(errno));
	closedir(dh);
	if (!(w.root_real = realpath(root, NULL)))
		return diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", root,
				errno_str(errno));
	w.root_real_len = strlen(w.root_real);
	walk_dir(&w, root, "", NULL);
	free(w.root_real);
	if (w.oom)
		return diag_set(d, PL_ERR_NOMEM, root, 0, 0, "out of memory walking '%s'", root);
	return PL_OK;
}

/* ---- the collected list ---------------------------------------------------------------------- */

void pl_batch_list_init(struct pl_batch_list *l)
{
	memset(l, 0, sizeof(*l));
}

static void free_vec(const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free((void *)(uintptr_t)v[i]);
	free((void *)(uintptr_t)v);
}

static void item_release(struct pl_batch_post *p)
{
	free((void *)(uintptr_t)p->name);
	free((void *)(uintptr_t)p->load);
	free((void *)(uintptr_t)p->caption);
	free((void *)(uintptr_t)p->error);
	free_vec(p->media, p->nmedia);
	free_vec(p->files, p->nfiles);
}

void pl_batch_list_release(struct pl_batch_list *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		item_release(&l->items[i]);
	free(l->items);
	for (i = 0; i < l->nnotes; i++)
		free(l->notes[i]);
	free(l->notes);
	pl_batch_list_init(l);
}

static int dup_vec(const char *const *src, size_t n, const char *const **out)
{
	char **v = calloc(n ? n : 1, sizeof(*v));
	size_t i;

	*out = (const char *const *)v;
	if (!v)
		return -1;
	for (i = 0; i < n; i++)
		if (!(v[i] = strdup(src[i])))
			return -1;
	return 0;
}

struct collect {
	struct pl_batch_list *l;
	int oom;
};

static int collect_post(const struct pl_batch_post *p, void *arg)
{
	struct collect *cc = arg;
	struct pl_batch_list *l = cc->l;
	struct pl_batch_post *c;
	int bad;

	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct pl_batch_post *v = realloc(l->items, cap * sizeof(*v));

		if (!v)
			return cc->oom = 1;
		l->items = v;
		l->cap = cap;
	}
	c = &l->items[l->len++];
	memset(c, 0, sizeof(*c));
	c->kind = p->kind;
	c->nmedia = p->nmedia;
	c->nfiles = p->nfiles;
	c->name = xstrdup_null(p->name);
	c->load = xstrdup_null(p->load);
	c->caption = xstrdup_null(p->caption);
	c->error = xstrdup_null(p->error);
	bad = dup_vec(p->media, p->nmedia, &c->media) | dup_vec(p->files, p->nfiles, &c->files);
	bad |= !c->name || (p->load && !c->load) || (p->caption && !c->caption) ||
	       (p->error && !c->error);
	return cc->oom = bad;
}

static void collect_note(const char *path, const char *why, void *arg)
{
	struct pl_batch_list *l = ((struct collect *)arg)->l;
	size_t n = strlen(path) + strlen(why) + 3;
	char **v = realloc(l->notes, (l->nnotes + 1) * sizeof(*v));

	if (!v)
		return;
	l->notes = v;
	if ((v[l->nnotes] = malloc(n)) != NULL)
		snprintf(v[l->nnotes++], n, "%s: %s", path, why);
}

enum pl_status pl_batch_list_collect(struct pl_batch_list *l, const char *root, struct pl_diag *d)
{
	struct collect cc = { l, 0 };
	struct pl_batch_callbacks cb = { collect_post, collect_note, &cc };
	enum pl_status st = pl_batch_discover(root, &cb, d);

	if (st == PL_OK && cc.oom)
		st = diag_set(d, PL_ERR_NOMEM, root, 0, 0, "out of memory");
	return st;
}
