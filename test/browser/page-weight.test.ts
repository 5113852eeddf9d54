/**
 * Page weight of the real build: what a first visit transfers (HTML + CSS + JS, gzip, fonts
 * excluded) and the lazily loaded chunks. Printed for the record; budgets keep regressions visible.
 */
import { describe, expect, it } from 'vitest';
import { formatWeights, pageWeights } from '../../scripts/page-weight.mjs';

const INITIAL_BUDGET = 150 * 1024; // per page, gzip
const TFJS_BUDGET = 260 * 1024;

describe('page weight', () => {
  const weights = pageWeights('dist');
  it('prints the table', () => {
    console.log(`\n${formatWeights(weights)}\n`);
    expect(weights.pages.length).toBeGreaterThan(0);
  });
  it.each(weights.pages.map((p) => [p.path, p.total] as const))('%s loads at most 150 KB before any widget (got %d bytes)', (_path, total) => {
    expect(total).toBeLessThanOrEqual(INITIAL_BUDGET);
  });
  it('keeps tfjs out of every page and in one lazy chunk under its budget', () => {
    const tfjs = weights.lazyChunks.filter((c) => /\/tfjs\./.test(c.file));
    expect(tfjs.length).toBe(1);
    expect(tfjs[0].gzip).toBeLessThanOrEqual(TFJS_BUDGET);
    for (const p of weights.pages) expect(p.js, p.path).toBeLessThan(40 * 1024);
  });
});
