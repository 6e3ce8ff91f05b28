/* SPDX-License-Identifier: Apache-2.0 */
/* Turns unsafe libc calls into compile errors. Include it last, after every system header. */
#ifndef PL_BANNED_H
#define PL_BANNED_H

#define PL_BANNED(func) sorry_##func##_is_banned_in_postlint

#undef strcpy
#define strcpy(x, y) PL_BANNED(strcpy)
#undef strcat
#define strcat(x, y) PL_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) PL_BANNED(strncpy)
#undef sprintf
#define sprintf(...) PL_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) PL_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) PL_BANNED(strtok)
#undef atoi
#define atoi(x) PL_BANNED(atoi)
#undef gets
#define gets(x) PL_BANNED(gets)

#endif
