/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Literal prefilter. A small recursive-descent reader of PCRE2 syntax computes, for each
 * sub-pattern, either its exact language (a few strings, while it stays finite and small) or a
 * list of necessary conditions (sets of literals, one of which must occur). Concatenation
 * multiplies exact languages and collects conditions; alternation unites them; a quantifier with
 * minimum 0, '.', \w, \s, back-references and other constructs it does not model give nothing.
 * Everything is lower-cased: patterns are caseless and the normalised text is case-folded.
 * Where a literal must start or end a word (after \b, \s+ or "(?<![\w,])", before \b, \s+
 * or "(?!\w)"), a PF_WB byte marks that end, and the scan skips hits inside words ("we" in
 * "twee"): far fewer spans to search for the short words of the packs.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "prefilter.h"
#include "prefilter_set.h"
#include "utf8.h"
#include "banned.h"

#define PF_MAX_DEPTH 200

struct reader {
	const char *p;
	size_t len, i;
	int bail;                      /* give up: the whole pattern gets no condition */
	int depth;
	pf_vocab_fn vocab;
	void *ctx;
	struct prefilter *pf;          /* its vocabulary memo */
	int lead;                      /* a \b stands right before the group or vocabulary read next */
	int nonword;                   /* the atom just read is one character, never a word's */
	long qmin;                     /* the least repeat of the quantifier just read (1: none) */
	int top_alt;                   /* the pattern is an alternation at its top level */
	int look_read;                 /* the atom just read was a positive lookaround at the top */
	struct strset look_atom;       /* its condition, when it has one */
	struct pf_info looks;          /* the best such conditions kept (gate only: pf_gate) */
};

struct pf_vocab_memo {
	char *const *words;            /* the key: the word list the callback gave ... */
	int lead;                      /* ... and whether \b stood before it */
	struct pf_info in;                /* what read_vocab made of it */
};

/* ---- the reader ---- */

static void read_alt(struct reader *r, struct pf_info *out);

static int at_end(const struct reader *r)
{
	return r->i >= r->len;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/*
 * Whether a look-around's body (after "(?<!" or "(?!") is "\w)" or a class holding \w, as in
 * "(?<![\w,])": the character next to it is then not a word's, as \b would say.
 */
static int excludes_word(const char *b, size_t avail)
{
	size_t i;
	int w = 0;

	if (avail >= 3 && !memcmp(b, "\\w)", 3))
		return 1;
	if (avail < 2 || b[0] != '[' || b[1] == '^')
		return 0;
	for (i = 1; i < avail && b[i] != ']'; i++) {
		if (b[i] == '[')
			return 0; /* a POSIX class: not read here */
		if (b[i] == '\\' && i + 1 < avail) {
			w |= b[i + 1] == 'w';
			i++;
		}
	}
	return w && i + 1 < avail && b[i + 1] == ')';
}

static size_t utf8_seq(const char *p, size_t avail)
{
	unsigned char c = (unsigned char)p[0];
	size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

	return n <= avail ? n : avail;
}

/* The character of n bytes at p, lower-cased as the normalised text is, into out (up to 4 bytes);
 * its length there. */
static size_t lower_char(const char *p, size_t n, char *out)
{
	utf8proc_int32_t cp;

	if (n == 1 || utf8_valid_len(p, n) != n) {
		memcpy(out, p, n);
		out[0] = lower(out[0]);
		return n;
	}
	cp = utf8proc_tolower(utf8_decode(p, n));
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* A character class "[...]": the exact set of its members when small, each an ASCII byte or one
 * whole UTF-8 character, lower-cased ("[ÉE]" is "e" or "é"; ranges only of ASCII), else
 * nothing. */
static void read_class(struct reader *r, struct pf_info *out)
{
	unsigned char bits[32] = { 0 };
	char wide[PF_MAX_EXACT][4];
	size_t wlen[PF_MAX_EXACT], nwide = 0, n = 0, c, k;
	int neg = 0, unknown = 0, first = 1, wordless = 1; /* no member is an ASCII word byte */

	memset(out, 0, sizeof(*out));
	r->i++; /* '[' */
	if (!at_end(r) && r->p[r->i] == '^') {
		neg = 1;
		r->i++;
	}
	while (!at_end(r) && (r->p[r->i] != ']' || first)) {
		unsigned char lo = (unsigned char)r->p[r->i], hi;

		first = 0;
		if (lo == '[' && r->i + 1 < r->len && r->p[r->i + 1] == ':') {
			const char *e = strstr(r->p + r->i, ":]");

			unknown = 1;
			r->i = e ? (size_t)(e - r->p) + 2 : r->len;
			continue;
		}
		if (lo == '\\') {
			char e = r->i + 1 < r->len ? r->p[r->i + 1] : 0;

			r->i += 2;
			if (e == 'd') {
				for (c = '0'; c <= '9'; c++)
					bits[c >> 3] |= (unsigned char)(1u << (c & 7));
				continue;
			}
			if (strchr("wsWSDhHvVpPRNX", e) || (e >= '0' && e <= '9') || e == 'x' || !e) {
				unknown = 1;
				wordless &= e && strchr("sWhv", e) != NULL;
				if (e == 'p' || e == 'P' || e == 'x')
					while (!at_end(r) && r->p[r->i] != '}' && r->p[r->i] != ']')
						r->i++;
				if (!at_end(r) && r->p[r->i] == '}')
					r->i++;
				continue;
			}
			lo = (unsigned char)(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
		} else if (lo >= 0xc0) {
			/* a whole character of two to four bytes, on its own (not a range's end) */
			k = utf8_seq(r->p + r->i, r->len - r->i);
			wordless = 0;
			if (k < 2 || (r->i + k < r->len && r->p[r->i + k] == '-' &&
				      r->i + k + 1 < r->len && r->p[r->i + k + 1] != ']') ||
			    nwide == PF_MAX_EXACT)
				unknown = 1;
			else {
				wlen[nwide] = lower_char(r->p + r->i, k, wide[nwide]);
				nwide++;
			}
			r->i += k ? k : 1;
			continue;
		} else {
			r->i++;
		}
		hi = lo;
		if (r->i + 1 < r->len && r->p[r->i] == '-' && r->p[r->i + 1] != ']') {
			hi = (unsigned char)r->p[r->i + 1];
			r->i += 2;
			if (hi == '\\')
				unknown = 1, r->i++;
		}
		if (lo >= 0x80 || hi >= 0x80 || hi < lo) {
			unknown = 1;
			wordless = 0;
			continue;
		}
		for (c = lo; c <= hi; c++) {
			unsigned char l = (unsigned char)lower((char)c);

			bits[l >> 3] |= (unsigned char)(1u << (l & 7));
		}
	}
	r->i++; /* ']' */
	for (c = 0; c < 256 && wordless; c++)
		wordless = !(((bits[c >> 3] >> (c & 7)) & 1) && pf_word_byte((unsigned char)c));
	r->nonword = wordless && !neg;
	if (neg || unknown || ((bits[PF_WB >> 3] >> (PF_WB & 7)) & 1))
		return; /* a raw 0x01 would read as \b */
	for (c = 0; c < 256; c++)
		n += (bits[c >> 3] >> (c & 7)) & 1;
	n += nwide;
	if (!n || n > PF_MAX_EXACT)
		return;
	out->exact = 1;
	for (c = 1; c < 128; c++)
		if ((bits[c >> 3] >> (c & 7)) & 1) {
			char ch = (char)c;

			if (strset_add(&out->ex, &ch, 1) != 0)
				r->bail = 1;
		}
	for (k = 0; k < nwide; k++)
		if (strset_add(&out->ex, wide[k], wlen[k]) != 0)
			r->bail = 1;
}

/* "\Q...\E" */
static void read_quoted(struct reader *r, struct pf_info *out)
{
	const char *e;
	size_t s = r->i + 2, k;
	char buf[256];

	e = strstr(r->p + s, "\\E");
	k = e ? (size_t)(e - r->p) - s : r->len - s;
	r->i = e ? (size_t)(e - r->p) + 2 : r->len;
	if (k >= sizeof(buf) || memchr(r->p + s, PF_WB, k)) {
		memset(out, 0, sizeof(*out)); /* a raw 0x01 would read as \b */
		return;
	}
	for (size_t j = 0; j < k; j++)
		buf[j] = lower(r->p[s + j]);
	if (pf_info_exact(out, buf, k) != 0)
		r->bail = 1;
}

static void read_escape(struct reader *r, struct pf_info *out)
{
	char e = r->i + 1 < r->len ? r->p[r->i + 1] : 0, ch;

	memset(out, 0, sizeof(*out));
	if (e == 'Q') {
		read_quoted(r, out);
		return;
	}
	r->i += 2;
	if (e == 'd') {
		struct pf_info cls;
		struct reader sub = { .p = "[0-9]", .len = 5 };

		read_class(&sub, &cls);
		*out = cls;
		return;
	}
	if (e && strchr("sWhvR", e))
		r->nonword = 1;
	if (e == 'b') {
		/* zero-width, but the literal next to it starts or ends a word */
		ch = PF_WB;
		if (pf_info_exact(out, &ch, 1) != 0)
			r->bail = 1;
		return;
	}
	if (strchr("BAzZGK", e) && e) {
		if (pf_info_exact(out, "", 0) != 0)
			r->bail = 1;
		return;
	}
	if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9') || !e) {
		/* \w \s \p{..} \x.. \1 \k<..> \g..: not modelled; skip any braces or brackets */
		if (!at_end(r) && (r->p[r->i] == '{' || r->p[r->i] == '<' || r->p[r->i] == '\'')) {
			char close = r->p[r->i] == '{' ? '}' : r->p[r->i] == '<' ? '>' : '\'';

			while (!at_end(r) && r->p[r->i] != close)
				r->i++;
			r->i++;
		}
		return;
	}
	ch = e;
	if (ch == PF_WB)
		return; /* a raw 0x01 would read as \b */
	if (pf_info_exact(out, &ch, 1) != 0)
		r->bail = 1;
}

/* "(?" forms. Returns 1 when it was a group whose contents count, 0 for an assertion or option. */
static int read_group_head(struct reader *r, int *assertion)
{
	const char *p = r->p + r->i;

	*assertion = 0;
	if (p[0] != '?')
		return 1;
	if (p[1] == ':' || p[1] == '>' || p[1] == '|') {
		r->i += 2;
		return 1;
	}
	if (p[1] == '=' || p[1] == '!' || (p[1] == '<' && (p[2] == '=' || p[2] == '!'))) {
		r->i += p[1] == '<' ? 3 : 2;
		*assertion = 1;
		return 1;
	}
	if (p[1] == '<' || p[1] == '\'' || (p[1] == 'P' && p[2] == '<')) {
		char close = p[1] == '\'' ? '\'' : '>';

		while (!at_end(r) && r->p[r->i] != close)
			r->i++;
		r->i++;
		return 1;
	}
	/* inline options: (?i) (?-i) (?i:...) ; (?x) changes how the rest reads: give up */
	r->i++;
	while (!at_end(r) && r->p[r->i] != ')' && r->p[r->i] != ':') {
		if (r->p[r->i] == 'x' || r->p[r->i] == '#' || r->p[r->i] == '(' || r->p[r->i] == 'R' ||
		    (r->p[r->i] >= '0' && r->p[r->i] <= '9') || r->p[r->i] == '&' || r->p[r->i] == '+')
			r->bail = 1;
		r->i++;
	}
	if (!at_end(r) && r->p[r->i] == ':') {
		r->i++;
		return 1;
	}
	return 0; /* "(?i)": the caller reads the ')' */
}

void prefilter_memo_release(struct prefilter *pf)
{
	size_t i;

	for (i = 0; i < pf->nmemo; i++)
		pf_info_release(&pf->memo[i].in);
	free(pf->memo);
	pf->memo = NULL;
	pf->nmemo = 0;
}

static void vocab_info(const struct reader *r, char *const *w, size_t n, int lead,
		       struct pf_info *out);

/*
 * "{{name}}": the vocabulary's words, analysed once per rule set (vocab_info) and copied for each
 * use: the packs name the same few vocabularies in dozens of patterns. After \b (lead) it is
 * analysed apart, as its words then start a word. A fragment is read as the group it stands for.
 */
static void read_vocab(struct reader *r, struct pf_info *out, int lead)
{
	const char *close = strstr(r->p + r->i + 2, "}}"), *frag = NULL;
	struct pf_vocab_memo *m;
	char *const *w;
	size_t n, i;

	if (!close || !r->vocab ||
	    r->vocab(r->ctx, r->p + r->i + 2, (size_t)(close - r->p) - r->i - 2, &w, &n, &frag) != 0) {
		r->bail = 1;
		return;
	}
	r->i = (size_t)(close - r->p) + 2;
	if (frag) {
		/* a fragment: read as the group "(?:...)" it expands to */
		struct reader sub = *r;

		sub.p = frag;
		sub.len = strlen(frag);
		sub.i = 0;
		sub.lead = lead;
		if (++sub.depth > PF_MAX_DEPTH) {
			r->bail = 1;
			return;
		}
		read_alt(&sub, out);
		if (sub.bail || !at_end(&sub))
			r->bail = 1;
		r->nonword = 0;
		return;
	}
	for (i = 0; i < r->pf->nmemo; i++)
		if (r->pf->memo[i].words == w && r->pf->memo[i].lead == lead) {
			if (pf_info_copy(out, &r->pf->memo[i].in) != 0)
				r->bail = 1;
			return;
		}
	vocab_info(r, w, n, lead, out);
	if (r->bail)
		return;
	m = realloc(r->pf->memo, (r->pf->nmemo + 1) * sizeof(*m));
	if (!m) {
		r->bail = 1;
		return;
	}
	r->pf->memo = m;
	m[r->pf->nmemo].words = w;
	m[r->pf->nmemo].lead = lead;
	if (pf_info_copy(&m[r->pf->nmemo].in, out) != 0) {
		pf_info_release(&m[r->pf->nmemo].in);
		r->bail = 1;
		return;
	}
	r->pf->nmemo++;
}

/*
 * A word with a space or hyphen expands to a flexible separator, so only its longest piece is
 * certain; plain words are exact while they are few. After \b (lead), a word's first piece
 * starts a word: it is marked so (PF_WB).
 */
static void vocab_info(const struct reader *r, char *const *w, size_t n, int lead,
		       struct pf_info *out)
{
	struct reader *rw = (struct reader *)(uintptr_t)r; /* only its bail flag */
	size_t i, plain = 1;
	char buf[512];

	for (i = 0; i < n && plain; i++)
		plain = !strpbrk(w[i], " -");
	for (i = 0; i < n; i++) {
		const char *s = w[i], *best = s;
		size_t bl = 0, at = 0;

		if (strchr(s, PF_WB))
			rw->bail = 1; /* a raw 0x01 would read as \b */
		while (*s) {
			size_t k = strcspn(s, " -");

			if (k > bl) {
				bl = k;
				best = s;
			}
			s += k;
			s += strspn(s, " -");
		}
		if (lead && best == w[i] && bl + 1 < sizeof(buf)) {
			buf[0] = PF_WB;
			at = 1;
		}
		if (bl + at >= sizeof(buf))
			at = 0; /* too long to mark: kept unmarked below */
		if (at) {
			memcpy(buf + 1, best, bl);
			if (strset_push(&out->ex, buf, bl + 1) != 0)
				rw->bail = 1;
		} else if (strset_push(&out->ex, best, bl) != 0) {
			rw->bail = 1;
		}
	}
	strset_uniq(&out->ex);
	out->exact = 1;
	if (!plain || out->ex.n > PF_MAX_EXACT)
		pf_info_exact_to_cond(out);
}

/* What a top-level lookaround's text requires, taken from in (what the assertion's group read,
 * dropped by the caller after this) into r->look_atom, for read_concat to keep once it knows
 * the lookaround is not optional. */
static void look_take(struct reader *r, struct pf_info *in)
{
	long best;

	strset_release(&r->look_atom);
	r->look_read = 1;
	pf_info_exact_to_cond(in);
	if ((best = pf_info_best(in)) >= 0) {
		r->look_atom = in->conds[best];
		memset(&in->conds[best], 0, sizeof(in->conds[best]));
	}
}

static void read_atom(struct reader *r, struct pf_info *out)
{
	char c = r->p[r->i];
	int lead = r->lead;

	memset(out, 0, sizeof(*out));
	r->lead = 0;
	r->nonword = 0;
	if (c == '{' && r->i + 1 < r->len && r->p[r->i + 1] == '{') {
		read_vocab(r, out, lead);
		return;
	}
	if (c == '(') {
		int assertion = 0, group, wb = 0, look;
		const char *h = r->p + r->i + 1;
		size_t avail = r->len - r->i - 1;

		/* "(?<![\w,])" before a word and "(?![\w])" after one are as good as \b */
		if (avail > 3 && h[0] == '?' && h[1] == '<' && h[2] == '!')
			wb = excludes_word(h + 3, avail - 3);
		else if (avail > 2 && h[0] == '?' && h[1] == '!')
			wb = excludes_word(h + 2, avail - 2);
		r->i++;
		if (++r->depth > PF_MAX_DEPTH) {
			r->bail = 1;
			return;
		}
		/* a positive lookaround at the pattern's top level: its text must be there too */
		look = r->depth == 1 && avail > 1 && h[0] == '?' &&
		       (h[1] == '=' || (avail > 2 && h[1] == '<' && h[2] == '='));
		group = read_group_head(r, &assertion);
		if (group) {
			/* "\b(?:we|wij)" is "(?:\bwe|\bwij)"; an assertion's text stays out */
			r->lead = lead && !assertion;
			read_alt(r, out);
			r->lead = 0;
			r->nonword = 0; /* said of the group's last atom, not of the group */
			if (look && assertion && !r->bail)
				look_take(r, out);
		}
		r->depth--;
		if (!at_end(r) && r->p[r->i] == ')')
			r->i++;
		if (assertion || !group) {
			char mark = PF_WB;

			pf_info_release(out);
			if (pf_info_exact(out, &mark, wb ? 1 : 0) != 0)
				r->bail = 1;
		}
		return;
	}
	if (c == '[') {
		read_class(r, out);
		return;
	}
	if (c == '\\') {
		read_escape(r, out);
		return;
	}
	if (c == '.' || c == PF_WB) {
		/* any character; a raw 0x01 is not modelled, as it would read as \b */
		r->i++;
		return;
	}
	if (c == '^' || c == '$') {
		r->i++;
		if (pf_info_exact(out, "", 0) != 0)
			r->bail = 1;
		return;
	}
	{
		size_t n = utf8_seq(r->p + r->i, r->len - r->i);
		char buf[4];
		size_t m = lower_char(r->p + r->i, n, buf);

		r->i += n;
		if (pf_info_exact(out, buf, m) != 0)
			r->bail = 1;
	}
}

/* Parses "{n}", "{n,}", "{n,m}" at r->i; returns 0 and sets min/max (max -1: unbounded). */
static int read_braces(struct reader *r, long *min, long *max)
{
	size_t i = r->i + 1;
	long a = 0, b;

	if (i >= r->len || r->p[i] < '0' || r->p[i] > '9')
		return -1;
	while (i < r->len && r->p[i] >= '0' && r->p[i] <= '9' && a < 100000)
		a = a * 10 + (r->p[i++] - '0');
	b = a;
	if (i < r->len && r->p[i] == ',') {
		i++;
		b = -1;
		if (i < r->len && r->p[i] >= '0' && r->p[i] <= '9') {
			b = 0;
			while (i < r->len && r->p[i] >= '0' && r->p[i] <= '9' && b < 100000)
				b = b * 10 + (r->p[i++] - '0');
		}
	}
	if (i >= r->len || r->p[i] != '}')
		return -1;
	r->i = i + 1;
	*min = a;
	*max = b;
	return 0;
}

static void apply_quantifier(struct reader *r, struct pf_info *atom)
{
	long min, max;
	char q = at_end(r) ? 0 : r->p[r->i];

	r->qmin = 1;
	if (q == '*' || q == '+' || q == '?') {
		min = q == '+';
		max = q == '?' ? 1 : -1;
		r->i++;
	} else if (q != '{' || read_braces(r, &min, &max) != 0) {
		return;
	}
	r->qmin = min;
	if (!at_end(r) && (r->p[r->i] == '?' || r->p[r->i] == '+'))
		r->i++; /* lazy or possessive: same language */
	if (min == 0) {
		if (max == 1 && atom->exact && !strset_has(&atom->ex, "")) {
			if (strset_add(&atom->ex, "", 0) != 0)
				r->bail = 1;
			return;
		}
		pf_info_release(atom);
		return;
	}
	if (atom->exact && min == max && min > 1) {
		struct strset base = { 0 }, acc = { 0 };
		long k;
		int oom = 0, ok = 1;

		for (size_t i = 0; i < atom->ex.n; i++)
			if (strset_add(&base, atom->ex.v[i], strlen(atom->ex.v[i])) != 0)
				oom = 1;
		acc = atom->ex;
		memset(&atom->ex, 0, sizeof(atom->ex));
		for (k = 1; k < min && ok && !oom; k++)
			ok = strset_cross(&acc, &base, &oom) == 0;
		strset_release(&base);
		atom->ex = acc;
		r->bail |= oom;
		if (ok)
			return;
	}
	if (atom->exact && (max != 1 || min != 1))
		pf_info_exact_to_cond(atom);
}

/* Concatenation: a run of exact items multiplies; anything else ends the run. */
static void read_concat(struct reader *r, struct pf_info *out)
{
	struct strset run = { 0 }, marks = { 0 };
	int have_run = 0, oom = 0, inexact = 0, nonword;
	char mark = PF_WB;

	memset(out, 0, sizeof(*out));
	if (strset_add(&marks, &mark, 1) != 0)
		r->bail = 1;
	if (r->lead) {
		/* the enclosing group's \b stands before this branch too */
		r->lead = 0;
		if (strset_add(&run, &mark, 1) != 0)
			r->bail = 1;
		have_run = 1;
	}
	while (!at_end(r) && r->p[r->i] != '|' && r->p[r->i] != ')' && !r->bail) {
		struct pf_info item;
		size_t k;

		/* after nothing but \b, a group or vocabulary starts a word */
		r->lead = have_run && run.n == 1 && run.v[0][0] == PF_WB && !run.v[0][1] &&
			  (r->p[r->i] == '(' || (r->p[r->i] == '{' && r->i + 1 < r->len &&
						 r->p[r->i + 1] == '{'));
		r->look_read = 0;
		read_atom(r, &item);
		r->lead = 0;
		nonword = r->nonword;
		apply_quantifier(r, &item);
		nonword &= r->qmin > 0;
		if (r->look_read) {
			/* kept among the best unless optional ("(?=x)?" asks nothing) */
			if (r->qmin > 0 && strset_score(&r->look_atom) > 0) {
				pf_info_keep(&r->looks, &r->look_atom);
				memset(&r->look_atom, 0, sizeof(r->look_atom));
			}
			strset_release(&r->look_atom);
			r->look_read = 0;
		}
		if (item.exact) {
			if (!have_run) {
				run = item.ex;
				memset(&item.ex, 0, sizeof(item.ex));
				have_run = 1;
			} else if (strset_cross(&run, &item.ex, &oom) != 0) {
				pf_info_keep(out, &run);
				run = item.ex;
				memset(&item.ex, 0, sizeof(item.ex));
			}
			pf_info_release(&item);
			continue;
		}
		inexact = 1;
		if (have_run) {
			/* before a character that is never a word's, a literal ends a word */
			if (nonword)
				(void)strset_cross(&run, &marks, &oom); /* too long: kept unmarked */
			pf_info_keep(out, &run);
			have_run = 0;
		}
		for (k = 0; k < item.ncond; k++)
			pf_info_keep(out, &item.conds[k]);
		item.ncond = 0;
		pf_info_release(&item);
		if (nonword) {
			/* ... and after one, the next starts a word, as after \b */
			if (strset_add(&run, &mark, 1) != 0)
				oom = 1;
			have_run = 1;
		}
	}
	strset_release(&marks);
	r->bail |= oom;
	if (have_run && !out->ncond && !inexact) {
		out->exact = 1;
		out->ex = run;
	} else if (have_run) {
		pf_info_keep(out, &run);
	} else if (!inexact && !out->ncond) {
		/* nothing at all, as in "()" or "a|": the empty string */
		out->exact = 1;
		if (strset_add(&out->ex, "", 0) != 0)
			r->bail = 1;
	}
}

/* Alternation: exact languages unite; otherwise each branch's best condition unites. */
static void read_alt(struct reader *r, struct pf_info *out)
{
	struct pf_info *br = NULL, *nbr;
	size_t nb = 0, cap = 0, i, j;
	int all_exact = 1, all_cond = 1, lead = r->lead;

	memset(out, 0, sizeof(*out));
	for (;;) {
		if (nb == cap) {
			cap = cap ? cap * 2 : 8;
			nbr = realloc(br, cap * sizeof(*br));
			if (!nbr) {
				r->bail = 1;
				break;
			}
			br = nbr;
		}
		r->lead = lead;
		read_concat(r, &br[nb]);
		all_exact &= br[nb].exact;
		all_cond &= br[nb].exact ? !strset_has(&br[nb].ex, "") && strset_score(&br[nb].ex) > 0
					 : pf_info_best(&br[nb]) >= 0;
		nb++;
		if (at_end(r) || r->p[r->i] != '|' || r->bail)
			break;
		r->top_alt |= r->depth == 0;
		r->i++;
	}
	if (nb == 1) {
		*out = br[0];
		free(br);
		return;
	}
	if (all_exact) {
		out->exact = 1;
		for (i = 0; i < nb; i++)
			for (j = 0; j < br[i].ex.n; j++)
				if (strset_push(&out->ex, br[i].ex.v[j], strlen(br[i].ex.v[j])) != 0)
					r->bail = 1;
		strset_uniq(&out->ex);
		if (out->ex.n > PF_MAX_EXACT)
			pf_info_exact_to_cond(out);
	} else if (all_cond) {
		struct strset u = { 0 };

		for (i = 0; i < nb; i++) {
			const struct strset *s = br[i].exact ? &br[i].ex : &br[i].conds[pf_info_best(&br[i])];

			for (j = 0; j < s->n && u.n <= PF_MAX_SET; j++)
				if (strset_push(&u, s->v[j], strlen(s->v[j])) != 0)
					r->bail = 1;
		}
		strset_uniq(&u);
		pf_info_keep(out, &u);
	}
	for (i = 0; i < nb; i++)
		pf_info_release(&br[i]);
	free(br);
}

/* Appends condition s to gate; 0, or -1 on no memory. */
static int gate_add(struct prefilter *pf, struct pf_gate *gate, const struct strset *s)
{
	struct pf_cond *c = &gate->conds[gate->n];
	size_t j;

	if (!(c->lits = malloc((s->n ? s->n : 1) * sizeof(*c->lits))))
		return -1;
	gate->n++;
	for (j = 0; j < s->n; j++) {
		long id = prefilter_lit_id(pf, s->v[j]);

		if (id < 0)
			return -1;
		c->lits[c->n++] = (uint32_t)id;
	}
	return pf_cond_seal(c);
}

int prefilter_add(struct prefilter *pf, const char *pattern, size_t len, pf_vocab_fn vocab,
		  void *ctx, struct pf_gate *gate)
{
	struct reader r = { .p = pattern, .len = len, .vocab = vocab, .ctx = ctx, .pf = pf, .qmin = 1 };
	struct pf_info in;
	size_t i;
	int rc = 0;

	memset(gate, 0, sizeof(*gate));
	read_alt(&r, &in);
	if (!at_end(&r))
		r.bail = 1; /* an unbalanced ')' or a reader slip: trust nothing */
	pf_info_exact_to_cond(&in);
	for (i = 0; !r.bail && !rc && i < in.ncond; i++)
		rc = gate_add(pf, gate, &in.conds[i]);
	/* a lookaround's condition holds only when every match passes through it: not in one
	 * alternative of several. Taken only for a pattern that has no other: each costs the
	 * literal pass its literals (a third more for every lookaround of the default pack, for
	 * less than it saved), while a pattern with none runs on every caption. The few best,
	 * as for the others: a first name's lookahead is met in many captions, a phone's in few */
	for (i = 0; !r.bail && !rc && !in.ncond && !r.top_alt && i < r.looks.ncond; i++) {
		rc = gate_add(pf, gate, &r.looks.conds[i]);
		gate->nlook++;
	}
	if (rc || r.bail)
		pf_gate_release(gate);
	pf_info_release(&r.looks);
	strset_release(&r.look_atom);
	pf_info_release(&in);
	return rc;
}
