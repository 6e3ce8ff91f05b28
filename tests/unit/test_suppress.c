/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for suppressions (post.json "allow": rule, prefix, match, hash, expired, unused,
 * invalid) and baselines (fingerprints that survive edits elsewhere, a file round trip). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

#define CAPTION "auto met kenteken 52-HKS-7 gezien\\ninbraak aan de Kerkstraat 12a"
/* sha256 of "52-hks-7", the plate's normalised evidence (coreutils' sha256sum). */
#define PLATE_HASH "sha256:dd95ee33684dc6cbb4768be4a262665a51d3968ca8140515d9d8e23a36eb89d8"

struct scase {
	const char *name;
	const char *allow;    /* the manifest's "allow" array */
	const char *today;
	const char *want;     /* rule ids left, in report order */
	size_t suppressed;
};

static const struct scase cases[] = {
	{ "no allow", "[]", "2024-06-01", "plate.nl address.street", 0 },
	{ "exact rule", "[{\"rule\":\"plate.nl\",\"reason\":\"police car\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "address.street", 1 },
	{ "prefix", "[{\"rule\":\"plate.*\",\"reason\":\"police car\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "address.street", 1 },
	{ "prefix is per segment", "[{\"rule\":\"pla.*\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "suppression.invalid plate.nl address.street", 0 },
	{ "match, normalised", "[{\"rule\":\"plate.nl\",\"match\":\"52-hks-7\",\"reason\":\"x\","
	  "\"by\":\"jan\",\"until\":\"2099-01-01\"}]", "2024-06-01", "address.street", 1 },
	{ "match differs", "[{\"rule\":\"plate.nl\",\"match\":\"99-XXX-9\",\"reason\":\"x\","
	  "\"by\":\"jan\",\"until\":\"2099-01-01\"}]", "2024-06-01",
	  "suppression.unused plate.nl address.street", 0 },
	{ "hash", "[{\"rule\":\"plate.nl\",\"hash\":\"" PLATE_HASH "\",\"reason\":\"x\","
	  "\"by\":\"jan\",\"until\":\"2099-01-01\"}]", "2024-06-01", "address.street", 1 },
	{ "hash differs", "[{\"rule\":\"plate.nl\",\"hash\":\"sha256:"
	  "0000000000000000000000000000000000000000000000000000000000000000\",\"reason\":\"x\","
	  "\"by\":\"jan\",\"until\":\"2099-01-01\"}]", "2024-06-01",
	  "suppression.unused plate.nl address.street", 0 },
	{ "expired", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2024-05-31\"}]", "2024-06-01", "suppression.expired plate.nl address.street", 0 },
	{ "last day still good", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2024-06-01\"}]", "2024-06-01", "address.street", 1 },
	{ "no clock, no expiry", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2000-01-01\"}]", NULL, "address.street", 1 },
	{ "needs by", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"until\":\"2099-01-01\"}]",
	  "2024-06-01", "suppression.invalid plate.nl address.street", 0 },
	{ "needs until", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"by\":\"jan\"}]", "2024-06-01",
	  "suppression.invalid plate.nl address.street", 0 },
	{ "bad date", "[{\"rule\":\"plate.nl\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2024-13-01\"}]", "2024-06-01", "suppression.invalid plate.nl address.street", 0 },
	{ "bad hash", "[{\"rule\":\"plate.nl\",\"hash\":\"md5:abc\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "suppression.invalid plate.nl address.street", 0 },
	{ "no such rule", "[{\"rule\":\"plates.nl\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "suppression.invalid plate.nl address.street", 0 },
	{ "one used, one not", "[{\"rule\":\"address.street\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"},{\"rule\":\"geotag.*\",\"reason\":\"x\",\"by\":\"jan\","
	  "\"until\":\"2099-01-01\"}]", "2024-06-01", "suppression.unused plate.nl", 1 },
};

static char dir[256];

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		exit(2);
	fputs(text, f);
	fclose(f);
}

static void ids(const struct pl_findings *f, char *out, size_t cap)
{
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < f->len; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? " " : "", f->items[i].rule_id);
}

static void run_case(const struct pl_ruleset *rs, const struct scase *c)
{
	char manifest[4096], path[512], got[512];
	const char *gp;
	struct pl_post post;
	struct pl_findings f, sup;
	struct pl_diag d;
	struct pl_suppress_options so = { .today = c->today };
	size_t n = 99, i;

	snprintf(manifest, sizeof(manifest), "{\"text\":\"%s\",\"lang\":\"nl\",\n\"allow\":%s}\n",
		 CAPTION, c->allow);
	write_file("post.json", manifest);
	snprintf(path, sizeof(path), "%s/post.json", dir);
	pl_findings_init(&f);
	pl_findings_init(&sup);
	CHECK_INT(pl_post_load(&post, path, &d), PL_OK, c->name);
	CHECK_INT(pl_scan_post(rs, &post, NULL, &f, &d), PL_OK, c->name);
	CHECK_INT(pl_suppress_apply(rs, &post, &so, &f, &sup, &n, &d), PL_OK, c->name);
	ids(&f, got, sizeof(got));
	gp = got;
	CHECK_STR(gp, c->want, c->name);
	CHECK_INT(n, c->suppressed, c->name);
	CHECK_INT(sup.len, c->suppressed, c->name);
	for (i = 0; i < sup.len; i++)
		CHECK(strstr(sup.items[i].message, "allowed by jan until") != NULL, "%s: '%s'", c->name,
		      sup.items[i].message);
	for (i = 0; i < f.len; i++)
		if (!strncmp(f.items[i].rule_id, "suppression.", 12))
			CHECK(f.items[i].loc.line == 2 && !strcmp(f.items[i].loc.file, path) &&
				      f.items[i].severity == PL_SEV_WARNING,
			      "%s: suppression finding at %s:%u", c->name, f.items[i].loc.file,
			      f.items[i].loc.line);
	pl_findings_release(&f);
	pl_findings_release(&sup);
	pl_post_release(&post);
}

static void scan(const struct pl_ruleset *rs, const char *name, const char *text,
		 struct pl_findings *f)
{
	struct pl_diag d;
	struct pl_scan_options o;
	struct pl_scanner *sc = NULL;

	pl_scan_options_init(&o);
	o.langs = "nl";
	pl_findings_init(f);
	CHECK_INT(pl_scanner_new(&sc, rs), PL_OK, name);
	if (sc)
		CHECK_INT(pl_scanner_text(sc, name, text, strlen(text), &o, f, &d), PL_OK, name);
	pl_scanner_free(&sc);
}

static void test_baseline(const struct pl_ruleset *rs)
{
	struct pl_findings a, b;
	struct pl_baseline *w = NULL, *r = NULL;
	struct pl_buf buf;
	struct pl_diag d;
	char path[512], fa[PL_FINGERPRINT_LEN + 1], fb[PL_FINGERPRINT_LEN + 1];
	const char *fbp;
	size_t i, removed = 0;

	scan(rs, "q/a.txt", "kenteken 52-HKS-7\nKerkstraat 12a", &a);
	CHECK_INT(a.len, 2, "baseline: first scan");
	/* The caption edited above the findings: lines move, fingerprints do not. */
	scan(rs, "q/a.txt", "Nieuw:\n\nkenteken 52-hks-7.\n52-HKS-7.\nKerkstraat 12a", &b);
	CHECK_INT(b.len, 3, "baseline: edited scan");
	pl_finding_fingerprint(&a.items[0], fa);
	pl_finding_fingerprint(&b.items[0], fb);
	fbp = fb;
	CHECK_STR(fbp, fa, "fingerprint ignores the line and the case");
	CHECK(a.items[0].loc.line != b.items[0].loc.line, "the lines did move");
	CHECK_INT(pl_baseline_new(&w), PL_OK, "baseline new");
	for (i = 0; i < a.len; i++)
		pl_baseline_add(w, &a.items[i]);
	pl_baseline_add(w, &a.items[0]); /* duplicates collapse */
	pl_buf_init(&buf);
	CHECK_INT(pl_baseline_render(w, &buf), PL_OK, "render");
	CHECK_INT(pl_baseline_count(w), 2, "render dedups");
	snprintf(path, sizeof(path), "%s/baseline.json", dir);
	write_file("baseline.json", buf.data);
	CHECK_INT(pl_baseline_load(&r, path, &d), PL_OK, d.message);
	CHECK_INT(r ? pl_baseline_count(r) : 0, 2, "round trip count");
	if (r) {
		CHECK_INT(pl_baseline_filter(r, &b, &removed), PL_OK, "filter");
		CHECK_INT(removed, 3, "every known finding filtered, both plate mentions");
		CHECK_INT(b.len, 0, "nothing left");
	}
	pl_findings_release(&b);
	/* A new plate, or the same plate in another file, is not in the baseline. */
	scan(rs, "q/a.txt", "kenteken 52-HKS-7.\nXB-12-ZK", &b);
	if (r)
		pl_baseline_filter(r, &b, &removed);
	CHECK(b.len == 1 && !strcmp(b.items[0].evidence, "XB-12-ZK"), "new plate kept: %zu left",
	      b.len);
	pl_findings_release(&b);
	scan(rs, "q/b.txt", "kenteken 52-HKS-7", &b);
	if (r)
		pl_baseline_filter(r, &b, &removed);
	CHECK_INT(b.len, 1, "other file kept");
	pl_findings_release(&b);
	pl_findings_release(&a);
	pl_baseline_free(&r);
	pl_baseline_free(&w);
	pl_baseline_free(&w); /* accepts NULL */
	/* Broken baselines say where. */
	write_file("bad.json", "{\"postlint_baseline\":1,\"findings\":[{\"fingerprint\":\"abc\"}]}");
	snprintf(path, sizeof(path), "%s/bad.json", dir);
	CHECK_INT(pl_baseline_load(&r, path, &d), PL_ERR_INPUT, "short fingerprint");
	CHECK(r == NULL && d.line == 1, "short fingerprint: %s line %u", d.message, d.line);
	write_file("bad.json", "{\"findings\":[]}");
	CHECK_INT(pl_baseline_load(&r, path, &d), PL_ERR_INPUT, "no marker");
	write_file("bad.json", "{\"postlint_baseline\":1,\n\"findings\":[}");
	CHECK_INT(pl_baseline_load(&r, path, &d), PL_ERR_SYNTAX, "bad JSON");
	CHECK_INT(d.line, 2, "bad JSON line");
	pl_buf_release(&buf);
}

int main(void)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char hash[PL_HASH_STR_LEN + 1], cmd[600];
	const char *h = hash;
	size_t i;

	snprintf(dir, sizeof(dir), "%s/pl-sup-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir) || pl_ruleset_load(&rs, "tests/rules/core.json", NULL, &d) != PL_OK) {
		fprintf(stderr, "setup: %s\n", d.message);
		return 2;
	}
	CHECK_INT(pl_evidence_hash("52-HKS-7", 8, hash), PL_OK, "hash");
	CHECK_STR(h, PLATE_HASH, "evidence hash is sha256 of the normalised text");
	for (i = 0; i < ARRAY_LEN(cases); i++)
		run_case(rs, &cases[i]);
	test_baseline(rs);
	pl_ruleset_free(&rs);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 2;
	TEST_DONE();
}
