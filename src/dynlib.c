/* SPDX-License-Identifier: Apache-2.0 */
/* Libraries loaded on first use, through dlopen: see dynlib.h for why. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"

#include "banned.h"

/* POSIX: a data pointer holds a function's address (dlsym relies on it). */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function pointers must fit a void *");

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Opens the first soname that loads (its name in *name); NULL with the first one's dlerror in
 * err, the one the package provides. */
static void *open_any(const struct dynlib *lib, const char **name, char *err, size_t errlen)
{
	void *h = NULL;
	size_t i;

	for (i = 0; lib->sonames[i] && !h; i++) {
		h = dlopen(lib->sonames[i], RTLD_NOW | RTLD_LOCAL);
		if (h) {
			*name = lib->sonames[i];
		} else if (i == 0) {
			const char *e = dlerror();

			snprintf(err, errlen, "%s", e ? e : "unknown error");
		}
	}
	return h;
}

static void load_locked(struct dynlib *lib)
{
	char why[PL_DIAG_MSG_MAX / 2] = "";
	const char *name = lib->sonames[0];
	void *h, *p;
	size_t i;

	lib->tried = 1;
	if (!(h = open_any(lib, &name, why, sizeof(why)))) {
		snprintf(lib->err, sizeof(lib->err), "cannot load %s ('%s'): %s; install %s", lib->what,
			 name, why, lib->package);
		return;
	}
	for (i = 0; i < lib->nsyms; i++) {
		if (!(p = dlsym(h, lib->syms[i].name))) {
			snprintf(lib->err, sizeof(lib->err), "cannot load %s ('%s'): no symbol '%s'",
				 lib->what, name, lib->syms[i].name);
			dlclose(h);
			return;
		}
		memcpy(lib->syms[i].slot, &p, sizeof(p));
	}
	lib->ok = 1; /* h stays open until exit: the resolved pointers point into it */
}

enum pl_status dynlib_load(struct dynlib *lib, struct pl_diag *d)
{
	int ok;

	pthread_mutex_lock(&lock);
	if (!lib->tried)
		load_locked(lib);
	ok = lib->ok;
	pthread_mutex_unlock(&lock);
	if (ok)
		return PL_OK;
	if (d)
		snprintf(d->message, sizeof(d->message), "%s", lib->err);
	return PL_ERR_IO;
}
