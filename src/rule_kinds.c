/* SPDX-License-Identifier: Apache-2.0 */
/* The table of rule kinds. Adding a kind: one file defining a struct rule_kind, one row here. */
#include <stddef.h>
#include <string.h>

#include "rule_kinds.h"
#include "banned.h"

static const struct rule_kind *const kinds[] = {
	&rule_kind_pattern,
	&rule_kind_combination,
	&rule_kind_requires,
	&rule_kind_metadata,
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const struct rule_kind *rule_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (!strcmp(kinds[i]->name, name))
			return kinds[i];
	return NULL;
}

const char *const *rule_kind_names(void)
{
	static const char *names[NKINDS + 1];
	size_t i;

	for (i = 0; i < NKINDS; i++)
		names[i] = kinds[i]->name;
	names[NKINDS] = NULL;
	return names;
}
