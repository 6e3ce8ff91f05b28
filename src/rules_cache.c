/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The compiled-pattern cache. Most of a pack's load is spent compiling its patterns with PCRE2
 * and reading them for the prefilter's literals and their shape (regex_shape), and all three
 * depend only on the pattern, the words of the vocabularies it names, PCRE2's build and this
 * program's analysis. So a load keeps what it compiled in one file per pack (named by the pack's
 * real path) and the next load takes it from there. Each entry is found by its key
 * (pattern_compile.c: the pattern as written, each vocabulary it names followed by a digest of
 * its words), compared byte for byte, so an edited pack only misses on the patterns it changed,
 * and a load that misses nothing expands no vocabulary. The whole file is checked (length,
 * checksum, versions) before anything in it is used; a missing, stale or damaged file is an empty
 * cache, never an error.
 *
 * File: "PLRCACH5", u64 checksum of the rest, u16 + id (PCRE2 build, postlint version, checksum of
 * the sources the entries depend on), u32 count of the prefilter's literals (to size its table
 * once), u32 entry count, entries (u8 caseless, u8 gate known, u32 key length, key, the shape: u8
 * has_reach, 4 u64 reach, 4 u64 consume, u32 width, ahead and digits; u8 conditions, u8 how many
 * of them (the last) are a lookaround's, each condition a u32 literal count and literals as u16
 * length + bytes), then the codes: u32 length and the prefix of PCRE2's serialisation of one code
 * (its header and character tables, the same for every code), and per entry, in entry order, u8
 * whole, u64 length and the code's own bytes (whole 0: they follow the prefix) or a serialisation
 * of its own (whole 1: PCRE2 wrote a prefix unlike the others). Each code stands alone, so a code
 * is decoded only when a rule first runs it: a post with the default pack runs 17 of its 315
 * patterns, and decoding them all was a sixth of a run's page faults. Numbers in the host's byte
 * order: the checksum of a file from another machine fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "postlint/postlint.h"
#include "rules_cache.h"
#include "util.h"
#include "banned.h"

#ifndef PL_CACHE_HASH
#define PL_CACHE_HASH "dev" /* the Makefile passes a hash of the sources the entries depend on */
#endif

#define CACHE_MAGIC "PLRCACH5"
#define CACHE_MAX_FILE (64u * 1024u * 1024u)
#define CACHE_MAX_ENTRIES 65536u

/* An entry read from the file: pointers into the file's bytes. */
struct in_entry {
	const char *pat;
	uint32_t len;
	uint8_t caseless, gate_known, ncond, nlook, taken;
	uint8_t noted;              /* taken, and noted to be written again as it is */
	const unsigned char *conds; /* ncond conditions as stored */
	size_t conds_len;
	uint64_t hash;
	struct regex re;            /* the shape as read, and where its code is in the file */
};

/* An entry this load compiled (or took without its conditions, then found them), to be written. */
struct out_entry {
	char *pat;
	uint32_t len;
	uint8_t caseless, gate_known;
	void *code;                 /* the ruleset's, alive until the save; NULL when taken lazy */
	const unsigned char *pre, *ser; /* a code taken from the file: written from its bytes */
	size_t ser_len;
	struct regex shape;         /* only the shape fields */
	struct pf_gate gate;        /* a copy of the ids */
};

struct rules_cache {
	char *path;
	const char *buf;            /* the file, mapped read-only */
	size_t buf_len;
	const unsigned char *pre;   /* the prefix of the codes' serialisations, in the file */
	size_t pre_len;
	int kept;                   /* the mapping went to the rule set (rules_cache_keep_file) */
	struct in_entry *in;
	size_t nin;
	uint32_t *index;            /* open addressing over in, UINT32_MAX empty */
	size_t index_cap;
	struct out_entry *out;
	size_t nout, cap_out;
	struct in_entry *last_taken; /* for the note that follows a take */
	uint32_t nlits;             /* the prefilter's literals when the file was written */
	int broken;                 /* out of memory noting: never write */
};

/* ---- hashing -------------------------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 32);
}

/* A 64-bit hash, eight bytes a step: enough to catch a damaged or truncated file. */
static uint64_t hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = mix(seed, n), w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = mix(h, w);
	}
	w = 0;
	memcpy(&w, p + i, n - i);
	return mix(h, w);
}

static uint64_t key_hash(const char *pat, size_t len, int caseless)
{
	return hash64(pat, len, caseless ? 2 : 1);
}

static void engine_id(char *buf, size_t len)
{
	char pcre[96];

	regex_engine_id(pcre, sizeof(pcre));
	snprintf(buf, len, "%s; postlint %s; analysis %s", pcre, PL_VERSION, PL_CACHE_HASH);
}

/* ---- reading -------------------------------------------------------------------------------- */

struct reader {
	const unsigned char *p;
	size_t len, off;
	int bad;
};

static const unsigned char *take_bytes(struct reader *r, size_t n)
{
	const unsigned char *s = r->p + r->off;

	if (r->bad || n > r->len - r->off) {
		r->bad = 1;
		return NULL;
	}
	r->off += n;
	return s;
}

static uint64_t take_uint(struct reader *r, size_t n)
{
	const unsigned char *s = take_bytes(r, n);
	uint64_t v = 0;
	uint32_t v32 = 0;
	uint16_t v16 = 0;

	if (!s)
		return 0;
	if (n == 8)
		memcpy(&v, s, 8);
	else if (n == 4)
		memcpy(&v32, s, 4), v = v32;
	else if (n == 2)
		memcpy(&v16, s, 2), v = v16;
	else
		v = s[0];
	return v;
}

/* The shape fields of a regex (regex_shape), as the file keeps them. */
static void take_shape(struct reader *r, struct regex *re)
{
	size_t k;

	re->has_reach = (int)take_uint(r, 1);
	for (k = 0; k < 4; k++)
		re->reach[k] = take_uint(r, 8);
	for (k = 0; k < 4; k++)
		re->consume[k] = take_uint(r, 8);
	re->width = (uint32_t)take_uint(r, 4);
	re->ahead = (uint32_t)take_uint(r, 4);
	re->digits = (uint32_t)take_uint(r, 4);
	if (re->has_reach > 1)
		r->bad = 1;
}

static void copy_shape(struct regex *to, const struct regex *from)
{
	to->has_reach = from->has_reach;
	memcpy(to->reach, from->reach, sizeof(to->reach));
	memcpy(to->consume, from->consume, sizeof(to->consume));
	to->width = from->width;
	to->ahead = from->ahead;
	to->digits = from->digits;
}

/* Steps over the conditions of one entry, checking their shape. */
static void skip_conds(struct reader *r, unsigned ncond)
{
	unsigned k;
	uint64_t n, i;

	for (k = 0; k < ncond && !r->bad; k++) {
		n = take_uint(r, 4);
		if (n > PF_MAX_SET)
			r->bad = 1;
		for (i = 0; i < n && !r->bad; i++)
			take_bytes(r, (size_t)take_uint(r, 2));
	}
}

static int index_build(struct rules_cache *c)
{
	size_t i, k;

	c->index_cap = 16;
	while (c->index_cap < c->nin * 2)
		c->index_cap *= 2;
	if (!(c->index = malloc(c->index_cap * sizeof(*c->index))))
		return -1;
	memset(c->index, 0xff, c->index_cap * sizeof(*c->index));
	for (i = 0; i < c->nin; i++) {
		for (k = c->in[i].hash & (c->index_cap - 1); c->index[k] != UINT32_MAX;
		     k = (k + 1) & (c->index_cap - 1))
			;
		c->index[k] = (uint32_t)i;
	}
	return 0;
}

/* Reads and checks the whole file; 0 when it can serve. */
static int parse(struct rules_cache *c)
{
	struct reader r = { (const unsigned char *)c->buf, c->buf_len, 0, 0 };
	char id[256];
	const unsigned char *s;
	uint64_t sum, n;
	size_t i, idlen;

	if (!(s = take_bytes(&r, 8)) || memcmp(s, CACHE_MAGIC, 8))
		return -1;
	sum = take_uint(&r, 8);
	if (r.bad || hash64(r.p + r.off, r.len - r.off, 0) != sum)
		return -1;
	engine_id(id, sizeof(id));
	idlen = (size_t)take_uint(&r, 2);
	s = take_bytes(&r, idlen);
	if (!s || idlen != strlen(id) || memcmp(s, id, idlen))
		return -1; /* another PCRE2, postlint or prefilter build: compile again */
	c->nlits = (uint32_t)take_uint(&r, 4);
	n = take_uint(&r, 4);
	if (r.bad || !n || n > CACHE_MAX_ENTRIES || !(c->in = calloc((size_t)n, sizeof(*c->in))))
		return -1;
	for (i = 0; i < n && !r.bad; i++) {
		struct in_entry *e = &c->in[i];

		e->caseless = (uint8_t)take_uint(&r, 1);
		e->gate_known = (uint8_t)take_uint(&r, 1);
		e->len = (uint32_t)take_uint(&r, 4);
		e->pat = (const char *)take_bytes(&r, e->len);
		take_shape(&r, &e->re);
		e->ncond = (uint8_t)take_uint(&r, 1);
		e->nlook = (uint8_t)take_uint(&r, 1);
		if (e->ncond > PF_MAX_AND + 1 || e->nlook > e->ncond)
			r.bad = 1;
		e->conds = r.p + r.off;
		skip_conds(&r, e->ncond);
		e->conds_len = (size_t)(r.p + r.off - e->conds);
		if (!r.bad)
			e->hash = key_hash(e->pat, e->len, e->caseless);
	}
	c->pre_len = (size_t)take_uint(&r, 4);
	c->pre = take_bytes(&r, c->pre_len);
	for (i = 0; i < n && !r.bad; i++) {
		int whole = (int)take_uint(&r, 1);
		size_t len = (size_t)take_uint(&r, 8);
		const unsigned char *code = take_bytes(&r, len);

		/* PCRE2 reads a stream without its length: at least its header and tables */
		if (whole > 1 || !len || (!whole && c->pre_len < REGEX_STREAM_MIN) ||
		    (whole && len < REGEX_STREAM_MIN))
			r.bad = 1;
		else if (!r.bad)
			regex_lazy(&c->in[i].re, whole ? NULL : c->pre, whole ? 0 : c->pre_len, code,
				   len);
	}
	c->nin = (size_t)n;
	if (r.bad || r.off != r.len)
		return -1;
	return index_build(c);
}

/*
 * Whether the open file fd is the user's own and nobody else may write it. The checksum catches
 * damage, not malice, and PCRE2 runs what it decodes: a cache someone else could have written is
 * not read (as ssh treats its keys).
 */
static int private_fd(int fd, struct stat *sb)
{
	return fstat(fd, sb) == 0 && sb->st_uid == geteuid() &&
	       !(sb->st_mode & (S_IWGRP | S_IWOTH));
}

static int private_to_user(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && sb.st_uid == geteuid() && !(sb.st_mode & (S_IWGRP | S_IWOTH));
}

/*
 * Maps the cache file read-only. Mapped, its pages are the page cache's own: read into memory,
 * each 4 KiB would be a fresh page to fault in, and on a virtual machine a fault costs 10 us or
 * more, as much as parsing a rule. A cache is only ever replaced by rename (rules_cache_save),
 * never rewritten in place, so the mapped file does not shrink under a reader.
 */
static int map_file(struct rules_cache *c)
{
	struct stat sb;
	void *m;
	int fd = open(c->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	if (!private_fd(fd, &sb) || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
	    (uint64_t)sb.st_size > CACHE_MAX_FILE) {
		close(fd);
		return -1;
	}
	m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	c->buf = m;
	c->buf_len = (size_t)sb.st_size;
	return 0;
}

static void unmap_file(struct rules_cache *c)
{
	if (c->buf)
		munmap((void *)(uintptr_t)c->buf, c->buf_len);
	c->buf = NULL;
	c->buf_len = 0;
}

struct rules_cache *rules_cache_open(const char *dir, const char *root)
{
	struct rules_cache *c;
	char *real, name[40];
	uint64_t h;

	if (!dir || !*dir || !root || !(c = calloc(1, sizeof(*c))))
		return NULL;
	real = realpath(root, NULL);
	h = hash64(real ? real : root, strlen(real ? real : root), 0);
	free(real);
	snprintf(name, sizeof(name), "%016llx.plrc", (unsigned long long)h);
	if (!(c->path = path_join(dir, name))) {
		free(c);
		return NULL;
	}
	if (!private_to_user(dir) || map_file(c) != 0 || parse(c) != 0) {
		/* nothing usable: start empty, and write the file at the end of this load */
		size_t i;

		for (i = 0; i < c->nin; i++)
			regex_release(&c->in[i].re);
		free(c->in);
		free(c->index);
		unmap_file(c);
		c->in = NULL;
		c->index = NULL;
		c->nin = c->index_cap = 0;
	}
	return c;
}

/* ---- taking and noting ---------------------------------------------------------------------- */

size_t rules_cache_literals(const struct rules_cache *c)
{
	return c ? c->nlits : 0;
}

/* Adds the stored conditions of e to pf as a gate. */
static int gate_from(const struct in_entry *e, struct prefilter *pf, struct pf_gate *gate)
{
	struct reader r = { e->conds, (size_t)-1 / 2, 0, 0 }; /* checked by parse */
	char lit[65536 + 1];
	unsigned k;
	uint64_t n, i;

	memset(gate, 0, sizeof(*gate));
	for (k = 0; k < e->ncond; k++) {
		struct pf_cond *cond = &gate->conds[k];

		n = take_uint(&r, 4);
		if (!(cond->lits = malloc((n ? n : 1) * sizeof(*cond->lits))))
			goto fail;
		gate->n++;
		for (i = 0; i < n; i++) {
			size_t len = (size_t)take_uint(&r, 2);
			long id;

			memcpy(lit, take_bytes(&r, len), len);
			lit[len] = '\0';
			if ((id = prefilter_lit_id(pf, lit)) < 0)
				goto fail;
			cond->lits[cond->n++] = (uint32_t)id;
		}
		if (pf_cond_seal(cond) != 0)
			goto fail;
	}
	gate->nlook = e->nlook;
	return 0;
fail:
	pf_gate_release(gate);
	return -1;
}

int rules_cache_take(struct rules_cache *c, const char *pattern, size_t len, int caseless,
		     struct regex *re, struct prefilter *pf, struct pf_gate *gate, int *gate_done)
{
	uint64_t h;
	size_t k;

	*gate_done = 0;
	if (!c || !c->nin)
		return 0;
	h = key_hash(pattern, len, caseless);
	for (k = h & (c->index_cap - 1); c->index[k] != UINT32_MAX; k = (k + 1) & (c->index_cap - 1)) {
		struct in_entry *e = &c->in[c->index[k]];

		if (e->taken || e->hash != h || e->len != len || e->caseless != !!caseless ||
		    memcmp(e->pat, pattern, len))
			continue;
		if (gate && e->gate_known) {
			if (gate_from(e, pf, gate) != 0)
				return 0; /* no memory: compile it instead */
			*gate_done = 1;
		}
		*re = e->re;
		e->re.code = NULL; /* the shape stays, to be written again */
		e->taken = 1;
		c->last_taken = e;
		return 1;
	}
	return 0;
}

int rules_cache_note(struct rules_cache *c, const char *pattern, size_t len, int caseless,
		     const struct regex *re, const struct pf_gate *gate, int taken)
{
	struct in_entry *in;
	struct out_entry *e;
	size_t k;

	if (!c || c->broken)
		return 0;
	in = taken ? c->last_taken : NULL;
	c->last_taken = NULL;
	if (in && in->len == len && in->caseless == !!caseless && !memcmp(in->pat, pattern, len) &&
	    (!gate || in->gate_known)) {
		/* as the file has it: written from its bytes, nothing copied */
		in->noted = 1;
		return 0;
	}
	if (c->nout == c->cap_out) {
		size_t cap = c->cap_out ? c->cap_out * 2 : 64;

		if (!(e = realloc(c->out, cap * sizeof(*e))))
			goto fail;
		c->out = e;
		c->cap_out = cap;
	}
	e = &c->out[c->nout];
	memset(e, 0, sizeof(*e));
	if (len > UINT32_MAX || !(e->pat = xmemdup0(pattern, len)))
		goto fail;
	c->nout++;
	e->len = (uint32_t)len;
	e->caseless = !!caseless;
	e->code = re->code;
	if (!re->code) {
		/* taken from the file and not decoded: its bytes are written again */
		e->pre = re->pre;
		e->ser = re->ser;
		e->ser_len = re->ser_len;
	}
	copy_shape(&e->shape, re);
	e->gate_known = gate != NULL;
	for (k = 0; gate && k < gate->n; k++) {
		struct pf_cond *to = &e->gate.conds[k];

		if (!(to->lits = malloc((gate->conds[k].n ? gate->conds[k].n : 1) * sizeof(uint32_t))))
			goto fail;
		e->gate.n++;
		memcpy(to->lits, gate->conds[k].lits, gate->conds[k].n * sizeof(uint32_t));
		to->n = gate->conds[k].n;
	}
	if (gate)
		e->gate.nlook = gate->nlook;
	return 0;
fail:
	c->broken = 1;
	return -1;
}

/* Whether the note out is of re's code: the same compiled code, or the same bytes of the file. */
static int same_code(const struct out_entry *out, const struct regex *re)
{
	return re->code ? out->code == re->code : re->ser && out->ser == re->ser;
}

void rules_cache_forget(struct rules_cache *c, const struct regex *re)
{
	size_t i;

	for (i = 0; c && re->ser && i < c->nin; i++)
		if (c->in[i].noted && c->in[i].re.ser == re->ser)
			c->in[i].noted = 0;
	for (i = 0; c && i < c->nout; i++)
		if (same_code(&c->out[i], re)) {
			free(c->out[i].pat);
			pf_gate_release(&c->out[i].gate);
			c->out[i--] = c->out[--c->nout];
		}
}

/* ---- writing -------------------------------------------------------------------------------- */

static void put(struct pl_buf *b, const void *p, size_t n)
{
	pl_buf_add(b, p, n); /* a failure sets b->oom, checked at the end */
}

static void put_uint(struct pl_buf *b, uint64_t v, size_t n)
{
	uint32_t v32 = (uint32_t)v;
	uint16_t v16 = (uint16_t)v;
	uint8_t v8 = (uint8_t)v;

	put(b, n == 8 ? (const void *)&v : n == 4 ? (const void *)&v32 : n == 2 ? (const void *)&v16
											: (const void *)&v8, n);
}

static void put_shape(struct pl_buf *b, const struct regex *re)
{
	size_t k;

	put_uint(b, (uint64_t)re->has_reach, 1);
	for (k = 0; k < 4; k++)
		put_uint(b, re->reach[k], 8);
	for (k = 0; k < 4; k++)
		put_uint(b, re->consume[k], 8);
	put_uint(b, re->width, 4);
	put_uint(b, re->ahead, 4);
	put_uint(b, re->digits, 4);
}

/* Makes dir and its missing parents (0700: the cache is the user's alone). */
static int make_dirs(const char *dir)
{
	char *p = xstrdup_null(dir), *s;
	int rc = 0;

	if (!p)
		return -1;
	for (s = p + 1; *s && !rc; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (!rc && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Writes the conditions of gate, each literal with its \b marks; 0 or -1 (no memory). */
static int put_gate(struct pl_buf *b, const struct pf_gate *gate, const struct prefilter *pf)
{
	char *mark = NULL; /* a literal with its \b marks */
	size_t k, j;

	put_uint(b, gate->n, 1);
	put_uint(b, gate->nlook, 1);
	for (k = 0; k < gate->n; k++) {
		put_uint(b, gate->conds[k].n, 4);
		for (j = 0; j < gate->conds[k].n; j++) {
			const struct pf_lit *l = &pf->lits[gate->conds[k].lits[j]];
			char *m = realloc(mark, l->len + 3);
			size_t ml;

			if (!m) {
				free(mark);
				return -1;
			}
			mark = m;
			ml = pf_lit_marked(l, mark);
			put_uint(b, ml, 2);
			put(b, mark, ml);
		}
	}
	free(mark);
	return 0;
}

/* Puts one entry's head: caseless, gate known, pattern and shape. */
static void put_head(struct pl_buf *b, int caseless, int gate_known, const char *pat, size_t len,
		     const struct regex *shape)
{
	put_uint(b, (uint64_t)caseless, 1);
	put_uint(b, (uint64_t)gate_known, 1);
	put_uint(b, len, 4);
	put(b, pat, len);
	put_shape(b, shape);
}

/* The codes' part of the file being written: the prefix they share, and each code in turn. */
struct code_writer {
	struct pl_buf codes;
	const unsigned char *pre;  /* the prefix: the old file's, or the first one encoded */
	size_t pre_len;
	unsigned char *own_pre;    /* that one, when it was encoded here */
};

static void put_code_bytes(struct code_writer *w, int whole, const void *p, size_t n)
{
	put_uint(&w->codes, (uint64_t)whole, 1);
	put_uint(&w->codes, n, 8);
	put(&w->codes, p, n);
}

/* A code compiled by this load; 0 or -1. */
static int put_new_code(struct code_writer *w, void *code)
{
	struct regex re = { 0 };
	unsigned char *pre = NULL, *bytes = NULL;
	size_t pre_len = 0, len = 0;
	int whole;

	re.code = code;
	if (regex_encode_one(&re, w->pre, w->pre_len, &pre, &pre_len, &bytes, &len) != PL_OK)
		return -1;
	whole = pre == NULL;
	if (pre && !w->pre) {
		/* the first code encoded gives the prefix the others share */
		w->pre = w->own_pre = pre;
		w->pre_len = pre_len;
		pre = NULL;
	}
	put_code_bytes(w, whole, bytes, len);
	free(pre);
	free(bytes);
	return 0;
}

/*
 * The file's bytes in b, from the checksum on; 0 or -1. First the entries noted as the file had
 * them (their conditions and codes written from its bytes), then those this load compiled or
 * found new literals for.
 */
static int serialise(const struct rules_cache *c, const struct prefilter *pf, struct pl_buf *b)
{
	struct code_writer w = { .pre = c->pre_len ? c->pre : NULL, .pre_len = c->pre_len };
	size_t i, n = 0;
	char id[256];
	int rc = -1;

	pl_buf_init(&w.codes);
	engine_id(id, sizeof(id));
	put(b, CACHE_MAGIC, 8);
	put_uint(b, 0, 8); /* the checksum, filled in last */
	put_uint(b, strlen(id), 2);
	put(b, id, strlen(id));
	put_uint(b, pf->nlits, 4);
	for (i = 0; i < c->nin; i++)
		n += c->in[i].noted;
	put_uint(b, n + c->nout, 4);
	for (i = 0; i < c->nin; i++) {
		const struct in_entry *e = &c->in[i];

		if (!e->noted)
			continue;
		put_head(b, e->caseless, e->gate_known, e->pat, e->len, &e->re);
		put_uint(b, e->ncond, 1);
		put_uint(b, e->nlook, 1);
		put(b, e->conds, e->conds_len);
		put_code_bytes(&w, e->re.pre == NULL, e->re.ser, e->re.ser_len);
	}
	for (i = 0; i < c->nout; i++) {
		const struct out_entry *e = &c->out[i];

		put_head(b, e->caseless, e->gate_known, e->pat, e->len, &e->shape);
		if (put_gate(b, &e->gate, pf) != 0)
			goto out;
		if (e->ser)
			put_code_bytes(&w, e->pre == NULL, e->ser, e->ser_len);
		else if (put_new_code(&w, e->code) != 0)
			goto out;
	}
	put_uint(b, w.pre_len, 4);
	put(b, w.pre, w.pre_len);
	put(b, w.codes.data, w.codes.len);
	if (!b->oom && !w.codes.oom) {
		uint64_t sum = hash64(b->data + 16, b->len - 16, 0);

		memcpy(b->data + 8, &sum, 8);
		rc = 0;
	}
out:
	pl_buf_release(&w.codes);
	free(w.own_pre);
	return rc;
}

void rules_cache_save(struct rules_cache *c, const struct prefilter *pf)
{
	struct pl_buf b;
	char *dir, *tmp;
	size_t i, tlen;
	size_t noted = 0;
	ssize_t w = 0;
	int fd;

	if (!c || c->broken)
		return;
	for (i = 0; i < c->nin; i++)
		noted += c->in[i].noted;
	if (!noted && !c->nout)
		return; /* nothing to keep */
	if (noted == c->nin && !c->nout)
		return; /* everything came from the file, and all of it was used */
	pl_buf_init(&b);
	dir = path_dirname(c->path);
	tlen = strlen(c->path) + 32;
	tmp = malloc(tlen);
	if (!dir || !tmp || make_dirs(dir) != 0 || !private_to_user(dir) || serialise(c, pf, &b) != 0)
		goto out; /* a directory others may write is never read: writing there is wasted */
	/* written aside and renamed: a reader sees the old file or the new one, never half */
	snprintf(tmp, tlen, "%s.%ld.tmp", c->path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	for (i = 0; i < b.len; i += (size_t)w)
		if ((w = write(fd, b.data + i, b.len - i)) <= 0)
			break;
	if (close(fd) != 0 || i != b.len || rename(tmp, c->path) != 0)
		unlink(tmp);
out:
	pl_buf_release(&b);
	free(dir);
	free(tmp);
}

void rules_cache_keep_file(struct rules_cache *c, const void **map, size_t *len)
{
	*map = NULL;
	*len = 0;
	if (!c || !c->buf)
		return;
	*map = c->buf;
	*len = c->buf_len;
	c->kept = 1;
}

void rules_cache_unmap(const void *map, size_t len)
{
	if (map)
		munmap((void *)(uintptr_t)map, len);
}

void rules_cache_free(struct rules_cache **pc)
{
	struct rules_cache *c;
	size_t i;

	if (!pc || !*pc)
		return;
	c = *pc;
	for (i = 0; i < c->nin; i++)
		regex_release(&c->in[i].re);
	for (i = 0; i < c->nout; i++) {
		free(c->out[i].pat);
		pf_gate_release(&c->out[i].gate);
	}
	free(c->out);
	free(c->in);
	free(c->index);
	if (!c->kept)
		unmap_file(c);
	free(c->path);
	free(c);
	*pc = NULL;
}
