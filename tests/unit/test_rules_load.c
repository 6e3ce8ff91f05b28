/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for loading rules files: one row per mistake a rules author makes, each checked for
 * its status, its message and the file:line:column it points at. The rule sets that load are in
 * test_rules_sets.c. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

/*
 * The rows share a layout so that positions are easy to read off:
 *   line 1  {"format": 1, "name": "t",
 *   line 2   "rules": [
 *   line 3    {"id": "a.b", "kind": "pattern", "category": "plate", "severity": "error",
 *   line 4     "message": "m", "fix": "f", "examples": {"match": ["x"], "no_match": ["y"]},
 *   line 5     "pattern": "x"}
 *   line 6  ]}
 * Column of the value of "id" on line 3 is 10, of "kind" 25, of "category" 48, of "severity" 69;
 * of "message" on line 4 is 15; the value of a key starting line 5 at column 4 is 4 + len(key) + 4.
 */
#define TOP "{\"format\": 1, \"name\": \"t\",\n \"rules\": [\n"
#define L3(id, kind) \
	"  {\"id\": \"" id "\", \"kind\": \"" kind "\", \"category\": \"plate\", \"severity\": \"error\",\n"
#define L4 "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
#define END "]}\n"
#define RULE(id) L3(id, "pattern") L4 "   \"pattern\": \"x\"}"
/* A whole valid rule on one line. */
#define R1(id, kind, rest)                                                                     \
	"{\"id\": \"" id "\", \"kind\": \"" kind "\", \"category\": \"c\", \"severity\": \"error\", " \
	"\"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, " rest "}"

struct file {
	const char *name;
	const char *text;
};

struct lcase {
	const char *name;
	const char *text;         /* main.json */
	struct file extra[4];     /* more files beside it */
	enum pl_status st;
	const char *msg;          /* a substring the message must hold */
	const char *not_msg;      /* a substring it must not hold, or NULL */
	const char *file;         /* base name the diagnostic names; NULL: main.json; "": none */
	unsigned line, col;
};

static const struct lcase cases[] = {
	/* ---- JSON ---- */
	{ "invalid JSON", "{\"format\": 1,\n \"name\": }", {{0}}, PL_ERR_SYNTAX, "invalid JSON",
	  NULL, NULL, 2, 10 },
	{ "trailing comma", "{\"format\": 1, \"name\": \"t\",\n}", {{0}}, PL_ERR_SYNTAX,
	  "invalid JSON", NULL, NULL, 2, 1 },
	{ "unterminated string", "{\"format\": 1,\n \"name\": \"t}\n", {{0}}, PL_ERR_SYNTAX,
	  "invalid JSON", NULL, NULL, 2, 11 },
	{ "trailing garbage", "{\"format\": 1, \"name\": \"t\"}\n}\n", {{0}}, PL_ERR_SYNTAX,
	  "invalid JSON", NULL, NULL, 2, 1 },
	{ "empty file", "", {{0}}, PL_ERR_SYNTAX, "invalid JSON", NULL, NULL, 1, 1 },
	{ "control byte between values", "{\"format\": 1,\x08 \"name\": \"t\"}", {{0}}, PL_ERR_SYNTAX,
	  "invalid JSON", NULL, NULL, 1, 14 },
	{ "not an object", "[1, 2]\n", {{0}}, PL_ERR_RULES, "a rules file must be a JSON object", NULL,
	  NULL, 1, 1 },

	/* ---- top level ---- */
	{ "missing format", "{\"name\": \"t\"}", {{0}}, PL_ERR_RULES, "missing required key 'format'",
	  NULL, NULL, 1, 1 },
	{ "format 2", "{\"format\": 2, \"name\": \"t\"}", {{0}}, PL_ERR_RULES,
	  "unsupported format version (this postlint reads 1)", NULL, NULL, 1, 12 },
	{ "format as string", "{\"format\": \"1\", \"name\": \"t\"}", {{0}}, PL_ERR_RULES,
	  "unsupported format value", NULL, NULL, 1, 12 },
	{ "missing name", "{\"format\": 1}", {{0}}, PL_ERR_RULES, "missing required key 'name'",
	  NULL, NULL, 1, 1 },
	{ "name not a string", "{\"format\": 1, \"name\": 7}", {{0}}, PL_ERR_RULES,
	  "'name' must be a string", NULL, NULL, 1, 23 },
	{ "unknown top key", "{\"format\": 1, \"name\": \"t\",\n \"rulez\": []}", {{0}},
	  PL_ERR_RULES, "unknown key 'rulez' in a rules file (did you mean 'rules'?)", NULL, NULL, 2,
	  2 },
	{ "unknown top key, no suggestion", "{\"format\": 1, \"name\": \"t\",\n \"zzzzzz\": 1}",
	  {{0}}, PL_ERR_RULES, "unknown key 'zzzzzz' in a rules file", "did you mean", NULL, 2, 2 },
	{ "duplicate top key", "{\"format\": 1, \"name\": \"t\",\n \"name\": \"u\"}", {{0}},
	  PL_ERR_RULES, "duplicate key 'name' in a rules file", NULL, NULL, 2, 2 },
	{ "rules not an array", "{\"format\": 1, \"name\": \"t\", \"rules\": {}}", {{0}},
	  PL_ERR_RULES, "'rules' must be an array", NULL, NULL, 1, 37 },
	{ "rule not an object", TOP "  42\n" END, {{0}}, PL_ERR_RULES, "a rule must be an object",
	  NULL, NULL, 3, 3 },

	/* ---- rule keys ---- */
	{ "unknown rule key", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"severty\": \"error\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'severty' in a rule (did you mean 'severity'?)", NULL, NULL, 5, 20 },
	{ "key of another kind", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"unless\": [\"y\"]}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'unless' in a rule", NULL, NULL, 5, 20 },
	{ "duplicate rule key", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"pattern\": \"y\"}\n" END, {{0}}, PL_ERR_RULES,
	  "duplicate key 'pattern' in a rule", NULL, NULL, 5, 20 },
	{ "unknown kind", TOP L3("a.b", "patern") L4 "   \"pattern\": \"x\"}\n" END, {{0}},
	  PL_ERR_RULES, "unknown rule kind 'patern' (did you mean 'pattern'?)", NULL, NULL, 3, 25 },
	{ "unknown kind, no suggestion", TOP L3("a.b", "blob") L4 "   \"pattern\": \"x\"}\n" END,
	  {{0}}, PL_ERR_RULES, "unknown rule kind 'blob'", "did you mean", NULL, 3, 25 },
	{ "missing id", TOP "  {\"kind\": \"pattern\"}\n" END, {{0}}, PL_ERR_RULES,
	  "missing required key 'id'", NULL, NULL, 3, 3 },
	{ "id not a string", TOP "  {\"id\": 5, \"kind\": \"pattern\"}\n" END, {{0}}, PL_ERR_RULES,
	  "'id' must be a string", NULL, NULL, 3, 10 },
	{ "missing kind", TOP "  {\"id\": \"a.b\"}\n" END, {{0}}, PL_ERR_RULES,
	  "missing required key 'kind'", NULL, NULL, 3, 3 },
	{ "missing category", TOP
	  "  {\"id\": \"a.b\", \"kind\": \"pattern\", \"severity\": \"error\",\n" L4
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "missing required key 'category'", NULL,
	  NULL, 3, 3 },
	{ "missing severity", TOP
	  "  {\"id\": \"a.b\", \"kind\": \"pattern\", \"category\": \"plate\",\n" L4
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "missing required key 'severity'", NULL,
	  NULL, 3, 3 },
	{ "missing message", TOP L3("a.b", "pattern")
	  "   \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "missing required key 'message'", NULL,
	  NULL, 3, 3 },
	{ "missing fix", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "missing required key 'fix'", NULL, NULL,
	  3, 3 },
	{ "missing examples", TOP L3("a.b", "pattern") "   \"message\": \"m\", \"fix\": \"f\",\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "rule 'a.b' has no 'examples'", NULL,
	  NULL, 3, 3 },
	{ "empty no_match", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": []},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "'examples.no_match' must be a non-empty array", NULL, NULL, 4, 73 },
	{ "missing match", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "'examples.match' must be a non-empty array",
	  NULL, NULL, 4, 44 },
	{ "unknown example key", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [{\"text\": \"x\", \"evidense\": \"x\"}], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'evidense' in an example (did you mean 'evidence'?)", NULL, NULL, 4, 69 },
	{ "example without text", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [{\"evidence\": \"x\"}], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "missing required key 'text'", NULL, NULL,
	  4, 55 },
	{ "example with a bad account", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": \"f\", \"examples\": {\"match\": [{\"text\": \"x\", \"account\": \"public\"}], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "account must be \"professional\" or \"private\"", NULL, NULL, 4, 55 },
	{ "bad id: capitals", TOP RULE("Plate.NL") "\n" END, {{0}}, PL_ERR_RULES,
	  "rule id 'Plate.NL' must be dotted lowercase words", NULL, NULL, 3, 10 },
	{ "bad id: double dot", TOP RULE("a..b") "\n" END, {{0}}, PL_ERR_RULES,
	  "rule id 'a..b' must be dotted lowercase words", NULL, NULL, 3, 10 },
	{ "bad id: leading dot", TOP RULE(".a") "\n" END, {{0}}, PL_ERR_RULES,
	  "rule id '.a' must be", NULL, NULL, 3, 10 },
	{ "bad id: space", TOP RULE("a b") "\n" END, {{0}}, PL_ERR_RULES, "rule id 'a b' must be",
	  NULL, NULL, 3, 10 },
	{ "duplicate id", TOP RULE("a.b") ",\n" RULE("a.b") "\n" END, {{0}}, PL_ERR_RULES,
	  "duplicate rule id 'a.b'", NULL, NULL, 6, 10 },
	{ "bad severity", TOP
	  "  {\"id\": \"a.b\", \"kind\": \"pattern\", \"category\": \"plate\", \"severity\": \"fatal\",\n"
	  L4 "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "severity 'fatal' must be \"error\", \"warning\" or \"info\"", NULL, NULL, 3, 69 },
	{ "bad category", TOP
	  "  {\"id\": \"a.b\", \"kind\": \"pattern\", \"category\": \"Plate\", \"severity\": \"error\",\n"
	  L4 "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "category 'Plate' must be one lowercase word", NULL, NULL, 3, 48 },
	{ "message without en", TOP L3("a.b", "pattern")
	  "   \"message\": {\"nl\": \"m\"}, \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "'message' needs an English ('en') text",
	  NULL, NULL, 4, 15 },
	{ "fix without en", TOP L3("a.b", "pattern")
	  "   \"message\": \"m\", \"fix\": {\"fr\": \"f\"}, \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "'fix' needs an English ('en') text",
	  NULL, NULL, 4, 27 },
	{ "message language code", TOP L3("a.b", "pattern")
	  "   \"message\": {\"en\": \"m\", \"NL\": \"m\"}, \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES, "'NL' is not a two-letter language code",
	  NULL, NULL, 4, 27 },
	{ "message a number", TOP L3("a.b", "pattern")
	  "   \"message\": 3, \"fix\": \"f\", \"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]},\n"
	  "   \"pattern\": \"x\"}\n" END, {{0}}, PL_ERR_RULES,
	  "'message' must be a string or an object of languages", NULL, NULL, 4, 15 },
	{ "enabled not a boolean", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"enabled\": \"yes\"}\n" END, {{0}}, PL_ERR_RULES,
	  "'enabled' must be true or false", NULL, NULL, 5, 31 },
	{ "internal not a boolean", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"internal\": 1}\n" END, {{0}}, PL_ERR_RULES,
	  "'internal' must be true or false", NULL, NULL, 5, 32 },
	{ "bad text", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"x\", \"text\": \"raw\"}\n" END,
	  {{0}}, PL_ERR_RULES, "'text' must be \"normalized\" or \"original\"", NULL, NULL, 5, 28 },

	/* ---- scope ---- */
	{ "scope account", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"scope\": {\"account\": [\"public\"]}}\n" END, {{0}}, PL_ERR_RULES,
	  "account must be \"professional\" or \"private\"", NULL, NULL, 5, 42 },
	{ "scope key", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"scope\": {\"langs\": [\"nl\"]}}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'langs' in 'scope' (did you mean 'lang'?)", NULL, NULL, 5, 30 },
	{ "scope lang code", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"scope\": {\"lang\": [\"nld\"]}}\n" END, {{0}}, PL_ERR_RULES,
	  "a language must be a two-letter code", NULL, NULL, 5, 39 },
	{ "scope not an object", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"scope\": [\"private\"]}\n" END, {{0}}, PL_ERR_RULES,
	  "'scope' must be an object", NULL, NULL, 5, 29 },
	{ "scope account not an array", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"scope\": {\"account\": \"private\"}}\n" END, {{0}}, PL_ERR_RULES,
	  "'scope.account' must be an array", NULL, NULL, 5, 41 },

	/* ---- patterns ---- */
	{ "missing pattern", TOP L3("a.b", "pattern") L4 "   \"protocol\": \"x\"}\n" END, {{0}},
	  PL_ERR_RULES, "missing required key 'pattern'", NULL, NULL, 3, 3 },
	{ "empty pattern", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"\"}\n" END, {{0}},
	  PL_ERR_RULES, "a pattern must be a non-empty string", NULL, NULL, 5, 15 },
	{ "bad regex", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"(abc\"}\n" END, {{0}},
	  PL_ERR_RULES, "bad pattern: missing closing parenthesis at offset 4", NULL, NULL, 5, 20 },
	{ "bad regex in the middle", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"a)b\"}\n" END,
	  {{0}}, PL_ERR_RULES, "bad pattern: unmatched closing parenthesis at offset 1", NULL, NULL,
	  5, 17 },
	{ "bad regex after escapes", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"\\\\d+\\\\s)\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unmatched closing parenthesis at offset 5", NULL, NULL, 5, 23 },
	{ "bad regex after an accent", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"\xc3\xa9)\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unmatched closing parenthesis at offset 2", NULL, NULL, 5, 17 },
	{ "bad regex after a \\u escape", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"\\u00e9)\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unmatched closing parenthesis at offset 2", NULL, NULL, 5, 22 },
	{ "pattern with a NUL", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"a\\u0000b\"}\n" END,
	  {{0}}, PL_ERR_RULES, "a pattern cannot hold a NUL character (\\u0000); write \\\\x00", NULL,
	  NULL, 5, 15 },
	{ "bad quantifier", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"*x\"}\n" END, {{0}},
	  PL_ERR_RULES, "quantifier does not follow a repeatable item at offset 0", NULL, NULL, 5,
	  16 },
	{ "unknown vocabulary", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"{{kleur}} jas\"}\n"
	  END, {{0}}, PL_ERR_RULES, "unknown vocabulary 'kleur' in pattern", NULL, NULL, 5, 15 },
	{ "bad regex with a vocabulary", "{\"format\": 1, \"name\": \"t\", \"vocabularies\": {\"c\": [\"rood\"]},\n"
	  " \"rules\": [\n" L3("a.b", "pattern") L4 "   \"pattern\": \"{{c}})\"}\n" END, {{0}},
	  PL_ERR_RULES, "of the expanded pattern", NULL, NULL, 5, 15 },
	{ "unknown validator", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"validate\": \"iben\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown validator 'iben' (did you mean 'iban'?)", NULL, NULL, 5, 32 },
	{ "unknown validator, no suggestion", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"validate\": \"kenteken\"}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown validator 'kenteken'", "did you mean", NULL, 5, 32 },
	{ "context not an object", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": [\"y\"]}\n" END, {{0}}, PL_ERR_RULES,
	  "'context' must be an object", NULL, NULL, 5, 31 },
	{ "context window 0", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"window\": 0}}\n" END, {{0}}, PL_ERR_RULES,
	  "'window' must be a number of characters from 1 to 2000", NULL, NULL, 5, 42 },
	{ "context window too big", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"window\": 5000}}\n" END, {{0}}, PL_ERR_RULES,
	  "'window' must be a number", NULL, NULL, 5, 42 },
	{ "context window a string", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"window\": \"60\"}}\n" END, {{0}}, PL_ERR_RULES,
	  "'window' must be a number", NULL, NULL, 5, 42 },
	{ "context line a string", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"line\": \"yes\"}}\n" END, {{0}}, PL_ERR_RULES,
	  "'line' must be true or false", NULL, NULL, 5, 40 },
	{ "context sentence a string", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"sentence\": \"yes\"}}\n" END, {{0}}, PL_ERR_RULES,
	  "'sentence' must be true, false or \"end\"", NULL, NULL, 5, 44 },
	{ "context key", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"requir\": [\"y\"]}}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'requir' in 'context' (did you mean 'require'?)", NULL, NULL, 5, 32 },
	{ "context regex", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"forbid\": [\"ok\", \"[y\"]}}\n" END, {{0}},
	  PL_ERR_RULES, "bad pattern: missing terminating ] for character class", NULL, NULL, 5, 52 },
	{ "context list of numbers", TOP L3("a.b", "pattern") L4
	  "   \"pattern\": \"x\", \"context\": {\"boost\": [1]}}\n" END, {{0}}, PL_ERR_RULES,
	  "a pattern must be a non-empty string", NULL, NULL, 5, 42 },
	{ "exclude a number", TOP L3("a.b", "pattern") L4 "   \"pattern\": \"x\", \"exclude\": 3}\n"
	  END, {{0}}, PL_ERR_RULES, "expected a pattern or an array of patterns", NULL, NULL, 5, 31 },

	/* ---- vocabularies ---- */
	{ "unknown vocabulary reference", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"vocabularies\": {\"c\": [\"rood\", \"@kleur\"]}}\n", {{0}}, PL_ERR_RULES,
	  "unknown vocabulary 'kleur' (define it before use)", NULL, NULL, 2, 33 },
	{ "vocabulary referring to itself", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"vocabularies\": {\"c\": [\"@c\"]}}\n", {{0}}, PL_ERR_RULES, "unknown vocabulary 'c'", NULL,
	  NULL, 2, 25 },
	{ "vocabulary used before defined", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"vocabularies\": {\"a\": [\"@b\"], \"b\": [\"x\"]}}\n", {{0}}, PL_ERR_RULES,
	  "unknown vocabulary 'b' (define it before use)", NULL, NULL, 2, 25 },
	{ "duplicate vocabulary", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"vocabularies\": {\"c\": [\"a\"],\n  \"c\": [\"b\"]}}\n", {{0}}, PL_ERR_RULES,
	  "vocabulary 'c' is already defined in '", NULL, NULL, 3, 3 },
	{ "vocabulary defined in an extended pack too",
	  "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"vocabularies\": {\"c\": [\"b\"]}}\n",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"vocabularies\": {\"c\": [\"a\"]}}" } },
	  PL_ERR_RULES, "base.json'", NULL, NULL, 2, 19 },
	{ "vocabulary name", "{\"format\": 1, \"name\": \"t\",\n \"vocabularies\": {\"Kleur\": [\"a\"]}}",
	  {{0}}, PL_ERR_RULES, "vocabulary name 'Kleur' must be lowercase letters, digits and _", NULL,
	  NULL, 2, 19 },
	{ "empty vocabulary", "{\"format\": 1, \"name\": \"t\",\n \"vocabularies\": {\"c\": []}}",
	  {{0}}, PL_ERR_RULES, "vocabulary 'c' must be a non-empty array of words", NULL, NULL, 2, 24 },
	{ "empty word", "{\"format\": 1, \"name\": \"t\",\n \"vocabularies\": {\"c\": [\"a\", \"\"]}}",
	  {{0}}, PL_ERR_RULES, "empty or space-led word in vocabulary 'c'", NULL, NULL, 2, 30 },
	{ "word not a string", "{\"format\": 1, \"name\": \"t\",\n \"vocabularies\": {\"c\": [1]}}",
	  {{0}}, PL_ERR_RULES, "vocabulary 'c' must list strings", NULL, NULL, 2, 25 },
	{ "vocabularies an array", "{\"format\": 1, \"name\": \"t\",\n \"vocabularies\": [\"a\"]}",
	  {{0}}, PL_ERR_RULES, "'vocabularies' must be an object", NULL, NULL, 2, 18 },

	/* ---- fragments ---- */
#define FR "{\"format\": 1, \"name\": \"t\", \"vocabularies\": {\"c\": [\"rood\"]},\n"
	{ "fragment with a bad regex", FR " \"fragments\": {\"x\": \"a(b\"}}\n", {{0}}, PL_ERR_RULES,
	  "bad pattern in fragment 'x': missing closing parenthesis at offset 3", NULL, NULL, 2, 25 },
	{ "fragment with a bad regex after a vocabulary", FR " \"fragments\": {\"x\": \"{{c}}(b\"}}\n",
	  {{0}}, PL_ERR_RULES, "bad pattern in fragment 'x': missing closing parenthesis at offset 7",
	  NULL, NULL, 2, 29 },
	{ "fragment with an unknown vocabulary", FR " \"fragments\": {\"x\": \"{{kleur}}\"}}\n", {{0}},
	  PL_ERR_RULES, "unknown vocabulary 'kleur' in fragment 'x' (define it before use)", NULL,
	  NULL, 2, 21 },
	{ "fragment using a fragment", FR " \"fragments\": {\"x\": \"a\", \"y\": \"{{x}}b\"}}\n", {{0}},
	  PL_ERR_RULES, "fragment 'y' uses fragment 'x': fragments do not nest", NULL, NULL, 2, 31 },
	{ "fragment with a back-reference", FR " \"fragments\": {\"x\": \"(a)\\\\1\"}}\n", {{0}},
	  PL_ERR_RULES, "fragment 'x' holds a back-reference (\\1)", NULL, NULL, 2, 21 },
	{ "fragment named as a vocabulary", FR " \"fragments\": {\"c\": \"a\"}}\n", {{0}},
	  PL_ERR_RULES, "fragment 'c' is already defined in '", NULL, NULL, 2, 16 },
	{ "fragment not a string", FR " \"fragments\": {\"x\": [\"a\"]}}\n", {{0}}, PL_ERR_RULES,
	  "fragment 'x' must be a non-empty pattern string", NULL, NULL, 2, 21 },
	{ "fragments an array", FR " \"fragments\": [\"a\"]}\n", {{0}}, PL_ERR_RULES,
	  "'fragments' must be an object", NULL, NULL, 2, 15 },
	{ "fragment as a word list", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"vocabularies\": {\"d\": [\"@x\"]}}\n",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"fragments\": {\"x\": \"a\"}}" } },
	  PL_ERR_RULES, "'x' is a fragment, not a word list", NULL, NULL, 2, 25 },
	{ "fragment used in a pattern", FR " \"fragments\": {\"x\": \"{{c}}e?\"},\n \"rules\": [\n"
	  "  {\"id\": \"a.b\", \"kind\": \"pattern\", \"category\": \"clothing\", \"severity\": \"error\",\n"
	  "   \"message\": \"m\", \"fix\": \"f\", \"protocol\": \"p\", \"pattern\": \"{{x}}(\",\n"
	  "   \"examples\": {\"match\": [\"rood\"], \"no_match\": [\"groen\"]}}]}\n",
	  {{0}}, PL_ERR_RULES, "of the expanded pattern", NULL, NULL, 5, 60 },
#undef FR

	/* ---- combinations ---- */
	{ "combination min 1", TOP RULE("i.i") ",\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"i.i\"}], \"min\": 1}\n" END, {{0}}, PL_ERR_RULES,
	  "'min' must be a number of matches from 2 to 64", NULL, NULL, 8, 39 },
	{ "combination without min", TOP RULE("i.i") ",\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"i.i\"}]}\n" END, {{0}}, PL_ERR_RULES,
	  "'min' must be a number of matches", NULL, NULL, 6, 3 },
	{ "combination without parts", TOP L3("c.c", "combination") L4 "   \"min\": 2}\n" END, {{0}},
	  PL_ERR_RULES, "'parts' must be a non-empty array", NULL, NULL, 3, 3 },
	{ "combination empty parts", TOP L3("c.c", "combination") L4
	  "   \"parts\": [], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "'parts' must be a non-empty array", NULL, NULL, 5, 13 },
	{ "combination unknown part rule", TOP RULE("i.i") ",\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"nope\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "rule 'c.c': part refers to unknown rule 'nope'", NULL, NULL, 6, 3 },
	{ "combination part a requires rule", TOP L3("q.q", "requires") L4
	  "   \"when\": \"x\", \"unless\": [\"y\"]},\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"q.q\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "rule 'c.c': part 'q.q' must be a pattern rule", NULL, NULL, 6, 3 },
	{ "combination part itself", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"c.c\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "part 'c.c' must be a pattern rule", NULL, NULL, 3, 3 },
	{ "combination part another combination", TOP RULE("i.i") ",\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"i.i\"}], \"min\": 2},\n" L3("d.d", "combination") L4
	  "   \"parts\": [{\"rule\": \"c.c\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "rule 'd.d': part 'c.c' must be a pattern rule", NULL, NULL, 9, 3 },
	{ "combination part with rule and pattern", TOP RULE("i.i") ",\n" L3("c.c", "combination") L4
	  "   \"parts\": [{\"rule\": \"i.i\", \"pattern\": \"x\"}], \"min\": 2}\n" END, {{0}},
	  PL_ERR_RULES, "a part takes 'rule' or 'pattern', not both", NULL, NULL, 8, 14 },
	{ "combination part key", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"rul\": \"i.i\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "unknown key 'rul' in a part (did you mean 'rule'?)", NULL, NULL, 5, 15 },
	{ "combination part without rule or pattern", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"name\": \"x\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "a part needs 'rule' or 'pattern'", NULL, NULL, 5, 14 },
	{ "combination part bad regex", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"pattern\": \"(\"}], \"min\": 2}\n" END, {{0}}, PL_ERR_RULES,
	  "bad pattern", NULL, NULL, 5, 28 },
	{ "combination window", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"pattern\": \"x\"}], \"min\": 2, \"window\": \"paragraph\"}\n" END, {{0}},
	  PL_ERR_RULES, "'window' must be \"sentence\", \"post\" or { \"chars\": N }", NULL, NULL, 5,
	  53 },
	{ "combination window chars 0", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"pattern\": \"x\"}], \"min\": 2, \"window\": {\"chars\": 0}}\n" END, {{0}},
	  PL_ERR_RULES, "'window' must be", NULL, NULL, 5, 53 },
	{ "combination window extra key", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"pattern\": \"x\"}], \"min\": 2, \"window\": {\"chars\": 9, \"x\": 1}}\n" END,
	  {{0}}, PL_ERR_RULES, "'window' must be", NULL, NULL, 5, 53 },
	{ "combination min_parts", TOP L3("c.c", "combination") L4
	  "   \"parts\": [{\"pattern\": \"x\"}], \"min\": 2, \"min_parts\": 3}\n" END, {{0}},
	  PL_ERR_RULES, "'min_parts' must be from 1 to the number of parts (1)", NULL, NULL, 5, 56 },

	/* ---- requires ---- */
	{ "requires without unless", TOP L3("q.q", "requires") L4 "   \"when\": \"x\"}\n" END, {{0}},
	  PL_ERR_RULES, "missing required key 'unless'", NULL, NULL, 3, 3 },
	{ "requires without when", TOP L3("q.q", "requires") L4 "   \"unless\": [\"x\"]}\n" END,
	  {{0}}, PL_ERR_RULES, "missing required key 'when'", NULL, NULL, 3, 3 },
	{ "requires empty unless", TOP L3("q.q", "requires") L4
	  "   \"when\": \"x\", \"unless\": []}\n" END, {{0}}, PL_ERR_RULES,
	  "'unless' needs at least one pattern", NULL, NULL, 5, 27 },
	{ "requires bad when", TOP L3("q.q", "requires") L4
	  "   \"when\": \"x{2,1}\", \"unless\": [\"y\"]}\n" END, {{0}}, PL_ERR_RULES,
	  "bad pattern: numbers out of order in {} quantifier", NULL, NULL, 5, 18 },

	/* ---- extends ---- */
	{ "extends a missing pack", "{\"format\": 1, \"name\": \"t\",\n \"extends\": [\"nope\"]}", {{0}},
	  PL_ERR_NOTFOUND, "rules pack 'nope' not found on the rules search path", NULL, NULL, 2, 14 },
	{ "extends a missing file", "{\"format\": 1, \"name\": \"t\",\n \"extends\": [\"./missing.json\"]}",
	  {{0}}, PL_ERR_IO, "in extended pack './missing.json': cannot read '", NULL, NULL, 2, 14 },
	{ "extends not an array", "{\"format\": 1, \"name\": \"t\",\n \"extends\": \"base\"}", {{0}},
	  PL_ERR_RULES, "'extends' must be an array of pack names", NULL, NULL, 2, 13 },
	{ "extends a number", "{\"format\": 1, \"name\": \"t\",\n \"extends\": [1]}", {{0}},
	  PL_ERR_RULES, "'extends' entries must be strings", NULL, NULL, 2, 14 },
	{ "extends itself", "{\"format\": 1, \"name\": \"t\",\n \"extends\": [\"./main.json\"]}", {{0}},
	  PL_ERR_RULES, "'extends' cycle", NULL, NULL, 0, 0 },
	{ "extends cycle of two", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./b.json\"]}",
	  { { "b.json", "{\"format\": 1, \"name\": \"b\", \"extends\": [\"./main.json\"]}" } },
	  PL_ERR_RULES, "'extends' cycle", NULL, "b.json", 0, 0 },
	{ "extends cycle of three", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./b.json\"]}",
	  { { "b.json", "{\"format\": 1, \"name\": \"b\", \"extends\": [\"sub/c.json\"]}" },
	    { "sub/c.json", "{\"format\": 1, \"name\": \"c\", \"extends\": [\"../main.json\"]}" } },
	  PL_ERR_RULES, "'extends' cycle", NULL, "c.json", 0, 0 },
	{ "error inside an extended pack", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"]}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\",\n  \"rulez\": []}" } }, PL_ERR_RULES,
	  "unknown key 'rulez' in a rules file (did you mean 'rules'?)", NULL, "base.json", 2, 3 },
	/* Two packs and more are read and parsed ahead in a thread (rules_prefetch.c): each error
	 * is still reported where the loop meets it, with the file and the place. */
	{ "bad JSON in the second of three packs", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"extends\": [\"./a.json\", \"./b.json\", \"./c.json\"]}",
	  { { "a.json", "{\"format\": 1, \"name\": \"a\"}" },
	    { "b.json", "{\"format\": 1,\n  \"name\": }" },
	    { "c.json", "{\"format\": 1, \"name\": \"c\"}" } },
	  PL_ERR_SYNTAX, "invalid JSON", NULL, "b.json", 2, 11 },
	{ "an error in the first of two packs", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"extends\": [\"./a.json\", \"./b.json\"]}",
	  { { "a.json", "{\"format\": 1, \"name\": \"a\",\n  \"rulez\": []}" },
	    { "b.json", "{\"format\": 1, \"name\": }" } },
	  PL_ERR_RULES, "unknown key 'rulez' in a rules file", NULL, "a.json", 2, 3 },
	{ "a missing pack after two", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"extends\": [\"./a.json\", \"./b.json\", \"nope\"]}",
	  { { "a.json", "{\"format\": 1, \"name\": \"a\"}" },
	    { "b.json", "{\"format\": 1, \"name\": \"b\"}" } },
	  PL_ERR_NOTFOUND, "rules pack 'nope' not found on the rules search path", NULL, NULL, 2, 38 },
	{ "a missing file first of two", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"extends\": [\"./missing.json\", \"./a.json\"]}",
	  { { "a.json", "{\"format\": 1, \"name\": \"a\"}" } }, PL_ERR_IO,
	  "in extended pack './missing.json': cannot read '", NULL, NULL, 2, 14 },
	{ "an error in a pack read ahead but loaded already", "{\"format\": 1, \"name\": \"t\",\n"
	  " \"extends\": [\"./a.json\", \"./b.json\", \"./a.json\", \"./c.json\"]}",
	  { { "a.json", "{\"format\": 1, \"name\": \"a\"}" },
	    { "b.json", "{\"format\": 1, \"name\": \"b\"}" },
	    { "c.json", "{\"format\": 1, \"name\": \"c\", \"rules\": 3}" } },
	  PL_ERR_RULES, "'rules' must be an array", NULL, "c.json", 1, 37 },
	{ "duplicate id across packs", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "duplicate rule id 'a.b'", NULL, NULL, 2, 19 },

	/* ---- overrides ---- */
	{ "override of an unknown rule", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"overrides\": {\"a.c\": {\"enabled\": false}}}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "override of unknown rule 'a.c' (did you mean 'a.b'?)", NULL, NULL, 2, 16 },
	{ "override key", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"overrides\": {\"a.b\": {\"severty\": \"info\"}}}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "unknown key 'severty' in an override (did you mean 'severity'?)", NULL, NULL,
	  2, 24 },
	{ "override severity", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"overrides\": {\"a.b\": {\"severity\": \"high\"}}}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "'severity' must be \"error\", \"warning\" or \"info\"", NULL, NULL, 2, 36 },
	{ "override enabled", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"overrides\": {\"a.b\": {\"enabled\": 0}}}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "'enabled' must be true or false", NULL, NULL, 2, 35 },
	{ "override not an object", "{\"format\": 1, \"name\": \"t\", \"extends\": [\"./base.json\"],\n"
	  " \"overrides\": {\"a.b\": \"off\"}}",
	  { { "base.json", "{\"format\": 1, \"name\": \"base\", \"rules\": [" R1("a.b", "pattern", "\"pattern\": \"x\"") "]}" } },
	  PL_ERR_RULES, "an override must be an object", NULL, NULL, 2, 23 },
	{ "overrides not an object", "{\"format\": 1, \"name\": \"t\",\n \"overrides\": []}", {{0}},
	  PL_ERR_RULES, "'overrides' must be an object of rule ids", NULL, NULL, 2, 15 },

	/* ---- encodings of the file itself ---- */
	{ "byte order mark", "\xef\xbb\xbf{\"format\": 1, \"name\": \"t\",\n \"rulez\": []}", {{0}},
	  PL_ERR_RULES, "unknown key 'rulez'", NULL, NULL, 2, 2 },
	{ "byte order mark, first line", "\xef\xbb\xbf{\"format\": 1, \"name\": \"t\", \"rulez\": []}",
	  {{0}}, PL_ERR_RULES, "unknown key 'rulez'", NULL, NULL, 1, 28 },
	{ "CRLF line ends", "{\"format\": 1, \"name\": \"t\",\r\n \"rulez\": []}", {{0}},
	  PL_ERR_RULES, "unknown key 'rulez'", NULL, NULL, 2, 2 },
};

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static void check_case(const struct lcase *c)
{
	char *dir = t_mkdtemp(), *main_path;
	struct pl_ruleset *rs = (struct pl_ruleset *)&rs; /* must be cleared on failure */
	struct pl_diag d;
	char ctx[200];
	enum pl_status st;
	size_t i;

	snprintf(ctx, sizeof(ctx), "load '%s'", c->name);
	t_write(dir, "main.json", c->text);
	for (i = 0; i < ARRAY_LEN(c->extra) && c->extra[i].name; i++)
		t_write(dir, c->extra[i].name, c->extra[i].text);
	main_path = t_path(dir, "main.json");
	st = pl_ruleset_load(&rs, main_path, NULL, &d);
	CHECK_INT(st, c->st, ctx);
	CHECK(rs == NULL, "%s: *out not cleared on failure", ctx);
	CHECK_HAS(d.message, c->msg, ctx);
	if (c->not_msg)
		CHECK(!strstr(d.message, c->not_msg), "%s: message '%s' holds '%s'", ctx, d.message,
		      c->not_msg);
	if (c->file && !c->file[0])
		CHECK_STR(d.file, "", ctx);
	else
		CHECK_STR(base_name(d.file), c->file ? c->file : "main.json", ctx);
	CHECK_INT(d.line, c->line, ctx);
	CHECK_INT(d.column, c->col, ctx);
	/* The message never repeats the position that pl_diag_format puts in front of it. */
	CHECK(!strstr(d.message, "main.json:"), "%s: position in the message: '%s'", ctx,
	      d.message);
	pl_ruleset_free(&rs);
	free(main_path);
	t_rmtree(dir);
}

/*
 * Names are looked up by hash: a pack with more vocabularies and fragments than the table's first
 * size (256 slots) grows it while loading. Every name stays found, the first and the last, and a
 * name repeated after the growth is still refused at its own line.
 */
static void many_names(void)
{
	enum { NVOCAB = 700, NFRAG = 200 };
	char *dir = t_mkdtemp(), *path = t_path(dir, "main.json"), line[160];
	struct pl_buf b;
	struct pl_ruleset *rs = NULL;
	struct pl_findings f;
	struct pl_diag d;
	int i, dup;

	for (dup = 0; dup < 2; dup++) {
		pl_buf_init(&b);
		pl_buf_addf(&b, "{\"format\": 1, \"name\": \"t\",\n\"vocabularies\": {\n");
		for (i = 0; i < NVOCAB; i++)
			pl_buf_addf(&b, "\"v%d\": [\"w%dx\"],\n", i, i);
		pl_buf_addf(&b, "\"v%s\": [\"last\"]},\n\"fragments\": {\n", dup ? "350" : "end");
		for (i = 0; i < NFRAG; i++)
			pl_buf_addf(&b, "\"f%d\": \"{{v%d}}\",\n", i, i * 3);
		pl_buf_addf(&b, "\"fend\": \"{{v0}}-{{v%d}}\"},\n\"rules\": [\n", NVOCAB - 1);
		pl_buf_addf(&b, R1("a.b", "pattern", "\"pattern\": \"\\\\b(?:{{f%d}}|{{fend}})\\\\b\"")
			    "]}\n", NFRAG - 1);
		CHECK(!b.oom, "many names: no memory");
		t_write(dir, "main.json", b.data);
		pl_buf_release(&b);
		if (dup) {
			CHECK_INT(pl_ruleset_load(&rs, path, NULL, &d), PL_ERR_RULES, "many names, repeated");
			CHECK_HAS(d.message, "vocabulary 'v350' is already defined in '", "many names");
			CHECK_INT(d.line, NVOCAB + 3, "many names: the repeated name's line");
			continue;
		}
		CHECK_INT(pl_ruleset_load(&rs, path, NULL, &d), PL_OK, "many names");
		if (!rs) {
			CHECK(0, "many names: %s", d.message);
			continue;
		}
		pl_findings_init(&f);
		snprintf(line, sizeof(line), "w%dx, w0x-w%dx and w1x", (NFRAG - 1) * 3, NVOCAB - 1);
		CHECK_INT(pl_scan_text(rs, "t", line, strlen(line), NULL, &f, &d), PL_OK, "many names");
		CHECK_INT((long)f.len, 2, "many names: the last fragment and the one of first and last");
		pl_findings_release(&f);
		pl_ruleset_free(&rs);
	}
	free(path);
	t_rmtree(dir);
}

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++)
		check_case(&cases[i]);
	many_names();
	TEST_DONE();
}
