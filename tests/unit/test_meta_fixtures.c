/* SPDX-License-Identifier: Apache-2.0 */
/* The metadata readers against the generated fixtures: every planted value is found, every
 * malformed file gives its problem record and nothing else goes wrong. Rows: fixtures_set.h. */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "meta.h"

#include "../tools/fixtures_set.h"

#include "banned.h"

/* The value of m as the expectation rows write it. */
static void field_value(const struct meta_field *m, char *buf, size_t n)
{
	switch (m->type) {
	case META_TEXT:
	case META_DATA:
		snprintf(buf, n, "%s", m->text);
		break;
	case META_NUMBER:
		snprintf(buf, n, "%.10g", m->num);
		break;
	case META_POSITION:
		snprintf(buf, n, "%.7f,%.7f", m->lat, m->lon);
		break;
	}
}

static int has_value(const struct meta_fields *f, const char *field, const char *value)
{
	char buf[META_MAX_TEXT + 64];
	size_t i;

	for (i = 0; i < f->len; i++) {
		if (strcmp(f->items[i].name, field) != 0)
			continue;
		field_value(&f->items[i], buf, sizeof(buf));
		if (!*value || strcmp(buf, value) == 0)
			return 1;
	}
	return 0;
}

static int has_problem(const struct meta_fields *f, const char *sub)
{
	size_t i;

	for (i = 0; i < f->nproblems; i++)
		if (strstr(f->problems[i].message, sub))
			return 1;
	return 0;
}

static void check_row(const struct fx_expect *e, const struct meta_fields *f, enum pl_status st,
		      const char *how)
{
	char ctx[256];

	snprintf(ctx, sizeof(ctx), "%s (%s): %s = '%s'", e->file, how, e->field, e->value);
	if (strcmp(e->field, "status") == 0)
		CHECK(st == PL_ERR_INPUT, "%s: status %d", ctx, (int)st);
	else if (strcmp(e->field, "problem") == 0)
		CHECK(has_problem(f, e->value), "%s: no such problem", ctx);
	else if (e->field[0] == '!')
		CHECK(!has_value(f, e->field + 1, e->value), "%s: present", ctx);
	else
		CHECK(st == PL_OK && has_value(f, e->field, e->value), "%s: not found (status %d)", ctx,
		      (int)st);
}

/* Every field and problem is well formed: names from the table, owned strings, offsets in range. */
static void check_shape(const char *name, const struct meta_fields *f, size_t len)
{
	size_t i;

	for (i = 0; i < f->len; i++) {
		const struct meta_field *m = &f->items[i];

		CHECK(meta_field_find(m->name, strlen(m->name)) != NULL, "%s: field '%s'", name, m->name);
		CHECK(m->source && *m->source, "%s: field '%s' without source", name, m->name);
		CHECK(m->offset >= -1 && m->offset <= (long long)len, "%s: '%s' offset %lld", name,
		      m->name, m->offset);
		if (m->type == META_DATA)
			CHECK(m->offset >= 0 && m->length > 0 && m->offset + m->length <= (long long)len,
			      "%s: '%s' data %lld+%lld outside %zu", name, m->name, m->offset, m->length,
			      len);
		if (m->type == META_TEXT)
			CHECK(m->text && *m->text && strlen(m->text) <= META_MAX_TEXT, "%s: '%s' text",
			      name, m->name);
	}
	for (i = 0; i < f->nproblems; i++)
		CHECK(strncmp(f->problems[i].message, "unreadable image metadata at offset ", 36) == 0,
		      "%s: problem '%s'", name, f->problems[i].message);
}

/* Writes b to a temporary file for meta_read_file(). */
static int temp_file(const struct fx_buf *b, char *path, size_t n)
{
	int fd;

	snprintf(path, n, "/tmp/postlint-meta-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	if (b->len && write(fd, b->p, b->len) != (ssize_t)b->len) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
}

static void run_fixture(const struct fx_fixture *fx)
{
	struct fx_buf b = { 0 };
	struct meta_fields f, g;
	struct pl_diag d;
	enum pl_status st, st2;
	char path[64];
	size_t i;

	fx->build(&b);
	CHECK(!b.oom, "%s: built", fx->name);
	meta_fields_init(&f);
	meta_fields_init(&g);
	st = meta_read(fx->name, b.p, b.len, &f, &d);
	check_shape(fx->name, &f, b.len);
	for (i = 0; i < ARRAY_LEN(fx_expects); i++)
		if (strcmp(fx_expects[i].file, fx->name) == 0)
			check_row(&fx_expects[i], &f, st, "memory");
	/* the file path (seeks for movies) must find the same */
	if (temp_file(&b, path, sizeof(path)) == 0) {
		st2 = meta_read_file(path, &g, &d);
		unlink(path);
		CHECK_INT(st2, st, fx->name);
		CHECK_INT(g.len, f.len, fx->name);
		CHECK_INT(g.nproblems, f.nproblems, fx->name);
		for (i = 0; i < ARRAY_LEN(fx_expects); i++)
			if (strcmp(fx_expects[i].file, fx->name) == 0)
				check_row(&fx_expects[i], &g, st2, "file");
	}
	meta_fields_release(&f);
	meta_fields_release(&g);
	free(b.p);
}

/* Every expectation names a fixture, and every fixture is checked by something. */
static void check_tables(void)
{
	size_t i, j;
	int used;

	for (i = 0; i < ARRAY_LEN(fx_expects); i++)
		CHECK(fx_find(fx_expects[i].file) != NULL, "row for unknown fixture '%s'",
		      fx_expects[i].file);
	for (i = 0; i < ARRAY_LEN(fx_fixtures); i++) {
		for (used = 0, j = 0; j < ARRAY_LEN(fx_expects); j++)
			used |= strcmp(fx_expects[j].file, fx_fixtures[i].name) == 0;
		CHECK(used, "fixture '%s' has no expectation", fx_fixtures[i].name);
	}
}

/* A 5 GiB sparse movie with the moov at its end: read with seeks, never loaded. */
static void check_sparse_movie(void)
{
	struct fx_buf head = { 0 }, tail = { 0 };
	struct meta_fields f;
	struct pl_diag d;
	char path[64] = "/tmp/postlint-sparse-XXXXXX";
	unsigned long long mdat = 5ull << 30;
	size_t moov, udta;
	int fd = mkstemp(path);

	if (fd < 0)
		return;
	fx_ftyp(&head, "mp42", "mp42isom");
	fx_be32(&head, 1);
	fx_str(&head, "mdat");
	fx_be32(&head, (uint32_t)((mdat + 16) >> 32));
	fx_be32(&head, (uint32_t)(mdat + 16));
	moov = fx_box_begin(&tail, "moov");
	udta = fx_box_begin(&tail, "udta");
	fx_qt_xyz(&tail, "+51.9244+004.4777/");
	fx_box_end(&tail, udta);
	fx_box_end(&tail, moov);
	meta_fields_init(&f);
	if (pwrite(fd, head.p, head.len, 0) == (ssize_t)head.len &&
	    pwrite(fd, tail.p, tail.len, (off_t)(head.len + mdat)) == (ssize_t)tail.len) {
		CHECK_INT(meta_read_file(path, &f, &d), PL_OK, "sparse movie");
		CHECK(has_value(&f, "video.location", "51.9244000,4.4777000"), "sparse movie location");
	}
	close(fd);
	unlink(path);
	meta_fields_release(&f);
	free(head.p);
	free(tail.p);
}

int main(void)
{
	size_t i;

	check_tables();
	for (i = 0; i < ARRAY_LEN(fx_fixtures); i++)
		run_fixture(&fx_fixtures[i]);
	check_sparse_movie();
	TEST_DONE();
}
