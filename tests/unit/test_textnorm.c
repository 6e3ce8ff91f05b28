/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for text normalisation: one row per (original bytes, normalised bytes, what was
 * counted), the map from normalised spans back to original bytes, and line/column of offsets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "textnorm.h"
#include "banned.h"

/* A byte string with its length, so that rows may hold NUL bytes. */
#define B(s) s, sizeof(s) - 1
/* Nothing invalid, no NUL, no BOM. */
#define CLEAN .bom = 0

struct ncase {
	const char *name;
	const char *in;
	size_t inlen;
	const char *want;
	size_t wantlen;
	size_t invalid, first_invalid; /* invalid UTF-8 bytes and the first one's offset */
	size_t nul, first_nul;
	int bom;
};

static const struct ncase norm_cases[] = {
	/* ASCII */
	{ "empty", B(""), B(""), CLEAN },
	{ "ascii lower", B("kenteken 52-hks-7"), B("kenteken 52-hks-7"), CLEAN },
	{ "ascii case", B("Hello WORLD Xy-12"), B("hello world xy-12"), CLEAN },
	{ "ascii punctuation", B("a.b,c;d:e!f?g(h)[i]{j}<k>@#$%^&*+=~|\\/"),
	  B("a.b,c;d:e!f?g(h)[i]{j}<k>@#$%^&*+=~|\\/"), CLEAN },
	{ "digits", B("0123456789"), B("0123456789"), CLEAN },

	/* accents and letters that decompose */
	{ "e acute", B("Caf\xc3\xa9"), B("cafe"), CLEAN },
	{ "upper E acute", B("\xc3\x89L\xc3\x88VE"), B("eleve"), CLEAN },
	{ "c cedilla", B("\xc3\x87" "a va, gar\xc3\xa7on"), B("ca va, garcon"), CLEAN },
	{ "n tilde", B("Se\xc3\xb1or"), B("senor"), CLEAN },
	{ "umlauts", B("\xc3\x9c" "ber M\xc3\xbcnchen \xc3\xb6l \xc3\xa4"), B("uber munchen ol a"), CLEAN },
	{ "combining acute", B("Cafe\xcc\x81"), B("cafe"), CLEAN },
	{ "a ring", B("\xc3\x85" "lesund"), B("alesund"), CLEAN },
	{ "i diaeresis", B("na\xc3\xafve"), B("naive"), CLEAN },
	{ "sharp s", B("Stra\xc3\x9f" "e"), B("strasse"), CLEAN },
	{ "capital sharp s", B("STRA\xe1\xba\x9e" "E"), B("strasse"), CLEAN },
	{ "oe ligature", B("\xc5\x93uvre"), B("oeuvre"), CLEAN },
	{ "OE ligature", B("\xc5\x92UVRE"), B("oeuvre"), CLEAN },
	{ "ae ligature", B("\xc3\xa6" "ble"), B("aeble"), CLEAN },
	{ "fi ligature", B("\xef\xac\x81" "ets"), B("fiets"), CLEAN },
	{ "ffl ligature", B("wa\xef\xac\x84" "e"), B("waffle"), CLEAN },
	{ "o stroke", B("\xc3\xb8l"), B("ol"), CLEAN },
	{ "l stroke", B("\xc5\x81\xc3\xb3" "d\xc5\xba"), B("lodz"), CLEAN },
	{ "dotless i", B("\xc4\xb1stanbul"), B("istanbul"), CLEAN },
	{ "numero sign", B("\xe2\x84\x96" "5"), B("no5"), CLEAN },
	{ "superscript two", B("m\xc2\xb2"), B("m2"), CLEAN },
	{ "circled digit", B("\xe2\x91\xa0"), B("1"), CLEAN },

	/* fullwidth forms */
	{ "fullwidth letters", B("\xef\xbc\xa1\xef\xbc\xa2"), B("ab"), CLEAN },
	{ "fullwidth plate", B("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\x8d\xef\xbc\x91\xef\xbc\x92"),
	  B("ab-12"), CLEAN },
	{ "fullwidth space", B("a\xe3\x80\x80" "b"), B("a b"), CLEAN },

	/* spaces */
	{ "no-break space", B("52\xc2\xa0hks"), B("52 hks"), CLEAN },
	{ "narrow no-break space", B("a\xe2\x80\xaf" "b"), B("a b"), CLEAN },
	{ "figure space", B("a\xe2\x80\x87" "b"), B("a b"), CLEAN },
	{ "em space", B("a\xe2\x80\x83" "b"), B("a b"), CLEAN },
	{ "thin space", B("a\xe2\x80\x89" "b"), B("a b"), CLEAN },
	{ "ogham space mark", B("a\xe1\x9a\x80" "b"), B("a b"), CLEAN },
	{ "line separator", B("a\xe2\x80\xa8" "b"), B("a b"), CLEAN },
	{ "paragraph separator", B("a\xe2\x80\xa9" "b"), B("a b"), CLEAN },
	{ "tab", B("a\tb"), B("a b"), CLEAN },

	/* dashes */
	{ "hyphen", B("52\xe2\x80\x90hks"), B("52-hks"), CLEAN },
	{ "non-breaking hyphen", B("52\xe2\x80\x91hks"), B("52-hks"), CLEAN },
	{ "figure dash", B("52\xe2\x80\x92hks"), B("52-hks"), CLEAN },
	{ "en dash", B("52\xe2\x80\x93hks"), B("52-hks"), CLEAN },
	{ "em dash", B("52\xe2\x80\x94hks"), B("52-hks"), CLEAN },
	{ "minus sign", B("\xe2\x88\x92" "5"), B("-5"), CLEAN },
	{ "small hyphen-minus", B("a\xef\xb9\xa3" "b"), B("a-b"), CLEAN },
	{ "fullwidth hyphen-minus", B("a\xef\xbc\x8d" "b"), B("a-b"), CLEAN },
	{ "two-em dash", B("a\xe2\xb8\xba" "b"), B("a-b"), CLEAN },

	/* quotes */
	{ "single quotes", B("\xe2\x80\x98" "hi\xe2\x80\x99"), B("'hi'"), CLEAN },
	{ "apostrophe", B("l\xe2\x80\x99" "agent"), B("l'agent"), CLEAN },
	{ "low single quote", B("\xe2\x80\x9a" "x"), B("'x"), CLEAN },
	{ "double quotes", B("\xe2\x80\x9c" "hi\xe2\x80\x9d"), B("\"hi\""), CLEAN },
	{ "low double quote", B("\xe2\x80\x9e" "hoi\xe2\x80\x9d"), B("\"hoi\""), CLEAN },
	{ "guillemets", B("\xc2\xab" "oui\xc2\xbb"), B("\"oui\""), CLEAN },
	{ "prime", B("5\xe2\x80\xb2"), B("5'"), CLEAN },
	{ "double prime", B("5\xe2\x80\xb3"), B("5\""), CLEAN },
	{ "acute accent as apostrophe", B("l\xc2\xb4" "agent"), B("l'agent"), CLEAN },
	{ "grave accent as apostrophe", B("l`agent"), B("l'agent"), CLEAN },

	/* default-ignorable characters vanish */
	{ "zero-width space", B("52\xe2\x80\x8bhks"), B("52hks"), CLEAN },
	{ "zero-width non-joiner", B("a\xe2\x80\x8c" "b"), B("ab"), CLEAN },
	{ "zero-width joiner", B("a\xe2\x80\x8d" "b"), B("ab"), CLEAN },
	{ "word joiner", B("a\xe2\x81\xa0" "b"), B("ab"), CLEAN },
	{ "soft hyphen", B("kente\xc2\xadken"), B("kenteken"), CLEAN },
	{ "left-to-right mark", B("a\xe2\x80\x8e" "b"), B("ab"), CLEAN },
	{ "variation selector 16", B("\xe2\x9d\xa4\xef\xb8\x8f"), B("\xe2\x9d\xa4"), CLEAN },
	{ "variation selector 15", B("x\xef\xb8\x8e"), B("x"), CLEAN },
	{ "BOM at start", B("\xef\xbb\xbfhoi"), B("hoi"), .bom = 1 },
	{ "BOM inside", B("a\xef\xbb\xbf" "b"), B("ab"), CLEAN },

	/* emoji and other scripts are kept */
	{ "emoji", B("\xf0\x9f\x9a\x93 politie"), B("\xf0\x9f\x9a\x93 politie"), CLEAN },
	{ "emoji ZWJ sequence", B("\xf0\x9f\x91\xae\xe2\x80\x8d\xe2\x99\x80"),
	  B("\xf0\x9f\x91\xae\xe2\x99\x80"), CLEAN },
	{ "greek folds", B("\xce\xa3\xce\x9f\xce\xa3"), B("\xcf\x83\xce\xbf\xcf\x83"), CLEAN },
	{ "cyrillic folds", B("\xd0\x90\xd0\x91"), B("\xd0\xb0\xd0\xb1"), CLEAN },

	/* line ends and control bytes */
	{ "LF", B("a\nb"), B("a\nb"), CLEAN },
	{ "CRLF", B("a\r\nb\r\n"), B("a\nb\n"), CLEAN },
	{ "lone CR", B("a\rb"), B("a\nb"), CLEAN },
	{ "CR CR LF", B("a\r\r\nb"), B("a\n\nb"), CLEAN },
	{ "trailing CR", B("a\r"), B("a\n"), CLEAN },
	{ "NUL", B("a\0b"), B("a b"), .nul = 1, .first_nul = 1 },
	{ "two NULs", B("\0ab\0"), B(" ab "), .nul = 2, .first_nul = 0 },
	{ "escape byte", B("a\x1b[1mb"), B("a [1mb"), CLEAN },
	{ "DEL", B("a\x7f" "b"), B("a b"), CLEAN },
	{ "bell and form feed", B("a\x07\x0c" "b"), B("a  b"), CLEAN },
	{ "C1 control NEL", B("a\xc2\x85" "b"), B("a b"), CLEAN },
	{ "C1 control CSI", B("a\xc2\x9b" "b"), B("a b"), CLEAN },

	/* invalid UTF-8: each bad byte is one space */
	{ "stray continuation", B("\x80x"), B(" x"), .invalid = 1, .first_invalid = 0 },
	{ "overlong slash", B("a\xc0\xaf" "b"), B("a  b"), .invalid = 2, .first_invalid = 1 },
	{ "overlong 3-byte", B("ab\xe0\x80\xaf"), B("ab   "), .invalid = 3, .first_invalid = 2 },
	{ "overlong 4-byte", B("\xf0\x80\x80\xaf"), B("    "), .invalid = 4, .first_invalid = 0 },
	{ "surrogate", B("x\xed\xa0\x80y"), B("x   y"), .invalid = 3, .first_invalid = 1 },
	{ "past U+10FFFF", B("\xf4\x90\x80\x80"), B("    "), .invalid = 4, .first_invalid = 0 },
	{ "F5 lead byte", B("z\xf5"), B("z "), .invalid = 1, .first_invalid = 1 },
	{ "FF byte", B("\xff\xfe"), B("  "), .invalid = 2, .first_invalid = 0 },
	{ "truncated at end", B("caf\xc3"), B("caf "), .invalid = 1, .first_invalid = 3 },
	{ "truncated 3-byte", B("ab\xe2\x82"), B("ab  "), .invalid = 2, .first_invalid = 2 },
	{ "truncated before ASCII", B("\xe2\x82x\xc3\xa9"), B("  xe"), .invalid = 2,
	  .first_invalid = 0 },
	{ "latin-1 caption", B("caf\xe9 r\xe9sum\xe9"), B("caf  r sum "), .invalid = 3,
	  .first_invalid = 3 },
	{ "invalid and NUL", B("\0\xff"), B("  "), .invalid = 1, .first_invalid = 1, .nul = 1,
	  .first_nul = 0 },
};

/* A normalised span [ns, ne) (found as the first occurrence of probe) and the original bytes
 * it must map back to. */
struct mcase {
	const char *in;
	size_t inlen;
	const char *probe;
	size_t orig_start, orig_end;
};

static const struct mcase map_cases[] = {
	{ B("Caf\xc3\xa9!"), "cafe", 0, 5 },
	{ B("Caf\xc3\xa9!"), "e", 3, 5 },
	{ B("Caf\xc3\xa9!"), "!", 5, 6 },
	{ B("Cafe\xcc\x81!"), "cafe", 0, 6 },      /* the combining mark belongs to the span */
	{ B("Stra\xc3\x9f" "e"), "ss", 4, 6 },
	{ B("Stra\xc3\x9f" "e"), "sse", 4, 7 },
	{ B("Ma\xc3\x9f"), "s", 2, 4 },            /* half of an expansion maps to all of it */
	{ B("\xc5\x93uvre"), "oe", 0, 2 },
	{ B("\xc5\x93uvre"), "uvre", 2, 6 },
	{ B("\xef\xac\x81" "ets"), "fiets", 0, 6 },
	{ B("\xef\xac\x81" "ets"), "i", 0, 3 },
	{ B("\xef\xbc\xa1\xef\xbc\xa2-12"), "ab-12", 0, 9 },
	{ B("52\xe2\x80\x8bhks"), "52hks", 0, 8 },  /* a removed character inside the span */
	{ B("52\xe2\x80\x8bhks"), "hks", 5, 8 },
	{ B("\xef\xbb\xbfhoi"), "hoi", 3, 6 },
	{ B("a\r\nb"), "\nb", 2, 4 },
	{ B("a\r\nb"), "a\n", 0, 3 },
	{ B("a\rb"), "\nb", 1, 3 },
	{ B("x\xf0\x9f\x9a\x93y"), "y", 5, 6 },
	{ B("x\xf0\x9f\x9a\x93y"), "\xf0\x9f\x9a\x93", 1, 5 },
	{ B("\xe2\x9d\xa4\xef\xb8\x8f!"), "!", 6, 7 },
	{ B("\xe2\x9d\xa4\xef\xb8\x8f!"), "\xe2\x9d\xa4", 0, 6 }, /* the selector goes along */
	{ B("ab\xcc\x81\xcc\xa7 c"), "ab", 0, 6 },                 /* two marks */
	{ B("a\xe2\x80\x8b" "b"), "a", 0, 1 },                     /* not a mark: left out */
	{ B("\xcc\x81" "a"), "a", 2, 3 },                           /* a mark with no base */
	{ B("a\xc0\xaf" "b"), "b", 3, 4 },
	{ B("a\xc0\xaf" "b"), " ", 1, 2 },
	{ B("52\xc2\xa0hks"), "52 hks", 0, 7 },
	{ B("\xe2\x80\x9ehoi\xe2\x80\x9d"), "hoi", 3, 6 },
	{ B("\xe2\x80\x9ehoi\xe2\x80\x9d"), "\"hoi\"", 0, 9 },
};

struct lcase {
	const char *text;
	size_t len;
	size_t off;
	unsigned line, col;
};

static const struct lcase line_cases[] = {
	{ B(""), 0, 1, 1 },
	{ B("abc"), 0, 1, 1 },
	{ B("abc"), 2, 1, 3 },
	{ B("abc"), 3, 1, 4 },
	{ B("abc"), 99, 1, 4 },                      /* past the end: clamped */
	{ B("\xc3\xa9x"), 2, 1, 2 },                 /* a 2-byte character is one column */
	{ B("Caf\xc3\xa9 AB"), 6, 1, 6 },
	{ B("\xf0\x9f\x9a\x93x"), 4, 1, 2 },         /* an emoji is one column */
	{ B("\xe2\x9d\xa4\xef\xb8\x8f x"), 7, 1, 4 }, /* heart + VS16: two code points */
	{ B("\xffx"), 1, 1, 2 },                     /* an invalid byte is one column */
	{ B("a\nb"), 2, 2, 1 },
	{ B("a\nb\nccc"), 6, 3, 3 },
	{ B("a\r\nb"), 3, 2, 1 },
	{ B("a\r\nb"), 1, 1, 2 },
	{ B("a\n"), 2, 2, 1 },
	{ B("a\rb"), 2, 2, 1 },                      /* a lone CR ends a line, as in textnorm */
	{ B("a\r\rb"), 3, 3, 1 },
	{ B("\xc3\xa9\n\xc3\xa9\xc3\xa9x"), 7, 2, 3 },
};

static void check_norm(const struct ncase *c)
{
	struct textnorm t;
	char ctx[160];

	snprintf(ctx, sizeof(ctx), "norm '%s'", c->name);
	textnorm_init(&t);
	CHECK_INT(textnorm_build(&t, c->in, c->inlen), PL_OK, ctx);
	CHECK(t.len == c->wantlen && memcmp(t.norm, c->want, c->wantlen) == 0,
	      "%s: got '%.*s' (%zu bytes), want '%.*s' (%zu bytes)", ctx, (int)t.len, t.norm,
	      t.len, (int)c->wantlen, c->want, c->wantlen);
	CHECK_INT(t.norm[t.len], 0, ctx);
	CHECK_INT(t.invalid_utf8, c->invalid, ctx);
	if (c->invalid)
		CHECK_INT(t.first_invalid, c->first_invalid, ctx);
	CHECK_INT(t.nul_bytes, c->nul, ctx);
	if (c->nul)
		CHECK_INT(t.first_nul, c->first_nul, ctx);
	CHECK_INT(t.had_bom, c->bom, ctx);
	CHECK_INT(t.orig_len, c->inlen, ctx);
	/* Every normalised byte maps into the original, in order. */
	{
		size_t i;
		int ok = 1;

		for (i = 0; i < t.len; i++) {
			if (t.map_start[i] >= t.map_end[i] || t.map_end[i] > c->inlen ||
			    (i && t.map_start[i] < t.map_start[i - 1]))
				ok = 0;
		}
		CHECK(ok, "%s: map out of order or out of range", ctx);
		CHECK_INT(textnorm_orig_start(&t, t.len), c->inlen, ctx);
	}
	textnorm_release(&t);
}

static void check_map(const struct mcase *c)
{
	struct textnorm t;
	const char *hit;
	char ctx[160];

	snprintf(ctx, sizeof(ctx), "map '%.*s' / '%s'", (int)c->inlen, c->in, c->probe);
	textnorm_init(&t);
	CHECK_INT(textnorm_build(&t, c->in, c->inlen), PL_OK, ctx);
	hit = strstr(t.norm, c->probe);
	CHECK(hit != NULL, "%s: probe not in '%s'", ctx, t.norm);
	if (hit) {
		size_t a = (size_t)(hit - t.norm), b = a + strlen(c->probe);

		CHECK_INT(textnorm_orig_start(&t, a), c->orig_start, ctx);
		CHECK_INT(textnorm_orig_end(&t, a, b), c->orig_end, ctx);
		/* An empty span maps to a point. */
		CHECK_INT(textnorm_orig_end(&t, a, a), c->orig_start, ctx);
	}
	textnorm_release(&t);
}

static void check_line(const struct lcase *c)
{
	unsigned line = 0, col = 0;
	char ctx[160];

	snprintf(ctx, sizeof(ctx), "line_col '%.*s' @%zu", (int)c->len, c->text, c->off);
	text_line_col(c->text, c->len, c->off, &line, &col);
	CHECK_INT(line, c->line, ctx);
	CHECK_INT(col, c->col, ctx);
}

/* One textnorm reused for texts of different sizes: counters reset, memory grows. */
static void check_reuse(void)
{
	struct textnorm t;
	const char *cjk = "\xe3\x8c\x96"; /* SQUARE KIROMEETORU: 3 bytes -> 6 katakana, 18 bytes */
	const char *kata = "\xe3\x82\xad\xe3\x83\xad\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab";
	size_t n = 20000, i;
	char *big = malloc(n * 3), *want = malloc(n * 18);
	int ok;

	if (!big || !want)
		exit(99);
	for (i = 0; i < n; i++) {
		memcpy(big + i * 3, cjk, 3);
		memcpy(want + i * 18, kata, 18);
	}
	textnorm_init(&t);
	CHECK_INT(textnorm_build(&t, B("\xff\0\xef\xbb\xbfx")), PL_OK, "reuse first");
	CHECK_INT(t.invalid_utf8, 1, "reuse first invalid");
	CHECK_INT(t.nul_bytes, 1, "reuse first nul");
	CHECK_INT(textnorm_build(&t, big, n * 3), PL_OK, "reuse grows 6x");
	CHECK_INT(t.len, n * 18, "reuse grows 6x: length");
	ok = t.len == n * 18 && memcmp(t.norm, want, n * 18) == 0;
	CHECK(ok, "reuse grows 6x: text differs");
	CHECK_INT(textnorm_orig_start(&t, t.len - 1), n * 3 - 3, "reuse grows 6x: last map start");
	CHECK_INT(textnorm_orig_end(&t, t.len - 18, t.len), n * 3, "reuse grows 6x: last map end");
	CHECK_INT(t.invalid_utf8, 0, "reuse resets invalid");
	CHECK_INT(t.nul_bytes, 0, "reuse resets nul");
	CHECK_INT(t.had_bom, 0, "reuse resets bom");
	CHECK_INT(textnorm_build(&t, B("AB")), PL_OK, "reuse shrinks");
	CHECK_STR(t.norm, "ab", "reuse shrinks");
	textnorm_release(&t);
	CHECK(t.norm == NULL && t.len == 0 && t.cap == 0, "release zeroes");
	textnorm_release(&t); /* twice is harmless */
	free(big);
	free(want);
}

static void check_string(void)
{
	static const struct {
		const char *in, *want;
	} rows[] = {
		{ "\xc3\x89l\xc3\xa8ve", "eleve" },
		{ "T-Shirt", "t-shirt" },
		{ "Ba\xef\xac\x83" "e", "baffie" },
		{ "", "" },
	};
	/* the shortcut for printable ASCII gives what the full path gives */
	static const char *const plain[] = { "straat", "a12", "0612345678", "z", "", "bvh2024",
					     "Rode Sneakers", "l`agent", "T-Shirt (XL) @ 12:30 #Wijk",
					     "tab\there", "cr\r\nlf", "~{|}" };
	char every[96];
	struct textnorm t;
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		char *s = textnorm_string(rows[i].in, strlen(rows[i].in));

		CHECK_STR(s, rows[i].want, rows[i].in);
		free(s);
	}
	textnorm_init(&t);
	for (i = 0; i < ARRAY_LEN(plain); i++) {
		char *s = textnorm_string(plain[i], strlen(plain[i]));

		CHECK_INT(textnorm_build(&t, plain[i], strlen(plain[i])), PL_OK, plain[i]);
		CHECK_STR(s, t.norm, plain[i]);
		free(s);
	}
	for (i = 0; i < 95; i++)
		every[i] = (char)(0x20 + i);
	every[95] = '\0';
	{
		char *s = textnorm_string(every, 95);

		CHECK_INT(textnorm_build(&t, every, 95), PL_OK, "every printable ASCII byte");
		CHECK_STR(s, t.norm, "every printable ASCII byte");
		free(s);
	}
	textnorm_release(&t);
}

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(norm_cases); i++)
		check_norm(&norm_cases[i]);
	for (i = 0; i < ARRAY_LEN(map_cases); i++)
		check_map(&map_cases[i]);
	for (i = 0; i < ARRAY_LEN(line_cases); i++)
		check_line(&line_cases[i]);
	check_reuse();
	check_string();
	TEST_DONE();
}
