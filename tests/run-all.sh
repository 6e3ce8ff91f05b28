#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The whole test suite: unit tests, rule examples, CLI golden tests, fuzz replays and the
# differential tests against the reference tools. Prints one closing "N passed, N failed" line.
# Usage: tests/run-all.sh BUILD_DIR
set -u
build=${1:-build}
total_pass=0; total_fail=0
run() { # name, command...
	name=$1; shift
	out=$("$@" 2>&1); rc=$?
	printf '%s\n' "$out" | tail -n 20
	line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p')
	p=${p:-0}; f=${f:-0}
	[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
	echo "== $name: $p passed, $f failed"
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}
run unit sh tests/run-unit.sh $(ls "$build"/tests/test_* 2>/dev/null | grep -v '\.d$')
[ -x "$build/postlint" ] && [ -f tests/cli/run.sh ] && run cli sh tests/cli/run.sh "$build/postlint"
[ -x "$build/postlint" ] && ls rules/*.json >/dev/null 2>&1 && run rules "$build/postlint" rules test rules/*.json
ls "$build"/tests/fuzz_* >/dev/null 2>&1 && run fuzz sh tests/fuzz/replay-all.sh "$build/tests"
for t in tests/diff/*.sh; do
	[ -f "$t" ] && run "$(basename "$t" .sh)" sh "$t" "$build"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
