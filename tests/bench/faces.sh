#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Face detection benchmark, side by side in one run on the same photos: postlint (facedump:
# file -> boxes, SSD MobileNet v1 in C) against python3-opencv (imread, grey, Haar cascade
# detectMultiScale) at the same working size. Prints time per 12-MP photo, peak memory for a
# 24-MP photo (/usr/bin/time -v), the share of photos with faces where each finds one and the
# share of face-free photos each flags (hand labels: tests/bench/faces-labels.txt), and ratios.
# Usage: tests/bench/faces.sh BUILD        (MAX_SIDE, TILES and RUNS may be set)
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${POSTLINT_SHARED:-$root/../shared}
corpus=$shared/corpora/exif-samples
models=$root/build/models
work=$build/bench-faces
max_side=${MAX_SIDE:-1536}
tiles=${TILES:-3}
runs=${RUNS:-3}
dump=$build/tools/facedump

[ -x "$dump" ] || { echo "faces: build $dump first (make tools)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "faces: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
py=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import cv2' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "faces: no python3 with cv2 (apt-get install python3-opencv)" >&2; exit 1; }
sh "$root/tests/tools/fetch-model.sh" "$models"
mkdir -p "$work"

# 12-MP and 24-MP photos: a demo photo with faces upscaled (bicubic), JPEG quality 92.
"$py" - "$models/samples/sample2.jpg" "$work" <<'PY'
import sys, cv2
img = cv2.imread(sys.argv[1])
for name, size in (("12mp.jpg", (4240, 2832)), ("24mp.jpg", (6000, 4000))):
    big = cv2.resize(img, size, interpolation=cv2.INTER_CUBIC)
    cv2.imwrite(f"{sys.argv[2]}/{name}", big, [cv2.IMWRITE_JPEG_QUALITY, 92])
PY

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
reps() { i=0; while [ $i -lt "$runs" ]; do printf '%s\n' "$1"; i=$((i + 1)); done; }

echo "== time per 12-MP photo (4240x2832), working size $max_side, median of $runs, one thread"
# shellcheck disable=SC2046
"$dump" --time --max-side "$max_side" --tiles "$tiles" $(reps "$work/12mp.jpg") \
	>/dev/null 2>"$work/pl.time"
"$dump" --time --max-side "$max_side" --tiles 0 $(reps "$work/12mp.jpg") \
	>/dev/null 2>"$work/pl0.time"
"$py" "$root/tests/bench/haar_faces.py" "$max_side" $(reps "$work/12mp.jpg") \
	>/dev/null 2>"$work/haar.time"
pl_wall=$(awk '/^time/ { print $4 + $10 }' "$work/pl.time" | median)
pl_cpu=$(awk '/^time/ { print $7 + $13 }' "$work/pl.time" | median)
pl0_wall=$(awk '/^time/ { print $4 + $10 }' "$work/pl0.time" | median)
pl0_cpu=$(awk '/^time/ { print $7 + $13 }' "$work/pl0.time" | median)
pl_dec=$(awk '/^time/ { print $7 }' "$work/pl.time" | median)
haar_wall=$(awk '/^time/ { print $4 }' "$work/haar.time" | median)
haar_cpu=$(awk '/^time/ { print $7 }' "$work/haar.time" | median)
load=$(awk '/^load/ { print $2 }' "$work/pl.time")
printf '  postlint, tiles %s: %8.1f ms wall %8.1f ms cpu (decode %.1f ms cpu; model load %s ms once)\n' \
	"$tiles" "$pl_wall" "$pl_cpu" "$pl_dec" "$load"
printf '  postlint, tiles 0: %8.1f ms wall %8.1f ms cpu\n' "$pl0_wall" "$pl0_cpu"
printf '  opencv haar:       %8.1f ms wall %8.1f ms cpu\n' "$haar_wall" "$haar_cpu"
awk -v a="$pl_cpu" -v b="$pl0_cpu" -v h="$haar_cpu" 'BEGIN {
	printf "  cpu ratio postlint/haar: tiles %.2f, whole image only %.2f\n", a / h, b / h }'

echo "== peak memory, 24-MP photo (6000x4000), model included"
/usr/bin/time -v "$dump" --max-side "$max_side" --tiles "$tiles" "$work/24mp.jpg" \
	>/dev/null 2>"$work/pl.mem"
/usr/bin/time -v "$py" "$root/tests/bench/haar_faces.py" "$max_side" "$work/24mp.jpg" \
	>/dev/null 2>"$work/haar.mem"
pl_kb=$(awk -F: '/Maximum resident set size/ { print $2 + 0 }' "$work/pl.mem")
haar_kb=$(awk -F: '/Maximum resident set size/ { print $2 + 0 }' "$work/haar.mem")
awk -v a="$pl_kb" -v h="$haar_kb" 'BEGIN {
	printf "  postlint %.1f MiB, opencv haar %.1f MiB, ratio %.2f\n", a / 1024, h / 1024, a / h }'

echo "== detection on labelled photos (demo photos + shared corpus), working size $max_side"
: >"$work/labels"
for f in "$models"/samples/*.jpg; do echo "face $f" >>"$work/labels"; done
grep -v '^#' "$root/tests/bench/faces-labels.txt" | while read -r label rel; do
	[ -f "$corpus/$rel" ] && echo "$label $corpus/$rel" >>"$work/labels"
done
awk '$1 != "skip" { sub(/^[a-z]+ /, ""); print }' "$work/labels" >"$work/files"
tr '\n' '\0' <"$work/files" | xargs -0 "$dump" --max-side "$max_side" --tiles "$tiles" \
	>"$work/pl.det" 2>/dev/null || true
tr '\n' '\0' <"$work/files" | xargs -0 "$py" "$root/tests/bench/haar_faces.py" "$max_side" \
	>"$work/haar.det" 2>/dev/null || true
score() { # detector output -> "found flagged nface nnone" and the misses on stderr
	awk -v who="$2" 'NR == FNR { label[substr($0, index($0, " ") + 1)] = $1; next }
	/^file / { name = $2; for (i = 3; i < NF - 2; i++) name = name " " $i; n[name] = $NF }
	END {
		for (f in label) {
			if (label[f] == "face") { nf++; if (n[f] > 0) found++; else print who " missed " f > "/dev/stderr" }
			if (label[f] == "none") { nn++; if (n[f] > 0) { flagged++; print who " flagged " f > "/dev/stderr" } }
		}
		print found + 0, flagged + 0, nf + 0, nn + 0
	}' "$work/labels" "$1"
}
set -- $(score "$work/pl.det" postlint 2>"$work/pl.miss")
pl_found=$1 pl_flag=$2 nface=$3 nnone=$4
set -- $(score "$work/haar.det" haar 2>"$work/haar.miss")
haar_found=$1 haar_flag=$2
awk -v pf="$pl_found" -v pg="$pl_flag" -v hf="$haar_found" -v hg="$haar_flag" -v nf="$nface" \
	-v nn="$nnone" 'BEGIN {
	printf "  photos with faces found:  postlint %d/%d (%.0f%%), haar %d/%d (%.0f%%)\n", pf, nf, 100 * pf / nf, hf, nf, 100 * hf / nf
	printf "  face-free photos flagged: postlint %d/%d (%.0f%%), haar %d/%d (%.0f%%)\n", pg, nn, 100 * pg / nn, hg, nn, 100 * hg / nn }'
sed 's|'"$corpus"'/||; s|'"$models"'/||; s/^/  /' "$work/pl.miss" "$work/haar.miss"
