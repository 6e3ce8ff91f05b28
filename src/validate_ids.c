/* SPDX-License-Identifier: Apache-2.0 */
/* Checksum validators for identity and account numbers: IBAN, Dutch BSN, Belgian national
 * register number, French NIR, Luhn, and the calendar-date check. */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validate_util.h"
#include "banned.h"

/* Input bounds, in bytes of matched text including separators. */
#define IBAN_MAX_INPUT 50 /* 34 characters in blocks of 4 with a separator each */
#define BSN_MAX_INPUT 16
#define NRN_MAX_INPUT 20  /* "85.07.30-033.28" is 15 */
#define NIR_MAX_INPUT 24  /* "1 84 12 76 451 089 46" is 21 */
#define LUHN_MAX_INPUT 32
#define DATE_MAX_INPUT 10 /* "dd-mm-yyyy" */

/* ---- IBAN ------------------------------------------------------------------------------------ */

/*
 * BBAN layout per country, from the SWIFT IBAN registry: "4!a10!n" is 4 letters then 10 digits;
 * 'n' digits, 'a' letters, 'c' letters or digits. The IBAN length is 4 plus the layout's length.
 * Every SEPA country is here (NL 18, BE 16, FR 27, DE 22, LU 20, ES 24, IT 27, ...).
 */
struct iban_country {
	char cc[3];
	const char *bban;
};

static const struct iban_country iban_countries[] = {
	{ "ad", "4!n4!n12!c" }, { "ae", "3!n16!n" }, { "al", "8!n16!c" },
	{ "at", "5!n11!n" }, { "az", "4!a20!c" }, { "ba", "3!n3!n8!n2!n" },
	{ "be", "3!n7!n2!n" }, { "bg", "4!a4!n2!n8!c" }, { "bh", "4!a14!c" },
	{ "bi", "5!n5!n11!n2!n" }, { "br", "8!n5!n10!n1!a1!c" }, { "by", "4!c4!n16!c" },
	{ "ch", "5!n12!c" }, { "cr", "4!n14!n" }, { "cy", "3!n5!n16!c" },
	{ "cz", "4!n6!n10!n" }, { "de", "8!n10!n" }, { "dj", "5!n5!n11!n2!n" },
	{ "dk", "4!n9!n1!n" }, { "do", "4!c20!n" }, { "ee", "2!n2!n11!n1!n" },
	{ "eg", "4!n4!n17!n" }, { "es", "4!n4!n1!n1!n10!n" }, { "fi", "3!n11!n" },
	{ "fo", "4!n9!n1!n" }, { "fr", "5!n5!n11!c2!n" }, { "gb", "4!a6!n8!n" },
	{ "ge", "2!a16!n" }, { "gi", "4!a15!c" }, { "gl", "4!n9!n1!n" },
	{ "gr", "3!n4!n16!c" }, { "gt", "4!c20!c" }, { "hr", "7!n10!n" },
	{ "hu", "3!n4!n1!n15!n1!n" }, { "ie", "4!a6!n8!n" }, { "il", "3!n3!n13!n" },
	{ "iq", "4!a3!n12!n" }, { "is", "4!n2!n6!n10!n" }, { "it", "1!a5!n5!n12!c" },
	{ "jo", "4!a4!n18!c" }, { "kw", "4!a22!c" }, { "kz", "3!n13!c" },
	{ "lb", "4!n20!c" }, { "lc", "4!a24!c" }, { "li", "5!n12!c" },
	{ "lt", "5!n11!n" }, { "lu", "3!n13!c" }, { "lv", "4!a13!c" },
	{ "ly", "3!n3!n15!n" }, { "mc", "5!n5!n11!c2!n" }, { "md", "2!c18!c" },
	{ "me", "3!n13!n2!n" }, { "mk", "3!n10!c2!n" }, { "mr", "5!n5!n11!n2!n" },
	{ "mt", "4!a5!n18!c" }, { "mu", "4!a2!n2!n12!n3!n3!a" }, { "nl", "4!a10!n" },
	{ "no", "4!n6!n1!n" }, { "pk", "4!a16!c" }, { "pl", "8!n16!n" },
	{ "ps", "4!a21!c" }, { "pt", "4!n4!n11!n2!n" }, { "qa", "4!a21!c" },
	{ "ro", "4!a16!c" }, { "rs", "3!n13!n2!n" }, { "ru", "9!n5!n15!c" },
	{ "sa", "2!n18!c" }, { "sc", "4!a2!n2!n16!n3!a" }, { "sd", "2!n12!n" },
	{ "se", "3!n16!n1!n" }, { "si", "5!n8!n2!n" }, { "sk", "4!n6!n10!n" },
	{ "sm", "1!a5!n5!n12!c" }, { "st", "4!n4!n11!n2!n" }, { "sv", "4!a20!n" },
	{ "tl", "3!n14!n2!n" }, { "tn", "2!n3!n13!n2!n" }, { "tr", "5!n1!n16!c" },
	{ "ua", "6!n19!c" }, { "va", "3!n15!n" }, { "vg", "4!a16!n" },
	{ "xk", "4!n10!n2!n" },  
};

static const char *iban_layout(const char *cc)
{
	const char *layout = NULL;
	size_t i;

	for (i = 0; i < sizeof(iban_countries) / sizeof(iban_countries[0]); i++) {
		if (iban_countries[i].cc[0] == cc[0] && iban_countries[i].cc[1] == cc[1]) {
			layout = iban_countries[i].bban;
			break;
		}
	}
	return layout;
}

/* Whether the n characters at s follow the registry layout (see iban_countries). */
static bool iban_bban_fits(const char *layout, const char *s, size_t n)
{
	size_t pos = 0;
	bool ok = true;

	while (ok && *layout) {
		size_t count = 0;
		char kind;

		while (validate_is_digit(*layout))
			count = count * 10 + (size_t)(*layout++ - '0');
		assert(*layout == '!');
		layout++;
		kind = *layout++;
		for (; ok && count > 0; count--, pos++) {
			if (pos >= n)
				ok = false;
			else if (kind == 'n')
				ok = validate_is_digit(s[pos]);
			else if (kind == 'a')
				ok = validate_is_letter(s[pos]);
		}
	}
	return ok && pos == n;
}

/* One more character into a running mod-97 remainder; a letter counts as the two digits 10..35. */
static unsigned iban_mod97_step(unsigned r, char ch)
{
	if (validate_is_digit(ch))
		return (r * 10 + (unsigned)(ch - '0')) % 97;
	return (r * 100 + (unsigned)(ch - 'a' + 10)) % 97;
}

/*
 * ISO 13616: two letters of country, two check digits (02..98), the BBAN. Moving the first four
 * characters to the end and reading letters as 10..35 gives a number whose remainder mod 97 is 1;
 * the remainder is computed a character at a time, so no big number is ever held.
 */
bool validate_iban(const char *p, size_t len)
{
	struct vtext t;
	const char *layout;
	unsigned r = 0, check;
	bool ok = false;
	size_t i;

	if (!validate_split(p, len, IBAN_MAX_INPUT, &t) || t.n < 15 || t.n > 34)
		goto out;
	if (!validate_is_letter(t.c[0]) || !validate_is_letter(t.c[1]) ||
	    !validate_is_digit(t.c[2]) || !validate_is_digit(t.c[3]))
		goto out;
	check = (unsigned)validate_number(t.c + 2, 2);
	layout = iban_layout(t.c);
	if (check < 2 || check > 98 || !layout || !iban_bban_fits(layout, t.c + 4, t.n - 4))
		goto out;
	/* an account of zeros ("FR76 0000 0000 0000 0000 0000 000", "NL85 ABNA 0000 0000 00") has a
	 * key like any other, and is the placeholder of scam warnings and forms: no account */
	for (i = 4; i < t.n && (t.c[i] == '0' || !validate_is_digit(t.c[i])); i++)
		;
	if (i == t.n)
		goto out;
	for (i = 4; i < t.n; i++)
		r = iban_mod97_step(r, t.c[i]);
	for (i = 0; i < 4; i++)
		r = iban_mod97_step(r, t.c[i]);
	ok = r == 1;
out:
	return ok;
}

/* ---- Dutch BSN --------------------------------------------------------------------------------- */

/*
 * 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - d9 a multiple of 11 (the "11-proef"). A BSN
 * written with 8 digits had its leading 0 dropped; it is padded back. All zeros passes the sum
 * but is no number.
 */
bool validate_bsn(const char *p, size_t len)
{
	struct vtext t;
	char d[9];
	long sum = 0;
	bool ok = false, zero = true;
	size_t i;

	if (!validate_split(p, len, BSN_MAX_INPUT, &t) || !validate_all_digits(&t) ||
	    (t.n != 8 && t.n != 9))
		goto out;
	d[0] = '0';
	memcpy(d + 9 - t.n, t.c, t.n);
	for (i = 0; i < 9; i++) {
		long v = d[i] - '0';

		sum += i == 8 ? -v : (long)(9 - i) * v;
		zero = zero && v == 0;
	}
	ok = !zero && sum % 11 == 0;
out:
	return ok;
}

/* ---- Belgian national register number ---------------------------------------------------------- */

/* Month of birth in a national or bis number: 0 when unknown, +20 or +40 in bis numbers. */
static bool nrn_month_ok(unsigned long mm)
{
	return mm <= 12 || (mm >= 20 && mm <= 32) || (mm >= 40 && mm <= 52);
}

/*
 * YY.MM.DD-XXX.CC: CC = 97 - (YYMMDDXXX mod 97), or for births from 2000 on the same with a '2'
 * put before the nine digits. The century is not in the number, so either rule will do. Date
 * parts are checked loosely (bis numbers, unknown dates); the serial XXX runs 001..998.
 */
bool validate_be_nrn(const char *p, size_t len)
{
	struct vtext t;
	unsigned long base, key, serial;
	bool ok = false;

	if (!validate_split(p, len, NRN_MAX_INPUT, &t) || !validate_all_digits(&t) || t.n != 11)
		goto out;
	serial = validate_number(t.c + 6, 3);
	if (!nrn_month_ok(validate_number(t.c + 2, 2)) || validate_number(t.c + 4, 2) > 31 ||
	    serial < 1 || serial > 998)
		goto out;
	base = validate_number(t.c, 9);
	key = validate_number(t.c + 9, 2);
	ok = 97 - base % 97 == key || 97 - (2000000000UL + base) % 97 == key;
out:
	return ok;
}

/* ---- French NIR -------------------------------------------------------------------------------- */

/*
 * Sex (1, 2; 3, 4, 7, 8 for provisional numbers), YY, MM, department (2 digits, or 2a/2b for
 * Corsica), commune (3), serial (3), then key = 97 - (first 13 digits mod 97). For the key,
 * Corsica's 2a counts as 19 and 2b as 18.
 */
bool validate_fr_nir(const char *p, size_t len)
{
	struct vtext t;
	unsigned r = 0;
	bool ok = false;
	size_t i;

	if (!validate_split(p, len, NIR_MAX_INPUT, &t) || t.n != 15 || !strchr("123478", t.c[0]))
		goto out;
	for (i = 0; i < t.n; i++) {
		char ch = t.c[i];

		if (i == 5 && ch == '2' && (t.c[6] == 'a' || t.c[6] == 'b')) {
			r = (r * 100 + (t.c[6] == 'a' ? 19 : 18)) % 97;
			i++;
			continue;
		}
		if (!validate_is_digit(ch))
			goto out;
		if (i < 13)
			r = (r * 10 + (unsigned)(ch - '0')) % 97;
	}
	ok = 97 - r == validate_number(t.c + 13, 2);
out:
	return ok;
}

/* ---- Luhn -------------------------------------------------------------------------------------- */

/* 12 to 19 digits (payment card lengths) whose Luhn sum is a multiple of 10; not all zeros. */
bool validate_luhn(const char *p, size_t len)
{
	struct vtext t;
	unsigned sum = 0;
	bool ok = false, zero = true;
	size_t i;

	if (!validate_split(p, len, LUHN_MAX_INPUT, &t) || !validate_all_digits(&t) || t.n < 12 ||
	    t.n > 19)
		goto out;
	for (i = 0; i < t.n; i++) {
		unsigned d = (unsigned)(t.c[t.n - 1 - i] - '0');

		/* Every second digit from the right is doubled; 2*d > 9 adds its two digits. */
		if (i % 2 == 1)
			d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		sum += d;
		zero = zero && d == 0;
	}
	ok = !zero && sum % 10 == 0;
out:
	return ok;
}

/* ---- Date -------------------------------------------------------------------------------------- */

/* Days in month m (1..12) of year y; a two-digit year is leap when divisible by 4 (00 is 2000). */
static unsigned long date_days_in_month(unsigned long m, unsigned long y, bool four_digits)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = y % 4 == 0 && (!four_digits || y % 100 != 0 || y % 400 == 0);

	return m == 2 && leap ? 29 : days[m - 1];
}

/*
 * Three groups of digits split by one kind of separator, '-', '/' or '.' (not space, so "12 03
 * 2024" is no date): d-m-yy, d-m-yyyy (day and month one or two digits), or yyyy-m-d. A
 * four-digit year lies in 1900..2099; the day must exist in that month, leap years included.
 */
bool validate_date(const char *p, size_t len)
{
	struct vtext t;
	size_t l0, l1, l2, ylen;
	unsigned long d, m, y;
	bool ok = false;

	if (!validate_split(p, len, DATE_MAX_INPUT, &t) || t.ngroups != 3 || t.mixed ||
	    t.sep == ' ' || !validate_all_digits(&t))
		goto out;
	l0 = validate_group_len(&t, 0);
	l1 = validate_group_len(&t, 1);
	l2 = validate_group_len(&t, 2);
	if (l1 > 2)
		goto out;
	if (l0 == 4 && l2 <= 2) {
		y = validate_number(t.c, 4);
		m = validate_number(t.c + 4, l1);
		d = validate_number(t.c + 4 + l1, l2);
		ylen = 4;
	} else if (l0 <= 2 && (l2 == 2 || l2 == 4)) {
		d = validate_number(t.c, l0);
		m = validate_number(t.c + l0, l1);
		y = validate_number(t.c + l0 + l1, l2);
		ylen = l2;
	} else {
		goto out;
	}
	if (ylen == 4 && (y < 1900 || y > 2099))
		goto out;
	ok = m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(m, y, ylen == 4);
out:
	return ok;
}
