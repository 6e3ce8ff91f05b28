/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for folder discovery: a fixture tree built in a temp directory (each case says what it
 * plants), walked with pl_batch_list_collect, and the posts compared with the expected listing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "batch_impl.h"
#include "postlint/batch.h"
#include "banned.h"

static char root[256];

static void put(const char *rel, const char *text)
{
	char path[512], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "cannot write '%s'\n", path);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
}

static void link_to(const char *target, const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (symlink(target, path) != 0) {
		fprintf(stderr, "cannot link '%s'\n", path);
		exit(2);
	}
}

/* One line per post: "KIND name [caption] media... | files..." with root replaced by "R". */
static void render(const struct pl_batch_list *l, char *out, size_t cap)
{
	size_t i, k, rl = strlen(root), n = 0;

#define REL(p) (strncmp((p), root, rl) ? (p) : (p) + rl)
	out[0] = '\0';
	for (i = 0; i < l->len; i++) {
		const struct pl_batch_post *p = &l->items[i];
		static const char *const kinds[] = { "PATH", "FILES", "ERROR" };

		n += (size_t)snprintf(out + n, cap - n, "%s R%s", kinds[p->kind], REL(p->name));
		if (p->caption)
			n += (size_t)snprintf(out + n, cap - n, " c=R%s", REL(p->caption));
		for (k = 0; k < p->nmedia; k++)
			n += (size_t)snprintf(out + n, cap - n, " m=R%s", REL(p->media[k]));
		n += (size_t)snprintf(out + n, cap - n, " |");
		for (k = 0; k < p->nfiles; k++)
			n += (size_t)snprintf(out + n, cap - n, " R%s", REL(p->files[k]));
		n += (size_t)snprintf(out + n, cap - n, "\n");
	}
#undef REL
}

static void expect(const char *what, const char *want, size_t want_notes)
{
	struct pl_batch_list l;
	struct pl_diag d;
	static char got[8192];
	size_t i;

	pl_batch_list_init(&l);
	CHECK_INT(pl_batch_list_collect(&l, root, &d), PL_OK, what);
	render(&l, got, sizeof(got));
	CHECK(!strcmp(got, want), "%s:\n--- got\n%s--- want\n%s", what, got, want);
	CHECK_INT(l.nnotes, want_notes, what);
	for (i = 0; i < l.nnotes && l.nnotes != want_notes; i++)
		fprintf(stderr, "  note: %s\n", l.notes[i]);
	pl_batch_list_release(&l);
}

static void fresh(void)
{
	char cmd[600];

	if (root[0]) {
		snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' && rm -rf '%s'", root, root);
		if (system(cmd) != 0)
			exit(2);
	}
	snprintf(root, sizeof(root), "%s/pl-batch-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(root))
		exit(2);
}

static void test_stems(void)
{
	/* Plants: two captions sharing a folder, numbered photos, an unclaimed photo, a stray file,
	 * a loose manifest claiming its photo, and a stem that is a prefix of another. */
	fresh();
	put("monday.txt", "x");
	put("monday.jpg", "x");
	put("monday-2.jpg", "x");
	put("monday_3.mp4", "x");
	put("monday (4).jpg", "x");
	put("mondayx.jpg", "x");
	put("tuesday.md", "x");
	put("IMG_0001.jpg", "x");
	put("notes.csv", "x");
	put("wed.post.json", "{}");
	put("wed.png", "x");
	expect("stems",
	       "FILES R/IMG_0001.jpg m=R/IMG_0001.jpg | R/IMG_0001.jpg\n"
	       "FILES R/monday.txt c=R/monday.txt m=R/monday (4).jpg m=R/monday-2.jpg m=R/monday.jpg"
	       " m=R/monday_3.mp4 | R/monday (4).jpg R/monday-2.jpg R/monday.jpg R/monday.txt"
	       " R/monday_3.mp4\n"
	       "FILES R/mondayx.jpg m=R/mondayx.jpg | R/mondayx.jpg\n"
	       "FILES R/tuesday.md c=R/tuesday.md | R/tuesday.md\n"
	       "PATH R/wed.post.json | R/wed.png R/wed.post.json\n",
	       0);
}

static void test_dirs(void)
{
	/* Plants: a post.json folder with media in a subfolder (one post, not descended into), a
	 * folder with one caption (the folder is the post), a folder of photos only (each alone),
	 * two captions of one stem (an error post), and files before subfolders in the order. */
	fresh();
	put("a/post.json", "{}");
	put("a/media/1.jpg", "x");
	put("a/media/2.jpg", "x");
	put("a/sub/x.txt", "x");
	put("b/caption.md", "x");
	put("b/photo.jpg", "x");
	put("b/other.jpg", "x");
	put("c/p1.jpg", "x");
	put("c/p2.heic", "x");
	put("d/x.txt", "x");
	put("d/x.md", "x");
	put("d/x.jpg", "x");
	put("z.txt", "x");
	put("y.txt", "x");
	expect("dirs",
	       "FILES R/y.txt c=R/y.txt | R/y.txt\n"
	       "FILES R/z.txt c=R/z.txt | R/z.txt\n"
	       "PATH R/a | R/a/media/1.jpg R/a/media/2.jpg R/a/post.json R/a/sub/x.txt\n"
	       "FILES R/b c=R/b/caption.md m=R/b/other.jpg m=R/b/photo.jpg | R/b/caption.md"
	       " R/b/other.jpg R/b/photo.jpg\n"
	       "FILES R/c/p1.jpg m=R/c/p1.jpg | R/c/p1.jpg\n"
	       "FILES R/c/p2.heic m=R/c/p2.heic | R/c/p2.heic\n"
	       "ERROR R/d/x.md m=R/d/x.jpg | R/d/x.jpg R/d/x.md R/d/x.txt\n",
	       0);
}

static void test_hidden_ignore(void)
{
	/* Plants: hidden files and folders, a root .postlintignore with a glob, a directory rule,
	 * an anchored rule and a negation, and a nested .postlintignore that re-includes. */
	fresh();
	put(".hidden.txt", "x");
	put(".git/config.txt", "x");
	put("p/.draft.txt", "x");
	put("p/a.txt", "x");
	put("p/b.txt", "x");
	put("p/b.tmp.jpg", "x");
	put("archive/old.txt", "x");
	put("top.txt", "x");
	put("q/top.txt", "x");
	put("q/keep.jpg", "x");
	put("q/skip.jpg", "x");
	put("r/x.jpg", "x");
	put("r/y.jpg", "x");
	put(".postlintignore", "# old posts\narchive/\n*.tmp.jpg\n/top.txt\nq/*.jpg\n!q/keep.jpg\nr/*.jpg\n");
	put("r/.postlintignore", "!y.jpg\n");
	expect("hidden and ignore",
	       "FILES R/p/a.txt c=R/p/a.txt | R/p/a.txt\n"
	       "FILES R/p/b.txt c=R/p/b.txt | R/p/b.txt\n"
	       "FILES R/q c=R/q/top.txt m=R/q/keep.jpg | R/q/keep.jpg R/q/top.txt\n"
	       "FILES R/r/y.jpg m=R/r/y.jpg | R/r/y.jpg\n",
	       0);
}

static void test_links(void)
{
	char out[300];

	/* Plants: a link loop (a folder linking to its parent), a link leading out of the root, a
	 * dangling link, and a link to a file inside the root (followed). */
	fresh();
	put("in/a.txt", "x");
	put("in/b.txt", "x");
	link_to("..", "in/loop");
	link_to("/etc", "in/escape");
	link_to("/etc/hostname", "in/escape.txt");
	link_to("nowhere.jpg", "in/dangling.jpg");
	link_to("../in/a.txt", "in/c.txt");
	expect("links",
	       "FILES R/in/a.txt c=R/in/a.txt | R/in/a.txt\n"
	       "FILES R/in/b.txt c=R/in/b.txt | R/in/b.txt\n"
	       "FILES R/in/c.txt c=R/in/c.txt | R/in/c.txt\n",
	       4);
	/* A loop through two links that each point into the other's folder. */
	fresh();
	put("x/a.txt", "x");
	put("y/b.txt", "x");
	snprintf(out, sizeof(out), "%s/y", root);
	link_to(out, "x/toy");
	snprintf(out, sizeof(out), "%s/x", root);
	link_to(out, "y/tox");
	{
		struct pl_batch_list l;
		struct pl_diag d;

		pl_batch_list_init(&l);
		CHECK_INT(pl_batch_list_collect(&l, root, &d), PL_OK, "two-link loop");
		CHECK(l.len == 4 && l.nnotes == 2, "two-link loop: %zu posts, %zu notes", l.len,
		      l.nnotes);
		pl_batch_list_release(&l);
	}
}

static void test_errors(void)
{
	struct pl_batch_list l;
	struct pl_diag d;
	char path[300];

	/* Plants: an unreadable subfolder beside a readable one; the walk reports it and goes on. */
	fresh();
	put("ok/a.txt", "x");
	put("shut/b.txt", "x");
	snprintf(path, sizeof(path), "%s/shut", root);
	chmod(path, 0);
	pl_batch_list_init(&l);
	CHECK_INT(pl_batch_list_collect(&l, root, &d), PL_OK, "unreadable subfolder");
	if (geteuid() == 0) {
		CHECK_INT(l.len, 2, "root reads every folder");
	} else {
		CHECK_INT(l.len, 2, "unreadable subfolder: posts");
		CHECK(l.len == 2 && l.items[1].kind == PL_BATCH_ERROR &&
			      strstr(l.items[1].error, "permission denied"),
		      "unreadable subfolder: %s", l.len == 2 && l.items[1].error ? l.items[1].error : "-");
	}
	pl_batch_list_release(&l);
	chmod(path, 0755);
	/* A missing root is an error of the call; a file root is one post. */
	snprintf(path, sizeof(path), "%s/nope", root);
	pl_batch_list_init(&l);
	CHECK_INT(pl_batch_list_collect(&l, path, &d), PL_ERR_IO, "missing root");
	CHECK(strstr(d.message, "no such file") != NULL, "missing root: %s", d.message);
	snprintf(path, sizeof(path), "%s/ok/a.txt", root);
	CHECK_INT(pl_batch_list_collect(&l, path, &d), PL_OK, "file root");
	CHECK(l.len == 1 && l.items[0].kind == PL_BATCH_PATH && !strcmp(l.items[0].load, path),
	      "file root: %zu posts", l.len);
	pl_batch_list_release(&l);
}

struct cstem {
	const char *name;
	size_t want;
};

static const struct cstem counters[] = {
	{ "monday-2", 6 }, { "monday_12", 6 }, { "monday (3)", 6 }, { "monday", 0 },
	{ "monday-", 0 },  { "-2", 0 },        { "2024", 0 },       { "a(2)", 0 },
	{ "x-2-3", 3 },
};

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(counters); i++)
		CHECK_INT(batch_counter_stem(counters[i].name, strlen(counters[i].name)),
			  counters[i].want, counters[i].name);
	test_stems();
	test_dirs();
	test_hidden_ignore();
	test_links();
	test_errors();
	fresh();
	rmdir(root);
	TEST_DONE();
}
