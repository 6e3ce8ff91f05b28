/* SPDX-License-Identifier: Apache-2.0 */
/* Named checksum and format validators that rules reference with "validate": a table in C. */
#ifndef PL_VALIDATORS_H
#define PL_VALIDATORS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A validator gets the matched text (normalised: lower case, no accents, dashes as '-'; not
 * NUL-terminated) and says whether it is a real instance: a valid checksum, a plate format that
 * exists. Separators (space, '-', '.', '/') are the validator's to skip.
 */
typedef bool (*validator_fn)(const char *p, size_t len);

struct validator {
	const char *name;    /* as written in rules files: "iban", "plate_nl", ... */
	validator_fn fn;
	const char *summary; /* one line for 'postlint rules list --validators' */
};

/* The validator named name (len bytes), or NULL. */
const struct validator *validators_find(const char *name, size_t len);
/* The whole table; *n receives its length. */
const struct validator *validators_table(size_t *n);

#endif
