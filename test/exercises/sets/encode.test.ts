import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../src/exercises/sets/hash.ts';
import { decodeSet, encodeSet, parseStudentId, variantSeed, type AssignmentSet } from '../../../src/exercises/sets/encode.ts';

const known = new Set(['sampler-family/sigma-eta', 'errata/sigma-squared', 'n-step-jump/jump-coefficient']);
const set: AssignmentSet = { title: 'Week 3 — DDIM 采样', exercises: ['errata/sigma-squared', 'sampler-family/sigma-eta'], perStudent: true, seed: 42, hints: true, solutions: false };

describe('assignment set links', () => {
  it('encodeSet() and decodeSet() round-trip, Chinese title included', () => {
    const payload = encodeSet(set);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(decodeSet(payload, known)).toEqual({ ok: true, set });
  });

  it('decodeSet() rejects missing, cut-short, altered and foreign payloads with a reason', () => {
    const payload = encodeSet(set);
    expect(decodeSet(null, known)).toEqual({ ok: false, problem: { code: 'missing' } });
    expect(decodeSet(payload.slice(0, 20), known)).toEqual({ ok: false, problem: { code: 'damaged' } });
    const altered = payload.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(decodeSet(altered, known)).toEqual({ ok: false, problem: { code: 'damaged' } });
    expect(decodeSet('<script>alert(1)</script>', known)).toEqual({ ok: false, problem: { code: 'damaged' } });
    expect(decodeSet('x'.repeat(9000), known)).toEqual({ ok: false, problem: { code: 'tooLong' } });
  });

  it('decodeSet() names unknown exercises, duplicates, an empty set and a newer format', () => {
    expect(decodeSet(encodeSet({ ...set, exercises: ['gone/away', 'sampler-family/sigma-eta'] }), known)).toEqual({ ok: false, problem: { code: 'unknownExercises', ids: ['gone/away'] } });
    expect(decodeSet(encodeSet({ ...set, exercises: ['errata/sigma-squared', 'errata/sigma-squared'] }), known)).toEqual({ ok: false, problem: { code: 'duplicate', id: 'errata/sigma-squared' } });
    expect(decodeSet(encodeSet({ ...set, exercises: [] }), known)).toEqual({ ok: false, problem: { code: 'empty' } });
    const body = btoa(JSON.stringify({ v: 2, t: '', e: [], r: 0, s: 0, h: 0, k: 0 })).replace(/=+$/, '');
    // Re-sign the body so only the version is wrong.
    expect(decodeSet(`${body}.${fnv1a(body).toString(36)}`, known)).toEqual({ ok: false, problem: { code: 'newerVersion', version: 2 } });
  });

  it('variantSeed() is deterministic, differs per student and exercise, and ignores the student when not per-student', () => {
    const a = variantSeed(set, 's001', 'errata/sigma-squared');
    expect(variantSeed(set, 's001', 'errata/sigma-squared')).toBe(a);
    expect(variantSeed(set, 's002', 'errata/sigma-squared')).not.toBe(a);
    expect(variantSeed(set, 's001', 'sampler-family/sigma-eta')).not.toBe(a);
    expect(variantSeed({ ...set, seed: 43 }, 's001', 'errata/sigma-squared')).not.toBe(a);
    const shared = { ...set, perStudent: false };
    expect(variantSeed(shared, 's001', 'errata/sigma-squared')).toBe(variantSeed(shared, 'anyone', 'errata/sigma-squared'));
  });

  it('parseStudentId() accepts names in any script and refuses markup and overlong ids', () => {
    expect(parseStudentId('  2024-0113 ')).toBe('2024-0113');
    expect(parseStudentId('王小明')).toBe('王小明');
    expect(parseStudentId('a.b@uni.edu')).toBe('a.b@uni.edu');
    expect(parseStudentId('')).toBeNull();
    expect(parseStudentId('<b>x</b>')).toBeNull();
    expect(parseStudentId('x'.repeat(65))).toBeNull();
  });
});
