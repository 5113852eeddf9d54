/**
 * Browser tests run against the real production build: serve dist/ on 127.0.0.1 (free port) for
 * the whole run. Fails, with the fix in one line, when there is no build or no Chromium.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/static-server.mjs';
import { chromiumPath, INSTALL_HINT } from '../../scripts/chromium-path.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  // DIST_DIR serves another build (e.g. `astro build --outDir …`) for a targeted run; default dist/.
  const dist = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`No build in ${dist}/: run \`npm run build\` first (npm test does).`);
  const chromium = chromiumPath();
  if (!chromium) throw new Error(INSTALL_HINT);
  const server = await serve(dist, { port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('chromium', chromium);
  return () => server.close();
}
