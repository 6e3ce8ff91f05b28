/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for rule sets that load: queries, overrides, extends by name and by path, a diamond,
 * vocabularies, depth and size limits, and the validator table. The mistakes a rules author makes
 * are in test_rules_load.c. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

/* A whole valid rule on one line. */
#define R1(id, kind, rest)                                                                     \
	"{\"id\": \"" id "\", \"kind\": \"" kind "\", \"category\": \"c\", \"severity\": \"error\", " \
	"\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, " rest "}"

static struct pl_ruleset *load_ok(const char *dir, const char *file, const char *ctx)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char *p = t_path(dir, file), buf[2048];
	enum pl_status st = pl_ruleset_load(&rs, p, NULL, &d);

	CHECK(st == PL_OK, "%s: %s", ctx, pl_diag_format(&d, buf, sizeof(buf)));
	free(p);
	return rs;
}

static void check_core(void)
{
	struct pl_ruleset *rs = NULL;
	struct pl_rule_info ri;
	struct pl_diag d;
	long i;

	CHECK_INT(pl_ruleset_load(&rs, "tests/rules/core.json", NULL, &d), PL_OK, "core loads");
	if (!rs)
		return;
	CHECK_INT(pl_ruleset_count(rs), 7, "core count");
	CHECK_INT(pl_ruleset_find(rs, "plate.nl"), 0, "find first");
	CHECK_INT(pl_ruleset_find(rs, "emergency.nl"), 6, "find last");
	CHECK_INT(pl_ruleset_find(rs, "plate"), -1, "find a prefix");
	CHECK_INT(pl_ruleset_find(rs, "nope"), -1, "find unknown");
	CHECK_INT(pl_ruleset_find(rs, ""), -1, "find empty");

	i = pl_ruleset_find(rs, "plate.nl");
	pl_ruleset_rule(rs, (size_t)i, &ri);
	CHECK_STR(ri.id, "plate.nl", "info id");
	CHECK_STR(ri.kind, "pattern", "info kind");
	CHECK_STR(ri.category, "plate", "info category");
	CHECK_INT(ri.severity, PL_SEV_ERROR, "info severity");
	CHECK_INT(ri.enabled, 1, "info enabled");
	CHECK_INT(ri.internal, 0, "info internal");
	CHECK_STR(ri.protocol, "NL-POL-SM 3.2", "info protocol");
	CHECK_STR(ri.file, "tests/rules/core.json", "info file");
	CHECK_INT(ri.line, 10, "info line");
	CHECK_STR(ri.description, NULL, "info description");
	CHECK_INT(ri.nmatch_examples, 2, "info match examples");
	CHECK_INT(ri.nno_match_examples, 2, "info no_match examples");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "nl"), "kenteken", "message nl");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "fr"), "plaque d'immatriculation", "message fr");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "en"), "licence plate", "message en");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "de"), "licence plate", "message fallback");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, NULL), "licence plate", "message NULL lang");
	CHECK_STR(pl_ruleset_fix(rs, (size_t)i, "nl"), "verwijder het kenteken", "fix nl");
	CHECK_STR(pl_ruleset_example(rs, (size_t)i, 0, 0), "auto met kenteken 52-HKS-7 gezien",
		  "example match 0");
	CHECK_STR(pl_ruleset_example(rs, (size_t)i, 0, 1), "Kenteken XB-12-ZK", "example object");
	CHECK_STR(pl_ruleset_example(rs, (size_t)i, 0, 2), NULL, "example past the end");
	CHECK_STR(pl_ruleset_example(rs, (size_t)i, 1, 0), "Covid-19 maatregelen", "example no_match");

	i = pl_ruleset_find(rs, "clothing.item");
	pl_ruleset_rule(rs, (size_t)i, &ri);
	CHECK_INT(ri.internal, 1, "internal rule");
	CHECK_INT(ri.severity, PL_SEV_INFO, "internal rule severity");
	i = pl_ruleset_find(rs, "clothing.combination");
	pl_ruleset_rule(rs, (size_t)i, &ri);
	CHECK_STR(ri.kind, "combination", "combination kind");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "fr"), "identifying clothing combination",
		  "message missing fr falls back to en");
	i = pl_ruleset_find(rs, "emergency.nl");
	pl_ruleset_rule(rs, (size_t)i, &ri);
	CHECK_STR(ri.kind, "requires", "requires kind");
	CHECK_INT(ri.severity, PL_SEV_WARNING, "requires severity");
	i = pl_ruleset_find(rs, "address.street");
	CHECK_STR(pl_ruleset_message(rs, (size_t)i, "nl"), "street address with house number",
		  "string message for every language");

	pl_ruleset_free(&rs);
	CHECK(rs == NULL, "free clears the pointer");
	pl_ruleset_free(&rs);
	pl_ruleset_free(NULL);
	CHECK_INT(pl_ruleset_count(NULL), 0, "count of NULL");
}

static void check_missing_file(void)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char buf[2048];
	enum pl_status st = pl_ruleset_load(&rs, "tests/rules/no-such-pack.json", NULL, &d);

	CHECK_INT(st, PL_ERR_IO, "missing rules file");
	CHECK_HAS(d.message, "cannot read 'tests/rules/no-such-pack.json': no such file or directory",
		  "missing rules file");
	CHECK(rs == NULL, "missing rules file: no ruleset");
	st = pl_ruleset_load(&rs, "tests/rules", NULL, &d);
	CHECK(st == PL_ERR_IO && rs == NULL, "a directory is no rules file");
	CHECK_STR(pl_diag_format(&d, buf, sizeof(buf)), "cannot read 'tests/rules': is a directory",
		  "a directory: named once");
}

static void check_overrides(void)
{
	char *dir = t_mkdtemp();
	struct pl_ruleset *rs;
	struct pl_rule_info ri;

	t_write(dir, "base.json",
		"{\"format\": 1, \"name\": \"base\", \"rules\": ["
		R1("a.b", "pattern", "\"pattern\": \"x\"") ",\n"
		R1("c.d", "pattern", "\"pattern\": \"x\"") ",\n"
		R1("e.f", "pattern", "\"pattern\": \"x\", \"enabled\": false") "]}");
	t_write(dir, "team.json",
		"{\"format\": 1, \"name\": \"team\", \"extends\": [\"./base.json\"],\n"
		" \"rules\": [" R1("g.h", "pattern", "\"pattern\": \"x\"") "],\n"
		" \"overrides\": {\"a.b\": {\"severity\": \"info\"}, \"c.d\": {\"enabled\": false},\n"
		"   \"e.f\": {\"enabled\": true, \"severity\": \"warning\"}, \"g.h\": {}}}");
	rs = load_ok(dir, "team.json", "overrides");
	if (rs) {
		CHECK_INT(pl_ruleset_count(rs), 4, "overrides: count");
		CHECK_INT(pl_ruleset_find(rs, "a.b"), 0, "extended rules come first");
		CHECK_INT(pl_ruleset_find(rs, "g.h"), 3, "own rules after");
		pl_ruleset_rule(rs, 0, &ri);
		CHECK_INT(ri.severity, PL_SEV_INFO, "override severity");
		CHECK_INT(ri.enabled, 1, "override severity keeps enabled");
		CHECK_HAS(ri.file, "base.json", "rule keeps its file");
		CHECK_INT(ri.line, 1, "rule keeps its line");
		pl_ruleset_rule(rs, 1, &ri);
		CHECK_INT(ri.enabled, 0, "override disables");
		CHECK_INT(ri.severity, PL_SEV_ERROR, "override enabled keeps severity");
		pl_ruleset_rule(rs, 2, &ri);
		CHECK_INT(ri.enabled, 1, "override enables");
		CHECK_INT(ri.severity, PL_SEV_WARNING, "override both");
		pl_ruleset_rule(rs, 3, &ri);
		CHECK_HAS(ri.file, "team.json", "own rule's file");
		CHECK_INT(ri.line, 2, "own rule's line");
		pl_ruleset_free(&rs);
	}
	t_rmtree(dir);
}

/* A extends B and C, both extend D (once as ./d.json, once as ../d.json): D loads once. */
static void check_diamond(void)
{
	char *dir = t_mkdtemp();
	struct pl_ruleset *rs;

	t_write(dir, "d.json",
		"{\"format\": 1, \"name\": \"d\", \"vocabularies\": {\"w\": [\"x\"]}, \"rules\": ["
		R1("d.rule", "pattern", "\"pattern\": \"{{w}}\"") "]}");
	t_write(dir, "b.json",
		"{\"format\": 1, \"name\": \"b\", \"extends\": [\"./d.json\"], \"rules\": ["
		R1("b.rule", "pattern", "\"pattern\": \"{{w}}\"") "]}");
	t_write(dir, "sub/c.json",
		"{\"format\": 1, \"name\": \"c\", \"extends\": [\"../d.json\"], \"rules\": ["
		R1("c.rule", "pattern", "\"pattern\": \"x\"") "]}");
	t_write(dir, "a.json",
		"{\"format\": 1, \"name\": \"a\", \"extends\": [\"./b.json\", \"sub/c.json\", \"d.json\"],\n"
		" \"rules\": [" R1("a.rule", "combination", "\"parts\": [{\"rule\": \"d.rule\"}, "
		"{\"rule\": \"c.rule\"}], \"min\": 2") "]}");
	rs = load_ok(dir, "a.json", "diamond");
	if (rs) {
		CHECK_INT(pl_ruleset_count(rs), 4, "diamond: each rule once");
		CHECK_INT(pl_ruleset_find(rs, "d.rule"), 0, "diamond: depth first");
		CHECK_INT(pl_ruleset_find(rs, "b.rule"), 1, "diamond: b after d");
		CHECK_INT(pl_ruleset_find(rs, "c.rule"), 2, "diamond: c after b");
		CHECK_INT(pl_ruleset_find(rs, "a.rule"), 3, "diamond: own rule last");
		pl_ruleset_free(&rs);
	}
	t_rmtree(dir);
}

/* Packs named without a path: on the search path first, else beside the file. */
static void check_named(void)
{
	char *dir = t_mkdtemp(), *packs = t_path(dir, "packs"), *main_path;
	const char *dirs[1] = { packs };
	struct pl_rules_search search = { dirs, 1, NULL };
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char buf[2048];
	enum pl_status st;

	t_write(dir, "packs/nl.json",
		"{\"format\": 1, \"name\": \"nl\", \"rules\": [" R1("from.path", "pattern", "\"pattern\": \"x\"") "]}");
	t_write(dir, "nl.json",
		"{\"format\": 1, \"name\": \"nl\", \"rules\": [" R1("from.beside", "pattern", "\"pattern\": \"x\"") "]}");
	t_write(dir, "fr.json",
		"{\"format\": 1, \"name\": \"fr\", \"rules\": [" R1("fr.beside", "pattern", "\"pattern\": \"x\"") "]}");
	t_write(dir, "main.json",
		"{\"format\": 1, \"name\": \"m\", \"extends\": [\"nl\", \"fr\"]}");
	main_path = t_path(dir, "main.json");
	st = pl_ruleset_load(&rs, main_path, &search, &d);
	CHECK(st == PL_OK, "named: %s", pl_diag_format(&d, buf, sizeof(buf)));
	if (rs) {
		CHECK(pl_ruleset_find(rs, "from.path") >= 0, "named: the search path wins");
		CHECK_INT(pl_ruleset_find(rs, "from.beside"), -1, "named: not both");
		CHECK(pl_ruleset_find(rs, "fr.beside") >= 0, "named: beside the file");
		pl_ruleset_free(&rs);
	}
	st = pl_ruleset_load_named(&rs, "nl", &search, &d);
	CHECK_INT(st, PL_OK, "load_named on the search path");
	if (rs) {
		CHECK(pl_ruleset_find(rs, "from.path") >= 0, "load_named: its rule");
		pl_ruleset_free(&rs);
	}
	st = pl_ruleset_load_named(&rs, "de", &search, &d);
	CHECK_INT(st, PL_ERR_NOTFOUND, "load_named: unknown pack");
	CHECK_HAS(d.message, "rules pack 'de' not found", "load_named: unknown pack");
	st = pl_ruleset_load_named(&rs, main_path, NULL, &d);
	CHECK_INT(st, PL_OK, "load_named with a path, no search path: extends found beside it");
	if (rs) {
		CHECK(pl_ruleset_find(rs, "from.beside") >= 0, "load_named: beside the file");
		pl_ruleset_free(&rs);
	}
	st = pl_ruleset_load_named(&rs, "tests/rules/core.json", NULL, &d);
	CHECK_INT(st, PL_OK, "load_named with a path loads the file");
	pl_ruleset_free(&rs);
	free(main_path);
	free(packs);
	t_rmtree(dir);
}

/* "extends" chains deeper than PL_RULES_MAX_EXTENDS_DEPTH are refused, not followed. */
static void check_depth(void)
{
	char *dir = t_mkdtemp(), name[32], text[256], *p;
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	int i, n = PL_RULES_MAX_EXTENDS_DEPTH + 1;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "p%d.json", i);
		if (i + 1 < n)
			snprintf(text, sizeof(text),
				 "{\"format\": 1, \"name\": \"p%d\", \"extends\": [\"./p%d.json\"]}", i, i + 1);
		else
			snprintf(text, sizeof(text), "{\"format\": 1, \"name\": \"p%d\"}", i);
		t_write(dir, name, text);
	}
	p = t_path(dir, "p0.json");
	CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), PL_ERR_LIMIT, "extends too deep");
	CHECK_HAS(d.message, "nested deeper than 16 packs", "extends too deep");
	free(p);
	/* One less loads. */
	p = t_path(dir, "p1.json");
	CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), PL_OK, "extends at the limit");
	pl_ruleset_free(&rs);
	free(p);
	t_rmtree(dir);
}

/* A pattern longer than PL_RULES_MAX_PATTERN once its vocabulary is expanded. */
static void check_pattern_limit(void)
{
	char *dir = t_mkdtemp(), *text, *p;
	size_t cap = 200000, n = 0, i;
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;

	text = malloc(cap);
	if (!text)
		exit(99);
	n += (size_t)snprintf(text + n, cap - n, "{\"format\": 1, \"name\": \"t\", \"vocabularies\": {\"w\": [");
	for (i = 0; i < 1500; i++)
		n += (size_t)snprintf(text + n, cap - n, "%s\"word%04zuxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
				      i ? "," : "", i);
	n += (size_t)snprintf(text + n, cap - n, "]},\n \"rules\": [%s]}",
			      R1("a.b", "pattern", "\"pattern\": \"{{w}}\""));
	t_write(dir, "main.json", text);
	p = t_path(dir, "main.json");
	CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), PL_ERR_LIMIT, "pattern limit");
	CHECK_HAS(d.message, "pattern longer than 65536 bytes once expanded", "pattern limit");
	CHECK_INT(d.line, 2, "pattern limit: line");
	free(p);
	free(text);
	t_rmtree(dir);
}

/* Scans one caption with a freshly loaded inline pack: how loading shaped matching. */
static size_t scan_count(const char *dir, const char *text, const char *ctx)
{
	struct pl_ruleset *rs = load_ok(dir, "main.json", ctx);
	struct pl_findings f;
	struct pl_diag d;
	size_t n;

	if (!rs)
		return (size_t)-1;
	pl_findings_init(&f);
	CHECK_INT(pl_scan_text(rs, "t", text, strlen(text), NULL, &f, &d), PL_OK, ctx);
	n = f.len;
	pl_findings_release(&f);
	pl_ruleset_free(&rs);
	return n;
}

static void check_vocabularies(void)
{
	char *dir = t_mkdtemp();

	/* '@' pulls in another vocabulary; words are normalised, so 'Élève' matches 'eleve'. */
	t_write(dir, "main.json",
		"{\"format\": 1, \"name\": \"t\", \"$comment\": \"top comment\",\n"
		" \"vocabularies\": {\"a\": [\"\xc3\x89l\xc3\xa8ve\", \"t-shirt\"], \"b\": [\"@a\", \"jas\", \"eleve\"]},\n"
		" \"rules\": [" R1("v.v", "pattern", "\"pattern\": \"\\\\b{{b}}\\\\b\", \"$comment\": \"c\"") "]}");
	CHECK_INT(scan_count(dir, "een ELEVE", "vocab: accent-free word"), 1, "vocab: accent-free word");
	CHECK_INT(scan_count(dir, "een \xc3\xa9l\xc3\xa8ve", "vocab: accented text"), 1,
		  "vocab: accented text");
	CHECK_INT(scan_count(dir, "rode JAS", "vocab: own word"), 1, "vocab: own word");
	CHECK_INT(scan_count(dir, "een tshirt", "vocab: t-shirt as tshirt"), 1,
		  "vocab: '-' in a word is optional");
	CHECK_INT(scan_count(dir, "een t shirt", "vocab: t-shirt as t shirt"), 1,
		  "vocab: '-' in a word may be a space");
	CHECK_INT(scan_count(dir, "een jasje", "vocab: no partial word"), 0, "vocab: no partial word");
	/* Regex metacharacters in words are literal. */
	t_write(dir, "main.json",
		"{\"format\": 1, \"name\": \"t\", \"vocabularies\": {\"m\": [\"a.b\", \"c+\", \"(d)\"]},\n"
		" \"rules\": [" R1("v.v", "pattern", "\"pattern\": \"{{m}}\"") "]}");
	CHECK_INT(scan_count(dir, "axb", "vocab: dot is literal"), 0, "vocab: dot is literal");
	CHECK_INT(scan_count(dir, "a.b", "vocab: dot"), 1, "vocab: dot");
	CHECK_INT(scan_count(dir, "ccc", "vocab: plus is literal"), 0, "vocab: plus is literal");
	CHECK_INT(scan_count(dir, "c+ (d)", "vocab: plus and parens"), 2, "vocab: plus and parens");
	t_rmtree(dir);
}

/* Nesting past the position scanner's depth still loads (and fast), and errors keep their place;
 * past cJSON's own limit it is invalid JSON. */
static void check_deep(void)
{
	static const struct {
		size_t depth;
		enum pl_status st;
		unsigned line, col;
	} rows[] = {
		{ 600, PL_ERR_RULES, 1, 28 },
		{ 2000, PL_ERR_SYNTAX, 1, 0 },
	};
	size_t k, i, n;

	for (k = 0; k < ARRAY_LEN(rows); k++) {
		char *text = malloc(rows[k].depth * 2 + 64), *dir = t_mkdtemp(), *p, ctx[64];
		struct pl_ruleset *rs = NULL;
		struct pl_diag d;

		if (!text)
			exit(99);
		n = (size_t)snprintf(text, 64, "{\"format\": 1, \"name\": \"t\", \"x\": ");
		for (i = 0; i < rows[k].depth; i++)
			text[n++] = '[';
		for (i = 0; i < rows[k].depth; i++)
			text[n++] = ']';
		text[n++] = '}';
		t_write_len(dir, "main.json", text, n);
		p = t_path(dir, "main.json");
		snprintf(ctx, sizeof(ctx), "rules nested %zu deep", rows[k].depth);
		CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), rows[k].st, ctx);
		CHECK_INT(d.line, rows[k].line, ctx);
		if (rows[k].col)
			CHECK_INT(d.column, rows[k].col, ctx);
		if (rows[k].st == PL_ERR_RULES)
			CHECK_HAS(d.message, "unknown key 'x' in a rules file", ctx);
		pl_ruleset_free(&rs);
		free(p);
		free(text);
		t_rmtree(dir);
	}
}

int main(void)
{
	check_core();
	check_missing_file();
	check_overrides();
	check_diamond();
	check_named();
	check_depth();
	check_pattern_limit();
	check_vocabularies();
	check_deep();
	CHECK(pl_validator_name(0, NULL) != NULL, "validator 0");
	CHECK_STR(pl_validator_name(1000, NULL), NULL, "validator past the end");
	TEST_DONE();
}
