/* SPDX-License-Identifier: Apache-2.0 */
/* Status names and the diagnostic: the one place the library writes human-readable errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "banned.h"

static const char *const status_names[PL_STATUS_COUNT] = {
	[PL_OK] = "ok",
	[PL_ERR_NOMEM] = "out of memory",
	[PL_ERR_IO] = "input/output error",
	[PL_ERR_SYNTAX] = "syntax error",
	[PL_ERR_RULES] = "rules error",
	[PL_ERR_INPUT] = "bad input",
	[PL_ERR_LIMIT] = "limit exceeded",
	[PL_ERR_MATCH] = "match limit exceeded",
	[PL_ERR_USAGE] = "invalid argument",
	[PL_ERR_NOTFOUND] = "not found",
};

const char *pl_status_str(enum pl_status st)
{
	if ((unsigned)st >= PL_STATUS_COUNT)
		return "unknown status";
	return status_names[st];
}

void pl_diag_init(struct pl_diag *d)
{
	if (!d)
		return;
	memset(d, 0, sizeof(*d));
	d->offset = -1;
}

enum pl_status diag_set(struct pl_diag *d, enum pl_status st, const char *file, unsigned line,
			unsigned column, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return st;
	pl_diag_init(d);
	if (file)
		snprintf(d->file, sizeof(d->file), "%s", file);
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
	return st;
}

void diag_offset(struct pl_diag *d, long long offset)
{
	if (d)
		d->offset = offset;
}

char *pl_diag_format(const struct pl_diag *d, char *buf, size_t len)
{
	char quoted[PL_DIAG_FILE_MAX + 4];
	int named;

	if (!buf || !len)
		return buf;
	buf[0] = '\0';
	if (!d)
		return buf;
	snprintf(quoted, sizeof(quoted), "'%s'", d->file);
	/* "cannot read 'x': ..." already names its file: do not say it twice */
	named = d->file[0] && !d->line && strstr(d->message, quoted) != NULL;
	if (named)
		snprintf(buf, len, "%s", d->message);
	else if (d->file[0] && d->line && d->column)
		snprintf(buf, len, "%s:%u:%u: %s", d->file, d->line, d->column, d->message);
	else if (d->file[0] && d->line)
		snprintf(buf, len, "%s:%u: %s", d->file, d->line, d->message);
	else if (d->file[0] && d->offset >= 0)
		snprintf(buf, len, "%s: %s (at byte %lld)", d->file, d->message, d->offset);
	else if (d->file[0])
		snprintf(buf, len, "%s: %s", d->file, d->message);
	else
		snprintf(buf, len, "%s", d->message);
	return buf;
}
