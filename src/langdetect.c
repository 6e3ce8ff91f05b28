/* SPDX-License-Identifier: Apache-2.0 */
/* Function-word counting: cheap, and enough to choose the language of a message. A language is
 * kept when it scores at least half of the best one, so mixed posts get both. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "langdetect.h"
#include "banned.h"

/* Function words of nl (bit 0), fr (bit 1) and en (bit 2). */
struct word {
	const char *w;
	size_t n;
	unsigned langs;
};

static const char *const codes[] = { "nl", "fr", "en" };

#define NLANGS (sizeof(codes) / sizeof(codes[0]))

static const struct word words[] = {
	{ "agent", 5, 0x1 },
	{ "and", 3, 0x4 },
	{ "are", 3, 0x4 },
	{ "at", 2, 0x4 },
	{ "au", 2, 0x2 },
	{ "aujourd'hui", 11, 0x2 },
	{ "aux", 3, 0x2 },
	{ "avec", 4, 0x2 },
	{ "be", 2, 0x4 },
	{ "bedankt", 7, 0x1 },
	{ "been", 4, 0x4 },
	{ "bij", 3, 0x1 },
	{ "ce", 2, 0x2 },
	{ "cette", 5, 0x2 },
	{ "dans", 4, 0x2 },
	{ "dat", 3, 0x1 },
	{ "de", 2, 0x1 },
	{ "des", 3, 0x2 },
	{ "deze", 4, 0x1 },
	{ "die", 3, 0x1 },
	{ "du", 2, 0x2 },
	{ "een", 3, 0x1 },
	{ "elle", 4, 0x2 },
	{ "en", 2, 0x3 },
	{ "er", 2, 0x1 },
	{ "est", 3, 0x2 },
	{ "et", 2, 0x2 },
	{ "ete", 3, 0x2 },
	{ "for", 3, 0x4 },
	{ "has", 3, 0x4 },
	{ "have", 4, 0x4 },
	{ "hebben", 6, 0x1 },
	{ "heeft", 5, 0x1 },
	{ "het", 3, 0x1 },
	{ "il", 2, 0x2 },
	{ "in", 2, 0x4 },
	{ "is", 2, 0x5 },
	{ "it", 2, 0x4 },
	{ "jullie", 6, 0x1 },
	{ "la", 2, 0x2 },
	{ "le", 2, 0x2 },
	{ "les", 3, 0x2 },
	{ "merci", 5, 0x2 },
	{ "met", 3, 0x1 },
	{ "naar", 4, 0x1 },
	{ "niet", 4, 0x1 },
	{ "nog", 3, 0x1 },
	{ "nous", 4, 0x2 },
	{ "of", 2, 0x4 },
	{ "officer", 7, 0x4 },
	{ "officers", 8, 0x4 },
	{ "on", 2, 0x4 },
	{ "ons", 3, 0x1 },
	{ "ook", 3, 0x1 },
	{ "op", 2, 0x1 },
	{ "our", 3, 0x4 },
	{ "par", 3, 0x2 },
	{ "pas", 3, 0x2 },
	{ "please", 6, 0x4 },
	{ "police", 6, 0x6 },
	{ "policiers", 9, 0x2 },
	{ "politie", 7, 0x1 },
	{ "pour", 4, 0x2 },
	{ "quartier", 8, 0x2 },
	{ "que", 3, 0x2 },
	{ "qui", 3, 0x2 },
	{ "sont", 4, 0x2 },
	{ "sur", 3, 0x2 },
	{ "te", 2, 0x1 },
	{ "thanks", 6, 0x4 },
	{ "the", 3, 0x4 },
	{ "this", 4, 0x4 },
	{ "to", 2, 0x4 },
	{ "today", 5, 0x4 },
	{ "un", 2, 0x2 },
	{ "une", 3, 0x2 },
	{ "van", 3, 0x1 },
	{ "vandaag", 7, 0x1 },
	{ "voor", 4, 0x1 },
	{ "vous", 4, 0x2 },
	{ "was", 3, 0x4 },
	{ "wat", 3, 0x1 },
	{ "we", 2, 0x5 },
	{ "werd", 4, 0x1 },
	{ "were", 4, 0x4 },
	{ "wij", 3, 0x1 },
	{ "wijk", 4, 0x1 },
	{ "with", 4, 0x4 },
	{ "wordt", 5, 0x1 },
	{ "you", 3, 0x4 },
	{ "your", 4, 0x4 },
	{ "zijn", 4, 0x1 },
};

#define NWORDS (sizeof(words) / sizeof(words[0]))

/* The words by hash: open addressing, each slot a word's index + 1 (0 empty); built once. */
#define SLOTS 512
static unsigned char slots[SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c == '\'' || c >= 0x80;
}

static unsigned slot_of(uint32_t h)
{
	return (h ^ (h >> 9)) & (SLOTS - 1);
}

static void slots_build(void)
{
	size_t i, k;
	uint32_t h;

	for (i = 0; i < NWORDS; i++) {
		for (h = 0, k = 0; k < words[i].n; k++)
			h = h * 31u + (unsigned char)words[i].w[k];
		for (k = slot_of(h); slots[k]; k = (k + 1) & (SLOTS - 1))
			;
		slots[k] = (unsigned char)(i + 1);
	}
}

/* Counts word w (n bytes, hash h) for the languages it belongs to. */
static void count_word(const char *w, size_t n, uint32_t h, unsigned score[NLANGS])
{
	size_t k, l;

	for (k = slot_of(h); slots[k]; k = (k + 1) & (SLOTS - 1)) {
		const struct word *e = &words[slots[k] - 1];

		if (e->n == n && !memcmp(e->w, w, n)) {
			for (l = 0; l < NLANGS; l++)
				if (e->langs & (1u << l))
					score[l]++;
			return;
		}
	}
}

void langdetect(const char *p, size_t len, const char *out[LANGDETECT_MAX + 1])
{
	unsigned score[NLANGS] = { 0 }, best = 0;
	size_t i = 0, s, k = 0, l;
	int used[NLANGS] = { 0 };
	uint32_t h;

	pthread_once(&slots_once, slots_build);
	while (i < len) {
		while (i < len && !is_letter((unsigned char)p[i]))
			i++;
		s = i;
		for (h = 0; i < len && is_letter((unsigned char)p[i]); i++)
			h = h * 31u + (unsigned char)p[i];
		if (i > s && i - s <= 16)
			count_word(p + s, i - s, h, score);
	}
	for (l = 0; l < NLANGS; l++)
		if (score[l] > best)
			best = score[l];
	out[0] = NULL;
	if (best < 2)
		return;
	while (k < LANGDETECT_MAX) {
		size_t pick = NLANGS;

		for (l = 0; l < NLANGS; l++)
			if (!used[l] && score[l] * 2 >= best && score[l] >= 2 &&
			    (pick == NLANGS || score[l] > score[pick]))
				pick = l;
		if (pick == NLANGS)
			break;
		used[pick] = 1;
		out[k++] = codes[pick];
	}
	out[k] = NULL;
}
