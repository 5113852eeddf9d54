/**
 * One closeness assertion for the whole suite. Recurses into arrays, typed arrays and plain
 * objects; passes where |actual − expected| ≤ abs + rel·|expected| element by element. Tolerances
 * are always explicit at the call site. NaN matches only NaN; ±Infinity only itself.
 */
export interface Tolerance {
  rel?: number;
  abs?: number;
}

function fail(path: string, actual: unknown, expected: unknown, detail = ''): never {
  throw new Error(`assertClose${path ? ` at ${path}` : ''}: got ${String(actual)}, expected ${String(expected)}${detail}`);
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

export function assertClose(actual: unknown, expected: unknown, tol: Tolerance, path = ''): void {
  const { rel = 0, abs = 0 } = tol;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') fail(path, actual, expected, ' (not a number)');
    if (Number.isNaN(expected)) {
      if (!Number.isNaN(actual)) fail(path, actual, expected);
      return;
    }
    if (!Number.isFinite(expected)) {
      if (actual !== expected) fail(path, actual, expected);
      return;
    }
    const err = Math.abs(actual - expected);
    if (!(err <= abs + rel * Math.abs(expected))) {
      fail(path, actual, expected, ` (|diff| ${err.toExponential(3)}, rel ${(err / Math.abs(expected)).toExponential(3)}, allowed rel ${rel} abs ${abs})`);
    }
    return;
  }
  if (isArrayLike(expected)) {
    if (!isArrayLike(actual)) fail(path, actual, expected, ' (not an array)');
    if (actual.length !== expected.length) fail(path, `length ${actual.length}`, `length ${expected.length}`);
    for (let i = 0; i < expected.length; i++) assertClose(actual[i], expected[i], tol, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') fail(path, actual, expected, ' (not an object)');
    for (const key of Object.keys(expected)) {
      assertClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol, `${path}.${key}`);
    }
    return;
  }
  if (actual !== expected) fail(path, actual, expected);
}

/** Largest relative error max_i |a_i − e_i| / max(|e_i|, floor), for reporting residuals. */
export function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>, floor = 1e-300): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    if (err > worst || Number.isNaN(err)) worst = err;
  }
  return worst;
}
