/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Replays fuzz inputs without libFuzzer: feeds every file named on the command line, and every
 * file under every directory named, to LLVMFuzzerTestOneInput, each in a child process so that a
 * crash is counted rather than fatal. Prints the inputs that crashed and a closing line
 * "N passed, N failed" (passed: ran to the end). Exit status 1 when any failed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "banned.h"

#define REPLAY_MAX_INPUT (256u << 20)
#define REPLAY_MAX_DEPTH 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned passed, failed;

/* Runs one input in this process. Returns 0, or -1 when it could not be read. */
static int run_one(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (!fp)
		return -1;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 || n > (long)REPLAY_MAX_INPUT ||
	    fseek(fp, 0, SEEK_SET) != 0 || !(buf = malloc((size_t)n + 1)) ||
	    fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static void replay_file(const char *path)
{
	int status = 0;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(run_one(path) == 0 ? 0 : 3);
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		fprintf(stderr, "replay: cannot run '%s': %s\n", path, strerror(errno));
		failed++;
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		passed++;
		return;
	}
	failed++;
	if (WIFSIGNALED(status))
		fprintf(stderr, "FAIL %s: signal %d\n", path, WTERMSIG(status));
	else
		fprintf(stderr, "FAIL %s: exit %d\n", path, WEXITSTATUS(status));
}

static void replay_path(const char *path, int depth)
{
	struct dirent *de;
	struct stat sb;
	char sub[4096];
	DIR *dir;

	if (stat(path, &sb) != 0) {
		fprintf(stderr, "FAIL %s: %s\n", path, strerror(errno));
		failed++;
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (S_ISREG(sb.st_mode))
			replay_file(path);
		return;
	}
	if (depth > REPLAY_MAX_DEPTH || !(dir = opendir(path)))
		return;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name) >= sizeof(sub))
			continue;
		replay_path(sub, depth + 1);
	}
	closedir(dir);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		replay_path(argv[i], 0);
	printf("%s: %u passed, %u failed\n", argv[0], passed, failed);
	return failed ? 1 : 0;
}
