/* SPDX-License-Identifier: Apache-2.0 */
/* postlint meta FILE...: every privacy-relevant metadata field, like a focused exiftool. */
#include <string.h>

#include "cli.h"
#include "banned.h"

struct meta_out {
	struct pl_buf fields, problems;
	int json;
	size_t nfields, nproblems;
};

static void on_field(const struct pl_media_field *f, void *arg)
{
	struct meta_out *o = arg;
	struct pl_buf *b = &o->fields;

	if (!o->json) {
		pl_buf_addf(b, "  %-20s %s", f->name, f->value);
		if (f->source)
			pl_buf_addf(b, "  [%s]", f->source);
		pl_buf_addc(b, '\n');
	} else {
		pl_buf_adds(b, o->nfields ? ",{\"field\":\"" : "{\"field\":\"");
		pl_buf_add_json_str(b, f->name, strlen(f->name));
		pl_buf_adds(b, "\",\"value\":\"");
		pl_buf_add_json_str(b, f->value, strlen(f->value));
		pl_buf_adds(b, "\"");
		if (f->is_position)
			pl_buf_addf(b, ",\"lat\":%.7f,\"lon\":%.7f", f->lat, f->lon);
		if (f->source) {
			pl_buf_adds(b, ",\"source\":\"");
			pl_buf_add_json_str(b, f->source, strlen(f->source));
			pl_buf_adds(b, "\"");
		}
		pl_buf_addf(b, ",\"offset\":%lld}", f->offset);
	}
	o->nfields++;
}

static void on_problem(long long offset, const char *message, void *arg)
{
	struct meta_out *o = arg;
	struct pl_buf *b = &o->problems;

	if (!o->json) {
		pl_buf_addf(b, "  problem at byte %lld: %s\n", offset, message);
	} else {
		pl_buf_addf(b, "%s{\"offset\":%lld,\"message\":\"", o->nproblems ? "," : "", offset);
		pl_buf_add_json_str(b, message, strlen(message));
		pl_buf_adds(b, "\"}");
	}
	o->nproblems++;
}

static int list_fields(void)
{
	const char *name, *summary;
	size_t i;

	for (i = 0; (name = pl_media_field_name(i, &summary)) != NULL; i++)
		printf("%-20s %s\n", name, summary);
	return EXIT_CLEAN;
}

static void add_buf(struct pl_buf *b, const struct pl_buf *x)
{
	if (x->len)
		pl_buf_add(b, x->data, x->len);
}

/* Appends one file's fields and problems to b, as text or as one JSON array element. */
static int meta_one(const char *path, int json, int first, struct pl_buf *b)
{
	struct meta_out o = { .json = json };
	struct pl_media_callbacks cb = { on_field, on_problem, &o };
	const char *fmt = NULL;
	struct pl_diag d;
	int rc = EXIT_CLEAN;

	pl_diag_init(&d);
	pl_buf_init(&o.fields);
	pl_buf_init(&o.problems);
	if (pl_media_read(path, &cb, &fmt, &d) != PL_OK) {
		cli_error(&d);
		rc = EXIT_UNREADABLE;
	}
	if (json) {
		pl_buf_adds(b, first ? "\n{\"file\":\"" : ",\n{\"file\":\"");
		pl_buf_add_json_str(b, path, strlen(path));
		pl_buf_addf(b, "\",\"format\":\"%s\",\"fields\":[", fmt ? fmt : "unknown");
		add_buf(b, &o.fields);
		pl_buf_adds(b, "],\"problems\":[");
		add_buf(b, &o.problems);
		pl_buf_adds(b, "]");
		if (rc != EXIT_CLEAN) {
			pl_buf_adds(b, ",\"error\":\"");
			pl_buf_add_json_str(b, d.message, strlen(d.message));
			pl_buf_adds(b, "\"");
		}
		pl_buf_adds(b, "}");
	} else if (rc == EXIT_CLEAN) {
		pl_buf_addf(b, "%s (%s)%s\n", path, fmt ? fmt : "unknown",
			    o.nfields ? "" : ": no privacy-relevant metadata");
		add_buf(b, &o.fields);
		add_buf(b, &o.problems);
	}
	pl_buf_release(&o.fields);
	pl_buf_release(&o.problems);
	return rc;
}

int cmd_meta(int argc, char **argv)
{
	struct pl_buf b;
	int i, json = 0, rc = EXIT_CLEAN, first = 1, r;

	if (argc >= 2 && !strcmp(argv[1], "--fields"))
		return list_fields();
	pl_buf_init(&b);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			json = !strcmp(argv[++i], "json");
			if (!json && strcmp(argv[i], "text")) {
				cli_errorf("meta --format takes text or json, not '%s'", argv[i]);
				return EXIT_USAGE;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_errorf("usage: postlint meta [--format text|json] FILE... | --fields");
			return EXIT_USAGE;
		}
	}
	if (json)
		pl_buf_adds(&b, "{\"schema\":\"postlint-meta/1\",\"files\":[");
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format")) {
			i++;
			continue;
		}
		r = meta_one(argv[i], json, first, &b);
		first = 0;
		if (r > rc)
			rc = r;
	}
	if (json)
		pl_buf_adds(&b, "\n]}\n");
	cli_write(stdout, &b);
	pl_buf_release(&b);
	if (first) {
		cli_errorf("usage: postlint meta [--format text|json] FILE... | --fields");
		return EXIT_USAGE;
	}
	return rc;
}
