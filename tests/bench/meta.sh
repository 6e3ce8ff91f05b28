#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Benchmark: the metadata of every JPEG in the shared corpus (../shared/corpora next to the
# repository), read by BUILD/tools/metadump and by ExifTool in batch mode (-fast), each as one run
# over all files, REPS times (default 5); prints the best wall and CPU time of each and their
# ratios. metadump runs twice: asked for the same fields as the ExifTool command (the comparison
# that counts), and for every field (which also scans each JPEG's image data for trailing data,
# something ExifTool's -fast skips). The ratio that counts is CPU time (user + system of the
# process): wall time on a shared, loaded machine measures the neighbours. Goal: 50x.
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
# The canonical fields those ExifTool tags correspond to: the "same fields" run. Neither asks
# for what lies after the image data (trailing.data, a motion photo's video.location), so neither
# reads it; the all-fields run scans every JPEG's image data for its end.
same = ['gps.position', 'gps.altitude', 'gps.timestamp', 'camera.make', 'camera.model',
        'camera.serial', 'lens.serial', 'owner.name', 'creator.name', 'copyright',
        'location.text', 'datetime.original', 'datetime.timezone', 'software', 'description',
        'comment', 'thumbnail.present', 'preview.present', 'face_regions.named',
        'face_regions.count', 'people.named', 'document.history']
runs = {
    'metadump (same)': [metadump] + [a for f in same for a in ('-f', f)] + files,
    'metadump (all)': [metadump] + files,
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
et = res['exiftool -fast']
for name in ('metadump (all)', 'metadump (same)'):
    print('%-18s CPU ratio %.0fx, wall ratio %.0fx' % (name, et[1] / max(res[name][1], 1e-4),
                                                       et[0] / res[name][0]))
ratio = et[1] / max(res['metadump (same)'][1], 1e-4)
print('ratio: postlint is %.0fx faster than exiftool -fast reading the same fields, in CPU time'
      ' (goal: 50x, %s)' % (ratio, 'met' if ratio >= 50 else 'MISSED'))
PY
