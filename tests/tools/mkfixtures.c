/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mkfixtures: writes the metadata fixtures (tests/tools/fixtures_set.h) into a directory, each
 * with a sidecar NAME.plants listing "field<TAB>value" rows the reader must find, and prints one
 * line per file saying what it plants.
 *   mkfixtures OUTDIR            every fixture
 *   mkfixtures --seeds CORPUS    the small ones (< 8 KiB) into CORPUS/fuzz_meta_<kind>/, and
 *                                the XMP packets into CORPUS/fuzz_meta_xmp/
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fixtures_set.h"

#include "banned.h"

#define SEED_MAX 8192

static int write_file(const char *path, const unsigned char *p, size_t n)
{
	FILE *fp = fopen(path, "wb");
	int rc = 0;

	if (!fp || (n && fwrite(p, 1, n, fp) != n))
		rc = -1;
	if (fp && fclose(fp) != 0)
		rc = -1;
	if (rc)
		fprintf(stderr, "mkfixtures: cannot write '%s': %s\n", path, strerror(errno));
	return rc;
}

static int write_plants(const char *dir, const char *name)
{
	char path[4096];
	FILE *fp;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s.plants", dir, name);
	fp = fopen(path, "w");
	if (!fp) {
		fprintf(stderr, "mkfixtures: cannot write '%s': %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(fx_expects) / sizeof(fx_expects[0]); i++)
		if (strcmp(fx_expects[i].file, name) == 0)
			fprintf(fp, "%s\t%s\n", fx_expects[i].field, fx_expects[i].value);
	return fclose(fp) == 0 ? 0 : -1;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "mkfixtures: cannot create '%s': %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int emit(const struct fx_fixture *fx, const char *dir, int seeds)
{
	struct fx_buf b = { 0 };
	char path[8192], sub[4096];
	int rc = 0;

	fx->build(&b);
	if (b.oom) {
		fprintf(stderr, "mkfixtures: cannot build '%s'\n", fx->name);
		free(b.p);
		return -1;
	}
	if (seeds) {
		if (fx->fuzz && b.len < SEED_MAX) {
			snprintf(sub, sizeof(sub), "%s/fuzz_meta_%s", dir, fx->fuzz);
			snprintf(path, sizeof(path), "%s/%s", sub, fx->name);
			rc = make_dir(sub) || write_file(path, b.p, b.len);
		}
	} else {
		snprintf(path, sizeof(path), "%s/%s", dir, fx->name);
		rc = write_file(path, b.p, b.len) || write_plants(dir, fx->name);
		if (rc == 0)
			printf("%s\t%zu bytes\t%s\n", fx->name, b.len, fx->plants);
	}
	free(b.p);
	return rc;
}

/* Seeds for the XMP target: the packets the JPEG fixtures carry. */
static int emit_xmp_seeds(const char *dir)
{
	static const struct {
		const char *name, *xmp;
	} packets[] = { { "main.xmp", fx_xmp_main }, { "mp-regions.xmp", fx_xmp_mp },
			{ "extended.xmp", fx_xmp_ext } };
	char sub[4096], path[8192];
	size_t i;
	int rc;

	snprintf(sub, sizeof(sub), "%s/fuzz_meta_xmp", dir);
	rc = make_dir(sub);
	for (i = 0; rc == 0 && i < sizeof(packets) / sizeof(packets[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", sub, packets[i].name);
		rc = write_file(path, (const unsigned char *)packets[i].xmp, strlen(packets[i].xmp));
	}
	return rc;
}

int main(int argc, char **argv)
{
	int seeds = argc == 3 && strcmp(argv[1], "--seeds") == 0, rc = 0;
	const char *dir = seeds ? argv[2] : argv[1];
	size_t i;

	if (argc != 2 + seeds || (!seeds && argv[1][0] == '-')) {
		fprintf(stderr, "usage: mkfixtures OUTDIR | mkfixtures --seeds CORPUSDIR\n");
		return 2;
	}
	if (make_dir(dir) != 0)
		return 1;
	for (i = 0; i < sizeof(fx_fixtures) / sizeof(fx_fixtures[0]); i++)
		rc |= emit(&fx_fixtures[i], dir, seeds);
	if (seeds)
		rc |= emit_xmp_seeds(dir);
	return rc ? 1 : 0;
}
