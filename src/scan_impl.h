/* SPDX-License-Identifier: Apache-2.0 */
/* The scanner table's interface: one scanner per input kind of a post. */
#ifndef PL_SCAN_IMPL_H
#define PL_SCAN_IMPL_H

#include "langdetect.h"
#include "postlint/scan.h"
#include "rules_impl.h"
#include "textnorm.h"

struct ocr_engine;

struct scan_job {
	struct pl_scanner *sc;
	const struct pl_ruleset *rs;
	const struct pl_post *post;
	const struct pl_scan_options *opt;
	const char *lang;                       /* messages */
	enum pl_account account;
	const char *langs[PL_POST_MAX_LANGS + 1]; /* NULL-terminated */
	struct pl_findings *out;
	struct pl_diag *d;
};

/* A scanner: caption text, or one media file (media_index >= 0). */
struct scanner {
	const char *name;
	int per_media;
	enum pl_status (*run)(struct scan_job *job, size_t media_index);
};

struct pl_scanner {
	const struct pl_ruleset *rs;
	struct regex_matcher m;
	struct textnorm tn;        /* the current caption, normalised */
	struct match_list *cache;  /* per rule */
	unsigned char *cached;
	uint64_t *found;           /* prefilter literals present, a set of their ids */
	struct pf_hits hits;       /* and where they are */
	struct run_buf runs;       /* scratch for the spans a pattern is searched in */
	int ascii;                 /* the normalised caption is all ASCII: characters are bytes */
	uint32_t *digits;          /* digits[i]: ASCII digits in its first i bytes (NULL: no memory) */
	uint32_t *wide;            /* wide[i]: bytes from 0x80 up in them (in digits' allocation) */
	size_t digits_cap;         /* entries of each */
	struct cond_memo memo;     /* sorted hit positions of the conditions asked for so far */
	const char *lang;          /* the last run's messages' language (static), NULL before */
	int whole_text;            /* no gates, no spans, characters counted one by one: every
				    * pattern over the whole text, the reference tests compare with */
	struct ocr_engine *ocr;    /* reading text in photos: this thread's, made on first need */
};

/* Normalises the caption into sc->tn and finds the prefilter's literals in it. */
enum pl_status scan_prepare(struct pl_scanner *sc, const char *text, size_t len);
/* Scans the prepared caption with every applicable text rule (only >= 0: that rule alone). */
enum pl_status scan_caption(struct pl_scanner *sc, const char *name, const char *lang,
			    enum pl_account account, const char *const *langs, long only,
			    struct pl_findings *out, struct pl_diag *d);

/* Adds a finding that is not a rule's: an unreadable file, bad encoding. */
enum pl_status scan_add_input_finding(struct pl_findings *out, const char *file, const char *id,
				      enum pl_severity sev, size_t offset, const char *message,
				      const char *fix);

/* The media scanner (media.c). */
enum pl_status media_scan_file(struct scan_job *job, size_t media_index);

#endif
