/* SPDX-License-Identifier: Apache-2.0 */
/* The literal prefilter must never close the gate on text the pattern matches (soundness), and
 * should find selective literals. Rows: pattern, a text it matches, the literal sets expected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "prefilter.h"
#include "regex.h"
#include "banned.h"

struct row {
	const char *pattern;
	const char *matching_text;  /* lower case, as the normalised text is */
	const char *sets;           /* expected: sets separated by ';', literals by ',' ("" for none);
				     * '=' opens a set read from a lookaround, which only gates */
};

static const struct row rows[] = {
	{ "\\b(?:rood|blauw)\\s+(?:jas|broek)\\b", "een blauwe jas? nee: blauw  broek", "\\brood\\b,\\bblauw\\b;\\bjas\\b,\\bbroek\\b" },
	{ "\\bwe\\s+staan", "twee, we staan", "\\bwe\\b;\\bstaan" /* \\s stands for \\b */ },
	{ "(?<![\\w,])nu\\s+bij", "nu bij", "\\bnu\\b;\\bbij" },
	{ "ab(?!\\w)c?", "ab", "ab\\b" },
	{ "ab(?![a-z])", "ab1", "ab" /* a digit may follow */ },
	{ "x\\s*we", "xwe", "we" /* \\s* may be empty: no bound */ },
	{ "(?:foo|\\s)+we", "foowe", "we" /* the group is not one character never a word's */ },
	/* \b next to a byte that is not a word's says the opposite: no bound there */
	{ "\\b's\\b", "x's", "'s\\b" },
	{ "\\b[0-9]x", "a 5x", "\\b0x,\\b1x,\\b2x,\\b3x,\\b4x,\\b5x,\\b6x,\\b7x,\\b8x,\\b9x" },
	{ "\\b\\d{4}\\b", "1234", "0,1,2,3,4,5,6,7,8,9" },
	/* a full stop, comma, colon or semicolon is in nearly every caption: no condition */
	{ "ab\\s*[.,]\\s*cd", "ab . cd", "ab;cd" },
	{ "\\bnr\\s*:\\s*[0-9]", "nr : 5", "0,1,2,3,4,5,6,7,8,9;\\bnr" },
	{ "a\\bb|\\bab", "x ab", "ab,\\bab" /* a \b inside a literal only weakens it */ },
	{ "kerkstraat\\s+\\d+", "kerkstraat 12", "kerkstraat\\b;0,1,2,3,4,5,6,7,8,9" },
	{ "[\\s-]+verbaal", "proces-verbaal", "\\bverbaal" },
	{ "roces(?:[\\s-]+verbaal|verbaal)", "proces verbaal", "roces;verbaal" },
	{ "a(?:|b)cd", "acd", "acd,abcd" },
	{ "n[°o]\\.?\\s?12", "no 12", "n°,no;12" /* a class member may be a whole UTF-8 character */ },
	{ "\\bcaf[éèe]\\b", "un cafè", "\\bcafé,\\bcafè,\\bcafe\\b" /* no bound after a byte beyond ASCII */ },
	{ "x[é-ë]yz", "xêyz", "yz" /* a range of them: unmodelled */ },
	/* caseless: a capital beyond ASCII, in a class or not, as the lower-cased text has it */
	{ "\\bcaf[ÉE]\\b", "café", "\\bcafé,\\bcafe\\b" },
	{ "\\bÉcole\\b", "école", "école\\b" },
	{ "(?<![\\w.,/-])\\d{4} ?[a-z]{2}", "1234 ab", "0,1,2,3,4,5,6,7,8,9" },
	{ "x*abc", "abc", "abc" },
	{ "(?:ab)+c", "ababc", "ab" /* a repeated group ends the exact run */ },
	{ "abc?d", "abd", "abd,abcd" },
	{ "foo|bar.*", "bar", "foo,bar" },
	{ "foo|.", "z", "" },
	{ "(?i)straat \\d", "straat 9", "straat 0,straat 1,straat 2,straat 3,straat 4,straat 5,straat 6,straat 7,straat 8,straat 9" },
	{ "(?x) s t r a a t", "straat", "" },
	{ "\\Qa.b\\E\\d", "a.b1", "a.b0,a.b1,a.b2,a.b3,a.b4,a.b5,a.b6,a.b7,a.b8,a.b9" },
	{ "(a)\\1bc", "aabc", "bc" },
	{ "[^a]bc", "xbc", "bc" },
	{ "\\d{2}", "42", "0,1,2,3,4,5,6,7,8,9" /* 100 pairs is past the exact limit */ },
	{ "ab(?=c)", "abc", "ab" },
	{ "(?:straat|laan|weg)(?:\\s+\\d+)", "weg 4", "straat,laan,weg;0,1,2,3,4,5,6,7,8,9" },
	{ "https?://maps", "http://maps", "http://maps,https://maps" },
	/* positive lookarounds at the top gate a pattern that has no other condition, and only
	 * then; not one in an alternative, a group, an optional one or a negative one */
	{ "(?=[a-z]*\\d)(?=.*?zz)\\w+", "ab1zz", "=0,=1,=2,=3,=4,=5,=6,=7,=8,=9;=zz" },
	{ "(?<=kerk)\\w+", "kerkpad", "=kerk" },
	{ "(?<=kerk)straat", "kerkstraat", "straat" },
	{ "(?!foo)\\w+", "bar", "" },
	{ "(?=foo)?\\w+", "bar", "" },
	{ "(?=foo)\\w+|x", "x", "" },
	{ "(?:(?=foo)\\w+)", "foo", "" },
	{ "geo:-?\\d", "geo:-1", "geo:0,geo:1,geo:2,geo:3,geo:4,geo:5,geo:6,geo:7,geo:8,geo:9,geo:-0,geo:-1,geo:-2,geo:-3,geo:-4,geo:-5,geo:-6,geo:-7,geo:-8,geo:-9" },
};

/* Renders a gate as "a,b;c" with each set's literals sorted, for comparison. */
static void render(const struct prefilter *pf, const struct pf_gate *g, char *out, size_t cap)
{
	size_t i, j, used = 0;

	out[0] = '\0';
	for (i = 0; i < g->n; i++) {
		const char *lits[4096];
		size_t n = g->conds[i].n < 4096 ? g->conds[i].n : 4096;

		for (j = 0; j < n; j++)
			lits[j] = pf->lits[g->conds[i].lits[j]].s;
		used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s", i ? ";" : "");
		for (j = 0; j < n; j++) {
			unsigned bd = pf->lits[g->conds[i].lits[j]].bound;

			/* a literal bound to a word's start or end shows the pattern's \b there; one
			 * of a lookaround's condition is marked '=' */
			used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s%s%s%s",
						 j ? "," : "", i >= g->n - g->nlook ? "=" : "",
						 bd & PF_BOUND_START ? "\\b" : "", lits[j],
						 bd & PF_BOUND_END ? "\\b" : "");
		}
	}
}

/* Sorts each ';'-separated set's ','-separated literals, so that order does not matter. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void canonical(const char *in, char *out, size_t cap)
{
	char buf[4096], *sets[16], *lits[512], done[16][1024];
	const char *sorted[16];
	size_t ns = 0, i, used = 0;
	char *p, *q;

	snprintf(buf, sizeof(buf), "%s", in);
	out[0] = '\0';
	if (!buf[0])
		return;
	for (p = buf; p && ns < 16; p = q) {
		q = strchr(p, ';');
		if (q)
			*q++ = '\0';
		sets[ns++] = p;
	}
	/* literals sorted inside each set first, then the sets themselves */
	for (i = 0; i < ns; i++) {
		size_t nl = 0, j, u = 0;

		for (p = sets[i]; p && nl < 512; p = q) {
			q = strchr(p, ',');
			if (q)
				*q++ = '\0';
			lits[nl++] = p;
		}
		qsort(lits, nl, sizeof(*lits), cmp_str);
		done[i][0] = '\0';
		for (j = 0; j < nl; j++)
			u += (size_t)snprintf(done[i] + u, u < sizeof(done[i]) ? sizeof(done[i]) - u : 0,
					      "%s%s", j ? "," : "", lits[j]);
		sorted[i] = done[i];
	}
	qsort(sorted, ns, sizeof(*sorted), cmp_str);
	for (i = 0; i < ns; i++)
		used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s", i ? ";" : "",
					 sorted[i]);
}

static void check_row(const struct row *r)
{
	struct prefilter pf;
	struct pf_gate g;
	struct regex re;
	struct regex_matcher m;
	uint64_t *found;
	char got[8192], a[8192], b[8192], err[128];
	size_t eo, ms, me, vs, ve, len = strlen(r->matching_text);

	prefilter_init(&pf);
	CHECK(prefilter_add(&pf, r->pattern, strlen(r->pattern), NULL, NULL, &g) == 0, "%s: no memory", r->pattern);
	CHECK_INT(prefilter_seal(&pf), 0, "sealing");
	/* the row's text really matches the pattern ... */
	CHECK(regex_compile(&re, r->pattern, strlen(r->pattern), 1, err, sizeof(err), &eo) == PL_OK,
	      "%s: %s", r->pattern, err);
	regex_matcher_init(&m);
	CHECK(regex_find(&re, &m, r->matching_text, len, 0, &ms, &me, &vs, &ve) == 1,
	      "row text '%s' must match '%s'", r->matching_text, r->pattern);
	/* ... so the gate must be open on it */
	found = calloc(PF_WORDS(pf.nlits) + 1, sizeof(*found));
	prefilter_scan(&pf, r->matching_text, len, found, NULL);
	CHECK(pf_gate_open(&g, found), "gate closed on matching text '%s' for '%s'", r->matching_text,
	      r->pattern);
	render(&pf, &g, got, sizeof(got));
	canonical(got, a, sizeof(a));
	canonical(r->sets, b, sizeof(b));
	CHECK(!strcmp(a, b), "%s: literals '%s', want '%s'", r->pattern, a, b);
	free(found);
	regex_matcher_release(&m);
	regex_release(&re);
	pf_gate_release(&g);
	prefilter_release(&pf);
}

/* A gate with a condition stays closed on text without any of its literals. */
static void check_closed(void)
{
	struct prefilter pf;
	struct pf_gate g;
	uint64_t found[4] = { 0 };
	const char *pat = "\\b(?:rood|blauw)\\s+jas";

	prefilter_init(&pf);
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &g);
	prefilter_seal(&pf);
	prefilter_scan(&pf, "een groene broek", 16, found, NULL);
	CHECK(!pf_gate_open(&g, found), "gate open on text without 'rood'/'blauw'");
	/* the words inside others do not count: \b must hold before them */
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "dooerood sblauw jas", strlen("dooerood sblauw jas"), found, NULL);
	CHECK(!pf_gate_open(&g, found), "gate open on 'rood'/'blauw' inside words");
	/* a byte from 0x80 up may or may not end a word: the hit counts */
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "\xc3\xa9rood jas", strlen("\xc3\xa9rood jas"), found, NULL);
	CHECK(pf_gate_open(&g, found), "gate closed on 'rood' after a non-ASCII byte");
	pf_gate_release(&g);
	prefilter_release(&pf);
	/* a lookahead's literal may lie past the match, but must be in the text */
	pat = "(?=.{0,40}?06)\\w+";
	prefilter_init(&pf);
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &g);
	prefilter_seal(&pf);
	CHECK(g.n == 1 && g.nlook == 1, "'%s': %zu conditions, %zu of a lookaround", pat, g.n, g.nlook);
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "bel me op 0612345678", 20, found, NULL);
	CHECK(pf_gate_open(&g, found), "lookahead gate closed on a text with '06'");
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "bel me op 0712345678", 20, found, NULL);
	CHECK(!pf_gate_open(&g, found), "lookahead gate open on a text without '06'");
	pf_gate_release(&g);
	prefilter_release(&pf);
}

/* A condition keeps only the words of its id set that are not zero, each with its index, and
 * answers as the whole set would: ids far apart, in the same word and in words between. */
static void check_sparse_words(void)
{
	static const struct {
		uint32_t found_id;
		int open;
	} cases[] = {
		{ 3, 1 }, { 700, 1 }, { 5001, 1 }, { 5000, 1 },
		{ 4, 0 }, { 702, 0 }, { 64, 0 }, { 4999, 0 }, { 5002, 0 }, { 7000, 0 },
	};
	uint32_t ids[] = { 5001, 700, 3, 5000, 700 };
	struct pf_gate g;
	uint64_t found[PF_WORDS(7001)];
	size_t i;

	memset(&g, 0, sizeof(g));
	g.n = 1;
	g.conds[0].lits = malloc(sizeof(ids));
	CHECK(g.conds[0].lits != NULL, "no memory");
	if (!g.conds[0].lits)
		return;
	memcpy(g.conds[0].lits, ids, sizeof(ids));
	g.conds[0].n = ARRAY_LEN(ids);
	CHECK(pf_cond_seal(&g.conds[0]) == 0, "seal failed");
	CHECK(g.conds[0].n == 4, "ids once each: %zu, want 4", g.conds[0].n);
	CHECK(g.conds[0].nw == 3, "words kept: %zu, want 3 (0, 10 and 78)", g.conds[0].nw);
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		memset(found, 0, sizeof(found));
		found[cases[i].found_id >> 6] |= 1ull << (cases[i].found_id & 63);
		CHECK(pf_gate_open(&g, found) == cases[i].open, "id %u found: gate %s, want %s",
		      (unsigned)cases[i].found_id, cases[i].open ? "closed" : "open",
		      cases[i].open ? "open" : "closed");
	}
	pf_gate_release(&g);
}

/* Hit positions come in text order, once per caption for conditions alike in content. */
static void check_memo(void)
{
	static const char text[] = "rood, blauw en rood; jas 1 rood";
	struct prefilter pf;
	struct pf_gate a, b;
	struct pf_hits hits;
	struct cond_memo memo;
	uint64_t found[4] = { 0 };
	const char *pat = "\\b(?:rood|blauw)\\s+jas";
	const uint32_t *pa, *pb;
	size_t na = 0, nb = 0;
	static const uint32_t want[] = { 0, 6, 15, 27 };

	memset(&hits, 0, sizeof(hits));
	memset(&memo, 0, sizeof(memo));
	prefilter_init(&pf);
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &a);
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &b);
	CHECK(a.n >= 1 && b.n == a.n, "conditions: %zu and %zu", a.n, b.n);
	prefilter_seal(&pf);
	prefilter_scan(&pf, text, strlen(text), found, &hits);
	cond_memo_reset(&memo);
	pa = cond_memo_positions(&memo, &a.conds[0], found, &hits, pf_cond_hits(&a.conds[0], found, &hits), &na);
	pb = cond_memo_positions(&memo, &b.conds[0], found, &hits, pf_cond_hits(&b.conds[0], found, &hits), &nb);
	CHECK(a.conds[0].lits != b.conds[0].lits && a.conds[0].key == b.conds[0].key,
	      "two copies of one condition, one key");
	CHECK(pa && pa == pb && na == nb, "the second copy is answered from the first");
	CHECK_INT(na, ARRAY_LEN(want), "hits of rood|blauw");
	for (size_t i = 0; pa && i < na && i < ARRAY_LEN(want); i++)
		CHECK_INT(pa[i], want[i], "position");
	/* the next caption asks again */
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "blauw", 5, found, &hits);
	cond_memo_reset(&memo);
	pa = cond_memo_positions(&memo, &a.conds[0], found, &hits, pf_cond_hits(&a.conds[0], found, &hits), &na);
	CHECK(pa && na == 1 && pa[0] == 0, "after a reset: %zu hits", na);
	cond_memo_release(&memo);
	pf_hits_release(&hits);
	pf_gate_release(&a);
	pf_gate_release(&b);
	prefilter_release(&pf);
}

/* Deterministic pseudo-random numbers for the scan oracle. */
static uint32_t next_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

/* What \b counts as a word byte whatever the mode (a byte from 0x80 up: not known, never). */
static int ascii_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * prefilter_scan against a naive search: many literals of one to sixteen bytes over a four-byte
 * alphabet with a space (so they share prefixes and hash slots, and hit often; every length
 * class of the index, the long ones sharing their first four or eight bytes), some bound by \b
 * to a word's start or end, texts with spaces and non-ASCII bytes of every length up to 60
 * (literals cut off by the end), half of them holding a few literals copied in, each literal's
 * hits compared position by position.
 */
static void check_scan_oracle(void)
{
	enum { NLIT = 600, NTEXT = 600, MAXLIT = 16, MAXTEXT = 60 };
	static const char alpha[] = "abc ", talpha[] = "abc \xc3";
	static char lits[NLIT][MAXLIT + 1], marked[NLIT][MAXLIT + 3];
	static unsigned bounds[NLIT];
	struct prefilter pf;
	struct pf_hits hits;
	uint64_t found[PF_WORDS(NLIT)];
	char text[MAXTEXT + 1];
	uint32_t seed = 7, want[MAXTEXT + 1], h;
	long id;
	size_t i, k, n, len, nl, ids[NLIT], bad = 0, nbound = 0, nlong = 0, nmid = 0;

	prefilter_init(&pf);
	memset(&hits, 0, sizeof(hits));
	for (nl = 0; nl < NLIT; nl++) {
		size_t m = 0;
		uint32_t r;

		len = 1 + (nl < MAXLIT ? nl : next_rand(&seed) % MAXLIT);
		/* a long one begins as one before it, often: many share a head of four or eight */
		i = 0;
		if (len > 4 && nl > MAXLIT && next_rand(&seed) % 2) {
			k = next_rand(&seed) % nl;
			for (; i < len && i < (len > 8 ? 8u : 4u) && lits[k][i]; i++)
				lits[nl][i] = lits[k][i];
		}
		for (; i < len; i++)
			lits[nl][i] = alpha[next_rand(&seed) % 4];
		lits[nl][len] = '\0';
		/* a third bound at the start, a third at the end (where that end is a word byte) */
		r = next_rand(&seed) % 9;
		if (r < 3)
			marked[nl][m++] = PF_WB;
		memcpy(marked[nl] + m, lits[nl], len);
		m += len;
		if (r % 3 == 0)
			marked[nl][m++] = PF_WB;
		marked[nl][m] = '\0';
		bounds[nl] = (r < 3 && ascii_word(lits[nl][0]) ? PF_BOUND_START : 0) |
			     (r % 3 == 0 && ascii_word(lits[nl][len - 1]) ? PF_BOUND_END : 0);
		nbound += bounds[nl] != 0;
		id = prefilter_lit_id(&pf, marked[nl]);
		CHECK(id >= 0, "literal '%s': no memory", lits[nl]);
		ids[nl] = id < 0 ? 0 : (size_t)id;
		CHECK(id < 0 || pf.lits[id].bound == bounds[nl], "literal %zu: bound %u, want %u", nl,
		      id < 0 ? 0 : pf.lits[id].bound, bounds[nl]);
	}
	CHECK(pf.nlits < NLIT, "duplicates share an id: %zu ids for %d literals", pf.nlits, NLIT);
	CHECK(nbound > NLIT / 4, "only %zu literals are bound", nbound);
	CHECK_INT(prefilter_seal(&pf), 0, "sealing");
	for (n = 0; n < NTEXT; n++) {
		len = n % (MAXTEXT + 1);
		for (i = 0; i < len; i++)
			text[i] = talpha[next_rand(&seed) % 5];
		for (i = 0; n % 2 && len && i < 3; i++) {
			const char *l = lits[next_rand(&seed) % nl];
			size_t at = next_rand(&seed) % len, ll = strlen(l);

			memcpy(text + at, l, ll < len - at ? ll : len - at);
		}
		memset(found, 0, sizeof(found));
		prefilter_scan(&pf, text, len, found, &hits);
		for (k = 0; k < nl; k++) {
			size_t ll = strlen(lits[k]), nw = 0, ng = 0;

			for (i = 0; i + ll <= len; i++)
				if (!memcmp(text + i, lits[k], ll) &&
				    !((bounds[k] & PF_BOUND_START) && i > 0 && ascii_word(text[i - 1])) &&
				    !((bounds[k] & PF_BOUND_END) && i + ll < len &&
				      ascii_word(text[i + ll])))
					want[nw++] = (uint32_t)i;
			nlong += ll > 8 ? nw : 0;
			nmid += ll >= 4 && ll <= 8 ? nw : 0;
			if (!pf_in(found, (uint32_t)ids[k])) {
				bad += nw != 0;
				continue;
			}
			/* the chain runs from the last hit back */
			for (h = hits.last[ids[k]]; h != UINT32_MAX; h = hits.prev[h], ng++)
				if (ng >= nw || hits.pos[h] != want[nw - 1 - ng])
					break;
			bad += h != UINT32_MAX || ng != nw || hits.count[ids[k]] != nw;
		}
	}
	CHECK(bad == 0, "%zu literal-and-text pairs where the scan and a naive search differ", bad);
	CHECK(nlong > 100 && nmid > 100, "hits of long literals %zu, of four to eight bytes %zu", nlong,
	      nmid);
	pf_hits_release(&hits);
	prefilter_release(&pf);
}

/* A literal added after the index was built: the scan cannot say where literals are, so it
 * says every one may be there (every rule runs) and that the positions are lost. */
static void check_unsealed(void)
{
	struct prefilter pf;
	struct pf_gate g;
	struct pf_hits hits;
	uint64_t found[4] = { 0 };
	const char *pat = "\\b(?:rood|blauw)\\s+jas";

	memset(&hits, 0, sizeof(hits));
	prefilter_init(&pf);
	prefilter_add(&pf, pat, strlen(pat), NULL, NULL, &g);
	CHECK_INT(prefilter_seal(&pf), 0, "sealing");
	prefilter_scan(&pf, "een groene broek", 16, found, &hits);
	CHECK(!pf_gate_open(&g, found) && !hits.lost, "sealed: closed, positions kept");
	CHECK(prefilter_lit_id(&pf, "groen") >= 0, "a literal after the seal");
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "een groene broek", 16, found, &hits);
	CHECK(pf_gate_open(&g, found) && hits.lost, "unsealed: open, positions lost");
	CHECK_INT(prefilter_seal(&pf), 0, "sealing again");
	memset(found, 0, sizeof(found));
	prefilter_scan(&pf, "een groene broek", 16, found, &hits);
	CHECK(!pf_gate_open(&g, found) && !hits.lost, "sealed again: closed");
	pf_hits_release(&hits);
	pf_gate_release(&g);
	prefilter_release(&pf);
}

/* Literals as prefilter_lit_id reads them, short (stripped on the stack) and long (on the heap):
 * the marks come off, the bound stays, the same literal keeps its id, a mark alone has none. */
static void check_lit_marks(void)
{
	struct prefilter pf;
	char lng[160], want[160];
	long a, b, c;
	size_t n;

	prefilter_init(&pf);
	memset(want, 'k', 150);
	want[150] = '\0';
	lng[0] = PF_WB;
	memcpy(lng + 1, want, 150);
	lng[151] = PF_WB;
	lng[152] = '\0';
	a = prefilter_lit_id(&pf, lng);
	b = prefilter_lit_id(&pf, lng);
	c = prefilter_lit_id(&pf, want);
	CHECK(a >= 0 && a == b, "a long literal keeps its id: %ld, %ld", a, b);
	CHECK(c >= 0 && c != a, "the same bytes without bounds are another literal: %ld, %ld", c, a);
	if (a >= 0) {
		CHECK(pf.lits[a].len == 150 && !memcmp(pf.lits[a].s, want, 150),
		      "a long literal loses its marks: length %zu", pf.lits[a].len);
		CHECK_INT(pf.lits[a].bound, PF_BOUND_START | PF_BOUND_END, "a long literal's bound");
		n = pf_lit_marked(&pf.lits[a], lng);
		CHECK(n == 152 && lng[0] == PF_WB && lng[151] == PF_WB && lng[152] == '\0',
		      "a long literal written back with its marks: %zu bytes", n);
	}
	a = prefilter_lit_id(&pf, "\x01we");
	b = prefilter_lit_id(&pf, "we");
	CHECK(a >= 0 && b >= 0 && a != b, "'\\bwe' and 'we' are two literals: %ld, %ld", a, b);
	CHECK(a < 0 || pf.lits[a].bound == PF_BOUND_START, "'\\bwe' is bound at its start");
	CHECK_INT(prefilter_lit_id(&pf, "\x01\x01"), -1, "a literal of marks alone");
	CHECK_INT(prefilter_lit_id(&pf, ""), -1, "an empty literal");
	prefilter_release(&pf);
}

/* A gate read from a pattern on the original text keeps only what the normalised text shows:
 * conditions whose literals are printable ASCII or hold two bytes or more of it in a row, without
 * their word bounds. */
static void check_for_original(void)
{
	static const struct {
		const char *pattern, *want;
	} cases[] = {
		{ "\\bkerkstraat\\b\\s+\\d", "kerkstraat;0,1,2,3,4,5,6,7,8,9" },
		{ "\\bcaf\xc3\xa9\\b.*\\bterras\\b", "caf;terras" },
		/* a literal beyond ASCII is cut to its longest printable ASCII part */
		{ "\\bv[ée]hicules?\\b", "hicule,hicules,vehicule,vehicules" },
		{ "\\bt[ée]l\\b|\\bradio\\b", "" /* "t" and "l" of "tél": too short */ },
		{ "(?:\\bstraat|weg)\\s+nr", "straat,weg;nr" },
		{ "a`b|c", "" },
		{ "\\bMme\\b", "mme" },
	};
	struct prefilter pf;
	struct pf_gate g;
	char got[1024], want[1024], tmp[1024];
	size_t i;

	prefilter_init(&pf);
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		CHECK_INT(prefilter_add(&pf, cases[i].pattern, strlen(cases[i].pattern), NULL, NULL, &g),
			  0, cases[i].pattern);
		CHECK_INT(pf_gate_for_original(&pf, &g), 0, cases[i].pattern);
		render(&pf, &g, tmp, sizeof(tmp));
		canonical(tmp, got, sizeof(got));
		canonical(cases[i].want, want, sizeof(want));
		CHECK_STR(got, want, cases[i].pattern);
		pf_gate_release(&g);
	}
	prefilter_release(&pf);
}

/* The test's vocabularies: "kleur" a word list, "kledij" and "stray" fragments. */
static int test_vocab(void *ctx, const char *name, size_t len, char *const **words, size_t *n,
		      const char **fragment)
{
	static char rood[] = "rood", blauw[] = "blauw";
	static char *const kleur[] = { rood, blauw };

	(void)ctx;
	*words = NULL;
	*n = 0;
	*fragment = NULL;
	if (len == 5 && !memcmp(name, "kleur", 5)) {
		*words = kleur;
		*n = ARRAY_LEN(kleur);
	} else if (len == 6 && !memcmp(name, "kledij", 6)) {
		*fragment = "{{kleur}}e?\\s+(?:jas|broek)";
	} else if (len == 5 && !memcmp(name, "stray", 5)) {
		*fragment = "a)b";
	} else {
		return -1;
	}
	return 0;
}

/* A fragment reads as the group it expands to; one the reader cannot close gives no gate. */
static void check_fragment(void)
{
	static const struct {
		const char *pattern, *expanded;
	} cases[] = {
		{ "\\b{{kledij}}\\b", "\\b(?:(?:rood|blauw)e?\\s+(?:jas|broek))\\b" },
		{ "nummer {{kledij}}|zie {{kleur}}", "nummer (?:(?:rood|blauw)e?\\s+(?:jas|broek))|zie (?:rood|blauw)" },
		{ "x{{stray}}", "" },
		{ "x{{onbekend}}", "" },
	};
	struct prefilter pf;
	struct pf_gate g, h;
	char a[1024], b[1024], tmp[1024];
	size_t i;

	prefilter_init(&pf);
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		CHECK_INT(prefilter_add(&pf, cases[i].pattern, strlen(cases[i].pattern), test_vocab,
					NULL, &g), 0, cases[i].pattern);
		render(&pf, &g, tmp, sizeof(tmp));
		canonical(tmp, a, sizeof(a));
		b[0] = '\0';
		if (cases[i].expanded[0]) {
			CHECK_INT(prefilter_add(&pf, cases[i].expanded, strlen(cases[i].expanded), NULL,
						NULL, &h), 0, cases[i].expanded);
			render(&pf, &h, tmp, sizeof(tmp));
			canonical(tmp, b, sizeof(b));
			CHECK(b[0] != '\0', "%s: the expanded pattern has a gate", cases[i].pattern);
			pf_gate_release(&h);
		}
		CHECK_STR(a, b, cases[i].pattern);
		pf_gate_release(&g);
	}
	prefilter_release(&pf);
}

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++)
		check_row(&rows[i]);
	check_closed();
	check_sparse_words();
	check_memo();
	check_scan_oracle();
	check_unsealed();
	check_lit_marks();
	check_for_original();
	check_fragment();
	TEST_DONE();
}
