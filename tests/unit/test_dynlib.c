/* SPDX-License-Identifier: Apache-2.0 */
/* Libraries loaded on first use: a real library and symbol (libm's cos), a missing library and
 * a missing symbol, each with the message a user sees; the outcome is kept for later calls. */
#include <math.h>
#include <string.h>

#include "dynlib.h"
#include "harness.h"
#include "banned.h"

static double (*my_cos)(double);
static void (*my_nothing)(void);

struct row {
	const char *what;
	const char *sonames[3];
	const char *sym;
	void *slot;
	enum pl_status want;
	const char *msg; /* in the diagnostic when it fails */
};

int main(void)
{
	static const struct row rows[] = {
		{ "libm", { "libm.so.6", NULL }, "cos", &my_cos, PL_OK, NULL },
		{ "fallback", { "libpostlint-none.so.9", "libm.so.6", NULL }, "cos", &my_cos, PL_OK,
		  NULL },
		{ "missing", { "libpostlint-none.so.9", NULL }, "cos", &my_cos, PL_ERR_IO,
		  "cannot load missing ('libpostlint-none.so.9'): " },
		{ "nosym", { "libm.so.6", NULL }, "postlint_no_such_symbol", &my_nothing, PL_ERR_IO,
		  "cannot load nosym ('libm.so.6'): no symbol 'postlint_no_such_symbol'" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		struct dynlib_sym sym = { r->sym, r->slot };
		struct dynlib lib = { r->what, r->sonames, &sym, 1, "the-package", 0, 0, "" };
		struct pl_diag d;
		int again;

		pl_diag_init(&d);
		my_cos = NULL;
		CHECK_INT(dynlib_load(&lib, &d), r->want, r->what);
		if (r->want == PL_OK) {
			CHECK(my_cos && my_cos(0.0) == 1.0, "%s: cos resolved", r->what);
		} else {
			CHECK_HAS(d.message, r->msg, r->what);
			if (!strcmp(r->what, "missing"))
				CHECK_HAS(d.message, "; install the-package", r->what);
		}
		/* Tried once: a second call gives the same outcome without loading again. */
		pl_diag_init(&d);
		again = dynlib_load(&lib, &d) == r->want;
		CHECK(again && lib.tried, "%s: second call", r->what);
	}
	TEST_DONE();
}
