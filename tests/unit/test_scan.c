/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for scanning captions: one row per (rules pack, caption, account, languages) and
 * the exact findings it must give, as "rule|evidence|line|column|byte_start-byte_end" with a
 * combination's parts below it; then catastrophic patterns, which must fail fast and clearly. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

#define B(s) s, sizeof(s) - 1

/* Inline packs, written to a scratch directory; rows name them (or "core" for core.json). */
#define R(id, sev, rest) RC(id, "c", sev, rest)
/* With a category: two rules of one category on one span make one finding. */
#define RC(id, cat, sev, rest)                                                                 \
	"{\"id\": \"" id "\", \"kind\": \"pattern\", \"category\": \"" cat "\", \"severity\": \"" sev "\", " \
	"\"message\": {\"en\": \"" id " en\", \"nl\": \"" id " nl\"}, \"fix\": \"f\", "             \
	"\"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, " rest "}"

static const struct {
	const char *name, *text;
} packs[] = {
	{ "scope", "{\"format\": 1, \"name\": \"scope\", \"rules\": [\n"
	  R("private.only", "error", "\"pattern\": \"\\\\bkees\\\\b\", \"scope\": {\"account\": [\"private\"]}") ",\n"
	  R("pro.only", "error", "\"pattern\": \"\\\\bjan\\\\b\", \"scope\": {\"account\": [\"professional\"]}") ",\n"
	  R("fr.only", "warning", "\"pattern\": \"\\\\bquartier\\\\b\", \"scope\": {\"lang\": [\"fr\"]}") ",\n"
	  R("nlfr.only", "info", "\"pattern\": \"\\\\bwijk\\\\b\", \"scope\": {\"lang\": [\"nl\", \"fr\"], \"account\": [\"professional\", \"private\"]}") ",\n"
	  R("off", "error", "\"pattern\": \"\\\\bkees\\\\b\", \"enabled\": false") "]}" },
	{ "context", "{\"format\": 1, \"name\": \"context\", \"vocabularies\": {\"kw\": [\"code\", \"pincode\"]}, \"rules\": [\n"
	  R("ctx.require", "error", "\"pattern\": \"\\\\b\\\\d{4}\\\\b\", \"context\": {\"window\": 20, \"require\": [\"\\\\b{{kw}}\\\\b\"]}") ",\n"
	  R("ctx.forbid", "error", "\"pattern\": \"\\\\b[a-z]{3}-\\\\d{3}\\\\b\", \"context\": {\"window\": 15, \"forbid\": [\"\\\\bproduct\\\\b\"]}") ",\n"
	  R("ctx.line", "error", "\"pattern\": \"\\\\b[a-z]{2}-\\\\d{4}\\\\b\", \"context\": {\"window\": 30, \"line\": true, \"forbid\": [\"\\\\bgisteren\\\\b\"]}") ",\n"
	  R("ctx.sentence", "error", "\"pattern\": \"\\\\bss-\\\\d{3}\\\\b\", \"context\": {\"window\": 40, \"sentence\": true, \"forbid\": [\"\\\\bbureau\\\\b\"]}") ",\n"
	  R("ctx.sentence.end", "error", "\"pattern\": \"\\\\bse-\\\\d{3}\\\\b\", \"context\": {\"window\": 40, \"sentence\": \"end\", \"forbid\": [\"\\\\bbureau\\\\b\"]}") ",\n"
	  R("ctx.boost", "info", "\"pattern\": \"\\\\bpaspoort\\\\b\", \"context\": {\"boost\": [\"\\\\bnummer\\\\b\"]}") ",\n"
	  R("ctx.boost.warn", "warning", "\"pattern\": \"\\\\brijbewijs\\\\b\", \"context\": {\"boost\": \"\\\\bnummer\\\\b\"}") ",\n"
	  R("ctx.exclude", "warning", "\"pattern\": \"\\\\b\\\\d{1,2} jaar\\\\b\", \"exclude\": [\"\\\\b18 jaar en ouder\\\\b\"]") "]}" },
	{ "original", "{\"format\": 1, \"name\": \"original\", \"rules\": [\n"
	  R("orig.cafe", "info", "\"pattern\": \"\\\\bcaf\xc3\xa9\\\\b\", \"text\": \"original\"") ",\n"
	  RC("norm.cafe", "n", "info", "\"pattern\": \"\\\\bcafe\\\\b\"") ",\n"
	  /* split into its alternatives, each behind the options that open the pattern */
	  RC("orig.case", "c", "info", "\"pattern\": \"(?-i)\\\\bAb\\\\b|\\\\bCd\\\\b\", \"text\": \"original\"") ",\n"
	  /* a required word with a class beyond ASCII: its prefilter gate must stay open on it */
	  RC("orig.require", "r", "warning", "\"pattern\": \"\\\\b[a-z]{2}-[0-9]{3}\\\\b\", \"text\": \"original\", "
	     "\"context\": {\"require\": [\"\\\\bv[\xc3\xa9" "e]hicule\\\\b\"]}") ",\n"
	  RC("norm.require", "q", "warning", "\"pattern\": \"\\\\b[0-9]{4}\\\\b\", "
	     "\"context\": {\"require\": [\"\\\\bcaf[\xc3\xa9" "e]\\\\b\"]}") "]}" },
	{ "combo", "{\"format\": 1, \"name\": \"combo\", \"rules\": [\n"
	  "{\"id\": \"who\", \"kind\": \"combination\", \"category\": \"identity\", \"severity\": \"error\", "
	  "\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, "
	  "\"parts\": [{\"pattern\": \"\\\\bkees\\\\b\", \"name\": \"name\"}, {\"pattern\": \"\\\\b\\\\d{1,2} jaar\\\\b\", \"name\": \"age\"}], "
	  "\"min\": 2, \"min_parts\": 2, \"window\": \"post\"},\n"
	  "{\"id\": \"near\", \"kind\": \"combination\", \"category\": \"clothing\", \"severity\": \"warning\", "
	  "\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, "
	  "\"parts\": [{\"pattern\": \"\\\\b(?:pet|sjaal|tas)\\\\b\"}], \"min\": 2, \"window\": {\"chars\": 20}}]}" },
	{ "fragment", "{\"format\": 1, \"name\": \"fragment\", \"vocabularies\": {\"kleur\": [\"rood\", \"rode\"]}, "
	  "\"fragments\": {\"kledij\": \"{{kleur}}\\\\s+(?:jas|broek)\"}, \"rules\": [\n"
	  R("frag.clothing", "error", "\"pattern\": \"\\\\b{{kledij}}\\\\b|\\\\bmaat [0-9]{2}\\\\b\", \"exclude\": [\"\\\\b{{kledij}} van de politie\\\\b\"]") "]}" },
	{ "requires", "{\"format\": 1, \"name\": \"requires\", \"rules\": [\n"
	  "{\"id\": \"req\", \"kind\": \"requires\", \"category\": \"emergency\", \"severity\": \"warning\", "
	  "\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, "
	  "\"when\": \"\\\\btips?\\\\b\", \"unless\": [\"\\\\b112\\\\b\", \"\\\\bspoed\\\\b\"]},\n"
	  /* searched as its alternatives: the finding is still the whole alternation's leftmost */
	  "{\"id\": \"req.alts\", \"kind\": \"requires\", \"category\": \"emergency\", \"severity\": \"warning\", "
	  "\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, "
	  "\"when\": \"meld\\\\w*|bcde|abcd|abc\", \"unless\": [\"\\\\b112\\\\b\"]}]}" },
	/* one group between assertions: searched as its alternatives, found as the whole */
	{ "wrapped", "{\"format\": 1, \"name\": \"wrapped\", \"rules\": [\n"
	  R("wrap", "warning", "\"pattern\": \"\\\\b(?:meld\\\\w*|abc|abcd)(?!x)\"") "]}" },
};

#define MAXF 8

struct scase {
	const char *name;
	const char *pack;
	const char *text;
	size_t len;
	enum pl_account account;
	const char *langs;
	const char *want[MAXF]; /* findings, then "  " + each part; NULL-terminated */
	int verdict;            /* -1: not checked */
	const char *msg;        /* message of the first finding, or NULL */
};

#define NOCHECK .verdict = -1

static const struct scase cases[] = {
	/* ---- plates, with what stands before them ---- */
	{ "plate", "core", B("auto met kenteken 52-HKS-7 gezien"), 0, NULL,
	  { "plate.nl|52-HKS-7|1|19|18-26" }, .verdict = PL_VERDICT_BLOCK, .msg = "licence plate" },
	{ "plate after a rejected candidate", "core", B("kenteken auto 52-HKS-7"), 0, NULL,
	  { "plate.nl|52-HKS-7|1|15|14-22" }, NOCHECK },
	{ "two plates", "core", B("AB-12-34 en 52-HKS-7."), 0, NULL,
	  { "plate.nl|AB-12-34|1|1|0-8", "plate.nl|52-HKS-7|1|13|12-20" }, NOCHECK },
	/* ---- a fragment, in a pattern and in its exclude ---- */
	{ "fragment", "fragment", B("Hij droeg een rode  jas."), 0, NULL,
	  { "frag.clothing|rode  jas|1|15|14-23" }, .verdict = PL_VERDICT_BLOCK },
	{ "fragment in an exclude", "fragment", B("de rode jas van de politie"), 0, NULL, { NULL },
	  .verdict = PL_VERDICT_OK },
	{ "fragment without its words", "fragment", B("een groene jas, maat 42"), 0, NULL,
	  { "frag.clothing|maat 42|1|17|16-23" }, NOCHECK },
	{ "no plate: covid-19", "core", B("Covid-19 maatregelen"), 0, NULL, { NULL },
	  .verdict = PL_VERDICT_OK },
	{ "no plate: road", "core", B("op de A12 richting Utrecht"), 0, NULL, { NULL }, NOCHECK },
	{ "no plate: year", "core", B("sinds 2024 en 14:30 uur"), 0, NULL, { NULL }, NOCHECK },
	{ "plate after accents and an emoji", "core", B("\xc3\x87" "a va \xf0\x9f\x9a\x93 AB-12-34"), 0,
	  NULL, { "plate.nl|AB-12-34|1|9|12-20" }, NOCHECK },
	{ "plate after a combining accent", "core", B("Cafe\xcc\x81 AB-12-34"), 0, NULL,
	  { "plate.nl|AB-12-34|1|7|7-15" }, NOCHECK },
	{ "plate after CRLF lines", "core", B("Hallo\r\n\r\nAB-12-34"), 0, NULL,
	  { "plate.nl|AB-12-34|3|1|9-17" }, NOCHECK },
	{ "plate after a lone CR", "core", B("Hallo\rzie AB-12-34"), 0, NULL,
	  { "plate.nl|AB-12-34|2|5|10-18" }, NOCHECK },
	{ "fullwidth plate", "core", B("\xef\xbc\xa1\xef\xbc\xa2-12-34"), 0, NULL,
	  { "plate.nl|\xef\xbc\xa1\xef\xbc\xa2-12-34|1|1|0-12" }, NOCHECK },
	{ "plate with a zero-width space", "core", B("AB\xe2\x80\x8b-12-34"), 0, NULL,
	  { "plate.nl|AB\xe2\x80\x8b-12-34|1|1|0-11" }, NOCHECK },
	{ "plate with en dashes", "core", B("zie 52\xe2\x80\x93HKS\xe2\x80\x93" "7"), 0, NULL,
	  { "plate.nl|52\xe2\x80\x93HKS\xe2\x80\x93" "7|1|5|4-16" }, NOCHECK },
	{ "plate with no-break spaces", "core", B("52\xc2\xa0HKS\xc2\xa0" "7"), 0, NULL,
	  { "plate.nl|52\xc2\xa0HKS\xc2\xa0" "7|1|1|0-10" }, NOCHECK },
	{ "plate on line 2 after a tab", "core", B("x\n\tAB-12-34"), 0, NULL,
	  { "plate.nl|AB-12-34|2|2|3-11" }, NOCHECK },

	{ "several rules over several lines", "core",
	  B("AB-12-34 Kerkstraat 1\r\n\xc3\xa9\xc3\xa9n: Kerkweg 2, 52-HKS-7\rKerklaan 3 XB-12-ZK\n"), 0, NULL,
	  { "plate.nl|AB-12-34|1|1|0-8", "address.street|Kerkstraat 1|1|10|9-21",
	    "address.street|Kerkweg 2|2|6|30-39", "plate.nl|52-HKS-7|2|17|41-49",
	    "address.street|Kerklaan 3|3|1|50-60", "plate.nl|XB-12-ZK|3|12|61-69" }, NOCHECK },

	/* ---- encoding problems are findings, and scanning goes on ---- */
	{ "invalid UTF-8 after a plate", "core", B("AB-12-34 \xff\xfe"), 0, NULL,
	  { "plate.nl|AB-12-34|1|1|0-8", "input.encoding||0|0|9-9" }, .verdict = PL_VERDICT_BLOCK },
	{ "invalid UTF-8 before a plate", "core", B("\xc3 AB-12-34"), 0, NULL,
	  { "input.encoding||0|0|0-0", "plate.nl|AB-12-34|1|3|2-10" }, NOCHECK },
	{ "NUL byte", "core", B("tekst\0meer"), 0, NULL, { "input.encoding||0|0|5-5" },
	  .verdict = PL_VERDICT_REVIEW },
	{ "empty caption", "core", B(""), 0, NULL, { NULL }, .verdict = PL_VERDICT_OK },

	/* ---- other pattern rules of the core pack ---- */
	{ "address", "core", B("inbraak aan de Kerkstraat 12a"), 0, NULL,
	  { "address.street|Kerkstraat 12a|1|16|15-29" }, NOCHECK },
	{ "address in capitals, no-break space", "core", B("KERKSTRAAT\xc2\xa0" "12"), 0, NULL,
	  { "address.street|KERKSTRAAT\xc2\xa0" "12|1|1|0-14" }, NOCHECK },
	{ "address excluded", "core", B("file op de snelweg 4"), 0, NULL, { NULL }, NOCHECK },
	{ "address kept beside an exclusion", "core", B("Kerkweg 4 en snelweg 5"), 0, NULL,
	  { "address.street|Kerkweg 4|1|1|0-9" }, NOCHECK },
	{ "no address without number", "core", B("de Kerkstraat was afgesloten"), 0, NULL, { NULL },
	  NOCHECK },
	{ "coordinates", "core", B("we staan op 52.0907, 5.1214"), 0, NULL,
	  { "geotag.decimal|52.0907, 5.1214|1|13|12-27" }, NOCHECK },
	{ "negative coordinates", "core", B("-33.8688,151.2093"), 0, NULL,
	  { "geotag.decimal|-33.8688,151.2093|1|1|0-17" }, NOCHECK },
	{ "no coordinates: prices", "core", B("prijs 12.50, 13.00"), 0, NULL, { NULL }, NOCHECK },
	{ "IBAN", "core", B("maak over naar NL91 ABNA 0417 1643 00"), 0, NULL,
	  { "identity.iban|NL91 ABNA 0417 1643 00|1|16|15-37" }, NOCHECK },
	{ "IBAN with a bad checksum", "core", B("NL91 ABNA 0417 1643 01"), 0, NULL, { NULL }, NOCHECK },

	/* ---- combinations ---- */
	{ "two items, one sentence", "core", B("Hij droeg red sneakers and blue trousers."), 0, NULL,
	  { "clothing.combination|red sneakers and blue trousers|1|11|10-40",
	    "  red sneakers|1|11|10-22", "  blue trousers|1|28|27-40" }, .verdict = PL_VERDICT_REVIEW,
	  .msg = "identifying clothing combination" },
	{ "combination message in Dutch", "core", B("Hij droeg een rode jas en een blauwe broek."), 0,
	  "nl", { "clothing.combination|rode jas en een blauwe broek|1|15|14-42",
		  "  rode jas|1|15|14-22", "  blauwe broek|1|31|30-42" },
	  NOCHECK, .msg = "herkenbare kledingcombinatie" },
	{ "three items", "core", B("rode jas, blauwe broek en zwarte sneakers"), 0, NULL,
	  { "clothing.combination|rode jas, blauwe broek en zwarte sneakers|1|1|0-41",
	    "  rode jas|1|1|0-8", "  blauwe broek|1|11|10-22", "  zwarte sneakers|1|27|26-41" },
	  NOCHECK },
	{ "two items, two sentences", "core", B("rode jas. Later blauwe broek."), 0, NULL, { NULL },
	  NOCHECK },
	{ "two items, two lines", "core", B("rode jas\nblauwe broek"), 0, NULL, { NULL }, NOCHECK },
	{ "two items, two CRLF lines", "core", B("rode jas\r\nblauwe broek"), 0, NULL, { NULL },
	  NOCHECK },
	{ "two items, two CR lines", "core", B("rode jas\rblauwe broek"), 0, NULL, { NULL }, NOCHECK },
	{ "an abbreviation's stop ends no sentence", "core", B("rode jas, shirt nr. 17 en blauwe broek"),
	  0, NULL,
	  { "clothing.combination|rode jas, shirt nr. 17 en blauwe broek|1|1|0-38",
	    "  rode jas|1|1|0-8", "  blauwe broek|1|27|26-38" }, NOCHECK },
	{ "a word ending like an abbreviation ends one", "core",
	  B("rode jas bij het casino. Later blauwe broek."), 0, NULL, { NULL }, NOCHECK },
	{ "two sentences, CRLF after the stop", "core", B("rode jas.\r\nblauwe broek"), 0, NULL,
	  { NULL }, NOCHECK },
	{ "two sentences, tab after the stop", "core", B("rode jas.\tblauwe broek"), 0, NULL,
	  { NULL }, NOCHECK },
	{ "two sentences, two combinations", "core",
	  B("Rode jas en blauwe broek! Zwarte hoodie en rode sneakers?"), 0, NULL,
	  { "clothing.combination|Rode jas en blauwe broek|1|1|0-24", "  Rode jas|1|1|0-8",
	    "  blauwe broek|1|13|12-24",
	    "clothing.combination|Zwarte hoodie en rode sneakers|1|27|26-56",
	    "  Zwarte hoodie|1|27|26-39", "  rode sneakers|1|44|43-56" }, NOCHECK },
	{ "one item is no combination", "core", B("a red car and a blue jacket"), 0, NULL, { NULL },
	  .verdict = PL_VERDICT_OK },
	{ "French items after an accent", "core", B("\xc3\xa9" "en rouge veste, une noire veste."), 0,
	  NULL, { "clothing.combination|rouge veste, une noire veste|1|5|5-33",
		  "  rouge veste|1|5|5-16", "  noire veste|1|22|22-33" }, NOCHECK },
	{ "accented items", "core", B("\xc3\x89L\xc3\x89VE: NOIRE VESTE et BLEU PANTALON"), 0, NULL,
	  { "clothing.combination|NOIRE VESTE et BLEU PANTALON|1|8|9-37",
	    "  NOIRE VESTE|1|8|9-20", "  BLEU PANTALON|1|23|24-37" }, NOCHECK },
	{ "combination across a decimal point", "core", B("rode jas van 12.50 en blauwe broek"),
	  0, NULL, { "clothing.combination|rode jas van 12.50 en blauwe broek|1|1|0-34",
		     "  rode jas|1|1|0-8", "  blauwe broek|1|23|22-34" }, NOCHECK },
	{ "post window, two kinds", "combo", B("Kees.\nHij is 34 jaar."), 0, NULL,
	  { "who|Kees.\nHij is 34 jaar|1|1|0-20", "  Kees|1|1|0-4", "  34 jaar|2|8|13-20" },
	  .verdict = PL_VERDICT_BLOCK },
	{ "post window, one kind twice", "combo", B("Kees en kees"), 0, NULL, { NULL }, NOCHECK },
	{ "chars window, close", "combo", B("pet en tas"), 0, NULL,
	  { "near|pet en tas|1|1|0-10", "  pet|1|1|0-3", "  tas|1|8|7-10" }, NOCHECK },
	{ "chars window, too far", "combo", B("pet en dan nog heel veel tas"), 0, NULL, { NULL },
	  NOCHECK },
	/* one detail named twice is one detail: two mentions of a brand make no description */
	{ "the same item twice, case aside", "combo", B("pet en PET"), 0, NULL, { NULL }, NOCHECK },
	{ "the same item twice and another", "combo", B("pet, Pet en tas"), 0, NULL,
	  { "near|pet, Pet en tas|1|1|0-15", "  pet|1|1|0-3", "  Pet|1|6|5-8", "  tas|1|13|12-15" },
	  NOCHECK },
	{ "chars window counts characters", "combo",
	  B("pet \xf0\x9f\x9a\x93\xf0\x9f\x9a\x93\xf0\x9f\x9a\x93\xf0\x9f\x9a\x93 tas"), 0, NULL,
	  { "near|pet \xf0\x9f\x9a\x93\xf0\x9f\x9a\x93\xf0\x9f\x9a\x93\xf0\x9f\x9a\x93 tas|1|1|0-24",
	    "  pet|1|1|0-3", "  tas|1|10|21-24" }, NOCHECK },

	/* ---- requires ---- */
	{ "requires: trigger without 112", "core", B("Stuur ons een DM!"), 0, NULL,
	  { "emergency.nl|Stuur|1|1|0-5" }, .verdict = PL_VERDICT_REVIEW, .msg = "oproep tot melden zonder 112" },
	{ "requires: trigger with 112", "core", B("Stuur ons een DM. Spoed? Bel 112."), 0, NULL,
	  { NULL }, .verdict = PL_VERDICT_OK },
	{ "requires: 112 before the trigger", "core", B("Bel 112 bij spoed, of stuur een DM"), 0,
	  "nl", { NULL }, NOCHECK },
	{ "requires: first trigger only", "core", B("Wij zijn blij.\nStuur tips of een DM"), 0,
	  "nl", { "emergency.nl|Stuur|2|1|15-20" }, NOCHECK },
	{ "requires: out of language scope", "core", B("Stuur ons een DM!"), 0, "fr", { NULL },
	  NOCHECK },
	{ "requires: any of the unless", "requires", B("Tips? Bij spoed de politie bellen"), 0,
	  NULL, { NULL }, NOCHECK },
	{ "requires: none of the unless", "requires", B("Tips zijn welkom"), 0, NULL,
	  { "req|Tips|1|1|0-4" }, NOCHECK },
	{ "requires: 1120 is not 112", "requires", B("tip: bel 1120"), 0, NULL,
	  { "req|tip|1|1|0-3" }, NOCHECK },
	{ "requires: the leftmost alternative, not the first", "requires", B("x abcde, meld het"), 0,
	  NULL, { "req.alts|abcd|1|3|2-6" }, NOCHECK },
	{ "requires: on a tie the earlier alternative", "requires", B("abcd"), 0, NULL,
	  { "req.alts|abcd|1|1|0-4" }, NOCHECK },
	{ "requires: an alternative later in the text", "requires", B("melden: abc"), 0, NULL,
	  { "req.alts|melden|1|1|0-6" }, NOCHECK },
	{ "requires: alternatives and an unless", "requires", B("abc of 112"), 0, NULL, { NULL },
	  NOCHECK },
	{ "wrapped: on a tie the earlier alternative", "wrapped", B("x abcd meld"), 0, NULL,
	  { "wrap|abc|1|3|2-5", "wrap|meld|1|8|7-11" }, NOCHECK },
	{ "wrapped: the assertion after the group", "wrapped", B("abcx abcd"), 0, NULL,
	  { "wrap|abc|1|6|5-8" }, NOCHECK },
	{ "wrapped: a later alternative first in the text", "wrapped", B("melding abc"), 0, NULL,
	  { "wrap|melding|1|1|0-7", "wrap|abc|1|9|8-11" }, NOCHECK },

	/* ---- scope ---- */
	{ "private rule, private account", "scope", B("kees"), PL_ACCOUNT_PRIVATE, NULL,
	  { "private.only|kees|1|1|0-4" }, NOCHECK },
	{ "private rule, professional account", "scope", B("kees"), PL_ACCOUNT_PROFESSIONAL, NULL,
	  { NULL }, NOCHECK },
	{ "private rule, account unset", "scope", B("kees"), 0, NULL, { NULL }, NOCHECK },
	{ "professional rule, account unset", "scope", B("jan"), 0, NULL,
	  { "pro.only|jan|1|1|0-3" }, NOCHECK },
	{ "professional rule, private account", "scope", B("jan"), PL_ACCOUNT_PRIVATE, NULL,
	  { NULL }, NOCHECK },
	{ "lang rule, its language", "scope", B("quartier"), 0, "fr",
	  { "fr.only|quartier|1|1|0-8" }, NOCHECK },
	{ "lang rule, other language", "scope", B("quartier"), 0, "nl", { NULL }, NOCHECK },
	{ "lang rule, a language no rule has", "scope", B("quartier"), 0, "es", { NULL }, NOCHECK },
	{ "lang rule, code in capitals", "scope", B("quartier"), 0, "FR",
	  { "fr.only|quartier|1|1|0-8" }, NOCHECK },
	{ "lang rule, one of several", "scope", B("quartier"), 0, "nl,fr",
	  { "fr.only|quartier|1|1|0-8" }, NOCHECK },
	{ "lang rule, no language known", "scope", B("quartier"), 0, NULL,
	  { "fr.only|quartier|1|1|0-8" }, NOCHECK },
	{ "lang rule, detected Dutch", "scope", B("de politie is vandaag in de wijk quartier"), 0,
	  NULL, { "nlfr.only|wijk|1|29|28-32" }, NOCHECK },
	{ "lang rule, detected French", "scope", B("la police est dans le quartier pour la wijk"),
	  0, NULL, { "fr.only|quartier|1|23|22-30", "nlfr.only|wijk|1|40|39-43" }, NOCHECK },
	{ "two scopes", "scope", B("wijk"), PL_ACCOUNT_PRIVATE, "fr",
	  { "nlfr.only|wijk|1|1|0-4" }, .verdict = PL_VERDICT_OK },
	{ "disabled rule", "scope", B("kees"), PL_ACCOUNT_PROFESSIONAL, NULL, { NULL }, NOCHECK },

	/* ---- context and exclusions ---- */
	{ "context require present", "context", B("de code is 4821"), 0, NULL,
	  { "ctx.require|4821|1|12|11-15" }, NOCHECK },
	{ "context require from a vocabulary", "context", B("PINCODE: 4821"), 0, NULL,
	  { "ctx.require|4821|1|10|9-13" }, NOCHECK },
	{ "context require absent", "context", B("in 4821 gevallen"), 0, NULL, { NULL }, NOCHECK },
	{ "context require after the match", "context", B("4821 is de code"), 0, NULL,
	  { "ctx.require|4821|1|1|0-4" }, NOCHECK },
	{ "context require out of the window", "context",
	  B("de code staat hier niet vlakbij maar ver weg: 4821"), 0, NULL, { NULL }, NOCHECK },
	{ "context window counts characters", "context",
	  B("code \xf0\x9f\x94\x92\xf0\x9f\x94\x92\xf0\x9f\x94\x92\xf0\x9f\x94\x92\xf0\x9f\x94\x92 4821"), 0,
	  NULL, { "ctx.require|4821|1|12|26-30" }, NOCHECK },
	{ "context forbid absent", "context", B("auto abc-123 gezien"), 0, NULL,
	  { "ctx.forbid|abc-123|1|6|5-12" }, NOCHECK },
	{ "context forbid present", "context", B("product abc-123 besteld"), 0, NULL, { NULL },
	  NOCHECK },
	{ "context forbid word cut by the window's edge", "context", B("abc-123 en de  productie"), 0,
	  NULL, { "ctx.forbid|abc-123|1|1|0-7" }, NOCHECK },
	{ "context forbid word at the window's edge", "context", B("abc-123 en de  product"), 0,
	  NULL, { NULL }, NOCHECK },
	{ "context require word cut by the window's start", "context", B("pincode 4821"), 0, NULL,
	  { "ctx.require|4821|1|9|8-12" }, NOCHECK },
	{ "context forbid out of the window", "context",
	  B("product nummer een twee drie: abc-123"), 0, NULL,
	  { "ctx.forbid|abc-123|1|31|30-37" }, NOCHECK },
	{ "context line: a forbid word on the next line does not count", "context",
	  B("morgen xy-1234\ngisteren niet"), 0, NULL, { "ctx.line|xy-1234|1|8|7-14" }, NOCHECK },
	{ "context line: a forbid word on the previous line does not count", "context",
	  B("gisteren\nmorgen xy-1234"), 0, NULL, { "ctx.line|xy-1234|2|8|16-23" }, NOCHECK },
	{ "context line: a forbid word on the same line counts", "context",
	  B("gisteren xy-1234 gezien\nmorgen niet"), 0, NULL, { NULL }, NOCHECK },
	{ "context sentence: a forbid word in the sentence before does not count", "context",
	  B("Het bureau is open. Adres ss-123."), 0, NULL, { "ctx.sentence|ss-123|1|27|26-32" },
	  NOCHECK },
	{ "context sentence: a forbid word in the sentence after does not count", "context",
	  B("Adres ss-123. Kom naar het bureau."), 0, NULL, { "ctx.sentence|ss-123|1|7|6-12" },
	  NOCHECK },
	{ "context sentence: a forbid word in the same sentence counts", "context",
	  B("Het bureau, adres ss-123."), 0, NULL, { NULL }, NOCHECK },
	{ "context sentence end: a forbid word in the sentence before counts", "context",
	  B("Het bureau is open. Adres se-123."), 0, NULL, { NULL }, NOCHECK },
	{ "context sentence end: a forbid word in the sentence after does not count", "context",
	  B("Adres se-123. Kom naar het bureau."), 0, NULL, { "ctx.sentence.end|se-123|1|7|6-12" },
	  NOCHECK },
	{ "context sentence end: a forbid word in the same sentence counts", "context",
	  B("Adres se-123 van het bureau."), 0, NULL, { NULL }, NOCHECK },
	{ "context boost info to warning", "context", B("paspoort nummer"), 0, NULL,
	  { "ctx.boost|paspoort|1|1|0-8" }, .verdict = PL_VERDICT_REVIEW },
	{ "context no boost", "context", B("paspoort kwijt"), 0, NULL,
	  { "ctx.boost|paspoort|1|1|0-8" }, .verdict = PL_VERDICT_OK },
	{ "context boost warning to error", "context", B("rijbewijs nummer"), 0, NULL,
	  { "ctx.boost.warn|rijbewijs|1|1|0-9" }, .verdict = PL_VERDICT_BLOCK },
	{ "exclude overlapping", "context", B("voor 18 jaar en ouder"), 0, NULL, { NULL }, NOCHECK },
	{ "exclude elsewhere does not cancel", "context", B("hij is 34 jaar; 18 jaar en ouder"), 0,
	  NULL, { "ctx.exclude|34 jaar|1|8|7-14" }, NOCHECK },

	/* ---- original versus normalised text ---- */
	{ "original text, accented", "original", B("Caf\xc3\xa9 de Paris"), 0, NULL,
	  { "norm.cafe|Caf\xc3\xa9|1|1|0-5", "orig.cafe|Caf\xc3\xa9|1|1|0-5" }, NOCHECK },
	{ "original text, unaccented", "original", B("cafe"), 0, NULL, { "norm.cafe|cafe|1|1|0-4" },
	  NOCHECK },
	{ "original text, options before every alternative", "original", B("ab cd AB CD aB"), 0, NULL,
	  { NULL }, NOCHECK },
	{ "original text, options and the second alternative", "original", B("cd Cd Ab"), 0, NULL,
	  { "orig.case|Cd|1|4|3-5", "orig.case|Ab|1|7|6-8" }, NOCHECK },
	{ "original text, required word accented and upper-case", "original",
	  B("Le V\xc3\x89HICULE AB-123 vu au CAF\xc3\x89 1234"), 0, NULL,
	  { "orig.require|AB-123|1|13|13-19", "norm.cafe|CAF\xc3\x89|1|26|26-31",
	    "orig.cafe|CAF\xc3\x89|1|26|26-31", "norm.require|1234|1|31|32-36" }, NOCHECK },
	{ "original text, required word absent", "original", B("Le bateau AB-123, 1234"), 0, NULL,
	  { NULL }, NOCHECK },
	{ "original text, after an emoji", "original", B("\xf0\x9f\x8d\xb5 CAF\xc3\x89"), 0, NULL,
	  { "norm.cafe|CAF\xc3\x89|1|3|5-10", "orig.cafe|CAF\xc3\x89|1|3|5-10" }, NOCHECK },
};

/* ---- messages in the post's language ---- */
static const struct {
	const char *text, *langs, *msg, *fix;
} lang_cases[] = {
	{ "AB-12-34", "nl", "kenteken", "verwijder het kenteken" },
	{ "AB-12-34", "fr", "plaque d'immatriculation", "retirez la plaque" },
	{ "AB-12-34", "en", "licence plate", "remove or blur the plate" },
	{ "AB-12-34", "de", "licence plate", "remove or blur the plate" },
	{ "AB-12-34", "fr,nl", "plaque d'immatriculation", "retirez la plaque" },
	{ "AB-12-34", "xx", "licence plate", "remove or blur the plate" },
	{ "AB-12-34", "es,fr", "licence plate", "remove or blur the plate" },
	{ "AB-12-34", "NL", "kenteken", "verwijder het kenteken" },
	{ "de auto van de verdachte had AB-12-34", NULL, "kenteken", "verwijder het kenteken" },
	{ "la voiture est dans le parking avec AB-12-34", NULL, "plaque d'immatriculation", NULL },
	{ "the car of the suspect was AB-12-34", NULL, "licence plate", NULL },
	{ "AB-12-34", NULL, "licence plate", NULL },
};

static char *dir;

static struct pl_ruleset *load_pack(const char *name)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char buf[2048], *p = NULL;
	enum pl_status st;

	if (!strcmp(name, "core"))
		st = pl_ruleset_load(&rs, "tests/rules/core.json", NULL, &d);
	else {
		char file[64];

		snprintf(file, sizeof(file), "%s.json", name);
		p = t_path(dir, file);
		st = pl_ruleset_load(&rs, p, NULL, &d);
	}
	CHECK(st == PL_OK, "pack '%s': %s", name, pl_diag_format(&d, buf, sizeof(buf)));
	free(p);
	return rs;
}

static void render(const struct pl_location *l, const char *rule, const char *ev, char *out,
		   size_t n)
{
	snprintf(out, n, "%s%s%s|%u|%u|%zu-%zu", rule ? rule : "  ", rule ? "|" : "", ev ? ev : "",
		 l->line, l->column, l->byte_start, l->byte_end);
}

static void check_case(const struct scase *c)
{
	struct pl_ruleset *rs = load_pack(c->pack);
	struct pl_scan_options o;
	struct pl_findings f;
	struct pl_diag d;
	char ctx[200], got[512], want_list[2048] = "", got_list[2048] = "";
	size_t i, k, nwant = 0, ngot = 0;
	enum pl_status st;

	if (!rs)
		return;
	snprintf(ctx, sizeof(ctx), "scan '%s'", c->name);
	pl_scan_options_init(&o);
	o.account = c->account;
	o.langs = c->langs;
	pl_findings_init(&f);
	st = pl_scan_text(rs, "caption.txt", c->text, c->len, &o, &f, &d);
	CHECK(st == PL_OK, "%s: status %d: %s", ctx, st, d.message);
	for (i = 0; i < MAXF && c->want[i]; i++) {
		nwant++;
		snprintf(want_list + strlen(want_list), sizeof(want_list) - strlen(want_list), "\n    %s",
			 c->want[i]);
	}
	for (i = 0; i < f.len; i++) {
		const struct pl_finding *x = &f.items[i];

		render(&x->loc, x->rule_id, x->evidence, got, sizeof(got));
		snprintf(got_list + strlen(got_list), sizeof(got_list) - strlen(got_list), "\n    %s", got);
		ngot++;
		for (k = 0; k < x->nparts; k++) {
			render(&x->parts[k].loc, NULL, x->parts[k].evidence, got, sizeof(got));
			snprintf(got_list + strlen(got_list), sizeof(got_list) - strlen(got_list),
				 "\n    %s", got);
			ngot++;
		}
		CHECK_STR(x->loc.file, "caption.txt", ctx);
		CHECK(x->confidence > 0.99, "%s: confidence %f", ctx, x->confidence);
	}
	CHECK(ngot == nwant && !strcmp(got_list, want_list), "%s:\n  got:%s\n  want:%s", ctx,
	      got_list, want_list);
	if (c->verdict >= 0)
		CHECK_INT(pl_findings_verdict(&f), c->verdict, ctx);
	if (c->msg)
		CHECK_STR(f.len ? f.items[0].message : NULL, c->msg, ctx);
	pl_findings_release(&f);
	pl_ruleset_free(&rs);
}

static void check_langs(void)
{
	struct pl_ruleset *rs = load_pack("core");
	size_t i;

	for (i = 0; rs && i < ARRAY_LEN(lang_cases); i++) {
		struct pl_scan_options o;
		struct pl_findings f;
		struct pl_diag d;
		char ctx[200];

		snprintf(ctx, sizeof(ctx), "message '%s' lang %s", lang_cases[i].text,
			 t_show(lang_cases[i].langs));
		pl_scan_options_init(&o);
		o.langs = lang_cases[i].langs;
		pl_findings_init(&f);
		CHECK_INT(pl_scan_text(rs, "x", lang_cases[i].text, strlen(lang_cases[i].text), &o, &f,
				       &d), PL_OK, ctx);
		CHECK_INT(f.len, 1, ctx);
		if (f.len) {
			CHECK_STR(f.items[0].message, lang_cases[i].msg, ctx);
			if (lang_cases[i].fix)
				CHECK_STR(f.items[0].fix, lang_cases[i].fix, ctx);
			CHECK_STR(f.items[0].protocol, "NL-POL-SM 3.2", ctx);
			CHECK_STR(f.items[0].category, "plate", ctx);
		}
		pl_findings_release(&f);
	}
	pl_ruleset_free(&rs);
}

/* pl_scan_primary_lang: declared languages, the options' override, detection, "en". */
static void check_primary_lang(void)
{
	struct pl_post post;
	struct pl_scan_options o;
	struct pl_diag d;
	const char *nl = "de agent is vandaag in de wijk";

	pl_scan_options_init(&o);
	CHECK_INT(pl_post_from_text(&post, "x", nl, strlen(nl), &d), PL_OK, "primary: post");
	CHECK_STR(pl_scan_primary_lang(&post, &o), "nl", "primary: detected");
	CHECK_STR(pl_scan_primary_lang(&post, NULL), "nl", "primary: no options");
	o.langs = "fr,nl";
	CHECK_STR(pl_scan_primary_lang(&post, &o), "fr", "primary: options first");
	o.langs = NULL;
	CHECK_INT(pl_post_set_langs(&post, "en,nl", &d), PL_OK, "primary: declare");
	CHECK_STR(pl_scan_primary_lang(&post, &o), "en", "primary: declared beats detected");
	pl_post_release(&post);
	CHECK_INT(pl_post_from_text(&post, "x", "ok", 2, &d), PL_OK, "primary: short post");
	CHECK_STR(pl_scan_primary_lang(&post, &o), "en", "primary: nothing detected");
	pl_post_release(&post);
}

/* pl_scanner_lang: the language the last run chose, the same as pl_scan_primary_lang's. */
static void check_scanner_lang(const struct pl_ruleset *rs)
{
	static const char *const texts[] = { "de agent is vandaag in de wijk",
					     "merci a tous pour votre accueil dans le quartier",
					     "ok", "the officers were in the street with you" };
	struct pl_scanner *sc = NULL;
	struct pl_scan_options o;
	struct pl_findings f;
	struct pl_diag d;
	struct pl_post post;
	size_t i;

	pl_scan_options_init(&o);
	if (pl_scanner_new(&sc, rs) != PL_OK)
		return;
	CHECK_STR(pl_scanner_lang(sc), "en", "scanner lang before any run");
	for (i = 0; i < ARRAY_LEN(texts); i++) {
		for (int declared = 0; declared < 2; declared++) {
			CHECK_INT(pl_post_from_text(&post, "x", texts[i], strlen(texts[i]), &d), PL_OK,
				  texts[i]);
			if (declared)
				pl_post_set_langs(&post, "fr", &d);
			pl_findings_init(&f);
			CHECK_INT(pl_scanner_run(sc, &post, &o, &f, &d), PL_OK, texts[i]);
			CHECK_STR(pl_scanner_lang(sc), pl_scan_primary_lang(&post, &o), texts[i]);
			pl_findings_release(&f);
			pl_post_release(&post);
		}
	}
	pl_scanner_free(&sc);
}

/* A combination that needs every part stops at its first part without a match: a later part that
 * would hit the match limit never runs. The same parts with one of two needed do run it. */
static void check_combination_stops(void)
{
	static const struct {
		const char *min_parts;
		enum pl_status want;
	} rows[] = { { "2", PL_OK }, { "1", PL_ERR_MATCH } };
	size_t i, n = 5000;
	char *text = malloc(n + 2);

	if (!text)
		exit(99);
	memset(text, 'a', n);
	memcpy(text + n, "!", 2);
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		char json[1024], ctx[64], *p;
		struct pl_ruleset *rs = NULL;
		struct pl_findings f;
		struct pl_diag d;

		snprintf(ctx, sizeof(ctx), "combination, min_parts %s", rows[i].min_parts);
		snprintf(json, sizeof(json),
			 "{\"format\": 1, \"name\": \"stop\", \"rules\": [\n"
			 "{\"id\": \"stop.combo\", \"category\": \"c\", \"severity\": \"error\", "
			 "\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], "
			 "\"no_match\": [\"y\"]}, \"kind\": \"combination\", \"parts\": "
			 "[{\"pattern\": \"zzz\"}, {\"pattern\": \"(a+)+$\"}], \"min\": 2, "
			 "\"min_parts\": %s, \"window\": \"post\"}]}",
			 rows[i].min_parts);
		t_write(dir, "stop.json", json);
		p = t_path(dir, "stop.json");
		CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), PL_OK, ctx);
		free(p);
		if (!rs)
			continue;
		pl_findings_init(&f);
		CHECK_INT(pl_scan_text(rs, "big.txt", text, n + 1, NULL, &f, &d), rows[i].want, ctx);
		CHECK_INT(f.len, 0, ctx);
		pl_findings_release(&f);
		pl_ruleset_free(&rs);
	}
	free(text);
}

/* Patterns that backtrack catastrophically end in PL_ERR_MATCH naming the rule, not a hang. */
static void check_catastrophic(void)
{
	static const struct {
		const char *name, *rule, *body;
		const char *subject; /* "a" repeated, then this tail */
		const char *tail;
	} rows[] = {
		{ "nested quantifier", "cat.nested",
		  "\"kind\": \"pattern\", \"pattern\": \"(a+)+$\"", "a", "!" },
		{ "overlapping quantifiers", "cat.overlap",
		  "\"kind\": \"pattern\", \"pattern\": \"(x+x+)+y\"", "x", "!y" },
		{ "in a context regex", "cat.context",
		  "\"kind\": \"pattern\", \"pattern\": \"!\", \"context\": {\"window\": 2000, \"require\": [\"(a+)+$\"]}",
		  "a", "!" },
		{ "in an exclusion", "cat.exclude",
		  "\"kind\": \"pattern\", \"pattern\": \"!\", \"exclude\": [\"(a+)+$\"]", "a", "!" },
		{ "in a requires trigger", "cat.when",
		  "\"kind\": \"requires\", \"when\": \"(a+)+$\", \"unless\": [\"112\"]", "a", "!" },
		{ "in a requires unless", "cat.unless",
		  "\"kind\": \"requires\", \"when\": \"a\", \"unless\": [\"(a+)+$\"]", "a", "!" },
		{ "in a combination part", "cat.combo",
		  "\"kind\": \"combination\", \"parts\": [{\"pattern\": \"(a+)+$\"}], \"min\": 2", "a",
		  "!" },
	};
	size_t i, n = 5000;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		char json[1024], ctx[160], msg[256], buf[2048];
		char *text = malloc(n + 8), *p;
		struct pl_ruleset *rs = NULL;
		struct pl_findings f;
		struct pl_diag d;
		size_t len;
		enum pl_status st;

		if (!text)
			exit(99);
		snprintf(ctx, sizeof(ctx), "catastrophic '%s'", rows[i].name);
		snprintf(json, sizeof(json),
			 "{\"format\": 1, \"name\": \"cat\", \"rules\": [\n"
			 "{\"id\": \"%s\", \"category\": \"c\", \"severity\": \"error\", \"message\": \"m\", "
			 "\"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, %s}]}",
			 rows[i].rule, rows[i].body);
		t_write(dir, "cat.json", json);
		p = t_path(dir, "cat.json");
		st = pl_ruleset_load(&rs, p, NULL, &d);
		CHECK(st == PL_OK, "%s: %s", ctx, pl_diag_format(&d, buf, sizeof(buf)));
		free(p);
		if (!rs) {
			free(text);
			continue;
		}
		memset(text, rows[i].subject[0], n);
		len = n + (size_t)snprintf(text + n, 8, "%s", rows[i].tail);
		pl_findings_init(&f);
		st = pl_scan_text(rs, "big.txt", text, len, NULL, &f, &d);
		CHECK_INT(st, PL_ERR_MATCH, ctx);
		snprintf(msg, sizeof(msg), "rule '%s' (", rows[i].rule);
		CHECK_HAS(d.message, msg, ctx);
		CHECK_HAS(d.message, "cat.json:2)", ctx);
		CHECK_HAS(d.message, "match limit", ctx);
		CHECK_STR(d.file, "big.txt", ctx);
		CHECK(d.line == 1 && d.column >= 1, "%s: at %u:%u", ctx, d.line, d.column);
		pl_findings_release(&f);
		/* The rule's examples hit the same limit: rules test reports it, not hangs. */
		{
			size_t run, failed;

			CHECK_INT(pl_ruleset_test(rs, NULL, NULL, &run, &failed, &d), PL_OK,
				  "catastrophic: short examples run");
		}
		pl_ruleset_free(&rs);
		free(text);
	}
}

/* Rule examples through pl_ruleset_test: the core pack's all pass; a wrong one is reported. */
static void fail_cb(const struct pl_example_failure *f, void *arg)
{
	char *out = arg;
	size_t n = strlen(out);

	snprintf(out + n, 1024 - n, "%s|%d|%s|%s;", f->rule_id, f->must_match, f->example, f->detail);
}

static void check_examples(void)
{
	struct pl_ruleset *rs = load_pack("core");
	char fails[1024] = "", *p;
	size_t run = 0, failed = 0;
	struct pl_diag d;

	if (rs) {
		CHECK_INT(pl_ruleset_test(rs, fail_cb, fails, &run, &failed, &d), PL_OK, "core examples");
		CHECK_INT(run, 18, "core examples run");
		CHECK_INT(failed, 0, "core examples failed");
		CHECK_STR(fails, "", "core example failures");
		pl_ruleset_free(&rs);
	}
	t_write(dir, "ex.json",
		"{\"format\": 1, \"name\": \"ex\", \"rules\": [\n"
		R("ex.a", "error", "\"pattern\": \"\\\\bab\\\\b\", \"examples\": {\"match\": [\"ab\", \"nope\", "
		  "{\"text\": \"xx ab\", \"evidence\": \"xx ab\"}], \"no_match\": [\"a b\", \"AB!\"]}") ",\n"
		R("ex.private", "error", "\"pattern\": \"\\\\bkees\\\\b\", \"scope\": {\"account\": [\"private\"]}, "
		  "\"examples\": {\"match\": [{\"text\": \"kees\", \"account\": \"private\"}], \"no_match\": [\"jan\"]}") "]}");
	p = t_path(dir, "ex.json");
	CHECK_INT(pl_ruleset_load(&rs, p, NULL, &d), PL_ERR_RULES,
		  "a rule has one 'examples' key");
	free(p);
	t_write(dir, "ex.json",
		"{\"format\": 1, \"name\": \"ex\", \"rules\": [\n"
		"{\"id\": \"ex.a\", \"kind\": \"pattern\", \"category\": \"c\", \"severity\": \"error\", "
		"\"message\": \"m\", \"fix\": \"f\", \"pattern\": \"\\\\bab\\\\b\", "
		"\"examples\": {\"match\": [\"ab\", \"nope\", {\"text\": \"xx ab\", \"evidence\": \"xx ab\"}], "
		"\"no_match\": [\"a b\", \"AB!\"]}},\n"
		"{\"id\": \"ex.private\", \"kind\": \"pattern\", \"category\": \"c\", \"severity\": \"error\", "
		"\"message\": \"m\", \"fix\": \"f\", \"pattern\": \"\\\\bkees\\\\b\", \"scope\": {\"account\": [\"private\"]}, "
		"\"enabled\": false, \"examples\": {\"match\": [{\"text\": \"kees\", \"account\": \"private\"}], "
		"\"no_match\": [\"jan\", \"kees\", {\"text\": \"kees\", \"account\": \"professional\"}]}},\n"
		"{\"id\": \"ex.fr\", \"kind\": \"pattern\", \"category\": \"c\", \"severity\": \"error\", "
		"\"message\": \"m\", \"fix\": \"f\", \"pattern\": \"\\\\bquartier\\\\b\", \"scope\": {\"lang\": [\"fr\"]}, "
		"\"examples\": {\"match\": [{\"text\": \"quartier\", \"lang\": \"fr\"}, \"quartier\"], "
		"\"no_match\": [{\"text\": \"quartier\", \"lang\": \"nl\"}]}}]}");
	rs = load_pack("ex");
	if (rs) {
		fails[0] = '\0';
		CHECK_INT(pl_ruleset_test(rs, fail_cb, fails, &run, &failed, &d), PL_OK, "ex examples");
		CHECK_INT(run, 12, "ex examples run (disabled rules too)");
		/* A no_match example that names no account runs on the account the rule is scoped
		 * to: "kees" on a private-account rule is a failure, not a pass by default. */
		CHECK_INT(failed, 4, "ex examples failed");
		CHECK_STR(fails,
			  "ex.a|1|nope|not reported;"
			  "ex.a|1|xx ab|reported 'ab', expected evidence 'xx ab';"
			  "ex.a|0|AB!|reported 'AB';"
			  "ex.private|0|kees|reported 'kees';", "ex example failures");
		pl_ruleset_free(&rs);
	}
}

int main(void)
{
	size_t i;

	dir = t_mkdtemp();
	for (i = 0; i < ARRAY_LEN(packs); i++) {
		char file[64];

		snprintf(file, sizeof(file), "%s.json", packs[i].name);
		t_write(dir, file, packs[i].text);
	}
	for (i = 0; i < ARRAY_LEN(cases); i++)
		check_case(&cases[i]);
	check_langs();
	check_primary_lang();
	{
		struct pl_ruleset *rs = NULL;
		struct pl_diag d;

		CHECK_INT(pl_ruleset_load(&rs, "rules/default.json", NULL, &d), PL_OK, "default pack");
		if (rs)
			check_scanner_lang(rs);
		pl_ruleset_free(&rs);
	}
	check_catastrophic();
	check_combination_stops();
	check_examples();
	t_rmtree(dir);
	TEST_DONE();
}
