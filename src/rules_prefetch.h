/* SPDX-License-Identifier: Apache-2.0 */
/* Reading and parsing, ahead in a thread of their own, the packs an "extends" list names, while
 * the loading thread turns the ones before them into rules (rules_load.c). */
#ifndef PL_RULES_PREFETCH_H
#define PL_RULES_PREFETCH_H

#include <pthread.h>
#include <stddef.h>

#include "diag.h"
#include "json_pos.h"

/* One pack as read and parsed: what load_file would have done first, in the same order. */
struct pack_read {
	char *path;
	enum pl_status st;     /* of reading it; d tells why when not PL_OK */
	struct pl_diag d;
	char *text;            /* its bytes (NUL-terminated), which doc points into */
	size_t len;
	struct json_doc doc;
	int rc;                /* json_doc_parse's: 0, -1 (bad JSON, at err_off), -2 (no memory) */
	size_t err_off;
	int done;
};

struct prefetch {
	struct pack_read *v;
	size_t n;
	pthread_t th;
	int threaded;          /* the thread runs: else each pack is read when waited for */
	int stop;
	size_t next;           /* the pack the loading thread waits for or loads */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Starts reading and parsing the n packs at paths (taken over), in order. Always succeeds in
 * effect: without memory or a thread, prefetch_wait reads each pack itself. */
void prefetch_start(struct prefetch *pf, char **paths, size_t n);
/* Pack i once read and parsed (its text and doc may be taken: set them NULL / zero). */
struct pack_read *prefetch_wait(struct prefetch *pf, size_t i);
/* Stops the thread, waits for it, and frees every pack not taken. */
void prefetch_end(struct prefetch *pf);

#endif
