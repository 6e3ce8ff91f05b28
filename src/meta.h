/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The metadata reading layer: from the bytes of a photo or video to a list of canonical,
 * privacy-relevant fields (GPS position, serial numbers, owner names, places, named faces, ...).
 */
#ifndef PL_META_H
#define PL_META_H

#include <stddef.h>
#include <stdint.h>

#include "media_format.h"
#include "postlint/status.h"

/* ---- limits ---------------------------------------------------------------------------------- */

/* meta_read_file() loads PNG, GIF, WebP, TIFF and HEIF images whole; larger ones are refused with
 * PL_ERR_LIMIT. JPEGs and videos are walked with seeks and have no size limit. */
#define META_MAX_IMAGE_BYTES (512ull * 1024 * 1024)
/* Fields kept per file; past it the rest are counted in meta_fields.dropped. */
#define META_MAX_FIELDS 1024
/* Problems kept per file; past it the rest are counted in meta_fields.dropped. */
#define META_MAX_PROBLEMS 64
/* A text value longer than this (bytes) is cut at a UTF-8 boundary. */
#define META_MAX_TEXT 2048
/* One metadata block (an XMP packet, an Exif item, an inflated PNG text, a QuickTime udta/meta
 * box) larger than this is skipped with a problem record. */
#define META_MAX_BLOCK (16u * 1024 * 1024)
/* Nesting limit for container walks (ISO-BMFF boxes, XML elements, TIFF sub-IFDs). */
#define META_MAX_DEPTH 32

/* ---- the canonical fields -------------------------------------------------------------------- */

enum meta_type {
	META_TEXT,     /* text: a string, as found (usually UTF-8; never validated) */
	META_NUMBER,   /* num */
	META_POSITION, /* lat, lon: decimal degrees, south and west negative */
	META_DATA,     /* an embedded byte range: offset, length; text names its kind ("jpeg") */
};

/*
 * Every canonical field: X(ID, "name", type, "one-line description"). Adding a field is one row
 * here; meta_field_defs() and the rules loader pick it up.
 */
#define META_FIELD_LIST(X)                                                                        \
	X(GPS_POSITION, "gps.position", META_POSITION,                                            \
	  "where the photo was taken: EXIF GPS latitude/longitude, XMP exif:GPSLatitude")          \
	X(GPS_ALTITUDE, "gps.altitude", META_NUMBER, "GPS altitude in metres, negative below sea level") \
	X(GPS_TIMESTAMP, "gps.timestamp", META_TEXT, "GPS date and UTC time of the position fix")  \
	X(GPS_DESTINATION, "gps.destination", META_POSITION,                                      \
	  "GPS destination latitude/longitude (EXIF GPSDestLatitude/Longitude)")                   \
	X(CAMERA_MAKE, "camera.make", META_TEXT, "camera or phone maker")                          \
	X(CAMERA_MODEL, "camera.model", META_TEXT, "camera or phone model")                        \
	X(CAMERA_SERIAL, "camera.serial", META_TEXT,                                              \
	  "camera body serial number (EXIF, XMP, maker notes)")                                    \
	X(LENS_SERIAL, "lens.serial", META_TEXT, "lens serial number")                             \
	X(OWNER_NAME, "owner.name", META_TEXT,                                                    \
	  "camera owner's name (CameraOwnerName, maker-note owner)")                               \
	X(CREATOR_NAME, "creator.name", META_TEXT,                                                \
	  "author of the photo (EXIF Artist, XPAuthor, XMP dc:creator, IPTC By-line)")             \
	X(COPYRIGHT, "copyright", META_TEXT, "copyright notice (EXIF, XMP dc:rights, IPTC)")      \
	X(CONTACT, "contact", META_TEXT,                                                          \
	  "creator's contact details (IPTC Contact, XMP CreatorContactInfo)")                      \
	X(LOCATION_TEXT, "location.text", META_TEXT,                                              \
	  "place name: XMP/IPTC city, state, country, sub-location, location")                     \
	X(VIDEO_LOCATION, "video.location", META_POSITION,                                        \
	  "where a video was recorded (QuickTime ISO 6709, (c)xyz, 3GPP loci)")                    \
	X(PEOPLE_NAMED, "people.named", META_TEXT, "person shown, by name (XMP PersonInImage)")   \
	X(FACE_REGIONS_NAMED, "face_regions.named", META_TEXT,                                    \
	  "name given to a face region (MWG regions, Microsoft Photo regions)")                    \
	X(FACE_REGIONS_COUNT, "face_regions.count", META_NUMBER,                                  \
	  "number of face/person regions tagged in XMP")                                           \
	X(THUMBNAIL_PRESENT, "thumbnail.present", META_DATA,                                      \
	  "an embedded EXIF or JFIF thumbnail (offset and length)")                                \
	X(PREVIEW_PRESENT, "preview.present", META_DATA,                                          \
	  "an embedded preview image (Photoshop thumbnail, MPF image) (offset and length)")        \
	X(DATETIME_ORIGINAL, "datetime.original", META_TEXT, "when the photo was taken")          \
	X(DATETIME_TIMEZONE, "datetime.timezone", META_TEXT,                                      \
	  "time zone of the capture time (EXIF OffsetTime*)")                                      \
	X(SOFTWARE, "software", META_TEXT, "software that made or edited the file")               \
	X(DESCRIPTION, "description", META_TEXT,                                                  \
	  "caption: ImageDescription, UserComment, XPComment, XMP dc:description, IPTC caption")   \
	X(KEYWORDS, "keywords", META_TEXT, "keyword or subject (IPTC Keywords, XMP dc:subject)") \
	X(DOCUMENT_HISTORY, "document.history", META_TEXT,                                        \
	  "editing history entry (XMP xmpMM:History, photoshop:History)")                          \
	X(COMMENT, "comment", META_TEXT, "a JPEG COM segment, PNG text chunk or GIF comment")      \
	X(TRAILING_DATA, "trailing.data", META_DATA,                                              \
	  "bytes after the end of the image that are neither padding nor a declared preview")

#define META_FIELD_ENUM(id, name, type, summary) META_F_##id,
enum meta_field_id { META_FIELD_LIST(META_FIELD_ENUM) META_FIELD_COUNT };
#undef META_FIELD_ENUM

struct meta_field_def {
	enum meta_field_id id;
	const char *name;    /* canonical name, e.g. "gps.position" */
	enum meta_type type;
	const char *summary; /* one line for 'postlint meta --fields' */
};

/* The table of every canonical field, in a stable order; *n receives its length. Static. */
const struct meta_field_def *meta_field_defs(size_t *n);
/* The definition named name (len bytes, not NUL-terminated), or NULL when unknown. */
const struct meta_field_def *meta_field_find(const char *name, size_t len);

/* ---- results --------------------------------------------------------------------------------- */

struct meta_field {
	enum meta_field_id id;
	const char *name;  /* canonical name, a static string from the table */
	enum meta_type type;
	char *text;        /* META_TEXT: the value; META_DATA: its kind ("jpeg", "tiff", "mp4",
			    * "unknown"); NULL otherwise. NUL-terminated, owned by the list */
	double num;        /* META_NUMBER */
	double lat, lon;   /* META_POSITION */
	char *source;      /* where it was found: "EXIF GPS IFD", "XMP photoshop:City",
			    * "MakerNote Canon OwnerName", ... NUL-terminated, owned by the list */
	long long offset;  /* byte offset in the file: of the data itself for META_DATA, else of the
			    * block that holds the value (APP1 segment payload, chunk, box); -1 unknown */
	long long length;  /* META_DATA: byte length of the embedded data; 0 otherwise */
};

/* A non-fatal reading problem: the rest of the file was still read. */
struct meta_problem {
	long long offset; /* where in the file, -1 unknown */
	char *message;    /* "unreadable image metadata at offset 20: declared length 65535 past end
			   * of file"; owned by the list */
	int lib_missing;  /* not the file's fault: a media library could not be loaded, so the
			   * block was not read ("image metadata not checked at offset 20: ...") */
};

struct meta_fields {
	struct meta_field *items; /* in the order found */
	size_t len, cap;
	struct meta_problem *problems;
	size_t nproblems, problems_cap;
	size_t dropped;           /* fields and problems left out past META_MAX_FIELDS/PROBLEMS */
	enum media_format format; /* set by meta_read() */
	uint64_t want;            /* fields asked for with meta_fields_want(); 0: all */
	int oom;                  /* internal: an allocation failed while filling */
};

_Static_assert(META_FIELD_COUNT <= 64, "meta_fields.want holds one bit per field");

/* Empties a list. Allocates nothing. */
void meta_fields_init(struct meta_fields *f);

/*
 * Restricts the next reads to the fields asked for (call once per field, after
 * meta_fields_init()); by default every field is read. Readers then skip work only other fields
 * need: unless trailing.data or video.location is asked for, a JPEG's walk stops at its image
 * data instead of scanning it for the end of the image and what follows (as ExifTool's -fast).
 */
void meta_fields_want(struct meta_fields *f, enum meta_field_id id);
/* Frees every field, problem and string the list owns, and empties it. Accepts an empty list. */
void meta_fields_release(struct meta_fields *f);

/* The first field with this id, or NULL. */
const struct meta_field *meta_fields_get(const struct meta_fields *f, enum meta_field_id id);

/* ---- reading --------------------------------------------------------------------------------- */

/*
 * Reads the metadata of a media file whose whole content is p (len bytes, not NUL-terminated;
 * not kept after the call) and appends the fields it finds to out, which the caller initialised
 * with meta_fields_init() and frees with meta_fields_release() whatever the result.
 * path_for_messages only names the file in d.
 *
 * Malformed metadata never fails the call: each unreadable part becomes a problem record in
 * out->problems and the rest of the file is still read. Returns PL_OK; PL_ERR_INPUT when the file
 * is empty or of no known format (out->format is MEDIA_UNKNOWN); PL_ERR_NOMEM; PL_ERR_USAGE for a
 * NULL argument. d (may be NULL) says what went wrong.
 */
enum pl_status meta_read(const char *path_for_messages, const unsigned char *p, size_t len,
			 struct meta_fields *out, struct pl_diag *d);

/*
 * Same for a file on disk, deciding by its content. A JPEG is walked through the descriptor: its
 * metadata segments are read one at a time and its image data scanned in 64 KiB windows for the
 * end of the image. An MP4/MOV is walked with seeks, reading only the boxes that can hold
 * metadata (moov/udta, moov/meta, ...), never the media data, wherever moov stands in the file.
 * Other images are read whole into memory (at most META_MAX_IMAGE_BYTES, else PL_ERR_LIMIT).
 * Also returns PL_ERR_IO when the file cannot be opened or read.
 */
enum pl_status meta_read_file(const char *path, struct meta_fields *out, struct pl_diag *d);

#endif
