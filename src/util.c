/* SPDX-License-Identifier: Apache-2.0 */
/* Checked string and file helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int path_has_suffix(const char *path, const char *suffix)
{
	size_t a = strlen(path), b = strlen(suffix);

	return a >= b && strcasecmp(path + a - b, suffix) == 0;
}

enum pl_status file_read_all(const char *path, size_t max, char **out, size_t *len,
			     struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	FILE *f = NULL;
	struct stat sb;
	char *buf = NULL;
	size_t n = 0, cap;

	*out = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (!f) {
		st = diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path, errno_str(errno));
		goto out;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		st = diag_set(d, PL_ERR_IO, path, 0, 0, "cannot read '%s': is a directory", path);
		goto out;
	}
	cap = (sb.st_size > 0 && (size_t)sb.st_size <= max) ? (size_t)sb.st_size + 1 : 4096;
	buf = malloc(cap);
	if (!buf) {
		st = diag_set(d, PL_ERR_NOMEM, path, 0, 0, "out of memory reading '%s'", path);
		goto out;
	}
	for (;;) {
		size_t got;

		if (n + 1 >= cap) {
			char *p;

			if (cap > max) {
				st = diag_set(d, PL_ERR_LIMIT, path, 0, 0,
					      "'%s' is larger than the %zu-byte limit", path, max);
				goto out;
			}
			p = realloc(buf, cap * 2);
			if (!p) {
				st = diag_set(d, PL_ERR_NOMEM, path, 0, 0, "out of memory reading '%s'",
					      path);
				goto out;
			}
			buf = p;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		st = diag_set(d, PL_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path, errno_str(errno));
		goto out;
	}
	if (n > max) {
		st = diag_set(d, PL_ERR_LIMIT, path, 0, 0, "'%s' is larger than the %zu-byte limit",
			      path, max);
		goto out;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
out:
	free(buf);
	if (f)
		fclose(f);
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
