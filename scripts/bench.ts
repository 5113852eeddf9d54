#!/usr/bin/env node
/**
 * `npm run bench`: the lab's speed, measured (never asserted in tests).
 *
 * 1. In headless Chromium against the built site (built first when dist/ is missing): the bench
 *    widget of the experiments chapter on each backend that starts (webgl, wasm, cpu) — N × S DDIM
 *    steps with the exact mixture denoiser and with the MLP, Adam steps/s at batch 512 — each next to
 *    the plain-TypeScript Float32Array baseline measured right after in the same page; the time from
 *    a slider change to the updated plot (2,000 points × 20 steps, exact denoiser); training two
 *    moons to the stated sliced-W₂ threshold on wasm.
 * 2. Under Node 22: the same workloads (src/lab/bench/workloads.ts) on tfjs cpu and wasm, with the
 *    baseline, and the training threshold on wasm.
 *
 *   npm run bench                     # everything (several minutes on 2 cores)
 *   npm run bench -- --quick          # N = 2,000 and 20 steps, fewer repetitions
 *   npm run bench -- --skip-browser   # Node only
 *   npm run bench -- --slider-only    # only the slider → plot latency
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { chromiumPath, INSTALL_HINT } from './chromium-path.mjs';
import { tf, useBackend, nodeYield } from './lib/tf-node.ts';
import { benchAll, type BenchRow } from '../src/lab/bench/workloads.ts';
import { trainToThreshold, type ThresholdResult } from '../src/lab/bench/train-to-threshold.ts';
import { SW2_THRESHOLD } from '../src/lab/bench/threshold.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizes = quick ? { n: 2000, steps: 20, trainSteps: 10 } : { n: 10000, steps: 50, trainSteps: 30 };
const rows: (BenchRow & { where: string })[] = [];
const thresholds: (ThresholdResult & { where: string })[] = [];
let sliderMs: number[] = [];
let sliderBackend = '';

const log = (s: string) => process.stderr.write(`${s}\n`);

async function browserPart() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(INSTALL_HINT);
  if (!existsSync('dist/index.html')) {
    log('No build in dist/: building the site first…');
    execSync('npx astro build', { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  }
  const server = await serve('dist', { port: 0 });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-quic', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(15 * 60_000);
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
    });
    log(`Chromium ${browser.version()}, WebGL renderer: ${renderer}`);

    // Slider → plot latency on the sampler (default backend, i.e. the one a reader gets).
    await page.goto(`${server.url}/en/toy-lab/?sampler.n=2000&sampler.steps=20&sampler.denoiser=exact`);
    const sampler = page.locator('[data-widget="lab-sampler"]');
    await sampler.scrollIntoViewIfNeeded();
    log('waiting for the sampler…');
    const poll = setInterval(async () => log(`  sampler: ${await page.evaluate(() => JSON.stringify(document.querySelector<HTMLElement>('[data-widget="lab-sampler"]')?.dataset)).catch(String)}`), 5000);
    await page.waitForSelector('[data-widget="lab-sampler"][data-completed]', { timeout: 120_000 }).finally(() => clearInterval(poll));
    sliderBackend = (await sampler.getAttribute('data-backend')) ?? '?';
    sliderMs = [];
    for (let k = 0; k < (quick ? 5 : 11); k++) {
      sliderMs.push(await page.evaluate(async (seed) => {
        const root = document.querySelector<HTMLElement>('[data-widget="lab-sampler"]')!;
        const slider = root.querySelector<HTMLInputElement>('[data-param-slider="seed"]')!;
        const before = root.dataset.runs;
        const t0 = performance.now();
        slider.value = String(seed);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (root.dataset.runs !== before) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(root, { attributes: true, attributeFilter: ['data-runs'] });
        });
        return performance.now() - t0;
      }, 100 + k));
      await page.waitForTimeout(1500);
    }
    log(`slider → plot: ${sliderMs.map((m) => m.toFixed(0)).join(', ')} ms on ${sliderBackend}`);

    if (args.includes('--slider-only')) return;
    await page.goto(`${server.url}/en/experiments/?bench.n=${sizes.n}&bench.steps=${sizes.steps}`);
    const bench = page.locator('[data-widget="lab-bench"]');
    await bench.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-widget="lab-bench"][data-state="ready"]');
    for (const backend of ['webgl', 'wasm', 'cpu']) {
      await bench.locator('[data-backend]').selectOption(backend);
      await page.waitForTimeout(500);
      const active = await bench.getAttribute('data-backend');
      if (active !== backend) {
        log(`${backend}: could not start in this browser (running on ${active}); skipped`);
        continue;
      }
      log(`browser ${backend}: running…`);
      await page.evaluate(() => delete document.querySelector<HTMLElement>('[data-widget="lab-bench"]')!.dataset.benchState);
      await bench.locator('[data-action="run"]').click();
      await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('[data-widget="lab-bench"]')!.dataset.benchState ?? ''), null, { timeout: 20 * 60_000, polling: 1000 });
      const row = await bench.getAttribute('data-bench-row');
      if (row) rows.push({ ...JSON.parse(row), where: 'Chromium' });
    }
    await bench.locator('[data-backend]').selectOption('wasm');
    await page.waitForTimeout(500);
    log('browser wasm: training two moons to the threshold…');
    await bench.locator('[data-action="threshold"]').click();
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('[data-widget="lab-bench"]')!.dataset.thresholdState ?? ''), null, { timeout: 10 * 60_000, polling: 1000 });
    const t = await bench.getAttribute('data-threshold-result');
    if (t) thresholds.push({ ...JSON.parse(t), where: `Chromium ${JSON.parse(t).backend}` });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function nodePart() {
  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    log(`Node ${backend}: running…`);
    rows.push({ ...(await benchAll(sizes, () => undefined, nodeYield)), where: 'Node 22' });
  }
  await useBackend('wasm');
  log('Node wasm: training two moons to the threshold…');
  thresholds.push({ ...(await trainToThreshold({ yieldFn: nodeYield })), where: 'Node 22 wasm' });
  if (tf.memory().numTensors !== 0) log(`note: ${tf.memory().numTensors} tensors left`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

function table() {
  const head = ['where', 'backend', `exact ε* ${sizes.n}×${sizes.steps}`, 'plain TS', 'speed-up', `MLP ${sizes.n}×${sizes.steps}`, 'plain TS', 'speed-up', 'train steps/s @512', 'plain TS', 'speed-up'];
  const body = rows.map((r) => [
    r.where, r.backend,
    `${r.gmmSeconds.toFixed(2)} s`, `${r.gmmBaselineSeconds.toFixed(2)} s`, `${(r.gmmBaselineSeconds / r.gmmSeconds).toFixed(2)}×`,
    `${r.mlpSeconds.toFixed(2)} s`, `${r.mlpBaselineSeconds.toFixed(2)} s`, `${(r.mlpBaselineSeconds / r.mlpSeconds).toFixed(2)}×`,
    r.trainPerSecond.toFixed(1), r.trainBaselinePerSecond.toFixed(1), `${(r.trainPerSecond / r.trainBaselinePerSecond).toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  out.push('');
  out.push(`Targets (2 cores, no GPU):`);
  if (sliderMs.length) {
    const m = median(sliderMs);
    out.push(`- slider change → updated plot, 2,000 points × 20 steps, exact denoiser (${sliderBackend}, median of ${sliderMs.length}): ${m.toFixed(0)} ms [target ≤ 100 ms: ${m <= 100 ? 'met' : 'MISSED'}]`);
  }
  for (const r of rows.filter((x) => x.backend === 'wasm')) {
    const ratio = r.mlpBaselineSeconds / r.mlpSeconds;
    out.push(`- MLP sampler on wasm vs plain TS (${r.where}): ${ratio.toFixed(2)}× faster [target ≥ 2×: ${ratio >= 2 ? 'met' : 'MISSED'}]`);
  }
  for (const t of thresholds) {
    out.push(`- two moons to sliced W₂ < ${SW2_THRESHOLD} (${t.where}): ${t.reached ? `reached ${t.slicedW2.toFixed(3)} after ${t.steps} Adam steps, ${t.trainSeconds.toFixed(1)} s of training (${t.totalSeconds.toFixed(1)} s with evaluations)` : `not reached (${t.slicedW2.toFixed(3)} after ${t.steps} steps)`} [target ≤ 30 s: ${t.reached && t.trainSeconds <= 30 ? 'met' : 'MISSED'}]`);
  }
  return out.join('\n');
}

if (!args.includes('--skip-browser')) await browserPart();
if (!args.includes('--skip-node') && !args.includes('--slider-only')) await nodePart();
console.log(table());
