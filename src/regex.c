/* SPDX-License-Identifier: Apache-2.0 */
/* The only module that touches PCRE2. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "banned.h"

static pcre2_code *code_of(const struct regex *cre);

enum pl_status regex_compile(struct regex *re, const char *pattern, size_t len, int caseless,
			     char *err, size_t errlen, size_t *erroff)
{
	/* the offset limit lets a search in a window stop where no match can start any more */
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT;
	int errcode = 0;
	PCRE2_SIZE off = 0;
	pcre2_code *code;
	int n;

	memset(re, 0, sizeof(*re));
	if (caseless)
		opts |= PCRE2_CASELESS;
	code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &errcode, &off, NULL);
	if (!code) {
		if (err && errlen)
			pcre2_get_error_message(errcode, (PCRE2_UCHAR *)err, errlen);
		if (erroff)
			*erroff = off;
		return PL_ERR_RULES;
	}
	n = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "v");
	re->v_group = n > 0 ? n : 0;
	re->code = code;
	return PL_OK;
}

enum pl_status regex_encode(const struct regex *const *res, size_t n, unsigned char **out,
			    size_t *len)
{
	const pcre2_code **codes;
	uint8_t *bytes = NULL;
	PCRE2_SIZE size = 0;
	int32_t rc;
	size_t i;

	*out = NULL;
	*len = 0;
	if (!n || n > INT32_MAX)
		return PL_ERR_USAGE;
	if (!(codes = malloc(n * sizeof(*codes))))
		return PL_ERR_NOMEM;
	for (i = 0; i < n; i++)
		if (!(codes[i] = code_of(res[i]))) {
			free(codes);
			return PL_ERR_NOMEM;
		}
	rc = pcre2_serialize_encode(codes, (int32_t)n, &bytes, &size, NULL);
	free(codes);
	if (rc < 0)
		return rc == PCRE2_ERROR_NOMEMORY ? PL_ERR_NOMEM : PL_ERR_USAGE;
	if ((*out = malloc(size)) != NULL) {
		memcpy(*out, bytes, size);
		*len = size;
	}
	pcre2_serialize_free(bytes);
	return *out ? PL_OK : PL_ERR_NOMEM;
}

enum pl_status regex_decode(const unsigned char *p, size_t len, struct regex *out, size_t n)
{
	pcre2_code **codes;
	int32_t rc;
	size_t i;
	int v;

	/* PCRE2 reads its header (16 bytes) and character tables (1088) without knowing len: they
	 * must be there; what follows is the caller's to have checked. */
	if (!n || n > INT32_MAX || len < REGEX_STREAM_MIN ||
	    pcre2_serialize_get_number_of_codes(p) != (int32_t)n)
		return PL_ERR_INPUT;
	if (!(codes = calloc(n, sizeof(*codes))))
		return PL_ERR_NOMEM;
	rc = pcre2_serialize_decode(codes, (int32_t)n, p, NULL);
	if (rc != (int32_t)n) {
		for (i = 0; rc > 0 && i < (size_t)rc; i++)
			pcre2_code_free(codes[i]);
		free(codes);
		return rc == PCRE2_ERROR_NOMEMORY ? PL_ERR_NOMEM : PL_ERR_INPUT;
	}
	for (i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].code = codes[i];
		v = pcre2_substring_number_from_name(codes[i], (PCRE2_SPTR) "v");
		out[i].v_group = v > 0 ? v : 0;
	}
	free(codes);
	return PL_OK;
}

void regex_lazy(struct regex *re, const unsigned char *pre, size_t pre_len,
		const unsigned char *ser, size_t ser_len)
{
	re->code = NULL;
	re->pre = pre;
	re->pre_len = pre_len;
	re->ser = ser;
	re->ser_len = ser_len;
	re->lazy_failed = 0;
}

/*
 * re's code, decoded now if it is still lazy; NULL when that fails. The rule set is shared by the
 * workers and no one waits for another: a thread that finds the code missing decodes its own and
 * offers it with a compare-and-swap; the loser of a race (both decoded the same pattern at once)
 * frees its copy and takes the winner's. Each decode has character tables of its own, so freeing
 * one copy touches nothing the other uses.
 */
static pcre2_code *code_of(const struct regex *cre)
{
	struct regex *re = (struct regex *)(uintptr_t)cre; /* the lazily filled code only */
	pcre2_code *code = __atomic_load_n((pcre2_code **)&re->code, __ATOMIC_ACQUIRE), *seen;
	unsigned char *buf;
	struct regex one;

	if (code || !re->ser || __atomic_load_n(&re->lazy_failed, __ATOMIC_RELAXED))
		return code;
	/* PCRE2 reads the stream whole: the shared prefix, then this code's bytes */
	if ((buf = malloc(re->pre_len + re->ser_len)) != NULL) {
		memcpy(buf, re->pre, re->pre_len);
		memcpy(buf + re->pre_len, re->ser, re->ser_len);
		if (regex_decode(buf, re->pre_len + re->ser_len, &one, 1) == PL_OK)
			code = one.code;
		free(buf);
	}
	if (!code) {
		__atomic_store_n(&re->lazy_failed, 1, __ATOMIC_RELAXED);
		return NULL;
	}
	/* the same number whoever decodes, set before the code is offered */
	__atomic_store_n(&re->v_group, one.v_group, __ATOMIC_RELAXED);
	seen = NULL;
	if (!__atomic_compare_exchange_n((pcre2_code **)&re->code, &seen, code, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		pcre2_code_free(code);
		return seen;
	}
	return code;
}

enum pl_status regex_encode_one(const struct regex *re, const unsigned char *pre_want,
				size_t pre_want_len, unsigned char **pre, size_t *pre_len,
				unsigned char **code, size_t *code_len)
{
	struct regex tmp = { 0 };
	const struct regex *one = &tmp;
	unsigned char *all = NULL;
	size_t len = 0, own = 0, head;
	enum pl_status st;

	*pre = *code = NULL;
	*pre_len = *code_len = 0;
	if (!(tmp.code = code_of(re)))
		return PL_ERR_NOMEM;
	if ((st = regex_encode(&one, 1, &all, &len)) != PL_OK)
		return st;
	/* PCRE2 writes a header and the tables, then the code's own bytes, as many as it says it
	 * takes; anything else, or a prefix unlike the one wanted, is kept whole */
	if (pcre2_pattern_info(tmp.code, PCRE2_INFO_SIZE, &own) != 0 || own >= len ||
	    (pre_want && (len - own != pre_want_len || memcmp(all, pre_want, pre_want_len)))) {
		*code = all;
		*code_len = len;
		return PL_OK;
	}
	head = len - own;
	if (!(*pre = malloc(head)) || !(*code = malloc(own))) {
		free(*pre);
		free(all);
		*pre = NULL;
		return PL_ERR_NOMEM;
	}
	memcpy(*pre, all, head);
	memcpy(*code, all + head, own);
	*pre_len = head;
	*code_len = own;
	free(all);
	return PL_OK;
}

void regex_engine_id(char *buf, size_t len)
{
	char ver[64] = "";
	uint32_t link = 0, unicode = 0, jit = 0;

	pcre2_config(PCRE2_CONFIG_VERSION, ver);
	pcre2_config(PCRE2_CONFIG_LINKSIZE, &link);
	pcre2_config(PCRE2_CONFIG_UNICODE, &unicode);
	pcre2_config(PCRE2_CONFIG_JIT, &jit);
	snprintf(buf, len, "pcre2 %s unit 8 link %u unicode %u jit %u", ver, link, unicode, jit);
}

void regex_release(struct regex *re)
{
	if (re->jit)
		pcre2_code_free(re->jit);
	if (re->code)
		pcre2_code_free(re->code);
	memset(re, 0, sizeof(*re));
}

enum pl_status regex_matcher_init(struct regex_matcher *m)
{
	pcre2_match_context *mc;

	memset(m, 0, sizeof(*m));
	m->md = pcre2_match_data_create(32, NULL);
	mc = pcre2_match_context_create(NULL);
	m->mctx = mc;
	m->jit_stack = pcre2_jit_stack_create(32 * 1024, REGEX_JIT_STACK_MAX, NULL);
	if (!m->md || !mc || !m->jit_stack) {
		regex_matcher_release(m);
		return PL_ERR_NOMEM;
	}
	pcre2_set_match_limit(mc, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, REGEX_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, REGEX_HEAP_LIMIT_KIB);
	pcre2_jit_stack_assign(mc, NULL, m->jit_stack);
	return PL_OK;
}

void regex_matcher_release(struct regex_matcher *m)
{
	if (m->md)
		pcre2_match_data_free(m->md);
	if (m->mctx)
		pcre2_match_context_free(m->mctx);
	if (m->jit_stack)
		pcre2_jit_stack_free(m->jit_stack);
	memset(m, 0, sizeof(*m));
}

/*
 * The JIT copy, made once the pattern has proved busy. Compiling a copy (never the code other
 * threads may be matching with) and publishing it with a release store keeps rule sets shareable
 * between threads without a lock on the matching path. One thread compiles it, the one that claims
 * it first; the others go on interpreting meanwhile rather than wait (at -j2 both workers warm up
 * on the same rules at once).
 */
static pcre2_code *jit_code(const struct regex *cre, size_t bytes)
{
	struct regex *re = (struct regex *)(uintptr_t)cre; /* the lazily filled cache only */
	pcre2_code *j = __atomic_load_n((pcre2_code **)&re->jit, __ATOMIC_ACQUIRE), *c;
	int idle = 0;

	if (j || __atomic_load_n(&re->jit_failed, __ATOMIC_RELAXED))
		return j;
	if (__atomic_add_fetch(&re->work, bytes + REGEX_JIT_RUN_COST, __ATOMIC_RELAXED) <
	    REGEX_JIT_AFTER)
		return NULL;
	if (!__atomic_compare_exchange_n(&re->jit_claimed, &idle, 1, 0, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED))
		return NULL;
	c = code_of(re);
	/* the copy takes character tables of its own: a code decoded from the cache counts the
	 * users of its tables, and that count is no atomic */
	c = c ? pcre2_code_copy_with_tables(c) : NULL;
	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0) {
		__atomic_store_n((pcre2_code **)&re->jit, c, __ATOMIC_RELEASE);
		return c;
	}
	if (c)
		pcre2_code_free(c);
	__atomic_store_n(&re->jit_failed, 1, __ATOMIC_RELAXED);
	return NULL;
}

static int run(const struct regex *re, struct regex_matcher *m, const char *subj, size_t len,
	       size_t start, size_t last)
{
	pcre2_code *j = jit_code(re, start < len ? len - start : 0), *code = NULL;
	int rc;

	if (!j && !(code = code_of(re)))
		return -2; /* a cached code that would not decode */
	pcre2_set_offset_limit(m->mctx, last < len ? (PCRE2_SIZE)last : PCRE2_UNSET);
	if (j)
		rc = pcre2_jit_match(j, (PCRE2_SPTR)subj, len, start, 0, m->md, m->mctx);
	else
		rc = pcre2_match(code, (PCRE2_SPTR)subj, len, start, 0, m->md, m->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return -1;
	if (rc < 0)
		return -2;
	return 1;
}

int regex_find(const struct regex *re, struct regex_matcher *m, const char *subj, size_t len,
	       size_t start, size_t *ms, size_t *me, size_t *vs, size_t *ve)
{
	return regex_find_upto(re, m, subj, len, start, len, ms, me, vs, ve);
}

int regex_find_upto(const struct regex *re, struct regex_matcher *m, const char *subj,
		    size_t len, size_t start, size_t last, size_t *ms, size_t *me, size_t *vs,
		    size_t *ve)
{
	PCRE2_SIZE *ov;
	int rc, v;

	if (start > len || start > last)
		return 0;
	rc = run(re, m, subj, len, start, last);
	if (rc <= 0)
		return rc;
	ov = pcre2_get_ovector_pointer(m->md);
	*ms = *vs = ov[0];
	*me = *ve = ov[1];
	/* a lazily decoded code's v_group is written by whichever thread decodes it */
	v = __atomic_load_n(&re->v_group, __ATOMIC_RELAXED);
	if (v && ov[2 * v] != PCRE2_UNSET) {
		*vs = ov[2 * v];
		*ve = ov[2 * v + 1];
	}
	return 1;
}

int regex_search_range(const struct regex *re, struct regex_matcher *m, const char *subj,
		       size_t len, size_t from, size_t to, size_t *ms, size_t *me)
{
	size_t vs, ve;
	int rc;

	if (to > len)
		to = len;
	/* The text before from and a little after to stays in the subject, so that lookarounds
	 * and \b are right at the range's edges ("product" is not in "productie" cut after its
	 * t); a match must end within the range. The margin bounds the search in long captions. */
	rc = regex_find_upto(re, m, subj,
			     len - to > REGEX_RANGE_MARGIN ? to + REGEX_RANGE_MARGIN : len, from, to, ms,
			     me, &vs, &ve);
	if (rc > 0 && *me > to)
		rc = 0;
	return rc;
}

size_t regex_escape(char *out, size_t used, size_t cap, const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (p[i] == ' ' || p[i] == '-') {
			/* Vocabulary words: "t-shirt", "t shirt" and "tshirt" are one word to a reader. */
			const char *flex = p[i] == ' ' ? "[\\s-]+" : "[\\s-]?";
			size_t fl = strlen(flex);

			if (used + fl >= cap)
				return (size_t)-1;
			memcpy(out + used, flex, fl);
			used += fl;
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}#/", p[i]) && p[i]) {
			if (used + 2 >= cap)
				return (size_t)-1;
			out[used++] = '\\';
		} else if (used + 1 >= cap) {
			return (size_t)-1;
		}
		out[used++] = p[i];
	}
	out[used] = '\0';
	return used;
}
