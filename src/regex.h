/* SPDX-License-Identifier: Apache-2.0 */
/* PCRE2, owned here: patterns compiled once (UTF, UCP, JIT) and matched under hard limits. */
#ifndef PL_REGEX_H
#define PL_REGEX_H

#include <stddef.h>
#include <stdint.h>

#include "postlint/status.h"

/* Limits that turn a catastrophic pattern into a clear error instead of a hung CI job. */
#define REGEX_MATCH_LIMIT 2000000u
#define REGEX_DEPTH_LIMIT 10000u
#define REGEX_HEAP_LIMIT_KIB 65536u
#define REGEX_JIT_STACK_MAX (4u * 1024u * 1024u)
/* Bytes after a range that regex_search_range still shows its lookaheads. */
#define REGEX_RANGE_MARGIN 64u
/* The shortest serialisation PCRE2 reads: its header (16 bytes) and character tables (1088). */
#define REGEX_STREAM_MIN (16u + 1088u)

/* A pattern is interpreted until it has been run over REGEX_JIT_AFTER bytes of text in the
 * process (each run counts the text after its start, plus REGEX_JIT_RUN_COST), then a JIT compiled
 * copy takes over: one post pays next to no JIT compile (about 0.3 ms a pattern), a batch gets
 * machine code for the rules it runs again and again. Measured with callgrind: 16 KiB rather than
 * 64 runs 6.9% fewer instructions on bench_text's scan, the same on one 2 KB post (+0.7%), +5% on
 * a 5 KB one and -6% on a 10 KB one; 8 KiB costs the 2 KB post 13% more. */
#define REGEX_JIT_AFTER (16u * 1024u)
#define REGEX_JIT_RUN_COST 256u

struct regex {
	void *code;      /* pcre2_code_8, interpreted; never modified after compile; for a code
			  * taken from the pattern cache, NULL until its first match decodes it
			  * (published once, atomically) */
	/* A code as the pattern cache keeps it, until decoded: PCRE2's serialisation of it alone
	 * is pre (its header and character tables, shared by the cache's codes) followed by ser.
	 * Both point into the cache's mapped file, which the rule set keeps. */
	const unsigned char *pre, *ser;
	size_t pre_len, ser_len;
	int lazy_failed; /* decoding it failed: every match reports an error */
	void *jit;       /* JIT compiled copy, published once (atomically); NULL until then */
	size_t work;     /* bytes run over so far (atomic, approximate) */
	int jit_failed;  /* JIT unavailable for this pattern: keep interpreting */
	int jit_claimed; /* a thread is compiling the JIT copy, or has (atomic) */
	int v_group;     /* number of the named group 'v', 0 when none */
	/* Its shape (regex_shape): the bytes it can look at and those it can consume (outside
	 * lookarounds), when has_reach; the most characters a match spans, and how far past a
	 * match its lookaheads look (REGEX_UNBOUNDED: no bound). */
	int has_reach;
	uint64_t reach[4], consume[4];
	uint32_t width, ahead;
	uint32_t digits; /* the fewest ASCII digits ('0'-'9') any match consumes */
};

/* Per-thread matching state: match data, match context with limits, JIT stack. */
struct regex_matcher {
	void *md;
	void *mctx;
	void *jit_stack;
};

/*
 * Compiles pattern (len bytes). caseless adds PCRE2_CASELESS. On error returns PL_ERR_RULES
 * with PCRE2's message in err and the offset in the pattern in *erroff.
 */
enum pl_status regex_compile(struct regex *re, const char *pattern, size_t len, int caseless,
			     char *err, size_t errlen, size_t *erroff);
void regex_release(struct regex *re);

/*
 * The compiled codes of res[0..n) as bytes (PCRE2's serialisation, one character table shared),
 * in a new buffer the caller frees. PL_ERR_NOMEM, or PL_ERR_USAGE when PCRE2 refuses.
 */
enum pl_status regex_encode(const struct regex *const *res, size_t n, unsigned char **out,
			    size_t *len);
/*
 * The reverse: exactly n codes from bytes made by regex_encode with this PCRE2 build, into
 * out[0..n) (each then released with regex_release). PCRE2 checks its version and build in the
 * bytes, not their integrity: the caller makes sure they are intact. PL_ERR_INPUT when they do
 * not decode to n codes.
 */
enum pl_status regex_decode(const unsigned char *p, size_t len, struct regex *out, size_t n);

/*
 * Splits PCRE2's serialisation of re's code alone (decoding it first when it is lazy) into the
 * part every such serialisation shares (header and character tables: *pre, *pre_len, in a new
 * buffer the caller frees) and the code's own bytes (*code, *code_len, in another). With
 * pre_want set, when PCRE2's prefix is not exactly those bytes the whole serialisation comes back
 * in *code and *pre is NULL. PL_ERR_NOMEM or PL_ERR_USAGE.
 */
enum pl_status regex_encode_one(const struct regex *re, const unsigned char *pre_want,
				size_t pre_want_len, unsigned char **pre, size_t *pre_len,
				unsigned char **code, size_t *code_len);

/* A regex whose code is decoded on its first match from pre + ser (see struct regex). */
void regex_lazy(struct regex *re, const unsigned char *pre, size_t pre_len,
		const unsigned char *ser, size_t ser_len);

#define REGEX_UNBOUNDED UINT32_MAX

/*
 * Reads re's shape from its pattern (len bytes, as compiled; regex_shape.c): the bytes it can
 * consume or test (a match lies within one run of them), the widest match and lookahead.
 */
void regex_shape(struct regex *re, const char *pattern, size_t len);

/* PCRE2's version and build, for keying stored codes ("10.42 2022-12-11 unit 8 link 2"). */
void regex_engine_id(char *buf, size_t len);

enum pl_status regex_matcher_init(struct regex_matcher *m);
void regex_matcher_release(struct regex_matcher *m);

/*
 * Finds the first match at or after start in subj. Returns 1 and sets [*ms, *me) (and the 'v'
 * group span in [*vs, *ve), equal to the match when there is no such group), 0 when there is none,
 * -1 when a match, depth or heap limit was hit, -2 on another matching error.
 */
int regex_find(const struct regex *re, struct regex_matcher *m, const char *subj, size_t len,
	       size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve);
/* The same for a match that starts at or before last: the search stops there (PCRE2's offset
 * limit) instead of trying every later start up to len. */
int regex_find_upto(const struct regex *re, struct regex_matcher *m, const char *subj,
		    size_t len, size_t start, size_t last, size_t *ms, size_t *me, size_t *vs,
		    size_t *ve);

/* Whether re matches within [subj+from, subj+to) (start and end inside), with the text around the
 * range visible to lookarounds and \b. */
int regex_search_range(const struct regex *re, struct regex_matcher *m, const char *subj,
		       size_t len, size_t from, size_t to, size_t *ms, size_t *me);

/* Appends pattern-escaped text to a NUL-terminated output of capacity cap; returns the new length
 * or (size_t)-1 when it would not fit. */
size_t regex_escape(char *out, size_t used, size_t cap, const char *p, size_t len);

#endif
