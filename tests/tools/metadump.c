/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metadump: prints the canonical metadata fields of each file named, one per line,
 * "file<TAB>field<TAB>value" (positions as "%.7f,%.7f"; embedded data as "kind offset=N length=N").
 * -s adds the source and offset columns; problems go to stderr. --fields lists the field table.
 * Exit status 1 when a file could not be read at all.
 */
#include <stdio.h>
#include <string.h>

#include "meta.h"

#include "banned.h"

static void print_field(const char *path, const struct meta_field *m, int verbose)
{
	printf("%s\t%s\t", path, m->name);
	switch (m->type) {
	case META_TEXT:
		fputs(m->text, stdout);
		break;
	case META_NUMBER:
		printf("%.10g", m->num);
		break;
	case META_POSITION:
		printf("%.7f,%.7f", m->lat, m->lon);
		break;
	case META_DATA:
		printf("%s offset=%lld length=%lld", m->text, m->offset, m->length);
		break;
	}
	if (verbose)
		printf("\t%s\t%lld", m->source, m->offset);
	putchar('\n');
}

static int dump(const char *path, int verbose)
{
	struct meta_fields f;
	struct pl_diag d;
	enum pl_status st;
	size_t i;

	meta_fields_init(&f);
	st = meta_read_file(path, &f, &d);
	for (i = 0; i < f.len; i++)
		print_field(path, &f.items[i], verbose);
	for (i = 0; i < f.nproblems; i++)
		fprintf(stderr, "%s: %s\n", path, f.problems[i].message);
	if (st != PL_OK)
		fprintf(stderr, "%s: %s\n", path, d.message);
	meta_fields_release(&f);
	return st == PL_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
	int i, rc = 0, verbose = 0;
	size_t n, k;
	const struct meta_field_def *defs;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-s") == 0) {
			verbose = 1;
		} else if (strcmp(argv[i], "--fields") == 0) {
			defs = meta_field_defs(&n);
			for (k = 0; k < n; k++)
				printf("%s\t%s\n", defs[k].name, defs[k].summary);
		} else {
			rc |= dump(argv[i], verbose);
		}
	}
	return rc;
}
