/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: normalisation, the prefilter and every text rule kind over arbitrary bytes.
 * POSTLINT_FUZZ_RULES names the rules file (tests/rules/core.json); with
 * POSTLINT_FUZZ_STRICT=1 a pattern that hits its match or depth limit aborts too, to find the
 * captions on which a shipped pack would report an error instead of findings:
 *   FUZZ_TARGETS=fuzz_caption POSTLINT_FUZZ_RULES=$PWD/rules/default.json \
 *   POSTLINT_FUZZ_STRICT=1 sh tests/fuzz/libfuzzer.sh */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "postlint/postlint.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct pl_ruleset *rs;
static struct pl_scanner *sc;
static int strict;

static void release(void)
{
	pl_scanner_free(&sc);
	pl_ruleset_free(&rs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_findings f;
	struct pl_scan_options o;
	struct pl_diag d;
	struct pl_buf b;
	struct pl_reporter *rep;
	struct pl_result res = { .path = "fuzz", .text_path = "fuzz" };

	if (!rs) {
		const char *path = getenv("POSTLINT_FUZZ_RULES");

		if (pl_ruleset_load(&rs, path ? path : "tests/rules/core.json", NULL, &d) != PL_OK ||
		    pl_scanner_new(&sc, rs) != PL_OK)
			abort();
		atexit(release);
		strict = getenv("POSTLINT_FUZZ_STRICT") != NULL;
	}
	pl_findings_init(&f);
	pl_scan_options_init(&o);
	if (pl_scanner_text(sc, "fuzz", (const char *)data, size, &o, &f, &d) == PL_ERR_MATCH &&
	    strict)
		abort();
	/* and render them: excerpts and escaping see the same bytes */
	res.text = (const char *)data;
	res.text_len = size;
	res.findings = &f;
	pl_buf_init(&b);
	if (pl_reporter_new(&rep, "text", NULL, &d) == PL_OK) {
		pl_reporter_post(rep, &res, &b);
		pl_reporter_free(&rep);
	}
	pl_buf_release(&b);
	pl_findings_release(&f);
	return 0;
}
