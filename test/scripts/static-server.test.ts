import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/static-server.mjs';

/** One raw GET (fetch follows redirects and may refuse huge URLs itself). */
function get(base: string, path: string): Promise<{ status: number; location?: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static-server serve()', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(dir, 'en', 'toy-lab'), { recursive: true });
    writeFileSync(join(dir, 'en', 'toy-lab', 'index.html'), '<!doctype html><title>toy</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>');
    server = await serve(dir, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a 40 kB query string with the page, not 431', async () => {
    const res = await get(server.url, `/en/toy-lab/?sampler.tau=${'9'.repeat(40_000)}`);
    expect(res.status).toBe(200);
  });

  it('keeps the query string when redirecting a directory path to its trailing slash', async () => {
    const res = await get(server.url, '/en/toy-lab?sampler.n=500&x=%25');
    expect(res.status).toBe(301);
    expect(res.location).toBe('/en/toy-lab/?sampler.n=500&x=%25');
  });

  it('redirects a directory path without a query to the bare trailing-slash path', async () => {
    const res = await get(server.url, '/en/toy-lab');
    expect(res.location).toBe('/en/toy-lab/');
  });
});

describe('static-server caching', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-server-cache-'));
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, '_astro', 'app.abc123.js'), 'export {};');
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    server = await serve(dir, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks hashed build assets immutable and answers 304 to a revalidation of an unchanged page', async () => {
    const asset = await fetch(`${server.url}/_astro/app.abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${server.url}/`, { headers: { 'if-modified-since': page.headers.get('last-modified')! } });
    expect(again.status).toBe(304);
  });
});
