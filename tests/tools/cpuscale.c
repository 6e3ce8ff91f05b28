/* SPDX-License-Identifier: Apache-2.0 */
/* cpuscale [THREADS]: how much this machine's processors give when used together, as a ceiling
 * for the batch benchmark's speed-up. Runs the same fixed amount of integer work per thread in 1
 * and in THREADS threads (default 2) and prints "scaling X" where X = THREADS x time(1) /
 * time(THREADS): THREADS on idle, separate cores, about THREADS on shared or hyperthreaded ones,
 * less. Work only in registers: no memory, no system calls, nothing to contend for. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "banned.h"

#define WORK 400000000ul
#define MAX_THREADS 64

static void *spin(void *arg)
{
	unsigned long x = (unsigned long)(size_t)arg, i;

	for (i = 0; i < WORK; i++)
		x = x * 6364136223846793005ul + (i ^ (x >> 29));
	return (void *)(size_t)(x & 1); /* keeps the loop */
}

static double run(int n)
{
	pthread_t t[MAX_THREADS];
	struct timespec a, b;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, spin, (void *)(size_t)(i + 1)) != 0)
			return -1;
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 2, k;
	double one = 1e30, many = 1e30, t;

	if (n < 1 || n > MAX_THREADS) {
		fprintf(stderr, "usage: cpuscale [THREADS 1..%d]\n", MAX_THREADS);
		return 2;
	}
	for (k = 0; k < 3; k++) { /* best of three each, interleaved */
		if ((t = run(1)) > 0 && t < one)
			one = t;
		if ((t = run(n)) > 0 && t < many)
			many = t;
	}
	printf("scaling %.2f (1 thread %.3f s, %d threads %.3f s for %d times the work)\n",
	       n * one / many, one, n, many, n);
	return 0;
}
