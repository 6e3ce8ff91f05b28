/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The literal prefilter: from each pattern, the literals of which at least one must occur for the
 * pattern to match (up to PF_MAX_AND such sets, all required); one pass over a caption finds every
 * literal of every rule, and a rule whose sets are not all met is skipped without running its
 * regex. The analysis is conservative: a construct it does not understand gives no condition, and
 * the rule always runs.
 */
#ifndef PL_PREFILTER_H
#define PL_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

#define PF_MAX_AND 3        /* conditions kept per pattern */
#define PF_MAX_SET 2048     /* literals in one condition */
#define PF_MAX_EXACT 64     /* strings kept while a sub-pattern's language is still finite */

/* One condition: at least one of these literal ids occurs. */
struct pf_cond {
	uint32_t *lits;
	size_t n;
	uint64_t key;  /* a hash of lits (pf_cond_seal): conditions of many rules are the same */
	/* lits as a set of ids (pf_cond_seal), tested against found: only its nw words that are
	 * not zero, bits[i] being word widx[i] of the set (one allocation, from bits) */
	uint64_t *bits;
	uint32_t *widx;
	size_t nw;
};

/* Words of a set of literal ids (found, a condition's bits) for n literals. */
#define PF_WORDS(n) (((size_t)(n) + 63) / 64)

/* Whether literal k is in set s. */
static inline int pf_in(const uint64_t *s, uint32_t k)
{
	return (int)((s[k >> 6] >> (k & 63)) & 1);
}

/*
 * What a pattern needs; n == 0: no condition (always run). The first n - nlook conditions hold a
 * literal inside every match (spans are cut around their hits); the last nlook only somewhere in
 * the text: they are read from positive lookarounds ("(?=.{0,200}?06...)"), whose text may lie
 * far outside the match, and only open or close the gate. A gate has those only when it has no
 * other (prefilter_add).
 */
struct pf_gate {
	struct pf_cond conds[PF_MAX_AND + 1];
	size_t n, nlook;
};

/*
 * In an analysed literal, where the pattern has \b: "\x01we" is "we" at the start of a word.
 * The table keeps the byte string and, as bound, which of its ends must be a word's end: a hit
 * whose neighbouring byte is an ASCII letter, digit or '_' is then no hit. Only an end whose own
 * byte is one of those gets the flag (\b before "'s" says the opposite), and a byte from 0x80 up
 * next to it never rejects a hit (whether it is part of a letter depends on the pattern's mode).
 */
#define PF_WB '\x01'
#define PF_BOUND_START 1u
#define PF_BOUND_END 2u

/* An ASCII letter, digit or '_': what \b counts as a word character in every mode. The analysis
 * and the scan must agree on it. */
static inline int pf_word_byte(unsigned char c)
{
	return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u || c == '_';
}

struct pf_lit {
	char *s;
	size_t len;
	unsigned bound;     /* PF_BOUND_START, PF_BOUND_END */
	uint32_t head, mask; /* the first (up to) four bytes, little-endian, and which count */
	uint32_t next;      /* next literal of its chain, UINT32_MAX ends */
};

/* What the analysis made of one vocabulary, kept for its next "{{name}}" (prefilter.c). */
struct pf_vocab_memo;

/* Literals of four bytes or more are chained by a hash of their first four (pf_quad_slot). */
#define PF_QUAD_BITS 13

/*
 * The scan's index (prefilter_seal), each class of literals in one array grouped by a hash of
 * their first bytes, so that a position of the text reads a few neighbouring entries and no
 * literal: two and three bytes by the first two, four to eight by the first four (and the rest
 * compared in the entry), nine and more by the first eight (the rest compared to the literal).
 * Literals sharing their first four bytes are many ("bij de ...", "une ..."): the longest ones
 * are told apart by eight. A class's slots are a bitmap, small enough to stay in the first-level
 * cache where most positions of a text stop, ranked: an occupied slot's entries are found from
 * the number of occupied slots before it.
 */
#define PF_SHORT_BITS 12
#define PF_MID_BITS 15
#define PF_LONG_BITS 15
struct pf_short_ent {
	uint32_t head, mask, id; /* the bytes, as pf_lit's head and mask */
	uint16_t len, bound;
};
struct pf_mid_ent {
	uint32_t head, tail, tmask, id; /* the first four bytes, the others and which count */
	uint16_t len, bound;
};
struct pf_long_ent {
	uint64_t head; /* the first eight bytes */
	uint32_t id, len, bound;
};
struct pf_slots {
	uint64_t *bits; /* which slots hold entries */
	uint32_t *rank; /* per word of bits: the occupied slots before it */
	uint32_t *off;  /* per occupied slot, in order: its first entry; one more at the end */
};
/* A filter before the two longer classes: a bit per hash of four first bytes, set for every
 * literal of four bytes or more. Most positions of a text start no such literal and stop at it,
 * with one bit test instead of two slot lookups. */
#define PF_QUADF_BITS 16
struct pf_index {
	uint64_t quadf[((size_t)1 << PF_QUADF_BITS) / 64];
	struct pf_slots shorts_at, mids_at, longs_at;
	struct pf_short_ent *shorts;
	struct pf_mid_ent *mids;
	struct pf_long_ent *longs;
};

/* The literal table of a whole rule set. Chains: one-byte literals by their byte, two- and
 * three-byte ones by their first two bytes, longer ones by a hash of their first four, so a
 * position of the text compares only literals that very likely start there. */
struct prefilter {
	struct pf_lit *lits;
	size_t nlits, cap;
	uint32_t *by_bigram; /* 65536 heads (first two bytes), each its literal id + 1, 0 empty */
	uint32_t *by_byte;   /* 256 heads for one-byte literals, the same way */
	uint32_t *by_quad;   /* 1 << PF_QUAD_BITS heads for the longer literals, the same way */
	/* bit set when a literal of two bytes or more starts with these two: 8 KiB, stays in L1 */
	uint64_t bigram_bits[1024];
	uint64_t byte_bits[4];
	struct pf_vocab_memo *memo; /* by word list: packs use the same vocabularies many times */
	size_t nmemo;
	/* built by prefilter_seal, dropped by a literal added after it: a scan without it finds
	 * every literal (every rule runs) */
	struct pf_index idx;
	int sealed;
};

void prefilter_init(struct prefilter *pf);
void prefilter_release(struct prefilter *pf);
/* Makes room for n literals in one step (a load that knows how many it will meet); 0 or -1. */
int prefilter_reserve(struct prefilter *pf, size_t n);
/* Builds the scan's index once every literal is in; 0, or -1 on no memory (the scan then finds
 * every literal). */
int prefilter_seal(struct prefilter *pf);

/*
 * Finds vocabulary name (len bytes) for a "{{name}}" in a pattern: its normalised words, or for a
 * fragment (a named piece of pattern) its text in *fragment, read as a group would be.
 */
typedef int (*pf_vocab_fn)(void *ctx, const char *name, size_t len, char *const **words,
			   size_t *n, const char **fragment);

/*
 * Analyses pattern (len bytes, PCRE2 syntax, matched case-insensitively) and adds its literals to
 * pf, filling *gate. "{{name}}" stands for a vocabulary, looked up through vocab (may be NULL):
 * reading the word list is much cheaper than reading its expansion. Returns 0, or -1 on no memory
 * (gate is then empty: always run).
 */
int prefilter_add(struct prefilter *pf, const char *pattern, size_t len, pf_vocab_fn vocab,
		  void *ctx, struct pf_gate *gate);
void pf_gate_release(struct pf_gate *gate);

/* Frees the vocabulary memo (prefilter.c; prefilter_release calls it). */
void prefilter_memo_release(struct prefilter *pf);

/* Id of literal s in pf's table, added when new; -1 on no memory, or for an s with no byte but
 * PF_WB (the analysis never keeps a condition holding one: it would always be met). s may begin
 * and end with PF_WB; one inside it is dropped (prefilter_table.c). */
long prefilter_lit_id(struct prefilter *pf, const char *s);

/* Literal l as prefilter_lit_id reads it, PF_WB marks and all, into out (l->len + 3 bytes);
 * returns its length, without the terminating NUL it also writes. */
size_t pf_lit_marked(const struct pf_lit *l, char *out);

/*
 * Where the literals occurred: every hit's offset in text order, each chained to the previous hit
 * of the same literal. Reused from caption to caption; lost is set when memory ran out (the
 * positions are then incomplete and must not be used).
 */
struct pf_hits {
	uint32_t *pos, *prev; /* per hit: offset, index of the literal's previous hit or UINT32_MAX */
	uint32_t *last;       /* per literal: index of its last hit, valid where found holds it */
	uint32_t *count;      /* per literal: its number of hits, valid where found holds it */
	size_t n, cap, nlast;
	int lost;
};

/*
 * The hit positions of conditions, in text order, kept for one caption: the same condition
 * (the digits, say) gates many rules. Slots are found by the condition's key; a slot whose
 * stamp is not the caption's is empty.
 */
#define COND_MEMO_SLOTS 128
struct cond_memo {
	struct {
		const struct pf_cond *cond;
		uint32_t stamp, off, n;
	} slot[COND_MEMO_SLOTS];
	uint32_t stamp;  /* the caption's (cond_memo_reset) */
	uint32_t *pos;   /* the positions of every slot */
	size_t used, cap;
};

/* Scratch for the spans searched around hits: pairs of offsets. */
struct run_buf {
	uint32_t *v;
	size_t cap;
};

/* Adds to found (a set of literal ids, PF_WORDS(pf->nlits) words, cleared by the caller) every
 * literal in text; with hits (may be NULL), also records where. Unsealed (prefilter_seal), pf
 * cannot tell: every literal is marked found and the hits lost. */
void prefilter_scan(const struct prefilter *pf, const char *text, size_t len, uint64_t *found,
		    struct pf_hits *hits);
void pf_hits_release(struct pf_hits *h);

/* Sets c's key and bits from its literals, once they are all in; 0, or -1 on no memory. */
int pf_cond_seal(struct pf_cond *c);

/*
 * Makes gate, read from a pattern matched on the original text, hold only in the normalised one:
 * normalisation keeps printable ASCII as it is (lower-cased) but may take away what stood beside
 * it (a zero-width space) or turn what did into a letter, so a literal beyond printable ASCII (or
 * with a grave accent, which becomes an apostrophe) is cut to its longest part that is not, of
 * two bytes or more ("hicule" of "véhicule"), a condition with a literal that has none is
 * dropped, and the others lose their word bounds. 0, or -1 on no memory (the gate then lacks
 * conditions, never wrongly closes).
 */
int pf_gate_for_original(struct prefilter *pf, struct pf_gate *gate);

/* Number of hits of condition c's literals. */
size_t pf_cond_hits(const struct pf_cond *c, const uint64_t *found, const struct pf_hits *h);

/* Empties m for the next caption. */
void cond_memo_reset(struct cond_memo *m);
void cond_memo_release(struct cond_memo *m);

/*
 * The offsets of condition c's hits, ascending (*n of them), from m when asked before for this
 * caption; total is c's number of hits (pf_cond_hits), which the caller has counted to choose c.
 * NULL on no memory.
 */
const uint32_t *cond_memo_positions(struct cond_memo *m, const struct pf_cond *c,
				    const uint64_t *found, const struct pf_hits *h, size_t total,
				    size_t *n);

/* Whether every condition of gate is met by found. */
int pf_gate_open(const struct pf_gate *gate, const uint64_t *found);

#endif
