/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the validators table: one row per (validator, input, expected), real
 * checksum-valid numbers and the near misses officers write. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "validators.h"
#include "banned.h"

struct vcase {
	const char *validator;
	const char *input;
	bool want;
};

#define Y true
#define N false

static const struct vcase cases[] = {
	/* IBAN: registry examples and well-known test accounts. */
	{ "iban", "nl91abna0417164300", Y },
	{ "iban", "NL91 ABNA 0417 1643 00", Y },
	{ "iban", "be68539007547034", Y },
	{ "iban", "be68 5390 0754 7034", Y },
	{ "iban", "fr14 2004 1010 0505 0001 3m02 606", Y },
	{ "iban", "de89370400440532013000", Y },
	{ "iban", "de89-3704-0044-0532-0130-00", Y },
	{ "iban", "lu280019400644750000", Y },
	{ "iban", "es9121000418450200051332", Y },
	{ "iban", "it60x0542811101000000123456", Y },
	{ "iban", "gb29nwbk60161331926819", Y },
	{ "iban", "at611904300234573201", Y },
	{ "iban", "ch9300762011623852957", Y },
	{ "iban", "no9386011117947", Y },
	{ "iban", "mt84malt011000012345mtlcast001s", Y },
	{ "iban", "nl02abna0417164350", Y },
	{ "iban", "nl92abna0417164300", N },      /* check digits off by one */
	{ "iban", "nl91abna0417164301", N },      /* last digit off by one */
	{ "iban", "nl99abna0417164350", N },      /* 99 passes mod 97 like 02, but is no check */
	{ "iban", "FR76 0000 0000 0000 0000 0000 000", N }, /* key right, account of zeros */
	{ "iban", "NL85 ABNA 0000 0000 00", N },  /* the bank's letters, an account of zeros */
	{ "iban", "nl91abna041716430", N },       /* one short for NL */
	{ "iban", "nl91abna04171643000", N },     /* one long for NL */
	{ "iban", "nl91ab1a0417164300", N },      /* NL bank code is 4 letters */
	{ "iban", "nl91abna04171643o0", N },      /* letter o for zero */
	{ "iban", "xx91abna0417164300", N },      /* no such country */
	{ "iban", "nl91 abna 0417 1643 00 ", N }, /* trailing separator */
	{ "iban", "nl91  abna 0417 1643 00", N }, /* doubled separator */
	{ "iban", "nl91:abna:0417:1643:00", N },
	{ "iban", "2024", N },
	{ "iban", "covid-19", N },
	{ "iban", "abc-1234-xyz", N },
	{ "iban", "", N },

	/* Dutch BSN. */
	{ "bsn", "111222333", Y },
	{ "bsn", "123456782", Y },
	{ "bsn", "1234.56.782", Y },
	{ "bsn", "123 456 782", Y },
	{ "bsn", "628194821", Y },
	{ "bsn", "252760189", Y },
	{ "bsn", "079244026", Y },
	{ "bsn", "48525388", Y }, /* 8 digits: 048525388 */
	{ "bsn", "385280841", Y },
	{ "bsn", "111222334", N },
	{ "bsn", "123456783", N },
	{ "bsn", "000000000", N },
	{ "bsn", "12345678", N },   /* 012345678 fails the 11-proof */
	{ "bsn", "1234567820", N }, /* 10 digits */
	{ "bsn", "1234567", N },
	{ "bsn", "123456782 ", N },
	{ "bsn", "12345678a", N },
	{ "bsn", "112", N },
	{ "bsn", "2024", N },
	{ "bsn", "14:30", N },
	{ "bsn", "", N },

	/* Belgian national register number. */
	{ "be_nrn", "85073003328", Y },
	{ "be_nrn", "85.07.30-033.28", Y },
	{ "be_nrn", "85 07 30 033 28", Y },
	{ "be_nrn", "17073003384", Y },     /* born 2017: '2' prefixed */
	{ "be_nrn", "05.02.29-002.52", Y }, /* 29 Feb 2005 is no date; checksum rules */
	{ "be_nrn", "72123199856", Y },
	{ "be_nrn", "60242012326", Y },     /* bis number, month + 20 */
	{ "be_nrn", "85000004591", Y },     /* unknown birth date */
	{ "be_nrn", "01450111724", Y },     /* bis number, month + 40, born 2001 */
	{ "be_nrn", "90010100123", Y },
	{ "be_nrn", "85073003329", N },     /* check digits off by one */
	{ "be_nrn", "85073003428", N },     /* serial changed */
	{ "be_nrn", "85133003370", N },     /* month 13, valid key */
	{ "be_nrn", "85193003315", N },     /* month 19, valid key */
	{ "be_nrn", "85073203365", N },     /* day 32, valid key */
	{ "be_nrn", "85073000061", N },     /* serial 000, valid key */
	{ "be_nrn", "85073099932", N },     /* serial 999, valid key */
	{ "be_nrn", "8507300332", N },
	{ "be_nrn", "850730033280", N },
	{ "be_nrn", "85.07.30-033.28.", N },
	{ "be_nrn", "112", N },
	{ "be_nrn", "2024", N },
	{ "be_nrn", "", N },

	/* French NIR. */
	{ "fr_nir", "184127645108946", Y },
	{ "fr_nir", "1 84 12 76 451 089 46", Y },
	{ "fr_nir", "295109912611193", Y },
	{ "fr_nir", "2 95 10 99 126 111 93", Y },
	{ "fr_nir", "253072b07300470", Y },      /* Corsica 2b counts as 18 */
	{ "fr_nir", "2 53 07 2a 073 004 43", Y }, /* Corsica 2a counts as 19 */
	{ "fr_nir", "253072A07300443", Y },
	{ "fr_nir", "169057511507721", Y },
	{ "fr_nir", "301019999900156", Y },
	{ "fr_nir", "785127505612394", Y },
	{ "fr_nir", "899109900100162", Y },
	{ "fr_nir", "455071305501254", Y },
	{ "fr_nir", "184127645108947", N },       /* key off by one */
	{ "fr_nir", "253072a07300470", N },       /* 2a with 2b's key */
	{ "fr_nir", "253072c07300443", N },
	{ "fr_nir", "584127645108940", N },       /* sex digit 5, valid key */
	{ "fr_nir", "084127645108996", N },       /* sex digit 0, valid key */
	{ "fr_nir", "18412764510894", N },
	{ "fr_nir", "1841276451089466", N },
	{ "fr_nir", "1 84 12 76 451 089 46-", N },
	{ "fr_nir", "18412764510894a", N },
	{ "fr_nir", "2024", N },
	{ "fr_nir", "14:30", N },
	{ "fr_nir", "", N },

	/* Luhn: card industry test numbers. */
	{ "luhn", "4111111111111111", Y },
	{ "luhn", "4111 1111 1111 1111", Y },
	{ "luhn", "4111-1111-1111-1111", Y },
	{ "luhn", "5555555555554444", Y },
	{ "luhn", "378282246310005", Y },
	{ "luhn", "6011111111111117", Y },
	{ "luhn", "35301113333000001", Y },
	{ "luhn", "6304900177400299", Y },
	{ "luhn", "123456789015", Y },        /* 12 digits */
	{ "luhn", "4012888888881881235", Y }, /* 19 digits */
	{ "luhn", "4111111111111112", N },
	{ "luhn", "4111111111111121", N },    /* two digits swapped */
	{ "luhn", "0000000000000000", N },
	{ "luhn", "40128888888818811230", N }, /* 20 digits, Luhn-valid */
	{ "luhn", "79927398713", N },          /* 11 digits, Luhn-valid */
	{ "luhn", "4111 1111 1111 1111 ", N },
	{ "luhn", "4111 1111 1111 111a", N },
	{ "luhn", "112", N },
	{ "luhn", "2024", N },
	{ "luhn", "", N },

	/* Dates. */
	{ "date", "12-03-2024", Y },
	{ "date", "12/03/2024", Y },
	{ "date", "12.03.2024", Y },
	{ "date", "1-3-24", Y },
	{ "date", "2024-03-12", Y },
	{ "date", "29-02-2024", Y },
	{ "date", "29/02/2000", Y },
	{ "date", "29-2-00", Y },
	{ "date", "31-12-1999", Y },
	{ "date", "2099-12-31", Y },
	{ "date", "1900-01-01", Y },
	{ "date", "29-02-2023", N },
	{ "date", "29-02-1900", N },
	{ "date", "31-04-2024", N },
	{ "date", "32-01-2024", N },
	{ "date", "12-13-2024", N },
	{ "date", "00-01-2024", N },
	{ "date", "12-03-1899", N },
	{ "date", "12-03-2100", N },
	{ "date", "12-03/2024", N }, /* mixed separators */
	{ "date", "12 03 2024", N },
	{ "date", "12-03-202", N },
	{ "date", "12-03-2024-", N },
	{ "date", "12032024", N },
	{ "date", "1-2-3", N },
	{ "date", "14:30", N },
	{ "date", "2024", N },
	{ "date", "", N },

	/* Dutch plates: every sidecode, then near misses. */
	{ "plate_nl", "45.nb.17", Y },  /* dots, as some officers write them */
	{ "plate_nl", "45.nb-17", N },  /* mixed separators */
	{ "plate_nl", "45.nb17", N },   /* a separator missing */
	{ "plate_nl", "12.34.56", N },  /* a date or a version, no letters */
	{ "plate_nl", "ab-12-34", Y }, /* 1 */
	{ "plate_nl", "12-34-ab", Y }, /* 2 */
	{ "plate_nl", "12-ab-34", Y }, /* 3 */
	{ "plate_nl", "gb-12-fd", Y }, /* 4 */
	{ "plate_nl", "gb-fd-12", Y }, /* 5 */
	{ "plate_nl", "12-gb-fd", Y }, /* 6 */
	{ "plate_nl", "12-gbd-3", Y }, /* 7 */
	{ "plate_nl", "1-gbd-23", Y }, /* 8 */
	{ "plate_nl", "gb-123-d", Y }, /* 9 */
	{ "plate_nl", "g-123-bd", Y }, /* 10 */
	{ "plate_nl", "gbd-12-d", Y }, /* 11 */
	{ "plate_nl", "g-12-bdf", Y }, /* 12 */
	{ "plate_nl", "1-gb-234", Y }, /* 13 */
	{ "plate_nl", "123-gb-4", Y }, /* 14 */
	{ "plate_nl", "12gbd3", Y },
	{ "plate_nl", "12 gbd 3", Y },
	{ "plate_nl", "12-GBD-3", Y },
	{ "plate_nl", "mf-12-bh", Y }, /* motorcycle */
	{ "plate_nl", "wf-12-bd", Y }, /* trailer */
	{ "plate_nl", "a-12", N },
	{ "plate_nl", "covid-19", N },
	{ "plate_nl", "n201", N },
	{ "plate_nl", "12-gba-3", N },  /* vowel in a modern sidecode */
	{ "plate_nl", "12-gcd-3", N },  /* c */
	{ "plate_nl", "gb-12-md", N },  /* m only as first letter */
	{ "plate_nl", "ac-12-34", N },  /* c not even in 1951 */
	{ "plate_nl", "12-gbd3", N },   /* separators at some breaks only */
	{ "plate_nl", "12.gbd-3", N },  /* two kinds of separator */
	{ "plate_nl", "1-2gbd-3", N },  /* separator off the sidecode's breaks */
	{ "plate_nl", "12.gbd.3", Y },  /* dots at every break */
	{ "plate_nl", "12-gbd-3-", N },
	{ "plate_nl", "12-34-56", N },
	{ "plate_nl", "gb-fd-hj", N },
	{ "plate_nl", "12-gbd-34", N },
	{ "plate_nl", "2024", N },
	{ "plate_nl", "14:30", N },
	{ "plate_nl", "112", N },
	{ "plate_nl", "", N },
	{ "plate_nl", "xx-999-x", N },  /* the placeholder for "a plate" */
	{ "plate_nl", "XX-99-99", N },
	{ "plate_nl", "xb-999-x", Y },  /* one real letter: a plate */

	/* Belgian plates. */
	{ "plate_be", "1-abc-234", Y },
	{ "plate_be", "1abc234", Y },
	{ "plate_be", "1 abc 234", Y },
	{ "plate_be", "1.abc.234", Y },
	{ "plate_be", "2-xyz-999", Y },
	{ "plate_be", "9-AAA-001", Y },
	{ "plate_be", "abc-123", Y },
	{ "plate_be", "abc123", Y },
	{ "plate_be", "123-abc", Y },
	{ "plate_be", "123 abc", Y },
	{ "plate_be", "0-abc-234", N },
	{ "plate_be", "1-ab-234", N },
	{ "plate_be", "1-abc-23", N },
	{ "plate_be", "1-abc234", N },
	{ "plate_be", "1-abc.234", N },
	{ "plate_be", "1/abc/234", N },
	{ "plate_be", "abcd-123", N },
	{ "plate_be", "1-abc-234-", N },
	{ "plate_be", "ab-123-cd", N },
	{ "plate_be", "covid-19", N },
	{ "plate_be", "a12", N },
	{ "plate_be", "2024", N },
	{ "plate_be", "", N },
	{ "plate_be", "1-xxx-000", N }, /* placeholders */
	{ "plate_be", "1-XXX-999", N },
	{ "plate_be", "xxx-123", N },

	/* French plates: SIV, then FNI. */
	{ "plate_fr", "ab-123-cd", Y },
	{ "plate_fr", "ab 123 cd", Y },
	{ "plate_fr", "ab123cd", Y },
	{ "plate_fr", "AB-123-CD", Y },
	{ "plate_fr", "ww-123-ab", Y }, /* temporary series */
	{ "plate_fr", "zz-999-zz", Y },
	{ "plate_fr", "123 abc 75", Y },
	{ "plate_fr", "1234 ab 13", Y },
	{ "plate_fr", "12-ab-2a", Y },
	{ "plate_fr", "1 a 971", Y },
	{ "plate_fr", "123abc75", Y },
	{ "plate_fr", "45 xy 2b", Y },
	{ "plate_fr", "ai-123-cd", N },
	{ "plate_fr", "ab-123-co", N },
	{ "plate_fr", "ub-123-cd", N },
	{ "plate_fr", "ss-123-ab", N },
	{ "plate_fr", "ab-123-ss", N },
	{ "plate_fr", "ab-000-cd", N },
	{ "plate_fr", "ab-123 cd", N },
	{ "plate_fr", "ab.123.cd", N },
	{ "plate_fr", "123 abc 96", N },
	{ "plate_fr", "123 abc 00", N },
	{ "plate_fr", "123 abc 970", N },
	{ "plate_fr", "123 abc 2c", N },
	{ "plate_fr", "0123 ab 75", N },
	{ "plate_fr", "12345 ab 75", N },
	{ "plate_fr", "12 abcd 75", N },
	{ "plate_fr", "123 aic 75", N },
	{ "plate_fr", "123 abc75", N },
	{ "plate_fr", "covid-19", N },
	{ "plate_fr", "2024", N },
	{ "plate_fr", "", N },
	{ "plate_fr", "xx-123-xx", N }, /* placeholders */
	{ "plate_fr", "XX-999-XX", N },
	{ "plate_fr", "1234 xx 75", N },

	/* German plates. */
	{ "plate_de", "b-ab 1234", Y },
	{ "plate_de", "b ab 1234", Y },
	{ "plate_de", "b-ab-1234", Y },
	{ "plate_de", "m-xy123", Y },
	{ "plate_de", "hh-ab 123", Y },
	{ "plate_de", "hh-ab 123h", Y },
	{ "plate_de", "s-ab 12e", Y },
	{ "plate_de", "abc-de 123", Y },
	{ "plate_de", "k-a 1", Y },
	{ "plate_de", "B-AB 1234", Y },
	{ "plate_de", "abc-de 1234", N }, /* 9 characters */
	{ "plate_de", "bab1234", N },     /* district not set off */
	{ "plate_de", "b-ab 0123", N },
	{ "plate_de", "b-abc 123", N },
	{ "plate_de", "abcd-e 1", N },
	{ "plate_de", "b-ab 12345", N },
	{ "plate_de", "b-1234", N },
	{ "plate_de", "b-ab 1234x", N },
	{ "plate_de", "b-ab 12 h", N },
	{ "plate_de", "b-ab1 234", N },
	{ "plate_de", "b.ab.1234", N },
	{ "plate_de", "b-ab 1234 ", N },
	{ "plate_de", "covid-19", N },
	{ "plate_de", "a-12", N },
	{ "plate_de", "2024", N },
	{ "plate_de", "", N },

	/* Luxembourg plates. A bare 4-digit number such as a year fits: rules need context. */
	{ "plate_lu", "ab 1234", Y },
	{ "plate_lu", "ab-1234", Y },
	{ "plate_lu", "ab1234", Y },
	{ "plate_lu", "AB 1234", Y },
	{ "plate_lu", "zx 0001", Y },
	{ "plate_lu", "1234", Y },
	{ "plate_lu", "12345", Y },
	{ "plate_lu", "123456", Y },
	{ "plate_lu", "2024", Y },
	{ "plate_lu", "a 1234", N },
	{ "plate_lu", "abc 1234", N },
	{ "plate_lu", "ab 123", N },
	{ "plate_lu", "ab 12345", N },
	{ "plate_lu", "0123", N },
	{ "plate_lu", "123", N },
	{ "plate_lu", "1234567", N },
	{ "plate_lu", "12 345", N },
	{ "plate_lu", "ab.1234", N },
	{ "plate_lu", "ab 1234 ", N },
	{ "plate_lu", "covid-19", N },
	{ "plate_lu", "14:30", N },
	{ "plate_lu", "", N },
	{ "plate_lu", "xx 1234", N },   /* placeholder */

	/* British plates since 2001: area, age identifier, three letters. */
	{ "plate_uk", "lb19 xkt", Y },
	{ "plate_uk", "LB19XKT", Y },
	{ "plate_uk", "ab02 cde", Y },  /* March 2002, the first March series */
	{ "plate_uk", "ab51 cde", Y },  /* September 2001 */
	{ "plate_uk", "yy79 zzz", Y },  /* Z in the last three */
	{ "plate_uk", "bd26 hjk", Y },  /* March 2026 */
	{ "plate_uk", "bd76 hjk", Y },  /* September 2026 */
	{ "plate_uk", "Wr68 Ovx", Y },  /* mixed case, O in the last three */
	{ "plate_uk", "ab01 cde", N },  /* no such age identifier */
	{ "plate_uk", "ab50 cde", N },
	{ "plate_uk", "ab30 cde", N },  /* beyond 2029 */
	{ "plate_uk", "ab80 cde", N },
	{ "plate_uk", "ib19 cde", N },  /* I is never used */
	{ "plate_uk", "qb19 cde", N },
	{ "plate_uk", "zb19 cde", N },  /* no Z in the area code */
	{ "plate_uk", "ab19 cqe", N },
	{ "plate_uk", "ab19-cde", N },  /* a space or nothing */
	{ "plate_uk", "ab 19 cde", N },
	{ "plate_uk", "ab1 9cde", N },
	{ "plate_uk", "ab19 cd", N },
	{ "plate_uk", "a19 cde", N },
	{ "plate_uk", "xx19 xxx", N },  /* placeholder */
	{ "plate_uk", "mh17", N },
	{ "plate_uk", "", N },

	/* Dutch phone numbers. */
	{ "phone_nl", "0612345678", Y },
	{ "phone_nl", "06-12345678", Y },
	{ "phone_nl", "06 1234 5678", Y },
	{ "phone_nl", "+31612345678", Y },
	{ "phone_nl", "+31 6 12345678", Y },
	{ "phone_nl", "0031 6 12345678", Y },
	{ "phone_nl", "+31 (0)6 12345678", Y },
	{ "phone_nl", "020-1234567", Y },
	{ "phone_nl", "(020) 123 45 67", Y },
	{ "phone_nl", "0800-1234", Y },
	{ "phone_nl", "0900-1234567", Y },
	{ "phone_nl", "+31 20 123 4567", Y },
	{ "phone_nl", "06 - 41 83 27 95", Y },  /* a spaced hyphen */
	{ "phone_nl", "020 / 123 45 67", Y },
	{ "phone_nl", "0900-8844", N }, /* police, non-emergency */
	{ "phone_nl", "09008844", N },
	{ "phone_nl", "+31 900 8844", N },
	{ "phone_nl", "0800-7000", N }, /* Meld Misdaad Anoniem */
	{ "phone_nl", "112", N },
	{ "phone_nl", "061234567", N },
	{ "phone_nl", "06123456789", N },
	{ "phone_nl", "0970 1234 5678", N },
	{ "phone_nl", "0800-123", N },
	{ "phone_nl", "+32 470 12 34 56", N },
	{ "phone_nl", "0612345678 ", N },
	{ "phone_nl", "06-1234567a", N },
	{ "phone_nl", "(06 12345678", N },
	{ "phone_nl", "06--12345678", N },
	{ "phone_nl", "06 -- 12345678", N },
	{ "phone_nl", "06  - 12345678", N },
	{ "phone_nl", "06 - - 12345678", N },
	{ "phone_nl", "06 -12345678 ", N },
	{ "phone_nl", "+ 31 6 12345678", N },
	{ "phone_nl", "2024", N },
	{ "phone_nl", "14:30", N },
	{ "phone_nl", "", N },

	/* Belgian phone numbers. */
	{ "phone_be", "0470 12 34 56", Y },
	{ "phone_be", "0470/12.34.56", Y },
	{ "phone_be", "+32 470 12 34 56", Y },
	{ "phone_be", "0032 470 123456", Y },
	{ "phone_be", "+32 (0)470 12 34 56", Y },
	{ "phone_be", "02 123 45 67", Y },
	{ "phone_be", "02/123.45.67", Y },
	{ "phone_be", "+32 2 123 45 67", Y },
	{ "phone_be", "09 123 45 67", Y },
	{ "phone_be", "0800 12 345", Y },
	{ "phone_be", "101", N },
	{ "phone_be", "112", N },
	{ "phone_be", "0470 12 34 5", N },
	{ "phone_be", "0470 12 34 567", N },
	{ "phone_be", "0412 34 56 78", N }, /* 10 digits but no mobile prefix */
	{ "phone_be", "047 12 34 56", N },  /* 9 digits with a mobile prefix */
	{ "phone_be", "+31 470 12 34 56", N },
	{ "phone_be", "0470 12 34 56 ", N },
	{ "phone_be", "0470-12-34-5x", N },
	{ "phone_be", "2024", N },
	{ "phone_be", "", N },

	/* French phone numbers. */
	{ "phone_fr", "06 12 34 56 78", Y },
	{ "phone_fr", "0612345678", Y },
	{ "phone_fr", "06.12.34.56.78", Y },
	{ "phone_fr", "+33 6 12 34 56 78", Y },
	{ "phone_fr", "+33612345678", Y },
	{ "phone_fr", "0033 6 12 34 56 78", Y },
	{ "phone_fr", "+33 (0)6 12 34 56 78", Y },
	{ "phone_fr", "01 23 45 67 89", Y },
	{ "phone_fr", "09-87-65-43-21", Y },
	{ "phone_fr", "0800 123 456", Y },
	{ "phone_fr", "17", N },
	{ "phone_fr", "112", N },
	{ "phone_fr", "06 12 34 56 7", N },
	{ "phone_fr", "06 12 34 56 789", N },
	{ "phone_fr", "00 12 34 56 78", N },
	{ "phone_fr", "+32 6 12 34 56 78", N },
	{ "phone_fr", "06 12 34 56 78 ", N },
	{ "phone_fr", "06-12-34-56-7a", N },
	{ "phone_fr", "2024", N },
	{ "phone_fr", "14:30", N },
	{ "phone_fr", "", N },

	/* British phone numbers. */
	{ "phone_uk", "07700 900123", Y },
	{ "phone_uk", "07700900123", Y },
	{ "phone_uk", "+44 7700 900123", Y },
	{ "phone_uk", "+44 (0)7700 900123", Y },
	{ "phone_uk", "0044 7700 900123", Y },
	{ "phone_uk", "020 7946 0018", Y },
	{ "phone_uk", "0161 496 0000", Y },
	{ "phone_uk", "01632 960123", Y },
	{ "phone_uk", "0800 555 111", N },  /* Crimestoppers: freephone */
	{ "phone_uk", "0300 123 1212", N }, /* non-geographic */
	{ "phone_uk", "07000 123456", N },  /* personal numbering */
	{ "phone_uk", "07624 123456", N },  /* pagers' range */
	{ "phone_uk", "999", N },
	{ "phone_uk", "101", N },
	{ "phone_uk", "06 12345678", N },   /* Dutch mobile */
	{ "phone_uk", "07 81 22 33 44", N }, /* French mobile: 9 digits after the 0 */
	{ "phone_uk", "01 23 45 67 89", N },
	{ "phone_uk", "+33 7700 900123", N },
	{ "phone_uk", "07700 90012", N },
	{ "phone_uk", "07700 9001234", N },
	{ "phone_uk", "", N },
};

/* Runs fn on an exact-size heap copy of s[0..len), so a read past the end trips ASan. */
static bool run_exact(validator_fn fn, const char *s, size_t len)
{
	char *copy = malloc(len ? len : 1);
	bool got = false;

	if (!copy)
		goto out;
	memcpy(copy, s, len);
	got = fn(copy, len);
out:
	free(copy);
	return got;
}

static void test_cases(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		const struct vcase *c = &cases[i];
		const struct validator *v = validators_find(c->validator, strlen(c->validator));

		CHECK(v != NULL, "unknown validator '%s'", c->validator);
		if (!v)
			continue;
		CHECK(run_exact(v->fn, c->input, strlen(c->input)) == c->want, "%s('%s') should be %s",
		      c->validator, c->input, c->want ? "true" : "false");
	}
}

/* Every validator: at least 8 rows each way; NULL, empty and oversized input are false. */
static void test_every_validator(void)
{
	char big[4096];
	size_t n, i, j;
	const struct validator *t = validators_table(&n);

	memset(big, '1', sizeof(big));
	CHECK(n == 16, "table has %zu rows", n);
	for (i = 0; i < n; i++) {
		size_t yes = 0, no = 0;

		for (j = 0; j < ARRAY_LEN(cases); j++) {
			if (strcmp(cases[j].validator, t[i].name) == 0) {
				yes += cases[j].want;
				no += !cases[j].want;
			}
		}
		CHECK(yes >= 8 && no >= 8, "%s: %zu valid and %zu invalid rows", t[i].name, yes, no);
		CHECK(t[i].summary && t[i].summary[0], "%s has no summary", t[i].name);
		CHECK(!t[i].fn(NULL, 0), "%s(NULL, 0)", t[i].name);
		CHECK(!t[i].fn(NULL, 5), "%s(NULL, 5)", t[i].name);
		CHECK(!run_exact(t[i].fn, "", 0), "%s(\"\", 0)", t[i].name);
		CHECK(!run_exact(t[i].fn, big, sizeof(big)), "%s(4096 digits)", t[i].name);
		CHECK(!run_exact(t[i].fn, big, 65), "%s(65 digits)", t[i].name);
		CHECK(validators_find(t[i].name, strlen(t[i].name)) == &t[i], "find '%s'", t[i].name);
	}
}

/* The validators read only [p, p + len): a valid prefix of a longer buffer still validates. */
static void test_bounds(void)
{
	static const struct {
		const char *validator, *text;
		size_t len;
	} rows[] = {
		{ "iban", "nl91abna0417164300xyz", 18 },
		{ "bsn", "1112223339", 9 },
		{ "luhn", "41111111111111110", 16 },
		{ "date", "12-03-20245", 10 },
		{ "plate_nl", "12-gbd-3-4", 8 },
		{ "phone_nl", "061234567890", 10 },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		const struct validator *v = validators_find(rows[i].validator, strlen(rows[i].validator));

		CHECK(v && run_exact(v->fn, rows[i].text, rows[i].len), "%s: prefix of '%s'",
		      rows[i].validator, rows[i].text);
		CHECK(v && !run_exact(v->fn, rows[i].text, strlen(rows[i].text)), "%s: whole '%s'",
		      rows[i].validator, rows[i].text);
	}
}

static const char *name_of(const struct validator *v)
{
	return v ? v->name : "(none)";
}

static void test_find(void)
{
	CHECK_STR(name_of(validators_find("iban", 4)), "iban", "find iban");
	/* len-bounded: only "iban" of "ibanx" is looked at */
	CHECK_STR(name_of(validators_find("ibanx", 4)), "iban", "find len-bounded");
	CHECK_STR(name_of(validators_find("plate_nl", 8)), "plate_nl", "find plate_nl");
	CHECK(validators_find("plate", 5) == NULL, "prefix of a name");
	CHECK(validators_find("iban ", 5) == NULL, "name with trailing space");
	CHECK(validators_find("IBAN", 4) == NULL, "names are exact");
	CHECK(validators_find("", 0) == NULL, "empty name");
	CHECK(validators_find(NULL, 0) == NULL, "NULL name");
}

int main(void)
{
	test_cases();
	test_every_validator();
	test_bounds();
	test_find();
	TEST_DONE();
}
