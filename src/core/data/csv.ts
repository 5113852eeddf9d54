/**
 * Reader-supplied points: a CSV of x,y pairs, parsed (never evaluated) and checked line by line.
 *
 * Accepted: one pair per line, separated by a comma, semicolon or tab; blank lines and lines
 * starting with '#' are skipped; one header line of two non-numeric names is allowed first.
 * Points are rescaled into [−0.9, 0.9]² (same factor on both axes) when they do not fit in [−1, 1]².
 */

export type CsvErrorCode = 'empty' | 'fieldCount' | 'notANumber' | 'tooFew' | 'tooMany';

export interface CsvError {
  code: CsvErrorCode;
  /** 1-based line number in the file (0 for whole-file errors). */
  line: number;
  /** What was found: the offending field, or the number of fields. */
  found?: string;
  /** The limit for tooFew / tooMany. */
  limit?: number;
}

export interface CsvPoints {
  /** Row-major [x0, y0, x1, y1, …], inside [−1, 1]². */
  points: Float64Array;
  count: number;
  /** The factor and shift applied, when rescaling was needed: stored = (raw − shift) · scale. */
  rescaled: { scale: number; shiftX: number; shiftY: number } | null;
}

export interface CsvOptions {
  /** Fewest points accepted. Default 2. */
  minPoints?: number;
  /** Most points accepted. Default 5000. */
  maxPoints?: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fields(line: string): string[] {
  return line.split(/[,;\t]/).map((f) => f.trim());
}

/** Parse CSV text. Returns the points or the first problems found (at most 5), each with its line. */
export function parsePointsCsv(text: string, { minPoints = 2, maxPoints = 5000 }: CsvOptions = {}): { ok: true; value: CsvPoints } | { ok: false; errors: CsvError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const values: number[] = [];
  const errors: CsvError[] = [];
  let sawData = false;
  let count = 0;
  for (let i = 0; i < lines.length && errors.length < 5; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = fields(line);
    if (!sawData && parts.length === 2 && parts.every((p) => p !== '' && !NUMBER.test(p))) {
      sawData = true; // header
      continue;
    }
    sawData = true;
    if (parts.length !== 2) {
      errors.push({ code: 'fieldCount', line: i + 1, found: String(parts.length) });
      continue;
    }
    const bad = parts.find((p) => !NUMBER.test(p) || !Number.isFinite(Number(p)));
    if (bad !== undefined) {
      errors.push({ code: 'notANumber', line: i + 1, found: bad.length > 30 ? `${bad.slice(0, 30)}…` : bad });
      continue;
    }
    count++;
    if (count > maxPoints) {
      errors.push({ code: 'tooMany', line: i + 1, limit: maxPoints });
      break;
    }
    values.push(Number(parts[0]), Number(parts[1]));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (count === 0) return { ok: false, errors: [{ code: 'empty', line: 0 }] };
  if (count < minPoints) return { ok: false, errors: [{ code: 'tooFew', line: 0, limit: minPoints, found: String(count) }] };
  const points = Float64Array.from(values);
  return { ok: true, value: { points, count, rescaled: fitIntoSquare(points) } };
}

/** Rescale in place into [−0.9, 0.9]² when some coordinate is outside [−1, 1]; returns what was done. */
export function fitIntoSquare(points: Float64Array): CsvPoints['rescaled'] {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  if (minX >= -1 && maxX <= 1 && minY >= -1 && maxY <= 1) return null;
  const shiftX = (minX + maxX) / 2;
  const shiftY = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 0 ? 0.9 / half : 1;
  for (let i = 0; i < points.length; i += 2) {
    points[i] = (points[i] - shiftX) * scale;
    points[i + 1] = (points[i + 1] - shiftY) * scale;
  }
  return { scale, shiftX, shiftY };
}

/** The inverse: points as CSV text with a header (for download). */
export function pointsToCsv(points: ArrayLike<number>, digits = 6): string {
  const rows = ['x,y'];
  for (let i = 0; i + 1 < points.length; i += 2) rows.push(`${points[i].toFixed(digits)},${points[i + 1].toFixed(digits)}`);
  return rows.join('\n') + '\n';
}
