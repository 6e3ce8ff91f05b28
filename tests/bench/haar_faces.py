# SPDX-License-Identifier: Apache-2.0
"""The baseline of tests/bench/faces.sh: OpenCV's Haar cascade, the usual way.

imread (full decode, EXIF orientation applied), grey, an area resize to the same working size
as postlint, then detectMultiScale on one thread. Prints facedump's "file" and "face" lines and,
on stderr, "time PATH wall W ms cpu C ms" per photo.
Usage: haar_faces.py MAX_SIDE FILE...
"""
import os
import sys
import time

import cv2

CASCADES = [
    os.path.join(getattr(getattr(cv2, "data", None), "haarcascades", ""),
                 "haarcascade_frontalface_default.xml"),
    "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
]


def main():
    max_side = int(sys.argv[1])
    cv2.setNumThreads(1)
    path = next((p for p in CASCADES if os.path.isfile(p)), None)
    if path is None:
        sys.exit("haar_faces: no haarcascade_frontalface_default.xml (install opencv-data)")
    cascade = cv2.CascadeClassifier(path)
    for name in sys.argv[2:]:
        t0, c0 = time.perf_counter(), time.process_time()
        img = cv2.imread(name, cv2.IMREAD_COLOR)
        if img is None:
            print(f"haar_faces: cannot read '{name}'", file=sys.stderr)
            continue
        grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        del img
        h, w = grey.shape
        if max(w, h) > max_side:
            scale = max_side / max(w, h)
            grey = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))),
                              interpolation=cv2.INTER_AREA)
        faces = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5,
                                         minSize=(24, 24))
        t1, c1 = time.perf_counter(), time.process_time()
        print(f"file {name} {grey.shape[1]} {grey.shape[0]} {len(faces)}")
        for (x, y, fw, fh) in faces:
            print(f"face {x} {y} {fw} {fh} 1")
        print(f"time {name} wall {(t1 - t0) * 1e3:.1f} ms cpu {(c1 - c0) * 1e3:.1f} ms",
              file=sys.stderr)


if __name__ == "__main__":
    main()
