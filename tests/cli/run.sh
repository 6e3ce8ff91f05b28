#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# CLI golden tests. Each tests/cli/cases/NAME.sh is a small sh script that runs "$POSTLINT" on
# files under tests/cli/data/ (from the repository root, with a fresh scratch directory in $T);
# its stdout, stderr and exit code must equal NAME.out, NAME.err and NAME.code. The repository
# root and the scratch directory are written as <root> and <tmp> in what is compared.
# Usage: tests/cli/run.sh POSTLINT_BIN [NAME...]   REGEN=1 rewrites the expected files.
set -u
[ $# -ge 1 ] || { echo "usage: tests/cli/run.sh POSTLINT_BIN [NAME...]" >&2; exit 2; }
bin=$1; shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
root=$(pwd)
cases=tests/cli/cases
[ -d "$cases" ] || { echo "run from the repository root" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-cli.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

# What the cases may not depend on: the caller's locale, colours, rules path, terminal.
unset NO_COLOR POSTLINT_RULES_PATH CLICOLOR CLICOLOR_FORCE
LC_ALL=C; TERM=dumb
# The compiled-pattern cache in the scratch directory, not the caller's home.
POSTLINT_CACHE_DIR=$work/cache
export LC_ALL TERM POSTLINT_CACHE_DIR

normalise() { # file: the root and the scratch directory as placeholders
	sed -e "s|$root|<root>|g" -e "s|$T|<tmp>|g" "$1"
}

pass=0; fail=0
if [ $# -eq 0 ]; then set -- $(cd "$cases" && ls *.sh | sed 's/\.sh$//'); fi
for name in "$@"; do
	script=$cases/$name.sh
	[ -f "$script" ] || { echo "no case '$name'" >&2; fail=$((fail + 1)); continue; }
	T=$work/$name
	mkdir -p "$T"
	POSTLINT=$bin T=$T sh "$script" >"$work/$name.stdout" 2>"$work/$name.stderr" </dev/null
	echo $? >"$work/$name.rc"
	normalise "$work/$name.stdout" >"$work/$name.out"
	normalise "$work/$name.stderr" >"$work/$name.err"
	if [ -n "${REGEN:-}" ]; then
		cp "$work/$name.out" "$cases/$name.out"
		cp "$work/$name.err" "$cases/$name.err"
		cp "$work/$name.rc" "$cases/$name.code"
		pass=$((pass + 1))
		continue
	fi
	ok=1
	for kind in out err code; do
		got=$work/$name.$kind
		[ $kind = code ] && got=$work/$name.rc
		if ! cmp -s "$cases/$name.$kind" "$got"; then
			[ $ok -eq 1 ] && echo "FAIL $name"
			ok=0
			diff -u "$cases/$name.$kind" "$got" | sed 's/^/    /'
		fi
	done
	if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
