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
}

void cli_search_release(struct cli_search *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->dirs[i]);
	memset(s, 0, sizeof(*s));
}

struct pl_ruleset *cli_load_rules(const char *spec, const struct cli_search *s)
{
	struct pl_ruleset *rs = NULL;
	struct pl_diag d;

	pl_diag_init(&d);
	if (pl_ruleset_load_named(&rs, spec, &s->view, &d) != PL_OK) {
		cli_error(&d);
		return NULL;
	}
	return rs;
}
