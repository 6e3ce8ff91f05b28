#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# make bench: every benchmark, each side by side with its reference in one run. Figures are
# ratios where a reference tool exists; absolute times are printed for context only (shared,
# noisy machines). Usage: tests/bench/run.sh BUILD_DIR
set -u
build=${1:-build}
rules=${POSTLINT_BENCH_RULES:-rules/default.json}
[ -f "$rules" ] || rules=tests/rules/core.json
echo "== text (rules: $rules)"
sh tests/bench/text.sh "$build" "$rules"
for b in meta faces batch ocr; do
	if [ -f "tests/bench/$b.sh" ]; then
		echo "== $b"
		sh "tests/bench/$b.sh" "$build"
	fi
done
