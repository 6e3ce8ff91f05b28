/* SPDX-License-Identifier: Apache-2.0 */
/* The prefilter's literal table: literals by their first bytes, one pass over a caption finds
 * them all, and the gates that say which rules may run. */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "util.h"
#include "banned.h"

void prefilter_init(struct prefilter *pf)
{
	memset(pf, 0, sizeof(*pf));
}

int prefilter_reserve(struct prefilter *pf, size_t n)
{
	struct pf_lit *l;

	if (n <= pf->cap)
		return 0;
	if (!(l = realloc(pf->lits, n * sizeof(*l))))
		return -1;
	pf->lits = l;
	pf->cap = n;
	return 0;
}

static void slots_release(struct pf_slots *t)
{
	free(t->bits);
	free(t->rank);
	free(t->off);
}

static void index_release(struct pf_index *x)
{
	slots_release(&x->shorts_at);
	slots_release(&x->mids_at);
	slots_release(&x->longs_at);
	free(x->shorts);
	free(x->mids);
	free(x->longs);
	memset(x, 0, sizeof(*x));
}

void prefilter_release(struct prefilter *pf)
{
	size_t i;

	for (i = 0; i < pf->nlits; i++)
		free(pf->lits[i].s);
	free(pf->lits);
	free(pf->by_bigram);
	free(pf->by_byte);
	free(pf->by_quad);
	index_release(&pf->idx);
	prefilter_memo_release(pf);
	prefilter_init(pf);
}

void pf_gate_release(struct pf_gate *gate)
{
	size_t i;

	for (i = 0; i < gate->n; i++) {
		free(gate->conds[i].lits);
		free(gate->conds[i].bits);
	}
	memset(gate, 0, sizeof(*gate));
}

/* The first four bytes at p, little-endian: how a literal's head is kept. */
static inline uint32_t quad_at(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The top `bits` bits of w times the golden ratio: every table of the prefilter hashes this way. */
static inline uint32_t hash_bits(uint32_t w, unsigned bits)
{
	return (w * 0x9e3779b1u) >> (32 - bits);
}

static inline uint32_t quad_slot(uint32_t w)
{
	return hash_bits(w, PF_QUAD_BITS);
}

/* The first n (at most four) bytes at p as quad_at reads four, the others zero. */
static inline uint32_t part_at(const unsigned char *p, size_t n)
{
	uint32_t w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		w |= (uint32_t)p[i] << (8 * i);
	return w;
}

static inline uint32_t short_slot(unsigned bigram)
{
	return hash_bits(bigram, PF_SHORT_BITS);
}

static inline uint32_t mid_slot(uint32_t w)
{
	return hash_bits(w, PF_MID_BITS);
}

static inline uint32_t quadf_slot(uint32_t w)
{
	return hash_bits(w, PF_QUADF_BITS);
}

static inline int bit_at(const uint64_t *bits, uint32_t k)
{
	return (int)((bits[k >> 6] >> (k & 63)) & 1);
}

static inline uint32_t long_slot(uint64_t eight)
{
	return (uint32_t)((eight * 0x9e3779b97f4a7c15ull) >> (64 - PF_LONG_BITS));
}

size_t pf_lit_marked(const struct pf_lit *l, char *out)
{
	size_t n = 0;

	if (l->bound & PF_BOUND_START)
		out[n++] = PF_WB;
	memcpy(out + n, l->s, l->len);
	n += l->len;
	if (l->bound & PF_BOUND_END)
		out[n++] = PF_WB;
	out[n] = '\0';
	return n;
}

/* Id of the literal s (len bytes, no marks) with its bound, added when new; -1 on no memory. */
static long lit_find_or_add(struct prefilter *pf, const char *s, size_t len, unsigned bound)
{
	uint32_t *head, h = 0, m = 0;
	struct pf_lit *l;
	size_t i;

	if (!pf->by_bigram) {
		/* Zeroed by calloc: the big table comes from fresh pages, and only the pages of
		 * bigrams in use are ever touched. */
		pf->by_bigram = calloc(65536, sizeof(*pf->by_bigram));
		pf->by_byte = calloc(256, sizeof(*pf->by_byte));
		pf->by_quad = calloc((size_t)1 << PF_QUAD_BITS, sizeof(*pf->by_quad));
		if (!pf->by_bigram || !pf->by_byte || !pf->by_quad)
			return -1;
	}
	for (i = 0; i < len && i < 4; i++) {
		h |= (uint32_t)(unsigned char)s[i] << (8 * i);
		m |= 0xffu << (8 * i);
	}
	if (len == 1)
		head = &pf->by_byte[(unsigned char)s[0]];
	else if (len < 4)
		head = &pf->by_bigram[((unsigned char)s[0] << 8) | (unsigned char)s[1]];
	else
		head = &pf->by_quad[quad_slot(h)];
	for (i = *head - 1u; i != UINT32_MAX; i = pf->lits[i].next)
		if (pf->lits[i].len == len && pf->lits[i].bound == bound &&
		    !memcmp(pf->lits[i].s, s, len))
			return (long)i;
	if (pf->nlits == pf->cap) {
		size_t cap = pf->cap ? pf->cap * 2 : 256;

		if (!(l = realloc(pf->lits, cap * sizeof(*l))))
			return -1;
		pf->lits = l;
		pf->cap = cap;
	}
	l = &pf->lits[pf->nlits];
	if (!(l->s = xmemdup0(s, len)))
		return -1;
	pf->sealed = 0; /* the index lacks it */
	l->len = len;
	l->bound = bound;
	l->head = h;
	l->mask = m;
	l->next = *head - 1u;
	*head = (uint32_t)pf->nlits + 1u;
	if (len == 1) {
		unsigned b = (unsigned char)s[0];

		pf->byte_bits[b >> 6] |= 1ull << (b & 63);
	} else {
		unsigned b = ((unsigned char)s[0] << 8) | (unsigned char)s[1];

		pf->bigram_bits[b >> 6] |= 1ull << (b & 63);
	}
	return (long)pf->nlits++;
}

long prefilter_lit_id(struct prefilter *pf, const char *marked)
{
	/* most literals are words: stripped of their marks on the stack, copied only when new */
	char small[64], *s = small;
	size_t len = 0, i, ml = strlen(marked);
	unsigned bound = 0;
	long id = -1;

	if (ml >= sizeof(small) && !(s = malloc(ml + 1)))
		return -1;
	for (i = 0; i < ml; i++)
		if (marked[i] != PF_WB)
			s[len++] = marked[i];
	/* an empty literal has no first bytes to be chained by */
	if (len) {
		if (marked[0] == PF_WB && pf_word_byte((unsigned char)s[0]))
			bound |= PF_BOUND_START;
		if (marked[ml - 1] == PF_WB && pf_word_byte((unsigned char)s[len - 1]))
			bound |= PF_BOUND_END;
		id = lit_find_or_add(pf, s, len, bound);
	}
	if (s != small)
		free(s);
	return id;
}

/* Records a hit of literal k at offset off; on no memory the hits are marked lost. */
static void hit_add(struct pf_hits *h, uint32_t k, size_t off)
{
	if (h->lost)
		return;
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 256;
		uint32_t *pos = realloc(h->pos, cap * sizeof(*pos)), *prev;

		if (pos)
			h->pos = pos;
		prev = pos ? realloc(h->prev, cap * sizeof(*prev)) : NULL;
		if (prev)
			h->prev = prev;
		if (!pos || !prev || cap > UINT32_MAX) {
			h->lost = 1;
			return;
		}
		h->cap = cap;
	}
	h->pos[h->n] = (uint32_t)off;
	h->prev[h->n] = h->last[k];
	h->last[k] = (uint32_t)h->n++;
	h->count[k]++;
}

/* Found literal k (n bytes, bound) at offset i of t (len bytes): marked, and recorded when hits
 * are kept; not when a byte next to it is a word's where the pattern has \b. */
static inline void hit(const unsigned char *t, size_t len, uint64_t *found, struct pf_hits *h,
		       uint32_t k, size_t n, unsigned bound, size_t i)
{
	if (bound && (((bound & PF_BOUND_START) && i > 0 && pf_word_byte(t[i - 1])) ||
		      ((bound & PF_BOUND_END) && i + n < len && pf_word_byte(t[i + n]))))
		return;
	if (h) {
		if (!pf_in(found, k)) {
			h->last[k] = UINT32_MAX;
			h->count[k] = 0;
		}
		hit_add(h, k, i);
	}
	found[k >> 6] |= 1ull << (k & 63);
}

/* The class (0: two and three bytes, 1: up to eight, 2: more) of a literal of two or more. */
static int lit_class(size_t len)
{
	return len < 4 ? 0 : len <= 8 ? 1 : 2;
}

static const unsigned class_bits[3] = { PF_SHORT_BITS, PF_MID_BITS, PF_LONG_BITS };

/* The bits set in x, inline: without a popcnt instruction in the baseline x86-64 target, the
 * builtin is a call into libgcc on the scan's path. */
static inline unsigned popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ull;
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* The occupied slots before slot k, k being occupied: its place in t->off. */
static inline uint32_t slot_rank(const struct pf_slots *t, uint32_t k)
{
	return t->rank[k >> 6] +
	       (uint32_t)popcount64(t->bits[k >> 6] & ((1ull << (k & 63)) - 1));
}

/* Where a literal goes in the index, read once from its bytes (which lie all over the heap). */
struct placed {
	uint32_t slot, tail; /* tail: the bytes after the first four, up to four */
	int cls;             /* lit_class, or -1 for a one-byte literal (not in the index) */
};

/* The occupied slots of t, of class c. */
static size_t slots_occupied(const struct pf_slots *t, int c)
{
	size_t last = ((size_t)1 << class_bits[c]) / 64 - 1;

	return t->rank[last] + (size_t)popcount64(t->bits[last]);
}

/*
 * Builds the slots of the three classes (t[0..2]) for the placed literals: marks their slots,
 * ranks them, and counts each slot's entries into the end of its run (off[r] for the r-th
 * occupied slot, then summed), for the entries to be filled backwards from there. Returns 0, or
 * -1 on no memory.
 */
static int slots_build(struct pf_slots t[3], const struct placed *pl, size_t n)
{
	size_t k, c, occupied, words;

	for (c = 0; c < 3; c++) {
		words = ((size_t)1 << class_bits[c]) / 64;
		t[c].bits = calloc(words, sizeof(*t[c].bits));
		t[c].rank = malloc(words * sizeof(*t[c].rank));
		if (!t[c].bits || !t[c].rank)
			return -1;
	}
	for (k = 0; k < n; k++)
		if (pl[k].cls >= 0)
			t[pl[k].cls].bits[pl[k].slot >> 6] |= 1ull << (pl[k].slot & 63);
	for (c = 0; c < 3; c++) {
		words = ((size_t)1 << class_bits[c]) / 64;
		for (k = occupied = 0; k < words; k++) {
			t[c].rank[k] = (uint32_t)occupied;
			occupied += (size_t)popcount64(t[c].bits[k]);
		}
		/* the count of the last occupied slot, summed, is also the end */
		if (!(t[c].off = calloc(occupied + 1, sizeof(*t[c].off))))
			return -1;
	}
	for (k = 0; k < n; k++)
		if (pl[k].cls >= 0)
			t[pl[k].cls].off[slot_rank(&t[pl[k].cls], pl[k].slot)]++;
	for (c = 0; c < 3; c++) {
		occupied = slots_occupied(&t[c], (int)c);
		for (k = 1; k < occupied; k++)
			t[c].off[k] += t[c].off[k - 1];
		t[c].off[occupied] = occupied ? t[c].off[occupied - 1] : 0;
	}
	return 0;
}

int prefilter_seal(struct prefilter *pf)
{
	struct pf_index x;
	struct pf_slots slots[3];
	struct placed *pl;
	size_t k, num[3];
	uint32_t j;

	index_release(&pf->idx);
	pf->sealed = 0;
	memset(&x, 0, sizeof(x));
	memset(slots, 0, sizeof(slots));
	if (!(pl = malloc((pf->nlits ? pf->nlits : 1) * sizeof(*pl))))
		return -1;
	for (k = 0; k < pf->nlits; k++) {
		const struct pf_lit *l = &pf->lits[k];
		const unsigned char *u = (const unsigned char *)l->s;

		pl[k].cls = l->len < 2 ? -1 : lit_class(l->len);
		if (pl[k].cls < 0)
			continue;
		if (l->len >= 4) {
			uint32_t q = quadf_slot(l->head);

			x.quadf[q >> 6] |= 1ull << (q & 63);
		}
		pl[k].tail = l->len <= 4 ? 0 : part_at(u + 4, l->len < 8 ? l->len - 4 : 4);
		pl[k].slot = pl[k].cls == 0 ? short_slot((l->head & 0xffu) << 8 | (l->head >> 8 & 0xffu))
			     : pl[k].cls == 1 ? mid_slot(l->head)
					      : long_slot((uint64_t)l->head | (uint64_t)pl[k].tail << 32);
	}
	if (slots_build(slots, pl, pf->nlits) != 0)
		goto fail;
	for (k = 0; k < 3; k++)
		num[k] = slots[k].off[slots_occupied(&slots[k], (int)k)];
	x.shorts_at = slots[0];
	x.mids_at = slots[1];
	x.longs_at = slots[2];
	memset(slots, 0, sizeof(slots));
	x.shorts = malloc((num[0] ? num[0] : 1) * sizeof(*x.shorts));
	x.mids = malloc((num[1] ? num[1] : 1) * sizeof(*x.mids));
	x.longs = malloc((num[2] ? num[2] : 1) * sizeof(*x.longs));
	if (!x.shorts || !x.mids || !x.longs)
		goto fail;
	for (k = pf->nlits; k-- > 0;) {
		const struct pf_lit *l = &pf->lits[k];

		switch (pl[k].cls) {
		case 0:
			j = --x.shorts_at.off[slot_rank(&x.shorts_at, pl[k].slot)];
			x.shorts[j] = (struct pf_short_ent){ l->head, l->mask, (uint32_t)k,
							     (uint16_t)l->len, (uint16_t)l->bound };
			break;
		case 1:
			j = --x.mids_at.off[slot_rank(&x.mids_at, pl[k].slot)];
			x.mids[j] = (struct pf_mid_ent){ l->head, pl[k].tail,
							 (uint32_t)(0xffffffffull >> (8 * (8 - l->len))),
							 (uint32_t)k, (uint16_t)l->len, (uint16_t)l->bound };
			break;
		case 2:
			j = --x.longs_at.off[slot_rank(&x.longs_at, pl[k].slot)];
			x.longs[j] = (struct pf_long_ent){ (uint64_t)l->head | (uint64_t)pl[k].tail << 32,
							   (uint32_t)k, (uint32_t)l->len, l->bound };
			break;
		default:
			break;
		}
	}
	free(pl);
	pf->idx = x;
	pf->sealed = 1;
	return 0;
fail:
	free(pl);
	for (k = 0; k < 3; k++)
		slots_release(&slots[k]);
	index_release(&x);
	return -1;
}

/* The entries of slot k of t, [*e, *end); 0 when it holds none. */
static inline int slot_entries(const struct pf_slots *t, uint32_t k, uint32_t *e, uint32_t *end)
{
	uint32_t r;

	if (!bit_at(t->bits, k))
		return 0;
	r = slot_rank(t, k);
	*e = t->off[r];
	*end = t->off[r + 1];
	return 1;
}

/* What an unsealed table can say of text: that any literal may be in it. */
static void scan_unsealed(const struct prefilter *pf, uint64_t *found, struct pf_hits *hits)
{
	if (pf->nlits)
		memset(found, 0xff, PF_WORDS(pf->nlits) * sizeof(*found));
	if (hits)
		hits->lost = 1;
}

/* On x86-64, a second copy for processors with a popcnt instruction (every one since 2008; the
 * baseline target lacks it), chosen once at load: the slots' ranks count bits at most positions. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
__attribute__((target_clones("popcnt", "default")))
#endif
void prefilter_scan(const struct prefilter *pf, const char *text, size_t len, uint64_t *found,
		    struct pf_hits *hits)
{
	const unsigned char *t = (const unsigned char *)text;
	const struct pf_index *x = &pf->idx;
	size_t i, rest;
	uint32_t k, w, w2, e, end;
	uint64_t eight;

	if (hits) {
		hits->n = 0;
		hits->lost = len >= ((size_t)1 << 31); /* offsets keep their top bit free */
		if (hits->nlast < pf->nlits) {
			uint32_t *last = realloc(hits->last, pf->nlits * sizeof(*last)), *count;

			if (last)
				hits->last = last;
			count = last ? realloc(hits->count, pf->nlits * sizeof(*count)) : NULL;
			if (count) {
				hits->count = count;
				hits->nlast = pf->nlits;
			}
		}
		if (hits->nlast < pf->nlits) {
			hits->lost = 1;
			hits = NULL;
		}
	}
	if (!pf->nlits)
		return;
	if (!pf->sealed) {
		scan_unsealed(pf, found, hits);
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned b = t[i], bb;

		if ((pf->byte_bits[b >> 6] >> (b & 63)) & 1)
			for (k = pf->by_byte[b] - 1u; k != UINT32_MAX; k = pf->lits[k].next)
				hit(t, len, found, hits, k, 1, pf->lits[k].bound, i);
		rest = len - i;
		if (rest < 2)
			break;
		bb = (b << 8) | t[i + 1];
		if (!((pf->bigram_bits[bb >> 6] >> (bb & 63)) & 1))
			continue;
		/* past the text's end, zeros: no literal holds one (prefilter_lit_id reads C strings) */
		w = rest >= 4 ? quad_at(t + i) : part_at(t + i, rest);
		/* two and three bytes */
		if (slot_entries(&x->shorts_at, short_slot(bb), &e, &end))
			for (; e < end; e++) {
				const struct pf_short_ent *s = &x->shorts[e];

				if ((w & s->mask) == s->head)
					hit(t, len, found, hits, s->id, s->len, s->bound, i);
			}
		if (rest < 4 || !bit_at(x->quadf, quadf_slot(w)))
			continue;
		/* four to eight: the bytes after the first four */
		w2 = rest >= 8 ? quad_at(t + i + 4) : part_at(t + i + 4, rest - 4);
		if (slot_entries(&x->mids_at, mid_slot(w), &e, &end))
			for (; e < end; e++) {
				const struct pf_mid_ent *m = &x->mids[e];

				if (m->head == w && (w2 & m->tmask) == m->tail)
					hit(t, len, found, hits, m->id, m->len, m->bound, i);
			}
		if (rest < 9)
			continue;
		/* nine and more: the first eight, then the rest */
		eight = (uint64_t)w | (uint64_t)w2 << 32;
		if (slot_entries(&x->longs_at, long_slot(eight), &e, &end))
			for (; e < end; e++) {
				const struct pf_long_ent *l = &x->longs[e];

				if (l->head == eight && l->len <= rest &&
				    !memcmp(pf->lits[l->id].s + 8, text + i + 8, l->len - 8))
					hit(t, len, found, hits, l->id, l->len, l->bound, i);
			}
	}
}

void pf_hits_release(struct pf_hits *h)
{
	free(h->pos);
	free(h->prev);
	free(h->last);
	free(h->count);
	memset(h, 0, sizeof(*h));
}

int pf_cond_seal(struct pf_cond *c)
{
	uint64_t k = 0xcbf29ce484222325ull, m, *set;
	uint32_t top = 0;
	size_t i, w, n = 0, words;

	for (i = 0; i < c->n; i++)
		top = c->lits[i] > top ? c->lits[i] : top;
	free(c->bits);
	c->bits = NULL;
	c->widx = NULL;
	c->nw = 0;
	words = c->n ? PF_WORDS(top + 1) : 0;
	set = calloc(words ? words : 1, sizeof(*set));
	if (!set)
		return -1;
	for (i = 0; i < c->n; i++)
		set[c->lits[i] >> 6] |= 1ull << (c->lits[i] & 63);
	/* the ids once each, ascending: conditions alike in content are alike in lits and key
	 * (one literal can come from two branches, "\\bans" and "ans" read alike) */
	for (w = 0; w < words; w++) {
		c->nw += set[w] != 0;
		for (m = set[w]; m; m &= m - 1)
			c->lits[n++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(m));
	}
	c->n = n;
	/* the words that are not zero, with their indices after them */
	c->bits = malloc(c->nw ? c->nw * (sizeof(*c->bits) + sizeof(*c->widx)) : 1);
	if (!c->bits) {
		free(set);
		c->nw = 0;
		return -1;
	}
	c->widx = (uint32_t *)(void *)(c->bits + c->nw);
	for (w = 0, i = 0; w < words; w++)
		if (set[w]) {
			c->bits[i] = set[w];
			c->widx[i++] = (uint32_t)w;
		}
	free(set);
	k ^= n;
	for (i = 0; i < n; i++)
		k = (k ^ c->lits[i]) * 0x100000001b3ull;
	c->key = k ^ (k >> 29);
	return 0;
}

/* Whether normalisation leaves byte b as it is: printable ASCII but the grave accent. */
static int byte_survives(unsigned char b)
{
	return b >= 0x20 && b < 0x7f && b != '`';
}

/*
 * In a rule on the original text, literal *id as normalisation leaves it: itself when every byte
 * survives, else its longest run of bytes that do, of two bytes or more ("hicule" of
 * "véhicule": what the original text holds, its normalised text holds too). 1 when replaced or
 * kept, 0 when no such run, -1 on no memory.
 */
static int surviving_part(struct prefilter *pf, uint32_t *id)
{
	const struct pf_lit *l = &pf->lits[*id];
	size_t i, run = 0, best = 0, at = 0;
	char *copy;
	long k;

	for (i = 0; i < l->len; i++) {
		run = byte_survives((unsigned char)l->s[i]) ? run + 1 : 0;
		if (run > best) {
			best = run;
			at = i + 1 - run;
		}
	}
	if (best == l->len)
		return 1;
	if (best < 2)
		return 0;
	copy = xmemdup0(l->s + at, best);
	k = copy ? prefilter_lit_id(pf, copy) : -1; /* may move pf->lits */
	free(copy);
	if (k < 0)
		return -1;
	*id = (uint32_t)k;
	return 1;
}

/* The condition's literals without their word bounds; 0 or -1. */
static int unbind(struct prefilter *pf, struct pf_cond *c)
{
	size_t j;

	for (j = 0; j < c->n; j++) {
		char *copy;
		long id;

		if (!pf->lits[c->lits[j]].bound)
			continue;
		copy = xmemdup0(pf->lits[c->lits[j]].s, pf->lits[c->lits[j]].len);
		id = copy ? prefilter_lit_id(pf, copy) : -1; /* may move pf->lits */
		free(copy);
		if (id < 0)
			return -1;
		c->lits[j] = (uint32_t)id;
	}
	return pf_cond_seal(c);
}

int pf_gate_for_original(struct prefilter *pf, struct pf_gate *gate)
{
	size_t k, j, out = 0, nlook = 0;
	int rc = 0;

	for (k = 0; k < gate->n; k++) {
		struct pf_cond c = gate->conds[k];
		int keep = 1, look = k >= gate->n - gate->nlook;

		for (j = 0; j < c.n && keep > 0; j++)
			keep = surviving_part(pf, &c.lits[j]);
		if (keep < 0)
			rc = -1;
		if (keep > 0 && unbind(pf, &c) != 0) {
			keep = 0;
			rc = -1;
		}
		if (keep <= 0) {
			free(c.lits);
			free(c.bits);
			continue;
		}
		gate->conds[out++] = c;
		nlook += (size_t)look;
	}
	gate->n = out;
	gate->nlook = nlook;
	return rc;
}

size_t pf_cond_hits(const struct pf_cond *c, const uint64_t *found, const struct pf_hits *h)
{
	size_t w, n = 0;
	uint64_t m;

	for (w = 0; w < c->nw; w++)
		for (m = c->bits[w] & found[c->widx[w]]; m; m &= m - 1)
			n += h->count[c->widx[w] * (size_t)64 + (size_t)__builtin_ctzll(m)];
	return n;
}

void cond_memo_reset(struct cond_memo *m)
{
	m->used = 0;
	if (++m->stamp == 0) { /* wrapped: no slot may look current */
		memset(m->slot, 0, sizeof(m->slot));
		m->stamp = 1;
	}
}

void cond_memo_release(struct cond_memo *m)
{
	free(m->pos);
	memset(m, 0, sizeof(*m));
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static int same_cond(const struct pf_cond *a, const struct pf_cond *b)
{
	return a == b || (a->key == b->key && a->n == b->n &&
			  !memcmp(a->lits, b->lits, a->n * sizeof(*a->lits)));
}

const uint32_t *cond_memo_positions(struct cond_memo *m, const struct pf_cond *c,
				    const uint64_t *found, const struct pf_hits *h, size_t total,
				    size_t *n)
{
	size_t k = (size_t)c->key & (COND_MEMO_SLOTS - 1), probes, np = 0, i, w;
	uint32_t hit, *pos;
	uint64_t bits;

	for (probes = 0; probes < COND_MEMO_SLOTS; probes++, k = (k + 1) & (COND_MEMO_SLOTS - 1)) {
		if (m->slot[k].stamp != m->stamp)
			break;
		if (same_cond(m->slot[k].cond, c)) {
			*n = m->slot[k].n;
			return m->pos + m->slot[k].off;
		}
	}
	if (m->used + total > m->cap || !m->pos) {
		size_t cap = m->cap ? m->cap : 256;

		while (cap < m->used + total)
			cap *= 2;
		if (cap > UINT32_MAX || !(pos = realloc(m->pos, cap * sizeof(*pos))))
			return NULL;
		m->pos = pos;
		m->cap = cap;
	}
	pos = m->pos + m->used;
	for (w = 0; w < c->nw; w++)
		for (bits = c->bits[w] & found[c->widx[w]]; bits; bits &= bits - 1)
			for (hit = h->last[c->widx[w] * (size_t)64 + (size_t)__builtin_ctzll(bits)];
			     hit != UINT32_MAX && np < total; hit = h->prev[hit])
				pos[np++] = h->pos[hit];
	/* one literal's hits come last first: reversed, they are in order */
	if (np > 1 && c->n == 1)
		for (i = 0; i < np / 2; i++) {
			hit = pos[i];
			pos[i] = pos[np - 1 - i];
			pos[np - 1 - i] = hit;
		}
	else if (np > 32)
		qsort(pos, np, sizeof(*pos), cmp_u32);
	else /* a few: by insertion, without a call per comparison */
		for (i = 1; i < np; i++) {
			size_t j = i;

			for (hit = pos[i]; j > 0 && pos[j - 1] > hit; j--)
				pos[j] = pos[j - 1];
			pos[j] = hit;
		}
	if (probes < COND_MEMO_SLOTS) { /* a full table keeps no more: it still answers */
		m->slot[k].cond = c;
		m->slot[k].stamp = m->stamp;
		m->slot[k].off = (uint32_t)m->used;
		m->slot[k].n = (uint32_t)np;
		m->used += np;
	}
	*n = np;
	return pos;
}

int pf_gate_open(const struct pf_gate *gate, const uint64_t *found)
{
	size_t i, w;

	for (i = 0; i < gate->n; i++) {
		const struct pf_cond *c = &gate->conds[i];

		for (w = 0; w < c->nw; w++)
			if (c->bits[w] & found[c->widx[w]])
				break;
		if (w == c->nw)
			return 0;
	}
	return 1;
}
