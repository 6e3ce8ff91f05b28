/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for loading posts: caption files, manifests (text, text_file, media, account, lang,
 * allow), directories; every refusal with its place; media that would leave the post's directory;
 * and what scanning a loaded post reports about its inputs. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "postlint/postlint.h"
#include "banned.h"

struct file {
	const char *name;
	const char *text; /* NULL: a directory */
};

struct link {
	const char *name;
	const char *target;
};

struct pcase {
	const char *name;
	struct file files[6];
	struct link links[2];
	const char *load;        /* path under the scratch directory */
	enum pl_status st;
	/* on success */
	const char *text;        /* exact caption, NULL: none */
	const char *text_path;   /* text_path relative to the scratch directory */
	const char *media[4];    /* media relative to the scratch directory */
	enum pl_account account;
	const char *langs;       /* comma-joined */
	size_t nallow;
	/* on failure */
	const char *msg;
	const char *file;        /* diagnostic's file relative to the scratch directory; "" none */
	unsigned line, col;
};

#define OK PL_OK
#define FAIL(st_, msg_, file_, line_, col_) st_, .msg = msg_, .file = file_, .line = line_, .col = col_

static const struct pcase cases[] = {
	/* ---- caption files ---- */
	{ "txt caption", { { "p/caption.txt", "Hallo AB-12-34\n" } }, { { 0 } }, "p/caption.txt", OK,
	  "Hallo AB-12-34\n", "p/caption.txt", .nallow = 0 },
	{ "md caption", { { "p/post.md", "# Titel\n\n*tekst*" } }, { { 0 } }, "p/post.md", OK,
	  "# Titel\n\n*tekst*", "p/post.md", .nallow = 0 },
	{ "caption of another extension", { { "p/caption.text", "tekst" } }, { { 0 } },
	  "p/caption.text", OK, "tekst", "p/caption.text", .nallow = 0 },
	{ "zero-byte caption", { { "p/empty.txt", "" } }, { { 0 } }, "p/empty.txt", OK, "",
	  "p/empty.txt", .nallow = 0 },
	{ "caption with invalid UTF-8", { { "p/bad.txt", "AB\xff-12" } }, { { 0 } }, "p/bad.txt", OK,
	  "AB\xff-12", "p/bad.txt", .nallow = 0 },
	{ "a photo alone", { { "p/photo.JPG", "\xff\xd8\xff" } }, { { 0 } }, "p/photo.JPG", OK, NULL,
	  NULL, { "p/photo.JPG" }, .nallow = 0 },
	{ "missing file", { { 0 } }, { { 0 } }, "p/nope.txt",
	  FAIL(PL_ERR_IO, "no such file or directory", "", 0, 0) },

	/* ---- manifests ---- */
	{ "manifest with text and context",
	  { { "p/post.json", "{\"text\": \"Hallo\", \"account\": \"private\", \"lang\": \"nl\",\n"
			     " \"platform\": \"instagram\", \"$comment\": \"draft\"}" } },
	  { { 0 } }, "p/post.json", OK, "Hallo", "p/post.json", { NULL }, PL_ACCOUNT_PRIVATE, "nl", .nallow = 0 },
	{ "manifest with text_file",
	  { { "p/post.json", "{\"text_file\": \"caption.txt\", \"account\": \"professional\"}" },
	    { "p/caption.txt", "uit bestand" } },
	  { { 0 } }, "p/post.json", OK, "uit bestand", "p/caption.txt", { NULL },
	  PL_ACCOUNT_PROFESSIONAL, .nallow = 0 },
	{ "manifest with media",
	  { { "p/x.post.json", "{\"text\": \"x\", \"media\": [\"a.jpg\", \"sub/b.png\", \"sub/../c.jpg\"]}" } },
	  { { 0 } }, "p/x.post.json", OK, "x", "p/x.post.json",
	  { "p/a.jpg", "p/sub/b.png", "p/sub/../c.jpg" }, .nallow = 0 },
	{ "manifest with media only", { { "p/post.json", "{\"media\": [\"a.jpg\"]}" } }, { { 0 } },
	  "p/post.json", OK, NULL, NULL, { "p/a.jpg" }, .nallow = 0 },
	{ "manifest lang array", { { "p/post.json", "{\"text\": \"x\", \"lang\": [\"nl\", \"fr\"]}" } },
	  { { 0 } }, "p/post.json", OK, "x", "p/post.json", { NULL }, 0, "nl,fr", .nallow = 0 },
	{ "manifest lang list", { { "p/post.json", "{\"text\": \"x\", \"lang\": \"fr,en\"}" } }, { { 0 } },
	  "p/post.json", OK, "x", "p/post.json", { NULL }, 0, "fr,en", .nallow = 0 },
	{ "manifest allow",
	  { { "p/post.json", "{\"text\": \"x\",\n \"allow\": [\n  {\"rule\": \"plate.nl\", \"match\": \"AB-12-34\",\n"
			     "   \"reason\": \"our own patrol car\", \"by\": \"jan\", \"until\": \"2026-12-31\"},\n"
			     "  {\"rule\": \"clothing.*\", \"hash\": \"sha256:00\", \"reason\": \"staged photo\"}]}" } },
	  { { 0 } }, "p/post.json", OK, "x", "p/post.json", .nallow = 2 },
	{ "manifest empty allow", { { "p/post.json", "{\"text\": \"x\", \"allow\": []}" } }, { { 0 } },
	  "p/post.json", OK, "x", "p/post.json", .nallow = 0 },

	/* ---- manifest refusals ---- */
	{ "manifest invalid JSON", { { "p/post.json", "{\"text\": \"x\",\n \"lang\": nl}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "invalid JSON in post manifest", "p/post.json", 2, 10) },
	/* cJSON takes every byte up to 0x20 for white space; JSON allows four of them */
	{ "manifest control byte between values",
	  { { "p/post.json", "{\"text\": \"x\",\n \"media\": [\"a.jpg\",\x01\"b.jpg\"]}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "invalid JSON in post manifest", "p/post.json", 2, 20) },
	{ "manifest trailing garbage", { { "p/post.json", "{\"text\": \"x\"}\n{}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "invalid JSON in post manifest", "p/post.json", 2, 1) },
	{ "manifest not an object", { { "p/post.json", "[\"x\"]" } }, { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "a post manifest must be a JSON object", "p/post.json", 1, 1) },
	{ "manifest unknown key", { { "p/post.json", "{\"text\": \"x\",\n  \"acount\": \"private\"}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "unknown key 'acount' (did you mean 'account'?)", "p/post.json", 2, 3) },
	{ "manifest unknown key, no suggestion", { { "p/post.json", "{\"zzzzzz\": 1}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "unknown key 'zzzzzz'", "p/post.json", 1, 2) },
	{ "manifest with nothing", { { "p/post.json", "{\"account\": \"private\"}" } }, { { 0 } },
	  "p/post.json",
	  FAIL(PL_ERR_INPUT, "post manifest has neither 'text', 'text_file' nor 'media'", "p/post.json",
	       0, 0) },
	{ "manifest text and text_file", { { "p/post.json", "{\"text\": \"x\", \"text_file\": \"c.txt\"}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "give 'text' or 'text_file', not both", "p/post.json", 1, 15) },
	{ "manifest text not a string", { { "p/post.json", "{\"text\": 12}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "'text' must be a string", "p/post.json", 1, 10) },
	{ "manifest text with a NUL", { { "p/post.json", "{\"text\": \"Hallo\\u0000 AB-12-34\"}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "'text' holds a NUL character (\\u0000); what follows it would go unchecked",
	       "p/post.json", 1, 10) },
	{ "manifest text with escapes", { { "p/post.json", "{\"text\": \"caf\\u00e9 \\ud83d\\ude93\\n\\\\u0000\"}" } },
	  { { 0 } }, "p/post.json", OK, "caf\xc3\xa9 \xf0\x9f\x9a\x93\n\\u0000", "p/post.json", .nallow = 0 },
	{ "manifest bad account", { { "p/post.json", "{\"text\": \"x\", \"account\": \"public\"}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "'account' must be \"professional\" or \"private\"", "p/post.json", 1, 26) },
	{ "manifest bad lang", { { "p/post.json", "{\"text\": \"x\", \"lang\": \"nld\"}" } }, { { 0 } },
	  "p/post.json",
	  FAIL(PL_ERR_INPUT, "language 'nld' is not a two-letter code like 'nl'", "p/post.json", 1, 23) },
	{ "manifest bad lang in an array", { { "p/post.json", "{\"text\": \"x\", \"lang\": [\"nl\", \"NL\"]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "language 'NL' is not a two-letter code", "p/post.json", 1, 23) },
	{ "manifest lang entry not a string", { { "p/post.json", "{\"text\": \"x\", \"lang\": [1]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "'lang' entries must be strings", "p/post.json", 1, 24) },
	{ "manifest lang a number", { { "p/post.json", "{\"text\": \"x\", \"lang\": 1}" } }, { { 0 } },
	  "p/post.json",
	  FAIL(PL_ERR_INPUT, "'lang' must be a code or an array of codes", "p/post.json", 1, 23) },
	{ "allow without reason",
	  { { "p/post.json", "{\"text\": \"x\",\n \"allow\": [{\"rule\": \"plate.nl\"}]}" } }, { { 0 } },
	  "p/post.json",
	  FAIL(PL_ERR_INPUT, "an 'allow' entry needs a 'reason' (why is this safe to publish?)",
	       "p/post.json", 2, 12) },
	{ "allow with an empty reason",
	  { { "p/post.json", "{\"text\": \"x\",\n \"allow\": [{\"rule\": \"plate.nl\", \"reason\": \"\"}]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "an 'allow' entry needs a 'reason'", "p/post.json", 2, 12) },
	{ "allow without rule", { { "p/post.json", "{\"text\": \"x\",\n \"allow\": [{\"reason\": \"r\"}]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "an 'allow' entry needs 'rule'", "p/post.json", 2, 12) },
	{ "allow unknown key",
	  { { "p/post.json", "{\"text\": \"x\",\n \"allow\": [{\"rule\": \"r\", \"reden\": \"r\"}]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "unknown key 'reden' in an 'allow' entry", "p/post.json", 2, 26) },
	{ "allow not an array", { { "p/post.json", "{\"text\": \"x\", \"allow\": {}}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "'allow' must be an array", "p/post.json", 1, 24) },
	{ "allow entry not an object", { { "p/post.json", "{\"text\": \"x\", \"allow\": [\"plate.nl\"]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "an 'allow' entry must be an object", "p/post.json", 1, 25) },

	/* ---- media that would leave the post's directory ---- */
	{ "media with ..", { { "p/post.json", "{\"text\": \"x\",\n \"media\": [\"a.jpg\", \"../x.jpg\"]}" },
			     { "x.jpg", "secret" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path '../x.jpg' leaves the post's directory", "p/post.json", 2,
	       21) },
	{ "media with a deeper ..", { { "p/post.json", "{\"text\": \"x\", \"media\": [\"sub/../../x.jpg\"]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path 'sub/../../x.jpg' leaves the post's directory", "p/post.json",
	       1, 25) },
	{ "absolute media", { { "p/post.json", "{\"text\": \"x\", \"media\": [\"/etc/passwd\"]}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path '/etc/passwd' is absolute; name media relative to the post",
	       "p/post.json", 1, 25) },
	{ "media through a symlink", { { "p/post.json", "{\"text\": \"x\", \"media\": [\"link.jpg\"]}" },
				       { "outside.jpg", "secret" } },
	  { { "p/link.jpg", "../outside.jpg" } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path 'link.jpg' leads out of the post's directory through a link",
	       "p/post.json", 1, 25) },
	{ "media through a linked directory",
	  { { "p/post.json", "{\"text\": \"x\", \"media\": [\"d/x.jpg\"]}" }, { "elsewhere/x.jpg", "s" } },
	  { { "p/d", "../elsewhere" } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path 'd/x.jpg' leads out of the post's directory through a link",
	       "p/post.json", 1, 25) },
	{ "media through a link that stays inside",
	  { { "p/post.json", "{\"text\": \"x\", \"media\": [\"link.jpg\"]}" }, { "p/real.jpg", "jpg" } },
	  { { "p/link.jpg", "real.jpg" } }, "p/post.json", OK, "x", "p/post.json", { "p/link.jpg" }, .nallow = 0 },
	{ "media prefix of the directory name",
	  { { "p/post.json", "{\"text\": \"x\", \"media\": [\"link.jpg\"]}" }, { "p2/x.jpg", "s" } },
	  { { "p/link.jpg", "../p2/x.jpg" } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "through a link", "p/post.json", 1, 25) },
	{ "text_file with ..", { { "p/post.json", "{\"text_file\": \"../secret.txt\"}" },
				 { "secret.txt", "geheim" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "media path '../secret.txt' leaves the post's directory", "p/post.json", 1,
	       15) },
	{ "text_file missing", { { "p/post.json", "{\"text_file\": \"caption.txt\"}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_IO, "caption.txt': no such file or directory", "", 0, 0) },
	{ "media entry empty", { { "p/post.json", "{\"text\": \"x\", \"media\": [\"\"]}" } }, { { 0 } },
	  "p/post.json", FAIL(PL_ERR_INPUT, "a media entry must be a path", "p/post.json", 1, 25) },
	{ "media not an array", { { "p/post.json", "{\"text\": \"x\", \"media\": \"a.jpg\"}" } },
	  { { 0 } }, "p/post.json",
	  FAIL(PL_ERR_INPUT, "'media' must be an array of paths", "p/post.json", 1, 24) },

	/* ---- directories ---- */
	{ "directory with post.json",
	  { { "p/post.json", "{\"text_file\": \"caption.txt\", \"media\": [\"b.jpg\"]}" },
	    { "p/caption.txt", "tekst" }, { "p/other.txt", "niet deze" }, { "p/a.jpg", "x" } },
	  { { 0 } }, "p", OK, "tekst", "p/caption.txt", { "p/b.jpg" }, .nallow = 0 },
	{ "directory with a .post.json",
	  { { "p/draft.post.json", "{\"text\": \"concept\"}" }, { "p/caption.txt", "niet deze" } },
	  { { 0 } }, "p/", OK, "concept", "p/draft.post.json", .nallow = 0 },
	{ "directory with one caption and media",
	  { { "p/caption.txt", "tekst" }, { "p/b.png", "x" }, { "p/a.JPG", "x" },
	    { "p/notes.pdf", "x" }, { "p/.hidden.jpg", "x" }, { "p/sub/c.jpg", "x" } },
	  { { 0 } }, "p", OK, "tekst", "p/caption.txt", { "p/a.JPG", "p/b.png" }, .nallow = 0 },
	{ "directory with subdirectories named like files",
	  { { "p/caption.txt", "tekst" }, { "p/old.txt/a", "x" }, { "p/photos.jpg/b", "x" } },
	  { { 0 } }, "p", OK, "tekst", "p/caption.txt", .nallow = 0 },
	{ "directory with a media link leading out",
	  { { "p/caption.txt", "tekst" }, { "outside.jpg", "secret" } },
	  { { "p/link.jpg", "../outside.jpg" } }, "p",
	  FAIL(PL_ERR_INPUT, "media path 'link.jpg' leads out of the post's directory through a link",
	       "", 0, 0) },
	{ "directory with a media link inside", { { "p/caption.txt", "tekst" }, { "p/real.jpg", "x" } },
	  { { "p/link.jpg", "real.jpg" } }, "p", OK, "tekst", "p/caption.txt",
	  { "p/link.jpg", "p/real.jpg" }, .nallow = 0 },
	{ "directory with a caption link leading out", { { "secret.txt", "geheim" }, { "p", NULL } },
	  { { "p/caption.txt", "../secret.txt" } }, "p",
	  FAIL(PL_ERR_INPUT, "media path 'caption.txt' leads out of the post's directory through a link",
	       "", 0, 0) },
	{ "directory with media only", { { "p/a.mp4", "x" } }, { { 0 } }, "p", OK, NULL, NULL,
	  { "p/a.mp4" }, .nallow = 0 },
	{ "directory with two captions", { { "p/a.txt", "een" }, { "p/b.md", "twee" } }, { { 0 } }, "p",
	  FAIL(PL_ERR_INPUT, "holds several captions ('a.txt', 'b.md'); add a post.json that names one",
	       "", 0, 0) },
	{ "empty directory", { { "p", NULL } }, { { 0 } }, "p",
	  FAIL(PL_ERR_INPUT, "holds no post: no post.json, caption (.txt, .md) or media", "", 0, 0) },
	{ "directory with nothing useful", { { "p/notes.pdf", "x" }, { "p/.post.json", "{}" } },
	  { { 0 } }, "p", FAIL(PL_ERR_INPUT, "holds no post", "", 0, 0) },
	{ "directory with a broken manifest", { { "p/post.json", "{" }, { "p/a.txt", "x" } }, { { 0 } },
	  "p", FAIL(PL_ERR_INPUT, "invalid JSON in post manifest", "p/post.json", 1, 1) },
};

static char *dir;

static void make_files(const struct pcase *c)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(c->files) && c->files[i].name; i++) {
		if (c->files[i].text) {
			t_write(dir, c->files[i].name, c->files[i].text);
		} else {
			char *p = t_path(dir, c->files[i].name);

			if (mkdir(p, 0700) != 0)
				perror(p);
			free(p);
		}
	}
	for (i = 0; i < ARRAY_LEN(c->links) && c->links[i].name; i++) {
		char *p = t_path(dir, c->links[i].name);

		if (symlink(c->links[i].target, p) != 0)
			perror(p);
		free(p);
	}
}

/* path minus the scratch directory prefix, for comparison with rows */
static const char *rel(const char *path)
{
	size_t n = strlen(dir);

	if (path && !strncmp(path, dir, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static void check_case(const struct pcase *c)
{
	struct pl_post post;
	struct pl_diag d;
	char ctx[200], *path, langs[64] = "", buf[2048];
	enum pl_status st;
	size_t i;

	snprintf(ctx, sizeof(ctx), "post '%s'", c->name);
	dir = t_mkdtemp();
	make_files(c);
	path = t_path(dir, c->load);
	st = pl_post_load(&post, path, &d);
	CHECK(st == c->st, "%s: status %d, want %d (%s)", ctx, st, c->st,
	      pl_diag_format(&d, buf, sizeof(buf)));
	if (c->st == PL_OK && st == PL_OK) {
		CHECK_STR(post.path, path, ctx);
		CHECK(c->text ? post.text && post.text_len == strlen(c->text) &&
				  !memcmp(post.text, c->text, post.text_len)
			      : post.text == NULL,
		      "%s: text '%.*s'", ctx, (int)post.text_len, post.text ? post.text : "(null)");
		CHECK_STR(rel(post.text_path), c->text_path, ctx);
		for (i = 0; i < ARRAY_LEN(c->media) && c->media[i]; i++)
			CHECK_STR(i < post.nmedia ? rel(post.media[i]) : NULL, c->media[i], ctx);
		CHECK_INT(post.nmedia, i, ctx);
		CHECK_INT(post.account, c->account, ctx);
		for (i = 0; i < post.nlangs; i++)
			snprintf(langs + strlen(langs), sizeof(langs) - strlen(langs), "%s%s", i ? "," : "",
				 post.langs[i]);
		CHECK_STR(post.nlangs ? langs : NULL, c->langs, ctx);
		CHECK_INT(post.nallow, c->nallow, ctx);
	} else if (c->st != PL_OK && st != PL_OK) {
		CHECK_HAS(d.message, c->msg, ctx);
		CHECK_STR(rel(d.file), c->file, ctx);
		CHECK_INT(d.line, c->line, ctx);
		CHECK_INT(d.column, c->col, ctx);
		CHECK(post.text == NULL && post.path == NULL && post.nmedia == 0 && post.media == NULL,
		      "%s: post not released on failure", ctx);
		/* House style: the formatted diagnostic names the input once. */
		pl_diag_format(&d, buf, sizeof(buf));
		CHECK(count(buf, path) <= 1, "%s: '%s' names the input twice", ctx, buf);
	}
	pl_post_release(&post);
	free(path);
	t_rmtree(dir);
}

/* The allow entries' fields and where they stand. */
static void check_allow_fields(void)
{
	struct pl_post post;
	struct pl_diag d;
	char *p;

	dir = t_mkdtemp();
	t_write(dir, "post.json",
		"{\"text\": \"x\",\n \"allow\": [\n  {\"rule\": \"plate.nl\", \"match\": \"AB-12-34\",\n"
		"   \"reason\": \"our own patrol car\", \"by\": \"jan\", \"until\": \"2026-12-31\"},\n"
		"  {\"rule\": \"clothing.*\", \"hash\": \"sha256:00\", \"reason\": \"staged photo\"}]}");
	p = t_path(dir, "post.json");
	CHECK_INT(pl_post_load(&post, p, &d), PL_OK, "allow fields");
	if (post.nallow == 2) {
		CHECK_STR(post.allow[0].rule, "plate.nl", "allow rule");
		CHECK_STR(post.allow[0].match, "AB-12-34", "allow match");
		CHECK_STR(post.allow[0].hash, NULL, "allow no hash");
		CHECK_STR(post.allow[0].reason, "our own patrol car", "allow reason");
		CHECK_STR(post.allow[0].by, "jan", "allow by");
		CHECK_STR(post.allow[0].until, "2026-12-31", "allow until");
		CHECK_INT(post.allow[0].line, 3, "allow line");
		CHECK_INT(post.allow[0].column, 3, "allow column");
		CHECK_INT(post.allow[0].used, 0, "allow not used yet");
		CHECK_STR(post.allow[1].rule, "clothing.*", "allow prefix rule");
		CHECK_STR(post.allow[1].match, NULL, "allow any match");
		CHECK_STR(post.allow[1].hash, "sha256:00", "allow hash");
		CHECK_STR(post.allow[1].until, NULL, "allow no expiry");
		CHECK_INT(post.allow[1].line, 5, "allow line 2");
	}
	pl_post_release(&post);
	free(p);
	t_rmtree(dir);
}

/* A manifest nested deeper than the position scanner follows loads, and quickly. */
static void check_deep_manifest(void)
{
	size_t depth[] = { 600, 2000 }, k, i, n;
	struct pl_post post;
	struct pl_diag d;

	for (k = 0; k < ARRAY_LEN(depth); k++) {
		char *text = malloc(depth[k] * 2 + 64), *p, ctx[64];

		if (!text)
			exit(99);
		n = (size_t)snprintf(text, 64, "{\"text\": \"x\", \"$comment\": ");
		for (i = 0; i < depth[k]; i++)
			text[n++] = '[';
		for (i = 0; i < depth[k]; i++)
			text[n++] = ']';
		text[n++] = '}';
		dir = t_mkdtemp();
		t_write_len(dir, "post.json", text, n);
		p = t_path(dir, "post.json");
		snprintf(ctx, sizeof(ctx), "manifest %zu deep", depth[k]);
		/* cJSON refuses past 1000 levels; below that the manifest is fine. */
		CHECK_INT(pl_post_load(&post, p, &d), depth[k] < 1000 ? PL_OK : PL_ERR_INPUT, ctx);
		pl_post_release(&post);
		free(p);
		free(text);
		t_rmtree(dir);
	}
}

static void check_from_text(void)
{
	struct pl_post post;
	struct pl_diag d;

	CHECK_INT(pl_post_from_text(&post, "-", "a\0b", 3, &d), PL_OK, "from_text");
	CHECK_STR(post.path, "-", "from_text path");
	CHECK_STR(post.text_path, "-", "from_text text_path");
	CHECK(post.text_len == 3 && !memcmp(post.text, "a\0b", 3), "from_text copies NUL bytes");
	CHECK_INT(post.nmedia, 0, "from_text no media");
	pl_post_release(&post);
	CHECK(post.text == NULL && post.path == NULL, "release zeroes");
	pl_post_release(&post);
	CHECK_INT(pl_post_from_text(&post, "big", "x", PL_POST_MAX_TEXT + 1, &d), PL_ERR_LIMIT,
		  "from_text over the limit");
	CHECK_HAS(d.message, "caption larger than the 16777216-byte limit", "from_text limit message");
	CHECK(post.text == NULL, "from_text over the limit: nothing kept");
}

static void check_langs_and_accounts(void)
{
	static const struct {
		const char *csv;
		enum pl_status st;
		size_t n;
	} rows[] = {
		{ "nl", PL_OK, 1 },       { "nl,fr", PL_OK, 2 },  { "nl,fr,en,de", PL_OK, 4 },
		{ "", PL_OK, 0 },         { "NL", PL_ERR_USAGE, 0 }, { "nl,", PL_OK, 1 },
		{ "nl,,fr", PL_ERR_USAGE, 1 }, { "nld", PL_ERR_USAGE, 0 }, { " nl", PL_ERR_USAGE, 0 },
		{ "aa,bb,cc,dd,ee,ff,gg,hh,ii", PL_ERR_LIMIT, 8 },
	};
	enum pl_account a = PL_ACCOUNT_UNSET;
	size_t i;

	for (i = 0; i < ARRAY_LEN(rows); i++) {
		struct pl_post post;
		struct pl_diag d;

		pl_post_init(&post);
		pl_diag_init(&d);
		CHECK_INT(pl_post_set_langs(&post, rows[i].csv, &d), rows[i].st, rows[i].csv);
		CHECK_INT(post.nlangs, rows[i].n, rows[i].csv);
		if (rows[i].st != PL_OK)
			CHECK(d.message[0] != '\0', "%s: no message", rows[i].csv);
		pl_post_release(&post);
	}
	CHECK(pl_account_parse("private", &a) == 0 && a == PL_ACCOUNT_PRIVATE, "account private");
	CHECK(pl_account_parse("professional", &a) == 0 && a == PL_ACCOUNT_PROFESSIONAL,
	      "account professional");
	CHECK_INT(pl_account_parse("Private", &a), -1, "account is case-sensitive");
	CHECK_INT(pl_account_parse("", &a), -1, "account empty");
}

/* What scanning a loaded post says about its inputs, and how its context reaches the rules. */
static void check_scan_post(void)
{
	struct pl_ruleset *rs = NULL;
	struct pl_findings f;
	struct pl_post post;
	struct pl_diag d;
	char *p, buf[1024];
	const struct pl_finding *x;

	dir = t_mkdtemp();
	t_write(dir, "rules.json",
		"{\"format\": 1, \"name\": \"t\", \"rules\": [\n"
		"{\"id\": \"priv\", \"kind\": \"pattern\", \"category\": \"c\", \"severity\": \"error\", "
		"\"message\": {\"en\": \"name\", \"fr\": \"nom\"}, \"fix\": \"f\", "
		"\"examples\": {\"match\": [\"x\"], \"no_match\": [\"y\"]}, "
		"\"pattern\": \"\\\\bkees\\\\b\", \"scope\": {\"account\": [\"private\"]}}]}");
	p = t_path(dir, "rules.json");
	CHECK(pl_ruleset_load(&rs, p, NULL, &d) == PL_OK, "scan post rules: %s",
	      pl_diag_format(&d, buf, sizeof(buf)));
	free(p);
	if (!rs) {
		t_rmtree(dir);
		return;
	}

	/* invalid UTF-8 in a caption file: a warning naming the byte, and the scan goes on */
	t_write(dir, "bad.txt", "Kees\n\xe9t\xe9 \xff");
	p = t_path(dir, "bad.txt");
	CHECK_INT(pl_post_load(&post, p, &d), PL_OK, "invalid UTF-8 loads");
	pl_findings_init(&f);
	CHECK_INT(pl_scan_post(rs, &post, NULL, &f, &d), PL_OK, "invalid UTF-8 scans");
	CHECK_INT(f.len, 1, "invalid UTF-8: one finding (account unset: 'priv' is out of scope)");
	if (f.len) {
		x = &f.items[0];
		CHECK_STR(x->rule_id, "input.encoding", "encoding rule");
		CHECK_STR(x->category, "input", "encoding category");
		CHECK_INT(x->severity, PL_SEV_WARNING, "encoding severity");
		CHECK_INT(x->loc.byte_start, 5, "encoding offset");
		CHECK_STR(x->loc.file, p, "encoding file");
		CHECK_HAS(x->message, "caption is not valid UTF-8: 3 bad bytes, the first at byte 5",
			  "encoding message");
	}
	pl_findings_release(&f);
	pl_post_release(&post);
	free(p);

	/* the manifest's account and language reach the rules and the message */
	t_write(dir, "m/post.json",
		"{\"text\": \"Kees\", \"account\": \"private\", \"lang\": \"fr\", \"media\": [\"gone.jpg\", \"empty.jpg\", \"ok.jpg\"]}");
	t_write(dir, "m/empty.jpg", "");
	t_write(dir, "m/ok.jpg", "\xff\xd8\xff\xe0");
	p = t_path(dir, "m/post.json");
	CHECK_INT(pl_post_load(&post, p, &d), PL_OK, "manifest post loads");
	pl_findings_init(&f);
	CHECK_INT(pl_scan_post(rs, &post, NULL, &f, &d), PL_OK, "manifest post scans");
	CHECK_INT(f.len, 4, "manifest post: caption, missing, empty and truncated media");
	if (f.len == 4) {
		/* sorted by file: the three media paths, then the manifest */
		CHECK_STR(f.items[0].rule_id, "input.unreadable", "empty media rule");
		CHECK_HAS(f.items[0].message, "empty.jpg", "empty media message names the file");
		CHECK_HAS(f.items[0].message, "empty", "empty media message says it is empty");
		CHECK_INT(f.items[0].severity, PL_SEV_ERROR, "empty media severity");
		CHECK_STR(f.items[1].rule_id, "input.unreadable", "missing media rule");
		CHECK_HAS(f.items[1].message, "gone.jpg': no such file or directory",
			  "missing media message");
		CHECK_STR(f.items[2].rule_id, "input.metadata", "truncated media: a damaged part");
		CHECK_INT(f.items[2].severity, PL_SEV_WARNING, "truncated media severity");
		CHECK_STR(f.items[3].rule_id, "priv", "private rule on a private post");
		CHECK_STR(f.items[3].message, "nom", "message in the manifest's language");
		CHECK_STR(f.items[3].loc.file, p, "caption finding names the manifest");
		CHECK_INT(pl_findings_verdict(&f), PL_VERDICT_BLOCK, "manifest post verdict");
	}
	pl_findings_release(&f);
	/* the options override the post's account */
	{
		struct pl_scan_options o;

		pl_scan_options_init(&o);
		o.account = PL_ACCOUNT_PROFESSIONAL;
		pl_findings_init(&f);
		CHECK_INT(pl_scan_post(rs, &post, &o, &f, &d), PL_OK, "account override scans");
		CHECK_INT(f.len, 3, "account override: the private rule is out of scope");
		pl_findings_release(&f);
	}
	pl_post_release(&post);
	free(p);

	/* a zero-byte caption scans to nothing */
	t_write(dir, "empty.txt", "");
	p = t_path(dir, "empty.txt");
	CHECK_INT(pl_post_load(&post, p, &d), PL_OK, "empty caption loads");
	pl_findings_init(&f);
	CHECK_INT(pl_scan_post(rs, &post, NULL, &f, &d), PL_OK, "empty caption scans");
	CHECK_INT(f.len, 0, "empty caption: no findings");
	pl_findings_release(&f);
	pl_post_release(&post);
	free(p);

	pl_ruleset_free(&rs);
	t_rmtree(dir);
}

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++)
		check_case(&cases[i]);
	check_allow_fields();
	check_deep_manifest();
	check_from_text();
	check_langs_and_accounts();
	check_scan_post();
	TEST_DONE();
}
