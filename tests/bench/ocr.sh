#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Text reader benchmark: CPU seconds per 12-megapixel photo on one core (OMP_THREAD_LIMIT=1),
# read as postlint reads (ocrdump: the 1536 px working image decoded, regions found in it, small
# characters read from a grey decode of up to 4096 px made only when a region is read), with
# reading on (plates, signs, house numbers read by Tesseract) and off (text lines and plate
# candidates only). "decode" is the working image's; the larger decode is part of reading. Two photos: a corpus photo upscaled to 4000 x 3000 with
# an arrest scene planted (an NL plate, a street sign, a house number), and a real 12 MP camera
# photo of a painting (dense texture, no text). Tesseract's one-off loading per engine (per
# thread) is printed apart: the first photo of a run pays it. Goal: < 0.5 s per photo read.
# With more builds (BUILD BEFORE...), each photo is read by each build in turn, in the same run,
# and each line ends with its ratio to the first build's time (the machines are shared: compare
# within a run, not across runs).
# Usage: sh tests/bench/ocr.sh BUILD [BEFORE...]
set -u
build=${1:-build}
builds=${*:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/../shared/corpora/exif-samples/jpg"
ocrdump="$build/tools/ocrdump"
out="$build/bench"
[ -x "$ocrdump" ] && [ -x "$build/tools/mkplates" ] || { echo "ocr: tools not built"; exit 1; }
[ -d "$corpus" ] || { echo "ocr: $corpus not found"; exit 1; }
py=""
for p in /usr/bin/python3 python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import cv2' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "ocr: no python3 with cv2 (apt-get install python3-opencv)"; exit 1; }
mkdir -p "$out"
"$py" -c 'import cv2, sys
im = cv2.imread(sys.argv[1])
cv2.imwrite(sys.argv[2], cv2.resize(im, (4000, 3000), interpolation=cv2.INTER_CUBIC),
            [cv2.IMWRITE_JPEG_QUALITY, 90])' "$corpus/gps/DSCN0021.jpg" "$out/ocr-12mp-bg.jpg" || exit 1
"$build/tools/mkplates" --side 0 scene "$out/ocr-12mp.jpg" "$out/ocr-12mp-bg.jpg" || exit 1
real="$corpus/tests/42_IndexError.jpg"
export OMP_THREAD_LIMIT=1
for f in "$out/ocr-12mp.jpg" "$real"; do
	first=""
	for b in $builds; do
	[ -x "$b/tools/ocrdump" ] || { echo "ocr: $b/tools/ocrdump not built"; exit 1; }
	"$b/tools/ocrdump" "$f" "$f" "$f" "$f" >"$out/ocr-on.jsonl" || exit 1
	"$b/tools/ocrdump" --no-ocr "$f" "$f" "$f" >"$out/ocr-off.jsonl" || exit 1
	first=$(python3 - "$f" "$out/ocr-on.jsonl" "$out/ocr-off.jsonl" "$b" "$first" <<'PY'
import json, os, statistics, sys
name, on, off = sys.argv[1], [json.loads(l) for l in open(sys.argv[2])], [json.loads(l) for l in open(sys.argv[3])]
label, first = sys.argv[4], sys.argv[5]
read = statistics.median(r["find_read_s"] for r in on[1:])
find = statistics.median(r["find_read_s"] for r in off)
dec = statistics.median(r["decode_s"] for r in on + off)
load = on[0]["find_read_s"] - read
texts = ", ".join("%s '%s'" % (t["kind"], t["text"]) for t in on[-1]["texts"]) or "nothing"
total = dec + read
print("%s (%s): decode %.3f s; detection only %.3f s; detection + reading %.3f s (%d regions "
      "read); decode + detection + reading %.3f s (goal < 0.5 s, ratio to goal %.2f%s); "
      "Tesseract loading once per engine %.2f s; read: %s" % (os.path.basename(name), label, dec,
      find, read, on[-1]["reads"], total, total / 0.5,
      "; ratio to %s" % first.split()[0] + " %.2f" % (total / float(first.split()[1]))
      if first else "", load, texts), file=sys.stderr)
print(first or "%s %.6f" % (label, total))
PY
) || exit 1
	done
done 2>&1
