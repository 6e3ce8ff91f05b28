/* SPDX-License-Identifier: Apache-2.0 */
/* postlint check, split by concern: options and flow (cmd_check.c), report outputs
 * (check_output.c), the worker pool (check_pool.c), what is done with one post (check_job.c), the
 * hand-backs of memory (check_handback.c), git (check_git.c), progress (check_progress.c). */
#ifndef PL_CLI_CHECK_H
#define PL_CLI_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "cli.h"

#define CHECK_MAX_OUTPUTS 8
#define CHECK_MAX_JOBS 256
#define CHECK_MAX_RULESETS 8   /* different rules packs in one run */

/* ---- outputs: each --format with the --output that follows it --------------------------------- */

struct check_output {
	const char *format;
	const char *path;          /* NULL: stdout */
	FILE *f;
	struct pl_reporter *rep;
	struct pl_buf buf;
	int failed;                /* a write failed */
};

struct check_outputs {
	struct check_output v[CHECK_MAX_OUTPUTS];
	size_t n;
	int pending_path;          /* an --output came before any --format */
	const char *early_path;
};

/* Records --format FMT / --output FILE in command-line order; returns 0 or -1 (message printed). */
int outputs_add_format(struct check_outputs *o, const char *fmt);
int outputs_add_path(struct check_outputs *o, const char *path);
/* Makes the reporters and opens the files (text to stdout when nothing was asked). color: -1 auto. */
int outputs_open(struct check_outputs *o, int color, int quiet);
void outputs_begin(struct check_outputs *o, const struct pl_ruleset *rs);
void outputs_post(struct check_outputs *o, const struct pl_result *res);
void outputs_end(struct check_outputs *o, const struct pl_summary *s);
/* Flushes and closes; returns 0, or -1 when a write failed (message printed). */
int outputs_close(struct check_outputs *o);
/* Whether some output goes to a terminal on stdout (the progress bar must step aside). */
int outputs_on_tty(const struct check_outputs *o);

/* ---- handing memory back to the thread that allocated it (check_handback.c) ------------------ */

/*
 * Items of one size that one thread (the writer) hands back to another (their owner), which frees
 * what they hold. The writer appends to fill, growing it (the writer alone allocates these arrays);
 * the owner swaps fill and spare and frees what it took, outside the lock. Both under one lock.
 */
struct handback {
	void *fill, *spare;
	size_t n, cap, spare_cap, size;
};

/* Room for one more item (the writer); NULL when memory ran out. */
void *handback_room(struct handback *b);
/* Takes the items handed back so far (the owner): *n of them, in what it returns, valid until the
 * owner's next take. */
void *handback_take(struct handback *b, size_t *n);
/* Frees both arrays (the items must have been freed) and zeroes b. */
void handback_release(struct handback *b);

/* ---- progress bar on stderr ------------------------------------------------------------------ */

struct progress {
	int on;
	int shown;
	double start;
	double last;
};

void progress_init(struct progress *p, int enabled);
/* Redraws at most ten times a second; final: the total is known. */
void progress_update(struct progress *p, size_t done, size_t total, int final);
/* Erases the bar (before other output on the terminal). */
void progress_clear(struct progress *p);

/* ---- git -------------------------------------------------------------------------------------- */

struct strlist {
	char **v;
	size_t n;
	size_t cap;
};

void strlist_release(struct strlist *l);
int strlist_push(struct strlist *l, const char *s, size_t len);
void strlist_sort(struct strlist *l);
int strlist_has(const struct strlist *l, const char *s);

/*
 * The files touched (relative to the current directory and below it): between rev and the working
 * tree, untracked files included (staged == 0); or staged in the index (rev NULL, staged == 1).
 * Returns 0, or -1 with a message printed.
 */
int git_changed(const char *rev, int staged, struct strlist *out);
/*
 * Writes the index version of every file the staged posts may be made of into a new temporary
 * directory: the directories of the changed files, whole post.json folders, and the
 * .postlintignore files on the way. *stage_dir is that directory seen from the current one
 * (mirroring it). Returns 0, or -1 with a message printed.
 */
int git_stage_tree(const struct strlist *changed, char **tmp_root, char **stage_dir);
/* Removes the temporary tree. */
void git_stage_remove(const char *tmp_root);

/* ---- the pool -------------------------------------------------------------------------------- */

/* Where a batch of posts comes from: one command-line input and what applies to it. */
struct check_input {
	const char *arg;           /* as typed ("-" for stdin) */
	const char *root;          /* where to read it (arg, or its copy in the staged tree) */
	struct pl_ruleset *rs;
	struct pl_scan_options so;
	char *root_owned;
	char *lang_owned;
};

struct check_run {
	/* set before pool_run */
	struct check_input *inputs;
	size_t ninputs;
	int jobs;
	int show_suppressed;
	struct pl_suppress_options sup;
	const struct strlist *changed;   /* git modes: only posts holding one of these files */
	const char *strip;               /* staged mode: prefix to take off every path */
	const struct pl_baseline *baseline;
	struct pl_baseline *write_baseline;
	struct check_outputs *out;
	struct progress progress;
	/* results */
	struct pl_summary sum;
	int worst;                       /* highest severity reported + 1, 0 for none */
	int unreadable;
	int match_error;
	int oom;
};

/* Discovers, scans (in r->jobs threads) and reports every post, in a stable order. */
void pool_run(struct check_run *r);

/* ---- one post's job (check_job.c) ------------------------------------------------------------ */

enum job_kind { JOB_STDIN, JOB_PATH, JOB_FILES, JOB_ERROR, JOB_NOTE };
enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

/* One post in flight: what the producer found, then what a worker made of it. */
struct job {
	enum slot_state state;
	enum job_kind kind;
	const struct check_input *in;
	char *name;        /* as reports show it */
	char *load;        /* PATH: what to load */
	char *caption;     /* FILES */
	char **media;
	size_t nmedia;
	char *error;       /* ERROR, NOTE */
	/* filled by a worker */
	struct pl_post post;
	struct pl_findings findings;
	struct pl_findings suppressed;
	struct pl_diag diag;
	size_t nsuppressed;
	const char *lang;
	int unreadable;
	int match_error;
	int worker;        /* which worker ran it, -1 for none */
};

/* A worker's scanners, one per rule set it has met (inputs may use different packs). */
struct scanners {
	const struct pl_ruleset *rs[CHECK_MAX_RULESETS];
	struct pl_scanner *sc[CHECK_MAX_RULESETS];
	size_t n;
};

void scanners_free(struct scanners *scs);

/* Takes every occurrence of prefix out of s, in place; s equal to the prefix's directory is ".". */
void strip_in(char *s, const char *prefix);

/* Loads and scans j with a scanner from scs (a worker's); failures are kept in j. */
void job_process(const struct check_run *r, struct scanners *scs, struct job *j);

/* Accounts for j's findings in r (exit code, baseline) and reports it to r's outputs. */
void job_report(struct check_run *r, struct job *j);

#endif
