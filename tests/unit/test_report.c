/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for reports: findings from real scans rendered as text (the caret under the right
 * column, whatever stands before the match), JSON and SARIF (both parsed back with cJSON and
 * checked field by field). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

#define B(s) s, sizeof(s) - 1
/* A literal where the API wants char *: pl_findings_add copies it, nothing writes to it. */
#define W(s) ((char *)(uintptr_t)(s))

static struct pl_ruleset *rs;

/* One scanned post, kept alive for its result. */
struct scanned {
	struct pl_findings f;
	struct pl_result res;
	const char *text;
	size_t len;
};

static void scan(struct scanned *s, const char *path, const char *text, size_t len,
		 const char *langs)
{
	struct pl_scan_options o;
	struct pl_diag d;

	pl_scan_options_init(&o);
	o.langs = langs;
	pl_findings_init(&s->f);
	CHECK_INT(pl_scan_text(rs, path, text, len, &o, &s->f, &d), PL_OK, path);
	memset(&s->res, 0, sizeof(s->res));
	s->res.path = path;
	s->res.text_path = path;
	s->res.text = text;
	s->res.text_len = len;
	s->res.lang = langs ? langs : "en";
	s->res.findings = &s->f;
	s->res.verdict = pl_findings_verdict(&s->f);
}

/* Renders results in format; the caller frees the string. */
static char *render(const char *format, struct scanned *const *posts, size_t n, int color,
		    int quiet)
{
	struct pl_report_options ro = { .color = color, .quiet = quiet, .tool_version = "9.9.9" };
	struct pl_reporter *r = NULL;
	struct pl_summary sum;
	struct pl_buf b;
	struct pl_diag d;
	char *out;
	size_t i;

	memset(&sum, 0, sizeof(sum));
	pl_buf_init(&b);
	CHECK_INT(pl_reporter_new(&r, format, &ro, &d), PL_OK, format);
	if (!r)
		return NULL;
	CHECK_INT(pl_reporter_begin(r, rs, &b), PL_OK, format);
	for (i = 0; i < n; i++) {
		pl_summary_add(&sum, &posts[i]->res);
		CHECK_INT(pl_reporter_post(r, &posts[i]->res, &b), PL_OK, format);
	}
	CHECK_INT(pl_reporter_end(r, &sum, &b), PL_OK, format);
	pl_reporter_free(&r);
	CHECK(r == NULL, "reporter_free clears the pointer");
	out = b.data ? b.data : calloc(1, 1);
	return out;
}

/* ---- text: one row per caption, the lines the report must hold ---- */
struct tcase {
	const char *name;
	const char *text;
	size_t len;
	const char *want;   /* the report up to the summary line */
};

static const struct tcase text_cases[] = {
	{ "plain", B("kenteken AB-12-34 gezien"),
	  "post.txt:1:10: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | kenteken AB-12-34 gezien\n"
	  "      |          ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "accent and emoji before the match", B("\xc3\x87" "a va \xf0\x9f\x9a\x93 AB-12-34"),
	  "post.txt:1:9: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | \xc3\x87" "a va \xf0\x9f\x9a\x93 AB-12-34\n"
	  "      |          ^~~~~~~~\n" /* the emoji is two columns wide */
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "combining accent before the match", B("Cafe\xcc\x81 AB-12-34"),
	  "post.txt:1:7: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | Cafe\xcc\x81 AB-12-34\n"
	  "      |      ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "CJK before the match", B("\xe8\xbd\xa6 AB-12-34"),
	  "post.txt:1:3: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | \xe8\xbd\xa6 AB-12-34\n"
	  "      |    ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "fullwidth match", B("zie \xef\xbc\xa1\xef\xbc\xa2-12-34!"),
	  "post.txt:1:5: error: licence plate '\xef\xbc\xa1\xef\xbc\xa2-12-34' [plate.nl]\n"
	  "    1 | zie \xef\xbc\xa1\xef\xbc\xa2-12-34!\n"
	  "      |     ^~~~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "tab before the match", B("\tAB-12-34"),
	  "post.txt:1:2: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 |  AB-12-34\n"
	  "      |  ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "control bytes before the match", B("a\0\x1b" "AB-12-34"),
	  "post.txt: warning: caption contains 1 NUL byte, the first at byte 1 [input.encoding]\n"
	  "      = fix: remove the NUL bytes; is this a text file?\n"
	  "post.txt:1:4: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | a  AB-12-34\n"
	  "      |    ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "second CRLF line", B("Hallo\r\nzie AB-12-34\r\nDoei"),
	  "post.txt:2:5: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    2 | zie AB-12-34\n"
	  "      |     ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "after a lone CR", B("Hallo\rzie AB-12-34"),
	  "post.txt:2:5: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    2 | zie AB-12-34\n"
	  "      |     ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
	{ "combination with parts", B("Hij droeg red sneakers and blue trousers."),
	  "post.txt:1:11: warning: identifying clothing combination 'red sneakers and blue trousers' [clothing.combination]\n"
	  "    1 | Hij droeg red sneakers and blue trousers.\n"
	  "      |           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
	  "      = part 1: 'red sneakers' at 1:11\n"
	  "      = part 2: 'blue trousers' at 1:28\n"
	  "      = fix: leave out the description of clothing\n"
	  "      = protocol: NL-POL-SM 2.1\n"
	  "post.txt: REVIEW\n\n" },
	{ "combination over two lines", B("rode jas,\r\nblauwe broek"),
	  "" },
	{ "clean post", B("Mooi weer vandaag"), "" },
	{ "invalid UTF-8 before the match", B("\xff\xfe AB-12-34"),
	  "post.txt: warning: caption is not valid UTF-8: 2 bad bytes, the first at byte 0 [input.encoding]\n"
	  "      = fix: save the caption as UTF-8\n"
	  "post.txt:1:4: error: licence plate 'AB-12-34' [plate.nl]\n"
	  "    1 | \xff\xfe AB-12-34\n"
	  "      |    ^~~~~~~~\n"
	  "      = fix: remove or blur the plate\n"
	  "      = protocol: NL-POL-SM 3.2\n"
	  "post.txt: BLOCK\n\n" },
};

static void check_text(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(text_cases); i++) {
		const struct tcase *c = &text_cases[i];
		struct scanned s, *one = &s;
		char *out, *end, ctx[128];

		snprintf(ctx, sizeof(ctx), "text '%s'", c->name);
		scan(&s, "post.txt", c->text, c->len, NULL);
		out = render("text", &one, 1, 0, 0);
		if (out) {
			/* Cut the closing summary line off; it is checked separately. */
			end = strstr(out, "1 post: ");
			CHECK(end != NULL, "%s: no summary in '%s'", ctx, out);
			if (end)
				*end = '\0';
			CHECK(!strcmp(out, c->want), "%s:\n--- got\n%s--- want\n%s---", ctx, out, c->want);
			CHECK(!strchr(out, '\033'), "%s: colour without asking", ctx);
		}
		free(out);
		pl_findings_release(&s.f);
	}
}

static void check_text_options(void)
{
	struct scanned a, b, c, *posts[3] = { &a, &b, &c };
	char *out, *long_line;
	size_t n = 600;

	scan(&a, "a.txt", B("AB-12-34 en Stuur ons een DM"), "nl");
	scan(&b, "b.txt", B("Mooi weer"), NULL);
	scan(&c, "c.txt", B("rode jas en blauwe broek"), NULL);
	out = render("text", posts, 3, 0, 0);
	CHECK_HAS(out, "a.txt:1:1: error: kenteken 'AB-12-34' [plate.nl]\n", "text: message in the post's language");
	CHECK_HAS(out, "a.txt:1:13: warning: oproep tot melden zonder 112 'Stuur' [emergency.nl]\n",
		  "text: second finding");
	CHECK_HAS(out, "a.txt: BLOCK\n\nc.txt:1:1:", "text: a clean post prints nothing");
	CHECK_HAS(out, "3 posts: 1 BLOCK, 1 REVIEW, 1 OK (1 error, 2 warnings, 0 info)\n",
		  "text: summary");
	free(out);

	out = render("text", posts, 3, 0, 1);
	CHECK_STR(out,
		  "a.txt:1:1: error: kenteken 'AB-12-34' [plate.nl]\n"
		  "a.txt:1:13: warning: oproep tot melden zonder 112 'Stuur' [emergency.nl]\n"
		  "c.txt:1:1: warning: identifying clothing combination 'rode jas en blauwe broek' "
		  "[clothing.combination]\n",
		  "text: quiet");
	free(out);

	out = render("text", posts, 1, 1, 0);
	CHECK_HAS(out, "\033[1;31merror:\033[0m", "text: colour");
	CHECK_HAS(out, "\033[1;32m^~~~~~~~\033[0m", "text: coloured caret");
	free(out);
	pl_findings_release(&a.f);
	pl_findings_release(&b.f);
	pl_findings_release(&c.f);

	/* A line too long to show: the head, no excerpt. */
	long_line = malloc(n + 16);
	if (!long_line)
		exit(99);
	memset(long_line, 'x', n);
	memcpy(long_line + n, " AB-12-34", 10);
	scan(&a, "long.txt", long_line, n + 9, NULL);
	out = render("text", posts, 1, 0, 0);
	CHECK_HAS(out, "long.txt:1:602: error: licence plate 'AB-12-34' [plate.nl]\n      = fix:",
		  "text: long line without excerpt");
	free(out);
	pl_findings_release(&a.f);
	free(long_line);

	/* Unreadable posts say nothing on stdout; the summary counts them. */
	{
		struct pl_diag d;

		pl_diag_init(&d);
		snprintf(d.message, sizeof(d.message), "cannot read 'gone.txt': no such file or directory");
		memset(&a.res, 0, sizeof(a.res));
		a.res.path = "gone.txt";
		a.res.unreadable = 1;
		a.res.error = &d;
		out = render("text", posts, 1, 0, 0);
		CHECK_STR(out, "1 post: 0 BLOCK, 0 REVIEW, 0 OK, 1 unreadable (0 errors, 0 warnings, 0 info)\n",
			  "text: unreadable");
		free(out);
		out = render("json", posts, 1, 0, 0);
		{
			cJSON *j = cJSON_Parse(out), *p0;

			CHECK(j != NULL, "json unreadable parses: %s", out);
			p0 = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "posts"), 0);
			CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(p0, "verdict")), "ERROR",
				  "json unreadable verdict");
			CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(p0, "error")),
				  "cannot read 'gone.txt': no such file or directory", "json unreadable error");
			CHECK_INT(cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "summary"),
									     "unreadable")), 1,
				  "json unreadable summary");
			cJSON_Delete(j);
		}
		free(out);
	}
}

/* ---- JSON ---- */

static const char *jstr(const cJSON *o, const char *k)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, k));
}

static double jnum(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static void check_json(void)
{
	struct scanned a, b, *posts[2] = { &a, &b };
	cJSON *j, *p, *f, *loc, *parts;
	char *out;

	scan(&a, "dir/a \"quoted\".txt", B("\xc3\x87" "a va \xf0\x9f\x9a\x93 AB-12-34\nrode jas en blauwe broek"), NULL);
	scan(&b, "b.txt", B("Mooi weer \xff"), NULL);
	out = render("json", posts, 2, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j != NULL, "json parses: %s", out);
	if (!j) {
		free(out);
		return;
	}
	CHECK_STR(jstr(j, "schema"), "postlint/1", "json schema");
	CHECK_STR(jstr(j, "version"), "9.9.9", "json version");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "posts")), 2, "json posts");
	p = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "posts"), 0);
	CHECK_STR(jstr(p, "path"), "dir/a \"quoted\".txt", "json path with quotes");
	CHECK_STR(jstr(p, "verdict"), "BLOCK", "json verdict");
	CHECK_STR(jstr(p, "lang"), "en", "json lang");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(p, "findings")), 2, "json findings");
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "findings"), 0);
	CHECK_STR(jstr(f, "rule"), "plate.nl", "json rule");
	CHECK_STR(jstr(f, "category"), "plate", "json category");
	CHECK_STR(jstr(f, "severity"), "error", "json severity");
	CHECK_STR(jstr(f, "message"), "licence plate", "json message");
	CHECK_STR(jstr(f, "fix"), "remove or blur the plate", "json fix");
	CHECK_STR(jstr(f, "protocol"), "NL-POL-SM 3.2", "json protocol");
	CHECK_STR(jstr(f, "evidence"), "AB-12-34", "json evidence");
	CHECK(jnum(f, "confidence") == 1, "json confidence");
	loc = cJSON_GetObjectItem(f, "location");
	CHECK_STR(jstr(loc, "file"), "dir/a \"quoted\".txt", "json location file");
	CHECK_INT(jnum(loc, "line"), 1, "json line");
	CHECK_INT(jnum(loc, "column"), 9, "json column (characters)");
	CHECK_INT(jnum(loc, "byte_start"), 12, "json byte_start");
	CHECK_INT(jnum(loc, "byte_end"), 20, "json byte_end");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(f, "parts")), 0, "json no parts");
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "findings"), 1);
	CHECK_STR(jstr(f, "rule"), "clothing.combination", "json combination");
	CHECK_STR(jstr(f, "severity"), "warning", "json warning");
	parts = cJSON_GetObjectItem(f, "parts");
	CHECK_INT(cJSON_GetArraySize(parts), 2, "json parts");
	CHECK_STR(jstr(cJSON_GetArrayItem(parts, 1), "evidence"), "blauwe broek", "json part evidence");
	CHECK_INT(jnum(cJSON_GetObjectItem(cJSON_GetArrayItem(parts, 1), "location"), "column"), 13,
		  "json part column");
	CHECK_INT(jnum(cJSON_GetObjectItem(cJSON_GetArrayItem(parts, 1), "location"), "line"), 2,
		  "json part line");
	p = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "posts"), 1);
	CHECK_STR(jstr(p, "verdict"), "REVIEW", "json second verdict");
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "findings"), 0);
	CHECK_STR(jstr(f, "rule"), "input.encoding", "json input finding");
	CHECK(cJSON_IsNull(cJSON_GetObjectItem(f, "protocol")), "json null protocol");
	CHECK(cJSON_IsNull(cJSON_GetObjectItem(f, "evidence")), "json null evidence");
	CHECK(!cJSON_GetObjectItem(cJSON_GetObjectItem(f, "location"), "line"),
	      "json no line for a whole-file finding");
	{
		const cJSON *s = cJSON_GetObjectItem(j, "summary");

		CHECK_INT(jnum(s, "posts"), 2, "json summary posts");
		CHECK_INT(jnum(s, "block"), 1, "json summary block");
		CHECK_INT(jnum(s, "review"), 1, "json summary review");
		CHECK_INT(jnum(s, "ok"), 0, "json summary ok");
		CHECK_INT(jnum(s, "errors"), 1, "json summary errors");
		CHECK_INT(jnum(s, "warnings"), 2, "json summary warnings");
		CHECK_INT(jnum(s, "infos"), 0, "json summary infos");
	}
	cJSON_Delete(j);
	free(out);
	pl_findings_release(&a.f);
	pl_findings_release(&b.f);

	/* No posts at all is still a document. */
	out = render("json", posts, 0, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j && cJSON_GetArraySize(cJSON_GetObjectItem(j, "posts")) == 0, "json empty: %s", out);
	cJSON_Delete(j);
	free(out);
}

/* Findings no scan of ours makes (metadata fields, pixel boxes, odd strings) render too. */
static void check_made_up(void)
{
	struct pl_finding x;
	struct pl_finding_part part;
	struct scanned s, *one = &s;
	char *out;
	cJSON *j, *f;

	pl_findings_init(&s.f);
	memset(&x, 0, sizeof(x));
	x.rule_id = W("geotag.exif");
	x.category = W("geotag");
	x.severity = PL_SEV_INFO;
	x.message = W("photo has \"GPS\"\tposition\n");
	x.fix = W("strip it");
	x.loc.file = W("photo 1.jpg");
	x.loc.field = W("gps.position");
	x.evidence = W("52.1\x01\xc3");
	x.confidence = 0.5;
	CHECK_INT(pl_findings_add(&s.f, &x), PL_OK, "add metadata finding");
	memset(&x, 0, sizeof(x));
	x.rule_id = W("face.visible");
	x.category = W("face");
	x.severity = PL_SEV_WARNING;
	x.message = W("face");
	x.loc.file = W("photo 1.jpg");
	x.loc.has_box = 1;
	x.loc.box_x = 10;
	x.loc.box_y = 20;
	x.loc.box_w = 30;
	x.loc.box_h = 40;
	memset(&part, 0, sizeof(part));
	part.loc.file = W("photo 1.jpg");
	part.evidence = W("p");
	x.parts = &part;
	x.nparts = 1;
	CHECK_INT(pl_findings_add(&s.f, &x), PL_OK, "add box finding");
	memset(&s.res, 0, sizeof(s.res));
	s.res.path = "post";
	s.res.findings = &s.f;
	s.res.verdict = pl_findings_verdict(&s.f);
	CHECK_INT(s.res.verdict, PL_VERDICT_REVIEW, "made-up verdict");

	out = render("text", &one, 1, 0, 0);
	CHECK_HAS(out, "photo 1.jpg: info: photo has \"GPS\" position  '52.1 \xc3' [geotag.exif] (field gps.position)\n",
		  "text: metadata finding on one line");
	CHECK_HAS(out, "photo 1.jpg: warning: face [face.visible] (box 10,20 30x40)\n", "text: box");
	free(out);

	out = render("json", &one, 1, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j != NULL, "json made-up parses: %s", out);
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "posts"), 0),
						   "findings"), 0);
	CHECK_STR(jstr(f, "message"), "photo has \"GPS\"\tposition\n", "json escapes");
	CHECK_STR(jstr(f, "evidence"), "52.1\x01\xef\xbf\xbd", "json invalid UTF-8 replaced");
	CHECK_STR(jstr(cJSON_GetObjectItem(f, "location"), "field"), "gps.position", "json field");
	CHECK(jnum(f, "confidence") == 0.5, "json confidence 0.5");
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "posts"), 0),
						   "findings"), 1);
	CHECK_INT(jnum(cJSON_GetObjectItem(cJSON_GetObjectItem(f, "location"), "box"), "h"), 40, "json box");
	cJSON_Delete(j);
	free(out);

	out = render("sarif", &one, 1, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j != NULL, "sarif made-up parses: %s", out);
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0),
						   "results"), 0);
	CHECK_STR(jstr(f, "level"), "note", "sarif info is a note");
	CHECK(!cJSON_GetObjectItem(f, "ruleIndex"), "sarif no index for a rule not in the set");
	CHECK_STR(jstr(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(f, "locations"), 0),
							      "physicalLocation"), "artifactLocation"), "uri"),
		  "photo%201.jpg", "sarif uri encoded");
	CHECK_STR(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(f, "locations"), 0),
							       "logicalLocations"), 0), "name"),
		  "gps.position", "sarif logical location");
	cJSON_Delete(j);
	free(out);
	pl_findings_release(&s.f);
}

/* ---- SARIF ---- */

static void check_sarif(void)
{
	struct scanned a, b, *posts[2] = { &a, &b };
	cJSON *j, *run, *rules, *results, *r0, *loc, *region;
	char *out;
	int i;

	scan(&a, "./posts/de wijk.txt", B("\xc3\x87" "a va \xf0\x9f\x9a\x93 AB-12-34\nrode jas en blauwe broek"), NULL);
	scan(&b, "b.txt", B("Stuur ons een DM"), "nl");
	out = render("sarif", posts, 2, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j != NULL, "sarif parses: %s", out);
	if (!j) {
		free(out);
		return;
	}
	CHECK_STR(jstr(j, "version"), "2.1.0", "sarif version");
	CHECK_HAS(jstr(j, "$schema"), "sarif-2.1.0", "sarif schema");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "runs")), 1, "sarif one run");
	run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
	CHECK_STR(jstr(run, "columnKind"), "unicodeCodePoints", "sarif column kind");
	CHECK_STR(jstr(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"), "name"), "postlint",
		  "sarif tool");
	CHECK_STR(jstr(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"), "semanticVersion"),
		  "9.9.9", "sarif tool version");
	rules = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"), "rules");
	CHECK_INT(cJSON_GetArraySize(rules), (int)pl_ruleset_count(rs), "sarif every rule");
	for (i = 0; i < cJSON_GetArraySize(rules); i++) {
		struct pl_rule_info ri;
		const cJSON *rule = cJSON_GetArrayItem(rules, i);

		pl_ruleset_rule(rs, (size_t)i, &ri);
		CHECK_STR(jstr(rule, "id"), ri.id, "sarif rule id in order");
		CHECK_STR(jstr(cJSON_GetObjectItem(rule, "shortDescription"), "text"),
			  pl_ruleset_message(rs, (size_t)i, "en"), "sarif short description");
		CHECK_STR(jstr(cJSON_GetObjectItem(rule, "defaultConfiguration"), "level"),
			  ri.severity == PL_SEV_ERROR ? "error" : ri.severity == PL_SEV_WARNING ? "warning" : "note",
			  "sarif default level");
		CHECK(cJSON_IsBool(cJSON_GetObjectItem(cJSON_GetObjectItem(rule, "defaultConfiguration"), "enabled")) &&
		      cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(rule, "defaultConfiguration"), "enabled")) ==
			      (ri.enabled && !ri.internal),
		      "sarif %s enabled", ri.id);
	}
	results = cJSON_GetObjectItem(run, "results");
	CHECK_INT(cJSON_GetArraySize(results), 3, "sarif results");
	r0 = cJSON_GetArrayItem(results, 0);
	CHECK_STR(jstr(r0, "ruleId"), "plate.nl", "sarif ruleId");
	CHECK_INT(jnum(r0, "ruleIndex"), pl_ruleset_find(rs, "plate.nl"), "sarif ruleIndex");
	CHECK_STR(jstr(r0, "level"), "error", "sarif level");
	CHECK_STR(jstr(cJSON_GetObjectItem(r0, "message"), "text"),
		  "licence plate 'AB-12-34'. Fix: remove or blur the plate", "sarif message");
	loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(r0, "locations"), 0), "physicalLocation");
	CHECK_STR(jstr(cJSON_GetObjectItem(loc, "artifactLocation"), "uri"), "posts/de%20wijk.txt",
		  "sarif relative uri");
	region = cJSON_GetObjectItem(loc, "region");
	CHECK_INT(jnum(region, "startLine"), 1, "sarif startLine");
	CHECK_INT(jnum(region, "startColumn"), 9, "sarif startColumn in code points");
	CHECK_INT(jnum(region, "byteOffset"), 12, "sarif byteOffset");
	CHECK_INT(jnum(region, "byteLength"), 8, "sarif byteLength");
	CHECK_STR(jstr(cJSON_GetObjectItem(region, "snippet"), "text"), "AB-12-34", "sarif snippet");
	CHECK_STR(jstr(cJSON_GetObjectItem(r0, "properties"), "category"), "plate", "sarif category");
	r0 = cJSON_GetArrayItem(results, 1);
	CHECK_STR(jstr(r0, "ruleId"), "clothing.combination", "sarif second result");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(r0, "relatedLocations")), 2, "sarif related");
	region = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(r0, "relatedLocations"), 1),
							 "physicalLocation"), "region");
	CHECK_INT(jnum(region, "startLine"), 2, "sarif related line");
	CHECK_INT(jnum(region, "startColumn"), 13, "sarif related column");
	r0 = cJSON_GetArrayItem(results, 2);
	CHECK_STR(jstr(r0, "ruleId"), "emergency.nl", "sarif result of the second post");
	CHECK_STR(jstr(r0, "level"), "warning", "sarif warning");
	CHECK_STR(jstr(cJSON_GetObjectItem(r0, "message"), "text"),
		  "oproep tot melden zonder 112 'Stuur'. Fix: voeg toe: bel bij spoed altijd 112",
		  "sarif message in the post's language");
	cJSON_Delete(j);
	free(out);
	pl_findings_release(&a.f);
	pl_findings_release(&b.f);

	out = render("sarif", posts, 0, 0, 0);
	j = cJSON_Parse(out);
	CHECK(j && cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0),
							  "results")) == 0, "sarif empty: %s", out);
	cJSON_Delete(j);
	free(out);
}

static void check_formats(void)
{
	const char *const *f = pl_report_formats();
	struct pl_reporter *r = (struct pl_reporter *)&r;
	struct pl_diag d;

	CHECK_STR(f[0], "text", "format 0");
	CHECK_STR(f[1], "json", "format 1");
	CHECK_STR(f[2], "sarif", "format 2");
	CHECK_STR(f[3], "github", "format 3");
	CHECK_STR(f[4], "junit", "format 4");
	CHECK_STR(f[5], "gitlab", "format 5");
	CHECK_STR(f[6], NULL, "formats end");
	pl_diag_init(&d);
	CHECK_INT(pl_reporter_new(&r, "xml", NULL, &d), PL_ERR_NOTFOUND, "unknown format");
	CHECK(r == NULL, "unknown format: no reporter");
	CHECK_STR(d.message, "unknown output format 'xml'", "unknown format message");
	pl_reporter_free(&r);
	pl_reporter_free(NULL);
}

int main(void)
{
	struct pl_diag d;

	if (pl_ruleset_load(&rs, "tests/rules/core.json", NULL, &d) != PL_OK) {
		fprintf(stderr, "cannot load tests/rules/core.json: %s\n", d.message);
		return 1;
	}
	check_text();
	check_text_options();
	check_json();
	check_made_up();
	check_sarif();
	check_formats();
	pl_ruleset_free(&rs);
	TEST_DONE();
}
