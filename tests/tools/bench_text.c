/* SPDX-License-Identifier: Apache-2.0 */
/* Text benchmark: rule-set compile time and scanning throughput on a generated corpus of posts.
 * usage: bench_text RULES [MEGABYTES] — prints "name value unit" lines for tests/bench/run.sh.
 * The corpus is generated posts of 150 to 750 bytes, each scanned as one post, as a batch would;
 * a fifth of that volume again as private-account posts, which run the private-account rules too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "postlint/postlint.h"
#include "banned.h"

/* Most of what officers write is clean; one snippet in four carries a violation. */
static const char *const snippets[] = {
	"Vandaag met de wijkagenten op de markt gestaan, fijne gesprekken gehad. ",
	"Merci à tous pour votre accueil lors de la fête du quartier ce week-end ! ",
	"Thanks to everyone who joined our bike safety workshop this morning. ",
	"Let op: oplichters bellen namens de bank. Geef nooit je pincode door! ",
	"Soirée calme au commissariat, on en profite pour vous rappeler les règles. ",
	"Proud of our team today: two lost children found within the hour. ",
	"Fietsen gegraveerd bij het buurthuis, kom volgende week ook langs. ",
	"Prévention cambriolages : fermez bien vos fenêtres avant de partir. ",
	"Great chat with the shop owners on the high street about safety. ",
	"Vanavond extra controles op alcohol in het verkeer, rij veilig! ",
	"Nous recrutons ! Rejoignez la police nationale, infos sur notre site. ",
	"Happy to help the school with their road safety week. ",
	"Rustige nacht gehad, koffie met de collega's van de brandweer. ",
	"Journée portes ouvertes samedi : venez découvrir nos métiers. ",
	"Reminder: never leave valuables visible in your car. ",
	"Wijkspreekuur donderdag van 14:00 tot 16:00 in het buurthuis. ",
	"Merci aux habitants pour leur vigilance, cela fait la différence. ",
	"We had a lovely visit from the scouts today, future officers! ",
	"Let op je fiets: gebruik altijd twee sloten. Covid-19 regels gelden niet meer. ",
	"Opération tranquillité vacances : inscrivez-vous en ligne, c'est gratuit. ",
	"Thanks for the cakes, they did not last long in the break room. ",
	"Nachtdienst zit erop, om 02:30 een auto aan de kant gezet op de A12. ",
	"Contrôle routier ce matin rue de la Paix, merci pour votre patience ! ",
	"Great day at the community fair with the kids from the neighbourhood 🚓👮 ",
	"Prijs €12,50 voor de fiets, gevonden in 2024. ",
	"Stuur ons een DM als u iets gezien heeft, bij spoed altijd 112. ",
	"Inbraak aan de Kerkstraat 12a, verdachte droeg rode sneakers en een blauwe broek. ",
	"Véhicule immatriculé AB-123-CD retrouvé près de la gare. ",
	"We staan nu bij het winkelcentrum, kom gerust langs! #wijkagent ",
	"IBAN NL91 ABNA 0417 1643 00 is niet van ons, pas op voor oplichters. ",
	"Appel à témoins : la victime, 34 ans, domiciliée 12 bis rue des Lilas. \n",
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A post of `target` bytes made of snippets, deterministic for seed. */
static size_t make_post(char *buf, size_t cap, unsigned seed, size_t target)
{
	size_t n = 0, k;

	while (n < target) {
		const char *s;

		seed = seed * 1103515245u + 12345u;
		s = snippets[(seed >> 16) % (sizeof(snippets) / sizeof(snippets[0]))];
		k = strlen(s);
		if (n + k >= cap)
			break;
		memcpy(buf + n, s, k);
		n += k;
	}
	return n;
}

/*
 * Scans `mb` megabytes of generated posts as `account` and prints their throughput under `name`
 * (and the posts per second and findings for the professional pass). Returns 0, or 2 on a failure.
 */
static int scan_corpus(struct pl_scanner *sc, enum pl_account account, double mb, const char *name,
		       int details)
{
	struct pl_scan_options opt;
	struct pl_diag d;
	char post[4096];
	double t0, t1, bytes = 0;
	unsigned i;
	size_t findings = 0;

	pl_diag_init(&d);
	pl_scan_options_init(&opt);
	opt.account = account;
	t0 = now();
	for (i = 0; bytes < mb * 1024 * 1024; i++) {
		struct pl_findings f;
		/* posts as officers write them: 150 to 750 bytes */
		size_t n = make_post(post, sizeof(post), i, 150 + (i * 7919u) % 600);

		pl_findings_init(&f);
		if (pl_scanner_text(sc, "bench", post, n, &opt, &f, &d) != PL_OK) {
			fprintf(stderr, "bench_text: scan failed: %s\n", d.message);
			return 2;
		}
		findings += f.len;
		pl_findings_release(&f);
		bytes += (double)n;
	}
	t1 = now();
	printf("%s %.1f MB/s\n", name, bytes / (1024 * 1024) / (t1 - t0));
	if (details) {
		printf("scan_posts_per_s %.0f posts/s\n", i / (t1 - t0));
		printf("scan_findings %zu findings\n", findings);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *rules = argc > 1 ? argv[1] : "rules/default.json";
	double mb = argc > 2 ? strtod(argv[2], NULL) : 50.0, t0, t1;
	struct pl_ruleset *rs = NULL;
	struct pl_scanner *sc = NULL;
	struct pl_diag d;
	unsigned i, loads = 20;
	int rc;

	pl_diag_init(&d);
	t0 = now();
	for (i = 0; i < loads; i++) {
		pl_ruleset_free(&rs);
		if (pl_ruleset_load(&rs, rules, NULL, &d) != PL_OK) {
			char msg[2048];

			fprintf(stderr, "bench_text: %s\n", pl_diag_format(&d, msg, sizeof(msg)));
			return 2;
		}
	}
	t1 = now();
	printf("rules_compile_ms %.3f ms\n", (t1 - t0) * 1000.0 / loads);
	printf("rules_count %zu rules\n", pl_ruleset_count(rs));
	if (pl_scanner_new(&sc, rs) != PL_OK)
		return 2;
	rc = scan_corpus(sc, PL_ACCOUNT_UNSET, mb, "scan_mb_per_s", 1);
	/* the private-account rules run only on private posts: a fifth of the volume for them */
	if (!rc)
		rc = scan_corpus(sc, PL_ACCOUNT_PRIVATE, mb / 5, "scan_private_mb_per_s", 0);
	pl_scanner_free(&sc);
	pl_ruleset_free(&rs);
	return rc;
}
