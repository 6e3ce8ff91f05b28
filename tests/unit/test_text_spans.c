/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Searching a pattern only in the spans around its literals (regex_shape, ts_spans), stopping
 * where no match can start any more (regex_find_upto), a context pattern only where its literals
 * are within reach (ts_may_match_in) and then only around them, as a requires rule's 'unless'
 * (ts_search_range), and only when the prefilter's gates are open, must find exactly what
 * searching the whole text finds.
 * The shape reader is checked row by row; then every shipped pack scans the labelled corpus,
 * every rule example and generated texts dense with digits, punctuation and vocabulary, both
 * ways, and the findings must be the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "harness.h"
#include "regex.h"
#include "scan_impl.h"
#include "text_scan.h"
#include "utf8.h"
#include "banned.h"

#define U REGEX_UNBOUNDED

struct shape_row {
	const char *pattern;
	int has_reach;
	uint32_t width, ahead;
	const char *in, *out; /* bytes that must be in the reach, and bytes that must not */
};

static const struct shape_row shapes[] = {
	{ "abc", 1, 3, 0, "abcABC\xc3", "d .,:" },
	{ "\\bkerk(?:straat|laan)\\s+\\d{1,4}\\b", 1, U, 1, "kerstaln0189_ \t\n", ",.:!?()" },
	{ "(?<![\\w.,/-])[a-z]{2}-?[0-9]{3}(?![\\w/-]|[.,]\\w)", 1, 6, 2, "az09-.,/_", ":!? " },
	{ "(?:ab|cde)?f", 1, 4, 0, "abcdef", "g" },
	{ "x{2,5}y{3}", 1, 8, 0, "xy", "z" },
	{ "x{2,}", 1, U, 0, "x", "" },
	{ "x{,3}", 1, U, U, "x{,3}", "" /* a literal before PCRE2 10.43, a quantifier after */ },
	{ "a{b", 1, 3, 0, "a{b", "" },
	{ "(?=abc)a", 1, 1, 3, "abc", "d" },
	{ "(?!a(?=bc))d", 1, 1, 3, "abcd", "e" },
	{ "[a-c\\d]", 1, 1, 0, "abcABC0123456789", "d-" },
	{ "[\\-x]", 1, 1, 0, "-x", "y" },
	{ "a.b", 0, 3, 0, "", "" },
	{ "[^a]", 1, 1, 0, "bz.,!\n\x80\xc3\xff", "aA" },
	{ "x[^.!?\\n]{0,4}y", 1, 6, 0, "xyabc ,:\xc3", ".!?\n" },
	{ "[^\\d]", 1, 1, 0, "a.", "0123456789" },
	{ "[^\xc2\xb0]", 0, 1, 0, "", "" }, /* a byte of the degree sign is also a byte of others */
	{ "[^[:alpha:]]", 0, 1, 0, "", "" },
	{ "a\\Wb", 0, 3, 0, "", "" },
	{ "^ab", 0, 2, 0, "", "" },
	{ "ab$", 0, 2, 2, "", "" },
	{ "(a)\\1", 0, U, U, "", "" },
	{ "a\\Kb", 0, U, U, "", "" },
	{ "(?x) a b", 0, U, U, "", "" },
	{ "(?i)ab", 1, 2, 0, "abAB", "c" },
	{ "(?<name>ab)c", 1, 3, 0, "abc", "n" },
	{ "(?P<v>ab)", 1, 2, 0, "ab", "v" },
	{ "(?P=v)", 0, U, U, "", "" },
	{ "(?(1)a|b)", 0, U, U, "", "" },
	{ "(*UTF)a", 0, U, U, "", "" },
	{ "[[:alpha:]]", 0, 1, 0, "", "" },
	{ "\\Qa.b\\E", 1, 3, 0, "a.b", "c" },
	/* letters, numbers and marks: their ASCII members and every byte from 0x80 up */
	{ "\\p{L}x", 1, 2, 0, "azAZx\x80\xc3\xff", "09 .-" },
	{ "\\pLx", 1, 2, 0, "azAZx\xc3", "09 " },
	{ "\\p{Lu}\\p{Nd}", 1, 2, 0, "aZ09\xc3", " .,-" },
	{ "\\p{N}", 1, 1, 0, "09\x80", "a " },
	{ "\\p{Mn}a", 1, 2, 0, "a\xcc", "b0 " },
	{ "(?<![\\p{L}\\p{N}])ab", 1, 2, 0, "abAB09cz", ",. " },
	{ "\\p{^L}", 0, 1, 0, "", "" },
	{ "\\p{P}", 0, 1, 0, "", "" },
	{ "\\P{L}", 0, 1, 0, "", "" },
	{ "[^\\p{L}]", 0, 1, 0, "", "" },
	/* code points: an ASCII one is its byte, a range up to one past ASCII holds 0x80 up */
	{ "\\x41\\x{62}", 1, 2, 0, "aAbB", "c" },
	{ "[ \\x{A0}]+x", 1, U, 0, " \xc2\xa0x", "y\t" },
	{ "[\\x{41}-\\x{43}]", 1, 1, 0, "abcABC", "dD-" },
	{ "[a-\\x{24F}]", 1, 1, 0, "amzAZ\xc9", "0 " },
	{ "[\\x{DF}-\\x{24F}]", 1, 1, 0, "\xc3\x9f\xc9", "a-" },
	{ "[^\\x{A0}]", 0, 1, 0, "", "" },
	{ "\\xZZ", 0, U, U, "", "" },
	{ "[\\x{5A}-\\x{41}]", 0, 1, 0, "", "" },
	{ "caf\xc3\xa9", 1, 4, 0, "caf\xc3\xa9", "" },
	{ "a)b", 0, U, U, "", "" },
};

/* The fewest ASCII digits a match consumes. */
static const struct {
	const char *pattern;
	uint32_t digits;
} digit_rows[] = {
	{ "abc", 0 },
	{ "[0-9]", 1 },
	{ "7", 1 },
	{ "[0-9]{4} ?[a-z]{2}", 4 },
	{ "[0-9]{2,5}", 2 },
	{ "[0-9]+", 1 },
	{ "[0-9]*", 0 },
	{ "[0-9]?[0-9]", 1 },
	{ "(?:[0-9]{3}|[0-9]{2}a)[0-9]", 3 },
	{ "(?:12|3)", 1 },
	{ "(?:[0-9]{2}){3}", 6 },
	{ "[0-9a]", 0 },
	{ "[^a-z]", 0 },
	{ "[0-35-9]", 1 },
	{ "\\d\\d", 0 },  /* \d matches other digits under UCP */
	{ "[\\d]", 0 },
	{ "(?=[0-9]{9})[a-z]", 0 },
	{ "(?<=[0-9])x", 0 },
	{ "\\Q12\\E", 2 },
	{ "\\x31", 0 },
	{ "(?x) 1 2 # 345", 0 }, /* comments are not followed */
	{ "[0-9]{3}(?(1)a|b)", 0 },
	{ "(a)\\1[0-9]", 0 }, /* a back-reference: nothing is trusted */
	{ "nl[0-9]{2}[a-z]{4}[0-9]{10}", 12 },
};

static void test_digits(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(digit_rows); i++) {
		struct regex re;

		memset(&re, 0, sizeof(re));
		regex_shape(&re, digit_rows[i].pattern, strlen(digit_rows[i].pattern));
		CHECK_INT(re.digits, digit_rows[i].digits, digit_rows[i].pattern);
	}
}

/* Bytes only lookarounds test are in the reach, not among those consumed. */
static void test_consumed(void)
{
	static const char pat[] = "(?<![\\w.,/-])[a-z]{2}-[0-9]{3}(?![\\w/-]|[.,]\\w)\\b";
	struct regex re;
	const char *c;

	memset(&re, 0, sizeof(re));
	regex_shape(&re, pat, strlen(pat));
	for (c = "az-09\xc3"; *c; c++)
		CHECK((re.consume[(unsigned char)*c >> 6] >> (*c & 63)) & 1, "'%c' not consumed", *c);
	for (c = ".,/_"; *c; c++) {
		CHECK(!((re.consume[(unsigned char)*c >> 6] >> (*c & 63)) & 1), "'%c' consumed", *c);
		CHECK((re.reach[(unsigned char)*c >> 6] >> (*c & 63)) & 1, "'%c' not in reach", *c);
	}
}

/* Sentence bounds: where the sentence holding the byte at off starts and ends. */
struct sentence_row {
	const char *text;
	size_t off, start, end;
};

static const struct sentence_row sentence_rows[] = {
	{ "rode jas. Later blauwe broek.", 12, 9, 28 },
	{ "rode jas. Later blauwe broek.", 3, 0, 8 },
	{ "shirt nr. 17 en een litteken", 20, 0, 28 },       /* an abbreviation */
	{ "Dhr. J. Jansen woont hier. Echt!", 10, 0, 25 },   /* and an initial */
	{ "bij het casino. Later", 17, 15, 21 },              /* a word ending in "no" ends one */
	{ "Waar?Hier! Nu", 12, 10, 13 },                      /* '?' not before white space */
	{ "eerste regel\ntweede. derde", 15, 13, 19 },
	{ "a.b.c", 2, 0, 5 },                                 /* a stop inside a word ends none */
	{ "", 0, 0, 0 },
};

static void test_sentences(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(sentence_rows); i++) {
		const struct sentence_row *r = &sentence_rows[i];
		size_t len = strlen(r->text);

		CHECK_INT(ts_sentence_start(r->text, len, r->off, 0), r->start, r->text);
		CHECK_INT(ts_sentence_end(r->text, len, r->off, len), r->end, r->text);
		/* a limit inside the sentence is where the search stops */
		if (r->start + 1 < r->off)
			CHECK_INT(ts_sentence_start(r->text, len, r->off, r->start + 1), r->start + 1,
				  r->text);
		if (r->end > r->off + 1)
			CHECK_INT(ts_sentence_end(r->text, len, r->off, r->end - 1), r->end - 1, r->text);
	}
}

static void test_shapes(void)
{
	size_t i;
	const char *c;

	for (i = 0; i < ARRAY_LEN(shapes); i++) {
		const struct shape_row *s = &shapes[i];
		struct regex re;

		memset(&re, 0, sizeof(re));
		regex_shape(&re, s->pattern, strlen(s->pattern));
		CHECK_INT(re.has_reach, s->has_reach, s->pattern);
		CHECK(re.width == s->width, "%s: width %u, want %u", s->pattern, re.width, s->width);
		CHECK(re.ahead == s->ahead, "%s: ahead %u, want %u", s->pattern, re.ahead, s->ahead);
		for (c = s->in; re.has_reach && *c; c++) {
			unsigned char b = (unsigned char)*c;

			CHECK((re.reach[b >> 6] >> (b & 63)) & 1, "%s: byte 0x%02x not in reach",
			      s->pattern, b);
		}
		for (c = s->out; re.has_reach && *c; c++) {
			unsigned char b = (unsigned char)*c;

			CHECK(!((re.reach[b >> 6] >> (b & 63)) & 1), "%s: byte 0x%02x in reach",
			      s->pattern, b);
		}
	}
}

/* Findings rendered one per line: rule, spans, evidence. */
static char *render(const struct pl_findings *f)
{
	size_t i, cap = 256 + f->len * 256, used = 0;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < f->len; i++) {
		const struct pl_finding *x = &f->items[i];
		int n = snprintf(out + used, cap - used, "%s %zu-%zu %s %d\n", x->rule_id,
				 x->loc.byte_start, x->loc.byte_end, x->evidence ? x->evidence : "",
				 (int)x->severity);

		if (n < 0 || (size_t)n >= cap - used)
			break;
		used += (size_t)n;
	}
	return out;
}

static struct pl_scanner *spans_sc, *whole_sc;
static size_t compared, differed;

/* Scans text both ways, as a professional and a private account; the findings must agree. */
static void compare(const char *text, size_t len)
{
	int a;

	for (a = 0; a < 2; a++) {
		struct pl_scan_options opt;
		struct pl_findings f1, f2;
		struct pl_diag d1, d2;
		enum pl_status s1, s2;
		char *r1, *r2;

		pl_scan_options_init(&opt);
		opt.account = a ? PL_ACCOUNT_PRIVATE : PL_ACCOUNT_PROFESSIONAL;
		pl_findings_init(&f1);
		pl_findings_init(&f2);
		pl_diag_init(&d1);
		pl_diag_init(&d2);
		s1 = pl_scanner_text(spans_sc, "t", text, len, &opt, &f1, &d1);
		s2 = pl_scanner_text(whole_sc, "t", text, len, &opt, &f2, &d2);
		r1 = render(&f1);
		r2 = render(&f2);
		compared++;
		if (s1 != s2 || !r1 || !r2 || strcmp(r1, r2)) {
			if (differed++ < 5)
				CHECK(0, "spans and whole text differ on '%.*s':\n%s---\n%s", (int)len,
				      text, r1 ? r1 : "", r2 ? r2 : "");
		}
		free(r1);
		free(r2);
		pl_findings_release(&f1);
		pl_findings_release(&f2);
	}
}

static void compare_corpus(void)
{
	FILE *f = fopen("tests/corpus/posts.jsonl", "rb");
	char line[65536];

	CHECK(f != NULL, "tests/corpus/posts.jsonl: cannot open");
	while (f && fgets(line, sizeof(line), f)) {
		cJSON *j = cJSON_Parse(line);
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "text");

		if (cJSON_IsString(t))
			compare(t->valuestring, strlen(t->valuestring));
		cJSON_Delete(j);
	}
	if (f)
		fclose(f);
}

static void compare_examples(const struct pl_ruleset *rs)
{
	size_t i, k;

	for (i = 0; i < rs->nrules; i++)
		for (k = 0; k < rs->rules[i].nexamples; k++)
			if (rs->rules[i].examples[k].text)
				compare(rs->rules[i].examples[k].text,
					strlen(rs->rules[i].examples[k].text));
}

/*
 * The rules on the original text (names with their capitals, plates) are gated by what the
 * normalised text shows: a zero-width space, a circled letter or a ligature that normalisation
 * takes away or turns into a letter must not close a gate the original text opens.
 */
static void compare_original(void)
{
	static const char *const texts[] = {
		"De fiets is terug bij de x\xe2\x80\x8b" "eigenaar Jan de Vries uit Amersfoort.",
		"Terug bij de \xe2\x93\x82" "eigenaar Jan de Vries.",
		"Terug bij de eigenaar\xe2\x80\x8b Jan de Vries.",
		"La propri\xc3\xa9taire, Marie Lef\xc3\xa8vre, remercie les agents.",
		"La proprie\xcc\x81taire, Marie Dupont, remercie les agents.",
		"Bedankt mevrouw Anna\xc2\xa0" "Bakker voor de taart!",
		"Bedankt \xef\xac\x81" "mevrouw Anna Bakker!",
		"De auto 4587\xe2\x80\x8bTW 75 en AB12\xe2\x80\x8b" "CDE, adres 5281 AB 12.",
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(texts); i++)
		compare(texts[i], strlen(texts[i]));
}

/* Texts made of pieces that sit on the spans' edges: digits next to punctuation, letters,
 * spaces and words the packs' literals and vocabularies hold. */
static void compare_generated(void)
{
	static const char *const pieces[] = {
		"1", "12", "123", "2024", "0612345678", "+32 470 12 34 56", "NL91 ABNA 0417 1643 00",
		"-", ".", ",", ":", "!", "?", "/", "'", "(", ")", "@", "#", "°", "é", "🚓", " ",
		" ", "  ", "\n", "\t", "ab", "xyz", "AB-123-CD", "12-ABC-3", "kerkstraat", "straat",
		"rue", "de la", "avenue", "nr", "n°", "bis", "school", "jaar", "ans", "14-jarige",
		"rode", "sneakers", "blauwe", "broek", "veste", "noire", "we zijn nu", "bij de",
		"morgen", "actie", "huiszoeking", "broer", "van", "uit de", "geboren", "né le",
		"mail", "dm", "112", "getuigen", "foto", "herkenbaar", "ik werk bij", "politie",
		"52.37", "4.89", "geo:", "maps", "google.com/maps", "@", "gmail.com", "pv",
		"111222333", "85.07.12-123.45", "1 85 07 75 123 456 78", "12/03/1985", "5281",
		"BR.12.L1.012345/2024", "\xef\xbc\x91\xef\xbc\x92", "\xd9\xa1\xd9\xa2",
		/* for the rules on the original text, gated by what the normalised text shows:
		 * capitals, a zero-width space and a circled letter that normalise away */
		"eigenaar", "Eigenaar", "Jan", "Vries", "Mme", "M.", "Marie", "Dupont", "owner",
		"\xe2\x80\x8b", "\xe2\x93\x82", "4587 TW 75", "AB12 CDE",
	};
	unsigned seed = 12345;
	char text[512];
	size_t i, k, n, len;

	for (i = 0; i < 3000; i++) {
		seed = seed * 1103515245u + 12345u;
		n = 3 + (seed >> 16) % 40;
		for (len = 0, k = 0; k < n; k++) {
			const char *p;
			size_t pl;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % ARRAY_LEN(pieces)];
			pl = strlen(p);
			if (len + pl >= sizeof(text))
				break;
			memcpy(text + len, p, pl);
			len += pl;
		}
		compare(text, len);
	}
}

/* Counting characters by bytes where the text is ASCII (ts_back, ts_on) gives what walking them
 * one by one gives, at every offset and distance, in ASCII, mixed and wide captions. */
static void test_char_steps(struct pl_scanner *sc)
{
	static const char *const texts[] = {
		"Kerkstraat 12a, rode sneakers",
		"Fête à l'école, 12 bis rue des Lilas \xf0\x9f\x9a\x93 ok",
		"\xf0\x9f\x9a\x93\xf0\x9f\x91\xae",
		"a\xc3\xa9" "b\xc3\xa9\xc3\xa9" "c   d",
		"",
	};
	size_t t, off, n, bad;

	for (t = 0; t < ARRAY_LEN(texts); t++) {
		struct text_scan ts = { .tn = &sc->tn };
		const char *s;
		size_t len;

		bad = 0;
		CHECK_INT(scan_prepare(sc, texts[t], strlen(texts[t])), PL_OK, texts[t]);
		ts.ascii = sc->ascii;
		ts.wide = sc->wide;
		s = sc->tn.norm;
		len = sc->tn.len;
		for (off = 0; off <= len; off++)
			for (n = 0; n <= len + 2; n++)
				bad += ts_back(&ts, s, off, n) != utf8_back(s, off, n) ||
				       ts_on(&ts, s, len, off, n) != utf8_on(s, len, off, n);
		CHECK(bad == 0, "'%s': %zu offsets and distances differ", texts[t], bad);
	}
}

/* regex_find_upto: the leftmost match that starts at or before last, and no other. */
static const struct {
	const char *pattern, *text;
	size_t start, last;
	int found;
	size_t ms;
} upto_rows[] = {
	{ "\\bab+c", "xx abbc yy abc", 0, 14, 1, 3 },
	{ "\\bab+c", "xx abbc yy abc", 0, 3, 1, 3 },
	{ "\\bab+c", "xx abbc yy abc", 0, 2, 0, 0 },
	{ "\\bab+c", "xx abbc yy abc", 4, 10, 0, 0 },
	{ "\\bab+c", "xx abbc yy abc", 4, 11, 1, 11 },
	{ "\\bab+c", "xx abbc yy abc", 5, 4, 0, 0 },
	{ "(?<=x)y", "xy", 1, 1, 1, 1 },
	{ "c$", "abc", 0, 1, 0, 0 },
};

static void test_upto(void)
{
	struct regex_matcher m;
	size_t i, ms, me, vs, ve;

	CHECK_INT(regex_matcher_init(&m), PL_OK, "matcher");
	for (i = 0; i < ARRAY_LEN(upto_rows); i++) {
		struct regex re;
		char err[128];
		size_t off;
		int rc;

		CHECK_INT(regex_compile(&re, upto_rows[i].pattern, strlen(upto_rows[i].pattern), 1, err,
					sizeof(err), &off),
			  PL_OK, upto_rows[i].pattern);
		rc = regex_find_upto(&re, &m, upto_rows[i].text, strlen(upto_rows[i].text),
				     upto_rows[i].start, upto_rows[i].last, &ms, &me, &vs, &ve);
		CHECK(rc == upto_rows[i].found && (!rc || ms == upto_rows[i].ms),
		      "row %zu: '%s' in '%s' from %zu up to %zu: %d at %zu", i, upto_rows[i].pattern,
		      upto_rows[i].text, upto_rows[i].start, upto_rows[i].last, rc, rc ? ms : 0);
		regex_release(&re);
	}
	regex_matcher_release(&m);
}

int main(void)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;

	test_shapes();
	test_digits();
	test_consumed();
	test_sentences();
	test_upto();
	pl_diag_init(&d);
	CHECK_INT(pl_ruleset_load(&rs, "rules/default.json", NULL, &d), PL_OK, d.message);
	if (rs && pl_scanner_new(&spans_sc, rs) == PL_OK && pl_scanner_new(&whole_sc, rs) == PL_OK) {
		whole_sc->whole_text = 1;
		test_char_steps(spans_sc);
		compare_corpus();
		compare_examples(rs);
		compare_original();
		compare_generated();
		CHECK(compared > 7000, "only %zu texts compared", compared);
		CHECK(differed == 0, "%zu of %zu texts differ", differed, compared);
	}
	pl_scanner_free(&spans_sc);
	pl_scanner_free(&whole_sc);
	pl_ruleset_free(&rs);
	TEST_DONE();
}
