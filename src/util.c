/* SPDX-License-Identifier: Apache-2.0 */
/* Checked string and file helpers. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <sys/stat.h>

#include "diag.h"
#include "util.h"
#include "banned.h"

char *xstrdup_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *xmemdup0(const char *p, size_t len)
{
	char *s = malloc(len + 1);

	if (!s)
		return NULL;
	if (len)
		memcpy(s, p, len);
	s[len] = '\0';
	return s;
}

char *path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s;

	if (name[0] == '/' || !a || (a == 1 && dir[0] == '.'))
		return strdup(name);
	s = malloc(a + b + 2);
	if (!s)
		return NULL;
	memcpy(s, dir, a);
	if (dir[a - 1] != '/')
		s[a++] = '/';
	memcpy(s + a, name, b + 1);
	return s;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return xmemdup0(path, (size_t)(slash - path));
}

char *path_beside(const char *file, const char *name)
{
	char *dir = path_dirname(file), *p = dir ? path_join(dir, name) : NULL;

	free(dir);
	return p;
}

int path_has_suffix(const char *path, const char *suffix)
{
	size_t a = strlen(path), b = strlen(suffix);

	return a >= b && strcasecmp(path + a - b, suffix) == 0;
}

enum pl_status file_read_all(const char *path, size_t max, char **out, size_t *len,
			     struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	struct stat sb;
	char *buf = NULL, *p;
	size_t n = 0, cap;
	ssize_t got;
	int fd;

	*out = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		st = diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path, errno_str(errno));
		goto out;
	}
	if (S_ISDIR(sb.st_mode)) {
		st = diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': is a directory", path);
		goto out;
	}
	/* A regular file is read in one call (one more byte than its size, to see the end); a
	 * pipe or a file that grows is read on in doubling steps. */
	cap = (sb.st_size > 0 && (size_t)sb.st_size <= max) ? (size_t)sb.st_size + 1 : 4096;
	if (!(buf = malloc(cap + 1))) {
		st = diag_set(d, PL_ERR_NOMEM, NULL, 0, 0, "out of memory reading '%s'", path);
		goto out;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				st = diag_set(d, PL_ERR_LIMIT, NULL, 0, 0,
					      "'%s' is larger than the %zu-byte limit", path, max);
				goto out;
			}
			if (!(p = realloc(buf, cap * 2 + 1))) {
				st = diag_set(d, PL_ERR_NOMEM, NULL, 0, 0,
					      "out of memory reading '%s'", path);
				goto out;
			}
			buf = p;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			st = diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path,
				      errno_str(errno));
			goto out;
		}
		n += (size_t)got;
		if (got == 0 || (S_ISREG(sb.st_mode) && n < cap && n == (size_t)sb.st_size))
			break;
	}
	if (n > max) {
		st = diag_set(d, PL_ERR_LIMIT, NULL, 0, 0, "'%s' is larger than the %zu-byte limit",
			      path, max);
		goto out;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	return st;
}

unsigned edit_distance(const char *a, const char *b)
{
	unsigned row[17], i, j, prev, tmp;
	size_t la = strlen(a), lb = strlen(b);

	if (la > 16 || lb > 16)
		return 16;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
			unsigned best = prev + cost;

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	unsigned best_d = 3, dist;
	size_t i;

	for (i = 0; i < n; i++) {
		dist = edit_distance(word, candidates[i]);
		if (dist < best_d) {
			best_d = dist;
			best = candidates[i];
		}
	}
	return best;
}

const char *errno_str(int err)
{
	static _Thread_local char buf[128];
	const char *s = strerror_r(err, buf, sizeof(buf));

	if (s != buf)
		snprintf(buf, sizeof(buf), "%s", s);
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] + 32);
	return buf;
}
