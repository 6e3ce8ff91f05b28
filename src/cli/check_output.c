/* SPDX-License-Identifier: Apache-2.0 */
/* Report outputs of postlint check: several formats at once, each to its file or to stdout. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "banned.h"

int outputs_add_format(struct check_outputs *o, const char *fmt)
{
	if (o->n == CHECK_MAX_OUTPUTS) {
		cli_errorf("more than %d --format options", CHECK_MAX_OUTPUTS);
		return -1;
	}
	memset(&o->v[o->n], 0, sizeof(o->v[o->n]));
	o->v[o->n].format = fmt;
	/* "--output x --format json" as well as "--format json --output x". */
	if (o->pending_path) {
		o->v[o->n].path = o->early_path;
		o->pending_path = 0;
	}
	o->n++;
	return 0;
}

int outputs_add_path(struct check_outputs *o, const char *path)
{
	if (o->n && !o->v[o->n - 1].path && !o->pending_path) {
		o->v[o->n - 1].path = path;
		return 0;
	}
	if (o->pending_path || o->n) {
		cli_errorf("--output '%s' follows no --format of its own (pair each --format with the "
			   "--output after it)", path);
		return -1;
	}
	o->pending_path = 1;
	o->early_path = path;
	return 0;
}

static int want_color(int color, FILE *out)
{
	const char *term = getenv("TERM");

	if (color >= 0)
		return color;
	if (getenv("NO_COLOR") && getenv("NO_COLOR")[0])
		return 0;
	return isatty(fileno(out)) && term && strcmp(term, "dumb");
}

static int valid_formats(const struct check_outputs *o)
{
	const char *const *names = pl_report_formats();
	size_t i, k, stdout_users = 0;

	for (i = 0; i < o->n; i++) {
		for (k = 0; names[k] && strcmp(names[k], o->v[i].format); k++)
			;
		if (!names[k]) {
			cli_errorf("unknown --format '%s' (text, json, sarif, github, junit or gitlab)",
				   o->v[i].format);
			return -1;
		}
		stdout_users += !o->v[i].path || !strcmp(o->v[i].path, "-");
	}
	if (stdout_users > 1) {
		cli_errorf("several formats would write to stdout; give all but one an --output");
		return -1;
	}
	return 0;
}

int outputs_open(struct check_outputs *o, int color, int quiet)
{
	struct pl_report_options ro = { .tool_version = PL_VERSION, .quiet = quiet };
	struct pl_diag d;
	size_t i;

	if (o->pending_path) /* only --output: the default text format goes there */
		outputs_add_format(o, "text");
	if (!o->n)
		outputs_add_format(o, "text");
	if (valid_formats(o) != 0)
		return -1;
	for (i = 0; i < o->n; i++) {
		struct check_output *x = &o->v[i];

		if (x->path && !strcmp(x->path, "-"))
			x->path = NULL;
		x->f = x->path ? fopen(x->path, "w") : stdout;
		if (!x->f) {
			cli_errorf("cannot write '%s'", x->path);
			return -1;
		}
		ro.color = want_color(color, x->f);
		pl_diag_init(&d);
		if (pl_reporter_new(&x->rep, x->format, &ro, &d) != PL_OK) {
			cli_error(&d);
			return -1;
		}
		pl_buf_init(&x->buf);
	}
	return 0;
}

/* Writes what the reporter rendered; a failure is remembered and reported once, at close. */
static void flush(struct check_output *x)
{
	if (cli_write(x->f, &x->buf) != 0 || x->buf.oom)
		x->failed = 1;
	x->buf.oom = 0;
	pl_buf_reset(&x->buf);
}

void outputs_begin(struct check_outputs *o, const struct pl_ruleset *rs)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		pl_reporter_begin(o->v[i].rep, rs, &o->v[i].buf);
		flush(&o->v[i]);
	}
}

void outputs_post(struct check_outputs *o, const struct pl_result *res)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		pl_reporter_post(o->v[i].rep, res, &o->v[i].buf);
		flush(&o->v[i]);
	}
}

void outputs_end(struct check_outputs *o, const struct pl_summary *s)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		pl_reporter_end(o->v[i].rep, s, &o->v[i].buf);
		flush(&o->v[i]);
	}
}

int outputs_close(struct check_outputs *o)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < o->n; i++) {
		struct check_output *x = &o->v[i];

		if (x->f && (x->failed | ferror(x->f) | (fflush(x->f) != 0) |
			     (x->f != stdout && fclose(x->f) != 0))) {
			cli_errorf("cannot write '%s'", x->path ? x->path : "stdout");
			rc = -1;
		}
		x->f = NULL;
		pl_buf_release(&x->buf);
		pl_reporter_free(&x->rep);
	}
	return rc;
}

int outputs_on_tty(const struct check_outputs *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (o->v[i].f == stdout && isatty(STDOUT_FILENO))
			return 1;
	return 0;
}
