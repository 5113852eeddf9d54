/**
 * Every exercise answer box has an accessible name in Chromium's accessibility tree, including
 * those whose visible <label> holds only a KaTeX formula (e.g. the slerp part on the toy-lab page).
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from './harness.ts';
import { openExercises } from './exercises-helpers.ts';

const session = browserSession({ viewport: { width: 1100, height: 800 } });

interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

describe('exercise answer boxes', () => {
  for (const path of ['/en/exercises/toy-lab/', '/zh/exercises/toy-lab/', '/en/exercises/sampler-family/']) {
    it(`each text box has a non-empty accessible name on ${path}`, async () => {
      const rec = await openExercises(session.context, path);
      const page = rec.page;
      const ids = await page.locator('input.ex-input').evaluateAll((els) => els.map((e) => e.id));
      expect(ids.length).toBeGreaterThan(0);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: unknown };
      void root;
      const unnamed: string[] = [];
      for (const id of ids) {
        const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: ((await cdp.send('DOM.getDocument')) as { root: { nodeId: number } }).root.nodeId, selector: `#${CSS_escape(id)}` })) as { nodeId: number };
        const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: { backendNodeId: number } };
        const ax = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
        if (!ax?.name?.value?.trim()) unnamed.push(id);
      }
      expect(unnamed).toEqual([]);
      if (path.endsWith('toy-lab/')) {
        const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: ((await cdp.send('DOM.getDocument')) as { root: { nodeId: number } }).root.nodeId, selector: '#ex-toy-lab--slerp-linear-input' })) as { nodeId: number };
        expect(nodeId).toBeGreaterThan(0);
      }
      await cdp.detach();
      await page.close();
    });
  }
});

function CSS_escape(id: string): string {
  return id.replace(/([^\w-])/g, '\\$1');
}
