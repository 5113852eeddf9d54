/**
 * The Content-Security-Policy of every page, written into a <meta http-equiv> tag by Base.astro
 * (the site is static: no response headers are assumed). It allows only what the build emits:
 * - scripts: this site's files only, no inline script, no eval; WebAssembly compilation for
 *   tfjs's wasm backend ('wasm-unsafe-eval', which does not allow eval);
 * - workers: this site's files (the metrics worker) and blob: (tfjs's threaded wasm, if used);
 * - frames: this site only (the sandbox of the code exercises, public/sandbox/, which has its own,
 *   stricter policy with no network at all);
 * - styles: this site's files plus inline style attributes and <style> blocks (KaTeX, Plot and
 *   Astro's scoped styles write them; styles cannot run code);
 * - connections, images, fonts: this site (checkpoints, wasm binaries, card data), data: and
 *   blob: images (Plot, downloads);
 * - no plugins, no <base>, no form posts.
 * frame-ancestors cannot be set from a meta tag; a host that sends headers should add it.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function cspContent(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
