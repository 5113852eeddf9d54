#!/usr/bin/env node
/**
 * Page weight of the built site: for every page, what a first visit transfers before any widget
 * loads (HTML + CSS + JS, each gzip -9, fonts and images excluded), following the static imports
 * of module scripts; plus the lazily loaded chunks (tfjs, Plot, widget modules).
 * Usage: node scripts/page-weight.mjs [dist]   (also used by test/browser/page-weight.test.ts)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(full));
    else if (name === 'index.html') out.push(full);
  }
  return out;
}

/** Static `import … from "x"` / `import "x"` / `export … from "x"` specifiers (not dynamic import()). */
function staticImports(js) {
  const specs = [];
  for (const m of js.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+)["'`]/gm)) specs.push(m[1]);
  return specs;
}

function dynamicImports(js) {
  return [...js.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
}

export function pageWeights(dist = 'dist') {
  const root = resolve(dist);
  const assetPath = (from, url) => (url.startsWith('/') ? join(root, url) : resolve(dirname(from), url));
  const pages = [];
  const lazy = new Set();
  const initial = new Set();
  for (const file of htmlFiles(root).sort()) {
    const html = readFileSync(file, 'utf8');
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => assetPath(file, m[1]));
    const entry = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => assetPath(file, m[1]));
    const js = new Set();
    const queue = [...entry];
    while (queue.length) {
      const f = queue.pop();
      if (js.has(f)) continue;
      js.add(f);
      initial.add(f);
      const text = readFileSync(f, 'utf8');
      for (const s of staticImports(text)) if (s.startsWith('.') || s.startsWith('/')) queue.push(assetPath(f, s));
      for (const s of dynamicImports(text)) if (s.startsWith('.') || s.startsWith('/')) lazy.add(assetPath(f, s));
    }
    const htmlGz = gz(readFileSync(file));
    const cssGz = css.reduce((n, f) => n + gz(readFileSync(f)), 0);
    const jsGz = [...js].reduce((n, f) => n + gz(readFileSync(f)), 0);
    const path = '/' + relative(root, dirname(file)).split('\\').join('/');
    pages.push({ path: path === '/' ? '/' : path + '/', html: htmlGz, css: cssGz, js: jsGz, total: htmlGz + cssGz + jsGz });
  }
  // Everything reachable from the dynamic imports, statically.
  const lazyFiles = new Set();
  const queue = [...lazy];
  while (queue.length) {
    const f = queue.pop();
    if (lazyFiles.has(f) || initial.has(f)) continue;
    lazyFiles.add(f);
    for (const s of staticImports(readFileSync(f, 'utf8'))) if (s.startsWith('.') || s.startsWith('/')) queue.push(assetPath(f, s));
  }
  const chunks = [...lazyFiles].map((f) => ({ file: relative(root, f), gzip: gz(readFileSync(f)) })).sort((a, b) => b.gzip - a.gzip);
  return { pages, lazyChunks: chunks };
}

const kb = (n) => (n / 1024).toFixed(1);

export function formatWeights({ pages, lazyChunks }) {
  const lines = ['page                                   HTML    CSS     JS   total  (KB, gzip -9, fonts excluded)'];
  for (const p of pages) lines.push(`${p.path.padEnd(36)} ${kb(p.html).padStart(6)} ${kb(p.css).padStart(6)} ${kb(p.js).padStart(6)} ${kb(p.total).padStart(7)}`);
  lines.push('', 'lazy chunks (loaded when a widget nears the viewport)');
  for (const c of lazyChunks) lines.push(`  ${c.file.padEnd(60)} ${kb(c.gzip).padStart(7)} KB`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatWeights(pageWeights(process.argv[2] ?? 'dist')));
}
