#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# End-to-end test of the text reader on generated fixtures: mkplates plants NL, BE, FR and DE
# plates (sizes 95-320 px, turned up to 8 degrees, perspective, lighting, blur, noise, JPEG),
# street-name signs and house numbers into the real photos of the shared corpus (next to the
# repository; skipped with a note when absent), plus the photos alone; ocrdump reads every
# fixture; plates_eval.py scores the readings against each fixture's sidecar and checks floors.
# Recall: a planted plate read exactly (letters and digits) and accepted by a plate validator,
# box IoU >= 0.5. False alarms: validated plate readings away from every planted plate, and
# unread candidates scored >= PLATE_LIKELY on the photos without plates.
# The floors in plates_eval.py sit under the lowest of three seeds' measurements (its header);
# PLATES_SEED=N runs another seed.
# Usage: sh tests/diff/plates.sh BUILD
set -u
build=${1:?usage: plates.sh BUILD}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/../shared/corpora/exif-samples/jpg"
mkplates="$build/tools/mkplates"
ocrdump="$build/tools/ocrdump"
for t in "$mkplates" "$ocrdump"; do
	if [ ! -x "$t" ]; then
		echo "plates: $t not built"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if [ ! -d "$corpus" ]; then
	echo "note: $corpus not found: no real photos to plant plates into, plates test skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
out="$build/plates-fixtures"
rm -rf "$out"
mkdir -p "$out"
# Real camera photos of 480 px and more on the shorter side (the small thumbnails and the
# deliberately broken files of the corpus are left out).
set -- $(cd "$corpus" && ls gps/*.jpg hdr/*.jpg mobile/*.jpg tests/*.jpg exif-org/nikon-e950.jpg \
	exif-org/fujifilm-dx10.jpg exif-org/sony-powershota5.jpg Reconyx_HC500_Hyperfire.jpg \
	orientation/landscape_1.jpg orientation/portrait_1.jpg xmp/no_exif.jpg \
	Canon_PowerShot_S40.jpg 2>/dev/null | sed "s|^|$corpus/|")
if ! "$mkplates" --seed "${PLATES_SEED:-1}" set "$out" "$@" >"$out/mkplates.log" 2>&1; then
	cat "$out/mkplates.log"
	echo "0 passed, 1 failed"
	exit 1
fi
cat "$out/mkplates.log"
export OMP_THREAD_LIMIT=1
if ! "$ocrdump" "$out"/*.jpg >"$out/readings.jsonl" 2>"$out/ocrdump.log"; then
	cat "$out/ocrdump.log"
	echo "0 passed, 1 failed"
	exit 1
fi
python3 "$root/tests/diff/plates_eval.py" "$out" "$out/readings.jsonl"
