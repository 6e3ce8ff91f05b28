/* SPDX-License-Identifier: Apache-2.0 */
/* IPTC-IIM datasets and Photoshop resources: a row per dataset form and per malformation. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "meta_int.h"

#include "banned.h"

static const struct {
	const char *bytes;
	size_t len;
	const char *field; /* a field name, "problem", or "none" (no field, no problem) */
	const char *want;
} rows[] = {
	{ "\x1c\x02\x5a\x00\x05" "Paris", 10, "location.text", "Paris" },
	{ "\x1c\x02\x5c\x00\x04" "Dock", 9, "location.text", "Dock" },
	{ "\x1c\x02\x5f\x00\x02" "NH", 7, "location.text", "NH" },
	{ "\x1c\x02\x65\x00\x06" "France", 11, "location.text", "France" },
	{ "\x1c\x02\x50\x00\x03" "Ann", 8, "creator.name", "Ann" },
	{ "\x1c\x02\x76\x00\x03" "555", 8, "contact", "555" },
	{ "\x1c\x02\x19\x00\x04" "riot", 9, "keywords", "riot" },
	{ "\x1c\x02\x5a\x00\x04" "K\xf6ln", 9, "location.text", "K\xc3\xb6ln" }, /* Latin-1 */
	{ "\x1c\x02\x5a\x80\x02\x00\x04" "Gent", 11, "location.text", "Gent" },  /* extended length */
	{ "\x1c\x01\x5a\x00\x05" "Paris", 10, "none", "" },                      /* record 1 */
	{ "\x1c\x02\x5a\x00\x05" "Par", 8, "problem", "2:90 declared length 5 past end of block" },
	{ "\x1c\x02\x5a\x80\x08\x00\x04" "Gent", 11, "problem", "IPTC extended length of 8" },
	{ "\x1d\x02\x5a\x00\x05" "Paris", 10, "problem", "without 0x1C tag marker" },
	{ "\x1c\x02\x5a\x00\x02" "Ok\0\0\0\0", 11, "location.text", "Ok" },        /* padding */
};

static const struct {
	const char *bytes;
	size_t len;
	const char *field;
	const char *want;
} irb_rows[] = {
	{ "8BIM\x04\x04\x00\x00\x00\x00\x00\x0a\x1c\x02\x5a\x00\x05" "Paris", 22, "location.text",
	  "Paris" },
	{ "8BIM\x04\x04\x03" "abc\x00\x00\x00\x0a\x1c\x02\x5a\x00\x05" "Paris", 25, "location.text",
	  "Paris" }, /* a named resource */
	{ "8BIM\x04\x04\x00\x00\x00\x00\x01\x00\x1c", 13, "problem", "declared length 256 past end" },
	{ "8BIM\x04\x0c\x00\x00\x00\x00\x00\x1e" "0123456789012345678901234567\xff\xd8", 42,
	  "preview.present", "jpeg" },
	{ "XXXX\x04\x04\x00\x00\x00\x00\x00\x00", 12, "problem", "without 8BIM signature" },
	{ "\0\0\0\0\0\0\0\0\0\0\0\0", 12, "none", "" },
};

static void check(const struct meta_fields *f, const char *field, const char *want, const char *ctx)
{
	size_t i;
	int ok = 0;

	if (strcmp(field, "none") == 0) {
		CHECK(f->len == 0 && f->nproblems == 0, "%s: %zu fields, %zu problems", ctx, f->len,
		      f->nproblems);
		return;
	}
	if (strcmp(field, "problem") == 0) {
		for (i = 0; i < f->nproblems; i++)
			ok |= strstr(f->problems[i].message, want) != NULL;
		CHECK(ok, "%s: no problem '%s'", ctx, want);
		return;
	}
	for (i = 0; i < f->len; i++)
		ok |= strcmp(f->items[i].name, field) == 0 && strcmp(f->items[i].text, want) == 0;
	CHECK(ok && f->nproblems == 0, "%s: %s '%s' not found cleanly", ctx, field, want);
}

int main(void)
{
	struct meta_fields f;
	char ctx[32];
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		snprintf(ctx, sizeof(ctx), "iptc row %zu", i);
		meta_fields_init(&f);
		meta_iptc_read(&f, (const unsigned char *)rows[i].bytes, rows[i].len, 0);
		check(&f, rows[i].field, rows[i].want, ctx);
		meta_fields_release(&f);
	}
	for (i = 0; i < ARRAY_LEN(irb_rows); i++) {
		snprintf(ctx, sizeof(ctx), "irb row %zu", i);
		meta_fields_init(&f);
		meta_irb_read(&f, (const unsigned char *)irb_rows[i].bytes, irb_rows[i].len, 100, NULL,
			      NULL);
		check(&f, irb_rows[i].field, irb_rows[i].want, ctx);
		meta_fields_release(&f);
	}
	TEST_DONE();
}
