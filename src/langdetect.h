/* SPDX-License-Identifier: Apache-2.0 */
/* Guessing a caption's languages (nl, fr, en) from function words. */
#ifndef PL_LANGDETECT_H
#define PL_LANGDETECT_H

#include <stddef.h>

#define LANGDETECT_MAX 3

/*
 * Fills out (NULL-terminated, at most LANGDETECT_MAX entries, static strings) with the languages
 * of the normalised text p, the most likely first; leaves out[0] NULL when too little text.
 */
void langdetect(const char *p, size_t len, const char *out[LANGDETECT_MAX + 1]);

#endif
