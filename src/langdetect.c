/* SPDX-License-Identifier: Apache-2.0 */
/* Function-word counting: cheap, and enough to choose the language of a message. A language is
 * kept when it scores at least half of the best one, so mixed posts get both. */
#include <string.h>

#include "langdetect.h"
#include "banned.h"

struct lang_words {
	const char *code;
	const char *const *words;
};

static const char *const nl_words[] = {
	"de", "het", "een", "en", "van", "is", "niet", "op", "te", "voor", "met", "zijn", "wij",
	"we", "ons", "jullie", "deze", "bij", "ook", "naar", "er", "dat", "die", "wat", "nog",
	"vandaag", "wordt", "werd", "hebben", "heeft", "politie", "agent", "wijk", "bedankt", NULL,
};
static const char *const fr_words[] = {
	"le", "la", "les", "des", "un", "une", "et", "est", "pas", "pour", "avec", "nous", "dans",
	"sur", "au", "aux", "du", "ce", "cette", "sont", "qui", "que", "vous", "merci", "police",
	"aujourd'hui", "ete", "il", "elle", "en", "par", "policiers", "quartier", NULL,
};
static const char *const en_words[] = {
	"the", "and", "is", "are", "was", "of", "to", "for", "with", "we", "our", "this", "at",
	"in", "on", "you", "your", "today", "thanks", "officers", "officer", "have", "has", "it",
	"be", "been", "were", "please", "police", NULL,
};

static const struct lang_words langs[] = {
	{ "nl", nl_words },
	{ "fr", fr_words },
	{ "en", en_words },
};

#define NLANGS (sizeof(langs) / sizeof(langs[0]))

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c == '\'' || c >= 0x80;
}

static void count_word(const char *w, size_t n, unsigned score[NLANGS])
{
	size_t l, i;

	for (l = 0; l < NLANGS; l++)
		for (i = 0; langs[l].words[i]; i++)
			if (strlen(langs[l].words[i]) == n && !memcmp(langs[l].words[i], w, n))
				score[l]++;
}

void langdetect(const char *p, size_t len, const char *out[LANGDETECT_MAX + 1])
{
	unsigned score[NLANGS] = { 0 }, best = 0;
	size_t i = 0, s, k = 0, l;
	int used[NLANGS] = { 0 };

	while (i < len) {
		while (i < len && !is_letter((unsigned char)p[i]))
			i++;
		s = i;
		while (i < len && is_letter((unsigned char)p[i]))
			i++;
		if (i > s && i - s <= 16)
			count_word(p + s, i - s, score);
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
		out[k++] = langs[pick].code;
	}
	out[k] = NULL;
}
