/* SPDX-License-Identifier: Apache-2.0 */
/* Project configuration: a .postlint.json found by walking up from an input. */
#ifndef POSTLINT_CONFIG_H
#define POSTLINT_CONFIG_H

#include "postlint/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PL_CONFIG_NAME ".postlint.json"

/*
 * { "rules": "default" | "./team.json", "fail_on": "warning", "account": "private",
 *   "lang": "nl,fr" } — every key optional. A rules path is made relative to the config's
 * directory; a bare name is a pack on the search path.
 */
struct pl_config {
	char *path;     /* the config file, NULL when none was found */
	char *rules;
	char *fail_on;
	char *account;
	char *lang;
};

/*
 * Finds the nearest .postlint.json at or above start (a file or directory) and reads it into cfg.
 * No config found is PL_OK with cfg->path NULL. A malformed config is an error naming the file
 * and place. The caller releases cfg with pl_config_release.
 */
enum pl_status pl_config_find(struct pl_config *cfg, const char *start, struct pl_diag *d);
/* Reads the config at path. */
enum pl_status pl_config_load(struct pl_config *cfg, const char *path, struct pl_diag *d);
void pl_config_release(struct pl_config *cfg);

#ifdef __cplusplus
}
#endif
#endif
