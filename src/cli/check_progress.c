/* SPDX-License-Identifier: Apache-2.0 */
/* The progress bar of a batch on stderr, when stderr is a terminal: done/total, rate, time left. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "banned.h"

#define BAR_WIDTH 24

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(struct progress *p, int enabled)
{
	p->on = enabled && isatty(STDERR_FILENO);
	p->shown = 0;
	p->start = now();
	p->last = 0;
}

void progress_update(struct progress *p, size_t done, size_t total, int final)
{
	double t, rate;
	char bar[BAR_WIDTH + 1];
	size_t i, fill;

	if (!p->on)
		return;
	t = now();
	if (t - p->last < 0.1)
		return;
	p->last = t;
	rate = t > p->start ? (double)done / (t - p->start) : 0;
	fill = total ? done * BAR_WIDTH / total : 0;
	for (i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu%s posts, %.0f/s", bar, done, total, final ? "" : "+", rate);
	if (final && rate > 0 && total >= done) {
		unsigned left = (unsigned)((double)(total - done) / rate + 0.5);

		fprintf(stderr, ", %u:%02u left", left / 60, left % 60);
	}
	fputs("\033[K", stderr);
	fflush(stderr);
	p->shown = 1;
}

void progress_clear(struct progress *p)
{
	if (!p->on || !p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = 0;
}
