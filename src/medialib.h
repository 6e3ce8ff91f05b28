/* SPDX-License-Identifier: Apache-2.0 */
/* The media libraries, loaded on first use (dynlib.h): libexif, TurboJPEG, expat and zlib. Linked,
 * they cost every process about 1 ms of start-up (a third of `postlint --version`), though a
 * caption-only check never calls them. Their Debian packages stay the ones that get security
 * fixes: nothing is linked statically. Each table holds the functions postlint calls, typed from
 * the library's own header, so a call is checked as if linked; load the library before its
 * first call. */
#ifndef PL_MEDIALIB_H
#define PL_MEDIALIB_H

#include <expat.h>
#include <libexif/exif-data.h>
#include <libexif/exif-mnote-data.h>
#include <libexif/exif-utils.h>
#include <turbojpeg.h>
#include <zlib.h>

#include "dynlib.h"

#define MEDIALIB_EXIF(X) \
	X(exif_content_get_entry) \
	X(exif_data_get_byte_order) \
	X(exif_data_get_mnote_data) \
	X(exif_data_load_data) \
	X(exif_data_new) \
	X(exif_data_unref) \
	X(exif_data_unset_option) \
	X(exif_format_get_size) \
	X(exif_get_rational) \
	X(exif_get_srational) \
	X(exif_get_sshort) \
	X(exif_mnote_data_count) \
	X(exif_mnote_data_get_id) \
	X(exif_mnote_data_get_name) \
	X(exif_mnote_data_get_value)

#define MEDIALIB_TJ(X) \
	X(tjDecompress2) \
	X(tjDecompressHeader3) \
	X(tjDestroy) \
	X(tjGetErrorCode) \
	X(tjGetErrorStr2) \
	X(tjGetScalingFactors) \
	X(tjInitDecompress)

#define MEDIALIB_XML(X) \
	X(XML_ErrorString) \
	X(XML_GetCurrentByteIndex) \
	X(XML_GetErrorCode) \
	X(XML_Parse) \
	X(XML_ParserCreateNS) \
	X(XML_ParserFree) \
	X(XML_SetCharacterDataHandler) \
	X(XML_SetElementHandler) \
	X(XML_SetHashSalt) \
	X(XML_SetStartDoctypeDeclHandler) \
	X(XML_SetUserData) \
	X(XML_StopParser)

/* inflateInit is a macro over inflateInit_: call ml_z.inflateInit_(&z, ZLIB_VERSION, sizeof z). */
#define MEDIALIB_Z(X) \
	X(inflate) \
	X(inflateEnd) \
	X(inflateInit_)

#define MEDIALIB_FN(f) __typeof__(f) *f;
struct medialib_exif { MEDIALIB_EXIF(MEDIALIB_FN) };
struct medialib_tj { MEDIALIB_TJ(MEDIALIB_FN) };
struct medialib_xml { MEDIALIB_XML(MEDIALIB_FN) };
struct medialib_z { MEDIALIB_Z(MEDIALIB_FN) };
#undef MEDIALIB_FN

/* The functions: usable once the matching medialib_load_* returned PL_OK. */
extern struct medialib_exif ml_exif;
extern struct medialib_tj ml_tj;
extern struct medialib_xml ml_xml;
extern struct medialib_z ml_z;

/* Load the library once per process (thread-safe); on failure d says which file and package. */
enum pl_status medialib_load_exif(struct pl_diag *d);
enum pl_status medialib_load_tj(struct pl_diag *d);
enum pl_status medialib_load_xml(struct pl_diag *d);
enum pl_status medialib_load_z(struct pl_diag *d);

#endif
