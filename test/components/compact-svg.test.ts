import { describe, expect, it } from 'vitest';
import { compactSvg } from '../../src/components/figures/compact-svg.ts';

describe('compactSvg()', () => {
  it('rounds coordinates in geometric attributes to two decimals', () => {
    expect(compactSvg('<circle r="0.8" cy="176.56488633651767" cx="-68.52856171140921" />')).toBe('<circle r="0.8" cy="176.56" cx="-68.53" />');
    expect(compactSvg('<path d="M1.23456,2.5L3.14159,-0.0049" />')).toBe('<path d="M1.23,2.5L3.14,0" />');
    expect(compactSvg('<g transform="translate(0.12345,10.5)">')).toBe('<g transform="translate(0.12,10.5)">');
  });
  it('leaves labels and text alone', () => {
    const svg = '<svg aria-label="α = 0.00012345"><text x="1.5">0.00012345</text></svg>';
    expect(compactSvg(svg)).toBe(svg);
  });
});
