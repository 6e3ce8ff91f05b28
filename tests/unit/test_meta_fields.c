/* SPDX-License-Identifier: Apache-2.0 */
/* The field table, and how values enter the list: cleaning, charsets, repeats, limits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "meta_int.h"

#include "banned.h"

static const struct {
	const char *in;
	size_t len;
	const char *want; /* NULL: nothing added */
} text_rows[] = {
	{ "  Jane Doe  ", 12, "Jane Doe" },
	{ "", 0, NULL },
	{ "   ", 3, NULL },
	{ "\0abc", 4, NULL },
	{ "abc\0def", 7, "abc" },
	{ "a\tb\nc", 5, "a b c" },
	{ "Cr\xe9mieux", 8, "Cr\xc3\xa9mieux" },        /* Latin-1 to UTF-8 */
	{ "Cr\xc3\xa9mieux", 9, "Cr\xc3\xa9mieux" },     /* already UTF-8 */
	{ "\xf0\x9f\x93\xb7 cam", 8, "\xf0\x9f\x93\xb7 cam" },
	{ "bad \xc3 end", 9, "bad \xc3\x83 end" },       /* broken UTF-8: taken as Latin-1 */
	{ "x\x7fy", 3, "x y" },
};

static const struct {
	const char *in;
	size_t len;
	int be;
	const char *want;
} utf16_rows[] = {
	{ "J\0a\0n\0e\0", 8, 0, "Jane" },
	{ "\0J\0a\0n\0e", 8, 1, "Jane" },
	{ "J\0\0\0x\0", 6, 0, "J" },
	{ "\x3d\xd8\x37\xdc", 4, 0, "\xf0\x9f\x90\xb7" }, /* surrogate pair */
	{ "\x3d\xd8" "A\0", 4, 0, "\xef\xbf\xbd" "A" },   /* lone high surrogate */
	{ "A\0B", 3, 0, "A" },                           /* odd byte dropped */
};

static void check_table(void)
{
	const struct meta_field_def *defs;
	size_t n, i, j;

	defs = meta_field_defs(&n);
	CHECK_INT(n, META_FIELD_COUNT, "table length");
	for (i = 0; i < n; i++) {
		CHECK_INT(defs[i].id, i, defs[i].name);
		CHECK(defs[i].summary && *defs[i].summary, "%s: summary", defs[i].name);
		CHECK(meta_field_find(defs[i].name, strlen(defs[i].name)) == &defs[i], "%s: find",
		      defs[i].name);
		CHECK(strspn(defs[i].name, "abcdefghijklmnopqrstuvwxyz._") == strlen(defs[i].name),
		      "%s: lowercase dotted", defs[i].name);
		for (j = i + 1; j < n; j++)
			CHECK(strcmp(defs[i].name, defs[j].name) != 0, "%s: duplicate", defs[i].name);
	}
	CHECK(meta_field_find("gps", 3) == NULL, "prefix is not a field");
	CHECK(meta_field_find("gps.positionx", 13) == NULL, "longer is not a field");
	CHECK(meta_field_find("GPS.position", 12) == NULL, "case matters");
	CHECK(meta_field_find("gps.position!", 12) != NULL, "len bounds the name");
	CHECK(meta_field_find(NULL, 0) == NULL, "NULL name");
}

static void check_text(void)
{
	struct meta_fields f;
	size_t i;
	char ctx[32];

	for (i = 0; i < ARRAY_LEN(text_rows); i++) {
		snprintf(ctx, sizeof(ctx), "text row %zu", i);
		meta_fields_init(&f);
		CHECK_INT(meta_add_text(&f, META_F_OWNER_NAME, text_rows[i].in, text_rows[i].len, "test",
					0),
			  PL_OK, ctx);
		CHECK_INT(f.len, text_rows[i].want ? 1 : 0, ctx);
		if (text_rows[i].want && f.len)
			CHECK_STR(f.items[0].text, text_rows[i].want, ctx);
		meta_fields_release(&f);
	}
	for (i = 0; i < ARRAY_LEN(utf16_rows); i++) {
		snprintf(ctx, sizeof(ctx), "utf16 row %zu", i);
		meta_fields_init(&f);
		meta_add_utf16(&f, META_F_CREATOR_NAME, (const unsigned char *)utf16_rows[i].in,
			       utf16_rows[i].len, utf16_rows[i].be, "test", 0);
		CHECK(f.len == 1 && strcmp(f.items[0].text, utf16_rows[i].want) == 0, "%s: got '%s'", ctx,
		      f.len ? f.items[0].text : "(none)");
		meta_fields_release(&f);
	}
}

/* Long values are cut at META_MAX_TEXT bytes, never inside a UTF-8 sequence. */
static void check_long(void)
{
	struct meta_fields f;
	char *big = malloc(3 * META_MAX_TEXT);
	size_t i;

	if (!big)
		return;
	for (i = 0; i + 1 < 3 * META_MAX_TEXT; i += 2)
		big[i] = '\xc3', big[i + 1] = '\xa9';
	meta_fields_init(&f);
	meta_add_text(&f, META_F_DESCRIPTION, big, 3 * META_MAX_TEXT, "test", 0);
	CHECK(f.len == 1 && strlen(f.items[0].text) == META_MAX_TEXT, "cut at the limit");
	CHECK(f.len == 1 && (unsigned char)f.items[0].text[META_MAX_TEXT - 1] == 0xa9,
	      "cut on a boundary");
	meta_fields_release(&f);
	memset(big, 'x', 3 * META_MAX_TEXT);
	big[1] = '\xe9'; /* Latin-1: doubles in size */
	meta_fields_init(&f);
	meta_add_text(&f, META_F_DESCRIPTION, big, 3 * META_MAX_TEXT, "test", 0);
	CHECK(f.len == 1 && strlen(f.items[0].text) <= META_MAX_TEXT, "latin-1 cut");
	meta_fields_release(&f);
	free(big);
}

static void check_repeats_and_limits(void)
{
	struct meta_fields f;
	char v[32];
	int i;

	meta_fields_init(&f);
	meta_add_text(&f, META_F_CAMERA_SERIAL, "SN1", 3, "EXIF BodySerialNumber", 10);
	meta_add_text(&f, META_F_CAMERA_SERIAL, "SN1", 3, "EXIF BodySerialNumber", 10);
	CHECK_INT(f.len, 1, "exact repeat dropped");
	meta_add_text(&f, META_F_CAMERA_SERIAL, "SN1", 3, "XMP aux:SerialNumber", 90);
	CHECK_INT(f.len, 2, "same value, other source kept");
	CHECK(meta_fields_get(&f, META_F_CAMERA_SERIAL) == &f.items[0], "get the first");
	CHECK(meta_fields_get(&f, META_F_GPS_POSITION) == NULL, "get a missing one");
	meta_fields_release(&f);

	meta_fields_init(&f);
	meta_add_position(&f, META_F_GPS_POSITION, 91, 0, "test", 5);
	meta_add_position(&f, META_F_GPS_POSITION, NAN, 0, "test", 5);
	meta_add_position(&f, META_F_GPS_POSITION, 0, -180.5, "test", 5);
	CHECK_INT(f.len, 0, "positions out of range refused");
	CHECK_INT(f.nproblems, 3, "each one a problem");
	CHECK(f.nproblems && strstr(f.problems[0].message, "at offset 5: ") != NULL, "problem offset");
	meta_add_position(&f, META_F_GPS_POSITION, -90, 180, "test", 5);
	CHECK_INT(f.len, 1, "edge of range kept");
	meta_add_number(&f, META_F_GPS_ALTITUDE, INFINITY, "test", 5);
	CHECK_INT(f.len, 1, "infinite number refused");
	meta_fields_release(&f);

	meta_fields_init(&f);
	for (i = 0; i < META_MAX_FIELDS + 10; i++) {
		snprintf(v, sizeof(v), "k%d", i);
		meta_add_text(&f, META_F_KEYWORDS, v, strlen(v), "test", 0);
	}
	for (i = 0; i < META_MAX_PROBLEMS + 5; i++)
		meta_problem(&f, i, "problem %d", i);
	CHECK_INT(f.len, META_MAX_FIELDS, "field limit");
	CHECK_INT(f.nproblems, META_MAX_PROBLEMS, "problem limit");
	CHECK_INT(f.dropped, 15, "dropped counted");
	meta_fields_release(&f);
	CHECK(f.len == 0 && f.items == NULL && f.problems == NULL, "release empties");
	meta_fields_release(&f);
	meta_fields_release(NULL);
}

static void check_read_args(void)
{
	struct meta_fields f;
	struct pl_diag d;

	meta_fields_init(&f);
	CHECK_INT(meta_read("x", NULL, 5, &f, &d), PL_ERR_USAGE, "NULL bytes");
	CHECK_INT(meta_read("x", (const unsigned char *)"", 0, NULL, &d), PL_ERR_USAGE, "NULL out");
	CHECK_INT(meta_read("x.jpg", (const unsigned char *)"", 0, &f, &d), PL_ERR_INPUT, "empty");
	CHECK_STR(d.message, "cannot read metadata of 'x.jpg': empty file", "empty message");
	CHECK_INT(meta_read("x", (const unsigned char *)"text", 4, &f, NULL), PL_ERR_INPUT, "no diag");
	CHECK_INT(meta_read_file("/nonexistent/postlint/file.jpg", &f, &d), PL_ERR_IO, "missing");
	CHECK(strncmp(d.message, "cannot read '/nonexistent/postlint/file.jpg': ", 46) == 0,
	      "missing message '%s'", d.message);
	CHECK_INT(meta_read_file("/", &f, &d), PL_ERR_INPUT, "directory");
	meta_fields_release(&f);
}

int main(void)
{
	check_table();
	check_text();
	check_long();
	check_repeats_and_limits();
	check_read_args();
	TEST_DONE();
}
