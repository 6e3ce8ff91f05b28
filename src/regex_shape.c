/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The shape of a pattern, read from its text, for searching only where a match can be:
 *
 * - Its reach: the bytes it can ever test, and among them those it can consume (outside
 *   lookarounds). Literals, ranges and classes name them; a byte outside the reach is never
 *   consumed, and a test against it comes out as it would at the end of the text. So a match
 *   lies inside one run of consumable bytes, and searching that run (the text before it visible,
 *   the text after it cut where the testable bytes end) finds what the whole caption would.
 *   The sets over-estimate, never under-estimate: bytes from 0x80 up always count (under UCP,
 *   \w, \d, \s and case folding reach beyond ASCII), both cases of a letter count, "[^...]"
 *   of ASCII characters consumes every byte it does not name, a letter, number or mark property
 *   ("\p{L}", "\p{Nd}") names its ASCII members, a code point ("\x{A0}") its bytes, and a
 *   construct that can match bytes the pattern does not name (".", "\W", "\P{..}", "\p{P}",
 *   "^", "$", ...) leaves no sets at all.
 * - Its width: the most characters a match can span, and how far past its end lookaheads and \b
 *   can look. A match holding a literal at offset h then starts at most width before h, and
 *   everything deciding it lies before h + width + ahead. Unbounded with "*", "+", "{n,}",
 *   back-references and what this reader does not know.
 * - The fewest ASCII digits a match consumes ("[0-9]{4}" four, "\\d" none: under UCP it matches
 *   other digits too). A stretch of text with fewer cannot hold a match.
 */
#include <string.h>

#include "regex.h"
#include "banned.h"

#define W_INF REGEX_UNBOUNDED

struct shape_reader {
	const char *p;
	size_t len, i;
	uint64_t *u;           /* every byte tested */
	uint64_t *c;           /* bytes consumed: tested outside lookarounds */
	int look;              /* inside this many lookarounds */
	int no_reach, no_width, word_test;
	uint32_t ahead;        /* lookahead widths, summed: a bound on any chain of them */
};

static uint32_t w_add(uint32_t a, uint32_t b)
{
	return a >= W_INF - b ? W_INF : a + b;
}

static uint32_t w_mul(uint32_t a, uint32_t n)
{
	if (!a || !n)
		return 0;
	return a >= W_INF / n ? W_INF : a * n;
}

static void add(uint64_t *u, unsigned c)
{
	c &= 0xff;
	u[c >> 6] |= (uint64_t)1 << (c & 63);
	if (c >= 'a' && c <= 'z')
		c -= 32;
	else if (c >= 'A' && c <= 'Z')
		c += 32;
	else
		return;
	u[c >> 6] |= (uint64_t)1 << (c & 63);
}

static void add_range(uint64_t *u, unsigned lo, unsigned hi)
{
	for (; lo <= hi && lo < 256; lo++)
		add(u, lo);
}

static void add_word(uint64_t *u)
{
	add_range(u, '0', '9');
	add_range(u, 'a', 'z');
	add(u, '_');
}

static int is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void put(struct shape_reader *r, unsigned c)
{
	add(r->u, c);
	if (!r->look)
		add(r->c, c);
}

static void put_range(struct shape_reader *r, unsigned lo, unsigned hi)
{
	for (; lo <= hi && lo < 256; lo++)
		put(r, lo);
}

static void put_word(struct shape_reader *r)
{
	put_range(r, '0', '9');
	put_range(r, 'a', 'z');
	put(r, '_');
}

/* Skips "{...}" at p[*i], when there, for \p{..} and \x{..}. */
static void skip_braced(struct shape_reader *r)
{
	if (r->i < r->len && r->p[r->i] == '{') {
		while (r->i < r->len && r->p[r->i] != '}')
			r->i++;
		r->i++;
	}
}

/* The code point of "\xHH" or "\x{H...}" at p[i] (the backslash), and i past it; -1 when it is
 * not one this reader follows. */
static long hex_escape(struct shape_reader *r)
{
	size_t k = r->i + 2, end;
	long cp = 0;
	int n = 0;

	if (k < r->len && r->p[k] == '{') {
		for (end = ++k; end < r->len && r->p[end] != '}'; end++)
			;
		if (end >= r->len)
			return -1;
	} else {
		end = k + 2 <= r->len ? k + 2 : r->len;
	}
	for (; k < end; k++, n++) {
		char h = r->p[k], l = (char)(h | 32);
		int v = h >= '0' && h <= '9' ? h - '0' : l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;

		if (v < 0 || cp > 0x10ffff)
			return -1;
		cp = cp * 16 + v;
	}
	if (!n)
		return -1;
	r->i = end < r->len && r->p[end] == '}' ? end + 1 : end;
	return cp;
}

/* The bytes of code point cp: itself in ASCII, else bytes from 0x80 up (every byte of a longer
 * UTF-8 sequence is). */
static void put_code_point(struct shape_reader *r, long cp)
{
	if (cp < 0x80)
		put(r, (unsigned)cp);
	else
		put_range(r, 0x80, 0xff);
}

/*
 * A Unicode property "\p{..}" (or "\pL") at p[i], i on the name: letters (L, Lu, Ll, ...), numbers
 * (N, Nd, ...) and marks (M, Mn, ...) name their ASCII members and every byte from 0x80 up;
 * other properties, and "\p{^..}", leave no sets.
 */
static void read_property(struct shape_reader *r)
{
	char kind;

	if (r->i < r->len && r->p[r->i] == '{') {
		kind = r->i + 1 < r->len ? r->p[r->i + 1] : '\0';
		skip_braced(r);
	} else {
		kind = r->i < r->len ? r->p[r->i] : '\0';
		r->i++;
	}
	put_range(r, 0x80, 0xff);
	if (kind == 'L')
		put_range(r, 'a', 'z');
	else if (kind == 'N')
		put_range(r, '0', '9');
	else if (kind != 'M')
		r->no_reach = 1;
}

/*
 * An escape at p[i] (the backslash). Adds what it can match; returns its width in characters (0
 * for assertions). in_class: inside "[...]", where \b is a backspace.
 */
static uint32_t read_escape(struct shape_reader *r, int in_class)
{
	unsigned char e;

	if (r->i + 1 >= r->len) {
		r->no_reach = r->no_width = 1;
		r->i = r->len;
		return 0;
	}
	e = (unsigned char)r->p[r->i + 1];
	r->i += 2;
	switch (e) {
	case 'd':
		put_range(r, '0', '9');
		return 1;
	case 'w':
		put_word(r);
		return 1;
	case 's':
		put_range(r, '\t', '\r');
		put(r, ' ');
		return 1;
	case 'h':
		put(r, '\t');
		put(r, ' ');
		return 1;
	case 'v':
		put_range(r, '\n', '\r');
		return 1;
	case 'n':
		put(r, '\n');
		return 1;
	case 't':
		put(r, '\t');
		return 1;
	case 'r':
		put(r, '\r');
		return 1;
	case 'f':
		put(r, '\f');
		return 1;
	case 'e':
		put(r, 0x1b);
		return 1;
	case 'a':
		put(r, 0x07);
		return 1;
	case 'b':
		if (in_class) {
			put(r, 0x08);
			return 1;
		}
		r->word_test = 1;
		return 0;
	case 'B':
		r->word_test = 1;
		r->no_reach |= in_class;
		return 0;
	case 'D':
	case 'W':
	case 'S':
	case 'H':
	case 'V':
	case 'N':
		r->no_reach = 1; /* the complement of a class: bytes not named */
		return 1;
	case 'p':
		read_property(r);
		return 1;
	case 'P':
		r->no_reach = 1;
		if (r->i < r->len && r->p[r->i] == '{')
			skip_braced(r);
		else
			r->i++;
		return 1;
	case 'x': {
		long cp;

		r->i -= 2;
		if ((cp = hex_escape(r)) < 0) {
			r->no_reach = r->no_width = 1;
			r->i += 2;
			return W_INF;
		}
		put_code_point(r, cp);
		return 1;
	}
	default:
		/* \o, \c, \X, \R, \A, \z, \G, \K, back-references, ...: bytes not written in
		 * the pattern, the text's ends, or a width this reader does not follow */
		if (is_alnum(e)) {
			r->no_reach = r->no_width = 1;
			return W_INF;
		}
		put(r, e); /* an escaped punctuation character stands for itself */
		return 1;
	}
}

/* "[...]" at p[i] (the '['): one character, from the bytes named (ranges expanded). Returns
 * whether it matches ASCII digits only. */
static int read_class(struct shape_reader *r)
{
	const char *p = r->p;
	size_t len = r->len;
	int prev = -1, first = 1, digits = 1, neg = 0;
	uint64_t members[4] = { 0 }, unused[4] = { 0 }, *su = r->u, *sc = r->c;
	unsigned b;

	r->i++;
	if (r->i < len && p[r->i] == '^') {
		/* "[^...]": what it names goes to members; it consumes everything else */
		neg = 1;
		digits = 0;
		r->u = members;
		r->c = unused;
		r->i++;
	}
	while (r->i < len && (p[r->i] != ']' || first)) {
		unsigned c = (unsigned char)p[r->i];

		first = 0;
		if (c == '[' && r->i + 1 < len && (p[r->i + 1] == ':' || p[r->i + 1] == '.' ||
						   p[r->i + 1] == '=')) {
			char kind = p[r->i + 1];

			r->no_reach = 1; /* POSIX classes are not followed */
			digits = 0;
			for (r->i += 2; r->i + 1 < len && !(p[r->i] == kind && p[r->i + 1] == ']'); r->i++)
				;
			r->i += 2;
			prev = -1;
			continue;
		}
		if (c == '\\' && r->i + 1 < len && p[r->i + 1] == 'x') {
			/* a code point may start a range: from 0x80 up it stands for them all */
			long cp = hex_escape(r);

			digits = 0;
			prev = -1;
			if (cp < 0) {
				r->no_reach = 1;
				r->i += 2;
				continue;
			}
			put_code_point(r, cp);
			prev = cp < 0x80 ? (int)cp : 0x80;
			continue;
		}
		if (c == '\\') {
			unsigned char e = r->i + 1 < len ? (unsigned char)p[r->i + 1] : 0;

			read_escape(r, 1);
			digits = 0;
			/* a range may end on an escaped punctuation character; classes end a range */
			prev = is_alnum(e) ? -1 : e;
			continue;
		}
		if (c == '-' && prev >= 0 && r->i + 1 < len && p[r->i + 1] != ']') {
			unsigned hi = (unsigned char)p[r->i + 1];

			r->i++;
			if (hi == '\\') {
				unsigned char e = r->i + 1 < len ? (unsigned char)p[r->i + 1] : 0;

				digits = 0;
				if (e == 'x') {
					long cp = hex_escape(r);

					if (cp < 0 || cp < prev) {
						r->no_reach = 1;
						r->i += cp < 0 ? 2 : 0;
					} else {
						put_range(r, (unsigned)prev,
							  cp < 0x80 ? (unsigned)cp : 0xff);
					}
					prev = -1;
					continue;
				}
				if (is_alnum(e)) {
					r->no_reach = 1;
					read_escape(r, 1);
					prev = -1;
					continue;
				}
				hi = e;
				r->i++;
			}
			if (hi < (unsigned)prev)
				r->no_reach = 1;
			digits &= is_digit(prev) && is_digit(hi);
			put_range(r, (unsigned)prev, hi);
			r->i++;
			prev = -1;
			continue;
		}
		put(r, c);
		digits &= is_digit(c);
		prev = (int)c;
		r->i++;
	}
	if (r->i >= len)
		r->no_reach = r->no_width = 1;
	r->i++;
	if (neg) {
		r->u = su;
		r->c = sc;
		/* a byte of a character it names is also a byte of characters it does not name */
		if (members[2] | members[3])
			r->no_reach = 1;
		for (b = 0; b < 256 && !r->no_reach; b++)
			if (!((members[b >> 6] >> (b & 63)) & 1))
				put(r, b);
	}
	return digits;
}

/* "{n}", "{n,}", "{n,m}" at p[i]: 1, with *min and *max (W_INF when open), and i past it; 0
 * when the brace is a literal. */
static int braces(struct shape_reader *r, uint32_t *min, uint32_t *max)
{
	size_t k = r->i + 1;
	uint32_t lo = 0, hi = 0;
	int comma = 0, digits = 0;

	for (; k < r->len && ((r->p[k] >= '0' && r->p[k] <= '9') || (r->p[k] == ',' && !comma)); k++) {
		if (r->p[k] == ',') {
			comma = 1;
			continue;
		}
		digits++;
		if (comma)
			hi = hi > 100000 ? hi : hi * 10 + (uint32_t)(r->p[k] - '0');
		else
			lo = lo > 100000 ? lo : lo * 10 + (uint32_t)(r->p[k] - '0');
	}
	if (k >= r->len || r->p[k] != '}' || !digits)
		return 0;
	if (r->p[r->i + 1] == ',') {
		r->no_width = 1; /* "{,m}": a literal to PCRE2 10.42, a quantifier to later ones */
		return 0;
	}
	*min = lo;
	*max = !comma ? lo : r->p[k - 1] == ',' ? W_INF : hi;
	r->i = k + 1;
	return 1;
}

/* A group's name from p[i] to close: i past it; no shape when it is not a name. */
static void skip_name(struct shape_reader *r, char close)
{
	for (; r->i < r->len && r->p[r->i] != close; r->i++)
		if (!is_alnum((unsigned char)r->p[r->i]) && r->p[r->i] != '_')
			r->no_reach = r->no_width = 1;
	if (r->i >= r->len)
		r->no_reach = r->no_width = 1;
	r->i++;
}

enum group_kind { GROUP_PLAIN, GROUP_AHEAD, GROUP_BEHIND, GROUP_OPTIONS };

/*
 * A group's opening at p[i] ('('), skipped: plain, non-capturing, atomic, branch-reset, named,
 * lookarounds, inline options (GROUP_OPTIONS: "(?i)", nothing inside). Conditionals, comments,
 * verbs, calls, named back-references and extended mode (whose comments this reader would take
 * for pattern) leave no shape.
 */
static enum group_kind group_head(struct shape_reader *r)
{
	const char *p = r->p;
	size_t k = r->i + 1;

	if (k < r->len && p[k] == '*') {
		r->no_reach = r->no_width = 1;
		r->i = k;
		return GROUP_PLAIN;
	}
	if (k >= r->len || p[k] != '?') {
		r->i = k;
		return GROUP_PLAIN;
	}
	k++;
	r->i = k + 1;
	if (k >= r->len) {
		r->no_reach = r->no_width = 1;
		return GROUP_PLAIN;
	}
	switch (p[k]) {
	case ':':
	case '>':
	case '|':
		return GROUP_PLAIN;
	case '=':
	case '!':
		return GROUP_AHEAD;
	case '<':
		if (k + 1 < r->len && (p[k + 1] == '=' || p[k + 1] == '!')) {
			r->i = k + 2;
			return GROUP_BEHIND;
		}
		skip_name(r, '>');
		return GROUP_PLAIN;
	case '\'':
		skip_name(r, '\'');
		return GROUP_PLAIN;
	case 'P':
		if (k + 1 < r->len && p[k + 1] == '<') {
			r->i = k + 2;
			skip_name(r, '>');
			return GROUP_PLAIN;
		}
		break;
	default:
		/* inline options: "(?i)", "(?i:", "(?-i)", "(?^)" */
		for (; k < r->len && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
				      p[k] == '-' || p[k] == '^');
		     k++)
			if (p[k] == 'x')
				r->no_reach = r->no_width = 1;
		r->i = k + 1;
		if (k < r->len && p[k] == ')')
			return GROUP_OPTIONS;
		if (k < r->len && p[k] == ':')
			return GROUP_PLAIN;
		break;
	}
	r->no_reach = r->no_width = 1; /* (?(cond), (?#comment), (?R), (?1), (?&name), (?P=name) */
	return GROUP_PLAIN;
}

static uint32_t read_alt(struct shape_reader *r, uint32_t *digits);

static uint32_t d_add(uint32_t a, uint32_t b)
{
	return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

/* One atom at p[i], without its quantifier: its width, and in *digits the fewest ASCII digits
 * it consumes. */
static uint32_t read_atom(struct shape_reader *r, uint32_t *digits)
{
	unsigned char c = (unsigned char)r->p[r->i];
	uint32_t w, min, max;
	enum group_kind kind;

	*digits = 0;
	switch (c) {
	case '\\':
		if (r->i + 1 < r->len && r->p[r->i + 1] == 'Q') {
			for (w = 0, r->i += 2; r->i < r->len && !(r->p[r->i] == '\\' && r->i + 1 < r->len &&
								   r->p[r->i + 1] == 'E');
			     r->i++) {
				put(r, (unsigned char)r->p[r->i]);
				w += ((unsigned char)r->p[r->i] & 0xc0) != 0x80;
				*digits += is_digit((unsigned char)r->p[r->i]);
			}
			r->i += 2;
			return w;
		}
		return read_escape(r, 0); /* \d counts no digit: under UCP it matches others too */
	case '[':
		*digits = (uint32_t)read_class(r);
		return 1;
	case '(':
		kind = group_head(r);
		if (kind == GROUP_OPTIONS)
			return 0;
		r->look += kind != GROUP_PLAIN;
		w = read_alt(r, digits);
		r->look -= kind != GROUP_PLAIN;
		if (r->i >= r->len || r->p[r->i] != ')')
			r->no_reach = r->no_width = 1;
		r->i++;
		if (kind == GROUP_AHEAD)
			r->ahead = w_add(r->ahead, w);
		if (kind != GROUP_PLAIN)
			*digits = 0; /* a lookaround consumes nothing */
		return kind == GROUP_PLAIN ? w : 0;
	case '.':
		r->no_reach = 1;
		r->i++;
		return 1;
	case '^':
	case '$':
		r->no_reach = 1; /* the text's ends, or a line's */
		if (c == '$')
			r->ahead = w_add(r->ahead, 2); /* "$" looks past a final newline */
		r->i++;
		return 0;
	case '*':
	case '+':
	case '?':
		r->no_reach = r->no_width = 1; /* a quantifier with nothing before it */
		r->i++;
		return 0;
	case '{':
		if (braces(r, &min, &max)) {
			r->no_reach = r->no_width = 1;
			return 0;
		}
		break;
	default:
		break;
	}
	put(r, c);
	r->i++;
	*digits = (uint32_t)is_digit(c);
	return (c & 0xc0) != 0x80; /* a character counts at its first byte */
}

/* A quantifier after an atom of width w, if any: the width with it; *digits (the atom's) becomes
 * the fewest the repeats consume. */
static uint32_t read_quantifier(struct shape_reader *r, uint32_t w, uint32_t *digits)
{
	uint32_t min, max;

	if (r->i >= r->len)
		return w;
	switch (r->p[r->i]) {
	case '*':
		r->i++;
		min = 0;
		max = W_INF;
		break;
	case '+':
		r->i++;
		min = 1;
		max = W_INF;
		break;
	case '?':
		r->i++;
		min = 0;
		max = 1;
		break;
	case '{':
		if (!braces(r, &min, &max))
			return w;
		break;
	default:
		return w;
	}
	if (r->i < r->len && (r->p[r->i] == '+' || r->p[r->i] == '?'))
		r->i++; /* possessive or lazy */
	*digits = *digits && min ? (*digits > UINT32_MAX / min ? UINT32_MAX : *digits * min) : 0;
	return max == W_INF && w ? W_INF : w_mul(w, max);
}

static uint32_t read_seq(struct shape_reader *r, uint32_t *digits)
{
	uint32_t w = 0, d;

	*digits = 0;
	while (r->i < r->len && r->p[r->i] != '|' && r->p[r->i] != ')') {
		uint32_t a = read_atom(r, &d);

		w = w_add(w, read_quantifier(r, a, &d));
		*digits = d_add(*digits, d);
	}
	return w;
}

static uint32_t read_alt(struct shape_reader *r, uint32_t *digits)
{
	uint32_t w = read_seq(r, digits), b, d;

	while (r->i < r->len && r->p[r->i] == '|') {
		r->i++;
		b = read_seq(r, &d);
		w = b > w ? b : w;
		*digits = d < *digits ? d : *digits;
	}
	return w;
}

void regex_shape(struct regex *re, const char *pattern, size_t len)
{
	struct shape_reader r = { .p = pattern, .len = len, .u = re->reach, .c = re->consume };
	uint32_t w, digits;

	memset(re->reach, 0, sizeof(re->reach));
	memset(re->consume, 0, sizeof(re->consume));
	re->reach[2] = re->reach[3] = ~(uint64_t)0; /* 0x80 and up */
	re->consume[2] = re->consume[3] = ~(uint64_t)0;
	w = read_alt(&r, &digits);
	if (r.i < len)
		r.no_reach = r.no_width = 1; /* an unbalanced ')' */
	if (r.word_test) {
		add_word(re->reach);
		r.ahead = w_add(r.ahead, 1); /* \b looks at the next character */
	}
	re->has_reach = !r.no_reach;
	re->width = r.no_width ? W_INF : w;
	re->ahead = r.no_width ? W_INF : r.ahead;
	/* a construct not followed (extended mode's comments, say) may hide what looks like digits */
	re->digits = r.no_width ? 0 : digits;
}
