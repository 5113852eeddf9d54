/**
 * Collects each diffusers test constant a test file reproduces and prints them as a table after
 * the file's tests, so the test output lists every reproduced constant with its value.
 */
import { afterAll, expect } from 'vitest';

interface Row {
  test: string;
  what: string;
  diffusers: number;
  ours: number;
  tolerance: number;
}

/** A list diffusers asserts exactly (torch.equal / ==). */
interface ListRow {
  test: string;
  what: string;
  diffusers: number[];
  ours: number[];
}

export function constantsReport(title: string) {
  const rows: Row[] = [];
  const lists: ListRow[] = [];
  afterAll(() => {
    const lines = rows.map((r) => {
      const diff = Math.abs(r.ours - r.diffusers);
      return `  ${r.test.padEnd(44)} ${r.what.padEnd(26)} diffusers ${String(r.diffusers).padEnd(9)} ours ${r.ours.toPrecision(9).padEnd(12)} |diff| ${diff.toExponential(2)} < ${r.tolerance}`;
    });
    const listLines = lists.map((r) => `  ${r.test.padEnd(44)} ${r.what.padEnd(26)} diffusers [${r.diffusers.join(', ')}]  ours [${r.ours.join(', ')}]  equal`);
    console.log(`${title}: ${rows.length + lists.length} constants reproduced\n${[...lines, ...listLines].join('\n')}`);
  });
  return {
    /** Assert |ours − diffusers| < tolerance (diffusers' own assertion) and record the row. */
    check(test: string, what: string, ours: number, diffusers: number, tolerance: number) {
      rows.push({ test, what, diffusers, ours, tolerance });
      expect(Math.abs(ours - diffusers), `${test} ${what}: ours ${ours}, diffusers ${diffusers}`).toBeLessThan(tolerance);
    },
    /** Assert a list equals diffusers' exactly and record the row. */
    checkList(test: string, what: string, ours: number[], diffusers: number[]) {
      lists.push({ test, what, diffusers, ours: [...ours] });
      expect(ours, `${test} ${what}`).toEqual(diffusers);
    },
  };
}
