/* SPDX-License-Identifier: Apache-2.0 */
/* Libraries loaded on first use. Tesseract (with the ~50 libraries it pulls in: curl, ICU, TLS...)
 * and OpenBLAS are only needed when pixels are read; linking them would make every run, even
 * `postlint --version` or a caption-only check, pay for loading them (4x the start-up time), and
 * OpenBLAS would start its spinning thread pool in every process. */
#ifndef PL_DYNLIB_H
#define PL_DYNLIB_H

#include <stddef.h>

#include "postlint/status.h"

/* A symbol to resolve and where its address goes. */
struct dynlib_sym {
	const char *name;
	void *slot;          /* the address of a function pointer of the right type */
};

/* One library: the file names tried in order (the Debian soname first) and its symbols. */
struct dynlib {
	const char *what;                 /* for messages: "Tesseract" */
	const char *const *sonames;       /* NULL-terminated */
	const struct dynlib_sym *syms;
	size_t nsyms;
	const char *package;              /* the Debian package that provides it */
	/* state, set by dynlib_load */
	int tried;
	int ok;
	char err[PL_DIAG_MSG_MAX];
};

/*
 * Loads lib and resolves every symbol, once per process (thread-safe; later calls return the first
 * outcome). On failure d gets the reason and none of the pointers may be used: "cannot load Tesseract
 * (libtesseract.so.5): ...; install libtesseract5". The library stays loaded until exit.
 */
enum pl_status dynlib_load(struct dynlib *lib, struct pl_diag *d);

#endif
