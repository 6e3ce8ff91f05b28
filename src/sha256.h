/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 (FIPS 180-4): fingerprints of findings for suppressions and baselines. */
#ifndef PL_SHA256_H
#define PL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN 64

struct sha256 {
	uint32_t h[8];
	uint64_t total;        /* bytes hashed so far */
	unsigned char block[64];
	size_t fill;           /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *p, size_t len);
void sha256_final(struct sha256 *s, unsigned char out[SHA256_DIGEST_LEN]);
/* One call: hex digest of [p, p+len) into out (65 bytes: 64 lowercase hex digits and a NUL). */
void sha256_hex(const void *p, size_t len, char out[SHA256_HEX_LEN + 1]);
/* Lowercase hex of a finished digest into out (65 bytes). */
void sha256_to_hex(const unsigned char d[SHA256_DIGEST_LEN], char out[SHA256_HEX_LEN + 1]);

#endif
