/* SPDX-License-Identifier: Apache-2.0 */
/* Front-end helpers: messages, the rules search path, writing buffers. */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "banned.h"

#ifndef PL_DATADIR
#define PL_DATADIR "/usr/local/share/postlint"
#endif

void cli_error(const struct pl_diag *d)
{
	char buf[PL_DIAG_MSG_MAX + PL_DIAG_FILE_MAX + 64];

	fprintf(stderr, "postlint: %s\n", pl_diag_format(d, buf, sizeof(buf)));
}

void cli_errorf(const char *fmt, ...)
{
	va_list ap;

	fputs("postlint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *cli_errno(int err)
{
	static _Thread_local char buf[128];

	snprintf(buf, sizeof(buf), "%s", strerror(err));
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] + 32);
	return buf;
}

int cli_write(FILE *f, const struct pl_buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return -1;
	return 0;
}

static void add_dir(struct cli_search *s, const char *dir, size_t len)
{
	char *p;

	if (!len || s->n >= sizeof(s->dirs) / sizeof(s->dirs[0]))
		return;
	p = malloc(len + 1);
	if (!p)
		return;
	memcpy(p, dir, len);
	p[len] = '\0';
	s->dirs[s->n++] = p;
}

/* Where compiled patterns are kept between runs. */
static void cache_dir(struct cli_search *s)
{
	const char *env = getenv("POSTLINT_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"),
		   *home = getenv("HOME");
	int n = -1;

	if (env)
		n = snprintf(s->cache, sizeof(s->cache), "%s", env);
	else if (xdg && *xdg == '/')
		n = snprintf(s->cache, sizeof(s->cache), "%s/postlint", xdg);
	else if (home && *home == '/')
		n = snprintf(s->cache, sizeof(s->cache), "%s/.cache/postlint", home);
	s->view.cache_dir = n > 0 && (size_t)n < sizeof(s->cache) ? s->cache : NULL;
}

void cli_search_init(struct cli_search *s)
{
	const char *env = getenv("POSTLINT_RULES_PATH");
	char exe[PATH_MAX];
	ssize_t n;

	memset(s, 0, sizeof(*s));
	while (env && *env) {
		const char *c = strchr(env, ':');
		size_t len = c ? (size_t)(c - env) : strlen(env);

		add_dir(s, env, len);
		env = c ? c + 1 : NULL;
	}
	/* Run from a source tree: build/postlint finds the rules/ beside build/. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash && (size_t)(slash - exe) + 10 < sizeof(exe)) {
			char *up;

			*slash = '\0';
			up = strrchr(exe, '/');
			if (up) {
				char cand[PATH_MAX];

				snprintf(cand, sizeof(cand), "%.*s/rules", (int)(up - exe), exe);
				if (access(cand, R_OK) == 0 && strcmp(cand, PL_DATADIR "/rules"))
					add_dir(s, cand, strlen(cand));
			}
		}
	}
	add_dir(s, PL_DATADIR "/rules", strlen(PL_DATADIR "/rules"));
	s->view.dirs = (const char *const *)s->dirs;
	s->view.ndirs = s->n;
	cache_dir(s);
}

void cli_search_release(struct cli_search *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->dirs[i]);
	memset(s, 0, sizeof(*s));
}

/* The detectors' models: POSTLINT_MODELS, build/models beside a source-tree binary, the
 * installed share/postlint/models. The first holding the face model wins. */
static void find_models(char *out, size_t len)
{
	const char *env = getenv("POSTLINT_MODELS");
	char exe[PATH_MAX], cand[PATH_MAX + 64];

	if (len < 16)
		return;
	const char *rel[] = { "models", "../models" };
	ssize_t n;
	size_t i;

	snprintf(out, len, "%s", PL_DATADIR "/models");
	if (env && env[0]) {
		snprintf(out, len, "%s", env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	if (strrchr(exe, '/'))
		*strrchr(exe, '/') = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(cand, sizeof(cand), "%s/%s/ssd_mobilenetv1_model-weights_manifest.json", exe,
			 rel[i]);
		if (access(cand, R_OK) == 0) {
			cand[strlen(cand) - strlen("/ssd_mobilenetv1_model-weights_manifest.json")] = '\0';
			snprintf(out, len, "%.*s", (int)(len - 1), cand);
			return;
		}
	}
}

struct pl_ruleset *cli_load_rules(const char *spec, const struct cli_search *s)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;
	char models[PATH_MAX];

	pl_diag_init(&d);
	if (pl_ruleset_load_named(&rs, spec, &s->view, &d) != PL_OK) {
		cli_error(&d);
		return NULL;
	}
	find_models(models, sizeof(models));
	if (pl_ruleset_set_models(rs, models) != PL_OK) {
		cli_errorf("out of memory");
		pl_ruleset_free(&rs);
	}
	return rs;
}
