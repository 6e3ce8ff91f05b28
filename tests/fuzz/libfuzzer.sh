#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Builds every fuzz target with clang's libFuzzer, ASan and UBSan (library in build/fuzz) and runs
# each for FUZZ_SECONDS (default 30) from its seed corpus; new inputs go to build/fuzz/corpus/.
# Crashes are left as build/fuzz/crash-* and fail the run. Used by 'make fuzz'.
#   FUZZ_SECONDS=600 FUZZ_TARGETS="fuzz_meta_jpeg fuzz_meta_bmff" sh tests/fuzz/libfuzzer.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=build/fuzz
secs=${FUZZ_SECONDS:-30}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
make --no-print-directory BUILD=$out CC=clang \
	CFLAGS="-O1 -g -fno-omit-frame-pointer $san -fsanitize=fuzzer-no-link" \
	LDFLAGS="$san" "$out/libpostlint.a" >&2
pkgs=$(sed -n 's/^PKGS *:= *//p' Makefile)
# shellcheck disable=SC2086
libs=$(pkg-config --libs $pkgs)
# shellcheck disable=SC2086
cflags=$(pkg-config --cflags $pkgs)
# the targets run from $out: the caption target's rules by their full path
POSTLINT_FUZZ_RULES=${POSTLINT_FUZZ_RULES:-$root/tests/rules/core.json}
export POSTLINT_FUZZ_RULES
targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')}
status=0
for t in $targets; do
	# shellcheck disable=SC2086
	clang -std=c11 -D_GNU_SOURCE -O1 -g $san -fsanitize=fuzzer -Iinclude -Isrc $cflags \
		-o "$out/$t" "tests/fuzz/$t.c" "$out/libpostlint.a" $libs -lm -lpthread
	mkdir -p "$out/corpus/$t"
	seeds=tests/fuzz/corpus/$t
	[ "$t" = fuzz_meta_read ] && seeds="tests/fuzz/corpus"
	echo "== $t for ${secs}s" >&2
	if ! (cd "$out" && "./$t" -max_total_time="$secs" -max_len=262144 -timeout=10 \
		-artifact_prefix="./$t-" "corpus/$t" "$root/$seeds" 2>"$t.log"); then
		echo "FAIL $t: see $out/$t.log and $out/$t-crash-*" >&2
		status=1
	fi
	tail -n 3 "$out/$t.log" >&2
done
exit $status
