#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Differential test against ExifTool, the reference reader. Over the shared real-world corpus
# (../shared/corpora next to the repository; skipped with a note when absent) and freshly
# generated fixtures: wherever ExifTool reports a GPS position, postlint reports the same within
# 1e-6 degrees (gps.position, or video.location for movies); every non-empty serial number
# (any *SerialNumber tag) and owner name (*OwnerName, CameraOwner) ExifTool finds, postlint
# finds (camera.serial/lens.serial, owner.name). Disagreements listed in exiftool-known.txt are
# printed as KNOWN; a listed one that no longer occurs fails. Builds nothing.
# Usage: sh tests/diff/exiftool.sh BUILD
set -u
build=${1:?usage: exiftool.sh BUILD}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared/corpora"
metadump="$build/tools/metadump"
mkfixtures="$build/tools/mkfixtures"
for t in "$metadump" "$mkfixtures"; do
	if [ ! -x "$t" ]; then
		echo "exiftool diff: $t not built"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if ! command -v exiftool >/dev/null 2>&1; then
	echo "exiftool diff: exiftool not installed (libimage-exiftool-perl)"
	echo "0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$mkfixtures" "$tmp/fixtures" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
find "$tmp/fixtures" -type f ! -name '*.plants' | sort >"$tmp/files"
if [ -d "$shared" ]; then
	find "$shared" -type f | sort >>"$tmp/files"
else
	echo "note: $shared not found: fixtures only"
fi
tr '\n' '\0' <"$tmp/files" | xargs -0 exiftool -n -a -G1 -j -q -q >"$tmp/et.json" 2>/dev/null
tr '\n' '\0' <"$tmp/files" | xargs -0 "$metadump" >"$tmp/ours.tsv" 2>/dev/null
python3 - "$tmp/et.json" "$tmp/ours.tsv" "$root/tests/diff/exiftool-known.txt" "$shared" \
	"$tmp/fixtures" <<'PY'
import json, re, sys

et_path, ours_path, known_path, shared, fixtures = sys.argv[1:6]

def label(path):
    for base, name in ((shared, ''), (fixtures, 'fixtures')):
        if path.startswith(base + '/'):
            rest = path[len(base) + 1:]
            return name + '/' + rest if name else rest
    return path

ours = {}
with open(ours_path, encoding='utf-8', errors='replace') as fp:
    for line in fp:
        parts = line.rstrip('\n').split('\t')
        if len(parts) >= 3:
            ours.setdefault(parts[0], {}).setdefault(parts[1], []).append(parts[2])

known = {}
with open(known_path, encoding='utf-8') as fp:
    for line in fp:
        line = line.split('#', 1)[0].rstrip()
        if line:
            f, field, value = (line.split('\t') + ['', ''])[:3]
            known[(f, field, value)] = False

SERIAL = re.compile(r'SerialNumber\d*$')
OWNER = re.compile(r'(OwnerName|CameraOwner)$')
passed = failed = 0

def verdict(f, field, et_value, ok, got):
    global passed, failed
    key = (label(f), field, str(et_value))
    if ok:
        passed += 1
        return
    if key in known:
        known[key] = True
        passed += 1
        print('KNOWN\t%s\t%s\texiftool=%r\tours=%r' % (key[0], field, et_value, got))
        return
    failed += 1
    print('DIFF\t%s\t%s\texiftool=%r\tours=%r' % (key[0], field, et_value, got))

def positions(values):
    out = []
    for v in values:
        try:
            lat, lon = v.split(',')
            out.append((float(lat), float(lon)))
        except ValueError:
            pass
    return out

for rec in json.load(open(et_path, encoding='utf-8')):
    f = rec['SourceFile']
    mine = ours.get(f, {})
    lat, lon = rec.get('Composite:GPSLatitude'), rec.get('Composite:GPSLongitude')
    if lat is None and lon is None:  # XMP-only positions have no composite
        lat, lon = rec.get('XMP-exif:GPSLatitude'), rec.get('XMP-exif:GPSLongitude')
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        got = positions(mine.get('gps.position', []) + mine.get('video.location', []))
        ok = any(abs(a - lat) <= 1e-6 and abs(b - lon) <= 1e-6 for a, b in got)
        verdict(f, 'gps.position', '%.7f,%.7f' % (lat, lon), ok, got)
    serials = set(v.strip() for v in mine.get('camera.serial', []) + mine.get('lens.serial', []))
    owners = set(v.strip() for v in mine.get('owner.name', []))
    for key, value in sorted(rec.items()):
        tag = key.split(':')[-1]
        value = str(value).strip()
        if not value:
            continue
        if SERIAL.search(tag):
            verdict(f, key, value, value in serials, sorted(serials))
        elif OWNER.search(tag):
            verdict(f, key, value, value in owners, sorted(owners))

for key, seen in sorted(known.items()):
    if not seen:
        failed += 1
        print('STALE\t%s\t%s\t%s: listed in exiftool-known.txt but no longer differs' % key)
print('exiftool diff: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
