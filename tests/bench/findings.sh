#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Whether a change to the scanning engine changed what it finds: the captions of the labelled
# corpus and the first 3,000 posts of bench_text's generated corpus, each written to a file, are
# linted by two builds as professional and as private accounts, with the same rules, and the JSON
# reports must be byte for byte the same. For changes meant to be faster and nothing else; a rule
# change is expected to differ (`make eval` measures those).
# Usage: sh tests/bench/findings.sh BUILD BEFORE [RULES]   (BUILD and BEFORE hold postlint)
set -u
build=$1
before=$2
rules=${3:-rules/default.json}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/posts"
python3 - "$tmp/posts" tests/corpus/posts.jsonl tests/tools/bench_text.c <<'PY'
import json, os, re, sys
out, corpus, bench = sys.argv[1:4]
n = 0
for line in open(corpus, encoding="utf-8"):
    if line.strip():
        open(os.path.join(out, "c%05d.txt" % n), "w", encoding="utf-8").write(json.loads(line)["text"])
        n += 1
# bench_text's snippets and its generator (make_post), so the posts are the benchmark's own
src = open(bench, encoding="utf-8").read()
body = src[src.index("snippets[] = {"):src.index("};", src.index("snippets[] = {"))]
snips = [json.loads('"%s"' % m) for m in re.findall(r'^\s*"(.*)",\s*$', body, re.M)]
for i in range(3000):
    seed, parts, size, target = i, [], 0, 150 + (i * 7919) % 600
    while size < target:
        seed = (seed * 1103515245 + 12345) & 0xffffffff
        s = snips[(seed >> 16) % len(snips)]
        parts.append(s)
        size += len(s.encode("utf-8"))
    open(os.path.join(out, "b%05d.txt" % i), "w", encoding="utf-8").write("".join(parts))
PY
status=0
for account in professional private; do
	for b in "$build" "$before"; do
		"$b/postlint" --rules "$rules" --account "$account" --format json --fail-on never \
			"$tmp/posts" >"$tmp/$(echo "$b" | tr / _).$account.json" 2>&1
	done
	a="$tmp/$(echo "$build" | tr / _).$account.json"
	z="$tmp/$(echo "$before" | tr / _).$account.json"
	n=$(grep -o '"rule"' "$a" | wc -l)
	if cmp -s "$a" "$z"; then
		echo "findings: $account accounts: the same $n findings in $(ls "$tmp/posts" | wc -l) posts"
	else
		echo "findings: $account accounts: the reports differ" >&2
		diff "$a" "$z" | head -20 >&2
		status=1
	fi
done
exit $status
