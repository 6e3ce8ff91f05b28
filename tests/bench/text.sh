#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Text benchmark: whole-process latency of linting one 2 KB post (goal < 15 ms), next to the
# cost of starting a trivial process, the rule set's compile time, and scanning throughput on a
# generated 50 MB corpus (goal >= 50 MB/s on one core).
# With BEFORE (another build's directory, holding tools/bench_text), its scanning throughput is
# measured in the same run, interleaved, and the ratio printed: the machines are shared and noisy.
# BENCH_ROUNDS sets how many rounds that comparison is the best of (8; one pair of builds measured
# 1.00 to 1.04 across sets of 3 to 8 rounds on the shared machine).
# Usage: tests/bench/text.sh BUILD_DIR RULES [BEFORE]
set -u
build=$1
rules=$2
before=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/post.txt" <<'PY'
import sys
s = ("Vanmiddag inbraak aan de Kerkstraat 12a. De verdachte droeg rode sneakers en een blauwe broek. "
     "Merci à tous pour votre accueil lors de la fête du quartier ! Thanks for joining our workshop. ")
out = (s * 20)[:2048]
open(sys.argv[1], "w").write(out)
PY
# Median of 41 runs, in microseconds, for a command.
median_us() {
	python3 - "$@" <<'PY'
import subprocess, sys, time
cmd = sys.argv[1:]
ts = []
for _ in range(41):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
ts.sort()
print(int(ts[len(ts) // 2] * 1e6))
PY
}
# The compiled-pattern cache in a scratch directory: warmed by one run, as every run after the
# first one finds it; the cold figure compiles every pattern (--no-cache).
export POSTLINT_CACHE_DIR="$tmp/cache"
"$build/postlint" --rules "$rules" "$tmp/post.txt" >/dev/null 2>&1
lint=$(median_us "$build/postlint" --rules "$rules" "$tmp/post.txt")
cold=$(median_us "$build/postlint" --no-cache --rules "$rules" "$tmp/post.txt")
base=$(median_us "$build/postlint" --version)
ms() { echo "$(($1 / 1000)).$(( ($1 % 1000) / 100 )) ms"; }
echo "one 2 KB post, whole process: $(ms "$lint") (goal < 15 ms; ratio to goal $(python3 -c "print(f'{$lint/15000:.2f}')")); 'postlint --version' $(ms "$base"); without the pattern cache (--no-cache) $(ms "$cold")"
"$build/tools/bench_text" "$rules" 50 | while read -r name value unit; do
	case $name in
	rules_compile_ms) echo "compile every pack: $value ms" ;;
	rules_count) echo "rules loaded: $value" ;;
	scan_mb_per_s) echo "scan throughput, one core: $value MB/s (goal >= 50 MB/s; ratio to goal $(python3 -c "print(f'{$value/50:.2f}')"))" ;;
	scan_private_mb_per_s) echo "scan throughput of private-account posts, one core: $value MB/s (the private-account rules run too)" ;;
	scan_posts_per_s) echo "posts per second, one core: $value" ;;
	esac
done
if [ -n "$before" ]; then
	# rounds of each build in turn on 20 MB; the best of each
	best() { sort -n | tail -1; }
	now=""
	old=""
	for _ in $(seq "${BENCH_ROUNDS:-8}"); do
		now="$now $("$build/tools/bench_text" "$rules" 20 | awk '$1 == "scan_mb_per_s" { print $2 }')"
		old="$old $("$before/tools/bench_text" "$rules" 20 | awk '$1 == "scan_mb_per_s" { print $2 }')"
	done
	a=$(printf '%s\n' $now | best)
	b=$(printf '%s\n' $old | best)
	echo "scan throughput against $before, same run (best of ${BENCH_ROUNDS:-8}, 20 MB): $a vs $b MB/s, ratio $(python3 -c "print(f'{$a/$b:.2f}')")"
fi
if [ -n "$before" ]; then
	# one post, whole process, each build in turn 200 times, each with a warm cache of its own
	# (two builds sharing one would rewrite it on every run): the median of the ratios
	python3 - "$build/postlint" "$before/postlint" "$rules" "$tmp/post.txt" "$tmp" <<'PY'
import os, statistics, subprocess, sys, time
now, old, rules, post, tmp = sys.argv[1:6]
def run(b, cache):
    t = time.perf_counter()
    subprocess.run([b, "--rules", rules, post], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=dict(os.environ, POSTLINT_CACHE_DIR=cache))
    return time.perf_counter() - t
caches = {now: os.path.join(tmp, "cache-now"), old: os.path.join(tmp, "cache-before")}
for b in (now, old):
    run(b, caches[b])
a, b, r = [], [], []
for _ in range(200):
    x = run(now, caches[now]); y = run(old, caches[old])
    a.append(x); b.append(y); r.append(x / y)
print("one 2 KB post against %s, 200 pairs in turn: %.2f vs %.2f ms (medians), ratio %.3f (median of the pairs)"
      % (os.path.dirname(old), statistics.median(a) * 1e3, statistics.median(b) * 1e3, statistics.median(r)))
PY
fi
