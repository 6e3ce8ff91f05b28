/* SPDX-License-Identifier: Apache-2.0 */
/* The media libraries' function tables, filled by dlopen on first use (medialib.h). */
#include "medialib.h"

#include "banned.h"

struct medialib_exif ml_exif;
struct medialib_tj ml_tj;
struct medialib_xml ml_xml;
struct medialib_z ml_z;

#define SYM(table, f) { #f, &table.f },
#define EXIF_SYM(f) SYM(ml_exif, f)
#define TJ_SYM(f) SYM(ml_tj, f)
#define XML_SYM(f) SYM(ml_xml, f)
#define Z_SYM(f) SYM(ml_z, f)
static const struct dynlib_sym exif_syms[] = { MEDIALIB_EXIF(EXIF_SYM) };
static const struct dynlib_sym tj_syms[] = { MEDIALIB_TJ(TJ_SYM) };
static const struct dynlib_sym xml_syms[] = { MEDIALIB_XML(XML_SYM) };
static const struct dynlib_sym z_syms[] = { MEDIALIB_Z(Z_SYM) };

/* The Debian sonames of bookworm and trixie first; the unversioned name (from the -dev package)
 * last, for a build against another release. */
static const char *const exif_sonames[] = { "libexif.so.12", "libexif.so", NULL };
static const char *const tj_sonames[] = { "libturbojpeg.so.0", "libturbojpeg.so", NULL };
static const char *const xml_sonames[] = { "libexpat.so.1", "libexpat.so", NULL };
static const char *const z_sonames[] = { "libz.so.1", "libz.so", NULL };

#define LIB(what, names, syms, package) \
	{ what, names, syms, sizeof(syms) / sizeof(syms[0]), package, 0, 0, "" }
static struct dynlib exif_lib = LIB("libexif", exif_sonames, exif_syms, "libexif12");
static struct dynlib tj_lib = LIB("TurboJPEG", tj_sonames, tj_syms, "libturbojpeg0");
static struct dynlib xml_lib = LIB("expat", xml_sonames, xml_syms, "libexpat1");
static struct dynlib z_lib = LIB("zlib", z_sonames, z_syms, "zlib1g");

enum pl_status medialib_load_exif(struct pl_diag *d)
{
	return dynlib_load(&exif_lib, d);
}

enum pl_status medialib_load_tj(struct pl_diag *d)
{
	return dynlib_load(&tj_lib, d);
}

enum pl_status medialib_load_xml(struct pl_diag *d)
{
	return dynlib_load(&xml_lib, d);
}

enum pl_status medialib_load_z(struct pl_diag *d)
{
	return dynlib_load(&z_lib, d);
}
