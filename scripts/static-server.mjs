/**
 * A small static file server for the built site (dist/), bound to 127.0.0.1.
 * Used by `npm start` and by the browser tests. Serves `index.html` for directory paths,
 * `.wasm` as application/wasm (needed for streaming compilation), and dist/404.html with
 * status 404 for anything else. A directory path without its trailing slash is redirected with
 * its query string kept. Widget state lives in the query, so URLs can be long: the request-header
 * limit is raised from Node's 16 KiB to MAX_HEADER_BYTES.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

async function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      const index = join(full, 'index.html');
      return (await stat(index)).isFile() ? index : null;
    }
    return info.isFile() ? full : null;
  } catch {
    return null;
  }
}

/** Largest request head accepted (request line + headers), in bytes. */
export const MAX_HEADER_BYTES = 256 * 1024;

/** Start serving `dir`. Resolves to { url, close() } once listening. Port 0 picks a free port. */
export function serve(dir, { port = 4321, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, async (req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/' && !pathname.endsWith('/') && !extname(pathname)) {
      res.writeHead(301, { location: pathname + '/' + search });
      res.end();
      return;
    }
    const file = await fileFor(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? (await fileFor(root, '/404.html'));
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    // Build assets carry a content hash in their name: cache them for good. Everything else is
    // revalidated (Last-Modified / If-Modified-Since), so a reload fetches only what changed.
    const info = await stat(body);
    const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
    const immutable = status === 200 && pathname.startsWith('/_astro/');
    const headers = {
      'content-type': TYPES[extname(body)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': lastModified,
    };
    const since = req.headers['if-modified-since'];
    if (status === 200 && since && Date.parse(since) >= Date.parse(lastModified)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
