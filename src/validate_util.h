/* SPDX-License-Identifier: Apache-2.0 */
/* Private to the validators: the shared tokenizer that splits matched text into groups of
 * alphanumerics, and the validator functions the table in validators.c points at. */
#ifndef PL_VALIDATE_UTIL_H
#define PL_VALIDATE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* No validator looks at more than this many input bytes; each sets its own, lower bound. */
#define VALIDATE_MAX_INPUT 64
/* More groups than this is never a number or a plate (an IBAN in blocks of 4 has 9). */
#define VALIDATE_MAX_GROUPS 12

/*
 * The matched text reduced to its alphanumerics (ASCII, lower case, NUL-terminated), with the
 * places where separators split it into groups. Group i is c[start(i) .. end[i]), where start(0)
 * is 0 and start(i) is end[i - 1].
 */
struct vtext {
	char c[VALIDATE_MAX_INPUT + 1];
	size_t n;
	size_t end[VALIDATE_MAX_GROUPS];
	size_t ngroups;
	char sep;   /* the separator between groups, 0 when there is one group */
	bool mixed; /* groups are split by more than one kind of separator */
};

static inline bool validate_is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static inline bool validate_is_letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static inline bool validate_is_sep(char ch)
{
	return ch == ' ' || ch == '-' || ch == '.' || ch == '/';
}

static inline size_t validate_group_start(const struct vtext *t, size_t i)
{
	return i == 0 ? 0 : t->end[i - 1];
}

static inline size_t validate_group_len(const struct vtext *t, size_t i)
{
	return t->end[i] - validate_group_start(t, i);
}

/*
 * Splits p (len bytes) into t. Fails when len is 0 or above max_len (itself at most
 * VALIDATE_MAX_INPUT), on any byte that is neither an ASCII letter, a digit nor a separator
 * (space, '-', '.', '/'), on a separator at either end, and on two separators in a row: the
 * matched text of a real instance is tight.
 */
bool validate_split(const char *p, size_t len, size_t max_len, struct vtext *t);
/* True when every character of t is a digit. */
bool validate_all_digits(const struct vtext *t);
/* The value of the n digits at s (n at most 9). */
unsigned long validate_number(const char *s, size_t n);

/* The validators, one per row of the table in validators.c. */
bool validate_iban(const char *p, size_t len);
bool validate_bsn(const char *p, size_t len);
bool validate_be_nrn(const char *p, size_t len);
bool validate_fr_nir(const char *p, size_t len);
bool validate_luhn(const char *p, size_t len);
bool validate_date(const char *p, size_t len);
bool validate_plate_nl(const char *p, size_t len);
bool validate_plate_be(const char *p, size_t len);
bool validate_plate_fr(const char *p, size_t len);
bool validate_plate_de(const char *p, size_t len);
bool validate_plate_lu(const char *p, size_t len);
bool validate_plate_uk(const char *p, size_t len);
bool validate_phone_nl(const char *p, size_t len);
bool validate_phone_be(const char *p, size_t len);
bool validate_phone_fr(const char *p, size_t len);
bool validate_phone_uk(const char *p, size_t len);

#endif
