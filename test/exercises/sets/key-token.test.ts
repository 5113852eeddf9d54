import { describe, expect, it } from 'vitest';
import { KEY_HASH_PATTERN, keyHashOf, newKeyToken, tokenOpensKey } from '../../../src/exercises/sets/key-token.ts';
import { decodeSet, encodeSet, type AssignmentSet } from '../../../src/exercises/sets/encode.ts';

const known = new Set(['sampler-family/sigma-eta']);
const base: AssignmentSet = { title: 'Week 3', exercises: ['sampler-family/sigma-eta'], perStudent: true, seed: 7, hints: true, solutions: false };

describe('answer-key tokens', () => {
  it('newKeyToken() draws 128 bits as 22 base64url characters from the source it is given', () => {
    const fixed = newKeyToken((b) => b.fill(255));
    expect(fixed).toBe('_____________________w');
    const a = newKeyToken();
    const b = newKeyToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
  });

  it('keyHashOf() is the first 128 bits of SHA-256, in hex', async () => {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 ...
    expect(await keyHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223');
    expect(await keyHashOf(newKeyToken())).toMatch(KEY_HASH_PATTERN);
  });

  it('tokenOpensKey() accepts only the token whose digest the set holds', async () => {
    const token = newKeyToken();
    const keyHash = await keyHashOf(token);
    expect(await tokenOpensKey(token, keyHash)).toBe(true);
    expect(await tokenOpensKey(newKeyToken(), keyHash)).toBe(false);
    expect(await tokenOpensKey('1', keyHash)).toBe(false);
    expect(await tokenOpensKey(keyHash, keyHash)).toBe(false);
    expect(await tokenOpensKey(token, undefined)).toBe(false);
    expect(await tokenOpensKey(null, keyHash)).toBe(false);
  });

  it('the digest travels in the set link and is validated on the way in', async () => {
    const set = { ...base, keyHash: await keyHashOf(newKeyToken()) };
    expect(decodeSet(encodeSet(set), known)).toEqual({ ok: true, set });
    expect(decodeSet(encodeSet(base), known)).toEqual({ ok: true, set: base });
    expect(decodeSet(encodeSet({ ...base, keyHash: 'not-hex' }), known)).toEqual({ ok: false, problem: { code: 'badField', field: 'keyHash' } });
  });
});
