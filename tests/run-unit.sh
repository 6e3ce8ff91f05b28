#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs each unit-test binary named on the command line; totals their "N passed, N failed" lines.
set -u
pass=0; fail=0; bad=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	line=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ] || [ $rc -ne 0 ]; then
		printf '%s\n' "$out" >&2
		echo "FAIL $t (exit $rc)" >&2
		bad=$((bad + 1)); f=${f:-1}; p=${p:-0}
	fi
	pass=$((pass + p)); fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
[ $bad -eq 0 ] && [ $fail -eq 0 ]
