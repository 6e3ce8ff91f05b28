/* SPDX-License-Identifier: Apache-2.0 */
/* Movie locations: ISO 6709 notations in (c)xyz, a row each; 64-bit and zero box sizes; the
 * boxes that are never loaded. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "meta.h"

#include "../tools/fixtures_set.h"

#include "banned.h"

static const struct {
	const char *iso6709;
	const char *want; /* position, or "problem: ..." */
} rows[] = {
	{ "+40.7128-074.0060/", "40.7128000,-74.0060000" },
	{ "+4042.77-07400.36/", "40.7128333,-74.0060000" },
	{ "+404246.1-0740021.6/", "40.7128056,-74.0060000" },
	{ "+40-074/", "40.0000000,-74.0000000" },
	{ "-33.8688+151.2093+005.5/", "-33.8688000,151.2093000" },
	{ "+40.7128-074.0060", "40.7128000,-74.0060000" },
	{ "N40W74", "problem: unreadable ISO 6709 location 'N40W74'" },
	{ "+40.7128", "problem: unreadable ISO 6709 location" },
	{ "+4.7128-074.0060/", "problem: unreadable ISO 6709 location" },
	{ "+95.0000+000.0000/", "problem: position 95,0 out of range" },
};

static void movie(struct fx_buf *b, const char *iso6709, int size64)
{
	size_t moov, udta;

	fx_ftyp(b, "isom", "isom");
	fx_mdat(b, 32);
	if (size64) { /* a 64-bit moov size */
		moov = b->len;
		fx_be32(b, 1);
		fx_str(b, "moov");
		fx_be32(b, 0);
		fx_be32(b, 0);
	} else {
		moov = fx_box_begin(b, "moov");
	}
	udta = fx_box_begin(b, "udta");
	fx_qt_xyz(b, iso6709);
	fx_box_end(b, udta);
	if (size64)
		fx_patch_be32(b, moov + 12, (uint32_t)(b->len - moov));
	else
		fx_box_end(b, moov);
}

static int check(const struct fx_buf *b, const char *want, const char *ctx)
{
	struct meta_fields f;
	struct pl_diag d;
	char got[64] = "";
	size_t i;
	int ok = 0;

	meta_fields_init(&f);
	CHECK_INT(meta_read("m.mp4", b->p, b->len, &f, &d), PL_OK, ctx);
	if (strncmp(want, "problem: ", 9) == 0) {
		for (i = 0; i < f.nproblems; i++)
			ok |= strstr(f.problems[i].message, want + 9) != NULL;
		ok &= meta_fields_get(&f, META_F_VIDEO_LOCATION) == NULL;
	} else if (meta_fields_get(&f, META_F_VIDEO_LOCATION)) {
		snprintf(got, sizeof(got), "%.7f,%.7f", meta_fields_get(&f, META_F_VIDEO_LOCATION)->lat,
			 meta_fields_get(&f, META_F_VIDEO_LOCATION)->lon);
		ok = strcmp(got, want) == 0;
	}
	CHECK(ok, "%s: want '%s', got '%s' (%zu problems)", ctx, want, got, f.nproblems);
	meta_fields_release(&f);
	return ok;
}

int main(void)
{
	struct fx_buf b = { 0 };
	char ctx[64];
	size_t i;
	int size64;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		for (size64 = 0; size64 <= 1; size64++) {
			b.len = 0;
			movie(&b, rows[i].iso6709, size64);
			snprintf(ctx, sizeof(ctx), "row %zu%s", i, size64 ? " (64-bit moov)" : "");
			check(&b, rows[i].want, ctx);
		}
	}
	/* a moov of size 0 runs to the end of the file */
	b.len = 0;
	fx_ftyp(&b, "isom", "isom");
	fx_be32(&b, 0);
	fx_str(&b, "moov");
	i = fx_box_begin(&b, "udta");
	fx_qt_xyz(&b, "+01.5+002.5/");
	fx_box_end(&b, i);
	check(&b, "1.5000000,2.5000000", "moov of size 0");
	/* a location in a trak's user data counts too */
	b.len = 0;
	fx_ftyp(&b, "isom", "isom");
	i = fx_box_begin(&b, "moov");
	{
		size_t trak = fx_box_begin(&b, "trak"), udta = fx_box_begin(&b, "udta");

		fx_qt_xyz(&b, "+10+010/");
		fx_box_end(&b, udta);
		fx_box_end(&b, trak);
	}
	fx_box_end(&b, i);
	check(&b, "10.0000000,10.0000000", "trak udta");
	free(b.p);
	TEST_DONE();
}
