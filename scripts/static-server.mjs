// A static file server for the built bundle, bound to loopback only.
// Why our own: the app must be served with the right MIME type for .wasm (browsers refuse to
// stream-compile anything else), the build's Brotli and gzip copies must be sent to the
// browsers that accept them, and the end-to-end tests reuse it to count every request.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The copies the build writes beside a file, best first: the suffix and its encoding. */
const COPIES = [['.br', 'br'], ['.gz', 'gzip']];

/**
 * The encodings an `Accept-Encoding` header accepts (RFC 9110: a coding with q=0 is refused;
 * `*` stands for any coding not named).
 */
export function accepted(header = '') {
  const named = new Map();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    named.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (coding) => (named.has(coding) ? named.get(coding) > 0 : (named.get('*') ?? 0) > 0);
  return new Set(COPIES.map(([, coding]) => coding).filter(ok));
}

/** The file's modification time, or null when there is no such file. */
async function modified(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mtimeMs : null;
  } catch {
    return null;
  }
}

/**
 * The file to send for `file` and its encoding: the best copy the browser accepts, unless that
 * copy is older than the file itself (a file changed after the build must never be answered
 * with its stale copy).
 */
async function choose(file, acceptEncoding) {
  const own = await modified(file);
  if (own === null) return null;
  const ok = accepted(acceptEncoding);
  for (const [suffix, coding] of COPIES) {
    if (!ok.has(coding)) continue;
    const copy = await modified(file + suffix);
    if (copy !== null && copy >= own) return { path: file + suffix, coding };
  }
  return { path: file, coding: null };
}

/** Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves to the http.Server. */
export function serve(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const chosen = await choose(file, req.headers['accept-encoding']);
      if (chosen === null) throw new Error('not found');
      const body = await readFile(chosen.path);
      const headers = {
        // The type of the file itself, never of its copy: a .wasm sent as Brotli is still
        // application/wasm, so the browser compiles it while it downloads.
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
      };
      // Caches must keep one answer per encoding whenever there is a copy to choose.
      if (await modified(file + COPIES[0][0]) !== null || await modified(file + COPIES[1][0]) !== null) {
        headers.Vary = 'Accept-Encoding';
      }
      if (chosen.coding) headers['Content-Encoding'] = chosen.coding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(root, Number(port));
  console.log(`http://127.0.0.1:${server.address().port}/`);
}
