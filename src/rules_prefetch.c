/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The default pack extends thirteen others: reading and parsing their JSON was 19.9M of the 44M
 * instructions of linting one post, the rest mostly turning the parsed packs into rules. A thread
 * reads and parses the packs of an "extends" list in order while the loading thread builds the
 * rules of the ones before them, so one post no longer waits for both in turn. Nothing here
 * decides anything: load_file takes each pack's read and parse as it would have made them, and
 * reports their errors at the same point.
 */
#include <stdlib.h>
#include <string.h>

#include "postlint/rules.h"
#include "rules_prefetch.h"
#include "util.h"
#include "banned.h"

/*
 * How many packs may be read and not yet loaded, the one being loaded among them. Each parsed
 * pack's tree takes fresh pages (a fault costs microseconds on these machines): with every pack
 * parsed ahead at once, one post took 650 more page faults than the 690 of reading in turn, and
 * as much CPU as the thread saved. Two at a time reuse the pages of the ones loaded.
 */
#define PREFETCH_AHEAD 2

static void read_one(struct pack_read *p)
{
	pl_diag_init(&p->d);
	p->st = file_read_all(p->path, PL_RULES_MAX_FILE, &p->text, &p->len, &p->d);
	if (p->st == PL_OK)
		p->rc = json_doc_parse(&p->doc, p->text, p->len, &p->err_off);
}

static void *reader(void *arg)
{
	struct prefetch *pf = arg;
	size_t i;

	for (i = 0; i < pf->n; i++) {
		pthread_mutex_lock(&pf->mu);
		while (!pf->stop && i >= pf->next + PREFETCH_AHEAD)
			pthread_cond_wait(&pf->cv, &pf->mu);
		if (pf->stop) {
			pthread_mutex_unlock(&pf->mu);
			break;
		}
		pthread_mutex_unlock(&pf->mu);
		read_one(&pf->v[i]);
		pthread_mutex_lock(&pf->mu);
		pf->v[i].done = 1;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
	}
	return NULL;
}

void prefetch_start(struct prefetch *pf, char **paths, size_t n)
{
	size_t i;

	memset(pf, 0, sizeof(*pf));
	if (!(pf->v = calloc(n ? n : 1, sizeof(*pf->v)))) {
		for (i = 0; i < n; i++)
			free(paths[i]);
		return; /* n stays 0: every pack is read by load_file itself */
	}
	pf->n = n;
	for (i = 0; i < n; i++)
		pf->v[i].path = paths[i];
	pthread_mutex_init(&pf->mu, NULL);
	pthread_cond_init(&pf->cv, NULL);
	pf->threaded = n > 1 && pthread_create(&pf->th, NULL, reader, pf) == 0;
}

struct pack_read *prefetch_wait(struct prefetch *pf, size_t i)
{
	struct pack_read *p;

	if (i >= pf->n)
		return NULL;
	p = &pf->v[i];
	if (!pf->threaded) {
		if (!p->done) {
			read_one(p);
			p->done = 1;
		}
		return p;
	}
	pthread_mutex_lock(&pf->mu);
	pf->next = i; /* the ones before are loaded: their pages are free for the next */
	pthread_cond_broadcast(&pf->cv);
	while (!p->done)
		pthread_cond_wait(&pf->cv, &pf->mu);
	pthread_mutex_unlock(&pf->mu);
	return p;
}

void prefetch_end(struct prefetch *pf)
{
	size_t i;

	if (!pf->v)
		return;
	if (pf->threaded) {
		pthread_mutex_lock(&pf->mu);
		pf->stop = 1;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
		pthread_join(pf->th, NULL);
	}
	for (i = 0; i < pf->n; i++) {
		json_doc_release(&pf->v[i].doc);
		free(pf->v[i].text);
		free(pf->v[i].path);
	}
	pthread_cond_destroy(&pf->cv);
	pthread_mutex_destroy(&pf->mu);
	free(pf->v);
	memset(pf, 0, sizeof(*pf));
}
