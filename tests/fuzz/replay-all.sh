#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Replays every fuzz target (built with tests/fuzz/replay.c) over its seed corpus
# tests/fuzz/corpus/<target>/ (fuzz_meta_read: all of them), plus the shared real-world corpus
# ../shared/corpora next to the repository when it exists. Prints a closing "N passed, N failed".
# Usage: tests/fuzz/replay-all.sh BUILD_TESTS_DIR
set -u
dir=${1:?usage: replay-all.sh BUILD_TESTS_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared/corpora"
pass=0; fail=0
for t in "$dir"/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	set --
	if [ "$name" = fuzz_meta_read ]; then
		for c in "$root"/tests/fuzz/corpus/*/; do set -- "$@" "$c"; done
	elif [ -d "$root/tests/fuzz/corpus/$name" ]; then
		set -- "$root/tests/fuzz/corpus/$name"
	fi
	[ -d "$shared" ] && set -- "$@" "$shared"
	[ $# -eq 0 ] && continue
	out=$("$t" "$@" 2>&1)
	line=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		printf '%s\n' "$out" >&2
		p=0; f=1
	elif [ "$f" -ne 0 ]; then
		printf '%s\n' "$out" | grep '^FAIL' >&2
	fi
	echo "$name: $p passed, $f failed"
	pass=$((pass + p)); fail=$((fail + f))
done
[ -d "$shared" ] || echo "note: $shared not found, seed corpora only"
echo "fuzz replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
