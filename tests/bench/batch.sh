#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Batch benchmark: a generated queue of 10,000 posts (caption and one to three real JPEGs, from
# tests/tools/mkqueue), checked at -j1 and -j2, text and metadata only (--no-pixels) and with
# pixels; peak memory at 1,000 and 10,000 posts. Prints the figures and the ratios against the
# goals (5,000 posts/s on two cores without pixels, 1.8 times from one worker to two, memory that
# does not grow with the queue). Figures only: nothing here fails on a slow machine.
# Usage: tests/bench/batch.sh BUILD_DIR
set -u
build=${1:-build}
bin=$build/postlint
rules=tests/rules/core.json
[ -f rules/default.json ] && rules=rules/default.json
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pl-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
runs=${BENCH_RUNS:-3}

[ -x /usr/bin/time ] || POSTLINT_DEPS_EXTRA=time sh .ci/deps >/dev/null 2>&1 || true

"$build/tools/mkqueue" "$tmp/q10k" 10000 1 || exit 1
"$build/tools/mkqueue" "$tmp/q1k" 1000 1 || exit 1
photos=$(find "$tmp/q10k" -name '*.jpg' | wc -l)
echo "queue: 10000 posts, $photos JPEGs, rules $rules, $(nproc) processors"

now() { date +%s.%N; }
# Best wall time of $runs runs of: postlint ARGS (output discarded).
best() {
	b=""
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now)
		"$bin" --rules "$rules" --no-progress -q "$@" >/dev/null 2>&1
		t1=$(now)
		b=$(echo "$t0 $t1 ${b:-}" | awk '{ t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3 }')
		i=$((i + 1))
	done
	echo "$b"
}
rate() { echo "$1 $2" | awk '{ printf "%.0f", $1 / $2 }'; }

t1n=$(best -j 1 --no-pixels "$tmp/q10k")
t2n=$(best -j 2 --no-pixels "$tmp/q10k")
t1p=$(best -j 1 "$tmp/q10k")
t2p=$(best -j 2 "$tmp/q10k")
printf '%-34s %8s posts/s  (%.2f s)\n' "-j1 text+metadata (--no-pixels)" "$(rate 10000 "$t1n")" "$t1n"
printf '%-34s %8s posts/s  (%.2f s)\n' "-j2 text+metadata (--no-pixels)" "$(rate 10000 "$t2n")" "$t2n"
printf '%-34s %8s posts/s  (%.2f s)\n' "-j1 with pixels" "$(rate 10000 "$t1p")" "$t1p"
printf '%-34s %8s posts/s  (%.2f s)\n' "-j2 with pixels" "$(rate 10000 "$t2p")" "$t2p"
echo "$t1n $t2n $t1p $t2p" | awk '{
	printf "speed-up -j1 -> -j2: %.2fx without pixels, %.2fx with pixels (goal 1.8x)\n", $1 / $2, $3 / $4
	r = 10000 / $2
	printf "two cores without pixels: %.0f posts/s (goal 5000): %s\n", r, (r >= 5000 ? "met" : "not met")
}'

# Peak memory: the window of in-flight posts is bounded, so 10x the posts must not mean 10x memory.
peak() { # queue
	/usr/bin/time -v "$bin" --rules "$rules" --no-progress -q -j 2 --format json "$1" \
		2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}
if [ -x /usr/bin/time ]; then
	m1=$(peak "$tmp/q1k")
	m10=$(peak "$tmp/q10k")
	echo "$m1 $m10" | awk '{ printf "peak RSS (-j2, json): %d KiB at 1,000 posts, %d KiB at 10,000 posts: ratio %.2f (goal: about 1)\n", $1, $2, $2 / $1 }'
else
	echo "peak RSS: /usr/bin/time missing (Debian package 'time')"
fi
