/* SPDX-License-Identifier: Apache-2.0 */
/* Rule kind "metadata": a canonical field of a photo or video is present, matches, compares, or
 * lies inside a geofence of sensitive sites (which findings never name). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media_scan.h"
#include "rule_kinds.h"
#include "banned.h"

#define GEOFENCE_MAX_SITES 4096
#define EARTH_RADIUS_M 6371008.8

enum meta_cond { COND_PRESENT, COND_ZERO, COND_NONZERO, COND_MATCHES, COND_EQ, COND_LT, COND_GT };

struct site {
	double lat, lon, radius_m;
};

struct metadata_rule {
	const struct meta_field_def *field;
	enum meta_cond cond;
	double num;
	struct regex re;
	struct site *sites;
	size_t nsites;
};

static const char *const metadata_keys[] = { "field", "when", "geofence", NULL };

static void metadata_release(void *data)
{
	struct metadata_rule *m = data;

	regex_release(&m->re);
	free(m->sites);
	free(m);
}

static enum pl_status parse_when(struct load_ctx *lc, const cJSON *w, struct metadata_rule *m)
{
	static const struct { const char *key; enum meta_cond cond; } ops[] = {
		{ "equals", COND_EQ }, { "lt", COND_LT }, { "gt", COND_GT },
	};
	const cJSON *v;
	size_t i;

	if (cJSON_IsString(w)) {
		if (!strcmp(w->valuestring, "present"))
			m->cond = COND_PRESENT;
		else if (!strcmp(w->valuestring, "zero"))
			m->cond = COND_ZERO;
		else if (!strcmp(w->valuestring, "nonzero"))
			m->cond = COND_NONZERO;
		else
			return lc_error(lc, w, 0, PL_ERR_RULES,
					"'when' must be \"present\", \"zero\", \"nonzero\" or an object");
		if (m->cond != COND_PRESENT && m->field->type != META_POSITION &&
		    m->field->type != META_NUMBER)
			return lc_error(lc, w, 0, PL_ERR_RULES, "'%s' is for numbers and positions",
					w->valuestring);
		return PL_OK;
	}
	if (!cJSON_IsObject(w) || cJSON_GetArraySize(w) != 1)
		return lc_error(lc, w, 0, PL_ERR_RULES,
				"'when' must be a word or one of { \"matches\" | \"equals\" | \"lt\" | \"gt\": ... }");
	if ((v = cJSON_GetObjectItemCaseSensitive(w, "matches")) != NULL) {
		m->cond = COND_MATCHES;
		return lc_compile(lc, v, 1, &m->re);
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!(v = cJSON_GetObjectItemCaseSensitive(w, ops[i].key)))
			continue;
		if (!cJSON_IsNumber(v))
			return lc_error(lc, v, 0, PL_ERR_RULES, "'%s' takes a number", ops[i].key);
		if (m->field->type != META_NUMBER)
			return lc_error(lc, v, 0, PL_ERR_RULES, "field '%s' is not a number",
					m->field->name);
		m->cond = ops[i].cond;
		m->num = v->valuedouble;
		return PL_OK;
	}
	return lc_error(lc, w->child, 1, PL_ERR_RULES, "unknown condition '%s'", w->child->string);
}

static enum pl_status parse_site(struct load_ctx *lc, const cJSON *e, struct site *s)
{
	static const char *const keys[] = { "lat", "lon", "radius_m", "$comment", NULL };
	const cJSON *lat, *lon, *rad;
	enum pl_status st;

	if (!cJSON_IsObject(e))
		return lc_error(lc, e, 0, PL_ERR_RULES, "a site must be { \"lat\", \"lon\", \"radius_m\" }");
	if ((st = lc_check_keys(lc, e, keys, "a geofence site")) != PL_OK)
		return st;
	lat = cJSON_GetObjectItemCaseSensitive(e, "lat");
	lon = cJSON_GetObjectItemCaseSensitive(e, "lon");
	rad = cJSON_GetObjectItemCaseSensitive(e, "radius_m");
	if (!cJSON_IsNumber(lat) || fabs(lat->valuedouble) > 90 || !cJSON_IsNumber(lon) ||
	    fabs(lon->valuedouble) > 180 || !cJSON_IsNumber(rad) || rad->valuedouble <= 0 ||
	    rad->valuedouble > 100000)
		return lc_error(lc, e, 0, PL_ERR_RULES,
				"a site needs lat (-90..90), lon (-180..180) and radius_m (0..100000)");
	s->lat = lat->valuedouble;
	s->lon = lon->valuedouble;
	s->radius_m = rad->valuedouble;
	return PL_OK;
}

static enum pl_status parse_geofence(struct load_ctx *lc, const cJSON *g, struct metadata_rule *m)
{
	const cJSON *e;
	enum pl_status st;
	size_t n;

	if (m->field->type != META_POSITION)
		return lc_error(lc, g, 1, PL_ERR_RULES, "a geofence needs a position field, not '%s'",
				m->field->name);
	if (!cJSON_IsArray(g) || !(n = (size_t)cJSON_GetArraySize(g)) || n > GEOFENCE_MAX_SITES)
		return lc_error(lc, g, 0, PL_ERR_RULES, "'geofence' must list 1 to %d sites",
				GEOFENCE_MAX_SITES);
	m->sites = calloc(n, sizeof(*m->sites));
	if (!m->sites)
		return PL_ERR_NOMEM;
	cJSON_ArrayForEach(e, g)
		if ((st = parse_site(lc, e, &m->sites[m->nsites++])) != PL_OK)
			return st;
	return PL_OK;
}

static enum pl_status metadata_parse(struct rule *r, const cJSON *obj, struct load_ctx *lc)
{
	struct metadata_rule *m = calloc(1, sizeof(*m));
	const cJSON *v;
	const char *name;
	enum pl_status st;

	if (!m)
		return PL_ERR_NOMEM;
	r->data = m;
	lc->rs->media_rules = 1;
	if ((st = lc_string(lc, obj, "field", 1, &name)) != PL_OK)
		return st;
	m->field = meta_field_find(name, strlen(name));
	if (!m->field) {
		size_t n, i;
		const struct meta_field_def *defs = meta_field_defs(&n);
		const char *names[128], *hint;

		for (i = 0; i < n && i < 128; i++)
			names[i] = defs[i].name;
		hint = suggest(name, names, i);
		return lc_error(lc, cJSON_GetObjectItemCaseSensitive(obj, "field"), 0, PL_ERR_RULES,
				"unknown metadata field '%s'%s%s%s ('postlint meta --fields' lists them)",
				name, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "when")) != NULL &&
	    (st = parse_when(lc, v, m)) != PL_OK)
		return st;
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "geofence")) != NULL)
		return parse_geofence(lc, v, m);
	return PL_OK;
}

static double distance_m(double lat1, double lon1, double lat2, double lon2)
{
	double p1 = lat1 * M_PI / 180, p2 = lat2 * M_PI / 180;
	double dp = p2 - p1, dl = (lon2 - lon1) * M_PI / 180;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);

	return 2 * EARTH_RADIUS_M * atan2(sqrt(a), sqrt(1 - a));
}

/* 1: the field meets the rule; 0: it does not; -1: matching error. */
static int field_meets(const struct metadata_rule *m, const struct meta_field *f,
		       struct regex_matcher *mt)
{
	char value[META_MAX_TEXT + 64];
	size_t i, ms, me, vs, ve;
	int zero = f->type == META_POSITION ? (f->lat == 0 && f->lon == 0) : f->num == 0;

	if (m->nsites) {
		for (i = 0; i < m->nsites; i++)
			if (distance_m(f->lat, f->lon, m->sites[i].lat, m->sites[i].lon) <=
			    m->sites[i].radius_m)
				return 1;
		return 0;
	}
	switch (m->cond) {
	case COND_PRESENT: return 1;
	case COND_ZERO: return zero;
	case COND_NONZERO: return !zero;
	case COND_EQ: return f->num == m->num;
	case COND_LT: return f->num < m->num;
	case COND_GT: return f->num > m->num;
	case COND_MATCHES:
		media_field_value(f, value, sizeof(value));
		return regex_find(&m->re, mt, value, strlen(value), 0, &ms, &me, &vs, &ve);
	}
	return 0;
}

static enum pl_status metadata_scan(const struct rule *r, struct media_scan *ms)
{
	const struct metadata_rule *m = r->data;
	size_t i;
	int rc;

	for (i = 0; i < ms->meta->len; i++) {
		const struct meta_field *f = &ms->meta->items[i];

		if (f->id != m->field->id)
			continue;
		rc = field_meets(m, f, ms->m);
		if (rc < 0)
			return PL_ERR_MATCH;
		if (rc)
			return media_report(ms, r, f, 0);
	}
	return PL_OK;
}

/* Reads "fields" of an example ({ "gps.position": "52.1,5.1", "camera.serial": "X" }) into out. */
static int example_fields(const char *json, struct meta_fields *out)
{
	cJSON *root = cJSON_Parse(json), *e;
	int bad = 0;

	if (!root)
		return -1;
	cJSON_ArrayForEach(e, root) {
		const struct meta_field_def *def = meta_field_find(e->string, strlen(e->string));
		struct meta_field *f, *items;

		if (!def) {
			bad = 1;
			continue;
		}
		items = realloc(out->items, (out->len + 1) * sizeof(*items));
		if (!items) {
			bad = 1;
			break;
		}
		out->items = items;
		f = &items[out->len++];
		memset(f, 0, sizeof(*f));
		f->id = def->id;
		f->name = def->name;
		f->type = def->type;
		f->offset = -1;
		if (def->type == META_POSITION && cJSON_IsString(e))
			bad |= sscanf(e->valuestring, "%lf,%lf", &f->lat, &f->lon) != 2;
		else if (cJSON_IsNumber(e))
			f->num = e->valuedouble;
		else if (cJSON_IsString(e))
			f->text = strdup(e->valuestring);
	}
	cJSON_Delete(root);
	return bad ? -1 : 0;
}

static int metadata_example(const struct rule *r, const struct rule_example *x, char *detail,
			    size_t dlen)
{
	struct meta_fields mf;
	struct pl_findings out;
	struct regex_matcher m;
	struct pl_diag d;
	struct media_scan ms = { .path = "example", .meta = &mf, .lang = "en", .m = &m, .out = &out,
				 .d = &d };
	int ok;

	meta_fields_init(&mf);
	pl_findings_init(&out);
	if (!x->fields || example_fields(x->fields, &mf) != 0 || regex_matcher_init(&m) != PL_OK) {
		snprintf(detail, dlen, "example needs \"fields\" with known metadata fields");
		meta_fields_release(&mf);
		return 0;
	}
	ok = metadata_scan(r, &ms) == PL_OK && (out.len > 0) == x->must_match;
	if (!ok)
		snprintf(detail, dlen, x->must_match ? "not reported" : "reported");
	pl_findings_release(&out);
	regex_matcher_release(&m);
	meta_fields_release(&mf);
	return ok;
}

const struct rule_kind rule_kind_metadata = {
	.name = "metadata",
	.keys = metadata_keys,
	.parse = metadata_parse,
	.release = metadata_release,
	.scan_media = metadata_scan,
	.example = metadata_example,
};
