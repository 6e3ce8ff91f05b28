/* SPDX-License-Identifier: Apache-2.0 */
/* The compiled-pattern cache: what one load notes, the next one takes back (the same matches, the
 * same prefilter literals), each entry once, keyed by the pattern and its caselessness; a file
 * that is not whole gives an empty cache; and a whole rule set loads to the same findings from
 * the cache as without it. */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "prefilter.h"
#include "regex.h"
#include "rules_cache.h"
#include "util.h"
#include "banned.h"

struct row {
	const char *pattern;
	int caseless;
	const char *text; /* where it must match */
};

static const struct row rows[] = {
	{ "\\bkerkstraat\\s+[0-9]+\\b", 1, "aan de Kerkstraat 12 stond" },
	{ "(?:rode|blauwe)\\s+(?:sneakers|broek)", 1, "droeg rode sneakers" },
	{ "AB-[0-9]{3}-CD", 0, "plaque AB-123-CD vue" },
	/* conditions that only gate: positive lookaheads of a pattern with no other */
	{ "(?=.{0,30}?\\b06)(?=.{0,30}?bel)[A-Z][a-z]+", 0, "Jan: bel 0612345678" },
};

static int matches(const struct regex *re, const char *text)
{
	struct regex_matcher m;
	size_t ms, me, vs, ve;
	int rc;

	if (regex_matcher_init(&m) != PL_OK)
		return -1;
	rc = regex_find(re, &m, text, strlen(text), 0, &ms, &me, &vs, &ve);
	regex_matcher_release(&m);
	return rc;
}

/* The literals of gate as one string "a|b;c" (conditions apart by ';'), with "<" and ">" where
 * a literal must start or end a word, and "=" before a condition read from a lookaround. */
static void gate_text(const struct prefilter *pf, const struct pf_gate *g, char *out, size_t len)
{
	size_t k, j, n = 0;

	out[0] = '\0';
	for (k = 0; k < g->n; k++)
		for (j = 0; j < g->conds[k].n && n + 1 < len; j++) {
			const struct pf_lit *l = &pf->lits[g->conds[k].lits[j]];

			n += (size_t)snprintf(out + n, len - n, "%s%s%s%s%s", j ? "|" : k ? ";" : "",
					      !j && k >= g->n - g->nlook ? "=" : "",
					      l->bound & PF_BOUND_START ? "<" : "", l->s,
					      l->bound & PF_BOUND_END ? ">" : "");
		}
}

static void check_round_trip(const char *dir)
{
	struct regex re[ARRAY_LEN(rows)], back;
	struct pf_gate gate[ARRAY_LEN(rows)], g2;
	struct prefilter pf, pf2;
	struct rules_cache *c;
	char want[256], got[256];
	size_t i;
	int done;

	prefilter_init(&pf);
	c = rules_cache_open(dir, "rules/default.json");
	CHECK(c != NULL, "a cache on an empty directory");
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		const struct row *r = &rows[i];

		CHECK(!rules_cache_take(c, r->pattern, strlen(r->pattern), r->caseless, &back, &pf,
					&g2, &done), "%s: nothing to take yet", r->pattern);
		CHECK_INT(regex_compile(&re[i], r->pattern, strlen(r->pattern), r->caseless, NULL, 0,
					NULL), PL_OK, r->pattern);
		regex_shape(&re[i], r->pattern, strlen(r->pattern));
		CHECK_INT(prefilter_add(&pf, r->pattern, strlen(r->pattern), NULL, NULL, &gate[i]), 0,
			  r->pattern);
		CHECK_INT(rules_cache_note(c, r->pattern, strlen(r->pattern), r->caseless, &re[i],
					   &gate[i], 0), 0, r->pattern);
	}
	rules_cache_save(c, &pf);
	rules_cache_free(&c);
	CHECK(c == NULL, "free clears the pointer");

	prefilter_init(&pf2);
	c = rules_cache_open(dir, "rules/default.json");
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		const struct row *r = &rows[i];

		/* the other caselessness is another entry */
		CHECK(!rules_cache_take(c, r->pattern, strlen(r->pattern), !r->caseless, &back, &pf2,
					&g2, &done), "%s: not taken with the other case", r->pattern);
		CHECK(rules_cache_take(c, r->pattern, strlen(r->pattern), r->caseless, &back, &pf2, &g2,
				       &done), "%s: taken", r->pattern);
		CHECK(done, "%s: literals come back", r->pattern);
		CHECK(back.code == NULL, "%s: not decoded before its first match", r->pattern);
		CHECK_INT(matches(&back, r->text), 1, r->pattern);
		CHECK(back.code != NULL, "%s: decoded by its first match", r->pattern);
		CHECK_INT(matches(&back, "nothing here"), 0, r->pattern);
		/* the shape comes back as computed: a load from the cache does not compute it */
		CHECK(back.has_reach == re[i].has_reach &&
		      !memcmp(back.reach, re[i].reach, sizeof(back.reach)) &&
		      !memcmp(back.consume, re[i].consume, sizeof(back.consume)),
		      "%s: the bytes it reaches and consumes", r->pattern);
		CHECK_INT(back.width, re[i].width, r->pattern);
		CHECK_INT(back.ahead, re[i].ahead, r->pattern);
		CHECK_INT(back.digits, re[i].digits, r->pattern);
		gate_text(&pf, &gate[i], want, sizeof(want));
		gate_text(&pf2, &g2, got, sizeof(got));
		CHECK_STR(got, want, r->pattern);
		/* the first row's literal is bound to a word at both ends, and stays so */
		CHECK(i || strstr(want, "<kerkstraat>"), "%s: literals %s", r->pattern, want);
		CHECK(!rules_cache_take(c, r->pattern, strlen(r->pattern), r->caseless, &back, &pf2,
					&g2, &done), "%s: taken once", r->pattern);
		regex_release(&back);
		pf_gate_release(&g2);
	}
	rules_cache_free(&c);
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		regex_release(&re[i]);
		pf_gate_release(&gate[i]);
	}
	prefilter_release(&pf);
	prefilter_release(&pf2);
}

/* Every prefix of a good file, and the file with each of a few bytes flipped: an empty cache. */
static void check_damaged(const char *dir)
{
	struct prefilter pf;
	struct regex back;
	struct pf_gate g;
	struct rules_cache *c;
	char *name = NULL, *good = NULL;
	size_t len = 0, cut, i;
	struct pl_diag d;
	int done;
	FILE *f;

	c = rules_cache_open(dir, "rules/default.json");
	rules_cache_free(&c);
	/* the file rules_cache_open looks for: the only one in dir */
	{
		char cmd[512];

		snprintf(cmd, sizeof(cmd), "ls %s/*.plrc", dir);
		f = popen(cmd, "r");
		if (f) {
			char buf[400];

			if (fgets(buf, sizeof(buf), f)) {
				buf[strcspn(buf, "\n")] = '\0';
				name = strdup(buf);
			}
			pclose(f);
		}
	}
	CHECK(name != NULL, "the cache file was written");
	if (!name)
		return;
	pl_diag_init(&d);
	CHECK_INT(file_read_all(name, 1u << 26, &good, &len, &d), PL_OK, name);
	prefilter_init(&pf);
	for (cut = 0; good && cut <= len; cut += cut < 64 ? 1 : len / 50 + 1) {
		for (i = 0; i < 2; i++) {
			char *bytes = malloc(len + 1);

			memcpy(bytes, good, len);
			if (i && cut < len)
				bytes[cut] ^= 0x5a;
			f = fopen(name, "wb");
			fwrite(bytes, 1, i ? len : cut, f);
			fclose(f);
			free(bytes);
			c = rules_cache_open(dir, "rules/default.json");
			CHECK(!rules_cache_take(c, rows[0].pattern, strlen(rows[0].pattern),
						rows[0].caseless, &back, &pf, &g, &done) ||
				      (i == 0 && cut == len) || (i == 1 && cut == len),
			      "%s at %zu: not used", i ? "flipped" : "cut", cut);
			rules_cache_free(&c);
		}
	}
	prefilter_release(&pf);
	free(good);
	free(name);
}

/* A cache others could have written is not read: the directory group- or world-writable. */
static void check_private(const char *dir)
{
	struct prefilter pf;
	struct regex re, back;
	struct rules_cache *c;
	int done, mode;

	prefilter_init(&pf);
	for (mode = 0; mode < 2; mode++) {
		chmod(dir, mode ? 0777 : 0700);
		c = rules_cache_open(dir, "rules/plates.json");
		if (mode == 0 && regex_compile(&re, "x+y", 3, 1, NULL, 0, NULL) == PL_OK) {
			rules_cache_note(c, "x+y", 3, 1, &re, NULL, 0);
			rules_cache_save(c, &pf);
			regex_release(&re);
		}
		rules_cache_free(&c);
		c = rules_cache_open(dir, "rules/plates.json");
		CHECK_INT(rules_cache_take(c, "x+y", 3, 1, &back, &pf, NULL, &done), mode == 0,
			  mode ? "a directory others may write" : "a private directory");
		if (mode == 0)
			regex_release(&back);
		rules_cache_free(&c);
	}
	chmod(dir, 0700);
	prefilter_release(&pf);
}

/* The inode of the only cache file in dir, 0 when none. */
static ino_t cache_inode(const char *dir)
{
	char cmd[512], buf[400];
	struct stat sb;
	ino_t ino = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ls %s/*.plrc 2>/dev/null", dir);
	if (!(f = popen(cmd, "r")))
		return 0;
	if (fgets(buf, sizeof(buf), f)) {
		buf[strcspn(buf, "\n")] = '\0';
		if (stat(buf, &sb) == 0)
			ino = sb.st_ino;
	}
	pclose(f);
	return ino;
}

/*
 * A load that takes every entry with its literals notes them without copies, and does not write
 * the file again; a load that also compiles a new pattern writes the taken ones back as they
 * were (literals included) beside the new one; a noted entry forgotten before its code is freed
 * is not written; the count of literals comes back for the next load to size its table.
 */
static void check_taken_notes(const char *dir)
{
	static const char *const fresh = "neu+e";
	struct prefilter pf;
	struct regex re[ARRAY_LEN(rows) + 1];
	struct pf_gate gate[ARRAY_LEN(rows) + 1];
	struct rules_cache *c;
	size_t i, round, nlits = 0;
	ino_t ino;
	int done;

	for (round = 0; round < 4; round++) {
		prefilter_init(&pf);
		c = rules_cache_open(dir, "rules/witness.json");
		if (round > 0)
			CHECK(rules_cache_literals(c) == nlits && nlits > 0,
			      "round %zu: the count of literals %zu, not %zu", round,
			      rules_cache_literals(c), nlits);
		ino = cache_inode(dir);
		for (i = 0; i < ARRAY_LEN(rows); i++) {
			const struct row *r = &rows[i];
			int taken = rules_cache_take(c, r->pattern, strlen(r->pattern), r->caseless,
						     &re[i], &pf, &gate[i], &done);

			CHECK(taken == (round > 0), "round %zu: %s taken: %d", round, r->pattern, taken);
			if (!taken) {
				regex_compile(&re[i], r->pattern, strlen(r->pattern), r->caseless, NULL,
					      0, NULL);
				regex_shape(&re[i], r->pattern, strlen(r->pattern));
				prefilter_add(&pf, r->pattern, strlen(r->pattern), NULL, NULL, &gate[i]);
			}
			CHECK(!taken || done, "round %zu: %s: literals back", round, r->pattern);
			rules_cache_note(c, r->pattern, strlen(r->pattern), r->caseless, &re[i],
					 &gate[i], taken);
		}
		if (round == 2) {
			/* a new pattern, and the last row forgotten before its code goes */
			regex_compile(&re[i], fresh, strlen(fresh), 1, NULL, 0, NULL);
			regex_shape(&re[i], fresh, strlen(fresh));
			prefilter_add(&pf, fresh, strlen(fresh), NULL, NULL, &gate[i]);
			rules_cache_note(c, fresh, strlen(fresh), 1, &re[i], &gate[i], 0);
			rules_cache_forget(c, &re[i - 1]);
		}
		if (round == 0)
			nlits = pf.nlits;
		rules_cache_save(c, &pf);
		if (round == 1)
			CHECK(cache_inode(dir) == ino && ino, "round 1: everything taken, not written");
		if (round == 2)
			CHECK(cache_inode(dir) != ino, "round 2: a new pattern, written");
		rules_cache_free(&c);
		for (i = 0; i < ARRAY_LEN(rows) + (round == 2); i++) {
			regex_release(&re[i]);
			pf_gate_release(&gate[i]);
		}
		prefilter_release(&pf);
		if (round == 2)
			break;
	}
	/* round 3: the forgotten row is gone, the new pattern and the others are there */
	prefilter_init(&pf);
	c = rules_cache_open(dir, "rules/witness.json");
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		const struct row *r = &rows[i];
		int taken = rules_cache_take(c, r->pattern, strlen(r->pattern), r->caseless, &re[i],
					     &pf, &gate[i], &done);

		CHECK(taken == (i + 1 < ARRAY_LEN(rows)), "after the rewrite: %s: %d", r->pattern, taken);
		CHECK(!taken || (done && gate[i].n > 0), "after the rewrite: %s: literals", r->pattern);
		CHECK(!taken || matches(&re[i], r->text) == 1, "after the rewrite: %s matches",
		      r->pattern);
		if (taken) {
			regex_release(&re[i]);
			pf_gate_release(&gate[i]);
		}
	}
	CHECK(rules_cache_take(c, fresh, strlen(fresh), 1, &re[0], &pf, &gate[0], &done) && done,
	      "after the rewrite: the new pattern");
	CHECK_INT(matches(&re[0], "neuuue"), 1, "the new pattern matches");
	regex_release(&re[0]);
	pf_gate_release(&gate[0]);
	rules_cache_free(&c);
	prefilter_release(&pf);
}

/* A code decoded on its first match knows its group 'v', the evidence, from then on. */
static void check_lazy_group(const char *dir)
{
	static const char pat[] = "plaque\\s+(?<v>[a-z]{2}-[0-9]{3})";
	static const char text[] = "la plaque ab-123 vue";
	struct regex re, back;
	struct pf_gate gate, g2;
	struct prefilter pf;
	struct regex_matcher m;
	struct rules_cache *c;
	size_t ms = 0, me = 0, vs = 0, ve = 0;
	int done;

	prefilter_init(&pf);
	c = rules_cache_open(dir, "rules/plates.json");
	CHECK_INT(regex_compile(&re, pat, strlen(pat), 1, NULL, 0, NULL), PL_OK, pat);
	regex_shape(&re, pat, strlen(pat));
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &gate);
	rules_cache_note(c, pat, strlen(pat), 1, &re, &gate, 0);
	rules_cache_save(c, &pf);
	rules_cache_free(&c);
	regex_release(&re);
	pf_gate_release(&gate);
	prefilter_release(&pf);

	prefilter_init(&pf);
	c = rules_cache_open(dir, "rules/plates.json");
	CHECK(rules_cache_take(c, pat, strlen(pat), 1, &back, &pf, &g2, &done), "taken");
	CHECK(back.code == NULL && back.ser != NULL, "lazy until its first match");
	CHECK_INT(regex_matcher_init(&m), PL_OK, "matcher");
	CHECK_INT(regex_find(&back, &m, text, strlen(text), 0, &ms, &me, &vs, &ve), 1, "found");
	CHECK(ms == 3 && me == 16 && vs == 10 && ve == 16, "match %zu-%zu, v %zu-%zu", ms, me, vs,
	      ve);
	regex_matcher_release(&m);
	regex_release(&back);
	pf_gate_release(&g2);
	rules_cache_free(&c);
	prefilter_release(&pf);
}

struct racer {
	const struct regex *re;
	const int *go;
	int found;  /* matches with the right evidence */
};

static void *race(void *arg)
{
	static const char text[] = "la plaque ab-123 vue";
	struct racer *r = arg;
	struct regex_matcher m;
	size_t ms, me, vs, ve, i;

	if (regex_matcher_init(&m) != PL_OK)
		return NULL;
	while (!__atomic_load_n(r->go, __ATOMIC_ACQUIRE))
		sched_yield();
	/* enough text for the JIT copy to be made while the others still interpret */
	for (i = 0; i < 4 * REGEX_JIT_AFTER / sizeof(text); i++)
		r->found += regex_find(r->re, &m, text, strlen(text), 0, &ms, &me, &vs, &ve) == 1 &&
			    vs == 10 && ve == 16;
	regex_matcher_release(&m);
	return NULL;
}

/* Threads that share a lazy code from their first match on: each decodes or takes another's, one
 * makes the JIT copy while the others go on interpreting, and all of them match alike. */
static void check_lazy_threads(const char *dir)
{
	static const char pat[] = "plaque\\s+(?<v>[a-z]{2}-[0-9]{3})";
	struct regex back;
	struct pf_gate g;
	struct prefilter pf;
	struct rules_cache *c;
	struct racer r[4];
	pthread_t t[4];
	int go = 0;
	size_t i, n = 0, want = 4 * REGEX_JIT_AFTER / sizeof("la plaque ab-123 vue");
	int done;

	prefilter_init(&pf);
	c = rules_cache_open(dir, "rules/plates.json");
	CHECK(rules_cache_take(c, pat, strlen(pat), 1, &back, &pf, &g, &done), "taken");
	CHECK(back.code == NULL && back.ser != NULL, "lazy until its first match");
	for (i = 0; i < ARRAY_LEN(t); i++) {
		r[n] = (struct racer){ &back, &go, 0 };
		if (pthread_create(&t[n], NULL, race, &r[n]) == 0)
			n++;
	}
	CHECK_INT(n, ARRAY_LEN(t), "threads started");
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		CHECK_INT(r[i].found, want, "thread's matches");
	}
	CHECK(back.code != NULL && (back.jit != NULL || back.jit_failed), "decoded, JIT compiled");
	regex_release(&back);
	pf_gate_release(&g);
	rules_cache_free(&c);
	prefilter_release(&pf);
}

/* Findings of text with the pack at dir/pack.json, through the cache in cache. */
static size_t findings_of(const char *dir, const char *cache, const char *text)
{
	const char *dirs[] = { "rules" };
	struct pl_rules_search search = { dirs, 1, cache };
	struct pl_ruleset *rs = NULL;
	struct pl_findings f;
	struct pl_diag d;
	char *pack = t_path(dir, "pack.json");
	size_t n = (size_t)-1;

	pl_findings_init(&f);
	CHECK_INT(pl_ruleset_load(&rs, pack, &search, &d), PL_OK, d.message);
	if (rs && pl_scan_text(rs, "t", text, strlen(text), NULL, &f, &d) == PL_OK)
		n = f.len;
	pl_findings_release(&f);
	pl_ruleset_free(&rs);
	free(pack);
	return n;
}

/*
 * A pattern's key names its vocabularies by a digest of their words, not by their expansion: a
 * word added to a list, with the cache warm, is matched by the next load (the key changed and
 * the pattern is compiled again), and a word taken out no longer is.
 */
static void check_vocabulary_edit(const char *cache)
{
	static const char pack[] =
		"{\"format\": 1, \"name\": \"p\", \"vocabularies\": {\"colour\": [%s]},\n"
		" \"rules\": [{\"id\": \"c.jas\", \"kind\": \"pattern\", \"category\": \"clothing\",\n"
		"  \"severity\": \"error\", \"message\": \"m\", \"fix\": \"f\",\n"
		"  \"pattern\": \"\\\\b{{colour}}\\\\s+jas\\\\b\",\n"
		"  \"examples\": {\"match\": [\"rode jas\"], \"no_match\": [\"jas\"]}}]}";
	char *dir = t_mkdtemp(), text[1024];

	snprintf(text, sizeof(text), pack, "\"rode\"");
	t_write(dir, "pack.json", text);
	CHECK_INT(findings_of(dir, cache, "een rode jas"), 1, "cold: the word that is there");
	CHECK_INT(findings_of(dir, cache, "een groene jas"), 0, "warm: the word that is not there");
	snprintf(text, sizeof(text), pack, "\"rode\", \"groene\"");
	t_write(dir, "pack.json", text);
	CHECK_INT(findings_of(dir, cache, "een groene jas"), 1, "a word added, the cache warm");
	CHECK_INT(findings_of(dir, cache, "een groene jas"), 1, "and again, from the cache");
	snprintf(text, sizeof(text), pack, "\"groene\"");
	t_write(dir, "pack.json", text);
	CHECK_INT(findings_of(dir, cache, "een rode jas"), 0, "a word taken out, the cache warm");
	t_rmtree(dir);
}

/*
 * A fragment's syntax check is noted in the cache with its shape ({{name}} as a group of as many
 * bytes): a warm load takes it back instead of compiling the fragment again, and a fragment
 * edited into a bad pattern is compiled, and reported, on the next load.
 */
static void check_fragment_edit(const char *cache)
{
	static const char pack[] =
		"{\"format\": 1, \"name\": \"p\", \"vocabularies\": {\"colour\": [\"rode\"]},\n"
		" \"fragments\": {\"item\": \"%s\"},\n"
		" \"rules\": [{\"id\": \"c.jas\", \"kind\": \"pattern\", \"category\": \"clothing\",\n"
		"  \"severity\": \"error\", \"message\": \"m\", \"fix\": \"f\",\n"
		"  \"pattern\": \"\\\\b{{item}}\\\\b\",\n"
		"  \"examples\": {\"match\": [\"rode jas\"], \"no_match\": [\"jas\"]}}]}";
	static const char shape[] = "(?:xxxxxx)\\s+(?:jas|broek)";
	const char *dirs[] = { "rules" };
	struct pl_rules_search search = { dirs, 1, cache };
	char *dir = t_mkdtemp(), *path = t_path(dir, "pack.json"), text[1024];
	struct pl_ruleset *rs = NULL;
	struct rules_cache *c;
	struct prefilter pf;
	struct regex back;
	struct pl_diag d;
	int done;

	snprintf(text, sizeof(text), pack, "{{colour}}\\\\s+(?:jas|broek)");
	t_write(dir, "pack.json", text);
	CHECK_INT(findings_of(dir, cache, "een rode broek"), 1, "cold: the fragment compiled");
	prefilter_init(&pf);
	c = rules_cache_open(cache, path);
	CHECK(rules_cache_take(c, shape, strlen(shape), 1, &back, &pf, NULL, &done),
	      "the fragment's check is in the cache as its shape");
	regex_release(&back);
	rules_cache_free(&c);
	prefilter_release(&pf);
	CHECK_INT(findings_of(dir, cache, "een rode broek"), 1, "warm: the check taken back");
	snprintf(text, sizeof(text), pack, "{{colour}}\\\\s+(?:jas|broek");
	t_write(dir, "pack.json", text);
	CHECK_INT(pl_ruleset_load(&rs, path, &search, &d), PL_ERR_RULES,
		  "a fragment edited into a bad pattern, the cache warm");
	CHECK(strstr(d.message, "bad pattern in fragment 'item'") != NULL, "%s", d.message);
	pl_ruleset_free(&rs);
	free(path);
	t_rmtree(dir);
}

/* A whole pack: the same findings with a cold cache, a warm one and none. */
static void check_ruleset(const char *dir)
{
	static const char text[] = "Inbraak aan de Kerkstraat 12a, verdachte droeg rode sneakers en "
				   "een blauwe broek; auto 52-HKS-7, IBAN NL91 ABNA 0417 1643 00.";
	const char *dirs[] = { "rules" };
	struct pl_rules_search search = { dirs, 1, NULL };
	size_t n[3] = { 0 }, k;

	for (k = 0; k < 3; k++) {
		struct pl_ruleset *rs = NULL;
		struct pl_findings f;
		struct pl_diag d;

		search.cache_dir = k ? dir : NULL;
		pl_findings_init(&f);
		CHECK_INT(pl_ruleset_load(&rs, "rules/default.json", &search, &d), PL_OK, d.message);
		if (rs)
			CHECK_INT(pl_scan_text(rs, "t", text, strlen(text), NULL, &f, &d), PL_OK, "scan");
		n[k] = f.len;
		pl_findings_release(&f);
		pl_ruleset_free(&rs);
	}
	CHECK(n[0] >= 4, "findings without a cache: %zu", n[0]);
	CHECK_INT(n[1], n[0], "cold cache");
	CHECK_INT(n[2], n[0], "warm cache");
}

int main(void)
{
	char *dir = t_mkdtemp(), *dir2 = t_mkdtemp(), *dir3 = t_mkdtemp();
	char *sub = t_path(dir3, "a/b/c");

	check_round_trip(dir);
	check_lazy_group(dir2);
	check_lazy_threads(dir2);
	check_damaged(dir);
	check_taken_notes(dir3);
	check_vocabulary_edit(dir);
	check_fragment_edit(dir3);
	check_ruleset(dir2);
	check_ruleset(sub); /* missing parents are made */
	check_private(dir2);
	t_rmtree(dir);
	t_rmtree(dir2);
	t_rmtree(dir3);
	free(sub);
	TEST_DONE();
}
