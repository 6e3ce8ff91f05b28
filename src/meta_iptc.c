/* SPDX-License-Identifier: Apache-2.0 */
/* IPTC-IIM datasets: places, people and captions from the application record (2:xx). */
#include <string.h>

#include "meta_int.h"

#include "banned.h"

/* At most this many datasets are read from one block. */
#define IPTC_MAX_DATASETS 8192

static const struct iptc_tag {
	unsigned char dataset;
	enum meta_field_id id;
	const char *source;
} iptc_tags[] = {
	{ 90, META_F_LOCATION_TEXT, "IPTC 2:90 City" },
	{ 92, META_F_LOCATION_TEXT, "IPTC 2:92 Sub-location" },
	{ 95, META_F_LOCATION_TEXT, "IPTC 2:95 Province-State" },
	{ 101, META_F_LOCATION_TEXT, "IPTC 2:101 Country" },
	{ 80, META_F_CREATOR_NAME, "IPTC 2:80 By-line" },
	{ 122, META_F_CREATOR_NAME, "IPTC 2:122 Writer-Editor" },
	{ 118, META_F_CONTACT, "IPTC 2:118 Contact" },
	{ 25, META_F_KEYWORDS, "IPTC 2:25 Keywords" },
	{ 116, META_F_COPYRIGHT, "IPTC 2:116 Copyright Notice" },
	{ 120, META_F_DESCRIPTION, "IPTC 2:120 Caption-Abstract" },
	{ 105, META_F_DESCRIPTION, "IPTC 2:105 Headline" },
	{ 65, META_F_SOFTWARE, "IPTC 2:65 Originating Program" },
};

static void dataset(struct meta_fields *f, unsigned ds, const unsigned char *d, size_t n,
		    long long off)
{
	size_t i;

	for (i = 0; i < sizeof(iptc_tags) / sizeof(iptc_tags[0]); i++)
		if (iptc_tags[i].dataset == ds)
			meta_add_text(f, iptc_tags[i].id, (const char *)d, n, iptc_tags[i].source, off);
}

void meta_iptc_read(struct meta_fields *f, const unsigned char *p, size_t len, long long off)
{
	size_t pos = 0, hdr, size, k, n;
	unsigned count = 0;

	while (len - pos >= 5 && count++ < IPTC_MAX_DATASETS && !f->oom) {
		if (p[pos] != 0x1c) {
			if (p[pos] != 0)
				meta_problem(f, off + (long long)pos, "IPTC dataset without 0x1C tag marker");
			return; /* zero padding ends the block quietly */
		}
		size = meta_be16(p + pos + 3);
		hdr = 5;
		if (size & 0x8000) { /* extended dataset: the next (size & 0x7fff) bytes hold the length */
			n = size & 0x7fff;
			if (n > 4 || len - pos - 5 < n) {
				meta_problem(f, off + (long long)pos, "IPTC extended length of %zu bytes", n);
				return;
			}
			for (size = 0, k = 0; k < n; k++)
				size = size << 8 | p[pos + 5 + k];
			hdr += n;
		}
		if (size > len - pos - hdr) {
			meta_problem(f, off + (long long)pos,
				     "IPTC dataset %u:%u declared length %zu past end of block", p[pos + 1],
				     p[pos + 2], size);
			return;
		}
		if (p[pos + 1] == 2)
			dataset(f, p[pos + 2], p + pos + hdr, size, off + (long long)pos);
		pos += hdr + size;
	}
}
