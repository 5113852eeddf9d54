/**
 * The code-exercise sandbox cannot reach the network, however the reader's code is written: every
 * escape below targets a local "bait" server on another port, which must see no request at all,
 * and every one of them is refused inside the sandbox.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './harness.ts';
import { answer, openExercises, verdict } from './exercises-helpers.ts';

const session = browserSession({ viewport: { width: 1100, height: 800 } });
let bait: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  bait = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    res.end('export const x = 1; self.postMessage && 0;');
  });
  await new Promise<void>((r) => bait.listen(0, '127.0.0.1', () => r()));
  port = (bait.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => bait.close(r));
});

/** Reader code that tries every way out, waits for each attempt to settle, then reports them all. */
function escapes(target: string): string {
  return `const target = ${JSON.stringify(target)};
const attempts = [];
const attempt = (name, f) => {
  let p;
  try { p = Promise.resolve(f()); } catch (e) { p = Promise.reject(e); }
  attempts.push(p.then(() => name + ': allowed', (e) => name + ': ' + (e && e.name)));
};
const event = (make) => new Promise((resolve, reject) => {
  const x = make();
  x.onopen = () => resolve();
  x.onload = () => resolve();
  x.onerror = () => reject(new Error('error event'));
  setTimeout(() => reject(new Error('no answer')), 3000);
});
attempt('(0,eval) import', () => (0, eval)("import(target + 'eval-import')"));
attempt('eval fetch', () => (0, eval)("fetch(target + 'eval-fetch')"));
attempt('new Function import', () => new Function('t', "return import(t + 'function-import')")(target));
attempt('Function via constructor chain', () => (() => {}).constructor("return import('" + target + "chain')")());
attempt('fetch', () => fetch(target + 'fetch'));
attempt('self.fetch', () => self.fetch(target + 'self-fetch'));
attempt('XMLHttpRequest', () => event(() => { const x = new XMLHttpRequest(); x.open('GET', target + 'xhr'); x.send(); return x; }));
attempt('WebSocket', () => event(() => new WebSocket(target.replace('http', 'ws') + 'ws')));
attempt('EventSource', () => event(() => new EventSource(target + 'es')));
attempt('importScripts', () => importScripts(target + 'import-scripts'));
attempt('nested Worker fetch', () => new Promise((resolve, reject) => {
  const w = new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(target + 'nested-fetch') + ").then(() => postMessage('allowed'), (e) => postMessage(e.name))"], { type: 'text/javascript' })));
  w.onmessage = (e) => (e.data === 'allowed' ? resolve() : reject(new Error(e.data)));
  w.onerror = (e) => { e.preventDefault(); reject(new Error('nested worker failed')); };
}));
attempt('nested Worker from URL', () => event(() => new Worker(target + 'worker.js')));
const results = await Promise.all(attempts);
const allowed = results.filter((r) => r.endsWith(': allowed'));
export function sigma(alphaT, alphaPrev, eta) {
  throw new Error('allowed=' + allowed.join('|') + ' refused=' + (results.length - allowed.length));
}
`;
}

describe('code exercise sandbox', () => {
  it('refuses eval, Function, fetch, XMLHttpRequest, WebSocket, EventSource, importScripts and nested workers: the bait server sees nothing', async () => {
    const rec = await openExercises(session.context, '/en/exercises/sampler-family/');
    const target = `http://127.0.0.1:${port}/`;
    const fb = await answer(rec.page, 'sampler-family/sigma-code', 'code', escapes(target));
    const text = await verdict(fb, 40_000);
    // The function reports the attempts that got through (none) and the number refused.
    expect(text).toContain('allowed= refused=12');
    expect(hits).toEqual([]);
    expect(rec.foreignRequests).toEqual([]);
    expect(rec.requests.filter((u) => u.includes(`:${port}/`))).toEqual([]);
    expect(rec.pageErrors).toEqual([]);
    await rec.page.close();
  });

  it('still runs honest code and reports its results', async () => {
    const rec = await openExercises(session.context, '/en/exercises/sampler-family/');
    const fb = await answer(rec.page, 'sampler-family/sigma-code', 'code', 'function sigma(alphaT, alphaPrev, eta) {\n  return eta * Math.sqrt((1 - alphaPrev) / (1 - alphaT)) * Math.sqrt(1 - alphaT / alphaPrev);\n}');
    expect(await verdict(fb, 40_000)).toContain('All 24 tests pass.');
    expect(await rec.page.locator('iframe[data-code-sandbox]').count()).toBe(0);
    expect(rec.pageErrors).toEqual([]);
    await rec.page.close();
  });
});
