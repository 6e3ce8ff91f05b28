#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Benchmark: the metadata of every JPEG in the shared corpus (../shared/corpora next to the
# repository), read by BUILD/tools/metadump and by ExifTool in batch mode (-fast, the same
# fields), each as one run over all files, REPS times (default 5); prints the best time of each
# and the ratio. The goal is postlint at least 50 times faster.
# Usage: sh tests/bench/meta.sh BUILD
set -u
build=${1:?usage: meta.sh BUILD}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared/corpora"
reps=${REPS:-5}
metadump="$build/tools/metadump"
if [ ! -d "$shared" ]; then
	echo "bench meta: $shared not found, skipped"
	exit 0
fi
if [ ! -x "$metadump" ] || ! command -v exiftool >/dev/null 2>&1; then
	echo "bench meta: needs $metadump and exiftool"
	exit 1
fi
list=$(mktemp)
trap 'rm -f "$list"' EXIT INT TERM
find "$shared" -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) | sort >"$list"
n=$(wc -l <"$list")
python3 - "$metadump" "$list" "$reps" "$n" <<'PY'
import subprocess, sys, time

metadump, listfile, reps, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
files = open(listfile).read().split('\n')[:-1]
tags = ['-GPSLatitude', '-GPSLongitude', '-GPSAltitude', '-GPSDateTime', '-Make', '-Model',
        '-SerialNumber', '-InternalSerialNumber', '-LensSerialNumber', '-OwnerName',
        '-CameraOwnerName', '-Artist', '-Creator', '-By-line', '-Copyright', '-City', '-State',
        '-Country', '-Sub-location', '-Location', '-DateTimeOriginal', '-OffsetTimeOriginal',
        '-Software', '-ImageDescription', '-UserComment', '-Comment', '-ThumbnailLength',
        '-PreviewImageLength', '-RegionName', '-PersonInImage', '-History']
runs = {
    'postlint metadump': [metadump] + files,
    'exiftool -fast': ['exiftool', '-n', '-fast', '-j', '-q', '-q'] + tags + files,
}

def best(cmd):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)

res = {name: best(cmd) for name, cmd in runs.items()}
for name, t in res.items():
    print('%-18s %8.1f ms for %s JPEGs (best of %d)' % (name, t * 1000, n, reps))
ratio = res['exiftool -fast'] / res['postlint metadump']
print('ratio: postlint is %.0fx faster than exiftool -fast (goal: 50x, %s)'
      % (ratio, 'met' if ratio >= 50 else 'MISSED'))
PY
