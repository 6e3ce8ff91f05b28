/* SPDX-License-Identifier: Apache-2.0 */
/* The batch engine of postlint check: one thread discovers posts, N workers load and scan them, and
 * the calling thread reports them in discovery order. A ring of slots bounds what is in flight, so
 * memory does not grow with the number of posts, and the output is the same whatever N. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "banned.h"

/* Posts in flight: the writer wakes for a quarter of the window, the producer for half of it, so
 * a wider window means fewer hand-offs between processors (each costs more than a short post);
 * a post in flight holds a few KiB, so memory stays small and does not grow with the queue. */
#define WINDOW_PER_WORKER 64
#define WINDOW_MIN 256

/*
 * What a job owns, by the thread that allocated it: the producer's names and paths, a worker's post
 * and findings. The writer hands each back to its owner, which frees them the next time it takes
 * the pool's lock. A free into another thread's malloc arena takes that arena's lock against the
 * thread allocating from it: with the writer freeing everything, two workers were 1.62 times as
 * fast as one; 1.67 times with each thread freeing its own (best of 12 interleaved rounds).
 */
struct given {
	char *name, *load, *caption, **media, *error;
	size_t nmedia;
};

struct made {
	struct pl_post post;
	struct pl_findings findings, suppressed;
};

struct pool {
	struct check_run *r;
	pthread_mutex_t mu;
	pthread_cond_t work;   /* a job was queued, or discovery ended */
	pthread_cond_t done;   /* a job finished, or discovery ended */
	pthread_cond_t space;  /* a slot was freed */
	struct job *slots;
	size_t w;
	size_t next_in, next_run, next_out; /* job indexes: queued, claimed, reported */
	size_t posts_in, posts_out;
	int producing;
	const struct check_input *cur;
	/* Who sleeps, so that a hand-off wakes a thread only when one waits for it: waking on every
	 * post costs more than scanning a short caption. */
	int idle_workers;
	int writer_waiting;
	int producer_waiting;
	int ready;                 /* workers with their own file table, before the producer starts */
	/* -j1: no threads; each post is scanned and reported as it is found. */
	struct scanners *inline_scs;
	struct handback given;     /* the producer's returns */
	struct handback *made;     /* each worker's */
};

/* A worker thread's start: its pool and its index in pool.made. */
struct worker_arg {
	struct pool *p;
	int k;
};

static void given_release(struct given *g)
{
	size_t i;

	free(g->name);
	free(g->load);
	free(g->caption);
	for (i = 0; i < g->nmedia; i++)
		free(g->media[i]);
	free(g->media);
	free(g->error);
}

static void made_release(struct made *m)
{
	pl_findings_release(&m->findings);
	pl_findings_release(&m->suppressed);
	pl_post_release(&m->post);
}

/* What the producer allocated in j, taken out of it. */
static struct given given_take(struct job *j)
{
	struct given g = { j->name, j->load, j->caption, j->media, j->error, j->nmedia };

	j->name = j->load = j->caption = j->error = NULL;
	j->media = NULL;
	j->nmedia = 0;
	return g;
}

/* What the worker allocated in j, taken out of it. */
static struct made made_take(struct job *j)
{
	struct made m = { j->post, j->findings, j->suppressed };

	pl_post_init(&j->post);
	pl_findings_init(&j->findings);
	pl_findings_init(&j->suppressed);
	return m;
}

static void job_release(struct job *j)
{
	struct given g = given_take(j);
	struct made m = made_take(j);

	given_release(&g);
	made_release(&m);
	memset(j, 0, sizeof(*j));
}

/* Frees n given (the producer) or made (a worker) returns, outside the lock. */
static void given_free_all(void *v, size_t n)
{
	struct given *g = v;
	size_t i;

	for (i = 0; i < n; i++)
		given_release(&g[i]);
}

static void made_free_all(void *v, size_t n)
{
	struct made *m = v;
	size_t i;

	for (i = 0; i < n; i++)
		made_release(&m[i]);
}

/* The writer, under the lock: j's memory back to the threads that allocated it (what finds no
 * room is freed by job_release). */
static void job_return(struct pool *p, struct job *j)
{
	struct given *g;
	struct made *m;

	if (j->worker >= 0 && (m = handback_room(&p->made[j->worker])) != NULL)
		*m = made_take(j);
	if ((g = handback_room(&p->given)) != NULL)
		*g = given_take(j);
}

/* ---- the producer ---------------------------------------------------------------------------- */

static char *display(const struct pool *p, const char *path)
{
	char *s = strdup(path);

	if (s && p->r->strip)
		strip_in(s, p->r->strip);
	return s;
}

/* -j1: scans and reports j at once (check_pool.c's reporting half). */
static void run_inline(struct pool *p, struct job *j);

/* Queues j (moved into the ring); waits while the window is full. */
static void queue(struct pool *p, struct job *j)
{
	void *back;
	size_t nback;

	if (p->inline_scs) {
		run_inline(p, j);
		return;
	}
	j->worker = -1;
	pthread_mutex_lock(&p->mu);
	while (p->next_in - p->next_out >= p->w) {
		p->producer_waiting = 1;
		pthread_cond_wait(&p->space, &p->mu);
	}
	p->producer_waiting = 0;
	j->state = SLOT_QUEUED;
	p->slots[p->next_in % p->w] = *j;
	p->next_in++;
	p->posts_in += j->kind != JOB_NOTE;
	if (p->idle_workers)
		pthread_cond_signal(&p->work);
	back = handback_take(&p->given, &nback);
	pthread_mutex_unlock(&p->mu);
	given_free_all(back, nback);
}

/* Git modes: whether the post holds one of the changed files. */
static int touched(const struct pool *p, const struct pl_batch_post *bp)
{
	const struct strlist *c = p->r->changed;
	char *name;
	size_t i, k, n;
	int hit = 0;

	if (!c)
		return 1;
	for (i = 0; i < bp->nfiles && !hit; i++) {
		char *f = display(p, bp->files[i]);
		const char *s = f;

		if (!f)
			return 1;
		while (s[0] == '.' && s[1] == '/')
			s += 2;
		hit = strlist_has(c, s);
		free(f);
	}
	if (hit || bp->kind != PL_BATCH_ERROR || !(name = display(p, bp->name)))
		return hit;
	/* An unreadable directory: reported when a changed file lies below it. */
	n = strlen(name);
	for (k = 0; k < c->n && !hit; k++)
		hit = !strncmp(c->v[k], name, n) && c->v[k][n] == '/';
	free(name);
	return hit;
}

static int on_post(const struct pl_batch_post *bp, void *arg)
{
	struct pool *p = arg;
	struct job j;
	size_t i;
	int bad;

	if (!touched(p, bp))
		return 0;
	memset(&j, 0, sizeof(j));
	j.in = p->cur;
	j.kind = bp->kind == PL_BATCH_PATH ? JOB_PATH : bp->kind == PL_BATCH_FILES ? JOB_FILES
										   : JOB_ERROR;
	j.name = display(p, bp->name);
	bad = !j.name;
	if (bp->load)
		bad |= !(j.load = strdup(bp->load));
	if (bp->caption)
		bad |= !(j.caption = strdup(bp->caption));
	if (bp->error)
		bad |= !(j.error = display(p, bp->error));
	if (bp->nmedia && !(j.media = calloc(bp->nmedia, sizeof(*j.media))))
		bad = 1;
	for (i = 0; j.media && i < bp->nmedia; i++, j.nmedia++)
		bad |= !(j.media[i] = strdup(bp->media[i]));
	if (bad) {
		job_release(&j);
		p->r->oom = 1;
		return 1;
	}
	queue(p, &j);
	return 0;
}

static void on_note(const char *path, const char *why, void *arg)
{
	struct pool *p = arg;
	struct job j;

	memset(&j, 0, sizeof(j));
	j.kind = JOB_NOTE;
	j.name = display(p, path);
	j.error = strdup(why);
	if (!j.name || !j.error) {
		job_release(&j);
		return;
	}
	queue(p, &j);
}

static void queue_simple(struct pool *p, const struct check_input *in, enum job_kind kind,
			 const char *error)
{
	struct job j;

	memset(&j, 0, sizeof(j));
	j.in = in;
	j.kind = kind;
	j.name = strdup(in->arg);
	j.error = error ? display(p, error) : NULL;
	if (!j.name || (error && !j.error)) {
		job_release(&j);
		p->r->oom = 1;
		return;
	}
	queue(p, &j);
}

static void *producer(void *arg)
{
	struct pool *p = arg;
	struct pl_batch_callbacks cb = { on_post, on_note, p };
	struct pl_diag d;
	size_t i;

	for (i = 0; i < p->r->ninputs && !p->r->oom; i++) {
		const struct check_input *in = &p->r->inputs[i];

		p->cur = in;
		if (!strcmp(in->arg, "-")) {
			queue_simple(p, in, JOB_STDIN, NULL);
			continue;
		}
		/* Staged mode: an input with no staged change has no copy in the staged tree. */
		if (p->r->strip && access(in->root, F_OK) != 0)
			continue;
		if (pl_batch_discover(in->root, &cb, &d) != PL_OK)
			queue_simple(p, in, JOB_ERROR, d.message);
	}
	pthread_mutex_lock(&p->mu);
	p->producing = 0;
	pthread_cond_broadcast(&p->work);
	pthread_cond_broadcast(&p->done);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* ---- the workers ----------------------------------------------------------------------------- */

/*
 * Whether the writer, asleep, should wake: it reports in order, so only a run of finished jobs
 * from the one it waits for counts, and it wakes for a batch of them (a wake-up between
 * processors costs more than reporting a post) or for all there is.
 */
static int writer_has_enough(const struct pool *p)
{
	size_t batch = p->w / 4, k, queued = p->next_in - p->next_out;

	for (k = 0; k < batch && k < queued; k++)
		if (p->slots[(p->next_out + k) % p->w].state != SLOT_DONE)
			return 0;
	return 1;
}

static void *worker(void *arg)
{
	const struct worker_arg *wa = arg;
	struct pool *p = wa->p;
	struct scanners scs = { .n = 0 };
	void *back;
	size_t nback;

	/* A file table of its own: opening and closing the posts' files then takes no lock shared
	 * with the other workers, and the kernel skips the reference counts a shared table needs
	 * (3 to 5% of the wall time of two workers). Failing leaves the shared one, which works.
	 * ThreadSanitizer models one table per process and would call two workers' fd 3 a race. */
#ifndef __SANITIZE_THREAD__
	(void)unshare(CLONE_FILES);
#endif
	pthread_mutex_lock(&p->mu);
	p->ready++;
	pthread_cond_broadcast(&p->done);
	for (;;) {
		struct job *j;
		size_t i;

		while (p->next_run == p->next_in && p->producing) {
			p->idle_workers++;
			pthread_cond_wait(&p->work, &p->mu);
			p->idle_workers--;
		}
		if (p->next_run == p->next_in)
			break;
		i = p->next_run++;
		j = &p->slots[i % p->w];
		j->state = SLOT_RUNNING;
		j->worker = wa->k;
		back = handback_take(&p->made[wa->k], &nback);
		pthread_mutex_unlock(&p->mu);
		made_free_all(back, nback);
		job_process(p->r, &scs, j);
		pthread_mutex_lock(&p->mu);
		j->state = SLOT_DONE;
		if (p->writer_waiting && i >= p->next_out && writer_has_enough(p))
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	scanners_free(&scs);
	return NULL;
}

/* ---- the reporter (the calling thread) ------------------------------------------------------- */

/* Waits for the next job in order; NULL when every job has been reported. */
static struct job *next_done(struct pool *p)
{
	struct job *j = NULL;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		size_t done = p->posts_out, total = p->posts_in;
		int producing = p->producing;

		if (p->next_out < p->next_in && p->slots[p->next_out % p->w].state == SLOT_DONE) {
			j = &p->slots[p->next_out % p->w];
			break;
		}
		if (p->next_out == p->next_in && !p->producing)
			break;
		if (p->r->progress.on) {
			struct timespec ts;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += 100 * 1000 * 1000;
			if (ts.tv_nsec >= 1000 * 1000 * 1000) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000 * 1000 * 1000;
			}
			p->writer_waiting = 1;
			pthread_cond_timedwait(&p->done, &p->mu, &ts);
			p->writer_waiting = 0;
			pthread_mutex_unlock(&p->mu);
			progress_update(&p->r->progress, done, total, !producing);
			pthread_mutex_lock(&p->mu);
		} else {
			p->writer_waiting = 1;
			pthread_cond_wait(&p->done, &p->mu);
			p->writer_waiting = 0;
		}
	}
	pthread_mutex_unlock(&p->mu);
	return j;
}

static void finish_job(struct pool *p, struct job *j)
{
	int post = j->kind != JOB_NOTE;

	pthread_mutex_lock(&p->mu);
	job_return(p, j);
	job_release(j);
	p->next_out++;
	p->posts_out += post;
	/* Let the producer refill half the window at once rather than one slot at a time. */
	if (p->producer_waiting && p->next_in - p->next_out <= p->w / 2)
		pthread_cond_signal(&p->space);
	pthread_mutex_unlock(&p->mu);
}

static void run_inline(struct pool *p, struct job *j)
{
	int post = j->kind != JOB_NOTE;

	job_process(p->r, p->inline_scs, j);
	job_report(p->r, j);
	job_release(j);
	p->posts_in += (size_t)post;
	p->posts_out += (size_t)post;
	progress_update(&p->r->progress, p->posts_out, p->posts_in, 0);
}

/* One worker: everything in the calling thread, in order, with nothing in flight. */
static void pool_run_inline(struct check_run *r)
{
	struct scanners scs = { .n = 0 };
	struct pool p;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.inline_scs = &scs;
	producer(&p);
	scanners_free(&scs);
	progress_clear(&r->progress);
}

/* Starts the workers, then (once each has its own file table, so that none copies the producer's
 * open directories) the producer; the number of workers started. */
static int start_threads(struct pool *p, pthread_t *workers, struct worker_arg *args,
			 pthread_t *prod, int *prod_ok)
{
	int i, started = 0;

	for (i = 0; i < p->r->jobs; i++) {
		args[started] = (struct worker_arg){ p, started };
		if (pthread_create(&workers[started], NULL, worker, &args[started]) == 0)
			started++;
	}
	pthread_mutex_lock(&p->mu);
	while (p->ready < started)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	*prod_ok = started && pthread_create(prod, NULL, producer, p) == 0;
	return started;
}

/* After the threads ended: frees the returns their owners had not taken. */
static void pool_drain(struct pool *p, int nworkers)
{
	void *v;
	size_t n;
	int k;

	v = handback_take(&p->given, &n);
	given_free_all(v, n);
	handback_release(&p->given);
	for (k = 0; p->made && k < nworkers; k++) {
		v = handback_take(&p->made[k], &n);
		made_free_all(v, n);
		handback_release(&p->made[k]);
	}
	free(p->made);
}

void pool_run(struct check_run *r)
{
	struct pool p;
	pthread_t prod, workers[CHECK_MAX_JOBS];
	struct worker_arg args[CHECK_MAX_JOBS];
	int i, started, prod_ok;
	struct job *j;

	if (r->jobs == 1) {
		pool_run_inline(r);
		return;
	}
	memset(&p, 0, sizeof(p));
	p.r = r;
	p.producing = 1;
	p.w = (size_t)r->jobs * WINDOW_PER_WORKER;
	if (p.w < WINDOW_MIN)
		p.w = WINDOW_MIN;
	p.slots = calloc(p.w, sizeof(*p.slots));
	p.made = calloc((size_t)r->jobs, sizeof(*p.made));
	if (!p.slots || !p.made) {
		free(p.slots);
		free(p.made);
		r->oom = 1;
		return;
	}
	p.given.size = sizeof(struct given);
	for (i = 0; i < r->jobs; i++)
		p.made[i].size = sizeof(struct made);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	pthread_cond_init(&p.space, NULL);
	started = start_threads(&p, workers, args, &prod, &prod_ok);
	if (!prod_ok) {
		cli_errorf("cannot start threads: %s", cli_errno(errno));
		r->oom = 1;
		pthread_mutex_lock(&p.mu);
		p.producing = 0;
		pthread_cond_broadcast(&p.work);
		pthread_mutex_unlock(&p.mu);
	}
	while ((j = next_done(&p)) != NULL) {
		job_report(r, j);
		finish_job(&p, j);
	}
	if (prod_ok)
		pthread_join(prod, NULL);
	for (i = 0; i < started; i++)
		pthread_join(workers[i], NULL);
	progress_update(&r->progress, p.posts_out, p.posts_in, 1);
	progress_clear(&r->progress);
	pthread_cond_destroy(&p.space);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.work);
	pthread_mutex_destroy(&p.mu);
	pool_drain(&p, r->jobs);
	free(p.slots);
}
