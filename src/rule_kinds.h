/* SPDX-License-Identifier: Apache-2.0 */
/* The rule kinds: one file each, one row each in rule_kinds.c. */
#ifndef PL_RULE_KINDS_H
#define PL_RULE_KINDS_H

#include "rules_impl.h"
#include "util.h"

extern const struct rule_kind rule_kind_pattern;
extern const struct rule_kind rule_kind_combination;
extern const struct rule_kind rule_kind_requires;
extern const struct rule_kind rule_kind_metadata;

#endif
