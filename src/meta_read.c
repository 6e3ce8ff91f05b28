/* SPDX-License-Identifier: Apache-2.0 */
/* meta_read() and meta_read_file(): detect the format, then hand the bytes to its reader. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "meta_int.h"
#include "meta_tiff.h"

#include "util.h"
#include "banned.h"

static void diag_set(struct pl_diag *d, const char *path, long long off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void diag_set(struct pl_diag *d, const char *path, long long off, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return;
	memset(d, 0, sizeof(*d));
	snprintf(d->file, sizeof(d->file), "%s", path ? path : "");
	d->offset = off;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
}

int meta_src_read(const struct meta_src *s, uint64_t off, unsigned char *buf, size_t n)
{
	size_t done = 0;

	if (off > s->size || n > s->size - off)
		return -1;
	if (s->mem) {
		memcpy(buf, s->mem + off, n);
		return 0;
	}
	while (done < n) {
		ssize_t r = pread(s->fd, buf + done, n - done, (off_t)(off + done));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += (size_t)r;
	}
	return 0;
}

static void read_by_format(struct meta_fields *out, const unsigned char *p, size_t len)
{
	struct meta_src src = { p, -1, len };

	switch (out->format) {
	case MEDIA_JPEG:
		meta_jpeg_read(out, &src);
		break;
	case MEDIA_PNG:
		meta_png_read(out, p, len);
		break;
	case MEDIA_GIF:
		meta_gif_read(out, p, len);
		break;
	case MEDIA_WEBP:
		meta_webp_read(out, p, len);
		break;
	case MEDIA_TIFF:
		meta_tiff_read(out, p, len);
		break;
	case MEDIA_HEIC:
	case MEDIA_HEIF:
	case MEDIA_AVIF:
	case MEDIA_MP4:
	case MEDIA_MOV:
		meta_bmff_read(out, &src, 0, 0);
		break;
	case MEDIA_UNKNOWN:
	case MEDIA_FORMAT_COUNT:
		break;
	}
}

enum pl_status meta_read(const char *path_for_messages, const unsigned char *p, size_t len,
			 struct meta_fields *out, struct pl_diag *d)
{
	const char *name = path_for_messages ? path_for_messages : "-";
	enum pl_status st = PL_OK;

	if (!out || (!p && len)) {
		diag_set(d, name, -1, "cannot read metadata of '%s': invalid argument", name);
		st = PL_ERR_USAGE;
		goto out;
	}
	out->format = media_format_detect(p, len);
	if (len == 0) {
		diag_set(d, name, 0, "cannot read metadata of '%s': empty file", name);
		st = PL_ERR_INPUT;
		goto out;
	}
	if (out->format == MEDIA_UNKNOWN) {
		diag_set(d, name, 0, "cannot read metadata of '%s': unrecognised media format", name);
		st = PL_ERR_INPUT;
		goto out;
	}
	read_by_format(out, p, len);
	if (out->oom) {
		diag_set(d, name, -1, "cannot read metadata of '%s': out of memory", name);
		st = PL_ERR_NOMEM;
	}
out:
	return st;
}

#define META_SMALL_FILE (256 * 1024) /* bytes read whole rather than walked */

/* Reads the whole of fd (size bytes) into a new buffer. */
static enum pl_status slurp(int fd, size_t size, unsigned char **out)
{
	unsigned char *buf = malloc(size ? size : 1);
	size_t done = 0;
	enum pl_status st = PL_OK;

	if (!buf)
		return PL_ERR_NOMEM;
	while (done < size) {
		ssize_t r = pread(fd, buf + done, size - done, (off_t)done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			st = PL_ERR_IO;
			break;
		}
		done += (size_t)r;
	}
	if (st != PL_OK)
		free(buf);
	else
		*out = buf;
	return st;
}

/* JPEGs and movies are walked through the descriptor, never loaded whole. */
static enum pl_status read_walked(const char *path, int fd, uint64_t size, struct meta_fields *out,
				  struct pl_diag *d)
{
	struct meta_src src = { NULL, fd, size };

	if (out->format == MEDIA_JPEG)
		meta_jpeg_read(out, &src);
	else
		meta_bmff_read(out, &src, 0, 0);
	if (out->oom) {
		diag_set(d, path, -1, "cannot read metadata of '%s': out of memory", path);
		return PL_ERR_NOMEM;
	}
	return PL_OK;
}

enum pl_status meta_read_file(const char *path, struct meta_fields *out, struct pl_diag *d)
{
	unsigned char head[MEDIA_FORMAT_SNIFF_LEN], *buf = NULL;
	enum pl_status st = PL_OK;
	struct stat sb;
	ssize_t got;
	int fd = -1;

	if (!path || !out) {
		diag_set(d, path, -1, "cannot read metadata: invalid argument");
		st = PL_ERR_USAGE;
		goto out;
	}
	/* O_NONBLOCK: a named pipe given as a photo must not hang the run; a regular file ignores it */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		diag_set(d, path, -1, "cannot read '%s': %s", path, errno_str(errno));
		st = PL_ERR_IO;
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_set(d, path, -1, "cannot read '%s': not a regular file", path);
		st = PL_ERR_INPUT;
		goto out;
	}
	/* A small file is read whole in one call and walked in memory: a queue of web-sized photos
	 * costs a read per photo instead of one per segment. */
	if (sb.st_size > 0 && sb.st_size <= META_SMALL_FILE) {
		if ((st = slurp(fd, (size_t)sb.st_size, &buf)) != PL_OK) {
			diag_set(d, path, -1, "cannot read '%s': %s", path,
				 st == PL_ERR_NOMEM ? "out of memory" : "read error");
			goto out;
		}
		st = meta_read(path, buf, (size_t)sb.st_size, out, d);
		goto out;
	}
	do
		got = pread(fd, head, sizeof(head), 0);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		diag_set(d, path, -1, "cannot read '%s': %s", path, errno_str(errno));
		st = PL_ERR_IO;
		goto out;
	}
	out->format = media_format_detect(head, (size_t)got);
	if (out->format == MEDIA_JPEG || media_format_is_video(out->format)) {
		st = read_walked(path, fd, (uint64_t)sb.st_size, out, d);
		goto out;
	}
	if ((unsigned long long)sb.st_size > META_MAX_IMAGE_BYTES) {
		diag_set(d, path, -1, "cannot read metadata of '%s': %lld bytes, over the %llu MiB limit",
			 path, (long long)sb.st_size, META_MAX_IMAGE_BYTES >> 20);
		st = PL_ERR_LIMIT;
		goto out;
	}
	st = slurp(fd, (size_t)sb.st_size, &buf);
	if (st != PL_OK) {
		diag_set(d, path, -1, "cannot read '%s': %s", path,
			 st == PL_ERR_NOMEM ? "out of memory" : "read error");
		goto out;
	}
	st = meta_read(path, buf, (size_t)sb.st_size, out, d);
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	return st;
}
