/* SPDX-License-Identifier: Apache-2.0 */
/* XMP packets: a row per form a property can take (attribute, element, array item, struct
 * member), per coordinate notation, and per malformation. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "meta_int.h"

#include "banned.h"

#define NS                                                                                        \
	" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""                                           \
	" xmlns:exifEX=\"http://cipa.jp/exif/1.0/\""                                              \
	" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\""                                        \
	" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""                                 \
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""                                          \
	" xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\""                     \
	" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""                      \
	" xmlns:mwg-rs=\"http://www.metadataworkinggroup.com/schemas/regions/\""                  \
	" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""

static const struct {
	const char *body;  /* inside <rdf:Description rdf:about="" NS>...</rdf:Description> */
	const char *field; /* "problem" (a problem contains value), "!name" (no such field) */
	const char *want;
} rows[] = {
	{ "<exif:GPSLatitude>43,28.0946N</exif:GPSLatitude>"
	  "<exif:GPSLongitude>11,52.81W</exif:GPSLongitude>",
	  "gps.position", "43.4682433,-11.8801667" },
	{ "<exif:GPSLatitude>43,28,5.67S</exif:GPSLatitude>"
	  "<exif:GPSLongitude>11,52,48.6E</exif:GPSLongitude>",
	  "gps.position", "-43.4682417,11.8801667" },
	{ "<exif:GPSLatitude>43.5</exif:GPSLatitude><exif:GPSLongitude>-11.25</exif:GPSLongitude>",
	  "gps.position", "43.5000000,-11.2500000" },
	{ "<exif:GPSLatitude>north</exif:GPSLatitude><exif:GPSLongitude>1,2E</exif:GPSLongitude>",
	  "problem", "unreadable coordinate 'north'" },
	{ "<exif:GPSLatitude>43,28.0946N</exif:GPSLatitude>", "!gps.position", "" },
	{ "<exif:GPSAltitude>2501/10</exif:GPSAltitude>", "gps.altitude", "250.1" },
	{ "<Iptc4xmpExt:LocationCreated><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
	  "<Iptc4xmpExt:Sublocation>Dam Square</Iptc4xmpExt:Sublocation>"
	  "<exif:GPSLatitude>52,22.3N</exif:GPSLatitude><exif:GPSLongitude>4,53.6E</exif:GPSLongitude>"
	  "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationCreated>",
	  "gps.position", "52.3716667,4.8933333" },
	{ "<Iptc4xmpExt:LocationCreated><rdf:Bag><rdf:li><rdf:Description "
	  "Iptc4xmpExt:CountryName=\"Belgium\" Iptc4xmpExt:ProvinceState=\"Flanders\"/>"
	  "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationCreated>",
	  "location.text", "Flanders" },
	{ "<rdf:Description photoshop:State=\"Utah\"/>", "location.text", "Utah" },
	{ "<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">(c) Police</rdf:li></rdf:Alt></dc:rights>",
	  "copyright", "(c) Police" },
	{ "<dc:subject><rdf:Bag><rdf:li>raid</rdf:li><rdf:li>evidence</rdf:li></rdf:Bag></dc:subject>",
	  "keywords", "evidence" },
	{ "<Iptc4xmpCore:CreatorContactInfo Iptc4xmpCore:CiEmailWork=\"j@police.example\"/>",
	  "contact", "j@police.example" },
	{ "<Iptc4xmpCore:CreatorContactInfo rdf:parseType=\"Resource\">"
	  "<Iptc4xmpCore:CiAdrCity>Leiden</Iptc4xmpCore:CiAdrCity></Iptc4xmpCore:CreatorContactInfo>",
	  "contact", "Leiden" },
	{ "<Iptc4xmpCore:CiAdrCity>Leiden</Iptc4xmpCore:CiAdrCity>", "!contact", "" },
	{ "<exifEX:BodySerialNumber>BODY1</exifEX:BodySerialNumber>", "camera.serial", "BODY1" },
	{ "<aux:LensSerialNumber>LENS1</aux:LensSerialNumber>", "lens.serial", "LENS1" },
	{ "<aux:OwnerName>Owner One</aux:OwnerName>", "owner.name", "Owner One" },
	{ "<exifEX:CameraOwnerName>Owner Two</exifEX:CameraOwnerName>", "owner.name", "Owner Two" },
	{ "<xmp:CreatorTool>Snapseed</xmp:CreatorTool>", "software", "Snapseed" },
	{ "<mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>"
	  "<rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Rex</mwg-rs:Name>"
	  "<mwg-rs:Type>Pet</mwg-rs:Type></rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>",
	  "!face_regions.named", "" },
	{ "<mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>"
	  "<rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Rex</mwg-rs:Name>"
	  "<mwg-rs:Type>Pet</mwg-rs:Type></rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>",
	  "!face_regions.count", "" },
	{ "<mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>"
	  "<rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Ann</mwg-rs:Name></rdf:li>"
	  "<rdf:li><rdf:Description mwg-rs:Name=\"Bo\" mwg-rs:Type=\"Face\"/></rdf:li>"
	  "</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>",
	  "face_regions.count", "2" },
	{ "<mwg-rs:Name>Loose</mwg-rs:Name>", "!face_regions.named", "" },
	{ "<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
	  "<Iptc4xmpExt:PersonName><rdf:Alt><rdf:li xml:lang=\"x-default\">Eve</rdf:li></rdf:Alt>"
	  "</Iptc4xmpExt:PersonName></rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>",
	  "people.named", "Eve" },
	{ "<photoshop:City>  Spaced  </photoshop:City>", "location.text", "Spaced" },
	{ "<photoshop:City>A &amp; B</photoshop:City>", "location.text", "A & B" },
	{ "<photoshop:City rdf:resource=\"http://example.com/\"/>", "!location.text", "" },
	{ "<photoshop:City>open", "problem", "XMP" },
};

static int has(const struct meta_fields *f, const char *field, const char *want)
{
	char buf[META_MAX_TEXT + 64];
	size_t i;

	for (i = 0; i < f->len; i++) {
		if (strcmp(f->items[i].name, field) != 0)
			continue;
		if (f->items[i].type == META_POSITION)
			snprintf(buf, sizeof(buf), "%.7f,%.7f", f->items[i].lat, f->items[i].lon);
		else if (f->items[i].type == META_NUMBER)
			snprintf(buf, sizeof(buf), "%.10g", f->items[i].num);
		else
			snprintf(buf, sizeof(buf), "%s", f->items[i].text);
		if (!*want || strcmp(buf, want) == 0)
			return 1;
	}
	return 0;
}

static int has_problem(const struct meta_fields *f, const char *sub)
{
	size_t i;

	for (i = 0; i < f->nproblems; i++)
		if (strstr(f->problems[i].message, sub))
			return 1;
	return 0;
}

int main(void)
{
	static char packet[8192];
	struct meta_fields f;
	size_t i;
	int n;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		n = snprintf(packet, sizeof(packet),
			     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
			     "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
			     "<rdf:Description rdf:about=\"\"" NS ">%s</rdf:Description>"
			     "</rdf:RDF></x:xmpmeta>",
			     rows[i].body);
		meta_fields_init(&f);
		meta_xmp_read(&f, packet, (size_t)n, 100, "test");
		if (strcmp(rows[i].field, "problem") == 0)
			CHECK(has_problem(&f, rows[i].want), "row %zu: no problem '%s'", i, rows[i].want);
		else if (rows[i].field[0] == '!')
			CHECK(!has(&f, rows[i].field + 1, rows[i].want), "row %zu: %s present", i,
			      rows[i].field + 1);
		else
			CHECK(has(&f, rows[i].field, rows[i].want), "row %zu: %s '%s' missing", i,
			      rows[i].field, rows[i].want);
		meta_fields_release(&f);
	}
	meta_fields_init(&f);
	meta_xmp_read(&f, "not xml at all", 14, 7, "test");
	CHECK(f.nproblems == 1 && strstr(f.problems[0].message, "at offset 7: test: XMP ") != NULL,
	      "garbage is one problem at its offset");
	meta_fields_release(&f);
	TEST_DONE();
}
