#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Fetches the face detector's weights (SSD MobileNet v1, MIT) from the npm package
# @vladmandic/face-api at a pinned version, checks the tarball's sha256 and extracts only the
# model files, the licence and the package's demo photos (test fixtures) into DEST.
# The weights are never committed. Usage: tests/tools/fetch-model.sh DEST
set -eu
VERSION=1.7.15
SHA256=0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031
MODEL="ssd_mobilenetv1_model-weights_manifest.json ssd_mobilenetv1_model.bin"
SAMPLES="sample1.jpg sample2.jpg sample3.jpg sample4.jpg sample5.jpg sample6.jpg"

dest=${1:?usage: fetch-model.sh DEST}
stamp="$dest/.face-api-$VERSION"
[ -f "$stamp" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "fetch-model: npm not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent "@vladmandic/face-api@$VERSION" >/dev/null 2>"$tmp/npm.log") || {
	cat "$tmp/npm.log" >&2
	echo "fetch-model: cannot fetch @vladmandic/face-api@$VERSION" >&2
	exit 1
}
tgz="$tmp/vladmandic-face-api-$VERSION.tgz"
got=$(sha256sum "$tgz" | cut -d' ' -f1)
if [ "$got" != "$SHA256" ]; then
	echo "fetch-model: sha256 mismatch for $tgz: got $got, want $SHA256" >&2
	exit 1
fi
members="package/LICENSE"
for f in $MODEL; do members="$members package/model/$f"; done
for f in $SAMPLES; do members="$members package/demo/$f"; done
# shellcheck disable=SC2086
tar -xzf "$tgz" -C "$tmp" $members
mkdir -p "$dest/samples"
for f in $MODEL; do cp "$tmp/package/model/$f" "$dest/$f"; done
for f in $SAMPLES; do cp "$tmp/package/demo/$f" "$dest/samples/$f"; done
cp "$tmp/package/LICENSE" "$dest/LICENSE.face-api"
touch "$stamp"
echo "fetch-model: @vladmandic/face-api@$VERSION model in $dest" >&2
