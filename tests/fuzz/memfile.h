/* SPDX-License-Identifier: Apache-2.0 */
/* For fuzz targets whose parser reads a path: the input as an anonymous in-memory file. */
#ifndef PL_FUZZ_MEMFILE_H
#define PL_FUZZ_MEMFILE_H

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Writes data to a memfd and puts its /proc path in path; returns the fd, or -1. */
static int memfile(const void *data, size_t size, char *path, size_t len)
{
	int fd = memfd_create("fuzz", 0);

	if (fd < 0)
		return -1;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return -1;
	}
	snprintf(path, len, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
