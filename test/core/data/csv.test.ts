import { describe, expect, it } from 'vitest';
import { parsePointsCsv, pointsToCsv } from '../../../src/core/data/csv.ts';

describe('parsePointsCsv', () => {
  it('reads pairs with a header, comments, blank lines and mixed separators', () => {
    const r = parsePointsCsv('x,y\n# a comment\n0.1, 0.2\n\n-0.5;0.25\n1e-1\t-3E-1\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.value.points)).toEqual([0.1, 0.2, -0.5, 0.25, 0.1, -0.3]);
    expect(r.value.count).toBe(3);
    expect(r.value.rescaled).toBeNull();
  });

  it('names the line and the problem for a wrong field count and for a non-number', () => {
    const r = parsePointsCsv('x,y\n0.1,0.2\n0.3\n0.4,abc\n0.5,0.6,0.7\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { code: 'fieldCount', line: 3, found: '1' },
      { code: 'notANumber', line: 4, found: 'abc' },
      { code: 'fieldCount', line: 5, found: '3' },
    ]);
  });

  it('rejects NaN, Infinity and hexadecimal instead of converting them', () => {
    for (const bad of ['NaN', 'Infinity', '0x10', '1e999']) {
      const r = parsePointsCsv(`0,0\n1,${bad}\n`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'notANumber', line: 2 });
    }
  });

  it('reports empty files, too few and too many points', () => {
    expect(parsePointsCsv('\n# nothing\n')).toEqual({ ok: false, errors: [{ code: 'empty', line: 0 }] });
    expect(parsePointsCsv('0,0\n')).toMatchObject({ ok: false, errors: [{ code: 'tooFew', limit: 2 }] });
    const many = Array.from({ length: 12 }, (_, i) => `${i / 100},0`).join('\n');
    expect(parsePointsCsv(many, { maxPoints: 10 })).toMatchObject({ ok: false, errors: [{ code: 'tooMany', line: 11, limit: 10 }] });
  });

  it('rescales points that do not fit in [−1, 1]², keeping the aspect ratio', () => {
    const r = parsePointsCsv('0,0\n10,0\n10,5\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rescaled).toEqual({ scale: 0.18, shiftX: 5, shiftY: 2.5 });
    expect(Array.from(r.value.points).map((v) => Number(v.toFixed(12)))).toEqual([-0.9, -0.45, 0.9, -0.45, 0.9, 0.45]);
  });

  it('pointsToCsv writes what parsePointsCsv reads back', () => {
    const pts = [0.125, -0.5, 0.75, 0.0625];
    const r = parsePointsCsv(pointsToCsv(pts));
    expect(r.ok && Array.from(r.value.points)).toEqual(pts);
  });
});
