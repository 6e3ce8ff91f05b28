// SPDX-License-Identifier: Apache-2.0
// The JavaScript reference of postlint's face detector: @vladmandic/face-api's SSD MobileNet v1
// on tfjs, run on the exact pixels postlint's detector saw (binary PPMs written by facedump
// --ppm). Prints the same "file" and "face" lines as facedump. The backend is FACE_REF_BACKEND:
// 'wasm' (default, the package's own Node path, wasm files from node_modules, no download) or
// 'cpu' (tfjs's pure-JavaScript kernels, about ten times slower).
// Usage: node face_ref.mjs MODULES_DIR MODEL_DIR MIN_CONFIDENCE PPM...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, modelDir, minConf, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(modules, 'package.json'));
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

// A binary PPM (P6, maxval 255): header tokens separated by whitespace, then RGB bytes.
function readPpm(file) {
  const buf = fs.readFileSync(file);
  const tokens = [];
  let pos = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    const start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    tokens.push(buf.toString('latin1', start, pos));
  }
  pos++; // the single whitespace byte before the pixels
  const [magic, w, h, max] = [tokens[0], Number(tokens[1]), Number(tokens[2]), Number(tokens[3])];
  if (magic !== 'P6' || max !== 255) throw new Error(`${file}: not an 8-bit binary PPM`);
  return { w, h, px: new Uint8Array(buf.buffer, buf.byteOffset + pos, w * h * 3) };
}

const backend = process.env.FACE_REF_BACKEND || 'wasm';
if (backend === 'wasm') {
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(`${path.resolve(modules, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
}
if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed`);
await tf.ready();
if (faceapi.tf.getBackend() !== backend) throw new Error(`face-api does not share the ${backend} backend`);
await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
const options = new faceapi.SsdMobilenetv1Options({ minConfidence: Number(minConf), maxResults: 100 });
for (const file of files) {
  const img = readPpm(file);
  const t = tf.tensor3d(img.px, [img.h, img.w, 3], 'int32');
  const found = await faceapi.detectAllFaces(t, options);
  t.dispose();
  console.log(`file ${file} ${img.w} ${img.h} ${found.length}`);
  for (const f of found) {
    const b = f.box;
    console.log(`face ${b.x.toFixed(3)} ${b.y.toFixed(3)} ${b.width.toFixed(3)} ${b.height.toFixed(3)} ${f.score.toFixed(5)}`);
  }
}
