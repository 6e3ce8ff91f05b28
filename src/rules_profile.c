/* SPDX-License-Identifier: Apache-2.0 */
/* Per-rule cost over a corpus: the tool that tells a pack author which pattern is slow. */
#include <string.h>
#include <time.h>

#include "scan_impl.h"
#include "banned.h"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum pl_status pl_ruleset_profile(const struct pl_ruleset *rs, const char *const *texts,
				  const size_t *lens, size_t n,
				  void (*cb)(const struct pl_rule_cost *c, void *arg), void *arg,
				  struct pl_diag *d)
{
	struct pl_scanner *sc;
	enum pl_status st = PL_OK;
	size_t i, k;

	if (pl_scanner_new(&sc, rs) != PL_OK)
		return PL_ERR_NOMEM;
	for (i = 0; st == PL_OK && i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];
		struct pl_rule_cost c = { .rule_id = r->id };

		if (!r->kind->scan_text)
			continue;
		for (k = 0; st == PL_OK && k < n; k++) {
			struct pl_findings f;
			double t0;

			pl_findings_init(&f);
			if ((st = scan_prepare(sc, texts[k], lens[k])) != PL_OK)
				break;
			c.gate_open += !r->gate.n || pf_gate_open(&r->gate, sc->found);
			t0 = seconds();
			st = scan_caption(sc, "profile", "en", PL_ACCOUNT_PRIVATE, NULL, (long)i, &f, d);
			c.seconds += seconds() - t0;
			c.findings += f.len;
			pl_findings_release(&f);
		}
		if (st == PL_OK)
			cb(&c, arg);
	}
	pl_scanner_free(&sc);
	return st;
}
