/* SPDX-License-Identifier: Apache-2.0 */
/* Handing memory back to the thread that allocated it: the batch writer returns each job's memory
 * to the producer and the worker that allocated it, which free it themselves (check_pool.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "banned.h"

void *handback_room(struct handback *b)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		void *v = realloc(b->fill, cap * b->size);

		if (!v)
			return NULL;
		b->fill = v;
		b->cap = cap;
	}
	return (char *)b->fill + b->n++ * b->size;
}

void *handback_take(struct handback *b, size_t *n)
{
	void *v = b->fill;
	size_t cap = b->cap;

	*n = b->n;
	b->fill = b->spare;
	b->cap = b->spare_cap;
	b->spare = v;
	b->spare_cap = cap;
	b->n = 0;
	return v;
}

void handback_release(struct handback *b)
{
	free(b->fill);
	free(b->spare);
	memset(b, 0, sizeof(*b));
}
