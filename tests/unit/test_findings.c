/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the small shared pieces every report and front end relies on: the findings list
 * (deep copies, the report order, verdicts), severities, the diagnostic's format, status names,
 * and the byte buffer's JSON and XML escaping. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "findings_impl.h"
#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

#define W(s) ((char *)(uintptr_t)(s)) /* pl_findings_add copies; nothing writes through it */

static void add(struct pl_findings *f, const char *file, size_t byte, const char *field, int box,
		int y, int x, const char *rule, enum pl_severity sev)
{
	struct pl_finding a;

	memset(&a, 0, sizeof(a));
	a.rule_id = W(rule);
	a.category = W("c");
	a.severity = sev;
	a.loc.file = W(file);
	a.loc.byte_start = byte;
	a.loc.field = W(field);
	a.loc.has_box = box;
	a.loc.box_y = y;
	a.loc.box_x = x;
	CHECK_INT(pl_findings_add(f, &a), PL_OK, rule);
}

static void check_order(void)
{
	static const char *const want[] = {
		"a.txt/0/r.a", "a.txt/0/r.b", "a.txt/5/r.a", "b.jpg/0/box.top", "b.jpg/0/box.left",
		"b.jpg/0/box.right", "b.jpg/0/field.a", "b.jpg/0/field.b", "c.txt/1/r.z",
	};
	struct pl_findings f;
	size_t i;

	pl_findings_init(&f);
	add(&f, "c.txt", 1, NULL, 0, 0, 0, "r.z", PL_SEV_INFO);
	add(&f, "b.jpg", 0, NULL, 1, 50, 90, "box.right", PL_SEV_INFO);
	add(&f, "a.txt", 5, NULL, 0, 0, 0, "r.a", PL_SEV_INFO);
	add(&f, "b.jpg", 0, "gps.position", 0, 0, 0, "field.b", PL_SEV_INFO);
	add(&f, "b.jpg", 0, NULL, 1, 50, 10, "box.left", PL_SEV_INFO);
	add(&f, "a.txt", 0, NULL, 0, 0, 0, "r.b", PL_SEV_INFO);
	add(&f, "b.jpg", 0, "camera.serial", 0, 0, 0, "field.a", PL_SEV_INFO);
	add(&f, "b.jpg", 0, NULL, 1, 5, 500, "box.top", PL_SEV_INFO);
	add(&f, "a.txt", 0, NULL, 0, 0, 0, "r.a", PL_SEV_INFO);
	pl_findings_sort(&f);
	CHECK_INT(f.len, ARRAY_LEN(want), "order: count");
	for (i = 0; i < f.len && i < ARRAY_LEN(want); i++) {
		char got[128];

		snprintf(got, sizeof(got), "%s/%zu/%s", f.items[i].loc.file, f.items[i].loc.byte_start,
			 f.items[i].rule_id);
		/* file, byte, field (none first), box top to bottom then left to right, rule id */
		CHECK_STR(got, want[i], "report order");
	}
	pl_findings_release(&f);
	CHECK(f.items == NULL && f.len == 0 && f.cap == 0, "release empties");
	pl_findings_sort(&f); /* an empty list sorts */
}

static void check_copies(void)
{
	struct pl_findings f;
	struct pl_finding a;
	struct pl_finding_part parts[2];
	char rule[16] = "plate.nl", ev[16] = "AB-12-34", pev[8] = "AB", file[16] = "x.txt";

	memset(&a, 0, sizeof(a));
	memset(parts, 0, sizeof(parts));
	a.rule_id = rule;
	a.category = W("plate");
	a.message = W("m");
	a.evidence = ev;
	a.loc.file = file;
	parts[0].evidence = pev;
	parts[0].loc.file = file;
	parts[1].loc.file = file;
	a.parts = parts;
	a.nparts = 2;
	pl_findings_init(&f);
	CHECK_INT(pl_findings_add(&f, &a), PL_OK, "copy: add");
	rule[0] = ev[0] = pev[0] = file[0] = 'Z';
	CHECK_STR(f.items[0].rule_id, "plate.nl", "copy: rule id is the list's own");
	CHECK_STR(f.items[0].evidence, "AB-12-34", "copy: evidence");
	CHECK_STR(f.items[0].loc.file, "x.txt", "copy: file");
	CHECK_STR(f.items[0].parts[0].evidence, "AB", "copy: part evidence");
	CHECK_STR(f.items[0].parts[1].evidence, NULL, "copy: NULL part evidence stays NULL");
	CHECK_STR(f.items[0].fix, NULL, "copy: NULL fix stays NULL");
	CHECK(f.items[0].parts != parts, "copy: parts are the list's own");
	pl_findings_release(&f);
}

static void check_verdicts(void)
{
	static const struct {
		int sevs[3];  /* -1 ends */
		enum pl_verdict want;
	} rows[] = {
		{ { -1 }, PL_VERDICT_OK },
		{ { PL_SEV_INFO, -1 }, PL_VERDICT_OK },
		{ { PL_SEV_INFO, PL_SEV_WARNING, -1 }, PL_VERDICT_REVIEW },
		{ { PL_SEV_WARNING, PL_SEV_ERROR, -1 }, PL_VERDICT_BLOCK },
		{ { PL_SEV_ERROR, PL_SEV_INFO, -1 }, PL_VERDICT_BLOCK },
	};
	size_t i, k;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		struct pl_findings f;

		pl_findings_init(&f);
		for (k = 0; k < 3 && rows[i].sevs[k] >= 0; k++)
			add(&f, "x", k, NULL, 0, 0, 0, "r", (enum pl_severity)rows[i].sevs[k]);
		CHECK_INT(pl_findings_verdict(&f), rows[i].want, "verdict");
		pl_findings_release(&f);
	}
	CHECK_STR(pl_verdict_name(PL_VERDICT_OK), "OK", "verdict name OK");
	CHECK_STR(pl_verdict_name(PL_VERDICT_REVIEW), "REVIEW", "verdict name REVIEW");
	CHECK_STR(pl_verdict_name(PL_VERDICT_BLOCK), "BLOCK", "verdict name BLOCK");
}

static void check_severities(void)
{
	static const struct {
		const char *s;
		int ok;
		enum pl_severity want;
	} rows[] = {
		{ "error", 0, PL_SEV_ERROR }, { "warning", 0, PL_SEV_WARNING }, { "info", 0, PL_SEV_INFO },
		{ "Error", -1, 0 },           { "warn", -1, 0 },                 { "", -1, 0 },
		{ "never", -1, 0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		enum pl_severity s = PL_SEV_INFO;

		CHECK_INT(pl_severity_parse(rows[i].s, &s), rows[i].ok, rows[i].s);
		if (!rows[i].ok)
			CHECK_INT(s, rows[i].want, rows[i].s);
	}
	CHECK_STR(pl_severity_name(PL_SEV_ERROR), "error", "severity name error");
	CHECK_STR(pl_severity_name(PL_SEV_WARNING), "warning", "severity name warning");
	CHECK_STR(pl_severity_name(PL_SEV_INFO), "info", "severity name info");
}

static void check_diag(void)
{
	static const struct {
		const char *file;
		unsigned line, col;
		long long offset;
		const char *want;
	} rows[] = {
		{ "r.json", 14, 9, -1, "r.json:14:9: unknown key" },
		{ "r.json", 14, 0, -1, "r.json:14: unknown key" },
		{ "cap.txt", 0, 0, 42, "cap.txt: unknown key (at byte 42)" },
		{ "cap.txt", 0, 0, -1, "cap.txt: unknown key" },
		{ "", 0, 0, -1, "unknown key" },
		{ "", 3, 4, 7, "unknown key" },
	};
	char buf[256], tiny[8];
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		struct pl_diag d;

		pl_diag_init(&d);
		snprintf(d.file, sizeof(d.file), "%s", rows[i].file);
		d.line = rows[i].line;
		d.column = rows[i].col;
		d.offset = rows[i].offset;
		snprintf(d.message, sizeof(d.message), "unknown key");
		CHECK_STR(pl_diag_format(&d, buf, sizeof(buf)), rows[i].want, rows[i].want);
		pl_diag_format(&d, tiny, sizeof(tiny));
		CHECK(!strncmp(tiny, rows[i].want, 7) && strlen(tiny) == 7, "diag truncated: '%s'", tiny);
	}
	CHECK_STR(pl_diag_format(NULL, buf, sizeof(buf)), "", "diag NULL");
	{
		struct pl_diag d;

		pl_diag_init(&d);
		CHECK_INT(d.offset, -1, "diag_init offset");
		CHECK_INT(d.line, 0, "diag_init line");
		CHECK_STR(d.message, "", "diag_init message");
		pl_diag_init(NULL);
	}
	CHECK_STR(pl_status_str(PL_OK), "ok", "status ok");
	CHECK_STR(pl_status_str(PL_ERR_MATCH), "match limit exceeded", "status match");
	CHECK_STR(pl_status_str(PL_ERR_NOTFOUND), "not found", "status last");
	CHECK_STR(pl_status_str(PL_STATUS_COUNT), "unknown status", "status out of range");
	CHECK_STR(pl_status_str((enum pl_status)-1), "unknown status", "status negative");
}

static void check_buf(void)
{
	static const struct {
		const char *in;
		size_t len;
		const char *json, *xml;
	} rows[] = {
		{ "plain", 5, "plain", "plain" },
		{ "a\"b\\c", 5, "a\\\"b\\\\c", "a&quot;b\\c" },
		{ "l\n\r\tx", 5, "l\\n\\r\\tx", "l\n\r\tx" },
		{ "\x01\x1f\x7f", 3, "\\u0001\\u001f\\u007f", "&#xfffd;&#xfffd;\x7f" },
		{ "a\0b", 3, "a\\u0000b", "a&#xfffd;b" },
		{ "<&>'", 4, "<&>'", "&lt;&amp;&gt;&apos;" },
		{ "caf\xc3\xa9 \xf0\x9f\x9a\x93", 10, "caf\xc3\xa9 \xf0\x9f\x9a\x93", "caf\xc3\xa9 \xf0\x9f\x9a\x93" },
		{ "x\xff\xc3", 3, "x\\ufffd\\ufffd", "x\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xed\xa0\x80", 3, "\\ufffd\\ufffd\\ufffd", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	};
	struct pl_buf b;
	size_t i;

	pl_buf_init(&b);
	for (i = 0; i < ARRAY_LEN(rows); i++) {
		pl_buf_reset(&b);
		CHECK_INT(pl_buf_add_json_str(&b, rows[i].in, rows[i].len), PL_OK, rows[i].json);
		CHECK_STR(b.data, rows[i].json, "json escape");
		pl_buf_reset(&b);
		CHECK_INT(pl_buf_add_xml_str(&b, rows[i].in, rows[i].len), PL_OK, rows[i].xml);
		CHECK_STR(b.data, rows[i].xml, "xml escape");
	}
	pl_buf_reset(&b);
	CHECK_STR(b.data, "", "reset keeps a terminated buffer");
	CHECK_INT(b.len, 0, "reset length");
	for (i = 0; i < 1000; i++)
		pl_buf_addf(&b, "%04zu;", i);
	CHECK_INT(b.len, 5000, "addf grows");
	CHECK(!strncmp(b.data + 4995, "0999;", 5) && b.data[5000] == '\0', "addf content");
	CHECK_INT(b.oom, 0, "no oom");
	pl_buf_release(&b);
	CHECK(b.data == NULL && b.len == 0, "release");
	pl_buf_release(&b);
	CHECK_INT(pl_buf_add(&b, NULL, 0), PL_OK, "add nothing");
	CHECK_STR(b.data, "", "add nothing still terminates");
	pl_buf_release(&b);
}

/* Rank = position of the id in this list. */
static const char *const rank_ids[] = { "id.nl", "id.fr", "id.be" };

static size_t rank(const char *id, const void *ctx)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < 3 && strcmp(rank_ids[i], id); i++)
		;
	return i;
}

/* One finding per place and category: the duplicates of one span collapse to the more severe, or
 * the better ranked, rule; other spans, fields and boxes stay apart. */
static void check_duplicates(void)
{
	static const struct {
		const char *file, *field, *rule;
		size_t byte;
		int box;
		enum pl_severity sev;
	} in[] = {
		{ "a", NULL, "id.fr", 10, 0, PL_SEV_ERROR },
		{ "a", NULL, "id.nl", 10, 0, PL_SEV_ERROR },   /* same place: nl ranks first */
		{ "a", NULL, "id.be", 20, 0, PL_SEV_WARNING },
		{ "a", NULL, "id.fr", 20, 0, PL_SEV_ERROR },   /* same place: the error wins */
		{ "a", NULL, "id.be", 30, 0, PL_SEV_ERROR },
		{ "a", "gps", "id.be", 30, 0, PL_SEV_ERROR },  /* a field: another place */
		{ "b", NULL, "id.be", 30, 1, PL_SEV_ERROR },
		{ "b", NULL, "id.fr", 30, 0, PL_SEV_ERROR },   /* a box: another place */
	};
	static const char *const want[] = { "a:10:id.nl", "a:20:id.fr", "a:30:id.be", "a:30:id.be",
					    "b:30:id.be", "b:30:id.fr" };
	struct pl_findings f;
	char got[64];
	size_t i;

	pl_findings_init(&f);
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		add(&f, in[i].file, in[i].byte, in[i].field, in[i].box, 0, 0, in[i].rule, in[i].sev);
	pl_findings_sort(&f);
	findings_drop_duplicates(&f, rank, NULL);
	CHECK_INT(f.len, sizeof(want) / sizeof(want[0]), "findings kept");
	for (i = 0; i < f.len && i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(got, sizeof(got), "%s:%zu:%s", f.items[i].loc.file, f.items[i].loc.byte_start,
			 f.items[i].rule_id);
		CHECK_STR(got, want[i], "kept");
	}
	pl_findings_release(&f);
}

/* A caption finding with its span and category; parts > 0 gives it that many parts. */
static void add_span(struct pl_findings *f, size_t start, size_t end, const char *cat,
		     const char *field, int parts, const char *rule, enum pl_severity sev)
{
	struct pl_finding_part part[2];
	struct pl_finding a;

	memset(&a, 0, sizeof(a));
	memset(part, 0, sizeof(part));
	a.rule_id = W(rule);
	a.category = W(cat);
	a.severity = sev;
	a.loc.file = W("post.txt");
	a.loc.byte_start = start;
	a.loc.byte_end = end;
	a.loc.field = W(field);
	a.parts = parts ? part : NULL;
	a.nparts = (size_t)parts;
	CHECK_INT(pl_findings_add(f, &a), PL_OK, rule);
}

/* Caption spans of one category that overlap are one finding, chosen as for one place; spans
 * that only touch, other categories, metadata fields and combinations stay apart; a winner that
 * starts later takes its place in order. */
static void check_overlaps(void)
{
	static const struct {
		size_t start, end;
		const char *cat, *field, *rule;
		int parts;
		enum pl_severity sev;
	} in[] = {
		{ 0, 20, "face", NULL, "id.be", 0, PL_SEV_WARNING },
		{ 15, 40, "face", NULL, "id.fr", 0, PL_SEV_ERROR },     /* overlaps, and wins */
		{ 18, 30, "plate", NULL, "id.be", 0, PL_SEV_ERROR },    /* another category */
		{ 40, 50, "face", NULL, "id.nl", 0, PL_SEV_ERROR },     /* touches id.fr only */
		{ 45, 60, "face", NULL, "id.be", 0, PL_SEV_ERROR },     /* overlaps id.nl: nl ranks first */
		{ 46, 47, "face", "gps", "id.be", 0, PL_SEV_ERROR },    /* a field */
		{ 48, 70, "face", NULL, "id.be", 2, PL_SEV_ERROR },     /* a combination */
	};
	static const char *const want[] = { "15:id.fr:face", "18:id.be:plate", "40:id.nl:face",
					    "46:id.be:face", "48:id.be:face" };
	struct pl_findings f;
	char got[64];
	size_t i;

	pl_findings_init(&f);
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		add_span(&f, in[i].start, in[i].end, in[i].cat, in[i].field, in[i].parts, in[i].rule,
			 in[i].sev);
	pl_findings_sort(&f);
	findings_drop_duplicates(&f, rank, NULL);
	CHECK_INT(f.len, sizeof(want) / sizeof(want[0]), "overlapping findings kept");
	for (i = 0; i < f.len && i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(got, sizeof(got), "%zu:%s:%s", f.items[i].loc.byte_start,
			 f.items[i].rule_id, f.items[i].category);
		CHECK_STR(got, want[i], "kept");
	}
	pl_findings_release(&f);
}

int main(void)
{
	check_duplicates();
	check_overlaps();
	check_order();
	check_copies();
	check_verdicts();
	check_severities();
	check_diag();
	check_buf();
	TEST_DONE();
}
