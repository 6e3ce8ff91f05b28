/* SPDX-License-Identifier: Apache-2.0 */
/* Plate readings checked with the plate validators (validators.c), after undoing OCR's usual
 * letter/digit confusions. The validators decide; this file only proposes spellings. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "plate_text.h"
#include "validators.h"

#include "banned.h"

static const char *const countries[] = { "nl", "be", "fr", "de", "lu" };

/* Pairs OCR confuses on plates, each way. */
static const char confusions[][2] = { { 'O', '0' }, { 'D', '0' }, { 'Q', '0' }, { 'I', '1' },
				      { 'B', '8' }, { 'S', '5' }, { 'Z', '2' }, { 'G', '6' },
				      { 'T', '7' }, { 'A', '4' } };

/* The reading in capitals with every run of separators as one ' '; no leading or trailing. */
static size_t clean(const char *read, char *c, size_t cap)
{
	size_t n = 0;
	int sep = 0;

	for (const unsigned char *p = (const unsigned char *)read; *p && n + 2 < cap; p++) {
		if (isalnum(*p) && *p < 0x80) {
			if (sep && n)
				c[n++] = ' ';
			c[n++] = (char)toupper(*p);
			sep = 0;
		} else {
			sep = 1;
		}
	}
	c[n] = '\0';
	return n;
}

static size_t alnum(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s != ' ';
	return n;
}

/* s with its ' ' separators as written (' '), as '-' or dropped. */
static void form(const char *s, int how, char *out, size_t cap)
{
	size_t o = 0;

	for (; *s && o + 1 < cap; s++)
		if (*s != ' ')
			out[o++] = *s;
		else if (how == 1)
			out[o++] = ' ';
		else if (how == 2)
			out[o++] = '-';
	out[o] = '\0';
}

static int has_letter(const char *s)
{
	for (; *s; s++)
		if (isalpha((unsigned char)*s))
			return 1;
	return 0;
}

/* The first country whose validator accepts s in one of its three forms; the form in out. */
static const char *check(const char *s, char *out, size_t len)
{
	char f[PLATE_TEXT_MAX + 1];

	for (int how = 1; how <= 3; how++) {
		form(s, how, f, sizeof(f));
		for (size_t k = 0; k < sizeof(countries) / sizeof(countries[0]); k++) {
			char name[16];
			const struct validator *v;

			snprintf(name, sizeof(name), "plate_%s", countries[k]);
			v = validators_find(name, strlen(name));
			if (!v || !v->fn(f, strlen(f)) || (!strcmp(countries[k], "lu") && !has_letter(f)))
				continue;
			snprintf(out, len, "%s", f);
			return countries[k];
		}
	}
	return NULL;
}

/* As check, also with each confusable character swapped once. */
static const char *check_swaps(char *s, char *out, size_t len)
{
	const char *c = check(s, out, len);

	for (size_t i = 0; !c && s[i]; i++)
		for (size_t k = 0; !c && k < sizeof(confusions) / sizeof(confusions[0]); k++) {
			char was = s[i];

			if (was != confusions[k][0] && was != confusions[k][1])
				continue;
			s[i] = was == confusions[k][0] ? confusions[k][1] : confusions[k][0];
			c = check(s, out, len);
			s[i] = was;
		}
	return c;
}

const char *plate_text_match(const char *read, char *out, size_t len)
{
	char c[PLATE_TEXT_MAX + 3];
	const char *country = NULL;
	size_t n;

	if (len)
		out[0] = '\0';
	if (!read || !len)
		return NULL;
	n = clean(read, c, sizeof(c));
	if (alnum(c) < PLATE_TEXT_MIN)
		return NULL;
	country = check_swaps(c, out, len);
	/* A stray stroke at either end (the band's edge, a screw) read as a character of its own:
	 * dropped only when it stands apart and enough is left. */
	if (!country && n >= 7 && c[1] == ' ') {
		char t[sizeof(c)];

		snprintf(t, sizeof(t), "%s", c + 2);
		country = check_swaps(t, out, len);
	}
	if (!country && n >= 7 && c[n - 2] == ' ') {
		char t[sizeof(c)];

		snprintf(t, sizeof(t), "%.*s", (int)(n - 2), c);
		country = check_swaps(t, out, len);
	}
	if (!country && len)
		out[0] = '\0';
	return country;
}
