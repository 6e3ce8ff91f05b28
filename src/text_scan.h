/* SPDX-License-Identifier: Apache-2.0 */
/* The state of scanning one caption: what text kinds see, and how they report. */
#ifndef PL_TEXT_SCAN_H
#define PL_TEXT_SCAN_H

#include "rules_impl.h"
#include "textnorm.h"

struct text_scan {
	const struct pl_ruleset *rs;
	const struct textnorm *tn;
	const char *name;          /* file that locations show */
	const char *lang;          /* messages' language */
	enum pl_account account;
	const char *const *langs;  /* the post's languages; NULL-terminated; empty: any */
	struct regex_matcher *m;
	struct pl_findings *out;
	struct pl_diag *d;
	struct match_list *cache;  /* per rule: matches() computed once per caption */
	unsigned char *cached;
	const uint64_t *found;     /* prefilter: literals present in the caption, a set of ids */
	const struct pf_hits *hits; /* and where (NULL: not known) */
	struct run_buf *runs;      /* scratch of pattern searches (with hits) */
	int ascii;                 /* the normalised text is all ASCII */
	const uint32_t *digits;    /* digits[i]: ASCII digits in its first i bytes (NULL: unknown) */
	const uint32_t *wide;      /* wide[i]: bytes from 0x80 up in them (NULL: unknown) */
	struct cond_memo *memo;    /* conditions' hit positions, shared by the rules (with hits) */
	long only;                 /* >= 0: examples of this rule alone (internal rules report) */
	/* The last location computed: findings mostly come in order, so the next one continues
	 * from it rather than counting lines and columns from the start again. */
	size_t lc_off, lc_ls;      /* its byte offset and the start of its line */
	unsigned lc_line, lc_col;  /* 0: none yet */
};

/*
 * Where pattern re, gated by g, needs searching in subj (the normalised text), from the hits of
 * the gate's literals: spans of three offsets (from, last, cut), each meaning "matches starting in
 * [from, last], searched with the text cut at cut, are exactly those of the whole text". Every
 * match starts in one. A pattern of bounded width gets a window around each hit; another one the
 * run of the bytes it can look at (regex_shape). They go to ts->runs->v from offset *used on, *n
 * of them, and *used moves past them. Returns 0, or -1 when the whole text must be searched (no
 * gate, no shape, positions unknown, no memory).
 */
int ts_spans(struct text_scan *ts, const struct regex *re, const struct pf_gate *g,
	     const char *subj, size_t len, size_t *used, size_t *n);

/*
 * The first match of re starting at or after pos in spans sp[0..n) made by ts_spans, from span
 * *ri on, which is left at the span that holds it: 1 (and the match), 0 none, < 0 a match error.
 */
int ts_find_in_spans(struct text_scan *ts, const struct regex *re, const char *subj,
		     const uint32_t *sp, size_t n, size_t *ri, size_t pos, size_t *ms, size_t *me,
		     size_t *vs, size_t *ve);

/*
 * As regex_search_range (the leftmost match of re starting in [from, to], 0 when it ends past
 * to), searched only around the hits of re's gate g where they tell: in windows or runs as
 * ts_spans makes them, each cut no further than regex_search_range cuts the text.
 */
int ts_search_range(struct text_scan *ts, const struct regex *re, const struct pf_gate *g,
		    const char *subj, size_t len, size_t from, size_t to, size_t *ms, size_t *me);

/* Whether the caption has fewer digits than every match of re (a pattern of rule r) needs. */
int ts_too_few_digits(const struct text_scan *ts, const struct rule *r, const struct regex *re);

/* The bytes a rule matches: the normalised or the original text. */
const char *ts_subject(const struct text_scan *ts, const struct rule *r, size_t *len);
/* Converts a span of r's subject into original byte offsets. */
void ts_to_orig(const struct text_scan *ts, const struct rule *r, size_t s, size_t e, size_t *os,
		size_t *oe);
/* The matches of rule index i (computed once, then cached). */
enum pl_status ts_rule_matches(struct text_scan *ts, size_t i, const struct match_list **out);
/* Reports one finding of r spanning m (original offsets); parts may be NULL. */
enum pl_status ts_report(struct text_scan *ts, const struct rule *r, const struct text_match *m,
			 const struct text_match *parts, size_t nparts);
/* Sets d to a clear match-limit error for rule r at original offset off and returns PL_ERR_MATCH. */
enum pl_status ts_match_error(struct text_scan *ts, const struct rule *r, size_t off, int rc);
/* Where the sentence holding byte off of s ends (the stop's offset, a line end, or len) and
 * where it starts: sentences end at '.', '!' or '?' before white space or the end (a full stop
 * after an abbreviation such as "nr." or an initial ends nothing), and at line ends. The search
 * goes no further than limit (at most len; at most off for the start), which it returns when
 * it finds no end there. */
size_t ts_sentence_end(const char *s, size_t len, size_t off, size_t limit);
size_t ts_sentence_start(const char *s, size_t len, size_t off, size_t limit);
/* The offset n characters before off in subj, or its start (utf8_back), and n characters after off
 * (utf8_on): counted by bytes where the caption's normalised text holds only ASCII there. */
size_t ts_back(const struct text_scan *ts, const char *subj, size_t off, size_t n);
size_t ts_on(const struct text_scan *ts, const char *subj, size_t len, size_t off, size_t n);
/* Whether the caption holds the literals rule r needs (always, for unfiltered rules). */
int ts_gate_open(const struct text_scan *ts, const struct rule *r);
/* The same for a pattern with gate g: whether it can match in the caption at all. */
int ts_may_match(const struct text_scan *ts, const struct pf_gate *g);
/* The same within [from, to) of subj: a match there holds a literal of each of g's conditions
 * (but a lookaround's), so it can be only where each has a hit (always 1 when the hits cannot tell: subj is not the
 * normalised text, or they were lost). */
int ts_may_match_in(struct text_scan *ts, const struct pf_gate *g, const char *subj, size_t from,
		    size_t to);
/* Whether rule r applies to this post (scope: account and language). */
int ts_in_scope(const struct text_scan *ts, const struct rule *r);

#endif
