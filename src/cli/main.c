/* SPDX-License-Identifier: Apache-2.0 */
/* postlint's entry point: the command table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "banned.h"

static const struct cli_cmd commands[] = {
	{ "check", cmd_check, "lint posts (the default command)" },
	{ "explain", cmd_explain, "what a rule catches, why, how to fix it, its examples" },
	{ "rules", cmd_rules, "list, test, lint or bench rules files" },
	{ "meta", cmd_meta, "the privacy-relevant metadata of photos and videos" },
};

#define NCMDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: postlint [check] [OPTIONS] PATH...\n"
		   "       postlint COMMAND [ARGS]\n\n"
		   "Reports what in a draft police social-media post could let anyone trace a\n"
		   "person, a vehicle or a place.\n\ncommands:\n");
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'postlint check --help' lists the options. Exit codes: 0 clean, 1 violations,\n"
		   "2 usage or rules error, 3 an input could not be read.\n");
}

int main(int argc, char **argv)
{
	size_t i;

	/* Tesseract's OpenMP threads spin while they wait; postlint runs one reader per worker
	 * instead. Set before any photo is read (the OpenMP runtime reads it when it starts work). */
	setenv("OMP_THREAD_LIMIT", "1", 0);
	/* Likewise OpenBLAS (face detection): loaded on first use, it would start a thread per
	 * processor in every worker when it loads; one product at a time per worker is enough. */
	setenv("OPENBLAS_NUM_THREADS", "1", 0);

	if (argc >= 2 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version"))) {
		printf("postlint %s\n", PL_VERSION);
		return EXIT_CLEAN;
	}
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "help"))) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (i = 0; i < NCMDS; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	return cmd_check(argc, argv);
}
