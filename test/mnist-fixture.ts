/** The committed MNIST binary and manifest (scripts/mnist-data.ts), read from disk for tests. */
import { readFileSync } from 'node:fs';
import { decodeMnist, type MnistSet } from '../src/core/data/mnist-format.ts';

export const MNIST_BIN = 'public/data/mnist-10k.bin';
export const MNIST_MANIFEST = 'public/data/mnist-10k.json';

/** A fresh ArrayBuffer holding exactly the file's bytes. */
export function mnistBuffer(): ArrayBuffer {
  const b = readFileSync(MNIST_BIN);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

let cached: MnistSet | undefined;
export function loadMnist(): MnistSet {
  cached ??= decodeMnist(mnistBuffer());
  return cached;
}
