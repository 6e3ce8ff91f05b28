/* SPDX-License-Identifier: Apache-2.0 */
/* Reading the privacy-relevant metadata of a photo or video ("postlint meta"). */
#ifndef POSTLINT_MEDIA_H
#define POSTLINT_MEDIA_H

#include <stddef.h>

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One field as found; every pointer is valid only during the callback. */
struct pl_media_field {
	const char *name;     /* canonical: "gps.position", "camera.serial", ... */
	const char *value;    /* for people: text, number, or "52.0907000, 5.1214000 (52.09070 N, ...)" */
	const char *source;   /* where in the file: "EXIF GPS IFD", "XMP photoshop:City", ... */
	long long offset;     /* byte offset in the file, -1 when unknown */
	int is_position;
	double lat, lon;      /* when is_position */
};

struct pl_media_callbacks {
	void (*field)(const struct pl_media_field *f, void *arg);
	/* a part of the file that could not be read; the rest still was */
	void (*problem)(long long offset, const char *message, void *arg);
	void *arg;
};

/*
 * Reads path's metadata (format from the bytes, not the name; videos are walked with seeks, never
 * loaded whole) and reports each field and each problem through cb. Returns PL_ERR_IO or
 * PL_ERR_INPUT (d says why) when the file cannot be read or is no known photo or video format.
 * format_name, when not NULL, receives "jpeg", "heic", "mp4", ...
 */
enum pl_status pl_media_read(const char *path, const struct pl_media_callbacks *cb,
			     const char **format_name, struct pl_diag *d);

/* Field i of the canonical list and its one-line description; NULL past the end. */
const char *pl_media_field_name(size_t i, const char **summary);

#ifdef __cplusplus
}
#endif
#endif
