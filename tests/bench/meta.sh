#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Benchmark: the metadata of every JPEG in the shared corpus (../shared/corpora next to the
# repository), read by BUILD/tools/metadump and by ExifTool in batch mode (-fast, the same
# fields), each as one run over all files, REPS times (default 5); prints the best wall and CPU
# time of each and their ratios. The ratio that counts is CPU time (user + system of the process):
# wall time on a shared, loaded machine measures the neighbours. Goal: postlint 50x faster.
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
import resource, subprocess, sys, time

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
    """Best wall time and best CPU time (user + system, from the child's rusage) of reps runs."""
    wall, cpu = [], []
    for _ in range(reps):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return min(wall), min(cpu)

res = {name: best(cmd) for name, cmd in runs.items()}
for name, (wall, cpu) in res.items():
    print('%-18s %8.1f ms wall, %8.1f ms CPU for %s JPEGs (best of %d)'
          % (name, wall * 1000, cpu * 1000, n, reps))
ours, theirs = res['postlint metadump'], res['exiftool -fast']
ratio = theirs[1] / max(ours[1], 1e-4)
print('wall-clock ratio: %.0fx (noisy on a loaded machine)' % (theirs[0] / ours[0]))
print('ratio: postlint is %.0fx faster than exiftool -fast in CPU time (goal: 50x, %s)'
      % (ratio, 'met' if ratio >= 50 else 'MISSED'))
PY
