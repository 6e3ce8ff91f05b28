/* SPDX-License-Identifier: Apache-2.0 */
/* The public face of the metadata layer: fields as text, for 'postlint meta'. */
#include <string.h>

#include "media_scan.h"
#include "postlint/media.h"
#include "banned.h"

enum pl_status pl_media_read(const char *path, const struct pl_media_callbacks *cb,
			     const char **format_name, struct pl_diag *d)
{
	struct meta_fields mf;
	char value[META_MAX_TEXT + 64];
	enum pl_status st;
	size_t i;

	meta_fields_init(&mf);
	st = meta_read_file(path, &mf, d);
	if (format_name)
		*format_name = media_format_name(mf.format);
	if (st != PL_OK)
		goto out;
	for (i = 0; cb->field && i < mf.len; i++) {
		const struct meta_field *f = &mf.items[i];
		struct pl_media_field pf = { .name = f->name, .value = value, .source = f->source,
					     .offset = f->offset, .is_position = f->type == META_POSITION,
					     .lat = f->lat, .lon = f->lon };

		media_field_value(f, value, sizeof(value));
		cb->field(&pf, cb->arg);
	}
	for (i = 0; cb->problem && i < mf.nproblems; i++)
		cb->problem(mf.problems[i].offset, mf.problems[i].message, cb->arg);
out:
	meta_fields_release(&mf);
	return st;
}

const char *pl_media_field_name(size_t i, const char **summary)
{
	size_t n;
	const struct meta_field_def *defs = meta_field_defs(&n);

	if (i >= n)
		return NULL;
	if (summary)
		*summary = defs[i].summary;
	return defs[i].name;
}
