/* SPDX-License-Identifier: Apache-2.0 */
/* From an OCR reading to a licence plate number: separators normalised, the usual confusions
 * (O/0, I/1, B/8, S/5, Z/2, G/6) undone one at a time, checked with the plate validators. */
#ifndef PL_PLATE_TEXT_H
#define PL_PLATE_TEXT_H

#include <stddef.h>

#define PLATE_TEXT_MAX 16 /* characters of a reading considered, separators included */
#define PLATE_TEXT_MIN 5  /* letters and digits a reading needs: shorter ones validate by chance */

/*
 * Finds the country whose plate validator accepts read (UTF-8 from OCR; anything not a letter
 * or digit counts as a separator), trying the reading as written, with '-' or no separators,
 * without a stray first or last character standing apart, and with one confusable character
 * swapped. Readings of fewer than PLATE_TEXT_MIN letters and digits are refused. On a
 * match, out (size len) gets the plate in capitals, its groups split by one space (joined when
 * read without separators), and the country's code
 * ("nl", "be", "fr", "de", "lu"; static) is returned; otherwise NULL and out is empty.
 * Luxembourg's all-digit plates are not accepted: any number would pass.
 */
const char *plate_text_match(const char *read, char *out, size_t len);

#endif
