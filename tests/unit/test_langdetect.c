/* SPDX-License-Identifier: Apache-2.0 */
/* Guessing a caption's languages from function words: table-driven, on normalised text. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "langdetect.h"
#include "banned.h"

struct row {
	const char *text; /* normalised: lower case, diacritics stripped */
	const char *want; /* the languages found, comma-separated, most likely first; "" none */
};

static const struct row rows[] = {
	{ "", "" },
	{ "de", "" }, /* one word is too little */
	{ "vandaag met de wijkagenten op de markt gestaan", "nl" },
	{ "merci a tous pour votre accueil lors de la fete du quartier", "fr" },
	{ "thanks to everyone who joined our bike safety workshop this morning", "en" },
	/* every function word of a language, once each */
	{ "agent bedankt bij dat deze die een er hebben heeft het jullie met naar niet nog ons ook "
	  "op politie te van vandaag voor wat wij wijk wordt zijn",
	  "nl" },
	{ "au aujourd'hui aux avec ce cette dans des du elle est et ete il la le les merci nous par "
	  "pas policiers pour quartier que qui sont sur un une vous",
	  "fr" },
	{ "and are at be been for has have in it of officer officers on our please the this to "
	  "today was were with you your",
	  "en" },
	/* words of two languages count for both */
	{ "en en", "nl,fr" },
	{ "police police", "fr,en" },
	{ "we is", "nl,en" },
	/* a mixed post keeps the second language when it scores half the first */
	{ "we staan op de markt met de wijk. merci et merci pour vous", "nl,fr" },
	{ "de de de de de de le", "nl" },
	/* not words: parts of longer words, numbers, and words over 16 letters */
	{ "deze-het", "nl" },
	{ "dethe vanhet 12 34", "" },
	{ "hetttttttttttttttttt hetttttttttttttttttt", "" },
	{ "l'agent l'agent", "" },
	/* bytes of other scripts are letters of words that are not function words */
	{ "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 the the", "en" },
	{ "the\xe2\x80\x8b the", "" },
};

int main(void)
{
	size_t i, k;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		const char *out[LANGDETECT_MAX + 1];
		char got[64] = "";
		size_t n = 0;

		langdetect(rows[i].text, strlen(rows[i].text), out);
		for (k = 0; out[k]; k++)
			n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s", k ? "," : "", out[k]);
		CHECK_STR(got, rows[i].want, rows[i].text);
	}
	TEST_DONE();
}
