/* SPDX-License-Identifier: Apache-2.0 */
/* mkqueue DIR N [SEED]: writes a queue of N posts, as communications staff keep them, for the batch
 * tests and the benchmark. A post is a caption and one to three real JPEGs (encoded with
 * TurboJPEG), loose in folders of 100 and grouped by stem ("p00042.txt", "p00042.jpg",
 * "p00042-2.jpg"). About one caption in four plants a finding of tests/rules/core.json (a plate,
 * an address, an IBAN, a clothing combination); the rest are clean. Same N and SEED, same queue. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <turbojpeg.h>

#include "banned.h"

#define PER_DIR 100
#define NPHOTOS 3

static const char *const clean[] = {
	"Vandaag waren we aanwezig op de open dag van het bureau. Bedankt voor jullie komst!",
	"Let op: er worden weer nepberichten verstuurd namens de bank. Klik niet op links.",
	"Ce matin, nos agents ont participé à une action de prévention routière dans le quartier.",
	"Our team visited the primary school today to talk about online safety. Great questions!",
	"Fijne feestdagen gewenst namens het hele team. Spoed? Bel altijd 112.",
	"Controle op de snelweg: 14 bestuurders kregen een bekeuring voor te hard rijden.",
};

static const char *const planted[] = {
	"Gisteren is een auto met kenteken 52-HKS-7 gestolen. Tips? Bel 112.",
	"Inbraak aan de Kerkstraat 12a vannacht. Wie heeft iets gezien? Bel 112.",
	"Maak nooit geld over naar NL91 ABNA 0417 1643 00, dit is oplichting. Bel 112.",
	"De verdachte droeg rode sneakers and blue trousers. Getuigen? Bel 112.",
};

static unsigned long long rng;

static unsigned next(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33);
}

/* A small photo-like image: gradients and a few blocks, different per variant. */
static int encode(int variant, unsigned char **jpeg, unsigned long *size)
{
	int w = 160 + 32 * variant, h = 120 + 24 * variant, x, y, rc;
	unsigned char *rgb = malloc((size_t)w * (size_t)h * 3);
	tjhandle tj = tjInitCompress();

	if (!rgb || !tj) {
		free(rgb);
		if (tj)
			tjDestroy(tj);
		return -1;
	}
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++) {
			unsigned char *p = rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;
			int block = ((x / 20) + (y / 20) + variant) % 3;

			p[0] = (unsigned char)(x * 255 / w);
			p[1] = (unsigned char)(y * 255 / h);
			p[2] = (unsigned char)(block * 100);
		}
	}
	*jpeg = NULL;
	rc = tjCompress2(tj, rgb, w, 0, h, TJPF_RGB, jpeg, size, TJSAMP_420, 85, 0);
	tjDestroy(tj);
	free(rgb);
	return rc == 0 ? 0 : -1;
}

static int put(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(p, 1, n, f) != n) {
		fprintf(stderr, "mkqueue: cannot write '%s': %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	return fclose(f);
}

int main(int argc, char **argv)
{
	unsigned char *jpeg[NPHOTOS];
	unsigned long size[NPHOTOS];
	char path[4096];
	long n, i;
	int k;

	if (argc < 3 || (n = strtol(argv[2], NULL, 10)) < 1) {
		fprintf(stderr, "usage: mkqueue DIR N [SEED]\n");
		return 2;
	}
	rng = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
	for (k = 0; k < NPHOTOS; k++)
		if (encode(k, &jpeg[k], &size[k]) != 0) {
			fprintf(stderr, "mkqueue: cannot encode a JPEG: %s\n", tjGetErrorStr());
			return 1;
		}
	mkdir(argv[1], 0755);
	for (i = 0; i < n; i++) {
		unsigned r = next(), photos = 1 + next() % 3;
		const char *text = r % 4 == 0 ? planted[(r / 4) % 4] : clean[(r / 4) % 6];

		snprintf(path, sizeof(path), "%s/d%03ld", argv[1], i / PER_DIR);
		mkdir(path, 0755);
		snprintf(path, sizeof(path), "%s/d%03ld/p%06ld.txt", argv[1], i / PER_DIR, i);
		if (put(path, text, strlen(text)) != 0)
			return 1;
		for (k = 0; k < (int)photos; k++) {
			if (k)
				snprintf(path, sizeof(path), "%s/d%03ld/p%06ld-%d.jpg", argv[1], i / PER_DIR, i,
					 k + 1);
			else
				snprintf(path, sizeof(path), "%s/d%03ld/p%06ld.jpg", argv[1], i / PER_DIR, i);
			if (put(path, jpeg[k], size[k]) != 0)
				return 1;
		}
	}
	for (k = 0; k < NPHOTOS; k++)
		tjFree(jpeg[k]);
	return 0;
}
