/* SPDX-License-Identifier: Apache-2.0 */
/* The table of named validators that rules reference with "validate", its lookup, and the
 * tokenizer every validator starts from. */
#include "validators.h"

#include <assert.h>
#include <string.h>

#include "validate_util.h"
#include "banned.h"

static const struct validator validators[] = {
	{ "iban", validate_iban, "IBAN (ISO 13616): country length, BBAN layout, mod-97 check, an account not all zeros" },
	{ "bsn", validate_bsn, "Dutch BSN: 9 digits (8 with a leading 0 dropped), 11-proof" },
	{ "be_nrn", validate_be_nrn, "Belgian national register number: 11 digits, mod-97 key" },
	{ "fr_nir", validate_fr_nir, "French NIR (social security number): 13 + 2-digit mod-97 key" },
	{ "luhn", validate_luhn, "12 to 19 digits passing the Luhn check (payment cards)" },
	{ "date", validate_date, "calendar date d-m-yy(yy), yyyy-m-d with '-', '/' or '.'" },
	{ "plate_nl", validate_plate_nl, "Dutch licence plate, sidecodes 1 to 14" },
	{ "plate_be", validate_plate_be, "Belgian licence plate: 1-abc-234, abc-123, 123-abc" },
	{ "plate_fr", validate_plate_fr, "French licence plate: SIV ab-123-cd, FNI 123 abc 75" },
	{ "plate_de", validate_plate_de, "German licence plate: b-ab 1234, optional e/h suffix" },
	{ "plate_lu", validate_plate_lu, "Luxembourg licence plate: ab 1234 or 4 to 6 digits" },
	{ "plate_uk", validate_plate_uk, "British licence plate since 2001: ab12 cde" },
	{ "phone_nl", validate_phone_nl, "Dutch phone number, national or +31, not police lines" },
	{ "phone_be", validate_phone_be, "Belgian phone number, national or +32" },
	{ "phone_fr", validate_phone_fr, "French phone number, national or +33" },
	{ "phone_uk", validate_phone_uk, "British geographic or mobile number, national or +44" },
};

const struct validator *validators_find(const char *name, size_t len)
{
	const struct validator *found = NULL;
	size_t i;

	if (!name)
		goto out;
	for (i = 0; i < sizeof(validators) / sizeof(validators[0]); i++) {
		if (strlen(validators[i].name) == len && memcmp(validators[i].name, name, len) == 0) {
			found = &validators[i];
			break;
		}
	}
out:
	return found;
}

const struct validator *validators_table(size_t *n)
{
	if (n)
		*n = sizeof(validators) / sizeof(validators[0]);
	return validators;
}

/* Records the end of the current group and the separator that closed it. */
static bool split_close_group(struct vtext *t, char sep)
{
	bool ok = false;

	if (t->ngroups + 1 >= VALIDATE_MAX_GROUPS)
		goto out;
	t->end[t->ngroups++] = t->n;
	if (t->sep && t->sep != sep)
		t->mixed = true;
	t->sep = sep;
	ok = true;
out:
	return ok;
}

bool validate_split(const char *p, size_t len, size_t max_len, struct vtext *t)
{
	bool ok = false;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (!p || len == 0 || len > max_len || max_len > VALIDATE_MAX_INPUT)
		goto out;
	for (i = 0; i < len; i++) {
		char ch = p[i];

		if (validate_is_sep(ch)) {
			/* No separator first, last, or doubled: each one ends a non-empty group. */
			if (i == 0 || i + 1 == len || validate_is_sep(p[i - 1]))
				goto out;
			if (!split_close_group(t, ch))
				goto out;
		} else if (validate_is_digit(ch) || validate_is_letter(ch)) {
			t->c[t->n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
		} else {
			goto out;
		}
	}
	t->end[t->ngroups++] = t->n;
	t->c[t->n] = '\0';
	ok = true;
out:
	return ok;
}

bool validate_all_digits(const struct vtext *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!validate_is_digit(t->c[i]))
			break;
	return i == t->n;
}

unsigned long validate_number(const char *s, size_t n)
{
	unsigned long v = 0;
	size_t i;

	assert(n <= 9);
	for (i = 0; i < n; i++)
		v = v * 10 + (unsigned long)(s[i] - '0');
	return v;
}
