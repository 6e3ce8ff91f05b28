/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 against the FIPS 180-4 / NIST test vectors, fed whole and in awkward pieces. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sha256.h"
#include "banned.h"

struct vec {
	const char *msg;
	size_t repeat;      /* msg is fed this many times */
	const char *hex;
};

static const struct vec vecs[] = {
	{ "", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
	  "klmnopqrlmnopqrsmnopqrstnopqrstu", 1,
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	{ "a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
	{ "The quick brown fox jumps over the lazy dog", 1,
	  "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592" },
	/* 55, 56 and 64 bytes: the padding's edge cases (digests from coreutils' sha256sum). */
	{ "0123456789012345678901234567890123456789012345678901234", 1,
	  "f34d5a0f80c0cbf84c8c0b90218c22637abd199965249da736a20143c8c9c9d9" },
	{ "01234567890123456789012345678901234567890123456789012345", 1,
	  "83aa034bda83e458a0dc9cbce0d4e354716aa0ff770ed37ac0ed2b292052e4af" },
	{ "0123456789012345678901234567890123456789012345678901234567890123", 1,
	  "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56" },
};

int main(void)
{
	char buf[SHA256_HEX_LEN + 1], ctx[96];
	char *hex = buf;
	size_t i, k;

	for (i = 0; i < ARRAY_LEN(vecs); i++) {
		struct sha256 s;
		unsigned char d[SHA256_DIGEST_LEN];
		size_t len = strlen(vecs[i].msg);

		snprintf(ctx, sizeof(ctx), "vector %zu (%zu x %zu bytes)", i, vecs[i].repeat, len);
		sha256_init(&s);
		for (k = 0; k < vecs[i].repeat; k++)
			sha256_update(&s, vecs[i].msg, len);
		sha256_final(&s, d);
		sha256_to_hex(d, hex);
		CHECK_STR(hex, vecs[i].hex, ctx);
		if (vecs[i].repeat == 1) {
			/* Byte by byte, then in 7-byte pieces: the block buffering must not matter. */
			sha256_init(&s);
			for (k = 0; k < len; k++)
				sha256_update(&s, vecs[i].msg + k, 1);
			sha256_final(&s, d);
			sha256_to_hex(d, hex);
			CHECK_STR(hex, vecs[i].hex, ctx);
			sha256_init(&s);
			for (k = 0; k < len; k += 7)
				sha256_update(&s, vecs[i].msg + k, len - k < 7 ? len - k : 7);
			sha256_final(&s, d);
			sha256_to_hex(d, hex);
			CHECK_STR(hex, vecs[i].hex, ctx);
			sha256_hex(vecs[i].msg, len, hex);
			CHECK_STR(hex, vecs[i].hex, ctx);
		}
	}
	TEST_DONE();
}
