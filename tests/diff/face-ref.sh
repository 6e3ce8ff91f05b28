#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Differential test of the face detector: postlint's C implementation (facedump, whole-image
# pass as the reference does it) against @vladmandic/face-api on tfjs (wasm backend, or the
# pure-JavaScript one with FACE_REF_BACKEND=cpu), at a low threshold (0.1) so weak boxes are
# compared too, on the same
# working-size pixels. Photos: the package's demo photos (faces) at two working sizes, and the
# shared corpus's face-free photos. Same boxes (IoU >= 0.9) and scores within 0.02.
# The npm install goes to build/face-ref, pinned by tests/diff/face-ref-npm/package-lock.json.
# Usage: tests/diff/face-ref.sh BUILD
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${POSTLINT_SHARED:-$root/../shared}
models=$root/build/models
ref=$root/build/face-ref # shared by every build directory, like the model
work=$build/face-ref-work
minconf=${FACE_REF_MIN_CONFIDENCE:-0.1}
skip() { echo "face-ref: skipped: $1"; echo "0 passed, 0 failed, 1 skipped"; exit 0; }

[ -x "$build/tools/facedump" ] || { echo "face-ref: $build/tools/facedump missing"; echo "0 passed, 1 failed"; exit 1; }
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || skip "node or npm not installed"
sh "$root/tests/tools/fetch-model.sh" "$models" || { echo "0 passed, 1 failed"; exit 1; }
if ! cmp -s "$here/face-ref-npm/package-lock.json" "$ref/package-lock.json" 2>/dev/null ||
   [ ! -d "$ref/node_modules/@vladmandic/face-api" ]; then
	rm -rf "$ref" && mkdir -p "$ref"
	cp "$here/face-ref-npm/package.json" "$here/face-ref-npm/package-lock.json" "$ref/"
	(cd "$ref" && npm ci --ignore-scripts --no-audit --no-fund >npm.log 2>&1) || {
		cat "$ref/npm.log"; rm -f "$ref/package-lock.json"
		echo "face-ref: npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
rm -rf "$work" && mkdir -p "$work/small" "$work/large" "$work/corpus"
rc=0
dump() { # dir max-side files...
	d=$1; s=$2; shift 2
	"$build/tools/facedump" --model "$models" --tiles 0 --min-confidence $minconf \
		--max-side "$s" --ppm "$work/$d" "$@" >"$work/$d.c" || rc=1
}
dump small 640 "$models"/samples/*.jpg
dump large 1536 "$models"/samples/*.jpg
set --
for f in "$shared"/corpora/exif-samples/jpg/*.jpg; do
	[ -f "$f" ] && [ "$(basename "$f")" != corrupted.jpg ] && set -- "$@" "$f"
done
[ $# -gt 0 ] && dump corpus 640 "$@"
[ $rc -eq 0 ] || echo "face-ref: facedump failed on some photos"
: >"$work/all.c"; : >"$work/all.ref"
for d in small large corpus; do
	[ -s "$work/$d.c" ] || continue
	cat "$work/$d.c" >>"$work/all.c"
	n=$(grep -c '^file ' "$work/$d.c")
	i=0; set --
	while [ $i -lt "$n" ]; do set -- "$@" "$work/$d/$i.ppm"; i=$((i + 1)); done
	node "$here/face_ref.mjs" "$ref" "$models" $minconf "$@" 2>"$work/$d.node.log" |
		grep -E '^(file|face) ' >>"$work/all.ref"
done
# The reference names photos by their PPM: compare in order, report postlint's names.
node "$here/face_cmp.mjs" $minconf "$work/all.c" "$work/all.ref"
[ $? -eq 0 ] && [ $rc -eq 0 ]
