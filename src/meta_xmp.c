/* SPDX-License-Identifier: Apache-2.0 */
/*
 * XMP packets through expat with namespace processing. A property's value can sit in an
 * attribute, in a leaf element or in an rdf:li of an array; each value is matched against a
 * table of (namespace, name, enclosing struct) rows. Region lists and history entries are
 * gathered per rdf:li item. Bounded: element depth, packet size, text length.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medialib.h"
#include "meta_int.h"

#include "banned.h"

enum xmp_ns {
	NS_RDF, NS_META, NS_XML, NS_EXIF, NS_EXIFEX, NS_AUX, NS_TIFF, NS_PS, NS_IPTC, NS_IPTCEXT,
	NS_DC, NS_XMP, NS_XMPMM, NS_STEVT, NS_MWGRS, NS_MPRI, NS_MPREG, NS_MP, NS_COUNT
};

static const struct {
	const char *uri;
	const char *prefix; /* for sources, the usual prefix */
} namespaces[NS_COUNT] = {
	[NS_RDF] = { "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf" },
	[NS_META] = { "adobe:ns:meta/", "x" },
	[NS_XML] = { "http://www.w3.org/XML/1998/namespace", "xml" },
	[NS_EXIF] = { "http://ns.adobe.com/exif/1.0/", "exif" },
	[NS_EXIFEX] = { "http://cipa.jp/exif/1.0/", "exifEX" },
	[NS_AUX] = { "http://ns.adobe.com/exif/1.0/aux/", "aux" },
	[NS_TIFF] = { "http://ns.adobe.com/tiff/1.0/", "tiff" },
	[NS_PS] = { "http://ns.adobe.com/photoshop/1.0/", "photoshop" },
	[NS_IPTC] = { "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "Iptc4xmpCore" },
	[NS_IPTCEXT] = { "http://iptc.org/std/Iptc4xmpExt/2008-02-29/", "Iptc4xmpExt" },
	[NS_DC] = { "http://purl.org/dc/elements/1.1/", "dc" },
	[NS_XMP] = { "http://ns.adobe.com/xap/1.0/", "xmp" },
	[NS_XMPMM] = { "http://ns.adobe.com/xap/1.0/mm/", "xmpMM" },
	[NS_STEVT] = { "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#", "stEvt" },
	[NS_MWGRS] = { "http://www.metadataworkinggroup.com/schemas/regions/", "mwg-rs" },
	[NS_MPRI] = { "http://ns.microsoft.com/photo/1.2/t/RegionInfo#", "MPRI" },
	[NS_MPREG] = { "http://ns.microsoft.com/photo/1.2/t/Region#", "MPReg" },
	[NS_MP] = { "http://ns.microsoft.com/photo/1.2/", "MP" },
};

enum xmp_kind {
	K_TEXT,     /* the value is the field's text */
	K_LAT,      /* "DD,MM.mmmN" or decimal: pairs with K_LON in the same struct */
	K_LON,
	K_ALT,      /* a rational "n/d" */
	K_REG_NAME, /* a region's name */
	K_REG_TYPE, /* an MWG region's type (Face, Pet, Focus, BarCode) */
	K_HIST,     /* one part of an xmpMM:History event */
};

static const struct xmp_rule {
	enum xmp_ns ns;
	const char *name;
	const char *parent; /* local name of the enclosing property, NULL for any */
	enum xmp_kind kind;
	enum meta_field_id id;
} rules[] = {
	{ NS_EXIF, "GPSLatitude", NULL, K_LAT, META_F_GPS_POSITION },
	{ NS_EXIF, "GPSLongitude", NULL, K_LON, META_F_GPS_POSITION },
	{ NS_EXIF, "GPSAltitude", NULL, K_ALT, META_F_GPS_ALTITUDE },
	{ NS_EXIF, "GPSTimeStamp", NULL, K_TEXT, META_F_GPS_TIMESTAMP },
	{ NS_EXIF, "DateTimeOriginal", NULL, K_TEXT, META_F_DATETIME_ORIGINAL },
	{ NS_EXIF, "UserComment", NULL, K_TEXT, META_F_DESCRIPTION },
	{ NS_EXIF, "Artist", NULL, K_TEXT, META_F_CREATOR_NAME },
	{ NS_EXIFEX, "BodySerialNumber", NULL, K_TEXT, META_F_CAMERA_SERIAL },
	{ NS_EXIFEX, "LensSerialNumber", NULL, K_TEXT, META_F_LENS_SERIAL },
	{ NS_EXIFEX, "CameraOwnerName", NULL, K_TEXT, META_F_OWNER_NAME },
	{ NS_AUX, "SerialNumber", NULL, K_TEXT, META_F_CAMERA_SERIAL },
	{ NS_AUX, "LensSerialNumber", NULL, K_TEXT, META_F_LENS_SERIAL },
	{ NS_AUX, "OwnerName", NULL, K_TEXT, META_F_OWNER_NAME },
	{ NS_TIFF, "Make", NULL, K_TEXT, META_F_CAMERA_MAKE },
	{ NS_TIFF, "Model", NULL, K_TEXT, META_F_CAMERA_MODEL },
	{ NS_TIFF, "Artist", NULL, K_TEXT, META_F_CREATOR_NAME },
	{ NS_TIFF, "Copyright", NULL, K_TEXT, META_F_COPYRIGHT },
	{ NS_TIFF, "ImageDescription", NULL, K_TEXT, META_F_DESCRIPTION },
	{ NS_TIFF, "Software", NULL, K_TEXT, META_F_SOFTWARE },
	{ NS_PS, "City", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_PS, "State", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_PS, "Country", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_PS, "CaptionWriter", NULL, K_TEXT, META_F_CREATOR_NAME },
	{ NS_PS, "DateCreated", NULL, K_TEXT, META_F_DATETIME_ORIGINAL },
	{ NS_PS, "History", NULL, K_TEXT, META_F_DOCUMENT_HISTORY },
	{ NS_IPTC, "Location", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTC, "CiAdrExtadr", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiAdrCity", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiAdrRegion", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiAdrPcode", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiAdrCtry", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiEmailWork", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiTelWork", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTC, "CiUrlWork", "CreatorContactInfo", K_TEXT, META_F_CONTACT },
	{ NS_IPTCEXT, "City", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTCEXT, "ProvinceState", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTCEXT, "CountryName", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTCEXT, "Sublocation", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTCEXT, "LocationName", NULL, K_TEXT, META_F_LOCATION_TEXT },
	{ NS_IPTCEXT, "PersonInImage", NULL, K_TEXT, META_F_PEOPLE_NAMED },
	{ NS_IPTCEXT, "PersonName", NULL, K_TEXT, META_F_PEOPLE_NAMED },
	{ NS_DC, "creator", NULL, K_TEXT, META_F_CREATOR_NAME },
	{ NS_DC, "rights", NULL, K_TEXT, META_F_COPYRIGHT },
	{ NS_DC, "description", NULL, K_TEXT, META_F_DESCRIPTION },
	{ NS_DC, "title", NULL, K_TEXT, META_F_DESCRIPTION },
	{ NS_DC, "subject", NULL, K_TEXT, META_F_KEYWORDS },
	{ NS_XMP, "CreatorTool", NULL, K_TEXT, META_F_SOFTWARE },
	{ NS_MWGRS, "Name", "RegionList", K_REG_NAME, META_F_FACE_REGIONS_NAMED },
	{ NS_MWGRS, "Type", "RegionList", K_REG_TYPE, META_F_FACE_REGIONS_NAMED },
	{ NS_MPREG, "PersonDisplayName", "Regions", K_REG_NAME, META_F_FACE_REGIONS_NAMED },
	{ NS_STEVT, "action", "History", K_HIST, META_F_DOCUMENT_HISTORY },
	{ NS_STEVT, "when", "History", K_HIST, META_F_DOCUMENT_HISTORY },
	{ NS_STEVT, "softwareAgent", "History", K_HIST, META_F_DOCUMENT_HISTORY },
	{ NS_STEVT, "parameters", "History", K_HIST, META_F_DOCUMENT_HISTORY },
	{ NS_STEVT, "changed", "History", K_HIST, META_F_DOCUMENT_HISTORY },
};

#define XMP_NAME_MAX 48
#define XMP_REC_MAX 512

struct xmp_frame {
	int ns;                   /* enum xmp_ns, or -1 */
	char name[XMP_NAME_MAX];  /* local name */
	int has_child;
};

/* An rdf:li item being gathered: one region, or one history event. */
struct xmp_record {
	int depth; /* the rdf:li's depth, -1 when none is open */
	int mp;    /* a Microsoft region (no type: always a person) */
	char name[XMP_REC_MAX];
	char type[32];
	char text[XMP_REC_MAX];
	size_t text_len;
};

struct xmp_ctx {
	struct meta_fields *f;
	XML_Parser parser;
	long long off;
	const char *container;
	struct xmp_frame stack[META_MAX_DEPTH];
	int depth;         /* of the element being read; may exceed the stack, then values are skipped */
	char text[META_MAX_TEXT + 1];
	size_t text_len;
	double lat, lon;   /* a pending GPS pair */
	int lat_ctx, lon_ctx; /* the struct depth each belongs to, -2 when unset */
	struct xmp_record rec;
	unsigned regions;
	int deep_reported;
};

/* ---- helpers ------------------------------------------------------------------------------------ */

/* Splits an expat name "uri local" into a namespace index and the local name. */
static int split_name(const char *qname, const char **local)
{
	const char *sp = strchr(qname, ' ');
	size_t n;
	int i;

	if (!sp) {
		*local = qname;
		return -1;
	}
	*local = sp + 1;
	n = (size_t)(sp - qname);
	for (i = 0; i < NS_COUNT; i++)
		if (strlen(namespaces[i].uri) == n && memcmp(namespaces[i].uri, qname, n) == 0)
			return i;
	return -1;
}

static int is_structural(int ns)
{
	return ns == NS_RDF || ns == NS_META;
}

/* Index of the innermost property frame below depth `below`, or -1. */
static int property_at(const struct xmp_ctx *c, int below)
{
	int i;

	for (i = below - 1; i >= 0; i--)
		if (i < META_MAX_DEPTH && !is_structural(c->stack[i].ns))
			return i;
	return -1;
}

static const struct xmp_rule *find_rule(int ns, const char *name, const char *parent)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if ((int)rules[i].ns == ns && strcmp(rules[i].name, name) == 0 &&
		    (!rules[i].parent || (parent && strcmp(rules[i].parent, parent) == 0)))
			return &rules[i];
	return NULL;
}

/* XMP's GPS coordinates: "DD,MM,SSk" or "DD,MM.mmk" with k one of NSEW, or a plain decimal. */
static double parse_coord(const char *s)
{
	double part[3] = { 0, 0, 0 }, v;
	char *end;
	int i, neg = 0;

	for (i = 0; i < 3; i++) {
		part[i] = strtod(s, &end);
		if (end == s)
			return NAN;
		s = end;
		if (*s != ',')
			break;
		s++;
	}
	if (*s == 'S' || *s == 'W' || *s == 's' || *s == 'w')
		neg = 1;
	else if (*s && *s != 'N' && *s != 'E' && *s != 'n' && *s != 'e')
		return NAN;
	v = fabs(part[0]) + part[1] / 60 + part[2] / 3600;
	return (neg || part[0] < 0) ? -v : v;
}

static void make_source(char *buf, size_t n, const struct xmp_rule *r, const char *parent)
{
	if (parent && r->parent == NULL && r->ns == NS_IPTCEXT)
		snprintf(buf, n, "XMP Iptc4xmpExt:%s %s:%s", parent, namespaces[r->ns].prefix, r->name);
	else
		snprintf(buf, n, "XMP %s:%s", namespaces[r->ns].prefix, r->name);
}

/* ---- records (regions, history events) --------------------------------------------------------- */

static void record_flush(struct xmp_ctx *c)
{
	struct xmp_record *r = &c->rec;

	if (r->depth < 0)
		return;
	if (r->text_len)
		meta_add_text(c->f, META_F_DOCUMENT_HISTORY, r->text, r->text_len, "XMP xmpMM:History",
			      c->off);
	/* Microsoft regions are people; MWG ones are faces when typed so, or untyped but named */
	if (r->mp || strcmp(r->type, "Face") == 0 || (r->type[0] == '\0' && r->name[0])) {
		c->regions++;
		meta_add_text(c->f, META_F_FACE_REGIONS_NAMED, r->name, strlen(r->name),
			      r->mp ? "XMP MPReg:PersonDisplayName" : "XMP mwg-rs:Name", c->off);
	}
	memset(r, 0, sizeof(*r));
	r->depth = -1;
}

/* The record for the rdf:li that holds the value at depth d, opened when new. */
static struct xmp_record *record_for(struct xmp_ctx *c, int d)
{
	int i;

	for (i = d; i >= 0; i--)
		if (i < META_MAX_DEPTH && c->stack[i].ns == NS_RDF && strcmp(c->stack[i].name, "li") == 0)
			break;
	if (i < 0)
		return NULL;
	if (c->rec.depth != i) {
		record_flush(c);
		c->rec.depth = i;
	}
	return &c->rec;
}

static void append(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(dst);

	snprintf(dst + n, cap - n, "%s%s", n ? " " : "", s);
}

/* ---- values ------------------------------------------------------------------------------------- */

static void gps_value(struct xmp_ctx *c, const struct xmp_rule *r, const char *v, int ctx,
		      const char *source)
{
	double x = parse_coord(v);

	if (isnan(x)) {
		meta_problem(c->f, c->off, "%s: unreadable coordinate '%.40s'", source, v);
		return;
	}
	if (r->kind == K_LAT) {
		c->lat = x;
		c->lat_ctx = ctx;
	} else {
		c->lon = x;
		c->lon_ctx = ctx;
	}
	if (c->lat_ctx != -2 && c->lat_ctx == c->lon_ctx) {
		meta_add_position(c->f, META_F_GPS_POSITION, c->lat, c->lon,
				  ctx < 0 ? "XMP exif:GPSLatitude/GPSLongitude" : source, c->off);
		c->lat_ctx = c->lon_ctx = -2;
	}
}

static void alt_value(struct xmp_ctx *c, const char *v)
{
	char *end;
	double n = strtod(v, &end), d = 1;

	if (end == v)
		return;
	if (*end == '/')
		d = strtod(end + 1, &end);
	if (d != 0)
		meta_add_number(c->f, META_F_GPS_ALTITUDE, n / d, "XMP exif:GPSAltitude", c->off);
}

/* A value v of property (ns, name) found at depth d, inside the property frame `parent`. */
static void value(struct xmp_ctx *c, int ns, const char *name, int parent, int d, const char *v)
{
	const char *pname = parent >= 0 ? c->stack[parent].name : NULL;
	const struct xmp_rule *r = find_rule(ns, name, pname);
	struct xmp_record *rec;
	char source[128];

	if (!r || !*v)
		return;
	make_source(source, sizeof(source), r, pname);
	switch (r->kind) {
	case K_TEXT:
		meta_add_text(c->f, r->id, v, strlen(v), source, c->off);
		break;
	case K_LAT:
	case K_LON:
		gps_value(c, r, v, parent, source);
		break;
	case K_ALT:
		alt_value(c, v);
		break;
	case K_REG_NAME:
	case K_REG_TYPE:
	case K_HIST:
		rec = record_for(c, d);
		if (!rec)
			break;
		if (r->kind == K_HIST)
			append(rec->text, sizeof(rec->text), v);
		else if (r->kind == K_REG_TYPE)
			snprintf(rec->type, sizeof(rec->type), "%s", v);
		else
			snprintf(rec->name, sizeof(rec->name), "%s", v);
		if (r->ns == NS_MPREG)
			rec->mp = 1;
		rec->text_len = strlen(rec->text);
		break;
	}
}

/* ---- expat callbacks ---------------------------------------------------------------------------- */

static void XMLCALL on_start(void *ud, const XML_Char *qname, const XML_Char **attrs)
{
	struct xmp_ctx *c = ud;
	struct xmp_frame *fr;
	const char *local;
	int i, ns, self, parent;

	if (c->depth > 0 && c->depth - 1 < META_MAX_DEPTH)
		c->stack[c->depth - 1].has_child = 1;
	c->text_len = 0;
	if (c->depth >= META_MAX_DEPTH) {
		if (!c->deep_reported++)
			meta_problem(c->f, c->off, "%s: XMP nested deeper than %d elements", c->container,
				     META_MAX_DEPTH);
		c->depth++;
		return;
	}
	fr = &c->stack[c->depth];
	fr->ns = split_name(qname, &local);
	snprintf(fr->name, sizeof(fr->name), "%s", local);
	fr->has_child = 0;
	self = !is_structural(fr->ns) ? c->depth : property_at(c, c->depth);
	for (i = 0; attrs[i] && attrs[i + 1]; i += 2) {
		ns = split_name(attrs[i], &local);
		if (ns < 0 || is_structural(ns) || ns == NS_XML)
			continue;
		parent = self;
		value(c, ns, local, parent, c->depth, attrs[i + 1]);
	}
	c->depth++;
}

static void XMLCALL on_end(void *ud, const XML_Char *qname)
{
	struct xmp_ctx *c = ud;
	struct xmp_frame *fr;
	int d, prop;

	(void)qname;
	d = --c->depth;
	if (d < 0 || d >= META_MAX_DEPTH)
		return;
	fr = &c->stack[d];
	if (!fr->has_child && c->text_len) {
		c->text[c->text_len] = '\0';
		if (fr->ns == NS_RDF && strcmp(fr->name, "li") == 0) {
			prop = property_at(c, d); /* an array item: the array's property */
			if (prop >= 0)
				value(c, c->stack[prop].ns, c->stack[prop].name, property_at(c, prop), d,
				      c->text);
		} else if (!is_structural(fr->ns)) {
			value(c, fr->ns, fr->name, property_at(c, d), d, c->text);
		}
	}
	c->text_len = 0;
	if (c->rec.depth == d)
		record_flush(c);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct xmp_ctx *c = ud;
	size_t n = len > 0 ? (size_t)len : 0;

	if (n > META_MAX_TEXT - c->text_len)
		n = META_MAX_TEXT - c->text_len;
	memcpy(c->text + c->text_len, s, n);
	c->text_len += n;
}

/* XMP has no use for a DTD: refusing one also refuses entity expansion tricks. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal_subset)
{
	struct xmp_ctx *c = ud;

	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	meta_problem(c->f, c->off, "%s: XMP packet with a document type declaration", c->container);
	ml_xml.XML_StopParser(c->parser, XML_FALSE);
}

void meta_xmp_read(struct meta_fields *f, const char *p, size_t len, long long off,
		   const char *container)
{
	struct xmp_ctx *c;

	while (len && (p[len - 1] == '\0' || p[len - 1] == ' ' || p[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	if (len > META_MAX_BLOCK) {
		meta_problem(f, off, "%s: XMP packet of %zu bytes over the limit", container, len);
		return;
	}
	if (meta_load_lib(f, medialib_load_xml, off, container) != 0)
		return;
	c = calloc(1, sizeof(*c));
	if (c)
		c->parser = ml_xml.XML_ParserCreateNS(NULL, ' ');
	if (!c || !c->parser) {
		f->oom = 1;
		free(c);
		return;
	}
	/* A salt from the heap's and the stack's (randomised) addresses instead of one getrandom()
	 * call per packet: still unpredictable to whoever wrote the file. */
	ml_xml.XML_SetHashSalt(c->parser, (unsigned long)(uintptr_t)c ^ ((unsigned long)(uintptr_t)&c << 7));
	c->f = f;
	c->off = off;
	c->container = container;
	c->lat_ctx = c->lon_ctx = -2;
	c->rec.depth = -1;
	ml_xml.XML_SetUserData(c->parser, c);
	ml_xml.XML_SetElementHandler(c->parser, on_start, on_end);
	ml_xml.XML_SetCharacterDataHandler(c->parser, on_text);
	ml_xml.XML_SetStartDoctypeDeclHandler(c->parser, on_doctype);
	if (ml_xml.XML_Parse(c->parser, p, (int)len, XML_TRUE) == XML_STATUS_ERROR &&
	    ml_xml.XML_GetErrorCode(c->parser) != XML_ERROR_ABORTED)
		meta_problem(f, off + ml_xml.XML_GetCurrentByteIndex(c->parser), "%s: XMP %s", container,
			     ml_xml.XML_ErrorString(ml_xml.XML_GetErrorCode(c->parser)));
	record_flush(c);
	if (c->regions)
		meta_add_number(f, META_F_FACE_REGIONS_COUNT, c->regions, "XMP regions", off);
	ml_xml.XML_ParserFree(c->parser);
	free(c);
}
