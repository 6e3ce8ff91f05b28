/* SPDX-License-Identifier: Apache-2.0 */
/* Git for postlint check --changed-since and --staged: git runs through posix_spawnp with an argv
 * (no shell, so nothing in a path or revision is ever interpreted), and staged files are read from
 * the index into a private temporary tree; the working files are never touched. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "banned.h"

extern char **environ;

/* ---- string lists ---------------------------------------------------------------------------- */

void strlist_release(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int strlist_push(struct strlist *l, const char *s, size_t len)
{
	char *c;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	if (!(c = malloc(len + 1)))
		return -1;
	memcpy(c, s, len);
	c[len] = '\0';
	l->v[l->n++] = c;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strlist_sort(struct strlist *l)
{
	size_t r, w = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_str);
	for (r = 0; r < l->n; r++) {
		if (w && !strcmp(l->v[w - 1], l->v[r])) {
			free(l->v[r]);
			continue;
		}
		l->v[w++] = l->v[r];
	}
	l->n = w;
}

int strlist_has(const struct strlist *l, const char *s)
{
	const char *key = s;

	return l->n && bsearch(&key, l->v, l->n, sizeof(*l->v), cmp_str) != NULL;
}

/* ---- running git ----------------------------------------------------------------------------- */

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Runs "git ARGS...", feeding it in (may be NULL) and collecting its stdout into out (may be NULL).
 * git's own messages go to our stderr. Returns git's exit status, or -1 when it could not run.
 */
static int git_run(const char *const *args, const struct pl_buf *in, struct pl_buf *out)
{
	posix_spawn_file_actions_t fa;
	int outp[2] = { -1, -1 }, inp[2] = { -1, -1 }, status = 0, rc = -1, err;
	void (*old_pipe)(int) = SIG_ERR;
	char buf[65536];
	ssize_t n;
	pid_t pid;

	if (pipe2(outp, O_CLOEXEC) != 0 || (in && pipe2(inp, O_CLOEXEC) != 0)) {
		cli_errorf("cannot run git: %s", cli_errno(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, outp[1], STDOUT_FILENO);
	if (in)
		posix_spawn_file_actions_adddup2(&fa, inp[0], STDIN_FILENO);
	else
		posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	err = posix_spawnp(&pid, "git", &fa, NULL, (char *const *)(uintptr_t)args, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(outp[1]);
	outp[1] = -1;
	if (in) {
		close(inp[0]);
		inp[0] = -1;
	}
	if (err) {
		cli_errorf("cannot run git: %s", cli_errno(err));
		goto out;
	}
	if (in) {
		/* git may stop reading early; that must be an error, not a SIGPIPE. */
		old_pipe = signal(SIGPIPE, SIG_IGN);
		write_all(inp[1], in->data ? in->data : "", in->len);
		close(inp[1]);
		inp[1] = -1;
	}
	while ((n = read(outp[0], buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (out)
			pl_buf_add(out, buf, (size_t)n);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
out:
	if (old_pipe != SIG_ERR)
		signal(SIGPIPE, old_pipe);
	for (n = 0; n < 2; n++) {
		if (outp[n] >= 0)
			close(outp[n]);
		if (inp[n] >= 0)
			close(inp[n]);
	}
	return rc;
}

/* Runs git and appends the NUL-separated names it prints to l. */
static int git_names(const char *const *args, struct strlist *l)
{
	struct pl_buf out;
	size_t i = 0;
	int rc;

	pl_buf_init(&out);
	rc = git_run(args, NULL, &out);
	while (rc == 0 && i < out.len) {
		size_t n = strnlen(out.data + i, out.len - i);

		if (n && strlist_push(l, out.data + i, n) != 0)
			rc = -1;
		i += n + 1;
	}
	if (out.oom)
		rc = -1;
	pl_buf_release(&out);
	return rc;
}

/* One line of git output (without the newline) into a new string. */
static char *git_line(const char *const *args)
{
	struct pl_buf out;
	char *s = NULL;

	pl_buf_init(&out);
	if (git_run(args, NULL, &out) == 0 && !out.oom) {
		while (out.len && (out.data[out.len - 1] == '\n' || out.data[out.len - 1] == '\r'))
			out.data[--out.len] = '\0';
		s = strdup(out.data ? out.data : "");
	}
	pl_buf_release(&out);
	return s;
}

int git_changed(const char *rev, int staged, struct strlist *out)
{
	const char *diff_staged[] = { "git", "diff", "--cached", "--name-only", "-z", "--relative",
				      "--no-renames", NULL };
	const char *diff_rev[] = { "git", "diff", "--name-only", "-z", "--relative", "--no-renames",
				   "", "--", NULL };
	const char *untracked[] = { "git", "ls-files", "-z", "--others", "--exclude-standard", NULL };
	const char *inside[] = { "git", "rev-parse", "--is-inside-work-tree", NULL };
	const char *verify[] = { "git", "rev-parse", "--verify", "--quiet", "", NULL };
	char *ok = git_line(inside), *spec = NULL;
	int rc = -1;

	if (!ok || strcmp(ok, "true")) {
		cli_errorf("%s needs a git work tree, and '.' is not in one",
			   staged ? "--staged" : "--changed-since");
		goto out;
	}
	if (staged) {
		rc = git_names(diff_staged, out);
		goto out;
	}
	/* A revision that starts with '-' would be read as an option. */
	if (rev[0] == '-' || !(spec = malloc(strlen(rev) + 10))) {
		cli_errorf("unknown revision '%s'", rev);
		goto out;
	}
	memcpy(spec, rev, strlen(rev));
	memcpy(spec + strlen(rev), "^{commit}", 10);
	verify[4] = spec;
	if (git_run(verify, NULL, NULL) != 0) {
		cli_errorf("unknown revision '%s'", rev);
		goto out;
	}
	diff_rev[6] = rev;
	rc = git_names(diff_rev, out);
	if (rc == 0)
		rc = git_names(untracked, out);
out:
	if (rc > 0) {
		cli_errorf("git failed (exit %d)", rc);
		rc = -1;
	}
	if (rc == 0)
		strlist_sort(out);
	free(ok);
	free(spec);
	return rc;
}

/* ---- the staged tree ------------------------------------------------------------------------- */

/* Length of the directory part of a '/'-separated path ("" has none). */
static size_t dir_len(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? (size_t)(s - p) : 0;
}

/* The directories of the changed files (D), all their ancestors (A, "" included), and those
 * ancestors that hold a post.json in the index (M). */
static int plan_sets(const struct strlist *changed, const struct strlist *index, struct strlist *D,
		     struct strlist *A, struct strlist *M)
{
	size_t i, k;
	char man[4096];

	for (i = 0; i < changed->n; i++) {
		const char *c = changed->v[i];
		size_t n = dir_len(c);

		if (strlist_push(D, c, n) || strlist_push(A, "", 0))
			return -1;
		for (k = 0; k <= n; k++)
			if ((k == n || c[k] == '/') && k && strlist_push(A, c, k))
				return -1;
	}
	strlist_sort(D);
	strlist_sort(A);
	for (i = 0; i < A->n; i++) {
		snprintf(man, sizeof(man), "%s%spost.json", A->v[i], A->v[i][0] ? "/" : "");
		if (strlist_has(index, man) && strlist_push(M, A->v[i], strlen(A->v[i])))
			return -1;
	}
	strlist_sort(M);
	return 0;
}

/* Whether an index entry may be part of a staged post. */
static int wanted(const char *f, const struct strlist *D, const struct strlist *A,
		  const struct strlist *M)
{
	char dir[4096];
	size_t n = dir_len(f), k;
	const char *base = n ? f + n + 1 : f;

	if (n >= sizeof(dir))
		return 0;
	memcpy(dir, f, n);
	dir[n] = '\0';
	if (strlist_has(D, dir))
		return 1;
	if (!strcmp(base, PL_BATCH_IGNORE_FILE) && strlist_has(A, dir))
		return 1;
	if (strlist_has(M, ""))
		return 1;
	for (k = 1; k <= n; k++) {
		if (k < n && f[k] != '/')
			continue;
		memcpy(dir, f, k);
		dir[k] = '\0';
		if (strlist_has(M, dir))
			return 1;
	}
	return 0;
}

int git_stage_tree(const struct strlist *changed, char **tmp_root, char **stage_dir)
{
	const char *ls[] = { "git", "ls-files", "-z", "--cached", NULL };
	const char *pfx[] = { "git", "rev-parse", "--show-prefix", NULL };
	const char *co[] = { "git", "checkout-index", "-z", "--stdin", "", NULL };
	struct strlist index = { 0 }, D = { 0 }, A = { 0 }, M = { 0 };
	struct pl_buf in, opt;
	const char *tmp = getenv("TMPDIR");
	char *prefix = NULL, tmpl[4096];
	size_t i;
	int rc = -1;

	*tmp_root = *stage_dir = NULL;
	pl_buf_init(&in);
	pl_buf_init(&opt);
	if (!(prefix = git_line(pfx)) || git_names(ls, &index) != 0) {
		cli_errorf("cannot list the git index");
		goto out;
	}
	strlist_sort(&index);
	if (plan_sets(changed, &index, &D, &A, &M) != 0)
		goto out;
	for (i = 0; i < index.n; i++)
		if (wanted(index.v[i], &D, &A, &M))
			pl_buf_add(&in, index.v[i], strlen(index.v[i]) + 1);
	snprintf(tmpl, sizeof(tmpl), "%s/postlint-staged-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		cli_errorf("cannot make a temporary directory in '%s': %s", tmp && tmp[0] ? tmp : "/tmp",
			   cli_errno(errno));
		goto out;
	}
	*tmp_root = strdup(tmpl);
	/* checkout-index writes each file at the prefix plus its path from the top of the tree. */
	pl_buf_addf(&opt, "--prefix=%s/", tmpl);
	co[4] = opt.data;
	if (in.oom || opt.oom || !*tmp_root || (in.len && git_run(co, &in, NULL) != 0)) {
		cli_errorf("cannot read the staged files from the git index");
		goto out;
	}
	pl_buf_reset(&opt);
	pl_buf_addf(&opt, "%s%s%.*s", tmpl, prefix[0] ? "/" : "", (int)dir_len(prefix), prefix);
	if (opt.oom || !(*stage_dir = strdup(opt.data)))
		goto out;
	rc = 0;
out:
	free(prefix);
	strlist_release(&index);
	strlist_release(&D);
	strlist_release(&A);
	strlist_release(&M);
	pl_buf_release(&in);
	pl_buf_release(&opt);
	return rc;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void git_stage_remove(const char *tmp_root)
{
	if (tmp_root)
		nftw(tmp_root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
