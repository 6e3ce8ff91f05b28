/* SPDX-License-Identifier: Apache-2.0 */
/* Phone number validators for the Netherlands, Belgium, France and the United Kingdom: the digit
 * count and prefix of each number type, in national (0...) or international (+31, 0031, ...)
 * form. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "validate_util.h"
#include "banned.h"

#define PHONE_MAX_INPUT 32  /* "+31 (0)20 123 45 67" is 19 */
#define PHONE_MAX_DIGITS 20 /* more than any country code, trunk 0 and number */

/*
 * A country's numbering plan: its calling code, a test of the national significant number (the
 * digits after the trunk 0 or the country code), and numbers that are never a finding.
 */
struct phone_plan {
	const char *cc;
	bool (*nsn_ok)(const char *s, size_t n);
	const char *const *public_numbers; /* NSNs, NULL-terminated */
};

/*
 * The Netherlands: 9 digits for geographic, mobile (06 + 8 digits), 084/085/087/088/091 and the
 * like; 0800/0900/0906/0909 service numbers have 4 or 7 digits after the prefix. 097 (12-digit
 * machine numbers) is no person's.
 */
static bool phone_nl_nsn(const char *s, size_t n)
{
	bool ok;

	if (n >= 3 && (memcmp(s, "800", 3) == 0 || memcmp(s, "900", 3) == 0 ||
		       memcmp(s, "906", 3) == 0 || memcmp(s, "909", 3) == 0))
		ok = n == 7 || n == 10;
	else
		ok = n == 9 && s[0] != '0' && memcmp(s, "97", 2) != 0;
	return ok;
}

/* Belgium: mobile 04[5-9]x + 6 digits (9 digits); landline and service numbers 8 digits. */
static bool phone_be_nsn(const char *s, size_t n)
{
	bool mobile = n >= 2 && s[0] == '4' && s[1] >= '5';

	return (n == 9 && mobile) || (n == 8 && s[0] != '0' && !mobile);
}

/* France: 0[1-9] + 8 digits, so 9 digits after the trunk 0. */
static bool phone_fr_nsn(const char *s, size_t n)
{
	return n == 9 && s[0] != '0';
}

/*
 * The United Kingdom: 10 digits after the trunk 0 for geographic (01, 02) and mobile (07) numbers;
 * 070 (personal numbering) and 076 (pagers) are not a person's own line. Freephone, shared-cost
 * and non-geographic numbers (08, 03) are organisations', and 999, 101 and 111 are short.
 */
static bool phone_uk_nsn(const char *s, size_t n)
{
	return n == 10 && (s[0] == '1' || s[0] == '2' || (s[0] == '7' && s[1] != '0' && s[1] != '6'));
}

/*
 * The police's own public numbers are published on purpose and are no finding. The short ones
 * (NL 112, BE 101 and 112, FR 17 and 112) never pass the digit counts above; the long ones are
 * listed: NL 0900-8844 (police, non-emergency) and 0800-7000 (Meld Misdaad Anoniem).
 */
static const char *const phone_nl_public[] = { "9008844", "8007000", NULL };

static const struct phone_plan phone_nl = { "31", phone_nl_nsn, phone_nl_public };
static const struct phone_plan phone_be = { "32", phone_be_nsn, NULL };
static const struct phone_plan phone_fr = { "33", phone_fr_nsn, NULL };
static const struct phone_plan phone_uk = { "44", phone_uk_nsn, NULL };

/*
 * Collects the digits of p into d. Accepts a '+' as first byte, digits, separators (space, '-',
 * '.', '/', or one of the last three with a space on each side) each between a digit or bracket on
 * both sides, and one level of brackets: "(0)6", "(020) 123", "06 - 41 83". The text must end on a
 * digit.
 */
static bool phone_digits(const char *p, size_t len, char *d, size_t *n, bool *plus)
{
	bool ok = false, open = false;
	size_t i;

	*n = 0;
	*plus = p && len > 0 && p[0] == '+';
	if (!p || len == 0 || len > PHONE_MAX_INPUT || !validate_is_digit(p[len - 1]))
		goto out;
	for (i = *plus ? 1 : 0; i < len; i++) {
		char ch = p[i];

		if (validate_is_digit(ch)) {
			if (*n == PHONE_MAX_DIGITS)
				goto out;
			d[(*n)++] = ch;
		} else if (validate_is_sep(ch)) {
			/* One separator, or a '-', '.' or '/' with a space on each side ("06 - 41 83 27
			 * 95"), between digits or brackets. The last byte is a digit, so p[i + 1] (and
			 * p[i + 3] after " - ") exist. */
			size_t run = 1;

			if (ch == ' ' && p[i + 1] != ' ' && validate_is_sep(p[i + 1]) && i + 3 < len &&
			    p[i + 2] == ' ')
				run = 3;
			if (i == 0 || (!validate_is_digit(p[i - 1]) && p[i - 1] != ')') ||
			    (!validate_is_digit(p[i + run]) && p[i + run] != '('))
				goto out;
			i += run - 1;
		} else if (ch == '(' && !open) {
			open = true;
		} else if (ch == ')' && open && i > 0 && validate_is_digit(p[i - 1])) {
			open = false;
		} else {
			goto out;
		}
	}
	ok = !open && *n > 0;
out:
	return ok;
}

/*
 * National form: a trunk 0 then the NSN. International form: '+' or 00, the country code, then
 * the NSN; one 0 right after the country code is dropped, as in "+31 (0)6 ..." (and in the
 * common mistake "+31 06 ...", which still reaches the same person).
 */
static bool phone_valid(const char *p, size_t len, const struct phone_plan *plan)
{
	char d[PHONE_MAX_DIGITS] = { 0 };
	size_t n, at, i;
	bool plus, ok = false;

	if (!phone_digits(p, len, d, &n, &plus))
		goto out;
	if (plus || (n >= 2 && d[0] == '0' && d[1] == '0')) {
		at = plus ? 0 : 2;
		if (n < at + 2 || memcmp(d + at, plan->cc, 2) != 0)
			goto out;
		at += 2;
		if (at < n && d[at] == '0')
			at++;
	} else if (d[0] == '0') {
		at = 1;
	} else {
		goto out;
	}
	if (!plan->nsn_ok(d + at, n - at))
		goto out;
	for (i = 0; plan->public_numbers && plan->public_numbers[i]; i++)
		if (strlen(plan->public_numbers[i]) == n - at &&
		    memcmp(plan->public_numbers[i], d + at, n - at) == 0)
			goto out;
	ok = true;
out:
	return ok;
}

bool validate_phone_nl(const char *p, size_t len)
{
	return phone_valid(p, len, &phone_nl);
}

bool validate_phone_be(const char *p, size_t len)
{
	return phone_valid(p, len, &phone_be);
}

bool validate_phone_fr(const char *p, size_t len)
{
	return phone_valid(p, len, &phone_fr);
}

bool validate_phone_uk(const char *p, size_t len)
{
	return phone_valid(p, len, &phone_uk);
}
