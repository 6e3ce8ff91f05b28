/* SPDX-License-Identifier: Apache-2.0 */
/* The canonical field table, the result list and the helpers every reader uses to fill it. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta_int.h"

#include "banned.h"

#define META_FIELD_DEF(id, name, type, summary) { META_F_##id, name, type, summary },
static const struct meta_field_def field_defs[] = { META_FIELD_LIST(META_FIELD_DEF) };
#undef META_FIELD_DEF

const struct meta_field_def *meta_field_defs(size_t *n)
{
	if (n)
		*n = sizeof(field_defs) / sizeof(field_defs[0]);
	return field_defs;
}

const struct meta_field_def *meta_field_find(const char *name, size_t len)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < sizeof(field_defs) / sizeof(field_defs[0]); i++)
		if (strlen(field_defs[i].name) == len && memcmp(field_defs[i].name, name, len) == 0)
			return &field_defs[i];
	return NULL;
}

void meta_fields_init(struct meta_fields *f)
{
	memset(f, 0, sizeof(*f));
}

void meta_fields_release(struct meta_fields *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->len; i++) {
		free(f->items[i].text);
		free(f->items[i].source);
	}
	for (i = 0; i < f->nproblems; i++)
		free(f->problems[i].message);
	free(f->items);
	free(f->problems);
	meta_fields_init(f);
}

void meta_fields_want(struct meta_fields *f, enum meta_field_id id)
{
	if ((unsigned)id < META_FIELD_COUNT)
		f->want |= (uint64_t)1 << id;
}

int meta_fields_wanted(const struct meta_fields *f, enum meta_field_id id)
{
	return f->want == 0 || (f->want >> id & 1) != 0;
}

const struct meta_field *meta_fields_get(const struct meta_fields *f, enum meta_field_id id)
{
	size_t i;

	for (i = 0; f && i < f->len; i++)
		if (f->items[i].id == id)
			return &f->items[i];
	return NULL;
}

int meta_position_valid(double lat, double lon)
{
	return isfinite(lat) && isfinite(lon) && fabs(lat) <= 90.0 && fabs(lon) <= 180.0;
}

/* ---- adding ----------------------------------------------------------------------------------- */

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int is_repeat(const struct meta_fields *f, const struct meta_field *n)
{
	size_t i;

	for (i = 0; i < f->len; i++) {
		const struct meta_field *o = &f->items[i];

		if (o->id == n->id && o->num == n->num && o->lat == n->lat && o->lon == n->lon &&
		    o->offset == n->offset && o->length == n->length && same_str(o->text, n->text) &&
		    same_str(o->source, n->source))
			return 1;
	}
	return 0;
}

/* Takes ownership of n's strings: they end in the list or are freed. */
static enum pl_status push_field(struct meta_fields *f, struct meta_field *n)
{
	enum pl_status st = PL_OK;

	if (f->oom) {
		st = PL_ERR_NOMEM;
		goto out;
	}
	if (!meta_fields_wanted(f, n->id))
		goto out;
	if (f->len >= META_MAX_FIELDS) { /* before the repeat test: keeps a full list O(1) per add */
		f->dropped++;
		goto out;
	}
	if (is_repeat(f, n))
		goto out;
	if (f->len == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct meta_field *items = realloc(f->items, cap * sizeof(*items));

		if (!items) {
			f->oom = 1;
			st = PL_ERR_NOMEM;
			goto out;
		}
		f->items = items;
		f->cap = cap;
	}
	f->items[f->len++] = *n;
	n->text = NULL;
	n->source = NULL;
out:
	free(n->text);
	free(n->source);
	return st;
}

static char *dup_str(struct meta_fields *f, const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		f->oom = 1;
	return d;
}

static void field_start(struct meta_fields *f, struct meta_field *n, enum meta_field_id id,
			const char *source, long long off)
{
	memset(n, 0, sizeof(*n));
	n->id = id;
	n->name = field_defs[id].name;
	n->type = field_defs[id].type;
	n->offset = off;
	n->source = dup_str(f, source);
}

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;

	while (i < n) {
		unsigned c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3;
		else
			return 0;
		if (n - i <= need)
			return 0;
		for (k = 1; k <= need; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += need + 1;
	}
	return 1;
}

static int is_blank(unsigned char c)
{
	return c <= ' ' || c == 0x7f;
}

/* Windows-1252's characters for bytes 0x80-0x9F (0: unassigned, becomes a space). */
static const uint16_t cp1252[32] = {
	0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
	0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

static size_t put_utf8(char *o, uint32_t c);

/*
 * Copies p up to its first NUL, trimmed, controls as spaces, at most META_MAX_TEXT bytes (cut at a
 * character boundary). Bytes that are not UTF-8 are taken as Windows-1252 (Latin-1 with printable
 * 0x80-0x9F), the charset of PNG tEXt, IPTC without a charset and most non-ASCII EXIF strings.
 */
static char *clean_text(const char *p, size_t len, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)p, *nul = memchr(p, '\0', len);
	size_t a = 0, b, i, o = 0, need;
	uint32_t ch;
	int legacy;
	char *s;

	b = nul ? (size_t)(nul - u) : len;
	while (a < b && is_blank(u[a]))
		a++;
	while (b > a && is_blank(u[b - 1]))
		b--;
	legacy = !valid_utf8(u + a, b - a);
	s = malloc(META_MAX_TEXT + 1);
	if (!s)
		return NULL;
	for (i = a; i < b; i++) {
		ch = u[i] < ' ' || u[i] == 0x7f ? ' ' : u[i];
		if (legacy && ch >= 0x80 && ch < 0xa0)
			ch = cp1252[ch - 0x80] ? cp1252[ch - 0x80] : ' ';
		need = legacy ? (ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3) : 1;
		if (!legacy && (u[i] & 0xc0) == 0xc0) /* whole UTF-8 sequence or nothing */
			need = u[i] >= 0xf0 ? 4 : u[i] >= 0xe0 ? 3 : 2;
		if (o + need > META_MAX_TEXT)
			break;
		if (legacy)
			o += put_utf8(s + o, ch);
		else
			s[o++] = (char)ch;
	}
	s[o] = '\0';
	*out_len = o;
	return s;
}

enum pl_status meta_add_text(struct meta_fields *f, enum meta_field_id id, const char *p,
			     size_t len, const char *source, long long off)
{
	struct meta_field n;
	size_t tl = 0;

	if (f->oom)
		return PL_ERR_NOMEM;
	if (!p || len == 0)
		return PL_OK;
	field_start(f, &n, id, source, off);
	n.text = clean_text(p, len, &tl);
	if (!n.text)
		f->oom = 1;
	else if (tl == 0) {
		free(n.text);
		free(n.source);
		return PL_OK;
	}
	return push_field(f, &n);
}

enum pl_status meta_add_number(struct meta_fields *f, enum meta_field_id id, double v,
			       const char *source, long long off)
{
	struct meta_field n;

	if (f->oom)
		return PL_ERR_NOMEM;
	if (!isfinite(v))
		return PL_OK;
	field_start(f, &n, id, source, off);
	n.num = v;
	return push_field(f, &n);
}

enum pl_status meta_add_position(struct meta_fields *f, enum meta_field_id id, double lat,
				 double lon, const char *source, long long off)
{
	struct meta_field n;

	if (f->oom)
		return PL_ERR_NOMEM;
	if (!meta_position_valid(lat, lon))
		return meta_problem(f, off, "%s position %g,%g out of range", source, lat, lon);
	field_start(f, &n, id, source, off);
	n.lat = lat;
	n.lon = lon;
	return push_field(f, &n);
}

enum pl_status meta_add_data(struct meta_fields *f, enum meta_field_id id, const char *kind,
			     long long off, long long length, const char *source)
{
	struct meta_field n;

	if (f->oom)
		return PL_ERR_NOMEM;
	field_start(f, &n, id, source, off);
	n.length = length;
	n.text = dup_str(f, kind);
	return push_field(f, &n);
}

/* Adds a problem: "<lead> at offset OFF: <what>"; lib_missing as in struct meta_problem. */
static enum pl_status add_problem(struct meta_fields *f, long long off, int lib_missing,
				  const char *what)
{
	char msg[320];

	if (f->oom)
		return PL_ERR_NOMEM;
	if (f->nproblems >= META_MAX_PROBLEMS) {
		f->dropped++;
		return PL_OK;
	}
	if (f->nproblems == f->problems_cap) {
		size_t cap = f->problems_cap ? f->problems_cap * 2 : 4;
		struct meta_problem *pr = realloc(f->problems, cap * sizeof(*pr));

		if (!pr) {
			f->oom = 1;
			return PL_ERR_NOMEM;
		}
		f->problems = pr;
		f->problems_cap = cap;
	}
	/* the lead and the offset take at most 60 bytes: what is cut to fit the rest */
	snprintf(msg, sizeof(msg), "%s at offset %lld: %.256s",
		 lib_missing ? "image metadata not checked" : "unreadable image metadata", off, what);
	f->problems[f->nproblems].offset = off;
	f->problems[f->nproblems].lib_missing = lib_missing;
	f->problems[f->nproblems].message = dup_str(f, msg);
	if (!f->problems[f->nproblems].message)
		return PL_ERR_NOMEM;
	f->nproblems++;
	return PL_OK;
}

enum pl_status meta_problem(struct meta_fields *f, long long off, const char *fmt, ...)
{
	char what[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return add_problem(f, off, 0, what);
}

int meta_load_lib(struct meta_fields *f, enum pl_status (*load)(struct pl_diag *d), long long off,
		  const char *container)
{
	char what[320];
	struct pl_diag d;

	pl_diag_init(&d);
	if (load(&d) == PL_OK)
		return 0;
	snprintf(what, sizeof(what), "%.40s: %.270s", container, d.message);
	add_problem(f, off, 1, what);
	return -1;
}

/* ---- text helpers ----------------------------------------------------------------------------- */

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

enum pl_status meta_add_utf16(struct meta_fields *f, enum meta_field_id id, const unsigned char *p,
			      size_t len, int be, const char *source, long long off)
{
	size_t i, n = 0, units;
	enum pl_status st;
	char *s;

	if (f->oom)
		return PL_ERR_NOMEM;
	units = len / 2;
	if (units > META_MAX_TEXT)
		units = META_MAX_TEXT;
	s = malloc(units * 3 + 1);
	if (!s) {
		f->oom = 1;
		return PL_ERR_NOMEM;
	}
	for (i = 0; i < units; i++) {
		uint32_t c = be ? meta_be16(p + 2 * i) : meta_le16(p + 2 * i), c2;

		if (c == 0)
			break;
		if (c >= 0xd800 && c < 0xdc00 && i + 1 < units) {
			c2 = be ? meta_be16(p + 2 * i + 2) : meta_le16(p + 2 * i + 2);
			if (c2 >= 0xdc00 && c2 < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
				i++;
			} else {
				c = 0xfffd;
			}
		} else if (c >= 0xd800 && c < 0xe000) {
			c = 0xfffd;
		}
		n += put_utf8(s + n, c);
	}
	st = meta_add_text(f, id, s, n, source, off);
	free(s);
	return st;
}
