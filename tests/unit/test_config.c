/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for .postlint.json: which config an input finds by walking up, how its keys are read
 * (a rules path made relative to the config), and every refusal with its place. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

struct ccase {
	const char *name;
	const char *text;
	enum pl_status st;
	/* on success */
	const char *rules;   /* relative to the scratch directory when it is a path */
	const char *fail_on, *account, *lang;
	/* on failure */
	const char *msg;
	unsigned line, col;
};

static const struct ccase cases[] = {
	{ "every key", "{\"rules\": \"./team.json\", \"fail_on\": \"warning\", \"account\": \"private\",\n"
		       " \"lang\": \"nl,fr\", \"$comment\": \"team Utrecht\"}",
	  PL_OK, .rules = "c/./team.json", .fail_on = "warning", .account = "private",
	  .lang = "nl,fr" },
	{ "a pack name stays a name", "{\"rules\": \"default\"}", PL_OK, .rules = "default" },
	{ "a path below", "{\"rules\": \"packs/team.json\"}", PL_OK, .rules = "c/packs/team.json" },
	{ "a path above", "{\"rules\": \"../shared/x.json\"}", PL_OK, .rules = "c/../shared/x.json" },
	{ "an absolute path", "{\"rules\": \"/etc/postlint/x.json\"}", PL_OK, .rules = "/etc/postlint/x.json" },
	{ "empty", "{}", PL_OK, .rules = NULL },
	{ "byte order mark", "\xef\xbb\xbf{\"fail_on\": \"info\"}", PL_OK, .fail_on = "info" },
	{ "unknown key", "{\"rules\": \"default\",\n  \"fail-on\": \"warning\"}", PL_ERR_USAGE, .msg =
	  "unknown key 'fail-on' (did you mean 'fail_on'?)", .line = 2, .col = 3 },
	{ "unknown key, no suggestion", "{\"zzzzzz\": 1}", PL_ERR_USAGE, .msg = "unknown key 'zzzzzz'",
	  .line = 1, .col = 2 },
	{ "not a string", "{\"fail_on\": 1}", PL_ERR_USAGE, .msg = "'fail_on' must be a string",
	  .line = 1, .col = 13 },
	{ "invalid JSON", "{\"rules\": \"default\",\n}", PL_ERR_USAGE, .msg = "invalid JSON in config",
	  .line = 2, .col = 1 },
	{ "bad fail_on", "{\"fail_on\": \"warnings\"}", PL_ERR_USAGE,
	  .msg = "'fail_on' cannot be 'warnings' (error, warning, info or never)", .line = 1, .col = 13 },
	{ "bad account", "{\"account\": \"public\"}", PL_ERR_USAGE,
	  .msg = "'account' cannot be 'public' (professional or private)", .line = 1, .col = 13 },
	{ "bad lang", "{\"lang\": \"nl,FR\"}", PL_ERR_USAGE,
	  .msg = "'lang' cannot be 'nl,FR' (two-letter codes like \"nl,fr\")", .line = 1, .col = 10 },
	{ "bad lang, trailing comma", "{\"lang\": \"nl,\"}", PL_ERR_USAGE, .msg = "'lang' cannot be",
	  .line = 1, .col = 10 },
	{ "empty lang", "{\"lang\": \"\"}", PL_ERR_USAGE, .msg = "'lang' cannot be ''", .line = 1,
	  .col = 10 },
	{ "fail_on never", "{\"fail_on\": \"never\", \"account\": \"professional\", \"lang\": \"fr\"}",
	  PL_OK, .fail_on = "never", .account = "professional", .lang = "fr" },
	{ "trailing garbage", "{\"rules\": \"default\"}\n\"x\"", PL_ERR_USAGE,
	  .msg = "invalid JSON in config", .line = 2, .col = 1 },
	{ "not an object", "[\"default\"]", PL_ERR_USAGE, .msg = "a config must be a JSON object",
	  .line = 1, .col = 1 },
};

static char *dir;

static const char *rel(const char *path)
{
	size_t n = strlen(dir);

	if (path && !strncmp(path, dir, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

static void check_case(const struct ccase *c)
{
	struct pl_config cfg;
	struct pl_diag d;
	char ctx[160], *p;
	enum pl_status st;

	snprintf(ctx, sizeof(ctx), "config '%s'", c->name);
	dir = t_mkdtemp();
	t_write(dir, "c/.postlint.json", c->text);
	p = t_path(dir, "c/.postlint.json");
	pl_diag_init(&d);
	st = pl_config_load(&cfg, p, &d);
	CHECK_INT(st, c->st, ctx);
	if (st == PL_OK) {
		CHECK_STR(cfg.path, p, ctx);
		CHECK_STR(rel(cfg.rules), c->rules, ctx);
		CHECK_STR(cfg.fail_on, c->fail_on, ctx);
		CHECK_STR(cfg.account, c->account, ctx);
		CHECK_STR(cfg.lang, c->lang, ctx);
	} else {
		CHECK_HAS(d.message, c->msg, ctx);
		CHECK_STR(d.file, p, ctx);
		CHECK_INT(d.line, c->line, ctx);
		CHECK_INT(d.column, c->col, ctx);
		CHECK(cfg.path == NULL && cfg.rules == NULL, "%s: config not released", ctx);
	}
	pl_config_release(&cfg);
	free(p);
	t_rmtree(dir);
}

/* The nearest config above an input wins; none is no error. */
static void check_find(void)
{
	struct pl_config cfg;
	struct pl_diag d;
	char *p, *want;

	dir = t_mkdtemp();
	t_write(dir, ".postlint.json", "{\"fail_on\": \"info\"}");
	t_write(dir, "team/.postlint.json", "{\"fail_on\": \"warning\", \"rules\": \"./team.json\"}");
	t_write(dir, "team/week/1/post.txt", "tekst");
	t_write(dir, "other/post.txt", "tekst");

	p = t_path(dir, "team/week/1/post.txt");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_OK, "find from a file");
	want = t_path(dir, "team/.postlint.json");
	CHECK_STR(cfg.path, want, "find: the nearest config");
	CHECK_STR(cfg.fail_on, "warning", "find: its keys");
	CHECK_STR(rel(cfg.rules), "team/./team.json", "find: rules beside the config");
	pl_config_release(&cfg);
	free(want);
	free(p);

	p = t_path(dir, "team/week");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_OK, "find from a directory");
	CHECK_STR(cfg.fail_on, "warning", "find from a directory: nearest");
	pl_config_release(&cfg);
	free(p);

	p = t_path(dir, "team");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_OK, "find in the start directory itself");
	CHECK_STR(cfg.fail_on, "warning", "find in the start directory itself");
	pl_config_release(&cfg);
	free(p);

	p = t_path(dir, "other/post.txt");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_OK, "find higher up");
	CHECK_STR(cfg.fail_on, "info", "find higher up: the top config");
	pl_config_release(&cfg);
	free(p);

	p = t_path(dir, "other/missing.txt");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_OK, "find from a missing input");
	CHECK_STR(cfg.path, NULL, "find from a missing input: no config");
	pl_config_release(&cfg);
	free(p);

	/* A broken config on the way up is an error, not skipped. */
	t_write(dir, "team/week/.postlint.json", "{\"rulez\": 1}");
	p = t_path(dir, "team/week/1/post.txt");
	CHECK_INT(pl_config_find(&cfg, p, &d), PL_ERR_USAGE, "find a broken config");
	CHECK_HAS(d.message, "unknown key 'rulez' (did you mean 'rules'?)", "find a broken config");
	CHECK_HAS(d.file, "team/week/.postlint.json", "find a broken config: its file");
	pl_config_release(&cfg);
	free(p);

	p = t_path(dir, "nope/.postlint.json");
	CHECK_INT(pl_config_load(&cfg, p, &d), PL_ERR_IO, "load a missing config");
	CHECK_HAS(d.message, "no such file or directory", "load a missing config");
	pl_config_release(&cfg);
	free(p);
	t_rmtree(dir);
}

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++)
		check_case(&cases[i]);
	check_find();
	TEST_DONE();
}
