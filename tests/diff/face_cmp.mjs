// SPDX-License-Identifier: Apache-2.0
// Compares facedump's output with the JavaScript reference's, photo by photo: every box must
// have a partner in the other list with IoU >= 0.9 and scores within 0.02. A box without a
// partner is forgiven only when its score is within 0.02 of the threshold (the other side may
// have dropped it). Prints each disagreement and a closing "N passed, N failed".
// Usage: node face_cmp.mjs MIN_CONFIDENCE C_OUT REF_OUT
import fs from 'node:fs';

const [minConf, cFile, refFile] = process.argv.slice(2);
const IOU_MIN = 0.9;
const SCORE_TOL = 0.02;
const worst = { n: 0, iou: 1, score: 0 };

function parse(file) {
  const photos = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'file') photos.push({ name: f[1], w: +f[2], h: +f[3], faces: [] });
    else if (f[0] === 'face') photos[photos.length - 1].faces.push(f.slice(1).map(Number));
  }
  return photos;
}

function iou(a, b) {
  const iw = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

// Disagreements of the boxes of `mine` that find no partner in `theirs`.
function unmatched(mine, theirs, who) {
  const out = [];
  for (const m of mine) {
    let best = null;
    let bestIou = 0;
    for (const t of theirs) {
      if (iou(m, t) > bestIou) {
        best = t;
        bestIou = iou(m, t);
      }
    }
    const ok = best && bestIou >= IOU_MIN && Math.abs(m[4] - best[4]) <= SCORE_TOL;
    if (best && bestIou >= IOU_MIN) {
      worst.n++;
      worst.iou = Math.min(worst.iou, bestIou);
      worst.score = Math.max(worst.score, Math.abs(m[4] - best[4]));
    }
    const borderline = Math.abs(m[4] - Number(minConf)) <= SCORE_TOL && bestIou < IOU_MIN;
    if (!ok && !borderline) {
      const why = best ? `best IoU ${bestIou.toFixed(3)} with score ${best[4]}` : 'no box';
      out.push(`${who} box [${m.slice(0, 4).join(', ')}] score ${m[4]}: ${why}`);
    }
  }
  return out;
}

const c = parse(cFile);
const ref = parse(refFile);
let passed = 0;
let failed = 0;
if (c.length !== ref.length) {
  console.log(`photo count differs: postlint ${c.length}, reference ${ref.length}`);
  failed++;
}
for (let i = 0; i < Math.min(c.length, ref.length); i++) {
  const problems = [...unmatched(c[i].faces, ref[i].faces, 'postlint'),
    ...unmatched(ref[i].faces, c[i].faces, 'reference')];
  if (c[i].w !== ref[i].w || c[i].h !== ref[i].h) problems.push('working sizes differ');
  if (problems.length) {
    failed++;
    console.log(`FAIL ${c[i].name}:\n  ${problems.join('\n  ')}`);
  } else {
    passed++;
    console.log(`ok ${c[i].name}: ${c[i].faces.length} faces`);
  }
}
console.log(`paired boxes (both directions): ${worst.n}, smallest IoU ${worst.iou.toFixed(4)}, ` +
  `largest score difference ${worst.score.toFixed(5)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
