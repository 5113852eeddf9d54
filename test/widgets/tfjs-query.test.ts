import { describe, expect, it } from 'vitest';
import { tfjsSafeSearch } from '../../src/widgets/runtime/tfjs-query.ts';

/** tfjs-core 4.22's own first read of the query (Environment.populateURLFlags → getQueryParams). */
async function tfjsReads(search: string): Promise<Record<string, string>> {
  const { getQueryParams } = (await import('@tensorflow/tfjs-core/dist/environment.js')) as unknown as {
    getQueryParams(q: string): Record<string, string>;
  };
  return getQueryParams(search);
}

describe('tfjsSafeSearch()', () => {
  it('leaves an ordinary widget query untouched', () => {
    expect(tfjsSafeSearch('?sampler.n=500&sampler.eta=0.5')).toBeNull();
    expect(tfjsSafeSearch('')).toBeNull();
  });

  for (const bad of ['?utm=%', '?a=%E0%A4%A', '?a=%ED%A0%80', '?%=1', '?sampler.n=500&x=%zz']) {
    it(`re-encodes the malformed escape in ${bad} so tfjs's decoder no longer throws`, async () => {
      await expect(tfjsReads(bad)).rejects.toThrow(URIError);
      const safe = tfjsSafeSearch(bad);
      expect(safe).not.toBeNull();
      await expect(tfjsReads(safe!)).resolves.toBeTypeOf('object');
      // Every value a widget reads (through URLSearchParams) is unchanged.
      expect([...new URLSearchParams(safe!)]).toEqual([...new URLSearchParams(bad)]);
    });
  }

  it('drops tfjsflags (also written %74fjsflags) and keeps every other key', async () => {
    for (const q of ['?tfjsflags=DEBUG:true&sampler.n=500', '?sampler.n=500&%74fjsflags=WEBGL_VERSION:1', '?tfjsflags=DEBUG&sampler.n=500']) {
      const safe = tfjsSafeSearch(q)!;
      expect(Object.keys(await tfjsReads(safe))).not.toContain('tfjsflags');
      expect(new URLSearchParams(safe).get('sampler.n')).toBe('500');
    }
    expect(tfjsSafeSearch('?tfjsflags=DEBUG:true')).toBe('');
  });
});
