#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Plates small in 12-megapixel photos, read as postlint reads them (ocrdump): mkplates plants
# plates, signs and house numbers into the 12-megapixel-class photos of the shared corpus (those
# of plates-cli.sh, in the same order, so seed 1 is plates-cli.sh's set) with the plates as many
# pixels wide as in a 2400 px set (142 to 480 px), for seeds 1, 2 and 3 (PLATES_SEEDS="..."
# for others); plates_eval.py --12mp scores the three together against their floors. Skipped
# with a note when the corpus is absent.
# Usage: sh tests/diff/plates-12mp.sh BUILD
set -u
build=${1:?usage: plates-12mp.sh BUILD}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/../shared/corpora/exif-samples/jpg"
for t in "$build/tools/mkplates" "$build/tools/ocrdump"; do
	if [ ! -x "$t" ]; then
		echo "plates-12mp: $t not built"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if [ ! -d "$corpus" ]; then
	echo "note: $corpus not found: no photos to plant plates into, plates-12mp test skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
set -- $(cd "$corpus" && ls tests/42_IndexError.jpg mobile/HMD_Nokia_8.3_5G.jpg mobile/jolla.jpg \
	hdr/iphone_hdr_YES.jpg tests/30-type_error.jpg tests/67-0_length_string.jpg 2>/dev/null |
	sed "s|^|$corpus/|")
export OMP_THREAD_LIMIT=1
pairs=""
for seed in ${PLATES_SEEDS:-1 2 3}; do
	out="$build/plates-12mp-$seed"
	rm -rf "$out"
	mkdir -p "$out"
	if ! "$build/tools/mkplates" --seed "$seed" --side 4032 --unit 2400 set "$out" "$@" \
		>"$out/mkplates.log" 2>&1 ||
	   ! "$build/tools/ocrdump" "$out"/*.jpg >"$out/readings.jsonl" 2>"$out/ocrdump.log"; then
		cat "$out/mkplates.log" "$out/ocrdump.log" 2>/dev/null
		echo "0 passed, 1 failed"
		exit 1
	fi
	pairs="$pairs $out $out/readings.jsonl"
done
python3 "$root/tests/diff/plates_eval.py" --12mp $pairs
