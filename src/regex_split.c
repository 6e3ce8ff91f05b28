/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Top-level alternatives of a pattern. Each can then be gated by its own literals and searched on
 * its own; the pattern rule merges their matches exactly as the whole alternation would choose
 * them (leftmost start, then the earlier alternative).
 */
#include <string.h>

#include "regex_split.h"
#include "banned.h"

/* Skips a character class starting at p[i] == '['; returns the index after its ']'. */
static size_t skip_class(const char *p, size_t len, size_t i)
{
	i++;
	if (i < len && p[i] == '^')
		i++;
	if (i < len && p[i] == ']')
		i++;
	while (i < len && p[i] != ']') {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '[' && i + 1 < len && p[i + 1] == ':') {
			const char *e = strstr(p + i + 2, ":]");

			if (e && (size_t)(e - p) < len)
				i = (size_t)(e - p) + 1;
		}
		i++;
	}
	return i + 1;
}

/* Whether "(?" at p[i] is something that splitting would break: top-level option settings,
 * recursion, callouts; plain groups, named groups and lookarounds are fine. */
static int risky_group(const char *p, size_t len, size_t i, int depth)
{
	char c = i + 2 < len ? p[i + 2] : 0;

	if (p[i + 1] == '*')
		return 1; /* (*VERB) */
	if (p[i + 1] != '?')
		return 0;
	if (c == ':' || c == '=' || c == '!' || c == '>' || c == '|' || c == '<' || c == '\'' ||
	    c == 'P' || c == '#')
		return c == 'P' && i + 3 < len && (p[i + 3] == '=' || p[i + 3] == '>'); /* (?P=n) (?P>n) */
	if (c == 'R' || c == '&' || c == '+' || c == 'C' || (c >= '0' && c <= '9'))
		return 1;
	/* inline options: "(?i:...)" is local to its group; "(?i)" at the top changes the rest */
	while (i + 2 < len && p[i + 2] != ')' && p[i + 2] != ':')
		i++;
	return depth == 0 && i + 2 < len && p[i + 2] == ')';
}

/*
 * Walks p's top level. Returns the number of top-level alternatives, 0 when splitting would change
 * the meaning. With bars, stores where each top-level '|' that ends a group stands, the total
 * alternatives spread over max groups in order (alternative j in group j * max / total).
 */
static size_t walk(const char *p, size_t len, size_t max, size_t total, size_t *bars)
{
	size_t i = 0, n = 1, b = 0;
	int depth = 0;

	while (i < len) {
		char c = p[i];

		if (c == '\\') {
			char e = i + 1 < len ? p[i + 1] : 0;

			if ((e >= '1' && e <= '9') || e == 'g' || e == 'k' || e == 'Q')
				return 0;
			i += 2;
			continue;
		}
		if (c == '[') {
			i = skip_class(p, len, i);
			continue;
		}
		if (c == '(') {
			if (i + 1 < len && risky_group(p, len, i, depth))
				return 0;
			depth++;
		} else if (c == ')') {
			depth--;
		} else if (c == '|' && depth == 0) {
			/* alternative n - 1 ends here; a group of them ends when the next one starts
			 * another group: alternative j belongs to group j * max / total */
			if (bars && (n - 1) * max / total != n * max / total)
				bars[b++] = i;
			n++;
		}
		i++;
	}
	return depth == 0 ? n : 0;
}

/* The length of the option settings that open p ("(?-i)", "(?i)(?x)"), 0 when there are none. */
static size_t split_lead(const char *p, size_t len)
{
	size_t i = 0, j;

	while (i + 3 < len && p[i] == '(' && p[i + 1] == '?') {
		for (j = i + 2; j < len && ((p[j] >= 'a' && p[j] <= 'z') || (p[j] >= 'A' && p[j] <= 'Z') ||
					   p[j] == '-' || p[j] == '^');
		     j++)
			;
		if (j == i + 2 || j >= len || p[j] != ')')
			break;
		i = j + 1;
	}
	return i;
}

/* The index after the group that opens at p[i] == '(', 0 when it does not close. */
static size_t group_end(const char *p, size_t len, size_t i)
{
	int depth = 0;

	while (i < len) {
		if (p[i] == '\\') {
			i += 2;
			continue;
		}
		if (p[i] == '[') {
			i = skip_class(p, len, i);
			continue;
		}
		if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && --depth == 0)
			return i + 1;
		i++;
	}
	return 0;
}

/* The index after the zero-width assertions at p[i..]: \b, \B and lookarounds, any number. */
static size_t past_assertions(const char *p, size_t len, size_t i)
{
	size_t end;

	for (;;) {
		if (i + 1 < len && p[i] == '\\' && (p[i + 1] == 'b' || p[i + 1] == 'B'))
			i += 2;
		else if (i + 3 < len && p[i] == '(' && p[i + 1] == '?' &&
			 (p[i + 2] == '=' || p[i + 2] == '!' ||
			  (p[i + 2] == '<' && (p[i + 3] == '=' || p[i + 3] == '!'))) &&
			 (end = group_end(p, len, i)) != 0)
			i = end;
		else
			return i;
	}
}

/*
 * Whether p after its options is one non-capturing group between zero-width assertions,
 * "\b(?:a|b)\b"; its body is then [*body, *close). Assertions choose nothing by backtracking,
 * so "\b(?:a|b)\b" matches as "\b(?:a)\b|\b(?:b)\b" does, the leftmost start and then the
 * earlier alternative.
 */
static int wrapped(const char *p, size_t len, size_t lead, size_t *body, size_t *close)
{
	size_t i = past_assertions(p, len, lead), end;

	if (i + 3 > len || p[i] != '(' || p[i + 1] != '?' || p[i + 2] != ':' ||
	    !(end = group_end(p, len, i)))
		return 0;
	/* nothing but assertions after it: no quantifier, nothing that backtracks into it */
	if (past_assertions(p, len, end) != len)
		return 0;
	*body = i + 3;
	*close = end - 1;
	return 1;
}

/* The spans of the n alternatives of p[from, to), spread over at most max of them. */
static size_t spans(const char *p, size_t from, size_t to, size_t n, size_t max, size_t *starts,
		    size_t *ends)
{
	size_t groups = n < max ? n : max, k;

	/* ends[] holds the bars for now: groups - 1 of them */
	walk(p + from, to - from, groups, n, ends);
	for (k = groups - 1; k > 0; k--)
		starts[k] = from + ends[k - 1] + 1;
	starts[0] = from;
	for (k = 0; k + 1 < groups; k++)
		ends[k] = starts[k + 1] - 1;
	ends[groups - 1] = to;
	return groups;
}

size_t regex_split_top(const char *p, size_t len, size_t *starts, size_t *ends, size_t max,
		       size_t *tail)
{
	size_t lead = split_lead(p, len), n, body, close;

	*tail = len;
	/* the options that open the pattern are the same for every alternative: the caller puts
	 * them before each one, and the walk starts after them */
	n = walk(p + lead, len - lead, max, 1, NULL);
	if (max >= 2 && n == 1 && wrapped(p, len, lead, &body, &close) &&
	    (n = walk(p + body, close - body, max, 1, NULL)) >= 2) {
		/* one group between assertions: its alternatives, each inside what wraps it */
		*tail = close;
		return spans(p, body, close, n, max, starts, ends);
	}
	if (n < 2 || max < 2) {
		starts[0] = 0;
		ends[0] = len;
		return 1;
	}
	return spans(p, lead, len, n, max, starts, ends);
}
