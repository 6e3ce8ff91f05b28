/* SPDX-License-Identifier: Apache-2.0 */
/* Licence plate format validators: the Netherlands, Belgium, France, Germany, Luxembourg and the
 * United Kingdom. The exact accept rules of each are written above its function. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validate_util.h"
#include "banned.h"

#define PLATE_MAX_INPUT 12 /* "1234 abc 975" is 12; no plate is longer */

/*
 * The shape of t: 'X' for a letter, '9' for a digit and, when with_seps, '-' between groups.
 * out has room for VALIDATE_MAX_INPUT + VALIDATE_MAX_GROUPS + 1 bytes.
 */
static void plate_shape(const struct vtext *t, bool with_seps, char *out)
{
	size_t i, g = 0, o = 0;

	for (i = 0; i < t->n; i++) {
		if (with_seps && g + 1 < t->ngroups && i == t->end[g]) {
			out[o++] = '-';
			g++;
		}
		out[o++] = validate_is_digit(t->c[i]) ? '9' : 'X';
	}
	out[o] = '\0';
}

/*
 * Whether t is written as pattern ("XX-99-99"): either with a separator at every '-' of the
 * pattern, all of one kind, or with no separator at all.
 */
static bool plate_shape_is(const struct vtext *t, const char *pattern)
{
	char shape[VALIDATE_MAX_INPUT + VALIDATE_MAX_GROUPS + 1];
	char bare[VALIDATE_MAX_INPUT + 1];
	size_t i, o = 0;
	bool ok;

	if (t->ngroups > 1) {
		plate_shape(t, true, shape);
		ok = !t->mixed && strcmp(shape, pattern) == 0;
	} else {
		for (i = 0; pattern[i] && o < VALIDATE_MAX_INPUT; i++)
			if (pattern[i] != '-')
				bare[o++] = pattern[i];
		bare[o] = '\0';
		plate_shape(t, false, shape);
		ok = strcmp(shape, bare) == 0;
	}
	return ok;
}

/* Whether every letter of t is one of letters. */
static bool plate_letters_in(const struct vtext *t, size_t from, const char *letters)
{
	size_t i;

	for (i = from; i < t->n; i++)
		if (validate_is_letter(t->c[i]) && !strchr(letters, t->c[i]))
			break;
	return i == t->n;
}

/*
 * Splits a plate candidate into t (validate_split, PLATE_MAX_INPUT bytes at most). Refused here
 * for every country: the placeholder officers write for "a plate", every letter an 'x'
 * ("XX-999-X", "1-XXX-000"); a real plate of only X letters is far rarer in a caption.
 */
static bool plate_split(const char *p, size_t len, struct vtext *t)
{
	size_t i, letters = 0;

	if (!validate_split(p, len, PLATE_MAX_INPUT, t))
		return false;
	for (i = 0; i < t->n; i++) {
		if (!validate_is_letter(t->c[i]))
			continue;
		if (t->c[i] != 'x')
			return true;
		letters++;
	}
	return letters == 0;
}

/* ---- Netherlands ------------------------------------------------------------------------------- */

static const char *const nl_sidecodes[] = {
	"XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
	"9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
};

/* Letters of sidecodes 1-3 (1951-1978): any but C, I, O, Q, which read as 0 and 1. */
#define NL_OLD_LETTERS "abdefghjklmnprstuvwxyz"
/* Letters of sidecodes 4-14 (1978 on): consonants without C, M, Q, W, Y. */
#define NL_LETTERS "bdfghjklnprstvxz"
/* Only as first character, from sidecode 4 on: M motorcycles, O semi-trailers, W trailers. */
#define NL_FIRST_LETTERS NL_LETTERS "mow"

/*
 * Six characters in one of the 14 sidecodes, written with '-', '.' or ' ' (one kind) at all of the
 * sidecode's group breaks or with no separator. Sidecodes 1-3 accept NL_OLD_LETTERS; later ones
 * NL_LETTERS, and a leading letter may also be M, O or W. Not accepted: the special series that
 * break the sidecodes (royal "AA", diplomatic "CD"). Not checked: the few letter runs the RDW
 * never issues (SS, SD, NSB, ...): a plate an officer typed is still a plate.
 */
bool validate_plate_nl(const char *p, size_t len)
{
	struct vtext t;
	bool ok = false;
	size_t i;

	if (!plate_split(p, len, &t) || t.n != 6 || t.sep == '/')
		goto out;
	for (i = 0; i < sizeof(nl_sidecodes) / sizeof(nl_sidecodes[0]); i++)
		if (plate_shape_is(&t, nl_sidecodes[i]))
			break;
	if (i == sizeof(nl_sidecodes) / sizeof(nl_sidecodes[0]))
		goto out;
	if (i < 3)
		ok = plate_letters_in(&t, 0, NL_OLD_LETTERS);
	else if (validate_is_letter(t.c[0]))
		ok = strchr(NL_FIRST_LETTERS, t.c[0]) && plate_letters_in(&t, 1, NL_LETTERS);
	else
		ok = plate_letters_in(&t, 0, NL_LETTERS);
out:
	return ok;
}

/* ---- Belgium ----------------------------------------------------------------------------------- */

/*
 * Current 1-abc-234 (first digit 1-9), older abc-123 and 123-abc; any letters. Separators '-',
 * '.' or ' ' (one kind) at every group break, or none.
 */
bool validate_plate_be(const char *p, size_t len)
{
	struct vtext t;
	bool ok = false;

	if (!plate_split(p, len, &t) || t.sep == '/')
		goto out;
	ok = (plate_shape_is(&t, "9-XXX-999") && t.c[0] != '0') || plate_shape_is(&t, "XXX-999") ||
	     plate_shape_is(&t, "999-XXX");
out:
	return ok;
}

/* ---- France ------------------------------------------------------------------------------------ */

/* SIV letters: no I, O, U. */
#define FR_SIV_LETTERS "abcdefghjklmnpqrstvwxyz"
/* FNI letters: no I, O. */
#define FR_FNI_LETTERS "abcdefghjklmnpqrstuvwxyz"

/*
 * SIV (2009 on): ab-123-cd, '-' or ' ' (one kind) or no separator. Letters FR_SIV_LETTERS;
 * neither letter block is "ss" (never issued); the number is 001..999. The left block "ww" is
 * accepted: it is the temporary series, still a real car's plate.
 */
static bool plate_fr_siv(const struct vtext *t)
{
	bool ok = false;

	if (!plate_shape_is(t, "XX-999-XX") || !plate_letters_in(t, 0, FR_SIV_LETTERS))
		goto out;
	if (memcmp(t->c, "ss", 2) == 0 || memcmp(t->c + 5, "ss", 2) == 0 ||
	    memcmp(t->c + 2, "000", 3) == 0)
		goto out;
	ok = true;
out:
	return ok;
}

/* An FNI department: 01..95, 2a, 2b, or 971..976 (overseas). */
static bool plate_fr_department(const char *s, size_t n)
{
	unsigned long v;
	bool ok = false;

	if (n == 2 && s[0] == '2' && (s[1] == 'a' || s[1] == 'b')) {
		ok = true;
	} else if (n == 2 && validate_is_digit(s[0]) && validate_is_digit(s[1])) {
		v = validate_number(s, 2);
		ok = v >= 1 && v <= 95;
	} else if (n == 3 && validate_is_digit(s[0]) && validate_is_digit(s[1]) &&
		   validate_is_digit(s[2])) {
		v = validate_number(s, 3);
		ok = v >= 971 && v <= 976;
	}
	return ok;
}

/*
 * FNI (until 2009): 1-4 digits (no leading 0), 1-3 letters (FR_FNI_LETTERS), department; as
 * three groups split by '-' or ' ' (one kind), or with no separator: "123 abc 75", "12-ab-2a".
 */
static bool plate_fr_fni(const struct vtext *t)
{
	size_t nd = 0, nl = 0;
	bool ok = false;

	while (nd < t->n && validate_is_digit(t->c[nd]))
		nd++;
	while (nd + nl < t->n && validate_is_letter(t->c[nd + nl]))
		nl++;
	if (nd < 1 || nd > 4 || t->c[0] == '0' || nl < 1 || nl > 3)
		goto out;
	if (t->ngroups != 1 && t->ngroups != 3)
		goto out;
	if (t->ngroups == 3 && (t->mixed || t->end[0] != nd || t->end[1] != nd + nl))
		goto out;
	if (!plate_letters_in(t, 0, FR_FNI_LETTERS))
		goto out;
	ok = plate_fr_department(t->c + nd + nl, t->n - nd - nl);
out:
	return ok;
}

bool validate_plate_fr(const char *p, size_t len)
{
	struct vtext t;
	bool ok = false;

	if (!plate_split(p, len, &t) || t.sep == '.' || t.sep == '/')
		goto out;
	ok = plate_fr_siv(&t) || plate_fr_fni(&t);
out:
	return ok;
}

/* ---- Germany ----------------------------------------------------------------------------------- */

/*
 * District 1-3 letters, a separator ('-' or ' '; required, as without it the district cannot be
 * told from the letters), 1-2 letters, optionally a space or '-', 1-4 digits not starting with
 * 0, optionally 'e' (electric) or 'h' (historic) right after the digits. At most 8 characters
 * without separators and suffix. "b-ab 1234", "b ab 1234", "m-xy123", "hh-ab 123h".
 * The district is not checked against the list of codes.
 */
bool validate_plate_de(const char *p, size_t len)
{
	struct vtext t;
	size_t district, letters, digits, i, n;
	bool ok = false;

	if (!plate_split(p, len, &t) || t.ngroups < 2 || t.ngroups > 3 ||
	    t.sep == '.' || t.sep == '/')
		goto out;
	n = t.n;
	if (t.c[n - 1] == 'e' || t.c[n - 1] == 'h')
		n--;
	district = t.end[0];
	for (i = district; i < n && validate_is_letter(t.c[i]); i++)
		;
	letters = i - district;
	for (; i < n && validate_is_digit(t.c[i]); i++)
		;
	digits = i - district - letters;
	if (i != n || district > 3 || letters < 1 || letters > 2 || digits < 1 || digits > 4 ||
	    t.c[district + letters] == '0' || n > 8)
		goto out;
	/* Only letters in the district; a third group must start exactly at the digits. */
	for (i = 0; i < district; i++)
		if (!validate_is_letter(t.c[i]))
			goto out;
	if (t.ngroups == 3 && t.end[1] != district + letters)
		goto out;
	ok = true;
out:
	return ok;
}

/* ---- Luxembourg -------------------------------------------------------------------------------- */

/*
 * Two letters and four digits ("ab 1234", "ab-1234", "ab1234"), or four to six digits not
 * starting with 0 and written without separator ("12345").
 */
bool validate_plate_lu(const char *p, size_t len)
{
	struct vtext t;
	bool ok = false;

	if (!plate_split(p, len, &t) || t.sep == '.' || t.sep == '/')
		goto out;
	if (plate_shape_is(&t, "XX-9999"))
		ok = true;
	else
		ok = t.ngroups == 1 && t.n >= 4 && t.n <= 6 && validate_all_digits(&t) &&
		     t.c[0] != '0';
out:
	return ok;
}

/* ---- United Kingdom ---------------------------------------------------------------------------- */

/* Letters of a current plate: no I or Q; the area code (first two) has no Z either. */
#define UK_LETTERS "abcdefghjklmnoprstuvwxyz"
#define UK_AREA_LETTERS "abcdefghjklmnoprstuvwxy"

/*
 * Current British plates (September 2001 on): two area letters, the two-digit age identifier and
 * three letters, with one space before the last three or none ("lb19 xkt", "lb19xkt"). The age
 * identifier is the year for March (02 on) or the year + 50 for September (51 on); up to 29 and
 * 79 are taken, which covers plates until 2030. Not accepted: older prefix and suffix formats
 * (their shapes are common words and numbers in text), Northern Irish plates.
 */
bool validate_plate_uk(const char *p, size_t len)
{
	struct vtext t;
	unsigned long age;
	bool ok = false;
	size_t i;

	if (!plate_split(p, len, &t) || (t.sep && t.sep != ' ') ||
	    !plate_shape_is(&t, "XX99-XXX"))
		goto out;
	if (!strchr(UK_AREA_LETTERS, t.c[0]) || !strchr(UK_AREA_LETTERS, t.c[1]))
		goto out;
	for (i = 4; i < 7; i++)
		if (!strchr(UK_LETTERS, t.c[i]))
			goto out;
	age = validate_number(t.c + 2, 2);
	ok = (age >= 2 && age <= 29) || (age >= 51 && age <= 79);
out:
	return ok;
}
